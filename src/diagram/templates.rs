//! Starting diagrams: a few classic AWS architectures laid out left to right on a 20-unit
//! grid, groups sized to contain their members (40 units of padding, 30 for the title).
//!
//! Icons are looked up by service name in the bundled catalog, so the templates follow the
//! catalog's official icon names.

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

/// A starting diagram.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Template {
    /// API Gateway → Lambda → `DynamoDB`, with a Cognito authoriser.
    ServerlessApi,
    /// Route 53 → `CloudFront` → load balancer → EC2 in two AZs → RDS Multi-AZ.
    ThreeTier,
    /// S3 events → SNS fan-out → SQS → Lambda, plus a second Lambda on SNS.
    EventDriven,
}

impl Template {
    /// Every template, in menu order.
    pub const ALL: [Template; 3] = [Self::ServerlessApi, Self::ThreeTier, Self::EventDriven];

    /// Name shown in menus, in the interface language of `s`.
    #[must_use]
    pub fn label(self, s: &'static crate::i18n::Strings) -> &'static str {
        match self {
            Self::ServerlessApi => s.template_serverless_api,
            Self::ThreeTier => s.template_three_tier,
            Self::EventDriven => s.template_event_driven,
        }
    }

    /// A fresh diagram of this template.
    #[must_use]
    pub fn build(self) -> Diagram {
        let mut d = match self {
            Self::ServerlessApi => serverless_api(),
            Self::ThreeTier => three_tier(),
            Self::EventDriven => event_driven(),
        };
        // In the drawing order every edit and every file load keep.
        d.normalize();
        d
    }
}

fn serverless_api() -> Diagram {
    let mut b = Builder::default();
    let api = b.service("API Gateway", "API", 0, 0);
    let lambda = b.service("Lambda", "Handler", 10, 0);
    let table = b.service("DynamoDB", "Table", 20, 0);
    let cognito = b.service("Cognito", "User pool", 0, 8);
    b.connect(api, lambda, "");
    b.connect(lambda, table, "");
    b.connect(api, cognito, "authorizer");
    let region = b.group(GroupKind::Region, "Region", &[api, lambda, table, cognito]);
    b.group(GroupKind::AwsCloud, "AWS Cloud", &[region]);
    b.finish()
}

fn three_tier() -> Diagram {
    let mut b = Builder::default();
    // Global services, outside the Region.
    let dns = b.service("Route 53", "DNS", 0, 13);
    let cdn = b.service("CloudFront", "CDN", 8, 13);
    // Inside the VPC: the load balancer, then one public and one private subnet per AZ.
    let alb = b.service("Application Load Balancer", "Load balancer", 20, 13);
    let web_a = b.service("EC2", "Web server", 32, 4);
    let web_b = b.service("EC2", "Web server", 32, 22);
    let db_a = b.service("RDS", "Primary", 44, 4);
    let db_b = b.service("RDS", "Standby", 44, 22);
    b.connect(dns, cdn, "");
    b.connect(cdn, alb, "");
    b.connect(alb, web_a, "");
    b.connect(alb, web_b, "");
    b.connect(web_a, db_a, "");
    let diagonal = b.connect(web_b, db_a, "");
    if let Some(e) = diagonal.and_then(|id| b.d.edges.get_mut(&id)) {
        e.routing = Routing::Straight;
    }
    let sync = b.connect(db_a, db_b, "synchronous replication");
    if let Some(e) = sync.and_then(|id| b.d.edges.get_mut(&id)) {
        e.arrows = Arrows::Both;
    }
    let pub_a = b.group(GroupKind::PublicSubnet, "Public subnet", &[web_a]);
    let pub_b = b.group(GroupKind::PublicSubnet, "Public subnet", &[web_b]);
    let priv_a = b.group(GroupKind::PrivateSubnet, "Private subnet", &[db_a]);
    let priv_b = b.group(GroupKind::PrivateSubnet, "Private subnet", &[db_b]);
    let az_a = b.group(
        GroupKind::AvailabilityZone,
        "Availability Zone A",
        &[pub_a, priv_a],
    );
    let az_b = b.group(
        GroupKind::AvailabilityZone,
        "Availability Zone B",
        &[pub_b, priv_b],
    );
    // The Auto Scaling group spans both AZs: a box drawn around the two web servers, a
    // member of the VPC (a node has one parent, and the servers' parents are their subnets).
    let asg_rect = snap_out(Rect {
        x: node_rect(&b.d, web_a).x - GRID,
        y: node_rect(&b.d, web_a).y - TITLE,
        w: SERVICE_SIZE + 2.0 * GRID,
        h: node_rect(&b.d, web_b).y - node_rect(&b.d, web_a).y + SERVICE_SIZE + LABEL + TITLE,
    });
    let asg = b.group_at(GroupKind::AutoScalingGroup, "Auto Scaling group", asg_rect);
    let vpc = b.group(GroupKind::Vpc, "VPC", &[alb, az_a, az_b, asg]);
    let region = b.group(GroupKind::Region, "Region", &[vpc]);
    b.group(GroupKind::AwsCloud, "AWS Cloud", &[dns, cdn, region]);
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
        let rect = Rect {
            x: f32::from(col) * GRID,
            y: f32::from(row) * GRID,
            w: SERVICE_SIZE,
            h: SERVICE_SIZE,
        };
        self.add(
            NodeKind::Service {
                icon: icon_name(service),
            },
            label,
            rect,
        )
    }

    /// A group at `rect` (members are attached separately).
    fn group_at(&mut self, kind: GroupKind, label: &str, rect: Rect) -> NodeId {
        self.add(NodeKind::Group { kind }, label, rect)
    }

    /// A group just around `members`, which become its children.
    fn group(&mut self, kind: GroupKind, label: &str, members: &[NodeId]) -> NodeId {
        let mut bounds: Option<(f32, f32, f32, f32)> = None;
        for m in members {
            let Some(node) = self.d.nodes.get(m) else {
                continue;
            };
            let r = node.rect;
            let bottom = r.y
                + r.h
                + if matches!(node.kind, NodeKind::Service { .. }) {
                    LABEL
                } else {
                    0.0
                };
            let (x0, y0, x1, y1) = bounds.unwrap_or((r.x, r.y, r.x + r.w, bottom));
            bounds = Some((x0.min(r.x), y0.min(r.y), x1.max(r.x + r.w), y1.max(bottom)));
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
            if let Some(node) = self.d.nodes.get_mut(m) {
                node.parent = Some(id);
            }
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
        let labels: Vec<&str> = Template::ALL
            .iter()
            .map(|t| t.label(&crate::i18n::EN))
            .collect();
        assert_eq!(
            labels,
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
                "Amazon API Gateway",
                "AWS Lambda",
                "Amazon DynamoDB",
                "Amazon Cognito",
            ],
        );
        expect(
            Template::ThreeTier,
            &[
                "Amazon Route 53",
                "Amazon CloudFront",
                "Elastic Load Balancing: Application Load Balancer",
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
    }

    #[test]
    fn groups_are_nested() {
        use GroupKind::*;
        let d = Template::ThreeTier.build();
        let webs = by_label(&d, "Web server");
        assert_eq!(webs.len(), 2);
        for web in webs {
            assert_eq!(
                kinds_up(&d, web.id),
                [PublicSubnet, AvailabilityZone, Vpc, Region, AwsCloud]
            );
        }
        for db in ["Primary", "Standby"] {
            let db = by_label(&d, db)[0];
            assert_eq!(
                kinds_up(&d, db.id),
                [PrivateSubnet, AvailabilityZone, Vpc, Region, AwsCloud]
            );
        }
        let asg = by_label(&d, "Auto Scaling group")[0];
        assert_eq!(kinds_up(&d, asg.id), [Vpc, Region, AwsCloud]);
        // The ASG box encloses both web servers, which are in different AZs.
        for web in by_label(&d, "Web server") {
            assert!(contains(asg.rect, web.rect));
        }
        let alb = by_label(&d, "Load balancer")[0];
        assert_eq!(kinds_up(&d, alb.id), [Vpc, Region, AwsCloud]);
        assert_eq!(kinds_up(&d, by_label(&d, "DNS")[0].id), [AwsCloud]);
        let api = by_label(&Template::ServerlessApi.build(), "API")[0].clone();
        assert_eq!(
            kinds_up(&Template::ServerlessApi.build(), api.id),
            [Region, AwsCloud]
        );
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
