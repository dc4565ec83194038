//! The training spec (work in progress).
