//! Draws a parsed note ([`crate::notes::doc::Document`]) with egui: headings with their AWS
//! icon and frequency badge, lists, tables, code, callouts, wikilinks that navigate, embeds
//! (transcluded, cycles stopped) and images (bundled AWS icons, vault attachments, or a
//! visible placeholder). It only reads the document tree; clicks become
//! [`Command`]s.

use std::collections::HashMap;

use egui::{Align, Color32, RichText, Stroke, Ui, Vec2};

use crate::command::Command;
use crate::frequency::Tier;
use crate::i18n::Lang;
use crate::icons::{Catalog, IconId};
use crate::notes::doc::{Block, Callout, CalloutKind, Embed, FmValue, Fold, Inline, ListItem};
use crate::notes::index::{Index, Location, TierOrigin, Unresolved, section_blocks};
use crate::notes::vault::{LoadedVault, is_image, svg_has_external_refs};
use crate::ui::widgets::{icon_ui, tier_badge_ui};

/// Deepest nesting drawn with its own indentation; deeper content is drawn flat, so a
/// hostile note cannot exhaust the stack.
const MAX_DEPTH: usize = 12;
/// Deepest chain of embeds inside embeds.
const MAX_EMBED_DEPTH: usize = 4;
/// Width of the note text column, for comfortable reading.
const MAX_TEXT_WIDTH: f32 = 860.0;

/// Attachment bytes read from the vault, by vault-relative path (or the error message).
#[derive(Default)]
pub struct ImageCache {
    /// Attachment bytes, and whether an SVG refers to other files (checked once, on load).
    map: HashMap<String, Result<(egui::load::Bytes, bool), String>>,
    service_icons: HashMap<String, Option<IconId>>,
}

impl ImageCache {
    /// The AWS service icon a short bold phrase names, if any (memoised: looked up once).
    fn service_icon(&mut self, phrase: &str) -> Option<IconId> {
        if phrase.split_whitespace().count() > 6 {
            return None;
        }
        *self
            .service_icons
            .entry(phrase.to_owned())
            .or_insert_with(|| {
                let services = crate::services::Catalog::bundled();
                services.identify(phrase).and_then(|id| services.icon(id))
            })
    }

    /// Forgets everything (another vault was opened).
    pub fn clear(&mut self) {
        self.map.clear();
        self.service_icons.clear();
    }

    /// The attachment's bytes and whether it is an SVG that refers to other files, read
    /// and checked once per vault.
    fn get(&mut self, vault: &LoadedVault, rel: &str) -> Result<(egui::load::Bytes, bool), String> {
        self.map
            .entry(rel.to_owned())
            .or_insert_with(|| {
                vault.read_attachment(rel).map(|bytes| {
                    let external =
                        rel.to_ascii_lowercase().ends_with(".svg") && svg_has_external_refs(&bytes);
                    (egui::load::Bytes::from(bytes), external)
                })
            })
            .clone()
    }
}

/// What drawing a note needs.
pub struct NoteCtx<'a> {
    /// The vault.
    pub index: &'a Index,
    /// The user's tiers.
    /// Effective tier of each topic, with its origin.
    pub tiers: &'a [Option<(Tier, TierOrigin)>],
    /// Interface language.
    pub lang: Lang,
    /// Index generation, part of image URIs.
    pub generation: u64,
    /// Attachment cache.
    pub images: &'a mut ImageCache,
    /// Where clicks go.
    pub commands: &'a mut Vec<Command>,
    /// Heading of the shown note to scroll to this frame.
    pub scroll_to: Option<usize>,
    /// Scroll to the top this frame.
    pub scroll_top: bool,
    /// Notes/sections being drawn, outermost first, to stop embed cycles.
    pub embed_stack: Vec<(usize, Option<usize>)>,
    /// Embeds still allowed this frame: a note that embeds sections that embed sections
    /// could otherwise multiply into millions.
    pub embed_budget: usize,
}

/// Most embedded notes or sections drawn in one frame.
pub const EMBED_BUDGET: usize = 64;

/// Text style inherited from the container (callout titles are bold and coloured).
#[derive(Clone, Copy, Default)]
struct Base {
    strong: bool,
    color: Option<Color32>,
}

/// Draws note `note` as a scrollable page.
pub fn note_page_ui(ui: &mut Ui, cx: &mut NoteCtx<'_>, note: usize) {
    let index = cx.index;
    let Some(n) = index.notes.get(note) else {
        return;
    };
    let s = cx.lang.strings();
    egui::ScrollArea::vertical()
        .id_salt(("note_page", &n.path))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if cx.scroll_top {
                ui.scroll_to_cursor(Some(Align::TOP));
            }
            let width = ui.available_width().min(MAX_TEXT_WIDTH);
            ui.set_max_width(width);
            ui.add_space(6.0);
            ui.label(RichText::new(&n.title).size(26.0).strong());
            ui.label(RichText::new(&n.path).small().weak());
            ui.add_space(6.0);
            if let Some(problem) = &n.problem {
                warning_ui(ui, &format!("{}: {problem}", s.file_problem));
            }
            if let Some(fm) = &n.doc.frontmatter {
                properties_ui(ui, s.properties, &fm.entries);
            }
            cx.embed_stack = vec![(note, None)];
            blocks_ui(ui, cx, note, &n.doc.blocks, 0);
            ui.add_space(40.0);
        });
}

fn warning_ui(ui: &mut Ui, text: &str) {
    let color = ui.visuals().warn_fg_color;
    egui::Frame::new()
        .fill(color.gamma_multiply(0.12))
        .stroke(Stroke::new(1.0, color))
        .corner_radius(4.0)
        .inner_margin(8.0)
        .show(ui, |ui| {
            ui.label(RichText::new(text).color(color));
        });
}

fn properties_ui(ui: &mut Ui, title: &str, entries: &[(String, FmValue)]) {
    egui::Frame::new()
        .fill(ui.visuals().faint_bg_color)
        .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
        .corner_radius(6.0)
        .inner_margin(10.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(title).strong());
            egui::Grid::new("frontmatter")
                .num_columns(2)
                .spacing([16.0, 4.0])
                .show(ui, |ui| {
                    for (key, value) in entries {
                        ui.label(RichText::new(key).weak());
                        match value {
                            FmValue::Text(t) => {
                                ui.label(t);
                            }
                            FmValue::List(items) => {
                                ui.horizontal_wrapped(|ui| {
                                    for item in items {
                                        chip_ui(ui, item);
                                    }
                                });
                            }
                        }
                        ui.end_row();
                    }
                });
        });
    ui.add_space(8.0);
}

fn chip_ui(ui: &mut Ui, text: &str) {
    let color = ui.visuals().hyperlink_color;
    ui.label(
        RichText::new(format!(" {text} "))
            .color(color)
            .background_color(color.gamma_multiply(0.15)),
    );
}

fn blocks_ui(ui: &mut Ui, cx: &mut NoteCtx<'_>, note: usize, blocks: &[Block], depth: usize) {
    for (i, block) in blocks.iter().enumerate() {
        ui.push_id(i, |ui| block_ui(ui, cx, note, block, depth));
    }
}

fn block_ui(ui: &mut Ui, cx: &mut NoteCtx<'_>, note: usize, block: &Block, depth: usize) {
    match block {
        Block::Heading { level, index, .. } => heading_ui(ui, cx, note, *level, *index),
        Block::Paragraph(inlines) => {
            inlines_ui(ui, cx, note, inlines, Base::default(), depth);
            if depth == 0 {
                ui.add_space(4.0);
            }
        }
        Block::List { start, items } => list_ui(ui, cx, note, *start, items, depth),
        Block::Quote(blocks) => quote_ui(ui, cx, note, blocks, depth),
        Block::Callout(callout) => callout_ui(ui, cx, note, callout, depth),
        Block::CodeBlock { lang, code } => code_block_ui(ui, lang, code),
        Block::Table { header, rows, .. } => table_ui(ui, cx, note, header, rows, depth),
        Block::Rule => {
            ui.add_space(4.0);
            ui.separator();
            ui.add_space(4.0);
        }
        Block::Html(html) => {
            ui.label(RichText::new(html).monospace().weak());
        }
        Block::Math { text, .. } => {
            ui.vertical_centered(|ui| ui.label(RichText::new(text).size(16.0).italics()));
        }
        Block::Details {
            summary,
            blocks,
            open,
        } => {
            let title: String = summary
                .iter()
                .map(|i| match i {
                    Inline::Text { text, .. } | Inline::Code(text) => text.as_str(),
                    _ => "",
                })
                .collect();
            egui::CollapsingHeader::new(title)
                .id_salt(("details", note, depth, blocks.len()))
                .default_open(*open)
                .show(ui, |ui| blocks_ui(ui, cx, note, blocks, depth + 1));
        }
        Block::Anchor(_) => {}
        Block::Drawing(scene) => {
            ui.label(
                RichText::new(scene.problem.as_deref().unwrap_or("Excalidraw"))
                    .italics()
                    .weak(),
            );
        }
    }
}

fn heading_ui(ui: &mut Ui, cx: &mut NoteCtx<'_>, note: usize, level: u8, h: usize) {
    let index = cx.index;
    let Some(heading) = index.notes[note].doc.headings.get(h) else {
        return;
    };
    let size = match level {
        1 => 23.0,
        2 => 20.0,
        3 => 17.0,
        _ => 15.0,
    };
    ui.add_space(if level <= 2 { 14.0 } else { 8.0 });
    let topic = index.topic_at(note, h);
    let s = cx.lang.strings();
    let response = ui
        .horizontal(|ui| {
            if let Some(icon) = topic.and_then(|t| index.topics[t].icon) {
                icon_ui(ui, Some(icon), size + 6.0);
            }
            ui.label(RichText::new(&heading.text).size(size).strong());
            if let Some(t) = topic {
                ui.add_space(6.0);
                let tier = cx.tiers.get(t).copied().flatten();
                ui.push_id(("badge", note, h), |ui| {
                    tier_badge_ui(
                        ui,
                        tier,
                        Some(&index.topics[t].key),
                        index,
                        cx.lang,
                        s,
                        false,
                        cx.commands,
                    );
                });
            }
        })
        .response;
    if cx.embed_stack.len() == 1 && cx.scroll_to == Some(h) {
        response.scroll_to_me(Some(Align::TOP));
        cx.scroll_to = None;
    }
    if level <= 2 {
        let rect = ui.available_rect_before_wrap();
        ui.painter().hline(
            rect.x_range(),
            rect.top(),
            ui.visuals().widgets.noninteractive.bg_stroke,
        );
        ui.add_space(4.0);
    }
}

fn list_ui(
    ui: &mut Ui,
    cx: &mut NoteCtx<'_>,
    note: usize,
    start: Option<u64>,
    items: &[ListItem],
    depth: usize,
) {
    if depth >= MAX_DEPTH {
        for item in items {
            blocks_ui(ui, cx, note, &item.blocks, depth);
        }
        return;
    }
    for (i, item) in items.iter().enumerate() {
        ui.push_id(i, |ui| {
            ui.horizontal_top(|ui| {
                ui.spacing_mut().item_spacing.x = 4.0;
                let marker_width = if start.is_some() { 24.0 } else { 14.0 };
                let row = ui.spacing().interact_size.y;
                let (rect, _) =
                    ui.allocate_exact_size(Vec2::new(marker_width, row), egui::Sense::hover());
                paint_marker(ui, rect, start, i, depth, item.task);
                ui.vertical(|ui| blocks_ui(ui, cx, note, &item.blocks, depth + 1));
            });
        });
    }
    ui.add_space(2.0);
}

fn paint_marker(
    ui: &Ui,
    rect: egui::Rect,
    start: Option<u64>,
    i: usize,
    depth: usize,
    task: Option<bool>,
) {
    let color = ui.visuals().text_color();
    let painter = ui.painter();
    if let Some(checked) = task {
        let b = egui::Rect::from_center_size(rect.center(), Vec2::splat(11.0));
        painter.rect_stroke(b, 2.0, Stroke::new(1.2, color), egui::StrokeKind::Inside);
        if checked {
            let pts = [
                b.left_center() + Vec2::new(2.0, 0.0),
                b.center_bottom() + Vec2::new(-1.0, -3.0),
                b.right_top() + Vec2::new(-2.0, 3.0),
            ];
            painter.line(pts.to_vec(), Stroke::new(1.6, color));
        }
        return;
    }
    if let Some(n) = start {
        let number = n.saturating_add(i as u64);
        painter.text(
            rect.right_center() - Vec2::new(4.0, 0.0),
            egui::Align2::RIGHT_CENTER,
            format!("{number}."),
            egui::TextStyle::Body.resolve(ui.style()),
            color,
        );
    } else {
        let c = rect.center();
        if depth.is_multiple_of(2) {
            painter.circle_filled(c, 2.6, color);
        } else {
            painter.circle_stroke(c, 2.6, Stroke::new(1.0, color));
        }
    }
}

fn quote_ui(ui: &mut Ui, cx: &mut NoteCtx<'_>, note: usize, blocks: &[Block], depth: usize) {
    if depth >= MAX_DEPTH {
        blocks_ui(ui, cx, note, blocks, depth);
        return;
    }
    let response = egui::Frame::new()
        .inner_margin(egui::Margin {
            left: 12,
            right: 4,
            top: 2,
            bottom: 2,
        })
        .show(ui, |ui| blocks_ui(ui, cx, note, blocks, depth + 1))
        .response;
    let rect = response.rect;
    ui.painter().vline(
        rect.left() + 2.0,
        rect.y_range(),
        Stroke::new(3.0, ui.visuals().weak_text_color().gamma_multiply(0.5)),
    );
}

/// The colour Obsidian gives each callout kind.
#[must_use]
pub fn callout_color(kind: CalloutKind) -> Color32 {
    match kind {
        CalloutKind::Note => Color32::from_rgb(0x44, 0x8a, 0xff),
        CalloutKind::Abstract | CalloutKind::Tip => Color32::from_rgb(0x00, 0xa8, 0xb0),
        CalloutKind::Info | CalloutKind::Todo => Color32::from_rgb(0x00, 0x84, 0xd4),
        CalloutKind::Success => Color32::from_rgb(0x08, 0xb9, 0x4e),
        CalloutKind::Question | CalloutKind::Warning => Color32::from_rgb(0xec, 0x75, 0x00),
        CalloutKind::Failure | CalloutKind::Danger | CalloutKind::Bug => {
            Color32::from_rgb(0xe9, 0x31, 0x47)
        }
        CalloutKind::Example => Color32::from_rgb(0x78, 0x52, 0xee),
        CalloutKind::Quote => Color32::from_rgb(0x9e, 0x9e, 0x9e),
    }
}

fn capitalized(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn callout_ui(ui: &mut Ui, cx: &mut NoteCtx<'_>, note: usize, callout: &Callout, depth: usize) {
    let color = callout_color(callout.kind);
    ui.add_space(4.0);
    egui::Frame::new()
        .fill(color.gamma_multiply(0.10))
        .stroke(Stroke::new(1.0, color.gamma_multiply(0.6)))
        .corner_radius(6.0)
        .inner_margin(10.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let title = |ui: &mut Ui, cx: &mut NoteCtx<'_>| {
                let (rect, _) = ui.allocate_exact_size(Vec2::splat(12.0), egui::Sense::hover());
                ui.painter().circle_filled(rect.center(), 5.0, color);
                let base = Base {
                    strong: true,
                    color: Some(color),
                };
                if callout.title.is_empty() {
                    ui.label(
                        RichText::new(capitalized(&callout.raw_kind))
                            .strong()
                            .color(color),
                    );
                } else {
                    ui.vertical(|ui| inlines_ui(ui, cx, note, &callout.title, base, depth));
                }
            };
            let body_depth = (depth + 1).min(MAX_DEPTH);
            match callout.fold {
                Fold::None => {
                    ui.horizontal_top(|ui| title(ui, cx));
                    if !callout.blocks.is_empty() {
                        ui.add_space(4.0);
                        blocks_ui(ui, cx, note, &callout.blocks, body_depth);
                    }
                }
                Fold::Open | Fold::Closed => {
                    let id = ui.make_persistent_id("callout");
                    egui::collapsing_header::CollapsingState::load_with_default_open(
                        ui.ctx(),
                        id,
                        callout.fold == Fold::Open,
                    )
                    .show_header(ui, |ui| title(ui, cx))
                    .body(|ui| blocks_ui(ui, cx, note, &callout.blocks, body_depth));
                }
            }
        });
    ui.add_space(4.0);
}

fn code_block_ui(ui: &mut Ui, lang: &str, code: &str) {
    egui::Frame::new()
        .fill(ui.visuals().code_bg_color)
        .corner_radius(4.0)
        .inner_margin(8.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            if !lang.is_empty() {
                ui.label(RichText::new(lang).small().weak());
            }
            egui::ScrollArea::horizontal().show(ui, |ui| {
                ui.add(egui::Label::new(RichText::new(code).monospace()).extend());
            });
        });
    ui.add_space(4.0);
}

fn table_ui(
    ui: &mut Ui,
    cx: &mut NoteCtx<'_>,
    note: usize,
    header: &[Vec<Inline>],
    rows: &[Vec<Vec<Inline>>],
    depth: usize,
) {
    let columns = header
        .len()
        .max(rows.iter().map(Vec::len).max().unwrap_or(0))
        .max(1);
    #[allow(clippy::cast_precision_loss)]
    let cell_width = ((ui.available_width() - 16.0 * columns as f32) / columns as f32).max(60.0);
    egui::Frame::new()
        .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
        .corner_radius(4.0)
        .inner_margin(6.0)
        .show(ui, |ui| {
            egui::Grid::new("table")
                .striped(true)
                .num_columns(columns)
                .spacing([16.0, 6.0])
                .show(ui, |ui| {
                    let strong = Base {
                        strong: true,
                        color: None,
                    };
                    for (c, cell) in header.iter().enumerate() {
                        ui.push_id(("h", c), |ui| {
                            cell_ui(ui, cx, note, cell, strong, cell_width, depth);
                        });
                    }
                    ui.end_row();
                    for (r, row) in rows.iter().enumerate() {
                        for (c, cell) in row.iter().enumerate() {
                            ui.push_id((r, c), |ui| {
                                cell_ui(ui, cx, note, cell, Base::default(), cell_width, depth);
                            });
                        }
                        ui.end_row();
                    }
                });
        });
    ui.add_space(6.0);
}

fn cell_ui(
    ui: &mut Ui,
    cx: &mut NoteCtx<'_>,
    note: usize,
    cell: &[Inline],
    base: Base,
    width: f32,
    depth: usize,
) {
    ui.vertical(|ui| {
        ui.set_max_width(width);
        inlines_ui(ui, cx, note, cell, base, depth);
    });
}

/// Draws inline content; a note embed (`![[Note#Heading]]`) is drawn as a block between
/// the text before and after it.
fn inlines_ui(
    ui: &mut Ui,
    cx: &mut NoteCtx<'_>,
    note: usize,
    inlines: &[Inline],
    base: Base,
    depth: usize,
) {
    let mut start = 0;
    for (i, inline) in inlines.iter().enumerate() {
        if let Inline::Embed(embed) = inline
            && !is_image(&embed.target.note)
        {
            flow_ui(ui, cx, note, &inlines[start..i], base);
            ui.push_id(("embed", i), |ui| {
                embed_block_ui(ui, cx, note, embed, depth);
            });
            start = i + 1;
        }
    }
    flow_ui(ui, cx, note, &inlines[start..], base);
}

fn flow_ui(ui: &mut Ui, cx: &mut NoteCtx<'_>, note: usize, inlines: &[Inline], base: Base) {
    let blank = inlines.iter().all(|i| match i {
        Inline::Text { text, .. } => text.trim().is_empty(),
        Inline::SoftBreak | Inline::HardBreak => true,
        _ => false,
    });
    if blank {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing = Vec2::new(0.0, 2.0);
        // "1. **AWS Lambda** : ..." — a definition that starts with a service name gets its icon.
        if let Some(Inline::Text { text, style }) = inlines.first()
            && style.bold
            && let Some(icon) = cx.images.service_icon(text)
        {
            icon_ui(ui, Some(icon), 18.0);
            ui.add_space(4.0);
        }
        for (i, inline) in inlines.iter().enumerate() {
            ui.push_id(i, |ui| inline_ui(ui, cx, note, inline, base));
        }
    });
}

fn text_ui(ui: &mut Ui, text: &str, bold: bool, italic: bool, strike: bool, base: Base) {
    let mut rt = RichText::new(text);
    if bold || base.strong {
        rt = rt.strong();
    }
    if italic {
        rt = rt.italics();
    }
    if strike {
        rt = rt.strikethrough();
    }
    if let Some(color) = base.color {
        rt = rt.color(color);
    }
    ui.label(rt);
}

fn inline_ui(ui: &mut Ui, cx: &mut NoteCtx<'_>, note: usize, inline: &Inline, base: Base) {
    let s = cx.lang.strings();
    match inline {
        Inline::Text { text, style } => {
            text_ui(ui, text, style.bold, style.italic, style.strike, base);
        }
        Inline::Math { text, .. } => {
            text_ui(ui, text, false, true, false, base);
        }
        Inline::Code(code) => {
            ui.code(code);
        }
        Inline::Link { url, text } => {
            let label = if text.is_empty() { url } else { text };
            match internal_link_target(url) {
                Some(target) => {
                    if let Ok(loc) = cx.index.resolve(note, &target) {
                        if ui.link(label).on_hover_text(url).clicked() {
                            cx.commands.push(Command::Navigate(loc));
                        }
                    } else {
                        let color = ui.visuals().weak_text_color();
                        ui.label(RichText::new(label).color(color).italics().underline())
                            .on_hover_text(format!("{}: {url}", s.missing_note));
                    }
                }
                None => {
                    ui.hyperlink_to(label, url).on_hover_text(url);
                }
            }
        }
        Inline::WikiLink { target, label } => {
            let written = match &target.heading {
                Some(h) => format!("{}#{h}", target.note),
                None => target.note.clone(),
            };
            match cx.index.resolve(note, target) {
                Ok(loc) => {
                    if ui.link(label).on_hover_text(&written).clicked() {
                        cx.commands.push(Command::Navigate(loc));
                    }
                }
                Err(Unresolved::Heading(n)) => {
                    let response = ui
                        .link(label)
                        .on_hover_text(format!("{}: {written}", s.missing_heading));
                    if response.clicked() {
                        cx.commands.push(Command::Navigate(Location {
                            note: n,
                            heading: None,
                        }));
                    }
                }
                Err(Unresolved::Note) => {
                    let color = ui.visuals().weak_text_color();
                    ui.label(RichText::new(label).color(color).italics().underline())
                        .on_hover_text(format!("{}: {written}", s.missing_note));
                }
            }
        }
        Inline::Image { src, alt } => image_ui(ui, cx, note, src, alt, None),
        Inline::Embed(embed) => {
            image_ui(
                ui,
                cx,
                note,
                &embed.target.note,
                &embed.target.note,
                embed.width,
            );
        }
        Inline::Tag(tag) => {
            chip_ui(ui, &format!("#{tag}"));
        }
        Inline::SoftBreak => {
            text_ui(ui, " ", false, false, false, base);
        }
        Inline::HardBreak => ui.end_row(),
    }
}

fn image_ui(
    ui: &mut Ui,
    cx: &mut NoteCtx<'_>,
    note: usize,
    src: &str,
    alt: &str,
    width: Option<f32>,
) {
    let s = cx.lang.strings();
    if let Some(id) = Catalog::bundled().by_file_name(src) {
        icon_ui(ui, Some(id), width.unwrap_or(40.0).clamp(12.0, 256.0));
        return;
    }
    if src.contains("://") {
        let label = if alt.is_empty() { src } else { alt };
        ui.hyperlink_to(label, src);
        return;
    }
    let vault = &cx.index.vault;
    let path = &cx.index.notes[note].path;
    let found = vault.find_attachment(path, src);
    let bytes = found.as_ref().map(|rel| (rel, cx.images.get(vault, rel)));
    match bytes {
        Some((rel, Ok((_, true)))) => {
            placeholder_ui(
                ui,
                s.missing_image,
                &format!("{rel} (refers to other files)"),
            );
        }
        Some((rel, Ok((bytes, false)))) => {
            let uri = format!("bytes://vault{}/{rel}", cx.generation);
            let max = width.unwrap_or(ui.available_width().max(100.0));
            ui.add(
                egui::Image::from_bytes(uri, bytes)
                    .max_width(max)
                    .alt_text(alt),
            );
        }
        Some((_, Err(e))) => placeholder_ui(ui, s.missing_image, &e),
        None => placeholder_ui(ui, s.missing_image, src),
    }
}

/// A Markdown link to another note (`Note.md`, `sub/My%20Note.md#Heading`): no scheme, a
/// `.md` path. `None` for web links and anything else.
fn internal_link_target(url: &str) -> Option<crate::notes::doc::WikiTarget> {
    if url.contains("://") || url.starts_with("mailto:") {
        return None;
    }
    let (path, heading) = url
        .split_once('#')
        .map_or((url, None), |(p, h)| (p, Some(h)));
    let decoded = crate::notes::vault::percent_decode(path);
    let note = decoded.strip_suffix(".md")?;
    let heading = heading.map(crate::notes::vault::percent_decode);
    Some(crate::notes::doc::WikiTarget {
        note: note.trim_start_matches("./").to_owned(),
        heading: heading.filter(|h| !h.is_empty()),
    })
}

fn placeholder_ui(ui: &mut Ui, what: &str, name: &str) {
    let color = ui.visuals().warn_fg_color;
    egui::Frame::new()
        .stroke(Stroke::new(1.0, color.gamma_multiply(0.7)))
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(6, 3))
        .show(ui, |ui| {
            ui.label(
                RichText::new(format!("{what}: {name}"))
                    .color(color)
                    .small(),
            );
        });
}

fn embed_block_ui(ui: &mut Ui, cx: &mut NoteCtx<'_>, note: usize, embed: &Embed, depth: usize) {
    let s = cx.lang.strings();
    let index = cx.index;
    let written = match &embed.target.heading {
        Some(h) => format!("{}#{h}", embed.target.note),
        None => embed.target.note.clone(),
    };
    let loc = match index.resolve(note, &embed.target) {
        Ok(loc) => loc,
        Err(Unresolved::Note) => return placeholder_ui(ui, s.missing_note, &written),
        Err(Unresolved::Heading(_)) => return placeholder_ui(ui, s.missing_heading, &written),
    };
    let key = (loc.note, loc.heading);
    if cx.embed_stack.contains(&key) || cx.embed_stack.len() > MAX_EMBED_DEPTH {
        return placeholder_ui(ui, s.embed_cycle, &written);
    }
    if cx.embed_budget == 0 {
        return placeholder_ui(ui, s.embed_too_many, &written);
    }
    cx.embed_budget -= 1;
    let accent = ui.visuals().hyperlink_color;
    let response = egui::Frame::new()
        .fill(ui.visuals().faint_bg_color)
        .inner_margin(egui::Margin {
            left: 14,
            right: 8,
            top: 6,
            bottom: 6,
        })
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(RichText::new(format!("{} ", s.embedded)).small().weak());
                if ui.link(RichText::new(&written).small()).clicked() {
                    cx.commands.push(Command::Navigate(loc));
                }
            });
            let doc = &index.notes[loc.note].doc;
            let blocks = match loc.heading {
                Some(h) => section_blocks(doc, h),
                None => &doc.blocks,
            };
            cx.embed_stack.push(key);
            blocks_ui(ui, cx, loc.note, blocks, (depth + 1).min(MAX_DEPTH));
            cx.embed_stack.pop();
        })
        .response;
    ui.painter().vline(
        response.rect.left() + 1.5,
        response.rect.y_range(),
        Stroke::new(3.0, accent),
    );
}
