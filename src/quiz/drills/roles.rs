//! What each service does in an architecture, for the "which service belongs here?" drill:
//! a role per service, a one-line description in English and French (shown with the
//! feedback, so each option says why it fits or not), and for each role the roles too
//! close to it to serve as distractors.
//!
//! The table is conservative on purpose. A distractor must be a service of the same
//! catalog category that could **not** fill the hidden place: two services that can do
//! the same job in a diagram (RDS and Aurora, SQS and Amazon MQ, SNS and `EventBridge`,
//! `CloudFront` and Global Accelerator, Direct Connect and Site-to-Site VPN, a NAT
//! gateway and a gateway endpoint for S3 traffic...) share a role or have their roles
//! listed as [`Role::close`]. Some services are never hidden: EC2 has no entry (Lambda,
//! containers and Beanstalk can also serve a web tier, and they are of other
//! categories), nor have Lambda and Fargate (the only two "Serverless" services) or API
//! Gateway (Amplify and `AppSync` also front APIs); Step Functions (queues and event
//! buses also chain steps) and Athena, Glue, EMR and Redshift (they overlap for SQL and
//! ETL over S3) have too many close roles to keep three distractors.

use crate::quiz::Domain;

/// A job a service does in an architecture.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// Relational database (SQL).
    Relational,
    /// Key-value, document or wide-column database.
    NoSql,
    /// In-memory cache in front of a database.
    Cache,
    /// Graph database.
    Graph,
    /// Time-series database.
    TimeSeries,
    /// Message queue.
    Queue,
    /// Publish/subscribe, event routing.
    PubSub,
    /// Workflow orchestration.
    Workflow,
    /// Data transfer from `SaaS` applications.
    Saas,
    /// DNS.
    Dns,
    /// Edge network in front of an application (CDN, anycast).
    Edge,
    /// Load balancer.
    LoadBalancer,
    /// Private connection between networks (on premises, VPCs).
    Interconnect,
    /// Private access to AWS services from a VPC (endpoints).
    PrivateAccess,
    /// Internet access of a VPC (internet and NAT gateways).
    Egress,
    /// Identities and sign-in.
    Identity,
    /// Encryption keys.
    Keys,
    /// Secrets storage and rotation.
    Secrets,
    /// Filtering and `DDoS` protection.
    Protection,
    /// Threat and vulnerability detection.
    Detection,
    /// TLS certificates.
    Certificates,
    /// Object storage.
    Object,
    /// Archive storage.
    Archive,
    /// Block storage.
    Block,
    /// Shared file systems.
    File,
    /// Backups.
    Backup,
    /// On-premises access to cloud storage.
    HybridStorage,
    /// Data streams.
    Stream,
    /// SQL, ETL and big-data processing.
    Processing,
    /// Business intelligence dashboards.
    Dashboards,
    /// Search and log analytics.
    Search,
    /// Data lake permissions.
    Governance,
    /// Metrics, logs and alarms.
    Monitoring,
    /// Records of API calls and configurations.
    Audit,
    /// Infrastructure as code.
    Iac,
    /// Multi-account management.
    Accounts,
    /// Operations on fleets of instances.
    Operations,
}

impl Role {
    /// Roles whose services could also fill a place this role fills: never distractors
    /// for it (the role itself never is either).
    #[must_use]
    pub fn close(self) -> &'static [Role] {
        use Role as R;
        match self {
            // Either can be the database of record of an application.
            R::Relational => &[R::NoSql],
            R::NoSql => &[R::Relational],
            // DynamoDB is a classic session store too.
            R::Cache => &[R::NoSql],
            // Any general database can hold graphs or time series, less well.
            R::Graph | R::TimeSeries => &[R::Relational, R::NoSql],
            // Queues and event buses chain the steps of a workflow too.
            R::Workflow => &[R::Queue, R::PubSub],
            // EventBridge receives SaaS partner events.
            R::Saas => &[R::PubSub],
            // The front door of an application: DNS, CDN or accelerator, load balancer.
            R::Dns => &[R::Edge, R::LoadBalancer],
            R::Edge => &[R::Dns, R::LoadBalancer],
            R::LoadBalancer => &[R::Dns, R::Edge],
            // PrivateLink also connects VPCs; endpoints replace NAT for S3 and DynamoDB;
            // PrivateLink services sit behind Network Load Balancers.
            R::Interconnect => &[R::PrivateAccess],
            R::PrivateAccess => &[R::Egress, R::Interconnect, R::LoadBalancer],
            // (Never hidden, see `hideable`; only ever a distractor.)
            R::Egress => &[R::PrivateAccess],
            // WAF, Shield and certificates attach to the same CloudFront distributions,
            // load balancers and APIs.
            R::Certificates => &[R::Protection],
            R::Protection => &[R::Certificates],
            // EBS and EFS both mount on an instance.
            R::Block => &[R::File],
            R::File => &[R::Block],
            R::Object => &[R::Archive],
            R::Archive => &[R::Object, R::Backup],
            // Backups land in S3 (snapshots, exports).
            R::Backup => &[R::Object, R::Archive],
            // EMR and Flink process streams; Athena, OpenSearch and Lake Formation overlap.
            R::Stream => &[R::Processing],
            R::Processing => &[R::Search, R::Governance, R::Stream],
            R::Dashboards => &[R::Search],
            R::Search => &[R::Processing, R::Dashboards],
            R::Governance => &[R::Processing],
            // CloudWatch and CloudTrail/Config both watch an account.
            R::Monitoring => &[R::Audit],
            R::Audit => &[R::Monitoring],
            R::Queue
            | R::PubSub
            | R::Identity
            | R::Keys
            | R::Secrets
            | R::Detection
            | R::HybridStorage
            | R::Iac
            | R::Accounts
            | R::Operations => &[],
        }
    }

    /// Whether a service of this role is ever hidden. Internet and NAT gateways are not:
    /// in "users → ? → load balancer" a CDN, DNS, a Network Load Balancer or a Gateway Load
    /// Balancer endpoint could all be drawn there too, and a NAT gateway usually has no
    /// arrow to tell it apart. They remain distractors.
    #[must_use]
    pub fn hideable(self) -> bool {
        self != Role::Egress
    }

    /// The exam domain a "which service belongs here?" question about this role tests:
    /// the task statement that covers choosing such a service.
    #[must_use]
    pub fn domain(self) -> Domain {
        use Role as R;
        match self {
            // 1.1 secure access, 1.2 secure workloads, 1.3 data security controls.
            R::Identity
            | R::Keys
            | R::Secrets
            | R::Protection
            | R::Detection
            | R::Certificates
            | R::Audit
            | R::Accounts
            | R::Operations => Domain::Secure,
            // 2.1 loosely coupled architectures, 2.2 highly available architectures.
            R::Queue | R::PubSub | R::Workflow | R::Saas | R::Backup | R::Iac => Domain::Resilient,
            // 3.1 storage, 3.3 databases, 3.4 networks, 3.5 data ingestion and analytics.
            R::Relational
            | R::NoSql
            | R::Cache
            | R::Graph
            | R::TimeSeries
            | R::Dns
            | R::Edge
            | R::LoadBalancer
            | R::Interconnect
            | R::PrivateAccess
            | R::Egress
            | R::Object
            | R::Archive
            | R::Block
            | R::File
            | R::HybridStorage
            | R::Stream
            | R::Processing
            | R::Dashboards
            | R::Search
            | R::Governance
            | R::Monitoring => Domain::Performant,
        }
    }
}

/// One service of the table.
#[derive(Debug)]
pub struct Entry {
    /// The service's catalog key.
    pub key: &'static str,
    /// What it does.
    pub role: Role,
    /// What it is, in one English sentence.
    pub en: &'static str,
    /// The same in French.
    pub fr: &'static str,
}

/// The entry of a catalog key, if the service has one.
#[must_use]
pub fn entry(key: &str) -> Option<&'static Entry> {
    ENTRIES.iter().find(|e| e.key == key)
}

const fn e(key: &'static str, role: Role, en: &'static str, fr: &'static str) -> Entry {
    Entry { key, role, en, fr }
}

/// Every service the drill knows, by catalog category.
pub static ENTRIES: &[Entry] = &[
    // Database.
    e(
        "rds",
        Role::Relational,
        "managed relational databases (MySQL, PostgreSQL, MariaDB, Oracle, SQL Server, Db2), with Multi-AZ standbys and read replicas.",
        "bases de données relationnelles managées (MySQL, PostgreSQL, MariaDB, Oracle, SQL Server, Db2), avec standby Multi-AZ et réplicas en lecture.",
    ),
    e(
        "aurora",
        Role::Relational,
        "AWS's MySQL- and PostgreSQL-compatible relational database, its storage replicated six ways across three Availability Zones.",
        "la base relationnelle d'AWS compatible MySQL et PostgreSQL, dont le stockage est répliqué en six copies sur trois zones de disponibilité.",
    ),
    e(
        "aurora-serverless",
        Role::Relational,
        "Aurora whose capacity follows the load automatically.",
        "Aurora dont la capacité suit la charge automatiquement.",
    ),
    e(
        "dynamodb",
        Role::NoSql,
        "a serverless key-value and document database with single-digit millisecond latency at any scale.",
        "une base NoSQL clé-valeur et document, serverless, aux latences de quelques millisecondes à toute échelle.",
    ),
    e(
        "documentdb",
        Role::NoSql,
        "a managed document database compatible with MongoDB.",
        "une base de données de documents managée, compatible MongoDB.",
    ),
    e(
        "keyspaces",
        Role::NoSql,
        "a serverless wide-column database compatible with Apache Cassandra.",
        "une base orientée colonnes, serverless, compatible Apache Cassandra.",
    ),
    e(
        "elasticache",
        Role::Cache,
        "an in-memory cache (Valkey, Redis OSS, Memcached) in front of a database, for microsecond reads and session data.",
        "un cache en mémoire (Valkey, Redis OSS, Memcached) devant une base de données, pour des lectures en microsecondes et les sessions.",
    ),
    e(
        "dax",
        Role::Cache,
        "an in-memory cache for DynamoDB tables only.",
        "un cache en mémoire réservé aux tables DynamoDB.",
    ),
    e(
        "neptune",
        Role::Graph,
        "a graph database for highly connected data (social networks, fraud rings, knowledge graphs).",
        "une base de données de graphes pour les données très connectées (réseaux sociaux, fraude, graphes de connaissances).",
    ),
    e(
        "timestream",
        Role::TimeSeries,
        "a time-series database for IoT and operational measurements.",
        "une base de séries temporelles pour les mesures IoT et opérationnelles.",
    ),
    // Application Integration.
    e(
        "sqs",
        Role::Queue,
        "a message queue: consumers poll it, and each message is processed by one consumer.",
        "une file de messages : les consommateurs l'interrogent, et chaque message est traité par un seul consommateur.",
    ),
    e(
        "mq",
        Role::Queue,
        "managed ActiveMQ and RabbitMQ brokers, for applications that already speak JMS, AMQP, MQTT or STOMP.",
        "des brokers ActiveMQ et RabbitMQ managés, pour les applications qui parlent déjà JMS, AMQP, MQTT ou STOMP.",
    ),
    e(
        "sns",
        Role::PubSub,
        "publish/subscribe topics that push every message to all their subscribers (SQS, Lambda, HTTP, email, SMS).",
        "des rubriques publication/abonnement qui poussent chaque message à tous leurs abonnés (SQS, Lambda, HTTP, e-mail, SMS).",
    ),
    e(
        "eventbridge",
        Role::PubSub,
        "an event bus that routes events to targets by rules, and runs schedules.",
        "un bus d'événements qui achemine les événements vers des cibles selon des règles, et planifie des tâches.",
    ),
    e(
        "step-functions",
        Role::Workflow,
        "state machines that orchestrate the steps of a workflow.",
        "des machines à états qui orchestrent les étapes d'un workflow.",
    ),
    e(
        "appflow",
        Role::Saas,
        "transfers data between SaaS applications (Salesforce, SAP, ServiceNow...) and AWS.",
        "transfère des données entre des applications SaaS (Salesforce, SAP, ServiceNow...) et AWS.",
    ),
    // Networking and Content Delivery.
    e(
        "route-53",
        Role::Dns,
        "DNS, with routing policies and health checks.",
        "le DNS, avec ses politiques de routage et ses contrôles de santé.",
    ),
    e(
        "cloudfront",
        Role::Edge,
        "a content delivery network that caches content in edge locations close to the users.",
        "un réseau de diffusion de contenu qui met le contenu en cache dans des emplacements périphériques proches des utilisateurs.",
    ),
    e(
        "global-accelerator",
        Role::Edge,
        "static anycast IP addresses that carry TCP and UDP traffic over the AWS network to regional endpoints.",
        "des adresses IP anycast statiques qui acheminent le trafic TCP et UDP par le réseau d'AWS jusqu'à des points de terminaison régionaux.",
    ),
    e(
        "elb",
        Role::LoadBalancer,
        "spreads incoming traffic across targets in several Availability Zones.",
        "répartit le trafic entrant entre des cibles de plusieurs zones de disponibilité.",
    ),
    e(
        "alb",
        Role::LoadBalancer,
        "a layer-7 (HTTP, HTTPS) load balancer that routes by path and host name.",
        "un équilibreur de charge de couche 7 (HTTP, HTTPS) qui route selon le chemin et le nom d'hôte.",
    ),
    e(
        "nlb",
        Role::LoadBalancer,
        "a layer-4 (TCP, UDP, TLS) load balancer with static IP addresses and very low latency.",
        "un équilibreur de charge de couche 4 (TCP, UDP, TLS) avec des adresses IP statiques et une latence très faible.",
    ),
    e(
        "gwlb",
        Role::LoadBalancer,
        "sends traffic through fleets of third-party virtual appliances (firewalls, intrusion detection).",
        "fait passer le trafic par des parcs d'appliances virtuelles tierces (pare-feu, détection d'intrusion).",
    ),
    e(
        "direct-connect",
        Role::Interconnect,
        "a dedicated private network connection from a data centre to AWS.",
        "une connexion réseau privée et dédiée entre un centre de données et AWS.",
    ),
    e(
        "site-to-site-vpn",
        Role::Interconnect,
        "IPsec tunnels over the internet between a network and a VPC or a transit gateway.",
        "des tunnels IPsec sur Internet entre un réseau et un VPC ou une passerelle de transit.",
    ),
    e(
        "client-vpn",
        Role::Interconnect,
        "a managed VPN for the devices of individual users.",
        "un VPN managé pour les appareils des utilisateurs.",
    ),
    e(
        "transit-gateway",
        Role::Interconnect,
        "a regional hub that connects many VPCs and on-premises networks.",
        "un hub régional qui relie de nombreux VPC et réseaux sur site.",
    ),
    e(
        "vpc-peering",
        Role::Interconnect,
        "a private connection between two VPCs (not transitive).",
        "une connexion privée entre deux VPC (non transitive).",
    ),
    e(
        "privatelink",
        Role::PrivateAccess,
        "interface endpoints that expose a service privately to other VPCs.",
        "des points de terminaison d'interface qui exposent un service en privé à d'autres VPC.",
    ),
    e(
        "vpc-endpoint",
        Role::PrivateAccess,
        "private access from a VPC to AWS services, without an internet gateway or a NAT device.",
        "un accès privé depuis un VPC aux services AWS, sans passerelle Internet ni NAT.",
    ),
    e(
        "gateway-endpoint",
        Role::PrivateAccess,
        "a route-table target that reaches S3 or DynamoDB privately, at no charge.",
        "une cible de table de routage qui atteint S3 ou DynamoDB en privé, sans frais.",
    ),
    e(
        "interface-endpoint",
        Role::PrivateAccess,
        "a private IP address (an ENI) in a subnet that reaches an AWS service through PrivateLink.",
        "une adresse IP privée (une ENI) dans un sous-réseau qui atteint un service AWS par PrivateLink.",
    ),
    e(
        "nat-gateway",
        Role::Egress,
        "lets instances in private subnets open outbound IPv4 connections to the internet.",
        "permet aux instances des sous-réseaux privés d'ouvrir des connexions IPv4 sortantes vers Internet.",
    ),
    e(
        "internet-gateway",
        Role::Egress,
        "connects a VPC to the internet, both ways, for resources with public IP addresses.",
        "relie un VPC à Internet, dans les deux sens, pour les ressources qui ont une adresse IP publique.",
    ),
    e(
        "egress-only-internet-gateway",
        Role::Egress,
        "outbound-only internet access over IPv6.",
        "un accès Internet sortant uniquement, en IPv6.",
    ),
    // Security, Identity, and Compliance.
    e(
        "cognito",
        Role::Identity,
        "sign-up and sign-in for the users of an application (user pools) and temporary AWS credentials (identity pools).",
        "l'inscription et la connexion des utilisateurs d'une application (groupes d'utilisateurs) et des identifiants AWS temporaires (groupes d'identités).",
    ),
    e(
        "iam",
        Role::Identity,
        "users, roles and policies that control access to AWS.",
        "les utilisateurs, rôles et politiques qui contrôlent l'accès à AWS.",
    ),
    e(
        "iam-identity-center",
        Role::Identity,
        "single sign-on of a workforce to AWS accounts and applications.",
        "l'authentification unique des collaborateurs sur les comptes AWS et les applications.",
    ),
    e(
        "directory-service",
        Role::Identity,
        "managed Microsoft Active Directory.",
        "un Active Directory Microsoft managé.",
    ),
    e(
        "kms",
        Role::Keys,
        "creates and controls the encryption keys AWS services use.",
        "crée et contrôle les clés de chiffrement qu'utilisent les services AWS.",
    ),
    e(
        "cloudhsm",
        Role::Keys,
        "dedicated hardware security modules under your exclusive control.",
        "des modules matériels de sécurité dédiés, sous votre seul contrôle.",
    ),
    e(
        "secrets-manager",
        Role::Secrets,
        "stores secrets such as database credentials, and rotates them.",
        "stocke des secrets, comme des identifiants de base de données, et en assure la rotation.",
    ),
    e(
        "waf",
        Role::Protection,
        "a web application firewall that filters HTTP requests (SQL injection, cross-site scripting, rate limits) on CloudFront, load balancers and API Gateway.",
        "un pare-feu applicatif qui filtre les requêtes HTTP (injection SQL, cross-site scripting, limites de débit) sur CloudFront, les équilibreurs de charge et API Gateway.",
    ),
    e(
        "shield",
        Role::Protection,
        "DDoS protection (Standard for everyone, Advanced with a response team).",
        "la protection contre les attaques DDoS (Standard pour tous, Advanced avec une équipe de réponse).",
    ),
    e(
        "network-firewall",
        Role::Protection,
        "a stateful network firewall and intrusion prevention for VPCs.",
        "un pare-feu réseau avec état et une prévention d'intrusion pour les VPC.",
    ),
    e(
        "guardduty",
        Role::Detection,
        "threat detection from CloudTrail events, VPC Flow Logs and DNS logs.",
        "la détection de menaces à partir des événements CloudTrail, des journaux de flux VPC et des journaux DNS.",
    ),
    e(
        "macie",
        Role::Detection,
        "finds sensitive data (personal data) in S3 buckets.",
        "repère les données sensibles (données personnelles) dans les compartiments S3.",
    ),
    e(
        "inspector",
        Role::Detection,
        "scans EC2 instances, container images and Lambda functions for software vulnerabilities.",
        "analyse les instances EC2, les images de conteneurs et les fonctions Lambda à la recherche de vulnérabilités logicielles.",
    ),
    e(
        "acm",
        Role::Certificates,
        "provisions and renews TLS certificates for load balancers, CloudFront and API Gateway.",
        "fournit et renouvelle les certificats TLS des équilibreurs de charge, de CloudFront et d'API Gateway.",
    ),
    // Storage.
    e(
        "s3",
        Role::Object,
        "object storage in buckets, for any amount of data, designed for eleven nines of durability.",
        "le stockage d'objets dans des compartiments, pour tout volume de données, conçu pour onze neuf de durabilité.",
    ),
    e(
        "s3-glacier",
        Role::Archive,
        "archive storage classes for data kept for months or years and read rarely.",
        "des classes de stockage d'archives pour des données gardées des mois ou des années et rarement lues.",
    ),
    e(
        "ebs",
        Role::Block,
        "block volumes attached to EC2 instances in one Availability Zone.",
        "des volumes en mode bloc attachés à des instances EC2 d'une zone de disponibilité.",
    ),
    e(
        "efs",
        Role::File,
        "a shared NFS file system that many Linux instances in several Availability Zones mount at once.",
        "un système de fichiers NFS partagé que de nombreuses instances Linux de plusieurs zones de disponibilité montent à la fois.",
    ),
    e(
        "fsx",
        Role::File,
        "managed Windows File Server, Lustre, NetApp ONTAP and OpenZFS file systems.",
        "des systèmes de fichiers Windows File Server, Lustre, NetApp ONTAP et OpenZFS managés.",
    ),
    e(
        "backup",
        Role::Backup,
        "central backup plans and vaults for EBS, RDS, DynamoDB, EFS and more.",
        "des plans et coffres de sauvegarde centralisés pour EBS, RDS, DynamoDB, EFS et d'autres.",
    ),
    e(
        "storage-gateway",
        Role::HybridStorage,
        "an on-premises appliance that gives local applications access to storage in AWS (files, volumes, tapes).",
        "une appliance sur site qui donne aux applications locales l'accès au stockage dans AWS (fichiers, volumes, bandes).",
    ),
    // Analytics.
    e(
        "kinesis",
        Role::Stream,
        "services that collect and process real-time data streams.",
        "des services qui collectent et traitent des flux de données en temps réel.",
    ),
    e(
        "kinesis-data-streams",
        Role::Stream,
        "a real-time data stream in shards, replayable and read by several consumers.",
        "un flux de données en temps réel découpé en partitions, rejouable et lu par plusieurs consommateurs.",
    ),
    e(
        "data-firehose",
        Role::Stream,
        "loads streaming data into S3, Redshift, OpenSearch or HTTP endpoints without code.",
        "charge des données en flux dans S3, Redshift, OpenSearch ou des points de terminaison HTTP, sans code.",
    ),
    e(
        "msk",
        Role::Stream,
        "managed Apache Kafka clusters.",
        "des clusters Apache Kafka managés.",
    ),
    e(
        "athena",
        Role::Processing,
        "serverless SQL queries over data in S3.",
        "des requêtes SQL serverless sur les données de S3.",
    ),
    e(
        "redshift",
        Role::Processing,
        "a data warehouse for analytic SQL over large structured data sets.",
        "un entrepôt de données pour le SQL analytique sur de grands volumes structurés.",
    ),
    e(
        "emr",
        Role::Processing,
        "managed Spark, Hadoop, Hive and Presto clusters.",
        "des clusters Spark, Hadoop, Hive et Presto managés.",
    ),
    e(
        "glue",
        Role::Processing,
        "serverless ETL jobs, crawlers and the Data Catalog.",
        "des tâches ETL serverless, des robots d'indexation et le catalogue de données.",
    ),
    e(
        "quicksight",
        Role::Dashboards,
        "business intelligence dashboards.",
        "des tableaux de bord d'informatique décisionnelle.",
    ),
    e(
        "opensearch",
        Role::Search,
        "search and log analytics, with OpenSearch Dashboards.",
        "la recherche et l'analyse de journaux, avec OpenSearch Dashboards.",
    ),
    e(
        "lake-formation",
        Role::Governance,
        "builds a data lake on S3 and manages fine-grained permissions on it.",
        "construit un lac de données sur S3 et en gère les autorisations fines.",
    ),
    // Management and Governance.
    e(
        "cloudwatch",
        Role::Monitoring,
        "metrics, logs, alarms and dashboards.",
        "les métriques, journaux, alarmes et tableaux de bord.",
    ),
    e(
        "cloudtrail",
        Role::Audit,
        "records the API calls made in an account: who did what, and when.",
        "enregistre les appels d'API d'un compte : qui a fait quoi, et quand.",
    ),
    e(
        "config",
        Role::Audit,
        "records resource configurations over time and checks them against rules.",
        "enregistre la configuration des ressources dans le temps et la vérifie selon des règles.",
    ),
    e(
        "cloudformation",
        Role::Iac,
        "creates and updates stacks of resources from templates (infrastructure as code).",
        "crée et met à jour des piles de ressources à partir de modèles (infrastructure as code).",
    ),
    e(
        "organizations",
        Role::Accounts,
        "groups accounts, with consolidated billing and service control policies.",
        "regroupe des comptes, avec une facturation consolidée et des politiques de contrôle des services.",
    ),
    e(
        "control-tower",
        Role::Accounts,
        "sets up and governs a multi-account landing zone.",
        "met en place et gouverne une zone d'atterrissage multicompte.",
    ),
    e(
        "systems-manager",
        Role::Operations,
        "patches, runs commands on and manages fleets of instances (Session Manager, Parameter Store).",
        "corrige, pilote et gère des parcs d'instances (Session Manager, Parameter Store).",
    ),
];
