//! Where notes come from: the notes bundled in the binary, or a folder on disk (an
//! Obsidian vault), read into memory as [`LoadedVault`].
//!
//! Scanning is defensive: hidden folders (`.obsidian/`, `.git/`, `.trash/`) and symlinks are
//! skipped, binary files are skipped with a reason, non-UTF-8 text is decoded lossily and
//! flagged, huge files are cut and flagged. Attachments (images) are listed, never read here;
//! [`LoadedVault::read_attachment`] reads one on demand and refuses any path that would
//! leave the vault (`../../../../etc/passwd`, absolute paths, symlinks pointing out).

use std::collections::HashMap;
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::sync::OnceLock;

use crate::i18n::IoFailure;

/// Largest note read in full; longer files are cut there and flagged.
pub const MAX_NOTE_BYTES: usize = 2 * 1024 * 1024;
/// Largest attachment read.
pub const MAX_ATTACHMENT_BYTES: u64 = 32 * 1024 * 1024;
/// Deepest folder level scanned.
const MAX_DEPTH: usize = 32;

/// The notes shipped inside the binary: `(file name, text)`.
pub const BUNDLED_NOTES: &[(&str, &str)] = &[
    (
        "AWS Core Services Overview.md",
        include_str!("../../notes/AWS Core Services Overview.md"),
    ),
    (
        "AWS Services by Category.md",
        include_str!("../../notes/AWS Services by Category.md"),
    ),
    (
        "DVA - AppSync, DataSync, Amplify, ACM, Cloud Map, FIS.md",
        include_str!("../../notes/DVA - AppSync, DataSync, Amplify, ACM, Cloud Map, FIS.md"),
    ),
    (
        "SAA - Other Services.md",
        include_str!("../../notes/SAA - Other Services.md"),
    ),
    (
        "Stack serverless web et mobile.md",
        include_str!("../../notes/Stack serverless web et mobile.md"),
    ),
];

/// Where a vault was loaded from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VaultSource {
    /// The notes compiled into the app.
    Bundled,
    /// A folder on disk.
    Folder(PathBuf),
}

/// One note file, read.
#[derive(Clone, Debug)]
pub struct NoteFile {
    /// Path relative to the vault root, `/`-separated (`sub/Note.md`).
    pub path: String,
    /// The text (lossily decoded if it was not UTF-8, cut if it was huge).
    pub text: String,
    /// What was wrong with the file (empty when nothing was).
    pub problems: Vec<NoteProblem>,
}

/// Something wrong with a note that could still be read, shown above it. `Display` is the
/// English text (logs, `check`); the interface words it with [`crate::i18n::Describe`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NoteProblem {
    /// Longer than [`MAX_NOTE_BYTES`]: cut there.
    #[error("larger than {limit_mb} MB: only the beginning is shown")]
    TooLarge {
        /// The limit, in MiB.
        limit_mb: usize,
    },
    /// Not UTF-8: decoded lossily.
    #[error("not valid UTF-8: unreadable characters are shown as �")]
    NotUtf8,
}

/// Why a file or folder of the vault was skipped. `Display` is the English text.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SkipReason {
    /// A folder that could not be listed.
    #[error("folder not readable: {0}")]
    FolderUnreadable(IoFailure),
    /// A symbolic link (never followed).
    #[error("symbolic link (not followed)")]
    Symlink,
    /// A folder deeper than the scan goes.
    #[error("folder nested too deep")]
    TooDeep,
    /// A FIFO, socket or device.
    #[error("not a regular file")]
    NotRegular,
    /// A note that could not be read.
    #[error("not readable: {0}")]
    Unreadable(IoFailure),
    /// A `.md` file holding binary data.
    #[error("binary file, not a Markdown note")]
    Binary,
}

/// Why an attachment could not be read. `Display` is the English text (without the file,
/// which the caller names).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AttachmentError {
    /// The path leaves the vault (`..`, an absolute path, a link pointing out).
    #[error("points outside the notes folder")]
    Outside,
    /// No such file.
    #[error("not found")]
    NotFound,
    /// A folder or a special file.
    #[error("not a regular file")]
    NotRegular,
    /// Over [`MAX_ATTACHMENT_BYTES`].
    #[error("too large ({mb} MB)")]
    TooLarge {
        /// Its size in MB.
        mb: u64,
    },
    /// Reading failed.
    #[error("{0}")]
    Io(IoFailure),
    /// The bundled notes have no attachments.
    #[error("not part of the bundled notes")]
    Bundled,
}

/// A vault read into memory.
#[derive(Clone, Debug)]
pub struct LoadedVault {
    /// Where it came from.
    pub source: VaultSource,
    /// Markdown notes, sorted by path.
    pub notes: Vec<NoteFile>,
    /// Other files (images, PDFs...: relative paths), sorted.
    pub attachments: Vec<String>,
    /// Files or folders skipped, with the reason.
    pub skipped: Vec<(String, SkipReason)>,
    /// Lower-cased file name → attachment path, built on first use.
    by_name: OnceLock<HashMap<String, String>>,
}

/// Why a folder could not be read as a vault.
#[derive(Debug, thiserror::Error)]
pub enum VaultError {
    /// The folder does not exist or is not a folder.
    #[error("{0} is not a folder")]
    NotAFolder(PathBuf),
    /// The loader stopped without a result (a bug); nothing was changed.
    #[error("reading the folder failed unexpectedly")]
    Crashed,
    /// The folder could not be listed.
    #[error("could not read the folder {path}: {source}")]
    Unreadable {
        /// The folder.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// Image extensions shown as attachments.
pub const IMAGE_EXTENSIONS: &[&str] = &["png", "jpg", "jpeg", "gif", "svg", "webp", "bmp"];

/// True if `name` ends in an image extension (case-insensitive).
#[must_use]
pub fn is_image(name: &str) -> bool {
    extension(name).is_some_and(|e| IMAGE_EXTENSIONS.contains(&e.as_str()))
}

fn extension(name: &str) -> Option<String> {
    let (_, ext) = name.rsplit_once('.')?;
    Some(ext.to_ascii_lowercase())
}

fn is_markdown(name: &str) -> bool {
    matches!(extension(name).as_deref(), Some("md" | "markdown"))
}

impl LoadedVault {
    /// A vault made of these parts (attachments are sorted here).
    #[must_use]
    pub fn from_parts(
        source: VaultSource,
        notes: Vec<NoteFile>,
        mut attachments: Vec<String>,
        skipped: Vec<(String, SkipReason)>,
    ) -> Self {
        attachments.sort();
        Self {
            source,
            notes,
            attachments,
            skipped,
            by_name: OnceLock::new(),
        }
    }

    /// The notes compiled into the binary.
    #[must_use]
    pub fn bundled() -> Self {
        Self::from_texts(VaultSource::Bundled, BUNDLED_NOTES)
    }

    /// A vault of notes given as (relative path, text), without attachments.
    #[must_use]
    pub fn from_texts(source: VaultSource, notes: &[(&str, &str)]) -> Self {
        let notes = notes
            .iter()
            .map(|(path, text)| NoteFile {
                path: (*path).to_owned(),
                text: (*text).to_owned(),
                problems: Vec::new(),
            })
            .collect();
        Self::from_parts(source, notes, Vec::new(), Vec::new())
    }

    /// Reads every note of the folder `root`. `progress(done, total)` is called as files are
    /// read (total is known after listing).
    ///
    /// # Errors
    /// Only when `root` itself is not a readable folder; problems with single files are
    /// reported in [`NoteFile::problems`] and [`LoadedVault::skipped`].
    pub fn scan(root: &Path, progress: &dyn Fn(usize, usize)) -> Result<Self, VaultError> {
        let meta = fs::metadata(root).map_err(|_| VaultError::NotAFolder(root.to_owned()))?;
        if !meta.is_dir() {
            return Err(VaultError::NotAFolder(root.to_owned()));
        }
        fs::read_dir(root).map_err(|source| VaultError::Unreadable {
            path: root.to_owned(),
            source,
        })?;
        let mut md_files = Vec::new();
        let mut attachments = Vec::new();
        let mut skipped = Vec::new();
        list_files(root, &mut md_files, &mut attachments, &mut skipped);
        md_files.sort();
        attachments.sort();
        let total = md_files.len();
        let mut notes = Vec::with_capacity(total);
        for (i, rel) in md_files.into_iter().enumerate() {
            progress(i, total);
            match read_note(&root.join(&rel)) {
                Ok((text, problems)) => notes.push(NoteFile {
                    path: rel,
                    text,
                    problems,
                }),
                Err(reason) => skipped.push((rel, reason)),
            }
        }
        progress(total, total);
        Ok(Self::from_parts(
            VaultSource::Folder(root.to_owned()),
            notes,
            attachments,
            skipped,
        ))
    }

    /// Finds the attachment a note refers to, Obsidian-style: first relative to the note's
    /// folder, then relative to the vault root, then by file name anywhere in the vault.
    /// Returns the attachment's vault-relative path; `None` if it is not in the vault or
    /// the reference tries to leave it.
    #[must_use]
    pub fn find_attachment(&self, note_path: &str, reference: &str) -> Option<String> {
        let reference = reference.split(['?', '#']).next().unwrap_or(reference);
        let reference = percent_decode(reference);
        let note_dir = note_path.rsplit_once('/').map_or("", |(dir, _)| dir);
        let candidates = [
            normalize_relative(&format!("{note_dir}/{reference}")),
            normalize_relative(&reference),
        ];
        for candidate in candidates.into_iter().flatten() {
            if self.attachments.binary_search(&candidate).is_ok() {
                return Some(candidate);
            }
        }
        let name = reference.rsplit(['/', '\\']).next()?.to_lowercase();
        let by_name = self.by_name.get_or_init(|| {
            let mut map = HashMap::new();
            for a in &self.attachments {
                let file = a.rsplit('/').next().unwrap_or(a).to_lowercase();
                map.entry(file).or_insert_with(|| a.clone());
            }
            map
        });
        by_name.get(&name).cloned()
    }

    /// Reads an attachment found by [`Self::find_attachment`]. Refuses anything outside the
    /// vault folder, even through symlinks.
    ///
    /// # Errors
    /// Why it cannot be read.
    pub fn read_attachment(&self, rel: &str) -> Result<Vec<u8>, AttachmentError> {
        let VaultSource::Folder(root) = &self.source else {
            return Err(AttachmentError::Bundled);
        };
        read_attachment_in(root, rel)
    }

    /// The vault's folder (`None` for the bundled notes).
    #[must_use]
    pub fn root(&self) -> Option<&Path> {
        match &self.source {
            VaultSource::Folder(root) => Some(root),
            VaultSource::Bundled => None,
        }
    }
}

/// Reads attachment `rel` of the vault in `root`: never a file outside it (`..`, links), a
/// directory or one over the size limit. The UI's image decoder runs this on its thread.
///
/// # Errors
/// Why it cannot be read.
pub fn read_attachment_in(root: &Path, rel: &str) -> Result<Vec<u8>, AttachmentError> {
    let Some(clean) = normalize_relative(rel) else {
        return Err(AttachmentError::Outside);
    };
    let path = root.join(&clean);
    let (Ok(real), Ok(real_root)) = (path.canonicalize(), root.canonicalize()) else {
        return Err(AttachmentError::NotFound);
    };
    if !real.starts_with(&real_root) {
        return Err(AttachmentError::Outside);
    }
    let meta = fs::metadata(&real).map_err(|e| AttachmentError::Io(IoFailure::from(&e)))?;
    if !meta.is_file() {
        return Err(AttachmentError::NotRegular);
    }
    let size = meta.len();
    if size > MAX_ATTACHMENT_BYTES {
        return Err(AttachmentError::TooLarge {
            mb: size / 1_000_000,
        });
    }
    fs::read(&real).map_err(|e| AttachmentError::Io(IoFailure::from(&e)))
}

/// Lexically normalises a `/`- or `\`-separated relative path. `None` if it is absolute or
/// climbs above the root with `..`.
#[must_use]
pub fn normalize_relative(path: &str) -> Option<String> {
    let unified = path.replace('\\', "/");
    if unified.starts_with('/') || unified.contains(':') {
        return None;
    }
    let mut parts: Vec<&str> = Vec::new();
    for comp in Path::new(&unified).components() {
        match comp {
            Component::Normal(p) => parts.push(p.to_str()?),
            Component::CurDir => {}
            Component::ParentDir => {
                parts.pop()?;
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// Decodes `%20`-style escapes (invalid ones are kept as they are; bytes that are not
/// UTF-8 become U+FFFD), with the `percent-encoding` crate.
#[must_use]
pub fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

/// True for an SVG that refers to other files or URLs (an `href` or `xlink:href` that is
/// neither `#fragment` nor a `data:` URL): the SVG renderer would read them from disk,
/// outside the vault, so such images are not drawn. Read as XML with `roxmltree` (the
/// parser the renderer itself uses), so only real attributes count, not the word `href` in
/// text or comments. A compressed (`.svgz`) file cannot be checked and counts as referring.
#[must_use]
pub fn svg_has_external_refs(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        return true;
    }
    let text = String::from_utf8_lossy(bytes);
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    // What the renderer cannot parse, it does not draw either: nothing is read.
    let Ok(doc) = roxmltree::Document::parse_with_options(&text, options) else {
        return false;
    };
    doc.descendants()
        .flat_map(|node| node.attributes())
        .filter(|a| a.name() == "href")
        .any(|a| {
            let value = a.value().trim_start();
            !(value.starts_with('#') || value.starts_with("data:"))
        })
}

/// Walks the folder iteratively (no recursion), without following symlinks.
fn list_files(
    root: &Path,
    md: &mut Vec<String>,
    attachments: &mut Vec<String>,
    skipped: &mut Vec<(String, SkipReason)>,
) {
    let mut stack: Vec<(PathBuf, String, usize)> = vec![(root.to_owned(), String::new(), 0)];
    while let Some((dir, rel_dir, depth)) = stack.pop() {
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) => {
                skipped.push((rel_dir, SkipReason::FolderUnreadable(IoFailure::from(&e))));
                continue;
            }
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let rel = if rel_dir.is_empty() {
                name.clone()
            } else {
                format!("{rel_dir}/{name}")
            };
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if name.starts_with('.') {
                continue; // .obsidian, .git, .trash, .DS_Store: not notes
            }
            if kind.is_symlink() {
                skipped.push((rel, SkipReason::Symlink));
            } else if kind.is_dir() {
                if depth + 1 >= MAX_DEPTH {
                    skipped.push((rel, SkipReason::TooDeep));
                } else {
                    stack.push((entry.path(), rel, depth + 1));
                }
            } else if !kind.is_file() {
                // FIFOs, sockets, devices: reading them could block forever.
                skipped.push((rel, SkipReason::NotRegular));
            } else if is_markdown(&name) {
                md.push(rel);
            } else {
                attachments.push(rel); // images, PDFs...: what notes link to
            }
        }
    }
}

/// Reads a note: cut at [`MAX_NOTE_BYTES`], binary files refused, invalid UTF-8 decoded
/// lossily. Returns the text and what was wrong with it, if anything.
fn read_note(path: &Path) -> Result<(String, Vec<NoteProblem>), SkipReason> {
    use std::io::Read as _;
    let unreadable = |e: std::io::Error| SkipReason::Unreadable(IoFailure::from(&e));
    let file = fs::File::open(path).map_err(unreadable)?;
    let mut bytes = Vec::new();
    file.take(MAX_NOTE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    let mut problems = Vec::new();
    if bytes.len() > MAX_NOTE_BYTES {
        bytes.truncate(MAX_NOTE_BYTES);
        problems.push(NoteProblem::TooLarge {
            limit_mb: MAX_NOTE_BYTES / (1024 * 1024),
        });
    }
    if bytes.iter().take(8192).any(|b| *b == 0) {
        return Err(SkipReason::Binary);
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            problems.push(NoteProblem::NotUtf8);
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    Ok((text, problems))
}

/// Lower-cased note name without folder and `.md`, for wikilink resolution.
#[must_use]
pub fn note_key(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    let stem = name
        .strip_suffix(".md")
        .or_else(|| name.strip_suffix(".markdown"))
        .unwrap_or(name);
    crate::text::fold(stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_list_matches_notes_folder() {
        let mut on_disk: Vec<String> = fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/notes"))
            .expect("notes/")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| is_markdown(n))
            .collect();
        on_disk.sort();
        let bundled: Vec<&str> = BUNDLED_NOTES.iter().map(|(n, _)| *n).collect();
        assert_eq!(on_disk, bundled, "add new notes/ files to BUNDLED_NOTES");
    }

    #[test]
    fn normalize_refuses_escapes() {
        assert_eq!(
            normalize_relative("a/./b/../c.png").as_deref(),
            Some("a/c.png")
        );
        assert_eq!(normalize_relative("../../../../etc/passwd"), None);
        assert_eq!(normalize_relative("/etc/passwd"), None);
        assert_eq!(normalize_relative("C:\\Windows\\win.ini"), None);
        assert_eq!(normalize_relative("a\\..\\..\\x"), None);
    }

    #[test]
    fn scan_handles_odd_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        fs::create_dir_all(root.join(".obsidian")).expect("mkdir");
        fs::write(root.join(".obsidian/app.json"), "{}").expect("w");
        fs::write(root.join(".obsidian/hidden.md"), "# hidden").expect("w");
        fs::create_dir_all(root.join("sub/attachments")).expect("mkdir");
        fs::write(root.join("sub/Deep.md"), "# Deep").expect("w");
        fs::write(
            root.join("sub/attachments/pic.png"),
            [0x89, b'P', b'N', b'G'],
        )
        .expect("w");
        fs::write(root.join("empty.md"), "").expect("w");
        fs::write(root.join("binary.md"), [0u8, 1, 2, 3, 255]).expect("w");
        fs::write(root.join("latin1.md"), b"caf\xe9 # tr\xe8s").expect("w");
        fs::write(root.join("data.csv"), "a,b").expect("w");
        let vault = LoadedVault::scan(root, &|_, _| {}).expect("scan");
        let paths: Vec<&str> = vault.notes.iter().map(|n| n.path.as_str()).collect();
        assert_eq!(paths, ["empty.md", "latin1.md", "sub/Deep.md"]);
        assert_eq!(vault.attachments, ["data.csv", "sub/attachments/pic.png"]);
        assert!(
            vault
                .skipped
                .iter()
                .any(|(p, r)| p == "binary.md" && *r == SkipReason::Binary)
        );
        let latin = &vault.notes[1];
        assert!(latin.text.contains('\u{fffd}'));
        assert_eq!(latin.problems, [NoteProblem::NotUtf8]);
    }

    #[cfg(unix)]
    #[test]
    fn special_files_are_skipped_not_read() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("pipe.md");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return; // no mkfifo here: nothing to test
        }
        // Reading a FIFO would block forever; the scan must not open it.
        let vault = LoadedVault::scan(dir.path(), &|_, _| {}).expect("scan");
        assert!(vault.notes.is_empty());
        assert!(
            vault
                .skipped
                .iter()
                .any(|(p, r)| p == "pipe.md" && *r == SkipReason::NotRegular)
        );
    }

    #[test]
    fn huge_note_is_cut_and_flagged() {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::write(dir.path().join("huge.md"), "a".repeat(MAX_NOTE_BYTES + 10)).expect("w");
        let vault = LoadedVault::scan(dir.path(), &|_, _| {}).expect("scan");
        assert_eq!(vault.notes[0].text.len(), MAX_NOTE_BYTES);
        assert_eq!(
            vault.notes[0].problems,
            [NoteProblem::TooLarge { limit_mb: 2 }]
        );
    }

    #[test]
    fn attachments_stay_inside_the_vault() {
        let outer = tempfile::tempdir().expect("tempdir");
        let root = outer.path().join("vault");
        fs::create_dir_all(root.join("img")).expect("mkdir");
        fs::write(outer.path().join("secret.png"), "secret").expect("w");
        fs::write(root.join("img/ok.png"), "ok").expect("w");
        fs::write(root.join("n.md"), "x").expect("w");
        let vault = LoadedVault::scan(&root, &|_, _| {}).expect("scan");
        assert_eq!(
            vault.find_attachment("n.md", "img/ok.png").as_deref(),
            Some("img/ok.png")
        );
        assert_eq!(
            vault
                .find_attachment("n.md", "../../attachments/ok.png")
                .as_deref(),
            Some("img/ok.png"),
            "Obsidian-style lookup by file name"
        );
        assert_eq!(vault.find_attachment("n.md", "../secret.png"), None);
        assert_eq!(
            vault.find_attachment("n.md", "../../../../etc/passwd"),
            None
        );
        assert!(vault.read_attachment("../secret.png").is_err());
        assert!(vault.read_attachment("/etc/passwd").is_err());
        assert_eq!(vault.read_attachment("img/ok.png").expect("read"), b"ok");
    }

    #[test]
    fn not_a_folder_is_an_error() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("f.md");
        fs::write(&file, "x").expect("w");
        assert!(matches!(
            LoadedVault::scan(&file, &|_, _| {}),
            Err(VaultError::NotAFolder(_))
        ));
        assert!(LoadedVault::scan(&dir.path().join("nope"), &|_, _| {}).is_err());
    }

    #[test]
    fn percent_escapes_decode_and_bad_ones_stay() {
        assert_eq!(percent_decode("My%20Note.md"), "My Note.md");
        assert_eq!(percent_decode("caf%C3%A9"), "café");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%2"), "%zz%2");
        assert_eq!(percent_decode("%FF"), "\u{fffd}");
    }

    #[test]
    fn svg_external_references_are_found_in_attributes_only() {
        let ext = |s: &str| svg_has_external_refs(s.as_bytes());
        let svg = |body: &str| {
            format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">{body}</svg>"#
            )
        };
        assert!(ext(&svg(r#"<image href="/etc/hostname"/>"#)));
        assert!(ext(&svg(r"<image xlink:href = 'file:///etc/passwd'/>")));
        assert!(ext(&svg(r#"<use href="other.svg#a"/>"#)));
        assert!(!ext(&svg(
            r##"<use href="#a"/><image href="data:image/png;base64,AA"/>"##
        )));
        // The word in text or a comment reads nothing.
        assert!(!ext(&svg(
            r#"<!-- href="/etc" --><text>href=/etc/passwd</text>"#
        )));
        assert!(!ext("not xml at all"));
        assert!(svg_has_external_refs(&[0x1f, 0x8b, 8, 0]));
    }
}
