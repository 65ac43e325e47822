//! The `morgue` binary: parses the command line, builds the typed context,
//! runs one command and turns its outcome into an exit code. The only code
//! here that the library lacks is the terminal progress bar.

use std::io::{BufWriter, Write};
use std::path::Path;
use std::process;

use clap::Parser;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use morgue::cli::{Command, Context, Opts};
use morgue::commands;
use morgue::index::Progress;
use morgue::{Error, ExitCode};

/// Progress on stderr: an indicatif bar on a terminal, only failures otherwise.
struct TerminalProgress {
    bar: Option<ProgressBar>,
}

impl TerminalProgress {
    fn new(show_bar: bool) -> TerminalProgress {
        let bar = show_bar.then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} files {per_sec} ETA {eta} {msg}",
                )
                .expect("valid template"),
            );
            bar
        });
        TerminalProgress { bar }
    }

    fn say(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.println(line),
            None => {
                let _ = writeln!(std::io::stderr(), "{line}");
            }
        }
    }
}

impl Progress for TerminalProgress {
    fn start(&self, total: u64) {
        if let Some(bar) = &self.bar {
            bar.set_length(total);
        }
    }

    fn advance(&self, n: u64) {
        if let Some(bar) = &self.bar {
            bar.inc(n);
        }
    }

    fn file_failed(&self, path: &Path, reason: &str) {
        self.say(&format!("morgue: skipped {}: {reason}", path.display()));
    }

    fn warning(&self, message: &str) {
        self.say(&format!("morgue: warning: {message}"));
    }

    fn committing(&self) {
        if let Some(bar) = &self.bar {
            bar.set_message("committing");
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

fn run(opts: Opts) -> Result<ExitCode, Error> {
    let ctx = Context::from_env(opts.index)?;
    // A terminal sees each line as it comes; a pipe or file gets the output
    // in blocks (line by line, a page of JSON hits took 260 writes).
    let stdout = std::io::stdout();
    let mut out: Box<dyn Write> = match ctx.stdout_tty {
        true => Box::new(stdout.lock()),
        false => Box::new(BufWriter::with_capacity(64 << 10, stdout.lock())),
    };
    match &opts.command {
        Command::Index(args) => {
            let progress = TerminalProgress::new(ctx.stderr_tty && !args.quiet && !args.json);
            commands::run_index_cli(args, &ctx, &progress, &mut out)
        }
        Command::Search(args) => commands::run_search_cli(args, &ctx, &mut out),
        Command::Speakers(args) => commands::run_speakers_cli(args, &ctx, &mut out),
        Command::Parse(args) => commands::run_parse_cli(args, &mut out),
        Command::Status(args) => commands::run_status_cli(args, &ctx, &mut out),
        Command::Bench(args) => commands::run_bench_cli(args, &ctx, &mut out),
    }
}

/// Allocations of this size and up get their own memory map, returned to the
/// system when freed.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const MMAP_THRESHOLD: libc::c_int = 256 << 10;

/// glibc raises its mmap threshold each time a mapped block is freed, so the
/// writer's 1 MB arena pages soon come from the heap, whose freed space is
/// kept: a million-article run grew from 450 MB to 920 MB resident that way.
/// A fixed threshold keeps them mapped and returned (measured in README
/// "Performance": lower peak memory, no slower).
fn tune_allocator() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets a parameter of the allocator; called before
    // any other thread exists.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD);
    }
}

fn main() {
    let opts = Opts::parse();
    if matches!(opts.command, Command::Index(_)) {
        tune_allocator();
    }
    let code = match run(opts) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("morgue: error: {err}");
            ExitCode::for_error(&err)
        }
    };
    process::exit(code.code());
}
