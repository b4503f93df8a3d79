//! The index of a loaded vault: every note parsed once for its outline (headings, links,
//! tags, hints: what Obsidian's metadata cache keeps, not the parsed body), its topics
//! with their AWS service, icon and exam-frequency tier, and wikilink resolution. A
//! note's body is parsed again when it is shown ([`Index::document`], which keeps the
//! last few).
//!
//! Built off the UI thread ([`Index::build`] is pure and `Send`), then read by the sidebar,
//! the note view, search, the quiz and the `check` command.
//!
//! **Topics.** Every note is a topic (level 0), and so is every heading of level 1 to 3.
//! A topic's service ([`crate::services`]) comes from its heading, else its parent's
//! (up to the note, whose service is its file name's, else its folders' closest first),
//! else the first icon image it shows; its icon is that service's, else the first AWS icon
//! image of its section.
//!
//! **Tiers** ([`Index::tiers`]), first match wins, each with its [`TierOrigin`]: the user's
//! choice; what the note itself says (exam-context words, tags, frontmatter); for a
//! heading that only inherits its note's service, the note's tier; what another note of
//! the vault says about the same service; the catalog's default for the service, raised to
//! the floor of an exam callout or section of the note; the parent heading's or note's.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use crate::frequency::Tier;
use crate::icons::{Catalog, IconId};
use crate::notes::doc::{Block, Document, HintSource, ReferenceKind, WikiTarget};
use crate::notes::excalidraw;
pub use crate::notes::parse::ParseOptions;
pub use crate::notes::parse::wiki_target;
use crate::notes::parse::{parse_drawing, parse_outline, parse_with};
use crate::notes::vault::{LoadedVault, NoteFile, is_image, note_key};
use crate::services::{self, ServiceId};
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
    /// The note's outline: its parsed [`Document`] without its blocks (`blocks` is
    /// empty), that is its frontmatter, headings, tags, references, frequency hints,
    /// block lines and anchors, which is all the index, the search and `check` read. The
    /// body is parsed again when it is shown ([`Index::document`]): a vault's parsed
    /// bodies would hold nearly three times its text.
    pub outline: Document,
    /// What was wrong with the file when it was read (empty when nothing was).
    pub problems: Vec<crate::notes::vault::NoteProblem>,
    /// Indices into [`Index::topics`] of this note's topics, in order.
    pub topics: Vec<usize>,
    /// The note's text folded (lower case, no accents), for full-text search: one string,
    /// not one per line (its lines are those of [`Note::text`]).
    pub folded_text: String,
    /// The note's text as read (moved out of its [`NoteFile`], not copied): search
    /// snippets and the quiz read its lines ([`Note::line`], [`Note::lines`]).
    pub text: String,
    /// Where each line starts in [`Note::text`] (one offset per line, not a copy of it).
    line_starts: Vec<u32>,
    /// Each heading's [`heading_key`], in [`Document::headings`] order, for links.
    pub heading_keys: Box<[Box<str>]>,
}

impl Note {
    /// Line `l` (0-based) of the text as written, without its line break (`\n` or
    /// `\r\n`), as [`str::lines`] gives it; `""` past the end.
    #[must_use]
    pub fn line(&self, l: usize) -> &str {
        let Some(&start) = self.line_starts.get(l) else {
            return "";
        };
        match self.line_starts.get(l + 1) {
            Some(&next) => {
                let line = self
                    .text
                    .get(start as usize..(next as usize).saturating_sub(1))
                    .unwrap_or("");
                line.strip_suffix('\r').unwrap_or(line)
            }
            None => self.text.get(start as usize..).unwrap_or(""),
        }
    }

    /// How many lines the text has, as [`str::lines`] counts them.
    #[must_use]
    pub fn line_count(&self) -> usize {
        // The offset after a final line break starts no line, nor does that of an empty
        // text.
        let none_after = self.text.is_empty() || self.text.ends_with('\n');
        self.line_starts.len() - usize::from(none_after)
    }

    /// The lines of the text, as [`str::lines`] gives them.
    pub fn lines(&self) -> std::str::Lines<'_> {
        self.text.lines()
    }
}

/// Where a tier came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TierOrigin {
    /// Set by the user in the app.
    User,
    /// Read in the topic's own note (text in an exam context, tag, frontmatter, or an exam
    /// callout or section raising the catalog's tier: [`HintSource::Emphasis`]).
    Notes(HintSource),
    /// Read in another note of the vault about the same service (index into
    /// [`Index::notes`]).
    OtherNote(usize),
    /// The service catalog's default tier for the topic's service.
    Catalog(ServiceId),
    /// Inherited from the parent heading or the whole note.
    Inherited,
}

/// Where a topic's service was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ServiceSource {
    /// Its heading names it.
    Heading,
    /// Its note's file name names it.
    NoteName,
    /// A folder of its note names it.
    Folder,
    /// The first icon image of its section shows it.
    Image,
    /// It names none itself: it takes its parent heading's or note's.
    Parent,
}

/// A topic: a whole note, or one heading of a note; usually one AWS service.
#[derive(Debug)]
pub struct Topic {
    /// Index into [`Index::notes`].
    pub note: usize,
    /// Index into the note's [`Document::headings`]; `None` for the note itself.
    pub heading: Option<usize>,
    /// Heading text, or the note's title.
    pub title: Box<str>,
    /// `title` folded, for search.
    pub folded_title: Box<str>,
    /// Heading level (1–3), 0 for a note.
    pub level: u8,
    /// The enclosing topic (the note for a top heading), if any.
    pub parent: Option<usize>,
    /// The service it is about, and where that was found.
    pub service: Option<(ServiceId, ServiceSource)>,
    /// The AWS icon for it, if one was found.
    pub icon: Option<IconId>,
    /// The tier its own note states for it (exam-context words, tag, frontmatter).
    pub hint: Option<(Tier, HintSource)>,
    /// The floor an exam callout or section sets ([`HintSource::Emphasis`]).
    pub floor: Option<Tier>,
    /// Stable key for user overrides: `note path#heading text`, or the note path.
    pub key: Box<str>,
}

impl Topic {
    /// The service, when the topic names it itself (heading or note name) rather than
    /// taking it from a folder or an image.
    #[must_use]
    pub fn direct_service(&self) -> Option<ServiceId> {
        match self.service {
            Some((id, ServiceSource::Heading | ServiceSource::NoteName)) => Some(id),
            _ => None,
        }
    }
}

/// A place in the vault.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Location {
    /// Index into [`Index::notes`].
    pub note: usize,
    /// Heading index within the note, or the top.
    pub heading: Option<usize>,
    /// A top-level block to show (a `[[Note#^id]]` reference, a search hit's line): the
    /// view scrolls to it and flashes it.
    pub block: Option<usize>,
}

/// A vault, parsed and indexed.
#[derive(Debug)]
pub struct Index {
    /// The vault as read, for its attachments and skipped files. Its notes are moved into
    /// [`Index::notes`] (each [`Note`] keeps its file's path and text), so its
    /// [`LoadedVault::notes`] is empty.
    pub vault: LoadedVault,
    /// Notes, in path order.
    pub notes: Vec<Note>,
    /// All topics, note by note, in document order (a note before its headings).
    pub topics: Vec<Topic>,
    by_name: HashMap<String, Vec<usize>>,
    /// Per service, the most-asked tier the notes state for it, and the note saying so.
    stated: HashMap<ServiceId, (Tier, usize)>,
    /// Per service, its topics: those naming it directly first, then by level.
    by_service: HashMap<ServiceId, Vec<usize>>,
    /// How the notes were read, to read a body again as it was indexed.
    options: ParseOptions,
    /// The bodies parsed last ([`Index::document`]).
    bodies: Mutex<Bodies>,
}

/// The parsed bodies [`Index::document`] keeps.
#[derive(Debug)]
struct Bodies {
    /// Note and body, the most recently asked for first.
    recent: VecDeque<(usize, Arc<Document>)>,
    /// Most note text kept ([`KEPT_BODY_TEXT`]).
    max_text: usize,
}

/// Most parsed bodies [`Index::document`] keeps: the note on screen, the notes and
/// sections it embeds (up to the note view's embed budget per frame, so that a page of
/// embeds is not parsed again every frame) and the last notes visited, so going back and
/// forth parses nothing again.
pub const KEPT_BODIES: usize = 80;

/// Most note text whose parsed bodies [`Index::document`] keeps (a parsed body holds about
/// three times its text): a few huge notes do not each stay in memory. The body asked for
/// last is always kept.
pub const KEPT_BODY_TEXT: usize = 16 << 20;

impl Index {
    /// Parses and indexes every note as Obsidian reads it ([`ParseOptions::default`]).
    /// `progress(done, total)` is called per note.
    #[must_use]
    pub fn build(vault: LoadedVault, progress: &(dyn Fn(usize, usize) + Sync)) -> Self {
        Self::build_with(vault, progress, ParseOptions::default())
    }

    /// Parses (with `options`) and indexes every note, on as many threads as the machine
    /// has cores. `progress(done, total)` is called per note, from those threads.
    #[must_use]
    pub fn build_with(
        vault: LoadedVault,
        progress: &(dyn Fn(usize, usize) + Sync),
        options: ParseOptions,
    ) -> Self {
        let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        Self::build_on(vault, progress, options, threads)
    }

    /// [`Index::build_with`] on `threads` threads (the calling one included). Notes are
    /// handed out one at a time, so a long note does not hold up the others; the result
    /// does not depend on the number of threads.
    #[must_use]
    pub fn build_on(
        mut vault: LoadedVault,
        progress: &(dyn Fn(usize, usize) + Sync),
        options: ParseOptions,
        threads: usize,
    ) -> Self {
        let catalog = Catalog::bundled();
        let services = services::Catalog::bundled();
        let files = std::mem::take(&mut vault.notes);
        let total = files.len();
        let queue = Mutex::new(files.into_iter().enumerate());
        let done = AtomicUsize::new(0);
        // Each thread's notes, with their own topics (numbered from 0 within the note).
        let work = || {
            let mut out: Vec<(usize, Note, Vec<Topic>)> = Vec::new();
            loop {
                let next = queue.lock().map_or(None, |mut q| q.next());
                let Some((i, file)) = next else {
                    break;
                };
                let mut topics = Vec::new();
                let note = index_note(i, file, options, catalog, services, &mut topics);
                out.push((i, note, topics));
                progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
            }
            out
        };
        let threads = threads.clamp(1, total.max(1));
        let mut parts: Vec<(usize, Note, Vec<Topic>)> = std::thread::scope(|scope| {
            let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
            let mut all = work();
            for h in helpers {
                // A panic in a worker goes on in the caller, as it would on one thread.
                match h.join() {
                    Ok(part) => all.extend(part),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
            all
        });
        parts.sort_unstable_by_key(|(i, ..)| *i);
        let mut notes = Vec::with_capacity(total);
        let mut topics: Vec<Topic> = Vec::new();
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, mut note, note_topics) in parts {
            // Topic numbers become the index's: offset by the topics before this note.
            let offset = topics.len();
            for t in &mut note.topics {
                *t += offset;
            }
            topics.extend(note_topics.into_iter().map(|mut t| {
                t.parent = t.parent.map(|p| p + offset);
                t
            }));
            by_name.entry(note_key(&note.path)).or_default().push(i);
            notes.push(note);
        }
        progress(total, total);
        // Kept as long as the vault is open: no room for growth.
        topics.shrink_to_fit();
        let mut stated: HashMap<ServiceId, (Tier, usize)> = HashMap::new();
        let mut by_service: HashMap<ServiceId, Vec<usize>> = HashMap::new();
        for (t, topic) in topics.iter().enumerate() {
            let Some((service, source)) = topic.service else {
                continue;
            };
            by_service.entry(service).or_default().push(t);
            if source == ServiceSource::Image {
                continue;
            }
            if let Some((tier, _)) = topic.hint {
                let entry = stated.entry(service).or_insert((tier, topic.note));
                if tier < entry.0 {
                    *entry = (tier, topic.note);
                }
            }
        }
        for list in by_service.values_mut() {
            list.sort_by_key(|&t| {
                let topic = &topics[t];
                (topic.direct_service().is_none(), topic.level, t)
            });
        }
        Self {
            vault,
            notes,
            topics,
            by_name,
            stated,
            by_service,
            options,
            bodies: Mutex::new(Bodies {
                recent: VecDeque::new(),
                max_text: KEPT_BODY_TEXT,
            }),
        }
    }

    /// Note `note`'s whole parsed document, as the index read it, parsed again and not kept
    /// (for a one-off pass over many notes, which [`Index::document`]'s cache would only
    /// churn). An empty document for a note that does not exist.
    #[must_use]
    pub fn parse_body(&self, note: usize) -> Document {
        self.notes
            .get(note)
            .map(|n| parse_note(&n.path, &n.text, self.options))
            .unwrap_or_default()
    }

    /// Note `note`'s whole parsed document, blocks included, read as the index read it:
    /// parsed from [`Note::text`] on first use and kept among the last
    /// [`KEPT_BODIES`] asked for, within [`KEPT_BODY_TEXT`] of text. An empty document for
    /// a note that does not exist.
    #[must_use]
    pub fn document(&self, note: usize) -> Arc<Document> {
        if note >= self.notes.len() {
            return Arc::default();
        }
        // A poisoned lock only means a panic elsewhere mid-update: the list is still valid.
        let mut bodies = self
            .bodies
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let max_text = bodies.max_text;
        let recent = &mut bodies.recent;
        if let Some(at) = recent.iter().position(|(i, _)| *i == note) {
            let hit = recent.remove(at).map(|(_, d)| d).unwrap_or_default();
            recent.push_front((note, Arc::clone(&hit)));
            return hit;
        }
        let doc = Arc::new(self.parse_body(note));
        recent.push_front((note, Arc::clone(&doc)));
        recent.truncate(KEPT_BODIES);
        let text_of = |i: usize| self.notes.get(i).map_or(0, |n| n.text.len());
        let mut text: usize = recent.iter().map(|(i, _)| text_of(*i)).sum();
        while text > max_text && recent.len() > 1 {
            if let Some((i, _)) = recent.pop_back() {
                text -= text_of(i);
            }
        }
        doc
    }

    /// The effective tier of every topic, with where it came from (see the module doc for
    /// the order), in [`Index::topics`] order.
    #[must_use]
    pub fn tiers(&self, overrides: &Overrides) -> Vec<Option<(Tier, TierOrigin)>> {
        let catalog = services::Catalog::bundled();
        let mut out: Vec<Option<(Tier, TierOrigin)>> = Vec::with_capacity(self.topics.len());
        for topic in &self.topics {
            let parent = topic.parent.and_then(|p| out.get(p).copied().flatten());
            let inherited = parent.map(|(t, _)| (t, TierOrigin::Inherited));
            let resolved = if let Some(tier) = overrides.tiers.get(&*topic.key) {
                Some((*tier, TierOrigin::User))
            } else if let Some((tier, source)) = topic.hint {
                Some((tier, TierOrigin::Notes(source)))
            } else if let Some((service, source)) = topic.service {
                let parent_service = topic
                    .parent
                    .and_then(|p| self.topics.get(p))
                    .and_then(|p| p.service)
                    .map(|(s, _)| s);
                if source != ServiceSource::Heading
                    && parent_service == Some(service)
                    && inherited.is_some()
                {
                    inherited
                } else {
                    let base = match self.stated.get(&service) {
                        Some(&(tier, note)) => Some((tier, TierOrigin::OtherNote(note))),
                        None => catalog
                            .default_tier(service)
                            .map(|t| (t, TierOrigin::Catalog(service))),
                    };
                    match (base, topic.floor) {
                        (Some((tier, _)), Some(floor)) if floor < tier => {
                            Some((floor, TierOrigin::Notes(HintSource::Emphasis)))
                        }
                        (None, Some(floor)) => {
                            Some((floor, TierOrigin::Notes(HintSource::Emphasis)))
                        }
                        (base, _) => base.or(inherited),
                    }
                }
            } else {
                inherited
            };
            out.push(resolved);
        }
        out
    }

    /// The topics about a service: those that name it themselves first, then by level.
    #[must_use]
    pub fn topics_of_service(&self, service: ServiceId) -> &[usize] {
        self.by_service.get(&service).map_or(&[], Vec::as_slice)
    }

    /// The most-asked effective tier of the topics that name each service themselves
    /// (from [`Index::tiers`]): what the quiz and the diagram use for a service, before
    /// falling back to the catalog's default.
    #[must_use]
    pub fn service_tiers(&self, tiers: &[Option<(Tier, TierOrigin)>]) -> HashMap<ServiceId, Tier> {
        let mut out: HashMap<ServiceId, Tier> = HashMap::new();
        for (topic, tier) in self.topics.iter().zip(tiers) {
            if let (Some(service), Some((tier, _))) = (topic.direct_service(), tier) {
                let entry = out.entry(service).or_insert(*tier);
                *entry = (*entry).min(*tier);
            }
        }
        out
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

    /// The heading of `note` that `text` names, as Obsidian matches them: case, accents,
    /// the punctuation it strips from links (`: # | ^ [ ] \ * _ ~`…) and extra spaces
    /// ignored, so `#AWS Support Plans` finds `## AWS Support Plans:`. When several
    /// headings match so, the one written the same way wins. For Obsidian's nested
    /// `H1#H2` form, the last part.
    #[must_use]
    pub fn find_heading(&self, note: usize, text: &str) -> Option<usize> {
        let last = text.rsplit('#').next().unwrap_or(text).trim();
        let wanted = heading_key(last);
        let note = self.notes.get(note)?;
        let mut matches = note
            .heading_keys
            .iter()
            .enumerate()
            .filter(|(_, k)| ***k == *wanted)
            .map(|(i, _)| i);
        let first = matches.next()?;
        let Some(second) = matches.next() else {
            return Some(first);
        };
        [first, second]
            .into_iter()
            .chain(matches)
            .find(|&h| note.outline.headings[h].text.trim() == last)
            .or(Some(first))
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
            None => Ok(Location {
                note,
                heading: None,
                block: None,
            }),
            // `[[Note#^block-id]]`: the block the id closes; an unknown id opens the note.
            Some(h) if h.starts_with('^') => Ok(Location {
                note,
                heading: None,
                block: self.notes[note].outline.block_of_anchor(h),
            }),
            Some(h) => match self.find_heading(note, h) {
                Some(heading) => Ok(Location {
                    note,
                    heading: Some(heading),
                    block: None,
                }),
                None => Err(Unresolved::Heading(note)),
            },
        }
    }

    /// The heading of the topic a place under heading `heading` of `note` belongs to: the
    /// heading itself when it is a topic (level 1–3, not empty), else the closest topic
    /// heading above it (`None`: the note's own topic). A search hit under a `####`
    /// heading is in the `###` topic above it.
    #[must_use]
    pub fn topic_heading_of(&self, note: usize, heading: Option<usize>) -> Option<usize> {
        topic_heading(&self.notes.get(note)?.outline, heading)
    }

    /// The topic for a heading, if that heading is a topic.
    #[must_use]
    pub fn topic_at(&self, note: usize, heading: usize) -> Option<usize> {
        self.notes
            .get(note)?
            .topics
            .iter()
            .copied()
            .find(|&t| self.topics[t].heading == Some(heading))
    }

    /// The topic of a whole note.
    #[must_use]
    pub fn note_topic(&self, note: usize) -> Option<usize> {
        self.notes
            .get(note)?
            .topics
            .iter()
            .copied()
            .find(|&t| self.topics[t].heading.is_none())
    }

    /// Looks up a note by its vault-relative path.
    #[must_use]
    pub fn note_by_path(&self, path: &str) -> Option<usize> {
        self.notes.iter().position(|n| n.path == path)
    }
}

/// The form of a heading that links match on: folded (case and accents), every run of
/// spaces and punctuation one space, trimmed (`AWS Support Plans:` → `aws support plans`).
#[must_use]
pub fn heading_key(text: &str) -> String {
    let folded = fold(text);
    let mut key = String::with_capacity(folded.len());
    let mut gap = false;
    for c in folded.chars() {
        if c.is_alphanumeric() {
            if gap && !key.is_empty() {
                key.push(' ');
            }
            gap = false;
            key.push(c);
        } else {
            gap = true;
        }
    }
    key
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
        .position(|b| b.heading_index() == Some(heading));
    let Some(start) = start else {
        return &[];
    };
    let end = doc.blocks[start + 1..]
        .iter()
        .position(|b| matches!(b, Block::Heading { level: l, .. } if *l <= level))
        .map_or(doc.blocks.len(), |p| start + 1 + p);
    &doc.blocks[start..end]
}

/// The blocks of a topic: a heading's section ([`section_blocks`]), or for a whole note
/// (`None`) the blocks before its first heading (all of them when it has none).
#[must_use]
pub fn topic_blocks(doc: &Document, heading: Option<usize>) -> &[Block] {
    if let Some(h) = heading {
        section_blocks(doc, h)
    } else {
        let end = doc
            .blocks
            .iter()
            .position(|b| matches!(b, Block::Heading { .. }))
            .unwrap_or(doc.blocks.len());
        &doc.blocks[..end]
    }
}

fn index_note(
    i: usize,
    file: NoteFile,
    options: ParseOptions,
    catalog: &Catalog,
    services: &services::Catalog,
    topics: &mut Vec<Topic>,
) -> Note {
    // Only the outline is kept ([`Note::outline`]), and only it is built.
    let doc = outline_note(&file.path, &file.text, options);
    let title = file
        .path
        .rsplit('/')
        .next()
        .unwrap_or(&file.path)
        .trim_end_matches(".md")
        .to_owned();
    let heading_keys = doc
        .headings
        .iter()
        .map(|h| heading_key(&h.text).into_boxed_str())
        .collect();
    // The note's own service: its name, else its folders, closest first.
    let from_name = services
        .identify_file_name(&title)
        .map(|s| (s, ServiceSource::NoteName));
    let note_service = from_name.or_else(|| {
        let folders: Vec<&str> = file.path.split('/').collect();
        folders
            .iter()
            .rev()
            .skip(1)
            .find_map(|f| services.identify_folder(f))
            .map(|s| (s, ServiceSource::Folder))
    });
    let mut note_topics = Vec::new();
    let note_topic = topics.len();
    let first_line = doc.headings.first().map_or(usize::MAX, |h| h.line);
    // Each image's icon is looked up once, not once per heading it could belong to.
    let images: Vec<(usize, &str, Option<IconId>)> = doc
        .references
        .iter()
        .filter(|r| r.kind == ReferenceKind::Image && is_image(&r.target))
        .map(|r| (r.line, r.target.as_str(), catalog.by_file_name(&r.target)))
        .collect();
    let note_image = section_image(&images, 0, first_line, catalog, services);
    let note_service = note_service.or_else(|| note_image.1.map(|s| (s, ServiceSource::Image)));
    note_topics.push(note_topic);
    topics.push(Topic {
        note: i,
        heading: None,
        folded_title: fold(&title).into(),
        title: title.as_str().into(),
        level: 0,
        parent: None,
        service: note_service,
        icon: None,
        hint: own_hint(&doc, None, note_service.is_some()),
        floor: floor_hint(&doc, None),
        key: file.path.as_str().into(),
    });
    // (level, topic index) of the enclosing headings.
    let mut parents: Vec<(u8, usize)> = Vec::new();
    for (h, heading) in doc.headings.iter().enumerate() {
        if heading.level > TOPIC_MAX_LEVEL || heading.text.trim().is_empty() {
            continue;
        }
        while parents.last().is_some_and(|(l, _)| *l >= heading.level) {
            parents.pop();
        }
        let parent = parents.last().map_or(note_topic, |(_, t)| *t);
        let start = heading.line;
        let end = doc
            .headings
            .iter()
            .skip(h + 1)
            .find(|n| n.level <= TOPIC_MAX_LEVEL)
            .map_or(usize::MAX, |n| n.line);
        let image = section_image(&images, start, end, catalog, services);
        let service = services
            .identify(&heading.text)
            .map(|s| (s, ServiceSource::Heading))
            .or(topics[parent]
                .service
                .filter(|(_, src)| *src != ServiceSource::Image)
                .map(|(s, _)| (s, ServiceSource::Parent)))
            .or_else(|| image.1.map(|s| (s, ServiceSource::Image)));
        let t = topics.len();
        note_topics.push(t);
        topics.push(Topic {
            note: i,
            heading: Some(h),
            title: heading.text.trim().into(),
            folded_title: fold(heading.text.trim()).into(),
            level: heading.level,
            parent: Some(parent),
            service,
            icon: image.0,
            hint: own_hint(&doc, Some(h), service.is_some()),
            floor: floor_hint(&doc, Some(h)),
            key: format!("{}#{}", file.path, heading.text.trim()).into(),
        });
        parents.push((heading.level, t));
    }
    // The icon: the service's, else the section's first icon image.
    for &t in &note_topics {
        let topic = &mut topics[t];
        let own = topic.service.and_then(|(s, _)| services.icon(s));
        topic.icon = own.or(topic.icon).or(if topic.heading.is_none() {
            note_image.0
        } else {
            None
        });
    }
    let folded_text = fold(&file.text);
    Note {
        line_starts: line_starts(&file.text),
        text: file.text,
        folded_title: fold(&title),
        title,
        folded_text,
        heading_keys,
        outline: doc,
        path: file.path,
        problems: file.problems,
        topics: note_topics,
    }
}

/// Parses the note at `path` as the index reads it: an Excalidraw drawing as one, any
/// other note with `options`.
fn parse_note(path: &str, text: &str, options: ParseOptions) -> Document {
    if excalidraw::is_drawing(path, text) {
        parse_drawing(text)
    } else {
        parse_with(text, options)
    }
}

/// The outline of the note at `path` ([`parse_note`] without its blocks), read without
/// building its body.
fn outline_note(path: &str, text: &str, options: ParseOptions) -> Document {
    if excalidraw::is_drawing(path, text) {
        let mut doc = parse_drawing(text);
        doc.blocks = Vec::new();
        doc
    } else {
        parse_outline(text, options)
    }
}

/// Where each line of `text` starts: 0, then after every `\n`.
fn line_starts(text: &str) -> Vec<u32> {
    let mut starts = Vec::with_capacity(text.len() / 32 + 1);
    starts.push(0);
    starts.extend(
        memchr::memchr_iter(b'\n', text.as_bytes())
            .map(|i| u32::try_from(i + 1).unwrap_or(u32::MAX)),
    );
    starts.shrink_to_fit();
    starts
}

/// The tier the note states for heading `h` (`None`: the whole note): words first, then
/// a tag, then frontmatter; exam emphasis is a floor, not a statement ([`floor_hint`]).
/// Words are about a service: on a topic without one (`has_service` false: "README",
/// "Exam technique") only a tag or frontmatter sets a tier.
fn own_hint(doc: &Document, h: Option<usize>, has_service: bool) -> Option<(Tier, HintSource)> {
    let hints = || {
        doc.frequency_hints.iter().filter(move |x| {
            topic_heading(doc, x.heading) == h
                && x.source != HintSource::Emphasis
                && (has_service || x.source != HintSource::Text)
        })
    };
    hints()
        .find(|x| x.source == HintSource::Text)
        .or_else(|| hints().next())
        .map(|x| (x.tier, x.source))
}

/// The floor an exam callout or section sets for heading `h` (`None`: the whole note).
fn floor_hint(doc: &Document, h: Option<usize>) -> Option<Tier> {
    doc.frequency_hints
        .iter()
        .filter(|x| topic_heading(doc, x.heading) == h && x.source == HintSource::Emphasis)
        .map(|x| x.tier)
        .min()
}

/// The topic heading a statement under heading `h` belongs to: `h` itself when it is a
/// topic (level 1–3), else the closest topic heading above it (`None`: the note).
fn topic_heading(doc: &Document, h: Option<usize>) -> Option<usize> {
    let h = h?;
    doc.headings
        .get(..=h)?
        .iter()
        .rposition(|x| x.level <= TOPIC_MAX_LEVEL && !x.text.trim().is_empty())
}

/// The first AWS icon image between lines `start` and `end` (exclusive), and the service
/// the first image naming one shows (a bundled icon reference, or a vault image named
/// after a service such as `Lambda.png`), among the note's `images` (line, reference
/// and icon of each image it shows).
fn section_image(
    images: &[(usize, &str, Option<IconId>)],
    start: usize,
    end: usize,
    catalog: &Catalog,
    services: &services::Catalog,
) -> (Option<IconId>, Option<ServiceId>) {
    let images = || {
        images
            .iter()
            .filter(move |(line, _, _)| *line > start && *line < end)
    };
    let icon = images().find_map(|(_, _, icon)| *icon);
    let service =
        images().find_map(|(_, target, icon)| services.by_image_icon(target, *icon, catalog));
    (icon, service)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap
mod tests {
    use super::*;

    fn bundled() -> Index {
        Index::build(LoadedVault::bundled(), &|_, _| {})
    }

    fn topic<'a>(index: &'a Index, title: &str) -> &'a Topic {
        index
            .topics
            .iter()
            .find(|t| &*t.title == title)
            .unwrap_or_else(|| panic!("no topic {title}"))
    }

    #[test]
    fn the_index_is_the_same_on_one_thread_and_on_several() {
        let build = |threads| {
            let progress = std::sync::Mutex::new(Vec::new());
            let index = Index::build_on(
                LoadedVault::bundled(),
                &|done, total| progress.lock().unwrap().push((done, total)),
                ParseOptions::default(),
                threads,
            );
            (index, progress.into_inner().unwrap())
        };
        let (one, one_progress) = build(1);
        let (four, four_progress) = build(4);
        let paths = |i: &Index| i.notes.iter().map(|n| n.path.clone()).collect::<Vec<_>>();
        assert_eq!(paths(&one), paths(&four));
        assert_eq!(format!("{:?}", one.topics), format!("{:?}", four.topics));
        for (a, b) in one.notes.iter().zip(&four.notes) {
            assert_eq!(a.topics, b.topics, "{}", a.path);
            assert_eq!(
                format!("{:?}", a.outline),
                format!("{:?}", b.outline),
                "{}",
                a.path
            );
            for &t in &a.topics {
                assert_eq!(
                    one.topics[t].note,
                    one.notes.iter().position(|n| n.path == a.path).unwrap()
                );
            }
        }
        let overrides = Overrides::default();
        assert_eq!(one.tiers(&overrides), four.tiers(&overrides));
        // Progress reaches the total, once per note and once at the end, on any count
        // of threads.
        let total = one.notes.len();
        for progress in [&one_progress, &four_progress] {
            assert_eq!(progress.len(), total + 1);
            assert_eq!(progress.last(), Some(&(total, total)));
            let mut counts: Vec<usize> = progress.iter().map(|p| p.0).collect();
            counts.sort_unstable();
            assert_eq!(counts[..total], (1..=total).collect::<Vec<_>>()[..]);
        }
    }

    #[test]
    fn french_note_tiers() {
        let index = bundled();
        let none = Overrides::default();
        let saa = index.note_by_path("SAA - Other Services.md").expect("note");
        let tiers = index.tiers(&none);
        let tier = |title: &str| {
            let t = index
                .topics
                .iter()
                .position(|t| t.note == saa && &*t.title == title)
                .expect(title);
            tiers[t].map(|(tier, _)| tier)
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
            .position(|t| t.note == saa && &*t.title == "CloudFormation")
            .expect("cf");
        let mut o = Overrides::default();
        o.tiers
            .insert(index.topics[t].key.to_string(), Tier::MoinsFrequent);
        assert_eq!(
            index.tiers(&o)[t],
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

    /// Regression: `[[Note#AWS Support Plans]]` did not find `## AWS Support Plans:` and
    /// opened the note's top.
    #[test]
    fn heading_links_match_as_obsidian_does() {
        let index = vault(&[
            (
                "Support.md",
                "## AWS Support Plans:\n\n## EC2 *Types* #exam\n\n## S3 [Glacier]  Deep\n\n## Plans\n\n## plans\n",
            ),
            ("Other.md", "[[Support#AWS Support Plans]]\n"),
        ]);
        let support = index.note_by_path("Support.md").unwrap();
        let other = index.note_by_path("Other.md").unwrap();
        let at = |h: &str| {
            index
                .resolve(
                    other,
                    &WikiTarget {
                        note: "Support".into(),
                        heading: Some(h.into()),
                    },
                )
                .map(|l| l.heading)
        };
        assert_eq!(at("AWS Support Plans"), Ok(Some(0)));
        assert_eq!(at("aws support plans:"), Ok(Some(0)));
        assert_eq!(at("EC2 Types"), Ok(Some(1)));
        assert_eq!(at("S3 Glacier Deep"), Ok(Some(2)));
        // Two headings the same but for case: the one written that way.
        assert_eq!(at("plans"), Ok(Some(4)));
        assert_eq!(at("Plans"), Ok(Some(3)));
        assert_eq!(at("Nope"), Err(Unresolved::Heading(support)));
        assert_eq!(heading_key("  AWS   Support: Plans! "), "aws support plans");
        // A block reference keeps its id and opens the note.
        let block = WikiTarget {
            note: "Support".into(),
            heading: Some("^abc".into()),
        };
        assert_eq!(index.resolve(other, &block).map(|l| l.heading), Ok(None));
    }

    #[test]
    fn excalidraw_notes_by_name_are_drawings_and_options_reach_the_parser() {
        let drawing = "# Excalidraw Data\n## Drawing\n```json\n{\"elements\":[]}\n```\n";
        let notes = [
            ("Diagrams/VPC.excalidraw.md", drawing),
            ("a.md", "one\ntwo\n"),
        ];
        let index = vault(&notes);
        let vpc = index.note_by_path("Diagrams/VPC.excalidraw.md").unwrap();
        assert!(matches!(
            &index.document(vpc).blocks[..],
            [Block::Drawing(scene)] if scene.problem.is_none()
        ));
        let strict = Index::build_with(
            LoadedVault::from_texts(crate::notes::vault::VaultSource::Bundled, &notes),
            &|_, _| {},
            ParseOptions {
                strict_line_breaks: true,
            },
        );
        let a = strict.note_by_path("a.md").unwrap();
        assert!(format!("{:?}", strict.document(a).blocks).contains("SoftBreak"));
        let a = index.note_by_path("a.md").unwrap();
        assert!(format!("{:?}", index.document(a).blocks).contains("HardBreak"));
    }

    #[test]
    fn section_stops_at_next_heading_of_same_level() {
        let index = bundled();
        let note = index.note_by_path("SAA - Other Services.md").expect("note");
        let h = index.find_heading(note, "Amazon SES").expect("ses");
        let doc = index.document(note);
        let blocks = section_blocks(&doc, h);
        assert!(blocks.len() >= 2);
        assert_eq!(
            blocks
                .iter()
                .filter(|b| matches!(b, Block::Heading { .. }))
                .count(),
            1
        );
    }

    /// The lines a note finds by offset are those `str::lines` gives (no copy of them is
    /// kept any more), line breaks of either kind, a final line without one, empty lines.
    #[test]
    fn note_lines_by_offset_are_str_lines() {
        let texts = [
            "",
            "one",
            "one\n",
            "\n",
            "one\r\ntwo\r\n\r\nfour",
            "a\n\nb\n\n",
            "trailing cr\r",
            "é\nü\r\n€",
        ];
        let notes: Vec<(String, &str)> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| (format!("n{i}.md"), *t))
            .collect();
        let pairs: Vec<(&str, &str)> = notes.iter().map(|(p, t)| (p.as_str(), *t)).collect();
        let index = vault(&pairs);
        for (path, text) in &pairs {
            let note = &index.notes[index.note_by_path(path).unwrap()];
            let expected: Vec<&str> = text.lines().collect();
            assert_eq!(note.line_count(), expected.len(), "{text:?}");
            let got: Vec<&str> = (0..note.line_count()).map(|l| note.line(l)).collect();
            assert_eq!(got, expected, "{text:?}");
            assert_eq!(note.line(expected.len() + 1), "");
        }
    }

    /// An index of notes given as (path, text).
    fn vault(notes: &[(&str, &str)]) -> Index {
        let vault = LoadedVault::from_texts(crate::notes::vault::VaultSource::Bundled, notes);
        Index::build(vault, &|_, _| {})
    }

    fn key_of(index: &Index, t: usize) -> Option<String> {
        let services = services::Catalog::bundled();
        index.topics[t]
            .service
            .and_then(|(id, _)| services.get(id))
            .map(|s| s.key.clone())
    }

    fn find(index: &Index, path: &str, title: &str) -> usize {
        index
            .topics
            .iter()
            .position(|t| index.notes[t.note].path == path && &*t.title == title)
            .unwrap_or_else(|| panic!("no topic {title} in {path}"))
    }

    #[test]
    fn every_note_is_a_topic_with_its_service() {
        let index = vault(&[
            ("Lambda.md", "Runs code without servers.\n"),
            (
                "STORAGE/amazon-s3.md",
                "Objects.\n\n## Storage classes\n\nMany.\n",
            ),
            (
                "VI. Simple Storage Service (S3)/III. Bucket naming.md",
                "Rules.\n",
            ),
            (
                "Misc/img note.md",
                "![](attachments/Arch_Amazon-DynamoDB_48.svg)\n",
            ),
            ("Misc/Thoughts.md", "Nothing about AWS.\n"),
        ]);
        let src =
            |path: &str, title: &str| index.topics[find(&index, path, title)].service.map(|s| s.1);
        let lambda = find(&index, "Lambda.md", "Lambda");
        assert_eq!(index.topics[lambda].heading, None);
        assert_eq!(index.topics[lambda].level, 0);
        assert_eq!(key_of(&index, lambda).as_deref(), Some("lambda"));
        assert_eq!(src("Lambda.md", "Lambda"), Some(ServiceSource::NoteName));
        assert!(index.topics[lambda].icon.is_some());
        // A heading without a service of its own takes its note's.
        let classes = find(&index, "STORAGE/amazon-s3.md", "Storage classes");
        assert_eq!(key_of(&index, classes).as_deref(), Some("s3"));
        assert_eq!(
            index.topics[classes].parent,
            Some(find(&index, "STORAGE/amazon-s3.md", "amazon-s3"))
        );
        // Folder, then image.
        let bucket = find(
            &index,
            "VI. Simple Storage Service (S3)/III. Bucket naming.md",
            "III. Bucket naming",
        );
        assert_eq!(key_of(&index, bucket).as_deref(), Some("s3"));
        assert_eq!(
            index.topics[bucket].service.map(|s| s.1),
            Some(ServiceSource::Folder)
        );
        let img = find(&index, "Misc/img note.md", "img note");
        assert_eq!(key_of(&index, img).as_deref(), Some("dynamodb"));
        assert_eq!(
            index.topics[img].service.map(|s| s.1),
            Some(ServiceSource::Image)
        );
        let none = find(&index, "Misc/Thoughts.md", "Thoughts");
        assert_eq!(index.topics[none].service, None);
        assert_eq!(index.tiers(&Overrides::default())[none], None);
    }

    #[test]
    fn tiers_resolve_in_order_with_their_origin() {
        let index = vault(&[
            // The note says it in an exam context.
            (
                "A/SES.md",
                "- Pour l'examen AWS SAA\n\t- Notion **modérément fréquente**\n",
            ),
            // Another note about SES says nothing: it takes what the first one says.
            ("B/Amazon SES.md", "Sends email.\n"),
            // Nothing said: the catalog's default.
            ("B/Amazon S3.md", "Objects.\n\n## Consistency\n\nStrong.\n"),
            // An exam callout raises a rarely asked service to its floor.
            (
                "B/Pinpoint.md",
                "> [!tip] Exam Tip\n> Know it for marketing campaigns.\n",
            ),
            // A tag, and a heading without a service inheriting it.
            ("B/Notes.md", "#tres-frequent\n\n## Random thoughts\n\nx\n"),
        ]);
        let tiers = index.tiers(&Overrides::default());
        let services = services::Catalog::bundled();
        let at = |path: &str, title: &str| tiers[find(&index, path, title)];
        assert_eq!(
            at("A/SES.md", "SES"),
            Some((
                Tier::ModerementFrequent,
                TierOrigin::Notes(HintSource::Text)
            ))
        );
        let a = index.note_by_path("A/SES.md").unwrap();
        assert_eq!(
            at("B/Amazon SES.md", "Amazon SES"),
            Some((Tier::ModerementFrequent, TierOrigin::OtherNote(a)))
        );
        let s3 = services.by_name("S3").unwrap();
        assert_eq!(
            at("B/Amazon S3.md", "Amazon S3"),
            Some((services.default_tier(s3).unwrap(), TierOrigin::Catalog(s3)))
        );
        // A heading that only inherits its note's service inherits its note's tier.
        assert_eq!(
            at("B/Amazon S3.md", "Consistency").map(|t| t.1),
            Some(TierOrigin::Inherited)
        );
        let pinpoint = services.by_name("Pinpoint").unwrap();
        let default = services.default_tier(pinpoint).unwrap();
        let got = at("B/Pinpoint.md", "Pinpoint").unwrap();
        assert_eq!(got.0, default.min(Tier::ModerementFrequent));
        if default > Tier::ModerementFrequent {
            assert_eq!(got.1, TierOrigin::Notes(HintSource::Emphasis));
        }
        // The tag line is also a label alone on its line: either way, the note says it.
        assert!(
            matches!(
                at("B/Notes.md", "Notes"),
                Some((
                    Tier::TresFrequent,
                    TierOrigin::Notes(HintSource::Tag | HintSource::Text)
                ))
            ),
            "{:?}",
            at("B/Notes.md", "Notes")
        );
        assert_eq!(
            at("B/Notes.md", "Random thoughts"),
            Some((Tier::TresFrequent, TierOrigin::Inherited))
        );
    }

    /// Regression: "Frequent scaling indicates:" in a public question bank was read as a
    /// tier marker.
    #[test]
    fn ordinary_english_never_sets_a_tier() {
        let index = vault(&[(
            "Auto Scaling.md",
            "## Metrics\n\nFrequent scaling indicates: a cooldown that is too short.\n\n\
             Frequently accessed data stays in the cache.\n\nVery frequent updates need a queue.\n",
        )]);
        for topic in &index.topics {
            assert_eq!(topic.hint, None, "{}", topic.title);
        }
        let tiers = index.tiers(&Overrides::default());
        let metrics = find(&index, "Auto Scaling.md", "Metrics");
        assert!(
            !matches!(tiers[metrics], Some((_, TierOrigin::Notes(_)))),
            "{:?}",
            tiers[metrics]
        );
    }

    /// Regression: a vault's README describing its notes ("7. Exam Tips – frequently
    /// tested patterns") was tagged "très fréquent": words about the exam set a tier only
    /// on a topic about a service.
    #[test]
    fn a_readme_about_exam_tips_gets_no_tier() {
        let index = vault(&[(
            "DATABASE/README.md",
            "Each note has:\n\n7. **Exam Tips** – SAA-C03 exam patterns and frequently tested concepts.\n",
        )]);
        let readme = find(&index, "DATABASE/README.md", "README");
        assert_eq!(index.topics[readme].service, None);
        assert_eq!(index.tiers(&Overrides::default())[readme], None);
    }

    #[test]
    fn exam_sections_speak_for_the_topic_above() {
        let index = vault(&[(
            "amazon-sqs.md",
            "# Amazon SQS\n\nQueues.\n\n## Exam Tips\n\n- Very common on the exam: decoupling.\n",
        )]);
        let sqs = find(&index, "amazon-sqs.md", "Amazon SQS");
        assert_eq!(
            index.topics[sqs].hint,
            Some((Tier::TresFrequent, HintSource::Text))
        );
        let tips = find(&index, "amazon-sqs.md", "Exam Tips");
        assert_eq!(index.topics[tips].hint, None);
    }

    #[test]
    fn bundled_core_services_are_in_the_top_two_tiers() {
        let index = bundled();
        let tiers = index.tiers(&Overrides::default());
        let by_service = index.service_tiers(&tiers);
        let services = services::Catalog::bundled();
        for name in ["S3", "EC2", "IAM", "VPC", "Lambda", "DynamoDB", "RDS"] {
            let id = services.by_name(name).unwrap();
            let tier = by_service.get(&id).copied().or(services.default_tier(id));
            assert!(
                tier.is_some_and(|t| t <= Tier::Frequent),
                "{name}: {tier:?}"
            );
        }
        // At least 90 % of the topics about one service have an icon and a tier.
        let about: Vec<usize> = (0..index.topics.len())
            .filter(|&t| index.topics[t].direct_service().is_some())
            .collect();
        let complete = about
            .iter()
            .filter(|&&t| index.topics[t].icon.is_some() && tiers[t].is_some())
            .count();
        assert!(
            complete * 10 >= about.len() * 9,
            "{complete} of {}",
            about.len()
        );
    }

    #[test]
    fn the_index_keeps_outlines_and_parses_a_body_when_it_is_shown() {
        let note = "# Recovery\n\nRestore from a snapshot. ^restore\n\n- one\n- two ^items\n\n## Later\n\ntext\n";
        let mut notes = vec![("A.md".to_owned(), note.to_owned())];
        // More notes than the index keeps bodies of.
        notes.extend(
            (0..=KEPT_BODIES).map(|i| (format!("n{i}.md"), format!("# N{i}\n\nbody {i}\n"))),
        );
        let texts: Vec<(&str, &str)> = notes
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        let index = vault(&texts);
        let a = index.note_by_path("A.md").unwrap();
        // The index holds no body, only the outline.
        assert!(index.notes.iter().all(|n| n.outline.blocks.is_empty()));
        let full = crate::notes::parse::parse(note);
        assert_eq!(index.notes[a].outline.headings, full.headings);
        assert_eq!(index.notes[a].outline.block_lines, full.block_lines);
        // A block link resolves from the outline to the block the body has there.
        let restore = index.resolve(a, &wiki_target("A#^restore")).unwrap();
        assert_eq!(restore.block, Some(1));
        assert!(matches!(&full.blocks[1], Block::Paragraph(_)));
        let items = index.resolve(a, &wiki_target("A#^ITEMS")).unwrap();
        assert!(matches!(
            &full.blocks[items.block.unwrap()],
            Block::List { .. }
        ));
        // Shown: the whole document, as the parser reads it, kept while it is in use.
        let body = index.document(a);
        assert_eq!(*body, full);
        assert!(Arc::ptr_eq(&body, &index.document(a)), "parsed once");
        // Visiting more notes than are kept lets the first one go: it is parsed again.
        for i in 0..=KEPT_BODIES {
            let n = index.note_by_path(&format!("n{i}.md")).unwrap();
            assert_eq!(index.document(n).headings[0].text, format!("N{i}"));
        }
        let again = index.document(a);
        assert!(!Arc::ptr_eq(&body, &again), "not kept past the budget");
        assert_eq!(*again, full);
        assert!(index.document(usize::MAX).blocks.is_empty());
    }

    #[test]
    fn a_place_under_a_deep_heading_is_in_the_topic_above_it() {
        let index = vault(&[("a.md", "intro\n\n# A\n\n#### Detail\n\nzebra\n\n## B\n")]);
        assert_eq!(
            index.topic_heading_of(0, Some(1)),
            Some(0),
            "#### under # A"
        );
        assert_eq!(index.topic_heading_of(0, Some(0)), Some(0));
        assert_eq!(index.topic_heading_of(0, Some(2)), Some(2));
        assert_eq!(
            index.topic_heading_of(0, None),
            None,
            "the note's own topic"
        );
        assert_eq!(index.topic_heading_of(9, Some(0)), None);
    }

    #[test]
    fn huge_bodies_are_not_all_kept() {
        let texts = [
            ("a.md", "# A\n\nforty bytes of text in note a, or so.\n"),
            ("b.md", "# B\n\nforty bytes of text in note b, or so.\n"),
            ("c.md", "# C\n"),
        ];
        let index = vault(&texts);
        // As if a and b were each more than half the text budget.
        index.bodies.lock().unwrap().max_text = texts[0].1.len() + 10;
        let [a, b, c] = ["a.md", "b.md", "c.md"].map(|p| index.note_by_path(p).unwrap());
        let first = index.document(a);
        assert!(Arc::ptr_eq(&first, &index.document(a)));
        // Both are more text than is kept: the older one goes.
        let second = index.document(b);
        assert!(!Arc::ptr_eq(&first, &index.document(a)), "a parsed again");
        assert!(
            !Arc::ptr_eq(&second, &index.document(b)),
            "b went when a came back"
        );
        // A small note next to a big one: both kept.
        let small = index.document(c);
        let big = index.document(b);
        assert!(Arc::ptr_eq(&small, &index.document(c)));
        assert!(Arc::ptr_eq(&big, &index.document(b)));
    }
}
