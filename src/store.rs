//! User data on disk: small versioned RON files in the platform data directory, written
//! atomically (temporary file + rename) so a crash mid-write never leaves half a file.
//!
//! A file that exists but cannot be read or parsed is never overwritten: it is moved aside
//! (`name.corrupt-<unix time>.ron`) and the caller gets a [`StoreError`] with a message to
//! show, so the user loses nothing silently. The app keeps its settings and the user's
//! frequency-tier overrides here; nothing is ever written into the notes themselves.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::frequency::Tier;

/// Why user data could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file exists but could not be read.
    #[error("could not read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file could not be parsed; it was moved to `kept_as` (if that worked).
    #[error("{path} is damaged ({reason}); it was kept as {kept_as:?} and defaults are used")]
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
        "{path} was written by a newer aws-study (format {found}, this one reads {supported}); it is left untouched"
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
    #[error("could not save {path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// Serialising failed (a bug).
    #[error("could not encode {path}: {reason}")]
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
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let name = path.file_name()?.to_string_lossy();
    let aside = path.with_file_name(format!("{name}.corrupt-{secs}"));
    fs::rename(path, &aside).ok().map(|()| aside)
}

/// Writes `value` as pretty RON to `path` atomically: a temporary file in the same folder,
/// flushed to disk, then renamed over the old file.
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
    let write_err = |source| StoreError::Write {
        path: path.to_owned(),
        source,
    };
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(write_err)?;
    }
    let tmp = path.with_extension("ron.tmp");
    let result = (|| {
        let mut file = fs::File::create(&tmp)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result.map_err(write_err)
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
    /// Path of the last note shown, relative to the vault.
    pub last_note: Option<String>,
    /// Heading text of the last topic shown in that note.
    pub last_heading: Option<String>,
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
}
