//! The Diagram room's logic without egui: the document being edited, its undo history and
//! dirty flag, the selection, the clipboard, and every edit as a typed [`DiagramCommand`].
//!
//! The canvas, toolbar and keys only *describe* what the user asked for with a
//! [`DiagramCommand`]; the app applies it after the frame: file commands (open, save,
//! export, drafts) on its side, view commands (zoom, fit) on the view, and everything else
//! here, through [`Editor::apply`]. Each command that changes the document is one undo
//! step; a drag is previewed without history and committed as one step when it ends. The
//! history belongs to one document: opening another one, or making a new one, starts it
//! empty. Nothing here reads or writes files.

use std::collections::{BTreeSet, HashSet};
use std::path::PathBuf;

use crate::diagram::history::History;
use crate::diagram::model::{
    AcceptedFinding, Arrows, Clipboard, Diagram, EdgeId, GroupKind, MIN_GROUP_SIZE,
    MIN_SERVICE_SIZE, NodeId, Point, Rect, Routing, snap,
};
use crate::diagram::templates::Template;
use crate::i18n::Strings;
use crate::icons::Catalog;

/// Grid step in world units (snapping, nudges, paste offset).
pub const GRID: f32 = 20.0;

/// What the palette drags onto the canvas.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PaletteItem {
    /// A service icon, by catalog name.
    Service(String),
    /// A group box.
    Group(GroupKind),
}

/// What a label being edited belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelTarget {
    /// A node's label.
    Node(NodeId),
    /// An arrow's label.
    Edge(EdgeId),
}

/// What a file-path window is for.
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
    /// Export a draw.io file.
    ExportDrawio,
}

/// A direction for the arrow keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Towards smaller x.
    Left,
    /// Towards larger x.
    Right,
    /// Towards smaller y.
    Up,
    /// Towards larger y.
    Down,
}

/// A key of a shortcut, named without egui (the view maps it to the toolkit's key).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShortcutKey {
    /// A letter key, upper case (`'Z'`).
    Letter(char),
    /// Delete.
    Delete,
    /// Backspace.
    Backspace,
    /// Escape.
    Escape,
    /// An arrow key.
    Arrow(Direction),
    /// `+`.
    Plus,
    /// `=` (the unshifted `+` key).
    Equals,
    /// `-`.
    Minus,
}

/// A keyboard shortcut: the command key (Ctrl, ⌘ on macOS), Shift, and a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shortcut {
    /// Ctrl (⌘ on macOS) held.
    pub command: bool,
    /// Shift held.
    pub shift: bool,
    /// The key.
    pub key: ShortcutKey,
}

impl Shortcut {
    const fn plain(key: ShortcutKey) -> Self {
        Self {
            command: false,
            shift: false,
            key,
        }
    }

    const fn cmd(letter: char) -> Self {
        Self {
            command: true,
            shift: false,
            key: ShortcutKey::Letter(letter),
        }
    }

    /// How a menu shows it (`Ctrl+Shift+Z`).
    #[must_use]
    pub fn text(&self) -> String {
        let mut out = String::new();
        if self.command {
            out.push_str(if cfg!(target_os = "macos") {
                "⌘"
            } else {
                "Ctrl+"
            });
        }
        if self.shift {
            out.push_str("Shift+");
        }
        match self.key {
            ShortcutKey::Letter(c) => out.push(c),
            ShortcutKey::Delete => out.push_str("Del"),
            ShortcutKey::Backspace => out.push_str("Backspace"),
            ShortcutKey::Escape => out.push_str("Esc"),
            ShortcutKey::Arrow(d) => out.push_str(match d {
                Direction::Left => "←",
                Direction::Right => "→",
                Direction::Up => "↑",
                Direction::Down => "↓",
            }),
            ShortcutKey::Plus => out.push('+'),
            ShortcutKey::Equals => out.push('='),
            ShortcutKey::Minus => out.push('-'),
        }
        out
    }
}

/// Everything the Diagram room can be asked to do. Views return these; the app applies
/// them after the frame ([`DiagramCommand::is_file`] ones on its file side,
/// [`DiagramCommand::is_view`] ones on the view, the rest with [`Editor::apply`]).
#[derive(Clone, Debug, PartialEq)]
#[must_use]
pub enum DiagramCommand {
    // ---- files (the app) ----
    /// Start a new, empty diagram.
    New,
    /// Start from a template.
    Template(Template),
    /// Ask where to open a diagram from.
    Open,
    /// Save where it was opened or saved, else ask where.
    Save,
    /// Ask where to save.
    SaveAs,
    /// Ask where to export a PNG.
    ExportPng,
    /// Ask where to export an SVG.
    ExportSvg,
    /// Ask where to export a draw.io file.
    ExportDrawio,
    /// The path window was filled in: do what it was for.
    CompletePath(PathPurpose, PathBuf),
    /// The path window's "Browse…": ask the OS with its file dialog.
    BrowsePath(PathPurpose),
    /// Close the path window.
    CancelPath,
    /// Take the draft left by a crash.
    RecoverDraft,
    /// Throw the draft left by a crash away.
    DiscardDraft,
    /// Unsaved-changes window: save, then go on.
    ConfirmSave,
    /// Unsaved-changes window: go on without saving.
    ConfirmDiscard,
    /// Unsaved-changes window: stay.
    ConfirmCancel,
    /// Show a topic in the Notes room.
    OpenNote(usize),
    /// Practise the bank questions about a service (its catalog short name) in the Quiz
    /// room.
    PracticeService(String),
    // ---- view (the view) ----
    /// Zoom in around the canvas centre.
    ZoomIn,
    /// Zoom out around the canvas centre.
    ZoomOut,
    /// Zoom and pan so the whole diagram fits the canvas.
    Fit,
    // ---- edits (the editor) ----
    /// Undo one step.
    Undo,
    /// Redo one step.
    Redo,
    /// Copy the selected nodes (and the arrows between them).
    Copy,
    /// Paste the clipboard, one grid step away.
    Paste,
    /// Copy and paste at once.
    Duplicate,
    /// Select every node.
    SelectAll,
    /// Delete the selection.
    Delete,
    /// Select nothing.
    ClearSelection,
    /// Move the selection by one grid step (one point without snapping).
    Nudge(Direction),
    /// Add a palette item at a world point and select it.
    Add(PaletteItem, Point),
    /// Replace the selection.
    Select {
        /// Selected nodes.
        nodes: BTreeSet<NodeId>,
        /// Selected arrows.
        edges: BTreeSet<EdgeId>,
    },
    /// Draw an arrow between two nodes and select it.
    Connect(NodeId, NodeId),
    /// Set a node's or an arrow's label.
    SetLabel(LabelTarget, String),
    /// Set the arrow heads and/or routing of the selected arrows.
    StyleEdges(Option<Arrows>, Option<Routing>),
    /// Snap to the grid, or not.
    SetSnap(bool),
    /// A drag of these nodes starts (preview, no undo step yet).
    BeginMove(Vec<NodeId>),
    /// The dragged nodes are this far from where they started.
    MoveTo(f32, f32),
    /// A drag of a node's resize handle starts.
    BeginResize(NodeId),
    /// The node being resized has this rect.
    ResizeTo(Rect),
    /// The drag ended: the move or resize becomes one undo step.
    EndDrag,
    /// Accept a review finding (its rule and nodes) for a reason, saved in the diagram
    /// (accepting it again replaces the reason).
    AcceptFinding {
        /// The rule's id.
        rule: String,
        /// The nodes of the finding.
        nodes: Vec<NodeId>,
        /// Why, in the author's words.
        reason: String,
    },
    /// Put an accepted finding back among the open ones.
    ReopenFinding {
        /// The rule's id.
        rule: String,
        /// The nodes of the finding.
        nodes: Vec<NodeId>,
    },
}

/// The commands the canvas listens to on the keyboard, in the order they are tried
/// (Ctrl+Shift+Z before Ctrl+Z).
pub const KEYED: [DiagramCommand; 18] = [
    DiagramCommand::Redo,
    DiagramCommand::Undo,
    DiagramCommand::Copy,
    DiagramCommand::Paste,
    DiagramCommand::Duplicate,
    DiagramCommand::SelectAll,
    DiagramCommand::SaveAs,
    DiagramCommand::Save,
    DiagramCommand::Open,
    DiagramCommand::New,
    DiagramCommand::Delete,
    DiagramCommand::ClearSelection,
    DiagramCommand::Nudge(Direction::Left),
    DiagramCommand::Nudge(Direction::Right),
    DiagramCommand::Nudge(Direction::Up),
    DiagramCommand::Nudge(Direction::Down),
    DiagramCommand::ZoomIn,
    DiagramCommand::ZoomOut,
];

impl DiagramCommand {
    /// The keyboard shortcuts of the command, the one menus show first.
    #[must_use]
    pub fn shortcuts(&self) -> &'static [Shortcut] {
        use ShortcutKey as K;
        match self {
            Self::Undo => {
                const KEYS: &[Shortcut] = &[Shortcut::cmd('Z')];
                KEYS
            }
            Self::Redo => {
                const KEYS: &[Shortcut] = &[
                    Shortcut {
                        command: true,
                        shift: true,
                        key: K::Letter('Z'),
                    },
                    Shortcut::cmd('Y'),
                ];
                KEYS
            }
            Self::Copy => {
                const KEYS: &[Shortcut] = &[Shortcut::cmd('C')];
                KEYS
            }
            Self::Paste => {
                const KEYS: &[Shortcut] = &[Shortcut::cmd('V')];
                KEYS
            }
            Self::Duplicate => {
                const KEYS: &[Shortcut] = &[Shortcut::cmd('D')];
                KEYS
            }
            Self::SelectAll => {
                const KEYS: &[Shortcut] = &[Shortcut::cmd('A')];
                KEYS
            }
            Self::Save => {
                const KEYS: &[Shortcut] = &[Shortcut::cmd('S')];
                KEYS
            }
            Self::SaveAs => {
                const KEYS: &[Shortcut] = &[Shortcut {
                    command: true,
                    shift: true,
                    key: K::Letter('S'),
                }];
                KEYS
            }
            Self::Open => {
                const KEYS: &[Shortcut] = &[Shortcut::cmd('O')];
                KEYS
            }
            Self::New => {
                const KEYS: &[Shortcut] = &[Shortcut::cmd('N')];
                KEYS
            }
            Self::Delete => {
                const KEYS: &[Shortcut] =
                    &[Shortcut::plain(K::Delete), Shortcut::plain(K::Backspace)];
                KEYS
            }
            Self::ClearSelection => {
                const KEYS: &[Shortcut] = &[Shortcut::plain(K::Escape)];
                KEYS
            }
            Self::Nudge(Direction::Left) => {
                const KEYS: &[Shortcut] = &[Shortcut::plain(K::Arrow(Direction::Left))];
                KEYS
            }
            Self::Nudge(Direction::Right) => {
                const KEYS: &[Shortcut] = &[Shortcut::plain(K::Arrow(Direction::Right))];
                KEYS
            }
            Self::Nudge(Direction::Up) => {
                const KEYS: &[Shortcut] = &[Shortcut::plain(K::Arrow(Direction::Up))];
                KEYS
            }
            Self::Nudge(Direction::Down) => {
                const KEYS: &[Shortcut] = &[Shortcut::plain(K::Arrow(Direction::Down))];
                KEYS
            }
            Self::ZoomIn => {
                const KEYS: &[Shortcut] = &[Shortcut::plain(K::Plus), Shortcut::plain(K::Equals)];
                KEYS
            }
            Self::ZoomOut => {
                const KEYS: &[Shortcut] = &[Shortcut::plain(K::Minus)];
                KEYS
            }
            _ => &[],
        }
    }

    /// The label of the command in menus and buttons, for the commands that have one.
    #[must_use]
    pub fn label(&self, s: &'static Strings) -> Option<&'static str> {
        Some(match self {
            Self::New => s.diagram_new,
            Self::Open => s.open,
            Self::Save => s.diagram_save,
            Self::SaveAs => s.diagram_save_as,
            Self::ExportPng => s.diagram_export_png,
            Self::ExportSvg => s.diagram_export_svg,
            Self::ExportDrawio => s.diagram_export_drawio,
            Self::Template(t) => t.label(),
            Self::Undo => s.diagram_undo,
            Self::Redo => s.diagram_redo,
            Self::ZoomIn => s.diagram_zoom_in,
            Self::ZoomOut => s.diagram_zoom_out,
            Self::Fit => s.diagram_fit,
            Self::StyleEdges(None, Some(Routing::Straight)) => s.diagram_straight,
            Self::StyleEdges(None, Some(Routing::Orthogonal)) => s.diagram_orthogonal,
            Self::StyleEdges(Some(Arrows::None), None) => s.diagram_arrow_none,
            Self::StyleEdges(Some(Arrows::Forward), None) => s.diagram_arrow_one,
            Self::StyleEdges(Some(Arrows::Both), None) => s.diagram_arrow_both,
            Self::RecoverDraft => s.diagram_recover_yes,
            Self::DiscardDraft => s.diagram_recover_no,
            Self::ConfirmSave => s.diagram_save,
            Self::ConfirmDiscard => s.diagram_discard,
            Self::ConfirmCancel | Self::CancelPath => s.cancel,
            Self::OpenNote(_) => s.diagram_open_note,
            Self::AcceptFinding { .. } => s.review_accept,
            Self::ReopenFinding { .. } => s.review_reopen,
            _ => return None,
        })
    }

    /// Applied by the app's file side (files, dialogs, drafts, other rooms).
    #[must_use]
    pub fn is_file(&self) -> bool {
        matches!(
            self,
            Self::New
                | Self::Template(_)
                | Self::Open
                | Self::Save
                | Self::SaveAs
                | Self::ExportPng
                | Self::ExportSvg
                | Self::ExportDrawio
                | Self::CompletePath(..)
                | Self::BrowsePath(_)
                | Self::CancelPath
                | Self::RecoverDraft
                | Self::DiscardDraft
                | Self::ConfirmSave
                | Self::ConfirmDiscard
                | Self::ConfirmCancel
                | Self::OpenNote(_)
                | Self::PracticeService(_)
        )
    }

    /// Applied by the view (zoom and pan only, the document does not change).
    #[must_use]
    pub fn is_view(&self) -> bool {
        matches!(self, Self::ZoomIn | Self::ZoomOut | Self::Fit)
    }
}

/// A drag being previewed: the document as it was, and what the preview has done to it.
#[derive(Clone, Debug)]
enum Preview {
    Move {
        before: Diagram,
        ids: Vec<NodeId>,
        /// The nodes that move (`ids` and every descendant), computed once per drag.
        moving: Vec<NodeId>,
        applied: (f32, f32),
    },
    Resize {
        before: Diagram,
        id: NodeId,
        rect: Rect,
    },
}

/// The document being edited, with its history, dirty flag, selection and clipboard.
#[derive(Clone, Debug)]
pub struct Editor {
    diagram: Diagram,
    history: History,
    path: Option<PathBuf>,
    dirty: bool,
    /// Selected nodes.
    pub selected: BTreeSet<NodeId>,
    /// Selected arrows.
    pub selected_edges: BTreeSet<EdgeId>,
    clipboard: Option<Clipboard>,
    /// Snap added and moved nodes to the grid.
    pub snap: bool,
    preview: Option<Preview>,
    /// Bumped each time another document is shown (the view fits it to the canvas).
    generation: u64,
    /// Bumped each time the document changes for good (an edit, undo, redo, another
    /// document; not the frames of a drag, which count once it ends).
    revision: u64,
}

impl Default for Editor {
    fn default() -> Self {
        Self::new()
    }
}

impl Editor {
    /// An empty, untitled, unmodified diagram.
    #[must_use]
    pub fn new() -> Self {
        Self {
            diagram: Diagram::new(),
            history: History::default(),
            path: None,
            dirty: false,
            selected: BTreeSet::new(),
            selected_edges: BTreeSet::new(),
            clipboard: None,
            snap: true,
            preview: None,
            generation: 0,
            revision: 0,
        }
    }

    /// The diagram as shown (with a drag's preview).
    #[must_use]
    pub fn diagram(&self) -> &Diagram {
        &self.diagram
    }

    /// The file the document was opened from or saved to.
    #[must_use]
    pub fn path(&self) -> Option<&std::path::Path> {
        self.path.as_deref()
    }

    /// Changed since it was opened or saved.
    #[must_use]
    pub fn dirty(&self) -> bool {
        self.dirty
    }

    /// Whether Undo would do something.
    #[must_use]
    pub fn can_undo(&self) -> bool {
        self.history.can_undo() || self.preview.is_some()
    }

    /// Whether Redo would do something.
    #[must_use]
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// Whether something was copied.
    #[must_use]
    pub fn has_clipboard(&self) -> bool {
        self.clipboard.is_some()
    }

    /// Bumped each time another document is shown.
    #[must_use]
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Bumped each time the document changes for good: what is worked out from it (the
    /// review's findings) is recomputed when this changes, not every frame.
    #[must_use]
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The single selected node, if exactly one is.
    #[must_use]
    pub fn single_selected(&self) -> Option<NodeId> {
        (self.selected.len() == 1)
            .then(|| self.selected.iter().next().copied())
            .flatten()
    }

    /// The file name shown in the title, with `*` when there are unsaved changes.
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

    /// Shows another document (new, opened, template, recovered draft): its history starts
    /// empty, nothing is selected. Unmodified when it comes from `path`; an unnamed
    /// non-empty one counts as unsaved.
    pub fn replace(&mut self, diagram: Diagram, path: Option<PathBuf>) {
        self.preview = None;
        self.diagram = diagram;
        self.history.clear();
        self.dirty = path.is_none() && !self.diagram.nodes.is_empty();
        self.path = path;
        self.selected.clear();
        self.selected_edges.clear();
        self.generation += 1;
        self.revision += 1;
    }

    /// The document was written to `path`.
    pub fn mark_saved(&mut self, path: PathBuf) {
        self.path = Some(path);
        self.dirty = false;
    }

    /// The user chose to throw the unsaved changes away (closing the window).
    pub fn mark_discarded(&mut self) {
        self.dirty = false;
    }

    /// Applies an edit as one undo step (none if nothing changed).
    fn edit(&mut self, f: impl FnOnce(&mut Diagram)) {
        self.commit_preview();
        let before = self.diagram.clone();
        f(&mut self.diagram);
        if self.diagram != before {
            self.history.record(before);
            self.dirty = true;
            self.revision += 1;
        }
    }

    /// Ends a drag preview: the move or resize becomes one undo step.
    fn commit_preview(&mut self) {
        let Some(preview) = self.preview.take() else {
            return;
        };
        let (before, after) = match preview {
            Preview::Move {
                before,
                ids,
                applied: (dx, dy),
                ..
            } => {
                // The same result as one move of the whole distance: re-parenting and the
                // drawing order are worked out once, here.
                let mut after = before.clone();
                if dx != 0.0 || dy != 0.0 {
                    after.move_nodes(&ids, dx, dy);
                }
                (before, after)
            }
            Preview::Resize { before, id, rect } => {
                let mut after = before.clone();
                after.resize(id, rect);
                (before, after)
            }
        };
        self.diagram = after;
        if self.diagram != before {
            self.history.record(before);
            self.dirty = true;
        }
        // The preview changed the shown diagram frame by frame: count it now, in any case.
        self.revision += 1;
        self.prune_selection();
    }

    fn prune_selection(&mut self) {
        let d = &self.diagram;
        self.selected.retain(|id| d.nodes.contains_key(id));
        self.selected_edges.retain(|id| d.edges.contains_key(id));
    }

    fn step(&self) -> f32 {
        if self.snap { GRID } else { 1.0 }
    }

    /// Applies an edit command (file and view commands are ignored: the app routes them).
    pub fn apply(&mut self, command: DiagramCommand) {
        use DiagramCommand as C;
        if !matches!(command, C::MoveTo(..) | C::ResizeTo(_)) {
            self.commit_preview();
        }
        match command {
            C::Undo => {
                let current = std::mem::take(&mut self.diagram);
                match self.history.undo(current) {
                    Ok(d) => {
                        self.diagram = d;
                        self.dirty = true;
                        self.revision += 1;
                    }
                    Err(d) => self.diagram = d,
                }
                self.prune_selection();
            }
            C::Redo => {
                let current = std::mem::take(&mut self.diagram);
                match self.history.redo(current) {
                    Ok(d) => {
                        self.diagram = d;
                        self.dirty = true;
                        self.revision += 1;
                    }
                    Err(d) => self.diagram = d,
                }
                self.prune_selection();
            }
            C::Copy => self.copy_selection(),
            C::Paste => self.paste(),
            C::Duplicate => {
                self.copy_selection();
                self.paste();
            }
            C::SelectAll => {
                self.selected = self.diagram.nodes.keys().copied().collect();
            }
            C::Delete => self.delete_selection(),
            C::ClearSelection => {
                self.selected.clear();
                self.selected_edges.clear();
            }
            C::Nudge(dir) => {
                let step = self.step();
                let (dx, dy) = match dir {
                    Direction::Left => (-step, 0.0),
                    Direction::Right => (step, 0.0),
                    Direction::Up => (0.0, -step),
                    Direction::Down => (0.0, step),
                };
                let ids: Vec<NodeId> = self.selected.iter().copied().collect();
                if !ids.is_empty() {
                    self.edit(|d| d.move_nodes(&ids, dx, dy));
                }
            }
            C::Add(item, at) => self.add_item(&item, at),
            C::Select { nodes, edges } => {
                self.selected = nodes;
                self.selected_edges = edges;
                self.prune_selection();
            }
            C::Connect(from, to) => {
                let mut new_edge = None;
                self.edit(|d| new_edge = d.connect(from, to));
                if let Some(e) = new_edge {
                    self.selected.clear();
                    self.selected_edges = BTreeSet::from([e]);
                }
            }
            C::SetLabel(target, text) => self.edit(|d| match target {
                LabelTarget::Node(id) => d.set_label(id, &text),
                LabelTarget::Edge(id) => {
                    if let Some(e) = d.edge(id).cloned() {
                        d.set_edge(id, &text, e.arrows, e.routing);
                    }
                }
            }),
            C::StyleEdges(arrows, routing) => self.style_edges(arrows, routing),
            C::SetSnap(on) => self.snap = on,
            C::BeginMove(ids) => self.begin_move(ids),
            C::MoveTo(dx, dy) => self.move_to(dx, dy),
            C::BeginResize(id) => {
                if let Some(rect) = self.diagram.node(id).map(|n| n.rect) {
                    self.preview = Some(Preview::Resize {
                        before: self.diagram.clone(),
                        id,
                        rect,
                    });
                }
            }
            C::ResizeTo(rect) => self.resize_to(rect),
            C::EndDrag => {} // committed above
            C::AcceptFinding {
                rule,
                mut nodes,
                reason,
            } => {
                nodes.sort_unstable();
                nodes.dedup();
                self.edit(|d| {
                    d.accepted.retain(|a| !a.matches(&rule, &nodes));
                    d.accepted.push(AcceptedFinding {
                        rule,
                        nodes,
                        reason: reason.trim().to_owned(),
                    });
                });
            }
            C::ReopenFinding { rule, nodes } => {
                self.edit(|d| d.accepted.retain(|a| !a.matches(&rule, &nodes)));
            }
            C::New
            | C::Template(_)
            | C::Open
            | C::Save
            | C::SaveAs
            | C::ExportPng
            | C::ExportSvg
            | C::ExportDrawio
            | C::CompletePath(..)
            | C::BrowsePath(_)
            | C::CancelPath
            | C::RecoverDraft
            | C::DiscardDraft
            | C::ConfirmSave
            | C::ConfirmDiscard
            | C::ConfirmCancel
            | C::OpenNote(_)
            | C::PracticeService(_)
            | C::ZoomIn
            | C::ZoomOut
            | C::Fit => {}
        }
    }

    fn begin_move(&mut self, ids: Vec<NodeId>) {
        let ids: Vec<NodeId> = ids
            .into_iter()
            .filter(|id| self.diagram.nodes.contains_key(id))
            .collect();
        if ids.is_empty() {
            return;
        }
        let mut seen = HashSet::new();
        let mut moving = Vec::new();
        for id in &ids {
            for n in std::iter::once(*id).chain(self.diagram.descendants(*id)) {
                if seen.insert(n) {
                    moving.push(n);
                }
            }
        }
        self.preview = Some(Preview::Move {
            before: self.diagram.clone(),
            ids,
            moving,
            applied: (0.0, 0.0),
        });
    }

    /// Drag frames only translate the nodes computed when the drag began: no child map,
    /// no re-parenting, no normalisation until [`DiagramCommand::EndDrag`].
    fn move_to(&mut self, dx: f32, dy: f32) {
        let Some(Preview::Move {
            moving, applied, ..
        }) = &mut self.preview
        else {
            return;
        };
        let (ddx, ddy) = (dx - applied.0, dy - applied.1);
        if ddx == 0.0 && ddy == 0.0 {
            return;
        }
        *applied = (dx, dy);
        for id in moving.iter() {
            if let Some(n) = self.diagram.nodes.get_mut(id) {
                n.rect = n.rect.translated(ddx, ddy);
            }
        }
    }

    fn resize_to(&mut self, rect: Rect) {
        let Some(Preview::Resize { id, rect: want, .. }) = &mut self.preview else {
            return;
        };
        *want = rect;
        if let Some(n) = self.diagram.nodes.get_mut(&*id) {
            let (mw, mh) = if n.is_group() {
                MIN_GROUP_SIZE
            } else {
                MIN_SERVICE_SIZE
            };
            n.rect = Rect::new(rect.x, rect.y, rect.w.max(mw), rect.h.max(mh));
        }
    }

    /// Adds a palette item at a world point (one undo step) and selects it.
    fn add_item(&mut self, item: &PaletteItem, at: Point) {
        let at = if self.snap {
            Point::new(snap(at.x, GRID), snap(at.y, GRID))
        } else {
            at
        };
        let mut new_id = None;
        self.edit(|d| {
            new_id = Some(match item {
                PaletteItem::Service(icon) => d.add_service(icon, &service_label(icon), at),
                PaletteItem::Group(kind) => {
                    // The header (title and icon) lands where the item was dropped, so it
                    // is on screen: a large box centred on the cursor put it off the top.
                    let (w, h) = kind.default_size();
                    d.add_group(*kind, kind.label(), Rect::new(at.x, at.y, w, h))
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

    fn paste(&mut self) {
        let Some(clip) = self.clipboard.clone() else {
            return;
        };
        let mut pasted = Vec::new();
        self.edit(|d| pasted = d.paste(&clip, GRID, GRID));
        self.selected = pasted.into_iter().collect();
        self.selected_edges.clear();
    }

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
/// The label of a new service node: the catalog's short name ("Amazon S3", "AWS Lambda"),
/// as the exam and AWS's own diagrams write it; the icon's title for icons the catalog does
/// not describe.
pub fn service_label(icon: &str) -> String {
    let icons = Catalog::bundled();
    let Some(i) = icons.by_aws_name(icon) else {
        return icon.to_owned();
    };
    let services = crate::services::Catalog::bundled();
    services.by_icon(i.id).map_or_else(
        || i.display_name.clone(),
        |s| services.short_name(s).to_owned(),
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::diagram::model::NodeKind;

    const LAMBDA: &str = "Arch_AWS-Lambda_48";
    const DYNAMO: &str = "Arch_Amazon-DynamoDB_48";

    fn add(e: &mut Editor, icon: &str, x: f32, y: f32) -> NodeId {
        e.apply(DiagramCommand::Add(
            PaletteItem::Service(icon.into()),
            Point::new(x, y),
        ));
        e.single_selected().expect("the new node is selected")
    }

    fn labels(e: &Editor) -> Vec<String> {
        e.diagram()
            .nodes
            .values()
            .map(|n| n.label.clone())
            .collect()
    }

    #[test]
    fn adding_snaps_selects_and_is_one_undo_step() {
        let mut e = Editor::new();
        let a = add(&mut e, LAMBDA, 103.0, 47.0);
        let node = e.diagram().node(a).unwrap();
        assert_eq!(node.label, "AWS Lambda");
        assert!(matches!(&node.kind, NodeKind::Service { icon } if icon == LAMBDA));
        assert_eq!(node.rect.center(), Point::new(100.0, 40.0));
        assert!(e.dirty());
        assert_eq!(e.title(), "untitled *");
        e.apply(DiagramCommand::Undo);
        assert!(e.diagram().nodes.is_empty());
        assert!(e.selected.is_empty(), "the selection follows the document");
        e.apply(DiagramCommand::Redo);
        assert_eq!(labels(&e), ["AWS Lambda"]);
    }

    #[test]
    fn accepting_and_reopening_a_finding_are_undoable_edits() {
        let mut e = Editor::new();
        e.apply(DiagramCommand::Add(
            PaletteItem::Group(GroupKind::PublicSubnet),
            Point::new(0.0, 0.0),
        ));
        let rds = add(&mut e, "Arch_Amazon-RDS_48", 100.0, 100.0);
        let findings = crate::diagram::review::open_findings(e.diagram());
        assert_eq!(findings.len(), 1, "{findings:?}");
        let before = e.revision();
        let accept = DiagramCommand::AcceptFinding {
            rule: findings[0].rule.id.to_owned(),
            nodes: findings[0].nodes.clone(),
            reason: "  lab only  ".into(),
        };
        assert_eq!(accept.label(&crate::i18n::EN), Some("Accept…"));
        e.apply(accept.clone());
        assert_eq!(e.revision(), before + 1);
        assert!(crate::diagram::review::open_findings(e.diagram()).is_empty());
        assert_eq!(e.diagram().accepted.len(), 1);
        assert_eq!(e.diagram().accepted[0].reason, "lab only");
        assert_eq!(e.diagram().accepted[0].nodes, vec![rds]);
        // Accepting again replaces the reason instead of adding a second acceptance.
        e.apply(DiagramCommand::AcceptFinding {
            rule: "db-in-public-subnet".into(),
            nodes: vec![rds],
            reason: "dev".into(),
        });
        assert_eq!(e.diagram().accepted.len(), 1);
        assert_eq!(e.diagram().accepted[0].reason, "dev");
        e.apply(DiagramCommand::Undo);
        assert_eq!(e.diagram().accepted[0].reason, "lab only");
        e.apply(DiagramCommand::ReopenFinding {
            rule: "db-in-public-subnet".into(),
            nodes: vec![rds],
        });
        assert!(e.diagram().accepted.is_empty());
        assert_eq!(crate::diagram::review::open_findings(e.diagram()).len(), 1);
        e.apply(DiagramCommand::Undo);
        assert_eq!(e.diagram().accepted.len(), 1);
        // Reopening what is not accepted changes nothing (no undo step, same revision).
        let rev = e.revision();
        e.apply(DiagramCommand::ReopenFinding {
            rule: "no-such-rule".into(),
            nodes: vec![rds],
        });
        assert_eq!(e.revision(), rev);
    }

    #[test]
    fn the_revision_counts_changes_not_frames() {
        let mut e = Editor::new();
        let r0 = e.revision();
        let a = add(&mut e, LAMBDA, 0.0, 0.0);
        assert_eq!(e.revision(), r0 + 1);
        // Selecting and snapping change nothing in the document.
        e.apply(DiagramCommand::ClearSelection);
        e.apply(DiagramCommand::SetSnap(false));
        assert_eq!(e.revision(), r0 + 1);
        // A drag counts once, when it ends.
        e.apply(DiagramCommand::BeginMove(vec![a]));
        for i in 1..=10 {
            e.apply(DiagramCommand::MoveTo(i as f32 * 10.0, 0.0));
        }
        assert_eq!(e.revision(), r0 + 1);
        e.apply(DiagramCommand::EndDrag);
        assert_eq!(e.revision(), r0 + 2);
        e.apply(DiagramCommand::Undo);
        e.apply(DiagramCommand::Redo);
        assert_eq!(e.revision(), r0 + 4);
        e.replace(Diagram::new(), None);
        assert_eq!(e.revision(), r0 + 5);
    }

    #[test]
    fn each_command_is_one_undo_step() {
        let mut e = Editor::new();
        let a = add(&mut e, LAMBDA, 0.0, 0.0);
        let b = add(&mut e, DYNAMO, 200.0, 0.0);
        e.apply(DiagramCommand::Connect(a, b));
        let edge = *e.selected_edges.iter().next().unwrap();
        e.apply(DiagramCommand::SetLabel(
            LabelTarget::Edge(edge),
            "reads".into(),
        ));
        e.apply(DiagramCommand::StyleEdges(Some(Arrows::Both), None));
        e.apply(DiagramCommand::SetLabel(LabelTarget::Node(a), "api".into()));
        let styled = e.diagram().clone();
        assert_eq!(styled.edge(edge).unwrap().label, "reads");
        assert_eq!(styled.edge(edge).unwrap().arrows, Arrows::Both);
        assert_eq!(styled.node(a).unwrap().label, "api");
        // Back one step at a time, in reverse order.
        e.apply(DiagramCommand::Undo);
        assert_eq!(e.diagram().node(a).unwrap().label, "AWS Lambda");
        e.apply(DiagramCommand::Undo);
        assert_ne!(e.diagram().edge(edge).unwrap().arrows, Arrows::Both);
        e.apply(DiagramCommand::Undo);
        assert_eq!(e.diagram().edge(edge).unwrap().label, "");
        e.apply(DiagramCommand::Undo);
        assert!(e.diagram().edges.is_empty());
        e.apply(DiagramCommand::Undo);
        e.apply(DiagramCommand::Undo);
        assert!(e.diagram().nodes.is_empty());
        assert!(!e.can_undo());
        for _ in 0..6 {
            e.apply(DiagramCommand::Redo);
        }
        assert_eq!(e.diagram(), &styled);
    }

    #[test]
    fn commands_that_change_nothing_leave_no_step() {
        let mut e = Editor::new();
        e.apply(DiagramCommand::Delete);
        e.apply(DiagramCommand::Paste);
        e.apply(DiagramCommand::Nudge(Direction::Left));
        e.apply(DiagramCommand::StyleEdges(Some(Arrows::None), None));
        assert!(!e.can_undo());
        assert!(!e.dirty());
    }

    #[test]
    fn copy_paste_duplicate_delete_and_nudge() {
        let mut e = Editor::new();
        let a = add(&mut e, LAMBDA, 0.0, 0.0);
        let ra = e.diagram().node(a).unwrap().rect;
        e.apply(DiagramCommand::Copy);
        assert!(e.has_clipboard());
        e.apply(DiagramCommand::Paste);
        let b = e.single_selected().unwrap();
        assert_ne!(a, b);
        assert_eq!(e.diagram().node(b).unwrap().rect, ra.translated(GRID, GRID));
        e.apply(DiagramCommand::Duplicate);
        assert_eq!(e.diagram().nodes.len(), 3);
        e.apply(DiagramCommand::Nudge(Direction::Right));
        let c = e.single_selected().unwrap();
        assert_eq!(
            e.diagram().node(c).unwrap().rect,
            ra.translated(3.0 * GRID, 2.0 * GRID)
        );
        e.apply(DiagramCommand::SetSnap(false));
        e.apply(DiagramCommand::Nudge(Direction::Up));
        assert_eq!(
            e.diagram().node(c).unwrap().rect,
            ra.translated(3.0 * GRID, 2.0 * GRID - 1.0)
        );
        e.apply(DiagramCommand::SelectAll);
        assert_eq!(e.selected.len(), 3);
        e.apply(DiagramCommand::Delete);
        assert!(e.diagram().nodes.is_empty());
        assert!(e.selected.is_empty());
        e.apply(DiagramCommand::Undo);
        assert_eq!(e.diagram().nodes.len(), 3);
        e.apply(DiagramCommand::ClearSelection);
        assert!(e.selected.is_empty() && e.selected_edges.is_empty());
    }

    #[test]
    fn a_drag_is_one_step_and_reparents_once_at_the_end() {
        let mut e = Editor::new();
        e.apply(DiagramCommand::Add(
            PaletteItem::Group(GroupKind::Vpc),
            Point::new(1000.0, 1000.0),
        ));
        let vpc = e.single_selected().unwrap();
        let s = add(&mut e, LAMBDA, 0.0, 0.0);
        let target = e.diagram().node(vpc).unwrap().rect.center();
        let start = e.diagram().node(s).unwrap().rect.center();
        let (dx, dy) = (target.x - start.x, target.y - start.y);
        e.apply(DiagramCommand::BeginMove(vec![s]));
        for i in 1..=10 {
            let t = i as f32 / 10.0;
            e.apply(DiagramCommand::MoveTo(dx * t, dy * t));
        }
        // The preview moved it, membership waits for the drop.
        assert_eq!(e.diagram().node(s).unwrap().rect.center(), target);
        assert_eq!(e.diagram().node(s).unwrap().parent, None);
        e.apply(DiagramCommand::EndDrag);
        assert_eq!(e.diagram().node(s).unwrap().parent, Some(vpc));
        let mut expected = e.diagram().clone();
        // Identical to one move of the whole distance.
        e.apply(DiagramCommand::Undo);
        assert_eq!(e.diagram().node(s).unwrap().rect.center(), start);
        let mut once = e.diagram().clone();
        once.move_nodes(&[s], dx, dy);
        assert_eq!(once, expected);
        e.apply(DiagramCommand::Undo);
        assert_eq!(
            e.diagram().nodes.len(),
            1,
            "the undo before was the whole drag"
        );
        // Moving the group moves its member; a resize is one step too.
        e.apply(DiagramCommand::Redo);
        e.apply(DiagramCommand::Redo);
        e.apply(DiagramCommand::BeginMove(vec![vpc]));
        e.apply(DiagramCommand::MoveTo(40.0, 0.0));
        e.apply(DiagramCommand::EndDrag);
        expected.move_nodes(&[vpc], 40.0, 0.0);
        assert_eq!(e.diagram(), &expected);
        e.apply(DiagramCommand::BeginResize(vpc));
        e.apply(DiagramCommand::ResizeTo(Rect::new(0.0, 0.0, 10.0, 10.0)));
        assert_eq!(e.diagram().node(vpc).unwrap().rect.w, MIN_GROUP_SIZE.0);
        e.apply(DiagramCommand::EndDrag);
        e.apply(DiagramCommand::Undo);
        assert_eq!(e.diagram(), &expected);
    }

    #[test]
    fn undo_during_a_drag_commits_it_first() {
        let mut e = Editor::new();
        let s = add(&mut e, LAMBDA, 0.0, 0.0);
        let start = e.diagram().node(s).unwrap().rect;
        e.apply(DiagramCommand::BeginMove(vec![s]));
        e.apply(DiagramCommand::MoveTo(60.0, 0.0));
        e.apply(DiagramCommand::Undo);
        assert_eq!(e.diagram().node(s).unwrap().rect, start);
        assert_eq!(e.diagram().nodes.len(), 1);
    }

    #[test]
    fn history_belongs_to_one_document() {
        let mut e = Editor::new();
        add(&mut e, LAMBDA, 0.0, 0.0);
        add(&mut e, DYNAMO, 100.0, 0.0);
        let opened = Template::ThreeTier.build();
        let generation = e.generation();
        e.replace(opened.clone(), Some(PathBuf::from("/tmp/x.awsdiagram.ron")));
        assert!(e.generation() > generation);
        assert!(!e.dirty());
        assert!(!e.can_undo() && !e.can_redo());
        assert_eq!(e.title(), "x.awsdiagram.ron");
        // Ctrl+Z after Open does nothing.
        e.apply(DiagramCommand::Undo);
        assert_eq!(e.diagram(), &opened);
        assert!(!e.dirty());
        // A new diagram starts its own history too.
        add(&mut e, LAMBDA, 0.0, 0.0);
        e.replace(Diagram::new(), None);
        assert!(!e.can_undo());
        assert!(!e.dirty(), "an empty new diagram has nothing to save");
        e.replace(Template::ServerlessApi.build(), None);
        assert!(e.dirty(), "an unnamed template is unsaved");
        e.mark_saved(PathBuf::from("a.awsdiagram.ron"));
        assert!(!e.dirty());
    }

    #[test]
    fn selection_is_pruned_to_what_exists() {
        let mut e = Editor::new();
        let a = add(&mut e, LAMBDA, 0.0, 0.0);
        e.apply(DiagramCommand::Select {
            nodes: BTreeSet::from([a, NodeId(999)]),
            edges: BTreeSet::from([EdgeId(998)]),
        });
        assert_eq!(e.selected, BTreeSet::from([a]));
        assert!(e.selected_edges.is_empty());
    }

    #[test]
    fn commands_carry_labels_and_shortcuts() {
        let s = crate::i18n::Lang::En.strings();
        assert_eq!(DiagramCommand::Undo.label(s), Some(s.diagram_undo));
        let undo = DiagramCommand::Undo.shortcuts()[0];
        assert!(undo.command && !undo.shift && undo.key == ShortcutKey::Letter('Z'));
        assert!(undo.text().ends_with('Z'));
        assert_eq!(DiagramCommand::Redo.shortcuts().len(), 2);
        for c in &KEYED {
            assert!(!c.shortcuts().is_empty(), "{c:?}");
        }
        // Every shortcut is unique.
        let all: Vec<Shortcut> = KEYED
            .iter()
            .flat_map(|c| c.shortcuts().iter().copied())
            .collect();
        for (i, a) in all.iter().enumerate() {
            assert!(!all[i + 1..].contains(a), "{a:?} twice");
        }
        assert!(DiagramCommand::Open.is_file() && !DiagramCommand::Undo.is_file());
        assert!(DiagramCommand::ZoomIn.is_view());
    }

    /// Regression: a dropped group was centred on the cursor, so a VPC dropped near the top
    /// of the canvas had its header (title, icon) off-screen.
    #[test]
    fn a_dropped_group_hangs_from_the_cursor() {
        let mut e = Editor::new();
        e.apply(DiagramCommand::Add(
            PaletteItem::Group(GroupKind::Vpc),
            Point::new(100.0, 40.0),
        ));
        let vpc = e.single_selected().unwrap();
        let r = e.diagram().node(vpc).unwrap().rect;
        assert_eq!((r.x, r.y), (100.0, 40.0));
        assert_eq!((r.w, r.h), GroupKind::Vpc.default_size());
    }

    /// Regression: S3 was labelled "Simple Storage Service"; labels are the short names.
    #[test]
    fn new_services_are_labelled_with_their_short_names() {
        let icons = Catalog::bundled();
        let services = crate::services::Catalog::bundled();
        let s3 = services.by_name("S3").unwrap();
        let icon = icons.get(services.icon(s3).unwrap()).unwrap();
        assert_eq!(service_label(&icon.aws_name), "Amazon S3");
        assert_eq!(service_label(LAMBDA), "AWS Lambda");
        assert_eq!(service_label("Arch_Not-An-Icon_48"), "Arch_Not-An-Icon_48");
    }
}
