//! Text laid out for a terminal, shared by both front ends: prose wrapped to
//! a width in display columns (Chinese counts as two, with the line-breaking
//! rules of Chinese typesetting), tables aligned by display width, and
//! numbers fitted into a column without cutting digits, and one line cut
//! to a width.

pub mod ascii;
pub mod cut;
pub mod number;
pub mod plot;
pub mod table;
pub mod wrap;

pub use cut::truncate;
pub use wrap::wrap;
