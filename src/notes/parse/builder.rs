//! The tree builder: turns `pulldown-cmark` events into the plain-data [`Document`] with an
//! explicit stack (never recursing over the input's depth, capped at [`MAX_DEPTH`]).

use std::collections::HashSet;

use pulldown_cmark::{Alignment, CodeBlockKind, Event, HeadingLevel, LinkType, Tag, TagEnd};

use super::hints::{ProseLine, hint, text_hints};
use super::html::{Token, attribute, tag_color, tokens};
use super::math::tex_to_unicode;
use super::obsidian::{
    Piece, block_anchor, embed_width, ends_with_space, quote_block, split_text, wiki_target,
};
use super::{MAX_DEPTH, ParseOptions};
use crate::frequency;
use crate::notes::doc::{
    Align, Block, Blocks, CodeBlock, Details, Document, Embed, Heading, HintSource, Image, Inline,
    Inlines, Link, ListItem, Math, Reference, ReferenceKind, Style, StyleFlag, Table, WikiLink,
};
use crate::notes::vault::is_image;
use crate::text::has_pair;

/// Maps byte offsets of the parsed body to 1-based lines of the original file.
pub(super) struct LineMap {
    /// Offsets of every `\n` in the body.
    pub(super) newlines: Vec<usize>,
    /// Line of the body's first line.
    pub(super) first: usize,
    /// Newlines before the offset asked for last: events come mostly in order, on the
    /// same line or the next one as the event before.
    last: std::cell::Cell<usize>,
}

impl LineMap {
    /// Indexes `body`, whose first line is line `first` of the file.
    pub(super) fn new(body: &str, first: usize) -> Self {
        let newlines = memchr::memchr_iter(b'\n', body.as_bytes()).collect();
        Self {
            newlines,
            first,
            last: std::cell::Cell::new(0),
        }
    }

    /// The line holding byte `offset`.
    pub(super) fn line(&self, offset: usize) -> usize {
        // `k` newlines are before `offset` when the `k`th is before it and the next is not.
        let fits = |k: usize| {
            (k == 0 || self.newlines.get(k - 1).is_some_and(|&p| p < offset))
                && self.newlines.get(k).is_none_or(|&p| p >= offset)
        };
        let last = self.last.get();
        let k = if fits(last) {
            last
        } else if fits(last + 1) {
            last + 1
        } else {
            self.newlines.partition_point(|&p| p < offset)
        };
        self.last.set(k);
        self.first + k
    }
}

/// An open container.
enum FrameKind {
    /// The document itself.
    Root,
    /// A block quote (maybe a callout, decided when it closes), with a unique id for
    /// exam-context scoping.
    Quote(usize),
    /// A list and its first number.
    List(Option<u64>),
    /// A list item.
    Item {
        /// Task state.
        task: Option<bool>,
        /// Unique id, for exam-context scoping.
        id: usize,
    },
    /// `<details>`: whether it starts open, and its `<summary>` once read.
    Details {
        /// `<details open>`.
        open: bool,
        /// The summary line.
        summary: Vec<Inline>,
    },
}

/// An open container. What it holds so far is on the builder's shared stacks, from
/// `blocks` and `items` on: one growing vector for every container, each container's
/// children moved out into a vector of exactly their number when it closes.
struct Frame {
    /// What it is.
    kind: FrameKind,
    /// Where its child blocks (all kinds but lists) start in [`Builder::blocks`].
    blocks: usize,
    /// Where its items (lists) start in [`Builder::items`].
    items: usize,
}

/// What an open inline run belongs to.
#[derive(Clone, Copy, PartialEq)]
enum LeafKind {
    /// A paragraph (explicit, or the text of a tight list item).
    Paragraph,
    /// A heading of this level.
    Heading(u8),
    /// A table cell.
    Cell,
    /// The `<summary>` of a `<details>`.
    Summary,
}

/// An open inline run. Its inlines so far are [`Builder::inlines`], its plain text (a
/// heading's) [`Builder::plain`], its lines of prose (a paragraph's) the end of
/// [`Builder::prose_text`], one [`Builder::leaf_lines`] entry each.
struct Leaf {
    /// What it is.
    kind: LeafKind,
    /// Line where it starts.
    line: usize,
}

/// What an open link is.
#[derive(Clone, Copy, PartialEq)]
enum LinkKind {
    /// `[text](url)`
    Link,
    /// `![alt](src)`
    Image,
    /// `[[target|label]]`
    Wiki,
    /// `![[target|size]]`
    Embed,
}

/// What an inline shows as plain text (a heading's outline text, a paragraph's prose).
#[derive(Clone, Copy)]
enum Plain<'s> {
    /// A run of text in a style ([`Inline::Text`]).
    Styled(&'s str, Style),
    /// Other content shown as text: code, a link's text, a wikilink's label, math.
    Text(&'s str),
    /// A `#tag`.
    Tag(&'s str),
    /// A line break: hard (`true`) or soft.
    Break(bool),
    /// No text: an image, an embed.
    Nothing,
}

impl<'s> Plain<'s> {
    /// What `inline` shows.
    fn of(inline: &'s Inline) -> Self {
        match inline {
            Inline::Text { text, style } => Plain::Styled(text, *style),
            Inline::Code(text) => Plain::Text(text),
            Inline::Link(link) => Plain::Text(&link.text),
            Inline::WikiLink(link) => Plain::Text(&link.label),
            Inline::Math(math) => Plain::Text(&math.text),
            Inline::Tag(tag) => Plain::Tag(tag),
            Inline::SoftBreak => Plain::Break(false),
            Inline::HardBreak => Plain::Break(true),
            Inline::Image(_) | Inline::Embed(_) => Plain::Nothing,
        }
    }
}

/// An open link or image; its content is collected as plain text.
struct OpenLink {
    /// What it is.
    kind: LinkKind,
    /// Destination.
    url: String,
    /// Text inside.
    text: String,
    /// Line where it starts.
    line: usize,
}

/// An open table.
#[derive(Default)]
struct OpenTable {
    /// Column alignment.
    align: Vec<Align>,
    /// Header cells.
    header: Box<[Inlines]>,
    /// Finished rows.
    rows: Vec<Box<[Inlines]>>,
    /// Cells of the row being read.
    row: Vec<Inlines>,
}

/// Open inline HTML styles (`<u>`, `<mark>`, `<sub>`, `<sup>`, coloured spans).
#[derive(Default)]
struct HtmlStyle {
    /// Open `<u>`.
    underline: u32,
    /// Open `<mark>`.
    mark: u32,
    /// Open `<sub>`.
    sub: u32,
    /// Open `<sup>`.
    sup: u32,
    /// Open `<span>` / `<font>`, innermost last, with the colour each sets.
    colors: Vec<Option<[u8; 3]>>,
    /// Open `<script>` / `<style>`, whose text is hidden.
    hidden: u32,
}

/// Turns pulldown-cmark events into a [`Document`] with an explicit stack.
pub(super) struct Builder<'a> {
    /// The text being parsed (after preparation), for look-ahead.
    src: &'a str,
    /// How to read it.
    options: ParseOptions,
    /// Building an outline only ([`super::parse_outline`]): leaf blocks are kept as
    /// [`Block::Rule`] placeholders (containers and anchors stay, so blocks keep their
    /// numbers), inlines as placeholders without their text, and code, table cells and
    /// display math are not copied. What the outline holds is the same as a full parse's.
    outline: bool,
    /// In an outline, the text of the open run's last inline if it is text (its
    /// placeholder in `inlines` has none): what the word boundary before a `#tag`, a
    /// closing `^block-id` and block HTML's trailing space are read from.
    last_text: String,
    /// Offset → line.
    lines: LineMap,
    /// Line of the current event.
    line: usize,
    /// Open containers, the root first.
    frames: Vec<Frame>,
    /// The child blocks of every open container, outermost first ([`Frame::blocks`]).
    blocks: Vec<Block>,
    /// The items of every open list, outermost first ([`Frame::items`]).
    items: Vec<ListItem>,
    /// The inlines of the open run.
    inlines: Vec<Inline>,
    /// The plain text of the open heading.
    plain: String,
    /// The open paragraph's lines: 1-based line (0 until known) and where its text starts
    /// in `prose_text`.
    leaf_lines: Vec<(usize, usize)>,
    /// The text of every prose line, folded ([`crate::text::fold`]; [`ProseLine::text`]
    /// is a range of it).
    prose_text: String,
    /// The list item and quote ids around each paragraph ([`ProseLine::items`] and
    /// [`ProseLine::quotes`] are ranges of it).
    scope_ids: Vec<usize>,
    /// Containers opened beyond [`MAX_DEPTH`] and not closed yet.
    skipped: usize,
    /// The open inline run.
    leaf: Option<Leaf>,
    /// Text not yet turned into inlines (merged across events of the same style).
    buf: String,
    /// Style of `buf`.
    buf_style: Style,
    /// Line where `buf` starts.
    buf_line: usize,
    /// Open `**` / `*` / `~~` counts.
    bold: u32,
    /// See `bold`.
    italic: u32,
    /// See `bold`.
    strike: u32,
    /// Open links and images, innermost last.
    links: Vec<OpenLink>,
    /// The open table.
    table: Option<OpenTable>,
    /// The open code block: language and code.
    code: Option<(String, String)>,
    /// Inside an HTML block.
    in_html: bool,
    /// Styles set by inline HTML.
    html_style: HtmlStyle,
    /// Inside `==highlight==`.
    highlight: bool,
    /// Headings, tags, references and hints collected so far.
    doc: Document,
    /// Tags already in `doc.tags`.
    tag_set: HashSet<String>,
    /// Prose lines for frequency detection.
    prose: Vec<ProseLine>,
    /// Next list item id.
    next_item: usize,
    /// Next paragraph id.
    next_leaf: usize,
    /// Line of the first event of the top-level block being built, for
    /// [`Document::block_lines`].
    top_start: Option<usize>,
}

impl<'a> Builder<'a> {
    /// A builder for the body `src`, indexed by `lines`.
    pub(super) fn new(src: &'a str, lines: LineMap, options: ParseOptions, outline: bool) -> Self {
        let line = lines.first;
        // Room for what a note of this many lines usually holds: the large stacks are not
        // grown (and copied) a doubling at a time.
        let blocks = lines.newlines.len() / 2 + 1;
        Self {
            src,
            options,
            outline,
            last_text: String::new(),
            lines,
            line,
            frames: vec![Frame {
                kind: FrameKind::Root,
                blocks: 0,
                items: 0,
            }],
            blocks: Vec::with_capacity(blocks),
            items: Vec::new(),
            inlines: Vec::new(),
            plain: String::new(),
            leaf_lines: Vec::new(),
            prose_text: String::with_capacity(src.len() / 2),
            scope_ids: Vec::new(),
            skipped: 0,
            leaf: None,
            buf: String::new(),
            buf_style: Style::default(),
            buf_line: line,
            bold: 0,
            italic: 0,
            strike: 0,
            links: Vec::new(),
            table: None,
            code: None,
            in_html: false,
            html_style: HtmlStyle::default(),
            highlight: false,
            doc: Document {
                block_lines: Vec::with_capacity(blocks),
                ..Document::default()
            },
            tag_set: HashSet::new(),
            prose: Vec::with_capacity(blocks),
            next_item: 0,
            next_leaf: 0,
            top_start: None,
        }
    }

    /// Feeds one event spanning `range` of the body.
    pub(super) fn event(&mut self, event: Event<'_>, range: std::ops::Range<usize>) {
        self.line = self.lines.line(range.start);
        if self.top_start.is_none() && !matches!(event, Event::End(_)) {
            self.top_start = Some(self.line);
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(end) => self.end(end),
            Event::Text(t) => self.text_with_highlights(&t, range.end),
            Event::InlineMath(t) => self.inline_math(&t, range.end),
            Event::DisplayMath(t) => self.display_math(&t),
            Event::Code(c) => self.code_span(&c),
            Event::Html(h) | Event::InlineHtml(h) => self.html(&h),
            Event::FootnoteReference(r) => self.text(&format!("[^{r}]")),
            Event::SoftBreak if self.options.strict_line_breaks => {
                self.line_break(Inline::SoftBreak);
            }
            // Obsidian keeps a single line break inside a paragraph.
            Event::SoftBreak => self.line_break(Inline::HardBreak),
            Event::HardBreak => self.line_break(Inline::HardBreak),
            Event::Rule => {
                self.close_leaf();
                self.push_block(Block::Rule);
            }
            Event::TaskListMarker(checked) => {
                if let Some(Frame {
                    kind: FrameKind::Item { task, .. },
                    ..
                }) = self.frames.last_mut()
                {
                    *task = Some(checked);
                }
            }
        }
    }

    /// Handles a start tag.
    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph => self.open_leaf(LeafKind::Paragraph),
            Tag::Heading { level, .. } => self.open_leaf(LeafKind::Heading(heading_level(level))),
            Tag::TableCell => self.open_leaf(LeafKind::Cell),
            Tag::BlockQuote(_) => {
                let id = self.next_item;
                self.next_item += 1;
                self.push_frame(FrameKind::Quote(id));
            }
            Tag::List(start) => self.push_frame(FrameKind::List(start)),
            Tag::Item => {
                let id = self.next_item;
                self.next_item += 1;
                self.push_frame(FrameKind::Item { task: None, id });
            }
            Tag::CodeBlock(kind) => {
                self.close_leaf();
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split_whitespace().next().unwrap_or("").to_owned()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                self.code = Some((lang, String::new()));
            }
            Tag::HtmlBlock => {
                self.close_leaf();
                self.in_html = true;
            }
            Tag::Table(align) => {
                self.close_leaf();
                self.table = Some(OpenTable {
                    align: align.into_iter().map(convert_align).collect(),
                    ..OpenTable::default()
                });
            }
            Tag::TableHead | Tag::TableRow => {
                if let Some(t) = &mut self.table {
                    t.row.clear();
                }
            }
            Tag::Emphasis => self.restyle(|b| b.italic += 1),
            Tag::Strong => self.restyle(|b| b.bold += 1),
            Tag::Strikethrough => self.restyle(|b| b.strike += 1),
            Tag::Link {
                link_type,
                dest_url,
                ..
            } => self.open_link(link_type, &dest_url, false),
            Tag::Image {
                link_type,
                dest_url,
                ..
            } => self.open_link(link_type, &dest_url, true),
            Tag::Superscript | Tag::Subscript | Tag::MetadataBlock(_) => {}
            Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition => self.close_leaf(),
        }
    }

    /// Handles an end tag.
    fn end(&mut self, end: TagEnd) {
        match end {
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell => self.close_leaf(),
            TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item => {
                self.close_leaf();
                self.pop_frame();
            }
            TagEnd::CodeBlock => {
                if let Some((lang, mut code)) = self.code.take() {
                    if self.outline {
                        self.push_block(Block::Rule);
                        return;
                    }
                    if code.ends_with('\n') {
                        code.pop();
                    }
                    self.push_block(Block::CodeBlock(Box::new(CodeBlock { lang, code })));
                }
            }
            TagEnd::HtmlBlock => {
                self.close_leaf();
                self.in_html = false;
            }
            TagEnd::Table => self.close_table(),
            TagEnd::TableHead => {
                if let Some(t) = &mut self.table {
                    t.header = t.row.drain(..).collect();
                }
            }
            TagEnd::TableRow => {
                if let Some(t) = &mut self.table {
                    let row = t.row.drain(..).collect();
                    t.rows.push(row);
                }
            }
            TagEnd::Emphasis => self.restyle(|b| b.italic = b.italic.saturating_sub(1)),
            TagEnd::Strong => self.restyle(|b| b.bold = b.bold.saturating_sub(1)),
            TagEnd::Strikethrough => self.restyle(|b| b.strike = b.strike.saturating_sub(1)),
            TagEnd::Link | TagEnd::Image => self.close_link(),
            TagEnd::Superscript | TagEnd::Subscript | TagEnd::MetadataBlock(_) => {}
            TagEnd::FootnoteDefinition
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition => self.close_leaf(),
        }
    }

    /// Flushes pending text, then changes the style counters.
    fn restyle(&mut self, change: impl FnOnce(&mut Self)) {
        self.flush();
        change(self);
    }

    /// The current character style.
    fn style(&self) -> Style {
        let h = &self.html_style;
        let mut style = Style::default().with_color(h.colors.iter().rev().find_map(|c| *c));
        for (on, flag) in [
            (self.bold > 0, StyleFlag::Bold),
            (self.italic > 0, StyleFlag::Italic),
            (self.strike > 0, StyleFlag::Strike),
            (h.underline > 0, StyleFlag::Underline),
            (self.highlight || h.mark > 0, StyleFlag::Highlight),
            (h.sub > 0, StyleFlag::Sub),
            (h.sup > 0, StyleFlag::Sup),
        ] {
            if on {
                style = style.with(flag);
            }
        }
        style
    }

    /// Handles text that may hold `==highlight==` markers; `end` is where it ends in the
    /// body.
    fn text_with_highlights(&mut self, t: &str, end: usize) {
        if self.code.is_some() || !has_pair(t, b'=') {
            self.text(t);
            return;
        }
        let mut rest = t;
        while let Some(at) = rest.find("==") {
            let after = &rest[at + 2..];
            let toggles = if self.highlight {
                // Closing: not after a space.
                !rest[..at].ends_with(char::is_whitespace) || at == 0
            } else {
                // Opening: before a non-space, with a closing marker later in the paragraph.
                !after.is_empty()
                    && !after.starts_with(char::is_whitespace)
                    && !after.starts_with('=')
                    && (has_pair(after, b'=') || self.closes_later(end))
            };
            if toggles {
                self.text(&rest[..at]);
                self.restyle(|b| b.highlight = !b.highlight);
            } else {
                self.text(&rest[..at + 2]);
            }
            rest = after;
        }
        self.text(rest);
    }

    /// Whether a `==` follows `from` in the same paragraph (before a blank line).
    fn closes_later(&self, from: usize) -> bool {
        let rest = self.src.get(from..).unwrap_or("");
        let end = rest.find("\n\n").unwrap_or(rest.len());
        rest[..end].contains("==")
    }

    /// `$tex$`: inline math, unless the closing `$` is followed by a digit (`$130K–$180K`
    /// are prices, as Obsidian reads them).
    fn inline_math(&mut self, tex: &str, end: usize) {
        let price = self.src.as_bytes().get(end).is_some_and(u8::is_ascii_digit);
        if price || self.code.is_some() || !self.links.is_empty() || self.in_html {
            self.text(&format!("${tex}$"));
            return;
        }
        self.ensure_leaf();
        self.flush();
        let inline = Inline::Math(Box::new(Math {
            tex: tex.to_owned(),
            text: tex_to_unicode(tex),
        }));
        self.push_inline(inline, self.line);
    }

    /// `$$tex$$`: a block of its own when it stands in a paragraph (splitting it), inline
    /// in headings and table cells.
    fn display_math(&mut self, tex: &str) {
        let in_paragraph = self
            .leaf
            .as_ref()
            .is_none_or(|l| l.kind == LeafKind::Paragraph);
        if !in_paragraph || self.code.is_some() || !self.links.is_empty() {
            self.inline_math(tex, 0);
            return;
        }
        self.close_leaf();
        if self.outline {
            self.push_block(Block::Rule);
            return;
        }
        let tex = tex.trim();
        self.push_block(Block::Math(Box::new(Math {
            tex: tex.to_owned(),
            text: tex_to_unicode(tex),
        })));
    }

    /// Handles HTML: a tag (inline), or the text of an HTML block.
    fn html(&mut self, html: &str) {
        if self.code.is_some() {
            self.text(html);
            return;
        }
        for token in tokens(html) {
            match token {
                Token::Text(t) => {
                    if self.html_style.hidden > 0 {
                        continue;
                    }
                    if self.in_html {
                        // Block HTML: line breaks are spaces, blank runs are nothing.
                        let collapsed: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
                        if collapsed.is_empty() {
                            if self.leaf.is_some() && !t.is_empty() {
                                self.text(" ");
                            }
                            continue;
                        }
                        if t.starts_with(char::is_whitespace) && self.leaf.is_some() {
                            self.text(" ");
                        }
                        self.text(&collapsed);
                        if t.ends_with(char::is_whitespace) {
                            self.text(" ");
                        }
                    } else {
                        self.text(t);
                    }
                }
                Token::Open { name, attrs } => self.open_tag(&name, attrs),
                Token::Close(name) => self.close_tag(&name),
                Token::Hidden => {}
            }
        }
    }

    /// An opening HTML tag.
    fn open_tag(&mut self, name: &str, attrs: &str) {
        match name {
            "br" => {
                self.ensure_leaf();
                self.line_break(Inline::HardBreak);
            }
            "b" | "strong" => self.restyle(|b| b.bold += 1),
            "i" | "em" => self.restyle(|b| b.italic += 1),
            "s" | "del" | "strike" => self.restyle(|b| b.strike += 1),
            "u" | "ins" => self.restyle(|b| b.html_style.underline += 1),
            "mark" => self.restyle(|b| b.html_style.mark += 1),
            "sub" => self.restyle(|b| b.html_style.sub += 1),
            "sup" => self.restyle(|b| b.html_style.sup += 1),
            "span" | "font" => {
                let color = tag_color(name, attrs);
                self.restyle(|b| b.html_style.colors.push(color));
            }
            "script" | "style" => self.html_style.hidden += 1,
            "img" => {
                let src = attribute(attrs, "src").unwrap_or("").to_owned();
                if src.is_empty() {
                    return;
                }
                let alt = attribute(attrs, "alt").unwrap_or("").to_owned();
                let width = attribute(attrs, "width").and_then(image_width);
                self.ensure_leaf();
                self.flush();
                let line = self.line;
                self.reference(ReferenceKind::Image, &src, line);
                self.push_inline(Inline::Image(Box::new(Image { src, alt, width })), line);
            }
            "details" => {
                self.close_leaf();
                if self.skipped == 0 && self.frames.len() <= MAX_DEPTH {
                    let kind = FrameKind::Details {
                        open: attribute(attrs, "open").is_some(),
                        summary: Vec::new(),
                    };
                    let frame = self.frame(kind);
                    self.frames.push(frame);
                }
            }
            "summary" => self.open_leaf(LeafKind::Summary),
            "p" | "div" | "center" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "tr"
            | "table" | "ul" | "ol" | "pre" | "blockquote" | "hr" | "section" | "article"
                if self.in_html =>
            {
                self.close_leaf();
            }
            "td" | "th" if self.leaf.is_some() => {
                self.text(" ");
            }
            _ => {}
        }
    }

    /// A closing HTML tag.
    fn close_tag(&mut self, name: &str) {
        let dec = |n: &mut u32| *n = n.saturating_sub(1);
        match name {
            "b" | "strong" => self.restyle(|b| dec(&mut b.bold)),
            "i" | "em" => self.restyle(|b| dec(&mut b.italic)),
            "s" | "del" | "strike" => self.restyle(|b| dec(&mut b.strike)),
            "u" | "ins" => self.restyle(|b| dec(&mut b.html_style.underline)),
            "mark" => self.restyle(|b| dec(&mut b.html_style.mark)),
            "sub" => self.restyle(|b| dec(&mut b.html_style.sub)),
            "sup" => self.restyle(|b| dec(&mut b.html_style.sup)),
            "span" | "font" => self.restyle(|b| {
                b.html_style.colors.pop();
            }),
            "script" | "style" => dec(&mut self.html_style.hidden),
            "summary"
                if self
                    .leaf
                    .as_ref()
                    .is_some_and(|l| l.kind == LeafKind::Summary) =>
            {
                self.close_leaf();
            }
            "details" => {
                self.close_leaf();
                if matches!(
                    self.frames.last(),
                    Some(Frame {
                        kind: FrameKind::Details { .. },
                        ..
                    })
                ) {
                    self.close_details();
                }
            }
            "p" | "div" | "center" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "tr"
            | "table" | "ul" | "ol" | "pre" | "blockquote" | "section" | "article"
                if self.in_html =>
            {
                self.close_leaf();
            }
            _ => {}
        }
    }

    /// Closes the `<details>` frame on top of the stack into its parent.
    fn close_details(&mut self) {
        if !matches!(
            self.frames.last(),
            Some(Frame {
                kind: FrameKind::Details { .. },
                ..
            })
        ) {
            return;
        }
        if let Some(Frame {
            kind: FrameKind::Details { open, summary },
            blocks,
            ..
        }) = self.frames.pop()
        {
            if self.outline {
                let anchors = self.anchors_from(blocks);
                self.push_block(Block::Quote(anchors));
                return;
            }
            let blocks = self.blocks.drain(blocks..).collect();
            self.push_block(Block::Details(Box::new(Details {
                summary: summary.into_boxed_slice(),
                blocks,
                open,
            })));
        }
    }

    /// Handles text.
    fn text(&mut self, t: &str) {
        if t.is_empty() {
            return;
        }
        if let Some((_, code)) = &mut self.code {
            if !self.outline {
                code.push_str(t);
            }
        } else if self.html_style.hidden > 0 {
        } else if let Some(link) = self.links.last_mut() {
            link.text.push_str(t);
        } else {
            self.ensure_leaf();
            let style = self.style();
            if style != self.buf_style {
                self.flush();
            }
            if self.buf.is_empty() {
                self.buf_style = style;
                self.buf_line = self.line;
            }
            self.buf.push_str(t);
        }
    }

    /// Handles `inline code`.
    fn code_span(&mut self, c: &str) {
        if let Some(link) = self.links.last_mut() {
            link.text.push_str(c);
        } else {
            self.ensure_leaf();
            self.flush();
            if self.outline {
                self.push_placeholder(Plain::Text(c), self.line);
            } else {
                self.push_inline(Inline::Code(c.into()), self.line);
            }
        }
    }

    /// Handles a soft or hard break.
    fn line_break(&mut self, inline: Inline) {
        if let Some(link) = self.links.last_mut() {
            link.text.push(' ');
        } else if self.leaf.is_some() {
            self.flush();
            self.push_inline(inline, self.line);
        }
    }

    /// Opens a link or image.
    fn open_link(&mut self, link_type: LinkType, url: &str, image: bool) {
        self.ensure_leaf();
        self.flush();
        let wiki = matches!(link_type, LinkType::WikiLink { .. });
        let kind = match (wiki, image) {
            (false, false) => LinkKind::Link,
            (false, true) => LinkKind::Image,
            (true, false) => LinkKind::Wiki,
            (true, true) => LinkKind::Embed,
        };
        self.links.push(OpenLink {
            kind,
            url: url.to_owned(),
            text: String::new(),
            line: self.line,
        });
    }

    /// Closes the innermost link or image, recording its reference.
    fn close_link(&mut self) {
        let Some(link) = self.links.pop() else {
            return;
        };
        let shows_text = matches!(link.kind, LinkKind::Link | LinkKind::Wiki);
        let (inline, shown) = self.link_inline(link);
        if let Some(outer) = self.links.last_mut() {
            outer.text.push_str(&shown);
        } else {
            let line = self.line;
            match inline {
                Some(inline) => self.push_inline(inline, line),
                None if shows_text => self.push_placeholder(Plain::Text(&shown), line),
                None => self.push_placeholder(Plain::Nothing, line),
            }
        }
    }

    /// The inline for a closed link (none in an outline: its references are recorded,
    /// nothing is built), and its text as shown inside an outer link.
    fn link_inline(&mut self, link: OpenLink) -> (Option<Inline>, String) {
        let OpenLink {
            kind,
            url,
            text,
            line,
        } = link;
        let outline = self.outline;
        match kind {
            LinkKind::Link if outline => (None, text),
            LinkKind::Link => (
                Some(Inline::Link(Box::new(Link {
                    url,
                    text: text.clone(),
                }))),
                text,
            ),
            LinkKind::Image => {
                self.reference(ReferenceKind::Image, &url, line);
                // Obsidian's `![alt|300](…)` and `![alt|300x200](…)` ask for a width.
                let (alt, width) = match text.rsplit_once('|') {
                    Some((alt, size))
                        if image_width(size.split('x').next().unwrap_or("")).is_some() =>
                    {
                        (
                            alt.trim().to_owned(),
                            image_width(size.split('x').next().unwrap_or("")),
                        )
                    }
                    _ => (text.clone(), None),
                };
                let image = (!outline).then(|| {
                    Inline::Image(Box::new(Image {
                        src: url,
                        alt: alt.clone(),
                        width,
                    }))
                });
                (image, alt)
            }
            LinkKind::Wiki => {
                self.reference(ReferenceKind::WikiLink, &url, line);
                let label = if text.trim().is_empty() {
                    url.clone()
                } else {
                    text
                };
                if outline {
                    return (None, label);
                }
                let target = wiki_target(&url);
                (
                    Some(Inline::WikiLink(Box::new(WikiLink {
                        target,
                        label: label.clone(),
                    }))),
                    label,
                )
            }
            LinkKind::Embed => {
                let target = wiki_target(&url);
                let kind = if is_image(&target.note) {
                    ReferenceKind::Image
                } else {
                    ReferenceKind::Embed
                };
                self.reference(kind, &url, line);
                let embed = (!outline).then(|| {
                    Inline::Embed(Box::new(Embed {
                        target,
                        width: embed_width(&text),
                        line,
                    }))
                });
                (embed, String::new())
            }
        }
    }

    /// Records a reference.
    fn reference(&mut self, kind: ReferenceKind, target: &str, line: usize) {
        self.doc.references.push(Reference {
            kind,
            target: target.to_owned(),
            line,
        });
    }

    /// Opens an inline run if none is open (the text of a tight list item has none).
    fn ensure_leaf(&mut self) {
        if self.leaf.is_none() {
            self.leaf = Some(Leaf {
                kind: LeafKind::Paragraph,
                line: self.line,
            });
            self.inlines.clear();
            self.last_text.clear();
            self.plain.clear();
            self.leaf_lines.clear();
            self.leaf_lines.push((0, self.prose_text.len()));
        }
    }

    /// Closes the open run and opens a new one of `kind`.
    fn open_leaf(&mut self, kind: LeafKind) {
        self.close_leaf();
        self.ensure_leaf();
        if let Some(leaf) = &mut self.leaf {
            leaf.kind = kind;
        }
    }

    /// Turns the pending text into inlines, splitting out `#tags`.
    fn flush(&mut self) {
        if self.buf.is_empty() {
            return;
        }
        // The buffer is handed back afterwards: one buffer for the whole note.
        let text = std::mem::take(&mut self.buf);
        let style = self.buf_style;
        let line = self.buf_line;
        let boundary = self.leaf.is_none() || self.after_space();
        split_text(&text, boundary, |piece| {
            if self.outline {
                let plain = match piece {
                    Piece::Text(text) => Plain::Styled(text, style),
                    Piece::Tag(tag) => {
                        self.add_tag(tag, line);
                        Plain::Tag(tag)
                    }
                    Piece::Url { text, .. } => Plain::Text(text),
                };
                self.push_placeholder(plain, line);
                return;
            }
            let inline = match piece {
                Piece::Text(text) => Inline::text(text, style),
                Piece::Tag(tag) => {
                    self.add_tag(tag, line);
                    Inline::Tag(tag.into())
                }
                Piece::Url { url, text } => Inline::Link(Box::new(Link {
                    url,
                    text: text.to_owned(),
                })),
            };
            self.push_inline(inline, line);
        });
        self.buf = text;
        self.buf.clear();
    }

    /// Records a body tag.
    fn add_tag(&mut self, tag: &str, line: usize) {
        if let Some(tier) = frequency::tier_from_tag(tag) {
            // A tag on a heading line belongs to that heading, which is only added to the
            // outline when the line closes.
            let heading = match self.leaf.as_ref().map(|l| &l.kind) {
                Some(LeafKind::Heading(_)) => Some(self.doc.headings.len()),
                _ => self.doc.headings.len().checked_sub(1),
            };
            self.doc
                .frequency_hints
                .push(hint(tier, heading, line, HintSource::Tag));
        }
        if !self.tag_set.contains(tag) {
            self.tag_set.insert(tag.to_owned());
            self.doc.tags.push(tag.to_owned());
        }
    }

    /// Appends an inline to the open run, keeping its plain text per line.
    fn push_inline(&mut self, inline: Inline, line: usize) {
        if self.outline {
            self.push_placeholder(Plain::of(&inline), line);
        } else if self.note_inline(Plain::of(&inline), line) {
            self.inlines.push(inline);
        }
    }

    /// In an outline, appends what an inline shows to the open run, keeping its plain text
    /// per line as [`Builder::push_inline`] does, and a placeholder that allocates nothing
    /// in its place: text without its text (kept in `last_text`), a tag without its name,
    /// anything else as empty code (no text, no word boundary after it, as a link or an
    /// image).
    fn push_placeholder(&mut self, plain: Plain<'_>, line: usize) {
        if !self.note_inline(plain, line) {
            return;
        }
        self.last_text.clear();
        let placeholder = match plain {
            // Block HTML's closing trim may remove its last text and expose the one before
            // (`<div><b>point ^id</b> </div>`): there (rare) text keeps its text.
            Plain::Styled(text, style) if self.in_html => {
                self.last_text.push_str(text);
                Inline::text(text, style)
            }
            Plain::Styled(text, style) => {
                self.last_text.push_str(text);
                Inline::Text {
                    text: Box::default(),
                    style,
                }
            }
            Plain::Tag(_) => Inline::Tag(Box::default()),
            Plain::Break(true) => Inline::HardBreak,
            Plain::Break(false) => Inline::SoftBreak,
            Plain::Text(_) | Plain::Nothing => Inline::Code(Box::default()),
        };
        self.inlines.push(placeholder);
    }

    /// Whether text after the open run's last inline starts at a word boundary.
    fn after_space(&self) -> bool {
        match self.inlines.last() {
            Some(Inline::Text { .. }) if self.outline => {
                self.last_text.ends_with(char::is_whitespace)
            }
            last => ends_with_space(last),
        }
    }

    /// Records what an inline adds to the open run's plain text (a heading's) and its
    /// lines of prose (a paragraph's); whether a run is open to take it.
    fn note_inline(&mut self, plain: Plain<'_>, line: usize) -> bool {
        let Some(leaf) = &self.leaf else {
            return false;
        };
        // Headings keep their plain text (the outline), paragraphs their lines (the prose
        // read for exam hints); nothing else needs a copy of the text.
        let heading = matches!(leaf.kind, LeafKind::Heading(_));
        let prose = leaf.kind == LeafKind::Paragraph;
        let text: &str = match plain {
            Plain::Styled(text, _) | Plain::Text(text) => text,
            // A heading's outline text (the topic title) leaves its tags out.
            Plain::Tag(_) if heading => "",
            Plain::Tag(tag) => tag,
            Plain::Break(_) => {
                if heading {
                    self.plain.push(' ');
                }
                if prose {
                    self.leaf_lines.push((0, self.prose_text.len()));
                }
                ""
            }
            Plain::Nothing => "",
        };
        if heading {
            self.plain.push_str(text);
        }
        if prose && let Some((at, _)) = self.leaf_lines.last_mut() {
            if *at == 0 && !text.is_empty() {
                *at = line;
            }
            if matches!(plain, Plain::Tag(_)) {
                self.prose_text.push('#');
            }
            // Folded once here: every reading of the prose is of folded words, and reads
            // folded text as it is (folding it again changes nothing).
            crate::text::fold_into(text, &mut self.prose_text);
        }
        true
    }

    /// Closes the open run, if any, into its block.
    fn close_leaf(&mut self) {
        self.flush();
        self.links.clear();
        self.highlight = false;
        let Some(leaf) = self.leaf.take() else {
            return;
        };
        // An outline's last text is only read here: it is put back for the two readings
        // below that may change it (one copy per run, when they can).
        if self.outline
            && (self.in_html || self.last_text.contains('^'))
            && let Some(Inline::Text { text, .. }) = self.inlines.last_mut()
        {
            *text = self.last_text.as_str().into();
        }
        if self.in_html {
            // The line break ending block HTML text is no content.
            if let Some(Inline::Text { text, .. }) = self.inlines.last_mut() {
                if text.trim_end().len() < text.len() {
                    *text = text.trim_end().into();
                }
                if text.is_empty() {
                    self.inlines.pop();
                }
            }
        }
        // A paragraph's lines stay in the prose only if the paragraph is kept.
        let prose_start = self
            .leaf_lines
            .first()
            .map_or(self.prose_text.len(), |l| l.1);
        let mut kept_prose = false;
        match leaf.kind {
            LeafKind::Paragraph => {
                // `text ^block-id`: the id is hidden and closes the paragraph.
                let anchor = block_anchor(&mut self.inlines);
                if !self.inlines.is_empty() {
                    self.record_prose();
                    kept_prose = true;
                    let block = self.leaf_block(Block::Paragraph);
                    self.push_block(block);
                }
                if let Some(id) = anchor {
                    self.push_block(Block::Anchor(id.into()));
                }
            }
            LeafKind::Summary if self.outline => {
                let in_details = self
                    .frames
                    .iter()
                    .any(|f| matches!(f.kind, FrameKind::Details { .. }));
                if !in_details && !self.inlines.is_empty() {
                    self.push_block(Block::Rule);
                }
            }
            LeafKind::Summary => {
                let inlines = self.take_inlines();
                let details = self
                    .frames
                    .iter_mut()
                    .rev()
                    .find_map(|f| match &mut f.kind {
                        FrameKind::Details { summary, .. } => Some(summary),
                        _ => None,
                    });
                match details {
                    Some(summary) => summary.extend(inlines.into_vec()),
                    None if !inlines.is_empty() => {
                        self.push_block(Block::Paragraph(inlines));
                    }
                    None => {}
                }
            }
            LeafKind::Heading(level) => {
                let index = self.doc.headings.len();
                self.doc.headings.push(Heading {
                    level,
                    text: self.plain.trim().to_owned(),
                    line: leaf.line,
                });
                let block = self.leaf_block(|content| Block::Heading {
                    level,
                    content,
                    index: u32::try_from(index).unwrap_or(u32::MAX),
                });
                self.push_block(block);
            }
            LeafKind::Cell if self.outline => {}
            LeafKind::Cell => {
                let inlines = self.take_inlines();
                if let Some(t) = &mut self.table {
                    t.row.push(inlines);
                }
            }
        }
        if !kept_prose {
            self.prose_text.truncate(prose_start);
        }
        self.leaf_lines.clear();
        self.inlines.clear();
        self.last_text.clear();
    }

    /// The block `make` builds of the open run's inlines, or in an outline its placeholder.
    fn leaf_block(&mut self, make: impl FnOnce(Inlines) -> Block) -> Block {
        if self.outline {
            Block::Rule
        } else {
            make(self.take_inlines())
        }
    }

    /// The open run's inlines, in a vector of exactly their number (the document is kept
    /// as long as the vault is open: no room for growth).
    fn take_inlines(&mut self) -> Inlines {
        self.inlines.drain(..).collect()
    }

    /// Keeps the open paragraph's lines for frequency detection.
    fn record_prose(&mut self) {
        let heading = self.doc.headings.len().checked_sub(1);
        // Shared by the paragraph's lines: one range per paragraph, not a list per line.
        let range = |ids: &mut Vec<usize>, frames: &[Frame], quote: bool| {
            let start = ids.len();
            ids.extend(frames.iter().filter_map(|f| match f.kind {
                FrameKind::Item { id, .. } if !quote => Some(id),
                FrameKind::Quote(id) if quote => Some(id),
                _ => None,
            }));
            start..ids.len()
        };
        let items = range(&mut self.scope_ids, &self.frames, false);
        let quotes = range(&mut self.scope_ids, &self.frames, true);
        let leaf = self.next_leaf;
        self.next_leaf += 1;
        let end = self.prose_text.len();
        for (i, &(line, start)) in self.leaf_lines.iter().enumerate() {
            let stop = self.leaf_lines.get(i + 1).map_or(end, |l| l.1);
            if self.prose_text[start..stop].trim().is_empty() {
                continue;
            }
            self.prose.push(ProseLine {
                heading,
                line,
                text: start..stop,
                items: items.clone(),
                quotes: quotes.clone(),
                leaf,
                first: i == 0,
            });
        }
    }

    /// Closes the open table into a block.
    fn close_table(&mut self) {
        self.close_leaf();
        let Some(t) = self.table.take() else {
            return;
        };
        if self.outline {
            self.push_block(Block::Rule);
        } else {
            self.push_block(Block::Table(Box::new(Table {
                align: t.align.into_boxed_slice(),
                header: t.header,
                rows: t.rows.into_boxed_slice(),
            })));
        }
    }

    /// Adds a block to the innermost container.
    fn push_block(&mut self, block: Block) {
        let Some(frame) = self.frames.last() else {
            return;
        };
        if let FrameKind::List(_) = frame.kind {
            if self.items.len() <= frame.items {
                self.items.push(ListItem {
                    task: None,
                    blocks: Blocks::default(),
                });
            }
            // A block straight in a list (not in an item): rare, so the item's blocks
            // are copied to add it.
            if let Some(item) = self.items.last_mut() {
                let mut blocks = std::mem::take(&mut item.blocks).into_vec();
                blocks.push(block);
                item.blocks = blocks.into_boxed_slice();
            }
        } else {
            self.blocks.push(block);
            if self.frames.len() == 1 {
                let line = self.top_start.take().unwrap_or(self.line);
                self.doc
                    .block_lines
                    .push(u32::try_from(line).unwrap_or(u32::MAX));
            }
        }
    }

    /// A container of `kind` starting at the top of the shared stacks.
    fn frame(&self, kind: FrameKind) -> Frame {
        Frame {
            kind,
            blocks: self.blocks.len(),
            items: self.items.len(),
        }
    }

    /// Opens a container, or counts it as skipped beyond [`MAX_DEPTH`].
    fn push_frame(&mut self, kind: FrameKind) {
        self.close_leaf();
        if self.skipped > 0 || self.frames.len() > MAX_DEPTH {
            self.skipped += 1;
        } else {
            let frame = self.frame(kind);
            self.frames.push(frame);
        }
    }

    /// Closes the innermost container into its parent (and the `<details>` left open in
    /// it first).
    fn pop_frame(&mut self) {
        if self.skipped > 0 {
            self.skipped -= 1;
            return;
        }
        while matches!(
            self.frames.last(),
            Some(Frame {
                kind: FrameKind::Details { .. },
                ..
            })
        ) && self.frames.len() > 1
        {
            self.close_details();
        }
        if self.frames.len() <= 1 {
            return;
        }
        let Some(frame) = self.frames.pop() else {
            return;
        };
        let in_list = matches!(
            self.frames.last(),
            Some(Frame {
                kind: FrameKind::List(_),
                ..
            })
        );
        // In an outline, a container is kept as a quote of the anchors it holds, in order
        // (what `Document::list_anchors` reads of it): most hold none, and allocate
        // nothing. An item outside a list hands its blocks to its parent: they stay.
        if self.outline && (in_list || !matches!(frame.kind, FrameKind::Item { .. })) {
            let anchors = self.anchors_from(frame.blocks);
            match frame.kind {
                FrameKind::Root => {}
                FrameKind::List(_) => {
                    let anchors: Blocks = self
                        .items
                        .drain(frame.items..)
                        .flat_map(|item| item.blocks.into_vec())
                        .flat_map(anchors_in)
                        .collect();
                    self.push_block(Block::Quote(anchors));
                }
                FrameKind::Item { task, .. } => self.items.push(ListItem {
                    task,
                    blocks: anchors,
                }),
                FrameKind::Details { .. } | FrameKind::Quote(_) => {
                    self.push_block(Block::Quote(anchors));
                }
            }
            return;
        }
        let blocks: Vec<Block> = self.blocks.drain(frame.blocks..).collect();
        match frame.kind {
            FrameKind::Root => {}
            FrameKind::Details { open, summary } => {
                self.push_block(Block::Details(Box::new(Details {
                    summary: summary.into_boxed_slice(),
                    blocks: blocks.into_boxed_slice(),
                    open,
                })));
            }
            FrameKind::Quote(_) => self.push_block(quote_block(blocks)),
            FrameKind::List(start) => {
                let items = self.items.drain(frame.items..).collect();
                self.push_block(Block::List { start, items });
            }
            FrameKind::Item { task, .. } => {
                let item = ListItem {
                    task,
                    blocks: blocks.into_boxed_slice(),
                };
                match self.frames.last() {
                    Some(Frame {
                        kind: FrameKind::List(_),
                        ..
                    }) => self.items.push(item),
                    _ => {
                        for block in item.blocks.into_vec() {
                            self.push_block(block);
                        }
                    }
                }
            }
        }
    }

    /// In an outline, the anchors among the blocks from `start` on (drained): those blocks
    /// and, in order, those of the containers among them (already reduced to their
    /// anchors).
    fn anchors_from(&mut self, start: usize) -> Blocks {
        self.blocks.drain(start..).flat_map(anchors_in).collect()
    }

    /// Closes everything and returns the document.
    pub(super) fn finish(mut self) -> Document {
        self.close_leaf();
        self.code = None;
        self.in_html = false;
        self.close_table();
        self.skipped = 0;
        while self.frames.len() > 1 {
            self.pop_frame();
        }
        let mut doc = std::mem::take(&mut self.doc);
        doc.blocks = std::mem::take(&mut self.blocks);
        doc.blocks.shrink_to_fit();
        // One start line per top-level block, whatever path a block took to the root.
        let last = doc.block_lines.last().copied().unwrap_or(1);
        doc.block_lines.resize(doc.blocks.len(), last);
        doc.block_lines.shrink_to_fit();
        doc.references.shrink_to_fit();
        let hints = text_hints(
            &self.prose,
            &self.prose_text,
            &self.scope_ids,
            &doc.headings,
        );
        doc.frequency_hints.extend(hints);
        doc.list_anchors();
        if self.outline {
            doc.blocks = Vec::new();
        }
        doc
    }
}

/// In an outline, the anchors `block` is or holds: itself if it is one, those of a
/// container (kept as a quote of its anchors), none for a leaf block's placeholder.
fn anchors_in(block: Block) -> Vec<Block> {
    match block {
        Block::Anchor(_) => vec![block],
        Block::Quote(anchors) => anchors.into_vec(),
        _ => Vec::new(),
    }
}

/// A width in points from `300`, `300px` or `300.5`; percentages and nonsense give `None`.
fn image_width(value: &str) -> Option<f32> {
    let v = value.trim();
    let v = v.strip_suffix("px").unwrap_or(v).trim();
    v.parse::<f32>()
        .ok()
        .filter(|w| w.is_finite() && *w >= 1.0)
        .map(|w| w.min(4096.0))
}

/// `HeadingLevel` as a number.
fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// pulldown-cmark's alignment as ours.
fn convert_align(a: Alignment) -> Align {
    match a {
        Alignment::None => Align::None,
        Alignment::Left => Align::Left,
        Alignment::Center => Align::Center,
        Alignment::Right => Align::Right,
    }
}

#[cfg(test)]
mod tests {
    use crate::notes::doc::*;
    use crate::notes::parse::test_support::*;
    use crate::notes::parse::{MAX_DEPTH, ParseOptions, parse, parse_with};

    #[test]
    fn seed_saa_outline() {
        let doc = parse(SAA);
        let names: Vec<&str> = doc.headings.iter().map(|h| h.text.as_str()).collect();
        assert_eq!(names[0], "Other Services");
        assert_eq!(names.len(), 11);
        assert_eq!(doc.headings[1].line, 3);
        assert_eq!(doc.headings[1].level, 2);
        let Some(Block::Table(table)) = doc.blocks.iter().find(|b| matches!(b, Block::Table(_)))
        else {
            panic!("no table");
        };
        let Table {
            align,
            header,
            rows,
        } = &**table;
        assert_eq!(align.len(), 3);
        assert_eq!(header.len(), 3);
        assert_eq!(rows.len(), 5);
        assert_eq!(plain(&header[1]), "AWS Lambda");
    }

    #[test]
    fn markdown_image_and_link() {
        let doc = parse("See ![alt text](img/a.png) and [site](https://x.y/#frag).");
        let Block::Paragraph(inl) = &doc.blocks[0] else {
            panic!();
        };
        assert!(inl.contains(&Inline::image("img/a.png", "alt text")));
        assert!(inl.contains(&Inline::link("https://x.y/#frag", "site")));
        assert_eq!(doc.references.len(), 1);
        assert!(doc.tags.is_empty());
    }

    #[test]
    fn lists_ordered_nested_tasks() {
        let doc = parse("3. three\n4. four\n\t- nested\n\t\t- deeper\n\n- [ ] todo\n- [x] done\n");
        let Block::List { start, items } = &doc.blocks[0] else {
            panic!("{:?}", doc.blocks);
        };
        assert_eq!(*start, Some(3));
        assert_eq!(items.len(), 2);
        let Some(Block::List {
            start: None,
            items: nested,
        }) = items[1].blocks.get(1)
        else {
            panic!("{:?}", items[1]);
        };
        assert!(matches!(nested[0].blocks.get(1), Some(Block::List { .. })));
        let Block::List { items: tasks, .. } = &doc.blocks[1] else {
            panic!("{:?}", doc.blocks);
        };
        assert_eq!(tasks[0].task, Some(false));
        assert_eq!(tasks[1].task, Some(true));
    }

    #[test]
    fn styles_code_rules_html_breaks() {
        let doc = parse_with(
            "***~~all~~*** x  \ny\nz\n\n```rust\nfn a() {}\n```\n\n    indented\n\n***\n\n<div>hi</div>\n",
            ParseOptions {
                strict_line_breaks: true,
            },
        );
        let Block::Paragraph(inl) = &doc.blocks[0] else {
            panic!();
        };
        assert_eq!(
            inl[0],
            Inline::Text {
                text: "all".into(),
                style: Style::default()
                    .with(StyleFlag::Bold)
                    .with(StyleFlag::Italic)
                    .with(StyleFlag::Strike)
            }
        );
        assert!(inl.contains(&Inline::HardBreak));
        assert!(inl.contains(&Inline::SoftBreak));
        assert_eq!(
            doc.blocks[1],
            Block::CodeBlock(Box::new(CodeBlock {
                lang: "rust".into(),
                code: "fn a() {}".into()
            }))
        );
        assert_eq!(
            doc.blocks[2],
            Block::CodeBlock(Box::new(CodeBlock {
                lang: String::new(),
                code: "indented".into()
            }))
        );
        assert_eq!(doc.blocks[3], Block::Rule);
        // An HTML block shows its text, never its tags.
        assert_eq!(
            doc.blocks[4],
            Block::Paragraph(Box::new([Inline::text("hi", Style::default())]))
        );
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        let bytes: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
        let garbage = String::from_utf8_lossy(&bytes).into_owned();
        let inputs = [
            "",
            "---",
            "---\n",
            "---\nkey: [unclosed\n- x",
            "[[",
            "![[]]",
            "[[#]]",
            "[[|]]",
            "![[|]]",
            "> [!",
            "> [!]",
            "> [!note",
            "#",
            "# ",
            "- [ ]",
            "\t\t\t- x\n```\n\t- y",
            "| a |\n|---|\n| b | c |",
            "1234567890. x",
            "\u{feff}---\na: b\n---\n",
            "\r\n\r\n- a\r\n\t- b\r\n",
            garbage.as_str(),
        ];
        for input in inputs {
            let _ = parse(input);
        }
        assert!(parse("").blocks.is_empty());
        let empty_embed = parse("![[]]");
        assert!(format!("{empty_embed:?}").len() > 10);
    }

    #[test]
    fn deep_quotes_are_capped() {
        on_small_stack(|| {
            let text = format!("{}deep", ">".repeat(10_000));
            let doc = parse(&text);
            assert!(depth(&doc.blocks) <= MAX_DEPTH + 1);
            assert!(format!("{doc:?}").contains("deep"));
            drop(doc);
        });
    }

    #[test]
    fn deep_lists_are_capped() {
        on_small_stack(|| {
            let one_line = format!("{}x", "- ".repeat(10_000));
            let ordered = format!("{}y", "1. ".repeat(10_000));
            let indented: String = (0..2_000).fold(String::new(), |mut s, i| {
                s.push_str(&"\t".repeat(i));
                s.push_str("- z\n");
                s
            });
            let mixed = format!("{}w", "> - ".repeat(5_000));
            for text in [one_line, ordered, indented, mixed] {
                let doc = parse(&text);
                assert!(
                    depth(&doc.blocks) <= MAX_DEPTH + 1,
                    "{}",
                    depth(&doc.blocks)
                );
                drop(doc);
            }
        });
    }
}
