//! The "import questions" window: a path field, a button for the native file dialog, and
//! the report of the last import (questions added, lines it could not read).

use egui::RichText;

use crate::i18n::Strings;
use crate::quiz::command::QuizCommand;
use crate::quiz::room::ImportState;

/// Draws the window; it edits only the typed path (and its focus flag).
pub(super) fn import_ui(
    ctx: &egui::Context,
    state: &mut ImportState,
    s: &Strings,
    commands: &mut Vec<QuizCommand>,
) {
    let modal = egui::Modal::new(egui::Id::unique("import_questions")).show(ctx, |ui| {
        ui.set_width(560.0);
        ui.heading(s.import_title);
        ui.label(RichText::new(s.import_help).weak());
        ui.add_space(6.0);
        let label = ui.label(s.import_path);
        let edit = ui
            .add(egui::TextEdit::singleline(&mut state.path).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        if !state.focused {
            edit.request_focus();
            state.focused = true;
        }
        ui.horizontal(|ui| {
            let path = state.path.trim();
            if ui
                .add_enabled(!path.is_empty(), egui::Button::new(s.open))
                .clicked()
            {
                commands.push(QuizCommand::ImportFile(path.into()));
            }
            if ui.button(s.browse).clicked() {
                commands.push(QuizCommand::BrowseImport);
            }
            if ui.button(s.dismiss).clicked() {
                commands.push(QuizCommand::CloseImport);
            }
        });
        if let Some((n, problems)) = &state.report {
            ui.separator();
            ui.label(RichText::new(format!("{n} {}", s.imported)).strong());
            for (line, p) in problems.iter().take(30) {
                ui.label(
                    RichText::new(format!("{}:{line}: {p}", state.path))
                        .color(ui.visuals().warn_fg_color),
                );
            }
        }
    });
    if modal.should_close() {
        commands.push(QuizCommand::CloseImport);
    }
}
