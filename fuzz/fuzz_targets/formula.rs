//! The formula parser and renderer never panic; a rendering fits its width
//! or reports why not. The first byte picks the width and the glyphs.
#![no_main]
use libfuzzer_sys::fuzz_target;
use nnstep::formula::{self, Glyphs, RenderOptions};

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let Ok(tex) = std::str::from_utf8(rest) else { return };
    let opts = RenderOptions {
        glyphs: if first & 1 == 0 { Glyphs::Unicode } else { Glyphs::Ascii },
        width: usize::from(first >> 1).max(1),
    };
    let _ = formula::parse_check(tex);
    if let Ok(r) = formula::render(tex, &opts) {
        let _ = r.to_text();
    }
    let _ = formula::render_inline(tex, opts.glyphs);
});
