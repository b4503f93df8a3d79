//! The YAML frontmatter of a note: a small hand-written reader for the subset notes use
//! (`key: value`, quoted values, `- item` lists, `[a, b]`), and what it adds to the
//! document (its `tags:` and exam-frequency keys).

use std::collections::HashSet;

use super::hints::hint;
use crate::frequency;
use crate::notes::doc::{Document, FmValue, Frontmatter, HintSource};
use crate::text::fold;

/// Frontmatter keys holding an exam-frequency tier (folded).
const FREQUENCY_KEYS: [&str; 3] = ["frequence", "frequency", "exam-frequency"];

/// The frontmatter split off a note.
pub(super) struct FmSplit {
    /// The entries and the 1-based line of each.
    pub(super) frontmatter: Option<(Frontmatter, Vec<usize>)>,
    /// Byte offset of the body in the original text.
    pub(super) body_start: usize,
    /// 1-based line of the body's first line.
    pub(super) body_first_line: usize,
}

/// Splits a leading `---` … `---` block off `text`, if it is closed.
pub(super) fn split_frontmatter(text: &str) -> FmSplit {
    let none = FmSplit {
        frontmatter: None,
        body_start: 0,
        body_first_line: 1,
    };
    let mut lines = text.split_inclusive('\n');
    let Some(first) = lines.next() else {
        return none;
    };
    if first.trim_start_matches('\u{feff}').trim_end() != "---" {
        return none;
    }
    let mut offset = first.len();
    let mut inner = Vec::new();
    for (i, line) in lines.enumerate() {
        let line_no = i + 2;
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            return FmSplit {
                frontmatter: Some(parse_yaml(&inner)),
                body_start: offset + line.len(),
                body_first_line: line_no + 1,
            };
        }
        inner.push((line_no, line));
        offset += line.len();
    }
    none
}

/// Removes one pair of matching quotes around `s`.
fn unquote(s: &str) -> String {
    let s = s.trim();
    for q in ['"', '\''] {
        if let Some(inner) = s.strip_prefix(q).and_then(|r| r.strip_suffix(q)) {
            return inner.to_owned();
        }
    }
    s.to_owned()
}

/// Reads the simple YAML subset notes use: `key: value`, `key: [a, b]`, `key:` + `- item`.
fn parse_yaml(lines: &[(usize, &str)]) -> (Frontmatter, Vec<usize>) {
    let mut fm = Frontmatter::default();
    let mut at = Vec::new();
    for &(line_no, raw) in lines {
        let line = raw.trim_end();
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if let Some(item) = trimmed
            .strip_prefix('-')
            .filter(|r| r.is_empty() || r.starts_with(' '))
        {
            push_yaml_item(&mut fm, unquote(item));
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let key = unquote(key);
        if key.is_empty() || line.starts_with([' ', '\t']) {
            continue;
        }
        let value = value.trim();
        let value = match value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
            Some(list) => FmValue::List(
                list.split(',')
                    .map(unquote)
                    .filter(|s| !s.is_empty())
                    .collect(),
            ),
            None => FmValue::Text(unquote(value)),
        };
        fm.entries.push((key, value));
        at.push(line_no);
    }
    (fm, at)
}

/// Adds a `- item` line to the last key (turning an empty `key:` into a list).
fn push_yaml_item(fm: &mut Frontmatter, item: String) {
    let Some((_, value)) = fm.entries.last_mut() else {
        return;
    };
    match value {
        FmValue::List(items) => items.push(item),
        FmValue::Text(t) if t.is_empty() => *value = FmValue::List(vec![item]),
        FmValue::Text(_) => {}
    }
}

/// Adds the frontmatter `tags:` and frequency keys to `doc`.
pub(super) fn apply_frontmatter(doc: &mut Document, fm: &Frontmatter, lines: &[usize]) {
    let mut fm_tags = Vec::new();
    for (i, (key, value)) in fm.entries.iter().enumerate() {
        let line = lines.get(i).copied().unwrap_or(1);
        let key = fold(key);
        let values: Vec<&str> = match value {
            FmValue::Text(t) => vec![t.as_str()],
            FmValue::List(items) => items.iter().map(String::as_str).collect(),
        };
        if key == "tags" || key == "tag" {
            for v in &values {
                for tag in v
                    .split([',', ' '])
                    .map(|t| t.trim().trim_start_matches('#'))
                {
                    if !tag.is_empty() {
                        fm_tags.push((tag.to_owned(), line));
                    }
                }
            }
        } else if FREQUENCY_KEYS.contains(&key.as_str())
            && let Some(tier) = values.iter().find_map(|v| frequency::tier_from_value(v))
        {
            doc.frequency_hints
                .push(hint(tier, None, line, HintSource::Frontmatter));
        }
    }
    let mut seen: HashSet<String> = doc.tags.iter().cloned().collect();
    for (tag, line) in fm_tags {
        if let Some(tier) = frequency::tier_from_tag(&tag) {
            doc.frequency_hints
                .push(hint(tier, None, line, HintSource::Tag));
        }
        if seen.insert(tag.clone()) {
            doc.tags.push(tag);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::frequency::Tier;
    use crate::notes::doc::*;
    use crate::notes::parse::parse;

    #[test]
    fn frontmatter_forms() {
        let text = "---\ntitle: \"My note\"\ntags: [aws, 'exam/frequent']\naliases:\n  - one\n  - \"two\"\nfrequence: très fréquent\nbroken line\n: nokey\n---\n# H\nbody #aws\n";
        let doc = parse(text);
        let fm = doc.frontmatter.clone().unwrap_or_default();
        assert_eq!(
            fm.entries,
            [
                ("title".into(), FmValue::Text("My note".into())),
                (
                    "tags".into(),
                    FmValue::List(vec!["aws".into(), "exam/frequent".into()])
                ),
                (
                    "aliases".into(),
                    FmValue::List(vec!["one".into(), "two".into()])
                ),
                ("frequence".into(), FmValue::Text("très fréquent".into())),
            ]
        );
        assert_eq!(doc.headings[0].line, 11);
        assert_eq!(doc.tags, ["aws", "exam/frequent"]);
        let hints: Vec<_> = doc
            .frequency_hints
            .iter()
            .map(|h| (h.tier, h.heading, h.line, h.source))
            .collect();
        assert!(hints.contains(&(Tier::TresFrequent, None, 7, HintSource::Frontmatter)));
        assert!(hints.contains(&(Tier::Frequent, None, 3, HintSource::Tag)));
    }

    #[test]
    fn unterminated_frontmatter_is_body() {
        let doc = parse("---\ntitle: x\n# H\n");
        assert!(doc.frontmatter.is_none());
        assert_eq!(doc.headings[0].line, 3);
    }
}
