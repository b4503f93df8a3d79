//! Interface strings in French and English. A plain struct per language: a missing
//! translation is a compile error, not a runtime surprise. The notes themselves are never
//! translated; frequency badges always show the French tier label the notes use.

use crate::store::LangChoice;

/// Interface language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// Français.
    Fr,
    /// English.
    En,
}

impl Lang {
    /// Resolves a setting against the system locale (`fr*` → French, anything else English).
    #[must_use]
    pub fn resolve(choice: LangChoice, system_locale: Option<&str>) -> Self {
        match choice {
            LangChoice::Fr => Self::Fr,
            LangChoice::En => Self::En,
            LangChoice::System => match system_locale {
                Some(l) if l.to_ascii_lowercase().starts_with("fr") => Self::Fr,
                _ => Self::En,
            },
        }
    }

    /// The strings of this language.
    #[must_use]
    pub fn strings(self) -> &'static Strings {
        match self {
            Self::Fr => &FR,
            Self::En => &EN,
        }
    }
}

/// Every interface string.
#[allow(missing_docs)]
#[derive(Debug)]
pub struct Strings {
    pub back: &'static str,
    pub forward: &'static str,
    pub search: &'static str,
    pub search_hint: &'static str,
    pub search_no_results: &'static str,
    pub search_in_text: &'static str,
    pub open_folder: &'static str,
    pub open_folder_title: &'static str,
    pub open_folder_path: &'static str,
    pub open_folder_no_dialog: &'static str,
    pub open: &'static str,
    pub browse: &'static str,
    pub cancel: &'static str,
    pub bundled_notes: &'static str,
    pub settings: &'static str,
    pub language: &'static str,
    pub system: &'static str,
    pub theme: &'static str,
    pub light: &'static str,
    pub dark: &'static str,
    pub notes: &'static str,
    pub topics: &'static str,
    pub with_tier: &'static str,
    pub filter: &'static str,
    pub all_tiers: &'static str,
    pub untagged: &'static str,
    pub sort_by_note: &'static str,
    pub sort_by_tier: &'static str,
    pub set_tier: &'static str,
    pub clear_tier: &'static str,
    pub tier_from_user: &'static str,
    pub tier_from_notes: &'static str,
    pub tier_inherited: &'static str,
    pub no_tier: &'static str,
    pub properties: &'static str,
    pub missing_note: &'static str,
    pub missing_heading: &'static str,
    pub missing_image: &'static str,
    pub embed_cycle: &'static str,
    pub embed_too_many: &'static str,
    pub embedded: &'static str,
    pub indexing: &'static str,
    pub could_not_open: &'static str,
    pub file_problem: &'static str,
    pub skipped_files: &'static str,
    pub empty_vault: &'static str,
    pub no_match: &'static str,
    pub dismiss: &'static str,
}

/// French.
pub static FR: Strings = Strings {
    back: "Précédent (Alt+←)",
    forward: "Suivant (Alt+→)",
    search: "Rechercher",
    search_hint: "Note, service, mot… (Entrée pour ouvrir)",
    search_no_results: "Aucun résultat",
    search_in_text: "Dans le texte",
    open_folder: "Ouvrir un dossier de notes…",
    open_folder_title: "Ouvrir un dossier de notes (coffre Obsidian)",
    open_folder_path: "Chemin du dossier",
    open_folder_no_dialog: "Aucun dossier choisi. Si la fenêtre du système ne s’est pas ouverte, saisissez le chemin.",
    open: "Ouvrir",
    browse: "Parcourir…",
    cancel: "Annuler",
    bundled_notes: "Notes fournies",
    settings: "Réglages",
    language: "Langue",
    system: "Système",
    theme: "Thème",
    light: "Clair",
    dark: "Sombre",
    notes: "notes",
    topics: "sujets",
    with_tier: "avec fréquence",
    filter: "Fréquence",
    all_tiers: "Toutes",
    untagged: "Sans fréquence",
    sort_by_note: "Par note",
    sort_by_tier: "Par fréquence",
    set_tier: "Fréquence à l’examen",
    clear_tier: "Revenir à la fréquence des notes",
    tier_from_user: "choisie par vous",
    tier_from_notes: "lue dans les notes",
    tier_inherited: "héritée de la section parente",
    no_tier: "aucune",
    properties: "Propriétés",
    missing_note: "Note introuvable",
    missing_heading: "Titre introuvable",
    missing_image: "Image introuvable",
    embed_cycle: "Inclusion circulaire arrêtée",
    embed_too_many: "Trop d’inclusions sur cette page",
    embedded: "Inclus depuis",
    indexing: "Indexation",
    could_not_open: "Impossible d’ouvrir",
    file_problem: "Problème de fichier",
    skipped_files: "fichiers ignorés",
    empty_vault: "Ce dossier ne contient aucune note Markdown (.md).",
    no_match: "Aucun sujet ne correspond à ce filtre.",
    dismiss: "Fermer",
};

/// English.
pub static EN: Strings = Strings {
    back: "Back (Alt+Left)",
    forward: "Forward (Alt+Right)",
    search: "Search",
    search_hint: "Note, service, word… (Enter opens)",
    search_no_results: "No results",
    search_in_text: "In the text",
    open_folder: "Open notes folder…",
    open_folder_title: "Open a notes folder (Obsidian vault)",
    open_folder_path: "Folder path",
    open_folder_no_dialog: "No folder chosen. If the system's folder window did not open, type the path.",
    open: "Open",
    browse: "Browse…",
    cancel: "Cancel",
    bundled_notes: "Bundled notes",
    settings: "Settings",
    language: "Language",
    system: "System",
    theme: "Theme",
    light: "Light",
    dark: "Dark",
    notes: "notes",
    topics: "topics",
    with_tier: "with a frequency",
    filter: "Frequency",
    all_tiers: "All",
    untagged: "No frequency",
    sort_by_note: "By note",
    sort_by_tier: "By frequency",
    set_tier: "Exam frequency",
    clear_tier: "Use the notes' frequency",
    tier_from_user: "set by you",
    tier_from_notes: "read from the notes",
    tier_inherited: "inherited from the parent section",
    no_tier: "none",
    properties: "Properties",
    missing_note: "Note not found",
    missing_heading: "Heading not found",
    missing_image: "Image not found",
    embed_cycle: "Circular embed stopped",
    embed_too_many: "Too many embeds on this page",
    embedded: "Embedded from",
    indexing: "Indexing",
    could_not_open: "Could not open",
    file_problem: "File problem",
    skipped_files: "files skipped",
    empty_vault: "This folder holds no Markdown notes (.md).",
    no_match: "No topic matches this filter.",
    dismiss: "Dismiss",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_locale_is_followed() {
        assert_eq!(Lang::resolve(LangChoice::System, Some("fr-FR")), Lang::Fr);
        assert_eq!(Lang::resolve(LangChoice::System, Some("en_US")), Lang::En);
        assert_eq!(Lang::resolve(LangChoice::System, None), Lang::En);
        assert_eq!(Lang::resolve(LangChoice::En, Some("fr-FR")), Lang::En);
    }
}
