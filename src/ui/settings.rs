//! The Settings window (it stays open while the user changes things: interface, notes,
//! quiz, data) and the keyboard-shortcut sheet (F1 or `?`). Both only draw and push
//! commands; the app applies them.

use std::path::{Path, PathBuf};

use egui::{Context, RichText, Ui};

use crate::command::Command;
use crate::i18n::{Lang, Strings};
use crate::quiz::command::QuizCommand;
use crate::quiz::room::QuizRoom;
use crate::store::{LangChoice, ThemeChoice};

/// What the Settings window shows, gathered by the app.
pub struct SettingsView<'a> {
    /// The language setting.
    pub lang: LangChoice,
    /// The theme setting.
    pub theme: ThemeChoice,
    /// Strict Markdown line breaks.
    pub strict_line_breaks: bool,
    /// The notes folder shown, `None` for the bundled notes.
    pub folder: Option<&'a Path>,
    /// Folders opened before, newest first.
    pub recent_folders: &'a [PathBuf],
    /// Where the app keeps its files (`None`: nothing is saved).
    pub data_dir: Option<&'a Path>,
    /// Days of daily backups kept per file.
    pub backup_days: usize,
    /// The Quiz room, for its study settings.
    pub quiz: &'a QuizRoom,
}

/// The Settings window, while `open`. Closes with its ✕ (or Escape, via the app).
pub fn settings_window_ui(
    ctx: &Context,
    open: &mut bool,
    view: &SettingsView<'_>,
    lang: Lang,
    commands: &mut Vec<Command>,
    quiz_commands: &mut Vec<QuizCommand>,
) {
    let s = lang.strings();
    let screen = ctx.content_rect();
    // Under the top bar's Settings button; as tall as the content, up to the window.
    let height = (screen.height() - 100.0).max(200.0);
    egui::Window::new(s.settings)
        .id(egui::Id::unique("settings_window"))
        .open(open)
        .resizable(false)
        .collapsible(false)
        .default_width(480.0)
        .default_pos(egui::pos2(screen.right() - 500.0, screen.top() + 36.0))
        .show(ctx, |ui| {
            egui::ScrollArea::vertical()
                .max_height(height)
                .min_scrolled_height(height.min(640.0))
                .show(ui, |ui| {
                    interface_ui(ui, view, s, commands);
                    section_ui(ui, s.settings_notes);
                    notes_ui(ui, view, s, commands);
                    section_ui(ui, s.settings_quiz);
                    crate::ui::quiz::exam_date_ui(ui, view.quiz, lang, quiz_commands);
                    crate::ui::quiz::retention_ui(ui, view.quiz, lang, quiz_commands);
                    section_ui(ui, s.settings_data);
                    data_ui(ui, view, s, commands);
                    ui.add_space(8.0);
                    if ui.button(s.shortcuts_show).clicked() {
                        commands.push(Command::ToggleShortcuts);
                    }
                });
        });
}

fn section_ui(ui: &mut Ui, title: &str) {
    ui.add_space(10.0);
    ui.label(RichText::new(title).size(17.0).strong());
    ui.separator();
}

fn interface_ui(ui: &mut Ui, view: &SettingsView<'_>, s: &Strings, commands: &mut Vec<Command>) {
    section_ui(ui, s.settings_interface);
    egui::Grid::new("settings_interface")
        .num_columns(2)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            ui.label(s.language);
            ui.horizontal(|ui| {
                for (choice, label) in [
                    (LangChoice::System, s.system),
                    (LangChoice::Fr, "Français"),
                    (LangChoice::En, "English"),
                ] {
                    if ui.radio(view.lang == choice, label).clicked() {
                        commands.push(Command::SetLang(choice));
                    }
                }
            });
            ui.end_row();
            ui.label(s.theme);
            ui.horizontal(|ui| {
                for (choice, label) in [
                    (ThemeChoice::System, s.system),
                    (ThemeChoice::Light, s.light),
                    (ThemeChoice::Dark, s.dark),
                ] {
                    if ui.radio(view.theme == choice, label).clicked() {
                        commands.push(Command::SetTheme(choice));
                    }
                }
            });
            ui.end_row();
        });
}

fn notes_ui(ui: &mut Ui, view: &SettingsView<'_>, s: &Strings, commands: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(s.settings_notes_shown);
        match view.folder {
            Some(p) => ui.label(RichText::new(p.display().to_string()).monospace()),
            None => ui.label(RichText::new(s.bundled_notes).strong()),
        };
    });
    ui.horizontal(|ui| {
        if ui.button(s.open_folder).clicked() {
            commands.push(Command::ShowOpenFolder);
        }
        if view.folder.is_some() && ui.button(s.bundled_notes).clicked() {
            commands.push(Command::LoadBundled);
        }
    });
    let others: Vec<&PathBuf> = view
        .recent_folders
        .iter()
        .filter(|f| Some(f.as_path()) != view.folder)
        .collect();
    if !others.is_empty() {
        ui.label(RichText::new(s.recent_folders).weak());
        for folder in others {
            if ui.link(folder.display().to_string()).clicked() {
                commands.push(Command::LoadFolder(folder.clone()));
            }
        }
    }
    ui.add_space(4.0);
    let mut strict = view.strict_line_breaks;
    if ui
        .checkbox(&mut strict, s.strict_line_breaks)
        .on_hover_text(s.strict_line_breaks_hint)
        .changed()
    {
        commands.push(Command::SetStrictLineBreaks(strict));
    }
}

fn data_ui(ui: &mut Ui, view: &SettingsView<'_>, s: &Strings, commands: &mut Vec<Command>) {
    match view.data_dir {
        Some(dir) => {
            ui.label(s.data_where);
            ui.horizontal_wrapped(|ui| {
                let path = dir.display().to_string();
                ui.label(RichText::new(&path).monospace());
                if ui.small_button(s.copy).clicked() {
                    ui.ctx().copy_text(path);
                }
            });
            ui.label(
                RichText::new(s.data_backups.replace("{n}", &view.backup_days.to_string())).weak(),
            );
            if ui.button(s.restore_a_backup).clicked() {
                commands.push(Command::ShowBackups);
            }
        }
        None => {
            ui.label(RichText::new(s.data_nowhere).color(ui.visuals().warn_fg_color));
        }
    }
}

/// The keyboard shortcuts, by room, as the sheet and the start page list them.
#[must_use]
pub fn shortcuts(s: &'static Strings) -> Vec<(&'static str, Vec<(String, &'static str)>)> {
    let cmd = |k: &str| {
        if cfg!(target_os = "macos") {
            format!("⌘{k}")
        } else {
            format!("Ctrl+{k}")
        }
    };
    vec![
        (
            s.shortcuts_everywhere,
            vec![
                (format!("{} / {}", cmd("K"), cmd("P")), s.search),
                ("F1, ?".to_owned(), s.shortcuts_title),
                (cmd(","), s.settings),
            ],
        ),
        (
            s.room_notes,
            vec![
                ("Alt+← / Alt+→".to_owned(), s.shortcut_back_forward),
                (cmd("O"), s.open_folder),
            ],
        ),
        (
            s.room_quiz,
            vec![
                ("1–5, A–E".to_owned(), s.shortcut_choose),
                ("Enter, Space".to_owned(), s.shortcut_check),
                ("1–4".to_owned(), s.shortcut_grade),
                ("→, Enter".to_owned(), s.shortcut_next),
            ],
        ),
        (s.room_diagram, diagram_shortcuts(s)),
    ]
}

/// The Diagram room's shortcuts, from the commands' own table (what the canvas listens
/// to), one line per label.
fn diagram_shortcuts(s: &'static Strings) -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = Vec::new();
    for command in crate::diagram::editor::KEYED {
        let Some(label) = command.label(s) else {
            continue;
        };
        let keys: Vec<String> = command.shortcuts().iter().map(|k| k.label(s)).collect();
        match out.iter_mut().find(|(_, l)| *l == label) {
            Some((text, _)) => {
                for k in keys {
                    text.push(' ');
                    text.push_str(&k);
                }
            }
            None => out.push((keys.join(" / "), label)),
        }
    }
    out
}

/// The keyboard-shortcut sheet, while `open`.
pub fn shortcuts_window_ui(ctx: &Context, open: &mut bool, s: &'static Strings) {
    egui::Window::new(s.shortcuts_title)
        .id(egui::Id::unique("shortcuts_window"))
        .open(open)
        .resizable(false)
        .collapsible(false)
        .show(ctx, |ui| shortcut_table_ui(ui, "shortcut_sheet", s));
}

/// The shortcuts as a two-column table, grouped by room.
pub fn shortcut_table_ui(ui: &mut Ui, id: &str, s: &'static Strings) {
    egui::Grid::new(id)
        .num_columns(2)
        .spacing([18.0, 4.0])
        .show(ui, |ui| {
            for (group, keys) in shortcuts(s) {
                ui.label(RichText::new(group).strong());
                ui.end_row();
                for (keys, what) in keys {
                    ui.label(RichText::new(keys).monospace());
                    ui.label(what);
                    ui.end_row();
                }
            }
        });
}
