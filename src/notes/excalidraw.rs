//! Excalidraw drawings (`.excalidraw.md` notes, as the Obsidian Excalidraw plugin writes
//! them): the scene's elements in a plain form the renderer draws, read from the note's
//! `json` block (plain, or `compressed-json`). A scene that cannot be read keeps the reason,
//! so the note shows a placeholder that says why instead of hundreds of lines of JSON.

/// What an element is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ElementKind {
    /// A rectangle.
    Rectangle,
    /// An ellipse in its box.
    Ellipse,
    /// A diamond in its box.
    Diamond,
    /// An arrow through `points`.
    Arrow,
    /// A line through `points`.
    Line,
    /// Text in its box.
    Text,
    /// A free-hand stroke through `points`.
    FreeDraw,
}

/// One drawn element, in scene units (x right, y down).
#[derive(Clone, Debug, PartialEq)]
pub struct Element {
    /// What it is.
    pub kind: ElementKind,
    /// Left of its box.
    pub x: f32,
    /// Top of its box.
    pub y: f32,
    /// Width of its box.
    pub w: f32,
    /// Height of its box.
    pub h: f32,
    /// Stroke colour (RGB).
    pub stroke: [u8; 3],
    /// Fill colour, if filled.
    pub fill: Option<[u8; 3]>,
    /// Stroke width.
    pub stroke_width: f32,
    /// Dashed or dotted stroke.
    pub dashed: bool,
    /// Points of lines, arrows and free draw, relative to (`x`, `y`).
    pub points: Vec<(f32, f32)>,
    /// Arrow head at the start.
    pub arrow_start: bool,
    /// Arrow head at the end.
    pub arrow_end: bool,
    /// Text of text elements (and labels).
    pub text: String,
    /// Font size of text.
    pub font_size: f32,
}

/// A drawing: its elements back to front, or why it could not be read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scene {
    /// Elements in drawing order.
    pub elements: Vec<Element>,
    /// Why the scene could not be read (then `elements` may be empty).
    pub problem: Option<DrawingProblem>,
}

/// Why a drawing could not be read. `Display` is the English text; the interface words it
/// with [`crate::i18n::Describe`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DrawingProblem {
    /// The `compressed-json` block does not decompress.
    #[error("the compressed drawing could not be unpacked")]
    Unpack,
    /// The block is not JSON (the parser's message).
    #[error("the drawing is not valid JSON ({0})")]
    Json(String),
    /// The JSON has no `elements` list.
    #[error("the drawing has no elements list")]
    NoElements,
    /// The note has no drawing block at all.
    #[error("the note has no drawing (no json block under “## Drawing”)")]
    Missing,
}

/// Whether a note is an Excalidraw drawing: its name ends `.excalidraw.md` (or
/// `.excalidraw`), or its frontmatter has the plugin's `excalidraw-plugin` key.
#[must_use]
pub fn is_drawing(path: &str, note_text: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    lower.ends_with(".excalidraw.md") || lower.ends_with(".excalidraw") || has_plugin_key(note_text)
}

/// Whether the note's frontmatter has an `excalidraw-plugin:` line.
pub(crate) fn has_plugin_key(note_text: &str) -> bool {
    let text = note_text.trim_start_matches('\u{feff}');
    let Some(rest) = text.strip_prefix("---") else {
        return false;
    };
    for line in rest.lines().skip(1).take(64) {
        let line = line.trim();
        if line == "---" || line == "..." {
            return false;
        }
        if line.starts_with("excalidraw-plugin") {
            return true;
        }
    }
    false
}

/// The scene of an Excalidraw note: the ```` ```json ```` or ```` ```compressed-json ````
/// block under `## Drawing`, its elements mapped. `None` when the note has no drawing
/// block at all; a block that cannot be read gives a scene with its
/// [`problem`](Scene::problem).
#[must_use]
pub fn parse_scene(note_text: &str) -> Option<Scene> {
    let (lang, body) = drawing_block(note_text)?;
    let json = if lang == "compressed-json" {
        let packed: String = body.chars().filter(|c| !c.is_whitespace()).collect();
        match lz_str::decompress_from_base64(&packed).map(|w| String::from_utf16(&w)) {
            Some(Ok(json)) if !json.is_empty() => json,
            _ => {
                return Some(Scene::failed(DrawingProblem::Unpack));
            }
        }
    } else {
        body.to_owned()
    };
    Some(scene_from_json(&json))
}

/// The language and body of the fenced block under `## Drawing`.
fn drawing_block(text: &str) -> Option<(&str, &str)> {
    let mut offset = 0;
    let mut in_drawing = false;
    let mut open: Option<(&str, usize, usize)> = None; // lang, body start, fence length
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let t = line.trim();
        if let Some((lang, body_start, fence)) = open {
            if t.len() >= fence && t.bytes().all(|b| b == b'`') {
                return Some((lang, &text[body_start..start]));
            }
            continue;
        }
        if t.starts_with('#') {
            in_drawing = t
                .trim_start_matches('#')
                .trim()
                .eq_ignore_ascii_case("drawing");
            continue;
        }
        if in_drawing && t.starts_with("```") {
            let fence = t.bytes().take_while(|&b| b == b'`').count();
            let lang = t[fence..].trim();
            if lang == "json" || lang == "compressed-json" {
                open = Some((lang, offset, fence));
            }
        }
    }
    open.map(|(lang, body_start, _)| (lang, &text[body_start..]))
}

impl Scene {
    /// A scene that could not be read, and why.
    #[must_use]
    pub fn failed(reason: DrawingProblem) -> Self {
        Self {
            elements: Vec::new(),
            problem: Some(reason),
        }
    }
}

/// The scene of an Excalidraw JSON document.
fn scene_from_json(json: &str) -> Scene {
    let value: serde_json::Value = match serde_json::from_str(json) {
        Ok(v) => v,
        Err(e) => return Scene::failed(DrawingProblem::Json(e.to_string())),
    };
    let Some(elements) = value.get("elements").and_then(serde_json::Value::as_array) else {
        return Scene::failed(DrawingProblem::NoElements);
    };
    Scene {
        elements: elements.iter().filter_map(element).collect(),
        problem: None,
    }
}

/// A number field as `f32` (0 when missing).
fn num(v: &serde_json::Value, key: &str) -> f32 {
    #[allow(clippy::cast_possible_truncation)] // scene coordinates, far within f32
    v.get(key)
        .and_then(serde_json::Value::as_f64)
        .map_or(0.0, |x| x as f32)
}

/// One Excalidraw element, unless deleted or of a kind not drawn.
fn element(v: &serde_json::Value) -> Option<Element> {
    if v.get("isDeleted").and_then(serde_json::Value::as_bool) == Some(true) {
        return None;
    }
    let kind = match v.get("type")?.as_str()? {
        "rectangle" => ElementKind::Rectangle,
        "ellipse" => ElementKind::Ellipse,
        "diamond" => ElementKind::Diamond,
        "arrow" => ElementKind::Arrow,
        "line" => ElementKind::Line,
        "text" => ElementKind::Text,
        "freedraw" => ElementKind::FreeDraw,
        _ => return None,
    };
    let text_of = |key: &str| v.get(key).and_then(serde_json::Value::as_str);
    let points = v
        .get("points")
        .and_then(serde_json::Value::as_array)
        .map(|ps| {
            ps.iter()
                .filter_map(|p| {
                    let p = p.as_array()?;
                    #[allow(clippy::cast_possible_truncation)]
                    Some((p.first()?.as_f64()? as f32, p.get(1)?.as_f64()? as f32))
                })
                .collect()
        })
        .unwrap_or_default();
    let head = |key: &str| v.get(key).is_some_and(|h| !h.is_null());
    let stroke_style = text_of("strokeStyle").unwrap_or("solid");
    Some(Element {
        kind,
        x: num(v, "x"),
        y: num(v, "y"),
        w: num(v, "width"),
        h: num(v, "height"),
        stroke: text_of("strokeColor")
            .and_then(hex_color)
            .unwrap_or([0, 0, 0]),
        fill: text_of("backgroundColor").and_then(hex_color),
        stroke_width: v
            .get("strokeWidth")
            .and_then(serde_json::Value::as_f64)
            .map_or(1.0, |w| {
                #[allow(clippy::cast_possible_truncation)]
                let w = w as f32;
                w
            }),
        dashed: matches!(stroke_style, "dashed" | "dotted"),
        points,
        arrow_start: head("startArrowhead"),
        arrow_end: head("endArrowhead"),
        text: text_of("text")
            .or_else(|| text_of("originalText"))
            .unwrap_or("")
            .to_owned(),
        font_size: v
            .get("fontSize")
            .and_then(serde_json::Value::as_f64)
            .map_or(20.0, |s| {
                #[allow(clippy::cast_possible_truncation)]
                let s = s as f32;
                s
            }),
    })
}

/// `#rgb`, `#rrggbb` (`#rrggbbaa`) → RGB; `transparent` and anything else → `None`.
fn hex_color(s: &str) -> Option<[u8; 3]> {
    let hex = s.trim().strip_prefix('#')?;
    let digit = |i: usize| u8::from_str_radix(hex.get(i..=i)?, 16).ok();
    let pair = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
    match hex.len() {
        3 | 4 => Some([digit(0)? * 17, digit(1)? * 17, digit(2)? * 17]),
        6 | 8 => Some([pair(0)?, pair(2)?, pair(4)?]),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const JSON: &str = r##"{"type":"excalidraw","version":2,"elements":[
        {"type":"rectangle","x":10,"y":20,"width":100,"height":50,"strokeColor":"#1e1e1e",
         "backgroundColor":"transparent","strokeWidth":2,"strokeStyle":"solid"},
        {"type":"ellipse","x":0,"y":0,"width":30,"height":30,"strokeColor":"#e03131",
         "backgroundColor":"#ffc9c9","strokeStyle":"dashed"},
        {"type":"arrow","x":5,"y":5,"width":40,"height":0,"points":[[0,0],[40,0]],
         "startArrowhead":null,"endArrowhead":"arrow","strokeColor":"#000"},
        {"type":"text","x":1,"y":2,"width":50,"height":25,"text":"S3 bucket","fontSize":16},
        {"type":"diamond","x":0,"y":0,"width":1,"height":1,"isDeleted":true},
        {"type":"image","x":0,"y":0,"width":1,"height":1}
    ]}"##;

    fn note(lang: &str, body: &str) -> String {
        format!(
            "---\nexcalidraw-plugin: parsed\ntags: [excalidraw]\n---\n==⚠  Switch to EXCALIDRAW VIEW ⚠==\n\n# Excalidraw Data\n## Text Elements\nS3 bucket ^abc\n\n%%\n## Drawing\n```{lang}\n{body}\n```\n%%\n"
        )
    }

    #[test]
    fn plain_json_scene_is_mapped() {
        let scene = parse_scene(&note("json", JSON)).expect("scene");
        assert_eq!(scene.problem, None);
        let kinds: Vec<ElementKind> = scene.elements.iter().map(|e| e.kind).collect();
        assert_eq!(
            kinds,
            [
                ElementKind::Rectangle,
                ElementKind::Ellipse,
                ElementKind::Arrow,
                ElementKind::Text
            ]
        );
        let [rect, ellipse, arrow, text] = &scene.elements[..] else {
            panic!();
        };
        assert_eq!((rect.x, rect.y, rect.w, rect.h), (10.0, 20.0, 100.0, 50.0));
        assert_eq!(rect.stroke, [0x1e, 0x1e, 0x1e]);
        assert_eq!(rect.fill, None, "transparent is no fill");
        assert_eq!(rect.stroke_width, 2.0);
        assert!(!rect.dashed);
        assert_eq!(ellipse.fill, Some([0xff, 0xc9, 0xc9]));
        assert!(ellipse.dashed);
        assert_eq!(arrow.points, [(0.0, 0.0), (40.0, 0.0)]);
        assert!(!arrow.arrow_start && arrow.arrow_end);
        assert_eq!(text.text, "S3 bucket");
        assert_eq!(text.font_size, 16.0);
    }

    #[test]
    fn compressed_json_split_across_lines_is_unpacked() {
        let packed = lz_str::compress_to_base64(JSON);
        let lines: Vec<String> = packed
            .as_bytes()
            .chunks(64)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect();
        let scene = parse_scene(&note("compressed-json", &lines.join("\n\n"))).expect("scene");
        assert_eq!(scene.problem, None);
        assert_eq!(scene.elements.len(), 4);
    }

    #[test]
    fn a_broken_scene_says_why_instead_of_showing_json() {
        let bad = parse_scene(&note("json", "{\"elements\": [")).expect("scene");
        assert!(bad.elements.is_empty());
        assert!(matches!(bad.problem, Some(DrawingProblem::Json(_))));
        let garbage = parse_scene(&note("compressed-json", "!!!not base64!!!")).expect("scene");
        assert!(garbage.problem.is_some());
        assert_eq!(parse_scene("# Just a note\n"), None);
    }

    #[test]
    fn drawings_are_recognised_by_name_or_frontmatter() {
        assert!(is_drawing("Diagrams/VPC.excalidraw.md", ""));
        assert!(is_drawing("x.md", &note("json", "{}")));
        assert!(!is_drawing("x.md", "---\ntags: [a]\n---\ntext"));
    }
}
