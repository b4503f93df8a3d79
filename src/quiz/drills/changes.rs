//! For the "which change meets the requirement?" drill: per review rule, the requirement
//! its violation breaks, the change that meets it, and three changes that do not, each with
//! why it misses, in English and French.
//!
//! Only rules whose fix is one clear change are listed (a drawing mistake, such as a
//! regional service drawn inside a subnet, has no requirement to meet). The wrong changes
//! are the classic exam distractors: each one is a real AWS feature that does something
//! else (encryption for exposure, Multi-AZ for disaster recovery, a larger instance for
//! availability), never a change that could also meet the requirement.

/// One option: the change, and why it misses the requirement (empty for the right one).
#[derive(Debug)]
pub struct Change {
    /// The change, English.
    pub en: &'static str,
    /// The change, French.
    pub fr: &'static str,
    /// Why it does not meet the requirement, English.
    pub why_en: &'static str,
    /// The same in French.
    pub why_fr: &'static str,
}

/// The requirement a rule's violation breaks, and the options.
#[derive(Debug)]
pub struct Fix {
    /// The review rule's id.
    pub rule: &'static str,
    /// The requirement, English (a sentence).
    pub need_en: &'static str,
    /// The requirement, French.
    pub need_fr: &'static str,
    /// The change that meets it.
    pub right: Change,
    /// Three that do not.
    pub wrong: [Change; 3],
}

/// The fix of a rule, if the table has one.
#[must_use]
pub fn fix(rule: &str) -> Option<&'static Fix> {
    FIXES.iter().find(|f| f.rule == rule)
}

const fn right(en: &'static str, fr: &'static str) -> Change {
    Change {
        en,
        fr,
        why_en: "",
        why_fr: "",
    }
}

const fn wrong(
    en: &'static str,
    fr: &'static str,
    why_en: &'static str,
    why_fr: &'static str,
) -> Change {
    Change {
        en,
        fr,
        why_en,
        why_fr,
    }
}

/// Every fix, in the review's rule order.
pub static FIXES: &[Fix] = &[
    Fix {
        rule: "db-in-public-subnet",
        need_en: "The database must not be reachable from the internet: only the application tier may connect to it.",
        need_fr: "La base de données ne doit pas être accessible depuis Internet : seul le niveau applicatif peut s’y connecter.",
        right: right(
            "Move the database into private subnets (a DB subnet group of private subnets in two AZs) and allow its port only from the application tier's security group.",
            "Placer la base dans des sous-réseaux privés (un groupe de sous-réseaux de base de données privés dans deux AZ) et n’autoriser son port que depuis le groupe de sécurité du niveau applicatif.",
        ),
        wrong: [
            wrong(
                "Enable encryption at rest with an AWS KMS key.",
                "Activer le chiffrement au repos avec une clé AWS KMS.",
                "Encryption protects the data on disk; the database stays in a subnet routed to the internet.",
                "Le chiffrement protège les données sur disque ; la base reste dans un sous-réseau routé vers Internet.",
            ),
            wrong(
                "Enable Multi-AZ on the database.",
                "Activer Multi-AZ sur la base de données.",
                "A standby in another AZ improves availability, not exposure: both stay in public subnets.",
                "Un standby dans une autre AZ améliore la disponibilité, pas l’exposition : les deux restent dans des sous-réseaux publics.",
            ),
            wrong(
                "Put a CloudFront distribution in front of the database.",
                "Placer une distribution CloudFront devant la base de données.",
                "CloudFront delivers web content; it does not front database connections, and the database would still be reachable directly.",
                "CloudFront diffuse du contenu web ; il ne se place pas devant des connexions de base de données, et la base resterait joignable directement.",
            ),
        ],
    },
    Fix {
        rule: "cache-in-public-subnet",
        need_en: "The cache cluster must only be reachable by the application servers.",
        need_fr: "Le cluster de cache ne doit être joignable que par les serveurs d’application.",
        right: right(
            "Move the cache cluster into private subnets and allow its port only from the application servers' security group.",
            "Placer le cluster de cache dans des sous-réseaux privés et n’autoriser son port que depuis le groupe de sécurité des serveurs d’application.",
        ),
        wrong: [
            wrong(
                "Turn on encryption in transit for the cache.",
                "Activer le chiffrement en transit du cache.",
                "Encryption in transit protects the traffic; it does not take the cluster out of a subnet routed to the internet.",
                "Le chiffrement en transit protège le trafic ; il ne sort pas le cluster d’un sous-réseau routé vers Internet.",
            ),
            wrong(
                "Add replicas to the cache cluster.",
                "Ajouter des réplicas au cluster de cache.",
                "More replicas add read capacity and availability, in the same public subnets.",
                "Davantage de réplicas ajoutent de la capacité de lecture et de la disponibilité, dans les mêmes sous-réseaux publics.",
            ),
            wrong(
                "Replace the cache with a DAX cluster in the same subnets.",
                "Remplacer le cache par un cluster DAX dans les mêmes sous-réseaux.",
                "DAX only caches DynamoDB, and in the same subnets it would be just as exposed.",
                "DAX ne met en cache que DynamoDB, et dans les mêmes sous-réseaux il serait tout aussi exposé.",
            ),
        ],
    },
    Fix {
        rule: "private-subnet-reached-from-internet",
        need_en: "Internet users must reach the application running on the instances of the private subnets, and the instances must stay private.",
        need_fr: "Les internautes doivent atteindre l’application des instances des sous-réseaux privés, et les instances doivent rester privées.",
        right: right(
            "Put an internet-facing load balancer in public subnets in front of the instances.",
            "Placer un équilibreur de charge exposé à Internet dans des sous-réseaux publics, devant les instances.",
        ),
        wrong: [
            wrong(
                "Add a NAT gateway for the private subnets.",
                "Ajouter une passerelle NAT pour les sous-réseaux privés.",
                "A NAT gateway only lets the instances open outbound connections; nothing from the internet reaches them through it.",
                "Une passerelle NAT permet seulement aux instances d’ouvrir des connexions sortantes ; rien ne les atteint depuis Internet par elle.",
            ),
            wrong(
                "Add a gateway endpoint to the private subnets' route tables.",
                "Ajouter un point de terminaison de passerelle aux tables de routage des sous-réseaux privés.",
                "A gateway endpoint reaches S3 or DynamoDB privately; it brings no internet traffic in.",
                "Un point de terminaison de passerelle atteint S3 ou DynamoDB en privé ; il ne fait entrer aucun trafic d’Internet.",
            ),
            wrong(
                "Give the instances public IP addresses in their private subnets.",
                "Donner des adresses IP publiques aux instances dans leurs sous-réseaux privés.",
                "A private subnet has no route to the internet gateway, so public addresses there are unreachable (and a route would make the subnet public).",
                "Un sous-réseau privé n’a pas de route vers la passerelle Internet : des adresses publiques y restent injoignables (et une route rendrait le sous-réseau public).",
            ),
        ],
    },
    Fix {
        rule: "internal-lb-from-internet",
        need_en: "Users on the internet must reach the application through its load balancer.",
        need_fr: "Les internautes doivent atteindre l’application par son équilibreur de charge.",
        right: right(
            "Use an internet-facing load balancer in public subnets (internal load balancers belong between tiers).",
            "Utiliser un équilibreur de charge exposé à Internet, dans des sous-réseaux publics (les équilibreurs internes servent entre les niveaux).",
        ),
        wrong: [
            wrong(
                "Allow 0.0.0.0/0 on port 443 in the internal load balancer's security group.",
                "Autoriser 0.0.0.0/0 sur le port 443 dans le groupe de sécurité de l’équilibreur interne.",
                "An internal load balancer has only private IP addresses: no internet client reaches it, whatever its security group allows.",
                "Un équilibreur interne n’a que des adresses IP privées : aucun client d’Internet ne l’atteint, quoi qu’autorise son groupe de sécurité.",
            ),
            wrong(
                "Add a NAT gateway for the load balancer's subnets.",
                "Ajouter une passerelle NAT pour les sous-réseaux de l’équilibreur de charge.",
                "A NAT gateway carries outbound connections only.",
                "Une passerelle NAT ne porte que des connexions sortantes.",
            ),
            wrong(
                "Add an interface endpoint for Elastic Load Balancing.",
                "Ajouter un point de terminaison d’interface pour Elastic Load Balancing.",
                "That endpoint is for calling the Elastic Load Balancing API privately, not for client traffic.",
                "Ce point de terminaison sert à appeler l’API d’Elastic Load Balancing en privé, pas au trafic des clients.",
            ),
        ],
    },
    Fix {
        rule: "lambda-outside-vpc-to-private-resource",
        need_en: "The Lambda function must query the database that sits in the private subnets.",
        need_fr: "La fonction Lambda doit interroger la base de données des sous-réseaux privés.",
        right: right(
            "Attach the function to the VPC's private subnets, with a security group the database allows.",
            "Attacher la fonction aux sous-réseaux privés du VPC, avec un groupe de sécurité que la base autorise.",
        ),
        wrong: [
            wrong(
                "Grant the function's execution role full RDS permissions.",
                "Accorder au rôle d’exécution de la fonction toutes les autorisations RDS.",
                "IAM permissions do not create a network path to the database.",
                "Des autorisations IAM ne créent pas de chemin réseau jusqu’à la base.",
            ),
            wrong(
                "Add a NAT gateway to the private subnets.",
                "Ajouter une passerelle NAT aux sous-réseaux privés.",
                "A NAT gateway lets the private subnets reach out; it does not let a function outside the VPC in.",
                "Une passerelle NAT permet aux sous-réseaux privés de sortir ; elle ne fait pas entrer une fonction extérieure au VPC.",
            ),
            wrong(
                "Give the function more memory and a longer timeout.",
                "Donner plus de mémoire et un délai d’expiration plus long à la fonction.",
                "Without a network path the connection fails, however long the function waits.",
                "Sans chemin réseau, la connexion échoue, quel que soit le délai accordé à la fonction.",
            ),
        ],
    },
    Fix {
        rule: "nat-gateway-in-private-subnet",
        need_en: "The instances of the private subnets must download software updates from the internet without being reachable from it.",
        need_fr: "Les instances des sous-réseaux privés doivent télécharger des mises à jour sur Internet sans être joignables depuis Internet.",
        right: right(
            "Create the NAT gateway in a public subnet (routed to the internet gateway) and route the private subnets' 0.0.0.0/0 to it.",
            "Créer la passerelle NAT dans un sous-réseau public (routé vers la passerelle Internet) et router le 0.0.0.0/0 des sous-réseaux privés vers elle.",
        ),
        wrong: [
            wrong(
                "Add an S3 gateway endpoint to the private subnets' route tables.",
                "Ajouter un point de terminaison de passerelle S3 aux tables de routage des sous-réseaux privés.",
                "A gateway endpoint reaches S3 (or DynamoDB) only, not the internet.",
                "Un point de terminaison de passerelle n’atteint que S3 (ou DynamoDB), pas Internet.",
            ),
            wrong(
                "Attach an internet gateway to each private subnet.",
                "Attacher une passerelle Internet à chaque sous-réseau privé.",
                "An internet gateway attaches to the VPC (one per VPC), not to subnets; routing the instances to it would need public addresses and expose them.",
                "Une passerelle Internet s’attache au VPC (une par VPC), pas aux sous-réseaux ; y router les instances demanderait des adresses publiques et les exposerait.",
            ),
            wrong(
                "Enable VPC Flow Logs on the private subnets.",
                "Activer les journaux de flux VPC sur les sous-réseaux privés.",
                "Flow logs record traffic; they create no path to the internet.",
                "Les journaux de flux enregistrent le trafic ; ils ne créent aucun chemin vers Internet.",
            ),
        ],
    },
    Fix {
        rule: "no-internet-gateway",
        need_en: "The internet-facing resources of the VPC (its load balancer or its NAT gateway) must exchange traffic with the internet.",
        need_fr: "Les ressources du VPC tournées vers Internet (son équilibreur de charge ou sa passerelle NAT) doivent échanger du trafic avec Internet.",
        right: right(
            "Attach an internet gateway to the VPC and route the public subnets' 0.0.0.0/0 to it.",
            "Attacher une passerelle Internet au VPC et router le 0.0.0.0/0 des sous-réseaux publics vers elle.",
        ),
        wrong: [
            wrong(
                "Add a second NAT gateway in another Availability Zone.",
                "Ajouter une seconde passerelle NAT dans une autre zone de disponibilité.",
                "Without an internet gateway no NAT gateway has a way to the internet.",
                "Sans passerelle Internet, aucune passerelle NAT n’a de chemin vers Internet.",
            ),
            wrong(
                "Attach a virtual private gateway to the VPC.",
                "Attacher une passerelle privée virtuelle au VPC.",
                "A virtual private gateway ends a Site-to-Site VPN or Direct Connect, not internet traffic.",
                "Une passerelle privée virtuelle termine un VPN Site-to-Site ou Direct Connect, pas le trafic Internet.",
            ),
            wrong(
                "Add VPC endpoints for the AWS services the VPC uses.",
                "Ajouter des points de terminaison de VPC pour les services AWS qu’utilise le VPC.",
                "Endpoints reach AWS services privately; they do not connect the VPC to the internet.",
                "Les points de terminaison atteignent les services AWS en privé ; ils ne relient pas le VPC à Internet.",
            ),
        ],
    },
    Fix {
        rule: "private-subnet-no-egress",
        need_en: "The workload of the private subnets must reach the services and sites it calls, without public IP addresses.",
        need_fr: "La charge de travail des sous-réseaux privés doit atteindre les services et sites qu’elle appelle, sans adresses IP publiques.",
        right: right(
            "Route the private subnets through a NAT gateway in a public subnet, and add VPC endpoints for the AWS services they call.",
            "Faire passer les sous-réseaux privés par une passerelle NAT dans un sous-réseau public, et ajouter des points de terminaison de VPC pour les services AWS qu’ils appellent.",
        ),
        wrong: [
            wrong(
                "Add a security group rule that allows all outbound traffic.",
                "Ajouter une règle de groupe de sécurité qui autorise tout le trafic sortant.",
                "Security groups already allow outbound traffic by default; what is missing is a route out of the subnets.",
                "Les groupes de sécurité autorisent déjà le trafic sortant par défaut ; ce qui manque, c’est une route hors des sous-réseaux.",
            ),
            wrong(
                "Add a second private subnet in another Availability Zone.",
                "Ajouter un second sous-réseau privé dans une autre zone de disponibilité.",
                "Another private subnet has no way out either.",
                "Un autre sous-réseau privé n’a pas davantage de sortie.",
            ),
            wrong(
                "Enable VPC Flow Logs on the private subnets.",
                "Activer les journaux de flux VPC sur les sous-réseaux privés.",
                "Flow logs record traffic; they create no path out.",
                "Les journaux de flux enregistrent le trafic ; ils ne créent aucune sortie.",
            ),
        ],
    },
    Fix {
        rule: "lambda-in-public-subnet",
        need_en: "The Lambda function attached to the VPC must reach the internet.",
        need_fr: "La fonction Lambda attachée au VPC doit atteindre Internet.",
        right: right(
            "Attach the function to private subnets whose route table sends internet traffic to a NAT gateway in a public subnet.",
            "Attacher la fonction à des sous-réseaux privés dont la table de routage envoie le trafic Internet vers une passerelle NAT d’un sous-réseau public.",
        ),
        wrong: [
            wrong(
                "Assign a public IP address to the function.",
                "Attribuer une adresse IP publique à la fonction.",
                "Lambda gives VPC functions no public IP address, even in a public subnet.",
                "Lambda ne donne pas d’adresse IP publique aux fonctions de VPC, même dans un sous-réseau public.",
            ),
            wrong(
                "Add an S3 gateway endpoint to the function's subnets.",
                "Ajouter un point de terminaison de passerelle S3 aux sous-réseaux de la fonction.",
                "A gateway endpoint reaches S3 (or DynamoDB) only, not the internet.",
                "Un point de terminaison de passerelle n’atteint que S3 (ou DynamoDB), pas Internet.",
            ),
            wrong(
                "Give the function more memory and a longer timeout.",
                "Donner plus de mémoire et un délai d’expiration plus long à la fonction.",
                "Without a route out, the calls time out however long the function waits.",
                "Sans route de sortie, les appels expirent, quel que soit le délai accordé à la fonction.",
            ),
        ],
    },
    Fix {
        rule: "lb-targets-in-public-subnet",
        need_en: "The web servers must only receive traffic through the load balancer, never directly from the internet, and still download updates.",
        need_fr: "Les serveurs web ne doivent recevoir du trafic que par l’équilibreur de charge, jamais directement d’Internet, et pouvoir télécharger leurs mises à jour.",
        right: right(
            "Move the instances into private subnets (the load balancer stays in the public subnets) and give those subnets a NAT gateway for updates.",
            "Placer les instances dans des sous-réseaux privés (l’équilibreur reste dans les sous-réseaux publics) et donner à ces sous-réseaux une passerelle NAT pour les mises à jour.",
        ),
        wrong: [
            wrong(
                "Put the instances in a cluster placement group.",
                "Placer les instances dans un groupe de placement de cluster.",
                "A placement group changes how instances are placed on hardware, not whether they are exposed.",
                "Un groupe de placement change la disposition des instances sur le matériel, pas leur exposition.",
            ),
            wrong(
                "Replace the Application Load Balancer with a Network Load Balancer.",
                "Remplacer l’Application Load Balancer par un Network Load Balancer.",
                "The instances would still sit in public subnets.",
                "Les instances resteraient dans des sous-réseaux publics.",
            ),
            wrong(
                "Spread the instances over more Availability Zones.",
                "Répartir les instances sur davantage de zones de disponibilité.",
                "More AZs improve availability; the instances stay in public subnets.",
                "Davantage d’AZ améliorent la disponibilité ; les instances restent dans des sous-réseaux publics.",
            ),
        ],
    },
    Fix {
        rule: "ec2-tier-single-az",
        need_en: "The web tier must keep serving if an Availability Zone fails.",
        need_fr: "Le niveau web doit continuer à servir si une zone de disponibilité tombe.",
        right: right(
            "Spread the instances over at least two AZs with an Auto Scaling group whose subnets are in two or more AZs, all enabled on the load balancer.",
            "Répartir les instances sur au moins deux AZ avec un groupe Auto Scaling dont les sous-réseaux sont dans deux AZ ou plus, toutes activées sur l’équilibreur.",
        ),
        wrong: [
            wrong(
                "Use a larger instance type.",
                "Utiliser un type d’instance plus grand.",
                "A larger instance fails with its AZ like a small one.",
                "Une grande instance tombe avec son AZ comme une petite.",
            ),
            wrong(
                "Add instances to the same subnet.",
                "Ajouter des instances dans le même sous-réseau.",
                "A subnet lies in one AZ: the new instances fail with the others.",
                "Un sous-réseau est dans une seule AZ : les nouvelles instances tombent avec les autres.",
            ),
            wrong(
                "Put the instances in a cluster placement group.",
                "Placer les instances dans un groupe de placement de cluster.",
                "A cluster placement group packs instances into a single AZ.",
                "Un groupe de placement de cluster regroupe les instances dans une seule AZ.",
            ),
        ],
    },
    Fix {
        rule: "asg-single-az",
        need_en: "The Auto Scaling group must keep the application running if an Availability Zone fails.",
        need_fr: "Le groupe Auto Scaling doit maintenir l’application en service si une zone de disponibilité tombe.",
        right: right(
            "Give the Auto Scaling group subnets in at least two Availability Zones.",
            "Donner au groupe Auto Scaling des sous-réseaux dans au moins deux zones de disponibilité.",
        ),
        wrong: [
            wrong(
                "Raise the group's maximum capacity.",
                "Augmenter la capacité maximale du groupe.",
                "More instances in the same AZ fail together.",
                "Davantage d’instances dans la même AZ tombent ensemble.",
            ),
            wrong(
                "Use a target tracking scaling policy.",
                "Utiliser une politique de mise à l’échelle avec suivi de cible.",
                "A scaling policy decides how many instances run, not where.",
                "Une politique de mise à l’échelle décide du nombre d’instances, pas de leur emplacement.",
            ),
            wrong(
                "Enable detailed monitoring on the instances.",
                "Activer la surveillance détaillée des instances.",
                "One-minute metrics change what is measured, not where the instances run.",
                "Des métriques à la minute changent ce qui est mesuré, pas l’endroit où tournent les instances.",
            ),
        ],
    },
    Fix {
        rule: "rds-single-az",
        need_en: "The database must stay available, without losing committed writes, if its Availability Zone fails.",
        need_fr: "La base de données doit rester disponible, sans perdre d’écritures validées, si sa zone de disponibilité tombe.",
        right: right(
            "Convert it to a Multi-AZ deployment: a synchronous standby in another AZ, with automatic failover.",
            "La convertir en déploiement Multi-AZ : un standby synchrone dans une autre AZ, avec basculement automatique.",
        ),
        wrong: [
            wrong(
                "Add a read replica in the same Availability Zone.",
                "Ajouter un réplica en lecture dans la même zone de disponibilité.",
                "A replica in the same AZ fails with it, and its asynchronous replication can lose the latest writes.",
                "Un réplica dans la même AZ tombe avec elle, et sa réplication asynchrone peut perdre les dernières écritures.",
            ),
            wrong(
                "Take a manual snapshot every hour.",
                "Prendre un instantané manuel toutes les heures.",
                "Restoring a snapshot takes time and loses the writes made since it was taken.",
                "Restaurer un instantané prend du temps et perd les écritures faites depuis.",
            ),
            wrong(
                "Move the database to a larger instance class.",
                "Passer la base à une classe d’instance plus grande.",
                "A larger instance is still one instance in one AZ.",
                "Une instance plus grande reste une seule instance dans une seule AZ.",
            ),
        ],
    },
    Fix {
        rule: "standby-same-az",
        need_en: "The database must survive the loss of its primary's Availability Zone.",
        need_fr: "La base de données doit survivre à la perte de la zone de disponibilité de son instance principale.",
        right: right(
            "Keep the standby in a different Availability Zone from the primary, as RDS Multi-AZ does.",
            "Garder le standby dans une autre zone de disponibilité que l’instance principale, comme le fait RDS Multi-AZ.",
        ),
        wrong: [
            wrong(
                "Add a second standby in the primary's subnet.",
                "Ajouter un second standby dans le sous-réseau de l’instance principale.",
                "A subnet lies in one AZ: both standbys would fail with the primary.",
                "Un sous-réseau est dans une seule AZ : les deux standbys tomberaient avec l’instance principale.",
            ),
            wrong(
                "Enable automated backups with a 35-day retention.",
                "Activer les sauvegardes automatiques avec une rétention de 35 jours.",
                "Backups restore the data later; they keep nothing running when the AZ fails.",
                "Les sauvegardes restaurent les données plus tard ; elles ne maintiennent rien en service quand l’AZ tombe.",
            ),
            wrong(
                "Put an RDS Proxy in front of the database.",
                "Placer un RDS Proxy devant la base de données.",
                "RDS Proxy pools connections and speeds up failovers, but cannot fail over to a standby that is down too.",
                "RDS Proxy mutualise les connexions et accélère les basculements, mais ne peut basculer vers un standby tombé lui aussi.",
            ),
        ],
    },
    Fix {
        rule: "ebs-across-az",
        need_en: "Web servers in two Availability Zones must share the same files.",
        need_fr: "Des serveurs web de deux zones de disponibilité doivent partager les mêmes fichiers.",
        right: right(
            "Store the files on an Amazon EFS file system that the instances of every AZ mount.",
            "Stocker les fichiers sur un système de fichiers Amazon EFS que montent les instances de chaque AZ.",
        ),
        wrong: [
            wrong(
                "Enable EBS Multi-Attach on the volume.",
                "Activer EBS Multi-Attach sur le volume.",
                "Multi-Attach (io1 and io2 volumes only) works for instances in the volume's own AZ.",
                "Multi-Attach (volumes io1 et io2 seulement) ne fonctionne que pour les instances de l’AZ du volume.",
            ),
            wrong(
                "Copy the volume to the other AZ from a snapshot every hour.",
                "Copier le volume dans l’autre AZ à partir d’un instantané toutes les heures.",
                "The copies diverge: the instances would not share the same files.",
                "Les copies divergent : les instances ne partageraient pas les mêmes fichiers.",
            ),
            wrong(
                "Use a larger gp3 volume with more IOPS.",
                "Utiliser un volume gp3 plus grand avec plus d’IOPS.",
                "Size and IOPS do not let a volume leave its AZ.",
                "La taille et les IOPS ne font pas sortir un volume de son AZ.",
            ),
        ],
    },
    Fix {
        rule: "nat-gateway-single-az",
        need_en: "The instances of every private subnet must keep their outbound internet access if one Availability Zone fails.",
        need_fr: "Les instances de chaque sous-réseau privé doivent garder leur accès sortant à Internet si une zone de disponibilité tombe.",
        right: right(
            "Create a NAT gateway in a public subnet of each AZ and route each private subnet to the one in its own AZ.",
            "Créer une passerelle NAT dans un sous-réseau public de chaque AZ et router chaque sous-réseau privé vers celle de son AZ.",
        ),
        wrong: [
            wrong(
                "Attach a second internet gateway to the VPC.",
                "Attacher une seconde passerelle Internet au VPC.",
                "A VPC has one internet gateway, already redundant; the single point of failure is the NAT gateway's AZ.",
                "Un VPC n’a qu’une passerelle Internet, déjà redondante ; le point de défaillance unique est l’AZ de la passerelle NAT.",
            ),
            wrong(
                "Give the NAT gateway more bandwidth.",
                "Donner plus de bande passante à la passerelle NAT.",
                "A NAT gateway scales by itself; its AZ remains a single point of failure.",
                "Une passerelle NAT s’adapte d’elle-même ; son AZ reste un point de défaillance unique.",
            ),
            wrong(
                "Add an S3 gateway endpoint.",
                "Ajouter un point de terminaison de passerelle S3.",
                "Only the traffic to S3 would avoid the NAT gateway; the rest still depends on one AZ.",
                "Seul le trafic vers S3 éviterait la passerelle NAT ; le reste dépend toujours d’une seule AZ.",
            ),
        ],
    },
    Fix {
        rule: "ec2-fleet-without-lb",
        need_en: "Requests must be spread over the instances, and never sent to an unhealthy or terminated one.",
        need_fr: "Les requêtes doivent être réparties entre les instances, sans jamais aller à une instance défaillante ou terminée.",
        right: right(
            "Put an Application Load Balancer in front of the instances, with the instances (or their Auto Scaling group) as its targets.",
            "Placer un Application Load Balancer devant les instances, avec les instances (ou leur groupe Auto Scaling) pour cibles.",
        ),
        wrong: [
            wrong(
                "Point a Route 53 simple routing record at the instances' IP addresses.",
                "Pointer un enregistrement Route 53 de routage simple vers les adresses IP des instances.",
                "Simple routing has no health checks, and the addresses change as instances are replaced.",
                "Le routage simple n’a pas de contrôle de santé, et les adresses changent quand les instances sont remplacées.",
            ),
            wrong(
                "Give each instance an Elastic IP address.",
                "Donner une adresse IP Elastic à chaque instance.",
                "Fixed addresses neither spread the load nor skip unhealthy instances.",
                "Des adresses fixes ne répartissent pas la charge et n’évitent pas les instances défaillantes.",
            ),
            wrong(
                "Use larger instances.",
                "Utiliser des instances plus grandes.",
                "Bigger instances do not spread requests or route around failures.",
                "Des instances plus grandes ne répartissent pas les requêtes et ne contournent pas les pannes.",
            ),
        ],
    },
    Fix {
        rule: "single-region-dr",
        need_en: "The workload must recover in another AWS Region if its Region fails.",
        need_fr: "La charge de travail doit reprendre dans une autre Région AWS si sa Région tombe.",
        right: right(
            "Copy the data to a second Region and keep what is needed to run the workload there (backup and restore, pilot light or warm standby).",
            "Copier les données dans une seconde Région et y garder de quoi faire tourner la charge (sauvegarde et restauration, veilleuse ou veille active).",
        ),
        wrong: [
            wrong(
                "Enable Multi-AZ on the database.",
                "Activer Multi-AZ sur la base de données.",
                "Multi-AZ stays within one Region.",
                "Multi-AZ reste dans une seule Région.",
            ),
            wrong(
                "Spread the instances over a third Availability Zone.",
                "Répartir les instances sur une troisième zone de disponibilité.",
                "All Availability Zones of a Region belong to that Region.",
                "Toutes les zones de disponibilité d’une Région appartiennent à cette Région.",
            ),
            wrong(
                "Take snapshots more often, in the same Region.",
                "Prendre des instantanés plus souvent, dans la même Région.",
                "Snapshots kept only in the failed Region cannot be restored elsewhere.",
                "Des instantanés gardés dans la seule Région en panne ne peuvent pas être restaurés ailleurs.",
            ),
        ],
    },
    Fix {
        rule: "multi-region-without-failover-routing",
        need_en: "Users must be sent to the healthy Region automatically when one Region fails.",
        need_fr: "Les utilisateurs doivent être envoyés automatiquement vers la Région saine quand une Région tombe.",
        right: right(
            "Put Route 53 failover records with health checks, or AWS Global Accelerator, in front of both Regions.",
            "Placer des enregistrements de basculement Route 53 avec contrôles de santé, ou AWS Global Accelerator, devant les deux Régions.",
        ),
        wrong: [
            wrong(
                "Enable Multi-AZ in each Region.",
                "Activer Multi-AZ dans chaque Région.",
                "Multi-AZ protects inside a Region; it does not move users to another one.",
                "Multi-AZ protège à l’intérieur d’une Région ; il n’envoie pas les utilisateurs vers une autre.",
            ),
            wrong(
                "Raise the TTL of the application's DNS record.",
                "Augmenter le TTL de l’enregistrement DNS de l’application.",
                "A longer TTL keeps clients on the failed address longer.",
                "Un TTL plus long garde les clients plus longtemps sur l’adresse en panne.",
            ),
            wrong(
                "Add read replicas of the database in the second Region.",
                "Ajouter des réplicas en lecture de la base dans la seconde Région.",
                "Data in the second Region does not send users there.",
                "Des données dans la seconde Région n’y envoient pas les utilisateurs.",
            ),
        ],
    },
    Fix {
        rule: "direct-connect-single",
        need_en: "The connection to the data centre must survive the failure of the Direct Connect link, at low cost.",
        need_fr: "La connexion au centre de données doit survivre à la panne du lien Direct Connect, à faible coût.",
        right: right(
            "Add a Site-to-Site VPN over the internet as a backup path.",
            "Ajouter un VPN Site-to-Site sur Internet comme chemin de secours.",
        ),
        wrong: [
            wrong(
                "Increase the Direct Connect port speed.",
                "Augmenter le débit du port Direct Connect.",
                "A faster link is still a single link.",
                "Un lien plus rapide reste un lien unique.",
            ),
            wrong(
                "Add a second virtual interface on the same connection.",
                "Ajouter une seconde interface virtuelle sur la même connexion.",
                "Both virtual interfaces share the same physical link.",
                "Les deux interfaces virtuelles partagent le même lien physique.",
            ),
            wrong(
                "Create a VPC peering connection.",
                "Créer une connexion d’appairage de VPC.",
                "Peering connects VPCs, not a data centre.",
                "L’appairage relie des VPC, pas un centre de données.",
            ),
        ],
    },
    Fix {
        rule: "static-site-without-cloudfront",
        need_en: "The static website must be served over HTTPS with low latency worldwide, and the bucket must stay private.",
        need_fr: "Le site statique doit être servi en HTTPS avec une faible latence partout dans le monde, et le compartiment doit rester privé.",
        right: right(
            "Put a CloudFront distribution in front of the bucket, with an ACM certificate and origin access control.",
            "Placer une distribution CloudFront devant le compartiment, avec un certificat ACM et un contrôle d’accès d’origine.",
        ),
        wrong: [
            wrong(
                "Enable S3 Transfer Acceleration on the bucket.",
                "Activer S3 Transfer Acceleration sur le compartiment.",
                "Transfer Acceleration speeds up transfers to the bucket's endpoint; it caches nothing and the website stays public.",
                "Transfer Acceleration accélère les transferts vers le point de terminaison du compartiment ; il ne met rien en cache et le site reste public.",
            ),
            wrong(
                "Replicate the bucket to a second Region.",
                "Répliquer le compartiment dans une seconde Région.",
                "Two Regions are still far from most users, and website endpoints serve HTTP only from a public bucket.",
                "Deux Régions restent loin de la plupart des utilisateurs, et les points de terminaison de site ne servent qu’en HTTP depuis un compartiment public.",
            ),
            wrong(
                "Move the objects to S3 Standard-IA.",
                "Passer les objets en S3 Standard-IA.",
                "A storage class changes the cost, not how the site is delivered.",
                "Une classe de stockage change le coût, pas la façon dont le site est servi.",
            ),
        ],
    },
    Fix {
        rule: "standby-serves-reads",
        need_en: "The read queries must be taken off the primary database instance.",
        need_fr: "Les requêtes de lecture doivent être retirées de l’instance principale de la base.",
        right: right(
            "Add read replicas and send the read queries to them.",
            "Ajouter des réplicas en lecture et leur envoyer les requêtes de lecture.",
        ),
        wrong: [
            wrong(
                "Keep sending the reads to the Multi-AZ standby.",
                "Continuer d’envoyer les lectures au standby Multi-AZ.",
                "The standby of a Multi-AZ DB instance serves no traffic until a failover.",
                "Le standby d’une instance Multi-AZ ne sert aucun trafic avant un basculement.",
            ),
            wrong(
                "Enable automated backups.",
                "Activer les sauvegardes automatiques.",
                "Backups take no query off the primary.",
                "Les sauvegardes ne retirent aucune requête de l’instance principale.",
            ),
            wrong(
                "Enable encryption at rest.",
                "Activer le chiffrement au repos.",
                "Encryption protects the data; it adds no read capacity.",
                "Le chiffrement protège les données ; il n’ajoute pas de capacité de lecture.",
            ),
        ],
    },
    Fix {
        rule: "s3-dynamodb-via-nat",
        need_en: "The NAT gateway charges for the private subnets' traffic to S3 and DynamoDB must go, and that traffic must stay private.",
        need_fr: "Les frais de passerelle NAT du trafic des sous-réseaux privés vers S3 et DynamoDB doivent disparaître, et ce trafic doit rester privé.",
        right: right(
            "Add gateway endpoints for S3 and DynamoDB to the private subnets' route tables.",
            "Ajouter des points de terminaison de passerelle pour S3 et DynamoDB aux tables de routage des sous-réseaux privés.",
        ),
        wrong: [
            wrong(
                "Add a NAT gateway in each Availability Zone.",
                "Ajouter une passerelle NAT dans chaque zone de disponibilité.",
                "More NAT gateways process the same traffic, and cost more.",
                "Davantage de passerelles NAT traitent le même trafic, et coûtent plus.",
            ),
            wrong(
                "Enable S3 Transfer Acceleration.",
                "Activer S3 Transfer Acceleration.",
                "Transfer Acceleration goes through edge locations, costs extra, and the traffic still leaves through the NAT gateway.",
                "Transfer Acceleration passe par les emplacements périphériques, coûte en plus, et le trafic sort toujours par la passerelle NAT.",
            ),
            wrong(
                "Put CloudFront in front of the bucket.",
                "Placer CloudFront devant le compartiment.",
                "The private subnets would reach CloudFront through the NAT gateway too.",
                "Les sous-réseaux privés atteindraient CloudFront par la passerelle NAT, eux aussi.",
            ),
        ],
    },
];
