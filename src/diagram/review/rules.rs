//! The rule table and each rule's check. A check returns the node sets of its findings;
//! the engine sorts and deduplicates them. Checks only read [`Facts`].
//!
//! Every rule cites the AWS documentation page it rests on, and was written to stay silent
//! on correct architectures: exceptions AWS documents (private and regional NAT gateways,
//! readable standbys of Multi-AZ DB clusters, on-premises users reaching private subnets
//! over a VPN or Direct Connect, `CloudFront` VPC origins…) are left alone.

use std::collections::{BTreeMap, BTreeSet};

use super::facts::{
    Facts, NodeFacts, is_cache, is_database, is_ec2, is_endpoint, is_internet, is_lb, is_nat,
    is_rds, is_s3, key, says_internal,
};
use super::{Rule, Severity, plant};
use crate::diagram::model::{GroupKind, NodeId};
use crate::quiz::Domain;

/// Regional services with a public endpoint: a node in a private subnet reaches them through
/// a NAT gateway or a VPC endpoint (S3 and its storage classes are matched apart).
/// Labels that say an admin connects through AWS Systems Manager Session Manager.
const SESSION_MANAGER: &[&str] = &["session manager", "ssm", "systems manager"];

const PUBLIC_ENDPOINT_SERVICES: &[&str] = &[
    "dynamodb",
    "sqs",
    "sns",
    "kinesis",
    "data-firehose",
    "step-functions",
    "eventbridge",
    "secrets-manager",
    "kms",
    "ses",
    "cloudwatch",
    "cloudwatch-logs",
    "ecr",
    "sts",
    "systems-manager",
    "parameter-store",
    "athena",
    "api-gateway",
];

/// Regional services that never sit in a subnet or an Availability Zone of yours.
const REGIONAL_SERVICES: &[&str] = &[
    "dynamodb",
    "sqs",
    "sns",
    "kinesis",
    "data-firehose",
    "api-gateway",
    "step-functions",
    "eventbridge",
    "cognito",
    "secrets-manager",
    "kms",
    "ses",
    "athena",
    "cloudtrail",
];

/// Services that are global or at the edge: drawn outside any Region.
const GLOBAL_SERVICES: &[&str] = &[
    "route-53",
    "cloudfront",
    "global-accelerator",
    "iam",
    "organizations",
    "waf",
    "shield",
    "acm",
    "edge-locations",
    "iam-identity-center",
];

/// Labels of an RDS standby (the Multi-AZ secondary).
const STANDBY: &[&str] = &["standby", "secours", "en attente"];
/// Labels that say a standby can serve reads (Multi-AZ DB cluster readers).
const READABLE: &[&str] = &[
    "readable", "reader", "lecture", "cluster", "replica", "réplica",
];
/// Labels that say Multi-AZ.
const MULTI_AZ: &[&str] = &["multi-az", "multi az", "multiaz"];

pub(super) static RULES: [Rule; 27] = [
    // ---- Secure architectures
    Rule {
        id: "db-in-public-subnet",
        severity: Severity::High,
        domain: Domain::Secure,
        services: &["rds", "aurora", "subnet"],
        doc_url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html",
        title_en: "Database in a public subnet",
        title_fr: "Base de données dans un sous-réseau public",
        explanation_en: "A public subnet routes to an internet gateway, so a database placed there is one setting (Publicly accessible) away from the internet. AWS's pattern, and the exam's answer, is a DB subnet group of private subnets in at least two Availability Zones: only the application tier reaches the database, through security groups that allow the database port from the application's security group alone.",
        explanation_fr: "Un sous-réseau public a une route vers une passerelle Internet : une base de données placée là n’est qu’à un réglage (« Publicly accessible ») d’Internet. Le modèle d’AWS, et la réponse attendue à l’examen, est un groupe de sous-réseaux de base de données formé de sous-réseaux privés dans au moins deux zones de disponibilité : seule la couche applicative atteint la base, grâce à des groupes de sécurité qui n’ouvrent le port de la base qu’au groupe de sécurité de l’application.",
        check: db_in_public_subnet,
        plant: Some(plant::db_in_public_subnet),
    },
    Rule {
        id: "cache-in-public-subnet",
        severity: Severity::High,
        domain: Domain::Secure,
        services: &["elasticache", "memorydb", "subnet"],
        doc_url: "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/elasticache-vpc-accessing.html",
        title_en: "Cache in a public subnet",
        title_fr: "Cache dans un sous-réseau public",
        explanation_en: "ElastiCache, MemoryDB and DAX clusters live in a VPC and are reached from inside it (or from peered networks); they are not meant to be reachable from the internet. Put them in private subnets next to the application that uses them, and allow their port only from the application's security group.",
        explanation_fr: "Les clusters ElastiCache, MemoryDB et DAX vivent dans un VPC et s’atteignent depuis ce VPC (ou depuis des réseaux appairés) ; ils ne sont pas faits pour être joignables depuis Internet. Placez-les dans des sous-réseaux privés à côté de l’application qui s’en sert, et n’ouvrez leur port qu’au groupe de sécurité de cette application.",
        check: cache_in_public_subnet,
        plant: Some(plant::cache_in_public_subnet),
    },
    Rule {
        id: "private-subnet-reached-from-internet",
        severity: Severity::High,
        domain: Domain::Secure,
        services: &["subnet", "internet-gateway", "elb"],
        doc_url: "https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html",
        title_en: "Internet traffic straight into a private subnet",
        title_fr: "Trafic Internet directement vers un sous-réseau privé",
        explanation_en: "A private subnet is one with no route to an internet gateway: nothing in it can be reached from the internet directly, and an internet-facing load balancer placed there receives no internet traffic. Internet clients reach private instances through an internet-facing load balancer (or CloudFront, API Gateway) in public subnets; administrators use Systems Manager Session Manager, a VPN or Direct Connect.",
        explanation_fr: "Un sous-réseau privé n’a pas de route vers une passerelle Internet : rien de ce qu’il contient n’est joignable directement depuis Internet, et un équilibreur de charge exposé à Internet qu’on y place ne reçoit aucun trafic Internet. Les clients Internet atteignent les instances privées via un équilibreur de charge exposé à Internet (ou CloudFront, API Gateway) placé dans des sous-réseaux publics ; les administrateurs passent par Session Manager de Systems Manager, un VPN ou Direct Connect.",
        check: private_subnet_reached_from_internet,
        plant: Some(plant::private_subnet_reached_from_internet),
    },
    Rule {
        id: "internal-lb-from-internet",
        severity: Severity::High,
        domain: Domain::Secure,
        services: &["elb", "alb"],
        doc_url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/how-elastic-load-balancing-works.html",
        title_en: "Internal load balancer receiving internet traffic",
        title_fr: "Équilibreur de charge interne recevant du trafic Internet",
        explanation_en: "The nodes of an internal load balancer have only private IP addresses, so it can only route requests from clients with access to its VPC. Internet clients need an internet-facing load balancer in public subnets; an internal one belongs between tiers (web to application) or behind a VPN or Direct Connect.",
        explanation_fr: "Les nœuds d’un équilibreur de charge interne n’ont que des adresses IP privées : il ne peut router que les requêtes de clients qui ont accès à son VPC. Les clients Internet ont besoin d’un équilibreur exposé à Internet (internet-facing) dans des sous-réseaux publics ; un équilibreur interne se place entre deux couches (web vers application) ou derrière un VPN ou Direct Connect.",
        check: internal_lb_from_internet,
        plant: Some(plant::internal_lb_from_internet),
    },
    Rule {
        id: "lambda-outside-vpc-to-private-resource",
        severity: Severity::High,
        domain: Domain::Secure,
        services: &["lambda", "rds", "vpc"],
        doc_url: "https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html",
        title_en: "Lambda outside the VPC calling a private resource",
        title_fr: "Lambda hors du VPC appelant une ressource privée",
        explanation_en: "A Lambda function that is not attached to a VPC runs in a Lambda-owned network and cannot reach a database or cache in your private subnets. Attach the function to the VPC (private subnets and a security group the database allows); for relational databases, RDS Proxy then pools its connections.",
        explanation_fr: "Une fonction Lambda qui n’est pas attachée à un VPC s’exécute dans un réseau géré par Lambda et ne peut pas atteindre une base de données ou un cache de vos sous-réseaux privés. Attachez la fonction au VPC (sous-réseaux privés et un groupe de sécurité autorisé par la base) ; pour une base relationnelle, RDS Proxy mutualise alors ses connexions.",
        check: lambda_outside_vpc_to_private_resource,
        plant: Some(plant::lambda_outside_vpc_to_private_resource),
    },
    Rule {
        id: "nat-gateway-in-private-subnet",
        severity: Severity::High,
        domain: Domain::Secure,
        services: &["nat-gateway", "subnet"],
        doc_url: "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html",
        title_en: "NAT gateway in a private subnet",
        title_fr: "Passerelle NAT dans un sous-réseau privé",
        explanation_en: "A public (zonal) NAT gateway must be created in a public subnet, whose route table sends internet traffic to the internet gateway; the private subnets then route 0.0.0.0/0 to it. In a private subnet it has no way out. (A private NAT gateway, for traffic to other VPCs or on premises, and a regional NAT gateway, which needs no subnet, are the exceptions: say so in the label.)",
        explanation_fr: "Une passerelle NAT publique (zonale) doit être créée dans un sous-réseau public, dont la table de routage envoie le trafic Internet à la passerelle Internet ; les sous-réseaux privés routent ensuite 0.0.0.0/0 vers elle. Dans un sous-réseau privé, elle n’a aucune sortie. (Une passerelle NAT privée, pour joindre d’autres VPC ou le site sur site, et une passerelle NAT régionale, qui n’a pas besoin de sous-réseau, sont les exceptions : indiquez-le dans le libellé.)",
        check: nat_gateway_in_private_subnet,
        plant: Some(plant::nat_gateway_in_private_subnet),
    },
    Rule {
        id: "no-internet-gateway",
        severity: Severity::High,
        domain: Domain::Secure,
        services: &["internet-gateway", "nat-gateway", "elb"],
        doc_url: "https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html",
        title_en: "NAT gateway or internet-facing load balancer without an internet gateway",
        title_fr: "Passerelle NAT ou équilibreur exposé à Internet sans passerelle Internet",
        explanation_en: "Traffic between a VPC and the internet goes through the VPC's internet gateway: a public NAT gateway sends its traffic there (a private NAT gateway needs none), and an internet-facing load balancer is reached through it. Without an internet gateway attached to the VPC (and a route to it from the public subnets), neither works. Draw the internet gateway on the VPC.",
        explanation_fr: "Le trafic entre un VPC et Internet passe par la passerelle Internet du VPC : une passerelle NAT publique y envoie son trafic (une passerelle NAT privée n’en a pas besoin), et un équilibreur de charge exposé à Internet est joint à travers elle. Sans passerelle Internet attachée au VPC (et sans route vers elle depuis les sous-réseaux publics), ni l’un ni l’autre ne fonctionne. Dessinez la passerelle Internet sur le VPC.",
        check: no_internet_gateway,
        plant: Some(plant::no_internet_gateway),
    },
    Rule {
        id: "private-subnet-no-egress",
        severity: Severity::High,
        domain: Domain::Secure,
        services: &["nat-gateway", "vpc-endpoint", "lambda"],
        doc_url: "https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html",
        title_en: "Private subnet calling AWS services or the internet with no way out",
        title_fr: "Sous-réseau privé appelant des services AWS ou Internet sans sortie",
        explanation_en: "Instances and VPC-attached Lambda functions in a private subnet have no public IP address and no route to the internet. To call S3, SQS, DynamoDB or another AWS service they need a VPC endpoint (a free gateway endpoint for S3 and DynamoDB, interface endpoints through PrivateLink for most services) or a NAT gateway in a public subnet; to reach the internet, a NAT gateway.",
        explanation_fr: "Les instances et les fonctions Lambda attachées au VPC dans un sous-réseau privé n’ont ni adresse IP publique ni route vers Internet. Pour appeler S3, SQS, DynamoDB ou un autre service AWS, il leur faut un point de terminaison de VPC (de type passerelle, gratuit, pour S3 et DynamoDB, de type interface via PrivateLink pour la plupart des services) ou une passerelle NAT dans un sous-réseau public ; pour joindre Internet, une passerelle NAT.",
        check: private_subnet_no_egress,
        plant: Some(plant::private_subnet_no_egress),
    },
    Rule {
        id: "lambda-in-public-subnet",
        severity: Severity::Medium,
        domain: Domain::Secure,
        services: &["lambda", "nat-gateway", "subnet"],
        doc_url: "https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc-internet.html",
        title_en: "Lambda function in a public subnet",
        title_fr: "Fonction Lambda dans un sous-réseau public",
        explanation_en: "Connecting a Lambda function to a public subnet does not give it a public IP address or internet access. Attach VPC functions to private subnets; for internet access route them through a NAT gateway in a public subnet, and use VPC endpoints for AWS services.",
        explanation_fr: "Attacher une fonction Lambda à un sous-réseau public ne lui donne ni adresse IP publique ni accès à Internet. Attachez les fonctions de VPC à des sous-réseaux privés ; pour l’accès à Internet, faites-les passer par une passerelle NAT dans un sous-réseau public, et utilisez des points de terminaison de VPC pour les services AWS.",
        check: lambda_in_public_subnet,
        plant: Some(plant::lambda_in_public_subnet),
    },
    Rule {
        id: "regional-service-in-subnet",
        severity: Severity::Low,
        domain: Domain::Secure,
        services: &["vpc-endpoint", "s3", "dynamodb", "sqs"],
        doc_url: "https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html",
        title_en: "Regional service drawn inside a subnet or an Availability Zone",
        title_fr: "Service régional dessiné dans un sous-réseau ou une zone de disponibilité",
        explanation_en: "S3, DynamoDB, SQS, SNS, Kinesis, API Gateway and the other regional services are not deployed into your subnets: AWS runs them across the Availability Zones of the Region, outside your VPC. A VPC reaches them over their public endpoints, through a NAT gateway, or privately through a VPC endpoint (the endpoint, not the service, is what sits in the VPC).",
        explanation_fr: "S3, DynamoDB, SQS, SNS, Kinesis, API Gateway et les autres services régionaux ne se déploient pas dans vos sous-réseaux : AWS les exploite sur les zones de disponibilité de la Région, hors de votre VPC. Un VPC les atteint par leurs points de terminaison publics, via une passerelle NAT, ou en privé via un point de terminaison de VPC (c’est le point de terminaison, pas le service, qui est dans le VPC).",
        check: regional_service_in_subnet,
        plant: Some(plant::regional_service_in_subnet),
    },
    Rule {
        id: "vpc-gateway-in-subnet",
        severity: Severity::Low,
        domain: Domain::Secure,
        services: &["internet-gateway", "vpc"],
        doc_url: "https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html",
        title_en: "Internet or VPN gateway drawn inside a subnet",
        title_fr: "Passerelle Internet ou VPN dessinée dans un sous-réseau",
        explanation_en: "An internet gateway (like an egress-only internet gateway or a virtual private gateway) is attached to the VPC as a whole, not to a subnet: a subnet is public because its route table sends 0.0.0.0/0 to that gateway. Draw the gateway on the VPC's border.",
        explanation_fr: "Une passerelle Internet (comme une passerelle Internet de sortie uniquement ou une passerelle privée virtuelle) s’attache au VPC entier, pas à un sous-réseau : un sous-réseau est public parce que sa table de routage envoie 0.0.0.0/0 vers cette passerelle. Dessinez la passerelle sur le bord du VPC.",
        check: vpc_gateway_in_subnet,
        plant: Some(plant::vpc_gateway_in_subnet),
    },
    Rule {
        id: "lb-targets-in-public-subnet",
        severity: Severity::Low,
        domain: Domain::Secure,
        services: &["elb", "subnet", "ec2"],
        doc_url: "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-example-private-subnets-nat.html",
        title_en: "Load balancer targets in a public subnet",
        title_fr: "Cibles d’équilibreur de charge dans un sous-réseau public",
        explanation_en: "Instances that only receive traffic from a load balancer do not need public IP addresses. AWS's reference design puts the load balancer (and the NAT gateways) in public subnets and the instances in private subnets, which reach the internet for updates through a NAT gateway: the instances are never directly exposed.",
        explanation_fr: "Des instances qui ne reçoivent du trafic que d’un équilibreur de charge n’ont pas besoin d’adresse IP publique. L’architecture de référence d’AWS place l’équilibreur de charge (et les passerelles NAT) dans des sous-réseaux publics et les instances dans des sous-réseaux privés, qui sortent vers Internet pour leurs mises à jour via une passerelle NAT : les instances ne sont jamais exposées directement.",
        check: lb_targets_in_public_subnet,
        plant: Some(plant::lb_targets_in_public_subnet),
    },
    // ---- Resilient architectures
    Rule {
        id: "ec2-tier-single-az",
        severity: Severity::High,
        domain: Domain::Resilient,
        services: &["ec2", "elb", "availability-zones"],
        doc_url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/how-elastic-load-balancing-works.html",
        title_en: "Load-balanced tier in a single Availability Zone",
        title_fr: "Couche derrière l’équilibreur dans une seule zone de disponibilité",
        explanation_en: "Every instance behind this load balancer is in the same Availability Zone: if that AZ fails, the tier is down. Spread the targets over at least two AZs (an Auto Scaling group across subnets in two or more AZs keeps them balanced) and enable those AZs on the load balancer.",
        explanation_fr: "Toutes les instances derrière cet équilibreur de charge sont dans la même zone de disponibilité : si elle tombe, la couche est arrêtée. Répartissez les cibles sur au moins deux AZ (un groupe Auto Scaling sur des sous-réseaux de deux AZ ou plus les garde équilibrées) et activez ces AZ sur l’équilibreur.",
        check: ec2_tier_single_az,
        plant: Some(plant::ec2_tier_single_az),
    },
    Rule {
        id: "asg-single-az",
        severity: Severity::High,
        domain: Domain::Resilient,
        services: &[
            "auto-scaling-group",
            "ec2-auto-scaling",
            "availability-zones",
        ],
        doc_url: "https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-availability-zone-balanced.html",
        title_en: "Auto Scaling group in one Availability Zone",
        title_fr: "Groupe Auto Scaling dans une seule zone de disponibilité",
        explanation_en: "An Auto Scaling group replaces failed instances, but only in the AZs its subnets are in. Give it subnets in at least two Availability Zones: by default it balances instances across them and, if one AZ becomes unhealthy, launches replacements in the others.",
        explanation_fr: "Un groupe Auto Scaling remplace les instances défaillantes, mais seulement dans les AZ de ses sous-réseaux. Donnez-lui des sous-réseaux dans au moins deux zones de disponibilité : par défaut, il y répartit les instances et, si une AZ devient défaillante, lance les remplaçantes dans les autres.",
        check: asg_single_az,
        plant: Some(plant::asg_single_az),
    },
    Rule {
        id: "rds-single-az",
        severity: Severity::High,
        domain: Domain::Resilient,
        services: &["rds", "rds-multi-az"],
        doc_url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.html",
        title_en: "RDS database in a single Availability Zone",
        title_fr: "Base RDS dans une seule zone de disponibilité",
        explanation_en: "This RDS database has no standby in another Availability Zone: an AZ failure or even maintenance takes it down. A Multi-AZ deployment keeps a synchronous standby in another AZ and fails over automatically, usually within a minute or two (a Multi-AZ DB cluster has two standbys, both readable). Label the database Multi-AZ, or draw its standby in another AZ.",
        explanation_fr: "Cette base RDS n’a pas d’instance de secours dans une autre zone de disponibilité : une panne d’AZ, ou même une maintenance, l’arrête. Un déploiement Multi-AZ garde une instance de secours synchrone dans une autre AZ et bascule automatiquement, en général en une à deux minutes (un cluster de bases Multi-AZ a deux instances de secours, lisibles toutes les deux). Indiquez Multi-AZ dans le libellé, ou dessinez l’instance de secours dans une autre AZ.",
        check: rds_single_az,
        plant: Some(plant::rds_single_az),
    },
    Rule {
        id: "standby-same-az",
        severity: Severity::Medium,
        domain: Domain::Resilient,
        services: &["rds-multi-az", "rds"],
        doc_url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZSingleStandby.html",
        title_en: "RDS standby in the same Availability Zone as its primary",
        title_fr: "Instance de secours RDS dans la même AZ que la principale",
        explanation_en: "In a Multi-AZ deployment Amazon RDS keeps the standby in a different Availability Zone from the primary: that is what lets it survive the loss of an AZ. A standby drawn next to its primary says the opposite; draw it in another AZ.",
        explanation_fr: "Dans un déploiement Multi-AZ, Amazon RDS place l’instance de secours dans une autre zone de disponibilité que la principale : c’est ce qui lui permet de survivre à la perte d’une AZ. Une instance de secours dessinée à côté de sa principale dit le contraire ; dessinez-la dans une autre AZ.",
        check: standby_same_az,
        plant: Some(plant::standby_same_az),
    },
    Rule {
        id: "alb-single-az",
        severity: Severity::High,
        domain: Domain::Resilient,
        services: &["alb", "availability-zones"],
        doc_url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html",
        title_en: "Application Load Balancer in a VPC with one Availability Zone",
        title_fr: "Application Load Balancer dans un VPC à une seule zone de disponibilité",
        explanation_en: "An Application Load Balancer must be enabled in at least two Availability Zones (one subnet in each); it creates a load balancer node in every enabled AZ, which is what makes it highly available. A VPC drawn with one AZ cannot host it that way: add a second AZ with a public subnet.",
        explanation_fr: "Un Application Load Balancer doit être activé dans au moins deux zones de disponibilité (un sous-réseau dans chacune) ; il crée un nœud dans chaque AZ activée, ce qui le rend hautement disponible. Un VPC dessiné avec une seule AZ ne peut pas l’accueillir ainsi : ajoutez une deuxième AZ avec un sous-réseau public.",
        check: alb_single_az,
        plant: None,
    },
    Rule {
        id: "ebs-across-az",
        severity: Severity::High,
        domain: Domain::Resilient,
        services: &["ebs", "efs"],
        doc_url: "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-attaching-volume.html",
        title_en: "EBS volume shared across Availability Zones",
        title_fr: "Volume EBS partagé entre zones de disponibilité",
        explanation_en: "An EBS volume lives in one Availability Zone and can only be attached to instances in that AZ (Multi-Attach too stays within one AZ). Instances in several AZs that share files need Amazon EFS (or FSx); to move a volume's data to another AZ, restore a snapshot there.",
        explanation_fr: "Un volume EBS vit dans une zone de disponibilité et ne s’attache qu’à des instances de cette AZ (Multi-Attach aussi reste dans une AZ). Des instances réparties sur plusieurs AZ qui partagent des fichiers ont besoin d’Amazon EFS (ou FSx) ; pour déplacer les données d’un volume vers une autre AZ, restaurez-y un instantané.",
        check: ebs_across_az,
        plant: Some(plant::ebs_across_az),
    },
    Rule {
        id: "nat-gateway-single-az",
        severity: Severity::Medium,
        domain: Domain::Resilient,
        services: &["nat-gateway", "availability-zones"],
        doc_url: "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html",
        title_en: "One NAT gateway for private subnets in several AZs",
        title_fr: "Une seule passerelle NAT pour des sous-réseaux privés dans plusieurs AZ",
        explanation_en: "A zonal NAT gateway is redundant only within its Availability Zone. If private subnets in several AZs share it and its AZ goes down, they all lose internet access; sharing it also adds cross-AZ data transfer charges. Create a NAT gateway in each AZ and route each private subnet to the one in its own AZ, or use a regional NAT gateway, which spans AZs by itself.",
        explanation_fr: "Une passerelle NAT zonale n’est redondante qu’à l’intérieur de sa zone de disponibilité. Si des sous-réseaux privés de plusieurs AZ la partagent et que son AZ tombe, tous perdent l’accès à Internet ; la partager ajoute en outre des frais de transfert entre AZ. Créez une passerelle NAT par AZ et routez chaque sous-réseau privé vers celle de son AZ, ou utilisez une passerelle NAT régionale, qui s’étend seule sur les AZ.",
        check: nat_gateway_single_az,
        plant: Some(plant::nat_gateway_single_az),
    },
    Rule {
        id: "ec2-fleet-without-lb",
        severity: Severity::Medium,
        domain: Domain::Resilient,
        services: &["elb", "ec2-auto-scaling", "route-53"],
        doc_url: "https://docs.aws.amazon.com/autoscaling/ec2/userguide/autoscaling-load-balancer.html",
        title_en: "Instances reached directly, without a load balancer",
        title_fr: "Instances atteintes directement, sans équilibreur de charge",
        explanation_en: "Clients, DNS or CloudFront send traffic straight to EC2 instances that are several or belong to an Auto Scaling group. Instances come and go (scaling, health replacement), so nothing should point at one of them. Put an Elastic Load Balancing load balancer in front and attach it to the Auto Scaling group: it spreads requests, stops sending to unhealthy instances and registers new ones automatically.",
        explanation_fr: "Des clients, le DNS ou CloudFront envoient le trafic directement à des instances EC2 qui sont plusieurs ou appartiennent à un groupe Auto Scaling. Les instances vont et viennent (mise à l’échelle, remplacement des défaillantes) : rien ne devrait pointer vers l’une d’elles. Placez devant un équilibreur Elastic Load Balancing attaché au groupe Auto Scaling : il répartit les requêtes, cesse d’envoyer aux instances défaillantes et enregistre automatiquement les nouvelles.",
        check: ec2_fleet_without_lb,
        plant: Some(plant::ec2_fleet_without_lb),
    },
    Rule {
        id: "single-region-dr",
        severity: Severity::Medium,
        domain: Domain::Resilient,
        services: &["regions", "elastic-disaster-recovery", "backup"],
        doc_url: "https://docs.aws.amazon.com/whitepapers/latest/disaster-recovery-workloads-on-aws/disaster-recovery-options-in-the-cloud.html",
        title_en: "Disaster recovery within a single Region",
        title_fr: "Reprise après sinistre dans une seule Région",
        explanation_en: "The labels say disaster recovery, but everything is in one Region. Multi-AZ protects against the loss of a data center, not of a Region. Against a regional disaster, AWS's strategies (backup and restore, pilot light, warm standby, multi-site active/active) keep a copy of the data in a second Region, and from pilot light on some of the infrastructure too, with RPO and RTO shrinking in that order. Draw the recovery Region, or accept the finding if your disaster is smaller than a Region (deleted data, a failed AZ).",
        explanation_fr: "Les libellés parlent de reprise après sinistre, mais tout est dans une seule Région. Le Multi-AZ protège contre la perte d’un centre de données, pas d’une Région. Contre un sinistre régional, les stratégies d’AWS (sauvegarde et restauration, veilleuse ou pilot light, warm standby, multi-site actif/actif) gardent une copie des données dans une deuxième Région, et à partir de la veilleuse une partie de l’infrastructure aussi, avec un RPO et un RTO de plus en plus courts dans cet ordre. Dessinez la Région de reprise, ou acceptez la remarque si votre sinistre est plus petit qu’une Région (données supprimées, AZ en panne).",
        check: single_region_dr,
        plant: Some(plant::single_region_dr),
    },
    Rule {
        id: "multi-region-without-failover-routing",
        severity: Severity::Medium,
        domain: Domain::Resilient,
        services: &[
            "route-53",
            "global-accelerator",
            "route-53-routing-policies",
        ],
        doc_url: "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-failover.html",
        title_en: "Two Regions, nothing to send users to the healthy one",
        title_fr: "Deux Régions, rien pour envoyer les utilisateurs vers la Région saine",
        explanation_en: "The workload has an entry point in two Regions, but no Route 53 (failover, latency or weighted records with health checks), Global Accelerator or CloudFront origin failover in front. Without them clients keep using the failed Region's address; DNS failover or Global Accelerator's endpoint health checks move traffic to the other Region.",
        explanation_fr: "La charge de travail a un point d’entrée dans deux Régions, mais ni Route 53 (enregistrements de basculement, de latence ou pondérés avec contrôles de santé), ni Global Accelerator, ni basculement d’origine CloudFront devant. Sans eux, les clients continuent d’utiliser l’adresse de la Région en panne ; le basculement DNS ou les contrôles de santé des points de terminaison de Global Accelerator envoient le trafic vers l’autre Région.",
        check: multi_region_without_failover_routing,
        plant: Some(plant::multi_region_without_failover_routing),
    },
    Rule {
        id: "direct-connect-single",
        severity: Severity::Medium,
        domain: Domain::Resilient,
        services: &["direct-connect", "site-to-site-vpn"],
        doc_url: "https://docs.aws.amazon.com/directconnect/latest/UserGuide/resiliency_toolkit.html",
        title_en: "A single Direct Connect connection and no backup",
        title_fr: "Une seule connexion Direct Connect et aucun secours",
        explanation_en: "One Direct Connect connection is a single point of failure (the link, the device, the location). AWS's resiliency models use at least two connections, at two or more locations for high and maximum resiliency; the low-cost option is a Site-to-Site VPN over the internet as a backup path. Draw the second connection or the VPN.",
        explanation_fr: "Une seule connexion Direct Connect est un point de défaillance unique (le lien, l’équipement, le site). Les modèles de résilience d’AWS utilisent au moins deux connexions, sur deux sites ou plus pour une résilience haute ou maximale ; l’option économique est un VPN Site-to-Site sur Internet comme chemin de secours. Dessinez la deuxième connexion ou le VPN.",
        check: direct_connect_single,
        plant: Some(plant::direct_connect_single),
    },
    // ---- High-performing architectures
    Rule {
        id: "static-site-without-cloudfront",
        severity: Severity::Medium,
        domain: Domain::Performant,
        services: &["cloudfront", "s3", "route-53"],
        doc_url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/WebsiteEndpoints.html",
        title_en: "Static website served straight from S3, without CloudFront",
        title_fr: "Site statique servi directement par S3, sans CloudFront",
        explanation_en: "S3 website endpoints serve HTTP only (no HTTPS) from a single Region, and the bucket must be public. CloudFront in front serves HTTPS with your certificate from edge locations close to users, caches the content, and with origin access control the bucket stays private.",
        explanation_fr: "Les points de terminaison de site web S3 ne servent qu’en HTTP (pas de HTTPS) depuis une seule Région, et le compartiment doit être public. CloudFront devant sert en HTTPS avec votre certificat depuis des emplacements périphériques proches des utilisateurs, met le contenu en cache, et avec le contrôle d’accès à l’origine (OAC) le compartiment reste privé.",
        check: static_site_without_cloudfront,
        plant: Some(plant::static_site_without_cloudfront),
    },
    Rule {
        id: "standby-serves-reads",
        severity: Severity::Medium,
        domain: Domain::Performant,
        services: &["rds-multi-az", "read-replicas"],
        doc_url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.html",
        title_en: "Application reading from the Multi-AZ standby",
        title_fr: "Application qui lit sur l’instance de secours Multi-AZ",
        explanation_en: "The standby of a Multi-AZ DB instance deployment provides failover support only: it does not serve read traffic. To offload reads, add read replicas (or use a Multi-AZ DB cluster, whose two standbys are readable, or Aurora replicas) and point the readers at them.",
        explanation_fr: "L’instance de secours d’un déploiement d’instance de base Multi-AZ ne sert qu’au basculement : elle ne sert pas de trafic en lecture. Pour décharger les lectures, ajoutez des réplicas en lecture (ou utilisez un cluster de bases Multi-AZ, dont les deux instances de secours sont lisibles, ou des réplicas Aurora) et dirigez les lectures vers eux.",
        check: standby_serves_reads,
        plant: Some(plant::standby_serves_reads),
    },
    Rule {
        id: "global-service-in-vpc",
        severity: Severity::Low,
        domain: Domain::Performant,
        services: &["cloudfront", "global-accelerator", "edge-locations"],
        doc_url: "https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/global-services.html",
        title_en: "Global edge service drawn inside a VPC",
        title_fr: "Service global de périphérie dessiné dans un VPC",
        explanation_en: "CloudFront and Global Accelerator are global services that run at AWS edge locations, outside every Region and VPC; they reach your origins (load balancers, S3, instances) from the edge. Draw them outside the Region, between the users and the origin.",
        explanation_fr: "CloudFront et Global Accelerator sont des services globaux qui s’exécutent dans les emplacements périphériques d’AWS, hors de toute Région et de tout VPC ; ils atteignent vos origines (équilibreurs de charge, S3, instances) depuis la périphérie. Dessinez-les hors de la Région, entre les utilisateurs et l’origine.",
        check: global_service_in_vpc,
        plant: Some(plant::global_service_in_vpc),
    },
    // ---- Cost-optimized architectures
    Rule {
        id: "s3-dynamodb-via-nat",
        severity: Severity::Medium,
        domain: Domain::Cost,
        services: &["gateway-endpoint", "nat-gateway", "s3", "dynamodb"],
        doc_url: "https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html",
        title_en: "S3 or DynamoDB reached through a NAT gateway",
        title_fr: "S3 ou DynamoDB atteint via une passerelle NAT",
        explanation_en: "Traffic from private subnets to S3 or DynamoDB goes through the NAT gateway here, which charges for every gigabyte it processes. A gateway endpoint for S3 or DynamoDB, a route table target, costs nothing and keeps the traffic on the AWS network; add one to the private subnets' route tables.",
        explanation_fr: "Ici, le trafic des sous-réseaux privés vers S3 ou DynamoDB passe par la passerelle NAT, qui facture chaque gigaoctet traité. Un point de terminaison de type passerelle pour S3 ou DynamoDB, simple cible de table de routage, ne coûte rien et garde le trafic sur le réseau AWS ; ajoutez-en un aux tables de routage des sous-réseaux privés.",
        check: s3_dynamodb_via_nat,
        plant: Some(plant::s3_dynamodb_via_nat),
    },
];

/// Findings of one node each.
fn singles<'a>(f: &'a Facts<'_>, pred: impl Fn(&NodeFacts) -> bool + 'a) -> Vec<Vec<NodeId>> {
    f.services()
        .filter(|(_, n)| pred(n))
        .map(|(id, _)| vec![id])
        .collect()
}

fn db_in_public_subnet(f: &Facts<'_>) -> Vec<Vec<NodeId>> {
    singles(f, |n| is_database(n) && n.in_public_subnet())
}

fn cache_in_public_subnet(f: &Facts<'_>) -> Vec<Vec<NodeId>> {
    singles(f, |n| is_cache(n) && n.in_public_subnet())
}

fn lambda_in_public_subnet(f: &Facts<'_>) -> Vec<Vec<NodeId>> {
    singles(f, |n| n.is(&["lambda"]) && n.in_public_subnet())
}

/// Whether the diagram connects an on-premises network (VPN, Direct Connect, a data
/// center): then "users" may well be inside it, not on the internet.
pub(super) fn is_hybrid(f: &Facts<'_>) -> bool {
    f.services().any(|(_, n)| {
        n.is(&[
            "direct-connect",
            "site-to-site-vpn",
            "client-vpn",
            "transit-gateway",
            "storage-gateway",
            key::CUSTOMER_GATEWAY,
            key::VPN_GATEWAY,
            key::VPN_CONNECTION,
            key::DX_GATEWAY,
            key::ON_PREMISES,
        ])
    }) || f.labels_say(
        &[
            "on-prem",
            "on prem",
            "data center",
            "datacenter",
            "data centre",
            "sur site",
            "centre de données",
            "corporate",
        ],
        &[],
    )
}

/// Sources whose traffic comes from the internet: the internet, an internet gateway, and
/// users unless the diagram connects an on-premises network they may be part of.
pub(super) fn from_internet(n: &NodeFacts, hybrid: bool) -> bool {
    n.is(&[key::INTERNET, "internet-gateway"]) || (!hybrid && n.is(&[key::USERS]))
}

fn private_subnet_reached_from_internet(f: &Facts<'_>) -> Vec<Vec<NodeId>> {
    let hybrid = is_hybrid(f);
    let mut out = Vec::new();
    for &(s, t) in &f.flows {
        let (Some(sf), Some(tf)) = (f.get(s), f.get(t)) else {
            continue;
        };
        if from_internet(sf, hybrid)
            && tf.key.is_some()
            && tf.in_private_subnet()
            && !is_nat(tf)
            && !is_endpoint(tf)
            && !(is_lb(tf) && says_internal(tf))
            // Session Manager reaches private instances through the SSM agent's own
            // outbound connection: an admin drawn so is not an inbound path.
            && !sf.says(SESSION_MANAGER)
            && !tf.says(SESSION_MANAGER)
        {
            out.push(vec![s, t]);
        }
    }
    out
}

fn internal_lb_from_internet(f: &Facts<'_>) -> Vec<Vec<NodeId>> {
    let hybrid = is_hybrid(f);
    let mut out = Vec::new();
    for &(s, t) in &f.flows {
        let (Some(sf), Some(tf)) = (f.get(s), f.get(t)) else {
            continue;
        };
        if from_internet(sf, hybrid) && is_lb(tf) && says_internal(tf) {
            out.push(vec![s, t]);
        }
    }
    out
}

fn lambda_outside_vpc_to_private_resource(f: &Facts<'_>) -> Vec<Vec<NodeId>> {
    let mut out = Vec::new();
    for &(s, t) in &f.flows {
        let (Some(sf), Some(tf)) = (f.get(s), f.get(t)) else {
            continue;
        };
        let outside = sf.is(&["lambda"]) && sf.vpc.is_none() && sf.subnet.is_none();
        // Aurora is left out: its Data API is an HTTPS endpoint a function outside the VPC
        // may call.
        let private_resource = tf.in_private_subnet()
            && (is_rds(tf)
                || tf.is(&[
                    "rds-proxy",
                    "elasticache",
                    "memorydb",
                    "documentdb",
                    "neptune",
                ]));
        if outside && private_resource {
            out.push(vec![s, t]);
        }
    }
    out
}

/// NAT gateways for internet traffic: private ones (to other networks) and regional ones
/// (no subnet) are told apart by their label.
pub(super) fn is_public_zonal_nat(n: &NodeFacts) -> bool {
    is_nat(n) && !n.says(&["private", "privé", "regional", "régional"])
}

fn nat_gateway_in_private_subnet(f: &Facts<'_>) -> Vec<Vec<NodeId>> {
    singles(f, |n| is_public_zonal_nat(n) && n.in_private_subnet())
}

/// Whether an internet gateway serves VPC `vpc`: inside it, overlapping its box (drawn on
/// its border), or joined by an arrow to something in it.
fn has_internet_gateway(f: &Facts<'_>, vpc: NodeId) -> bool {
    let vrect = f.rect(vpc);
    f.services().any(|(id, n)| {
        n.is(&["internet-gateway"])
            && (n.vpc == Some(vpc)
                || vrect.zip(f.rect(id)).is_some_and(|(v, r)| v.intersects(&r))
                || f.neighbours(id)
                    .iter()
                    .any(|m| f.get(*m).is_some_and(|m| m.vpc == Some(vpc))))
    })
}

fn no_internet_gateway(f: &Facts<'_>) -> Vec<Vec<NodeId>> {
    let hybrid = is_hybrid(f);
    let mut out = Vec::new();
    for (vpc, _) in f.groups(GroupKind::Vpc) {
        let candidates: Vec<NodeId> = f
            .services()
            .filter(|(id, n)| {
                n.vpc == Some(vpc)
                    && ((is_nat(n) && !n.says(&["private", "privé"]))
                        || (is_lb(n)
                            && !says_internal(n)
                            && (n.in_public_subnet()
                                || f.sources(*id)
                                    .any(|s| f.get(s).is_some_and(|s| from_internet(s, hybrid))))))
            })
            .map(|(id, _)| id)
            .collect();
        if !candidates.is_empty() && !has_internet_gateway(f, vpc) {
            out.push(candidates);
        }
    }
    out
}

/// Whether traffic may leave through another network (a transit gateway to an egress VPC,
/// a firewall, a proxy, an on-premises network behind a virtual private gateway or
/// Direct Connect): then a missing NAT gateway proves nothing.
fn central_egress(f: &Facts<'_>) -> bool {
    f.services().any(|(_, n)| {
        n.is(&[
            "transit-gateway",
            "network-firewall",
            "gwlb",
            "direct-connect",
            key::VPN_GATEWAY,
            key::DX_GATEWAY,
        ])
    }) || f.labels_say(&["proxy", "egress vpc", "vpc de sortie"], &[])
}

/// Whether node facts `n` are in scope `vpc` (the diagram when no VPC is drawn).
fn in_scope(n: &NodeFacts, vpc: Option<NodeId>) -> bool {
    vpc.is_none_or(|v| n.vpc == Some(v))
}

fn has_nat(f: &Facts<'_>, vpc: Option<NodeId>) -> bool {
    f.services().any(|(_, n)| {
        in_scope(n, vpc)
            && (is_public_zonal_nat(n)
                || (is_nat(n) && n.says(&["regional", "régional"]))
                || n.is(&["egress-only-internet-gateway"])
                || (is_ec2(n) && n.says(&["nat"])))
    })
}

fn has_endpoint(f: &Facts<'_>, vpc: Option<NodeId>) -> bool {
    f.services()
        .any(|(_, n)| in_scope(n, vpc) && is_endpoint(n))
}

/// A node of a private subnet that sends traffic (not a gateway or an endpoint).
fn private_workload(n: &NodeFacts) -> bool {
    n.in_private_subnet()
        && !is_nat(n)
        && !is_endpoint(n)
        && !n.is(&["internet-gateway", key::VPN_GATEWAY])
}

fn private_subnet_no_egress(f: &Facts<'_>) -> Vec<Vec<NodeId>> {
    if central_egress(f) {
        return Vec::new();
    }
    // One finding per VPC, with every workload and service concerned.
    let mut by_vpc: BTreeMap<Option<NodeId>, Vec<NodeId>> = BTreeMap::new();
    // Whether each VPC has a NAT gateway and an endpoint, worked out once.
    let mut exits: BTreeMap<Option<NodeId>, (bool, bool)> = BTreeMap::new();
    for (id, n) in f.services() {
        if !private_workload(n) {
            continue;
        }
        let (nat, endpoint) = *exits
            .entry(n.vpc)
            .or_insert_with(|| (has_nat(f, n.vpc), has_endpoint(f, n.vpc)));
        let bad: Vec<NodeId> = f
            .targets(id)
            .filter(|t| {
                f.get(*t).is_some_and(|tf| {
                    // A VPC function's logs go out through the Lambda service, not the
                    // function's network interfaces.
                    if n.is(&["lambda"]) && tf.is(&["cloudwatch", "cloudwatch-logs", "x-ray"]) {
                        return false;
                    }
                    let aws = tf.subnet.is_none() && (is_s3(tf) || tf.is(PUBLIC_ENDPOINT_SERVICES));
                    let internet = tf.is(&[key::INTERNET]);
                    (aws && !nat && !endpoint) || (internet && !nat)
                })
            })
            .collect();
        if !bad.is_empty() {
            let nodes = by_vpc.entry(n.vpc).or_default();
            nodes.push(id);
            nodes.extend(bad);
        }
    }
    by_vpc.into_values().collect()
}

/// A regional service that never sits in a subnet or an AZ (S3 One Zone storage and
/// anything labelled as an endpoint are left out).
pub(super) fn is_regional(n: &NodeFacts) -> bool {
    ((is_s3(n) && !n.is(&["s3-express-one-zone", "s3-one-zone-ia"])) || n.is(REGIONAL_SERVICES))
        && !n.says(&["endpoint", "express", "one zone", "point de terminaison"])
}

fn regional_service_in_subnet(f: &Facts<'_>) -> Vec<Vec<NodeId>> {
    // An AZ box outside any VPC may be a picture of how the service spreads its data.
    singles(f, |n| {
        is_regional(n) && (n.subnet.is_some() || (n.az.is_some() && n.vpc.is_some()))
    })
}

fn vpc_gateway_in_subnet(f: &Facts<'_>) -> Vec<Vec<NodeId>> {
    singles(f, |n| {
        n.is(&[
            "internet-gateway",
            "egress-only-internet-gateway",
            key::VPN_GATEWAY,
        ]) && n.subnet.is_some()
    })
}

fn lb_targets_in_public_subnet(f: &Facts<'_>) -> Vec<Vec<NodeId>> {
    let mut out = Vec::new();
    for (lb, n) in f.services() {
        if !is_lb(n) {
            continue;
        }
        let public: Vec<NodeId> = f
            .targets(lb)
            .filter(|t| f.get(*t).is_some_and(|t| is_ec2(t) && t.in_public_subnet()))
            .collect();
        if !public.is_empty() {
            let mut nodes = vec![lb];
            nodes.extend(public);
            out.push(nodes);
        }
    }
    out
}

/// The distinct AZs of `ids`, or `None` if one of them is in no AZ.
fn azs_of(f: &Facts<'_>, ids: &[NodeId]) -> Option<BTreeSet<NodeId>> {
    ids.iter().map(|id| f.get(*id).and_then(|n| n.az)).collect()
}

fn ec2_tier_single_az(f: &Facts<'_>) -> Vec<Vec<NodeId>> {
    if !f.draws_azs() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (lb, targets) in f.lbs_and_ec2_targets() {
        // Targets in an Auto Scaling group are the ASG rule's.
        let in_asg = targets
            .iter()
            .any(|t| f.get(*t).is_some_and(|t| !t.asgs.is_empty()));
        if targets.is_empty() || in_asg {
            continue;
        }
        if azs_of(f, &targets).is_some_and(|azs| azs.len() == 1) {
            let mut nodes = vec![lb];
            nodes.extend(targets);
            out.push(nodes);
        }
    }
    out
}

fn asg_single_az(f: &Facts<'_>) -> Vec<Vec<NodeId>> {
    if !f.draws_azs() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (asg, n) in f.groups(GroupKind::AutoScalingGroup) {
        // A cluster placement group (HPC) lives in one AZ on purpose: that is the exam's
        // answer for low-latency node-to-node traffic.
        if n.says(&["placement group", "groupe de placement", "hpc"]) {
            continue;
        }
        let members = f.members_of_asg(asg);
        let single = if members.is_empty() {
            n.az.is_some()
        } else {
            azs_of(f, &members).is_some_and(|azs| azs.len() == 1)
        };
        if single {
            let mut nodes = vec![asg];
            nodes.extend(members);
            out.push(nodes);
        }
    }
    out
}

pub(super) fn is_standby(n: &NodeFacts) -> bool {
    is_rds(n) && n.says(STANDBY)
}

fn rds_single_az(f: &Facts<'_>) -> Vec<Vec<NodeId>> {
    if !f.draws_azs() {
        return Vec::new();
    }
    let mut by_vpc: BTreeMap<Option<NodeId>, Vec<NodeId>> = BTreeMap::new();
    for (id, n) in f.services() {
        if is_rds(n) {
            by_vpc.entry(n.vpc).or_default().push(id);
        }
    }
    let mut out = Vec::new();
    for ids in by_vpc.into_values() {
        let multi_az = ids.iter().any(|id| {
            f.get(*id)
                .is_some_and(|n| n.is(&["rds-multi-az"]) || n.says(MULTI_AZ) || is_standby(n))
        });
        if !multi_az && azs_of(f, &ids).is_some_and(|azs| azs.len() == 1) {
            out.push(ids);
        }
    }
    out
}

fn standby_same_az(f: &Facts<'_>) -> Vec<Vec<NodeId>> {
    let mut out = Vec::new();
    for (s, sf) in f.services() {
        let Some(az) = sf.az.filter(|_| is_standby(sf)) else {
            continue;
        };
        let connected: Vec<NodeId> = f
            .neighbours(s)
            .into_iter()
            .filter(|p| f.get(*p).is_some_and(|p| is_rds(p) && !is_standby(p)))
            .collect();
        let primaries: Vec<NodeId> = if connected.is_empty() {
            // No arrow says whose standby it is: only a VPC with one primary tells.
            let candidates: Vec<NodeId> = f
                .services()
                .filter(|(_, p)| is_rds(p) && !is_standby(p) && p.vpc == sf.vpc)
                .map(|(id, _)| id)
                .collect();
            if candidates.len() == 1 {
                candidates
            } else {
                Vec::new()
            }
        } else {
            connected
        };
        for p in primaries {
            if f.get(p).and_then(|p| p.az) == Some(az) {
                out.push(vec![p, s]);
            }
        }
    }
    out
}

fn standby_serves_reads(f: &Facts<'_>) -> Vec<Vec<NodeId>> {
    let mut out = Vec::new();
    for (s, sf) in f.services() {
        if !is_standby(sf) || sf.says(READABLE) {
            continue;
        }
        let readers: Vec<NodeId> = f
            .sources(s)
            .filter(|r| {
                f.get(*r)
                    .is_some_and(|r| r.key.is_some() && !is_database(r))
            })
            .collect();
        if !readers.is_empty() {
            let mut nodes = vec![s];
            nodes.extend(readers);
            out.push(nodes);
        }
    }
    out
}

fn alb_single_az(f: &Facts<'_>) -> Vec<Vec<NodeId>> {
    let mut out = Vec::new();
    for (id, n) in f.services() {
        if !n.is(&["alb"]) || n.az.is_none() || n.says(&["outpost", "local zone"]) {
            continue;
        }
        let azs = f
            .groups(GroupKind::AvailabilityZone)
            .filter(|(_, az)| in_scope(az, n.vpc))
            .count();
        if azs == 1 {
            out.push(vec![id]);
        }
    }
    out
}

/// EBS volumes (not snapshots).
fn is_ebs_volume(n: &NodeFacts) -> bool {
    n.is(&[
        "ebs",
        "ebs-volume-types",
        "ebs-gp3",
        "ebs-io2",
        "ebs-st1",
        "ebs-sc1",
    ])
}

fn ebs_across_az(f: &Facts<'_>) -> Vec<Vec<NodeId>> {
    let mut out = Vec::new();
    for (v, vf) in f.services() {
        // Only a volume drawn in an AZ says which AZ it is in: a volume drawn outside the
        // AZ boxes is silent (the diagram does not say).
        if !is_ebs_volume(vf) || vf.az.is_none() {
            continue;
        }
        let instances: Vec<NodeId> = f
            .neighbours(v)
            .into_iter()
            .filter(|i| f.get(*i).is_some_and(is_ec2))
            .collect();
        let azs: BTreeSet<NodeId> = instances
            .iter()
            .filter_map(|i| f.get(*i).and_then(|i| i.az))
            .chain(vf.az)
            .collect();
        if azs.len() >= 2 {
            let mut nodes = vec![v];
            nodes.extend(instances);
            out.push(nodes);
        }
    }
    out
}

fn nat_gateway_single_az(f: &Facts<'_>) -> Vec<Vec<NodeId>> {
    let mut out = Vec::new();
    for (vpc, _) in f.groups(GroupKind::Vpc) {
        let nats: Vec<(NodeId, &NodeFacts)> = f
            .services()
            .filter(|(_, n)| n.vpc == Some(vpc) && is_nat(n) && !n.says(&["private", "privé"]))
            .collect();
        // A regional NAT gateway spans AZs; one drawn outside any AZ may be one.
        if nats.is_empty()
            || nats
                .iter()
                .any(|(_, n)| n.az.is_none() || n.says(&["regional", "régional"]))
        {
            continue;
        }
        let nat_azs: BTreeSet<NodeId> = nats.iter().filter_map(|(_, n)| n.az).collect();
        let workload_azs: BTreeSet<NodeId> = f
            .services()
            .filter(|(_, n)| n.vpc == Some(vpc) && private_workload(n))
            .filter_map(|(_, n)| n.az)
            .collect();
        if nat_azs.len() == 1 && workload_azs.len() >= 2 && !workload_azs.is_subset(&nat_azs) {
            out.push(nats.iter().map(|(id, _)| *id).collect());
        }
    }
    out
}

fn ec2_fleet_without_lb(f: &Facts<'_>) -> Vec<Vec<NodeId>> {
    let hybrid = is_hybrid(f);
    let mut out = Vec::new();
    for (s, sf) in f.services() {
        let direct = from_internet(sf, hybrid);
        if !direct && !sf.is(&["route-53", "cloudfront"]) {
            continue;
        }
        let targets: Vec<(NodeId, &NodeFacts)> = f
            .targets(s)
            .filter_map(|t| f.get(t).map(|tf| (t, tf)))
            // Appliances reached on purpose: bastions, NAT instances, proxies, VPNs.
            .filter(|(_, tf)| {
                is_ec2(tf) && !tf.says(&["bastion", "jump", "nat", "proxy", "vpn", "firewall"])
            })
            // Internet traffic into a private subnet is the private-subnet rule's.
            .filter(|(_, tf)| !(direct && tf.in_private_subnet()))
            .collect();
        let mut nodes: Vec<NodeId> = targets
            .iter()
            .filter(|(_, tf)| !tf.asgs.is_empty())
            .map(|(t, _)| *t)
            .collect();
        if direct {
            // Several instances of one Region reached straight from the internet.
            let mut by_region: BTreeMap<Option<NodeId>, Vec<NodeId>> = BTreeMap::new();
            for (t, tf) in &targets {
                by_region.entry(tf.region).or_default().push(*t);
            }
            for ids in by_region.into_values().filter(|ids| ids.len() >= 2) {
                nodes.extend(ids);
            }
        }
        if !nodes.is_empty() {
            nodes.push(s);
            out.push(nodes);
        }
    }
    out
}

/// Whether the labels say disaster recovery.
pub(super) fn mentions_dr(f: &Facts<'_>) -> bool {
    f.labels_say(
        &[
            "disaster recovery",
            "disaster-recovery",
            "reprise après sinistre",
            "reprise d'activité",
            "reprise d’activité",
            "pilot light",
            "pilot-light",
            "warm standby",
            "multi-site",
            "backup and restore",
            "backup & restore",
            "sauvegarde et restauration",
        ],
        &["dr", "pra"],
    )
}

fn single_region_dr(f: &Facts<'_>) -> Vec<Vec<NodeId>> {
    let regions: Vec<NodeId> = f.groups(GroupKind::Region).map(|(id, _)| id).collect();
    if regions.len() != 1 || !mentions_dr(f) || is_hybrid(f) {
        return Vec::new();
    }
    // A regional service drawn outside the only Region box may well be in another Region.
    let elsewhere = f
        .services()
        .any(|(_, n)| n.region.is_none() && !is_internet(n) && !n.is(GLOBAL_SERVICES));
    if elsewhere {
        return Vec::new();
    }
    vec![regions]
}

fn multi_region_without_failover_routing(f: &Facts<'_>) -> Vec<Vec<NodeId>> {
    let regions = f.groups(GroupKind::Region).count();
    // Route 53 records, Global Accelerator, or CloudFront origin failover.
    let routed = f
        .services()
        .any(|(_, n)| n.is(&["route-53", "global-accelerator", "cloudfront"]));
    let says = mentions_dr(f)
        || f.labels_say(
            &[
                "active-active",
                "active/active",
                "actif/actif",
                "multi-site",
                "failover",
                "bascule",
            ],
            &[],
        );
    if regions < 2 || routed || !says {
        return Vec::new();
    }
    let mut by_region: BTreeMap<NodeId, Vec<NodeId>> = BTreeMap::new();
    for (id, n) in f.services() {
        if let Some(r) = n.region
            && (is_lb(n) || n.is(&["api-gateway"]))
        {
            by_region.entry(r).or_default().push(id);
        }
    }
    if by_region.len() >= 2 {
        vec![by_region.into_values().flatten().collect()]
    } else {
        Vec::new()
    }
}

fn direct_connect_single(f: &Facts<'_>) -> Vec<Vec<NodeId>> {
    let dx: Vec<NodeId> = f
        .services()
        .filter(|(_, n)| n.is(&["direct-connect"]))
        .map(|(id, _)| id)
        .collect();
    let [one] = dx.as_slice() else {
        return Vec::new();
    };
    let vpn = f
        .services()
        .any(|(_, n)| n.is(&["site-to-site-vpn", "client-vpn", key::VPN_CONNECTION]))
        || f.labels_say(&["vpn"], &[]);
    // "2 × 10 Gbps", "LAG", "redundant": the one icon stands for several connections.
    let words = ["redundan", "redondan", "resilien", "résilien", "dual", "×"];
    let tokens = ["lag", "2x", "x2", "two", "deux", "double", "2"];
    let says_redundant = |label: &str| {
        let l = label.to_lowercase();
        words.iter().any(|w| l.contains(w))
            || l.split(|c: char| !c.is_alphanumeric())
                .any(|t| tokens.contains(&t))
    };
    let redundant =
        f.d.edges
            .values()
            .filter(|e| e.from == *one || e.to == *one)
            .map(|e| e.label.as_str())
            .chain(f.d.node(*one).map(|n| n.label.as_str()))
            .any(says_redundant);
    if vpn || redundant {
        return Vec::new();
    }
    vec![vec![*one]]
}

/// Words that say an S3 bucket serves a website.
const WEBSITE: &[&str] = &[
    "website",
    "web site",
    "static site",
    "static web",
    "site web",
    "site statique",
    "hosting",
    "hébergement",
];

fn edge_label_says(f: &Facts<'_>, a: NodeId, b: NodeId, words: &[&str]) -> bool {
    f.d.edges.values().any(|e| {
        ((e.from == a && e.to == b) || (e.from == b && e.to == a)) && {
            let l = e.label.to_lowercase();
            words.iter().any(|w| l.contains(w))
        }
    })
}

fn static_site_without_cloudfront(f: &Facts<'_>) -> Vec<Vec<NodeId>> {
    let mut out = Vec::new();
    for (t, tf) in f.services() {
        if !is_s3(tf) {
            continue;
        }
        let fronted = f
            .sources(t)
            .any(|s| f.get(s).is_some_and(|s| s.is(&["cloudfront"])));
        if fronted {
            continue;
        }
        for s in f.sources(t) {
            let Some(sf) = f.get(s) else {
                continue;
            };
            // A Route 53 alias to a bucket is an S3 website endpoint; people going
            // straight to a bucket are one when the labels say website.
            let website = sf.is(&["route-53"])
                || (is_internet(sf)
                    && (tf.says(WEBSITE) || sf.says(WEBSITE) || edge_label_says(f, s, t, WEBSITE)));
            if website {
                out.push(vec![s, t]);
            }
        }
    }
    out
}

fn global_service_in_vpc(f: &Facts<'_>) -> Vec<Vec<NodeId>> {
    singles(f, |n| {
        // Organizations is global too, but not an edge service: the rule's title and
        // explanation are about the edge.
        n.is(&["cloudfront", "global-accelerator"]) && (n.vpc.is_some() || n.subnet.is_some())
    })
}

/// S3 or `DynamoDB`.
fn is_gateway_endpoint_service(n: &NodeFacts) -> bool {
    (is_s3(n) && !n.is(&["s3-express-one-zone"])) || n.is(&["dynamodb"])
}

fn s3_dynamodb_via_nat(f: &Facts<'_>) -> Vec<Vec<NodeId>> {
    // One finding per VPC, with every workload and service concerned.
    let mut by_vpc: BTreeMap<Option<NodeId>, Vec<NodeId>> = BTreeMap::new();
    // Whether each VPC sends through a NAT gateway with no endpoint, worked out once.
    let mut via_nat_only: BTreeMap<Option<NodeId>, bool> = BTreeMap::new();
    for (id, n) in f.services() {
        if !private_workload(n) {
            continue;
        }
        let via_nat = *via_nat_only.entry(n.vpc).or_insert_with(|| {
            f.services()
                .any(|(_, m)| in_scope(m, n.vpc) && is_public_zonal_nat(m))
                && !has_endpoint(f, n.vpc)
        });
        if !via_nat {
            continue;
        }
        // Straight to the service, or through the NAT gateway (and the internet gateway).
        let mut reached: BTreeSet<NodeId> = f.targets(id).collect();
        for hop in 0..2 {
            let via: Vec<NodeId> = reached
                .iter()
                .copied()
                .filter(|r| {
                    f.get(*r).is_some_and(|r| {
                        if hop == 0 {
                            is_nat(r)
                        } else {
                            r.is(&["internet-gateway"])
                        }
                    })
                })
                .collect();
            for v in via {
                reached.extend(f.targets(v));
            }
        }
        let services: Vec<NodeId> = reached
            .into_iter()
            .filter(|t| {
                f.get(*t)
                    .is_some_and(|t| is_gateway_endpoint_service(t) && t.subnet.is_none())
            })
            .collect();
        if !services.is_empty() {
            let nodes = by_vpc.entry(n.vpc).or_default();
            nodes.push(id);
            nodes.extend(services);
        }
    }
    by_vpc.into_values().collect()
}
