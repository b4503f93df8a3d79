//! The Diagram room's windows and banners: the draft-recovery banner and messages, the
//! file-path window (typed path, or "Browse…" for the OS dialog the app opens), and the
//! unsaved-changes window. They return commands; the app does the file work.

use egui::{RichText, Ui};

use super::{DiagramCtx, DiagramView};
use crate::diagram::editor::{DiagramCommand, PathPurpose};
use crate::i18n::Strings;
use crate::ui::path_dialog::{PathDialog, PathDialogAction, path_dialog_ui};

/// The recovery banner (when a draft is offered) and the messages.
pub(super) fn banner_ui(ui: &mut Ui, cx: &mut DiagramCtx<'_>, out: &mut Vec<DiagramCommand>) {
    let s = cx.lang.strings();
    if let Some(n) = cx.recovery {
        ui.horizontal(|ui| {
            let shapes = cx
                .lang
                .count(n, s.diagram_shapes_one, s.diagram_shapes_many);
            ui.label(
                RichText::new(format!("{} ({shapes})", s.diagram_recover))
                    .color(ui.visuals().warn_fg_color),
            );
            for command in [DiagramCommand::RecoverDraft, DiagramCommand::DiscardDraft] {
                if ui.button(command.label(s).unwrap_or_default()).clicked() {
                    out.push(command);
                }
            }
        });
    }
    crate::ui::widgets::messages_ui(ui, cx.messages, s.dismiss);
}

/// The file-path window.
pub(super) fn path_prompt_ui(
    ctx: &egui::Context,
    view: &mut DiagramView,
    s: &'static Strings,
    out: &mut Vec<DiagramCommand>,
) {
    let Some(prompt) = view.path_prompt.as_mut() else {
        return;
    };
    let title = match prompt.purpose {
        PathPurpose::Open => s.open,
        PathPurpose::SaveAs => s.diagram_save_as,
        PathPurpose::ExportPng => s.diagram_export_png,
        PathPurpose::ExportSvg => s.diagram_export_svg,
        PathPurpose::ExportDrawio => s.diagram_export_drawio,
    }
    .trim_end_matches('…');
    let dialog = PathDialog {
        id: "diagram_path",
        title,
        help: None,
        label: s.diagram_path,
        hint: "/home/me/Documents/my-vpc.awsdiagram.ron",
        accept: title,
        browse: s.browse,
        cancel: s.cancel,
        warning: None,
        width: 560.0,
    };
    let purpose = prompt.purpose;
    match path_dialog_ui(ctx, &dialog, &mut prompt.field, |_| {}) {
        Some(PathDialogAction::Accept(path)) => {
            out.push(DiagramCommand::CompletePath(purpose, path));
        }
        Some(PathDialogAction::Browse) => out.push(DiagramCommand::BrowsePath(purpose)),
        Some(PathDialogAction::Cancel) => out.push(DiagramCommand::CancelPath),
        None => {}
    }
}

/// The unsaved-changes window (closing the window, or replacing the document).
pub(super) fn confirm_ui(ctx: &egui::Context, s: &'static Strings, out: &mut Vec<DiagramCommand>) {
    egui::Modal::new(egui::Id::unique("diagram_close")).show(ctx, |ui| {
        ui.label(RichText::new(s.diagram_unsaved).strong());
        ui.horizontal(|ui| {
            for command in [
                DiagramCommand::ConfirmSave,
                DiagramCommand::ConfirmDiscard,
                DiagramCommand::ConfirmCancel,
            ] {
                if ui.button(command.label(s).unwrap_or_default()).clicked() {
                    out.push(command);
                }
            }
        });
    });
}
