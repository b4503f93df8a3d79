//! `aws-study convert IN OUT [--json]`: converts a diagram between `.awsdiagram.ron`,
//! `.drawio` (or `.xml`), `.svg` and `.png`, chosen by extension, and reports what the
//! reading had to approximate.

use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;

use super::drawio::{self, ImportReport};
use super::file::{self, EXTENSION};

/// What a conversion read and wrote.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ConvertReport {
    /// The file read.
    pub input: String,
    /// The file written.
    pub output: String,
    /// Pages of a draw.io input (empty for other inputs).
    pub pages: Vec<String>,
    /// What was found and approximated.
    pub import: ImportReport,
    /// Share of AWS shapes (icons and groups) mapped to a bundled icon or an AWS group, in
    /// percent (100 when there is none).
    pub mapped_percent: u32,
    /// Repairs or other messages about the input, in words.
    pub messages: Vec<String>,
}

impl ConvertReport {
    /// The report as text, for the terminal.
    pub fn render(&self) -> String {
        let r = &self.import;
        let mut out = String::new();
        let _ = writeln!(out, "{} → {}", self.input, self.output);
        if self.pages.len() > 1 {
            let _ = writeln!(
                out,
                "pages: {} (the first was converted)",
                self.pages.join(", ")
            );
        }
        let _ = writeln!(
            out,
            "vertices: {}, AWS icons: {}, AWS groups: {}, mapped: {} %",
            r.vertices, r.mapped_icons, r.mapped_groups, self.mapped_percent
        );
        let _ = writeln!(out, "edges kept: {} of {}", r.edges_kept, r.edges);
        if !r.unknown.is_empty() {
            let _ = writeln!(out, "approximated ({}):", r.unknown.len());
            for u in &r.unknown {
                let _ = writeln!(out, "  {u}");
            }
        }
        for m in r
            .notes
            .iter()
            .map(ToString::to_string)
            .chain(self.messages.iter().cloned())
        {
            let _ = writeln!(out, "note: {m}");
        }
        out
    }

    /// The report as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_owned())
    }
}

/// The kind of file a path names, by extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Ron,
    Drawio,
    Svg,
    Png,
}

fn format_of(path: &Path) -> Option<Format> {
    let name = path.to_string_lossy().to_ascii_lowercase();
    if name.ends_with(EXTENSION) {
        return Some(Format::Ron);
    }
    let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
    match ext.as_str() {
        "drawio" | "xml" => Some(Format::Drawio),
        "svg" => Some(Format::Svg),
        "png" => Some(Format::Png),
        _ => None,
    }
}

/// Converts `input` to `output`, each kind chosen by its extension (`.awsdiagram.ron`,
/// `.drawio`/`.xml`, `.svg`, `.png`; SVG and PNG are written editable, with the diagram
/// inside). The input is never modified.
///
/// # Errors
/// A message in words: an extension that is not one of these, a file that cannot be read
/// or is not a diagram, or an output that cannot be written.
pub fn convert(input: &Path, output: &Path) -> Result<ConvertReport, String> {
    let kinds = "use .awsdiagram.ron, .drawio, .xml, .svg or .png";
    let Some(_) = format_of(input) else {
        return Err(format!("{}: unknown file type ({kinds})", input.display()));
    };
    let Some(out_format) = format_of(output) else {
        return Err(format!("{}: unknown file type ({kinds})", output.display()));
    };
    let mut report = ConvertReport {
        input: input.display().to_string(),
        output: output.display().to_string(),
        ..ConvertReport::default()
    };
    let diagram = if format_of(input) == Some(Format::Ron) {
        let (d, warnings) = file::load(input).map_err(|e| e.to_string())?;
        report.import = ImportReport {
            vertices: d.nodes.len(),
            mapped_icons: d.nodes.values().filter(|n| n.icon().is_some()).count(),
            mapped_groups: d.nodes.values().filter(|n| n.is_group()).count(),
            edges: d.edges.len(),
            edges_kept: d.edges.len(),
            ..ImportReport::default()
        };
        report.messages = warnings.iter().map(ToString::to_string).collect();
        d
    } else {
        let bytes = std::fs::read(input).map_err(|e| format!("{}: {e}", input.display()))?;
        let imported =
            drawio::import(&bytes, None).map_err(|e| format!("{}: {e}", input.display()))?;
        report.pages = imported.pages;
        report.import = imported.report;
        imported.diagram
    };
    let r = &report.import;
    let mapped = r.mapped_icons + r.mapped_groups;
    let aws = mapped + r.unknown.iter().filter(|u| u.is_aws()).count();
    report.mapped_percent = (mapped * 100)
        .checked_div(aws)
        .map_or(100, |p| u32::try_from(p).unwrap_or(100));
    match out_format {
        Format::Ron => file::save(output, &diagram).map_err(|e| e.to_string())?,
        Format::Drawio => file::export_drawio(output, &diagram).map_err(|e| e.to_string())?,
        Format::Svg => file::export(output, &diagram, false, 1.0).map_err(|e| e.to_string())?,
        Format::Png => file::export(output, &diagram, true, 1.0).map_err(|e| e.to_string())?,
    }
    Ok(report)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::diagram::templates::Template;

    #[test]
    fn converts_between_every_format_and_reports() {
        let dir = tempfile::tempdir().unwrap();
        let ron = dir.path().join("a.awsdiagram.ron");
        let d = Template::ThreeTier.build();
        file::save(&ron, &d).unwrap();
        let drawio_path = dir.path().join("a.drawio");
        let r = convert(&ron, &drawio_path).unwrap();
        assert_eq!(r.import.vertices, d.nodes.len());
        assert_eq!(r.mapped_percent, 100);
        let png = dir.path().join("a.png");
        let r = convert(&drawio_path, &png).unwrap();
        assert_eq!(r.import.vertices, d.nodes.len());
        assert_eq!(r.import.edges_kept, d.edges.len());
        assert!(r.import.unknown.is_empty());
        assert_eq!(r.mapped_percent, 100);
        let svg = dir.path().join("a.svg");
        convert(&png, &svg).unwrap();
        let back = dir.path().join("b.awsdiagram.ron");
        convert(&svg, &back).unwrap();
        let (again, _) = file::load(&back).unwrap();
        assert_eq!(again.nodes.len(), d.nodes.len());
        assert_eq!(again.edges.len(), d.edges.len());
        let text = r.render();
        assert!(text.contains("edges kept:"), "{text}");
        let json: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
        assert_eq!(json["import"]["edges_kept"], d.edges.len());
    }

    #[test]
    fn errors_are_plain_words() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.drawio");
        let e = convert(&a, &dir.path().join("b.txt")).unwrap_err();
        assert!(e.contains("unknown file type"), "{e}");
        let e = convert(&a, &dir.path().join("b.svg")).unwrap_err();
        assert!(e.contains("a.drawio"), "{e}");
        std::fs::write(&a, "not a diagram").unwrap();
        let e = convert(&a, &dir.path().join("b.svg")).unwrap_err();
        assert!(e.contains("not a draw.io file"), "{e}");
        assert!(!dir.path().join("b.svg").exists());
    }

    #[test]
    fn load_any_reads_drawio_and_names_the_other_pages() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("n.drawio");
        std::fs::write(
            &p,
            include_bytes!("../../tests/fixtures/drawio/nested.drawio"),
        )
        .unwrap();
        let (d, messages) = file::load_any(&p).unwrap();
        // 12 shapes and the anchor of an edge that ends on another edge.
        assert_eq!(d.nodes.len(), 13);
        let messages: Vec<String> = messages.iter().map(ToString::to_string).collect();
        assert!(messages[0].contains("Storage"), "{messages:?}");
        assert!(
            messages.iter().any(|m| m.contains("rhombus")),
            "{messages:?}"
        );
        let ron = dir.path().join("n.awsdiagram.ron");
        file::save(&ron, &d).unwrap();
        assert_eq!(file::load_any(&ron).unwrap().0, d);
    }
}
