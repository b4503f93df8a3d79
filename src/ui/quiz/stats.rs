//! The statistics page (accuracy, streak, last 30 days, domains, weakest services, review
//! forecast, exams taken) and the study plan, both drawn from the room's caches.

use egui::{RichText, Ui, Vec2};

use super::{bar_ui, domain_label, first_words, page_ui, service_chips_ui};
use crate::i18n::Lang;
use crate::notes::index::Index;
use crate::quiz::command::QuizCommand;
use crate::quiz::progress::{DomainScores, ExamRecord};
use crate::quiz::room::{QuizRoom, QuizStats, ratio, utc_offset_secs};
use crate::quiz::{Domain, Question};
use crate::ui::widgets::{icon_ui, tier_color};

/// Draws the statistics (`None` until the room computed them) and the exams taken.
pub(super) fn stats_ui(
    ui: &mut Ui,
    stats: Option<&QuizStats>,
    exams: &[ExamRecord],
    questions: &[Question],
    index: &Index,
    lang: Lang,
    commands: &mut Vec<QuizCommand>,
) {
    let s = lang.strings();
    let default = QuizStats::default();
    let st = stats.unwrap_or(&default);
    page_ui(ui, s, commands, |ui, commands| {
        ui.label(RichText::new(s.statistics).size(22.0).strong());
        ui.label(format!(
            "{} · {} {:.0} % · {} {}",
            lang.count(st.answered, s.answered_one, s.answered),
            s.accuracy,
            ratio(st.right, st.answered) * 100.0,
            s.streak,
            lang.count(st.streak_days, s.day, s.days),
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
        ui.add_space(10.0);
        ui.label(RichText::new(s.leeches).strong());
        ui.label(RichText::new(s.leeches_hint).small().weak());
        if st.leeches.is_empty() {
            ui.label(RichText::new(s.no_leeches).weak());
        }
        for &qi in st.leeches.iter().take(20) {
            let Some(q) = questions.get(qi) else {
                continue;
            };
            ui.label(first_words(&q.prompt, 16));
            service_chips_ui(ui, index, q, lang, commands);
        }
        if st.exam_history.iter().any(|(_, d)| !d.is_empty()) {
            ui.add_space(10.0);
            ui.label(RichText::new(s.exam_history).strong());
            exam_history_ui(ui, &st.exam_history, lang);
        }
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

/// A column per day of `counts`, labelled with the largest count (the scale) and the
/// first and last day's numbers.
pub(super) fn count_chart_ui(ui: &mut Ui, id: &str, counts: &[usize]) {
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    #[allow(clippy::cast_precision_loss)]
    let bars: Vec<(f32, bool)> = counts
        .iter()
        .map(|n| (*n as f32 / max as f32, *n > 0))
        .collect();
    let largest = counts.iter().copied().max().unwrap_or(0);
    if largest > 0 {
        ui.label(RichText::new(format!("max {largest}")).small().weak());
    }
    column_chart_ui(ui, id, &bars);
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
    room: &QuizRoom,
    index: &Index,
    lang: Lang,
    commands: &mut Vec<QuizCommand>,
) {
    let s = lang.strings();
    let plan = room.plan();
    page_ui(ui, s, commands, |ui, commands| {
        ui.label(RichText::new(s.study_plan).size(22.0).strong());
        ui.label(RichText::new(s.plan_hint).weak());
        let unseen = room.unseen_shown();
        if unseen > 0 {
            let count = lang.count(unseen, s.unseen_one, s.unseen_many);
            match room.countdown_shown() {
                Some(c) => {
                    let days = c.days_left.max(1);
                    let per_day = (i64::try_from(unseen).unwrap_or(i64::MAX) + days - 1) / days;
                    ui.label(format!("{count} · {per_day} {}", s.unseen_per_day));
                }
                None => {
                    ui.label(count);
                }
            }
        }
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
                            "{:.0} % ({})",
                            a * 100.0,
                            lang.count(item.answered, s.answered_one, s.answered)
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

/// Colour of each domain's line in the exam history.
fn domain_color(d: Domain) -> egui::Color32 {
    match d {
        Domain::Secure => egui::Color32::from_rgb(0xd1, 0x3f, 0x3f),
        Domain::Resilient => egui::Color32::from_rgb(0x2e, 0x7d, 0xd1),
        Domain::Performant => egui::Color32::from_rgb(0x2f, 0x9e, 0x5b),
        Domain::Cost => egui::Color32::from_rgb(0xc7, 0x8a, 0x12),
    }
}

/// Past exams as lines, one per domain: share right (y, 0–100 %, with the pass line)
/// against the exam number (x), with axes, ticks and a legend.
fn exam_history_ui(ui: &mut Ui, history: &[(u32, DomainScores)], lang: Lang) {
    let s = lang.strings();
    let size = Vec2::new(ui.available_width().min(700.0), 180.0);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    let painter = ui.painter_at(rect);
    let text = ui.visuals().text_color();
    let weak = ui.visuals().weak_text_color();
    let font = egui::FontId::proportional(11.0);
    let plot = egui::Rect::from_min_max(
        rect.min + Vec2::new(40.0, 8.0),
        rect.max - Vec2::new(8.0, 22.0),
    );
    let n = history.len().max(2);
    #[allow(clippy::cast_precision_loss)]
    let x_of = |i: usize| plot.left() + plot.width() * i as f32 / (n - 1) as f32;
    let y_of = |share: f32| plot.bottom() - plot.height() * share.clamp(0.0, 1.0);
    // Axes and ticks.
    let axis = egui::Stroke::new(1.0, weak);
    painter.line_segment([plot.left_bottom(), plot.right_bottom()], axis);
    painter.line_segment([plot.left_bottom(), plot.left_top()], axis);
    for pct in [0u8, 25, 50, 75, 100] {
        let y = y_of(f32::from(pct) / 100.0);
        painter.line_segment(
            [egui::pos2(plot.left() - 4.0, y), egui::pos2(plot.left(), y)],
            axis,
        );
        painter.text(
            egui::pos2(plot.left() - 6.0, y),
            egui::Align2::RIGHT_CENTER,
            format!("{pct} %"),
            font.clone(),
            weak,
        );
    }
    // The pass mark as a share right, by the app's own scaling (720 ≈ 69 %).
    let pass_share = f32::from(
        u16::try_from(crate::quiz::exam::PASS_SCORE - crate::quiz::exam::MIN_SCORE).unwrap_or(620),
    ) / f32::from(
        u16::try_from(crate::quiz::exam::MAX_SCORE - crate::quiz::exam::MIN_SCORE).unwrap_or(900),
    );
    let pass = y_of(pass_share);
    painter.line_segment(
        [
            egui::pos2(plot.left(), pass),
            egui::pos2(plot.right(), pass),
        ],
        egui::Stroke::new(1.0, weak.gamma_multiply(0.6)),
    );
    for i in 0..history.len() {
        painter.text(
            egui::pos2(x_of(i), plot.bottom() + 4.0),
            egui::Align2::CENTER_TOP,
            format!("{}", i + 1),
            font.clone(),
            weak,
        );
    }
    painter.text(
        egui::pos2(plot.right(), rect.bottom()),
        egui::Align2::RIGHT_BOTTOM,
        s.exam_number,
        font.clone(),
        weak,
    );
    for d in Domain::ALL {
        #[allow(clippy::cast_precision_loss)]
        let points: Vec<egui::Pos2> = history
            .iter()
            .enumerate()
            .filter_map(|(i, (_, by))| {
                let (_, c, t) = by.iter().find(|(x, _, _)| *x == d)?;
                (*t > 0).then(|| egui::pos2(x_of(i), y_of(*c as f32 / *t as f32)))
            })
            .collect();
        let stroke = egui::Stroke::new(2.0, domain_color(d));
        if points.len() > 1 {
            painter.add(egui::Shape::line(points.clone(), stroke));
        }
        for p in points {
            painter.circle_filled(p, 3.0, domain_color(d));
        }
    }
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, s.exam_history));
    ui.horizontal_wrapped(|ui| {
        for d in Domain::ALL {
            ui.label(RichText::new("■").color(domain_color(d)));
            ui.label(RichText::new(domain_label(d, lang)).small().color(text));
            ui.add_space(8.0);
        }
    });
}
