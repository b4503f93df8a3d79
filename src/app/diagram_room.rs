//! The app's side of the Diagram room: where its commands are applied after the frame, and
//! where all of its file work happens (open, save, export, the autosaved draft and its
//! recovery, the OS file dialogs). The views never touch a file.

use std::path::{Path, PathBuf};

use super::AwsStudyApp;
use crate::command::{Command, Room};
use crate::diagram::editor::{DiagramCommand, PathPurpose};
use crate::diagram::file::{self, DRAFT_FILE, EXTENSION};
use crate::diagram::model::Diagram;
use crate::i18n::Describe as _;

/// Seconds between autosaves of a modified diagram.
const AUTOSAVE_SECS: f64 = 5.0;

/// What waits for the unsaved-changes window.
#[derive(Clone, Debug, PartialEq)]
enum Pending {
    /// Close the window.
    Close,
    /// Show another document (new, template, open a path).
    Replace(DiagramCommand),
}

/// Files of the Diagram room: the draft, the messages about files, what waits for the
/// unsaved-changes window.
#[derive(Debug, Default)]
pub struct DiagramFiles {
    data_dir: Option<PathBuf>,
    last_autosave: f64,
    /// A draft found at start-up, offered for recovery.
    recovery: Option<Diagram>,
    /// Messages for the user (files that could not be read or written, repairs).
    pub messages: Vec<String>,
    pending: Option<Pending>,
}

impl DiagramFiles {
    /// Reads the draft a crash may have left in `data_dir`, to offer it back.
    #[must_use]
    pub fn new(data_dir: Option<PathBuf>) -> Self {
        let recovery = data_dir
            .as_ref()
            .and_then(|d| file::load(&d.join(DRAFT_FILE)).ok())
            .map(|(d, _)| d)
            .filter(|d| !d.nodes.is_empty());
        Self {
            data_dir,
            recovery,
            ..Self::default()
        }
    }

    /// The draft offered for recovery, if any.
    #[must_use]
    pub fn recovery(&self) -> Option<&Diagram> {
        self.recovery.as_ref()
    }

    fn remove_draft(&self) {
        if let Some(dir) = &self.data_dir {
            let _ = std::fs::remove_file(dir.join(DRAFT_FILE));
        }
    }
}

impl AwsStudyApp {
    /// Applies one Diagram command: edits through the editor, zoom on the view, files and
    /// dialogs here. Public so tests can drive the room without clicks.
    pub fn apply_diagram(&mut self, ctx: &egui::Context, command: DiagramCommand) {
        use DiagramCommand as C;
        if command.is_view() {
            self.diagram_view.apply(&command, &self.diagram);
            return;
        }
        if !command.is_file() {
            self.diagram.apply(command);
            return;
        }
        match command {
            C::New | C::Template(_) => self.ask_then_replace(command),
            C::Open => self.prompt(PathPurpose::Open),
            C::Save => self.save_diagram(false),
            C::SaveAs => self.save_diagram(true),
            C::ExportPng => self.prompt(PathPurpose::ExportPng),
            C::ExportSvg => self.prompt(PathPurpose::ExportSvg),
            C::ExportDrawio => self.prompt(PathPurpose::ExportDrawio),
            C::CompletePath(purpose, path) => {
                self.diagram_view.path_prompt = None;
                self.complete(purpose, &path);
            }
            C::BrowsePath(purpose) => {
                let dialog = rfd::FileDialog::new();
                let picked = if purpose == PathPurpose::Open {
                    dialog
                        .add_filter(
                            self.lang().strings().diagram_file_filter,
                            &["ron", "drawio", "xml", "svg", "png"],
                        )
                        .pick_file()
                } else {
                    let name = self
                        .diagram_view
                        .path_prompt
                        .as_ref()
                        .and_then(|p| {
                            Path::new(&p.field.path)
                                .file_name()
                                .map(|n| n.to_string_lossy().into_owned())
                        })
                        .unwrap_or_default();
                    dialog.set_file_name(name).save_file()
                };
                if let Some(path) = picked {
                    self.apply_diagram(ctx, C::CompletePath(purpose, path));
                } else {
                    // Cancelled, or no dialog on this desktop: the path window stays, and
                    // says how to go on.
                    let s = self.lang().strings();
                    self.diagram_files
                        .messages
                        .push(s.no_file_dialog.to_owned());
                }
            }
            C::CancelPath => self.diagram_view.path_prompt = None,
            // Recovering the draft replaces the document: unsaved changes are asked about.
            C::RecoverDraft => self.ask_then_replace(C::RecoverDraft),
            C::DiscardDraft => {
                self.diagram_files.recovery = None;
                self.diagram_files.remove_draft();
            }
            C::ConfirmSave => {
                self.diagram_view.confirm = false;
                // Saved (a named diagram): go on; otherwise the path window opens first.
                self.save_diagram(false);
                let pending = self.diagram_files.pending.take();
                if !self.diagram.dirty() {
                    self.run_pending(ctx, pending);
                }
            }
            C::ConfirmDiscard => {
                self.diagram_view.confirm = false;
                self.diagram.mark_discarded();
                self.diagram_files.remove_draft();
                let pending = self.diagram_files.pending.take();
                self.run_pending(ctx, pending);
            }
            C::ConfirmCancel => {
                self.diagram_view.confirm = false;
                self.diagram_files.pending = None;
            }
            C::OpenNote(topic) => self.apply(ctx, Command::OpenTopic(topic)),
            C::PracticeService(service) => {
                self.apply(ctx, Command::SwitchRoom(Room::Quiz));
                self.apply_quiz(
                    ctx,
                    crate::quiz::command::QuizCommand::PracticeService(service),
                );
            }
            _ => {}
        }
    }

    fn run_pending(&mut self, ctx: &egui::Context, pending: Option<Pending>) {
        match pending {
            Some(Pending::Close) => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Some(Pending::Replace(command)) => self.replace_diagram(command),
            None => {}
        }
    }

    /// Shows another document (the unsaved-changes question is answered).
    fn replace_diagram(&mut self, command: DiagramCommand) {
        match command {
            DiagramCommand::New => self.diagram.replace(Diagram::new(), None),
            DiagramCommand::Template(t) => self.diagram.replace(t.build(), None),
            DiagramCommand::CompletePath(_, path) => self.open_diagram(&path),
            DiagramCommand::RecoverDraft => {
                if let Some(d) = self.diagram_files.recovery.take() {
                    self.diagram.replace(d, None);
                }
            }
            _ => {}
        }
    }

    /// Reopens the diagram that was open when the app closed (unless a crash left a draft
    /// to recover, which is offered instead); a file gone or unreadable is only reported.
    pub(super) fn reopen_last_diagram(&mut self) {
        if self.diagram_files.recovery.is_some() {
            return;
        }
        if let Some(path) = self.settings.last_diagram.clone() {
            if path.exists() {
                self.open_diagram(&path);
            } else {
                log::info!("last diagram {} is gone", path.display());
            }
        }
    }

    /// The file to reopen at the next start.
    fn remember_diagram(&mut self, path: &Path) {
        if self.settings.last_diagram.as_deref() != Some(path) {
            self.settings.last_diagram = Some(path.to_owned());
            self.save_settings();
        }
    }

    /// Opens a diagram file (ours, a draw.io file, or an SVG/PNG exported with the diagram
    /// inside); a file that cannot be read is left untouched and reported, and the document
    /// on screen stays. An imported file is never the document's file: Save asks where to
    /// write the `.awsdiagram.ron`, so the original is not overwritten in another format.
    fn open_diagram(&mut self, path: &Path) {
        let ours = path
            .to_string_lossy()
            .to_ascii_lowercase()
            .ends_with(EXTENSION);
        let lang = self.lang();
        match file::load_any(path) {
            Ok((diagram, warnings)) => {
                if ours {
                    self.diagram.replace(diagram, Some(path.to_owned()));
                    self.remember_diagram(path);
                } else {
                    self.diagram.replace(diagram, None);
                    let s = self.lang().strings();
                    self.diagram_files.messages.push(format!(
                        "{} {}",
                        s.diagram_imported,
                        path.display()
                    ));
                }
                self.diagram_files.remove_draft();
                self.diagram_files
                    .messages
                    .extend(warnings.iter().map(|w| w.describe(lang)));
                // Drills are made from the diagrams opened, imported ones included.
                self.remember_recent_diagram(path);
                self.reload_drill_files();
            }
            Err(e) => self.diagram_files.messages.push(e.describe(lang)),
        }
    }

    /// Files dropped on the window while the Diagram room is shown are opened (asking
    /// about unsaved changes first).
    pub(super) fn open_dropped_diagram(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.apply_diagram(ctx, DiagramCommand::CompletePath(PathPurpose::Open, path));
        }
    }

    fn prompt(&mut self, purpose: PathPurpose) {
        let extension = match purpose {
            PathPurpose::Open | PathPurpose::SaveAs => EXTENSION,
            PathPurpose::ExportPng => "png",
            PathPurpose::ExportSvg => "svg",
            PathPurpose::ExportDrawio => "drawio",
        };
        let path = file::default_path(self.diagram.path(), extension);
        self.diagram_view
            .prompt(purpose, path.display().to_string());
    }

    fn complete(&mut self, purpose: PathPurpose, path: &Path) {
        match purpose {
            PathPurpose::Open => {
                self.ask_then_replace(DiagramCommand::CompletePath(purpose, path.to_owned()));
            }
            PathPurpose::SaveAs => self.save_diagram_to(path),
            PathPurpose::ExportDrawio | PathPurpose::ExportPng | PathPurpose::ExportSvg => {
                let d = self.diagram.diagram();
                let written = match purpose {
                    PathPurpose::ExportDrawio => file::export_drawio(path, d),
                    _ => file::export(
                        path,
                        d,
                        purpose == PathPurpose::ExportPng,
                        self.diagram_view.export_scale,
                    ),
                };
                let lang = self.lang();
                let message = match written {
                    Ok(()) => format!("{} {}", lang.strings().diagram_exported, path.display()),
                    Err(e) => e.describe(lang),
                };
                self.diagram_files.messages.push(message);
            }
        }
    }

    /// Shows another document, once the user said what becomes of unsaved changes.
    fn ask_then_replace(&mut self, command: DiagramCommand) {
        if self.diagram.dirty() {
            // Another document would replace unsaved work: ask first.
            self.diagram_files.pending = Some(Pending::Replace(command));
            self.diagram_view.confirm = true;
        } else {
            self.replace_diagram(command);
        }
    }

    /// Save: to the file it came from, else (or with `ask`) through the path window.
    fn save_diagram(&mut self, ask: bool) {
        match (self.diagram.path().map(Path::to_owned), ask) {
            (Some(p), false) => self.save_diagram_to(&p),
            _ => self.prompt(PathPurpose::SaveAs),
        }
    }

    fn save_diagram_to(&mut self, path: &Path) {
        let path = file::with_extension(path);
        match file::save(&path, self.diagram.diagram()) {
            Ok(()) => {
                self.remember_diagram(&path);
                self.remember_recent_diagram(&path);
                self.diagram.mark_saved(path);
                self.diagram_files.remove_draft();
                self.reload_drill_files();
            }
            Err(e) => self.diagram_files.messages.push(e.describe(self.lang())),
        }
    }

    /// Closing the window with an unsaved diagram asks first.
    pub(super) fn handle_diagram_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && self.diagram.dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.diagram_files.pending = Some(Pending::Close);
            self.diagram_view.confirm = true;
            self.room = Room::Diagram;
        }
    }

    /// Writes the draft every few seconds while there are unsaved changes, whichever room
    /// is shown, and asks for a frame when the next one is due (egui only repaints on input).
    pub(super) fn autosave_diagram(&mut self, ctx: &egui::Context) {
        if !self.diagram.dirty() {
            return;
        }
        let time = ctx.input(|i| i.time);
        let files = &mut self.diagram_files;
        let wait = AUTOSAVE_SECS - (time - files.last_autosave);
        if wait > 0.0 {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
            return;
        }
        files.last_autosave = time;
        if let Some(dir) = &files.data_dir
            && let Err(e) = file::save(&dir.join(DRAFT_FILE), self.diagram.diagram())
        {
            log::warn!("autosave: {e}");
        }
    }

    /// Draws the Diagram room and applies what it asked for.
    pub(super) fn diagram_room_ui(
        &mut self,
        ui: &mut egui::Ui,
        lang: crate::i18n::Lang,
    ) -> Vec<DiagramCommand> {
        let catalog = crate::services::Catalog::bundled();
        let icons = crate::icons::Catalog::bundled();
        let service_of = |icon: &str| icons.by_aws_name(icon).and_then(|i| catalog.by_icon(i.id));
        let service_tiers = &self.service_tiers;
        let tier_of_icon = |icon: &str| {
            service_of(icon).and_then(|s| {
                service_tiers
                    .get(&s)
                    .copied()
                    .or_else(|| catalog.default_tier(s))
            })
        };
        let index = &self.index;
        let topic_of_icon =
            |icon: &str| service_of(icon).and_then(|s| index.topics_of_service(s).first().copied());
        let topic_of_service = |key: &str| {
            catalog
                .by_key(key)
                .and_then(|s| index.topics_of_service(s).first().copied())
        };
        let quiz = &self.quiz;
        let has_questions = |service: &str| quiz.has_questions_about(service);
        let mut cx = crate::ui::diagram::DiagramCtx {
            lang,
            tier_of_icon: &tier_of_icon,
            topic_of_icon: &topic_of_icon,
            topic_of_service: &topic_of_service,
            has_questions: &has_questions,
            recovery: self.diagram_files.recovery.as_ref().map(|d| d.nodes.len()),
            messages: &mut self.diagram_files.messages,
        };
        crate::ui::diagram::diagram_ui(ui, &mut self.diagram_view, &self.diagram, &mut cx)
    }
}
