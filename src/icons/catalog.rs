//! The catalog itself: the icons and the lookup tables built once from the embedded
//! table (by file name, by AWS name, by path, by service name, fuzzy search).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::names::{
    camel_words, classify_file_name, compact_without_size, derived_names, split_extension,
    strip_size_suffix, titled_names,
};
use super::tables::SERVICE_CATEGORIES;
use super::{ICONS_TABLE, Icon, IconId, IconKind};
use crate::services::names::{compact_key, strip_vendor, tokens};
use crate::text::{fold, fuzzy_rank};

/// The icon catalog: all bundled icons plus precomputed lookup tables.
#[derive(Debug)]
pub struct Catalog {
    icons: Vec<Icon>,
    /// `"<kind>:<compact name>"` (kinds `arch`, `cat`, `res`, `stem`) → icon.
    file_index: HashMap<String, IconId>,
    /// Normalized service and category names (spaced and compact, with and without the
    /// Amazon/AWS prefix) → icon.
    name_index: HashMap<String, IconId>,
    /// Exact `aws_name` → icon: how diagrams and groups name their icons.
    aws_name_index: HashMap<String, IconId>,
    /// Folded search strings per icon (display name first).
    search_keys: Vec<Vec<String>>,
    /// Category display names, sorted.
    categories: Vec<String>,
}

impl Catalog {
    /// The catalog of the icons embedded in the binary, built on first use.
    #[must_use]
    pub fn bundled() -> &'static Catalog {
        static CATALOG: OnceLock<Catalog> = OnceLock::new();
        CATALOG.get_or_init(|| Catalog::from_table(ICONS_TABLE))
    }

    /// All icons, indexed by [`IconId`].
    #[must_use]
    pub fn icons(&self) -> &[Icon] {
        &self.icons
    }

    /// The icon with this id, if any.
    #[must_use]
    pub fn get(&self, id: IconId) -> Option<&Icon> {
        self.icons.get(usize::from(id.0))
    }

    /// The icon whose [`Icon::aws_name`] is exactly `name` (`Arch_AWS-Lambda_48`,
    /// `Region_32`): a hash lookup, cheap enough for every frame.
    #[must_use]
    pub fn by_aws_name(&self, name: &str) -> Option<&Icon> {
        self.aws_name_index.get(name).and_then(|id| self.get(*id))
    }

    /// The icon at this path of the bundled `icons/` folder
    /// (`"architecture-service/AWSLambda.svg"`).
    #[must_use]
    pub fn by_path(&self, path: &str) -> Option<IconId> {
        self.icons.iter().find(|i| i.path == path).map(|i| i.id)
    }

    /// Stable URI of an icon for egui's image loader: `bytes://aws-icons/<path>`.
    /// Unknown ids get a URI under `bytes://aws-icons/unknown/`.
    #[must_use]
    pub fn uri(&self, id: IconId) -> String {
        match self.get(id) {
            Some(icon) => format!("bytes://aws-icons/{}", icon.path),
            None => format!("bytes://aws-icons/unknown/{}", id.0),
        }
    }

    /// Resolves an image reference found in a note to an icon.
    ///
    /// Accepts official AWS names (`Arch_AWS-Lambda_48.svg`, `Arch-Category_Storage_64`,
    /// `Res_Amazon-EC2_Instance_48`, `Icon-Architecture/48/Arch_Amazon-EC2_48`) with any
    /// directories, any size suffix (`_16`/`_32`/`_48`/`_64`), with or without extension,
    /// tolerant to case, dashes, spaces and underscores; and bundled file stems
    /// (`AWSLambda`, `AWSLambda.svg`). Anything else (`screenshot.png`) gives `None`.
    #[must_use]
    pub fn by_file_name(&self, reference: &str) -> Option<IconId> {
        let name = reference
            .trim()
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or_default()
            .replace("%20", " ");
        let (stem, ext) = split_extension(&name);
        // An icon is an `Arch_`/`Res_` file, or an SVG named by its stem: a screenshot
        // (`Pasted image ….png`) is none, and is turned down before its key is built.
        let kind = match classify_file_name(stem) {
            (Some(kind), body) => (kind, body),
            (None, body) if ext.is_none_or(|e| e.eq_ignore_ascii_case("svg")) => ("stem", body),
            (None, _) => return None,
        };
        let compact = compact_without_size(kind.1);
        if compact.is_empty() {
            return None;
        }
        self.file_index
            .get(&format!("{}:{compact}", kind.0))
            .copied()
    }

    /// Fuzzy search over display names and aliases (accent- and case-insensitive), best
    /// first, at most `limit` results. Services rank before categories, resources and
    /// groups on equal scores. An empty query returns nothing.
    #[must_use]
    pub fn search(&self, query: &str, limit: usize) -> Vec<IconId> {
        let candidates = self
            .icons
            .iter()
            .zip(&self.search_keys)
            .map(|(icon, keys)| {
                (
                    keys.as_slice(),
                    (icon.kind.rank(), icon.display_name.len()),
                    icon.id,
                )
            });
        fuzzy_rank(query, candidates, limit)
    }

    /// Display names of the categories (of the category icons), sorted.
    #[must_use]
    pub fn categories(&self) -> Vec<&str> {
        self.categories.iter().map(String::as_str).collect()
    }

    /// The category icon of a category display name (or any name accepted by
    /// by its display or short name, e.g. `"Networking and Content Delivery"`).
    #[must_use]
    pub fn category_icon(&self, category: &str) -> Option<IconId> {
        self.exact_name(category)
            .filter(|id| self.get(*id).is_some_and(|i| i.kind == IconKind::Category))
    }

    /// Service icons of a category (display name or accepted category name), sorted by
    /// display name. Uncategorised services are in no category.
    #[must_use]
    pub fn icons_in_category(&self, category: &str) -> Vec<IconId> {
        let Some(cat) = self.category_icon(category).and_then(|id| self.get(id)) else {
            return Vec::new();
        };
        let mut ids: Vec<&Icon> = self
            .icons
            .iter()
            .filter(|i| i.kind == IconKind::Service)
            .filter(|i| i.category.as_deref() == Some(cat.display_name.as_str()))
            .collect();
        ids.sort_by_cached_key(|i| (fold(&i.display_name), i.id));
        ids.into_iter().map(|i| i.id).collect()
    }

    /// Exact normalized display or short name of a whole text (services and categories;
    /// aliases and prose belong to [`crate::services::Catalog`]).
    fn exact_name(&self, text: &str) -> Option<IconId> {
        let toks = tokens(text);
        if toks.is_empty() {
            return None;
        }
        let stripped = strip_vendor(&toks);
        let keys = [
            toks.join(" "),
            toks.concat(),
            stripped.join(" "),
            stripped.concat(),
        ];
        keys.iter().find_map(|k| self.name_index.get(k)).copied()
    }

    /// Builds the catalog from the generated table.
    fn from_table(
        table: &'static [(&'static str, &'static str, &'static str, &'static [u8])],
    ) -> Catalog {
        let service_stems: Vec<&str> = table
            .iter()
            .filter(|e| e.0 == "architecture-service")
            .map(|e| e.1)
            .collect();

        let paths = PATHS.get_or_init(|| build_paths(table));
        let mut icons = Vec::with_capacity(table.len());
        // Category path segment of each resource (parallel to `icons`).
        let mut resource_paths: Vec<Option<(&str, String)>> = Vec::with_capacity(table.len());
        for (index, &(folder, stem, title, svg)) in table.iter().enumerate() {
            let Ok(raw_id) = u16::try_from(index) else {
                break;
            };
            let path: &'static str = match paths.get(index) {
                Some(p) => p.as_str(),
                None => break,
            };
            let kind = match folder {
                "architecture-service" => IconKind::Service,
                "category" => IconKind::Category,
                "architecture-group" => IconKind::Group,
                _ => IconKind::Resource,
            };
            let title_name = title.rsplit('/').next().unwrap_or_default().trim();
            let derived = camel_words(stem);
            let (aws_name, display_name, res_info) = if title_name.is_empty() {
                derived_names(kind, stem, &derived, &service_stems)
            } else {
                titled_names(kind, title, title_name)
            };
            let mut short_names = Vec::new();
            if kind == IconKind::Service {
                let toks: Vec<&str> = display_name.split(' ').collect();
                if matches!(toks.first(), Some(&"AWS" | &"Amazon")) && toks.len() > 1 {
                    short_names.push(toks[1..].join(" "));
                }
            }
            let derived_name = derived.join(" ");
            if matches!(kind, IconKind::Service | IconKind::Category)
                && compact_key(&derived_name) != compact_key(&display_name)
            {
                short_names.push(derived_name);
            }
            icons.push(Icon {
                id: IconId(raw_id),
                kind,
                aws_name,
                display_name,
                short_names,
                category: None,
                path,
                svg,
            });
            resource_paths.push(res_info);
        }

        // A legacy <title> may duplicate the current name of another icon (the title of
        // AmazonSageMakerAI.svg says "Amazon SageMaker"): the file name then wins.
        let mut seen: HashMap<String, usize> = HashMap::new();
        for icon in icons.iter().filter(|i| i.kind == IconKind::Service) {
            *seen.entry(compact_key(&icon.display_name)).or_default() += 1;
        }
        for (icon, entry) in icons.iter_mut().zip(table) {
            let duplicated = seen
                .get(&compact_key(&icon.display_name))
                .is_some_and(|n| *n > 1);
            if icon.kind == IconKind::Service && duplicated && !entry.2.is_empty() {
                let derived = camel_words(entry.1).join(" ");
                if compact_key(&derived) != compact_key(&icon.display_name) {
                    let stripped = derived
                        .strip_prefix("Amazon ")
                        .or_else(|| derived.strip_prefix("AWS "))
                        .map(str::to_owned);
                    icon.short_names.clear();
                    icon.short_names.extend(stripped);
                    icon.display_name = derived;
                }
            }
        }

        let mut catalog = Catalog {
            icons,
            file_index: HashMap::new(),
            name_index: HashMap::new(),
            aws_name_index: HashMap::new(),
            search_keys: Vec::new(),
            categories: Vec::new(),
        };
        for icon in &catalog.icons {
            // A few icons share a name (light/dark variants): the first one wins.
            catalog
                .aws_name_index
                .entry(icon.aws_name.clone())
                .or_insert(icon.id);
        }
        catalog.index_files(table);
        catalog.index_names();
        catalog.assign_categories(&resource_paths);
        catalog.search_keys = catalog
            .icons
            .iter()
            .map(|icon| {
                std::iter::once(&icon.display_name)
                    .chain(&icon.short_names)
                    .map(|s| fold(s))
                    .collect()
            })
            .collect();
        catalog
    }

    fn index_files(&mut self, table: &[(&str, &str, &str, &[u8])]) {
        let mut index = HashMap::new();
        // Official names first, then file stems, so an official name always wins.
        for icon in &self.icons {
            let (kind, body) = classify_file_name(&icon.aws_name);
            let compact = compact_without_size(body);
            if compact.is_empty() {
                continue;
            }
            let kind = kind.unwrap_or("stem");
            index.entry(format!("{kind}:{compact}")).or_insert(icon.id);
        }
        for (icon, entry) in self.icons.iter().zip(table) {
            let compact = compact_key(entry.1);
            let kind = match icon.kind {
                IconKind::Service => "arch",
                IconKind::Category => "cat",
                IconKind::Resource => "res",
                IconKind::Group => "stem",
            };
            index.entry(format!("{kind}:{compact}")).or_insert(icon.id);
            index.entry(format!("stem:{compact}")).or_insert(icon.id);
        }
        self.file_index = index;
    }

    fn index_names(&mut self) {
        let mut names: HashMap<String, IconId> = HashMap::new();
        // Services before categories, then by id: the first icon claiming a name keeps it.
        let mut order: Vec<&Icon> = self
            .icons
            .iter()
            .filter(|i| matches!(i.kind, IconKind::Service | IconKind::Category))
            .collect();
        order.sort_by_key(|i| (i.kind.rank(), i.id));
        for icon in order {
            let mut all = vec![icon.display_name.as_str()];
            all.extend(icon.short_names.iter().map(String::as_str));
            for name in all {
                let toks = tokens(name);
                if toks.is_empty() {
                    continue;
                }
                let stripped = strip_vendor(&toks).to_vec();
                for t in [&toks, &stripped] {
                    names.entry(t.join(" ")).or_insert(icon.id);
                    names.entry(t.concat()).or_insert(icon.id);
                }
            }
        }
        self.name_index = names;
    }

    fn assign_categories(&mut self, resource_paths: &[Option<(&str, String)>]) {
        // Category icon title key (compact, without "and") → display name.
        let mut by_key: HashMap<String, String> = HashMap::new();
        for icon in self.icons.iter().filter(|i| i.kind == IconKind::Category) {
            let body = icon.aws_name.trim_start_matches("Arch-Category_");
            by_key.insert(
                compact_key(&strip_size_suffix(body)),
                icon.display_name.clone(),
            );
        }
        let lookup = |seg: &str| -> Option<String> {
            let key = if seg.eq_ignore_ascii_case("iot") {
                "internetofthings".to_owned()
            } else {
                tokens(seg).concat()
            };
            by_key.get(&key).cloned()
        };
        let mut service_cat: HashMap<IconId, String> = HashMap::new();
        let mut resource_cat: Vec<Option<String>> = vec![None; self.icons.len()];
        for (i, info) in resource_paths.iter().enumerate() {
            let Some((segment, service)) = info else {
                continue;
            };
            let Some(cat) = lookup(segment) else {
                continue;
            };
            if let Some(slot) = resource_cat.get_mut(i) {
                *slot = Some(cat.clone());
            }
            // Longest prefix of the service part naming a service.
            let toks = tokens(service);
            let found = (1..=toks.len())
                .rev()
                .find_map(|n| self.exact_name(&toks[..n].join(" ")))
                .filter(|id| self.get(*id).is_some_and(|i| i.kind == IconKind::Service));
            if let Some(id) = found {
                service_cat.entry(id).or_insert(cat);
            }
        }
        for (cat_title, services) in SERVICE_CATEGORIES {
            let Some(cat) = lookup(cat_title) else {
                continue;
            };
            for name in *services {
                if let Some(id) = self.exact_name(name) {
                    service_cat.entry(id).or_insert_with(|| cat.clone());
                }
            }
        }
        for (icon, res_cat) in self.icons.iter_mut().zip(resource_cat) {
            icon.category = match icon.kind {
                IconKind::Service => service_cat.get(&icon.id).cloned(),
                IconKind::Resource => res_cat,
                IconKind::Category | IconKind::Group => None,
            };
        }
        let mut cats: Vec<String> = by_key.into_values().collect();
        cats.sort_by_key(|c| fold(c));
        self.categories = cats;
    }
}

/// Paths `"<folder>/<stem>.svg"`, leaked once so icons can hold `&'static str`.
static PATHS: OnceLock<Vec<String>> = OnceLock::new();

fn build_paths(table: &[(&str, &str, &str, &[u8])]) -> Vec<String> {
    table
        .iter()
        .map(|e| format!("{}/{}.svg", e.0, e.1))
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap
mod tests {
    use super::super::names::*;
    use super::*;
    use crate::icons::ICONS_COUNT;

    fn cat() -> &'static Catalog {
        Catalog::bundled()
    }

    fn name_of(id: Option<IconId>) -> Option<String> {
        id.and_then(|id| cat().get(id))
            .map(|i| i.display_name.clone())
    }

    #[test]
    fn all_icons_load_with_unique_ids_and_uris() {
        let c = cat();
        assert_eq!(c.icons().len(), 809);
        assert_eq!(ICONS_COUNT, 809);
        let mut uris = std::collections::HashSet::new();
        for (i, icon) in c.icons().iter().enumerate() {
            assert_eq!(usize::from(icon.id.0), i);
            assert!(!icon.svg.is_empty(), "{}", icon.path);
            assert!(
                icon.svg.starts_with(b"<svg") || icon.svg.starts_with(b"<?xml"),
                "{}",
                icon.path
            );
            assert!(!icon.aws_name.is_empty(), "{}", icon.path);
            assert!(!icon.display_name.is_empty(), "{}", icon.path);
            assert!(uris.insert(c.uri(icon.id)), "duplicate uri {}", icon.path);
            assert_eq!(c.get(icon.id).map(|i| i.path), Some(icon.path));
        }
        let count = |k: IconKind| c.icons().iter().filter(|i| i.kind == k).count();
        assert_eq!(count(IconKind::Service), 300);
        assert_eq!(count(IconKind::Group), 15);
        assert_eq!(count(IconKind::Category), 26);
        assert_eq!(count(IconKind::Resource), 468);
        assert_eq!(
            c.uri(IconId(0)),
            format!("bytes://aws-icons/{}", c.icons()[0].path)
        );
    }

    #[test]
    fn names_are_parsed_or_derived() {
        let c = cat();
        let by_path = |p: &str| c.icons().iter().find(|i| i.path == p).unwrap();
        let lambda = by_path("architecture-service/AWSLambda.svg");
        assert_eq!(lambda.aws_name, "Arch_AWS-Lambda_48");
        assert_eq!(lambda.display_name, "AWS Lambda");
        assert!(lambda.short_names.iter().any(|s| s == "Lambda"));
        assert_eq!(lambda.category.as_deref(), Some("Compute"));
        let s3 = by_path("architecture-service/AmazonSimpleStorageService.svg");
        assert_eq!(s3.display_name, "Amazon Simple Storage Service");
        assert_eq!(s3.category.as_deref(), Some("Storage"));
        let storage = by_path("category/Storage.svg");
        assert_eq!(storage.display_name, "Storage");
        assert_eq!(storage.aws_name, "Arch-Category_Storage_48");
        let vpc = by_path("architecture-group/VirtualprivatecloudVPC.svg");
        assert_eq!(vpc.display_name, "Virtual private cloud (VPC)");
        let mesh = by_path("resource/AWSAppMeshMesh.svg");
        assert_eq!(mesh.display_name, "AWS App Mesh: Mesh");
        assert_eq!(
            mesh.category.as_deref(),
            Some("Networking & Content Delivery")
        );
        // Untitled icons.
        let apigw = by_path("architecture-service/AmazonAPIGateway.svg");
        assert_eq!(apigw.display_name, "Amazon API Gateway");
        assert_eq!(apigw.aws_name, "Arch_Amazon-API-Gateway_48");
        assert_eq!(
            by_path("architecture-service/AmazonWorkSpaces.svg").display_name,
            "Amazon WorkSpaces"
        );
        assert_eq!(
            by_path("architecture-service/AmazonSageMaker.svg").display_name,
            "Amazon SageMaker"
        );
        assert_eq!(
            by_path("architecture-service/OracleDatabaseatAWS.svg").display_name,
            "Oracle Database at AWS"
        );
        assert_eq!(
            by_path("architecture-service/AWSDevOpsAgent.svg").display_name,
            "AWS DevOps Agent"
        );
        assert_eq!(
            by_path("category/MulticloudandHybrid.svg").display_name,
            "Multicloud and Hybrid"
        );
        let tables = by_path("resource/AmazonSimpleStorageServiceS3Tables.svg");
        assert_eq!(
            tables.aws_name,
            "Res_Amazon-Simple-Storage-Service_S3-Tables_48"
        );
        assert_eq!(
            tables.display_name,
            "Amazon Simple Storage Service: S3 Tables"
        );
        assert_eq!(
            by_path("architecture-service/AWSElementalAppliancesSoftware.svg").display_name,
            "AWS Elemental Appliances & Software"
        );
        assert_eq!(
            by_path("architecture-service/AWSXRay.svg").display_name,
            "AWS X-Ray"
        );
    }

    /// Image references `![..](...svg)` of a note.
    fn svg_refs(note: &str) -> Vec<&str> {
        let mut refs = Vec::new();
        let mut rest = note;
        while let Some(start) = rest.find("![") {
            rest = &rest[start + 2..];
            let Some(open) = rest.find("](") else { break };
            let after = &rest[open + 2..];
            let Some(close) = after.find(')') else { break };
            let target = &after[..close];
            if target
                .rsplit_once('.')
                .is_some_and(|(_, ext)| ext.eq_ignore_ascii_case("svg"))
            {
                refs.push(target);
            }
            rest = &after[close..];
        }
        refs
    }

    #[test]
    fn every_note_icon_reference_resolves() {
        let c = cat();
        let note = include_str!("../../notes/AWS Services by Category.md");
        let refs = svg_refs(note);
        assert!(refs.len() >= 40, "only {} refs", refs.len());
        for r in refs {
            let id = c
                .by_file_name(r)
                .unwrap_or_else(|| panic!("unresolved {r}"));
            let icon = c.get(id).unwrap();
            let stem = r.rsplit('/').next().unwrap().trim_end_matches(".svg");
            if let Some(body) = stem.strip_prefix("Arch-Category_") {
                assert_eq!(icon.kind, IconKind::Category, "{r}");
                assert_eq!(
                    strip_size_suffix(body),
                    strip_size_suffix(icon.aws_name.trim_start_matches("Arch-Category_")),
                    "{r}"
                );
            } else {
                assert_eq!(icon.kind, IconKind::Service, "{r}");
                assert_eq!(
                    strip_size_suffix(stem),
                    strip_size_suffix(&icon.aws_name),
                    "{r}"
                );
            }
        }
        let ec2 = c
            .by_file_name("../../attachments/Arch_Amazon-EC2_48.svg")
            .unwrap();
        assert_eq!(
            c.get(ec2).unwrap().path,
            "architecture-service/AmazonEC2.svg"
        );
    }

    #[test]
    fn file_name_variants() {
        let c = cat();
        let lambda = c.by_file_name("Arch_AWS-Lambda_48.svg").unwrap();
        assert_eq!(
            c.get(lambda).unwrap().path,
            "architecture-service/AWSLambda.svg"
        );
        for r in [
            "Arch_AWS-Lambda_16",
            "arch_aws_lambda_64.SVG",
            "Arch AWS Lambda 32.svg",
            "C:\\notes\\Arch_AWS-Lambda_48.svg",
            "Icon-Architecture/48/Arch_AWS-Lambda_48",
            "AWSLambda",
            "AWSLambda.svg",
            "attachments/Arch_AWS-Lambda.svg",
        ] {
            assert_eq!(c.by_file_name(r), Some(lambda), "{r}");
        }
        let storage = c
            .by_file_name("../../attachments/Arch-Category_Storage_64.svg")
            .unwrap();
        assert_eq!(c.get(storage).unwrap().kind, IconKind::Category);
        let db = c.by_file_name("Arch-Category_Database_64.svg").unwrap();
        assert_eq!(c.get(db).unwrap().path, "category/Databases.svg");
        let mesh = c.by_file_name("Res_AWS-App-Mesh_Mesh_48.svg").unwrap();
        assert_eq!(c.get(mesh).unwrap().path, "resource/AWSAppMeshMesh.svg");
        let apigw = c.by_file_name("Arch_Amazon-API-Gateway_48.svg").unwrap();
        assert_eq!(
            c.get(apigw).unwrap().path,
            "architecture-service/AmazonAPIGateway.svg"
        );
        let vpc = c.by_file_name("Virtual-private-cloud-VPC_32.svg").unwrap();
        assert_eq!(c.get(vpc).unwrap().kind, IconKind::Group);
        let dark = c.by_file_name("AWS-Cloud_32_Dark.svg").unwrap();
        assert_eq!(
            c.get(dark).unwrap().path,
            "architecture-group/AWSCloudDark.svg"
        );
        let ec2_res = c.by_file_name("Res_Amazon-EC2_Instance_48.svg").unwrap();
        assert_eq!(c.get(ec2_res).unwrap().kind, IconKind::Resource);
        assert_eq!(c.by_file_name("screenshot.png"), None);
        assert_eq!(c.by_file_name("../../../../etc/passwd"), None);
        assert_eq!(c.by_file_name(""), None);
        assert_eq!(c.by_file_name("Arch_Nonexistent-Service_48.svg"), None);
        assert_eq!(c.by_file_name("AWSLambda.png"), None);
    }

    #[test]
    fn search_ranks_expected_first() {
        let c = cat();
        let first = |q: &str| name_of(c.search(q, 10).first().copied());
        assert_eq!(first("lamb").as_deref(), Some("AWS Lambda"));
        // Abbreviations ("s3") are the service catalog's: see `services::tests`.
        assert_eq!(first("dynamo").as_deref(), Some("Amazon DynamoDB"));
        assert_eq!(first("cloudfront").as_deref(), Some("Amazon CloudFront"));
        assert!(c.search("", 10).is_empty());
        assert!(c.search("lambda", 0).is_empty());
        assert!(c.search("zzzzqqq", 10).is_empty());
        assert_eq!(c.search("a", 5).len(), 5);
        let ids = c.search("lambda", 50);
        let mut dedup = ids.clone();
        dedup.sort();
        dedup.dedup();
        assert_eq!(dedup.len(), ids.len());
    }

    #[test]
    fn categories_and_members() {
        let c = cat();
        let cats = c.categories();
        assert_eq!(cats.len(), 26);
        assert!(cats.contains(&"Storage"));
        assert!(cats.contains(&"Security, Identity & Compliance"));
        let storage = c.icons_in_category("Storage");
        let names: Vec<String> = storage.iter().filter_map(|id| name_of(Some(*id))).collect();
        for expected in [
            "Amazon Simple Storage Service",
            "Amazon Elastic Block Store",
            "Amazon EFS",
            "AWS Backup",
        ] {
            assert!(
                names.iter().any(|n| n == expected),
                "{expected} in {names:?}"
            );
        }
        let sec = c.icons_in_category("Security, Identity, & Compliance");
        let sec_names: Vec<String> = sec.iter().filter_map(|id| name_of(Some(*id))).collect();
        for expected in [
            "AWS Identity and Access Management",
            "Amazon Cognito",
            "AWS Key Management Service",
        ] {
            assert!(
                sec_names.iter().any(|n| n == expected),
                "{expected} in {sec_names:?}"
            );
        }
        assert!(c.icons_in_category("Nonsense").is_empty());
        let categorised = c
            .icons()
            .iter()
            .filter(|i| i.kind == IconKind::Service && i.category.is_some())
            .count();
        assert!(categorised >= 150, "{categorised}");
        assert_eq!(
            c.category_icon("Compute")
                .and_then(|id| c.get(id))
                .map(|i| i.kind),
            Some(IconKind::Category)
        );
    }

    #[test]
    fn by_aws_name_is_exact() {
        let c = cat();
        for icon in c.icons() {
            let found = c.by_aws_name(&icon.aws_name).expect("every name resolves");
            assert_eq!(found.aws_name, icon.aws_name);
            assert!(found.id <= icon.id, "the first icon of that name");
        }
        assert!(c.by_aws_name("Region_32").is_some());
        assert!(
            c.by_aws_name("arch_aws-lambda_48").is_none(),
            "exact, not fuzzy"
        );
    }
}
