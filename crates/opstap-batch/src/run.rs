//! The nightly run: stream the participants file in chunks, match each chunk on an owned
//! rayon pool over one index snapshot, write the outputs into a temporary directory and
//! rename it into place when everything is written.

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Seek, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use opstap_core::validate::parse_participant;
use opstap_core::{Catalog, Date, Matcher, Participant, StepPlan};
use opstap_core::{OutcomeKind, RequirementKind};
use opstap_index::{IndexError, MatchResult, RankOptions, VacancyIndex};
use opstap_publish::Staging;
use rayon::prelude::*;
use serde::Serialize;

use crate::diff::{VacancyNow, diff};
use crate::record::{
    ChangeLine, CompactMatch, CompactReason, IntakeQuestion, MatchLine, RejectedLine,
};
use crate::shard::{ITEMS_FILE, Range, SHARD_FILE, Shard, ShardMeta, write_item};
use crate::summary::{Summary, SummaryBuilder, SummaryItem};

/// Participants read and matched together: bounds memory, whatever the file size.
const CHUNK: usize = 512;

#[derive(Debug, Clone)]
pub struct BatchOptions {
    /// Matches per participant.
    pub top: usize,
    /// Worker threads; 0 = one per core.
    pub threads: usize,
    /// The output directory of the previous run, to diff against.
    pub previous: Option<PathBuf>,
    /// Also write each participant's printable page (`pages/<id>.html`) in this
    /// catalog's language and voice.
    pub pages: Option<Catalog>,
    /// Run one shard of the participants file (see [`crate::shard`]); `merge` puts the
    /// shards' outputs together.
    pub shard: Option<Shard>,
}

impl Default for BatchOptions {
    fn default() -> BatchOptions {
        BatchOptions { top: 20, threads: 0, previous: None, pages: None, shard: None }
    }
}

/// Reported after every chunk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BatchProgress {
    pub lines: usize,
    pub bytes: u64,
    pub total_bytes: u64,
}

#[derive(Debug)]
pub struct BatchReport {
    pub out: PathBuf,
    pub summary: Summary,
}

#[derive(Debug, thiserror::Error)]
pub enum BatchError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{0}")]
    Index(#[from] IndexError),
    #[error("{path}:{line}: not a line of a previous batch run: {message}")]
    Previous { path: PathBuf, line: usize, message: String },
    #[error("{path}: not the output of a complete batch run (no summary.json)")]
    NotABatchOutput { path: PathBuf },
    #[error("starting {threads} worker threads: {message}")]
    Pool { threads: usize, message: String },
    #[error("{path}: {message}")]
    Shard { path: PathBuf, message: String },
}

pub(crate) fn io(path: &Path) -> impl FnOnce(std::io::Error) -> BatchError + '_ {
    move |source| BatchError::Io { path: path.to_path_buf(), source }
}

/// What one participant yields.
pub struct Matched {
    pub line: MatchLine,
    pub plan: StepPlan,
    /// The printable page, when asked for.
    pub page: Option<String>,
}

/// The job of one participant: the same engine path as `opstap match` and the gRPC
/// `MatchVacancies` (top-k with explanations, eligible count, step plan), and with
/// `page` the printable page the same result makes (as `opstap plan --format html`).
pub fn match_one(
    index: &VacancyIndex,
    matcher: &Matcher,
    participant: &Participant,
    top: usize,
    page: Option<Catalog>,
) -> Result<Matched, IndexError> {
    let result = index.match_participant(matcher, participant, top, RankOptions::FULL)?;
    let page = page.map(|catalog| result.page(matcher.today(), catalog, None));
    Ok(matched(matcher, participant, result, page))
}

/// The file a participant's page is written to, inside `pages/`: the id itself when it
/// is a safe file name, else its safe characters and a hash of the id (ids are unique
/// within a run, and so are these names).
pub fn page_file_name(participant_id: &str) -> String {
    let safe = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.');
    if participant_id.chars().all(safe) && !participant_id.starts_with('.') {
        return format!("{participant_id}.html");
    }
    let stem: String =
        participant_id.chars().map(|c| if safe(c) { c } else { '_' }).take(64).collect();
    let hash = participant_id
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
    format!("{}-{hash:016x}.html", stem.trim_start_matches('.'))
}

fn matched(
    matcher: &Matcher,
    p: &Participant,
    result: MatchResult,
    page: Option<String>,
) -> Matched {
    let cp = matcher.compile_participant(p);
    let matches = result
        .matches
        .iter()
        .map(|m| {
            let employer = m.vacancy.employer.as_ref().and_then(|e| e.id.as_deref());
            CompactMatch::new(m.rank, &m.vacancy.title, employer, m.vacancy.posted, &m.explanation)
        })
        .collect::<Vec<_>>();
    let intake_questions = IntakeQuestion::of(&matches, |fit| matcher.is_fitting(fit));
    Matched {
        line: MatchLine {
            participant_id: result.participant_id,
            qualification: qualification(p),
            preference: cp.preference,
            eligible: result.eligible.unwrap_or(0),
            matches,
            person_questions: result.questions.iter().map(CompactReason::from).collect(),
            intake_questions,
        },
        plan: result.plan.expect("RankOptions::FULL computes the plan"),
        page,
    }
}

/// A stable fingerprint (FNV-1a, 64 bits) of what the hard requirements read from a
/// profile. Not reversible to a profile in any useful way, and the same across runs.
pub fn qualification(p: &Participant) -> String {
    let parts = serde_json::json!([
        p.languages,
        p.certificates,
        p.driving_licences,
        p.education,
        p.experience,
        p.work_authorization,
        p.excluded,
        p.location,
        p.horizon_weeks,
    ]);
    use std::hash::Hasher;
    // `write` feeds the bytes as they are (a `Hash` impl would add its own framing).
    let mut h = fnv::FnvHasher::default();
    h.write(parts.to_string().as_bytes());
    format!("{:016x}", h.finish())
}

/// Where a previously matched vacancy stands today for this person.
fn vacancy_now(index: &VacancyIndex, matcher: &Matcher, p: &Participant, id: &str) -> VacancyNow {
    let Ok(Some(v)) = index.get(id) else { return VacancyNow::Removed };
    let cp = matcher.compile_participant(p);
    let e = matcher.explain(&cp, &matcher.compile_vacancy(&v), 0.0, vec![]);
    let mut failing: Vec<RequirementKind> = e
        .requirements
        .iter()
        .filter(|r| matches!(r.outcome, OutcomeKind::Blocking | OutcomeKind::Bridgeable))
        .map(|r| r.requirement)
        .collect();
    if failing.contains(&RequirementKind::VacancyOpen) {
        VacancyNow::Closed
    } else if failing.is_empty() {
        VacancyNow::Eligible
    } else {
        failing.dedup();
        VacancyNow::NotEligible(failing)
    }
}

/// The previous run: its matches by participant (without the parts a diff does not
/// read), and the day it matched on.
struct Previous {
    lines: HashMap<String, MatchLine>,
    day: Option<Date>,
}

fn load_previous(dir: &Path) -> Result<Previous, BatchError> {
    let summary_path = dir.join("summary.json");
    if !summary_path.try_exists().map_err(io(&summary_path))? {
        return Err(BatchError::NotABatchOutput { path: dir.to_path_buf() });
    }
    let text = std::fs::read_to_string(&summary_path).map_err(io(&summary_path))?;
    let day = serde_json::from_str::<serde_json::Value>(&text)
        .ok()
        .and_then(|v| v.get("today").and_then(|d| d.as_str()).and_then(|d| d.parse().ok()));
    let path = dir.join("matches.jsonl");
    let file = File::open(&path).map_err(io(&path))?;
    let mut lines = HashMap::new();
    for (i, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(io(&path))?;
        let mut m: MatchLine = serde_json::from_str(&line).map_err(|e| BatchError::Previous {
            path: path.clone(),
            line: i + 1,
            message: e.to_string(),
        })?;
        for x in &mut m.matches {
            x.reasons = Vec::new();
            x.questions = Vec::new();
            x.title = String::new();
        }
        lines.insert(m.participant_id.clone(), m);
    }
    Ok(Previous { lines, day })
}

/// The output files, written in a temporary directory beside the destination.
pub(crate) struct Outputs {
    staging: Staging,
    pub(crate) tmp: PathBuf,
    matches: BufWriter<File>,
    plans: BufWriter<File>,
    changes: BufWriter<File>,
    rejected: BufWriter<File>,
}

/// The kind of output a batch directory is marked with; `--out` refuses a directory of
/// another kind.
const OUTPUT_KIND: &str = "batch";
/// The kind of a shard's output directory.
const SHARD_KIND: &str = "batch-shard";

fn published(e: opstap_publish::PublishError) -> BatchError {
    BatchError::Io { path: e.path, source: e.source }
}

/// The folder of the printable pages, when asked for.
pub const PAGES_DIR: &str = "pages";

pub(crate) const FILES: [&str; 4] =
    ["matches.jsonl", "plans.jsonl", "changes.jsonl", "rejected.jsonl"];

impl Outputs {
    /// The four line files' writers, in [`FILES`] order.
    pub(crate) fn writers(&mut self) -> [&mut BufWriter<File>; 4] {
        [&mut self.matches, &mut self.plans, &mut self.changes, &mut self.rejected]
    }

    pub(crate) fn create(out: &Path, pages: bool) -> Result<Outputs, BatchError> {
        Outputs::create_kind(out, pages, OUTPUT_KIND)
    }

    fn create_kind(out: &Path, pages: bool, kind: &'static str) -> Result<Outputs, BatchError> {
        // A directory written by a batch run before outputs carried a marker.
        let legacy = |p: &Path| {
            ["summary.json", "matches.jsonl"]
                .iter()
                .all(|f| p.join(f).try_exists().unwrap_or(false))
        };
        let staging = Staging::begin(out, kind, &legacy).map_err(published)?;
        let tmp = staging.path().to_path_buf();
        if pages {
            let dir = tmp.join(PAGES_DIR);
            std::fs::create_dir(&dir).map_err(io(&dir))?;
        }
        let open = |f: &str| -> Result<BufWriter<File>, BatchError> {
            let p = tmp.join(f);
            Ok(BufWriter::with_capacity(1 << 20, File::create(&p).map_err(io(&p))?))
        };
        Ok(Outputs {
            matches: open(FILES[0])?,
            plans: open(FILES[1])?,
            changes: open(FILES[2])?,
            rejected: open(FILES[3])?,
            staging,
            tmp,
        })
    }

    /// One participant's page, on disk before the directory is published.
    fn page(path: &Path, html: &str) -> Result<(), BatchError> {
        let mut f = File::create(path).map_err(io(path))?;
        f.write_all(html.as_bytes()).map_err(io(path))?;
        f.sync_data().map_err(io(path))
    }

    fn line<T: Serialize>(
        w: &mut BufWriter<File>,
        path: &Path,
        value: &T,
    ) -> Result<(), BatchError> {
        serde_json::to_writer(&mut *w, value)
            .map_err(|e| BatchError::Io { path: path.to_path_buf(), source: e.into() })?;
        w.write_all(b"\n").map_err(io(path))
    }

    /// Flushes every file, writes the summary, then publishes the directory
    /// ([`opstap_publish`]: `out` is the previous complete output until the swap, the new
    /// one after, whatever the crash point).
    pub(crate) fn publish(self, summary: &Summary) -> Result<(), BatchError> {
        let mut text = serde_json::to_string_pretty(summary).expect("a summary serializes");
        text.push('\n');
        self.publish_with("summary.json", &text)
    }

    /// Flushes every file, writes `name` (the summary, or a shard's description) last,
    /// then publishes the directory.
    fn publish_with(self, name: &str, text: &str) -> Result<(), BatchError> {
        let Outputs { staging, tmp, matches, plans, changes, rejected } = self;
        for (w, name) in [matches, plans, changes, rejected].into_iter().zip(FILES) {
            let path = tmp.join(name);
            let file = w
                .into_inner()
                .map_err(|e| BatchError::Io { path: path.clone(), source: e.into_error() })?;
            file.sync_all().map_err(io(&path))?;
        }
        let path = tmp.join(name);
        let mut f = File::create(&path).map_err(io(&path))?;
        f.write_all(text.as_bytes()).map_err(io(&path))?;
        f.sync_all().map_err(io(&path))?;
        drop(f);
        staging.publish().map_err(published)
    }
}

/// One input line, parsed.
pub(crate) enum Parsed {
    Participant(usize, Box<Participant>),
    Rejected(RejectedLine),
}

pub(crate) fn parse_line(
    number: usize,
    bytes: &[u8],
    seen: &mut HashMap<String, usize>,
) -> Option<Parsed> {
    let rejected = |participant_id, field, reason| {
        Some(Parsed::Rejected(RejectedLine {
            line: number,
            participant_id,
            kind: "INVALID".into(),
            field,
            reason,
        }))
    };
    let Ok(text) = std::str::from_utf8(bytes) else {
        return rejected(None, None, "the line is not valid UTF-8".into());
    };
    let text = text.trim_start_matches('\u{feff}').trim();
    if text.is_empty() {
        return None;
    }
    match parse_participant(text, opstap_core::Taxonomy::embedded()) {
        Err(e) => rejected(None, Some(e.field), e.message),
        Ok(p) => match seen.get(&p.id) {
            Some(first) => rejected(
                Some(p.id.clone()),
                Some("id".into()),
                format!("duplicate participant id `{}`: first on line {first}", p.id),
            ),
            None => {
                seen.insert(p.id.clone(), number);
                Some(Parsed::Participant(number, Box::new(p)))
            }
        },
    }
}

/// Runs the batch with the engine's own per-participant job.
pub fn run(
    index: &VacancyIndex,
    matcher: &Matcher,
    participants: &Path,
    out: &Path,
    options: &BatchOptions,
    progress: &mut dyn FnMut(BatchProgress),
) -> Result<BatchReport, BatchError> {
    let job = |p: &Participant| match_one(index, matcher, p, options.top, options.pages);
    run_with(index, matcher, participants, out, options, progress, &job)
}

/// Turns the index's parallel segment scoring off while it lives, and restores the
/// previous setting when dropped (also on an early error return).
struct SerialSegments<'a> {
    index: &'a VacancyIndex,
    parallel: bool,
}

impl<'a> SerialSegments<'a> {
    fn new(index: &'a VacancyIndex) -> SerialSegments<'a> {
        let parallel = index.parallel_segments();
        index.set_parallel_segments(false);
        SerialSegments { index, parallel }
    }
}

impl Drop for SerialSegments<'_> {
    fn drop(&mut self) {
        self.index.set_parallel_segments(self.parallel);
    }
}

/// [`run`] with the per-participant job given: tests put a failing job in to check that
/// one participant's panic does not stop the run.
pub fn run_with(
    index: &VacancyIndex,
    matcher: &Matcher,
    participants: &Path,
    out: &Path,
    options: &BatchOptions,
    progress: &mut dyn FnMut(BatchProgress),
    job: &(dyn Fn(&Participant) -> Result<Matched, IndexError> + Sync),
) -> Result<BatchReport, BatchError> {
    // Participants in parallel, each ranking pass on its worker's own thread.
    let _serial = SerialSegments::new(index);
    let previous = options.previous.as_deref().map(load_previous).transpose()?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads)
        .thread_name(|i| format!("opstap-batch-{i}"))
        .build()
        .map_err(|e| BatchError::Pool { threads: options.threads, message: e.to_string() })?;
    let range = Range::of(participants, options.shard)?;
    let mut file = File::open(participants).map_err(io(participants))?;
    let total_bytes = range.end - range.start;
    file.seek(std::io::SeekFrom::Start(range.start)).map_err(io(participants))?;
    let mut reader = BufReader::with_capacity(1 << 20, file);
    let kind = if options.shard.is_some() { SHARD_KIND } else { OUTPUT_KIND };
    let mut outputs = Outputs::create_kind(out, options.pages.is_some(), kind)?;
    let tmp = outputs.tmp.clone();
    // A shard writes what the summary reads of each line, for `merge`.
    let items_path = tmp.join(ITEMS_FILE);
    let mut items = match options.shard {
        Some(_) => Some(BufWriter::new(File::create(&items_path).map_err(io(&items_path))?)),
        None => None,
    };
    let mut add = |summary: &mut SummaryBuilder, item: SummaryItem| -> Result<(), BatchError> {
        if let Some(w) = &mut items {
            write_item(w, &items_path, &item)?;
        }
        summary.add(&item);
        Ok(())
    };
    let mut summary = SummaryBuilder::new(
        matcher.today(),
        index.stats().vacancies,
        options.top,
        previous.is_some(),
    );
    let mut seen: HashMap<String, usize> = range.seen;
    let mut previous_ids: HashSet<&str> =
        previous.as_ref().map(|p| p.lines.keys().map(String::as_str).collect()).unwrap_or_default();
    let (mut lines, mut bytes) = (range.lines_before, 0u64);
    let mut buf = Vec::new();
    loop {
        // Read one chunk (a shard: of the lines that start in its range).
        let mut chunk = Vec::with_capacity(CHUNK);
        while chunk.len() < CHUNK && range.start + bytes < range.end {
            buf.clear();
            let n = reader.read_until(b'\n', &mut buf).map_err(io(participants))?;
            if n == 0 {
                break;
            }
            bytes += n as u64;
            lines += 1;
            if let Some(parsed) = parse_line(lines, &buf, &mut seen) {
                chunk.push(parsed);
            }
        }
        if chunk.is_empty() {
            break;
        }
        // Match it in parallel; results come back in input order.
        let results: Vec<Result<(Matched, Option<ChangeLine>), RejectedLine>> =
            pool.install(|| {
                chunk
                    .par_iter()
                    .map(|parsed| match parsed {
                        Parsed::Rejected(r) => Err(r.clone()),
                        Parsed::Participant(number, p) => {
                            one(index, matcher, *number, p, previous.as_ref(), job)
                        }
                    })
                    .collect()
            });
        for r in results {
            match r {
                Err(rejected) => {
                    add(&mut summary, SummaryItem::Rejected { failed: rejected.kind == "FAILED" })?;
                    Outputs::line(&mut outputs.rejected, &tmp.join(FILES[3]), &rejected)?;
                }
                Ok((m, change)) => {
                    previous_ids.remove(m.line.participant_id.as_str());
                    add(
                        &mut summary,
                        SummaryItem::matched(matcher, &m.line, &m.plan, change.as_ref()),
                    )?;
                    Outputs::line(&mut outputs.matches, &tmp.join(FILES[0]), &m.line)?;
                    Outputs::line(&mut outputs.plans, &tmp.join(FILES[1]), &m.plan)?;
                    if let Some(page) = &m.page {
                        let name = page_file_name(&m.line.participant_id);
                        Outputs::page(&tmp.join(PAGES_DIR).join(name), page)?;
                    }
                    if let Some(c) = change.filter(|c| !c.is_empty()) {
                        Outputs::line(&mut outputs.changes, &tmp.join(FILES[2]), &c)?;
                    }
                }
            }
        }
        progress(BatchProgress { lines: lines - range.lines_before, bytes, total_bytes });
    }
    let mut gone: Vec<&str> = previous_ids.into_iter().collect();
    gone.sort_unstable();
    let Some(shard) = options.shard else {
        let summary = summary.finish(lines, gone);
        outputs.publish(&summary)?;
        return Ok(BatchReport { out: out.to_path_buf(), summary });
    };
    if let Some(w) = items {
        let file = w.into_inner().map_err(|e| io(&items_path)(e.into_error()))?;
        file.sync_all().map_err(io(&items_path))?;
    }
    let meta = ShardMeta {
        shard: shard.index,
        of: shard.count,
        participants: range.fingerprint,
        lines: lines - range.lines_before,
        today: matcher.today(),
        top_k: options.top,
        vacancies: index.stats().vacancies,
        index_version: index.version(),
        diffing: previous.is_some(),
        pages: options.pages.map(|c| format!("{}/{}", c.locale().as_str(), c.voice().as_str())),
        previous_not_seen: gone.iter().map(|s| (*s).to_owned()).collect(),
    };
    let summary = summary.finish(meta.lines, Vec::new());
    let mut text = serde_json::to_string_pretty(&meta).expect("a shard description serializes");
    text.push('\n');
    outputs.publish_with(SHARD_FILE, &text)?;
    Ok(BatchReport { out: out.to_path_buf(), summary })
}

/// Matches one participant and diffs against the previous run; a panic or an index
/// error becomes a FAILED line for this participant.
fn one(
    index: &VacancyIndex,
    matcher: &Matcher,
    number: usize,
    p: &Participant,
    previous: Option<&Previous>,
    job: &(dyn Fn(&Participant) -> Result<Matched, IndexError> + Sync),
) -> Result<(Matched, Option<ChangeLine>), RejectedLine> {
    let failed = |reason: String| RejectedLine {
        line: number,
        participant_id: Some(p.id.clone()),
        kind: "FAILED".into(),
        field: None,
        reason,
    };
    let outcome = catch_unwind(AssertUnwindSafe(|| -> Result<_, IndexError> {
        let m = job(p)?;
        let change = previous.map(|prev| {
            diff(&m.line, prev.lines.get(&p.id), prev.day, |id| vacancy_now(index, matcher, p, id))
        });
        Ok((m, change))
    }));
    match outcome {
        Ok(Ok(r)) => Ok(r),
        Ok(Err(e)) => Err(failed(format!("matching failed: {e}"))),
        Err(panic) => {
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            tracing::error!(line = number, "matching panicked: {message}");
            Err(failed(format!("internal error while matching (a bug; please report): {message}")))
        }
    }
}
