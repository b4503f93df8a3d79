//! The canvas: pointer gestures (select, move, resize, connect, rubber band, pan, zoom),
//! the label field, drops from the palette and the keyboard, all turned into
//! [`DiagramCommand`]s. Pan and zoom are view state and change here directly.

use std::collections::BTreeSet;

use egui::{Key, Modifiers, Pos2, Rect as ERect, RichText, Sense, Ui, Vec2};

use super::{DiagramCtx, DiagramView, paint};
use crate::diagram::editor::{
    DiagramCommand, Direction, Editor, GRID, KEYED, LabelTarget, PaletteItem, Shortcut, ShortcutKey,
};
use crate::diagram::model::{NodeId, Point, Rect, snap};
use crate::i18n::Strings;

/// A gesture in progress on the canvas.
#[derive(Clone, Debug)]
pub(super) enum Gesture {
    Pan,
    Move {
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
        start_rect: Rect,
        start: Point,
    },
}

pub(super) fn canvas_ui(
    ui: &mut Ui,
    view: &mut DiagramView,
    editor: &Editor,
    cx: &DiagramCtx<'_>,
    out: &mut Vec<DiagramCommand>,
) {
    let s = cx.lang.strings();
    let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, s.diagram_canvas));
    view.canvas_rect = rect;
    if view.fitted != editor.generation() {
        // Another document: show all of it.
        view.fitted = editor.generation();
        view.fit(editor);
    }
    if response.clicked() || response.drag_started() {
        // Keyboard shortcuts go to the canvas once it is used.
        response.request_focus();
    }
    input_ui(ui, view, editor, &response, out);
    paint::paint(ui, view, editor, cx, rect);
    rename_ui(ui, view, editor, s, out);
    // Drop from the palette.
    if let Some(item) = response.dnd_release_payload::<PaletteItem>()
        && let Some(pos) = ui.ctx().pointer_interact_pos()
    {
        out.push(DiagramCommand::Add((*item).clone(), view.to_world(pos)));
    }
    if view.gesture.is_some() {
        ui.ctx().request_repaint();
    }
}

/// The connection handle (right of a service) and the resize handle (bottom right) of a
/// node, on the screen.
pub(super) fn handle_rects(
    view: &DiagramView,
    editor: &Editor,
    id: NodeId,
) -> Option<(ERect, ERect)> {
    let node = editor.diagram().node(id)?;
    let r = view.rect_to_screen(&node.rect);
    let connect =
        ERect::from_center_size(Pos2::new(r.right() + 8.0, r.center().y), Vec2::splat(12.0));
    let resize = ERect::from_center_size(r.right_bottom(), Vec2::splat(10.0));
    Some((connect, resize))
}

fn select(
    nodes: BTreeSet<NodeId>,
    edges: BTreeSet<crate::diagram::model::EdgeId>,
) -> DiagramCommand {
    DiagramCommand::Select { nodes, edges }
}

#[allow(clippy::too_many_lines)]
fn input_ui(
    ui: &mut Ui,
    view: &mut DiagramView,
    editor: &Editor,
    response: &egui::Response,
    out: &mut Vec<DiagramCommand>,
) {
    let ctx = ui.ctx().clone();
    let d = editor.diagram();
    // Zoom (Ctrl+wheel, pinch) around the pointer; plain wheel pans.
    if response.hovered() {
        let (zoom, scroll) = ctx.input(|i| (i.zoom_delta(), i.smooth_scroll_delta()));
        if (zoom - 1.0).abs() > f32::EPSILON {
            let at = ctx.pointer_hover_pos().unwrap_or(view.canvas_rect.center());
            view.zoom_around(zoom, at);
        } else if scroll != Vec2::ZERO {
            view.offset += scroll;
        }
    }
    let pointer = ctx.pointer_interact_pos();
    let space = ctx.input(|i| i.key_down(Key::Space));
    let modifiers = ctx.input(|i| i.modifiers);
    let additive = modifiers.shift || modifiers.command;

    // Where the button went down, not where the pointer is once the drag is recognised
    // (a quick drag may already have left a small handle).
    let press = ctx.input(|i| i.pointer.press_origin()).or(pointer);
    if response.drag_started()
        && let Some(pos) = press
    {
        let world = view.to_world(pos);
        let middle = ctx.input(|i| i.pointer.button_down(egui::PointerButton::Middle));
        let handles = editor
            .single_selected()
            .and_then(|id| handle_rects(view, editor, id).map(|h| (id, h)));
        view.gesture = if middle || space {
            Some(Gesture::Pan)
        } else if let Some((id, (connect, resize))) = handles
            && (connect.contains(pos) || resize.contains(pos))
        {
            let node_rect = d.node(id).map(|n| n.rect).unwrap_or_default();
            if connect.contains(pos)
                && !d
                    .node(id)
                    .is_some_and(crate::diagram::model::Node::is_group)
            {
                Some(Gesture::Connect {
                    from: id,
                    now: world,
                })
            } else {
                out.push(DiagramCommand::BeginResize(id));
                Some(Gesture::Resize {
                    start_rect: node_rect,
                    start: world,
                })
            }
        } else if let Some(id) = d.node_at(world) {
            let mut selected = editor.selected.clone();
            if !selected.contains(&id) {
                let mut edges = editor.selected_edges.clone();
                if !additive {
                    selected.clear();
                    edges.clear();
                }
                selected.insert(id);
                out.push(select(selected.clone(), edges));
            }
            out.push(DiagramCommand::BeginMove(selected.into_iter().collect()));
            let anchor = d.node(id).map(|n| n.rect).unwrap_or_default();
            Some(Gesture::Move {
                start: world,
                anchor,
                moved: Point::new(0.0, 0.0),
            })
        } else if additive {
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
        let world = view.to_world(pos);
        let delta = response.drag_delta();
        let snap_on = editor.snap;
        match &mut view.gesture {
            Some(Gesture::Pan) => view.offset += delta,
            Some(Gesture::Move {
                start,
                anchor,
                moved,
            }) => {
                let mut want = Point::new(world.x - start.x, world.y - start.y);
                if snap_on {
                    want.x = snap(anchor.x + want.x, GRID) - anchor.x;
                    want.y = snap(anchor.y + want.y, GRID) - anchor.y;
                }
                if want != *moved {
                    *moved = want;
                    out.push(DiagramCommand::MoveTo(want.x, want.y));
                }
            }
            Some(Gesture::Rubber { now, .. } | Gesture::Connect { now, .. }) => *now = world,
            Some(Gesture::Resize { start_rect, start }) => {
                let mut w = start_rect.w + world.x - start.x;
                let mut h = start_rect.h + world.y - start.y;
                if snap_on {
                    w = snap(start_rect.x + w, GRID) - start_rect.x;
                    h = snap(start_rect.y + h, GRID) - start_rect.y;
                }
                out.push(DiagramCommand::ResizeTo(Rect::new(
                    start_rect.x,
                    start_rect.y,
                    w.max(1.0),
                    h.max(1.0),
                )));
            }
            None => {}
        }
    }

    if response.drag_stopped() {
        match view.gesture.take() {
            Some(Gesture::Move { .. } | Gesture::Resize { .. }) => {
                out.push(DiagramCommand::EndDrag);
            }
            Some(Gesture::Rubber { start, now }) => {
                let (mut nodes, mut edges) =
                    (editor.selected.clone(), editor.selected_edges.clone());
                if !additive {
                    nodes.clear();
                    edges.clear();
                }
                nodes.extend(d.nodes_in(&Rect::from_points(start, now)));
                out.push(select(nodes, edges));
            }
            Some(Gesture::Connect { from, now }) => {
                if let Some(to) = d.node_at(now).filter(|to| *to != from) {
                    out.push(DiagramCommand::Connect(from, to));
                }
            }
            Some(Gesture::Pan) | None => {}
        }
    }

    if response.clicked()
        && let Some(pos) = pointer
    {
        let world = view.to_world(pos);
        let (mut nodes, mut edges) = (editor.selected.clone(), editor.selected_edges.clone());
        if !additive {
            nodes.clear();
            edges.clear();
        }
        if let Some(e) = d.edge_at(world, 6.0 / view.zoom) {
            if !edges.remove(&e) {
                edges.insert(e);
            }
        } else if let Some(id) = d.node_at(world)
            && !nodes.remove(&id)
        {
            nodes.insert(id);
        }
        out.push(select(nodes, edges));
    }
    if response.double_clicked()
        && let Some(pos) = pointer
    {
        let world = view.to_world(pos);
        // Double-click a node to rename it, an arrow to give it a label.
        if let Some(e) = d.edge_at(world, 6.0 / view.zoom) {
            let label = d.edge(e).map(|e| e.label.clone()).unwrap_or_default();
            view.renaming = Some((LabelTarget::Edge(e), label));
        } else if let Some(id) = d.node_at(world) {
            let label = d.node(id).map(|n| n.label.clone()).unwrap_or_default();
            view.renaming = Some((LabelTarget::Node(id), label));
        }
    }

    // Keyboard, unless a text field has the focus.
    if view.renaming.is_some()
        || view.path_prompt.is_some()
        || view.confirm
        || ctx.memory(|m| m.focused().is_some()) && !response.has_focus()
    {
        return;
    }
    ctx.input_mut(|i| {
        for command in KEYED {
            if command
                .shortcuts()
                .iter()
                .any(|k| egui_shortcut(*k).is_some_and(|(m, key)| i.consume_key(m, key)))
            {
                out.push(command);
            }
        }
    });
}

/// The egui modifiers and key of a shortcut.
fn egui_shortcut(k: Shortcut) -> Option<(Modifiers, Key)> {
    let m = Modifiers {
        command: k.command,
        shift: k.shift,
        ..Modifiers::NONE
    };
    let key = match k.key {
        ShortcutKey::Letter(c) => Key::from_name(&c.to_string())?,
        ShortcutKey::Delete => Key::Delete,
        ShortcutKey::Backspace => Key::Backspace,
        ShortcutKey::Escape => Key::Escape,
        ShortcutKey::Arrow(Direction::Left) => Key::ArrowLeft,
        ShortcutKey::Arrow(Direction::Right) => Key::ArrowRight,
        ShortcutKey::Arrow(Direction::Up) => Key::ArrowUp,
        ShortcutKey::Arrow(Direction::Down) => Key::ArrowDown,
        ShortcutKey::Plus => Key::Plus,
        ShortcutKey::Equals => Key::Equals,
        ShortcutKey::Minus => Key::Minus,
    };
    Some((m, key))
}

fn rename_ui(
    ui: &mut Ui,
    view: &mut DiagramView,
    editor: &Editor,
    s: &Strings,
    out: &mut Vec<DiagramCommand>,
) {
    let Some(target) = view.renaming.as_ref().map(|(t, _)| *t) else {
        return;
    };
    let d = editor.diagram();
    let pos = match target {
        LabelTarget::Node(id) => d.node(id).map(|node| {
            let r = view.rect_to_screen(&node.rect);
            if node.is_group() {
                r.left_top()
            } else {
                Pos2::new(r.center().x - 90.0, r.bottom() + 2.0)
            }
        }),
        // Centred on the label's place on the line, not on an end (over the target node).
        LabelTarget::Edge(id) => d.edge(id).and_then(|e| {
            let mid = crate::diagram::model::label_point(&d.edge_path(e))?;
            Some(view.to_screen(mid) - Vec2::new(90.0, 24.0))
        }),
    };
    let Some(pos) = pos else {
        view.renaming = None;
        return;
    };
    let mut done = None;
    let Some((_, text)) = view.renaming.as_mut() else {
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
        && let Some((target, text)) = view.renaming.take()
        && apply
    {
        out.push(DiagramCommand::SetLabel(target, text));
    }
}
