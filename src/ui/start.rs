//! The start page: what the app is for, the three rooms with one action each, today's
//! work (reviews due, days to the exam, weakest services), what the tier badges mean and
//! the keyboard shortcuts. The default room on a first start, and reachable from the top
//! bar every evening after.

use egui::{Color32, RichText, Ui, Vec2};

use crate::command::{Command, Room};
use crate::diagram::editor::DiagramCommand;
use crate::diagram::templates::Template;
use crate::frequency::Tier;
use crate::i18n::{Lang, Strings};
use crate::quiz::command::QuizCommand;
use crate::quiz::room::QuizRoom;
use crate::ui::widgets::tier_color;

/// What the start page shows, gathered by the app.
pub struct StartView<'a> {
    /// The most asked topic of the notes shown: (topic index, its title, its tier).
    pub top_topic: Option<(usize, &'a str, Tier)>,
    /// Topics of the notes shown, and how many of them have a tier.
    pub topics: (usize, usize),
    /// The Quiz room (due counts, countdown, statistics as of `prepare_start`).
    pub quiz: &'a QuizRoom,
    /// Weakest services with the topic that describes each, if any.
    pub weakest: Vec<(&'a str, usize, usize, Option<usize>)>,
}

/// Everything the start page can ask for.
#[derive(Default)]
pub struct StartCommands {
    /// App commands.
    pub app: Vec<Command>,
    /// Quiz room commands (applied after switching to it).
    pub quiz: Vec<QuizCommand>,
    /// Diagram room commands (applied after switching to it).
    pub diagram: Vec<DiagramCommand>,
}

/// Draws one room's card.
type RoomCard<'a> = dyn Fn(&mut Ui, &mut StartCommands) + 'a;

/// Draws the start page.
pub fn start_ui(ui: &mut Ui, view: &StartView<'_>, lang: Lang, out: &mut StartCommands) {
    let s = lang.strings();
    egui::ScrollArea::vertical()
        .id_salt("start_page")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let width = ui.available_width().min(980.0);
            let margin = ((ui.available_width() - width) / 2.0).max(0.0);
            ui.horizontal(|ui| {
                ui.add_space(margin);
                ui.vertical(|ui| {
                    ui.set_max_width(width);
                    page_ui(ui, view, s, lang, width, out);
                });
            });
        });
}

fn page_ui(
    ui: &mut Ui,
    view: &StartView<'_>,
    s: &'static Strings,
    lang: Lang,
    width: f32,
    out: &mut StartCommands,
) {
    ui.add_space(18.0);
    ui.label(RichText::new(s.start_title).size(28.0).strong());
    ui.add_space(4.0);
    for line in [s.start_line_1, s.start_line_2, s.start_line_3] {
        ui.label(RichText::new(line).size(15.0));
    }
    ui.add_space(14.0);
    today_ui(ui, view, s, lang, out);
    ui.add_space(14.0);
    // The three rooms side by side when there is room, one under the other otherwise.
    let columns = if width >= 760.0 { 3 } else { 1 };
    let rooms: [&RoomCard<'_>; 3] = [
        &|ui, out| notes_card_ui(ui, view, s, lang, out),
        &|ui, out| diagram_card_ui(ui, s, out),
        &|ui, out| quiz_card_ui(ui, view, s, out),
    ];
    if columns == 3 {
        ui.columns(3, |cols| {
            for (col, room) in cols.iter_mut().zip(rooms) {
                card(col, 130.0, |ui| room(ui, out));
            }
        });
    } else {
        for room in rooms {
            card(ui, 0.0, |ui| room(ui, out));
            ui.add_space(8.0);
        }
    }
    ui.add_space(14.0);
    card(ui, 0.0, |ui| tiers_ui(ui, view, s, lang));
    ui.add_space(14.0);
    card(ui, 0.0, |ui| {
        ui.label(RichText::new(s.shortcuts_title).size(17.0).strong());
        ui.add_space(4.0);
        crate::ui::settings::shortcut_table_ui(ui, "start_shortcuts", s);
    });
    ui.add_space(24.0);
}

/// A framed card as wide as its column, its text left-aligned (a justified column would
/// stretch the words of wrapped lines).
fn card(ui: &mut Ui, min_height: f32, add: impl FnOnce(&mut Ui)) {
    egui::Frame::group(ui.style())
        .inner_margin(egui::Margin::same(14))
        .corner_radius(egui::CornerRadius::same(8))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.set_min_height(min_height);
            ui.with_layout(egui::Layout::top_down(egui::Align::Min), add);
        });
}

/// Reviews due, the exam countdown, the weakest services.
fn today_ui(
    ui: &mut Ui,
    view: &StartView<'_>,
    s: &'static Strings,
    lang: Lang,
    out: &mut StartCommands,
) {
    card(ui, 0.0, |ui| {
        ui.label(RichText::new(s.start_today).size(17.0).strong());
        ui.add_space(4.0);
        let due = view.quiz.due_today();
        let later = view.quiz.due_later_today();
        ui.horizontal_wrapped(|ui| {
            if due > 0 {
                ui.label(
                    RichText::new(lang.count(due, s.review_due_one, s.review_due_many))
                        .size(16.0)
                        .strong(),
                );
                if ui.button(s.start_review_now).clicked() {
                    out.app.push(Command::SwitchRoom(Room::Quiz));
                    out.quiz.push(QuizCommand::StartReview);
                }
            } else {
                ui.label(RichText::new(s.start_nothing_due).size(16.0));
            }
            if later > 0 {
                ui.label(
                    RichText::new(format!("+ {later} {}", s.later_today))
                        .color(ui.visuals().weak_text_color()),
                );
            }
        });
        match view.quiz.countdown_shown() {
            Some(c) if c.days_left == 0 => {
                ui.label(RichText::new(s.exam_today).strong());
            }
            Some(c) => {
                let days = usize::try_from(c.days_left).unwrap_or(0);
                ui.label(lang.count(days, s.day_left, s.days_left));
            }
            None => {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(s.start_no_exam_date).weak());
                    if ui.link(s.start_set_exam_date).clicked() {
                        out.app.push(Command::ToggleSettings);
                    }
                });
            }
        }
        if view.weakest.is_empty() {
            ui.label(RichText::new(s.start_no_weakness).weak());
        } else {
            ui.add_space(4.0);
            ui.label(RichText::new(s.weakest).strong());
            ui.horizontal_wrapped(|ui| {
                for &(name, right, total, topic) in &view.weakest {
                    let text = format!("{name} {right}/{total}");
                    match topic {
                        Some(t) => {
                            if ui.link(text).on_hover_text(s.open_topic).clicked() {
                                out.app.push(Command::OpenTopic(t));
                            }
                        }
                        None => {
                            ui.label(text);
                        }
                    }
                    ui.add_space(8.0);
                }
            });
        }
    });
}

fn room_title(ui: &mut Ui, title: &str, what: &str) {
    ui.label(RichText::new(title).size(18.0).strong());
    ui.label(what);
    ui.add_space(8.0);
}

fn notes_card_ui(
    ui: &mut Ui,
    view: &StartView<'_>,
    s: &'static Strings,
    lang: Lang,
    out: &mut StartCommands,
) {
    room_title(ui, s.room_notes, s.start_notes_what);
    match view.top_topic {
        Some((topic, title, tier)) => {
            let button = egui::Button::new(RichText::new(s.start_open_top_topic).strong())
                .min_size(Vec2::new(0.0, 30.0));
            if ui.add(button).clicked() {
                out.app.push(Command::OpenTopic(topic));
            }
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(title).weak());
                badge(ui, lang.tier(tier), tier_color(tier));
            });
        }
        None => {
            if ui.button(s.room_notes).clicked() {
                out.app.push(Command::SwitchRoom(Room::Notes));
            }
        }
    }
}

fn diagram_card_ui(ui: &mut Ui, s: &'static Strings, out: &mut StartCommands) {
    room_title(ui, s.room_diagram, s.start_diagram_what);
    ui.menu_button(RichText::new(s.start_draw_template).strong(), |ui| {
        for t in Template::ALL {
            if ui.button(t.label(s)).clicked() {
                out.app.push(Command::SwitchRoom(Room::Diagram));
                out.diagram.push(DiagramCommand::Template(t));
                ui.close();
            }
        }
    });
}

fn quiz_card_ui(ui: &mut Ui, view: &StartView<'_>, s: &'static Strings, out: &mut StartCommands) {
    room_title(ui, s.room_quiz, s.start_quiz_what);
    let button = egui::Button::new(RichText::new(s.start_practice_session).strong())
        .min_size(Vec2::new(0.0, 30.0));
    if ui.add(button).clicked() {
        out.app.push(Command::SwitchRoom(Room::Quiz));
        out.quiz.push(QuizCommand::StartPractice);
    }
    let _ = view;
}

/// What the badges mean, with how many topics of these notes have one.
fn tiers_ui(ui: &mut Ui, view: &StartView<'_>, s: &'static Strings, lang: Lang) {
    ui.label(RichText::new(s.start_badges).size(17.0).strong());
    ui.label(RichText::new(s.start_badges_what).weak());
    ui.add_space(4.0);
    egui::Grid::new("start_tiers")
        .num_columns(2)
        .spacing([10.0, 4.0])
        .show(ui, |ui| {
            for tier in Tier::ALL {
                badge(ui, lang.tier(tier), tier_color(tier));
                ui.label(lang.tier_description(tier));
                ui.end_row();
            }
        });
    let (topics, with_tier) = view.topics;
    ui.add_space(4.0);
    ui.label(
        RichText::new(
            s.start_tier_coverage
                .replace("{n}", &with_tier.to_string())
                .replace("{total}", &topics.to_string()),
        )
        .weak(),
    );
}

fn badge(ui: &mut Ui, text: &str, fill: Color32) {
    egui::Frame::new()
        .fill(fill)
        .corner_radius(egui::CornerRadius::same(8))
        .inner_margin(egui::Margin::symmetric(7, 1))
        .show(ui, |ui| {
            ui.label(RichText::new(text).size(12.0).color(Color32::WHITE));
        });
}
