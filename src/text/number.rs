//! Numbers fitted into a fixed number of columns without ever cutting
//! digits off: fewer decimals first (rounded, not truncated), then
//! scientific notation, and `…` only when not even that fits. Used by the
//! dashboard's matrices and status line and the comparison table, so a
//! column that is too narrow shows a coarser number rather than a wrong one.

/// `v` in at most `width` columns with at most `max_decimals` decimals:
/// the most decimals that fit, else `1.2e5`-style, else `…`.
#[must_use]
pub fn fit(v: f64, width: usize, max_decimals: usize) -> String {
    if !v.is_finite() {
        let s = if v.is_nan() {
            "NaN"
        } else if v > 0.0 {
            "inf"
        } else {
            "-inf"
        };
        return if s.len() <= width {
            s.into()
        } else {
            "…".into()
        };
    }
    for d in (0..=max_decimals).rev() {
        let s = clean(format!("{v:.d$}"));
        // A value that rounds to zero at this precision says nothing: prefer
        // scientific notation for it (0.00004 is not 0.0000).
        if s.len() <= width && !(v != 0.0 && is_zero(&s)) {
            return s;
        }
    }
    for d in (0..=3).rev() {
        let s = format!("{v:.d$e}");
        if s.len() <= width {
            return s;
        }
    }
    "…".into()
}

/// A value for reading: up to `digits` significant digits, without float
/// noise or trailing zeros (`0.060944000000000005` → `0.060944`).
#[must_use]
pub fn plain(v: f64, digits: usize) -> String {
    if !v.is_finite() || v == 0.0 {
        return fit(v, 8, 0);
    }
    let magnitude = v.abs().log10().floor() as i32;
    if !(-5..=9).contains(&magnitude) {
        let s = format!("{:.*e}", digits.saturating_sub(1), v);
        let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
        return format!("{}e{e}", trim_zeros(m));
    }
    let decimals = usize::try_from(i32::try_from(digits).unwrap_or(6) - 1 - magnitude).unwrap_or(0);
    trim_zeros(&clean(format!("{v:.decimals$}")))
}

fn trim_zeros(s: &str) -> String {
    if !s.contains('.') {
        return s.to_string();
    }
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// `-0.00` is printed as `0.00`.
/// A column of values with one precision, so the decimal points line up:
/// the most decimals (at most `max_decimals`) at which every value fits
/// `width` and none that is not zero shows as zero. When no one precision
/// does (a column holding both 12345 and 0.00001), each value is fitted
/// on its own, as by [`fit`].
#[must_use]
pub fn column(values: &[f64], width: usize, max_decimals: usize) -> Vec<String> {
    for d in (0..=max_decimals).rev() {
        let cells: Vec<String> = (values.iter()).map(|v| clean(format!("{v:.d$}"))).collect();
        let all_fit = (values.iter().zip(&cells))
            .all(|(v, s)| v.is_finite() && s.len() <= width && !(*v != 0.0 && is_zero(s)));
        if all_fit {
            return cells;
        }
    }
    values
        .iter()
        .map(|v| fit(*v, width, max_decimals))
        .collect()
}

fn clean(s: String) -> String {
    if s.starts_with('-') && is_zero(&s) {
        s[1..].to_string()
    } else {
        s
    }
}

fn is_zero(s: &str) -> bool {
    s.chars().all(|c| matches!(c, '0' | '.' | '-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_column_has_one_precision_when_one_fits_every_value() {
        assert_eq!(
            column(&[392.425, 0.00166, -34.7391], 8, 4),
            ["392.4250", "0.0017", "-34.7391"]
        );
        assert_eq!(column(&[12.5, 0.1234], 6, 4), ["12.500", "0.123"]);
        assert_eq!(column(&[92557.35, 0.5], 8, 4), ["92557.35", "0.50"]);
        // No one precision shows both: each is fitted on its own.
        assert_eq!(column(&[92557.35, 0.00001], 7, 4), ["92557.4", "1.00e-5"]);
        assert_eq!(column(&[], 6, 4), Vec::<String>::new());
    }

    #[test]
    fn decimals_are_rounded_away_never_cut() {
        assert_eq!(fit(12.3456, 6, 4), "12.346");
        assert_eq!(fit(393.517, 4, 3), "394");
        assert_eq!(fit(92557.35166, 8, 5), "92557.35");
        assert_eq!(fit(-0.5, 7, 4), "-0.5000");
    }

    #[test]
    fn too_wide_numbers_go_scientific_then_to_an_ellipsis() {
        assert_eq!(fit(1_234_567.0, 6, 2), "1.23e6");
        assert_eq!(fit(0.00004, 6, 4), "4.0e-5");
        assert_eq!(fit(1_234_567.0, 2, 2), "…");
        assert_eq!(fit(f64::NAN, 2, 2), "…");
    }

    #[test]
    fn every_fitted_number_fits_and_reads_back_close() {
        for v in [0.0, 1.0, -1.0, 2.71, 123.456, -98765.4321, 1e-7, 6.02e23] {
            for w in 4..12 {
                let s = fit(v, w, 4);
                assert!(s.chars().count() <= w, "{v} in {w}: {s}");
                if let Ok(back) = s.parse::<f64>() {
                    assert!(
                        (back - v).abs() <= v.abs() * 0.5 + 0.5e-4,
                        "{v} in {w}: {s}"
                    );
                }
            }
        }
    }

    #[test]
    fn plain_numbers_drop_float_noise() {
        assert_eq!(plain(0.060944000000000005, 6), "0.060944");
        assert_eq!(plain(0.1 + 0.2, 6), "0.3");
        assert_eq!(plain(-2.5, 6), "-2.5");
        assert_eq!(plain(1234.5678, 6), "1234.57");
        assert_eq!(plain(1.5e-7, 3), "1.5e-7");
    }
}
