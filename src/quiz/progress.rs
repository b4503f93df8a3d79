//! The student's progress: the spaced-repetition state of every question seen, every answer
//! given (for statistics) and every exam taken. Saved as `progress.ron` in the data
//! directory with [`crate::store::save`] and read back with [`crate::store::load`] (atomic
//! writes, damaged files kept aside, newer formats refused).
//!
//! Cards are keyed by question id, so they survive restarts and bank updates; cards of
//! questions that no longer exist are kept (the question may come back) but never queued.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::frequency::Tier;
use crate::quiz::scheduler::{self, CardState, Grade};
use crate::quiz::{Domain, Question};
use crate::store::Versioned;

/// Everything the app remembers about the student's work in the Quiz room.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Progress {
    /// Format version.
    pub version: u32,
    /// Question id → scheduling state, for every question answered at least once.
    pub cards: BTreeMap<String, CardState>,
    /// Every answer, oldest first.
    pub answers: Vec<AnswerRecord>,
    /// Every exam simulation finished, oldest first.
    pub exams: Vec<ExamRecord>,
    /// Markdown files the student imported questions from, read again at each start.
    pub imports: Vec<std::path::PathBuf>,
    /// The student's scheduling choices.
    pub settings: StudySettings,
    /// The exam simulation under way (or paused), so a restart or a crash resumes it with
    /// the time it had.
    pub exam_in_progress: Option<SavedExam>,
}

/// The student's choices for the Quiz room, saved with the progress (and its backups).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StudySettings {
    /// FSRS desired retention ([`scheduler::RETENTION_RANGE`], 0.90 by default).
    pub desired_retention: f64,
    /// The day of the real exam: no card is scheduled past it, and the home counts down.
    pub exam_date: Option<chrono::NaiveDate>,
    /// Whether imported questions may be drawn into simulated exams (they have no
    /// reviewed domain weighting, so they are left out by default).
    pub imported_in_exams: bool,
}

impl Default for StudySettings {
    fn default() -> Self {
        Self {
            desired_retention: scheduler::DEFAULT_RETENTION,
            exam_date: None,
            imported_in_exams: false,
        }
    }
}

impl StudySettings {
    /// The scheduler's view of these settings, for a student whose clock is
    /// `utc_offset_secs` ahead of UTC on the eve of the exam: the cap is the start of the day
    /// before the exam, local time, so the last reviews fall on the eve (shown in the
    /// forecast), not on the morning of the exam.
    #[must_use]
    pub fn schedule(&self, utc_offset_secs: i64) -> scheduler::Schedule {
        scheduler::Schedule {
            desired_retention: self.desired_retention,
            not_after_secs: self
                .exam_date
                .and_then(|d| d.pred_opt())
                .map(|eve| day_start_secs(eve, utc_offset_secs)),
        }
    }
}

/// Unix seconds of local midnight at the start of `day`.
#[must_use]
pub fn day_start_secs(day: chrono::NaiveDate, utc_offset_secs: i64) -> i64 {
    day.and_hms_opt(0, 0, 0)
        .map_or(0, |t| t.and_utc().timestamp())
        .saturating_sub(utc_offset_secs)
}

/// An exam simulation saved while under way: the questions by id (indices change when
/// the notes do), the answers, the flags and the time left.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SavedExam {
    /// Question ids, in exam order.
    pub questions: Vec<String>,
    /// The selected choices of each question (`None`: unanswered).
    pub answers: Vec<Option<Vec<usize>>>,
    /// Flagged for review.
    pub flagged: Vec<bool>,
    /// The question shown.
    pub pos: usize,
    /// Seconds left on the clock when saved.
    pub remaining_secs: i64,
}

/// One answer to one question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnswerRecord {
    /// The question id.
    pub question: String,
    /// When (Unix seconds).
    pub at_secs: i64,
    /// Whether it was right.
    pub correct: bool,
    /// Time taken to answer, in milliseconds.
    pub answer_ms: u64,
    /// The question's exam domain, if known (copied so statistics survive bank changes).
    pub domain: Option<Domain>,
    /// The AWS services the question is about (catalog display names, copied likewise).
    pub services: Vec<String>,
}

/// (domain, right, questions) for each domain of one exam.
pub type DomainScores = Vec<(Domain, u32, u32)>;

/// One finished exam simulation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExamRecord {
    /// When it ended (Unix seconds).
    pub at_secs: i64,
    /// Scaled score, 100–1000.
    pub score: u32,
    /// Whether the score reached the pass mark.
    pub passed: bool,
    /// Right answers.
    pub correct: u32,
    /// Questions in the exam.
    pub total: u32,
    /// Questions left unanswered (counted in `total`, not in `correct`).
    #[serde(default)]
    pub unanswered: u32,
    /// (domain, right, questions) per domain, for the history chart (empty in files from
    /// before it was kept).
    #[serde(default)]
    pub by_domain: DomainScores,
}

impl Versioned for Progress {
    const VERSION: u32 = 1;
    fn version(&self) -> u32 {
        self.version
    }
}

impl Progress {
    /// File name inside the data directory.
    pub const FILE: &'static str = "progress.ron";

    /// Empty progress in the current format version.
    #[must_use]
    pub fn new() -> Self {
        Self {
            version: Self::VERSION,
            ..Self::default()
        }
    }

    /// Records an answer to `q` at `now_secs` and schedules its card. `grade` is the
    /// student's own choice, or `None` to grade from correctness and answer time
    /// ([`scheduler::auto_grade`]). Returns the new card state.
    pub fn record(
        &mut self,
        q: &Question,
        correct: bool,
        answer_ms: u64,
        grade: Option<Grade>,
        now_secs: i64,
    ) -> CardState {
        self.record_with(
            q,
            correct,
            answer_ms,
            grade,
            now_secs,
            &scheduler::Schedule::default(),
        )
    }

    /// [`Progress::record`] with the student's [`scheduler::Schedule`] (desired
    /// retention, exam date).
    pub fn record_with(
        &mut self,
        q: &Question,
        correct: bool,
        answer_ms: u64,
        grade: Option<Grade>,
        now_secs: i64,
        schedule: &scheduler::Schedule,
    ) -> CardState {
        self.version = Self::VERSION;
        let grade = grade.unwrap_or_else(|| scheduler::auto_grade(correct, answer_ms));
        let card = scheduler::review_with(self.cards.get(&q.id), grade, now_secs, schedule);
        self.cards.insert(q.id.clone(), card.clone());
        self.answers.push(AnswerRecord {
            question: q.id.clone(),
            at_secs: now_secs,
            correct,
            answer_ms,
            domain: q.domain,
            services: q.services.clone(),
        });
        card
    }

    /// Number of cards already seen that are due at `now_secs`.
    #[must_use]
    pub fn due_count(&self, now_secs: i64) -> usize {
        self.cards
            .values()
            .filter(|c| scheduler::is_due(c, now_secs))
            .count()
    }

    /// Ids of the questions to study now among `available` (the ids of the questions that
    /// exist): first the seen questions due now ([`scheduler::is_due_now`] with the day
    /// ending at `end_of_day_secs`), highest [`scheduler::priority`]
    /// first (`tier_of(id)` gives a question's exam-frequency tier); then the questions
    /// never seen, most exam-frequent tier first. Seen questions not yet due are left out;
    /// ties keep the order of `available`, and an id listed twice appears once. The UI takes
    /// as many as it wants from the front.
    #[must_use]
    pub fn due_queue(
        &self,
        available: &[&str],
        tier_of: &dyn Fn(&str) -> Option<Tier>,
        now_secs: i64,
        end_of_day_secs: i64,
    ) -> Vec<String> {
        let mut seen_ids = HashSet::new();
        let mut due: Vec<(f64, &str)> = Vec::new();
        let mut fresh: Vec<(f64, &str)> = Vec::new();
        for &id in available {
            if !seen_ids.insert(id) {
                continue;
            }
            let tier = tier_of(id);
            match self.cards.get(id) {
                Some(card) if scheduler::is_due_now(card, now_secs, end_of_day_secs) => {
                    due.push((scheduler::priority(card, tier, now_secs), id));
                }
                Some(_) => {}
                None => fresh.push((scheduler::tier_multiplier(tier), id)),
            }
        }
        // Stable sorts: equal keys keep the order of `available`.
        due.sort_by(|a, b| b.0.total_cmp(&a.0));
        fresh.sort_by(|a, b| b.0.total_cmp(&a.0));
        due.into_iter()
            .chain(fresh)
            .map(|(_, id)| id.to_owned())
            .collect()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::quiz::{Choice, Origin};
    use crate::store;

    const T0: i64 = 1_750_000_000;
    const DAY: i64 = 86_400;

    fn question(id: &str) -> Question {
        Question {
            id: id.into(),
            domain: Some(Domain::Resilient),
            prompt: "Which service?".into(),
            prompt_icon: None,
            prompt_diagram: None,
            choices: vec![Choice::Text("a".into()), Choice::Text("b".into())],
            answers: vec![0],
            explanation: String::new(),
            notes: Vec::new(),
            key_fact: None,
            task: None,
            services: vec!["Amazon Simple Queue Service".into()],
            assumption: None,
            origin: Origin::Bank,
        }
    }

    #[test]
    fn record_creates_card_and_answer() {
        let mut p = Progress::default();
        let q = question("res-001");
        let card = p.record(&q, true, 20_000, None, T0);
        assert_eq!(p.version, Progress::VERSION);
        assert_eq!(p.cards.get("res-001"), Some(&card));
        assert_eq!(card.reps, 1);
        assert_eq!(p.answers.len(), 1);
        let a = &p.answers[0];
        assert_eq!(
            (a.question.as_str(), a.at_secs, a.correct, a.answer_ms),
            ("res-001", T0, true, 20_000)
        );
        assert_eq!(a.domain, Some(Domain::Resilient));
        assert_eq!(a.services, q.services);

        let again = p.record(&q, false, 5_000, None, card.due_secs);
        assert_eq!(again.reps, 2);
        assert_eq!(p.cards.len(), 1);
        assert_eq!(p.answers.len(), 2);
        assert!(again.due_secs < card.due_secs + DAY);
    }

    #[test]
    fn explicit_grade_wins_over_auto_grade() {
        let q = question("x");
        let mut by_student = Progress::new();
        let easy = by_student.record(&q, true, 90_000, Some(Grade::Easy), T0);
        let mut auto = Progress::new();
        let hard = auto.record(&q, true, 90_000, None, T0);
        assert!(easy.due_secs > hard.due_secs);
        assert_eq!(hard, scheduler::review(None, Grade::Hard, T0));
    }

    #[test]
    fn due_count_follows_time() {
        let mut p = Progress::new();
        assert_eq!(p.due_count(T0), 0);
        let a = p.record(&question("a"), true, 20_000, None, T0);
        let b = p.record(&question("b"), true, 20_000, Some(Grade::Easy), T0);
        assert!(a.due_secs < b.due_secs);
        assert_eq!(p.due_count(T0), 0);
        assert_eq!(p.due_count(a.due_secs), 1);
        assert_eq!(p.due_count(b.due_secs), 2);
    }

    #[test]
    fn queue_due_by_priority_then_new_by_tier() {
        let mut p = Progress::new();
        for id in ["late", "later", "frequent", "future"] {
            p.record(&question(id), true, 20_000, None, T0);
        }
        // "future" was just reviewed again: not due.
        p.record(
            &question("future"),
            true,
            20_000,
            Some(Grade::Easy),
            T0 + 3600,
        );
        let tier_of = |id: &str| match id {
            "frequent" | "new-frequent" => Some(Tier::TresFrequent),
            "new-rare" => Some(Tier::MoinsFrequent),
            _ => None,
        };
        let mut backdated = p.clone();
        let later_due = p.cards["later"].due_secs;
        backdated.cards.get_mut("late").unwrap().due_secs = later_due - DAY;
        let now = later_due + 60;
        let available = [
            "later",
            "new-rare",
            "future",
            "late",
            "new-plain",
            "frequent",
            "new-frequent",
            "late",
        ];
        let queue = backdated.due_queue(&available, &tier_of, now, now);
        assert_eq!(
            queue,
            [
                "frequent",
                "late",
                "later",
                "new-frequent",
                "new-plain",
                "new-rare"
            ]
        );
        // Questions that no longer exist are never queued.
        assert_eq!(
            backdated.due_queue(&["later"], &tier_of, now, now),
            ["later"]
        );
        assert!(p.due_queue(&[], &tier_of, now, now).is_empty());
    }

    #[test]
    fn save_load_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(Progress::FILE);
        let mut p = Progress::new();
        p.record(&question("sec-001"), true, 12_345, None, T0);
        p.record(
            &question("sec-002"),
            false,
            70_000,
            Some(Grade::Again),
            T0 + 5,
        );
        p.exams.push(ExamRecord {
            at_secs: T0 + 9000,
            score: 723,
            passed: true,
            correct: 45,
            total: 65,
            unanswered: 2,
            by_domain: vec![(Domain::Secure, 14, 20)],
        });
        p.settings.exam_date = chrono::NaiveDate::from_ymd_opt(2027, 1, 15);
        p.exam_in_progress = Some(SavedExam {
            questions: vec!["sec-001".into()],
            answers: vec![Some(vec![1])],
            flagged: vec![true],
            pos: 0,
            remaining_secs: 4321,
        });
        store::save(&path, &p).unwrap();
        let back: Progress = store::load(&path).unwrap().unwrap();
        assert_eq!(back, p);
        assert!(
            store::load::<Progress>(&dir.path().join("none.ron"))
                .unwrap()
                .is_none()
        );
    }

    #[test]
    fn old_or_partial_file_loads_with_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(Progress::FILE);
        std::fs::write(&path, "(version: 1)").unwrap();
        let back: Progress = store::load(&path).unwrap().unwrap();
        assert_eq!(back, Progress::new());
    }
}
