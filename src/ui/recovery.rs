//! The damaged-file message, shown over whatever room is open, with the newest readable
//! backup offered at once; and the Settings → Restore a backup window. Both only draw and
//! push [`Command`]s: the app lists the backups and restores them after the frame.

use egui::{Align2, Context, RichText};

use crate::command::Command;
use crate::i18n::Strings;
use crate::store::backup::Backup;
use crate::store::{DataFile, Problem, StoreError};

/// What a data file holds, in the user's words.
fn what(file: DataFile, s: &Strings) -> &'static str {
    match file {
        DataFile::Progress => s.file_progress,
        DataFile::Settings => s.file_settings,
        DataFile::Overrides => s.file_overrides,
    }
}

fn restore_label(backup: &Backup, s: &Strings) -> String {
    s.restore_backup_of
        .replace("{date}", &backup.day.format("%Y-%m-%d").to_string())
}

/// One window per damaged data file: what happened in plain words, where the damaged file
/// was kept, and a button restoring the newest readable backup.
pub fn damaged_files_ui(
    ctx: &Context,
    problems: &[Problem],
    s: &Strings,
    commands: &mut Vec<Command>,
) {
    for (i, problem) in problems.iter().enumerate() {
        let StoreError::Corrupt { path, kept_as, .. } = &problem.error else {
            continue;
        };
        let kept = kept_as.as_ref().unwrap_or(path).display().to_string();
        let body = s
            .damaged_body
            .replace("{file}", what(problem.file, s))
            .replace("{name}", problem.file.file_name())
            .replace("{kept}", &kept);
        #[allow(clippy::cast_precision_loss)]
        let offset = 60.0 + 24.0 * i as f32;
        egui::Window::new(s.damaged_title)
            .id(egui::Id::unique(("damaged_file", problem.file.file_name())))
            .anchor(Align2::CENTER_TOP, [0.0, offset])
            .collapsible(false)
            .resizable(false)
            .default_width(520.0)
            .show(ctx, |ui| {
                ui.label(body);
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    match &problem.backup {
                        Some(backup) => {
                            let button =
                                egui::Button::new(RichText::new(restore_label(backup, s)).strong());
                            if ui.add(button).clicked() {
                                commands.push(Command::RestoreBackup(problem.file, backup.clone()));
                            }
                        }
                        None => {
                            ui.label(RichText::new(s.damaged_no_backup).weak());
                        }
                    }
                    if ui.button(s.continue_without).clicked() {
                        commands.push(Command::DismissDamage(problem.file));
                    }
                });
            });
    }
}

/// Settings → Restore a backup: the backups of each data file, newest first.
pub fn backups_window_ui(
    ctx: &Context,
    backups: &[(DataFile, Vec<Backup>)],
    s: &Strings,
    commands: &mut Vec<Command>,
) {
    let modal = egui::Modal::new(egui::Id::unique("restore_backups")).show(ctx, |ui| {
        ui.set_width(460.0);
        ui.heading(s.backups_title);
        for (file, list) in backups {
            ui.add_space(6.0);
            ui.label(RichText::new(format!("{} ({})", file.file_name(), what(*file, s))).strong());
            if list.is_empty() {
                ui.label(RichText::new(s.no_backups).weak());
            }
            for backup in list {
                if ui.button(restore_label(backup, s)).clicked() {
                    commands.push(Command::RestoreBackup(*file, backup.clone()));
                }
            }
        }
        ui.add_space(8.0);
        if ui.button(s.close).clicked() {
            commands.push(Command::CloseBackups);
        }
    });
    if modal.should_close() {
        commands.push(Command::CloseBackups);
    }
}
