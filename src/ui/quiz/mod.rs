//! The Quiz room's views: home (due reviews, practice filters, exam), practice and review
//! sessions with feedback and links to the notes, the simulated exam with its countdown
//! and result, statistics and the study plan, and the import window. One file per page.
//!
//! The views read a [`QuizRoom`] (or the part of it they draw) and push
//! [`QuizCommand`]s; the app applies them after the frame
//! ([`QuizRoom::apply`]) and does the file I/O. The room's logic and caches live in
//! [`crate::quiz::room`]; call [`QuizRoom::prepare`] before drawing.

mod exam;
mod home;
pub(crate) use home::{exam_date_ui, retention_ui};
mod import;
mod rich;
mod session;
mod stats;

use egui::{Color32, RichText, Stroke, Ui, Vec2};

use crate::i18n::{Lang, Strings};
use crate::notes::index::Index;
use crate::quiz::command::QuizCommand;
use crate::quiz::room::{QuizRoom, QuizView, topic_for_service};
use crate::quiz::{Choice, Domain, Question};
use crate::services;
use crate::ui::widgets::{icon_image, icon_ui};

/// Draws the Quiz room at `now` (Unix seconds); what the user asks for goes to `commands`.
pub fn quiz_ui(
    ui: &mut Ui,
    room: &mut QuizRoom,
    index: &Index,
    lang: Lang,
    now: i64,
    commands: &mut Vec<QuizCommand>,
) {
    let s = lang.strings();
    crate::ui::widgets::messages_ui(ui, &mut room.messages, s.dismiss);
    match &room.view {
        QuizView::Home => home::home_ui(ui, room, index, lang, commands),
        QuizView::Session(session) => {
            let leech = session
                .current()
                .and_then(|q| room.card_of(q))
                .is_some_and(crate::quiz::scheduler::is_leech);
            session::session_ui(ui, session, &room.questions, leech, index, lang, commands);
        }
        QuizView::Exam(exam) => exam::exam_ui(ui, exam, &room.questions, lang, now, commands),
        QuizView::ExamResult(..) => {
            exam::result_ui(ui, room, index, lang, commands);
        }
        QuizView::Stats => {
            stats::stats_ui(
                ui,
                room.stats(),
                &room.progress().exams,
                &room.questions,
                index,
                lang,
                commands,
            );
        }
        QuizView::Plan => stats::plan_ui(ui, room, index, lang, commands),
    }
    if let Some(state) = &mut room.import {
        import::import_ui(ui.ctx(), state, lang, commands);
    }
}

const GREEN: Color32 = Color32::from_rgb(0x1f, 0x8b, 0x4c);
const RED: Color32 = Color32::from_rgb(0xc6, 0x28, 0x28);

fn card_frame(ui: &Ui) -> egui::Frame {
    egui::Frame::new()
        .fill(ui.visuals().faint_bg_color)
        .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
        .corner_radius(8.0)
        .inner_margin(14.0)
}

fn domain_label(d: Domain, lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => d.label_fr(),
        Lang::En => d.label_en(),
    }
}

fn choice_letter(i: usize) -> char {
    char::from(b'A' + u8::try_from(i.min(25)).unwrap_or(0))
}

/// The question's domain and services, each service linking to its topic in the notes.
fn service_chips_ui(
    ui: &mut Ui,
    index: &Index,
    q: &Question,
    lang: Lang,
    commands: &mut Vec<QuizCommand>,
) {
    let s = lang.strings();
    let services = services::Catalog::bundled();
    ui.horizontal_wrapped(|ui| {
        if let Some(d) = q.domain {
            ui.label(RichText::new(domain_label(d, lang)).small().weak());
            ui.separator();
        }
        for service in &q.services {
            let icon = services.by_name(service).and_then(|id| services.icon(id));
            icon_ui(ui, icon, 16.0);
            match topic_for_service(index, service) {
                Some(topic) => {
                    if ui
                        .link(RichText::new(service).small())
                        .on_hover_text(s.open_in_notes)
                        .clicked()
                    {
                        commands.push(QuizCommand::OpenTopic(topic));
                    }
                }
                None => {
                    ui.label(RichText::new(service).small());
                }
            }
            ui.add_space(8.0);
        }
    });
}

/// Draws the prompt and the choices, in `order` (`order[k]` is the choice shown with the
/// letter A + k; empty: the bank's order); returns the choice clicked, if any.
fn question_ui(
    ui: &mut Ui,
    q: &Question,
    order: &[usize],
    selected: &[usize],
    feedback: bool,
    s: &Strings,
) -> Option<usize> {
    if let Some(icon) = q.prompt_icon.and_then(|i| icon_image(i, 72.0)) {
        ui.add(icon.alt_text("?"));
    }
    // Full-contrast text: the prompt is what the student reads most. Imported prompts
    // may hold Markdown (code, emphasis, an image line).
    let strong = ui.visuals().strong_text_color();
    rich::markdown_ui(ui, &q.prompt, 16.0, Some(strong));
    if let Some(p) = &q.prompt_diagram {
        // Once checked, the hidden services show, and what the question was about is
        // outlined.
        let (hidden, marked): (&[_], &[_]) = if feedback {
            (&[], &p.marked)
        } else {
            (&p.hidden, &[])
        };
        let label = if hidden.is_empty() {
            s.drill_diagram.to_owned()
        } else {
            format!("{} ({} {})", s.drill_diagram, hidden.len(), s.drill_hidden)
        };
        ui.add_space(6.0);
        // A click shows it at the full width of the page (and back).
        let large_id = egui::Id::unique("quiz_diagram_large");
        let large = ui.data(|d| d.get_temp::<bool>(large_id)).unwrap_or(false);
        let max_height = if large { f32::INFINITY } else { 420.0 };
        let response =
            crate::ui::diagram::preview_ui(ui, &p.diagram, hidden, marked, max_height, &label)
                .on_hover_text(if large {
                    s.drill_shrink
                } else {
                    s.drill_enlarge
                });
        if response.clicked() {
            ui.data_mut(|d| d.insert_temp(large_id, !large));
        }
    }
    if q.is_multiple() && !q.prompt.contains("(Choose") {
        ui.label(RichText::new(s.choose_two).italics().weak());
    }
    ui.add_space(8.0);
    let mut clicked = None;
    let identity: Vec<usize> = (0..q.choices.len()).collect();
    let order = if order.len() == q.choices.len() {
        order
    } else {
        &identity
    };
    for (k, &i) in order.iter().enumerate() {
        let Some(choice) = q.choices.get(i) else {
            continue;
        };
        let is_selected = selected.contains(&i);
        let is_answer = q.answers.contains(&i);
        let (fill, stroke) = if feedback && is_answer {
            (GREEN.gamma_multiply(0.25), Stroke::new(1.5, GREEN))
        } else if feedback && is_selected {
            (RED.gamma_multiply(0.25), Stroke::new(1.5, RED))
        } else if is_selected {
            (
                ui.visuals().selection.bg_fill.gamma_multiply(0.5),
                ui.visuals().selection.stroke,
            )
        } else {
            (
                ui.visuals().faint_bg_color,
                ui.visuals().widgets.inactive.bg_stroke,
            )
        };
        let letter = choice_letter(k);
        let button = match choice {
            Choice::Text(text) => {
                egui::Button::new(RichText::new(format!("{letter}.  {text}"))).wrap()
            }
            Choice::Icon(id) => match icon_image(*id, 48.0) {
                Some(img) => egui::Button::image_and_text(
                    img.alt_text(format!("{letter}")),
                    format!("{letter}"),
                ),
                None => egui::Button::new(format!("{letter}")),
            },
        };
        let response = ui.add(
            button
                .fill(fill)
                .stroke(stroke)
                .min_size(Vec2::new(ui.available_width(), 30.0)),
        );
        if response.clicked() && !feedback {
            clicked = Some(i);
        }
        // After answering, each option says why it is right or what it misses.
        if feedback && let Some(note) = q.notes.get(i).filter(|n| !n.trim().is_empty()) {
            let color = if is_answer {
                GREEN
            } else if is_selected {
                RED
            } else {
                ui.visuals().text_color()
            };
            // Indented as a block, so a wrapped note keeps its left edge.
            let mark = if is_answer { "✔" } else { "✘" };
            egui::Frame::new()
                .inner_margin(egui::Margin {
                    left: 22,
                    right: 0,
                    top: 0,
                    bottom: 2,
                })
                .show(ui, |ui| {
                    ui.label(RichText::new(format!("{mark} {note}")).color(color));
                });
        }
        ui.add_space(2.0);
    }
    clicked
}

/// The first `n` words of `text`, with an ellipsis when cut.
pub(super) fn first_words(text: &str, n: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().take(n + 1).collect();
    if words.len() > n {
        format!("{}…", words[..n].join(" "))
    } else {
        words.join(" ")
    }
}

fn explanation_ui(ui: &mut Ui, q: &Question, lang: Lang) {
    let s = lang.strings();
    card_frame(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(s.explanation).strong());
        rich::markdown_ui(ui, &q.explanation, 14.0, None);
        if let Some(fact) = &q.key_fact {
            ui.add_space(4.0);
            ui.label(RichText::new(format!("{} {fact}", s.key_fact)).strong());
        }
        if let Some(a) = &q.assumption {
            ui.add_space(4.0);
            ui.label(
                RichText::new(lang.labelled(s.assumption, a))
                    .italics()
                    .weak(),
            );
        }
    });
}

/// A scrollable page of the room with a "back to the quiz home" button, which pushes
/// [`QuizCommand::ShowHome`].
fn page_ui(
    ui: &mut Ui,
    s: &Strings,
    commands: &mut Vec<QuizCommand>,
    add_contents: impl FnOnce(&mut Ui, &mut Vec<QuizCommand>),
) {
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.set_max_width(860.0);
            if ui.button(s.back_home).clicked() {
                commands.push(QuizCommand::ShowHome);
            }
            add_contents(ui, commands);
        });
}

/// A labelled bar of right answers out of `total`, green from the pass mark, its numbers
/// beside it in the text colour (inside the bar they were hard to read on the fill).
fn bar_ui(ui: &mut Ui, label: &str, correct: usize, total: usize, label_width: f32) {
    ui.horizontal(|ui| {
        ui.allocate_ui_with_layout(
            Vec2::new(label_width, 18.0),
            egui::Layout::left_to_right(egui::Align::Center),
            |ui| {
                ui.set_min_width(label_width);
                ui.add(egui::Label::new(label).truncate());
            },
        );
        if total == 0 {
            ui.label(RichText::new("—").weak());
            return;
        }
        let r = crate::quiz::room::ratio(correct, total);
        ui.add(
            egui::ProgressBar::new(r)
                .desired_width(260.0)
                .desired_height(12.0)
                .fill(if r >= 0.72 {
                    GREEN
                } else {
                    Color32::from_rgb(0xc6, 0x6b, 0x28)
                }),
        );
        ui.label(format!("{correct}/{total} ({:.0} %)", r * 100.0));
    });
}
