//! Obsidian-flavoured Markdown → [`Document`].
//!
//! [`parse`] reads one note: the YAML frontmatter (a small hand-written reader), then the
//! body through `pulldown-cmark` (tables, strikethrough, task lists, wikilinks), and builds
//! the plain-data tree of [`crate::notes::doc`] with an explicit stack: callouts
//! (`> [!type]± title`), `#tags`, wikilinks and `![[embeds]]` are recognised, and the outline,
//! references and exam-frequency hints ([`crate::frequency`]) are collected on the way for
//! the index, the search, the `check` command and the UI. Tab-indented Obsidian lists are
//! re-indented first so that they nest instead of turning into code blocks. The parser never
//! panics, never recurses over the input's depth and caps container nesting at
//! [`MAX_DEPTH`], so any input (binary garbage, 10 000 nested quotes) is safe.
//!
//! One file per stage: [`frontmatter`] (the YAML block), [`reindent`] (tab-indented
//! lists), [`builder`] (events → tree), [`obsidian`] (wikilinks, embeds, tags, callouts)
//! and [`hints`] (exam-frequency hints in the prose).

use pulldown_cmark::{Options, Parser};

use crate::notes::doc::Document;
use builder::{Builder, LineMap};
use frontmatter::{apply_frontmatter, split_frontmatter};
use reindent::reindent_lists;

/// The deepest container nesting (quotes, lists, items) kept in the tree; deeper containers
/// are flattened into the container at this depth.
pub const MAX_DEPTH: usize = 32;

/// Parses one note. Never panics, whatever `text` holds.
#[must_use]
pub fn parse(text: &str) -> Document {
    let split = split_frontmatter(text);
    let body = text.get(split.body_start..).unwrap_or("");
    let prepared = reindent_lists(body);
    let mut builder = Builder::new(LineMap::new(&prepared, split.body_first_line));
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_WIKILINKS;
    for (event, range) in Parser::new_ext(&prepared, options).into_offset_iter() {
        builder.event(event, range.start);
    }
    let mut doc = builder.finish();
    if let Some((fm, lines)) = split.frontmatter {
        apply_frontmatter(&mut doc, &fm, &lines);
        doc.frontmatter = Some(fm);
    }
    doc
}

pub mod builder;
pub mod frontmatter;
pub mod hints;
pub mod obsidian;
pub mod reindent;
#[cfg(test)]
mod test_support;

pub use obsidian::wiki_target;

#[cfg(test)]
mod tests {
    use crate::notes::doc::*;
    use crate::notes::parse::parse;
    use crate::notes::parse::test_support::*;

    #[test]
    fn seed_dva_frontmatter_links_callouts() {
        let doc = parse(DVA);
        let fm = doc.frontmatter.clone().unwrap_or_default();
        assert_eq!(fm.entries.len(), 2);
        assert_eq!(fm.entries[0].0, "created");
        assert_eq!(fm.entries[0].1, FmValue::Text("2022-05-30 14:40".into()));
        // The heading lines count the frontmatter.
        assert_eq!(doc.headings[0].text, "AppSync");
        assert_eq!(doc.headings[0].line, 9);
        assert_eq!(doc.references[0].kind, ReferenceKind::WikiLink);
        assert_eq!(doc.references[0].line, 6);
        let embed = doc
            .references
            .iter()
            .find(|r| r.kind == ReferenceKind::Embed)
            .cloned();
        assert_eq!(
            embed.map(|r| (r.target, r.line)),
            Some(("../101 AWS SAA/DataSync & Backup#DataSync".into(), 37))
        );
        let images = doc
            .references
            .iter()
            .filter(|r| r.kind == ReferenceKind::Image)
            .count();
        assert_eq!(images, 5);
        let callouts: Vec<&Callout> = doc
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Callout(c) => Some(c),
                _ => None,
            })
            .collect();
        assert_eq!(callouts.len(), 3);
        assert_eq!(callouts[1].kind, CalloutKind::Tip);
        assert_eq!(callouts[1].raw_kind, "important");
        assert_eq!(
            plain(&callouts[1].title),
            "Amplify deployments are powered by CloudFormation"
        );
        assert_eq!(callouts[2].fold, Fold::Closed);
        let Some(Block::Paragraph(body)) = callouts[2].blocks.first() else {
            panic!("{:?}", callouts[2]);
        };
        assert_eq!(plain(body), "You cannot upload an ACM certificate to IAM.");
    }
}
