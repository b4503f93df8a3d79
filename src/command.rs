//! The typed commands of the app: what a view asks for while it draws, applied by the app
//! ([`crate::app::AwsStudyApp::apply`]) after the frame, where all file I/O, dialogs and
//! saves happen. Views build these values and never import the app itself; the room
//! modules define their own command enums next to their logic.

use std::path::PathBuf;

use crate::frequency::Tier;
use crate::notes::index::Location;
use crate::store::backup::Backup;
use crate::store::{DataFile, LangChoice, ThemeChoice};

/// Something the UI asks for; applied after the frame is drawn.
#[derive(Clone, Debug, PartialEq)]
#[must_use]
pub enum Command {
    /// Show a place (pushes history).
    Navigate(Location),
    /// History back.
    Back,
    /// History forward.
    Forward,
    /// Set (`Some`) or clear (`None`) the user's tier for a topic key.
    SetTier(String, Option<Tier>),
    /// Open the "open folder" window.
    ShowOpenFolder,
    /// Ask the OS for a folder (native dialog) and load it.
    BrowseFolder,
    /// Load a notes folder.
    LoadFolder(PathBuf),
    /// Go back to the bundled notes.
    LoadBundled,
    /// Change the interface language.
    SetLang(LangChoice),
    /// Change the theme.
    SetTheme(ThemeChoice),
    /// Open the search palette.
    OpenSearch,
    /// Show a room.
    SwitchRoom(Room),
    /// Show a topic in the Notes room (from the Quiz room).
    OpenTopic(usize),
    /// Put a backup back in place of a data file (the replaced file is kept aside).
    RestoreBackup(DataFile, Backup),
    /// Go on without restoring a damaged data file (closes its message).
    DismissDamage(DataFile),
    /// Open the Settings → Restore a backup window (lists the backups).
    ShowBackups,
    /// Close that window.
    CloseBackups,
    /// Show or hide the Settings window.
    ToggleSettings,
    /// Show or hide the keyboard-shortcut sheet (F1, ?).
    ToggleShortcuts,
    /// Read notes as strict Markdown (single line breaks joined) or as Obsidian does;
    /// the notes are read again.
    SetStrictLineBreaks(bool),
}

/// The rooms of the app (saved in the settings, to come back to the same one).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Room {
    /// The start page: what the app is for, today's work, one action per room.
    Start,
    /// Read the notes.
    #[default]
    Notes,
    /// Practise, review, simulate the exam.
    Quiz,
    /// Draw architectures.
    Diagram,
}

/// How the sidebar lists topics.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortMode {
    /// Note by note, in document order.
    #[default]
    ByNote,
    /// Grouped by tier, most asked first.
    ByTier,
}

/// Which topics the sidebar shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TierFilter {
    /// Every topic.
    #[default]
    All,
    /// Topics of this tier or a more asked one.
    AtLeast(Tier),
    /// Only topics without a tier.
    Untagged,
}

impl TierFilter {
    /// Whether a topic with `tier` passes.
    #[must_use]
    pub fn accepts(self, tier: Option<Tier>) -> bool {
        match self {
            Self::All => true,
            Self::AtLeast(t) => tier.is_some_and(|x| x <= t),
            Self::Untagged => tier.is_none(),
        }
    }
}
