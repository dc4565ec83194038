//! Tables as aligned plain text, with display widths counted so that Chinese
//! cells line up, and cells wrapped so the table fits a width.

use unicode_width::UnicodeWidthStr;

use super::wrap::wrap;

const GAP: usize = 2;
const INDENT: usize = 2;
/// A column is never squeezed below this many columns.
const MIN_COL: usize = 6;

fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Column widths: natural widths, the widest shrunk until the table fits
/// `max` (or nothing more can shrink).
fn column_widths(all: &[&[String]], n: usize, max: usize) -> Vec<usize> {
    let mut w: Vec<usize> = (0..n)
        .map(|j| {
            all.iter()
                .map(|r| r.get(j).map_or(0, |c| width(c)))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let total = |w: &[usize]| INDENT + w.iter().sum::<usize>() + GAP * w.len().saturating_sub(1);
    while total(&w) > max {
        let Some((j, &widest)) = w.iter().enumerate().max_by_key(|(_, v)| **v) else {
            break;
        };
        if widest <= MIN_COL {
            break;
        }
        w[j] = widest - 1;
    }
    w
}

/// The header, a rule, and the rows, columns separated by two spaces and the
/// whole at most `max` columns wide where cells can wrap. Rows shorter than
/// the header are padded with empty cells.
#[must_use]
pub fn render(header: &[String], rows: &[Vec<String>], max: usize) -> String {
    let n = header
        .len()
        .max(rows.iter().map(Vec::len).max().unwrap_or(0));
    let all: Vec<&[String]> = std::iter::once(header)
        .chain(rows.iter().map(Vec::as_slice))
        .collect();
    let widths = column_widths(&all, n, max);
    let line = |r: &[String]| {
        let cells: Vec<Vec<String>> = (0..n)
            .map(|j| {
                let c = r.get(j).map_or("", String::as_str);
                wrap(c, widths[j], "", "")
            })
            .collect();
        let height = cells.iter().map(Vec::len).max().unwrap_or(1);
        let mut out = String::new();
        for k in 0..height {
            let parts: Vec<String> = (0..n)
                .map(|j| {
                    let c = cells[j].get(k).map_or("", String::as_str);
                    let pad = widths[j].saturating_sub(width(c));
                    format!("{c}{}", " ".repeat(pad))
                })
                .collect();
            out.push_str(&format!("  {}\n", parts.join("  ").trim_end()));
        }
        out
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
            80,
        );
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(width(lines[2]), width(lines[3]), "{t}");
    }

    #[test]
    fn a_wide_table_wraps_its_widest_cells_to_fit() {
        let long = "one update per pass, slow for big data".to_string();
        let t = render(&["a".into(), "b".into()], &[vec![long.clone(), long]], 40);
        assert!(t.lines().all(|l| width(l) <= 40), "{t}");
        assert!(t.contains("slow"), "{t}");
    }
}
