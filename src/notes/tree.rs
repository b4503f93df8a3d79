//! The sidebar's model, without egui: the vault's folders, each listed once with its notes
//! and subfolders, in natural order ([`natural_cmp`]: `2.` before `10.`, `EC2` before `EC2
//! Types`, `II.` before `IX.`, case and accents ignored).

use std::cmp::Ordering;

use crate::notes::index::Index;
use crate::text::fold;

/// A folder of the vault (the root has an empty name and path).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Folder {
    /// Its name (the last part of `path`).
    pub name: String,
    /// Its path from the vault root, `/`-separated, without a trailing `/`.
    pub path: String,
    /// Subfolders, in natural order.
    pub folders: Vec<Folder>,
    /// Its notes (indices into [`Index::notes`]), in natural order of their titles.
    pub notes: Vec<usize>,
}

impl Folder {
    /// Notes in this folder and all its subfolders.
    #[must_use]
    pub fn note_count(&self) -> usize {
        let mut count = 0;
        let mut stack = vec![self];
        while let Some(f) = stack.pop() {
            count += f.notes.len();
            stack.extend(f.folders.iter());
        }
        count
    }
}

/// The folder tree of `index`'s notes.
#[must_use]
pub fn build_tree(index: &Index) -> Folder {
    let paths: Vec<(&str, &str)> = index
        .notes
        .iter()
        .map(|n| (n.path.as_str(), n.title.as_str()))
        .collect();
    tree_of(&paths)
}

/// The folder tree of notes given as (path, title), indexed in that order.
#[must_use]
pub fn tree_of(notes: &[(&str, &str)]) -> Folder {
    let mut root = Folder::default();
    for (i, (path, _)) in notes.iter().enumerate() {
        let mut folder = &mut root;
        let mut parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        parts.pop();
        for part in parts {
            let at = if let Some(at) = folder.folders.iter().position(|f| f.name == part) {
                at
            } else {
                let path = if folder.path.is_empty() {
                    part.to_owned()
                } else {
                    format!("{}/{part}", folder.path)
                };
                folder.folders.push(Folder {
                    name: part.to_owned(),
                    path,
                    ..Folder::default()
                });
                folder.folders.len() - 1
            };
            folder = &mut folder.folders[at];
        }
        folder.notes.push(i);
    }
    // Sort every level with an explicit stack (vaults can be deep).
    let mut stack = vec![&mut root];
    while let Some(folder) = stack.pop() {
        folder
            .folders
            .sort_by(|a, b| natural_cmp(&a.name, &b.name).then_with(|| a.name.cmp(&b.name)));
        folder.notes.sort_by(|&a, &b| {
            let (ta, tb) = (notes[a].1, notes[b].1);
            natural_cmp(ta, tb).then_with(|| ta.cmp(tb))
        });
        stack.extend(folder.folders.iter_mut());
    }
    root
}

/// A piece of a name for natural ordering.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Chunk {
    /// A number (digits, or a Roman numeral heading the name: `XII. RDS`).
    Number(u64),
    /// Text, folded (lower case, no accents), without spaces and punctuation.
    Text(String),
}

/// Splits a name into chunks.
fn chunks(name: &str) -> Vec<Chunk> {
    let folded = fold(name);
    let mut out = Vec::new();
    let mut rest = folded.trim_start();
    if let Some((value, used)) = leading_roman(rest) {
        out.push(Chunk::Number(value));
        rest = &rest[used..];
    }
    let mut text = String::new();
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_ascii_digit() {
            if !text.is_empty() {
                out.push(Chunk::Text(std::mem::take(&mut text)));
            }
            let mut end = i + 1;
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                end = j + 1;
                chars.next();
            }
            let digits = rest[i..end].trim_start_matches('0');
            out.push(Chunk::Number(digits.parse().unwrap_or(u64::MAX)));
        } else if c.is_alphanumeric() {
            text.push(c);
        } else if !text.is_empty() {
            // Spaces and punctuation end a word: "EC2 Types" is "ec" 2 "types".
            out.push(Chunk::Text(std::mem::take(&mut text)));
        }
    }
    if !text.is_empty() {
        out.push(Chunk::Text(text));
    }
    out
}

/// A Roman numeral followed by `.` or `)` at the start of `s` (folded): its value and the
/// bytes it takes, marker included.
fn leading_roman(s: &str) -> Option<(u64, usize)> {
    let end = s.find(|c: char| !matches!(c, 'i' | 'v' | 'x' | 'l' | 'c' | 'd' | 'm'))?;
    if end == 0 || !matches!(s.as_bytes().get(end), Some(b'.' | b')')) {
        return None;
    }
    let value = |c: u8| match c {
        b'i' => 1,
        b'v' => 5,
        b'x' => 10,
        b'l' => 50,
        b'c' => 100,
        b'd' => 500,
        _ => 1000,
    };
    let bytes = &s.as_bytes()[..end];
    // A smaller value before a larger one subtracts: IV = -1 + 5.
    let mut total: i64 = 0;
    for (k, &b) in bytes.iter().enumerate() {
        let v = i64::from(value(b));
        if bytes.get(k + 1).is_some_and(|&n| i64::from(value(n)) > v) {
            total -= v;
        } else {
            total += v;
        }
    }
    u64::try_from(total).ok().map(|v| (v, end + 1))
}

/// Natural order of two names: numbers by value (`2.` before `10.`), words alphabetically
/// ignoring case and accents, a name before the longer names it starts (`EC2` before
/// `EC2 Types`); leading Roman numerals (`IX.`, `X.`) count as numbers.
#[must_use]
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (a, b) = (chunks(a), chunks(b));
    for (i, (x, y)) in a.iter().zip(&b).enumerate() {
        let order = match (x, y) {
            // Names starting with a number come first; further in, a word comes before a
            // number, so that `1. Intro` heads `1.2 Setup`.
            (Chunk::Number(_), Chunk::Text(_)) if i > 0 => Ordering::Greater,
            (Chunk::Text(_), Chunk::Number(_)) if i > 0 => Ordering::Less,
            _ => x.cmp(y),
        };
        if order != Ordering::Equal {
            return order;
        }
    }
    a.len().cmp(&b.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(names: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = names.iter().map(|s| (*s).to_owned()).collect();
        v.sort_by(|a, b| natural_cmp(a, b));
        v
    }

    #[test]
    fn numbers_sort_by_value() {
        assert_eq!(
            sorted(&["10. VPC", "2. IAM", "1. Intro", "1.10 b", "1.2 a"]),
            ["1. Intro", "1.2 a", "1.10 b", "2. IAM", "10. VPC"]
        );
    }

    #[test]
    fn prefixes_case_and_accents() {
        assert_eq!(
            sorted(&["EC2 Types", "ec2", "Élastic", "elastic beanstalk", "EBS"]),
            ["EBS", "ec2", "EC2 Types", "Élastic", "elastic beanstalk"]
        );
        assert_eq!(natural_cmp("Réseau", "reseau"), Ordering::Equal);
    }

    #[test]
    fn roman_numerals_heading_a_name_sort_by_value() {
        assert_eq!(
            sorted(&[
                "X. Route 53",
                "IX. EC2",
                "II. Accounts",
                "IV. IAM",
                "V. S3",
                "I. Intro"
            ]),
            [
                "I. Intro",
                "II. Accounts",
                "IV. IAM",
                "V. S3",
                "IX. EC2",
                "X. Route 53"
            ]
        );
        // A word that happens to be made of those letters is a word.
        assert_eq!(leading_roman("mix of"), None);
    }

    #[test]
    fn folders_are_listed_once_with_their_notes() {
        let notes = [
            ("B/10. Ten.md", "10. Ten"),
            ("A/x.md", "x"),
            ("B/2. Two.md", "2. Two"),
            ("Top.md", "Top"),
            ("B/Sub/deep.md", "deep"),
            ("B/1. One.md", "1. One"),
        ];
        let root = tree_of(&notes);
        assert_eq!(root.notes, [3]);
        let names: Vec<&str> = root.folders.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["A", "B"]);
        let b = &root.folders[1];
        assert_eq!(b.path, "B");
        assert_eq!(b.notes, [5, 2, 0]);
        assert_eq!(b.folders.len(), 1);
        assert_eq!(b.folders[0].path, "B/Sub");
        assert_eq!(b.folders[0].notes, [4]);
        assert_eq!(root.note_count(), 6);
    }
}
