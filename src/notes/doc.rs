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

    /// The top-level block that `^id` names: the block the anchor closes (the one before
    /// it), or the container (list, quote, callout) holding it. Case-insensitive, as
    /// Obsidian matches block ids.
    #[must_use]
    pub fn block_of_anchor(&self, id: &str) -> Option<usize> {
        let id = id.trim().trim_start_matches('^');
        let is = |b: &Block| matches!(b, Block::Anchor(a) if a.eq_ignore_ascii_case(id));
        for (i, block) in self.blocks.iter().enumerate() {
            if is(block) {
                return Some(i.saturating_sub(1));
            }
            if contains_anchor(block, &is) {
                return Some(i);
            }
        }
        None
    }
}

/// True when an anchor accepted by `is` is nested anywhere inside `block`.
fn contains_anchor(block: &Block, is: &dyn Fn(&Block) -> bool) -> bool {
    let within = |blocks: &[Block]| blocks.iter().any(|b| is(b) || contains_anchor(b, is));
    match block {
        Block::List { items, .. } => items.iter().any(|item| within(&item.blocks)),
        Block::Quote(blocks) | Block::Details { blocks, .. } => within(blocks),
        Block::Callout(c) => within(&c.blocks),
        _ => false,
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

/// A block-level element.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A heading; `index` points into [`Document::headings`].
    Heading {
        /// 1 to 6.
        level: u8,
        /// Rendered content.
        content: Vec<Inline>,
        /// Index into [`Document::headings`].
        index: usize,
    },
    /// A paragraph.
    Paragraph(Vec<Inline>),
    /// An ordered (`start` is `Some`) or bullet list.
    List {
        /// First number of an ordered list.
        start: Option<u64>,
        /// Items in order.
        items: Vec<ListItem>,
    },
    /// A plain block quote.
    Quote(Vec<Block>),
    /// An Obsidian callout (`> [!type]± title`).
    Callout(Callout),
    /// A fenced or indented code block.
    CodeBlock {
        /// Info string (language), possibly empty.
        lang: String,
        /// The code, with its final newline removed.
        code: String,
    },
    /// A GFM table.
    Table {
        /// Column alignment.
        align: Vec<Align>,
        /// Header cells.
        header: Vec<Vec<Inline>>,
        /// Body rows of cells.
        rows: Vec<Vec<Vec<Inline>>>,
    },
    /// A thematic break (`---`, `***`).
    Rule,
    /// Raw HTML, shown as text.
    Html(String),
    /// `$$…$$` display math, set apart.
    Math {
        /// As written between the dollars.
        tex: String,
        /// What to show (Unicode rendition).
        text: String,
    },
    /// `<details><summary>…</summary>…</details>`: a foldable block.
    Details {
        /// The summary line.
        summary: Vec<Inline>,
        /// The body.
        blocks: Vec<Block>,
        /// `<details open>`.
        open: bool,
    },
    /// A `^block-id` that closed the block before it (hidden; `[[Note#^id]]` scrolls here).
    Anchor(String),
    /// An Excalidraw drawing (a `.excalidraw.md` note's scene).
    Drawing(crate::notes::excalidraw::Scene),
}

/// One list item.
#[derive(Clone, Debug, PartialEq)]
pub struct ListItem {
    /// `Some(checked)` for `- [ ]` / `- [x]` task items.
    pub task: Option<bool>,
    /// Content of the item (tight items hold a single paragraph).
    pub blocks: Vec<Block>,
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
    pub title: Vec<Inline>,
    /// Whether the callout folds.
    pub fold: Fold,
    /// The body.
    pub blocks: Vec<Block>,
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

/// Character style of a text run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Style {
    /// `**strong**`
    pub bold: bool,
    /// `*emphasis*`
    pub italic: bool,
    /// `~~strike~~`
    pub strike: bool,
    /// `<u>`
    pub underline: bool,
    /// `==highlight==`, `<mark>`
    pub highlight: bool,
    /// `<sub>`
    pub sub: bool,
    /// `<sup>`
    pub sup: bool,
    /// `<span style="color:…">`, `<font color=…>` (RGB).
    pub color: Option<[u8; 3]>,
}

/// An inline element.
#[derive(Clone, Debug, PartialEq)]
pub enum Inline {
    /// A run of text in one style.
    Text {
        /// The text.
        text: String,
        /// Its style.
        style: Style,
    },
    /// `inline code`
    Code(String),
    /// A Markdown link `[text](url)` or autolink.
    Link {
        /// Destination as written.
        url: String,
        /// Visible text (plain).
        text: String,
    },
    /// `[[Note#Heading|alias]]`
    WikiLink {
        /// Where it points.
        target: WikiTarget,
        /// What to show: the alias, or the target as written.
        label: String,
    },
    /// A Markdown image `![alt](src)`.
    Image {
        /// Source path or URL as written.
        src: String,
        /// Alt text.
        alt: String,
        /// The width asked for in points (`<img width="300">`, Obsidian's `![alt|300](…)`).
        width: Option<f32>,
    },
    /// `![[target]]`: an embedded note, heading or image.
    Embed(Embed),
    /// `#tag` (without `#`).
    Tag(String),
    /// A soft line break (rendered as a space).
    SoftBreak,
    /// A hard line break.
    HardBreak,
    /// `$…$` math: the TeX source and its Unicode rendition (`\alpha` → `α`).
    Math {
        /// As written between the dollars.
        tex: String,
        /// What to show.
        text: String,
    },
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
