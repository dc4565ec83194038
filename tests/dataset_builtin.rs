#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the report
//! The built-in datasets follow the course book's recipes, are deterministic,
//! and `data/` holds exactly what the generators write.

use std::collections::BTreeSet;
use std::path::Path;

use ndarray::{Array2, ArrayView1};
use nnstep::dataset::Table;
use nnstep::dataset::builtin::{self, Builtin};
use nnstep::dataset::csv_io::write_csv;

#[expect(clippy::approx_constant, reason = "the book's rounded value")]
const BOOK_PI: f64 = 3.14;
#[expect(clippy::approx_constant, reason = "the book's rounded value")]
const BOOK_TAU: f64 = 6.28;

fn get(name: &str) -> Builtin {
    builtin::generate(name).unwrap_or_else(|e| panic!("{e}"))
}

fn col<'a>(t: &'a Table, name: &str) -> ArrayView1<'a, f64> {
    let j = t
        .column_index(name)
        .unwrap_or_else(|| panic!("no column {name}"));
    t.values.column(j)
}

fn count(t: &Table, class: f64) -> usize {
    col(t, "y").iter().filter(|&&y| y == class).count()
}

fn test_table(b: &Builtin) -> &Table {
    b.test
        .as_ref()
        .unwrap_or_else(|| panic!("{} has no test split", b.name))
}

#[test]
fn committed_data_folder_is_exactly_what_the_generators_write() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut expected = BTreeSet::new();
    for data in builtin::generate_all() {
        for (file, table) in data.files() {
            let on_disk = std::fs::read_to_string(dir.join(&file))
                .unwrap_or_else(|e| panic!("data/{file}: {e}; run `nnstep data generate`"));
            assert!(
                on_disk == write_csv(table),
                "data/{file} differs from the generator; run `nnstep data generate`"
            );
            expected.insert(file);
        }
    }
    let present: BTreeSet<String> = std::fs::read_dir(&dir)
        .expect("data/ exists")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|f| f.ends_with(".csv"))
        .collect();
    assert_eq!(
        present, expected,
        "data/ holds CSV files no generator writes"
    );
}

#[test]
fn generating_twice_gives_identical_tables() {
    assert_eq!(builtin::generate_all(), builtin::generate_all());
}

#[test]
fn every_name_generates_finite_numbers() {
    let names = builtin::names();
    assert_eq!(names.len(), 14);
    for name in names {
        let data = get(name);
        assert_eq!(data.name, name);
        assert!(data.train.values.iter().all(|v| v.is_finite()));
    }
}

#[test]
fn unknown_name_lists_the_built_in_ones() {
    let message = builtin::generate("spiral")
        .expect_err("unknown")
        .to_string();
    assert!(
        message.contains("'spiral'") && message.contains("line, house"),
        "{message}"
    );
}

#[test]
fn sizes_and_columns_match_the_book() {
    let expect = [
        ("line", &["x", "y"][..], 100, None),
        ("house", &["x1", "x2", "y"], 1000, None),
        ("chuhan", &["x1", "x2", "y"], 200, None),
        ("kingdoms", &["x1", "x2", "y"], 140, None),
        ("sine", &["x", "y"], 500, Some(100)),
        ("complex", &["x", "y"], 1000, Some(200)),
        ("arc", &["x1", "x2", "y"], 400, Some(100)),
        ("bank", &["x1", "x2", "y"], 1000, Some(500)),
        ("xor", &["x1", "x2", "y"], 4, None),
        ("not", &["x", "y"], 2, None),
    ];
    for (name, columns, train, test) in expect {
        let data = get(name);
        assert_eq!(data.train.columns, columns, "{name}");
        assert_eq!(data.train.rows(), train, "{name}");
        assert_eq!(data.test.as_ref().map(Table::rows), test, "{name}");
        if let Some(t) = &data.test {
            assert_eq!(t.columns, columns, "{name} test");
        }
    }
}

#[test]
fn file_names_mark_the_split() {
    let names = |b: Builtin| b.files().into_iter().map(|(f, _)| f).collect::<Vec<_>>();
    assert_eq!(names(get("line")), ["line.csv"]);
    assert_eq!(names(get("arc")), ["arc.train.csv", "arc.test.csv"]);
}

/// Least squares for y = w*x + b by the closed form
/// w = Σ(x−x̄)(y−ȳ) / Σ(x−x̄)², b = ȳ − w·x̄.
fn fit_line(x: ArrayView1<f64>, y: ArrayView1<f64>) -> (f64, f64) {
    let (mx, my) = (x.mean().unwrap_or(0.0), y.mean().unwrap_or(0.0));
    let sxy: f64 = x.iter().zip(y).map(|(a, b)| (a - mx) * (b - my)).sum();
    let sxx: f64 = x.iter().map(|a| (a - mx).powi(2)).sum();
    let w = sxy / sxx;
    (w, my - w * mx)
}

#[test]
fn line_fits_w_2_and_b_3_within_noise() {
    let t = get("line").train;
    let (x, y) = (col(&t, "x"), col(&t, "y"));
    assert!(x.iter().all(|v| (0.0..1.0).contains(v)));
    let (w, b) = fit_line(x, y);
    // Noise N(0, 0.2) over 100 points with x spread over [0,1): the standard
    // error of w is about 0.2/sqrt(100/12) ≈ 0.07, of b about 0.04.
    assert!((w - 2.0).abs() < 0.25, "w = {w}");
    assert!((b - 3.0).abs() < 0.15, "b = {b}");
    let sd = (y
        .iter()
        .zip(x)
        .map(|(y, x)| (y - w * x - b).powi(2))
        .sum::<f64>()
        / 98.0)
        .sqrt();
    assert!((sd - 0.2).abs() < 0.05, "residual sd = {sd}");
}

#[test]
fn house_follows_its_formula_with_integer_noise() {
    let t = get("house").train;
    let (x1, x2, y) = (col(&t, "x1"), col(&t, "x2"), col(&t, "y"));
    assert!(x1.iter().all(|v| (2.0..22.0).contains(v)));
    assert!(
        x2.iter()
            .all(|v| v.fract() == 0.0 && (40.0..=119.0).contains(v))
    );
    let noise: Vec<f64> = (0..t.rows())
        .map(|i| y[i] - (-2.0 * x1[i] + 5.0 * x2[i] + 50.0))
        .collect();
    assert!(
        noise
            .iter()
            .all(|e| (e - e.round()).abs() < 1e-9 && e.abs() <= 49.0 + 1e-9)
    );
    let mean = noise.iter().sum::<f64>() / noise.len() as f64;
    assert!(mean.abs() < 3.0, "noise mean {mean}");
}

#[test]
fn chuhan_labels_are_the_side_of_x2_equals_2x1_minus_half() {
    let t = get("chuhan").train;
    for r in t.values.rows() {
        let expected = if r[1] > 2.0 * r[0] - 0.5 { 1.0 } else { 0.0 };
        assert_eq!(r[2], expected, "row {r}");
    }
    assert!(count(&t, 1.0) > 60 && count(&t, 0.0) > 60);
}

#[test]
fn kingdoms_are_mostly_on_their_side_of_the_lines() {
    let t = get("kingdoms").train;
    let region = |x: f64, y: f64| {
        let (a1, a2, a3) = (y > 2.5 * x - 10.0, y > 0.3 * x + 5.0, y > -x + 10.0);
        match (a1, a2, a3) {
            (true, true, true) => 1.0,
            (true, false, false) => 2.0,
            (false, false, true) => 3.0,
            _ => 0.0,
        }
    };
    let agree = t
        .values
        .rows()
        .into_iter()
        .filter(|r| region(r[0], r[1]) == r[2])
        .count();
    // The border noise U(−1, 1) moves a point across a line only near it: the
    // book's own file has 129 of 140 on their side.
    assert!(agree >= 115, "{agree} of 140 agree");
    for class in [1.0, 2.0, 3.0] {
        assert!(
            count(&t, class) >= 20,
            "class {class}: {}",
            count(&t, class)
        );
    }
}

#[test]
fn sine_and_complex_test_sets_are_noiseless_curves_on_a_grid() {
    let sine = get("sine");
    let t = test_table(&sine);
    assert_eq!((col(t, "x")[0], col(t, "x")[99]), (0.0, 1.0));
    assert!(
        t.values
            .rows()
            .into_iter()
            .all(|r| (r[1] - (BOOK_TAU * r[0]).sin()).abs() < 1e-12)
    );
    let noise: Vec<f64> = sine
        .train
        .values
        .rows()
        .into_iter()
        .map(|r| r[1] - (BOOK_TAU * r[0]).sin())
        .collect();
    assert!(noise.iter().all(|e| e.abs() <= 0.1));

    let complex = get("complex");
    let f = |x: f64| 0.4 * x * x + 0.3 * x * (15.0 * x).sin() + 0.01 * (50.0 * x).cos() - 0.3;
    let t = test_table(&complex);
    assert_eq!(t.rows(), 200);
    assert!(
        t.values
            .rows()
            .into_iter()
            .all(|r| (r[1] - f(r[0])).abs() < 1e-12)
    );
    assert!(
        complex
            .train
            .values
            .rows()
            .into_iter()
            .all(|r| (r[1] - f(r[0])).abs() <= 0.05)
    );
}

#[test]
fn arc_classes_are_balanced_arches_065_apart() {
    let arc = get("arc");
    for (t, n) in [(&arc.train, 200), (test_table(&arc), 50)] {
        assert_eq!((count(t, 0.0), count(t, 1.0)), (n, n));
        for r in t.values.rows() {
            let lift = if r[2] == 1.0 { 0.65 } else { 0.0 };
            assert!((r[1] - r[0].sin() - lift).abs() <= 0.125, "row {r}");
            assert!((0.0..=BOOK_PI).contains(&r[0]));
        }
    }
}

#[test]
fn bank_labels_follow_the_square_hole_and_the_disc() {
    let bank = get("bank");
    for t in [&bank.train, test_table(&bank)] {
        for r in t.values.rows() {
            let (x1, x2) = (r[0], r[1]);
            assert!((-0.5..0.5).contains(&x1) && (-0.5..0.5).contains(&x2));
            let expected = if x1.abs() < 0.2 && x2.abs() < 0.2 {
                1.0
            } else if x1.hypot(x2) < 0.45 {
                2.0
            } else {
                3.0
            };
            assert_eq!(r[2], expected, "row {r}");
        }
    }
    // Expected shares by area: 0.16, π·0.45² − 0.16 ≈ 0.476, the rest ≈ 0.364.
    let t = &bank.train;
    let shares = [1.0, 2.0, 3.0].map(|c| count(t, c) as f64 / 1000.0);
    for (share, area) in shares.iter().zip([0.16, 0.476, 0.364]) {
        assert!((share - area).abs() < 0.05, "share {share} vs area {area}");
    }
}

#[test]
fn gates_are_their_truth_tables() {
    let ys = |name: &str| col(&get(name).train, "y").to_vec();
    assert_eq!(ys("xor"), [0.0, 1.0, 1.0, 0.0]);
    assert_eq!(ys("and"), [0.0, 0.0, 0.0, 1.0]);
    assert_eq!(ys("or"), [0.0, 1.0, 1.0, 1.0]);
    assert_eq!(ys("nand"), [1.0, 1.0, 1.0, 0.0]);
    assert_eq!(ys("nor"), [1.0, 0.0, 0.0, 0.0]);
    assert_eq!(
        get("not").train.values,
        Array2::from_shape_vec((2, 2), vec![0.0, 1.0, 1.0, 0.0]).expect("2x2")
    );
    let inputs = get("xor")
        .train
        .select(&["x1".into(), "x2".into()], "xor")
        .expect("columns");
    assert_eq!(
        inputs.iter().copied().collect::<Vec<_>>(),
        [0.0, 0.0, 0.0, 1.0, 1.0, 0.0, 1.0, 1.0]
    );
}
