//! `aws-study questions --json`: the shipped and imported questions as JSON, in a stable,
//! documented shape (see the README), so students can take their bank to other tools.
//!
//! ```json
//! {"format": "aws-study-questions", "version": 1, "questions": [
//!   {"id": "sec-001", "origin": "bank", "file": null, "line": null,
//!    "domain": "secure", "task": "1.1", "question": "...",
//!    "options": [{"text": "...", "why": "...", "correct": false}, ...],
//!    "answers": [1], "explanation": "...", "key_fact": "...",
//!    "services": ["IAM"], "assumption": null}]}
//! ```
//! Questions generated from the notes are not exported: they are rebuilt from the notes.

use serde::Serialize;

use crate::quiz::{Choice, Domain, Origin, Question};

/// The document's `format` field.
pub const FORMAT: &str = "aws-study-questions";
/// The document's `version` field: bumped when a field changes meaning or goes away.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    format: &'static str,
    version: u32,
    questions: Vec<JsonQuestion<'a>>,
}

#[derive(Serialize)]
struct JsonQuestion<'a> {
    id: &'a str,
    origin: &'static str,
    file: Option<&'a str>,
    line: Option<usize>,
    domain: Option<&'static str>,
    task: Option<&'a str>,
    question: &'a str,
    options: Vec<JsonOption<'a>>,
    answers: &'a [usize],
    explanation: &'a str,
    key_fact: Option<&'a str>,
    services: &'a [String],
    assumption: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonOption<'a> {
    text: &'a str,
    why: Option<&'a str>,
    correct: bool,
}

/// The stable key of a domain in the JSON (`secure`, `resilient`, `performant`, `cost`).
#[must_use]
pub fn domain_key(d: Domain) -> &'static str {
    match d {
        Domain::Secure => "secure",
        Domain::Resilient => "resilient",
        Domain::Performant => "performant",
        Domain::Cost => "cost",
    }
}

/// The questions as one pretty-printed JSON document. Questions with icon choices (only
/// generated ones have them) and questions generated from the notes are left out.
#[must_use]
pub fn to_json(questions: &[Question]) -> String {
    let questions = questions
        .iter()
        .filter_map(|q| {
            let (origin, file, line) = match &q.origin {
                Origin::Bank => ("bank", None, None),
                Origin::Imported { file, line } => ("imported", Some(file.as_str()), Some(*line)),
                Origin::Notes { .. } | Origin::Drill { .. } => return None,
            };
            let options = q
                .choices
                .iter()
                .enumerate()
                .map(|(i, c)| match c {
                    Choice::Text(text) => Some(JsonOption {
                        text,
                        why: q.notes.get(i).map(String::as_str),
                        correct: q.answers.contains(&i),
                    }),
                    Choice::Icon(_) => None,
                })
                .collect::<Option<Vec<_>>>()?;
            Some(JsonQuestion {
                id: &q.id,
                origin,
                file,
                line,
                domain: q.domain.map(domain_key),
                task: q.task.as_deref(),
                question: &q.prompt,
                options,
                answers: &q.answers,
                explanation: &q.explanation,
                key_fact: q.key_fact.as_deref(),
                services: &q.services,
                assumption: q.assumption.as_deref(),
            })
        })
        .collect();
    let doc = Document {
        format: FORMAT,
        version: VERSION,
        questions,
    };
    serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::{bank, import};

    #[test]
    fn bank_and_imported_questions_in_the_documented_shape() {
        let mut qs = bank::bundled().unwrap_or_default();
        let shipped = qs.len();
        let imported = import::import_markdown(
            "mine.md",
            "# Which service stores objects?\n\n- [ ] Amazon EBS\n- [x] Amazon S3\n\nObject storage.\n",
        );
        qs.extend(imported.questions);
        let doc: serde_json::Value =
            serde_json::from_str(&to_json(&qs)).unwrap_or(serde_json::Value::Null);
        assert_eq!(doc["format"], FORMAT);
        assert_eq!(doc["version"], VERSION);
        let list = doc["questions"].as_array().cloned().unwrap_or_default();
        assert_eq!(list.len(), shipped + 1);
        let first = &list[0];
        for field in [
            "id",
            "origin",
            "file",
            "line",
            "domain",
            "task",
            "question",
            "options",
            "answers",
            "explanation",
            "key_fact",
            "services",
            "assumption",
        ] {
            assert!(first.get(field).is_some(), "no {field}");
        }
        assert_eq!(first["origin"], "bank");
        assert_eq!(first["domain"], "secure");
        let correct: Vec<usize> = first["options"]
            .as_array()
            .map(|o| {
                o.iter()
                    .enumerate()
                    .filter(|(_, x)| x["correct"] == true)
                    .map(|(i, _)| i)
                    .collect()
            })
            .unwrap_or_default();
        let answers: Vec<usize> = first["answers"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(serde_json::Value::as_u64)
                    .filter_map(|x| usize::try_from(x).ok())
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(correct, answers);
        assert!(first["options"][0]["why"].is_string());
        let last = &list[shipped];
        assert_eq!(last["origin"], "imported");
        assert_eq!(last["file"], "mine.md");
        assert_eq!(last["line"], 1);
        // No `Services:` line: the importer takes the ones the question and its answer name.
        assert_eq!(last["services"], serde_json::json!(["Amazon S3"]));
    }
}
