//! The student's own questions and the question banks they download, written in Markdown.
//!
//! Two layouts are read, and may be mixed in one file:
//!
//! - **Checklist**: a heading (any level) holds the question; the task items under it
//!   (`- [ ]`, `- [x]`, `* [X]`, `1. [ ]`) are the options, checked ones being correct.
//! - **Lettered**: a question (a heading, or a numbered / bold paragraph: `12. Text`,
//!   `**Q12.** Text`, `### Question 5` then a paragraph) followed by options `A. text`,
//!   `A) text`, `- A. text`, `(A) text` (A–F, also lower case), the key being given by an
//!   `Answer: B` / `Correct Answer: B, D` / `Correct answer: BD` line (also inside a
//!   `<details>` block), or by an answer-key section at the end of the file (`| 1 | B |`,
//!   `1. B`, `1-B` under a heading such as "Answers" or "Answer key").
//!
//! Other text under a question (paragraphs, `> ` quotes, an `Explanation:` / `Explication :`
//! line or heading, the rest of a `<details>` block) becomes the explanation, kept as
//! Markdown; `<details>`/`<summary>` tags are stripped. An image between the question and
//! its options stays in the prompt. Navigation (`[⬆ Back to Top](#…)`, tables of contents,
//! lists of anchor links, horizontal rules) is dropped. `Domain: secure` and
//! `Services: S3, SQS` lines (English or French labels) set the domain and the services;
//! without them, the services named in the question and its correct options are looked up
//! in the service catalog, and the domain is guessed from keywords ([`DOMAIN_RULES`]).
//!
//! A simple line scanner keeps exact line numbers for the problems it reports (every
//! question-like block it could not read), and never panics, whatever the input.

use std::collections::HashMap;

use crate::quiz::{Choice, Domain, Origin, Question};
use crate::services;
use crate::text::fold;

/// What [`import_markdown`] found in one file.
#[derive(Clone, Debug, Default)]
pub struct ImportReport {
    /// The questions that could be read, in file order.
    pub questions: Vec<Question>,
    /// Problems, with the 1-based line they concern, in file order.
    pub problems: Vec<(usize, ImportProblem)>,
}

/// How a problem names its question: by number, or by the start of its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuestionLabel {
    /// `question 12`.
    Number(u32),
    /// The first 80 characters of the prompt (with `…` when cut).
    Text(String),
}

impl std::fmt::Display for QuestionLabel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Number(n) => write!(f, "question {n}"),
            Self::Text(t) => write!(f, "{t:?}"),
        }
    }
}

/// A question-like block the importer could not read, or a line it did not understand.
/// `Display` is the English text; the interface words it with [`crate::i18n::Describe`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportProblem {
    /// An answer-key row for a question number that does not exist.
    #[error("answer key names question {0}, but there is no such question")]
    KeyWithoutQuestion(u32),
    /// A `Domain:` line with another word.
    #[error("unknown domain {0:?} (secure, resilient, performant or cost)")]
    UnknownDomain(String),
    /// A `Services:` entry the catalog does not know.
    #[error("unknown AWS service {0:?}")]
    UnknownService(String),
    /// A question marker or an answer, but no options.
    #[error("{0}: no options found (write them as `A. text` or `- [ ] text`)")]
    NoOptions(QuestionLabel),
    /// Options without a question text.
    #[error("{0}: the question text is empty")]
    EmptyPrompt(QuestionLabel),
    /// A single option.
    #[error("{0}: only one option (at least 2 are needed)")]
    OneOption(QuestionLabel),
    /// An empty option (counted from 1).
    #[error("{0}: option {1} is empty")]
    EmptyOption(QuestionLabel, usize),
    /// A checklist with nothing checked.
    #[error("{0}: no option is checked (mark the right ones with [x])")]
    NoneChecked(QuestionLabel),
    /// Lettered options without an answer (the last letter).
    #[error(
        "{0}: options A–{1} found but no answer line (`Answer: B`) and nothing in an answer key"
    )]
    NoAnswer(QuestionLabel, char),
    /// An answer letter past the last option.
    #[error("{label}: answer names {bad} but only A–{last} exist")]
    AnswerOutOfRange {
        /// The question.
        label: QuestionLabel,
        /// The letter given.
        bad: char,
        /// The last option's letter.
        last: char,
    },
    /// An answer that is neither a letter nor an option's text.
    #[error("{label}: answer {text:?} is neither an option letter (A–{last}) nor an option's text")]
    AnswerNotFound {
        /// The question.
        label: QuestionLabel,
        /// The answer as written.
        text: String,
        /// The last option's letter.
        last: char,
    },
    /// Every option of a checklist is checked.
    #[error("{0}: every option is checked (leave the wrong ones as [ ])")]
    AllChecked(QuestionLabel),
    /// The answer names every option.
    #[error("{0}: the answer names every option")]
    AllAnswers(QuestionLabel),
    /// The file itself could not be read (the app's report of a failed import).
    #[error("{path}: {io}")]
    Unreadable {
        /// The file, as the user gave it.
        path: String,
        /// The I/O error.
        io: crate::i18n::IoFailure,
    },
}

/// Keywords that point to an exam domain, matched at the start of words of the folded
/// question text and correct options (`"encrypt"` also matches "encryption"). The domain
/// with the most matches wins; a tie or no match gives no domain.
pub const DOMAIN_RULES: &[(Domain, &[&str])] = &[
    (
        Domain::Secure,
        &[
            "security",
            "secure",
            "iam",
            "kms",
            "encrypt",
            "least privilege",
            "permission",
            "access control",
            "unauthorized",
            "credential",
            "mfa",
            "compliance",
            "ddos",
            "waf",
            "secret",
            "audit",
            "private subnet",
        ],
    ),
    (
        Domain::Resilient,
        &[
            "high availability",
            "highly available",
            "multi az",
            "fault toleran",
            "disaster recovery",
            "decouple",
            "failover",
            "resilien",
            "durable",
            "durability",
            "rpo",
            "rto",
            "loosely coupled",
            "scalab",
            "auto scaling",
            "backup",
            "availability zone",
            "cross region",
        ],
    ),
    (
        Domain::Performant,
        &[
            "performance",
            "performant",
            "high performing",
            "latency",
            "caching",
            "cache",
            "throughput",
            "iops",
        ],
    ),
    (
        Domain::Cost,
        &[
            "cost",
            "cheapest",
            "least expensive",
            "inexpensive",
            "lowest price",
            "budget",
            "savings",
            "infrequent",
        ],
    ),
];

/// The domain a question's text points to, by [`DOMAIN_RULES`]; `None` when unclear.
#[must_use]
pub fn infer_domain(text: &str) -> Option<Domain> {
    let words: Vec<String> = fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    // "MOST cost-effective" closes questions of every domain: it is not a cost cue.
    let haystack = format!(" {}", words.join(" "))
        .replace(" most cost effective", "")
        .replace(" cost effective", "")
        .replace(" cost efficient", "");
    let mut scores: Vec<(Domain, usize)> = DOMAIN_RULES
        .iter()
        .map(|(domain, keywords)| {
            let hits = keywords
                .iter()
                .map(|k| haystack.matches(&format!(" {k}")).count())
                .sum();
            (*domain, hits)
        })
        .collect();
    scores.sort_by_key(|s| std::cmp::Reverse(s.1));
    match scores.as_slice() {
        [(domain, best), (_, second), ..] if *best > 0 && best > second => Some(*domain),
        _ => None,
    }
}

/// Reads the questions of a Markdown file (see the module documentation for the layouts).
///
/// Optional lines `Domain: secure|resilient|performant|cost` (or French
/// `Domaine : sécurisé|résilient|performant|coût`) and `Services: A, B` (names resolved
/// with [`services::Catalog::by_name`] to the catalog's short names; unknown names are
/// reported and left out) set the domain and the services, otherwise inferred.
///
/// Reports, at the question's line: fewer than 2 options, no answer (nothing checked, no
/// answer line, nothing in the answer key), an answer naming a letter with no option,
/// every option correct, an empty question or option; a numbered question or one with an
/// answer line but no options; answer-key lines naming no question. Headings with no
/// options at all are plain sections and are ignored silently. Question ids are
/// `import:<file>:<line>`.
#[must_use]
pub fn import_markdown(file: &str, text: &str) -> ImportReport {
    let mut parser = Parser::default();
    for (i, raw) in text.lines().enumerate() {
        parser.line(i + 1, raw.trim_end_matches('\r'));
    }
    parser.finish(file)
}

/// Where the scanner is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Mode {
    /// Questions and sections.
    #[default]
    Normal,
    /// A table of contents: skipped until the next heading.
    Contents,
    /// An answer-key section: `1. B` lines until the next heading.
    Key,
}

/// An answer as the file writes it.
#[derive(Clone, Debug)]
enum Answer {
    /// Option letters, upper case (`B`, `D`).
    Letters(Vec<char>),
    /// The text of the right option (`Answer: Amazon S3`).
    Text(String),
}

/// The line scanner's state.
#[derive(Default)]
struct Parser {
    drafts: Vec<Draft>,
    current: Option<Draft>,
    fence: Option<(char, usize)>,
    mode: Mode,
    /// Answer-key entries: (line, question number, answer).
    key: Vec<(usize, u32, Answer)>,
}

impl Parser {
    fn line(&mut self, line_no: usize, line: &str) {
        if let Some((ch, len)) = self.fence {
            if is_fence_close(line, ch, len) {
                self.fence = None;
            }
            if let Some(d) = self.current.as_mut() {
                d.raw_text_line(line);
            }
            return;
        }
        if let Some(open) = fence_open(line) {
            self.fence = Some(open);
            if let Some(d) = self.current.as_mut() {
                d.raw_text_line(line);
            }
            return;
        }
        let stripped = strip_details_tags(line);
        let line = stripped.as_str();
        if is_navigation(line) || is_rule(line) {
            // Banks close each checklist question with one ("Back to Top"): what follows
            // is a new question, even a numbered paragraph.
            if self.current.as_ref().is_some_and(Draft::is_checklist) {
                self.end_question();
            } else if let Some(d) = self.current.as_mut() {
                d.paragraph_break();
            }
            return;
        }
        if let Some(heading) = heading_text(line) {
            self.heading(line_no, heading);
            return;
        }
        match self.mode {
            Mode::Contents => return,
            Mode::Key => {
                if let Some((number, answer)) = key_line(line) {
                    self.key.push((line_no, number, answer));
                }
                return;
            }
            Mode::Normal => {}
        }
        if let Some((checked, option)) = task_item(line) {
            if let Some(d) = self.current.as_mut() {
                d.options.push(Opt {
                    text: option.to_owned(),
                    checked: Some(checked),
                });
                d.paragraph_break();
            }
            return;
        }
        let checklist = self.current.as_ref().is_some_and(Draft::is_checklist);
        if !checklist && let Some(start) = question_start(line, false) {
            // `### Question 5` then `5. Text`: the paragraph is that question's text.
            if let Some(d) = self.current.as_mut()
                && d.label_only
                && d.options.is_empty()
                && d.pre.is_empty()
            {
                d.number = d.number.or(start.number);
                d.pre_line(&start.rest);
                return;
            }
            self.end_question();
            let mut d = Draft::new(line_no, String::new(), false);
            d.number = start.number;
            d.marker = start.marker;
            // `12. Text?    - A. First option` on one line: the option starts a new line.
            let (text, first_option) = split_inline_option(&start.rest);
            d.pre_line(text);
            if let Some(option) = first_option {
                d.paragraph_break();
                d.body_line(line_no, option);
            }
            self.current = Some(d);
            return;
        }
        if let Some(d) = self.current.as_mut() {
            d.body_line(line_no, line);
        }
    }

    fn heading(&mut self, line_no: usize, heading: &str) {
        let folded = fold(heading.trim_matches(['*', '_', ':', ' ']));
        if is_contents_heading(&folded) {
            self.end_question();
            self.mode = Mode::Contents;
            return;
        }
        if is_key_heading(&folded) {
            self.end_question();
            self.mode = Mode::Key;
            return;
        }
        self.mode = Mode::Normal;
        if let Some(d) = self.current.as_mut() {
            if ANSWER_LABELS.contains(&folded.as_str()) {
                d.paragraph_break();
                d.expect_answer = true;
                return;
            }
            if EXPLANATION_LABELS.contains(&folded.as_str()) {
                d.paragraph_break();
                return;
            }
        }
        self.end_question();
        let mut d = match question_start(heading, true) {
            Some(start) => {
                let mut d = Draft::new(line_no, start.rest.clone(), true);
                d.number = start.number;
                d.marker = start.marker;
                d.label_only = start.rest.is_empty();
                d
            }
            None => Draft::new(line_no, heading.to_owned(), true),
        };
        if heading.trim().is_empty() {
            d.label_only = false;
        }
        self.current = Some(d);
    }

    fn end_question(&mut self) {
        if let Some(d) = self.current.take() {
            self.drafts.push(d);
        }
    }

    fn finish(mut self, file: &str) -> ImportReport {
        self.end_question();
        let mut report = ImportReport::default();
        // Answer-key numbers: the numbers the questions carry when they are unique, else
        // their rank among the questions with options.
        let with_options: Vec<usize> = (0..self.drafts.len())
            .filter(|&i| !self.drafts[i].options.is_empty())
            .collect();
        let mut numbers: Vec<Option<u32>> = with_options
            .iter()
            .map(|&i| self.drafts[i].number)
            .collect();
        let mut sorted = numbers.clone();
        sorted.sort_unstable();
        sorted.dedup();
        if numbers.iter().any(Option::is_none) || sorted.len() != numbers.len() {
            numbers = (1..=with_options.len())
                .map(|n| u32::try_from(n).ok())
                .collect();
        }
        let by_number: HashMap<u32, usize> = numbers
            .iter()
            .zip(&with_options)
            .filter_map(|(n, &i)| n.map(|n| (n, i)))
            .collect();
        for (line, number, answer) in std::mem::take(&mut self.key) {
            match by_number.get(&number) {
                Some(&i) if self.drafts[i].answer.is_none() => {
                    self.drafts[i].answer = Some(answer);
                }
                Some(_) => {}
                None => report
                    .problems
                    .push((line, ImportProblem::KeyWithoutQuestion(number))),
            }
        }
        let catalog = services::Catalog::bundled();
        for d in self.drafts {
            d.finish(file, catalog, &mut report);
        }
        report.problems.sort_by_key(|p| p.0);
        report
    }
}

/// Headings that hold an answer inside a question (`#### Answer`).
const ANSWER_LABELS: &[&str] = &[
    "answer",
    "correct answer",
    "correct answers",
    "correct option",
    "correct options",
    "right answer",
    "reponse",
    "bonne reponse",
    "reponses",
];

/// Headings that open a question's explanation.
const EXPLANATION_LABELS: &[&str] = &["explanation", "explanations", "explication", "explications"];

/// A table-of-contents heading (folded text).
fn is_contents_heading(folded: &str) -> bool {
    matches!(
        folded,
        "table of contents" | "contents" | "toc" | "sommaire" | "table des matieres"
    )
}

/// An answer-key heading (folded text): "Answers", "Answer key", "Answer sheet"...
fn is_key_heading(folded: &str) -> bool {
    matches!(
        folded,
        "answers"
            | "answer key"
            | "answer keys"
            | "answers key"
            | "answer sheet"
            | "key"
            | "correct answers key"
            | "solutions"
            | "corrige"
            | "corriges"
    ) || folded.starts_with("answer key")
}

/// One option.
struct Opt {
    text: String,
    /// `Some(checked)` for a task item, `None` for a lettered option.
    checked: Option<bool>,
}

/// A question being read.
struct Draft {
    line: usize,
    /// The number the file gives it (`12.`, `Q12`, `Question 12`).
    number: Option<u32>,
    /// It says it is a question (`Q12`, `Question 12`).
    marker: bool,
    from_heading: bool,
    /// The heading is only a label (`### Question 5`): the text follows.
    label_only: bool,
    /// The heading's text (empty for paragraph questions).
    heading: String,
    /// Paragraphs between the question start and the options.
    pre: Vec<String>,
    pre_open: bool,
    images: Vec<String>,
    options: Vec<Opt>,
    answer: Option<Answer>,
    /// The next line may be the answer (after `#### Answer` or `Answer:`).
    expect_answer: bool,
    paragraphs: Vec<String>,
    open_paragraph: bool,
    domain: Option<Domain>,
    services: Vec<String>,
    services_given: bool,
    problems: Vec<(usize, ImportProblem)>,
}

impl Draft {
    fn new(line: usize, heading: String, from_heading: bool) -> Self {
        Self {
            line,
            number: None,
            marker: false,
            from_heading,
            label_only: false,
            heading,
            pre: Vec::new(),
            pre_open: false,
            images: Vec::new(),
            options: Vec::new(),
            answer: None,
            expect_answer: false,
            paragraphs: Vec::new(),
            open_paragraph: false,
            domain: None,
            services: Vec::new(),
            services_given: false,
            problems: Vec::new(),
        }
    }

    fn is_checklist(&self) -> bool {
        self.options.iter().any(|o| o.checked.is_some())
    }

    fn lettered_count(&self) -> usize {
        self.options.iter().filter(|o| o.checked.is_none()).count()
    }

    /// Whether text still belongs to the question (no option or answer yet).
    fn in_prompt(&self) -> bool {
        self.options.is_empty() && self.answer.is_none()
    }

    /// A line under the question start, outside code fences.
    fn body_line(&mut self, line_no: usize, line: &str) {
        if self.expect_answer && !line.trim().is_empty() {
            self.expect_answer = false;
            if self.answer.is_none()
                && let Some((letters, rest)) = parse_letters(line)
                && rest.trim().is_empty()
            {
                self.answer = Some(Answer::Letters(letters));
                return;
            }
        }
        if self.answer.is_none()
            && !self.is_checklist()
            && let Some(text) = letter_option(line, self.lettered_count())
        {
            self.options.push(Opt {
                text,
                checked: None,
            });
            self.paragraph_break();
            return;
        }
        if self.answer.is_none()
            && let Some(value) = labelled(line, ANSWER_LABELS)
        {
            self.paragraph_break();
            if value.is_empty() {
                self.expect_answer = true;
            } else if let Some((letters, _)) = parse_letters(value) {
                self.answer = Some(Answer::Letters(letters));
            } else {
                self.answer = Some(Answer::Text(value.trim_matches(['*', '_', '`']).to_owned()));
            }
        } else if let Some(value) = labelled(line, &["domain", "domaine"]) {
            self.paragraph_break();
            match parse_domain(value) {
                Some(domain) => self.domain = Some(domain),
                None => self.problems.push((
                    line_no,
                    ImportProblem::UnknownDomain(value.trim().to_owned()),
                )),
            }
        } else if let Some(value) = labelled(line, &["services", "service"]) {
            self.paragraph_break();
            self.services_line(line_no, value);
        } else if let Some(value) = labelled(line, EXPLANATION_LABELS) {
            self.paragraph_break();
            self.text_line(value);
        } else if is_label_only(line, EXPLANATION_LABELS) {
            self.paragraph_break();
        } else if let Some(image) = image_line(line)
            && self.in_prompt()
        {
            self.images.push(image);
            self.paragraph_break();
        } else if self.in_prompt() {
            self.pre_line(line);
        } else if let Some(image) = image_line(line) {
            self.text_line(&image);
        } else {
            self.text_line(line);
        }
    }

    /// A line of the question's text (before the options).
    fn pre_line(&mut self, line: &str) {
        let text = clean_inline(line);
        let text = text.trim();
        if text.is_empty() {
            self.pre_open = false;
            return;
        }
        push_text(&mut self.pre, &mut self.pre_open, text);
    }

    /// Adds a line of explanation text (quote markers removed); a blank line ends the
    /// paragraph.
    fn text_line(&mut self, line: &str) {
        let mut text = line.trim();
        while let Some(rest) = text.strip_prefix('>') {
            text = rest.trim_start();
        }
        let text = clean_inline(text);
        let text = text.trim();
        if text.is_empty() {
            self.paragraph_break();
            return;
        }
        push_text(&mut self.paragraphs, &mut self.open_paragraph, text);
    }

    /// A line inside a code fence, kept as written.
    fn raw_text_line(&mut self, line: &str) {
        if self.in_prompt() {
            self.pre_line(line);
        } else {
            self.text_line(line);
        }
    }

    fn paragraph_break(&mut self) {
        self.open_paragraph = false;
        self.pre_open = false;
    }

    /// Resolves a `Services:` list, reporting unknown names.
    fn services_line(&mut self, line_no: usize, value: &str) {
        self.services_given = true;
        let catalog = services::Catalog::bundled();
        for name in value
            .split([',', ';'])
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            match catalog.by_name(name).or_else(|| catalog.identify(name)) {
                Some(id) => {
                    let short = catalog.short_name(id).to_owned();
                    if !self.services.contains(&short) {
                        self.services.push(short);
                    }
                }
                None => self
                    .problems
                    .push((line_no, ImportProblem::UnknownService(name.to_owned()))),
            }
        }
    }

    /// How problems name this question: `question 12`, or its text.
    fn label(&self, prompt: &str) -> QuestionLabel {
        if let Some(n) = self.number {
            return QuestionLabel::Number(n);
        }
        let short: String = prompt.chars().take(80).collect();
        if short.len() < prompt.len() {
            QuestionLabel::Text(format!("{short}…"))
        } else {
            QuestionLabel::Text(short)
        }
    }

    /// The prompt: heading and text before the options, then the images.
    fn prompt(&self, checklist: bool) -> (String, Vec<String>) {
        let mut parts: Vec<String> = Vec::new();
        let mut pre_to_explanation = Vec::new();
        let heading = self.heading.trim();
        if !heading.is_empty() {
            parts.push(heading.to_owned());
        }
        // Under a full heading, checklist questions keep their text as explanation.
        if self.from_heading && !self.label_only && checklist && !parts.is_empty() {
            pre_to_explanation.clone_from(&self.pre);
        } else {
            parts.extend(self.pre.iter().cloned());
        }
        parts.extend(self.images.iter().cloned());
        (parts.join("\n\n"), pre_to_explanation)
    }

    /// Turns the draft into a question or problems. Sections without options are skipped.
    fn finish(self, file: &str, catalog: &services::Catalog, report: &mut ImportReport) {
        report.problems.extend(self.problems.iter().cloned());
        let line = self.line;
        let checklist = self.is_checklist();
        let (prompt, pre_explanation) = self.prompt(checklist);
        let label = self.label(&prompt);
        let mut problem = |p: ImportProblem| report.problems.push((line, p));
        if self.options.is_empty() {
            if self.marker || self.answer.is_some() {
                problem(ImportProblem::NoOptions(label));
            }
            return;
        }
        if prompt.trim().is_empty() {
            problem(ImportProblem::EmptyPrompt(label));
            return;
        }
        if self.options.len() < 2 {
            problem(ImportProblem::OneOption(label));
            return;
        }
        if let Some(i) = self.options.iter().position(|o| o.text.trim().is_empty()) {
            problem(ImportProblem::EmptyOption(label, i + 1));
            return;
        }
        let count = self.options.len();
        let last = letter(count - 1);
        let checked: Vec<usize> = self
            .options
            .iter()
            .enumerate()
            .filter(|(_, o)| o.checked == Some(true))
            .map(|(i, _)| i)
            .collect();
        let answers: Vec<usize> = if checked.is_empty() {
            match &self.answer {
                None if checklist => {
                    problem(ImportProblem::NoneChecked(label));
                    return;
                }
                None => {
                    problem(ImportProblem::NoAnswer(label, last));
                    return;
                }
                Some(Answer::Letters(letters)) => {
                    if let Some(bad) = letters
                        .iter()
                        .find(|l| (**l as usize).saturating_sub('A' as usize) >= count)
                    {
                        problem(ImportProblem::AnswerOutOfRange {
                            label,
                            bad: *bad,
                            last,
                        });
                        return;
                    }
                    let mut a: Vec<usize> =
                        letters.iter().map(|l| *l as usize - 'A' as usize).collect();
                    a.sort_unstable();
                    a.dedup();
                    a
                }
                Some(Answer::Text(text)) => {
                    let want = fold(text.trim_end_matches('.'));
                    let found = self
                        .options
                        .iter()
                        .position(|o| fold(o.text.trim_end_matches('.')) == want);
                    let Some(i) = found else {
                        problem(ImportProblem::AnswerNotFound {
                            label,
                            text: text.clone(),
                            last,
                        });
                        return;
                    };
                    vec![i]
                }
            }
        } else {
            checked
        };
        if answers.len() == count {
            problem(if checklist {
                ImportProblem::AllChecked(label)
            } else {
                ImportProblem::AllAnswers(label)
            });
            return;
        }
        let mut explanation_parts = pre_explanation;
        explanation_parts.extend(self.paragraphs);
        let choices: Vec<String> = self.options.into_iter().map(|o| o.text).collect();
        let mut about = prompt.clone();
        for &a in &answers {
            about.push('\n');
            about.push_str(&choices[a]);
        }
        let services = if self.services_given {
            self.services
        } else {
            let mut names: Vec<String> = Vec::new();
            for id in catalog.mentioned(&about) {
                let short = catalog.short_name(id).to_owned();
                if !short.is_empty() && !names.contains(&short) {
                    names.push(short);
                }
            }
            names
        };
        report.questions.push(Question {
            id: format!("import:{file}:{line}"),
            domain: self.domain.or_else(|| infer_domain(&about)),
            prompt,
            prompt_icon: None,
            prompt_diagram: None,
            choices: choices.into_iter().map(Choice::Text).collect(),
            answers,
            explanation: explanation_parts.join("\n\n"),
            notes: Vec::new(),
            key_fact: None,
            task: None,
            services,
            assumption: None,
            origin: Origin::Imported {
                file: file.to_owned(),
                line,
            },
        });
    }
}

/// The option letter of index `i` (`0` → `A`).
fn letter(i: usize) -> char {
    u8::try_from(i)
        .ok()
        .and_then(|i| b'A'.checked_add(i))
        .map_or('?', char::from)
}

/// Appends a line to the open paragraph (list items and table rows on their own line),
/// or starts a new one.
fn push_text(paragraphs: &mut Vec<String>, open: &mut bool, text: &str) {
    match paragraphs.last_mut() {
        Some(last) if *open => {
            let own_line = text.starts_with(['-', '*', '+', '|']) || starts_numbered(text);
            last.push(if own_line { '\n' } else { ' ' });
            last.push_str(text);
        }
        _ => paragraphs.push(text.to_owned()),
    }
    *open = true;
}

/// Whether `text` starts like `12. ` or `3) `.
fn starts_numbered(text: &str) -> bool {
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    digits > 0 && text[digits..].starts_with(['.', ')'])
}

/// Inline HTML line breaks (`<br/>`) become Markdown line breaks.
fn clean_inline(text: &str) -> String {
    let mut out = text.to_owned();
    for br in ["<br />", "<br/>", "<br>", "<BR>", "<BR/>"] {
        out = out.replace(br, "\n");
    }
    if out.contains('\n') {
        out = out
            .split('\n')
            .map(str::trim)
            .collect::<Vec<_>>()
            .join("\n");
    }
    out
}

/// Removes `<details …>`, `</details>` and `<summary …>…</summary>` from a line.
fn strip_details_tags(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let lower = tail.get(..10).unwrap_or(tail).to_ascii_lowercase();
        let is_tag = ["<details", "</details", "<summary", "</summary"]
            .iter()
            .any(|t| lower.starts_with(t));
        if !is_tag {
            out.push('<');
            rest = &tail[1..];
            continue;
        }
        let Some(end) = tail.find('>') else {
            rest = "";
            break;
        };
        if lower.starts_with("<summary") {
            // The summary's text ("Answer", "Show") is a button label, not content.
            let lower_tail = tail.to_ascii_lowercase();
            rest = match lower_tail.find("</summary>") {
                Some(close) => &tail[close + "</summary>".len()..],
                None => &tail[end + 1..],
            };
        } else {
            rest = &tail[end + 1..];
        }
    }
    out.push_str(rest);
    if out.trim().is_empty() {
        String::new()
    } else {
        out
    }
}

/// Navigation: a "Back to Top" link, or a line of only links to anchors (a table of
/// contents row or list item).
fn is_navigation(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() {
        return false;
    }
    let lower = t.to_lowercase();
    if lower.contains("back to top") && (lower.contains("](") || t.chars().count() < 40) {
        return true;
    }
    let mut rest = t;
    let mut links = 0;
    let mut remainder = String::new();
    while let Some(open) = rest.find('[') {
        remainder.push_str(&rest[..open]);
        let after = &rest[open..];
        let Some(mid) = after.find("](#") else {
            remainder.push_str(after);
            rest = "";
            break;
        };
        let Some(close) = after[mid..].find(')') else {
            remainder.push_str(after);
            rest = "";
            break;
        };
        links += 1;
        rest = &after[mid + close + 1..];
    }
    remainder.push_str(rest);
    links > 0
        && remainder
            .chars()
            .all(|c| c.is_whitespace() || c.is_ascii_digit() || "|-*+._:".contains(c))
}

/// A horizontal rule (`---`, `***`, `___`, spaced or not).
fn is_rule(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    t.len() >= 3 && ['-', '*', '_'].iter().any(|ch| t.chars().all(|c| c == *ch))
}

/// A line that is only a label (`**Explanation**`, `Explanation`), for one of `labels`.
fn is_label_only(line: &str, labels: &[&str]) -> bool {
    let t = fold(line.trim().trim_matches(['*', '_', ':', ' ', '#']));
    labels.contains(&t.as_str())
}

/// An image line as Markdown: `![alt](path)` (also inside a link) as written, an
/// `<img src=… alt=…>` converted.
fn image_line(line: &str) -> Option<String> {
    let t = line.trim();
    if t.starts_with("![") || t.starts_with("[![") {
        return Some(t.to_owned());
    }
    let lower = t.to_ascii_lowercase();
    let img = lower.find("<img")?;
    if !t.starts_with('<') {
        return None;
    }
    let attr = |name: &str| -> Option<String> {
        let tag = &t[img..];
        let lower_tag = &lower[img..];
        let at = lower_tag.find(&format!("{name}="))? + name.len() + 1;
        let value = tag.get(at..)?;
        let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'');
        Some(match quote {
            Some(q) => value[1..].split(q).next().unwrap_or_default().to_owned(),
            None => value
                .split(|c: char| c.is_whitespace() || c == '>')
                .next()
                .unwrap_or_default()
                .to_owned(),
        })
    };
    let src = attr("src").filter(|s| !s.is_empty())?;
    let alt = attr("alt").unwrap_or_default();
    Some(format!("![{alt}]({src})"))
}

/// A question start found in a paragraph or heading.
struct Start {
    number: Option<u32>,
    /// Written as a question (`Q12`, `Question 12`).
    marker: bool,
    /// The question text after the number (empty for a label like `Question 5`).
    rest: String,
}

/// A question start: `12. Text`, `12) Text`, `**Q12.** Text`, `**12.** Text`,
/// `Question 12: Text`, `Q12 Text`. In a heading, any text is a question, a number only
/// being taken off.
fn question_start(line: &str, heading: bool) -> Option<Start> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if !heading && indent > 3 {
        return None;
    }
    let mut t = line.trim();
    let mut bold = false;
    for b in ["**", "__"] {
        if let Some(r) = t.strip_prefix(b) {
            t = r.trim_start();
            bold = true;
        }
    }
    let mut marker = false;
    let lower = t.to_ascii_lowercase();
    if lower.starts_with("question") {
        t = t["question".len()..].trim_start();
        marker = true;
    } else if lower.starts_with('q') && t[1..].starts_with(|c: char| c.is_ascii_digit()) {
        t = &t[1..];
        marker = true;
    }
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 5 {
        return None;
    }
    let number: Option<u32> = t[..digits].parse().ok();
    let mut rest = &t[digits..];
    let mut delimited = false;
    if let Some(r) = rest.strip_prefix(['.', ')', ':']) {
        rest = r;
        delimited = true;
    }
    if bold {
        let r = rest.trim_start();
        if let Some(r) = r.strip_prefix("**").or_else(|| r.strip_prefix("__")) {
            rest = r;
            if let Some(r) = rest.strip_prefix(['.', ')', ':']) {
                rest = r;
                delimited = true;
            }
        } else if !delimited {
            return None;
        }
    }
    let spaced = rest.is_empty() || rest.starts_with([' ', '\t']);
    // `**Q12.**Text` is glued on purpose by bold markers; `12.5 GB` is not a question.
    let glued_bold = bold && delimited;
    if !(spaced || glued_bold) {
        return None;
    }
    let rest = rest.trim();
    let rest = rest.strip_prefix(['-', '–']).map_or(rest, str::trim);
    if !heading && !marker && !bold && (!delimited || rest.is_empty()) {
        return None;
    }
    if !heading && !marker && rest.is_empty() {
        return None;
    }
    Some(Start {
        number,
        marker,
        rest: rest.to_owned(),
    })
}

/// Splits `Question text?   - A. First option` before its inline first option.
fn split_inline_option(text: &str) -> (&str, Option<&str>) {
    for marker in [" - A. ", " - A) ", " - a. ", " - a) "] {
        if let Some(at) = text.find(marker) {
            return (text[..at].trim_end(), Some(text[at..].trim()));
        }
    }
    (text, None)
}

/// A lettered option with the letter of index `index`: `A. text`, `A) text`,
/// `- A. text`, `(A) text`, `**A.** text`, lower case too. Returns its text.
fn letter_option(line: &str, index: usize) -> Option<String> {
    let upper = letter(index);
    if !upper.is_ascii_uppercase() || index >= 6 {
        return None;
    }
    let lower = upper.to_ascii_lowercase();
    let mut t = line.trim();
    if let Some(r) = t.strip_prefix(['-', '*', '+'])
        && r.starts_with([' ', '\t'])
    {
        t = r.trim_start();
    }
    let mut bold = false;
    if let Some(r) = t.strip_prefix("**").or_else(|| t.strip_prefix("__")) {
        t = r;
        bold = true;
    }
    let rest = if let Some(r) = t.strip_prefix('(') {
        r.strip_prefix([upper, lower])?.strip_prefix(')')?
    } else {
        t.strip_prefix([upper, lower])?.strip_prefix(['.', ')'])?
    };
    let rest = if bold {
        rest.strip_prefix("**")
            .or_else(|| rest.strip_prefix("__"))
            .unwrap_or(rest)
    } else {
        rest
    };
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    Some(rest.trim().to_owned())
}

/// The option letters at the start of an answer: `B`, `B, D`, `BD`, `B and D`, `(B)`,
/// `**B**`, `b`; the text after them. `None` when it starts with no letter.
fn parse_letters(value: &str) -> Option<(Vec<char>, &str)> {
    let mut letters: Vec<char> = Vec::new();
    let mut s = value;
    loop {
        s = s.trim_start_matches(|c: char| c.is_whitespace() || ",;/&+()[]*_`".contains(c));
        let run_len = s.len()
            - s.trim_start_matches(|c: char| c.is_ascii_alphabetic())
                .len();
        if run_len == 0 {
            break;
        }
        let run = &s[..run_len];
        if !letters.is_empty() && ["and", "or", "et"].contains(&run.to_ascii_lowercase().as_str()) {
            s = &s[run_len..];
            continue;
        }
        let all_upper_options = run.len() <= 6 && run.chars().all(|c| ('A'..='F').contains(&c));
        // `Ac` (a typo for `AC`) when nothing but punctuation follows.
        let mixed_at_end = run.len() <= 6
            && run.starts_with(|c: char| c.is_ascii_uppercase())
            && run
                .chars()
                .all(|c| ('A'..='F').contains(&c.to_ascii_uppercase()))
            && s[run_len..]
                .trim_matches(|c: char| !c.is_alphanumeric())
                .is_empty();
        let single = run.len() == 1
            && (run.chars().all(|c| c.is_ascii_uppercase())
                || run.chars().all(|c| ('a'..='f').contains(&c)));
        if !(all_upper_options || single || mixed_at_end) {
            break;
        }
        let after = &s[run_len..];
        let in_parentheses = value[..value.len() - s.len()].ends_with('(');
        letters.extend(run.chars().map(|c| c.to_ascii_uppercase()));
        s = after;
        if in_parentheses && let Some(r) = s.strip_prefix(')') {
            s = r;
        } else if s.starts_with(['.', ')', ':', '-']) {
            break;
        }
    }
    if letters.is_empty() {
        None
    } else {
        Some((letters, s))
    }
}

/// An answer-key line: `| 1 | B |`, `1. B`, `1) B, D`, `1-B`, `Q1: B`, `- 1. B`.
fn key_line(line: &str) -> Option<(u32, Answer)> {
    let t = line.trim();
    if t.starts_with('|') {
        let cells: Vec<&str> = t
            .split('|')
            .map(|c| c.trim().trim_matches(['*', '_']))
            .filter(|c| !c.is_empty())
            .collect();
        let number = cells
            .first()?
            .trim_start_matches(['Q', 'q'])
            .trim_end_matches('.');
        let number: u32 = number.parse().ok()?;
        let (letters, rest) = parse_letters(cells.get(1)?)?;
        return rest
            .trim()
            .is_empty()
            .then_some((number, Answer::Letters(letters)));
    }
    let mut t = t;
    if let Some(r) = t.strip_prefix(['-', '*', '+'])
        && r.starts_with(' ')
    {
        t = r.trim_start();
    }
    let t = t.trim_start_matches(['*', '_']);
    let t = t
        .strip_prefix(['Q', 'q'])
        .filter(|r| r.starts_with(|c: char| c.is_ascii_digit()))
        .unwrap_or(t);
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 5 {
        return None;
    }
    let number: u32 = t[..digits].parse().ok()?;
    let rest =
        t[digits..].trim_start_matches(|c: char| c.is_whitespace() || ".)-:=*_→".contains(c));
    let (letters, _) = parse_letters(rest)?;
    Some((number, Answer::Letters(letters)))
}

/// The text of an ATX heading (`## Title ##` → `Title`), if `line` is one.
fn heading_text(line: &str) -> Option<&str> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = &line[indent..];
    let hashes = rest.len() - rest.trim_start_matches('#').len();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &rest[hashes..];
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    let text = rest.trim();
    let without_closing = text.trim_end_matches('#');
    if without_closing.is_empty() || without_closing.ends_with([' ', '\t']) {
        Some(without_closing.trim_end())
    } else {
        Some(text)
    }
}

/// A task list item: `(checked, text)`.
fn task_item(line: &str) -> Option<(bool, &str)> {
    let rest = line.trim_start();
    let rest = if let Some(r) = rest.strip_prefix(['-', '*', '+']) {
        r
    } else {
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits == 0 || digits > 9 {
            return None;
        }
        rest[digits..].strip_prefix(['.', ')'])?
    };
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let rest = rest.trim_start();
    let checked = if let Some(r) = rest.strip_prefix("[ ]") {
        (false, r)
    } else if let Some(r) = rest
        .strip_prefix("[x]")
        .or_else(|| rest.strip_prefix("[X]"))
    {
        (true, r)
    } else {
        return None;
    };
    let (checked, text) = checked;
    if !text.is_empty() && !text.starts_with([' ', '\t']) {
        return None;
    }
    Some((checked, text.trim()))
}

/// The value of a `Label: value` line (also `**Label:**`, `- Label :`, `> Label:`), for
/// one of `labels` (lower case), case-insensitive.
fn labelled<'a>(line: &'a str, labels: &[&str]) -> Option<&'a str> {
    let mut text = line.trim();
    for prefix in ['>', '-', '*', '+'] {
        if let Some(rest) = text.strip_prefix(prefix) {
            text = rest.trim_start();
        }
    }
    let text = text.trim_start_matches(['*', '_']);
    let colon = text.find(':')?;
    let label = text[..colon].trim().trim_end_matches(['*', '_']).trim();
    if !labels.iter().any(|l| label.eq_ignore_ascii_case(l)) {
        return None;
    }
    let value = text[colon + 1..].trim_start_matches(['*', '_']);
    Some(value.trim())
}

/// A domain name in English or French (accents and case ignored).
fn parse_domain(value: &str) -> Option<Domain> {
    let v = fold(value.trim().trim_matches(['*', '_', '`', '.']).trim());
    let first = v.split_whitespace().next().unwrap_or_default();
    match first {
        "secure" | "security" | "securise" | "securisee" | "securite" => Some(Domain::Secure),
        "resilient" | "resilience" | "resiliente" => Some(Domain::Resilient),
        "performant" | "performante" | "performance" | "high-performing" => {
            Some(Domain::Performant)
        }
        "cost" | "costs" | "cost-optimized" | "cout" | "couts" => Some(Domain::Cost),
        _ => None,
    }
}

/// An opening code fence: its character and length.
fn fence_open(line: &str) -> Option<(char, usize)> {
    let t = line.trim_start();
    if line.len() - t.len() > 3 {
        return None;
    }
    let ch = t.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let len = t.chars().take_while(|c| *c == ch).count();
    (len >= 3).then_some((ch, len))
}

/// Whether `line` closes a fence opened with `len` times `ch`.
fn is_fence_close(line: &str, ch: char, len: usize) -> bool {
    let t = line.trim();
    t.chars().take_while(|c| *c == ch).count() >= len && t.chars().all(|c| c == ch)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "\
# My SAA questions

Some intro text, not a question.

## Which service stores objects?
Domain: performant
Services: S3, Amazon CloudFront

- [ ] Amazon EBS
- [x] Amazon S3
- [ ] Amazon EFS

> S3 is object storage; EBS and EFS are block and file storage.

### Which two services send messages? (Choose two.)
* [X] SNS
* [ ] Route 53
* [x] SQS
- [ ] EC2
Explanation: SNS is pub/sub, SQS is a queue.
";

    #[test]
    fn reads_single_and_multiple_questions() {
        let r = import_markdown("mine.md", GOOD);
        assert!(r.problems.is_empty(), "{:?}", r.problems);
        assert_eq!(r.questions.len(), 2);
        let q = &r.questions[0];
        assert_eq!(q.id, "import:mine.md:5");
        assert_eq!(q.prompt, "Which service stores objects?");
        assert_eq!(q.domain, Some(Domain::Performant));
        // Services are named as the service catalog's short names.
        assert_eq!(q.services, vec!["Amazon S3", "Amazon CloudFront"]);
        assert_eq!(q.choices.len(), 3);
        assert_eq!(q.choices[1], Choice::Text("Amazon S3".into()));
        assert_eq!(q.answers, vec![1]);
        assert!(
            q.explanation.starts_with("S3 is object storage"),
            "{}",
            q.explanation
        );
        assert_eq!(
            q.origin,
            Origin::Imported {
                file: "mine.md".into(),
                line: 5
            }
        );
        let m = &r.questions[1];
        assert_eq!(m.id, "import:mine.md:15");
        assert_eq!(m.answers, vec![0, 2]);
        assert!(m.is_multiple());
        assert_eq!(m.choices.len(), 4);
        assert_eq!(m.domain, None);
        assert_eq!(m.explanation, "SNS is pub/sub, SQS is a queue.");
    }

    #[test]
    fn reports_each_problem_at_its_heading() {
        let text = "\
## One option
- [x] Only

## Nothing checked
- [ ] A
- [ ] B

## All checked
- [x] A
- [x] B

## Just a section
Plain text, no checklist.

## Unknown things
Domain: galactic
Services: S3, Flux Capacitor
- [x] A
- [ ] B
";
        let r = import_markdown("bad.md", text);
        let lines: Vec<usize> = r.problems.iter().map(|p| p.0).collect();
        assert_eq!(lines, vec![1, 4, 8, 16, 17], "{:?}", r.problems);
        assert!(r.problems[0].1.to_string().contains("only one option"));
        assert!(r.problems[1].1.to_string().contains("no option is checked"));
        assert!(
            r.problems[2]
                .1
                .to_string()
                .contains("every option is checked")
        );
        assert!(r.problems[3].1.to_string().contains("galactic"));
        assert!(r.problems[4].1.to_string().contains("Flux Capacitor"));
        // The last question is kept, with the known service only.
        assert_eq!(r.questions.len(), 1);
        assert_eq!(r.questions[0].services, vec!["Amazon S3"]);
        assert!(matches!(
            r.questions[0].origin,
            Origin::Imported { line: 15, .. }
        ));
    }

    #[test]
    fn empty_and_garbage_inputs() {
        let r = import_markdown("empty.md", "");
        assert!(r.questions.is_empty() && r.problems.is_empty());
        let bytes: Vec<u8> = (0..4096u32)
            .map(|i| u8::try_from((i * 7919 + 13) % 256).unwrap_or(0))
            .collect();
        let garbage = String::from_utf8_lossy(&bytes);
        let _ = import_markdown("bin.md", &garbage);
        for weird in [
            "#",
            "# ",
            "#######",
            "- [",
            "- [x",
            "- [x]",
            "# q\n- [x]\n- [ ]",
            "1. [x] a",
            "# é\n- [x] ü\n- [ ] ß",
            "```\n# not a heading\n- [x] a\n```",
            "\u{0}# \u{0}",
            "# q\n- [x] a\n- [ ] b\nDomain:",
            "# q\nServices: ,,;",
            "> ",
            "Domain: cost",
            "# q\r\n- [x] a\r\n- [ ] b\r\n",
        ] {
            let _ = import_markdown("w.md", weird);
        }
        // Code fences hide headings and tasks.
        let r = import_markdown("w.md", "```\n# not a heading\n- [x] a\n- [ ] b\n```");
        assert!(r.questions.is_empty());
        let r = import_markdown("w.md", "# q\r\n- [x] a\r\n- [ ] b\r\n");
        assert_eq!(r.questions.len(), 1);
        assert_eq!(
            r.questions[0].choices,
            vec![Choice::Text("a".into()), Choice::Text("b".into())]
        );
        let r = import_markdown("w.md", "# q\n- [x]\n- [ ] b");
        assert!(
            r.problems[0].1.to_string().contains("option 1 is empty"),
            "{:?}",
            r.problems
        );
    }

    #[test]
    fn french_labels() {
        let text = "\
# Quel service envoie des e-mails ?
Domaine : sécurisé
Services : SES
- [x] Amazon SES
- [ ] Amazon SNS
- [ ] Amazon SQS
Explication : SES envoie des e-mails,
SNS des notifications.

## Coûts
**Domaine :** Coût
- [ ] Instances à la demande
- [x] Savings Plans
";
        let r = import_markdown("fr.md", text);
        assert!(r.problems.is_empty(), "{:?}", r.problems);
        assert_eq!(r.questions.len(), 2);
        let q = &r.questions[0];
        assert_eq!(q.domain, Some(Domain::Secure));
        assert_eq!(q.services, vec!["Amazon SES"]);
        assert_eq!(q.answers, vec![0]);
        assert_eq!(
            q.explanation,
            "SES envoie des e-mails, SNS des notifications."
        );
        assert_eq!(r.questions[1].domain, Some(Domain::Cost));
        assert_eq!(r.questions[1].answers, vec![1]);
        for (value, domain) in [
            ("résilient", Domain::Resilient),
            ("Performant", Domain::Performant),
            ("cout", Domain::Cost),
            ("SECURE", Domain::Secure),
        ] {
            assert_eq!(parse_domain(value), Some(domain), "{value}");
        }
    }

    #[test]
    fn lettered_options_with_correct_answer_line_are_read() {
        let text = "\
# Practice exam

1. Which service stores objects durably?
A. Amazon EBS
B) Amazon S3
- C. Amazon EFS
(D) Amazon FSx
Correct Answer: B
S3 is object storage.

**Q2.** Which one queues messages?
a. Amazon SNS
b. Amazon SQS
Answer: b
";
        let r = import_markdown("l.md", text);
        assert!(r.problems.is_empty(), "{:?}", r.problems);
        assert_eq!(r.questions.len(), 2);
        let q = &r.questions[0];
        assert_eq!(q.id, "import:l.md:3");
        assert_eq!(q.prompt, "Which service stores objects durably?");
        assert_eq!(
            q.choices,
            ["Amazon EBS", "Amazon S3", "Amazon EFS", "Amazon FSx"]
                .map(|t| Choice::Text(t.into()))
                .to_vec()
        );
        assert_eq!(q.answers, vec![1]);
        assert_eq!(q.explanation, "S3 is object storage.");
        let q = &r.questions[1];
        assert_eq!(q.id, "import:l.md:11");
        assert_eq!(q.prompt, "Which one queues messages?");
        assert_eq!(q.answers, vec![1]);
    }

    #[test]
    fn question_label_heading_takes_the_following_paragraph_as_prompt() {
        let text = "### Question 5\n\nWhich service sends e-mail?\n\nA. Amazon SES\nB. Amazon SQS\n\n#### Answer\n\nA\n";
        let r = import_markdown("h.md", text);
        assert!(r.problems.is_empty(), "{:?}", r.problems);
        assert_eq!(r.questions.len(), 1);
        assert_eq!(r.questions[0].id, "import:h.md:1");
        assert_eq!(r.questions[0].prompt, "Which service sends e-mail?");
        assert_eq!(r.questions[0].answers, vec![0]);
        assert_eq!(r.questions[0].explanation, "");
    }

    #[test]
    fn details_answer_block_gives_key_and_clean_explanation() {
        let text = "\
1. Which AWS service records API calls?
    - A. Amazon Inspector.
    - B. AWS CloudTrail.
    - C. AWS Trusted Advisor.

    <details markdown=1><summary markdown='span'>Answer</summary>

    Correct answer: B

    Explanation:
    - CloudTrail logs every API call.
    - <https://aws.amazon.com/cloudtrail/>

    </details>

2. Which two are storage services?
    - A. Amazon S3
    - B. Amazon SQS
    - C. Amazon EBS
    <details><summary>Show answer</summary>Correct Answer: AC</details>
";
        let r = import_markdown("d.md", text);
        assert!(r.problems.is_empty(), "{:?}", r.problems);
        assert_eq!(r.questions.len(), 2);
        let q = &r.questions[0];
        assert_eq!(q.id, "import:d.md:1");
        assert_eq!(q.answers, vec![1]);
        assert_eq!(
            q.explanation,
            "- CloudTrail logs every API call.\n- <https://aws.amazon.com/cloudtrail/>"
        );
        assert!(!q.explanation.contains("details") && !q.explanation.contains("summary"));
        assert_eq!(r.questions[1].answers, vec![0, 2]);
        assert_eq!(r.questions[1].explanation, "");
    }

    #[test]
    fn answer_key_table_at_the_end_gives_the_keys() {
        let text = "\
1. Which is object storage?
A. EBS
B. S3

2. Which is a queue?
A. SQS
B. SNS
C. SES

3. Which are serverless? (Choose two.)
A. Lambda
B. EC2
C. Fargate

## Answer key

| # | Answer |
|---|--------|
| 1 | B |
| 2 | A |
3-A, C
7. B
";
        let r = import_markdown("k.md", text);
        let keys: Vec<(&str, Vec<usize>)> = r
            .questions
            .iter()
            .map(|q| (q.id.as_str(), q.answers.clone()))
            .collect();
        assert_eq!(
            keys,
            vec![
                ("import:k.md:1", vec![1]),
                ("import:k.md:5", vec![0]),
                ("import:k.md:10", vec![0, 2]),
            ]
        );
        // The key line naming a question the file lacks is reported at its line.
        assert_eq!(r.problems.len(), 1, "{:?}", r.problems);
        assert_eq!(r.problems[0].0, 22);
        assert!(
            r.problems[0].1.to_string().contains("question 7"),
            "{:?}",
            r.problems
        );
    }

    #[test]
    fn multi_answer_lines_in_every_spelling_are_read() {
        for (line, want) in [
            ("Answer: B, D", vec![1, 3]),
            ("Correct answer: BD", vec![1, 3]),
            ("Answer: B and D", vec![1, 3]),
            ("**Correct Answers:** (B) & (D)", vec![1, 3]),
            ("Answer: D. Because it is", vec![3]),
        ] {
            let text = format!("1. Pick two.\nA. w\nB. x\nC. y\nD. z\n{line}\n");
            let r = import_markdown("m.md", &text);
            assert!(r.problems.is_empty(), "{line}: {:?}", r.problems);
            assert_eq!(r.questions.len(), 1, "{line}");
            assert_eq!(r.questions[0].answers, want, "{line}");
        }
        // An answer written as the option's text.
        let r = import_markdown(
            "m.md",
            "1. Which?\nA. Amazon S3\nB. Amazon EBS\nAnswer: Amazon EBS\n",
        );
        assert_eq!(r.questions[0].answers, vec![1]);
    }

    #[test]
    fn image_between_question_and_options_stays_in_the_prompt() {
        let text = "\
### Refer to the diagram. Which component is the bottleneck?

![Question 7](images/question7.jpg)

- [x] The database
- [ ] The load balancer

**[⬆ Back to Top](#table-of-contents)**

2. Which icon is this?
<img src=\"img/icon.png\" alt=\"icon\">
A. Amazon S3
B. AWS Lambda
Answer: B
";
        let r = import_markdown("i.md", text);
        assert!(r.problems.is_empty(), "{:?}", r.problems);
        assert_eq!(r.questions.len(), 2);
        assert_eq!(
            r.questions[0].prompt,
            "Refer to the diagram. Which component is the bottleneck?\n\n![Question 7](images/question7.jpg)"
        );
        assert_eq!(r.questions[0].explanation, "");
        assert_eq!(
            r.questions[1].prompt,
            "Which icon is this?\n\n![icon](img/icon.png)"
        );
        assert_eq!(r.questions[1].answers, vec![1]);
    }

    #[test]
    fn back_to_top_line_is_never_an_explanation() {
        let text = "\
# Bank

## Table of Contents

| No. | Questions |
| --- | --------- |
| 1   | [Which is a queue?](#which-is-a-queue)
- [Which is a topic?](#which-is-a-topic)

### Which is a queue?

- [ ] SNS
- [x] SQS

**[⬆ Back to Top](#table-of-contents)**

---

### Which is a topic?

- [x] SNS
- [ ] SQS

SNS publishes to subscribers.

[⬆ Back to Top](#table-of-contents)
";
        let r = import_markdown("b.md", text);
        assert!(r.problems.is_empty(), "{:?}", r.problems);
        let got: Vec<(&str, &str, &str)> = r
            .questions
            .iter()
            .map(|q| (q.id.as_str(), q.prompt.as_str(), q.explanation.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("import:b.md:10", "Which is a queue?", ""),
                (
                    "import:b.md:19",
                    "Which is a topic?",
                    "SNS publishes to subscribers."
                ),
            ]
        );
    }

    #[test]
    fn unreadable_blocks_are_reported_with_line_and_reason() {
        let text = "\
1. Which is a queue?
A. SQS
B. SNS
C. SES
D. EC2

2. Which is a topic?
A. SNS
B. SQS
Answer: E

**Q3.** Which is a database?
Answer: A

4. Which is compute?
A. EC2
B. S3
Answer: A
";
        let r = import_markdown("u.md", text);
        assert_eq!(r.questions.len(), 1);
        assert_eq!(r.questions[0].id, "import:u.md:15");
        let problems: Vec<(usize, String)> = r
            .problems
            .iter()
            .map(|(line, p)| (*line, p.to_string()))
            .collect();
        assert_eq!(
            problems,
            vec![
                (
                    1,
                    "question 1: options A–D found but no answer line (`Answer: B`) and nothing in an answer key"
                        .to_owned()
                ),
                (7, "question 2: answer names E but only A–B exist".to_owned()),
                (
                    12,
                    "question 3: no options found (write them as `A. text` or `- [ ] text`)"
                        .to_owned()
                ),
            ]
        );
    }

    #[test]
    fn domain_and_services_are_inferred_when_the_file_gives_none() {
        let text = "\
1. A company must encrypt data at rest with keys it manages. What should it use?
A. AWS KMS
B. Amazon Route 53
Answer: A

2. Which design is the most cost-effective for infrequently accessed data?
A. S3 Glacier Flexible Retrieval
B. Amazon EBS io2
Answer: A

3. Which is a queue?
A. Amazon SQS
B. Amazon SNS
Domain: resilient
Services: SQS
Answer: A
";
        let r = import_markdown("x.md", text);
        assert!(r.problems.is_empty(), "{:?}", r.problems);
        let q = &r.questions;
        assert_eq!(q[0].domain, Some(Domain::Secure));
        assert_eq!(q[0].services, vec!["AWS KMS"]);
        assert_eq!(q[1].domain, Some(Domain::Cost));
        assert_eq!(q[1].services.len(), 1, "{:?}", q[1].services);
        assert!(q[1].services[0].contains("Glacier"), "{:?}", q[1].services);
        // Given values win; wrong options name no service of the question.
        assert_eq!(q[2].domain, Some(Domain::Resilient));
        assert_eq!(q[2].services, vec!["Amazon SQS"]);
    }

    #[test]
    fn domain_rules_pick_the_clear_winner_or_nothing() {
        for (text, want) in [
            ("Grant least privilege with IAM roles", Some(Domain::Secure)),
            (
                "Deploy across Multi-AZ for high availability",
                Some(Domain::Resilient),
            ),
            ("Reduce latency with caching", Some(Domain::Performant)),
            ("Which option is the cheapest?", Some(Domain::Cost)),
            ("Which service sends e-mail?", None),
            // "most cost-effective" is no cost cue: the availability need decides.
            (
                "The most cost-effective highly available design",
                Some(Domain::Resilient),
            ),
            ("Secure and highly available", None),
        ] {
            assert_eq!(infer_domain(text), want, "{text}");
        }
    }

    /// Regression (review): "Which solution is the MOST cost-effective?" ends questions of
    /// every domain, and made a high-availability question a cost one.
    #[test]
    fn most_cost_effective_is_not_a_cost_cue() {
        let q = "An application must stay highly available if an Availability Zone fails. \
                 Which solution is the MOST cost-effective?";
        assert_eq!(infer_domain(q), Some(Domain::Resilient));
        let cost = "Which storage class is the cheapest for data read once a year?";
        assert_eq!(infer_domain(cost), Some(Domain::Cost));
        let loose = "The tiers must be loosely coupled and scale independently.";
        assert_eq!(infer_domain(loose), Some(Domain::Resilient));
        let secret = "Rotate the database credentials stored in Secrets Manager.";
        assert_eq!(infer_domain(secret), Some(Domain::Secure));
    }
}
