//! The sidebar: notes and their topics (AWS icon, title, frequency badge), filtered by
//! "this tier or more asked" and listed note by note or most-asked tier first. A note is
//! a topic too: it has its own icon and badge, and a note without headings is a plain
//! row with no expand arrow.

use egui::{RichText, Ui};

use crate::app::AwsStudyApp;
use crate::command::{Command, SortMode, TierFilter};
use crate::frequency::Tier;
use crate::i18n::{Lang, Strings};
use crate::notes::index::Location;
use crate::ui::widgets::{icon_ui, tier_badge_ui, tier_color, tier_menu_ui};

/// Size of topic icons in the sidebar, in points.
const ICON_SIZE: f32 = 18.0;

/// Draws the sidebar.
pub fn sidebar_ui(
    ui: &mut Ui,
    app: &mut AwsStudyApp,
    s: &Strings,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        let label = ui.label(s.filter);
        let current = filter_label(app.filter, lang, s);
        let combo = egui::ComboBox::from_id_salt("tier_filter")
            .selected_text(current)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut app.filter, TierFilter::All, s.all_tiers);
                for t in Tier::ALL {
                    ui.selectable_value(
                        &mut app.filter,
                        TierFilter::AtLeast(t),
                        RichText::new(at_least_label(t, lang, s)).color(tier_color(t)),
                    );
                }
                ui.selectable_value(&mut app.filter, TierFilter::Untagged, s.untagged);
            });
        combo.response.labelled_by(label.id);
    });
    ui.horizontal(|ui| {
        ui.selectable_value(&mut app.sort, SortMode::ByNote, s.sort_by_note);
        ui.selectable_value(&mut app.sort, SortMode::ByTier, s.sort_by_tier);
    });
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| match app.sort {
            SortMode::ByNote => by_note_ui(ui, app, s, lang, commands),
            SortMode::ByTier => by_tier_ui(ui, app, s, lang, commands),
        });
}

fn filter_label(filter: TierFilter, lang: Lang, s: &Strings) -> String {
    match filter {
        TierFilter::All => s.all_tiers.to_owned(),
        TierFilter::AtLeast(t) => at_least_label(t, lang, s),
        TierFilter::Untagged => s.untagged.to_owned(),
    }
}

/// "fréquent ou plus" / "frequent or more"; the least asked tier takes in every tier.
fn at_least_label(t: Tier, lang: Lang, s: &Strings) -> String {
    if t == Tier::TresFrequent {
        lang.tier(t).to_owned()
    } else {
        format!("{} {}", lang.tier(t), s.tier_or_more)
    }
}

fn by_note_ui(
    ui: &mut Ui,
    app: &AwsStudyApp,
    s: &Strings,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    let index = app.index();
    let current = app.current();
    let mut shown_any = false;
    let mut last_folder = None;
    for (n, note) in index.notes.iter().enumerate() {
        let note_topic = index.note_topic(n);
        let accepted = |t: &usize| app.filter.accepts(app.topic_tier(*t));
        let topics: Vec<usize> = note
            .topics
            .iter()
            .copied()
            .filter(|&t| Some(t) != note_topic)
            .filter(accepted)
            .collect();
        if topics.is_empty() && !note_topic.as_ref().is_some_and(accepted) {
            continue;
        }
        shown_any = true;
        // Notes are sorted by path: show each folder's name once, above its notes.
        let folder = note.path.rsplit_once('/').map(|(dir, _)| dir);
        if folder != last_folder {
            // A root note after a folder's notes gets the root's label, "/".
            let label = folder.map_or_else(|| "/".to_owned(), |f| format!("{f}/"));
            if folder.is_some() || last_folder.is_some() {
                ui.add_space(4.0);
                ui.label(RichText::new(label).small().weak());
            }
            last_folder = folder;
        }
        let is_current = current.is_some_and(|l| l.note == n);
        let has_headings = note.topics.iter().any(|&t| Some(t) != note_topic);
        if !has_headings {
            // No expand arrow, but the same room for it, so titles line up.
            if let Some(t) = note_topic {
                ui.horizontal(|ui| {
                    ui.add_space(ui.spacing().icon_width);
                    topic_row_ui(ui, app, t, false, s, lang, commands);
                });
            }
            continue;
        }
        let id = ui.make_persistent_id(("note", &note.path));
        let mut state = egui::collapsing_header::CollapsingState::load_with_default_open(
            ui.ctx(),
            id,
            is_current,
        );
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
                for t in topics {
                    topic_row_ui(ui, app, t, false, s, lang, commands);
                }
            });
    }
    if !shown_any {
        ui.label(RichText::new(s.no_match).weak());
    }
}

fn by_tier_ui(
    ui: &mut Ui,
    app: &AwsStudyApp,
    s: &Strings,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    let index = app.index();
    let groups: Vec<Option<Tier>> = Tier::ALL.iter().copied().map(Some).chain([None]).collect();
    let mut shown_any = false;
    for group in groups {
        if !app.filter.accepts(group) {
            continue;
        }
        let topics: Vec<usize> = (0..index.topics.len())
            .filter(|&t| app.topic_tier(t) == group)
            .collect();
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
    app: &AwsStudyApp,
    t: usize,
    show_note: bool,
    s: &Strings,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    let index = app.index();
    let topic = &index.topics[t];
    let loc = Location {
        note: topic.note,
        heading: topic.heading,
    };
    let selected = app.current() == Some(loc);
    ui.horizontal(|ui| {
        if !show_note {
            ui.add_space(f32::from(topic.level.saturating_sub(1)) * 10.0);
        }
        icon_ui(ui, topic.icon, ICON_SIZE);
        let tier = app.topic_tier_origin(t);
        // The badge goes on the right; the title takes what is left and is cut if needed.
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if tier.is_some() {
                ui.push_id(t, |ui| {
                    tier_badge_ui(ui, tier, Some(&topic.key), index, lang, s, true, commands);
                });
            }
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                let mut text = RichText::new(&topic.title);
                if topic.level <= 1 {
                    text = text.strong();
                }
                let mut hover = if topic.heading.is_none() {
                    index.notes[topic.note].path.clone()
                } else {
                    topic.title.clone()
                };
                if show_note && topic.heading.is_some() {
                    hover = format!("{} — {}", topic.title, index.notes[topic.note].title);
                }
                let response = ui
                    .add(egui::Button::selectable(selected, text).truncate())
                    .on_hover_text(hover);
                if selected && app.reveal {
                    response.scroll_to_me(None);
                }
                response.context_menu(|ui| tier_menu_ui(ui, tier, &topic.key, lang, s, commands));
                if response.clicked() {
                    commands.push(Command::Navigate(loc));
                }
            });
        });
    });
}
