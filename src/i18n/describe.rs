//! Errors and warnings worded for the interface. Every error the user may see keeps its
//! English `Display` (logs, the command line, tests) and gets a [`Describe`] here, which
//! builds the sentence from the interface language's [`Strings`](super::Strings): the
//! store's, the lock's, the vault reader's, the image decoder's, the diagram files' and the
//! draw.io importer's, and the question importer's. I/O errors are worded by their
//! [`ErrorKind`] ([`Lang::io`]); the system's own text is the fallback for the rarer kinds.
//!
//! Details that come from a library (a RON or JSON parser's position, an image decoder's
//! message) are technical and stay as they are, inside the localized sentence.

use std::io::ErrorKind;
use std::path::Path;

use super::{Lang, fill};
use crate::diagram::drawio::{DrawioError, ImportNote, NotDrawio, Unknown};
use crate::diagram::file::{ExportError, FileError, ParseReason, Repair, Warning};
use crate::images::ImageError;
use crate::notes::excalidraw::DrawingProblem;
use crate::notes::vault::{AttachmentError, NoteProblem, SkipReason, VaultError};
use crate::quiz::import::{ImportProblem, QuestionLabel};
use crate::store::StoreError;
use crate::store::lock::LockError;

/// Something shown to the user, worded in the interface language.
pub trait Describe {
    /// The sentence in `lang`.
    fn describe(&self, lang: Lang) -> String;
}

/// An I/O error reduced to what the interface says about it: its kind, worded in the
/// interface language, and the system's text, shown for kinds without wording. Cloneable,
/// unlike [`std::io::Error`], so problems found while reading a vault can be kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IoFailure {
    /// The kind of failure.
    pub kind: ErrorKind,
    /// The system's text (English, or the OS language).
    pub message: String,
}

impl From<&std::io::Error> for IoFailure {
    fn from(e: &std::io::Error) -> Self {
        Self {
            kind: e.kind(),
            message: e.to_string(),
        }
    }
}

impl std::fmt::Display for IoFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl Lang {
    /// An I/O failure in this language: the common kinds in words ("accès refusé", "the
    /// disk is full"), anything else as the system said it (`os`).
    #[must_use]
    pub fn io(self, kind: ErrorKind, os: &str) -> String {
        let s = self.strings();
        let word = match kind {
            ErrorKind::NotFound => s.io_not_found,
            ErrorKind::PermissionDenied => s.io_permission,
            ErrorKind::AlreadyExists => s.io_exists,
            ErrorKind::InvalidData => s.io_invalid_data,
            ErrorKind::StorageFull => s.io_disk_full,
            ErrorKind::QuotaExceeded => s.io_quota,
            ErrorKind::ReadOnlyFilesystem => s.io_read_only,
            ErrorKind::IsADirectory => s.io_is_folder,
            ErrorKind::NotADirectory => s.io_not_folder,
            ErrorKind::DirectoryNotEmpty => s.io_folder_not_empty,
            ErrorKind::FileTooLarge => s.io_too_large,
            ErrorKind::InvalidFilename => s.io_bad_name,
            ErrorKind::ResourceBusy => s.io_busy,
            ErrorKind::UnexpectedEof => s.io_truncated,
            ErrorKind::TimedOut => s.io_timed_out,
            _ => return os.to_owned(),
        };
        word.to_owned()
    }
}

impl Describe for std::io::Error {
    fn describe(&self, lang: Lang) -> String {
        lang.io(self.kind(), &self.to_string())
    }
}

impl Describe for IoFailure {
    fn describe(&self, lang: Lang) -> String {
        lang.io(self.kind, &self.message)
    }
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

impl Describe for StoreError {
    fn describe(&self, lang: Lang) -> String {
        let s = lang.strings();
        match self {
            Self::Read { path, source } => fill(
                s.err_read,
                &[("path", &shown(path)), ("why", &source.describe(lang))],
            ),
            Self::Corrupt {
                path,
                reason,
                kept_as,
            } => match kept_as {
                Some(kept) => fill(
                    s.err_corrupt_kept,
                    &[
                        ("path", &shown(path)),
                        ("why", reason),
                        ("kept", &shown(kept)),
                    ],
                ),
                None => fill(
                    s.err_corrupt_left,
                    &[("path", &shown(path)), ("why", reason)],
                ),
            },
            Self::TooNew {
                path,
                found,
                supported,
            } => fill(
                s.err_too_new,
                &[
                    ("path", &shown(path)),
                    ("found", found),
                    ("supported", supported),
                ],
            ),
            Self::Write { path, source } => fill(
                s.err_write,
                &[("path", &shown(path)), ("why", &source.describe(lang))],
            ),
            Self::Encode { path, reason } => {
                fill(s.err_encode, &[("path", &shown(path)), ("why", reason)])
            }
        }
    }
}

impl Describe for LockError {
    fn describe(&self, lang: Lang) -> String {
        let s = lang.strings();
        match self {
            Self::Held { dir, pid } => {
                let pid = pid
                    .as_ref()
                    .map(|p| fill(s.err_lock_pid, &[("pid", p)]))
                    .unwrap_or_default();
                fill(s.err_lock_held, &[("pid", &pid), ("dir", &shown(dir))])
            }
            Self::Io { path, source } => fill(
                s.err_lock_io,
                &[("path", &shown(path)), ("why", &source.describe(lang))],
            ),
        }
    }
}

impl Describe for VaultError {
    fn describe(&self, lang: Lang) -> String {
        let s = lang.strings();
        match self {
            Self::NotAFolder(path) => fill(s.vault_not_folder, &[("path", &shown(path))]),
            Self::Crashed => s.vault_crashed.to_owned(),
            Self::Unreadable { path, source } => fill(
                s.vault_unreadable,
                &[("path", &shown(path)), ("why", &source.describe(lang))],
            ),
        }
    }
}

impl Describe for NoteProblem {
    fn describe(&self, lang: Lang) -> String {
        let s = lang.strings();
        match self {
            Self::TooLarge { limit_mb } => fill(s.note_too_large, &[("mb", limit_mb)]),
            Self::NotUtf8 => s.note_not_utf8.to_owned(),
        }
    }
}

impl Describe for SkipReason {
    fn describe(&self, lang: Lang) -> String {
        let s = lang.strings();
        match self {
            Self::FolderUnreadable(io) => {
                fill(s.skip_folder_unreadable, &[("why", &io.describe(lang))])
            }
            Self::Symlink => s.skip_symlink.to_owned(),
            Self::TooDeep => s.skip_too_deep.to_owned(),
            Self::NotRegular => s.skip_not_regular.to_owned(),
            Self::Unreadable(io) => fill(s.skip_unreadable, &[("why", &io.describe(lang))]),
            Self::Binary => s.skip_binary.to_owned(),
        }
    }
}

impl Describe for AttachmentError {
    fn describe(&self, lang: Lang) -> String {
        let s = lang.strings();
        match self {
            Self::Outside => s.attachment_outside.to_owned(),
            Self::NotFound => s.attachment_not_found.to_owned(),
            Self::NotRegular => s.skip_not_regular.to_owned(),
            Self::TooLarge { mb } => fill(s.attachment_too_large, &[("mb", mb)]),
            Self::Io(io) => io.describe(lang),
            Self::Bundled => s.attachment_bundled.to_owned(),
        }
    }
}

impl Describe for ImageError {
    fn describe(&self, lang: Lang) -> String {
        let s = lang.strings();
        match self {
            Self::Attachment(e) => e.describe(lang),
            Self::NotAnImage(why) => fill(s.image_not_image, &[("why", why)]),
            Self::TooLarge => s.image_too_large.to_owned(),
            Self::Unsupported => s.image_unsupported.to_owned(),
            Self::Unreadable(why) => fill(s.image_unreadable, &[("why", why)]),
            Self::Svg(why) => fill(s.image_svg_unreadable, &[("why", why)]),
            Self::Alloc { width, height } => fill(s.image_alloc, &[("w", width), ("h", height)]),
        }
    }
}

impl Describe for DrawingProblem {
    fn describe(&self, lang: Lang) -> String {
        let s = lang.strings();
        match self {
            Self::Unpack => s.drawing_unpack.to_owned(),
            Self::Json(why) => fill(s.drawing_json, &[("why", why)]),
            Self::NoElements => s.drawing_no_elements.to_owned(),
            Self::Missing => s.drawing_missing.to_owned(),
        }
    }
}

impl Describe for FileError {
    fn describe(&self, lang: Lang) -> String {
        let s = lang.strings();
        match self {
            Self::Read { path, source } => fill(
                s.err_read,
                &[("path", &shown(path)), ("why", &source.describe(lang))],
            ),
            Self::Parse { path, reason } => fill(
                s.diagram_not_diagram,
                &[("path", &shown(path)), ("why", &reason.describe(lang))],
            ),
            Self::TooNew {
                path,
                found,
                supported,
            } => fill(
                s.err_too_new,
                &[
                    ("path", &shown(path)),
                    ("found", found),
                    ("supported", supported),
                ],
            ),
            Self::Write { path, source } => fill(
                s.err_write,
                &[("path", &shown(path)), ("why", &source.describe(lang))],
            ),
        }
    }
}

impl Describe for ParseReason {
    fn describe(&self, lang: Lang) -> String {
        let s = lang.strings();
        match self {
            Self::Ron(why) => why.clone(),
            Self::VersionZero => s.diagram_version_zero.to_owned(),
            Self::NotUtf8 { byte } => fill(s.diagram_not_utf8, &[("byte", byte)]),
            Self::Unknown => s.diagram_unknown_kind.to_owned(),
            Self::Drawio(e) => e.describe(lang),
        }
    }
}

impl Describe for DrawioError {
    fn describe(&self, lang: Lang) -> String {
        let s = lang.strings();
        match self {
            Self::NotDrawio(why) => fill(s.drawio_not_drawio, &[("why", &why.describe(lang))]),
            Self::Xml(why) => fill(s.drawio_xml, &[("why", why)]),
            Self::Inflate(why) => fill(s.drawio_inflate, &[("why", why)]),
            Self::NoPages => s.drawio_no_pages.to_owned(),
            Self::NoSuchPage { page, count } => {
                fill(s.drawio_no_such_page, &[("page", page), ("count", count)])
            }
        }
    }
}

impl Describe for NotDrawio {
    fn describe(&self, lang: Lang) -> String {
        let s = lang.strings();
        match self {
            Self::PngWithout => s.drawio_png_without.to_owned(),
            Self::NotText => s.drawio_not_text.to_owned(),
            Self::NotXml => s.drawio_not_xml.to_owned(),
            Self::SvgWithout => s.drawio_svg_without.to_owned(),
            Self::Root(tag) => fill(s.drawio_root, &[("tag", tag)]),
            Self::Embedded => s.drawio_embedded.to_owned(),
        }
    }
}

impl Describe for Repair {
    fn describe(&self, lang: Lang) -> String {
        let s = lang.strings();
        let q = |t: &str| lang.quote(t);
        match self {
            Self::NodeId { key, said } => fill(s.repair_node_id, &[("key", key), ("said", said)]),
            Self::EdgeId { key, said } => fill(s.repair_edge_id, &[("key", key), ("said", said)]),
            Self::Geometry { label } => fill(s.repair_geometry, &[("label", &q(label))]),
            Self::UnknownIcon { label, icon } => fill(
                s.repair_unknown_icon,
                &[("label", &q(label)), ("icon", &q(icon))],
            ),
            Self::SelfLoop { edge, label } => {
                fill(s.repair_self_loop, &[("edge", edge), ("label", &q(label))])
            }
            Self::DanglingEdge { edge } => fill(s.repair_dangling_edge, &[("edge", edge)]),
            Self::DanglingParent { label, parent } => fill(
                s.repair_dangling_parent,
                &[("label", &q(label)), ("parent", parent)],
            ),
            Self::GroupCycle { label } => fill(s.repair_group_cycle, &[("label", &q(label))]),
            Self::OrderRebuilt => s.repair_order.to_owned(),
        }
    }
}

impl Describe for Unknown {
    fn describe(&self, lang: Lang) -> String {
        let s = lang.strings();
        let mut out = if self.group {
            fill(s.drawio_group, &[("name", &self.name)])
        } else {
            self.name.clone()
        };
        if !self.label.is_empty() {
            out.push(' ');
            out.push_str(&lang.quote(&self.label));
        }
        out
    }
}

impl Describe for ImportNote {
    fn describe(&self, lang: Lang) -> String {
        let s = lang.strings();
        let n = |template: &str, n: &usize| fill(template, &[("n", n)]);
        match self {
            Self::NestedLoop => s.drawio_nested_loop.to_owned(),
            Self::ShapeOnEdge(label) => {
                fill(s.drawio_shape_on_edge, &[("label", &lang.quote(label))])
            }
            Self::Connectors3d(k) => n(s.drawio_connectors_3d, k),
            Self::Frames(k) => n(s.drawio_frames, k),
            Self::Unparented(k) => n(s.drawio_unparented, k),
            Self::Members(k) => n(s.drawio_members, k),
            Self::Attached(k) => n(s.drawio_attached, k),
            Self::Anchored(k) => n(s.drawio_anchored, k),
            Self::MissingEnd(k) => n(s.drawio_missing_end, k),
            Self::ToEdges(k) => n(s.drawio_to_edges, k),
            Self::GroupLoop => s.drawio_group_loop.to_owned(),
        }
    }
}

impl Describe for Warning {
    fn describe(&self, lang: Lang) -> String {
        let s = lang.strings();
        match self {
            Self::Repair(r) => r.describe(lang),
            Self::Pages {
                count,
                opened,
                others,
            } => fill(
                s.diagram_pages,
                &[
                    ("count", count),
                    ("opened", &lang.quote(opened)),
                    ("others", &others.join(", ")),
                ],
            ),
            Self::Summary {
                shapes,
                icons,
                groups,
                approximated,
                kept,
                edges,
            } => fill(
                s.drawio_summary,
                &[
                    ("shapes", shapes),
                    ("icons", icons),
                    ("groups", groups),
                    ("approx", approximated),
                    ("kept", kept),
                    ("edges", edges),
                ],
            ),
            Self::Approximated(u) => fill(s.drawio_approximated, &[("what", &u.describe(lang))]),
            Self::Import(note) => note.describe(lang),
        }
    }
}

impl Describe for ExportError {
    fn describe(&self, lang: Lang) -> String {
        let s = lang.strings();
        match self {
            Self::Render(why) => fill(s.diagram_render_failed, &[("why", why)]),
            Self::Write { path, io } => fill(
                s.diagram_export_failed,
                &[("path", &shown(path)), ("why", &io.describe(lang))],
            ),
        }
    }
}

impl Describe for QuestionLabel {
    fn describe(&self, lang: Lang) -> String {
        match self {
            Self::Number(n) => fill(lang.strings().import_question, &[("n", n)]),
            Self::Text(t) => lang.quote(t),
        }
    }
}

impl Describe for ImportProblem {
    fn describe(&self, lang: Lang) -> String {
        let s = lang.strings();
        let about = |template: &str, label: &QuestionLabel| {
            fill(template, &[("label", &label.describe(lang))])
        };
        match self {
            Self::KeyWithoutQuestion(n) => fill(s.import_key_no_question, &[("n", n)]),
            Self::UnknownDomain(v) => fill(s.import_unknown_domain, &[("value", &lang.quote(v))]),
            Self::UnknownService(v) => fill(s.import_unknown_service, &[("name", &lang.quote(v))]),
            Self::NoOptions(l) => about(s.import_no_options, l),
            Self::EmptyPrompt(l) => about(s.import_empty_prompt, l),
            Self::OneOption(l) => about(s.import_one_option, l),
            Self::EmptyOption(l, n) => fill(
                s.import_empty_option,
                &[("label", &l.describe(lang)), ("n", n)],
            ),
            Self::NoneChecked(l) => about(s.import_none_checked, l),
            Self::NoAnswer(l, last) => fill(
                s.import_no_answer,
                &[("label", &l.describe(lang)), ("last", last)],
            ),
            Self::AnswerOutOfRange { label, bad, last } => fill(
                s.import_answer_out_of_range,
                &[
                    ("label", &label.describe(lang)),
                    ("bad", bad),
                    ("last", last),
                ],
            ),
            Self::AnswerNotFound { label, text, last } => fill(
                s.import_answer_not_found,
                &[
                    ("label", &label.describe(lang)),
                    ("text", &lang.quote(text)),
                    ("last", last),
                ],
            ),
            Self::AllChecked(l) => about(s.import_all_checked, l),
            Self::AllAnswers(l) => about(s.import_all_answers, l),
            Self::Unreadable { path, io } => {
                fill(s.err_read, &[("path", path), ("why", &io.describe(lang))])
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn io_errors_are_worded_by_kind_with_the_system_text_as_fallback() {
        let denied = std::io::Error::new(
            ErrorKind::PermissionDenied,
            "Permission denied (os error 13)",
        );
        assert_eq!(denied.describe(Lang::Fr), "accès refusé");
        assert_eq!(denied.describe(Lang::En), "permission denied");
        let full = std::io::Error::from(ErrorKind::StorageFull);
        assert_eq!(full.describe(Lang::Fr), "le disque est plein");
        let odd = std::io::Error::other("Something odd (os error 99)");
        assert_eq!(odd.describe(Lang::Fr), "Something odd (os error 99)");
    }

    /// Regression: the store's errors reached the French interface in English
    /// ("could not save …: Permission denied").
    #[test]
    fn store_errors_reach_the_french_interface_in_french() {
        let e = StoreError::Write {
            path: PathBuf::from("/data/progress.ron"),
            source: std::io::Error::from(ErrorKind::PermissionDenied),
        };
        assert_eq!(
            e.describe(Lang::Fr),
            "Impossible d’enregistrer /data/progress.ron : accès refusé"
        );
        assert_eq!(
            e.describe(Lang::En),
            "Could not save /data/progress.ron: permission denied"
        );
        // The English Display stays for logs.
        assert!(
            e.to_string()
                .starts_with("could not save /data/progress.ron")
        );
        let held = LockError::Held {
            dir: PathBuf::from("/data"),
            pid: Some("42".into()),
        };
        assert_eq!(
            held.describe(Lang::Fr),
            "Un autre aws-study (processus 42) utilise déjà /data ; fermez-le d’abord (celui-ci n’écrit rien)"
        );
    }

    /// Regression: a note's file problems ("not valid UTF-8", "larger than 2 MB") were
    /// shown in English in the French interface.
    #[test]
    fn vault_problems_are_worded_in_the_interface_language() {
        assert_eq!(
            NoteProblem::TooLarge { limit_mb: 2 }.describe(Lang::Fr),
            "plus de 2 Mo : seul le début est affiché"
        );
        assert!(
            NoteProblem::NotUtf8
                .describe(Lang::Fr)
                .starts_with("pas en UTF-8")
        );
        assert_eq!(
            VaultError::NotAFolder(PathBuf::from("/x")).describe(Lang::Fr),
            "/x n’est pas un dossier"
        );
        let skipped = SkipReason::Unreadable(IoFailure {
            kind: ErrorKind::NotFound,
            message: "No such file".into(),
        });
        assert_eq!(skipped.describe(Lang::Fr), "illisible : introuvable");
        assert_eq!(skipped.to_string(), "not readable: No such file");
    }

    #[test]
    fn import_problems_name_the_question_in_the_interface_language() {
        let p = ImportProblem::AnswerOutOfRange {
            label: QuestionLabel::Number(2),
            bad: 'E',
            last: 'B',
        };
        assert_eq!(
            p.describe(Lang::Fr),
            "question 2 : la réponse nomme E, mais seules A–B existent"
        );
        assert_eq!(
            p.to_string(),
            "question 2: answer names E but only A–B exist"
        );
        let q = ImportProblem::EmptyPrompt(QuestionLabel::Text("Which one?".into()));
        assert_eq!(
            q.describe(Lang::Fr),
            "« Which one? » : le texte de la question est vide"
        );
        assert_eq!(
            q.describe(Lang::En),
            "“Which one?”: the question text is empty"
        );
    }

    #[test]
    fn diagram_warnings_are_worded_in_the_interface_language() {
        let w = Warning::Import(ImportNote::ToEdges(3));
        assert_eq!(
            w.describe(Lang::Fr),
            "liens laissés de côté car ils aboutissent sur un autre lien : 3"
        );
        let u = Warning::Approximated(Unknown {
            group: true,
            name: "group_x".into(),
            label: "Mine".into(),
        });
        assert_eq!(
            u.describe(Lang::Fr),
            "approchée par une boîte : groupe group_x « Mine »"
        );
        assert_eq!(u.to_string(), "approximated as a box: group group_x “Mine”");
        let e = FileError::Parse {
            path: PathBuf::from("a.png"),
            reason: ParseReason::Drawio(DrawioError::NotDrawio(NotDrawio::PngWithout)),
        };
        assert_eq!(
            e.describe(Lang::Fr),
            "a.png : pas un fichier de schéma (pas un fichier draw.io (une image PNG sans schéma intégré))"
        );
    }
}
