//! The loss landscape: one grid of losses over two parameters at the
//! terminal's resolution (80×24 and 160×48 cells) on the course's data, and
//! the redraw after the learner changes η (every run restarted, the
//! picture rebuilt from the kept grid).
//!
//! Run: `cargo bench --bench landscape`.
//!
//! | case | data | rows | parameters |
//! |---|---|---|---|
//! | line | line (ch04) | 100 | w, b of 1-1 |
//! | house | house (ch05), min-max | 1000 | w1, w2 of 2-1 (b at the optimum) |

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use nnstep::lesson::Catalog;
use nnstep::session::Session;

/// The landscape of step `step` of built-in lesson `id`, at its start.
fn landscape(id: &str, step: &str) -> nnstep::session::landscape::Landscape {
    let lesson = Catalog::builtin()
        .get(id)
        .expect("built-in lesson")
        .load()
        .expect("lesson loads");
    let mut s = Session::new(lesson);
    let i = s.lesson().step_index(step).expect("step exists");
    s.goto(i).expect("step in range");
    s.landscape().expect("a landscape step").expect("resolves")
}

fn grid(c: &mut Criterion) {
    for (name, id, step) in [
        ("line", "ch04", "landscape-batches"),
        ("house", "ch05", "landscape-normalised"),
    ] {
        let l = landscape(id, step);
        for (cols, rows) in [(80, 24), (160, 48)] {
            c.bench_function(&format!("grid {name} {cols}x{rows}"), |b| {
                b.iter(|| black_box(l.grid(black_box(cols), black_box(rows)).expect("grid")));
            });
        }
    }
}

fn redraw_after_eta(c: &mut Criterion) {
    let mut l = landscape("ch04", "landscape-batches");
    let grid = l.grid(80, 24).expect("grid");
    c.bench_function("redraw after ] (ch04, 3 runs, 80x24)", |b| {
        b.iter(|| {
            l.scale_learning_rate(2.0).expect("η doubles");
            l.scale_learning_rate(0.5).expect("η halves");
            black_box(l.picture(&grid))
        });
    });
}

criterion_group!(benches, grid, redraw_after_eta);
criterion_main!(benches);
