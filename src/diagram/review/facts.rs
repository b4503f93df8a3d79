//! What a diagram says, worked out once per review: each node's service (a catalog key, from
//! its icon), the groups around it (subnet and whether it is public, Availability Zone, VPC,
//! Region, Auto Scaling groups) and who sends traffic to whom.
//!
//! Where a node sits is read from its parents and from geometry: every group box whose rect
//! contains the node's centre (for a group: a larger box) counts, and of each kind the
//! innermost one wins. An Auto Scaling group box drawn across two AZs, around servers whose
//! parents are their subnets, thus still contains them.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crate::diagram::model::{Arrows, Diagram, GroupKind, Node, NodeId, NodeKind, Rect};

/// Pseudo catalog keys for icons the catalog does not describe as services.
pub(super) mod key {
    /// Users, a user, a client or a mobile client: people on the internet.
    pub const USERS: &str = "users";
    /// The internet (globe icons).
    pub const INTERNET: &str = "internet";
    /// Servers, a traditional server or an office building: an on-premises site.
    pub const ON_PREMISES: &str = "on-premises";
    /// A customer gateway (the on-premises end of a VPN).
    pub const CUSTOMER_GATEWAY: &str = "customer-gateway";
    /// A virtual private gateway (the AWS end of a VPN or Direct Connect on one VPC).
    pub const VPN_GATEWAY: &str = "vpn-gateway";
    /// A VPN connection.
    pub const VPN_CONNECTION: &str = "vpn-connection";
    /// A Direct Connect gateway (not a connection).
    pub const DX_GATEWAY: &str = "direct-connect-gateway";
    /// A VPC endpoint labelled as a gateway endpoint.
    pub const GATEWAY_ENDPOINT: &str = "gateway-endpoint";
    /// A VPC endpoint labelled as an interface endpoint.
    pub const INTERFACE_ENDPOINT: &str = "interface-endpoint";
}

/// Icons (by bundled path) whose meaning the catalog lacks or has too coarsely.
const ICON_KEYS: &[(&str, &str)] = &[
    ("resource/Users.svg", key::USERS),
    ("resource/User.svg", key::USERS),
    ("resource/AuthenticatedUser.svg", key::USERS),
    ("resource/Client.svg", key::USERS),
    ("resource/Mobileclient.svg", key::USERS),
    ("resource/Internet.svg", key::INTERNET),
    ("resource/Internetalt1.svg", key::INTERNET),
    ("resource/Internetalt2.svg", key::INTERNET),
    ("resource/Globe.svg", key::INTERNET),
    ("resource/Server.svg", key::ON_PREMISES),
    ("resource/Servers.svg", key::ON_PREMISES),
    ("resource/Officebuilding.svg", key::ON_PREMISES),
    (
        "resource/AmazonVPCCustomerGateway.svg",
        key::CUSTOMER_GATEWAY,
    ),
    ("resource/AmazonVPCVPNGateway.svg", key::VPN_GATEWAY),
    ("resource/AmazonVPCVPNConnection.svg", key::VPN_CONNECTION),
    ("resource/AWSDirectConnectGateway.svg", key::DX_GATEWAY),
    ("resource/AmazonEC2Instance.svg", "ec2"),
    ("resource/AmazonEC2Instances.svg", "ec2"),
    ("resource/AmazonEC2InstancewithCloudWatch.svg", "ec2"),
    ("resource/AmazonRDSMultiAZDBCluster.svg", "rds-multi-az"),
    // Directory buckets live in one Availability Zone (S3 Express One Zone).
    (
        "resource/AmazonSimpleStorageServiceDirectorybucket.svg",
        "s3-express-one-zone",
    ),
];

/// The catalog key of a service icon (by its `aws_name`), or a pseudo key from [`key`].
pub(super) fn key_of_icon(aws_name: &str) -> Option<&'static str> {
    let icons = crate::icons::Catalog::bundled();
    let services = crate::services::Catalog::bundled();
    let icon = icons.by_aws_name(aws_name)?;
    if let Some((_, k)) = ICON_KEYS.iter().find(|(path, _)| *path == icon.path) {
        return Some(k);
    }
    if icon.path.starts_with("resource/AmazonAurora") {
        return Some("aurora");
    }
    if let Some(id) = services.by_icon(icon.id) {
        return services.get(id).map(|s| s.key.as_str());
    }
    // Resource icons are named "Service: Resource"; EC2's own resources that are not
    // instances (AMI, Auto Scaling, rescue…) are not instances.
    let (service, _) = icon.display_name.split_once(':')?;
    services
        .by_name(service)
        .and_then(|id| services.get(id))
        .map(|s| s.key.as_str())
        .filter(|k| *k != "ec2")
}

/// What the review knows about one node.
#[derive(Clone, Debug, Default)]
pub(super) struct NodeFacts {
    /// Catalog key (or pseudo key) of a service node.
    pub key: Option<&'static str>,
    /// The kind of a group node.
    pub group: Option<GroupKind>,
    /// The label, lower case.
    pub label: String,
    /// The innermost subnet around it, and whether that subnet is public.
    pub subnet: Option<(NodeId, bool)>,
    /// The innermost Availability Zone around it.
    pub az: Option<NodeId>,
    /// The innermost VPC around it.
    pub vpc: Option<NodeId>,
    /// The innermost Region around it.
    pub region: Option<NodeId>,
    /// The Auto Scaling group boxes around it.
    pub asgs: Vec<NodeId>,
}

impl NodeFacts {
    /// Whether the label contains one of `words` (lower case).
    pub fn says(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.label.contains(w))
    }

    /// Whether it is in a private subnet.
    pub fn in_private_subnet(&self) -> bool {
        matches!(self.subnet, Some((_, false)))
    }

    /// Whether it is in a public subnet.
    pub fn in_public_subnet(&self) -> bool {
        matches!(self.subnet, Some((_, true)))
    }

    /// Whether its key is one of `keys`.
    pub fn is(&self, keys: &[&str]) -> bool {
        self.key.is_some_and(|k| keys.contains(&k))
    }
}

/// What the review knows about a diagram.
pub(super) struct Facts<'a> {
    /// The diagram.
    pub d: &'a Diagram,
    /// Every node's facts.
    pub nodes: BTreeMap<NodeId, NodeFacts>,
    /// Who sends to whom: each arrow from its tail to its head (both ways for double
    /// heads, not at all for none); an end that is an Auto Scaling group box stands for the
    /// EC2 instances inside it. Sorted, each pair once.
    pub flows: Vec<(NodeId, NodeId)>,
    /// `flows` by tail and by head, and every arrow's ends both ways (with Auto Scaling
    /// group boxes expanded), for lookups.
    out: HashMap<NodeId, Vec<NodeId>>,
    inc: HashMap<NodeId, Vec<NodeId>>,
    joined: HashMap<NodeId, BTreeSet<NodeId>>,
}

/// The rect a group must contain: a service's centre, or a smaller group's centre.
fn contains(group: &Node, n: &Node) -> bool {
    group.id != n.id
        && group.rect.contains(n.rect.center())
        && (!n.is_group() || group.rect.area() > n.rect.area())
}

impl<'a> Facts<'a> {
    /// Works out the facts of `d`.
    pub fn new(d: &'a Diagram) -> Self {
        let groups: Vec<&Node> = d.nodes.values().filter(|n| n.is_group()).collect();
        let mut nodes = BTreeMap::new();
        for n in d.nodes.values() {
            let mut around: BTreeSet<NodeId> = groups
                .iter()
                .filter(|g| contains(g, n))
                .map(|g| g.id)
                .collect();
            // The parent chain, cycle-safe.
            let mut seen = HashSet::new();
            let mut cur = n.parent;
            while let Some(p) = cur {
                if p == n.id || !seen.insert(p) {
                    break;
                }
                let Some(parent) = d.nodes.get(&p).filter(|g| g.is_group()) else {
                    break;
                };
                around.insert(p);
                cur = parent.parent;
            }
            let innermost = |kinds: &[GroupKind]| -> Option<&Node> {
                around
                    .iter()
                    .filter_map(|id| d.nodes.get(id))
                    .filter(|g| matches!(g.kind, NodeKind::Group { kind } if kinds.contains(&kind)))
                    .min_by(|a, b| a.rect.area().total_cmp(&b.rect.area()))
            };
            let subnet = innermost(&[GroupKind::PublicSubnet, GroupKind::PrivateSubnet]).map(|g| {
                (
                    g.id,
                    matches!(
                        g.kind,
                        NodeKind::Group {
                            kind: GroupKind::PublicSubnet
                        }
                    ),
                )
            });
            let asgs = around
                .iter()
                .filter(|id| {
                    d.nodes.get(id).is_some_and(|g| {
                        matches!(
                            g.kind,
                            NodeKind::Group {
                                kind: GroupKind::AutoScalingGroup
                            }
                        )
                    })
                })
                .copied()
                .collect();
            let label = n.label.to_lowercase();
            let key = match &n.kind {
                NodeKind::Service { icon } => key_of_icon(icon).map(|k| refine(k, &label)),
                _ => None,
            };
            let group = match n.kind {
                NodeKind::Group { kind } => Some(kind),
                _ => None,
            };
            nodes.insert(
                n.id,
                NodeFacts {
                    key,
                    group,
                    label,
                    subnet,
                    az: innermost(&[GroupKind::AvailabilityZone]).map(|g| g.id),
                    vpc: innermost(&[GroupKind::Vpc]).map(|g| g.id),
                    region: innermost(&[GroupKind::Region]).map(|g| g.id),
                    asgs,
                },
            );
        }
        let mut facts = Facts {
            d,
            nodes,
            flows: Vec::new(),
            out: HashMap::new(),
            inc: HashMap::new(),
            joined: HashMap::new(),
        };
        facts.flows = facts.compute_flows();
        for &(a, b) in &facts.flows {
            facts.out.entry(a).or_default().push(b);
            facts.inc.entry(b).or_default().push(a);
        }
        let mut joined: HashMap<NodeId, BTreeSet<NodeId>> = HashMap::new();
        for e in d.edges.values() {
            for (a, b) in [(e.from, e.to), (e.to, e.from)] {
                for x in facts.expand(a) {
                    for y in facts.expand(b) {
                        if x != y {
                            joined.entry(x).or_default().insert(y);
                        }
                    }
                }
            }
        }
        facts.joined = joined;
        facts
    }

    fn compute_flows(&self) -> Vec<(NodeId, NodeId)> {
        let mut pairs = BTreeSet::new();
        for e in self.d.edges.values() {
            // An arrow without a head does not say which way traffic goes: it joins the
            // nodes ([`Facts::neighbours`]) but sends nothing.
            let ends = match e.arrows {
                Arrows::None => continue,
                Arrows::Forward => vec![(e.from, e.to)],
                Arrows::Both => vec![(e.from, e.to), (e.to, e.from)],
            };
            for (a, b) in ends {
                for x in self.expand(a) {
                    for y in self.expand(b) {
                        if x != y {
                            pairs.insert((x, y));
                        }
                    }
                }
            }
        }
        pairs.into_iter().collect()
    }

    /// An Auto Scaling group box stands for the EC2 instances inside it.
    fn expand(&self, id: NodeId) -> Vec<NodeId> {
        let is_asg = self
            .get(id)
            .is_some_and(|f| f.group == Some(GroupKind::AutoScalingGroup));
        if is_asg {
            let members = self.members_of_asg(id);
            if !members.is_empty() {
                return members;
            }
        }
        vec![id]
    }

    /// The EC2 instances inside an Auto Scaling group box.
    pub fn members_of_asg(&self, asg: NodeId) -> Vec<NodeId> {
        self.nodes
            .iter()
            .filter(|(_, f)| f.asgs.contains(&asg) && is_ec2(f))
            .map(|(id, _)| *id)
            .collect()
    }

    /// The facts of a node.
    pub fn get(&self, id: NodeId) -> Option<&NodeFacts> {
        self.nodes.get(&id)
    }

    /// Service nodes, by id.
    pub fn services(&self) -> impl Iterator<Item = (NodeId, &NodeFacts)> {
        self.nodes
            .iter()
            .filter(|(_, f)| f.key.is_some())
            .map(|(id, f)| (*id, f))
    }

    /// Groups of `kind`, by id.
    pub fn groups(&self, kind: GroupKind) -> impl Iterator<Item = (NodeId, &NodeFacts)> {
        self.nodes
            .iter()
            .filter(move |(_, f)| f.group == Some(kind))
            .map(|(id, f)| (*id, f))
    }

    /// Nodes `id` sends to, in id order.
    pub fn targets(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.out.get(&id).into_iter().flatten().copied()
    }

    /// Every load balancer with the EC2 instances it sends to.
    pub fn lbs_and_ec2_targets(&self) -> impl Iterator<Item = (NodeId, Vec<NodeId>)> + '_ {
        self.services().filter(|(_, n)| is_lb(n)).map(|(lb, _)| {
            let targets = self
                .targets(lb)
                .filter(|t| self.get(*t).is_some_and(is_ec2))
                .collect();
            (lb, targets)
        })
    }

    /// Nodes that send to `id`, in id order.
    pub fn sources(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.inc.get(&id).into_iter().flatten().copied()
    }

    /// Nodes joined to `id` by an arrow, whatever its heads.
    pub fn neighbours(&self, id: NodeId) -> BTreeSet<NodeId> {
        self.joined.get(&id).cloned().unwrap_or_default()
    }

    /// Whether any node is an Availability Zone box (the diagram draws AZs).
    pub fn draws_azs(&self) -> bool {
        self.groups(GroupKind::AvailabilityZone).next().is_some()
    }

    /// The rect of a node.
    pub fn rect(&self, id: NodeId) -> Option<Rect> {
        self.d.node(id).map(|n| n.rect)
    }

    /// Whether some node or arrow label contains one of `words` (lower case), or is one of
    /// `tokens` as a whole word (lower case).
    pub fn labels_say(&self, words: &[&str], tokens: &[&str]) -> bool {
        let labels = self
            .d
            .nodes
            .values()
            .map(|n| n.label.as_str())
            .chain(self.d.edges.values().map(|e| e.label.as_str()));
        for label in labels {
            let lower = label.to_lowercase();
            if words.iter().any(|w| lower.contains(w)) {
                return true;
            }
            if lower
                .split(|c: char| !c.is_alphanumeric())
                .any(|t| tokens.contains(&t))
            {
                return true;
            }
        }
        false
    }
}

/// A VPC endpoint icon is one kind of endpoint or the other depending on its label.
fn refine(key: &'static str, label: &str) -> &'static str {
    if key == "vpc-endpoint" {
        if label.contains("gateway") || label.contains("passerelle") {
            return key::GATEWAY_ENDPOINT;
        }
        if label.contains("interface") || label.contains("privatelink") {
            return key::INTERFACE_ENDPOINT;
        }
    }
    key
}

/// EC2 instances (and the purchase options drawn with the EC2 icon).
pub(super) fn is_ec2(f: &NodeFacts) -> bool {
    f.is(&[
        "ec2",
        "spot-instances",
        "on-demand-instances",
        "reserved-instances",
        "dedicated-instances",
        "dedicated-hosts",
    ])
}

/// RDS DB instances (not Aurora).
pub(super) fn is_rds(f: &NodeFacts) -> bool {
    f.is(&["rds", "rds-multi-az", "read-replicas"])
}

/// Relational and other VPC databases that should never face the internet.
pub(super) fn is_database(f: &NodeFacts) -> bool {
    is_rds(f)
        || f.is(&[
            "aurora",
            "aurora-serverless",
            "aurora-global-database",
            "documentdb",
            "neptune",
            "redshift",
        ])
}

/// In-memory caches that live in a VPC.
pub(super) fn is_cache(f: &NodeFacts) -> bool {
    f.is(&["elasticache", "memorydb", "dax"])
}

/// Load balancers that take client traffic (not Gateway Load Balancers).
pub(super) fn is_lb(f: &NodeFacts) -> bool {
    f.is(&["elb", "alb", "nlb", "clb"])
}

/// NAT gateways.
pub(super) fn is_nat(f: &NodeFacts) -> bool {
    f.is(&["nat-gateway"])
}

/// VPC endpoints of any kind.
pub(super) fn is_endpoint(f: &NodeFacts) -> bool {
    f.is(&[
        "vpc-endpoint",
        key::GATEWAY_ENDPOINT,
        key::INTERFACE_ENDPOINT,
        "privatelink",
    ])
}

/// People or the internet: where internet traffic comes from.
pub(super) fn is_internet(f: &NodeFacts) -> bool {
    f.is(&[key::USERS, key::INTERNET])
}

/// Amazon S3 buckets and storage classes (not S3 Glacier the legacy service, not
/// Storage Gateway's S3 File Gateway).
pub(super) fn is_s3(f: &NodeFacts) -> bool {
    f.key.is_some_and(|k| {
        k == "s3" || (k.starts_with("s3-") && k != "s3-glacier" && !k.contains("gateway"))
    })
}

/// The internal scheme of a load balancer, from its label.
pub(super) fn says_internal(f: &NodeFacts) -> bool {
    f.says(&["internal", "interne", "privé", "private"])
}
