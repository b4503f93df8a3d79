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
//!
//! Three files: `tables` (the hand-kept data), `names` (names derived from titles and file
//! names) and `catalog` (the lookups).

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

mod catalog;
mod names;
mod tables;

pub use catalog::Catalog;
