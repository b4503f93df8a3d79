//! Explanations and prompts written in Markdown (imported banks write `**bold**`, `code`,
//! lists, tables and links in them), drawn as text rather than shown as raw syntax. Each
//! paragraph and list item is one [`LayoutJob`], so the font wraps it as a whole; links
//! are listed under the text as real hyperlinks; images are named, never fetched.

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, RichText, Stroke, Ui};

use std::sync::Arc;

use crate::notes::doc::{Block, Document, Inline};

/// Parses a text once while it stays on screen (egui drops what a frame did not use).
#[derive(Default)]
struct Parser;

impl egui::cache::ComputerMut<&str, Arc<Document>> for Parser {
    fn compute(&mut self, text: &str) -> Arc<Document> {
        Arc::new(crate::notes::parse::parse(text))
    }
}

type ParsedTexts = egui::cache::FrameCache<Arc<Document>, Parser>;

/// Draws `text` (Markdown) at `size` points in `color` (the text colour by default).
pub(super) fn markdown_ui(ui: &mut Ui, text: &str, size: f32, color: Option<Color32>) {
    // Not parsed again every frame while the question is shown.
    let doc = ui.memory_mut(|m| Arc::clone(m.caches.cache::<ParsedTexts>().get(text)));
    let color = color.unwrap_or_else(|| ui.visuals().text_color());
    let mut links = Vec::new();
    for block in &doc.blocks {
        block_ui(ui, block, size, color, 0, &mut links);
    }
    if !links.is_empty() {
        ui.horizontal_wrapped(|ui| {
            for (label, url) in links {
                if url.starts_with("http://") || url.starts_with("https://") {
                    ui.hyperlink_to(RichText::new(label).small(), url);
                }
            }
        });
    }
}

/// The blocks of a quote or callout, set in.
fn quote_ui(
    ui: &mut Ui,
    blocks: &[Block],
    size: f32,
    color: Color32,
    depth: usize,
    links: &mut Vec<(String, String)>,
) {
    egui::Frame::new()
        .stroke(Stroke::NONE)
        .inner_margin(egui::Margin {
            left: 10,
            right: 0,
            top: 0,
            bottom: 0,
        })
        .show(ui, |ui| {
            for b in blocks {
                block_ui(ui, b, size, color, depth, links);
            }
        });
}

fn block_ui(
    ui: &mut Ui,
    block: &Block,
    size: f32,
    color: Color32,
    depth: usize,
    links: &mut Vec<(String, String)>,
) {
    match block {
        Block::Heading { content, .. } => {
            let job = job(ui, content, size * 1.1, color, true, links);
            ui.label(job);
        }
        Block::Paragraph(inlines) => {
            let job = job(ui, inlines, size, color, false, links);
            ui.label(job);
        }
        Block::List { start, items } => {
            for (n, item) in items.iter().enumerate() {
                let marker = match (start, item.task) {
                    (_, Some(true)) => "☑".to_owned(),
                    (_, Some(false)) => "☐".to_owned(),
                    (Some(first), None) => format!("{}.", first + n as u64),
                    (None, None) => "•".to_owned(),
                };
                ui.horizontal_top(|ui| {
                    ui.add_space(12.0 * depth as f32);
                    ui.label(RichText::new(marker).size(size).color(color));
                    ui.vertical(|ui| {
                        for b in &item.blocks {
                            block_ui(ui, b, size, color, depth + 1, links);
                        }
                    });
                });
            }
        }
        Block::Quote(blocks) => quote_ui(ui, blocks, size, color, depth, links),
        Block::Callout(callout) => quote_ui(ui, &callout.blocks, size, color, depth, links),
        Block::CodeBlock(block) => {
            ui.label(
                RichText::new(&block.code)
                    .monospace()
                    .size(size * 0.9)
                    .color(color),
            );
        }
        Block::Table(table) => {
            egui::Grid::new(ui.next_auto_id())
                .striped(true)
                .spacing([12.0, 4.0])
                .show(ui, |ui| {
                    for cell in &table.header {
                        ui.label(job(ui, cell, size, color, true, links));
                    }
                    ui.end_row();
                    for row in &table.rows {
                        for cell in row {
                            ui.label(job(ui, cell, size, color, false, links));
                        }
                        ui.end_row();
                    }
                });
        }
        Block::Rule => {
            ui.separator();
        }
        Block::Html(html) => {
            ui.label(RichText::new(&**html).size(size).color(color));
        }
        Block::Math(math) => {
            ui.label(RichText::new(&math.text).size(size).italics().color(color));
        }
        Block::Details(details) => {
            for b in &details.blocks {
                block_ui(ui, b, size, color, depth, links);
            }
        }
        Block::Anchor(_) | Block::Drawing(_) => {}
    }
}

/// One run of inlines as a single wrapped text job.
fn job(
    ui: &Ui,
    inlines: &[Inline],
    size: f32,
    color: Color32,
    bold: bool,
    links: &mut Vec<(String, String)>,
) -> LayoutJob {
    let mut job = LayoutJob::default();
    job.wrap.max_width = ui.available_width();
    let strong = ui.visuals().strong_text_color();
    let link_color = ui.visuals().hyperlink_color;
    let code_bg = ui.visuals().code_bg_color;
    let base = |bold_run: bool| TextFormat {
        font_id: FontId::proportional(size),
        color: if bold_run { strong } else { color },
        ..TextFormat::default()
    };
    for inline in inlines {
        match inline {
            Inline::Text { text, style } => {
                let mut f = base(bold || style.bold());
                f.italics = style.italic();
                if style.strike() {
                    f.strikethrough = Stroke::new(1.0, color);
                }
                job.append(text, 0.0, f);
            }
            Inline::Code(code) => {
                let f = TextFormat {
                    font_id: FontId::monospace(size * 0.9),
                    color,
                    background: code_bg,
                    ..TextFormat::default()
                };
                job.append(code, 0.0, f);
            }
            Inline::Link(link) => {
                let mut f = base(bold);
                f.color = link_color;
                f.underline = Stroke::new(1.0, link_color);
                job.append(&link.text, 0.0, f);
                links.push((link.text.clone(), link.url.clone()));
            }
            Inline::WikiLink(link) => job.append(&link.label, 0.0, base(bold)),
            Inline::Image(image) => {
                let shown = if image.alt.trim().is_empty() {
                    &image.src
                } else {
                    &image.alt
                };
                let mut f = base(bold);
                f.italics = true;
                job.append(&format!("[{shown}]"), 0.0, f);
            }
            Inline::Embed(e) => {
                let mut f = base(bold);
                f.italics = true;
                job.append(&format!("[{}]", e.target.note), 0.0, f);
            }
            Inline::Tag(tag) => job.append(&format!("#{tag}"), 0.0, base(bold)),
            Inline::Math(math) => {
                let mut f = base(bold);
                f.italics = true;
                job.append(&math.text, 0.0, f);
            }
            Inline::SoftBreak => job.append(" ", 0.0, base(bold)),
            Inline::HardBreak => job.append("\n", 0.0, base(bold)),
        }
    }
    job
}
