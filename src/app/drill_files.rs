//! The app's side of the diagram drills: which of the student's diagram files they are
//! made from (the files opened or saved in the Diagram room, most recent first, and the
//! diagram files of the notes folder, draw.io files included), read and turned into drills
//! in a worker thread ([`crate::quiz::drills::read_files`], [`DrillSet::build`]) and
//! handed to the Quiz room when ready. A file that cannot be read is skipped and named in
//! the Quiz room's messages.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use super::AwsStudyApp;
use crate::quiz::drills::{self, DrillFile, DrillSet};
use crate::quiz::room::QuizEnv;

/// Files remembered as recently opened or saved in the Diagram room.
pub const RECENT_DIAGRAMS: usize = 10;

/// The thread reading the files, and the context it wakes when done.
pub struct DrillFiles {
    ctx: egui::Context,
    rx: Option<mpsc::Receiver<(DrillSet, Vec<String>)>>,
}

impl DrillFiles {
    /// No read under way; a read wakes `ctx` when it is done.
    pub fn new(ctx: &egui::Context) -> Self {
        Self {
            ctx: ctx.clone(),
            rx: None,
        }
    }
}

impl AwsStudyApp {
    /// The diagram files drills are made from: the recent ones, then those of the notes
    /// folder (each file once).
    fn drill_files(&self) -> Vec<DrillFile> {
        let mut files: Vec<DrillFile> = Vec::new();
        let mut push = |file: DrillFile| {
            if !files
                .iter()
                .any(|f| f.path == file.path || f.key == file.key)
            {
                files.push(file);
            }
        };
        for path in &self.settings.recent_diagrams {
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            push(DrillFile::new(&name, path.clone()));
        }
        if let Some(root) = self.index.vault.root() {
            for rel in &self.index.vault.attachments {
                if drills::is_diagram_file(rel) {
                    push(DrillFile::new(rel, root.join(rel)));
                }
            }
        }
        files
    }

    /// Reads the student's diagram files again (after a start, a notes folder loaded, a
    /// diagram opened or saved), in a worker thread; [`Self::poll_drill_files`] hands
    /// them to the Quiz room. A read under way is forgotten.
    pub(super) fn reload_drill_files(&mut self) {
        // A recent file moved or deleted since is forgotten, not reported at every start.
        let before = self.settings.recent_diagrams.len();
        self.settings.recent_diagrams.retain(|p| p.exists());
        if self.settings.recent_diagrams.len() != before {
            self.save_settings();
        }
        let files = self.drill_files();
        let lang = self.lang();
        if files.is_empty() {
            // The templates' drills alone, written when the room rebuilds.
            self.drill_files.rx = None;
            if !self.quiz.drill_sources().is_empty() {
                self.install_drills(DrillSet::build(Vec::new(), lang), Vec::new());
            }
            return;
        }
        let (tx, rx) = mpsc::channel();
        let thread_ctx = self.drill_files.ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("drill-diagrams".into())
            .spawn(move || {
                let (sources, problems) = drills::read_files(&files, lang);
                let _ = tx.send((DrillSet::build(sources, lang), problems));
                thread_ctx.request_repaint();
            });
        match spawned {
            Ok(_) => self.drill_files.rx = Some(rx),
            Err(e) => log::warn!("diagram drills: {e}"),
        }
    }

    /// Installs the diagrams read by the worker, if it is done.
    pub(super) fn poll_drill_files(&mut self) {
        let Some(rx) = &self.drill_files.rx else {
            return;
        };
        let Ok((set, problems)) = rx.try_recv() else {
            return;
        };
        self.drill_files.rx = None;
        self.install_drills(set, problems);
    }

    fn install_drills(&mut self, set: DrillSet, problems: Vec<String>) {
        for p in &problems {
            log::warn!("{p}");
        }
        self.quiz.messages.extend(problems);
        // Written in another language meanwhile: the room writes them again.
        self.quiz.set_drills(
            set,
            QuizEnv {
                index: &self.index,
                tiers: &self.tiers,
                service_tiers: &self.service_tiers,
                lang: self.lang(),
            },
        );
    }

    /// Remembers a diagram file opened or saved in the Diagram room, first in the recent
    /// list (drills are made from it).
    pub(super) fn remember_recent_diagram(&mut self, path: &Path) {
        let path: PathBuf = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        let recent = &mut self.settings.recent_diagrams;
        if recent.first() == Some(&path) {
            return;
        }
        recent.retain(|p| p != &path);
        recent.insert(0, path);
        recent.truncate(RECENT_DIAGRAMS);
        self.save_settings();
    }
}
