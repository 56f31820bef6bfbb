//! Theme files and the styles they resolve to.
