//! The state of a practice/review session and of a simulated exam: which question is
//! shown, what is selected, what was checked. Pure state machines; the UI draws them and
//! the app records answers in [`crate::quiz::progress::Progress`].

use std::collections::HashMap;

use crate::quiz::progress::SavedExam;
use crate::quiz::scheduler::{CardState, Grade};

/// Toggles `choice` in a selection: for single-answer questions the selection becomes just
/// that choice; for multiple-response questions it is added or removed.
pub fn toggle(selected: &mut Vec<usize>, choice: usize, multiple: bool) {
    if multiple {
        if let Some(at) = selected.iter().position(|c| *c == choice) {
            selected.remove(at);
        } else {
            selected.push(choice);
            selected.sort_unstable();
        }
    } else {
        selected.clear();
        selected.push(choice);
    }
}

/// What a practice or review session is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionKind {
    /// Questions picked by filters.
    Practice,
    /// Spaced-repetition reviews that are due.
    Review,
    /// Diagram drills.
    Drill,
}

/// The result of checking the shown question.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    /// Whether the selection was right.
    pub correct: bool,
    /// The card before this answer (to re-grade from it).
    pub previous: Option<CardState>,
    /// The grade given automatically from right/wrong and time.
    pub auto_grade: Grade,
    /// The grade the student chose instead, if any.
    pub chosen_grade: Option<Grade>,
}

/// A practice or review session over questions (indices into the app's question list).
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    /// Practice or review.
    pub kind: SessionKind,
    /// Questions in order.
    pub queue: Vec<usize>,
    /// Position in `queue`.
    pub pos: usize,
    /// Selected choices of the shown question.
    pub selected: Vec<usize>,
    /// Set once the shown question was checked.
    pub checked: Option<Checked>,
    /// When the shown question appeared (Unix seconds), to time the answer.
    pub shown_at_secs: i64,
    /// Right answers so far.
    pub right: usize,
    /// Questions checked so far.
    pub done: usize,
    /// The order the shown question's choices are drawn in: `order[k]` is the choice
    /// shown at position `k` (letter A + k). Shuffled at every showing, so the answer is
    /// never remembered by its place.
    pub order: Vec<usize>,
    /// Questions answered wrong, in the order they were missed (for "retake the ones I
    /// missed").
    pub missed: Vec<usize>,
}

impl Session {
    /// A session over `queue`, starting now.
    #[must_use]
    pub fn new(kind: SessionKind, queue: Vec<usize>, now_secs: i64) -> Self {
        Self {
            kind,
            queue,
            pos: 0,
            selected: Vec::new(),
            checked: None,
            shown_at_secs: now_secs,
            right: 0,
            done: 0,
            order: Vec::new(),
            missed: Vec::new(),
        }
    }

    /// Whether questions are left to answer.
    #[must_use]
    pub fn unfinished(&self) -> bool {
        self.pos < self.queue.len()
    }

    /// Shows the current question's `choices` choices in a fresh random order.
    pub fn shuffle_choices(&mut self, choices: usize, rng: &mut fastrand::Rng) {
        self.order = (0..choices).collect();
        rng.shuffle(&mut self.order);
    }

    /// The choice shown at position `k` (0 = A), if there is one.
    #[must_use]
    pub fn choice_at(&self, k: usize) -> Option<usize> {
        match self.order.get(k) {
            Some(c) => Some(*c),
            None if self.order.is_empty() => Some(k),
            None => None,
        }
    }

    /// The question shown, or `None` when the session is over.
    #[must_use]
    pub fn current(&self) -> Option<usize> {
        self.queue.get(self.pos).copied()
    }

    /// Notes the result of checking the shown question.
    pub fn check(&mut self, correct: bool, previous: Option<CardState>, auto_grade: Grade) {
        if self.checked.is_some() {
            return;
        }
        self.done += 1;
        if correct {
            self.right += 1;
        } else if let Some(q) = self.current() {
            self.missed.push(q);
        }
        self.checked = Some(Checked {
            correct,
            previous,
            auto_grade,
            chosen_grade: None,
        });
    }

    /// Moves to the next question.
    pub fn next(&mut self, now_secs: i64) {
        if self.pos < self.queue.len() {
            self.pos += 1;
        }
        self.selected.clear();
        self.checked = None;
        self.shown_at_secs = now_secs;
    }
}

/// A simulated exam.
#[derive(Clone, Debug, PartialEq)]
pub struct Exam {
    /// Questions (indices into the app's question list).
    pub questions: Vec<usize>,
    /// The answer given to each, if any.
    pub answers: Vec<Option<Vec<usize>>>,
    /// Flagged for review.
    pub flagged: Vec<bool>,
    /// Question shown.
    pub pos: usize,
    /// When the time is up (Unix seconds), while the clock runs.
    pub deadline_secs: i64,
    /// Seconds left, while paused (the clock is stopped).
    pub paused_remaining_secs: Option<i64>,
}

impl Exam {
    /// An exam over `questions` lasting `duration_secs` from `now_secs`.
    #[must_use]
    pub fn new(questions: Vec<usize>, now_secs: i64, duration_secs: u64) -> Self {
        let n = questions.len();
        Self {
            questions,
            answers: vec![None; n],
            flagged: vec![false; n],
            pos: 0,
            deadline_secs: now_secs.saturating_add(i64::try_from(duration_secs).unwrap_or(0)),
            paused_remaining_secs: None,
        }
    }

    /// Seconds left (0 when the time is up); frozen while paused.
    #[must_use]
    pub fn remaining_secs(&self, now_secs: i64) -> i64 {
        match self.paused_remaining_secs {
            Some(left) => left.max(0),
            None => (self.deadline_secs - now_secs).max(0),
        }
    }

    /// Whether the clock is stopped.
    #[must_use]
    pub fn is_paused(&self) -> bool {
        self.paused_remaining_secs.is_some()
    }

    /// Stops the clock at `now_secs`.
    pub fn pause(&mut self, now_secs: i64) {
        if self.paused_remaining_secs.is_none() {
            self.paused_remaining_secs = Some(self.remaining_secs(now_secs));
        }
    }

    /// Starts the clock again at `now_secs` with the time it had.
    pub fn resume(&mut self, now_secs: i64) {
        if let Some(left) = self.paused_remaining_secs.take() {
            self.deadline_secs = now_secs.saturating_add(left);
        }
    }

    /// The exam as saved in the progress file at `now_secs`; `id_of` gives a question's id.
    #[must_use]
    pub fn to_saved(&self, id_of: &dyn Fn(usize) -> Option<String>, now_secs: i64) -> SavedExam {
        SavedExam {
            questions: self
                .questions
                .iter()
                .map(|&q| id_of(q).unwrap_or_default())
                .collect(),
            answers: self.answers.clone(),
            flagged: self.flagged.clone(),
            pos: self.pos,
            remaining_secs: self.remaining_secs(now_secs),
        }
    }

    /// A saved exam back, paused with the time it had (possibly none: the caller then
    /// scores it); `index_of` maps ids to the current question indices. Questions that no
    /// longer exist are left out with their answers. `None` when none is left.
    #[must_use]
    pub fn from_saved(saved: &SavedExam, index_of: &HashMap<&str, usize>) -> Option<Self> {
        let mut exam = Self::new(Vec::new(), 0, 0);
        for (i, id) in saved.questions.iter().enumerate() {
            let Some(&q) = index_of.get(id.as_str()) else {
                continue;
            };
            if i == saved.pos {
                exam.pos = exam.questions.len();
            }
            exam.questions.push(q);
            exam.answers.push(
                saved
                    .answers
                    .get(i)
                    .cloned()
                    .flatten()
                    .filter(|a| !a.is_empty()),
            );
            exam.flagged
                .push(saved.flagged.get(i).copied().unwrap_or(false));
        }
        (!exam.questions.is_empty()).then(|| {
            exam.paused_remaining_secs = Some(saved.remaining_secs.max(0));
            exam
        })
    }

    /// Selects or unselects a choice of the shown question.
    pub fn toggle(&mut self, choice: usize, multiple: bool) {
        let Some(answer) = self.answers.get_mut(self.pos) else {
            return;
        };
        let selected = answer.get_or_insert_with(Vec::new);
        toggle(selected, choice, multiple);
        if selected.is_empty() {
            *answer = None;
        }
    }

    /// The shown question's selection.
    #[must_use]
    pub fn selected(&self) -> &[usize] {
        self.answers
            .get(self.pos)
            .and_then(|a| a.as_deref())
            .unwrap_or(&[])
    }

    /// Goes to question `pos` (clamped).
    pub fn go(&mut self, pos: usize) {
        self.pos = pos.min(self.questions.len().saturating_sub(1));
    }

    /// Flags or unflags the shown question.
    pub fn toggle_flag(&mut self) {
        if let Some(f) = self.flagged.get_mut(self.pos) {
            *f = !*f;
        }
    }

    /// Questions without an answer.
    #[must_use]
    pub fn unanswered(&self) -> usize {
        self.answers.iter().filter(|a| a.is_none()).count()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn toggle_single_and_multiple() {
        let mut s = vec![];
        toggle(&mut s, 2, false);
        toggle(&mut s, 1, false);
        assert_eq!(s, [1]);
        let mut m = vec![];
        toggle(&mut m, 3, true);
        toggle(&mut m, 0, true);
        assert_eq!(m, [0, 3]);
        toggle(&mut m, 3, true);
        assert_eq!(m, [0]);
    }

    #[test]
    fn session_counts_and_ends() {
        let mut s = Session::new(SessionKind::Practice, vec![7, 9], 100);
        assert_eq!(s.current(), Some(7));
        s.check(true, None, Grade::Good);
        s.check(false, None, Grade::Again); // checking twice counts once
        assert_eq!((s.right, s.done), (1, 1));
        s.next(110);
        assert_eq!(s.current(), Some(9));
        assert!(s.checked.is_none() && s.selected.is_empty());
        s.check(false, None, Grade::Again);
        s.next(120);
        assert_eq!(s.current(), None);
        assert_eq!((s.right, s.done), (1, 2));
    }

    #[test]
    fn missed_questions_are_kept_for_a_retake() {
        let mut s = Session::new(SessionKind::Practice, vec![3, 4, 5], 0);
        for correct in [false, true, false] {
            s.check(correct, None, Grade::Good);
            s.next(0);
        }
        assert_eq!(s.missed, [3, 5]);
        assert!(!s.unfinished());
    }

    #[test]
    fn choices_are_shuffled_and_mapped_back() {
        let mut s = Session::new(SessionKind::Practice, vec![0], 0);
        assert_eq!(s.choice_at(2), Some(2), "no order yet: identity");
        let mut rng = fastrand::Rng::with_seed(3);
        let mut orders = std::collections::HashSet::new();
        for _ in 0..20 {
            s.shuffle_choices(4, &mut rng);
            let mut sorted = s.order.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, [0, 1, 2, 3]);
            assert_eq!(s.choice_at(1), Some(s.order[1]));
            assert_eq!(s.choice_at(4), None);
            orders.insert(s.order.clone());
        }
        assert!(orders.len() > 5, "{orders:?}");
    }

    #[test]
    fn a_paused_exam_keeps_its_time() {
        let mut e = Exam::new(vec![1, 2], 1000, 600);
        e.pause(1100);
        assert!(e.is_paused());
        assert_eq!(e.remaining_secs(99_999), 500, "the clock is stopped");
        e.resume(50_000);
        assert_eq!(e.remaining_secs(50_100), 400);
    }

    #[test]
    fn a_saved_exam_comes_back_paused_with_its_answers() {
        let mut e = Exam::new(vec![10, 11, 12], 0, 7200);
        e.toggle(1, false);
        e.go(2);
        e.toggle_flag();
        let id_of = |q: usize| Some(format!("q{q}"));
        let saved = e.to_saved(&id_of, 600);
        assert_eq!(saved.remaining_secs, 6600);
        // After a restart the indices differ, and q11 is gone.
        let index_of: HashMap<&str, usize> = [("q10", 0), ("q12", 5)].into_iter().collect();
        let back = Exam::from_saved(&saved, &index_of).unwrap();
        assert_eq!(back.questions, [0, 5]);
        assert_eq!(back.answers, [Some(vec![1]), None]);
        assert_eq!(back.flagged, [false, true]);
        assert_eq!(back.pos, 1);
        assert_eq!(back.remaining_secs(1_000_000), 6600);
        // Saved at the last second (a crash at the end): it comes back with no time, to be
        // scored, not dropped.
        let over = SavedExam {
            remaining_secs: 0,
            ..saved.clone()
        };
        let back = Exam::from_saved(&over, &index_of).unwrap();
        assert_eq!(back.remaining_secs(0), 0);
        let gone: HashMap<&str, usize> = HashMap::new();
        assert!(Exam::from_saved(&saved, &gone).is_none());
    }

    #[test]
    fn exam_answers_flags_and_time() {
        let mut e = Exam::new(vec![4, 5, 6], 1000, 60);
        assert_eq!(e.remaining_secs(1030), 30);
        assert_eq!(e.remaining_secs(5000), 0);
        e.toggle(2, false);
        e.go(1);
        e.toggle(0, true);
        e.toggle(0, true);
        e.toggle_flag();
        assert_eq!(e.answers, [Some(vec![2]), None, None]);
        assert_eq!(e.flagged, [false, true, false]);
        assert_eq!(e.unanswered(), 2);
        e.go(99);
        assert_eq!(e.pos, 2);
    }
}
