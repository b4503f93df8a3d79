//! Tests of the review rules: for each rule a diagram that triggers it and one that does
//! not (the [`cases`] table, checked to cover every rule both ways), the rule table's
//! data, accepted findings, and planting.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;

use super::*;
use crate::diagram::model::{AcceptedFinding, Arrows, Diagram, GroupKind, NodeId, Point, Rect};

/// The icon of a catalog service, or of a bundled icon path (`resource/Users.svg`).
fn icon(service_or_path: &str) -> String {
    let icons = crate::icons::Catalog::bundled();
    if service_or_path.starts_with("resource/") {
        let id = icons.by_path(service_or_path).unwrap();
        return icons.get(id).unwrap().aws_name.clone();
    }
    let services = crate::services::Catalog::bundled();
    let id = services.by_key(service_or_path).unwrap();
    icons
        .get(services.icon(id).unwrap())
        .unwrap()
        .aws_name
        .clone()
}

const USERS: &str = "resource/Users.svg";
const INTERNET: &str = "resource/Internet.svg";

/// A network: a Region with a VPC of two AZs, each with a public, an application and a data subnet.
struct Net {
    d: Diagram,
    region: NodeId,
    vpc: NodeId,
    az: [NodeId; 2],
    public: [NodeId; 2],
    app: [NodeId; 2],
    data: [NodeId; 2],
}

/// Where to put a service in a group: its centre, `slot` icons from the left.
fn slot(d: &Diagram, group: NodeId, slot: u8) -> Point {
    let r = d.node(group).unwrap().rect;
    Point::new(r.x + 80.0 + f32::from(slot) * 100.0, r.y + r.h / 2.0)
}

impl Net {
    fn new() -> Self {
        let mut d = Diagram::new();
        let region = d.add_group(
            GroupKind::Region,
            "Region",
            Rect::new(0.0, 0.0, 1400.0, 1000.0),
        );
        let vpc = d.add_group(GroupKind::Vpc, "VPC", Rect::new(40.0, 40.0, 1300.0, 900.0));
        let mut az = [NodeId(0); 2];
        let mut public = [NodeId(0); 2];
        let mut app = [NodeId(0); 2];
        let mut data = [NodeId(0); 2];
        for i in 0..2 {
            let y = 100.0 + 420.0 * i as f32;
            az[i] = d.add_group(
                GroupKind::AvailabilityZone,
                if i == 0 { "AZ A" } else { "AZ B" },
                Rect::new(80.0, y, 1200.0, 340.0),
            );
            public[i] = d.add_group(
                GroupKind::PublicSubnet,
                "Public",
                Rect::new(100.0, y + 50.0, 340.0, 250.0),
            );
            app[i] = d.add_group(
                GroupKind::PrivateSubnet,
                "App",
                Rect::new(480.0, y + 50.0, 340.0, 250.0),
            );
            data[i] = d.add_group(
                GroupKind::PrivateSubnet,
                "Data",
                Rect::new(860.0, y + 50.0, 340.0, 250.0),
            );
        }
        Self {
            d,
            region,
            vpc,
            az,
            public,
            app,
            data,
        }
    }

    fn add(&mut self, service: &str, label: &str, group: NodeId, n: u8) -> NodeId {
        let at = slot(&self.d, group, n);
        self.d.add_service(&icon(service), label, at)
    }

    /// A service outside the VPC, in the Region, at the bottom.
    fn regional(&mut self, service: &str, label: &str, n: u8) -> NodeId {
        let at = Point::new(100.0 + f32::from(n) * 120.0, 970.0);
        self.d.add_service(&icon(service), label, at)
    }

    /// A service outside everything, left of the Region.
    fn outside(&mut self, service: &str, label: &str, n: u8) -> NodeId {
        let at = Point::new(-200.0, 100.0 + f32::from(n) * 120.0);
        self.d.add_service(&icon(service), label, at)
    }

    /// An internet gateway inside the VPC, between the AZs.
    fn igw(&mut self) -> NodeId {
        self.d
            .add_service(&icon("internet-gateway"), "IGW", Point::new(120.0, 480.0))
    }

    /// An ALB inside the VPC, between the AZs.
    fn alb(&mut self, label: &str) -> NodeId {
        self.d
            .add_service(&icon("alb"), label, Point::new(300.0, 480.0))
    }

    fn arrow(&mut self, a: NodeId, b: NodeId) {
        self.d.connect(a, b).unwrap();
    }

    /// A correct web tier: Users → IGW → ALB → two web servers in the app subnets, NAT
    /// gateways in both public subnets.
    fn web() -> (Self, NodeId, NodeId, [NodeId; 2]) {
        let mut v = Self::new();
        let users = v.outside(USERS, "Users", 0);
        let igw = v.igw();
        let alb = v.alb("ALB");
        v.arrow(users, igw);
        v.arrow(igw, alb);
        let web = [
            v.add("ec2", "Web", v.app[0], 0),
            v.add("ec2", "Web", v.app[1], 0),
        ];
        for w in web {
            v.arrow(alb, w);
        }
        for p in v.public {
            v.add("nat-gateway", "NAT gateway", p, 0);
        }
        (v, users, alb, web)
    }
}

fn finding(d: &Diagram, id: &str) -> Finding {
    review(d)
        .into_iter()
        .find(|f| f.rule.id == id)
        .unwrap_or_else(|| panic!("{id} does not fire"))
}

type Case = (&'static str, bool, fn() -> Diagram);

/// (rule, fires, diagram): every rule appears at least once each way.
fn cases() -> Vec<Case> {
    vec![
        ("db-in-public-subnet", true, || {
            let mut v = Net::new();
            v.add("rds", "DB", v.public[0], 1);
            v.d
        }),
        ("db-in-public-subnet", false, || {
            let mut v = Net::new();
            v.add("rds", "DB", v.data[0], 0);
            v.add("aurora", "Aurora", v.data[1], 0);
            v.d
        }),
        ("cache-in-public-subnet", true, || {
            let mut v = Net::new();
            v.add("elasticache", "Cache", v.public[1], 1);
            v.d
        }),
        ("cache-in-public-subnet", false, || {
            let mut v = Net::new();
            v.add("elasticache", "Cache", v.data[1], 1);
            v.d
        }),
        ("private-subnet-reached-from-internet", true, || {
            let mut v = Net::new();
            let igw = v.igw();
            let web = v.add("ec2", "Web", v.app[0], 0);
            v.arrow(igw, web);
            v.d
        }),
        ("private-subnet-reached-from-internet", true, || {
            let mut v = Net::new();
            let users = v.outside(USERS, "Users", 0);
            let alb = v.add("alb", "ALB", v.app[0], 0);
            v.arrow(users, alb);
            v.d
        }),
        ("private-subnet-reached-from-internet", false, || {
            Net::web().0.d
        }),
        // Users on premises reach private subnets over Direct Connect.
        ("private-subnet-reached-from-internet", false, || {
            let mut v = Net::new();
            let users = v.outside(USERS, "Users", 0);
            v.outside("direct-connect", "Direct Connect", 1);
            let app = v.add("ec2", "App", v.app[0], 0);
            v.arrow(users, app);
            v.d
        }),
        // Regression (fact-check): an admin through Session Manager is no inbound path.
        ("private-subnet-reached-from-internet", false, || {
            let mut v = Net::new();
            let admin = v.outside(USERS, "Admin (Session Manager)", 0);
            let app = v.add("ec2", "App", v.app[0], 0);
            v.arrow(admin, app);
            v.d
        }),
        // A line without a head does not say which way traffic goes.
        ("private-subnet-reached-from-internet", false, || {
            let mut v = Net::new();
            let users = v.outside(USERS, "Users", 0);
            let app = v.add("ec2", "App", v.app[0], 0);
            v.arrow(users, app);
            let e = *v.d.edges.keys().next_back().unwrap();
            v.d.set_edge(
                e,
                "",
                Arrows::None,
                crate::diagram::model::Routing::Orthogonal,
            );
            v.d
        }),
        ("internal-lb-from-internet", true, || {
            let mut v = Net::new();
            let users = v.outside(USERS, "Users", 0);
            let igw = v.igw();
            let alb = v.alb("Internal ALB");
            v.arrow(users, igw);
            v.arrow(igw, alb);
            v.d
        }),
        ("internal-lb-from-internet", false, || {
            let (mut v, _, _, web) = Net::web();
            let internal = v.add("alb", "Internal ALB", v.app[0], 1);
            v.arrow(web[0], internal);
            v.d
        }),
        ("lambda-outside-vpc-to-private-resource", true, || {
            let mut v = Net::new();
            let f = v.regional("lambda", "Function", 0);
            let db = v.add("rds", "DB", v.data[0], 0);
            v.arrow(f, db);
            v.d
        }),
        ("lambda-outside-vpc-to-private-resource", false, || {
            let mut v = Net::new();
            let f = v.add("lambda", "Function", v.app[0], 0);
            let db = v.add("rds", "DB", v.data[0], 0);
            v.arrow(f, db);
            // Aurora's Data API is reachable from outside the VPC.
            let g = v.regional("lambda", "Function", 1);
            let aurora = v.add("aurora", "Aurora", v.data[1], 0);
            v.arrow(g, aurora);
            v.d
        }),
        ("nat-gateway-in-private-subnet", true, || {
            let mut v = Net::new();
            v.add("nat-gateway", "NAT gateway", v.app[0], 1);
            v.d
        }),
        ("nat-gateway-in-private-subnet", false, || {
            let mut v = Net::new();
            v.add("nat-gateway", "NAT gateway", v.public[0], 0);
            v.add("nat-gateway", "Private NAT gateway", v.app[0], 1);
            v.d
        }),
        ("no-internet-gateway", true, || {
            let mut v = Net::new();
            v.add("nat-gateway", "NAT gateway", v.public[0], 0);
            v.d
        }),
        ("no-internet-gateway", true, || {
            let mut v = Net::new();
            let users = v.outside(USERS, "Users", 0);
            let alb = v.alb("ALB");
            v.arrow(users, alb);
            v.d
        }),
        ("no-internet-gateway", false, || Net::web().0.d),
        // An internal load balancer needs no internet gateway.
        ("no-internet-gateway", false, || {
            let mut v = Net::new();
            v.add("alb", "Internal ALB", v.app[0], 0);
            v.d
        }),
        ("private-subnet-no-egress", true, || {
            let mut v = Net::new();
            let app = v.add("ec2", "Worker", v.app[0], 0);
            let q = v.regional("sqs", "Queue", 0);
            v.arrow(app, q);
            v.d
        }),
        ("private-subnet-no-egress", true, || {
            let mut v = Net::new();
            let f = v.add("lambda", "Function", v.app[1], 0);
            let net = v.outside(INTERNET, "Partner API", 0);
            // An interface endpoint does not reach the internet.
            v.add("vpc-endpoint", "Interface endpoint (SQS)", v.app[1], 1);
            v.arrow(f, net);
            v.d
        }),
        ("private-subnet-no-egress", false, || {
            let (mut v, ..) = Net::web();
            let app = v.add("ec2", "Worker", v.app[0], 1);
            let q = v.regional("sqs", "Queue", 0);
            v.arrow(app, q);
            v.d
        }),
        ("private-subnet-no-egress", false, || {
            let mut v = Net::new();
            let app = v.add("ec2", "Worker", v.app[0], 0);
            let s3 = v.regional("s3", "Bucket", 0);
            v.add("vpc-endpoint", "Gateway endpoint (S3)", v.app[0], 1);
            v.arrow(app, s3);
            v.d
        }),
        // Regression (fact-check): a VPC function's logs go through the Lambda service.
        ("private-subnet-no-egress", false, || {
            let mut v = Net::new();
            let f = v.add("lambda", "Function", v.app[0], 0);
            let logs = v.regional("cloudwatch", "Logs", 0);
            v.arrow(f, logs);
            v.d
        }),
        // Egress through a transit gateway to a central egress VPC.
        ("private-subnet-no-egress", false, || {
            let mut v = Net::new();
            let app = v.add("ec2", "Worker", v.app[0], 0);
            let q = v.regional("sqs", "Queue", 0);
            v.regional("transit-gateway", "TGW", 1);
            v.arrow(app, q);
            v.d
        }),
        // Outbound traffic may go to the data center behind a virtual private gateway.
        ("private-subnet-no-egress", false, || {
            let mut v = Net::new();
            let app = v.add("ec2", "Worker", v.app[0], 0);
            let q = v.regional("sqs", "Queue", 0);
            let vgw = icon("resource/AmazonVPCVPNGateway.svg");
            v.d.add_service(&vgw, "VGW", Point::new(700.0, 480.0));
            v.arrow(app, q);
            v.d
        }),
        ("lambda-in-public-subnet", true, || {
            let mut v = Net::new();
            v.add("lambda", "Function", v.public[0], 1);
            v.d
        }),
        ("lambda-in-public-subnet", false, || {
            let mut v = Net::new();
            v.add("lambda", "Function", v.app[0], 1);
            v.regional("lambda", "Function", 0);
            v.d
        }),
        ("regional-service-in-subnet", true, || {
            let mut v = Net::new();
            v.add("s3", "Bucket", v.app[0], 1);
            v.d
        }),
        ("regional-service-in-subnet", true, || {
            let mut v = Net::new();
            v.add("dynamodb", "Table", v.data[1], 1);
            v.d
        }),
        ("regional-service-in-subnet", false, || {
            let mut v = Net::new();
            v.regional("s3", "Bucket", 0);
            v.regional("sqs", "Queue", 1);
            // A VPC-attached function is in a subnet, rightly.
            v.add("lambda", "Function", v.app[0], 0);
            v.add("s3-express-one-zone", "Directory bucket", v.app[0], 1);
            v.d
        }),
        // Directory buckets (S3 Express One Zone) do live in one AZ; an AZ outside any
        // VPC is a picture of the Region, not a place in your network.
        ("regional-service-in-subnet", false, || {
            let mut v = Net::new();
            let bucket = icon("resource/AmazonSimpleStorageServiceDirectorybucket.svg");
            let at = slot(&v.d, v.data[0], 1);
            v.d.add_service(&bucket, "Directory bucket", at);
            let mut d = v.d;
            d.add_group(
                GroupKind::AvailabilityZone,
                "AZ",
                Rect::new(2000.0, 0.0, 400.0, 300.0),
            );
            d.add_service(&icon("s3"), "Bucket", Point::new(2200.0, 150.0));
            d
        }),
        ("vpc-gateway-in-subnet", true, || {
            let mut v = Net::new();
            v.add("internet-gateway", "IGW", v.public[0], 1);
            v.d
        }),
        ("vpc-gateway-in-subnet", false, || {
            let mut v = Net::new();
            v.igw();
            v.d
        }),
        ("lb-targets-in-public-subnet", true, || {
            let (mut v, _, alb, _) = Net::web();
            let w = v.add("ec2", "Web", v.public[0], 1);
            v.arrow(alb, w);
            v.d
        }),
        ("lb-targets-in-public-subnet", false, || Net::web().0.d),
        ("ec2-tier-single-az", true, || {
            let mut v = Net::new();
            let alb = v.alb("ALB");
            for n in 0..2 {
                let w = v.add("ec2", "Web", v.app[0], n);
                v.arrow(alb, w);
            }
            v.d
        }),
        ("ec2-tier-single-az", false, || Net::web().0.d),
        // Without AZs drawn, the diagram does not say.
        ("ec2-tier-single-az", false, || {
            let mut d = Diagram::new();
            let alb = d.add_service(&icon("alb"), "ALB", Point::new(0.0, 0.0));
            let w = d.add_service(&icon("ec2"), "Web", Point::new(200.0, 0.0));
            d.connect(alb, w);
            d
        }),
        ("asg-single-az", true, || {
            let mut v = Net::new();
            let at = slot(&v.d, v.app[0], 0);
            v.d.add_group(
                GroupKind::AutoScalingGroup,
                "ASG",
                Rect::new(at.x - 60.0, at.y - 80.0, 240.0, 180.0),
            );
            v.add("ec2", "Web", v.app[0], 0);
            v.add("ec2", "Web", v.app[0], 1);
            v.d
        }),
        ("asg-single-az", false, || {
            let (mut v, ..) = Net::web();
            // A box across both AZs around the two web servers.
            let a = slot(&v.d, v.app[0], 0);
            let b = slot(&v.d, v.app[1], 0);
            v.d.add_group(
                GroupKind::AutoScalingGroup,
                "ASG",
                Rect::new(a.x - 60.0, a.y - 80.0, 120.0, b.y - a.y + 160.0),
            );
            v.d
        }),
        ("rds-single-az", true, || {
            let mut v = Net::new();
            v.add("rds", "Database", v.data[0], 0);
            v.d
        }),
        ("rds-single-az", false, || {
            let mut v = Net::new();
            v.add("rds", "Database (Multi-AZ)", v.data[0], 0);
            v.d
        }),
        ("rds-single-az", false, || {
            let mut v = Net::new();
            let p = v.add("rds", "Primary", v.data[0], 0);
            let s = v.add("rds", "Standby", v.data[1], 0);
            v.arrow(p, s);
            v.d
        }),
        ("rds-single-az", false, || {
            let mut d = Diagram::new();
            d.add_service(&icon("rds"), "DB", Point::new(0.0, 0.0));
            d
        }),
        ("standby-same-az", true, || {
            let mut v = Net::new();
            let p = v.add("rds", "Primary", v.data[0], 0);
            let s = v.add("rds", "Standby", v.data[0], 1);
            v.arrow(p, s);
            v.d
        }),
        ("standby-same-az", false, || {
            let mut v = Net::new();
            let p = v.add("rds", "Primary", v.data[0], 0);
            let s = v.add("rds", "Standby", v.data[1], 0);
            v.arrow(p, s);
            v.d
        }),
        // Regression (fact-check): two databases, each with its standby in the other's AZ
        // and no arrows; a standby could not be told apart from the other's primary.
        ("standby-same-az", false, || {
            let mut v = Net::new();
            v.add("rds", "Orders", v.data[0], 0);
            v.add("rds", "Orders standby", v.data[1], 1);
            v.add("rds", "Users", v.data[1], 0);
            v.add("rds", "Users standby", v.data[0], 1);
            v.d
        }),
        ("alb-single-az", true, || {
            let mut d = Diagram::new();
            d.add_group(GroupKind::Vpc, "VPC", Rect::new(0.0, 0.0, 800.0, 500.0));
            d.add_group(
                GroupKind::AvailabilityZone,
                "AZ",
                Rect::new(20.0, 40.0, 700.0, 400.0),
            );
            d.add_service(&icon("alb"), "ALB", Point::new(200.0, 200.0));
            d
        }),
        ("alb-single-az", false, || {
            let mut v = Net::new();
            v.add("alb", "ALB", v.public[0], 1);
            v.d
        }),
        ("ebs-across-az", true, || {
            let (mut v, _, _, web) = Net::web();
            let vol = v.add("ebs", "Shared volume", v.app[0], 1);
            v.arrow(vol, web[0]);
            v.arrow(vol, web[1]);
            v.d
        }),
        ("ebs-across-az", false, || {
            let (mut v, _, _, web) = Net::web();
            let vol = v.add("ebs", "Volume", v.app[0], 1);
            v.arrow(web[0], vol);
            v.d
        }),
        ("nat-gateway-single-az", true, || {
            let mut v = Net::new();
            v.add("nat-gateway", "NAT gateway", v.public[0], 0);
            v.add("ec2", "App", v.app[0], 0);
            v.add("ec2", "App", v.app[1], 0);
            v.d
        }),
        ("nat-gateway-single-az", false, || Net::web().0.d),
        ("nat-gateway-single-az", false, || {
            let mut v = Net::new();
            v.d.add_service(
                &icon("nat-gateway"),
                "Regional NAT gateway",
                Point::new(300.0, 480.0),
            );
            v.add("ec2", "App", v.app[0], 0);
            v.add("ec2", "App", v.app[1], 0);
            v.d
        }),
        ("ec2-fleet-without-lb", true, || {
            let mut v = Net::new();
            let igw = v.igw();
            let users = v.outside(USERS, "Users", 0);
            v.arrow(users, igw);
            for i in 0..2 {
                let w = v.add("ec2", "Web", v.public[i], 0);
                v.arrow(igw, w);
            }
            v.d
        }),
        ("ec2-fleet-without-lb", true, || {
            let (mut v, ..) = Net::web();
            let a = slot(&v.d, v.app[0], 0);
            let b = slot(&v.d, v.app[1], 0);
            let asg = v.d.add_group(
                GroupKind::AutoScalingGroup,
                "ASG",
                Rect::new(a.x - 60.0, a.y - 80.0, 120.0, b.y - a.y + 160.0),
            );
            let dns = v.outside("route-53", "DNS", 1);
            v.arrow(dns, asg);
            v.d
        }),
        ("ec2-fleet-without-lb", false, || {
            let mut v = Net::new();
            let igw = v.igw();
            for (i, label) in ["Web server", "NAT instance"].into_iter().enumerate() {
                let w = v.add("ec2", label, v.public[i], 0);
                v.arrow(igw, w);
            }
            v.d
        }),
        ("ec2-fleet-without-lb", false, || Net::web().0.d),
        // DNS failover between one instance per Region.
        ("ec2-fleet-without-lb", false, || {
            let mut d = Diagram::new();
            let dns = d.add_service(&icon("route-53"), "DNS failover", Point::new(0.0, 300.0));
            for i in 0..2 {
                let x = 200.0 + 500.0 * i as f32;
                d.add_group(GroupKind::Region, "Region", Rect::new(x, 0.0, 400.0, 600.0));
                let w = d.add_service(&icon("ec2"), "Server", Point::new(x + 200.0, 300.0));
                d.connect(dns, w);
            }
            d
        }),
        ("single-region-dr", true, || {
            let mut v = Net::new();
            v.add("rds", "Primary", v.data[0], 0);
            v.add("rds", "DR standby", v.data[1], 0);
            v.d
        }),
        ("single-region-dr", false, || {
            let mut v = Net::new();
            v.add("rds", "Primary", v.data[0], 0);
            v.d.add_group(
                GroupKind::Region,
                "DR Region",
                Rect::new(1600.0, 0.0, 600.0, 600.0),
            );
            v.d
        }),
        // Disaster recovery from a data center to one Region.
        ("single-region-dr", false, || {
            let mut v = Net::new();
            v.add("ec2", "DR copy", v.app[0], 0);
            v.outside("direct-connect", "Direct Connect", 0);
            v.d
        }),
        ("single-region-dr", false, || {
            let mut v = Net::new();
            v.add("ec2", "Drive scanner", v.app[0], 0);
            v.d
        }),
        ("multi-region-without-failover-routing", true, || {
            let mut d = Diagram::new();
            for i in 0..2 {
                let x = 500.0 * i as f32;
                d.add_group(
                    GroupKind::Region,
                    if i == 0 { "Primary" } else { "Warm standby" },
                    Rect::new(x, 0.0, 400.0, 400.0),
                );
                d.add_service(&icon("alb"), "ALB", Point::new(x + 200.0, 200.0));
            }
            d
        }),
        ("multi-region-without-failover-routing", false, || {
            let mut d = Diagram::new();
            let dns = d.add_service(&icon("route-53"), "Failover", Point::new(0.0, -200.0));
            for i in 0..2 {
                let x = 500.0 * i as f32;
                d.add_group(GroupKind::Region, "DR", Rect::new(x, 0.0, 400.0, 400.0));
                let alb = d.add_service(&icon("alb"), "ALB", Point::new(x + 200.0, 200.0));
                d.connect(dns, alb);
            }
            d
        }),
        // CloudFront origin failover between the two Regions.
        ("multi-region-without-failover-routing", false, || {
            let mut d = Diagram::new();
            let cdn = d.add_service(
                &icon("cloudfront"),
                "Origin failover",
                Point::new(0.0, -200.0),
            );
            for i in 0..2 {
                let x = 500.0 * i as f32;
                d.add_group(GroupKind::Region, "DR", Rect::new(x, 0.0, 400.0, 400.0));
                let alb = d.add_service(&icon("alb"), "ALB", Point::new(x + 200.0, 200.0));
                d.connect(cdn, alb);
            }
            d
        }),
        ("direct-connect-single", true, || {
            let mut d = Diagram::new();
            let dc = d.add_service(
                &icon("resource/Servers.svg"),
                "Servers",
                Point::new(0.0, 0.0),
            );
            let dx = d.add_service(
                &icon("direct-connect"),
                "Direct Connect",
                Point::new(200.0, 0.0),
            );
            d.connect(dc, dx);
            d
        }),
        ("direct-connect-single", false, || {
            let mut d = Diagram::new();
            d.add_service(
                &icon("direct-connect"),
                "Direct Connect",
                Point::new(200.0, 0.0),
            );
            d.add_service(
                &icon("site-to-site-vpn"),
                "Backup",
                Point::new(200.0, 200.0),
            );
            d
        }),
        ("direct-connect-single", false, || {
            let mut d = Diagram::new();
            d.add_service(
                &icon("direct-connect"),
                "Direct Connect 2 × 10 Gbps, two locations",
                Point::new(200.0, 0.0),
            );
            d
        }),
        ("static-site-without-cloudfront", true, || {
            let mut d = Diagram::new();
            let dns = d.add_service(&icon("route-53"), "DNS", Point::new(0.0, 0.0));
            let site = d.add_service(&icon("s3"), "Site", Point::new(200.0, 0.0));
            d.connect(dns, site);
            d
        }),
        ("static-site-without-cloudfront", true, || {
            let mut d = Diagram::new();
            let users = d.add_service(&icon(USERS), "Visitors", Point::new(0.0, 0.0));
            let site = d.add_service(&icon("s3"), "Static website", Point::new(200.0, 0.0));
            d.connect(users, site);
            d
        }),
        ("static-site-without-cloudfront", false, || {
            let mut d = Diagram::new();
            let dns = d.add_service(&icon("route-53"), "DNS", Point::new(0.0, 0.0));
            let cdn = d.add_service(&icon("cloudfront"), "CDN", Point::new(200.0, 0.0));
            let site = d.add_service(&icon("s3"), "Site", Point::new(400.0, 0.0));
            d.connect(dns, cdn);
            d.connect(cdn, site);
            // Users uploading through presigned URLs are not a website.
            let users = d.add_service(&icon(USERS), "Users", Point::new(0.0, 200.0));
            let uploads = d.add_service(&icon("s3"), "Uploads", Point::new(200.0, 200.0));
            d.connect(users, uploads);
            d
        }),
        ("standby-serves-reads", true, || {
            let (mut v, _, _, web) = Net::web();
            let p = v.add("rds", "Primary", v.data[0], 0);
            let s = v.add("rds", "Standby", v.data[1], 0);
            v.arrow(web[0], p);
            v.arrow(web[1], s);
            v.d
        }),
        ("standby-serves-reads", false, || {
            let (mut v, _, _, web) = Net::web();
            let p = v.add("rds", "Primary", v.data[0], 0);
            let s = v.add("rds", "Standby", v.data[1], 0);
            let r = v.add("rds", "Readable standby (Multi-AZ cluster)", v.data[1], 1);
            v.arrow(web[0], p);
            v.arrow(web[1], r);
            v.d.connect(p, s).unwrap();
            let e = *v.d.edges.keys().next_back().unwrap();
            v.d.set_edge(
                e,
                "sync",
                Arrows::Both,
                crate::diagram::model::Routing::Straight,
            );
            v.d
        }),
        ("global-service-in-vpc", true, || {
            let mut v = Net::new();
            v.add("cloudfront", "CDN", v.public[0], 1);
            v.d
        }),
        ("global-service-in-vpc", false, || {
            let mut v = Net::new();
            v.outside("cloudfront", "CDN", 0);
            v.d
        }),
        // Regressions from the fact-check: silent where the design is right or the diagram
        // does not say.
        ("ebs-across-az", false, || {
            // One EBS icon drawn outside the AZ boxes: which AZ it is in is not drawn.
            let (mut v, _, _, web) = Net::web();
            let vol = v.regional("ebs", "Volumes", 0);
            v.arrow(web[0], vol);
            v.arrow(web[1], vol);
            v.d
        }),
        ("asg-single-az", false, || {
            // A cluster placement group for HPC is in one AZ on purpose.
            let mut v = Net::new();
            let at = slot(&v.d, v.app[0], 0);
            v.d.add_group(
                GroupKind::AutoScalingGroup,
                "HPC nodes (cluster placement group)",
                Rect::new(at.x - 60.0, at.y - 80.0, 240.0, 180.0),
            );
            v.add("ec2", "Node", v.app[0], 0);
            v.add("ec2", "Node", v.app[0], 1);
            v.d
        }),
        ("standby-serves-reads", false, || {
            // A read replica kept for DR is readable.
            let (mut v, _, _, web) = Net::web();
            let p = v.add("rds", "Primary", v.data[0], 0);
            let r = v.add("rds", "Read replica (DR standby)", v.data[1], 0);
            v.arrow(web[0], p);
            v.arrow(web[1], r);
            v.d
        }),
        ("global-service-in-vpc", false, || {
            // Organizations is global but not an edge service (the rule is about the edge).
            let mut v = Net::new();
            v.add("organizations", "Org", v.public[0], 1);
            v.d
        }),
        ("s3-dynamodb-via-nat", true, || {
            let (mut v, ..) = Net::web();
            let app = v.add("ec2", "App", v.app[0], 1);
            let s3 = v.regional("s3", "Bucket", 0);
            v.arrow(app, s3);
            v.d
        }),
        ("s3-dynamodb-via-nat", true, || {
            let (mut v, ..) = Net::web();
            let app = v.add("ec2", "App", v.app[1], 1);
            let nat =
                v.d.nodes
                    .values()
                    .find(|n| n.label == "NAT gateway")
                    .unwrap()
                    .id;
            let table = v.regional("dynamodb", "Table", 0);
            v.arrow(app, nat);
            v.arrow(nat, table);
            v.d
        }),
        ("s3-dynamodb-via-nat", false, || {
            let (mut v, ..) = Net::web();
            let app = v.add("ec2", "App", v.app[0], 1);
            let s3 = v.regional("s3", "Bucket", 0);
            let gw = v.d.add_service(
                &icon("vpc-endpoint"),
                "Gateway endpoint (S3)",
                Point::new(700.0, 480.0),
            );
            v.arrow(app, gw);
            v.arrow(gw, s3);
            v.d
        }),
    ]
}

#[test]
fn every_rule_has_a_diagram_that_triggers_it_and_one_that_does_not() {
    let cases = cases();
    for (i, (id, expect, build)) in cases.iter().enumerate() {
        let d = build();
        let got: Vec<&str> = review(&d).iter().map(|f| f.rule.id).collect();
        assert_eq!(
            got.contains(id),
            *expect,
            "case {i} ({id}, {expect}): {got:?}"
        );
    }
    for r in rules() {
        for want in [true, false] {
            assert!(
                cases.iter().any(|(id, e, _)| *id == r.id && *e == want),
                "{} has no case that {}",
                r.id,
                if want { "fires" } else { "stays silent" }
            );
        }
    }
}

#[test]
fn the_rule_table_is_complete_and_sound() {
    assert!(rules().len() >= 25, "{} rules", rules().len());
    let services = crate::services::Catalog::bundled();
    let mut ids = BTreeSet::new();
    for r in rules() {
        assert!(ids.insert(r.id), "duplicate id {}", r.id);
        assert!(
            r.id.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && !r.id.starts_with('-')
                && !r.id.ends_with('-'),
            "{} is not kebab-case",
            r.id
        );
        assert!(
            r.doc_url.starts_with("https://docs.aws.amazon.com/"),
            "{}: {}",
            r.id,
            r.doc_url
        );
        assert!(!r.services.is_empty(), "{}", r.id);
        for s in r.services {
            assert!(
                services.by_key(s).is_some(),
                "{}: unknown service {s}",
                r.id
            );
        }
        for text in [r.title_en, r.title_fr, r.explanation_en, r.explanation_fr] {
            assert!(!text.trim().is_empty(), "{}", r.id);
        }
        assert_ne!(r.title_en, r.title_fr, "{}", r.id);
        assert_ne!(r.explanation_en, r.explanation_fr, "{}", r.id);
        assert!(r.explanation_en.len() > 120, "{}: one real paragraph", r.id);
        assert_eq!(rule(r.id).map(|x| x.id), Some(r.id));
        assert_eq!(r.title(Lang::Fr), r.title_fr);
        assert_eq!(r.explanation(Lang::En), r.explanation_en);
    }
    assert!(rule("no-such-rule").is_none());
    let plantable = rules().iter().filter(|r| r.plantable()).count();
    assert!(plantable >= 15, "{plantable} plantable rules");
    for domain in Domain::ALL {
        assert!(rules().iter().any(|r| r.domain == domain), "{domain:?}");
    }
}

#[test]
fn findings_are_sorted_and_accepted_ones_leave_the_open_list() {
    let mut v = Net::new();
    let a = v.add("rds", "DB", v.public[1], 1);
    let b = v.add("rds", "DB", v.public[0], 1);
    let cache = v.add("elasticache", "Cache", v.public[0], 2);
    let mut d = v.d;
    let all = review(&d);
    assert_eq!(review(&d), all, "deterministic");
    let ids: Vec<&str> = all.iter().map(|f| f.rule.id).collect();
    // Table order, then node order.
    let db: Vec<&Finding> = all
        .iter()
        .filter(|f| f.rule.id == "db-in-public-subnet")
        .collect();
    assert_eq!(db.len(), 2);
    assert_eq!(db[0].nodes, vec![a.min(b)]);
    assert_eq!(db[1].nodes, vec![a.max(b)]);
    let pos = |id: &str| ids.iter().position(|x| *x == id).unwrap();
    assert!(pos("db-in-public-subnet") < pos("cache-in-public-subnet"));
    // Accept one database finding; it leaves the open list, the review keeps it.
    let accepted = db[0].to_accepted("dev environment, deleted tonight");
    d.accepted.push(accepted.clone());
    let open = open_findings(&d);
    assert_eq!(open.len(), all.len() - 1);
    assert!(!open.contains(db[0]));
    assert_eq!(review(&d), all);
    let report = report(&d);
    assert_eq!(report.open, open);
    assert_eq!(report.accepted.len(), 1);
    assert!(report.accepted[0].still_found);
    assert_eq!(
        report.accepted[0].reason,
        "dev environment, deleted tonight"
    );
    assert_eq!(db[0].accepted_in(&d), Some(&accepted));
    // Fixed: the acceptance stays, marked as no longer found.
    let _ = cache;
    let moved = d.node(a.min(b)).unwrap().rect.center();
    d.move_nodes(&[a.min(b)], 0.0, 1200.0 - moved.y);
    let report = super::report(&d);
    assert!(!report.accepted[0].still_found);
    // Acceptances of unknown rules are ignored; deleting the node drops its acceptance.
    d.accepted.push(AcceptedFinding {
        rule: "from-a-newer-build".into(),
        nodes: vec![a],
        reason: String::new(),
    });
    assert_eq!(super::report(&d).accepted.len(), 1);
    d.delete(&[a.min(b)], &[]);
    assert!(d.accepted.iter().all(|x| x.rule != "db-in-public-subnet"));
}

#[test]
fn a_finding_names_the_nodes_it_concerns() {
    let (mut v, _, alb, _) = Net::web();
    let exposed = v.add("ec2", "Web", v.public[0], 1);
    v.arrow(alb, exposed);
    let f = finding(&v.d, "lb-targets-in-public-subnet");
    let mut want = vec![alb, exposed];
    want.sort();
    assert_eq!(f.nodes, want);
    assert_eq!(f.rule.severity, Severity::Low);
    let _ = v.region;
    let _ = v.vpc;
    let _ = v.az;
}

#[test]
fn hand_edited_diagrams_never_panic() {
    // Parent cycles, dangling edges and NaN geometry: the review stays silent or fires,
    // never panics.
    let mut v = Net::new();
    let db = v.add("rds", "DB", v.public[0], 0);
    let mut d = v.d;
    d.nodes.get_mut(&v.region).unwrap().parent = Some(v.public[0]);
    d.nodes.get_mut(&db).unwrap().rect.x = f32::NAN;
    d.edges.insert(
        crate::diagram::model::EdgeId(9999),
        crate::diagram::model::Edge {
            id: crate::diagram::model::EdgeId(9999),
            from: NodeId(4242),
            to: db,
            label: String::new(),
            arrows: Arrows::Both,
            routing: crate::diagram::model::Routing::Straight,
            waypoints: Vec::new(),
        },
    );
    let _ = review(&d);
    let _ = report(&d);
    for r in rules() {
        let _ = plant(r, &d);
    }
    assert!(review(&Diagram::new()).is_empty());
}

/// The box an icon and its label take (labels are centred, about 7 units a character).
fn footprint(n: &crate::diagram::model::Node) -> Rect {
    let half = (n.label.chars().count() as f32 * 7.0 / 2.0).max(n.rect.w / 2.0);
    let c = n.rect.center();
    Rect::new(c.x - half, n.rect.y, 2.0 * half, n.rect.h + 24.0)
}

#[test]
fn every_template_reviews_clean() {
    use crate::diagram::templates::Template;
    for t in Template::ALL {
        let d = t.build();
        let found: Vec<&str> = review(&d).iter().map(|f| f.rule.id).collect();
        assert!(found.is_empty(), "{t:?}: {found:?}");
        assert!(open_findings(&d).is_empty());
    }
}

#[test]
fn a_violation_plants_into_every_template_it_fits_and_is_the_only_finding() {
    use crate::diagram::templates::Template;
    let mut pairs = 0;
    let mut planted_rules = BTreeSet::new();
    for r in rules() {
        for t in Template::ALL {
            let d = t.build();
            let Some(p) = plant(r, &d) else {
                continue;
            };
            pairs += 1;
            planted_rules.insert(r.id);
            let found: BTreeSet<&str> = open_findings(&p).iter().map(|f| f.rule.id).collect();
            // The drills ask "what is wrong?": the planted rule is the one answer.
            assert_eq!(found, BTreeSet::from([r.id]), "{t:?} × {}", r.id);
            // Still a sound diagram: every node once in the drawing order, parents first,
            // edges between existing nodes.
            assert_eq!(p.order.len(), p.nodes.len(), "{t:?} × {}", r.id);
            for (i, id) in p.order.iter().enumerate() {
                if let Some(parent) = p.nodes[id].parent {
                    let pi = p.order.iter().position(|x| *x == parent).unwrap();
                    assert!(pi < i, "{t:?} × {}", r.id);
                }
            }
            for e in p.edges.values() {
                assert!(p.nodes.contains_key(&e.from) && p.nodes.contains_key(&e.to));
            }
            // Moved or added icons land on free room: no icon or label overlaps another.
            let icons: Vec<&crate::diagram::model::Node> = p
                .nodes
                .values()
                .filter(|n| matches!(n.kind, crate::diagram::model::NodeKind::Service { .. }))
                .collect();
            for (i, a) in icons.iter().enumerate() {
                for b in &icons[i + 1..] {
                    assert!(
                        !footprint(a).intersects(&footprint(b)),
                        "{t:?} × {}: “{}” and “{}” overlap",
                        r.id,
                        a.label,
                        b.label
                    );
                }
            }
        }
        if r.plantable() {
            assert!(
                planted_rules.contains(r.id),
                "{} plants into no template",
                r.id
            );
        } else {
            assert!(!planted_rules.contains(r.id));
        }
    }
    assert!(
        planted_rules.len() >= 15,
        "{} rules planted",
        planted_rules.len()
    );
    assert!(pairs >= 60, "{pairs} template × rule plants");
}

#[test]
fn planting_refuses_what_the_diagram_lacks() {
    use crate::diagram::templates::Template;
    let event_driven = Template::EventDriven.build();
    // No database, no subnet: nothing to move into a public subnet.
    assert!(plant(rule("db-in-public-subnet").unwrap(), &event_driven).is_none());
    assert!(plant(rule("alb-single-az").unwrap(), &Template::ThreeTier.build()).is_none());
    assert!(plant(rule("direct-connect-single").unwrap(), &Diagram::new()).is_none());
}

#[test]
fn reviewing_a_large_diagram_stays_quick() {
    use crate::diagram::model::{Edge, EdgeId, Node, NodeKind, Routing};
    // 50 groups of every kind in a grid, 40 services each (EC2, RDS, NAT gateways, S3,
    // load balancers…), 3,000 arrows: every rule has work to do.
    let keys = [
        "ec2",
        "rds",
        "nat-gateway",
        "s3",
        "alb",
        "lambda",
        "sqs",
        "elasticache",
        "internet-gateway",
        "ebs",
    ];
    let icons: Vec<String> = keys.iter().map(|k| icon(k)).collect();
    let mut d = Diagram::new();
    let mut next = 1u64;
    let mut services = Vec::new();
    for g in 0..50u64 {
        let (gx, gy) = ((g % 10) as f32 * 900.0, (g / 10) as f32 * 700.0);
        let id = NodeId(next);
        next += 1;
        let kind = crate::diagram::model::GroupKind::ALL[(g % 8) as usize];
        d.nodes.insert(
            id,
            Node {
                id,
                kind: NodeKind::Group { kind },
                label: "group".into(),
                rect: Rect::new(gx, gy, 860.0, 660.0),
                parent: None,
            },
        );
        for k in 0..40u64 {
            let id = NodeId(next);
            next += 1;
            let at = Point::new(
                gx + 80.0 + (k % 8) as f32 * 100.0,
                gy + 100.0 + (k / 8) as f32 * 110.0,
            );
            d.nodes.insert(
                id,
                Node {
                    id,
                    kind: NodeKind::Service {
                        icon: icons[usize::try_from(k).unwrap() % icons.len()].clone(),
                    },
                    label: if k % 7 == 0 {
                        "Standby".into()
                    } else {
                        "service".into()
                    },
                    rect: Rect::new(at.x - 32.0, at.y - 32.0, 64.0, 64.0),
                    parent: Some(NodeId(g * 41 + 1)),
                },
            );
            services.push(id);
        }
    }
    let n = services.len();
    for e in 0..3000usize {
        let a = e % n;
        let b = (a + 1 + (e / n) * 500 + e % 97) % n;
        let id = EdgeId(next);
        next += 1;
        d.edges.insert(
            id,
            Edge {
                id,
                from: services[a],
                to: services[b],
                label: String::new(),
                arrows: if e % 5 == 0 {
                    Arrows::Both
                } else {
                    Arrows::Forward
                },
                routing: Routing::Orthogonal,
                waypoints: Vec::new(),
            },
        );
    }
    d.normalize();
    assert_eq!(d.nodes.len(), 2050);
    let start = std::time::Instant::now();
    let found = review(&d);
    let took = start.elapsed();
    eprintln!(
        "review of 2,050 nodes and 3,000 arrows: {} findings in {took:?}",
        found.len()
    );
    assert!(!found.is_empty());
    // Generous: this is a debug build on a shared machine; the panel only reviews when the
    // document changes.
    assert!(took.as_secs_f32() < 5.0, "{took:?}");
}
