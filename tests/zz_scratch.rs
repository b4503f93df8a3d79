#[test]
fn keys() {
    let icons = aws_study::icons::Catalog::bundled();
    let cat = aws_study::services::Catalog::bundled();
    for i in icons.icons() {
        let s = cat.by_icon(i.id).and_then(|s| cat.get(s));
        let p = i.path;
        if p.starts_with("resource/")
            || p.contains("NAT")
            || p.contains("EC2")
            || p.contains("RDS")
            || p.contains("Aurora")
            || p.contains("Endpoint")
        {
            println!(
                "{} | {} | {} | {:?}",
                p,
                i.aws_name,
                i.display_name,
                s.map(|s| (&s.key, &s.part_of))
            );
        }
    }
}
