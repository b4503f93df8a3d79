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
            "Move the database to private subnets, open only to the app tier's security group.",
            "Déplacer la base dans des sous-réseaux privés, ouverte au seul groupe de sécurité applicatif.",
        ),
        wrong: [
            wrong(
                "Enable encryption at rest with a customer managed AWS KMS key on the database.",
                "Activer le chiffrement au repos de la base avec une clé AWS KMS gérée par le client.",
                "Encryption protects the data on disk; the database stays in a subnet routed to the internet.",
                "Le chiffrement protège les données sur disque ; la base reste dans un sous-réseau routé vers Internet.",
            ),
            wrong(
                "Convert the database to a Multi-AZ deployment with a standby in a second AZ.",
                "Convertir la base en déploiement Multi-AZ, avec un standby dans une seconde AZ.",
                "A standby in another AZ improves availability, not exposure: both stay in public subnets.",
                "Un standby dans une autre AZ améliore la disponibilité, pas l’exposition : les deux restent dans des sous-réseaux publics.",
            ),
            wrong(
                "Put a CloudFront distribution with AWS WAF in front of the database endpoint.",
                "Placer une distribution CloudFront avec AWS WAF devant le point de terminaison de la base.",
                "CloudFront and WAF front web traffic, not database connections; the database would still be reachable directly.",
                "CloudFront et WAF protègent le trafic web, pas les connexions à une base ; la base resterait joignable directement.",
            ),
        ],
    },
    Fix {
        rule: "cache-in-public-subnet",
        need_en: "The cache cluster must only be reachable by the application servers.",
        need_fr: "Le cluster de cache ne doit être joignable que par les serveurs d’application.",
        right: right(
            "Move the cache to private subnets, reachable only from the app servers.",
            "Déplacer le cache dans des sous-réseaux privés, joignable des seuls serveurs d’application.",
        ),
        wrong: [
            wrong(
                "Turn on encryption in transit and at rest for the cache cluster, with an AUTH token.",
                "Activer le chiffrement en transit et au repos du cluster de cache, avec un jeton AUTH.",
                "Encryption and a token protect the traffic and the connections; the cluster stays in a subnet routed to the internet.",
                "Le chiffrement et un jeton protègent le trafic et les connexions ; le cluster reste dans un sous-réseau routé vers Internet.",
            ),
            wrong(
                "Add two read replicas to the cache cluster, in another Availability Zone.",
                "Ajouter deux réplicas en lecture au cluster de cache, dans une autre zone de disponibilité.",
                "More replicas add read capacity and availability, in the same kind of public subnets.",
                "Davantage de réplicas ajoutent de la capacité de lecture et de la disponibilité, dans le même genre de sous-réseaux publics.",
            ),
            wrong(
                "Replace the cache with a DAX cluster placed in the same public subnets.",
                "Remplacer le cache par un cluster DAX placé dans les mêmes sous-réseaux publics.",
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
            "Put an internet-facing load balancer, in public subnets, in front of them.",
            "Placer devant elles un équilibreur exposé à Internet, dans des sous-réseaux publics.",
        ),
        wrong: [
            wrong(
                "Add a NAT gateway in a public subnet and route the private subnets to it.",
                "Ajouter une passerelle NAT dans un sous-réseau public et y router les sous-réseaux privés.",
                "A NAT gateway only lets the instances open outbound connections; nothing from the internet reaches them through it.",
                "Une passerelle NAT permet seulement aux instances d’ouvrir des connexions sortantes ; rien ne les atteint depuis Internet par elle.",
            ),
            wrong(
                "Add a gateway endpoint to the route tables of the private subnets.",
                "Ajouter un point de terminaison de passerelle aux tables de routage des sous-réseaux privés.",
                "A gateway endpoint reaches S3 or DynamoDB privately; it brings no internet traffic in.",
                "Un point de terminaison de passerelle atteint S3 ou DynamoDB en privé ; il ne fait entrer aucun trafic d’Internet.",
            ),
            wrong(
                "Give the instances public IP addresses and keep them in their private subnets.",
                "Donner des adresses IP publiques aux instances en les gardant dans leurs sous-réseaux privés.",
                "A private subnet has no route to the internet gateway, so public addresses there are unreachable (and such a route would make the subnet public).",
                "Un sous-réseau privé n’a pas de route vers la passerelle Internet : des adresses publiques y restent injoignables (et une telle route rendrait le sous-réseau public).",
            ),
        ],
    },
    Fix {
        rule: "internal-lb-from-internet",
        need_en: "Users on the internet must reach the application through its load balancer.",
        need_fr: "Les internautes doivent atteindre l’application par son équilibreur de charge.",
        right: right(
            "Use an internet-facing load balancer, in public subnets, instead.",
            "Utiliser plutôt un équilibreur exposé à Internet, dans des sous-réseaux publics.",
        ),
        wrong: [
            wrong(
                "Allow 0.0.0.0/0 on port 443 in the internal load balancer's security group.",
                "Autoriser 0.0.0.0/0 sur le port 443 dans le groupe de sécurité de l’équilibreur interne.",
                "An internal load balancer has only private IP addresses: no internet client reaches it, whatever its security group allows.",
                "Un équilibreur interne n’a que des adresses IP privées : aucun client d’Internet ne l’atteint, quoi qu’autorise son groupe de sécurité.",
            ),
            wrong(
                "Add a NAT gateway to the public subnets and route the load balancer through it.",
                "Ajouter une passerelle NAT aux sous-réseaux publics et y faire passer l’équilibreur de charge.",
                "A NAT gateway carries outbound connections only.",
                "Une passerelle NAT ne porte que des connexions sortantes.",
            ),
            wrong(
                "Add an interface VPC endpoint for Elastic Load Balancing in each subnet.",
                "Ajouter un point de terminaison d’interface pour Elastic Load Balancing dans chaque sous-réseau.",
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
            "Attach the function to private subnets, with a security group the DB allows.",
            "Attacher la fonction à des sous-réseaux privés, avec un groupe admis par la base.",
        ),
        wrong: [
            wrong(
                "Grant the function's execution role the rds-db:connect and rds:* permissions.",
                "Accorder au rôle d’exécution de la fonction les autorisations rds-db:connect et rds:*.",
                "IAM permissions do not create a network path to the database.",
                "Des autorisations IAM ne créent pas de chemin réseau jusqu’à la base.",
            ),
            wrong(
                "Add a NAT gateway so that the private subnets can reach the function.",
                "Ajouter une passerelle NAT pour que les sous-réseaux privés atteignent la fonction.",
                "A NAT gateway lets the private subnets reach out; it does not let a function outside the VPC in.",
                "Une passerelle NAT permet aux sous-réseaux privés de sortir ; elle ne fait pas entrer une fonction extérieure au VPC.",
            ),
            wrong(
                "Give the function 10 GB of memory and the maximum 15-minute timeout.",
                "Donner 10 Go de mémoire à la fonction et le délai maximal de 15 minutes.",
                "Without a network path the connection fails, however long the function may wait.",
                "Sans chemin réseau, la connexion échoue, quel que soit le délai accordé à la fonction.",
            ),
        ],
    },
    Fix {
        rule: "nat-gateway-in-private-subnet",
        need_en: "The instances of the private subnets must download software updates from the internet without being reachable from it.",
        need_fr: "Les instances des sous-réseaux privés doivent télécharger des mises à jour sur Internet sans être joignables depuis Internet.",
        right: right(
            "Move the NAT gateway to a public subnet and route the private subnets to it.",
            "Déplacer la passerelle NAT dans un sous-réseau public et y router les sous-réseaux privés.",
        ),
        wrong: [
            wrong(
                "Add an S3 gateway endpoint to the route tables of the private subnets.",
                "Ajouter un point de terminaison de passerelle S3 aux tables de routage des sous-réseaux privés.",
                "A gateway endpoint reaches S3 (or DynamoDB) only, not the internet.",
                "Un point de terminaison de passerelle n’atteint que S3 (ou DynamoDB), pas Internet.",
            ),
            wrong(
                "Add a route to the internet gateway in the private subnets' route tables.",
                "Ajouter une route vers la passerelle Internet dans les tables de routage des sous-réseaux privés.",
                "Without public addresses the instances cannot use an internet gateway, and the route would make the subnets public.",
                "Sans adresse publique, les instances ne peuvent pas utiliser une passerelle Internet, et la route rendrait les sous-réseaux publics.",
            ),
            wrong(
                "Enable VPC Flow Logs on the private subnets and on the NAT gateway's interface.",
                "Activer les journaux de flux VPC sur les sous-réseaux privés et leur passerelle NAT.",
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
            "Attach an internet gateway to the VPC and route the public subnets to it.",
            "Attacher une passerelle Internet au VPC et y router les sous-réseaux publics.",
        ),
        wrong: [
            wrong(
                "Add a second NAT gateway in another Availability Zone of the VPC.",
                "Ajouter une seconde passerelle NAT dans une autre zone de disponibilité du VPC.",
                "Without an internet gateway no NAT gateway has a way to the internet.",
                "Sans passerelle Internet, aucune passerelle NAT n’a de chemin vers Internet.",
            ),
            wrong(
                "Attach a virtual private gateway to the VPC and route the public subnets to it.",
                "Attacher une passerelle privée virtuelle au VPC et y router les sous-réseaux publics.",
                "A virtual private gateway ends a Site-to-Site VPN or Direct Connect, not internet traffic.",
                "Une passerelle privée virtuelle termine un VPN Site-to-Site ou Direct Connect, pas le trafic Internet.",
            ),
            wrong(
                "Add interface endpoints for the AWS services the workload calls.",
                "Ajouter des points de terminaison d’interface pour les services AWS appelés.",
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
            "Add a NAT gateway in a public subnet, and VPC endpoints for AWS services.",
            "Ajouter une passerelle NAT dans un sous-réseau public et des points de terminaison de VPC pour les services AWS.",
        ),
        wrong: [
            wrong(
                "Add a security group rule that allows all outbound traffic to 0.0.0.0/0 on every port.",
                "Ajouter une règle de groupe de sécurité qui autorise tout le trafic sortant vers 0.0.0.0/0.",
                "Security groups already allow outbound traffic by default; what is missing is a route out of the subnets.",
                "Les groupes de sécurité autorisent déjà le trafic sortant par défaut ; ce qui manque, c’est une route hors des sous-réseaux.",
            ),
            wrong(
                "Add a second private subnet, in another AZ, to the same route table.",
                "Ajouter un second sous-réseau privé, dans une autre AZ, à la même table de routage.",
                "Another private subnet has no way out either.",
                "Un autre sous-réseau privé n’a pas davantage de sortie.",
            ),
            wrong(
                "Enable VPC Flow Logs on the private subnets and DNS hostnames on the VPC.",
                "Activer les journaux de flux VPC des sous-réseaux privés et les noms d’hôte DNS du VPC.",
                "Logs and DNS settings create no route out.",
                "Des journaux et des réglages DNS ne créent aucune route de sortie.",
            ),
        ],
    },
    Fix {
        rule: "lambda-in-public-subnet",
        need_en: "The Lambda function attached to the VPC must reach the internet.",
        need_fr: "La fonction Lambda attachée au VPC doit atteindre Internet.",
        right: right(
            "Attach the function to private subnets that route to a NAT gateway.",
            "Attacher la fonction à des sous-réseaux privés routés vers une passerelle NAT.",
        ),
        wrong: [
            wrong(
                "Turn on the public subnet's auto-assign public IPv4 address setting.",
                "Activer l’attribution automatique d’adresses IPv4 publiques du sous-réseau public.",
                "Lambda gives VPC functions no public IP address, whatever the subnet's setting.",
                "Lambda ne donne pas d’adresse IP publique aux fonctions de VPC, quel que soit le réglage du sous-réseau.",
            ),
            wrong(
                "Add an S3 gateway endpoint to the route table of the function's subnets.",
                "Ajouter un point de terminaison de passerelle S3 à la table de routage des sous-réseaux de la fonction.",
                "A gateway endpoint reaches S3 (or DynamoDB) only, not the internet.",
                "Un point de terminaison de passerelle n’atteint que S3 (ou DynamoDB), pas Internet.",
            ),
            wrong(
                "Raise the function's memory to 10 GB and its timeout to 15 minutes.",
                "Porter la mémoire de la fonction à 10 Go et son délai d’expiration à 15 minutes.",
                "Without a route out, the calls time out however long the function may wait.",
                "Sans route de sortie, les appels expirent, quel que soit le délai accordé à la fonction.",
            ),
        ],
    },
    Fix {
        rule: "lb-targets-in-public-subnet",
        need_en: "The web servers must only receive traffic through the load balancer, never directly from the internet, and still download updates.",
        need_fr: "Les serveurs web ne doivent recevoir du trafic que par l’équilibreur de charge, jamais directement d’Internet, et pouvoir télécharger leurs mises à jour.",
        right: right(
            "Move the instances to private subnets, with a NAT gateway for updates.",
            "Placer les instances dans des sous-réseaux privés, avec une passerelle NAT.",
        ),
        wrong: [
            wrong(
                "Put the instances in a cluster placement group behind the load balancer.",
                "Placer les instances dans un groupe de placement de cluster derrière l’équilibreur.",
                "A placement group changes how instances are placed on hardware, not whether they are exposed.",
                "Un groupe de placement change la disposition des instances sur le matériel, pas leur exposition.",
            ),
            wrong(
                "Replace the Application Load Balancer with a Network Load Balancer.",
                "Remplacer l’Application Load Balancer par un Network Load Balancer à adresses fixes.",
                "The instances would still sit in public subnets.",
                "Les instances resteraient dans des sous-réseaux publics.",
            ),
            wrong(
                "Spread the instances over the public subnet of a third Availability Zone.",
                "Répartir les instances sur le sous-réseau public d’une troisième zone de disponibilité.",
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
            "Run the tier in an Auto Scaling group with subnets in at least two AZs.",
            "Utiliser un groupe Auto Scaling dont les sous-réseaux couvrent au moins deux AZ.",
        ),
        wrong: [
            wrong(
                "Move the instances to a larger instance type with more vCPUs and memory.",
                "Passer les instances à un type plus grand, avec plus de vCPU et de mémoire.",
                "A larger instance fails with its AZ like a small one.",
                "Une grande instance tombe avec son AZ comme une petite.",
            ),
            wrong(
                "Add more instances to the same subnet behind the load balancer.",
                "Ajouter des instances dans le même sous-réseau, derrière l’équilibreur de charge.",
                "A subnet lies in one AZ: the new instances fail with the others.",
                "Un sous-réseau est dans une seule AZ : les nouvelles instances tombent avec les autres.",
            ),
            wrong(
                "Put the instances in a cluster placement group for lower latency.",
                "Placer les instances dans un groupe de placement de cluster pour réduire la latence.",
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
            "Donner au groupe Auto Scaling des sous-réseaux dans au moins deux AZ.",
        ),
        wrong: [
            wrong(
                "Raise the Auto Scaling group's maximum and desired capacity.",
                "Augmenter la capacité maximale et souhaitée du groupe Auto Scaling.",
                "More instances in the same AZ fail together.",
                "Davantage d’instances dans la même AZ tombent ensemble.",
            ),
            wrong(
                "Add a target tracking scaling policy on the group's average CPU utilization.",
                "Ajouter une politique de suivi de cible sur l’utilisation moyenne du CPU.",
                "A scaling policy decides how many instances run, not where.",
                "Une politique de mise à l’échelle décide du nombre d’instances, pas de leur emplacement.",
            ),
            wrong(
                "Enable detailed monitoring and ELB health checks on the group.",
                "Activer la surveillance détaillée et les contrôles de santé ELB du groupe.",
                "Health checks replace failed instances, in the same single AZ.",
                "Les contrôles de santé remplacent les instances défaillantes, dans la même AZ unique.",
            ),
        ],
    },
    Fix {
        rule: "rds-single-az",
        need_en: "The database must stay available, without losing committed writes, if its Availability Zone fails.",
        need_fr: "La base de données doit rester disponible, sans perdre d’écritures validées, si sa zone de disponibilité tombe.",
        right: right(
            "Convert the DB instance to a Multi-AZ deployment with a synchronous standby.",
            "Convertir l’instance en déploiement Multi-AZ, avec un standby synchrone dans une autre AZ.",
        ),
        wrong: [
            wrong(
                "Add a read replica of the database in the same Availability Zone.",
                "Ajouter un réplica en lecture de la base dans la même zone de disponibilité.",
                "A replica in the same AZ fails with it, and its asynchronous replication can lose the latest writes.",
                "Un réplica dans la même AZ tombe avec elle, et sa réplication asynchrone peut perdre les dernières écritures.",
            ),
            wrong(
                "Take a manual DB snapshot every hour and keep it for 35 days.",
                "Prendre un instantané manuel toutes les heures et le garder 35 jours.",
                "Restoring a snapshot takes time and loses the writes made since it was taken.",
                "Restaurer un instantané prend du temps et perd les écritures faites depuis.",
            ),
            wrong(
                "Move the database to a larger instance class with Provisioned IOPS.",
                "Passer la base à une classe d’instance plus grande avec des IOPS provisionnées.",
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
            "Place the standby in a different Availability Zone from the primary.",
            "Placer le standby dans une autre AZ que l’instance principale.",
        ),
        wrong: [
            wrong(
                "Add a second standby in the primary's own subnet for extra redundancy.",
                "Ajouter un second standby dans le sous-réseau de l’instance principale.",
                "A subnet lies in one AZ: both standbys would fail with the primary.",
                "Un sous-réseau est dans une seule AZ : les deux standbys tomberaient avec l’instance principale.",
            ),
            wrong(
                "Enable automated backups with a 35-day retention period.",
                "Activer les sauvegardes automatiques avec une rétention de 35 jours.",
                "Backups restore the data later; they keep nothing running when the AZ fails.",
                "Les sauvegardes restaurent les données plus tard ; elles ne maintiennent rien en service quand l’AZ tombe.",
            ),
            wrong(
                "Put an RDS Proxy in front of the database to speed up failovers.",
                "Placer un RDS Proxy devant la base pour accélérer les basculements.",
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
            "Put the shared files on an Amazon EFS file system mounted in each AZ.",
            "Mettre les fichiers sur un système Amazon EFS monté dans chaque AZ.",
        ),
        wrong: [
            wrong(
                "Enable EBS Multi-Attach on the volume and attach it to both instances.",
                "Activer EBS Multi-Attach sur le volume et l’attacher aux deux instances.",
                "Multi-Attach (io1 and io2 volumes only) works for instances in the volume's own AZ.",
                "Multi-Attach (volumes io1 et io2 seulement) ne fonctionne que pour les instances de l’AZ du volume.",
            ),
            wrong(
                "Restore a fresh snapshot of the volume in the other AZ every hour.",
                "Restaurer toutes les heures un instantané récent du volume dans l’autre AZ.",
                "The copies diverge: the instances would not share the same files.",
                "Les copies divergent : les instances ne partageraient pas les mêmes fichiers.",
            ),
            wrong(
                "Switch the volume to io2 Block Express with more provisioned IOPS.",
                "Passer le volume en io2 Block Express avec davantage d’IOPS provisionnées.",
                "Volume type and IOPS do not let a volume leave its AZ.",
                "Le type de volume et les IOPS ne font pas sortir un volume de son AZ.",
            ),
        ],
    },
    Fix {
        rule: "nat-gateway-single-az",
        need_en: "The instances of every private subnet must keep their outbound internet access if one Availability Zone fails.",
        need_fr: "Les instances de chaque sous-réseau privé doivent garder leur accès sortant à Internet si une zone de disponibilité tombe.",
        right: right(
            "Run one NAT gateway per AZ, each private subnet routed to its own AZ's.",
            "Une passerelle NAT par AZ, chaque sous-réseau privé routé vers celle de son AZ.",
        ),
        wrong: [
            wrong(
                "Attach a second internet gateway to the VPC so that traffic has two exits.",
                "Attacher une seconde passerelle Internet au VPC pour la redondance.",
                "A VPC has one internet gateway, already redundant; the single point of failure is the NAT gateway's AZ.",
                "Un VPC n’a qu’une passerelle Internet, déjà redondante ; le point de défaillance unique est l’AZ de la passerelle NAT.",
            ),
            wrong(
                "Move the NAT gateway to a larger size with more bandwidth.",
                "Passer la passerelle NAT à une taille supérieure, avec plus de bande passante.",
                "NAT gateways have no sizes: they scale by themselves, and stay in one AZ.",
                "Les passerelles NAT n’ont pas de taille : elles s’adaptent d’elles-mêmes, et restent dans une seule AZ.",
            ),
            wrong(
                "Add an S3 gateway endpoint to the private subnets' route tables.",
                "Ajouter un point de terminaison de passerelle S3 aux tables des sous-réseaux privés.",
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
            "Put an Application Load Balancer in front, with the instances as targets.",
            "Placer un Application Load Balancer devant, avec les instances pour cibles.",
        ),
        wrong: [
            wrong(
                "Point a Route 53 simple routing record at all the instances' IP addresses.",
                "Pointer un enregistrement Route 53 de routage simple vers les adresses des instances.",
                "Simple routing has no health checks, and the addresses change as instances are replaced.",
                "Le routage simple n’a pas de contrôle de santé, et les adresses changent quand les instances sont remplacées.",
            ),
            wrong(
                "Give each instance an Elastic IP address published to the clients.",
                "Donner à chaque instance une adresse IP Elastic communiquée aux clients.",
                "Fixed addresses neither spread the load nor skip unhealthy instances.",
                "Des adresses fixes ne répartissent pas la charge et n’évitent pas les instances défaillantes.",
            ),
            wrong(
                "Replace the instances with fewer, larger instances of a newer type.",
                "Remplacer les instances par des instances moins nombreuses, plus grandes et plus récentes.",
                "Bigger instances neither spread requests nor route around failures.",
                "Des instances plus grandes ne répartissent pas les requêtes et ne contournent pas les pannes.",
            ),
        ],
    },
    Fix {
        rule: "single-region-dr",
        need_en: "The workload must recover in another AWS Region if its Region fails.",
        need_fr: "La charge de travail doit reprendre dans une autre Région AWS si sa Région tombe.",
        right: right(
            "Copy the data to a second Region and be able to run the workload there.",
            "Copier les données dans une seconde Région et pouvoir y relancer la charge.",
        ),
        wrong: [
            wrong(
                "Enable Multi-AZ on the database and spread the instances across AZs.",
                "Activer Multi-AZ sur la base et répartir les instances sur plusieurs AZ.",
                "Multi-AZ stays within one Region.",
                "Multi-AZ reste dans une seule Région.",
            ),
            wrong(
                "Add a third Availability Zone to the VPC and the Auto Scaling group.",
                "Ajouter une troisième zone de disponibilité au VPC et au groupe Auto Scaling.",
                "All Availability Zones of a Region belong to that Region.",
                "Toutes les zones de disponibilité d’une Région appartiennent à cette Région.",
            ),
            wrong(
                "Take EBS and RDS snapshots every hour, kept in the same Region for 35 days.",
                "Prendre des instantanés toutes les heures et les garder 35 jours dans la même Région.",
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
            "Add Route 53 failover records with health checks for the two Regions.",
            "Ajouter des enregistrements de basculement Route 53 avec contrôles de santé.",
        ),
        wrong: [
            wrong(
                "Enable Multi-AZ on the databases and load-balanced tiers of both Regions.",
                "Activer Multi-AZ sur les bases et les niveaux équilibrés des deux Régions.",
                "Multi-AZ protects inside a Region; it does not move users to another one.",
                "Multi-AZ protège à l’intérieur d’une Région ; il n’envoie pas les utilisateurs vers une autre.",
            ),
            wrong(
                "Raise the TTL of the application's DNS record to 24 hours.",
                "Porter à 24 heures le TTL de l’enregistrement DNS de l’application.",
                "A longer TTL keeps clients on the failed address longer.",
                "Un TTL plus long garde les clients plus longtemps sur l’adresse en panne.",
            ),
            wrong(
                "Add read replicas of the primary database in the second Region.",
                "Ajouter des réplicas en lecture de la base principale dans la seconde Région.",
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
            "Add a Site-to-Site VPN over the internet as a backup path to the data centre.",
            "Ajouter un VPN Site-to-Site sur Internet comme chemin de secours vers le centre de données.",
        ),
        wrong: [
            wrong(
                "Upgrade the Direct Connect connection to a faster port speed.",
                "Passer la connexion Direct Connect à un port plus rapide.",
                "A faster link is still a single link.",
                "Un lien plus rapide reste un lien unique.",
            ),
            wrong(
                "Add a second virtual interface on the same Direct Connect connection.",
                "Ajouter une seconde interface virtuelle sur la même connexion Direct Connect.",
                "Both virtual interfaces share the same physical link.",
                "Les deux interfaces virtuelles partagent le même lien physique.",
            ),
            wrong(
                "Create a VPC peering connection between the VPC and the data centre.",
                "Créer une connexion d’appairage entre le VPC et le centre de données.",
                "Peering connects two VPCs; it cannot reach a data centre.",
                "L’appairage relie deux VPC ; il ne peut pas atteindre un centre de données.",
            ),
        ],
    },
    Fix {
        rule: "static-site-without-cloudfront",
        need_en: "The static website must be served over HTTPS with low latency worldwide, and the bucket must stay private.",
        need_fr: "Le site statique doit être servi en HTTPS avec une faible latence partout dans le monde, et le compartiment doit rester privé.",
        right: right(
            "Serve the bucket through CloudFront with origin access control and ACM.",
            "Servir le compartiment par CloudFront, avec contrôle d’accès d’origine et ACM.",
        ),
        wrong: [
            wrong(
                "Enable S3 Transfer Acceleration and serve the site from its endpoint.",
                "Activer S3 Transfer Acceleration et servir le site depuis son point de terminaison.",
                "Transfer Acceleration speeds up transfers to the bucket; it caches nothing, hosts no website, and the bucket stays public.",
                "Transfer Acceleration accélère les transferts vers le compartiment ; il ne met rien en cache, n’héberge pas de site, et le compartiment reste public.",
            ),
            wrong(
                "Replicate the bucket to a second Region with S3 Cross-Region Replication.",
                "Répliquer le compartiment dans une seconde Région avec la réplication S3 entre Régions.",
                "Two Regions are still far from most users, and website endpoints serve HTTP only from a public bucket.",
                "Deux Régions restent loin de la plupart des utilisateurs, et les points de terminaison de site ne servent qu’en HTTP depuis un compartiment public.",
            ),
            wrong(
                "Move the site's objects to S3 Intelligent-Tiering to serve them faster.",
                "Passer les objets du site en S3 Intelligent-Tiering pour les servir plus vite.",
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
            "Add read replicas and send the application's read queries to them.",
            "Ajouter des réplicas en lecture et leur envoyer les requêtes de lecture de l’application.",
        ),
        wrong: [
            wrong(
                "Keep sending the read queries to the Multi-AZ standby instance.",
                "Continuer d’envoyer les requêtes de lecture à l’instance standby Multi-AZ.",
                "The standby of a Multi-AZ DB instance serves no traffic until a failover.",
                "Le standby d’une instance Multi-AZ ne sert aucun trafic avant un basculement.",
            ),
            wrong(
                "Enable automated backups and Performance Insights on the primary.",
                "Activer les sauvegardes automatiques et Performance Insights sur la base.",
                "Backups and monitoring take no query off the primary.",
                "Les sauvegardes et la surveillance ne retirent aucune requête de l’instance principale.",
            ),
            wrong(
                "Enable encryption at rest on the primary and its standby.",
                "Activer le chiffrement au repos de la base et de son standby.",
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
            "Add gateway endpoints for S3 and DynamoDB to the private route tables.",
            "Ajouter des points de terminaison de passerelle S3 et DynamoDB aux tables privées.",
        ),
        wrong: [
            wrong(
                "Add a NAT gateway in each Availability Zone for the private subnets.",
                "Ajouter une passerelle NAT dans chaque zone de disponibilité pour les sous-réseaux privés.",
                "More NAT gateways process the same traffic, and cost more.",
                "Davantage de passerelles NAT traitent le même trafic, et coûtent plus.",
            ),
            wrong(
                "Enable S3 Transfer Acceleration on the buckets the instances use.",
                "Activer S3 Transfer Acceleration sur les compartiments qu’utilisent les instances.",
                "Transfer Acceleration goes through edge locations, costs extra, and the traffic still leaves through the NAT gateway.",
                "Transfer Acceleration passe par les emplacements périphériques, coûte en plus, et le trafic sort toujours par la passerelle NAT.",
            ),
            wrong(
                "Put CloudFront in front of the buckets and of the DynamoDB tables they use.",
                "Placer CloudFront devant les compartiments et les tables DynamoDB.",
                "CloudFront cannot front DynamoDB, and the private subnets would reach it through the NAT gateway too.",
                "CloudFront ne peut pas se placer devant DynamoDB, et les sous-réseaux privés l’atteindraient eux aussi par la passerelle NAT.",
            ),
        ],
    },
];
