//! Architecture review: what an SAA-C03 examiner would say is wrong with a diagram.
//!
//! A table of [`Rule`]s ([`rules`]), each with a stable kebab-case id, a severity, the exam
//! domain it belongs to, the catalog services it concerns, the AWS documentation page it rests
//! on and a one-paragraph explanation in English and French. [`review`] runs every rule over a
//! [`Diagram`] and returns the [`Finding`]s, in a deterministic order (rule table order, then
//! node ids); [`open_findings`] leaves out the ones the author accepted (saved in the diagram,
//! [`Diagram::accepted`]); [`plant`] puts a violation of a rule into a correct diagram, for
//! the Quiz room's "what is wrong with this architecture?" drills.
//!
//! The rules read the diagram as a student draws it: a node's service comes from its icon
//! through the service catalog (never from its label), where it sits from the groups around
//! it (parents, and any group box whose rect contains its centre), and what talks to what
//! from the arrows. Labels only refine what an icon cannot say ("Standby", "internal",
//! "Multi-AZ", "DR"). Every rule is conservative: when a diagram does not say enough (no
//! Availability Zones drawn, an arrow without a head), it stays silent rather than guess.
//!
//! Pure and egui-free; the Diagram room's *Review* panel and the drills call it.

mod facts;
mod plant;
mod rules;
#[cfg(test)]
mod tests;

use std::fmt;

use serde::{Deserialize, Serialize};

use super::model::{AcceptedFinding, Diagram, NodeId};
use crate::i18n::Lang;
use crate::quiz::Domain;
use facts::Facts;

/// How much a finding matters in exam terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Severity {
    /// The design is broken, insecure or has a single point of failure the exam expects
    /// you to remove.
    High,
    /// It works, but a requirement the exam often states (availability, cost, latency) is
    /// not met the AWS way.
    Medium,
    /// A best practice or a drawing that misleads about where a service lives.
    Low,
}

impl Severity {
    /// Every severity, most severe first.
    pub const ALL: [Severity; 3] = [Severity::High, Severity::Medium, Severity::Low];
}

/// What a rule's check returns: the node sets of its findings.
type Check = fn(&Facts<'_>) -> Vec<Vec<NodeId>>;
/// What a rule's planter returns: the diagram with a violation, if it could make one.
type Planter = fn(&Facts<'_>) -> Option<Diagram>;

/// One review rule.
pub struct Rule {
    /// Stable, kebab-case id (`"db-in-public-subnet"`), stored in accepted findings.
    pub id: &'static str,
    /// How much it matters.
    pub severity: Severity,
    /// The SAA-C03 exam domain it belongs to.
    pub domain: Domain,
    /// Service-catalog keys of the services it concerns (links to notes, questions, tiers).
    pub services: &'static [&'static str],
    /// The AWS documentation page the rule rests on.
    pub doc_url: &'static str,
    /// Short title, English.
    pub title_en: &'static str,
    /// Short title, French.
    pub title_fr: &'static str,
    /// One paragraph: why it is wrong and what the exam expects instead, English.
    pub explanation_en: &'static str,
    /// The same paragraph in French.
    pub explanation_fr: &'static str,
    check: Check,
    plant: Option<Planter>,
}

impl Rule {
    /// The title in `lang`.
    pub fn title(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => self.title_fr,
            Lang::En => self.title_en,
        }
    }

    /// The explanation in `lang`.
    pub fn explanation(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => self.explanation_fr,
            Lang::En => self.explanation_en,
        }
    }

    /// Whether [`plant`] can put a violation of this rule into some diagrams.
    pub fn plantable(&self) -> bool {
        self.plant.is_some()
    }
}

impl fmt::Debug for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rule")
            .field("id", &self.id)
            .field("severity", &self.severity)
            .field("domain", &self.domain)
            .finish_non_exhaustive()
    }
}

/// A rule that fires on some nodes of a diagram.
#[derive(Clone, Debug)]
pub struct Finding {
    /// The rule.
    pub rule: &'static Rule,
    /// The nodes it concerns, sorted (clicking the finding selects them).
    pub nodes: Vec<NodeId>,
}

impl PartialEq for Finding {
    fn eq(&self, other: &Self) -> bool {
        self.rule.id == other.rule.id && self.nodes == other.nodes
    }
}

impl Eq for Finding {}

impl Finding {
    /// The acceptance of this finding saved in `d`, if any.
    pub fn accepted_in<'d>(&self, d: &'d Diagram) -> Option<&'d AcceptedFinding> {
        d.accepted
            .iter()
            .find(|a| a.matches(self.rule.id, &self.nodes))
    }

    /// This finding accepted for `reason`, as saved in a diagram.
    pub fn to_accepted(&self, reason: &str) -> AcceptedFinding {
        AcceptedFinding {
            rule: self.rule.id.to_owned(),
            nodes: self.nodes.clone(),
            reason: reason.to_owned(),
        }
    }
}

/// Every rule, in table order (the order findings are listed in).
pub fn rules() -> &'static [Rule] {
    &rules::RULES
}

/// The rule with this id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    rules().iter().find(|r| r.id == id)
}

/// Runs every rule over `d`: the findings in rule table order, then by node ids. Accepted
/// findings are included ([`open_findings`] leaves them out).
pub fn review(d: &Diagram) -> Vec<Finding> {
    let facts = Facts::new(d);
    findings(&facts)
}

fn findings(facts: &Facts<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for rule in rules() {
        let mut sets: Vec<Vec<NodeId>> = (rule.check)(facts)
            .into_iter()
            .map(|mut nodes| {
                nodes.sort_unstable();
                nodes.dedup();
                nodes
            })
            .filter(|nodes| !nodes.is_empty())
            .collect();
        sets.sort();
        sets.dedup();
        out.extend(sets.into_iter().map(|nodes| Finding { rule, nodes }));
    }
    out
}

/// [`review`] without the findings accepted in the diagram.
pub fn open_findings(d: &Diagram) -> Vec<Finding> {
    review(d)
        .into_iter()
        .filter(|f| f.accepted_in(d).is_none())
        .collect()
}

/// An accepted finding as the Review panel lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct AcceptedItem {
    /// The finding (its rule and nodes).
    pub finding: Finding,
    /// Why it was accepted.
    pub reason: String,
    /// Whether the diagram still has it (false once the design was fixed, or for a rule
    /// that no longer fires there).
    pub still_found: bool,
}

/// A whole review, split as the panel shows it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    /// Findings not accepted, in [`review`] order.
    pub open: Vec<Finding>,
    /// Accepted findings, in the order they were accepted (acceptances of rules this build
    /// does not know are left out).
    pub accepted: Vec<AcceptedItem>,
}

/// Reviews `d` and splits the findings into open and accepted ones.
pub fn report(d: &Diagram) -> Report {
    let all = review(d);
    let open = all
        .iter()
        .filter(|f| f.accepted_in(d).is_none())
        .cloned()
        .collect();
    let accepted = d
        .accepted
        .iter()
        .filter_map(|a| {
            let rule = rule(&a.rule)?;
            let mut nodes = a.nodes.clone();
            nodes.sort_unstable();
            let finding = Finding { rule, nodes };
            let still_found = all.contains(&finding);
            Some(AcceptedItem {
                finding,
                reason: a.reason.clone(),
                still_found,
            })
        })
        .collect();
    Report { open, accepted }
}

/// Plants a violation of `rule` into a correct diagram (moves the RDS node into a public
/// subnet, deletes the second NAT gateway…), or `None` when this rule cannot be planted into
/// that diagram. When it returns a diagram, [`review`] reports `rule` on it.
pub fn plant(rule: &Rule, d: &Diagram) -> Option<Diagram> {
    let planter = rule.plant?;
    let facts = Facts::new(d);
    let mut planted = planter(&facts)?;
    planted.normalize();
    review(&planted)
        .iter()
        .any(|f| f.rule.id == rule.id)
        .then_some(planted)
}
