//! Spaced repetition: when to see a question again, with the FSRS algorithm (the
//! `rs-fsrs` crate, default weights, no interval fuzz, short-term learning steps of minutes
//! before the first interval in days). The student's [`Schedule`] sets the desired
//! retention (90 % by default) and, once an exam date is set, a date no card is scheduled
//! past.
//!
//! What counts as due: [`is_due_now`] (due already, or a card of days-long intervals due
//! some time today) and [`is_later_today`] (a learning step of a few minutes that comes
//! back later today), so a "Good" on a new card does not add to the reviews due now.
//!
//! [`CardState`] is our own serialisable copy of an FSRS card (times as Unix seconds), so the
//! progress file does not depend on the crate's types. Everything is pure: the current time
//! is always passed in as `now_secs`, so the same reviews always give the same schedule.

use chrono::{DateTime, Utc};
use rs_fsrs::{Card, FSRS, Parameters, Rating, State};
use serde::{Deserialize, Serialize};

use crate::frequency::Tier;

/// Seconds in a day.
const DAY_SECS: f64 = 86_400.0;
/// An answer slower than this (milliseconds) is graded [`Grade::Hard`].
pub const SLOW_ANSWER_MS: u64 = 60_000;
/// A right answer faster than this (milliseconds) is graded [`Grade::Easy`].
pub const FAST_ANSWER_MS: u64 = 8_000;
/// Smallest stability (days) used when comparing how overdue cards are.
const MIN_STABILITY: f64 = 0.1;
/// A card forgotten this many times is a leech: answering it again and again does not
/// help; the notes behind it need rereading (Anki's default threshold).
pub const LEECH_LAPSES: u32 = 8;
/// Bounds of the desired retention the student may choose.
pub const RETENTION_RANGE: std::ops::RangeInclusive<f64> = 0.80..=0.97;
/// Desired retention by default (FSRS's own default).
pub const DEFAULT_RETENTION: f64 = 0.90;

/// The student's scheduling choices.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Schedule {
    /// Probability of remembering a card when it comes due (FSRS `request_retention`):
    /// higher means shorter intervals and more reviews. Clamped to [`RETENTION_RANGE`].
    pub desired_retention: f64,
    /// No card is scheduled after this moment (Unix seconds; the start of the exam day),
    /// when it is still in the future.
    pub not_after_secs: Option<i64>,
}

impl Default for Schedule {
    fn default() -> Self {
        Self {
            desired_retention: DEFAULT_RETENTION,
            not_after_secs: None,
        }
    }
}

/// How well the student remembered the answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Grade {
    /// Forgot it (wrong answer).
    Again,
    /// Remembered with difficulty.
    Hard,
    /// Remembered.
    Good,
    /// Remembered at once.
    Easy,
}

/// Where a card is in the FSRS life cycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Phase {
    /// Never reviewed.
    New,
    /// First learning steps (minutes apart).
    Learning,
    /// Reviewed at intervals of days.
    Review,
    /// Forgotten after reaching [`Phase::Review`], being learnt again.
    Relearning,
}

/// The scheduling state of one question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CardState {
    /// When the card is due again (Unix seconds).
    pub due_secs: i64,
    /// FSRS stability: days for recall probability to fall to 90 %.
    pub stability: f64,
    /// FSRS difficulty, 1 (easy) to 10 (hard).
    pub difficulty: f64,
    /// Days between the last two reviews.
    pub elapsed_days: i64,
    /// Days between the last review and `due_secs` (0 during learning steps).
    pub scheduled_days: i64,
    /// Number of reviews.
    pub reps: u32,
    /// Times the card was forgotten after reaching [`Phase::Review`].
    pub lapses: u32,
    /// Life-cycle phase.
    pub phase: Phase,
    /// When it was last reviewed (Unix seconds); `None` if never.
    pub last_review_secs: Option<i64>,
}

impl From<Grade> for Rating {
    fn from(g: Grade) -> Self {
        match g {
            Grade::Again => Rating::Again,
            Grade::Hard => Rating::Hard,
            Grade::Good => Rating::Good,
            Grade::Easy => Rating::Easy,
        }
    }
}

impl From<Phase> for State {
    fn from(p: Phase) -> Self {
        match p {
            Phase::New => State::New,
            Phase::Learning => State::Learning,
            Phase::Review => State::Review,
            Phase::Relearning => State::Relearning,
        }
    }
}

impl From<State> for Phase {
    fn from(s: State) -> Self {
        match s {
            State::New => Phase::New,
            State::Learning => Phase::Learning,
            State::Review => Phase::Review,
            State::Relearning => Phase::Relearning,
        }
    }
}

/// Unix seconds as a chrono time (out-of-range values, which no real clock gives, become
/// the Unix epoch).
fn to_time(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(secs, 0).unwrap_or_default()
}

impl From<&CardState> for Card {
    fn from(c: &CardState) -> Self {
        Card {
            due: to_time(c.due_secs),
            stability: c.stability,
            difficulty: c.difficulty,
            elapsed_days: c.elapsed_days,
            scheduled_days: c.scheduled_days,
            reps: i32::try_from(c.reps).unwrap_or(i32::MAX),
            lapses: i32::try_from(c.lapses).unwrap_or(i32::MAX),
            state: c.phase.into(),
            last_review: to_time(c.last_review_secs.unwrap_or(c.due_secs)),
        }
    }
}

impl From<&Card> for CardState {
    fn from(c: &Card) -> Self {
        CardState {
            due_secs: c.due.timestamp(),
            stability: c.stability,
            difficulty: c.difficulty,
            elapsed_days: c.elapsed_days,
            scheduled_days: c.scheduled_days,
            reps: u32::try_from(c.reps).unwrap_or(0),
            lapses: u32::try_from(c.lapses).unwrap_or(0),
            phase: c.state.into(),
            last_review_secs: (c.state != State::New).then(|| c.last_review.timestamp()),
        }
    }
}

/// A stored card made safe for FSRS: a damaged file could hold a zero or non-finite
/// stability or difficulty, which would turn every later number into NaN.
fn sanitized(c: &CardState) -> CardState {
    let mut c = c.clone();
    if c.phase != Phase::New {
        if !c.stability.is_finite() || c.stability < MIN_STABILITY {
            c.stability = MIN_STABILITY;
        }
        c.difficulty = if c.difficulty.is_finite() {
            c.difficulty.clamp(1.0, 10.0)
        } else {
            5.0
        };
    }
    c
}

/// Schedules a card after a review at `now_secs` with `grade`. `card` is `None` the first
/// time the question is seen. A review dated before the previous one (the clock went back)
/// is treated as happening right after it.
#[must_use]
pub fn review(card: Option<&CardState>, grade: Grade, now_secs: i64) -> CardState {
    review_with(card, grade, now_secs, &Schedule::default())
}

/// [`review`] with the student's [`Schedule`]: the desired retention sets the intervals,
/// and a card that would come due after `not_after_secs` comes due then instead (its
/// stability is kept: after the exam it goes on from its real memory state).
#[must_use]
pub fn review_with(
    card: Option<&CardState>,
    grade: Grade,
    now_secs: i64,
    schedule: &Schedule,
) -> CardState {
    let (card, now) = match card {
        Some(c) if c.phase != Phase::New => {
            let c = sanitized(c);
            let now = now_secs.max(c.last_review_secs.unwrap_or(now_secs));
            (Card::from(&c), now)
        }
        _ => {
            let now = to_time(now_secs);
            let fresh = Card {
                due: now,
                last_review: now,
                ..Card::default()
            };
            (fresh, now_secs)
        }
    };
    // Default parameters: fuzz is off and the seed is derived from the review itself, so
    // the result depends only on the inputs.
    let retention = if schedule.desired_retention.is_finite() {
        schedule
            .desired_retention
            .clamp(*RETENTION_RANGE.start(), *RETENTION_RANGE.end())
    } else {
        DEFAULT_RETENTION
    };
    let fsrs = FSRS::new(Parameters {
        request_retention: retention,
        ..Parameters::default()
    });
    let next = fsrs.next(card, to_time(now), grade.into()).card;
    let mut state = CardState::from(&next);
    if let Some(cap) = schedule.not_after_secs
        && cap > now
        && state.due_secs > cap
    {
        state.due_secs = cap;
        state.scheduled_days = (cap - now) / 86_400;
    }
    state
}

/// The grade given automatically from the answer: wrong → [`Grade::Again`]; right but slower
/// than a minute → [`Grade::Hard`]; right in under 8 seconds → [`Grade::Easy`]; otherwise
/// [`Grade::Good`].
#[must_use]
pub fn auto_grade(correct: bool, answer_ms: u64) -> Grade {
    if !correct {
        Grade::Again
    } else if answer_ms > SLOW_ANSWER_MS {
        Grade::Hard
    } else if answer_ms < FAST_ANSWER_MS {
        Grade::Easy
    } else {
        Grade::Good
    }
}

/// Whether the card is due for review at `now_secs`.
#[must_use]
pub fn is_due(card: &CardState, now_secs: i64) -> bool {
    now_secs >= card.due_secs
}

/// Whether the card belongs in the reviews due now: it is due already, or it is a card of
/// day-long intervals ([`Phase::Review`]) due some time today (before `end_of_day_secs`):
/// today's work, whatever the hour it was first answered.
#[must_use]
pub fn is_due_now(card: &CardState, now_secs: i64, end_of_day_secs: i64) -> bool {
    is_due(card, now_secs) || (card.phase == Phase::Review && card.due_secs <= end_of_day_secs)
}

/// Whether the card comes back later today: a learning step (minutes to hours) not due yet.
/// These are not counted as due now, so studying does not make the count grow.
#[must_use]
pub fn is_later_today(card: &CardState, now_secs: i64, end_of_day_secs: i64) -> bool {
    !is_due_now(card, now_secs, end_of_day_secs) && card.due_secs <= end_of_day_secs
}

/// Whether the card is a leech ([`LEECH_LAPSES`] lapses or more).
#[must_use]
pub fn is_leech(card: &CardState) -> bool {
    card.lapses >= LEECH_LAPSES
}

/// How much the exam-frequency tier raises a card's priority.
#[must_use]
pub fn tier_multiplier(tier: Option<Tier>) -> f64 {
    match tier {
        Some(Tier::TresFrequent) => 2.0,
        Some(Tier::Frequent) => 1.6,
        Some(Tier::ModerementFrequent) => 1.3,
        Some(Tier::AConnaitre) => 1.1,
        Some(Tier::MoinsFrequent) => 0.9,
        None => 1.0,
    }
}

/// Sort key for the review queue, higher first.
///
/// A due card scores `m × (1 + days overdue / stability)`, where `m` is the tier
/// multiplier ([`tier_multiplier`]: très fréquent ×2.0, fréquent ×1.6, modérément fréquent
/// ×1.3, à connaître ×1.1, moins fréquent ×0.9, no tier ×1.0): the more overdue relative to what the student
/// remembers, and the more often the exam asks about it, the sooner. A card not yet due
/// scores `−(days early / stability) / m`, always below every due card.
#[must_use]
pub fn priority(card: &CardState, tier: Option<Tier>, now_secs: i64) -> f64 {
    let m = tier_multiplier(tier);
    let stability = if card.stability.is_finite() {
        card.stability.max(MIN_STABILITY)
    } else {
        MIN_STABILITY
    };
    // i64 → f64 loses precision only beyond 2^53 seconds, far outside any real date.
    #[allow(clippy::cast_precision_loss)]
    let days = (now_secs.saturating_sub(card.due_secs)) as f64 / DAY_SECS;
    if days >= 0.0 {
        m * (1.0 + days / stability)
    } else {
        days / stability / m
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const T0: i64 = 1_750_000_000;
    const DAY: i64 = 86_400;

    fn first(grade: Grade) -> CardState {
        review(None, grade, T0)
    }

    /// A card that reached [`Phase::Review`] with `Good` answers at each due date.
    fn graduated() -> (CardState, i64) {
        let mut card = first(Grade::Good);
        let mut now = T0;
        while card.phase != Phase::Review {
            now = card.due_secs;
            card = review(Some(&card), Grade::Good, now);
        }
        (card, now)
    }

    #[test]
    fn new_card_good_is_due_later() {
        let c = first(Grade::Good);
        assert!(c.due_secs > T0);
        assert_eq!(c.reps, 1);
        assert_eq!(c.lapses, 0);
        assert_eq!(c.last_review_secs, Some(T0));
        assert_ne!(c.phase, Phase::New);
        assert!(c.stability > 0.0);
        assert!((1.0..=10.0).contains(&c.difficulty));
    }

    #[test]
    fn again_sooner_than_good_sooner_than_easy() {
        let again = first(Grade::Again);
        let hard = first(Grade::Hard);
        let good = first(Grade::Good);
        let easy = first(Grade::Easy);
        assert!(again.due_secs < hard.due_secs);
        assert!(hard.due_secs < good.due_secs);
        assert!(good.due_secs < easy.due_secs);
        assert!(easy.due_secs - T0 >= DAY, "easy skips the learning steps");
        assert_eq!(easy.phase, Phase::Review);

        let (card, now) = graduated();
        let r = |g| review(Some(&card), g, now + 3 * DAY);
        assert!(r(Grade::Again).due_secs < r(Grade::Good).due_secs);
        assert!(r(Grade::Good).due_secs < r(Grade::Easy).due_secs);
    }

    #[test]
    fn repeated_good_reviews_grow_the_interval() {
        let (mut card, _) = graduated();
        let mut last_interval = card.scheduled_days;
        assert!(last_interval >= 1);
        for _ in 0..5 {
            let now = card.due_secs;
            card = review(Some(&card), Grade::Good, now);
            assert_eq!(card.phase, Phase::Review);
            assert!(
                card.scheduled_days > last_interval,
                "{} !> {last_interval}",
                card.scheduled_days
            );
            assert_eq!(card.due_secs - now, card.scheduled_days * DAY);
            last_interval = card.scheduled_days;
        }
        assert!(last_interval > 20, "{last_interval}");
    }

    #[test]
    fn again_after_review_counts_a_lapse() {
        let (card, _) = graduated();
        assert_eq!(card.lapses, 0);
        let now = card.due_secs;
        let lapsed = review(Some(&card), Grade::Again, now);
        assert_eq!(lapsed.lapses, 1);
        assert_eq!(lapsed.phase, Phase::Relearning);
        assert!(lapsed.stability < card.stability);
        assert!(lapsed.due_secs - now < DAY);
        // Again during learning is not a lapse.
        let learning = review(Some(&first(Grade::Good)), Grade::Again, T0 + 600);
        assert_eq!(learning.lapses, 0);
    }

    #[test]
    fn deterministic_and_clock_going_back_is_safe() {
        let (card, now) = graduated();
        assert_eq!(
            review(Some(&card), Grade::Good, now + DAY),
            review(Some(&card), Grade::Good, now + DAY)
        );
        let back = review(Some(&card), Grade::Good, now - 30 * DAY);
        assert!(back.stability.is_finite() && back.due_secs > now);
        let mut broken = card.clone();
        broken.stability = f64::NAN;
        broken.difficulty = 0.0;
        let fixed = review(Some(&broken), Grade::Good, card.due_secs);
        assert!(fixed.stability.is_finite() && fixed.difficulty.is_finite());
    }

    #[test]
    fn auto_grade_thresholds() {
        assert_eq!(auto_grade(false, 1_000), Grade::Again);
        assert_eq!(auto_grade(false, 100_000), Grade::Again);
        assert_eq!(auto_grade(true, 7_999), Grade::Easy);
        assert_eq!(auto_grade(true, 8_000), Grade::Good);
        assert_eq!(auto_grade(true, 60_000), Grade::Good);
        assert_eq!(auto_grade(true, 60_001), Grade::Hard);
    }

    #[test]
    fn due_when_time_comes() {
        let c = first(Grade::Good);
        assert!(!is_due(&c, T0));
        assert!(is_due(&c, c.due_secs));
        assert!(is_due(&c, c.due_secs + 1));
    }

    #[test]
    fn priority_ordering() {
        let (card, _) = graduated();
        let due = card.due_secs;
        let p = |tier, now| priority(&card, tier, now);
        // More overdue first.
        assert!(p(None, due + 5 * DAY) > p(None, due + DAY));
        assert!(p(None, due + DAY) > p(None, due));
        assert!((p(None, due) - 1.0).abs() < 1e-9);
        // Any due card before any card not yet due, whatever the tiers.
        assert!(p(Some(Tier::MoinsFrequent), due) > p(Some(Tier::TresFrequent), due - 1));
        assert!(p(None, due - DAY) > p(None, due - 2 * DAY));
        assert!(p(Some(Tier::TresFrequent), due - DAY) > p(None, due - DAY));
        // Tier order at equal lateness.
        let order = [
            Some(Tier::TresFrequent),
            Some(Tier::Frequent),
            Some(Tier::ModerementFrequent),
            Some(Tier::AConnaitre),
            None,
            Some(Tier::MoinsFrequent),
        ];
        for w in order.windows(2) {
            assert!(p(w[0], due + DAY) > p(w[1], due + DAY), "{w:?}");
        }
        // Overdue relative to stability: same lateness, less stable card first.
        let mut fragile = card.clone();
        fragile.stability = card.stability / 4.0;
        assert!(priority(&fragile, None, due + DAY) > p(None, due + DAY));
        assert!((p(Some(Tier::TresFrequent), due) - 2.0).abs() < 1e-9);
    }

    #[test]
    fn conversion_round_trips() {
        let (card, now) = graduated();
        let states = [
            first(Grade::Again),
            first(Grade::Easy),
            card.clone(),
            review(Some(&card), Grade::Again, now + 9 * DAY),
        ];
        for s in states {
            let fsrs_card = Card::from(&s);
            assert_eq!(fsrs_card.due.timestamp(), s.due_secs);
            assert_eq!(fsrs_card.stability.to_bits(), s.stability.to_bits());
            assert_eq!(fsrs_card.difficulty.to_bits(), s.difficulty.to_bits());
            assert_eq!(i64::from(fsrs_card.reps), i64::from(s.reps));
            assert_eq!(CardState::from(&fsrs_card), s);
        }
        let fresh = Card {
            due: to_time(T0),
            last_review: to_time(T0),
            ..Card::default()
        };
        let s = CardState::from(&fresh);
        assert_eq!((s.phase, s.last_review_secs, s.reps), (Phase::New, None, 0));
        assert_eq!(Card::from(&s), fresh);
    }

    #[test]
    fn a_good_on_a_new_card_is_later_today_not_due_now() {
        // The bug: the due counter grew while the student studied.
        let end_of_day = T0 + 6 * 3600;
        let c = first(Grade::Good);
        assert!(
            c.due_secs > T0 && c.due_secs < end_of_day,
            "a learning step"
        );
        assert!(!is_due_now(&c, T0, end_of_day));
        assert!(is_later_today(&c, T0, end_of_day));
        assert!(
            is_due_now(&c, c.due_secs, end_of_day),
            "due once its time comes"
        );
        // A review card due this evening is today's work now.
        let (mut card, _) = graduated();
        card.due_secs = end_of_day - 60;
        assert!(is_due_now(&card, T0, end_of_day));
        assert!(!is_later_today(&card, T0, end_of_day));
        card.due_secs = end_of_day + 60;
        assert!(!is_due_now(&card, T0, end_of_day) && !is_later_today(&card, T0, end_of_day));
    }

    #[test]
    fn higher_retention_gives_shorter_intervals() {
        let (card, now) = graduated();
        let at = |r: f64| {
            let schedule = Schedule {
                desired_retention: r,
                not_after_secs: None,
            };
            review_with(Some(&card), Grade::Good, card.due_secs, &schedule).scheduled_days
        };
        assert!(now <= card.due_secs);
        assert!(at(0.97) < at(0.90), "{} {}", at(0.97), at(0.90));
        assert!(at(0.90) < at(0.80), "{} {}", at(0.90), at(0.80));
        // Out of range or not a number: clamped, or the default.
        assert_eq!(at(2.0), at(0.97));
        assert_eq!(at(f64::NAN), at(DEFAULT_RETENTION));
        let default = review(Some(&card), Grade::Good, card.due_secs);
        assert_eq!(default.scheduled_days, at(0.90));
    }

    #[test]
    fn no_card_is_scheduled_past_the_exam_date() {
        let (mut card, _) = graduated();
        let exam = T0 + 10 * DAY;
        let schedule = Schedule {
            desired_retention: DEFAULT_RETENTION,
            not_after_secs: Some(exam),
        };
        let mut now = card.due_secs;
        assert!(now < exam);
        let mut reviews = 0;
        while now < exam {
            card = review_with(Some(&card), Grade::Easy, now, &schedule);
            assert!(card.due_secs <= exam, "{} > {exam}", card.due_secs);
            now = card.due_secs.max(now + 1);
            reviews += 1;
        }
        assert!(reviews >= 1);
        assert_eq!(
            card.due_secs.max(exam),
            exam,
            "the last review was capped at the exam"
        );
        assert!(now >= exam);
        // After the exam the cap no longer applies.
        let after = review_with(Some(&card), Grade::Good, exam + DAY, &schedule);
        assert!(after.due_secs > exam + DAY);
    }

    #[test]
    fn eight_lapses_make_a_leech() {
        let (mut card, _) = graduated();
        for _ in 0..LEECH_LAPSES {
            assert!(!is_leech(&card));
            let now = card.due_secs;
            card = review(Some(&card), Grade::Again, now);
            // Relearn back into Review.
            while card.phase != Phase::Review {
                let now = card.due_secs;
                card = review(Some(&card), Grade::Good, now);
            }
        }
        assert_eq!(card.lapses, LEECH_LAPSES);
        assert!(is_leech(&card));
    }

    #[test]
    fn serde_round_trip() {
        let (card, _) = graduated();
        let text = ron::to_string(&card).unwrap();
        let back: CardState = ron::from_str(&text).unwrap();
        assert_eq!(back, card);
    }
}
