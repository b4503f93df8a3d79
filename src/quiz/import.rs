//! The student's own questions, written as Markdown checklists.
//!
//! A heading (any level) holds the question; the task items under it (`- [ ]`, `- [x]`,
//! `* [X]`, `1. [ ]`) are the options, checked ones being correct. Other text under the
//! heading (paragraphs, `> ` quotes, an `Explanation:` / `Explication :` line) becomes the
//! explanation; `Domain: secure` and `Services: S3, SQS` lines (English or French labels)
//! set the domain and the services. A simple line scanner keeps exact line numbers for the
//! problems it reports, and never panics, whatever the input.

use crate::quiz::{Choice, Domain, Origin, Question};
use crate::services;
use crate::text::fold;

/// What [`import_markdown`] found in one file.
#[derive(Clone, Debug, Default)]
pub struct ImportReport {
    /// The questions that could be read, in file order.
    pub questions: Vec<Question>,
    /// Problems, with the 1-based line they concern, in file order.
    pub problems: Vec<(usize, String)>,
}

/// Reads the questions of a Markdown file.
///
/// A heading (any level) holds the question text; the `- [ ]` / `- [x]` (also `* [X]`)
/// items under it are the options, checked = correct; any other text under the heading
/// (paragraphs, a `> ` quote, or a line starting with `Explanation:` / `Explication :`)
/// becomes the explanation. Optional lines `Domain: secure|resilient|performant|cost` (or
/// French `Domaine : sécurisé|résilient|performant|coût`) and `Services: A, B` (names
/// resolved with [`services::Catalog::by_name`] to the catalog's short names; unknown names are reported
/// and left out).
///
/// Reports, at the heading's line: fewer than 2 options, no checked option, every option
/// checked, an empty question or option. Headings with no checklist at all are plain
/// sections and are ignored silently. Question ids are `import:<file>:<line>`.
#[must_use]
pub fn import_markdown(file: &str, text: &str) -> ImportReport {
    let mut report = ImportReport::default();
    let mut current: Option<Draft> = None;
    let mut fence: Option<(char, usize)> = None;
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.trim_end_matches('\r');
        if let Some((ch, len)) = fence {
            if is_fence_close(line, ch, len) {
                fence = None;
            }
            if let Some(d) = current.as_mut() {
                d.text_line(line);
            }
            continue;
        }
        if let Some(open) = fence_open(line) {
            fence = Some(open);
            if let Some(d) = current.as_mut() {
                d.text_line(line);
            }
            continue;
        }
        if let Some(heading) = heading_text(line) {
            if let Some(d) = current.take() {
                d.finish(file, &mut report);
            }
            current = Some(Draft::new(line_no, heading));
            continue;
        }
        let Some(d) = current.as_mut() else {
            continue;
        };
        if let Some((checked, option)) = task_item(line) {
            d.options.push((option.to_owned(), checked));
            d.paragraph_break();
        } else if let Some(value) = labelled(line, &["domain", "domaine"]) {
            d.paragraph_break();
            match parse_domain(value) {
                Some(domain) => d.domain = Some(domain),
                None => d.problems.push((
                    line_no,
                    format!(
                        "unknown domain {:?} (secure, resilient, performant or cost)",
                        value.trim()
                    ),
                )),
            }
        } else if let Some(value) = labelled(line, &["services", "service"]) {
            d.paragraph_break();
            d.services_line(line_no, value);
        } else if let Some(value) = labelled(line, &["explanation", "explication"]) {
            d.paragraph_break();
            d.text_line(value);
        } else {
            d.text_line(line);
        }
    }
    if let Some(d) = current.take() {
        d.finish(file, &mut report);
    }
    report
}

/// A question being read.
struct Draft {
    line: usize,
    prompt: String,
    options: Vec<(String, bool)>,
    paragraphs: Vec<String>,
    open_paragraph: bool,
    domain: Option<Domain>,
    services: Vec<String>,
    problems: Vec<(usize, String)>,
}

impl Draft {
    fn new(line: usize, prompt: &str) -> Self {
        Self {
            line,
            prompt: prompt.to_owned(),
            options: Vec::new(),
            paragraphs: Vec::new(),
            open_paragraph: false,
            domain: None,
            services: Vec::new(),
            problems: Vec::new(),
        }
    }

    /// Adds a line of explanation text (quote markers removed); a blank line ends the
    /// paragraph.
    fn text_line(&mut self, line: &str) {
        let mut text = line.trim();
        while let Some(rest) = text.strip_prefix('>') {
            text = rest.trim_start();
        }
        if text.is_empty() {
            self.paragraph_break();
            return;
        }
        match self.paragraphs.last_mut() {
            Some(last) if self.open_paragraph => {
                last.push(' ');
                last.push_str(text);
            }
            _ => self.paragraphs.push(text.to_owned()),
        }
        self.open_paragraph = true;
    }

    fn paragraph_break(&mut self) {
        self.open_paragraph = false;
    }

    /// Resolves a `Services:` list, reporting unknown names.
    fn services_line(&mut self, line_no: usize, value: &str) {
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
                    .push((line_no, format!("unknown AWS service {name:?}"))),
            }
        }
    }

    /// Turns the draft into a question or problems. Sections without options are skipped.
    fn finish(self, file: &str, report: &mut ImportReport) {
        if self.options.is_empty() {
            return;
        }
        report.problems.extend(self.problems);
        let line = self.line;
        let mut problem = |message: String| report.problems.push((line, message));
        let prompt = self.prompt.trim();
        if prompt.is_empty() {
            problem("question heading is empty".to_owned());
            return;
        }
        if self.options.len() < 2 {
            problem(format!(
                "{prompt:?}: only one option (at least 2 are needed)"
            ));
            return;
        }
        if let Some(i) = self.options.iter().position(|(t, _)| t.trim().is_empty()) {
            problem(format!("{prompt:?}: option {} is empty", i + 1));
            return;
        }
        let answers: Vec<usize> = self
            .options
            .iter()
            .enumerate()
            .filter(|(_, (_, checked))| *checked)
            .map(|(i, _)| i)
            .collect();
        if answers.is_empty() {
            problem(format!(
                "{prompt:?}: no option is checked (mark the right ones with [x])"
            ));
            return;
        }
        if answers.len() == self.options.len() {
            problem(format!(
                "{prompt:?}: every option is checked (leave the wrong ones as [ ])"
            ));
            return;
        }
        report.questions.push(Question {
            id: format!("import:{file}:{line}"),
            domain: self.domain,
            prompt: prompt.to_owned(),
            prompt_icon: None,
            choices: self
                .options
                .into_iter()
                .map(|(t, _)| Choice::Text(t))
                .collect(),
            answers,
            explanation: self.paragraphs.join("\n\n"),
            notes: Vec::new(),
            key_fact: None,
            task: None,
            services: self.services,
            assumption: None,
            origin: Origin::Imported {
                file: file.to_owned(),
                line,
            },
        });
    }
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
        assert!(r.problems[0].1.contains("only one option"));
        assert!(r.problems[1].1.contains("no option is checked"));
        assert!(r.problems[2].1.contains("every option is checked"));
        assert!(r.problems[3].1.contains("galactic"));
        assert!(r.problems[4].1.contains("Flux Capacitor"));
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
            r.problems[0].1.contains("option 1 is empty"),
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
}
