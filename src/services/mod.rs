//! The AWS service catalog: the one place that answers "which service is this?".
//!
//! Every AWS service or exam-relevant feature a SAA-C03 student meets has one entry
//! ([`Service`]): a stable key (`"s3"`), its official name, the short name people write
//! ("Amazon S3"), aliases and abbreviations in English and French (TGW, NACL, "passerelle
//! NAT"…), its bundled icon, its category, whether the SAA-C03 exam guide lists it in or
//! out of scope, and a **default exam-frequency tier with a one-line reason**. The curated
//! entries are read from `assets/services.ron` (its header says how the tiers were chosen);
//! every other service icon of the bundled set becomes an uncurated entry, so a note about
//! any AWS service still gets its icon, with the lowest tier and a reason that says why.
//!
//! Note headings, note and folder names, image names, quiz questions and diagram nodes are
//! all resolved here ([`Catalog::identify`], [`Catalog::by_icon`], [`Catalog::by_key`]),
//! so a tier, an icon or a note link found in one room shows in the others. Pure, no egui.

pub mod names;

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use serde::Deserialize;

use crate::frequency::Tier;
use crate::icons::{self, IconId, IconKind};
use crate::text::{fold, fuzzy_rank};
use names::{
    clean_file_name, clean_heading, key_tokens, key_words, split_parentheses, split_parts,
    strip_vendor,
};

/// The catalog data compiled into the binary.
const BUNDLED: &str = include_str!("../../assets/services.ron");

/// Identifier of a catalog entry: its index in [`Catalog::services`]. Only valid for the
/// catalog that issued it; [`Service::key`] is the stable name to store.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct ServiceId(pub u16);

/// What the SAA-C03 exam guide says about an entry.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Deserialize)]
pub enum Scope {
    /// Named in the guide's in-scope list.
    InScope,
    /// Named in the guide's out-of-scope list.
    OutOfScope,
    /// A feature or component of a service (NAT gateway, security group, S3 Glacier Deep
    /// Archive); [`Service::part_of`] is the service.
    Feature,
    /// A real AWS service that neither list names.
    Unlisted,
}

/// One service or feature.
#[derive(Clone, Debug)]
pub struct Service {
    /// Its id in this catalog.
    pub id: ServiceId,
    /// Stable key (`"s3"`, `"nat-gateway"`; `"icon:AmazonBraket"` for uncurated entries).
    pub key: String,
    /// Official name ("Amazon Simple Storage Service").
    pub name: String,
    /// The short name people write and the UI shows ("Amazon S3").
    pub short: String,
    /// Other English names and abbreviations ("S3", "Simple Storage Service").
    pub aliases: Vec<String>,
    /// French names ("passerelle NAT").
    pub aliases_fr: Vec<String>,
    /// Its bundled icon.
    pub icon: Option<IconId>,
    /// Exam-guide category ("Storage", "Networking and Content Delivery").
    pub category: String,
    /// In or out of the exam guide's scope.
    pub scope: Scope,
    /// The service a [`Scope::Feature`] belongs to.
    pub part_of: Option<ServiceId>,
    /// Default exam-frequency tier.
    pub tier: Tier,
    /// Why that tier, in one line.
    pub reason: String,
    /// True for entries of `assets/services.ron`, false for the ones made from icons.
    pub curated: bool,
}

/// The data file as written.
#[derive(Deserialize)]
struct DataFile {
    version: u32,
    guide: String,
    services: Vec<RawService>,
}

#[derive(Deserialize)]
struct RawService {
    id: String,
    name: String,
    short: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    aliases_fr: Vec<String>,
    icon: Option<String>,
    category: String,
    scope: Scope,
    #[serde(default)]
    part_of: Option<String>,
    tier: Tier,
    reason: String,
}

/// What is wrong with a catalog data file.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    /// Not valid RON for the expected shape.
    #[error("services data: {0}")]
    Parse(String),
    /// Valid RON, inconsistent content (duplicate key, unknown icon...).
    #[error("services data: entry {key}: {problem}")]
    Entry {
        /// The entry's key.
        key: String,
        /// What is wrong.
        problem: String,
    },
}

/// Single-word names that are ordinary words: matched only when a heading or file name is
/// exactly that word, never inside longer prose ("Backup strategy", "Batch size").
const ORDINARY_WORDS: &[&str] = &[
    "activate",
    "amplify",
    "artifact",
    "backup",
    "batch",
    "budget",
    "chatbot",
    "comprehend",
    "config",
    "connect",
    "detective",
    "forecast",
    "glue",
    "inspector",
    "lex",
    "organization",
    "outpost",
    "personalize",
    "pinpoint",
    "q",
    "iq",
    "shield",
    "support",
    "transform",
    "translate",
    "transcribe",
    "marketplace",
    "snapshot",
    "lifecycle",
    "replication",
    "role",
    "route",
    "registry",
    "trail",
    "firewall",
    "storage",
    "gateway",
    "endpoint",
    "instance",
    "image",
    "queue",
    "topic",
    "table",
    "cluster",
    "function",
    "bucket",
    "volume",
    "policy",
    "user",
    "group",
    "account",
    "certificate",
    "directory",
    "key",
    "secret",
    "monitor",
    "flow",
    "log",
    "stream",
    "cache",
    "elastic",
    "cloud",
    "managed",
    "service",
    "quick",
    "health",
    "billing",
    "region",
    "cli",
    "zone",
    "console",
    "network",
    "security",
];

/// Uncurated entries get this tier: the guide does not name them.
const UNCURATED_TIER: Tier = Tier::MoinsFrequent;

/// Names → entry, hashed with FNV-1a: every heading of a vault is looked up in these a few
/// times (its keys spaced and compact, with and without the vendor), and the keys are
/// short; the default `SipHash`, made to resist chosen keys, cost more than the lookups'
/// other work. The keys are the bundled catalog's, not the user's.
type NameMap = HashMap<String, ServiceId, FnvBuild>;

/// Hashes with [`Fnv1a`].
type FnvBuild = std::hash::BuildHasherDefault<Fnv1a>;

/// What a lookup key names: as a curated name, as a curated alias, as an uncurated
/// entry's name or alias (the order they are tried in).
type KeyEntry = [Option<ServiceId>; 3];

/// The 64-bit FNV-1a hash.
struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv1a {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// The catalog: curated entries first, then one uncurated entry per remaining service
/// icon, with precomputed lookup tables.
#[derive(Debug)]
pub struct Catalog {
    services: Vec<Service>,
    guide: String,
    by_key: HashMap<String, ServiceId>,
    /// Lookup keys → the entry they name, in one map so that a text's keys are each hashed
    /// once: normalised official and short names (spaced and compact, with and without
    /// the Amazon/AWS prefix), then normalised aliases (English and French), then names
    /// and aliases of uncurated entries, tried last so they never shadow a curated alias
    /// ("Amazon Kinesis" is an alias of Kinesis Data Streams and an icon's name).
    keys: HashMap<String, KeyEntry, FnvBuild>,
    /// Token sequences that may be found inside longer prose, with their entry, sorted.
    contained: Vec<(Vec<String>, ServiceId)>,
    /// First token → where the sequences starting with it are in `contained`.
    contained_runs: HashMap<String, (usize, usize), FnvBuild>,
    by_icon: HashMap<IconId, ServiceId>,
    /// Folded search strings per entry (short name first).
    search_keys: Vec<Vec<String>>,
}

impl Catalog {
    /// The catalog compiled into the binary, built on first use. The bundled data is
    /// checked by the test suite; should it ever fail to load, the catalog still holds
    /// the uncurated entries made from the icons.
    #[must_use]
    pub fn bundled() -> &'static Catalog {
        static CATALOG: OnceLock<Catalog> = OnceLock::new();
        CATALOG.get_or_init(|| {
            Catalog::from_data(BUNDLED, icons::Catalog::bundled()).unwrap_or_else(|e| {
                log::error!("{e}");
                Catalog::from_raw(&[], String::new(), icons::Catalog::bundled())
            })
        })
    }

    /// Builds a catalog from RON data (the format of `assets/services.ron`) over an icon
    /// catalog.
    ///
    /// # Errors
    /// [`CatalogError`] when the data does not parse, or an entry has a duplicate key,
    /// name or alias, an unknown icon path or an unknown `part_of`.
    pub fn from_data(data: &str, icons: &icons::Catalog) -> Result<Catalog, CatalogError> {
        let file: DataFile = ron::from_str(data).map_err(|e| CatalogError::Parse(e.to_string()))?;
        if file.version != 1 {
            return Err(CatalogError::Parse(format!(
                "version {} is not supported",
                file.version
            )));
        }
        validate(&file.services, icons)?;
        Ok(Catalog::from_raw(&file.services, file.guide, icons))
    }

    fn from_raw(raw: &[RawService], guide: String, icons: &icons::Catalog) -> Catalog {
        let mut services: Vec<Service> = Vec::with_capacity(raw.len() + 200);
        let mut by_key = HashMap::new();
        for r in raw {
            let Ok(n) = u16::try_from(services.len()) else {
                break;
            };
            by_key.insert(r.id.clone(), ServiceId(n));
            services.push(Service {
                id: ServiceId(n),
                key: r.id.clone(),
                name: r.name.clone(),
                short: r.short.clone(),
                aliases: r.aliases.clone(),
                aliases_fr: r.aliases_fr.clone(),
                icon: r.icon.as_deref().and_then(|p| icons.by_path(p)),
                category: r.category.clone(),
                scope: r.scope,
                part_of: None,
                tier: r.tier,
                reason: r.reason.clone(),
                curated: true,
            });
        }
        for (s, r) in services.iter_mut().zip(raw) {
            s.part_of = r.part_of.as_ref().and_then(|k| by_key.get(k)).copied();
        }
        // Service icons no curated entry uses become uncurated entries.
        let claimed: HashSet<IconId> = services.iter().filter_map(|s| s.icon).collect();
        for icon in icons.icons() {
            if icon.kind != IconKind::Service
                || claimed.contains(&icon.id)
                || icon.display_name.ends_with("(Dark)")
            {
                continue;
            }
            let Ok(n) = u16::try_from(services.len()) else {
                break;
            };
            let stem = icon
                .path
                .rsplit('/')
                .next()
                .unwrap_or(icon.path)
                .trim_end_matches(".svg");
            let key = format!("icon:{stem}");
            if by_key.contains_key(&key) {
                continue;
            }
            by_key.insert(key.clone(), ServiceId(n));
            services.push(Service {
                id: ServiceId(n),
                key,
                name: icon.display_name.clone(),
                short: icon.display_name.clone(),
                aliases: icon.short_names.clone(),
                aliases_fr: Vec::new(),
                icon: Some(icon.id),
                category: icon.category.clone().unwrap_or_else(|| "Other".to_owned()),
                scope: Scope::Unlisted,
                part_of: None,
                tier: UNCURATED_TIER,
                reason:
                    "Not in the SAA-C03 exam guide's lists of services: rarely, if ever, asked."
                        .to_owned(),
                curated: false,
            });
        }
        let mut catalog = Catalog {
            services,
            guide,
            by_key,
            keys: HashMap::default(),
            contained: Vec::new(),
            contained_runs: HashMap::default(),
            by_icon: HashMap::new(),
            search_keys: Vec::new(),
        };
        catalog.index(icons);
        catalog
    }

    fn index(&mut self, icons: &icons::Catalog) {
        let mut names = NameMap::default();
        let mut aliases = NameMap::default();
        let mut fallback = NameMap::default();
        let mut contained = Vec::new();
        // Curated entries come first, so they claim shared names and icons.
        for s in &self.services {
            for name in [&s.name, &s.short] {
                let map = if s.curated { &mut names } else { &mut fallback };
                for key in name_keys(name) {
                    map.entry(key).or_insert(s.id);
                }
                push_contained(&mut contained, name, s.id);
            }
            for alias in s.aliases.iter().chain(&s.aliases_fr) {
                let map = if s.curated {
                    &mut aliases
                } else {
                    &mut fallback
                };
                for key in name_keys(alias) {
                    map.entry(key).or_insert(s.id);
                }
                push_contained(&mut contained, alias, s.id);
            }
            // A category icon drawn for a service without its own icon stands for the
            // category, not for that service.
            let own_icon = s
                .icon
                .filter(|i| icons.get(*i).is_some_and(|i| i.kind != IconKind::Category));
            if let Some(icon) = own_icon {
                // A feature shares its parent's icon: the parent keeps the icon.
                let entry = self.by_icon.entry(icon).or_insert(s.id);
                if self.services[usize::from(entry.0)].scope == Scope::Feature
                    && s.scope != Scope::Feature
                {
                    *entry = s.id;
                }
            }
        }
        contained.sort();
        contained.dedup_by(|a, b| a.0 == b.0);
        // A curated name wins over an uncurated one for prose containment too.
        let curated: HashSet<Vec<String>> = contained
            .iter()
            .filter(|(_, id)| self.services[usize::from(id.0)].curated)
            .map(|(t, _)| t.clone())
            .collect();
        contained
            .retain(|(t, id)| self.services[usize::from(id.0)].curated || !curated.contains(t));
        self.keys = HashMap::default();
        for (level, map) in [names, aliases, fallback].into_iter().enumerate() {
            for (key, id) in map {
                self.keys.entry(key).or_default()[level] = Some(id);
            }
        }
        self.contained_runs = HashMap::default();
        for (i, (needle, _)) in contained.iter().enumerate() {
            if let Some(first) = needle.first() {
                let run = self.contained_runs.entry(first.clone()).or_insert((i, i));
                run.1 = i + 1;
            }
        }
        self.contained = contained;
        self.search_keys = self
            .services
            .iter()
            .map(|s| {
                std::iter::once(&s.short)
                    .chain(std::iter::once(&s.name))
                    .chain(&s.aliases)
                    .chain(&s.aliases_fr)
                    .map(|n| fold(n))
                    .collect()
            })
            .collect();
    }

    /// Every entry, indexed by [`ServiceId`].
    #[must_use]
    pub fn services(&self) -> &[Service] {
        &self.services
    }

    /// The exam guide the curated tiers rest on (`guide:` of the data file).
    #[must_use]
    pub fn guide(&self) -> &str {
        &self.guide
    }

    /// The entry with this id.
    #[must_use]
    pub fn get(&self, id: ServiceId) -> Option<&Service> {
        self.services.get(usize::from(id.0))
    }

    /// The entry with this stable key (`"s3"`).
    #[must_use]
    pub fn by_key(&self, key: &str) -> Option<ServiceId> {
        self.by_key.get(key).copied()
    }

    /// The service an icon stands for (a feature's icon names its parent service).
    #[must_use]
    pub fn by_icon(&self, icon: IconId) -> Option<ServiceId> {
        self.by_icon.get(&icon).copied()
    }

    /// The icon of an entry, else of the service it is part of.
    #[must_use]
    pub fn icon(&self, id: ServiceId) -> Option<IconId> {
        let s = self.get(id)?;
        s.icon
            .or_else(|| s.part_of.and_then(|p| self.get(p)).and_then(|p| p.icon))
    }

    /// The short name of an entry ("Amazon S3"), or `""` for an unknown id.
    #[must_use]
    pub fn short_name(&self, id: ServiceId) -> &str {
        self.get(id).map_or("", |s| s.short.as_str())
    }

    /// The default tier of an entry.
    #[must_use]
    pub fn default_tier(&self, id: ServiceId) -> Option<Tier> {
        self.get(id).map(|s| s.tier)
    }

    /// The service a name written by a person stands for: an official or short name,
    /// an alias or abbreviation in English or French, with or without the Amazon/AWS
    /// prefix, in any case, singular or plural.
    #[must_use]
    pub fn by_name(&self, name: &str) -> Option<ServiceId> {
        self.exact(name)
    }

    /// Identifies the service a heading (or any short prose) names.
    ///
    /// Markdown markers, emoji and leading section numbers (`1.4.`, `XII.`) are ignored.
    /// Tried in order: the whole text, the text without parentheses, each part of
    /// `A / B`, `A & B`, `A vs B`, `A - B`, `A: B` (first part that names one wins), the
    /// parenthesised text, then a name contained as whole words: in texts of at most four
    /// words anywhere, in longer ones only when named first or when it is the only
    /// service named. Generic headings ("Important features", "Exam Tips") give `None`.
    #[must_use]
    pub fn identify(&self, prose: &str) -> Option<ServiceId> {
        let cleaned = clean_heading(prose);
        if cleaned.is_empty() {
            return None;
        }
        // Each text is folded and split into tokens once, for its exact lookup and its
        // containment; the tokens are borrowed from the folded text.
        let folded = fold(&cleaned);
        let toks: Vec<&str> = key_words(&folded).collect();
        if let Some(id) = self.exact_tokens(&toks) {
            return Some(id);
        }
        let (outside, inside) = split_parentheses(&cleaned);
        let folded_outside: String;
        let outside_toks = if outside == cleaned {
            toks
        } else {
            folded_outside = fold(&outside);
            let toks: Vec<&str> = key_words(&folded_outside).collect();
            if let Some(id) = self.exact_tokens(&toks) {
                return Some(id);
            }
            toks
        };
        // Most headings have no separator: they are one part, not split (nor folded again).
        if may_have_parts(&outside)
            && let parts = split_parts(&outside)
            && parts.len() > 1
            && let Some(id) = parts
                .iter()
                .filter(|part| names::compact_key(part).len() >= 2)
                .find_map(|part| self.exact(part))
        {
            return Some(id);
        }
        if let Some(id) = inside.iter().find_map(|part| self.exact(part)) {
            return Some(id);
        }
        self.contained_tokens(&outside_toks)
            .or_else(|| inside.iter().find_map(|part| self.contained_name(part)))
    }

    /// Every service named as whole words in a longer prose text (a question, an answer
    /// option), in the order they first appear. A name inside a longer one found at the
    /// same place is not another service ("S3" in "S3 Glacier"); ordinary words
    /// ("Backup", "Shield") alone never count, as for [`Catalog::identify`].
    #[must_use]
    pub fn mentioned(&self, prose: &str) -> Vec<ServiceId> {
        let toks = key_tokens(prose);
        // (start, end, id) of every occurrence of every name.
        let mut spans: Vec<(usize, usize, ServiceId)> = Vec::new();
        for (needle, id) in &self.contained {
            if needle.is_empty() || needle.len() > toks.len() {
                continue;
            }
            for (start, window) in toks.windows(needle.len()).enumerate() {
                if window == needle.as_slice() {
                    spans.push((start, start + needle.len(), *id));
                }
            }
        }
        // Longest first; a span overlapping a kept one is part of a longer name.
        spans.sort_by(|a, b| (b.1 - b.0).cmp(&(a.1 - a.0)).then(a.0.cmp(&b.0)));
        let mut kept: Vec<(usize, usize, ServiceId)> = Vec::new();
        for span in spans {
            if kept.iter().all(|k| span.1 <= k.0 || span.0 >= k.1) {
                kept.push(span);
            }
        }
        kept.sort_by_key(|k| k.0);
        let mut ids: Vec<ServiceId> = Vec::new();
        for (_, _, id) in kept {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        ids
    }

    /// The icon of the service a prose name identifies ([`Catalog::identify`]).
    #[must_use]
    pub fn icon_of(&self, prose: &str) -> Option<IconId> {
        self.identify(prose).and_then(|id| self.icon(id))
    }

    /// Identifies the service a note or folder name stands for (`amazon-ec2.md`,
    /// `XII. Relational Database Service (RDS)`, `Lambda`).
    #[must_use]
    pub fn identify_file_name(&self, name: &str) -> Option<ServiceId> {
        self.identify(&clean_file_name(name))
    }

    /// Identifies the service a folder stands for, like [`Catalog::identify_file_name`],
    /// except that a folder named by one ordinary word (`configs`, `backup`, `images`)
    /// names no service: folders group files, and such a name is rarely about the service.
    #[must_use]
    pub fn identify_folder(&self, name: &str) -> Option<ServiceId> {
        let cleaned = clean_file_name(name);
        let toks = key_tokens(&cleaned);
        if toks.len() == 1 && ORDINARY_WORDS.contains(&toks[0].as_str()) {
            return None;
        }
        self.identify(&cleaned)
    }

    /// The service an image stands for: a bundled AWS icon reference
    /// (`Arch_AWS-Lambda_48.svg`, `Res_Amazon-VPC_NAT-Gateway_48.png`), or a vault image
    /// whose whole name is a service name (`Lambda.png`, `amazon-s3.svg`); never a name
    /// that merely contains one (`lambda-console-screenshot.png`).
    #[must_use]
    pub fn by_image(&self, reference: &str, icons: &icons::Catalog) -> Option<ServiceId> {
        self.by_image_icon(reference, icons.by_file_name(reference), icons)
    }

    /// [`Catalog::by_image`] of a reference whose icon (`icons.by_file_name(reference)`)
    /// is already known, so the name is not looked up twice.
    #[must_use]
    pub fn by_image_icon(
        &self,
        reference: &str,
        icon: Option<IconId>,
        icons: &icons::Catalog,
    ) -> Option<ServiceId> {
        if let Some(icon) = icon {
            return self.by_icon(icon).or_else(|| {
                // A resource icon (`Res_Amazon-EC2_Instance`) names its service first; a
                // category or group icon names no service.
                let icon = icons.get(icon).filter(|i| i.kind == IconKind::Resource)?;
                let service = icon.display_name.split(':').next()?;
                self.exact(service)
            });
        }
        self.exact(&clean_file_name(reference))
    }

    /// Fuzzy search over short names, official names and aliases (accent- and
    /// case-insensitive), best first, curated entries before uncurated ones on equal
    /// scores. An empty query returns nothing.
    #[must_use]
    pub fn search(&self, query: &str, limit: usize) -> Vec<ServiceId> {
        let candidates = self
            .services
            .iter()
            .zip(&self.search_keys)
            .map(|(s, keys)| (keys.as_slice(), (!s.curated, s.short.len()), s.id));
        fuzzy_rank(query, candidates, limit)
    }

    /// Exact normalised name, then alias, of a whole text.
    fn exact(&self, text: &str) -> Option<ServiceId> {
        let folded = fold(text);
        self.exact_tokens(&key_words(&folded).collect::<Vec<_>>())
    }

    /// [`Catalog::exact`] of a text split into its [`key_tokens`].
    fn exact_tokens(&self, toks: &[&str]) -> Option<ServiceId> {
        if toks.is_empty() {
            return None;
        }
        // Written once into one string (every heading comes here, most to find nothing).
        let mut all = String::new();
        let ends = write_keys(toks, &mut all);
        let mut entries = key_slices(&all, &ends).map(|k| self.keys.get(k));
        let entries: [Option<&KeyEntry>; 4] = std::array::from_fn(|_| entries.next().flatten());
        // A curated name in any of the keys first, then an alias, then an uncurated name.
        (0..3).find_map(|level| entries.iter().flatten().find_map(|e| e[level]))
    }

    /// The longest name or alias contained as whole words in `text` (see
    /// [`Catalog::identify`] for when containment counts).
    fn contained_name(&self, text: &str) -> Option<ServiceId> {
        let folded = fold(text);
        self.contained_tokens(&key_words(&folded).collect::<Vec<_>>())
    }

    /// [`Catalog::contained_name`] of a text split into its [`key_tokens`].
    fn contained_tokens(&self, toks: &[&str]) -> Option<ServiceId> {
        if toks.is_empty() {
            return None;
        }
        // (name length in chars, position, id) of every service named. `contained` is
        // sorted, so the names starting with a token of the text are one run each: only
        // those are tried, not the whole catalog.
        let mut found: Vec<(usize, usize, ServiceId)> = Vec::new();
        let mut firsts: Vec<&str> = toks.to_vec();
        firsts.sort_unstable();
        firsts.dedup();
        let candidates = firsts.into_iter().flat_map(|tok| {
            let (lo, hi) = self.contained_runs.get(tok).copied().unwrap_or((0, 0));
            self.contained.get(lo..hi).unwrap_or_default().iter()
        });
        for (needle, id) in candidates {
            if needle.is_empty() || needle.len() > toks.len() {
                continue;
            }
            if let Some(pos) = toks
                .windows(needle.len())
                .position(|w| w == needle.as_slice())
            {
                let len: usize = needle.iter().map(String::len).sum();
                found.push((len, pos, *id));
            }
        }
        // A name inside a longer one found too ("S3" in "S3 Glacier") is not another service.
        let best = found
            .iter()
            .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(b.2.cmp(&a.2)))
            .copied()?;
        let short = toks.len() <= 4;
        let alone = || !found.iter().any(|f| !self.is_same_family(f.2, best.2));
        (short || best.1 == 0 || alone()).then_some(best.2)
    }

    /// Whether two entries are the same service or a service and its feature.
    fn is_same_family(&self, a: ServiceId, b: ServiceId) -> bool {
        let root = |id: ServiceId| self.get(id).and_then(|s| s.part_of).unwrap_or(id);
        a == b || root(a) == root(b)
    }
}

/// Whether [`split_parts`] may find more than one part in `text`: it holds a separator, or
/// is not ASCII (folding could make one). Read without folding the text.
fn may_have_parts(text: &str) -> bool {
    let b = text.as_bytes();
    !text.is_ascii()
        || text.contains(['/', '&', '+', ',', '|', ';', '-', ':'])
        || b.windows(2)
            .any(|w| w[0] == b' ' && w[1].eq_ignore_ascii_case(&b'v'))
}

/// Lookup keys of a name: its [`key_tokens`] spaced and compact, with and without the
/// Amazon/AWS prefix.
fn name_keys(name: &str) -> Vec<String> {
    keys_of(&key_tokens(name))
}

/// [`name_keys`] of a name split into its [`key_tokens`].
fn keys_of(toks: &[String]) -> Vec<String> {
    if toks.is_empty() {
        return Vec::new();
    }
    let mut all = String::new();
    let ends = write_keys(toks, &mut all);
    let mut keys: Vec<String> = key_slices(&all, &ends).map(str::to_owned).collect();
    keys.dedup();
    keys
}

/// Writes the four lookup keys of `toks` one after another into `all`: spaced, compact,
/// then both without the Amazon/AWS prefix; returns where each ends ([`key_slices`]).
fn write_keys<S: AsRef<str>>(toks: &[S], all: &mut String) -> [usize; 4] {
    let stripped = strip_vendor(toks);
    all.reserve(4 * toks.iter().map(|t| t.as_ref().len() + 1).sum::<usize>());
    let mut ends = [0usize; 4];
    for (end, (words, sep)) in
        ends.iter_mut()
            .zip([(toks, " "), (toks, ""), (stripped, " "), (stripped, "")])
    {
        for (j, word) in words.iter().enumerate() {
            if j > 0 {
                all.push_str(sep);
            }
            all.push_str(word.as_ref());
        }
        *end = all.len();
    }
    ends
}

/// The keys [`write_keys`] wrote into `all`, in order.
fn key_slices<'a>(all: &'a str, ends: &'a [usize; 4]) -> impl Iterator<Item = &'a str> + Clone {
    (0..4).map(move |i| &all[if i == 0 { 0 } else { ends[i - 1] }..ends[i]])
}

/// Adds a name to the names searched inside longer prose, unless it is an ordinary word.
fn push_contained(contained: &mut Vec<(Vec<String>, ServiceId)>, name: &str, id: ServiceId) {
    let toks = key_tokens(name);
    // The compact form too, as people write it in one word ("route53", "CloudFront").
    let compact = (toks.len() > 1).then(|| vec![toks.concat()]);
    for t in [toks.clone(), strip_vendor(&toks).to_vec()]
        .into_iter()
        .chain(compact)
    {
        let ordinary = t.len() == 1 && ORDINARY_WORDS.contains(&t[0].as_str());
        let too_short = t.len() == 1 && t[0].len() < 2;
        if !t.is_empty() && !ordinary && !too_short {
            contained.push((t, id));
        }
    }
}

/// Checks the curated entries: unique keys, names and aliases; known icons and parents.
fn validate(raw: &[RawService], icons: &icons::Catalog) -> Result<(), CatalogError> {
    let bad = |key: &str, problem: String| CatalogError::Entry {
        key: key.to_owned(),
        problem,
    };
    let keys: HashSet<&str> = raw.iter().map(|r| r.id.as_str()).collect();
    if keys.len() != raw.len() {
        let mut seen = HashSet::new();
        let dup = raw.iter().find(|r| !seen.insert(r.id.as_str()));
        return Err(bad(
            dup.map_or("?", |r| r.id.as_str()),
            "duplicate id".into(),
        ));
    }
    let mut owner: HashMap<String, &str> = HashMap::new();
    for r in raw {
        if r.id.is_empty()
            || !r
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            return Err(bad(
                &r.id,
                "id must be lowercase ascii, digits and dashes".into(),
            ));
        }
        if let Some(path) = &r.icon
            && icons.by_path(path).is_none()
        {
            return Err(bad(&r.id, format!("no bundled icon {path}")));
        }
        match (&r.part_of, r.scope) {
            (Some(p), _) if !keys.contains(p.as_str()) => {
                return Err(bad(&r.id, format!("part_of {p} is not an entry")));
            }
            (None, Scope::Feature) => return Err(bad(&r.id, "a feature needs part_of".into())),
            _ => {}
        }
        if r.reason.trim().is_empty() {
            return Err(bad(&r.id, "no reason for its tier".into()));
        }
        let mut own = HashSet::new();
        for name in [&r.name, &r.short]
            .into_iter()
            .chain(&r.aliases)
            .chain(&r.aliases_fr)
        {
            let key = key_tokens(name).join(" ");
            if key.is_empty() {
                return Err(bad(&r.id, format!("empty name {name:?}")));
            }
            if !own.insert(key.clone()) {
                continue;
            }
            if let Some(other) = owner.insert(key, &r.id) {
                return Err(bad(&r.id, format!("name {name:?} is also {other}'s")));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap
mod tests;
