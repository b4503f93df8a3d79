//! User data on disk: small versioned RON files in the platform data directory, written
//! atomically ([`atomic`]: a `tempfile` in the same folder, synced, renamed, folder synced) so
//! a crash mid-write never leaves half a file, copied once a day into rotating backups
//! ([`backup`]), and guarded by a single-instance lock ([`lock`]); [`saver`] writes off the UI thread.
//!
//! A file that exists but cannot be read or parsed is never overwritten: it is moved aside
//! (`name.corrupt-<unix time>`) and [`load_data`] reports it with the newest readable backup,
//! so the user loses nothing silently and can get it back in one click. The app keeps its
//! settings, the user's frequency-tier overrides and the quiz progress here; nothing is ever
//! written into the notes themselves.

pub mod atomic;
pub mod backup;
pub mod lock;
pub mod saver;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::frequency::Tier;

/// Why user data could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file exists but could not be read.
    #[error("could not read {}: {source}", .path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file could not be parsed; it was moved to `kept_as` (if that worked).
    #[error(
        "{} is damaged ({reason}); {} and defaults are used",
        .path.display(),
        .kept_as.as_ref().map_or_else(
            || "it could not be moved aside, so it is left in place".to_owned(),
            |k| format!("it was kept as {}", k.display()),
        )
    )]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// The parse error.
        reason: String,
        /// Where the damaged file now is.
        kept_as: Option<PathBuf>,
    },
    /// The file was written by a newer version of the app; it is left untouched.
    #[error(
        "{} was written by a newer aws-study (format {found}, this one reads {supported}); it is left untouched",
        .path.display()
    )]
    TooNew {
        /// The file.
        path: PathBuf,
        /// Version found.
        found: u32,
        /// Newest version this build reads.
        supported: u32,
    },
    /// Writing failed (the previous file, if any, is intact).
    #[error("could not save {}: {source}", .path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// Serialising failed (a bug).
    #[error("could not encode {}: {reason}", .path.display())]
    Encode {
        /// The file.
        path: PathBuf,
        /// The encoder's message.
        reason: String,
    },
}

/// Something with a format version, so old files are read and newer ones refused.
pub trait Versioned {
    /// Newest format this build writes and reads.
    const VERSION: u32;
    /// The version stored in this value.
    fn version(&self) -> u32;
}

/// Reads a RON file. `Ok(None)` when it does not exist. A damaged file is moved aside.
///
/// # Errors
/// See [`StoreError`]; the file is never modified except for being renamed when corrupt.
pub fn load<T: DeserializeOwned + Versioned>(path: &Path) -> Result<Option<T>, StoreError> {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(StoreError::Read {
                path: path.to_owned(),
                source,
            });
        }
    };
    match ron::from_str::<T>(&text) {
        Ok(value) if value.version() > T::VERSION => Err(StoreError::TooNew {
            path: path.to_owned(),
            found: value.version(),
            supported: T::VERSION,
        }),
        Ok(value) => Ok(Some(value)),
        Err(e) => {
            // A newer file may not parse with our struct: look at its version first so we
            // refuse it instead of moving it aside.
            if let Some(found) = sniff_version(&text).filter(|v| *v > T::VERSION) {
                return Err(StoreError::TooNew {
                    path: path.to_owned(),
                    found,
                    supported: T::VERSION,
                });
            }
            let kept_as = keep_aside(path);
            Err(StoreError::Corrupt {
                path: path.to_owned(),
                reason: e.to_string(),
                kept_as,
            })
        }
    }
}

/// Finds `version: N` in a RON document that does not otherwise parse, so a file from a
/// newer version is refused (and left alone) rather than treated as damaged.
#[must_use]
pub fn sniff_version(text: &str) -> Option<u32> {
    let rest = &text[text.find("version")? + "version".len()..];
    let rest = rest.trim_start().strip_prefix(':')?.trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

fn keep_aside(path: &Path) -> Option<PathBuf> {
    let secs = now_secs();
    let name = path.file_name()?.to_string_lossy();
    // Never over an earlier damaged copy (two in the same second).
    let aside = (0..100)
        .map(|n| match n {
            0 => path.with_file_name(format!("{name}.corrupt-{secs}")),
            n => path.with_file_name(format!("{name}.corrupt-{secs}-{n}")),
        })
        .find(|p| !p.exists())?;
    fs::rename(path, &aside).ok().map(|()| aside)
}

/// Writes `value` as pretty RON to `path` atomically (see [`atomic::write`]).
///
/// # Errors
/// [`StoreError::Write`] or [`StoreError::Encode`]; the previous file is then intact.
pub fn save<T: Serialize>(path: &Path, value: &T) -> Result<(), StoreError> {
    let text =
        ron::ser::to_string_pretty(value, ron::ser::PrettyConfig::default()).map_err(|e| {
            StoreError::Encode {
                path: path.to_owned(),
                reason: e.to_string(),
            }
        })?;
    atomic::write(path, text.as_bytes()).map_err(|source| StoreError::Write {
        path: path.to_owned(),
        source,
    })
}

/// The user's data files, each backed up daily and offered back when damaged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DataFile {
    /// `progress.ron`: the quiz reviews, answers and exams.
    Progress,
    /// `settings.ron`.
    Settings,
    /// `frequency-overrides.ron`: the user's own exam-frequency tiers.
    Overrides,
}

impl DataFile {
    /// Every data file, in the order the restore window lists them.
    pub const ALL: [Self; 3] = [Self::Progress, Self::Settings, Self::Overrides];

    /// The file name inside the data directory.
    #[must_use]
    pub fn file_name(self) -> &'static str {
        match self {
            Self::Progress => crate::quiz::progress::Progress::FILE,
            Self::Settings => Settings::FILE,
            Self::Overrides => Overrides::FILE,
        }
    }
}

/// What [`load_data`] found: the value to use, whether it may be saved over, and the problem
/// to show, if any.
#[derive(Debug)]
pub struct Loaded<T> {
    /// The file's content, or the default when missing or unreadable.
    pub value: T,
    /// False when the file exists but could not be read and is still in place: never
    /// overwrite it.
    pub writable: bool,
    /// What went wrong, for the user.
    pub problem: Option<Problem>,
}

/// A data file that could not be loaded, as shown to the user.
#[derive(Debug)]
pub struct Problem {
    /// Which file.
    pub file: DataFile,
    /// The error (its text names the file).
    pub error: StoreError,
    /// The newest backup that parses, offered at once when the file is damaged.
    pub backup: Option<backup::Backup>,
}

impl Problem {
    /// True when the file is damaged (rather than unreadable or too new).
    #[must_use]
    pub fn is_damaged(&self) -> bool {
        matches!(self.error, StoreError::Corrupt { .. })
    }
}

/// Deletes temporary files of [`atomic::write`] left by a crash between creating and renaming
/// them (`.progress.ron.XXXXXX.tmp`). Only called at load time, when the single-instance lock
/// guarantees no save of this file is under way.
fn remove_stale_temporaries(data_dir: &Path, name: &str) {
    let prefix = format!(".{name}.");
    let Ok(entries) = fs::read_dir(data_dir) else {
        return;
    };
    for entry in entries.flatten() {
        let n = entry.file_name();
        let n = n.to_string_lossy();
        if n.starts_with(&prefix) && n.ends_with(".tmp") {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// True when the file at `path` parses as a `T` this build reads.
fn readable<T: DeserializeOwned + Versioned>(path: &Path) -> bool {
    fs::read_to_string(path)
        .ok()
        .and_then(|t| ron::from_str::<T>(&t).ok())
        .is_some_and(|v| v.version() <= T::VERSION)
}

/// The one way the app loads a data file: reads `data_dir/file`, takes today's backup when it
/// loaded fine, and otherwise says what happened and which backup can replace it.
#[must_use]
pub fn load_data<T: DeserializeOwned + Versioned + Default>(
    data_dir: &Path,
    file: DataFile,
    today: NaiveDate,
) -> Loaded<T> {
    let name = file.file_name();
    remove_stale_temporaries(data_dir, name);
    match load::<T>(&data_dir.join(name)) {
        Ok(value) => {
            if let Err(e) = backup::take_daily(data_dir, name, today) {
                log::warn!("backup of {name}: {e}");
            }
            Loaded {
                value: value.unwrap_or_default(),
                writable: true,
                problem: None,
            }
        }
        Err(error) => {
            // Writable only if a damaged file was moved aside; never overwrite it.
            let writable = matches!(
                error,
                StoreError::Corrupt {
                    kept_as: Some(_),
                    ..
                }
            );
            let backups = backup::list(data_dir, name);
            let backup = backup::newest_readable(&backups, readable::<T>).cloned();
            Loaded {
                value: T::default(),
                writable,
                problem: Some(Problem {
                    file,
                    error,
                    backup,
                }),
            }
        }
    }
}

/// Saves `value` as `data_dir/file`, first copying the file as it was into today's backup
/// (once a day).
///
/// # Errors
/// As [`save`]; a failed backup is only logged.
pub fn save_data<T: Serialize>(
    data_dir: &Path,
    file: DataFile,
    value: &T,
    today: NaiveDate,
) -> Result<(), StoreError> {
    let name = file.file_name();
    if let Err(e) = backup::take_daily(data_dir, name, today) {
        log::warn!("backup of {name}: {e}");
    }
    save(&data_dir.join(name), value)
}

/// What [`restore`] did.
#[derive(Debug)]
pub struct Restored<T> {
    /// The content now in the file.
    pub value: T,
    /// Where the file it replaced was kept, if there was one.
    pub kept_as: Option<PathBuf>,
}

/// Puts a backup back as `data_dir/file`. The backup must parse; the file it replaces (if
/// any) is first moved aside as `name.replaced-<unix time>`, so nothing is lost.
///
/// # Errors
/// The backup is unreadable or damaged, or the file could not be written.
pub fn restore<T: DeserializeOwned + Versioned>(
    data_dir: &Path,
    file: DataFile,
    backup: &Path,
) -> Result<Restored<T>, StoreError> {
    let path = data_dir.join(file.file_name());
    let text = fs::read_to_string(backup).map_err(|source| StoreError::Read {
        path: backup.to_owned(),
        source,
    })?;
    let value = match ron::from_str::<T>(&text) {
        Ok(v) if v.version() > T::VERSION => {
            return Err(StoreError::TooNew {
                path: backup.to_owned(),
                found: v.version(),
                supported: T::VERSION,
            });
        }
        Ok(v) => v,
        Err(e) => {
            return Err(StoreError::Corrupt {
                path: backup.to_owned(),
                reason: e.to_string(),
                kept_as: Some(backup.to_owned()),
            });
        }
    };
    let kept_as = if path.exists() {
        let secs = now_secs();
        let name = file.file_name();
        let aside = data_dir.join(format!("{name}.replaced-{secs}"));
        fs::rename(&path, &aside).map_err(|source| StoreError::Write {
            path: path.clone(),
            source,
        })?;
        Some(aside)
    } else {
        None
    };
    atomic::write(&path, text.as_bytes()).map_err(|source| StoreError::Write {
        path: path.clone(),
        source,
    })?;
    Ok(Restored { value, kept_as })
}

fn now_secs() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Today in the local time zone: the day backups are named after.
#[must_use]
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// The folder where aws-study keeps user data (`~/.local/share/aws-study` on Linux,
/// `%APPDATA%\aws-study` on Windows, `~/Library/Application Support/aws-study` on macOS).
#[must_use]
pub fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "aws-study").map(|d| d.data_dir().to_owned())
}

/// The user's own exam-frequency tiers, keyed by topic key (`note path#heading`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Overrides {
    /// Format version.
    pub version: u32,
    /// Topic key → tier chosen by the user.
    pub tiers: BTreeMap<String, Tier>,
}

impl Versioned for Overrides {
    const VERSION: u32 = 1;
    fn version(&self) -> u32 {
        self.version
    }
}

impl Overrides {
    /// File name inside the data directory.
    pub const FILE: &'static str = "frequency-overrides.ron";
}

/// Interface language choice.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum LangChoice {
    /// Follow the system locale.
    #[default]
    System,
    /// Français.
    Fr,
    /// English.
    En,
}

/// Theme choice.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Follow the system.
    #[default]
    System,
    /// Light.
    Light,
    /// Dark.
    Dark,
}

/// Settings and where the user was, restored at the next start.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Format version.
    pub version: u32,
    /// Interface language.
    pub lang: LangChoice,
    /// Theme.
    pub theme: ThemeChoice,
    /// The notes folder the user opened, `None` for the bundled notes.
    pub vault: Option<PathBuf>,
    /// Path of the last note shown, relative to the vault (files of version 1; now kept
    /// per notes folder in [`Settings::places`]).
    pub last_note: Option<String>,
    /// Heading text of the last topic shown in that note (version 1, as `last_note`).
    pub last_heading: Option<String>,
    /// The diagram file open in the Diagram room when the app closed, reopened at start.
    #[serde(default)]
    pub last_diagram: Option<PathBuf>,
    /// Where the user was in each set of notes, by [`place_key`]: switching to another
    /// folder and back (or to the bundled notes and back) returns to the same place.
    pub places: BTreeMap<String, NotePlace>,
    /// Notes folders opened before, the newest first (at most [`RECENT_FOLDERS`]).
    pub recent_folders: Vec<PathBuf>,
    /// The room shown when the app closed; `None` on a first start (the start page).
    pub room: Option<crate::command::Room>,
    /// The Quiz room's page when the app closed.
    pub quiz_page: QuizPage,
    /// Read notes as strict `CommonMark`: a single line break joins lines (Obsidian's
    /// default, off, keeps them).
    pub strict_line_breaks: bool,
    /// Diagram files opened or saved in the Diagram room, most recent first (diagram
    /// drills are made from them).
    #[serde(default)]
    pub recent_diagrams: Vec<PathBuf>,
}

/// Where the user was in one set of notes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NotePlace {
    /// Path of the note, relative to its folder.
    pub note: String,
    /// Heading text of the topic shown, if any.
    pub heading: Option<String>,
    /// How far the note was scrolled (points).
    pub scroll: f32,
}

/// The key of a set of notes in [`Settings::places`]: `""` for the bundled notes, the
/// folder's path otherwise.
#[must_use]
pub fn place_key(folder: Option<&std::path::Path>) -> String {
    folder.map(|p| p.display().to_string()).unwrap_or_default()
}

/// Most folders kept in [`Settings::recent_folders`].
pub const RECENT_FOLDERS: usize = 6;

/// The Quiz room's pages that are worth coming back to (a session or an exam in progress
/// is kept in the progress file).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum QuizPage {
    /// The room's home.
    #[default]
    Home,
    /// Statistics.
    Stats,
    /// The study plan.
    Plan,
}

impl Settings {
    /// Upgrades what a version-1 file held: its single place becomes the place of the
    /// folder it was about.
    pub fn migrate(&mut self) {
        if let Some(note) = self.last_note.take() {
            let key = place_key(self.vault.as_deref());
            self.places.entry(key).or_insert(NotePlace {
                note,
                heading: self.last_heading.take(),
                scroll: 0.0,
            });
        }
        self.last_heading = None;
    }

    /// Records that `folder` was opened: first in the recent list, once.
    pub fn add_recent_folder(&mut self, folder: &std::path::Path) {
        self.recent_folders.retain(|f| f != folder);
        self.recent_folders.insert(0, folder.to_owned());
        self.recent_folders.truncate(RECENT_FOLDERS);
    }
}

impl Versioned for Settings {
    const VERSION: u32 = 1;
    fn version(&self) -> u32 {
        self.version
    }
}

impl Settings {
    /// File name inside the data directory.
    pub const FILE: &'static str = "settings.ron";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_file_is_none() {
        let dir = tempfile::tempdir().expect("tempdir");
        let got: Option<Overrides> = load(&dir.path().join("x.ron")).expect("load");
        assert!(got.is_none());
    }

    #[test]
    fn round_trip() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("sub").join(Overrides::FILE);
        let mut o = Overrides {
            version: Overrides::VERSION,
            ..Overrides::default()
        };
        o.tiers
            .insert("a.md#CloudFormation".into(), Tier::TresFrequent);
        save(&path, &o).expect("save");
        let back: Overrides = load(&path).expect("load").expect("present");
        assert_eq!(back, o);
        assert!(!path.with_extension("ron.tmp").exists());
    }

    #[test]
    fn corrupt_file_is_kept_aside_not_overwritten() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join(Settings::FILE);
        fs::write(&path, "(version: 1, lang: Klingon").expect("write");
        let err = load::<Settings>(&path).expect_err("corrupt");
        let StoreError::Corrupt {
            kept_as: Some(kept),
            ..
        } = err
        else {
            panic!("expected Corrupt, got {err:?}");
        };
        assert_eq!(
            fs::read_to_string(kept).expect("kept"),
            "(version: 1, lang: Klingon"
        );
        assert!(!path.exists());
    }

    #[test]
    fn newer_version_is_refused_and_left_untouched() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join(Overrides::FILE);
        let text = "(version: 7, tiers: {}, shiny_new_field: 3)";
        fs::write(&path, text).expect("write");
        let err = load::<Overrides>(&path).expect_err("too new");
        assert!(
            matches!(err, StoreError::TooNew { found: 7, .. }),
            "{err:?}"
        );
        assert_eq!(fs::read_to_string(&path).expect("still there"), text);
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).expect("date")
    }

    fn settings(lang: LangChoice) -> Settings {
        Settings {
            version: Settings::VERSION,
            lang,
            ..Settings::default()
        }
    }

    #[test]
    fn corrupt_message_names_where_the_file_went() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join(Settings::FILE);
        fs::write(&path, "(oops").expect("write");
        let text = load::<Settings>(&path).expect_err("corrupt").to_string();
        assert!(text.contains("it was kept as /"), "{text}");
        assert!(!text.contains("Some("), "{text}");
    }

    #[test]
    fn damaged_file_offers_the_newest_readable_backup() {
        let dir = tempfile::tempdir().expect("tempdir");
        for (d, lang) in [(1, LangChoice::Fr), (2, LangChoice::En)] {
            save_data(dir.path(), DataFile::Settings, &settings(lang), day(d)).expect("save");
        }
        // Day 3 starts: yesterday's state is backed up, then a crash mangles the file and
        // the newest backup was damaged too.
        save_data(
            dir.path(),
            DataFile::Settings,
            &settings(LangChoice::Fr),
            day(3),
        )
        .expect("save");
        let backups = backup::list(dir.path(), Settings::FILE);
        assert_eq!(backups.len(), 2, "{backups:?}");
        fs::write(&backups[0].path, "(truncat").expect("damage backup");
        fs::write(dir.path().join(Settings::FILE), "(version: 1, la").expect("damage");

        let loaded = load_data::<Settings>(dir.path(), DataFile::Settings, day(4));
        assert_eq!(loaded.value, Settings::default());
        assert!(loaded.writable, "moved aside, so saving is safe");
        let problem = loaded.problem.expect("problem");
        assert!(problem.is_damaged());
        let offered = problem.backup.expect("a readable backup");
        assert_eq!(offered.day, day(2));
        assert_eq!(
            backup::list(dir.path(), Settings::FILE).len(),
            2,
            "no backup is taken of a damaged file"
        );

        let restored =
            restore::<Settings>(dir.path(), DataFile::Settings, &offered.path).expect("restore");
        assert_eq!(
            restored.value,
            settings(LangChoice::Fr),
            "day 2 began in French"
        );
        assert_eq!(restored.kept_as, None, "the damaged file was already aside");
        let back = load_data::<Settings>(dir.path(), DataFile::Settings, day(4));
        assert!(back.problem.is_none());
        assert_eq!(back.value, settings(LangChoice::Fr));
    }

    #[test]
    fn restore_keeps_the_replaced_file_and_refuses_a_bad_backup() {
        let dir = tempfile::tempdir().expect("tempdir");
        save_data(
            dir.path(),
            DataFile::Settings,
            &settings(LangChoice::Fr),
            day(1),
        )
        .expect("save");
        save_data(
            dir.path(),
            DataFile::Settings,
            &settings(LangChoice::En),
            day(2),
        )
        .expect("save");
        let backup = &backup::list(dir.path(), Settings::FILE)[0];
        let restored =
            restore::<Settings>(dir.path(), DataFile::Settings, &backup.path).expect("restore");
        let kept = restored.kept_as.expect("replaced file kept");
        assert!(fs::read_to_string(kept).expect("kept").contains("En"));

        let bad = dir.path().join("bad.ron");
        fs::write(&bad, "(nope").expect("write");
        let before = fs::read_to_string(dir.path().join(Settings::FILE)).expect("read");
        assert!(restore::<Settings>(dir.path(), DataFile::Settings, &bad).is_err());
        assert_eq!(
            fs::read_to_string(dir.path().join(Settings::FILE)).expect("read"),
            before
        );
    }

    #[test]
    fn a_newer_file_is_neither_overwritten_nor_offered_a_backup_over_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::write(dir.path().join(Overrides::FILE), "(version: 9)").expect("write");
        let loaded = load_data::<Overrides>(dir.path(), DataFile::Overrides, day(1));
        assert!(!loaded.writable);
        assert!(!loaded.problem.expect("problem").is_damaged());
    }
}
