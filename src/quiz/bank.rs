//! The hand-written SAA-C03 question bank: one RON file per exam domain in
//! `assets/questions/` (format v2 in its `README.md`), compiled into the binary.
//!
//! Each question carries an explanation per option ("why this is right / which requirement
//! this misses"), a short general explanation, the fact to remember and the exam-guide task
//! statement it tests. No explanation names an option by its letter, so options can be
//! shown in any order. [`parse_bank`] turns one file into [`Question`]s, [`validate`] lists
//! what is wrong with a question in words, [`honesty`] measures whether the bank gives its
//! answers away by their shape (the keyed option being the longest...), and [`bundled`]
//! parses the four shipped files.

use serde::Deserialize;

use crate::quiz::{Choice, Domain, Origin, Question};
use crate::services;

/// Suffix of every two-answer prompt.
pub const CHOOSE_TWO: &str = "(Choose two.)";
/// Suffix of every three-answer prompt.
pub const CHOOSE_THREE: &str = "(Choose three.)";

/// The bank format version this build reads.
pub const BANK_VERSION: u32 = 2;

/// The exam guide's task statements (SAA-C03): id and title.
pub const TASKS: [(&str, &str); 14] = [
    ("1.1", "Design secure access to AWS resources"),
    ("1.2", "Design secure workloads and applications"),
    ("1.3", "Determine appropriate data security controls"),
    ("2.1", "Design scalable and loosely coupled architectures"),
    (
        "2.2",
        "Design highly available and/or fault-tolerant architectures",
    ),
    (
        "3.1",
        "Determine high-performing and/or scalable storage solutions",
    ),
    (
        "3.2",
        "Design high-performing and elastic compute solutions",
    ),
    ("3.3", "Determine high-performing database solutions"),
    (
        "3.4",
        "Determine high-performing and/or scalable network architectures",
    ),
    (
        "3.5",
        "Determine high-performing data ingestion and transformation solutions",
    ),
    ("4.1", "Design cost-optimized storage solutions"),
    ("4.2", "Design cost-optimized compute solutions"),
    ("4.3", "Design cost-optimized database solutions"),
    ("4.4", "Design cost-optimized network architectures"),
];

/// The bundled bank files: (file name, text).
const FILES: [(&str, &str); 4] = [
    (
        "secure.ron",
        include_str!("../../assets/questions/secure.ron"),
    ),
    (
        "resilient.ron",
        include_str!("../../assets/questions/resilient.ron"),
    ),
    (
        "performant.ron",
        include_str!("../../assets/questions/performant.ron"),
    ),
    ("cost.ron", include_str!("../../assets/questions/cost.ron")),
];

/// A bank file that cannot be read.
#[derive(Debug, thiserror::Error)]
#[error("{file}: {message}")]
pub struct BankError {
    /// The file name (`secure.ron`).
    pub file: String,
    /// What is wrong, with the line and column for RON syntax errors.
    pub message: String,
}

/// A bank file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBank {
    version: u32,
    questions: Vec<RawQuestion>,
}

/// One question as written in a bank file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: String,
    domain: Domain,
    task: String,
    question: String,
    options: Vec<RawOption>,
    answers: Vec<usize>,
    explanation: String,
    key_fact: String,
    services: Vec<String>,
    #[serde(default)]
    assumption: Option<String>,
}

/// One option and why it is right or wrong.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOption {
    text: String,
    why: String,
}

impl From<RawQuestion> for Question {
    fn from(raw: RawQuestion) -> Self {
        let (choices, notes) = raw
            .options
            .into_iter()
            .map(|o| (Choice::Text(o.text), o.why))
            .unzip();
        Question {
            id: raw.id,
            domain: Some(raw.domain),
            prompt: raw.question,
            prompt_icon: None,
            prompt_diagram: None,
            choices,
            answers: raw.answers,
            explanation: raw.explanation,
            notes,
            key_fact: Some(raw.key_fact),
            task: Some(raw.task),
            services: raw.services.iter().map(|s| canonical_service(s)).collect(),
            assumption: raw.assumption,
            origin: Origin::Bank,
        }
    }
}

/// A service name as the service catalog's short name ("Amazon Simple Storage Service" →
/// "Amazon S3"); an unknown name is kept as written (and reported by [`validate`]).
#[must_use]
pub fn canonical_service(name: &str) -> String {
    let catalog = services::Catalog::bundled();
    catalog.by_name(name).map_or_else(
        || name.trim().to_owned(),
        |id| catalog.short_name(id).to_owned(),
    )
}

/// Parses one RON bank file (format v2, see `assets/questions/README.md`) into questions
/// ([`Origin::Bank`], text choices with their notes, a domain and a task). Does not
/// [`validate`] them.
///
/// # Errors
/// [`BankError`] naming `file` when the text is not a valid bank of this version; the
/// message carries the RON line and column.
pub fn parse_bank(file: &str, text: &str) -> Result<Vec<Question>, BankError> {
    let error = |message: String| BankError {
        file: file.to_owned(),
        message,
    };
    let raw: RawBank = ron::from_str(text).map_err(|e| error(e.to_string()))?;
    if raw.version != BANK_VERSION {
        return Err(error(format!(
            "bank format version {} (this build reads version {BANK_VERSION})",
            raw.version
        )));
    }
    Ok(raw.questions.into_iter().map(Question::from).collect())
}

/// What is wrong with one bank question, in words (empty when nothing is): option and
/// answer counts (1 answer: 4 options; 2 answers: 5 options and "(Choose two.)"; 3
/// answers: 6 options and "(Choose three.)"), answers out of range or repeated, empty or
/// repeated texts, a missing note, key fact or explanation, a note or explanation that
/// names an option by its letter, a task statement outside the question's domain, no
/// services, and service names the service catalog does not know
/// ([`services::Catalog::by_name`]).
#[must_use]
pub fn validate(q: &Question) -> Vec<String> {
    let mut problems = Vec::new();
    if q.id.trim().is_empty() {
        problems.push("empty id".to_owned());
    }
    if q.domain.is_none() {
        problems.push("no domain".to_owned());
    }
    let prompt = q.prompt.trim();
    if prompt.is_empty() {
        problems.push("empty question".to_owned());
    }
    if q.explanation.trim().is_empty() {
        problems.push("empty explanation".to_owned());
    }
    check_shape(q, prompt, &mut problems);
    check_choices(q, &mut problems);
    check_answers(q, &mut problems);
    check_notes(q, &mut problems);
    check_task(q, &mut problems);
    check_services(q, &mut problems);
    if q.assumption.as_deref().is_some_and(|a| a.trim().is_empty()) {
        problems.push("empty assumption (use None)".to_owned());
    }
    problems
}

/// A note per option, a key fact, and no letter references anywhere.
fn check_notes(q: &Question, problems: &mut Vec<String>) {
    if q.notes.len() != q.choices.len() {
        problems.push(format!(
            "{} option notes for {} options",
            q.notes.len(),
            q.choices.len()
        ));
    }
    for (i, note) in q.notes.iter().enumerate() {
        if note.trim().is_empty() {
            problems.push(format!("option {i} has no note"));
        }
    }
    if q.key_fact.as_deref().is_none_or(|k| k.trim().is_empty()) {
        problems.push("no key fact".to_owned());
    }
    let texts = q
        .notes
        .iter()
        .chain(std::iter::once(&q.explanation))
        .chain(&q.key_fact);
    for text in texts {
        if let Some(reference) = letter_reference(text) {
            problems.push(format!(
                "names an option by its letter ({reference:?}): options are shuffled"
            ));
        }
    }
}

/// A task statement of the question's own domain.
fn check_task(q: &Question, problems: &mut Vec<String>) {
    let Some(task) = q.task.as_deref() else {
        problems.push("no task statement".to_owned());
        return;
    };
    if !TASKS.iter().any(|(id, _)| *id == task) {
        problems.push(format!("unknown task statement {task:?}"));
        return;
    }
    let domain_digit = match q.domain {
        Some(Domain::Secure) => "1.",
        Some(Domain::Resilient) => "2.",
        Some(Domain::Performant) => "3.",
        Some(Domain::Cost) => "4.",
        None => return,
    };
    if !task.starts_with(domain_digit) {
        problems.push(format!(
            "task statement {task} is not in the question's domain"
        ));
    }
}

/// The first place a text names an option by its letter ("B is correct", "option C",
/// "(D)"), if any.
#[must_use]
pub fn letter_reference(text: &str) -> Option<String> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .filter(|w| !w.is_empty())
        .collect();
    let is_letter = |w: &str| {
        let w = w.trim_matches(|c: char| c == '.' || c == ':');
        w.len() == 1 && matches!(w, "A" | "B" | "C" | "D" | "E" | "F")
    };
    for (i, w) in words.iter().enumerate() {
        let lower = w.to_ascii_lowercase();
        let next = words.get(i + 1).copied().unwrap_or("");
        let named = matches!(lower.trim_end_matches('s'), "option" | "answer" | "choice")
            && is_letter(next);
        let paren = w.len() == 3 && w.starts_with('(') && w.ends_with(')') && is_letter(&w[1..2]);
        let verb = matches!(
            next.to_ascii_lowercase().as_str(),
            "is" | "are" | "and" | "or" | "would" | "does" | "also" | "fails" | "works"
        );
        // "A" is also an article ("A company..."): only "A is/are correct|wrong|right".
        let subject = is_letter(w)
            && verb
            && (*w != "A"
                || matches!(
                    words
                        .get(i + 2)
                        .map(|x| x
                            .trim_matches(|c: char| !c.is_alphanumeric())
                            .to_ascii_lowercase())
                        .as_deref(),
                    Some("correct" | "wrong" | "right" | "incorrect" | "the")
                ));
        if named || paren || subject {
            return Some(format!("{w} {next}").trim().to_owned());
        }
    }
    None
}

/// How much a bank gives its answers away by their shape.
#[derive(Clone, Debug, PartialEq)]
pub struct Honesty {
    /// Single-answer questions.
    pub single: usize,
    /// Of those, the ones whose keyed option is strictly the longest.
    pub key_longest: usize,
    /// Mean length of keyed options over mean length of the others (characters).
    pub length_ratio: f64,
    /// Single-answer key positions (how many keys at 0, 1, 2, 3).
    pub key_positions: [usize; 4],
    /// Pairs of ids whose stems are near-duplicates.
    pub near_duplicates: Vec<(String, String)>,
}

impl Honesty {
    /// Share of single-answer questions whose key is strictly the longest, in percent.
    #[must_use]
    pub fn key_longest_percent(&self) -> f64 {
        if self.single == 0 {
            return 0.0;
        }
        #[allow(clippy::cast_precision_loss)] // a few hundred questions
        let share = self.key_longest as f64 * 100.0 / self.single as f64;
        share
    }
}

/// Measures [`Honesty`] over `questions` (text choices only).
#[must_use]
pub fn honesty(questions: &[Question]) -> Honesty {
    let len = |c: &Choice| match c {
        Choice::Text(t) => t.chars().count(),
        Choice::Icon(_) => 0,
    };
    let mut single = 0;
    let mut key_longest = 0;
    let mut key_positions = [0; 4];
    let (mut key_chars, mut keys, mut other_chars, mut others) = (0usize, 0usize, 0usize, 0usize);
    for q in questions {
        for (i, c) in q.choices.iter().enumerate() {
            if q.answers.contains(&i) {
                key_chars += len(c);
                keys += 1;
            } else {
                other_chars += len(c);
                others += 1;
            }
        }
        if let [key] = q.answers[..]
            && q.choices.len() == 4
        {
            single += 1;
            if let Some(slot) = key_positions.get_mut(key) {
                *slot += 1;
            }
            let key_len = q.choices.get(key).map_or(0, len);
            let longest = q
                .choices
                .iter()
                .enumerate()
                .all(|(i, c)| i == key || len(c) < key_len);
            key_longest += usize::from(longest);
        }
    }
    #[allow(clippy::cast_precision_loss)] // character counts far below 2^52
    let length_ratio = if keys == 0 || others == 0 || other_chars == 0 {
        1.0
    } else {
        (key_chars as f64 / keys as f64) / (other_chars as f64 / others as f64)
    };
    Honesty {
        single,
        key_longest,
        length_ratio,
        key_positions,
        near_duplicates: near_duplicate_stems(questions),
    }
}

/// Pairs of questions whose stems share at least 80 % of their word trigrams.
fn near_duplicate_stems(questions: &[Question]) -> Vec<(String, String)> {
    use std::collections::HashSet;
    let grams: Vec<HashSet<String>> = questions
        .iter()
        .map(|q| {
            let words: Vec<String> = crate::text::fold(&q.prompt)
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .collect();
            words.windows(3).map(|w| w.join(" ")).collect()
        })
        .collect();
    let mut pairs = Vec::new();
    for i in 0..questions.len() {
        for j in i + 1..questions.len() {
            let (a, b) = (&grams[i], &grams[j]);
            if a.is_empty() || b.is_empty() {
                continue;
            }
            let shared = a.intersection(b).count();
            if shared * 5 >= a.len().min(b.len()) * 4 {
                pairs.push((questions[i].id.clone(), questions[j].id.clone()));
            }
        }
    }
    pairs
}

/// Option/answer counts and the "(Choose two.)" / "(Choose three.)" suffixes.
fn check_shape(q: &Question, prompt: &str, problems: &mut Vec<String>) {
    let options = q.choices.len();
    let answers = q.answers.len();
    let suffix = [(2, CHOOSE_TWO), (3, CHOOSE_THREE)]
        .into_iter()
        .find(|(_, s)| prompt.ends_with(s));
    let (expected_options, expected_suffix) = match answers {
        0 => {
            problems.push("no answer".to_owned());
            return;
        }
        1 => (4, None),
        2 => (5, Some(CHOOSE_TWO)),
        3 => (6, Some(CHOOSE_THREE)),
        n => {
            problems.push(format!("{n} answers (expected 1, 2 or 3)"));
            return;
        }
    };
    if options != expected_options {
        problems.push(format!(
            "{answers}-answer question with {options} options (expected {expected_options})"
        ));
    }
    match (expected_suffix, suffix) {
        (None, Some((_, s))) => problems.push(format!("single-answer question ends with \"{s}\"")),
        (Some(want), got) if got.map(|g| g.1) != Some(want) => {
            problems.push(format!(
                "{answers}-answer question does not end with \"{want}\""
            ));
        }
        _ => {}
    }
}

/// Empty or repeated option texts.
fn check_choices(q: &Question, problems: &mut Vec<String>) {
    let texts: Vec<Option<&str>> = q
        .choices
        .iter()
        .map(|c| match c {
            Choice::Text(t) => Some(t.trim()),
            Choice::Icon(_) => None,
        })
        .collect();
    for (i, text) in texts.iter().enumerate() {
        match text {
            Some("") => problems.push(format!("option {i} is empty")),
            Some(t) if texts[..i].contains(&Some(t)) => {
                problems.push(format!("option {i} repeats an earlier option"));
            }
            _ => {}
        }
    }
}

/// Answers out of range or repeated.
fn check_answers(q: &Question, problems: &mut Vec<String>) {
    for (i, &a) in q.answers.iter().enumerate() {
        if a >= q.choices.len() {
            problems.push(format!(
                "answer {a} out of range (options are 0..={})",
                q.choices.len().saturating_sub(1)
            ));
        }
        if q.answers[..i].contains(&a) {
            problems.push(format!("answer {a} listed twice"));
        }
    }
}

/// Missing or unknown service names.
fn check_services(q: &Question, problems: &mut Vec<String>) {
    if q.services.is_empty() {
        problems.push("no services".to_owned());
    }
    let catalog = services::Catalog::bundled();
    for name in &q.services {
        let known = catalog
            .by_name(name)
            .and_then(|id| catalog.get(id))
            .is_some_and(|s| s.curated);
        if !known {
            problems.push(format!("service {name:?} is not in the service catalog"));
        }
    }
}

/// The four bank files shipped with the app (`assets/questions/*.ron`), parsed, in
/// exam-guide order.
///
/// # Errors
/// [`BankError`] for the first file that does not parse.
pub fn bundled() -> Result<Vec<Question>, BankError> {
    let mut all = Vec::new();
    for (file, text) in FILES {
        all.extend(parse_bank(file, text)?);
    }
    Ok(all)
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, HashSet};

    use super::*;

    const GOOD: &str = r#"(
        version: 2,
        questions: [
            (
                id: "sec-900",
                domain: Secure,
                task: "1.3",
                question: "A company must encrypt data at rest in S3 with keys it controls. Which solution meets these requirements?",
                options: [
                    (text: "Use SSE-KMS with a customer managed key", why: "The company controls the key policy and rotation."),
                    (text: "Use SSE-S3 with Amazon S3 managed keys", why: "Encrypts, but AWS manages the keys."),
                    (text: "Use client-side encryption with no key store", why: "Without a key store the keys are lost."),
                    (text: "Use a bucket policy that denies HTTP requests", why: "Protects data in transit, not at rest."),
                ],
                answers: [0],
                explanation: "Customer managed KMS keys give control over the key policy.",
                key_fact: "Keys you control at rest in S3 = SSE-KMS with a customer managed key.",
                services: ["AWS KMS", "Amazon S3"],
                assumption: None,
            ),
            (
                id: "res-900",
                domain: Resilient,
                task: "2.2",
                question: "Which two steps make the database highly available? (Choose two.)",
                options: [
                    (text: "Enable Multi-AZ", why: "A standby in another AZ takes over."),
                    (text: "Add a cross-Region read replica", why: "Survives a Regional outage once promoted."),
                    (text: "Use a smaller instance", why: "Size does not add redundancy."),
                    (text: "Turn off automated backups", why: "Removes a recovery path."),
                    (text: "Move it to a public subnet", why: "Exposure, not availability."),
                ],
                answers: [0, 1],
                explanation: "Redundancy across AZs and Regions survives failures.",
                key_fact: "HA for RDS: Multi-AZ; DR across Regions: cross-Region replica.",
                services: ["Amazon RDS"],
                assumption: Some("As of 2025."),
            ),
        ],
    )"#;

    #[test]
    fn parses_inline_bank() {
        let qs = parse_bank("inline.ron", GOOD).expect("parses");
        assert_eq!(qs.len(), 2);
        assert_eq!(qs[0].domain, Some(Domain::Secure));
        assert_eq!(qs[0].origin, Origin::Bank);
        assert_eq!(
            qs[0].choices[0],
            Choice::Text("Use SSE-KMS with a customer managed key".into())
        );
        assert_eq!(qs[0].notes[1], "Encrypts, but AWS manages the keys.");
        assert_eq!(qs[0].task.as_deref(), Some("1.3"));
        assert!(
            qs[0]
                .key_fact
                .as_deref()
                .is_some_and(|k| k.contains("SSE-KMS"))
        );
        assert_eq!(qs[0].services, ["AWS KMS", "Amazon S3"]);
        assert!(!qs[0].is_multiple());
        assert!(qs[1].is_multiple());
        assert_eq!(qs[1].assumption.as_deref(), Some("As of 2025."));
        for q in &qs {
            assert!(validate(q).is_empty(), "{}: {:?}", q.id, validate(q));
        }
    }

    #[test]
    fn syntax_errors_name_the_file_and_position() {
        let err = parse_bank(
            "broken.ron",
            "(\n  version: 2,\n  questions: [ ( id: 3 ) ],\n)",
        )
        .expect_err("invalid");
        assert_eq!(err.file, "broken.ron");
        assert!(err.message.contains("3:"), "{}", err.message);
        assert!(err.to_string().starts_with("broken.ron: "));
        assert!(parse_bank("empty.ron", "").is_err());
        assert!(parse_bank("x.ron", "\u{0}\u{1}garbage").is_err());
        let unknown = GOOD.replace("assumption: None", "assumptions: None");
        assert!(parse_bank("x.ron", &unknown).is_err());
        // A version-1 file (a bare list) and a newer version are refused with a reason.
        assert!(parse_bank("v1.ron", "[]").is_err());
        let newer = parse_bank("v3.ron", "(version: 3, questions: [])").expect_err("newer");
        assert!(newer.message.contains("version 3"), "{}", newer.message);
        assert_eq!(
            parse_bank("x.ron", "(version: 2, questions: [])").expect("empty"),
            vec![]
        );
    }

    #[test]
    fn validate_reports_each_problem() {
        let base = parse_bank("x.ron", GOOD).expect("parses");
        let problems = |edit: &dyn Fn(&mut Question), i: usize| {
            let mut q = base[i].clone();
            edit(&mut q);
            validate(&q).join("\n")
        };
        let p = problems(&|q| q.choices.truncate(3), 0);
        assert!(p.contains("3 options (expected 4)"), "{p}");
        let p = problems(&|q| q.answers = vec![7], 0);
        assert!(p.contains("out of range"), "{p}");
        let p = problems(&|q| q.answers = vec![1, 1], 1);
        assert!(p.contains("listed twice"), "{p}");
        let p = problems(&|q| q.answers.clear(), 0);
        assert!(p.contains("no answer"), "{p}");
        let p = problems(&|q| q.prompt = "Which two? ".into(), 1);
        assert!(p.contains("does not end with"), "{p}");
        let p = problems(&|q| q.prompt.push_str(" (Choose two.)"), 0);
        assert!(p.contains("single-answer question ends with"), "{p}");
        let p = problems(
            &|q| {
                q.answers = vec![0, 1, 2];
                q.prompt = "Which three? (Choose two.)".into();
            },
            1,
        );
        assert!(p.contains("5 options (expected 6)"), "{p}");
        assert!(p.contains("(Choose three.)"), "{p}");
        let p = problems(&|q| q.prompt = "  ".into(), 0);
        assert!(p.contains("empty question"), "{p}");
        let p = problems(&|q| q.explanation.clear(), 0);
        assert!(p.contains("empty explanation"), "{p}");
        let p = problems(&|q| q.notes.pop().map_or((), |_| ()), 0);
        assert!(p.contains("3 option notes for 4 options"), "{p}");
        let p = problems(&|q| q.notes[2] = " ".into(), 0);
        assert!(p.contains("option 2 has no note"), "{p}");
        let p = problems(&|q| q.key_fact = None, 0);
        assert!(p.contains("no key fact"), "{p}");
        let p = problems(
            &|q| q.notes[1] = "B is wrong because AWS holds the key.".into(),
            0,
        );
        assert!(p.contains("by its letter"), "{p}");
        let p = problems(
            &|q| q.explanation = "Unlike option C, it encrypts.".into(),
            0,
        );
        assert!(p.contains("by its letter"), "{p}");
        let p = problems(&|q| q.task = Some("3.1".into()), 0);
        assert!(p.contains("not in the question's domain"), "{p}");
        let p = problems(&|q| q.task = Some("9.9".into()), 0);
        assert!(p.contains("unknown task"), "{p}");
        let p = problems(&|q| q.services.clear(), 0);
        assert!(p.contains("no services"), "{p}");
        let p = problems(&|q| q.services.push("Amazon Flux Capacitor".into()), 0);
        assert!(p.contains("\"Amazon Flux Capacitor\""), "{p}");
        let p = problems(&|q| q.choices[2] = base[0].choices[0].clone(), 0);
        assert!(p.contains("option 2 repeats"), "{p}");
        let p = problems(&|q| q.services = vec!["Storage".into()], 0);
        assert!(p.contains("\"Storage\""), "category is not a service: {p}");
        // Any name the service catalog knows.
        let p = problems(&|q| q.services = vec!["SQS".into(), "Amazon S3".into()], 0);
        assert!(p.is_empty(), "{p}");
    }

    #[test]
    fn letter_references_are_found_and_articles_are_not() {
        for text in [
            "B is correct because...",
            "Option C misses the latency requirement.",
            "Answers A and D fail.",
            "Unlike (D), this scales.",
            "A is wrong: the key is AWS managed.",
            "C and E work together.",
        ] {
            assert!(letter_reference(text).is_some(), "{text}");
        }
        for text in [
            "A company stores data in S3.",
            "A NAT gateway is needed.",
            "Plan A is to fail over.",
            "Use an A record in Route 53.",
            "Types C5 and M5 differ.",
        ] {
            assert_eq!(letter_reference(text), None, "{text}");
        }
    }

    #[test]
    fn honesty_measures_the_shape_of_keys() {
        let qs = parse_bank("x.ron", GOOD).expect("parses");
        let h = honesty(&qs);
        assert_eq!(h.single, 1);
        assert_eq!(
            h.key_longest, 0,
            "the bucket-policy option is longer than the key"
        );
        assert_eq!(h.key_positions, [1, 0, 0, 0]);
        // A key padded with detail is caught.
        let mut padded = qs.clone();
        padded[0].choices[0] = Choice::Text(
            "Use SSE-KMS with a customer managed key, a key policy and automatic rotation".into(),
        );
        let p = honesty(&padded);
        assert_eq!(p.key_longest, 1);
        assert!(p.length_ratio > h.length_ratio);
        let mut twice = qs.clone();
        twice[1].id = "res-901".into();
        twice.push(qs[1].clone());
        assert_eq!(
            honesty(&twice).near_duplicates,
            [("res-901".to_owned(), "res-900".to_owned())]
        );
    }

    #[test]
    fn bundled_bank_is_valid() {
        let all = bundled().unwrap_or_else(|e| panic!("{e}"));
        let mut problems = Vec::new();
        for q in &all {
            for p in validate(q) {
                problems.push(format!("{}: {p}", q.id));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn bundled_ids_are_unique() {
        let all = bundled().unwrap_or_else(|e| panic!("{e}"));
        let mut seen = HashSet::new();
        let dups: Vec<&str> = all
            .iter()
            .filter(|q| !seen.insert(q.id.as_str()))
            .map(|q| q.id.as_str())
            .collect();
        assert!(dups.is_empty(), "duplicate ids: {dups:?}");
    }

    /// At least 300 questions in the exam's proportions, about a quarter multiple
    /// response, every task statement covered, each file holding its own domain.
    #[test]
    fn bundled_counts_per_domain_and_task() {
        let all = bundled().unwrap_or_else(|e| panic!("{e}"));
        let mut counts: BTreeMap<Domain, usize> = BTreeMap::new();
        for q in &all {
            if let Some(d) = q.domain {
                *counts.entry(d).or_default() += 1;
            }
        }
        println!("bank: {} questions, per domain {counts:?}", all.len());
        assert!(all.len() >= 300, "{} questions", all.len());
        for d in Domain::ALL {
            let n = counts.get(&d).copied().unwrap_or(0);
            #[allow(clippy::cast_precision_loss)]
            let share = n as f64 * 100.0 / all.len() as f64;
            let want = f64::from(d.weight_percent());
            assert!(
                (share - want).abs() <= 2.0,
                "{d:?}: {share:.1} % (want {want} %)"
            );
        }
        let multiple = all.iter().filter(|q| q.is_multiple()).count();
        let three = all.iter().filter(|q| q.answers.len() == 3).count();
        println!("bank: {multiple} multiple response, {three} choose three");
        assert!(
            (all.len() * 18..=all.len() * 32).contains(&(multiple * 100)),
            "{multiple} multiple-response questions"
        );
        assert!(three >= 3, "{three} choose-three questions");
        for (task, title) in TASKS {
            let n = all
                .iter()
                .filter(|q| q.task.as_deref() == Some(task))
                .count();
            println!("bank: task {task} ({title}): {n}");
            assert!(n >= 5, "task {task} has {n} questions");
        }
        for (file, text) in FILES {
            let qs = parse_bank(file, text).unwrap_or_else(|e| panic!("{e}"));
            let domains: HashSet<_> = qs.iter().map(|q| q.domain).collect();
            assert_eq!(domains.len(), 1, "{file}: {domains:?}");
        }
    }

    /// The bank must not teach "pick the longest option": the audit of the first bank
    /// found the key strictly longest in 65 % of single-answer questions.
    #[test]
    fn bank_gives_no_answer_away_by_its_shape() {
        let all = bundled().unwrap_or_else(|e| panic!("{e}"));
        let h = honesty(&all);
        println!(
            "bank: key strictly longest in {} of {} single-answer questions ({:.1} %); \
             key/distractor length ratio {:.2}; key positions {:?}",
            h.key_longest,
            h.single,
            h.key_longest_percent(),
            h.length_ratio,
            h.key_positions
        );
        assert!(
            h.key_longest_percent() <= 30.0,
            "{:.1} %",
            h.key_longest_percent()
        );
        assert!(h.length_ratio <= 1.15, "{:.2}", h.length_ratio);
        for (i, &n) in h.key_positions.iter().enumerate() {
            assert!(
                n * 100 >= h.single * 18 && n * 100 <= h.single * 32,
                "position {i} holds {n} of {} keys",
                h.single
            );
        }
        assert!(
            h.near_duplicates.is_empty(),
            "near-duplicate stems: {:?}",
            h.near_duplicates
        );
    }

    /// The README's table lists, for every task statement, exactly the ids of the bank
    /// questions that test it.
    #[test]
    fn readme_task_table_matches_the_bank() {
        let all = bundled().unwrap_or_else(|e| panic!("{e}"));
        let readme = include_str!("../../assets/questions/README.md");
        for (task, _) in TASKS {
            let mut want: Vec<&str> = all
                .iter()
                .filter(|q| q.task.as_deref() == Some(task))
                .map(|q| q.id.as_str())
                .collect();
            want.sort_unstable();
            let row = readme
                .lines()
                .find(|l| l.starts_with(&format!("| {task} ")))
                .unwrap_or_else(|| panic!("no README row for task {task}"));
            let cell = row.rsplit('|').nth(1).unwrap_or_default();
            let mut got: Vec<&str> = cell
                .split(',')
                .map(|id| id.trim().trim_matches('`'))
                .filter(|id| !id.is_empty())
                .collect();
            got.sort_unstable();
            assert_eq!(got, want, "README row for task {task}");
        }
    }
}
