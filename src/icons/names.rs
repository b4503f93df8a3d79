//! Name derivation: an icon's AWS name, display name and aliases from its SVG `<title>`
//! or its file name (`Arch_Amazon-EC2_48.svg`, `AWSSitetoSiteVPN`, size suffixes, variants).

use super::IconKind;
use super::tables::CATEGORY_DISPLAY;
use super::tables::{CONNECTORS, KNOWN_WORDS};
use crate::services::names::compact_key;

pub(super) fn titled_names<'t>(
    kind: IconKind,
    title: &'t str,
    title_name: &str,
) -> (String, String, Option<(&'t str, String)>) {
    match kind {
        IconKind::Service => {
            let body = title_name.trim_start_matches("Arch_");
            let (body, dark) = strip_variant(body);
            let mut display = dashes_to_spaces(&body);
            if dark {
                display.push_str(" (Dark)");
            }
            (title_name.replace(' ', ""), display, None)
        }
        IconKind::Category => {
            let body = strip_size_suffix(title_name);
            let display = CATEGORY_DISPLAY
                .iter()
                .find(|(k, _)| *k == body)
                .map_or_else(|| dashes_to_spaces(&body), |(_, v)| (*v).to_owned());
            (format!("Arch-Category_{title_name}"), display, None)
        }
        IconKind::Group => {
            let (body, dark) = strip_variant(title_name);
            let mut words: Vec<String> = body.split('-').map(str::to_owned).collect();
            let acronym_last = words.len() > 1
                && words
                    .last()
                    .is_some_and(|w| w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase()))
                && words
                    .first()
                    .is_some_and(|w| w.chars().any(char::is_lowercase));
            if acronym_last && let Some(last) = words.pop() {
                words.push(format!("({last})"));
            }
            let mut display = words.join(" ");
            if dark {
                display.push_str(" (Dark)");
            }
            (title_name.to_owned(), display, None)
        }
        IconKind::Resource => {
            let segment = title.split('/').nth(1).unwrap_or_default();
            let body = title_name.trim_start_matches("Res_");
            let (body, dark) = strip_variant(body);
            let parts: Vec<&str> = body.split('_').filter(|p| !p.is_empty()).collect();
            let service = parts.first().copied().unwrap_or_default().to_owned();
            let mut display = match parts.split_first() {
                Some((svc, rest)) if !rest.is_empty() => {
                    let rest: Vec<String> = rest.iter().map(|p| dashes_to_spaces(p)).collect();
                    format!("{}: {}", dashes_to_spaces(svc), rest.join(" "))
                }
                _ => dashes_to_spaces(&body),
            };
            if dark {
                display.push_str(" (Dark)");
            }
            (title_name.to_owned(), display, Some((segment, service)))
        }
    }
}

/// Names of an icon without `<title>`, derived from its CamelCase file stem.
pub(super) fn derived_names<'t>(
    kind: IconKind,
    stem: &str,
    words: &[String],
    service_stems: &[&str],
) -> (String, String, Option<(&'t str, String)>) {
    let dashed = words.join("-");
    let spaced = words.join(" ");
    match kind {
        IconKind::Service => (format!("Arch_{dashed}_48"), spaced, None),
        IconKind::Category => (format!("Arch-Category_{dashed}_48"), spaced, None),
        IconKind::Group => (format!("{dashed}_32"), spaced, None),
        IconKind::Resource => {
            let parent = service_stems
                .iter()
                .filter(|s| stem.len() > s.len() && stem.starts_with(**s))
                .max_by_key(|s| s.len());
            match parent {
                Some(parent) => {
                    let svc = camel_words(parent);
                    let rest = camel_words(&stem[parent.len()..]);
                    (
                        format!("Res_{}_{}_48", svc.join("-"), rest.join("-")),
                        format!("{}: {}", svc.join(" "), rest.join(" ")),
                        None,
                    )
                }
                None => (format!("Res_{dashed}_48"), spaced, None),
            }
        }
    }
}

/// `"AWS-X-Ray"` → `"AWS X-Ray"`: dashes become spaces except in known compounds.
pub(super) fn dashes_to_spaces(s: &str) -> String {
    let mut out = s.replace('-', " ");
    for (from, to) in [
        ("X Ray", "X-Ray"),
        ("Site to Site", "Site-to-Site"),
        ("Well Architected", "Well-Architected"),
        ("Front End", "Front-End"),
    ] {
        out = out.replace(from, to);
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Removes `_16`/`_32`/`_48`/`_64` and `_Light`/`_Dark` suffixes; tells whether it was Dark.
pub(super) fn strip_variant(s: &str) -> (String, bool) {
    let mut parts: Vec<&str> = s.split('_').collect();
    let mut dark = false;
    while let Some(last) = parts.last() {
        let l = last.trim();
        if is_size(l) || l.eq_ignore_ascii_case("light") || l.is_empty() {
            parts.pop();
        } else if l.eq_ignore_ascii_case("dark") {
            dark = true;
            parts.pop();
        } else {
            break;
        }
    }
    (parts.join("_").trim().to_owned(), dark)
}

/// Removes trailing size suffixes only (`Storage_48` → `Storage`).
pub(super) fn strip_size_suffix(s: &str) -> String {
    let mut parts: Vec<&str> = s.split('_').collect();
    while parts.last().is_some_and(|p| is_size(p.trim())) {
        parts.pop();
    }
    parts.join("_")
}

pub(super) fn is_size(s: &str) -> bool {
    matches!(s, "16" | "32" | "48" | "64")
}

/// Splits `name.ext` when the extension looks like one (1–4 letters).
pub(super) fn split_extension(name: &str) -> (&str, Option<&str>) {
    match name.rsplit_once('.') {
        Some((stem, ext))
            if !stem.is_empty()
                && (1..=4).contains(&ext.len())
                && ext.chars().all(|c| c.is_ascii_alphabetic()) =>
        {
            (stem, Some(ext))
        }
        _ => (name, None),
    }
}

/// Recognizes the AWS naming prefixes: returns (index kind, rest of the name).
pub(super) fn classify_file_name(name: &str) -> (Option<&'static str>, &str) {
    // Compared in place, case-insensitively, `-` and ` ` read as `_`: every image of
    // every note comes here, most of them screenshots with none of these prefixes.
    let has_prefix = |prefix: &str| {
        name.len() >= prefix.len()
            && name.bytes().zip(prefix.bytes()).all(|(b, p)| {
                let b = if b == b'-' || b == b' ' { b'_' } else { b };
                b.to_ascii_lowercase() == p
            })
    };
    for (prefix, kind) in [
        ("arch_category_", "cat"),
        ("arch_", "arch"),
        ("res_", "res"),
    ] {
        if has_prefix(prefix) {
            // Prefixes are ASCII, so byte offsets match.
            return (Some(kind), name.get(prefix.len()..).unwrap_or_default());
        }
    }
    (None, name)
}

/// Compact key of a file-name body: size suffixes and `Light` removed, `Dark` kept,
/// then folded and reduced to letters and digits.
pub(super) fn compact_without_size(body: &str) -> String {
    // `strip_variant` of the body with `-` and ` ` read as `_`, without copying it: the
    // separators are dropped by `compact_key` anyway.
    let mut rest = body;
    let mut dark = false;
    while !rest.is_empty() {
        let (head, last) = rest.rsplit_once(['_', '-', ' ']).unwrap_or(("", rest));
        let last = last.trim();
        if is_size(last) || last.eq_ignore_ascii_case("light") || last.is_empty() {
            rest = head;
        } else if last.eq_ignore_ascii_case("dark") {
            dark = true;
            rest = head;
        } else {
            break;
        }
    }
    let mut key = compact_key(rest);
    if dark {
        key.push_str("dark");
    }
    key
}

/// Splits a CamelCase file stem into words, keeping acronyms and known product words
/// together and detaching glued connectors: `"AmazonAPIGateway"` → `["Amazon", "API",
/// "Gateway"]`, `"OracleDatabaseatAWS"` → `["Oracle", "Database", "at", "AWS"]`.
pub(super) fn camel_words(stem: &str) -> Vec<String> {
    let chars: Vec<char> = stem.chars().collect();
    let mut words: Vec<String> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let rest: String = chars[i..].iter().collect();
        let known = KNOWN_WORDS.iter().find(|w| {
            rest.starts_with(**w)
                && !rest[w.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
        });
        let end = if let Some(w) = known {
            i + w.chars().count()
        } else if chars[i].is_uppercase() {
            let mut j = i + 1;
            if chars.get(j).is_some_and(|c| c.is_uppercase()) {
                while chars
                    .get(j)
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                {
                    j += 1;
                }
                // "ABCWord": the last capital starts the next word.
                if chars.get(j).is_some_and(|c| c.is_lowercase()) && j - i > 1 {
                    j -= 1;
                }
            } else {
                while chars
                    .get(j)
                    .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
                {
                    j += 1;
                }
            }
            j
        } else {
            let mut j = i + 1;
            while chars
                .get(j)
                .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
            {
                j += 1;
            }
            j
        };
        let word: String = chars[i..end].iter().collect();
        let next_upper = chars.get(end).is_some_and(|c| c.is_uppercase());
        let connector = CONNECTORS.iter().find(|c| {
            next_upper && known.is_none() && word.len() > c.len() + 2 && word.ends_with(**c)
        });
        match connector {
            Some(c) => {
                words.push(word[..word.len() - c.len()].to_owned());
                words.push((*c).to_owned());
            }
            None => words.push(word),
        }
        i = end.max(i + 1);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `compact_without_size` reads the body in place as `strip_variant` reads it once
    /// `-` and ` ` are `_`: the same key for every name made of these words and separators
    /// (sizes, `Light`/`Dark` in any case, empty parts, accents, a tab).
    #[test]
    fn the_compact_key_of_a_body_is_its_stripped_variant_compacted() {
        let words = [
            "Amazon", "EC2", "48", "16", "Light", "DARK", "", "Él", "\tx",
        ];
        let seps = ["_", "-", " "];
        let mut bodies = vec![String::new()];
        for _ in 0..3 {
            let mut longer = Vec::new();
            for body in &bodies {
                for w in words {
                    for sep in seps {
                        longer.push(format!("{body}{sep}{w}"));
                        longer.push(format!("{w}{sep}{body}"));
                    }
                }
            }
            bodies.extend(longer);
            bodies.sort();
            bodies.dedup();
        }
        assert!(bodies.len() > 10_000);
        for body in &bodies {
            let normalized: String = body
                .chars()
                .map(|c| if c == '-' || c == ' ' { '_' } else { c })
                .collect();
            let (stripped, dark) = strip_variant(&normalized);
            let expected = compact_key(&stripped) + if dark { "dark" } else { "" };
            assert_eq!(compact_without_size(body), expected, "{body:?}");
        }
    }

    /// The AWS prefixes are found in any case, with `-` or ` ` for `_`, and nothing else is.
    #[test]
    fn file_name_prefixes_are_read_in_place() {
        assert_eq!(
            classify_file_name("Arch_Amazon-EC2_48"),
            (Some("arch"), "Amazon-EC2_48")
        );
        assert_eq!(
            classify_file_name("arch-category_Compute"),
            (Some("cat"), "Compute")
        );
        assert_eq!(
            classify_file_name("RES Amazon-S3"),
            (Some("res"), "Amazon-S3")
        );
        assert_eq!(
            classify_file_name("Pasted image 1"),
            (None, "Pasted image 1")
        );
        assert_eq!(classify_file_name("Arc"), (None, "Arc"));
        assert_eq!(classify_file_name("Ärch_x"), (None, "Ärch_x"));
    }
    #[test]
    fn camel_words_split() {
        assert_eq!(
            camel_words("AmazonAPIGateway"),
            ["Amazon", "API", "Gateway"]
        );
        assert_eq!(camel_words("AWSRTBFabric"), ["AWS", "RTB", "Fabric"]);
        assert_eq!(
            camel_words("AmazonElasticVMwareService"),
            ["Amazon", "Elastic", "VMware", "Service"]
        );
        assert_eq!(
            camel_words("AWSSitetoSiteVPN"),
            ["AWS", "Site", "to", "Site", "VPN"]
        );
        assert_eq!(camel_words("AmazonEC2"), ["Amazon", "EC2"]);
        assert_eq!(camel_words("AWSIoTCore"), ["AWS", "IoT", "Core"]);
    }
}
