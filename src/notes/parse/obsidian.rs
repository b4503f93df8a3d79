//! Obsidian syntax on top of `CommonMark`: wikilink and embed targets, `#tags` and callouts
//! (`> [!type]± title`).

use crate::notes::doc::{Block, Callout, CalloutKind, Fold, Inline, WikiTarget};

/// Splits a reference as written (`folder/Note.md#Heading|alias`; the `.md` optional, in
/// any case; the alias dropped) into note and heading. The one reading of a wikilink
/// target, shared by the parser, the index and `check`.
#[must_use]
pub fn wiki_target(written: &str) -> WikiTarget {
    let without_alias = written.split('|').next().unwrap_or(written);
    // In a table the alias bar is escaped (`[[Note#Heading\|alias]]`): the backslash is
    // not part of the target.
    let without_alias = without_alias.strip_suffix('\\').unwrap_or(without_alias);
    let (note, heading) = match without_alias.split_once('#') {
        Some((note, heading)) => (note, Some(heading.trim())),
        None => (without_alias, None),
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

/// `100` or `100x50` → `100.0`.
pub(super) fn embed_width(text: &str) -> Option<f32> {
    let width = text.split_once('x').map_or(text, |(w, _)| w).trim();
    if width.is_empty() || !width.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    width
        .parse::<f32>()
        .ok()
        .filter(|w| w.is_finite() && *w > 0.0)
}

/// A piece of text split around tags and bare URLs.
pub(super) enum Piece<'a> {
    /// Plain text.
    Text(&'a str),
    /// A tag without `#`.
    Tag(&'a str),
    /// A bare `https://…`, `http://…` or `www.…` address.
    Url {
        /// Where it goes (`www.` addresses get `https://`).
        url: String,
        /// As written.
        text: &'a str,
    },
}

/// Whether text after `last` starts at a word boundary.
pub(super) fn ends_with_space(last: Option<&Inline>) -> bool {
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

/// The length of the bare URL at the start of `s` (GFM's extended autolinks: trailing
/// `.,;:!?*_~'"` and an unbalanced `)` are left out), if one starts there.
fn url_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let prefix = if b.len() > 8 && b[..8].eq_ignore_ascii_case(b"https://") {
        8
    } else if b.len() > 7 && b[..7].eq_ignore_ascii_case(b"http://") {
        7
    } else if b.len() > 4 && b[..4].eq_ignore_ascii_case(b"www.") {
        4
    } else {
        return None;
    };
    let end = s
        .find(|c: char| c.is_whitespace() || c == '<')
        .unwrap_or(s.len());
    let mut url = &s[..end];
    loop {
        let trimmed =
            url.trim_end_matches(['.', ',', ';', ':', '!', '?', '*', '_', '~', '\'', '"']);
        let trimmed = if trimmed.ends_with(')')
            && trimmed.matches(')').count() > trimmed.matches('(').count()
        {
            &trimmed[..trimmed.len() - 1]
        } else {
            trimmed
        };
        if trimmed.len() == url.len() {
            break;
        }
        url = trimmed;
    }
    (url.len() > prefix && url[prefix..].contains(|c: char| c.is_alphanumeric()))
        .then_some(url.len())
}

/// Whether `text` holds `://`, `www.` or `WWW.`, where an address [`url_len`] reads can
/// start: one pass over its `:` and `.` rather than a search per needle.
fn may_have_url(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr2_iter(b':', b'.', b).any(|i| {
        if b[i] == b':' {
            b.get(i + 1..i + 3) == Some(&b"//"[..])
        } else {
            matches!(b.get(i.wrapping_sub(3)..i), Some(b"www" | b"WWW"))
        }
    })
}

/// Splits `#tags` and bare URLs out of `text`, handing each piece to `piece` in order;
/// `boundary` tells whether its start is a word boundary.
pub(super) fn split_text<'a>(text: &'a str, boundary: bool, mut piece: impl FnMut(Piece<'a>)) {
    // Most text has neither a `#` nor an address (`://`, `www.`): one piece, no scan. One
    // pass finds whether it has any of the three bytes they need.
    if memchr::memchr3(b'#', b':', b'.', text.as_bytes()).is_none() {
        piece(Piece::Text(text));
        return;
    }
    if !may_have_url(text) && memchr::memchr(b'#', text.as_bytes()).is_none() {
        piece(Piece::Text(text));
        return;
    }
    let mut plain_start = 0;
    let mut prev_space = boundary;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if (c == 'h' || c == 'H' || c == 'w' || c == 'W')
            && (prev_space || text[..i].ends_with(['(', '[', '"', '\'']))
            && let Some(len) = url_len(&text[i..])
        {
            if plain_start < i {
                piece(Piece::Text(&text[plain_start..i]));
            }
            let written = &text[i..i + len];
            let url = if written.len() >= 4 && written[..4].eq_ignore_ascii_case("www.") {
                format!("https://{written}")
            } else {
                written.to_owned()
            };
            piece(Piece::Url { url, text: written });
            plain_start = i + len;
            while iter.peek().is_some_and(|&(j, _)| j < plain_start) {
                iter.next();
            }
            prev_space = false;
            continue;
        }
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
                    piece(Piece::Text(&text[plain_start..i]));
                }
                piece(Piece::Tag(tag));
                plain_start = end;
            }
            prev_space = false;
            continue;
        }
        prev_space = c.is_whitespace();
    }
    if plain_start < text.len() {
        piece(Piece::Text(&text[plain_start..]));
    }
}

/// Whether `id` is a block id (`^` then letters, digits and `-`).
fn is_block_id(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// Takes a `^block-id` ending a paragraph out of its inlines (with the space before it),
/// and returns the id.
pub(super) fn block_anchor(inlines: &mut Vec<Inline>) -> Option<String> {
    let Some(Inline::Text { text, .. }) = inlines.last_mut() else {
        return None;
    };
    let trimmed = text.trim_end();
    let caret = trimmed.rfind('^')?;
    let id = &trimmed[caret + 1..];
    let before = &trimmed[..caret];
    if !is_block_id(id) || !(before.is_empty() || before.ends_with(char::is_whitespace)) {
        return None;
    }
    let id = id.to_owned();
    let keep = before.trim_end().len();
    *text = text[..keep].into();
    if text.is_empty() {
        inlines.pop();
        // The break before an id alone on its last line goes with it.
        while matches!(inlines.last(), Some(Inline::SoftBreak | Inline::HardBreak)) {
            inlines.pop();
        }
    }
    Some(id)
}

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
pub(super) fn callout_marker(text: &str) -> Option<(String, Fold, usize)> {
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
pub(super) fn quote_block(mut blocks: Vec<Block>) -> Block {
    let marker = match blocks.first() {
        Some(Block::Paragraph(inlines)) => match inlines.first() {
            Some(Inline::Text { text, .. }) => callout_marker(text),
            _ => None,
        },
        _ => None,
    };
    let Some((raw_kind, fold, used)) = marker else {
        return Block::Quote(blocks.into_boxed_slice());
    };
    let inlines = match blocks.first_mut() {
        Some(Block::Paragraph(inlines)) => std::mem::take(inlines).into_vec(),
        _ => Vec::new(),
    };
    if !blocks.is_empty() {
        blocks.remove(0);
    }
    let (title, body) = split_title(inlines, used);
    if !body.is_empty() {
        blocks.insert(0, Block::Paragraph(body.into_boxed_slice()));
    }
    Block::Callout(Box::new(Callout {
        kind: callout_kind(&raw_kind),
        raw_kind,
        title: title.into_boxed_slice(),
        fold,
        blocks: blocks.into_boxed_slice(),
    }))
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
                    title.push(Inline::text(rest, style));
                }
            }
            other => title.push(other),
        }
    }
    if let Some(Inline::Text { text, .. }) = title.last_mut() {
        let trimmed = text.trim_end().len();
        if trimmed < text.len() {
            *text = text[..trimmed].into();
        }
        if text.is_empty() {
            title.pop();
        }
    }
    (title, body)
}

#[cfg(test)]
mod tests {
    use crate::frequency::Tier;

    /// The one-pass address test agrees with searching each needle.
    #[test]
    fn an_address_is_suspected_where_one_of_its_needles_is() {
        for s in [
            "",
            "a.b",
            "www",
            "www.x",
            "WWW.X",
            "wWw.x",
            "x://",
            ":/",
            "a: //",
            "ww.",
            ".www",
            "see https://a.b",
            "é://",
            "mailto:x",
            "1.2.3",
            "w.w.w.",
        ] {
            let expected = s.contains("://") || s.contains("www.") || s.contains("WWW.");
            assert_eq!(super::may_have_url(s), expected, "{s:?}");
        }
    }
    use crate::notes::doc::*;
    use crate::notes::parse::parse;
    use crate::notes::parse::test_support::*;

    #[test]
    fn wikilink_forms() {
        let doc =
            parse("[[Note]] [[Note#Heading]] [[#Local]] [[Note|alias]] [[folder/Note.md#H|shown]]");
        let links: Vec<(WikiTarget, String)> = match &doc.blocks[0] {
            Block::Paragraph(inl) => inl
                .iter()
                .filter_map(|i| match i {
                    Inline::WikiLink(link) => Some((link.target.clone(), link.label.clone())),
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
                        Inline::Embed(e) => Some(&**e),
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
            Block::Paragraph(Box::new([Inline::text("Because.", Style::default())]))
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
    fn tag_on_heading_line_belongs_to_that_heading() {
        let doc = parse("# Intro\n\n## Amazon SQS #très-fréquent\n\ntext\n");
        let hint = doc.frequency_hints.first().expect("hint");
        assert_eq!(hint.heading, Some(1));
        assert_eq!(hint.tier, Tier::TresFrequent);
        assert_eq!(doc.headings[1].text.trim(), "Amazon SQS");
        let first = parse("## Amazon SQS #tres-frequent\n");
        assert_eq!(first.frequency_hints[0].heading, Some(0));
    }
}
