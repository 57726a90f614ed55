//! `opstap import` (schema.org JobPosting → contract vacancies, written or indexed) and
//! `opstap import-eval` (the labelled benchmark's precision and recall).

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::Args;
use opstap_core::Taxonomy;
use opstap_import::gold::{self, GoldReport, Score};
use opstap_import::{DocumentKind, Imported, Importer, Overrides, Rejected};
use opstap_index::IngestOptions;
use serde::Serialize;

use crate::datadir;

#[derive(Args, Debug)]
pub(crate) struct ImportArgs {
    /// Files or directories of postings (`.html`, `.json`, `.jsonl`, `.jsonld`; a
    /// directory is read whole, in name order), or `-` for stdin.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Write the vacancies as JSON lines to this file (replaced whole when the import
    /// completes). Without --out and --index they go to stdout.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Index the vacancies into the data dir, in one commit (upsert by id).
    #[arg(long)]
    index: bool,
    /// Corrections: JSON lines `{"id": "…", "patch": {…}}`, each a JSON merge patch
    /// over the imported vacancy.
    #[arg(long)]
    overrides: Option<PathBuf>,
    /// The extraction report (JSON lines, one per posting: what was read, from which
    /// words, what was left out and why). Default with --out: OUT.report.jsonl.
    #[arg(long)]
    report: Option<PathBuf>,
    /// Where postings that could not be imported go, with reasons. Default:
    /// OUT.rejected.jsonl, else INPUT.rejected.jsonl beside the first input (for stdin:
    /// import.rejected.jsonl in the current directory).
    #[arg(long)]
    rejected: Option<PathBuf>,
    /// Import nothing when any posting is rejected.
    #[arg(long)]
    strict: bool,
}

#[derive(Args, Debug)]
pub(crate) struct ImportEvalArgs {
    /// Labelled folders (posting files and gold.jsonl), e.g. fixtures/postings/held-out.
    #[arg(required = true)]
    dirs: Vec<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    /// List every posting where the import and the gold differ.
    #[arg(long)]
    mistakes: bool,
    /// Fail (exit 1) when the hard requirements' precision in any folder is below this.
    #[arg(long)]
    require_precision: Option<f64>,
    /// Fail (exit 1) when the hard requirements' recall in any folder is below this.
    #[arg(long)]
    require_recall: Option<f64>,
}

/// One line of the extraction report.
#[derive(Serialize)]
struct ReportLine<'a> {
    source: &'a str,
    position: &'a str,
    id: &'a str,
    title: &'a str,
    extracted: &'a [opstap_core::model::Evidence],
    not_required: &'a [opstap_core::model::Evidence],
    notes: &'a [String],
}

/// The files an input names: itself, or a directory's posting files (recursively, in
/// name order, hidden ones skipped).
fn files(input: &Path) -> Result<Vec<PathBuf>> {
    if input.as_os_str() == "-" || !input.is_dir() {
        return Ok(vec![input.to_path_buf()]);
    }
    let mut out = Vec::new();
    let mut stack = vec![input.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries =
            std::fs::read_dir(&dir).with_context(|| format!("reading {}", dir.display()))?;
        for entry in entries {
            let path = entry?.path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name.starts_with('.') {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else if DocumentKind::for_path(&path) != DocumentKind::Sniff
                && !name.ends_with(".rejected.jsonl")
                && !name.ends_with(".report.jsonl")
                && name != "gold.jsonl"
            {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

/// Where the imported vacancies go.
enum Sink {
    /// `--out`: put in place whole when the import completes.
    File(opstap_publish::AtomicFile),
    /// `--index` without `--out`: a temporary file the index ingests, then removed.
    Temporary(PathBuf, std::io::BufWriter<std::fs::File>),
    Stdout(std::io::StdoutLock<'static>),
}

impl Sink {
    fn writer(&mut self) -> &mut dyn Write {
        match self {
            Sink::File(f) => f,
            Sink::Temporary(_, f) => f,
            Sink::Stdout(s) => s,
        }
    }
}

/// Removes the temporary file of an import into the index, however the run ends.
struct RemoveOnDrop(Option<PathBuf>);

impl Drop for RemoveOnDrop {
    fn drop(&mut self) {
        if let Some(p) = &self.0 {
            let _ = std::fs::remove_file(p);
        }
    }
}

pub(crate) fn run(args: ImportArgs, data_dir: Option<&Path>) -> Result<()> {
    let started = std::time::Instant::now();
    let mut importer = Importer::new(Taxonomy::embedded())?;
    if let Some(path) = &args.overrides {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        importer = importer.with_overrides(Overrides::parse(&path.display().to_string(), &text)?);
    }
    let mut cleanup = RemoveOnDrop(None);
    let mut sink = match (&args.out, args.index) {
        (Some(path), _) => Sink::File(opstap_publish::AtomicFile::create(path)?),
        (None, true) => {
            let path =
                std::env::temp_dir().join(format!("opstap-import-{}.jsonl", std::process::id()));
            let file = std::fs::File::create(&path)
                .with_context(|| format!("creating {}", path.display()))?;
            cleanup.0 = Some(path.clone());
            Sink::Temporary(path, std::io::BufWriter::with_capacity(1 << 20, file))
        }
        (None, false) => Sink::Stdout(std::io::stdout().lock()),
    };
    let report_path =
        args.report.clone().or_else(|| args.out.as_ref().map(|o| sibling(o, ".report.jsonl")));
    let mut report = report_path.as_deref().map(opstap_publish::AtomicFile::create).transpose()?;
    let mut rejected: Vec<Rejected> = Vec::new();
    let mut first_at: HashMap<String, String> = HashMap::new();
    let mut imported = 0usize;
    let mut write_error: Option<std::io::Error> = None;
    let mut on_posting = |r: Result<Imported, Rejected>| match r {
        Err(e) => rejected.push(e),
        Ok(i) => {
            let here = format!("{} {}", i.source, i.position);
            if let Some(first) = first_at.get(&i.vacancy.id) {
                rejected.push(Rejected {
                    source: i.source.clone(),
                    position: i.position.clone(),
                    field: "id".into(),
                    reason: format!(
                        "duplicate id `{}`, first at {first}; a posting's identifier (or url) must be unique in an import",
                        i.vacancy.id
                    ),
                });
                return;
            }
            first_at.insert(i.vacancy.id.clone(), here);
            let mut written = serde_json::to_writer(sink.writer(), &i.vacancy)
                .map_err(std::io::Error::from)
                .and_then(|()| sink.writer().write_all(b"\n"));
            if let Some(report) = &mut report {
                let line = ReportLine {
                    source: &i.source,
                    position: &i.position,
                    id: &i.vacancy.id,
                    title: &i.vacancy.title,
                    extracted: &i.vacancy.extracted,
                    not_required: &i.not_required,
                    notes: &i.notes,
                };
                written = written
                    .and_then(|()| serde_json::to_writer(&mut *report, &line).map_err(Into::into))
                    .and_then(|()| report.write_all(b"\n"));
            }
            if let Err(e) = written {
                write_error.get_or_insert(e);
            }
            imported += 1;
        }
    };
    let mut read_bytes = 0u64;
    for input in &args.inputs {
        for file in files(input)? {
            let name = file.display().to_string();
            let kind = DocumentKind::for_path(&file);
            if file.as_os_str() == "-" {
                let mut text = String::new();
                std::io::stdin().read_to_string(&mut text).context("reading stdin")?;
                read_bytes += text.len() as u64;
                importer.read_document("-", &text, DocumentKind::Sniff, &mut on_posting);
            } else if matches!(file.extension().and_then(|e| e.to_str()), Some("jsonl" | "ndjson"))
            {
                // JSON lines are streamed: a board's export of any size fits.
                let f = std::fs::File::open(&file)
                    .with_context(|| format!("reading {}", file.display()))?;
                for (i, line) in BufReader::with_capacity(1 << 20, f).lines().enumerate() {
                    let line = line.with_context(|| format!("{name}:{}", i + 1))?;
                    read_bytes += line.len() as u64 + 1;
                    importer.read_json_line(&name, i + 1, &line, &mut on_posting);
                }
            } else {
                let text = std::fs::read_to_string(&file)
                    .with_context(|| format!("reading {}", file.display()))?;
                read_bytes += text.len() as u64;
                importer.read_document(&name, &text, kind, &mut on_posting);
            }
        }
    }
    if let Some(e) = write_error {
        return Err(e).context("writing the imported vacancies");
    }
    let total = imported + rejected.len();
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "read {total} postings ({:.1} MB) in {secs:.2} s ({:.0} postings/s): {imported} imported, {} rejected",
        read_bytes as f64 / 1e6,
        total as f64 / secs.max(1e-9),
        rejected.len()
    );
    if !rejected.is_empty() {
        let path =
            args.rejected.clone().unwrap_or_else(|| match (&args.out, args.inputs.first()) {
                (Some(o), _) => sibling(o, ".rejected.jsonl"),
                (None, Some(input)) if input.as_os_str() != "-" => {
                    sibling(input.as_path().components().as_path(), ".rejected.jsonl")
                }
                _ => PathBuf::from("import.rejected.jsonl"),
            });
        let mut text = String::new();
        for r in &rejected {
            text.push_str(&serde_json::to_string(r)?);
            text.push('\n');
        }
        opstap_publish::write_file(&path, text.as_bytes())?;
        eprintln!("rejected postings, with file, position, field and reason: {}", path.display());
        for r in rejected.iter().take(5) {
            eprintln!("  {r}");
        }
        if args.strict {
            bail!("--strict: nothing written or indexed, {} postings rejected", rejected.len());
        }
    }
    if let (Some(report), Some(path)) = (report, &report_path) {
        report.commit()?;
        eprintln!("extraction report: {}", path.display());
    }
    let ingest_from = match sink {
        Sink::File(f) => {
            f.commit()?;
            args.out.clone()
        }
        Sink::Temporary(path, mut f) => {
            f.flush().context("writing the temporary import file")?;
            Some(path)
        }
        Sink::Stdout(mut s) => {
            s.flush()?;
            None
        }
    };
    if args.index
        && imported > 0
        && let Some(path) = ingest_from
    {
        let (dir, index) = datadir::open_for_writing(data_dir)?;
        let report =
            index.ingest_file(&path, IngestOptions { skip_invalid: false }, &mut |_| {})?;
        eprintln!(
            "indexed {} vacancies into {} in one commit; the index holds {}",
            report.accepted,
            dir.display(),
            report.index_total
        );
    }
    Ok(())
}

fn score_line(s: &Score) -> String {
    format!(
        "  {:<24} precision {:.3}  recall {:.3}   (tp {}, fp {}, fn {})",
        s.kind,
        s.precision(),
        s.recall(),
        s.true_positives,
        s.false_positives,
        s.false_negatives
    )
}

pub(crate) fn eval(args: ImportEvalArgs, out: &mut impl Write) -> Result<()> {
    let importer = Importer::new(Taxonomy::embedded())?;
    let mut reports: Vec<GoldReport> = Vec::new();
    for dir in &args.dirs {
        reports.push(gold::evaluate(dir, &importer)?);
    }
    if args.json {
        serde_json::to_writer_pretty(&mut *out, &reports)?;
        writeln!(out)?;
    } else {
        for r in &reports {
            writeln!(out, "{} ({} postings)", r.set, r.postings)?;
            writeln!(out, " hard requirements:")?;
            for s in &r.hard {
                writeln!(out, "{}", score_line(s))?;
            }
            writeln!(out, "{}", score_line(&r.hard_overall))?;
            writeln!(out, " offers, conditions, application, TWV stance:")?;
            for s in &r.soft {
                writeln!(out, "{}", score_line(s))?;
            }
            for e in &r.rejected {
                writeln!(out, "  rejected: {e}")?;
            }
            if args.mistakes {
                for m in &r.mistakes {
                    writeln!(
                        out,
                        "  {} {}: expected {:?}, got {:?}",
                        m.file, m.kind, m.expected, m.got
                    )?;
                }
            }
            writeln!(out)?;
        }
    }
    for r in &reports {
        let o = &r.hard_overall;
        if let Some(p) = args.require_precision
            && o.precision() < p
        {
            bail!("{}: hard-requirement precision {:.3} < {p}", r.set, o.precision());
        }
        if let Some(q) = args.require_recall
            && o.recall() < q
        {
            bail!("{}: hard-requirement recall {:.3} < {q}", r.set, o.recall());
        }
    }
    Ok(())
}
