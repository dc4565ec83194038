//! Text that came from a file (a lesson, a CSV, a progress file) made safe to
//! print: nothing from a file may drive the terminal.
//!
//! A terminal acts on control characters: ESC starts sequences that set the
//! window title, write the clipboard (OSC 52), clear or switch the screen;
//! `\r` overwrites a line; the C1 range (U+0080–U+009F) has one-byte forms of
//! the same introducers. Bidirectional overrides and isolates (U+202A–U+202E,
//! U+2066–U+2069) make a formula or an answer read differently from what it
//! is. [`is_unsafe`] names all of them; lesson validation reports each one at
//! its line and column, and [`visible`] shows any that reach a message as a
//! harmless picture (`␛`, `␍`, `⟪U+202E⟫`) instead of sending it.
//!
//! A leaf: it uses nothing from the crate, so every module may use it.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// Whether `c` must never reach a terminal from a file. Newline and tab are
/// allowed when `allow_layout` is true (prose and multi-line text).
#[must_use]
pub fn is_unsafe(c: char, allow_layout: bool) -> bool {
    match c {
        '\n' | '\t' => !allow_layout,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        _ => false,
    }
}

/// A short name for an unsafe character, for messages: `ESC (U+001B)`.
#[must_use]
pub fn describe(c: char) -> String {
    let name = match c {
        '\u{1b}' => "ESC (escape: starts terminal control sequences)",
        '\r' => "a carriage return (overwrites the line)",
        '\u{7}' => "BEL",
        '\u{8}' => "a backspace",
        '\u{9b}' => "CSI (starts terminal control sequences)",
        '\u{9d}' => "OSC (starts terminal commands)",
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {
            "a bidirectional override (reorders the text as displayed)"
        }
        '\n' => "a line break",
        '\t' => "a tab",
        _ => "a control character",
    };
    format!("{name}, U+{:04X}", u32::from(c))
}

/// `s` with every unsafe character (newline and tab kept when
/// `allow_layout`) replaced by a visible picture of it; borrowed when
/// nothing needed replacing.
#[must_use]
pub fn visible_with(s: &str, allow_layout: bool) -> Cow<'_, str> {
    if !s.chars().any(|c| is_unsafe(c, allow_layout)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c, allow_layout) {
            out.push_str(&picture(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `s` safe to print on one line or several: newlines and tabs kept, every
/// other unsafe character shown as a picture.
#[must_use]
pub fn visible(s: &str) -> Cow<'_, str> {
    visible_with(s, true)
}

/// `s` safe to print inside one line: newlines and tabs shown as pictures too.
#[must_use]
pub fn visible_line(s: &str) -> Cow<'_, str> {
    visible_with(s, false)
}

/// At most `max_chars` characters of `s`, on one line and safe to print,
/// with `…` and the full length when cut: for quoting a bad value from a
/// file without echoing the file.
#[must_use]
pub fn excerpt(s: &str, max_chars: usize) -> String {
    let mut chars = s.chars();
    let head: String = chars.by_ref().take(max_chars).collect();
    let cut = chars.next().is_some();
    let mut out = visible_line(&head).into_owned();
    if cut {
        out.push_str(&format!("… ({} bytes in all)", s.len()));
    }
    out
}

/// How many characters of a bad value a message quotes.
pub const EXCERPT_CHARS: usize = 40;

/// The picture shown for an unsafe character: the Unicode control picture
/// for C0 and DEL (`␛`, `␍`), `⟪U+XXXX⟫` for the rest.
fn picture(c: char) -> String {
    let code = u32::from(c);
    match code {
        0..=0x1f => char::from_u32(0x2400 + code).map_or_else(String::new, String::from),
        0x7f => "␡".to_string(),
        _ => format!("⟪U+{code:04X}⟫"),
    }
}

/// Every unsafe character of `text` (newline and tab allowed) as
/// (line, column, char), 1-based, the column counted in bytes as in the
/// diagnostics; a `\r` directly before a `\n` (a Windows line end) is not
/// counted.
#[must_use]
pub fn find_unsafe(text: &str) -> Vec<(usize, usize, char)> {
    let mut out = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        for (col, c) in line.char_indices() {
            if is_unsafe(c, true) {
                out.push((i + 1, col + 1, c));
            }
        }
    }
    out
}

/// Reads the regular file at `path` whole, refusing anything else (a
/// device such as `/dev/zero`, a FIFO, a socket, a folder) before reading a
/// byte, and refusing a file over `max_bytes` from its size before reading
/// (and again by reading at most one byte more, for a file that grows or a
/// `/proc` file whose size reads as 0). A FIFO is opened without blocking,
/// so naming one cannot hang the program.
pub fn read_regular_file(path: &Path, max_bytes: u64) -> io::Result<Vec<u8>> {
    let meta = std::fs::metadata(path)?;
    check_regular(&meta, max_bytes)?;
    let f = open_nonblocking(path)?;
    let meta = f.metadata()?;
    check_regular(&meta, max_bytes)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    f.take(max_bytes + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_large(max_bytes));
    }
    Ok(bytes)
}

fn check_regular(meta: &std::fs::Metadata, max_bytes: u64) -> io::Result<()> {
    if !meta.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file (a folder, device, FIFO or socket is never read)",
        ));
    }
    if meta.len() > max_bytes {
        return Err(too_large(max_bytes));
    }
    Ok(())
}

fn too_large(max_bytes: u64) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!(
            "the file is larger than the limit of {}",
            size_name(max_bytes)
        ),
    )
}

/// `1 MB`, `64 kB`, `100 bytes`.
#[must_use]
pub fn size_name(bytes: u64) -> String {
    if bytes >= 1 << 20 && bytes.is_multiple_of(1 << 20) {
        format!("{} MB", bytes >> 20)
    } else if bytes >= 1 << 10 && bytes.is_multiple_of(1 << 10) {
        format!("{} kB", bytes >> 10)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(target_os = "linux")]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    // O_NONBLOCK on Linux (every architecture Rust supports there but
    // alpha/parisc/sparc, which it does not build for).
    const O_NONBLOCK: i32 = 0o4000;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(O_NONBLOCK)
        .open(path)
}

#[cfg(not(target_os = "linux"))]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    File::open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_pictures() {
        let s = "a\u{1b}]52;c;aGk=\u{7}b\r\u{9b}2J\u{202e}x";
        let v = visible(s);
        assert!(v.chars().all(|c| !is_unsafe(c, true)), "{v}");
        assert_eq!(v, "a␛]52;c;aGk=␇b␍⟪U+009B⟫2J⟪U+202E⟫x");
    }

    #[test]
    fn clean_text_is_borrowed_and_layout_is_kept_only_when_asked() {
        assert!(matches!(visible("x\ny\tz"), Cow::Borrowed(_)));
        assert_eq!(visible_line("x\ny"), "x␊y");
    }

    #[test]
    fn an_excerpt_is_short_and_says_how_long_the_value_was() {
        let long = "9".repeat(1000) + "\u{1b}";
        let e = excerpt(&long, 10);
        assert_eq!(e, "9999999999… (1001 bytes in all)");
        assert_eq!(excerpt("a\u{1b}b", 10), "a␛b");
    }

    #[test]
    fn only_regular_files_within_the_limit_are_read() {
        let dir = std::env::temp_dir().join(format!("nnstep-untrusted-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let f = dir.join("a.txt");
        std::fs::write(&f, "12345").unwrap();
        assert_eq!(read_regular_file(&f, 5).unwrap(), b"12345");
        assert!(
            read_regular_file(&f, 4)
                .unwrap_err()
                .to_string()
                .contains("larger")
        );
        assert!(read_regular_file(&dir, 100).is_err());
        if Path::new("/dev/zero").exists() {
            let e = read_regular_file(Path::new("/dev/zero"), 100).unwrap_err();
            assert!(e.to_string().contains("not a regular file"), "{e}");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn unsafe_characters_are_found_at_line_and_byte_column() {
        let text = "id: a\r\ntitle: \"x\u{1b}[2J\"\r\nz: é\u{202e}\n";
        assert_eq!(
            find_unsafe(text),
            vec![(2, 10, '\u{1b}'), (3, 6, '\u{202e}')]
        );
    }
}
