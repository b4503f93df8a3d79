//! The top bar (history, search, notes folder, settings) and the "open folder" window.

use egui::{Context, Key, RichText, Ui};

use crate::command::{Command, Room};
use crate::i18n::{Lang, Strings};
use crate::ui::path_dialog::{PathDialog, PathDialogAction, PathField, path_dialog_ui};

/// What the top bar shows, gathered by the app before the frame.
#[derive(Clone, Copy, Debug)]
pub struct TopBarView {
    /// There is a place to go back to.
    pub can_go_back: bool,
    /// There is a place to go forward to.
    pub can_go_forward: bool,
    /// The room shown.
    pub room: Room,
    /// Quiz cards due now.
    pub due: usize,
    /// The Settings window is open.
    pub settings_open: bool,
    /// A notes folder is shown (not the bundled notes): offers to go back to them.
    pub folder_shown: bool,
}

/// Draws the top bar in `lang`.
pub fn top_bar_ui(ui: &mut Ui, app: &TopBarView, lang: Lang, commands: &mut Vec<Command>) {
    let s = lang.strings();
    ui.horizontal(|ui| {
        ui.add_space(2.0);
        let back = ui
            .add_enabled(app.can_go_back, egui::Button::new("<"))
            .on_hover_text(s.back)
            .on_disabled_hover_text(s.back);
        back.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, app.can_go_back, s.back));
        if back.clicked() {
            commands.push(Command::Back);
        }
        let forward = ui
            .add_enabled(app.can_go_forward, egui::Button::new(">"))
            .on_hover_text(s.forward);
        forward.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Button, app.can_go_forward, s.forward)
        });
        if forward.clicked() {
            commands.push(Command::Forward);
        }
        ui.separator();
        ui.label(RichText::new("aws-study").strong());
        ui.separator();
        let room = app.room;
        if ui
            .add(egui::Button::selectable(room == Room::Start, s.room_start))
            .clicked()
        {
            commands.push(Command::SwitchRoom(Room::Start));
        }
        if ui
            .add(egui::Button::selectable(room == Room::Notes, s.room_notes))
            .clicked()
        {
            commands.push(Command::SwitchRoom(Room::Notes));
        }
        let due = app.due;
        let quiz_label = if due > 0 {
            format!("{} ({due})", s.room_quiz)
        } else {
            s.room_quiz.to_owned()
        };
        if ui
            .add(egui::Button::selectable(room == Room::Quiz, quiz_label))
            .on_hover_text(lang.count(due, s.due_now_one, s.due_now_many))
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
            let shortcut = ui.ctx().format_shortcut(&egui::KeyboardShortcut::new(
                egui::Modifiers::COMMAND,
                Key::Comma,
            ));
            if ui
                .add(egui::Button::selectable(app.settings_open, s.settings))
                .on_hover_text(format!("{} ({shortcut})", s.settings))
                .clicked()
            {
                commands.push(Command::ToggleSettings);
            }
            if app.folder_shown && ui.button(s.bundled_notes).clicked() {
                commands.push(Command::LoadBundled);
            }
            if ui.button(s.open_folder).clicked() {
                commands.push(Command::ShowOpenFolder);
            }
        });
    });
}

/// State of the "open folder" window.
#[derive(Debug, Default)]
pub struct OpenFolderState {
    /// The path field.
    pub field: PathField,
    /// The native dialog returned no folder (cancelled, or no dialog could be shown).
    pub browse_gave_nothing: bool,
}

/// The "open folder" window: a path field (works everywhere, even without a desktop
/// portal), a button for the native folder dialog, and the current folder. Closes itself
/// (sets `open` to `None`) on Cancel.
pub fn open_folder_ui(
    ctx: &Context,
    open: &mut Option<OpenFolderState>,
    s: &Strings,
    commands: &mut Vec<Command>,
) {
    let Some(state) = open.as_mut() else {
        return;
    };
    let dialog = PathDialog {
        id: "open_folder",
        title: s.open_folder_title,
        help: None,
        label: s.open_folder_path,
        hint: "/home/me/Obsidian/AWS",
        accept: s.open,
        browse: s.browse,
        cancel: s.cancel,
        warning: state.browse_gave_nothing.then_some(s.open_folder_no_dialog),
        width: 520.0,
    };
    match path_dialog_ui(ctx, &dialog, &mut state.field, |_| {}) {
        Some(PathDialogAction::Accept(path)) => commands.push(Command::LoadFolder(path)),
        Some(PathDialogAction::Browse) => commands.push(Command::BrowseFolder),
        Some(PathDialogAction::Cancel) => *open = None,
        None => {}
    }
}
