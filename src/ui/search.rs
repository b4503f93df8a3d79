//! The search palette (Ctrl+K / Ctrl+P): type, move with the arrows, Enter opens.

use egui::{Context, Key, RichText};

use crate::command::Command;
use crate::frequency::Tier;
use crate::i18n::Strings;
use crate::notes::index::Index;
use crate::notes::search::{Hit, HitKind, search};
use crate::ui::widgets::icon_ui;

/// Most title hits listed.
const LIMIT: usize = 30;

/// State of the open palette.
#[derive(Debug, Default)]
pub struct SearchState {
    /// The query.
    pub query: String,
    /// Selected row.
    pub selected: usize,
    /// Hits for `searched`.
    hits: Vec<Hit>,
    /// The query the hits are for.
    searched: Option<String>,
    focused: bool,
}

/// Draws the palette over the notes of `index` (`tiers`: each topic's effective tier, the
/// app's cache) and searches again only when the query changed; closes it (sets `palette`
/// to `None`) on Escape, a click outside, or after opening a hit.
pub fn search_palette_ui(
    ctx: &Context,
    palette: &mut Option<SearchState>,
    index: &Index,
    tiers: &[Option<Tier>],
    s: &Strings,
    commands: &mut Vec<Command>,
) {
    let Some(mut state) = palette.take() else {
        return;
    };
    if state.searched.as_deref() != Some(state.query.as_str()) {
        state.hits = search(index, &state.query, LIMIT, tiers);
        state.searched = Some(state.query.clone());
        state.selected = 0;
    }
    let (up, down, enter) = ctx.input_mut(|i| {
        (
            i.consume_key(egui::Modifiers::NONE, Key::ArrowUp),
            i.consume_key(egui::Modifiers::NONE, Key::ArrowDown),
            i.key_pressed(Key::Enter),
        )
    });
    if down && state.selected + 1 < state.hits.len() {
        state.selected += 1;
    }
    if up {
        state.selected = state.selected.saturating_sub(1);
    }
    let mut open = None;
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("search_palette")).show(ctx, |ui| {
        ui.set_width(560.0);
        ui.set_min_height(480.0);
        let label = ui.label(RichText::new(s.search).strong());
        let edit = ui
            .add(
                egui::TextEdit::singleline(&mut state.query)
                    .hint_text(s.search_hint)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        if !state.focused {
            edit.request_focus();
            state.focused = true;
        }
        if enter {
            open = state.hits.get(state.selected).cloned();
        }
        ui.add_space(4.0);
        egui::ScrollArea::vertical()
            .max_height(420.0)
            .show(ui, |ui| {
                if state.hits.is_empty() && !state.query.trim().is_empty() {
                    ui.label(RichText::new(s.search_no_results).weak());
                }
                let mut text_header = false;
                for (i, hit) in state.hits.iter().enumerate() {
                    if matches!(hit.kind, HitKind::Text { .. }) && !text_header {
                        text_header = true;
                        ui.separator();
                        ui.label(RichText::new(s.search_in_text).weak());
                    }
                    let response = hit_row_ui(ui, index, hit, i == state.selected);
                    if i == state.selected && (up || down) {
                        response.scroll_to_me(None);
                    }
                    if response.clicked() {
                        open = Some(hit.clone());
                    }
                }
            });
    });
    if let Some(hit) = open {
        commands.push(Command::Navigate(hit.location));
        close = true;
    }
    if close || modal.should_close() {
        return;
    }
    *palette = Some(state);
}

fn hit_row_ui(ui: &mut egui::Ui, index: &Index, hit: &Hit, selected: bool) -> egui::Response {
    let note = &index.notes[hit.location.note];
    ui.horizontal(|ui| {
        let (icon, text): (_, egui::WidgetText) = match &hit.kind {
            HitKind::Note => (
                index
                    .note_topic(hit.location.note)
                    .and_then(|t| index.topics[t].icon),
                RichText::new(&note.title).strong().into(),
            ),
            HitKind::Topic(t) => {
                let topic = &index.topics[*t];
                (
                    topic.icon,
                    RichText::new(format!("{}  ·  {}", topic.title, note.title)).into(),
                )
            }
            // The line in plain text, the words that matched highlighted.
            HitKind::Text {
                line,
                snippet,
                matched,
            } => (
                None,
                snippet_job(ui, snippet, matched, &format!("  ·  {}:{line}", note.title)).into(),
            ),
        };
        icon_ui(ui, icon, 18.0);
        ui.add(egui::Button::selectable(selected, text).truncate())
    })
    .inner
}

/// A snippet with its `matched` byte range highlighted, then `tail` (the note and line).
fn snippet_job(
    ui: &egui::Ui,
    snippet: &str,
    matched: &std::ops::Range<usize>,
    tail: &str,
) -> egui::text::LayoutJob {
    use egui::text::{LayoutJob, TextFormat};
    let font = egui::TextStyle::Body.resolve(ui.style());
    let v = ui.visuals();
    let normal = TextFormat {
        font_id: font.clone(),
        color: v.text_color(),
        ..TextFormat::default()
    };
    let highlight = TextFormat {
        font_id: font.clone(),
        color: v.strong_text_color(),
        background: v.selection.bg_fill.gamma_multiply(0.6),
        ..TextFormat::default()
    };
    let weak = TextFormat {
        font_id: font,
        color: v.weak_text_color(),
        ..TextFormat::default()
    };
    let mut job = LayoutJob::default();
    let range = matched.start.min(snippet.len())..matched.end.min(snippet.len());
    match (
        snippet.get(..range.start),
        snippet.get(range.clone()),
        snippet.get(range.end..),
    ) {
        (Some(before), Some(hit), Some(after)) => {
            job.append(before, 0.0, normal.clone());
            job.append(hit, 0.0, highlight);
            job.append(after, 0.0, normal);
        }
        // A range that does not fall on characters (it never should): the plain line.
        _ => job.append(snippet, 0.0, normal),
    }
    job.append(tail, 0.0, weak);
    job
}
