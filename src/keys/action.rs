//! Everything a user can ask of the reader, as data. Keys and mouse events
//! turn into actions; `App::apply` turns actions into state.

/// One thing the user asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Scroll the body one line down, or move down the section list.
    Down,
    /// Scroll the body one line up, or move up the section list.
    Up,
    /// Scroll the body one screen down.
    PageDown,
    /// Scroll the body one screen up.
    PageUp,
    /// Scroll the body half a screen down.
    HalfPageDown,
    /// Scroll the body half a screen up.
    HalfPageUp,
    /// Go to the start of the brief (or the top of the list).
    Top,
    /// Go to the end of the brief (or the bottom of the list).
    Bottom,
    /// Move the focus between the section list and the body.
    ToggleFocus,
    /// Jump to the section selected in the list.
    Activate,
    /// Jump to the next section.
    NextSection,
    /// Jump to the previous section.
    PrevSection,
    /// Start typing a search.
    StartSearch,
    /// Add a character to the search being typed.
    SearchInput(char),
    /// Remove the last character of the search being typed.
    SearchBackspace,
    /// Stop typing the search and keep its matches.
    SearchConfirm,
    /// Go to the next search match.
    NextMatch,
    /// Go to the previous search match.
    PrevMatch,
    /// Let the search match the other regions' words too (資訊 / 信息), or not.
    ToggleRegions,
    /// Leave the overlay or the search, in that order.
    Cancel,
    /// Show or hide the list of keys.
    ToggleHelp,
    /// Show or hide link addresses under their paragraphs.
    ToggleLinks,
    /// Look up the word at the selection, the match or the paragraph's start.
    Define,
    /// Scroll the pane under the pointer by a number of lines (negative: up).
    ScrollAt {
        /// Screen column of the pointer.
        column: u16,
        /// Screen row of the pointer.
        row: u16,
        /// Lines to scroll; negative scrolls up.
        lines: i16,
    },
    /// A click: on a section in the list jumps to it.
    ClickAt {
        /// Screen column of the click.
        column: u16,
        /// Screen row of the click.
        row: u16,
    },
    /// The terminal now has this size.
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
    /// Leave the reader.
    Quit,
    // The view script and the compare view (issue 5).
    /// Show the brief in the next script: original → Simplified → Taiwan.
    CycleView,
    /// Open or close the side-by-side compare view.
    ToggleCompare,
    // Notes (issue 4).
    /// Move the paragraph cursor to the next paragraph.
    CursorDown,
    /// Move the paragraph cursor to the previous paragraph.
    CursorUp,
    /// Add a note to the paragraph at the cursor.
    AddNote,
    /// Edit the newest note of the paragraph at the cursor.
    EditNote,
    /// Edit the tags of the paragraph at the cursor.
    EditTags,
    /// Delete the newest note of the paragraph at the cursor.
    DeleteNote,
    /// Bring back the last deleted note.
    UndoDelete,
    /// Show or hide note texts under their paragraphs.
    ToggleNotes,
    /// Open the list of this brief's notes.
    NotesPane,
    /// Go to the next note of the brief (several on one paragraph: the next of them).
    NextNote,
    /// Go to the previous note of the brief.
    PrevNote,
    /// A key typed into an open note editor, tag line or notes pane.
    NotesKey(crossterm::event::KeyEvent),
    // Library area: marks and themes.
    /// Set a mark at the top paragraph (the next key names it).
    SetMark,
    /// Jump to a mark (the next key names it).
    JumpToMark,
    /// The letter typed after [`Action::SetMark`] or [`Action::JumpToMark`].
    MarkLetter(char),
    /// Switch to the next theme, and remember it.
    CycleTheme,
    // Passages (issue 12).
    /// Start selecting a passage: the search match, else the paragraph's start.
    StartVisual,
    /// Select again the passage the last selection covered (vim's `gv`).
    Reselect,
    /// Move the selection's moving end one character left.
    SelectLeft,
    /// Move the selection's moving end one character right.
    SelectRight,
    /// Extend the selection to the end of the clause.
    SelectClauseNext,
    /// Take the selection back to the end of the previous clause.
    SelectClausePrev,
    /// Extend the selection to the end of the paragraph.
    SelectToEnd,
    /// Extend the selection to the start of the paragraph.
    SelectToStart,
    /// Copy the selection, else the cursor's paragraph, to the clipboard.
    Copy,
    /// Copy a citation (quote, author, title, section) to the clipboard.
    CopyCitation,
    /// Follow the cursor paragraph's link or footnote (a count picks which).
    FollowLink,
    /// Go back to where the last link was followed from.
    JumpBack,
    /// Go to the page the count names (`7P`), as the brief prints it.
    GoToPage,
    /// Open the brief's PDF at the page on screen in the system's viewer.
    OpenPdf,
}

impl Action {
    /// Whether a count typed before the key (`5j`, `3]`) repeats it.
    pub fn takes_count(self) -> bool {
        matches!(
            self,
            Action::Down
                | Action::Up
                | Action::PageDown
                | Action::PageUp
                | Action::HalfPageDown
                | Action::HalfPageUp
                | Action::NextSection
                | Action::PrevSection
                | Action::NextMatch
                | Action::PrevMatch
                | Action::CursorDown
                | Action::CursorUp
                | Action::NextNote
                | Action::PrevNote
        )
    }

    /// What the action does, as the help overlay shows it.
    pub fn description(self) -> &'static str {
        match self {
            Action::Down => "scroll down a line / next entry in the list",
            Action::Up => "scroll up a line / previous entry in the list",
            Action::PageDown => "page down",
            Action::PageUp => "page up",
            Action::HalfPageDown => "half a page down",
            Action::HalfPageUp => "half a page up",
            Action::Top => "go to the start",
            Action::Bottom => "go to the end",
            Action::ToggleFocus => "switch focus: section list ⇄ body",
            Action::Activate => "jump to the section selected in the list or contents entry",
            Action::NextSection => "next section",
            Action::PrevSection => "previous section",
            Action::StartSearch => "search as you type (Enter keeps it)",
            Action::SearchInput(_) => "type into the search",
            Action::SearchBackspace => "delete a character of the search",
            Action::SearchConfirm => "keep the search and its matches",
            Action::NextMatch => "next match",
            Action::PrevMatch => "previous match",
            Action::ToggleRegions => "search: also the other regions' words (資訊 ⇄ 信息) on/off",
            Action::Cancel => "close the overlay / clear the search",
            Action::ToggleHelp => "show or hide this help",
            Action::ToggleLinks => "show or hide link addresses",
            Action::Define => "look up the word at the selection, match or paragraph start",
            Action::ScrollAt { .. } => "scroll the pane under the pointer",
            Action::ClickAt { .. } => "jump to the clicked section",
            Action::Resize { .. } => "reflow to the terminal's size",
            Action::Quit => "quit",
            Action::CycleView => "view: original → 简体 → 繁體 (Taiwan)",
            Action::ToggleCompare => "compare original and converted side by side",
            Action::CursorDown => "paragraph cursor to the next paragraph",
            Action::CursorUp => "paragraph cursor to the previous paragraph",
            Action::AddNote => "add a note to the paragraph at the cursor",
            Action::EditNote => "edit the note (the one picked with } {, else the newest)",
            Action::EditTags => "edit the paragraph's tags (Tab completes)",
            Action::DeleteNote => "delete the note (the one picked with } {, else the newest)",
            Action::UndoDelete => "undo the last note deletion",
            Action::ToggleNotes => "show or hide notes under their paragraphs",
            Action::NotesPane => "list this brief's notes (filter, jump, edit, delete)",
            Action::NextNote => "next note (steps through a paragraph's notes)",
            Action::PrevNote => "previous note",
            Action::NotesKey(_) => "type into the notes editor or pane",
            Action::SetMark => "set a mark: m then a letter",
            Action::JumpToMark => "jump to a mark: ' then its letter",
            Action::MarkLetter(_) => "name the mark",
            Action::CycleTheme => "next theme (remembered)",
            Action::StartVisual => "select a passage (at the search match, else the cursor)",
            Action::Reselect => "select the last selection again",
            Action::SelectLeft => "selection: one character less",
            Action::SelectRight => "selection: one character more",
            Action::SelectClauseNext => "selection: to the next clause end",
            Action::SelectClausePrev => "selection: back to the previous clause end",
            Action::SelectToEnd => "selection: to the paragraph's end",
            Action::SelectToStart => "selection: to the paragraph's start",
            Action::Copy => "copy the selection, else the cursor's paragraph (OSC 52)",
            Action::CopyCitation => "copy a citation: quote, author, title, section",
            Action::FollowLink => "follow a link, note mark or address (a list if several; 2f)",
            Action::GoToPage => "go to the printed page the count names (7P: page 7)",
            Action::JumpBack => "go back to where the link was followed from",
            Action::OpenPdf => "open the PDF at this page in the system's viewer",
        }
    }
}
