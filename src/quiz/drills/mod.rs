//! Diagram drills: quiz questions asked about an architecture diagram, shown with the
//! diagram ([`crate::quiz::PromptDiagram`]). The diagrams are the Diagram room's templates
//! and the student's own diagrams (files they opened or saved in the Diagram room, and
//! the diagram files of their notes folder, draw.io files included), read by the app
//! ([`read_files`]) and handed to the Quiz room.
//!
//! Three kinds ([`DrillKind`]):
//! - **which service belongs here?** every node of one service is drawn as a dashed "?"
//!   box; the options are that service and three of the same catalog category that could
//!   not fill the place ([`roles`] says which services are too close to be distractors);
//! - **what is wrong with this architecture?** a diagram that reviews clean
//!   ([`crate::diagram::review`]) gets one rule's violation planted
//!   ([`crate::diagram::review::plant`]); the options are the titles of that rule and of
//!   three rules that do not fire on the planted diagram, preferably about its services,
//!   never a rule that overlaps the planted one ([`SIBLINGS`]); the explanation is the
//!   rule's, with its AWS documentation page;
//! - **which change meets the requirement?** the same planted diagram, the requirement the
//!   violation breaks, the change that meets it and three that do not ([`changes`]: only
//!   rules with one clear fix). Once per rule, from the first diagram it can be planted in
//!   (templates first): its options do not depend on the diagram.
//!
//! Pure and deterministic: a question's options depend only on its id (a seeded shuffle),
//! so a card keeps its question across restarts. Ids are
//! `drill:<kind>:<source key>:<service key or rule id>`; they become cards in the progress
//! like any other question once answered, and their tier comes from their services.

pub mod changes;
pub mod roles;

use std::path::PathBuf;
use std::sync::Arc;

use std::collections::HashSet;

use crate::diagram::model::{Diagram, GroupKind, NodeId, NodeKind};
use crate::diagram::review::{self, Rule};
use crate::diagram::templates::Template;
use crate::i18n::Lang;
use crate::quiz::generate::fnv1a;
use crate::quiz::{Choice, Origin, PromptDiagram, Question};
use crate::services::{self, Scope, Service, ServiceId};
use roles::{Entry, Role};

/// Options of a drill.
const CHOICES: usize = 4;

/// Largest diagram file read for drills.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// Most diagram files read for drills (the most recent first).
pub const MAX_FILES: usize = 40;

/// The kinds of drills.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DrillKind {
    /// "Which service belongs here?"
    Service,
    /// "What is wrong with this architecture?"
    Fault,
    /// "Which change meets the requirement?"
    Fix,
}

impl DrillKind {
    /// Every kind.
    pub const ALL: [DrillKind; 3] = [Self::Service, Self::Fault, Self::Fix];

    /// Its part of the question ids (`drill:<part>:...`).
    #[must_use]
    pub fn id_part(self) -> &'static str {
        match self {
            Self::Service => "service",
            Self::Fault => "fault",
            Self::Fix => "fix",
        }
    }

    /// The kind of a drill, from its id (`None` for any other question).
    #[must_use]
    pub fn of(id: &str) -> Option<Self> {
        let part = id.strip_prefix("drill:")?.split(':').next()?;
        Self::ALL.into_iter().find(|k| k.id_part() == part)
    }
}

/// A diagram drills are made from.
#[derive(Clone, Debug, PartialEq)]
pub struct DrillSource {
    /// Stable key, part of the question ids: a template's slug (`three-tier-web-app`), or
    /// `file/<name>` for a file (its path in the notes folder, else its file name).
    pub key: String,
    /// Shown before the prompt: the template's name, or the file name.
    pub label: String,
    /// The diagram.
    pub diagram: Arc<Diagram>,
}

impl DrillSource {
    /// The Diagram room's templates.
    #[must_use]
    pub fn templates() -> Vec<DrillSource> {
        Template::ALL
            .iter()
            .map(|t| DrillSource {
                // The English name: ids (and so the student's cards) must not change
                // with the interface language.
                key: slug(t.label(&crate::i18n::EN)),
                label: t.label(&crate::i18n::EN).to_owned(),
                diagram: Arc::new(t.build()),
            })
            .collect()
    }
}

/// The drills of the templates and of some of the student's diagrams, in one language.
#[derive(Clone, Debug, PartialEq)]
pub struct DrillSet {
    /// The language they are written in.
    pub lang: Lang,
    /// The student's diagrams (the templates are implied).
    pub sources: Vec<DrillSource>,
    /// The drills of the templates, then of `sources` ([`generate`]).
    pub questions: Vec<Question>,
}

impl DrillSet {
    /// Writes the drills of the templates and of `sources` in `lang` (the app does it in a
    /// worker thread: planting and reviewing every rule in every diagram takes a while).
    #[must_use]
    pub fn build(sources: Vec<DrillSource>, lang: Lang) -> Self {
        let mut all = DrillSource::templates();
        all.extend(sources.iter().cloned());
        Self {
            lang,
            questions: generate(&all, lang),
            sources,
        }
    }
}

/// `Three-tier web app` → `three-tier-web-app`.
fn slug(label: &str) -> String {
    let mut out = String::new();
    for c in label.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// A diagram file to read for drills.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DrillFile {
    /// Source key (`file/<name>`).
    pub key: String,
    /// Label shown with its drills.
    pub label: String,
    /// Where it is.
    pub path: PathBuf,
}

impl DrillFile {
    /// A file named by `name` (its path in the notes folder, or its file name).
    #[must_use]
    pub fn new(name: &str, path: PathBuf) -> Self {
        let label = name.rsplit('/').next().unwrap_or(name).to_owned();
        Self {
            key: format!("file/{name}"),
            label,
            path,
        }
    }
}

/// Whether a file name is one of the diagram files drills read: `.awsdiagram.ron`, and
/// draw.io files (`.drawio`, `.drawio.svg`, `.drawio.png`, `.drawio.xml`). Plain SVG and
/// PNG images are not diagrams.
#[must_use]
pub fn is_diagram_file(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.ends_with(crate::diagram::file::EXTENSION)
        || n.ends_with(".drawio")
        || n.ends_with(".drawio.svg")
        || n.ends_with(".drawio.png")
        || n.ends_with(".drawio.xml")
}

/// Reads diagram files for drills (in a worker thread: this does file I/O), at most
/// [`MAX_FILES`] of them, with [`crate::diagram::file::load_any`]. A file that cannot be
/// read, is too big or is no diagram is skipped and named in the messages returned; the
/// repairs and approximations of a file that could be read are not reported (the Diagram
/// room reports them when the file is opened there). Never panics on a file's content.
#[must_use]
pub fn read_files(files: &[DrillFile], lang: Lang) -> (Vec<DrillSource>, Vec<String>) {
    let s = lang.strings();
    let mut sources = Vec::new();
    let mut problems = Vec::new();
    for file in files.iter().take(MAX_FILES) {
        match std::fs::metadata(&file.path) {
            Ok(m) if m.len() > MAX_FILE_BYTES => {
                problems.push(format!(
                    "{} {}: {} MB > {} MB",
                    s.drills_skipped,
                    file.path.display(),
                    m.len() / (1024 * 1024),
                    MAX_FILE_BYTES / (1024 * 1024)
                ));
                continue;
            }
            Ok(_) => {}
            Err(e) => {
                problems.push(format!("{} {}: {e}", s.drills_skipped, file.path.display()));
                continue;
            }
        }
        match crate::diagram::file::load_any(&file.path) {
            Ok((diagram, _)) => sources.push(DrillSource {
                key: file.key.clone(),
                label: file.label.clone(),
                diagram: Arc::new(diagram),
            }),
            Err(e) => problems.push(format!("{} {e}", s.drills_skipped)),
        }
    }
    (sources, problems)
}

/// Every drill of every source, in the interface language `lang`. A source key met twice
/// gives its drills once (the first source wins).
#[must_use]
pub fn generate(sources: &[DrillSource], lang: Lang) -> Vec<Question> {
    let mut seen = HashSet::new();
    let mut fixed: HashSet<&str> = HashSet::new();
    let mut out = Vec::new();
    for source in sources {
        if !seen.insert(source.key.as_str()) {
            continue;
        }
        out.extend(which_service(source, lang));
        // Faults are planted into diagrams that review clean, accepted findings aside
        // (their rules are not planted: the fault would be there already).
        if !review::open_findings(&source.diagram).is_empty() {
            continue;
        }
        let accepted: HashSet<&str> = review::review(&source.diagram)
            .iter()
            .map(|f| f.rule.id)
            .collect();
        for rule in review::rules() {
            if accepted.contains(rule.id) {
                continue;
            }
            let Some(planted) = review::plant(rule, &source.diagram) else {
                continue;
            };
            let planted = Arc::new(planted);
            if let Some(q) = what_is_wrong(source, rule, &planted, lang) {
                out.push(q);
            }
            if !fixed.contains(rule.id)
                && let Some(q) = which_change(source, rule, &planted, lang)
            {
                fixed.insert(rule.id);
                out.push(q);
            }
        }
    }
    out
}

/// Counts of drills by kind, in [`DrillKind::ALL`] order.
#[must_use]
pub fn count_by_kind(questions: &[Question]) -> [usize; 3] {
    let mut counts = [0; 3];
    for q in questions {
        if let Some(k) = DrillKind::of(&q.id)
            && let Some(i) = DrillKind::ALL.iter().position(|x| *x == k)
        {
            counts[i] += 1;
        }
    }
    counts
}

/// A plain-text table of the drills of each source, by kind, and the totals (with
/// `list`, every drill's id and right answer too): what `aws-study drills` prints.
#[must_use]
pub fn render_report(sources: &[DrillSource], questions: &[Question], list: bool) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let width = sources
        .iter()
        .map(|s| s.key.len())
        .max()
        .unwrap_or(0)
        .max(8);
    let _ = writeln!(out, "{:width$}  service  fault  fix", "diagram");
    for source in sources {
        let mine: Vec<Question> = questions
            .iter()
            .filter(|q| matches!(&q.origin, Origin::Drill { source: s } if *s == source.key))
            .cloned()
            .collect();
        let [a, b, c] = count_by_kind(&mine);
        let clean = if review::open_findings(&source.diagram).is_empty() {
            ""
        } else {
            "  (open findings: no faults planted)"
        };
        let _ = writeln!(out, "{:width$}  {a:7}  {b:5}  {c:3}{clean}", source.key);
    }
    let [a, b, c] = count_by_kind(questions);
    let _ = writeln!(
        out,
        "total: {} drills from {} diagrams ({a} which service, {b} what is wrong, {c} which change)",
        a + b + c,
        sources.len()
    );
    if list {
        for q in questions {
            let answer =
                q.answers
                    .first()
                    .and_then(|&i| q.choices.get(i))
                    .map_or("", |c| match c {
                        Choice::Text(t) => t.as_str(),
                        Choice::Icon(_) => "(icon)",
                    });
            let _ = writeln!(out, "{}  ->  {answer}", q.id);
        }
    }
    out
}

/// The catalog service a node shows, if it is a service node with a known icon.
fn service_of_node(d: &Diagram, id: NodeId) -> Option<ServiceId> {
    let node = d.node(id)?;
    let NodeKind::Service { icon } = &node.kind else {
        return None;
    };
    let icon = crate::icons::Catalog::bundled().by_aws_name(icon)?;
    services::Catalog::bundled().by_icon(icon.id)
}

/// The services of a diagram with their nodes, in drawing order.
fn services_in(d: &Diagram) -> Vec<(ServiceId, Vec<NodeId>)> {
    let mut out: Vec<(ServiceId, Vec<NodeId>)> = Vec::new();
    for &id in &d.order {
        let Some(service) = service_of_node(d, id) else {
            continue;
        };
        match out.iter_mut().find(|(s, _)| *s == service) {
            Some((_, nodes)) => nodes.push(id),
            None => out.push((service, vec![id])),
        }
    }
    out
}

/// The service a feature belongs to, else the service itself: two options of one family
/// (ALB and NLB, both Elastic Load Balancing) are never offered together.
fn family(s: &Service) -> ServiceId {
    s.part_of.unwrap_or(s.id)
}

/// Three services to offer next to `answer`: same catalog category, a role that is
/// neither the answer's nor close to it, in the exam's scope, three different families,
/// as many different roles as there are (a graph, a time-series and a cache service
/// rather than Aurora and Aurora Serverless). `None` when there are not three.
fn service_distractors(
    answer: &Service,
    role: Role,
    rng: &mut fastrand::Rng,
) -> Option<Vec<(&'static Service, &'static Entry)>> {
    let catalog = services::Catalog::bundled();
    let mut by_family: Vec<(ServiceId, Vec<(&'static Service, &'static Entry)>)> = Vec::new();
    for entry in roles::ENTRIES {
        if entry.role == role || role.close().contains(&entry.role) {
            continue;
        }
        let Some(s) = catalog.by_key(entry.key).and_then(|id| catalog.get(id)) else {
            continue;
        };
        if s.category != answer.category
            || s.scope == Scope::OutOfScope
            || family(s) == family(answer)
            || s.short == answer.short
        {
            continue;
        }
        match by_family.iter_mut().find(|(f, _)| *f == family(s)) {
            Some((_, members)) => members.push((s, entry)),
            None => by_family.push((family(s), vec![(s, entry)])),
        }
    }
    if by_family.len() < CHOICES - 1 {
        return None;
    }
    rng.shuffle(&mut by_family);
    // One member per family; then families of roles not yet offered first.
    let mut picks: Vec<(&'static Service, &'static Entry)> = by_family
        .into_iter()
        .filter_map(|(_, members)| members.get(rng.usize(0..members.len())).copied())
        .collect();
    let mut chosen: Vec<(&'static Service, &'static Entry)> = Vec::with_capacity(CHOICES - 1);
    while chosen.len() < CHOICES - 1 && !picks.is_empty() {
        let k = picks
            .iter()
            .position(|(_, e)| !chosen.iter().any(|(_, c)| c.role == e.role))
            .unwrap_or(0);
        chosen.push(picks.remove(k));
    }
    Some(chosen)
}

/// Every way the catalog writes these services' names (official, short, aliases in
/// English and French, without the Amazon/AWS prefix), as folded words, longest first.
fn name_variants(services: &[&Service]) -> Vec<Vec<String>> {
    let mut variants: Vec<Vec<String>> = Vec::new();
    for s in services {
        for name in [&s.name, &s.short]
            .into_iter()
            .chain(&s.aliases)
            .chain(&s.aliases_fr)
        {
            let words: Vec<String> = name.split_whitespace().map(fold_word).collect();
            let bare: Vec<String> = match words.first().map(String::as_str) {
                Some("amazon" | "aws") => words[1..].to_vec(),
                _ => words.clone(),
            };
            for v in [words, bare] {
                if !v.is_empty() && v.iter().all(|w| !w.is_empty()) && !variants.contains(&v) {
                    variants.push(v);
                }
            }
        }
    }
    variants.sort_by_key(|v| std::cmp::Reverse(v.len()));
    variants
}

/// A word folded for comparison: lower case, no accents, letters and digits only.
fn fold_word(w: &str) -> String {
    crate::text::fold(w)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// `label` without the names of `services` in it ("RDS standby" → "standby", "ACM
/// certificate (us-east-1)" → "certificate (us-east-1)"), singular or plural; empty
/// brackets and dangling separators go too.
fn strip_names(label: &str, services: &[&Service]) -> String {
    let variants = name_variants(services);
    let words: Vec<&str> = label.split_whitespace().collect();
    let folded: Vec<String> = words.iter().map(|w| fold_word(w)).collect();
    let same = |a: &str, b: &str| a == b || format!("{b}s") == a || format!("{a}s") == b;
    let mut kept: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let matched = variants.iter().find(|v| {
            v.len() <= words.len() - i && v.iter().zip(&folded[i..]).all(|(a, b)| same(b, a))
        });
        if let Some(v) = matched {
            // A bracket the name opened or closed stays balanced.
            let removed = &words[i..i + v.len()];
            let open = removed.iter().filter(|w| w.starts_with('(')).count();
            let close = removed.iter().filter(|w| w.ends_with(')')).count();
            if open > close {
                kept.push("(");
            } else if close > open {
                kept.push(")");
            }
            i += v.len();
        } else {
            kept.push(words[i]);
            i += 1;
        }
    }
    let mut out = kept.join(" ").replace("( ", "(").replace(" )", ")");
    for empty in ["()", "[]"] {
        out = out.replace(empty, "");
    }
    let out = out.trim_matches(|c: char| c.is_whitespace() || "-–—:,/+&".contains(c));
    if out.chars().any(char::is_alphanumeric) {
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        String::new()
    }
}

/// `label` with the names of `services` taken out (blank when what is left still names one
/// of them).
fn scrub(label: &str, services: &[&Service]) -> String {
    let ids: Vec<ServiceId> = services.iter().map(|s| s.id).collect();
    if !names_any(label, &ids) {
        return label.to_owned();
    }
    let stripped = strip_names(label, services);
    if names_any(&stripped, &ids) {
        String::new()
    } else {
        stripped
    }
}

/// Whether a label names one of `services` (or a feature of one): it would give the
/// answer away, or make an option look right.
fn names_any(label: &str, services: &[ServiceId]) -> bool {
    if label.trim().is_empty() {
        return false;
    }
    let catalog = services::Catalog::bundled();
    let named = catalog
        .mentioned(label)
        .into_iter()
        .chain(catalog.identify(label));
    named
        .filter_map(|id| catalog.get(id))
        .any(|s| services.contains(&s.id) || services.contains(&family(s)))
}

/// "Which service belongs here?" for every service of `source` that the role table knows
/// and that has three distractors: one question per service, all its nodes hidden (one
/// node of two RDS databases hidden next to the other would give it away).
#[must_use]
pub fn which_service(source: &DrillSource, lang: Lang) -> Vec<Question> {
    let catalog = services::Catalog::bundled();
    let s = lang.strings();
    let mut out = Vec::new();
    for (service, nodes) in services_in(&source.diagram) {
        let Some(answer) = catalog.get(service) else {
            continue;
        };
        let Some(entry) = roles::entry(&answer.key).filter(|e| e.role.hideable()) else {
            continue;
        };
        let id = format!("drill:service:{}:{}", source.key, answer.key);
        let mut rng = fastrand::Rng::with_seed(fnv1a(&id));
        let Some(mut options) = service_distractors(answer, entry.role, &mut rng) else {
            continue;
        };
        let at = rng.usize(0..=options.len());
        options.insert(at, (answer, entry));
        // The names of the answer (and its parent service) are taken out of every label;
        // on a hidden node, those of every option and of the answer's whole family too
        // ("Gateway endpoint (S3)" would give "VPC endpoint" away).
        let answer_and_parent: Vec<&Service> = std::iter::once(answer)
            .chain(answer.part_of.and_then(|p| catalog.get(p)))
            .collect();
        let mut on_hidden: Vec<&Service> = catalog
            .services()
            .iter()
            .filter(|s| family(s) == family(answer))
            .collect();
        on_hidden.extend(options.iter().map(|(o, _)| *o));
        let mut d = (*source.diagram).clone();
        for node in d.nodes.values_mut() {
            let names: &[&Service] = if nodes.contains(&node.id) {
                &on_hidden
            } else {
                &answer_and_parent
            };
            node.label = scrub(&node.label, names);
        }
        for edge in d.edges.values_mut() {
            edge.label = scrub(&edge.label, &answer_and_parent);
        }
        let describe = |o: &Service, e: &Entry| match lang {
            Lang::En => format!("{}: {}", o.short, e.en),
            Lang::Fr => format!("{} : {}", o.short, e.fr),
        };
        let question = if nodes.len() > 1 {
            s.drill_which_service_many
        } else {
            s.drill_which_service
        };
        out.push(Question {
            id,
            domain: Some(entry.role.domain()),
            prompt: format!("{} — {question}", source.label),
            prompt_icon: None,
            prompt_diagram: Some(PromptDiagram {
                diagram: Arc::new(d),
                hidden: nodes.clone(),
                marked: nodes,
            }),
            choices: options
                .iter()
                .map(|(o, _)| Choice::Text(o.short.clone()))
                .collect(),
            answers: vec![at],
            explanation: describe(answer, entry),
            notes: options.iter().map(|(o, e)| describe(o, e)).collect(),
            key_fact: None,
            task: None,
            services: vec![answer.short.clone()],
            assumption: None,
            origin: Origin::Drill {
                source: source.key.clone(),
            },
        });
    }
    out
}

/// Rules that overlap: a diagram that breaks one may be said to break the others (an Auto
/// Scaling group in one AZ is a load-balanced tier in one AZ), so one is never a wrong
/// option of a question about another.
pub const SIBLINGS: &[&[&str]] = &[
    &["ec2-tier-single-az", "asg-single-az", "alb-single-az"],
    &["rds-single-az", "standby-same-az", "standby-serves-reads"],
    &[
        "nat-gateway-in-private-subnet",
        "no-internet-gateway",
        "private-subnet-no-egress",
        "nat-gateway-single-az",
        "s3-dynamodb-via-nat",
    ],
    &[
        "lambda-in-public-subnet",
        "lambda-outside-vpc-to-private-resource",
        "private-subnet-no-egress",
    ],
    &[
        "private-subnet-reached-from-internet",
        "internal-lb-from-internet",
        "lb-targets-in-public-subnet",
        "ec2-fleet-without-lb",
    ],
    &[
        "regional-service-in-subnet",
        "vpc-gateway-in-subnet",
        "global-service-in-vpc",
    ],
];

/// Catalog keys of what nearly every VPC diagram shows: a rule about them is not more
/// plausible for it.
const GENERIC_KEYS: &[&str] = &["subnet", "vpc", "availability-zones", "regions"];

/// Whether two rules overlap ([`SIBLINGS`]); a rule is its own sibling.
#[must_use]
pub fn siblings(a: &str, b: &str) -> bool {
    a == b
        || SIBLINGS
            .iter()
            .any(|group| group.contains(&a) && group.contains(&b))
}

/// Catalog keys of what a diagram shows: its services (and the services they are features
/// of) and its group boxes (subnets, Availability Zones, Regions...).
fn keys_in(d: &Diagram) -> HashSet<String> {
    let catalog = services::Catalog::bundled();
    let mut keys = HashSet::new();
    for (service, _) in services_in(d) {
        if let Some(s) = catalog.get(service) {
            keys.insert(s.key.clone());
            if let Some(parent) = s.part_of.and_then(|p| catalog.get(p)) {
                keys.insert(parent.key.clone());
            }
        }
    }
    for node in d.nodes.values() {
        let NodeKind::Group { kind } = node.kind else {
            continue;
        };
        let key = match kind {
            GroupKind::PublicSubnet | GroupKind::PrivateSubnet => "subnet",
            GroupKind::AvailabilityZone => "availability-zones",
            GroupKind::Region => "regions",
            GroupKind::Vpc => "vpc",
            GroupKind::AutoScalingGroup => "auto-scaling-group",
            GroupKind::SecurityGroup => "security-group",
            GroupKind::AwsCloud => continue,
        };
        keys.insert(key.to_owned());
    }
    keys
}

/// The catalog short names of a rule's services (the question's services: its tier).
fn rule_services(rule: &Rule) -> Vec<String> {
    let catalog = services::Catalog::bundled();
    let mut names: Vec<String> = Vec::new();
    for key in rule.services {
        if let Some(id) = catalog.by_key(key) {
            let name = catalog.short_name(id).to_owned();
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    names
}

/// The nodes the findings of `rule` on `d` concern (outlined once the question is checked).
fn finding_nodes(findings: &[review::Finding], rule: &Rule) -> Vec<NodeId> {
    let mut nodes: Vec<NodeId> = findings
        .iter()
        .filter(|f| f.rule.id == rule.id)
        .flat_map(|f| f.nodes.iter().copied())
        .collect();
    nodes.sort_unstable();
    nodes.dedup();
    nodes
}

/// The rule's explanation and its AWS documentation page, as Markdown.
fn rule_explanation(rule: &Rule, lang: Lang) -> String {
    format!(
        "{}\n\n[{}]({})",
        rule.explanation(lang),
        lang.strings().drill_doc,
        rule.doc_url
    )
}

/// "What is wrong with this architecture?" about `planted`, `source` with a violation of
/// `rule` planted: `rule`'s title and three of rules that do not fire on `planted` and do
/// not overlap `rule`, those about services the diagram shows first. `None` when there
/// are not three.
#[must_use]
pub fn what_is_wrong(
    source: &DrillSource,
    rule: &'static Rule,
    planted: &Arc<Diagram>,
    lang: Lang,
) -> Option<Question> {
    let findings = review::review(planted);
    let marked = finding_nodes(&findings, rule);
    if marked.is_empty() {
        return None;
    }
    let firing: HashSet<&str> = findings.iter().map(|f| f.rule.id).collect();
    let shown = keys_in(planted);
    let id = format!("drill:fault:{}:{}", source.key, rule.id);
    let mut rng = fastrand::Rng::with_seed(fnv1a(&id));
    let mut others: Vec<&'static Rule> = review::rules()
        .iter()
        .filter(|r| !firing.contains(r.id) && !siblings(r.id, rule.id))
        .collect();
    rng.shuffle(&mut others);
    // Rules about services the diagram shows first: they are the plausible mistakes
    // (subnets, VPCs, AZs and Regions are in nearly every diagram and say little).
    others.sort_by_key(|r| {
        !r.services
            .iter()
            .any(|k| !GENERIC_KEYS.contains(k) && shown.contains(*k))
    });
    others.truncate(CHOICES - 1);
    if others.len() < CHOICES - 1 {
        return None;
    }
    let at = rng.usize(0..=others.len());
    others.insert(at, rule);
    let s = lang.strings();
    Some(Question {
        id,
        domain: Some(rule.domain),
        prompt: format!("{} — {}", source.label, s.drill_what_is_wrong),
        prompt_icon: None,
        prompt_diagram: Some(PromptDiagram {
            diagram: Arc::clone(planted),
            hidden: Vec::new(),
            marked,
        }),
        choices: others
            .iter()
            .map(|r| Choice::Text(r.title(lang).to_owned()))
            .collect(),
        answers: vec![at],
        explanation: rule_explanation(rule, lang),
        notes: Vec::new(),
        key_fact: None,
        task: None,
        services: rule_services(rule),
        assumption: None,
        origin: Origin::Drill {
            source: source.key.clone(),
        },
    })
}

/// "Which change meets the requirement?" about `planted` (`source` with a violation of
/// `rule` planted), for the rules [`changes`] has a fix for.
#[must_use]
pub fn which_change(
    source: &DrillSource,
    rule: &'static Rule,
    planted: &Arc<Diagram>,
    lang: Lang,
) -> Option<Question> {
    let fix = changes::fix(rule.id)?;
    let marked = finding_nodes(&review::review(planted), rule);
    if marked.is_empty() {
        return None;
    }
    let id = format!("drill:fix:{}:{}", source.key, rule.id);
    let mut rng = fastrand::Rng::with_seed(fnv1a(&id));
    let mut options: Vec<&changes::Change> = fix.wrong.iter().collect();
    rng.shuffle(&mut options);
    let at = rng.usize(0..=options.len());
    options.insert(at, &fix.right);
    let s = lang.strings();
    let need = match lang {
        Lang::En => fix.need_en,
        Lang::Fr => fix.need_fr,
    };
    let text = |c: &changes::Change| match lang {
        Lang::En => c.en,
        Lang::Fr => c.fr,
    };
    let why = |c: &changes::Change| match lang {
        Lang::En => c.why_en,
        Lang::Fr => c.why_fr,
    };
    Some(Question {
        id,
        domain: Some(rule.domain),
        prompt: format!(
            "{} — {} {need} {}",
            source.label, s.drill_requirement, s.drill_which_change
        ),
        prompt_icon: None,
        prompt_diagram: Some(PromptDiagram {
            diagram: Arc::clone(planted),
            hidden: Vec::new(),
            marked,
        }),
        choices: options
            .iter()
            .map(|c| Choice::Text(text(c).to_owned()))
            .collect(),
        answers: vec![at],
        explanation: rule_explanation(rule, lang),
        notes: options.iter().map(|c| why(c).to_owned()).collect(),
        key_fact: None,
        task: None,
        services: rule_services(rule),
        assumption: None,
        origin: Origin::Drill {
            source: source.key.clone(),
        },
    })
}

#[cfg(test)]
mod tests;
