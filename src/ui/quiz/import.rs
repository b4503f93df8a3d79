//! The "import questions" window: a path field, a button for the native file dialog, and
//! the report of the last import (questions added, lines it could not read).

use egui::RichText;

use crate::i18n::{Describe as _, Lang};
use crate::quiz::command::QuizCommand;
use crate::quiz::room::ImportState;
use crate::ui::path_dialog::{PathDialog, PathDialogAction, path_parts_dialog_ui};

/// Draws the window; it edits only the typed path (and its focus flag).
pub(super) fn import_ui(
    ctx: &egui::Context,
    state: &mut ImportState,
    lang: Lang,
    commands: &mut Vec<QuizCommand>,
) {
    let s = lang.strings();
    let dialog = PathDialog {
        id: "import_questions",
        title: s.import_title,
        help: Some(s.import_help),
        label: s.import_path,
        hint: "/home/me/Downloads/questions.md",
        accept: s.open,
        browse: s.browse,
        cancel: s.dismiss,
        warning: None,
        width: 560.0,
    };
    let report = state.report.as_ref();
    let shown_path = state.path.clone();
    let action = path_parts_dialog_ui(ctx, &dialog, &mut state.path, &mut state.focused, |ui| {
        if let Some((n, problems)) = report {
            ui.separator();
            ui.label(RichText::new(lang.count(*n, s.imported_one, s.imported)).strong());
            for (line, p) in problems.iter().take(30) {
                // A file that could not be read at all names itself, without a line.
                let text = if *line == 0 {
                    p.describe(lang)
                } else {
                    lang.labelled(&format!("{shown_path}:{line}"), &p.describe(lang))
                };
                ui.label(RichText::new(text).color(ui.visuals().warn_fg_color));
            }
        }
    });
    match action {
        Some(PathDialogAction::Accept(path)) => commands.push(QuizCommand::ImportFile(path)),
        Some(PathDialogAction::Browse) => commands.push(QuizCommand::BrowseImport),
        Some(PathDialogAction::Cancel) => commands.push(QuizCommand::CloseImport),
        None => {}
    }
}
