//! Text helpers shared by search, icon lookup and frequency detection: accent- and
//! case-insensitive folding and a small fuzzy matcher. Pure, no egui.
//!
//! The matcher stays home-made rather than `nucleo-matcher` (evaluated for issue 14):
//! nucleo's `Normalization` folds a fixed table of Latin letters, not full NFD, so it
//! misses what [`fold`] does (combining marks on any base, `’` as `'`, no-break spaces),
//! and its fzf-style score has no notion of the tiers the search promises (exact, prefix,
//! whole word, substring, then scattered letters), which the palette's ranking and its
//! tests rely on: we would fold and re-rank around it anyway. Titles are folded once per
//! index, so a keystroke costs one pass of [`fuzzy_score_folded`] per title.

use unicode_normalization::char::is_combining_mark;

/// Folds `s` for comparison: Unicode decomposition, combining marks (accents) removed,
/// lower-cased, typographic apostrophes turned into `'`.
///
/// ```
/// assert_eq!(aws_study::text::fold("Très Fréquent"), "tres frequent");
/// assert_eq!(aws_study::text::fold("Pour l’examen"), "pour l'examen");
/// ```
#[must_use]
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`], appended to `out`. ASCII (most of a note) is lower-cased byte by byte; other
/// characters are decomposed one by one, which drops the same marks as decomposing the
/// whole string (canonical reordering only moves marks, and every mark is dropped).
pub fn fold_into(s: &str, out: &mut String) {
    out.reserve(s.len());
    let table = near_ascii();
    let mut rest = s;
    while !rest.is_empty() {
        let ascii = ascii_prefix_len(rest.as_bytes());
        let (run, after) = rest.split_at(ascii);
        // Copied, then lower-cased in place (a backquote at a time where there is one).
        if memchr::memchr(b'`', run.as_bytes()).is_some() {
            for (i, part) in run.split('`').enumerate() {
                if i > 0 {
                    out.push('\'');
                }
                let start = out.len();
                out.push_str(part);
                out[start..].make_ascii_lowercase();
            }
        } else {
            let start = out.len();
            out.push_str(run);
            out[start..].make_ascii_lowercase();
        }
        let Some(c) = after.chars().next() else {
            break;
        };
        rest = &after[c.len_utf8()..];
        fold_beyond_ascii(table, c, |f| out.push(f));
    }
}

/// Whether `s` holds `byte` twice in a row (`==`, `%%`): found with `memchr`, which
/// costs less than `str::contains` with a two-byte needle on the short texts of a note.
#[must_use]
pub fn has_pair(s: &str, byte: u8) -> bool {
    let b = s.as_bytes();
    memchr::memchr_iter(byte, b).any(|i| b.get(i + 1) == Some(&byte))
}

/// How many bytes `b` starts with that are ASCII, read 16 at a time (the first high bit of
/// a little-endian word is its first non-ASCII byte).
fn ascii_prefix_len(b: &[u8]) -> usize {
    const HIGH: u128 = u128::from_le_bytes([0x80; 16]);
    let mut len = 0;
    for chunk in b.chunks_exact(16) {
        let Ok(bytes) = <[u8; 16]>::try_from(chunk) else {
            break;
        };
        let high = u128::from_le_bytes(bytes) & HIGH;
        if high != 0 {
            return len + high.trailing_zeros() as usize / 8;
        }
        len += 16;
    }
    len + b[len..]
        .iter()
        .position(|x| !x.is_ascii())
        .unwrap_or(b.len() - len)
}

/// The folded form of one character ([`fold`] works character by character), handed to
/// `out` a character at a time: none for a combining mark, several for some letters.
pub fn fold_char(c: char, mut out: impl FnMut(char)) {
    if c.is_ascii() {
        out(match c {
            '`' => '\'',
            c => c.to_ascii_lowercase(),
        });
        return;
    }
    fold_beyond_ascii(near_ascii(), c, out);
}

/// [`fold_char`] of a character beyond ASCII, `table` being [`near_ascii`].
fn fold_beyond_ascii(table: &[u32], c: char, mut out: impl FnMut(char)) {
    // The Latin letters and marks of European languages (`é`, `ç`, `ß`, `’`), from a
    // table made once by the reading below.
    if let Some(&folded) = table.get((u32::from(c) as usize).wrapping_sub(0x80)) {
        match folded {
            NOTHING => {}
            SEVERAL => fold_char_fully(c, out),
            f => out(char::from_u32(f).unwrap_or(c)),
        }
        return;
    }
    if matches!(c, '\u{2018}' | '\u{2019}') {
        out('\'');
        return;
    }
    fold_char_fully(c, out);
}

/// A [`near_ascii`] entry for a character that folds to nothing (a combining mark).
const NOTHING: u32 = u32::MAX;
/// A [`near_ascii`] entry for a character that folds to more than one.
const SEVERAL: u32 = u32::MAX - 1;

/// The folded form of each character from U+0080 to U+036F (Latin-1, Latin Extended,
/// IPA, spacing and combining marks): the one character it folds to, [`NOTHING`] or
/// [`SEVERAL`]; made once from [`fold_char_fully`], so it folds exactly as that does.
fn near_ascii() -> &'static [u32] {
    static TABLE: std::sync::OnceLock<Box<[u32]>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (0x80..0x370)
            .map(|u| {
                let Some(c) = char::from_u32(u) else {
                    return SEVERAL;
                };
                let mut folded = Vec::new();
                fold_char_fully(c, |f| folded.push(f));
                match folded.as_slice() {
                    [] => NOTHING,
                    [f] => u32::from(*f),
                    _ => SEVERAL,
                }
            })
            .collect()
    })
}

/// [`fold_char`] of a character beyond ASCII, read in the Unicode tables.
fn fold_char_fully(c: char, mut out: impl FnMut(char)) {
    unicode_normalization::char::decompose_canonical(c, |d| {
        if is_combining_mark(d) {
            return;
        }
        for l in d.to_lowercase() {
            out(match l {
                // A backquote too (U+1FEF, Greek varia, is one): folded text has none.
                '\u{2019}' | '\u{2018}' | '`' => '\'',
                '\u{a0}' => ' ',
                l => l,
            });
        }
    });
}

/// Fuzzy-matches `query_folded` against `candidate`; higher scores are better.
///
/// `query_folded` must already be folded with [`fold`] (callers fold the query once per
/// search); `candidate` is folded inside, so raw display names can be passed.
///
/// Tiers, from best to worst: exact match, prefix, substring starting at a word, other
/// substring, scattered subsequence. Within a tier, shorter candidates and earlier
/// positions win; subsequences earn bonuses for word starts and contiguous runs and lose
/// points for gaps. Returns `None` when some query character cannot be matched in order.
/// An empty (or all-whitespace) query matches everything with score 0.
#[must_use]
pub fn fuzzy_score(query_folded: &str, candidate: &str) -> Option<u32> {
    fuzzy_score_folded(query_folded, &fold(candidate))
}

/// [`fuzzy_score`] for a candidate already folded (search keeps folded titles, so a
/// keystroke does not fold thousands of them again).
#[must_use]
pub fn fuzzy_score_folded(query_folded: &str, candidate_folded: &str) -> Option<u32> {
    const EXACT: i64 = 400_000;
    const PREFIX: i64 = 300_000;
    const WORD_SUBSTRING: i64 = 250_000;
    const SUBSTRING: i64 = 200_000;
    const SUBSEQUENCE: i64 = 100_000;

    let query = query_folded.trim();
    if query.is_empty() {
        return Some(0);
    }
    let cand = candidate_folded.trim();
    // Most candidates do not contain the query's letters in order: reject them before
    // allocating anything.
    let mut rest = cand.chars();
    if !query
        .chars()
        .filter(|c| !c.is_whitespace())
        .all(|qc| rest.any(|cc| cc == qc))
    {
        return None;
    }
    let q: Vec<char> = query.chars().collect();
    let c: Vec<char> = cand.chars().collect();
    if q.len() > c.len() {
        return None;
    }
    let len_penalty = i64::try_from(c.len() - q.len())
        .unwrap_or(i64::MAX)
        .min(10_000);
    let to_u32 = |v: i64| u32::try_from(v.max(1)).ok();

    if cand == query {
        return to_u32(EXACT);
    }
    if cand.starts_with(query) {
        return to_u32(PREFIX - len_penalty);
    }
    let is_word_start = |i: usize| i == 0 || !c[i - 1].is_alphanumeric();
    // Substring: prefer an occurrence at a word start, then the earliest one.
    let mut best_sub: Option<i64> = None;
    if let Some(first) = find_chars(&c, &q, 0) {
        let mut pos = Some(first);
        while let Some(p) = pos {
            if is_word_start(p) {
                best_sub = Some(WORD_SUBSTRING - len_penalty - idx(p.min(1_000)));
                break;
            }
            pos = find_chars(&c, &q, p + 1);
        }
        if best_sub.is_none() {
            best_sub = Some(SUBSTRING - len_penalty - idx(first.min(1_000)));
        }
    }
    if let Some(s) = best_sub {
        return to_u32(s);
    }

    // Scattered subsequence: dynamic programming over (query char, candidate position),
    // best[j] = best score with the current query char matched at candidate index j.
    let char_bonus = |j: usize| -> i64 {
        let mut b = 10;
        if is_word_start(j) {
            b += 15;
        }
        if j == 0 {
            b += 10;
        }
        b
    };
    let mut prev: Vec<i64> = (0..c.len())
        .map(|j| {
            if c[j] == q[0] {
                char_bonus(j) - idx(j).min(10)
            } else {
                NONE
            }
        })
        .collect();
    for &qc in &q[1..] {
        let mut cur = vec![NONE; c.len()];
        // running max of prev[k] + k over k <= j - 2 (gap of j - k - 1 skipped chars)
        let mut run = NONE;
        for j in 1..c.len() {
            if j >= 2 && prev[j - 2] > NONE {
                run = run.max(prev[j - 2] + (idx(j) - 2));
            }
            if c[j] != qc {
                continue;
            }
            let contiguous = if prev[j - 1] > NONE {
                prev[j - 1] + 20
            } else {
                NONE
            };
            let gapped = if run > NONE { run - (idx(j) - 1) } else { NONE };
            let best = contiguous.max(gapped);
            if best > NONE {
                cur[j] = best + char_bonus(j);
            }
        }
        prev = cur;
    }
    let best = prev.into_iter().max().filter(|&b| b > NONE)?;
    to_u32((SUBSEQUENCE + best.min(90_000) - len_penalty).clamp(1, SUBSTRING - 1))
}

/// Index of the first occurrence of `needle` in `hay` at or after `from`.
/// "No match" in the subsequence table: far enough from `i64::MIN` that adding never wraps.
const NONE: i64 = i64::MIN / 4;

/// A string index as a score term (indices here are far below `i64::MAX`).
fn idx(i: usize) -> i64 {
    i64::try_from(i).unwrap_or(i64::MAX / 8)
}

fn find_chars(hay: &[char], needle: &[char], from: usize) -> Option<usize> {
    if needle.is_empty() || needle.len() > hay.len() {
        return None;
    }
    (from..=hay.len() - needle.len()).find(|&i| hay[i..i + needle.len()] == *needle)
}

/// The ids of the `limit` best candidates for `query` (folded here; an empty query or a
/// zero limit gives nothing): each candidate is its search keys (already folded), a
/// tie-break rank and its id. Best fuzzy score first, then lower rank, then lower id.
/// Shared by the icon and service searches.
#[must_use]
pub fn fuzzy_rank<'a, R: Ord, T: Ord + Copy>(
    query: &str,
    candidates: impl Iterator<Item = (&'a [String], R, T)>,
    limit: usize,
) -> Vec<T> {
    let query = fold(query.trim());
    if query.is_empty() || limit == 0 {
        return Vec::new();
    }
    let mut hits: Vec<(u32, R, T)> = candidates
        .filter_map(|(keys, rank, id)| {
            let score = keys
                .iter()
                .filter_map(|k| fuzzy_score_folded(&query, k))
                .max()?;
            Some((score, rank, id))
        })
        .collect();
    hits.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    hits.into_iter().take(limit).map(|h| h.2).collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap
mod tests {
    use super::*;

    /// `has_pair` is `str::contains` of the doubled byte, wherever the pair is and however
    /// many single bytes come before it.
    #[test]
    fn a_pair_is_found_where_contains_finds_it() {
        for s in [
            "",
            "=",
            "==",
            "a=b=c",
            "a=b==c",
            "x =",
            "== at start",
            "at end ==",
            "é==é",
            "=é=",
        ] {
            assert_eq!(has_pair(s, b'='), s.contains("=="), "{s:?}");
        }
        assert!(has_pair("a %%comment%%", b'%'));
        assert!(!has_pair("50% off, 20% more", b'%'));
    }

    /// The table of Latin letters and marks folds every character as the Unicode tables do.
    #[test]
    fn the_latin_table_folds_as_the_unicode_tables() {
        let mut checked = 0;
        for c in (0x80..0x3000)
            .chain(0xfb00..0xfb10)
            .filter_map(char::from_u32)
        {
            let (mut fast, mut full) = (String::new(), String::new());
            fold_char(c, |f| fast.push(f));
            fold_char_fully(c, |f| full.push(f));
            assert_eq!(fast, full, "{c:?} U+{:04X}", u32::from(c));
            checked += 1;
        }
        assert!(checked > 12_000);
        assert_eq!(fold("À l’ÉTÉ, ﬁn: İstanbul ǅ"), "a l'ete, ﬁn: istanbul ǆ");
    }

    /// Folding folded text changes nothing: text folded once (the prose the exam-frequency
    /// scan reads) reads as the raw text does.
    #[test]
    fn folding_twice_is_folding_once() {
        let mut checked = 0;
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            let mut once = String::new();
            fold_char(c, |f| once.push(f));
            assert_eq!(fold(&once), once, "{c:?} U+{:04X}", u32::from(c));
            checked += 1;
        }
        assert!(checked > 1_000_000);
        let text = "Pour l’`examen` ÉTÉ: ﬁn, İstanbul ǅ — très FRÉQUENT ✅";
        assert_eq!(fold(&fold(text)), fold(text));
    }

    /// The ASCII runs are found 16 bytes at a time: a non-ASCII character at any place of
    /// a run, of any length, folds as it does alone.
    #[test]
    fn ascii_runs_of_every_length_fold_as_characters_do() {
        for len in 0..40 {
            for at in 0..=len {
                let mut s: String = "AbC`dEfGhIjKlMnOpQrStUvWxYz0123456789-_ "
                    .chars()
                    .take(len)
                    .collect();
                s.insert(at.min(s.len()), 'É');
                let mut by_char = String::new();
                for c in s.chars() {
                    fold_char(c, |f| by_char.push(f));
                }
                assert_eq!(fold(&s), by_char, "{s:?}");
                assert_eq!(ascii_prefix_len(s.as_bytes()), at.min(len), "{s:?}");
            }
        }
    }

    #[test]
    fn fold_removes_accents_and_case() {
        assert_eq!(fold("Très Fréquent"), "tres frequent");
        assert_eq!(fold("Pour l’examen"), "pour l'examen");
        assert_eq!(fold("MODÉRÉMENT"), "moderement");
    }

    #[test]
    fn fuzzy_tiers_are_ordered() {
        let exact = fuzzy_score("lambda", "Lambda").unwrap();
        let prefix = fuzzy_score("lamb", "Lambda").unwrap();
        let word_sub = fuzzy_score("lamb", "AWS Lambda").unwrap();
        let sub = fuzzy_score("amb", "AWS Lambda").unwrap();
        let subseq = fuzzy_score("lmbd", "AWS Lambda").unwrap();
        assert!(exact > prefix, "{exact} > {prefix}");
        assert!(prefix > word_sub, "{prefix} > {word_sub}");
        assert!(word_sub > sub, "{word_sub} > {sub}");
        assert!(sub > subseq, "{sub} > {subseq}");
    }

    #[test]
    fn fuzzy_none_when_chars_missing_or_out_of_order() {
        assert_eq!(fuzzy_score("xyz", "AWS Lambda"), None);
        assert_eq!(fuzzy_score("adbmal", "Lambda"), None);
        assert_eq!(fuzzy_score("lambdas", "Lambda"), None);
    }

    #[test]
    fn fuzzy_is_accent_and_case_insensitive() {
        assert!(fuzzy_score(&fold("Fréq"), "FREQUENT").is_some());
        assert!(fuzzy_score("frequent", "Très Fréquent").is_some());
        assert_eq!(fuzzy_score("", "anything"), Some(0));
    }

    #[test]
    fn fuzzy_prefers_shorter_and_word_starts() {
        // Shorter candidate wins within the same tier.
        assert!(fuzzy_score("dynamo", "DynamoDB") > fuzzy_score("dynamo", "DynamoDB Accelerator"));
        // Word-start initials beat scattered letters.
        let initials = fuzzy_score("sm", "Secrets Manager").unwrap();
        let scattered = fuzzy_score("sm", "Transcribe Medical").unwrap();
        assert!(initials > scattered, "{initials} > {scattered}");
        // Contiguous runs beat spread-out matches.
        let run = fuzzy_score("cfront", "CloudFront").unwrap();
        let spread = fuzzy_score("cfront", "Cloud Formation Template").unwrap();
        assert!(run > spread, "{run} > {spread}");
    }
}
