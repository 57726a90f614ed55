//! The scale bench: index build rate, `match` latency (top-20 with full explanations
//! and the step plan), index size on disk and resident memory, on generated data.
//!
//!     cargo bench --bench scale                         # 100k and 500k vacancies
//!     OPSTAP_BENCH_SIZES=20000 cargo bench --bench scale # other sizes
//!
//! `OPSTAP_BENCH_ONE_THREAD=1` keeps every query on the calling thread (for profiling).
//! Prints one line per size; nothing is asserted (benches measure, tests assert).

/// The allocator of the `opstap` binary, so that the figures are the command's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::time::Instant;

use opstap_benches::{
    dir_size_mib, matcher, participants, quantile, rss_mib, rss_parts_mib_of, write_vacancies,
};
use opstap_index::{IngestOptions, RankOptions, VacancyIndex};

fn main() -> anyhow::Result<()> {
    if std::env::args().any(|a| a == "--list") {
        return Ok(());
    }
    let sizes: Vec<u64> = std::env::var("OPSTAP_BENCH_SIZES")
        .unwrap_or_else(|_| "100000,500000".into())
        .split(',')
        .map(|s| s.trim().parse())
        .collect::<Result<_, _>>()?;
    let queries: u64 =
        std::env::var("OPSTAP_BENCH_QUERIES").ok().and_then(|s| s.parse().ok()).unwrap_or(200);
    let m = matcher();
    let people = participants(queries);
    println!(
        "machine: {} cores; queries per size: {queries}",
        std::thread::available_parallelism()?
    );
    for n in sizes {
        // OPSTAP_BENCH_KEEP=DIR keeps the index of each size in DIR/N and reuses it (for
        // profiling the match path without rebuilding).
        let tmp = tempfile::tempdir()?;
        let keep = std::env::var_os("OPSTAP_BENCH_KEEP")
            .map(|d| std::path::PathBuf::from(d).join(opstap_benches::kept_name("", n)));
        let data = keep.clone().unwrap_or_else(|| tmp.path().join("index"));
        let reuse = keep.is_some() && data.join("meta.json").try_exists()?;
        let (mut build_line, mut input_mib) = (String::from("reused index"), 0.0);
        if !reuse {
            let input = tmp.path().join("vacancies.jsonl");
            write_vacancies(&input, n)?;
            input_mib = std::fs::metadata(&input)?.len() as f64 / 1048576.0;
            let index = VacancyIndex::open(&data)?;
            let t = Instant::now();
            let report = index.ingest_file(&input, IngestOptions::default(), &mut |_| {})?;
            let build = t.elapsed().as_secs_f64();
            build_line =
                format!("build {build:.1} s = {:.0} vacancies/s", report.accepted as f64 / build);
        }

        // A fresh process state: reopen, then the first query loads the features.
        let index = VacancyIndex::open(&data)?;
        // OPSTAP_BENCH_ONE_THREAD=1 runs every query on the calling thread (for profiling
        // with a tool that follows one thread).
        let one_thread = std::env::var_os("OPSTAP_BENCH_ONE_THREAD").is_some();
        index.set_parallel_segments(!one_thread);
        let t = Instant::now();
        index.match_participant(&m, &people[0], 20, RankOptions::default())?;
        let first = t.elapsed().as_secs_f64() * 1000.0;
        let mut eligible = 0usize;
        let mut latencies = |options: RankOptions| -> anyhow::Result<Vec<f64>> {
            let mut lat = Vec::new();
            for p in &people {
                let t = Instant::now();
                let r = index.match_participant(&m, p, 20, options.clone())?;
                lat.push(t.elapsed().as_secs_f64() * 1000.0);
                eligible += r.eligible.unwrap_or(0);
            }
            lat.sort_by(f64::total_cmp);
            Ok(lat)
        };
        let lat = latencies(RankOptions::default())?;
        // The same on the calling thread only: the CPU time one call costs, which bounds
        // the throughput of a server whose cores are all busy.
        index.set_parallel_segments(false);
        let lat_one_thread = latencies(RankOptions::default())?;
        index.set_parallel_segments(!one_thread);
        // OPSTAP_BENCH_ONLY_TOP=1 measures the plain top-k pass only (for profiling it).
        let only_top = std::env::var_os("OPSTAP_BENCH_ONLY_TOP").is_some();
        let lat_count = if only_top {
            vec![]
        } else {
            latencies(RankOptions { count_eligible: true, ..RankOptions::default() })?
        };
        let lat_plan = if only_top { vec![] } else { latencies(RankOptions::FULL)? };
        let (rss, peak) = rss_mib();
        let (anon, file) = rss_parts_mib_of("self");
        println!(
            "{n} vacancies ({input_mib:.0} MiB JSONL): {build_line}; index {:.0} MiB on disk, {} segments; \
             first match {first:.0} ms (loads features); match top-20 with explanations p50 {:.2} ms, p99 {:.2} ms (on one thread: p50 {:.2} ms, mean {:.2} ms); \
             with the eligible count p50 {:.2} ms, p99 {:.2} ms; with count and step plan p50 {:.2} ms, p99 {:.2} ms; \
             mean eligible {:.0}; \
             RSS {rss:.0} MiB (peak {peak:.0} MiB; anonymous {anon:.0} MiB, mapped files {file:.0} MiB)",
            dir_size_mib(&data),
            index.stats().segments,
            quantile(&lat, 0.5),
            quantile(&lat, 0.99),
            quantile(&lat_one_thread, 0.5),
            lat_one_thread.iter().sum::<f64>() / lat_one_thread.len() as f64,
            quantile(&lat_count, 0.5),
            quantile(&lat_count, 0.99),
            quantile(&lat_plan, 0.5),
            quantile(&lat_plan, 0.99),
            eligible as f64 / (2 * people.len()) as f64,
        );
    }
    Ok(())
}
