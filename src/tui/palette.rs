//! Colour codes that fit the terminal. The theme uses the 16 standard
//! colours only, but crossterm writes every colour as a 256-colour code
//! (cyan is `ESC[38;5;6m`), which `TERM=screen`, `linux` and `vt100` do not
//! understand. [`ColorDepth`] reads what the terminal advertises, and
//! [`Sgr16`] sits between the backend and the terminal: unless the
//! terminal advertises more, it rewrites 256-colour and RGB codes into the
//! 16 standard ones (SGR 30–37 and 90–97, 40–47 and 100–107 behind).

use std::io::{self, Write};

/// How many colours the terminal says it shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorDepth {
    /// The 16 standard colours only (the default).
    Sixteen,
    /// 256 colours or more: `TERM` ending in `-256color` or `-direct`, or
    /// `COLORTERM` of `truecolor` / `24bit` on a terminal not known to have
    /// 16 colours only.
    Many,
}

impl ColorDepth {
    /// The depth the environment advertises (`var` reads a variable).
    #[must_use]
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Self {
        let term = var("TERM").unwrap_or_default();
        if term.ends_with("-256color") || term.ends_with("-direct") {
            return ColorDepth::Many;
        }
        // These never show more than 16, whatever COLORTERM says (a
        // COLORTERM set outside tmux often leaks into `TERM=screen`).
        let sixteen_only = matches!(
            term.as_str(),
            "" | "dumb" | "linux" | "screen" | "tmux" | "ansi" | "cons25"
        ) || term.starts_with("vt")
            || term.starts_with("screen.")
            || term.starts_with("linux-");
        let colorterm = var("COLORTERM").unwrap_or_default();
        if !sixteen_only && matches!(colorterm.as_str(), "truecolor" | "24bit") {
            ColorDepth::Many
        } else {
            ColorDepth::Sixteen
        }
    }
}

/// The xterm default values of the 16 standard colours, for choosing the
/// nearest one to a 256-colour or RGB code.
const STANDARD: [(u8, u8, u8); 16] = [
    (0, 0, 0),
    (205, 0, 0),
    (0, 205, 0),
    (205, 205, 0),
    (0, 0, 238),
    (205, 0, 205),
    (0, 205, 205),
    (229, 229, 229),
    (127, 127, 127),
    (255, 0, 0),
    (0, 255, 0),
    (255, 255, 0),
    (92, 92, 255),
    (255, 0, 255),
    (0, 255, 255),
    (255, 255, 255),
];

/// The standard colour (0–15) nearest to `rgb`.
fn nearest(rgb: (u8, u8, u8)) -> u8 {
    let d = |a: u8, b: u8| (i32::from(a) - i32::from(b)).pow(2);
    (0u8..16)
        .min_by_key(|&i| {
            let s = STANDARD[usize::from(i)];
            d(s.0, rgb.0) + d(s.1, rgb.1) + d(s.2, rgb.2)
        })
        .unwrap_or(7)
}

/// The standard colour (0–15) for 256-colour index `n`.
fn index_to_16(n: u8) -> u8 {
    match n {
        0..=15 => n,
        16..=231 => {
            let level = |v: u8| if v == 0 { 0 } else { 55 + 40 * v };
            let k = n - 16;
            nearest((level(k / 36), level((k / 6) % 6), level(k % 6)))
        }
        _ => {
            let v = 8 + 10 * (n - 232);
            nearest((v, v, v))
        }
    }
}

/// The SGR code for standard colour `c` (0–15) in front (`fg`) or behind.
fn sgr(c: u8, fg: bool) -> u16 {
    let base: u16 = match (c < 8, fg) {
        (true, true) => 30,
        (false, true) => 90,
        (true, false) => 40,
        (false, false) => 100,
    };
    base + u16::from(c % 8)
}

/// The parameters of one SGR sequence (between `ESC[` and `m`) with
/// every 256-colour and RGB colour replaced by its nearest standard one.
#[must_use]
pub fn to_16(params: &str) -> String {
    let p: Vec<&str> = params.split(';').collect();
    let num = |i: usize| p.get(i).and_then(|s| s.parse::<u8>().ok());
    let mut out: Vec<String> = Vec::with_capacity(p.len());
    let mut i = 0;
    while i < p.len() {
        // An underline colour has no 16-colour code: it is left out.
        if p[i] == "58" {
            i += match p.get(i + 1).copied() {
                Some("5") => 3,
                Some("2") => 5,
                _ => 1,
            };
            continue;
        }
        let fg = p[i] == "38";
        if fg || p[i] == "48" {
            match (p.get(i + 1).copied(), num(i + 2)) {
                (Some("5"), Some(n)) => {
                    out.push(sgr(index_to_16(n), fg).to_string());
                    i += 3;
                    continue;
                }
                (Some("2"), Some(r)) => {
                    if let (Some(g), Some(b)) = (num(i + 3), num(i + 4)) {
                        out.push(sgr(nearest((r, g, b)), fg).to_string());
                        i += 5;
                        continue;
                    }
                }
                _ => {}
            }
        }
        out.push(p[i].to_string());
        i += 1;
    }
    out.join(";")
}

/// A control sequence longer than this is not one we rewrite: it passes
/// through as it came.
const MAX_PENDING: usize = 64;

/// A writer that passes everything to `inner`, rewriting the colours of
/// SGR sequences to the 16 standard ones when `depth` is
/// [`ColorDepth::Sixteen`]. A sequence split across writes is held until
/// its end arrives.
pub struct Sgr16<W: Write> {
    inner: W,
    depth: ColorDepth,
    /// The start of a control sequence not yet ended.
    pending: Vec<u8>,
}

impl<W: Write> Sgr16<W> {
    pub fn new(inner: W, depth: ColorDepth) -> Self {
        Self {
            inner,
            depth,
            pending: Vec::new(),
        }
    }

    /// Feeds `buf` through, appending what to write to `out`.
    fn feed(&mut self, buf: &[u8], out: &mut Vec<u8>) {
        for &b in buf {
            if self.pending.is_empty() {
                if b == 0x1b {
                    self.pending.push(b);
                } else {
                    out.push(b);
                }
                continue;
            }
            self.pending.push(b);
            let csi = self.pending.get(1) == Some(&b'[');
            if self.pending.len() == 2 && !csi {
                out.append(&mut self.pending);
            } else if self.pending.len() > 2 && (0x40..=0x7e).contains(&b) {
                self.finish(out);
            } else if self.pending.len() > MAX_PENDING {
                out.append(&mut self.pending);
            }
        }
    }

    /// A whole CSI sequence is pending: rewrites it if it sets colours.
    fn finish(&mut self, out: &mut Vec<u8>) {
        let seq = std::mem::take(&mut self.pending);
        let params = std::str::from_utf8(&seq[2..seq.len() - 1]).ok();
        match params {
            Some(p) if seq.last() == Some(&b'm') => {
                out.extend_from_slice(b"\x1b[");
                out.extend_from_slice(to_16(p).as_bytes());
                out.push(b'm');
            }
            _ => out.extend_from_slice(&seq),
        }
    }
}

impl<W: Write> Write for Sgr16<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.depth == ColorDepth::Many {
            return self.inner.write(buf);
        }
        let mut out = Vec::with_capacity(buf.len());
        self.feed(buf, &mut out);
        self.inner.write_all(&out)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            (pairs.iter())
                .find(|(n, _)| *n == k)
                .map(|(_, v)| (*v).to_string())
        }
    }

    #[test]
    fn only_terminals_that_advertise_more_get_more_than_16_colours() {
        use ColorDepth::*;
        let cases: &[(&[(&str, &str)], ColorDepth)] = &[
            (&[("TERM", "screen")], Sixteen),
            (&[("TERM", "linux")], Sixteen),
            (&[("TERM", "vt100")], Sixteen),
            (&[("TERM", "xterm")], Sixteen),
            (&[], Sixteen),
            (&[("TERM", "xterm-256color")], Many),
            (&[("TERM", "tmux-256color")], Many),
            (&[("TERM", "screen-256color")], Many),
            (&[("TERM", "xterm"), ("COLORTERM", "truecolor")], Many),
            (&[("TERM", "xterm"), ("COLORTERM", "24bit")], Many),
            (&[("TERM", "xterm"), ("COLORTERM", "yes")], Sixteen),
            // A COLORTERM leaked into tmux's `screen` does not count.
            (&[("TERM", "screen"), ("COLORTERM", "truecolor")], Sixteen),
            (&[("TERM", "linux"), ("COLORTERM", "truecolor")], Sixteen),
            (&[("TERM", "vt100"), ("COLORTERM", "24bit")], Sixteen),
        ];
        for (vars, want) in cases {
            assert_eq!(ColorDepth::from_env(env(vars)), *want, "{vars:?}");
        }
    }

    #[test]
    fn the_16_indexed_colours_become_their_standard_codes() {
        assert_eq!(to_16("38;5;6"), "36");
        assert_eq!(to_16("38;5;0"), "30");
        assert_eq!(to_16("38;5;8"), "90");
        assert_eq!(to_16("38;5;14"), "96");
        assert_eq!(to_16("48;5;1"), "41");
        assert_eq!(to_16("48;5;15"), "107");
        assert_eq!(to_16("38;5;6;48;5;4"), "36;44");
        assert_eq!(to_16("1;38;5;3;7"), "1;33;7");
        assert_eq!(to_16("0"), "0");
        assert_eq!(to_16("39;49;59"), "39;49;59");
        assert_eq!(to_16("1;58;5;9;4"), "1;4");
    }

    #[test]
    fn other_colours_become_the_nearest_standard_one() {
        assert_eq!(to_16("38;2;250;10;10"), "91");
        assert_eq!(to_16("38;2;0;0;0"), "30");
        assert_eq!(to_16("48;2;0;200;200"), "46");
        assert_eq!(to_16("38;5;196"), "91"); // the cube's pure red
        assert_eq!(to_16("38;5;232"), "30"); // the darkest grey
        // The lightest grey (238) is nearer xterm's white (229) than bright white.
        assert_eq!(to_16("38;5;255"), "37");
    }

    fn through(depth: ColorDepth, chunks: &[&[u8]]) -> Vec<u8> {
        let mut w = Sgr16::new(Vec::new(), depth);
        for c in chunks {
            w.write_all(c).unwrap_or_else(|e| panic!("{e}"));
        }
        w.inner
    }

    #[test]
    fn sequences_split_across_writes_are_rewritten_and_others_pass() {
        let out = through(
            ColorDepth::Sixteen,
            &[b"ab\x1b[38;5", b";6mcd\x1b[2;5H\x1b", b"[0me", b"\x1b7"],
        );
        assert_eq!(out, b"ab\x1b[36mcd\x1b[2;5H\x1b[0me\x1b7");
        let same = b"\x1b[38;5;6mx\x1b[48;2;1;2;3m";
        assert_eq!(through(ColorDepth::Many, &[same]), same);
    }
}
