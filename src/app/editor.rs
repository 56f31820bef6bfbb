//! A small text editor model for the note and tag overlays: lines of text
//! and a cursor, moved by grapheme so that a CJK character or an emoji with
//! modifiers is one step, and placed on screen by display width.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Text being edited, with a cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Editor {
    lines: Vec<String>,
    /// Line of the cursor.
    row: usize,
    /// Byte offset of the cursor in its line, always on a grapheme boundary.
    col: usize,
    /// One line only: newlines are refused and pasted ones become spaces.
    single_line: bool,
}

impl Editor {
    /// A multi-line editor holding `text`, the cursor at its end.
    pub fn new(text: &str) -> Editor {
        let mut editor = Editor {
            lines: text.split('\n').map(str::to_string).collect(),
            row: 0,
            col: 0,
            single_line: false,
        };
        editor.end_of_text();
        editor
    }

    /// A one-line editor holding `text`, the cursor at its end.
    pub fn single_line(text: &str) -> Editor {
        let mut editor = Editor::new(&text.replace(['\n', '\r'], " "));
        editor.single_line = true;
        editor
    }

    /// The whole text, lines joined by `\n`.
    pub fn text(&self) -> String {
        self.lines.join("\n")
    }

    /// The lines of the text.
    pub fn lines(&self) -> &[String] {
        &self.lines
    }

    /// The cursor as (line, byte offset in the line).
    pub fn cursor(&self) -> (usize, usize) {
        (self.row, self.col)
    }

    /// The cursor as (line, display column): where a terminal shows it.
    pub fn cursor_column(&self) -> (usize, usize) {
        (self.row, self.line()[..self.col].width())
    }

    fn line(&self) -> &str {
        &self.lines[self.row]
    }

    fn end_of_text(&mut self) {
        self.row = self.lines.len() - 1;
        self.col = self.line().len();
    }

    /// Types one character at the cursor (a newline splits the line).
    pub fn insert_char(&mut self, c: char) {
        if c == '\n' {
            self.newline();
            return;
        }
        if c.is_control() {
            return;
        }
        let (row, col) = (self.row, self.col);
        self.lines[row].insert(col, c);
        self.col += c.len_utf8();
        self.snap();
    }

    /// Pastes text at the cursor; its line breaks split lines (CR LF and CR
    /// count as one break), other control characters are dropped.
    pub fn insert_str(&mut self, text: &str) {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        for c in text.chars() {
            match c {
                '\n' if self.single_line => self.insert_char(' '),
                '\t' => self.insert_char(' '),
                c => self.insert_char(c),
            }
        }
    }

    /// Splits the line at the cursor (nothing in a one-line editor).
    pub fn newline(&mut self) {
        if self.single_line {
            return;
        }
        let rest = self.lines[self.row].split_off(self.col);
        self.row += 1;
        self.lines.insert(self.row, rest);
        self.col = 0;
    }

    /// Deletes the grapheme before the cursor, or joins with the line above.
    pub fn backspace(&mut self) {
        if self.col > 0 {
            let start = self.prev_boundary();
            let row = self.row;
            self.lines[row].replace_range(start..self.col, "");
            self.col = start;
        } else if self.row > 0 {
            let line = self.lines.remove(self.row);
            self.row -= 1;
            self.col = self.line().len();
            self.lines[self.row].push_str(&line);
        }
    }

    /// Deletes the grapheme under the cursor, or joins the next line.
    pub fn delete(&mut self) {
        if self.col < self.line().len() {
            let end = self.next_boundary();
            let row = self.row;
            self.lines[row].replace_range(self.col..end, "");
        } else if self.row + 1 < self.lines.len() {
            let next = self.lines.remove(self.row + 1);
            let row = self.row;
            self.lines[row].push_str(&next);
        }
    }

    /// One grapheme left, or to the end of the line above.
    pub fn left(&mut self) {
        if self.col > 0 {
            self.col = self.prev_boundary();
        } else if self.row > 0 {
            self.row -= 1;
            self.col = self.line().len();
        }
    }

    /// One grapheme right, or to the start of the line below.
    pub fn right(&mut self) {
        if self.col < self.line().len() {
            self.col = self.next_boundary();
        } else if self.row + 1 < self.lines.len() {
            self.row += 1;
            self.col = 0;
        }
    }

    /// One line up, at the same display column or just before it.
    pub fn up(&mut self) {
        if self.row > 0 {
            let (_, column) = self.cursor_column();
            self.row -= 1;
            self.col = self.byte_at_column(column);
        }
    }

    /// One line down, at the same display column or just before it.
    pub fn down(&mut self) {
        if self.row + 1 < self.lines.len() {
            let (_, column) = self.cursor_column();
            self.row += 1;
            self.col = self.byte_at_column(column);
        }
    }

    /// To the start of the line.
    pub fn home(&mut self) {
        self.col = 0;
    }

    /// To the end of the line.
    pub fn end(&mut self) {
        self.col = self.line().len();
    }

    /// The word being typed: the text from the last space or comma before
    /// the cursor up to the cursor (for tag completion).
    pub fn current_word(&self) -> &str {
        let before = &self.line()[..self.col];
        let start = before
            .rfind(|c: char| c == ',' || c == '，' || c == '、' || c.is_whitespace())
            .map_or(0, |i| {
                i + before[i..].chars().next().map_or(1, char::len_utf8)
            });
        &before[start..]
    }

    /// Replaces the word being typed with `word`.
    pub fn complete_word(&mut self, word: &str) {
        let typed = self.current_word().len();
        let row = self.row;
        let start = self.col - typed;
        self.lines[row].replace_range(start..self.col, word);
        self.col = start + word.len();
    }

    /// The byte offset of the last grapheme start whose column is at most
    /// `column` on the cursor's line (a wide character is never split).
    fn byte_at_column(&self, column: usize) -> usize {
        let mut used = 0;
        for (i, g) in self.line().grapheme_indices(true) {
            let w = g.width();
            if used + w > column {
                return i;
            }
            used += w;
        }
        self.line().len()
    }

    fn prev_boundary(&self) -> usize {
        self.line()[..self.col]
            .grapheme_indices(true)
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    fn next_boundary(&self) -> usize {
        let rest = &self.line()[self.col..];
        self.col + rest.graphemes(true).next().map_or(0, str::len)
    }

    /// Typing a combining mark after a character joins them into one
    /// grapheme; keep the cursor after the whole of it.
    fn snap(&mut self) {
        let line = self.line();
        if !line.is_char_boundary(self.col) {
            return;
        }
        let inside = line
            .grapheme_indices(true)
            .find(|(i, g)| *i < self.col && self.col < i + g.len());
        if let Some((i, g)) = inside {
            self.col = i + g.len();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_cjk_moves_the_cursor_two_columns_a_character() {
        let mut e = Editor::new("");
        for c in "美中a".chars() {
            e.insert_char(c);
        }
        assert_eq!(e.text(), "美中a");
        assert_eq!(e.cursor_column(), (0, 5));
        e.left();
        assert_eq!(e.cursor_column(), (0, 4));
        e.insert_char('關');
        assert_eq!(e.text(), "美中關a");
        assert_eq!(e.cursor_column(), (0, 6));
    }

    #[test]
    fn backspace_removes_a_whole_wide_character_or_grapheme() {
        let mut e = Editor::new("外交");
        e.backspace();
        assert_eq!(e.text(), "外");
        assert_eq!(e.cursor(), (0, "外".len()));
        let mut flag = Editor::new("a👍🏽");
        flag.backspace();
        assert_eq!(flag.text(), "a");
        let mut accent = Editor::new("e\u{301}");
        accent.backspace();
        assert_eq!(accent.text(), "");
    }

    #[test]
    fn left_and_right_step_by_grapheme_and_across_lines() {
        let mut e = Editor::new("ab\n台灣");
        e.left();
        assert_eq!(e.cursor(), (1, 3));
        e.left();
        e.left();
        assert_eq!(e.cursor(), (0, 2));
        e.right();
        assert_eq!(e.cursor(), (1, 0));
        e.right();
        assert_eq!(e.cursor_column(), (1, 2));
    }

    #[test]
    fn up_and_down_keep_the_display_column_without_splitting_wide_chars() {
        let mut e = Editor::new("abcde\n臺灣海峽\nx");
        e.up();
        // From column 1 on "x" to column 0 of "臺" (column 1 is inside it).
        assert_eq!(e.cursor_column(), (1, 0));
        e.end();
        assert_eq!(e.cursor_column(), (1, 8));
        e.up();
        assert_eq!(e.cursor_column(), (0, 5));
        e.home();
        e.right();
        e.right();
        e.right();
        e.down();
        // Column 3 falls inside "灣" (columns 2–3): the cursor stays before it.
        assert_eq!(e.cursor_column(), (1, 2));
        e.down();
        assert_eq!(e.cursor_column(), (2, 1));
        e.down();
        assert_eq!(e.cursor_column(), (2, 1));
    }

    #[test]
    fn home_end_enter_and_backspace_at_a_line_start() {
        let mut e = Editor::new("美中關係");
        e.home();
        e.right();
        e.right();
        e.newline();
        assert_eq!(e.lines(), ["美中", "關係"]);
        assert_eq!(e.cursor(), (1, 0));
        e.backspace();
        assert_eq!(e.text(), "美中關係");
        assert_eq!(e.cursor_column(), (0, 4));
        e.end();
        assert_eq!(e.cursor_column(), (0, 8));
        e.home();
        e.delete();
        assert_eq!(e.text(), "中關係");
    }

    #[test]
    fn pasting_several_lines_splits_them_and_ends_after_the_paste() {
        let mut e = Editor::new("[]");
        e.left();
        e.insert_str("第一行\r\nsecond\tline\n第三");
        assert_eq!(e.lines(), ["[第一行", "second line", "第三]"]);
        assert_eq!(e.cursor_column(), (2, 4));
    }

    #[test]
    fn a_single_line_editor_refuses_newlines() {
        let mut e = Editor::single_line("外交");
        e.newline();
        e.insert_str(" 美中\nG2");
        assert_eq!(e.text(), "外交 美中 G2");
        assert_eq!(e.lines().len(), 1);
    }

    #[test]
    fn the_word_at_the_cursor_is_completed_in_place() {
        let mut e = Editor::single_line("外交, 美");
        assert_eq!(e.current_word(), "美");
        e.complete_word("美中關係");
        assert_eq!(e.text(), "外交, 美中關係");
        let mut fw = Editor::single_line("外交，G");
        assert_eq!(fw.current_word(), "G");
        fw.complete_word("G2");
        assert_eq!(fw.text(), "外交，G2");
    }
}
