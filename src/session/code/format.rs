//! The text form of a state code: `LESSON.PAYLOAD`, where LESSON is the
//! lesson id as written and PAYLOAD is bytes in Crockford's base32
//! (digits and capital letters without I, L, O and U; read without regard
//! to case, with O as 0 and I or L as 1), grouped by four with `-`, which
//! the reader ignores, like spaces.
//!
//! The bytes: a version byte, 24 bits of the lesson's fingerprint, the
//! step (a LEB128 varint), a flags byte (bit 0: Chinese; bits 1–2: what
//! the step holds), the view's own fields, and last two check bytes: FNV-1a
//! of the lesson id and every byte before them. A mistyped character
//! changes the check with odds of 65,535 in 65,536.

use super::CodeError;

/// The format's version; a code of another version is refused by name.
pub const VERSION: u8 = 1;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The longest payload accepted, in characters (a run with a hundred
/// setting changes fits well within it).
pub const MAX_CHARS: usize = 2000;

/// The check bytes of `payload` under lesson `id`: CRC-16/CCITT
/// (polynomial 0x1021, start 0xFFFF, most significant bit first) of the
/// id, a zero byte and the payload. Appended big-endian after the payload,
/// it catches every error confined to 16 consecutive bits, so every
/// mistyped character (5 bits) and every swap of two neighbours (10 bits).
#[must_use]
pub fn check(id: &str, payload: &[u8]) -> [u8; 2] {
    let mut crc: u16 = 0xFFFF;
    for &b in id.as_bytes().iter().chain(&[0]).chain(payload) {
        crc ^= u16::from(b) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            };
        }
    }
    crc.to_be_bytes()
}

/// `id.PAYLOAD` with the check bytes appended to `body`.
#[must_use]
pub fn to_text(id: &str, body: &[u8]) -> String {
    let mut bytes = body.to_vec();
    bytes.extend_from_slice(&check(id, body));
    let mut chars = Vec::new();
    let (mut acc, mut bits) = (0u32, 0u32);
    for b in bytes {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            chars.push(ALPHABET[((acc >> bits) & 31) as usize]);
        }
    }
    if bits > 0 {
        chars.push(ALPHABET[((acc << (5 - bits)) & 31) as usize]);
    }
    let groups: Vec<String> = chars
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect();
    format!("{id}.{}", groups.join("-"))
}

/// The lesson id and the body bytes (check bytes verified and removed).
pub fn from_text(code: &str) -> Result<(String, Vec<u8>), CodeError> {
    let code = code.trim();
    let Some((id, payload)) = code.split_once('.') else {
        return Err(CodeError::NoDot);
    };
    let id_ok = !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !id_ok {
        return Err(CodeError::BadLessonId);
    }
    if payload.len() > MAX_CHARS {
        return Err(CodeError::TooLong);
    }
    let mut bytes = Vec::new();
    let (mut acc, mut bits) = (0u32, 0u32);
    for (i, c) in payload.chars().enumerate() {
        if c == '-' || c == ' ' {
            continue;
        }
        let v = value(c).ok_or(CodeError::BadCharacter {
            character: c,
            position: id.chars().count() + 2 + i,
        })?;
        acc = ((acc << 5) | v) & 0xFFFF;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            bytes.push(((acc >> bits) & 0xFF) as u8);
        }
    }
    // Left-over bits are padding: fewer than 5 and all zero in a real code.
    if bits >= 5 || acc & ((1 << bits) - 1) != 0 {
        return Err(CodeError::Checksum);
    }
    if bytes.len() < 3 {
        return Err(CodeError::TooShort);
    }
    let (body, sum) = bytes.split_at(bytes.len() - 2);
    if sum != check(id, body) {
        return Err(CodeError::Checksum);
    }
    Ok((id.to_string(), body.to_vec()))
}

fn value(c: char) -> Option<u32> {
    let c = match c.to_ascii_uppercase() {
        'O' => '0',
        'I' | 'L' => '1',
        c => c,
    };
    ALPHABET
        .iter()
        .position(|&a| char::from(a) == c)
        .and_then(|p| u32::try_from(p).ok())
}

/// Appends `v` as a LEB128 varint.
pub fn put(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let low = (v & 0x7F) as u8;
        v >>= 7;
        if v == 0 {
            out.push(low);
            return;
        }
        out.push(low | 0x80);
    }
}

/// A reader of the body bytes; running out is a malformed code.
pub struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    #[must_use]
    pub fn new(bytes: &'a [u8]) -> Self {
        Self { bytes }
    }

    pub fn byte(&mut self) -> Result<u8, CodeError> {
        let (&b, rest) = self.bytes.split_first().ok_or(CodeError::Truncated)?;
        self.bytes = rest;
        Ok(b)
    }

    pub fn bytes<const N: usize>(&mut self) -> Result<[u8; N], CodeError> {
        let mut out = [0; N];
        for b in &mut out {
            *b = self.byte()?;
        }
        Ok(out)
    }

    /// A LEB128 varint of at most 64 bits.
    pub fn varint(&mut self) -> Result<u64, CodeError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            let part = u64::from(b & 0x7F);
            if shift == 63 && part > 1 {
                return Err(CodeError::Truncated);
            }
            v |= part << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(CodeError::Truncated)
    }

    /// A varint that must fit a `usize`.
    pub fn index(&mut self) -> Result<usize, CodeError> {
        usize::try_from(self.varint()?).map_err(|_| CodeError::Truncated)
    }

    /// Whether every byte was read.
    #[must_use]
    pub fn done(&self) -> bool {
        self.bytes.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_round_trips_any_bytes() {
        for n in 1..20u8 {
            let body: Vec<u8> = (0..n).map(|i| i.wrapping_mul(37) ^ 0xA5).collect();
            let text = to_text("ch04", &body);
            assert_eq!(from_text(&text), Ok(("ch04".into(), body)), "{text}");
        }
    }

    #[test]
    fn case_dashes_spaces_and_look_alike_letters_are_forgiven() {
        let text = to_text("ch09", &[1, 2, 3, 200, 17]);
        let (_, payload) = text.split_once('.').expect("dot");
        let sloppy = format!("ch09.{}", payload.to_lowercase().replace('-', " "));
        assert_eq!(from_text(&sloppy), from_text(&text));
        let zero = format!("ch09.{}", payload.replace('0', "O").replace('1', "l"));
        assert_ne!(zero, text);
        assert_eq!(from_text(&zero), from_text(&text));
    }

    #[test]
    fn every_single_character_slip_is_caught() {
        let text = to_text("ch05", &[1, 0x12, 0x34, 0x56, 3, 0, 7]);
        let dot = text.find('.').expect("dot");
        for (i, c) in text.char_indices().skip(dot + 1) {
            if c == '-' {
                continue;
            }
            for &other in ALPHABET {
                let other = char::from(other);
                if other == c {
                    continue;
                }
                let mut slip = text.clone();
                slip.replace_range(i..=i, &other.to_string());
                assert!(from_text(&slip).is_err(), "{slip} was accepted");
            }
        }
    }

    #[test]
    fn every_swap_of_two_neighbours_is_caught() {
        let text = to_text("ch07", &[1, 0xFE, 0x01, 0x77, 2, 1, 9, 200, 3]);
        let chars: Vec<char> = text.chars().collect();
        let dot = text.find('.').expect("dot");
        for i in dot + 1..chars.len() - 1 {
            let (a, b) = (chars[i], chars[i + 1]);
            if a == b || a == '-' || b == '-' {
                continue;
            }
            let mut swapped = chars.clone();
            swapped.swap(i, i + 1);
            let swapped: String = swapped.into_iter().collect();
            assert!(from_text(&swapped).is_err(), "{swapped} was accepted");
        }
    }

    #[test]
    fn the_check_is_crc16_ccitt() {
        // The catalogue's check value of CRC-16/CCITT-FALSE.
        assert_eq!(crc_reference(b"123456789"), [0x29, 0xB1]);
        assert_eq!(check("", b""), crc_reference(&[0]));
        assert_eq!(check("ab", b"\x01\x02"), crc_reference(b"ab\x00\x01\x02"));
    }

    /// CRC-16/CCITT-FALSE bit by bit, written from the definition: the
    /// message times x^16, divided by x^16+x^12+x^5+1, start 0xFFFF.
    fn crc_reference(msg: &[u8]) -> [u8; 2] {
        let mut reg: u32 = 0xFFFF;
        for &byte in msg {
            for i in (0..8).rev() {
                let top = (reg >> 15) & 1;
                let bit = u32::from(byte >> i) & 1;
                reg = ((reg << 1) & 0xFFFF) ^ if top ^ bit == 1 { 0x1021 } else { 0 };
            }
        }
        (reg as u16).to_be_bytes()
    }

    #[test]
    fn the_lesson_id_is_covered_by_the_check() {
        let text = to_text("ch05", &[1, 2, 3]);
        assert_eq!(
            from_text(&text.replacen("ch05", "ch06", 1)),
            Err(CodeError::Checksum)
        );
    }

    #[test]
    fn varints_round_trip_at_their_edges() {
        for v in [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            let mut out = Vec::new();
            put(&mut out, v);
            let mut r = Reader::new(&out);
            assert_eq!(r.varint(), Ok(v));
            assert!(r.done());
        }
        assert_eq!(Reader::new(&[0x80]).varint(), Err(CodeError::Truncated));
    }
}
