//! The state of a practice/review session and of a simulated exam: which question is
//! shown, what is selected, what was checked. Pure state machines; the UI draws them and
//! the app records answers in [`crate::quiz::progress::Progress`].

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
    /// When the time is up (Unix seconds).
    pub deadline_secs: i64,
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
        }
    }

    /// Seconds left (0 when the time is up).
    #[must_use]
    pub fn remaining_secs(&self, now_secs: i64) -> i64 {
        (self.deadline_secs - now_secs).max(0)
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
