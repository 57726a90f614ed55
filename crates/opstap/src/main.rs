//! `opstap`: the command line of the opstap job-matching engine.

/// mimalloc: the engine allocates per-query tables and the server per call; glibc malloc
/// cost several percent of a call.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod datadir;
mod import;
mod output;
mod records;
mod serve;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use opstap_core::validate::parse_participant;
use opstap_core::{Catalog, Date, Locale, MatchConfig, Matcher, Participant, Taxonomy, Voice};
use opstap_index::{IngestOptions, IngestProgress, RankOptions};
use opstap_synth::Generator;

#[derive(Parser, Debug)]
#[command(
    name = "opstap",
    version,
    about = "Explained job matching for newcomers in asylum reception"
)]
struct Cli {
    /// Index directory. Default: a data dir seeded from the bundled fixtures on first use.
    #[arg(long, global = true, env = "OPSTAP_DATA_DIR")]
    data_dir: Option<PathBuf>,
    /// Matching configuration (TOML); keys override the embedded defaults. `eval` takes
    /// it more than once, to compare configurations.
    #[arg(long, global = true, env = "OPSTAP_CONFIG", value_delimiter = ',')]
    config: Vec<PathBuf>,
    /// The day to match on (YYYY-MM-DD): vacancies closed before it are blocked. Default: today.
    #[arg(long, global = true)]
    today: Option<Date>,
    /// Language of the texts: nl, en, fr or ar (qps: a pseudo-locale for testing layouts).
    #[arg(long, global = true, default_value = "nl")]
    lang: Locale,
    /// Whom the texts speak to: `caseworker` (about the participant) or `participant`
    /// ("you"). Default: caseworker, except on the printable page (`plan --format html`,
    /// `batch --pages`), which is the participant's.
    #[arg(long, global = true)]
    voice: Option<Voice>,
    /// Log lines on stderr as plain text or as JSON objects (one per line, for a log
    /// collector).
    #[arg(long, global = true, env = "OPSTAP_LOG_FORMAT", default_value = "text")]
    log_format: LogFormat,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Serve MatchService and VacancyService over gRPC (with health and reflection).
    Serve(serve::ServeArgs),
    /// Import schema.org JobPostings (JSON-LD, JSON lines, HTML pages): requirements read
    /// from the text, with the words they came from; written as contract vacancies
    /// (JSON lines) or indexed.
    Import(import::ImportArgs),
    /// Precision and recall of `import` on labelled postings (a folder with gold.jsonl).
    ImportEval(import::ImportEvalArgs),
    /// The audit trail of the lists shown (in the server's store): show, purge.
    #[command(subcommand)]
    Audit(records::AuditCommand),
    /// The outcomes caseworkers recorded (in the server's store): export as placements.
    #[command(subcommand)]
    Outcomes(records::OutcomesCommand),
    /// Index vacancies from a JSON Lines file (upsert by id).
    Index {
        /// The JSON Lines file, one vacancy per line.
        input: PathBuf,
        /// Index the valid records and write the invalid ones (with reasons) to --rejected,
        /// instead of rejecting the whole file.
        #[arg(long)]
        skip_invalid: bool,
        /// Where rejected lines go with --skip-invalid. Default: INPUT.rejected.jsonl
        #[arg(long)]
        rejected: Option<PathBuf>,
    },
    /// Re-match every participant of a JSON Lines file against the index (the nightly
    /// run), with what changed since a previous run. `--shard I/N` runs one of N parts
    /// (on N machines); `opstap batch merge` puts their outputs together.
    #[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
    Batch {
        #[command(subcommand)]
        action: Option<BatchAction>,
        /// Participants, one JSON object per line (streamed, never loaded whole).
        #[arg(long, required = true)]
        participants: Option<PathBuf>,
        /// Output directory (replaced atomically when the run completes).
        #[arg(long, required = true)]
        out: Option<PathBuf>,
        /// Run the I-th (from 0) of N parts of the participants file: the lines that
        /// start in its N-th of the file's bytes. The output directory holds that part's
        /// lines and what the summary needs; `opstap batch merge` makes the whole output.
        #[arg(long)]
        shard: Option<opstap_batch::Shard>,
        /// The output directory of the previous run, for changes.jsonl.
        #[arg(long)]
        previous: Option<PathBuf>,
        /// Matches per participant.
        #[arg(long, default_value_t = 20)]
        top: usize,
        /// Worker threads (0 = one per core).
        #[arg(long, default_value_t = 0)]
        threads: usize,
        /// Also write each participant's printable page (`pages/<id>.html`, as `opstap
        /// plan --format html`) in --lang and --voice (default: the participant's voice).
        #[arg(long)]
        pages: bool,
    },
    /// Ranked, explained matches for one participant.
    Match {
        /// Participant JSON file (`-` for stdin).
        #[arg(long, short)]
        participant: PathBuf,
        /// How many matches.
        #[arg(long, short = 'k', default_value_t = 10)]
        top: usize,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// One participant × one vacancy: every requirement and component ("why not").
    Explain {
        #[arg(long, short)]
        participant: PathBuf,
        /// Vacancy id.
        #[arg(long, short)]
        vacancy: String,
        #[arg(long)]
        json: bool,
    },
    /// The step plan: which step unlocks the most fitting vacancies per week of effort.
    Plan {
        #[arg(long, short)]
        participant: PathBuf,
        /// Print JSON instead of text (as --format json).
        #[arg(long, conflicts_with = "format")]
        json: bool,
        /// text, json, or html: the printable A4 page for the participant (their best
        /// matches with the reasons, the steps, the open questions, a line for the
        /// caseworker), self-contained.
        #[arg(long, default_value = "text")]
        format: PlanFormat,
        /// With --format html: the caseworker's name, printed on its line (default: a
        /// blank line to write on).
        #[arg(long)]
        caseworker: Option<String>,
    },
    /// Replay placements: how would each ranker have ranked the placed vacancy, and how
    /// well do its top-k fit the people? Writes metrics, a report with plots and TREC files.
    Eval {
        /// The vacancies as they were (JSON Lines); indexed into a temporary index.
        #[arg(long)]
        vacancies: PathBuf,
        /// Participants (JSON Lines); may carry `gender` and `age` for group breakdowns.
        #[arg(long)]
        participants: PathBuf,
        /// Placements (JSON Lines). Or, with --store, the outcomes caseworkers recorded.
        #[arg(long, required_unless_present = "store", conflicts_with = "store")]
        placements: Option<PathBuf>,
        /// Read the placements from the server's store: the hires, trials and rejections
        /// caseworkers recorded, with the fit participants rated (as `opstap outcomes
        /// export`), joined to the participants file's pseudonyms.
        #[arg(long, env = "OPSTAP_STORE", hide_env_values = true)]
        store: Option<String>,
        /// The key pseudonyms are hashed with in the store. Default: store.key in the data dir.
        #[arg(long, env = "OPSTAP_STORE_KEY")]
        store_key: Option<PathBuf>,
        /// Cut-off rank.
        #[arg(long, default_value_t = 10)]
        k: usize,
        /// The report directory (replaced atomically).
        #[arg(long)]
        out: PathBuf,
        /// Bootstrap resamples for the 95% intervals.
        #[arg(long, default_value_t = 2000)]
        bootstrap: usize,
        /// Seed of the bootstrap.
        #[arg(long, default_value_t = 42)]
        seed: u64,
    },
    /// Deterministic synthetic vacancies, participants or placements as JSON Lines.
    Generate {
        /// How many vacancies.
        #[arg(long, conflicts_with_all = ["participants", "placements"], required_unless_present_any = ["participants", "placements"])]
        vacancies: Option<u64>,
        /// How many participants.
        #[arg(long, conflicts_with = "placements")]
        participants: Option<u64>,
        /// Placements drawn from the behavioural model (README) for the participants of
        /// --participants-file among the vacancies of --vacancies-file.
        #[arg(long, requires_all = ["participants_file", "vacancies_file"])]
        placements: bool,
        /// With --placements: the participants (JSON Lines).
        #[arg(long)]
        participants_file: Option<PathBuf>,
        /// With --placements: the vacancies (JSON Lines).
        #[arg(long)]
        vacancies_file: Option<PathBuf>,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Where: `regional` (every vacancy and participant in the The Hague region, within
        /// reach of one another: the worst case) or `national` (vacancies over the country
        /// by population, participants at reception centres; README, "Generated data").
        #[arg(long, default_value = "regional")]
        geography: opstap_synth::Geography,
        /// Output file (written atomically). Default: stdout.
        #[arg(long, short)]
        out: Option<PathBuf>,
        /// Latest posting date of generated vacancies.
        #[arg(long, default_value = "2026-11-01")]
        posted_until: Date,
    },
    /// Print the effective matching configuration.
    Config,
    /// Print counts of the index as JSON.
    Stats,
}

fn main() {
    let cli = Cli::parse();
    init_tracing(cli.log_format);
    if let Err(e) = run(cli) {
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}

#[derive(Subcommand, Debug)]
enum BatchAction {
    /// Put the outputs of the N `--shard I/N` runs together into the output the
    /// unsharded run writes, byte for byte.
    Merge {
        /// The merged output directory (replaced atomically when complete).
        #[arg(long)]
        out: PathBuf,
        /// The shards' output directories, all N of them (any order).
        #[arg(required = true)]
        shards: Vec<PathBuf>,
    },
}

/// How `opstap plan` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum PlanFormat {
    Text,
    Json,
    Html,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum LogFormat {
    Text,
    Json,
}

fn init_tracing(format: LogFormat) {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("opstap=info,tantivy=warn"));
    let logs = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false);
    match format {
        // Plain text when stderr is a file or a pipe: no colour codes in logs.
        LogFormat::Text => logs.with_ansi(std::io::stderr().is_terminal()).init(),
        LogFormat::Json => logs.json().init(),
    }
}

fn load_config(path: Option<&Path>) -> Result<MatchConfig> {
    match path {
        None => Ok(MatchConfig::default()),
        Some(p) => {
            let text = std::fs::read_to_string(p)
                .with_context(|| format!("reading config {}", p.display()))?;
            MatchConfig::from_toml_str(&text).with_context(|| format!("config {}", p.display()))
        }
    }
}

fn read_participant(path: &Path) -> Result<Participant> {
    let text = if path == Path::new("-") {
        std::io::read_to_string(std::io::stdin()).context("reading participant from stdin")?
    } else {
        std::fs::read_to_string(path)
            .with_context(|| format!("reading participant {}", path.display()))?
    };
    parse_participant(&text, Taxonomy::embedded())
        .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}

fn run(cli: Cli) -> Result<()> {
    if cli.config.len() > 1 && !matches!(cli.command, Command::Eval { .. }) {
        bail!(
            "--config given {} times: only `opstap eval` compares configurations",
            cli.config.len()
        );
    }
    let config = load_config(cli.config.first().map(PathBuf::as_path))?;
    let matcher =
        Matcher::new(config, Taxonomy::embedded(), cli.today.unwrap_or_else(Date::today_utc));
    let catalog = Catalog::get(cli.lang, cli.voice.unwrap_or_default());
    let mut out = std::io::stdout().lock();
    match cli.command {
        Command::Import(args) => import::run(args, cli.data_dir.as_deref())?,
        Command::ImportEval(args) => import::eval(args, &mut out)?,
        Command::Audit(c) => records::audit(c, cli.data_dir.as_deref(), &mut out)?,
        Command::Outcomes(c) => records::outcomes(c, cli.data_dir.as_deref(), &mut out)?,
        Command::Serve(args) => {
            serve::run(args, cli.data_dir.as_deref(), matcher.config().clone(), cli.today)?;
        }
        Command::Batch { action: Some(BatchAction::Merge { out: out_dir, shards }), .. } => {
            let report = opstap_batch::merge(&shards, &out_dir)?;
            let s = &report.summary.participants;
            writeln!(
                out,
                "merged {} shards: {} participants matched, {} lines rejected, into {}",
                shards.len(),
                s.matched,
                s.rejected + s.failed,
                report.out.display()
            )?;
        }
        Command::Batch {
            participants, out: out_dir, previous, top, threads, pages, shard, ..
        } => {
            let (Some(participants), Some(out_dir)) = (participants, out_dir) else {
                bail!("batch needs --participants and --out");
            };
            let index = datadir::open(cli.data_dir.as_deref())?;
            let pages =
                pages.then(|| Catalog::get(cli.lang, cli.voice.unwrap_or(Voice::Participant)));
            let options = opstap_batch::BatchOptions { top, threads, previous, pages, shard };
            let bar = progress_bar();
            bar.set_message("matching");
            let started = std::time::Instant::now();
            let mut last_log = started;
            let report =
                opstap_batch::run(&index, &matcher, &participants, &out_dir, &options, &mut |p| {
                    bar.set_length(p.total_bytes);
                    bar.set_position(p.bytes);
                    let rate = p.lines as f64 / started.elapsed().as_secs_f64().max(1e-9);
                    bar.set_message(format!("{} participants, {rate:.0}/s", p.lines));
                    if bar.is_hidden() && last_log.elapsed().as_secs() >= 10 {
                        last_log = std::time::Instant::now();
                        tracing::info!(
                            participants = p.lines,
                            bytes = p.bytes,
                            total_bytes = p.total_bytes,
                            "batch progress"
                        );
                    }
                });
            bar.finish_and_clear();
            let report = report?;
            let s = &report.summary.participants;
            let secs = started.elapsed().as_secs_f64();
            writeln!(
                out,
                "matched {} participants against {} vacancies in {secs:.1} s ({:.0} participants/s) into {}",
                s.matched,
                report.summary.vacancies,
                s.matched as f64 / secs.max(1e-9),
                report.out.display()
            )?;
            if let Some(c) = &report.summary.changes {
                writeln!(
                    out,
                    "changes: {} participants, {} new, {} dropped, {} changed matches",
                    c.participants_with_changes, c.new, c.dropped, c.changed
                )?;
            }
            let warnings = s.rejected + s.failed;
            if warnings > 0 {
                eprintln!(
                    "warning: {} lines rejected and {} participants failed; reasons in {}",
                    s.rejected,
                    s.failed,
                    report.out.join("rejected.jsonl").display()
                );
            }
        }
        Command::Config => {
            write!(out, "{}", matcher.config().to_toml_string())?;
        }
        Command::Stats => {
            let index = datadir::open(cli.data_dir.as_deref())?;
            serde_json::to_writer(&mut out, &index.stats())?;
            writeln!(out)?;
        }
        Command::Index { input, skip_invalid, rejected } => {
            let (dir, index) = datadir::open_for_writing(cli.data_dir.as_deref())?;
            let bar = progress_bar();
            let started = std::time::Instant::now();
            let report =
                index.ingest_file(&input, IngestOptions { skip_invalid }, &mut |p| match p {
                    IngestProgress::Reading { bytes, total } => {
                        bar.set_length(total);
                        bar.set_message("reading and indexing");
                        bar.set_position(bytes);
                    }
                    IngestProgress::Committing => bar.set_message("committing"),
                });
            bar.finish_and_clear();
            let report = report?;
            if !report.rejected.is_empty() {
                let path = rejected.unwrap_or_else(|| {
                    let mut p = input.clone().into_os_string();
                    p.push(".rejected.jsonl");
                    PathBuf::from(p)
                });
                let mut text = String::new();
                for e in &report.rejected {
                    text.push_str(&serde_json::to_string(e)?);
                    text.push('\n');
                }
                opstap_publish::write_file(&path, text.as_bytes())?;
                writeln!(
                    out,
                    "rejected: {} lines, with reasons in {}",
                    report.rejected.len(),
                    path.display()
                )?;
                for e in report.rejected.iter().take(5) {
                    writeln!(out, "  {e}")?;
                }
            }
            let secs = started.elapsed().as_secs_f64();
            writeln!(
                out,
                "indexed {} of {} lines from {} into {} in {secs:.1} s ({:.0} vacancies/s); the index holds {} vacancies",
                report.accepted,
                report.lines,
                input.display(),
                dir.display(),
                report.accepted as f64 / secs.max(1e-9),
                report.index_total
            )?;
        }
        Command::Match { participant, top, json } => {
            let p = read_participant(&participant)?;
            let index = datadir::open(cli.data_dir.as_deref())?;
            let mut result = index.match_participant(&matcher, &p, top, RankOptions::FULL)?;
            for m in &mut result.matches {
                catalog.render_explanation(&mut m.explanation, Taxonomy::embedded());
            }
            catalog.render_reasons(&mut result.questions, Taxonomy::embedded());
            if let Some(plan) = &mut result.plan {
                catalog.render_plan(plan, Taxonomy::embedded());
            }
            if json {
                serde_json::to_writer_pretty(&mut out, &result)?;
                writeln!(out)?;
            } else {
                output::matches(&mut out, &result, &catalog)?;
            }
        }
        Command::Explain { participant, vacancy, json } => {
            let p = read_participant(&participant)?;
            let index = datadir::open(cli.data_dir.as_deref())?;
            let Some(mut m) = index.explain(&matcher, &p, &vacancy)? else {
                bail!("no vacancy with id `{vacancy}` in the index");
            };
            catalog.render_explanation(&mut m.explanation, Taxonomy::embedded());
            if json {
                serde_json::to_writer_pretty(&mut out, &m)?;
                writeln!(out)?;
            } else {
                output::explanation(&mut out, &m, &catalog)?;
            }
        }
        Command::Plan { participant, format: PlanFormat::Html, caseworker, .. } => {
            let p = read_participant(&participant)?;
            let index = datadir::open(cli.data_dir.as_deref())?;
            let voice = cli.voice.unwrap_or(Voice::Participant);
            let result = index.match_participant(
                &matcher,
                &p,
                opstap_index::PAGE_MATCHES,
                RankOptions::FULL,
            )?;
            let html =
                result.page(matcher.today(), Catalog::get(cli.lang, voice), caseworker.as_deref());
            out.write_all(html.as_bytes())?;
        }
        Command::Plan { participant, json, format, .. } => {
            let json = json || format == PlanFormat::Json;
            let p = read_participant(&participant)?;
            let index = datadir::open(cli.data_dir.as_deref())?;
            let mut plan = index.plan(&matcher, &p, &opstap_core::VacancyFilter::NONE, None)?;
            catalog.render_plan(&mut plan, Taxonomy::embedded());
            if json {
                serde_json::to_writer_pretty(&mut out, &plan)?;
                writeln!(out)?;
            } else {
                output::plan(&mut out, &plan, &catalog)?;
            }
        }
        Command::Generate {
            placements: true,
            participants_file: Some(people),
            vacancies_file: Some(jobs),
            seed,
            out: path,
            ..
        } => {
            let participants: Vec<Participant> =
                opstap_eval::read_participants(&people)?.into_iter().map(|(p, _, _)| p).collect();
            let vacancies = opstap_eval::read_vacancies(&jobs)?;
            let compiled: Vec<_> = vacancies.iter().map(|v| matcher.compile_vacancy(v)).collect();
            let placements = opstap_synth::placement::simulate_placements(
                &matcher,
                &participants,
                &compiled,
                seed,
                matcher.today(),
            );
            let mut text = Vec::new();
            for p in &placements {
                text.extend_from_slice(serde_json::to_string(p)?.as_bytes());
                text.push(b'\n');
            }
            match path {
                Some(p) => opstap_publish::write_file(&p, &text)?,
                None => out.write_all(&text)?,
            }
        }
        Command::Eval {
            vacancies,
            participants,
            placements,
            store,
            store_key,
            k,
            out: report,
            bootstrap,
            seed,
        } => {
            // From the store: its placements in a file of their own for the run.
            let from_store = match (&placements, &store) {
                (None, Some(_)) => Some(records::placements_file(
                    store.clone(),
                    store_key.clone(),
                    &participants,
                    cli.data_dir.as_deref(),
                )?),
                _ => None,
            };
            let placements = match (&from_store, placements) {
                (Some(f), _) => f.path().to_path_buf(),
                (None, Some(p)) => p,
                (None, None) => bail!("--placements or --store"),
            };
            let mut rankers: Vec<opstap_eval::Ranker> = Vec::new();
            if cli.config.is_empty() {
                rankers.push(opstap_eval::Ranker {
                    name: "opstap".into(),
                    kind: opstap_eval::RankerKind::Engine(Box::default()),
                });
            }
            for path in &cli.config {
                let name =
                    path.file_stem().map_or("config".into(), |s| s.to_string_lossy().into_owned());
                rankers.push(opstap_eval::Ranker {
                    name,
                    kind: opstap_eval::RankerKind::Engine(Box::new(load_config(Some(path))?)),
                });
            }
            rankers.extend(opstap_eval::Ranker::baselines());
            let options = opstap_eval::EvalOptions {
                k,
                today: matcher.today(),
                bootstrap_samples: bootstrap,
                seed,
            };
            let started = std::time::Instant::now();
            let evaluation =
                opstap_eval::evaluate(&vacancies, &participants, &placements, &rankers, &options)?;
            opstap_eval::report::write(&evaluation, &report)?;
            writeln!(
                out,
                "evaluated {} placed participants with {} rankers in {:.1} s; report in {}",
                evaluation.people.len(),
                evaluation.rankers.len(),
                started.elapsed().as_secs_f64(),
                report.display()
            )?;
            let all: Vec<usize> = (0..evaluation.people.len()).collect();
            for (r, ranker) in evaluation.rankers.iter().enumerate() {
                writeln!(
                    out,
                    "  {:<20} hit@{k} {:.3}  MRR {:.3}  nDCG@{k} {:.3}  fit@{k} {:.3}  hard-violation@{k} {:.3}",
                    ranker.name,
                    evaluation.interval(r, "hit", &all).mean,
                    evaluation.interval(r, "mrr", &all).mean,
                    evaluation.interval(r, "ndcg", &all).mean,
                    evaluation.interval(r, "fit", &all).mean,
                    evaluation.interval(r, "hard_violation", &all).mean,
                )?;
            }
        }
        Command::Generate {
            vacancies,
            participants,
            seed,
            out: path,
            posted_until,
            geography,
            ..
        } => {
            let generator = Generator::with_geography(geography);
            let record = |i: u64| -> serde_json::Result<String> {
                match vacancies {
                    Some(_) => serde_json::to_string(&generator.vacancy(seed, i, posted_until)),
                    None => serde_json::to_string(&generator.participant(seed, i, posted_until)),
                }
            };
            let Some(n) = vacancies.or(participants) else {
                bail!("say what to generate: --vacancies N or --participants N");
            };
            let mut text = Vec::new();
            for i in 0..n {
                text.extend_from_slice(record(i)?.as_bytes());
                text.push(b'\n');
            }
            match path {
                Some(p) => opstap_publish::write_file(&p, &text)?,
                None => out.write_all(&text)?,
            }
        }
    }
    Ok(())
}

fn progress_bar() -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template("{msg:>10} [{bar:40}] {pos}/{len} ({per_sec}, eta {eta})")
            .expect("valid template")
            .progress_chars("=> "),
    );
    bar
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}
