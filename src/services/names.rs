//! Name normalisation shared by the service catalog and the icon catalog: how a heading,
//! a file name or a folder name written by a student ("1.3. S3 (Simple Storage Service)",
//! "XII. Relational Database Service (RDS)", `amazon-ec2.md`, "Auto-Scaling Groups") is
//! reduced to the words that name a service. Pure string work, no catalog.

use crate::text::fold;

/// Folded letters and digits only: `"Arch_AWS-Lambda"` → `"archawslambda"`.
#[must_use]
pub fn compact_key(s: &str) -> String {
    fold(s).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Folded alphanumeric words, without the connector `and` (`&` is dropped as punctuation).
#[must_use]
pub fn tokens(s: &str) -> Vec<String> {
    words_of(&fold(s)).map(str::to_owned).collect()
}

/// The words of folded text as [`tokens`] keeps them, without copying them.
fn words_of(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty() && *t != "and")
}

/// A token in singular form, by the plain English rule used on both sides of a lookup
/// (so it only needs to be consistent, not correct): a trailing `s` is dropped from words
/// of four letters or more that do not end in `ss`, `us` or `is` ("groups" → "group",
/// "secrets" → "secret"; "kinesis", "status", "glass" and "sqs" stay).
#[must_use]
pub fn singular(token: &str) -> &str {
    let b = token.as_bytes();
    if b.len() >= 4
        && b[b.len() - 1] == b's'
        && !matches!(b[b.len() - 2], b's' | b'u' | b'i')
        && b[..b.len() - 1].iter().all(u8::is_ascii_alphanumeric)
    {
        &token[..token.len() - 1]
    } else {
        token
    }
}

/// [`tokens`] in [`singular`] form: the words lookups compare.
#[must_use]
pub fn key_tokens(s: &str) -> Vec<String> {
    // Each word copied once, already singular.
    key_words(&fold(s)).map(str::to_owned).collect()
}

/// [`key_tokens`] of text already folded, borrowed from it.
pub fn key_words(folded: &str) -> impl Iterator<Item = &str> {
    words_of(folded).map(singular)
}

/// Tokens without a leading `amazon`/`aws` (kept when it is the only token).
#[must_use]
pub fn strip_vendor<S: AsRef<str>>(toks: &[S]) -> &[S] {
    match toks.split_first() {
        Some((first, rest)) if !rest.is_empty() && matches!(first.as_ref(), "amazon" | "aws") => {
            rest
        }
        _ => toks,
    }
}

/// Whether a word is a section number: `1.`, `1.4.`, `2)`, `3:`, or a Roman numeral with a
/// dot (`XII.`, `iv.`).
fn is_number_word(w: &str) -> bool {
    let body = w.trim_end_matches(['.', ')', ':']);
    if body.is_empty() {
        return false;
    }
    let arabic = body.chars().any(|c| c.is_ascii_digit())
        && body.chars().all(|c| c.is_ascii_digit() || c == '.');
    let roman = w.len() > body.len()
        && w.ends_with('.')
        && body
            .chars()
            .all(|c| matches!(c.to_ascii_uppercase(), 'I' | 'V' | 'X' | 'L' | 'C'));
    arabic || roman
}

/// Whether a character is decoration rather than text: emoji, pictographs, arrows,
/// dingbats and the like (`🚀 Lambda`, `✅ S3`).
fn is_decoration(c: char) -> bool {
    let u = u32::from(c);
    matches!(u,
        0x2190..=0x21FF   // arrows
        | 0x2300..=0x23FF // technical
        | 0x2460..=0x24FF // enclosed alphanumerics
        | 0x2500..=0x27BF // box drawing, shapes, dingbats
        | 0x2B00..=0x2BFF // arrows and shapes
        | 0xFE0F | 0x200D
        | 0x1F000..=0x1FAFF)
}

/// Removes Markdown markers, decoration and leading section numbers:
/// `"### 1.4. RDS"` → `"RDS"`, `"XII. Relational Database Service (RDS)"` →
/// `"Relational Database Service (RDS)"`, `"🚀 **Lambda**"` → `"Lambda"`.
#[must_use]
pub fn clean_heading(prose: &str) -> String {
    // Most headings have no decoration: no copy without it.
    let undecorated: std::borrow::Cow<'_, str> = if prose.chars().any(is_decoration) {
        prose
            .chars()
            .filter(|c| !is_decoration(*c))
            .collect::<String>()
            .into()
    } else {
        prose.into()
    };
    let trimmed = undecorated
        .trim()
        .trim_start_matches(['#', '>', '-', '*', ' '])
        .trim_matches(['*', '_', '`', ' ', ':', '=']);
    let mut words = trimmed.split_whitespace().peekable();
    while words.peek().is_some_and(|w| is_number_word(w)) {
        words.next();
    }
    let mut cleaned = String::with_capacity(trimmed.len());
    for (i, word) in words.enumerate() {
        if i > 0 {
            cleaned.push(' ');
        }
        cleaned.push_str(word);
    }
    cleaned
}

/// A file or folder name as the words it stands for: extension removed, `-`/`_` between
/// words turned into spaces when the name has no spaces (`amazon-ec2.md` → `amazon ec2`,
/// `AWS_Lambda` → `AWS Lambda`), then [`clean_heading`].
#[must_use]
pub fn clean_file_name(name: &str) -> String {
    let name = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = match name.rsplit_once('.') {
        Some((stem, ext))
            if !stem.is_empty()
                && (1..=4).contains(&ext.len())
                && ext.chars().all(|c| c.is_ascii_alphabetic()) =>
        {
            stem
        }
        _ => name,
    };
    let stem = stem.replace("%20", " ");
    let spaced = if stem.contains(' ') {
        stem
    } else {
        stem.replace(['-', '_'], " ")
    };
    clean_heading(&spaced)
}

/// `"S3 (Simple Storage Service)"` → (`"S3"`, [`"Simple Storage Service"`]).
#[must_use]
pub fn split_parentheses(s: &str) -> (String, Vec<String>) {
    if !s.contains(['(', '[']) {
        return (s.trim().to_owned(), Vec::new());
    }
    let mut outside = String::new();
    let mut inside = Vec::new();
    let mut current = String::new();
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' | '[' => {
                depth += 1;
                if depth == 1 {
                    current.clear();
                    continue;
                }
            }
            ')' | ']' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    inside.push(std::mem::take(&mut current));
                    outside.push(' ');
                    continue;
                }
            }
            _ => {}
        }
        if depth == 0 {
            outside.push(c);
        } else {
            current.push(c);
        }
    }
    if depth > 0 && !current.is_empty() {
        inside.push(current);
    }
    (outside.trim().to_owned(), inside)
}

/// Splits `"A / B"`, `"A & B"`, `"A + B"`, `"A vs B"`, `"A, B"`, `"A - B"`, `"A | B"`.
#[must_use]
pub fn split_parts(s: &str) -> Vec<String> {
    let folded = fold(s);
    // Most headings are one part: no marked copy.
    let separated = folded.contains(['/', '&', '+', ',', '|', ';', '-', '–', '—', ':'])
        || folded.contains(" v");
    if !separated {
        let part = folded.trim();
        return if part.is_empty() {
            Vec::new()
        } else {
            vec![part.to_owned()]
        };
    }
    let mut marked = format!(" {folded} ");
    for sep in [" vs. ", " vs ", " versus ", " - ", " – ", " — ", ": "] {
        // Most headings have none: no copy of the text per separator.
        if marked.contains(sep) {
            marked = marked.replace(sep, "\u{1}");
        }
    }
    marked
        .split(['\u{1}', '/', '&', '+', ',', '|', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_and_decoration_are_ignored() {
        assert_eq!(clean_heading("### 1.4. RDS"), "RDS");
        assert_eq!(
            clean_heading("1.3. S3 (Simple Storage Service)"),
            "S3 (Simple Storage Service)"
        );
        assert_eq!(
            clean_heading("XII. Relational Database Service (RDS)"),
            "Relational Database Service (RDS)"
        );
        assert_eq!(clean_heading("iv. Amazon EFS"), "Amazon EFS");
        assert_eq!(clean_heading("2) SQS"), "SQS");
        assert_eq!(clean_heading("🚀 **Lambda**"), "Lambda");
        assert_eq!(clean_heading("✅ S3 ✅"), "S3");
        // A word that only looks like a numeral is kept: "I" alone, "CDI".
        assert_eq!(clean_heading("I am here"), "I am here");
        assert_eq!(clean_heading("EC2"), "EC2");
    }

    #[test]
    fn file_names() {
        assert_eq!(clean_file_name("STORAGE/amazon-ec2.md"), "amazon ec2");
        assert_eq!(clean_file_name("AWS_Lambda.md"), "AWS Lambda");
        assert_eq!(
            clean_file_name("1. Eastic Block Storage (EBS).md"),
            "Eastic Block Storage (EBS)"
        );
        assert_eq!(clean_file_name("Site-to-Site VPN.md"), "Site-to-Site VPN");
        assert_eq!(clean_file_name("Lambda.png"), "Lambda");
    }

    #[test]
    fn singular_forms_are_consistent() {
        assert_eq!(singular("groups"), "group");
        assert_eq!(singular("secrets"), "secret");
        assert_eq!(singular("kinesis"), "kinesis");
        assert_eq!(singular("sqs"), "sqs");
        assert_eq!(singular("glass"), "glass");
        assert_eq!(
            key_tokens("Auto-Scaling Groups"),
            ["auto", "scaling", "group"]
        );
    }

    #[test]
    fn parts_and_parentheses() {
        assert_eq!(
            split_parentheses("S3 (Simple Storage Service)"),
            ("S3".to_owned(), vec!["Simple Storage Service".to_owned()])
        );
        assert_eq!(split_parts("RDS / Aurora"), ["rds", "aurora"]);
        assert_eq!(split_parts("SQS vs SNS"), ["sqs", "sns"]);
    }
}
