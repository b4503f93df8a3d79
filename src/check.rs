//! `aws-study check <folder>`: a report on a vault for people who maintain notes — notes,
//! topics, the AWS service each topic was identified as, exam-frequency tiers per tier and
//! per origin, topics that name a service but got no tier, notes whose service could not
//! be identified, icons resolved, and every broken wikilink, embed or image with its file
//! and line. Pure: builds a [`Report`] and renders it as text ([`Report::render`]) or JSON
//! ([`Report::to_json`], `check --json`; its shape is documented in the README).

use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;

use crate::frequency::Tier;
use crate::icons::Catalog;
use crate::notes::doc::{HintSource, ReferenceKind};
use crate::notes::index::{Index, ServiceSource, TierOrigin, Unresolved};
use crate::notes::vault::{LoadedVault, VaultError};
use crate::store::Overrides;

/// One broken reference.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Broken {
    /// Note path.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// What is wrong, in words.
    pub what: String,
}

/// Broken references that say the same thing (`broken link [[S3]]: no such note`),
/// gathered: one line of the report for a target the vault links to many times.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BrokenGroup {
    /// What is wrong, in words (the same for every reference of the group).
    pub what: String,
    /// How many references.
    pub count: usize,
    /// The files, in report order, each with the lines it has them on.
    pub files: Vec<(String, Vec<usize>)>,
}

/// A tier statement read in a note.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Stated {
    /// Note path.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// The tier's stable key (`tres-frequent`…).
    pub tier: &'static str,
    /// What kind of statement: `text`, `tag`, `frontmatter`, `exam-emphasis`.
    pub source: &'static str,
}

/// The result of checking a vault.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Notes read.
    pub notes: usize,
    /// Topics: every note, and every heading of level 1–3.
    pub topics: usize,
    /// Topics with an AWS icon.
    pub topics_with_icon: usize,
    /// Topics with an AWS service, from any source (heading, note name, folder, image).
    pub topics_with_service: usize,
    /// Topics that name a service themselves (their heading, or a note's file name).
    pub topics_naming_service: usize,
    /// Of those, the ones with both an icon and a tier.
    pub naming_with_icon_and_tier: usize,
    /// Topics with a tier.
    pub topics_with_tier: usize,
    /// Topics per tier (tier, titles).
    pub tiers: Vec<(Tier, Vec<String>)>,
    /// Topics per tier origin (stable key, count), in a fixed order.
    pub origins: Vec<(&'static str, usize)>,
    /// Topics that have a service but no tier ("file: title").
    pub service_without_tier: Vec<String>,
    /// Notes whose service could not be identified (paths).
    pub notes_without_service: Vec<String>,
    /// Every tier statement read in the notes, where it is, so a wrong one can be found.
    pub stated: Vec<Stated>,
    /// Icon image references that resolved to a bundled AWS icon.
    pub icon_references: usize,
    /// Broken references.
    pub broken: Vec<Broken>,
    /// Files skipped or read with a problem.
    pub problems: Vec<(String, String)>,
}

/// Reads and checks the vault at `root`.
///
/// # Errors
/// When `root` is not a readable folder.
pub fn check_folder(root: &Path) -> Result<Report, VaultError> {
    let vault = LoadedVault::scan(root, &|_, _| {})?;
    Ok(check_index(&Index::build(vault, &|_, _| {})))
}

/// Checks an already built index.
#[must_use]
pub fn check_index(index: &Index) -> Report {
    let catalog = Catalog::bundled();
    let none = Overrides::default();
    let mut report = Report {
        notes: index.notes.len(),
        topics: index.topics.len(),
        topics_with_icon: index.topics.iter().filter(|t| t.icon.is_some()).count(),
        ..Report::default()
    };
    let tiers = index.tiers(&none);
    for tier in Tier::ALL {
        let titles: Vec<String> = (0..index.topics.len())
            .filter(|&t| tiers[t].is_some_and(|(x, _)| x == tier))
            .map(|t| index.topics[t].title.to_string())
            .collect();
        report.tiers.push((tier, titles));
    }
    report.topics_with_tier = tiers.iter().filter(|t| t.is_some()).count();
    report.origins = ORIGINS.iter().map(|k| (*k, 0)).collect();
    for tier in &tiers {
        let key = origin_key(tier.map(|(_, o)| o));
        if let Some(row) = report.origins.iter_mut().find(|r| r.0 == key) {
            row.1 += 1;
        }
    }
    for (topic, tier) in index.topics.iter().zip(&tiers) {
        let Some((_, source)) = topic.service else {
            if topic.heading.is_none() {
                report
                    .notes_without_service
                    .push(index.notes[topic.note].path.clone());
            }
            continue;
        };
        report.topics_with_service += 1;
        if tier.is_none() {
            report
                .service_without_tier
                .push(format!("{}: {}", index.notes[topic.note].path, topic.title));
        }
        if matches!(source, ServiceSource::Heading | ServiceSource::NoteName) {
            report.topics_naming_service += 1;
            if topic.icon.is_some() && tier.is_some() {
                report.naming_with_icon_and_tier += 1;
            }
        }
    }
    for (n, note) in index.notes.iter().enumerate() {
        for h in &note.outline.frequency_hints {
            report.stated.push(Stated {
                file: note.path.clone(),
                line: h.line,
                tier: h.tier.key(),
                source: match h.source {
                    HintSource::Text => "text",
                    HintSource::Tag => "tag",
                    HintSource::Frontmatter => "frontmatter",
                    HintSource::Emphasis => "exam-emphasis",
                },
            });
        }
        if !note.problems.is_empty() {
            let words: Vec<String> = note.problems.iter().map(ToString::to_string).collect();
            report.problems.push((note.path.clone(), words.join("; ")));
        }
        for r in &note.outline.references {
            let broken = |what: String| Broken {
                file: note.path.clone(),
                line: r.line,
                what,
            };
            match r.kind {
                ReferenceKind::Image => {
                    if catalog.by_file_name(&r.target).is_some() {
                        report.icon_references += 1;
                    } else if r.target.contains("://") {
                        // remote image: not checked offline
                    } else if index.vault.find_attachment(&note.path, &r.target).is_none() {
                        report
                            .broken
                            .push(broken(format!("missing image {}", r.target)));
                    }
                }
                ReferenceKind::WikiLink | ReferenceKind::Embed
                    if has_other_extension(&r.target)
                        && index.vault.find_attachment(&note.path, &r.target).is_some() =>
                {
                    // `[[diagram.pdf]]`: a link to an attachment that exists.
                }
                ReferenceKind::WikiLink | ReferenceKind::Embed => {
                    let target = crate::notes::index::wiki_target(&r.target);
                    let what = if r.kind == ReferenceKind::Embed {
                        "embed"
                    } else {
                        "link"
                    };
                    match index.resolve(n, &target) {
                        Ok(_) => {}
                        Err(Unresolved::Note) => report.broken.push(broken(format!(
                            "broken {what} [[{}]]: no such note",
                            r.target
                        ))),
                        Err(Unresolved::Heading(_)) => report.broken.push(broken(format!(
                            "broken {what} [[{}]]: no such heading",
                            r.target
                        ))),
                    }
                }
            }
        }
    }
    report.problems.extend(
        index
            .vault
            .skipped
            .iter()
            .map(|(path, why)| (path.clone(), why.to_string())),
    );
    report
}

/// Origin keys, in report order.
const ORIGINS: [&str; 9] = [
    "user",
    "note-text",
    "note-tag",
    "note-frontmatter",
    "note-exam-emphasis",
    "other-note",
    "catalog",
    "inherited",
    "none",
];

/// The stable key of a tier origin (`check --json`).
fn origin_key(origin: Option<TierOrigin>) -> &'static str {
    match origin {
        Some(TierOrigin::User) => "user",
        Some(TierOrigin::Notes(HintSource::Text)) => "note-text",
        Some(TierOrigin::Notes(HintSource::Tag)) => "note-tag",
        Some(TierOrigin::Notes(HintSource::Frontmatter)) => "note-frontmatter",
        Some(TierOrigin::Notes(HintSource::Emphasis)) => "note-exam-emphasis",
        Some(TierOrigin::OtherNote(_)) => "other-note",
        Some(TierOrigin::Catalog(_)) => "catalog",
        Some(TierOrigin::Inherited) => "inherited",
        None => "none",
    }
}

/// `part` of `whole` as a percentage with one decimal.
fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        return 100.0;
    }
    #[allow(clippy::cast_precision_loss)] // counts of notes, far below 2^52
    let p = part as f64 * 100.0 / whole as f64;
    (p * 10.0).round() / 10.0
}

/// The JSON shape of `check --json` (documented in the README).
#[derive(Serialize)]
struct JsonReport<'a> {
    notes: usize,
    topics: usize,
    topics_with_icon: usize,
    topics_with_service: usize,
    topics_with_tier: usize,
    topics_naming_service: usize,
    naming_with_icon_and_tier: usize,
    naming_with_icon_and_tier_percent: f64,
    tiers: Vec<JsonTier<'a>>,
    origins: std::collections::BTreeMap<&'static str, usize>,
    service_without_tier: &'a [String],
    notes_without_service: &'a [String],
    stated: &'a [Stated],
    icon_references: usize,
    broken: &'a [Broken],
    problems: Vec<JsonProblem<'a>>,
}

#[derive(Serialize)]
struct JsonTier<'a> {
    tier: &'static str,
    label_fr: &'static str,
    label_en: &'static str,
    count: usize,
    topics: &'a [String],
}

#[derive(Serialize)]
struct JsonProblem<'a> {
    file: &'a str,
    what: &'a str,
}

/// True if a wikilink target names a file that is not a note (`x.pdf`, `y.png`).
fn has_other_extension(target: &str) -> bool {
    let name = target.split(['#', '|']).next().unwrap_or(target);
    let name = name.rsplit('/').next().unwrap_or(name);
    name.rsplit_once('.')
        .is_some_and(|(_, ext)| !ext.eq_ignore_ascii_case("md") && ext.len() <= 5)
}

/// Most topic titles listed per tier in the text report (`--json` lists them all).
const TITLES_SHOWN: usize = 12;

impl Report {
    /// The report as JSON (`check --json`), pretty-printed.
    #[must_use]
    pub fn to_json(&self) -> String {
        let json = JsonReport {
            notes: self.notes,
            topics: self.topics,
            topics_with_icon: self.topics_with_icon,
            topics_with_service: self.topics_with_service,
            topics_with_tier: self.topics_with_tier,
            topics_naming_service: self.topics_naming_service,
            naming_with_icon_and_tier: self.naming_with_icon_and_tier,
            naming_with_icon_and_tier_percent: percent(
                self.naming_with_icon_and_tier,
                self.topics_naming_service,
            ),
            tiers: self
                .tiers
                .iter()
                .map(|(t, titles)| JsonTier {
                    tier: t.key(),
                    label_fr: t.label_fr(),
                    label_en: t.label_en(),
                    count: titles.len(),
                    topics: titles,
                })
                .collect(),
            origins: self.origins.iter().copied().collect(),
            service_without_tier: &self.service_without_tier,
            notes_without_service: &self.notes_without_service,
            stated: &self.stated,
            icon_references: self.icon_references,
            broken: &self.broken,
            problems: self
                .problems
                .iter()
                .map(|(file, what)| JsonProblem { file, what })
                .collect(),
        };
        serde_json::to_string_pretty(&json).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
    }

    /// The report as text for the terminal.
    #[must_use]
    pub fn render(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "notes:  {}", self.notes);
        let _ = writeln!(
            s,
            "topics: {} (notes and headings; {} with an AWS service, {} with an AWS icon, {} with a tier)",
            self.topics, self.topics_with_service, self.topics_with_icon, self.topics_with_tier
        );
        let _ = writeln!(
            s,
            "topics naming a service: {}, with its icon and a tier: {} ({} %)",
            self.topics_naming_service,
            self.naming_with_icon_and_tier,
            percent(self.naming_with_icon_and_tier, self.topics_naming_service)
        );
        let _ = writeln!(s, "icon images resolved: {}", self.icon_references);
        let _ = writeln!(s, "exam-frequency tiers:");
        for (tier, titles) in &self.tiers {
            let shown: Vec<&str> = titles
                .iter()
                .take(TITLES_SHOWN)
                .map(String::as_str)
                .collect();
            let more = titles.len().saturating_sub(TITLES_SHOWN);
            let more = if more > 0 {
                format!(" … (+{more})")
            } else {
                String::new()
            };
            let _ = writeln!(
                s,
                "  {:<20} {:>4}  {}{more}",
                tier.label_fr(),
                titles.len(),
                shown.join(", ")
            );
        }
        let _ = writeln!(s, "tier origins:");
        for (key, count) in &self.origins {
            let _ = writeln!(s, "  {key:<20} {count:>4}");
        }
        let _ = writeln!(
            s,
            "topics with a service but no tier: {}",
            self.service_without_tier.len()
        );
        for t in &self.service_without_tier {
            let _ = writeln!(s, "  {t}");
        }
        let _ = writeln!(s, "tiers read in the notes: {}", self.stated.len());
        for st in &self.stated {
            let _ = writeln!(s, "  {}:{}: {} ({})", st.file, st.line, st.tier, st.source);
        }
        let _ = writeln!(
            s,
            "notes whose service could not be identified: {}",
            self.notes_without_service.len()
        );
        for n in &self.notes_without_service {
            let _ = writeln!(s, "  {n}");
        }
        if !self.problems.is_empty() {
            let _ = writeln!(s, "files with problems: {}", self.problems.len());
            for (file, what) in &self.problems {
                let _ = writeln!(s, "  {file}: {what}");
            }
        }
        let _ = writeln!(s, "broken references: {}", self.broken.len());
        for g in self.broken_groups() {
            if g.count == 1 {
                let (file, lines) = &g.files[0];
                let _ = writeln!(s, "  {file}:{}: {}", lines[0], g.what);
                continue;
            }
            let files: Vec<String> = g
                .files
                .iter()
                .map(|(file, lines)| {
                    let lines: Vec<String> = lines.iter().map(ToString::to_string).collect();
                    format!("{file}:{}", lines.join(","))
                })
                .collect();
            let _ = writeln!(
                s,
                "  {} ({} times, in {} file{}): {}",
                g.what,
                g.count,
                g.files.len(),
                if g.files.len() == 1 { "" } else { "s" },
                files.join("; ")
            );
        }
        s
    }

    /// The broken references gathered by what is wrong (the same target, the same
    /// reason): the most repeated first, then in report order.
    #[must_use]
    pub fn broken_groups(&self) -> Vec<BrokenGroup> {
        let mut groups: Vec<BrokenGroup> = Vec::new();
        let mut by_what: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for b in &self.broken {
            let g = *by_what.entry(b.what.as_str()).or_insert_with(|| {
                groups.push(BrokenGroup {
                    what: b.what.clone(),
                    count: 0,
                    files: Vec::new(),
                });
                groups.len() - 1
            });
            let group = &mut groups[g];
            group.count += 1;
            match group.files.last_mut() {
                Some((file, lines)) if *file == b.file => lines.push(b.line),
                _ => group.files.push((b.file.clone(), vec![b.line])),
            }
        }
        // Stable: equal counts keep report order.
        groups.sort_by_key(|g| std::cmp::Reverse(g.count));
        groups
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_notes_report() {
        let index = Index::build(LoadedVault::bundled(), &|_, _| {});
        let report = check_index(&index);
        assert_eq!(report.notes, 5);
        let very: &Vec<String> = &report.tiers[0].1;
        assert!(very.contains(&"SSM Session Manager".to_owned()), "{very:?}");
        // The DVA note links to notes that are not shipped: reported with their line.
        assert!(
            report.broken.iter().any(|b| b.file.starts_with("DVA")
                && b.what.contains("102 AWS DVA Index")
                && b.line == 6),
            "{:#?}",
            report.broken
        );
        // Screenshots referenced by the category note are not shipped.
        assert!(
            report
                .broken
                .iter()
                .any(|b| b.what.contains("AWS-Aurora-Read_scaling.png"))
        );
        // Every AWS icon image resolves.
        assert!(!report.broken.iter().any(|b| b.what.contains("Arch_")));
        assert!(report.icon_references >= 40);
        let text = report.render();
        assert!(text.contains("très fréquent"));
    }

    #[test]
    fn a_broken_target_linked_many_times_is_one_line() {
        let vault = LoadedVault::from_texts(
            crate::notes::vault::VaultSource::Bundled,
            &[
                ("Compute/Lambda.md", "[[S3]] x\n\n[[S3]] y\n\n[[Nope#H]]\n"),
                ("Storage/DataSync.md", "[[S3]]\n"),
            ],
        );
        let report = check_index(&Index::build(vault, &|_, _| {}));
        assert_eq!(report.broken.len(), 4, "every reference is still listed");
        let groups = report.broken_groups();
        assert_eq!(
            groups[0],
            BrokenGroup {
                what: "broken link [[S3]]: no such note".into(),
                count: 3,
                files: vec![
                    ("Compute/Lambda.md".into(), vec![1, 3]),
                    ("Storage/DataSync.md".into(), vec![1]),
                ],
            }
        );
        assert_eq!(groups[1].count, 1);
        let text = report.render();
        assert!(
            text.contains(
                "  broken link [[S3]]: no such note (3 times, in 2 files): Compute/Lambda.md:1,3; Storage/DataSync.md:1\n"
            ),
            "{text}"
        );
        assert!(text.contains("  Compute/Lambda.md:5: broken link [[Nope#H]]: no such note\n"));
    }

    #[test]
    fn json_report_has_the_documented_shape() {
        let index = Index::build(LoadedVault::bundled(), &|_, _| {});
        let report = check_index(&index);
        let json: serde_json::Value =
            serde_json::from_str(&report.to_json()).unwrap_or(serde_json::Value::Null);
        for field in [
            "notes",
            "topics",
            "topics_with_icon",
            "topics_with_service",
            "topics_with_tier",
            "topics_naming_service",
            "naming_with_icon_and_tier",
            "naming_with_icon_and_tier_percent",
            "tiers",
            "origins",
            "service_without_tier",
            "notes_without_service",
            "stated",
            "icon_references",
            "broken",
            "problems",
        ] {
            assert!(json.get(field).is_some(), "no {field} in {json}");
        }
        assert_eq!(json["notes"], 5);
        assert_eq!(json["tiers"][0]["tier"], "tres-frequent");
        assert_eq!(json["tiers"][0]["label_en"], "very frequent");
        // The seven statements of the SAA note, each with its line.
        let stated = json["stated"].as_array().map_or(0, Vec::len);
        assert_eq!(stated, 7, "{}", json["stated"]);
        assert_eq!(json["origins"]["note-text"], 7);
        let origins: u64 = json["origins"].as_object().map_or(0, |o| {
            o.values().filter_map(serde_json::Value::as_u64).sum()
        });
        assert_eq!(origins, json["topics"].as_u64().unwrap_or(u64::MAX));
        // Every topic that names a service has its icon and a tier.
        assert_eq!(json["naming_with_icon_and_tier_percent"], 100.0);
    }
}
