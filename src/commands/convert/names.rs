//! Where `gloss convert` writes each file: never two inputs to one name,
//! and what was written, said in one line at the end.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::Job;

/// Gives every job that writes a file a name no other job writes. A file
/// that keeps its own name (`X.txt` → `out/X.txt`) has it first; a PDF
/// whose text would go to a name taken becomes `X.pdf.txt`; any other
/// clash gets `-2`, `-3`… before its extension. Returns a line for each
/// output that did not get the name it would have had.
pub(super) fn make_unique(jobs: &mut [Job]) -> Vec<String> {
    let keeps_its_name = |job: &Job| match (&job.input, &job.output) {
        (Some(input), Some(output)) => input.file_name() == output.file_name(),
        _ => false,
    };
    let mut order: Vec<usize> = (0..jobs.len())
        .filter(|&i| keeps_its_name(&jobs[i]))
        .collect();
    order.extend((0..jobs.len()).filter(|&i| !keeps_its_name(&jobs[i])));
    let mut taken: HashSet<PathBuf> = HashSet::new();
    let mut said = Vec::new();
    for i in order {
        let Some(natural) = jobs[i].output.clone() else {
            continue;
        };
        let input = jobs[i].input.as_deref();
        let Some(chosen) = candidates(input, &natural).find(|c| !taken.contains(c)) else {
            continue;
        };
        if chosen != natural {
            let from = input.map_or("standard input".to_string(), |p| p.display().to_string());
            said.push(format!(
                "{from} → {}: {} is another input's",
                chosen.display(),
                natural.display()
            ));
        }
        taken.insert(chosen.clone());
        jobs[i].output = Some(chosen);
    }
    said
}

/// The names an output may take, best first: its own; for a PDF's text,
/// the PDF's whole name with `.txt`; then numbered.
fn candidates<'a>(
    input: Option<&'a Path>,
    natural: &'a Path,
) -> impl Iterator<Item = PathBuf> + 'a {
    let whole = input
        .and_then(Path::file_name)
        .filter(|name| Some(*name) != natural.file_name())
        .map(|name| {
            let mut with_txt = name.to_os_string();
            with_txt.push(".txt");
            natural.with_file_name(with_txt)
        });
    let stem = natural.file_stem().unwrap_or_default().to_os_string();
    let ext = natural.extension().map(|e| e.to_os_string());
    let numbered = (2u64..).map(move |n| {
        let mut name = stem.clone();
        name.push(format!("-{n}"));
        if let Some(ext) = &ext {
            name.push(".");
            name.push(ext);
        }
        natural.with_file_name(name)
    });
    std::iter::once(natural.to_path_buf())
        .chain(whole)
        .chain(numbered)
}

/// The closing line of a conversion to files: how many were written and
/// where, and how many were refused because they exist. `None` when no
/// job wrote to a file.
pub(super) fn summary(
    written: &[PathBuf],
    refused: usize,
    out_dir: Option<&Path>,
) -> Option<String> {
    if written.is_empty() && refused == 0 {
        return None;
    }
    let files = |n: usize| {
        if n == 1 {
            "1 file".to_string()
        } else {
            format!("{n} files")
        }
    };
    let mut line = match (out_dir, written) {
        (None, [one]) => format!("wrote {}", one.display()),
        (Some(dir), _) => format!("wrote {} in {}", files(written.len()), dir.display()),
        (None, _) => format!("wrote {}", files(written.len())),
    };
    if refused > 0 {
        let (what, them) = if refused == 1 {
            ("1 existing file".to_string(), "it")
        } else {
            (format!("{refused} existing files"), "them")
        };
        line.push_str(&format!("; {what} not replaced (--force replaces {them})"));
    }
    Some(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(input: &str, output: &str) -> Job {
        Job {
            input: Some(PathBuf::from(input)),
            output: Some(PathBuf::from(output)),
        }
    }

    #[test]
    fn a_text_file_keeps_its_name_and_the_pdf_beside_it_gets_its_whole_name() {
        // The PDF comes first, as a sorted folder lists it.
        let mut jobs = vec![
            job("in/X.pdf", "out/X.txt"),
            job("in/X.txt", "out/X.txt"),
            job("in/Y.pdf", "out/Y.txt"),
        ];
        let said = make_unique(&mut jobs);
        let outputs: Vec<_> = jobs.iter().map(|j| j.output.clone().unwrap()).collect();
        assert_eq!(
            outputs,
            [
                PathBuf::from("out/X.pdf.txt"),
                PathBuf::from("out/X.txt"),
                PathBuf::from("out/Y.txt")
            ]
        );
        assert_eq!(
            said,
            ["in/X.pdf → out/X.pdf.txt: out/X.txt is another input's"]
        );
    }

    #[test]
    fn files_of_one_name_from_two_folders_are_numbered() {
        let mut jobs = vec![
            job("a/brief.md", "out/brief.md"),
            job("b/brief.md", "out/brief.md"),
            job("c/brief.md", "out/brief.md"),
        ];
        make_unique(&mut jobs);
        let names: Vec<_> = jobs.iter().map(|j| j.output.clone().unwrap()).collect();
        assert_eq!(
            names,
            [
                PathBuf::from("out/brief.md"),
                PathBuf::from("out/brief-2.md"),
                PathBuf::from("out/brief-3.md")
            ]
        );
    }

    #[test]
    fn the_summary_says_how_many_and_where() {
        let out = Path::new("out");
        let two = [PathBuf::from("out/a.txt"), PathBuf::from("out/b.txt")];
        assert_eq!(summary(&[], 0, Some(out)), None);
        assert_eq!(summary(&two, 0, Some(out)).unwrap(), "wrote 2 files in out");
        assert_eq!(
            summary(&two[..1], 1, None).unwrap(),
            "wrote out/a.txt; 1 existing file not replaced (--force replaces it)"
        );
    }
}
