//! Search over an [`Index`]: fuzzy on note and topic titles (accent- and case-insensitive,
//! so "frequent" finds "fréquent"), then full-text lines containing every query word.
//! Pure; the search palette in the UI shows the hits.

use crate::frequency::Tier;
use crate::notes::index::{Index, Location};
use crate::text::{fold, fuzzy_score_folded};

/// What a hit points at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HitKind {
    /// A note's title.
    Note,
    /// A topic (heading).
    Topic(usize),
    /// A line of text; `line` is 1-based.
    Text {
        /// 1-based line of the hit in the file (frontmatter included), to scroll to.
        line: usize,
        /// The line as plain text (Markdown syntax, link targets and image paths removed),
        /// shortened around the match.
        snippet: String,
        /// Byte range of the first query word inside `snippet`, to highlight.
        matched: std::ops::Range<usize>,
    },
}

/// One search result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// What matched.
    pub kind: HitKind,
    /// Where to go.
    pub location: Location,
    /// Higher is better.
    pub score: u32,
}

/// Most full-text hits returned.
const MAX_TEXT_HITS: usize = 50;

/// Searches titles (fuzzy) and text (all words, substring). Title hits come first, best
/// first, and among equally good titles the most asked exam tier first (`tiers`: the
/// effective tier of each topic, as [`Index::tiers`] gives; may be empty); then text hits
/// in vault order.
#[must_use]
pub fn search(index: &Index, query: &str, limit: usize, tiers: &[Option<Tier>]) -> Vec<Hit> {
    let q = fold(query.trim());
    if q.is_empty() {
        return Vec::new();
    }
    let words: Vec<&str> = q.split_whitespace().collect();
    // Titles with a word starting with each query word beat scattered letter matches: when
    // there are any, the others ("ses" in "Other DatabaSES") are noise and are dropped.
    let mut hits = Vec::new();
    let mut whole_words = Vec::new();
    for (i, note) in index.notes.iter().enumerate() {
        let title = &note.folded_title;
        if let Some(score) = fuzzy_score_folded(&q, title) {
            whole_words.push(starts_words(title, &words));
            hits.push(Hit {
                kind: HitKind::Note,
                location: Location {
                    note: i,
                    heading: None,
                    block: None,
                },
                score: score + 1,
            });
        }
    }
    for (t, topic) in index.topics.iter().enumerate() {
        let Some(heading) = topic.heading else {
            continue; // the note itself: its title is a note hit
        };
        let title = &topic.folded_title;
        if let Some(score) = fuzzy_score_folded(&q, title) {
            whole_words.push(starts_words(title, &words));
            hits.push(Hit {
                kind: HitKind::Topic(t),
                location: Location {
                    note: topic.note,
                    heading: Some(heading),
                    block: None,
                },
                score: score + 2,
            });
        }
    }
    if whole_words.iter().any(|w| *w) {
        let mut keep = whole_words.into_iter();
        hits.retain(|_| keep.next().unwrap_or(false));
    }
    let tier_of = |h: &Hit| {
        let topic = match h.kind {
            HitKind::Topic(t) => Some(t),
            _ => index.note_topic(h.location.note),
        };
        topic
            .and_then(|t| tiers.get(t).copied().flatten())
            .map_or(Tier::ALL.len(), |t| t as usize)
    };
    hits.sort_by_cached_key(|h| (std::cmp::Reverse(h.score), tier_of(h)));
    hits.truncate(limit);
    let mut text_hits = 0;
    // The first query word is looked for in each note's whole folded text (one substring
    // search per note, not one per line); the lines it is on are then checked for the rest.
    let Some(first) = words.first() else {
        return hits;
    };
    'notes: for (i, note) in index.notes.iter().enumerate() {
        let text = note.folded_text.as_str();
        // `from` starts line `next` (0-based): lines are counted as the search moves on,
        // not kept per note.
        let (mut from, mut next) = (0, 0);
        while let Some(found) = text.get(from..).and_then(|t| t.find(first)) {
            if hits.len() >= limit + MAX_TEXT_HITS.min(limit) || text_hits >= MAX_TEXT_HITS {
                break 'notes;
            }
            let at = from + found;
            let start = text[..at].rfind('\n').map_or(0, |p| p + 1);
            let end = text[at..].find('\n').map_or(text.len(), |p| at + p);
            let l = next + text[from..start].bytes().filter(|&b| b == b'\n').count();
            let folded = &text[start..end];
            let folded = folded.strip_suffix('\r').unwrap_or(folded);
            // The next search starts on the next line.
            from = (end + 1).min(text.len());
            next = l + 1;
            if !words.iter().all(|w| folded.contains(w)) {
                continue;
            }
            let line = l + 1;
            let heading = note.outline.headings.iter().rposition(|h| h.line <= line);
            if heading.is_some_and(|h| note.outline.headings[h].line == line) {
                continue; // the heading itself is already a topic hit
            }
            if l >= note.line_count() {
                continue;
            }
            let raw = note.line(l);
            // A match only in what is not shown (an image path, a link target) is no hit.
            let Some((snippet, matched)) = snippet(raw, &words) else {
                continue;
            };
            text_hits += 1;
            hits.push(Hit {
                kind: HitKind::Text {
                    line,
                    snippet,
                    matched,
                },
                location: Location {
                    note: i,
                    heading,
                    block: note.outline.block_at_line(line),
                },
                score: 0,
            });
        }
    }
    hits
}

/// True if every query word starts some word of `title` (both folded).
fn starts_words(title: &str, words: &[&str]) -> bool {
    words.iter().all(|w| {
        title
            .split(|c: char| !c.is_alphanumeric())
            .any(|t| t.starts_with(w))
    })
}

/// Longest snippet, in characters.
const SNIPPET_CHARS: usize = 120;

/// The plain text of a line of Markdown, shortened around the first query word (`words`,
/// folded), with that word's byte range in it; `None` when the plain text does not hold
/// every word (they were only in a link target or an image path).
fn snippet(line: &str, words: &[&str]) -> Option<(String, std::ops::Range<usize>)> {
    let plain = plain_line(line);
    // Fold char by char, remembering where each folded byte came from.
    let mut folded = String::with_capacity(plain.len());
    let mut origin: Vec<usize> = Vec::with_capacity(plain.len() + 1);
    for (at, c) in plain.char_indices() {
        let before = folded.len();
        let mut buf = [0u8; 4];
        crate::text::fold_into(c.encode_utf8(&mut buf), &mut folded);
        origin.extend(std::iter::repeat_n(at, folded.len() - before));
    }
    origin.push(plain.len());
    if !words.iter().all(|w| folded.contains(w)) {
        return None;
    }
    let first = words.first()?;
    let start = folded.find(first)?;
    let (mut from, mut to) = (origin[start], origin[start + first.len()]);
    // The end of the match: the next character boundary of `plain` at or after it.
    while to < plain.len() && !plain.is_char_boundary(to) {
        to += 1;
    }
    if to <= from {
        to = plain[from..]
            .chars()
            .next()
            .map_or(from, |c| from + c.len_utf8());
    }
    if plain.chars().count() <= SNIPPET_CHARS {
        return Some((plain, from..to));
    }
    // A window of about SNIPPET_CHARS characters with the match a third of the way in.
    let chars: Vec<(usize, char)> = plain.char_indices().collect();
    let at = chars.partition_point(|(i, _)| *i < from);
    let begin = at.saturating_sub(SNIPPET_CHARS / 3);
    let end = (begin + SNIPPET_CHARS).min(chars.len());
    let begin = end.saturating_sub(SNIPPET_CHARS).min(begin);
    let byte = |k: usize| chars.get(k).map_or(plain.len(), |(i, _)| *i);
    let mut out = String::new();
    if begin > 0 {
        out.push('…');
    }
    let shift = out.len();
    out.push_str(&plain[byte(begin)..byte(end)]);
    if end < chars.len() {
        out.push('…');
    }
    from = from - byte(begin) + shift;
    to = (to - byte(begin) + shift).min(out.len());
    Some((out, from..to))
}

/// A line of Markdown as plain text: list, quote, heading and task markers, emphasis
/// marks, HTML tags and `%%comments%%` removed, `[text](url)` and `[[Note|alias]]` shown
/// as their text, images and embeds dropped, table bars as separators.
pub fn plain_line(line: &str) -> String {
    let mut rest = line.trim();
    loop {
        let before = rest.len();
        rest = rest.trim_start_matches('>').trim_start();
        for marker in ["- [ ] ", "- [x] ", "- [X] ", "- ", "* ", "+ "] {
            if let Some(r) = rest.strip_prefix(marker) {
                rest = r.trim_start();
            }
        }
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0
            && rest[digits..].starts_with(['.', ')'])
            && rest[digits + 1..].starts_with(' ')
        {
            rest = rest[digits + 2..].trim_start();
        }
        if rest.len() == before {
            break;
        }
    }
    if rest.starts_with('#') {
        let hashes = rest.bytes().take_while(|b| *b == b'#').count();
        if rest[hashes..].starts_with(' ') {
            rest = rest[hashes..].trim_start();
        }
    }
    let table = rest.starts_with('|');
    let rest = if table {
        rest.trim_matches('|').trim()
    } else {
        rest
    };
    let mut out = String::with_capacity(rest.len());
    let mut i = 0;
    let b = rest.as_bytes();
    while i < b.len() {
        let tail = &rest[i..];
        if tail.starts_with("![[") {
            i += tail.find("]]").map_or(tail.len(), |e| e + 2);
        } else if tail.starts_with("![") {
            i += link_end(tail, 1).unwrap_or(2);
        } else if let Some(inner) = tail.strip_prefix("[[") {
            let close = inner.find("]]").unwrap_or(inner.len());
            let target = &inner[..close];
            let shown = target.rsplit_once('|').map_or(target, |(_, alias)| alias);
            out.push_str(shown.trim_end_matches('\\'));
            i += 2 + close + 2.min(inner.len() - close);
        } else if tail.starts_with('[') {
            if let Some(end) = link_end(tail, 0) {
                let close = tail.find("](").unwrap_or(1);
                out.push_str(&tail[1..close]);
                i += end;
            } else {
                out.push('[');
                i += 1;
            }
        } else if let Some(comment) = tail.strip_prefix("%%") {
            i += comment.find("%%").map_or(tail.len(), |e| e + 4);
        } else if tail.starts_with('<')
            && tail[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/')
        {
            if let Some(end) = tail.find('>') {
                if tail[..end].starts_with("<br") {
                    out.push(' ');
                }
                i += end + 1;
            } else {
                out.push('<');
                i += 1;
            }
        } else if tail.starts_with("**")
            || tail.starts_with("__")
            || tail.starts_with("~~")
            || tail.starts_with("==")
        {
            i += 2;
        } else if tail.starts_with(['*', '`']) {
            i += 1;
        } else if table && tail.starts_with(" | ") {
            out.push_str(" · ");
            i += 3;
        } else if tail.starts_with("\\|") {
            out.push('|');
            i += 2;
        } else {
            let c = tail.chars().next().unwrap_or(' ');
            out.push(c);
            i += c.len_utf8();
        }
    }
    // Removed markup leaves runs of spaces.
    let mut clean = String::with_capacity(out.len());
    for word in out.split_whitespace() {
        if !clean.is_empty() {
            clean.push(' ');
        }
        clean.push_str(word);
    }
    clean
}

/// The byte length of `[text](url)` starting at `lead` bytes into `s` (`![` has 1).
fn link_end(s: &str, lead: usize) -> Option<usize> {
    let rest = s.get(lead..)?;
    let close = rest.find("](")?;
    if rest[..close].contains('\n') {
        return None;
    }
    let after = &rest[close + 2..];
    let end = after.find(')')?;
    Some(lead + close + 2 + end + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::vault::LoadedVault;

    fn index() -> Index {
        Index::build(LoadedVault::bundled(), &|_, _| {})
    }

    #[test]
    fn fuzzy_topic_first() {
        let index = index();
        let hits = search(&index, "cloudform", 10, &[]);
        let HitKind::Topic(t) = hits[0].kind else {
            panic!("{:?}", hits[0]);
        };
        assert_eq!(&*index.topics[t].title, "CloudFormation");
    }

    #[test]
    fn accent_insensitive_full_text() {
        let index = index();
        let hits = search(&index, "modérément", 50, &[]);
        let plain = search(&index, "moderement", 50, &[]);
        assert!(!hits.is_empty());
        assert_eq!(hits, plain);
        assert!(hits.iter().any(|h| matches!(&h.kind, HitKind::Text { snippet, .. } if snippet.contains("modérément fréquente"))));
    }

    fn vault(notes: &[(&str, &str)]) -> Index {
        Index::build(
            LoadedVault::from_texts(crate::notes::vault::VaultSource::Bundled, notes),
            &|_, _| {},
        )
    }

    fn text_hits(index: &Index, q: &str) -> Vec<(usize, String, String)> {
        search(index, q, 10, &[])
            .into_iter()
            .filter_map(|h| match h.kind {
                HitKind::Text {
                    line,
                    snippet,
                    matched,
                } => Some((line, snippet[matched.clone()].to_owned(), snippet)),
                _ => None,
            })
            .collect()
    }

    /// Regression: snippets showed `![Arch_…svg](../../attachments…)` and `**` marks.
    #[test]
    fn snippets_are_plain_text_with_the_match_and_its_line() {
        let index = vault(&[(
            "Lambda.md",
            "---\ntags: [aws]\n---\n# Lambda\n\n![Arch_AWS-Lambda_48.svg](../../attachments/Arch_AWS-Lambda_48.svg)\n- **Très** fréquent: [[SQS#Queues|queues]] and [docs](https://x.y) ==hot== <br> `code`\n| Fréquence | Lambda |\n",
        )]);
        let hits = text_hits(&index, "frequent");
        assert_eq!(
            hits,
            [(
                7,
                "fréquent".to_owned(),
                "Très fréquent: queues and docs hot code".to_owned()
            )]
        );
        // The image path holds "attachments", but nothing shown does: no hit.
        assert!(text_hits(&index, "attachments").is_empty());
        assert_eq!(text_hits(&index, "frequence")[0].2, "Fréquence · Lambda");
    }

    #[test]
    fn long_lines_are_cut_around_the_match() {
        let long = format!("{} needle {}", "word ".repeat(60), "tail ".repeat(60));
        let index = vault(&[("n.md", long.as_str())]);
        let hits = text_hits(&index, "needle");
        let (line, matched, snippet) = &hits[0];
        assert_eq!((*line, matched.as_str()), (1, "needle"));
        assert!(
            snippet.starts_with('…') && snippet.ends_with('…'),
            "{snippet}"
        );
        assert!(snippet.chars().count() <= SNIPPET_CHARS + 2);
    }

    #[test]
    fn scattered_letters_are_dropped_when_whole_words_match() {
        let index = index();
        let titles: Vec<String> = search(&index, "ses", 30, &[])
            .iter()
            .filter_map(|h| match h.kind {
                HitKind::Topic(t) => Some(index.topics[t].title.to_string()),
                _ => None,
            })
            .collect();
        assert_eq!(titles.first().map(String::as_str), Some("Amazon SES"));
        assert!(!titles.iter().any(|t| t == "Other Databases"), "{titles:?}");
        // A typo still finds by scattered letters when nothing matches whole.
        let typo = search(&index, "cldfrmation", 5, &[]);
        assert!(
            matches!(typo[0].kind, HitKind::Topic(t) if &*index.topics[t].title == "CloudFormation")
        );
    }

    #[test]
    fn equal_titles_rank_the_most_asked_tier_first() {
        let index = index();
        let overrides = crate::store::Overrides::default();
        let tiers: Vec<Option<Tier>> = index
            .tiers(&overrides)
            .iter()
            .map(|t| t.map(|(t, _)| t))
            .collect();
        let hits = search(&index, "s3", 40, &tiers);
        let ranks: Vec<(u32, usize)> = hits
            .iter()
            .filter(|h| h.score > 0)
            .map(|h| {
                let t = match h.kind {
                    HitKind::Topic(t) => Some(t),
                    _ => index.note_topic(h.location.note),
                };
                let tier = t.and_then(|t| tiers[t]).map_or(9, |t| t as usize);
                (h.score, tier)
            })
            .collect();
        for pair in ranks.windows(2) {
            if pair[0].0 == pair[1].0 {
                assert!(pair[0].1 <= pair[1].1, "{ranks:?}");
            }
        }
    }

    #[test]
    fn empty_query_finds_nothing() {
        assert!(search(&index(), "   ", 10, &[]).is_empty());
    }
}
