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
        /// 1-based line.
        line: usize,
        /// The line, trimmed and shortened.
        snippet: String,
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
    'notes: for (i, note) in index.notes.iter().enumerate() {
        for (l, folded) in note.folded_lines.iter().enumerate() {
            if hits.len() >= limit + MAX_TEXT_HITS.min(limit) || text_hits >= MAX_TEXT_HITS {
                break 'notes;
            }
            if !words.iter().all(|w| folded.contains(w)) {
                continue;
            }
            let line = l + 1;
            let heading = note.doc.headings.iter().rposition(|h| h.line <= line);
            if heading.is_some_and(|h| note.doc.headings[h].line == line) {
                continue; // the heading itself is already a topic hit
            }
            text_hits += 1;
            hits.push(Hit {
                kind: HitKind::Text {
                    line,
                    snippet: snippet(&note.lines[l]),
                },
                location: Location { note: i, heading },
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

fn snippet(line: &str) -> String {
    let clean: String = line
        .trim()
        .trim_start_matches(['-', '*', '>', ' ', '\t'])
        .replace("**", "");
    if clean.chars().count() > 120 {
        let cut: String = clean.chars().take(117).collect();
        format!("{cut}...")
    } else {
        clean
    }
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
        assert_eq!(index.topics[t].title, "CloudFormation");
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

    #[test]
    fn scattered_letters_are_dropped_when_whole_words_match() {
        let index = index();
        let titles: Vec<String> = search(&index, "ses", 30, &[])
            .iter()
            .filter_map(|h| match h.kind {
                HitKind::Topic(t) => Some(index.topics[t].title.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(titles.first().map(String::as_str), Some("Amazon SES"));
        assert!(!titles.iter().any(|t| t == "Other Databases"), "{titles:?}");
        // A typo still finds by scattered letters when nothing matches whole.
        let typo = search(&index, "cldfrmation", 5, &[]);
        assert!(
            matches!(typo[0].kind, HitKind::Topic(t) if index.topics[t].title == "CloudFormation")
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
