//! How live values are written into a formula: a fixed number of decimals
//! for substituted inputs, significant digits for the result.

/// Number style for substituted values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NumberFormat {
    /// Decimals of each substituted value: `3` gives `3.412`, `0.346`.
    pub decimals: usize,
    /// Significant digits of the result: `4` gives `0.1425`, `12.35`.
    pub result_digits: usize,
}

impl Default for NumberFormat {
    fn default() -> Self {
        NumberFormat {
            decimals: 3,
            result_digits: 4,
        }
    }
}

/// `v` with `decimals` decimals; scientific when that would show only
/// zeros or more than six integer digits.
pub(crate) fn fixed(v: f64, decimals: usize, unicode: bool) -> String {
    if !v.is_finite() {
        return non_finite(v, unicode);
    }
    let decimals = decimals.min(12);
    let tiny = v != 0.0 && v.abs() < 0.5 * 10f64.powi(-(decimals as i32));
    let text = if tiny || v.abs() >= 1e6 {
        format!("{v:.decimals$e}")
    } else {
        format!("{v:.decimals$}")
    };
    tidy(text, unicode)
}

/// `v` with `digits` significant digits; scientific below 1e-4 and from 1e6.
pub(crate) fn significant(v: f64, digits: usize, unicode: bool) -> String {
    if !v.is_finite() {
        return non_finite(v, unicode);
    }
    if v == 0.0 {
        return "0".into();
    }
    let digits = digits.clamp(1, 15);
    let exp = v.abs().log10().floor() as i32;
    let text = if !(-4..6).contains(&exp) {
        let decimals = digits - 1;
        format!("{v:.decimals$e}")
    } else {
        let decimals = (digits as i32 - 1 - exp).max(0) as usize;
        format!("{v:.decimals$}")
    };
    tidy(text, unicode)
}

fn non_finite(v: f64, unicode: bool) -> String {
    match (v.is_nan(), v > 0.0, unicode) {
        (true, _, _) => "NaN".into(),
        (false, true, true) => "∞".into(),
        (false, false, true) => "−∞".into(),
        (false, true, false) => "inf".into(),
        (false, false, false) => "-inf".into(),
    }
}

/// Drops the sign of a negative zero and uses the Unicode minus.
fn tidy(text: String, unicode: bool) -> String {
    let negative_zero = text.starts_with('-') && text[1..].chars().all(|c| matches!(c, '0' | '.'));
    let text = if negative_zero {
        text[1..].to_string()
    } else {
        text
    };
    if unicode {
        text.replace('-', "−")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_keeps_trailing_zeros_so_columns_line_up() {
        assert_eq!(fixed(3.0, 3, true), "3.000");
        assert_eq!(fixed(-0.1214, 3, true), "−0.121");
        assert_eq!(fixed(-0.0001, 3, false), "-1.000e-4");
    }

    #[test]
    fn significant_gives_four_digits_of_the_result() {
        // (3.412 − 3.000) × 0.346 = 0.142552
        assert_eq!(significant((3.412 - 3.0) * 0.346, 4, true), "0.1426");
        assert_eq!(significant(0.1425, 4, true), "0.1425");
        assert_eq!(significant(1234.5678, 4, false), "1235");
        assert_eq!(significant(0.0, 4, false), "0");
    }

    #[test]
    fn negative_zero_prints_without_sign() {
        assert_eq!(fixed(-0.0, 3, true), "0.000");
    }
}
