//! The top bar (history, search, notes folder, settings) and the "open folder" window.

use egui::{Context, Key, RichText, Ui};

use crate::app::AwsStudyApp;
use crate::command::{Command, Room};
use crate::i18n::Strings;
use crate::notes::vault::VaultSource;
use crate::store::{LangChoice, ThemeChoice};

/// Draws the top bar.
pub fn top_bar_ui(ui: &mut Ui, app: &AwsStudyApp, s: &Strings, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        ui.add_space(2.0);
        let back = ui
            .add_enabled(app.can_go_back(), egui::Button::new("<"))
            .on_hover_text(s.back)
            .on_disabled_hover_text(s.back);
        back.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Button, app.can_go_back(), s.back)
        });
        if back.clicked() {
            commands.push(Command::Back);
        }
        let forward = ui
            .add_enabled(app.can_go_forward(), egui::Button::new(">"))
            .on_hover_text(s.forward);
        forward.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Button, app.can_go_forward(), s.forward)
        });
        if forward.clicked() {
            commands.push(Command::Forward);
        }
        ui.separator();
        ui.label(RichText::new("aws-study").strong());
        ui.separator();
        let room = app.room();
        if ui
            .add(egui::Button::selectable(room == Room::Notes, s.room_notes))
            .clicked()
        {
            commands.push(Command::SwitchRoom(Room::Notes));
        }
        let due = app.quiz().due_today();
        let quiz_label = if due > 0 {
            format!("{} ({due})", s.room_quiz)
        } else {
            s.room_quiz.to_owned()
        };
        if ui
            .add(egui::Button::selectable(room == Room::Quiz, quiz_label))
            .on_hover_text(format!("{due} {}", s.due_today))
            .clicked()
        {
            commands.push(Command::SwitchRoom(Room::Quiz));
        }
        if ui
            .add(egui::Button::selectable(
                room == Room::Diagram,
                s.room_diagram,
            ))
            .clicked()
        {
            commands.push(Command::SwitchRoom(Room::Diagram));
        }
        ui.separator();
        let search = egui::Button::new(format!("{}…", s.search))
            .shortcut_text(ui.ctx().format_shortcut(&egui::KeyboardShortcut::new(
                egui::Modifiers::COMMAND,
                Key::K,
            )))
            .min_size(egui::vec2(220.0, 0.0));
        if ui.add(search).clicked() {
            commands.push(Command::OpenSearch);
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.menu_button(s.settings, |ui| settings_menu_ui(ui, app, s, commands));
            if matches!(app.index().vault.source, VaultSource::Folder(_))
                && ui.button(s.bundled_notes).clicked()
            {
                commands.push(Command::LoadBundled);
            }
            if ui.button(s.open_folder).clicked() {
                commands.push(Command::ShowOpenFolder);
            }
        });
    });
}

fn settings_menu_ui(ui: &mut Ui, app: &AwsStudyApp, s: &Strings, commands: &mut Vec<Command>) {
    let settings = app.settings();
    ui.label(RichText::new(s.language).strong());
    for (choice, label) in [
        (LangChoice::System, s.system),
        (LangChoice::Fr, "Français"),
        (LangChoice::En, "English"),
    ] {
        if ui.radio(settings.lang == choice, label).clicked() {
            commands.push(Command::SetLang(choice));
        }
    }
    ui.separator();
    ui.label(RichText::new(s.theme).strong());
    for (choice, label) in [
        (ThemeChoice::System, s.system),
        (ThemeChoice::Light, s.light),
        (ThemeChoice::Dark, s.dark),
    ] {
        if ui.radio(settings.theme == choice, label).clicked() {
            commands.push(Command::SetTheme(choice));
        }
    }
}

/// The "open folder" window: a path field (works everywhere, even without a desktop
/// portal), a button for the native folder dialog, and the current folder.
pub fn open_folder_ui(
    ctx: &Context,
    app: &mut AwsStudyApp,
    s: &Strings,
    commands: &mut Vec<Command>,
) {
    let Some(state) = app.open_folder.as_mut() else {
        return;
    };
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("open_folder")).show(ctx, |ui| {
        ui.set_width(520.0);
        ui.heading(s.open_folder_title);
        ui.add_space(6.0);
        let label = ui.label(s.open_folder_path);
        let edit = ui.add(
            egui::TextEdit::singleline(&mut state.path)
                .desired_width(f32::INFINITY)
                .hint_text("/home/me/Obsidian/AWS"),
        );
        let edit = edit.labelled_by(label.id);
        if !state.focused {
            edit.request_focus();
            state.focused = true;
        }
        let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        if state.browse_gave_nothing {
            ui.label(RichText::new(s.open_folder_no_dialog).color(ui.visuals().warn_fg_color));
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let path = state.path.trim();
            if (ui
                .add_enabled(!path.is_empty(), egui::Button::new(s.open))
                .clicked()
                || enter)
                && !path.is_empty()
            {
                commands.push(Command::LoadFolder(path.into()));
            }
            if ui.button(s.browse).clicked() {
                commands.push(Command::BrowseFolder);
            }
            if ui.button(s.cancel).clicked() {
                close = true;
            }
        });
    });
    if close || modal.should_close() {
        app.open_folder = None;
    }
}
