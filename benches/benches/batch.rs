//! The nightly batch at scale: participants/s for top-20 with explanations, the eligible
//! count and the step plan (what `opstap batch` writes), against generated vacancies;
//! 1 and 2 worker threads; peak memory.
//!
//!     cargo bench --bench batch
//!
//! Environment: OPSTAP_BENCH_SIZES (vacancies, default "100000,500000"),
//! OPSTAP_BENCH_PARTICIPANTS (default 1000), OPSTAP_BENCH_THREADS (default "1,2"),
//! OPSTAP_BENCH_KEEP=DIR (keep and reuse the indexes in DIR/N, shared with the scale
//! bench), OPSTAP_BENCH_PAGES (default "none": also write every participant's printable
//! page in these locales, e.g. "none,ar"). Nothing is asserted: benches measure, tests
//! assert.

/// The allocator of the `opstap` binary, so that the figures are the command's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use opstap_batch::BatchOptions;
use opstap_benches::{cpu_seconds_of, matcher, participants, rss_mib, write_vacancies};
use opstap_core::{Catalog, Locale, Voice};
use opstap_index::{IngestOptions, RankOptions, VacancyIndex};

fn list(name: &str, default: &str) -> anyhow::Result<Vec<usize>> {
    Ok(std::env::var(name)
        .unwrap_or_else(|_| default.into())
        .split(',')
        .map(|s| s.trim().parse())
        .collect::<Result<_, _>>()?)
}

fn main() -> anyhow::Result<()> {
    if std::env::args().any(|a| a == "--list") {
        return Ok(());
    }
    let sizes = list("OPSTAP_BENCH_SIZES", "100000,500000")?;
    let threads = list("OPSTAP_BENCH_THREADS", "1,2")?;
    let n: u64 = std::env::var("OPSTAP_BENCH_PARTICIPANTS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1000);
    let tmp = tempfile::tempdir()?;
    let input = tmp.path().join("participants.jsonl");
    let mut w = std::io::BufWriter::new(std::fs::File::create(&input)?);
    for p in participants(n) {
        serde_json::to_writer(&mut w, &p)?;
        w.write_all(b"\n")?;
    }
    w.flush()?;
    drop(w);
    let pages: Vec<Option<Locale>> = std::env::var("OPSTAP_BENCH_PAGES")
        .unwrap_or_else(|_| "none".into())
        .split(',')
        .map(|s| match s.trim() {
            "none" => Ok(None),
            code => code.parse().map(Some).map_err(anyhow::Error::msg),
        })
        .collect::<anyhow::Result<_>>()?;
    let m = matcher();
    println!(
        "| vacancies | participants | threads | pages | participants/s | 100k participants would take | CPU ms per participant | RSS MiB (peak) |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    for size in sizes {
        let data = std::env::var_os("OPSTAP_BENCH_KEEP")
            .map(|d| PathBuf::from(d).join(opstap_benches::kept_name("", size as u64)))
            .unwrap_or_else(|| tmp.path().join(format!("index-{size}")));
        if !data.join("meta.json").try_exists()? {
            let vacancies = tmp.path().join("vacancies.jsonl");
            write_vacancies(&vacancies, size as u64)?;
            VacancyIndex::open(&data)?.ingest_file(
                &vacancies,
                IngestOptions::default(),
                &mut |_| {},
            )?;
        }
        let index = VacancyIndex::open(&data)?;
        // Once per run, not per participant: reading the compiled vacancies of every
        // segment (the first match does it).
        let started = Instant::now();
        let warm = &participants(1)[0];
        index.match_participant(&m, warm, 20, RankOptions::default())?;
        eprintln!("{size} vacancies: loaded in {:.1} s", started.elapsed().as_secs_f64());
        for (&t, &locale) in threads.iter().flat_map(|t| pages.iter().map(move |l| (t, l))) {
            let out = tmp.path().join(format!("out-{size}-{t}"));
            let page = locale.map(|l| Catalog::get(l, Voice::Participant));
            let options =
                BatchOptions { top: 20, threads: t, previous: None, pages: page, shard: None };
            let (started, cpu) = (Instant::now(), cpu_seconds_of("self"));
            let report = opstap_batch::run(&index, &m, &input, &out, &options, &mut |_| {})?;
            let secs = started.elapsed().as_secs_f64();
            let matched = report.summary.participants.matched as f64;
            let cpu_ms = (cpu_seconds_of("self") - cpu) * 1000.0 / matched;
            let rate = matched / secs;
            let (rss, peak) = rss_mib();
            println!(
                "| {size} | {matched} | {t} | {} | {rate:.1} | {:.0} min | {cpu_ms:.1} | {rss:.0} ({peak:.0}) |",
                locale.map_or("none", Locale::as_str),
                100_000.0 / rate / 60.0
            );
        }
    }
    Ok(())
}
