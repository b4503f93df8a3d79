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

use std::collections::HashSet;

use pulldown_cmark::{
    Alignment, CodeBlockKind, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd,
};

use crate::frequency::{self, Tier};
use crate::notes::doc::{
    Align, Block, Callout, CalloutKind, Document, Embed, FmValue, Fold, FrequencyHint, Frontmatter,
    Heading, HintSource, Inline, ListItem, Reference, ReferenceKind, Style, WikiTarget,
};
use crate::text::fold;

/// The deepest container nesting (quotes, lists, items) kept in the tree; deeper containers
/// are flattened into the container at this depth.
pub const MAX_DEPTH: usize = 32;

/// File extensions that make an `![[embed]]` an image.
const IMAGE_EXTENSIONS: [&str; 7] = ["png", "jpg", "jpeg", "gif", "svg", "webp", "bmp"];

/// Frontmatter keys holding an exam-frequency tier (folded).
const FREQUENCY_KEYS: [&str; 3] = ["frequence", "frequency", "exam-frequency"];

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

// ---------------------------------------------------------------------------------------
// Frontmatter

/// The frontmatter split off a note.
struct FmSplit {
    /// The entries and the 1-based line of each.
    frontmatter: Option<(Frontmatter, Vec<usize>)>,
    /// Byte offset of the body in the original text.
    body_start: usize,
    /// 1-based line of the body's first line.
    body_first_line: usize,
}

/// Splits a leading `---` … `---` block off `text`, if it is closed.
fn split_frontmatter(text: &str) -> FmSplit {
    let none = FmSplit {
        frontmatter: None,
        body_start: 0,
        body_first_line: 1,
    };
    let mut lines = text.split_inclusive('\n');
    let Some(first) = lines.next() else {
        return none;
    };
    if first.trim_start_matches('\u{feff}').trim_end() != "---" {
        return none;
    }
    let mut offset = first.len();
    let mut inner = Vec::new();
    for (i, line) in lines.enumerate() {
        let line_no = i + 2;
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            return FmSplit {
                frontmatter: Some(parse_yaml(&inner)),
                body_start: offset + line.len(),
                body_first_line: line_no + 1,
            };
        }
        inner.push((line_no, line));
        offset += line.len();
    }
    none
}

/// Removes one pair of matching quotes around `s`.
fn unquote(s: &str) -> String {
    let s = s.trim();
    for q in ['"', '\''] {
        if let Some(inner) = s.strip_prefix(q).and_then(|r| r.strip_suffix(q)) {
            return inner.to_owned();
        }
    }
    s.to_owned()
}

/// Reads the simple YAML subset notes use: `key: value`, `key: [a, b]`, `key:` + `- item`.
fn parse_yaml(lines: &[(usize, &str)]) -> (Frontmatter, Vec<usize>) {
    let mut fm = Frontmatter::default();
    let mut at = Vec::new();
    for &(line_no, raw) in lines {
        let line = raw.trim_end();
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if let Some(item) = trimmed
            .strip_prefix('-')
            .filter(|r| r.is_empty() || r.starts_with(' '))
        {
            push_yaml_item(&mut fm, unquote(item));
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let key = unquote(key);
        if key.is_empty() || line.starts_with([' ', '\t']) {
            continue;
        }
        let value = value.trim();
        let value = match value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
            Some(list) => FmValue::List(
                list.split(',')
                    .map(unquote)
                    .filter(|s| !s.is_empty())
                    .collect(),
            ),
            None => FmValue::Text(unquote(value)),
        };
        fm.entries.push((key, value));
        at.push(line_no);
    }
    (fm, at)
}

/// Adds a `- item` line to the last key (turning an empty `key:` into a list).
fn push_yaml_item(fm: &mut Frontmatter, item: String) {
    let Some((_, value)) = fm.entries.last_mut() else {
        return;
    };
    match value {
        FmValue::List(items) => items.push(item),
        FmValue::Text(t) if t.is_empty() => *value = FmValue::List(vec![item]),
        FmValue::Text(_) => {}
    }
}

/// Adds the frontmatter `tags:` and frequency keys to `doc`.
fn apply_frontmatter(doc: &mut Document, fm: &Frontmatter, lines: &[usize]) {
    let mut fm_tags = Vec::new();
    for (i, (key, value)) in fm.entries.iter().enumerate() {
        let line = lines.get(i).copied().unwrap_or(1);
        let key = fold(key);
        let values: Vec<&str> = match value {
            FmValue::Text(t) => vec![t.as_str()],
            FmValue::List(items) => items.iter().map(String::as_str).collect(),
        };
        if key == "tags" || key == "tag" {
            for v in &values {
                for tag in v
                    .split([',', ' '])
                    .map(|t| t.trim().trim_start_matches('#'))
                {
                    if !tag.is_empty() {
                        fm_tags.push((tag.to_owned(), line));
                    }
                }
            }
        } else if FREQUENCY_KEYS.contains(&key.as_str())
            && let Some(tier) = values.iter().find_map(|v| frequency::tier_from_value(v))
        {
            doc.frequency_hints
                .push(hint(tier, None, line, HintSource::Frontmatter));
        }
    }
    let mut seen: HashSet<String> = doc.tags.iter().cloned().collect();
    for (tag, line) in fm_tags {
        if let Some(tier) = frequency::tier_from_tag(&tag) {
            doc.frequency_hints
                .push(hint(tier, None, line, HintSource::Tag));
        }
        if seen.insert(tag.clone()) {
            doc.tags.push(tag);
        }
    }
}

/// Shorthand for a [`FrequencyHint`].
fn hint(tier: Tier, heading: Option<usize>, line: usize, source: HintSource) -> FrequencyHint {
    FrequencyHint {
        tier,
        heading,
        line,
        source,
    }
}

// ---------------------------------------------------------------------------------------
// List re-indentation

/// A list item open while re-indenting.
struct OpenItem {
    /// Column of the marker in the original text.
    indent: usize,
    /// Column of the content in the original text.
    content: usize,
    /// Column of the content in the output.
    new_content: usize,
}

/// A fenced code block open while re-indenting.
struct OpenFence {
    /// `` ` `` or `~`.
    marker: char,
    /// Length of the opening fence.
    len: usize,
    /// Columns added (or removed) to each line.
    shift: isize,
}

/// Leading whitespace of `line`: its length in bytes and its visual width (tabs stop every
/// 4 columns).
fn leading_ws(line: &str) -> (usize, usize) {
    let mut col = 0;
    let mut bytes = 0;
    for c in line.chars() {
        match c {
            ' ' => col += 1,
            '\t' => col = (col / 4 + 1) * 4,
            _ => break,
        }
        bytes += 1;
    }
    (bytes, col)
}

/// Width of the list marker at the start of `rest` and of the whitespace after it (in
/// columns, starting at `col`), if `rest` starts a list item.
fn list_marker(rest: &str, col: usize) -> Option<(usize, usize)> {
    let bytes = rest.as_bytes();
    let marker = match bytes.first()? {
        b'-' | b'*' | b'+' => 1,
        b'0'..=b'9' => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            if digits > 9 || !matches!(bytes.get(digits), Some(b'.' | b')')) {
                return None;
            }
            digits + 1
        }
        _ => return None,
    };
    let after = rest.get(marker..)?;
    if !(after.is_empty() || after.starts_with([' ', '\t', '\n', '\r'])) || is_rule(rest) {
        return None;
    }
    let (_, end) = leading_ws_from(after, col + marker);
    let gap = end - (col + marker);
    let blank = after.trim().is_empty();
    Some((marker, if blank || gap > 4 { 1 } else { gap.max(1) }))
}

/// Visual column after the leading whitespace of `s`, which starts at column `col`.
fn leading_ws_from(s: &str, mut col: usize) -> (usize, usize) {
    let mut bytes = 0;
    for c in s.chars() {
        match c {
            ' ' => col += 1,
            '\t' => col = (col / 4 + 1) * 4,
            _ => break,
        }
        bytes += 1;
    }
    (bytes, col)
}

/// Whether `rest` is a thematic break (`---`, `* * *`).
fn is_rule(rest: &str) -> bool {
    let t = rest.trim();
    let Some(first) = t.chars().next() else {
        return false;
    };
    matches!(first, '-' | '*' | '_')
        && t.chars().all(|c| c == first || c == ' ' || c == '\t')
        && t.chars().filter(|&c| c == first).count() >= 3
}

/// The opening fence at the start of `rest`, if any.
fn fence_start(rest: &str) -> Option<(char, usize)> {
    let marker = rest.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let len = rest.chars().take_while(|&c| c == marker).count();
    (len >= 3).then_some((marker, len))
}

/// Re-indents list lines so that Obsidian's tab-based nesting (a tab per level, often
/// followed by spaces) nests as CommonMark lists instead of becoming indented code: each
/// item is moved to its parent's content column. Only leading whitespace changes, so line
/// numbers are kept.
fn reindent_lists(body: &str) -> String {
    let mut out = String::with_capacity(body.len() + body.len() / 8);
    let mut stack: Vec<OpenItem> = Vec::new();
    let mut fence: Option<OpenFence> = None;
    for line in body.split_inclusive('\n') {
        let (ws, col) = leading_ws(line);
        let rest = line.get(ws..).unwrap_or("");
        if let Some(f) = &fence {
            let new_col = col.saturating_add_signed(f.shift);
            push_indented(&mut out, new_col, rest);
            let t = rest.trim_end();
            if t.len() >= f.len && t.chars().all(|c| c == f.marker) {
                fence = None;
            }
            continue;
        }
        if rest.trim().is_empty() {
            out.push_str(line);
            continue;
        }
        while stack.last().is_some_and(|it| it.indent >= col) {
            stack.pop();
        }
        let new_col = match list_marker(rest, col) {
            Some((marker, gap)) => {
                let new_col = stack.last().map_or(col, |p| p.new_content);
                stack.push(OpenItem {
                    indent: col,
                    content: col + marker + gap,
                    new_content: new_col + marker + gap,
                });
                new_col
            }
            None if col == 0 => {
                stack.clear();
                0
            }
            None => stack.last().map_or(col, |p| {
                let extra = col.saturating_sub(p.content);
                p.new_content + if extra >= 4 { extra } else { 0 }
            }),
        };
        if let Some((marker, len)) = fence_start(rest) {
            let shift = isize::try_from(new_col).unwrap_or(0) - isize::try_from(col).unwrap_or(0);
            fence = Some(OpenFence { marker, len, shift });
        }
        push_indented(&mut out, new_col, rest);
    }
    out
}

/// Appends `col` spaces and `rest`.
fn push_indented(out: &mut String, col: usize, rest: &str) {
    out.extend(std::iter::repeat_n(' ', col));
    out.push_str(rest);
}

// ---------------------------------------------------------------------------------------
// Lines

/// Maps byte offsets of the parsed body to 1-based lines of the original file.
struct LineMap {
    /// Offsets of every `\n` in the body.
    newlines: Vec<usize>,
    /// Line of the body's first line.
    first: usize,
}

impl LineMap {
    /// Indexes `body`, whose first line is line `first` of the file.
    fn new(body: &str, first: usize) -> Self {
        let newlines = body
            .bytes()
            .enumerate()
            .filter(|(_, b)| *b == b'\n')
            .map(|(i, _)| i)
            .collect();
        Self { newlines, first }
    }

    /// The line holding byte `offset`.
    fn line(&self, offset: usize) -> usize {
        self.first + self.newlines.partition_point(|&p| p < offset)
    }
}

// ---------------------------------------------------------------------------------------
// Tree building

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
}

/// An open container and what it holds so far.
struct Frame {
    /// What it is.
    kind: FrameKind,
    /// Child blocks (all kinds but lists).
    blocks: Vec<Block>,
    /// Items (lists).
    items: Vec<ListItem>,
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
}

/// An open inline run.
struct Leaf {
    /// What it is.
    kind: LeafKind,
    /// Inlines so far.
    inlines: Vec<Inline>,
    /// Plain text so far.
    plain: String,
    /// Plain text per line, with the line number (0 until known).
    lines: Vec<(usize, String)>,
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
    header: Vec<Vec<Inline>>,
    /// Finished rows.
    rows: Vec<Vec<Vec<Inline>>>,
    /// Cells of the row being read.
    row: Vec<Vec<Inline>>,
}

/// One line of prose, kept for exam-frequency detection.
struct ProseLine {
    /// Heading it is under.
    heading: Option<usize>,
    /// 1-based line.
    line: usize,
    /// Plain text.
    text: String,
    /// Ids of the list items it is inside, outermost first.
    items: Vec<usize>,
    /// Ids of the block quotes (callouts) it is inside, outermost first.
    quotes: Vec<usize>,
    /// Id of its paragraph.
    leaf: usize,
    /// Whether it is the paragraph's first line.
    first: bool,
}

/// Turns pulldown-cmark events into a [`Document`] with an explicit stack.
struct Builder {
    /// Offset → line.
    lines: LineMap,
    /// Line of the current event.
    line: usize,
    /// Open containers, the root first.
    frames: Vec<Frame>,
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
    /// The open HTML block.
    html: Option<String>,
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
}

impl Builder {
    /// A builder for a body indexed by `lines`.
    fn new(lines: LineMap) -> Self {
        let line = lines.first;
        Self {
            lines,
            line,
            frames: vec![Frame::new(FrameKind::Root)],
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
            html: None,
            doc: Document::default(),
            tag_set: HashSet::new(),
            prose: Vec::new(),
            next_item: 0,
            next_leaf: 0,
        }
    }

    /// Feeds one event starting at byte `offset` of the body.
    fn event(&mut self, event: Event<'_>, offset: usize) {
        self.line = self.lines.line(offset);
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(end) => self.end(end),
            Event::Text(t) | Event::InlineMath(t) | Event::DisplayMath(t) => self.text(&t),
            Event::Code(c) => self.code_span(&c),
            Event::Html(h) => match &mut self.html {
                Some(html) => html.push_str(&h),
                None => self.text(&h),
            },
            Event::InlineHtml(h) if is_br(&h) => self.line_break(Inline::HardBreak),
            Event::InlineHtml(h) => self.text(&h),
            Event::FootnoteReference(r) => self.text(&format!("[^{r}]")),
            Event::SoftBreak => self.line_break(Inline::SoftBreak),
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
                self.html = Some(String::new());
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
                    if code.ends_with('\n') {
                        code.pop();
                    }
                    self.push_block(Block::CodeBlock { lang, code });
                }
            }
            TagEnd::HtmlBlock => {
                if let Some(html) = self.html.take() {
                    self.push_block(Block::Html(html.trim_end().to_owned()));
                }
            }
            TagEnd::Table => self.close_table(),
            TagEnd::TableHead => {
                if let Some(t) = &mut self.table {
                    t.header = std::mem::take(&mut t.row);
                }
            }
            TagEnd::TableRow => {
                if let Some(t) = &mut self.table {
                    let row = std::mem::take(&mut t.row);
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
        Style {
            bold: self.bold > 0,
            italic: self.italic > 0,
            strike: self.strike > 0,
        }
    }

    /// Handles text.
    fn text(&mut self, t: &str) {
        if let Some((_, code)) = &mut self.code {
            code.push_str(t);
        } else if let Some(html) = &mut self.html {
            html.push_str(t);
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
            self.push_inline(Inline::Code(c.to_owned()), self.line);
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
        let (inline, shown) = self.link_inline(link);
        match self.links.last_mut() {
            Some(outer) => outer.text.push_str(&shown),
            None => {
                let line = self.line;
                self.push_inline(inline, line);
            }
        }
    }

    /// The inline for a closed link, and its text as shown inside an outer link.
    fn link_inline(&mut self, link: OpenLink) -> (Inline, String) {
        let OpenLink {
            kind,
            url,
            text,
            line,
        } = link;
        match kind {
            LinkKind::Link => (
                Inline::Link {
                    url,
                    text: text.clone(),
                },
                text,
            ),
            LinkKind::Image => {
                self.reference(ReferenceKind::Image, &url, line);
                (
                    Inline::Image {
                        src: url,
                        alt: text.clone(),
                    },
                    text,
                )
            }
            LinkKind::Wiki => {
                self.reference(ReferenceKind::WikiLink, &url, line);
                let label = if text.trim().is_empty() {
                    url.clone()
                } else {
                    text
                };
                let target = wiki_target(&url);
                (
                    Inline::WikiLink {
                        target,
                        label: label.clone(),
                    },
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
                let width = embed_width(&text);
                (
                    Inline::Embed(Embed {
                        target,
                        width,
                        line,
                    }),
                    String::new(),
                )
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
                inlines: Vec::new(),
                plain: String::new(),
                lines: vec![(0, String::new())],
                line: self.line,
            });
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
        let text = std::mem::take(&mut self.buf);
        let style = self.buf_style;
        let line = self.buf_line;
        let boundary = self
            .leaf
            .as_ref()
            .is_none_or(|l| ends_with_space(l.inlines.last()));
        for piece in split_tags(&text, boundary) {
            let inline = match piece {
                Piece::Text(text) => Inline::Text { text, style },
                Piece::Tag(tag) => {
                    self.add_tag(&tag, line);
                    Inline::Tag(tag)
                }
            };
            self.push_inline(inline, line);
        }
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
        if self.tag_set.insert(tag.to_owned()) {
            self.doc.tags.push(tag.to_owned());
        }
    }

    /// Appends an inline to the open run, keeping its plain text per line.
    fn push_inline(&mut self, inline: Inline, line: usize) {
        let Some(leaf) = &mut self.leaf else {
            return;
        };
        let plain: &str = match &inline {
            Inline::Text { text, .. } | Inline::Code(text) | Inline::Link { text, .. } => text,
            Inline::WikiLink { label, .. } => label,
            // A heading's outline text (the topic title) leaves its tags out.
            Inline::Tag(_) if matches!(leaf.kind, LeafKind::Heading(_)) => "",
            Inline::Tag(tag) => {
                leaf.plain.push('#');
                tag
            }
            Inline::SoftBreak | Inline::HardBreak => {
                leaf.plain.push(' ');
                leaf.lines.push((0, String::new()));
                ""
            }
            Inline::Image { .. } | Inline::Embed(_) => "",
        };
        leaf.plain.push_str(plain);
        if let Some((at, text)) = leaf.lines.last_mut() {
            if *at == 0 && !plain.is_empty() {
                *at = line;
            }
            if matches!(inline, Inline::Tag(_)) {
                text.push('#');
            }
            text.push_str(plain);
        }
        leaf.inlines.push(inline);
    }

    /// Closes the open run, if any, into its block.
    fn close_leaf(&mut self) {
        self.flush();
        self.links.clear();
        let Some(leaf) = self.leaf.take() else {
            return;
        };
        match leaf.kind {
            LeafKind::Paragraph => {
                if leaf.inlines.is_empty() {
                    return;
                }
                self.record_prose(leaf.lines);
                self.push_block(Block::Paragraph(leaf.inlines));
            }
            LeafKind::Heading(level) => {
                let index = self.doc.headings.len();
                self.doc.headings.push(Heading {
                    level,
                    text: leaf.plain.trim().to_owned(),
                    line: leaf.line,
                });
                self.push_block(Block::Heading {
                    level,
                    content: leaf.inlines,
                    index,
                });
            }
            LeafKind::Cell => {
                if let Some(t) = &mut self.table {
                    t.row.push(leaf.inlines);
                }
            }
        }
    }

    /// Keeps a paragraph's lines for frequency detection.
    fn record_prose(&mut self, lines: Vec<(usize, String)>) {
        let heading = self.doc.headings.len().checked_sub(1);
        let items: Vec<usize> = self
            .frames
            .iter()
            .filter_map(|f| match f.kind {
                FrameKind::Item { id, .. } => Some(id),
                _ => None,
            })
            .collect();
        let quotes: Vec<usize> = self
            .frames
            .iter()
            .filter_map(|f| match f.kind {
                FrameKind::Quote(id) => Some(id),
                _ => None,
            })
            .collect();
        let leaf = self.next_leaf;
        self.next_leaf += 1;
        for (i, (line, text)) in lines.into_iter().enumerate() {
            if text.trim().is_empty() {
                continue;
            }
            self.prose.push(ProseLine {
                heading,
                line,
                text,
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
        if let Some(t) = self.table.take() {
            self.push_block(Block::Table {
                align: t.align,
                header: t.header,
                rows: t.rows,
            });
        }
    }

    /// Adds a block to the innermost container.
    fn push_block(&mut self, block: Block) {
        let Some(frame) = self.frames.last_mut() else {
            return;
        };
        if let FrameKind::List(_) = frame.kind {
            if frame.items.is_empty() {
                frame.items.push(ListItem {
                    task: None,
                    blocks: Vec::new(),
                });
            }
            if let Some(item) = frame.items.last_mut() {
                item.blocks.push(block);
            }
        } else {
            frame.blocks.push(block);
        }
    }

    /// Opens a container, or counts it as skipped beyond [`MAX_DEPTH`].
    fn push_frame(&mut self, kind: FrameKind) {
        self.close_leaf();
        if self.skipped > 0 || self.frames.len() > MAX_DEPTH {
            self.skipped += 1;
        } else {
            self.frames.push(Frame::new(kind));
        }
    }

    /// Closes the innermost container into its parent.
    fn pop_frame(&mut self) {
        if self.skipped > 0 {
            self.skipped -= 1;
            return;
        }
        if self.frames.len() <= 1 {
            return;
        }
        let Some(frame) = self.frames.pop() else {
            return;
        };
        match frame.kind {
            FrameKind::Root => {}
            FrameKind::Quote(_) => self.push_block(quote_block(frame.blocks)),
            FrameKind::List(start) => self.push_block(Block::List {
                start,
                items: frame.items,
            }),
            FrameKind::Item { task, .. } => {
                let item = ListItem {
                    task,
                    blocks: frame.blocks,
                };
                match self.frames.last_mut() {
                    Some(Frame {
                        kind: FrameKind::List(_),
                        items,
                        ..
                    }) => items.push(item),
                    _ => {
                        for block in item.blocks {
                            self.push_block(block);
                        }
                    }
                }
            }
        }
    }

    /// Closes everything and returns the document.
    fn finish(mut self) -> Document {
        self.close_leaf();
        self.code = None;
        self.html = None;
        self.close_table();
        self.skipped = 0;
        while self.frames.len() > 1 {
            self.pop_frame();
        }
        let mut doc = std::mem::take(&mut self.doc);
        if let Some(root) = self.frames.pop() {
            doc.blocks = root.blocks;
        }
        let hints = text_hints(&self.prose, &doc.headings);
        doc.frequency_hints.extend(hints);
        doc
    }
}

impl Frame {
    /// An empty container.
    fn new(kind: FrameKind) -> Self {
        Self {
            kind,
            blocks: Vec::new(),
            items: Vec::new(),
        }
    }
}

/// `<br>`, `<br/>`, `<br />`.
fn is_br(html: &str) -> bool {
    let h = html.trim().to_ascii_lowercase();
    h == "<br>" || h == "<br/>" || h == "<br />"
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

// ---------------------------------------------------------------------------------------
// Wikilinks and embeds

/// Splits `folder/Note.md#Heading` into note (without `.md`) and heading.
fn wiki_target(dest: &str) -> WikiTarget {
    let (note, heading) = match dest.split_once('#') {
        Some((note, heading)) => (note, Some(heading.trim())),
        None => (dest, None),
    };
    let note = note.trim();
    let note = match note.len().checked_sub(3) {
        Some(cut) if note.is_char_boundary(cut) && note[cut..].eq_ignore_ascii_case(".md") => {
            &note[..cut]
        }
        _ => note,
    };
    WikiTarget {
        note: note.to_owned(),
        heading: heading.filter(|h| !h.is_empty()).map(str::to_owned),
    }
}

/// Whether a note name is an image file.
fn is_image(note: &str) -> bool {
    note.rsplit_once('.')
        .is_some_and(|(_, ext)| IMAGE_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()))
}

/// `100` or `100x50` → `100.0`.
fn embed_width(text: &str) -> Option<f32> {
    let width = text.split_once('x').map_or(text, |(w, _)| w).trim();
    if width.is_empty() || !width.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    width
        .parse::<f32>()
        .ok()
        .filter(|w| w.is_finite() && *w > 0.0)
}

// ---------------------------------------------------------------------------------------
// Tags

/// A piece of text split around tags.
enum Piece {
    /// Plain text.
    Text(String),
    /// A tag without `#`.
    Tag(String),
}

/// Whether text after `last` starts at a word boundary.
fn ends_with_space(last: Option<&Inline>) -> bool {
    match last {
        None | Some(Inline::SoftBreak | Inline::HardBreak) => true,
        Some(Inline::Text { text, .. }) => text.ends_with(char::is_whitespace),
        Some(_) => false,
    }
}

/// Whether `c` may be part of a tag.
fn is_tag_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-' | '/')
}

/// Splits `#tags` out of `text`; `boundary` tells whether its start is a word boundary.
fn split_tags(text: &str, boundary: bool) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut plain_start = 0;
    let mut prev_space = boundary;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c == '#' && prev_space {
            let start = i + 1;
            let mut end = start;
            while let Some(&(j, d)) = iter.peek() {
                if !is_tag_char(d) {
                    break;
                }
                end = j + d.len_utf8();
                iter.next();
            }
            let tag = text.get(start..end).unwrap_or("");
            if tag.chars().any(|d| !d.is_ascii_digit()) {
                if plain_start < i {
                    pieces.push(Piece::Text(text[plain_start..i].to_owned()));
                }
                pieces.push(Piece::Tag(tag.to_owned()));
                plain_start = end;
            }
            prev_space = false;
            continue;
        }
        prev_space = c.is_whitespace();
    }
    if plain_start < text.len() {
        pieces.push(Piece::Text(text[plain_start..].to_owned()));
    }
    pieces
}

// ---------------------------------------------------------------------------------------
// Callouts

/// Maps a callout type (lower-case) to its kind.
fn callout_kind(raw: &str) -> CalloutKind {
    match raw {
        "abstract" | "summary" | "tldr" => CalloutKind::Abstract,
        "info" => CalloutKind::Info,
        "todo" => CalloutKind::Todo,
        "tip" | "hint" | "important" => CalloutKind::Tip,
        "success" | "check" | "done" => CalloutKind::Success,
        "question" | "help" | "faq" => CalloutKind::Question,
        "warning" | "caution" | "attention" => CalloutKind::Warning,
        "failure" | "fail" | "missing" => CalloutKind::Failure,
        "danger" | "error" => CalloutKind::Danger,
        "bug" => CalloutKind::Bug,
        "example" => CalloutKind::Example,
        "quote" | "cite" => CalloutKind::Quote,
        _ => CalloutKind::Note,
    }
}

/// `[!type]±` at the start of `text`: the type (lower-case), the fold and the bytes used.
fn callout_marker(text: &str) -> Option<(String, Fold, usize)> {
    let trimmed = text.trim_start();
    let lead = text.len() - trimmed.len();
    let rest = trimmed.strip_prefix("[!")?;
    let close = rest.find(']')?;
    let raw = rest[..close].trim();
    if raw.is_empty() || raw.contains(['[', '\n']) {
        return None;
    }
    let after = &rest[close + 1..];
    let fold = match after.chars().next() {
        Some('+') => Fold::Open,
        Some('-') => Fold::Closed,
        _ => Fold::None,
    };
    let used = lead + 2 + close + 1 + usize::from(fold != Fold::None);
    Some((raw.to_lowercase(), fold, used))
}

/// A closed block quote: a callout if its first line is `[!type]`, else a quote.
fn quote_block(mut blocks: Vec<Block>) -> Block {
    let marker = match blocks.first() {
        Some(Block::Paragraph(inlines)) => match inlines.first() {
            Some(Inline::Text { text, .. }) => callout_marker(text),
            _ => None,
        },
        _ => None,
    };
    let Some((raw_kind, fold, used)) = marker else {
        return Block::Quote(blocks);
    };
    let inlines = match blocks.first_mut() {
        Some(Block::Paragraph(inlines)) => std::mem::take(inlines),
        _ => Vec::new(),
    };
    if !blocks.is_empty() {
        blocks.remove(0);
    }
    let (title, body) = split_title(inlines, used);
    if !body.is_empty() {
        blocks.insert(0, Block::Paragraph(body));
    }
    Block::Callout(Callout {
        kind: callout_kind(&raw_kind),
        raw_kind,
        title,
        fold,
        blocks,
    })
}

/// Splits a callout's first paragraph into the title (first line without the marker's
/// `used` bytes) and the body (the following lines).
fn split_title(inlines: Vec<Inline>, used: usize) -> (Vec<Inline>, Vec<Inline>) {
    let mut title = Vec::new();
    let mut body = Vec::new();
    let mut in_title = true;
    for (i, inline) in inlines.into_iter().enumerate() {
        if !in_title {
            body.push(inline);
            continue;
        }
        match inline {
            Inline::SoftBreak | Inline::HardBreak => in_title = false,
            Inline::Text { text, style } if i == 0 => {
                let rest = text.get(used..).unwrap_or("").trim_start();
                if !rest.is_empty() {
                    title.push(Inline::Text {
                        text: rest.to_owned(),
                        style,
                    });
                }
            }
            other => title.push(other),
        }
    }
    if let Some(Inline::Text { text, .. }) = title.last_mut() {
        let trimmed = text.trim_end().len();
        text.truncate(trimmed);
        if text.is_empty() {
            title.pop();
        }
    }
    (title, body)
}

// ---------------------------------------------------------------------------------------
// Exam-frequency hints

/// Where exam-advice context applies.
enum Scope {
    /// A paragraph or a list item opened by an exam line ("Pour l'examen AWS SAA").
    Line {
        /// Heading it is under.
        heading: Option<usize>,
        /// The list item whose children are in context, if the opening line is in one.
        item: Option<usize>,
        /// The opening paragraph (its later lines are in context).
        leaf: usize,
    },
    /// A callout whose title is about the exam (`> [!tip] Exam Tip`): all of it.
    Callout(usize),
}

impl Scope {
    /// Whether `p` is in this context.
    fn contains(&self, p: &ProseLine) -> bool {
        match self {
            Scope::Line {
                heading,
                item,
                leaf,
            } => {
                p.heading == *heading
                    && match item {
                        Some(id) => p.items.contains(id),
                        None => p.leaf == *leaf,
                    }
            }
            Scope::Callout(id) => p.quotes.contains(id),
        }
    }
}

/// Whether a heading is an exam section ("Exam Tips", "Summary & Exam Tips", "Pour
/// l'examen") rather than a topic of its own: its words are about the exam and it names
/// no service.
fn is_exam_heading(text: &str) -> bool {
    frequency::is_exam_context(text) && crate::services::Catalog::bundled().identify(text).is_none()
}

/// The heading a statement under `heading` is about: an exam section speaks for the
/// heading above it (or the whole note). `exam[h]` tells whether heading `h` is an exam
/// section.
fn attributed(headings: &[Heading], exam: &[bool], heading: Option<usize>) -> Option<usize> {
    let h = heading?;
    let here = headings.get(h)?;
    if !exam.get(h).copied().unwrap_or(false) {
        return Some(h);
    }
    (0..h)
        .rev()
        .find(|&p| headings[p].level < here.level && !exam.get(p).copied().unwrap_or(false))
}

/// The text hints. A tier word counts only where the text is about the exam: a line that
/// says so ("Pour l'examen AWS SAA") and its paragraph or list item, a callout whose title
/// says so, a section headed so; elsewhere only a line that is nothing but a tier label
/// ("Notion fréquente"). Exam callouts and sections without a tier word give an
/// [`HintSource::Emphasis`] hint. The first hint of each kind per heading wins.
fn text_hints(prose: &[ProseLine], headings: &[Heading]) -> Vec<FrequencyHint> {
    let mut done = HashSet::new();
    let mut emphasised = HashSet::new();
    let mut scopes: Vec<Scope> = Vec::new();
    let mut hints = Vec::new();
    let exam: Vec<bool> = headings.iter().map(|h| is_exam_heading(&h.text)).collect();
    for (h, heading) in headings.iter().enumerate() {
        if exam[h] {
            let target = attributed(headings, &exam, Some(h));
            if emphasised.insert(target) {
                let tier = frequency::emphasis_tier(&heading.text);
                hints.push(hint(tier, target, heading.line, HintSource::Emphasis));
            }
        }
    }
    for p in prose {
        scopes.retain(|s| s.contains(p));
        let target = attributed(headings, &exam, p.heading);
        if p.first && frequency::is_exam_context(&p.text) {
            let callout = p.text.trim_start().starts_with("[!");
            match p.quotes.last() {
                Some(&id) if callout => {
                    scopes.push(Scope::Callout(id));
                    if emphasised.insert(target) {
                        let tier = frequency::emphasis_tier(&p.text);
                        hints.push(hint(tier, target, p.line, HintSource::Emphasis));
                    }
                }
                _ => scopes.push(Scope::Line {
                    heading: p.heading,
                    item: p.items.last().copied(),
                    leaf: p.leaf,
                }),
            }
        }
        let in_exam_section = p
            .heading
            .is_some_and(|h| exam.get(h).copied().unwrap_or(false));
        let in_scope = in_exam_section || scopes.iter().any(|s| s.contains(p));
        let tier = in_scope
            .then(|| frequency::detect_phrase(&p.text))
            .flatten()
            .or_else(|| frequency::detect_label(&p.text));
        if let Some(tier) = tier
            && done.insert(target)
        {
            hints.push(hint(tier, target, p.line, HintSource::Text));
        }
    }
    hints
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAA: &str = include_str!("../../notes/SAA - Other Services.md");
    const DVA: &str =
        include_str!("../../notes/DVA - AppSync, DataSync, Amplify, ACM, Cloud Map, FIS.md");
    const CORE: &str = include_str!("../../notes/AWS Core Services Overview.md");
    const CATEGORY: &str = include_str!("../../notes/AWS Services by Category.md");
    const STACK: &str = include_str!("../../notes/Stack serverless web et mobile.md");

    fn plain(inlines: &[Inline]) -> String {
        inlines
            .iter()
            .map(|i| match i {
                Inline::Text { text, .. } | Inline::Code(text) => text.clone(),
                Inline::Tag(t) => format!("#{t}"),
                Inline::SoftBreak | Inline::HardBreak => " ".into(),
                _ => String::new(),
            })
            .collect()
    }

    fn text_hint_for(doc: &Document, heading: &str) -> Option<Tier> {
        let index = doc.headings.iter().position(|h| h.text == heading);
        assert!(index.is_some(), "no heading {heading}");
        doc.frequency_hints
            .iter()
            .find(|h| h.source == HintSource::Text && h.heading == index)
            .map(|h| h.tier)
    }

    /// Maximum nesting of containers in `blocks`, computed with an explicit stack.
    fn depth(blocks: &[Block]) -> usize {
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

    #[test]
    fn seed_saa_frequency_hints() {
        let doc = parse(SAA);
        let expect = [
            ("CloudFormation", Some(Tier::Frequent)),
            ("Amazon SES", Some(Tier::ModerementFrequent)),
            ("Amazon Pinpoint", Some(Tier::MoinsFrequent)),
            ("SSM Session Manager", Some(Tier::TresFrequent)),
            ("AWS Cost Explorer", Some(Tier::ModerementFrequent)),
            ("AWS Outposts", Some(Tier::AConnaitre)),
            ("AWS Batch", None),
            ("AWS AppFlow", Some(Tier::MoinsFrequent)),
            ("AWS Amplify", None),
            ("Instance Scheduler on AWS", None),
            ("Other Services", None),
        ];
        for (heading, tier) in expect {
            assert_eq!(text_hint_for(&doc, heading), tier, "{heading}");
        }
        assert_eq!(doc.frequency_hints.len(), 7);
        let cf = &doc.frequency_hints[0];
        assert_eq!((cf.line, cf.heading), (33, Some(1)));
    }

    #[test]
    fn other_seeds_have_no_text_hints() {
        for note in [DVA, CORE, CATEGORY, STACK] {
            let doc = parse(note);
            assert!(doc.frequency_hints.is_empty(), "{:?}", doc.frequency_hints);
        }
    }

    #[test]
    fn seed_saa_tab_indented_lists_nest() {
        let doc = parse(SAA);
        let all = format!("{doc:?}");
        assert!(!all.contains("CodeBlock"), "tab-indented items became code");
        // "## CloudFormation" is followed by a list whose first item holds a nested list.
        let Some(Block::List { items, .. }) = doc.blocks.get(2) else {
            panic!("expected a list, got {:?}", doc.blocks.get(2));
        };
        let first = &items[0];
        assert!(
            plain(match &first.blocks[0] {
                Block::Paragraph(i) => i,
                other => panic!("{other:?}"),
            })
            .contains("infrastructure as code")
        );
        let Some(Block::List { items: nested, .. }) = first.blocks.get(1) else {
            panic!("no nested list: {:?}", first.blocks);
        };
        assert_eq!(nested.len(), 3);
        // Third level (SES > Fonctionnalités clés > DKIM/SPF).
        assert!(depth(&doc.blocks) >= 3);
        let tables = doc
            .blocks
            .iter()
            .filter(|b| matches!(b, Block::Table { .. }))
            .count();
        assert_eq!(tables, 1);
    }

    #[test]
    fn seed_saa_outline() {
        let doc = parse(SAA);
        let names: Vec<&str> = doc.headings.iter().map(|h| h.text.as_str()).collect();
        assert_eq!(names[0], "Other Services");
        assert_eq!(names.len(), 11);
        assert_eq!(doc.headings[1].line, 3);
        assert_eq!(doc.headings[1].level, 2);
        let Some(Block::Table {
            align,
            header,
            rows,
        }) = doc.blocks.iter().find(|b| matches!(b, Block::Table { .. }))
        else {
            panic!("no table");
        };
        assert_eq!(align.len(), 3);
        assert_eq!(header.len(), 3);
        assert_eq!(rows.len(), 5);
        assert_eq!(plain(&header[1]), "AWS Lambda");
    }

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

    #[test]
    fn seed_category_images() {
        let doc = parse(CATEGORY);
        let first = &doc.references[0];
        assert_eq!(first.kind, ReferenceKind::Image);
        assert_eq!(
            first.target,
            "../../attachments/Arch-Category_Security-Identity-Compliance_64.svg"
        );
        assert_eq!(first.line, 11);
        assert_eq!(doc.tags, ["aws"]);
    }

    #[test]
    fn wikilink_forms() {
        let doc =
            parse("[[Note]] [[Note#Heading]] [[#Local]] [[Note|alias]] [[folder/Note.md#H|shown]]");
        let links: Vec<(WikiTarget, String)> = match &doc.blocks[0] {
            Block::Paragraph(inl) => inl
                .iter()
                .filter_map(|i| match i {
                    Inline::WikiLink { target, label } => Some((target.clone(), label.clone())),
                    _ => None,
                })
                .collect(),
            other => panic!("{other:?}"),
        };
        let t = |n: &str, h: Option<&str>| WikiTarget {
            note: n.into(),
            heading: h.map(Into::into),
        };
        assert_eq!(
            links,
            [
                (t("Note", None), "Note".into()),
                (t("Note", Some("Heading")), "Note#Heading".into()),
                (t("", Some("Local")), "#Local".into()),
                (t("Note", None), "alias".into()),
                (t("folder/Note", Some("H")), "shown".into()),
            ]
        );
        assert_eq!(doc.references.len(), 5);
        assert_eq!(doc.references[4].target, "folder/Note.md#H");
    }

    #[test]
    fn embeds_and_widths() {
        let doc = parse("![[pic.PNG|100]]\n\n- ![[diagram.svg|100x50]]\n\n![[Other note#Part]]\n");
        let embeds: Vec<&Embed> = {
            let mut out = Vec::new();
            let mut stack: Vec<&Block> = doc.blocks.iter().collect();
            while let Some(b) = stack.pop() {
                match b {
                    Block::Paragraph(inl) => out.extend(inl.iter().filter_map(|i| match i {
                        Inline::Embed(e) => Some(e),
                        _ => None,
                    })),
                    Block::List { items, .. } => {
                        stack.extend(items.iter().flat_map(|i| i.blocks.iter()));
                    }
                    _ => {}
                }
            }
            out.sort_by_key(|e| e.line);
            out
        };
        assert_eq!(embeds.len(), 3);
        assert_eq!(embeds[0].width, Some(100.0));
        assert_eq!(embeds[0].target.note, "pic.PNG");
        assert_eq!(embeds[1].width, Some(100.0));
        assert_eq!(embeds[1].line, 3);
        assert_eq!(embeds[2].width, None);
        assert_eq!(embeds[2].target.heading.as_deref(), Some("Part"));
        let kinds: Vec<ReferenceKind> = doc.references.iter().map(|r| r.kind).collect();
        assert_eq!(
            kinds,
            [
                ReferenceKind::Image,
                ReferenceKind::Image,
                ReferenceKind::Embed
            ]
        );
    }

    #[test]
    fn markdown_image_and_link() {
        let doc = parse("See ![alt text](img/a.png) and [site](https://x.y/#frag).");
        let Block::Paragraph(inl) = &doc.blocks[0] else {
            panic!();
        };
        assert!(inl.contains(&Inline::Image {
            src: "img/a.png".into(),
            alt: "alt text".into()
        }));
        assert!(inl.contains(&Inline::Link {
            url: "https://x.y/#frag".into(),
            text: "site".into()
        }));
        assert_eq!(doc.references.len(), 1);
        assert!(doc.tags.is_empty());
    }

    #[test]
    fn tags_rules() {
        let doc = parse(
            "# Title #head\n\n#alpha text #très-fréquent, #1 and a#b `#code` [#x](u) #sub/tag_1\n\n#alpha again\n",
        );
        assert_eq!(doc.tags, ["head", "alpha", "très-fréquent", "sub/tag_1"]);
        assert_eq!(
            doc.headings[0].text.trim(),
            "Title",
            "tags stay out of topic titles"
        );
        let hints: Vec<_> = doc
            .frequency_hints
            .iter()
            .map(|h| (h.tier, h.heading, h.line, h.source))
            .collect();
        assert_eq!(hints, [(Tier::TresFrequent, Some(0), 3, HintSource::Tag)]);
        let Block::Paragraph(inl) = &doc.blocks[1] else {
            panic!();
        };
        assert_eq!(inl[0], Inline::Tag("alpha".into()));
    }

    #[test]
    fn frontmatter_forms() {
        let text = "---\ntitle: \"My note\"\ntags: [aws, 'exam/frequent']\naliases:\n  - one\n  - \"two\"\nfrequence: très fréquent\nbroken line\n: nokey\n---\n# H\nbody #aws\n";
        let doc = parse(text);
        let fm = doc.frontmatter.clone().unwrap_or_default();
        assert_eq!(
            fm.entries,
            [
                ("title".into(), FmValue::Text("My note".into())),
                (
                    "tags".into(),
                    FmValue::List(vec!["aws".into(), "exam/frequent".into()])
                ),
                (
                    "aliases".into(),
                    FmValue::List(vec!["one".into(), "two".into()])
                ),
                ("frequence".into(), FmValue::Text("très fréquent".into())),
            ]
        );
        assert_eq!(doc.headings[0].line, 11);
        assert_eq!(doc.tags, ["aws", "exam/frequent"]);
        let hints: Vec<_> = doc
            .frequency_hints
            .iter()
            .map(|h| (h.tier, h.heading, h.line, h.source))
            .collect();
        assert!(hints.contains(&(Tier::TresFrequent, None, 7, HintSource::Frontmatter)));
        assert!(hints.contains(&(Tier::Frequent, None, 3, HintSource::Tag)));
    }

    #[test]
    fn unterminated_frontmatter_is_body() {
        let doc = parse("---\ntitle: x\n# H\n");
        assert!(doc.frontmatter.is_none());
        assert_eq!(doc.headings[0].line, 3);
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
    fn callout_forms() {
        let doc = parse(
            "> [!FAQ]+ Why?\n> Because.\n>\n> > [!warning]\n> > inner\n\n> [!custom] x\n\n> plain quote\n",
        );
        let Block::Callout(outer) = &doc.blocks[0] else {
            panic!("{:?}", doc.blocks);
        };
        assert_eq!(outer.kind, CalloutKind::Question);
        assert_eq!(outer.raw_kind, "faq");
        assert_eq!(outer.fold, Fold::Open);
        assert_eq!(plain(&outer.title), "Why?");
        assert_eq!(
            outer.blocks[0],
            Block::Paragraph(vec![Inline::Text {
                text: "Because.".into(),
                style: Style::default()
            }])
        );
        let Block::Callout(inner) = &outer.blocks[1] else {
            panic!("{:?}", outer.blocks);
        };
        assert_eq!(inner.kind, CalloutKind::Warning);
        assert!(inner.title.is_empty());
        assert_eq!(inner.blocks.len(), 1);
        let Block::Callout(custom) = &doc.blocks[1] else {
            panic!();
        };
        assert_eq!(
            (custom.kind, custom.raw_kind.as_str()),
            (CalloutKind::Note, "custom")
        );
        assert!(matches!(doc.blocks[2], Block::Quote(_)));
    }

    #[test]
    fn styles_code_rules_html_breaks() {
        let doc = parse(
            "***~~all~~*** x  \ny\nz\n\n```rust\nfn a() {}\n```\n\n    indented\n\n***\n\n<div>hi</div>\n",
        );
        let Block::Paragraph(inl) = &doc.blocks[0] else {
            panic!();
        };
        assert_eq!(
            inl[0],
            Inline::Text {
                text: "all".into(),
                style: Style {
                    bold: true,
                    italic: true,
                    strike: true
                }
            }
        );
        assert!(inl.contains(&Inline::HardBreak));
        assert!(inl.contains(&Inline::SoftBreak));
        assert_eq!(
            doc.blocks[1],
            Block::CodeBlock {
                lang: "rust".into(),
                code: "fn a() {}".into()
            }
        );
        assert_eq!(
            doc.blocks[2],
            Block::CodeBlock {
                lang: String::new(),
                code: "indented".into()
            }
        );
        assert_eq!(doc.blocks[3], Block::Rule);
        assert_eq!(doc.blocks[4], Block::Html("<div>hi</div>".into()));
    }

    #[test]
    fn exam_context_rules() {
        let text = "## A\n- Pour l'examen\n\t- souvent vu, fréquent\n## B\n- Frequently used in prose\n- This is rare\n## C\nTrès fréquent.\n## D\nFor the exam: very common.\n";
        let doc = parse(text);
        assert_eq!(text_hint_for(&doc, "A"), Some(Tier::Frequent));
        assert_eq!(text_hint_for(&doc, "B"), None);
        assert_eq!(text_hint_for(&doc, "C"), Some(Tier::TresFrequent));
        assert_eq!(text_hint_for(&doc, "D"), Some(Tier::TresFrequent));
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

    fn on_small_stack(f: impl FnOnce() + Send + 'static) {
        let handle = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(f)
            .expect("spawn");
        assert!(handle.join().is_ok());
    }

    #[test]
    fn deep_quotes_are_capped() {
        on_small_stack(|| {
            let text = format!("{}deep", ">".repeat(10_000));
            let start = std::time::Instant::now();
            let doc = parse(&text);
            assert!(depth(&doc.blocks) <= MAX_DEPTH + 1);
            assert!(format!("{doc:?}").contains("deep"));
            drop(doc);
            assert!(start.elapsed().as_secs() < 5);
        });
    }

    #[test]
    fn deep_lists_are_capped() {
        on_small_stack(|| {
            let one_line = format!("{}x", "- ".repeat(10_000));
            let ordered = format!("{}y", "1. ".repeat(10_000));
            let indented: String = (0..2_000)
                .map(|i| format!("{}- z\n", "\t".repeat(i)))
                .collect();
            let mixed = format!("{}w", "> - ".repeat(5_000));
            for text in [one_line, ordered, indented, mixed] {
                let start = std::time::Instant::now();
                let doc = parse(&text);
                assert!(
                    depth(&doc.blocks) <= MAX_DEPTH + 1,
                    "{}",
                    depth(&doc.blocks)
                );
                drop(doc);
                assert!(start.elapsed().as_secs() < 5);
            }
        });
    }

    #[test]
    fn tag_on_heading_line_belongs_to_that_heading() {
        let doc = parse("# Intro\n\n## Amazon SQS #très-fréquent\n\ntext\n");
        let hint = doc.frequency_hints.first().expect("hint");
        assert_eq!(hint.heading, Some(1));
        assert_eq!(hint.tier, Tier::TresFrequent);
        assert_eq!(doc.headings[1].text.trim(), "Amazon SQS");
        let first = parse("## Amazon SQS #tres-frequent\n");
        assert_eq!(first.frequency_hints[0].heading, Some(0));
    }

    /// English-speaking students mark exam importance in their own words: exam callouts
    /// and sections set a floor, tier words inside them an exact tier.
    #[test]
    fn exam_callouts_and_sections() {
        let text = "# Amazon SQS\n\n\
                    > [!tip] Exam Nugget\n> Decouple with a queue.\n\n\
                    ## Visibility timeout\n\n\
                    > [!important] Critical for the exam\n> Long enough for the consumer.\n\n\
                    ## Dead-letter queues\n\n\
                    > [!note] Exam Tip\n> Frequently tested together with retries.\n\n\
                    ## Exam Tips\n\n- Know FIFO vs Standard.\n";
        let doc = parse(text);
        let of = |heading: &str, source: HintSource| {
            let h = doc.headings.iter().position(|x| x.text == heading);
            doc.frequency_hints
                .iter()
                .find(|x| x.heading == h && x.source == source)
                .map(|x| x.tier)
        };
        assert_eq!(
            of("Amazon SQS", HintSource::Emphasis),
            Some(Tier::ModerementFrequent)
        );
        assert_eq!(
            of("Visibility timeout", HintSource::Emphasis),
            Some(Tier::Frequent)
        );
        assert_eq!(
            of("Dead-letter queues", HintSource::Text),
            Some(Tier::TresFrequent)
        );
        // The "Exam Tips" section speaks for the note's H1, not for itself.
        assert_eq!(of("Exam Tips", HintSource::Emphasis), None);
        let h1 = doc
            .frequency_hints
            .iter()
            .filter(|x| x.heading == Some(0))
            .count();
        assert!(h1 >= 1);
        // A callout about something else is no exam context.
        let doc = parse("## A\n\n> [!warning] Careful\n> Frequent restarts cost money.\n");
        assert!(doc.frequency_hints.is_empty(), "{:?}", doc.frequency_hints);
    }
}
