#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;
use crate::diagram::model::Point;

fn template(label: &str) -> DrillSource {
    DrillSource::templates()
        .into_iter()
        .find(|s| s.label == label)
        .unwrap_or_else(|| panic!("no template {label}"))
}

fn text(c: &Choice) -> &str {
    match c {
        Choice::Text(t) => t,
        Choice::Icon(_) => panic!("drills have text choices"),
    }
}

fn catalog() -> &'static services::Catalog {
    services::Catalog::bundled()
}

fn service(name: &str) -> &'static Service {
    let c = catalog();
    c.by_name(name)
        .and_then(|id| c.get(id))
        .unwrap_or_else(|| panic!("no service {name}"))
}

/// The roles of the distractors of every question must be neither the answer's nor close
/// to it, and every option must be of the answer's catalog category.
fn assert_fair(q: &Question) {
    let answer = service(text(&q.choices[q.answers[0]]));
    let role = roles::entry(&answer.key).unwrap().role;
    assert_eq!(q.choices.len(), CHOICES, "{}", q.id);
    assert_eq!(q.answers.len(), 1, "{}", q.id);
    let mut families = Vec::new();
    for (i, c) in q.choices.iter().enumerate() {
        let o = service(text(c));
        assert_eq!(o.category, answer.category, "{}: {}", q.id, o.short);
        assert!(!families.contains(&family(o)), "{}: two of a family", q.id);
        families.push(family(o));
        if i != q.answers[0] {
            let r = roles::entry(&o.key).unwrap().role;
            assert!(
                r != role && !role.close().contains(&r),
                "{}: {} is too close",
                q.id,
                o.short
            );
            assert_ne!(o.short, answer.short);
        }
    }
}

#[test]
fn the_three_tier_template_asks_for_its_dns_cdn_load_balancer_and_database() {
    let src = template("Three-tier web app");
    let qs = which_service(&src, Lang::En);
    let ids: Vec<&str> = qs.iter().map(|q| q.id.as_str()).collect();
    // EC2 is never hidden: Lambda, containers or Beanstalk could serve a web tier too.
    assert_eq!(
        ids,
        [
            "drill:service:three-tier-web-app:route-53",
            "drill:service:three-tier-web-app:cloudfront",
            "drill:service:three-tier-web-app:alb",
            "drill:service:three-tier-web-app:rds",
        ]
    );
    let answers: Vec<&str> = qs.iter().map(|q| text(&q.choices[q.answers[0]])).collect();
    assert_eq!(
        answers,
        ["Amazon Route 53", "Amazon CloudFront", "ALB", "Amazon RDS"]
    );
    for q in &qs {
        assert_fair(q);
        assert_eq!(
            q.services,
            [answers[qs.iter().position(|x| x.id == q.id).unwrap()]]
        );
        assert_eq!(
            q.origin,
            Origin::Drill {
                source: "three-tier-web-app".into()
            }
        );
        assert!(
            q.prompt.starts_with("Three-tier web app — "),
            "{}",
            q.prompt
        );
        assert_eq!(q.notes.len(), CHOICES);
        assert!(
            q.explanation
                .starts_with(answers[qs.iter().position(|x| x.id == q.id).unwrap()])
        );
    }
    // Both RDS nodes (primary and standby) are hidden: one would give the other away.
    let rds = qs.last().unwrap();
    let p = rds.prompt_diagram.as_ref().unwrap();
    assert_eq!(p.hidden.len(), 2);
    assert_eq!(p.hidden, p.marked);
    for id in &p.hidden {
        assert_eq!(service_of_node(&p.diagram, *id), catalog().by_key("rds"));
    }
    let options: Vec<&str> = rds.choices.iter().map(text).collect();
    for close in ["Amazon Aurora", "Amazon DynamoDB", "Amazon DocumentDB"] {
        assert!(!options.contains(&close), "{options:?}");
    }
    // The load balancer's label ("Load balancer") names ELB: blanked in its question only.
    let alb = &qs[2];
    let hidden = alb.prompt_diagram.as_ref().unwrap().hidden[0];
    assert_eq!(
        alb.prompt_diagram
            .as_ref()
            .unwrap()
            .diagram
            .node(hidden)
            .unwrap()
            .label,
        ""
    );
    assert_eq!(src.diagram.node(hidden).unwrap().label, "Load balancer");
    assert_eq!(
        rds.prompt_diagram
            .as_ref()
            .unwrap()
            .diagram
            .node(hidden)
            .unwrap()
            .label,
        "Load balancer"
    );
}

#[test]
fn every_template_gives_fair_questions_and_the_same_ones_every_time() {
    let sources = DrillSource::templates();
    let first = generate(&sources, Lang::En);
    assert_eq!(first, generate(&sources, Lang::En), "deterministic");
    let ids: Vec<&str> = first.iter().map(|q| q.id.as_str()).collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "ids are unique");
    for q in first
        .iter()
        .filter(|q| DrillKind::of(&q.id) == Some(DrillKind::Service))
    {
        assert_fair(q);
    }
    let event = which_service(&template("Event-driven"), Lang::En);
    let answers: Vec<&str> = event
        .iter()
        .map(|q| text(&q.choices[q.answers[0]]))
        .collect();
    assert_eq!(answers, ["Amazon S3", "Amazon SNS", "Amazon SQS"]);
    // SQS is never offered with Amazon MQ, SNS never with EventBridge.
    assert!(!event[2].choices.iter().any(|c| text(c) == "Amazon MQ"));
    assert!(
        !event[1]
            .choices
            .iter()
            .any(|c| text(c) == "Amazon EventBridge")
    );
    // Lambda (only Fargate shares its category) is never hidden.
    assert!(!ids.iter().any(|id| id.ends_with(":lambda")));
}

#[test]
fn french_drills_say_the_same_in_french() {
    let src = template("Serverless API");
    let en = which_service(&src, Lang::En);
    let fr = which_service(&src, Lang::Fr);
    assert_eq!(
        en.iter()
            .map(|q| (&q.id, &q.choices, &q.answers))
            .collect::<Vec<_>>(),
        fr.iter()
            .map(|q| (&q.id, &q.choices, &q.answers))
            .collect::<Vec<_>>(),
        "same options, same answers"
    );
    assert!(fr[0].prompt.contains("Quel service"), "{}", fr[0].prompt);
    assert!(fr[0].explanation.contains(" : "), "{}", fr[0].explanation);
}

#[test]
fn no_role_is_ever_offered_against_a_close_one_whatever_the_seed() {
    let c = catalog();
    let mut hideable = 0;
    for e in roles::ENTRIES {
        let answer = c.by_key(e.key).and_then(|id| c.get(id)).unwrap();
        for seed in 0..30 {
            let mut rng = fastrand::Rng::with_seed(seed);
            let Some(picked) = service_distractors(answer, e.role, &mut rng) else {
                break;
            };
            if seed == 0 {
                hideable += 1;
            }
            assert_eq!(picked.len(), CHOICES - 1);
            for (o, oe) in picked {
                assert_eq!(o.category, answer.category);
                assert_ne!(oe.role, e.role, "{} offered with {}", e.key, o.key);
                assert!(
                    !e.role.close().contains(&oe.role),
                    "{} with {}",
                    e.key,
                    o.key
                );
                assert_ne!(family(o), family(answer), "{} with {}", e.key, o.key);
            }
        }
    }
    assert!(hideable >= 40, "{hideable} services can be hidden");
}

#[test]
fn the_role_table_names_catalog_services_once_each() {
    let c = catalog();
    let mut keys: Vec<&str> = roles::ENTRIES.iter().map(|e| e.key).collect();
    for e in roles::ENTRIES {
        assert!(c.by_key(e.key).is_some(), "{} is not in the catalog", e.key);
        assert!(!e.en.is_empty() && !e.fr.is_empty());
        assert!(e.en.ends_with('.') && e.fr.ends_with('.'), "{}", e.key);
    }
    keys.sort_unstable();
    let n = keys.len();
    keys.dedup();
    assert_eq!(keys.len(), n);
    // The substitutes the issue names share a role or are close.
    let close = |a: &str, b: &str| {
        let (ra, rb) = (roles::entry(a).unwrap().role, roles::entry(b).unwrap().role);
        ra == rb || ra.close().contains(&rb)
    };
    for (a, b) in [
        ("rds", "aurora"),
        ("rds", "dynamodb"),
        ("sqs", "mq"),
        ("sns", "eventbridge"),
        ("cloudfront", "global-accelerator"),
        ("alb", "nlb"),
        ("direct-connect", "site-to-site-vpn"),
        ("nat-gateway", "gateway-endpoint"),
        ("efs", "fsx"),
        ("ebs", "efs"),
        ("kms", "cloudhsm"),
        ("waf", "shield"),
        ("cloudwatch", "cloudtrail"),
    ] {
        assert!(close(a, b), "{a} and {b}");
        assert!(close(b, a), "{b} and {a}");
    }
}

#[test]
fn a_diagram_of_the_students_gives_drills_and_labels_lose_the_answers_name() {
    let icons = crate::icons::Catalog::bundled();
    let icon = |name: &str| {
        let id = catalog().icon(catalog().by_name(name).unwrap()).unwrap();
        icons.get(id).unwrap().aws_name.clone()
    };
    let mut d = Diagram::new();
    let web = d.add_service(&icon("Amazon EC2"), "Web", Point::new(0.0, 0.0));
    let db = d.add_service(
        &icon("Amazon RDS"),
        "Amazon RDS (MySQL)",
        Point::new(200.0, 0.0),
    );
    let edge = d.connect(web, db).unwrap();
    d.edges.get_mut(&edge).unwrap().label = "SQL to RDS".into();
    let src = DrillSource {
        key: "file/mine.awsdiagram.ron".into(),
        label: "mine.awsdiagram.ron".into(),
        diagram: Arc::new(d),
    };
    let qs = generate(std::slice::from_ref(&src), Lang::En);
    assert_eq!(
        qs.iter().map(|q| q.id.as_str()).collect::<Vec<_>>(),
        ["drill:service:file/mine.awsdiagram.ron:rds"]
    );
    let p = qs[0].prompt_diagram.as_ref().unwrap();
    // The service's name goes, what else the label says stays.
    assert_eq!(p.diagram.node(db).unwrap().label, "(MySQL)");
    assert_eq!(p.diagram.node(web).unwrap().label, "Web");
    assert_eq!(p.diagram.edge(edge).unwrap().label, "SQL to");
    assert!(qs[0].prompt.starts_with("mine.awsdiagram.ron — "));
}

#[test]
fn drill_kinds_are_read_back_from_ids() {
    assert_eq!(
        DrillKind::of("drill:service:x:rds"),
        Some(DrillKind::Service)
    );
    assert_eq!(DrillKind::of("drill:fault:x:r1"), Some(DrillKind::Fault));
    assert_eq!(DrillKind::of("drill:fix:x:r1"), Some(DrillKind::Fix));
    assert_eq!(DrillKind::of("gen:describe:x"), None);
    assert_eq!(DrillKind::of("drill:other:x"), None);
    assert_eq!(slug("Three-tier web app"), "three-tier-web-app");
    assert_eq!(slug("DR: pilot light (warm)"), "dr-pilot-light-warm");
}

#[test]
fn only_diagram_files_are_read_and_bad_ones_are_skipped_with_a_message() {
    for name in [
        "a.awsdiagram.ron",
        "b.drawio",
        "c.drawio.svg",
        "d.DRAWIO.PNG",
        "e.drawio.xml",
    ] {
        assert!(is_diagram_file(name), "{name}");
    }
    for name in ["photo.png", "logo.svg", "note.md", "data.xml", "x.ron"] {
        assert!(!is_diagram_file(name), "{name}");
    }
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("web.awsdiagram.ron");
    crate::diagram::file::save(&good, &Template::ThreeTier.build()).unwrap();
    let broken = dir.path().join("broken.drawio");
    std::fs::write(&broken, "<mxfile><diagram>not base64 !!!</diagram>").unwrap();
    let binary = dir.path().join("binary.awsdiagram.ron");
    std::fs::write(&binary, [0xff, 0xfe, 0x00, 0x01]).unwrap();
    let files = vec![
        DrillFile::new("web.awsdiagram.ron", good),
        DrillFile::new("broken.drawio", broken),
        DrillFile::new("binary.awsdiagram.ron", binary),
        DrillFile::new("gone.drawio", dir.path().join("gone.drawio")),
    ];
    let (sources, problems) = read_files(&files, Lang::En);
    assert_eq!(sources.len(), 1);
    assert_eq!(sources[0].key, "file/web.awsdiagram.ron");
    assert_eq!(problems.len(), 3, "{problems:?}");
    for (p, name) in problems
        .iter()
        .zip(["broken.drawio", "binary.awsdiagram.ron", "gone.drawio"])
    {
        assert!(p.starts_with("Diagram drills: file skipped,"), "{p}");
        assert!(p.contains(name), "{p}");
    }
    // A student's copy of a template asks what the template asks, under its own ids.
    let from_file = which_service(&sources[0], Lang::En);
    let from_template = which_service(&template("Three-tier web app"), Lang::En);
    assert_eq!(from_file.len(), from_template.len());
    assert!(
        from_file[0]
            .id
            .starts_with("drill:service:file/web.awsdiagram.ron:")
    );
}

/// The three-tier template (it reviews clean) under another source key.
fn three_tier_as(key: &str) -> DrillSource {
    let d = Template::ThreeTier.build();
    assert!(review::open_findings(&d).is_empty());
    DrillSource {
        key: key.into(),
        label: "Web app".into(),
        diagram: Arc::new(d),
    }
}

fn rule_of(q: &Question) -> &'static Rule {
    review::rule(q.id.rsplit(':').next().unwrap()).unwrap()
}

/// The rules planted into the three-tier template, in rule table order.
const THREE_TIER_FAULTS: [&str; 18] = [
    "db-in-public-subnet",
    "private-subnet-reached-from-internet",
    "internal-lb-from-internet",
    "lambda-outside-vpc-to-private-resource",
    "nat-gateway-in-private-subnet",
    "no-internet-gateway",
    "lambda-in-public-subnet",
    "vpc-gateway-in-subnet",
    "lb-targets-in-public-subnet",
    "ec2-tier-single-az",
    "asg-single-az",
    "rds-single-az",
    "standby-same-az",
    "ebs-across-az",
    "nat-gateway-single-az",
    "ec2-fleet-without-lb",
    "standby-serves-reads",
    "global-service-in-vpc",
];

#[test]
fn a_planted_fault_is_the_only_option_that_fires() {
    let src = template("Three-tier web app");
    let qs: Vec<Question> = generate(std::slice::from_ref(&src), Lang::En)
        .into_iter()
        .filter(|q| DrillKind::of(&q.id) == Some(DrillKind::Fault))
        .collect();
    let ids: Vec<String> = qs.iter().map(|q| q.id.clone()).collect();
    let expected: Vec<String> = THREE_TIER_FAULTS
        .iter()
        .map(|r| format!("drill:fault:three-tier-web-app:{r}"))
        .collect();
    assert_eq!(ids, expected);
    for q in &qs {
        let rule = rule_of(q);
        let p = q.prompt_diagram.as_ref().unwrap();
        assert!(p.hidden.is_empty());
        let findings = review::review(&p.diagram);
        let firing: Vec<&str> = findings.iter().map(|f| f.rule.id).collect();
        assert!(firing.contains(&rule.id), "{}: {firing:?}", q.id);
        // Outlined after the answer: the nodes of the planted finding.
        assert_eq!(p.marked, finding_nodes(&findings, rule));
        assert!(!p.marked.is_empty());
        assert_eq!(text(&q.choices[q.answers[0]]), rule.title_en);
        assert_eq!(q.choices.len(), CHOICES);
        for (i, c) in q.choices.iter().enumerate() {
            if i == q.answers[0] {
                continue;
            }
            let other = review::rules()
                .iter()
                .find(|r| r.title_en == text(c))
                .unwrap();
            assert!(!firing.contains(&other.id), "{}: {} fires", q.id, other.id);
            assert!(
                !siblings(other.id, rule.id),
                "{}: {} overlaps",
                q.id,
                other.id
            );
        }
        assert_eq!(q.domain, Some(rule.domain));
        assert!(q.explanation.contains(rule.doc_url), "{}", q.explanation);
        assert!(q.explanation.starts_with(rule.explanation_en));
        assert!(!q.services.is_empty(), "{}", q.id);
        assert!(q.prompt.ends_with("What is wrong with this architecture?"));
    }
    // The AZ rules never offer each other: a single-AZ Auto Scaling group is also a
    // single-AZ tier.
    let asg = qs
        .iter()
        .find(|q| q.id.ends_with(":asg-single-az"))
        .unwrap();
    for sibling in [
        "Load-balanced tier in a single Availability Zone",
        "Application Load Balancer in a VPC with one Availability Zone",
    ] {
        assert!(!asg.choices.iter().any(|c| text(c) == sibling));
    }
}

#[test]
fn which_change_offers_the_fix_and_three_changes_that_miss_once_per_rule() {
    let a = three_tier_as("a");
    let b = three_tier_as("b");
    let qs = generate(&[a, b], Lang::En);
    let fixes: Vec<&Question> = qs
        .iter()
        .filter(|q| DrillKind::of(&q.id) == Some(DrillKind::Fix))
        .collect();
    let ids: Vec<&str> = fixes.iter().map(|q| q.id.as_str()).collect();
    // Every fault with a fix in the table (two are drawing mistakes), from the first
    // diagram only; the second has its faults but no repeated fix.
    let expected: Vec<String> = THREE_TIER_FAULTS
        .iter()
        .filter(|r| !["vpc-gateway-in-subnet", "global-service-in-vpc"].contains(r))
        .map(|r| format!("drill:fix:a:{r}"))
        .collect();
    assert_eq!(ids, expected);
    assert_eq!(
        qs.iter()
            .filter(|q| q.id.starts_with("drill:fault:b:"))
            .count(),
        THREE_TIER_FAULTS.len()
    );
    for q in fixes {
        let rule = rule_of(q);
        let fix = changes::fix(rule.id).unwrap();
        assert_eq!(text(&q.choices[q.answers[0]]), fix.right.en);
        let mut wrong: Vec<&str> = (0..CHOICES)
            .filter(|i| *i != q.answers[0])
            .map(|i| text(&q.choices[i]))
            .collect();
        wrong.sort_unstable();
        let mut expected: Vec<&str> = fix.wrong.iter().map(|c| c.en).collect();
        expected.sort_unstable();
        assert_eq!(wrong, expected);
        // Each wrong change says why it misses; the right one has the explanation.
        for (i, note) in q.notes.iter().enumerate() {
            assert_eq!(note.is_empty(), i == q.answers[0], "{}", q.id);
        }
        assert!(q.prompt.contains(fix.need_en), "{}", q.prompt);
        assert!(
            q.prompt
                .ends_with("Which change to this architecture meets the requirement?")
        );
        assert!(
            review::review(&q.prompt_diagram.as_ref().unwrap().diagram)
                .iter()
                .any(|f| f.rule.id == rule.id)
        );
    }
}

#[test]
fn a_diagram_with_open_findings_gets_no_planted_faults() {
    // A database in a public subnet: planting another fault would make two right answers.
    let rule = review::rule("db-in-public-subnet").unwrap();
    let faulty = review::plant(rule, &Template::ThreeTier.build()).unwrap();
    let src = DrillSource {
        key: "faulty".into(),
        label: "Faulty".into(),
        diagram: Arc::new(faulty.clone()),
    };
    assert!(!review::open_findings(&src.diagram).is_empty());
    let qs = generate(&[src], Lang::En);
    assert!(!qs.is_empty());
    assert!(
        qs.iter()
            .all(|q| DrillKind::of(&q.id) == Some(DrillKind::Service))
    );
    // Accepting the finding (with a reason) makes the diagram clean enough to drill.
    let mut d = faulty;
    for f in review::review(&d) {
        d.accepted.push(f.to_accepted("the exercise says so"));
    }
    let src = DrillSource {
        key: "accepted".into(),
        label: "Accepted".into(),
        diagram: Arc::new(d),
    };
    let qs = generate(&[src], Lang::En);
    let faults: Vec<&Question> = qs
        .iter()
        .filter(|q| DrillKind::of(&q.id) == Some(DrillKind::Fault))
        .collect();
    assert!(!faults.is_empty());
    for q in faults {
        // An accepted finding still fires: its rule is neither planted nor offered.
        assert!(
            !q.choices.iter().any(|c| text(c) == rule.title_en),
            "{}",
            q.id
        );
    }
}

#[test]
fn the_fix_table_names_plantable_rules_and_says_everything_twice() {
    let mut seen = HashSet::new();
    for fix in changes::FIXES {
        let rule = review::rule(fix.rule).unwrap_or_else(|| panic!("{} is no rule", fix.rule));
        assert!(rule.plantable(), "{}", fix.rule);
        assert!(seen.insert(fix.rule), "{} twice", fix.rule);
        for c in std::iter::once(&fix.right).chain(&fix.wrong) {
            assert!(!c.en.is_empty() && !c.fr.is_empty(), "{}", fix.rule);
            assert_ne!(c.en, c.fr, "{}: not translated", fix.rule);
        }
        for c in &fix.wrong {
            assert!(!c.why_en.is_empty() && !c.why_fr.is_empty(), "{}", fix.rule);
            assert_ne!(c.en, fix.right.en);
        }
        assert!(fix.need_en.ends_with('.') && fix.need_fr.ends_with('.'));
    }
    assert!(changes::FIXES.len() >= 20, "{}", changes::FIXES.len());
}

#[test]
fn labels_keep_what_they_say_but_the_service_names() {
    let c = catalog();
    let s = |key: &str| c.by_key(key).and_then(|id| c.get(id)).unwrap();
    assert_eq!(strip_names("RDS standby", &[s("rds")]), "standby");
    assert_eq!(strip_names("Amazon RDS (MySQL)", &[s("rds")]), "(MySQL)");
    assert_eq!(
        strip_names("ACM certificate (us-east-1)", &[s("acm")]),
        "certificate (us-east-1)"
    );
    assert_eq!(
        strip_names("Gateway endpoint (DynamoDB)", &[s("dynamodb")]),
        "Gateway endpoint"
    );
    assert_eq!(
        strip_names("Site-to-Site VPN (backup)", &[s("site-to-site-vpn")]),
        "(backup)"
    );
    assert_eq!(strip_names("S3 buckets", &[s("s3")]), "buckets");
    assert_eq!(
        strip_names("Global tables", &[s("dynamodb-global-tables")]),
        ""
    );
    assert_eq!(strip_names("Application Load Balancer", &[s("alb")]), "");
    assert_eq!(strip_names("Web servers", &[s("rds")]), "Web servers");
    // What is left naming the service anyway is blanked.
    assert_eq!(scrub("Load balancer", &[s("alb"), s("elb")]), "");
    assert_eq!(scrub("Primary", &[s("rds")]), "Primary");
}

#[test]
fn internet_and_nat_gateways_are_never_hidden_but_are_offered() {
    let qs = generate(&DrillSource::templates(), Lang::En);
    let services: Vec<&Question> = qs
        .iter()
        .filter(|q| DrillKind::of(&q.id) == Some(DrillKind::Service))
        .collect();
    assert!(
        !services
            .iter()
            .any(|q| q.id.ends_with(":internet-gateway") || q.id.ends_with(":nat-gateway"))
    );
    assert!(services.iter().any(|q| {
        q.choices
            .iter()
            .any(|c| ["Internet gateway", "NAT gateway"].contains(&text(c)))
    }));
}

/// The bank's standard (see `bank::honesty`): an answer never given away by its shape.
/// Before it, the right change was the longest option of every "which change?" drill.
#[test]
fn no_drill_kind_gives_its_answer_away_by_its_length() {
    for lang in [Lang::En, Lang::Fr] {
        let qs = generate(&DrillSource::templates(), lang);
        for kind in DrillKind::ALL {
            let of_kind: Vec<Question> = qs
                .iter()
                .filter(|q| DrillKind::of(&q.id) == Some(kind))
                .cloned()
                .collect();
            let h = crate::quiz::bank::honesty(&of_kind);
            println!(
                "{kind:?} {lang:?}: {} drills, answer strictly longest in {:.0} %, \
                 answer/distractor length ratio {:.2}",
                of_kind.len(),
                h.key_longest_percent(),
                h.length_ratio
            );
            assert!(
                h.key_longest_percent() <= 30.0,
                "{kind:?} {lang:?}: the answer is the longest in {:.0} %",
                h.key_longest_percent()
            );
            assert!(
                h.length_ratio <= 1.15,
                "{kind:?} {lang:?}: ratio {:.2}",
                h.length_ratio
            );
        }
        // The table itself, whatever the templates plant.
        let longest = changes::FIXES
            .iter()
            .filter(|f| {
                let len = |c: &changes::Change| match lang {
                    Lang::En => c.en.chars().count(),
                    Lang::Fr => c.fr.chars().count(),
                };
                f.wrong.iter().all(|w| len(&f.right) > len(w))
            })
            .count();
        assert!(
            longest * 100 <= changes::FIXES.len() * 30,
            "{lang:?}: {longest}"
        );
    }
}
