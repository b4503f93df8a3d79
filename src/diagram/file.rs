//! The `.awsdiagram.ron` file format: a human-readable, versioned RON document
//! `(version: 1, diagram: (...))`.
//!
//! Reading is forgiving: a hand-edited or slightly damaged diagram is repaired (dangling
//! edges dropped, missing parents cleared, drawing order rebuilt…) and every repair is
//! reported as a warning in words. A file written by a newer aws-study is refused and left
//! untouched. Reading never modifies the file; writing is atomic (temporary file + rename,
//! see [`crate::store::save`]).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::model::{Diagram, NodeId, NodeKind};
use crate::icons::Catalog;
use crate::store::StoreError;

/// Newest format version this build writes and reads.
pub const FILE_VERSION: u32 = 1;

/// File name extension of diagram files (without the leading dot).
pub const EXTENSION: &str = "awsdiagram.ron";

/// Why a diagram file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// The file could not be read.
    #[error("could not read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file is not a diagram file (or is damaged beyond repair).
    #[error("{path}: not a diagram file ({reason})")]
    Parse {
        /// The file.
        path: PathBuf,
        /// What is wrong, with the RON position (`line:column`).
        reason: String,
    },
    /// The file was written by a newer aws-study.
    #[error(
        "{path} was saved by a newer aws-study (format {found}, this one reads {supported}); it is left untouched"
    )]
    TooNew {
        /// The file.
        path: PathBuf,
        /// Version found in the file.
        found: u32,
        /// Newest version this build reads.
        supported: u32,
    },
    /// The file could not be written (the previous file, if any, is intact).
    #[error("could not save {path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// What is written: the version first, then the diagram.
#[derive(Serialize)]
struct FileOut<'a> {
    version: u32,
    diagram: &'a Diagram,
}

/// What is read, once the version is known to be supported.
#[derive(Deserialize)]
struct FileIn {
    version: u32,
    diagram: Diagram,
}

/// Only the version; every other field is ignored whatever its shape.
#[derive(Deserialize)]
struct Header {
    version: u32,
}

/// Human-readable, versioned RON: `(version: 1, diagram: (...))` pretty-printed.
#[must_use]
pub fn to_ron(d: &Diagram) -> String {
    let out = FileOut {
        version: FILE_VERSION,
        diagram: d,
    };
    // Serialising plain structs, maps and finite or non-finite floats cannot fail with RON;
    // fall back to an empty document rather than panicking if it ever does.
    ron::ser::to_string_pretty(&out, ron::ser::PrettyConfig::default()).unwrap_or_else(|_| {
        format!(
            "(version: {FILE_VERSION}, diagram: (nodes: {{}}, edges: {{}}, order: [], next_id: 1))"
        )
    })
}

/// Parses and repairs a diagram file's text.
///
/// Unknown icon names are kept (drawn as a placeholder; a warning says which), edges to
/// missing nodes and self-loops are dropped, parents that do not exist (or are not groups,
/// or form a cycle) are cleared, `order` is rebuilt to hold every node exactly once with
/// groups before their members, and `next_id` is raised above every id. Returns the
/// diagram and the repairs made, in words. A newer format is refused before the rest is
/// parsed, so fields this build does not know do not matter.
///
/// # Errors
/// [`FileError::TooNew`] for a newer format, [`FileError::Parse`] (with the RON
/// `line:column`) for anything that is not a diagram.
pub fn from_ron(path_for_messages: &Path, text: &str) -> Result<(Diagram, Vec<String>), FileError> {
    let path = path_for_messages.to_owned();
    let version = match ron::from_str::<Header>(text) {
        Ok(h) => Some(h.version),
        Err(_) => crate::store::sniff_version(text),
    };
    if let Some(found) = version.filter(|v| *v > FILE_VERSION) {
        return Err(FileError::TooNew {
            path,
            found,
            supported: FILE_VERSION,
        });
    }
    let parsed: FileIn = ron::from_str(text).map_err(|e| FileError::Parse {
        path: path.clone(),
        reason: e.to_string(),
    })?;
    if parsed.version == 0 {
        return Err(FileError::Parse {
            path,
            reason: "version 0 is not a diagram format".to_owned(),
        });
    }
    let mut d = parsed.diagram;
    let warnings = repair(&mut d);
    Ok((d, warnings))
}

/// Makes a parsed diagram consistent; returns what was changed, in words.
fn repair(d: &mut Diagram) -> Vec<String> {
    let mut warnings = Vec::new();
    let max_id = d
        .nodes
        .keys()
        .map(|n| n.0)
        .chain(d.edges.keys().map(|e| e.0))
        .max();

    // Map keys are the truth; the ids stored inside must agree.
    for (key, node) in &mut d.nodes {
        if node.id != *key {
            warnings.push(format!(
                "node {} said it was node {}; it is node {} now",
                key.0, node.id.0, key.0
            ));
            node.id = *key;
        }
    }
    for (key, edge) in &mut d.edges {
        if edge.id != *key {
            warnings.push(format!(
                "edge {} said it was edge {}; it is edge {} now",
                key.0, edge.id.0, key.0
            ));
            edge.id = *key;
        }
    }

    // Geometry: no NaN or infinite coordinates, no negative sizes.
    for node in d.nodes.values_mut() {
        let r = &mut node.rect;
        let before = *r;
        for v in [&mut r.x, &mut r.y] {
            if !v.is_finite() {
                *v = 0.0;
            }
        }
        for v in [&mut r.w, &mut r.h] {
            if !v.is_finite() || *v < 0.0 {
                *v = if v.is_finite() { v.abs() } else { 0.0 };
            }
        }
        if *r != before {
            warnings.push(format!(
                "“{}” had an invalid position or size; it was fixed",
                node.label
            ));
        }
    }

    // Unknown icons are kept, drawn as placeholders.
    let catalog = Catalog::bundled();
    let known: BTreeSet<&str> = catalog
        .icons()
        .iter()
        .map(|i| i.aws_name.as_str())
        .collect();
    for node in d.nodes.values() {
        if let NodeKind::Service { icon } = &node.kind
            && !known.contains(icon.as_str())
        {
            warnings.push(format!(
                "“{}” uses the unknown icon “{icon}”; it is drawn as a placeholder",
                node.label
            ));
        }
    }

    // Edges must join two different existing nodes.
    let nodes = &d.nodes;
    d.edges.retain(|id, e| {
        let name = |n: NodeId| nodes.get(&n).map(|n| n.label.clone());
        match (name(e.from), name(e.to)) {
            (Some(from), Some(_)) if e.from == e.to => {
                warnings.push(format!(
                    "the connection {} from “{from}” to itself was removed",
                    id.0
                ));
                false
            }
            (Some(_), Some(_)) => true,
            _ => {
                warnings.push(format!(
                    "the connection {} joined a node that does not exist; it was removed",
                    id.0
                ));
                false
            }
        }
    });

    // Parents, loops of groups and the drawing order: the repair every edit runs.
    let label = |d: &Diagram, id: NodeId| {
        d.nodes
            .get(&id)
            .map(|n| n.label.clone())
            .unwrap_or_default()
    };
    let repairs = d.repair_structure();
    for (id, p) in &repairs.dangling_parents {
        warnings.push(format!(
            "“{}” was inside a group ({}) that does not exist; it is no longer in a group",
            label(d, *id),
            p.0
        ));
    }
    for id in &repairs.cycles_broken {
        warnings.push(format!(
            "“{}” was inside a loop of groups; it is no longer in a group",
            label(d, *id)
        ));
    }
    if repairs.order_rebuilt {
        warnings.push("the drawing order was incomplete or repeated nodes; it was rebuilt".into());
    }

    // Ids are never reused, not even those of dropped edges.
    if let Some(max) = max_id
        && d.next_id <= max
    {
        d.next_id = max.saturating_add(1);
    }
    if d.next_id == 0 {
        d.next_id = 1;
    }
    warnings
}

/// Reads a diagram file; never modifies it, whatever happens.
///
/// # Errors
/// [`FileError::Read`] if it cannot be read, otherwise as [`from_ron`].
pub fn load(path: &Path) -> Result<(Diagram, Vec<String>), FileError> {
    let bytes = std::fs::read(path).map_err(|source| FileError::Read {
        path: path.to_owned(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|e| FileError::Parse {
        path: path.to_owned(),
        reason: format!("not UTF-8 text (byte {})", e.utf8_error().valid_up_to()),
    })?;
    from_ron(path, &text)
}

/// Writes the diagram atomically (temporary file in the same folder, flushed, then renamed
/// over the old file), so a crash mid-save never leaves half a file.
///
/// # Errors
/// [`FileError::Write`]; the previous file, if any, is then intact.
pub fn save(path: &Path, d: &Diagram) -> Result<(), FileError> {
    let out = FileOut {
        version: FILE_VERSION,
        diagram: d,
    };
    crate::store::save(path, &out).map_err(|e| match e {
        StoreError::Write { source, .. } | StoreError::Read { source, .. } => FileError::Write {
            path: path.to_owned(),
            source,
        },
        other => FileError::Write {
            path: path.to_owned(),
            source: std::io::Error::other(other.to_string()),
        },
    })
}

/// The autosaved draft of an unsaved diagram, in the data folder.
pub const DRAFT_FILE: &str = "diagram-draft.awsdiagram.ron";

/// `path` with the diagram extension added when it does not end with it.
#[must_use]
pub fn with_extension(path: &Path) -> PathBuf {
    if path.to_string_lossy().ends_with(EXTENSION) {
        path.to_owned()
    } else {
        PathBuf::from(format!("{}.{EXTENSION}", path.display()))
    }
}

/// The path a file window proposes: next to the current file (else in the documents
/// folder), named after it (else `architecture`), with the extension of what is written.
#[must_use]
pub fn default_path(current: Option<&Path>, extension: &str) -> PathBuf {
    let dir = current
        .and_then(|p| p.parent().map(Path::to_owned))
        .or_else(|| {
            directories::UserDirs::new()
                .map(|u| u.document_dir().unwrap_or(u.home_dir()).to_owned())
        })
        .unwrap_or_default();
    let stem = current.and_then(|p| p.file_name()).map_or_else(
        || "architecture".to_owned(),
        |n| {
            n.to_string_lossy()
                .trim_end_matches(&format!(".{EXTENSION}"))
                .to_owned()
        },
    );
    dir.join(format!("{stem}.{extension}"))
}

/// Writes a PNG (at `scale`) or an SVG of the whole diagram to `path`.
///
/// # Errors
/// The reason, in words, when it cannot be rendered or written.
pub fn export(path: &Path, d: &Diagram, png: bool, scale: f32) -> Result<(), String> {
    let bytes = if png {
        super::export::to_png(d, scale)?
    } else {
        super::export::to_svg(d).into_bytes()
    };
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// Reads a diagram from any file this app understands, chosen by extension and content:
/// `.awsdiagram.ron` with [`load`]; `.drawio`, `.xml`, `.svg` and `.png` (and anything
/// that looks like draw.io) with [`super::drawio::import`]. Returns the diagram and
/// messages in words: the repairs, or the import report (what was approximated); for a
/// draw.io file of several pages, the first page is read and a message names the others.
///
/// # Errors
/// [`FileError::Read`] if the file cannot be read, [`FileError::Parse`] (with the reason
/// in words) if it is neither kind of diagram, [`FileError::TooNew`] as [`load`].
pub fn load_any(path: &Path) -> Result<(Diagram, Vec<String>), FileError> {
    let name = path.to_string_lossy().to_ascii_lowercase();
    if name.ends_with(EXTENSION) {
        return load(path);
    }
    let bytes = std::fs::read(path).map_err(|source| FileError::Read {
        path: path.to_owned(),
        source,
    })?;
    let drawio_like = [".drawio", ".xml", ".svg", ".png"]
        .iter()
        .any(|e| name.ends_with(e))
        || bytes.starts_with(b"\x89PNG")
        || bytes.trim_ascii_start().starts_with(b"<");
    if !drawio_like {
        return match std::str::from_utf8(&bytes) {
            Ok(text) => from_ron(path, text),
            Err(_) => Err(FileError::Parse {
                path: path.to_owned(),
                reason: "neither a diagram file nor a draw.io file".to_owned(),
            }),
        };
    }
    let imported = super::drawio::import(&bytes, None).map_err(|e| FileError::Parse {
        path: path.to_owned(),
        reason: e.to_string(),
    })?;
    let mut messages = imported.report.lines();
    if imported.pages.len() > 1 {
        let others: Vec<&str> = imported
            .pages
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != imported.page)
            .map(|(_, n)| n.as_str())
            .collect();
        messages.insert(
            0,
            format!(
                "the file has {} pages; “{}” was opened, not: {}",
                imported.pages.len(),
                imported.pages.get(imported.page).map_or("", String::as_str),
                others.join(", ")
            ),
        );
    }
    Ok((imported.diagram, messages))
}

/// Writes the diagram as an uncompressed `.drawio` file, atomically (temporary file in
/// the same folder, then renamed over the old one) like [`save`].
///
/// # Errors
/// The reason, in words, when it cannot be written (the previous file is then intact).
pub fn export_drawio(path: &Path, d: &Diagram) -> Result<(), String> {
    write_atomic(path, super::drawio::export(d).as_bytes())
}

/// Writes bytes to a temporary file next to `path`, syncs it and renames it over `path`.
fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), String> {
    use std::io::Write as _;
    let fail = |e: &dyn std::fmt::Display| format!("{}: {e}", path.display());
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| fail(&e))?;
    tmp.write_all(bytes).map_err(|e| fail(&e))?;
    tmp.as_file().sync_all().map_err(|e| fail(&e))?;
    tmp.persist(path).map_err(|e| fail(&e.error))?;
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::diagram::model::{
        Arrows, Edge, EdgeId, GroupKind, Node, NodeKind, Rect, Routing, SERVICE_SIZE,
    };

    fn lambda_icon() -> String {
        let c = Catalog::bundled();
        let id = crate::services::Catalog::bundled()
            .icon_of("Lambda")
            .unwrap();
        c.get(id).unwrap().aws_name.clone()
    }

    fn sample() -> Diagram {
        let mut d = Diagram::default();
        let group = Node {
            id: NodeId(1),
            kind: NodeKind::Group {
                kind: GroupKind::Region,
            },
            label: "eu-west-3 \"Paris\" <1>".into(),
            rect: Rect {
                x: 0.0,
                y: 0.0,
                w: 400.0,
                h: 200.5,
            },
            parent: None,
        };
        let a = Node {
            id: NodeId(2),
            kind: NodeKind::Service {
                icon: lambda_icon(),
            },
            label: "Handler é".into(),
            rect: Rect {
                x: 40.0,
                y: 70.0,
                w: SERVICE_SIZE,
                h: SERVICE_SIZE,
            },
            parent: Some(NodeId(1)),
        };
        let b = Node {
            id: NodeId(3),
            kind: NodeKind::Service {
                icon: lambda_icon(),
            },
            label: "Worker".into(),
            rect: Rect {
                x: 240.0,
                y: 70.0,
                w: SERVICE_SIZE,
                h: SERVICE_SIZE,
            },
            parent: Some(NodeId(1)),
        };
        for n in [group, a, b] {
            d.order.push(n.id);
            d.nodes.insert(n.id, n);
        }
        d.edges.insert(
            EdgeId(4),
            Edge {
                id: EdgeId(4),
                from: NodeId(2),
                to: NodeId(3),
                label: "invokes".into(),
                arrows: Arrows::Both,
                routing: Routing::Orthogonal,
                waypoints: Vec::new(),
            },
        );
        d.next_id = 5;
        d
    }

    #[test]
    fn round_trip_is_equal_and_clean() {
        let d = sample();
        let text = to_ron(&d);
        assert!(text.starts_with('('), "{text}");
        assert!(text.contains("version: 1"), "{text}");
        let (back, warnings) = from_ron(Path::new("x.awsdiagram.ron"), &text).unwrap();
        assert_eq!(back, d);
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn accepted_findings_are_saved_and_older_files_load_without_them() {
        // A diagram without acceptances writes the format older builds wrote.
        let d = sample();
        let text = to_ron(&d);
        assert!(!text.contains("accepted"), "{text}");
        let (back, _) = from_ron(Path::new("old.awsdiagram.ron"), &text).unwrap();
        assert!(back.accepted.is_empty());
        let minimal = "(version: 1, diagram: (nodes: {}, edges: {}, order: [], next_id: 1))";
        let (empty, warnings) = from_ron(Path::new("old.awsdiagram.ron"), minimal).unwrap();
        assert!(empty.accepted.is_empty() && warnings.is_empty());
        // Acceptances round-trip, reason included.
        let mut accepted = sample();
        accepted
            .accepted
            .push(crate::diagram::model::AcceptedFinding {
                rule: "lambda-in-public-subnet".into(),
                nodes: vec![NodeId(2)],
                reason: "lab account, « deleted » tonight".into(),
            });
        let text = to_ron(&accepted);
        assert!(text.contains("accepted"), "{text}");
        let (back, warnings) = from_ron(Path::new("new.awsdiagram.ron"), &text).unwrap();
        assert_eq!(back, accepted);
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn truncated_file_is_a_parse_error_with_position() {
        let text = to_ron(&sample());
        let cut = &text[..text.len() / 2];
        let err = from_ron(Path::new("cut.awsdiagram.ron"), cut).unwrap_err();
        let FileError::Parse { reason, .. } = &err else {
            panic!("expected Parse, got {err:?}");
        };
        // `line:column` of the problem.
        assert!(
            reason
                .split(':')
                .next()
                .unwrap()
                .trim()
                .parse::<u32>()
                .is_ok(),
            "{reason}"
        );
        assert!(err.to_string().contains("cut.awsdiagram.ron"));
    }

    #[test]
    fn unknown_icon_is_kept_with_a_warning() {
        let text = to_ron(&sample()).replacen(&lambda_icon(), "Arch_AWS-Quantum-Toaster_48", 1);
        let (d, warnings) = from_ron(Path::new("x"), &text).unwrap();
        assert!(d.nodes.values().any(|n| matches!(
            &n.kind,
            NodeKind::Service { icon } if icon == "Arch_AWS-Quantum-Toaster_48"
        )));
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("Arch_AWS-Quantum-Toaster_48"));
    }

    #[test]
    fn dangling_and_self_edges_are_dropped_and_other_repairs() {
        let mut d = sample();
        d.edges.insert(
            EdgeId(10),
            Edge {
                id: EdgeId(10),
                from: NodeId(2),
                to: NodeId(99),
                label: String::new(),
                arrows: Arrows::Forward,
                waypoints: Vec::new(),
                routing: Routing::Straight,
            },
        );
        d.edges.insert(
            EdgeId(11),
            Edge {
                id: EdgeId(11),
                from: NodeId(3),
                to: NodeId(3),
                label: String::new(),
                waypoints: Vec::new(),
                arrows: Arrows::None,
                routing: Routing::Straight,
            },
        );
        if let Some(n) = d.nodes.get_mut(&NodeId(3)) {
            n.parent = Some(NodeId(42));
        }
        // Member before its group, one node missing, one repeated.
        d.order = vec![NodeId(2), NodeId(2), NodeId(1)];
        d.next_id = 2;
        let (back, warnings) = from_ron(Path::new("x"), &to_ron(&d)).unwrap();
        assert_eq!(
            back.edges.keys().copied().collect::<Vec<_>>(),
            vec![EdgeId(4)]
        );
        assert_eq!(back.nodes[&NodeId(3)].parent, None);
        assert_eq!(back.order, vec![NodeId(1), NodeId(2), NodeId(3)]);
        assert_eq!(back.next_id, 12);
        assert_eq!(warnings.len(), 4, "{warnings:?}");
        assert!(warnings.iter().any(|w| w.contains("does not exist")));
        assert!(warnings.iter().any(|w| w.contains("itself")));
    }

    #[test]
    fn parent_cycles_are_broken() {
        let mut d = sample();
        for (id, parent) in [(1, 5), (5, 1)] {
            d.nodes.insert(
                NodeId(id),
                Node {
                    id: NodeId(id),
                    kind: NodeKind::Group {
                        kind: GroupKind::Vpc,
                    },
                    label: format!("g{id}"),
                    rect: Rect::default(),
                    parent: Some(NodeId(parent)),
                },
            );
        }
        let (back, warnings) = from_ron(Path::new("x"), &to_ron(&d)).unwrap();
        assert!(!warnings.is_empty());
        // No chain of parents loops any more.
        for n in back.nodes.values() {
            let mut steps = 0;
            let mut cur = n.parent;
            while let Some(p) = cur {
                steps += 1;
                assert!(steps < 10);
                cur = back.nodes[&p].parent;
            }
        }
        assert_eq!(back.order.len(), back.nodes.len());
    }

    #[test]
    fn future_version_is_refused() {
        let text = "(version: 9, diagram: (nodes: {}, shapes3d: [1, 2]), hologram: true)";
        let err = from_ron(Path::new("f.awsdiagram.ron"), text).unwrap_err();
        assert!(
            matches!(
                err,
                FileError::TooNew {
                    found: 9,
                    supported: 1,
                    ..
                }
            ),
            "{err:?}"
        );
        // Even when the newer file does not parse as RON we know at all.
        let err = from_ron(Path::new("f"), "(version: 3, diagram: <<new syntax>>)").unwrap_err();
        assert!(matches!(err, FileError::TooNew { found: 3, .. }), "{err:?}");
    }

    #[test]
    fn garbage_is_a_parse_error() {
        for text in [
            "",
            "hello",
            "(version: 1)",
            "[1, 2]",
            "(version: 0, diagram: ())",
        ] {
            let err = from_ron(Path::new("g"), text).unwrap_err();
            assert!(matches!(err, FileError::Parse { .. }), "{text}: {err:?}");
        }
    }

    #[test]
    fn load_never_modifies_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.awsdiagram.ron");
        let mut d = sample();
        d.order.clear(); // needs a repair on load
        let text = to_ron(&d);
        std::fs::write(&path, &text).unwrap();
        let mtime = std::fs::metadata(&path).unwrap().modified().unwrap();
        let (_, warnings) = load(&path).unwrap();
        assert!(!warnings.is_empty());
        // Refused and broken files are left alone too.
        let future = dir.path().join("future.awsdiagram.ron");
        std::fs::write(&future, "(version: 9, diagram: ())").unwrap();
        assert!(load(&future).is_err());
        let broken = dir.path().join("broken.awsdiagram.ron");
        std::fs::write(&broken, "(version: 1, diag").unwrap();
        assert!(load(&broken).is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
        assert_eq!(std::fs::metadata(&path).unwrap().modified().unwrap(), mtime);
        assert_eq!(
            std::fs::read_to_string(&future).unwrap(),
            "(version: 9, diagram: ())"
        );
        assert_eq!(
            std::fs::read_to_string(&broken).unwrap(),
            "(version: 1, diag"
        );
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 3);
        let missing = load(&dir.path().join("nope.awsdiagram.ron")).unwrap_err();
        assert!(matches!(missing, FileError::Read { .. }));
    }

    #[test]
    fn save_is_atomic_and_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join(format!("arch.{EXTENSION}"));
        let d = sample();
        save(&path, &d).unwrap();
        // Overwrite an existing file.
        save(&path, &d).unwrap();
        let names: Vec<String> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, vec!["arch.awsdiagram.ron".to_owned()]);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), to_ron(&d));
        let (back, warnings) = load(&path).unwrap();
        assert_eq!(back, d);
        assert!(warnings.is_empty());
    }

    #[test]
    fn save_into_an_impossible_place_is_a_write_error() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("plain-file");
        std::fs::write(&file, "x").unwrap();
        let err = save(&file.join("d.awsdiagram.ron"), &sample()).unwrap_err();
        assert!(matches!(err, FileError::Write { .. }), "{err:?}");
    }

    #[test]
    fn paths_get_the_extension_and_a_default_next_to_the_file() {
        let p = Path::new("/x/plan");
        assert_eq!(with_extension(p), PathBuf::from("/x/plan.awsdiagram.ron"));
        let full = Path::new("/x/plan.awsdiagram.ron");
        assert_eq!(with_extension(full), full);
        assert_eq!(
            default_path(Some(full), "png"),
            PathBuf::from("/x/plan.png")
        );
        assert!(default_path(None, EXTENSION).ends_with("architecture.awsdiagram.ron"));
    }

    #[test]
    fn export_writes_svg_and_reports_impossible_places() {
        let dir = tempfile::tempdir().unwrap();
        let svg = dir.path().join("a.svg");
        export(&svg, &sample(), false, 1.0).unwrap();
        assert!(std::fs::read_to_string(&svg).unwrap().contains("<svg"));
        let bad = dir.path().join("missing").join("a.svg");
        assert!(
            export(&bad, &sample(), false, 1.0)
                .unwrap_err()
                .contains("a.svg")
        );
    }
}
