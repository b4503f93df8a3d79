//! The Quiz room without its views: the question list (bank, then generated from the
//! notes, then imported), the practice filters and the questions they select, practice and
//! review sessions, the exam, the due reviews, the tier of each question, and the caches
//! the views draw from. No egui and no file I/O: the app reads and writes the files and
//! hands the texts in; the views read a [`QuizRoom`] and return
//! [`QuizCommand`]s, which [`QuizRoom::apply`] runs after the frame.
//!
//! What the views need every frame (the due count, the questions the filters select, the
//! statistics, the study plan) is computed once by [`QuizRoom::prepare`] and kept until
//! the progress, the filters, the questions or the tiers change.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::command::TierFilter;
use crate::frequency::Tier;
use crate::i18n::Lang;
use crate::notes::index::Index;
use crate::quiz::command::{QuizCommand, QuizEffect};
use crate::quiz::drills::{self, DrillSet, DrillSource};
use crate::quiz::exam::{self, ExamResult};
use crate::quiz::import::{ImportProblem, import_markdown};
use crate::quiz::progress::{DomainScores, ExamRecord, Progress, day_start_secs};
use crate::quiz::scheduler::{self, Grade};
use crate::quiz::session::{Exam, Session, SessionKind, toggle};
use crate::quiz::stats::{self, PlanItem};
use crate::quiz::{Domain, Origin, Question, generate};
use crate::services::{self, ServiceId};
use crate::store::Versioned;

/// Questions in one practice session.
pub const PRACTICE_LENGTH: usize = 20;

/// Lines of the study plan shown.
pub const PLAN_LENGTH: usize = 40;

/// Questions in one session of diagram drills.
pub const DRILL_LENGTH: usize = 10;

/// Unix time now.
#[must_use]
pub fn now_secs() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// The local time zone's offset from UTC, in seconds.
#[must_use]
pub fn utc_offset_secs() -> i64 {
    i64::from(chrono::Local::now().offset().local_minus_utc())
}

/// The local time zone's offset from UTC on `day` (daylight saving time may differ from
/// today's).
#[must_use]
pub fn utc_offset_on(day: chrono::NaiveDate) -> i64 {
    use chrono::TimeZone as _;
    day.and_hms_opt(12, 0, 0)
        .and_then(|noon| chrono::Local.from_local_datetime(&noon).earliest())
        .map_or_else(utc_offset_secs, |t| i64::from(t.offset().local_minus_utc()))
}

/// The scheduling settings in force, in the student's time zone as it will be on the eve
/// of the exam.
fn schedule_of(settings: &crate::quiz::progress::StudySettings) -> scheduler::Schedule {
    let offset = settings
        .exam_date
        .and_then(|d| d.pred_opt())
        .map_or_else(utc_offset_secs, utc_offset_on);
    settings.schedule(offset)
}

/// The last second of the local day containing `now`: "due today" means due before it.
#[must_use]
pub fn end_of_today(now: i64) -> i64 {
    let offset = utc_offset_secs();
    (stats::day_of(now, offset) + 1) * 86_400 - offset - 1
}

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
    /// Result of the last import: questions added, problems (line, what), worded when
    /// shown.
    pub report: Option<(usize, Vec<(usize, ImportProblem)>)>,
    /// Whether the path field got the keyboard focus already.
    pub focused: bool,
}

/// What the room needs from the app to rebuild its questions or apply a command.
#[derive(Clone, Copy)]
pub struct QuizEnv<'a> {
    /// The notes.
    pub index: &'a Index,
    /// Effective tier of each topic, in [`Index::topics`] order.
    pub tiers: &'a [Option<Tier>],
    /// Tier of each service the notes name.
    pub service_tiers: &'a HashMap<ServiceId, Tier>,
    /// The interface language: diagram drills are written in it.
    pub lang: Lang,
}

/// What the home says of the diagram drills.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DrillSummary {
    /// Drills by kind, in [`drills::DrillKind::ALL`] order.
    pub by_kind: [usize; 3],
    /// Diagrams they come from (templates and the student's).
    pub diagrams: usize,
}

/// The statistics page, computed once per change of the progress (and per day).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct QuizStats {
    /// Answers given.
    pub answered: usize,
    /// Right answers.
    pub right: usize,
    /// Days in a row with at least one answer.
    pub streak_days: u32,
    /// Last 30 days, oldest first: (share right, any answer that day).
    pub last_days: Vec<(f32, bool)>,
    /// (domain, right, answered).
    pub by_domain: Vec<(Domain, usize, usize)>,
    /// Weakest services: (name, right, answered).
    pub weakest: Vec<(String, usize, usize)>,
    /// Reviews due on each of the next 14 days.
    pub forecast: Vec<usize>,
    /// Leeches: questions forgotten [`scheduler::LEECH_LAPSES`] times or more, most lapses
    /// first (indices into [`QuizRoom::questions`]).
    pub leeches: Vec<usize>,
    /// Past exams, oldest first: (score, by domain (domain, right, questions)).
    pub exam_history: Vec<(u32, DomainScores)>,
}

/// The reviews the home counts, as of the last [`QuizRoom::prepare`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DueNow {
    /// Questions due now ([`scheduler::is_due_now`]), in question order.
    pub now: Vec<usize>,
    /// Learning steps that come back later today ([`scheduler::is_later_today`]).
    pub later_today: usize,
}

/// The exam date as the home shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Countdown {
    /// Days from today to the exam day (0 on the day itself; -1 without an exam date).
    pub days_left: i64,
    /// Reviews due on each day from today until the day before the exam (at most 60).
    pub forecast: Vec<usize>,
    /// Questions never answered (bank and imported).
    pub unseen: usize,
}

/// Which answers the exam result lists.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ResultFilter {
    /// Every question.
    #[default]
    All,
    /// Answered wrong.
    Wrong,
    /// Flagged during the exam.
    Flagged,
    /// Left unanswered.
    Unanswered,
}

/// One line of the study plan, with what its "practise" button needs.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanRow {
    /// The topic, its tier, accuracy and score.
    pub item: PlanItem,
    /// The topic's service (catalog short name), if any.
    pub service: Option<String>,
    /// Whether some question is about that service.
    pub has_questions: bool,
}

/// Values the views draw, each with what it was computed from.
#[derive(Default)]
struct Cache {
    /// (progress revision, questions revision, minute) → due questions.
    due: Option<((u64, u64, i64), DueNow)>,
    /// (progress revision, questions revision, local day) → the exam-date countdown.
    countdown: Option<((u64, u64, i64), Option<Countdown>)>,
    /// (filter, questions revision) → matching question indices.
    matching: Option<((PracticeFilter, u64), Vec<usize>)>,
    /// (progress revision, local day) → statistics.
    stats: Option<((u64, i64), QuizStats)>,
    /// (progress revision, questions revision) → study plan.
    plan: Option<((u64, u64), Vec<PlanRow>)>,
}

/// The Quiz room's state.
pub struct QuizRoom {
    /// Bank, then generated from the notes, then diagram drills, then imported questions.
    pub questions: Vec<Question>,
    /// How many of `questions` come from the bank (they come first).
    pub bank_count: usize,
    imported: Vec<Question>,
    /// Problems to show (bank, progress file, imports, saves).
    pub messages: Vec<String>,
    progress: Progress,
    /// Bumped at each change of `progress` (the app saves when it moves).
    progress_revision: u64,
    /// Bumped at each change of `questions` or of their tiers.
    questions_revision: u64,
    /// What is shown.
    pub view: QuizView,
    /// Practice filters.
    pub filter: PracticeFilter,
    /// The import window, when open.
    pub import: Option<ImportState>,
    /// A practice or review session left before its end (kept for "resume").
    pub paused_session: Option<Session>,
    /// The exam under way but paused (also after a restart).
    pub paused_exam: Option<Exam>,
    /// What the exam result lists.
    pub result_filter: ResultFilter,
    rng: fastrand::Rng,
    /// Catalog short names of the services the notes describe, sorted (service filter).
    services_with_topics: Vec<String>,
    /// Services some question is about.
    services_with_questions: HashSet<String>,
    /// Tier of each question (from its topic or its services' topics).
    question_tiers: Vec<Option<Tier>>,
    /// The drills of the templates and of the student's diagrams, in the language they
    /// were written in.
    drills: Option<DrillSet>,
    drill_summary: DrillSummary,
    seed: u64,
    cache: Cache,
}

impl QuizRoom {
    /// A room over the bank questions and the progress read from disk; `seed` varies the
    /// shuffles. Call [`QuizRoom::rebuild`] to add the questions of the notes.
    #[must_use]
    pub fn new(bank: Vec<Question>, progress: Progress, seed: u64) -> Self {
        Self {
            bank_count: bank.len(),
            services_with_questions: HashSet::new(),
            questions: bank,
            imported: Vec::new(),
            messages: Vec::new(),
            progress,
            progress_revision: 0,
            questions_revision: 0,
            view: QuizView::Home,
            filter: PracticeFilter::default(),
            import: None,
            paused_session: None,
            paused_exam: None,
            result_filter: ResultFilter::All,
            rng: fastrand::Rng::with_seed(seed),
            services_with_topics: Vec::new(),
            question_tiers: Vec::new(),
            drills: None,
            drill_summary: DrillSummary::default(),
            seed,
            cache: Cache::default(),
        }
    }

    /// Replaces the progress with one restored from a backup (already written to disk by
    /// the app): caches that depend on it are recomputed.
    pub fn replace_progress(&mut self, progress: Progress) {
        self.progress = progress;
        self.progress_revision += 1;
        self.restore_exam();
    }

    /// The student's progress.
    #[must_use]
    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// A number that changes whenever the progress does: the app saves when it moves.
    #[must_use]
    pub fn progress_revision(&self) -> u64 {
        self.progress_revision
    }

    fn progress_changed(&mut self) {
        self.progress.version = Progress::VERSION;
        self.progress_revision += 1;
    }

    /// Adds the questions of a file imported in an earlier run (read by the app at start;
    /// call [`QuizRoom::rebuild`] afterwards).
    pub fn restore_import(&mut self, path: &Path, text: &str) {
        self.imported
            .extend(import_markdown(&file_label(path), text).questions);
    }

    /// Rebuilds the generated questions and the services lists for a new index, and the
    /// tiers; an open session is ended since its question numbers change.
    pub fn rebuild(&mut self, env: QuizEnv<'_>) {
        // A running exam is paused and saved by question id; it comes back below, running
        // again if it was shown.
        let now = now_secs();
        let exam_was_running = matches!(self.view, QuizView::Exam(_));
        if let QuizView::Exam(exam) = &mut self.view {
            exam.pause(now);
        }
        self.save_exam(now);
        // Sessions index the questions, whose numbers change: kept by id, and dropped only
        // if one of their questions is gone.
        let shown = match &self.view {
            QuizView::Session(s) => Some((s.clone(), self.session_ids(s))),
            _ => None,
        };
        let paused = self
            .paused_session
            .take()
            .map(|s| (self.session_ids(&s), s));
        self.questions.truncate(self.bank_count);
        self.questions.extend(generate::from_notes(env.index, 0));
        let drills = self.drills_for(env.lang).to_vec();
        self.questions.extend(drills);
        self.questions.extend(self.imported.iter().cloned());
        let services = services::Catalog::bundled();
        let mut with_topics: Vec<String> = services
            .services()
            .iter()
            .filter(|s| !env.index.topics_of_service(s.id).is_empty())
            .map(|s| s.short.clone())
            .collect();
        with_topics.sort();
        with_topics.dedup();
        self.services_with_topics = with_topics;
        // Drills are not practised by filter (they have their own sessions), so a service
        // only they are about is not practisable from the plan.
        self.services_with_questions = self
            .questions
            .iter()
            .filter(|q| !matches!(q.origin, Origin::Drill { .. }))
            .flat_map(|q| q.services.iter().cloned())
            .collect();
        if !matches!(self.view, QuizView::Stats | QuizView::Plan) {
            self.view = QuizView::Home;
        }
        self.restore_exam();
        if exam_was_running && let Some(mut exam) = self.paused_exam.take() {
            exam.resume(now);
            self.view = QuizView::Exam(exam);
        }
        if let Some((session, ids)) = shown
            && let Some(session) = self.remap_session(session, &ids)
        {
            self.view = QuizView::Session(session);
        }
        if let Some((ids, session)) = paused {
            self.paused_session = self.remap_session(session, &ids);
        }
        self.refresh_tiers(env);
    }

    /// The drills in `lang`: those handed in by [`QuizRoom::set_drills`], written again
    /// here (from the same diagrams) only when the language changed, so the templates are
    /// not built and reviewed again at every rebuild.
    fn drills_for(&mut self, lang: Lang) -> &[Question] {
        if self.drills.as_ref().is_none_or(|set| set.lang != lang) {
            let sources = self
                .drills
                .take()
                .map(|set| set.sources)
                .unwrap_or_default();
            self.install_drills(DrillSet::build(sources, lang));
        }
        self.drills
            .as_ref()
            .map_or(&[], |set| set.questions.as_slice())
    }

    fn install_drills(&mut self, set: DrillSet) {
        let mut keys: Vec<&str> = set
            .questions
            .iter()
            .filter_map(|q| match &q.origin {
                Origin::Drill { source } => Some(source.as_str()),
                _ => None,
            })
            .collect();
        keys.sort_unstable();
        keys.dedup();
        self.drill_summary = DrillSummary {
            by_kind: drills::count_by_kind(&set.questions),
            diagrams: keys.len(),
        };
        self.drills = Some(set);
    }

    /// Installs the drills of the templates and of the student's diagrams (written by the
    /// app in a worker thread, [`DrillSet::build`]) and rebuilds the questions.
    pub fn set_drills(&mut self, set: DrillSet, env: QuizEnv<'_>) {
        if self.drills.as_ref() != Some(&set) {
            self.install_drills(set);
            self.rebuild(env);
        }
    }

    /// [`QuizRoom::set_drills`] for these diagrams of the student's, written now in the
    /// environment's language.
    pub fn set_drill_sources(&mut self, sources: Vec<DrillSource>, env: QuizEnv<'_>) {
        self.set_drills(DrillSet::build(sources, env.lang), env);
    }

    /// The student's diagrams the drills come from (besides the templates).
    #[must_use]
    pub fn drill_sources(&self) -> &[DrillSource] {
        self.drills
            .as_ref()
            .map_or(&[], |set| set.sources.as_slice())
    }

    /// The diagram drills available, by kind, and the diagrams they come from.
    #[must_use]
    pub fn drill_summary(&self) -> &DrillSummary {
        &self.drill_summary
    }

    /// The ids of a session's queue and misses.
    fn session_ids(&self, s: &Session) -> (Vec<String>, Vec<String>) {
        let id = |i: &usize| {
            self.questions
                .get(*i)
                .map(|q| q.id.clone())
                .unwrap_or_default()
        };
        (
            s.queue.iter().map(id).collect(),
            s.missed.iter().map(id).collect(),
        )
    }

    /// `session` over the current question numbers, `None` if a question is gone.
    fn remap_session(
        &self,
        mut session: Session,
        (queue, missed): &(Vec<String>, Vec<String>),
    ) -> Option<Session> {
        let index_of: HashMap<&str, usize> = self
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.as_str(), i))
            .collect();
        let map = |ids: &[String]| -> Option<Vec<usize>> {
            ids.iter()
                .map(|id| index_of.get(id.as_str()).copied())
                .collect()
        };
        session.queue = map(queue)?;
        session.missed = map(missed)?;
        Some(session)
    }

    /// Brings back the exam saved in the progress (paused), if any.
    fn restore_exam(&mut self) {
        self.paused_exam = self.progress.exam_in_progress.as_ref().and_then(|saved| {
            let index_of: HashMap<&str, usize> = self
                .questions
                .iter()
                .enumerate()
                .map(|(i, q)| (q.id.as_str(), i))
                .collect();
            Exam::from_saved(saved, &index_of)
        });
        // Saved with no time left (a crash at the very end): scored now, not lost.
        if let Some(exam) = self.paused_exam.take_if(|e| e.remaining_secs(0) == 0) {
            let now = now_secs();
            self.view = QuizView::Exam(exam);
            self.submit_exam(now);
        }
    }

    /// Writes the exam clock into the progress (on exit), so the next start resumes with
    /// the time left now, not at the last 30-second save.
    pub fn save_exam_clock(&mut self, now: i64) {
        self.save_exam(now);
    }

    /// Writes the exam under way (shown or paused) into the progress, to be saved.
    fn save_exam(&mut self, now: i64) {
        let exam = match &self.view {
            QuizView::Exam(exam) => Some(exam),
            _ => self.paused_exam.as_ref(),
        };
        let Some(exam) = exam else {
            return;
        };
        let questions = &self.questions;
        let id_of = |i: usize| questions.get(i).map(|q| q.id.clone());
        let saved = exam.to_saved(&id_of, now);
        if self.progress.exam_in_progress.as_ref() != Some(&saved) {
            self.progress.exam_in_progress = Some(saved);
            self.progress_changed();
        }
    }

    /// Shows the current question of the session with its choices in a new order.
    fn shuffle_shown(&mut self) {
        let QuizView::Session(session) = &mut self.view else {
            return;
        };
        let Some(q) = session.current().and_then(|i| self.questions.get(i)) else {
            session.order.clear();
            return;
        };
        if q.order_matters() {
            session.order = (0..q.choices.len()).collect();
        } else {
            session.shuffle_choices(q.choices.len(), &mut self.rng);
        }
    }

    fn start_session(&mut self, kind: SessionKind, queue: Vec<usize>, now: i64) {
        self.paused_session = None;
        self.view = QuizView::Session(Session::new(kind, queue, now));
        self.shuffle_shown();
    }

    /// Recomputes each question's tier (after the user changed one): a question generated
    /// from a topic has the topic's tier; any other has the most asked tier of its services
    /// (what the notes make of them, else the catalog's default), so practising "très
    /// fréquent" draws the S3, EC2, IAM and VPC questions.
    pub fn refresh_tiers(&mut self, env: QuizEnv<'_>) {
        let by_key: HashMap<&str, usize> = env
            .index
            .topics
            .iter()
            .enumerate()
            .map(|(t, topic)| (&*topic.key, t))
            .collect();
        let services = services::Catalog::bundled();
        self.question_tiers = self
            .questions
            .iter()
            .map(|q| match &q.origin {
                Origin::Notes { topic_key } => by_key
                    .get(topic_key.as_str())
                    .and_then(|t| env.tiers.get(*t).copied().flatten()),
                _ => q
                    .services
                    .iter()
                    .filter_map(|name| services.by_name(name))
                    .filter_map(|id| {
                        env.service_tiers
                            .get(&id)
                            .copied()
                            .or_else(|| services.default_tier(id))
                    })
                    .min(),
            })
            .collect();
        self.questions_revision += 1;
    }

    /// Whether some question of the bank (or imported, or generated) is about `service`
    /// (its catalog short name): what [`QuizCommand::PracticeService`] would practise.
    #[must_use]
    pub fn has_questions_about(&self, service: &str) -> bool {
        self.services_with_questions.contains(service)
    }

    /// Catalog short names of the services the notes describe, sorted.
    #[must_use]
    pub fn services_with_topics(&self) -> &[String] {
        &self.services_with_topics
    }

    /// The tier of question `q`.
    #[must_use]
    pub fn tier_of(&self, q: usize) -> Option<Tier> {
        self.question_tiers.get(q).copied().flatten()
    }

    /// Indices of the questions the practice filters select (computed now; the views use
    /// the cached [`QuizRoom::matching_ids`]).
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
                        .filter_map(|t| index.topics.get(*t).and_then(|t| t.service))
                        .map(|(id, _)| services.short_name(id).to_owned())
                        .collect()
                })
                .unwrap_or_default()
        });
        (0..self.questions.len())
            .filter(|&i| {
                let q = &self.questions[i];
                !matches!(q.origin, Origin::Drill { .. })
                    && (self.filter.generated || i < self.bank_count || self.is_imported(i))
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

    /// The already-seen questions due now, and the learning steps due later today
    /// (questions that exist now; an id listed twice counts once).
    fn due_now(&self, now: i64) -> DueNow {
        let end = end_of_today(now);
        let mut due = DueNow::default();
        let mut seen = HashSet::new();
        for (i, q) in self.questions.iter().enumerate() {
            let Some(card) = self.progress.cards.get(&q.id) else {
                continue;
            };
            if !seen.insert(q.id.as_str()) {
                continue;
            }
            if scheduler::is_due_now(card, now, end) {
                due.now.push(i);
            } else if scheduler::is_later_today(card, now, end) {
                due.later_today += 1;
            }
        }
        due
    }

    /// Bank and imported questions never answered (each id once).
    fn unseen(&self) -> usize {
        let mut ids = HashSet::new();
        self.questions
            .iter()
            .filter(|q| matches!(q.origin, Origin::Bank | Origin::Imported { .. }))
            .filter(|q| ids.insert(q.id.as_str()))
            .filter(|q| !self.progress.cards.contains_key(&q.id))
            .count()
    }

    /// Reviews due now (computed now; the views use the cached [`QuizRoom::due_today`]).
    #[must_use]
    pub fn due_count(&self, now: i64) -> usize {
        self.due_now(now).now.len()
    }

    /// Days to the exam, the review forecast until then and the unseen questions; `None`
    /// without an exam date, or once it is past.
    fn countdown(&self, now: i64, offset: i64) -> Option<Countdown> {
        let unseen = self.unseen();
        let Some(date) = self.progress.settings.exam_date else {
            return Some(Countdown {
                days_left: -1,
                forecast: Vec::new(),
                unseen,
            });
        };
        let today = stats::day_of(now, offset);
        let exam_day = stats::day_of(day_start_secs(date, offset), offset);
        let days_left = exam_day - today;
        if days_left < 0 {
            return None;
        }
        let days = usize::try_from(days_left.clamp(0, 60)).unwrap_or(0);
        Some(Countdown {
            days_left,
            forecast: stats::due_forecast(&self.progress.cards, now, offset, days),
            unseen,
        })
    }

    /// Brings the cached values up to date for a frame drawn at `now`: cheap when nothing
    /// changed. The statistics and the plan are only computed while they are shown.
    pub fn prepare(&mut self, index: &Index, tiers: &[Option<Tier>], now: i64) {
        let key = (self.progress_revision, self.questions_revision, now / 60);
        if self.cache.due.as_ref().is_none_or(|(k, _)| *k != key) {
            self.cache.due = Some((key, self.due_now(now)));
        }
        let offset = utc_offset_secs();
        let key = (
            self.progress_revision,
            self.questions_revision,
            stats::day_of(now, offset),
        );
        if matches!(self.view, QuizView::Home | QuizView::Plan)
            && self.cache.countdown.as_ref().is_none_or(|(k, _)| *k != key)
        {
            self.cache.countdown = Some((key, self.countdown(now, offset)));
        }
        // A running exam is saved every half minute, so a crash loses at most that.
        if let QuizView::Exam(exam) = &self.view
            && !exam.is_paused()
            && self
                .progress
                .exam_in_progress
                .as_ref()
                .is_none_or(|s| s.remaining_secs - exam.remaining_secs(now) >= 30)
        {
            self.save_exam(now);
        }
        let fresh =
            |k: &(PracticeFilter, u64)| k.0 == self.filter && k.1 == self.questions_revision;
        if matches!(self.view, QuizView::Home)
            && self.cache.matching.as_ref().is_none_or(|(k, _)| !fresh(k))
        {
            let ids = self.matching(index);
            self.cache.matching = Some(((self.filter.clone(), self.questions_revision), ids));
        }
        if matches!(self.view, QuizView::Stats) {
            let offset = utc_offset_secs();
            let key = (self.progress_revision, stats::day_of(now, offset));
            if self.cache.stats.as_ref().is_none_or(|(k, _)| *k != key) {
                self.cache.stats = Some((key, self.compute_stats(now, offset)));
            }
        }
        if matches!(self.view, QuizView::Plan) {
            let key = (self.progress_revision, self.questions_revision);
            if self.cache.plan.as_ref().is_none_or(|(k, _)| *k != key) {
                self.cache.plan = Some((key, self.compute_plan(index, tiers)));
            }
        }
    }

    /// Brings what the start page shows up to date whatever the room's page: the
    /// countdown and the statistics (weakest services, streak), cached as
    /// [`QuizRoom::prepare`] caches them for their own pages.
    pub fn prepare_start(&mut self, now: i64) {
        let offset = utc_offset_secs();
        let day = stats::day_of(now, offset);
        let key = (self.progress_revision, self.questions_revision, day);
        if self.cache.countdown.as_ref().is_none_or(|(k, _)| *k != key) {
            self.cache.countdown = Some((key, self.countdown(now, offset)));
        }
        let key = (self.progress_revision, day);
        if self.cache.stats.as_ref().is_none_or(|(k, _)| *k != key) {
            self.cache.stats = Some((key, self.compute_stats(now, offset)));
        }
    }

    /// Reviews due now, as of the last [`QuizRoom::prepare`].
    #[must_use]
    pub fn due_today(&self) -> usize {
        self.cache.due.as_ref().map_or(0, |(_, due)| due.now.len())
    }

    /// Learning steps due later today, as of the last [`QuizRoom::prepare`].
    #[must_use]
    pub fn due_later_today(&self) -> usize {
        self.cache
            .due
            .as_ref()
            .map_or(0, |(_, due)| due.later_today)
    }

    /// The exam-date countdown, as of the last [`QuizRoom::prepare`] on the home or the
    /// plan; `None` without an exam date (or once it is past).
    #[must_use]
    pub fn countdown_shown(&self) -> Option<&Countdown> {
        self.cache
            .countdown
            .as_ref()
            .and_then(|(_, c)| c.as_ref())
            .filter(|c| c.days_left >= 0)
    }

    /// Bank and imported questions never answered, as of the last [`QuizRoom::prepare`]
    /// on the home or the plan.
    #[must_use]
    pub fn unseen_shown(&self) -> usize {
        self.cache
            .countdown
            .as_ref()
            .and_then(|(_, c)| c.as_ref())
            .map_or(0, |c| c.unseen)
    }

    /// The card of question `q`, if it was ever answered.
    #[must_use]
    pub fn card_of(&self, q: usize) -> Option<&scheduler::CardState> {
        self.questions
            .get(q)
            .and_then(|q| self.progress.cards.get(&q.id))
    }

    /// The questions the filters select, as of the last [`QuizRoom::prepare`] on the home.
    #[must_use]
    pub fn matching_ids(&self) -> &[usize] {
        self.cache.matching.as_ref().map_or(&[], |(_, ids)| ids)
    }

    /// The statistics, as of the last [`QuizRoom::prepare`] on the statistics page.
    #[must_use]
    pub fn stats(&self) -> Option<&QuizStats> {
        self.cache.stats.as_ref().map(|(_, s)| s)
    }

    /// The study plan, as of the last [`QuizRoom::prepare`] on the plan page.
    #[must_use]
    pub fn plan(&self) -> &[PlanRow] {
        self.cache.plan.as_ref().map_or(&[], |(_, p)| p)
    }

    fn compute_stats(&self, now: i64, offset: i64) -> QuizStats {
        let answers = &self.progress.answers;
        QuizStats {
            answered: answers.len(),
            right: answers.iter().filter(|a| a.correct).count(),
            streak_days: stats::streak_days(answers, now, offset),
            last_days: stats::accuracy_by_day(answers, now, offset, 30)
                .iter()
                .map(|(_, c, t)| (ratio(*c, *t), *t > 0))
                .collect(),
            by_domain: stats::accuracy_by_domain(answers),
            weakest: stats::weakest_services(answers, 2, 10),
            forecast: stats::due_forecast(&self.progress.cards, now, offset, 14),
            leeches: self.leeches(),
            exam_history: self
                .progress
                .exams
                .iter()
                .map(|e| (e.score, e.by_domain.clone()))
                .collect(),
        }
    }

    /// Questions that are leeches, most lapses first.
    fn leeches(&self) -> Vec<usize> {
        let mut seen = HashSet::new();
        let mut leeches: Vec<(u32, usize)> = self
            .questions
            .iter()
            .enumerate()
            .filter(|(_, q)| seen.insert(q.id.as_str()))
            .filter_map(|(i, q)| {
                let card = self.progress.cards.get(&q.id)?;
                scheduler::is_leech(card).then_some((card.lapses, i))
            })
            .collect();
        leeches.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        leeches.into_iter().map(|(_, i)| i).collect()
    }

    fn compute_plan(&self, index: &Index, tiers: &[Option<Tier>]) -> Vec<PlanRow> {
        let services = services::Catalog::bundled();
        stats::study_plan(index, tiers, &self.progress.answers)
            .into_iter()
            .take(PLAN_LENGTH)
            .map(|item| {
                let service = index
                    .topics
                    .get(item.topic)
                    .and_then(|t| t.service)
                    .map(|(id, _)| services.short_name(id).to_owned());
                let has_questions = service
                    .as_ref()
                    .is_some_and(|s| self.services_with_questions.contains(s));
                PlanRow {
                    item,
                    service,
                    has_questions,
                }
            })
            .collect()
    }

    /// Runs one command of the views at `now`; returns what the app must do for it, if
    /// anything (read a file, show a dialog, change room).
    pub fn apply(
        &mut self,
        command: QuizCommand,
        env: QuizEnv<'_>,
        now: i64,
    ) -> Option<QuizEffect> {
        match command {
            QuizCommand::ShowHome => self.leave_for_home(now),
            QuizCommand::ResumeSession => {
                if let Some(mut session) = self.paused_session.take() {
                    // The time away is not answer time.
                    session.shown_at_secs = now;
                    self.view = QuizView::Session(session);
                    self.shuffle_shown();
                }
            }
            QuizCommand::RetakeMissed => {
                if let QuizView::Session(session) = &self.view {
                    let missed = session.missed.clone();
                    // Drills missed are drilled again, any other miss practised.
                    let kind = match session.kind {
                        SessionKind::Drill => SessionKind::Drill,
                        SessionKind::Practice | SessionKind::Review => SessionKind::Practice,
                    };
                    if !missed.is_empty() {
                        self.start_session(kind, missed, now);
                    }
                }
            }
            QuizCommand::PauseExam => self.leave_for_home(now),
            QuizCommand::ResumeExam => {
                if let Some(mut exam) = self.paused_exam.take() {
                    exam.resume(now);
                    self.view = QuizView::Exam(exam);
                    self.save_exam(now);
                }
            }
            QuizCommand::AbandonExam => {
                self.paused_exam = None;
                if self.progress.exam_in_progress.take().is_some() {
                    self.progress_changed();
                }
            }
            QuizCommand::SetResultFilter(filter) => self.result_filter = filter,
            QuizCommand::SetExamDate(date) => {
                self.progress.settings.exam_date = date;
                self.progress_changed();
            }
            QuizCommand::SetRetention(r) => {
                let r = r.clamp(
                    *scheduler::RETENTION_RANGE.start(),
                    *scheduler::RETENTION_RANGE.end(),
                );
                if (r - self.progress.settings.desired_retention).abs() > 1e-9 {
                    self.progress.settings.desired_retention = r;
                    self.progress_changed();
                }
            }
            QuizCommand::SetImportedInExams(on) => {
                self.progress.settings.imported_in_exams = on;
                self.progress_changed();
            }
            QuizCommand::ShowStats => self.view = QuizView::Stats,
            QuizCommand::ShowPlan => self.view = QuizView::Plan,
            QuizCommand::SetFilter(filter) => self.filter = filter,
            QuizCommand::StartPractice => self.start_practice(env.index, now),
            QuizCommand::PracticeService(service) => {
                self.filter = PracticeFilter {
                    service: Some(service),
                    ..PracticeFilter::default()
                };
                self.start_practice(env.index, now);
            }
            QuizCommand::StartReview => self.start_review(now),
            QuizCommand::StartDrills => self.start_drills(now),
            QuizCommand::StartExam => self.start_exam(now),
            QuizCommand::ToggleChoice(choice) => {
                if let QuizView::Session(session) = &mut self.view
                    && session.checked.is_none()
                    && let Some(q) = session.current().and_then(|i| self.questions.get(i))
                {
                    toggle(&mut session.selected, choice, q.is_multiple());
                }
            }
            QuizCommand::Check => self.check_session(now),
            QuizCommand::Grade(grade) => self.grade_session(grade, now),
            QuizCommand::ExamGo(pos) => {
                if let QuizView::Exam(exam) = &mut self.view {
                    exam.go(pos);
                }
                self.save_exam(now);
            }
            QuizCommand::ExamToggle(choice) => {
                if let QuizView::Exam(exam) = &mut self.view
                    && let Some(q) = exam
                        .questions
                        .get(exam.pos)
                        .and_then(|i| self.questions.get(*i))
                {
                    exam.toggle(choice, q.is_multiple());
                }
                self.save_exam(now);
            }
            QuizCommand::ExamToggleFlag => {
                if let QuizView::Exam(exam) = &mut self.view {
                    exam.toggle_flag();
                }
                self.save_exam(now);
            }
            QuizCommand::SubmitExam => self.submit_exam(now),
            QuizCommand::OpenImport => self.import = Some(ImportState::default()),
            QuizCommand::CloseImport => self.import = None,
            QuizCommand::ImportFile(path) => return Some(QuizEffect::ReadImport(path)),
            QuizCommand::BrowseImport => return Some(QuizEffect::PickImportFile),
            QuizCommand::OpenTopic(topic) => return Some(QuizEffect::OpenTopic(topic)),
        }
        None
    }

    /// Starts a practice session: most-asked tiers first, shuffled within a tier.
    pub fn start_practice(&mut self, index: &Index, now: i64) {
        let mut rng = fastrand::Rng::with_seed(self.seed ^ now.unsigned_abs());
        let mut picked = self.matching(index);
        rng.shuffle(&mut picked);
        picked.sort_by_key(|&i| self.tier_of(i).map_or(Tier::ALL.len(), tier_rank));
        picked.truncate(PRACTICE_LENGTH);
        self.start_session(SessionKind::Practice, picked, now);
    }

    /// Starts a session of [`DRILL_LENGTH`] diagram drills: drills never answered first,
    /// then the ones whose review comes soonest; the kinds take turns, so a session mixes
    /// "which service?", "what is wrong?" and "which change?". Shuffled within a kind.
    pub fn start_drills(&mut self, now: i64) {
        let mut rng = fastrand::Rng::with_seed(self.seed ^ now.unsigned_abs() ^ 0xd1);
        let mut by_kind: Vec<Vec<usize>> = vec![Vec::new(); drills::DrillKind::ALL.len()];
        for (i, q) in self.questions.iter().enumerate() {
            if let Some(k) = drills::DrillKind::of(&q.id)
                && let Some(slot) = drills::DrillKind::ALL.iter().position(|x| *x == k)
                && matches!(q.origin, Origin::Drill { .. })
            {
                by_kind[slot].push(i);
            }
        }
        for kind in &mut by_kind {
            rng.shuffle(kind);
            // Never answered first, then the review that comes soonest.
            kind.sort_by_key(|&i| {
                self.progress
                    .cards
                    .get(&self.questions[i].id)
                    .map_or(i64::MIN, |c| c.due_secs)
            });
            kind.reverse();
        }
        let mut queue = Vec::with_capacity(DRILL_LENGTH);
        while queue.len() < DRILL_LENGTH && by_kind.iter().any(|k| !k.is_empty()) {
            for kind in &mut by_kind {
                if queue.len() < DRILL_LENGTH
                    && let Some(i) = kind.pop()
                {
                    queue.push(i);
                }
            }
        }
        if !queue.is_empty() {
            self.start_session(SessionKind::Drill, queue, now);
        }
    }

    /// Back to the home: an unfinished session is kept for "resume", a running exam is
    /// paused (and saved) with the time it has.
    fn leave_for_home(&mut self, now: i64) {
        match std::mem::take(&mut self.view) {
            QuizView::Session(session) if session.unfinished() && session.done > 0 => {
                self.paused_session = Some(session);
            }
            QuizView::Session(session) if session.unfinished() => {
                // Nothing answered yet: nothing to resume.
                drop(session);
            }
            QuizView::Exam(mut exam) => {
                exam.pause(now);
                self.paused_exam = Some(exam);
                self.save_exam(now);
            }
            _ => {}
        }
    }

    /// Starts a review of the cards due now (already-seen questions only; learning steps
    /// due later today wait for their time), most overdue and most exam-frequent first.
    /// The queue holds indices into [`QuizRoom::questions`].
    pub fn start_review(&mut self, now: i64) {
        let until = end_of_today(now);
        let due = self.due_now(now).now;
        let ids: Vec<&str> = due.iter().map(|&i| self.questions[i].id.as_str()).collect();
        // Id → index into all the questions (not into the due list).
        let by_id: HashMap<&str, usize> = due
            .iter()
            .map(|&i| (self.questions[i].id.as_str(), i))
            .collect();
        let tier_of = |id: &str| by_id.get(id).and_then(|i| self.tier_of(*i));
        let queue: Vec<usize> = self
            .progress
            .due_queue(&ids, &tier_of, now, until)
            .iter()
            .filter_map(|id| by_id.get(id.as_str()).copied())
            .collect();
        self.start_session(SessionKind::Review, queue, now);
    }

    /// Starts a 65-question exam drawn from the bank by domain weight.
    /// Imported questions join when the settings allow it. A paused exam is abandoned.
    pub fn start_exam(&mut self, now: i64) {
        let pool: Vec<usize> = (0..self.questions.len())
            .filter(|&i| {
                i < self.bank_count
                    || (self.progress.settings.imported_in_exams && self.is_imported(i))
            })
            .collect();
        if pool.is_empty() {
            return;
        }
        let candidates: Vec<Question> = pool.iter().map(|&i| self.questions[i].clone()).collect();
        let drawn = exam::draw(&candidates, self.seed ^ now.unsigned_abs())
            .into_iter()
            .map(|k| pool[k])
            .collect();
        self.paused_exam = None;
        self.result_filter = ResultFilter::All;
        self.view = QuizView::Exam(Exam::new(drawn, now, exam::EXAM_SECONDS));
        self.save_exam(now);
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
        let schedule = schedule_of(&self.progress.settings);
        self.progress
            .record_with(q, correct, ms, None, now, &schedule);
        session.check(correct, previous, scheduler::auto_grade(correct, ms));
        self.progress_changed();
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
        let schedule = schedule_of(&self.progress.settings);
        let regraded = (grade != checked.auto_grade).then(|| {
            checked.chosen_grade = Some(grade);
            (
                q.id.clone(),
                scheduler::review_with(checked.previous.as_ref(), grade, now, &schedule),
            )
        });
        session.next(now);
        self.shuffle_shown();
        if let Some((id, card)) = regraded {
            self.progress.cards.insert(id, card);
            self.progress_changed();
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
        let schedule = schedule_of(&self.progress.settings);
        // Unanswered questions are not answers: no card, no statistics, no weakness. The
        // time per question is an average (about two minutes at the exam's pace), which
        // would grade every right answer "Hard": right is Good, wrong is Again.
        for (q, a) in questions.iter().zip(&exam.answers) {
            if let Some(a) = a {
                let correct = q.is_correct(a);
                let grade = if correct { Grade::Good } else { Grade::Again };
                self.progress
                    .record_with(q, correct, per_question_ms, Some(grade), now, &schedule);
            }
        }
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        self.progress.exams.push(ExamRecord {
            at_secs: now,
            score: result.score,
            passed: result.passed,
            correct: count(result.correct),
            total: count(result.total),
            unanswered: count(result.unanswered),
            by_domain: result
                .by_domain
                .iter()
                .map(|(d, c, t)| (*d, count(*c), count(*t)))
                .collect(),
        });
        self.progress.exam_in_progress = None;
        self.paused_exam = None;
        self.result_filter = ResultFilter::All;
        self.progress_changed();
        self.view = QuizView::ExamResult(exam, result);
    }

    /// Imports the questions of a Markdown file the app read (`path` as the user gave
    /// it): adds them, remembers the file for the next start when it gave any, and shows
    /// the count and the problems in the import window.
    pub fn import_text(&mut self, path: &Path, text: &str, env: QuizEnv<'_>) {
        let report = import_markdown(&file_label(path), text);
        let added = report.questions.len();
        let ids: HashSet<&str> = report.questions.iter().map(|q| q.id.as_str()).collect();
        self.imported.retain(|q| !ids.contains(q.id.as_str()));
        self.imported.extend(report.questions);
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        if added > 0 && !self.progress.imports.contains(&path) {
            self.progress.imports.push(path);
            self.progress_changed();
        }
        self.rebuild(env);
        self.show_import_report(added, report.problems);
    }

    /// The app could not read the file to import: say so in the import window.
    pub fn import_failed(&mut self, path: &Path, error: &std::io::Error) {
        let problem = ImportProblem::Unreadable {
            path: path.display().to_string(),
            io: error.into(),
        };
        self.show_import_report(0, vec![(0, problem)]);
    }

    fn show_import_report(&mut self, added: usize, problems: Vec<(usize, ImportProblem)>) {
        if let Some(state) = &mut self.import {
            state.report = Some((added, problems));
        }
    }

    /// The import window shows `path` (picked in the native dialog).
    pub fn set_import_path(&mut self, path: &Path) {
        if let Some(state) = &mut self.import {
            state.path = path.display().to_string();
        }
    }

    /// The files imported in earlier runs, to read at start.
    #[must_use]
    pub fn imports(&self) -> &[PathBuf] {
        &self.progress.imports
    }
}

/// The topic to open for a service (catalog short name), if the notes describe it.
#[must_use]
pub fn topic_for_service(index: &Index, service: &str) -> Option<usize> {
    let id = services::Catalog::bundled().by_name(service)?;
    index.topics_of_service(id).first().copied()
}

/// `correct / total`, 0 when nothing was answered.
#[must_use]
pub fn ratio(correct: usize, total: usize) -> f32 {
    if total == 0 {
        0.0
    } else {
        #[allow(clippy::cast_precision_loss)]
        let r = correct as f32 / total as f32;
        r
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::diagram::templates::Template;
    use crate::notes::vault::{LoadedVault, VaultSource};

    const T0: i64 = 1_750_000_000;
    const DAY: i64 = 86_400;

    fn question(id: &str, domain: Domain, services: &[&str]) -> Question {
        crate::quiz::test_question(id, Some(domain), services)
    }

    fn bank(n: usize) -> Vec<Question> {
        (0..n)
            .map(|i| {
                let domain = Domain::ALL[i % 4];
                let service = if i % 2 == 0 {
                    "Amazon S3"
                } else {
                    "Amazon EC2"
                };
                question(&format!("q{i}"), domain, &[service])
            })
            .collect()
    }

    fn empty_index() -> Index {
        Index::build(
            LoadedVault::from_parts(VaultSource::Bundled, Vec::new(), Vec::new(), Vec::new()),
            &|_, _| {},
        )
    }

    fn room(n: usize, progress: Progress, index: &Index) -> QuizRoom {
        let mut room = QuizRoom::new(bank(n), progress, 7);
        let tiers = HashMap::new();
        room.rebuild(QuizEnv {
            index,
            tiers: &[],
            service_tiers: &tiers,
            lang: Lang::En,
        });
        room
    }

    /// The room's environment over `index`, without tiers.
    fn env<'a>(index: &'a Index, tiers: &'a HashMap<ServiceId, Tier>) -> QuizEnv<'a> {
        QuizEnv {
            index,
            tiers: &[],
            service_tiers: tiers,
            lang: Lang::En,
        }
    }

    fn ids(room: &QuizRoom, indices: &[usize]) -> Vec<String> {
        let mut ids: Vec<String> = indices
            .iter()
            .map(|&i| room.questions[i].id.clone())
            .collect();
        ids.sort();
        ids
    }

    fn queue(room: &QuizRoom) -> Vec<usize> {
        match &room.view {
            QuizView::Session(s) => s.queue.clone(),
            other => panic!("no session: {other:?}"),
        }
    }

    /// Regression: `start_review` used an index into the list of due ids as an index into
    /// all the questions, so reviewing the due cards of q2, q5 and q8 showed q0, q1 and q2.
    #[test]
    fn start_review_queues_the_due_cards_not_the_first_questions() {
        let index = empty_index();
        let mut progress = Progress::new();
        let all = bank(10);
        for i in [2, 5, 8] {
            progress.record(&all[i], true, 20_000, None, T0);
        }
        let now = T0 + 365 * DAY;
        // Answered just now with "easy": not due today.
        progress.record(&all[7], true, 5_000, Some(Grade::Easy), now);
        let mut room = room(10, progress, &index);
        assert_eq!(room.due_count(now), 3);
        room.start_review(now);
        assert_eq!(ids(&room, &queue(&room)), ["q2", "q5", "q8"]);
    }

    #[test]
    fn due_count_is_cached_until_the_progress_changes() {
        let index = empty_index();
        let mut room = room(6, Progress::new(), &index);
        let env_tiers = HashMap::new();
        let env = env(&index, &env_tiers);
        room.prepare(&index, &[], T0);
        assert_eq!(room.due_today(), 0);
        // Answer the first practice question wrong: it is due again today.
        room.filter.service = Some("Amazon S3".into());
        room.apply(QuizCommand::StartPractice, env, T0);
        let first = queue(&room)[0];
        let wrong = (0..4)
            .find(|c| !room.questions[first].answers.contains(c))
            .unwrap();
        let before = room.progress_revision();
        assert!(
            room.apply(QuizCommand::ToggleChoice(wrong), env, T0)
                .is_none()
        );
        room.apply(QuizCommand::Check, env, T0 + 10);
        assert!(room.progress_revision() > before);
        assert_eq!(room.progress().answers.len(), 1);
        assert!(!room.progress().answers[0].correct);
        // Regression: the due count grew while the student studied. A miss is a learning
        // step of a minute: later today, not due now.
        room.prepare(&index, &[], T0 + 10);
        assert_eq!((room.due_today(), room.due_later_today()), (0, 1));
        room.apply(QuizCommand::Grade(Grade::Again), env, T0 + 20);
        room.apply(QuizCommand::ShowHome, env, T0 + 20);
        assert!(
            room.paused_session.is_some(),
            "the unfinished session is kept"
        );
        room.prepare(&index, &[], T0 + 20);
        assert_eq!(room.due_today(), 0);
        // Once the step is over it is due now, and a review serves exactly it.
        room.prepare(&index, &[], T0 + 600);
        assert_eq!((room.due_today(), room.due_later_today()), (1, 0));
        room.start_review(T0 + 600);
        assert_eq!(
            ids(&room, &queue(&room)),
            [room.questions[first].id.clone()]
        );
        assert!(
            room.paused_session.is_none(),
            "a new session replaces the old one"
        );
    }

    #[test]
    fn retake_the_ones_i_missed_serves_exactly_the_misses() {
        let index = empty_index();
        let mut room = room(6, Progress::new(), &index);
        let tiers = HashMap::new();
        let env = env(&index, &tiers);
        room.apply(QuizCommand::StartPractice, env, T0);
        let order = queue(&room);
        let mut missed = Vec::new();
        for (n, &q) in order.iter().enumerate() {
            let right = room.questions[q].answers[0];
            let pick = if n % 2 == 0 { right } else { (right + 1) % 4 };
            if pick != right {
                missed.push(room.questions[q].id.clone());
            }
            room.apply(QuizCommand::ToggleChoice(pick), env, T0);
            room.apply(QuizCommand::Check, env, T0 + 5);
            room.apply(QuizCommand::Grade(Grade::Good), env, T0 + 6);
        }
        room.apply(QuizCommand::RetakeMissed, env, T0 + 10);
        let retake: Vec<String> = queue(&room)
            .iter()
            .map(|&i| room.questions[i].id.clone())
            .collect();
        assert_eq!(retake, missed);
        assert!(!missed.is_empty());
    }

    #[test]
    fn exam_date_caps_every_interval_and_counts_down() {
        let index = empty_index();
        let mut room = room(4, Progress::new(), &index);
        let tiers = HashMap::new();
        let env = env(&index, &tiers);
        let offset = utc_offset_secs();
        let today = chrono::DateTime::from_timestamp(T0 + offset, 0)
            .unwrap()
            .date_naive();
        let exam_day = today + chrono::Days::new(3);
        room.apply(QuizCommand::SetExamDate(Some(exam_day)), env, T0);
        room.apply(QuizCommand::StartPractice, env, T0);
        for _ in 0..4 {
            let QuizView::Session(s) = &room.view else {
                panic!("no session")
            };
            let Some(q) = s.current() else { break };
            let right = room.questions[q].answers[0];
            room.apply(QuizCommand::ToggleChoice(right), env, T0);
            // Answered fast and right: "Easy", days of interval without the cap.
            room.apply(QuizCommand::Check, env, T0 + 2);
            room.apply(QuizCommand::Grade(Grade::Easy), env, T0 + 3);
        }
        // The last reviews fall on the eve, not on the morning of the exam.
        let eve = exam_day.pred_opt().unwrap();
        let cap = day_start_secs(eve, utc_offset_on(eve));
        assert_eq!(room.progress().cards.len(), 4);
        for card in room.progress().cards.values() {
            assert!(card.due_secs <= cap, "{} > {cap}", card.due_secs);
        }
        assert!(
            room.progress().cards.values().any(|c| c.due_secs == cap),
            "an Easy card of days is brought back to the eve"
        );
        room.apply(QuizCommand::ShowHome, env, T0 + 4);
        room.prepare(&index, &[], T0 + 4);
        let c = room.countdown_shown().expect("a countdown");
        assert_eq!(c.days_left, 3);
        assert_eq!(c.forecast.len(), 3);
        assert_eq!(c.unseen, 0);
        // Retention is kept within its bounds.
        room.apply(QuizCommand::SetRetention(0.5), env, T0);
        assert!((room.progress().settings.desired_retention - 0.80).abs() < 1e-9);
    }

    #[test]
    fn imported_questions_enter_exams_only_when_allowed() {
        let index = empty_index();
        let mut room = room(3, Progress::new(), &index);
        let tiers = HashMap::new();
        let env = env(&index, &tiers);
        room.import_text(
            Path::new("mine.md"),
            "# Which service stores objects?\n\n- [ ] Amazon EBS\n- [x] Amazon S3\n",
            env,
        );
        let imported = room
            .questions
            .iter()
            .position(|q| matches!(q.origin, Origin::Imported { .. }))
            .unwrap();
        room.apply(QuizCommand::StartExam, env, T0);
        let QuizView::Exam(e) = &room.view else {
            panic!("no exam")
        };
        assert!(!e.questions.contains(&imported));
        room.apply(QuizCommand::AbandonExam, env, T0);
        room.apply(QuizCommand::SetImportedInExams(true), env, T0);
        room.apply(QuizCommand::StartExam, env, T0 + 1);
        let QuizView::Exam(e) = &room.view else {
            panic!("no exam")
        };
        assert!(e.questions.contains(&imported));
    }

    #[test]
    fn a_paused_exam_survives_a_new_room_over_the_saved_progress() {
        let index = empty_index();
        let mut room = room(5, Progress::new(), &index);
        let tiers = HashMap::new();
        let env = env(&index, &tiers);
        room.apply(QuizCommand::StartExam, env, T0);
        room.apply(QuizCommand::ExamToggle(2), env, T0 + 100);
        // A crash: the saved progress is all that is left, 100 s into the exam.
        let saved = room.progress().clone();
        let left = saved.exam_in_progress.as_ref().unwrap().remaining_secs;
        assert_eq!(left, i64::try_from(exam::EXAM_SECONDS).unwrap() - 100);
        let mut again = self::room(5, saved, &index);
        let paused = again.paused_exam.as_ref().expect("the exam comes back");
        assert_eq!(paused.remaining_secs(T0 + 99_999), left);
        assert_eq!(paused.answers[0], Some(vec![2]));
        again.apply(QuizCommand::ResumeExam, env, T0 + 5000);
        let QuizView::Exam(e) = &again.view else {
            panic!("no exam")
        };
        assert_eq!(e.remaining_secs(T0 + 5010), left - 10);
        again.submit_exam(T0 + 5020);
        assert!(again.progress().exam_in_progress.is_none());
        assert_eq!(again.progress().exams[0].unanswered, 4);
    }

    #[test]
    fn filters_select_by_domain_service_and_origin() {
        let index = empty_index();
        let mut room = room(8, Progress::new(), &index);
        room.prepare(&index, &[], T0);
        assert_eq!(room.matching_ids().len(), 8);
        let tiers = HashMap::new();
        let env = env(&index, &tiers);
        room.apply(
            QuizCommand::SetFilter(PracticeFilter {
                domain: Some(Domain::Secure),
                ..PracticeFilter::default()
            }),
            env,
            T0,
        );
        room.prepare(&index, &[], T0);
        assert_eq!(ids(&room, room.matching_ids()), ["q0", "q4"]);
        room.filter = PracticeFilter {
            service: Some("Amazon EC2".into()),
            ..PracticeFilter::default()
        };
        room.prepare(&index, &[], T0);
        assert_eq!(ids(&room, room.matching_ids()), ["q1", "q3", "q5", "q7"]);
        assert_eq!(room.matching(&index), room.matching_ids());
        room.apply(QuizCommand::StartPractice, env, T0);
        assert_eq!(ids(&room, &queue(&room)), ["q1", "q3", "q5", "q7"]);
        room.apply(QuizCommand::PracticeService("Amazon S3".into()), env, T0);
        assert_eq!(ids(&room, &queue(&room)), ["q0", "q2", "q4", "q6"]);
    }

    #[test]
    fn imported_questions_are_added_and_remembered() {
        let index = empty_index();
        let mut room = room(3, Progress::new(), &index);
        let tiers = HashMap::new();
        let env = env(&index, &tiers);
        room.apply(QuizCommand::OpenImport, env, T0);
        assert_eq!(
            room.apply(QuizCommand::ImportFile("mine.md".into()), env, T0),
            Some(QuizEffect::ReadImport("mine.md".into()))
        );
        let text = "# Which service stores objects?\n\n- [ ] Amazon EBS\n- [x] Amazon S3\n\n\
                    ## No right answer?\n\n- [ ] one\n- [ ] two\n";
        room.import_text(Path::new("mine.md"), text, env);
        // The bank, the templates' drills, then the imported question.
        let drills = drill_indices(&room).len();
        assert_eq!(room.questions.len(), 4 + drills);
        assert!(matches!(
            room.questions.last().unwrap().origin,
            Origin::Imported { .. }
        ));
        let (added, problems) = room.import.as_ref().unwrap().report.clone().unwrap();
        assert_eq!((added, problems.len()), (1, 1));
        assert_eq!(room.imports().len(), 1);
        assert!(room.imports()[0].ends_with("mine.md"));
        // Importing the same file again replaces its questions.
        room.import_text(Path::new("mine.md"), text, env);
        assert_eq!(room.questions.len(), 4 + drills);
        assert_eq!(room.imports().len(), 1);
        let gone = std::io::Error::new(std::io::ErrorKind::NotFound, "not found");
        room.import_failed(Path::new("gone.md"), &gone);
        let (added, problems) = room.import.as_ref().unwrap().report.clone().unwrap();
        assert_eq!(added, 0);
        assert_eq!(problems[0].1.to_string(), "gone.md: not found");
    }

    #[test]
    fn an_exam_records_its_answers_and_score() {
        let index = empty_index();
        let mut room = room(120, Progress::new(), &index);
        let tiers = HashMap::new();
        let env = env(&index, &tiers);
        room.apply(QuizCommand::StartExam, env, T0);
        let QuizView::Exam(exam) = &room.view else {
            panic!("no exam");
        };
        assert_eq!(exam.questions.len(), 65);
        room.apply(QuizCommand::ExamToggle(1), env, T0 + 5);
        room.apply(QuizCommand::ExamGo(1), env, T0 + 5);
        room.apply(QuizCommand::ExamToggle(0), env, T0 + 6);
        room.apply(QuizCommand::ExamToggleFlag, env, T0 + 6);
        room.apply(QuizCommand::SubmitExam, env, T0 + 60);
        let QuizView::ExamResult(exam, result) = &room.view else {
            panic!("no result");
        };
        assert_eq!(exam.flagged.iter().filter(|f| **f).count(), 1);
        assert_eq!((result.correct, result.total), (1, 65));
        let p = room.progress();
        assert_eq!(p.answers.len(), 2);
        assert_eq!(p.exams.len(), 1);
        assert_eq!(p.exams[0].correct, 1);
    }

    #[test]
    fn stats_and_plan_are_computed_when_shown() {
        let index = Index::build(LoadedVault::bundled(), &|_, _| {});
        let mut room = room(4, Progress::new(), &index);
        let tiers = HashMap::new();
        let env = env(&index, &tiers);
        room.prepare(&index, &[], T0);
        assert!(room.stats().is_none() && room.plan().is_empty());
        room.apply(QuizCommand::ShowStats, env, T0);
        room.prepare(&index, &[], T0);
        assert_eq!(room.stats().map(|s| s.answered), Some(0));
        room.apply(QuizCommand::ShowPlan, env, T0);
        room.prepare(&index, &[], T0);
        assert!(!room.plan().is_empty());
        assert!(room.plan().len() <= PLAN_LENGTH);
        assert!(!room.services_with_topics().is_empty());
        // A line is practisable exactly when some question is about its service.
        for row in room.plan() {
            let asked = row
                .service
                .as_ref()
                .is_some_and(|sv| room.questions.iter().any(|q| q.services.contains(sv)));
            assert_eq!(row.has_questions, asked, "{:?}", row.service);
        }
        assert_eq!(
            room.apply(QuizCommand::OpenTopic(3), env, T0),
            Some(QuizEffect::OpenTopic(3))
        );
    }

    fn drill_indices(room: &QuizRoom) -> Vec<usize> {
        (0..room.questions.len())
            .filter(|&i| matches!(room.questions[i].origin, Origin::Drill { .. }))
            .collect()
    }

    #[test]
    fn drill_sessions_serve_drills_never_answered_first_and_they_become_cards() {
        let index = empty_index();
        let mut room = room(6, Progress::new(), &index);
        let tiers = HashMap::new();
        let env = env(&index, &tiers);
        let drills = drill_indices(&room);
        assert_eq!(
            drills.len(),
            room.drill_summary().by_kind.iter().sum::<usize>()
        );
        assert_eq!(room.drill_summary().diagrams, Template::ALL.len());
        // Drills have their own sessions: practice and exams leave them out.
        room.prepare(&index, &[], T0);
        assert_eq!(ids(&room, room.matching_ids()).len(), 6);
        room.apply(QuizCommand::StartDrills, env, T0);
        let first = queue(&room);
        assert_eq!(first.len(), drills.len().min(DRILL_LENGTH));
        assert!(first.iter().all(|i| drills.contains(i)));
        let QuizView::Session(s) = &room.view else {
            panic!("no session")
        };
        assert_eq!(s.kind, SessionKind::Drill);
        for (n, &q) in first.iter().enumerate() {
            let right = room.questions[q].answers[0];
            let pick = if n == 0 { (right + 1) % 4 } else { right };
            room.apply(QuizCommand::ToggleChoice(pick), env, T0 + 1);
            room.apply(QuizCommand::Check, env, T0 + 5);
            room.apply(QuizCommand::Grade(Grade::Good), env, T0 + 6);
        }
        // Every drill answered is a card, scheduled like any other question.
        for &q in &first {
            assert!(room.progress().cards.contains_key(&room.questions[q].id));
        }
        assert_eq!(room.progress().answers.len(), first.len());
        // Retaking the misses drills them again.
        room.apply(QuizCommand::RetakeMissed, env, T0 + 10);
        assert_eq!(queue(&room), [first[0]]);
        let QuizView::Session(s) = &room.view else {
            panic!("no session")
        };
        assert_eq!(s.kind, SessionKind::Drill);
        // The next session starts with the drills never answered.
        room.apply(QuizCommand::ShowHome, env, T0 + 11);
        room.apply(QuizCommand::StartDrills, env, T0 + 12);
        let second = queue(&room);
        let unseen = drills.len() - first.len();
        assert!(
            second[..unseen.min(second.len())]
                .iter()
                .all(|i| !first.contains(i)),
            "{first:?} then {second:?}"
        );
    }

    #[test]
    fn drills_follow_the_language_and_the_students_diagrams() {
        let index = empty_index();
        let mut room = room(2, Progress::new(), &index);
        let tiers = HashMap::new();
        let en: Vec<(String, String)> = drill_indices(&room)
            .iter()
            .map(|&i| {
                (
                    room.questions[i].id.clone(),
                    room.questions[i].prompt.clone(),
                )
            })
            .collect();
        let fr_env = QuizEnv {
            lang: Lang::Fr,
            ..env(&index, &tiers)
        };
        room.rebuild(fr_env);
        let fr: Vec<(String, String)> = drill_indices(&room)
            .iter()
            .map(|&i| {
                (
                    room.questions[i].id.clone(),
                    room.questions[i].prompt.clone(),
                )
            })
            .collect();
        assert_eq!(
            en.iter().map(|x| &x.0).collect::<Vec<_>>(),
            fr.iter().map(|x| &x.0).collect::<Vec<_>>(),
            "the same drills"
        );
        assert!(
            fr.iter()
                .filter(|(id, _)| id.starts_with("drill:service:"))
                .all(|(_, p)| p.contains("Quel service")),
            "{fr:?}"
        );
        assert!(
            fr.iter()
                .filter(|(id, _)| id.starts_with("drill:fault:"))
                .all(|(_, p)| p.contains("Qu’est-ce qui ne va pas")),
            "{fr:?}"
        );
        // A diagram of the student's adds its drills, under its own ids.
        let before = drill_indices(&room).len();
        let mine = DrillSource {
            key: "file/mine.drawio".into(),
            label: "mine.drawio".into(),
            diagram: std::sync::Arc::new(Template::ThreeTier.build()),
        };
        room.set_drill_sources(vec![mine], fr_env);
        let after = drill_indices(&room);
        assert!(after.len() > before);
        assert!(
            after
                .iter()
                .any(|&i| room.questions[i].id.contains(":file/mine.drawio:"))
        );
        assert_eq!(room.drill_summary().diagrams, Template::ALL.len() + 1);
        // Drills bring no "unseen" count: they are not the bank.
        room.prepare(&index, &[], T0);
        assert_eq!(room.unseen_shown(), 2);
    }

    /// Regression (review): the notes finishing their load (or an import) rebuilt the
    /// questions and sent a student in the middle of a session or an exam back home.
    #[test]
    fn a_rebuild_keeps_the_session_and_the_running_exam() {
        let index = empty_index();
        let mut room = room(6, Progress::new(), &index);
        let tiers = HashMap::new();
        let env = env(&index, &tiers);
        // `rebuild` reads the clock: the exam runs in real time here.
        let t0 = now_secs();
        room.apply(QuizCommand::StartPractice, env, t0);
        let before = ids(&room, &queue(&room));
        room.rebuild(env);
        assert_eq!(
            ids(&room, &queue(&room)),
            before,
            "the session is still shown"
        );
        room.apply(QuizCommand::StartExam, env, t0);
        room.apply(QuizCommand::ExamToggle(1), env, t0 + 1);
        room.rebuild(env);
        let QuizView::Exam(e) = &room.view else {
            panic!("the exam is still shown: {:?}", room.view)
        };
        assert!(!e.is_paused());
        assert_eq!(e.answers[0], Some(vec![1]));
    }
}
