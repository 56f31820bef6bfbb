//! Notes and tags on paragraphs, kept in a JSON store that never loses one.
