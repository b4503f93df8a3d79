//! Exam simulation: an SAA-C03-like exam of 65 questions in 130 minutes, drawn from the
//! question bank by domain weight, then scored on the 100–1000 scale with the pass mark
//! at 720, with a breakdown by domain and by AWS service.
//!
//! Drawing is deterministic for a given seed (the UI picks the seed), so an exam can be
//! reproduced. The scaled score is an approximation: see [`scaled_score`].

use std::collections::{BTreeMap, HashSet};

use crate::quiz::{Domain, Question};

/// Questions in an exam.
pub const EXAM_QUESTIONS: usize = 65;
/// Time allowed, in seconds (130 minutes).
pub const EXAM_SECONDS: u64 = 130 * 60;
/// Lowest passing scaled score.
pub const PASS_SCORE: u32 = 720;
/// Lowest scaled score.
pub const MIN_SCORE: u32 = 100;
/// Highest scaled score.
pub const MAX_SCORE: u32 = 1000;

/// How many of `total` questions each domain gets, by exam weight, in [`Domain::ALL`]
/// order. Largest-remainder rounding: each domain gets the whole part of its share, and
/// the questions left go to the largest fractional parts (ties to the heavier domain), so
/// the counts always sum to `total`. For 65 questions: Secure 19 (19.5), Resilient 17
/// (16.9), Performant 16 (15.6), Cost 13 (13.0).
#[must_use]
pub fn domain_counts(total: usize) -> Vec<(Domain, usize)> {
    // (domain, whole part, remainder in hundredths of a question)
    let mut shares: Vec<(Domain, usize, usize)> = Domain::ALL
        .iter()
        .map(|&d| {
            let exact = total.saturating_mul(d.weight_percent() as usize);
            (d, exact / 100, exact % 100)
        })
        .collect();
    let given: usize = shares.iter().map(|s| s.1).sum();
    let mut order: Vec<usize> = (0..shares.len()).collect();
    // Stable: equal remainders keep Domain::ALL order (heaviest first).
    order.sort_by(|&a, &b| shares[b].2.cmp(&shares[a].2));
    for &i in order.iter().take(total.saturating_sub(given)) {
        shares[i].1 += 1;
    }
    shares.into_iter().map(|(d, n, _)| (d, n)).collect()
}

/// Draws an exam from `bank`: indices into it, in the order to ask them.
///
/// Each domain gets its [`domain_counts`] share of `min(EXAM_QUESTIONS, bank.len())`
/// questions, picked at random with `seed`; when a domain has too few questions, the
/// missing ones come from the other domains and from questions without a domain. No
/// question is drawn twice (a question id present twice in the bank counts once, so the
/// exam is shorter only in that case). The same bank and seed always give the same exam.
#[must_use]
pub fn draw(bank: &[Question], seed: u64) -> Vec<usize> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut ids = HashSet::new();
    let unique: Vec<usize> = (0..bank.len())
        .filter(|&i| ids.insert(bank[i].id.as_str()))
        .collect();
    let wanted = EXAM_QUESTIONS.min(unique.len());

    let mut picked = Vec::with_capacity(wanted);
    let mut leftovers = Vec::new();
    for (domain, count) in domain_counts(wanted) {
        let mut pool: Vec<usize> = unique
            .iter()
            .copied()
            .filter(|&i| bank[i].domain == Some(domain))
            .collect();
        rng.shuffle(&mut pool);
        let take = count.min(pool.len());
        leftovers.extend(pool.drain(take..));
        picked.extend(pool);
    }
    leftovers.extend(unique.iter().copied().filter(|&i| bank[i].domain.is_none()));
    // Sorted first so the fill depends only on the seed, not on the loop order above.
    leftovers.sort_unstable();
    rng.shuffle(&mut leftovers);
    let missing = wanted - picked.len();
    picked.extend(leftovers.into_iter().take(missing));
    rng.shuffle(&mut picked);
    picked
}

/// Scaled score from the number of right answers: `100 + 900 × correct / total`, rounded
/// (100 when `total` is 0; `correct` above `total` counts as `total`).
///
/// This is an approximation: AWS scales raw scores with a model it does not publish (and
/// the real exam has 15 unscored questions), so the score here only says roughly where
/// the student stands against the 720 pass mark ([`PASS_SCORE`]). With this formula the
/// mark means about 69 % right (45 of 65).
///
/// ```
/// use aws_study::quiz::exam::{PASS_SCORE, scaled_score};
/// assert_eq!(scaled_score(65, 65), 1000);
/// assert!(scaled_score(45, 65) >= PASS_SCORE);
/// assert!(scaled_score(44, 65) < PASS_SCORE);
/// ```
#[must_use]
pub fn scaled_score(correct: usize, total: usize) -> u32 {
    if total == 0 {
        return MIN_SCORE;
    }
    let correct = correct.min(total) as u128;
    let total = total as u128;
    let span = u128::from(MAX_SCORE - MIN_SCORE);
    let scaled = (span * correct * 2 + total) / (total * 2);
    // `scaled` is at most `span`, so it fits.
    MIN_SCORE + u32::try_from(scaled).unwrap_or(MAX_SCORE - MIN_SCORE)
}

/// The outcome of an exam.
#[derive(Clone, Debug, PartialEq)]
pub struct ExamResult {
    /// Right answers.
    pub correct: usize,
    /// Questions.
    pub total: usize,
    /// Questions left unanswered (not right, but neither wrong nor a weakness: they are
    /// left out of `by_service`).
    pub unanswered: usize,
    /// Scaled score, 100–1000 ([`scaled_score`]).
    pub score: u32,
    /// Whether `score` reached [`PASS_SCORE`].
    pub passed: bool,
    /// (domain, right, questions) for every domain, in [`Domain::ALL`] order (0 questions
    /// when the exam had none of that domain; questions without a domain are not counted).
    pub by_domain: Vec<(Domain, usize, usize)>,
    /// (service, right, questions) for every service the questions were about, worst
    /// accuracy first (then most questions, then name).
    pub by_service: Vec<(String, usize, usize)>,
}

/// Scores `answers` (the selected choice indices, `None` when unanswered: not right, and
/// counted apart, never as a weakness of the question's services) for `questions`, in the same order. Questions without an answer entry (a
/// shorter `answers`) are unanswered.
#[must_use]
pub fn score(questions: &[&Question], answers: &[Option<Vec<usize>>]) -> ExamResult {
    let mut by_domain: Vec<(Domain, usize, usize)> =
        Domain::ALL.iter().map(|&d| (d, 0, 0)).collect();
    let mut services: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut correct = 0;
    let mut unanswered = 0;
    for (i, q) in questions.iter().enumerate() {
        let answer = answers.get(i).and_then(Option::as_deref);
        let right = answer.is_some_and(|selected| q.is_correct(selected));
        if answer.is_none() {
            unanswered += 1;
        }
        let hit = usize::from(right);
        correct += hit;
        if let Some(entry) = by_domain.iter_mut().find(|e| Some(e.0) == q.domain) {
            entry.1 += hit;
            entry.2 += 1;
        }
        let mut once = HashSet::new();
        // An unanswered question says nothing about what the student knows of a service.
        for s in q
            .services
            .iter()
            .filter(|s| answer.is_some() && once.insert(s.as_str()))
        {
            let entry = services.entry(s.as_str()).or_default();
            entry.0 += hit;
            entry.1 += 1;
        }
    }
    let total = questions.len();
    let score = scaled_score(correct, total);
    ExamResult {
        correct,
        total,
        unanswered,
        score,
        passed: score >= PASS_SCORE,
        by_domain,
        by_service: worst_first(services),
    }
}

/// (name, right, total) rows sorted worst accuracy first, then most answers, then name.
pub(crate) fn worst_first(counts: BTreeMap<&str, (usize, usize)>) -> Vec<(String, usize, usize)> {
    let mut rows: Vec<(String, usize, usize)> = counts
        .into_iter()
        .filter(|(_, (_, t))| *t > 0)
        .map(|(name, (c, t))| (name.to_owned(), c, t))
        .collect();
    // c1/t1 < c2/t2 ⇔ c1·t2 < c2·t1 (exact, no floats). BTreeMap order breaks final ties.
    rows.sort_by(|a, b| (a.1 * b.2).cmp(&(b.1 * a.2)).then_with(|| b.2.cmp(&a.2)));
    rows
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn question(id: &str, domain: Option<Domain>, services: &[&str]) -> Question {
        crate::quiz::test_question(id, domain, services)
    }

    /// `per_domain` questions of each domain plus `loose` without a domain.
    fn bank(per_domain: [usize; 4], loose: usize) -> Vec<Question> {
        let mut bank = Vec::new();
        for (d, n) in Domain::ALL.iter().zip(per_domain) {
            for i in 0..n {
                bank.push(question(&format!("{d:?}-{i}"), Some(*d), &[]));
            }
        }
        for i in 0..loose {
            bank.push(question(&format!("loose-{i}"), None, &[]));
        }
        bank
    }

    fn count_of(bank: &[Question], drawn: &[usize], d: Domain) -> usize {
        drawn.iter().filter(|&&i| bank[i].domain == Some(d)).count()
    }

    fn no_duplicates(drawn: &[usize]) -> bool {
        drawn.iter().collect::<HashSet<_>>().len() == drawn.len()
    }

    #[test]
    fn counts_for_a_full_exam() {
        let counts = domain_counts(EXAM_QUESTIONS);
        assert_eq!(
            counts,
            [
                (Domain::Secure, 19),
                (Domain::Resilient, 17),
                (Domain::Performant, 16),
                (Domain::Cost, 13)
            ]
        );
        for n in 0..200 {
            let counts = domain_counts(n);
            assert_eq!(counts.iter().map(|c| c.1).sum::<usize>(), n, "{n}");
            for (d, c) in counts {
                let exact = n as f64 * f64::from(d.weight_percent()) / 100.0;
                assert!((c as f64 - exact).abs() < 1.0, "{n} {d:?} {c}");
            }
        }
        assert_eq!(domain_counts(100)[0], (Domain::Secure, 30));
        assert_eq!(
            domain_counts(1),
            [
                (Domain::Secure, 1),
                (Domain::Resilient, 0),
                (Domain::Performant, 0),
                (Domain::Cost, 0)
            ]
        );
    }

    #[test]
    fn draw_respects_counts_without_duplicates() {
        let bank = bank([40, 40, 40, 40], 10);
        let drawn = draw(&bank, 7);
        assert_eq!(drawn.len(), EXAM_QUESTIONS);
        assert!(no_duplicates(&drawn));
        for (d, n) in domain_counts(EXAM_QUESTIONS) {
            assert_eq!(count_of(&bank, &drawn, d), n, "{d:?}");
        }
        // Shuffled across domains, not grouped.
        let domains: Vec<_> = drawn.iter().map(|&i| bank[i].domain).collect();
        let mut grouped = domains.clone();
        grouped.sort();
        assert_ne!(domains, grouped);
    }

    #[test]
    fn draw_is_deterministic_per_seed() {
        let bank = bank([40, 30, 30, 25], 5);
        assert_eq!(draw(&bank, 42), draw(&bank, 42));
        assert_ne!(draw(&bank, 42), draw(&bank, 43));
    }

    #[test]
    fn draw_fills_short_domains_from_others() {
        let bank = bank([5, 40, 40, 40], 3);
        let drawn = draw(&bank, 1);
        assert_eq!(drawn.len(), EXAM_QUESTIONS);
        assert!(no_duplicates(&drawn));
        assert_eq!(count_of(&bank, &drawn, Domain::Secure), 5);
        assert!(count_of(&bank, &drawn, Domain::Cost) >= 13);
    }

    #[test]
    fn draw_from_tiny_or_odd_banks() {
        assert!(draw(&[], 3).is_empty());
        let tiny = bank([2, 1, 0, 1], 1);
        let mut drawn = draw(&tiny, 9);
        assert_eq!(drawn.len(), tiny.len());
        drawn.sort_unstable();
        assert_eq!(drawn, (0..tiny.len()).collect::<Vec<_>>());
        let loose = bank([0, 0, 0, 0], 70);
        let drawn = draw(&loose, 9);
        assert_eq!(drawn.len(), EXAM_QUESTIONS);
        assert!(no_duplicates(&drawn));
        let mut twice = bank([3, 0, 0, 0], 0);
        twice.push(twice[0].clone());
        let drawn = draw(&twice, 2);
        assert_eq!(drawn.len(), 3);
        assert!(!drawn.contains(&3));
    }

    #[test]
    fn scaled_score_bounds_and_pass_mark() {
        assert_eq!(scaled_score(0, 0), 100);
        assert_eq!(scaled_score(0, 65), 100);
        assert_eq!(scaled_score(65, 65), 1000);
        assert_eq!(scaled_score(99, 65), 1000);
        assert_eq!(scaled_score(1, 2), 550);
        assert_eq!(scaled_score(44, 65), 709);
        assert_eq!(scaled_score(45, 65), 723);
        assert!(scaled_score(44, 65) < PASS_SCORE);
        assert!(scaled_score(45, 65) >= PASS_SCORE);
        for c in 1..=65 {
            assert!(scaled_score(c, 65) > scaled_score(c - 1, 65));
        }
        assert_eq!(scaled_score(usize::MAX, usize::MAX), 1000);
    }

    #[test]
    fn score_with_breakdowns() {
        let qs = [
            question(
                "a",
                Some(Domain::Secure),
                &["AWS Key Management Service", "Amazon S3"],
            ),
            question("b", Some(Domain::Secure), &["AWS Key Management Service"]),
            question("c", Some(Domain::Cost), &["Amazon S3"]),
            question("d", None, &["Amazon S3", "Amazon S3"]),
            question("e", Some(Domain::Resilient), &["Amazon Route 53"]),
        ];
        let refs: Vec<&Question> = qs.iter().collect();
        let answers = [Some(vec![1]), Some(vec![0]), None, Some(vec![1])];
        let r = score(&refs, &answers);
        assert_eq!((r.correct, r.total), (2, 5));
        assert_eq!(r.score, scaled_score(2, 5));
        assert!(!r.passed);
        assert_eq!(
            r.by_domain,
            [
                (Domain::Secure, 1, 2),
                (Domain::Resilient, 0, 1),
                (Domain::Performant, 0, 0),
                (Domain::Cost, 0, 1)
            ]
        );
        // c and e were not answered: S3 is 2/2 from a and d, Route 53 not judged at all.
        assert_eq!(r.unanswered, 2);
        assert_eq!(
            r.by_service,
            [
                ("AWS Key Management Service".to_owned(), 1, 2),
                ("Amazon S3".to_owned(), 2, 2),
            ]
        );
        let all: Vec<_> = qs.iter().map(|_| Some(vec![1])).collect();
        let perfect = score(&refs, &all);
        assert_eq!((perfect.score, perfect.passed), (1000, true));
        let empty = score(&[], &[]);
        assert_eq!((empty.total, empty.score, empty.passed), (0, 100, false));
    }

    /// Regression: submitting at question 10 of 65 showed S3 at 0/18, every unanswered
    /// question counted as a wrong answer about its services.
    #[test]
    fn unanswered_questions_are_not_weaknesses() {
        let qs: Vec<Question> = (0..18)
            .map(|i| question(&format!("s3-{i}"), Some(Domain::Performant), &["Amazon S3"]))
            .collect();
        let refs: Vec<&Question> = qs.iter().collect();
        let mut answers = vec![None; 18];
        answers[0] = Some(vec![1]);
        answers[1] = Some(vec![0]);
        let r = score(&refs, &answers);
        assert_eq!((r.correct, r.unanswered, r.total), (1, 16, 18));
        assert_eq!(r.by_service, [("Amazon S3".to_owned(), 1, 2)]);
    }
}
