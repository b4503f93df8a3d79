//! A legible Unicode rendition of the TeX students write in `$…$` and `$$…$$` (`\alpha` →
//! `α`, `x^{2}` → `x²`, `\frac{a}{b}` → `a⁄b`, `\sqrt{x}` → `√x`, `\text{GB}` → `GB`).
//!
//! Table-driven and small on purpose: notes use a handful of formulas (costs, throughput,
//! availability), and the one crate that does this (`unicodeit`) brings regular expressions
//! and a second licence for less: it leaves `\frac`, `\text` and `\left(` as they are. What
//! is not known is shown as written, without its backslash, so nothing is lost.

/// TeX commands and their Unicode character.
const SYMBOLS: &[(&str, &str)] = &[
    ("alpha", "α"),
    ("beta", "β"),
    ("gamma", "γ"),
    ("delta", "δ"),
    ("epsilon", "ε"),
    ("varepsilon", "ε"),
    ("zeta", "ζ"),
    ("eta", "η"),
    ("theta", "θ"),
    ("iota", "ι"),
    ("kappa", "κ"),
    ("lambda", "λ"),
    ("mu", "μ"),
    ("nu", "ν"),
    ("xi", "ξ"),
    ("pi", "π"),
    ("rho", "ρ"),
    ("sigma", "σ"),
    ("tau", "τ"),
    ("upsilon", "υ"),
    ("phi", "φ"),
    ("varphi", "φ"),
    ("chi", "χ"),
    ("psi", "ψ"),
    ("omega", "ω"),
    ("Gamma", "Γ"),
    ("Delta", "Δ"),
    ("Theta", "Θ"),
    ("Lambda", "Λ"),
    ("Xi", "Ξ"),
    ("Pi", "Π"),
    ("Sigma", "Σ"),
    ("Phi", "Φ"),
    ("Psi", "Ψ"),
    ("Omega", "Ω"),
    ("times", "×"),
    ("cdot", "·"),
    ("div", "÷"),
    ("pm", "±"),
    ("mp", "∓"),
    ("leq", "≤"),
    ("le", "≤"),
    ("geq", "≥"),
    ("ge", "≥"),
    ("neq", "≠"),
    ("ne", "≠"),
    ("approx", "≈"),
    ("sim", "∼"),
    ("equiv", "≡"),
    ("propto", "∝"),
    ("infty", "∞"),
    ("sum", "∑"),
    ("prod", "∏"),
    ("int", "∫"),
    ("partial", "∂"),
    ("nabla", "∇"),
    ("forall", "∀"),
    ("exists", "∃"),
    ("in", "∈"),
    ("notin", "∉"),
    ("subset", "⊂"),
    ("subseteq", "⊆"),
    ("cup", "∪"),
    ("cap", "∩"),
    ("emptyset", "∅"),
    ("to", "→"),
    ("rightarrow", "→"),
    ("leftarrow", "←"),
    ("Rightarrow", "⇒"),
    ("Leftarrow", "⇐"),
    ("leftrightarrow", "↔"),
    ("Leftrightarrow", "⇔"),
    ("implies", "⇒"),
    ("iff", "⇔"),
    ("uparrow", "↑"),
    ("downarrow", "↓"),
    ("ldots", "…"),
    ("cdots", "⋯"),
    ("dots", "…"),
    ("land", "∧"),
    ("lor", "∨"),
    ("neg", "¬"),
    ("lnot", "¬"),
    ("circ", "∘"),
    ("degree", "°"),
    ("percent", "%"),
    ("log", "log"),
    ("ln", "ln"),
    ("exp", "exp"),
    ("min", "min"),
    ("max", "max"),
    ("lim", "lim"),
    ("sin", "sin"),
    ("cos", "cos"),
    ("tan", "tan"),
    ("lceil", "⌈"),
    ("rceil", "⌉"),
    ("lfloor", "⌊"),
    ("rfloor", "⌋"),
    ("langle", "⟨"),
    ("rangle", "⟩"),
    ("quad", "\u{2003}"),
    ("qquad", "\u{2003}\u{2003}"),
    ("space", " "),
];

/// Commands that only wrap their argument (`\text{GB}` → `GB`).
const WRAPPERS: &[&str] = &[
    "text",
    "mathrm",
    "mathbf",
    "mathit",
    "mathsf",
    "mathtt",
    "textbf",
    "textit",
    "operatorname",
    "boldsymbol",
    "mbox",
    "displaystyle",
];

/// Commands dropped without a trace (sizing: `\left(` → `(`).
const DROPPED: &[&str] = &[
    "left",
    "right",
    "big",
    "Big",
    "bigg",
    "Bigg",
    "bigl",
    "bigr",
    "Bigl",
    "Bigr",
    "limits",
    "nolimits",
    "displaystyle",
    "textstyle",
];

/// The superscript form of `c`, if Unicode has one.
fn superscript(c: char) -> Option<char> {
    Some(match c {
        '0' => '⁰',
        '1' => '¹',
        '2' => '²',
        '3' => '³',
        '4' => '⁴',
        '5' => '⁵',
        '6' => '⁶',
        '7' => '⁷',
        '8' => '⁸',
        '9' => '⁹',
        '+' => '⁺',
        '-' | '−' => '⁻',
        '=' => '⁼',
        '(' => '⁽',
        ')' => '⁾',
        'n' => 'ⁿ',
        'i' => 'ⁱ',
        'x' => 'ˣ',
        'y' => 'ʸ',
        'k' => 'ᵏ',
        'm' => 'ᵐ',
        't' => 'ᵗ',
        'a' => 'ᵃ',
        'b' => 'ᵇ',
        'c' => 'ᶜ',
        'd' => 'ᵈ',
        'e' => 'ᵉ',
        ' ' => ' ',
        _ => return None,
    })
}

/// The subscript form of `c`, if Unicode has one.
fn subscript(c: char) -> Option<char> {
    Some(match c {
        '0' => '₀',
        '1' => '₁',
        '2' => '₂',
        '3' => '₃',
        '4' => '₄',
        '5' => '₅',
        '6' => '₆',
        '7' => '₇',
        '8' => '₈',
        '9' => '₉',
        '+' => '₊',
        '-' | '−' => '₋',
        '=' => '₌',
        '(' => '₍',
        ')' => '₎',
        'a' => 'ₐ',
        'e' => 'ₑ',
        'i' => 'ᵢ',
        'j' => 'ⱼ',
        'k' => 'ₖ',
        'n' => 'ₙ',
        'o' => 'ₒ',
        'r' => 'ᵣ',
        't' => 'ₜ',
        'x' => 'ₓ',
        'm' => 'ₘ',
        'p' => 'ₚ',
        's' => 'ₛ',
        ' ' => ' ',
        _ => return None,
    })
}

/// Deepest `{…}` nesting converted; deeper groups are shown as written.
const MAX_NESTING: usize = 16;

/// A legible Unicode rendition of `tex`.
#[must_use]
pub fn tex_to_unicode(tex: &str) -> String {
    let mut out = String::with_capacity(tex.len());
    convert(tex.trim(), &mut out, 0);
    let collapsed = collapse_spaces(&out);
    collapsed.trim().to_owned()
}

/// Collapses runs of spaces made by thin spaces and dropped commands (`a \, b`); `\quad`
/// gaps are em spaces and stay.
fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c == ' ' {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    out
}

/// The `{…}` group (or single character / command) at the start of `s`: its content and
/// the bytes it took.
fn argument(s: &str) -> (&str, usize) {
    let lead = s.len() - s.trim_start().len();
    let rest = &s[lead..];
    let Some(first) = rest.chars().next() else {
        return ("", lead);
    };
    if first == '{' {
        let mut depth = 0usize;
        for (i, c) in rest.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        return (&rest[1..i], lead + i + 1);
                    }
                }
                _ => {}
            }
        }
        // Unbalanced: everything that is left.
        return (&rest[1..], s.len());
    }
    if first == '\\' {
        let name_len = rest[1..]
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(rest.len() - 1);
        let len = 1 + name_len.max(usize::from(rest.len() > 1));
        let len = rest
            .char_indices()
            .map(|(i, c)| i + c.len_utf8())
            .find(|&end| end >= len)
            .unwrap_or(rest.len());
        return (&rest[..len], lead + len);
    }
    let len = first.len_utf8();
    (&rest[..len], lead + len)
}

/// Whether `s` is a short, simple operand that needs no parentheses in `a/b`.
fn is_simple(s: &str) -> bool {
    s.chars().count() <= 1 || s.chars().all(|c| c.is_alphanumeric() || c == '.')
}

/// Appends the rendition of `tex` to `out`.
fn convert(tex: &str, out: &mut String, depth: usize) {
    if depth > MAX_NESTING {
        out.push_str(tex);
        return;
    }
    let mut i = 0;
    while i < tex.len() {
        let rest = &tex[i..];
        let Some(c) = rest.chars().next() else {
            break;
        };
        match c {
            '\\' => {
                let name_len = rest[1..]
                    .find(|c: char| !c.is_ascii_alphabetic())
                    .unwrap_or(rest.len() - 1);
                if name_len == 0 {
                    // `\{`, `\%`, `\,`, `\\`: a symbol or a space.
                    let Some(next) = rest[1..].chars().next() else {
                        i += 1;
                        continue;
                    };
                    match next {
                        ',' | ';' | ':' | '!' | ' ' => out.push(' '),
                        '\\' => out.push(' '),
                        other => out.push(other),
                    }
                    i += 1 + next.len_utf8();
                    continue;
                }
                let name = &rest[1..=name_len];
                i += 1 + name_len;
                i += command(name, &tex[i..], out, depth);
            }
            '^' | '_' => {
                let (arg, used) = argument(&tex[i + 1..]);
                i += 1 + used;
                let mut inner = String::new();
                convert(arg, &mut inner, depth + 1);
                let map = if c == '^' { superscript } else { subscript };
                let mapped: Option<String> = inner.chars().map(map).collect();
                match mapped {
                    Some(m) => out.push_str(&m),
                    None if c == '^' => {
                        out.push('^');
                        push_grouped(out, &inner);
                    }
                    None => {
                        out.push('_');
                        push_grouped(out, &inner);
                    }
                }
            }
            '{' => {
                let (arg, used) = argument(rest);
                i += used;
                convert(arg, out, depth + 1);
            }
            '}' | '&' => i += 1,
            '~' => {
                out.push(' ');
                i += 1;
            }
            _ => {
                out.push(c);
                i += c.len_utf8();
            }
        }
    }
}

/// `x` or `(x + 1)`.
fn push_grouped(out: &mut String, inner: &str) {
    if is_simple(inner) {
        out.push_str(inner);
    } else {
        out.push('(');
        out.push_str(inner);
        out.push(')');
    }
}

/// Handles `\name` followed by `rest`; returns the bytes of `rest` used as arguments.
fn command(name: &str, rest: &str, out: &mut String, depth: usize) -> usize {
    match name {
        "frac" | "dfrac" | "tfrac" => {
            let (num, a) = argument(rest);
            let (den, b) = argument(&rest[a..]);
            let mut n = String::new();
            let mut d = String::new();
            convert(num, &mut n, depth + 1);
            convert(den, &mut d, depth + 1);
            if is_simple(&n) && is_simple(&d) {
                out.push_str(&n);
                out.push('⁄');
                out.push_str(&d);
            } else {
                push_grouped(out, &n);
                out.push('/');
                push_grouped(out, &d);
            }
            a + b
        }
        "sqrt" => {
            let mut used = 0;
            let mut index = String::new();
            if let Some(open) = rest.trim_start().strip_prefix('[')
                && let Some(close) = open.find(']')
            {
                open[..close].clone_into(&mut index);
                used = rest.len() - open.len() + close + 1;
            }
            let (arg, a) = argument(&rest[used..]);
            let mut inner = String::new();
            convert(arg, &mut inner, depth + 1);
            match index.as_str() {
                "" | "2" => out.push('√'),
                "3" => out.push('∛'),
                "4" => out.push('∜'),
                other => {
                    out.extend(other.chars().filter_map(superscript));
                    out.push('√');
                }
            }
            push_grouped(out, &inner);
            used + a
        }
        _ if WRAPPERS.contains(&name) => {
            let (arg, used) = argument(rest);
            convert(arg, out, depth + 1);
            used
        }
        _ if DROPPED.contains(&name) => {
            // `\left.` closes nothing: drop the dot too.
            usize::from(rest.starts_with('.'))
        }
        _ => {
            match SYMBOLS.iter().find(|(n, _)| *n == name) {
                Some((_, sym)) => out.push_str(sym),
                None => out.push_str(name),
            }
            0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::tex_to_unicode as u;

    #[test]
    fn greek_and_operators() {
        assert_eq!(u(r"\alpha + \beta \times \gamma"), "α + β × γ");
        assert_eq!(
            u(r"a \cdot b \leq c \geq d \neq e \approx \infty"),
            "a · b ≤ c ≥ d ≠ e ≈ ∞"
        );
        assert_eq!(u(r"\sum_{i=1}^{n} x_i"), "∑ᵢ₌₁ⁿ xᵢ");
        assert_eq!(u(r"\int f"), "∫ f");
        assert_eq!(u(r"\Delta t"), "Δ t");
    }

    #[test]
    fn scripts_fractions_roots() {
        assert_eq!(u("x^{2} + y^2"), "x² + y²");
        assert_eq!(u("2^{10}"), "2¹⁰");
        assert_eq!(u("a_{i}"), "aᵢ");
        assert_eq!(u(r"\frac{a}{b}"), "a⁄b");
        assert_eq!(u(r"\frac{1}{2}"), "1⁄2");
        assert_eq!(u(r"\frac{a+b}{c}"), "(a+b)/c");
        assert_eq!(u(r"\sqrt{x}"), "√x");
        assert_eq!(u(r"\sqrt{x+1}"), "√(x+1)");
        assert_eq!(u(r"\sqrt[3]{8}"), "∛8");
        // No superscript form: kept legible.
        assert_eq!(u("e^{Q}"), "e^Q");
    }

    #[test]
    fn text_wrappers_and_sizing_are_unwrapped() {
        assert_eq!(
            u(r"\text{Cost} = 0.023 \times \text{GB}"),
            "Cost = 0.023 × GB"
        );
        assert_eq!(u(r"\mathrm{IOPS}"), "IOPS");
        assert_eq!(u(r"\left( \frac{a}{b} \right)"), "( a⁄b )");
        assert_eq!(u(r"99.99\%"), "99.99%");
        assert_eq!(u(r"a \, b"), "a b");
    }

    #[test]
    fn odd_tex_never_panics() {
        for tex in [
            "",
            "\\",
            "{",
            "}",
            "^",
            "_",
            "\\frac",
            "\\frac{",
            "\\sqrt[",
            "x^{",
            "é^é",
            "\\é",
            "{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{x",
        ] {
            let _ = u(tex);
        }
        assert_eq!(u(r"\unknown x"), "unknown x");
    }
}
