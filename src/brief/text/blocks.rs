//! Blocks: runs of lines become paragraphs. Hard-wrapped lines are joined,
//! a paragraph cut by a page break is made whole, and a run of lines that
//! holds several headings, list items or indented paragraphs is split.

use super::chars::{
    continues_text, ends_like_prose, ends_sentence, is_cjk, push_joined, width_capped, width_within,
};
use super::fields::is_field;
use super::headings::{Shape, article_caption, bare_article, ends_mid_phrase, numbering};
use super::lists::List;
use super::pages::Item;

/// One paragraph-sized block of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Block {
    /// The lines joined into one text.
    pub text: String,
    /// How many source lines the block spans.
    pub lines: usize,
    /// The bullet, when the block is a list item (and `text` is its body).
    pub marker: Option<String>,
    /// The physical pages of its first and last line (0 = the first page).
    pub pages: (u32, u32),
    /// The width of its widest line, in columns (capped): a block set in a
    /// narrow column or a table cell shows itself by it.
    pub widest: usize,
}

#[derive(Clone, Copy)]
struct Line<'a> {
    text: &'a str,
    indented: bool,
    page: u32,
}

/// A block as a range of lines, before its text is built.
#[derive(Clone, Copy)]
struct Piece<'a> {
    start: usize,
    end: usize,
    after_break: bool,
    marker: Option<&'a str>,
    /// Lines from the next page that finish this piece's last sentence,
    /// when footnotes stood between them.
    tail: Option<(usize, usize)>,
    /// True once lines after it went to an earlier piece's tail: nothing
    /// may join it any more, or those lines would be read twice.
    closed: bool,
    /// True when it was split off inside its run: no blank line stands
    /// before it, so the rules for text cut by a blank line do not apply.
    split: bool,
}

/// Lines wider than this are counted as this wide when guessing the wrap.
const WRAP_CAP: usize = 400;
/// Hard wrapping is assumed only when this many wrapped lines back it up.
const WRAP_EVIDENCE: usize = 3;
/// Runs of lines narrower than this are lists or headings, not wrapped prose.
const WRAP_MIN_WIDTH: usize = 40;
/// The wrap width is estimated from at most this many lines: a sample is as
/// good as the whole, and keeps long briefs fast.
const WRAP_SAMPLE: usize = 4096;

/// Turns page items into blocks; also returns the heading shape for the
/// wrap width the text turned out to have.
pub(super) fn blocks(items: Vec<Item<'_>>) -> (Vec<Block>, Shape) {
    let (lines, runs) = runs(&items);
    // The items are no longer needed; free them before the texts are built.
    drop(items);
    let listed = listed_headings(&lines);
    let listed_starts = listed
        .iter()
        .map(|k| {
            let mut chars = k.chars();
            Some((chars.next()?, chars.next()?))
        })
        .collect::<Option<std::collections::HashSet<_>>>();
    let shape = Shape {
        wrap_width: wrap_width(&lines, &runs).or_else(|| loose_wrap(&lines, &runs)),
        listed,
        listed_starts,
        paragraph_per_line: paragraph_per_line(&lines, &runs),
    };
    let mut pieces = Vec::with_capacity(runs.len());
    let mut list = List::None;
    for run in &runs {
        split_run(&lines, *run, &shape, &mut list, &mut pieces);
    }
    drop(runs);
    let blocks = pieces.iter().map(|p| build(&lines, p)).collect();
    (blocks, shape)
}

/// The headings a table of contents lists: each entry line with leaders,
/// with the line before it when an entry wraps ("Create … Manufacturing" /
/// "Facilities, … Security ......").
fn listed_headings(lines: &[Line<'_>]) -> std::collections::HashSet<String> {
    let mut listed = std::collections::HashSet::new();
    let mut previous: Option<&str> = None;
    let mut in_contents = false;
    for line in lines {
        if super::toc::has_leaders(line.text) {
            for (i, entry) in super::toc::entries(line.text).iter().enumerate() {
                let entry = match previous {
                    Some(before) if i == 0 && in_contents => format!("{before} {entry}"),
                    _ => entry.clone(),
                };
                listed.insert(super::toc::key(&entry));
            }
            in_contents = true;
            previous = None;
        } else {
            // Only a line right after an entry can be the first half of the next.
            previous = in_contents.then_some(line.text);
            in_contents = in_contents && previous.is_some() && line.text.len() < 200;
        }
    }
    listed.remove("");
    listed
}

/// Lines and the runs of lines between gaps and breaks.
fn runs<'a>(items: &[Item<'a>]) -> (Vec<Line<'a>>, Vec<Piece<'a>>) {
    let line_count = items
        .iter()
        .filter(|i| matches!(i, Item::Line { .. }))
        .count();
    let mut lines = Vec::with_capacity(line_count);
    let mut runs: Vec<Piece<'a>> = Vec::new();
    let mut open = false;
    let mut after_break = false;
    for item in items {
        match *item {
            Item::Line {
                text,
                indented,
                page,
            } => {
                lines.push(Line {
                    text,
                    indented,
                    page,
                });
                match runs.last_mut() {
                    Some(run) if open => run.end = lines.len(),
                    _ => {
                        runs.push(Piece {
                            start: lines.len() - 1,
                            end: lines.len(),
                            after_break,
                            marker: None,
                            tail: None,
                            closed: false,
                            split: false,
                        });
                        open = true;
                        after_break = false;
                    }
                }
            }
            Item::Gap => open = false,
            Item::Break => {
                open = false;
                after_break = true;
            }
        }
    }
    (lines, runs)
}

/// Lines followed by more of their run that tell how a text is set.
const PER_LINE_EVIDENCE: usize = 8;

/// True when the text is set one paragraph a line (a report saved from a
/// word processor, a web page's text): nearly every line that has more
/// lines after it ends a sentence, which a wrap that cuts lines at a width
/// does only now and then.
fn paragraph_per_line(lines: &[Line<'_>], runs: &[Piece<'_>]) -> bool {
    let inner = runs
        .iter()
        .filter(|r| r.end - r.start >= 2)
        .flat_map(|r| &lines[r.start..r.end - 1])
        .take(WRAP_SAMPLE);
    let (mut total, mut ended) = (0usize, 0usize);
    for line in inner {
        total += 1;
        ended += usize::from(ends_sentence(line.text));
    }
    total >= PER_LINE_EVIDENCE && ended * 10 >= total * 8
}

/// The width hard-wrapped text is wrapped at: the 90th percentile of the
/// widths of lines that are followed by more of their paragraph.
fn wrap_width(lines: &[Line<'_>], runs: &[Piece<'_>]) -> Option<usize> {
    let mut histogram = vec![0usize; WRAP_CAP + 1];
    let mut total = 0;
    let wrapped = runs.iter().filter(|r| r.end - r.start >= 2);
    for line in wrapped
        .flat_map(|r| &lines[r.start..r.end - 1])
        .take(WRAP_SAMPLE)
    {
        histogram[width_capped(line.text, WRAP_CAP)] += 1;
        total += 1;
    }
    if total < WRAP_EVIDENCE {
        return None;
    }
    let mut seen = 0;
    let width = histogram.iter().position(|&n| {
        seen += n;
        seen * 10 >= total * 9
    })?;
    (width >= WRAP_MIN_WIDTH).then_some(width)
}

/// The wrap width of text with a blank line after every line (loose line
/// spacing read as paragraph gaps), where no run of lines shows it: when
/// most runs are single lines, the 90th percentile of their widths, if a
/// tenth of them at least come that close to it.
fn loose_wrap(lines: &[Line<'_>], runs: &[Piece<'_>]) -> Option<usize> {
    let mut widths: Vec<usize> = runs
        .iter()
        .filter(|r| r.end - r.start == 1)
        .take(WRAP_SAMPLE)
        .map(|r| width_capped(lines[r.start].text, WRAP_CAP))
        .collect();
    if widths.len() < WRAP_EVIDENCE || widths.len() * 5 < runs.len().min(WRAP_SAMPLE) * 4 {
        return None;
    }
    widths.sort_unstable();
    let wrap = widths[(widths.len() * 9 / 10).min(widths.len() - 1)];
    let full = widths.iter().filter(|&&w| w * 10 >= wrap * 9).count();
    (wrap >= WRAP_MIN_WIDTH && full >= WRAP_EVIDENCE && full * 10 >= widths.len()).then_some(wrap)
}

/// Splits one run of lines where a new block visibly starts inside it: a
/// list item, a numbered heading, the line after a heading, an indented line
/// after a finished sentence, or — in hard-wrapped text — the line after
/// one that stops well short of the wrap width (wrapped prose fills its
/// lines; a short line ends a paragraph, a heading or an address line).
fn split_run<'a>(
    lines: &[Line<'a>],
    run: Piece<'a>,
    shape: &Shape,
    list: &mut List,
    out: &mut Vec<Piece<'a>>,
) {
    let all_indented = lines[run.start..run.end].iter().all(|l| l.indented);
    let first = lines[run.start].text;
    let opening = list.item(first);
    *list = opening.map_or_else(
        || list.after(first, false),
        |(_, open)| open.after(first, true),
    );
    let mut piece = Piece {
        marker: opening.map(|(m, _)| m),
        ..run
    };
    // Lines opened by a tag ("[P0] …", "【快訊】…"), two or more in a run, are
    // the items of an index: each tag starts a block, and nothing else does.
    // Not so when particulars ("機構：…") stand among them: text with no
    // blank lines at all is one run, tagged headings with their entries.
    let in_run = &lines[run.start..run.end];
    let tagged = in_run.iter().filter(|l| bracket_tag(l.text)).count();
    if tagged >= 2 && in_run.iter().filter(|l| is_field(l.text)).count() < tagged {
        for k in run.start + 1..run.end {
            if bracket_tag(lines[k].text) {
                push_piece(lines, out, Piece { end: k, ..piece }, shape);
                piece = Piece {
                    start: k,
                    end: run.end,
                    after_break: false,
                    marker: None,
                    tail: None,
                    closed: false,
                    split: true,
                };
            }
        }
        push_piece(lines, out, piece, shape);
        return;
    }
    // The contents page's headings each line of the run begins, worked out
    // once a line: the checks below ask about a line more than once.
    let listed: Vec<Option<usize>> = if shape.listed.is_empty() {
        Vec::new()
    } else {
        (run.start..run.end)
            .map(|at| {
                let next = lines.get(at + 1).filter(|_| at + 1 < run.end);
                match next {
                    Some(next) => shape.listed_lines(&[lines[at].text, next.text]),
                    None => shape.listed_lines(&[lines[at].text]),
                }
            })
            .collect()
    };
    for k in run.start + 1..run.end {
        let (prev, line) = (lines[k - 1], lines[k]);
        let item = list.item(line.text);
        let marker = item.map(|(m, _)| m);
        *list = match item {
            Some((_, open)) => open.after(line.text, true),
            None => list.after(line.text, piece.marker.is_some()),
        };
        let wrapped = shape.wrap_width.is_some();
        // In a narrow column (a table cell dumped column by column), a line
        // about as wide as the lines after it is just one of its lines.
        // Asked last, and only of a line that would end a block: the look
        // around is not free.
        let full_in_column = || {
            narrow_column(lines, k, run.end, shape.wrap_width)
                .is_some_and(|w| width_capped(prev.text, w) * 10 >= w * 6)
        };
        // Only the second line of a piece can continue a heading begun on its
        // first; asked only there, as the checks are not free.
        let heading_kept_whole = piece.start == k - 1
            && piece.marker.is_none()
            && (wrapped || numbering(prev.text).is_some())
            && shape.continues_heading(prev.text, line.text)
            && lines
                .get(k + 1)
                .is_none_or(|after| !shape.continues_heading(line.text, after.text));
        let heading_above = piece.start == k - 1
            && piece.marker.is_none()
            && !continues_text(line.text)
            && !heading_kept_whole
            && (shape.numbered_heading(prev.text).is_some()
                || shape
                    .full_numbered_heading(prev.text, Some(line.text))
                    .is_some()
                || (wrapped && shape.heading_like(prev.text) && !full_in_column()));
        // The line after a heading wrapped over two lines starts the text.
        let two_line_heading_above = piece.start + 2 == k
            && piece.marker.is_none()
            && !continues_text(line.text)
            && shape.continues_heading(lines[k - 2].text, prev.text)
            && (numbering(lines[k - 2].text).is_some() || wrapped)
            && shape.heading_block(&[lines[k - 2].text, prev.text].join(" "), 2);
        let sentence_above = ends_sentence(prev.text);
        // Particulars stand one a line: "機構：…", "主題：…", each its own
        // block, and so is the title line above them.
        let field_starts = is_field(line.text)
            && (is_field(prev.text) || ends_sentence(prev.text) || shape.heading_like(prev.text));
        // A heading the contents page lists stands alone, over one line or two.
        let (listed_above, listed_here) = if shape.listed.is_empty() {
            (false, false)
        } else {
            let listed_at = |at: usize| listed[at - run.start];
            let above = listed_at(piece.start).is_some_and(|n| piece.start + n == k);
            let here = (k > piece.start + 1 || !above)
                && piece.marker.is_none()
                && listed_at(k).is_some()
                && !listed_at(k - 1).is_some_and(|n| n == 2 && k > piece.start);
            (above, here)
        };
        // Notes set label above text ("3" / "Executive Order …" / "4" /
        // …, as `pdftotext -layout` prints them): at the page's foot each
        // label after a finished line opens the next note.
        let label_here = bare_label(line.text)
            && k + 1 < run.end
            && (ends_sentence(prev.text) || ends_with_address(prev.text))
            && lines[k..run.end].iter().all(|l| l.page == line.page)
            && lines.get(run.end).is_none_or(|l| l.page != line.page);
        // A note opened by its label runs on, hanging under it.
        let in_note = bare_label(lines[piece.start].text);
        // A statute's article number stands alone, or over its caption:
        // the lines of its head make one block, and the text starts after.
        let article_head = bare_article(lines[piece.start].text)
            .then(|| article_head_lines(&lines[piece.start..run.end]));
        let article_apart = bare_article(line.text) || article_head == Some(k - piece.start);
        let caption_of_article = article_head.is_some_and(|n| k - piece.start < n);
        // A line break inside a sentence never ends a paragraph: after a
        // comma the sentence goes on, over a short line too ("…持续扩大内需，"
        // / "促进" / "消费和投资…"), as a brief edited and re-wrapped shows.
        let comma_ended = |t: &str| t.trim_end().ends_with([',', '，', '、']);
        let inside_sentence = marker.is_none()
            && numbering(line.text).is_none()
            && !bare_article(line.text)
            && (comma_ended(prev.text)
                || (k >= piece.start + 2
                    && comma_ended(lines[k - 2].text)
                    && !ends_sentence(prev.text)));
        // A section's number set alone at the end of a run ("Response:
        // Text." / "1.9.4" / "" / "Year (year)") opens the heading after
        // the gap, not the paragraph above it.
        let number_apart = k + 1 == run.end && bare_number(line.text);
        let split = !caption_of_article
            && !inside_sentence
            && (marker.is_some()
            || number_apart
            || label_here
            || article_apart
            // A bullet glyph on a line of its own ("•" / "China controls …")
            // stands apart: it marks the next item, which starts after it.
            || super::roles::lone_bullet(line.text)
            || super::roles::lone_bullet(prev.text)
            || (!in_note && note_at_foot(lines, &piece, k, run.end, shape.wrap_width))
            || listed_above
            || listed_here
            || heading_above
            || two_line_heading_above
            || field_starts
            || (sentence_above && numbering(line.text).is_some())
            // Set a paragraph a line, a line that ends a sentence ends its
            // paragraph.
            || (sentence_above && shape.paragraph_per_line)
            // Lines that each open with a date are entries of a record
            // (an act's amendments, a history, a timeline), one a line.
            || (super::dates::opens_with_date(line.text)
                && super::dates::opens_with_date(prev.text))
            || (sentence_above && wrapped && shape.heading_like(line.text))
            || (sentence_above && line.indented && !all_indented && !in_note)
            || (shape.ends_short(prev.text)
                && !continues_text(line.text)
                && !heading_kept_whole
                // "…the ongoing development of" / "AI.": a line ending
                // on "of" never ends a paragraph (a table row's closing
                // bar does).
                && (prev.text.ends_with(['|', '｜'])
                    || !ends_mid_phrase(&prev.text.to_lowercase()))
                && !full_in_column()));
        // A footnote's number on a line of its own ("14" / "Defense
        // Production Act …") stays with its note.
        let label_above = piece.start == k - 1 && bare_label(prev.text);
        // A field's value wrapped onto a line of its own, with the next
        // field right under it ("机构：Atlantic Council … and Cyber" /
        // "Statecraft Initiative" / "主题：…"), stays with its field.
        let field_wrapped = piece.start == k - 1
            && is_field(prev.text)
            && !is_field(line.text)
            && !ends_sentence(prev.text)
            && (k + 1 < run.end && is_field(lines[k + 1].text));
        // A heading the contents page lists over two lines stays whole,
        // though its first line alone looks like a heading.
        let listed_pair = piece.start == k - 1
            && !shape.listed.is_empty()
            && shape.listed_lines(&[prev.text, line.text]) == Some(2);
        if split && (marker.is_some() || (!label_above && !field_wrapped && !listed_pair)) {
            push_piece(lines, out, Piece { end: k, ..piece }, shape);
            piece = Piece {
                start: k,
                end: run.end,
                after_break: false,
                marker,
                tail: None,
                closed: false,
                split: true,
            };
        }
    }
    push_piece(lines, out, piece, shape);
}

/// A footnote has at most this many lines.
const NOTE_MAX_LINES: usize = 8;

/// True when line `at` opens a footnote that the extraction printed inside
/// the last paragraph of its page ("…partnership that delivers" /
/// "Department for Science …, ‘Press Release: …’" / "December 2024)"): set
/// in a smaller size, its lines run wider than any line of the text above
/// it and past the text's wrap width, and it opens a sentence where the
/// text stopped in mid-phrase. Split off, it is a note, and the cut
/// sentence finds its rest on the next page.
fn note_at_foot(
    lines: &[Line<'_>],
    piece: &Piece<'_>,
    at: usize,
    end: usize,
    wrap: Option<usize>,
) -> bool {
    let Some(wrap) = wrap else {
        return false;
    };
    let page = lines[at].page;
    let width = |l: &Line<'_>| width_capped(l.text, WRAP_CAP);
    let opening = width(&lines[at]);
    let page_ends = lines.get(end).is_none_or(|l| l.page != page);
    page_ends
        && end - at <= NOTE_MAX_LINES
        && lines[end - 1].page == page
        && opening > wrap
        && !continues_text(lines[at].text)
        && !ends_sentence(lines[at - 1].text)
        && lines[piece.start..at].iter().all(|l| width(l) < opening)
        && lines[at..end].iter().any(|l| width(l) * 20 > wrap * 21)
}

/// Lines after `at` looked at to tell a narrow column from wrapped prose.
const COLUMN_LOOKAHEAD: usize = 3;

/// The width of the column the lines from `at` are set in, when it is
/// narrow (no wider than 60% of the text's wrap width) and its lines run on
/// into each other. Tables dumped one column at a time read like this, and
/// their short lines are not the ends of paragraphs; a list of names, one a
/// line, does not run on.
fn narrow_column(lines: &[Line<'_>], at: usize, end: usize, wrap: Option<usize>) -> Option<usize> {
    let wrap = wrap?;
    let after = &lines[at..end.min(at + COLUMN_LOOKAHEAD)];
    let width = after.iter().map(|l| width_capped(l.text, wrap)).max()?;
    if after.len() < 2 || width * 10 > wrap * 6 {
        return None;
    }
    let around = &lines[at.saturating_sub(COLUMN_LOOKAHEAD)..end.min(at + COLUMN_LOOKAHEAD + 1)];
    let runs_on = around.windows(2).any(|pair| {
        continues_text(pair[1].text)
            || ends_mid_phrase(pair[0].text)
            || pair[0].text.ends_with([',', '，', '、'])
    });
    runs_on.then_some(width)
}

/// True for a line opened by a short tag in brackets: "[P0] …", "【快訊】…".
pub(super) fn bracket_tag(line: &str) -> bool {
    let Some(rest) = line.strip_prefix(['[', '【']) else {
        return false;
    };
    rest.char_indices()
        .take(10)
        .find(|(_, c)| matches!(c, ']' | '】'))
        .is_some_and(|(i, c)| {
            i > 0
                && rest[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(|n| n.is_whitespace() || super::chars::is_cjk(n))
        })
}

/// Appends a piece, making whole a paragraph a page break cut in
/// mid-sentence: the block before the break does not end a sentence and is
/// no heading, and the block after it is no heading or list item.
fn push_piece<'a>(lines: &[Line<'a>], out: &mut Vec<Piece<'a>>, piece: Piece<'a>, shape: &Shape) {
    if piece.after_break && rejoin_column(lines, out, &piece) {
        out.push(piece);
        return;
    }
    // A bracket opened and closed on either side of a blank line
    // ("…(主場於宜蘭" / "" / "青年交流中心)") holds one sentence.
    if let Some(prev) = out.last_mut()
        && !prev.closed
        && !piece.split
        && prev.tail.is_none()
        && prev.end == piece.start
        && piece.marker.is_none()
        && bracket_balance(lines[prev.end - 1].text) > 0
        && bracket_balance(lines[piece.start].text) < 0
    {
        prev.end = piece.end;
        return;
    }
    // A web address wrapped onto a line of its own after a blank line
    // ("https://…第 2 屆第 1" / "" / "次會議") is one address.
    if let Some(prev) = out.last_mut()
        && !prev.closed
        && !piece.split
        && prev.tail.is_none()
        && prev.end == piece.start
        && piece.marker.is_none()
        && piece.end - piece.start == 1
        && address_rest(lines[prev.end - 1].text, lines[piece.start].text)
        // "…please visit http://example.org" / "" / "1.1": the next
        // section's number, not the rest of the address.
        && !bare_number(lines[piece.start].text)
    {
        prev.end = piece.end;
        return;
    }
    // Text extracted with a blank line inside a paragraph (loose line
    // spacing read as a gap: "…可提升平時" / "" / "效率，但在…"): a line
    // that fills the wrap width and stops mid-sentence goes on after it.
    if let Some(prev) = out.last_mut()
        && !prev.closed
        && prev.tail.is_none()
        && prev.end == piece.start
        && !piece.after_break
        && !piece.split
        && piece.marker.is_none()
        && goes_on_after_gap(lines[prev.end - 1].text, lines[piece.start].text, shape)
        // Notes are the footnote stage's to split and place.
        && !lines[prev.start..prev.end].iter().any(|l| opens_note(l.text))
    {
        prev.end = piece.end;
        return;
    }
    // A statute's article number set apart from its caption by a gap (as
    // a PDF's blocks are written) heads the article with it.
    if let Some(prev) = out.last_mut()
        && !prev.closed
        && prev.end - prev.start == 1
        && prev.tail.is_none()
        && piece.marker.is_none()
        && bare_article(lines[prev.start].text)
        && article_head_lines(&lines[prev.start..piece.end]) == 1 + piece.end - piece.start
    {
        prev.end = piece.end;
        return;
    }
    // A heading number standing alone ("伍、" / "" / "意見交流：…") opens
    // the line after it, unless it is one cell of a table that the
    // extraction set a cell a line ("12" / "" / "87.1" / "" / "Finland").
    let after_cell = out.len() >= 2 && {
        let before = &out[out.len() - 2];
        before.end - before.start == 1 && numeric_cell(lines[before.start].text)
    };
    if let Some(prev) = out.last_mut()
        && !prev.closed
        && prev.end - prev.start == 1
        && prev.tail.is_none()
        && !after_cell
        && bare_number(lines[prev.start].text)
    {
        prev.end = piece.end;
        return;
    }
    if let Some(prev) = out.last_mut()
        && !prev.closed
        && piece.after_break
        && piece.marker.is_none()
        && continues(lines, prev, &piece, shape)
        && !(ends_sentence(lines[prev.end - 1].text) && continues_text(lines[piece.start].text))
    {
        prev.end = piece.end;
    } else if let Some(cut) = cut_before_notes(lines, out, &piece, shape) {
        out[cut].tail = Some((piece.start, piece.end));
        if let Some(last) = out.last_mut() {
            last.closed = true;
        }
    } else if let Some(prev) = out.last_mut()
        && !prev.closed
        && piece.after_break
        && piece.marker.is_none()
        && continues(lines, prev, &piece, shape)
    {
        prev.end = piece.end;
    } else {
        out.push(piece);
    }
}

/// A page set in two columns that the extraction read second column first:
/// the page's last block stops mid-phrase ("…national and") while one block
/// earlier on the same page opens mid-sentence ("international regulation,
/// …") after a finished one. That block is the rest of the cut sentence:
/// it moves to its end, and the next page starts afresh. Returns true when
/// it did.
fn rejoin_column(lines: &[Line<'_>], out: &mut Vec<Piece<'_>>, next: &Piece<'_>) -> bool {
    let Some(cut) = out.last() else {
        return false;
    };
    // A next page that goes on with the sentence is simply its rest.
    if continues_text(lines[next.start].text) {
        return false;
    }
    let page = lines[cut.end - 1].page;
    if cut.tail.is_some() || !ends_mid_phrase(&lines[cut.end - 1].text.to_lowercase()) {
        return false;
    }
    let on_page = out[..out.len() - 1]
        .iter()
        .rev()
        .take_while(|q| lines[q.end - 1].page == page)
        .count();
    let first = out.len() - 1 - on_page;
    let orphans: Vec<usize> = (first.max(1)..out.len() - 1)
        .filter(|&k| {
            let q = &out[k];
            q.tail.is_none()
                && q.marker.is_none()
                && !q.closed
                && continues_text(lines[q.start].text)
                && numbering(lines[q.start].text).is_none()
                && ends_sentence(lines[out[k - 1].end - 1].text)
        })
        .collect();
    let [orphan] = orphans[..] else {
        return false;
    };
    let moved = out.remove(orphan);
    if let Some(cut) = out.last_mut() {
        cut.tail = Some((moved.start, moved.end));
    }
    true
}

/// How many finished blocks (footnotes) may stand between a sentence cut at
/// the foot of a page and its rest on the next page.
const NOTES_MAX_BLOCKS: usize = 4;

/// A page that opens in mid-sentence ("breakthroughs in medicine…") while
/// the last block before the break is finished (a footnote ending in a
/// full stop) continues the nearest block above it that stops mid-sentence
/// on the same page: the blocks between are the page's footnotes.
fn cut_before_notes(
    lines: &[Line<'_>],
    out: &[Piece<'_>],
    piece: &Piece<'_>,
    shape: &Shape,
) -> Option<usize> {
    if !piece.after_break || piece.marker.is_some() || !continues_text(lines[piece.start].text) {
        return None;
    }
    let last = out.last()?;
    let last_line = lines[last.end - 1].text;
    if !ends_sentence(last_line) && !last_line.contains("://") && !ends_with_address(last_line) {
        return None;
    }
    let page = lines[last.end - 1].page;
    let from = out.len().saturating_sub(NOTES_MAX_BLOCKS + 1);
    (from..out.len() - 1).rev().find(|&i| {
        let candidate = &out[i];
        // A heading stops short of a sentence's end too: it is no cut text.
        let heading = candidate.end - candidate.start <= 2
            && shape.heading_block(
                &lines[candidate.start..candidate.end]
                    .iter()
                    .map(|l| l.text)
                    .collect::<Vec<_>>()
                    .join(" "),
                candidate.end - candidate.start,
            );
        // A list item cut at the foot of a page goes on there too.
        candidate.tail.is_none()
            && !heading
            && lines[candidate.end - 1].page == page
            && !ends_sentence(lines[candidate.end - 1].text)
            && out[i + 1..].iter().all(|p| lines[p.start].page == page)
    })
}

/// True when `first`, after a blank line, goes on with `last`: `last` is as
/// wide as the text's wrap and stops mid-sentence, and `first` opens no
/// block of its own (a number, a field, a tag) and reads as the rest of it
/// (CJK after CJK, or a continuation, or after a word like "of").
fn goes_on_after_gap(last: &str, first: &str, shape: &Shape) -> bool {
    let Some(wrap) = shape.wrap_width else {
        return false;
    };
    let width = width_capped(last, wrap * 2);
    let cjk_on = last.trim_end().chars().next_back().is_some_and(is_cjk)
        && first.chars().next().is_some_and(is_cjk);
    width * 10 >= wrap * 9
        && !ends_sentence(last)
        && !super::toc::has_leaders(last)
        && !ends_with_address(last)
        && (cjk_on || continues_text(first) || ends_mid_phrase(&last.to_lowercase()))
        && numbering(first).is_none()
        && !is_field(first)
        && !bracket_tag(first)
}

/// True for a line that opens like a footnote: its label, a space, then a
/// capital ("3 G 29 WP169 …", "12 See …").
fn opens_note(line: &str) -> bool {
    line.split_once(' ').is_some_and(|(label, rest)| {
        bare_label(label) && rest.chars().next().is_some_and(char::is_uppercase)
    })
}

/// True for a footnote's label on a line of its own: "3", "14".
fn bare_label(line: &str) -> bool {
    (1..=3).contains(&line.len())
        && line.bytes().all(|b| b.is_ascii_digit())
        && !line.starts_with('0')
}

/// How many lines from the first (a bare article number) make the
/// article's head: the number, its caption, and the caption's second line
/// when the wrap cut it ("Supervisory and enforcement measures in relation
/// to essential" / "entities").
fn article_head_lines(lines: &[Line<'_>]) -> usize {
    let Some(caption) = lines.get(1).filter(|l| article_caption(l.text)) else {
        return 1;
    };
    let wrapped = lines.get(2).is_some_and(|l| {
        l.text.starts_with(char::is_lowercase)
            && width_within(l.text, 40).is_some()
            && !ends_like_prose(l.text)
            && (ends_mid_phrase(&caption.text.to_lowercase()) || !l.text.contains(' '))
    });
    if wrapped { 3 } else { 2 }
}

/// True for a table cell holding only a figure: "12", "76.1", "-3.5%", "1,024".
fn numeric_cell(line: &str) -> bool {
    let line = line.trim();
    line.bytes().any(|b| b.is_ascii_digit())
        && line.chars().count() <= 16
        && line.chars().all(|c| {
            c.is_ascii_digit() || matches!(c, '.' | ',' | '%' | '-' | '−' | '+' | '$' | ' ')
        })
}

/// True for a heading number with nothing after it: "伍、", "3.", "(二)".
fn bare_number(line: &str) -> bool {
    // "108.1.11" is a date, not a number of a heading; "3.1.1.4", a
    // section's number in a report set by LaTeX or Word, has parts of one
    // or two digits.
    let dotted = line.matches('.').count() > 1;
    let outline_parts = line
        .trim_end_matches('.')
        .split('.')
        .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    if line.chars().count() > 12 || (dotted && !outline_parts) {
        return false;
    }
    let probe = format!("{line} 題");
    // An article's number stands alone over its text, and heads it alone.
    numbering(&probe).is_some_and(|n| n.body == "題" && n.rank != super::headings::rank::ARTICLE)
}

/// Brackets a line opens minus those it closes.
fn bracket_balance(line: &str) -> i32 {
    line.chars().fold(0, |n, c| match c {
        '(' | '（' => n + 1,
        ')' | '）' => n - 1,
        _ => n,
    })
}

/// True when `rest` can finish a web address cut at the end of `line`: the
/// address runs to the end of the line with no sentence after it, and
/// `rest` is one short word that goes on like an address (lowercase, a
/// digit, `/-_.?=&#%~`, or CJK when the address already holds CJK).
fn address_rest(line: &str, rest: &str) -> bool {
    let Some(start) = line.rfind("http").or_else(|| line.rfind("www.")) else {
        return false;
    };
    let address = &line[start..];
    let cjk_address = address.chars().any(super::chars::is_cjk);
    let goes_on = rest.chars().next().is_some_and(|c| {
        c.is_ascii_lowercase()
            || c.is_ascii_digit()
            || "/-_.?=&#%~".contains(c)
            || (cjk_address && super::chars::is_cjk(c))
    });
    (address.contains("://") || address.starts_with("www."))
        && !address.contains(['。', '，', '；'])
        && !address.ends_with(['.', '/'])
        && goes_on
        && rest.chars().count() <= 40
        && !rest.contains(char::is_whitespace)
        && numbering(rest).is_none()
        && super::headings::bullet(rest).is_none()
}

/// True when `line` ends with a web address: a note's or a footer's last
/// word, no sentence to go on with.
fn ends_with_address(line: &str) -> bool {
    line.rsplit(' ')
        .next()
        .is_some_and(|w| w.contains("://") || w.starts_with("www."))
}

fn continues(lines: &[Line<'_>], prev: &Piece<'_>, next: &Piece<'_>, shape: &Shape) -> bool {
    let last = lines[prev.end - 1].text;
    let first = lines[next.start].text;
    if continues_text(first) {
        return true;
    }
    // Typesetting keeps a heading with its text, so a short line ending a
    // page is a heading only when nothing shows it was cut.
    let prev_is_heading =
        prev.end - prev.start == 1 && shape.heading_like(last) && !ends_mid_phrase(last);
    // A contents page ends at its last entry, and a cover at its date,
    // never inside the next page.
    let dated = super::dates::date_of(last).is_some_and(|d| d.len() == last.len());
    // A page that opens with a title in capitals starts a part.
    let next_lines = &lines[next.start..next.end];
    let capitals_heading = next_lines.len() <= 2 && {
        let text = next_lines
            .iter()
            .map(|l| l.text)
            .collect::<Vec<_>>()
            .join(" ");
        super::levels::in_capitals(&text)
            && text.contains(' ')
            && shape.heading_block(&text, next_lines.len())
    };
    !ends_sentence(last)
        && !dated
        && !capitals_heading
        // A web address closes a note or a page's furniture.
        && !ends_with_address(last)
        && !prev_is_heading
        && !super::toc::has_leaders(last)
        && shape.numbered_heading(first).is_none()
}

fn build(lines: &[Line<'_>], piece: &Piece<'_>) -> Block {
    let tail = piece
        .tail
        .map_or(&[][..], |(start, end)| &lines[start..end]);
    let range = &lines[piece.start..piece.end];
    let capacity = range.iter().chain(tail).map(|l| l.text.len() + 1).sum();
    let mut text = String::with_capacity(capacity);
    let mut widest = 0;
    for (i, line) in range.iter().chain(tail).enumerate() {
        widest = widest.max(width_capped(line.text, WRAP_CAP));
        let body = match piece.marker {
            Some(marker) if i == 0 => line
                .text
                .strip_prefix(marker)
                .map_or(line.text, str::trim_start),
            _ => line.text,
        };
        push_joined(&mut text, body);
    }
    let first_page = range.first().map_or(0, |l| l.page);
    let last_page = tail.last().or(range.last()).map_or(first_page, |l| l.page);
    Block {
        text,
        lines: range.len() + tail.len(),
        marker: piece.marker.map(str::to_string),
        pages: (first_page, last_page),
        widest,
    }
}

#[cfg(test)]
mod tests {
    use super::super::pages::page_items;
    use super::*;

    fn texts(input: &str) -> Vec<String> {
        blocks(page_items(input))
            .0
            .into_iter()
            .map(|b| b.text)
            .collect()
    }

    /// Prose wrapped at about 80 columns, so that the wrap width is known.
    const WRAPPED_PROSE: &str = "The government sets out its response to each recommendation of the plan in\nthe table below, with the department that leads and the time it will take to\ndeliver, and it will report on its progress to Parliament every six months.\n\n";

    #[test]
    fn a_cell_of_a_narrow_table_column_is_one_block() {
        let text = format!(
            "{WRAPPED_PROSE}Support Higher Education\nInstitutions (HEI) to increase the\nnumbers of AI graduates.\n\nInitially\nSpring 2025,\nbut\ncontinuous\nthereafter"
        );
        let blocks = texts(&text);
        assert_eq!(
            blocks[1..],
            [
                "Support Higher Education Institutions (HEI) to increase the numbers of AI graduates.",
                "Initially Spring 2025, but continuous thereafter",
            ]
        );
    }

    #[test]
    fn a_page_opening_with_a_title_in_capitals_starts_a_block() {
        let text = "See the results, found here:\nhttps://example.org/collective-constitutional-ai-aligning-a-language-model-with-public-inp\nut\n\u{c}ADAPTING DELIBERATIVE METHODS\nFOR AN AI GOVERNANCE PILOT\nGlobal digital technologies should be governed by many voices.";
        let blocks = texts(text);
        assert!(
            blocks
                .iter()
                .any(|b| b == "ADAPTING DELIBERATIVE METHODS FOR AN AI GOVERNANCE PILOT"),
            "{blocks:?}"
        );
    }

    #[test]
    fn a_web_address_ending_a_page_is_not_continued_on_the_next() {
        let text = "www.recursivepublic.com\n\u{c}Stage 2: Digital Participation\nThe digital portion took place on Pol.is, a tool.";
        assert_eq!(texts(text)[0], "www.recursivepublic.com");
    }

    #[test]
    fn a_field_value_wrapped_onto_its_own_line_stays_with_its_field() {
        let text = "机构：Atlantic Council GeoTech Center and Cyber\nStatecraft Initiative\n主题：AI治理, 国防AI";
        assert_eq!(
            texts(text),
            [
                "机构：Atlantic Council GeoTech Center and Cyber Statecraft Initiative",
                "主题：AI治理, 国防AI"
            ]
        );
    }

    #[test]
    fn a_heading_number_alone_opens_the_line_after_it() {
        assert_eq!(
            texts("伍、\n\n意見交流：詳見會議逐字稿，網址如下：")[0],
            "伍、意見交流：詳見會議逐字稿，網址如下："
        );
        assert_eq!(texts("108.1.11\n\n壹、緣起").len(), 2);
    }

    #[test]
    fn a_column_read_out_of_order_is_put_back_after_its_cut_sentence() {
        let text = "Intro.\n\nThe summit shaped how it is developed\nand deployed.\n\ninternational regulation, research\nand standards setting.\n\nProcesses will take root in a range of\ncontexts: varying stages, national and\n\u{c}This paper outlines a pilot run by three partners.";
        let blocks = texts(text);
        assert!(
            blocks.contains(&"Processes will take root in a range of contexts: varying stages, national and international regulation, research and standards setting.".to_string()),
            "{blocks:?}"
        );
        assert!(
            !blocks.iter().any(|b| b.starts_with("international")),
            "{blocks:?}"
        );
    }

    #[test]
    fn a_cut_sentence_with_no_orphan_on_its_page_goes_on_on_the_next() {
        let text = "The summit shaped it.\n\nd) under the plan.\n\nProcesses will take root in a range of\ncontexts: varying stages, national and\n\u{c}international bodies, as the plan says.";
        assert_eq!(
            texts(text)[2],
            "Processes will take root in a range of contexts: varying stages, national and international bodies, as the plan says."
        );
    }

    #[test]
    fn a_short_line_ending_on_of_does_not_end_its_paragraph() {
        let text = format!("{WRAPPED_PROSE}driving the development of\nAI.");
        assert_eq!(texts(&text)[1], "driving the development of AI.");
    }

    #[test]
    fn a_web_address_wrapped_after_a_blank_line_is_one_address() {
        assert_eq!(
            texts("https://sayit.pdis.nat.gov.tw/2018-12-07-第 2 屆第 1\n\n次會議\n\n陸、主席回應")
                [..2],
            [
                "https://sayit.pdis.nat.gov.tw/2018-12-07-第 2 屆第 1次會議",
                "陸、主席回應"
            ]
        );
        assert_eq!(
            texts("See www.example.org\n\nThe next paragraph starts here.").len(),
            2
        );
    }

    #[test]
    fn a_bracket_closed_after_a_blank_line_holds_one_sentence() {
        assert_eq!(
            texts("備註：本場以視訊方式進行(主場於宜蘭\n\n青年交流中心)\n\n下一段。"),
            [
                "備註：本場以視訊方式進行(主場於宜蘭青年交流中心)",
                "下一段。"
            ]
        );
        assert_eq!(texts("時間(一)\n\n地點：臺北").len(), 2);
    }

    #[test]
    fn a_heading_the_contents_list_over_two_lines_stays_whole() {
        let text = "Contents\nForeword by the Prime Minister ______________ 4\nGovernment Response to the AI Opportunities Action Plan ______ 5\nLay the foundations to enable AI ______ 5\n\u{c}Government Response to the AI\nOpportunities Action Plan\nLay the foundations to enable AI\nThe government is committed to building secure and sustainable AI infrastructure.";
        let blocks = texts(text);
        assert!(
            blocks
                .iter()
                .any(|b| b == "Government Response to the AI Opportunities Action Plan"),
            "{blocks:?}"
        );
    }

    #[test]
    fn names_one_a_line_are_not_a_table_column() {
        let text = format!(
            "{WRAPPED_PROSE}Trade Policy\nFlynn Devine\nAlex Krasodomski-Jones\nCarl Miller"
        );
        assert_eq!(
            texts(&text)[1..],
            [
                "Trade Policy",
                "Flynn Devine",
                "Alex Krasodomski-Jones",
                "Carl Miller"
            ]
        );
    }

    #[test]
    fn a_sentence_cut_at_a_page_foot_skips_the_footnotes_below_it() {
        let text = "The buildout will create jobs for workers. And the\n\nExecutive Order 14179, Federal Register 90.\n\u{c}breakthroughs in medicine will follow.";
        assert_eq!(
            texts(text),
            [
                "The buildout will create jobs for workers. And the breakthroughs in medicine will follow.",
                "Executive Order 14179, Federal Register 90."
            ]
        );
    }

    #[test]
    fn notes_with_their_labels_above_them_are_one_block_each_and_skipped_by_the_cut_sentence() {
        // As `pdftotext -layout` prints a page's notes: each label on a line
        // of its own, its note hanging under it.
        let text = concat!(
            "    The review covers all final orders and consent decrees of the Commission. 3 It\n",
            "    also covers the investigations opened under the Act in the years before. 4 It\n",
            "    reviews all orders and decrees of the previous administration, and all orders,\n\n",
            "3\n",
            "    Executive Order 14110 of October 30, 2023, \u{201c}Safe, Secure, and Trustworthy Development and Use of Artificial Intelligence,\u{201d}\n",
            "    Federal Register 88 (210) 75191, www.govinfo.gov/content/pkg/FR-2023-11-01/pdf/2023-24283.pdf.\n",
            "4\n",
            "    Executive Order 14192 of January 31, 2025, \u{201c}Unleashing Prosperity Through Deregulation,\u{201d} Federal Register 90 (24) 9065,\n",
            "    www.govinfo.gov/content/pkg/FR-2025-02-06/pdf/2025-02345.pdf.\n",
            "\u{c}    and injunctions, and seeks to modify any that unduly burden innovation.",
        );
        let got = texts(text);
        assert_eq!(got.len(), 3, "{got:#?}");
        assert!(got[0].ends_with("and all orders, and injunctions, and seeks to modify any that unduly burden innovation."), "{got:#?}");
        assert!(
            got[1].starts_with("3 Executive Order 14110") && got[1].ends_with("2023-24283.pdf."),
            "{got:#?}"
        );
        assert!(
            got[2].starts_with("4 Executive Order 14192") && got[2].ends_with("2025-02345.pdf."),
            "{got:#?}"
        );
    }

    #[test]
    fn a_full_line_cut_mid_sentence_goes_on_after_a_blank_line() {
        // Loose line spacing read as gaps: every line its own "paragraph".
        let text = concat!(
            "摘要：該文分析軍隊將人工智慧嵌入後勤體系的戰略含義，其核心判斷是\n\n",
            "智能化調度、倉儲、運輸和保障體系可以提升平時的效率，但在高強度\n\n",
            "作戰中會轉化為新的脆弱性。\n\n",
            "對後續跟蹤而言，軍民兩用物流、智慧供應鏈和網路安全能力將會更加\n\n",
            "頻繁地進入國防科技競爭的視野。\n\n",
            "其價值在於把治理問題從模型監管推進到數據要素和公共衛生的交叉地帶\n\n",
            "二、下一步\n",
        );
        assert_eq!(
            texts(text),
            [
                "摘要：該文分析軍隊將人工智慧嵌入後勤體系的戰略含義，其核心判斷是智能化調度、倉儲、運輸和保障體系可以提升平時的效率，但在高強度作戰中會轉化為新的脆弱性。",
                "對後續跟蹤而言，軍民兩用物流、智慧供應鏈和網路安全能力將會更加頻繁地進入國防科技競爭的視野。",
                "其價值在於把治理問題從模型監管推進到數據要素和公共衛生的交叉地帶",
                "二、下一步",
            ]
        );
    }

    #[test]
    fn a_list_item_cut_at_a_page_foot_skips_the_footnotes_below_it() {
        let text = "• Review all investigations. Furthermore, review all final orders,\n\nCommunications Act of 1934, 47 U.S.C. §§ 151-646.\n\u{c}and injunctions that unduly burden innovation.";
        assert_eq!(
            texts(text)[0],
            "Review all investigations. Furthermore, review all final orders, and injunctions that unduly burden innovation."
        );
    }

    #[test]
    fn a_footnote_printed_inside_the_last_paragraph_of_a_page_is_split_off() {
        // Enough prose that the note's wide lines do not set the wrap width.
        let prose = WRAPPED_PROSE.repeat(10);
        let text = format!(
            "{prose}The government will deliver the first growth zone at the site, subject to\nthe agreement of its owners and of the local council, and subject to\nthe agreement of a public-private partnership with the council that delivers\nDepartment for Science, ‘Press Release: Secretary welcomes foreign investment’, 2024\ninvestment in data centres which will spur economic growth in the regions, 2024 (Accessed 04\nDecember 2024)\n\u{c}benefits to the local area and the wider national infrastructure."
        );
        let blocks = texts(&text);
        assert_eq!(
            blocks[10..],
            [
                "The government will deliver the first growth zone at the site, subject to the agreement of its owners and of the local council, and subject to the agreement of a public-private partnership with the council that delivers benefits to the local area and the wider national infrastructure.",
                "Department for Science, ‘Press Release: Secretary welcomes foreign investment’, 2024 investment in data centres which will spur economic growth in the regions, 2024 (Accessed 04 December 2024)",
            ]
        );
    }

    #[test]
    fn a_footnote_number_on_its_own_line_stays_with_its_note() {
        let text = "13\nStevenson-Wydler Technology Innovation Act of 1980.\n14\nDefense Production Act of 1950, 50 U.S.C.";
        assert!(texts(text).iter().all(|t| t.len() > 3), "{:?}", texts(text));
    }

    #[test]
    fn tagged_lines_of_an_index_are_one_block_each() {
        let text = "[P0] RAND｜欧洲AI安全\n[P1] Center for Security and Emerging\nTechnology｜美国半导体\n[P1] OECD｜AI标准";
        assert_eq!(
            texts(text),
            [
                "[P0] RAND｜欧洲AI安全",
                "[P1] Center for Security and Emerging Technology｜美国半导体",
                "[P1] OECD｜AI标准"
            ]
        );
        assert!(bracket_tag("【快訊】美中會談"));
        assert!(!bracket_tag("[1]"));
    }

    #[test]
    fn hard_wrapped_lines_join_by_script() {
        assert_eq!(
            texts("兩國元首\n作為掌舵人，應當把握。"),
            ["兩國元首作為掌舵人，應當把握。"]
        );
        assert_eq!(texts("两国元首\n作为掌舵人。"), ["两国元首作为掌舵人。"]);
        assert_eq!(
            texts("The two\nleaders met.\n\nNext."),
            ["The two leaders met.", "Next."]
        );
        assert_eq!(
            texts("舉行 APEC\n峰會，and\nthen"),
            ["舉行 APEC峰會，and then"]
        );
    }

    #[test]
    fn a_page_cut_paragraph_is_made_whole() {
        assert_eq!(
            texts("習近平表示，兩國元首\n\n\n\n作為掌舵人，應當把握好方向。"),
            ["習近平表示，兩國元首作為掌舵人，應當把握好方向。"]
        );
        assert_eq!(
            texts("the order is inter-\n\u{c}- 3 -\nnational and open."),
            ["the order is international and open."]
        );
    }

    #[test]
    fn a_finished_paragraph_or_a_heading_is_not_joined_across_a_break() {
        assert_eq!(
            texts("第一段結束。\n\n\n\n第二段開始。"),
            ["第一段結束。", "第二段開始。"]
        );
        assert_eq!(
            texts("前言\n\u{c}本文討論美中關係。"),
            ["前言", "本文討論美中關係。"]
        );
        assert_eq!(
            texts("A sentence that runs to the break without a stop\n\u{c}二、結論\n\n正文。"),
            [
                "A sentence that runs to the break without a stop",
                "二、結論",
                "正文。"
            ]
        );
    }

    #[test]
    fn a_lowercase_continuation_joins_even_a_short_fragment() {
        assert_eq!(
            texts("The leaders\n\u{c}agreed to talk."),
            ["The leaders agreed to talk."]
        );
    }

    #[test]
    fn headings_and_bullets_inside_a_run_start_new_blocks() {
        assert_eq!(
            texts("一、前言\n本文討論\n美中關係。\n二、結論\n總之。"),
            ["一、前言", "本文討論美中關係。", "二、結論", "總之。"]
        );
        let (blocks, _) = blocks(page_items("要點：\n• 關稅\n• 稀土\n出口管制"));
        let items: Vec<_> = blocks
            .iter()
            .map(|b| (b.marker.as_deref(), b.text.as_str()))
            .collect();
        assert_eq!(
            items,
            [
                (None, "要點："),
                (Some("•"), "關稅"),
                (Some("•"), "稀土出口管制")
            ]
        );
    }

    #[test]
    fn numbered_items_after_a_colon_are_a_list_not_headings() {
        let (blocks, _) = blocks(page_items(
            "美方提出三項要求：\n1. 降低關稅\n2. 開放市場，並\n擴大採購\n\n3. 停止補貼\n\n二、結論\n\n總之。",
        ));
        let items: Vec<_> = blocks
            .iter()
            .map(|b| (b.marker.as_deref(), b.text.as_str()))
            .collect();
        assert_eq!(
            items,
            [
                (None, "美方提出三項要求："),
                (Some("1."), "降低關稅"),
                (Some("2."), "開放市場，並擴大採購"),
                (Some("3."), "停止補貼"),
                (None, "二、結論"),
                (None, "總之。"),
            ]
        );
    }

    #[test]
    fn an_indented_line_after_a_sentence_starts_a_paragraph() {
        assert_eq!(
            texts("  First paragraph\nends here.\n  Second one\nfollows."),
            ["First paragraph ends here.", "Second one follows."]
        );
    }

    #[test]
    fn wrapped_text_without_blank_lines_splits_at_short_sentence_ends_and_headings() {
        let text = "美中兩國元首於五月在北京舉行會晤，雙方就經貿、科技\n與安全議題交換意見，並同意持續保持溝通管道暢通。\n結論\n整體而言，峰會的成果有限，但雙方都避免了關係的\n進一步惡化。\n此後雙方仍需在具體議題上展現誠意與務實的態度。";
        assert_eq!(
            texts(text),
            [
                "美中兩國元首於五月在北京舉行會晤，雙方就經貿、科技與安全議題交換意見，並同意持續保持溝通管道暢通。",
                "結論",
                "整體而言，峰會的成果有限，但雙方都避免了關係的進一步惡化。",
                "此後雙方仍需在具體議題上展現誠意與務實的態度。",
            ]
        );
        let english = "The leaders met in Beijing in May and discussed trade,\ntechnology and security at length.\nBoth sides agreed to keep talking over the coming\nmonths and to meet again in the autumn in Washington.";
        assert_eq!(texts(english).len(), 2, "{:?}", texts(english));
    }

    #[test]
    fn a_full_width_line_is_no_heading_when_text_is_wrapped() {
        let text = "The committee noted that the leaders of both\ncountries had agreed on a framework for\nmanaging rivalry over the coming years.\n\nThey also said that the framework covers\n\u{c}- 2 -\ntrade, technology and security.";
        assert_eq!(texts(text).len(), 2);
        assert!(texts(text)[1].ends_with("covers trade, technology and security."));
    }
}
