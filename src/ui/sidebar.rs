//! The sidebar: notes and their topics (AWS icon, title, frequency badge), filtered by
//! "this tier or more asked" and listed note by note or most-asked tier first. A note is
//! a topic too: it has its own icon and badge, and a note without headings is a plain
//! row with no expand arrow.

use egui::{RichText, Ui};

use crate::command::{Command, SortMode, TierFilter};
use crate::frequency::Tier;
use crate::i18n::{Lang, Strings};
use crate::notes::index::{Index, Location, TierOrigin};
use crate::ui::widgets::{icon_ui, tier_badge_ui, tier_color, tier_filter_ui, tier_menu_ui};

/// Size of topic icons in the sidebar, in points.
const ICON_SIZE: f32 = 18.0;

/// What the sidebar keeps between frames: how it lists and filters topics.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SidebarState {
    /// Note by note, or most asked tier first.
    pub sort: SortMode,
    /// Which topics are listed.
    pub filter: TierFilter,
}

/// What the Notes views (sidebar, search palette) read: the index, the tiers the app
/// cached for it, and where the user is.
#[derive(Clone, Copy, Debug)]
pub struct NotesView<'a> {
    /// The notes.
    pub index: &'a Index,
    /// Each topic's effective tier and its origin, in [`Index::topics`] order (the app's
    /// cache, computed when the index or the overrides change).
    pub tiers: &'a [Option<(Tier, TierOrigin)>],
    /// The vault's folders in natural order (`2.` before `10.`), each listed once.
    pub tree: &'a crate::notes::tree::Folder,
    /// Where the user is.
    pub current: Option<Location>,
    /// The place changed: open and scroll the sidebar to it this frame.
    pub reveal: bool,
    /// Out: while revealing, the place's row was drawn whole in view (the app stops
    /// revealing then).
    pub revealed: &'a std::cell::Cell<bool>,
}

impl NotesView<'_> {
    /// Whether topic `t` is where the user is: its note or heading, or a place inside it
    /// (a search hit or a block link opens a line of the topic, perhaps under a `####`
    /// heading that is no topic: still the topic's row).
    #[must_use]
    pub fn is_current(&self, t: usize) -> bool {
        let Some(topic) = self.index.topics.get(t) else {
            return false;
        };
        self.current.is_some_and(|c| {
            c.note == topic.note && self.index.topic_heading_of(c.note, c.heading) == topic.heading
        })
    }

    /// The effective tier of a topic and where it came from.
    #[must_use]
    pub fn origin(&self, topic: usize) -> Option<(Tier, TierOrigin)> {
        self.tiers.get(topic).copied().flatten()
    }

    /// The effective tier of a topic.
    #[must_use]
    pub fn tier(&self, topic: usize) -> Option<Tier> {
        self.origin(topic).map(|(t, _)| t)
    }
}

/// Draws the sidebar.
pub fn sidebar_ui(
    ui: &mut Ui,
    state: &mut SidebarState,
    view: &NotesView<'_>,
    s: &Strings,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        let label = ui.label(s.filter);
        tier_filter_ui(ui, "tier_filter", &mut state.filter, None, lang, s).labelled_by(label.id);
    });
    ui.horizontal(|ui| {
        ui.selectable_value(&mut state.sort, SortMode::ByNote, s.sort_by_note);
        ui.selectable_value(&mut state.sort, SortMode::ByTier, s.sort_by_tier);
    });
    ui.separator();
    let filter = state.filter;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| match state.sort {
            SortMode::ByNote => by_note_ui(ui, view, filter, s, lang, commands),
            SortMode::ByTier => by_tier_ui(ui, view, filter, s, lang, commands),
        });
}

fn by_note_ui(
    ui: &mut Ui,
    app: &NotesView<'_>,
    filter: TierFilter,
    s: &Strings,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    folder_ui(ui, app, app.tree, filter, s, lang, commands);
    // Counted over every note: a collapsed folder draws nothing but may hold matches
    // (without a filter, every note matches: no scan each frame).
    let any = filter == TierFilter::All && !app.index.notes.is_empty()
        || (0..app.index.notes.len()).any(|n| {
            let note_topic = app.index.note_topic(n);
            app.index.notes[n]
                .topics
                .iter()
                .chain(note_topic.iter())
                .any(|t| filter.accepts(app.tier(*t)))
        });
    if !any {
        ui.label(RichText::new(s.no_match).weak());
    }
}

/// A folder's subfolders (each collapsible, listed once, open while it holds the open
/// note) then its notes, in natural order. Returns how many notes were drawn.
fn folder_ui(
    ui: &mut Ui,
    app: &NotesView<'_>,
    folder: &crate::notes::tree::Folder,
    filter: TierFilter,
    s: &Strings,
    lang: Lang,
    commands: &mut Vec<Command>,
) -> usize {
    let mut shown = 0;
    let current_path = app
        .current
        .and_then(|l| app.index.notes.get(l.note))
        .map(|n| n.path.as_str());
    for sub in &folder.folders {
        let holds_current = current_path.is_some_and(|p| p.starts_with(&format!("{}/", sub.path)));
        let mut inner = 0;
        // The whole header toggles (a folder has no page of its own to open).
        egui::CollapsingHeader::new(RichText::new(format!("📁 {}", sub.name)).strong())
            .id_salt(("folder", &sub.path))
            .default_open(holds_current || filter != TierFilter::All)
            .open((holds_current && app.reveal).then_some(true))
            .show(ui, |ui| {
                inner = folder_ui(ui, app, sub, filter, s, lang, commands);
            });
        shown += inner;
    }
    for &n in &folder.notes {
        if note_row_ui(ui, app, n, filter, s, lang, commands) {
            shown += 1;
        }
    }
    shown
}

/// One note of the sidebar with its topics; `false` if the filter hides it.
fn note_row_ui(
    ui: &mut Ui,
    app: &NotesView<'_>,
    n: usize,
    filter: TierFilter,
    s: &Strings,
    lang: Lang,
    commands: &mut Vec<Command>,
) -> bool {
    let index = app.index;
    let Some(note) = index.notes.get(n) else {
        return false;
    };
    let note_topic = index.note_topic(n);
    let accepted = |t: &usize| filter.accepts(app.tier(*t));
    let topics: Vec<usize> = note
        .topics
        .iter()
        .copied()
        .filter(|&t| Some(t) != note_topic)
        .filter(accepted)
        .collect();
    if topics.is_empty() && !note_topic.as_ref().is_some_and(accepted) {
        return false;
    }
    let is_current = app.current.is_some_and(|l| l.note == n);
    let has_headings = note.topics.iter().any(|&t| Some(t) != note_topic);
    if !has_headings {
        // No expand arrow, but the same room for it, so titles line up.
        if let Some(t) = note_topic {
            ui.horizontal(|ui| {
                ui.add_space(ui.spacing().icon_width);
                topic_row_ui(ui, app, t, false, s, lang, commands);
            });
        }
        return true;
    }
    let id = ui.make_persistent_id(("note", &note.path));
    let mut state =
        egui::collapsing_header::CollapsingState::load_with_default_open(ui.ctx(), id, is_current);
    if is_current && app.reveal {
        state.set_open(true);
    }
    state
        .show_header(ui, |ui| {
            if let Some(t) = note_topic {
                topic_row_ui(ui, app, t, false, s, lang, commands);
            }
        })
        .body(|ui| {
            // A note of thousands of headings: rows out of view only take their room.
            let row = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
            for t in topics {
                let next = egui::Rect::from_min_size(
                    ui.cursor().min,
                    egui::vec2(ui.available_width(), row),
                );
                // The row to reveal is drawn wherever it is, so that it can scroll to itself.
                if ui.is_rect_visible(next) || (app.reveal && app.is_current(t)) {
                    topic_row_ui(ui, app, t, false, s, lang, commands);
                } else {
                    ui.add_space(row);
                }
            }
        });
    true
}

fn by_tier_ui(
    ui: &mut Ui,
    app: &NotesView<'_>,
    filter: TierFilter,
    s: &Strings,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    // One pass over the cached tiers: a bucket per tier, then the untagged ones.
    let mut buckets: Vec<Vec<usize>> = vec![Vec::new(); Tier::ALL.len() + 1];
    for t in 0..app.index.topics.len() {
        let tier = app.tier(t);
        if filter.accepts(tier) {
            let bucket = tier
                .and_then(|x| Tier::ALL.iter().position(|&a| a == x))
                .unwrap_or(Tier::ALL.len());
            buckets[bucket].push(t);
        }
    }
    let groups = Tier::ALL.iter().copied().map(Some).chain([None]);
    let mut shown_any = false;
    for (group, topics) in groups.zip(buckets) {
        if topics.is_empty() {
            continue;
        }
        shown_any = true;
        let title = match group {
            Some(t) => RichText::new(format!("{} ({})", lang.tier(t), topics.len()))
                .color(tier_color(t))
                .strong(),
            None => RichText::new(format!("{} ({})", s.untagged, topics.len())).strong(),
        };
        egui::CollapsingHeader::new(title)
            .id_salt(("tier_group", group.map(Tier::key)))
            .default_open(group.is_some())
            .show(ui, |ui| {
                for t in topics {
                    topic_row_ui(ui, app, t, true, s, lang, commands);
                }
            });
    }
    if !shown_any {
        ui.label(RichText::new(s.no_match).weak());
    }
}

fn topic_row_ui(
    ui: &mut Ui,
    app: &NotesView<'_>,
    t: usize,
    show_note: bool,
    s: &Strings,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    let index = app.index;
    let topic = &index.topics[t];
    let loc = Location {
        note: topic.note,
        heading: topic.heading,
        block: None,
    };
    let selected = app.is_current(t);
    ui.horizontal(|ui| {
        if !show_note {
            ui.add_space(f32::from(topic.level.saturating_sub(1)) * 10.0);
        }
        icon_ui(ui, topic.icon, ICON_SIZE);
        let tier = app.origin(t);
        // The badge goes on the right; the title takes what is left and is cut if needed.
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if tier.is_some() {
                ui.push_id(t, |ui| {
                    tier_badge_ui(ui, tier, Some(&topic.key), index, lang, s, true, commands);
                });
            }
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                let mut text = RichText::new(&*topic.title);
                if topic.level <= 1 {
                    text = text.strong();
                }
                // The hover text is built only when shown, not for every row each frame.
                let response = ui
                    .add(egui::Button::selectable(selected, text).truncate())
                    .on_hover_ui(|ui| {
                        let note = &index.notes[topic.note];
                        let hover = if topic.heading.is_none() {
                            note.path.clone()
                        } else if show_note {
                            format!("{} — {}", topic.title, note.title)
                        } else {
                            topic.title.to_string()
                        };
                        ui.label(hover);
                    });
                if selected && app.reveal {
                    if ui.clip_rect().contains_rect(response.rect) {
                        app.revealed.set(true);
                    } else {
                        response.scroll_to_me(None);
                    }
                }
                response.context_menu(|ui| tier_menu_ui(ui, tier, &topic.key, lang, s, commands));
                if response.clicked() {
                    commands.push(Command::Navigate(loc));
                }
            });
        });
    });
}
