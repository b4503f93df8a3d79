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
    pub problem: Option<String>,
}
