//! Export of a diagram to a standalone SVG document ([`to_svg`]) and to PNG ([`to_png`],
//! rendered from that SVG with resvg).
//!
//! The SVG draws group boxes in the AWS style (coloured border, dashed for Availability
//! Zones and Regions, the group icon in the top-left corner and the title), service icons
//! embedded as nested `<svg>` elements taken from the bundled catalog (their ids prefixed so
//! two copies of one icon never collide), labels under the services, and edges as polylines
//! with arrow heads. Every piece of user text is XML-escaped; an unknown icon name is drawn
//! as a grey dashed placeholder. Rendering never reads anything from disk except system
//! fonts.

use std::fmt::Write as _;
use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

use super::model::{Arrows, Diagram, Edge, GroupKind, Node, NodeId, NodeKind, Point, Rect};
use crate::icons::Catalog;

/// Margin around the diagram's bounds, in world units.
const MARGIN: f32 = 20.0;
/// Font size of labels and titles.
const FONT_SIZE: f32 = 12.0;
/// Distance between lines of a label.
const LINE_HEIGHT: f32 = 14.0;
/// Rough width of a character at [`FONT_SIZE`], used to reserve room for labels.
const CHAR_WIDTH: f32 = 7.0;
/// Size of a group's corner icon.
const GROUP_ICON: f32 = 24.0;
/// Colour of edges and their arrow heads.
const EDGE_COLOUR: &str = "#545b64";
/// Colour of text.
const TEXT_COLOUR: &str = "#232f3e";
/// Largest PNG side, in pixels.
const MAX_PNG_SIDE: f32 = 16384.0;
/// Largest PNG area, in pixels (256 MiB of RGBA).
const MAX_PNG_PIXELS: f32 = 64.0 * 1024.0 * 1024.0;

/// A standalone SVG of the whole diagram (its bounds plus a 20-unit margin, 1 unit = 1 px,
/// white background). Like draw.io's own `.drawio.svg`, the root's `content` attribute
/// holds the diagram as an mxfile, so draw.io (and [`super::drawio::import`]) can edit it.
#[must_use]
pub fn to_svg(d: &Diagram) -> String {
    svg_document(d, true)
}

fn svg_document(d: &Diagram, editable: bool) -> String {
    let catalog = Catalog::bundled();
    let canvas = canvas(d);
    let mut out = String::with_capacity(16 * 1024);
    let content = if editable {
        format!(r#" content="{}""#, escape(&super::drawio::export(d)))
    } else {
        String::new()
    };
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="{w}" height="{h}" viewBox="{x} {y} {w} {h}"{content}>"#,
        x = num(canvas.x),
        y = num(canvas.y),
        w = num(canvas.w),
        h = num(canvas.h),
    );
    out.push('\n');
    let _ = writeln!(
        out,
        r#"<defs><marker id="awsd-arrow-end" viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="{EDGE_COLOUR}"/></marker><marker id="awsd-arrow-start" viewBox="0 0 10 10" refX="0" refY="5" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" orient="auto"><path d="M10,0 L0,5 L10,10 z" fill="{EDGE_COLOUR}"/></marker></defs>"#
    );
    let _ = writeln!(
        out,
        r##"<rect x="{}" y="{}" width="{}" height="{}" fill="#ffffff"/>"##,
        num(canvas.x),
        num(canvas.y),
        num(canvas.w),
        num(canvas.h)
    );

    let mut embedded = 0usize;
    for id in drawing_order(d) {
        let Some(node) = d.nodes.get(&id) else {
            continue;
        };
        match &node.kind {
            NodeKind::Group { kind } => draw_group(&mut out, node, *kind, catalog, &mut embedded),
            NodeKind::Service { icon } => {
                draw_service(&mut out, node, icon, catalog, &mut embedded);
            }
            NodeKind::Text => draw_text(&mut out, node),
            NodeKind::Box => draw_box(&mut out, node),
        }
    }
    for edge in d.edges.values() {
        draw_edge(&mut out, d, edge);
    }
    out.push_str("</svg>\n");
    out
}

/// Renders [`to_svg`] at `scale` (1.0 = 1 px per unit; clamped to 0.25..=8, and further
/// reduced so the image is at most 16384 px a side and 64 Mpx in all) to PNG bytes.
///
/// Text is drawn with the system's sans-serif font; without any font it is simply not
/// drawn. External images are never loaded. As draw.io does, a `tEXt` chunk with keyword
/// `mxfile` carries the diagram (URL-encoded mxfile), so the image stays editable.
///
/// # Errors
/// A message if the SVG cannot be rendered or encoded (a bug, or out of memory).
pub fn to_png(d: &Diagram, scale: f32) -> Result<Vec<u8>, String> {
    let scale = if scale.is_finite() {
        scale.clamp(0.25, 8.0)
    } else {
        1.0
    };
    let svg = svg_document(d, false);
    let opt = usvg::Options {
        // Never resolve image references (files on disk, or data URLs).
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: Box::new(|_, _, _| None),
            resolve_string: Box::new(|_, _| None),
        },
        resources_dir: None,
        fontdb: fonts(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(&svg, &opt).map_err(|e| format!("cannot render: {e}"))?;
    let (w, h, s) = png_size(tree.size().width(), tree.size().height(), scale);
    let mut pixmap =
        tiny_skia::Pixmap::new(w, h).ok_or_else(|| format!("cannot allocate a {w}×{h} image"))?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(s, s),
        &mut pixmap.as_mut(),
    );
    let png = pixmap
        .encode_png()
        .map_err(|e| format!("cannot encode PNG: {e}"))?;
    Ok(with_text_chunk(
        png,
        "mxfile",
        &super::drawio::url_encode(&super::drawio::export(d)),
    ))
}

/// The PNG with a `tEXt` chunk (`keyword`, `text`: Latin-1, here ASCII) before `IEND`.
/// Bytes that are not a PNG ending with `IEND` are returned unchanged.
fn with_text_chunk(png: Vec<u8>, keyword: &str, text: &str) -> Vec<u8> {
    const IEND_CHUNK: usize = 12;
    let Some(at) = png.len().checked_sub(IEND_CHUNK) else {
        return png;
    };
    if png.get(at + 4..at + 8) != Some(b"IEND".as_slice()) {
        return png;
    }
    let mut data = Vec::with_capacity(keyword.len() + 1 + text.len());
    data.extend_from_slice(keyword.as_bytes());
    data.push(0);
    data.extend_from_slice(text.as_bytes());
    let Ok(len) = u32::try_from(data.len()) else {
        return png;
    };
    let mut crc = flate2::Crc::new();
    crc.update(b"tEXt");
    crc.update(&data);
    let mut out = Vec::with_capacity(png.len() + data.len() + 12);
    out.extend_from_slice(&png[..at]);
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(b"tEXt");
    out.extend_from_slice(&data);
    out.extend_from_slice(&crc.sum().to_be_bytes());
    out.extend_from_slice(&png[at..]);
    out
}

/// Pixel size and effective scale of a `width`×`height` image at `scale`, within the
/// side and area limits.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn png_size(width: f32, height: f32, scale: f32) -> (u32, u32, f32) {
    let width = width.max(1.0);
    let height = height.max(1.0);
    let mut s = scale.min(MAX_PNG_SIDE / width).min(MAX_PNG_SIDE / height);
    let area = width * height * s * s;
    if area > MAX_PNG_PIXELS {
        s *= (MAX_PNG_PIXELS / area).sqrt();
    }
    let w = (width * s).ceil().clamp(1.0, MAX_PNG_SIDE) as u32;
    let h = (height * s).ceil().clamp(1.0, MAX_PNG_SIDE) as u32;
    (w, h, s)
}

/// System fonts, loaded once, with `sans-serif` mapped to a family that exists.
pub(crate) fn fonts() -> Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            db.load_system_fonts();
            let families: Vec<String> = db
                .faces()
                .flat_map(|f| f.families.iter().map(|(name, _)| name.clone()))
                .collect();
            let preferred = [
                "Arial",
                "Helvetica",
                "Liberation Sans",
                "DejaVu Sans",
                "Noto Sans",
                "Nimbus Sans",
                "FreeSans",
                "Segoe UI",
            ];
            let chosen = preferred
                .iter()
                .find(|p| families.iter().any(|f| f == *p))
                .map(|p| (*p).to_owned())
                .or_else(|| families.first().cloned());
            if let Some(family) = chosen {
                db.set_sans_serif_family(family);
            }
            Arc::new(db)
        })
        .clone()
}

/// Nodes in drawing order: `order` first (existing, once each), then any node it misses.
fn drawing_order(d: &Diagram) -> Vec<NodeId> {
    let mut seen = std::collections::BTreeSet::new();
    let mut ids: Vec<NodeId> = d
        .order
        .iter()
        .copied()
        .filter(|id| d.nodes.contains_key(id) && seen.insert(*id))
        .collect();
    ids.extend(d.nodes.keys().copied().filter(|id| seen.insert(*id)));
    ids
}

/// The exported area: the bounds of every node (and of the labels under services) plus
/// the margin, rounded outwards to whole units.
fn canvas(d: &Diagram) -> Rect {
    let mut min = Point {
        x: f32::INFINITY,
        y: f32::INFINITY,
    };
    let mut max = Point {
        x: f32::NEG_INFINITY,
        y: f32::NEG_INFINITY,
    };
    let mut add = |x0: f32, y0: f32, x1: f32, y1: f32| {
        min.x = min.x.min(x0);
        min.y = min.y.min(y0);
        max.x = max.x.max(x1);
        max.y = max.y.max(y1);
    };
    for node in d.nodes.values() {
        let r = clean(node.rect);
        add(r.x, r.y, r.x + r.w, r.y + r.h);
        if matches!(node.kind, NodeKind::Service { .. }) && !node.label.trim().is_empty() {
            let lines = label_lines(&node.label);
            #[allow(clippy::cast_precision_loss)]
            let widest =
                lines.iter().map(|l| l.chars().count()).max().unwrap_or(0) as f32 * CHAR_WIDTH;
            #[allow(clippy::cast_precision_loss)]
            let below = r.y + r.h + 4.0 + lines.len() as f32 * LINE_HEIGHT;
            let cx = r.x + r.w / 2.0;
            add(cx - widest / 2.0, r.y, cx + widest / 2.0, below);
        }
    }
    if !min.x.is_finite() || !max.x.is_finite() {
        return Rect {
            x: 0.0,
            y: 0.0,
            w: 2.0 * MARGIN,
            h: 2.0 * MARGIN,
        };
    }
    let x0 = (min.x - MARGIN).floor();
    let y0 = (min.y - MARGIN).floor();
    let x1 = (max.x + MARGIN).ceil();
    let y1 = (max.y + MARGIN).ceil();
    Rect {
        x: x0,
        y: y0,
        w: (x1 - x0).max(1.0),
        h: (y1 - y0).max(1.0),
    }
}

/// A rectangle with non-finite coordinates replaced by 0 and negative sizes by their
/// absolute value, so user data never produces invalid SVG.
fn clean(r: Rect) -> Rect {
    let f = |v: f32| if v.is_finite() { v } else { 0.0 };
    Rect {
        x: f(r.x),
        y: f(r.y),
        w: f(r.w).abs(),
        h: f(r.h).abs(),
    }
}

fn center(r: Rect) -> Point {
    Point {
        x: r.x + r.w / 2.0,
        y: r.y + r.h / 2.0,
    }
}

/// The non-empty lines of a label.
fn label_lines(label: &str) -> Vec<&str> {
    label
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

/// Style of a group box, as the canvas draws it: (title, colour, dashed, icon `aws_name`).
fn group_style(kind: GroupKind) -> (&'static str, [u8; 3], bool, Option<&'static str>) {
    (kind.label(), kind.color(), kind.dashed(), kind.icon_name())
}

fn draw_group(
    out: &mut String,
    node: &Node,
    kind: GroupKind,
    catalog: &Catalog,
    embedded: &mut usize,
) {
    let (default_title, [r, g, b], dashed, icon_name) = group_style(kind);
    let rect = clean(node.rect);
    let dash = if dashed {
        r#" stroke-dasharray="6 4""#
    } else {
        ""
    };
    let _ = writeln!(
        out,
        r##"<g class="group"><rect x="{}" y="{}" width="{}" height="{}" fill="none" stroke="#{r:02x}{g:02x}{b:02x}" stroke-width="1.5"{dash}/>"##,
        num(rect.x),
        num(rect.y),
        num(rect.w),
        num(rect.h),
    );
    let icon = icon_name.and_then(|n| catalog.by_aws_name(n));
    if let Some(icon) = icon {
        let at = Rect {
            x: rect.x,
            y: rect.y,
            w: GROUP_ICON,
            h: GROUP_ICON,
        };
        *embedded += 1;
        if let Some(svg) = embed_icon(icon.svg, &format!("awsd-i{embedded}-"), at) {
            out.push_str(&svg);
            out.push('\n');
        }
    }
    let title = if node.label.trim().is_empty() {
        default_title
    } else {
        node.label.as_str()
    };
    let tx = rect.x
        + if icon.is_some() {
            GROUP_ICON + 6.0
        } else {
            8.0
        };
    let _ = writeln!(
        out,
        r#"<text x="{}" y="{}" font-family="sans-serif" font-size="{}" fill="{TEXT_COLOUR}">{}</text></g>"#,
        num(tx),
        num(rect.y + 16.0),
        num(FONT_SIZE),
        escape(title.lines().next().unwrap_or_default()),
    );
}

fn draw_service(
    out: &mut String,
    node: &Node,
    icon_name: &str,
    catalog: &Catalog,
    embedded: &mut usize,
) {
    let rect = clean(node.rect);
    out.push_str(r#"<g class="service">"#);
    let svg = catalog.by_aws_name(icon_name).and_then(|icon| {
        *embedded += 1;
        embed_icon(icon.svg, &format!("awsd-i{embedded}-"), rect)
    });
    if let Some(svg) = svg {
        out.push_str(&svg);
    } else {
        let c = center(rect);
        let name: String = if icon_name.chars().count() > 24 {
            icon_name.chars().take(23).chain(['…']).collect()
        } else {
            icon_name.to_owned()
        };
        let _ = write!(
            out,
            r##"<rect x="{}" y="{}" width="{}" height="{}" fill="#f2f3f3" stroke="#879596" stroke-width="1.5" stroke-dasharray="4 3"/><text x="{}" y="{}" font-family="sans-serif" font-size="{}" text-anchor="middle" fill="#879596">?</text><text x="{}" y="{}" font-family="sans-serif" font-size="7" text-anchor="middle" fill="#545b64">{}</text>"##,
            num(rect.x),
            num(rect.y),
            num(rect.w),
            num(rect.h),
            num(c.x),
            num(c.y + rect.h * 0.12),
            num((rect.h * 0.4).max(1.0)),
            num(c.x),
            num(rect.y + rect.h - 5.0),
            escape(&name),
        );
    }
    let cx = center(rect).x;
    for (i, line) in label_lines(&node.label).iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let y = rect.y + rect.h + LINE_HEIGHT + i as f32 * LINE_HEIGHT;
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" font-family="sans-serif" font-size="{}" text-anchor="middle" fill="{TEXT_COLOUR}">{}</text>"#,
            num(cx),
            num(y),
            num(FONT_SIZE),
            escape(line),
        );
    }
    out.push_str("</g>\n");
}

/// The lines of a label centred in `rect`, one `<text>` each.
/// `label`'s lines, each wrapped at word boundaries to fit `width` (by the average width
/// of a sans-serif character: SVG has no text layout of its own, and a free label of draw.io
/// is a paragraph meant to wrap in its box).
fn wrapped_lines(label: &str, width: f32) -> Vec<String> {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let max_chars = ((width / (FONT_SIZE * 0.55)).floor().max(1.0)) as usize;
    let mut out = Vec::new();
    for line in label_lines(label) {
        let mut current = String::new();
        for word in line.split_whitespace() {
            let len = current.chars().count();
            if len > 0 && len + 1 + word.chars().count() > max_chars {
                out.push(std::mem::take(&mut current));
            }
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
        if !current.is_empty() {
            out.push(current);
        }
    }
    out
}

fn centred_lines(out: &mut String, rect: Rect, label: &str) {
    let lines = wrapped_lines(label, rect.w);
    let c = center(rect);
    #[allow(clippy::cast_precision_loss)]
    let top = c.y - (lines.len() as f32 * LINE_HEIGHT) / 2.0 + FONT_SIZE;
    for (i, line) in lines.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let y = top + i as f32 * LINE_HEIGHT;
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" font-family="sans-serif" font-size="{}" text-anchor="middle" fill="{TEXT_COLOUR}">{}</text>"#,
            num(c.x),
            num(y - 2.0),
            num(FONT_SIZE),
            escape(line),
        );
    }
}

/// A free label: its lines centred in its box, nothing else.
fn draw_text(out: &mut String, node: &Node) {
    out.push_str(r#"<g class="text">"#);
    centred_lines(out, clean(node.rect), &node.label);
    out.push_str("</g>\n");
}

/// A plain labelled rectangle.
fn draw_box(out: &mut String, node: &Node) {
    let rect = clean(node.rect);
    let _ = write!(
        out,
        r##"<g class="box"><rect x="{}" y="{}" width="{}" height="{}" fill="#ffffff" stroke="#879596" stroke-width="1"/>"##,
        num(rect.x),
        num(rect.y),
        num(rect.w),
        num(rect.h),
    );
    centred_lines(out, rect, &node.label);
    out.push_str("</g>\n");
}

fn draw_edge(out: &mut String, d: &Diagram, edge: &Edge) {
    // The same route as the canvas draws; empty when a node is missing.
    let points = d.edge_path(edge);
    if points.len() < 2 {
        return;
    }
    let pts: Vec<String> = points
        .iter()
        .map(|p| format!("{},{}", num(p.x), num(p.y)))
        .collect();
    let markers = match edge.arrows {
        Arrows::None => "",
        Arrows::Forward => r#" marker-end="url(#awsd-arrow-end)""#,
        Arrows::Both => {
            r#" marker-start="url(#awsd-arrow-start)" marker-end="url(#awsd-arrow-end)""#
        }
    };
    let _ = writeln!(
        out,
        r#"<polyline class="edge" points="{}" fill="none" stroke="{EDGE_COLOUR}" stroke-width="1.5"{markers}/>"#,
        pts.join(" ")
    );
    let label = edge.label.lines().next().unwrap_or_default().trim();
    if !label.is_empty() {
        let m = midpoint(&points);
        #[allow(clippy::cast_precision_loss)]
        let w = label.chars().count() as f32 * CHAR_WIDTH + 8.0;
        let _ = writeln!(
            out,
            r##"<rect x="{}" y="{}" width="{}" height="16" fill="#ffffff" fill-opacity="0.85"/><text x="{}" y="{}" font-family="sans-serif" font-size="{}" text-anchor="middle" fill="{TEXT_COLOUR}">{}</text>"##,
            num(m.x - w / 2.0),
            num(m.y - 8.0),
            num(w),
            num(m.x),
            num(m.y + 4.0),
            num(FONT_SIZE),
            escape(label),
        );
    }
}

/// The point halfway along a polyline.
fn midpoint(points: &[Point]) -> Point {
    let seg = |a: &Point, b: &Point| (b.x - a.x).hypot(b.y - a.y);
    let total: f32 = points.windows(2).map(|w| seg(&w[0], &w[1])).sum();
    let mut left = total / 2.0;
    for w in points.windows(2) {
        let l = seg(&w[0], &w[1]);
        if l >= left && l > 0.0 {
            let t = left / l;
            return Point {
                x: w[0].x + (w[1].x - w[0].x) * t,
                y: w[0].y + (w[1].y - w[0].y) * t,
            };
        }
        left -= l;
    }
    points.first().copied().unwrap_or_default()
}

/// A number for SVG: at most two decimals, no trailing zeros, `0` for non-finite values.
pub(crate) fn num(v: f32) -> String {
    if !v.is_finite() {
        return "0".to_owned();
    }
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" || s.is_empty() {
        "0".to_owned()
    } else {
        s.to_owned()
    }
}

/// XML-escapes text for element content and attribute values, dropping characters XML
/// does not allow.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A catalog SVG as a nested `<svg>` placed at `at`, with every id (and every reference
/// to one) prefixed by `prefix`. `None` if the bytes are not an SVG document.
fn embed_icon(svg: &[u8], prefix: &str, at: Rect) -> Option<String> {
    let text = std::str::from_utf8(svg).ok()?;
    // Skip the XML prolog, doctype and comments: the root is the first `<svg` tag.
    let start = find_tag(text, "svg")?;
    let after_name = start + "<svg".len();
    let tag_end = tag_end(text, after_name)?;
    let self_closing = text[..tag_end].ends_with('/');
    let attr_text = if self_closing {
        &text[after_name..tag_end - 1]
    } else {
        &text[after_name..tag_end]
    };
    let inner = if self_closing {
        ""
    } else {
        let close = text.rfind("</svg")?;
        text.get(tag_end + 1..close)?
    };
    let attrs = parse_attributes(attr_text);
    let get = |name: &str| {
        attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    };
    let view_box = if let Some(vb) = get("viewBox") {
        vb.to_owned()
    } else {
        let dim = |n: &str| {
            get(n)
                .and_then(|v| v.trim().trim_end_matches("px").parse::<f32>().ok())
                .filter(|v| v.is_finite() && *v > 0.0)
        };
        format!(
            "0 0 {} {}",
            num(dim("width").unwrap_or(64.0)),
            num(dim("height").unwrap_or(64.0))
        )
    };
    let mut out = format!(
        r#"<svg x="{}" y="{}" width="{}" height="{}" viewBox="{}""#,
        num(at.x),
        num(at.y),
        num(at.w),
        num(at.h),
        prefix_ids(&view_box, prefix)
    );
    for (name, value) in &attrs {
        let dropped = matches!(
            name.as_str(),
            "x" | "y" | "width" | "height" | "viewBox" | "xmlns" | "id" | "version"
        ) || name.starts_with("xmlns:");
        if !dropped {
            let _ = write!(
                out,
                r#" {name}="{}""#,
                prefix_ids(value, prefix).replace('"', "&quot;")
            );
        }
    }
    out.push('>');
    out.push_str(&prefix_ids(inner, prefix));
    out.push_str("</svg>");
    Some(out)
}

/// Byte offset of the first `<name` start tag (followed by a space, `>` or `/`).
fn find_tag(text: &str, name: &str) -> Option<usize> {
    let open = format!("<{name}");
    let mut from = 0;
    while let Some(i) = text[from..].find(&open) {
        let at = from + i;
        let next = text[at + open.len()..].chars().next()?;
        if next.is_ascii_whitespace() || next == '>' || next == '/' {
            return Some(at);
        }
        from = at + open.len();
    }
    None
}

/// Byte offset of the `>` closing the tag whose attributes start at `from` (quotes
/// respected).
fn tag_end(text: &str, from: usize) -> Option<usize> {
    let mut quote: Option<char> = None;
    for (i, c) in text.get(from..)?.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(from + i),
            (None, _) => {}
        }
    }
    None
}

/// `name="value"` pairs of a start tag, values as written (entities untouched).
fn parse_attributes(text: &str) -> Vec<(String, String)> {
    let mut attrs = Vec::new();
    let mut rest = text;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        let Some(eq) = rest.find('=') else {
            break;
        };
        let name = rest[..eq].trim().to_owned();
        let after = rest[eq + 1..].trim_start();
        let Some(q) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            break;
        };
        let Some(close) = after[1..].find(q) else {
            break;
        };
        attrs.push((name, after[1..=close].to_owned()));
        rest = &after[1 + close + 1..];
    }
    attrs
}

/// Prefixes `id="…"`, `url(#…)` and `href="#…"` (also `xlink:href`) with `prefix`.
fn prefix_ids(text: &str, prefix: &str) -> String {
    const PATTERNS: [(&str, bool); 8] = [
        ("id=\"", true),
        ("id='", true),
        ("url(#", false),
        ("url('#", false),
        ("url(\"#", false),
        ("url(&quot;#", false),
        ("href=\"#", false),
        ("href='#", false),
    ];
    let mut out = String::with_capacity(text.len() + 64);
    let mut i = 0;
    'outer: while i < text.len() {
        let rest = &text[i..];
        for (pat, needs_space) in PATTERNS {
            if rest.starts_with(pat)
                && (!needs_space || out.ends_with(|c: char| c.is_ascii_whitespace()))
            {
                out.push_str(pat);
                out.push_str(prefix);
                i += pat.len();
                continue 'outer;
            }
        }
        let Some(c) = rest.chars().next() else {
            break;
        };
        out.push(c);
        i += c.len_utf8();
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::diagram::model::{EdgeId, Routing, SERVICE_SIZE};

    fn icon(service: &str) -> String {
        let c = Catalog::bundled();
        c.get(
            crate::services::Catalog::bundled()
                .icon_of(service)
                .unwrap(),
        )
        .unwrap()
        .aws_name
        .clone()
    }

    fn node(id: u64, kind: NodeKind, label: &str, rect: Rect, parent: Option<u64>) -> Node {
        Node {
            id: NodeId(id),
            kind,
            label: label.to_owned(),
            rect,
            parent: parent.map(NodeId),
        }
    }

    fn r(x: f32, y: f32, w: f32, h: f32) -> Rect {
        Rect { x, y, w, h }
    }

    fn sample() -> Diagram {
        let mut d = Diagram::default();
        let nodes = [
            node(
                1,
                NodeKind::Group {
                    kind: GroupKind::Region,
                },
                "eu-west-3 & co",
                r(0.0, 0.0, 500.0, 220.0),
                None,
            ),
            node(
                2,
                NodeKind::Service {
                    icon: icon("Lambda"),
                },
                "<script>alert('x')</script>",
                r(40.0, 70.0, SERVICE_SIZE, SERVICE_SIZE),
                Some(1),
            ),
            node(
                3,
                NodeKind::Service {
                    icon: icon("Lambda"),
                },
                "Worker \"two\"\nsecond line",
                r(240.0, 120.0, SERVICE_SIZE, SERVICE_SIZE),
                Some(1),
            ),
            node(
                4,
                NodeKind::Service {
                    icon: "Arch_Not-A-Real-Icon_48".to_owned(),
                },
                "Mystery",
                r(380.0, 70.0, SERVICE_SIZE, SERVICE_SIZE),
                Some(1),
            ),
            node(
                5,
                NodeKind::Group {
                    kind: GroupKind::AvailabilityZone,
                },
                "",
                r(600.0, 0.0, 200.0, 200.0),
                None,
            ),
        ];
        for n in nodes {
            d.order.push(n.id);
            d.nodes.insert(n.id, n);
        }
        for (id, from, to, arrows, routing, label) in [
            (6, 2, 3, Arrows::Forward, Routing::Orthogonal, "a < b"),
            (7, 3, 4, Arrows::Both, Routing::Straight, ""),
            (8, 2, 99, Arrows::None, Routing::Straight, "dangling"),
        ] {
            d.edges.insert(
                EdgeId(id),
                Edge {
                    id: EdgeId(id),
                    from: NodeId(from),
                    to: NodeId(to),
                    label: label.to_owned(),
                    arrows,
                    routing,
                    waypoints: Vec::new(),
                },
            );
        }
        d.next_id = 9;
        d
    }

    fn parse(svg: &str) -> usvg::Tree {
        usvg::Tree::from_str(svg, &usvg::Options::default()).unwrap()
    }

    #[test]
    fn svg_escapes_labels_and_parses() {
        let svg = to_svg(&sample());
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;"));
        assert!(svg.contains("eu-west-3 &amp; co"));
        assert!(svg.contains("Worker &quot;two&quot;"));
        assert!(svg.contains(">second line<"));
        assert!(svg.contains("a &lt; b"));
        assert!(svg.contains("Availability Zone"));
        assert!(svg.contains("Arch_Not-A-Real-Icon_48"));
        assert!(svg.contains("stroke-dasharray=\"6 4\""));
        assert!(svg.contains("marker-start=") && svg.contains("marker-end="));
        assert!(!svg.contains("dangling"));
        assert!(!svg.contains("<?xml"));
        let tree = parse(&svg);
        assert!(tree.size().width() >= 800.0);
        // Also parseable with roxmltree directly (well-formed XML).
        usvg::roxmltree::Document::parse(&svg).unwrap();
    }

    #[test]
    fn embedded_ids_are_unique() {
        let mut d = Diagram::default();
        // Icons with ids (clip paths): use the same one three times.
        let c = Catalog::bundled();
        let with_id = c
            .icons()
            .iter()
            .find(|i| String::from_utf8_lossy(i.svg).contains(" id=\""))
            .unwrap();
        for i in 0..3u64 {
            let n = node(
                i + 1,
                NodeKind::Service {
                    icon: with_id.aws_name.clone(),
                },
                "x",
                r(100.0 * i as f32, 0.0, 64.0, 64.0),
                None,
            );
            d.order.push(n.id);
            d.nodes.insert(n.id, n);
        }
        let svg = to_svg(&d);
        let doc = usvg::roxmltree::Document::parse(&svg).unwrap();
        let ids: Vec<&str> = doc
            .descendants()
            .filter_map(|n| n.attribute("id"))
            .collect();
        let unique: std::collections::BTreeSet<&&str> = ids.iter().collect();
        assert!(ids.len() >= 5, "{ids:?}");
        assert_eq!(unique.len(), ids.len(), "{ids:?}");
        // Every url(#…) points at an id that exists.
        for part in svg.split("url(#").skip(1) {
            let id = &part[..part.find(')').unwrap()];
            assert!(ids.contains(&id), "{id}");
        }
        parse(&svg);
    }

    #[test]
    fn prefixing_and_attribute_parsing() {
        let s =
            r##"<g id="a" data-id="k"><use xlink:href="#a" fill="url(#b)"/><x href='#c'/></g>"##;
        assert_eq!(
            prefix_ids(s, "p-"),
            r##"<g id="p-a" data-id="k"><use xlink:href="#p-a" fill="url(#p-b)"/><x href='#p-c'/></g>"##
        );
        let svg = br#"<?xml version="1.0"?><!-- c --><svg xmlns="http://www.w3.org/2000/svg" width="32px" height="16" id="root" fill='none'><path id="q" d="M0 0"/></svg>"#;
        let e = embed_icon(svg, "z-", r(1.0, 2.0, 3.0, 4.0)).unwrap();
        assert_eq!(
            e,
            r#"<svg x="1" y="2" width="3" height="4" viewBox="0 0 32 16" fill="none"><path id="z-q" d="M0 0"/></svg>"#
        );
        assert!(embed_icon(b"not svg", "z-", r(0.0, 0.0, 1.0, 1.0)).is_none());
    }

    #[test]
    fn empty_and_weird_diagrams_still_export() {
        let empty = to_svg(&Diagram::default());
        parse(&empty);
        let mut d = sample();
        if let Some(n) = d.nodes.get_mut(&NodeId(2)) {
            n.rect = r(f32::NAN, f32::INFINITY, -5.0, f32::NAN);
            n.label = "\u{0}ctrl\u{7}".to_owned();
        }
        let svg = to_svg(&d);
        assert!(!svg.contains("NaN") && !svg.contains("inf"));
        parse(&svg);
        assert!(to_png(&d, f32::NAN).is_ok());
    }

    #[test]
    fn png_has_signature_and_expected_size() {
        let d = sample();
        let c = canvas(&d);
        let png = to_png(&d, 2.0).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let w = u32::from_be_bytes(png[16..20].try_into().unwrap());
        let h = u32::from_be_bytes(png[20..24].try_into().unwrap());
        assert_eq!(
            (w as f32, h as f32),
            ((c.w * 2.0).ceil(), (c.h * 2.0).ceil())
        );
        // Clamped scale.
        let small = to_png(&d, 0.01).unwrap();
        let sw = u32::from_be_bytes(small[16..20].try_into().unwrap());
        assert_eq!(sw as f32, (c.w * 0.25).ceil());
    }

    #[test]
    fn png_size_is_limited() {
        let (w, h, s) = png_size(100_000.0, 10.0, 8.0);
        assert!(w <= 16384 && h >= 1 && s < 1.0);
        let (w, h, _) = png_size(10_000.0, 10_000.0, 8.0);
        assert!(f64::from(w) * f64::from(h) <= f64::from(MAX_PNG_PIXELS) * 1.01);
        assert_eq!(png_size(100.0, 50.0, 2.0), (200, 100, 2.0));
    }

    /// Regression: a draw.io paragraph label was exported as one line running across the
    /// whole diagram.
    #[test]
    fn free_labels_wrap_in_their_box() {
        let lines = wrapped_lines(
            "Lorem ipsum dolor sit amet, consectetur adipiscing elit",
            100.0,
        );
        assert!(lines.len() >= 4, "{lines:?}");
        for l in &lines {
            assert!(l.chars().count() <= 15, "{l:?}");
        }
        assert_eq!(
            lines.join(" "),
            "Lorem ipsum dolor sit amet, consectetur adipiscing elit"
        );
        assert_eq!(wrapped_lines("one\ntwo", 500.0), ["one", "two"]);
    }
}
