//! The Quiz room: home (due reviews, practice filters, exam), practice and review sessions
//! with feedback and links to the notes, the simulated exam with its countdown and result,
//! statistics and the study plan.
//!
//! [`QuizRoom`] owns the questions and the progress; the pure logic lives in
//! [`crate::quiz`]. Answers are recorded and saved as soon as they are checked.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use egui::{Align, Color32, Layout, RichText, Stroke, Ui, Vec2};

use crate::command::{Command, TierFilter};
use crate::frequency::Tier;
use crate::i18n::{Lang, Strings};
use crate::notes::index::Index;
use crate::quiz::exam::{self, ExamResult};
use crate::quiz::import::import_markdown;
use crate::quiz::progress::{ExamRecord, Progress};
use crate::quiz::scheduler::{self, Grade};
use crate::quiz::session::{Exam, Session, SessionKind, toggle};
use crate::quiz::{Choice, Domain, Origin, Question, bank, generate, stats};
use crate::services::{self, ServiceId};
use crate::store::{self, DataFile, Versioned};
use crate::ui::widgets::{icon_image, icon_ui, tier_color};

/// Questions in one practice session.
const PRACTICE_LENGTH: usize = 20;

/// What the room shows.
#[derive(Clone, Debug, Default)]
pub enum QuizView {
    /// Due count, practice filters, exam, links to statistics and plan.
    #[default]
    Home,
    /// A practice or review session.
    Session(Session),
    /// A running exam.
    Exam(Exam),
    /// A finished exam.
    ExamResult(Exam, ExamResult),
    /// Statistics.
    Stats,
    /// Study plan.
    Plan,
}

/// Practice filters.
#[derive(Clone, Debug, PartialEq)]
pub struct PracticeFilter {
    /// Only this domain.
    pub domain: Option<Domain>,
    /// Only this tier.
    pub tier: TierFilter,
    /// Only questions about this service (its catalog short name).
    pub service: Option<String>,
    /// Only questions about the services of this note.
    pub note: Option<usize>,
    /// Include questions generated from the notes.
    pub generated: bool,
}

impl Default for PracticeFilter {
    fn default() -> Self {
        Self {
            domain: None,
            tier: TierFilter::All,
            service: None,
            note: None,
            generated: true,
        }
    }
}

/// The "import questions" window.
#[derive(Clone, Debug, Default)]
pub struct ImportState {
    /// Typed path.
    pub path: String,
    /// Result of the last import: questions added, problems (line, text).
    pub report: Option<(usize, Vec<(usize, String)>)>,
    focused: bool,
}

/// The Quiz room's state.
pub struct QuizRoom {
    /// Bank, then generated, then imported questions.
    pub questions: Vec<Question>,
    /// How many of `questions` come from the bank (they come first).
    pub bank_count: usize,
    imported: Vec<Question>,
    /// Problems to show (bank, progress file).
    pub messages: Vec<String>,
    /// The student's progress.
    pub progress: Progress,
    progress_writable: bool,
    /// Why the progress file could not be loaded; the app takes it and reports it with the
    /// other data files ([`crate::store::load_data`]).
    pub load_problem: Option<store::Problem>,
    data_dir: Option<PathBuf>,
    /// What is shown.
    pub view: QuizView,
    /// Practice filters.
    pub filter: PracticeFilter,
    /// The import window, when open.
    pub import: Option<ImportState>,
    /// Service short name → topics about it (from [`Index::topics_of_service`]).
    service_topics: HashMap<String, Vec<usize>>,
    /// Tier of each question (from its topic or its services' topics).
    question_tiers: Vec<Option<Tier>>,
    seed: u64,
}

/// Unix time now.
#[must_use]
pub fn now_secs() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

fn utc_offset_secs() -> i64 {
    i64::from(chrono::Local::now().offset().local_minus_utc())
}

/// The last second of the local day containing `now`: "due today" means due before it.
#[must_use]
pub fn end_of_today(now: i64) -> i64 {
    let offset = utc_offset_secs();
    (stats::day_of(now, offset) + 1) * 86_400 - offset - 1
}

impl QuizRoom {
    /// Loads the bank and the progress file (from `data_dir`).
    #[must_use]
    pub fn new(data_dir: Option<PathBuf>) -> Self {
        let mut messages = Vec::new();
        let bank = match bank::bundled() {
            Ok(bank) => bank,
            Err(e) => {
                messages.push(e.to_string());
                Vec::new()
            }
        };
        let (progress, progress_writable, load_problem) = match &data_dir {
            None => (Progress::default(), false, None),
            Some(dir) => {
                let loaded = store::load_data::<Progress>(dir, DataFile::Progress, store::today());
                (loaded.value, loaded.writable, loaded.problem)
            }
        };
        let mut imported = Vec::new();
        for path in &progress.imports {
            match std::fs::read(path) {
                Ok(bytes) => {
                    let text = String::from_utf8_lossy(&bytes);
                    imported.extend(import_markdown(&file_label(path), &text).questions);
                }
                Err(e) => messages.push(format!("{}: {e}", path.display())),
            }
        }
        Self {
            bank_count: bank.len(),
            questions: bank,
            imported,
            messages,
            progress,
            progress_writable,
            load_problem,
            data_dir,
            view: QuizView::Home,
            filter: PracticeFilter::default(),
            import: None,
            service_topics: HashMap::new(),
            question_tiers: Vec::new(),
            seed: u64::try_from(now_secs()).unwrap_or(0),
        }
    }

    /// Rebuilds the generated questions and the service → topic map for a new index, and
    /// the tiers; an open session is ended since its question numbers change.
    pub fn rebuild(
        &mut self,
        index: &Index,
        tiers: &[Option<Tier>],
        service_tiers: &HashMap<ServiceId, Tier>,
    ) {
        self.questions.truncate(self.bank_count);
        self.questions.extend(generate::from_notes(index, 0));
        self.questions.extend(self.imported.iter().cloned());
        let services = services::Catalog::bundled();
        self.service_topics.clear();
        for service in services.services() {
            let topics = index.topics_of_service(service.id);
            if !topics.is_empty() {
                self.service_topics
                    .insert(service.short.clone(), topics.to_vec());
            }
        }
        if !matches!(self.view, QuizView::Stats | QuizView::Plan) {
            self.view = QuizView::Home;
        }
        self.refresh_tiers(index, tiers, service_tiers);
    }

    /// Recomputes each question's tier (after the user changed one): a question generated
    /// from a topic has the topic's tier; any other has the most asked tier of its services
    /// (what the notes make of them, else the catalog's default), so practising "très
    /// fréquent" draws the S3, EC2, IAM and VPC questions.
    pub fn refresh_tiers(
        &mut self,
        index: &Index,
        tiers: &[Option<Tier>],
        service_tiers: &HashMap<ServiceId, Tier>,
    ) {
        let by_key: HashMap<&str, usize> = index
            .topics
            .iter()
            .enumerate()
            .map(|(t, topic)| (topic.key.as_str(), t))
            .collect();
        let services = services::Catalog::bundled();
        self.question_tiers = self
            .questions
            .iter()
            .map(|q| match &q.origin {
                Origin::Notes { topic_key } => by_key
                    .get(topic_key.as_str())
                    .and_then(|t| tiers.get(*t).copied().flatten()),
                _ => q
                    .services
                    .iter()
                    .filter_map(|name| services.by_name(name))
                    .filter_map(|id| {
                        service_tiers
                            .get(&id)
                            .copied()
                            .or_else(|| services.default_tier(id))
                    })
                    .min(),
            })
            .collect();
    }

    /// The topic to open for a service, if the notes have one.
    #[must_use]
    pub fn topic_for_service(&self, service: &str) -> Option<usize> {
        self.service_topics.get(service)?.first().copied()
    }

    fn tier_of(&self, q: usize) -> Option<Tier> {
        self.question_tiers.get(q).copied().flatten()
    }

    /// Indices of the questions the practice filters select.
    #[must_use]
    pub fn matching(&self, index: &Index) -> Vec<usize> {
        let services = services::Catalog::bundled();
        let note_services: Option<Vec<String>> = self.filter.note.map(|n| {
            index
                .notes
                .get(n)
                .map(|note| {
                    note.topics
                        .iter()
                        .filter_map(|t| index.topics[*t].service)
                        .map(|(id, _)| services.short_name(id).to_owned())
                        .collect()
                })
                .unwrap_or_default()
        });
        (0..self.questions.len())
            .filter(|&i| {
                let q = &self.questions[i];
                (self.filter.generated || i < self.bank_count || self.is_imported(i))
                    && self.filter.domain.is_none_or(|d| q.domain == Some(d))
                    && self.filter.tier.accepts(self.tier_of(i))
                    && self
                        .filter
                        .service
                        .as_ref()
                        .is_none_or(|s| q.services.contains(s))
                    && note_services
                        .as_ref()
                        .is_none_or(|ns| q.services.iter().any(|s| ns.contains(s)))
            })
            .collect()
    }

    fn is_imported(&self, i: usize) -> bool {
        matches!(self.questions[i].origin, Origin::Imported { .. })
    }

    /// Starts a practice session: most-asked tiers first, shuffled within a tier.
    pub fn start_practice(&mut self, index: &Index, now: i64) {
        let mut rng = fastrand::Rng::with_seed(self.seed ^ now.unsigned_abs());
        let mut picked = self.matching(index);
        rng.shuffle(&mut picked);
        picked.sort_by_key(|&i| self.tier_of(i).map_or(Tier::ALL.len(), tier_rank));
        picked.truncate(PRACTICE_LENGTH);
        self.view = QuizView::Session(Session::new(SessionKind::Practice, picked, now));
    }

    /// Starts a review of the cards due today (already-seen questions only), most
    /// overdue and most exam-frequent first.
    pub fn start_review(&mut self, now: i64) {
        let until = end_of_today(now);
        let ids: Vec<&str> = self
            .questions
            .iter()
            .map(|q| q.id.as_str())
            .filter(|id| {
                self.progress
                    .cards
                    .get(*id)
                    .is_some_and(|c| scheduler::is_due(c, until))
            })
            .collect();
        let by_id: HashMap<&str, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
        let tier_of = |id: &str| by_id.get(id).and_then(|i| self.tier_of(*i));
        let queue: Vec<usize> = self
            .progress
            .due_queue(&ids, &tier_of, until)
            .iter()
            .filter_map(|id| by_id.get(id.as_str()).copied())
            .collect();
        self.view = QuizView::Session(Session::new(SessionKind::Review, queue, now));
    }

    /// Starts a 65-question exam drawn from the bank by domain weight.
    pub fn start_exam(&mut self, now: i64) {
        let drawn = exam::draw(
            &self.questions[..self.bank_count],
            self.seed ^ now.unsigned_abs(),
        );
        self.view = QuizView::Exam(Exam::new(drawn, now, exam::EXAM_SECONDS));
    }

    /// Reviews due today.
    #[must_use]
    pub fn due_count(&self, now: i64) -> usize {
        self.progress.due_count(end_of_today(now))
    }

    /// Replaces the progress with one restored from a backup (already written to disk).
    pub fn replace_progress(&mut self, progress: Progress) {
        self.progress = progress;
        self.progress_writable = true;
    }

    fn save_progress(&mut self) {
        self.progress.version = Progress::VERSION;
        if !self.progress_writable {
            return;
        }
        if let Some(dir) = &self.data_dir
            && let Err(e) =
                store::save_data(dir, DataFile::Progress, &self.progress, store::today())
        {
            self.messages.push(e.to_string());
        }
    }

    /// Checks the shown question of the session: records the answer, schedules the card.
    pub fn check_session(&mut self, now: i64) {
        let QuizView::Session(session) = &mut self.view else {
            return;
        };
        let Some(q) = session.current().and_then(|i| self.questions.get(i)) else {
            return;
        };
        if session.checked.is_some() || session.selected.is_empty() {
            return;
        }
        let correct = q.is_correct(&session.selected);
        let ms = u64::try_from((now - session.shown_at_secs).max(0)).unwrap_or(0) * 1000;
        let previous = self.progress.cards.get(&q.id).cloned();
        self.progress.record(q, correct, ms, None, now);
        session.check(correct, previous, scheduler::auto_grade(correct, ms));
        self.save_progress();
    }

    /// The student picked a grade for the checked question: reschedule from the card it
    /// had before, then go on.
    pub fn grade_session(&mut self, grade: Grade, now: i64) {
        let QuizView::Session(session) = &mut self.view else {
            return;
        };
        let Some(q) = session.current().and_then(|i| self.questions.get(i)) else {
            return;
        };
        let Some(checked) = &mut session.checked else {
            return;
        };
        let regraded = (grade != checked.auto_grade).then(|| {
            checked.chosen_grade = Some(grade);
            (
                q.id.clone(),
                scheduler::review(checked.previous.as_ref(), grade, now),
            )
        });
        session.next(now);
        if let Some((id, card)) = regraded {
            self.progress.cards.insert(id, card);
            self.save_progress();
        }
    }

    /// Ends the exam: scores it and records every answer.
    pub fn submit_exam(&mut self, now: i64) {
        let QuizView::Exam(exam) = std::mem::take(&mut self.view) else {
            return;
        };
        let questions: Vec<&Question> = exam
            .questions
            .iter()
            .filter_map(|i| self.questions.get(*i))
            .collect();
        let result = exam::score(&questions, &exam.answers);
        let elapsed =
            exam::EXAM_SECONDS.saturating_sub(u64::try_from(exam.remaining_secs(now)).unwrap_or(0));
        let per_question_ms = elapsed * 1000 / (questions.len().max(1) as u64);
        let answered: Vec<(Question, bool)> = questions
            .iter()
            .zip(&exam.answers)
            .filter_map(|(q, a)| a.as_ref().map(|a| ((*q).clone(), q.is_correct(a))))
            .collect();
        for (q, correct) in &answered {
            self.progress
                .record(q, *correct, per_question_ms, None, now);
        }
        self.progress.exams.push(ExamRecord {
            at_secs: now,
            score: result.score,
            passed: result.passed,
            correct: u32::try_from(result.correct).unwrap_or(u32::MAX),
            total: u32::try_from(result.total).unwrap_or(u32::MAX),
        });
        self.save_progress();
        self.view = QuizView::ExamResult(exam, result);
    }

    /// Imports questions from a Markdown file; returns (count, problems).
    pub fn import_file(
        &mut self,
        path: &Path,
        index: &Index,
        tiers: &[Option<Tier>],
        service_tiers: &HashMap<ServiceId, Tier>,
    ) -> (usize, Vec<(usize, String)>) {
        let text = match std::fs::read(path) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(e) => return (0, vec![(0, format!("{}: {e}", path.display()))]),
        };
        let report = import_markdown(&file_label(path), &text);
        let added = report.questions.len();
        let ids: Vec<String> = report.questions.iter().map(|q| q.id.clone()).collect();
        self.imported.retain(|q| !ids.contains(&q.id));
        self.imported.extend(report.questions);
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        if added > 0 && !self.progress.imports.contains(&path) {
            self.progress.imports.push(path);
            self.save_progress();
        }
        self.rebuild(index, tiers, service_tiers);
        (added, report.problems)
    }
}

/// The name imported questions are labelled with (their ids use it).
fn file_label(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn tier_rank(t: Tier) -> usize {
    Tier::ALL
        .iter()
        .position(|x| *x == t)
        .unwrap_or(Tier::ALL.len())
}

/// What the room needs from the app for one frame.
pub struct QuizCtx<'a> {
    /// The notes.
    pub index: &'a Index,
    /// Effective tier of each topic.
    pub tiers: &'a [Option<Tier>],
    /// Tier of each service the notes name.
    pub service_tiers: &'a HashMap<ServiceId, Tier>,
    /// Interface language.
    pub lang: Lang,
    /// Where navigation requests go.
    pub commands: &'a mut Vec<Command>,
}

/// Draws the Quiz room.
pub fn quiz_ui(ui: &mut Ui, room: &mut QuizRoom, cx: &mut QuizCtx<'_>) {
    let s = cx.lang.strings();
    let now = now_secs();
    crate::ui::widgets::messages_ui(ui, &mut room.messages, s.dismiss);
    match &room.view {
        QuizView::Home => home_ui(ui, room, cx, now),
        QuizView::Session(_) => session_ui(ui, room, cx, now),
        QuizView::Exam(_) => exam_ui(ui, room, cx, now),
        QuizView::ExamResult(..) => result_ui(ui, room, cx),
        QuizView::Stats => stats_ui(ui, room, cx, now),
        QuizView::Plan => plan_ui(ui, room, cx),
    }
    if room.import.is_some() {
        import_ui(ui.ctx(), room, cx);
    }
}

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

fn home_ui(ui: &mut Ui, room: &mut QuizRoom, cx: &mut QuizCtx<'_>, now: i64) {
    let s = cx.lang.strings();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.set_max_width(820.0);
            ui.add_space(8.0);
            let due = room.due_count(now);
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
                            room.start_review(now);
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
                practice_filters_ui(ui, room, cx);
                let n = room.matching(cx.index).len();
                ui.add_space(6.0);
                ui.horizontal(|ui| {
                    ui.label(format!("{n} {}", s.matching_questions));
                    if ui
                        .add_enabled(n > 0, egui::Button::new(s.start_practice))
                        .clicked()
                    {
                        room.start_practice(cx.index, now);
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
                    room.start_exam(now);
                }
            });
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                if ui.button(s.statistics).clicked() {
                    room.view = QuizView::Stats;
                }
                if ui.button(s.study_plan).clicked() {
                    room.view = QuizView::Plan;
                }
                if ui.button(s.import_questions).clicked() {
                    room.import = Some(ImportState::default());
                }
            });
        });
}

fn practice_filters_ui(ui: &mut Ui, room: &mut QuizRoom, cx: &QuizCtx<'_>) {
    let s = cx.lang.strings();
    let f = &mut room.filter;
    egui::Grid::new("practice_filters")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            let label = ui.label(s.domain);
            let current = f.domain.map_or(s.all_domains, |d| domain_label(d, cx.lang));
            egui::ComboBox::from_id_salt("filter_domain")
                .selected_text(current)
                .width(260.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut f.domain, None, s.all_domains);
                    for d in Domain::ALL {
                        ui.selectable_value(&mut f.domain, Some(d), domain_label(d, cx.lang));
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();

            let label = ui.label(s.filter);
            let current = match f.tier {
                TierFilter::All => s.all_tiers.to_owned(),
                TierFilter::AtLeast(t) => format!("{} {}", cx.lang.tier(t), s.tier_or_more),
                TierFilter::Untagged => s.untagged.to_owned(),
            };
            egui::ComboBox::from_id_salt("filter_tier")
                .selected_text(current)
                .width(260.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut f.tier, TierFilter::All, s.all_tiers);
                    for t in Tier::ALL {
                        ui.selectable_value(
                            &mut f.tier,
                            TierFilter::AtLeast(t),
                            RichText::new(format!("{} {}", cx.lang.tier(t), s.tier_or_more))
                                .color(tier_color(t)),
                        );
                    }
                    ui.selectable_value(&mut f.tier, TierFilter::Untagged, s.untagged);
                })
                .response
                .labelled_by(label.id);
            ui.end_row();

            let label = ui.label(s.service);
            let mut services: Vec<&String> = room.service_topics.keys().collect();
            services.sort();
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
                .and_then(|n| cx.index.notes.get(n))
                .map_or(s.all_notes, |n| n.title.as_str());
            egui::ComboBox::from_id_salt("filter_note")
                .selected_text(current)
                .width(260.0)
                .height(400.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut f.note, None, s.all_notes);
                    for (n, note) in cx.index.notes.iter().enumerate().take(500) {
                        ui.selectable_value(&mut f.note, Some(n), &note.title);
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();
        });
    ui.checkbox(&mut f.generated, s.include_generated);
}

fn choice_letter(i: usize) -> char {
    char::from(b'A' + u8::try_from(i.min(25)).unwrap_or(0))
}

fn service_chips_ui(
    ui: &mut Ui,
    room: &QuizRoom,
    q: &Question,
    s: &Strings,
    commands: &mut Vec<Command>,
) {
    let services = services::Catalog::bundled();
    ui.horizontal_wrapped(|ui| {
        if let Some(d) = q.domain {
            ui.label(RichText::new(d.label_en()).small().weak());
            ui.separator();
        }
        for service in &q.services {
            let icon = services.by_name(service).and_then(|id| services.icon(id));
            icon_ui(ui, icon, 16.0);
            match room.topic_for_service(service) {
                Some(topic) => {
                    if ui
                        .link(RichText::new(service).small())
                        .on_hover_text(s.open_in_notes)
                        .clicked()
                    {
                        commands.push(Command::OpenTopic(topic));
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

/// Draws the prompt and the choices; returns the choice clicked, if any.
fn question_ui(
    ui: &mut Ui,
    q: &Question,
    selected: &[usize],
    feedback: bool,
    s: &Strings,
) -> Option<usize> {
    if let Some(icon) = q.prompt_icon.and_then(|i| icon_image(i, 72.0)) {
        ui.add(icon.alt_text("?"));
    }
    ui.label(RichText::new(&q.prompt).size(16.0));
    if q.is_multiple() && !q.prompt.contains("(Choose") {
        ui.label(RichText::new(s.choose_two).italics().weak());
    }
    ui.add_space(8.0);
    let mut clicked = None;
    for (i, choice) in q.choices.iter().enumerate() {
        let is_selected = selected.contains(&i);
        let is_answer = q.answers.contains(&i);
        let (fill, stroke) = if feedback && is_answer {
            (
                Color32::from_rgb(0x1f, 0x8b, 0x4c).gamma_multiply(0.25),
                Stroke::new(1.5, Color32::from_rgb(0x1f, 0x8b, 0x4c)),
            )
        } else if feedback && is_selected {
            (
                Color32::from_rgb(0xc6, 0x28, 0x28).gamma_multiply(0.25),
                Stroke::new(1.5, Color32::from_rgb(0xc6, 0x28, 0x28)),
            )
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
        let letter = choice_letter(i);
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
                Color32::from_rgb(0x1f, 0x8b, 0x4c)
            } else if is_selected {
                Color32::from_rgb(0xc6, 0x28, 0x28)
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

fn explanation_ui(ui: &mut Ui, q: &Question, s: &Strings) {
    card_frame(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(s.explanation).strong());
        ui.label(&q.explanation);
        if let Some(fact) = &q.key_fact {
            ui.add_space(4.0);
            ui.label(RichText::new(format!("{} {fact}", s.key_fact)).strong());
        }
        if let Some(a) = &q.assumption {
            ui.add_space(4.0);
            ui.label(
                RichText::new(format!("{}: {a}", s.assumption))
                    .italics()
                    .weak(),
            );
        }
    });
}

fn session_ui(ui: &mut Ui, room: &mut QuizRoom, cx: &mut QuizCtx<'_>, now: i64) {
    let s = cx.lang.strings();
    let QuizView::Session(session) = &room.view else {
        return;
    };
    let Some(qi) = session.current() else {
        let (right, done) = (session.right, session.done);
        ui.add_space(20.0);
        ui.label(RichText::new(s.session_done).size(22.0).strong());
        ui.label(format!("{right} / {done} {}", s.score_line));
        ui.add_space(10.0);
        if ui.button(s.back_home).clicked() {
            room.view = QuizView::Home;
        }
        return;
    };
    let Some(q) = room.questions.get(qi).cloned() else {
        room.view = QuizView::Home;
        return;
    };
    let (pos, total, checked, selected) = (
        session.pos,
        session.queue.len(),
        session.checked.clone(),
        session.selected.clone(),
    );
    let mut clicked = None;
    let mut check = false;
    let mut grade = None;
    let mut home = false;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.set_max_width(820.0);
            ui.horizontal(|ui| {
                if ui.button(s.back_home).clicked() {
                    home = true;
                }
                ui.label(RichText::new(format!("{} {}/{}", s.question, pos + 1, total)).strong());
            });
            // The services would give the answer away: they are shown with the feedback.
            if let Some(d) = q.domain {
                ui.label(RichText::new(domain_label(d, cx.lang)).small().weak());
            }
            ui.add_space(6.0);
            clicked = question_ui(ui, &q, &selected, checked.is_some(), s);
            ui.add_space(8.0);
            match &checked {
                None => {
                    if ui
                        .add_enabled(!selected.is_empty(), egui::Button::new(s.check))
                        .clicked()
                    {
                        check = true;
                    }
                }
                Some(c) => {
                    let (text, color) = if c.correct {
                        (s.correct, Color32::from_rgb(0x1f, 0x8b, 0x4c))
                    } else {
                        (s.incorrect, Color32::from_rgb(0xc6, 0x28, 0x28))
                    };
                    ui.label(RichText::new(text).size(18.0).strong().color(color));
                    explanation_ui(ui, &q, s);
                    service_chips_ui(ui, room, &q, s, cx.commands);
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
                                grade = Some(g);
                            }
                        }
                        ui.separator();
                        if ui.button(s.next).clicked() {
                            grade = Some(c.auto_grade);
                        }
                    });
                }
            }
        });
    if home {
        room.view = QuizView::Home;
        return;
    }
    if let (Some(i), QuizView::Session(session)) = (clicked, &mut room.view) {
        toggle(&mut session.selected, i, q.is_multiple());
    }
    if check {
        room.check_session(now);
    }
    if let Some(g) = grade {
        room.grade_session(g, now);
    }
}

fn format_clock(secs: i64) -> String {
    format!("{}:{:02}:{:02}", secs / 3600, (secs / 60) % 60, secs % 60)
}

fn exam_ui(ui: &mut Ui, room: &mut QuizRoom, cx: &mut QuizCtx<'_>, now: i64) {
    let s = cx.lang.strings();
    let QuizView::Exam(exam) = &mut room.view else {
        return;
    };
    let remaining = exam.remaining_secs(now);
    if remaining == 0 {
        room.submit_exam(now);
        return;
    }
    ui.ctx()
        .request_repaint_after(std::time::Duration::from_millis(500));
    let Some(q) = exam
        .questions
        .get(exam.pos)
        .and_then(|i| room.questions.get(*i))
        .cloned()
    else {
        room.view = QuizView::Home;
        return;
    };
    let mut submit = false;
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
            ui.label(format!("{} {}", exam.unanswered(), s.unanswered));
            ui.add_space(6.0);
            ui.horizontal_wrapped(|ui| {
                ui.spacing_mut().item_spacing = Vec2::splat(3.0);
                for i in 0..exam.questions.len() {
                    let answered = exam.answers[i].is_some();
                    let mut b = egui::Button::new(RichText::new(format!("{}", i + 1)).small())
                        .min_size(Vec2::new(30.0, 22.0));
                    if answered {
                        b = b.fill(ui.visuals().selection.bg_fill.gamma_multiply(0.6));
                    }
                    if exam.flagged[i] {
                        b = b.stroke(Stroke::new(2.0, Color32::from_rgb(0xe6, 0x5c, 0x00)));
                    }
                    if i == exam.pos {
                        b = b.selected(true);
                    }
                    if ui.add(b).clicked() {
                        exam.go(i);
                    }
                }
            });
            ui.add_space(10.0);
            if ui.button(s.submit).clicked() {
                ui.ctx().data_mut(|d| d.insert_temp(confirm_id, true));
            }
        });
    let mut clicked = None;
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
                clicked = question_ui(ui, &q, exam.selected(), false, s);
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(exam.pos > 0, egui::Button::new(s.previous))
                        .clicked()
                    {
                        exam.go(exam.pos.saturating_sub(1));
                    }
                    if ui
                        .add_enabled(
                            exam.pos + 1 < exam.questions.len(),
                            egui::Button::new(s.next),
                        )
                        .clicked()
                    {
                        exam.go(exam.pos + 1);
                    }
                    let flag = if exam.flagged[exam.pos] {
                        s.unflag
                    } else {
                        s.flag
                    };
                    if ui.button(flag).clicked() {
                        exam.toggle_flag();
                    }
                });
            });
    });
    if let Some(i) = clicked {
        exam.toggle(i, q.is_multiple());
    }
    let unanswered = exam.unanswered();
    if ui
        .ctx()
        .data(|d| d.get_temp::<bool>(confirm_id))
        .unwrap_or(false)
    {
        let modal = egui::Modal::new(confirm_id.with("modal")).show(ui.ctx(), |ui| {
            ui.label(RichText::new(s.submit_confirm).strong());
            ui.label(format!("{unanswered} {}", s.unanswered));
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
    }
    if submit {
        room.submit_exam(now);
    }
}

fn ratio(correct: usize, total: usize) -> f32 {
    if total == 0 {
        0.0
    } else {
        #[allow(clippy::cast_precision_loss)]
        let r = correct as f32 / total as f32;
        r
    }
}

fn bar_ui(ui: &mut Ui, label: &str, correct: usize, total: usize, label_width: f32) {
    ui.horizontal(|ui| {
        ui.allocate_ui_with_layout(
            Vec2::new(label_width, 18.0),
            Layout::left_to_right(Align::Center),
            |ui| {
                ui.set_min_width(label_width);
                ui.add(egui::Label::new(label).truncate());
            },
        );
        if total == 0 {
            ui.label(RichText::new("—").weak());
            return;
        }
        let r = ratio(correct, total);
        ui.add(
            egui::ProgressBar::new(r)
                .desired_width(260.0)
                .fill(if r >= 0.72 {
                    Color32::from_rgb(0x1f, 0x8b, 0x4c)
                } else {
                    Color32::from_rgb(0xc6, 0x6b, 0x28)
                })
                .text(format!("{correct}/{total} ({:.0} %)", r * 100.0)),
        );
    });
}

fn result_ui(ui: &mut Ui, room: &mut QuizRoom, cx: &mut QuizCtx<'_>) {
    let s = cx.lang.strings();
    let QuizView::ExamResult(exam, result) = &room.view else {
        return;
    };
    let home = page_ui(ui, s, |ui| {
        ui.add_space(6.0);
        let (verdict, color) = if result.passed {
            (s.passed, Color32::from_rgb(0x1f, 0x8b, 0x4c))
        } else {
            (s.failed, Color32::from_rgb(0xc6, 0x28, 0x28))
        };
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(format!("{} / 1000", result.score))
                    .size(34.0)
                    .strong(),
            );
            ui.label(RichText::new(verdict).size(24.0).strong().color(color));
        });
        ui.label(format!(
            "{} / {} {}",
            result.correct, result.total, s.score_line
        ));
        ui.label(RichText::new(s.scaled_note).small().weak());
        ui.add_space(10.0);
        ui.label(RichText::new(s.by_domain).strong());
        for (d, c, t) in &result.by_domain {
            bar_ui(ui, domain_label(*d, cx.lang), *c, *t, 240.0);
        }
        ui.add_space(10.0);
        ui.label(RichText::new(s.by_service).strong());
        for (name, c, t) in result.by_service.iter().take(12) {
            bar_ui(ui, name, *c, *t, 240.0);
        }
        ui.add_space(10.0);
        egui::CollapsingHeader::new(RichText::new(s.review_answers).strong()).show(ui, |ui| {
            for (n, (qi, answer)) in exam.questions.iter().zip(&exam.answers).enumerate() {
                let Some(q) = room.questions.get(*qi) else {
                    continue;
                };
                let right = answer.as_ref().is_some_and(|a| q.is_correct(a));
                let mark = if right { s.correct } else { s.incorrect };
                let color = if right {
                    Color32::from_rgb(0x1f, 0x8b, 0x4c)
                } else {
                    Color32::from_rgb(0xc6, 0x28, 0x28)
                };
                let title = RichText::new(format!(
                    "{}. {} — {}",
                    n + 1,
                    mark,
                    first_words(&q.prompt, 12)
                ))
                .color(color);
                egui::CollapsingHeader::new(title)
                    .id_salt(("review", n))
                    .show(ui, |ui| {
                        question_ui(ui, q, answer.as_deref().unwrap_or(&[]), true, s);
                        let letters = |a: &[usize]| {
                            a.iter()
                                .map(|i| choice_letter(*i).to_string())
                                .collect::<Vec<_>>()
                                .join(", ")
                        };
                        ui.label(format!(
                            "{}: {}   ·   {}: {}",
                            s.your_answer,
                            answer
                                .as_deref()
                                .map_or_else(|| s.no_answer.to_owned(), letters),
                            s.right_answer,
                            letters(&q.answers)
                        ));
                        explanation_ui(ui, q, s);
                        service_chips_ui(ui, room, q, s, cx.commands);
                    });
            }
        });
    });
    if home {
        room.view = QuizView::Home;
    }
}

/// A scrollable page of the room with a "back to the quiz home" button; returns whether
/// that button was clicked.
fn page_ui(ui: &mut Ui, s: &Strings, add_contents: impl FnOnce(&mut Ui)) -> bool {
    let mut home = false;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.set_max_width(860.0);
            home = ui.button(s.back_home).clicked();
            add_contents(ui);
        });
    home
}

fn first_words(text: &str, n: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().take(n + 1).collect();
    if words.len() > n {
        format!("{}…", words[..n].join(" "))
    } else {
        words.join(" ")
    }
}

fn stats_ui(ui: &mut Ui, room: &mut QuizRoom, cx: &mut QuizCtx<'_>, now: i64) {
    let s = cx.lang.strings();
    let offset = utc_offset_secs();
    let answers = &room.progress.answers;
    let home = page_ui(ui, s, |ui| {
        ui.label(RichText::new(s.statistics).size(22.0).strong());
        let right = answers.iter().filter(|a| a.correct).count();
        ui.label(format!(
            "{} {} · {} {:.0} % · {} {} {}",
            answers.len(),
            s.answered,
            s.accuracy,
            ratio(right, answers.len()) * 100.0,
            s.streak,
            stats::streak_days(answers, now, offset),
            s.days
        ));
        if answers.is_empty() {
            ui.label(RichText::new(s.no_data).weak());
        }
        ui.add_space(10.0);
        ui.label(RichText::new(s.last_30_days).strong());
        let days = stats::accuracy_by_day(answers, now, offset, 30);
        column_chart_ui(
            ui,
            "accuracy_chart",
            &days
                .iter()
                .map(|(_, c, t)| (ratio(*c, *t), *t > 0))
                .collect::<Vec<_>>(),
        );
        ui.add_space(10.0);
        ui.label(RichText::new(s.by_domain).strong());
        for (d, c, t) in stats::accuracy_by_domain(answers) {
            bar_ui(ui, domain_label(d, cx.lang), c, t, 240.0);
        }
        ui.add_space(10.0);
        ui.label(RichText::new(s.weakest).strong());
        let weakest = stats::weakest_services(answers, 2, 10);
        if weakest.is_empty() {
            ui.label(RichText::new("—").weak());
        }
        for (name, c, t) in weakest {
            bar_ui(ui, &name, c, t, 240.0);
        }
        ui.add_space(10.0);
        ui.label(RichText::new(s.forecast).strong());
        let forecast = stats::due_forecast(&room.progress.cards, now, offset, 14);
        let max = forecast.iter().copied().max().unwrap_or(0).max(1);
        #[allow(clippy::cast_precision_loss)]
        let bars: Vec<(f32, bool)> = forecast
            .iter()
            .map(|n| (*n as f32 / max as f32, *n > 0))
            .collect();
        column_chart_ui(ui, "forecast_chart", &bars);
        ui.label(
            RichText::new(
                forecast
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(" · "),
            )
            .small()
            .weak(),
        );
        if !room.progress.exams.is_empty() {
            ui.add_space(10.0);
            ui.label(RichText::new(s.exams_taken).strong());
            for e in room.progress.exams.iter().rev().take(10) {
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
    if home {
        room.view = QuizView::Home;
    }
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

fn plan_ui(ui: &mut Ui, room: &mut QuizRoom, cx: &mut QuizCtx<'_>) {
    let s = cx.lang.strings();
    let topic_tiers = cx.tiers;
    let mut practice_service: Option<String> = None;
    let home = page_ui(ui, s, |ui| {
        ui.label(RichText::new(s.study_plan).size(22.0).strong());
        ui.label(RichText::new(s.plan_hint).weak());
        ui.add_space(8.0);
        let plan = stats::study_plan(cx.index, topic_tiers, &room.progress.answers);
        let services = services::Catalog::bundled();
        egui::Grid::new("plan")
            .striped(true)
            .num_columns(5)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                for item in plan.iter().take(40) {
                    let topic = &cx.index.topics[item.topic];
                    ui.horizontal(|ui| {
                        icon_ui(ui, topic.icon, 18.0);
                        if ui.link(&topic.title).clicked() {
                            cx.commands.push(Command::OpenTopic(item.topic));
                        }
                    });
                    match item.tier {
                        Some(t) => ui.label(RichText::new(cx.lang.tier(t)).color(tier_color(t))),
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
                    let service = topic
                        .service
                        .map(|(id, _)| services.short_name(id).to_owned());
                    let has_questions = service
                        .as_ref()
                        .is_some_and(|sv| room.questions.iter().any(|q| q.services.contains(sv)));
                    if ui
                        .add_enabled(has_questions, egui::Button::new(s.practice_topic))
                        .clicked()
                    {
                        practice_service = service;
                    }
                    ui.end_row();
                }
            });
    });
    if home {
        room.view = QuizView::Home;
    }
    if let Some(service) = practice_service {
        room.filter = PracticeFilter {
            service: Some(service),
            ..PracticeFilter::default()
        };
        room.start_practice(cx.index, now_secs());
    }
}

fn import_ui(ctx: &egui::Context, room: &mut QuizRoom, cx: &mut QuizCtx<'_>) {
    let s = cx.lang.strings();
    let Some(state) = room.import.as_mut() else {
        return;
    };
    let mut close = false;
    let mut import_path: Option<PathBuf> = None;
    let modal = egui::Modal::new(egui::Id::unique("import_questions")).show(ctx, |ui| {
        ui.set_width(560.0);
        ui.heading(s.import_title);
        ui.label(RichText::new(s.import_help).weak());
        ui.add_space(6.0);
        let label = ui.label(s.import_path);
        let edit = ui
            .add(egui::TextEdit::singleline(&mut state.path).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        if !state.focused {
            edit.request_focus();
            state.focused = true;
        }
        ui.horizontal(|ui| {
            let path = state.path.trim().to_owned();
            if ui
                .add_enabled(!path.is_empty(), egui::Button::new(s.open))
                .clicked()
            {
                import_path = Some(PathBuf::from(path));
            }
            if ui.button(s.browse).clicked()
                && let Some(file) = rfd::FileDialog::new()
                    .add_filter("Markdown", &["md", "markdown"])
                    .pick_file()
            {
                state.path = file.display().to_string();
                import_path = Some(file);
            }
            if ui.button(s.dismiss).clicked() {
                close = true;
            }
        });
        if let Some((n, problems)) = &state.report {
            ui.separator();
            ui.label(RichText::new(format!("{n} {}", s.imported)).strong());
            for (line, p) in problems.iter().take(30) {
                ui.label(
                    RichText::new(format!("{}:{line}: {p}", state.path))
                        .color(ui.visuals().warn_fg_color),
                );
            }
        }
    });
    if let Some(path) = import_path {
        let report = room.import_file(&path, cx.index, cx.tiers, cx.service_tiers);
        if let Some(state) = room.import.as_mut() {
            state.report = Some(report);
        }
    }
    if close || modal.should_close() {
        room.import = None;
    }
}
