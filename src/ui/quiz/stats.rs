//! The statistics page (accuracy, streak, last 30 days, domains, weakest services, review
//! forecast, exams taken) and the study plan, both drawn from the room's caches.

use egui::{RichText, Ui, Vec2};

use super::{bar_ui, domain_label, page_ui};
use crate::i18n::Lang;
use crate::notes::index::Index;
use crate::quiz::command::QuizCommand;
use crate::quiz::progress::ExamRecord;
use crate::quiz::room::{PlanRow, QuizStats, ratio, utc_offset_secs};
use crate::ui::widgets::{icon_ui, tier_color};

/// Draws the statistics (`None` until the room computed them) and the exams taken.
pub(super) fn stats_ui(
    ui: &mut Ui,
    stats: Option<&QuizStats>,
    exams: &[ExamRecord],
    lang: Lang,
    commands: &mut Vec<QuizCommand>,
) {
    let s = lang.strings();
    let default = QuizStats::default();
    let st = stats.unwrap_or(&default);
    page_ui(ui, s, commands, |ui, _| {
        ui.label(RichText::new(s.statistics).size(22.0).strong());
        ui.label(format!(
            "{} {} · {} {:.0} % · {} {} {}",
            st.answered,
            s.answered,
            s.accuracy,
            ratio(st.right, st.answered) * 100.0,
            s.streak,
            st.streak_days,
            s.days
        ));
        if st.answered == 0 {
            ui.label(RichText::new(s.no_data).weak());
        }
        ui.add_space(10.0);
        ui.label(RichText::new(s.last_30_days).strong());
        column_chart_ui(ui, "accuracy_chart", &st.last_days);
        ui.add_space(10.0);
        ui.label(RichText::new(s.by_domain).strong());
        for (d, c, t) in &st.by_domain {
            bar_ui(ui, domain_label(*d, lang), *c, *t, 240.0);
        }
        ui.add_space(10.0);
        ui.label(RichText::new(s.weakest).strong());
        if st.weakest.is_empty() {
            ui.label(RichText::new("—").weak());
        }
        for (name, c, t) in &st.weakest {
            bar_ui(ui, name, *c, *t, 240.0);
        }
        ui.add_space(10.0);
        ui.label(RichText::new(s.forecast).strong());
        let max = st.forecast.iter().copied().max().unwrap_or(0).max(1);
        #[allow(clippy::cast_precision_loss)]
        let bars: Vec<(f32, bool)> = st
            .forecast
            .iter()
            .map(|n| (*n as f32 / max as f32, *n > 0))
            .collect();
        column_chart_ui(ui, "forecast_chart", &bars);
        ui.label(
            RichText::new(
                st.forecast
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(" · "),
            )
            .small()
            .weak(),
        );
        if !exams.is_empty() {
            let offset = utc_offset_secs();
            ui.add_space(10.0);
            ui.label(RichText::new(s.exams_taken).strong());
            for e in exams.iter().rev().take(10) {
                let verdict = if e.passed { s.passed } else { s.failed };
                let when = chrono::DateTime::from_timestamp(e.at_secs + offset, 0)
                    .map(|d| d.format("%Y-%m-%d %H:%M").to_string())
                    .unwrap_or_default();
                ui.label(format!(
                    "{when}   {} / 1000   {verdict}   ({}/{})",
                    e.score, e.correct, e.total
                ));
            }
        }
    });
}

/// A row of columns, heights 0..1; empty days are drawn as a faint tick.
fn column_chart_ui(ui: &mut Ui, id: &str, values: &[(f32, bool)]) {
    let height = 90.0;
    let (rect, response) = ui.allocate_exact_size(
        Vec2::new(ui.available_width().min(700.0), height),
        egui::Sense::hover(),
    );
    let painter = ui.painter_at(rect);
    painter.rect_stroke(
        rect,
        4.0,
        ui.visuals().widgets.noninteractive.bg_stroke,
        egui::StrokeKind::Inside,
    );
    #[allow(clippy::cast_precision_loss)]
    let w = rect.width() / values.len().max(1) as f32;
    for (i, (v, has)) in values.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let x = rect.left() + w * i as f32;
        let h = if *has {
            (v.clamp(0.0, 1.0) * (height - 8.0)).max(2.0)
        } else {
            1.0
        };
        let color = if *has {
            ui.visuals().selection.bg_fill
        } else {
            ui.visuals().weak_text_color()
        };
        painter.rect_filled(
            egui::Rect::from_min_max(
                egui::pos2(x + 2.0, rect.bottom() - 4.0 - h),
                egui::pos2(x + w - 2.0, rect.bottom() - 4.0),
            ),
            2.0,
            color,
        );
    }
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, id));
}

/// Draws the study plan (the room's cached rows).
pub(super) fn plan_ui(
    ui: &mut Ui,
    plan: &[PlanRow],
    index: &Index,
    lang: Lang,
    commands: &mut Vec<QuizCommand>,
) {
    let s = lang.strings();
    page_ui(ui, s, commands, |ui, commands| {
        ui.label(RichText::new(s.study_plan).size(22.0).strong());
        ui.label(RichText::new(s.plan_hint).weak());
        ui.add_space(8.0);
        egui::Grid::new("plan")
            .striped(true)
            .num_columns(5)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                for row in plan {
                    let item = &row.item;
                    let Some(topic) = index.topics.get(item.topic) else {
                        continue;
                    };
                    ui.horizontal(|ui| {
                        icon_ui(ui, topic.icon, 18.0);
                        if ui.link(&topic.title).clicked() {
                            commands.push(QuizCommand::OpenTopic(item.topic));
                        }
                    });
                    match item.tier {
                        Some(t) => ui.label(RichText::new(lang.tier(t)).color(tier_color(t))),
                        None => ui.label(RichText::new(s.untagged).weak()),
                    };
                    match item.accuracy {
                        Some(a) => ui.label(format!(
                            "{:.0} % ({} {})",
                            a * 100.0,
                            item.answered,
                            s.answered
                        )),
                        None => ui.label(RichText::new(s.never_answered).weak()),
                    };
                    if ui
                        .add_enabled(row.has_questions, egui::Button::new(s.practice_topic))
                        .clicked()
                        && let Some(service) = &row.service
                    {
                        commands.push(QuizCommand::PracticeService(service.clone()));
                    }
                    ui.end_row();
                }
            });
    });
}
