//! `gloss convert`: Traditional ⇄ Simplified for standard input, files and
//! folders. A bad file gets one message and the others still convert; the
//! exit code is 1 when anything failed. A file that exists is never
//! replaced without `--force`, and no two inputs share an output.

mod names;

use std::collections::{HashMap, HashSet};
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{ArgGroup, Args};
use indicatif::{ProgressBar, ProgressStyle};
use walkdir::WalkDir;

use crate::brief::decode::decode;
use crate::brief::load::Format;
use crate::brief::pdf::is_pdf;
use crate::convert::markdown::{bare_urls, protected_ranges};
use crate::convert::overrides::target_of;
use crate::convert::{ConfigName, Converter, Overrides, Target, detect_script};

/// Arguments of `gloss convert`.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("how").required(true).args(["to", "config", "opencc_config"])))]
pub struct ConvertArgs {
    /// Target script: s (Simplified), t (Traditional), tw (Taiwan), hk (Hong Kong).
    #[arg(long, value_name = "s|t|tw|hk")]
    pub to: Option<Target>,
    /// Also convert regional vocabulary (s2twp / tw2sp), not just glyphs.
    #[arg(long, requires = "to")]
    pub phrases: bool,
    /// Any OpenCC config name: s2t, t2s, s2tw, tw2s, s2hk, hk2s, s2twp, tw2sp,
    /// t2tw, tw2t, t2hk, hk2t, t2jp, jp2t.
    #[arg(long, value_name = "NAME")]
    pub config: Option<ConfigName>,
    /// An OpenCC JSON config file, run by the system's OpenCC (needs a gloss
    /// built with the `system-opencc` feature).
    #[arg(long, value_name = "PATH")]
    pub opencc_config: Option<PathBuf>,
    /// Convert with the system's OpenCC library instead of the built-in
    /// dictionaries (needs the `system-opencc` feature).
    #[arg(long)]
    pub system_opencc: bool,
    /// Ignore the user's phrase file ($GLOSS_CONFIG_DIR/phrases.txt).
    #[arg(long)]
    pub no_overrides: bool,
    /// Output file, or output folder when converting a folder or several files.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Replace output files that exist already (without it they are left
    /// alone, and the exit code is 1); with `-o DIR DIR`, convert in place.
    #[arg(long)]
    pub force: bool,
    /// Files or folders to convert; `-` or nothing reads standard input.
    #[arg(value_name = "FILE|DIR|-")]
    pub inputs: Vec<PathBuf>,
}

/// One file to convert and where its result goes.
#[derive(Debug)]
struct Job {
    input: Option<PathBuf>,
    output: Option<PathBuf>,
}

/// Runs `gloss convert`.
pub fn run(args: &ConvertArgs) -> anyhow::Result<ExitCode> {
    let mut converters = Converters::new(args)?;
    let (mut jobs, out_dir, mut failed) = plan(args)?;
    for line in names::make_unique(&mut jobs) {
        crate::output::error_line(&line);
    }
    let progress = progress_bar(jobs.len());
    let mut stdout = std::io::stdout().lock();
    let (mut written, mut refused) = (Vec::new(), 0);
    for job in &jobs {
        let shown = job
            .input
            .as_deref()
            .map_or("standard input".to_string(), |p| p.display().to_string());
        progress.set_message(crate::output::visible_line(&shown).into_owned());
        // Checked before converting so no work is spent on a refusal; the
        // write itself refuses too, should the file appear meanwhile.
        let result = match &job.output {
            Some(path) if !args.force && path.symlink_metadata().is_ok() => {
                Err(Undelivered::Exists(path.clone()))
            }
            _ => match convert_job(job, &mut converters) {
                Ok(text) => deliver(job, &text, &mut stdout, args.force),
                Err(reason) => Err(Undelivered::Failed(format!("{reason:#}"))),
            },
        };
        match result {
            Ok(()) => written.extend(job.output.clone()),
            // The reader of our output went away (`gloss convert x | head`).
            Err(Undelivered::OutputClosed) => break,
            Err(Undelivered::Exists(path)) => {
                let shown = path.display();
                progress.suspend(|| {
                    crate::output::error(&format!(
                        "{shown} exists and was not written by this run: not replaced (--force replaces it)"
                    ));
                });
                refused += 1;
                failed = true;
            }
            Err(Undelivered::Failed(reason)) => {
                progress.suspend(|| crate::output::error(&reason));
                failed = true;
            }
        }
        progress.inc(1);
    }
    progress.finish_and_clear();
    if let Some(line) = names::summary(&written, refused, out_dir.as_deref()) {
        crate::output::error_line(&line);
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Converters by the script of each input, built once.
struct Converters {
    fixed: Option<Converter>,
    by_source: HashMap<bool, Converter>,
    target: Option<Target>,
    phrases: bool,
    system: bool,
    overrides: Overrides,
}

impl Converters {
    fn new(args: &ConvertArgs) -> anyhow::Result<Self> {
        let overrides = if args.no_overrides {
            Overrides::none()
        } else {
            let file = Overrides::load_default()?;
            for warning in &file.warnings {
                crate::output::warn(&format!("{warning} (line skipped)"));
            }
            file.overrides
        };
        let fixed = match (&args.opencc_config, args.config) {
            (Some(path), _) => Some(opencc_file_converter(path)?),
            (None, Some(config)) => Some(system_if(Converter::from_config(config)?, args)?),
            (None, None) => None,
        };
        // A config names the script it writes; an OpenCC file does not, so
        // it gets only the entries for every direction.
        let fixed_target = args.config.and_then(|c| target_of(c.target()));
        Ok(Converters {
            fixed: fixed.map(|c| c.with_overrides(overrides.toward(fixed_target))),
            by_source: HashMap::new(),
            target: args.to,
            phrases: args.phrases,
            system: args.system_opencc,
            overrides,
        })
    }

    fn for_text(&mut self, text: &str) -> anyhow::Result<&Converter> {
        if let Some(fixed) = &self.fixed {
            return Ok(fixed);
        }
        let Some(target) = self.target else {
            anyhow::bail!("give --to, --config or --opencc-config");
        };
        let source = detect_script(text);
        let key = source.is_traditional();
        if !self.by_source.contains_key(&key) {
            let converter = Converter::for_mixed(source, target, self.phrases)?;
            let converter = if self.system {
                use_system(converter)?
            } else {
                converter
            };
            self.by_source.insert(
                key,
                converter.with_overrides(self.overrides.toward(Some(target))),
            );
        }
        self.by_source
            .get(&key)
            .context("converter cache lost an entry")
    }
}

fn system_if(converter: Converter, args: &ConvertArgs) -> anyhow::Result<Converter> {
    if args.system_opencc {
        use_system(converter)
    } else {
        Ok(converter)
    }
}

#[cfg(feature = "system-opencc")]
fn use_system(converter: Converter) -> anyhow::Result<Converter> {
    Ok(converter.using_system_opencc()?)
}

#[cfg(not(feature = "system-opencc"))]
fn use_system(_converter: Converter) -> anyhow::Result<Converter> {
    anyhow::bail!("--system-opencc needs a gloss built with `--features system-opencc`")
}

#[cfg(feature = "system-opencc")]
fn opencc_file_converter(path: &Path) -> anyhow::Result<Converter> {
    Ok(Converter::from_opencc_file(path)?)
}

#[cfg(not(feature = "system-opencc"))]
fn opencc_file_converter(_path: &Path) -> anyhow::Result<Converter> {
    anyhow::bail!("--opencc-config needs a gloss built with `--features system-opencc`")
}

/// Turns the inputs into jobs; folders become one job a file, and a file
/// named twice is converted once. Returns the output folder, if any, and
/// whether some input could not even be listed.
fn plan(args: &ConvertArgs) -> anyhow::Result<(Vec<Job>, Option<PathBuf>, bool)> {
    let inputs: Vec<PathBuf> = if args.inputs.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.inputs.clone()
    };
    let many = inputs.len() > 1 || inputs.iter().any(|p| p.is_dir());
    let out_dir = match (&args.output, many) {
        // An existing folder as -o takes the output files, whatever the inputs.
        (Some(out), _) if many || out.is_dir() => Some(out.clone()),
        (None, true) if inputs.iter().any(|p| p.is_dir()) => {
            anyhow::bail!("converting a folder needs an output folder: add -o DIR")
        }
        _ => None,
    };
    if let Some(dir) = &out_dir
        && dir.is_file()
    {
        anyhow::bail!(
            "{} is a file; with several inputs or a folder, -o names a folder",
            dir.display()
        );
    }
    let out_real = out_dir
        .as_deref()
        .and_then(|d| std::fs::canonicalize(d).ok());
    if let Some(dir) = &out_dir
        && !args.force
        && let Some(input) = inputs
            .iter()
            .find(|i| i.is_dir() && std::fs::canonicalize(i).ok() == out_real)
    {
        anyhow::bail!(
            "-o {} is the input folder ({}): converting in place replaces its files; \
             add --force to do that, or give another output folder",
            dir.display(),
            input.display()
        );
    }
    let mut jobs = Vec::new();
    let mut failed = false;
    let mut seen = HashSet::new();
    for input in inputs {
        let is_stdin = input.as_os_str() == "-";
        if !is_stdin
            && let Ok(real) = std::fs::canonicalize(&input)
            && !seen.insert(real)
        {
            continue;
        }
        if input.is_dir() {
            let Some(out_dir) = &out_dir else { continue };
            failed |= plan_folder(&input, out_dir, &mut jobs);
        } else {
            let output = match (&out_dir, &args.output) {
                (Some(dir), _) => Some(text_name(dir.join(if is_stdin {
                    "stdin.txt".as_ref()
                } else {
                    input.file_name().unwrap_or(input.as_os_str())
                }))),
                (None, output) => output.clone(),
            };
            jobs.push(Job {
                input: (!is_stdin).then_some(input),
                output,
            });
        }
    }
    Ok((jobs, out_dir, failed))
}

/// One job a file under `dir` (hidden entries skipped), mirrored in `out`.
/// Symlinks are followed (walkdir stops at loops and says so); the output
/// folder is never descended into, so `-o DIR/out DIR` does not convert
/// its own output again on the next run, unless it is `dir` itself
/// (`--force -o DIR DIR`: in place).
fn plan_folder(dir: &Path, out: &Path, jobs: &mut Vec<Job>) -> bool {
    let mut failed = false;
    let out_real = std::fs::canonicalize(out)
        .ok()
        .filter(|o| std::fs::canonicalize(dir).ok().as_ref() != Some(o));
    let entries = WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            let hidden = e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.');
            let is_out = out_real.is_some() && std::fs::canonicalize(e.path()).ok() == out_real;
            !hidden && !is_out
        });
    for entry in entries {
        match entry {
            Ok(e) if e.file_type().is_file() => {
                let relative = e.path().strip_prefix(dir).unwrap_or(e.path());
                jobs.push(Job {
                    input: Some(e.path().to_path_buf()),
                    output: Some(text_name(out.join(relative))),
                });
            }
            Ok(e) if !e.file_type().is_dir() => {
                let path = e.path().display();
                crate::output::warn(&format!("{path}: skipped: not a regular file"));
            }
            Ok(_) => {}
            Err(e) if e.loop_ancestor().is_some() => {
                let path = e.path().unwrap_or(dir).display();
                crate::output::error(&format!("cannot read {path}: a symlink loop"));
                failed = true;
            }
            Err(e) => {
                let path = e.path().unwrap_or(dir).display().to_string();
                crate::output::error(&format!("cannot read {path}: {}", plain_io(e.io_error())));
                failed = true;
            }
        }
    }
    failed
}

/// The output path for `path`: a PDF's text goes to `.txt` beside it.
fn text_name(path: PathBuf) -> PathBuf {
    if Format::from_path(&path) == Format::Pdf {
        path.with_extension("txt")
    } else {
        path
    }
}

/// Reads, decodes and converts one input.
fn convert_job(job: &Job, converters: &mut Converters) -> anyhow::Result<String> {
    let bytes = match &job.input {
        Some(path) => crate::files::read_regular(path, crate::files::BRIEF_CAP).map_err(|e| {
            anyhow::anyhow!("cannot read {}: {}", path.display(), plain_io(Some(&e)))
        })?,
        None => {
            let mut bytes = Vec::new();
            // `gloss convert < /dev/zero` must end: read no more than a brief may hold.
            std::io::stdin()
                .take(crate::files::BRIEF_CAP + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| {
                    anyhow::anyhow!("cannot read standard input: {}", plain_io(Some(&e)))
                })?;
            if bytes.len() as u64 > crate::files::BRIEF_CAP {
                anyhow::bail!("standard input is larger than the most gloss reads");
            }
            bytes
        }
    };
    // Every message names the input, as `gloss: error: PATH: reason`.
    let shown = job
        .input
        .as_deref()
        .map_or("standard input".to_string(), |p| p.display().to_string());
    // A PDF converts as its extracted text (pages separated by form feeds).
    let named_pdf = job
        .input
        .as_deref()
        .is_some_and(|p| Format::from_path(p) == Format::Pdf);
    let text = if named_pdf || is_pdf(&bytes) {
        crate::brief::pdf::text_of(bytes, None)
            .map_err(|e| anyhow::anyhow!("{shown}: {e}"))?
            .text
    } else {
        decode(&bytes)
            .map_err(|e| anyhow::anyhow!("{shown}: {e}"))?
            .text
    };
    let converter = converters
        .for_text(&text)
        .map_err(|e| anyhow::anyhow!("{shown}: {e:#}"))?;
    let markdown = job
        .input
        .as_deref()
        .is_some_and(|p| Format::from_path(p) == Format::Markdown);
    let keep = if markdown {
        protected_ranges(&text)
    } else {
        bare_urls(&text)
    };
    Ok(converter.convert_except(&text, &keep))
}

/// Why a result did not reach its destination.
enum Undelivered {
    /// Standard output was closed: stop quietly.
    OutputClosed,
    /// The output file exists, and `--force` was not given.
    Exists(PathBuf),
    /// A message for the user.
    Failed(String),
}

/// Writes a result to its file or to standard output.
fn deliver(job: &Job, text: &str, stdout: &mut impl Write, force: bool) -> Result<(), Undelivered> {
    let Some(path) = &job.output else {
        // Converted text piped on is data and passes as it is; on a terminal
        // its controls are shown, never obeyed.
        let text = if std::io::stdout().is_terminal() {
            crate::output::visible(text)
        } else {
            text.into()
        };
        return match stdout
            .write_all(text.as_bytes())
            .and_then(|()| stdout.flush())
        {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(Undelivered::OutputClosed),
            Err(e) => Err(Undelivered::Failed(format!(
                "cannot write to standard output: {}",
                plain_io(Some(&e))
            ))),
        };
    };
    let shown = path.display();
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| {
            let reason = plain_io(Some(&e));
            Undelivered::Failed(format!("{shown}: cannot create its folder: {reason}"))
        })?;
    }
    // A temp file renamed over the target: `--force -o F F` or a full disk
    // never leaves a truncated file in place of the original.
    let done = if force {
        crate::files::write_output(path, text.as_bytes())
    } else {
        crate::files::write_new_output(path, text.as_bytes())
    };
    done.map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => Undelivered::Exists(path.clone()),
        _ => {
            let reason = plain_io(Some(&e));
            Undelivered::Failed(format!("cannot write {shown}: {reason}"))
        }
    })
}

/// A progress bar on a terminal when there are several files; hidden otherwise.
fn progress_bar(files: usize) -> ProgressBar {
    if files < 2 || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(files as u64);
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}") {
        bar.set_style(style);
    }
    bar
}

/// An I/O error in words, without "(os error N)".
pub(crate) fn plain_io(e: Option<&std::io::Error>) -> String {
    let Some(e) = e else {
        return "unknown error".to_string();
    };
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            let s = e.to_string();
            s.find(" (os error")
                .map_or(s.clone(), |i| s[..i].to_lowercase())
        }
    }
}
