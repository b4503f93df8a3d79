//! Statistics for the Quiz room's dashboard (accuracy per day, per domain and per service,
//! cards due in the coming days, the study streak) and the study plan: which topics of the
//! notes to study first, from their exam-frequency tier and the student's accuracy.
//!
//! Days are calendar days in the student's time zone: every function that works with days
//! takes `utc_offset_secs` (for example 7200 for UTC+2), so the UI passes the local offset
//! and tests stay deterministic. Day numbers count from 1970-01-01 (day 0).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crate::frequency::Tier;
use crate::notes::index::Index;
use crate::quiz::Domain;
use crate::quiz::exam::worst_first;
use crate::quiz::progress::AnswerRecord;
use crate::quiz::scheduler::CardState;
use crate::services;

/// Seconds in a day.
const DAY_SECS: i64 = 86_400;

/// The day number (days since 1970-01-01 in the time zone `utc_offset_secs` east of UTC)
/// of the time `secs`.
#[must_use]
pub fn day_of(secs: i64, utc_offset_secs: i64) -> i64 {
    secs.saturating_add(utc_offset_secs).div_euclid(DAY_SECS)
}

/// Accuracy over the last `days` days ending today: `(day, right, answers)` per day, oldest
/// first, days without answers included with zeros.
#[must_use]
pub fn accuracy_by_day(
    answers: &[AnswerRecord],
    now_secs: i64,
    utc_offset_secs: i64,
    days: usize,
) -> Vec<(i64, usize, usize)> {
    let today = day_of(now_secs, utc_offset_secs);
    let span = i64::try_from(days).unwrap_or(i64::MAX);
    let first = today.saturating_sub(span).saturating_add(1);
    let mut rows: Vec<(i64, usize, usize)> = (0..days)
        .map(|i| (first + i64::try_from(i).unwrap_or(0), 0, 0))
        .collect();
    for a in answers {
        let day = day_of(a.at_secs, utc_offset_secs);
        if let Some(row) = usize::try_from(day - first)
            .ok()
            .and_then(|i| rows.get_mut(i))
        {
            row.1 += usize::from(a.correct);
            row.2 += 1;
        }
    }
    rows
}

/// `(domain, right, answers)` for every domain, in [`Domain::ALL`] order (zeros when never
/// answered); answers without a domain are not counted.
#[must_use]
pub fn accuracy_by_domain(answers: &[AnswerRecord]) -> Vec<(Domain, usize, usize)> {
    let mut rows: Vec<(Domain, usize, usize)> = Domain::ALL.iter().map(|&d| (d, 0, 0)).collect();
    for a in answers {
        if let Some(row) = rows.iter_mut().find(|r| Some(r.0) == a.domain) {
            row.1 += usize::from(a.correct);
            row.2 += 1;
        }
    }
    rows
}

/// Right and total answers per service (each answer counted once per service it names),
/// keyed by the service catalog's short name: answers recorded under an older name of the
/// same service ("Amazon Simple Storage Service") count with the current ones ("Amazon S3").
fn service_counts(answers: &[AnswerRecord]) -> BTreeMap<&str, (usize, usize)> {
    let catalog = services::Catalog::bundled();
    let canonical = |name: &'_ str| -> Option<&'static str> {
        catalog.by_name(name).map(|id| catalog.short_name(id))
    };
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for a in answers {
        let mut once = HashSet::new();
        let names = a
            .services
            .iter()
            .map(|s| canonical(s).unwrap_or(s.as_str()));
        for s in names.filter(|s| once.insert(*s)) {
            let entry = counts.entry(s).or_default();
            entry.0 += usize::from(a.correct);
            entry.1 += 1;
        }
    }
    counts
}

/// The services with at least `min_answers` answers (and at least one), worst accuracy
/// first (then most answers, then name), at most `limit` of them: `(service, right,
/// answers)`.
#[must_use]
pub fn weakest_services(
    answers: &[AnswerRecord],
    min_answers: usize,
    limit: usize,
) -> Vec<(String, usize, usize)> {
    let mut counts = service_counts(answers);
    counts.retain(|_, (_, total)| *total >= min_answers);
    let mut rows = worst_first(counts);
    rows.truncate(limit);
    rows
}

/// How many cards fall due on each of the next `days` days: index 0 counts the cards due
/// today or already overdue, index 1 tomorrow, and so on; cards due later are not counted.
#[must_use]
pub fn due_forecast(
    cards: &BTreeMap<String, CardState>,
    now_secs: i64,
    utc_offset_secs: i64,
    days: usize,
) -> Vec<usize> {
    let today = day_of(now_secs, utc_offset_secs);
    let mut counts = vec![0; days];
    for card in cards.values() {
        let ahead = day_of(card.due_secs, utc_offset_secs).saturating_sub(today);
        let index = usize::try_from(ahead.max(0)).unwrap_or(usize::MAX);
        if let Some(n) = counts.get_mut(index) {
            *n += 1;
        }
    }
    counts
}

/// Consecutive days with at least one answer, ending today, or yesterday when nothing was
/// answered yet today (the streak is not lost before the day is over); 0 otherwise.
#[must_use]
pub fn streak_days(answers: &[AnswerRecord], now_secs: i64, utc_offset_secs: i64) -> u32 {
    let days: BTreeSet<i64> = answers
        .iter()
        .map(|a| day_of(a.at_secs, utc_offset_secs))
        .collect();
    let today = day_of(now_secs, utc_offset_secs);
    let mut day = if days.contains(&today) {
        today
    } else {
        today - 1
    };
    let mut streak = 0;
    while days.contains(&day) {
        streak += 1;
        day -= 1;
    }
    streak
}

/// One line of the study plan.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanItem {
    /// The topic, an index into [`Index::topics`].
    pub topic: usize,
    /// Its effective exam-frequency tier (user override first).
    pub tier: Option<Tier>,
    /// Share of right answers to questions about its service, if any were answered.
    pub accuracy: Option<f32>,
    /// Answers to questions about its service.
    pub answered: usize,
    /// Ranking score, higher first: tier weight × weakness.
    pub score: f32,
}

/// Weight of a tier in the study plan.
fn tier_weight(tier: Option<Tier>) -> f32 {
    match tier {
        Some(Tier::TresFrequent) => 5.0,
        Some(Tier::Frequent) => 4.0,
        Some(Tier::ModerementFrequent) => 3.0,
        Some(Tier::AConnaitre) => 2.0,
        Some(Tier::MoinsFrequent) => 1.0,
        None => 1.5,
    }
}

/// Weakness of a topic never practised: as if 30 % of the answers were right.
const UNANSWERED_WEAKNESS: f32 = 0.9;

/// The study plan: the topics about an AWS service, highest score first.
///
/// Score = tier weight (très fréquent 5, fréquent 4, modérément fréquent 3, à connaître 2,
/// moins fréquent 1, no tier 1.5) × weakness, where weakness is `1.2 − accuracy` on the
/// answers about the service, or 0.9 when the service was never practised. `tiers` is the
/// effective tier of each topic ([`Index::tiers`]). When several topics are about the same
/// service (the same service described in several notes), only the best-scoring one is
/// listed (the first one on a tie). Equal scores keep the topics' order.
#[must_use]
pub fn study_plan(
    index: &Index,
    tiers: &[Option<Tier>],
    answers: &[AnswerRecord],
) -> Vec<PlanItem> {
    let catalog = services::Catalog::bundled();
    let counts = service_counts(answers);
    let mut best: HashMap<services::ServiceId, PlanItem> = HashMap::new();
    for (topic, t) in index.topics.iter().enumerate() {
        let Some((service, _)) = t.service else {
            continue;
        };
        let tier = tiers.get(topic).copied().flatten();
        let (right, answered) = counts
            .get(catalog.short_name(service))
            .copied()
            .unwrap_or_default();
        #[allow(clippy::cast_precision_loss)]
        let accuracy = (answered > 0).then(|| right as f32 / answered as f32);
        let weakness = accuracy.map_or(UNANSWERED_WEAKNESS, |a| 1.2 - a);
        let item = PlanItem {
            topic,
            tier,
            accuracy,
            answered,
            score: tier_weight(tier) * weakness,
        };
        best.entry(service)
            .and_modify(|kept| {
                if item.score > kept.score {
                    *kept = item.clone();
                }
            })
            .or_insert(item);
    }
    let mut plan: Vec<PlanItem> = best.into_values().collect();
    plan.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.topic.cmp(&b.topic)));
    plan
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::notes::vault::{LoadedVault, NoteFile, VaultSource};
    use crate::quiz::scheduler::{Grade, review};

    /// 2025-06-15 12:00:00 UTC.
    const NOON: i64 = 1_749_988_800;
    const DAY: i64 = DAY_SECS;
    const HOUR: i64 = 3600;

    fn answer(
        at_secs: i64,
        correct: bool,
        domain: Option<Domain>,
        services: &[&str],
    ) -> AnswerRecord {
        AnswerRecord {
            question: format!("q{at_secs}"),
            at_secs,
            correct,
            answer_ms: 10_000,
            domain,
            services: services.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    #[test]
    fn days_follow_the_offset() {
        assert_eq!(day_of(0, 0), 0);
        assert_eq!(day_of(DAY - 1, 0), 0);
        assert_eq!(day_of(DAY, 0), 1);
        assert_eq!(day_of(-1, 0), -1);
        let midnight = NOON - 12 * HOUR;
        // 23:30 UTC is the next day in Paris (UTC+2) but not in New York (UTC−4).
        let late = midnight + 23 * HOUR + 1800;
        assert_eq!(day_of(late, 2 * HOUR), day_of(midnight, 0) + 1);
        assert_eq!(day_of(late, -4 * HOUR), day_of(midnight, 0));
        assert_eq!(day_of(midnight + HOUR, -4 * HOUR), day_of(midnight, 0) - 1);
    }

    #[test]
    fn accuracy_per_day_covers_the_window() {
        let today = day_of(NOON, 0);
        let answers = [
            answer(NOON, true, None, &[]),
            answer(NOON - HOUR, false, None, &[]),
            answer(NOON - 2 * DAY, true, None, &[]),
            answer(NOON - 7 * DAY, true, None, &[]),
            answer(NOON + DAY, true, None, &[]),
        ];
        let rows = accuracy_by_day(&answers, NOON, 0, 7);
        assert_eq!(rows.len(), 7);
        assert_eq!(rows[6], (today, 1, 2));
        assert_eq!(rows[5], (today - 1, 0, 0));
        assert_eq!(rows[4], (today - 2, 1, 1));
        assert_eq!(rows[0], (today - 6, 0, 0));
        assert_eq!(rows.iter().map(|r| r.2).sum::<usize>(), 3);
        assert!(accuracy_by_day(&answers, NOON, 0, 0).is_empty());
        // At UTC−14 the noon answers are still "yesterday" and so is NOON - 1 h.
        let west = accuracy_by_day(&answers, NOON, -14 * HOUR, 1);
        assert_eq!(west, [(today - 1, 1, 2)]);
    }

    #[test]
    fn accuracy_per_domain() {
        let answers = [
            answer(1, true, Some(Domain::Cost), &[]),
            answer(2, false, Some(Domain::Cost), &[]),
            answer(3, true, Some(Domain::Secure), &[]),
            answer(4, true, None, &[]),
        ];
        assert_eq!(
            accuracy_by_domain(&answers),
            [
                (Domain::Secure, 1, 1),
                (Domain::Resilient, 0, 0),
                (Domain::Performant, 0, 0),
                (Domain::Cost, 1, 2)
            ]
        );
    }

    #[test]
    fn weakest_services_first() {
        let s3 = "Amazon Simple Storage Service";
        let sqs = "Amazon Simple Queue Service";
        let kms = "AWS Key Management Service";
        let answers = [
            answer(1, true, None, &[s3, sqs]),
            answer(2, false, None, &[s3]),
            answer(3, false, None, &[sqs, sqs]),
            answer(4, false, None, &[kms]),
            answer(5, true, None, &[s3]),
        ];
        // Reported under the service catalog's short names.
        let weak = weakest_services(&answers, 2, 10);
        assert_eq!(
            weak,
            [
                ("Amazon SQS".to_owned(), 1, 2),
                ("Amazon S3".to_owned(), 2, 3)
            ]
        );
        let all = weakest_services(&answers, 0, 10);
        assert_eq!(all[0], ("AWS KMS".to_owned(), 0, 1));
        assert_eq!(all.len(), 3);
        assert_eq!(weakest_services(&answers, 1, 1).len(), 1);
        assert!(weakest_services(&answers, 4, 10).is_empty());
    }

    #[test]
    fn forecast_by_day() {
        let mut cards = BTreeMap::new();
        let card = review(None, Grade::Good, NOON - 10 * DAY);
        let due_at = |secs| CardState {
            due_secs: secs,
            ..card.clone()
        };
        cards.insert("overdue".to_owned(), due_at(NOON - 3 * DAY));
        cards.insert("tonight".to_owned(), due_at(NOON + 11 * HOUR));
        cards.insert("tomorrow".to_owned(), due_at(NOON + 13 * HOUR));
        cards.insert("in-3-days".to_owned(), due_at(NOON + 3 * DAY));
        cards.insert("later".to_owned(), due_at(NOON + 30 * DAY));
        assert_eq!(due_forecast(&cards, NOON, 0, 5), [2, 1, 0, 1, 0]);
        // At UTC+2, 23:00 UTC is already tomorrow.
        assert_eq!(due_forecast(&cards, NOON, 2 * HOUR, 2), [1, 2]);
        assert!(due_forecast(&cards, NOON, 0, 0).is_empty());
    }

    #[test]
    fn streaks() {
        let at = |days_ago: i64| answer(NOON - days_ago * DAY, true, None, &[]);
        assert_eq!(streak_days(&[], NOON, 0), 0);
        assert_eq!(streak_days(&[at(0), at(1), at(2), at(4)], NOON, 0), 3);
        assert_eq!(streak_days(&[at(1), at(2), at(1)], NOON, 0), 2);
        assert_eq!(streak_days(&[at(2), at(3)], NOON, 0), 0);
        assert_eq!(streak_days(&[at(0)], NOON, 0), 1);
        // 01:00 UTC answer: "yesterday" in New York.
        let early = answer(NOON - 11 * HOUR, true, None, &[]);
        assert_eq!(streak_days(std::slice::from_ref(&early), NOON, 0), 1);
        assert_eq!(streak_days(&[early], NOON, -4 * HOUR), 1);
    }

    fn vault(text: &str) -> Index {
        let vault = LoadedVault::from_parts(
            VaultSource::Bundled,
            vec![NoteFile {
                path: "Plan.md".into(),
                text: text.into(),
                problems: Vec::new(),
            }],
            Vec::new(),
            Vec::new(),
        );
        Index::build(vault, &|_, _| {})
    }

    fn short_name(index: &Index, topic: usize) -> String {
        let catalog = services::Catalog::bundled();
        let (id, _) = index.topics[topic].service.unwrap();
        catalog.short_name(id).to_owned()
    }

    fn tiers(index: &Index, o: &crate::store::Overrides) -> Vec<Option<Tier>> {
        index.tiers(o).iter().map(|t| t.map(|(t, _)| t)).collect()
    }

    #[test]
    fn plan_ranks_frequent_weak_topics_first() {
        let index = vault(
            "# Services\n\n\
             ## AWS Lambda\n\nNotion **très fréquente**.\n\n\
             ## Amazon SQS\n\nNotion **fréquente**.\n\n\
             ## Amazon Pinpoint\n\n- Pour l'examen : moins fréquent que SES.\n\n\
             ## Lambda\n\n- Pour l'examen : moins fréquent ici.\n\n\
             ## Important features\n\nNothing.\n",
        );
        let topic = |title: &str| {
            index
                .topics
                .iter()
                .position(|t| &*t.title == title)
                .unwrap()
        };
        let (lambda, sqs, pinpoint) = (
            topic("AWS Lambda"),
            topic("Amazon SQS"),
            topic("Amazon Pinpoint"),
        );
        let none = crate::store::Overrides::default();
        let t = tiers(&index, &none);
        assert_eq!(t[lambda], Some(Tier::TresFrequent));
        assert_eq!(t[sqs], Some(Tier::Frequent));
        assert_eq!(t[pinpoint], Some(Tier::MoinsFrequent));

        // Nothing answered: tier order, the second Lambda topic dropped, the generic
        // heading (no service) ignored.
        let plan = study_plan(&index, &t, &[]);
        let order: Vec<usize> = plan.iter().map(|p| p.topic).collect();
        assert_eq!(order, [lambda, sqs, pinpoint]);
        assert!((plan[0].score - 4.5).abs() < 1e-6);
        assert_eq!((plan[0].answered, plan[0].accuracy), (0, None));

        // Lambda mastered, SQS failed: SQS first.
        let lambda_name = short_name(&index, lambda);
        let sqs_name = short_name(&index, sqs);
        let answers = [
            answer(1, true, None, &[&lambda_name]),
            answer(2, true, None, &[&lambda_name]),
            answer(3, false, None, &[&sqs_name]),
            answer(4, true, None, &[&sqs_name]),
        ];
        let plan = study_plan(&index, &t, &answers);
        assert_eq!(plan[0].topic, sqs);
        assert_eq!((plan[0].answered, plan[0].accuracy), (2, Some(0.5)));
        assert!((plan[0].score - 4.0 * 0.7).abs() < 1e-6);
        let l = plan.iter().find(|p| p.topic == lambda).unwrap();
        assert!((l.score - 5.0 * 0.2).abs() < 1e-6);

        // A user override changes the tier.
        let mut o = crate::store::Overrides::default();
        o.tiers
            .insert(index.topics[pinpoint].key.to_string(), Tier::TresFrequent);
        let plan = study_plan(&index, &tiers(&index, &o), &[]);
        assert!(plan[..2].iter().any(|p| p.topic == pinpoint));
    }

    /// Answers recorded under the icon catalog's old display name of a service count with
    /// the answers recorded under its short name.
    #[test]
    fn old_service_names_in_progress_count_with_new_ones() {
        let answers = [
            answer(1, false, None, &["Amazon Simple Storage Service"]),
            answer(2, true, None, &["Amazon S3"]),
        ];
        let rows = weakest_services(&answers, 1, 10);
        assert_eq!(rows, [("Amazon S3".to_owned(), 1, 2)]);
    }

    #[test]
    fn plan_on_bundled_notes() {
        let index = Index::build(LoadedVault::bundled(), &|_, _| {});
        let t = tiers(&index, &crate::store::Overrides::default());
        let plan = study_plan(&index, &t, &[]);
        assert!(plan.len() > 10, "{}", plan.len());
        assert!(plan.windows(2).all(|w| w[0].score >= w[1].score));
        assert_eq!(plan[0].tier, Some(Tier::TresFrequent));
        let services: HashSet<_> = plan
            .iter()
            .map(|p| index.topics[p.topic].service.map(|s| s.0))
            .collect();
        assert_eq!(services.len(), plan.len());
    }
}
