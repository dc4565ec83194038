//! e^x with exactly the bits of the platform's `exp`, without the call.
//!
//! Half of a run of the course's sigmoid networks used to be the C library's
//! `exp` (the function, its errno wrapper and the call through the PLT). On
//! glibc (version 2.28 and later, on every architecture) `exp` is ARM's
//! optimized-routines algorithm: k = round(x·N/ln2) with N = 128,
//! r = x − k·ln2/N in two parts, e^x = 2^(k/N)·(1 + tail + p(r)) with a
//! 128-entry table for 2^(i/N) and a degree-5 polynomial p. Its results are
//! not always correctly rounded (about one x in 2,000 is 1 ulp off), so a
//! different exp would move the engine's last digits. [`exp`] evaluates the
//! same algorithm inline, with the same table and constants, in plain
//! (unfused) arithmetic.
//!
//! glibc's build for CPUs with FMA fuses several of the steps, so a plain
//! evaluation can differ from it in the last bits of the intermediate values.
//! [`exp`] therefore also bounds how far the plain evaluation can be from any
//! evaluation of the algorithm, fused or not (the error analysis is at
//! `port`), and returns its own result only when the exact value it rounds
//! lies so far inside a rounding interval that every such evaluation rounds to
//! the same double. Otherwise (about 2 % of calls, and every |x| ≥ 512,
//! infinity or NaN) it calls `f64::exp`. So the result is the platform's bit
//! for bit by construction; a test compares both on tens of millions of
//! inputs.
//!
//! On x86-64 CPUs with AVX2 and FMA glibc runs its FMA build, and the slice
//! functions ([`map_exp_neg_abs`], [`exp_in_place`]) reproduce that build
//! exactly, four lanes at a time, with no check needed (`fused`). That
//! makes the sigmoid about three times cheaper than the call.
//!
//! The port is used only on glibc targets, and only if a probe at first use
//! finds that `f64::exp` is this algorithm (inputs it rounds differently from
//! a correctly rounded exp). Everywhere else [`exp`] is `f64::exp`.

// Off glibc only `exp`'s fallback is used.
#![cfg_attr(not(target_env = "gnu"), allow(dead_code))]

#[cfg(target_arch = "x86_64")]
mod fused;

/// How this machine gets the platform's bits, decided at first use.
#[derive(Clone, Copy)]
enum Path {
    /// glibc's FMA build, reproduced exactly four lanes at a time (x86-64
    /// with AVX2 and FMA): slices only.
    #[cfg(target_arch = "x86_64")]
    Fused(fused::Fused),
    /// The plain port with its error bound, declining about 2 % of inputs.
    Port,
    /// `f64::exp` itself.
    Platform,
}

#[inline]
fn path() -> Path {
    static PATH: std::sync::OnceLock<Path> = std::sync::OnceLock::new();
    *PATH.get_or_init(|| {
        if !port_in_use() {
            return Path::Platform;
        }
        #[cfg(target_arch = "x86_64")]
        if let Some(f) = fused::Fused::detect() {
            return Path::Fused(f);
        }
        Path::Port
    })
}

/// Whether the port is used: glibc's exp is the algorithm ported here.
#[inline]
fn port_in_use() -> bool {
    #[cfg(target_env = "gnu")]
    {
        static AGREES: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
        *AGREES.get_or_init(platform_is_the_port)
    }
    #[cfg(not(target_env = "gnu"))]
    {
        false
    }
}

/// e^x, bit for bit the platform's `f64::exp`.
#[inline]
#[must_use]
pub fn exp(x: f64) -> f64 {
    if port_in_use() { ported(x) } else { x.exp() }
}

/// The port's result, or the platform's where the port declines.
#[inline(always)]
fn ported(x: f64) -> f64 {
    match port(x) {
        (y, true) => y,
        _ => platform(x),
    }
}

/// `xs[i] = e^xs[i]` for every element, bit for bit the platform's.
pub fn exp_in_place(xs: &mut [f64]) {
    path().exp_in_place(xs);
}

/// `out[i] = f(zs[i], e^(−|zs[i]|))` for every element (the sigmoid and its
/// relatives take e^(−|z|)), the exponentials bit for bit the platform's.
/// One loop, so `f`'s arithmetic (a division, say) overlaps the next
/// elements' exponentials.
#[inline(always)]
pub fn map_exp_neg_abs(zs: &[f64], out: &mut [f64], f: impl Fn(f64, f64) -> f64) {
    path().map_exp_neg_abs(zs, out, f);
}

impl Path {
    fn exp_in_place(self, xs: &mut [f64]) {
        match self {
            #[cfg(target_arch = "x86_64")]
            Path::Fused(f) => f.map_in_place(xs),
            Path::Port => xs.iter_mut().for_each(|x| *x = ported(*x)),
            Path::Platform => xs.iter_mut().for_each(|x| *x = x.exp()),
        }
    }

    #[inline(always)]
    fn map_exp_neg_abs(self, zs: &[f64], out: &mut [f64], f: impl Fn(f64, f64) -> f64) {
        match self {
            #[cfg(target_arch = "x86_64")]
            Path::Fused(fused) => fused.map(zs, out, |z| -z.abs(), f),
            Path::Port => {
                // Without a branch in the loop (so the exps overlap): a
                // declined element is marked NaN, and a second pass redoes
                // every NaN with the platform's exp (which gives the same
                // value again for an element whose f is NaN anyway).
                let mut declined = false;
                for (o, &z) in out.iter_mut().zip(zs) {
                    let (e, clear) = port(-z.abs());
                    let v = f(z, e);
                    *o = if clear { v } else { f64::NAN };
                    declined |= !clear;
                }
                if declined {
                    for (o, &z) in out.iter_mut().zip(zs) {
                        if o.is_nan() {
                            *o = f(z, platform(-z.abs()));
                        }
                    }
                }
            }
            Path::Platform => {
                for (o, &z) in out.iter_mut().zip(zs) {
                    *o = f(z, (-z.abs()).exp());
                }
            }
        }
    }
}

#[cold]
#[inline(never)]
fn platform(x: f64) -> f64 {
    x.exp()
}

/// Inputs on which glibc's exp is not correctly rounded: a C library with a
/// different algorithm (an older glibc's correctly rounded exp, say) gives
/// other bits for them, and then the port is not used.
const PROBES: [(u64, u64); 8] = [
    (0xc02ecadaff6a210b, 0x3e8ba05bb136a1d5),
    (0xc035237b011740ee, 0x3e06ae7fca773aca),
    (0x401dc02b1e1c9700, 0x409a8b1cba91b5bf),
    (0xc01e14123c2e68f3, 0x3f41c58da820697a),
    (0xc0064a4782ddb53a, 0x3faf90b14b5c4ae4),
    (0xc076d24ff071af1d, 0x1f027aa192bbd2b3),
    (0xc02e70c8b7865f89, 0x3e9078571a69f86a),
    (0xc0173bd1cf52dfbf, 0x3f68980590ca0d5b),
];

/// True when `f64::exp` gives the ported algorithm's bits on the probes
/// (and the port agrees with itself there).
fn platform_is_the_port() -> bool {
    PROBES.iter().all(|&(x, y)| {
        let x = f64::from_bits(x);
        let (p, clear) = port(x);
        x.exp().to_bits() == y && (!clear || p.to_bits() == y)
    })
}

const N: u64 = 128;
/// N/ln 2.
const INV_LN2_N: f64 = f64::from_bits(0x40671547652b82fe);
/// −ln2/N in two parts; the high part has 36 significant bits, so k·hi is
/// exact for |k| < 2^17 (every |x| < 512).
const NEG_LN2_HI_N: f64 = f64::from_bits(0xbf762e42fefa0000);
const NEG_LN2_LO_N: f64 = f64::from_bits(0xbd0cf79abc9e3b3a);
/// 1.5·2^52: adding it rounds to an integer, whose bits end the sum.
const SHIFT: f64 = f64::from_bits(0x4338000000000000);
/// The polynomial p(r) = r + C2·r² + C3·r³ + C4·r⁴ + C5·r⁵ (minimax on
/// |r| ≤ ln2/2N), the platform's coefficients.
const C2: f64 = f64::from_bits(0x3fdffffffffffdbd);
const C3: f64 = f64::from_bits(0x3fc555555555543c);
const C4: f64 = f64::from_bits(0x3fa55555cf172b91);
const C5: f64 = f64::from_bits(0x3f81111167a4d017);

/// For i in 0..N: `TABLE[2i]` = the bits of tail_i and `TABLE[2i+1]` = the
/// bits of H_i minus i·2^45, where H_i = 2^(i/N) rounded to a double and
/// tail_i = (2^(i/N) − H_i)/H_i rounded. Generated with 50-digit decimal
/// arithmetic, and equal word for word to the table in glibc 2.36's libm:
///
/// ```text
/// from decimal import Decimal, getcontext; import struct
/// getcontext().prec = 60
/// bits = lambda f: struct.unpack('<Q', struct.pack('<d', f))[0]
/// for i in range(128):
///     s = Decimal(2) ** (Decimal(i) / 128); h = float(s)
///     print(hex(bits(float((s - Decimal(h)) / Decimal(h)))),
///           hex((bits(h) - (i << 45)) % 2**64))
/// ```
#[rustfmt::skip]
const TABLE: [u64; 256] = [
    0x0000000000000000, 0x3ff0000000000000, 0x3c9b3b4f1a88bf6e, 0x3feff63da9fb3335,
    0xbc7160139cd8dc5d, 0x3fefec9a3e778061, 0xbc905e7a108766d1, 0x3fefe315e86e7f85,
    0x3c8cd2523567f613, 0x3fefd9b0d3158574, 0xbc8bce8023f98efa, 0x3fefd06b29ddf6de,
    0x3c60f74e61e6c861, 0x3fefc74518759bc8, 0x3c90a3e45b33d399, 0x3fefbe3ecac6f383,
    0x3c979aa65d837b6d, 0x3fefb5586cf9890f, 0x3c8eb51a92fdeffc, 0x3fefac922b7247f7,
    0x3c3ebe3d702f9cd1, 0x3fefa3ec32d3d1a2, 0xbc6a033489906e0b, 0x3fef9b66affed31b,
    0xbc9556522a2fbd0e, 0x3fef9301d0125b51, 0xbc5080ef8c4eea55, 0x3fef8abdc06c31cc,
    0xbc91c923b9d5f416, 0x3fef829aaea92de0, 0x3c80d3e3e95c55af, 0x3fef7a98c8a58e51,
    0xbc801b15eaa59348, 0x3fef72b83c7d517b, 0xbc8f1ff055de323d, 0x3fef6af9388c8dea,
    0x3c8b898c3f1353bf, 0x3fef635beb6fcb75, 0xbc96d99c7611eb26, 0x3fef5be084045cd4,
    0x3c9aecf73e3a2f60, 0x3fef54873168b9aa, 0xbc8fe782cb86389d, 0x3fef4d5022fcd91d,
    0x3c8a6f4144a6c38d, 0x3fef463b88628cd6, 0x3c807a05b0e4047d, 0x3fef3f49917ddc96,
    0x3c968efde3a8a894, 0x3fef387a6e756238, 0x3c875e18f274487d, 0x3fef31ce4fb2a63f,
    0x3c80472b981fe7f2, 0x3fef2b4565e27cdd, 0xbc96b87b3f71085e, 0x3fef24dfe1f56381,
    0x3c82f7e16d09ab31, 0x3fef1e9df51fdee1, 0xbc3d219b1a6fbffa, 0x3fef187fd0dad990,
    0x3c8b3782720c0ab4, 0x3fef1285a6e4030b, 0x3c6e149289cecb8f, 0x3fef0cafa93e2f56,
    0x3c834d754db0abb6, 0x3fef06fe0a31b715, 0x3c864201e2ac744c, 0x3fef0170fc4cd831,
    0x3c8fdd395dd3f84a, 0x3feefc08b26416ff, 0xbc86a3803b8e5b04, 0x3feef6c55f929ff1,
    0xbc924aedcc4b5068, 0x3feef1a7373aa9cb, 0xbc9907f81b512d8e, 0x3feeecae6d05d866,
    0xbc71d1e83e9436d2, 0x3feee7db34e59ff7, 0xbc991919b3ce1b15, 0x3feee32dc313a8e5,
    0x3c859f48a72a4c6d, 0x3feedea64c123422, 0xbc9312607a28698a, 0x3feeda4504ac801c,
    0xbc58a78f4817895b, 0x3feed60a21f72e2a, 0xbc7c2c9b67499a1b, 0x3feed1f5d950a897,
    0x3c4363ed60c2ac11, 0x3feece086061892d, 0x3c9666093b0664ef, 0x3feeca41ed1d0057,
    0x3c6ecce1daa10379, 0x3feec6a2b5c13cd0, 0x3c93ff8e3f0f1230, 0x3feec32af0d7d3de,
    0x3c7690cebb7aafb0, 0x3feebfdad5362a27, 0x3c931dbdeb54e077, 0x3feebcb299fddd0d,
    0xbc8f94340071a38e, 0x3feeb9b2769d2ca7, 0xbc87deccdc93a349, 0x3feeb6daa2cf6642,
    0xbc78dec6bd0f385f, 0x3feeb42b569d4f82, 0xbc861246ec7b5cf6, 0x3feeb1a4ca5d920f,
    0x3c93350518fdd78e, 0x3feeaf4736b527da, 0x3c7b98b72f8a9b05, 0x3feead12d497c7fd,
    0x3c9063e1e21c5409, 0x3feeab07dd485429, 0x3c34c7855019c6ea, 0x3feea9268a5946b7,
    0x3c9432e62b64c035, 0x3feea76f15ad2148, 0xbc8ce44a6199769f, 0x3feea5e1b976dc09,
    0xbc8c33c53bef4da8, 0x3feea47eb03a5585, 0xbc845378892be9ae, 0x3feea34634ccc320,
    0xbc93cedd78565858, 0x3feea23882552225, 0x3c5710aa807e1964, 0x3feea155d44ca973,
    0xbc93b3efbf5e2228, 0x3feea09e667f3bcd, 0xbc6a12ad8734b982, 0x3feea012750bdabf,
    0xbc6367efb86da9ee, 0x3fee9fb23c651a2f, 0xbc80dc3d54e08851, 0x3fee9f7df9519484,
    0xbc781f647e5a3ecf, 0x3fee9f75e8ec5f74, 0xbc86ee4ac08b7db0, 0x3fee9f9a48a58174,
    0xbc8619321e55e68a, 0x3fee9feb564267c9, 0x3c909ccb5e09d4d3, 0x3feea0694fde5d3f,
    0xbc7b32dcb94da51d, 0x3feea11473eb0187, 0x3c94ecfd5467c06b, 0x3feea1ed0130c132,
    0x3c65ebe1abd66c55, 0x3feea2f336cf4e62, 0xbc88a1c52fb3cf42, 0x3feea427543e1a12,
    0xbc9369b6f13b3734, 0x3feea589994cce13, 0xbc805e843a19ff1e, 0x3feea71a4623c7ad,
    0xbc94d450d872576e, 0x3feea8d99b4492ed, 0x3c90ad675b0e8a00, 0x3feeaac7d98a6699,
    0x3c8db72fc1f0eab4, 0x3feeace5422aa0db, 0xbc65b6609cc5e7ff, 0x3feeaf3216b5448c,
    0x3c7bf68359f35f44, 0x3feeb1ae99157736, 0xbc93091fa71e3d83, 0x3feeb45b0b91ffc6,
    0xbc5da9b88b6c1e29, 0x3feeb737b0cdc5e5, 0xbc6c23f97c90b959, 0x3feeba44cbc8520f,
    0xbc92434322f4f9aa, 0x3feebd829fde4e50, 0xbc85ca6cd7668e4b, 0x3feec0f170ca07ba,
    0x3c71affc2b91ce27, 0x3feec49182a3f090, 0x3c6dd235e10a73bb, 0x3feec86319e32323,
    0xbc87c50422622263, 0x3feecc667b5de565, 0x3c8b1c86e3e231d5, 0x3feed09bec4a2d33,
    0xbc91bbd1d3bcbb15, 0x3feed503b23e255d, 0x3c90cc319cee31d2, 0x3feed99e1330b358,
    0x3c8469846e735ab3, 0x3feede6b5579fdbf, 0xbc82dfcd978e9db4, 0x3feee36bbfd3f37a,
    0x3c8c1a7792cb3387, 0x3feee89f995ad3ad, 0xbc907b8f4ad1d9fa, 0x3feeee07298db666,
    0xbc55c3d956dcaeba, 0x3feef3a2b84f15fb, 0xbc90a40e3da6f640, 0x3feef9728de5593a,
    0xbc68d6f438ad9334, 0x3feeff76f2fb5e47, 0xbc91eee26b588a35, 0x3fef05b030a1064a,
    0x3c74ffd70a5fddcd, 0x3fef0c1e904bc1d2, 0xbc91bdfbfa9298ac, 0x3fef12c25bd71e09,
    0x3c736eae30af0cb3, 0x3fef199bdd85529c, 0x3c8ee3325c9ffd94, 0x3fef20ab5fffd07a,
    0x3c84e08fd10959ac, 0x3fef27f12e57d14b, 0x3c63cdaf384e1a67, 0x3fef2f6d9406e7b5,
    0x3c676b2c6c921968, 0x3fef3720dcef9069, 0xbc808a1883ccb5d2, 0x3fef3f0b555dc3fa,
    0xbc8fad5d3ffffa6f, 0x3fef472d4a07897c, 0xbc900dae3875a949, 0x3fef4f87080d89f2,
    0x3c74a385a63d07a7, 0x3fef5818dcfba487, 0xbc82919e2040220f, 0x3fef60e316c98398,
    0x3c8e5a50d5c192ac, 0x3fef69e603db3285, 0x3c843a59ac016b4b, 0x3fef7321f301b460,
    0xbc82d52107b43e1f, 0x3fef7c97337b9b5f, 0xbc892ab93b470dc9, 0x3fef864614f5a129,
    0x3c74b604603a88d3, 0x3fef902ee78b3ff6, 0x3c83c5ec519d7271, 0x3fef9a51fbc74c83,
    0xbc8ff7128fd391f0, 0x3fefa4afa2a490da, 0xbc8dae98e223747d, 0x3fefaf482d8e67f1,
    0x3c8ec3bc41aa2008, 0x3fefba1bee615a27, 0x3c842b94c3a9eb32, 0x3fefc52b376bba97,
    0x3c8a64a931d185ee, 0x3fefd0765b6e4540, 0xbc8e37bae43be3ed, 0x3fefdbfdad9cbe14,
    0x3c77893b4d91cd9d, 0x3fefe7c1819e90d8, 0x3c5305c14160cc89, 0x3feff3c22b8f71f1,
];

/// 2^-53, the unit roundoff u.
const U: f64 = f64::from_bits(0x3ca0000000000000);
/// 2^-78, the bound on absolute terms of the error (see `port`).
const TINY: f64 = f64::from_bits(0x3b10000000000000);

/// The algorithm in plain arithmetic, and whether its result is certainly
/// the platform's: false where it might differ from a fused evaluation or x
/// is outside the main path (the result is then meaningless), and the caller
/// asks the platform. Computed without branches.
///
/// Error analysis (u = 2^-53; every |x| < 512, so |k| < 2^17):
/// - k: the fused build rounds x·N/ln2 exactly, this code rounds the
///   rounded product (off by at most 2^-36). They give the same integer when
///   the product is not within 2^-20 of a half-integer, which is checked.
/// - r = (x + k·hi) + k·lo: k·hi is exact, so the first sum is the same in
///   both; the fused build adds k·lo unrounded (its rounding error is below
///   2^-82), so the two r differ by at most u·(|r_a| + |r_b|) + 2^-82.
/// - tmp = tail + r + r²(C2 + r·C3) + r⁴(C4 + r·C5): either evaluation is
///   within 3.01·u·(|r| + |tail|) of the exact polynomial at its r (three
///   roundings of sums of size ≈ |r| + |tail|; the product terms are below
///   0.0014·|r|), and the polynomial's slope is at most 1.006; |tail| < 2^-53.
///   So the two tmp differ by δ ≤ 8.1·u·|r| + 2^-81.
/// - The result rounds V = scale·(1 + tmp) (the fused build: exactly).
///   Here q = scale·tmp is rounded, so V is within scale·δ + u·|q| of
///   scale + q, and |q| ≤ 1.0015·scale·|r| + scale·2^-53. This code rounds
///   scale + q ± M, with M = scale·(11·u·|r| + 2^-78) covering that bound
///   plus the rounding of q ± M itself (u·|q ± M|), together at most
///   scale·(10.03·u·|r| + 2^-100). Rounding is monotonic,
///   so when both give the same double, so does V, and so does scale + q.
///
/// With |r| ≤ ln2/256 + 2^-20 (which the check on k ensures) the band
/// declines about 2 % of inputs.
#[inline(always)]
fn port(x: f64) -> (f64, bool) {
    // |x| < 512: glibc's main path, with its table range (false for NaN).
    // Below 2^-54 glibc returns 1 + x, which this path gives too: r = x,
    // tmp = x (x²/2 is below half an ulp of x) and y = 1 + x.
    let main_path = x.abs() < 512.0;
    let z = INV_LN2_N * x;
    let kds = z + SHIFT;
    let ki = kds.to_bits();
    let kd = kds - SHIFT;
    let r = x + kd * NEG_LN2_HI_N + kd * NEG_LN2_LO_N;
    let i = (2 * (ki % N)) as usize;
    let tail = f64::from_bits(TABLE[i]);
    let scale = f64::from_bits(TABLE[i + 1].wrapping_add(ki << 45));
    let r2 = r * r;
    let tmp = tail + r + r2 * (C2 + r * C3) + r2 * r2 * (C4 + r * C5);
    let q = scale * tmp;
    let y = scale + q;
    let band = scale * (r.abs() * (11.0 * U) + TINY);
    let clear = main_path
        & ((z - kd).abs() < 0.5 - 1.0 / 1_048_576.0)
        & (scale + (q - band) == scale + (q + band));
    (y, clear)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::SeededRng;

    #[test]
    fn the_table_is_two_to_the_i_over_n() {
        // H_i against the platform's exp2 (|error| < 1 ulp), and the tails
        // are below half an ulp of 1, as a rounding error relative to H_i is.
        for i in 0..N {
            let h = f64::from_bits(TABLE[2 * i as usize + 1].wrapping_add(i << 45));
            let want = (i as f64 / N as f64).exp2();
            assert!((h - want).abs() <= f64::EPSILON * want, "H_{i}");
            assert!(f64::from_bits(TABLE[2 * i as usize]).abs() < U, "tail_{i}");
        }
        assert_eq!(TABLE[1], 1.0f64.to_bits());
    }

    /// Where the CPU has AVX2 and FMA and the C library is glibc, the slices
    /// go through the fused path (else it would be tested but never used).
    #[test]
    #[cfg(all(target_env = "gnu", target_arch = "x86_64"))]
    fn the_fused_path_is_used_where_the_cpu_has_it() {
        let has_it = pulp::x86::V3::try_new().is_some();
        assert_eq!(matches!(path(), Path::Fused(_)), has_it);
    }

    #[test]
    #[cfg(all(target_env = "gnu", target_os = "linux"))]
    fn the_port_is_used_on_glibc() {
        assert!(
            port_in_use(),
            "glibc's exp is the ported algorithm since 2.28"
        );
    }

    /// Bit identity with `f64::exp`: every accepted result, on a spread of
    /// inputs over the ranges the engine uses (sigmoid and softmax take e^x
    /// of x ≤ 0) and the whole main path.
    #[test]
    fn exp_gives_the_platforms_bits() {
        let mut rng = SeededRng::new(17);
        let count = if cfg!(debug_assertions) {
            8_000_000
        } else {
            40_000_000
        };
        let (mut declined, mut saved) = (0usize, 0usize);
        for n in 0..count {
            let x = match n % 4 {
                0 => -rng.uniform_in(0.0, 40.0),
                1 => rng.uniform_in(-10.0, 10.0),
                2 => rng.uniform_in(-745.0, 710.0),
                _ => {
                    let m = rng.uniform_in(-60.0, 9.0).exp2();
                    if rng.uniform_in(0.0, 1.0) < 0.5 {
                        -m
                    } else {
                        m
                    }
                }
            };
            let want = x.exp();
            match port(x) {
                (y, true) => assert_eq!(y.to_bits(), want.to_bits(), "exp of {:#x}", x.to_bits()),
                (y, false) => {
                    declined += 1;
                    // A plain result that is not the platform's: declining
                    // it is what keeps the bits.
                    saved += usize::from(x.abs() < 512.0 && y.to_bits() != want.to_bits());
                }
            }
            assert_eq!(exp(x).to_bits(), want.to_bits());
        }
        assert!(declined < count / 6, "{declined} of {count} declined");
        // The check does work: some plain results in the main path are not
        // the platform's (about 1 in 2,000), and every one was declined.
        assert!(saved > 0, "no plain result differed");
    }

    /// Over the sigmoid's inputs the port answers nearly all calls itself
    /// (else it is no faster than the call).
    #[test]
    fn few_sigmoid_inputs_are_declined() {
        let mut rng = SeededRng::new(18);
        let count = 1_000_000;
        let declined = (0..count)
            .filter(|_| !port(-rng.uniform_in(0.0, 40.0)).1)
            .count();
        assert!(declined < count / 20, "{declined} of {count} declined");
    }

    /// Every path this machine can take gives the platform's bits through
    /// both slice functions, declined and special inputs included.
    #[test]
    fn every_path_gives_the_platforms_bits_on_slices() {
        let mut paths = vec![Path::Platform];
        if port_in_use() {
            paths.push(Path::Port);
        }
        #[cfg(target_arch = "x86_64")]
        if let Some(f) = fused::Fused::detect() {
            paths.push(Path::Fused(f));
        }
        let mut rng = SeededRng::new(19);
        let mut zs: Vec<f64> = (0..20_000)
            .map(|n| match n % 3 {
                0 => rng.uniform_in(-40.0, 40.0),
                1 => rng.uniform_in(-745.0, 710.0),
                _ => rng.uniform_in(-1e-6, 1e-6),
            })
            .collect();
        zs.extend([
            0.0,
            -0.0,
            600.0,
            -800.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
        ]);
        let sigmoid = crate::engine::activation::sigmoid_from;
        for path in paths {
            let mut out = vec![0.0; zs.len()];
            path.map_exp_neg_abs(&zs, &mut out, sigmoid);
            let mut exps = zs.clone();
            path.exp_in_place(&mut exps);
            for ((&z, &o), &e) in zs.iter().zip(&out).zip(&exps) {
                let want = sigmoid(z, (-z.abs()).exp());
                assert_eq!(o.to_bits(), want.to_bits(), "sigmoid of {z}");
                assert_eq!(e.to_bits(), z.exp().to_bits(), "exp of {z}");
            }
        }
    }

    #[test]
    fn special_inputs_go_to_the_platform() {
        for x in [
            600.0,
            -800.0,
            512.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
        ] {
            assert!(!port(x).1, "{x}");
            assert_eq!(exp(x).to_bits(), x.exp().to_bits());
        }
        // Tiny inputs, where glibc returns 1 + x, and subnormals.
        for x in [0.0, -0.0, 1e-300, -1e-20, 5e-324, 3e-17, -2e-16, 1e-16] {
            let (y, clear) = port(x);
            assert!(clear, "{x}");
            assert_eq!(y.to_bits(), x.exp().to_bits(), "{x}");
        }
        // Through the slice form, one element declined (|x| ≥ 512), one NaN.
        let zs = [0.5, -2.0, 3.0, 600.0, f64::NAN];
        let mut b = [0.0; 5];
        map_exp_neg_abs(&zs, &mut b, |z, e| z + e);
        for (&z, &v) in zs.iter().zip(&b) {
            assert_eq!(v.to_bits(), (z + (-z.abs()).exp()).to_bits(), "{z}");
        }
    }
}
