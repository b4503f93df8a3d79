//! The quiz home: reviews due today, the practice filters and how many questions they
//! select, the exam, and the ways to the statistics, the plan and the import window.

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
            card_frame(ui).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    ui.label(RichText::new(format!("{due}")).size(34.0).strong());
                    ui.vertical(|ui| {
                        ui.label(RichText::new(s.due_today).strong());
                        if due == 0 {
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
                    ui.label(format!("{n} {}", s.matching_questions));
                    if ui
                        .add_enabled(n > 0, egui::Button::new(s.start_practice))
                        .clicked()
                    {
                        commands.push(QuizCommand::StartPractice);
                    }
                });
            });
            ui.add_space(10.0);
            card_frame(ui).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new(s.exam).size(18.0).strong());
                ui.label(RichText::new(s.exam_hint).weak());
                ui.add_space(6.0);
                if ui
                    .add_enabled(room.bank_count > 0, egui::Button::new(s.start_exam))
                    .clicked()
                {
                    commands.push(QuizCommand::StartExam);
                }
            });
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
