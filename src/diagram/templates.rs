//! Starting diagrams: the architectures an SAA-C03 student draws again and again, laid out
//! left to right on a 20-unit grid, groups sized to contain their members (40 units of
//! padding, 30 for the title), no two icons or labels overlapping.
//!
//! Every template reviews clean (no finding of [`super::review`]): VPCs have their internet
//! gateway, a NAT gateway per Availability Zone, load balancers in front of Auto Scaling
//! groups that span two AZs, databases in private subnets with a standby in the other AZ,
//! gateway endpoints for S3 and `DynamoDB`, and the disaster-recovery ones a second Region
//! with Route 53 in front. The drills plant one mistake into them.
//!
//! Icons are looked up by service name in the bundled catalog (generic resources such as
//! Users by their bundled path), so the templates follow the catalog's official icon names.

use super::model::{
    Arrows, Diagram, Edge, EdgeId, GroupKind, Node, NodeId, NodeKind, Rect, Routing, SERVICE_SIZE,
};
use crate::icons::Catalog;

/// Grid step of the layout.
const GRID: f32 = 20.0;
/// Padding between a group's border and its members.
const PAD: f32 = 40.0;
/// Extra room at the top of a group for its icon and title.
const TITLE: f32 = 30.0;
/// Room under a service for its label.
const LABEL: f32 = 24.0;

/// Bundled icons of generic resources.
const USERS: &str = "resource/Users.svg";
const CLIENT: &str = "resource/Client.svg";
const SERVERS: &str = "resource/Servers.svg";
const CUSTOMER_GATEWAY: &str = "resource/AmazonVPCCustomerGateway.svg";
const DX_GATEWAY: &str = "resource/AWSDirectConnectGateway.svg";
const IGW: &str = "resource/AmazonVPCInternetGateway.svg";
const NAT: &str = "resource/AmazonVPCNATGateway.svg";
const ENDPOINT: &str = "resource/AmazonVPCEndpoints.svg";

/// A starting diagram.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Template {
    /// Users → API Gateway → Lambda → `DynamoDB`, with a Cognito authoriser.
    ServerlessApi,
    /// Route 53 → `CloudFront` → load balancer → web servers in two AZs → RDS Multi-AZ.
    ThreeTier,
    /// S3 events → SNS fan-out → SQS → Lambda, plus a second Lambda on SNS.
    EventDriven,
    /// ALB → Auto Scaling group over two AZs → RDS Multi-AZ and `ElastiCache`, S3 through a
    /// gateway endpoint, a NAT gateway per AZ.
    MultiAzWebApp,
    /// Route 53 → `CloudFront` (ACM certificate) → private S3 bucket.
    StaticWebsite,
    /// ALB → web tier → SQS → worker Auto Scaling group scaled on the queue depth → `DynamoDB`.
    DecoupledWorkers,
    /// A data center joined to a transit gateway by Direct Connect, with a Site-to-Site VPN
    /// as backup, and two VPCs behind it.
    HybridNetwork,
    /// Disaster recovery by backup and restore: backups copied to a second Region.
    DrBackupRestore,
    /// Disaster recovery by pilot light: data replicated, servers off in the second Region.
    DrPilotLight,
    /// Disaster recovery by warm standby: a scaled-down copy running, Route 53 failover.
    DrWarmStandby,
    /// Disaster recovery multi-site active/active: both Regions serve, global tables.
    DrMultiSite,
    /// Kinesis → Data Firehose → S3 data lake → Glue → Athena → `QuickSight`.
    DataLake,
}

impl Template {
    /// Every template, in menu order.
    pub const ALL: [Template; 12] = [
        Self::ServerlessApi,
        Self::ThreeTier,
        Self::EventDriven,
        Self::MultiAzWebApp,
        Self::StaticWebsite,
        Self::DecoupledWorkers,
        Self::HybridNetwork,
        Self::DrBackupRestore,
        Self::DrPilotLight,
        Self::DrWarmStandby,
        Self::DrMultiSite,
        Self::DataLake,
    ];

    /// Name shown in menus.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::ServerlessApi => "Serverless API",
            Self::ThreeTier => "Three-tier web app",
            Self::EventDriven => "Event-driven",
            Self::MultiAzWebApp => "Multi-AZ web app",
            Self::StaticWebsite => "Static website (S3 + CloudFront)",
            Self::DecoupledWorkers => "Decoupled workers (SQS + Auto Scaling)",
            Self::HybridNetwork => "Hybrid network (Direct Connect + VPN)",
            Self::DrBackupRestore => "DR: backup and restore",
            Self::DrPilotLight => "DR: pilot light",
            Self::DrWarmStandby => "DR: warm standby",
            Self::DrMultiSite => "DR: multi-site active/active",
            Self::DataLake => "Data lake (Kinesis, S3, Glue, Athena)",
        }
    }

    /// A fresh diagram of this template.
    #[must_use]
    pub fn build(self) -> Diagram {
        let mut d = match self {
            Self::ServerlessApi => serverless_api(),
            Self::ThreeTier => three_tier(),
            Self::EventDriven => event_driven(),
            Self::MultiAzWebApp => multi_az_web_app(),
            Self::StaticWebsite => static_website(),
            Self::DecoupledWorkers => decoupled_workers(),
            Self::HybridNetwork => hybrid_network(),
            Self::DrBackupRestore => dr(Dr::BackupRestore),
            Self::DrPilotLight => dr(Dr::PilotLight),
            Self::DrWarmStandby => dr(Dr::WarmStandby),
            Self::DrMultiSite => dr(Dr::MultiSite),
            Self::DataLake => data_lake(),
        };
        // In the drawing order every edit and every file load keep.
        d.normalize();
        d
    }
}

fn serverless_api() -> Diagram {
    let mut b = Builder::default();
    let users = b.resource(CLIENT, "Clients", -240.0, 0.0);
    let api = b.service("API Gateway", "API", 0, 0);
    let lambda = b.service("Lambda", "Handler", 10, 0);
    let table = b.service("DynamoDB", "Table", 20, 0);
    let cognito = b.service("Cognito", "User pool", 0, 8);
    b.connect(users, api, "");
    b.connect(api, lambda, "");
    b.connect(lambda, table, "");
    b.connect(api, cognito, "authorizer");
    let region = b.group(GroupKind::Region, "Region", &[api, lambda, table, cognito]);
    b.group(GroupKind::AwsCloud, "AWS Cloud", &[region]);
    b.finish()
}

/// Subnet box of the two-AZ layout.
const SUB_W: f32 = 300.0;
const SUB_H: f32 = 200.0;
const SUB_GAP: f32 = 40.0;
/// Availability Zone padding (sides and bottom) and title room.
const AZ_PAD: f32 = 20.0;
const AZ_TOP: f32 = 40.0;
/// Room between the two AZ bands: a row of VPC-level icons (internet gateway, load
/// balancer, endpoints) sits there.
const BAND_GAP: f32 = 140.0;
/// Left column of the VPC (the internet gateway), and its top.
const VPC_SIDE: f32 = 160.0;
const VPC_TOP: f32 = 40.0;
/// Where the first icon of a subnet goes, and the step to the next one.
const SLOT_X: f32 = 40.0;
const SLOT_Y: f32 = 80.0;
const SLOT_STEP: f32 = 100.0;

/// A VPC with two Availability Zones drawn as horizontal bands, each holding one subnet
/// per column, and a row of VPC-level icons between the bands.
struct Bands {
    vpc: NodeId,
    rect: Rect,
    subnets: [Vec<NodeId>; 2],
    /// Top of an icon in the row between the bands.
    gap_y: f32,
    /// Left of the right-hand column (when asked for), for VPC-level icons.
    right_x: f32,
}

impl Bands {
    /// Lays the VPC out with its top-left corner at (`x`, `y`); `right` adds a column at
    /// the right for VPC-level icons.
    fn new(b: &mut Builder, x: f32, y: f32, columns: &[(GroupKind, &str)], right: bool) -> Self {
        let n = columns.len() as f32;
        let az_w = 2.0 * AZ_PAD + n * SUB_W + (n - 1.0) * SUB_GAP;
        let az_h = AZ_TOP + SUB_H + AZ_PAD;
        let az_x = x + VPC_SIDE;
        let right_w = if right { 140.0 } else { 0.0 };
        let rect = Rect::new(
            x,
            y,
            VPC_SIDE + az_w + right_w + 20.0,
            VPC_TOP + 2.0 * az_h + BAND_GAP + 20.0,
        );
        let vpc = b.group_at(GroupKind::Vpc, "VPC", rect);
        let mut subnets = [Vec::new(), Vec::new()];
        for (i, name) in ["Availability Zone A", "Availability Zone B"]
            .into_iter()
            .enumerate()
        {
            let az_y = y + VPC_TOP + i as f32 * (az_h + BAND_GAP);
            let az = b.group_at(
                GroupKind::AvailabilityZone,
                name,
                Rect::new(az_x, az_y, az_w, az_h),
            );
            b.put(az, vpc);
            for (c, (kind, label)) in columns.iter().enumerate() {
                let sx = az_x + AZ_PAD + c as f32 * (SUB_W + SUB_GAP);
                let sub = b.group_at(*kind, label, Rect::new(sx, az_y + AZ_TOP, SUB_W, SUB_H));
                b.put(sub, az);
                subnets[i].push(sub);
            }
        }
        Self {
            vpc,
            rect,
            subnets,
            gap_y: y + VPC_TOP + az_h + 20.0,
            right_x: az_x + az_w + 40.0,
        }
    }

    fn subnet(&self, b: &Builder, az: usize, col: usize) -> Rect {
        self.subnets[az]
            .get(col)
            .map(|s| node_rect(&b.d, *s))
            .unwrap_or_default()
    }

    /// A service in slot `i` of column `col` of AZ `az`.
    fn add(
        &self,
        b: &mut Builder,
        service: &str,
        label: &str,
        az: usize,
        col: usize,
        i: u8,
    ) -> NodeId {
        let r = self.subnet(b, az, col);
        let id = b.service_xy(
            service,
            label,
            r.x + SLOT_X + f32::from(i) * SLOT_STEP,
            r.y + SLOT_Y,
        );
        if let Some(sub) = self.subnets[az].get(col) {
            b.put(id, *sub);
        }
        id
    }

    /// A VPC-level service in the row between the bands, at the x of slot `i` of column
    /// `col`.
    fn between(&self, b: &mut Builder, service: &str, label: &str, col: usize, i: u8) -> NodeId {
        let r = self.subnet(b, 0, col);
        let id = b.service_xy(
            service,
            label,
            r.x + SLOT_X + f32::from(i) * SLOT_STEP,
            self.gap_y,
        );
        b.put(id, self.vpc);
        id
    }

    /// The internet gateway, in the left column between the bands.
    fn internet_gateway(&self, b: &mut Builder) -> NodeId {
        let id = b.resource(IGW, "Internet gateway", self.rect.x + 40.0, self.gap_y);
        b.put(id, self.vpc);
        id
    }

    /// A VPC-level icon in the right-hand column between the bands.
    fn right(&self, b: &mut Builder, path: &str, label: &str) -> NodeId {
        let id = b.resource(path, label, self.right_x, self.gap_y);
        b.put(id, self.vpc);
        id
    }

    /// A NAT gateway in the first slot of column `col`, in each AZ.
    fn nat_gateways(&self, b: &mut Builder, col: usize) {
        for az in 0..2 {
            let r = self.subnet(b, az, col);
            let id = b.resource(NAT, "NAT gateway", r.x + SLOT_X, r.y + SLOT_Y);
            if let Some(sub) = self.subnets[az].get(col) {
                b.put(id, *sub);
            }
        }
    }

    /// A replication arrow (both heads) from a database in AZ A to one in AZ B, down the
    /// right margin of their subnets so it crosses neither icons nor labels.
    fn replication(&self, b: &mut Builder, a: NodeId, z: NodeId, label: &str) {
        let (ra, rz) = (node_rect(&b.d, a), node_rect(&b.d, z));
        let sub = self.subnets[0]
            .iter()
            .map(|s| node_rect(&b.d, *s))
            .find(|r| r.contains(ra.center()))
            .unwrap_or(ra);
        let x = sub.right() - 30.0;
        if let Some(e) = b.connect(a, z, label).and_then(|id| b.d.edges.get_mut(&id)) {
            e.arrows = Arrows::Both;
            e.waypoints = vec![
                crate::diagram::model::Point::new(x, ra.center().y),
                crate::diagram::model::Point::new(x, rz.center().y),
            ];
        }
    }

    /// An Auto Scaling group box across both AZs, around `members` (one per AZ, same
    /// column): a member of the VPC, the servers' parents staying their subnets.
    fn asg(&self, b: &mut Builder, label: &str, members: [NodeId; 2]) -> NodeId {
        let (top, bottom) = (node_rect(&b.d, members[0]), node_rect(&b.d, members[1]));
        let rect = Rect::new(
            top.x - 20.0,
            top.y - 40.0,
            160.0,
            bottom.y - top.y + SERVICE_SIZE + 76.0,
        );
        let id = b.group_at(GroupKind::AutoScalingGroup, label, rect);
        b.put(id, self.vpc);
        id
    }
}

/// The public, application and data subnets of a web tier.
const WEB_COLUMNS: [(GroupKind, &str); 3] = [
    (GroupKind::PublicSubnet, "Public subnet"),
    (GroupKind::PrivateSubnet, "Private subnet (app)"),
    (GroupKind::PrivateSubnet, "Private subnet (data)"),
];

fn three_tier() -> Diagram {
    let mut b = Builder::default();
    let v = Bands::new(&mut b, 460.0, 160.0, &WEB_COLUMNS, false);
    // Users and the global services, outside the Region, on the row of the load balancer.
    let users = b.resource(USERS, "Users", 0.0, v.gap_y);
    let dns = b.service_xy("Route 53", "DNS", 160.0, v.gap_y);
    let cdn = b.service_xy("CloudFront", "CDN", 300.0, v.gap_y);
    let igw = v.internet_gateway(&mut b);
    let alb = v.between(&mut b, "Application Load Balancer", "Load balancer", 0, 0);
    v.nat_gateways(&mut b, 0);
    let web_a = v.add(&mut b, "EC2", "Web server", 0, 1, 0);
    let web_b = v.add(&mut b, "EC2", "Web server", 1, 1, 0);
    let asg = v.asg(&mut b, "Auto Scaling group", [web_a, web_b]);
    let db_a = v.add(&mut b, "RDS", "Primary", 0, 2, 0);
    let db_b = v.add(&mut b, "RDS", "Standby", 1, 2, 0);
    b.connect(users, dns, "");
    b.connect(dns, cdn, "");
    b.connect(cdn, igw, "");
    b.connect(igw, alb, "");
    b.connect(alb, asg, "");
    b.connect(asg, db_a, "");
    v.replication(&mut b, db_a, db_b, "synchronous replication");
    let region = b.group(GroupKind::Region, "Region", &[v.vpc]);
    b.group(GroupKind::AwsCloud, "AWS Cloud", &[dns, cdn, region]);
    b.finish()
}

fn multi_az_web_app() -> Diagram {
    let mut b = Builder::default();
    let v = Bands::new(&mut b, 320.0, 160.0, &WEB_COLUMNS, true);
    let users = b.resource(USERS, "Users", 80.0, v.gap_y);
    let igw = v.internet_gateway(&mut b);
    let alb = v.between(
        &mut b,
        "Application Load Balancer",
        "Application Load Balancer",
        0,
        0,
    );
    v.nat_gateways(&mut b, 0);
    let app_a = v.add(&mut b, "EC2", "App server", 0, 1, 0);
    let app_b = v.add(&mut b, "EC2", "App server", 1, 1, 0);
    let asg = v.asg(&mut b, "Auto Scaling group", [app_a, app_b]);
    let primary = v.add(&mut b, "RDS", "RDS primary", 0, 2, 0);
    let cache = v.add(&mut b, "ElastiCache", "ElastiCache", 1, 2, 0);
    let standby = v.add(&mut b, "RDS", "RDS standby", 1, 2, 1);
    let endpoint = v.right(&mut b, ENDPOINT, "Gateway endpoint (S3)");
    let bucket = b.service_xy("S3", "Static assets", v.rect.right() + 60.0, v.gap_y);
    b.connect(users, igw, "");
    b.connect(igw, alb, "");
    b.connect(alb, asg, "");
    b.connect(asg, primary, "");
    b.connect(asg, cache, "sessions");
    b.connect(asg, endpoint, "");
    b.connect(endpoint, bucket, "");
    v.replication(&mut b, primary, standby, "");
    let region = b.group(GroupKind::Region, "Region", &[v.vpc, bucket]);
    b.group(GroupKind::AwsCloud, "AWS Cloud", &[region]);
    b.finish()
}

fn static_website() -> Diagram {
    let mut b = Builder::default();
    let users = b.resource(USERS, "Visitors", -240.0, 0.0);
    let dns = b.service("Route 53", "DNS (alias record)", 0, 0);
    let cdn = b.service("CloudFront", "CloudFront distribution", 10, 0);
    let cert = b.service("Certificate Manager", "ACM certificate (us-east-1)", 10, 10);
    let site = b.service("S3", "Private bucket (site files)", 22, 0);
    b.connect(users, dns, "");
    b.connect(dns, cdn, "");
    b.connect(cdn, site, "origin access control");
    b.connect(cert, cdn, "TLS");
    let region = b.group(GroupKind::Region, "Region", &[site]);
    b.group(GroupKind::AwsCloud, "AWS Cloud", &[dns, cdn, cert, region]);
    b.finish()
}

fn decoupled_workers() -> Diagram {
    let mut b = Builder::default();
    let columns = [
        (GroupKind::PublicSubnet, "Public subnet"),
        (GroupKind::PrivateSubnet, "Private subnet (web)"),
        (GroupKind::PrivateSubnet, "Private subnet (workers)"),
    ];
    let v = Bands::new(&mut b, 320.0, 160.0, &columns, true);
    let users = b.resource(USERS, "Users", 80.0, v.gap_y);
    let igw = v.internet_gateway(&mut b);
    let alb = v.between(
        &mut b,
        "Application Load Balancer",
        "Application Load Balancer",
        0,
        0,
    );
    v.nat_gateways(&mut b, 0);
    let web = [
        v.add(&mut b, "EC2", "Web server", 0, 1, 0),
        v.add(&mut b, "EC2", "Web server", 1, 1, 0),
    ];
    let web_asg = v.asg(&mut b, "Web Auto Scaling group", web);
    let workers = [
        v.add(&mut b, "EC2", "Worker", 0, 2, 0),
        v.add(&mut b, "EC2", "Worker", 1, 2, 0),
    ];
    let worker_asg = v.asg(&mut b, "Worker Auto Scaling group", workers);
    let endpoint = v.right(&mut b, ENDPOINT, "Gateway endpoint (DynamoDB)");
    let web_sub = v.subnet(&b, 1, 1);
    let below = v.rect.bottom() + 100.0;
    let queue = b.service_xy("SQS", "Job queue", web_sub.x + 240.0, below);
    let alarm = b.service_xy("CloudWatch", "Queue depth alarm", web_sub.x + 460.0, below);
    let table = b.service_xy("DynamoDB", "Results", v.rect.right() + 60.0, v.gap_y);
    b.connect(users, igw, "");
    b.connect(igw, alb, "");
    b.connect(alb, web_asg, "");
    b.connect(web_asg, queue, "send job");
    b.connect(queue, worker_asg, "poll");
    b.connect(alarm, worker_asg, "scale out/in");
    b.connect(worker_asg, endpoint, "");
    b.connect(endpoint, table, "");
    let region = b.group(GroupKind::Region, "Region", &[v.vpc, queue, alarm, table]);
    b.group(GroupKind::AwsCloud, "AWS Cloud", &[region]);
    b.finish()
}

fn hybrid_network() -> Diagram {
    let mut b = Builder::default();
    b.text("Corporate data center", Rect::new(-20.0, 0.0, 300.0, 30.0));
    let users = b.resource(USERS, "Corporate users", 0.0, 60.0);
    let servers = b.resource(SERVERS, "Servers", 0.0, 260.0);
    let cgw = b.resource(CUSTOMER_GATEWAY, "Customer gateway", 180.0, 160.0);
    let dx = b.service_xy("Direct Connect", "Direct Connect", 380.0, 60.0);
    let vpn = b.service_xy(
        "Site-to-Site VPN",
        "Site-to-Site VPN (backup)",
        380.0,
        260.0,
    );
    let dxgw = b.resource(DX_GATEWAY, "Direct Connect gateway", 600.0, 60.0);
    let tgw = b.service_xy("Transit Gateway", "Transit gateway", 820.0, 160.0);
    let app = b.service_xy("EC2", "App servers", 1100.0, 80.0);
    let shared = b.service_xy("EC2", "Shared services", 1100.0, 460.0);
    let app_subnet = b.group(GroupKind::PrivateSubnet, "Private subnet", &[app]);
    let app_vpc = b.group(GroupKind::Vpc, "VPC (applications)", &[app_subnet]);
    let shared_subnet = b.group(GroupKind::PrivateSubnet, "Private subnet", &[shared]);
    let shared_vpc = b.group(GroupKind::Vpc, "VPC (shared services)", &[shared_subnet]);
    b.connect(users, cgw, "");
    b.connect(servers, cgw, "");
    b.connect(cgw, dx, "primary");
    b.connect(cgw, vpn, "IPsec");
    b.connect(dx, dxgw, "transit VIF");
    b.connect(dxgw, tgw, "");
    b.connect(vpn, tgw, "");
    for vpc in [app_vpc, shared_vpc] {
        let e = b.connect(tgw, vpc, "attachment");
        b.style(e, Arrows::Both, Routing::Orthogonal);
    }
    let region = b.group(GroupKind::Region, "Region", &[tgw, app_vpc, shared_vpc]);
    b.group(GroupKind::AwsCloud, "AWS Cloud", &[dxgw, region]);
    b.finish()
}

/// Rows (icon tops) of the primary and the DR Region in the DR templates.
const ROW: [f32; 2] = [280.0, 720.0];

/// The four disaster-recovery strategies of AWS's whitepaper.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Dr {
    BackupRestore,
    PilotLight,
    WarmStandby,
    MultiSite,
}

fn dr(strategy: Dr) -> Diagram {
    let mut b = Builder::default();
    let title = match strategy {
        Dr::BackupRestore => "Disaster recovery: backup and restore (RPO/RTO: hours)",
        Dr::PilotLight => "Disaster recovery: pilot light (RPO: minutes, RTO: tens of minutes)",
        Dr::WarmStandby => "Disaster recovery: warm standby (RPO: seconds, RTO: minutes)",
        Dr::MultiSite => "Disaster recovery: multi-site active/active (RPO/RTO: near zero)",
    };
    let width = snap_out(Rect::new(
        0.0,
        0.0,
        title.chars().count() as f32 * CHAR_WIDTH + 20.0,
        30.0,
    ));
    b.text(title, width);
    // The primary Region above the DR Region; in each, load balancer → servers → data,
    // and Route 53 on the left between them.
    let with_dns = strategy != Dr::BackupRestore;
    let mid = f32::midpoint(ROW[0], ROW[1]);
    let users = b.resource(USERS, "Users", 0.0, if with_dns { mid } else { ROW[0] });
    let dns = with_dns.then(|| b.service_xy("Route 53", "Route 53", 160.0, mid));
    let mut regions = Vec::new();
    let mut stores = Vec::new();
    let mut backups = Vec::new();
    let mut buckets = Vec::new();
    let mut entries = Vec::new();
    for (i, name) in ["Primary Region", "DR Region"].into_iter().enumerate() {
        let y = ROW[i];
        let primary = i == 0;
        let serving = primary || strategy != Dr::BackupRestore;
        let lb = serving.then(|| {
            let label = if !primary && strategy == Dr::PilotLight {
                "Load balancer (idle)"
            } else {
                "Load balancer"
            };
            b.service_xy("Application Load Balancer", label, 420.0, y)
        });
        let asg = serving.then(|| {
            let (servers, group) = match (primary, strategy) {
                (false, Dr::PilotLight) => ("App servers (off)", "Auto Scaling group (min 0)"),
                (false, Dr::WarmStandby) => ("App servers (scaled down)", "Auto Scaling group"),
                _ => ("App servers", "Auto Scaling group"),
            };
            let s = b.service_xy("EC2", servers, 620.0, y);
            b.group(GroupKind::AutoScalingGroup, group, &[s])
        });
        let store = match (strategy, primary) {
            (Dr::MultiSite, _) => Some(b.service_xy("DynamoDB", "Global table", 860.0, y)),
            (Dr::BackupRestore, false) => None,
            (_, true) => Some(b.service_xy("RDS", "Primary database", 860.0, y)),
            (_, false) => Some(b.service_xy("RDS", "Read replica", 860.0, y)),
        };
        if let (Some(lb), Some(asg)) = (lb, asg) {
            b.connect(lb, asg, "");
        }
        if let (Some(asg), Some(store)) = (asg, store) {
            b.connect(asg, store, "");
        }
        let (backup, bucket) = if strategy == Dr::BackupRestore {
            let (vault, data) = if primary {
                ("AWS Backup", "Data bucket")
            } else {
                ("Backup vault (copy)", "Replica bucket")
            };
            (
                Some(b.service_xy("AWS Backup", vault, 1060.0, y)),
                Some(b.service_xy("S3", data, 1260.0, y)),
            )
        } else {
            (None, None)
        };
        if let (Some(store), Some(backup)) = (store, backup) {
            b.connect(store, backup, "snapshots");
        }
        let members: Vec<NodeId> = [lb, asg, store, backup, bucket]
            .into_iter()
            .flatten()
            .collect();
        regions.push(b.group(GroupKind::Region, name, &members));
        stores.push(store);
        backups.push(backup);
        buckets.push(bucket);
        entries.push(lb);
    }
    // Between the Regions, straight down.
    let pairs = [
        (
            stores[0],
            stores[1],
            match strategy {
                Dr::MultiSite => "global table replication",
                _ => "asynchronous replication",
            },
        ),
        (backups[0], backups[1], "cross-Region copy"),
        (buckets[0], buckets[1], "cross-Region replication"),
    ];
    for (a, z, label) in pairs {
        if let (Some(a), Some(z)) = (a, z) {
            let e = b.connect(a, z, label);
            if strategy == Dr::MultiSite {
                b.style(e, Arrows::Both, Routing::Orthogonal);
            }
        }
    }
    let mut cloud = regions.clone();
    match dns {
        Some(dns) => {
            b.connect(users, dns, "");
            let labels = match strategy {
                Dr::MultiSite => ["latency", "latency"],
                _ => ["failover: primary", "failover: secondary"],
            };
            for (lb, label) in entries.iter().zip(labels) {
                if let Some(lb) = lb {
                    b.connect(dns, *lb, label);
                }
            }
            cloud.push(dns);
        }
        None => {
            if let Some(lb) = entries[0] {
                b.connect(users, lb, "");
            }
        }
    }
    b.group(GroupKind::AwsCloud, "AWS Cloud", &cloud);
    b.finish()
}

fn data_lake() -> Diagram {
    let mut b = Builder::default();
    let producers = b.resource(CLIENT, "Producers (clickstream)", -240.0, 0.0);
    let stream = b.service("Kinesis Data Streams", "Kinesis Data Streams", 0, 0);
    let firehose = b.service("Data Firehose", "Data Firehose", 10, 0);
    let raw = b.service("S3", "Raw zone", 20, 0);
    let glue = b.service("Glue", "Glue crawler and ETL", 30, 0);
    let curated = b.service("S3", "Curated zone", 40, 0);
    let catalog = b.service(
        "Lake Formation",
        "Lake Formation (catalog, permissions)",
        30,
        10,
    );
    let athena = b.service("Athena", "Athena (SQL)", 40, 10);
    let dashboards = b.service("QuickSight", "QuickSight dashboards", 50, 10);
    let analysts = b.resource(USERS, "Analysts", 1240.0, 200.0);
    b.connect(producers, stream, "events");
    b.connect(stream, firehose, "");
    b.connect(firehose, raw, "batches");
    b.connect(raw, glue, "");
    b.connect(glue, curated, "Parquet");
    b.connect(glue, catalog, "tables");
    b.connect(athena, curated, "query");
    b.connect(athena, catalog, "");
    b.connect(dashboards, athena, "");
    b.connect(analysts, dashboards, "");
    let region = b.group(
        GroupKind::Region,
        "Region",
        &[
            stream, firehose, raw, glue, curated, catalog, athena, dashboards,
        ],
    );
    b.group(GroupKind::AwsCloud, "AWS Cloud", &[region]);
    b.finish()
}
fn event_driven() -> Diagram {
    let mut b = Builder::default();
    let bucket = b.service("S3", "Uploads bucket", 0, 4);
    let topic = b.service("SNS", "Upload topic", 10, 4);
    let queue = b.service("SQS", "Work queue", 20, 0);
    let worker = b.service("Lambda", "Processor", 30, 0);
    let notifier = b.service("Lambda", "Notifier", 30, 8);
    b.connect(bucket, topic, "object created");
    b.connect(topic, queue, "fan-out");
    b.connect(queue, worker, "trigger");
    b.connect(topic, notifier, "subscription");
    let region = b.group(
        GroupKind::Region,
        "Region",
        &[bucket, topic, queue, worker, notifier],
    );
    b.group(GroupKind::AwsCloud, "AWS Cloud", &[region]);
    b.finish()
}

/// The icon name of a service, from the catalog (the prose name itself if unknown, which
/// is then drawn as a placeholder).
fn icon_name(service: &str) -> String {
    let catalog = Catalog::bundled();
    crate::services::Catalog::bundled()
        .icon_of(service)
        .and_then(|id| catalog.get(id))
        .map_or_else(|| service.to_owned(), |icon| icon.aws_name.clone())
}

/// The icon name of a bundled icon, by path (the path itself if unknown).
fn icon_at(path: &str) -> String {
    let catalog = Catalog::bundled();
    catalog
        .by_path(path)
        .and_then(|id| catalog.get(id))
        .map_or_else(|| path.to_owned(), |icon| icon.aws_name.clone())
}

fn node_rect(d: &Diagram, id: NodeId) -> Rect {
    d.nodes.get(&id).map(|n| n.rect).unwrap_or_default()
}

/// `r` grown outwards to the grid.
fn snap_out(r: Rect) -> Rect {
    let x0 = (r.x / GRID).floor() * GRID;
    let y0 = (r.y / GRID).floor() * GRID;
    let x1 = ((r.x + r.w) / GRID).ceil() * GRID;
    let y1 = ((r.y + r.h) / GRID).ceil() * GRID;
    Rect {
        x: x0,
        y: y0,
        w: x1 - x0,
        h: y1 - y0,
    }
}

/// Rough width of a label's character, as the exporters reserve it.
const CHAR_WIDTH: f32 = 7.0;

/// Builds a diagram from struct literals (independent of the editing API).
#[derive(Default)]
struct Builder {
    d: Diagram,
}

impl Builder {
    fn next(&mut self) -> u64 {
        self.d.next_id = self.d.next_id.max(1);
        let id = self.d.next_id;
        self.d.next_id += 1;
        id
    }

    fn add(&mut self, kind: NodeKind, label: &str, rect: Rect) -> NodeId {
        let id = NodeId(self.next());
        self.d.nodes.insert(
            id,
            Node {
                id,
                kind,
                label: label.to_owned(),
                rect,
                parent: None,
            },
        );
        id
    }

    /// A service whose icon's top-left corner is at grid cell (`col`, `row`).
    fn service(&mut self, service: &str, label: &str, col: u16, row: u16) -> NodeId {
        self.service_xy(service, label, f32::from(col) * GRID, f32::from(row) * GRID)
    }

    /// A service whose icon's top-left corner is at (`x`, `y`).
    fn service_xy(&mut self, service: &str, label: &str, x: f32, y: f32) -> NodeId {
        let icon = icon_name(service);
        self.icon_xy(icon, label, x, y)
    }

    /// A bundled icon (by path: generic resources such as Users) at (`x`, `y`).
    fn resource(&mut self, path: &str, label: &str, x: f32, y: f32) -> NodeId {
        let icon = icon_at(path);
        self.icon_xy(icon, label, x, y)
    }

    fn icon_xy(&mut self, icon: String, label: &str, x: f32, y: f32) -> NodeId {
        let rect = Rect {
            x,
            y,
            w: SERVICE_SIZE,
            h: SERVICE_SIZE,
        };
        self.add(NodeKind::Service { icon }, label, rect)
    }

    /// A free label (a title).
    fn text(&mut self, label: &str, rect: Rect) -> NodeId {
        self.add(NodeKind::Text, label, rect)
    }

    /// A group at `rect` (members are attached separately).
    fn group_at(&mut self, kind: GroupKind, label: &str, rect: Rect) -> NodeId {
        self.add(NodeKind::Group { kind }, label, rect)
    }

    /// Makes `parent` the group of `member`.
    fn put(&mut self, member: NodeId, parent: NodeId) {
        if let Some(node) = self.d.nodes.get_mut(&member) {
            node.parent = Some(parent);
        }
    }

    /// A group just around `members` and their labels, which become its children.
    fn group(&mut self, kind: GroupKind, label: &str, members: &[NodeId]) -> NodeId {
        let mut bounds: Option<(f32, f32, f32, f32)> = None;
        for m in members {
            let Some(node) = self.d.nodes.get(m) else {
                continue;
            };
            let r = node.rect;
            let (mut x0, mut x1, mut y1) = (r.x, r.x + r.w, r.y + r.h);
            if matches!(node.kind, NodeKind::Service { .. }) {
                // The label, centred under the icon.
                let half = node.label.chars().count() as f32 * CHAR_WIDTH / 2.0;
                let c = r.x + r.w / 2.0;
                x0 = x0.min(c - half);
                x1 = x1.max(c + half);
                y1 += LABEL;
            }
            let (a0, b0, a1, b1) = bounds.unwrap_or((x0, r.y, x1, y1));
            bounds = Some((a0.min(x0), b0.min(r.y), a1.max(x1), b1.max(y1)));
        }
        let (x0, y0, x1, y1) = bounds.unwrap_or_default();
        let rect = snap_out(Rect {
            x: x0 - PAD,
            y: y0 - PAD - TITLE,
            w: x1 - x0 + 2.0 * PAD,
            h: y1 - y0 + 2.0 * PAD + TITLE,
        });
        let id = self.group_at(kind, label, rect);
        for m in members {
            self.put(*m, id);
        }
        id
    }

    fn connect(&mut self, from: NodeId, to: NodeId, label: &str) -> Option<EdgeId> {
        if from == to || !self.d.nodes.contains_key(&from) || !self.d.nodes.contains_key(&to) {
            return None;
        }
        let id = EdgeId(self.next());
        self.d.edges.insert(
            id,
            Edge {
                id,
                from,
                to,
                label: label.to_owned(),
                arrows: Arrows::Forward,
                routing: Routing::Orthogonal,
                waypoints: Vec::new(),
            },
        );
        Some(id)
    }

    /// Sets the heads and routing of an arrow.
    fn style(&mut self, edge: Option<EdgeId>, arrows: Arrows, routing: Routing) {
        if let Some(e) = edge.and_then(|id| self.d.edges.get_mut(&id)) {
            e.arrows = arrows;
            e.routing = routing;
        }
    }

    /// The diagram, drawing order outer groups first (so groups are behind their members).
    fn finish(mut self) -> Diagram {
        let depth = |id: NodeId| {
            let mut n = 0usize;
            let mut cur = self.d.nodes.get(&id).and_then(|n| n.parent);
            while let Some(p) = cur {
                n += 1;
                if n > self.d.nodes.len() {
                    break;
                }
                cur = self.d.nodes.get(&p).and_then(|n| n.parent);
            }
            n
        };
        let mut order: Vec<NodeId> = self.d.nodes.keys().copied().collect();
        order.sort_by_key(|id| depth(*id));
        self.d.order = order;
        self.d
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::diagram::{export, file};
    use std::path::Path;

    fn display_names(d: &Diagram) -> Vec<String> {
        let c = Catalog::bundled();
        let mut names: Vec<String> = d
            .nodes
            .values()
            .filter_map(|n| match &n.kind {
                NodeKind::Service { icon } => Some(
                    c.by_aws_name(icon)
                        .map_or_else(|| format!("?{icon}"), |i| i.display_name.clone()),
                ),
                NodeKind::Group { .. } | NodeKind::Text | NodeKind::Box => None,
            })
            .collect();
        names.sort();
        names
    }

    fn kinds_up(d: &Diagram, id: NodeId) -> Vec<GroupKind> {
        let mut out = Vec::new();
        let mut cur = d.nodes[&id].parent;
        while let Some(p) = cur {
            if let NodeKind::Group { kind } = d.nodes[&p].kind {
                out.push(kind);
            }
            cur = d.nodes[&p].parent;
        }
        out
    }

    fn by_label<'a>(d: &'a Diagram, label: &str) -> Vec<&'a Node> {
        d.nodes.values().filter(|n| n.label == label).collect()
    }

    fn contains(outer: Rect, inner: Rect) -> bool {
        inner.x >= outer.x
            && inner.y >= outer.y
            && inner.x + inner.w <= outer.x + outer.w
            && inner.y + inner.h <= outer.y + outer.h
    }

    #[test]
    fn labels_are_distinct() {
        let labels: Vec<&str> = Template::ALL.iter().map(|t| t.label()).collect();
        let distinct: std::collections::BTreeSet<&str> = labels.iter().copied().collect();
        assert_eq!(distinct.len(), labels.len(), "{labels:?}");
        assert_eq!(
            &labels[..3],
            ["Serverless API", "Three-tier web app", "Event-driven"]
        );
    }

    #[test]
    fn expected_services() {
        let expect = |t: Template, names: &[&str]| {
            let mut names: Vec<String> = names.iter().map(|s| (*s).to_owned()).collect();
            names.sort();
            assert_eq!(display_names(&t.build()), names, "{t:?}");
        };
        expect(
            Template::ServerlessApi,
            &[
                "Client",
                "Amazon API Gateway",
                "AWS Lambda",
                "Amazon DynamoDB",
                "Amazon Cognito",
            ],
        );
        expect(
            Template::ThreeTier,
            &[
                "Users",
                "Amazon Route 53",
                "Amazon CloudFront",
                "Amazon VPC: Internet Gateway",
                "Elastic Load Balancing: Application Load Balancer",
                "Amazon VPC: NAT Gateway",
                "Amazon VPC: NAT Gateway",
                "Amazon EC2",
                "Amazon EC2",
                "Amazon RDS",
                "Amazon RDS",
            ],
        );
        expect(
            Template::EventDriven,
            &[
                "Amazon Simple Storage Service",
                "Amazon Simple Notification Service",
                "Amazon Simple Queue Service",
                "AWS Lambda",
                "AWS Lambda",
            ],
        );
        expect(
            Template::DataLake,
            &[
                "Client",
                "Users",
                "Amazon Kinesis Data Streams",
                "Amazon Kinesis Data Firehose",
                "Amazon Simple Storage Service",
                "Amazon Simple Storage Service",
                "AWS Glue",
                "AWS Lake Formation",
                "Amazon Athena",
                "Amazon Quick Suite",
            ],
        );
    }

    #[test]
    fn groups_are_nested() {
        use GroupKind::*;
        let d = Template::ThreeTier.build();
        let webs = by_label(&d, "Web server");
        assert_eq!(webs.len(), 2);
        // Web servers and databases in private subnets of two AZs.
        for label in ["Web server", "Primary", "Standby"] {
            for node in by_label(&d, label) {
                assert_eq!(
                    kinds_up(&d, node.id),
                    [PrivateSubnet, AvailabilityZone, Vpc, Region, AwsCloud],
                    "{label}"
                );
            }
        }
        for nat in by_label(&d, "NAT gateway") {
            assert_eq!(
                kinds_up(&d, nat.id),
                [PublicSubnet, AvailabilityZone, Vpc, Region, AwsCloud]
            );
        }
        let asg = by_label(&d, "Auto Scaling group")[0];
        assert_eq!(kinds_up(&d, asg.id), [Vpc, Region, AwsCloud]);
        // The ASG box encloses both web servers, which are in different AZs.
        for web in by_label(&d, "Web server") {
            assert!(contains(asg.rect, web.rect));
        }
        for vpc_level in ["Load balancer", "Internet gateway"] {
            let n = by_label(&d, vpc_level)[0];
            assert_eq!(kinds_up(&d, n.id), [Vpc, Region, AwsCloud], "{vpc_level}");
        }
        assert_eq!(kinds_up(&d, by_label(&d, "DNS")[0].id), [AwsCloud]);
        assert!(kinds_up(&d, by_label(&d, "Users")[0].id).is_empty());
        let api = by_label(&Template::ServerlessApi.build(), "API")[0].clone();
        assert_eq!(
            kinds_up(&Template::ServerlessApi.build(), api.id),
            [Region, AwsCloud]
        );
    }

    /// The box an icon and its label take (labels are centred, about 7 units a character).
    fn footprint(n: &Node) -> Rect {
        let half = (n.label.chars().count() as f32 * 7.0 / 2.0).max(n.rect.w / 2.0);
        let c = n.rect.center();
        Rect::new(c.x - half, n.rect.y, 2.0 * half, n.rect.h + LABEL)
    }

    #[test]
    fn no_two_icons_or_labels_overlap() {
        for t in Template::ALL {
            let d = t.build();
            let services: Vec<&Node> = d
                .nodes
                .values()
                .filter(|n| matches!(n.kind, NodeKind::Service { .. } | NodeKind::Text))
                .collect();
            for (i, a) in services.iter().enumerate() {
                for b in &services[i + 1..] {
                    assert!(
                        !footprint(a).intersects(&footprint(b)),
                        "{t:?}: “{}” and “{}” overlap",
                        a.label,
                        b.label
                    );
                }
            }
            // Sibling groups do not overlap, except Auto Scaling group boxes drawn across
            // the AZs they span.
            let groups: Vec<&Node> = d.nodes.values().filter(|n| n.is_group()).collect();
            for (i, a) in groups.iter().enumerate() {
                for b in &groups[i + 1..] {
                    let asg = |n: &Node| {
                        matches!(
                            n.kind,
                            NodeKind::Group {
                                kind: GroupKind::AutoScalingGroup
                            }
                        )
                    };
                    if a.parent == b.parent && !asg(a) && !asg(b) {
                        assert!(
                            !a.rect.intersects(&b.rect),
                            "{t:?}: groups “{}” and “{}” overlap",
                            a.label,
                            b.label
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn structure_is_sound() {
        let c = Catalog::bundled();
        for t in Template::ALL {
            let d = t.build();
            assert!(!d.edges.is_empty());
            for e in d.edges.values() {
                assert!(d.nodes.contains_key(&e.from) && d.nodes.contains_key(&e.to));
                assert_ne!(e.from, e.to);
            }
            // Order: every node once, parents before children.
            assert_eq!(d.order.len(), d.nodes.len());
            for (i, id) in d.order.iter().enumerate() {
                if let Some(p) = d.nodes[id].parent {
                    let pi = d.order.iter().position(|x| *x == p).unwrap();
                    assert!(pi < i, "{t:?}");
                }
            }
            for n in d.nodes.values() {
                // Members lie inside their group, on the grid.
                if let Some(p) = n.parent {
                    assert!(contains(d.nodes[&p].rect, n.rect), "{t:?} {}", n.label);
                }
                assert_eq!(n.rect.x % GRID, 0.0);
                assert_eq!(n.rect.y % GRID, 0.0);
                if let NodeKind::Service { icon } = &n.kind {
                    assert!(c.icons().iter().any(|i| &i.aws_name == icon), "{icon}");
                }
            }
            let max = d
                .nodes
                .keys()
                .map(|n| n.0)
                .chain(d.edges.keys().map(|e| e.0))
                .max();
            assert!(d.next_id > max.unwrap());
        }
    }

    #[test]
    fn templates_export_and_round_trip() {
        for t in Template::ALL {
            let d = t.build();
            let svg = export::to_svg(&d);
            usvg_parse(&svg);
            let png = export::to_png(&d, 1.0).unwrap();
            assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
            let (back, warnings) = file::from_ron(Path::new("t"), &file::to_ron(&d)).unwrap();
            assert_eq!(back, d);
            assert!(warnings.is_empty(), "{t:?}: {warnings:?}");
        }
    }

    fn usvg_parse(svg: &str) {
        resvg::usvg::Tree::from_str(svg, &resvg::usvg::Options::default()).unwrap();
    }
}
