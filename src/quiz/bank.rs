//! The hand-written SAA-C03 question bank: one RON file per exam domain in
//! `assets/questions/` (format in its `README.md`), compiled into the binary.
//!
//! [`parse_bank`] turns one file into [`Question`]s, [`validate`] lists what is wrong with a
//! question in words (option and answer counts, empty texts, service names the icon catalog
//! does not know), and [`bundled`] parses the four shipped files.

use serde::Deserialize;

use crate::quiz::{Choice, Domain, Origin, Question};
use crate::services;

/// Suffix every multiple-response prompt ends with.
pub const CHOOSE_TWO: &str = "(Choose two.)";

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

/// One question as written in a bank file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: String,
    domain: Domain,
    question: String,
    options: Vec<String>,
    answers: Vec<usize>,
    explanation: String,
    services: Vec<String>,
    #[serde(default)]
    assumption: Option<String>,
}

impl From<RawQuestion> for Question {
    fn from(raw: RawQuestion) -> Self {
        Question {
            id: raw.id,
            domain: Some(raw.domain),
            prompt: raw.question,
            prompt_icon: None,
            choices: raw.options.into_iter().map(Choice::Text).collect(),
            answers: raw.answers,
            explanation: raw.explanation,
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

/// Parses one RON bank file (format in `assets/questions/README.md`) into questions
/// ([`Origin::Bank`], text choices, a domain). Does not [`validate`] them.
///
/// # Errors
/// [`BankError`] naming `file` when the text is not a valid bank; the message carries the
/// RON line and column.
pub fn parse_bank(file: &str, text: &str) -> Result<Vec<Question>, BankError> {
    let raw: Vec<RawQuestion> = ron::from_str(text).map_err(|e| BankError {
        file: file.to_owned(),
        message: e.to_string(),
    })?;
    Ok(raw.into_iter().map(Question::from).collect())
}

/// What is wrong with one bank question, in words (empty when nothing is): option and answer
/// counts (single answer: 4 options and 1 answer; multiple response: 5 options, 2 answers
/// and a prompt ending with "(Choose two.)"), answers out of range or repeated, empty or
/// repeated texts, no services, and service names the service catalog does not know
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
    check_services(q, &mut problems);
    if q.assumption.as_deref().is_some_and(|a| a.trim().is_empty()) {
        problems.push("empty assumption (use None)".to_owned());
    }
    problems
}

/// Option/answer counts and the "(Choose two.)" suffix.
fn check_shape(q: &Question, prompt: &str, problems: &mut Vec<String>) {
    let options = q.choices.len();
    let answers = q.answers.len();
    let choose_two = prompt.ends_with(CHOOSE_TWO);
    match answers {
        0 => problems.push("no answer".to_owned()),
        1 => {
            if options != 4 {
                problems.push(format!(
                    "single-answer question with {options} options (expected 4)"
                ));
            }
            if choose_two {
                problems.push(format!("single-answer question ends with \"{CHOOSE_TWO}\""));
            }
        }
        2 => {
            if options != 5 {
                problems.push(format!(
                    "multiple-response question with {options} options (expected 5)"
                ));
            }
            if !choose_two {
                problems.push(format!(
                    "multiple-response question does not end with \"{CHOOSE_TWO}\""
                ));
            }
        }
        n => problems.push(format!(
            "{n} answers (expected 1, or 2 with \"{CHOOSE_TWO}\")"
        )),
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

    const GOOD: &str = r#"[
        (
            id: "sec-900",
            domain: Secure,
            question: "A company must encrypt data at rest in S3. Which solution meets these requirements?",
            options: ["Use SSE-KMS", "Use a NAT gateway", "Use Route 53", "Use SQS"],
            answers: [0],
            explanation: "A is right because KMS encrypts the objects. B, C and D do not encrypt.",
            services: ["AWS Key Management Service", "Amazon Simple Storage Service"],
            assumption: None,
        ),
        (
            id: "res-900",
            domain: Resilient,
            question: "Which two steps make the database highly available? (Choose two.)",
            options: ["Multi-AZ", "Read replica in another Region", "Smaller instance", "Delete backups", "Public subnet"],
            answers: [0, 1],
            explanation: "Multi-AZ and cross-Region replicas survive failures; the others do not.",
            services: ["Amazon RDS"],
            assumption: Some("As of 2025."),
        ),
    ]"#;

    #[test]
    fn parses_inline_bank() {
        let qs = parse_bank("inline.ron", GOOD).expect("parses");
        assert_eq!(qs.len(), 2);
        assert_eq!(qs[0].domain, Some(Domain::Secure));
        assert_eq!(qs[0].origin, Origin::Bank);
        assert_eq!(qs[0].choices[0], Choice::Text("Use SSE-KMS".into()));
        assert!(!qs[0].is_multiple());
        assert!(qs[1].is_multiple());
        assert_eq!(qs[1].assumption.as_deref(), Some("As of 2025."));
        for q in &qs {
            assert!(validate(q).is_empty(), "{}: {:?}", q.id, validate(q));
        }
    }

    #[test]
    fn syntax_errors_name_the_file_and_position() {
        let err = parse_bank("broken.ron", "[\n  (\n    id: 3,\n  ),\n]").expect_err("invalid");
        assert_eq!(err.file, "broken.ron");
        assert!(err.message.contains("3:"), "{}", err.message);
        assert!(err.to_string().starts_with("broken.ron: "));
        assert!(parse_bank("empty.ron", "").is_err());
        assert!(parse_bank("x.ron", "\u{0}\u{1}garbage").is_err());
        let unknown = GOOD.replace("assumption: None", "assumptions: None");
        assert!(parse_bank("x.ron", &unknown).is_err());
        assert_eq!(parse_bank("x.ron", "[]").expect("empty list"), vec![]);
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
        let p = problems(&|q| q.choices.push(Choice::Text("x".into())), 1);
        assert!(p.contains("6 options (expected 5)"), "{p}");
        let p = problems(&|q| q.prompt.push_str(" (Choose two.)"), 0);
        assert!(p.contains("single-answer question ends with"), "{p}");
        let p = problems(&|q| q.prompt = "  ".into(), 0);
        assert!(p.contains("empty question"), "{p}");
        let p = problems(&|q| q.explanation.clear(), 0);
        assert!(p.contains("empty explanation"), "{p}");
        let p = problems(&|q| q.services.clear(), 0);
        assert!(p.contains("no services"), "{p}");
        let p = problems(&|q| q.services.push("Amazon Flux Capacitor".into()), 0);
        assert!(p.contains("\"Amazon Flux Capacitor\""), "{p}");
        let p = problems(&|q| q.choices[2] = Choice::Text("Use SSE-KMS".into()), 0);
        assert!(p.contains("option 2 repeats"), "{p}");
        let p = problems(&|q| q.services = vec!["Storage".into()], 0);
        assert!(p.contains("\"Storage\""), "category is not a service: {p}");
        // Fallback through aliases.
        let p = problems(&|q| q.services = vec!["SQS".into(), "Amazon S3".into()], 0);
        assert!(p.is_empty(), "{p}");
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

    #[test]
    fn bundled_counts_per_domain() {
        let all = bundled().unwrap_or_else(|e| panic!("{e}"));
        let mut counts: BTreeMap<Domain, usize> = BTreeMap::new();
        for q in &all {
            if let Some(d) = q.domain {
                *counts.entry(d).or_default() += 1;
            }
        }
        let expected: BTreeMap<Domain, usize> = [
            (Domain::Secure, 45),
            (Domain::Resilient, 39),
            (Domain::Performant, 36),
            (Domain::Cost, 30),
        ]
        .into();
        assert_eq!(counts, expected);
        assert_eq!(all.len(), 150);
        // Each file holds its own domain only.
        for (file, text) in FILES {
            let qs = parse_bank(file, text).unwrap_or_else(|e| panic!("{e}"));
            let domains: HashSet<_> = qs.iter().map(|q| q.domain).collect();
            assert_eq!(domains.len(), 1, "{file}: {domains:?}");
        }
        assert!(all.iter().any(Question::is_multiple));
        assert!(all.iter().any(|q| !q.is_multiple()));
    }
}
