//! The simulated exam (countdown, pause, question grid with its legend, flags, submit
//! confirmation) and its result (scaled score, unanswered questions apart, breakdown by
//! domain and service, the answers reviewed: all, wrong, flagged or unanswered).

const FLAG_COLOR: Color32 = Color32::from_rgb(0xe6, 0x5c, 0x00);

use egui::{Color32, RichText, Stroke, Ui, Vec2};

use super::session::score_line;
use super::{
    GREEN, RED, bar_ui, choice_letter, domain_label, explanation_ui, first_words, page_ui,
    question_ui, service_chips_ui,
};
use crate::i18n::{Lang, Strings};
use crate::notes::index::Index;
use crate::quiz::Question;
use crate::quiz::command::QuizCommand;
use crate::quiz::room::{QuizRoom, QuizView, ResultFilter};
use crate::quiz::session::Exam;

fn format_clock(secs: i64) -> String {
    format!("{}:{:02}:{:02}", secs / 3600, (secs / 60) % 60, secs % 60)
}

/// Draws the running `exam` at `now`; when the time is up, asks for it to be submitted.
pub(super) fn exam_ui(
    ui: &mut Ui,
    exam: &Exam,
    questions: &[Question],
    lang: Lang,
    now: i64,
    commands: &mut Vec<QuizCommand>,
) {
    let s = lang.strings();
    let remaining = exam.remaining_secs(now);
    if remaining == 0 {
        commands.push(QuizCommand::SubmitExam);
        return;
    }
    ui.ctx()
        .request_repaint_after(std::time::Duration::from_millis(500));
    let Some(q) = exam.questions.get(exam.pos).and_then(|i| questions.get(*i)) else {
        commands.push(QuizCommand::ShowHome);
        return;
    };
    let confirm_id = egui::Id::unique("exam_submit_confirm");
    egui::Panel::right("exam_nav")
        .default_size(230.0)
        .show(ui, |ui| {
            ui.add_space(6.0);
            ui.label(
                RichText::new(format!("{}  {}", s.time_left, format_clock(remaining)))
                    .size(18.0)
                    .strong(),
            );
            ui.horizontal(|ui| {
                ui.label(format!("{} {}", exam.unanswered(), s.unanswered));
                if ui.button(s.pause_exam).clicked() {
                    commands.push(QuizCommand::PauseExam);
                }
            });
            ui.add_space(6.0);
            ui.horizontal_wrapped(|ui| {
                ui.spacing_mut().item_spacing = Vec2::splat(3.0);
                for i in 0..exam.questions.len() {
                    let answered = exam.answers.get(i).is_some_and(Option::is_some);
                    let mut b = egui::Button::new(RichText::new(format!("{}", i + 1)).small())
                        .min_size(Vec2::new(30.0, 22.0));
                    if answered {
                        b = b.fill(ui.visuals().selection.bg_fill.gamma_multiply(0.6));
                    }
                    if exam.flagged.get(i).copied().unwrap_or(false) {
                        b = b.stroke(Stroke::new(2.0, FLAG_COLOR));
                    }
                    if i == exam.pos {
                        b = b.selected(true);
                    }
                    if ui.add(b).clicked() {
                        commands.push(QuizCommand::ExamGo(i));
                    }
                }
            });
            ui.add_space(6.0);
            legend_ui(ui, s);
            ui.add_space(10.0);
            if ui.button(s.submit).clicked() {
                ui.ctx().data_mut(|d| d.insert_temp(confirm_id, true));
            }
        });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.set_max_width(820.0);
                ui.label(
                    RichText::new(format!(
                        "{} {}/{}",
                        s.question,
                        exam.pos + 1,
                        exam.questions.len()
                    ))
                    .strong(),
                );
                ui.add_space(4.0);
                if let Some(i) = question_ui(ui, q, &[], exam.selected(), false, s) {
                    commands.push(QuizCommand::ExamToggle(i));
                }
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(exam.pos > 0, egui::Button::new(s.previous))
                        .clicked()
                    {
                        commands.push(QuizCommand::ExamGo(exam.pos.saturating_sub(1)));
                    }
                    if ui
                        .add_enabled(
                            exam.pos + 1 < exam.questions.len(),
                            egui::Button::new(s.next),
                        )
                        .clicked()
                    {
                        commands.push(QuizCommand::ExamGo(exam.pos + 1));
                    }
                    let flag = if exam.flagged.get(exam.pos).copied().unwrap_or(false) {
                        s.unflag
                    } else {
                        s.flag
                    };
                    if ui.button(flag).clicked() {
                        commands.push(QuizCommand::ExamToggleFlag);
                    }
                });
            });
    });
    if ui
        .ctx()
        .data(|d| d.get_temp::<bool>(confirm_id))
        .unwrap_or(false)
    {
        let mut submit = false;
        let modal = egui::Modal::new(confirm_id.with("modal")).show(ui.ctx(), |ui| {
            ui.label(RichText::new(s.submit_confirm).strong());
            ui.label(format!("{} {}", exam.unanswered(), s.unanswered));
            ui.horizontal(|ui| {
                if ui.button(s.submit).clicked() {
                    submit = true;
                }
                if ui.button(s.cancel).clicked() {
                    ui.ctx().data_mut(|d| d.insert_temp(confirm_id, false));
                }
            });
        });
        if modal.should_close() || submit {
            ui.ctx().data_mut(|d| d.insert_temp(confirm_id, false));
        }
        if submit {
            commands.push(QuizCommand::SubmitExam);
        }
    }
}

/// Draws the result of a finished exam.
pub(super) fn result_ui(
    ui: &mut Ui,
    room: &QuizRoom,
    index: &Index,
    lang: Lang,
    commands: &mut Vec<QuizCommand>,
) {
    let QuizView::ExamResult(exam, result) = &room.view else {
        return;
    };
    let (questions, filter) = (&room.questions, room.result_filter);
    let s = lang.strings();
    page_ui(ui, s, commands, |ui, commands| {
        ui.add_space(6.0);
        let (verdict, color) = if result.passed {
            (s.passed, GREEN)
        } else {
            (s.failed, RED)
        };
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(format!("{} / 1000", result.score))
                    .size(34.0)
                    .strong(),
            );
            ui.label(RichText::new(verdict).size(24.0).strong().color(color));
        });
        ui.label(score_line(lang, result.correct, result.total));
        if result.unanswered > 0 {
            ui.label(
                RichText::new(format!("{} {}", result.unanswered, s.unanswered))
                    .color(ui.visuals().warn_fg_color),
            );
        }
        ui.label(RichText::new(s.scaled_note).small().weak());
        ui.add_space(10.0);
        ui.label(RichText::new(s.by_domain).strong());
        for (d, c, t) in &result.by_domain {
            bar_ui(ui, domain_label(*d, lang), *c, *t, 240.0);
        }
        ui.add_space(10.0);
        ui.label(RichText::new(s.by_service).strong());
        for (name, c, t) in result.by_service.iter().take(12) {
            bar_ui(ui, name, *c, *t, 240.0);
        }
        ui.add_space(10.0);
        ui.label(RichText::new(s.review_answers).strong());
        ui.horizontal(|ui| {
            for (f, label) in [
                (ResultFilter::All, s.filter_all),
                (ResultFilter::Wrong, s.filter_wrong),
                (ResultFilter::Flagged, s.filter_flagged),
                (ResultFilter::Unanswered, s.filter_unanswered),
            ] {
                if ui.selectable_label(filter == f, label).clicked() && filter != f {
                    commands.push(QuizCommand::SetResultFilter(f));
                }
            }
        });
        ui.add_space(4.0);
        {
            for (n, (qi, answer)) in exam.questions.iter().zip(&exam.answers).enumerate() {
                let Some(q) = questions.get(*qi) else {
                    continue;
                };
                let right = answer.as_ref().is_some_and(|a| q.is_correct(a));
                let flagged = exam.flagged.get(n).copied().unwrap_or(false);
                let shown = match filter {
                    ResultFilter::All => true,
                    ResultFilter::Wrong => answer.is_some() && !right,
                    ResultFilter::Flagged => flagged,
                    ResultFilter::Unanswered => answer.is_none(),
                };
                if !shown {
                    continue;
                }
                let (mark, color) = match (answer, right) {
                    (None, _) => (s.filter_unanswered, ui.visuals().warn_fg_color),
                    (Some(_), true) => (s.correct, GREEN),
                    (Some(_), false) => (s.incorrect, RED),
                };
                let flag = if flagged { " ⚑" } else { "" };
                let title = RichText::new(format!(
                    "{}. {mark}{flag} — {}",
                    n + 1,
                    first_words(&q.prompt, 12)
                ))
                .color(color);
                egui::CollapsingHeader::new(title)
                    .id_salt(("review", n))
                    .show(ui, |ui| {
                        question_ui(ui, q, &[], answer.as_deref().unwrap_or(&[]), true, s);
                        let letters = |a: &[usize]| {
                            a.iter()
                                .map(|i| choice_letter(*i).to_string())
                                .collect::<Vec<_>>()
                                .join(", ")
                        };
                        let given = answer
                            .as_deref()
                            .map_or_else(|| s.no_answer.to_owned(), letters);
                        ui.label(format!(
                            "{}   ·   {}",
                            lang.labelled(s.your_answer, &given),
                            lang.labelled(s.right_answer, &letters(&q.answers))
                        ));
                        explanation_ui(ui, q, lang);
                        service_chips_ui(ui, index, q, lang, commands);
                    });
            }
        }
    });
}

/// What the colours of the question grid mean.
fn legend_ui(ui: &mut Ui, s: &Strings) {
    let swatch = |ui: &mut Ui, fill: Color32, stroke: Stroke, label: &str| {
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(Vec2::new(16.0, 12.0), egui::Sense::hover());
            ui.painter()
                .rect(rect, 2.0, fill, stroke, egui::StrokeKind::Inside);
            ui.label(RichText::new(label).small());
        });
    };
    let v = ui.visuals().clone();
    swatch(
        ui,
        v.selection.bg_fill.gamma_multiply(0.6),
        Stroke::NONE,
        s.legend_answered,
    );
    swatch(
        ui,
        v.widgets.inactive.weak_bg_fill,
        Stroke::NONE,
        s.legend_unanswered,
    );
    swatch(
        ui,
        v.widgets.inactive.weak_bg_fill,
        Stroke::new(2.0, FLAG_COLOR),
        s.legend_flagged,
    );
    swatch(
        ui,
        v.selection.bg_fill,
        v.selection.stroke,
        s.legend_current,
    );
}
