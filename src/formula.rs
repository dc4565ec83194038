//! LaTeX subset → 2-D text (work in progress; see issue 4).
