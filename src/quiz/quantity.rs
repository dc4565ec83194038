//! What a gradient question asks for, and how the deck names it: `z`, `dw`
//! in a one-layer model, `Z1`, `dW2` (layer-numbered) in a deeper one.

/// A quantity of the forward or backward pass; layers count from 0 here
/// (the deck's layer 1 is 0).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quantity {
    Z(usize),
    A(usize),
    Loss,
    DZ(usize),
    DW(usize),
    DB(usize),
}

impl Quantity {
    /// Reads a name as an author writes it: `z`, `a`, `loss`, `dz`, `dw`,
    /// `db` (one-layer models), `Z1`, `A2`, `dZ2`, `dW1`, `dB1` (any model);
    /// letters are case-insensitive. `layers` is the model's depth.
    ///
    /// # Errors
    /// A message saying which names exist.
    pub fn parse(name: &str, layers: usize) -> Result<Self, String> {
        let lower = name.trim().to_ascii_lowercase();
        if matches!(lower.as_str(), "loss" | "l") {
            return Ok(Quantity::Loss);
        }
        let split = lower
            .find(|c: char| c.is_ascii_digit())
            .unwrap_or(lower.len());
        let (stem, digits) = lower.split_at(split);
        let make: fn(usize) -> Quantity = match stem {
            "z" => Quantity::Z,
            "a" => Quantity::A,
            "dz" => Quantity::DZ,
            "dw" => Quantity::DW,
            "db" => Quantity::DB,
            _ => {
                return Err(format!(
                    "'{name}' is not a quantity nnstep can compute; use z, a, loss, dz, dw or db, with the layer number in a deeper model (dW1, dZ2)"
                ));
            }
        };
        if digits.is_empty() {
            if layers == 1 {
                return Ok(make(0));
            }
            return Err(format!(
                "the model has {layers} layers, so '{name}' needs a layer number ({} to {})",
                make(0).name(layers),
                make(layers - 1).name(layers)
            ));
        }
        match digits.parse::<usize>() {
            Ok(k) if (1..=layers).contains(&k) => Ok(make(k - 1)),
            _ => Err(format!(
                "'{name}' names layer {digits}, but the model has layers 1 to {layers}"
            )),
        }
    }

    /// The layer (0-based), if the quantity belongs to one.
    #[must_use]
    pub fn layer(self) -> Option<usize> {
        match self {
            Quantity::Z(i)
            | Quantity::A(i)
            | Quantity::DZ(i)
            | Quantity::DW(i)
            | Quantity::DB(i) => Some(i),
            Quantity::Loss => None,
        }
    }

    /// The name as shown in plain text: `dw` (one layer) or `dW2`.
    #[must_use]
    pub fn name(self, layers: usize) -> String {
        let (stem, i) = self.stem();
        match i {
            None => "L".into(),
            Some(_) if layers == 1 => stem.to_ascii_lowercase(),
            Some(i) => format!("{stem}{}", i + 1),
        }
    }

    /// The name in TeX: `dw` or `dW_2`.
    #[must_use]
    pub fn tex(self, layers: usize) -> String {
        let (stem, i) = self.stem();
        match i {
            None => "L".into(),
            Some(_) if layers == 1 => stem.to_ascii_lowercase(),
            Some(i) => format!("{stem}_{}", i + 1),
        }
    }

    fn stem(self) -> (&'static str, Option<usize>) {
        match self {
            Quantity::Z(i) => ("Z", Some(i)),
            Quantity::A(i) => ("A", Some(i)),
            Quantity::DZ(i) => ("dZ", Some(i)),
            Quantity::DW(i) => ("dW", Some(i)),
            Quantity::DB(i) => ("dB", Some(i)),
            Quantity::Loss => ("L", None),
        }
    }
}

/// The TeX name of a symbol of the case: `X`/`x`, `W_2`/`w`, … (`layer`
/// 0-based; `None` for X and Y).
#[must_use]
pub fn symbol_tex(stem: &str, layer: Option<usize>, layers: usize) -> String {
    match layer {
        _ if layers == 1 => stem.to_ascii_lowercase(),
        None => stem.to_string(),
        Some(i) => format!("{stem}_{}", i + 1),
    }
}

/// The plain name of a symbol: `x`, `W2`.
#[must_use]
pub fn symbol_name(stem: &str, layer: Option<usize>, layers: usize) -> String {
    match layer {
        _ if layers == 1 => stem.to_ascii_lowercase(),
        None => stem.to_string(),
        Some(i) => format!("{stem}{}", i + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_with_aliases_and_layer_numbers() {
        assert_eq!(Quantity::parse("dw", 1), Ok(Quantity::DW(0)));
        assert_eq!(Quantity::parse("dW1", 1), Ok(Quantity::DW(0)));
        assert_eq!(Quantity::parse("dZ2", 2), Ok(Quantity::DZ(1)));
        assert_eq!(Quantity::parse("loss", 2), Ok(Quantity::Loss));
        assert!(
            Quantity::parse("dw", 2)
                .unwrap_err()
                .contains("layer number")
        );
        assert!(
            Quantity::parse("dW3", 2)
                .unwrap_err()
                .contains("layers 1 to 2")
        );
        assert!(Quantity::parse("dq", 1).is_err());
        assert_eq!(Quantity::DW(1).name(2), "dW2");
        assert_eq!(Quantity::DW(0).tex(1), "dw");
    }
}
