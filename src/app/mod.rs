//! Reader state and the actions that change it; no drawing here. Keys and
//! mouse events become [`Action`]s, [`App::apply`] changes the state, and
//! `ui` draws whatever the state says.

mod bare_urls;
pub mod compare;
pub mod contents;
pub mod copy;
pub mod define;
pub mod doc;
pub mod editor;
pub mod geometry;
mod input;
pub mod library;
pub mod lines;
pub mod links;
mod navigation;
pub mod notes;
mod outline;
pub mod pages;
pub mod resume;
pub mod search;
mod table;
pub mod view;
pub mod visual;

use std::rc::Rc;

use ratatui::layout::Rect;

pub use doc::Doc;
pub use geometry::{Screen, ScreenPrefs};
pub use lines::{LineKind, VisualLine};
pub use resume::Resume;
pub use search::{Match, Search};
pub use view::{View, ViewScript};

pub use crate::keys::{Action, Keymap};

use crate::brief::Brief;
use crate::keys::keymap;
use crate::theme::Theme;
use lines::LineCache;

/// The largest count before a key (more would only stall the reader).
const MAX_COUNT: usize = 9999;

/// Lines one wheel notch scrolls.
const WHEEL_LINES: i16 = 3;

/// A place in the body: a block and a line of its layout.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    /// Index into [`Doc::blocks`].
    pub block: usize,
    /// Line within the block's layout at the current width.
    pub line: usize,
}

/// Which pane keys move.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Focus {
    /// The body scrolls.
    #[default]
    Body,
    /// The section list's selection moves.
    List,
}

/// What the keyboard is talking to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Mode {
    /// Reading: the keymap applies.
    #[default]
    Normal,
    /// Typing a search query.
    Search,
    /// The help overlay is open.
    Help,
    /// Selecting a passage (`v`).
    Visual,
    /// The dictionary pop-up is open (`D`).
    Define,
}

/// The section list's selection and scroll offset.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListView {
    /// The highlighted entry.
    pub selected: usize,
    /// The first entry on screen.
    pub offset: usize,
}

/// The whole state of the reader.
#[derive(Debug)]
pub struct App {
    /// The brief being read.
    pub doc: Doc,
    /// Keys to actions.
    pub keymap: Keymap,
    /// Styles for drawing.
    pub theme: Theme,
    /// Where the parts of the screen are.
    pub screen: Screen,
    /// Layout choices from the settings (see [`App::set_screen_prefs`]).
    pub screen_prefs: ScreenPrefs,
    /// The first body line on screen.
    pub top: Pos,
    /// Which pane keys move.
    pub focus: Focus,
    /// What the keyboard is talking to.
    pub mode: Mode,
    /// The section list.
    pub list: ListView,
    /// The search and its matches.
    pub search: Search,
    /// Whether link addresses are shown under their paragraphs.
    pub show_links: bool,
    /// Set when the user asked to quit.
    pub quit: bool,
    /// Rows of the help overlay scrolled past.
    pub help_offset: usize,
    /// The dictionary pop-up, while it is open.
    pub define: Option<define::DefinePopup>,
    /// The entry last jumped to, kept as the current section until the body
    /// scrolls (near the end the jump target need not be the top block).
    jumped_entry: Option<usize>,
    /// Marks, the theme in use and status messages (library area).
    pub resume: Resume,
    /// Whether the view shows the end of the brief.
    at_end: bool,
    /// A count being typed before a key (`5` of `5j`).
    pub count: Option<usize>,
    /// The passage being selected in visual mode.
    pub selection: Option<visual::Selection>,
    /// The selection last left, for `V` to select again.
    last_selection: Option<visual::Selection>,
    /// Text copied with `y`/`Y`, for the event loop to hand to the terminal.
    clipboard: Option<String>,
    /// An address `f` asked to open, for the event loop to hand to the opener.
    open_url: Option<String>,
    /// A PDF page `O` asked for, for the event loop to hand to a viewer.
    open_pdf: Option<pages::PdfPage>,
    /// Where links were followed from, the last last (`Ctrl-O` goes back).
    jumps: Vec<links::JumpedFrom>,
    /// The count typed before the key being handled, for actions that take
    /// it as a number rather than as repeats (`2f`).
    count_arg: Option<usize>,
    cache: LineCache,
    /// The script the brief is shown in, and the compare view.
    pub view: View,
    /// Notes: the paragraph cursor, the store, the overlays.
    pub notes: notes::NotesState,
    /// Set while only the opening of a large brief is shown, the whole
    /// still being parsed: no notes, no place, no search yet.
    pub opening_only: bool,
}

impl App {
    /// A reader on `brief`, at its start, for an empty screen until
    /// [`App::resize`] says otherwise.
    pub fn new(brief: Brief) -> App {
        App {
            doc: Doc::new(brief),
            keymap: Keymap::default(),
            theme: Theme::default(),
            screen: Screen::default(),
            screen_prefs: ScreenPrefs::default(),
            top: Pos::default(),
            focus: Focus::Body,
            mode: Mode::Normal,
            list: ListView::default(),
            search: Search::default(),
            show_links: true,
            quit: false,
            help_offset: 0,
            define: None,
            jumped_entry: None,
            resume: Resume::default(),
            at_end: false,
            count: None,
            selection: None,
            last_selection: None,
            clipboard: None,
            open_url: None,
            open_pdf: None,
            jumps: Vec::new(),
            count_arg: None,
            cache: LineCache::default(),
            view: View::default(),
            notes: notes::NotesState::default(),
            opening_only: false,
        }
    }

    /// Applies one action to the state.
    pub fn apply(&mut self, action: Action) {
        if self.overlay_apply(action) {
            return;
        }
        if self.mode == Mode::Define {
            return self.apply_define(action);
        }
        if self.mode == Mode::Help {
            match action {
                Action::ToggleHelp | Action::Cancel | Action::Quit => self.mode = Mode::Normal,
                // On a small screen the list of keys scrolls.
                Action::Down => self.scroll_help(1),
                Action::Up => self.scroll_help(-1),
                Action::Resize { width, height } => {
                    self.resize(Rect::new(0, 0, width, height));
                    self.scroll_help(0);
                }
                _ => {}
            }
            return;
        }
        if self.mode == Mode::Visual {
            self.apply_visual(action);
            // `n` in a selection can move it off the compare view's rows.
            if let (Some(sel), Some(_)) = (self.selection, self.view.compare) {
                self.compare_reveal(sel.block);
            }
            return;
        }
        if self.view.compare.is_some() && self.apply_compare(action) {
            return;
        }
        match action {
            Action::Down => self.move_focused(1),
            Action::Up => self.move_focused(-1),
            Action::PageDown => self.page(1),
            Action::PageUp => self.page(-1),
            Action::HalfPageDown => self.half_page(1),
            Action::HalfPageUp => self.half_page(-1),
            Action::Top => self.go_top(),
            Action::Bottom => self.go_bottom(),
            Action::ToggleFocus => {
                self.focus = match self.focus {
                    Focus::Body => Focus::List,
                    Focus::List => Focus::Body,
                }
            }
            Action::Activate => {
                if self.focus == Focus::List {
                    self.jump_to_entry(self.list.selected);
                } else {
                    self.follow_contents_entry();
                }
            }
            Action::NextSection => self.jump_to_entry(self.current_entry() + 1),
            Action::PrevSection => {
                let current = self.current_entry();
                let first = self.doc.entries.get(current).map_or(0, |e| e.first_block);
                // From inside a section, `[` goes back to its start first.
                let target = if self.top.block > first || self.top.line > 0 {
                    current
                } else {
                    current.saturating_sub(1)
                };
                self.jump_to_entry(target);
            }
            Action::StartSearch => self.start_search(),
            Action::SearchInput(c) => self.search_type(c),
            Action::SearchBackspace => self.search_backspace(),
            Action::SearchConfirm => self.search_confirm(),
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            Action::ToggleRegions => self.toggle_regions(),
            Action::Cancel => self.cancel(),
            Action::ToggleHelp => {
                self.mode = Mode::Help;
                self.help_offset = 0;
            }
            Action::Define => self.open_define(),
            Action::ToggleLinks => {
                let keep = self.top_byte();
                self.show_links = !self.show_links;
                self.restore_top(keep);
            }
            Action::ScrollAt { column, row, lines } => self.scroll_at(column, row, lines),
            Action::ClickAt { column, row } => self.click_at(column, row),
            Action::Resize { width, height } => self.resize(Rect::new(0, 0, width, height)),
            Action::Quit => self.quit = true,
            Action::CycleView => self.cycle_view(),
            Action::ToggleCompare => self.open_compare(),
            Action::CursorDown
            | Action::CursorUp
            | Action::AddNote
            | Action::EditNote
            | Action::EditTags
            | Action::DeleteNote
            | Action::UndoDelete
            | Action::ToggleNotes
            | Action::NotesPane
            | Action::NextNote
            | Action::PrevNote
            | Action::NotesKey(_) => self.notes_action(action),
            Action::SetMark | Action::JumpToMark | Action::MarkLetter(_) | Action::CycleTheme => {
                self.apply_resume(action)
            }
            Action::StartVisual => self.start_visual(),
            Action::Reselect => self.reselect(),
            Action::Copy => self.copy(false),
            Action::CopyCitation => self.copy(true),
            Action::FollowLink => {
                let n = self.count_arg.take();
                self.follow_link(n);
            }
            Action::JumpBack => self.jump_back(),
            Action::OpenPdf => self.open_pdf_here(),
            Action::GoToPage => {
                let page = self.count_arg.take();
                self.go_to_page(page);
            }
            // Only visual mode moves a selection.
            Action::SelectLeft
            | Action::SelectRight
            | Action::SelectClauseNext
            | Action::SelectClausePrev
            | Action::SelectToEnd
            | Action::SelectToStart => {}
        }
        if let Action::ClickAt { column, row } = action {
            self.click_cursor(column, row);
        }
        self.follow_cursor();
    }

    /// Lays the screen out with `prefs` from now on.
    pub fn set_screen_prefs(&mut self, prefs: ScreenPrefs) {
        self.screen_prefs = prefs;
        let area = self.screen.area;
        if !area.is_empty() {
            let keep = self.top_byte();
            self.screen = Screen::with_prefs(area, prefs);
            self.restore_top(keep);
        }
    }

    /// The layout of block `i` at the current width.
    pub fn lines(&mut self, i: usize) -> Rc<[VisualLine]> {
        let width = self.screen.text_width();
        let lines = self
            .cache
            .lines(&self.doc, &self.view, i, width, self.show_links);
        self.with_note_lines(i, lines, width)
    }

    /// Every row of the help overlay: the keymap's, then the search's.
    pub fn help_rows(&self) -> Vec<(String, &'static str)> {
        help_rows(&self.keymap)
    }

    /// Scrolls the help overlay, stopping when its last row is in view
    /// (the overlay has a border above and below).
    fn scroll_help(&mut self, delta: i64) {
        let shown = usize::from(self.screen.area.height.saturating_sub(2));
        let max = self.help_rows().len().saturating_sub(shown) as i64;
        self.help_offset = (self.help_offset as i64 + delta).clamp(0, max.max(0)) as usize;
    }

    fn cancel(&mut self) {
        if self.search.is_active() {
            self.clear_search();
        }
    }
}

/// Every key of the reader with what it does, for `keymap`: its bindings,
/// then the count prefix, the keys of a search being typed, those of a
/// selection, of the notes pane and of the note editor. The help overlay
/// and the man page both show these.
pub fn help_rows(keymap: &Keymap) -> Vec<(String, &'static str)> {
    let mut rows = keymap.help_rows();
    rows.push((keymap::COUNT_HELP.0.to_string(), keymap::COUNT_HELP.1));
    rows.extend(keymap::SEARCH_HELP.iter().map(|(k, d)| (k.to_string(), *d)));
    rows.extend(visual::VISUAL_KEYS.iter().map(|(k, d)| (k.to_string(), *d)));
    rows.extend(define::DEFINE_KEYS.iter().map(|(k, d)| (k.to_string(), *d)));
    rows.extend(
        notes::pane::PANE_KEYS
            .iter()
            .map(|(k, d)| (k.to_string(), *d)),
    );
    rows.extend(
        notes::overlay::EDITOR_KEYS
            .iter()
            .map(|(k, d)| (k.to_string(), *d)),
    );
    rows
}
