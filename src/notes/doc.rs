//! The parsed form of one note: a small, egui-free document tree.
//!
//! [`crate::notes::parse`] turns Obsidian-flavoured Markdown into a [`Document`]; the UI
//! (`ui::markdown`) only walks this tree, and the index, the search and the `check` command
//! read its outline, links and tags. Keeping the tree plain data makes the parser testable
//! without a window and lets the renderer stay a thin painter.

use crate::frequency::Tier;

/// A parsed note.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    /// YAML frontmatter, if the note starts with a `---` block.
    pub frontmatter: Option<Frontmatter>,
    /// The body, in order.
    pub blocks: Vec<Block>,
    /// The 1-based file line where each of [`Document::blocks`] starts (parallel to it),
    /// so a search hit or a block reference can scroll to its block.
    pub block_lines: Vec<u32>,
    /// Every heading of the body in order; [`Block::Heading::index`] points into it.
    pub headings: Vec<Heading>,
    /// `#tags` found in the body and the frontmatter `tags:` list, without `#`, deduplicated.
    pub tags: Vec<String>,
    /// Every wikilink, embed and image reference with its line, for link checking.
    pub references: Vec<Reference>,
    /// Exam-frequency statements found in the note (see [`crate::frequency`]).
    pub frequency_hints: Vec<FrequencyHint>,
    /// Every `^block-id` anchor, in document order, with the top-level block it names:
    /// the block the anchor closes (the one before it), or the container (list, quote,
    /// callout) holding it. Kept apart from the blocks so that an outline (a document
    /// whose blocks were dropped, as the index keeps it) still resolves `[[Note#^id]]`.
    pub anchors: Vec<(Box<str>, usize)>,
}

impl Document {
    /// The top-level block holding file line `line` (1-based): the last one starting at
    /// or before it. `None` when the line is above the first block (the frontmatter).
    #[must_use]
    pub fn block_at_line(&self, line: usize) -> Option<usize> {
        let line = u32::try_from(line).unwrap_or(u32::MAX);
        self.block_lines
            .partition_point(|&l| l <= line)
            .checked_sub(1)
    }

    /// The top-level block that `^id` names (see [`Document::anchors`]).
    /// Case-insensitive, as Obsidian matches block ids.
    #[must_use]
    pub fn block_of_anchor(&self, id: &str) -> Option<usize> {
        let id = id.trim().trim_start_matches('^');
        self.anchors
            .iter()
            .find(|(a, _)| a.eq_ignore_ascii_case(id))
            .map(|&(_, block)| block)
    }

    /// Lists [`Document::anchors`] from the blocks.
    pub(crate) fn list_anchors(&mut self) {
        let mut anchors = Vec::new();
        for (i, block) in self.blocks.iter().enumerate() {
            match block {
                Block::Anchor(a) => anchors.push((a.clone(), i.saturating_sub(1))),
                _ => nested_anchors(block, &mut |a| anchors.push((a.into(), i))),
            }
        }
        self.anchors = anchors;
    }
}

/// Calls `found` with every anchor nested anywhere inside `block`, in order (without
/// recursing over the input's depth more than the tree's, which is capped).
fn nested_anchors(block: &Block, found: &mut dyn FnMut(&str)) {
    let within = |blocks: &[Block], found: &mut dyn FnMut(&str)| {
        for b in blocks {
            if let Block::Anchor(a) = b {
                found(a);
            } else {
                nested_anchors(b, found);
            }
        }
    };
    match block {
        Block::List { items, .. } => {
            for item in items {
                within(&item.blocks, found);
            }
        }
        Block::Quote(blocks) => within(blocks, found),
        Block::Details(d) => within(&d.blocks, found),
        Block::Callout(c) => within(&c.blocks, found),
        _ => {}
    }
}

/// The YAML frontmatter block, kept as ordered key/value pairs (we only need to show it
/// and read a few keys, so no YAML library is involved).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Frontmatter {
    /// Key/value pairs in file order.
    pub entries: Vec<(String, FmValue)>,
}

/// A frontmatter value.
#[derive(Clone, Debug, PartialEq)]
pub enum FmValue {
    /// `key: value` (quotes removed).
    Text(String),
    /// `key: [a, b]` or a `- item` list under the key.
    List(Vec<String>),
}

/// One heading of the outline.
#[derive(Clone, Debug, PartialEq)]
pub struct Heading {
    /// 1 to 6.
    pub level: u8,
    /// The heading as plain text (markup removed), e.g. `1.2. Lambda`.
    pub text: String,
    /// 1-based line in the file (frontmatter lines included).
    pub line: usize,
}

/// A run of inline content as the tree keeps it: a boxed slice, exactly as long as it is.
pub type Inlines = Box<[Inline]>;

/// A sequence of blocks as the tree keeps it (see [`Inlines`]).
pub type Blocks = Box<[Block]>;

/// A block-level element.
///
/// A vault keeps every block of every note while it is open, so the tree is compact:
/// a block is 32 bytes (its sequences are boxed slices with no spare capacity, its texts
/// `Box<str>`, its rare large kinds boxed), an inline 24.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A heading; `index` points into [`Document::headings`].
    Heading {
        /// 1 to 6.
        level: u8,
        /// Rendered content.
        content: Inlines,
        /// Index into [`Document::headings`] ([`Block::heading_index`] as a `usize`).
        index: u32,
    },
    /// A paragraph.
    Paragraph(Inlines),
    /// An ordered (`start` is `Some`) or bullet list.
    List {
        /// First number of an ordered list.
        start: Option<u64>,
        /// Items in order.
        items: Box<[ListItem]>,
    },
    /// A plain block quote.
    Quote(Blocks),
    /// An Obsidian callout (`> [!type]± title`).
    Callout(Box<Callout>),
    /// A fenced or indented code block.
    CodeBlock(Box<CodeBlock>),
    /// A GFM table.
    Table(Box<Table>),
    /// A thematic break (`---`, `***`).
    Rule,
    /// Raw HTML, shown as text.
    Html(Box<str>),
    /// `$$…$$` display math, set apart.
    Math(Box<Math>),
    /// `<details><summary>…</summary>…</details>`: a foldable block.
    Details(Box<Details>),
    /// A `^block-id` that closed the block before it (hidden; `[[Note#^id]]` scrolls here).
    Anchor(Box<str>),
    /// An Excalidraw drawing (a `.excalidraw.md` note's scene).
    Drawing(Box<crate::notes::excalidraw::Scene>),
}

impl Block {
    /// A heading block's index into [`Document::headings`].
    #[must_use]
    pub fn heading_index(&self) -> Option<usize> {
        match self {
            Block::Heading { index, .. } => Some(*index as usize),
            _ => None,
        }
    }
}

/// A fenced or indented code block ([`Block::CodeBlock`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CodeBlock {
    /// Info string (language), possibly empty.
    pub lang: String,
    /// The code, with its final newline removed.
    pub code: String,
}

/// A GFM table ([`Block::Table`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    /// Column alignment.
    pub align: Box<[Align]>,
    /// Header cells.
    pub header: Box<[Inlines]>,
    /// Body rows of cells.
    pub rows: Box<[Box<[Inlines]>]>,
}

/// `<details><summary>…</summary>…</details>` ([`Block::Details`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Details {
    /// The summary line.
    pub summary: Inlines,
    /// The body.
    pub blocks: Blocks,
    /// `<details open>`.
    pub open: bool,
}

/// One list item.
#[derive(Clone, Debug, PartialEq)]
pub struct ListItem {
    /// `Some(checked)` for `- [ ]` / `- [x]` task items.
    pub task: Option<bool>,
    /// Content of the item (tight items hold a single paragraph).
    pub blocks: Blocks,
}

/// Column alignment in a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// No alignment given.
    None,
    /// `:--`
    Left,
    /// `:-:`
    Center,
    /// `--:`
    Right,
}

/// An Obsidian callout.
#[derive(Clone, Debug, PartialEq)]
pub struct Callout {
    /// The normalised kind (aliases folded, unknown kinds become [`CalloutKind::Note`]).
    pub kind: CalloutKind,
    /// The kind as written (`important`, `faq`...), lower-case.
    pub raw_kind: String,
    /// The custom title, if any text follows `[!type]` on the first line.
    pub title: Inlines,
    /// Whether the callout folds.
    pub fold: Fold,
    /// The body.
    pub blocks: Blocks,
}

/// The 13 Obsidian callout kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CalloutKind {
    /// `note` (also any unknown kind)
    Note,
    /// `abstract`, `summary`, `tldr`
    Abstract,
    /// `info`
    Info,
    /// `todo`
    Todo,
    /// `tip`, `hint`, `important`
    Tip,
    /// `success`, `check`, `done`
    Success,
    /// `question`, `help`, `faq`
    Question,
    /// `warning`, `caution`, `attention`
    Warning,
    /// `failure`, `fail`, `missing`
    Failure,
    /// `danger`, `error`
    Danger,
    /// `bug`
    Bug,
    /// `example`
    Example,
    /// `quote`, `cite`
    Quote,
}

/// Fold state of a callout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fold {
    /// Not foldable.
    None,
    /// `+`: foldable, open by default.
    Open,
    /// `-`: foldable, closed by default.
    Closed,
}

/// Character style of a text run: its flags packed in one byte (a vault holds millions of
/// runs), read with [`Style::has`] or the named getters, set with [`Style::with`].
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct Style {
    /// One bit per [`StyleFlag`].
    flags: u8,
    /// `<span style="color:…">`, `<font color=…>` (RGB).
    pub color: Option<[u8; 3]>,
}

/// One on/off part of a [`Style`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StyleFlag {
    /// `**strong**`, `<b>`
    Bold,
    /// `*emphasis*`, `<i>`
    Italic,
    /// `~~strike~~`, `<s>`
    Strike,
    /// `<u>`
    Underline,
    /// `==highlight==`, `<mark>`
    Highlight,
    /// `<sub>`
    Sub,
    /// `<sup>`
    Sup,
}

impl StyleFlag {
    /// Its bit in [`Style::flags`].
    const fn bit(self) -> u8 {
        1 << self as u8
    }
}

impl Style {
    /// This style with `flag` on.
    #[must_use]
    pub const fn with(self, flag: StyleFlag) -> Self {
        Self {
            flags: self.flags | flag.bit(),
            color: self.color,
        }
    }

    /// This style in `color`.
    #[must_use]
    pub const fn with_color(self, color: Option<[u8; 3]>) -> Self {
        Self {
            flags: self.flags,
            color,
        }
    }

    /// Whether `flag` is on.
    #[must_use]
    pub const fn has(self, flag: StyleFlag) -> bool {
        self.flags & flag.bit() != 0
    }

    /// `**strong**`
    #[must_use]
    pub const fn bold(self) -> bool {
        self.has(StyleFlag::Bold)
    }

    /// `*emphasis*`
    #[must_use]
    pub const fn italic(self) -> bool {
        self.has(StyleFlag::Italic)
    }

    /// `~~strike~~`
    #[must_use]
    pub const fn strike(self) -> bool {
        self.has(StyleFlag::Strike)
    }

    /// `<u>`
    #[must_use]
    pub const fn underline(self) -> bool {
        self.has(StyleFlag::Underline)
    }

    /// `==highlight==`, `<mark>`
    #[must_use]
    pub const fn highlight(self) -> bool {
        self.has(StyleFlag::Highlight)
    }

    /// `<sub>`
    #[must_use]
    pub const fn sub(self) -> bool {
        self.has(StyleFlag::Sub)
    }

    /// `<sup>`
    #[must_use]
    pub const fn sup(self) -> bool {
        self.has(StyleFlag::Sup)
    }
}

/// The flags by name, as the struct of booleans it packs would show them.
#[allow(clippy::missing_fields_in_debug)] // `flags` is shown bit by bit, by name
impl std::fmt::Debug for Style {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Style")
            .field("bold", &self.bold())
            .field("italic", &self.italic())
            .field("strike", &self.strike())
            .field("underline", &self.underline())
            .field("highlight", &self.highlight())
            .field("sub", &self.sub())
            .field("sup", &self.sup())
            .field("color", &self.color)
            .finish()
    }
}

/// An inline element.
///
/// The most numerous part of a vault's documents: 24 bytes (the text of a run is a
/// `Box<str>`, its style 5 bytes, the rare larger elements are boxed).
#[derive(Clone, Debug, PartialEq)]
pub enum Inline {
    /// A run of text in one style.
    Text {
        /// The text.
        text: Box<str>,
        /// Its style.
        style: Style,
    },
    /// `inline code`
    Code(Box<str>),
    /// A Markdown link `[text](url)` or autolink.
    Link(Box<Link>),
    /// `[[Note#Heading|alias]]`
    WikiLink(Box<WikiLink>),
    /// A Markdown image `![alt](src)`.
    Image(Box<Image>),
    /// `![[target]]`: an embedded note, heading or image.
    Embed(Box<Embed>),
    /// `#tag` (without `#`).
    Tag(Box<str>),
    /// A soft line break (rendered as a space).
    SoftBreak,
    /// A hard line break.
    HardBreak,
    /// `$…$` math: the TeX source and its Unicode rendition (`\alpha` → `α`).
    Math(Box<Math>),
}

impl Inline {
    /// A run of `text` in `style`.
    #[must_use]
    pub fn text(text: &str, style: Style) -> Self {
        Inline::Text {
            text: text.into(),
            style,
        }
    }

    /// A link to `url` showing `text`.
    #[must_use]
    pub fn link(url: &str, text: &str) -> Self {
        Inline::Link(Box::new(Link {
            url: url.into(),
            text: text.into(),
        }))
    }

    /// An image from `src` with `alt` text.
    #[must_use]
    pub fn image(src: &str, alt: &str) -> Self {
        Self::image_sized(src, alt, None)
    }

    /// An image `src` with `alt` text, shown `width` points wide when one is asked for.
    #[must_use]
    pub fn image_sized(src: &str, alt: &str, width: Option<f32>) -> Self {
        Inline::Image(Box::new(Image {
            src: src.into(),
            alt: alt.into(),
            width,
        }))
    }

    /// A wikilink to `target` showing `label`.
    #[must_use]
    pub fn wiki_link(target: WikiTarget, label: &str) -> Self {
        Inline::WikiLink(Box::new(WikiLink {
            target,
            label: label.into(),
        }))
    }
}

/// `[[Note#Heading|alias]]` ([`Inline::WikiLink`]).
#[derive(Clone, Debug, PartialEq)]
pub struct WikiLink {
    /// Where it points.
    pub target: WikiTarget,
    /// What to show: the alias, or the target as written.
    pub label: String,
}

/// A Markdown link `[text](url)` or autolink ([`Inline::Link`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    /// Destination as written.
    pub url: String,
    /// Visible text (plain).
    pub text: String,
}

/// A Markdown image `![alt](src)` ([`Inline::Image`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Image {
    /// Source path or URL as written.
    pub src: String,
    /// Alt text.
    pub alt: String,
    /// The width asked for in points (`<img width="300">`, Obsidian's `![alt|300](…)`).
    pub width: Option<f32>,
}

/// `$…$` math ([`Inline::Math`]) or `$$…$$` display math ([`Block::Math`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Math {
    /// As written between the dollars.
    pub tex: String,
    /// What to show.
    pub text: String,
}

/// The target of a wikilink or embed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct WikiTarget {
    /// Note name or path as written, without `.md` (may be empty for `[[#Heading]]`).
    pub note: String,
    /// `#Heading` part, if any.
    pub heading: Option<String>,
}

/// `![[target|size]]`
#[derive(Clone, Debug, PartialEq)]
pub struct Embed {
    /// Embedded note/heading, or an image file (when `note` ends in an image extension).
    pub target: WikiTarget,
    /// `|100` or `|100x50`: the requested width in points.
    pub width: Option<f32>,
    /// 1-based line.
    pub line: usize,
}

/// A reference to another file, for link checking.
#[derive(Clone, Debug, PartialEq)]
pub struct Reference {
    /// What kind of reference it is.
    pub kind: ReferenceKind,
    /// The target as written (`Note#Heading`, `../../attachments/x.svg`).
    pub target: String,
    /// 1-based line in the file.
    pub line: usize,
}

/// Kinds of [`Reference`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReferenceKind {
    /// `[[...]]`
    WikiLink,
    /// `![[...]]` of a note or heading
    Embed,
    /// `![](...)` or `![[image.png]]`
    Image,
}

/// An exam-frequency statement found in the note text.
#[derive(Clone, Debug, PartialEq)]
pub struct FrequencyHint {
    /// The tier the words mean.
    pub tier: Tier,
    /// The heading (index into [`Document::headings`]) the statement belongs to; `None`
    /// when it applies to the whole note (frontmatter, or text before the first heading).
    pub heading: Option<usize>,
    /// 1-based line of the statement.
    pub line: usize,
    /// Where it came from.
    pub source: HintSource,
}

/// Where a [`FrequencyHint`] was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HintSource {
    /// The note's own words ("Notion **fréquente**").
    Text,
    /// A `#très-fréquent` tag.
    Tag,
    /// `frequence:` / `frequency:` in the frontmatter.
    Frontmatter,
    /// An exam callout or section with no tier word ("> [!tip] Exam Tip", "## Exam
    /// Tips"): the note says the exam asks about it, not how often, so its tier
    /// ([`crate::frequency::emphasis_tier`]) is a floor, never a cap.
    Emphasis,
}
