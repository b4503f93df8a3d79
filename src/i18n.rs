//! Interface strings in French and English. A plain struct per language: a missing
//! translation is a compile error, not a runtime surprise. The notes themselves are never
//! translated. Tier names follow the interface language ([`Lang::tier`]); the French
//! words are always recognised in notes.
//!
//! Counts go through [`Lang::count`] (French uses the singular for 0 and 1, English for 1
//! only). Errors keep an English `Display` for logs and the command line, and are worded
//! for the interface by [`Describe`] (see [`describe`]), I/O errors by their kind
//! ([`Lang::io`]) with the system's text only as a fallback.

pub mod describe;

use std::fmt::Display;

pub use describe::{Describe, IoFailure};

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

    /// The name of a tier in this language ("très fréquent" / "very frequent").
    #[must_use]
    pub fn tier(self, tier: crate::frequency::Tier) -> &'static str {
        match self {
            Self::Fr => tier.label_fr(),
            Self::En => tier.label_en(),
        }
    }

    /// The one-sentence meaning of a tier in this language.
    #[must_use]
    pub fn tier_description(self, tier: crate::frequency::Tier) -> &'static str {
        match self {
            Self::Fr => tier.description_fr(),
            Self::En => tier.description_en(),
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

    /// `one` or `many`, whichever agrees with `n` in this language: French takes the
    /// singular for 0 and 1 ("0 réponse", "1 réponse", "2 réponses"), English for 1 only
    /// ("0 answers", "1 answer"). A negative count takes the plural.
    #[must_use]
    pub fn plural<'a, N: TryInto<u64>>(self, n: N, one: &'a str, many: &'a str) -> &'a str {
        let singular = matches!(
            (self, n.try_into().ok()),
            (Self::Fr, Some(0 | 1)) | (Self::En, Some(1))
        );
        if singular { one } else { many }
    }

    /// `n` followed by the word that agrees with it ([`Lang::plural`]): `count(1, "day",
    /// "days")` is "1 day", in French `count(0, "jour", "jours")` is "0 jour".
    #[must_use]
    pub fn count<N: TryInto<u64> + Display + Copy>(self, n: N, one: &str, many: &str) -> String {
        format!("{n} {}", self.plural(n, one, many))
    }

    /// `text` in this language's quotation marks: « text » or “text”.
    #[must_use]
    pub fn quote(self, text: &str) -> String {
        match self {
            Self::Fr => format!("« {text} »"),
            Self::En => format!("“{text}”"),
        }
    }

    /// `label` then `text` after a colon, spaced as this language writes it ("Fichier : x",
    /// "File: x").
    #[must_use]
    pub fn labelled(self, label: &str, text: &str) -> String {
        match self {
            Self::Fr => format!("{label} : {text}"),
            Self::En => format!("{label}: {text}"),
        }
    }
}

/// `template` with each `{name}` replaced by its value, e.g.
/// `fill("{n} of {total}", &[("n", &3), ("total", &10)])` is "3 of 10". Names without a
/// value are left as written.
#[must_use]
pub fn fill(template: &str, values: &[(&str, &dyn Display)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        let key = format!("{{{name}}}");
        if out.contains(&key) {
            out = out.replace(&key, &value.to_string());
        }
    }
    out
}

/// Every interface string. `Serialize` lets the tests compare the languages key by key
/// (a value left empty, untranslated, or missing a `{placeholder}` the other has).
#[allow(missing_docs)]
#[derive(Debug, serde::Serialize)]
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
    pub tier_from_emphasis: &'static str,
    pub tier_from_other_note: &'static str,
    pub tier_from_catalog: &'static str,
    pub tier_or_more: &'static str,
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
    pub room_notes: &'static str,
    pub room_quiz: &'static str,
    pub due_today: &'static str,
    pub review_due: &'static str,
    pub nothing_due: &'static str,
    pub practice: &'static str,
    pub practice_hint: &'static str,
    pub domain: &'static str,
    pub all_domains: &'static str,
    pub service: &'static str,
    pub all_services: &'static str,
    pub note: &'static str,
    pub all_notes: &'static str,
    pub include_generated: &'static str,
    pub matching_questions: &'static str,
    pub start_practice: &'static str,
    pub exam: &'static str,
    pub exam_hint: &'static str,
    pub start_exam: &'static str,
    pub drills: &'static str,
    pub drills_hint: &'static str,
    pub start_drills: &'static str,
    pub drills_available: &'static str,
    pub drills_diagrams: &'static str,
    pub drill_kind_service: &'static str,
    pub drill_kind_fault: &'static str,
    pub drill_kind_fix: &'static str,
    pub drills_skipped: &'static str,
    pub drill_which_service: &'static str,
    pub drill_which_service_many: &'static str,
    pub drill_diagram: &'static str,
    pub drill_what_is_wrong: &'static str,
    pub drill_requirement: &'static str,
    pub drill_which_change: &'static str,
    pub drill_doc: &'static str,
    pub drill_hidden: &'static str,
    pub drill_enlarge: &'static str,
    pub drill_shrink: &'static str,
    pub statistics: &'static str,
    pub study_plan: &'static str,
    pub import_questions: &'static str,
    pub import_title: &'static str,
    pub import_path: &'static str,
    pub import_help: &'static str,
    pub imported: &'static str,
    pub home: &'static str,
    pub question: &'static str,
    pub choose_two: &'static str,
    pub check: &'static str,
    pub next: &'static str,
    pub previous: &'static str,
    pub correct: &'static str,
    pub incorrect: &'static str,
    pub explanation: &'static str,
    pub key_fact: &'static str,
    pub assumption: &'static str,
    pub open_in_notes: &'static str,
    pub how_well: &'static str,
    pub again: &'static str,
    pub hard: &'static str,
    pub good: &'static str,
    pub easy: &'static str,
    pub session_done: &'static str,
    pub score_line: &'static str,
    pub back_home: &'static str,
    pub flag: &'static str,
    pub unflag: &'static str,
    pub submit: &'static str,
    pub submit_confirm: &'static str,
    pub unanswered: &'static str,
    pub time_left: &'static str,
    pub result: &'static str,
    pub passed: &'static str,
    pub failed: &'static str,
    pub scaled_note: &'static str,
    pub by_domain: &'static str,
    pub by_service: &'static str,
    pub review_answers: &'static str,
    pub your_answer: &'static str,
    pub right_answer: &'static str,
    pub no_answer: &'static str,
    pub accuracy: &'static str,
    pub answered: &'static str,
    pub streak: &'static str,
    pub days: &'static str,
    pub last_30_days: &'static str,
    pub weakest: &'static str,
    pub forecast: &'static str,
    pub exams_taken: &'static str,
    pub no_data: &'static str,
    pub plan_hint: &'static str,
    pub practice_topic: &'static str,
    pub never_answered: &'static str,
    pub bank_problem: &'static str,
    pub progress_problem: &'static str,
    pub no_questions: &'static str,
    pub room_diagram: &'static str,
    pub diagram_recover: &'static str,
    pub diagram_recover_yes: &'static str,
    pub diagram_recover_no: &'static str,
    pub diagram_palette: &'static str,
    pub diagram_palette_hint: &'static str,
    pub diagram_drag_hint: &'static str,
    pub diagram_groups: &'static str,
    pub diagram_file: &'static str,
    pub diagram_new: &'static str,
    pub diagram_save: &'static str,
    pub diagram_save_as: &'static str,
    pub diagram_scale: &'static str,
    pub diagram_export_png: &'static str,
    pub diagram_export_svg: &'static str,
    pub diagram_templates: &'static str,
    pub diagram_undo: &'static str,
    pub diagram_redo: &'static str,
    pub diagram_zoom_out: &'static str,
    pub diagram_zoom_in: &'static str,
    pub diagram_fit: &'static str,
    pub diagram_snap: &'static str,
    pub diagram_badges: &'static str,
    pub diagram_straight: &'static str,
    pub diagram_orthogonal: &'static str,
    pub diagram_arrow_none: &'static str,
    pub diagram_arrow_one: &'static str,
    pub diagram_arrow_both: &'static str,
    pub diagram_open_note: &'static str,
    pub diagram_unsaved: &'static str,
    pub diagram_discard: &'static str,
    pub diagram_canvas: &'static str,
    pub diagram_empty: &'static str,
    pub diagram_path: &'static str,
    pub diagram_label: &'static str,
    pub damaged_title: &'static str,
    pub damaged_body: &'static str,
    pub damaged_no_backup: &'static str,
    pub restore_backup_of: &'static str,
    pub continue_without: &'static str,
    pub restore_a_backup: &'static str,
    pub backups_title: &'static str,
    pub no_backups: &'static str,
    pub restored: &'static str,
    pub close: &'static str,
    pub file_progress: &'static str,
    pub file_settings: &'static str,
    pub file_overrides: &'static str,
    /// After the count of learning steps due later today.
    pub later_today: &'static str,
    /// Button: back to the session left unfinished.
    pub resume_session: &'static str,
    /// Heading of the misses at the end of a session.
    pub session_missed: &'static str,
    /// Button: a session over the misses.
    pub retake_missed: &'static str,
    /// End of a session without a miss.
    pub no_misses: &'static str,
    /// Keyboard help under a session.
    pub keyboard_hint: &'static str,
    /// Badge of a leech question.
    pub leech: &'static str,
    /// Statistics heading.
    pub leeches: &'static str,
    /// Under the leeches heading.
    pub leeches_hint: &'static str,
    /// When there is no leech.
    pub no_leeches: &'static str,
    /// Button: stop the exam clock.
    pub pause_exam: &'static str,
    /// Home card title of a paused exam.
    pub exam_paused: &'static str,
    /// Button.
    pub resume_exam: &'static str,
    /// An Excalidraw drawing could not be read (followed by why).
    pub drawing_unreadable: &'static str,
    /// An Excalidraw drawing has nothing to draw.
    pub drawing_empty: &'static str,
    /// Before a remote image's link (never downloaded).
    pub remote_image: &'static str,
    /// Hover text of an image in a note.
    pub image_open_viewer: &'static str,
    /// How to use the image viewer.
    pub image_viewer_hint: &'static str,
    /// Title of the window of a second instance.
    pub already_open: &'static str,
    /// Button: close the window.
    pub quit: &'static str,
    /// File menu: export as draw.io.
    pub diagram_export_drawio: &'static str,
    /// A draw.io or image file was opened as a new, unsaved diagram (followed by the path).
    pub diagram_imported: &'static str,
    /// A diagram exported (followed by the path).
    pub diagram_exported: &'static str,
    /// The native file dialog gave nothing.
    pub no_file_dialog: &'static str,
    /// Button: throw the paused exam away.
    pub abandon_exam: &'static str,
    /// Button confirming it.
    pub abandon_confirm: &'static str,
    /// Exam result filter.
    pub filter_all: &'static str,
    /// Exam result filter.
    pub filter_wrong: &'static str,
    /// Exam result filter.
    pub filter_flagged: &'static str,
    /// Exam result filter, and the mark of an unanswered question.
    pub filter_unanswered: &'static str,
    /// Grid legend.
    pub legend_answered: &'static str,
    /// Grid legend.
    pub legend_flagged: &'static str,
    /// Grid legend.
    pub legend_current: &'static str,
    /// Grid legend.
    pub legend_unanswered: &'static str,
    /// Home: the real exam's date.
    pub exam_date: &'static str,
    /// Hint of the exam date field.
    pub exam_date_hint: &'static str,
    /// Invalid exam date.
    pub exam_date_invalid: &'static str,
    /// Button: set the exam date.
    pub set_date: &'static str,
    /// Button: clear the exam date.
    pub clear_date: &'static str,
    /// Singular countdown.
    pub day_left: &'static str,
    /// Plural countdown.
    pub days_left: &'static str,
    /// Countdown on the day.
    pub exam_today: &'static str,
    /// Heading of the forecast.
    pub reviews_until_exam: &'static str,
    /// Singular.
    pub unseen_one: &'static str,
    /// Plural.
    pub unseen_many: &'static str,
    /// After a number.
    pub unseen_per_day: &'static str,
    /// Label of the FSRS desired retention.
    pub retention: &'static str,
    /// Hover text of the retention slider.
    pub retention_hint: &'static str,
    /// Checkbox.
    pub imported_in_exams: &'static str,
    /// Home card title.
    pub schedule: &'static str,
    /// Statistics chart heading.
    pub exam_history: &'static str,
    /// X axis of the exam history chart.
    pub exam_number: &'static str,
    // ---- start page, Settings window, shortcut sheet ----
    /// Top bar: the start page.
    pub room_start: &'static str,
    /// Start page title.
    pub start_title: &'static str,
    /// What the app is for, line 1.
    pub start_line_1: &'static str,
    /// Line 2.
    pub start_line_2: &'static str,
    /// Line 3.
    pub start_line_3: &'static str,
    /// Card title.
    pub start_today: &'static str,
    /// A count of reviews: singular.
    pub review_due_one: &'static str,
    /// Plural.
    pub review_due_many: &'static str,
    /// Button.
    pub start_review_now: &'static str,
    /// No review due.
    pub start_nothing_due: &'static str,
    /// No exam date set.
    pub start_no_exam_date: &'static str,
    /// Link to Settings.
    pub start_set_exam_date: &'static str,
    /// Before enough answers.
    pub start_no_weakness: &'static str,
    /// Tooltip of a link to a topic.
    pub open_topic: &'static str,
    /// Notes card.
    pub start_notes_what: &'static str,
    /// Notes card action.
    pub start_open_top_topic: &'static str,
    /// Diagram card.
    pub start_diagram_what: &'static str,
    /// Diagram card action.
    pub start_draw_template: &'static str,
    /// Quiz card.
    pub start_quiz_what: &'static str,
    /// Quiz card action.
    pub start_practice_session: &'static str,
    /// Card title.
    pub start_badges: &'static str,
    /// Card subtitle.
    pub start_badges_what: &'static str,
    /// How many topics have a tier ({n} of {total}).
    pub start_tier_coverage: &'static str,
    /// Settings section.
    pub settings_interface: &'static str,
    /// Settings section.
    pub settings_notes: &'static str,
    /// Settings section.
    pub settings_quiz: &'static str,
    /// Settings section.
    pub settings_data: &'static str,
    /// Before the folder shown.
    pub settings_notes_shown: &'static str,
    /// Heading of the recent folders.
    pub recent_folders: &'static str,
    /// Checkbox.
    pub strict_line_breaks: &'static str,
    /// Its tooltip.
    pub strict_line_breaks_hint: &'static str,
    /// Data section.
    pub data_where: &'static str,
    /// Button: copy to the clipboard.
    pub copy: &'static str,
    /// Backups kept ({n} days).
    pub data_backups: &'static str,
    /// No data folder.
    pub data_nowhere: &'static str,
    /// Button.
    pub shortcuts_show: &'static str,
    /// Window and card title.
    pub shortcuts_title: &'static str,
    /// Group.
    pub shortcuts_everywhere: &'static str,
    /// Shortcut.
    pub shortcut_back_forward: &'static str,
    /// Shortcut.
    pub shortcut_choose: &'static str,
    /// Shortcut.
    pub shortcut_check: &'static str,
    /// Shortcut.
    pub shortcut_grade: &'static str,
    /// Shortcut.
    pub shortcut_next: &'static str,
    /// Diagram shortcut.
    pub diagram_copy: &'static str,
    /// Diagram shortcut.
    pub diagram_paste: &'static str,
    /// Diagram shortcut.
    pub diagram_duplicate: &'static str,
    /// Diagram shortcut.
    pub diagram_select_all: &'static str,
    /// Diagram shortcut.
    pub diagram_delete: &'static str,
    /// Diagram shortcut.
    pub diagram_deselect: &'static str,
    /// Diagram shortcut.
    pub diagram_nudge: &'static str,
    // ----- Issue 13, complete interface in both languages: plurals, the Diagram room's
    // ----- untitled and templates, chart axes, and the errors worded for the interface
    // ----- (see `describe`). Keep this group last; add new fields after it.
    /// Singular of `answered` ("1 answer").
    pub answered_one: &'static str,
    /// Singular of `days`.
    pub day: &'static str,
    /// Status bar: singular of `notes`.
    pub notes_one: &'static str,
    /// Status bar: singular of `topics`.
    pub topics_one: &'static str,
    /// Singular of `skipped_files`.
    pub skipped_file: &'static str,
    /// Singular of `matching_questions`.
    pub matching_question: &'static str,
    /// Singular of `imported`.
    pub imported_one: &'static str,
    /// Top bar hover, after the count of reviews due.
    pub due_now_one: &'static str,
    /// Plural of `due_now_one`.
    pub due_now_many: &'static str,
    /// End of a session or an exam: `{right}` right answers of `{total}` (singular).
    pub score_one: &'static str,
    /// Plural of `score_one`.
    pub score_many: &'static str,
    /// Shapes in the draft offered for recovery (singular).
    pub diagram_shapes_one: &'static str,
    /// Plural of `diagram_shapes_one`.
    pub diagram_shapes_many: &'static str,
    /// Name of a diagram never saved.
    pub diagram_untitled: &'static str,
    /// Name of the file kinds in the system's Open dialog.
    pub diagram_file_filter: &'static str,
    /// Template name.
    pub template_serverless_api: &'static str,
    /// Template name.
    pub template_three_tier: &'static str,
    /// Template name.
    pub template_event_driven: &'static str,
    /// Chart axis: today.
    pub chart_today: &'static str,
    /// Chart axis: `{n}` days ago.
    pub chart_days_ago: &'static str,
    /// Chart axis: in `{n}` days.
    pub chart_in_days: &'static str,
    /// Hover text of a forecast column: `{n}` reviews on `{day}`.
    pub chart_reviews: &'static str,
    /// Hover text of an accuracy column.
    pub chart_accuracy_day: &'static str,
    /// Hover text of a day without answers.
    pub chart_no_answer: &'static str,
    /// I/O error kind.
    pub io_not_found: &'static str,
    /// I/O error kind.
    pub io_permission: &'static str,
    /// I/O error kind.
    pub io_exists: &'static str,
    /// I/O error kind.
    pub io_invalid_data: &'static str,
    /// I/O error kind.
    pub io_disk_full: &'static str,
    /// I/O error kind.
    pub io_quota: &'static str,
    /// I/O error kind.
    pub io_read_only: &'static str,
    /// I/O error kind.
    pub io_is_folder: &'static str,
    /// I/O error kind.
    pub io_not_folder: &'static str,
    /// I/O error kind.
    pub io_folder_not_empty: &'static str,
    /// I/O error kind.
    pub io_too_large: &'static str,
    /// I/O error kind.
    pub io_bad_name: &'static str,
    /// I/O error kind.
    pub io_busy: &'static str,
    /// I/O error kind.
    pub io_truncated: &'static str,
    /// I/O error kind.
    pub io_timed_out: &'static str,
    /// A file could not be read.
    pub err_read: &'static str,
    /// A file could not be written (the previous one is intact).
    pub err_write: &'static str,
    /// A value could not be encoded (a bug).
    pub err_encode: &'static str,
    /// A damaged data file, moved aside.
    pub err_corrupt_kept: &'static str,
    /// A damaged data file that could not be moved aside.
    pub err_corrupt_left: &'static str,
    /// A file written by a newer version.
    pub err_too_new: &'static str,
    /// Another instance uses the data folder (`{pid}`: `err_lock_pid` or nothing).
    pub err_lock_held: &'static str,
    /// The other instance's process id, inside `err_lock_held`.
    pub err_lock_pid: &'static str,
    /// The lock file could not be created or locked.
    pub err_lock_io: &'static str,
    /// A notes folder could not be opened.
    pub vault_open_failed: &'static str,
    /// Why: not a folder.
    pub vault_not_folder: &'static str,
    /// Why: the loader stopped (a bug).
    pub vault_crashed: &'static str,
    /// Why: the folder could not be listed.
    pub vault_unreadable: &'static str,
    /// A note cut at the size limit.
    pub note_too_large: &'static str,
    /// A note that is not UTF-8.
    pub note_not_utf8: &'static str,
    /// A folder skipped.
    pub skip_folder_unreadable: &'static str,
    /// A link skipped.
    pub skip_symlink: &'static str,
    /// A folder skipped.
    pub skip_too_deep: &'static str,
    /// A special file skipped.
    pub skip_not_regular: &'static str,
    /// A note that could not be read.
    pub skip_unreadable: &'static str,
    /// A binary file with a .md name.
    pub skip_binary: &'static str,
    /// An attachment path leaving the vault.
    pub attachment_outside: &'static str,
    /// An attachment that does not exist.
    pub attachment_not_found: &'static str,
    /// An attachment over the size limit.
    pub attachment_too_large: &'static str,
    /// An attachment asked of the bundled notes.
    pub attachment_bundled: &'static str,
    /// An attachment that is not an image.
    pub image_not_image: &'static str,
    /// An image over the decoding limits.
    pub image_too_large: &'static str,
    /// An image format without a decoder.
    pub image_unsupported: &'static str,
    /// A damaged image.
    pub image_unreadable: &'static str,
    /// A damaged SVG.
    pub image_svg_unreadable: &'static str,
    /// No memory for an image of `{w}`×`{h}` pixels.
    pub image_alloc: &'static str,
    /// An Excalidraw drawing that does not decompress.
    pub drawing_unpack: &'static str,
    /// An Excalidraw drawing that is not JSON.
    pub drawing_json: &'static str,
    /// An Excalidraw drawing without elements.
    pub drawing_no_elements: &'static str,
    /// An Excalidraw note without a drawing block.
    pub drawing_missing: &'static str,
    /// A file that is not a diagram.
    pub diagram_not_diagram: &'static str,
    /// Why: version 0.
    pub diagram_version_zero: &'static str,
    /// Why: not text.
    pub diagram_not_utf8: &'static str,
    /// Why: no known format.
    pub diagram_unknown_kind: &'static str,
    /// An export that failed.
    pub diagram_export_failed: &'static str,
    /// Why: the image could not be rendered (a bug or no memory).
    pub diagram_render_failed: &'static str,
    /// A draw.io file of several pages, the first opened.
    pub diagram_pages: &'static str,
    /// Why a file is not draw.io.
    pub drawio_not_drawio: &'static str,
    /// Why: a PNG without a diagram.
    pub drawio_png_without: &'static str,
    /// Why: binary data.
    pub drawio_not_text: &'static str,
    /// Why: text that is not XML.
    pub drawio_not_xml: &'static str,
    /// Why: an SVG without a diagram.
    pub drawio_svg_without: &'static str,
    /// Why: another root element.
    pub drawio_root: &'static str,
    /// Why: the embedded diagram is not readable.
    pub drawio_embedded: &'static str,
    /// Malformed XML.
    pub drawio_xml: &'static str,
    /// A compressed page that does not decode.
    pub drawio_inflate: &'static str,
    /// A file without pages.
    pub drawio_no_pages: &'static str,
    /// A page number out of range.
    pub drawio_no_such_page: &'static str,
    /// First line of a draw.io import report.
    pub drawio_summary: &'static str,
    /// A shape drawn as a plain box.
    pub drawio_approximated: &'static str,
    /// An AWS group without an equivalent, in `drawio_approximated`.
    pub drawio_group: &'static str,
    /// Import note.
    pub drawio_nested_loop: &'static str,
    /// Import note.
    pub drawio_shape_on_edge: &'static str,
    /// Import note.
    pub drawio_connectors_3d: &'static str,
    /// Import note.
    pub drawio_frames: &'static str,
    /// Import note.
    pub drawio_unparented: &'static str,
    /// Import note.
    pub drawio_members: &'static str,
    /// Import note.
    pub drawio_attached: &'static str,
    /// Import note.
    pub drawio_anchored: &'static str,
    /// Import note.
    pub drawio_missing_end: &'static str,
    /// Import note.
    pub drawio_to_edges: &'static str,
    /// Import note.
    pub drawio_group_loop: &'static str,
    /// Diagram repair.
    pub repair_node_id: &'static str,
    /// Diagram repair.
    pub repair_edge_id: &'static str,
    /// Diagram repair.
    pub repair_geometry: &'static str,
    /// Diagram repair.
    pub repair_unknown_icon: &'static str,
    /// Diagram repair.
    pub repair_self_loop: &'static str,
    /// Diagram repair.
    pub repair_dangling_edge: &'static str,
    /// Diagram repair.
    pub repair_dangling_parent: &'static str,
    /// Diagram repair.
    pub repair_group_cycle: &'static str,
    /// Diagram repair.
    pub repair_order: &'static str,
    /// How an import problem names a numbered question.
    pub import_question: &'static str,
    /// Import problem.
    pub import_key_no_question: &'static str,
    /// Import problem.
    pub import_unknown_domain: &'static str,
    /// Import problem.
    pub import_unknown_service: &'static str,
    /// Import problem.
    pub import_no_options: &'static str,
    /// Import problem.
    pub import_empty_prompt: &'static str,
    /// Import problem.
    pub import_one_option: &'static str,
    /// Import problem.
    pub import_empty_option: &'static str,
    /// Import problem.
    pub import_none_checked: &'static str,
    /// Import problem.
    pub import_no_answer: &'static str,
    /// Import problem.
    pub import_answer_out_of_range: &'static str,
    /// Import problem.
    pub import_answer_not_found: &'static str,
    /// Import problem.
    pub import_all_checked: &'static str,
    /// Import problem.
    pub import_all_answers: &'static str,
    /// Key name in shortcuts.
    pub key_shift: &'static str,
    /// Key name in shortcuts.
    pub key_delete: &'static str,
    /// Key name in shortcuts.
    pub key_backspace: &'static str,
    /// Key name in shortcuts.
    pub key_escape: &'static str,
    /// Toolbar button: show or hide the architecture review.
    pub review: &'static str,
    /// Heading of the review panel.
    pub review_title: &'static str,
    /// When the review finds nothing.
    pub review_clean: &'static str,
    /// Heading of the open findings.
    pub review_open: &'static str,
    /// Heading of the accepted findings.
    pub review_accepted: &'static str,
    /// Button: accept a finding.
    pub review_accept: &'static str,
    /// Button confirming the acceptance.
    pub review_accept_confirm: &'static str,
    /// Label of the reason field.
    pub review_reason: &'static str,
    /// Hint in the reason field.
    pub review_reason_hint: &'static str,
    /// An acceptance without a reason.
    pub review_no_reason: &'static str,
    /// Button: put an accepted finding back among the open ones.
    pub review_reopen: &'static str,
    /// An accepted finding the diagram no longer has.
    pub review_gone: &'static str,
    /// Hover text of a finding's title.
    pub review_select: &'static str,
    /// Link to the AWS documentation page of a rule.
    pub review_doc: &'static str,
    /// Before a service name: open its note.
    pub review_note: &'static str,
    /// Before a service name: practise its questions.
    pub review_questions: &'static str,
    /// Before the exam domain of a finding.
    pub review_domain: &'static str,
    /// Severity.
    pub review_high: &'static str,
    /// Severity.
    pub review_medium: &'static str,
    /// Severity.
    pub review_low: &'static str,
    // ---- the templates added with the review ----
    /// Template name.
    pub template_multi_az_web_app: &'static str,
    /// Template name.
    pub template_static_website: &'static str,
    /// Template name.
    pub template_decoupled_workers: &'static str,
    /// Template name.
    pub template_hybrid_network: &'static str,
    /// Template name.
    pub template_dr_backup_restore: &'static str,
    /// Template name.
    pub template_dr_pilot_light: &'static str,
    /// Template name.
    pub template_dr_warm_standby: &'static str,
    /// Template name.
    pub template_dr_multi_site: &'static str,
    /// Template name.
    pub template_data_lake: &'static str,
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
    tier_from_emphasis: "relevée par une astuce d’examen de la note",
    tier_from_other_note: "lue dans la note",
    tier_from_catalog: "catalogue SAA-C03",
    tier_or_more: "ou plus",
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
    room_notes: "Notes",
    room_quiz: "Quiz",
    due_today: "Révisions dues maintenant",
    review_due: "Réviser maintenant",
    nothing_due: "Rien à réviser pour l’instant : lancez un entraînement.",
    practice: "Entraînement",
    practice_hint: "Correction immédiate, explications et liens vers vos notes.",
    domain: "Domaine",
    all_domains: "Tous",
    service: "Service",
    all_services: "Tous",
    note: "Note",
    all_notes: "Toutes",
    include_generated: "Inclure les questions tirées de mes notes",
    matching_questions: "questions correspondent",
    start_practice: "Commencer l’entraînement",
    exam: "Examen blanc",
    exam_hint: "65 questions tirées selon le poids des domaines, 130 minutes, score de 100 à 1000 (réussite à 720).",
    start_exam: "Commencer l’examen",
    drills: "Exercices sur schémas",
    drills_hint: "Des questions sur des schémas d’architecture : les modèles, les schémas ouverts ou enregistrés dans la salle Schéma et ceux de votre dossier de notes (draw.io compris). Une fois répondues, elles rejoignent vos révisions.",
    start_drills: "Commencer les exercices sur schémas",
    drills_available: "exercices, tirés de",
    drills_diagrams: "schémas",
    drill_kind_service: "quel service ?",
    drill_kind_fault: "qu’est-ce qui ne va pas ?",
    drill_kind_fix: "quelle modification ?",
    drills_skipped: "Exercices sur schémas : fichier ignoré,",
    drill_which_service: "Quel service va à l’emplacement marqué « ? » ?",
    drill_which_service_many: "Quel service va aux emplacements marqués « ? » ?",
    drill_diagram: "Schéma d’architecture",
    drill_what_is_wrong: "Qu’est-ce qui ne va pas dans cette architecture ?",
    drill_requirement: "L’entreprise a ce besoin :",
    drill_which_change: "Quelle modification de cette architecture y répond ?",
    drill_doc: "Documentation AWS",
    drill_hidden: "masqué",
    drill_enlarge: "Cliquer pour agrandir le schéma",
    drill_shrink: "Cliquer pour réduire le schéma",
    statistics: "Statistiques",
    study_plan: "Plan de révision",
    import_questions: "Importer des questions…",
    import_title: "Importer des questions (Markdown)",
    import_path: "Chemin du fichier .md",
    import_help: "Cases à cocher (un titre par question, « - [ ] » fausses, « - [x] » justes) ou options lettrées (« A. … » puis « Answer: B », un bloc <details> ou une table de réponses à la fin). Le texte qui suit sert d’explication ; ce qui ne peut être lu est signalé avec sa ligne.",
    imported: "questions importées",
    home: "Accueil du quiz",
    question: "Question",
    choose_two: "Choisissez deux réponses.",
    check: "Valider",
    next: "Suivante",
    previous: "Précédente",
    correct: "Bonne réponse",
    incorrect: "Mauvaise réponse",
    explanation: "Explication",
    key_fact: "À retenir :",
    assumption: "Hypothèse",
    open_in_notes: "Ouvrir dans les notes",
    how_well: "Difficulté ressentie (pour la répétition espacée)",
    again: "À revoir",
    hard: "Difficile",
    good: "Correct",
    easy: "Facile",
    session_done: "Session terminée",
    score_line: "bonnes réponses",
    back_home: "Retour à l’accueil du quiz",
    flag: "Marquer pour revoir",
    unflag: "Retirer la marque",
    submit: "Terminer l’examen",
    submit_confirm: "Terminer l’examen maintenant ?",
    unanswered: "sans réponse",
    time_left: "Temps restant",
    result: "Résultat",
    passed: "RÉUSSI",
    failed: "ÉCHEC",
    scaled_note: "Score estimé : AWS ne publie pas son barème, ceci est une conversion linéaire.",
    by_domain: "Par domaine",
    by_service: "Par service (les plus faibles d’abord)",
    review_answers: "Revoir les réponses",
    your_answer: "Votre réponse",
    right_answer: "Bonne réponse",
    no_answer: "aucune",
    accuracy: "Réussite",
    answered: "réponses",
    streak: "Série",
    days: "jours",
    last_30_days: "Réussite des 30 derniers jours",
    weakest: "Services les plus faibles",
    forecast: "Révisions prévues (14 jours)",
    exams_taken: "Examens blancs",
    no_data: "Pas encore de réponses : faites un entraînement.",
    plan_hint: "Les sujets les plus fréquents à l’examen et les plus faibles d’abord.",
    practice_topic: "S’entraîner",
    never_answered: "jamais travaillé",
    bank_problem: "Banque de questions",
    progress_problem: "Progression",
    no_questions: "Aucune question ne correspond à ces filtres.",
    room_diagram: "Schéma",
    diagram_recover: "Un schéma non enregistré a été retrouvé (brouillon automatique). Le récupérer ?",
    diagram_recover_yes: "Récupérer",
    diagram_recover_no: "Supprimer le brouillon",
    diagram_palette: "Icônes AWS",
    diagram_palette_hint: "Rechercher un service (lamb, s3…)",
    diagram_drag_hint: "Glissez sur le schéma, ou cliquez pour ajouter au centre.",
    diagram_groups: "Groupes",
    diagram_file: "Fichier",
    diagram_new: "Nouveau",
    diagram_save: "Enregistrer",
    diagram_save_as: "Enregistrer sous…",
    diagram_scale: "Échelle",
    diagram_export_png: "Exporter en PNG…",
    diagram_export_svg: "Exporter en SVG…",
    diagram_templates: "Modèles",
    diagram_undo: "Annuler",
    diagram_redo: "Rétablir",
    diagram_zoom_out: "Dézoomer (−)",
    diagram_zoom_in: "Zoomer (+)",
    diagram_fit: "Tout afficher",
    diagram_snap: "Grille",
    diagram_badges: "Fréquences",
    diagram_straight: "Droite",
    diagram_orthogonal: "Orthogonale",
    diagram_arrow_none: "Sans flèche",
    diagram_arrow_one: "Flèche →",
    diagram_arrow_both: "Flèches ↔",
    diagram_open_note: "Ouvrir la note",
    diagram_unsaved: "Le schéma a des modifications non enregistrées.",
    diagram_discard: "Ne pas enregistrer",
    diagram_canvas: "Schéma",
    diagram_path: "Chemin du fichier",
    diagram_label: "Libellé (Entrée pour valider, Échap pour annuler)",
    diagram_empty: "Glissez des icônes depuis la palette, ou partez d’un modèle (menu Modèles).",
    damaged_title: "Un de vos fichiers est abîmé",
    damaged_body: "Le fichier {name} ({file}) est abîmé et n’a pas pu être lu, sans doute coupé par un plantage ou un disque plein. Rien n’a été effacé : il a été gardé sous {kept}. En attendant, l’application repart de valeurs vides.",
    damaged_no_backup: "Il n’en existe encore aucune sauvegarde lisible.",
    restore_backup_of: "Restaurer la sauvegarde du {date}",
    continue_without: "Continuer sans",
    restore_a_backup: "Restaurer une sauvegarde…",
    backups_title: "Sauvegardes (une par jour, les 10 dernières)",
    no_backups: "Aucune sauvegarde pour l’instant",
    restored: "Sauvegarde du {date} restaurée pour {file}.",
    close: "Fermer",
    file_progress: "votre progression au quiz",
    file_settings: "vos réglages",
    file_overrides: "vos niveaux de fréquence",
    later_today: "plus tard aujourd’hui",
    resume_session: "Reprendre la session",
    session_missed: "Questions manquées",
    retake_missed: "Refaire celles que j’ai manquées",
    no_misses: "Aucune erreur : bravo.",
    keyboard_hint: "Clavier : 1–5 ou A–E pour choisir · Entrée pour vérifier · 1–4 pour noter · → pour continuer",
    leech: "Sangsue : oubliée 8 fois ou plus — relisez la note plutôt que de répéter",
    leeches: "Sangsues",
    leeches_hint: "Questions oubliées 8 fois ou plus : la note derrière mérite une relecture.",
    no_leeches: "Aucune pour l’instant.",
    pause_exam: "Pause",
    exam_paused: "Examen en pause",
    resume_exam: "Reprendre l’examen",
    drawing_unreadable: "Dessin Excalidraw illisible",
    drawing_empty: "le dessin est vide",
    remote_image: "Image en ligne (jamais téléchargée)",
    image_open_viewer: "Cliquer pour agrandir",
    image_viewer_hint: "Molette : zoom · glisser : déplacer · Échap : fermer",
    already_open: "aws-study est déjà ouvert",
    quit: "Quitter",
    diagram_exported: "Exporté :",
    diagram_export_drawio: "Exporter pour draw.io…",
    diagram_imported: "Importé (Enregistrer créera un fichier .awsdiagram.ron, l’original reste intact) :",
    no_file_dialog: "Aucun fichier choisi. Si aucune fenêtre ne s’est ouverte, ce bureau n’a pas de sélecteur de fichiers : tapez le chemin.",
    abandon_exam: "Abandonner",
    abandon_confirm: "Abandonner et perdre les réponses",
    filter_all: "Toutes",
    filter_wrong: "Fausses",
    filter_flagged: "Marquées",
    filter_unanswered: "Sans réponse",
    legend_answered: "répondue",
    legend_flagged: "marquée",
    legend_current: "affichée",
    legend_unanswered: "sans réponse",
    exam_date: "Date de l’examen",
    exam_date_hint: "AAAA-MM-JJ",
    exam_date_invalid: "Date attendue au format AAAA-MM-JJ, aujourd’hui ou plus tard",
    set_date: "Enregistrer",
    clear_date: "Effacer",
    day_left: "jour avant l’examen",
    days_left: "jours avant l’examen",
    exam_today: "L’examen, c’est aujourd’hui. Bonne chance !",
    reviews_until_exam: "Révisions prévues chaque jour d’ici l’examen",
    unseen_one: "question jamais vue",
    unseen_many: "questions jamais vues",
    unseen_per_day: "par jour pour toutes les voir avant l’examen",
    retention: "Rétention visée",
    retention_hint: "Plus haut : intervalles plus courts, plus de révisions (FSRS, 90 % par défaut).",
    imported_in_exams: "Questions importées dans les examens blancs",
    schedule: "Calendrier de révision",
    exam_history: "Examens blancs par domaine",
    exam_number: "examen",
    // ---- start page, Settings window, shortcut sheet ----
    room_start: "Accueil",
    start_title: "Réviser l’AWS Solutions Architect Associate",
    start_line_1: "Lisez vos notes avec l’icône officielle de chaque service et la fréquence à l’examen de chaque sujet.",
    start_line_2: "Dessinez des architectures AWS, et entraînez-vous avec des questions qui renvoient à vos notes.",
    start_line_3: "La répétition espacée (FSRS) vous ramène chaque soir les questions à revoir, jusqu’au jour de l’examen.",
    start_today: "Aujourd’hui",
    review_due_one: "révision à faire",
    review_due_many: "révisions à faire",
    start_review_now: "Réviser maintenant",
    start_nothing_due: "Aucune révision à faire pour l’instant.",
    start_no_exam_date: "Pas de date d’examen.",
    start_set_exam_date: "Choisir une date…",
    start_no_weakness: "Répondez à quelques questions : vos services les plus faibles apparaîtront ici.",
    open_topic: "Ouvrir le sujet dans les notes",
    start_notes_what: "Vos notes Markdown (ou un coffre Obsidian), classées par fréquence à l’examen.",
    start_open_top_topic: "Ouvrir le sujet le plus demandé",
    start_diagram_what: "Un canevas d’architecture avec les icônes AWS, les groupes VPC et sous-réseaux, draw.io.",
    start_draw_template: "Dessiner à partir d’un modèle",
    start_quiz_what: "Entraînement, révisions espacées et examen blanc de 65 questions en 130 minutes.",
    start_practice_session: "Commencer un entraînement",
    start_badges: "Les badges de fréquence",
    start_badges_what: "À quelle fréquence l’examen SAA-C03 interroge sur un sujet : étudiez d’abord le haut de la liste.",
    start_tier_coverage: "{n} sujets sur {total} de ces notes ont un badge.",
    settings_interface: "Interface",
    settings_notes: "Notes",
    settings_quiz: "Quiz",
    settings_data: "Données",
    settings_notes_shown: "Notes affichées :",
    recent_folders: "Dossiers ouverts récemment",
    strict_line_breaks: "Markdown strict : joindre les lignes d’un paragraphe",
    strict_line_breaks_hint: "Obsidian garde chaque retour à la ligne ; le Markdown standard les remplace par une espace. Les notes sont relues.",
    data_where: "Vos réglages, votre progression et vos brouillons sont enregistrés dans :",
    copy: "Copier",
    data_backups: "Chaque fichier est sauvegardé une fois par jour ; les {n} derniers jours sont gardés.",
    data_nowhere: "Aucun dossier de données : rien ne sera enregistré.",
    shortcuts_show: "Raccourcis clavier (F1)",
    shortcuts_title: "Raccourcis clavier",
    shortcuts_everywhere: "Partout",
    shortcut_back_forward: "Précédent / suivant",
    shortcut_choose: "Choisir une réponse",
    shortcut_check: "Valider",
    shortcut_grade: "Noter : à revoir, difficile, bien, facile",
    shortcut_next: "Question suivante",
    diagram_copy: "Copier la sélection",
    diagram_paste: "Coller",
    diagram_duplicate: "Dupliquer la sélection",
    diagram_select_all: "Tout sélectionner",
    diagram_delete: "Supprimer la sélection",
    diagram_deselect: "Désélectionner",
    diagram_nudge: "Déplacer la sélection d’un pas",
    // ----- Issue 13, complete interface in both languages: plurals, the Diagram room's
    // ----- untitled and templates, chart axes, and the errors worded for the interface
    // ----- (see `describe`). Keep this group last; add new fields after it.
    answered_one: "réponse",
    day: "jour",
    notes_one: "note",
    topics_one: "sujet",
    skipped_file: "fichier ignoré",
    matching_question: "question correspond",
    imported_one: "question importée",
    due_now_one: "révision due maintenant",
    due_now_many: "révisions dues maintenant",
    score_one: "{right} bonne réponse sur {total}",
    score_many: "{right} bonnes réponses sur {total}",
    diagram_shapes_one: "élément",
    diagram_shapes_many: "éléments",
    diagram_untitled: "sans titre",
    diagram_file_filter: "Schémas (aws-study, draw.io, SVG/PNG modifiables)",
    template_serverless_api: "API serverless",
    template_three_tier: "Application web trois tiers",
    template_event_driven: "Architecture événementielle",
    chart_today: "aujourd’hui",
    chart_days_ago: "il y a {n} j",
    chart_in_days: "dans {n} j",
    chart_reviews: "{day} : {n}",
    chart_accuracy_day: "{day} : {pct} %",
    chart_no_answer: "{day} : aucune réponse",
    io_not_found: "introuvable",
    io_permission: "accès refusé",
    io_exists: "existe déjà",
    io_invalid_data: "données invalides",
    io_disk_full: "le disque est plein",
    io_quota: "quota de disque dépassé",
    io_read_only: "le disque est en lecture seule",
    io_is_folder: "c’est un dossier",
    io_not_folder: "ce n’est pas un dossier",
    io_folder_not_empty: "le dossier n’est pas vide",
    io_too_large: "fichier trop gros",
    io_bad_name: "nom de fichier invalide",
    io_busy: "ressource occupée",
    io_truncated: "fin de fichier inattendue",
    io_timed_out: "délai dépassé",
    err_read: "Impossible de lire {path} : {why}",
    err_write: "Impossible d’enregistrer {path} : {why}",
    err_encode: "Impossible d’encoder {path} : {why}",
    err_corrupt_kept: "{path} est abîmé ({why}) ; il a été gardé sous {kept} et les valeurs par défaut sont utilisées",
    err_corrupt_left: "{path} est abîmé ({why}) ; il n’a pas pu être mis de côté, il reste donc en place et les valeurs par défaut sont utilisées",
    err_too_new: "{path} a été écrit par une version plus récente d’aws-study (format {found}, celle-ci lit jusqu’au format {supported}) ; il n’est pas modifié",
    err_lock_held: "Un autre aws-study{pid} utilise déjà {dir} ; fermez-le d’abord (celui-ci n’écrit rien)",
    err_lock_pid: " (processus {pid})",
    err_lock_io: "Impossible de verrouiller {path} : {why}",
    vault_open_failed: "Impossible d’ouvrir {path} : {why}",
    vault_not_folder: "{path} n’est pas un dossier",
    vault_crashed: "la lecture du dossier s’est arrêtée de façon inattendue",
    vault_unreadable: "impossible de lister le dossier {path} : {why}",
    note_too_large: "plus de {mb} Mo : seul le début est affiché",
    note_not_utf8: "pas en UTF-8 valide : les caractères illisibles sont affichés comme �",
    skip_folder_unreadable: "dossier illisible : {why}",
    skip_symlink: "lien symbolique (non suivi)",
    skip_too_deep: "dossier imbriqué trop profondément",
    skip_not_regular: "pas un fichier ordinaire",
    skip_unreadable: "illisible : {why}",
    skip_binary: "fichier binaire, pas une note Markdown",
    attachment_outside: "pointe hors du dossier de notes",
    attachment_not_found: "introuvable",
    attachment_too_large: "trop gros ({mb} Mo)",
    attachment_bundled: "ne fait pas partie des notes fournies",
    image_not_image: "pas une image ({why})",
    image_too_large: "l’image est trop grande pour être affichée",
    image_unsupported: "ce format d’image n’est pas pris en charge",
    image_unreadable: "l’image n’a pas pu être lue ({why})",
    image_svg_unreadable: "le SVG n’a pas pu être lu ({why})",
    image_alloc: "impossible d’allouer une image de {w}×{h}",
    drawing_unpack: "le dessin compressé n’a pas pu être décompressé",
    drawing_json: "le dessin n’est pas du JSON valide ({why})",
    drawing_no_elements: "le dessin n’a pas de liste d’éléments",
    drawing_missing: "la note ne contient pas de dessin (aucun bloc json sous « ## Drawing »)",
    diagram_not_diagram: "{path} : pas un fichier de schéma ({why})",
    diagram_version_zero: "la version 0 n’est pas un format de schéma",
    diagram_not_utf8: "pas du texte UTF-8 (octet {byte})",
    diagram_unknown_kind: "ni un fichier de schéma ni un fichier draw.io",
    diagram_export_failed: "Impossible d’exporter vers {path} : {why}",
    diagram_render_failed: "le rendu de l’image a échoué ({why})",
    diagram_pages: "le fichier a {count} pages ; {opened} a été ouverte, pas : {others}",
    drawio_not_drawio: "pas un fichier draw.io ({why})",
    drawio_png_without: "une image PNG sans schéma intégré",
    drawio_not_text: "ni du texte XML ni une image PNG",
    drawio_not_xml: "pas du XML",
    drawio_svg_without: "une image SVG sans schéma intégré",
    drawio_root: "l’élément racine est <{tag}>",
    drawio_embedded: "le schéma intégré est illisible",
    drawio_xml: "le XML draw.io est mal formé ({why})",
    drawio_inflate: "une page compressée n’a pas pu être décompressée ({why})",
    drawio_no_pages: "le fichier draw.io n’a aucune page",
    drawio_no_such_page: "la page {page} n’existe pas (le fichier en a {count})",
    drawio_summary: "Formes : {shapes} (icônes AWS : {icons}, groupes AWS : {groups}, approchées : {approx}) · liens gardés : {kept} sur {edges}",
    drawio_approximated: "approchée par une boîte : {what}",
    drawio_group: "groupe {name}",
    drawio_nested_loop: "des cellules sont imbriquées en boucle ; elles ont été placées comme sur la page",
    drawio_shape_on_edge: "une forme posée sur un lien a été laissée de côté : {label}",
    drawio_connectors_3d: "connecteurs 3D laissés de côté (dessinés comme des formes, pas comme des liens) : {n}",
    drawio_frames: "cadres avec une icône de groupe AWS dans un coin, devenus ce groupe : {n}",
    drawio_unparented: "formes d’un conteneur qui n’est pas un groupe AWS, placées à part : {n}",
    drawio_members: "formes dessinées dans un groupe, devenues ses membres : {n}",
    drawio_attached: "extrémités de liens libres posées sur une forme, reliées à elle : {n}",
    drawio_anchored: "extrémités de liens reliées à aucune forme, fixées en un point : {n}",
    drawio_missing_end: "liens laissés de côté, une extrémité n’étant reliée à aucune forme : {n}",
    drawio_to_edges: "liens laissés de côté car ils aboutissent sur un autre lien : {n}",
    drawio_group_loop: "des groupes imbriqués en boucle ont été séparés",
    repair_node_id: "l’élément {key} se disait élément {said} ; il est maintenant l’élément {key}",
    repair_edge_id: "la connexion {key} se disait connexion {said} ; elle est maintenant la connexion {key}",
    repair_geometry: "{label} avait une position ou une taille invalide ; elle a été corrigée",
    repair_unknown_icon: "{label} utilise l’icône inconnue {icon} ; elle est dessinée comme un emplacement réservé",
    repair_self_loop: "la connexion {edge} de {label} vers lui-même a été supprimée",
    repair_dangling_edge: "la connexion {edge} reliait un élément qui n’existe pas ; elle a été supprimée",
    repair_dangling_parent: "{label} était dans un groupe ({parent}) qui n’existe pas ; il n’est plus dans un groupe",
    repair_group_cycle: "{label} était dans une boucle de groupes ; il n’est plus dans un groupe",
    repair_order: "l’ordre de dessin était incomplet ou répétait des éléments ; il a été reconstruit",
    import_question: "question {n}",
    import_key_no_question: "la table de réponses nomme la question {n}, qui n’existe pas",
    import_unknown_domain: "domaine inconnu {value} (secure, resilient, performant ou cost)",
    import_unknown_service: "service AWS inconnu {name}",
    import_no_options: "{label} : aucune option trouvée (écrivez-les « A. texte » ou « - [ ] texte »)",
    import_empty_prompt: "{label} : le texte de la question est vide",
    import_one_option: "{label} : une seule option (il en faut au moins 2)",
    import_empty_option: "{label} : l’option {n} est vide",
    import_none_checked: "{label} : aucune option n’est cochée (cochez les bonnes avec [x])",
    import_no_answer: "{label} : options A–{last} trouvées, mais ni ligne de réponse (« Answer: B ») ni table de réponses",
    import_answer_out_of_range: "{label} : la réponse nomme {bad}, mais seules A–{last} existent",
    import_answer_not_found: "{label} : la réponse {text} n’est ni une lettre d’option (A–{last}) ni le texte d’une option",
    import_all_checked: "{label} : toutes les options sont cochées (laissez les fausses en [ ])",
    import_all_answers: "{label} : la réponse nomme toutes les options",
    key_shift: "Maj",
    key_delete: "Suppr",
    key_backspace: "Retour arrière",
    key_escape: "Échap",
    review: "Revue",
    review_title: "Revue de l’architecture",
    review_clean: "Aucune remarque : rien qu’un examinateur SAA-C03 ne reprocherait à ce schéma.",
    review_open: "À corriger",
    review_accepted: "Acceptées",
    review_accept: "Accepter…",
    review_accept_confirm: "Accepter",
    review_reason: "Pourquoi est-ce acceptable ici ?",
    review_reason_hint: "Environnement de test, supprimé ce soir…",
    review_no_reason: "(sans motif)",
    review_reopen: "Rouvrir",
    review_gone: "plus constatée dans le schéma",
    review_select: "Sélectionner ses éléments sur le schéma",
    review_doc: "Documentation AWS",
    review_note: "Note :",
    review_questions: "Questions :",
    review_domain: "Domaine de l’examen :",
    review_high: "Élevée",
    review_medium: "Moyenne",
    review_low: "Faible",
    template_multi_az_web_app: "Application web multi-AZ",
    template_static_website: "Site statique (S3 + CloudFront)",
    template_decoupled_workers: "Traitements découplés (SQS + Auto Scaling)",
    template_hybrid_network: "Réseau hybride (Direct Connect + VPN)",
    template_dr_backup_restore: "PRA : sauvegarde et restauration",
    template_dr_pilot_light: "PRA : veilleuse (pilot light)",
    template_dr_warm_standby: "PRA : secours actif réduit (warm standby)",
    template_dr_multi_site: "PRA : multisite actif/actif",
    template_data_lake: "Lac de données (Kinesis, S3, Glue, Athena)",
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
    tier_from_emphasis: "raised by an exam tip in this note",
    tier_from_other_note: "read in the note",
    tier_from_catalog: "SAA-C03 catalog",
    tier_or_more: "or more",
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
    room_notes: "Notes",
    room_quiz: "Quiz",
    due_today: "Reviews due now",
    review_due: "Review now",
    nothing_due: "Nothing due right now: start a practice session.",
    practice: "Practice",
    practice_hint: "Immediate feedback, explanations and links to your notes.",
    domain: "Domain",
    all_domains: "All",
    service: "Service",
    all_services: "All",
    note: "Note",
    all_notes: "All",
    include_generated: "Include questions generated from my notes",
    matching_questions: "questions match",
    start_practice: "Start practice",
    exam: "Exam simulation",
    exam_hint: "65 questions drawn by domain weight, 130 minutes, scored 100–1000 (pass at 720).",
    start_exam: "Start the exam",
    drills: "Diagram drills",
    drills_hint: "Questions about architecture diagrams: the templates, the diagrams you opened or saved in the Diagram room and those of your notes folder (draw.io included). Once answered, they join your reviews.",
    start_drills: "Start diagram drills",
    drills_available: "drills, from",
    drills_diagrams: "diagrams",
    drill_kind_service: "which service?",
    drill_kind_fault: "what is wrong?",
    drill_kind_fix: "which change?",
    drills_skipped: "Diagram drills: file skipped,",
    drill_which_service: "Which service belongs in the place marked “?”?",
    drill_which_service_many: "Which service belongs in the places marked “?”?",
    drill_diagram: "Architecture diagram",
    drill_what_is_wrong: "What is wrong with this architecture?",
    drill_requirement: "The company needs the following:",
    drill_which_change: "Which change to this architecture meets the requirement?",
    drill_doc: "AWS documentation",
    drill_hidden: "hidden",
    drill_enlarge: "Click to enlarge the diagram",
    drill_shrink: "Click to shrink the diagram",
    statistics: "Statistics",
    study_plan: "Study plan",
    import_questions: "Import questions…",
    import_title: "Import questions (Markdown)",
    import_path: "Path of the .md file",
    import_help: "Checklists (a heading per question, “- [ ]” wrong, “- [x]” right) or lettered options (“A. …” then “Answer: B”, a <details> block or an answer key at the end). The text that follows is the explanation; whatever cannot be read is reported with its line.",
    imported: "questions imported",
    home: "Quiz home",
    question: "Question",
    choose_two: "Choose two.",
    check: "Check",
    next: "Next",
    previous: "Previous",
    correct: "Correct",
    incorrect: "Incorrect",
    explanation: "Explanation",
    key_fact: "Key fact:",
    assumption: "Assumption",
    open_in_notes: "Open in notes",
    how_well: "How did it feel? (spaced repetition)",
    again: "Again",
    hard: "Hard",
    good: "Good",
    easy: "Easy",
    session_done: "Session complete",
    score_line: "right",
    back_home: "Back to the quiz home",
    flag: "Flag for review",
    unflag: "Unflag",
    submit: "Submit the exam",
    submit_confirm: "Submit the exam now?",
    unanswered: "unanswered",
    time_left: "Time left",
    result: "Result",
    passed: "PASS",
    failed: "FAIL",
    scaled_note: "Estimated: AWS does not publish its scaling; this is a linear conversion.",
    by_domain: "By domain",
    by_service: "By service (weakest first)",
    review_answers: "Review the answers",
    your_answer: "Your answer",
    right_answer: "Right answer",
    no_answer: "none",
    accuracy: "Accuracy",
    answered: "answers",
    streak: "Streak",
    days: "days",
    last_30_days: "Accuracy over the last 30 days",
    weakest: "Weakest services",
    forecast: "Reviews due (next 14 days)",
    exams_taken: "Simulated exams",
    no_data: "No answers yet: do a practice session.",
    plan_hint: "Most-asked and weakest topics first.",
    practice_topic: "Practice",
    never_answered: "never practised",
    bank_problem: "Question bank",
    progress_problem: "Progress",
    no_questions: "No question matches these filters.",
    room_diagram: "Diagram",
    diagram_recover: "An unsaved diagram was found (autosaved draft). Recover it?",
    diagram_recover_yes: "Recover",
    diagram_recover_no: "Discard the draft",
    diagram_palette: "AWS icons",
    diagram_palette_hint: "Search a service (lamb, s3…)",
    diagram_drag_hint: "Drag onto the canvas, or click to add at the centre.",
    diagram_groups: "Groups",
    diagram_file: "File",
    diagram_new: "New",
    diagram_save: "Save",
    diagram_save_as: "Save as…",
    diagram_scale: "Scale",
    diagram_export_png: "Export PNG…",
    diagram_export_svg: "Export SVG…",
    diagram_templates: "Templates",
    diagram_undo: "Undo",
    diagram_redo: "Redo",
    diagram_zoom_out: "Zoom out (−)",
    diagram_zoom_in: "Zoom in (+)",
    diagram_fit: "Fit",
    diagram_snap: "Snap to grid",
    diagram_badges: "Frequency badges",
    diagram_straight: "Straight",
    diagram_orthogonal: "Orthogonal",
    diagram_arrow_none: "No arrow",
    diagram_arrow_one: "Arrow →",
    diagram_arrow_both: "Arrows ↔",
    diagram_open_note: "Open note",
    diagram_unsaved: "The diagram has unsaved changes.",
    diagram_discard: "Don’t save",
    diagram_canvas: "Diagram canvas",
    diagram_path: "File path",
    diagram_label: "Label (Enter to apply, Esc to cancel)",
    diagram_empty: "Drag icons from the palette, or start from a template (Templates menu).",
    damaged_title: "A file of yours is damaged",
    damaged_body: "The file {name} ({file}) is damaged and could not be read, probably cut short by a crash or a full disk. Nothing was deleted: it was kept as {kept}. Meanwhile the app starts from empty values.",
    damaged_no_backup: "No readable backup of it exists yet.",
    restore_backup_of: "Restore the backup of {date}",
    continue_without: "Continue without it",
    restore_a_backup: "Restore a backup…",
    backups_title: "Backups (one a day, the last 10)",
    no_backups: "No backup yet",
    restored: "Restored {file} from the backup of {date}.",
    close: "Close",
    file_progress: "your quiz progress",
    file_settings: "your settings",
    file_overrides: "your exam-frequency tiers",
    later_today: "later today",
    resume_session: "Resume the session",
    session_missed: "Questions missed",
    retake_missed: "Retake the ones I missed",
    no_misses: "No mistakes: well done.",
    keyboard_hint: "Keys: 1–5 or A–E to choose · Enter to check · 1–4 to grade · → to go on",
    leech: "Leech: forgotten 8 times or more — reread the note rather than repeat",
    leeches: "Leeches",
    leeches_hint: "Questions forgotten 8 times or more: the note behind them deserves a reread.",
    no_leeches: "None so far.",
    pause_exam: "Pause",
    exam_paused: "Exam paused",
    resume_exam: "Resume the exam",
    drawing_unreadable: "Excalidraw drawing not readable",
    drawing_empty: "the drawing is empty",
    remote_image: "Online image (never downloaded)",
    image_open_viewer: "Click to enlarge",
    image_viewer_hint: "Wheel: zoom · drag: pan · Esc: close",
    already_open: "aws-study is already open",
    quit: "Quit",
    diagram_exported: "Exported:",
    diagram_export_drawio: "Export draw.io…",
    diagram_imported: "Imported (Save writes an .awsdiagram.ron; the original stays as it is):",
    no_file_dialog: "No file picked. If no window opened, this desktop has no file chooser: type the path.",
    abandon_exam: "Abandon",
    abandon_confirm: "Abandon and lose the answers",
    filter_all: "All",
    filter_wrong: "Wrong",
    filter_flagged: "Flagged",
    filter_unanswered: "Unanswered",
    legend_answered: "answered",
    legend_flagged: "flagged",
    legend_current: "shown",
    legend_unanswered: "not answered",
    exam_date: "Exam date",
    exam_date_hint: "YYYY-MM-DD",
    exam_date_invalid: "A date as YYYY-MM-DD, today or later",
    set_date: "Set",
    clear_date: "Clear",
    day_left: "day to the exam",
    days_left: "days to the exam",
    exam_today: "The exam is today. Good luck!",
    reviews_until_exam: "Reviews due each day until the exam",
    unseen_one: "question never seen",
    unseen_many: "questions never seen",
    unseen_per_day: "a day to see them all before the exam",
    retention: "Target retention",
    retention_hint: "Higher: shorter intervals, more reviews (FSRS, 90 % by default).",
    imported_in_exams: "Imported questions in simulated exams",
    schedule: "Review schedule",
    exam_history: "Simulated exams by domain",
    exam_number: "exam",
    // ---- start page, Settings window, shortcut sheet ----
    room_start: "Start",
    start_title: "Study for AWS Solutions Architect Associate",
    start_line_1: "Read your notes with each service’s official icon and how often the exam asks about each topic.",
    start_line_2: "Draw AWS architectures, and practise with questions that link back to your notes.",
    start_line_3: "Spaced repetition (FSRS) brings back the questions to review every evening, until exam day.",
    start_today: "Today",
    review_due_one: "review due",
    review_due_many: "reviews due",
    start_review_now: "Review now",
    start_nothing_due: "Nothing to review right now.",
    start_no_exam_date: "No exam date set.",
    start_set_exam_date: "Set a date…",
    start_no_weakness: "Answer a few questions: your weakest services will show here.",
    open_topic: "Open the topic in the notes",
    start_notes_what: "Your Markdown notes (or an Obsidian vault), ranked by how often the exam asks.",
    start_open_top_topic: "Open the most asked topic",
    start_diagram_what: "An architecture canvas with AWS icons, VPC and subnet groups, and draw.io files.",
    start_draw_template: "Draw from a template",
    start_quiz_what: "Practice, spaced reviews and a 65-question, 130-minute mock exam.",
    start_practice_session: "Start a practice session",
    start_badges: "The frequency badges",
    start_badges_what: "How often the SAA-C03 exam asks about a topic: study the top of the list first.",
    start_tier_coverage: "{n} of the {total} topics of these notes have a badge.",
    settings_interface: "Interface",
    settings_notes: "Notes",
    settings_quiz: "Quiz",
    settings_data: "Data",
    settings_notes_shown: "Notes shown:",
    recent_folders: "Recently opened folders",
    strict_line_breaks: "Strict Markdown: join the lines of a paragraph",
    strict_line_breaks_hint: "Obsidian keeps every line break; standard Markdown turns them into spaces. The notes are read again.",
    data_where: "Your settings, progress and drafts are saved in:",
    copy: "Copy",
    data_backups: "Each file is backed up once a day; the last {n} days are kept.",
    data_nowhere: "No data folder: nothing will be saved.",
    shortcuts_show: "Keyboard shortcuts (F1)",
    shortcuts_title: "Keyboard shortcuts",
    shortcuts_everywhere: "Everywhere",
    shortcut_back_forward: "Back / forward",
    shortcut_choose: "Choose an answer",
    shortcut_check: "Check",
    shortcut_grade: "Grade: again, hard, good, easy",
    shortcut_next: "Next question",
    diagram_copy: "Copy the selection",
    diagram_paste: "Paste",
    diagram_duplicate: "Duplicate the selection",
    diagram_select_all: "Select all",
    diagram_delete: "Delete the selection",
    diagram_deselect: "Clear the selection",
    diagram_nudge: "Nudge the selection one step",
    // ----- Issue 13, complete interface in both languages: plurals, the Diagram room's
    // ----- untitled and templates, chart axes, and the errors worded for the interface
    // ----- (see `describe`). Keep this group last; add new fields after it.
    answered_one: "answer",
    day: "day",
    notes_one: "note",
    topics_one: "topic",
    skipped_file: "file skipped",
    matching_question: "question matches",
    imported_one: "question imported",
    due_now_one: "review due now",
    due_now_many: "reviews due now",
    score_one: "{right} of {total} right",
    score_many: "{right} of {total} right",
    diagram_shapes_one: "shape",
    diagram_shapes_many: "shapes",
    diagram_untitled: "untitled",
    diagram_file_filter: "Diagrams (aws-study, draw.io, editable SVG/PNG)",
    template_serverless_api: "Serverless API",
    template_three_tier: "Three-tier web app",
    template_event_driven: "Event-driven",
    chart_today: "today",
    chart_days_ago: "{n} d ago",
    chart_in_days: "in {n} d",
    chart_reviews: "{day}: {n}",
    chart_accuracy_day: "{day}: {pct} %",
    chart_no_answer: "{day}: no answers",
    io_not_found: "not found",
    io_permission: "permission denied",
    io_exists: "already exists",
    io_invalid_data: "invalid data",
    io_disk_full: "the disk is full",
    io_quota: "disk quota exceeded",
    io_read_only: "the disk is read-only",
    io_is_folder: "it is a folder",
    io_not_folder: "it is not a folder",
    io_folder_not_empty: "the folder is not empty",
    io_too_large: "file too large",
    io_bad_name: "invalid file name",
    io_busy: "resource busy",
    io_truncated: "unexpected end of file",
    io_timed_out: "timed out",
    err_read: "Could not read {path}: {why}",
    err_write: "Could not save {path}: {why}",
    err_encode: "Could not encode {path}: {why}",
    err_corrupt_kept: "{path} is damaged ({why}); it was kept as {kept} and defaults are used",
    err_corrupt_left: "{path} is damaged ({why}); it could not be moved aside, so it is left in place and defaults are used",
    err_too_new: "{path} was written by a newer aws-study (format {found}, this one reads up to {supported}); it is left untouched",
    err_lock_held: "Another aws-study{pid} is already using {dir}; close it first (this one writes nothing)",
    err_lock_pid: " (process {pid})",
    err_lock_io: "Could not lock {path}: {why}",
    vault_open_failed: "Could not open {path}: {why}",
    vault_not_folder: "{path} is not a folder",
    vault_crashed: "reading the folder stopped unexpectedly",
    vault_unreadable: "could not list the folder {path}: {why}",
    note_too_large: "larger than {mb} MB: only the beginning is shown",
    note_not_utf8: "not valid UTF-8: unreadable characters are shown as �",
    skip_folder_unreadable: "folder not readable: {why}",
    skip_symlink: "symbolic link (not followed)",
    skip_too_deep: "folder nested too deep",
    skip_not_regular: "not a regular file",
    skip_unreadable: "not readable: {why}",
    skip_binary: "binary file, not a Markdown note",
    attachment_outside: "points outside the notes folder",
    attachment_not_found: "not found",
    attachment_too_large: "too large ({mb} MB)",
    attachment_bundled: "not part of the bundled notes",
    image_not_image: "not an image ({why})",
    image_too_large: "the image is too large to show",
    image_unsupported: "this image format is not supported",
    image_unreadable: "the image could not be read ({why})",
    image_svg_unreadable: "the SVG could not be read ({why})",
    image_alloc: "cannot allocate a {w}×{h} image",
    drawing_unpack: "the compressed drawing could not be unpacked",
    drawing_json: "the drawing is not valid JSON ({why})",
    drawing_no_elements: "the drawing has no elements list",
    drawing_missing: "the note has no drawing (no json block under “## Drawing”)",
    diagram_not_diagram: "{path}: not a diagram file ({why})",
    diagram_version_zero: "version 0 is not a diagram format",
    diagram_not_utf8: "not UTF-8 text (byte {byte})",
    diagram_unknown_kind: "neither a diagram file nor a draw.io file",
    diagram_export_failed: "Could not export to {path}: {why}",
    diagram_render_failed: "the image could not be rendered ({why})",
    diagram_pages: "the file has {count} pages; {opened} was opened, not: {others}",
    drawio_not_drawio: "not a draw.io file ({why})",
    drawio_png_without: "a PNG image without an embedded diagram",
    drawio_not_text: "neither XML text nor a PNG image",
    drawio_not_xml: "not XML",
    drawio_svg_without: "an SVG image without an embedded diagram",
    drawio_root: "the root element is <{tag}>",
    drawio_embedded: "the embedded diagram is not readable",
    drawio_xml: "the draw.io XML is malformed ({why})",
    drawio_inflate: "a compressed page could not be inflated ({why})",
    drawio_no_pages: "the draw.io file has no page",
    drawio_no_such_page: "page {page} does not exist (the file has {count})",
    drawio_summary: "Shapes: {shapes} (AWS icons: {icons}, AWS groups: {groups}, approximated: {approx}) · edges kept: {kept} of {edges}",
    drawio_approximated: "approximated as a box: {what}",
    drawio_group: "group {name}",
    drawio_nested_loop: "some cells are nested in a loop; they were placed as if on the page",
    drawio_shape_on_edge: "a shape placed on an edge was left out: {label}",
    drawio_connectors_3d: "3D connector shapes left out (drawn as shapes, not edges): {n}",
    drawio_frames: "frames with an AWS group icon in a corner, made that group: {n}",
    drawio_unparented: "shapes in a container that is not an AWS group, placed on their own: {n}",
    drawio_members: "shapes drawn inside a group, made its members: {n}",
    drawio_attached: "loose edge ends lying on a shape, connected to it: {n}",
    drawio_anchored: "edge ends connected to no shape, fixed at a point: {n}",
    drawio_missing_end: "edges left out, an end being connected to no shape: {n}",
    drawio_to_edges: "edges left out because they end on another edge: {n}",
    drawio_group_loop: "groups nested in a loop were taken apart",
    repair_node_id: "node {key} said it was node {said}; it is node {key} now",
    repair_edge_id: "edge {key} said it was edge {said}; it is edge {key} now",
    repair_geometry: "{label} had an invalid position or size; it was fixed",
    repair_unknown_icon: "{label} uses the unknown icon {icon}; it is drawn as a placeholder",
    repair_self_loop: "the connection {edge} from {label} to itself was removed",
    repair_dangling_edge: "the connection {edge} joined a node that does not exist; it was removed",
    repair_dangling_parent: "{label} was inside a group ({parent}) that does not exist; it is no longer in a group",
    repair_group_cycle: "{label} was inside a loop of groups; it is no longer in a group",
    repair_order: "the drawing order was incomplete or repeated nodes; it was rebuilt",
    import_question: "question {n}",
    import_key_no_question: "the answer key names question {n}, but there is no such question",
    import_unknown_domain: "unknown domain {value} (secure, resilient, performant or cost)",
    import_unknown_service: "unknown AWS service {name}",
    import_no_options: "{label}: no options found (write them as `A. text` or `- [ ] text`)",
    import_empty_prompt: "{label}: the question text is empty",
    import_one_option: "{label}: only one option (at least 2 are needed)",
    import_empty_option: "{label}: option {n} is empty",
    import_none_checked: "{label}: no option is checked (mark the right ones with [x])",
    import_no_answer: "{label}: options A–{last} found but no answer line (`Answer: B`) and nothing in an answer key",
    import_answer_out_of_range: "{label}: the answer names {bad} but only A–{last} exist",
    import_answer_not_found: "{label}: the answer {text} is neither an option letter (A–{last}) nor an option’s text",
    import_all_checked: "{label}: every option is checked (leave the wrong ones as [ ])",
    import_all_answers: "{label}: the answer names every option",
    key_shift: "Shift",
    key_delete: "Del",
    key_backspace: "Backspace",
    key_escape: "Esc",
    review: "Review",
    review_title: "Architecture review",
    review_clean: "No findings: nothing an SAA-C03 examiner would object to in this diagram.",
    review_open: "To fix",
    review_accepted: "Accepted",
    review_accept: "Accept…",
    review_accept_confirm: "Accept",
    review_reason: "Why is it acceptable here?",
    review_reason_hint: "Test environment, deleted tonight…",
    review_no_reason: "(no reason given)",
    review_reopen: "Reopen",
    review_gone: "no longer in the diagram",
    review_select: "Select its nodes on the canvas",
    review_doc: "AWS documentation",
    review_note: "Note:",
    review_questions: "Questions:",
    review_domain: "Exam domain:",
    review_high: "High",
    review_medium: "Medium",
    review_low: "Low",
    template_multi_az_web_app: "Multi-AZ web app",
    template_static_website: "Static website (S3 + CloudFront)",
    template_decoupled_workers: "Decoupled workers (SQS + Auto Scaling)",
    template_hybrid_network: "Hybrid network (Direct Connect + VPN)",
    template_dr_backup_restore: "DR: backup and restore",
    template_dr_pilot_light: "DR: pilot light",
    template_dr_warm_standby: "DR: warm standby",
    template_dr_multi_site: "DR: multi-site active/active",
    template_data_lake: "Data lake (Kinesis, S3, Glue, Athena)",
};

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys whose French and English texts are rightly the same word.
    const SAME_IN_BOTH: &[&str] = &[
        "notes",              // "notes" (status bar)
        "notes_one",          // "note"
        "room_notes",         // "Notes"
        "room_quiz",          // "Quiz"
        "service",            // "Service"
        "note",               // "Note"
        "question",           // "Question"
        "pause_exam",         // "Pause"
        "import_question",    // "question {n}"
        "settings_interface", // "Interface"
        "settings_notes",     // "Notes"
        "settings_quiz",      // "Quiz"
    ];

    /// The `{name}` placeholders of a template, sorted.
    fn placeholders(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut rest = text;
        while let Some(start) = rest.find('{') {
            let after = &rest[start + 1..];
            let Some(end) = after.find('}') else { break };
            let name = &after[..end];
            if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                out.push(name.to_owned());
            }
            rest = &after[end + 1..];
        }
        out.sort();
        out
    }

    fn languages() -> (
        serde_json::Map<String, serde_json::Value>,
        serde_json::Map<String, serde_json::Value>,
    ) {
        let as_map = |s: &Strings| match serde_json::to_value(s) {
            Ok(serde_json::Value::Object(map)) => map,
            other => panic!("strings are not an object: {other:?}"),
        };
        (as_map(&FR), as_map(&EN))
    }

    /// The struct makes a field missing in one language a compile error; this catches what
    /// the compiler cannot: a text left empty, left in the other language (copied, not
    /// translated), or missing a `{placeholder}` the other language fills in.
    #[test]
    fn every_string_exists_in_both_languages() {
        let (fr, en) = languages();
        assert_eq!(fr.keys().collect::<Vec<_>>(), en.keys().collect::<Vec<_>>());
        let mut problems = Vec::new();
        for (key, fr_value) in &fr {
            let fr_text = fr_value.as_str().unwrap_or_default();
            let en_text = en[key].as_str().unwrap_or_default();
            if fr_text.trim().is_empty() {
                problems.push(format!("{key}: empty in French"));
            }
            if en_text.trim().is_empty() {
                problems.push(format!("{key}: empty in English"));
            }
            let same = fr_text == en_text;
            let allowed = SAME_IN_BOTH.contains(&key.as_str());
            if same && !allowed {
                problems.push(format!(
                    "{key}: {fr_text:?} is the same in French and English (not translated?)"
                ));
            }
            if allowed && !same {
                problems.push(format!(
                    "{key}: listed in SAME_IN_BOTH but translated; remove it from the list"
                ));
            }
            if placeholders(fr_text) != placeholders(en_text) {
                problems.push(format!(
                    "{key}: placeholders differ: French {:?}, English {:?}",
                    placeholders(fr_text),
                    placeholders(en_text)
                ));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn placeholders_are_found() {
        assert_eq!(placeholders("{right} of {total} right"), ["right", "total"]);
        assert_eq!(placeholders("no {} braces { here"), Vec::<String>::new());
        assert_eq!(
            fill("{n} sur {total}, {n}", &[("n", &3), ("total", &10)]),
            "3 sur 10, 3"
        );
    }

    #[test]
    fn plurals_follow_each_language() {
        let fr = |n: i64| Lang::Fr.count(n, "réponse", "réponses");
        let en = |n: usize| Lang::En.count(n, "answer", "answers");
        assert_eq!(
            [fr(0), fr(1), fr(2), fr(-1)],
            ["0 réponse", "1 réponse", "2 réponses", "-1 réponses"]
        );
        assert_eq!(
            [en(0), en(1), en(2)],
            ["0 answers", "1 answer", "2 answers"]
        );
        assert_eq!(Lang::Fr.plural(1_u32, FR.day, FR.days), "jour");
        assert_eq!(Lang::En.plural(1_u32, EN.day, EN.days), "day");
        assert_eq!(Lang::En.plural(30_u32, EN.day, EN.days), "days");
        assert_eq!(Lang::Fr.quote("x"), "« x »");
        assert_eq!(Lang::En.labelled("File", "x"), "File: x");
        assert_eq!(Lang::Fr.labelled("Fichier", "x"), "Fichier : x");
    }

    /// Literals allowed as the text of a widget: names that are the same in every language
    /// (the app, a language's own name, file formats, products) and symbols.
    const NOT_WORDS: &[&str] = &["aws-study", "Français", "English", "Markdown", "Excalidraw"];

    /// The calls that take text the user reads, and which argument it is (from 0).
    const TEXT_CALLS: &[(&str, usize)] = &[
        ("label(", 0),
        ("button(", 0),
        ("small_button(", 0),
        ("heading(", 0),
        ("on_hover_text(", 0),
        ("on_disabled_hover_text(", 0),
        ("on_hover_text_at_pointer(", 0),
        ("RichText::new(", 0),
        ("Label::new(", 0),
        ("Window::new(", 0),
        ("Button::new(", 0),
        ("Button::selectable(", 1),
        ("selectable_label(", 1),
        ("selectable_value(", 2),
        ("checkbox(", 1),
        ("radio(", 1),
        ("menu_button(", 0),
        ("CollapsingHeader::new(", 0),
        ("hint_text(", 0),
        ("shortcut_text(", 0),
        (".text(", 0),
        ("link(", 0),
        ("hyperlink_to(", 0),
        ("labeled(", 2),
        ("add_filter(", 0),
        ("set_title(", 0),
        ("messages.push(", 0),
    ];

    /// The arguments of a call, `code` starting just after its `(`: split at the commas
    /// outside brackets and string literals, up to the closing `)`.
    fn call_args(code: &str) -> Vec<&str> {
        let mut args = Vec::new();
        let (mut depth, mut start, mut in_str, mut escaped) = (0i32, 0, false, false);
        for (i, c) in code.char_indices() {
            if in_str {
                match c {
                    _ if escaped => escaped = false,
                    '\\' => escaped = true,
                    '"' => in_str = false,
                    _ => {}
                }
                continue;
            }
            match c {
                '"' => in_str = true,
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' if depth > 0 => depth -= 1,
                ')' => {
                    args.push(code[start..i].trim());
                    return args;
                }
                ',' if depth == 0 => {
                    args.push(code[start..i].trim());
                    start = i + 1;
                }
                _ => {}
            }
        }
        args
    }

    /// The string literal an argument is (also `&"…"`, `format!("…", …)`), if it is one.
    fn leading_literal(arg: &str) -> Option<String> {
        let mut rest = arg.trim_start().trim_start_matches('&');
        if let Some(r) = rest.strip_prefix("format!(") {
            rest = r.trim_start();
        }
        let body = rest.strip_prefix('"')?;
        let mut out = String::new();
        let mut chars = body.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => {
                    chars.next();
                }
                '"' => return Some(out),
                c => out.push(c),
            }
        }
        None
    }

    /// True when `literal`, its `{…}` placeholders removed, holds a word (two letters in a
    /// row) and is not one of [`NOT_WORDS`].
    fn has_words(literal: &str) -> bool {
        if NOT_WORDS.contains(&literal) {
            return false;
        }
        let mut text = String::new();
        let mut depth = 0;
        for c in literal.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                c if depth == 0 => text.push(c),
                _ => {}
            }
        }
        let letters: Vec<bool> = text.chars().map(char::is_alphabetic).collect();
        letters.windows(2).any(|w| w[0] && w[1])
    }

    /// Every `.rs` file under `dir`.
    fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    /// Words written straight into a view: what `ui/` and the app show (labels, buttons,
    /// headings, hover texts, rich texts, windows, messages) comes from [`Strings`], so
    /// that nothing stays English in the French interface. Reads the sources at test time.
    #[test]
    fn views_show_no_literal_words() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = vec![root.join("app.rs")];
        rust_files(&root.join("app"), &mut files);
        rust_files(&root.join("ui"), &mut files);
        assert!(files.len() > 10, "{files:?}");
        let mut found = Vec::new();
        for file in &files {
            let Ok(text) = std::fs::read_to_string(file) else {
                panic!("cannot read {}", file.display());
            };
            // Unit tests at the end of a view may write what they like.
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            for (call, arg) in TEXT_CALLS {
                for (at, _) in code.match_indices(call) {
                    let args = call_args(&code[at + call.len()..]);
                    let Some(literal) = args.get(*arg).and_then(|a| leading_literal(a)) else {
                        continue;
                    };
                    if has_words(&literal) {
                        let line = code[..at].lines().count();
                        found.push(format!("{}:{line}: {call}{literal:?}", file.display()));
                    }
                }
            }
        }
        assert!(
            found.is_empty(),
            "words written in a view instead of i18n::Strings:\n{}",
            found.join("\n")
        );
    }

    #[test]
    fn the_scanner_sees_words_not_symbols() {
        assert_eq!(
            call_args(r#"&mut on, "Snap, to grid", f(a, b)), rest"#),
            ["&mut on", r#""Snap, to grid""#, "f(a, b)"]
        );
        assert_eq!(leading_literal(r#" "Save as""#).as_deref(), Some("Save as"));
        assert_eq!(
            leading_literal(r#"&format!("{n} \"days\"", n)"#).as_deref(),
            Some("{n} days")
        );
        assert_eq!(leading_literal("s.save"), None);
        assert!(has_words("Streak {n} days"));
        assert!(!has_words("{n} · {m}"));
        assert!(!has_words("✕"));
        assert!(!has_words("{} ({due})"));
        assert!(!has_words("aws-study"));
    }

    #[test]
    fn system_locale_is_followed() {
        assert_eq!(Lang::resolve(LangChoice::System, Some("fr-FR")), Lang::Fr);
        assert_eq!(Lang::resolve(LangChoice::System, Some("en_US")), Lang::En);
        assert_eq!(Lang::resolve(LangChoice::System, None), Lang::En);
        assert_eq!(Lang::resolve(LangChoice::En, Some("fr-FR")), Lang::En);
    }
}
