//! A practice or review session: the shown question, its check, the feedback with the
//! explanation and the links to the notes, and the grade buttons.

use egui::{RichText, Stroke, Ui};

use super::{GREEN, RED, domain_label, explanation_ui, question_ui, service_chips_ui};
use crate::i18n::Lang;
use crate::notes::index::Index;
use crate::quiz::Question;
use crate::quiz::command::QuizCommand;
use crate::quiz::scheduler::Grade;
use crate::quiz::session::Session;

/// Draws `session` over `questions` (the room's list, which the session indexes).
pub(super) fn session_ui(
    ui: &mut Ui,
    session: &Session,
    questions: &[Question],
    index: &Index,
    lang: Lang,
    commands: &mut Vec<QuizCommand>,
) {
    let s = lang.strings();
    let Some(qi) = session.current() else {
        ui.add_space(20.0);
        ui.label(RichText::new(s.session_done).size(22.0).strong());
        ui.label(format!(
            "{} / {} {}",
            session.right, session.done, s.score_line
        ));
        ui.add_space(10.0);
        if ui.button(s.back_home).clicked() {
            commands.push(QuizCommand::ShowHome);
        }
        return;
    };
    let Some(q) = questions.get(qi) else {
        commands.push(QuizCommand::ShowHome);
        return;
    };
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
            ui.add_space(6.0);
            let checked = session.checked.as_ref();
            if let Some(i) = question_ui(ui, q, &session.selected, checked.is_some(), s) {
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
                    explanation_ui(ui, q, s);
                    service_chips_ui(ui, index, q, s, commands);
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
        });
}
