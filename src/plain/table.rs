//! Tables as aligned plain text, with display widths counted so that Chinese
//! cells line up.

use unicode_width::UnicodeWidthStr;

/// The header, a rule, and the rows, columns separated by two spaces. Rows
/// shorter than the header are padded with empty cells.
#[must_use]
pub fn render(header: &[String], rows: &[Vec<String>]) -> String {
    let n = header
        .len()
        .max(rows.iter().map(Vec::len).max().unwrap_or(0));
    let cell = |r: &[String], j: usize| r.get(j).map_or("", String::as_str).to_string();
    let widths: Vec<usize> = (0..n)
        .map(|j| {
            std::iter::once(header)
                .chain(rows.iter().map(Vec::as_slice))
                .map(|r| UnicodeWidthStr::width(cell(r, j).as_str()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |r: &[String]| {
        let parts: Vec<String> = (0..n)
            .map(|j| {
                let c = cell(r, j);
                let pad = widths[j] - UnicodeWidthStr::width(c.as_str());
                format!("{c}{}", " ".repeat(pad))
            })
            .collect();
        format!("  {}\n", parts.join("  ").trim_end())
    };
    let mut out = line(header);
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    out.push_str(&format!("  {}\n", rule.join("  ")));
    for r in rows {
        out.push_str(&line(r));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_cells_align_by_display_width() {
        let t = render(
            &["方法".into(), "x".into()],
            &[
                vec!["SGD".into(), "1".into()],
                vec!["全批量".into(), "2".into()],
            ],
        );
        let lines: Vec<&str> = t.lines().collect();
        let col = |l: &str| {
            UnicodeWidthStr::width(&l[..l.rfind(|c: char| !c.is_whitespace()).unwrap_or(0)])
        };
        assert_eq!(col(lines[2]), col(lines[3]), "{t}");
    }
}
