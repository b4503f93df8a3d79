//! The index of a loaded vault: every note parsed once, its topics (headings) with their
//! AWS icon and exam-frequency tier, and wikilink resolution.
//!
//! Built off the UI thread ([`Index::build`] is pure and `Send`), then read by the sidebar,
//! the note view, search and the `check` command. A topic is a heading of level 1 to 3;
//! its icon is the first AWS icon image in its section, else the service its title names;
//! its tier is the user's override, else what the notes say for it (text, tag), else its
//! parent heading's, else the note's (frontmatter or tag before the first heading).

use std::collections::HashMap;

use crate::frequency::Tier;
use crate::icons::{Catalog, IconId};
use crate::notes::doc::{Block, Document, HintSource, ReferenceKind, WikiTarget};
use crate::notes::parse::parse;
use crate::notes::vault::{LoadedVault, NoteFile, is_image, note_key};
use crate::store::Overrides;
use crate::text::fold;

/// Deepest heading level listed as a topic.
pub const TOPIC_MAX_LEVEL: u8 = 3;

/// A parsed note.
#[derive(Debug)]
pub struct Note {
    /// Path relative to the vault (`sub/Note.md`).
    pub path: String,
    /// File name without `.md`.
    pub title: String,
    /// `title` folded (lower case, no accents), for search.
    pub folded_title: String,
    /// The parsed document.
    pub doc: Document,
    /// What was wrong with the file when it was read, if anything.
    pub problem: Option<String>,
    /// Indices into [`Index::topics`] of this note's topics, in order.
    pub topics: Vec<usize>,
    /// The note's lines, folded (lower case, no accents), for full-text search.
    pub folded_lines: Vec<String>,
    /// The raw lines, for search snippets.
    pub lines: Vec<String>,
}

/// Where a tier came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TierOrigin {
    /// Set by the user in the app.
    User,
    /// Read from the notes.
    Notes(HintSource),
    /// Inherited from the parent heading or the whole note.
    Inherited,
}

/// A topic: one heading of a note, usually one AWS service.
#[derive(Debug)]
pub struct Topic {
    /// Index into [`Index::notes`].
    pub note: usize,
    /// Index into the note's [`Document::headings`].
    pub heading: usize,
    /// Heading text.
    pub title: String,
    /// `title` folded, for search.
    pub folded_title: String,
    /// Heading level (1–3).
    pub level: u8,
    /// The AWS icon for it, if one was found.
    pub icon: Option<IconId>,
    /// The tier the notes give it (before user overrides), with where it came from.
    pub detected: Option<(Tier, TierOrigin)>,
    /// Stable key for user overrides: `note path#heading text`.
    pub key: String,
}

/// A place in the vault.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Location {
    /// Index into [`Index::notes`].
    pub note: usize,
    /// Heading index within the note, or the top.
    pub heading: Option<usize>,
}

/// A vault, parsed and indexed.
#[derive(Debug)]
pub struct Index {
    /// The files as read (kept for attachments).
    pub vault: LoadedVault,
    /// Notes, in path order.
    pub notes: Vec<Note>,
    /// All topics, note by note, in document order.
    pub topics: Vec<Topic>,
    by_name: HashMap<String, Vec<usize>>,
}

impl Index {
    /// Parses and indexes every note. `progress(done, total)` is called per note.
    #[must_use]
    pub fn build(mut vault: LoadedVault, progress: &dyn Fn(usize, usize)) -> Self {
        let catalog = Catalog::bundled();
        let files = std::mem::take(&mut vault.notes);
        let total = files.len();
        let mut notes = Vec::with_capacity(total);
        let mut topics = Vec::new();
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, file) in files.iter().enumerate() {
            progress(i, total);
            let note = index_note(i, file, catalog, &mut topics);
            by_name.entry(note_key(&note.path)).or_default().push(i);
            notes.push(note);
        }
        progress(total, total);
        vault.notes = files;
        Self {
            vault,
            notes,
            topics,
            by_name,
        }
    }

    /// The note a wikilink names, seen from note `from`: `""` is `from` itself; a path
    /// (`folder/Note`) prefers the note whose path ends that way; otherwise by name,
    /// case- and accent-insensitive.
    #[must_use]
    pub fn resolve_note(&self, from: usize, name: &str) -> Option<usize> {
        let name = name.trim();
        if name.is_empty() {
            return Some(from);
        }
        let name = name.strip_suffix(".md").unwrap_or(name);
        let candidates = self.by_name.get(&note_key(name))?;
        if candidates.len() == 1 || !name.contains('/') {
            return candidates.first().copied();
        }
        let wanted = fold(name.trim_start_matches(['.', '/']));
        candidates
            .iter()
            .copied()
            .find(|&i| {
                let path = fold(&self.notes[i].path);
                path.trim_end_matches(".md").ends_with(&wanted)
            })
            .or_else(|| candidates.first().copied())
    }

    /// The heading of `note` that `text` names (case/accent-insensitive; for Obsidian's
    /// nested `H1#H2` form, the last part).
    #[must_use]
    pub fn find_heading(&self, note: usize, text: &str) -> Option<usize> {
        let wanted = fold(text.rsplit('#').next().unwrap_or(text).trim());
        self.notes
            .get(note)?
            .doc
            .headings
            .iter()
            .position(|h| fold(h.text.trim()) == wanted)
    }

    /// Resolves a wikilink or embed target. `Err` carries what is missing, for a placeholder.
    ///
    /// # Errors
    /// [`Unresolved`] when the note or the heading does not exist.
    pub fn resolve(&self, from: usize, target: &WikiTarget) -> Result<Location, Unresolved> {
        let Some(note) = self.resolve_note(from, &target.note) else {
            return Err(Unresolved::Note);
        };
        match &target.heading {
            // `[[Note#^block-id]]`: block references open the note.
            None => Ok(Location {
                note,
                heading: None,
            }),
            Some(h) if h.starts_with('^') => Ok(Location {
                note,
                heading: None,
            }),
            Some(h) => match self.find_heading(note, h) {
                Some(heading) => Ok(Location {
                    note,
                    heading: Some(heading),
                }),
                None => Err(Unresolved::Heading(note)),
            },
        }
    }

    /// The topic for a heading, if that heading is a topic.
    #[must_use]
    pub fn topic_at(&self, note: usize, heading: usize) -> Option<usize> {
        self.notes
            .get(note)?
            .topics
            .iter()
            .copied()
            .find(|&t| self.topics[t].heading == heading)
    }

    /// The effective tier of a topic: the user's override first, then the notes'.
    #[must_use]
    pub fn tier(&self, topic: usize, overrides: &Overrides) -> Option<(Tier, TierOrigin)> {
        let t = self.topics.get(topic)?;
        if let Some(tier) = overrides.tiers.get(&t.key) {
            return Some((*tier, TierOrigin::User));
        }
        t.detected
    }

    /// Looks up a note by its vault-relative path.
    #[must_use]
    pub fn note_by_path(&self, path: &str) -> Option<usize> {
        self.notes.iter().position(|n| n.path == path)
    }
}

/// What a wikilink target lacks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unresolved {
    /// No such note.
    Note,
    /// The note exists (its index) but not the heading.
    Heading(usize),
}

/// The blocks of a section: from heading `heading` (included) to the next heading of the
/// same or a higher level, among the top-level blocks.
#[must_use]
pub fn section_blocks(doc: &Document, heading: usize) -> &[Block] {
    let Some(level) = doc.headings.get(heading).map(|h| h.level) else {
        return &[];
    };
    let start = doc
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Heading { index, .. } if *index == heading));
    let Some(start) = start else {
        return &[];
    };
    let end = doc.blocks[start + 1..]
        .iter()
        .position(|b| matches!(b, Block::Heading { level: l, .. } if *l <= level))
        .map_or(doc.blocks.len(), |p| start + 1 + p);
    &doc.blocks[start..end]
}

/// Splits a reference as written (`Note#Heading|alias`, `.md` optional) into a target.
#[must_use]
pub fn wiki_target(written: &str) -> WikiTarget {
    let without_alias = written.split('|').next().unwrap_or(written);
    let (note, heading) = match without_alias.split_once('#') {
        Some((n, h)) => (n, Some(h.trim().to_owned()).filter(|h| !h.is_empty())),
        None => (without_alias, None),
    };
    let note = note.trim();
    WikiTarget {
        note: note.strip_suffix(".md").unwrap_or(note).to_owned(),
        heading,
    }
}

fn index_note(i: usize, file: &NoteFile, catalog: &Catalog, topics: &mut Vec<Topic>) -> Note {
    let doc = parse(&file.text);
    let title = file
        .path
        .rsplit('/')
        .next()
        .unwrap_or(&file.path)
        .trim_end_matches(".md")
        .to_owned();
    let note_tier = doc
        .frequency_hints
        .iter()
        .find(|h| h.heading.is_none())
        .map(|h| h.tier);
    let mut note_topics = Vec::new();
    // (level, tier) of the enclosing headings, for inheritance.
    let mut parents: Vec<(u8, Option<Tier>)> = Vec::new();
    for (h, heading) in doc.headings.iter().enumerate() {
        while parents.last().is_some_and(|(l, _)| *l >= heading.level) {
            parents.pop();
        }
        let own = own_hint(&doc, h);
        let inherited = parents.iter().rev().find_map(|(_, t)| *t).or(note_tier);
        parents.push((heading.level, own.map(|(t, _)| t).or(inherited)));
        if heading.level > TOPIC_MAX_LEVEL || heading.text.trim().is_empty() {
            continue;
        }
        let detected = own
            .map(|(t, s)| (t, TierOrigin::Notes(s)))
            .or(inherited.map(|t| (t, TierOrigin::Inherited)));
        note_topics.push(topics.len());
        topics.push(Topic {
            note: i,
            heading: h,
            title: heading.text.trim().to_owned(),
            folded_title: fold(heading.text.trim()),
            level: heading.level,
            icon: section_icon(&doc, h, catalog).or_else(|| catalog.by_service_name(&heading.text)),
            detected,
            key: format!("{}#{}", file.path, heading.text.trim()),
        });
    }
    let lines: Vec<String> = file.text.lines().map(str::to_owned).collect();
    Note {
        path: file.path.clone(),
        folded_title: fold(&title),
        title,
        folded_lines: lines.iter().map(|l| fold(l)).collect(),
        lines,
        doc,
        problem: file.problem.clone(),
        topics: note_topics,
    }
}

/// The hint the notes give for heading `h` itself: words first, then a tag.
fn own_hint(doc: &Document, h: usize) -> Option<(Tier, HintSource)> {
    let hints = || doc.frequency_hints.iter().filter(|x| x.heading == Some(h));
    hints()
        .find(|x| x.source == HintSource::Text)
        .or_else(|| hints().next())
        .map(|x| (x.tier, x.source))
}

/// The first AWS icon image between heading `h` and the next heading.
fn section_icon(doc: &Document, h: usize, catalog: &Catalog) -> Option<IconId> {
    let start = doc.headings.get(h)?.line;
    let end = doc.headings.get(h + 1).map_or(usize::MAX, |n| n.line);
    doc.references
        .iter()
        .filter(|r| r.kind == ReferenceKind::Image && r.line > start && r.line < end)
        .filter(|r| is_image(&r.target))
        .find_map(|r| catalog.by_file_name(&r.target))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> Index {
        Index::build(LoadedVault::bundled(), &|_, _| {})
    }

    fn topic<'a>(index: &'a Index, title: &str) -> &'a Topic {
        index
            .topics
            .iter()
            .find(|t| t.title == title)
            .unwrap_or_else(|| panic!("no topic {title}"))
    }

    #[test]
    fn french_note_tiers() {
        let index = bundled();
        let none = Overrides::default();
        let saa = index.note_by_path("SAA - Other Services.md").expect("note");
        let tier = |title: &str| {
            let t = index
                .topics
                .iter()
                .position(|t| t.note == saa && t.title == title)
                .expect(title);
            index.tier(t, &none).map(|(tier, _)| tier)
        };
        assert_eq!(tier("SSM Session Manager"), Some(Tier::TresFrequent));
        assert_eq!(tier("CloudFormation"), Some(Tier::Frequent));
        assert_eq!(tier("Amazon SES"), Some(Tier::ModerementFrequent));
        assert_eq!(tier("Amazon Pinpoint"), Some(Tier::MoinsFrequent));
    }

    #[test]
    fn override_wins() {
        let index = bundled();
        let saa = index.note_by_path("SAA - Other Services.md").expect("note");
        let t = index
            .topics
            .iter()
            .position(|t| t.note == saa && t.title == "CloudFormation")
            .expect("cf");
        let mut o = Overrides::default();
        o.tiers
            .insert(index.topics[t].key.clone(), Tier::MoinsFrequent);
        assert_eq!(
            index.tier(t, &o),
            Some((Tier::MoinsFrequent, TierOrigin::User))
        );
    }

    #[test]
    fn icons_from_images_and_titles() {
        let index = bundled();
        let catalog = Catalog::bundled();
        let name = |t: &Topic| {
            t.icon
                .and_then(|i| catalog.get(i))
                .map(|i| i.aws_name.clone())
        };
        let cognito = topic(&index, "Cognito");
        assert!(
            name(cognito).is_some_and(|n| n.contains("Cognito")),
            "{:?}",
            name(cognito)
        );
        let lambda = topic(&index, "1.2. Lambda");
        assert!(name(lambda).is_some_and(|n| n.contains("Lambda")));
        let appsync = topic(&index, "AppSync");
        assert!(name(appsync).is_some_and(|n| n.contains("AppSync")));
    }

    #[test]
    fn wikilinks_resolve_or_say_what_is_missing() {
        let index = bundled();
        let dva = index
            .notes
            .iter()
            .position(|n| n.title.starts_with("DVA"))
            .expect("dva");
        let own = WikiTarget {
            note: String::new(),
            heading: Some("Security".into()),
        };
        assert!(index.resolve(dva, &own).is_ok());
        let other = WikiTarget {
            note: "SAA - Other Services".into(),
            heading: Some("cloudformation".into()),
        };
        let loc = index.resolve(dva, &other).expect("resolves");
        assert_eq!(index.notes[loc.note].title, "SAA - Other Services");
        let missing = WikiTarget {
            note: "102 AWS DVA Index".into(),
            heading: None,
        };
        assert_eq!(index.resolve(dva, &missing), Err(Unresolved::Note));
        let missing_heading = WikiTarget {
            note: "SAA - Other Services".into(),
            heading: Some("Nope".into()),
        };
        assert!(matches!(
            index.resolve(dva, &missing_heading),
            Err(Unresolved::Heading(_))
        ));
    }

    #[test]
    fn section_stops_at_next_heading_of_same_level() {
        let index = bundled();
        let note = index.note_by_path("SAA - Other Services.md").expect("note");
        let h = index.find_heading(note, "Amazon SES").expect("ses");
        let blocks = section_blocks(&index.notes[note].doc, h);
        assert!(blocks.len() >= 2);
        assert_eq!(
            blocks
                .iter()
                .filter(|b| matches!(b, Block::Heading { .. }))
                .count(),
            1
        );
    }
}
