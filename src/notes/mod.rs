//! Notes: reading a vault ([`vault`]), parsing Obsidian-flavoured Markdown into a plain
//! document tree ([`parse`], [`doc`]), indexing topics, icons, tiers and links ([`index`]),
//! and searching ([`search`]); Excalidraw scenes ([`excalidraw`]). Nothing here depends on
//! egui.

pub mod doc;
pub mod excalidraw;
pub mod history;
pub mod index;
pub mod parse;
pub mod search;
pub mod vault;
