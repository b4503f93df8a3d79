//! The quiz home: reviews due now (and later today), the session or exam left unfinished,
//! the practice filters and how many questions they select, the exam, the review schedule
//! (exam date with its countdown and forecast, desired retention, imported questions in
//! exams), and the ways to the statistics, the plan and the import window.

use egui::{Align, Layout, RichText, Ui};

use super::{card_frame, domain_label};
use crate::i18n::Lang;
use crate::notes::index::Index;
use crate::quiz::Domain;
use crate::quiz::command::QuizCommand;
use crate::quiz::room::{PracticeFilter, QuizRoom};
use crate::ui::widgets::tier_filter_ui;

/// Draws the home from the room's cached counts ([`QuizRoom::prepare`]).
pub(super) fn home_ui(
    ui: &mut Ui,
    room: &QuizRoom,
    index: &Index,
    lang: Lang,
    commands: &mut Vec<QuizCommand>,
) {
    let s = lang.strings();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.set_max_width(820.0);
            ui.add_space(8.0);
            let due = room.due_today();
            let later = room.due_later_today();
            resume_ui(ui, room, lang, commands);
            card_frame(ui).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    ui.label(RichText::new(format!("{due}")).size(34.0).strong());
                    ui.vertical(|ui| {
                        ui.label(RichText::new(s.due_today).strong());
                        if later > 0 {
                            ui.label(RichText::new(format!("+ {later} {}", s.later_today)).weak());
                        } else if due == 0 {
                            ui.label(RichText::new(s.nothing_due).weak());
                        }
                    });
                    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                        if ui
                            .add_enabled(due > 0, egui::Button::new(s.review_due))
                            .clicked()
                        {
                            commands.push(QuizCommand::StartReview);
                        }
                    });
                });
            });
            ui.add_space(10.0);
            card_frame(ui).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new(s.practice).size(18.0).strong());
                ui.label(RichText::new(s.practice_hint).weak());
                ui.add_space(6.0);
                let mut filter = room.filter.clone();
                practice_filters_ui(ui, &mut filter, room.services_with_topics(), index, lang);
                if filter != room.filter {
                    commands.push(QuizCommand::SetFilter(filter));
                }
                let n = room.matching_ids().len();
                ui.add_space(6.0);
                ui.horizontal(|ui| {
                    ui.label(lang.count(n, s.matching_question, s.matching_questions));
                    if ui
                        .add_enabled(n > 0, egui::Button::new(s.start_practice))
                        .clicked()
                    {
                        commands.push(QuizCommand::StartPractice);
                    }
                });
            });
            ui.add_space(10.0);
            drills_ui(ui, room, lang, commands);
            ui.add_space(10.0);
            card_frame(ui).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new(s.exam).size(18.0).strong());
                ui.label(RichText::new(s.exam_hint).weak());
                ui.add_space(6.0);
                // A paused exam is resumed or abandoned first: starting another one would
                // throw it away with one click.
                let paused = room.paused_exam.is_some();
                let start = ui
                    .add_enabled(
                        room.bank_count > 0 && !paused,
                        egui::Button::new(s.start_exam),
                    )
                    .on_disabled_hover_text(s.exam_paused);
                if start.clicked() {
                    commands.push(QuizCommand::StartExam);
                }
            });
            ui.add_space(10.0);
            schedule_ui(ui, room, lang, commands);
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                if ui.button(s.statistics).clicked() {
                    commands.push(QuizCommand::ShowStats);
                }
                if ui.button(s.study_plan).clicked() {
                    commands.push(QuizCommand::ShowPlan);
                }
                if ui.button(s.import_questions).clicked() {
                    commands.push(QuizCommand::OpenImport);
                }
            });
        });
}

/// The diagram drills: how many, from how many diagrams, of each kind, and the way in.
fn drills_ui(ui: &mut Ui, room: &QuizRoom, lang: Lang, commands: &mut Vec<QuizCommand>) {
    let s = lang.strings();
    let summary = room.drill_summary();
    let total: usize = summary.by_kind.iter().sum();
    card_frame(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(s.drills).size(18.0).strong());
        ui.label(RichText::new(s.drills_hint).weak());
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            ui.label(format!(
                "{total} {} {} {}",
                s.drills_available, summary.diagrams, s.drills_diagrams
            ));
            if ui
                .add_enabled(total > 0, egui::Button::new(s.start_drills))
                .clicked()
            {
                commands.push(QuizCommand::StartDrills);
            }
        });
        let [service, fault, fix] = summary.by_kind;
        ui.label(
            RichText::new(format!(
                "{} {service} · {} {fault} · {} {fix}",
                s.drill_kind_service, s.drill_kind_fault, s.drill_kind_fix
            ))
            .small()
            .weak(),
        );
    });
}

/// The filter combos, editing a copy of the filters (the caller compares).
fn practice_filters_ui(
    ui: &mut Ui,
    f: &mut PracticeFilter,
    services: &[String],
    index: &Index,
    lang: Lang,
) {
    let s = lang.strings();
    egui::Grid::new("practice_filters")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            let label = ui.label(s.domain);
            let current = f.domain.map_or(s.all_domains, |d| domain_label(d, lang));
            egui::ComboBox::from_id_salt("filter_domain")
                .selected_text(current)
                .width(260.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut f.domain, None, s.all_domains);
                    for d in Domain::ALL {
                        ui.selectable_value(&mut f.domain, Some(d), domain_label(d, lang));
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();

            let label = ui.label(s.filter);
            tier_filter_ui(ui, "filter_tier", &mut f.tier, Some(260.0), lang, s)
                .labelled_by(label.id);
            ui.end_row();

            let label = ui.label(s.service);
            egui::ComboBox::from_id_salt("filter_service")
                .selected_text(f.service.as_deref().unwrap_or(s.all_services))
                .width(260.0)
                .height(400.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut f.service, None, s.all_services);
                    for name in services {
                        ui.selectable_value(&mut f.service, Some(name.clone()), name);
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();

            let label = ui.label(s.note);
            let current = f
                .note
                .and_then(|n| index.notes.get(n))
                .map_or(s.all_notes, |n| n.title.as_str());
            egui::ComboBox::from_id_salt("filter_note")
                .selected_text(current)
                .width(260.0)
                .height(400.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut f.note, None, s.all_notes);
                    for (n, note) in index.notes.iter().enumerate().take(500) {
                        ui.selectable_value(&mut f.note, Some(n), &note.title);
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();
        });
    ui.checkbox(&mut f.generated, s.include_generated);
}

/// The session left unfinished and the paused exam, each with its way back.
fn resume_ui(ui: &mut Ui, room: &QuizRoom, lang: Lang, commands: &mut Vec<QuizCommand>) {
    let s = lang.strings();
    if let Some(exam) = &room.paused_exam {
        card_frame(ui).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(RichText::new(s.exam_paused).size(18.0).strong());
                let left = exam.remaining_secs(0);
                ui.label(format!(
                    "{} {}:{:02}:{:02} · {} {}",
                    s.time_left,
                    left / 3600,
                    (left / 60) % 60,
                    left % 60,
                    exam.unanswered(),
                    s.unanswered
                ));
                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                    // Abandoning asks once more: the answers are lost.
                    let confirm = egui::Id::unique("quiz_abandon_confirm");
                    let asking = ui.data(|d| d.get_temp::<bool>(confirm)).unwrap_or(false);
                    if asking {
                        if ui.button(s.cancel).clicked() {
                            ui.data_mut(|d| d.insert_temp(confirm, false));
                        }
                        if ui
                            .button(
                                RichText::new(s.abandon_confirm).color(ui.visuals().warn_fg_color),
                            )
                            .clicked()
                        {
                            ui.data_mut(|d| d.insert_temp(confirm, false));
                            commands.push(QuizCommand::AbandonExam);
                        }
                    } else if ui.button(s.abandon_exam).clicked() {
                        ui.data_mut(|d| d.insert_temp(confirm, true));
                    }
                    if ui.button(s.resume_exam).clicked() {
                        commands.push(QuizCommand::ResumeExam);
                    }
                });
            });
        });
        ui.add_space(10.0);
    }
    if let Some(session) = &room.paused_session {
        card_frame(ui).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(format!(
                    "{} {}/{}",
                    s.question,
                    session.pos + 1,
                    session.queue.len()
                ));
                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                    if ui.button(s.resume_session).clicked() {
                        commands.push(QuizCommand::ResumeSession);
                    }
                });
            });
        });
        ui.add_space(10.0);
    }
}

/// The review schedule: exam date (countdown, forecast until then, unseen questions),
/// desired retention, imported questions in exams.
fn schedule_ui(ui: &mut Ui, room: &QuizRoom, lang: Lang, commands: &mut Vec<QuizCommand>) {
    let s = lang.strings();
    card_frame(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(s.schedule).size(18.0).strong());
        ui.add_space(4.0);
        exam_date_ui(ui, room, lang, commands);
        countdown_ui(ui, room, lang);
        ui.add_space(6.0);
        retention_ui(ui, room, lang, commands);
    });
}

/// The exam date field, with Set and Clear (here and in Settings → Quiz).
pub(crate) fn exam_date_ui(
    ui: &mut Ui,
    room: &QuizRoom,
    lang: Lang,
    commands: &mut Vec<QuizCommand>,
) {
    let s = lang.strings();
    let settings = &room.progress().settings;
    ui.horizontal(|ui| {
        let label = ui.label(s.exam_date);
        let id = egui::Id::unique("quiz_exam_date_text");
        let current = settings
            .exam_date
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default();
        let mut text: String = ui
            .data_mut(|d| d.get_temp::<String>(id))
            .unwrap_or_else(|| current.clone());
        let edit = ui
            .add(
                egui::TextEdit::singleline(&mut text)
                    .hint_text(s.exam_date_hint)
                    .desired_width(110.0),
            )
            .labelled_by(label.id);
        let parsed = chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok();
        let today = chrono::Local::now().date_naive();
        let valid = parsed.is_some_and(|d| d >= today);
        let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if (ui
            .add_enabled(
                valid && text.trim() != current,
                egui::Button::new(s.set_date),
            )
            .clicked()
            || (enter && valid))
            && let Some(date) = parsed
        {
            commands.push(QuizCommand::SetExamDate(Some(date)));
        }
        if settings.exam_date.is_some() && ui.button(s.clear_date).clicked() {
            commands.push(QuizCommand::SetExamDate(None));
            text.clear();
        }
        if !text.trim().is_empty() && !valid {
            ui.label(
                RichText::new(s.exam_date_invalid)
                    .small()
                    .color(ui.visuals().warn_fg_color),
            );
        }
        ui.data_mut(|d| d.insert_temp(id, text));
    });
}

/// The days left, the forecast of reviews until the exam and the unseen questions.
fn countdown_ui(ui: &mut Ui, room: &QuizRoom, lang: Lang) {
    let s = lang.strings();
    {
        if let Some(c) = room.countdown_shown() {
            ui.add_space(4.0);
            if c.days_left == 0 {
                ui.label(RichText::new(s.exam_today).strong());
            } else {
                ui.label(
                    RichText::new(lang.count(c.days_left, s.day_left, s.days_left))
                        .size(18.0)
                        .strong(),
                );
                ui.label(RichText::new(s.reviews_until_exam).weak());
                super::stats::count_chart_ui(ui, s.reviews_until_exam, &c.forecast, lang);
            }
            if c.unseen > 0 {
                let days = c.days_left.max(1);
                let per_day = (i64::try_from(c.unseen).unwrap_or(i64::MAX) + days - 1) / days;
                ui.label(format!(
                    "{} · {per_day} {}",
                    lang.count(c.unseen, s.unseen_one, s.unseen_many),
                    s.unseen_per_day
                ));
            }
        }
    }
}

/// Desired retention and imported questions in exams (here and in Settings → Quiz).
pub(crate) fn retention_ui(
    ui: &mut Ui,
    room: &QuizRoom,
    lang: Lang,
    commands: &mut Vec<QuizCommand>,
) {
    let s = lang.strings();
    let settings = &room.progress().settings;
    {
        ui.horizontal(|ui| {
            let label = ui.label(s.retention);
            let mut r = settings.desired_retention;
            let range = crate::quiz::scheduler::RETENTION_RANGE;
            let slider = ui
                .add(
                    egui::Slider::new(&mut r, range)
                        .step_by(0.01)
                        .custom_formatter(|v, _| format!("{:.0} %", v * 100.0)),
                )
                .labelled_by(label.id)
                .on_hover_text(s.retention_hint);
            if slider.changed() {
                commands.push(QuizCommand::SetRetention(r));
            }
        });
        let mut imported = settings.imported_in_exams;
        if ui.checkbox(&mut imported, s.imported_in_exams).changed() {
            commands.push(QuizCommand::SetImportedInExams(imported));
        }
    }
}
