//! The inline HTML students put in notes (`<br>`, `<u>`, `<mark>`, `<sub>`, `<span
//! style="color:red">`, `<font color=…>`, `<img>`, `<details>`): tags read one at a time,
//! so the builder can turn them into styles and blocks. Tags are never shown as text.

/// One piece of HTML.
#[derive(Debug, PartialEq)]
pub(super) enum Token<'a> {
    /// `<name attrs>` or `<name/>`: the name lower-cased, and the raw attribute text.
    Open {
        /// Tag name, lower case.
        name: String,
        /// Everything between the name and `>`.
        attrs: &'a str,
    },
    /// `</name>`.
    Close(String),
    /// Text between tags.
    Text(&'a str),
    /// `<!-- … -->`, `<!DOCTYPE>`, `<?…?>`: hidden.
    Hidden,
}

/// The standard HTML element names: anything else in angle brackets (`<bucket-name>`,
/// `<AWS account id>`) is a placeholder the student wrote, kept as text.
const ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "address",
    "article",
    "aside",
    "b",
    "bdi",
    "bdo",
    "big",
    "blockquote",
    "body",
    "br",
    "button",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "font",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "i",
    "iframe",
    "img",
    "input",
    "ins",
    "kbd",
    "label",
    "li",
    "link",
    "main",
    "mark",
    "meta",
    "nav",
    "ol",
    "p",
    "picture",
    "pre",
    "q",
    "s",
    "samp",
    "script",
    "section",
    "small",
    "source",
    "span",
    "strike",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "svg",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "tt",
    "u",
    "ul",
    "var",
    "video",
    "wbr",
];

/// Whether `name` (lower case) is an HTML element.
pub(super) fn is_element(name: &str) -> bool {
    ELEMENTS.binary_search(&name).is_ok()
}

/// Splits `html` into tags and text.
pub(super) fn tokens(html: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            out.push(Token::Text(rest));
            break;
        };
        if lt > 0 {
            out.push(Token::Text(&rest[..lt]));
        }
        let tag = &rest[lt..];
        if let Some(after) = tag.strip_prefix("<!--") {
            let end = after.find("-->").map_or(tag.len(), |e| 4 + e + 3);
            out.push(Token::Hidden);
            rest = &tag[end..];
            continue;
        }
        let Some(gt) = tag.find('>') else {
            out.push(Token::Text(tag));
            break;
        };
        let inner = &tag[1..gt];
        rest = &tag[gt + 1..];
        out.push(token(inner).unwrap_or(Token::Text(&tag[..=gt])));
    }
    out
}

/// The token for the text between `<` and `>`, if it is a tag.
fn token(inner: &str) -> Option<Token<'_>> {
    if inner.starts_with(['!', '?']) {
        return Some(Token::Hidden);
    }
    let (closing, body) = match inner.strip_prefix('/') {
        Some(b) => (true, b),
        None => (false, inner),
    };
    let name_end = body
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(body.len());
    let name = body[..name_end].to_ascii_lowercase();
    if !is_element(&name) {
        return None;
    }
    let attrs = body[name_end..].trim_end_matches('/');
    if !attrs.is_empty() && !attrs.starts_with(char::is_whitespace) {
        return None;
    }
    Some(if closing {
        Token::Close(name)
    } else {
        Token::Open { name, attrs }
    })
}

/// The value of attribute `key` in `attrs` (`key="v"`, `key='v'` or `key=v`).
pub(super) fn attribute<'a>(attrs: &'a str, key: &str) -> Option<&'a str> {
    let mut rest = attrs;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return None;
        }
        let name_end = rest
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(rest.len());
        let name = &rest[..name_end];
        rest = rest[name_end..].trim_start();
        let value = if let Some(v) = rest.strip_prefix('=') {
            let v = v.trim_start();
            let (value, used) = if let Some(q @ ('"' | '\'')) = v.chars().next() {
                let end = v[1..].find(q).map_or(v.len(), |e| e + 1);
                (&v[1..end], (end + 1).min(v.len()))
            } else {
                let end = v.find(char::is_whitespace).unwrap_or(v.len());
                (&v[..end], end)
            };
            rest = &v[used..];
            value
        } else {
            ""
        };
        if name.eq_ignore_ascii_case(key) {
            return Some(value);
        }
        if name.is_empty() && !rest.starts_with('=') {
            // Stray character: skip it.
            let mut chars = rest.chars();
            chars.next();
            rest = chars.as_str();
        }
    }
}

/// The colour of a `<span style="color:…">` or `<font color=…>`.
pub(super) fn tag_color(name: &str, attrs: &str) -> Option<[u8; 3]> {
    if name == "font"
        && let Some(c) = attribute(attrs, "color")
    {
        return parse_color(c);
    }
    let style = attribute(attrs, "style")?;
    style.split(';').find_map(|decl| {
        let (prop, value) = decl.split_once(':')?;
        prop.trim()
            .eq_ignore_ascii_case("color")
            .then(|| parse_color(value))
            .flatten()
    })
}

/// Named CSS colours students use, and their RGB.
const NAMED: &[(&str, [u8; 3])] = &[
    ("aqua", [0, 255, 255]),
    ("black", [0, 0, 0]),
    ("blue", [0, 0, 255]),
    ("brown", [165, 42, 42]),
    ("crimson", [220, 20, 60]),
    ("cyan", [0, 255, 255]),
    ("darkblue", [0, 0, 139]),
    ("darkgreen", [0, 100, 0]),
    ("darkorange", [255, 140, 0]),
    ("darkred", [139, 0, 0]),
    ("fuchsia", [255, 0, 255]),
    ("gold", [255, 215, 0]),
    ("gray", [128, 128, 128]),
    ("green", [0, 128, 0]),
    ("grey", [128, 128, 128]),
    ("indigo", [75, 0, 130]),
    ("lightblue", [173, 216, 230]),
    ("lightgreen", [144, 238, 144]),
    ("lime", [0, 255, 0]),
    ("magenta", [255, 0, 255]),
    ("maroon", [128, 0, 0]),
    ("navy", [0, 0, 128]),
    ("olive", [128, 128, 0]),
    ("orange", [255, 165, 0]),
    ("pink", [255, 192, 203]),
    ("purple", [128, 0, 128]),
    ("red", [255, 0, 0]),
    ("silver", [192, 192, 192]),
    ("teal", [0, 128, 128]),
    ("tomato", [255, 99, 71]),
    ("violet", [238, 130, 238]),
    ("white", [255, 255, 255]),
    ("yellow", [255, 255, 0]),
];

/// `red`, `#f00`, `#ff0000`, `rgb(255, 0, 0)` → RGB.
pub(super) fn parse_color(value: &str) -> Option<[u8; 3]> {
    let v = value.trim().trim_end_matches("!important").trim();
    if let Some(hex) = v.strip_prefix('#') {
        let digit = |i: usize| u8::from_str_radix(hex.get(i..=i)?, 16).ok();
        let pair = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
        return match hex.len() {
            3 | 4 => Some([digit(0)? * 17, digit(1)? * 17, digit(2)? * 17]),
            6 | 8 => Some([pair(0)?, pair(2)?, pair(4)?]),
            _ => None,
        };
    }
    let lower = v.to_ascii_lowercase();
    if let Some(args) = lower
        .strip_prefix("rgb(")
        .or_else(|| lower.strip_prefix("rgba("))
    {
        let mut parts = args
            .trim_end_matches(')')
            .split(',')
            .map(|p| p.trim().parse::<u8>());
        return Some([
            parts.next()?.ok()?,
            parts.next()?.ok()?,
            parts.next()?.ok()?,
        ]);
    }
    NAMED
        .binary_search_by(|(n, _)| (*n).cmp(lower.as_str()))
        .ok()
        .map(|i| NAMED[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_for_binary_search() {
        assert!(ELEMENTS.windows(2).all(|w| w[0] < w[1]));
        assert!(NAMED.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn tags_text_and_placeholders() {
        let t = tokens("<b>bold</b> <br/> <!-- hidden --> <bucket-name> <AWS account id>");
        assert_eq!(
            t,
            [
                Token::Open {
                    name: "b".into(),
                    attrs: ""
                },
                Token::Text("bold"),
                Token::Close("b".into()),
                Token::Text(" "),
                Token::Open {
                    name: "br".into(),
                    attrs: ""
                },
                Token::Text(" "),
                Token::Hidden,
                Token::Text(" "),
                Token::Text("<bucket-name>"),
                Token::Text(" "),
                Token::Text("<AWS account id>"),
            ]
        );
    }

    #[test]
    fn colours_and_attributes() {
        assert_eq!(
            tag_color("span", r#" style="color: red""#),
            Some([255, 0, 0])
        );
        assert_eq!(
            tag_color("span", " style='font-weight:bold; color:#0a0'"),
            Some([0, 170, 0])
        );
        assert_eq!(tag_color("font", " color=#FF8800"), Some([255, 136, 0]));
        assert_eq!(tag_color("span", r#" class="x""#), None);
        assert_eq!(parse_color("rgb(1, 2, 3)"), Some([1, 2, 3]));
        assert_eq!(parse_color("nocolour"), None);
        assert_eq!(
            attribute(r#" src="a b.png" alt='x' width=200"#, "width"),
            Some("200")
        );
        assert_eq!(attribute(" open", "open"), Some(""));
    }
}
