//! The Diagram room's windows and banners: the draft-recovery banner and messages, the
//! file-path window (typed path, or "Browse…" for the OS dialog the app opens), and the
//! unsaved-changes window. They return commands; the app does the file work.

use std::path::PathBuf;

use egui::{Key, RichText, Ui};

use super::{DiagramCtx, DiagramView};
use crate::diagram::editor::{DiagramCommand, PathPurpose};
use crate::i18n::Strings;

/// The recovery banner (when a draft is offered) and the messages.
pub(super) fn banner_ui(ui: &mut Ui, cx: &mut DiagramCtx<'_>, out: &mut Vec<DiagramCommand>) {
    let s = cx.lang.strings();
    if let Some(n) = cx.recovery {
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(format!("{} ({n})", s.diagram_recover))
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
    };
    let purpose = prompt.purpose;
    let mut done = None;
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
                done = Some(DiagramCommand::CompletePath(purpose, PathBuf::from(typed)));
            }
            if ui.button(s.browse).clicked() {
                done = Some(DiagramCommand::BrowsePath(purpose));
            }
            if ui.button(s.cancel).clicked() {
                done = Some(DiagramCommand::CancelPath);
            }
        });
    });
    if modal.should_close() && done.is_none() {
        done = Some(DiagramCommand::CancelPath);
    }
    out.extend(done);
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
