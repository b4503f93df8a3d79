#![allow(clippy::unwrap_used)]

use super::*;
use crate::diagram::model::Routing;
use crate::diagram::templates::Template;

const NESTED: &[u8] = include_bytes!("../../../tests/fixtures/drawio/nested.drawio");
const COMPRESSED: &[u8] = include_bytes!("../../../tests/fixtures/drawio/compressed.drawio");
const LEGACY: &[u8] = include_bytes!("../../../tests/fixtures/drawio/legacy-aws3.drawio");

fn by_label<'a>(d: &'a Diagram, label: &str) -> &'a Node {
    d.nodes
        .values()
        .find(|n| n.label == label)
        .unwrap_or_else(|| panic!("no node labelled {label:?}"))
}

fn kind_of(d: &Diagram, id: Option<NodeId>) -> Option<GroupKind> {
    match d.nodes.get(&id?)?.kind {
        NodeKind::Group { kind } => Some(kind),
        _ => None,
    }
}

#[test]
fn nested_groups_get_absolute_coordinates_and_members() {
    let imp = import(NESTED, None).unwrap();
    assert_eq!(imp.pages, ["Network", "Storage"]);
    assert_eq!(imp.page, 0);
    let d = &imp.diagram;
    let alb = by_label(d, "ALB");
    assert_eq!(alb.rect, Rect::new(260.0, 240.0, 60.0, 60.0));
    assert_eq!(
        alb.kind,
        NodeKind::Service {
            icon: "Res_Elastic-Load-Balancing_Application-Load-Balancer_48".to_owned()
        }
    );
    assert_eq!(kind_of(d, alb.parent), Some(GroupKind::PublicSubnet));
    let func = by_label(d, "Orders\nfunction");
    assert_eq!(func.rect.x, 260.0);
    assert_eq!(func.rect.y, 380.0);
    assert_eq!(func.icon(), Some("Arch_AWS-Lambda_48"));
    assert_eq!(kind_of(d, func.parent), Some(GroupKind::PrivateSubnet));
    let subnet = d.nodes.get(&func.parent.unwrap()).unwrap();
    assert_eq!(kind_of(d, subnet.parent), Some(GroupKind::AvailabilityZone));
    let az = d.nodes.get(&subnet.parent.unwrap()).unwrap();
    assert_eq!(az.rect, Rect::new(160.0, 170.0, 260.0, 320.0));
    assert_eq!(kind_of(d, az.parent), Some(GroupKind::Vpc));
    // Inside an invisible draw.io grouping: placed through it, member of the VPC.
    let table = by_label(d, "Orders table");
    assert_eq!(table.rect, Rect::new(500.0, 210.0, 60.0, 60.0));
    assert_eq!(kind_of(d, table.parent), Some(GroupKind::Vpc));
    assert_eq!(by_label(d, "Users").icon(), Some("Res_Users_48_Light"));
    assert_eq!(by_label(d, "Users").parent, None);
    assert_eq!(by_label(d, "Public subnet").rect.w, 220.0);
    assert_eq!(
        by_label(d, "eu-west-1").kind,
        NodeKind::Group {
            kind: GroupKind::Region
        }
    );
}

#[test]
fn text_cells_unknown_shapes_and_the_report() {
    let imp = import(NESTED, None).unwrap();
    let d = &imp.diagram;
    assert_eq!(by_label(d, "Writes & reads").kind, NodeKind::Text);
    assert_eq!(by_label(d, "Decision").kind, NodeKind::Box);
    let r = &imp.report;
    assert_eq!(r.vertices, 13);
    assert_eq!(r.mapped_groups, 6);
    assert_eq!(r.mapped_icons, 4);
    let unknown: Vec<String> = r.unknown.iter().map(ToString::to_string).collect();
    assert_eq!(unknown, ["rhombus “Decision”"]);
    // The floating end (e5, drawn at a point) keeps its edge, to a point of its own; only
    // the edge that ends on another edge without a point of its own (e4) is left out.
    assert_eq!((r.edges, r.edges_kept), (5, 4));
    assert!(r.notes.contains(&ImportNote::Anchored(1)), "{:?}", r.notes);
    assert!(r.notes.contains(&ImportNote::ToEdges(1)), "{:?}", r.notes);
    assert!(
        r.lines()[0].contains("4 of 5 edges kept"),
        "{:?}",
        r.lines()
    );
}

#[test]
fn edges_keep_labels_arrows_routing_and_absolute_waypoints() {
    let d = import(NESTED, None).unwrap().diagram;
    let id = |l: &str| by_label(&d, l).id;
    let https = d.edges.values().find(|e| e.label == "HTTPS").unwrap();
    assert_eq!((https.from, https.to), (id("Users"), id("ALB")));
    assert_eq!(https.routing, Routing::Orthogonal);
    assert_eq!(https.arrows, Arrows::Forward);
    assert_eq!(
        https.waypoints,
        [Point::new(30.0, 250.0), Point::new(310.0, 250.0)]
    );
    let path = d.edge_path(https);
    assert_eq!(path.len(), 4);
    assert_eq!(path[1], Point::new(30.0, 250.0));
    // A head at the start only: turned round, its waypoint relative to the VPC.
    let invoke = d.edges.values().find(|e| e.label == "invoke").unwrap();
    assert_eq!(
        (invoke.from, invoke.to),
        (id("Orders\nfunction"), id("ALB"))
    );
    assert_eq!(invoke.arrows, Arrows::Forward);
    assert_eq!(invoke.waypoints, [Point::new(290.0, 330.0)]);
    let plain = d
        .edges
        .values()
        .find(|e| e.to == id("Orders table"))
        .unwrap();
    assert_eq!(plain.arrows, Arrows::None);
    assert_eq!(plain.routing, Routing::Straight);
}

#[test]
fn other_pages_by_index() {
    let imp = import(NESTED, Some(1)).unwrap();
    assert_eq!(imp.page, 1);
    assert_eq!(imp.diagram.nodes.len(), 1);
    assert_eq!(
        by_label(&imp.diagram, "Assets").icon(),
        Some("Arch_Amazon-Simple-Storage-Service_48")
    );
    assert!(matches!(
        import(NESTED, Some(2)),
        Err(DrawioError::NoSuchPage { page: 3, count: 2 })
    ));
}

#[test]
fn compressed_pages_are_inflated() {
    let imp = import(COMPRESSED, None).unwrap();
    assert_eq!(imp.pages, ["Compressed"]);
    let d = &imp.diagram;
    assert_eq!(
        by_label(d, "Queue").icon(),
        Some("Arch_Amazon-Simple-Queue-Service_48")
    );
    assert_eq!(
        by_label(d, "Worker").icon(),
        Some("Res_AWS-Lambda_Lambda-Function_48")
    );
    assert_eq!(d.edges.values().next().unwrap().label, "poll");
}

#[test]
fn legacy_frames_icons_and_loose_edge_ends() {
    let imp = import(LEGACY, None).unwrap();
    let d = &imp.diagram;
    let servers = by_label(d, "Web servers");
    assert_eq!(servers.icon(), Some("Res_Amazon-EC2_Instances_48"));
    assert_eq!(kind_of(d, servers.parent), Some(GroupKind::AwsCloud));
    assert_eq!(
        by_label(d, "DynamoDB").icon(),
        Some("Arch_Amazon-DynamoDB_48")
    );
    assert_eq!(
        by_label(d, "ELB").icon(),
        Some("Arch_Elastic-Load-Balancing_48")
    );
    let r = &imp.report;
    assert_eq!((r.mapped_groups, r.mapped_icons), (1, 3));
    assert!(r.unknown.is_empty(), "{:?}", r.unknown);
    assert_eq!((r.edges, r.edges_kept), (2, 2));
    let from_elb = d.edges.values().find(|e| e.to == servers.id).unwrap();
    assert_eq!(from_elb.from, by_label(d, "ELB").id);
}

#[test]
fn aliases_name_bundled_icons_and_common_names_map() {
    let catalog = crate::icons::Catalog::bundled();
    for (name, aws) in ALIASES {
        assert!(
            catalog.by_aws_name(aws).is_some(),
            "{name} → {aws} is not bundled"
        );
    }
    for (name, want) in [
        ("elastic_load_balancing", "Arch_Elastic-Load-Balancing_48"),
        (
            "simple_storage_service",
            "Arch_Amazon-Simple-Storage-Service_48",
        ),
        ("dynamodb", "Arch_Amazon-DynamoDB_48"),
        ("lambda", "Arch_AWS-Lambda_48"),
        ("cloudfront", "Arch_Amazon-CloudFront_48"),
        ("route_53", "Arch_Amazon-Route-53_48"),
        ("rds", "Arch_Amazon-RDS_48"),
        ("aurora", "Arch_Amazon-Aurora_48"),
        ("ec2", "Arch_Amazon-EC2_48"),
        ("elasticache", "Arch_Amazon-ElastiCache_48"),
        ("sqs", "Arch_Amazon-Simple-Queue-Service_48"),
        ("sns", "Arch_Amazon-Simple-Notification-Service_48"),
        ("api_gateway", "Arch_Amazon-API-Gateway_48"),
        ("cognito", "Arch_Amazon-Cognito_48"),
        ("kinesis", "Arch_Amazon-Kinesis_48"),
        ("glue", "Arch_AWS-Glue_48"),
        ("athena", "Arch_Amazon-Athena_48"),
        ("transit_gateway", "Arch_AWS-Transit-Gateway_48"),
        ("direct_connect", "Arch_AWS-Direct-Connect_48"),
        ("nat_gateway", "Res_Amazon-VPC_NAT-Gateway_48"),
        ("internet_gateway", "Res_Amazon-VPC_Internet-Gateway_48"),
        ("users", "Res_Users_48_Light"),
        ("client", "Res_Client_48_Light"),
        (
            "application_load_balancer",
            "Res_Elastic-Load-Balancing_Application-Load-Balancer_48",
        ),
        ("lambda_function", "Res_AWS-Lambda_Lambda-Function_48"),
        ("door_lock", "Res_AWS-IoT_Thing_Door-Lock_48"),
        ("cloudwatch_2", "Arch_Amazon-CloudWatch_48"),
        ("step_functions", "Arch_AWS-Step-Functions_48"),
    ] {
        assert_eq!(icon_for(name).as_deref(), Some(want), "{name}");
    }
    assert_eq!(icon_for("quantum_toaster"), None);
    assert_eq!(icon_for(""), None);
}

#[test]
fn html_labels_become_plain_text() {
    assert_eq!(plain_label("<b>Web</b><br>tier", true), "Web\ntier");
    assert_eq!(
        plain_label("<div>a</div><div>b &amp; c</div>", true),
        "a\nb & c"
    );
    assert_eq!(
        plain_label("x&nbsp;&lt;y&gt; &#233;&#x41; &bogus; &", true),
        "x <y> éA &bogus; &"
    );
    assert_eq!(plain_label("<b>kept</b>", false), "<b>kept</b>");
    assert_eq!(plain_label("<span", true), "");
}

#[test]
fn errors_say_what_is_wrong_and_nothing_panics() {
    assert!(matches!(
        import(b"hello", None),
        Err(DrawioError::NotDrawio(_))
    ));
    assert!(matches!(
        import(b"<html/>", None),
        Err(DrawioError::NotDrawio(_))
    ));
    assert!(matches!(
        import(b"<mxfile><diagram", None),
        Err(DrawioError::Xml(_))
    ));
    assert!(matches!(
        import(b"<mxfile/>", None),
        Err(DrawioError::NoPages)
    ));
    assert!(matches!(
        import(b"<mxfile><diagram>!!notbase64</diagram></mxfile>", None),
        Err(DrawioError::Inflate(_))
    ));
    assert!(matches!(
        import(b"<mxfile><diagram>AAAA</diagram></mxfile>", None),
        Err(DrawioError::Inflate(_))
    ));
    assert!(matches!(
        import(b"<svg/>", None),
        Err(DrawioError::NotDrawio(_))
    ));
    assert!(matches!(
        import(b"\x89PNG\r\n\x1a\n", None),
        Err(DrawioError::NotDrawio(_))
    ));
    assert!(import(&[0xff, 0xfe, 0], None).is_err());
    for bytes in [NESTED, COMPRESSED, LEGACY] {
        for cut in (0..bytes.len()).step_by(97) {
            let _ = import(&bytes[..cut], None);
        }
    }
    // Cells that are their own parent, or parents of each other.
    let loops = br#"<mxGraphModel><root><mxCell id="0"/><mxCell id="a" vertex="1" parent="b"><mxGeometry x="5" width="10" height="10" as="geometry"/></mxCell><mxCell id="b" vertex="1" parent="a" style="shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_vpc"/><mxCell id="c" vertex="1" parent="c"/><mxCell id="e" edge="1" source="a" target="a"/></root></mxGraphModel>"#;
    let imp = import(loops, None).unwrap();
    assert_eq!(imp.diagram.nodes.len(), 3);
    assert_eq!(imp.report.edges_kept, 0);
}

fn same_diagram(a: &Diagram, b: &Diagram, what: &str) {
    assert_eq!(a.nodes.len(), b.nodes.len(), "{what}: node count");
    // Nodes of `a` matched to `b` by label and kind, the nearest if several.
    let find = |n: &Node| {
        let dist = |m: &Node| (m.rect.x - n.rect.x).abs() + (m.rect.y - n.rect.y).abs();
        b.nodes
            .values()
            .filter(|m| m.label == n.label && m.kind == n.kind)
            .min_by(|x, y| dist(x).total_cmp(&dist(y)))
            .unwrap_or_else(|| panic!("{what}: {:?} {:?} lost", n.kind, n.label))
    };
    let map: HashMap<NodeId, NodeId> = a.nodes.values().map(|n| (n.id, find(n).id)).collect();
    for n in a.nodes.values() {
        let m = find(n);
        for (x, y) in [
            (n.rect.x, m.rect.x),
            (n.rect.y, m.rect.y),
            (n.rect.w, m.rect.w),
            (n.rect.h, m.rect.h),
        ] {
            assert!(
                (x - y).abs() <= 0.5,
                "{what}: {:?} moved: {:?} vs {:?}",
                n.label,
                n.rect,
                m.rect
            );
        }
        assert_eq!(
            n.parent.map(|p| map[&p]),
            m.parent,
            "{what}: parent of {:?}",
            n.label
        );
    }
    assert_eq!(a.edges.len(), b.edges.len(), "{what}: edge count");
    for e in a.edges.values() {
        let found = b.edges.values().any(|f| {
            f.from == map[&e.from]
                && f.to == map[&e.to]
                && f.label == e.label
                && f.arrows == e.arrows
                && f.routing == e.routing
                && f.waypoints.len() == e.waypoints.len()
                && f.waypoints
                    .iter()
                    .zip(&e.waypoints)
                    .all(|(p, q)| (p.x - q.x).abs() <= 0.5 && (p.y - q.y).abs() <= 0.5)
        });
        assert!(found, "{what}: edge {:?} lost", e.label);
    }
}

/// A template with a free label, a box, a waypoint and a two-line label added, so every
/// construct of the model goes through the round trip.
fn rich(t: Template) -> Diagram {
    let mut d = t.build();
    let id = NodeId(d.next_id + 10);
    d.nodes.insert(
        id,
        Node {
            id,
            kind: NodeKind::Text,
            label: "Read <this> & that\nsecond line".to_owned(),
            rect: Rect::new(-200.0, -100.0, 120.5, 30.25),
            parent: None,
        },
    );
    let bx = NodeId(d.next_id + 11);
    d.nodes.insert(
        bx,
        Node {
            id: bx,
            kind: NodeKind::Box,
            label: "On-premises \"DC\"".to_owned(),
            rect: Rect::new(-200.0, 0.0, 100.0, 80.0),
            parent: None,
        },
    );
    let eid = EdgeId(d.next_id + 12);
    d.edges.insert(
        eid,
        Edge {
            id: eid,
            from: bx,
            to: id,
            label: "VPN".to_owned(),
            arrows: Arrows::Both,
            routing: Routing::Orthogonal,
            waypoints: vec![Point::new(-150.0, -40.0), Point::new(-140.0, -40.0)],
        },
    );
    d.normalize();
    d
}

#[test]
fn export_then_import_gives_the_templates_back() {
    for t in Template::ALL {
        let d = rich(t);
        let text = export(&d);
        let back = import(text.as_bytes(), None).unwrap();
        assert!(back.report.unknown.is_empty(), "{:?}", back.report.unknown);
        same_diagram(&d, &back.diagram, t.label(&crate::i18n::EN));
    }
}

#[test]
fn exported_images_carry_the_diagram() {
    let d = rich(Template::ThreeTier);
    let svg = crate::diagram::export::to_svg(&d);
    same_diagram(&d, &import(svg.as_bytes(), None).unwrap().diagram, "svg");
    let png = crate::diagram::export::to_png(&d, 0.25).unwrap();
    same_diagram(&d, &import(&png, None).unwrap().diagram, "png");
    // The image itself is still a valid PNG.
    assert!(image::load_from_memory(&png).is_ok());
}

#[test]
fn png_text_chunks_of_every_kind_are_read() {
    let xml = export(&rich(Template::ServerlessApi));
    let encoded = url_encode(&xml);
    let chunk = |kind: &[u8], data: &[u8]| {
        let mut c = (u32::try_from(data.len()).unwrap()).to_be_bytes().to_vec();
        c.extend_from_slice(kind);
        c.extend_from_slice(data);
        c.extend_from_slice(&[0, 0, 0, 0]);
        c
    };
    let png = |chunk: Vec<u8>| {
        let mut p = b"\x89PNG\r\n\x1a\n".to_vec();
        p.extend(chunk);
        p
    };
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut z, encoded.as_bytes()).unwrap();
    let zipped = z.finish().unwrap();
    let mut ztxt = b"mxfile\0\0".to_vec();
    ztxt.extend_from_slice(&zipped);
    let mut itxt = b"mxfile\0\x01\0\0\0".to_vec();
    itxt.extend_from_slice(&zipped);
    for bytes in [png(chunk(b"zTXt", &ztxt)), png(chunk(b"iTXt", &itxt))] {
        assert_eq!(
            import(&bytes, None).unwrap().diagram.nodes.len(),
            rich(Template::ServerlessApi).nodes.len()
        );
    }
}

#[test]
fn files_without_waypoints_still_load() {
    let mut d = rich(Template::ServerlessApi);
    for e in d.edges.values_mut() {
        e.waypoints.clear();
    }
    let text = crate::diagram::file::to_ron(&d);
    let old: String = text
        .lines()
        .filter(|l| !l.contains("waypoints"))
        .collect::<Vec<_>>()
        .join("\n");
    assert_ne!(old, text);
    let (back, _) = crate::diagram::file::from_ron(std::path::Path::new("old"), &old).unwrap();
    assert_eq!(back, d);
}

/// Regression: draw.io's generic subnet frame (`grIcon=group_subnet`, a dark-theme grey
/// stroke) was drawn as a plain box, so a real vault's subnets lost what they are.
#[test]
fn a_generic_subnet_frame_is_public_or_private_by_its_title_or_colour() {
    let cell = |id: &str, label: &str, stroke: &str, y: u32| {
        format!(
            r#"<mxCell id="{id}" value="{label}" vertex="1" parent="1" style="html=1;shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_subnet;strokeColor={stroke};fillColor=none;"><mxGeometry x="0" y="{y}" width="200" height="100" as="geometry"/></mxCell>"#
        )
    };
    let xml = format!(
        r#"<mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>{}{}{}{}{}</root></mxGraphModel>"#,
        cell("a", "Public&amp;nbsp;Subnet", "#E8E8E8", 0),
        cell("b", "Private&amp;nbsp;Subnet", "#E8E8E8", 150),
        cell("c", "プライベートSubnet", "#E8E8E8", 300),
        cell("d", "web", "#7AA116", 450),
        cell("e", "data", "#147EBA", 600),
    );
    let d = import(xml.as_bytes(), None).unwrap().diagram;
    let kind = |label: &str| match by_label(&d, label).kind {
        NodeKind::Group { kind } => Some(kind),
        _ => None,
    };
    assert_eq!(kind("Public Subnet"), Some(GroupKind::PublicSubnet));
    assert_eq!(kind("Private Subnet"), Some(GroupKind::PrivateSubnet));
    assert_eq!(kind("プライベートSubnet"), Some(GroupKind::PrivateSubnet));
    assert_eq!(kind("web"), Some(GroupKind::PublicSubnet));
    assert_eq!(kind("data"), Some(GroupKind::PrivateSubnet));
}
