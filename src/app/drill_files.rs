//! The app's side of the diagram drills: which of the student's diagram files they are
//! made from (the files opened or saved in the Diagram room, most recent first, and the
//! diagram files of the notes folder, draw.io files included), read in a worker thread
//! with [`crate::quiz::drills::read_files`] and handed to the Quiz room when ready. A file
//! that cannot be read is skipped and named in the Quiz room's messages.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use super::AwsStudyApp;
use crate::quiz::drills::{self, DrillFile, DrillSource};
use crate::quiz::room::QuizEnv;

/// Files remembered as recently opened or saved in the Diagram room.
pub const RECENT_DIAGRAMS: usize = 10;

/// The thread reading the files, and the context it wakes when done.
pub struct DrillFiles {
    ctx: egui::Context,
    rx: Option<mpsc::Receiver<(Vec<DrillSource>, Vec<String>)>>,
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
        let files = self.drill_files();
        let lang = self.lang();
        if files.is_empty() {
            self.drill_files.rx = None;
            self.install_drill_sources(Vec::new(), Vec::new());
            return;
        }
        let (tx, rx) = mpsc::channel();
        let thread_ctx = self.drill_files.ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("drill-diagrams".into())
            .spawn(move || {
                let _ = tx.send(drills::read_files(&files, lang));
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
        let Ok((sources, problems)) = rx.try_recv() else {
            return;
        };
        self.drill_files.rx = None;
        self.install_drill_sources(sources, problems);
    }

    fn install_drill_sources(&mut self, sources: Vec<DrillSource>, problems: Vec<String>) {
        for p in &problems {
            log::warn!("{p}");
        }
        self.quiz.messages.extend(problems);
        self.quiz.set_drill_sources(
            sources,
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
