//! Exam-frequency tiers: how often the SAA exam asks about a topic.
//!
//! Tiers are read from the notes' own words, tags and frontmatter (see `detect_*` below and
//! [`crate::notes::parse`]), and the user can override any topic's tier
//! ([`crate::store::Overrides`]). Everything here is pure.

use serde::{Deserialize, Serialize};

/// An exam-frequency tier, most asked first (the derived `Ord` sorts that way).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Tier {
    /// "très fréquent": in many questions.
    TresFrequent,
    /// "fréquent"
    Frequent,
    /// "modérément fréquent"
    ModerementFrequent,
    /// "à connaître": worth knowing, appears in some scenarios.
    AConnaitre,
    /// "moins fréquent": rarely asked.
    MoinsFrequent,
}

impl Tier {
    /// Every tier, most asked first.
    pub const ALL: [Tier; 5] = [
        Tier::TresFrequent,
        Tier::Frequent,
        Tier::ModerementFrequent,
        Tier::AConnaitre,
        Tier::MoinsFrequent,
    ];

    /// The French label, e.g. `"très fréquent"`.
    #[must_use]
    pub fn label_fr(self) -> &'static str {
        match self {
            Tier::TresFrequent => "très fréquent",
            Tier::Frequent => "fréquent",
            Tier::ModerementFrequent => "modérément fréquent",
            Tier::AConnaitre => "à connaître",
            Tier::MoinsFrequent => "moins fréquent",
        }
    }

    /// The English label, e.g. `"very frequent"`.
    #[must_use]
    pub fn label_en(self) -> &'static str {
        match self {
            Tier::TresFrequent => "very frequent",
            Tier::Frequent => "frequent",
            Tier::ModerementFrequent => "moderately frequent",
            Tier::AConnaitre => "worth knowing",
            Tier::MoinsFrequent => "less frequent",
        }
    }

    /// One English sentence explaining the tier (hover tooltip).
    #[must_use]
    pub fn description_en(self) -> &'static str {
        match self {
            Tier::TresFrequent => "Asked in many SAA-C03 questions: study first.",
            Tier::Frequent => "Comes up regularly in SAA-C03 questions: know it well.",
            Tier::ModerementFrequent => {
                "Appears in some SAA-C03 questions: know the main use cases."
            }
            Tier::AConnaitre => "Worth knowing for a few exam scenarios: recognise it.",
            Tier::MoinsFrequent => "Rarely asked on the exam: study last.",
        }
    }

    /// One French sentence explaining the tier (hover tooltip).
    #[must_use]
    pub fn description_fr(self) -> &'static str {
        match self {
            Tier::TresFrequent => {
                "Présent dans de nombreuses questions SAA-C03 : à réviser en premier."
            }
            Tier::Frequent => {
                "Revient régulièrement dans les questions SAA-C03 : bien le maîtriser."
            }
            Tier::ModerementFrequent => {
                "Apparaît dans certaines questions SAA-C03 : connaître les cas d'usage principaux."
            }
            Tier::AConnaitre => "Utile pour quelques scénarios d'examen : savoir le reconnaître.",
            Tier::MoinsFrequent => "Rarement demandé à l'examen : à réviser en dernier.",
        }
    }

    /// A stable ASCII identifier (`"tres-frequent"`, `"a-connaitre"`...), for storage.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Tier::TresFrequent => "tres-frequent",
            Tier::Frequent => "frequent",
            Tier::ModerementFrequent => "moderement-frequent",
            Tier::AConnaitre => "a-connaitre",
            Tier::MoinsFrequent => "moins-frequent",
        }
    }

    /// The tier whose [`Tier::key`] is `key`.
    #[must_use]
    pub fn from_key(key: &str) -> Option<Tier> {
        Tier::ALL.into_iter().find(|t| t.key() == key)
    }
}

/// The forms of "fréquent" / "frequent" counted as the plain word.
const FREQUENT_FORMS: [&str; 4] = ["frequent", "frequente", "frequents", "frequentes"];

/// One word of a phrase pattern.
#[derive(Clone, Copy)]
enum Word {
    /// Exactly this (folded) word.
    Is(&'static str),
    /// Any form of "fréquent".
    Frequent,
    /// Any of these words.
    AnyOf(&'static [&'static str]),
}

impl Word {
    fn matches(self, token: &str) -> bool {
        match self {
            Word::Is(w) => token == w,
            Word::Frequent => FREQUENT_FORMS.contains(&token),
            Word::AnyOf(ws) => ws.contains(&token),
        }
    }
}

/// Phrase patterns per tier, in priority order (the more specific first); none is longer
/// than [`LONGEST_PATTERN`] words.
const PATTERNS: &[(Tier, &[&[Word]])] = &[
    (
        Tier::TresFrequent,
        &[
            &[Word::Is("tres"), Word::Frequent],
            &[Word::Is("very"), Word::AnyOf(&["frequent", "common"])],
            &[
                Word::AnyOf(&["frequently", "heavily"]),
                Word::AnyOf(&["asked", "tested", "featured"]),
            ],
        ],
    ),
    (
        Tier::ModerementFrequent,
        &[
            &[Word::Is("moderement"), Word::Frequent],
            &[Word::Is("moderately"), Word::AnyOf(&["frequent", "common"])],
        ],
    ),
    (
        Tier::MoinsFrequent,
        &[
            &[Word::AnyOf(&["moins", "peu", "less"]), Word::Frequent],
            &[
                Word::AnyOf(&["rare", "rares", "rarement", "rarely", "seldom"]),
                Word::AnyOf(&[
                    "asked", "tested", "featured", "seen", "demande", "demandee", "demandes",
                    "teste", "testee", "vu", "vue", "appears", "appear",
                ]),
            ],
        ],
    ),
    (
        Tier::Frequent,
        &[
            &[Word::Frequent],
            &[
                Word::AnyOf(&["often", "commonly", "regularly"]),
                Word::AnyOf(&["asked", "tested", "featured"]),
            ],
            &[
                Word::Is("common"),
                Word::Is("on"),
                Word::Is("the"),
                Word::Is("exam"),
            ],
        ],
    ),
    (
        Tier::AConnaitre,
        &[
            &[Word::Is("a"), Word::Is("connaitre")],
            &[Word::Is("worth"), Word::Is("knowing")],
            &[Word::Is("good"), Word::Is("to"), Word::Is("know")],
        ],
    ),
];

/// Patterns that count only as a label alone on its line ([`detect_label`]): "Rare" says
/// the tier there, but in a sentence "rare" is about anything ("'Choose all that apply' is
/// rare at the Associate level").
const LABEL_ONLY: &[(Tier, &[&[Word]])] = &[(
    Tier::MoinsFrequent,
    &[&[Word::AnyOf(&["rare", "rares", "rarement", "rarely"])]],
)];

/// Words that negate a phrase just after them ("not heavily featured", "pas fréquent").
const NEGATIONS: &[&str] = &[
    "not", "never", "no", "isn", "aren", "wasn", "doesn", "don", "pas", "jamais", "guere",
];

/// Words of the longest phrase pattern.
const LONGEST_PATTERN: usize = 4;

/// Whether `text` has more than `n` letter-and-digit runs, looking no further than the run
/// after the `n`th: most prose lines are long, and are turned down after a few words. On
/// folded text (the index's prose lines) the runs are the words [`words`] splits; raw text
/// is read as it is, without a folded copy.
fn more_raw_words_than(text: &str, n: usize) -> bool {
    if text.is_ascii() {
        // Most lines: word starts counted without a branch per byte, a chunk at a time.
        let mut words = 0;
        let mut in_word = false;
        for chunk in text.as_bytes().chunks(64) {
            for &b in chunk {
                let alnum = BYTE_CLASS[usize::from(b)] == ALNUM;
                words += usize::from(alnum && !in_word);
                in_word = alnum;
            }
            if words > n {
                return true;
            }
        }
        return false;
    }
    // A byte at a time: an ASCII byte is a character, a continuation byte (`0b10xx_xxxx`)
    // goes on the character before it, other bytes start one, decoded only then.
    let bytes = text.as_bytes();
    let mut words = 0;
    let mut in_word = false;
    for (i, &b) in bytes.iter().enumerate() {
        let alnum = if b.is_ascii() {
            b.is_ascii_alphanumeric()
        } else if b & 0xc0 == 0x80 {
            continue;
        } else {
            text.get(i..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(char::is_alphanumeric)
        };
        if alnum && !in_word {
            words += 1;
            if words > n {
                return true;
            }
        }
        in_word = alnum;
    }
    false
}

/// Substrings one of which every pattern holds (in one of its words), folded.
const LABEL_WORDS: &[&str] = &[
    "frequent",
    "common",
    "rare",
    "seldom",
    "connaitre",
    "know",
    "often",
    "regularly",
    "heavily",
];

/// The words that make a line about the exam ([`is_exam_context`]), folded.
const EXAM_CONTEXT: &[&str] = &[
    "examen",
    "examens",
    "exam",
    "exams",
    "saa",
    "tested",
    "certification",
];

/// Substrings one of which every [`EXAM_CONTEXT`] word holds.
const EXAM_NEEDLES: &[&str] = &["exam", "saa", "tested", "certification"];

/// Where folded text may be about the exam or state a tier: the places of every
/// [`EXAM_NEEDLES`] and [`LABEL_WORDS`] substring, found in one pass per substring over
/// the whole text (a note's prose) rather than a scan of each line. A part of the text that
/// holds none of them is neither an exam line ([`is_exam_context`]) nor a tier phrase or
/// label ([`detect_phrase`], [`detect_label`]): each of those needs one of the words, and
/// in folded text a word is found as it is. The scan finds non-overlapping matches, which
/// misses none because no substring starts with its own ending (a test checks it).
pub struct WordHits {
    /// Byte ranges of exam words, by start.
    exam: Vec<std::ops::Range<usize>>,
    /// Byte ranges of label words, by start.
    label: Vec<std::ops::Range<usize>>,
}

impl WordHits {
    /// The hits in `folded`, which must be folded ([`crate::text::fold`]).
    #[must_use]
    pub fn new(folded: &str) -> Self {
        let find = |needles: &[&str]| {
            let mut hits: Vec<std::ops::Range<usize>> = needles
                .iter()
                .flat_map(|n| {
                    memchr::memmem::find_iter(folded.as_bytes(), n.as_bytes())
                        .map(|at| at..at + n.len())
                })
                .collect();
            hits.sort_unstable_by_key(|r| r.start);
            hits
        };
        Self {
            exam: find(EXAM_NEEDLES),
            label: find(LABEL_WORDS),
        }
    }

    /// Whether the part `part` of the text may be an exam line.
    #[must_use]
    pub fn may_be_exam(&self, part: &std::ops::Range<usize>) -> bool {
        within(&self.exam, part)
    }

    /// Whether the part `part` of the text may state a tier.
    #[must_use]
    pub fn may_state_tier(&self, part: &std::ops::Range<usize>) -> bool {
        within(&self.label, part)
    }
}

/// Whether one of `hits` (sorted by start) lies inside `part`.
fn within(hits: &[std::ops::Range<usize>], part: &std::ops::Range<usize>) -> bool {
    let first = hits.partition_point(|h| h.start < part.start);
    hits.get(first..)
        .unwrap_or_default()
        .iter()
        .take_while(|h| h.start < part.end)
        .any(|h| h.end <= part.end)
}

/// Whether folded `text` has a word (a letter-and-digit run, as [`words`] splits it)
/// that is one of the ASCII `words`, without a folded copy of the text or a list of its
/// words. An ASCII character that is no letter or digit folds to one that is none either,
/// so it always ends a word: the text is cut at those, and a piece of ASCII letters and
/// digits (most of them) is one word, compared as it is, ignoring case. Only a piece with
/// other characters is folded, a character at a time ([`has_folded_word_slowly`]).
fn has_folded_word(text: &str, words: &[&str]) -> bool {
    // The lengths looked for, as bits: most words end without comparing any bytes.
    let lengths = words
        .iter()
        .filter(|w| w.len() < 64)
        .fold(0u64, |m, w| m | (1 << w.len()));
    if text.is_ascii() {
        // Most lines (and all of folded prose but emoji and other scripts): every piece
        // between ASCII separators is one word, compared as it is.
        let is_one = |piece: &[u8]| {
            let len = piece.len();
            len < 64
                && lengths & (1 << len) != 0
                && words
                    .iter()
                    .any(|w| w.len() == len && w.as_bytes().eq_ignore_ascii_case(piece))
        };
        let bytes = text.as_bytes();
        // Length of the word ending at the current byte.
        let mut len = 0;
        for (i, &b) in bytes.iter().enumerate() {
            if BYTE_CLASS[usize::from(b)] == ALNUM {
                len += 1;
            } else if len > 0 {
                if is_one(&bytes[i - len..i]) {
                    return true;
                }
                len = 0;
            }
        }
        return len > 0 && is_one(&bytes[bytes.len() - len..]);
    }
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    while i < n {
        // Skip what ends words, then read one piece.
        while i < n && BYTE_CLASS[usize::from(bytes[i])] == SEPARATOR {
            i += 1;
        }
        let start = i;
        let mut others = false;
        while i < n {
            let class = BYTE_CLASS[usize::from(bytes[i])];
            if class == SEPARATOR {
                break;
            }
            others |= class == OTHER;
            i += 1;
        }
        let len = i - start;
        if len == 0 {
            break;
        }
        let found = if others {
            // Cut at ASCII bytes only, the piece is whole characters.
            text.get(start..i)
                .is_some_and(|piece| has_folded_word_slowly(piece, words))
        } else {
            len < 64 && lengths & (1 << len) != 0 && {
                let piece = &bytes[start..i];
                words
                    .iter()
                    .any(|w| w.len() == len && w.as_bytes().eq_ignore_ascii_case(piece))
            }
        };
        if found {
            return true;
        }
    }
    false
}

/// [`BYTE_CLASS`] of an ASCII byte that is no letter or digit: it ends a word.
const SEPARATOR: u8 = 0;
/// [`BYTE_CLASS`] of an ASCII letter or digit.
const ALNUM: u8 = 1;
/// [`BYTE_CLASS`] of a byte of a character beyond ASCII.
const OTHER: u8 = 2;

/// What each byte of UTF-8 text is, for [`has_folded_word`].
static BYTE_CLASS: [u8; 256] = {
    let mut table = [SEPARATOR; 256];
    let mut b = 0;
    while b < 256 {
        #[allow(clippy::cast_possible_truncation)]
        let byte = b as u8;
        table[b] = if !byte.is_ascii() {
            OTHER
        } else if byte.is_ascii_alphanumeric() {
            ALNUM
        } else {
            SEPARATOR
        };
        b += 1;
    }
    table
};

/// [`has_folded_word`] of any text, folded a character at a time into a small buffer on the
/// stack.
fn has_folded_word_slowly(text: &str, words: &[&str]) -> bool {
    /// The start of the current word kept (no word looked for is longer).
    const KEPT: usize = 16;
    let mut word = [0u8; KEPT];
    // Bytes of the current word, also past `KEPT`.
    let mut len = 0usize;
    let mut found = false;
    let is_one = |word: &[u8; KEPT], len: usize| {
        len <= KEPT && words.iter().any(|w| w.as_bytes() == &word[..len])
    };
    for c in text.chars() {
        crate::text::fold_char(c, |f| {
            if f.is_alphanumeric() {
                if let Some(slot) = word.get_mut(len..len + f.len_utf8()) {
                    f.encode_utf8(slot);
                }
                len += f.len_utf8();
            } else if len > 0 {
                found |= is_one(&word, len);
                len = 0;
            }
        });
        if found {
            return true;
        }
    }
    len > 0 && is_one(&word, len)
}

/// Whether the folded `text` holds one of `needles` (folded, lower case) as a substring:
/// when not, it cannot hold them as words, and need not be split into words. ASCII text
/// is not even folded.
fn may_contain(text: &str, needles: &[&str]) -> bool {
    if text.is_ascii() {
        // One pass over the text, trying the needles that start with each letter.
        let mut firsts = [false; 128];
        for w in needles {
            if let Some(&f) = w.as_bytes().first() {
                firsts[usize::from(f & 0x7f)] = true;
            }
        }
        let hay = text.as_bytes();
        hay.iter().enumerate().any(|(i, b)| {
            let b = b.to_ascii_lowercase();
            firsts[usize::from(b & 0x7f)]
                && needles.iter().any(|w| {
                    w.as_bytes().first() == Some(&b)
                        && hay
                            .get(i..i + w.len())
                            .is_some_and(|h| h.eq_ignore_ascii_case(w.as_bytes()))
                })
        })
    } else {
        // A short line (most that get here) is folded on the stack.
        let mut buf = [0u8; 256];
        let mut len = 0;
        let mut fits = true;
        for c in text.chars() {
            crate::text::fold_char(c, |f| {
                let mut utf8 = [0u8; 4];
                let bytes = f.encode_utf8(&mut utf8).as_bytes();
                match buf.get_mut(len..len + bytes.len()) {
                    Some(slot) => {
                        slot.copy_from_slice(bytes);
                        len += bytes.len();
                    }
                    None => fits = false,
                }
            });
            if !fits {
                let folded = crate::text::fold(text);
                return needles.iter().any(|w| folded.contains(w));
            }
        }
        let folded = &buf[..len];
        needles
            .iter()
            .any(|w| memchr::memmem::find(folded, w.as_bytes()).is_some())
    }
}

/// Splits folded text into words (letters and digits), dropping markup and punctuation.
fn words(text: &str) -> Words {
    let folded = crate::text::fold(text);
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in folded.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, folded.len()));
    }
    Words { folded, spans }
}

/// The words of a text: one folded string and where each word is in it (no string per
/// word).
struct Words {
    /// The folded text.
    folded: String,
    /// Byte ranges of the words.
    spans: Vec<(usize, usize)>,
}

impl Words {
    /// The words as slices.
    fn list(&self) -> Vec<&str> {
        self.spans
            .iter()
            .map(|&(a, b)| &self.folded[a..b])
            .collect()
    }
}

/// English nouns that make a following "frequent" describe the data, not the exam
/// ("frequent access", "very frequent updates").
const DESCRIBED_BY_FREQUENT: &[&str] = &[
    "access",
    "accesses",
    "accessed",
    "change",
    "changes",
    "update",
    "updates",
    "use",
    "usage",
    "request",
    "requests",
    "read",
    "reads",
    "write",
    "writes",
    "data",
    "scaling",
    "traffic",
    "pattern",
    "patterns",
    "queries",
    "query",
    "backups",
    "snapshots",
    "deploys",
    "deployments",
    "releases",
    "retrieval",
    "calls",
    "events",
    "polling",
    "restarts",
];

/// Whether `pattern` occurs in `tokens` starting at `at`.
fn matches_at(tokens: &[&str], at: usize, pattern: &[Word]) -> bool {
    let end = at + pattern.len();
    tokens.len() >= end
        && pattern.iter().zip(&tokens[at..]).all(|(w, t)| w.matches(t))
        && !(FREQUENT_FORMS.contains(&tokens[end - 1])
            && tokens
                .get(end)
                .is_some_and(|t| DESCRIBED_BY_FREQUENT.contains(t)))
}

/// Whether `pattern` occurs anywhere in `tokens`, not negated by one of the three words
/// before it ("may not be heavily featured").
fn contains(tokens: &[&str], pattern: &[Word]) -> bool {
    (0..tokens.len()).any(|at| {
        matches_at(tokens, at, pattern)
            && !tokens[at.saturating_sub(3)..at]
                .iter()
                .any(|t| NEGATIONS.contains(t))
    })
}

/// The tier a line or paragraph of prose states, if any ("Notion **fréquente**",
/// "very common on the exam", "Moins fréquent que SES"...). French and English, case- and
/// accent-insensitive; markup such as `**` is ignored. When several phrases occur, the more
/// specific one wins (très / modérément / moins before plain fréquent, fréquent before
/// "à connaître").
#[must_use]
pub fn detect_phrase(text: &str) -> Option<Tier> {
    // Every pattern holds a label word: a line without one is turned down unsplit.
    if !may_contain(text, LABEL_WORDS) {
        return None;
    }
    let words = words(text);
    let tokens = words.list();
    PATTERNS
        .iter()
        .find(|(_, pats)| pats.iter().any(|p| contains(&tokens, p)))
        .map(|(tier, _)| *tier)
}

/// The tier of a line that is nothing but a tier label: "Notion fréquente", "**Très
/// fréquent**", "Moins fréquent.", "Frequent" (markup, punctuation and one leading
/// "notion"/"service"/"sujet"/"topic" word are ignored). Outside an exam context only such
/// a label counts: a tier word inside ordinary prose ("Frequent scaling indicates:",
/// "frequently accessed data") never sets a tier.
#[must_use]
pub fn detect_label(text: &str) -> Option<Tier> {
    // A label is at most a leading word and a pattern (4 words): most prose lines are
    // longer, and are turned down here without folding them into words.
    if more_raw_words_than(text, LONGEST_PATTERN + 1) || !may_contain(text, LABEL_WORDS) {
        return None;
    }
    let words = words(text);
    let tokens = words.list();
    let skip = usize::from(
        tokens
            .first()
            .is_some_and(|t| ["notion", "notions", "service", "sujet", "topic"].contains(t)),
    );
    let rest = tokens.get(skip..)?;
    PATTERNS
        .iter()
        .chain(LABEL_ONLY)
        .find(|(_, pats)| {
            pats.iter()
                .any(|p| p.len() == rest.len() && matches_at(rest, 0, p))
        })
        .map(|(tier, _)| *tier)
}

/// Words that make a line about the exam: "Pour l'examen", "Exam Tip", "SAA",
/// "frequently tested".
#[must_use]
pub fn is_exam_context(text: &str) -> bool {
    has_folded_word(text, EXAM_CONTEXT)
}

/// The tier an exam marker without a tier word implies, as a floor ("Exam Tip",
/// "Important for the exam", an `[!exam]` callout): [`Tier::Frequent`] when the marker
/// stresses it ("critical", "important", "key", "must"...), else
/// [`Tier::ModerementFrequent`]. The note says the exam asks about it, not how often.
#[must_use]
pub fn emphasis_tier(text: &str) -> Tier {
    let stressed = words(text).list().iter().any(|w| {
        matches!(
            *w,
            "critical"
                | "crucial"
                | "essential"
                | "important"
                | "importante"
                | "key"
                | "must"
                | "cle"
                | "incontournable"
                | "indispensable"
        )
    });
    if stressed {
        Tier::Frequent
    } else {
        Tier::ModerementFrequent
    }
}

/// The tier a tag names: `très-fréquent`, `tres-frequent`, `frequent`, `moderement-frequent`,
/// `moins-frequent`, `a-connaitre` (and English `very-frequent`...), optionally behind a
/// `freq/`, `frequence/`, `frequency/` or `exam/` prefix. A leading `#` is ignored.
#[must_use]
pub fn tier_from_tag(tag: &str) -> Option<Tier> {
    let folded = crate::text::fold(tag.trim().trim_start_matches('#')).replace('_', "-");
    let name = match folded.rsplit_once('/') {
        Some((prefix, name)) => {
            let known = ["freq", "frequence", "frequency", "exam", "examen", "saa"];
            if !known.contains(&prefix) {
                return None;
            }
            name.to_owned()
        }
        None => folded,
    };
    tier_from_name(&name)
}

/// Matches a dash-separated tier name (already folded).
fn tier_from_name(name: &str) -> Option<Tier> {
    let name = name.trim_end_matches('s').trim_end_matches('e');
    Some(match name {
        "tres-frequent" | "tresfrequent" | "very-frequent" | "very-common" => Tier::TresFrequent,
        "frequent" | "common" => Tier::Frequent,
        "moderement-frequent" | "moderately-frequent" | "moderately-common" => {
            Tier::ModerementFrequent
        }
        "a-connaitr" | "aconnaitr" | "worth-knowing" | "good-to-know" => Tier::AConnaitre,
        "moins-frequent" | "peu-frequent" | "less-frequent" | "rar" => Tier::MoinsFrequent,
        _ => return None,
    })
}

/// The tier a frontmatter value names (`frequence: très fréquent`,
/// `frequency: high | medium | low | very high`, or any tag-like name).
#[must_use]
pub fn tier_from_value(v: &str) -> Option<Tier> {
    let folded = crate::text::fold(v.trim().trim_matches(|c| c == '"' || c == '\''));
    let dashed = folded.split_whitespace().collect::<Vec<_>>().join("-");
    match dashed.as_str() {
        "very-high" | "tres-haute" | "tres-eleve" | "tres-elevee" => Some(Tier::TresFrequent),
        "high" | "haute" | "eleve" | "elevee" => Some(Tier::Frequent),
        "medium" | "moyenne" | "moyen" => Some(Tier::ModerementFrequent),
        "low" | "basse" | "faible" => Some(Tier::MoinsFrequent),
        _ => tier_from_tag(&dashed).or_else(|| detect_phrase(&folded)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte-at-a-time scan finds an exam word exactly where splitting the folded text
    /// into words does: accents, capitals, apostrophes, marks inside a word, long words,
    /// words that only start like one.
    #[test]
    fn the_fast_exam_word_scan_reads_words_as_folding_does() {
        let mut lines: Vec<String> = [
            "ÉXAMEN blanc",
            "Pour l’examen",
            "l`exam",
            "ex\u{301}am",
            "examen2 exams- saa_c03",
            "SAA-C03",
            "xexam sexam exa m",
            "tést",
            "TESTED!",
            "certificationcertification",
            "éxam",
            "straße exam",
            "ǅexam",
            "",
            "exam",
            "  exa",
            "ﬁ exam",
            "Très FRÉQUENT",
            "Peu fréquenté, à connaître",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        for (_, text) in crate::notes::vault::BUNDLED_NOTES {
            lines.extend(text.lines().map(str::to_owned));
        }
        let mut found = 0;
        for line in &lines {
            let reference = words(line).list().iter().any(|w| EXAM_CONTEXT.contains(w));
            assert_eq!(has_folded_word(line, EXAM_CONTEXT), reference, "{line:?}");
            // The label prefilter, folded on the stack, finds what a folded copy holds.
            let folded = crate::text::fold(line);
            let label = LABEL_WORDS.iter().any(|w| folded.contains(w));
            assert_eq!(may_contain(line, LABEL_WORDS), label, "{line:?}");
            found += usize::from(reference);
        }
        assert!(found > 10, "{found}");
    }

    /// The whole-note word scan turns down a line only when the line-by-line reading
    /// would: on the bundled notes, folded as the index folds them, each line's verdict is
    /// the same as the per-line prefilter's, and no exam or tier line is missed.
    #[test]
    fn whole_note_word_hits_agree_with_each_line() {
        let mut text =
            String::from("Pour l\u{2019}EXAMEN: très fréquent\nfrequently\nsaa-c03\nx\n");
        for (_, note) in crate::notes::vault::BUNDLED_NOTES {
            text.push_str(note);
        }
        let folded = crate::text::fold(&text);
        let hits = WordHits::new(&folded);
        let (mut start, mut exam, mut tiers) = (0, 0, 0);
        for line in folded.split('\n') {
            let part = start..start + line.len();
            start = part.end + 1;
            assert_eq!(
                hits.may_state_tier(&part),
                may_contain(line, LABEL_WORDS),
                "{line:?}"
            );
            if is_exam_context(line) {
                assert!(hits.may_be_exam(&part), "{line:?}");
                exam += 1;
            }
            if detect_phrase(line).is_some() || detect_label(line).is_some() {
                assert!(hits.may_state_tier(&part), "{line:?}");
                tiers += 1;
            }
        }
        assert!(exam > 3 && tiers > 3, "{exam} {tiers}");
        // Matches are found without overlaps: a substring that starts with its own ending
        // ("abab") could hide a second match behind the first.
        for n in EXAM_NEEDLES.iter().chain(LABEL_WORDS) {
            assert!(
                (1..n.len()).all(|k| n[..k] != n[n.len() - k..]),
                "{n} overlaps itself"
            );
        }
        assert!(!hits.may_state_tier(&(0..0)));
    }

    #[test]
    fn prefilters_never_turn_down_what_the_full_reading_finds() {
        let longest = PATTERNS
            .iter()
            .chain(LABEL_ONLY)
            .flat_map(|(_, pats)| pats.iter().map(|p| p.len()))
            .max();
        assert_eq!(longest, Some(LONGEST_PATTERN));
        // Every pattern holds one of the label words.
        for (_, pats) in PATTERNS.iter().chain(LABEL_ONLY) {
            for p in *pats {
                let forms: Vec<&str> = p
                    .iter()
                    .flat_map(|w| match w {
                        Word::Is(x) => vec![*x],
                        Word::Frequent => FREQUENT_FORMS.to_vec(),
                        Word::AnyOf(xs) => xs.to_vec(),
                    })
                    .collect();
                let every_reading_has_one = p.iter().any(|w| {
                    let words: Vec<&str> = match w {
                        Word::Is(x) => vec![*x],
                        Word::Frequent => FREQUENT_FORMS.to_vec(),
                        Word::AnyOf(xs) => xs.to_vec(),
                    };
                    words
                        .iter()
                        .all(|x| LABEL_WORDS.iter().any(|n| x.contains(n)))
                });
                assert!(every_reading_has_one, "{forms:?}");
            }
        }
        // Every exam word holds one of the substrings the whole-text scan looks for.
        for w in EXAM_CONTEXT {
            assert!(EXAM_NEEDLES.iter().any(|n| w.contains(n)), "{w}");
        }
        assert!(more_raw_words_than("**Très** fréquent, l’examen", 3));
        assert!(!more_raw_words_than("**Très** fréquent, l’examen", 4));
        assert!(is_exam_context("For the EXAM: know it"));
        assert!(is_exam_context("Pour l’examen"));
        assert!(!is_exam_context("Frequent scaling indicates"));
        assert_eq!(
            detect_label("Notion **très fréquente**"),
            Some(Tier::TresFrequent)
        );
    }

    #[test]
    fn keys_round_trip_and_labels() {
        for t in Tier::ALL {
            assert_eq!(Tier::from_key(t.key()), Some(t));
            assert!(!t.label_fr().is_empty() && !t.label_en().is_empty());
            assert!(!t.description_fr().is_empty() && !t.description_en().is_empty());
        }
        assert_eq!(Tier::from_key("nope"), None);
        assert_eq!(Tier::TresFrequent.label_fr(), "très fréquent");
        assert_eq!(Tier::AConnaitre.label_en(), "worth knowing");
    }

    #[test]
    fn phrases_fr_and_en() {
        let cases = [
            (
                "Notion **fréquente** dans les questions",
                Some(Tier::Frequent),
            ),
            ("**Très fréquent**, surtout pour", Some(Tier::TresFrequent)),
            ("TRES FREQUENTES", Some(Tier::TresFrequent)),
            ("very common", Some(Tier::TresFrequent)),
            ("Frequently asked about", Some(Tier::TresFrequent)),
            (
                "Notion **modérément fréquente**, utile à connaître",
                Some(Tier::ModerementFrequent),
            ),
            ("moderately common", Some(Tier::ModerementFrequent)),
            (
                "Moins fréquent que SES ou SNS, mais important à connaître",
                Some(Tier::MoinsFrequent),
            ),
            ("peu fréquent", Some(Tier::MoinsFrequent)),
            ("rarement demandé", Some(Tier::MoinsFrequent)),
            ("rarely asked", Some(Tier::MoinsFrequent)),
            ("less frequent", Some(Tier::MoinsFrequent)),
            ("frequent", Some(Tier::Frequent)),
            ("common on the exam", Some(Tier::Frequent)),
            (
                "**Notion à connaître** pour les scénarios hybrides",
                Some(Tier::AConnaitre),
            ),
            ("worth knowing", Some(Tier::AConnaitre)),
            ("Good to know", Some(Tier::AConnaitre)),
            ("Frequently used services", None),
            ("read times of common requests", None),
            ("Bien retenir que CloudFormation", None),
            ("", None),
        ];
        for (text, want) in cases {
            assert_eq!(detect_phrase(text), want, "{text}");
        }
    }

    #[test]
    fn labels_alone_on_their_line() {
        assert_eq!(detect_label("Notion **fréquente**"), Some(Tier::Frequent));
        assert_eq!(detect_label("**Très fréquent**."), Some(Tier::TresFrequent));
        assert_eq!(detect_label("Moins fréquent"), Some(Tier::MoinsFrequent));
        assert_eq!(detect_label("Un service très fréquent"), None);
        assert_eq!(detect_label("Frequently used"), None);
        assert_eq!(detect_label("Rarely, the cache"), None);
    }

    /// Pins the false positive found in a public question bank: a line of ordinary
    /// English that starts with a tier word.
    #[test]
    fn frequent_scaling_indicates_is_not_a_tier() {
        assert_eq!(detect_label("Frequent scaling indicates:"), None);
        assert_eq!(
            detect_label("Frequently accessed data goes to S3 Standard"),
            None
        );
        assert_eq!(detect_label("Less frequent access: S3 Standard-IA"), None);
        assert_eq!(detect_label("Infrequent Access"), None);
        assert!(!is_exam_context("Frequent scaling indicates:"));
        // Even in an exam tip, "frequent" before a noun describes the data.
        assert_eq!(
            detect_phrase("Exam tip: Standard for frequent access"),
            None
        );
        assert_eq!(
            detect_phrase("Exam: very frequent updates need DynamoDB"),
            None
        );
    }

    #[test]
    fn exam_context_and_emphasis() {
        assert!(is_exam_context("Pour l’examen AWS SAA"));
        assert!(is_exam_context("[!tip] Exam Tip"));
        assert!(is_exam_context("Exam Nugget"));
        assert!(is_exam_context("Critical for the exam"));
        assert!(is_exam_context("Frequently tested"));
        assert!(!is_exam_context("Examples"));
        assert!(!is_exam_context("An example"));
        assert_eq!(emphasis_tier("Critical for the exam"), Tier::Frequent);
        assert_eq!(emphasis_tier("Important Exam Tips"), Tier::Frequent);
        assert_eq!(emphasis_tier("Exam Tip"), Tier::ModerementFrequent);
        assert_eq!(detect_phrase("Frequently tested"), Some(Tier::TresFrequent));
        assert_eq!(
            detect_phrase("Often tested together with SQS"),
            Some(Tier::Frequent)
        );
    }

    /// Regressions found on a public vault: a negated phrase and "rare" about the exam's
    /// format set tiers.
    #[test]
    fn negations_and_rare_in_prose_set_no_tier() {
        assert_eq!(
            detect_phrase("Aurora Serverless may not be heavily featured in current exam versions"),
            None
        );
        assert_eq!(
            detect_phrase("Note: \"Choose all that apply\" is rare at the Associate level"),
            None
        );
        assert_eq!(detect_phrase("Pour l'examen : pas très fréquent"), None);
        assert_eq!(
            detect_phrase("Rarely tested on the exam"),
            Some(Tier::MoinsFrequent)
        );
        assert_eq!(
            detect_phrase("Pour l'examen : rarement demandé"),
            Some(Tier::MoinsFrequent)
        );
        assert_eq!(detect_label("Rare"), Some(Tier::MoinsFrequent));
    }

    #[test]
    fn tags() {
        assert_eq!(tier_from_tag("très-fréquent"), Some(Tier::TresFrequent));
        assert_eq!(tier_from_tag("#tres-frequent"), Some(Tier::TresFrequent));
        assert_eq!(tier_from_tag("frequent"), Some(Tier::Frequent));
        assert_eq!(tier_from_tag("fréquent"), Some(Tier::Frequent));
        assert_eq!(
            tier_from_tag("moderement-frequent"),
            Some(Tier::ModerementFrequent)
        );
        assert_eq!(tier_from_tag("moins-frequent"), Some(Tier::MoinsFrequent));
        assert_eq!(tier_from_tag("a-connaitre"), Some(Tier::AConnaitre));
        assert_eq!(tier_from_tag("à-connaître"), Some(Tier::AConnaitre));
        assert_eq!(
            tier_from_tag("freq/tres-frequent"),
            Some(Tier::TresFrequent)
        );
        assert_eq!(
            tier_from_tag("frequence/moins-frequent"),
            Some(Tier::MoinsFrequent)
        );
        assert_eq!(tier_from_tag("exam/frequent"), Some(Tier::Frequent));
        assert_eq!(tier_from_tag("aws/frequent"), None);
        assert_eq!(tier_from_tag("lambda"), None);
        assert_eq!(tier_from_tag(""), None);
    }

    #[test]
    fn values() {
        assert_eq!(tier_from_value("très fréquent"), Some(Tier::TresFrequent));
        assert_eq!(tier_from_value("\"fréquent\""), Some(Tier::Frequent));
        assert_eq!(tier_from_value("very high"), Some(Tier::TresFrequent));
        assert_eq!(tier_from_value("High"), Some(Tier::Frequent));
        assert_eq!(tier_from_value("medium"), Some(Tier::ModerementFrequent));
        assert_eq!(tier_from_value("low"), Some(Tier::MoinsFrequent));
        assert_eq!(tier_from_value("à connaître"), Some(Tier::AConnaitre));
        assert_eq!(
            tier_from_value("moderement-frequent"),
            Some(Tier::ModerementFrequent)
        );
        assert_eq!(tier_from_value("banana"), None);
    }
}
