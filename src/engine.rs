//! The numerical engine: numerics only (work in progress).
