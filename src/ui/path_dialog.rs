//! The "path, Browse, Cancel" window shared by every place that asks for a file or a
//! folder (open a notes folder, import questions, open/save/export a diagram): a typed path
//! (works everywhere, even without a desktop portal), a button for the native dialog and a
//! cancel button. It only draws and answers with a [`PathDialogAction`]; the caller turns
//! that into a command, so the native dialog and the file I/O happen after the frame.

use std::path::PathBuf;

use egui::{Context, Key, RichText, Ui};

/// What the window keeps between frames.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PathField {
    /// The path typed so far.
    pub path: String,
    /// Whether the path field got the keyboard focus already.
    pub focused: bool,
}

impl PathField {
    /// A field holding `path`, focused on the first frame it is drawn.
    #[must_use]
    pub fn new(path: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            focused: false,
        }
    }
}

/// What the window shows; all labels are in the interface language.
#[derive(Clone, Copy, Debug)]
pub struct PathDialog<'a> {
    /// Keys the window (one per place that uses it).
    pub id: &'a str,
    /// The heading.
    pub title: &'a str,
    /// A weak line under the heading, if any.
    pub help: Option<&'a str>,
    /// The path field's label.
    pub label: &'a str,
    /// Greyed example in the empty field.
    pub hint: &'a str,
    /// The button that accepts the typed path ("Open", "OK").
    pub accept: &'a str,
    /// "Browse…".
    pub browse: &'a str,
    /// "Cancel" / "Close".
    pub cancel: &'a str,
    /// A warning shown under the field (the native dialog gave nothing...).
    pub warning: Option<&'a str>,
    /// Width of the window, in points.
    pub width: f32,
}

/// What the user did this frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathDialogAction {
    /// Accepted the typed path (button or Enter); never empty.
    Accept(PathBuf),
    /// Asked for the native dialog.
    Browse,
    /// Cancelled (button, Escape or a click outside).
    Cancel,
}

/// Draws the window over `field`; `below` draws extra content under the buttons (an
/// import report).
pub fn path_dialog_ui(
    ctx: &Context,
    dialog: &PathDialog<'_>,
    field: &mut PathField,
    below: impl FnOnce(&mut Ui),
) -> Option<PathDialogAction> {
    path_parts_dialog_ui(ctx, dialog, &mut field.path, &mut field.focused, below)
}

/// [`path_dialog_ui`] over a path and focus flag kept elsewhere (in a room's egui-free
/// state, say).
pub fn path_parts_dialog_ui(
    ctx: &Context,
    dialog: &PathDialog<'_>,
    path: &mut String,
    focused: &mut bool,
    below: impl FnOnce(&mut Ui),
) -> Option<PathDialogAction> {
    let mut action = None;
    let modal = egui::Modal::new(egui::Id::unique(dialog.id)).show(ctx, |ui| {
        ui.set_width(dialog.width);
        ui.heading(dialog.title);
        if let Some(help) = dialog.help {
            ui.label(RichText::new(help).weak());
        }
        ui.add_space(6.0);
        let label = ui.label(dialog.label);
        let edit = ui
            .add(
                egui::TextEdit::singleline(path)
                    .desired_width(f32::INFINITY)
                    .hint_text(dialog.hint),
            )
            .labelled_by(label.id);
        if !*focused {
            edit.request_focus();
            *focused = true;
        }
        let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        if let Some(warning) = dialog.warning {
            ui.label(RichText::new(warning).color(ui.visuals().warn_fg_color));
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let path = path.trim();
            if (ui
                .add_enabled(!path.is_empty(), egui::Button::new(dialog.accept))
                .clicked()
                || enter)
                && !path.is_empty()
            {
                action = Some(PathDialogAction::Accept(path.into()));
            }
            if ui.button(dialog.browse).clicked() {
                action = Some(PathDialogAction::Browse);
            }
            if ui.button(dialog.cancel).clicked() {
                action = Some(PathDialogAction::Cancel);
            }
        });
        below(ui);
    });
    if action.is_none() && modal.should_close() {
        action = Some(PathDialogAction::Cancel);
    }
    action
}
