//! Draws a parsed note ([`crate::notes::doc::Document`]) with egui: headings with their AWS
//! icon and frequency badge, lists, tables, code, callouts, wikilinks that navigate, embeds
//! (transcluded, cycles stopped) and images (bundled AWS icons, vault attachments, or a
//! visible placeholder). It only reads the document tree; clicks become
//! [`Command`]s.

use std::collections::HashMap;

use egui::{Align, Color32, RichText, Stroke, Ui, Vec2};

use crate::command::Command;
use crate::frequency::Tier;
use crate::i18n::{Describe as _, Lang};
use crate::icons::{Catalog, IconId};
use crate::notes::doc::{
    Block, Callout, CalloutKind, Embed, FmValue, Fold, Inline, Inlines, ListItem,
};
use crate::notes::index::{Index, Location, TierOrigin, Unresolved, section_blocks};
use crate::notes::vault::is_image;
use crate::ui::images::{ImageKey, ImageState, VaultImages};
use crate::ui::widgets::{icon_ui, tier_badge_ui};

/// Deepest nesting drawn with its own indentation; deeper content is drawn flat, so a
/// hostile note cannot exhaust the stack.
const MAX_DEPTH: usize = 12;
/// Deepest chain of embeds inside embeds.
const MAX_EMBED_DEPTH: usize = 4;
/// Width of the note text column, for comfortable reading.
const MAX_TEXT_WIDTH: f32 = 860.0;

/// What the Notes room keeps between frames to draw images and icons: the textures of the
/// vault's images (decoded off the UI thread, within a memory budget), the icons short
/// bold phrases name, and the image open in the viewer.
#[derive(Default)]
pub struct ImageCache {
    /// Textures of the vault's images.
    pub textures: crate::ui::images::VaultImages,
    service_icons: HashMap<String, Option<IconId>>,
    /// The image shown in the zoomable viewer, and its pan/zoom.
    viewer: Option<(ImageKey, egui::Rect)>,
    /// Height of each top-level block of the note shown when last drawn, for (note, index
    /// generation, column width): the blocks out of view take that room without layout.
    heights: ((usize, u64, u32), Vec<(f32, bool)>),
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
        self.textures.clear();
        self.service_icons.clear();
        self.viewer = None;
    }

    /// Ends a frame: frees the textures over budget that were not shown.
    pub fn end_frame(&mut self) {
        self.textures.end_frame();
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
    /// Where to scroll the shown note this frame.
    pub scroll: Option<ScrollTarget>,
    /// A top-level block to flash (a followed block reference or search hit), with the
    /// strength of the flash from 1 (just arrived) to 0.
    pub flash: Option<(usize, f32)>,
    /// Out: the page's scroll offset after this frame, for back/forward and the next
    /// start.
    pub offset: f32,
    /// Notes/sections being drawn, outermost first, to stop embed cycles.
    pub embed_stack: Vec<(usize, Option<usize>)>,
    /// Embeds still allowed this frame: a note that embeds sections that embed sections
    /// could otherwise multiply into millions.
    pub embed_budget: usize,
}

/// Where the note view scrolls to.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ScrollTarget {
    /// The top of the note.
    Top,
    /// A heading, by its index in the note's outline.
    Heading(usize),
    /// A top-level block, by its index.
    Block(usize),
    /// A scroll offset in points (back/forward, a restart).
    Offset(f32),
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
    let mut area = egui::ScrollArea::vertical()
        .id_salt(("note_page", &n.path))
        .auto_shrink([false, false]);
    match cx.scroll {
        Some(ScrollTarget::Top) => area = area.vertical_scroll_offset(0.0),
        Some(ScrollTarget::Offset(y)) => area = area.vertical_scroll_offset(y.max(0.0)),
        _ => {}
    }
    let output = area.show_viewport(ui, |ui, viewport| {
        let width = ui.available_width().min(MAX_TEXT_WIDTH);
        ui.set_max_width(width);
        ui.add_space(6.0);
        ui.label(RichText::new(&n.title).size(26.0).strong());
        ui.label(RichText::new(&n.path).small().weak());
        ui.add_space(6.0);
        for problem in &n.problems {
            warning_ui(
                ui,
                &cx.lang.labelled(s.file_problem, &problem.describe(cx.lang)),
            );
        }
        if let Some(fm) = &n.outline.frontmatter {
            properties_ui(ui, s.properties, &fm.entries);
        }
        cx.embed_stack = vec![(note, None)];
        visible_blocks_ui(ui, cx, note, viewport, width);
        ui.add_space(40.0);
    });
    cx.offset = output.state.clamped_offset().y;
}

/// The note's top-level blocks, only those in view laid out: the others take the height
/// they had when last drawn (or an estimate from their length), so a 2 MB note costs what
/// its visible part costs. The block holding the heading to scroll to is always drawn.
fn visible_blocks_ui(
    ui: &mut Ui,
    cx: &mut NoteCtx<'_>,
    note: usize,
    viewport: egui::Rect,
    width: f32,
) {
    // Parsed when the note is first shown, then kept by the index with the last few.
    let doc = cx.index.document(note);
    let blocks = &doc.blocks;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let key = (note, cx.generation, width.round() as u32);
    if cx.images.heights.0 != key || cx.images.heights.1.len() != blocks.len() {
        // Estimated once per note and width; replaced by the real height when drawn.
        let estimates = blocks
            .iter()
            .map(|b| (estimated_height(b, width), false))
            .collect();
        cx.images.heights = (key, estimates);
    }
    let content_top = ui.min_rect().top();
    // A screen of margin above and below, so scrolling never shows an empty gap.
    let margin = viewport.height().max(200.0);
    let shown = viewport.expand2(Vec2::new(0.0, margin));
    for (i, block) in blocks.iter().enumerate() {
        let top = ui.cursor().top() - content_top;
        let (height, _measured) = cx.images.heights.1[i];
        let target = match (cx.scroll, block) {
            (Some(ScrollTarget::Heading(h)), _) => block.heading_index() == Some(h),
            (Some(ScrollTarget::Block(b)), _) => b == i,
            _ => false,
        };
        let in_view = top < shown.bottom() && top + height > shown.top();
        if in_view || target {
            let before = ui.cursor().top();
            let rect = ui
                .push_id(i, |ui| block_ui(ui, cx, note, block, 0))
                .response
                .rect;
            cx.images.heights.1[i] = (ui.cursor().top() - before, true);
            if target && matches!(cx.scroll, Some(ScrollTarget::Block(_))) {
                // Blocks above may have been estimated: the request stays until the block
                // is seen in place (the app retries it for a few frames).
                let h = rect.height().min(viewport.height() * 0.5);
                if top >= viewport.top() - 0.5 && top + h <= viewport.bottom() + 0.5 {
                    cx.scroll = None;
                } else {
                    ui.scroll_to_rect(rect.expand(24.0), Some(Align::TOP));
                }
            }
            if let Some((_, strength)) = cx.flash.filter(|&(b, _)| b == i) {
                flash_ui(ui, rect, strength);
            }
        } else {
            ui.add_space(height);
        }
    }
}

/// The fading highlight over a block just arrived at, as Obsidian flashes a followed
/// block reference.
fn flash_ui(ui: &Ui, rect: egui::Rect, strength: f32) {
    let strength = strength.clamp(0.0, 1.0);
    let color = ui
        .visuals()
        .selection
        .bg_fill
        .gamma_multiply(0.45 * strength);
    ui.painter().rect_filled(rect.expand(4.0), 4.0, color);
}

/// A rough height of a block not laid out yet, from its text length and kind.
fn estimated_height(block: &Block, width: f32) -> f32 {
    let per_line = (width / 7.5).max(20.0);
    #[allow(clippy::cast_precision_loss)]
    let lines = |chars: usize| (chars as f32 / per_line).ceil().max(1.0);
    match block {
        Block::Heading { .. } => 44.0,
        Block::Paragraph(inlines) => lines(inline_chars(inlines)) * 17.0 + 6.0,
        Block::List { items, .. } => items
            .iter()
            .map(|it| {
                it.blocks
                    .iter()
                    .map(|b| estimated_height(b, width - 20.0))
                    .sum::<f32>()
            })
            .sum::<f32>()
            .max(18.0),
        #[allow(clippy::cast_precision_loss)]
        Block::CodeBlock(block) => block.code.lines().count() as f32 * 15.0 + 24.0,
        #[allow(clippy::cast_precision_loss)]
        Block::Table(table) => (table.rows.len() as f32 + 1.0) * 24.0 + 16.0,
        Block::Quote(blocks) => quote_height(blocks, width),
        Block::Callout(callout) => quote_height(&callout.blocks, width),
        Block::Anchor(_) => 0.0,
        _ => 40.0,
    }
}

/// The estimated height of a quote's or callout's `blocks`.
fn quote_height(blocks: &[Block], width: f32) -> f32 {
    blocks
        .iter()
        .map(|b| estimated_height(b, width - 24.0))
        .sum::<f32>()
        + 24.0
}

fn inline_chars(inlines: &[Inline]) -> usize {
    inlines
        .iter()
        .map(|i| match i {
            Inline::Text { text, .. } | Inline::Code(text) => text.len(),
            Inline::Link(link) => link.text.len(),
            Inline::WikiLink(link) => link.label.len(),
            _ => 4,
        })
        .sum()
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
        Block::Heading { level, index, .. } => {
            heading_ui(ui, cx, note, *level, *index as usize);
        }
        Block::Paragraph(inlines) => {
            inlines_ui(ui, cx, note, inlines, Base::default(), depth);
            if depth == 0 {
                ui.add_space(4.0);
            }
        }
        Block::List { start, items } => list_ui(ui, cx, note, *start, items, depth),
        Block::Quote(blocks) => quote_ui(ui, cx, note, blocks, depth),
        Block::Callout(callout) => callout_ui(ui, cx, note, callout, depth),
        Block::CodeBlock(block) => code_block_ui(ui, &block.lang, &block.code),
        Block::Table(table) => table_ui(ui, cx, note, &table.header, &table.rows, depth),
        Block::Rule => {
            ui.add_space(4.0);
            ui.separator();
            ui.add_space(4.0);
        }
        Block::Html(html) => {
            ui.label(RichText::new(&**html).monospace().weak());
        }
        Block::Math(math) => {
            ui.vertical_centered(|ui| ui.label(RichText::new(&math.text).size(16.0).italics()));
        }
        Block::Details(details) => {
            let title: String = details
                .summary
                .iter()
                .map(|i| match i {
                    Inline::Text { text, .. } | Inline::Code(text) => &**text,
                    _ => "",
                })
                .collect();
            egui::CollapsingHeader::new(title)
                .id_salt(("details", note, depth, details.blocks.len()))
                .default_open(details.open)
                .show(ui, |ui| blocks_ui(ui, cx, note, &details.blocks, depth + 1));
        }
        Block::Anchor(_) => {}
        Block::Drawing(scene) => drawing_ui(ui, scene, cx.lang),
    }
}

fn heading_ui(ui: &mut Ui, cx: &mut NoteCtx<'_>, note: usize, level: u8, h: usize) {
    let index = cx.index;
    let Some(heading) = index.notes[note].outline.headings.get(h) else {
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
    // Wrapped, the badge after its last word: a heading on one unwrapped row widened the
    // page for every block after it (a Ui grows to what it holds), pushing text past the
    // window's edge.
    let response = ui
        .horizontal_wrapped(|ui| {
            if let Some(icon) = topic.and_then(|t| index.topics[t].icon) {
                icon_ui(ui, Some(icon), size + 6.0);
            }
            ui.add(egui::Label::new(RichText::new(&heading.text).size(size).strong()).wrap());
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
    if cx.embed_stack.len() == 1 && cx.scroll == Some(ScrollTarget::Heading(h)) {
        response.scroll_to_me(Some(Align::TOP));
        cx.scroll = None;
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
    header: &[Inlines],
    rows: &[Box<[Inlines]>],
    depth: usize,
) {
    let columns = header
        .len()
        .max(rows.iter().map(|r| r.len()).max().unwrap_or(0))
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

/// Draws a run of inline content: text, code, links, tags and math laid out as one text
/// job per run (the font wraps it as a whole, so a bold word or a code span near the right
/// edge never becomes a column of one character), with images between the runs.
fn flow_ui(ui: &mut Ui, cx: &mut NoteCtx<'_>, note: usize, inlines: &[Inline], base: Base) {
    let blank = inlines.iter().all(|i| match i {
        Inline::Text { text, .. } => text.trim().is_empty(),
        Inline::SoftBreak | Inline::HardBreak => true,
        _ => false,
    });
    if blank {
        return;
    }
    // "1. **AWS Lambda** : ..." — a definition that starts with a service name gets its icon.
    let mut icon = match inlines.first() {
        Some(Inline::Text { text, style }) if style.bold() => cx.images.service_icon(text),
        _ => None,
    };
    let mut start = 0;
    for (i, inline) in inlines.iter().enumerate() {
        let image = match inline {
            Inline::Image(image) => Some((image.src.as_str(), image.alt.as_str(), image.width)),
            Inline::Embed(e) => Some((e.target.note.as_str(), e.target.note.as_str(), e.width)),
            _ => None,
        };
        let Some((src, alt, width)) = image else {
            continue;
        };
        // A small AWS icon right at the start of the run is the run's icon, drawn before it.
        if i == start
            && icon.is_none()
            && let Some(id) = Catalog::bundled().by_file_name(src)
            && width.is_none_or(|w| w <= 48.0)
        {
            icon = Some(id);
            start = i + 1;
            continue;
        }
        ui.push_id(("run", i), |ui| {
            text_run_ui(ui, cx, note, &inlines[start..i], base, icon.take());
        });
        ui.push_id(("image", i), |ui| image_ui(ui, cx, note, src, alt, width));
        start = i + 1;
    }
    text_run_ui(ui, cx, note, &inlines[start..], base, icon);
}

/// What a part of a laid-out run does when clicked.
enum LinkAction {
    /// Go to a note or heading.
    Navigate(Location),
    /// Open a web page.
    Web(String),
    /// Nothing (a broken link: the hover text says why).
    None,
}

/// A clickable range of a run: chars `range` of the job's text.
struct RunLink {
    range: std::ops::Range<usize>,
    label: String,
    hover: String,
    action: LinkAction,
}

/// One run of text as a single wrapped job, preceded by `icon`.
fn text_run_ui(
    ui: &mut Ui,
    cx: &mut NoteCtx<'_>,
    note: usize,
    inlines: &[Inline],
    base: Base,
    icon: Option<IconId>,
) {
    let has_text = inlines.iter().any(|i| match i {
        Inline::Text { text, .. } => !text.trim().is_empty(),
        Inline::SoftBreak | Inline::HardBreak => false,
        _ => true,
    });
    if !has_text && icon.is_none() {
        return;
    }
    let draw = |ui: &mut Ui, cx: &mut NoteCtx<'_>| {
        let (job, links) = run_job(ui, cx, note, inlines, base, ui.available_width());
        show_run(ui, cx, job, &links);
    };
    match icon {
        Some(icon) => {
            ui.horizontal_top(|ui| {
                icon_ui(ui, Some(icon), 18.0);
                ui.add_space(4.0);
                ui.vertical(|ui| draw(ui, cx));
            });
        }
        None => draw(ui, cx),
    }
}

/// The text job of a run, and its links (char ranges).
fn run_job(
    ui: &Ui,
    cx: &NoteCtx<'_>,
    note: usize,
    inlines: &[Inline],
    base: Base,
    width: f32,
) -> (egui::text::LayoutJob, Vec<RunLink>) {
    use egui::text::{LayoutJob, TextFormat};
    let s = cx.lang.strings();
    let visuals = ui.visuals();
    let body = egui::TextStyle::Body.resolve(ui.style());
    let mono = egui::TextStyle::Monospace.resolve(ui.style());
    let text_color = base.color.unwrap_or_else(|| visuals.text_color());
    let strong_color = base.color.unwrap_or_else(|| visuals.strong_text_color());
    let link_color = visuals.hyperlink_color;
    let weak = visuals.weak_text_color();
    let mut job = LayoutJob::default();
    job.wrap.max_width = width.max(40.0);
    let mut links = Vec::new();
    let mut chars = 0usize;
    let mut push =
        |job: &mut LayoutJob, text: &str, format: TextFormat| -> std::ops::Range<usize> {
            let start = chars;
            chars += text.chars().count();
            job.append(text, 0.0, format);
            start..chars
        };
    let plain = |strong: bool| TextFormat {
        font_id: body.clone(),
        color: if strong { strong_color } else { text_color },
        ..TextFormat::default()
    };
    for inline in inlines {
        match inline {
            Inline::Text { text, style } => {
                let mut f = plain(style.bold() || base.strong);
                f.italics = style.italic();
                if style.strike() {
                    f.strikethrough = Stroke::new(1.0, f.color);
                }
                if style.underline() {
                    f.underline = Stroke::new(1.0, f.color);
                }
                if let Some([r, g, b]) = style.color {
                    f.color = Color32::from_rgb(r, g, b);
                }
                if style.highlight() {
                    f.background = Color32::from_rgba_unmultiplied(0xff, 0xd8, 0x4d, 0x66);
                }
                if style.sub() || style.sup() {
                    f.font_id.size *= 0.75;
                    f.valign = if style.sup() {
                        Align::TOP
                    } else {
                        Align::BOTTOM
                    };
                }
                push(&mut job, text, f);
            }
            Inline::Math(math) => {
                let mut f = plain(base.strong);
                f.italics = true;
                push(&mut job, &math.text, f);
            }
            Inline::Code(code) => {
                let f = TextFormat {
                    font_id: mono.clone(),
                    color: text_color,
                    background: visuals.code_bg_color,
                    ..TextFormat::default()
                };
                push(&mut job, code, f);
            }
            Inline::Tag(tag) => {
                let f = TextFormat {
                    font_id: body.clone(),
                    color: link_color,
                    background: link_color.gamma_multiply(0.15),
                    ..TextFormat::default()
                };
                push(&mut job, &format!("#{tag}"), f);
            }
            Inline::SoftBreak => {
                push(&mut job, " ", plain(false));
            }
            Inline::HardBreak => {
                push(&mut job, "\n", plain(false));
            }
            Inline::Link(link) => {
                let (url, text) = (&link.url, &link.text);
                let label = if text.is_empty() { url } else { text };
                let (action, hover, ok) = match internal_link_target(url) {
                    Some(target) => match cx.index.resolve(note, &target) {
                        Ok(loc) => (LinkAction::Navigate(loc), url.clone(), true),
                        Err(_) => (
                            LinkAction::None,
                            cx.lang.labelled(s.missing_note, url),
                            false,
                        ),
                    },
                    None => (LinkAction::Web(url.clone()), url.clone(), true),
                };
                let f = link_format(&body, if ok { link_color } else { weak }, !ok);
                let range = push(&mut job, label, f);
                links.push(RunLink {
                    range,
                    label: label.clone(),
                    hover,
                    action,
                });
            }
            Inline::WikiLink(link) => {
                let (target, label) = (&link.target, &link.label);
                let written = match &target.heading {
                    Some(h) => format!("{}#{h}", target.note),
                    None => target.note.clone(),
                };
                let (action, hover, ok) = match cx.index.resolve(note, target) {
                    Ok(loc) => (LinkAction::Navigate(loc), written, true),
                    Err(Unresolved::Heading(n)) => (
                        LinkAction::Navigate(Location {
                            note: n,
                            heading: None,
                            block: None,
                        }),
                        cx.lang.labelled(s.missing_heading, &written),
                        true,
                    ),
                    Err(Unresolved::Note) => (
                        LinkAction::None,
                        cx.lang.labelled(s.missing_note, &written),
                        false,
                    ),
                };
                let f = link_format(&body, if ok { link_color } else { weak }, !ok);
                let range = push(&mut job, label, f);
                links.push(RunLink {
                    range,
                    label: label.clone(),
                    hover,
                    action,
                });
            }
            // Drawn between runs by `flow_ui`.
            Inline::Image { .. } | Inline::Embed(_) => {}
        }
    }
    (job, links)
}

fn link_format(font: &egui::FontId, color: Color32, broken: bool) -> egui::text::TextFormat {
    egui::text::TextFormat {
        font_id: font.clone(),
        color,
        italics: broken,
        underline: Stroke::new(1.0, color),
        ..egui::text::TextFormat::default()
    }
}

/// Lays out and draws a run; each link gets a widget of its own over its glyphs (hover
/// text, pointer, click, and a node for screen readers and tests).
fn show_run(ui: &mut Ui, cx: &mut NoteCtx<'_>, job: egui::text::LayoutJob, links: &[RunLink]) {
    let galley = ui.painter().layout_job(job);
    let (rect, response) = ui.allocate_exact_size(galley.size(), egui::Sense::hover());
    let text = galley.text().to_owned();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &text));
    if ui.is_rect_visible(rect) {
        ui.painter()
            .galley(rect.min, galley.clone(), ui.visuals().text_color());
    }
    if links.is_empty() {
        return;
    }
    // Rectangles of each link's glyphs, row by row.
    let mut char_index = 0usize;
    let mut boxes: Vec<Vec<egui::Rect>> = vec![Vec::new(); links.len()];
    for row in &galley.rows {
        let mut row_boxes: Vec<Option<egui::Rect>> = vec![None; links.len()];
        for glyph in &row.glyphs {
            if let Some(l) = links.iter().position(|l| l.range.contains(&char_index)) {
                let x0 = rect.min.x + row.pos.x + glyph.pos.x;
                let r = egui::Rect::from_min_max(
                    egui::pos2(x0, rect.min.y + row.pos.y),
                    egui::pos2(
                        x0 + glyph.advance_width,
                        rect.min.y + row.pos.y + row.size.y,
                    ),
                );
                row_boxes[l] = Some(row_boxes[l].map_or(r, |b| b.union(r)));
            }
            char_index += 1;
        }
        if row.ends_with_newline {
            char_index += 1;
        }
        for (l, b) in row_boxes.into_iter().enumerate() {
            if let Some(b) = b {
                boxes[l].push(b);
            }
        }
    }
    for (l, (link, rects)) in links.iter().zip(boxes).enumerate() {
        for (k, r) in rects.into_iter().enumerate() {
            let id = response.id.with(("link", l, k));
            let sense = if matches!(link.action, LinkAction::None) {
                egui::Sense::hover()
            } else {
                egui::Sense::click()
            };
            let hit = ui.interact(r, id, sense);
            hit.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, &link.label));
            let hit = hit.on_hover_text(&link.hover);
            if !matches!(link.action, LinkAction::None) && hit.hovered() {
                ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
            }
            if hit.clicked() {
                match &link.action {
                    LinkAction::Navigate(loc) => cx.commands.push(Command::Navigate(*loc)),
                    LinkAction::Web(url) => ui.ctx().open_url(egui::OpenUrl::new_tab(url)),
                    LinkAction::None => {}
                }
            }
        }
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
        // Never fetched: the app works offline and a note must not phone home.
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("{}:", s.remote_image)).small().weak());
            ui.hyperlink_to(
                RichText::new(if alt.is_empty() { src } else { alt }).small(),
                src,
            );
        });
        return;
    }
    let vault = &cx.index.vault;
    let path = &cx.index.notes[note].path;
    let (Some(rel), Some(root)) = (vault.find_attachment(path, src), vault.root()) else {
        return placeholder_ui(ui, cx.lang, s.missing_image, src);
    };
    let column = ui.available_width().max(60.0);
    let shown_max = width.map_or(column, |w| w.min(column));
    let key = ImageKey {
        root: root.to_owned(),
        rel,
        width: VaultImages::decode_width(shown_max * ui.ctx().pixels_per_point()),
    };
    let ctx = ui.ctx().clone();
    match cx.images.textures.get(&ctx, &key) {
        ImageState::Loading => {
            let (rect, _) =
                ui.allocate_exact_size(Vec2::new(shown_max.min(240.0), 60.0), egui::Sense::hover());
            ui.put(rect, egui::Spinner::new());
        }
        ImageState::Failed(e) => {
            let why = cx.lang.labelled(&key.rel, &e.describe(cx.lang));
            placeholder_ui(ui, cx.lang, s.missing_image, &why);
        }
        ImageState::Ready(texture, natural) => {
            // Natural size (one image pixel per point), at most the column or the width
            // the note asks for.
            #[allow(clippy::cast_precision_loss)]
            let (nw, nh) = (natural.0.max(1) as f32, natural.1.max(1) as f32);
            let w = nw.min(shown_max);
            let size = Vec2::new(w, w * nh / nw);
            let response = ui
                .add(
                    egui::Image::from_texture((texture.id(), size))
                        .alt_text(alt)
                        .sense(egui::Sense::click()),
                )
                .on_hover_text(s.image_open_viewer);
            if response.clicked() {
                let viewer_key = ImageKey {
                    width: crate::images::MAX_TEXTURE_SIDE,
                    ..key
                };
                cx.images.viewer = Some((viewer_key, egui::Rect::ZERO));
            }
            if response.hovered() {
                ui.ctx().set_cursor_icon(egui::CursorIcon::ZoomIn);
            }
        }
    }
}

/// The zoomable viewer of the image clicked (scroll or pinch to zoom, drag to pan,
/// Escape or the button to close); decoded at up to 4096 pixels.
pub fn image_viewer_ui(ctx: &egui::Context, images: &mut ImageCache, lang: Lang) {
    let s = lang.strings();
    let Some((key, mut scene_rect)) = images.viewer.take() else {
        return;
    };
    let mut open = true;
    let modal = egui::Modal::new(egui::Id::unique("image_viewer")).show(ctx, |ui| {
        let screen = ctx.content_rect();
        ui.set_width(screen.width() * 0.85);
        ui.set_height(screen.height() * 0.8);
        ui.horizontal(|ui| {
            ui.label(RichText::new(&key.rel).strong());
            ui.with_layout(egui::Layout::right_to_left(Align::Center), |ui| {
                if ui.button(s.close).clicked() {
                    open = false;
                }
                ui.label(RichText::new(s.image_viewer_hint).small().weak());
            });
        });
        let state = images.textures.get(ctx, &key);
        match state {
            ImageState::Ready(texture, natural) => {
                #[allow(clippy::cast_precision_loss)]
                let size = Vec2::new(natural.0.max(1) as f32, natural.1.max(1) as f32);
                let texture = texture.id();
                egui::Scene::new()
                    .zoom_range(0.05..=8.0)
                    .show(ui, &mut scene_rect, |ui| {
                        ui.add(egui::Image::from_texture((texture, size)));
                    });
            }
            ImageState::Loading => {
                ui.centered_and_justified(egui::Ui::spinner);
            }
            ImageState::Failed(e) => {
                ui.label(e.describe(lang));
            }
        }
    });
    if open && !modal.should_close() {
        images.viewer = Some((key, scene_rect));
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

fn placeholder_ui(ui: &mut Ui, lang: Lang, what: &str, name: &str) {
    let color = ui.visuals().warn_fg_color;
    egui::Frame::new()
        .stroke(Stroke::new(1.0, color.gamma_multiply(0.7)))
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(6, 3))
        .show(ui, |ui| {
            ui.label(
                RichText::new(lang.labelled(what, name))
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
        Err(Unresolved::Note) => return placeholder_ui(ui, cx.lang, s.missing_note, &written),
        Err(Unresolved::Heading(_)) => {
            return placeholder_ui(ui, cx.lang, s.missing_heading, &written);
        }
    };
    let key = (loc.note, loc.heading);
    if cx.embed_stack.contains(&key) || cx.embed_stack.len() > MAX_EMBED_DEPTH {
        return placeholder_ui(ui, cx.lang, s.embed_cycle, &written);
    }
    if cx.embed_budget == 0 {
        return placeholder_ui(ui, cx.lang, s.embed_too_many, &written);
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
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(format!("{} ", s.embedded)).small().weak());
                if ui.link(RichText::new(&written).small()).clicked() {
                    cx.commands.push(Command::Navigate(loc));
                }
            });
            let doc = index.document(loc.note);
            let blocks = match loc.heading {
                Some(h) => section_blocks(&doc, h),
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

/// An Excalidraw drawing, scaled to the column: rectangles, ellipses, diamonds, lines,
/// arrows, free-hand strokes and text, in their colours. A scene that could not be read says
/// why instead.
fn drawing_ui(ui: &mut Ui, scene: &crate::notes::excalidraw::Scene, lang: Lang) {
    use crate::notes::excalidraw::ElementKind;
    let s = lang.strings();
    if let Some(problem) = &scene.problem {
        placeholder_ui(ui, lang, s.drawing_unreadable, &problem.describe(lang));
        return;
    }
    let Some(bounds) = scene
        .elements
        .iter()
        .map(|e| {
            let mut r = egui::Rect::from_min_size(egui::pos2(e.x, e.y), Vec2::new(e.w, e.h));
            for (px, py) in &e.points {
                r = r.union(egui::Rect::from_center_size(
                    egui::pos2(e.x + px, e.y + py),
                    Vec2::ZERO,
                ));
            }
            r
        })
        .reduce(egui::Rect::union)
        .filter(|r| r.is_finite() && r.width() > 0.0 && r.height() > 0.0)
        // A margin, so strokes on the border are drawn whole.
        .map(|r| r.expand(12.0))
    else {
        placeholder_ui(ui, lang, s.drawing_unreadable, s.drawing_empty);
        return;
    };
    let width = ui.available_width().min(bounds.width().max(50.0));
    let scale = width / bounds.width();
    let height = (bounds.height() * scale).min(4000.0);
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, height), egui::Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, "Excalidraw"));
    if !ui.is_rect_visible(rect) {
        return;
    }
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 4.0, Color32::WHITE);
    let to = |x: f32, y: f32| rect.min + (egui::vec2(x, y) - bounds.min.to_vec2()) * scale;
    let rgb = |[r, g, b]: [u8; 3]| Color32::from_rgb(r, g, b);
    for e in &scene.elements {
        let stroke = Stroke::new((e.stroke_width * scale).clamp(0.5, 6.0), rgb(e.stroke));
        let fill = e
            .fill
            .map_or(Color32::TRANSPARENT, |c| rgb(c).gamma_multiply(0.6));
        let r = egui::Rect::from_min_max(to(e.x, e.y), to(e.x + e.w, e.y + e.h));
        let outline = |pts: Vec<egui::Pos2>| {
            if e.dashed {
                let mut closed = pts.clone();
                closed.push(pts[0]);
                painter.extend(egui::Shape::dashed_line(&closed, stroke, 6.0, 4.0));
                if fill != Color32::TRANSPARENT {
                    painter.add(egui::Shape::convex_polygon(pts, fill, Stroke::NONE));
                }
            } else {
                painter.add(egui::Shape::convex_polygon(pts, fill, stroke));
            }
        };
        match e.kind {
            ElementKind::Rectangle => outline(vec![
                r.left_top(),
                r.right_top(),
                r.right_bottom(),
                r.left_bottom(),
            ]),
            ElementKind::Diamond => outline(vec![
                r.center_top(),
                r.right_center(),
                r.center_bottom(),
                r.left_center(),
            ]),
            ElementKind::Ellipse => {
                let (c, rx, ry) = (r.center(), r.width() / 2.0, r.height() / 2.0);
                #[allow(clippy::cast_precision_loss)]
                let pts = (0..48)
                    .map(|i| {
                        let t = i as f32 / 48.0 * std::f32::consts::TAU;
                        c + egui::vec2(rx * t.cos(), ry * t.sin())
                    })
                    .collect();
                outline(pts);
            }
            ElementKind::Line | ElementKind::Arrow | ElementKind::FreeDraw => {
                let pts: Vec<egui::Pos2> = e
                    .points
                    .iter()
                    .map(|(px, py)| to(e.x + px, e.y + py))
                    .collect();
                if pts.len() < 2 {
                    continue;
                }
                if e.dashed {
                    painter.extend(egui::Shape::dashed_line(&pts, stroke, 6.0, 4.0));
                } else {
                    painter.add(egui::Shape::line(pts.clone(), stroke));
                }
                let head = |tip: egui::Pos2, from: egui::Pos2| {
                    let dir = (tip - from).normalized();
                    let n = Vec2::new(-dir.y, dir.x);
                    let len = (12.0 * scale).clamp(4.0, 16.0);
                    painter.line_segment([tip, tip - dir * len + n * len * 0.5], stroke);
                    painter.line_segment([tip, tip - dir * len - n * len * 0.5], stroke);
                };
                let n = pts.len();
                if e.arrow_end || (e.kind == ElementKind::Arrow && !e.arrow_start) {
                    head(pts[n - 1], pts[n - 2]);
                }
                if e.arrow_start {
                    head(pts[0], pts[1]);
                }
            }
            ElementKind::Text => {
                let size = (e.font_size * scale).clamp(6.0, 48.0);
                let galley = painter.layout(
                    e.text.clone(),
                    egui::FontId::proportional(size),
                    rgb(e.stroke),
                    (r.width() + 4.0).max(20.0),
                );
                painter.galley(r.min, galley, rgb(e.stroke));
            }
        }
    }
}
