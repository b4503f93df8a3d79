//! Obsidian syntax students write (found in public SAA-C03 vaults): each test is named
//! after the bug it prevents and asserts the document produced.

use crate::notes::doc::*;
use crate::notes::parse::test_support::plain;
use crate::notes::parse::{ParseOptions, parse, parse_with};

const STUDENT: &str = include_str!("../../../tests/fixtures/obsidian-syntax/student-note.md");

fn text(s: &str) -> Inline {
    Inline::Text {
        text: s.into(),
        style: Style::default(),
    }
}

fn styled(s: &str, style: Style) -> Inline {
    Inline::Text {
        text: s.into(),
        style,
    }
}

fn paragraph(doc: &Document, i: usize) -> &[Inline] {
    match doc.blocks.get(i) {
        Some(Block::Paragraph(inl)) => inl,
        other => panic!("block {i} is not a paragraph: {other:?}\n{:#?}", doc.blocks),
    }
}

/// Every inline of the document, containers included.
fn all_inlines(blocks: &[Block]) -> Vec<&Inline> {
    let mut out = Vec::new();
    let mut stack: Vec<&Block> = blocks.iter().rev().collect();
    while let Some(b) = stack.pop() {
        match b {
            Block::Paragraph(i) | Block::Heading { content: i, .. } => out.extend(i.iter()),
            Block::List { items, .. } => {
                for item in items.iter().rev() {
                    stack.extend(item.blocks.iter().rev());
                }
            }
            Block::Quote(inner) => stack.extend(inner.iter().rev()),
            Block::Callout(c) => stack.extend(c.blocks.iter().rev()),
            Block::Details(details) => {
                out.extend(details.summary.iter());
                stack.extend(details.blocks.iter().rev());
            }
            Block::Table(table) => {
                for cell in table.header.iter().chain(table.rows.iter().flatten()) {
                    out.extend(cell.iter());
                }
            }
            _ => {}
        }
    }
    out
}

#[test]
fn single_line_breaks_are_kept_as_in_obsidian() {
    let doc = parse("Checks run every minute\nand report to CloudWatch.\n");
    assert_eq!(
        paragraph(&doc, 0),
        [
            text("Checks run every minute"),
            Inline::HardBreak,
            text("and report to CloudWatch.")
        ]
    );
    let strict = parse_with(
        "a\nb\n",
        ParseOptions {
            strict_line_breaks: true,
        },
    );
    assert_eq!(
        paragraph(&strict, 0),
        [text("a"), Inline::SoftBreak, text("b")]
    );
}

#[test]
fn bare_urls_become_links_without_trailing_punctuation() {
    let doc = parse(
        "See https://docs.aws.amazon.com/ec2/index.html. Or www.example.com, (http://a.b/c_(d)) and <https://aws.amazon.com>.",
    );
    let links: Vec<(&str, &str)> = paragraph(&doc, 0)
        .iter()
        .filter_map(|i| match i {
            Inline::Link(link) => Some((link.url.as_str(), link.text.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(
        links,
        [
            (
                "https://docs.aws.amazon.com/ec2/index.html",
                "https://docs.aws.amazon.com/ec2/index.html"
            ),
            ("https://www.example.com", "www.example.com"),
            ("http://a.b/c_(d)", "http://a.b/c_(d)"),
            ("https://aws.amazon.com", "https://aws.amazon.com"),
        ]
    );
    assert_eq!(plain(paragraph(&doc, 0)).matches(". Or ").count(), 1);
    // A word that merely starts like one is text.
    let doc = parse("what https:// http is\n");
    assert!(!format!("{doc:?}").contains("Link"));
}

#[test]
fn inline_html_styles_never_show_tags() {
    let doc = parse(
        "<span style=\"color:red\">Exam trap</span>: <u>stop</u>/<mark>start</mark> H<sub>2</sub>O 2<sup>10</sup> <font color=\"#00f\">blue</font> <b>b</b><i>i</i><s>s</s><br>next <bucket-name>\n",
    );
    let inl = paragraph(&doc, 0);
    let red = Style::default().with_color(Some([255, 0, 0]));
    assert_eq!(inl[0], styled("Exam trap", red));
    assert!(inl.contains(&styled("stop", Style::default().with(StyleFlag::Underline))));
    assert!(inl.contains(&styled(
        "start",
        Style::default().with(StyleFlag::Highlight)
    )));
    assert!(inl.contains(&styled("2", Style::default().with(StyleFlag::Sub))));
    assert!(inl.contains(&styled("10", Style::default().with(StyleFlag::Sup))));
    assert!(inl.contains(&styled(
        "blue",
        Style::default().with_color(Some([0, 0, 255]))
    )));
    assert!(inl.contains(&styled("b", Style::default().with(StyleFlag::Bold))));
    assert!(inl.contains(&Inline::HardBreak));
    let shown = plain(inl);
    assert!(!shown.contains("<span") && !shown.contains("</u>") && !shown.contains("<br>"));
    // A placeholder in angle brackets is not HTML: the student meant it as text.
    assert!(shown.contains("<bucket-name>"), "{shown}");
}

#[test]
fn html_img_is_an_image_and_a_reference() {
    let doc = parse("<img src=\"attachments/vpc.png\" alt=\"VPC\" width=\"400\">\n");
    assert_eq!(
        paragraph(&doc, 0),
        [Inline::image_sized(
            "attachments/vpc.png",
            "VPC",
            Some(400.0)
        )]
    );
    assert_eq!(doc.references[0].kind, ReferenceKind::Image);
}

#[test]
fn details_summary_is_a_foldable_block() {
    let doc = parse(
        "<details open>\n<summary>Click <b>here</b></summary>\n\n- hidden detail\n\n</details>\n\nafter\n",
    );
    let Block::Details(details) = &doc.blocks[0] else {
        panic!("{:#?}", doc.blocks);
    };
    let Details {
        summary,
        blocks,
        open,
    } = &**details;
    assert!(*open);
    assert_eq!(plain(summary), "Click here");
    assert!(matches!(blocks[..], [Block::List { .. }]), "{blocks:?}");
    assert_eq!(paragraph(&doc, 1), [text("after")]);
    // Not closed: it ends with the note, nothing is lost.
    let doc = parse("<details>\n<summary>S</summary>\n\ntext\n");
    assert!(matches!(&doc.blocks[0], Block::Details(d) if !d.open && d.blocks.len() == 1));
}

#[test]
fn highlights_comments_and_block_ids() {
    let doc = parse(
        "* ==AWS recommends [[Dead Letter Queues]] less==\n\na == b and c==d\n\nvisible %%hidden%% text\n\n%% multi\n\nline %%\nAuto recovery keeps the ID. ^recovery\n",
    );
    let Block::List { items, .. } = &doc.blocks[0] else {
        panic!("{:?}", doc.blocks);
    };
    let Block::Paragraph(item) = &items[0].blocks[0] else {
        panic!();
    };
    let hl = Style::default().with(StyleFlag::Highlight);
    assert_eq!(item[0], styled("AWS recommends ", hl));
    assert!(matches!(&item[1], Inline::WikiLink(link) if link.label == "Dead Letter Queues"));
    assert_eq!(item[2], styled(" less", hl));
    // `==` between spaces or in a word is not a marker.
    assert_eq!(plain(paragraph(&doc, 1)), "a == b and c==d");
    assert!(!format!("{:?}", doc.blocks[1]).contains("highlight: true"));
    assert_eq!(plain(paragraph(&doc, 2)), "visible  text");
    assert_eq!(plain(paragraph(&doc, 3)), "Auto recovery keeps the ID.");
    assert_eq!(doc.blocks[4], Block::Anchor("recovery".into()));
    assert!(!format!("{doc:?}").contains("hidden") && !format!("{doc:?}").contains("multi"));
    // The id keeps its line, and the wikilink to it keeps `^id`.
    let link = parse("[[EC2 Basics#^recovery]]");
    assert!(matches!(&paragraph(&link, 0)[0],
        Inline::WikiLink(link) if link.target.heading.as_deref() == Some("^recovery")));
}

#[test]
fn block_id_on_its_own_line_after_a_list_item() {
    let doc = parse("- first item ^item-1\n- second\n");
    let Block::List { items, .. } = &doc.blocks[0] else {
        panic!();
    };
    assert_eq!(items[0].blocks[1], Block::Anchor("item-1".into()));
    assert_eq!(
        plain(match &items[0].blocks[0] {
            Block::Paragraph(i) => i,
            _ => panic!(),
        }),
        "first item"
    );
    // `x^2` is no block id.
    assert_eq!(plain(paragraph(&parse("x^2"), 0)), "x^2");
}

#[test]
fn math_inline_and_display_but_not_prices() {
    let doc = parse(
        "Availability: $1 - (1 - a)^{2}$ where $a \\geq 0.99$.\n\n$$\n\\text{Cost} = \\frac{\\text{GB}}{30} \\times 0.023\n$$\n\nFrom $5 and $10 a month, $130K–$180K (US), ${aws:username}\n",
    );
    let maths: Vec<(&str, &str)> = paragraph(&doc, 0)
        .iter()
        .filter_map(|i| match i {
            Inline::Math(math) => Some((math.tex.as_str(), math.text.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(
        maths,
        [
            ("1 - (1 - a)^{2}", "1 - (1 - a)²"),
            ("a \\geq 0.99", "a ≥ 0.99")
        ]
    );
    let Block::Math(math) = &doc.blocks[1] else {
        panic!("{:#?}", doc.blocks);
    };
    assert!(math.tex.starts_with("\\text{Cost}"));
    assert_eq!(math.text, "Cost = GB⁄30 × 0.023");
    let prices = paragraph(&doc, 2);
    assert!(
        !prices.iter().any(|i| matches!(i, Inline::Math(_))),
        "{prices:?}"
    );
    assert_eq!(
        plain(prices),
        "From $5 and $10 a month, $130K–$180K (US), ${aws:username}"
    );
}

#[test]
fn table_wikilink_with_escaped_alias_bar_keeps_heading_and_alias() {
    let doc = parse("| See |\n| --- |\n| [[EC2 Basics#Instance Types\\|types]] |\n");
    let Block::Table(table) = &doc.blocks[0] else {
        panic!("{:?}", doc.blocks);
    };
    let Inline::WikiLink(link) = &table.rows[0][0][0] else {
        panic!("{:?}", table.rows[0][0]);
    };
    assert_eq!(link.target.note, "EC2 Basics");
    assert_eq!(link.target.heading.as_deref(), Some("Instance Types"));
    assert_eq!(link.label, "types");
}

#[test]
fn student_fixture_has_no_raw_syntax_left() {
    let doc = parse(STUDENT);
    let shown: String = all_inlines(&doc.blocks)
        .into_iter()
        .map(|i| match i {
            Inline::Text { text, .. } | Inline::Code(text) => text.to_string(),
            Inline::Math(math) => math.text.clone(),
            _ => " ".into(),
        })
        .collect();
    for raw in [
        "<br>",
        "<span",
        "==",
        "%%",
        "^recovery",
        "\\frac",
        "</details>",
        "\\|",
    ] {
        assert!(!shown.contains(raw), "{raw} shown in {shown}");
    }
    assert!(
        doc.blocks
            .iter()
            .any(|b| matches!(b, Block::Details { .. }))
    );
    assert!(doc.blocks.iter().any(|b| matches!(b, Block::Math { .. })));
    assert!(doc.blocks.contains(&Block::Anchor("recovery".into())));
    // Frontmatter lines still count for the headings' lines.
    assert_eq!(doc.headings[0].line, 4);
}

#[test]
fn excalidraw_note_is_a_drawing_not_json() {
    let note = "---\nexcalidraw-plugin: parsed\ntags: [excalidraw]\n---\n==⚠  Switch to EXCALIDRAW VIEW ⚠==\n\n# Excalidraw Data\n## Text Elements\nS3 bucket ^abc\n\n%%\n## Drawing\n```json\n{\"elements\":[{\"type\":\"text\",\"x\":0,\"y\":0,\"width\":9,\"height\":9,\"text\":\"S3 bucket\"}]}\n```\n%%\n";
    let doc = parse(note);
    assert_eq!(doc.blocks.len(), 1, "{:#?}", doc.blocks);
    let Block::Drawing(scene) = &doc.blocks[0] else {
        panic!();
    };
    assert_eq!(scene.elements[0].text, "S3 bucket");
    assert!(doc.headings.is_empty(), "Text Elements are not shown");
    assert_eq!(doc.tags, ["excalidraw"]);
    let broken = parse(&note.replace("\"elements\":[", "\"elements\":"));
    let Block::Drawing(scene) = &broken.blocks[0] else {
        panic!();
    };
    assert!(scene.problem.is_some());
}

/// Regression: opening a search hit showed the top of the note, because no block knew
/// its line; and `[[Note#^id]]` could not find the block an id closes.
#[test]
fn every_top_level_block_knows_its_first_line() {
    let text = "---\ntags: [a]\n---\n# Title\n\nFirst paragraph\nstill first.\n\n- item one\n- item two ^items\n\n> [!note] Callout\n> body ^inside\n\nLast one. ^last\n";
    let doc = parse(text);
    assert_eq!(doc.block_lines.len(), doc.blocks.len());
    // Heading, paragraph, list, callout, paragraph, anchor.
    assert_eq!(doc.block_lines[..5], [4, 6, 9, 12, 15]);
    assert_eq!(doc.block_at_line(7), Some(1), "the paragraph's second line");
    assert_eq!(doc.block_at_line(10), Some(2));
    assert_eq!(
        doc.block_at_line(2),
        None,
        "frontmatter is above every block"
    );
    assert_eq!(
        doc.block_of_anchor("^last"),
        Some(4),
        "the paragraph the id closes"
    );
    assert_eq!(doc.block_of_anchor("items"), Some(2), "nested in the list");
    assert_eq!(
        doc.block_of_anchor("^INSIDE"),
        Some(3),
        "nested in the callout"
    );
    assert_eq!(doc.block_of_anchor("^nope"), None);
}

/// Regression: `<img width="…">` and Obsidian's `![alt|300](…)` were drawn at their
/// natural size, the width the author asked for dropped.
#[test]
fn image_widths_from_html_and_obsidian_alt_text() {
    let doc = parse(
        "![Diagram|250](a.png) ![x](b.png) <img src=\"c.png\" width=\"120px\"> <img src=\"d.png\" width=\"50%\">\n",
    );
    let widths: Vec<_> = paragraph(&doc, 0)
        .iter()
        .filter_map(|i| match i {
            Inline::Image(image) => Some((image.alt.as_str(), image.width)),
            _ => None,
        })
        .collect();
    assert_eq!(
        widths,
        [
            ("Diagram", Some(250.0)),
            ("x", None),
            ("", Some(120.0)),
            ("", None)
        ]
    );
}
