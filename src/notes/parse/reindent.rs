//! Re-indentation of tab-indented Obsidian lists, done on the text before
//! `pulldown-cmark` sees it, so that they nest instead of turning into code blocks.

use std::borrow::Cow;

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
    let blank = is_blank(after);
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
    if !rest.starts_with(['-', '*', '_']) {
        return false;
    }
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
/// followed by spaces) nests as `CommonMark` lists instead of becoming indented code: each
/// item is moved to its parent's content column. Only leading whitespace changes, so line
/// numbers are kept. Most notes need no change: they are borrowed, not copied, and a copy
/// is started only at the first line that moves.
pub(super) fn reindent_lists(body: &str) -> Cow<'_, str> {
    let mut out = Reindented { body, copy: None };
    let mut stack: Vec<OpenItem> = Vec::new();
    let mut fence: Option<OpenFence> = None;
    for (start, line) in lines_at(body) {
        let (ws, col) = leading_ws(line);
        let rest = line.get(ws..).unwrap_or("");
        if let Some(f) = &fence {
            let new_col = col.saturating_add_signed(f.shift);
            out.push(start, line, ws, new_col);
            // Only a line of markers closes it: most lines are turned down on their first.
            if rest.starts_with(f.marker) {
                let t = rest.trim_end();
                if t.len() >= f.len && t.chars().all(|c| c == f.marker) {
                    fence = None;
                }
            }
            continue;
        }
        if is_blank(rest) {
            out.push(start, line, ws, None);
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
        out.push(start, line, ws, new_col);
    }
    match out.copy {
        Some(copy) => Cow::Owned(copy),
        None => Cow::Borrowed(body),
    }
}

/// Whether `s` is only whitespace (`str::trim` empties it), told by its first byte on
/// most lines.
fn is_blank(s: &str) -> bool {
    match s.as_bytes().first() {
        None => true,
        Some(b) if b.is_ascii_graphic() => false,
        Some(_) => s.trim().is_empty(),
    }
}

/// Each line of `text` with its line break, and the offset where it starts.
fn lines_at(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut breaks = memchr::memchr_iter(b'\n', text.as_bytes());
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let end = breaks.next().map_or(text.len(), |i| i + 1);
        let line = (start, text.get(start..end)?);
        start = end;
        Some(line)
    })
}

/// The re-indented text: a copy once a line has moved, until then the body itself.
struct Reindented<'a> {
    /// The text being re-indented.
    body: &'a str,
    /// The output so far, from the first line that moved on (`None`: every line so far is
    /// the body's).
    copy: Option<String>,
}

impl Reindented<'_> {
    /// Appends `line` (at offset `start` of the body, its leading whitespace `ws` bytes
    /// long) indented to `col` spaces, or as it is (`None`).
    fn push(&mut self, start: usize, line: &str, ws: usize, col: impl Into<Option<usize>>) {
        let col = col.into();
        let moved = col.is_some_and(|c| c != ws || line.as_bytes()[..ws].contains(&b'\t'));
        if moved && self.copy.is_none() {
            let mut copy = String::with_capacity(self.body.len() + self.body.len() / 8);
            copy.push_str(self.body.get(..start).unwrap_or(""));
            self.copy = Some(copy);
        }
        let Some(copy) = &mut self.copy else {
            return;
        };
        match col {
            Some(c) if moved => {
                copy.extend(std::iter::repeat_n(' ', c));
                copy.push_str(line.get(ws..).unwrap_or(""));
            }
            _ => copy.push_str(line),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use crate::notes::doc::*;
    use crate::notes::parse::parse;
    use crate::notes::parse::test_support::*;

    /// A note whose lines need no change (space-indented lists, code, prose) comes back
    /// as it is, borrowed: most notes are not copied before the parser reads them.
    #[test]
    fn a_note_without_tab_indented_lists_is_not_copied() {
        let text = "# A\n\n- one\n  - two\n\n```\ncode\n```\n\n    indented code\ntext";
        let out = super::reindent_lists(text);
        assert!(matches!(out, Cow::Borrowed(_)));
        assert_eq!(out, text);
        assert!(matches!(super::reindent_lists(""), Cow::Borrowed("")));
    }

    /// The copy starts at the first line that moves: the lines before it, the moved ones
    /// and the ones after are all there, with their line breaks (the last line has none).
    #[test]
    fn a_tab_indented_list_is_copied_from_its_first_moved_line() {
        let text =
            "intro\n\n1. first\n\t- nested\n\t\t- deeper\nafter\n\n- x\n\t```\n\tcode\n\t```\nend";
        let out = super::reindent_lists(text);
        assert!(matches!(out, Cow::Owned(_)));
        assert_eq!(
            out,
            "intro\n\n1. first\n   - nested\n     - deeper\nafter\n\n- x\n  ```\n  code\n  ```\nend"
        );
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
}
