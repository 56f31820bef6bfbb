//! `gloss search`: find a phrase across briefs whatever their script —
//! 台湾 finds 臺灣 and 台灣, Ｇ２ finds G2 — and, unless `--as-typed`, the
//! other regions' word for it (資訊 finds 信息). Exit codes follow grep: 0 when
//! something matched, 1 when nothing did, 2 when a file could not be read.

use std::io::{IsTerminal, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, ValueEnum};
use walkdir::WalkDir;

use crate::brief::source_lines::{BlockRef, SourceLines};
use crate::brief::{self, Brief, LoadError};
use crate::convert::{FoldedText, fold_str, regional_needles};
use crate::output::visible_line;

/// Characters of context shown on each side of a hit.
const DEFAULT_CONTEXT: usize = 24;

/// Arguments of `gloss search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// What to look for; script, full-width forms and case are ignored.
    pub query: String,
    /// Briefs or folders of briefs (`.md`, `.txt`); the current folder by default.
    #[arg(value_name = "FILE|DIR")]
    pub paths: Vec<PathBuf>,
    /// Characters of context on each side of a hit.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_CONTEXT)]
    pub context: usize,
    /// Mark hits with colour (`auto`: when writing to a terminal) or `**…**`.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Find the query's own words only, not also the other regions' words
    /// for them (without it, 資訊 finds 信息 and 軟體 finds 软件).
    #[arg(long)]
    pub as_typed: bool,
}

/// When to mark hits with terminal colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when standard output is a terminal.
    Auto,
    /// Always colour.
    Always,
    /// Never colour: hits are wrapped in `**`.
    Never,
}

/// One hit, ready to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Where the hit sits: the section title (also for a hit in the title
    /// itself), or a part of the brief.
    pub section: String,
    /// The id of the paragraph (or, for a hit in a heading, the section)
    /// holding the hit: what `gloss FILE --at ID` opens at.
    pub id: String,
    /// The hit's line in the file, when the file has lines and the hit was
    /// found in them.
    pub line: Option<usize>,
    /// Context before the hit, on one line.
    pub before: String,
    /// The matched text as written in the brief.
    pub matched: String,
    /// Context after the hit, on one line.
    pub after: String,
}

/// Runs `gloss search`.
pub fn run(args: &SearchArgs) -> anyhow::Result<ExitCode> {
    let query = args.query.trim();
    let needles = if args.as_typed {
        vec![fold_str(query)]
    } else {
        regional_needles(query)
    };
    if needles.iter().all(String::is_empty) {
        anyhow::bail!("the query is empty");
    }
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => std::io::stdout().is_terminal(),
    };
    let (files, mut failed) = brief_files(&paths);
    let mut found = false;
    let mut out = std::io::stdout().lock();
    for file in files {
        let (brief, source) = match brief::load::load_path_with_source(&file, &mut |_| {}) {
            Ok(loaded) => loaded,
            Err(LoadError::Empty(_)) => continue,
            Err(e) => {
                crate::output::error(&e.to_string());
                failed = true;
                continue;
            }
        };
        let mut hits = search_brief(&brief, None, &needles, args.context);
        // Finding the lines costs more than the search: only with hits.
        if let Some(text) = source.filter(|_| !hits.is_empty()) {
            let lines = SourceLines::new(&brief, &text);
            hits = search_brief(&brief, Some(&lines), &needles, args.context);
        }
        for hit in hits {
            found = true;
            let line = format_hit(&file, &hit, color);
            match writeln!(out, "{line}") {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                    return Ok(ExitCode::SUCCESS);
                }
                r => r.context("cannot write to standard output")?,
            }
        }
    }
    Ok(match (failed, found) {
        (true, _) => ExitCode::from(2),
        (false, true) => ExitCode::SUCCESS,
        (false, false) => ExitCode::from(1),
    })
}

/// Every hit of any of the already folded `needles` in `brief`, in reading
/// order, with its line when `lines` (where the brief stands in its file)
/// is given.
pub fn search_brief(
    brief: &Brief,
    lines: Option<&SourceLines>,
    needles: &[String],
    context: usize,
) -> Vec<Hit> {
    let mut hits = Vec::new();
    let mut search = |section: &str, id: &str, block: BlockRef, text: &str| {
        let mut hit_lines = lines.and_then(|l| l.hits_in(block));
        for range in FoldedText::new(text).find_any(needles) {
            let line = hit_lines.as_mut().map(|h| h.line(text, range.clone()));
            let mut hit = hit_in(section, text, range, context);
            hit.id = id.to_string();
            hit.line = line;
            hits.push(hit);
        }
    };
    for (i, p) in brief.front_matter.iter().enumerate() {
        search("(front matter)", &p.id, BlockRef::Front(i), &p.text());
    }
    for (s, section) in brief.sections.iter().enumerate() {
        if let Some(heading) = &section.title {
            search(heading, &section.id, BlockRef::Heading(s), heading);
        }
        let title = section
            .title
            .as_deref()
            .unwrap_or(crate::brief::OPENING_TITLE);
        for (i, p) in section.paragraphs.iter().enumerate() {
            search(title, &p.id, BlockRef::Body(s, i), &p.text());
        }
    }
    for (i, p) in brief.back_matter.iter().enumerate() {
        search("(back matter)", &p.id, BlockRef::Back(i), &p.text());
    }
    hits
}

fn hit_in(section: &str, text: &str, range: Range<usize>, context: usize) -> Hit {
    let one_line = |s: &str| s.replace(['\n', '\r', '\t', '\u{c}'], " ");
    let before_all = &text[..range.start];
    // Walked back from the hit: counting from the paragraph's start would
    // make every hit cost the text before it.
    let cut = before_all
        .char_indices()
        .rev()
        .take(context)
        .last()
        .map_or(before_all.len(), |(i, _)| i);
    let mut before = before_all[cut..].to_string();
    if cut > 0 {
        before.insert(0, '…');
    }
    let after_all = &text[range.end..];
    let mut after: String = after_all.chars().take(context).collect();
    if after_all.chars().nth(context).is_some() {
        after.push('…');
    }
    Hit {
        section: one_line(section),
        id: String::new(),
        line: None,
        before: one_line(&before),
        matched: one_line(&text[range]),
        after: one_line(&after),
    }
}

/// `path:line #id › section: before[hit]after`, the hit in bold red or in
/// `**`; without `:line` when the line is not known.
pub fn format_hit(path: &Path, hit: &Hit, color: bool) -> String {
    let (open, close) = if color {
        ("\u{1b}[1;31m", "\u{1b}[0m")
    } else {
        ("**", "**")
    };
    // Every part comes from the brief or its name; the colour codes around
    // the hit are the only escapes that may reach the terminal.
    let mut path = path.display().to_string();
    if let Some(line) = hit.line {
        path.push_str(&format!(":{line}"));
    }
    format!(
        "{} #{} › {}: {}{open}{}{close}{}",
        visible_line(&path),
        visible_line(&hit.id),
        visible_line(&hit.section),
        visible_line(&hit.before),
        visible_line(&hit.matched),
        visible_line(&hit.after)
    )
}

/// The files to search: files as given, folders walked for `.md` and
/// `.txt` briefs (hidden entries skipped). Also says whether some path
/// could not be read.
fn brief_files(paths: &[PathBuf]) -> (Vec<PathBuf>, bool) {
    let mut files = Vec::new();
    let mut failed = false;
    for path in paths {
        if !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        let walk = WalkDir::new(path)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walk {
            match entry {
                Ok(e) if e.file_type().is_file() && is_brief(e.path()) => {
                    files.push(e.path().to_path_buf());
                }
                Ok(_) => {}
                Err(e) => {
                    let shown = e.path().unwrap_or(path).display().to_string();
                    crate::output::error(&format!(
                        "cannot read {shown}: {}",
                        super::convert::plain_io(e.io_error())
                    ));
                    failed = true;
                }
            }
        }
    }
    (files, failed)
}

fn is_brief(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .is_some_and(|e| matches!(e.as_str(), "md" | "markdown" | "mdown" | "mkd" | "txt"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::{Paragraph, ParagraphKind, Section};

    fn brief() -> Brief {
        let mut p = Paragraph::plain(
            ParagraphKind::Text,
            "中國國家主席習近平掌政以來，有關 Ｇ２ 的聯想\n持續展露",
        );
        p.id = "p1".to_string();
        Brief {
            sections: vec![Section {
                title: Some("川習北京峰會".to_string()),
                level: 1,
                paragraphs: vec![p],
                ..Section::default()
            }],
            ..Brief::default()
        }
    }

    #[test]
    fn hits_carry_section_and_context_across_scripts() {
        let hits = search_brief(&brief(), None, &[fold_str("习近平")], 4);
        assert_eq!(
            hits,
            vec![Hit {
                section: "川習北京峰會".to_string(),
                id: "p1".to_string(),
                line: None,
                before: "…國家主席".to_string(),
                matched: "習近平".to_string(),
                after: "掌政以來…".to_string(),
            }]
        );
    }

    #[test]
    fn section_titles_are_searched_too() {
        let hits = search_brief(&brief(), None, &[fold_str("峰会")], 10);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].section, "川習北京峰會");
        assert_eq!(
            (hits[0].before.as_str(), hits[0].matched.as_str()),
            ("川習北京", "峰會")
        );
    }

    #[test]
    fn context_stays_on_one_line_and_width_forms_match() {
        let hits = search_brief(&brief(), None, &[fold_str("g2")], 9);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].matched, "Ｇ２");
        assert_eq!(hits[0].after, " 的聯想 持續展露");
    }

    #[test]
    fn plain_output_marks_the_hit() {
        let hit = &search_brief(&brief(), None, &[fold_str("習近平")], 2)[0];
        let line = format_hit(Path::new("b.txt"), hit, false);
        assert_eq!(line, "b.txt #p1 › 川習北京峰會: …主席**習近平**掌政…");
        let on_line = Hit {
            line: Some(7),
            ..hit.clone()
        };
        let line = format_hit(Path::new("b.txt"), &on_line, false);
        assert_eq!(line, "b.txt:7 #p1 › 川習北京峰會: …主席**習近平**掌政…");
        let colored = format_hit(Path::new("b.txt"), hit, true);
        assert!(colored.contains("\u{1b}[1;31m習近平\u{1b}[0m"), "{colored}");
    }

    #[test]
    fn only_markdown_and_text_files_are_briefs() {
        assert!(is_brief(Path::new("a/b.MD")));
        assert!(is_brief(Path::new("b.txt")));
        assert!(!is_brief(Path::new("b.png")));
        assert!(!is_brief(Path::new("README")));
    }
}
