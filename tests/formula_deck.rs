//! Every formula of the course deck, in both glyph sets: a golden file of
//! all renderings (reviewed by eye) and the properties every one must hold.

use nnstep::formula::{Glyphs, RenderOptions, render};

const DECK: &str = include_str!("fixtures/formulas/deck.txt");

fn deck() -> impl Iterator<Item = &'static str> {
    DECK.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

fn opts(glyphs: Glyphs) -> RenderOptions {
    RenderOptions { glyphs, width: 80 }
}

fn golden(glyphs: Glyphs) -> String {
    let mut out = String::new();
    for tex in deck() {
        let text = match render(tex, &opts(glyphs)) {
            Ok(r) => r.to_text(),
            Err(e) => format!("ERROR {e}"),
        };
        out.push_str(&format!("── {tex}\n{text}\n\n"));
    }
    out
}

#[test]
fn deck_renders_in_unicode() {
    insta::assert_snapshot!(golden(Glyphs::Unicode));
}

#[test]
fn deck_renders_in_ascii() {
    insta::assert_snapshot!(golden(Glyphs::Ascii));
}

/// A LaTeX command (`\frac`), a brace or an alignment `&` in the output
/// means something was not rendered.
fn leftover(line: &str) -> Option<&'static str> {
    let bytes = line.as_bytes();
    let command = bytes
        .windows(2)
        .any(|w| w[0] == b'\\' && w[1].is_ascii_alphabetic());
    if command {
        return Some("a LaTeX command");
    }
    line.chars().find_map(|c| match c {
        '{' | '}' => Some("a brace"),
        '&' => Some("an `&`"),
        '$' => Some("a `$`"),
        _ => None,
    })
}

#[test]
fn every_deck_formula_renders_without_leftovers_within_80_columns() {
    let mut failures = Vec::new();
    for glyphs in [Glyphs::Unicode, Glyphs::Ascii] {
        for tex in deck() {
            let rendered = match render(tex, &opts(glyphs)) {
                Ok(r) => r,
                Err(e) => {
                    failures.push(format!("{glyphs:?} {tex}: {e}"));
                    continue;
                }
            };
            if rendered.width > 80 {
                failures.push(format!("{glyphs:?} {tex}: {} columns", rendered.width));
            }
            for line in &rendered.lines {
                let w = unicode_width::UnicodeWidthStr::width(line.as_str());
                if w != rendered.width {
                    failures.push(format!(
                        "{glyphs:?} {tex}: line of {w} columns in a block of {}",
                        rendered.width
                    ));
                }
                if let Some(what) = leftover(line) {
                    failures.push(format!("{glyphs:?} {tex}: {what} left in {line:?}"));
                }
                if glyphs == Glyphs::Ascii
                    && !line.is_ascii()
                    && !line.chars().any(|c| c >= '\u{4e00}')
                {
                    failures.push(format!("ascii {tex}: non-ASCII in {line:?}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn deck_has_about_240_distinct_formulas() {
    let n = deck().count();
    assert!((230..=260).contains(&n), "{n} formulas");
}

#[test]
fn deck_formulas_narrowed_to_40_columns_break_and_lose_nothing() {
    for tex in deck() {
        let narrow = render(
            tex,
            &RenderOptions {
                glyphs: Glyphs::Unicode,
                width: 40,
            },
        );
        let Ok(narrow) = narrow else { continue };
        let wide = nnstep::formula::render_inline(tex, Glyphs::Unicode);
        // Every letter and digit of the one-line form is somewhere in the block.
        let count = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).count();
        let block: String = narrow.lines.concat();
        assert!(
            count(&block) >= count(&wide) / 2,
            "{tex}:\n{}",
            narrow.to_text()
        );
    }
}
