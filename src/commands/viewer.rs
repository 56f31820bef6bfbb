//! `O`: the brief's PDF in the system's viewer, at the page on screen.
//! Viewers that take a page are tried first; the desktop's opener, which
//! takes none, last. Nothing found is one status line, never an error.

use std::ffi::OsString;
use std::io::ErrorKind;
use std::process::{Command, Stdio};

use crate::app::pages::PdfPage;

/// The viewers tried, in order, each with the arguments that open `page`
/// (a place from 1, or a printed label) of the file.
fn candidates(page: &PdfPage) -> Vec<(&'static str, Vec<OsString>)> {
    let file = page.path.clone().into_os_string();
    let mut out = Vec::new();
    if let Some(index) = page.index {
        let at = OsString::from(index.to_string());
        out.push(("zathura", vec!["-P".into(), at.clone(), file.clone()]));
        out.push(("evince", vec!["-i".into(), at.clone(), file.clone()]));
        out.push(("okular", vec!["-p".into(), at, file.clone()]));
    } else if let Some(label) = &page.label {
        out.push(("evince", vec!["-p".into(), label.into(), file.clone()]));
    }
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    out.push((opener, vec![file]));
    out
}

/// Starts the first viewer found, detached and silent; what to say in
/// the status line, and whether it is a warning.
pub fn open(page: &PdfPage) -> (String, bool) {
    let where_ = match (&page.label, page.index) {
        (Some(label), _) => format!(" at p. {label}"),
        (None, Some(index)) => format!(" at page {index}"),
        (None, None) => String::new(),
    };
    let name = page
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    for (viewer, args) in candidates(page) {
        let started = Command::new(viewer)
            .args(&args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        match started {
            Ok(mut child) => {
                // Reaped in the background so no zombie is left behind.
                std::thread::spawn(move || child.wait());
                let page_note = if args.len() > 1 {
                    where_
                } else {
                    " (it opens at the first page)".to_string()
                };
                return (format!("opened {name} in {viewer}{page_note}"), false);
            }
            Err(e) if e.kind() == ErrorKind::NotFound => {}
            Err(e) => return (format!("cannot start {viewer} for {name}: {e}"), true),
        }
    }
    (
        format!("no PDF viewer here (zathura, evince, okular or xdg-open) to show {name}{where_}"),
        true,
    )
}
