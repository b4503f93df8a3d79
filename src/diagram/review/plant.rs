//! Planting a violation of a rule into a correct diagram, for the "what is wrong with this
//! architecture?" drills: the smallest edit a student could plausibly make that breaks the
//! rule (move the database into a public subnet, delete the second NAT gateway, point
//! `CloudFront` at the instances). A planter returns `None` when the diagram has nothing to
//! break that way; [`super::plant`] then checks that the rule really fires.
//!
//! Moved and added nodes go to a free spot of their new group (no overlap with other icons,
//! labels or boxes), so a planted diagram still reads well.

use std::collections::{BTreeSet, HashSet};

use super::facts::{
    Facts, NodeFacts, is_cache, is_database, is_ec2, is_endpoint, is_internet, is_lb, is_nat,
    is_rds, key,
};
use super::rules::{
    from_internet, is_hybrid, is_public_zonal_nat, is_regional, is_standby, mentions_dr,
};
use crate::diagram::model::{Diagram, Edge, GroupKind, NodeId, Point, Rect, SERVICE_SIZE};

/// Grid step, as the editor and the templates use.
const GRID: f32 = 20.0;
/// Room under an icon for its label.
const LABEL: f32 = 24.0;
/// Room at the top of a group for its title.
const TITLE: f32 = 30.0;

fn snap_up(v: f32) -> f32 {
    (v / GRID).ceil() * GRID
}

/// The box a service's icon and label take.
fn service_box(r: &Rect) -> Rect {
    Rect::new(r.x - 16.0, r.y, r.w + 32.0, r.h + LABEL)
}

/// The centre of a free spot for a service inside `target`: clear of every icon and label
/// (but those of `moving`) and of every box but `target` and the boxes around it.
pub(super) fn free_spot(d: &Diagram, target: NodeId, moving: &[NodeId]) -> Option<Point> {
    let g = d.node(target)?;
    let r = g.rect;
    let allowed: HashSet<NodeId> = d
        .nodes
        .values()
        .filter(|n| n.is_group() && (n.id == target || n.rect.contains_rect(&r)))
        .map(|n| n.id)
        .collect();
    let (w, h) = (SERVICE_SIZE, SERVICE_SIZE + LABEL);
    let mut y = snap_up(r.y + TITLE + 10.0);
    while y + h + 12.0 <= r.bottom() {
        let mut x = snap_up(r.x + 20.0);
        while x + w + 20.0 <= r.right() {
            let spot = Rect::new(x, y, w, h).expanded(12.0);
            let clear = d.nodes.values().all(|n| {
                if moving.contains(&n.id) || allowed.contains(&n.id) {
                    return true;
                }
                let other = if n.is_group() {
                    n.rect
                } else {
                    service_box(&n.rect)
                };
                !spot.intersects(&other)
            });
            if clear {
                return Some(Point::new(x + w / 2.0, y + SERVICE_SIZE / 2.0));
            }
            x += GRID;
        }
        y += GRID;
    }
    None
}

/// Moves service `id` to a free spot of group `target`; whether it now belongs to it.
fn move_into(d: &mut Diagram, id: NodeId, target: NodeId) -> bool {
    let Some(spot) = free_spot(d, target, &[id]) else {
        return false;
    };
    let Some(c) = d.node(id).map(|n| n.rect.center()) else {
        return false;
    };
    d.move_nodes(&[id], spot.x - c.x, spot.y - c.y);
    d.node(id).is_some_and(|n| n.parent == Some(target))
}

/// The bundled icon of a catalog service.
fn icon_for(service: &str) -> Option<String> {
    let services = crate::services::Catalog::bundled();
    let icon = services.icon(services.by_key(service)?)?;
    crate::icons::Catalog::bundled()
        .get(icon)
        .map(|i| i.aws_name.clone())
}

/// Adds a service to a free spot of group `target`.
fn add_into(d: &mut Diagram, service: &str, label: &str, target: NodeId) -> Option<NodeId> {
    let spot = free_spot(d, target, &[])?;
    let icon = icon_for(service)?;
    Some(d.add_service(&icon, label, spot))
}

/// Adds a service under everything drawn, outside every group.
fn add_below(d: &mut Diagram, service: &str, label: &str) -> Option<NodeId> {
    let b = d.bounds()?;
    let icon = icon_for(service)?;
    let at = Point::new(
        snap_up(b.x) + SERVICE_SIZE / 2.0,
        snap_up(b.bottom() + 60.0) + SERVICE_SIZE / 2.0,
    );
    Some(d.add_service(&icon, label, at))
}

/// Connects `from` to `to` like `like` (heads, routing, label), or plainly.
fn connect_like(d: &mut Diagram, from: NodeId, to: NodeId, like: Option<&Edge>) {
    if let Some(e) = d.connect(from, to)
        && let Some(like) = like
    {
        d.set_edge(e, &like.label, like.arrows, like.routing);
    }
}

/// Deletes `ids`, joining what flowed into each of them to what flowed out of it.
fn delete_bypassing(d: &mut Diagram, ids: &[NodeId]) {
    let gone: BTreeSet<NodeId> = ids.iter().copied().collect();
    let mut joins: Vec<(NodeId, NodeId, Edge)> = Vec::new();
    for id in ids {
        let ins: Vec<NodeId> = d
            .edges
            .values()
            .filter(|e| e.to == *id && !gone.contains(&e.from))
            .map(|e| e.from)
            .collect();
        let outs: Vec<Edge> = d
            .edges
            .values()
            .filter(|e| e.from == *id && !gone.contains(&e.to))
            .cloned()
            .collect();
        for a in &ins {
            for e in &outs {
                if *a != e.to {
                    joins.push((*a, e.to, e.clone()));
                }
            }
        }
    }
    d.delete(ids, &[]);
    for (a, b, e) in joins {
        connect_like(d, a, b, Some(&e));
    }
}

/// Groups of `kind`, the ones in the AZ `az` (if any) first, then by id.
fn groups_near(
    f: &Facts<'_>,
    kind: GroupKind,
    az: Option<NodeId>,
    vpc: Option<NodeId>,
) -> Vec<NodeId> {
    let mut out: Vec<(u8, NodeId)> = f
        .groups(kind)
        .map(|(id, g)| {
            let rank =
                u8::from(az.is_none() || g.az != az) + u8::from(vpc.is_some() && g.vpc != vpc);
            (rank, id)
        })
        .collect();
    out.sort_unstable();
    out.into_iter().map(|(_, id)| id).collect()
}

/// Moves the first node matching `pick` (by id) into the first subnet of `kind` with room,
/// nearest first.
fn move_to_subnet(
    f: &Facts<'_>,
    kind: GroupKind,
    pick: impl Fn(NodeId, &NodeFacts) -> bool,
) -> Option<Diagram> {
    for (id, n) in f.services().filter(|(id, n)| pick(*id, n)) {
        for subnet in groups_near(f, kind, n.az, n.vpc) {
            if n.subnet.map(|(s, _)| s) == Some(subnet) {
                continue;
            }
            let mut d = f.d.clone();
            if move_into(&mut d, id, subnet) {
                return Some(d);
            }
        }
    }
    None
}

pub(super) fn db_in_public_subnet(f: &Facts<'_>) -> Option<Diagram> {
    move_to_subnet(f, GroupKind::PublicSubnet, |_, n| {
        is_database(n) && !n.in_public_subnet()
    })
}

pub(super) fn cache_in_public_subnet(f: &Facts<'_>) -> Option<Diagram> {
    move_to_subnet(f, GroupKind::PublicSubnet, |_, n| {
        is_cache(n) && !n.in_public_subnet()
    })
}

pub(super) fn lambda_in_public_subnet(f: &Facts<'_>) -> Option<Diagram> {
    for (subnet, _) in f.groups(GroupKind::PublicSubnet) {
        let mut d = f.d.clone();
        if add_into(&mut d, "lambda", "Function", subnet).is_some() {
            return Some(d);
        }
    }
    None
}

pub(super) fn nat_gateway_in_private_subnet(f: &Facts<'_>) -> Option<Diagram> {
    move_to_subnet(f, GroupKind::PrivateSubnet, |_, n| {
        is_public_zonal_nat(n) && !n.in_private_subnet()
    })
}

pub(super) fn regional_service_in_subnet(f: &Facts<'_>) -> Option<Diagram> {
    move_to_subnet(f, GroupKind::PrivateSubnet, |_, n| {
        is_regional(n) && n.subnet.is_none() && n.az.is_none()
    })
}

pub(super) fn vpc_gateway_in_subnet(f: &Facts<'_>) -> Option<Diagram> {
    move_to_subnet(f, GroupKind::PublicSubnet, |_, n| {
        n.is(&["internet-gateway"]) && n.subnet.is_none()
    })
}

pub(super) fn lb_targets_in_public_subnet(f: &Facts<'_>) -> Option<Diagram> {
    // One more web server behind the load balancer, placed in a public subnet (moving one
    // out of its Auto Scaling group would break the group too).
    for (lb, n) in f.services() {
        let Some(target) = f.targets(lb).find(|t| f.get(*t).is_some_and(is_ec2)) else {
            continue;
        };
        if !is_lb(n) {
            continue;
        }
        let (az, vpc) = f.get(target).map_or((None, None), |t| (t.az, t.vpc));
        let label = f.d.node(target).map_or("Web server", |t| t.label.as_str());
        for subnet in groups_near(f, GroupKind::PublicSubnet, az, vpc) {
            let mut d = f.d.clone();
            if let Some(added) = add_into(&mut d, "ec2", label, subnet) {
                d.connect(lb, added);
                return Some(d);
            }
        }
    }
    None
}

pub(super) fn nat_gateway_single_az(f: &Facts<'_>) -> Option<Diagram> {
    for (vpc, _) in f.groups(GroupKind::Vpc) {
        let nats: Vec<NodeId> = f
            .services()
            .filter(|(_, n)| n.vpc == Some(vpc) && is_public_zonal_nat(n) && n.az.is_some())
            .map(|(id, _)| id)
            .collect();
        if let Some((_, rest)) = nats.split_first()
            && !rest.is_empty()
        {
            let mut d = f.d.clone();
            d.delete(rest, &[]);
            return Some(d);
        }
    }
    None
}

/// Internet gateways serving VPC `vpc` (inside it or drawn on its border).
fn internet_gateways_of(f: &Facts<'_>, vpc: NodeId) -> Vec<NodeId> {
    let vrect = f.rect(vpc);
    f.services()
        .filter(|(id, n)| {
            n.is(&["internet-gateway"])
                && (n.vpc == Some(vpc)
                    || vrect
                        .zip(f.rect(*id))
                        .is_some_and(|(v, r)| v.intersects(&r)))
        })
        .map(|(id, _)| id)
        .collect()
}

pub(super) fn no_internet_gateway(f: &Facts<'_>) -> Option<Diagram> {
    for (vpc, _) in f.groups(GroupKind::Vpc) {
        let igws = internet_gateways_of(f, vpc);
        let has_candidate = f
            .services()
            .any(|(_, n)| n.vpc == Some(vpc) && (is_nat(n) || is_lb(n)));
        if !igws.is_empty() && has_candidate {
            let mut d = f.d.clone();
            delete_bypassing(&mut d, &igws);
            return Some(d);
        }
    }
    None
}

pub(super) fn private_subnet_no_egress(f: &Facts<'_>) -> Option<Diagram> {
    // A private workload that calls an AWS service or the internet: take its VPC's ways
    // out away (endpoints are bypassed, so the call is still drawn).
    let (_, n) = f.services().find(|(id, n)| {
        n.in_private_subnet()
            && f.targets(*id).any(|t| {
                f.get(t).is_some_and(|t| {
                    t.subnet.is_none()
                        && (super::facts::is_s3(t)
                            || t.is(&["dynamodb", "sqs", "sns", "kinesis", key::INTERNET]))
                })
            })
    })?;
    let vpc = n.vpc;
    let exits: Vec<NodeId> = f
        .services()
        .filter(|(_, m)| {
            vpc.is_none_or(|v| m.vpc == Some(v))
                && (is_nat(m) || is_endpoint(m) || m.is(&["egress-only-internet-gateway"]))
        })
        .map(|(id, _)| id)
        .collect();
    if exits.is_empty() {
        return None;
    }
    let mut d = f.d.clone();
    delete_bypassing(&mut d, &exits);
    Some(d)
}

pub(super) fn s3_dynamodb_via_nat(f: &Facts<'_>) -> Option<Diagram> {
    for (vpc, _) in f.groups(GroupKind::Vpc) {
        let nat = f
            .services()
            .any(|(_, n)| n.vpc == Some(vpc) && is_public_zonal_nat(n));
        let endpoints: Vec<NodeId> = f
            .services()
            .filter(|(_, n)| n.vpc == Some(vpc) && is_endpoint(n))
            .map(|(id, _)| id)
            .collect();
        if nat && !endpoints.is_empty() {
            let mut d = f.d.clone();
            delete_bypassing(&mut d, &endpoints);
            return Some(d);
        }
    }
    None
}

pub(super) fn private_subnet_reached_from_internet(f: &Facts<'_>) -> Option<Diagram> {
    let hybrid = is_hybrid(f);
    let mut sources: Vec<NodeId> = f
        .services()
        .filter(|(_, n)| n.is(&["internet-gateway"]))
        .map(|(id, _)| id)
        .collect();
    sources.extend(
        f.services()
            .filter(|(_, n)| from_internet(n, hybrid) && !n.is(&["internet-gateway"]))
            .map(|(id, _)| id),
    );
    let target = f
        .services()
        .find(|(_, n)| is_ec2(n) && n.in_private_subnet())
        .map(|(id, _)| id)?;
    let source = *sources.first()?;
    let mut d = f.d.clone();
    d.connect(source, target)?;
    Some(d)
}

pub(super) fn internal_lb_from_internet(f: &Facts<'_>) -> Option<Diagram> {
    let hybrid = is_hybrid(f);
    let (lb, _) = f.services().find(|(id, n)| {
        is_lb(n)
            && f.sources(*id)
                .any(|s| f.get(s).is_some_and(|s| from_internet(s, hybrid)))
    })?;
    let mut d = f.d.clone();
    d.set_label(lb, "Internal load balancer");
    Some(d)
}

pub(super) fn lambda_outside_vpc_to_private_resource(f: &Facts<'_>) -> Option<Diagram> {
    let (target, tf) = f.services().find(|(_, n)| {
        n.in_private_subnet() && (is_rds(n) || n.is(&["elasticache", "memorydb", "rds-proxy"]))
    })?;
    let mut d = f.d.clone();
    let lambda = match tf.region {
        Some(region) => add_into(&mut d, "lambda", "Function", region),
        None => None,
    }
    .or_else(|| add_below(&mut d, "lambda", "Function"))?;
    d.connect(lambda, target)?;
    Some(d)
}

/// Removes an Auto Scaling group box but keeps its members, and turns arrows to or from the
/// box into arrows to or from each member.
fn dissolve_asg(d: &mut Diagram, f: &Facts<'_>, asg: NodeId) {
    let members = f.members_of_asg(asg);
    let touching: Vec<Edge> = d
        .edges
        .values()
        .filter(|e| e.from == asg || e.to == asg)
        .cloned()
        .collect();
    let parent = d.node(asg).and_then(|n| n.parent);
    for child in d.children(asg) {
        if let Some(n) = d.nodes.get_mut(&child) {
            n.parent = parent;
        }
    }
    d.delete(&[asg], &[]);
    for e in touching {
        for m in &members {
            let (a, b) = if e.from == asg {
                (*m, e.to)
            } else {
                (e.from, *m)
            };
            if a != b {
                connect_like(d, a, b, Some(&e));
            }
        }
    }
}

pub(super) fn ec2_tier_single_az(f: &Facts<'_>) -> Option<Diagram> {
    for (_, targets) in f.lbs_and_ec2_targets() {
        let Some(az) = targets.first().and_then(|t| f.get(*t)).and_then(|t| t.az) else {
            continue;
        };
        let others: Vec<NodeId> = targets
            .iter()
            .copied()
            .filter(|t| f.get(*t).is_some_and(|t| t.az != Some(az)))
            .collect();
        if others.is_empty() {
            continue;
        }
        let asgs: BTreeSet<NodeId> = targets
            .iter()
            .filter_map(|t| f.get(*t))
            .flat_map(|t| t.asgs.iter().copied())
            .collect();
        let mut d = f.d.clone();
        for asg in asgs {
            dissolve_asg(&mut d, f, asg);
        }
        d.delete(&others, &[]);
        return Some(d);
    }
    None
}

pub(super) fn asg_single_az(f: &Facts<'_>) -> Option<Diagram> {
    for (asg, _) in f.groups(GroupKind::AutoScalingGroup) {
        let members = f.members_of_asg(asg);
        let Some(az) = members.first().and_then(|m| f.get(*m)).and_then(|m| m.az) else {
            continue;
        };
        let (keep, drop): (Vec<NodeId>, Vec<NodeId>) = members
            .iter()
            .partition(|m| f.get(**m).is_some_and(|m| m.az == Some(az)));
        if drop.is_empty() {
            continue;
        }
        let mut d = f.d.clone();
        d.delete(&drop, &[]);
        let Some(b) = keep
            .iter()
            .filter_map(|m| d.node(*m).map(|n| service_box(&n.rect)))
            .reduce(|a, b| a.union(&b))
        else {
            continue;
        };
        let x0 = (b.x / GRID).floor() * GRID;
        let y0 = ((b.y - TITLE - 10.0) / GRID).floor() * GRID;
        let x1 = ((b.right() + 4.0) / GRID).ceil() * GRID;
        let y1 = ((b.bottom() + 10.0) / GRID).ceil() * GRID;
        d.resize(asg, Rect::new(x0, y0, x1 - x0, y1 - y0));
        return Some(d);
    }
    None
}

pub(super) fn rds_single_az(f: &Facts<'_>) -> Option<Diagram> {
    let standbys: Vec<NodeId> = f
        .services()
        .filter(|(_, n)| is_standby(n))
        .map(|(id, _)| id)
        .collect();
    if standbys.is_empty() {
        return None;
    }
    let mut d = f.d.clone();
    d.delete(&standbys, &[]);
    for (id, n) in f.services() {
        if is_rds(n) && !standbys.contains(&id) && n.says(&["multi-az", "multi az"]) {
            d.set_label(id, "Database");
        }
    }
    Some(d)
}

/// The primary of a standby: an RDS node joined to it, else one in the same VPC.
fn primary_of(f: &Facts<'_>, standby: NodeId) -> Option<NodeId> {
    let sf = f.get(standby)?;
    f.neighbours(standby)
        .into_iter()
        .find(|p| f.get(*p).is_some_and(|p| is_rds(p) && !is_standby(p)))
        .or_else(|| {
            f.services()
                .find(|(_, p)| is_rds(p) && !is_standby(p) && p.vpc == sf.vpc)
                .map(|(id, _)| id)
        })
}

pub(super) fn standby_same_az(f: &Facts<'_>) -> Option<Diagram> {
    for (s, sf) in f.services() {
        if !is_standby(sf) {
            continue;
        }
        let Some(p) = primary_of(f, s) else {
            continue;
        };
        let Some((subnet, _)) = f.get(p).and_then(|p| p.subnet) else {
            continue;
        };
        let mut d = f.d.clone();
        if move_into(&mut d, s, subnet) {
            return Some(d);
        }
    }
    None
}

pub(super) fn standby_serves_reads(f: &Facts<'_>) -> Option<Diagram> {
    for (s, sf) in f.services() {
        if !is_standby(sf) {
            continue;
        }
        let Some(p) = primary_of(f, s) else {
            continue;
        };
        let reader = f.sources(p).find(|r| {
            f.get(*r)
                .is_some_and(|r| r.key.is_some() && !is_database(r))
        });
        if let Some(reader) = reader {
            let mut d = f.d.clone();
            d.connect(reader, s)?;
            return Some(d);
        }
    }
    None
}

pub(super) fn ebs_across_az(f: &Facts<'_>) -> Option<Diagram> {
    let instances: Vec<(NodeId, &NodeFacts)> = f
        .services()
        .filter(|(_, n)| is_ec2(n) && n.az.is_some() && n.subnet.is_some())
        .collect();
    let (a, af) = instances.first()?;
    let (b, _) = instances.iter().find(|(_, n)| n.az != af.az)?;
    let (subnet, _) = af.subnet?;
    let mut d = f.d.clone();
    let volume = add_into(&mut d, "ebs", "Shared EBS volume", subnet)?;
    d.connect(volume, *a)?;
    d.connect(volume, *b)?;
    Some(d)
}

pub(super) fn ec2_fleet_without_lb(f: &Facts<'_>) -> Option<Diagram> {
    let edge_front = f
        .services()
        .find(|(_, n)| n.is(&["cloudfront", "route-53"]))
        .map(|(id, _)| id);
    for (lb, targets) in f.lbs_and_ec2_targets() {
        if targets.len() < 2
            && !targets
                .iter()
                .any(|t| f.get(*t).is_some_and(|t| !t.asgs.is_empty()))
        {
            continue;
        }
        // CloudFront or Route 53 pointed at the instances; else what sent to the load
        // balancer, when the instances are not in private subnets.
        let sources: Vec<NodeId> = match edge_front {
            Some(front) => vec![front],
            None => f.sources(lb).collect(),
        };
        if sources.is_empty() {
            continue;
        }
        let mut d = f.d.clone();
        d.delete(&[lb], &[]);
        for s in &sources {
            for t in &targets {
                d.connect(*s, *t);
            }
        }
        return Some(d);
    }
    None
}

pub(super) fn static_site_without_cloudfront(f: &Facts<'_>) -> Option<Diagram> {
    for (cf, n) in f.services() {
        if !n.is(&["cloudfront"]) {
            continue;
        }
        let buckets: Vec<NodeId> = f
            .targets(cf)
            .filter(|t| f.get(*t).is_some_and(super::facts::is_s3))
            .collect();
        let fronts: Vec<NodeId> = f
            .sources(cf)
            .filter(|s| {
                f.get(*s)
                    .is_some_and(|s| s.is(&["route-53"]) || is_internet(s))
            })
            .collect();
        if buckets.is_empty() || fronts.is_empty() {
            continue;
        }
        let mut d = f.d.clone();
        d.delete(&[cf], &[]);
        for s in &fronts {
            for b in &buckets {
                d.connect(*s, *b);
            }
        }
        return Some(d);
    }
    None
}

pub(super) fn single_region_dr(f: &Facts<'_>) -> Option<Diagram> {
    if !mentions_dr(f) {
        return None;
    }
    let mut regions: Vec<(f32, NodeId)> = f
        .groups(GroupKind::Region)
        .filter_map(|(id, _)| f.rect(id).map(|r| (r.x, id)))
        .collect();
    if regions.len() < 2 {
        return None;
    }
    regions.sort_by(|a, b| a.0.total_cmp(&b.0));
    let others: Vec<NodeId> = regions.iter().skip(1).map(|(_, id)| *id).collect();
    let mut d = f.d.clone();
    d.delete(&others, &[]);
    Some(d)
}

pub(super) fn multi_region_without_failover_routing(f: &Facts<'_>) -> Option<Diagram> {
    let routers: Vec<NodeId> = f
        .services()
        .filter(|(_, n)| n.is(&["route-53", "global-accelerator"]))
        .map(|(id, _)| id)
        .collect();
    if routers.is_empty() || f.groups(GroupKind::Region).count() < 2 {
        return None;
    }
    let mut d = f.d.clone();
    delete_bypassing(&mut d, &routers);
    Some(d)
}

pub(super) fn direct_connect_single(f: &Facts<'_>) -> Option<Diagram> {
    let dx = f
        .services()
        .filter(|(_, n)| n.is(&["direct-connect"]))
        .count();
    let vpns: Vec<NodeId> = f
        .services()
        .filter(|(_, n)| n.is(&["site-to-site-vpn", "client-vpn", key::VPN_CONNECTION]))
        .map(|(id, _)| id)
        .collect();
    if dx != 1 || vpns.is_empty() {
        return None;
    }
    let mut d = f.d.clone();
    d.delete(&vpns, &[]);
    Some(d)
}

pub(super) fn global_service_in_vpc(f: &Facts<'_>) -> Option<Diagram> {
    let (id, _) = f
        .services()
        .find(|(_, n)| n.is(&["cloudfront", "global-accelerator"]) && n.vpc.is_none())?;
    let mut targets: Vec<NodeId> = f.groups(GroupKind::Vpc).map(|(g, _)| g).collect();
    targets.extend(f.groups(GroupKind::PublicSubnet).map(|(g, _)| g));
    for target in targets {
        let mut d = f.d.clone();
        if move_into(&mut d, id, target) {
            return Some(d);
        }
    }
    None
}
