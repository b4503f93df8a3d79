//! The eframe application: owns the state, draws the panels, and applies the
//! [`Command`]s the panels emit once drawing is done (so a frame never sees the state change
//! under its feet, and every side effect has one place where it happens).
//!
//! Vaults are read and indexed on a background thread; the window keeps showing the
//! previous notes with a progress bar until the new index arrives.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use egui::{Key, KeyboardShortcut, Modifiers, PointerButton};

pub use crate::command::{Command, Room, SortMode, TierFilter};
use crate::frequency::Tier;
use crate::i18n::{Describe as _, Lang, Strings, fill};
use crate::notes::history::History;
use crate::notes::index::{Index, Location, ParseOptions, TierOrigin};
use crate::notes::vault::{LoadedVault, VaultError, VaultSource};
use crate::quiz::command::{QuizCommand, QuizEffect};
use crate::quiz::progress::Progress;
use crate::quiz::room::{QuizEnv, QuizRoom, QuizView, now_secs};
use crate::services::{self, ServiceId};
use crate::store::backup::{self, Backup};
use crate::store::lock::{DataLock, LockError};
use crate::store::saver::Saver;
use crate::store::{self, DataFile, Overrides, Problem, Settings, ThemeChoice, Versioned};
use crate::ui;
use crate::ui::markdown::ScrollTarget;

mod diagram_room;
mod drill_files;
pub use diagram_room::DiagramFiles;

/// How the app starts.
#[derive(Clone, Debug, Default)]
pub struct AppConfig {
    /// Where settings and overrides are kept; `None` keeps nothing (tests, read-only).
    pub data_dir: Option<PathBuf>,
    /// The system locale (`fr-FR`...), used when the language setting is "system".
    pub system_locale: Option<String>,
    /// A notes folder given on the command line; wins over the remembered one.
    pub vault: Option<PathBuf>,
}

/// A vault being read in the background.
struct Loading {
    path: PathBuf,
    /// done, total
    progress: Arc<(AtomicUsize, AtomicUsize)>,
    rx: mpsc::Receiver<Result<Index, VaultError>>,
}

/// The whole application.
pub struct AwsStudyApp {
    config: AppConfig,
    /// The notes' folders in natural order, for the sidebar (built with the index).
    note_tree: crate::notes::tree::Folder,
    /// The single-instance lock on the data folder, held for the app's life.
    _lock: Option<DataLock>,
    /// Why this instance may not run (another one uses the data folder): all it shows.
    refused: Option<LockError>,
    settings: Settings,
    overrides: Overrides,
    /// False when the overrides file exists but could not be read: never overwrite it.
    overrides_writable: bool,
    /// Same for the settings file.
    settings_writable: bool,
    index: Index,
    /// Effective tier of each topic (see `refresh_tiers`).
    tiers: Vec<Option<Tier>>,
    /// The same, with where each came from (badge tooltips).
    tier_origins: Vec<Option<(Tier, TierOrigin)>>,
    /// Tier of each service the notes name (see [`Index::service_tiers`]).
    service_tiers: HashMap<ServiceId, Tier>,
    /// Bumped each time a new index is installed (keys image URIs).
    generation: u64,
    loading: Option<Loading>,
    history: History,
    /// Where to scroll the note view on the next frame, for which place.
    scroll_to: Option<(Location, ScrollTarget)>,
    /// The block being flashed (note, block, when it was arrived at), after following a
    /// block reference or opening a search hit.
    flash: Option<(usize, usize, f64)>,
    /// Frames spent bringing a block into view.
    scroll_retries: u32,
    /// Set when the place changed: the sidebar opens and scrolls to it, frame after
    /// frame until its row was seen in view ([`REVEAL_FRAMES`] at most).
    pub(crate) reveal: bool,
    /// Frames the sidebar has been revealing the place for.
    reveal_frames: u32,
    /// The sidebar drew the place's row in view this frame: the reveal is done.
    revealed: bool,
    /// Messages for the user (errors, warnings), shown until dismissed.
    messages: Vec<String>,
    /// Damaged data files, each shown with its newest readable backup until restored or
    /// dismissed.
    damaged: Vec<Problem>,
    /// The Settings → Restore a backup window, when open: the backups of each file.
    backups: Option<Vec<(DataFile, Vec<Backup>)>>,
    /// Sidebar state.
    pub(crate) sidebar: ui::sidebar::SidebarState,
    pub(crate) search: Option<ui::search::SearchState>,
    pub(crate) open_folder: Option<ui::top_bar::OpenFolderState>,
    pub(crate) images: ui::markdown::ImageCache,
    /// The room shown.
    pub(crate) room: Room,
    /// The Settings window is open.
    settings_open: bool,
    /// The keyboard-shortcut sheet is open.
    shortcuts_open: bool,
    /// The Quiz room.
    pub(crate) quiz: QuizRoom,
    /// False when `progress.ron` exists but could not be read: never overwrite it.
    progress_writable: bool,
    /// The progress revision last handed to the saver.
    progress_saved: u64,
    /// Writes `progress.ron` off the UI thread (`None` without a data folder).
    progress_saver: Option<Saver<Progress, store::StoreError>>,
    /// The Diagram room: the document and its history...
    pub(crate) diagram: crate::diagram::editor::Editor,
    /// ...how it is shown...
    pub(crate) diagram_view: ui::diagram::DiagramView,
    /// ...and its files.
    pub(crate) diagram_files: DiagramFiles,
    /// The student's diagram files being read for the diagram drills.
    drill_files: drill_files::DrillFiles,
    applied_theme: Option<ThemeChoice>,
    title: String,
}

/// How long a block arrived at stays highlighted.
const FLASH_SECS: f64 = 1.6;

/// Most frames spent bringing a block into view.
const MAX_SCROLL_RETRIES: u32 = 8;

/// Most frames the sidebar spends revealing the place (about half a second).
const REVEAL_FRAMES: u32 = 30;

impl AwsStudyApp {
    /// Creates the app: reads settings and overrides from `config.data_dir`, shows the
    /// bundled notes, and starts loading the remembered (or given) notes folder.
    #[must_use]
    pub fn new(ctx: &egui::Context, mut config: AppConfig) -> Self {
        egui_extras::install_image_loaders(ctx);
        ui::widgets::install_fonts(ctx);
        // One aws-study per data folder, so two windows never overwrite each other's files:
        // a second one shows why it cannot start, and reads and writes nothing.
        let (lock, refused) = match config.data_dir.as_deref().map(DataLock::acquire) {
            Some(Ok(lock)) => (Some(lock), None),
            Some(Err(e @ LockError::Held { .. })) => {
                log::warn!("{e}");
                config.data_dir = None;
                (None, Some(e))
            }
            Some(Err(e)) => {
                // The folder cannot be locked (read-only disk...): go on, saves will report.
                log::warn!("{e}");
                (None, None)
            }
            None => (None, None),
        };
        let mut problems = Vec::new();
        let (settings, settings_writable) =
            load_or_report::<Settings>(config.data_dir.as_ref(), DataFile::Settings, &mut problems);
        let mut settings = settings;
        settings.migrate();
        let options = ParseOptions {
            strict_line_breaks: settings.strict_line_breaks,
        };
        // A folder given on the command line is there to be read; otherwise the room the
        // app was closed in, and the start page on a first start.
        let room = if config.vault.is_some() {
            Room::Notes
        } else {
            settings.room.unwrap_or(Room::Start)
        };
        let (overrides, overrides_writable) = load_or_report::<Overrides>(
            config.data_dir.as_ref(),
            DataFile::Overrides,
            &mut problems,
        );
        let lang = Lang::resolve(settings.lang, config.system_locale.as_deref());
        let (quiz, progress_writable) = load_quiz(config.data_dir.as_ref(), lang, &mut problems);
        let mut app = Self {
            settings,
            overrides,
            overrides_writable,
            settings_writable,
            index: Index::build_with(LoadedVault::bundled(), &|_, _| {}, options),
            note_tree: crate::notes::tree::Folder::default(),
            tiers: Vec::new(),
            tier_origins: Vec::new(),
            service_tiers: HashMap::new(),
            generation: 0,
            loading: None,
            history: History::default(),
            scroll_to: None,
            flash: None,
            scroll_retries: 0,
            reveal: true,
            reveal_frames: 0,
            revealed: false,
            messages: Vec::new(),
            damaged: Vec::new(),
            backups: None,
            sidebar: ui::sidebar::SidebarState::default(),
            search: None,
            open_folder: None,
            images: ui::markdown::ImageCache::default(),
            room,
            settings_open: false,
            shortcuts_open: false,
            quiz,
            progress_writable,
            progress_saved: 0,
            progress_saver: config.data_dir.as_ref().map(|dir| {
                let dir = dir.clone();
                // Atomic, with the day's backup (see `store`).
                Saver::spawn("progress-saver", move |p: &Progress| {
                    store::save_data(&dir, DataFile::Progress, p, store::today())
                })
            }),
            diagram: crate::diagram::editor::Editor::new(),
            diagram_view: ui::diagram::DiagramView::default(),
            diagram_files: DiagramFiles::new(config.data_dir.clone()),
            drill_files: drill_files::DrillFiles::new(ctx),
            applied_theme: None,
            title: String::new(),
            config,
            _lock: lock,
            refused,
        };
        if app.refused.is_some() {
            return app;
        }
        for problem in problems {
            app.report(problem);
        }
        app.note_tree = crate::notes::tree::build_tree(&app.index);
        app.refresh_tiers();
        app.quiz.rebuild(QuizEnv {
            index: &app.index,
            tiers: &app.tiers,
            service_tiers: &app.service_tiers,
            lang: app.lang(),
        });
        app.restore_location();
        app.reopen_last_diagram();
        if matches!(app.quiz.view, QuizView::Home) {
            app.quiz.view = match app.settings.quiz_page {
                store::QuizPage::Home => QuizView::Home,
                store::QuizPage::Stats => QuizView::Stats,
                store::QuizPage::Plan => QuizView::Plan,
            };
        }
        app.reload_drill_files();
        if let Some(folder) = app.config.vault.clone() {
            app.start_loading(ctx, folder);
        } else if let Some(folder) = app.settings.vault.clone() {
            app.start_loading(ctx, folder);
        }
        app
    }

    /// Writes where the user is (room, open diagram, quiz page, place in the notes) and
    /// the progress. eframe calls it every 30 s and when the window closes; tests call it
    /// to quit.
    pub fn save_state(&mut self) {
        if self.refused.is_some() {
            return;
        }
        self.settings.last_diagram = self.diagram.path().map(Path::to_owned);
        self.settings.room = Some(self.room);
        self.settings.quiz_page = self.quiz_page();
        self.save_settings();
        // Also called on exit: the last answer is on disk before the window goes.
        self.flush_progress();
    }

    /// The current index (for tests and the UI).
    #[must_use]
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// The user's tier overrides.
    #[must_use]
    pub fn overrides(&self) -> &Overrides {
        &self.overrides
    }

    /// Where the user is.
    #[must_use]
    pub fn current(&self) -> Option<Location> {
        self.history.current()
    }

    /// The room shown.
    #[must_use]
    pub fn room(&self) -> Room {
        self.room
    }

    /// The Quiz room's state.
    #[must_use]
    pub fn quiz(&self) -> &QuizRoom {
        &self.quiz
    }

    /// The Quiz room's state, mutable (tests).
    pub fn quiz_mut(&mut self) -> &mut QuizRoom {
        &mut self.quiz
    }

    /// True if there is a place to go back to.
    #[must_use]
    pub fn can_go_back(&self) -> bool {
        self.history.can_go_back()
    }

    /// True if there is a place to go forward to.
    #[must_use]
    pub fn can_go_forward(&self) -> bool {
        self.history.can_go_forward()
    }

    /// The settings in effect.
    #[must_use]
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// True while a vault is being read in the background.
    #[must_use]
    pub fn is_loading(&self) -> bool {
        self.loading.is_some()
    }

    /// Messages currently shown to the user.
    #[must_use]
    pub fn messages(&self) -> &[String] {
        &self.messages
    }

    /// Damaged data files waiting for the user's choice (restore or go on).
    #[must_use]
    pub fn damaged_files(&self) -> &[Problem] {
        &self.damaged
    }

    /// The one handler for a data file that could not be loaded: a damaged one gets the
    /// recovery message (shown in every room), anything else a plain message.
    fn report(&mut self, problem: Problem) {
        if problem.is_damaged() {
            self.damaged.retain(|p| p.file != problem.file);
            self.damaged.push(problem);
        } else {
            self.messages.push(problem.error.describe(self.lang()));
        }
    }

    /// Puts a backup back and installs its content (Settings → Restore a backup, or the
    /// damaged-file message).
    fn restore_backup(&mut self, file: DataFile, backup: &Backup) {
        let Some(dir) = self.config.data_dir.clone() else {
            return;
        };
        let result = match file {
            DataFile::Settings => store::restore::<Settings>(&dir, file, &backup.path).map(|r| {
                self.settings = r.value;
                self.settings_writable = true;
                r.kept_as
            }),
            DataFile::Overrides => store::restore::<Overrides>(&dir, file, &backup.path).map(|r| {
                self.overrides = r.value;
                self.overrides_writable = true;
                self.refresh_tiers();
                self.quiz.refresh_tiers(QuizEnv {
                    index: &self.index,
                    tiers: &self.tiers,
                    service_tiers: &self.service_tiers,
                    lang: self.lang(),
                });
                r.kept_as
            }),
            DataFile::Progress => {
                store::restore::<crate::quiz::progress::Progress>(&dir, file, &backup.path).map(
                    |r| {
                        self.quiz.replace_progress(r.value);
                        r.kept_as
                    },
                )
            }
        };
        let s = self.strings();
        match result {
            Ok(kept_as) => {
                self.damaged.retain(|p| p.file != file);
                self.backups = None;
                let what = match file {
                    DataFile::Progress => s.file_progress,
                    DataFile::Settings => s.file_settings,
                    DataFile::Overrides => s.file_overrides,
                };
                let mut text = s
                    .restored
                    .replace("{file}", what)
                    .replace("{date}", &backup.day.format("%Y-%m-%d").to_string());
                if let Some(k) = kept_as {
                    let _ = write!(text, " ({})", k.display());
                }
                self.messages.push(text);
            }
            Err(e) => self.messages.push(e.describe(self.lang())),
        }
    }

    /// The interface language in effect.
    #[must_use]
    pub fn lang(&self) -> Lang {
        Lang::resolve(self.settings.lang, self.config.system_locale.as_deref())
    }

    fn strings(&self) -> &'static Strings {
        self.lang().strings()
    }

    /// The effective tier of a topic.
    #[must_use]
    pub fn topic_tier(&self, topic: usize) -> Option<Tier> {
        self.tiers.get(topic).copied().flatten()
    }

    /// The effective tier of every topic, in [`Index::topics`] order.
    #[must_use]
    pub fn topic_tiers(&self) -> &[Option<Tier>] {
        &self.tiers
    }

    /// The effective tier of a topic and where it came from.
    #[must_use]
    pub fn topic_tier_origin(&self, topic: usize) -> Option<(Tier, TierOrigin)> {
        self.tier_origins.get(topic).copied().flatten()
    }

    /// The tier of a service: what the notes make of it, else the catalog's default.
    #[must_use]
    pub fn service_tier(&self, service: ServiceId) -> Option<Tier> {
        self.service_tiers
            .get(&service)
            .copied()
            .or_else(|| services::Catalog::bundled().default_tier(service))
    }

    /// Recomputes every topic's effective tier (after the index or the overrides change),
    /// so the sidebar does not redo it for thousands of topics each frame.
    fn refresh_tiers(&mut self) {
        self.tier_origins = self.index.tiers(&self.overrides);
        self.tiers = self
            .tier_origins
            .iter()
            .map(|t| t.map(|(t, _)| t))
            .collect();
        self.service_tiers = self.index.service_tiers(&self.tier_origins);
    }

    /// The Diagram room's document, history and selection.
    #[must_use]
    pub fn diagram(&self) -> &crate::diagram::editor::Editor {
        &self.diagram
    }

    /// The same, mutable (tests, benchmarks).
    pub fn diagram_mut(&mut self) -> &mut crate::diagram::editor::Editor {
        &mut self.diagram
    }

    /// How the Diagram room shows its document (pan, zoom, label being typed).
    #[must_use]
    pub fn diagram_view(&self) -> &ui::diagram::DiagramView {
        &self.diagram_view
    }

    /// The Diagram room's files: the draft offered back, messages.
    #[must_use]
    pub fn diagram_files(&self) -> &DiagramFiles {
        &self.diagram_files
    }

    /// The key of the notes shown in [`Settings::places`].
    fn place_key(&self) -> String {
        match &self.index.vault.source {
            VaultSource::Bundled => store::place_key(None),
            VaultSource::Folder(p) => store::place_key(Some(p)),
        }
    }

    /// How notes are read (the strict-Markdown setting).
    fn parse_options(&self) -> ParseOptions {
        ParseOptions {
            strict_line_breaks: self.settings.strict_line_breaks,
        }
    }

    /// The Quiz room's page, to come back to it.
    fn quiz_page(&self) -> store::QuizPage {
        match self.quiz.view {
            QuizView::Stats => store::QuizPage::Stats,
            QuizView::Plan => store::QuizPage::Plan,
            _ => store::QuizPage::Home,
        }
    }

    /// Goes back where the user was in the notes shown (their place in this folder), or
    /// to the most asked note of a folder never seen.
    fn restore_location(&mut self) {
        let place = self.settings.places.get(&self.place_key()).cloned();
        let note = place
            .as_ref()
            .and_then(|p| self.index.note_by_path(&p.note))
            .or_else(|| self.first_note());
        let Some(note) = note else {
            return;
        };
        let place = place.filter(|p| self.index.notes[note].path == p.note);
        let heading = place
            .as_ref()
            .and_then(|p| p.heading.as_deref())
            .and_then(|h| self.index.find_heading(note, h));
        let scroll = place.as_ref().map_or(0.0, |p| p.scroll);
        let loc = Location {
            note,
            heading,
            block: None,
        };
        self.history.visit(loc);
        self.history.set_offset(scroll);
        // The offset, not the heading: the page comes back as it was left.
        let target = match heading {
            Some(h) if scroll <= 0.0 => ScrollTarget::Heading(h),
            _ => ScrollTarget::Offset(scroll),
        };
        self.scroll_to = Some((loc, target));
        self.reveal = true;
        self.reveal_frames = 0;
    }

    /// The note a first visit opens rather than the alphabetically first (often an
    /// overview): the one whose author states the most exam frequencies (its exam
    /// note), else the one with the most topics of the most asked tier, else the first.
    fn first_note(&self) -> Option<usize> {
        let stated = |o: &Option<(Tier, TierOrigin)>| matches!(o, Some((_, TierOrigin::Notes(_))));
        let any_stated = self.tier_origins.iter().any(stated);
        let best_tier = self.tiers.iter().flatten().min().copied();
        let mut counts = vec![0usize; self.index.notes.len()];
        for ((topic, tier), origin) in self
            .index
            .topics
            .iter()
            .zip(&self.tiers)
            .zip(&self.tier_origins)
        {
            let counted = if any_stated {
                stated(origin)
            } else {
                tier.is_some() && *tier == best_tier
            };
            if counted && let Some(c) = counts.get_mut(topic.note) {
                *c += 1;
            }
        }
        let most = counts
            .iter()
            .enumerate()
            .filter(|(_, c)| **c > 0)
            .max_by_key(|&(i, c)| (*c, std::cmp::Reverse(i)))
            .map(|(i, _)| i);
        most.or_else(|| (!self.index.notes.is_empty()).then_some(0))
    }

    fn start_loading(&mut self, ctx: &egui::Context, path: PathBuf) {
        // Remember an absolute path: a relative one would mean another folder next time.
        let path = std::path::absolute(&path).unwrap_or(path);
        let progress = Arc::new((AtomicUsize::new(0), AtomicUsize::new(0)));
        let (tx, rx) = mpsc::channel();
        let thread_progress = Arc::clone(&progress);
        let thread_ctx = ctx.clone();
        let thread_path = path.clone();
        let options = self.parse_options();
        let spawned = std::thread::Builder::new()
            .name("vault-loader".into())
            .spawn(move || {
                let report = |done: usize, total: usize| {
                    thread_progress.0.store(done, Ordering::Relaxed);
                    thread_progress.1.store(total, Ordering::Relaxed);
                    if done.is_multiple_of(32) {
                        thread_ctx.request_repaint();
                    }
                };
                // Reading counts as the first half of the bar, parsing as the second.
                let result =
                    LoadedVault::scan(&thread_path, &|d, t| report(d, 2 * t)).map(|vault| {
                        let n = vault.notes.len();
                        Index::build_with(vault, &|d, t| report(n + d, n + t), options)
                    });
                let _ = tx.send(result);
                thread_ctx.request_repaint();
            });
        match spawned {
            Ok(_) => self.loading = Some(Loading { path, progress, rx }),
            Err(e) => {
                let lang = self.lang();
                self.messages.push(fill(
                    lang.strings().vault_open_failed,
                    &[("path", &path.display()), ("why", &e.describe(lang))],
                ));
            }
        }
    }

    /// Installs a finished background load, if any.
    fn poll_loading(&mut self) {
        let Some(loading) = &self.loading else {
            return;
        };
        let result = match loading.rx.try_recv() {
            Ok(result) => result,
            Err(mpsc::TryRecvError::Empty) => return,
            Err(mpsc::TryRecvError::Disconnected) => Err(VaultError::Crashed),
        };
        let path = loading.path.clone();
        self.loading = None;
        match result {
            Ok(index) => {
                if index.notes.is_empty() {
                    let lang = self.lang();
                    self.messages.push(
                        lang.labelled(&path.display().to_string(), lang.strings().empty_vault),
                    );
                }
                self.settings.add_recent_folder(&path);
                self.settings.vault = Some(path);
                self.install_index(index);
            }
            Err(e) => {
                // The previous notes stay on screen; a remembered folder stays remembered
                // (it may be an unplugged drive).
                let lang = self.lang();
                self.messages.push(fill(
                    lang.strings().vault_open_failed,
                    &[("path", &path.display()), ("why", &e.describe(lang))],
                ));
            }
        }
        self.save_settings();
    }

    /// Reads the notes shown again (another way of reading them was chosen); the place in
    /// them is kept.
    fn reread_notes(&mut self, ctx: &egui::Context) {
        self.remember_location();
        match self.index.vault.source.clone() {
            VaultSource::Bundled => self.install_index(Index::build_with(
                LoadedVault::bundled(),
                &|_, _| {},
                self.parse_options(),
            )),
            VaultSource::Folder(path) => self.start_loading(ctx, path),
        }
    }

    fn install_index(&mut self, index: Index) {
        self.index = index;
        self.note_tree = crate::notes::tree::build_tree(&self.index);
        // Search hits and cached tiers point into the old index.
        self.search = None;
        self.refresh_tiers();
        self.quiz.rebuild(QuizEnv {
            index: &self.index,
            tiers: &self.tiers,
            service_tiers: &self.service_tiers,
            lang: self.lang(),
        });
        self.generation += 1;
        self.images.clear();
        self.history.clear();
        self.restore_location();
        // The notes folder's diagram files are drills too.
        self.reload_drill_files();
    }

    /// Runs one command. Public so tests and the CLI can drive the app without clicks.
    pub fn apply(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Navigate(loc) => {
                if loc.note < self.index.notes.len() {
                    self.history.visit(loc);
                    let target = match (loc.block, loc.heading) {
                        (Some(b), _) => ScrollTarget::Block(b),
                        (None, Some(h)) => ScrollTarget::Heading(h),
                        (None, None) => ScrollTarget::Top,
                    };
                    self.scroll_to = Some((loc, target));
                    self.flash = loc.block.map(|b| (loc.note, b, ctx.input(|i| i.time)));
                    self.room = Room::Notes;
                    self.remember_location();
                }
            }
            Command::Back | Command::Forward => {
                let moved = if command == Command::Back {
                    self.history.can_go_back().then(|| self.history.back())
                } else {
                    self.history
                        .can_go_forward()
                        .then(|| self.history.forward())
                };
                if let Some(Some(loc)) = moved {
                    // Back where the place was left, not at its heading again.
                    self.scroll_to = Some((loc, ScrollTarget::Offset(self.history.offset())));
                    self.flash = None;
                    self.remember_location();
                }
            }
            Command::SetTier(key, tier) => self.set_tier(key, tier),
            Command::ShowOpenFolder => {
                let path = self
                    .settings
                    .vault
                    .as_ref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default();
                self.open_folder = Some(ui::top_bar::OpenFolderState {
                    field: ui::path_dialog::PathField::new(path),
                    browse_gave_nothing: false,
                });
            }
            Command::BrowseFolder => {
                let picked = rfd::FileDialog::new()
                    .set_title(self.strings().open_folder_title)
                    .pick_folder();
                match picked {
                    Some(folder) => {
                        self.open_folder = None;
                        self.start_loading(ctx, folder);
                    }
                    None => {
                        if let Some(state) = &mut self.open_folder {
                            state.browse_gave_nothing = true;
                        }
                    }
                }
            }
            Command::LoadFolder(path) => {
                self.open_folder = None;
                self.start_loading(ctx, path);
            }
            Command::LoadBundled => {
                self.loading = None;
                self.settings.vault = None;
                self.install_index(Index::build_with(
                    LoadedVault::bundled(),
                    &|_, _| {},
                    self.parse_options(),
                ));
                self.save_settings();
            }
            Command::SetLang(lang) => {
                self.settings.lang = lang;
                self.save_settings();
                // Diagram drills are written in the interface language.
                self.quiz.rebuild(QuizEnv {
                    index: &self.index,
                    tiers: &self.tiers,
                    service_tiers: &self.service_tiers,
                    lang: self.lang(),
                });
            }
            Command::SetTheme(theme) => {
                self.settings.theme = theme;
                self.save_settings();
            }
            Command::OpenSearch => {
                self.room = Room::Notes;
                self.search
                    .get_or_insert_with(ui::search::SearchState::default);
            }
            Command::SwitchRoom(room) => self.room = room,
            Command::RestoreBackup(file, backup) => self.restore_backup(file, &backup),
            Command::DismissDamage(file) => self.damaged.retain(|p| p.file != file),
            Command::ShowBackups => {
                self.backups = self.config.data_dir.as_ref().map(|dir| {
                    DataFile::ALL
                        .iter()
                        .map(|&f| (f, backup::list(dir, f.file_name())))
                        .collect()
                });
            }
            Command::CloseBackups => self.backups = None,
            Command::ToggleSettings => self.settings_open = !self.settings_open,
            Command::ToggleShortcuts => self.shortcuts_open = !self.shortcuts_open,
            Command::SetStrictLineBreaks(strict) => {
                if self.settings.strict_line_breaks != strict {
                    self.settings.strict_line_breaks = strict;
                    self.save_settings();
                    self.reread_notes(ctx);
                }
            }
            Command::OpenTopic(topic) => {
                if let Some(t) = self.index.topics.get(topic) {
                    let loc = Location {
                        note: t.note,
                        heading: t.heading,
                        block: None,
                    };
                    self.room = Room::Notes;
                    self.apply(ctx, Command::Navigate(loc));
                }
            }
        }
    }

    /// Runs one command of the Quiz room's views, then does what it needs outside the
    /// room (read a file, show a dialog, change room) and saves the progress if it
    /// changed. Public so tests can drive the room without clicks.
    pub fn apply_quiz(&mut self, ctx: &egui::Context, command: QuizCommand) {
        let env = QuizEnv {
            index: &self.index,
            tiers: &self.tiers,
            service_tiers: &self.service_tiers,
            lang: self.lang(),
        };
        match self.quiz.apply(command, env, now_secs()) {
            None => {}
            Some(QuizEffect::OpenTopic(topic)) => self.apply(ctx, Command::OpenTopic(topic)),
            Some(QuizEffect::ReadImport(path)) => self.import_questions(&path),
            Some(QuizEffect::PickImportFile) => {
                if let Some(file) = rfd::FileDialog::new()
                    .add_filter("Markdown", &["md", "markdown"])
                    .pick_file()
                {
                    self.quiz.set_import_path(&file);
                    self.import_questions(&file);
                }
            }
        }
        self.save_progress_if_changed();
    }

    /// Reads a Markdown file of questions and hands it to the Quiz room.
    fn import_questions(&mut self, path: &Path) {
        match std::fs::read(path) {
            Ok(bytes) => {
                let text = String::from_utf8_lossy(&bytes);
                let env = QuizEnv {
                    index: &self.index,
                    tiers: &self.tiers,
                    service_tiers: &self.service_tiers,
                    lang: self.lang(),
                };
                self.quiz.import_text(path, &text, env);
            }
            Err(e) => self.quiz.import_failed(path, &e),
        }
    }

    /// Hands the progress to the saver thread if it changed since the last time; shows
    /// what the saver could not write.
    fn save_progress_if_changed(&mut self) {
        let Some(saver) = &self.progress_saver else {
            return;
        };
        let lang = self.lang();
        self.quiz
            .messages
            .extend(saver.errors().iter().map(|e| e.describe(lang)));
        let revision = self.quiz.progress_revision();
        if revision == self.progress_saved {
            return;
        }
        self.progress_saved = revision;
        if self.progress_writable {
            saver.save(self.quiz.progress().clone());
        }
    }

    /// Blocks until the progress handed to the saver is on disk (on exit).
    pub fn flush_progress(&mut self) {
        self.quiz.save_exam_clock(now_secs());
        self.save_progress_if_changed();
        if let Some(saver) = &self.progress_saver {
            saver.flush();
        }
    }

    fn set_tier(&mut self, key: String, tier: Option<Tier>) {
        match tier {
            Some(t) => {
                self.overrides.tiers.insert(key, t);
            }
            None => {
                self.overrides.tiers.remove(&key);
            }
        }
        self.refresh_tiers();
        self.quiz.refresh_tiers(QuizEnv {
            index: &self.index,
            tiers: &self.tiers,
            service_tiers: &self.service_tiers,
            lang: self.lang(),
        });
        self.overrides.version = Overrides::VERSION;
        if !self.overrides_writable {
            return; // the message about the unreadable file is already shown
        }
        if let Some(dir) = &self.config.data_dir
            && let Err(e) =
                store::save_data(dir, DataFile::Overrides, &self.overrides, store::today())
        {
            self.messages.push(e.describe(self.lang()));
        }
    }

    fn remember_location(&mut self) {
        self.reveal = true;
        self.reveal_frames = 0;
        let Some(loc) = self.history.current() else {
            return;
        };
        let Some(note) = self.index.notes.get(loc.note) else {
            return;
        };
        let place = store::NotePlace {
            note: note.path.clone(),
            heading: loc
                .heading
                .and_then(|h| note.outline.headings.get(h))
                .map(|h| h.text.clone()),
            scroll: self.history.offset(),
        };
        let key = self.place_key();
        self.settings.places.insert(key, place);
    }

    pub(crate) fn save_settings(&mut self) {
        self.settings.version = Settings::VERSION;
        if !self.settings_writable {
            return;
        }
        if let Some(dir) = &self.config.data_dir
            && let Err(e) =
                store::save_data(dir, DataFile::Settings, &self.settings, store::today())
        {
            log::warn!("{e}");
        }
    }

    fn handle_shortcuts(&self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let typing = ctx.text_edit_focused();
        ctx.input_mut(|i| {
            if i.consume_key(Modifiers::NONE, Key::F1)
                || (!typing && i.consume_key(Modifiers::SHIFT, Key::Questionmark))
                || (!typing && i.consume_key(Modifiers::NONE, Key::Questionmark))
            {
                commands.push(Command::ToggleShortcuts);
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Comma)) {
                commands.push(Command::ToggleSettings);
            }
            if (self.settings_open || self.shortcuts_open)
                && i.consume_key(Modifiers::NONE, Key::Escape)
            {
                if self.shortcuts_open {
                    commands.push(Command::ToggleShortcuts);
                } else {
                    commands.push(Command::ToggleSettings);
                }
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::K))
                || i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::P))
            {
                commands.push(Command::OpenSearch);
            }
            if self.room == Room::Notes
                && i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::O))
            {
                commands.push(Command::ShowOpenFolder);
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::ALT, Key::ArrowLeft))
                || i.pointer.button_pressed(PointerButton::Extra1)
            {
                commands.push(Command::Back);
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::ALT, Key::ArrowRight))
                || i.pointer.button_pressed(PointerButton::Extra2)
            {
                commands.push(Command::Forward);
            }
        });
    }

    fn apply_theme(&mut self, ctx: &egui::Context) {
        if self.applied_theme == Some(self.settings.theme) {
            return;
        }
        self.applied_theme = Some(self.settings.theme);
        ctx.set_theme(match self.settings.theme {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        });
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let note = self
            .history
            .current()
            .and_then(|l| self.index.notes.get(l.note))
            .map(|n| n.title.as_str());
        let title = match (self.room, note) {
            (Room::Diagram, _) => format!(
                "aws-study — {}",
                self.diagram.title(self.strings().diagram_untitled)
            ),
            (_, Some(n)) => format!("aws-study — {n}"),
            (_, None) => "aws-study".to_owned(),
        };
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// Draws one frame and applies what it asked for. This is what `eframe::App::ui` calls;
    /// tests call it through `egui_kittest`.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        if let Some(why) = &self.refused {
            let lang = self.lang();
            ui::widgets::refused_ui(ui, &why.describe(lang), lang.strings());
            return;
        }
        let ctx = ui.ctx().clone();
        self.poll_loading();
        self.poll_drill_files();
        self.apply_theme(&ctx);
        let mut commands = Vec::new();
        self.handle_shortcuts(&ctx, &mut commands);
        let s = self.strings();
        let lang = self.lang();
        let now = now_secs();
        self.quiz.prepare(&self.index, &self.tiers, now);
        let mut quiz_commands = Vec::new();

        let top_bar = ui::top_bar::TopBarView {
            can_go_back: self.history.can_go_back(),
            can_go_forward: self.history.can_go_forward(),
            room: self.room,
            due: self.quiz.due_today(),
            settings_open: self.settings_open,
            folder_shown: matches!(self.index.vault.source, VaultSource::Folder(_)),
        };
        egui::Panel::top("top_bar").show(ui, |ui| {
            ui::top_bar::top_bar_ui(ui, &top_bar, lang, &mut commands);
        });
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar_ui(ui, lang));
        self.handle_diagram_close_request(&ctx);
        let mut diagram_commands = Vec::new();
        if self.room == Room::Start {
            let start = self.start_page_ui(ui, lang);
            commands.extend(start.app);
            quiz_commands.extend(start.quiz);
            diagram_commands.extend(start.diagram);
        } else if self.room == Room::Diagram {
            self.open_dropped_diagram(&ctx);
            diagram_commands = self.diagram_room_ui(ui, lang);
        } else if self.room == Room::Quiz {
            egui::CentralPanel::default().show(ui, |ui| {
                self.messages_ui(ui, s);
                ui::quiz::quiz_ui(
                    ui,
                    &mut self.quiz,
                    &self.index,
                    lang,
                    now,
                    &mut quiz_commands,
                );
            });
        } else {
            self.notes_room_ui(ui, s, lang, &mut commands);
        }
        ui::search::search_palette_ui(
            &ctx,
            &mut self.search,
            &self.index,
            &self.tiers,
            s,
            &mut commands,
        );
        ui::top_bar::open_folder_ui(&ctx, &mut self.open_folder, s, &mut commands);
        if let Some(backups) = &self.backups {
            ui::recovery::backups_window_ui(&ctx, backups, s, &mut commands);
        }
        ui::recovery::damaged_files_ui(&ctx, &self.damaged, s, &mut commands);
        if self.settings_open {
            let view = ui::settings::SettingsView {
                lang: self.settings.lang,
                theme: self.settings.theme,
                strict_line_breaks: self.settings.strict_line_breaks,
                folder: match &self.index.vault.source {
                    VaultSource::Folder(p) => Some(p.as_path()),
                    VaultSource::Bundled => None,
                },
                recent_folders: &self.settings.recent_folders,
                data_dir: self.config.data_dir.as_deref(),
                backup_days: backup::KEEP,
                quiz: &self.quiz,
            };
            let mut open = true;
            ui::settings::settings_window_ui(
                &ctx,
                &mut open,
                &view,
                lang,
                &mut commands,
                &mut quiz_commands,
            );
            if !open {
                commands.push(Command::ToggleSettings);
            }
        }
        if self.shortcuts_open {
            let mut open = true;
            ui::settings::shortcuts_window_ui(&ctx, &mut open, s);
            if !open {
                commands.push(Command::ToggleShortcuts);
            }
        }
        // A folder opening animates over several frames: the row to reveal is only in
        // its final place after them, so the sidebar keeps scrolling to it until it has
        // drawn it in view (or gives up: a filter may hide it).
        // Only the Notes room has the sidebar: elsewhere the reveal waits for it. No
        // repaint is asked for: the folder's opening and the scroll animate, which
        // repaints until the row is in place.
        if self.reveal && self.room == Room::Notes {
            self.reveal_frames += 1;
            if self.revealed || self.reveal_frames > REVEAL_FRAMES {
                self.reveal = false;
                self.reveal_frames = 0;
            }
        }
        self.revealed = false;
        for command in diagram_commands {
            self.apply_diagram(&ctx, command);
        }
        for command in commands {
            self.apply(&ctx, command);
        }
        if !quiz_commands.is_empty() {
            // The room changed after drawing: show it.
            ctx.request_repaint();
        }
        for command in quiz_commands {
            self.apply_quiz(&ctx, command);
        }
        self.save_progress_if_changed();
        self.autosave_diagram(&ctx);
        self.update_title(&ctx);
        if self.loading.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }

    /// The start page, with today's figures from the Quiz room.
    fn start_page_ui(&mut self, ui: &mut egui::Ui, lang: Lang) -> ui::start::StartCommands {
        self.quiz.prepare_start(now_secs());
        // The most asked tier; among those, a topic whose note states it (the author's
        // exam note) before one that takes the catalog's default.
        let top_topic = self
            .tier_origins
            .iter()
            .enumerate()
            .filter_map(|(t, o)| {
                o.map(|(tier, origin)| (tier, !matches!(origin, TierOrigin::Notes(_)), t))
            })
            .min()
            .and_then(|(tier, _, t)| {
                self.index
                    .topics
                    .get(t)
                    .map(|topic| (t, &*topic.title, tier))
            });
        let weakest = self
            .quiz
            .stats()
            .map(|st| {
                st.weakest
                    .iter()
                    .take(5)
                    .map(|(name, right, total)| {
                        let topic = crate::quiz::room::topic_for_service(&self.index, name);
                        (name.as_str(), *right, *total, topic)
                    })
                    .collect()
            })
            .unwrap_or_default();
        let view = ui::start::StartView {
            top_topic,
            topics: (
                self.index.topics.len(),
                self.tiers.iter().filter(|t| t.is_some()).count(),
            ),
            quiz: &self.quiz,
            weakest,
        };
        let mut out = ui::start::StartCommands::default();
        let messages = &mut self.messages;
        egui::CentralPanel::default().show(ui, |ui| {
            ui::widgets::messages_ui(ui, messages, lang.strings().dismiss);
            ui::start::start_ui(ui, &view, lang, &mut out);
        });
        out
    }

    fn notes_room_ui(
        &mut self,
        ui: &mut egui::Ui,
        s: &Strings,
        lang: Lang,
        commands: &mut Vec<Command>,
    ) {
        egui::Panel::left("sidebar")
            .default_size(300.0)
            .size_range(200.0..=600.0)
            .show(ui, |ui| {
                let revealed = std::cell::Cell::new(false);
                let view = ui::sidebar::NotesView {
                    index: &self.index,
                    tiers: &self.tier_origins,
                    tree: &self.note_tree,
                    current: self.history.current(),
                    reveal: self.reveal,
                    revealed: &revealed,
                };
                ui::sidebar::sidebar_ui(ui, &mut self.sidebar, &view, s, lang, commands);
                self.revealed = revealed.get();
            });
        egui::CentralPanel::default().show(ui, |ui| {
            self.messages_ui(ui, s);
            let current = self.history.current();
            let scroll = self
                .scroll_to
                .take()
                .filter(|(l, _)| Some(*l) == current)
                .map(|(_, target)| target);
            let now = ui.input(|i| i.time);
            let flash = self.flash.and_then(|(note, block, since)| {
                let left = 1.0 - (now - since) / FLASH_SECS;
                (current.is_some_and(|c| c.note == note) && left > 0.0).then(|| {
                    ui.ctx().request_repaint();
                    #[allow(clippy::cast_possible_truncation)]
                    (block, left as f32)
                })
            });
            if flash.is_none() {
                self.flash = None;
            }
            let mut note_ctx = ui::markdown::NoteCtx {
                index: &self.index,
                tiers: &self.tier_origins,
                lang,
                generation: self.generation,
                images: &mut self.images,
                commands,
                scroll,
                flash,
                offset: self.history.offset(),
                embed_stack: Vec::new(),
                embed_budget: ui::markdown::EMBED_BUDGET,
            };
            match current {
                Some(loc) => ui::markdown::note_page_ui(ui, &mut note_ctx, loc.note),
                None => {
                    ui.centered_and_justified(|ui| ui.label(s.empty_vault));
                }
            }
            let offset = note_ctx.offset;
            if let (Some(ScrollTarget::Block(b)), Some(loc)) = (note_ctx.scroll, current) {
                // Not in place yet (the blocks above were estimated): again next frame.
                self.scroll_retries += 1;
                if self.scroll_retries < MAX_SCROLL_RETRIES {
                    self.scroll_to = Some((loc, ScrollTarget::Block(b)));
                    ui.ctx().request_repaint();
                }
            } else {
                self.scroll_retries = 0;
            }
            if current.is_some() && (offset - self.history.offset()).abs() > 0.5 {
                self.history.set_offset(offset);
                let key = self.place_key();
                if let Some(place) = self.settings.places.get_mut(&key) {
                    place.scroll = offset;
                }
            }
            ui::markdown::image_viewer_ui(ui.ctx(), &mut self.images, lang);
            // Textures of images not shown this frame are freed once over the budget.
            self.images.end_frame();
        });
    }

    fn status_bar_ui(&self, ui: &mut egui::Ui, lang: Lang) {
        let s = lang.strings();
        ui.horizontal(|ui| {
            let source = match &self.index.vault.source {
                VaultSource::Bundled => s.bundled_notes.to_owned(),
                VaultSource::Folder(p) => p.display().to_string(),
            };
            ui.label(egui::RichText::new(source).weak());
            ui.separator();
            let with_tier = (0..self.index.topics.len())
                .filter(|&t| self.topic_tier(t).is_some())
                .count();
            ui.label(format!(
                "{} · {} · {with_tier} {}",
                lang.count(self.index.notes.len(), s.notes_one, s.notes),
                lang.count(self.index.topics.len(), s.topics_one, s.topics),
                s.with_tier
            ));
            let skipped = self.index.vault.skipped.len();
            if skipped > 0 {
                ui.separator();
                let list: Vec<String> = self
                    .index
                    .vault
                    .skipped
                    .iter()
                    .take(30)
                    .map(|(p, r)| lang.labelled(p, &r.describe(lang)))
                    .collect();
                ui.label(lang.count(skipped, s.skipped_file, s.skipped_files))
                    .on_hover_text(list.join("\n"));
            }
            if let Some(loading) = &self.loading {
                ui.separator();
                let done = loading.progress.0.load(Ordering::Relaxed);
                let total = loading.progress.1.load(Ordering::Relaxed).max(1);
                #[allow(clippy::cast_precision_loss)]
                let fraction = done as f32 / total as f32;
                ui.add(
                    egui::ProgressBar::new(fraction)
                        .desired_width(200.0)
                        .text(format!("{} {}", s.indexing, loading.path.display())),
                );
            }
        });
    }

    fn messages_ui(&mut self, ui: &mut egui::Ui, s: &Strings) {
        ui::widgets::messages_ui(ui, &mut self.messages, s.dismiss);
    }
}

/// Loads a data file through [`store::load_data`] (which also takes today's backup),
/// collecting its problem for [`AwsStudyApp::report`]. Returns the value (default when
/// missing or damaged) and whether the file may be written back.
fn load_or_report<T: serde::de::DeserializeOwned + Versioned + Default>(
    dir: Option<&PathBuf>,
    file: DataFile,
    problems: &mut Vec<Problem>,
) -> (T, bool) {
    let Some(dir) = dir else {
        return (T::default(), false);
    };
    let loaded = store::load_data::<T>(dir, file, store::today());
    problems.extend(loaded.problem);
    (loaded.value, loaded.writable)
}

impl eframe::App for AwsStudyApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        Self::ui(self, ui);
    }

    fn save(&mut self, _storage: &mut dyn eframe::Storage) {
        self.save_state();
    }
}

/// Reads the question bank, `progress.ron` and the files imported in earlier runs into a
/// Quiz room (its messages in `lang`). Returns the room and whether `progress.ron` may be
/// written.
fn load_quiz(dir: Option<&PathBuf>, lang: Lang, problems: &mut Vec<Problem>) -> (QuizRoom, bool) {
    let mut messages = Vec::new();
    let bank = crate::quiz::bank::bundled().unwrap_or_else(|e| {
        // A bundled bank that does not load is a bug: its details stay technical.
        messages.push(lang.labelled(lang.strings().bank_problem, &e.to_string()));
        Vec::new()
    });
    let (progress, writable) = load_or_report::<Progress>(dir, DataFile::Progress, problems);
    let mut room = QuizRoom::new(bank, progress, u64::try_from(now_secs()).unwrap_or(0));
    for path in room.imports().to_vec() {
        match std::fs::read(&path) {
            Ok(bytes) => room.restore_import(&path, &String::from_utf8_lossy(&bytes)),
            Err(e) => messages.push(fill(
                lang.strings().err_read,
                &[("path", &path.display()), ("why", &e.describe(lang))],
            )),
        }
    }
    room.messages = messages;
    (room, writable)
}
