//! One index run: walk, plan, parse changed files in parallel, commit every
//! so often, remove what is gone, and record the run. Safe to kill at any
//! moment: the index stays at its last commit, whose file records say exactly
//! which files it holds, so the next run picks up where this one stopped.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use tantivy::{IndexWriter, TantivyDocument, Term};

use super::file_job::{index_bytes, run_job, JobContext, Outcome};
use super::plan::{plan, Job, Plan};
use super::{
    load_records, moves, DocBatch, FileRecord, IndexLocation, IndexState, MorgueIndex, Progress,
    RunSummary,
};
use crate::corpus::{self, WalkProblem};
use crate::error::{Error, Result};

/// How an index run behaves; built from the command line by the binary.
#[derive(Debug, Clone)]
pub struct IndexOptions {
    /// Folders to walk (absolute); empty = the folders the index remembers.
    pub roots: Vec<PathBuf>,
    /// Build a fresh index beside the live one and swap it in when complete.
    pub rebuild: bool,
    /// Wait for another indexer to finish instead of failing at once.
    pub wait: bool,
    /// Read failed files again even when unchanged.
    pub retry_failed: bool,
    /// tantivy indexing threads.
    pub threads: usize,
    /// tantivy writer memory budget, bytes, shared by its threads; `None`:
    /// chosen from the archive's size ([`auto_heap`]).
    pub heap_bytes: Option<usize>,
    /// Commit after this many files were read...
    pub commit_files: usize,
    /// ...or after this much time, whichever comes first.
    pub commit_interval: Duration,
    /// Files larger than this are reported and skipped.
    pub max_file_size: u64,
    /// Extract quotes and speakers (off: articles only, faster).
    pub quotes: bool,
}

impl Default for IndexOptions {
    fn default() -> Self {
        IndexOptions {
            roots: Vec::new(),
            rebuild: false,
            wait: false,
            retry_failed: false,
            threads: std::thread::available_parallelism().map_or(2, |n| n.get().min(8)),
            heap_bytes: None,
            commit_files: 250_000,
            commit_interval: Duration::from_secs(60),
            max_file_size: 50 << 20,
            quotes: true,
        }
    }
}

/// What a run did, with every file that failed.
#[derive(Debug, Default)]
pub struct IndexReport {
    /// Counts and time.
    pub summary: RunSummary,
    /// Files that could not be indexed, with reasons.
    pub failures: Vec<(String, String)>,
    /// Folders that could not be walked.
    pub problems: Vec<WalkProblem>,
}

/// Runs the indexer on the index at `location`.
pub fn run_index(
    location: &IndexLocation,
    opts: &IndexOptions,
    progress: &dyn Progress,
) -> Result<IndexReport> {
    let lock = location.lock(opts.wait)?;
    // A rebuild starts empty: it takes the folders from the live index.
    let previous = match opts.rebuild {
        true => location.current_dir().map(|d| MorgueIndex::read_state(&d)),
        false => None,
    };
    let index = if opts.rebuild {
        location.create_generation(&lock)?
    } else {
        // A rebuild that was killed leaves a generation nobody points to.
        location.remove_stale_generations(&lock);
        location.open_or_create(&lock)?
    };
    let mut state = index.state()?;
    if let Some(Ok(old)) = &previous {
        state.add_roots(&old.roots);
    }
    state.add_roots(&opts.roots);
    let walk_roots = if opts.roots.is_empty() || opts.rebuild {
        state.roots.clone()
    } else {
        opts.roots.clone()
    };
    if walk_roots.is_empty() {
        return Err(Error::Usage(
            "no folder to index: give one (morgue index DIR), the index remembers none yet".into(),
        ));
    }
    let started = Instant::now();
    let survey = Survey::take(&index, &walk_roots, opts)?;
    let report = Run::new(&index, opts, progress, state, &survey.plan, started)?.run(survey)?;
    keep_derived(&index, location, progress);
    if opts.rebuild {
        location.publish(&index, &lock)?;
    }
    Ok(report)
}

/// Works out the speaker renames and each facet's values of the committed
/// index and keeps them beside it, so that searches need not (unless they are
/// kept already). They are derived data: a failure is a warning, and searches
/// work them out instead.
fn keep_derived(index: &MorgueIndex, location: &IndexLocation, progress: &dyn Progress) {
    let kept = || -> Result<()> {
        let searcher = index.reader()?.searcher();
        let aliases = crate::search::load_aliases(location.root())?;
        crate::search::keep_derived(&searcher, &aliases, index.dir())
    };
    if let Err(e) = kept() {
        progress.warning(&format!(
            "speaker names and facet values not precomputed: {e}"
        ));
    }
}

/// What is on disk against what the index holds: the walk and the plan.
struct Survey {
    searcher: tantivy::Searcher,
    plan: Plan,
}

impl Survey {
    /// Loads the file records and walks the folders (in parallel), then plans.
    fn take(index: &MorgueIndex, roots: &[PathBuf], opts: &IndexOptions) -> Result<Survey> {
        let searcher = index.reader()?.searcher();
        let fields = index.fields();
        let (records, walk) =
            rayon::join(|| load_records(&searcher, fields), || corpus::walk(roots));
        let plan = plan(walk, &records?, roots, opts.retry_failed);
        Ok(Survey { searcher, plan })
    }
}

/// Old paths whose documents moved to a new path in this run.
type MovedFrom = rustc_hash::FxHashSet<String>;

/// Writer memory for an archive of `files` files, when none is asked for:
/// 512 MB for up to 150,000 files, 256 MB for more. The writer flushes a
/// segment whenever a thread's share fills, so more memory means fewer,
/// larger segments, and a searcher pays a fixed cost per segment (Reuters
/// 2006-2013, 106,520 files: 2 segments instead of 4, `quarantine` 35 %
/// faster, peak 566 MB). A bigger archive's run also holds its walk and
/// file records (about 200 bytes a file): a million files peak at 556 MB with
/// 256 MB (README "Performance"). Both stay under 600 MB.
pub fn auto_heap(files: u64) -> usize {
    match files <= 150_000 {
        true => 512 << 20,
        false => 256 << 20,
    }
}

/// Writer memory for a run with nothing to add: only the summary is committed.
const IDLE_HEAP: usize = 15_000_000;

/// The state of one run in progress.
struct Run<'a> {
    index: &'a MorgueIndex,
    opts: &'a IndexOptions,
    progress: &'a dyn Progress,
    state: IndexState,
    writer: IndexWriter<TantivyDocument>,
    /// The current chunk's documents, handed to the writer by kind.
    batch: DocBatch,
    report: IndexReport,
    started: Instant,
    last_commit: Instant,
    since_commit: usize,
    gone_by_hash: HashMap<u64, FileRecord>,
}

impl<'a> Run<'a> {
    fn new(
        index: &'a MorgueIndex,
        opts: &'a IndexOptions,
        progress: &'a dyn Progress,
        state: IndexState,
        plan: &Plan,
        started: Instant,
    ) -> Result<Run<'a>> {
        let writer = match plan.jobs.is_empty() {
            true => index.writer(1, IDLE_HEAP)?,
            false => {
                let heap = opts.heap_bytes.unwrap_or_else(|| auto_heap(plan.walked));
                index.writer(opts.threads, heap)?
            }
        };
        let mut report = IndexReport::default();
        report.summary.started =
            chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        Ok(Run {
            index,
            opts,
            progress,
            state,
            writer,
            batch: DocBatch::default(),
            report,
            started,
            last_commit: Instant::now(),
            since_commit: 0,
            gone_by_hash: HashMap::new(),
        })
    }

    fn run(mut self, survey: Survey) -> Result<IndexReport> {
        let Survey { searcher, plan } = survey;
        self.note_walk_problems(&plan.problems);
        self.report.summary.seen = plan.walked;
        self.report.summary.unchanged = plan.unchanged;
        self.state.in_progress = true;
        self.progress.start(plan.jobs.len() as u64);
        let moved_from = self.process(&plan, &searcher)?;
        self.delete_gone(&plan, &moved_from);
        self.finish()
    }

    fn note_walk_problems(&mut self, problems: &[WalkProblem]) {
        for p in problems {
            if p.folder {
                self.progress
                    .warning(&format!("{}: {}", p.path.display(), p.reason));
            } else {
                self.fail(&p.path.to_string_lossy(), &p.reason);
            }
        }
        self.report.problems = problems.iter().filter(|p| p.folder).cloned().collect();
    }

    fn fail(&mut self, path: &str, reason: &str) {
        self.progress.file_failed(path.as_ref(), reason);
        self.report.summary.failed += 1;
        self.report
            .failures
            .push((path.to_string(), reason.to_string()));
    }

    fn job_context(&self) -> JobContext<'_> {
        JobContext {
            batch: &self.batch,
            fields: self.index.fields(),
            gone_by_hash: &self.gone_by_hash,
            max_size: self.opts.max_file_size,
            quotes: self.opts.quotes,
        }
    }

    /// Runs the jobs in chunks on all cores, committing between chunks.
    fn process(&mut self, plan: &Plan, searcher: &tantivy::Searcher) -> Result<MovedFrom> {
        self.gone_by_hash = plan
            .deleted
            .iter()
            .filter(|r| r.status == super::FileStatus::Ok)
            .map(|r| (r.hash, r.clone()))
            .collect();
        let chunk = (self.opts.commit_files / 4).clamp(64, 4096);
        corpus::with_read_ahead(&plan.jobs, Job::path, 2 * chunk, |position| {
            let mut moved_from = MovedFrom::default();
            for (k, jobs) in plan.jobs.chunks(chunk).enumerate() {
                self.process_chunk(jobs, searcher, &mut moved_from)?;
                position.reached(k * chunk + jobs.len());
            }
            Ok(moved_from)
        })
    }

    /// Parses a chunk's files on all cores and hands their documents to the
    /// writer, committing when one is due.
    fn process_chunk(
        &mut self,
        jobs: &[Job],
        searcher: &tantivy::Searcher,
        moved_from: &mut MovedFrom,
    ) -> Result<()> {
        let cx = self.job_context();
        let outcomes: Vec<tantivy::Result<Outcome>> =
            jobs.par_iter().map(|job| run_job(job, &cx)).collect();
        self.batch.flush(&self.writer)?;
        for (job, outcome) in jobs.iter().zip(outcomes) {
            self.account(job, outcome?, searcher, moved_from)?;
        }
        // Second copies of moved files, parsed after all.
        self.batch.flush(&self.writer)?;
        self.progress.advance(jobs.len() as u64);
        self.since_commit += jobs.len();
        self.maybe_commit()
    }

    fn account(
        &mut self,
        job: &Job,
        outcome: Outcome,
        searcher: &tantivy::Searcher,
        moved_from: &mut MovedFrom,
    ) -> Result<()> {
        match outcome {
            Outcome::Indexed {
                record,
                quotes,
                updated,
            } => {
                let s = &mut self.report.summary;
                if updated {
                    s.updated += 1
                } else {
                    s.added += 1
                }
                s.articles += record.articles;
                s.quotes += quotes;
            }
            Outcome::SameContent => self.report.summary.unchanged += 1,
            Outcome::Failed { reason } => self.fail(&job.file.path.to_string_lossy(), &reason),
            Outcome::Moved { record, from, .. } if !moved_from.contains(&from.path) => {
                moves::move_documents(&self.writer, searcher, self.index.fields(), &from, &record)?;
                moved_from.insert(from.path);
                self.report.summary.moved += 1;
            }
            Outcome::Moved { record, bytes, .. } => {
                // A second copy of a moved file: index it as the new file it is.
                let outcome = index_bytes(&self.job_context(), record, job, &bytes)?;
                return self.account(job, outcome, searcher, moved_from);
            }
        }
        Ok(())
    }

    /// Removes the documents and records of files that are gone (and not moved).
    fn delete_gone(&mut self, plan: &Plan, moved_from: &MovedFrom) {
        let f = self.index.fields();
        for record in plan
            .deleted
            .iter()
            .filter(|r| !moved_from.contains(&r.path))
        {
            self.writer
                .delete_term(Term::from_field_u64(f.doc_key, record.key));
            self.writer
                .delete_term(Term::from_field_u64(f.file_key, record.key));
            self.report.summary.deleted += 1;
        }
    }

    fn maybe_commit(&mut self) -> Result<()> {
        let due = self.since_commit >= self.opts.commit_files
            || self.last_commit.elapsed() >= self.opts.commit_interval;
        if due {
            self.commit()?;
        }
        Ok(())
    }

    fn commit(&mut self) -> Result<()> {
        self.progress.committing();
        let mut prepared = self.writer.prepare_commit()?;
        prepared.set_payload(&self.state.to_payload());
        prepared.commit()?;
        self.last_commit = Instant::now();
        self.since_commit = 0;
        Ok(())
    }

    fn finish(mut self) -> Result<IndexReport> {
        self.report.summary.seconds = self.started.elapsed().as_secs_f64();
        self.state.in_progress = false;
        self.state.last_run = Some(self.report.summary.clone());
        self.commit()?;
        self.writer.wait_merging_threads()?;
        self.report.summary.seconds = self.started.elapsed().as_secs_f64();
        self.progress.finish();
        Ok(self.report)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn archives_of_up_to_150000_files_get_512_mb_bigger_ones_256() {
        assert_eq!(auto_heap(106_520), 512 << 20);
        assert_eq!(auto_heap(150_000), 512 << 20);
        assert_eq!(auto_heap(150_001), 256 << 20);
        assert_eq!(auto_heap(1_065_200), 256 << 20);
    }
}
