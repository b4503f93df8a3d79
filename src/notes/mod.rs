//! Notes: reading a vault ([`vault`]), parsing Obsidian-flavoured Markdown into a plain
//! document tree ([`parse`], [`doc`]), indexing topics, icons, tiers and links ([`index`]),
//! and searching ([`search`]); Excalidraw scenes ([`excalidraw`]); the sidebar's folder
//! tree in natural order ([`tree`]). Nothing here depends on
//! egui.

pub mod doc;
pub mod excalidraw;
pub mod history;
pub mod index;
pub mod parse;
pub mod search;
pub mod tree;
pub mod vault;
