//! Formula rendering speed: a screen of formulas must redraw at frame rate,
//! so a typical deck formula should take well under 100 µs.
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use nnstep::formula::{
    Bindings, BoundFormula, Glyphs, NumberFormat, RenderOptions, render, render_inline,
};

const CHAIN_RULE: &str = r"\frac{\partial loss}{\partial w} = \frac{\partial loss}{\partial z} \cdot \frac{\partial z}{\partial w} = (z-y) \cdot x";
const ALIGNED: &str = r"\begin{aligned} \frac{\partial \text{loss}}{\partial z} &= \frac{\partial \text{loss}}{\partial a} \frac{\partial a}{\partial z} \\ &= \frac{a-y}{a(1-a)} \cdot a(1-a) = a - y \end{aligned} \quad (6)";
const MATRIX: &str = r"X = \begin{pmatrix} 1 & x_{1,1} & x_{1,2} & \dots & x_{1,n} \\ 1 & x_{2,1} & x_{2,2} & \dots & x_{2,n} \\ \vdots & \vdots & \vdots & \ddots & \vdots \\ 1 & x_{m,1} & x_{m,2} & \dots & x_{m,n} \end{pmatrix} * \begin{pmatrix} w_0 \\ w_1 \\ \vdots \\ w_n \end{pmatrix} = \begin{pmatrix} y_1 \\ y_2 \\ \vdots \\ y_m \end{pmatrix}";
const SOFTMAX: &str = r"a_j = \frac{e^{z_j}}{\sum_{i=1}^m e^{z_i}} = \frac{e^{z_j}}{e^{z_1} + e^{z_2} + \dots + e^{z_m}} \quad (2)";

fn bench_render(c: &mut Criterion) {
    let unicode = RenderOptions::default();
    let ascii = RenderOptions {
        glyphs: Glyphs::Ascii,
        width: 80,
    };
    for (name, tex) in [
        ("chain_rule", CHAIN_RULE),
        ("aligned", ALIGNED),
        ("matrix", MATRIX),
        ("softmax", SOFTMAX),
    ] {
        c.bench_function(&format!("render/{name}"), |b| {
            b.iter(|| render(black_box(tex), &unicode))
        });
    }
    c.bench_function("render/chain_rule_ascii", |b| {
        b.iter(|| render(black_box(CHAIN_RULE), &ascii))
    });
    let narrow = RenderOptions {
        glyphs: Glyphs::Unicode,
        width: 30,
    };
    c.bench_function("render/softmax_broken_at_30", |b| {
        b.iter(|| render(black_box(SOFTMAX), &narrow))
    });
    c.bench_function("inline/chain_rule", |b| {
        b.iter(|| render_inline(black_box(CHAIN_RULE), Glyphs::Unicode))
    });
}

fn bench_bound(c: &mut Criterion) {
    let opts = RenderOptions::default();
    let Ok(f) = BoundFormula::new(r"\frac{\partial loss}{\partial w} = (z_i - y_i)x_i", &opts)
    else {
        return;
    };
    let mut values = Bindings::new()
        .with("z_i", 3.412)
        .with("y_i", 3.0)
        .with("x_i", 0.346);
    let mut z = 3.412;
    c.bench_function("bound/frame", |b| {
        b.iter(|| {
            z += 1e-3;
            values.set("z_i", z);
            f.render(&values, Some((z - 3.0) * 0.346), NumberFormat::default())
        })
    });
}

criterion_group!(benches, bench_render, bench_bound);
criterion_main!(benches);
