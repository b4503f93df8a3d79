//! The Diagram room's views: a palette of AWS icons and group boxes ([`palette`]), a toolbar
//! ([`toolbar`]), the canvas and its gestures and keys ([`canvas`]), its painting
//! ([`paint`]), the architecture review panel ([`review`]) and the room's windows and
//! banners ([`dialogs`]).
//!
//! The views read the [`Editor`] and return [`DiagramCommand`]s; the app applies them after
//! the frame (edits through the editor, files and dialogs on its side). What they keep is
//! view state only: pan and zoom, the gesture in progress, the label being typed, the
//! palette query and its cached results, the path window's text.
//!
//! The canvas paints the diagram itself with egui's `Painter` and its own world→screen
//! transform and hit-testing (no `egui::Scene`): icons are rasterised at the zoomed size
//! (power-of-two buckets), so they stay crisp from 25 % to 400 %, and whatever is off
//! screen is culled.

mod canvas;
mod dialogs;
mod paint;
mod palette;
mod review;
mod toolbar;

use egui::{Pos2, Rect as ERect, Ui, Vec2};

use crate::diagram::editor::Editor;
pub use crate::diagram::editor::{DiagramCommand, LabelTarget, PaletteItem, PathPurpose};
use crate::diagram::model::{Point, Rect};
use crate::frequency::Tier;
use crate::i18n::Lang;
use crate::ui::path_dialog::PathField;

/// Zoom limits.
const MIN_ZOOM: f32 = 0.25;
const MAX_ZOOM: f32 = 4.0;
/// Zoom step of the buttons and keys.
const ZOOM_STEP: f32 = 1.25;

/// The file-path window: a typed path (works everywhere, with or without a desktop file
/// dialog) and a "Browse…" button for the native dialog.
#[derive(Clone, Debug)]
pub struct PathPrompt {
    /// What the path is for.
    pub purpose: PathPurpose,
    /// The path typed so far.
    pub field: PathField,
}

/// The Diagram room's view state (nothing of the document).
pub struct DiagramView {
    /// Screen offset of the world origin, relative to the canvas' top-left.
    pub offset: Vec2,
    /// Zoom factor (1 = 100 %).
    pub zoom: f32,
    /// Show each service's exam-frequency badge.
    pub badges: bool,
    /// Export scale.
    pub export_scale: f32,
    /// The file-path window, when open.
    pub path_prompt: Option<PathPrompt>,
    /// The unsaved-changes window is shown.
    pub confirm: bool,
    /// The Review panel is shown.
    pub review_open: bool,
    review: review::ReviewState,
    gesture: Option<canvas::Gesture>,
    renaming: Option<(LabelTarget, String)>,
    palette: palette::PaletteState,
    canvas_rect: ERect,
    /// The editor generation last fitted to the canvas.
    fitted: u64,
}

impl Default for DiagramView {
    fn default() -> Self {
        Self {
            offset: Vec2::new(40.0, 40.0),
            zoom: 1.0,
            badges: true,
            export_scale: 2.0,
            path_prompt: None,
            confirm: false,
            review_open: false,
            review: review::ReviewState::default(),
            gesture: None,
            renaming: None,
            palette: palette::PaletteState::default(),
            canvas_rect: ERect::NOTHING,
            fitted: 0,
        }
    }
}

impl DiagramView {
    /// How many times the Review panel ran the review (it runs when the document changed,
    /// not every frame).
    #[must_use]
    pub fn review_runs(&self) -> u64 {
        self.review.runs()
    }

    /// The label being edited (double-click on a node or an arrow), if any.
    #[must_use]
    pub fn label_being_edited(&self) -> Option<&str> {
        self.renaming.as_ref().map(|(_, text)| text.as_str())
    }

    /// Opens the path window for `purpose`, proposing `path`.
    pub fn prompt(&mut self, purpose: PathPurpose, path: String) {
        self.path_prompt = Some(PathPrompt {
            purpose,
            field: PathField::new(path),
        });
    }

    /// Applies a view command (zoom, fit); others are ignored.
    pub fn apply(&mut self, command: &DiagramCommand, editor: &Editor) {
        let center = self.canvas_rect.center();
        match command {
            DiagramCommand::ZoomIn => self.zoom_around(ZOOM_STEP, center),
            DiagramCommand::ZoomOut => self.zoom_around(1.0 / ZOOM_STEP, center),
            DiagramCommand::Fit => self.fit(editor),
            _ => {}
        }
    }

    fn to_screen(&self, p: Point) -> Pos2 {
        self.canvas_rect.min + self.offset + Vec2::new(p.x, p.y) * self.zoom
    }

    fn to_world(&self, p: Pos2) -> Point {
        let v = (p - self.canvas_rect.min - self.offset) / self.zoom;
        Point::new(v.x, v.y)
    }

    fn rect_to_screen(&self, r: &Rect) -> ERect {
        ERect::from_min_size(
            self.to_screen(Point::new(r.x, r.y)),
            Vec2::new(r.w, r.h) * self.zoom,
        )
    }

    /// World point at the middle of the canvas.
    fn view_center(&self) -> Point {
        self.to_world(self.canvas_rect.center())
    }

    /// Zooms by `factor` keeping the world point under `screen` in place.
    fn zoom_around(&mut self, factor: f32, screen: Pos2) {
        let before = self.to_world(screen);
        self.zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let after = self.to_screen(before);
        self.offset += screen - after;
    }

    /// Zoom and pan so the whole diagram fits the canvas.
    pub fn fit(&mut self, editor: &Editor) {
        let Some(b) = editor.diagram().bounds() else {
            self.zoom = 1.0;
            self.offset = Vec2::new(40.0, 40.0);
            return;
        };
        let avail = self.canvas_rect.size() - Vec2::splat(60.0);
        if avail.x <= 0.0 || avail.y <= 0.0 {
            return;
        }
        self.zoom = (avail.x / b.w.max(1.0))
            .min(avail.y / b.h.max(1.0))
            .clamp(MIN_ZOOM, MAX_ZOOM)
            .min(1.5);
        let size = Vec2::new(b.w, b.h) * self.zoom;
        self.offset = (self.canvas_rect.size() - size) / 2.0 - Vec2::new(b.x, b.y) * self.zoom;
    }
}

/// What the room needs from the app besides the document.
pub struct DiagramCtx<'a> {
    /// Interface language.
    pub lang: Lang,
    /// Exam-frequency tier of a service icon (by catalog name), from the notes.
    pub tier_of_icon: &'a dyn Fn(&str) -> Option<Tier>,
    /// The notes topic about a service icon (by catalog name).
    pub topic_of_icon: &'a dyn Fn(&str) -> Option<usize>,
    /// The notes topic about a service (by catalog key, `"rds"`).
    pub topic_of_service: &'a dyn Fn(&str) -> Option<usize>,
    /// Whether the question bank has questions about a service (by catalog short name).
    pub has_questions: &'a dyn Fn(&str) -> bool,
    /// How many nodes the draft left by a crash has, when it is offered for recovery.
    pub recovery: Option<usize>,
    /// Messages for the user (dismissed here).
    pub messages: &'a mut Vec<String>,
}

/// Draws `diagram` read-only, scaled to fit the available width and `max_height` (never
/// above 100 %), as the canvas paints it: `hidden` nodes as dashed "?" boxes, `marked`
/// ones outlined. Its accessible name is `label`; the response senses clicks. For the
/// Quiz room's diagram drills.
pub fn preview_ui(
    ui: &mut Ui,
    diagram: &crate::diagram::model::Diagram,
    hidden: &[crate::diagram::model::NodeId],
    marked: &[crate::diagram::model::NodeId],
    max_height: f32,
    label: &str,
) -> egui::Response {
    const PAD: f32 = 16.0;
    let Some(b) = diagram.bounds() else {
        return ui.label(label);
    };
    let width = ui.available_width().max(50.0);
    let zoom = ((width - 2.0 * PAD) / b.w.max(1.0))
        .min((max_height - 2.0 * PAD) / b.h.max(1.0))
        .clamp(0.05, 1.0);
    let size = Vec2::new(b.w * zoom + 2.0 * PAD, b.h * zoom + 2.0 * PAD);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, label));
    if ui.is_rect_visible(rect) {
        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 6.0, ui.visuals().extreme_bg_color);
        let none_nodes = std::collections::BTreeSet::new();
        let none_edges = std::collections::BTreeSet::new();
        let look = paint::Look {
            origin: rect.min + Vec2::splat(PAD) - Vec2::new(b.x, b.y) * zoom,
            zoom,
            selected: &none_nodes,
            selected_edges: &none_edges,
            hidden,
            marked,
            badge: None,
        };
        paint::paint_diagram(ui, &painter, diagram, &look, rect);
    }
    response
}

/// Draws the Diagram room (palette, toolbar, canvas, windows) and returns what the user
/// asked for, in order.
pub fn diagram_ui(
    ui: &mut Ui,
    view: &mut DiagramView,
    editor: &Editor,
    cx: &mut DiagramCtx<'_>,
) -> Vec<DiagramCommand> {
    let s = cx.lang.strings();
    let mut out = Vec::new();
    egui::Panel::left("diagram_palette")
        .default_size(250.0)
        .size_range(180.0..=420.0)
        .show(ui, |ui| {
            if let Some(item) = palette::palette_ui(ui, &mut view.palette, s) {
                out.push(DiagramCommand::Add(item, view.view_center()));
            }
        });
    egui::Panel::top("diagram_toolbar").show(ui, |ui| {
        toolbar::toolbar_ui(ui, view, editor, cx, &mut out);
    });
    if view.review_open {
        egui::Panel::right("diagram_review")
            .default_size(380.0)
            .size_range(280.0..=620.0)
            .show(ui, |ui| {
                review::review_ui(ui, &mut view.review, editor, cx, &mut out);
            });
    }
    egui::CentralPanel::default()
        .frame(egui::Frame::new().fill(ui.visuals().extreme_bg_color))
        .show(ui, |ui| {
            dialogs::banner_ui(ui, cx, &mut out);
            canvas::canvas_ui(ui, view, editor, cx, &mut out);
        });
    if view.confirm {
        dialogs::confirm_ui(ui.ctx(), s, &mut out);
    }
    if view.path_prompt.is_some() {
        dialogs::path_prompt_ui(ui.ctx(), view, s, &mut out);
    }
    out
}
