//! The platform's exp on CPUs with AVX2 and FMA, four lanes at a time.
//!
//! On such CPUs glibc's exp is its FMA build (`__exp_fma`): the algorithm of
//! the parent module compiled with fused multiply-adds at fixed places, read
//! from the disassembly of this machine's libm:
//!
//! ```text
//! kd  = fma(x, N/ln2, Shift)                      (then kd − Shift)
//! r   = fma(kd, −ln2lo/N, fma(kd, −ln2hi/N, x))
//! tmp = fma(r²·r², fma(r, C5, C4), fma(r², fma(r, C3, C2), tail + r))
//! y   = fma(scale, tmp, scale)
//! ```
//!
//! The same operations in the same order give the same bits, so unlike the
//! plain port no error bound needs checking: only |x| ≥ 512, infinities and
//! NaN leave the main path. Rust never fuses or reorders floating-point
//! operations on its own, and `mul_add` is one fused instruction where FMA is
//! enabled. pulp checks the CPU and compiles the loops with AVX2 and FMA on,
//! which keeps the `unsafe` of target-feature dispatch out of this crate.
//! The path is used only when a check at first use finds it gives
//! `f64::exp`'s bits on thousands of inputs (`Fused::detect`).

use pulp::x86::V3;

use super::{C2, C3, C4, C5, INV_LN2_N, N, NEG_LN2_HI_N, NEG_LN2_LO_N, SHIFT, TABLE};

/// Lanes computed together (AVX2 holds four doubles).
const LANES: usize = 4;

/// The fused path: a token that the CPU has AVX2 and FMA.
#[derive(Clone, Copy)]
pub(super) struct Fused(V3);

impl Fused {
    /// The fused path, when the CPU has it and it gives `f64::exp`'s bits:
    /// on the parent's probes, on 4,096 inputs spread over the main path and
    /// the sigmoid's range, and on the edges of the main path.
    pub(super) fn detect() -> Option<Self> {
        let fused = Self(V3::try_new()?);
        let mut rng = crate::rng::SeededRng::new(0x5eed_e4a0);
        let mut xs: Vec<f64> = super::PROBES
            .iter()
            .map(|&(x, _)| f64::from_bits(x))
            .collect();
        xs.extend((0..4096).map(|n| match n % 3 {
            0 => rng.uniform_in(-745.0, 710.0),
            1 => -rng.uniform_in(0.0, 40.0),
            _ => rng.uniform_in(-1e-3, 1e-3),
        }));
        xs.extend([0.0, -0.0, 1e-300, -3e-17, 511.9, -511.9, 512.0, -600.0]);
        xs.extend([f64::INFINITY, f64::NEG_INFINITY, f64::NAN]);
        let mut ys = vec![0.0; xs.len()];
        fused.map(&xs, &mut ys, |x| x, |_, e| e);
        let agrees = xs
            .iter()
            .zip(&ys)
            .all(|(x, y)| y.to_bits() == x.exp().to_bits() || (x.is_nan() && y.is_nan()));
        agrees.then_some(fused)
    }

    /// `out[i] = f(xs[i], e^g(xs[i]))`, with AVX2 and FMA.
    #[inline(always)]
    pub(super) fn map(
        self,
        xs: &[f64],
        out: &mut [f64],
        g: impl Fn(f64) -> f64,
        f: impl Fn(f64, f64) -> f64,
    ) {
        self.0.vectorize(
            #[inline(always)]
            || map(xs, out, &g, &f),
        );
    }

    /// `xs[i] = e^xs[i]`, with AVX2 and FMA.
    pub(super) fn map_in_place(self, xs: &mut [f64]) {
        self.0.vectorize(
            #[inline(always)]
            || map_in_place(xs),
        );
    }
}

/// The loop of [`Fused::map`], compiled inside pulp's AVX2 and FMA context:
/// four lanes at a time as plain arrays (which LLVM turns into one vector
/// each), then the remainder one by one with the same arithmetic. A group
/// with a lane off the main path (never, in training) is marked NaN and
/// redone by the platform afterwards: a branch in the loop would keep LLVM
/// from vectorizing it.
#[inline(always)]
fn map(xs: &[f64], out: &mut [f64], g: &impl Fn(f64) -> f64, f: &impl Fn(f64, f64) -> f64) {
    let mut declined = false;
    let mut out_chunks = out.chunks_exact_mut(LANES);
    let mut x_chunks = xs.chunks_exact(LANES);
    for (o, x) in (&mut out_chunks).zip(&mut x_chunks) {
        let x: [f64; LANES] = std::array::from_fn(|l| x[l]);
        let (e, main) = lanes(x.map(g));
        for l in 0..LANES {
            o[l] = if main { f(x[l], e[l]) } else { f64::NAN };
        }
        declined |= !main;
    }
    for (o, &x) in out_chunks
        .into_remainder()
        .iter_mut()
        .zip(x_chunks.remainder())
    {
        let ([e], main) = lanes([g(x)]);
        *o = if main { f(x, e) } else { f64::NAN };
        declined |= !main;
    }
    if declined {
        for (o, &x) in out.iter_mut().zip(xs) {
            if o.is_nan() {
                *o = f(x, super::platform(g(x)));
            }
        }
    }
}

/// [`map`] with the exponentials written over their inputs.
#[inline(always)]
fn map_in_place(xs: &mut [f64]) {
    let mut chunks = xs.chunks_exact_mut(LANES);
    for x in &mut chunks {
        let (e, main) = lanes::<LANES>(std::array::from_fn(|l| x[l]));
        if main {
            x.copy_from_slice(&e);
        } else {
            x.iter_mut().for_each(|x| *x = super::platform(*x));
        }
    }
    for x in chunks.into_remainder() {
        let ([e], main) = lanes([*x]);
        *x = if main { e } else { super::platform(*x) };
    }
}

/// e^x for each lane, and whether every lane is on the main path (|x| < 512;
/// false for NaN); off it a lane's value is meaningless.
#[inline(always)]
fn lanes<const L: usize>(x: [f64; L]) -> ([f64; L], bool) {
    let main = x.iter().fold(true, |all, x| all & (x.abs() < 512.0));
    let kds = x.map(|x| x.mul_add(INV_LN2_N, SHIFT));
    let ki = kds.map(f64::to_bits);
    let kd = kds.map(|k| k - SHIFT);
    let r: [f64; L] =
        std::array::from_fn(|l| kd[l].mul_add(NEG_LN2_LO_N, kd[l].mul_add(NEG_LN2_HI_N, x[l])));
    let index = ki.map(|k| (2 * (k % N)) as usize);
    let tail = index.map(|i| f64::from_bits(TABLE[i]));
    let scale: [f64; L] =
        std::array::from_fn(|l| f64::from_bits(TABLE[index[l] + 1].wrapping_add(ki[l] << 45)));
    let y = std::array::from_fn(|l| {
        let r = r[l];
        let r2 = r * r;
        let low = r2.mul_add(r.mul_add(C3, C2), tail[l] + r);
        let tmp = (r2 * r2).mul_add(r.mul_add(C5, C4), low);
        scale[l].mul_add(tmp, scale[l])
    });
    (y, main)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::SeededRng;

    /// Bit identity with `f64::exp` over the ranges the engine uses and the
    /// whole main path, on this machine when it has AVX2 and FMA.
    #[test]
    fn the_fused_path_gives_the_platforms_bits() {
        let Some(fused) = V3::try_new().map(Fused) else {
            eprintln!("no AVX2 and FMA here: the fused path is not used");
            return;
        };
        let mut rng = SeededRng::new(23);
        let rounds = if cfg!(debug_assertions) {
            2_000
        } else {
            10_000
        };
        let mut xs = vec![0.0; 4_003];
        let mut ys = vec![0.0; 4_003];
        for _ in 0..rounds {
            for (n, x) in xs.iter_mut().enumerate() {
                *x = match n % 4 {
                    0 => -rng.uniform_in(0.0, 40.0),
                    1 => rng.uniform_in(-10.0, 10.0),
                    2 => rng.uniform_in(-745.0, 710.0),
                    _ => {
                        let m = rng.uniform_in(-60.0, 9.0).exp2();
                        if rng.uniform() < 0.5 { -m } else { m }
                    }
                };
            }
            fused.map(&xs, &mut ys, |x| x, |_, e| e);
            for (x, y) in xs.iter().zip(&ys) {
                assert_eq!(y.to_bits(), x.exp().to_bits(), "exp of {:#x}", x.to_bits());
            }
            let mut zs = xs.clone();
            fused.map_in_place(&mut zs);
            assert!(zs.iter().zip(&ys).all(|(z, y)| z.to_bits() == y.to_bits()));
        }
    }
}
