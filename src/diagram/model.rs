//! The diagram as data: nodes (AWS services and group boxes), edges, and the geometry the
//! canvas and the exporters share. Pure, serialisable, egui-free.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

/// Identifies a node (service or group) within a diagram. Never reused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct NodeId(pub u64);

/// Identifies an edge within a diagram. Never reused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct EdgeId(pub u64);

/// A point in world units.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Point {
    /// x, growing to the right.
    pub x: f32,
    /// y, growing downwards.
    pub y: f32,
}

/// An axis-aligned rectangle in world units (`w`, `h` ≥ 0).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Rect {
    /// Left.
    pub x: f32,
    /// Top.
    pub y: f32,
    /// Width.
    pub w: f32,
    /// Height.
    pub h: f32,
}

/// The AWS group boxes, drawn in the AWS style (coloured border, icon in the corner, title).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum GroupKind {
    /// AWS Cloud.
    AwsCloud,
    /// Region.
    Region,
    /// Availability Zone.
    AvailabilityZone,
    /// VPC.
    Vpc,
    /// Public subnet.
    PublicSubnet,
    /// Private subnet.
    PrivateSubnet,
    /// Security group.
    SecurityGroup,
    /// Auto Scaling group.
    AutoScalingGroup,
}

/// What a node is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum NodeKind {
    /// An AWS service, by icon name as in the catalog (`Arch_AWS-Lambda_48`).
    Service {
        /// Icon name (`Icon::aws_name`); an unknown name is drawn as a placeholder.
        icon: String,
    },
    /// A group box that contains other nodes.
    Group {
        /// Which AWS group.
        kind: GroupKind,
    },
    /// A free label: the text alone, centred in its box (`rect`), no border. Imported from
    /// draw.io text cells.
    Text,
    /// A plain labelled rectangle: what an imported shape without an AWS equivalent
    /// becomes.
    Box,
}

/// A node: a service or a group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Node {
    /// Its id.
    pub id: NodeId,
    /// What it is.
    pub kind: NodeKind,
    /// Label shown under the icon (services) or as the title (groups).
    pub label: String,
    /// Where it is (services: the icon's box; groups: the whole box).
    pub rect: Rect,
    /// The group that contains it, if any.
    pub parent: Option<NodeId>,
}

/// Arrow heads of an edge.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Arrows {
    /// No arrow head.
    None,
    /// Head at `to`.
    #[default]
    Forward,
    /// Heads at both ends.
    Both,
}

/// How an edge is routed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Routing {
    /// A straight line between the node borders.
    #[default]
    Straight,
    /// Horizontal and vertical segments.
    Orthogonal,
}

/// A connection between two nodes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Edge {
    /// Its id.
    pub id: EdgeId,
    /// Start node.
    pub from: NodeId,
    /// End node.
    pub to: NodeId,
    /// Optional label drawn at the middle.
    pub label: String,
    /// Arrow heads.
    pub arrows: Arrows,
    /// Routing.
    pub routing: Routing,
    /// Points the edge passes through between its ends, in world coordinates (empty: the
    /// automatic route). Files written before waypoints existed load with none.
    #[serde(default)]
    pub waypoints: Vec<Point>,
}

/// A whole diagram. Nodes are kept in drawing order (`order`, back to front): groups are
/// drawn before their members.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Diagram {
    /// Nodes by id.
    pub nodes: BTreeMap<NodeId, Node>,
    /// Edges by id.
    pub edges: BTreeMap<EdgeId, Edge>,
    /// Drawing order of the nodes, back to front.
    pub order: Vec<NodeId>,
    /// Next id to hand out (nodes and edges share the counter).
    pub next_id: u64,
    /// Architecture-review findings the author accepted, each with the reason (see
    /// [`crate::diagram::review`]). Files written before reviews existed load with none, and
    /// a diagram without any writes no such field, so older builds still read it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accepted: Vec<AcceptedFinding>,
}

/// A review finding the author looked at and kept on purpose ("a single AZ is fine for this
/// dev environment"): which rule, on which nodes, and why. It matches a finding of the same
/// rule on the same nodes, in any order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcceptedFinding {
    /// The rule's stable id (`"db-in-public-subnet"`).
    pub rule: String,
    /// The nodes the finding concerns, sorted.
    pub nodes: Vec<NodeId>,
    /// Why it is accepted, in the author's words (may be empty).
    #[serde(default)]
    pub reason: String,
}

impl AcceptedFinding {
    /// Whether this acceptance is for `rule` on exactly `nodes` (in any order).
    pub fn matches(&self, rule: &str, nodes: &[NodeId]) -> bool {
        if self.rule != rule || self.nodes.len() != nodes.len() {
            return false;
        }
        let mut a = self.nodes.clone();
        let mut b = nodes.to_vec();
        a.sort_unstable();
        b.sort_unstable();
        a == b
    }
}

/// Where an edge's label sits on its polyline: the middle of the middle segment (never an
/// end, which lies on a node's border). `None` for fewer than two points.
#[must_use]
pub fn label_point(path: &[Point]) -> Option<Point> {
    let n = path.len();
    if n < 2 {
        return None;
    }
    // Even counts: the middle segment; odd counts (the middle point is a corner): the
    // segment before it.
    let (a, b) = (path[n / 2 - 1], path[n / 2]);
    Some(Point::new(f32::midpoint(a.x, b.x), f32::midpoint(a.y, b.y)))
}

/// Default size of a service node's icon box, in world units.
pub const SERVICE_SIZE: f32 = 64.0;

/// Minimum size of a service node's box.
pub const MIN_SERVICE_SIZE: (f32, f32) = (24.0, 24.0);
/// Minimum size of a group box.
pub const MIN_GROUP_SIZE: (f32, f32) = (80.0, 60.0);

impl Point {
    /// A point at (`x`, `y`).
    pub fn new(x: f32, y: f32) -> Self {
        Self { x, y }
    }
}

impl Rect {
    /// A rectangle with its top-left corner at (`x`, `y`); negative sizes are normalised.
    pub fn new(x: f32, y: f32, w: f32, h: f32) -> Self {
        let (x, w) = if w < 0.0 { (x + w, -w) } else { (x, w) };
        let (y, h) = if h < 0.0 { (y + h, -h) } else { (y, h) };
        Self { x, y, w, h }
    }

    /// The rectangle spanned by two opposite corners, in any order.
    pub fn from_points(a: Point, b: Point) -> Self {
        let x = a.x.min(b.x);
        let y = a.y.min(b.y);
        Self {
            x,
            y,
            w: (a.x - b.x).abs(),
            h: (a.y - b.y).abs(),
        }
    }

    /// Right edge.
    pub fn right(&self) -> f32 {
        self.x + self.w
    }

    /// Bottom edge.
    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }

    /// Area (`w * h`).
    pub fn area(&self) -> f32 {
        self.w * self.h
    }

    /// The centre.
    pub fn center(&self) -> Point {
        Point::new(self.x + self.w / 2.0, self.y + self.h / 2.0)
    }

    /// Whether `p` lies inside or on the border.
    pub fn contains(&self, p: Point) -> bool {
        p.x >= self.x && p.x <= self.right() && p.y >= self.y && p.y <= self.bottom()
    }

    /// Whether `r` lies entirely inside (borders may touch).
    pub fn contains_rect(&self, r: &Rect) -> bool {
        r.x >= self.x && r.right() <= self.right() && r.y >= self.y && r.bottom() <= self.bottom()
    }

    /// Whether the two rectangles overlap (touching borders count).
    pub fn intersects(&self, r: &Rect) -> bool {
        r.x <= self.right() && r.right() >= self.x && r.y <= self.bottom() && r.bottom() >= self.y
    }

    /// The smallest rectangle containing both.
    #[must_use]
    pub fn union(&self, r: &Rect) -> Rect {
        let x = self.x.min(r.x);
        let y = self.y.min(r.y);
        Rect {
            x,
            y,
            w: self.right().max(r.right()) - x,
            h: self.bottom().max(r.bottom()) - y,
        }
    }

    /// Moved by (`dx`, `dy`).
    #[must_use]
    pub fn translated(&self, dx: f32, dy: f32) -> Rect {
        Rect {
            x: self.x + dx,
            y: self.y + dy,
            ..*self
        }
    }

    /// Grown by `by` on every side (shrunk when negative, never below zero size).
    #[must_use]
    pub fn expanded(&self, by: f32) -> Rect {
        let c = self.center();
        let w = (self.w + 2.0 * by).max(0.0);
        let h = (self.h + 2.0 * by).max(0.0);
        Rect {
            x: c.x - w / 2.0,
            y: c.y - h / 2.0,
            w,
            h,
        }
    }
}

/// Snaps v to the nearest multiple of grid (grid <= 0 → v).
pub fn snap(v: f32, grid: f32) -> f32 {
    if grid > 0.0 && grid.is_finite() {
        (v / grid).round() * grid
    } else {
        v
    }
}

impl GroupKind {
    /// Every kind, in palette order.
    pub const ALL: [GroupKind; 8] = [
        GroupKind::AwsCloud,
        GroupKind::Region,
        GroupKind::AvailabilityZone,
        GroupKind::Vpc,
        GroupKind::PublicSubnet,
        GroupKind::PrivateSubnet,
        GroupKind::SecurityGroup,
        GroupKind::AutoScalingGroup,
    ];

    /// The English name, also the default title.
    pub fn label(self) -> &'static str {
        match self {
            GroupKind::AwsCloud => "AWS Cloud",
            GroupKind::Region => "Region",
            GroupKind::AvailabilityZone => "Availability Zone",
            GroupKind::Vpc => "VPC",
            GroupKind::PublicSubnet => "Public subnet",
            GroupKind::PrivateSubnet => "Private subnet",
            GroupKind::SecurityGroup => "Security group",
            GroupKind::AutoScalingGroup => "Auto Scaling group",
        }
    }

    /// Border (and title) colour in the AWS style, as RGB.
    pub fn color(self) -> [u8; 3] {
        match self {
            GroupKind::AwsCloud => [0x24, 0x2F, 0x3E],
            GroupKind::Region | GroupKind::AvailabilityZone | GroupKind::PrivateSubnet => {
                [0x00, 0xA4, 0xA6]
            }
            GroupKind::Vpc => [0x8C, 0x4F, 0xFF],
            GroupKind::PublicSubnet => [0x7A, 0xA1, 0x16],
            GroupKind::SecurityGroup => [0xDD, 0x34, 0x4C],
            GroupKind::AutoScalingGroup => [0xED, 0x71, 0x00],
        }
    }

    /// Whether the border is dashed in the AWS style.
    pub fn dashed(self) -> bool {
        matches!(
            self,
            GroupKind::Region | GroupKind::AvailabilityZone | GroupKind::AutoScalingGroup
        )
    }

    /// The catalog name (`aws_name`) of the icon drawn in the corner, if the kind has one.
    pub fn icon_name(self) -> Option<&'static str> {
        match self {
            GroupKind::AwsCloud => Some("AWS-Cloud-logo_32"),
            GroupKind::Region => Some("Region_32"),
            GroupKind::Vpc => Some("Virtual-private-cloud-VPC_32"),
            GroupKind::PublicSubnet => Some("Public-subnet_32"),
            GroupKind::PrivateSubnet => Some("Private-subnet_32"),
            GroupKind::AutoScalingGroup => Some("Auto-Scaling-group_32"),
            GroupKind::AvailabilityZone | GroupKind::SecurityGroup => None,
        }
    }

    /// Size (w, h) of a newly placed group of this kind.
    pub fn default_size(self) -> (f32, f32) {
        match self {
            GroupKind::AwsCloud => (880.0, 640.0),
            GroupKind::Region => (760.0, 560.0),
            GroupKind::Vpc => (640.0, 460.0),
            GroupKind::AvailabilityZone => (300.0, 380.0),
            GroupKind::PublicSubnet | GroupKind::PrivateSubnet => (240.0, 160.0),
            GroupKind::SecurityGroup => (160.0, 140.0),
            GroupKind::AutoScalingGroup => (200.0, 140.0),
        }
    }
}

impl Node {
    /// Whether this is a group box.
    pub fn is_group(&self) -> bool {
        matches!(self.kind, NodeKind::Group { .. })
    }

    /// The service's icon name (`None` for groups).
    pub fn icon(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Service { icon } => Some(icon),
            NodeKind::Group { .. } | NodeKind::Text | NodeKind::Box => None,
        }
    }
}

/// A copy of some nodes and the edges between them, for copy/paste.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Clipboard {
    /// The copied nodes, groups before their members.
    pub nodes: Vec<Node>,
    /// The edges whose both ends were copied.
    pub edges: Vec<Edge>,
}

/// Distance from `p` to the segment `a`–`b`.
fn segment_distance(p: Point, a: Point, b: Point) -> f32 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((p.x - a.x) * dx + (p.y - a.y) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (qx, qy) = (a.x + t * dx - p.x, a.y + t * dy - p.y);
    (qx * qx + qy * qy).sqrt()
}

/// Where the ray from `r`'s centre towards `to` leaves `r`.
fn clip_to_border(r: &Rect, to: Point) -> Point {
    let c = r.center();
    let (dx, dy) = (to.x - c.x, to.y - c.y);
    let tx = if dx == 0.0 {
        f32::INFINITY
    } else {
        (r.w / 2.0) / dx.abs()
    };
    let ty = if dy == 0.0 {
        f32::INFINITY
    } else {
        (r.h / 2.0) / dy.abs()
    };
    let t = tx.min(ty);
    if t.is_finite() {
        Point::new(c.x + dx * t, c.y + dy * t)
    } else {
        c
    }
}

/// A short polyline without heap allocation.
#[derive(Clone, Copy, Default)]
struct Path {
    pts: [Point; 4],
    len: usize,
}

impl Path {
    fn of(points: &[Point]) -> Self {
        let mut p = Path::default();
        for (slot, pt) in p.pts.iter_mut().zip(points) {
            *slot = *pt;
            p.len += 1;
        }
        p
    }

    fn points(&self) -> &[Point] {
        &self.pts[..self.len.min(4)]
    }
}

/// The route of an edge between rects `a` and `b`.
fn route(a: &Rect, b: &Rect, routing: Routing) -> Path {
    let (ca, cb) = (a.center(), b.center());
    match routing {
        Routing::Straight => {
            if ca == cb {
                return Path::of(&[ca, cb]);
            }
            Path::of(&[clip_to_border(a, cb), clip_to_border(b, ca)])
        }
        Routing::Orthogonal => {
            let hgap = (b.x - a.right()).max(a.x - b.right());
            let vgap = (b.y - a.bottom()).max(a.y - b.bottom());
            if hgap >= 0.0 && hgap >= vgap {
                let (xa, xb) = if cb.x >= ca.x {
                    (a.right(), b.x)
                } else {
                    (a.x, b.right())
                };
                let lo = a.y.max(b.y);
                let hi = a.bottom().min(b.bottom());
                if lo <= hi {
                    let y = f32::midpoint(lo, hi);
                    Path::of(&[Point::new(xa, y), Point::new(xb, y)])
                } else {
                    let mx = f32::midpoint(xa, xb);
                    Path::of(&[
                        Point::new(xa, ca.y),
                        Point::new(mx, ca.y),
                        Point::new(mx, cb.y),
                        Point::new(xb, cb.y),
                    ])
                }
            } else if vgap >= 0.0 {
                let (ya, yb) = if cb.y >= ca.y {
                    (a.bottom(), b.y)
                } else {
                    (a.y, b.bottom())
                };
                let lo = a.x.max(b.x);
                let hi = a.right().min(b.right());
                if lo <= hi {
                    let x = f32::midpoint(lo, hi);
                    Path::of(&[Point::new(x, ya), Point::new(x, yb)])
                } else {
                    let my = f32::midpoint(ya, yb);
                    Path::of(&[
                        Point::new(ca.x, ya),
                        Point::new(ca.x, my),
                        Point::new(cb.x, my),
                        Point::new(cb.x, yb),
                    ])
                }
            } else {
                // Overlapping boxes: an L from `a`'s side to `b`'s top or bottom.
                let xa = if cb.x >= ca.x { a.right() } else { a.x };
                let yb = if ca.y >= cb.y { b.bottom() } else { b.y };
                Path::of(&[
                    Point::new(xa, ca.y),
                    Point::new(cb.x, ca.y),
                    Point::new(cb.x, yb),
                ])
            }
        }
    }
}

impl Diagram {
    /// An empty diagram (ids start at 1).
    pub fn new() -> Self {
        Self {
            next_id: 1,
            ..Self::default()
        }
    }

    /// The node with this id.
    pub fn node(&self, id: NodeId) -> Option<&Node> {
        self.nodes.get(&id)
    }

    /// The edge with this id.
    pub fn edge(&self, id: EdgeId) -> Option<&Edge> {
        self.edges.get(&id)
    }

    /// The node's parent if it exists, is a group and is not the node itself.
    fn valid_parent(&self, n: &Node) -> Option<NodeId> {
        n.parent
            .filter(|p| *p != n.id && self.nodes.get(p).is_some_and(Node::is_group))
    }

    /// Direct members of every group.
    fn child_map(&self) -> HashMap<NodeId, Vec<NodeId>> {
        let mut map: HashMap<NodeId, Vec<NodeId>> = HashMap::new();
        for n in self.nodes.values() {
            if let Some(p) = self.valid_parent(n) {
                map.entry(p).or_default().push(n.id);
            }
        }
        map
    }

    /// Everything reachable from `starts` through membership (not the starts themselves
    /// unless reached again), each once.
    fn reach(map: &HashMap<NodeId, Vec<NodeId>>, starts: &[NodeId]) -> Vec<NodeId> {
        let mut seen: HashSet<NodeId> = HashSet::new();
        let mut out = Vec::new();
        let mut stack: Vec<NodeId> = Vec::new();
        for s in starts {
            if let Some(kids) = map.get(s) {
                stack.extend(kids.iter().rev());
            }
        }
        while let Some(id) = stack.pop() {
            if !seen.insert(id) {
                continue;
            }
            out.push(id);
            if let Some(kids) = map.get(&id) {
                stack.extend(kids.iter().rev());
            }
        }
        out
    }

    /// Direct members of `group`.
    pub fn children(&self, group: NodeId) -> Vec<NodeId> {
        self.nodes
            .values()
            .filter(|n| n.id != group && n.parent == Some(group))
            .map(|n| n.id)
            .collect()
    }

    /// All nested members of `id`, each once (never `id` itself).
    pub fn descendants(&self, id: NodeId) -> Vec<NodeId> {
        let mut out = Self::reach(&self.child_map(), &[id]);
        out.retain(|d| *d != id);
        out
    }

    /// Front-most node under p (last in `order` whose rect contains p). Services are in
    /// front of groups.
    pub fn node_at(&self, p: Point) -> Option<NodeId> {
        let hit = |want_group: bool| {
            self.order.iter().rev().copied().find(|id| {
                self.nodes
                    .get(id)
                    .is_some_and(|n| n.is_group() == want_group && n.rect.contains(p))
            })
        };
        hit(false).or_else(|| hit(true))
    }

    /// Edge whose drawn path passes within `tolerance` of p (the nearest one).
    pub fn edge_at(&self, p: Point, tolerance: f32) -> Option<EdgeId> {
        let mut best: Option<(f32, EdgeId)> = None;
        for e in self.edges.values().rev() {
            let with_waypoints;
            let path;
            let pts: &[Point] = if e.waypoints.is_empty() {
                let Some(p) = self.path_of(e) else {
                    continue;
                };
                path = p;
                path.points()
            } else {
                let Some(p) = self.waypoint_path(e) else {
                    continue;
                };
                with_waypoints = p;
                &with_waypoints
            };
            let d = pts
                .windows(2)
                .map(|w| segment_distance(p, w[0], w[1]))
                .fold(f32::INFINITY, f32::min);
            if d <= tolerance && best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, e.id));
            }
        }
        best.map(|(_, id)| id)
    }

    /// Nodes whose rect lies entirely inside r (rubber-band selection), in drawing order.
    pub fn nodes_in(&self, r: &Rect) -> Vec<NodeId> {
        let mut seen = HashSet::new();
        self.order
            .iter()
            .chain(self.nodes.keys())
            .copied()
            .filter(|id| seen.insert(*id))
            .filter(|id| self.nodes.get(id).is_some_and(|n| r.contains_rect(&n.rect)))
            .collect()
    }

    /// Bounding box of everything (None when empty).
    pub fn bounds(&self) -> Option<Rect> {
        self.nodes
            .values()
            .map(|n| n.rect)
            .reduce(|a, b| a.union(&b))
    }

    /// The innermost group whose rect contains p, skipping `exclude` and their descendants.
    pub fn group_at(&self, p: Point, exclude: &[NodeId]) -> Option<NodeId> {
        let mut skip: HashSet<NodeId> = exclude.iter().copied().collect();
        if !exclude.is_empty() {
            skip.extend(Self::reach(&self.child_map(), exclude));
        }
        self.smallest_group(p, f32::NEG_INFINITY, &skip)
    }

    /// The smallest group containing `p` with an area above `min_area`, not in `skip`; ties
    /// go to the one drawn last.
    fn smallest_group(&self, p: Point, min_area: f32, skip: &HashSet<NodeId>) -> Option<NodeId> {
        let mut best: Option<&Node> = None;
        for n in self.nodes.values() {
            if !n.is_group() || skip.contains(&n.id) || !n.rect.contains(p) {
                continue;
            }
            let area = n.rect.area();
            if area.is_nan() || area <= min_area {
                continue;
            }
            best = match best {
                None => Some(n),
                Some(b) if area < b.rect.area() => Some(n),
                Some(b) if area.total_cmp(&b.rect.area()).is_eq() => {
                    // Tie (rare): the one drawn last wins.
                    let pos = |id: NodeId| self.order.iter().rposition(|o| *o == id);
                    if pos(n.id) > pos(b.id) {
                        Some(n)
                    } else {
                        Some(b)
                    }
                }
                keep => keep,
            };
        }
        best.map(|n| n.id)
    }

    /// The group `id` belongs in by position: the innermost one containing its centre (for
    /// groups: one larger than itself), excluding itself and its descendants.
    fn container_for(&self, id: NodeId, map: &HashMap<NodeId, Vec<NodeId>>) -> Option<NodeId> {
        let n = self.nodes.get(&id)?;
        let mut skip: HashSet<NodeId> = Self::reach(map, &[id]).into_iter().collect();
        skip.insert(id);
        let min_area = if n.is_group() {
            n.rect.area()
        } else {
            f32::NEG_INFINITY
        };
        self.smallest_group(n.rect.center(), min_area, &skip)
    }

    /// Polyline of an edge, from the border of `from`'s rect to the border of `to`'s rect
    /// (Straight: 2 points, centre-to-centre line clipped at both rect borders; Orthogonal:
    /// 2–4 points with horizontal/vertical segments). Empty if a node is missing.
    ///
    /// With waypoints, the path is a polyline through them (in order), from where the line
    /// towards the first waypoint leaves `from` to where the line from the last one enters
    /// `to`.
    pub fn edge_path(&self, e: &Edge) -> Vec<Point> {
        if !e.waypoints.is_empty() {
            return self.waypoint_path(e).unwrap_or_default();
        }
        self.path_of(e)
            .map(|p| p.points().to_vec())
            .unwrap_or_default()
    }

    /// The polyline of an edge with waypoints; `None` if a node is missing.
    fn waypoint_path(&self, e: &Edge) -> Option<Vec<Point>> {
        let a = self.nodes.get(&e.from)?;
        let b = self.nodes.get(&e.to)?;
        let first = *e.waypoints.first()?;
        let last = *e.waypoints.last()?;
        let mut pts = Vec::with_capacity(e.waypoints.len() + 2);
        pts.push(if a.rect.contains(first) {
            a.rect.center()
        } else {
            clip_to_border(&a.rect, first)
        });
        pts.extend(e.waypoints.iter().copied());
        pts.push(if b.rect.contains(last) {
            b.rect.center()
        } else {
            clip_to_border(&b.rect, last)
        });
        Some(pts)
    }

    fn path_of(&self, e: &Edge) -> Option<Path> {
        let a = self.nodes.get(&e.from)?;
        let b = self.nodes.get(&e.to)?;
        Some(route(&a.rect, &b.rect, e.routing))
    }

    /// A fresh id, above every id in use.
    fn fresh_id(&mut self) -> u64 {
        let max_node = self
            .nodes
            .keys()
            .next_back()
            .map_or(0, |k| k.0.saturating_add(1));
        let max_edge = self
            .edges
            .keys()
            .next_back()
            .map_or(0, |k| k.0.saturating_add(1));
        let id = self.next_id.max(max_node).max(max_edge).max(1);
        self.next_id = id.saturating_add(1);
        id
    }

    /// Adds a service centred at `at` (rect `SERVICE_SIZE` square), member of the innermost
    /// group there. Returns its id.
    pub fn add_service(&mut self, icon: &str, label: &str, at: Point) -> NodeId {
        let id = NodeId(self.fresh_id());
        let rect = Rect::new(
            at.x - SERVICE_SIZE / 2.0,
            at.y - SERVICE_SIZE / 2.0,
            SERVICE_SIZE,
            SERVICE_SIZE,
        );
        let parent = self.group_at(at, &[]);
        self.nodes.insert(
            id,
            Node {
                id,
                kind: NodeKind::Service {
                    icon: icon.to_owned(),
                },
                label: label.to_owned(),
                rect,
                parent,
            },
        );
        self.order.push(id);
        self.normalize();
        id
    }

    /// Adds a group with this rect; it becomes a member of the innermost group containing
    /// its centre, and existing nodes whose centre lies inside it and that had the same
    /// parent become its members. Returns its id.
    ///
    /// Only groups larger than the new one can contain it, and only smaller nodes are adopted.
    pub fn add_group(&mut self, kind: GroupKind, label: &str, rect: Rect) -> NodeId {
        let rect = Rect::new(rect.x, rect.y, rect.w, rect.h);
        let id = NodeId(self.fresh_id());
        self.nodes.insert(
            id,
            Node {
                id,
                kind: NodeKind::Group { kind },
                label: label.to_owned(),
                rect,
                parent: None,
            },
        );
        self.order.push(id);
        let map = self.child_map();
        let parent = self.container_for(id, &map);
        if let Some(n) = self.nodes.get_mut(&id) {
            n.parent = parent;
        }
        self.adopt(id);
        self.normalize();
        id
    }

    /// Makes `group` the parent of the nodes with the same parent whose centre lies inside
    /// it and which are smaller than it.
    fn adopt(&mut self, group: NodeId) {
        let Some(g) = self.nodes.get(&group) else {
            return;
        };
        let (grect, gparent) = (g.rect, self.valid_parent(g));
        let ancestors = self.ancestors(group);
        let joiners: Vec<NodeId> = self
            .nodes
            .values()
            .filter(|n| {
                n.id != group
                    && self.valid_parent(n) == gparent
                    && !ancestors.contains(&n.id)
                    && n.rect.area() < grect.area()
                    && grect.contains(n.rect.center())
            })
            .map(|n| n.id)
            .collect();
        for j in joiners {
            if let Some(n) = self.nodes.get_mut(&j) {
                n.parent = Some(group);
            }
        }
    }

    /// The chain of parents of `id` (cycle-safe).
    fn ancestors(&self, id: NodeId) -> HashSet<NodeId> {
        let mut out = HashSet::new();
        let mut cur = self.nodes.get(&id).and_then(|n| self.valid_parent(n));
        while let Some(p) = cur {
            if p == id || !out.insert(p) {
                break;
            }
            cur = self.nodes.get(&p).and_then(|n| self.valid_parent(n));
        }
        out
    }

    /// Moves nodes (and all their descendants, each once) by (dx, dy); then each moved node
    /// that is not a descendant of another moved node is re-parented to the innermost group
    /// containing its centre (excluding itself and its descendants).
    pub fn move_nodes(&mut self, ids: &[NodeId], dx: f32, dy: f32) {
        let map = self.child_map();
        let ids: Vec<NodeId> = {
            let mut seen = HashSet::new();
            ids.iter()
                .copied()
                .filter(|id| self.nodes.contains_key(id) && seen.insert(*id))
                .collect()
        };
        let below: HashSet<NodeId> = Self::reach(&map, &ids).into_iter().collect();
        let mut moved: HashSet<NodeId> = below.clone();
        moved.extend(ids.iter().copied());
        for id in &moved {
            if let Some(n) = self.nodes.get_mut(id) {
                n.rect = n.rect.translated(dx, dy);
            }
        }
        // Waypoints travel with edges whose both ends moved.
        for e in self.edges.values_mut() {
            if moved.contains(&e.from) && moved.contains(&e.to) {
                for p in &mut e.waypoints {
                    *p = Point::new(p.x + dx, p.y + dy);
                }
            }
        }
        let roots: Vec<NodeId> = ids
            .iter()
            .copied()
            .filter(|id| !below.contains(id))
            .collect();
        let parents: Vec<(NodeId, Option<NodeId>)> = roots
            .iter()
            .map(|id| (*id, self.container_for(*id, &map)))
            .collect();
        for (id, parent) in parents {
            if let Some(n) = self.nodes.get_mut(&id) {
                n.parent = parent;
            }
        }
        self.normalize();
    }

    /// Sets a node's rect (minimum 24x24 for services, 80x60 for groups); for groups,
    /// re-evaluates which nodes are inside (members whose centre left it leave; nodes whose
    /// centre is now inside and had the same parent join).
    pub fn resize(&mut self, id: NodeId, rect: Rect) {
        let Some(n) = self.nodes.get_mut(&id) else {
            return;
        };
        let rect = Rect::new(rect.x, rect.y, rect.w, rect.h);
        let is_group = n.is_group();
        let (mw, mh) = if is_group {
            MIN_GROUP_SIZE
        } else {
            MIN_SERVICE_SIZE
        };
        let rect = Rect {
            w: rect.w.max(mw),
            h: rect.h.max(mh),
            ..rect
        };
        n.rect = rect;
        if is_group {
            let map = self.child_map();
            let leavers: Vec<NodeId> = map
                .get(&id)
                .map(|kids| {
                    kids.iter()
                        .copied()
                        .filter(|k| {
                            self.nodes
                                .get(k)
                                .is_some_and(|c| !rect.contains(c.rect.center()))
                        })
                        .collect()
                })
                .unwrap_or_default();
            let parents: Vec<(NodeId, Option<NodeId>)> = leavers
                .iter()
                .map(|k| (*k, self.container_for(*k, &map)))
                .collect();
            for (k, p) in parents {
                if let Some(c) = self.nodes.get_mut(&k) {
                    c.parent = p;
                }
            }
            self.adopt(id);
        }
        self.normalize();
    }

    /// Deletes nodes, groups with all their descendants, and every edge touching a deleted
    /// node; and deletes edges in `edges`. Accepted review findings that name a deleted node
    /// go too (the finding they accepted cannot come back on nodes that no longer exist).
    pub fn delete(&mut self, nodes: &[NodeId], edges: &[EdgeId]) {
        let map = self.child_map();
        let mut gone: HashSet<NodeId> = Self::reach(&map, nodes).into_iter().collect();
        gone.extend(nodes.iter().copied());
        self.nodes.retain(|id, _| !gone.contains(id));
        self.accepted
            .retain(|a| !a.nodes.iter().any(|n| gone.contains(n)));
        let edges: HashSet<EdgeId> = edges.iter().copied().collect();
        self.edges.retain(|id, e| {
            !edges.contains(id) && !gone.contains(&e.from) && !gone.contains(&e.to)
        });
        self.normalize();
    }

    /// Connects two distinct existing nodes (no duplicate of an existing from→to edge).
    /// Returns the new edge.
    pub fn connect(&mut self, from: NodeId, to: NodeId) -> Option<EdgeId> {
        if from == to
            || !self.nodes.contains_key(&from)
            || !self.nodes.contains_key(&to)
            || self.edges.values().any(|e| e.from == from && e.to == to)
        {
            return None;
        }
        let id = EdgeId(self.fresh_id());
        self.edges.insert(
            id,
            Edge {
                id,
                from,
                to,
                label: String::new(),
                arrows: Arrows::default(),
                routing: Routing::default(),
                waypoints: Vec::new(),
            },
        );
        self.normalize();
        Some(id)
    }

    /// Sets a node's label (title for groups).
    pub fn set_label(&mut self, id: NodeId, label: &str) {
        if let Some(n) = self.nodes.get_mut(&id) {
            label.clone_into(&mut n.label);
        }
        self.normalize();
    }

    /// Sets an edge's label, arrow heads and routing.
    pub fn set_edge(&mut self, id: EdgeId, label: &str, arrows: Arrows, routing: Routing) {
        if let Some(e) = self.edges.get_mut(&id) {
            label.clone_into(&mut e.label);
            e.arrows = arrows;
            e.routing = routing;
        }
        self.normalize();
    }

    /// Copies nodes, including descendants of copied groups, and the edges among them.
    pub fn copy(&self, ids: &[NodeId]) -> Clipboard {
        let map = self.child_map();
        let mut set: HashSet<NodeId> = Self::reach(&map, ids).into_iter().collect();
        set.extend(ids.iter().copied().filter(|id| self.nodes.contains_key(id)));
        let mut seen = HashSet::new();
        let nodes: Vec<Node> = self
            .order
            .iter()
            .chain(self.nodes.keys())
            .filter(|id| set.contains(id) && seen.insert(**id))
            .filter_map(|id| self.nodes.get(id).cloned())
            .collect();
        let edges = self
            .edges
            .values()
            .filter(|e| set.contains(&e.from) && set.contains(&e.to))
            .cloned()
            .collect();
        Clipboard { nodes, edges }
    }

    /// Pastes with fresh ids, shifted by (dx, dy); parents inside the clipboard are
    /// remapped, others dropped then re-evaluated by position. Returns the new top-level ids.
    pub fn paste(&mut self, clip: &Clipboard, dx: f32, dy: f32) -> Vec<NodeId> {
        let mut remap: HashMap<NodeId, NodeId> = HashMap::new();
        let mut fresh: Vec<Node> = Vec::new();
        for n in &clip.nodes {
            if remap.contains_key(&n.id) {
                continue;
            }
            let id = NodeId(self.fresh_id());
            remap.insert(n.id, id);
            fresh.push(Node {
                id,
                rect: n.rect.translated(dx, dy),
                ..n.clone()
            });
        }
        let mut top = Vec::new();
        for n in &mut fresh {
            n.parent = n
                .parent
                .and_then(|p| remap.get(&p).copied())
                .filter(|p| *p != n.id);
            if n.parent.is_none() {
                top.push(n.id);
            }
        }
        for n in fresh {
            self.order.push(n.id);
            self.nodes.insert(n.id, n);
        }
        // Parents inside the clipboard that are not groups would be dropped by normalize.
        self.normalize();
        let map = self.child_map();
        let parents: Vec<(NodeId, Option<NodeId>)> = top
            .iter()
            .map(|id| (*id, self.container_for(*id, &map)))
            .collect();
        for (id, p) in parents {
            if let Some(n) = self.nodes.get_mut(&id) {
                n.parent = p;
            }
        }
        for e in &clip.edges {
            let (Some(from), Some(to)) = (remap.get(&e.from), remap.get(&e.to)) else {
                continue;
            };
            if from == to || self.edges.values().any(|x| x.from == *from && x.to == *to) {
                continue;
            }
            let id = EdgeId(self.fresh_id());
            self.edges.insert(
                id,
                Edge {
                    id,
                    from: *from,
                    to: *to,
                    waypoints: e
                        .waypoints
                        .iter()
                        .map(|p| Point::new(p.x + dx, p.y + dy))
                        .collect(),
                    ..e.clone()
                },
            );
        }
        self.normalize();
        top
    }

    /// Makes `order` consistent: every node exactly once, every group before its
    /// descendants, groups before services at the same level (stable otherwise).
    ///
    /// Groups come first (each before its members, siblings in their previous order), then
    /// all services in their previous order, so services are drawn in front of every group.
    /// Parents that do not exist, are not groups or close a cycle are cleared, and `next_id`
    /// is raised above every id in use. The same repair runs after every edit and on every
    /// file loaded (which reports it through [`Diagram::repair_structure`]).
    pub fn normalize(&mut self) {
        let _ = self.repair_structure();
    }

    /// [`Diagram::normalize`], saying what it had to repair (beyond a mere reordering):
    /// the one place where parents, cycles and the drawing order are made consistent.
    pub fn repair_structure(&mut self) -> StructureRepairs {
        let mut repairs = StructureRepairs::default();
        // Clear invalid parents.
        let invalid: Vec<NodeId> = self
            .nodes
            .values()
            .filter(|n| n.parent.is_some() && self.valid_parent(n).is_none())
            .map(|n| n.id)
            .collect();
        for id in invalid {
            if let Some(n) = self.nodes.get_mut(&id)
                && let Some(p) = n.parent.take()
            {
                repairs.dangling_parents.push((id, p));
            }
        }
        // Break cycles: walk each chain once, colouring visited nodes.
        let mut state: HashMap<NodeId, u8> = HashMap::new(); // 1 = on path, 2 = done
        let ids: Vec<NodeId> = self.nodes.keys().copied().collect();
        for start in ids {
            let mut path = Vec::new();
            let mut cur = Some(start);
            while let Some(id) = cur {
                match state.get(&id) {
                    Some(2) => break,
                    Some(_) => {
                        // `id` is on the current path: the last node of the path closes a cycle.
                        if let Some(last) = path.last()
                            && let Some(n) = self.nodes.get_mut(last)
                        {
                            n.parent = None;
                            repairs.cycles_broken.push(*last);
                        }
                        break;
                    }
                    None => {
                        state.insert(id, 1);
                        path.push(id);
                        cur = self.nodes.get(&id).and_then(|n| n.parent);
                    }
                }
            }
            for id in path {
                state.insert(id, 2);
            }
        }
        // Stable position of every node: first occurrence in `order`, then unknown ones by id.
        repairs.order_rebuilt = self.order.len() != self.nodes.len() || {
            let mut seen = HashSet::with_capacity(self.order.len());
            !self
                .order
                .iter()
                .all(|id| self.nodes.contains_key(id) && seen.insert(*id))
        };
        let mut pos: HashMap<NodeId, usize> = HashMap::new();
        for id in self.order.iter().chain(self.nodes.keys()) {
            if self.nodes.contains_key(id) {
                let next = pos.len();
                pos.entry(*id).or_insert(next);
            }
        }
        let key = |id: &NodeId| pos.get(id).copied().unwrap_or(usize::MAX);
        let mut group_kids: HashMap<Option<NodeId>, Vec<NodeId>> = HashMap::new();
        let mut services: Vec<NodeId> = Vec::new();
        for n in self.nodes.values() {
            if n.is_group() {
                group_kids.entry(n.parent).or_default().push(n.id);
            } else {
                services.push(n.id);
            }
        }
        for kids in group_kids.values_mut() {
            kids.sort_by_key(key);
        }
        services.sort_by_key(key);
        let mut order = Vec::with_capacity(self.nodes.len());
        let mut stack: Vec<NodeId> = group_kids
            .get(&None)
            .map(|k| k.iter().rev().copied().collect())
            .unwrap_or_default();
        let mut seen = HashSet::new();
        while let Some(id) = stack.pop() {
            if !seen.insert(id) {
                continue;
            }
            order.push(id);
            if let Some(kids) = group_kids.get(&Some(id)) {
                stack.extend(kids.iter().rev());
            }
        }
        order.extend(services);
        self.order = order;
        let max_node = self
            .nodes
            .keys()
            .next_back()
            .map_or(0, |k| k.0.saturating_add(1));
        let max_edge = self
            .edges
            .keys()
            .next_back()
            .map_or(0, |k| k.0.saturating_add(1));
        self.next_id = self.next_id.max(max_node).max(max_edge).max(1);
        repairs
    }
}

/// What [`Diagram::repair_structure`] had to change.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StructureRepairs {
    /// Nodes whose parent did not exist, was not a group or was the node itself, with the
    /// parent they named; they are no longer in a group.
    pub dangling_parents: Vec<(NodeId, NodeId)>,
    /// Nodes taken out of their group to break a loop of groups.
    pub cycles_broken: Vec<NodeId>,
    /// The drawing order missed nodes, repeated some or named unknown ones.
    pub order_rebuilt: bool,
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const LAMBDA: &str = "Arch_AWS-Lambda_48";

    fn p(x: f32, y: f32) -> Point {
        Point::new(x, y)
    }

    fn parent(d: &Diagram, id: NodeId) -> Option<NodeId> {
        d.node(id).unwrap().parent
    }

    /// Every node once, groups before their descendants.
    fn assert_order_ok(d: &Diagram) {
        assert_eq!(d.order.len(), d.nodes.len());
        let pos: HashMap<NodeId, usize> =
            d.order.iter().enumerate().map(|(i, id)| (*id, i)).collect();
        assert_eq!(pos.len(), d.nodes.len());
        for n in d.nodes.values() {
            if let Some(par) = n.parent {
                assert!(pos[&par] < pos[&n.id], "{par:?} after {:?}", n.id);
            }
        }
    }

    fn on_border(r: &Rect, q: Point) -> bool {
        let e = 1e-3;
        r.expanded(e).contains(q)
            && ((q.x - r.x).abs() < e
                || (q.x - r.right()).abs() < e
                || (q.y - r.y).abs() < e
                || (q.y - r.bottom()).abs() < e)
    }

    #[test]
    fn rect_helpers() {
        let r = Rect::from_points(p(10.0, 20.0), p(0.0, 0.0));
        assert_eq!(r, Rect::new(0.0, 0.0, 10.0, 20.0));
        assert_eq!(
            Rect::new(10.0, 10.0, -10.0, -5.0),
            Rect::new(0.0, 5.0, 10.0, 5.0)
        );
        assert_eq!(r.center(), p(5.0, 10.0));
        assert!(r.contains(p(0.0, 0.0)) && r.contains(p(10.0, 20.0)));
        assert!(!r.contains(p(10.1, 5.0)));
        assert!(r.contains_rect(&Rect::new(1.0, 1.0, 9.0, 19.0)));
        assert!(!r.contains_rect(&Rect::new(1.0, 1.0, 10.0, 5.0)));
        assert!(r.intersects(&Rect::new(9.0, 19.0, 5.0, 5.0)));
        assert!(!r.intersects(&Rect::new(11.0, 0.0, 5.0, 5.0)));
        assert_eq!(
            r.union(&Rect::new(20.0, -5.0, 5.0, 5.0)),
            Rect::new(0.0, -5.0, 25.0, 25.0)
        );
        assert_eq!(r.translated(1.0, -1.0), Rect::new(1.0, -1.0, 10.0, 20.0));
        assert_eq!(r.expanded(2.0), Rect::new(-2.0, -2.0, 14.0, 24.0));
        assert_eq!(r.expanded(-20.0).w, 0.0);
        assert_eq!(snap(13.0, 10.0), 10.0);
        assert_eq!(snap(-16.0, 10.0), -20.0);
        assert_eq!(snap(13.0, 0.0), 13.0);
    }

    #[test]
    fn group_kinds() {
        for k in GroupKind::ALL {
            assert!(!k.label().is_empty());
            let (w, h) = k.default_size();
            assert!(w >= MIN_GROUP_SIZE.0 && h >= MIN_GROUP_SIZE.1);
        }
        assert_eq!(GroupKind::Vpc.color(), [0x8C, 0x4F, 0xFF]);
        assert!(GroupKind::AvailabilityZone.dashed() && !GroupKind::Vpc.dashed());
        assert_eq!(GroupKind::SecurityGroup.icon_name(), None);
        assert_eq!(GroupKind::Region.icon_name(), Some("Region_32"));
    }

    #[test]
    fn add_service_joins_innermost_group() {
        let mut d = Diagram::new();
        let region = d.add_group(GroupKind::Region, "r", Rect::new(0.0, 0.0, 1000.0, 800.0));
        let vpc = d.add_group(GroupKind::Vpc, "v", Rect::new(100.0, 100.0, 600.0, 500.0));
        assert_eq!(parent(&d, vpc), Some(region));
        let s = d.add_service(LAMBDA, "fn", p(300.0, 300.0));
        assert_eq!(parent(&d, s), Some(vpc));
        assert_eq!(d.node(s).unwrap().icon(), Some(LAMBDA));
        assert!(d.node(vpc).unwrap().icon().is_none() && d.node(vpc).unwrap().is_group());
        let out = d.add_service(LAMBDA, "out", p(900.0, 700.0));
        assert_eq!(parent(&d, out), Some(region));
        let none = d.add_service(LAMBDA, "none", p(2000.0, 0.0));
        assert_eq!(parent(&d, none), None);
        assert_eq!(d.node(s).unwrap().rect.center(), p(300.0, 300.0));
        assert_eq!(d.children(vpc), vec![s]);
        assert_eq!(d.descendants(region).len(), 3);
        assert_order_ok(&d);
    }

    #[test]
    fn moving_groups_and_nodes() {
        let mut d = Diagram::new();
        let g = d.add_group(GroupKind::Vpc, "a", Rect::new(0.0, 0.0, 400.0, 300.0));
        let h = d.add_group(GroupKind::Vpc, "b", Rect::new(1000.0, 0.0, 400.0, 300.0));
        let s = d.add_service(LAMBDA, "s", p(100.0, 100.0));
        let t = d.add_service(LAMBDA, "t", p(200.0, 100.0));
        assert_eq!(parent(&d, s), Some(g));
        // Moving the group moves its members (each once, even when also selected).
        d.move_nodes(&[g, s], 50.0, 10.0);
        assert_eq!(d.node(s).unwrap().rect.center(), p(150.0, 110.0));
        assert_eq!(d.node(t).unwrap().rect.center(), p(250.0, 110.0));
        assert_eq!(parent(&d, s), Some(g));
        // Out of the group.
        d.move_nodes(&[s], 0.0, 500.0);
        assert_eq!(parent(&d, s), None);
        // Into another group.
        d.move_nodes(&[t], 950.0, 0.0);
        assert_eq!(parent(&d, t), Some(h));
        // A big group dragged over a small one does not become its member.
        let small = d.add_group(
            GroupKind::SecurityGroup,
            "sg",
            Rect::new(0.0, 1000.0, 100.0, 100.0),
        );
        d.move_nodes(&[h], -1150.0, 900.0);
        assert_ne!(parent(&d, h), Some(small));
        assert_order_ok(&d);
    }

    fn nested(reverse: bool) -> (Diagram, [NodeId; 4]) {
        let mut d = Diagram::new();
        let specs = [
            (GroupKind::Region, Rect::new(0.0, 0.0, 1000.0, 1000.0)),
            (GroupKind::Vpc, Rect::new(100.0, 100.0, 800.0, 800.0)),
            (
                GroupKind::AvailabilityZone,
                Rect::new(200.0, 200.0, 600.0, 600.0),
            ),
            (
                GroupKind::PrivateSubnet,
                Rect::new(300.0, 300.0, 400.0, 400.0),
            ),
        ];
        let mut ids = [NodeId(0); 4];
        let idx: Vec<usize> = if reverse {
            (0..4).rev().collect()
        } else {
            (0..4).collect()
        };
        for i in idx {
            ids[i] = d.add_group(specs[i].0, specs[i].0.label(), specs[i].1);
        }
        (d, ids)
    }

    #[test]
    fn nested_groups_in_either_order() {
        for reverse in [false, true] {
            let (mut d, [region, vpc, az, subnet]) = nested(reverse);
            assert_eq!(parent(&d, region), None);
            assert_eq!(parent(&d, vpc), Some(region));
            assert_eq!(parent(&d, az), Some(vpc));
            assert_eq!(parent(&d, subnet), Some(az));
            assert_eq!(d.order, vec![region, vpc, az, subnet]);
            let s = d.add_service(LAMBDA, "s", p(500.0, 500.0));
            assert_eq!(parent(&d, s), Some(subnet));
            assert_eq!(d.group_at(p(500.0, 500.0), &[az]), Some(vpc));
            assert_eq!(d.descendants(region).len(), 4);
        }
    }

    #[test]
    fn resize_adopts_and_releases() {
        let mut d = Diagram::new();
        let g = d.add_group(
            GroupKind::PublicSubnet,
            "g",
            Rect::new(0.0, 0.0, 200.0, 200.0),
        );
        let a = d.add_service(LAMBDA, "a", p(100.0, 100.0));
        let b = d.add_service(LAMBDA, "b", p(400.0, 100.0));
        assert_eq!((parent(&d, a), parent(&d, b)), (Some(g), None));
        d.resize(g, Rect::new(0.0, 0.0, 500.0, 200.0));
        assert_eq!((parent(&d, a), parent(&d, b)), (Some(g), Some(g)));
        d.resize(g, Rect::new(300.0, 0.0, 200.0, 200.0));
        assert_eq!((parent(&d, a), parent(&d, b)), (None, Some(g)));
        d.resize(g, Rect::new(300.0, 0.0, 1.0, 1.0));
        assert_eq!(d.node(g).unwrap().rect, Rect::new(300.0, 0.0, 80.0, 60.0));
        d.resize(a, Rect::new(0.0, 0.0, 2.0, 2.0));
        assert_eq!(d.node(a).unwrap().rect.w, 24.0);
    }

    #[test]
    fn delete_group_deletes_members_and_edges() {
        let (mut d, [region, vpc, _az, subnet]) = nested(false);
        let inside = d.add_service(LAMBDA, "in", p(500.0, 500.0));
        let outside = d.add_service(LAMBDA, "out", p(2000.0, 0.0));
        let other = d.add_service(LAMBDA, "other", p(2200.0, 0.0));
        let e1 = d.connect(inside, outside).unwrap();
        let e2 = d.connect(outside, other).unwrap();
        let e3 = d.connect(other, outside).unwrap();
        d.delete(&[vpc], &[e3]);
        assert!(d.node(subnet).is_none() && d.node(inside).is_none());
        assert!(d.node(region).is_some() && d.node(outside).is_some());
        assert!(d.edge(e1).is_none() && d.edge(e3).is_none() && d.edge(e2).is_some());
        assert_order_ok(&d);
        assert_eq!(d.nodes.len(), 3);
    }

    #[test]
    fn connect_rejects_self_and_duplicates() {
        let mut d = Diagram::new();
        let a = d.add_service(LAMBDA, "a", p(0.0, 0.0));
        let b = d.add_service(LAMBDA, "b", p(200.0, 0.0));
        assert_eq!(d.connect(a, a), None);
        assert_eq!(d.connect(a, NodeId(999)), None);
        let e = d.connect(a, b).unwrap();
        assert_eq!(d.connect(a, b), None);
        assert!(d.connect(b, a).is_some());
        assert!(e.0 > b.0);
        d.set_edge(e, "calls", Arrows::Both, Routing::Orthogonal);
        let edge = d.edge(e).unwrap();
        assert_eq!(
            (edge.label.as_str(), edge.arrows, edge.routing),
            ("calls", Arrows::Both, Routing::Orthogonal)
        );
        d.set_label(a, "renamed");
        assert_eq!(d.node(a).unwrap().label, "renamed");
    }

    #[test]
    fn copy_paste_remaps() {
        let mut d = Diagram::new();
        let g = d.add_group(GroupKind::Vpc, "g", Rect::new(0.0, 0.0, 400.0, 300.0));
        let a = d.add_service(LAMBDA, "a", p(100.0, 100.0));
        let b = d.add_service(LAMBDA, "b", p(300.0, 100.0));
        let c = d.add_service(LAMBDA, "c", p(900.0, 100.0));
        d.connect(a, b).unwrap();
        d.connect(b, c).unwrap();
        let clip = d.copy(&[g]);
        assert_eq!(clip.nodes.len(), 3);
        assert_eq!(clip.edges.len(), 1);
        let before = d.nodes.len();
        let top = d.paste(&clip, 1000.0, 0.0);
        assert_eq!(top.len(), 1);
        assert_eq!(d.nodes.len(), before + 3);
        let ng = top[0];
        assert!(ng != g && d.node(ng).unwrap().is_group());
        assert_eq!(
            d.node(ng).unwrap().rect,
            Rect::new(1000.0, 0.0, 400.0, 300.0)
        );
        let kids = d.children(ng);
        assert_eq!(kids.len(), 2);
        assert!(kids.iter().all(|k| ![a, b, c].contains(k)));
        let new_edges: Vec<&Edge> = d
            .edges
            .values()
            .filter(|e| kids.contains(&e.from) && kids.contains(&e.to))
            .collect();
        assert_eq!(new_edges.len(), 1);
        // Pasting a lone service over a group makes it a member there.
        let clip = d.copy(&[c]);
        let top = d.paste(&clip, -800.0, 100.0);
        assert_eq!(parent(&d, top[0]), Some(g));
        assert_order_ok(&d);
    }

    #[test]
    fn node_at_prefers_services() {
        let mut d = Diagram::new();
        let s = d.add_service(LAMBDA, "s", p(100.0, 100.0));
        // A group drawn later, over the service.
        let g = d.add_group(GroupKind::Vpc, "g", Rect::new(0.0, 0.0, 400.0, 300.0));
        assert_eq!(d.node_at(p(100.0, 100.0)), Some(s));
        assert_eq!(d.node_at(p(300.0, 250.0)), Some(g));
        assert_eq!(d.node_at(p(1000.0, 1000.0)), None);
        assert_eq!(d.nodes_in(&Rect::new(50.0, 50.0, 100.0, 100.0)), vec![s]);
        assert_eq!(d.nodes_in(&Rect::new(-1.0, -1.0, 500.0, 500.0)), vec![g, s]);
        assert_eq!(d.bounds(), Some(Rect::new(0.0, 0.0, 400.0, 300.0)));
        assert_eq!(Diagram::new().bounds(), None);
    }

    #[test]
    fn edge_at_and_paths() {
        let mut d = Diagram::new();
        let a = d.add_service(LAMBDA, "a", p(0.0, 0.0));
        let b = d.add_service(LAMBDA, "b", p(300.0, 100.0));
        let e = d.connect(a, b).unwrap();
        let edge = d.edge(e).unwrap().clone();
        let path = d.edge_path(&edge);
        assert_eq!(path.len(), 2);
        let (ra, rb) = (d.node(a).unwrap().rect, d.node(b).unwrap().rect);
        assert!(on_border(&ra, path[0]), "{:?}", path[0]);
        assert!(on_border(&rb, path[1]), "{:?}", path[1]);
        assert_eq!(d.edge_at(p(150.0, 50.0), 3.0), Some(e));
        assert_eq!(d.edge_at(p(150.0, 90.0), 3.0), None);
        for (dx, dy) in [
            (300.0, 100.0),
            (20.0, 300.0),
            (-300.0, -10.0),
            (10.0, 10.0),
            (0.0, -500.0),
        ] {
            d.move_nodes(&[b], dx, dy);
            d.set_edge(e, "", Arrows::Forward, Routing::Orthogonal);
            let edge = d.edge(e).unwrap().clone();
            let path = d.edge_path(&edge);
            assert!((2..=4).contains(&path.len()), "{path:?}");
            for w in path.windows(2) {
                assert!(w[0].x == w[1].x || w[0].y == w[1].y, "{path:?}");
            }
            let (ra, rb) = (d.node(a).unwrap().rect, d.node(b).unwrap().rect);
            if !ra.intersects(&rb) {
                assert!(
                    on_border(&ra, path[0]) && on_border(&rb, path[path.len() - 1]),
                    "{path:?}"
                );
            }
            let mid = Point::new(
                f32::midpoint(path[0].x, path[1].x),
                f32::midpoint(path[0].y, path[1].y),
            );
            assert_eq!(d.edge_at(mid, 2.0), Some(e));
            d.set_edge(e, "", Arrows::Forward, Routing::Straight);
            let edge = d.edge(e).unwrap().clone();
            let path = d.edge_path(&edge);
            if !ra.intersects(&rb) {
                assert!(
                    on_border(&ra, path[0]) && on_border(&rb, path[1]),
                    "{path:?}"
                );
            }
        }
        d.delete(&[b], &[]);
        assert!(d.edge_path(&edge).is_empty());
    }

    #[test]
    fn normalize_orders_and_survives_cycles() {
        let (mut d, [region, vpc, az, subnet]) = nested(false);
        let s = d.add_service(LAMBDA, "s", p(500.0, 500.0));
        d.order = vec![s, subnet, subnet, az, NodeId(12345), vpc];
        d.normalize();
        assert_eq!(d.order, vec![region, vpc, az, subnet, s]);
        // A parent cycle and dangling parents in hand-edited data.
        d.nodes.get_mut(&region).unwrap().parent = Some(subnet);
        d.nodes.get_mut(&s).unwrap().parent = Some(NodeId(777));
        // Everything must still be panic-free before normalising.
        let _ = d.descendants(region);
        let _ = d.group_at(p(500.0, 500.0), &[region]);
        d.move_nodes(&[region], 1.0, 1.0);
        assert_order_ok(&d);
        let mut d2 = d.clone();
        d2.nodes.get_mut(&region).unwrap().parent = Some(subnet);
        d2.nodes.get_mut(&vpc).unwrap().parent = Some(region);
        d2.normalize();
        assert_order_ok(&d2);
        let _ = d2.copy(&[region]);
        d2.delete(&[vpc], &[]);
        assert_order_ok(&d2);
        // Services come after groups at the same level.
        let mut d3 = Diagram::new();
        let s1 = d3.add_service(LAMBDA, "s1", p(5000.0, 0.0));
        let g1 = d3.add_group(GroupKind::Vpc, "g", Rect::new(0.0, 0.0, 100.0, 100.0));
        let s2 = d3.add_service(LAMBDA, "s2", p(7000.0, 0.0));
        assert_eq!(d3.order, vec![g1, s1, s2]);
    }

    #[test]
    fn fresh_ids_skip_stale_next_id() {
        let mut d = Diagram::new();
        let a = d.add_service(LAMBDA, "a", p(0.0, 0.0));
        d.next_id = 0;
        let b = d.add_service(LAMBDA, "b", p(100.0, 0.0));
        assert!(b.0 > a.0);
    }

    #[test]
    fn large_diagram_is_fast_enough() {
        let mut d = Diagram::new();
        for i in 0..100u64 {
            let (x, y) = ((i % 10) as f32 * 1000.0, (i / 10) as f32 * 1000.0);
            let id = NodeId(i + 1);
            let kind = NodeKind::Group {
                kind: GroupKind::Vpc,
            };
            let rect = Rect::new(x, y, 900.0, 900.0);
            d.nodes.insert(
                id,
                Node {
                    id,
                    kind,
                    label: "g".into(),
                    rect,
                    parent: None,
                },
            );
        }
        for i in 0..1900u64 {
            let (x, y) = ((i % 95) as f32 * 100.0 + 8.0, (i / 95) as f32 * 100.0 + 8.0);
            let id = NodeId(i + 101);
            let kind = NodeKind::Service {
                icon: LAMBDA.into(),
            };
            let rect = Rect::new(x, y, SERVICE_SIZE, SERVICE_SIZE);
            d.nodes.insert(
                id,
                Node {
                    id,
                    kind,
                    label: "s".into(),
                    rect,
                    parent: None,
                },
            );
            if i > 0 {
                let e = EdgeId(10_000 + i);
                let edge = Edge {
                    id: e,
                    from: NodeId(i + 100),
                    to: id,
                    label: String::new(),
                    arrows: Arrows::Forward,
                    waypoints: Vec::new(),
                    routing: Routing::Orthogonal,
                };
                d.edges.insert(e, edge);
            }
        }
        d.normalize();
        assert_eq!(d.nodes.len(), 2000);
        assert!(d.next_id > 10_000);
        let s = d.add_service(LAMBDA, "s", p(450.0, 450.0));
        assert_eq!(parent(&d, s), Some(NodeId(1)));
        assert!(d.node_at(p(5050.0, 5050.0)).is_some());
        let _ = d.edge_at(p(5050.0, 5050.0), 4.0);
        let all: Vec<NodeId> = d.order.clone();
        d.move_nodes(&all, 10.0, 10.0);
        let clip = d.copy(&all);
        d.paste(&clip, 5.0, 5.0);
        assert_order_ok(&d);
    }

    /// Regression: the arrow-label editor opened over the target node, at the path's end.
    #[test]
    fn an_edge_label_sits_mid_line_never_at_an_end() {
        assert_eq!(label_point(&[p(0.0, 0.0)]), None);
        assert_eq!(
            label_point(&[p(0.0, 0.0), p(100.0, 0.0)]),
            Some(p(50.0, 0.0))
        );
        // Orthogonal with 4 points: the middle segment.
        let four = [p(0.0, 0.0), p(50.0, 0.0), p(50.0, 80.0), p(100.0, 80.0)];
        assert_eq!(label_point(&four), Some(p(50.0, 40.0)));
        let three = [p(0.0, 0.0), p(60.0, 0.0), p(60.0, 60.0)];
        assert_eq!(label_point(&three), Some(p(30.0, 0.0)));
    }
}
