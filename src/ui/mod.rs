//! Drawing the reader's screen from its state.
