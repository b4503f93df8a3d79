//! The statistics page (accuracy, streak, last 30 days, domains, weakest services, review
//! forecast, exams taken) and the study plan, both drawn from the room's caches.
//!
//! Its charts have axes: a scale on the left (0–100 % or a count up to a round number),
//! days under the columns ("il y a 29 j" … "aujourd’hui", "today" … "in 13 d") and the
//! exact value of a column on hover.

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
        accuracy_chart_ui(ui, s.last_30_days, &st.last_days, lang);
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
        count_chart_ui(ui, s.forecast, &st.forecast, lang);
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

/// The top of a count axis: the smallest of 1, 2, 5, 10, 20, 50, 100… at or above `max`,
/// so the ticks are round numbers.
pub(super) fn axis_top(max: usize) -> usize {
    let mut step = 1usize;
    loop {
        for k in [1, 2, 5] {
            let top = step.saturating_mul(k);
            if top >= max || top == usize::MAX {
                return top;
            }
        }
        step = step.saturating_mul(10);
    }
}

/// The ticks of a count axis up to `top`: 0, the middle when it is a whole number, `top`.
pub(super) fn count_ticks(top: usize) -> Vec<usize> {
    let mut ticks = vec![0];
    if top >= 2 && top.is_multiple_of(2) {
        ticks.push(top / 2);
    }
    if top > 0 {
        ticks.push(top);
    }
    ticks
}

/// The columns of a chart of `n` days that get a label under them: the first, the middle
/// and the last (each once).
pub(super) fn day_ticks(n: usize) -> Vec<usize> {
    let mut ticks: Vec<usize> = [0, n / 2, n.saturating_sub(1)]
        .into_iter()
        .filter(|&i| i < n)
        .collect();
    ticks.dedup();
    ticks
}

/// A day of a chart, by its distance from today (negative: in the past).
fn day_label(offset: i64, lang: Lang) -> String {
    let s = lang.strings();
    match offset {
        0 => s.chart_today.to_owned(),
        d if d < 0 => crate::i18n::fill(s.chart_days_ago, &[("n", &d.unsigned_abs())]),
        d => crate::i18n::fill(s.chart_in_days, &[("n", &d)]),
    }
}

/// The columns' colour: a mid blue that stands out on the light and the dark theme
/// (the selection colour is pale in the light one).
const COLUMN_COLOR: egui::Color32 = egui::Color32::from_rgb(0x2e, 0x7d, 0xd1);

/// The vertical axis of a column chart.
#[derive(Clone, Copy, Debug)]
enum Axis {
    /// 0 %, 50 %, 100 %.
    Percent,
    /// 0 to this round number.
    Count(usize),
}

/// One column: its height as a share of the axis (0–1), whether the day has data (an
/// empty day is a faint tick on the axis), and what hovering it says.
struct Column {
    share: f32,
    present: bool,
    hover: String,
}

/// Accuracy on each of the last days (oldest first, today last), 0–100 %.
fn accuracy_chart_ui(ui: &mut Ui, name: &str, days: &[(f32, bool)], lang: Lang) {
    let s = lang.strings();
    let today = i64::try_from(days.len()).unwrap_or(0) - 1;
    let offset = |i: usize| i64::try_from(i).unwrap_or(0) - today;
    let columns: Vec<Column> = days
        .iter()
        .enumerate()
        .map(|(i, &(share, present))| {
            let day = day_label(offset(i), lang);
            let hover = if present {
                let pct = (share * 100.0).round();
                crate::i18n::fill(s.chart_accuracy_day, &[("day", &day), ("pct", &pct)])
            } else {
                crate::i18n::fill(s.chart_no_answer, &[("day", &day)])
            };
            Column {
                share,
                present,
                hover,
            }
        })
        .collect();
    let labels: Vec<(usize, String)> = day_ticks(days.len())
        .into_iter()
        .map(|i| (i, day_label(offset(i), lang)))
        .collect();
    column_chart_ui(ui, name, &columns, Axis::Percent, &labels);
}

/// A column per day of `counts` (today first), on a count axis up to a round number, the
/// days named under it and each day's count on hover. `name` is what a screen reader says.
pub(super) fn count_chart_ui(ui: &mut Ui, name: &str, counts: &[usize], lang: Lang) {
    let s = lang.strings();
    let top = axis_top(counts.iter().copied().max().unwrap_or(0).max(1));
    let day = |i: usize| day_label(i64::try_from(i).unwrap_or(0), lang);
    #[allow(clippy::cast_precision_loss)]
    let columns: Vec<Column> = counts
        .iter()
        .enumerate()
        .map(|(i, &n)| Column {
            share: n as f32 / top as f32,
            present: n > 0,
            hover: crate::i18n::fill(s.chart_reviews, &[("day", &day(i)), ("n", &n)]),
        })
        .collect();
    let labels: Vec<(usize, String)> = day_ticks(counts.len())
        .into_iter()
        .map(|i| (i, day(i)))
        .collect();
    column_chart_ui(ui, name, &columns, Axis::Count(top), &labels);
}

/// A column chart with its axes: the scale on the left with light grid lines, the days
/// in `x_labels` (column index, text) under the columns, the hovered column's value.
fn column_chart_ui(
    ui: &mut Ui,
    name: &str,
    columns: &[Column],
    axis: Axis,
    x_labels: &[(usize, String)],
) {
    let size = Vec2::new(ui.available_width().min(700.0), 130.0);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals();
    let text = visuals.text_color();
    let grid = visuals.widgets.noninteractive.bg_stroke.color;
    let font = egui::FontId::proportional(11.0);
    let plot = egui::Rect::from_min_max(
        rect.min + Vec2::new(44.0, 6.0),
        rect.max - Vec2::new(8.0, 20.0),
    );
    let y_of = |share: f32| plot.bottom() - plot.height() * share.clamp(0.0, 1.0);
    let ticks: Vec<(f32, String)> = match axis {
        Axis::Percent => [0u8, 50, 100]
            .into_iter()
            .map(|p| (f32::from(p) / 100.0, format!("{p} %")))
            .collect(),
        #[allow(clippy::cast_precision_loss)]
        Axis::Count(top) => count_ticks(top)
            .into_iter()
            .map(|n| (n as f32 / top.max(1) as f32, n.to_string()))
            .collect(),
    };
    for (share, label) in &ticks {
        let y = y_of(*share);
        painter.line_segment(
            [egui::pos2(plot.left(), y), egui::pos2(plot.right(), y)],
            egui::Stroke::new(1.0, grid),
        );
        painter.text(
            egui::pos2(plot.left() - 6.0, y),
            egui::Align2::RIGHT_CENTER,
            label,
            font.clone(),
            text,
        );
    }
    let axis_stroke = egui::Stroke::new(1.0, visuals.weak_text_color());
    painter.line_segment([plot.left_bottom(), plot.right_bottom()], axis_stroke);
    painter.line_segment([plot.left_bottom(), plot.left_top()], axis_stroke);
    #[allow(clippy::cast_precision_loss)]
    let w = plot.width() / columns.len().max(1) as f32;
    #[allow(clippy::cast_precision_loss)]
    let column_rect = |i: usize| {
        let x = plot.left() + w * i as f32;
        egui::Rect::from_min_max(egui::pos2(x, plot.top()), egui::pos2(x + w, plot.bottom()))
    };
    let hovered = response
        .hover_pos()
        .filter(|p| plot.x_range().contains(p.x))
        .map(|p| {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let i = ((p.x - plot.left()) / w.max(1.0)) as usize;
            i.min(columns.len().saturating_sub(1))
        });
    for (i, c) in columns.iter().enumerate() {
        let r = column_rect(i);
        let pad = (w * 0.15).clamp(0.5, 3.0);
        let top = if c.present {
            y_of(c.share).min(plot.bottom() - 2.0)
        } else {
            plot.bottom() - 1.0
        };
        let color = if c.present {
            COLUMN_COLOR
        } else {
            visuals.weak_text_color()
        };
        let bar = egui::Rect::from_min_max(
            egui::pos2(r.left() + pad, top),
            egui::pos2(r.right() - pad, plot.bottom()),
        );
        painter.rect_filled(bar, 2.0, color);
        if hovered == Some(i) {
            painter.rect_stroke(
                bar.expand(1.0),
                2.0,
                egui::Stroke::new(1.5, visuals.strong_text_color()),
                egui::StrokeKind::Outside,
            );
        }
    }
    for (i, label) in x_labels {
        let r = column_rect(*i);
        let (x, align) = if *i == 0 {
            (r.left(), egui::Align2::LEFT_TOP)
        } else if *i + 1 == columns.len() {
            (r.right(), egui::Align2::RIGHT_TOP)
        } else {
            (r.center().x, egui::Align2::CENTER_TOP)
        };
        painter.text(
            egui::pos2(x, plot.bottom() + 4.0),
            align,
            label,
            font.clone(),
            text,
        );
    }
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, name));
    if let Some(c) = hovered.and_then(|i| columns.get(i)) {
        response.on_hover_text_at_pointer(&c.hover);
    }
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
            text,
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
            text,
        );
    }
    painter.text(
        egui::pos2(plot.right(), rect.bottom()),
        egui::Align2::RIGHT_BOTTOM,
        s.exam_number,
        font.clone(),
        text,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_axes_end_on_a_round_number() {
        let tops: Vec<usize> = [0, 1, 2, 3, 5, 6, 11, 49, 50, 51, 730]
            .into_iter()
            .map(axis_top)
            .collect();
        assert_eq!(tops, [1, 1, 2, 5, 5, 10, 20, 50, 50, 100, 1000]);
        assert_eq!(count_ticks(1), [0, 1]);
        assert_eq!(count_ticks(5), [0, 5]);
        assert_eq!(count_ticks(20), [0, 10, 20]);
        assert_eq!(axis_top(usize::MAX), usize::MAX);
    }

    #[test]
    fn days_are_labelled_first_middle_and_last() {
        assert_eq!(day_ticks(30), [0, 15, 29]);
        assert_eq!(day_ticks(14), [0, 7, 13]);
        assert_eq!(day_ticks(2), [0, 1]);
        assert_eq!(day_ticks(1), [0]);
        assert!(day_ticks(0).is_empty());
        assert_eq!(day_label(-29, Lang::Fr), "il y a 29 j");
        assert_eq!(day_label(0, Lang::Fr), "aujourd’hui");
        assert_eq!(day_label(13, Lang::En), "in 13 d");
    }
}
