//! Fixtures and helpers shared by the parser tests.

use crate::frequency::Tier;
use crate::notes::doc::*;

pub(super) const SAA: &str = include_str!("../../../notes/SAA - Other Services.md");
pub(super) const DVA: &str =
    include_str!("../../../notes/DVA - AppSync, DataSync, Amplify, ACM, Cloud Map, FIS.md");
pub(super) const CORE: &str = include_str!("../../../notes/AWS Core Services Overview.md");
pub(super) const CATEGORY: &str = include_str!("../../../notes/AWS Services by Category.md");
pub(super) const STACK: &str = include_str!("../../../notes/Stack serverless web et mobile.md");

pub(super) fn plain(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .map(|i| match i {
            Inline::Text { text, .. } | Inline::Code(text) => text.to_string(),
            Inline::Tag(t) => format!("#{t}"),
            Inline::SoftBreak | Inline::HardBreak => " ".into(),
            _ => String::new(),
        })
        .collect()
}

pub(super) fn text_hint_for(doc: &Document, heading: &str) -> Option<Tier> {
    let index = doc.headings.iter().position(|h| h.text == heading);
    assert!(index.is_some(), "no heading {heading}");
    doc.frequency_hints
        .iter()
        .find(|h| h.source == HintSource::Text && h.heading == index)
        .map(|h| h.tier)
}

/// Maximum nesting of containers in `blocks`, computed with an explicit stack.
pub(super) fn depth(blocks: &[Block]) -> usize {
    let mut max = 0;
    let mut stack: Vec<(&Block, usize)> = blocks.iter().map(|b| (b, 1)).collect();
    while let Some((block, d)) = stack.pop() {
        max = max.max(d);
        match block {
            Block::Quote(inner) => stack.extend(inner.iter().map(|b| (b, d + 1))),
            Block::Callout(c) => stack.extend(c.blocks.iter().map(|b| (b, d + 1))),
            Block::List { items, .. } => {
                for item in items {
                    stack.extend(item.blocks.iter().map(|b| (b, d + 1)));
                }
            }
            _ => {}
        }
    }
    max
}

pub(super) fn on_small_stack(f: impl FnOnce() + Send + 'static) {
    let handle = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(f)
        .expect("spawn");
    assert!(handle.join().is_ok());
}
