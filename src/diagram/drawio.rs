//! draw.io (diagrams.net) files: import ([`import`]) and export ([`export`]).
//!
//! Read: `.drawio`/`.xml` (`<mxfile>` with `<diagram>` pages, each a plain `<mxGraphModel>`
//! or compressed text: base64 → raw deflate → URL-encoded XML), a bare `<mxGraphModel>`,
//! `.drawio.svg` (the mxfile in the root's `content` attribute) and `.drawio.png` (the
//! URL-encoded mxfile in a `tEXt`, `zTXt` or `iTXt` chunk with keyword `mxfile`).
//!
//! AWS 4 icons (`shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.<name>` and
//! `shape=mxgraph.aws4.<name>`), older AWS 3 and AWS 2 icons (`mxgraph.aws3.<name>`,
//! `mxgraph.aws.<category>.<name>`) become services with the bundled icon of the same
//! service or resource; AWS group containers become groups with their members; text cells
//! become free labels and anything else a labelled box. Coordinates of children, relative
//! to their parent in draw.io, become absolute. Whatever had to be approximated is counted
//! and named in the [`ImportReport`]. No input makes the importer panic.
//!
//! Written: an uncompressed mxfile draw.io opens, with the AWS 4 styles, which this
//! importer reads back into the same diagram.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::io::Read as _;
use std::sync::OnceLock;

use base64::Engine as _;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};
use serde::Serialize;

use super::model::{Arrows, Diagram, Edge, EdgeId, GroupKind, Node, NodeId, NodeKind, Point, Rect};
use crate::icons::{self, IconKind};
use crate::services;

/// What an import produced.
#[derive(Clone, Debug)]
pub struct DrawioImport {
    /// The imported page as a diagram.
    pub diagram: Diagram,
    /// Names of every page of the file, in order.
    pub pages: Vec<String>,
    /// Index of the imported page in `pages`.
    pub page: usize,
    /// What was found and what had to be approximated.
    pub report: ImportReport,
}

/// Counts of what an import found, and what it approximated.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    /// Shapes (vertices) on the page, label cells of edges excepted.
    pub vertices: usize,
    /// Vertices that became a service with the bundled icon of their AWS shape.
    pub mapped_icons: usize,
    /// Vertices that became an AWS group.
    pub mapped_groups: usize,
    /// Every cell that was approximated (a box for an unknown shape or an AWS icon
    /// without a bundled equivalent).
    pub unknown: Vec<Unknown>,
    /// Edges on the page.
    pub edges: usize,
    /// Edges imported (the others had an end that is missing or is another edge).
    pub edges_kept: usize,
    /// Other approximations.
    pub notes: Vec<ImportNote>,
}

impl ImportReport {
    /// The report, one warning each: the counts, each cell approximated, each note.
    pub fn warnings(&self) -> Vec<super::file::Warning> {
        use super::file::Warning;
        let mut out = vec![Warning::Summary {
            shapes: self.vertices,
            icons: self.mapped_icons,
            groups: self.mapped_groups,
            approximated: self.unknown.len(),
            kept: self.edges_kept,
            edges: self.edges,
        }];
        out.extend(self.unknown.iter().cloned().map(Warning::Approximated));
        out.extend(self.notes.iter().cloned().map(Warning::Import));
        out
    }

    /// The report in English words, one line each (what `convert` prints).
    pub fn lines(&self) -> Vec<String> {
        self.warnings().iter().map(ToString::to_string).collect()
    }
}

/// A cell drawn as a plain box: an AWS group or icon without a bundled equivalent, or a
/// shape this importer does not know. Written (and serialised) as `group NAME “label”`
/// or `NAME “label”`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unknown {
    /// An AWS group (rather than a shape or icon).
    pub group: bool,
    /// The group's, icon's or shape's name in draw.io (`mxgraph.aws4.xyz`, `rhombus`).
    pub name: String,
    /// The first line of the cell's label (may be empty).
    pub label: String,
}

impl Unknown {
    /// True for AWS shapes (groups and icons), which count in the mapped share.
    #[must_use]
    pub fn is_aws(&self) -> bool {
        self.group || self.name.starts_with("mxgraph.aws")
    }
}

impl std::fmt::Display for Unknown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.group {
            write!(f, "group ")?;
        }
        write!(f, "{}", self.name)?;
        if !self.label.is_empty() {
            write!(f, " “{}”", self.label)?;
        }
        Ok(())
    }
}

impl Serialize for Unknown {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Something an import approximated besides single cells. `Display` (and the JSON of
/// `convert --json`) is the English text; the interface words it with
/// [`crate::i18n::Describe`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportNote {
    /// Cells whose parents form a loop.
    #[error("some cells are nested in a loop; they were placed as if on the page")]
    NestedLoop,
    /// A shape that sat on an edge (its label).
    #[error("a shape placed on an edge was left out: “{0}”")]
    ShapeOnEdge(String),
    /// 3D connectors, which are shapes in draw.io.
    #[error("{0} 3D connector shapes (drawn as shapes, not edges) were left out")]
    Connectors3d(usize),
    /// Frames with an AWS group icon in a corner.
    #[error("{0} frames with an AWS group icon in their corner became that group")]
    Frames(usize),
    /// Shapes inside a container that is not an AWS group.
    #[error(
        "{0} shapes were inside a container that is not an AWS group; they are placed on their own"
    )]
    Unparented(usize),
    /// Shapes drawn over a group, made its members.
    #[error("{0} shapes drawn inside a group became its members")]
    Members(usize),
    /// Loose edge ends lying on a shape, connected to it.
    #[error("{0} loose edge ends lying on a shape were connected to it")]
    Attached(usize),
    /// Edge ends connected to nothing, kept at a point.
    #[error("{0} edge ends connected to no shape end at a point of their own")]
    Anchored(usize),
    /// Edges without one of their ends.
    #[error("{0} edges were left out: an end is not connected to a shape")]
    MissingEnd(usize),
    /// Edges ending on another edge.
    #[error("{0} edges were left out: they end on another edge")]
    ToEdges(usize),
    /// Groups nested in a loop.
    #[error("groups nested in a loop were taken apart")]
    GroupLoop,
}

impl Serialize for ImportNote {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Why a file is not a draw.io file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NotDrawio {
    /// A PNG without the `mxfile` chunk.
    #[error("a PNG image without an embedded diagram")]
    PngWithout,
    /// Neither UTF-8 text nor a PNG.
    #[error("neither XML text nor a PNG image")]
    NotText,
    /// Text that is not XML.
    #[error("not XML")]
    NotXml,
    /// An SVG without the `content` attribute.
    #[error("an SVG image without an embedded diagram")]
    SvgWithout,
    /// XML of another kind (its root element).
    #[error("the root element is <{0}>")]
    Root(String),
    /// The embedded diagram does not decode.
    #[error("the embedded diagram is not readable")]
    Embedded,
}

/// Why a file could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum DrawioError {
    /// Neither an mxfile, an mxGraphModel, a draw.io SVG nor a draw.io PNG.
    #[error("not a draw.io file ({0})")]
    NotDrawio(NotDrawio),
    /// The XML is malformed.
    #[error("the draw.io XML is malformed: {0}")]
    Xml(String),
    /// A compressed page could not be decoded.
    #[error("compressed diagram could not be inflated: {0}")]
    Inflate(String),
    /// The file has no page.
    #[error("the draw.io file has no page")]
    NoPages,
    /// The requested page does not exist.
    #[error("page {page} does not exist (the file has {count})")]
    NoSuchPage {
        /// Requested page (counted from 1).
        page: usize,
        /// Number of pages.
        count: usize,
    },
}

/// Largest decoded page, so a small compressed text cannot expand into gigabytes.
const MAX_INFLATED: u64 = 64 * 1024 * 1024;
/// Deepest parent chain followed when resolving relative coordinates.
const MAX_DEPTH: usize = 64;

// ---------------------------------------------------------------------------------------
// Decoding the containers.

/// Imports page `page` (counted from 0; `None`: the first) of a draw.io file given as
/// bytes: an mxfile, a bare mxGraphModel, a draw.io SVG or a draw.io PNG.
///
/// # Errors
/// A [`DrawioError`] saying what is wrong.
pub fn import(bytes: &[u8], page: Option<usize>) -> Result<DrawioImport, DrawioError> {
    let xml = container_xml(bytes)?;
    let pages = pages_of(&xml)?;
    if pages.is_empty() {
        return Err(DrawioError::NoPages);
    }
    let index = page.unwrap_or(0);
    let Some((_, model)) = pages.get(index) else {
        return Err(DrawioError::NoSuchPage {
            page: index + 1,
            count: pages.len(),
        });
    };
    let (diagram, report) = import_model(model)?;
    Ok(DrawioImport {
        diagram,
        pages: pages.iter().map(|(n, _)| n.clone()).collect(),
        page: index,
        report,
    })
}

/// The mxfile (or mxGraphModel) XML inside a file's bytes.
fn container_xml(bytes: &[u8]) -> Result<String, DrawioError> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        let text = png_mxfile(bytes).ok_or(DrawioError::NotDrawio(NotDrawio::PngWithout))?;
        return decode_embedded(&text);
    }
    let text =
        std::str::from_utf8(bytes).map_err(|_| DrawioError::NotDrawio(NotDrawio::NotText))?;
    let text = text.trim_start_matches('\u{feff}');
    let doc = roxmltree::Document::parse(text).map_err(|e| {
        if text.trim_start().starts_with('<') {
            DrawioError::Xml(e.to_string())
        } else {
            DrawioError::NotDrawio(NotDrawio::NotXml)
        }
    })?;
    let root = doc.root_element();
    match root.tag_name().name() {
        "svg" => {
            let content = root
                .attribute("content")
                .ok_or(DrawioError::NotDrawio(NotDrawio::SvgWithout))?;
            decode_embedded(content)
        }
        "mxfile" | "mxGraphModel" | "diagram" => Ok(text.to_owned()),
        other => Err(DrawioError::NotDrawio(NotDrawio::Root(other.to_owned()))),
    }
}

/// An embedded mxfile: XML as is, URL-encoded XML, or base64 of either.
fn decode_embedded(text: &str) -> Result<String, DrawioError> {
    let t = text.trim();
    if t.starts_with('<') {
        return Ok(t.to_owned());
    }
    if t.starts_with('%') {
        return Ok(percent_decode_str(t).decode_utf8_lossy().into_owned());
    }
    if let Ok(raw) = base64::engine::general_purpose::STANDARD.decode(t.as_bytes())
        && let Ok(s) = String::from_utf8(raw)
    {
        return decode_embedded(&s).or(Err(DrawioError::NotDrawio(NotDrawio::Embedded)));
    }
    Err(DrawioError::NotDrawio(NotDrawio::Embedded))
}

/// The text of the first `mxfile` text chunk of a PNG (`tEXt`, `zTXt` or `iTXt`).
fn png_mxfile(bytes: &[u8]) -> Option<String> {
    let mut at = 8usize;
    while at + 8 <= bytes.len() {
        let len = u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?) as usize;
        let kind = bytes.get(at + 4..at + 8)?;
        let data = bytes.get(at + 8..at.checked_add(8)?.checked_add(len)?)?;
        at = at.checked_add(12)?.checked_add(len)?;
        let Some(nul) = data.iter().position(|b| *b == 0) else {
            continue;
        };
        if &data[..nul] != b"mxfile" {
            continue;
        }
        let rest = &data[nul + 1..];
        match kind {
            b"tEXt" => return Some(String::from_utf8_lossy(rest).into_owned()),
            b"zTXt" => return zlib_text(rest.get(1..)?),
            b"iTXt" => {
                let compressed = *rest.first()? == 1;
                let body = rest.get(2..)?;
                let lang_end = body.iter().position(|b| *b == 0)?;
                let body = body.get(lang_end + 1..)?;
                let key_end = body.iter().position(|b| *b == 0)?;
                let text = body.get(key_end + 1..)?;
                return if compressed {
                    zlib_text(text)
                } else {
                    Some(String::from_utf8_lossy(text).into_owned())
                };
            }
            _ => {}
        }
        if kind == b"IEND" {
            break;
        }
    }
    None
}

fn zlib_text(data: &[u8]) -> Option<String> {
    let mut out = Vec::new();
    flate2::read::ZlibDecoder::new(data)
        .take(MAX_INFLATED)
        .read_to_end(&mut out)
        .ok()?;
    Some(String::from_utf8_lossy(&out).into_owned())
}

/// Every page of an mxfile (or the single page of a bare model): (name, model XML).
fn pages_of(xml: &str) -> Result<Vec<(String, String)>, DrawioError> {
    let doc = roxmltree::Document::parse(xml).map_err(|e| DrawioError::Xml(e.to_string()))?;
    let root = doc.root_element();
    let diagrams: Vec<roxmltree::Node<'_, '_>> = match root.tag_name().name() {
        "mxGraphModel" => return Ok(vec![("Page-1".to_owned(), xml.to_owned())]),
        "diagram" => vec![root],
        "mxfile" => root
            .children()
            .filter(|n| n.has_tag_name("diagram"))
            .collect(),
        other => {
            return Err(DrawioError::NotDrawio(NotDrawio::Root(other.to_owned())));
        }
    };
    let mut pages = Vec::with_capacity(diagrams.len());
    for (i, d) in diagrams.iter().enumerate() {
        let name = d
            .attribute("name")
            .map_or_else(|| format!("Page-{}", i + 1), str::to_owned);
        let model = if let Some(m) = d.children().find(|n| n.has_tag_name("mxGraphModel")) {
            xml.get(m.range()).unwrap_or_default().to_owned()
        } else {
            let text: String = d
                .children()
                .filter(roxmltree::Node::is_text)
                .filter_map(|n| n.text())
                .collect();
            inflate_page(&text)?
        };
        pages.push((name, model));
    }
    Ok(pages)
}

/// A compressed page: base64 → raw deflate → URL-encoded XML (or plain XML).
fn inflate_page(text: &str) -> Result<String, DrawioError> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() {
        return Ok("<mxGraphModel><root/></mxGraphModel>".to_owned());
    }
    if t.starts_with('<') {
        return Ok(text.trim().to_owned());
    }
    if t.starts_with("%3C") || t.starts_with("%3c") {
        return Ok(percent_decode_str(&t).decode_utf8_lossy().into_owned());
    }
    let raw = base64::engine::general_purpose::STANDARD
        .decode(t.as_bytes())
        .map_err(|e| DrawioError::Inflate(format!("not base64 ({e})")))?;
    let mut out = Vec::new();
    flate2::read::DeflateDecoder::new(raw.as_slice())
        .take(MAX_INFLATED)
        .read_to_end(&mut out)
        .map_err(|e| DrawioError::Inflate(e.to_string()))?;
    let s = String::from_utf8_lossy(&out);
    let s = s.trim();
    if s.starts_with('<') {
        Ok(s.to_owned())
    } else {
        Ok(percent_decode_str(s).decode_utf8_lossy().into_owned())
    }
}

// ---------------------------------------------------------------------------------------
// Cells.

/// A parsed `style` attribute: `key=value` pairs and bare names (`text`, `ellipse`).
#[derive(Clone, Debug, Default)]
struct Style {
    pairs: HashMap<String, String>,
    names: Vec<String>,
    raw: String,
}

impl Style {
    fn parse(s: &str) -> Self {
        let mut st = Style {
            raw: s.to_owned(),
            ..Style::default()
        };
        for part in s.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            match part.split_once('=') {
                Some((k, v)) => {
                    st.pairs.insert(k.trim().to_owned(), v.trim().to_owned());
                }
                None => st.names.push(part.to_owned()),
            }
        }
        st
    }

    fn get(&self, k: &str) -> Option<&str> {
        self.pairs.get(k).map(String::as_str)
    }

    fn has(&self, name: &str) -> bool {
        self.names.iter().any(|n| n == name)
    }

    /// The shape: `shape=` or a bare shape name.
    fn shape(&self) -> Option<&str> {
        self.get("shape").or_else(|| {
            self.names
                .iter()
                .find(|n| n.starts_with("mxgraph."))
                .map(String::as_str)
        })
    }

    fn none_or_missing(&self, k: &str) -> bool {
        self.get(k).is_none_or(|v| v == "none")
    }
}

#[derive(Clone, Debug, Default)]
struct Geometry {
    x: f32,
    y: f32,
    w: f32,
    h: f32,
    relative: bool,
    points: Vec<Point>,
    offset: Option<Point>,
    source_point: Option<Point>,
    target_point: Option<Point>,
}

#[derive(Clone, Debug, Default)]
struct Cell {
    id: String,
    parent: Option<String>,
    value: String,
    style: Style,
    vertex: bool,
    edge: bool,
    source: Option<String>,
    target: Option<String>,
    /// `connectable="0"`: a label cell of an edge, when its parent is one.
    unconnectable: bool,
    geometry: Geometry,
}

fn num_attr(n: roxmltree::Node<'_, '_>, name: &str) -> f32 {
    n.attribute(name)
        .and_then(|v| v.trim().parse::<f32>().ok())
        .filter(|v| v.is_finite())
        .unwrap_or(0.0)
}

fn point_of(n: roxmltree::Node<'_, '_>) -> Point {
    Point::new(num_attr(n, "x"), num_attr(n, "y"))
}

/// The cells of a model, in document order.
fn cells_of(model: &str) -> Result<Vec<Cell>, DrawioError> {
    let doc = roxmltree::Document::parse(model).map_err(|e| DrawioError::Xml(e.to_string()))?;
    let Some(root) = doc.descendants().find(|n| n.has_tag_name("root")) else {
        return Ok(Vec::new());
    };
    let mut cells = Vec::new();
    for child in root.children().filter(roxmltree::Node::is_element) {
        // `<UserObject label=… id=…><mxCell …/></UserObject>` (and `<object>`) wrap a cell.
        let (wrapper, cell) = if child.has_tag_name("mxCell") {
            (None, child)
        } else {
            match child.children().find(|n| n.has_tag_name("mxCell")) {
                Some(c) => (Some(child), c),
                None => continue,
            }
        };
        let id = wrapper
            .and_then(|w| w.attribute("id"))
            .or_else(|| cell.attribute("id"))
            .unwrap_or_default()
            .to_owned();
        let value = wrapper
            .and_then(|w| w.attribute("label"))
            .or_else(|| cell.attribute("value"))
            .unwrap_or_default()
            .to_owned();
        let mut geometry = Geometry::default();
        if let Some(g) = cell.children().find(|n| n.has_tag_name("mxGeometry")) {
            geometry.x = num_attr(g, "x");
            geometry.y = num_attr(g, "y");
            geometry.w = num_attr(g, "width").abs();
            geometry.h = num_attr(g, "height").abs();
            geometry.relative = g.attribute("relative") == Some("1");
            for part in g.children().filter(roxmltree::Node::is_element) {
                if part.has_tag_name("Array") && part.attribute("as") == Some("points") {
                    geometry.points = part
                        .children()
                        .filter(|p| p.has_tag_name("mxPoint"))
                        .map(point_of)
                        .collect();
                } else if part.has_tag_name("mxPoint") {
                    match part.attribute("as") {
                        Some("offset") => geometry.offset = Some(point_of(part)),
                        Some("sourcePoint") => geometry.source_point = Some(point_of(part)),
                        Some("targetPoint") => geometry.target_point = Some(point_of(part)),
                        _ => {}
                    }
                }
            }
        }
        cells.push(Cell {
            id,
            parent: cell.attribute("parent").map(str::to_owned),
            value,
            style: Style::parse(cell.attribute("style").unwrap_or_default()),
            vertex: cell.attribute("vertex") == Some("1"),
            edge: cell.attribute("edge") == Some("1"),
            source: cell.attribute("source").map(str::to_owned),
            target: cell.attribute("target").map(str::to_owned),
            unconnectable: cell.attribute("connectable") == Some("0"),
            geometry,
        });
    }
    Ok(cells)
}

/// A label as plain text: HTML tags stripped (`<br>`, `</div>`, `</p>` become line breaks),
/// entities decoded, blank lines and surrounding spaces removed.
pub fn plain_label(value: &str, html: bool) -> String {
    let text = if html {
        strip_html(value)
    } else {
        value.to_owned()
    };
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn strip_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(['<', '&']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with('<') {
            let end = rest.find('>').map_or(rest.len(), |e| e + 1);
            let tag = rest
                .get(1..end.saturating_sub(1).max(1))
                .unwrap_or_default()
                .trim()
                .to_ascii_lowercase();
            let name = tag
                .trim_start_matches('/')
                .split(|c: char| c.is_whitespace() || c == '/')
                .next()
                .unwrap_or_default()
                .to_owned();
            let closing = tag.starts_with('/');
            if name == "br"
                || (closing && matches!(name.as_str(), "div" | "p" | "li" | "tr"))
                || (!closing && matches!(name.as_str(), "div" | "p" | "li") && !out.is_empty())
            {
                out.push('\n');
            }
            rest = &rest[end..];
        } else {
            let end = rest[1..].find(';').map(|e| e + 2).filter(|e| *e <= 12);
            if let Some((e, c)) = end.and_then(|e| {
                decode_entity(rest.get(1..e - 1)?)
                    .map(|c| (e, c))
                    .filter(|_| rest.is_char_boundary(e))
            }) {
                out.push(c);
                rest = &rest[e..];
            } else {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn decode_entity(name: &str) -> Option<char> {
    if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
        return u32::from_str_radix(hex, 16).ok().and_then(char::from_u32);
    }
    if let Some(dec) = name.strip_prefix('#') {
        return dec.parse::<u32>().ok().and_then(char::from_u32);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        _ => return None,
    })
}

// ---------------------------------------------------------------------------------------
// Mapping AWS shapes to bundled icons and groups.

/// draw.io shape names the catalogs cannot find by name, and the bundled icon each stands
/// for (`aws_name`).
const ALIASES: &[(&str, &str)] = &[
    ("elasticsearch_service", "Arch_Amazon-OpenSearch-Service_48"),
    ("elasticsearch", "Arch_Amazon-OpenSearch-Service_48"),
    ("internet_of_things", "Arch-Category_Internet-of-Things_48"),
    ("mobile", "Arch-Category_Front-End-Web-Mobile_48"),
    ("general", "Res_Generic-Application_48_Light"),
    ("iot_analytics", "Arch-Category_Internet-of-Things_48"),
    (
        "iot_analytics_channel",
        "Arch-Category_Internet-of-Things_48",
    ),
    ("greengrass", "Arch_AWS-IoT-Greengrass_48"),
    ("m4_instance", "Res_Amazon-EC2_Instance_48"),
    ("optimized_instance", "Res_Amazon-EC2_Instance_48"),
    ("instance", "Res_Amazon-EC2_Instance_48"),
    ("instance2", "Res_Amazon-EC2_Instance_48"),
    ("instances", "Res_Amazon-EC2_Instances_48"),
    ("instances_2", "Res_Amazon-EC2_Instances_48"),
    ("ec2_instance", "Res_Amazon-EC2_Instance_48"),
    (
        "ecs_service",
        "Res_Amazon-Elastic-Container-Service_Service_48",
    ),
    ("external_sdk", "Res_SDK_48_Light"),
    ("illustration_desktop", "Res_Client_48_Light"),
    ("illustration_devices", "Res_Mobile-client_48_Light"),
    ("illustration_notification", "Res_Alert_48_Light"),
    ("illustration_users", "Res_Users_48_Light"),
    (
        "fleet_management",
        "Res_AWS-IoT-Device-Management_Fleet-Hub_48",
    ),
    ("topic", "Res_Amazon-Simple-Notification-Service_Topic_48"),
    ("topic_2", "Res_AWS-IoT_Topic_48"),
    ("rule", "Res_AWS-IoT-Rule_48"),
    ("rule_2", "Res_Amazon-CloudWatch_Rule_48"),
    ("rule_3", "Res_AWS-WAF_Rule_48"),
    ("resources", "Res_Generic-Application_48_Light"),
    ("hosted_zone", "Res_Amazon-Route-53-Hosted-Zone_48"),
    ("route_53_hosted_zone", "Res_Amazon-Route-53-Hosted-Zone_48"),
    (
        "import_export",
        "Res_AWS-Snowball_Snowball-Import-Export_48",
    ),
    ("management_console", "Arch_AWS-Management-Console_48"),
    ("internet", "Res_Internet_48_Light"),
    ("internet_2", "Res_Internet-alt1_48_Light"),
    ("internet_3", "Res_Internet_48_Light"),
    ("internet_alt1", "Res_Internet-alt1_48_Light"),
    ("internet_alt2", "Res_Internet-alt2_48_Light"),
    ("cloud", "AWS-Cloud_32"),
    ("emr_cluster", "Res_Amazon-EMR_Cluster_48"),
    ("dynamo_db", "Arch_Amazon-DynamoDB_48"),
    ("corporate_data_center", "Corporate-data-center_32"),
    ("data_center", "Corporate-data-center_32"),
    ("worker", "Res_Amazon-EC2_Instance_48"),
    ("traditional_server", "Res_Traditional-server_48_Light"),
    (
        "application_load_balancer",
        "Res_Elastic-Load-Balancing_Application-Load-Balancer_48",
    ),
    (
        "network_load_balancer",
        "Res_Elastic-Load-Balancing_Network-Load-Balancer_48",
    ),
    (
        "classic_load_balancer",
        "Res_Elastic-Load-Balancing_Classic-Load-Balancer_48",
    ),
    (
        "gateway_load_balancer",
        "Res_Elastic-Load-Balancing_Gateway-Load-Balancer_48",
    ),
    ("elastic_load_balancer", "Arch_Elastic-Load-Balancing_48"),
    ("elb", "Arch_Elastic-Load-Balancing_48"),
    ("nat_gateway", "Res_Amazon-VPC_NAT-Gateway_48"),
    ("internet_gateway", "Res_Amazon-VPC_Internet-Gateway_48"),
    ("vpn_gateway", "Arch_AWS-Site-to-Site-VPN_48"),
    ("vpc", "Arch_Amazon-Virtual-Private-Cloud_48"),
    (
        "virtual_private_cloud",
        "Arch_Amazon-Virtual-Private-Cloud_48",
    ),
    ("customer_gateway", "Res_Amazon-VPC_Customer-Gateway_48"),
    ("router", "Res_Amazon-VPC_Router_48"),
    ("endpoints", "Res_Amazon-VPC_Endpoints_48"),
    ("endpoint", "Res_Amazon-VPC_Endpoints_48"),
    ("flow_logs", "Res_Amazon-VPC_Flow-Logs_48"),
    (
        "elastic_network_interface",
        "Res_Amazon-VPC_Elastic-Network-Interface_48",
    ),
    ("user", "Res_User_48_Light"),
    ("users", "Res_Users_48_Light"),
    ("client", "Res_Client_48_Light"),
    ("mobile_client", "Res_Mobile-client_48_Light"),
    ("multimedia", "Res_Multimedia_48_Light"),
    ("email", "Res_Email_48_Light"),
    ("ssl_padlock", "Res_SSL-padlock_48_Light"),
    ("database", "Res_Database_48_Light"),
    ("s3", "Arch_Amazon-Simple-Storage-Service_48"),
    ("glacier", "Arch_Amazon-Simple-Storage-Service-Glacier_48"),
    (
        "s3_glacier",
        "Arch_Amazon-Simple-Storage-Service-Glacier_48",
    ),
    ("lambda_function", "Res_AWS-Lambda_Lambda-Function_48"),
    ("ecr", "Arch_Amazon-Elastic-Container-Registry_48"),
    ("ecs", "Arch_Amazon-Elastic-Container-Service_48"),
    ("eks", "Arch_Amazon-Elastic-Kubernetes-Service_48"),
    ("ebs", "Arch_Amazon-Elastic-Block-Store_48"),
    ("efs", "Arch_Amazon-EFS_48"),
    ("elastic_file_system", "Arch_Amazon-EFS_48"),
    (
        "kinesis_data_firehose",
        "Arch_Amazon-Kinesis-Data-Firehose_48",
    ),
    (
        "kinesis_data_analytics",
        "Arch_Amazon-Managed-Service-for-Apache-Flink_48",
    ),
    (
        "managed_streaming_for_kafka",
        "Arch_Amazon-Managed-Streaming-for-Apache-Kafka_48",
    ),
    ("msk", "Arch_Amazon-Managed-Streaming-for-Apache-Kafka_48"),
    ("cloudwatch_2", "Arch_Amazon-CloudWatch_48"),
    ("shield_advanced", "Res_AWS-Shield_AWS-Shield-Advanced_48"),
    ("single_sign_on", "Arch_AWS-IAM-Identity-Center_48"),
    ("iam", "Arch_AWS-Identity-and-Access-Management_48"),
    (
        "identity_and_access_management",
        "Arch_AWS-Identity-and-Access-Management_48",
    ),
    ("role", "Res_AWS-Identity-Access-Management_Role_48"),
    (
        "permissions",
        "Res_AWS-Identity-Access-Management_Permissions_48",
    ),
    (
        "encrypted_data",
        "Res_AWS-Identity-Access-Management_Encrypted-Data_48",
    ),
    ("addon", "Res_AWS-Identity-Access-Management_Add-on_48"),
    ("template", "Res_AWS-CloudFormation_Template_48"),
    ("stack", "Res_AWS-CloudFormation_Stack_48"),
    (
        "parameter_store",
        "Res_AWS-Systems-Manager_Parameter-Store_48",
    ),
    ("queue", "Res_Amazon-Simple-Queue-Service_Queue_48"),
    ("message", "Res_Amazon-Simple-Queue-Service_Message_48"),
    (
        "email_notification",
        "Res_Amazon-Simple-Notification-Service_Email-Notification_48",
    ),
    (
        "http_notification",
        "Res_Amazon-Simple-Notification-Service_HTTP-Notification_48",
    ),
    ("bucket", "Res_Amazon-Simple-Storage-Service_Bucket_48"),
    (
        "bucket_with_objects",
        "Res_Amazon-Simple-Storage-Service_Bucket-With-Objects_48",
    ),
    ("object", "Res_Amazon-Simple-Storage-Service_Object_48"),
    ("table", "Res_Amazon-DynamoDB_Table_48"),
    ("attributes", "Res_Amazon-DynamoDB_Attributes_48"),
    ("attribute", "Res_Amazon-DynamoDB_Attribute_48"),
    ("item", "Res_Amazon-DynamoDB_Item_48"),
    ("items", "Res_Amazon-DynamoDB_Items_48"),
    ("elastic_ip_address", "Res_Amazon-EC2_Elastic-IP-Address_48"),
    ("ami", "Res_Amazon-EC2_AMI_48"),
    ("spot_instance", "Res_Amazon-EC2_Spot-Instance_48"),
    ("sagemaker_model", "Res_Amazon-SageMaker_Model_48"),
    ("sagemaker_notebook", "Res_Amazon-SageMaker_Notebook_48"),
    ("shadow", "Res_AWS-IoT_Shadow_48"),
    ("alexa_skill", "Res_AWS-IoT_Alexa_Skill_48"),
    (
        "alexa_enabled_device",
        "Res_AWS-IoT_Alexa_Enabled-Device_48",
    ),
    ("echo", "Res_AWS-IoT_Echo_48"),
    ("iot_over_the_air_update", "Res_AWS-IoT_Over-Air-Update_48"),
    (
        "temporary_security_credential",
        "Res_AWS-Identity-Access-Management_Temporary-Security-Credential_48",
    ),
    (
        "download_distribution",
        "Res_Amazon-CloudFront_Download-Distribution_48",
    ),
    (
        "streaming_distribution",
        "Res_Amazon-CloudFront_Streaming-Distribution_48",
    ),
    ("edge_location", "Res_Amazon-CloudFront_Edge-Location_48"),
    ("filtering_rule", "Res_AWS-WAF_Filtering-Rule_48"),
    (
        "checklist_cost",
        "Res_AWS-Trusted-Advisor_Checklist-Cost_48",
    ),
    (
        "container_1",
        "Res_Amazon-Elastic-Container-Service_Container-1_48",
    ),
    (
        "container_2",
        "Res_Amazon-Elastic-Container-Service_Container-2_48",
    ),
    (
        "container_3",
        "Res_Amazon-Elastic-Container-Service_Container-3_48",
    ),
    (
        "event_event_based",
        "Res_Amazon-CloudWatch_Event-Event-Based_48",
    ),
    (
        "event_time_based",
        "Res_Amazon-CloudWatch_Event-Time-Based_48",
    ),
    ("alarm", "Res_Amazon-CloudWatch_Alarm_48"),
    ("logs", "Res_Amazon-CloudWatch_Logs_48"),
    ("certificate_manager", "Arch_AWS-Certificate-Manager_48"),
    ("certificate_manager_2", "Arch_AWS-Certificate-Manager_48"),
    ("elastic_mapreduce", "Arch_Amazon-EMR_48"),
    ("elastic_mapreduce_auto_scaling", "Arch_Amazon-EMR_48"),
    ("elastic_beanstalk", "Arch_AWS-Elastic-Beanstalk_48"),
    ("elasticache", "Arch_Amazon-ElastiCache_48"),
    ("redshift", "Arch_Amazon-Redshift_48"),
    ("aurora", "Arch_Amazon-Aurora_48"),
    ("rds", "Arch_Amazon-RDS_48"),
    ("rds_instance", "Res_Amazon-Aurora_Amazon-RDS-Instance_48"),
    ("db_instance", "Res_Amazon-EC2_DB-Instance_48"),
    ("sqs", "Arch_Amazon-Simple-Queue-Service_48"),
    ("sns", "Arch_Amazon-Simple-Notification-Service_48"),
    ("ses", "Arch_Amazon-Simple-Email-Service_48"),
    ("api_gateway", "Arch_Amazon-API-Gateway_48"),
    ("cloudfront", "Arch_Amazon-CloudFront_48"),
    ("route_53", "Arch_Amazon-Route-53_48"),
    ("direct_connect", "Arch_AWS-Direct-Connect_48"),
    ("transit_gateway", "Arch_AWS-Transit-Gateway_48"),
    ("step_functions", "Arch_AWS-Step-Functions_48"),
    ("auto_scaling", "Arch_Amazon-EC2-Auto-Scaling_48"),
    ("auto_scaling2", "Arch_AWS-Auto-Scaling_48"),
    ("ec2", "Arch_Amazon-EC2_48"),
    ("lambda", "Arch_AWS-Lambda_48"),
    ("dynamodb", "Arch_Amazon-DynamoDB_48"),
    (
        "simple_storage_service",
        "Arch_Amazon-Simple-Storage-Service_48",
    ),
    ("elastic_load_balancing", "Arch_Elastic-Load-Balancing_48"),
    ("kinesis", "Arch_Amazon-Kinesis_48"),
    ("cognito", "Arch_Amazon-Cognito_48"),
    ("glue", "Arch_AWS-Glue_48"),
    ("athena", "Arch_Amazon-Athena_48"),
    ("cloudwatch", "Arch_Amazon-CloudWatch_48"),
    ("cloudtrail", "Arch_AWS-CloudTrail_48"),
    // AWS 2 and 3D names.
    ("vpc_internet_gateway", "Res_Amazon-VPC_Internet-Gateway_48"),
    ("vpc_vpn_connection", "Arch_AWS-Site-to-Site-VPN_48"),
    ("vpc_vpn_gateway", "Arch_AWS-Site-to-Site-VPN_48"),
    ("vpc_nat_gateway", "Res_Amazon-VPC_NAT-Gateway_48"),
    ("vpc_customer_gateway", "Res_Amazon-VPC_Customer-Gateway_48"),
    ("vpc_router", "Res_Amazon-VPC_Router_48"),
    ("http_protocol", "Res_AWS-IoT_HTTP_Protocol_48"),
    ("mqtt_protocol", "Res_AWS-IoT_MQTT_Protocol_48"),
    (
        "rds_mysql_db_instance",
        "Res_Amazon-Aurora-MySQL-Instance_48",
    ),
    (
        "rds_db_instance",
        "Res_Amazon-Aurora_Amazon-RDS-Instance_48",
    ),
    ("rdsmaster", "Res_Amazon-Aurora_Amazon-RDS-Instance_48"),
    (
        "rdsslave",
        "Res_Amazon-Aurora_Amazon-RDS-Instance-Aternate_48",
    ),
    ("rds_master", "Res_Amazon-Aurora_Amazon-RDS-Instance_48"),
    (
        "rds_slave",
        "Res_Amazon-Aurora_Amazon-RDS-Instance-Aternate_48",
    ),
    ("simpledb", "Arch_Amazon-DynamoDB_48"),
    ("simpledb2", "Arch_Amazon-DynamoDB_48"),
    ("simple_db", "Arch_Amazon-DynamoDB_48"),
    ("application_server", "Res_Amazon-EC2_Instance_48"),
    ("email_service", "Arch_Amazon-Simple-Email-Service_48"),
    ("workflowservice", "Arch_AWS-Step-Functions_48"),
    ("workflow_service", "Arch_AWS-Step-Functions_48"),
    ("ami", "Res_Amazon-EC2_AMI_48"),
    ("ami2", "Res_Amazon-EC2_AMI_48"),
    ("s3bucket", "Res_Amazon-Simple-Storage-Service_Bucket_48"),
    ("s3_bucket", "Res_Amazon-Simple-Storage-Service_Bucket_48"),
    ("elasticbeanstalk", "Arch_AWS-Elastic-Beanstalk_48"),
    ("oracle_db_instance", "Res_Amazon-Aurora-Oracle-Instance_48"),
    ("piops", "Res_Amazon-Aurora-PIOPS-Instance_48"),
    ("datacenter", "Corporate-data-center_32"),
    ("dataserver", "Res_Servers_48_Light"),
    ("aws_cloud_icon", "AWS-Cloud-logo_32"),
    ("virtual_private_cloud_icon", "Virtual-private-cloud-VPC_32"),
];

/// Lookup tables from draw.io names to bundled icons, built once.
struct Index {
    /// Compact name of every service icon (`simplestorageservice`, `lambda`).
    services: HashMap<String, String>,
    /// Compact name of every resource, category and group icon, whole and by its last
    /// part (`lambdafunction`, `awslambdalambdafunction`).
    resources: HashMap<String, String>,
}

fn compact(s: &str) -> String {
    s.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// An icon name without its kind prefix and size/theme suffix, split at `_`.
fn name_parts(aws_name: &str) -> Vec<&str> {
    let body = aws_name
        .trim_start_matches("Arch_")
        .trim_start_matches("Arch-Category_")
        .trim_start_matches("Res_");
    body.split('_')
        .filter(|p| !matches!(*p, "16" | "32" | "48" | "64" | "Light" | "Dark"))
        .collect()
}

fn strip_vendor(s: &str) -> &str {
    s.trim_start_matches("Amazon-").trim_start_matches("AWS-")
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut services = HashMap::new();
        let mut resources = HashMap::new();
        for icon in icons::Catalog::bundled().icons() {
            let parts = name_parts(&icon.aws_name);
            let whole = parts.join("-");
            if icon.kind == IconKind::Service {
                services
                    .entry(compact(strip_vendor(&whole)))
                    .or_insert_with(|| icon.aws_name.clone());
                services
                    .entry(compact(&whole))
                    .or_insert_with(|| icon.aws_name.clone());
            } else {
                resources
                    .entry(compact(strip_vendor(&whole)))
                    .or_insert_with(|| icon.aws_name.clone());
                if let Some(last) = parts.last() {
                    resources
                        .entry(compact(last))
                        .or_insert_with(|| icon.aws_name.clone());
                }
            }
        }
        Index {
            services,
            resources,
        }
    })
}

/// The bundled icon (`aws_name`) a draw.io AWS shape name stands for
/// (`lambda_function`, `simple_storage_service`, `route_53`, `Amazon EC2`).
pub fn icon_for(name: &str) -> Option<String> {
    let name = name.trim().to_ascii_lowercase();
    if name.is_empty() {
        return None;
    }
    if let Some((_, aws)) = ALIASES.iter().find(|(n, _)| *n == name) {
        return Some((*aws).to_owned());
    }
    let idx = index();
    let key = compact(&name);
    if let Some(aws) = idx.services.get(&key) {
        return Some(aws.clone());
    }
    let words = name.replace(['_', '-'], " ");
    let svc = services::Catalog::bundled();
    let icons = icons::Catalog::bundled();
    if let Some(aws) = svc
        .by_name(&words)
        .and_then(|id| svc.icon(id))
        .and_then(|id| icons.get(id))
    {
        return Some(aws.aws_name.clone());
    }
    if let Some(aws) = idx.resources.get(&key) {
        return Some(aws.clone());
    }
    // `instances_2`, `cloudwatch_alt`: the same icon in another drawing.
    let trimmed = name
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end_matches("_alt")
        .trim_end_matches('_');
    if trimmed != name && !trimmed.is_empty() {
        return icon_for(trimmed);
    }
    None
}

/// The AWS shape name of a style, if it is an AWS icon: (library, name).
fn aws_icon_name(style: &Style) -> Option<(&'static str, String)> {
    let shape = style.shape()?;
    if let Some(rest) = shape.strip_prefix("mxgraph.aws4.") {
        let name = match rest {
            "resourceIcon" => style.get("resIcon")?.strip_prefix("mxgraph.aws4.")?,
            "productIcon" => style.get("prIcon")?.strip_prefix("mxgraph.aws4.")?,
            other => other,
        };
        return Some(("aws4", name.to_owned()));
    }
    if let Some(rest) = shape.strip_prefix("mxgraph.aws3.") {
        return Some(("aws3", rest.to_owned()));
    }
    if let Some(rest) = shape.strip_prefix("mxgraph.aws3d.") {
        return Some(("aws3d", rest.to_owned()));
    }
    if let Some(rest) = shape
        .strip_prefix("mxgraph.aws2.")
        .or_else(|| shape.strip_prefix("mxgraph.aws."))
    {
        return Some(("aws2", rest.rsplit('.').next().unwrap_or(rest).to_owned()));
    }
    None
}

/// Whether a colour `#rrggbb` is mostly green (public subnets) rather than blue/teal.
fn greenish(colour: &str) -> Option<bool> {
    let hex = colour.trim().strip_prefix('#')?;
    if hex.len() != 6 {
        return None;
    }
    let c = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
    let (r, g, b) = (c(0)?, c(2)?, c(4)?);
    Some(g > b && u16::from(g) > u16::from(r) / 2 && b < 0x60)
}

/// The AWS group a container style stands for; `Err(name)` for an AWS group shape
/// without an equivalent here.
fn group_kind(style: &Style, label: &str) -> Option<Result<GroupKind, String>> {
    let shape = style.shape().unwrap_or_default();
    let label_l = label.to_ascii_lowercase();
    if shape == "mxgraph.aws4.group" || shape == "mxgraph.aws4.groupCenter" {
        let icon = style
            .get("grIcon")
            .unwrap_or_default()
            .trim_start_matches("mxgraph.aws4.");
        let kind = match icon {
            "group_aws_cloud_alt" | "group_aws_cloud" => GroupKind::AwsCloud,
            "group_region" => GroupKind::Region,
            "group_vpc" | "group_vpc2" => GroupKind::Vpc,
            "group_availability_zone" => GroupKind::AvailabilityZone,
            "group_auto_scaling_group" => GroupKind::AutoScalingGroup,
            "group_public_subnet" => GroupKind::PublicSubnet,
            "group_private_subnet" => GroupKind::PrivateSubnet,
            "group_security_group" => {
                let subnet = style.get("grStroke") == Some("0");
                let green = style.get("strokeColor").and_then(greenish);
                if label_l.contains("public") || (subnet && green == Some(true)) {
                    GroupKind::PublicSubnet
                } else if label_l.contains("private") || subnet {
                    GroupKind::PrivateSubnet
                } else {
                    GroupKind::SecurityGroup
                }
            }
            // The generic subnet frame: its title, else its colour, says which.
            "group_subnet" => {
                let says = |words: &[&str]| words.iter().any(|w| label_l.contains(w));
                let green = style.get("strokeColor").and_then(greenish);
                if says(&["public", "パブリック"]) {
                    GroupKind::PublicSubnet
                } else if says(&["priv", "プライベート"]) {
                    GroupKind::PrivateSubnet
                } else {
                    match green {
                        Some(true) => GroupKind::PublicSubnet,
                        Some(false) => GroupKind::PrivateSubnet,
                        None => return Some(Err(icon.to_owned())),
                    }
                }
            }
            "" if label_l.contains("availability zone") => GroupKind::AvailabilityZone,
            "" => return Some(Err("AWS group without an icon".to_owned())),
            other => return Some(Err(other.to_owned())),
        };
        return Some(Ok(kind));
    }
    if let Some(rest) = shape.strip_prefix("mxgraph.aws.groups.") {
        // AWS 2/3 group frames: the frame, its title tells what it is.
        if rest == "rrect" || rest == "group" {
            return label_group(&label_l).map(Ok);
        }
    }
    if shape.starts_with("mxgraph.aws3.") && style.get("container") == Some("1") {
        return label_group(&label_l).map(Ok);
    }
    // A plain dashed rectangle titled "Availability Zone" (the usual drawing of one).
    if style.shape().is_none()
        && style.get("dashed") == Some("1")
        && label_l.contains("availability zone")
    {
        return Some(Ok(GroupKind::AvailabilityZone));
    }
    None
}

/// A group kind named by a frame's title.
fn label_group(label: &str) -> Option<GroupKind> {
    let l = label.to_ascii_lowercase();
    Some(if l.contains("availability zone") {
        GroupKind::AvailabilityZone
    } else if l.contains("public subnet") {
        GroupKind::PublicSubnet
    } else if l.contains("private subnet") {
        GroupKind::PrivateSubnet
    } else if l.contains("security group") {
        GroupKind::SecurityGroup
    } else if l.contains("auto scaling") {
        GroupKind::AutoScalingGroup
    } else if l.contains("vpc") || l.contains("virtual private cloud") {
        GroupKind::Vpc
    } else if l.contains("region") {
        GroupKind::Region
    } else if l.contains("aws") || l.contains("cloud") {
        GroupKind::AwsCloud
    } else {
        return None;
    })
}

// ---------------------------------------------------------------------------------------
// Building the diagram.

/// What a vertex becomes.
enum Role {
    Node(NodeKind),
    /// An invisible draw.io grouping (`style=group`): its members are placed, it is not.
    Transparent,
    /// A label cell of an edge.
    EdgeLabel(String),
    /// Dropped (a shape on an edge, a cell under a missing parent…).
    Dropped,
}

fn import_model(model: &str) -> Result<(Diagram, ImportReport), DrawioError> {
    let cells = cells_of(model)?;
    let by_id: HashMap<&str, usize> = cells
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    let mut report = ImportReport::default();
    // Layers: cells that are neither vertex nor edge (the root and its children).
    let is_layer = |c: &Cell| !c.vertex && !c.edge;

    // Absolute origin of each vertex (top-left), resolved through its parents.
    let mut origin: HashMap<usize, Point> = HashMap::new();
    let mut cycle_noted = false;
    for i in 0..cells.len() {
        if !cells[i].vertex && !cells[i].edge {
            continue;
        }
        let mut chain = Vec::new();
        let mut cur = cells[i]
            .parent
            .as_deref()
            .and_then(|p| by_id.get(p).copied());
        while let Some(p) = cur {
            if chain.len() >= MAX_DEPTH || chain.contains(&p) || p == i {
                if !cycle_noted {
                    report.notes.push(ImportNote::NestedLoop);
                    cycle_noted = true;
                }
                chain.clear();
                break;
            }
            if !cells[p].vertex {
                break;
            }
            chain.push(p);
            cur = cells[p]
                .parent
                .as_deref()
                .and_then(|q| by_id.get(q).copied());
        }
        let mut at = Point::default();
        let mut size = (0.0, 0.0);
        for p in chain.iter().rev() {
            let g = &cells[*p].geometry;
            let (x, y) = if g.relative {
                (at.x + g.x * size.0, at.y + g.y * size.1)
            } else {
                (at.x + g.x, at.y + g.y)
            };
            at = Point::new(x, y);
            size = (g.w, g.h);
        }
        // The parent's absolute top-left; the cell's own offset is added to it later.
        origin.insert(i, at);
    }
    let parent_size = |i: usize| -> (f32, f32) {
        cells[i]
            .parent
            .as_deref()
            .and_then(|p| by_id.get(p))
            .map_or((0.0, 0.0), |p| (cells[*p].geometry.w, cells[*p].geometry.h))
    };
    let abs_rect = |i: usize| -> Rect {
        let g = &cells[i].geometry;
        let o = origin.get(&i).copied().unwrap_or_default();
        let (x, y) = if g.relative {
            let (pw, ph) = parent_size(i);
            let off = g.offset.unwrap_or_default();
            (o.x + g.x * pw + off.x, o.y + g.y * ph + off.y)
        } else {
            (o.x + g.x, o.y + g.y)
        };
        Rect::new(x, y, g.w, g.h)
    };

    // Frames drawn as a plain rounded rectangle with an AWS group icon in the corner (the
    // AWS 2 and 3 libraries): the frame becomes that group, the icon is part of it.
    let corner_icon = |aws: &str| match aws {
        "AWS-Cloud-logo_32" | "AWS-Cloud_32" => Some(GroupKind::AwsCloud),
        "Virtual-private-cloud-VPC_32" => Some(GroupKind::Vpc),
        "Region_32" => Some(GroupKind::Region),
        "Public-subnet_32" => Some(GroupKind::PublicSubnet),
        "Private-subnet_32" => Some(GroupKind::PrivateSubnet),
        "Auto-Scaling-group_32" => Some(GroupKind::AutoScalingGroup),
        _ => None,
    };
    let icons_at: Vec<(usize, Rect, GroupKind)> = cells
        .iter()
        .enumerate()
        .filter(|(_, c)| c.vertex)
        .filter_map(|(i, c)| {
            let (_, name) = aws_icon_name(&c.style)?;
            let kind = corner_icon(&icon_for(&name)?)?;
            Some((i, abs_rect(i), kind))
        })
        .collect();
    let mut frame_kind: HashMap<usize, GroupKind> = HashMap::new();
    let mut absorbed: HashSet<usize> = HashSet::new();
    for (i, c) in cells.iter().enumerate() {
        let shape = c.style.shape();
        let frame = c.vertex
            && (matches!(
                shape,
                Some("mxgraph.aws.groups.rrect" | "mxgraph.aws2.groups.rrect")
            ) || (shape.is_none() && c.style.get("container") == Some("1")));
        if !frame {
            continue;
        }
        let r = abs_rect(i);
        if let Some((icon, _, kind)) = icons_at.iter().find(|(j, ir, _)| {
            !absorbed.contains(j)
                && (ir.x - r.x).abs() <= 30.0
                && (ir.y - r.y).abs() <= 30.0
                && ir.w < r.w / 2.0
        }) {
            frame_kind.insert(i, *kind);
            absorbed.insert(*icon);
        }
    }

    // Roles of vertices.
    let mut roles: Vec<Option<Role>> = Vec::with_capacity(cells.len());
    let mut connectors_3d = 0usize;
    for (i, c) in cells.iter().enumerate() {
        if !c.vertex {
            roles.push(None);
            continue;
        }
        let parent = c
            .parent
            .as_deref()
            .and_then(|p| by_id.get(p))
            .map(|p| &cells[*p]);
        let html = c.style.get("html") == Some("1");
        let label = plain_label(&c.value, html);
        if parent.is_some_and(|p| p.edge) {
            if label.is_empty() {
                roles.push(Some(Role::Dropped));
            } else if c.unconnectable || c.style.has("edgeLabel") || c.geometry.relative {
                roles.push(Some(Role::EdgeLabel(label)));
            } else {
                report.notes.push(ImportNote::ShapeOnEdge(label.clone()));
                roles.push(Some(Role::Dropped));
            }
            continue;
        }
        report.vertices += 1;
        if absorbed.contains(&i) {
            roles.push(Some(Role::Dropped));
            continue;
        }
        if let Some(kind) = frame_kind.get(&i) {
            report.mapped_groups += 1;
            roles.push(Some(Role::Node(NodeKind::Group { kind: *kind })));
            continue;
        }
        if c.style
            .shape()
            .and_then(|s| s.strip_prefix("mxgraph.aws3d."))
            .is_some_and(|s| {
                s.contains("Edge") || s.starts_with("arrow") || s == "secureConnection"
            })
        {
            connectors_3d += 1;
            roles.push(Some(Role::Dropped));
            continue;
        }
        if let Some(kind) = group_kind(&c.style, &label) {
            match kind {
                Ok(kind) => {
                    report.mapped_groups += 1;
                    roles.push(Some(Role::Node(NodeKind::Group { kind })));
                }
                Err(name) => {
                    report.unknown.push(Unknown {
                        group: true,
                        name,
                        label: first_line(&label),
                    });
                    roles.push(Some(Role::Node(NodeKind::Box)));
                }
            }
            continue;
        }
        if let Some(icon) = c
            .style
            .get("awsStudyIcon")
            .filter(|n| icons::Catalog::bundled().by_aws_name(n).is_some())
        {
            report.mapped_icons += 1;
            roles.push(Some(Role::Node(NodeKind::Service {
                icon: icon.to_owned(),
            })));
            continue;
        }
        if let Some((lib, name)) = aws_icon_name(&c.style) {
            if let Some(icon) = icon_for(&name) {
                report.mapped_icons += 1;
                roles.push(Some(Role::Node(NodeKind::Service { icon })));
            } else {
                report.unknown.push(Unknown {
                    group: false,
                    name: format!("mxgraph.{lib}.{name}"),
                    label: first_line(&label),
                });
                roles.push(Some(Role::Node(NodeKind::Box)));
            }
            continue;
        }
        let shape = c.style.shape();
        if c.style.has("group") && shape.is_none() && label.is_empty() {
            roles.push(Some(Role::Transparent));
            continue;
        }
        let textual = c.style.has("text")
            || c.style.has("edgeLabel")
            || (shape.is_none()
                && c.style.get("strokeColor") == Some("none")
                && c.style.none_or_missing("fillColor")
                && !label.is_empty());
        if textual {
            roles.push(Some(Role::Node(NodeKind::Text)));
            continue;
        }
        let plain = match shape {
            None => !c.style.names.iter().any(|n| n != "group" && n != "rounded"),
            Some(s) => matches!(s, "rect" | "rectangle" | "label" | "swimlane" | "process"),
        };
        if !plain {
            let what = shape
                .map(str::to_owned)
                .or_else(|| c.style.names.first().cloned())
                .unwrap_or_else(|| c.style.raw.chars().take(60).collect());
            report.unknown.push(Unknown {
                group: false,
                name: what,
                label: first_line(&label),
            });
        }
        roles.push(Some(Role::Node(NodeKind::Box)));
    }

    if connectors_3d > 0 {
        report.notes.push(ImportNote::Connectors3d(connectors_3d));
    }
    if !absorbed.is_empty() {
        report.notes.push(ImportNote::Frames(absorbed.len()));
    }

    // Nodes.
    let mut d = Diagram::new();
    let mut node_of: HashMap<usize, NodeId> = HashMap::new();
    let mut next = 1u64;
    for (i, role) in roles.iter().enumerate() {
        let Some(Role::Node(kind)) = role else {
            continue;
        };
        let c = &cells[i];
        let id = NodeId(next);
        next += 1;
        let mut label = plain_label(&c.value, c.style.get("html") == Some("1"));
        if label.is_empty()
            && let NodeKind::Group { kind } = kind
        {
            kind.label().clone_into(&mut label);
        }
        d.nodes.insert(
            id,
            Node {
                id,
                kind: kind.clone(),
                label,
                rect: abs_rect(i),
                parent: None,
            },
        );
        d.order.push(id);
        node_of.insert(i, id);
    }
    // Parents: the nearest enclosing group (through transparent groupings).
    let mut unparented_in_box = 0usize;
    for (i, id) in &node_of {
        let mut cur = cells[*i]
            .parent
            .as_deref()
            .and_then(|p| by_id.get(p).copied());
        let mut steps = 0;
        while let Some(p) = cur {
            steps += 1;
            if steps > MAX_DEPTH || is_layer(&cells[p]) {
                break;
            }
            if let Some(pid) = node_of.get(&p) {
                if d.nodes.get(pid).is_some_and(Node::is_group) {
                    if let Some(n) = d.nodes.get_mut(id) {
                        n.parent = Some(*pid);
                    }
                } else {
                    unparented_in_box += 1;
                }
                break;
            }
            cur = cells[p]
                .parent
                .as_deref()
                .and_then(|q| by_id.get(q).copied());
        }
    }
    if unparented_in_box > 0 {
        report.notes.push(ImportNote::Unparented(unparented_in_box));
    }

    // Shapes drawn over a group without being its members (common in templates): members
    // of the innermost group around them, as the editor makes them when they are moved.
    let mut placed = 0usize;
    let loose: Vec<NodeId> = d
        .order
        .iter()
        .copied()
        .filter(|id| d.nodes.get(id).is_some_and(|n| n.parent.is_none()))
        .collect();
    for id in loose {
        let Some(n) = d.nodes.get(&id) else {
            continue;
        };
        let (rect, is_group) = (n.rect, n.is_group());
        let Some(g) = d.group_at(rect.center(), &[id]) else {
            continue;
        };
        let Some(gr) = d.nodes.get(&g).map(|g| g.rect) else {
            continue;
        };
        if gr.contains_rect(&rect) && (!is_group || gr.area() > rect.area()) {
            if let Some(n) = d.nodes.get_mut(&id) {
                n.parent = Some(g);
            }
            placed += 1;
        }
    }
    if placed > 0 {
        report.notes.push(ImportNote::Members(placed));
    }

    // Edges.
    let mut labels: HashMap<&str, Vec<String>> = HashMap::new();
    for (i, role) in roles.iter().enumerate() {
        if let Some(Role::EdgeLabel(l)) = role
            && let Some(p) = cells[i].parent.as_deref()
        {
            labels.entry(p).or_default().push(l.clone());
        }
    }
    // An end on a transparent grouping or a dropped cell is missing; on an edge, dropped.
    let mut missing = 0usize;
    let mut to_edges = 0usize;
    let mut attached = 0usize;
    let mut anchored = 0usize;
    let mut seen_ids: HashSet<&str> = HashSet::new();
    for (i, c) in cells.iter().enumerate() {
        if !c.edge || !seen_ids.insert(c.id.as_str()) {
            continue;
        }
        report.edges += 1;
        let end = |e: Option<&str>| -> Result<NodeId, bool> {
            let j = e.and_then(|e| by_id.get(e)).copied().ok_or(false)?;
            if cells[j].edge {
                return Err(true);
            }
            node_of.get(&j).copied().ok_or(false)
        };
        let o = origin.get(&i).copied().unwrap_or_default();
        // A loose end drawn on a shape is connected to it.
        let mut attached_here = 0usize;
        let mut end_at = |e: Option<&str>, pt: Option<Point>| match end(e) {
            Err(false) => match pt.and_then(|p| node_near(&d, Point::new(p.x + o.x, p.y + o.y))) {
                Some(id) => {
                    attached_here += 1;
                    Ok(id)
                }
                None => Err(false),
            },
            other => other,
        };
        let ends = (
            end_at(c.source.as_deref(), c.geometry.source_point),
            end_at(c.target.as_deref(), c.geometry.target_point),
        );
        if matches!(ends, (Ok(a), Ok(b)) if a != b) {
            attached += attached_here;
        }
        // An end on nothing (a floating arrow of a legend) or on another edge keeps the edge,
        // ending at a point: an invisible anchor where draw.io draws that end.
        let mut anchor = |d: &mut Diagram, pt: Option<Point>| -> Option<NodeId> {
            let p = pt?;
            let id = NodeId(next);
            next += 1;
            d.nodes.insert(
                id,
                super::model::Node {
                    id,
                    kind: NodeKind::Text,
                    label: String::new(),
                    rect: Rect::new(p.x + o.x - 0.5, p.y + o.y - 0.5, 1.0, 1.0),
                    parent: None,
                },
            );
            d.order.push(id);
            Some(id)
        };
        let mut resolve = |d: &mut Diagram, end: Result<NodeId, bool>, pt: Option<Point>| match end
        {
            Ok(id) => Some(id),
            Err(on_edge) => {
                let id = anchor(d, pt);
                if id.is_some() {
                    anchored += 1;
                } else if on_edge {
                    to_edges += 1;
                } else {
                    missing += 1;
                }
                id
            }
        };
        let from = resolve(&mut d, ends.0, c.geometry.source_point);
        let to = resolve(&mut d, ends.1, c.geometry.target_point);
        let (from, to) = match (from, to) {
            (Some(a), Some(b)) if a != b => (a, b),
            _ => continue,
        };
        let html = c.style.get("html") == Some("1");
        let mut label_parts = vec![plain_label(&c.value, html)];
        if let Some(extra) = labels.get(c.id.as_str()) {
            label_parts.extend(extra.iter().cloned());
        }
        let label = label_parts
            .into_iter()
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        let end_arrow = c
            .style
            .get("endArrow")
            .is_none_or(|v| v != "none" && !v.is_empty());
        let start_arrow = c
            .style
            .get("startArrow")
            .is_some_and(|v| v != "none" && !v.is_empty());
        let mut waypoints: Vec<Point> = c
            .geometry
            .points
            .iter()
            .map(|p| Point::new(p.x + o.x, p.y + o.y))
            .collect();
        let (from, to, arrows) = match (end_arrow, start_arrow) {
            (true, true) => (from, to, Arrows::Both),
            (true, false) => (from, to, Arrows::Forward),
            (false, false) => (from, to, Arrows::None),
            (false, true) => {
                waypoints.reverse();
                (to, from, Arrows::Forward)
            }
        };
        let routing = match c.style.get("edgeStyle") {
            Some(
                "orthogonalEdgeStyle"
                | "elbowEdgeStyle"
                | "entityRelationEdgeStyle"
                | "segmentEdgeStyle"
                | "isometricEdgeStyle",
            ) => super::model::Routing::Orthogonal,
            _ => super::model::Routing::Straight,
        };
        let id = EdgeId(next);
        next += 1;
        d.edges.insert(
            id,
            Edge {
                id,
                from,
                to,
                label,
                arrows,
                routing,
                waypoints,
            },
        );
        report.edges_kept += 1;
    }
    if attached > 0 {
        report.notes.push(ImportNote::Attached(attached));
    }
    if anchored > 0 {
        report.notes.push(ImportNote::Anchored(anchored));
    }
    if missing > 0 {
        report.notes.push(ImportNote::MissingEnd(missing));
    }
    if to_edges > 0 {
        report.notes.push(ImportNote::ToEdges(to_edges));
    }
    let repairs = d.repair_structure();
    if !repairs.cycles_broken.is_empty() {
        report.notes.push(ImportNote::GroupLoop);
    }
    Ok((d, report))
}

/// The node a loose edge end at `p` touches: the smallest shape within 12 units of it, or
/// a group whose border it lies on.
fn node_near(d: &Diagram, p: Point) -> Option<NodeId> {
    const NEAR: f32 = 12.0;
    d.nodes
        .values()
        .filter(|n| n.rect.expanded(NEAR).contains(p))
        .filter(|n| !n.is_group() || !n.rect.expanded(-NEAR).contains(p))
        .min_by(|a, b| {
            (a.is_group(), a.rect.area())
                .partial_cmp(&(b.is_group(), b.rect.area()))
                .unwrap_or(std::cmp::Ordering::Equal)
        })
        .map(|n| n.id)
}

fn first_line(label: &str) -> String {
    label.lines().next().unwrap_or_default().to_owned()
}

// ---------------------------------------------------------------------------------------
// Export.

/// Characters `encodeURIComponent` leaves as they are.
const URI_COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'!')
    .remove(b'~')
    .remove(b'*')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')');

/// Text URL-encoded as JavaScript's `encodeURIComponent` does (how draw.io embeds a
/// diagram in PNG and reads it back).
pub fn url_encode(text: &str) -> String {
    utf8_percent_encode(text, URI_COMPONENT).to_string()
}

/// XML-escapes an attribute value (newlines kept as `&#xa;`).
fn attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("&#xa;"),
            '\t' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A number as draw.io writes it: the same short form as the SVG export's.
fn n(v: f32) -> String {
    super::export::num(v)
}

/// draw.io's colour of an AWS 4 icon of a category (fill, gradient).
fn category_colours(category: Option<&str>) -> (&'static str, &'static str) {
    let c = category.unwrap_or_default().to_ascii_lowercase();
    if c.contains("compute") || c.contains("container") {
        ("#ED7100", "#F78E04")
    } else if c.contains("storage") {
        ("#3F8624", "#60A337")
    } else if c.contains("database") {
        ("#C925D1", "#F15BB5")
    } else if c.contains("network") || c.contains("analytics") {
        ("#8C4FFF", "#A166FF")
    } else if c.contains("security") {
        ("#DD344C", "#F54749")
    } else if c.contains("integration") || c.contains("management") || c.contains("developer") {
        ("#E7157B", "#FF4F8B")
    } else if c.contains("machine") || c.contains("iot") || c.contains("internet") {
        ("#01A88D", "#4AB29A")
    } else {
        ("#232F3E", "#505863")
    }
}

/// The draw.io name of a bundled icon: the alias table read backwards, else its name in
/// words (`Arch_Amazon-Simple-Storage-Service_48` → `simple_storage_service`).
fn drawio_name(aws_name: &str) -> String {
    if let Some((n, _)) = ALIASES.iter().find(|(_, a)| *a == aws_name) {
        return (*n).to_owned();
    }
    let parts = name_parts(aws_name);
    let part = if aws_name.starts_with("Res_") && parts.len() > 1 {
        parts.last().copied().unwrap_or_default()
    } else {
        strip_vendor(parts.first().copied().unwrap_or_default())
    };
    part.to_ascii_lowercase().replace(['-', ' '], "_")
}

fn service_style(aws_name: &str) -> String {
    let catalog = icons::Catalog::bundled();
    let icon = catalog.by_aws_name(aws_name);
    let (fill, gradient) = category_colours(icon.and_then(|i| i.category.as_deref()));
    let name = drawio_name(aws_name);
    let common = "sketch=0;outlineConnect=0;fontColor=#232F3E;dashed=0;verticalLabelPosition=bottom;verticalAlign=top;align=center;html=1;fontSize=12;fontStyle=0;aspect=fixed;";
    match icon.map(|i| i.kind) {
        Some(IconKind::Service | IconKind::Category) => format!(
            "{common}gradientColor={gradient};gradientDirection=north;fillColor={fill};strokeColor=#ffffff;shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.{name};awsStudyIcon={aws_name};"
        ),
        _ => format!(
            "{common}gradientColor=none;fillColor={fill};strokeColor=none;pointerEvents=1;shape=mxgraph.aws4.{name};awsStudyIcon={aws_name};"
        ),
    }
}

fn group_style(kind: GroupKind) -> String {
    let (icon, stroke, fill, dashed, extra) = match kind {
        GroupKind::AwsCloud => ("group_aws_cloud_alt", "#232F3E", "none", false, ""),
        GroupKind::Region => ("group_region", "#00A4A6", "none", true, ""),
        GroupKind::AvailabilityZone => {
            return "fillColor=none;strokeColor=#00A4A6;dashed=1;verticalAlign=top;fontStyle=0;fontColor=#00A4A6;whiteSpace=wrap;html=1;container=1;pointerEvents=0;collapsible=0;recursiveResize=0;".to_owned();
        }
        GroupKind::Vpc => ("group_vpc2", "#8C4FFF", "none", false, ""),
        GroupKind::PublicSubnet => (
            "group_security_group",
            "#7AA116",
            "#F2F6E8",
            false,
            "grStroke=0;",
        ),
        GroupKind::PrivateSubnet => (
            "group_security_group",
            "#00A4A6",
            "#E6F6F7",
            false,
            "grStroke=0;",
        ),
        GroupKind::SecurityGroup => ("group_security_group", "#DD3522", "none", false, ""),
        GroupKind::AutoScalingGroup => ("group_auto_scaling_group", "#ED7100", "none", true, ""),
    };
    format!(
        "points=[[0,0],[0.25,0],[0.5,0],[0.75,0],[1,0],[1,0.25],[1,0.5],[1,0.75],[1,1],[0.75,1],[0.5,1],[0.25,1],[0,1],[0,0.75],[0,0.5],[0,0.25]];outlineConnect=0;gradientColor=none;html=1;whiteSpace=wrap;fontSize=12;fontStyle=0;container=1;pointerEvents=0;collapsible=0;recursiveResize=0;shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.{icon};{extra}strokeColor={stroke};fillColor={fill};verticalAlign=top;align=left;spacingLeft=30;fontColor={stroke};dashed={};",
        u8::from(dashed)
    )
}

/// An uncompressed `.drawio` document of the diagram (one page, "Page-1") that draw.io
/// opens: services with the AWS 4 icon styles, groups as AWS 4 group containers (members
/// with coordinates relative to their group), free labels, boxes, and edges with their
/// labels, arrow heads, routing and waypoints.
pub fn export(d: &Diagram) -> String {
    let mut out = String::with_capacity(8 * 1024 + d.nodes.len() * 600);
    out.push_str(r#"<mxfile host="aws-study" type="device"><diagram id="aws-study" name="Page-1"><mxGraphModel dx="1000" dy="800" grid="1" gridSize="10" guides="1" tooltips="1" connect="1" arrows="1" fold="1" page="0" pageScale="1" pageWidth="1100" pageHeight="850" math="0" shadow="0"><root><mxCell id="0"/><mxCell id="1" parent="0"/>"#);
    // Parents before members: the drawing order puts groups first; then anything missed.
    let mut seen = HashSet::new();
    let ids: Vec<NodeId> = d
        .order
        .iter()
        .chain(d.nodes.keys())
        .copied()
        .filter(|id| d.nodes.contains_key(id) && seen.insert(*id))
        .collect();
    let valid_parent = |node: &Node| {
        node.parent
            .filter(|p| *p != node.id && d.nodes.get(p).is_some_and(Node::is_group))
    };
    for id in &ids {
        let Some(node) = d.nodes.get(id) else {
            continue;
        };
        let (parent, ox, oy) = match valid_parent(node).and_then(|p| d.nodes.get(&p)) {
            Some(p) => (format!("n{}", p.id.0), p.rect.x, p.rect.y),
            None => ("1".to_owned(), 0.0, 0.0),
        };
        let style = match &node.kind {
            NodeKind::Service { icon } => service_style(icon),
            NodeKind::Group { kind } => group_style(*kind),
            NodeKind::Text => "text;html=1;align=center;verticalAlign=middle;whiteSpace=wrap;strokeColor=none;fillColor=none;".to_owned(),
            NodeKind::Box => "rounded=0;whiteSpace=wrap;html=1;".to_owned(),
        };
        let label = html_label(&node.label);
        let r = node.rect;
        let _ = write!(
            out,
            r#"<mxCell id="n{}" value="{}" style="{}" vertex="1" parent="{parent}"><mxGeometry x="{}" y="{}" width="{}" height="{}" as="geometry"/></mxCell>"#,
            node.id.0,
            attr(&label),
            attr(&style),
            n(r.x - ox),
            n(r.y - oy),
            n(r.w),
            n(r.h),
        );
    }
    for e in d.edges.values() {
        if !d.nodes.contains_key(&e.from) || !d.nodes.contains_key(&e.to) {
            continue;
        }
        let mut style = String::from("html=1;rounded=0;strokeColor=#545B64;strokeWidth=1.5;");
        if e.routing == super::model::Routing::Orthogonal {
            style.push_str("edgeStyle=orthogonalEdgeStyle;");
        }
        style.push_str(match e.arrows {
            Arrows::None => "endArrow=none;startArrow=none;",
            Arrows::Forward => "endArrow=classic;startArrow=none;",
            Arrows::Both => "endArrow=classic;startArrow=classic;",
        });
        let _ = write!(
            out,
            r#"<mxCell id="e{}" value="{}" style="{}" edge="1" parent="1" source="n{}" target="n{}"><mxGeometry relative="1" as="geometry">"#,
            e.id.0,
            attr(&html_label(&e.label)),
            attr(&style),
            e.from.0,
            e.to.0,
        );
        if !e.waypoints.is_empty() {
            out.push_str(r#"<Array as="points">"#);
            for p in &e.waypoints {
                let _ = write!(out, r#"<mxPoint x="{}" y="{}"/>"#, n(p.x), n(p.y));
            }
            out.push_str("</Array>");
        }
        out.push_str("</mxGeometry></mxCell>");
    }
    out.push_str("</root></mxGraphModel></diagram></mxfile>\n");
    out
}

/// A plain label as the HTML draw.io shows (`html=1`): escaped, lines joined by `<br>`.
fn html_label(label: &str) -> String {
    label
        .lines()
        .map(|l| {
            l.replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
        })
        .collect::<Vec<_>>()
        .join("<br>")
}

#[cfg(test)]
mod tests;
