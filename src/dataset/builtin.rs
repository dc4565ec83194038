//! The built-in datasets of the chapters, made by seeded generators.
//!
//! Each dataset follows the course book's recipe (see the module of each
//! generator) but, unlike the book, draws from a fixed seed, so every machine
//! and every version of nnstep makes the same numbers; `data/` holds exactly
//! what [`generate`] returns, written by [`super::csv_io::write_csv`].
//!
//! Seeds: a random dataset has one seed, the number of the book's data file it
//! stands in for (`line` 4, `house` 5, `chuhan` 6, `kingdoms` 7, `sine` 8,
//! `complex` 9, `arc` 10, `bank` 11). Its training rows are drawn from
//! `SeededRng::derived(seed, "train")` and its test rows from
//! `SeededRng::derived(seed, "test")`, so resizing one split leaves the other
//! unchanged. Within a row, draws happen in column order (x1, x2, then noise).
//! XOR and the logic gates are fixed truth tables and draw nothing.
//!
//! Sines and cosines come from `libm` (a port of musl's), not the platform's
//! maths library, so the generated files are the same on every platform.
//!
//! Columns are `x,y` for one feature and `x1,x2,y` for two; `y` is the target
//! (a value for regression, a class id for classification).

mod classification;
mod gates;
mod regression;

use ndarray::Array2;

use super::{DataError, Table};

/// A built-in dataset: its training table and, for the sets the book splits
/// (sine, complex, arc, bank), a test table.
#[derive(Clone, Debug, PartialEq)]
pub struct Builtin {
    /// The stable id, as listed by [`names`].
    pub name: &'static str,
    pub train: Table,
    pub test: Option<Table>,
}

impl Builtin {
    /// The CSV files this dataset is saved as, with the table each holds.
    ///
    /// File naming: a dataset without a test split is `<name>.csv`; one with a
    /// test split is `<name>.train.csv` plus `<name>.test.csv`, never a bare
    /// `<name>.csv`. The train file comes first.
    #[must_use]
    pub fn files(&self) -> Vec<(String, &Table)> {
        match &self.test {
            None => vec![(format!("{}.csv", self.name), &self.train)],
            Some(test) => vec![
                (format!("{}.train.csv", self.name), &self.train),
                (format!("{}.test.csv", self.name), test),
            ],
        }
    }
}

/// Training table and optional test table.
type Split = (Table, Option<Table>);

enum Recipe {
    Seeded { seed: u64, make: fn(u64) -> Split },
    Fixed(fn() -> Table),
}

struct Entry {
    name: &'static str,
    recipe: Recipe,
}

const CATALOG: &[Entry] = &[
    // Chapter 4: servers (thousands) x against air-conditioner power (kW) y = 2x + 3 + N(0, 0.2); 100 rows
    Entry {
        name: "line",
        recipe: Recipe::Seeded {
            seed: 4,
            make: regression::line,
        },
    },
    // Chapter 5: house price y (10k CNY) = -2*distance x1 (km) + 5*area x2 (m²) + 50 + integer noise; 1000 rows
    Entry {
        name: "house",
        recipe: Recipe::Seeded {
            seed: 5,
            make: regression::house,
        },
    },
    // Chapter 6: Chu or Han: points in the unit square, y = 1 where x2 > 2*x1 - 0.5, else 0; 200 rows
    Entry {
        name: "chuhan",
        recipe: Recipe::Seeded {
            seed: 6,
            make: classification::chuhan,
        },
    },
    // Chapter 7: three kingdoms: points in [0,10)², classes 1/2/3 cut by three lines with fuzzy borders; 140 rows
    Entry {
        name: "kingdoms",
        recipe: Recipe::Seeded {
            seed: 7,
            make: classification::kingdoms,
        },
    },
    // Chapter 9: one period of y = sin(6.28x) with uniform noise; 500 train rows, 100 noiseless test rows
    Entry {
        name: "sine",
        recipe: Recipe::Seeded {
            seed: 8,
            make: regression::sine,
        },
    },
    // Chapter 9: the complex curve 0.4x² + 0.3x*sin(15x) + 0.01*cos(50x) - 0.3 with noise; 1000 train, 200 test rows
    Entry {
        name: "complex",
        recipe: Recipe::Seeded {
            seed: 9,
            make: regression::complex,
        },
    },
    // Chapter 10: double arc: two noisy sine arches 0.65 apart, classes 0 and 1; 400 train, 100 test rows
    Entry {
        name: "arc",
        recipe: Recipe::Seeded {
            seed: 10,
            make: classification::arc,
        },
    },
    // Chapter 11: coin with a square hole: class 1 in the square, 2 in the rest of the disc, 3 outside; 1000 train, 500 test rows
    Entry {
        name: "bank",
        recipe: Recipe::Seeded {
            seed: 11,
            make: classification::bank,
        },
    },
    // Chapter 10: exclusive or of two bits: the smallest problem one linear layer cannot solve; 4 rows
    Entry {
        name: "xor",
        recipe: Recipe::Fixed(gates::xor),
    },
    // Chapter 6: logic AND gate: y = 1 only when x1 = x2 = 1; 4 rows
    Entry {
        name: "and",
        recipe: Recipe::Fixed(gates::and),
    },
    // Chapter 6: logic OR gate: y = 1 when x1 or x2 is 1; 4 rows
    Entry {
        name: "or",
        recipe: Recipe::Fixed(gates::or),
    },
    // Chapter 6: logic NAND gate: y = 0 only when x1 = x2 = 1; 4 rows
    Entry {
        name: "nand",
        recipe: Recipe::Fixed(gates::nand),
    },
    // Chapter 6: logic NOR gate: y = 1 only when x1 = x2 = 0; 4 rows
    Entry {
        name: "nor",
        recipe: Recipe::Fixed(gates::nor),
    },
    // Chapter 6: logic NOT gate: y = 1 - x on one bit; 2 rows
    Entry {
        name: "not",
        recipe: Recipe::Fixed(gates::not),
    },
];

/// Names of every built-in dataset, in chapter-story order.
#[must_use]
pub fn names() -> Vec<&'static str> {
    CATALOG.iter().map(|e| e.name).collect()
}

fn entry(name: &str) -> Result<&'static Entry, DataError> {
    CATALOG
        .iter()
        .find(|e| e.name == name)
        .ok_or_else(|| DataError::UnknownBuiltin {
            name: name.to_string(),
            available: names().join(", "),
        })
}

/// Generates the built-in dataset called `name`; the same name always gives
/// the same numbers.
pub fn generate(name: &str) -> Result<Builtin, DataError> {
    let e = entry(name)?;
    let (train, test) = match e.recipe {
        Recipe::Seeded { seed, make } => make(seed),
        Recipe::Fixed(make) => (make(), None),
    };
    Ok(Builtin {
        name: e.name,
        train,
        test,
    })
}

/// Every built-in dataset, in the order of [`names`].
#[must_use]
pub fn generate_all() -> Vec<Builtin> {
    CATALOG
        .iter()
        .filter_map(|e| generate(e.name).ok())
        .collect()
}

/// A table from fixed-width rows.
fn table<const N: usize>(columns: [&str; N], rows: &[[f64; N]]) -> Table {
    Table {
        columns: columns.iter().map(|c| (*c).to_string()).collect(),
        values: Array2::from_shape_fn((rows.len(), N), |(i, j)| rows[i][j]),
    }
}

/// `n` evenly spaced values from `start` to `stop`, both included, computed as
/// NumPy's `linspace` does (`start + i*step`, the last set to `stop`).
fn linspace(start: f64, stop: f64, n: usize) -> Vec<f64> {
    if n < 2 {
        return vec![start; n];
    }
    let step = (stop - start) / (n - 1) as f64;
    let mut xs: Vec<f64> = (0..n).map(|i| i as f64 * step + start).collect();
    xs[n - 1] = stop;
    xs
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each random dataset draws from its own seed, the number of the book's
    /// data file it stands in for; the truth tables draw nothing.
    #[test]
    fn seeds_are_the_book_file_numbers_and_truth_tables_have_none() {
        let seeds: Vec<Option<u64>> = CATALOG
            .iter()
            .map(|e| match e.recipe {
                Recipe::Seeded { seed, .. } => Some(seed),
                Recipe::Fixed(_) => None,
            })
            .collect();
        let drawn: Vec<u64> = seeds.iter().flatten().copied().collect();
        assert_eq!(drawn, [4, 5, 6, 7, 8, 9, 10, 11]);
        let xor = CATALOG.iter().position(|e| e.name == "xor");
        assert_eq!(xor.map(|i| seeds[i]), Some(None));
    }
}
