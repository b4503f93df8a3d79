//! The toolbar: File and Templates menus, undo/redo, zoom, snapping and badges, the Review
//! panel's switch, arrow styles, and the link to the note about the selected service. Every entry is a
//! [`DiagramCommand`] with its label and shortcut from the command itself.

use egui::{RichText, Ui};

use super::{DiagramCtx, DiagramView};
use crate::diagram::editor::{DiagramCommand, Editor};
use crate::diagram::model::{Arrows, Routing};
use crate::diagram::templates::Template;
use crate::i18n::Strings;

/// A button for `command`, labelled and with its shortcut; pushes it when clicked.
fn command_button(
    ui: &mut Ui,
    s: &'static Strings,
    enabled: bool,
    command: DiagramCommand,
    out: &mut Vec<DiagramCommand>,
) {
    let label = command.label(s).unwrap_or_default();
    let mut response = ui.add_enabled(enabled, egui::Button::new(label));
    if let Some(shortcut) = command.shortcuts().first() {
        response = response.on_hover_text(shortcut.text());
    }
    if response.clicked() {
        out.push(command);
    }
}

/// A menu entry for `command`, with its shortcut on the right.
fn menu_entry(ui: &mut Ui, label: &str, command: DiagramCommand, out: &mut Vec<DiagramCommand>) {
    let mut button = egui::Button::new(label);
    if let Some(shortcut) = command.shortcuts().first() {
        button = button.shortcut_text(shortcut.text());
    }
    if ui.add(button).clicked() {
        out.push(command);
    }
}

pub(super) fn toolbar_ui(
    ui: &mut Ui,
    view: &mut DiagramView,
    editor: &Editor,
    cx: &DiagramCtx<'_>,
    out: &mut Vec<DiagramCommand>,
) {
    let s = cx.lang.strings();
    // The same buttons are always there (disabled when they do not apply): a toolbar that
    // grew a second line when an arrow is selected would move the canvas under the pointer.
    ui.horizontal_wrapped(|ui| {
        ui.menu_button(s.diagram_file, |ui| {
            menu_entry(ui, s.diagram_new, DiagramCommand::New, out);
            menu_entry(ui, &format!("{}…", s.open), DiagramCommand::Open, out);
            menu_entry(ui, s.diagram_save, DiagramCommand::Save, out);
            menu_entry(ui, s.diagram_save_as, DiagramCommand::SaveAs, out);
            ui.separator();
            ui.horizontal(|ui| {
                ui.label(s.diagram_scale);
                for scale in [1.0_f32, 2.0, 4.0] {
                    ui.selectable_value(&mut view.export_scale, scale, format!("{scale}×"));
                }
            });
            menu_entry(ui, s.diagram_export_png, DiagramCommand::ExportPng, out);
            menu_entry(ui, s.diagram_export_svg, DiagramCommand::ExportSvg, out);
            menu_entry(
                ui,
                s.diagram_export_drawio,
                DiagramCommand::ExportDrawio,
                out,
            );
        });
        ui.menu_button(s.diagram_templates, |ui| {
            for t in Template::ALL {
                menu_entry(ui, t.label(), DiagramCommand::Template(t), out);
            }
        });
        ui.separator();
        command_button(ui, s, editor.can_undo(), DiagramCommand::Undo, out);
        command_button(ui, s, editor.can_redo(), DiagramCommand::Redo, out);
        ui.separator();
        for (text, command) in [
            ("−", DiagramCommand::ZoomOut),
            ("+", DiagramCommand::ZoomIn),
        ] {
            let hover = format!(
                "{} ({})",
                command.label(s).unwrap_or_default(),
                command
                    .shortcuts()
                    .first()
                    .map(crate::diagram::editor::Shortcut::text)
                    .unwrap_or_default()
            );
            if command == DiagramCommand::ZoomIn {
                ui.label(format!("{:.0} %", view.zoom * 100.0));
            }
            if ui.button(text).on_hover_text(hover).clicked() {
                out.push(command);
            }
        }
        command_button(ui, s, true, DiagramCommand::Fit, out);
        ui.separator();
        let mut snap = editor.snap;
        if ui.checkbox(&mut snap, s.diagram_snap).changed() {
            out.push(DiagramCommand::SetSnap(snap));
        }
        ui.checkbox(&mut view.badges, s.diagram_badges);
        ui.toggle_value(&mut view.review_open, s.review);
        ui.separator();
        let edges = !editor.selected_edges.is_empty();
        // The selected arrows' style is shown pressed (when they all share it).
        let selected: Vec<_> = editor
            .selected_edges
            .iter()
            .filter_map(|e| editor.diagram().edge(*e))
            .collect();
        let all = |f: &dyn Fn(&crate::diagram::model::Edge) -> bool| {
            !selected.is_empty() && selected.iter().all(|e| f(e))
        };
        for command in [
            DiagramCommand::StyleEdges(None, Some(Routing::Straight)),
            DiagramCommand::StyleEdges(None, Some(Routing::Orthogonal)),
            DiagramCommand::StyleEdges(Some(Arrows::None), None),
            DiagramCommand::StyleEdges(Some(Arrows::Forward), None),
            DiagramCommand::StyleEdges(Some(Arrows::Both), None),
        ] {
            let current = match &command {
                DiagramCommand::StyleEdges(None, Some(r)) => all(&|e| e.routing == *r),
                DiagramCommand::StyleEdges(Some(a), None) => all(&|e| e.arrows == *a),
                _ => false,
            };
            let label = command.label(s).unwrap_or_default();
            let response = ui
                .add_enabled(edges, egui::Button::selectable(current, label))
                .on_hover_text(label);
            if response.clicked() {
                out.push(command);
            }
        }
        ui.separator();
        let topic = editor
            .single_selected()
            .and_then(|id| editor.diagram().node(id))
            .and_then(|n| n.icon())
            .and_then(|icon| (cx.topic_of_icon)(icon));
        let open = ui.add_enabled(topic.is_some(), egui::Button::new(s.diagram_open_note));
        if open.clicked()
            && let Some(topic) = topic
        {
            out.push(DiagramCommand::OpenNote(topic));
        }
        ui.label(RichText::new(editor.title()).weak());
    });
}
