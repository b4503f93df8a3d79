//! The Diagram room: a palette of AWS icons and group boxes, and a canvas to draw
//! architectures on — select, move, resize, connect, group, pan and zoom, undo/redo, files,
//! export, templates, and links to the notes.
//!
//! The canvas paints the [`Diagram`] itself with egui's `Painter` and its own world→screen
//! transform and hit-testing (no `egui::Scene`): icons are rasterised at the zoomed size
//! (power-of-two buckets), so they stay crisp from 25 % to 400 %, and whatever is off
//! screen is culled. Every edit snapshots the diagram first, so one gesture is one undo step.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use egui::{Color32, Key, Modifiers, Pos2, Rect as ERect, RichText, Sense, Stroke, Ui, Vec2};

use crate::command::Command;
use crate::diagram::export;
use crate::diagram::file::{self, EXTENSION};
use crate::diagram::history::History;
use crate::diagram::model::{
    Arrows, Clipboard, Diagram, EdgeId, GroupKind, NodeId, NodeKind, Point, Rect, Routing,
    SERVICE_SIZE, snap,
};
use crate::diagram::templates::Template;
use crate::frequency::Tier;
use crate::i18n::{Lang, Strings};
use crate::icons::{Catalog, IconId, IconKind};
use crate::ui::widgets::tier_color;

/// Zoom limits.
const MIN_ZOOM: f32 = 0.25;
const MAX_ZOOM: f32 = 4.0;
/// Grid step in world units.
const GRID: f32 = 20.0;
/// Seconds between autosaves of a modified diagram.
const AUTOSAVE_SECS: f64 = 5.0;
/// The autosaved draft, in the data folder.
pub const DRAFT_FILE: &str = "diagram-draft.awsdiagram.ron";

/// What the palette drags onto the canvas.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PaletteItem {
    /// A service icon, by catalog name.
    Service(String),
    /// A group box.
    Group(GroupKind),
}

/// A gesture in progress on the canvas.
#[derive(Clone, Debug)]
enum Gesture {
    Pan,
    Move {
        before: Diagram,
        ids: Vec<NodeId>,
        start: Point,
        anchor: Rect,
        moved: Point,
    },
    Rubber {
        start: Point,
        now: Point,
    },
    Connect {
        from: NodeId,
        now: Point,
    },
    Resize {
        before: Diagram,
        id: NodeId,
        start_rect: Rect,
        start: Point,
    },
}

/// What a label being edited belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Renaming {
    Node(NodeId),
    Edge(EdgeId),
}

/// The Diagram room's state.
pub struct DiagramRoom {
    /// The diagram being edited.
    pub diagram: Diagram,
    /// Undo/redo.
    pub history: History,
    /// The file it was opened from or saved to.
    pub path: Option<PathBuf>,
    /// Changed since the last save.
    pub dirty: bool,
    /// Selected nodes.
    pub selected: BTreeSet<NodeId>,
    /// Selected edges.
    pub selected_edges: BTreeSet<EdgeId>,
    /// Screen offset of the world origin, relative to the canvas' top-left.
    pub offset: Vec2,
    /// Zoom factor (1 = 100 %).
    pub zoom: f32,
    /// Snap to the grid.
    pub snap: bool,
    /// Show each service's exam-frequency badge.
    pub badges: bool,
    /// Export scale.
    pub export_scale: f32,
    gesture: Option<Gesture>,
    clipboard: Option<Clipboard>,
    renaming: Option<(Renaming, String)>,
    /// Palette search.
    pub query: String,
    /// Messages for the user.
    pub messages: Vec<String>,
    data_dir: Option<PathBuf>,
    last_autosave: f64,
    /// A draft found at start-up, offered for recovery.
    pub recovery: Option<Diagram>,
    /// Asked to close the window with unsaved changes.
    pub confirm_close: bool,
    canvas_rect: ERect,
    fit_pending: bool,
    /// The file-path window, when open.
    pub path_prompt: Option<PathPrompt>,
}

impl DiagramRoom {
    /// An empty diagram; a draft left by a crash is offered for recovery.
    #[must_use]
    pub fn new(data_dir: Option<PathBuf>) -> Self {
        let recovery = data_dir
            .as_ref()
            .and_then(|d| file::load(&d.join(DRAFT_FILE)).ok())
            .map(|(d, _)| d)
            .filter(|d| !d.nodes.is_empty());
        Self {
            diagram: Diagram::new(),
            history: History::default(),
            path: None,
            dirty: false,
            selected: BTreeSet::new(),
            selected_edges: BTreeSet::new(),
            offset: Vec2::new(40.0, 40.0),
            zoom: 1.0,
            snap: true,
            badges: true,
            export_scale: 2.0,
            gesture: None,
            clipboard: None,
            renaming: None,
            query: String::new(),
            messages: Vec::new(),
            data_dir,
            last_autosave: 0.0,
            recovery,
            confirm_close: false,
            canvas_rect: ERect::NOTHING,
            fit_pending: false,
            path_prompt: None,
        }
    }

    /// The label being edited (double-click on a node or an arrow), if any.
    #[must_use]
    pub fn label_being_edited(&self) -> Option<&str> {
        self.renaming.as_ref().map(|(_, text)| text.as_str())
    }

    /// The file name shown in the title.
    #[must_use]
    pub fn title(&self) -> String {
        let name = self.path.as_ref().and_then(|p| p.file_name()).map_or_else(
            || "untitled".to_owned(),
            |n| n.to_string_lossy().into_owned(),
        );
        if self.dirty {
            format!("{name} *")
        } else {
            name
        }
    }

    /// Applies an edit as one undo step.
    pub fn edit(&mut self, f: impl FnOnce(&mut Diagram)) {
        let before = self.diagram.clone();
        f(&mut self.diagram);
        if self.diagram != before {
            self.history.record(before);
            self.dirty = true;
        }
    }

    /// Undo.
    pub fn undo(&mut self) {
        let current = std::mem::take(&mut self.diagram);
        match self.history.undo(current) {
            Ok(d) | Err(d) => self.diagram = d,
        }
        self.dirty = true;
        self.prune_selection();
    }

    /// Redo.
    pub fn redo(&mut self) {
        let current = std::mem::take(&mut self.diagram);
        match self.history.redo(current) {
            Ok(d) | Err(d) => self.diagram = d,
        }
        self.dirty = true;
        self.prune_selection();
    }

    fn prune_selection(&mut self) {
        let d = &self.diagram;
        self.selected.retain(|id| d.nodes.contains_key(id));
        self.selected_edges.retain(|id| d.edges.contains_key(id));
    }

    /// Replaces the diagram (new, open, template). The previous one stays one undo step
    /// away, so nothing unsaved is lost by a wrong click.
    pub fn replace(&mut self, diagram: Diagram, path: Option<PathBuf>) {
        let before = std::mem::replace(&mut self.diagram, diagram);
        if !before.nodes.is_empty() && before != self.diagram {
            self.history.record(before);
        }
        self.dirty = path.is_none() && !self.diagram.nodes.is_empty();
        self.path = path;
        self.selected.clear();
        self.selected_edges.clear();
        self.fit_pending = true;
    }

    /// Opens a diagram file; a file that cannot be read is left untouched and reported.
    pub fn open_path(&mut self, path: &Path) {
        match file::load(path) {
            Ok((diagram, warnings)) => {
                self.replace(diagram, Some(path.to_owned()));
                self.remove_draft();
                self.messages.extend(warnings);
            }
            Err(e) => self.messages.push(e.to_string()),
        }
    }

    /// Saves to `path` (adding the extension if missing).
    pub fn save_to(&mut self, path: &Path) {
        let mut path = path.to_owned();
        if !path.to_string_lossy().ends_with(EXTENSION) {
            path = PathBuf::from(format!("{}.{EXTENSION}", path.display()));
        }
        match file::save(&path, &self.diagram) {
            Ok(()) => {
                self.path = Some(path);
                self.dirty = false;
                self.remove_draft();
            }
            Err(e) => self.messages.push(e.to_string()),
        }
    }

    fn remove_draft(&self) {
        if let Some(dir) = &self.data_dir {
            let _ = std::fs::remove_file(dir.join(DRAFT_FILE));
        }
    }

    /// Writes the draft every few seconds while there are unsaved changes, whichever room
    /// is shown, and asks for a frame when the next one is due (egui only repaints on input).
    pub fn autosave(&mut self, ctx: &egui::Context) {
        if !self.dirty {
            return;
        }
        let time = ctx.input(|i| i.time);
        let wait = AUTOSAVE_SECS - (time - self.last_autosave);
        if wait > 0.0 {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
            return;
        }
        self.last_autosave = time;
        if let Some(dir) = &self.data_dir
            && let Err(e) = file::save(&dir.join(DRAFT_FILE), &self.diagram)
        {
            log::warn!("autosave: {e}");
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
    pub fn fit(&mut self) {
        let Some(b) = self.diagram.bounds() else {
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

    /// Adds a palette item at a world point (one undo step) and selects it.
    pub fn add_item(&mut self, item: &PaletteItem, at: Point) {
        let at = if self.snap {
            Point::new(snap(at.x, GRID), snap(at.y, GRID))
        } else {
            at
        };
        let mut new_id = None;
        self.edit(|d| {
            new_id = Some(match item {
                PaletteItem::Service(icon) => {
                    let label = Catalog::bundled()
                        .by_aws_name(icon)
                        .map_or_else(|| icon.clone(), |i| short_label(&i.display_name));
                    d.add_service(icon, &label, at)
                }
                PaletteItem::Group(kind) => {
                    let (w, h) = kind.default_size();
                    d.add_group(
                        *kind,
                        kind.label(),
                        Rect::new(at.x - w / 2.0, at.y - h / 2.0, w, h),
                    )
                }
            });
        });
        if let Some(id) = new_id {
            self.selected = BTreeSet::from([id]);
            self.selected_edges.clear();
        }
    }

    fn delete_selection(&mut self) {
        let nodes: Vec<NodeId> = self.selected.iter().copied().collect();
        let edges: Vec<EdgeId> = self.selected_edges.iter().copied().collect();
        if nodes.is_empty() && edges.is_empty() {
            return;
        }
        self.edit(|d| d.delete(&nodes, &edges));
        self.selected.clear();
        self.selected_edges.clear();
    }

    fn copy_selection(&mut self) {
        let ids: Vec<NodeId> = self.selected.iter().copied().collect();
        if !ids.is_empty() {
            self.clipboard = Some(self.diagram.copy(&ids));
        }
    }

    fn paste(&mut self, dx: f32, dy: f32) {
        let Some(clip) = self.clipboard.clone() else {
            return;
        };
        let mut pasted = Vec::new();
        self.edit(|d| pasted = d.paste(&clip, dx, dy));
        self.selected = pasted.into_iter().collect();
        self.selected_edges.clear();
    }

    fn nudge(&mut self, dx: f32, dy: f32) {
        let ids: Vec<NodeId> = self.selected.iter().copied().collect();
        if !ids.is_empty() {
            self.edit(|d| d.move_nodes(&ids, dx, dy));
        }
    }

    /// Sets arrows/routing of the selected edges.
    fn style_edges(&mut self, arrows: Option<Arrows>, routing: Option<Routing>) {
        let ids: Vec<EdgeId> = self.selected_edges.iter().copied().collect();
        self.edit(|d| {
            for id in ids {
                let Some(e) = d.edge(id).cloned() else {
                    continue;
                };
                d.set_edge(
                    id,
                    &e.label,
                    arrows.unwrap_or(e.arrows),
                    routing.unwrap_or(e.routing),
                );
            }
        });
    }
}

/// "Amazon Simple Storage Service" → "Simple Storage Service": the label a node starts with.
fn short_label(display: &str) -> String {
    display
        .strip_prefix("Amazon ")
        .or_else(|| display.strip_prefix("AWS "))
        .unwrap_or(display)
        .to_owned()
}

/// What the room needs from the app.
pub struct DiagramCtx<'a> {
    /// Interface language.
    pub lang: Lang,
    /// Exam-frequency tier of a service icon (by catalog name), from the notes.
    pub tier_of_icon: &'a dyn Fn(&str) -> Option<Tier>,
    /// The notes topic about a service icon (by catalog name).
    pub topic_of_icon: &'a dyn Fn(&str) -> Option<usize>,
    /// Where navigation requests go.
    pub commands: &'a mut Vec<Command>,
}

/// Draws the Diagram room (palette, toolbar, canvas).
pub fn diagram_ui(ui: &mut Ui, room: &mut DiagramRoom, cx: &mut DiagramCtx<'_>) {
    let s = cx.lang.strings();
    egui::Panel::left("diagram_palette")
        .default_size(250.0)
        .size_range(180.0..=420.0)
        .show(ui, |ui| palette_ui(ui, room, s));
    egui::Panel::top("diagram_toolbar").show(ui, |ui| toolbar_ui(ui, room, cx));
    egui::CentralPanel::default()
        .frame(egui::Frame::new().fill(ui.visuals().extreme_bg_color))
        .show(ui, |ui| {
            messages_ui(ui, room, s);
            canvas_ui(ui, room, cx);
        });
    if room.confirm_close {
        close_dialog_ui(ui.ctx(), room, s);
    }
    if room.path_prompt.is_some() {
        path_prompt_ui(ui.ctx(), room, s);
    }
}

fn messages_ui(ui: &mut Ui, room: &mut DiagramRoom, s: &Strings) {
    if let Some(draft) = &room.recovery {
        let n = draft.nodes.len();
        let mut recover = None;
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(format!("{} ({n})", s.diagram_recover))
                    .color(ui.visuals().warn_fg_color),
            );
            if ui.button(s.diagram_recover_yes).clicked() {
                recover = Some(true);
            }
            if ui.button(s.diagram_recover_no).clicked() {
                recover = Some(false);
            }
        });
        match recover {
            Some(true) => {
                if let Some(d) = room.recovery.take() {
                    room.replace(d, None);
                }
            }
            Some(false) => {
                room.recovery = None;
                room.remove_draft();
            }
            None => {}
        }
    }
    crate::ui::widgets::messages_ui(ui, &mut room.messages, s.dismiss);
}

fn palette_ui(ui: &mut Ui, room: &mut DiagramRoom, s: &Strings) {
    ui.add_space(4.0);
    let label = ui.label(RichText::new(s.diagram_palette).strong());
    ui.add(
        egui::TextEdit::singleline(&mut room.query)
            .hint_text(s.diagram_palette_hint)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
    ui.label(RichText::new(s.diagram_drag_hint).small().weak());
    ui.separator();
    let catalog = Catalog::bundled();
    let mut add = None;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if room.query.trim().is_empty() {
                egui::CollapsingHeader::new(RichText::new(s.diagram_groups).strong())
                    .default_open(true)
                    .show(ui, |ui| {
                        for kind in GroupKind::ALL {
                            if let Some(item) = palette_row_ui(
                                ui,
                                PaletteItem::Group(kind),
                                group_icon(kind),
                                kind.label(),
                            ) {
                                add = Some(item);
                            }
                        }
                    });
                for category in catalog.categories() {
                    let icons = catalog.icons_in_category(category);
                    if icons.is_empty() {
                        continue;
                    }
                    egui::CollapsingHeader::new(format!("{category} ({})", icons.len()))
                        .id_salt(("palette_cat", category))
                        .show(ui, |ui| {
                            for id in icons {
                                if let Some(item) = service_row_ui(ui, id) {
                                    add = Some(item);
                                }
                            }
                        });
                }
            } else {
                // Services by any of their names ("s3", "TGW", "passerelle NAT") first,
                // then icons by their own names.
                let services = crate::services::Catalog::bundled();
                let mut hits: Vec<IconId> = services
                    .search(&room.query, 60)
                    .into_iter()
                    .filter_map(|id| services.icon(id))
                    .chain(catalog.search(&room.query, 60))
                    .filter(|id| {
                        catalog
                            .get(*id)
                            .is_some_and(|i| i.kind == IconKind::Service)
                    })
                    .collect();
                let mut seen = std::collections::HashSet::new();
                hits.retain(|id| seen.insert(*id));
                hits.truncate(60);
                for kind in GroupKind::ALL {
                    if crate::text::fold(kind.label())
                        .contains(&crate::text::fold(room.query.trim()))
                        && let Some(item) = palette_row_ui(
                            ui,
                            PaletteItem::Group(kind),
                            group_icon(kind),
                            kind.label(),
                        )
                    {
                        add = Some(item);
                    }
                }
                for id in hits {
                    if let Some(item) = service_row_ui(ui, id) {
                        add = Some(item);
                    }
                }
            }
        });
    if let Some(item) = add {
        let at = room.view_center();
        room.add_item(&item, at);
    }
}

fn group_icon(kind: GroupKind) -> Option<IconId> {
    Catalog::bundled()
        .by_aws_name(kind.icon_name()?)
        .map(|i| i.id)
}

fn service_row_ui(ui: &mut Ui, id: IconId) -> Option<PaletteItem> {
    let icon = Catalog::bundled().get(id)?;
    palette_row_ui(
        ui,
        PaletteItem::Service(icon.aws_name.clone()),
        Some(id),
        &crate::ui::widgets::icon_name(id),
    )
}

/// One palette row: drag it onto the canvas, or click it to add at the centre.
fn palette_row_ui(
    ui: &mut Ui,
    item: PaletteItem,
    icon: Option<IconId>,
    name: &str,
) -> Option<PaletteItem> {
    let id = egui::Id::unique(("palette_item", name));
    let mut clicked = false;
    ui.dnd_drag_source(id, item.clone(), |ui| {
        ui.horizontal(|ui| {
            crate::ui::widgets::icon_ui(ui, icon, 22.0);
            clicked = ui
                .add(egui::Button::new(name).frame(false).truncate())
                .on_hover_text(name)
                .clicked();
        });
    });
    clicked.then_some(item)
}

fn toolbar_ui(ui: &mut Ui, room: &mut DiagramRoom, cx: &mut DiagramCtx<'_>) {
    let s = cx.lang.strings();
    // The same buttons are always there (disabled when they do not apply): a toolbar that
    // grew a second line when an arrow is selected would move the canvas under the pointer.
    ui.horizontal_wrapped(|ui| {
        ui.menu_button(s.diagram_file, |ui| {
            if ui.button(s.diagram_new).clicked() {
                room.replace(Diagram::new(), None);
            }
            if ui.button(format!("{}…", s.open)).clicked() {
                room.prompt(PathPurpose::Open);
            }
            if ui.button(s.diagram_save).clicked() {
                save_ui_action(room, false);
            }
            if ui.button(s.diagram_save_as).clicked() {
                save_ui_action(room, true);
            }
            ui.separator();
            ui.horizontal(|ui| {
                ui.label(s.diagram_scale);
                for scale in [1.0_f32, 2.0, 4.0] {
                    ui.selectable_value(&mut room.export_scale, scale, format!("{scale}×"));
                }
            });
            if ui.button(s.diagram_export_png).clicked() {
                room.prompt(PathPurpose::ExportPng);
            }
            if ui.button(s.diagram_export_svg).clicked() {
                room.prompt(PathPurpose::ExportSvg);
            }
        });
        ui.menu_button(s.diagram_templates, |ui| {
            for t in Template::ALL {
                if ui.button(t.label()).clicked() {
                    room.replace(t.build(), None);
                }
            }
        });
        ui.separator();
        if ui
            .add_enabled(room.history.can_undo(), egui::Button::new(s.diagram_undo))
            .clicked()
        {
            room.undo();
        }
        if ui
            .add_enabled(room.history.can_redo(), egui::Button::new(s.diagram_redo))
            .clicked()
        {
            room.redo();
        }
        ui.separator();
        let center = room.canvas_rect.center();
        if ui.button("−").on_hover_text(s.diagram_zoom_out).clicked() {
            room.zoom_around(1.0 / 1.25, center);
        }
        ui.label(format!("{:.0} %", room.zoom * 100.0));
        if ui.button("+").on_hover_text(s.diagram_zoom_in).clicked() {
            room.zoom_around(1.25, center);
        }
        if ui.button(s.diagram_fit).clicked() {
            room.fit();
        }
        ui.separator();
        ui.checkbox(&mut room.snap, s.diagram_snap);
        ui.checkbox(&mut room.badges, s.diagram_badges);
        ui.separator();
        let edges = !room.selected_edges.is_empty();
        if ui
            .add_enabled(edges, egui::Button::new(s.diagram_straight))
            .clicked()
        {
            room.style_edges(None, Some(Routing::Straight));
        }
        if ui
            .add_enabled(edges, egui::Button::new(s.diagram_orthogonal))
            .clicked()
        {
            room.style_edges(None, Some(Routing::Orthogonal));
        }
        for (arrows, label) in [
            (Arrows::None, s.diagram_arrow_none),
            (Arrows::Forward, s.diagram_arrow_one),
            (Arrows::Both, s.diagram_arrow_both),
        ] {
            if ui.add_enabled(edges, egui::Button::new(label)).clicked() {
                room.style_edges(Some(arrows), None);
            }
        }
        ui.separator();
        let topic = (room.selected.len() == 1)
            .then(|| room.selected.iter().next().copied())
            .flatten()
            .and_then(|id| room.diagram.node(id))
            .and_then(|n| n.icon().map(str::to_owned))
            .and_then(|icon| (cx.topic_of_icon)(&icon));
        if ui
            .add_enabled(topic.is_some(), egui::Button::new(s.diagram_open_note))
            .clicked()
            && let Some(topic) = topic
        {
            cx.commands.push(Command::OpenTopic(topic));
        }
        ui.label(RichText::new(room.title()).weak());
    });
}

/// What a path prompt is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    /// Open a diagram.
    Open,
    /// Save the diagram under a new name.
    SaveAs,
    /// Export a PNG.
    ExportPng,
    /// Export an SVG.
    ExportSvg,
}

/// The file-path window: a typed path (works everywhere, with or without a desktop file
/// dialog) and a "Browse…" button for the native dialog.
#[derive(Clone, Debug)]
pub struct PathPrompt {
    /// What the path is for.
    pub purpose: PathPurpose,
    /// The path typed so far.
    pub path: String,
    focused: bool,
}

fn default_path(room: &DiagramRoom, purpose: PathPurpose) -> String {
    let dir = room
        .path
        .as_ref()
        .and_then(|p| p.parent().map(Path::to_owned))
        .or_else(|| {
            directories::UserDirs::new()
                .map(|u| u.document_dir().unwrap_or(u.home_dir()).to_owned())
        })
        .unwrap_or_default();
    let stem = room.path.as_ref().and_then(|p| p.file_name()).map_or_else(
        || "architecture".to_owned(),
        |n| {
            n.to_string_lossy()
                .trim_end_matches(&format!(".{EXTENSION}"))
                .to_owned()
        },
    );
    let name = match purpose {
        PathPurpose::Open | PathPurpose::SaveAs => format!("{stem}.{EXTENSION}"),
        PathPurpose::ExportPng => format!("{stem}.png"),
        PathPurpose::ExportSvg => format!("{stem}.svg"),
    };
    dir.join(name).display().to_string()
}

impl DiagramRoom {
    /// Opens the path window for `purpose`.
    pub fn prompt(&mut self, purpose: PathPurpose) {
        let path = default_path(self, purpose);
        self.path_prompt = Some(PathPrompt {
            purpose,
            path,
            focused: false,
        });
    }

    /// Does what the path window was for, with `path`.
    pub fn complete(&mut self, purpose: PathPurpose, path: &Path) {
        match purpose {
            PathPurpose::Open => self.open_path(path),
            PathPurpose::SaveAs => self.save_to(path),
            PathPurpose::ExportPng | PathPurpose::ExportSvg => {
                self.export_to(path, purpose == PathPurpose::ExportPng)
            }
        }
    }

    /// Writes a PNG (at `export_scale`) or an SVG of the whole diagram.
    pub fn export_to(&mut self, path: &Path, png: bool) {
        let bytes = if png {
            export::to_png(&self.diagram, self.export_scale)
        } else {
            Ok(export::to_svg(&self.diagram).into_bytes())
        };
        if let Err(e) = bytes.and_then(|b| std::fs::write(path, b).map_err(|e| e.to_string())) {
            self.messages.push(format!("{}: {e}", path.display()));
        }
    }
}

fn save_ui_action(room: &mut DiagramRoom, ask: bool) {
    match (&room.path, ask) {
        (Some(p), false) => {
            let p = p.clone();
            room.save_to(&p);
        }
        _ => room.prompt(PathPurpose::SaveAs),
    }
}

fn path_prompt_ui(ctx: &egui::Context, room: &mut DiagramRoom, s: &Strings) {
    let Some(prompt) = room.path_prompt.as_mut() else {
        return;
    };
    let title = match prompt.purpose {
        PathPurpose::Open => s.open,
        PathPurpose::SaveAs => s.diagram_save_as,
        PathPurpose::ExportPng => s.diagram_export_png,
        PathPurpose::ExportSvg => s.diagram_export_svg,
    };
    let mut done: Option<Option<PathBuf>> = None;
    let modal = egui::Modal::new(egui::Id::unique("diagram_path")).show(ctx, |ui| {
        ui.set_width(560.0);
        ui.heading(title.trim_end_matches('…'));
        let label = ui.label(s.diagram_path);
        let edit = ui
            .add(egui::TextEdit::singleline(&mut prompt.path).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        if !prompt.focused {
            edit.request_focus();
            prompt.focused = true;
        }
        let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        ui.horizontal(|ui| {
            let typed = prompt.path.trim().to_owned();
            if (ui
                .add_enabled(!typed.is_empty(), egui::Button::new("OK"))
                .clicked()
                || enter)
                && !typed.is_empty()
            {
                done = Some(Some(PathBuf::from(typed)));
            }
            if ui.button(s.browse).clicked() {
                let dialog = rfd::FileDialog::new();
                let picked = match prompt.purpose {
                    PathPurpose::Open => {
                        dialog.add_filter("aws-study diagram", &["ron"]).pick_file()
                    }
                    _ => {
                        let name = Path::new(&prompt.path)
                            .file_name()
                            .map(|n| n.to_string_lossy().into_owned())
                            .unwrap_or_default();
                        dialog.set_file_name(name).save_file()
                    }
                };
                if let Some(p) = picked {
                    done = Some(Some(p));
                }
            }
            if ui.button(s.cancel).clicked() {
                done = Some(None);
            }
        });
    });
    if modal.should_close() && done.is_none() {
        done = Some(None);
    }
    if let Some(result) = done {
        let purpose = prompt.purpose;
        room.path_prompt = None;
        if let Some(path) = result {
            room.complete(purpose, &path);
        }
    }
}

fn close_dialog_ui(ctx: &egui::Context, room: &mut DiagramRoom, s: &Strings) {
    egui::Modal::new(egui::Id::unique("diagram_close")).show(ctx, |ui| {
        ui.label(RichText::new(s.diagram_unsaved).strong());
        ui.horizontal(|ui| {
            if ui.button(s.diagram_save).clicked() {
                // Saved (a named diagram): close; otherwise the path window opens first.
                save_ui_action(room, false);
                room.confirm_close = false;
                if !room.dirty {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
            if ui.button(s.diagram_discard).clicked() {
                room.confirm_close = false;
                room.dirty = false;
                room.remove_draft();
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            if ui.button(s.cancel).clicked() {
                room.confirm_close = false;
            }
        });
    });
}

/// The texture of an icon at the zoomed size, rounded up to a power of two so zooming
/// does not create a texture per frame.
fn icon_texture(
    ctx: &egui::Context,
    icon: &crate::icons::Icon,
    uri: String,
    size_pts: f32,
) -> Option<egui::load::SizedTexture> {
    let px = (size_pts * ctx.pixels_per_point()).max(8.0);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let bucket = (px.log2().ceil().exp2()).clamp(16.0, 1024.0) as u32;
    let source = egui::ImageSource::Bytes {
        uri: uri.into(),
        bytes: egui::load::Bytes::Static(icon.svg),
    };
    match source.load(
        ctx,
        egui::TextureOptions::LINEAR,
        egui::SizeHint::Size {
            width: bucket,
            height: bucket,
            maintain_aspect_ratio: true,
        },
    ) {
        Ok(egui::load::TexturePoll::Ready { texture }) => Some(texture),
        _ => None,
    }
}

fn canvas_ui(ui: &mut Ui, room: &mut DiagramRoom, cx: &mut DiagramCtx<'_>) {
    let s = cx.lang.strings();
    let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, s.diagram_canvas));
    room.canvas_rect = rect;
    if room.fit_pending {
        room.fit_pending = false;
        room.fit();
    }
    if response.clicked() || response.drag_started() {
        // Keyboard shortcuts go to the canvas once it is used.
        response.request_focus();
    }
    input_ui(ui, room, &response);
    paint(ui, room, cx, rect);
    rename_ui(ui, room, cx.lang.strings());
    // Drop from the palette.
    if let Some(item) = response.dnd_release_payload::<PaletteItem>()
        && let Some(pos) = ui.ctx().pointer_interact_pos()
    {
        let at = room.to_world(pos);
        room.add_item(&item, at);
    }
    if room.gesture.is_some() {
        ui.ctx().request_repaint();
    }
}

fn handle_rects(room: &DiagramRoom, id: NodeId) -> Option<(ERect, ERect)> {
    let node = room.diagram.node(id)?;
    let r = room.rect_to_screen(&node.rect);
    let connect =
        ERect::from_center_size(Pos2::new(r.right() + 8.0, r.center().y), Vec2::splat(12.0));
    let resize = ERect::from_center_size(r.right_bottom(), Vec2::splat(10.0));
    Some((connect, resize))
}

fn input_ui(ui: &mut Ui, room: &mut DiagramRoom, response: &egui::Response) {
    let ctx = ui.ctx().clone();
    // Zoom (Ctrl+wheel, pinch) around the pointer; plain wheel pans.
    if response.hovered() {
        let (zoom, scroll) = ctx.input(|i| (i.zoom_delta(), i.smooth_scroll_delta()));
        if (zoom - 1.0).abs() > f32::EPSILON {
            let at = ctx.pointer_hover_pos().unwrap_or(room.canvas_rect.center());
            room.zoom_around(zoom, at);
        } else if scroll != Vec2::ZERO {
            room.offset += scroll;
        }
    }
    let pointer = ctx.pointer_interact_pos();
    let space = ctx.input(|i| i.key_down(Key::Space));
    let modifiers = ctx.input(|i| i.modifiers);

    // Where the button went down, not where the pointer is once the drag is recognised
    // (a quick drag may already have left a small handle).
    let press = ctx.input(|i| i.pointer.press_origin()).or(pointer);
    if response.drag_started()
        && let Some(pos) = press
    {
        let world = room.to_world(pos);
        let middle = ctx.input(|i| i.pointer.button_down(egui::PointerButton::Middle));
        let selected_one = (room.selected.len() == 1)
            .then(|| room.selected.iter().next().copied())
            .flatten();
        let handles = selected_one.and_then(|id| handle_rects(room, id).map(|h| (id, h)));
        room.gesture = if middle || space {
            Some(Gesture::Pan)
        } else if let Some((id, (connect, resize))) = handles
            && (connect.contains(pos) || resize.contains(pos))
        {
            let node_rect = room.diagram.node(id).map(|n| n.rect).unwrap_or_default();
            if connect.contains(pos) && !room.diagram.node(id).is_some_and(|n| n.is_group()) {
                Some(Gesture::Connect {
                    from: id,
                    now: world,
                })
            } else {
                Some(Gesture::Resize {
                    before: room.diagram.clone(),
                    id,
                    start_rect: node_rect,
                    start: world,
                })
            }
        } else if let Some(id) = room.diagram.node_at(world) {
            if !room.selected.contains(&id) {
                if !(modifiers.shift || modifiers.command) {
                    room.selected.clear();
                    room.selected_edges.clear();
                }
                room.selected.insert(id);
            }
            let ids: Vec<NodeId> = room.selected.iter().copied().collect();
            let anchor = room.diagram.node(id).map(|n| n.rect).unwrap_or_default();
            Some(Gesture::Move {
                before: room.diagram.clone(),
                ids,
                start: world,
                anchor,
                moved: Point::new(0.0, 0.0),
            })
        } else if modifiers.shift || modifiers.command {
            // Shift/Ctrl + drag on empty space: rubber-band selection.
            Some(Gesture::Rubber {
                start: world,
                now: world,
            })
        } else {
            // Drag on empty space pans.
            Some(Gesture::Pan)
        };
    }

    if response.dragged()
        && let Some(pos) = pointer
    {
        let world = room.to_world(pos);
        let delta = response.drag_delta();
        let snap_on = room.snap;
        match &mut room.gesture {
            Some(Gesture::Pan) => room.offset += delta,
            Some(Gesture::Move {
                ids,
                start,
                anchor,
                moved,
                ..
            }) => {
                let mut want = Point::new(world.x - start.x, world.y - start.y);
                if snap_on {
                    want.x = snap(anchor.x + want.x, GRID) - anchor.x;
                    want.y = snap(anchor.y + want.y, GRID) - anchor.y;
                }
                let (dx, dy) = (want.x - moved.x, want.y - moved.y);
                if dx != 0.0 || dy != 0.0 {
                    let ids = ids.clone();
                    *moved = want;
                    room.diagram.move_nodes(&ids, dx, dy);
                }
            }
            Some(Gesture::Rubber { now, .. } | Gesture::Connect { now, .. }) => *now = world,
            Some(Gesture::Resize {
                id,
                start_rect,
                start,
                ..
            }) => {
                let mut w = start_rect.w + world.x - start.x;
                let mut h = start_rect.h + world.y - start.y;
                if snap_on {
                    w = snap(start_rect.x + w, GRID) - start_rect.x;
                    h = snap(start_rect.y + h, GRID) - start_rect.y;
                }
                let (id, r) = (
                    *id,
                    Rect::new(start_rect.x, start_rect.y, w.max(1.0), h.max(1.0)),
                );
                room.diagram.resize(id, r);
            }
            None => {}
        }
    }

    if response.drag_stopped() {
        match room.gesture.take() {
            Some(Gesture::Move { before, .. } | Gesture::Resize { before, .. }) => {
                if room.diagram != before {
                    room.history.record(before);
                    room.dirty = true;
                }
            }
            Some(Gesture::Rubber { start, now }) => {
                if !(modifiers.shift || modifiers.command) {
                    room.selected.clear();
                    room.selected_edges.clear();
                }
                room.selected
                    .extend(room.diagram.nodes_in(&Rect::from_points(start, now)));
            }
            Some(Gesture::Connect { from, now }) => {
                if let Some(to) = room.diagram.node_at(now).filter(|to| *to != from) {
                    let mut new_edge = None;
                    room.edit(|d| new_edge = d.connect(from, to));
                    if let Some(e) = new_edge {
                        room.selected.clear();
                        room.selected_edges = BTreeSet::from([e]);
                    }
                }
            }
            Some(Gesture::Pan) | None => {}
        }
    }

    if response.clicked()
        && let Some(pos) = pointer
    {
        let world = room.to_world(pos);
        let additive = modifiers.shift || modifiers.command;
        if !additive {
            room.selected.clear();
            room.selected_edges.clear();
        }
        if let Some(e) = room.diagram.edge_at(world, 6.0 / room.zoom) {
            if !room.selected_edges.remove(&e) {
                room.selected_edges.insert(e);
            }
        } else if let Some(id) = room.diagram.node_at(world)
            && !room.selected.remove(&id)
        {
            room.selected.insert(id);
        }
    }
    if response.double_clicked()
        && let Some(pos) = pointer
    {
        let world = room.to_world(pos);
        // Double-click a node to rename it, an arrow to give it a label.
        if let Some(e) = room.diagram.edge_at(world, 6.0 / room.zoom) {
            let label = room
                .diagram
                .edge(e)
                .map(|e| e.label.clone())
                .unwrap_or_default();
            room.renaming = Some((Renaming::Edge(e), label));
        } else if let Some(id) = room.diagram.node_at(world) {
            let label = room
                .diagram
                .node(id)
                .map(|n| n.label.clone())
                .unwrap_or_default();
            room.renaming = Some((Renaming::Node(id), label));
        }
    }

    // Keyboard, unless a text field has the focus.
    if room.renaming.is_some()
        || room.path_prompt.is_some()
        || ctx.memory(|m| m.focused().is_some()) && !response.has_focus()
    {
        return;
    }
    let step = if room.snap { GRID } else { 1.0 };
    let mut actions = Vec::new();
    ctx.input_mut(|i| {
        let cmd = Modifiers::COMMAND;
        let cmd_shift = Modifiers::COMMAND | Modifiers::SHIFT;
        if i.consume_key(cmd_shift, Key::Z) || i.consume_key(cmd, Key::Y) {
            actions.push("redo");
        }
        if i.consume_key(cmd, Key::Z) {
            actions.push("undo");
        }
        if i.consume_key(cmd, Key::C) {
            actions.push("copy");
        }
        if i.consume_key(cmd, Key::V) {
            actions.push("paste");
        }
        if i.consume_key(cmd, Key::D) {
            actions.push("duplicate");
        }
        if i.consume_key(cmd, Key::A) {
            actions.push("all");
        }
        if i.consume_key(cmd, Key::S) {
            actions.push("save");
        }
        if i.consume_key(cmd, Key::O) {
            actions.push("open");
        }
        if i.consume_key(cmd, Key::N) {
            actions.push("new");
        }
        if i.consume_key(Modifiers::NONE, Key::Delete)
            || i.consume_key(Modifiers::NONE, Key::Backspace)
        {
            actions.push("delete");
        }
        if i.consume_key(Modifiers::NONE, Key::Escape) {
            actions.push("escape");
        }
        for (key, name) in [
            (Key::ArrowLeft, "left"),
            (Key::ArrowRight, "right"),
            (Key::ArrowUp, "up"),
            (Key::ArrowDown, "down"),
        ] {
            if i.consume_key(Modifiers::NONE, key) {
                actions.push(name);
            }
        }
        if i.consume_key(Modifiers::NONE, Key::Plus) || i.consume_key(Modifiers::NONE, Key::Equals)
        {
            actions.push("zoom_in");
        }
        if i.consume_key(Modifiers::NONE, Key::Minus) {
            actions.push("zoom_out");
        }
    });
    let center = room.canvas_rect.center();
    for action in actions {
        match action {
            "undo" => room.undo(),
            "redo" => room.redo(),
            "copy" => room.copy_selection(),
            "paste" => room.paste(GRID, GRID),
            "duplicate" => {
                room.copy_selection();
                room.paste(GRID, GRID);
            }
            "all" => {
                room.selected = room.diagram.nodes.keys().copied().collect();
            }
            "delete" => room.delete_selection(),
            "save" => save_ui_action(room, false),
            "open" => room.prompt(PathPurpose::Open),
            "new" => room.replace(Diagram::new(), None),
            "escape" => {
                room.selected.clear();
                room.selected_edges.clear();
            }
            "left" => room.nudge(-step, 0.0),
            "right" => room.nudge(step, 0.0),
            "up" => room.nudge(0.0, -step),
            "down" => room.nudge(0.0, step),
            "zoom_in" => room.zoom_around(1.25, center),
            "zoom_out" => room.zoom_around(1.0 / 1.25, center),
            _ => {}
        }
    }
}

fn rename_ui(ui: &mut Ui, room: &mut DiagramRoom, s: &Strings) {
    let Some(target) = room.renaming.as_ref().map(|(t, _)| *t) else {
        return;
    };
    let pos = match target {
        Renaming::Node(id) => room.diagram.node(id).map(|node| {
            let r = room.rect_to_screen(&node.rect);
            if node.is_group() {
                r.left_top()
            } else {
                Pos2::new(r.center().x - 90.0, r.bottom() + 2.0)
            }
        }),
        Renaming::Edge(id) => room.diagram.edge(id).and_then(|e| {
            let path = room.diagram.edge_path(e);
            let mid = path.get(path.len() / 2).copied()?;
            Some(room.to_screen(mid) - Vec2::new(90.0, 10.0))
        }),
    };
    let Some(pos) = pos else {
        room.renaming = None;
        return;
    };
    let mut done = None;
    let Some((_, text)) = room.renaming.as_mut() else {
        return;
    };
    egui::Area::new(egui::Id::unique("diagram_rename"))
        .fixed_pos(pos)
        .order(egui::Order::Foreground)
        .show(ui.ctx(), |ui| {
            let name = ui.label(RichText::new(s.diagram_label).small().weak());
            let edit = ui
                .add(egui::TextEdit::singleline(text).desired_width(180.0))
                .labelled_by(name.id);
            edit.request_focus();
            if ui.input(|i| i.key_pressed(Key::Enter)) {
                done = Some(true);
            } else if ui.input(|i| i.key_pressed(Key::Escape)) || edit.lost_focus() {
                done = Some(edit.lost_focus() && !ui.input(|i| i.key_pressed(Key::Escape)));
            }
        });
    // Enter applies, Escape cancels; either way the field closes.
    if let Some(apply) = done
        && let Some((target, text)) = room.renaming.take()
        && apply
    {
        room.edit(|d| match target {
            Renaming::Node(id) => d.set_label(id, &text),
            Renaming::Edge(id) => {
                if let Some(e) = d.edge(id).cloned() {
                    d.set_edge(id, &text, e.arrows, e.routing);
                }
            }
        });
    }
}

fn paint(ui: &mut Ui, room: &DiagramRoom, cx: &DiagramCtx<'_>, clip: ERect) {
    let painter = ui.painter_at(clip);
    let visuals = ui.visuals().clone();
    let zoom = room.zoom;
    // Grid dots.
    if zoom >= 0.5 {
        let step = GRID * zoom * if zoom < 1.0 { 2.0 } else { 1.0 };
        let origin = clip.min + room.offset;
        let start_x = origin.x + ((clip.left() - origin.x) / step).floor() * step;
        let start_y = origin.y + ((clip.top() - origin.y) / step).floor() * step;
        let dot = visuals.weak_text_color().gamma_multiply(0.35);
        let mut y = start_y;
        while y < clip.bottom() {
            let mut x = start_x;
            while x < clip.right() {
                painter.circle_filled(Pos2::new(x, y), 0.8, dot);
                x += step;
            }
            y += step;
        }
    }
    let catalog = Catalog::bundled();
    let text_color = visuals.text_color();
    let font = |size: f32| egui::FontId::proportional((size * zoom).clamp(5.0, 48.0));
    // Nodes, back to front.
    for id in &room.diagram.order {
        let Some(node) = room.diagram.node(*id) else {
            continue;
        };
        let r = room.rect_to_screen(&node.rect);
        let visible = r.expand(40.0 * zoom).intersects(clip);
        if !visible {
            continue;
        }
        let selected = room.selected.contains(id);
        match &node.kind {
            NodeKind::Group { kind } => {
                let [cr, cg, cb] = kind.color();
                let mut color = Color32::from_rgb(cr, cg, cb);
                if *kind == GroupKind::AwsCloud && visuals.dark_mode {
                    // AWS's near-black cloud border disappears on a dark canvas.
                    color = Color32::from_gray(190);
                }
                painter.rect_filled(r, 0.0, color.gamma_multiply(0.05));
                let stroke = Stroke::new(if selected { 3.0 } else { 1.5 }, color);
                if kind.dashed() {
                    let pts = [
                        r.left_top(),
                        r.right_top(),
                        r.right_bottom(),
                        r.left_bottom(),
                        r.left_top(),
                    ];
                    painter.extend(egui::Shape::dashed_line(&pts, stroke, 6.0, 4.0));
                } else {
                    painter.rect_stroke(r, 0.0, stroke, egui::StrokeKind::Inside);
                }
                let icon_size = 24.0 * zoom;
                let mut title_x = r.left() + 6.0 * zoom;
                if let Some(icon) = kind.icon_name().and_then(|n| catalog.by_aws_name(n))
                    && let Some(tex) = icon_texture(ui.ctx(), icon, catalog.uri(icon.id), icon_size)
                {
                    let ir = ERect::from_min_size(r.left_top(), Vec2::splat(icon_size));
                    painter.image(
                        tex.id,
                        ir,
                        ERect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0)),
                        Color32::WHITE,
                    );
                    title_x = ir.right() + 6.0 * zoom;
                }
                painter.text(
                    Pos2::new(title_x, r.top() + 12.0 * zoom),
                    egui::Align2::LEFT_CENTER,
                    &node.label,
                    font(13.0),
                    color,
                );
            }
            NodeKind::Service { icon } => {
                match catalog
                    .by_aws_name(icon)
                    .and_then(|i| icon_texture(ui.ctx(), i, catalog.uri(i.id), r.width()))
                {
                    Some(tex) => {
                        painter.image(
                            tex.id,
                            r,
                            ERect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0)),
                            Color32::WHITE,
                        );
                    }
                    None => {
                        painter.rect_stroke(
                            r,
                            4.0,
                            Stroke::new(1.0, visuals.warn_fg_color),
                            egui::StrokeKind::Inside,
                        );
                        painter.text(
                            r.center(),
                            egui::Align2::CENTER_CENTER,
                            "?",
                            font(24.0),
                            visuals.warn_fg_color,
                        );
                    }
                }
                painter.text(
                    Pos2::new(r.center().x, r.bottom() + 4.0 * zoom),
                    egui::Align2::CENTER_TOP,
                    &node.label,
                    font(12.0),
                    text_color,
                );
                if room.badges
                    && let Some(tier) = (cx.tier_of_icon)(icon)
                {
                    let badge = painter.layout_no_wrap(
                        cx.lang.tier(tier).to_owned(),
                        font(9.0),
                        Color32::WHITE,
                    );
                    let br = ERect::from_min_size(
                        Pos2::new(
                            r.right() - badge.size().x * 0.5,
                            r.top() - badge.size().y * 0.6,
                        ),
                        badge.size() + Vec2::new(8.0, 2.0) * zoom,
                    );
                    painter.rect_filled(br, 6.0 * zoom, tier_color(tier));
                    painter.galley(br.min + Vec2::new(4.0, 1.0) * zoom, badge, Color32::WHITE);
                }
                if selected {
                    painter.rect_stroke(
                        r.expand(3.0),
                        4.0,
                        Stroke::new(2.0, visuals.selection.stroke.color),
                        egui::StrokeKind::Outside,
                    );
                }
            }
        }
    }
    // Edges on top of groups and icons.
    for (id, edge) in &room.diagram.edges {
        let path = room.diagram.edge_path(edge);
        if path.len() < 2 {
            continue;
        }
        let pts: Vec<Pos2> = path.iter().map(|p| room.to_screen(*p)).collect();
        let bbox = ERect::from_points(&pts).expand(10.0);
        if !bbox.intersects(clip) {
            continue;
        }
        let selected = room.selected_edges.contains(id);
        let color = if selected {
            visuals.selection.stroke.color
        } else {
            visuals.text_color().gamma_multiply(0.8)
        };
        let stroke = Stroke::new(if selected { 2.5 } else { 1.5 }, color);
        painter.line(pts.clone(), stroke);
        let head = |painter: &egui::Painter, tip: Pos2, from: Pos2| {
            let dir = (tip - from).normalized();
            let n = Vec2::new(-dir.y, dir.x);
            let len = 10.0 * zoom.clamp(0.5, 2.0);
            painter.add(egui::Shape::convex_polygon(
                vec![
                    tip,
                    tip - dir * len + n * len * 0.45,
                    tip - dir * len - n * len * 0.45,
                ],
                color,
                Stroke::NONE,
            ));
        };
        let n = pts.len();
        if matches!(edge.arrows, Arrows::Forward | Arrows::Both) {
            head(&painter, pts[n - 1], pts[n - 2]);
        }
        if edge.arrows == Arrows::Both {
            head(&painter, pts[0], pts[1]);
        }
        if !edge.label.is_empty() {
            let mid = pts[n / 2 - usize::from(n.is_multiple_of(2))].lerp(pts[n / 2], 0.5);
            painter.text(
                mid,
                egui::Align2::CENTER_BOTTOM,
                &edge.label,
                font(11.0),
                text_color,
            );
        }
    }
    // Handles of a single selected node, the gesture being made.
    if room.selected.len() == 1
        && let Some(id) = room.selected.iter().next()
        && let Some((connect, resize)) = handle_rects(room, *id)
    {
        let accent = visuals.selection.stroke.color;
        if !room.diagram.node(*id).is_some_and(|n| n.is_group()) {
            painter.circle(
                connect.center(),
                6.0,
                visuals.extreme_bg_color,
                Stroke::new(2.0, accent),
            );
        }
        painter.rect_filled(resize, 2.0, accent);
    }
    match &room.gesture {
        Some(Gesture::Rubber { start, now }) => {
            let r = ERect::from_two_pos(room.to_screen(*start), room.to_screen(*now));
            painter.rect(
                r,
                0.0,
                visuals.selection.bg_fill.gamma_multiply(0.2),
                Stroke::new(1.0, visuals.selection.stroke.color),
                egui::StrokeKind::Inside,
            );
        }
        Some(Gesture::Connect { from, now }) => {
            if let Some(n) = room.diagram.node(*from) {
                let a = room.rect_to_screen(&n.rect).center();
                painter.line_segment(
                    [a, room.to_screen(*now)],
                    Stroke::new(2.0, visuals.selection.stroke.color),
                );
            }
        }
        _ => {}
    }
    if room.diagram.nodes.is_empty() {
        painter.text(
            clip.center(),
            egui::Align2::CENTER_CENTER,
            cx.lang.strings().diagram_empty,
            egui::FontId::proportional(16.0),
            visuals.weak_text_color(),
        );
    }
    let _ = SERVICE_SIZE;
}
