//! The scale bench: index build rate, `match` latency (top-20 with full explanations
//! and the step plan), index size on disk and resident memory, on generated data.
//!
//!     cargo bench --bench scale                         # 100k and 500k vacancies
//!     OPSTAP_BENCH_SIZES=20000 cargo bench --bench scale # other sizes
//!
//! Prints one line per size; nothing is asserted (benches measure, tests assert).

use std::time::Instant;

use opstap_benches::{dir_size_mib, matcher, participants, quantile, rss_mib, write_vacancies};
use opstap_index::{IngestOptions, VacancyIndex};

fn main() -> anyhow::Result<()> {
    if std::env::args().any(|a| a == "--list") {
        return Ok(());
    }
    let sizes: Vec<u64> = std::env::var("OPSTAP_BENCH_SIZES")
        .unwrap_or_else(|_| "100000,500000".into())
        .split(',')
        .map(|s| s.trim().parse())
        .collect::<Result<_, _>>()?;
    let queries: u64 = std::env::var("OPSTAP_BENCH_QUERIES").ok().and_then(|s| s.parse().ok()).unwrap_or(200);
    let m = matcher();
    let people = participants(queries);
    println!("machine: {} cores; queries per size: {queries}", std::thread::available_parallelism()?);
    for n in sizes {
        let tmp = tempfile::tempdir()?;
        let input = tmp.path().join("vacancies.jsonl");
        write_vacancies(&input, n)?;
        let input_mib = std::fs::metadata(&input)?.len() as f64 / 1048576.0;
        let data = tmp.path().join("index");
        let index = VacancyIndex::open(&data)?;
        let t = Instant::now();
        let report = index.ingest_file(&input, IngestOptions::default(), &mut |_| {})?;
        let build = t.elapsed().as_secs_f64();
        drop(index);

        // A fresh process state: reopen, then the first query loads the features.
        let index = VacancyIndex::open(&data)?;
        let t = Instant::now();
        index.match_participant(&m, &people[0], 20)?;
        let first = t.elapsed().as_secs_f64() * 1000.0;
        let mut lat = Vec::new();
        let mut eligible = 0usize;
        for p in &people {
            let t = Instant::now();
            let r = index.match_participant(&m, p, 20)?;
            lat.push(t.elapsed().as_secs_f64() * 1000.0);
            eligible += r.eligible;
        }
        lat.sort_by(f64::total_cmp);
        let (rss, peak) = rss_mib();
        println!(
            "{n} vacancies ({input_mib:.0} MiB JSONL): build {build:.1} s = {:.0} vacancies/s; index {:.0} MiB on disk, {} segments; \
             first match {first:.0} ms (loads features); match top-20+explain+plan p50 {:.2} ms, p99 {:.2} ms, mean eligible {:.0}; \
             RSS {rss:.0} MiB (peak {peak:.0} MiB)",
            report.accepted as f64 / build,
            dir_size_mib(&data),
            index.stats().segments,
            quantile(&lat, 0.5),
            quantile(&lat, 0.99),
            eligible as f64 / people.len() as f64,
        );
    }
    Ok(())
}
