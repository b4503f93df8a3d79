//! `aws-study check <folder>`: a report on a vault for people who maintain notes — notes,
//! topics, frequency tags per tier, icons resolved, and every broken wikilink, embed or
//! image with its file and line. Pure: builds a [`Report`] and renders it as text.

use std::fmt::Write as _;
use std::path::Path;

use crate::frequency::Tier;
use crate::icons::Catalog;
use crate::notes::doc::ReferenceKind;
use crate::notes::index::{Index, Unresolved};
use crate::notes::vault::{LoadedVault, VaultError};
use crate::store::Overrides;

/// One broken reference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Broken {
    /// Note path.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// What is wrong, in words.
    pub what: String,
}

/// The result of checking a vault.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Notes read.
    pub notes: usize,
    /// Topics (headings of level 1–3).
    pub topics: usize,
    /// Topics with an AWS icon.
    pub topics_with_icon: usize,
    /// Topics per tier (tier, count, titles).
    pub tiers: Vec<(Tier, Vec<String>)>,
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
    for tier in Tier::ALL {
        let titles: Vec<String> = (0..index.topics.len())
            .filter(|&t| index.tier(t, &none).is_some_and(|(x, _)| x == tier))
            .map(|t| index.topics[t].title.clone())
            .collect();
        report.tiers.push((tier, titles));
    }
    for (n, note) in index.notes.iter().enumerate() {
        if let Some(problem) = &note.problem {
            report.problems.push((note.path.clone(), problem.clone()));
        }
        for r in &note.doc.references {
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
    report.problems.extend(index.vault.skipped.iter().cloned());
    report
}

/// True if a wikilink target names a file that is not a note (`x.pdf`, `y.png`).
fn has_other_extension(target: &str) -> bool {
    let name = target.split(['#', '|']).next().unwrap_or(target);
    let name = name.rsplit('/').next().unwrap_or(name);
    name.rsplit_once('.')
        .is_some_and(|(_, ext)| !ext.eq_ignore_ascii_case("md") && ext.len() <= 5)
}

impl Report {
    /// The report as text for the terminal.
    #[must_use]
    pub fn render(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "notes:  {}", self.notes);
        let _ = writeln!(
            s,
            "topics: {} ({} with an AWS icon)",
            self.topics, self.topics_with_icon
        );
        let _ = writeln!(s, "icon images resolved: {}", self.icon_references);
        let _ = writeln!(s, "exam-frequency tiers:");
        for (tier, titles) in &self.tiers {
            let _ = writeln!(
                s,
                "  {:<20} {:>3}  {}",
                tier.label_fr(),
                titles.len(),
                titles.join(", ")
            );
        }
        if !self.problems.is_empty() {
            let _ = writeln!(s, "files with problems: {}", self.problems.len());
            for (file, what) in &self.problems {
                let _ = writeln!(s, "  {file}: {what}");
            }
        }
        let _ = writeln!(s, "broken references: {}", self.broken.len());
        for b in &self.broken {
            let _ = writeln!(s, "  {}:{}: {}", b.file, b.line, b.what);
        }
        s
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
}
