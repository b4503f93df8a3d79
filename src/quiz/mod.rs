//! The Quiz room's core: questions (the hand-written SAA-C03 bank in `assets/questions/`,
//! questions generated from the notes, questions imported from Markdown files), the
//! spaced-repetition scheduler, exam simulation and scoring, and the student's progress.
//!
//! Everything here is pure and egui-free: time is always passed in (`now_secs`, Unix
//! seconds), randomness comes from a seed. [`room`] is the Quiz room without its views
//! (questions, filters, sessions, exam, caches), driven by the [`command::QuizCommand`]s
//! the UI (`ui::quiz`) returns; file I/O and saves are the app's.

pub mod bank;
pub mod command;
pub mod drills;
pub mod exam;
pub mod generate;
pub mod import;
pub mod json;
pub mod progress;
pub mod room;
pub mod scheduler;
pub mod session;
pub mod stats;

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::diagram::model::{Diagram, NodeId};
use crate::icons::IconId;

/// The four SAA-C03 exam domains.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Domain {
    /// Design Secure Architectures (30 %).
    Secure,
    /// Design Resilient Architectures (26 %).
    Resilient,
    /// Design High-Performing Architectures (24 %).
    Performant,
    /// Design Cost-Optimized Architectures (20 %).
    Cost,
}

impl Domain {
    /// All domains, in exam-guide order.
    pub const ALL: [Domain; 4] = [
        Domain::Secure,
        Domain::Resilient,
        Domain::Performant,
        Domain::Cost,
    ];

    /// Weight in the exam, in percent.
    #[must_use]
    pub fn weight_percent(self) -> u32 {
        match self {
            Self::Secure => 30,
            Self::Resilient => 26,
            Self::Performant => 24,
            Self::Cost => 20,
        }
    }

    /// English name as in the exam guide.
    #[must_use]
    pub fn label_en(self) -> &'static str {
        match self {
            Self::Secure => "Secure architectures",
            Self::Resilient => "Resilient architectures",
            Self::Performant => "High-performing architectures",
            Self::Cost => "Cost-optimized architectures",
        }
    }

    /// French name.
    #[must_use]
    pub fn label_fr(self) -> &'static str {
        match self {
            Self::Secure => "Architectures sécurisées",
            Self::Resilient => "Architectures résilientes",
            Self::Performant => "Architectures performantes",
            Self::Cost => "Architectures optimisées en coûts",
        }
    }
}

/// One answer option.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Text.
    Text(String),
    /// An AWS icon (for "which icon is this service?").
    Icon(IconId),
}

/// Where a question comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The hand-written bank shipped with the app.
    Bank,
    /// Generated from a topic of the notes (`Index::topics` index and its stable key).
    Notes {
        /// Topic key (`note path#heading`), stable across restarts.
        topic_key: String,
    },
    /// Imported from a Markdown file (its path and line).
    Imported {
        /// The file.
        file: String,
        /// 1-based line of the question heading.
        line: usize,
    },
    /// A diagram drill ([`drills`]): asked about a template or one of the student's
    /// diagrams.
    Drill {
        /// The diagram's source key (`template:three-tier`, `file:web.drawio`).
        source: String,
    },
}

/// A diagram shown with a question's prompt (diagram drills), read-only.
#[derive(Clone, Debug, PartialEq)]
pub struct PromptDiagram {
    /// The diagram, shared by the drills made from it.
    pub diagram: Arc<Diagram>,
    /// Nodes drawn as a dashed "?" box until the question is checked.
    pub hidden: Vec<NodeId>,
    /// Nodes outlined once the question is checked (where the fault was).
    pub marked: Vec<NodeId>,
}

/// A question, whatever its origin.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    /// Stable id: bank id (`sec-001`), `gen:<kind>:<topic key>`, `import:<file>:<line>`,
    /// or `drill:<kind>:<source>:<node or rule>`.
    pub id: String,
    /// Exam domain, when known (bank questions always have one).
    pub domain: Option<Domain>,
    /// The question text.
    pub prompt: String,
    /// An icon shown with the prompt ("which service is this icon?").
    pub prompt_icon: Option<IconId>,
    /// A diagram shown with the prompt (diagram drills). Never saved: progress and cards
    /// refer to questions by id.
    pub prompt_diagram: Option<PromptDiagram>,
    /// The options, in display order.
    pub choices: Vec<Choice>,
    /// Indices of the correct choices (1 for single answer, 2+ for multiple response).
    pub answers: Vec<usize>,
    /// The principle that decides the question (bank questions: a short general
    /// explanation; others: why the right answers are right and the others wrong).
    pub explanation: String,
    /// Per choice, why it is right or which requirement it misses (parallel to
    /// `choices`; empty when the question has none). Never refers to a choice by its
    /// letter, so choices can be shown in any order.
    pub notes: Vec<String>,
    /// The one fact to remember, if the question has one.
    pub key_fact: Option<String>,
    /// The exam-guide task statement it tests (`"1.2"`), for bank questions.
    pub task: Option<String>,
    /// AWS services the question is about (the service catalog's short names).
    pub services: Vec<String>,
    /// A dated assumption the answer depends on, if any.
    pub assumption: Option<String>,
    /// Where it comes from.
    pub origin: Origin,
}

impl Question {
    /// True for multiple-response questions.
    #[must_use]
    pub fn is_multiple(&self) -> bool {
        self.answers.len() > 1
    }

    /// Whether the options must keep their order: an option such as "All of the above", or
    /// an explanation naming options by letter ("option B", "(C)", "B is correct"), would
    /// be wrong once shuffled. The bank never does either; imported banks often do.
    #[must_use]
    pub fn order_matters(&self) -> bool {
        let relative = [
            "of the above",
            "both a and b",
            "all of these",
            "none of these",
        ];
        let options_refer = self.choices.iter().any(|c| match c {
            Choice::Text(t) => {
                let f = crate::text::fold(t);
                relative.iter().any(|r| f.contains(r))
            }
            Choice::Icon(_) => false,
        });
        let letters = ['a', 'b', 'c', 'd', 'e', 'f'];
        let names_letter = |text: &str| {
            let f = crate::text::fold(text);
            let words: Vec<&str> = f.split(|c: char| !c.is_alphanumeric()).collect();
            words.windows(2).any(|w| {
                matches!(w[0], "option" | "options" | "answer" | "answers" | "choice")
                    && w[1].len() == 1
                    && w[1].chars().all(|c| letters.contains(&c))
            }) || letters.iter().any(|l| {
                f.contains(&format!("({l})"))
                    || f.contains(&format!(" {l} is correct"))
                    || f.starts_with(&format!("{l} is correct"))
            })
        };
        options_refer
            || names_letter(&self.explanation)
            || self.notes.iter().any(|n| names_letter(n))
    }

    /// Whether `selected` (choice indices, any order) is exactly the right answer.
    #[must_use]
    pub fn is_correct(&self, selected: &[usize]) -> bool {
        let mut a = self.answers.clone();
        let mut s = selected.to_vec();
        a.sort_unstable();
        a.dedup();
        s.sort_unstable();
        s.dedup();
        a == s
    }
}

/// A plain bank question for tests: four text options, the second correct.
#[cfg(test)]
pub(crate) fn test_question(id: &str, domain: Option<Domain>, services: &[&str]) -> Question {
    Question {
        id: id.into(),
        domain,
        prompt: format!("Question {id}?"),
        prompt_icon: None,
        prompt_diagram: None,
        choices: (0..4)
            .map(|i| Choice::Text(format!("option {i}")))
            .collect(),
        answers: vec![1],
        explanation: String::new(),
        notes: Vec::new(),
        key_fact: None,
        task: None,
        services: services.iter().map(|s| (*s).to_owned()).collect(),
        assumption: None,
        origin: Origin::Bank,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_sum_to_100() {
        assert_eq!(
            Domain::ALL.iter().map(|d| d.weight_percent()).sum::<u32>(),
            100
        );
    }

    #[test]
    fn correctness_ignores_order_and_duplicates() {
        let q = Question {
            id: "x".into(),
            domain: None,
            prompt: String::new(),
            prompt_icon: None,
            prompt_diagram: None,
            choices: vec![Choice::Text("a".into()); 5],
            answers: vec![3, 1],
            explanation: String::new(),
            notes: Vec::new(),
            key_fact: None,
            task: None,
            services: vec![],
            assumption: None,
            origin: Origin::Bank,
        };
        assert!(q.is_correct(&[1, 3]));
        assert!(q.is_correct(&[3, 1, 1]));
        assert!(!q.is_correct(&[1]));
        assert!(!q.is_correct(&[1, 2, 3]));
        assert!(q.is_multiple());
    }

    /// Regression (review): shuffled options made "All of the above" and an explanation
    /// saying "option B" wrong.
    #[test]
    fn order_matters_when_options_or_explanations_name_places() {
        let mut q = crate::quiz::test_question("x", None, &[]);
        assert!(!q.order_matters(), "plain options shuffle");
        q.explanation = "Option B is right because S3 stores objects.".into();
        assert!(q.order_matters());
        q.explanation = "(C) adds latency.".into();
        assert!(q.order_matters());
        q.explanation = "A bucket policy (in JSON) grants access.".into();
        assert!(!q.order_matters(), "a word in parentheses is no letter");
        q.choices[3] = Choice::Text("All of the above".into());
        assert!(q.order_matters());
    }
}
