//! LaTeX subset → 2-D text, for formulas in a terminal.
//!
//! A pipeline in one concept per file:
//!
//! ```text
//! lexer ─▶ parser (+ environment) ─▶ ast ─▶ layout (+ scripts, table) ─▶ linebreak ─▶ render
//!                                      │        └─ block (boxes with a baseline), spacing
//!                                      ├─▶ inline (one-line form for prose)
//!                                      └─▶ bind   (numbers substituted into a formula)
//! symbols (command tables) and glyphs (Unicode / ASCII) are read by all.
//! ```
//!
//! The supported subset is what the course deck uses: `\frac`, scripts,
//! `\sum`/`\prod` with limits, `\left…\right`, `pmatrix`/`bmatrix`/`vmatrix`,
//! `aligned`, `cases`, `\tag{n}` and a trailing `\quad (n)`, `\text`,
//! `\mathbf`, operator names, arrows and relations, dots, spacing commands,
//! accents, `\sqrt`, Greek letters, `\underbrace`/`\overbrace` with labels,
//! norms (`\lVert…\rVert`, `\|`), `\boxed`, and `\color`/`\textcolor` drawn
//! as glyph emphasis. Malformed input is a [`FormulaError`] with a byte
//! offset, never a guess; an unknown command is drawn as its source
//! (`[?\foo]`) with a warning in [`Rendered::warnings`], and [`parse_check`]
//! still reports it.
//!
//! This module is a leaf: it uses no other module of the crate and no
//! terminal crate.

mod ast;
mod bind;
mod block;
mod error;
mod glyphs;
mod inline;
mod layout;
mod lexer;
mod linebreak;
mod number;
mod parser;
mod render;
mod scripts;
mod spacing;
mod substitute;
mod symbols;
mod table;

pub use bind::{Bindings, BoundFormula, NumberFormat};
pub use error::FormulaError;
pub use glyphs::Glyphs;
pub use inline::render_inline;
pub use render::{RenderOptions, Rendered, parse_check, render, render_or_source};
