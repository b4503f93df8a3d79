//! A practice or review session: the shown question (choices in a new order at every
//! showing), its check, the feedback with the explanation and the links to the notes, the
//! grade buttons, the keyboard (1–5 or A–E choose, Enter or Space check, 1–4 grade, → or
//! Enter go on), and at the end the questions missed with "retake the ones I missed".

use egui::{Key, Modifiers, RichText, Stroke, Ui};

use super::{GREEN, RED, domain_label, explanation_ui, question_ui, service_chips_ui};
use crate::i18n::Lang;
use crate::notes::index::Index;
use crate::quiz::Question;
use crate::quiz::command::QuizCommand;
use crate::quiz::scheduler::Grade;
use crate::quiz::session::Session;

const CHOICE_KEYS: [(Key, Key); 6] = [
    (Key::Num1, Key::A),
    (Key::Num2, Key::B),
    (Key::Num3, Key::C),
    (Key::Num4, Key::D),
    (Key::Num5, Key::E),
    (Key::Num6, Key::F),
];
const GRADE_KEYS: [(Key, Grade); 4] = [
    (Key::Num1, Grade::Again),
    (Key::Num2, Grade::Hard),
    (Key::Num3, Grade::Good),
    (Key::Num4, Grade::Easy),
];

/// The session's keys, read before anything is drawn (so a focused button does not also
/// act on Enter), and only when no text field has the keyboard. A key held down acts once:
/// its auto-repeat would check, then grade and skip the feedback.
fn keys(ui: &Ui, session: &Session, q: &Question, commands: &mut Vec<QuizCommand>) {
    if ui.ctx().text_edit_focused() {
        return;
    }
    ui.input_mut(|i| {
        let mut pressed = |key: Key| {
            let first_press = i.events.iter().any(|e| {
                matches!(e, egui::Event::Key { key: k, pressed: true, repeat: false, modifiers, .. }
                    if *k == key && modifiers.is_none())
            });
            // Consumed either way, so a repeat does not reach a focused button.
            i.consume_key(Modifiers::NONE, key) && first_press
        };
        match &session.checked {
            None => {
                for (k, (digit, letter)) in CHOICE_KEYS.iter().enumerate() {
                    if k < q.choices.len()
                        && (pressed(*digit) || pressed(*letter))
                        && let Some(choice) = session.choice_at(k)
                    {
                        commands.push(QuizCommand::ToggleChoice(choice));
                    }
                }
                if (pressed(Key::Enter) || pressed(Key::Space)) && !session.selected.is_empty() {
                    commands.push(QuizCommand::Check);
                }
            }
            Some(checked) => {
                for (key, grade) in GRADE_KEYS {
                    if pressed(key) {
                        commands.push(QuizCommand::Grade(grade));
                        return;
                    }
                }
                if pressed(Key::Enter) || pressed(Key::Space) || pressed(Key::ArrowRight) {
                    commands.push(QuizCommand::Grade(checked.auto_grade));
                }
            }
        }
    });
}

/// "3 of 10 right" ("3 bonnes réponses sur 10"), agreeing with `right`.
pub(super) fn score_line(lang: Lang, right: usize, total: usize) -> String {
    let s = lang.strings();
    crate::i18n::fill(
        lang.plural(right, s.score_one, s.score_many),
        &[("right", &right), ("total", &total)],
    )
}

/// The end of a session: the score, the questions missed, and what to do next.
fn summary_ui(
    ui: &mut Ui,
    session: &Session,
    questions: &[Question],
    lang: Lang,
    commands: &mut Vec<QuizCommand>,
) {
    let s = lang.strings();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.set_max_width(820.0);
            ui.add_space(20.0);
            ui.label(RichText::new(s.session_done).size(22.0).strong());
            ui.label(score_line(lang, session.right, session.done));
            ui.add_space(10.0);
            if session.missed.is_empty() {
                ui.label(RichText::new(s.no_misses).color(GREEN));
            } else {
                ui.label(RichText::new(s.session_missed).strong());
                for &qi in &session.missed {
                    if let Some(q) = questions.get(qi) {
                        ui.label(
                            RichText::new(format!("✘ {}", super::first_words(&q.prompt, 16)))
                                .color(RED),
                        );
                    }
                }
            }
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                if !session.missed.is_empty() && ui.button(s.retake_missed).clicked() {
                    commands.push(QuizCommand::RetakeMissed);
                }
                if ui.button(s.back_home).clicked() {
                    commands.push(QuizCommand::ShowHome);
                }
            });
        });
}

/// Draws `session` over `questions` (the room's list, which the session indexes).
/// `leech`: the shown question's card is a leech.
pub(super) fn session_ui(
    ui: &mut Ui,
    session: &Session,
    questions: &[Question],
    leech: bool,
    index: &Index,
    lang: Lang,
    commands: &mut Vec<QuizCommand>,
) {
    let s = lang.strings();
    let Some(qi) = session.current() else {
        summary_ui(ui, session, questions, lang, commands);
        return;
    };
    let Some(q) = questions.get(qi) else {
        commands.push(QuizCommand::ShowHome);
        return;
    };
    keys(ui, session, q, commands);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.set_max_width(820.0);
            ui.horizontal(|ui| {
                if ui.button(s.back_home).clicked() {
                    commands.push(QuizCommand::ShowHome);
                }
                ui.label(
                    RichText::new(format!(
                        "{} {}/{}",
                        s.question,
                        session.pos + 1,
                        session.queue.len()
                    ))
                    .strong(),
                );
            });
            // The services would give the answer away: they are shown with the feedback.
            if let Some(d) = q.domain {
                ui.label(RichText::new(domain_label(d, lang)).small().weak());
            }
            if leech {
                ui.label(
                    RichText::new(s.leech)
                        .small()
                        .color(ui.visuals().warn_fg_color),
                );
            }
            ui.add_space(6.0);
            let checked = session.checked.as_ref();
            if let Some(i) = question_ui(
                ui,
                q,
                &session.order,
                &session.selected,
                checked.is_some(),
                s,
            ) {
                commands.push(QuizCommand::ToggleChoice(i));
            }
            ui.add_space(8.0);
            match checked {
                None => {
                    if ui
                        .add_enabled(!session.selected.is_empty(), egui::Button::new(s.check))
                        .clicked()
                    {
                        commands.push(QuizCommand::Check);
                    }
                }
                Some(c) => {
                    let (text, color) = if c.correct {
                        (s.correct, GREEN)
                    } else {
                        (s.incorrect, RED)
                    };
                    ui.label(RichText::new(text).size(18.0).strong().color(color));
                    explanation_ui(ui, q, lang);
                    service_chips_ui(ui, index, q, lang, commands);
                    ui.add_space(6.0);
                    ui.label(RichText::new(s.how_well).weak());
                    ui.horizontal(|ui| {
                        for (g, label) in [
                            (Grade::Again, s.again),
                            (Grade::Hard, s.hard),
                            (Grade::Good, s.good),
                            (Grade::Easy, s.easy),
                        ] {
                            let mut b = egui::Button::new(label);
                            if g == c.auto_grade {
                                b = b.stroke(Stroke::new(2.0, ui.visuals().selection.stroke.color));
                            }
                            if ui.add(b).clicked() {
                                commands.push(QuizCommand::Grade(g));
                            }
                        }
                        ui.separator();
                        if ui.button(s.next).clicked() {
                            commands.push(QuizCommand::Grade(c.auto_grade));
                        }
                    });
                }
            }
            ui.add_space(10.0);
            ui.label(RichText::new(s.keyboard_hint).small().weak());
        });
}
