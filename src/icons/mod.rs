//! Catalog of the bundled AWS Architecture Icons (809 SVGs from the npm package
//! `aws-icons@3.3.0`, see `icons/NOTICE.md`), embedded in the binary by `build.rs`.
//!
//! The catalog is built once, lazily ([`Catalog::bundled`]), from the generated table. It
//! gives every icon a stable [`IconId`], its official AWS name (`Arch_AWS-Lambda_48`, taken
//! from the SVG `<title>` or derived from the file name), a display name, short aliases
//! and, for services, a category. Lookups are precomputed hash-map hits:
//! [`Catalog::by_file_name`] resolves image references found in notes
//! (`../../attachments/Arch_Amazon-EC2_48.svg`), [`Catalog::by_aws_name`] and
//! [`Catalog::by_path`] are exact, and [`Catalog::search`] is a fuzzy search over display
//! names. Which *service* a heading, a file name or an alias names is not decided here but
//! in [`crate::services`], which maps every service to its icon. Pure, no egui; the UI
//! feeds [`Icon::svg`] to egui's image loader under [`Catalog::uri`].

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::services::names::{compact_key, strip_vendor, tokens};
use crate::text::{fold, fuzzy_score};

include!(concat!(env!("OUT_DIR"), "/icons_table.rs"));

/// Stable identifier of a bundled icon: its index in [`Catalog::icons`] (icons are sorted
/// by path, so ids only change when the bundled icon set changes).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct IconId(pub u16);

/// Which family of the AWS Architecture Icons an icon belongs to.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum IconKind {
    /// Service icon (`Arch_…`), e.g. AWS Lambda.
    Service,
    /// Category icon (`Arch-Category_…`), e.g. Storage.
    Category,
    /// Group icon (boxes of architecture diagrams), e.g. Virtual private cloud (VPC).
    Group,
    /// Resource icon (`Res_…`), e.g. an EC2 instance or a general resource (user, client).
    Resource,
}

impl IconKind {
    /// Ranking used to break ties in searches: services first.
    fn rank(self) -> u8 {
        match self {
            Self::Service => 0,
            Self::Category => 1,
            Self::Resource => 2,
            Self::Group => 3,
        }
    }
}

/// One bundled icon.
#[derive(Clone, Debug)]
pub struct Icon {
    /// Identifier of this icon in the catalog.
    pub id: IconId,
    /// Icon family.
    pub kind: IconKind,
    /// Official AWS name without extension, e.g. `Arch_AWS-Lambda_48`,
    /// `Arch-Category_Storage_48`, `Res_AWS-App-Mesh_Mesh_48`, `Virtual-private-cloud-VPC_32`;
    /// derived from the file name when the SVG has no `<title>`.
    pub aws_name: String,
    /// Human name: `"AWS Lambda"`, `"Amazon Simple Storage Service"`, category
    /// `"Storage"`, group `"Virtual private cloud (VPC)"`, resource `"AWS App Mesh: Mesh"`.
    pub display_name: String,
    /// Aliases used by lookups and search, e.g. `"S3"`, `"Lambda"`.
    pub short_names: Vec<String>,
    /// Display name of the service category (a category icon's display name), if known.
    pub category: Option<String>,
    /// Path inside the bundled `icons/` folder, e.g. `"architecture-service/AWSLambda.svg"`.
    pub path: &'static str,
    /// The SVG document.
    pub svg: &'static [u8],
}

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

/// Category (category icon title, e.g. `Security-Identity-Compliance`) of common services
/// that have no resource icon to derive it from: (category, service display names).
const SERVICE_CATEGORIES: &[(&str, &[&str])] = &[
    (
        "Security-Identity-Compliance",
        &[
            "Amazon Cognito",
            "AWS Secrets Manager",
            "Amazon Macie",
            "Amazon GuardDuty",
            "Amazon Detective",
            "AWS IAM Identity Center",
            "AWS Firewall Manager",
            "Amazon Security Lake",
            "AWS CloudHSM",
            "AWS Artifact",
            "AWS Audit Manager",
            "AWS Private Certificate Authority",
            "Amazon Verified Permissions",
            "AWS Resource Access Manager",
            "AWS Signer",
            "AWS Payment Cryptography",
            "AWS Security Incident Response",
            "AWS Security Agent",
        ],
    ),
    (
        "Networking-Content-Delivery",
        &[
            "AWS Global Accelerator",
            "AWS PrivateLink",
            "AWS Site-to-Site VPN",
            "AWS Client VPN",
            "Amazon VPC Lattice",
            "Amazon API Gateway",
            "AWS Verified Access",
            "Amazon Application Recovery Controller",
        ],
    ),
    (
        "Compute",
        &[
            "Amazon Lightsail",
            "AWS Batch",
            "AWS Outposts family",
            "AWS Outposts rack",
            "AWS Outposts servers",
            "Amazon EC2 Auto Scaling",
            "AWS Wavelength",
            "AWS Local Zones",
            "AWS App Runner",
            "AWS Nitro Enclaves",
            "Amazon EC2 Image Builder",
            "AWS Serverless Application Repository",
            "Elastic Fabric Adapter",
            "AWS Parallel Cluster",
            "AWS Parallel Computing Service",
            "AWS SimSpace Weaver",
            "Amazon Elastic VMware Service",
            "Amazon Lightsail for Research",
        ],
    ),
    (
        "Containers",
        &[
            "AWS Fargate",
            "Amazon ECS Anywhere",
            "Amazon EKS Anywhere",
            "Amazon EKS Distro",
            "Red Hat OpenShift Service on AWS",
            "Bottlerocket",
        ],
    ),
    (
        "Storage",
        &[
            "Amazon EFS",
            "Amazon FSx",
            "Amazon FSx for Lustre",
            "Amazon FSx for NetApp ONTAP",
            "Amazon FSx for OpenZFS",
            "Amazon FSx for WFS",
            "AWS Snowball Edge",
            "Amazon S3 on Outposts",
            "AWS Elastic Disaster Recovery",
        ],
    ),
    (
        "Database",
        &[
            "Amazon Neptune",
            "Amazon Keyspaces",
            "Amazon Timestream",
            "Amazon MemoryDB for Redis",
            "Oracle Database at AWS",
        ],
    ),
    (
        "Application-Integration",
        &[
            "AWS Step Functions",
            "Amazon AppFlow",
            "AWS Express Workflow",
            "Amazon Managed Workflows for Apache Airflow",
            "AWS B2B Data Interchange",
        ],
    ),
    (
        "Analytics",
        &[
            "Amazon Kinesis",
            "Amazon Kinesis Data Streams",
            "Amazon Kinesis Data Firehose",
            "Amazon Managed Service for Apache Flink",
            "AWS Glue DataBrew",
            "AWS Data Exchange",
            "AWS Clean Rooms",
            "AWS Entity Resolution",
            "Amazon FinSpace",
        ],
    ),
    (
        "Management-Governance",
        &[
            "AWS Config",
            "AWS Control Tower",
            "AWS Service Catalog",
            "AWS Auto Scaling",
            "AWS Health Dashboard",
            "Amazon Managed Grafana",
            "Amazon Managed Service for Prometheus",
            "AWS Compute Optimizer",
            "AWS Well-Architected Tool",
            "AWS Launch Wizard",
            "AWS Resource Explorer",
            "AWS Chatbot",
            "AWS Proton",
            "AWS AppConfig",
            "AWS Application Auto Scaling",
            "AWS Resilience Hub",
            "AWS User Notifications",
            "AWS Management Console",
            "AWS Console Mobile Application",
            "AWS Distro for OpenTelemetry",
        ],
    ),
    (
        "Developer-Tools",
        &[
            "AWS CodeBuild",
            "AWS CodeCommit",
            "AWS CodeDeploy",
            "AWS CodePipeline",
            "AWS CodeArtifact",
            "AWS X-Ray",
            "AWS CloudShell",
            "AWS Cloud Development Kit",
            "AWS Command Line Interface",
            "AWS Tools and SDKs",
            "AWS Fault Injection Service",
            "Amazon CodeCatalyst",
            "Amazon CodeGuru",
            "Amazon CodeWhisperer",
            "AWS Application Composer",
            "AWS Cloud Control API",
            "Amazon Corretto",
            "AWS DevOps Agent",
        ],
    ),
    (
        "Front-End-Web-Mobile",
        &["AWS AppSync", "AWS Device Farm", "AWS App Studio"],
    ),
    (
        "Migration-Transfer",
        &[
            "AWS Application Migration Service",
            "AWS Transfer Family",
            "AWS DataSync",
            "AWS Migration Evaluator",
            "AWS Transform",
            "AWS Data Transfer Terminal",
        ],
    ),
    (
        "Cloud-Financial-Management",
        &[
            "AWS Cost Explorer",
            "AWS Budgets",
            "AWS Cost and Usage Report",
            "AWS Billing Conductor",
            "Savings Plans",
            "Reserved Instance Reporting",
        ],
    ),
    (
        "Machine-Learning",
        &[
            "Amazon SageMaker",
            "Amazon Bedrock",
            "Amazon Comprehend",
            "Amazon Polly",
            "Amazon Lex",
            "Amazon Transcribe",
            "Amazon Translate",
            "Amazon Kendra",
            "Amazon Personalize",
            "Amazon Forecast",
            "Amazon Q",
            "Amazon SageMaker AI",
            "Amazon SageMaker Ground Truth",
            "Amazon SageMaker Studio Lab",
            "Amazon Augmented AI A2I",
            "Amazon Comprehend Medical",
            "Amazon Fraud Detector",
            "Amazon Lookout for Equipment",
            "Amazon Lookout for Vision",
            "Amazon Monitron",
            "Amazon Nova",
            "Amazon Bedrock AgentCore",
            "Amazon Elastic Inference",
            "AWS Deep Learning AMIs",
            "AWS Deep Learning Containers",
            "AWS DeepRacer",
            "AWS Neuron",
            "AWS Panorama",
            "TensorFlow on AWS",
            "TorchServe",
            "Apache MXNet on AWS",
        ],
    ),
    (
        "Media-Services",
        &[
            "AWS Elemental Appliances & Software",
            "AWS Elemental Conductor",
            "AWS Elemental Delta",
            "AWS Elemental Link",
            "AWS Elemental Live",
            "AWS Elemental MediaConvert",
            "AWS Elemental MediaLive",
            "AWS Elemental MediaPackage",
            "AWS Elemental MediaStore",
            "AWS Elemental MediaTailor",
            "AWS Elemental Server",
            "Amazon Interactive Video Service",
            "Amazon Kinesis Video Streams",
            "AWS Thinkbox Deadline",
            "AWS Thinkbox Frost",
            "AWS Thinkbox Krakatoa",
            "AWS Thinkbox Stoke",
            "AWS Thinkbox XMesh",
            "Amazon Deadline Cloud",
        ],
    ),
    (
        "Internet-of-Things",
        &[
            "AWS IoT Events",
            "AWS IoT ExpressLink",
            "AWS IoT FleetWise",
            "AWS IoT TwinMaker",
            "FreeRTOS",
        ],
    ),
    ("Satellite", &["AWS Ground Station"]),
    (
        "Games",
        &[
            "Amazon GameLift",
            "Amazon GameLift Streams",
            "Open 3D Engine",
        ],
    ),
    (
        "Customer-Enablement",
        &[
            "AWS Activate",
            "AWS IQ",
            "AWS Managed Services",
            "AWS Professional Services",
            "AWS Support",
            "AWS Training Certification",
            "AWS re:Post",
            "AWS rePost Private",
        ],
    ),
    ("Contact-Center", &["Amazon Connect"]),
    (
        "Business-Applications",
        &[
            "Amazon Chime",
            "Amazon Chime SDK",
            "Amazon WorkMail",
            "AWS End User Messaging",
            "AWS Supply Chain",
            "AWS Wickr",
        ],
    ),
    (
        "End-User-Computing",
        &[
            "Amazon WorkSpaces",
            "Amazon WorkDocs",
            "Amazon WorkDocs SDK",
            "NICE DCV",
        ],
    ),
];

/// Category display names that differ from the title with dashes turned into spaces.
const CATEGORY_DISPLAY: &[(&str, &str)] = &[
    (
        "Security-Identity-Compliance",
        "Security, Identity & Compliance",
    ),
    (
        "Networking-Content-Delivery",
        "Networking & Content Delivery",
    ),
    ("Management-Governance", "Management & Governance"),
    ("Migration-Transfer", "Migration & Transfer"),
    ("Front-End-Web-Mobile", "Front-End Web & Mobile"),
];

/// Words kept together when splitting CamelCase file names.
const KNOWN_WORDS: &[&str] = &[
    "ElastiCache",
    "WorkSpaces",
    "SageMaker",
    "AgentCore",
    "GameLift",
    "DevOps",
    "VMware",
    "AWS",
    "API",
    "EC2",
    "IoT",
    "VPC",
    "RTB",
    "SDK",
    "S3",
    "DB",
    "ML",
];

/// Lower-case connector words glued to the previous word in file names
/// (`MulticloudandHybrid`, `OracleDatabaseatAWS`).
const CONNECTORS: &[&str] = &["and", "for", "at", "of", "to"];

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
        let (kind, body) = classify_file_name(stem);
        let compact = compact_without_size(body);
        if compact.is_empty() {
            return None;
        }
        match kind {
            Some(kind) => self.file_index.get(&format!("{kind}:{compact}")).copied(),
            None if ext.is_none_or(|e| e.eq_ignore_ascii_case("svg")) => {
                self.file_index.get(&format!("stem:{compact}")).copied()
            }
            None => None,
        }
    }

    /// Fuzzy search over display names and aliases (accent- and case-insensitive), best
    /// first, at most `limit` results. Services rank before categories, resources and
    /// groups on equal scores. An empty query returns nothing.
    #[must_use]
    pub fn search(&self, query: &str, limit: usize) -> Vec<IconId> {
        let query = fold(query.trim());
        if query.is_empty() || limit == 0 {
            return Vec::new();
        }
        let mut hits: Vec<(u32, u8, usize, IconId)> = self
            .icons
            .iter()
            .zip(&self.search_keys)
            .filter_map(|(icon, keys)| {
                let score = keys.iter().filter_map(|k| fuzzy_score(&query, k)).max()?;
                Some((score, icon.kind.rank(), icon.display_name.len(), icon.id))
            })
            .collect();
        hits.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then(a.1.cmp(&b.1))
                .then(a.2.cmp(&b.2))
                .then(a.3.cmp(&b.3))
        });
        hits.into_iter().take(limit).map(|h| h.3).collect()
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

/// Names of an icon with a `<title>`: (aws_name, display_name, resource info).
fn titled_names<'t>(
    kind: IconKind,
    title: &'t str,
    title_name: &str,
) -> (String, String, Option<(&'t str, String)>) {
    match kind {
        IconKind::Service => {
            let body = title_name.trim_start_matches("Arch_");
            let (body, dark) = strip_variant(body);
            let mut display = dashes_to_spaces(&body);
            if dark {
                display.push_str(" (Dark)");
            }
            (title_name.replace(' ', ""), display, None)
        }
        IconKind::Category => {
            let body = strip_size_suffix(title_name);
            let display = CATEGORY_DISPLAY
                .iter()
                .find(|(k, _)| *k == body)
                .map_or_else(|| dashes_to_spaces(&body), |(_, v)| (*v).to_owned());
            (format!("Arch-Category_{title_name}"), display, None)
        }
        IconKind::Group => {
            let (body, dark) = strip_variant(title_name);
            let mut words: Vec<String> = body.split('-').map(str::to_owned).collect();
            let acronym_last = words.len() > 1
                && words
                    .last()
                    .is_some_and(|w| w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase()))
                && words
                    .first()
                    .is_some_and(|w| w.chars().any(|c| c.is_lowercase()));
            if acronym_last && let Some(last) = words.pop() {
                words.push(format!("({last})"));
            }
            let mut display = words.join(" ");
            if dark {
                display.push_str(" (Dark)");
            }
            (title_name.to_owned(), display, None)
        }
        IconKind::Resource => {
            let segment = title.split('/').nth(1).unwrap_or_default();
            let body = title_name.trim_start_matches("Res_");
            let (body, dark) = strip_variant(body);
            let parts: Vec<&str> = body.split('_').filter(|p| !p.is_empty()).collect();
            let service = parts.first().copied().unwrap_or_default().to_owned();
            let mut display = match parts.split_first() {
                Some((svc, rest)) if !rest.is_empty() => {
                    let rest: Vec<String> = rest.iter().map(|p| dashes_to_spaces(p)).collect();
                    format!("{}: {}", dashes_to_spaces(svc), rest.join(" "))
                }
                _ => dashes_to_spaces(&body),
            };
            if dark {
                display.push_str(" (Dark)");
            }
            (title_name.to_owned(), display, Some((segment, service)))
        }
    }
}

/// Names of an icon without `<title>`, derived from its CamelCase file stem.
fn derived_names<'t>(
    kind: IconKind,
    stem: &str,
    words: &[String],
    service_stems: &[&str],
) -> (String, String, Option<(&'t str, String)>) {
    let dashed = words.join("-");
    let spaced = words.join(" ");
    match kind {
        IconKind::Service => (format!("Arch_{dashed}_48"), spaced, None),
        IconKind::Category => (format!("Arch-Category_{dashed}_48"), spaced, None),
        IconKind::Group => (format!("{dashed}_32"), spaced, None),
        IconKind::Resource => {
            let parent = service_stems
                .iter()
                .filter(|s| stem.len() > s.len() && stem.starts_with(**s))
                .max_by_key(|s| s.len());
            match parent {
                Some(parent) => {
                    let svc = camel_words(parent);
                    let rest = camel_words(&stem[parent.len()..]);
                    (
                        format!("Res_{}_{}_48", svc.join("-"), rest.join("-")),
                        format!("{}: {}", svc.join(" "), rest.join(" ")),
                        None,
                    )
                }
                None => (format!("Res_{dashed}_48"), spaced, None),
            }
        }
    }
}

/// `"AWS-X-Ray"` → `"AWS X-Ray"`: dashes become spaces except in known compounds.
fn dashes_to_spaces(s: &str) -> String {
    let mut out = s.replace('-', " ");
    for (from, to) in [
        ("X Ray", "X-Ray"),
        ("Site to Site", "Site-to-Site"),
        ("Well Architected", "Well-Architected"),
        ("Front End", "Front-End"),
    ] {
        out = out.replace(from, to);
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Removes `_16`/`_32`/`_48`/`_64` and `_Light`/`_Dark` suffixes; tells whether it was Dark.
fn strip_variant(s: &str) -> (String, bool) {
    let mut parts: Vec<&str> = s.split('_').collect();
    let mut dark = false;
    while let Some(last) = parts.last() {
        let l = last.trim();
        if is_size(l) || l.eq_ignore_ascii_case("light") || l.is_empty() {
            parts.pop();
        } else if l.eq_ignore_ascii_case("dark") {
            dark = true;
            parts.pop();
        } else {
            break;
        }
    }
    (parts.join("_").trim().to_owned(), dark)
}

/// Removes trailing size suffixes only (`Storage_48` → `Storage`).
fn strip_size_suffix(s: &str) -> String {
    let mut parts: Vec<&str> = s.split('_').collect();
    while parts.last().is_some_and(|p| is_size(p.trim())) {
        parts.pop();
    }
    parts.join("_")
}

fn is_size(s: &str) -> bool {
    matches!(s, "16" | "32" | "48" | "64")
}

/// Splits `name.ext` when the extension looks like one (1–4 letters).
fn split_extension(name: &str) -> (&str, Option<&str>) {
    match name.rsplit_once('.') {
        Some((stem, ext))
            if !stem.is_empty()
                && (1..=4).contains(&ext.len())
                && ext.chars().all(|c| c.is_ascii_alphabetic()) =>
        {
            (stem, Some(ext))
        }
        _ => (name, None),
    }
}

/// Recognizes the AWS naming prefixes: returns (index kind, rest of the name).
fn classify_file_name(name: &str) -> (Option<&'static str>, &str) {
    let lower: String = name
        .chars()
        .map(|c| match c {
            '-' | ' ' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    for (prefix, kind) in [
        ("arch_category_", "cat"),
        ("arch_", "arch"),
        ("res_", "res"),
    ] {
        if lower.starts_with(prefix) {
            // Prefixes are ASCII, so byte offsets match.
            return (Some(kind), name.get(prefix.len()..).unwrap_or_default());
        }
    }
    (None, name)
}

/// Compact key of a file-name body: size suffixes and `Light` removed, `Dark` kept,
/// then folded and reduced to letters and digits.
fn compact_without_size(body: &str) -> String {
    let normalized: String = body
        .chars()
        .map(|c| if c == '-' || c == ' ' { '_' } else { c })
        .collect();
    let (stripped, dark) = strip_variant(&normalized);
    let mut key = compact_key(&stripped);
    if dark {
        key.push_str("dark");
    }
    key
}

/// Splits a CamelCase file stem into words, keeping acronyms and known product words
/// together and detaching glued connectors: `"AmazonAPIGateway"` → `["Amazon", "API",
/// "Gateway"]`, `"OracleDatabaseatAWS"` → `["Oracle", "Database", "at", "AWS"]`.
fn camel_words(stem: &str) -> Vec<String> {
    let chars: Vec<char> = stem.chars().collect();
    let mut words: Vec<String> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let rest: String = chars[i..].iter().collect();
        let known = KNOWN_WORDS.iter().find(|w| {
            rest.starts_with(**w)
                && !rest[w.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
        });
        let end = if let Some(w) = known {
            i + w.chars().count()
        } else if chars[i].is_uppercase() {
            let mut j = i + 1;
            if chars.get(j).is_some_and(|c| c.is_uppercase()) {
                while chars
                    .get(j)
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                {
                    j += 1;
                }
                // "ABCWord": the last capital starts the next word.
                if chars.get(j).is_some_and(|c| c.is_lowercase()) && j - i > 1 {
                    j -= 1;
                }
            } else {
                while chars
                    .get(j)
                    .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
                {
                    j += 1;
                }
            }
            j
        } else {
            let mut j = i + 1;
            while chars
                .get(j)
                .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
            {
                j += 1;
            }
            j
        };
        let word: String = chars[i..end].iter().collect();
        let next_upper = chars.get(end).is_some_and(|c| c.is_uppercase());
        let connector = CONNECTORS.iter().find(|c| {
            next_upper && known.is_none() && word.len() > c.len() + 2 && word.ends_with(**c)
        });
        match connector {
            Some(c) => {
                words.push(word[..word.len() - c.len()].to_owned());
                words.push((*c).to_owned());
            }
            None => words.push(word),
        }
        i = end.max(i + 1);
    }
    words
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap
mod tests {
    use super::*;

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

    #[test]
    fn camel_words_split() {
        assert_eq!(
            camel_words("AmazonAPIGateway"),
            ["Amazon", "API", "Gateway"]
        );
        assert_eq!(camel_words("AWSRTBFabric"), ["AWS", "RTB", "Fabric"]);
        assert_eq!(
            camel_words("AmazonElasticVMwareService"),
            ["Amazon", "Elastic", "VMware", "Service"]
        );
        assert_eq!(
            camel_words("AWSSitetoSiteVPN"),
            ["AWS", "Site", "to", "Site", "VPN"]
        );
        assert_eq!(camel_words("AmazonEC2"), ["Amazon", "EC2"]);
        assert_eq!(camel_words("AWSIoTCore"), ["AWS", "IoT", "Core"]);
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
            if target.ends_with(".svg") {
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
