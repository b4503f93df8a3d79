//! Tests of the service catalog: the bundled data and every lookup students' notes need.

use super::*;

fn cat() -> &'static Catalog {
    Catalog::bundled()
}

/// The short name a prose name is identified as.
fn short(prose: &str) -> Option<String> {
    cat()
        .identify(prose)
        .map(|id| cat().short_name(id).to_owned())
}

fn key(prose: &str) -> Option<String> {
    cat()
        .identify(prose)
        .and_then(|id| cat().get(id))
        .map(|s| s.key.clone())
}

/// Every prose name is identified as the entry with that key; all failures at once.
fn assert_identified(cases: &[(&str, &str)]) {
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(prose, want)| {
            let got = key(prose);
            (got.as_deref() != Some(*want))
                .then(|| format!("{prose:?}: expected {want}, got {got:?}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn bundled_data_loads_and_is_consistent() {
    let icons = icons::Catalog::bundled();
    let c = Catalog::from_data(BUNDLED, icons).unwrap_or_else(|e| panic!("{e}"));
    let curated: Vec<&Service> = c.services().iter().filter(|s| s.curated).collect();
    assert!(curated.len() >= 150, "{} curated entries", curated.len());
    assert!(c.guide().contains("SAA-C03"), "{}", c.guide());
    for s in &curated {
        assert!(
            c.icon(s.id).is_some(),
            "{} has no icon (own or parent's)",
            s.key
        );
        assert!(!s.reason.trim().is_empty(), "{}", s.key);
        assert!(
            s.reason.chars().count() <= 200,
            "{}: reason too long",
            s.key
        );
        if s.scope == Scope::OutOfScope {
            assert_eq!(s.tier, Tier::MoinsFrequent, "{} is out of scope", s.key);
        }
        // Every name of an entry finds that entry back.
        for name in [&s.name, &s.short]
            .into_iter()
            .chain(&s.aliases)
            .chain(&s.aliases_fr)
        {
            assert_eq!(c.by_name(name), Some(s.id), "{:?} of {}", name, s.key);
        }
    }
    // Uncurated entries cover the remaining service icons, with the lowest tier.
    let uncurated: Vec<&Service> = c.services().iter().filter(|s| !s.curated).collect();
    assert!(!uncurated.is_empty());
    assert!(uncurated.iter().all(|s| s.tier == UNCURATED_TIER));
    for icon in icons.icons().iter().filter(|i| i.kind == IconKind::Service) {
        if icon.display_name.ends_with("(Dark)") {
            continue;
        }
        assert!(c.by_icon(icon.id).is_some(), "{} has no service", icon.path);
    }
}

#[test]
fn the_core_services_are_in_the_top_two_tiers() {
    for name in ["S3", "EC2", "IAM", "VPC", "Lambda", "DynamoDB", "RDS"] {
        let id = cat().by_name(name).unwrap_or_else(|| panic!("{name}"));
        let s = cat().get(id).unwrap();
        assert!(s.tier <= Tier::Frequent, "{name}: {:?}", s.tier);
        assert_eq!(s.scope, Scope::InScope, "{name}");
    }
}

#[test]
fn abbreviations_and_french_names() {
    let cases: &[(&str, &str)] = &[
        ("TGW", "transit-gateway"),
        ("Transit Gateway", "transit-gateway"),
        ("CFN", "cloudformation"),
        ("NACL", "network-acl"),
        ("SG", "security-group"),
        ("Security Groups", "security-group"),
        ("ASG", "auto-scaling-group"),
        ("passerelle NAT", "nat-gateway"),
        ("Passerelle NAT", "nat-gateway"),
        ("NAT Gateway", "nat-gateway"),
        ("groupe de sécurité", "security-group"),
        ("IGW", "internet-gateway"),
        ("Internet Gateway", "internet-gateway"),
        ("S3 Glacier Deep Archive", "s3-glacier-deep-archive"),
        ("Placement Groups", "placement-groups"),
        ("Instance Store", "instance-store"),
        ("AMI", "ami"),
        ("VPC Flow Logs", "vpc-flow-logs"),
        ("Kinesis Data Firehose", "data-firehose"),
        ("Amazon Data Firehose", "data-firehose"),
        ("CloudWatch Events", "eventbridge"),
        ("Elasticsearch", "opensearch"),
        ("AWS SSO", "iam-identity-center"),
    ];
    assert_identified(cases);
}

#[test]
fn headings_as_students_write_them() {
    let cases: &[(&str, &str)] = &[
        ("Lambda", "lambda"),
        ("AWS Lambda", "lambda"),
        ("Lambda (Serverless Function)", "lambda"),
        ("1.2. Lambda", "lambda"),
        ("Amazon S3", "s3"),
        ("S3 (Simple Storage Service)", "s3"),
        ("1.3. S3 (Simple Storage Service)", "s3"),
        ("VI. Simple Storage Service (S3)", "s3"),
        ("S3 vs EBS vs EFS", "s3"),
        ("DynamoDB (NoSQL Database)", "dynamodb"),
        ("EC2 (Elastic Computer Cloud)", "ec2"),
        ("1.1 EC2 (Elastic Computer Cloud)", "ec2"),
        ("VIII. Elastic Compute Cloud (EC2) Basics", "ec2"),
        ("1.4. RDS / Aurora", "rds"),
        ("XII. Relational Database Service (RDS)", "rds"),
        ("IAM & STS (Security Token Service)", "iam"),
        ("Secret Manager", "secrets-manager"),
        ("AWS Secret Manager", "secrets-manager"),
        ("WAF & Shields", "waf"),
        ("CloudFront (CDN)", "cloudfront"),
        ("1.8. Route 53", "route-53"),
        ("VPC (Virtual Private Cloud)", "vpc"),
        ("ACM (AWS Certificate Manager)", "acm"),
        ("AWS Certificate Manager (ACM)", "acm"),
        ("FIS (Fault Injection Simulator)", "fis"),
        ("Outposts", "outposts"),
        ("Batch", "batch"),
        ("ELB (Elastic Load Balancer)", "elb"),
        ("EBS (Elastic Bock Store)", "ebs"),
        ("1. Eastic Block Storage (EBS)", "ebs"),
        ("EFS (Elastic File System)", "efs"),
        ("Amazon Aurora (Relational Database)", "aurora"),
        ("CloudWatch (Logs)", "cloudwatch-logs"),
        ("CloudWatch", "cloudwatch"),
        ("Secrets manager / Parameter store", "secrets-manager"),
        ("Kinesis vs SQS FIFO", "kinesis"),
        ("Kinesis Data Streams", "kinesis-data-streams"),
        ("SQS FIFO", "sqs"),
        ("Elastic BeanStalk", "elastic-beanstalk"),
        ("Fargate (Serverless Compute Engine)", "fargate"),
        ("ECS (Elastic Container Service)", "ecs"),
        ("DMS (Database Migration Service)", "dms"),
        ("### Cognito", "cognito"),
        ("🚀 Lambda", "lambda"),
        ("VII. Auto-Scaling Groups", "auto-scaling-group"),
        ("Manual Install of Wordpress on EC2 - PART1", "ec2"),
        ("Amazo Transfer Family", "transfer-family"),
        ("S3 Access Points", "s3"),
        ("XVI. Registering a Domain with route53", "route-53"),
        (
            "IV. Simple Site2Site VPN - STAGE0 - SETUP",
            "site-to-site-vpn",
        ),
        ("AWS ElasticCache", "elasticache"),
        ("V. R53 Health Checks", "route-53"),
    ];
    assert_identified(cases);
}

#[test]
fn file_and_folder_names() {
    let c = cat();
    let key_of = |name: &str| {
        c.identify_file_name(name)
            .and_then(|id| c.get(id))
            .map(|s| s.key.clone())
    };
    assert_eq!(key_of("amazon-ec2.md").as_deref(), Some("ec2"));
    assert_eq!(
        key_of("aws-global-accelerator.md").as_deref(),
        Some("global-accelerator")
    );
    assert_eq!(key_of("Lambda.md").as_deref(), Some("lambda"));
    assert_eq!(key_of("SQS.md").as_deref(), Some("sqs"));
    assert_eq!(key_of("ECR.md").as_deref(), Some("ecr"));
    assert_eq!(
        key_of("XII. Relational Database Service (RDS)").as_deref(),
        Some("rds")
    );
    assert_eq!(key_of("README.md"), None);
    assert_eq!(key_of("DATABASE"), None);
    assert_eq!(key_of("00-INDEX.md"), None);
    assert_eq!(c.identify_folder("configs"), None);
    assert_eq!(c.identify_folder("backup"), None);
    assert!(c.identify_folder("AWS Backup").is_some());
    assert!(c.identify_folder("EC2").is_some());
}

#[test]
fn images_named_after_a_service() {
    let c = cat();
    let icons = icons::Catalog::bundled();
    let key_of = |r: &str| {
        c.by_image(r, icons)
            .and_then(|id| c.get(id))
            .map(|s| s.key.clone())
    };
    assert_eq!(key_of("Arch_AWS-Lambda_48.svg").as_deref(), Some("lambda"));
    assert_eq!(key_of("../img/Lambda.png").as_deref(), Some("lambda"));
    assert_eq!(key_of("amazon-s3.svg").as_deref(), Some("s3"));
    assert_eq!(key_of("lambda-console-screenshot.png"), None);
    // A category icon is no service.
    assert_eq!(key_of("Arch-Category_Compute_64.svg"), None);
    assert_eq!(key_of("Pasted image 20240101.png"), None);
}

#[test]
fn generic_headings_name_no_service() {
    for prose in [
        "Security",
        "Important features",
        "Core Services",
        "1. Core Services",
        "Dev Essentials",
        "Other Services",
        "AWS",
        "Links",
        "Exam Tips",
        "Summary & Exam Tips",
        "Key Features",
        "Use Cases",
        "Pricing",
        "Overview",
        "ACID vs BASE",
        "Virtualization 101",
        "Backup strategy for the database tier",
        "Frequent scaling indicates:",
        // False positives a reader found on public vaults: ordinary words of service names.
        "Quick Summary",
        "Quick Comparison Table",
        "Billing and Pricing",
        "Health Checks",
        "Primary Region",
        "1. All docker command start with DOCKER",
        // Categories are not services.
        "Compute",
        "Database",
        "Storage",
        "Containers",
        "Management & Governance",
        "Networking & Content Delivery",
        "",
        "   ",
        "Q&A",
    ] {
        assert_eq!(short(prose), None, "{prose:?}");
    }
}

#[test]
fn features_belong_to_their_service() {
    let c = cat();
    let nat = c.by_name("NAT gateway").unwrap();
    let vpc = c.by_name("VPC").unwrap();
    assert_eq!(c.get(nat).unwrap().scope, Scope::Feature);
    assert_eq!(c.get(nat).unwrap().part_of, Some(vpc));
    // A feature's icon stands for the feature when it has its own, and the parent's icon
    // for the parent.
    let vpc_icon = c.get(vpc).unwrap().icon.unwrap();
    assert_eq!(c.by_icon(vpc_icon), Some(vpc));
}

#[test]
fn search_ranks_expected_first() {
    let c = cat();
    let first = |q: &str| {
        c.search(q, 5)
            .first()
            .map(|id| c.short_name(*id).to_owned())
    };
    assert_eq!(first("s3").as_deref(), Some("Amazon S3"));
    assert_eq!(first("S3").as_deref(), Some("Amazon S3"));
    assert_eq!(first("lamb").as_deref(), Some("AWS Lambda"));
    assert!(c.search("", 5).is_empty());
    assert!(c.search("s3", 0).is_empty());
}

#[test]
fn bad_data_is_refused_with_the_entry_named() {
    let icons = icons::Catalog::bundled();
    let entry = |id: &str, alias: &str, icon: &str| {
        format!(
            r#"(id: "{id}", name: "Name {id}", short: "Short {id}", aliases: ["{alias}"],
               icon: Some("{icon}"), category: "Storage", scope: InScope, tier: Frequent,
               reason: "r")"#
        )
    };
    let file = |entries: &[String]| {
        format!(
            "(version: 1, guide: \"g\", services: [{}])",
            entries.join(",")
        )
    };
    let ok = entry("a", "AA", "architecture-service/AWSLambda.svg");
    assert!(Catalog::from_data(&file(std::slice::from_ref(&ok)), icons).is_ok());
    let dup = Catalog::from_data(&file(&[ok.clone(), ok.clone()]), icons).unwrap_err();
    assert!(dup.to_string().contains("duplicate id"), "{dup}");
    let shared = entry("b", "AA", "architecture-service/AWSLambda.svg");
    let err = Catalog::from_data(&file(&[ok.clone(), shared]), icons).unwrap_err();
    assert!(err.to_string().contains("entry b"), "{err}");
    let no_icon = entry("c", "CC", "architecture-service/Nope.svg");
    let err = Catalog::from_data(&file(&[no_icon]), icons).unwrap_err();
    assert!(err.to_string().contains("no bundled icon"), "{err}");
    assert!(Catalog::from_data("(", icons).is_err());
    assert!(Catalog::from_data("(version: 2, guide: \"g\", services: [])", icons).is_err());
}

#[test]
fn mentioned_lists_every_service_named_in_prose_once_and_in_order() {
    let names = |prose: &str| -> Vec<String> {
        cat()
            .mentioned(prose)
            .into_iter()
            .map(|id| cat().short_name(id).to_owned())
            .collect()
    };
    assert_eq!(
        names("Send the orders from Amazon SQS to AWS Lambda, then store them in S3 and SQS."),
        vec!["Amazon SQS", "AWS Lambda", "Amazon S3"]
    );
    // A name inside a longer one is not another service.
    let glacier = names("Move the archives to S3 Glacier Deep Archive.");
    assert_eq!(glacier.len(), 1, "{glacier:?}");
    assert_ne!(glacier[0], "Amazon S3");
    // Ordinary words alone name nothing.
    assert!(names("Take a backup and connect to the shield.").is_empty());
    assert!(names("").is_empty());
}

/// A heading `may_have_parts` turns down is one part for `split_parts` too, so `identify`
/// skips nothing by not splitting it: every ASCII heading made of these words (a
/// backquote, `vs` after a tab or glued, a capital `V`, a dot, parentheses) and
/// separators; and the separators and `vs` it must see are seen.
#[test]
fn a_heading_without_a_separator_is_one_part() {
    let words = ["EC2", "vs", "VS", "`x`", "v", "Lambda", "S3.", "(RDS)", "a"];
    let seps = [" ", "\t", "", "  "];
    let mut headings = vec![String::new()];
    for _ in 0..3 {
        let mut longer = Vec::new();
        for h in &headings {
            for w in words {
                for sep in seps {
                    longer.push(format!("{h}{sep}{w}"));
                }
            }
        }
        headings.extend(longer);
    }
    let mut turned_down = 0;
    for h in &headings {
        if !may_have_parts(h) {
            turned_down += 1;
            assert!(names::split_parts(h).len() <= 1, "{h:?}");
        }
    }
    assert!(turned_down > 10_000, "{turned_down}");
    for h in [
        "EC2 vs Lambda",
        "EC2 VS Lambda",
        "S3 / EFS",
        "SQS – SNS",
        "RDS & Aurora",
    ] {
        assert!(may_have_parts(h), "{h:?}");
        assert!(names::split_parts(h).len() > 1, "{h:?}");
    }
    assert!(!may_have_parts("Amazon S3 Glacier"));
}
