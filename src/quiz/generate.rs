//! Questions generated from the notes, for any vault and in the note's language (French or
//! English).
//!
//! Every topic whose icon is an AWS service gives up to three questions: `describe` (which
//! service matches the first meaningful sentence of the topic, with the service's names
//! masked), `icon_of_service` (pick the service's icon among four) and `service_of_icon`
//! (name the service an icon shows). Distractors come first from what the note itself says
//! students confuse ("ne pas confondre avec SNS", "don't confuse with…", "A vs B"), then
//! from the service's catalog category, then from any service. Generation is pure and
//! deterministic for a seed; ids (`gen:<kind>:<topic key>`) are stable across runs.

use std::collections::HashSet;
use std::rc::Rc;

use crate::icons::{Catalog, Icon, IconId, IconKind};
use crate::notes::doc::{Block, Document, Inline};
use crate::notes::index::{Index, Note, TOPIC_MAX_LEVEL, Topic, topic_blocks};
use crate::quiz::{Choice, Origin, Question};
use crate::services;
use crate::text::fold;

/// Shortest description kept, in characters, once the service's names are masked.
const MIN_DESCRIPTION_CHARS: usize = 25;
/// Fewest letters and digits left in a description once masked.
const MIN_MEANINGFUL_CHARS: usize = 20;
/// Longest description shown in a prompt, in characters.
const MAX_DESCRIPTION_CHARS: usize = 220;
/// Longest description quoted in an explanation, in characters.
const MAX_EXPLANATION_CHARS: usize = 600;
/// What replaces the service's names in a description.
const MASK: &str = "___";
/// Number of choices of a generated question.
const CHOICES: usize = 4;

/// Language of a note.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lang {
    En,
    Fr,
}

/// Generates questions from the topics of `index` that name an AWS service (a topic whose
/// icon is an [`IconKind::Service`] icon), one set per distinct service: `describe`,
/// `icon_of_service` and `service_of_icon`, each with 4 distinct choices and one answer,
/// no domain and no assumption. Prompts are in the note's language. Deterministic for a
/// given `seed`; ids are `gen:<kind>:<topic key>`.
#[must_use]
pub fn from_notes(index: &Index, seed: u64) -> Vec<Question> {
    let catalog = Catalog::bundled();
    let services: Vec<&'static Icon> = catalog
        .icons()
        .iter()
        .filter(|i| i.kind == IconKind::Service)
        .collect();
    if services.len() < CHOICES {
        return Vec::new();
    }
    let langs: Vec<Lang> = index.notes.iter().map(note_lang).collect();
    let lang_of = |note: usize| langs.get(note).copied().unwrap_or(Lang::En);
    let mut out = Vec::new();
    let mut last_body: Option<(usize, Rc<Document>)> = None;
    for (icon, topics) in service_topics(index, catalog) {
        let Some(first) = topics.first().map(|&t| &index.topics[t]) else {
            continue;
        };
        let Some(note) = index.notes.get(first.note) else {
            continue;
        };
        let hints: Vec<IconId> = {
            let mut seen = HashSet::new();
            topics
                .iter()
                .flat_map(|&t| confused_services(index, &index.topics[t], catalog, icon.id))
                .filter(|id| seen.insert(*id))
                .collect()
        };
        let ctx = Ctx {
            catalog,
            services: &services,
            seed,
            hints: &hints,
        };
        if let Some(q) = topics.iter().find_map(|&t| {
            let topic = &index.topics[t];
            let note = index.notes.get(topic.note)?;
            // Parsed here, not through the note view's cache (the quiz would push out the
            // note on screen); a service's topics are mostly in one note, parsed once.
            let doc = match &last_body {
                Some((n, doc)) if *n == topic.note => Rc::clone(doc),
                _ => {
                    let doc = Rc::new(index.parse_body(topic.note));
                    last_body = Some((topic.note, Rc::clone(&doc)));
                    doc
                }
            };
            describe(&ctx, icon, topic, note, &doc, lang_of(topic.note))
        }) {
            out.push(q);
        }
        let lang = lang_of(first.note);
        out.push(icon_of_service(&ctx, icon, first, note, lang));
        out.push(service_of_icon(&ctx, icon, first, note, lang));
    }
    out
}

/// What every question builder needs.
struct Ctx<'a> {
    catalog: &'static Catalog,
    services: &'a [&'static Icon],
    seed: u64,
    /// Services the notes say are confused with this one, best distractors first.
    hints: &'a [IconId],
}

impl Ctx<'_> {
    /// A generator seeded by the seed and the question id, so one question does not change
    /// when others are added.
    fn rng(&self, id: &str) -> fastrand::Rng {
        fastrand::Rng::with_seed(self.seed ^ fnv1a(id))
    }

    /// Three services to put next to `answer`: the hints first, then the same category,
    /// then any service; distinct ids and display names.
    fn distractors(&self, answer: &Icon, rng: &mut fastrand::Rng) -> Vec<&'static Icon> {
        let mut chosen: Vec<&'static Icon> = Vec::with_capacity(CHOICES - 1);
        let take = |icon: &'static Icon, chosen: &mut Vec<&'static Icon>| {
            if chosen.len() < CHOICES - 1
                && icon.kind == IconKind::Service
                && icon.id != answer.id
                && icon.display_name != answer.display_name
                && !chosen.iter().any(|c| c.display_name == icon.display_name)
            {
                chosen.push(icon);
            }
        };
        for icon in self.hints.iter().filter_map(|&id| self.catalog.get(id)) {
            take(icon, &mut chosen);
        }
        if let Some(category) = answer.category.as_deref() {
            let mut same: Vec<&'static Icon> = self
                .services
                .iter()
                .copied()
                .filter(|i| i.category.as_deref() == Some(category))
                .collect();
            rng.shuffle(&mut same);
            for icon in same {
                take(icon, &mut chosen);
            }
        }
        let mut any: Vec<&'static Icon> = self.services.to_vec();
        rng.shuffle(&mut any);
        for icon in any {
            if chosen.len() == CHOICES - 1 {
                break;
            }
            take(icon, &mut chosen);
        }
        chosen
    }

    /// `answer` plus three distractors in random order, and the answer's position.
    fn lineup(
        &self,
        answer: &'static Icon,
        rng: &mut fastrand::Rng,
    ) -> (Vec<&'static Icon>, usize) {
        let mut all = self.distractors(answer, rng);
        rng.shuffle(&mut all);
        let pos = rng.usize(0..=all.len());
        all.insert(pos, answer);
        (all, pos)
    }
}

/// Topics naming a service, grouped by icon in order of first appearance.
fn service_topics(index: &Index, catalog: &'static Catalog) -> Vec<(&'static Icon, Vec<usize>)> {
    let mut groups: Vec<(&'static Icon, Vec<usize>)> = Vec::new();
    for (t, topic) in index.topics.iter().enumerate() {
        let Some(icon) = topic.icon.and_then(|id| catalog.get(id)) else {
            continue;
        };
        if icon.kind != IconKind::Service {
            continue;
        }
        match groups.iter_mut().find(|(i, _)| i.id == icon.id) {
            Some((_, topics)) => topics.push(t),
            None => groups.push((icon, vec![t])),
        }
    }
    groups
}

/// "Which service matches this description?"
fn describe(
    ctx: &Ctx,
    icon: &'static Icon,
    topic: &Topic,
    note: &Note,
    doc: &Document,
    lang: Lang,
) -> Option<Question> {
    let needles = names_of(icon, topic);
    let (masked, full) = description(doc, topic, &needles)?;
    let id = format!("gen:describe:{}", topic.key);
    let mut rng = ctx.rng(&id);
    let (lineup, answer) = ctx.lineup(icon, &mut rng);
    let name = &icon.display_name;
    let (prompt, explanation) = match lang {
        Lang::En => (
            format!("Which service matches this description?\n\n“{masked}”"),
            format!("{name}: {full} (from the note {})", note.title),
        ),
        Lang::Fr => (
            format!("Quel service correspond à cette description ?\n\n« {masked} »"),
            format!("{name} : {full} (d’après la note {})", note.title),
        ),
    };
    Some(question(
        id,
        prompt,
        None,
        text_choices(&lineup),
        answer,
        explanation,
        icon,
        topic,
    ))
}

/// "Which icon is Amazon `DynamoDB`?"
fn icon_of_service(
    ctx: &Ctx,
    icon: &'static Icon,
    topic: &Topic,
    note: &Note,
    lang: Lang,
) -> Question {
    let id = format!("gen:icon_of_service:{}", topic.key);
    let mut rng = ctx.rng(&id);
    let (lineup, answer) = ctx.lineup(icon, &mut rng);
    let name = &icon.display_name;
    let (prompt, explanation) = match lang {
        Lang::En => (
            format!("Which icon is {name}?"),
            format!(
                "This is the icon of {name}{}. (from the note {})",
                category_en(icon),
                note.title
            ),
        ),
        Lang::Fr => (
            format!("Quelle icône représente {name} ?"),
            format!(
                "Voici l’icône {}{}. (d’après la note {})",
                de(name),
                category_fr(icon),
                note.title
            ),
        ),
    };
    let choices = lineup.iter().map(|i| Choice::Icon(i.id)).collect();
    question(id, prompt, None, choices, answer, explanation, icon, topic)
}

/// "Which service is this icon?"
fn service_of_icon(
    ctx: &Ctx,
    icon: &'static Icon,
    topic: &Topic,
    note: &Note,
    lang: Lang,
) -> Question {
    let id = format!("gen:service_of_icon:{}", topic.key);
    let mut rng = ctx.rng(&id);
    let (lineup, answer) = ctx.lineup(icon, &mut rng);
    let name = &icon.display_name;
    let (prompt, explanation) = match lang {
        Lang::En => (
            "Which service is this icon?".to_owned(),
            format!(
                "This icon is {name}{}. (from the note {})",
                category_en(icon),
                note.title
            ),
        ),
        Lang::Fr => (
            "Quel service représente cette icône ?".to_owned(),
            format!(
                "Cette icône représente {name}{}. (d’après la note {})",
                category_fr(icon),
                note.title
            ),
        ),
    };
    question(
        id,
        prompt,
        Some(icon.id),
        text_choices(&lineup),
        answer,
        explanation,
        icon,
        topic,
    )
}

#[allow(clippy::too_many_arguments)]
fn question(
    id: String,
    prompt: String,
    prompt_icon: Option<IconId>,
    choices: Vec<Choice>,
    answer: usize,
    explanation: String,
    icon: &Icon,
    topic: &Topic,
) -> Question {
    Question {
        id,
        domain: None,
        prompt,
        prompt_icon,
        prompt_diagram: None,
        choices,
        answers: vec![answer],
        explanation,
        notes: Vec::new(),
        key_fact: None,
        task: None,
        services: {
            let services = services::Catalog::bundled();
            services.by_icon(icon.id).map_or_else(
                || vec![icon.display_name.clone()],
                |id| vec![services.short_name(id).to_owned()],
            )
        },
        assumption: None,
        origin: Origin::Notes {
            topic_key: topic.key.to_string(),
        },
    }
}

fn text_choices(lineup: &[&Icon]) -> Vec<Choice> {
    lineup
        .iter()
        .map(|i| Choice::Text(i.display_name.clone()))
        .collect()
}

fn category_en(icon: &Icon) -> String {
    icon.category
        .as_deref()
        .map(|c| format!(" (category {c})"))
        .unwrap_or_default()
}

fn category_fr(icon: &Icon) -> String {
    icon.category
        .as_deref()
        .map(|c| format!(" (catégorie {c})"))
        .unwrap_or_default()
}

/// The names to mask in a description: the display name with and without its Amazon/AWS
/// prefix, the short names, and the parts of the topic title that name this same service;
/// longest first.
fn names_of(icon: &Icon, topic: &Topic) -> Vec<String> {
    let mut names: Vec<String> = vec![icon.display_name.clone()];
    for prefix in ["Amazon ", "AWS "] {
        if let Some(rest) = icon.display_name.strip_prefix(prefix) {
            names.push(rest.to_owned());
        }
    }
    names.extend(icon.short_names.iter().cloned());
    // Every name the service catalog knows it by ("S3", "Simple Storage Service").
    let services = services::Catalog::bundled();
    if let Some(service) = services.by_icon(icon.id).and_then(|id| services.get(id)) {
        names.push(service.name.clone());
        names.push(service.short.clone());
        names.extend(service.aliases.iter().cloned());
        names.extend(service.aliases_fr.iter().cloned());
    }
    let title = topic.title.trim();
    names.push(title.to_owned());
    let title = title.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' ');
    names.push(title.to_owned());
    let parts = title
        .split(['(', ')', '/', '&', '+', ','])
        .flat_map(|p| p.split(" vs "))
        .map(str::trim)
        .filter(|p| p.chars().count() >= 2);
    for part in parts {
        if services::Catalog::bundled().icon_of(part) == Some(icon.id) {
            names.push(part.to_owned());
        }
    }
    names.retain(|n| n.trim().chars().count() >= 2);
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names.dedup();
    names
}

/// The first meaningful sentence of a topic's own text (before any sub-heading), masked and
/// as written: `(masked, full)`.
fn description(doc: &Document, topic: &Topic, needles: &[String]) -> Option<(String, String)> {
    let blocks = topic_blocks(doc, topic.heading);
    let mut candidates = Vec::new();
    for block in blocks.iter().skip(usize::from(topic.heading.is_some())) {
        match block {
            Block::Heading { level, .. } if *level <= TOPIC_MAX_LEVEL => break,
            Block::Paragraph(inlines) => candidates.push(plain(inlines)),
            Block::List { items, .. } => {
                for item in items {
                    if let Some(Block::Paragraph(inlines)) = item.blocks.first() {
                        candidates.push(plain(inlines));
                    }
                }
            }
            _ => {}
        }
    }
    candidates
        .iter()
        .find_map(|text| describe_text(text, needles))
}

/// A candidate text cut to its first sentence long enough once masked (whole text
/// otherwise; a final `:` introducing a list becomes `…`), then masked; `None` when it is
/// too short or still names the service.
fn describe_text(text: &str, needles: &[String]) -> Option<(String, String)> {
    let text = text.trim();
    let text = match text.strip_suffix(':') {
        Some(head) => format!("{}…", head.trim_end()),
        None => text.to_owned(),
    };
    let text = text.as_str();
    if text.is_empty() {
        return None;
    }
    let mut cut = text.to_owned();
    for end in sentence_ends(text) {
        let sentence = text.get(..end).unwrap_or(text).trim();
        if mask(sentence, needles).trim().chars().count() >= MIN_DESCRIPTION_CHARS {
            sentence.clone_into(&mut cut);
            break;
        }
    }
    let masked = truncate(mask(&cut, needles).trim(), MAX_DESCRIPTION_CHARS);
    let meaningful = masked.chars().filter(|c| c.is_alphanumeric()).count();
    if masked.chars().count() < MIN_DESCRIPTION_CHARS
        || meaningful < MIN_MEANINGFUL_CHARS
        || needles.iter().any(|n| find_word(&masked, n, 0).is_some())
    {
        return None;
    }
    Some((masked, truncate(&cut, MAX_EXPLANATION_CHARS)))
}

/// Byte offsets just after each sentence end (`.`, `!` or `?` followed by a space).
fn sentence_ends(text: &str) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if matches!(c, '.' | '!' | '?') && chars.peek().is_some_and(|(_, n)| n.is_whitespace()) {
            ends.push(i + c.len_utf8());
        }
    }
    ends
}

/// At most `max` characters, cut at a word boundary with `…`.
fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let end = text.char_indices().nth(max).map_or(text.len(), |(i, _)| i);
    let head = &text[..end];
    let head = match head.rfind(char::is_whitespace) {
        Some(space) if space > end / 2 => &head[..space],
        _ => head,
    };
    format!("{}…", head.trim_end_matches([' ', ',', ';', ':']))
}

/// Replaces every whole-word, ASCII-case-insensitive occurrence of the needles by [`MASK`].
fn mask(text: &str, needles: &[String]) -> String {
    let mut out = text.to_owned();
    for needle in needles {
        let mut from = 0;
        while let Some(at) = find_word(&out, needle, from) {
            out.replace_range(at..at + needle.len(), MASK);
            from = at + MASK.len();
        }
    }
    for vendor in ["Amazon ___", "AWS ___", "amazon ___", "aws ___"] {
        out = out.replace(vendor, MASK);
    }
    out
}

/// Byte offset of the first whole-word occurrence of `needle` in `hay` at or after `from`,
/// ignoring ASCII case. Offsets returned are always char boundaries.
fn find_word(hay: &str, needle: &str, from: usize) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() || n.len() > h.len() {
        return None;
    }
    let word = |c: char| c.is_alphanumeric();
    (from..=h.len() - n.len()).find(|&i| {
        h[i..i + n.len()].eq_ignore_ascii_case(n)
            && hay.is_char_boundary(i)
            && hay.is_char_boundary(i + n.len())
            && !hay[..i].chars().next_back().is_some_and(word)
            && !hay[i + n.len()..].chars().next().is_some_and(word)
    })
}

/// Plain text of inlines (images, embeds and tags left out), whitespace collapsed.
fn plain(inlines: &[Inline]) -> String {
    let mut s = String::new();
    for inline in inlines {
        match inline {
            Inline::Text { text, .. } | Inline::Code(text) => s.push_str(text),
            Inline::Link(link) => s.push_str(&link.text),
            Inline::WikiLink(link) => s.push_str(&link.label),
            Inline::Math(math) => s.push_str(&math.text),
            Inline::SoftBreak | Inline::HardBreak => s.push(' '),
            Inline::Image { .. } | Inline::Embed(_) | Inline::Tag(_) => {}
        }
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// French when French stop words outnumber English ones.
fn note_lang(note: &Note) -> Lang {
    const FR: &[&str] = &[
        "le", "la", "les", "des", "est", "une", "pour", "du", "dans", "avec", "sur", "et", "un",
        "au", "aux", "ou", "qui", "que", "pas", "d", "l", "de", "ce", "sont", "tu", "vous",
    ];
    const EN: &[&str] = &[
        "the", "is", "and", "of", "for", "to", "in", "with", "on", "are", "it", "you", "or",
        "that", "can", "be", "this", "by", "from", "your",
    ];
    let (mut fr, mut en) = (0usize, 0usize);
    for line in note.lines() {
        for word in line
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty() && w.len() <= 5)
        {
            let w = word.to_lowercase();
            if FR.contains(&w.as_str()) {
                fr += 1;
            } else if EN.contains(&w.as_str()) {
                en += 1;
            }
        }
    }
    if fr > en { Lang::Fr } else { Lang::En }
}

/// Services the topic's section says not to confuse with `own` (lines with "ne pas
/// confondre", "don't confuse", "not to be confused", "différencier", "vs"; a line ending
/// with `:` brings its more indented follow-up lines along).
fn confused_services(index: &Index, topic: &Topic, catalog: &Catalog, own: IconId) -> Vec<IconId> {
    let Some(note) = index.notes.get(topic.note) else {
        return Vec::new();
    };
    let headings = &note.outline.headings;
    let count = note.line_count();
    let (start, end) = match topic.heading {
        Some(h) => {
            let Some(heading) = headings.get(h) else {
                return Vec::new();
            };
            let start = heading.line.min(count);
            let end = headings
                .iter()
                .skip(h + 1)
                .find(|x| x.level <= heading.level)
                .map_or(count, |x| x.line.saturating_sub(1))
                .clamp(start, count);
            (start, end)
        }
        // A whole note: its text before the first heading.
        None => (
            0,
            headings
                .first()
                .map_or(count, |h| h.line.saturating_sub(1))
                .min(count),
        ),
    };
    let lines: Vec<&str> = note.lines().skip(start).take(end - start).collect();
    let mut found: Vec<IconId> = Vec::new();
    if is_hint_line(&topic.title) {
        found.extend(
            services_named(&topic.title, catalog)
                .into_iter()
                .filter(|&id| id != own),
        );
    }
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        if !is_hint_line(line) {
            continue;
        }
        let mut group = vec![line];
        if line.trim().trim_end_matches(['*', '_', ' ']).ends_with(':') {
            let depth = indent(line);
            while i < lines.len() && !lines[i].trim().is_empty() && indent(lines[i]) > depth {
                group.push(lines[i]);
                i += 1;
            }
        }
        for l in group {
            for id in services_named(l, catalog) {
                if id != own && !found.contains(&id) {
                    found.push(id);
                }
            }
        }
    }
    found
}

/// Indentation width (a tab counts 4).
fn indent(line: &str) -> usize {
    line.chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum()
}

fn is_hint_line(line: &str) -> bool {
    const PHRASES: &[&str] = &[
        "ne pas confondre",
        "confondre avec",
        "don't confuse",
        "do not confuse",
        "dont confuse",
        "not to be confused",
        "confused with",
        "differencier",
        "difference between",
    ];
    let f = fold(line);
    PHRASES.iter().any(|p| f.contains(p))
        || f.split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "vs" || w == "versus")
}

/// Service icons named on a line by capitalised words or abbreviations (`SNS`, `WorkMail`,
/// `Secrets Manager`), in order.
fn services_named(line: &str, catalog: &Catalog) -> Vec<IconId> {
    let words: Vec<&str> = line
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map(|w| w.trim_matches('-'))
        .filter(|w| !w.is_empty())
        .collect();
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let numeric = |w: &str| w.chars().all(|c| c.is_ascii_digit());
    let service = |text: &str| {
        services::Catalog::bundled()
            .icon_of(text)
            .and_then(|id| catalog.get(id))
            .filter(|i| i.kind == IconKind::Service)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !capital(words[i]) {
            i += 1;
            continue;
        }
        let mut run_end = i + 1;
        while run_end < words.len() && (capital(words[run_end]) || numeric(words[run_end])) {
            run_end += 1;
        }
        // Longest phrase first; a phrase of several words must be a name of the service.
        let mut j = i;
        while j < run_end {
            let mut matched = None;
            for k in (j + 1..=run_end.min(j + 5)).rev() {
                let phrase = words[j..k].join(" ");
                let Some(icon) = service(&phrase) else {
                    continue;
                };
                let folded = fold(&phrase);
                let is_name = k == j + 1
                    || fold(&icon.display_name) == folded
                    || icon.short_names.iter().any(|s| fold(s) == folded);
                if is_name {
                    matched = Some((icon.id, k));
                    break;
                }
            }
            match matched {
                Some((id, k)) => {
                    if !out.contains(&id) {
                        out.push(id);
                    }
                    j = k;
                }
                None => j += 1,
            }
        }
        i = run_end;
    }
    out
}

/// French `de <name>`, elided before a vowel (`d’Amazon S3`).
fn de(name: &str) -> String {
    let vowel = name
        .chars()
        .next()
        .is_some_and(|c| "AEIOUYaeiouyÉéÈè".contains(c));
    if vowel {
        format!("d’{name}")
    } else {
        format!("de {name}")
    }
}

/// FNV-1a hash of a string (stable across platforms and releases, unlike `DefaultHasher`).
pub(crate) fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::vault::LoadedVault;

    fn bundled() -> Index {
        Index::build(LoadedVault::bundled(), &|_, _| {})
    }

    fn name(c: &Choice) -> String {
        match c {
            Choice::Text(t) => t.clone(),
            Choice::Icon(id) => Catalog::bundled()
                .get(*id)
                .map(|i| i.display_name.clone())
                .unwrap_or_default(),
        }
    }

    fn kind(q: &Question) -> &str {
        q.id.split(':').nth(1).unwrap_or_default()
    }

    #[test]
    fn bundled_notes_give_three_kinds_of_valid_questions() {
        let index = bundled();
        let qs = from_notes(&index, 7);
        for k in ["describe", "icon_of_service", "service_of_icon"] {
            assert!(qs.iter().any(|q| kind(q) == k), "no {k} question");
        }
        let mut ids = HashSet::new();
        for q in &qs {
            assert!(ids.insert(q.id.clone()), "duplicate id {}", q.id);
            assert_eq!(q.choices.len(), 4, "{}", q.id);
            let names: HashSet<String> = q.choices.iter().map(name).collect();
            assert_eq!(names.len(), 4, "{}: {:?}", q.id, q.choices);
            assert_eq!(q.answers.len(), 1, "{}", q.id);
            assert!(q.answers[0] < 4);
            assert_eq!(q.domain, None);
            assert_eq!(q.assumption, None);
            let answer = name(&q.choices[q.answers[0]]);
            let services = services::Catalog::bundled();
            assert_eq!(q.services.len(), 1, "{}", q.id);
            assert_eq!(
                services.by_name(&q.services[0]),
                services.by_name(&answer),
                "{}",
                q.id
            );
            let Origin::Notes { topic_key } = &q.origin else {
                panic!("{}: origin {:?}", q.id, q.origin);
            };
            assert!(q.id.ends_with(topic_key.as_str()));
            match kind(q) {
                "describe" => {
                    assert!(
                        !q.prompt.to_lowercase().contains(&answer.to_lowercase()),
                        "{}: {}",
                        q.id,
                        q.prompt
                    );
                    assert!(q.explanation.starts_with(&answer));
                    assert!(q.choices.iter().all(|c| matches!(c, Choice::Text(_))));
                }
                "icon_of_service" => {
                    assert!(q.choices.iter().all(|c| matches!(c, Choice::Icon(_))));
                    assert!(q.prompt.contains(&answer));
                }
                "service_of_icon" => {
                    let icon = q.prompt_icon.expect("prompt icon");
                    assert_eq!(name(&Choice::Icon(icon)), answer);
                }
                other => panic!("unknown kind {other}"),
            }
        }
        // One set per service.
        let describes: Vec<&String> = qs
            .iter()
            .filter(|q| kind(q) == "service_of_icon")
            .map(|q| &q.services[0])
            .collect();
        let unique: HashSet<_> = describes.iter().collect();
        assert_eq!(unique.len(), describes.len());
    }

    #[test]
    fn french_topics_get_french_prompts() {
        let index = bundled();
        let qs = from_notes(&index, 1);
        let french: Vec<&Question> = qs
            .iter()
            .filter(|q| q.id.contains("SAA - Other Services.md#"))
            .collect();
        assert!(french.iter().any(|q| kind(q) == "describe"));
        for q in &french {
            assert!(q.prompt.starts_with("Quel"), "{}: {}", q.id, q.prompt);
        }
        let english = qs
            .iter()
            .filter(|q| q.id.contains("AWS Core Services Overview.md#"))
            .collect::<Vec<_>>();
        assert!(!english.is_empty());
        assert!(english.iter().all(|q| q.prompt.starts_with("Which")));
    }

    #[test]
    fn ses_distractors_come_from_the_note() {
        let index = bundled();
        let qs = from_notes(&index, 3);
        let ses = qs
            .iter()
            .find(|q| q.id == "gen:describe:SAA - Other Services.md#Amazon SES")
            .unwrap_or_else(|| {
                let ids: Vec<&str> = qs.iter().map(|q| q.id.as_str()).collect();
                panic!("no SES question in {ids:?}")
            });
        assert_eq!(
            name(&ses.choices[ses.answers[0]]),
            "Amazon Simple Email Service"
        );
        let names: Vec<String> = ses.choices.iter().map(name).collect();
        assert!(
            names
                .iter()
                .any(|n| n == "Amazon Simple Notification Service"),
            "{names:?}"
        );
        assert!(names.iter().any(|n| n == "Amazon WorkMail"), "{names:?}");
        assert!(ses.prompt.starts_with("Quel service correspond"));
        assert!(!ses.prompt.contains("SES"), "{}", ses.prompt);
        // "### Kinesis vs SQS FIFO": the heading itself names what is confused.
        let kinesis = qs
            .iter()
            .find(|q| q.id.starts_with("gen:service_of_icon:") && q.services[0] == "Amazon Kinesis")
            .unwrap_or_else(|| panic!("no Kinesis question"));
        let names: Vec<String> = kinesis.choices.iter().map(name).collect();
        assert!(
            names.iter().any(|n| n == "Amazon Simple Queue Service"),
            "{names:?}"
        );
    }

    #[test]
    fn deterministic_per_seed() {
        let index = bundled();
        let a = from_notes(&index, 42);
        assert_eq!(a, from_notes(&index, 42));
        let b = from_notes(&index, 43);
        assert_eq!(
            a.iter().map(|q| &q.id).collect::<Vec<_>>(),
            b.iter().map(|q| &q.id).collect::<Vec<_>>()
        );
        assert_ne!(a, b, "another seed shuffles differently");
    }

    fn vault(notes: &[(&str, &str)]) -> Index {
        let v = LoadedVault::from_texts(crate::notes::vault::VaultSource::Bundled, notes);
        Index::build(v, &|_, _| {})
    }

    #[test]
    fn masks_names_and_skips_weak_descriptions() {
        let index = vault(&[(
            "n.md",
            "# DynamoDB\n\nAmazon DynamoDB is a serverless key-value database. It scales.\n\n\
             # Lambda\n\nLambda.\n\n# SQS\n\n- Features:\n- SQS queues decouple the producers from consumers\n\n\
             # Unknown thing\n\nNot a service at all, this is long enough text.\n",
        )]);
        let qs = from_notes(&index, 0);
        let d = qs
            .iter()
            .find(|q| q.id == "gen:describe:n.md#DynamoDB")
            .unwrap_or_else(|| panic!("{qs:#?}"));
        assert!(
            d.prompt
                .contains("“___ is a serverless key-value database.”"),
            "{}",
            d.prompt
        );
        assert!(
            d.explanation.starts_with(
                "Amazon DynamoDB: Amazon DynamoDB is a serverless key-value database."
            )
        );
        assert!(!qs.iter().any(|q| q.id == "gen:describe:n.md#Lambda"));
        assert!(qs.iter().any(|q| q.id == "gen:icon_of_service:n.md#Lambda"));
        let sqs = qs
            .iter()
            .find(|q| q.id == "gen:describe:n.md#SQS")
            .unwrap_or_else(|| panic!("{qs:#?}"));
        assert!(sqs.prompt.contains("___ queues decouple"), "{}", sqs.prompt);
        assert!(!qs.iter().any(|q| q.id.contains("Unknown thing")));
        // Empty vault, odd vaults.
        assert!(from_notes(&vault(&[]), 0).is_empty());
        let odd = vault(&[
            ("e.md", ""),
            ("x.md", "# S3\n\n![[img.png]]\n\n## S3\n\nnothing"),
            (
                "y.md",
                "# é S3 ü\n\nÉtrange texte accentué à propos de S3 — très long, vraiment.",
            ),
        ]);
        let _ = from_notes(&odd, 9);
    }

    #[test]
    fn helpers() {
        assert_eq!(find_word("Amazon S3s and s3", "S3", 0), Some(15));
        assert_eq!(find_word("éS3", "S3", 0), None);
        assert_eq!(
            mask("SES, ses et SESAME", &["SES".into()]),
            "___, ___ et SESAME"
        );
        assert_eq!(truncate("ab cd", 10), "ab cd");
        assert!(truncate(&"é ".repeat(300), 220).ends_with('…'));
        let c = Catalog::bundled();
        let names: Vec<String> =
            services_named("Ne pas confondre avec SNS (notifications) ou WorkMail", c)
                .into_iter()
                .filter_map(|id| c.get(id).map(|i| i.display_name.clone()))
                .collect();
        assert_eq!(
            names,
            vec!["Amazon Simple Notification Service", "Amazon WorkMail"]
        );
    }
}
