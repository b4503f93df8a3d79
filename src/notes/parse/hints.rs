//! Exam-frequency hints found in the prose: where text is about the exam (exam lines,
//! callouts, sections) and which tier words count there.

use std::collections::HashSet;
use std::ops::Range;

use crate::frequency::{self, Tier};
use crate::notes::doc::{FrequencyHint, Heading, HintSource};

/// One line of prose, kept for exam-frequency detection.
pub(super) struct ProseLine {
    /// Heading it is under.
    pub(super) heading: Option<usize>,
    /// 1-based line.
    pub(super) line: usize,
    /// Its plain text, folded ([`crate::text::fold`]): a range of the note's prose text
    /// (see [`text_hints`]).
    pub(super) text: Range<usize>,
    /// Ids of the list items it is inside, outermost first: a range of the note's scope
    /// ids (shared by a paragraph's lines).
    pub(super) items: Range<usize>,
    /// Ids of the block quotes (callouts) it is inside, outermost first (as `items`).
    pub(super) quotes: Range<usize>,
    /// Id of its paragraph.
    pub(super) leaf: usize,
    /// Whether it is the paragraph's first line.
    pub(super) first: bool,
}

/// Where exam-advice context applies.
enum Scope {
    /// A paragraph or a list item opened by an exam line ("Pour l'examen AWS SAA").
    Line {
        /// Heading it is under.
        heading: Option<usize>,
        /// The list item whose children are in context, if the opening line is in one.
        item: Option<usize>,
        /// The opening paragraph (its later lines are in context).
        leaf: usize,
    },
    /// A callout whose title is about the exam (`> [!tip] Exam Tip`): all of it.
    Callout(usize),
}

impl Scope {
    /// Whether `p` is in this context; `ids` are the note's scope ids.
    fn contains(&self, p: &ProseLine, ids: &[usize]) -> bool {
        let within = |range: &Range<usize>, id: &usize| {
            ids.get(range.clone()).is_some_and(|r| r.contains(id))
        };
        match self {
            Scope::Line {
                heading,
                item,
                leaf,
            } => {
                p.heading == *heading
                    && match item {
                        Some(id) => within(&p.items, id),
                        None => p.leaf == *leaf,
                    }
            }
            Scope::Callout(id) => within(&p.quotes, id),
        }
    }
}

/// Whether a heading is an exam section ("Exam Tips", "Summary & Exam Tips", "Pour
/// l'examen") rather than a topic of its own: its words are about the exam and it names
/// no service.
fn is_exam_heading(text: &str) -> bool {
    frequency::is_exam_context(text) && crate::services::Catalog::bundled().identify(text).is_none()
}

/// The heading a statement under `heading` is about: an exam section speaks for the
/// heading above it (or the whole note). `exam[h]` tells whether heading `h` is an exam
/// section.
fn attributed(headings: &[Heading], exam: &[bool], heading: Option<usize>) -> Option<usize> {
    let h = heading?;
    let here = headings.get(h)?;
    if !exam.get(h).copied().unwrap_or(false) {
        return Some(h);
    }
    (0..h)
        .rev()
        .find(|&p| headings[p].level < here.level && !exam.get(p).copied().unwrap_or(false))
}

/// The text hints. A tier word counts only where the text is about the exam: a line that
/// says so ("Pour l'examen AWS SAA") and its paragraph or list item, a callout whose title
/// says so, a section headed so; elsewhere only a line that is nothing but a tier label
/// ("Notion fréquente"). Exam callouts and sections without a tier word give an
/// [`HintSource::Emphasis`] hint. The first hint of each kind per heading wins.
/// `text` and `ids` are what [`ProseLine::text`], [`ProseLine::items`] and
/// [`ProseLine::quotes`] are ranges of.
pub(super) fn text_hints(
    prose: &[ProseLine],
    text: &str,
    ids: &[usize],
    headings: &[Heading],
) -> Vec<FrequencyHint> {
    let mut done = HashSet::new();
    let mut emphasised = HashSet::new();
    let mut scopes: Vec<Scope> = Vec::new();
    let mut hints = Vec::new();
    let exam: Vec<bool> = headings.iter().map(|h| is_exam_heading(&h.text)).collect();
    let line_of = |p: &ProseLine| text.get(p.text.clone()).unwrap_or("");
    // The prose is folded: the lines without an exam or tier word are known in one pass.
    let hits = frequency::WordHits::new(text);
    for (h, heading) in headings.iter().enumerate() {
        if exam[h] {
            let target = attributed(headings, &exam, Some(h));
            if emphasised.insert(target) {
                let tier = frequency::emphasis_tier(&heading.text);
                hints.push(hint(tier, target, heading.line, HintSource::Emphasis));
            }
        }
    }
    for p in prose {
        scopes.retain(|s| s.contains(p, ids));
        let target = attributed(headings, &exam, p.heading);
        let line = line_of(p);
        if p.first && hits.may_be_exam(&p.text) && frequency::is_exam_context(line) {
            let callout = line.trim_start().starts_with("[!");
            match ids.get(p.quotes.clone()).and_then(<[usize]>::last) {
                Some(&id) if callout => {
                    scopes.push(Scope::Callout(id));
                    if emphasised.insert(target) {
                        let tier = frequency::emphasis_tier(line);
                        hints.push(hint(tier, target, p.line, HintSource::Emphasis));
                    }
                }
                _ => scopes.push(Scope::Line {
                    heading: p.heading,
                    item: ids.get(p.items.clone()).and_then(<[usize]>::last).copied(),
                    leaf: p.leaf,
                }),
            }
        }
        let in_exam_section = p
            .heading
            .is_some_and(|h| exam.get(h).copied().unwrap_or(false));
        let in_scope = in_exam_section || scopes.iter().any(|s| s.contains(p, ids));
        let tier = hits
            .may_state_tier(&p.text)
            .then(|| {
                in_scope
                    .then(|| frequency::detect_phrase(line))
                    .flatten()
                    .or_else(|| frequency::detect_label(line))
            })
            .flatten();
        if let Some(tier) = tier
            && done.insert(target)
        {
            hints.push(hint(tier, target, p.line, HintSource::Text));
        }
    }
    hints
}

/// Shorthand for a [`FrequencyHint`].
pub(super) fn hint(
    tier: Tier,
    heading: Option<usize>,
    line: usize,
    source: HintSource,
) -> FrequencyHint {
    FrequencyHint {
        tier,
        heading,
        line,
        source,
    }
}

#[cfg(test)]
mod tests {
    use crate::frequency::Tier;
    use crate::notes::doc::*;
    use crate::notes::parse::parse;
    use crate::notes::parse::test_support::*;

    #[test]
    fn seed_saa_frequency_hints() {
        let doc = parse(SAA);
        let expect = [
            ("CloudFormation", Some(Tier::Frequent)),
            ("Amazon SES", Some(Tier::ModerementFrequent)),
            ("Amazon Pinpoint", Some(Tier::MoinsFrequent)),
            ("SSM Session Manager", Some(Tier::TresFrequent)),
            ("AWS Cost Explorer", Some(Tier::ModerementFrequent)),
            ("AWS Outposts", Some(Tier::AConnaitre)),
            ("AWS Batch", None),
            ("AWS AppFlow", Some(Tier::MoinsFrequent)),
            ("AWS Amplify", None),
            ("Instance Scheduler on AWS", None),
            ("Other Services", None),
        ];
        for (heading, tier) in expect {
            assert_eq!(text_hint_for(&doc, heading), tier, "{heading}");
        }
        assert_eq!(doc.frequency_hints.len(), 7);
        let cf = &doc.frequency_hints[0];
        assert_eq!((cf.line, cf.heading), (33, Some(1)));
    }

    #[test]
    fn other_seeds_have_no_text_hints() {
        for note in [DVA, CORE, CATEGORY, STACK] {
            let doc = parse(note);
            assert!(doc.frequency_hints.is_empty(), "{:?}", doc.frequency_hints);
        }
    }

    #[test]
    fn exam_context_rules() {
        let text = "## A\n- Pour l'examen\n\t- souvent vu, fréquent\n## B\n- Frequently used in prose\n- This is rare\n## C\nTrès fréquent.\n## D\nFor the exam: very common.\n";
        let doc = parse(text);
        assert_eq!(text_hint_for(&doc, "A"), Some(Tier::Frequent));
        assert_eq!(text_hint_for(&doc, "B"), None);
        assert_eq!(text_hint_for(&doc, "C"), Some(Tier::TresFrequent));
        assert_eq!(text_hint_for(&doc, "D"), Some(Tier::TresFrequent));
    }

    /// English-speaking students mark exam importance in their own words: exam callouts
    /// and sections set a floor, tier words inside them an exact tier.
    #[test]
    fn exam_callouts_and_sections() {
        let text = "# Amazon SQS\n\n\
                    > [!tip] Exam Nugget\n> Decouple with a queue.\n\n\
                    ## Visibility timeout\n\n\
                    > [!important] Critical for the exam\n> Long enough for the consumer.\n\n\
                    ## Dead-letter queues\n\n\
                    > [!note] Exam Tip\n> Frequently tested together with retries.\n\n\
                    ## Exam Tips\n\n- Know FIFO vs Standard.\n";
        let doc = parse(text);
        let of = |heading: &str, source: HintSource| {
            let h = doc.headings.iter().position(|x| x.text == heading);
            doc.frequency_hints
                .iter()
                .find(|x| x.heading == h && x.source == source)
                .map(|x| x.tier)
        };
        assert_eq!(
            of("Amazon SQS", HintSource::Emphasis),
            Some(Tier::ModerementFrequent)
        );
        assert_eq!(
            of("Visibility timeout", HintSource::Emphasis),
            Some(Tier::Frequent)
        );
        assert_eq!(
            of("Dead-letter queues", HintSource::Text),
            Some(Tier::TresFrequent)
        );
        // The "Exam Tips" section speaks for the note's H1, not for itself.
        assert_eq!(of("Exam Tips", HintSource::Emphasis), None);
        let h1 = doc
            .frequency_hints
            .iter()
            .filter(|x| x.heading == Some(0))
            .count();
        assert!(h1 >= 1);
        // A callout about something else is no exam context.
        let doc = parse("## A\n\n> [!warning] Careful\n> Frequent restarts cost money.\n");
        assert!(doc.frequency_hints.is_empty(), "{:?}", doc.frequency_hints);
    }
}
