//! The gRPC load bench: `MatchVacancies` (top-20 with full explanations, reasons rendered)
//! over loopback, with N concurrent clients, against `opstap serve` running as its own
//! process on generated vacancies. Reports calls/s and p50/p99 latency per concurrency,
//! the server's resident memory, and the in-process cost of the same call for comparison.
//!
//!     cargo build --release -p opstap && cargo bench --bench grpc_load
//!
//! Environment: OPSTAP_BENCH_VACANCIES (default 500000), OPSTAP_BENCH_CLIENTS ("1,8,64"),
//! OPSTAP_BENCH_CALLS (calls per concurrency level, default 3000), OPSTAP_BENCH_STORE (`none`: no records),
//! OPSTAP_BENCH_OVERLOAD (`0`: skip the overload phase), OPSTAP_BENCH_KEEP=DIR
//! (keep and reuse the index in DIR/grpc-N), OPSTAP_BIN (the server binary; default
//! target/release/opstap). Nothing is asserted: benches measure, tests assert.

/// The allocator of the `opstap` binary, so that the figures are the command's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use anyhow::{Context, bail};
use opstap_benches::{
    cpu_seconds_of, matcher, participants, quantile, rss_mib_of, write_vacancies,
};
use opstap_grpc::convert::participant_to_pb;
use opstap_index::{IngestOptions, RankOptions, VacancyIndex};
use opstap_proto::v1 as pb;
use pb::match_service_client::MatchServiceClient;

const TOKEN: &str = "bench-token-0000000000";
const PAGE: u32 = 20;

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name).ok().and_then(|s| s.parse().ok()).unwrap_or(default)
}

fn main() -> anyhow::Result<()> {
    if std::env::args().any(|a| a == "--list") {
        return Ok(());
    }
    let n: u64 = env_or("OPSTAP_BENCH_VACANCIES", 500_000);
    let calls: usize = env_or("OPSTAP_BENCH_CALLS", 3000);
    let levels: Vec<usize> = std::env::var("OPSTAP_BENCH_CLIENTS")
        .unwrap_or_else(|_| "1,8,64".into())
        .split(',')
        .map(|s| s.trim().parse())
        .collect::<Result<_, _>>()?;
    let binary = std::env::var_os("OPSTAP_BIN").map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../target/release/opstap"))
    });
    if !binary.try_exists()? {
        bail!(
            "{}: no server binary; run `cargo build --release -p opstap` first",
            binary.display()
        );
    }

    let tmp = tempfile::tempdir()?;
    let data = std::env::var_os("OPSTAP_BENCH_KEEP")
        .map(|d| PathBuf::from(d).join(opstap_benches::kept_name("grpc-", n)))
        .unwrap_or_else(|| tmp.path().join("index"));
    if !data.join("meta.json").try_exists()? {
        let input = tmp.path().join("vacancies.jsonl");
        write_vacancies(&input, n)?;
        let t = Instant::now();
        VacancyIndex::open(&data)?.ingest_file(&input, IngestOptions::default(), &mut |_| {})?;
        println!("built {n} vacancies in {:.1} s", t.elapsed().as_secs_f64());
    }
    let people = participants(200);

    // The same call in-process: match_page + rendering, no network, no proto.
    let in_process = {
        let index = VacancyIndex::open(&data)?;
        let m = matcher();
        index.match_participant(&m, &people[0], PAGE as usize, RankOptions::default())?;
        let catalog =
            opstap_core::Catalog::get(opstap_core::Locale::Nl, opstap_core::Voice::Caseworker);
        let mut lat: Vec<f64> = people
            .iter()
            .map(|p| {
                let t = Instant::now();
                let mut r = index
                    .match_participant(&m, p, PAGE as usize, RankOptions::default())
                    .expect("match");
                for x in &mut r.matches {
                    catalog
                        .render_explanation(&mut x.explanation, opstap_core::Taxonomy::embedded());
                }
                t.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        lat.sort_by(f64::total_cmp);
        (quantile(&lat, 0.5), quantile(&lat, 0.99), lat.iter().sum::<f64>() / lat.len() as f64)
    };
    println!(
        "in-process match (top-{PAGE}, rendered), {n} vacancies: p50 {:.1} ms, p99 {:.1} ms, mean {:.1} ms",
        in_process.0, in_process.1, in_process.2
    );

    let mut server = Command::new(&binary)
        .args(["--today", "2026-11-01", "--data-dir"])
        .arg(&data)
        .args(["serve", "--address", "127.0.0.1:0", "--tokens", &format!("batch:{TOKEN}")])
        // `OPSTAP_BENCH_STORE=none` serves without records (no audit trail), to measure
        // what the audit costs; by default the server keeps them in the data dir.
        .args(
            std::env::var("OPSTAP_BENCH_STORE")
                .map(|s| vec!["--store".to_owned(), s])
                .unwrap_or_default(),
        )
        .env("RUST_LOG", "opstap=warn")
        .stdout(Stdio::piped())
        .spawn()
        .context("starting the server")?;
    let line = BufReader::new(server.stdout.take().expect("piped"))
        .lines()
        .next()
        .context("no output from the server")??;
    let address = line.rsplit("://").next().context("no address")?.to_owned();
    let pid = server.id();
    println!(
        "server pid {pid} on {address}: RSS after start {:.0} MiB",
        rss_mib_of(&pid.to_string()).0
    );

    let requests: Arc<Vec<pb::MatchVacanciesRequest>> = Arc::new(
        people
            .iter()
            .map(|p| pb::MatchVacanciesRequest {
                participant: Some(participant_to_pb(p.clone())),
                page_size: PAGE,
                locale: "nl".into(),
                ..Default::default()
            })
            .collect(),
    );
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async {
        let url = format!("http://{address}");
        // Warm up: load the features of every segment.
        let channel = tonic::transport::Endpoint::from_shared(url.clone())?.connect().await?;
        for r in requests.iter().take(20) {
            call(&mut MatchServiceClient::new(channel.clone()), r.clone()).await?;
        }
        println!(
            "| clients | calls | calls/s | p50 ms | p99 ms | server CPU ms per call | client CPU ms per call | server RSS MiB (peak) |"
        );
        println!("|---|---|---|---|---|---|---|---|");
        for &clients in &levels {
            let next = Arc::new(AtomicUsize::new(0));
            let cpu = (cpu_seconds_of(&pid.to_string()), cpu_seconds_of("self"));
            let t = Instant::now();
            let mut tasks = Vec::new();
            for _ in 0..clients {
                let (next, requests, url) = (next.clone(), requests.clone(), url.clone());
                tasks.push(tokio::spawn(async move {
                    let channel = tonic::transport::Endpoint::from_shared(url)?.connect().await?;
                    let mut client = MatchServiceClient::new(channel);
                    let mut lat = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= calls {
                            return anyhow::Ok(lat);
                        }
                        let request = requests[i % requests.len()].clone();
                        let t = Instant::now();
                        call(&mut client, request).await?;
                        lat.push(t.elapsed().as_secs_f64() * 1000.0);
                    }
                }));
            }
            let mut lat = Vec::new();
            for task in tasks {
                lat.extend(task.await??);
            }
            let wall = t.elapsed().as_secs_f64();
            lat.sort_by(f64::total_cmp);
            let (rss, peak) = rss_mib_of(&pid.to_string());
            let per_call = |before: f64, now: f64| (now - before) * 1000.0 / lat.len() as f64;
            println!(
                "| {clients} | {} | {:.0} | {:.1} | {:.1} | {:.1} | {:.1} | {rss:.0} ({peak:.0}) |",
                lat.len(),
                lat.len() as f64 / wall,
                quantile(&lat, 0.5),
                quantile(&lat, 0.99),
                per_call(cpu.0, cpu_seconds_of(&pid.to_string())),
                per_call(cpu.1, cpu_seconds_of("self")),
            );
        }
        // OPSTAP_BENCH_OVERLOAD=0 skips the overload phase (for profiling the server).
        if std::env::var("OPSTAP_BENCH_OVERLOAD").as_deref() != Ok("0") {
            overload(&url, &requests).await?;
        }
        anyhow::Ok(())
    })?;
    let _ = Command::new("kill").args(["-TERM", &pid.to_string()]).status();
    server.wait()?;
    Ok(())
}

/// 64 clients send heavy calls (100 matches, the eligible count and the step plan) with a
/// 0.3 s deadline, back to back, for 20 s; meanwhile one client sends top-20 calls one
/// after another. Reports the small calls' latency and how the heavy ones ended.
async fn overload(url: &str, requests: &Arc<Vec<pb::MatchVacanciesRequest>>) -> anyhow::Result<()> {
    const HEAVY_CLIENTS: usize = 64;
    let until = Instant::now() + std::time::Duration::from_secs(20);
    let mut heavy = Vec::new();
    for c in 0..HEAVY_CLIENTS {
        let (requests, url) = (requests.clone(), url.to_owned());
        heavy.push(tokio::spawn(async move {
            let channel = tonic::transport::Endpoint::from_shared(url)?.connect().await?;
            let mut client = MatchServiceClient::new(channel);
            let mut outcomes: std::collections::BTreeMap<String, usize> = Default::default();
            let mut i = c;
            while Instant::now() < until {
                let mut request = requests[i % requests.len()].clone();
                request.page_size = 100;
                request.count_eligible = true;
                request.include_plan = true;
                let mut r = tonic::Request::new(request);
                r.set_timeout(std::time::Duration::from_millis(300));
                r.metadata_mut().insert("authorization", format!("Bearer {TOKEN}").parse()?);
                let code = match client.match_vacancies(r).await {
                    Ok(_) => tonic::Code::Ok,
                    Err(status) => status.code(),
                };
                *outcomes.entry(format!("{code:?}")).or_default() += 1;
                if code == tonic::Code::Unavailable {
                    // Shed: the retry hint says a second; a well-behaved client waits.
                    tokio::time::sleep(std::time::Duration::from_millis(1000)).await;
                }
                i += HEAVY_CLIENTS;
            }
            anyhow::Ok(outcomes)
        }));
    }
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let channel = tonic::transport::Endpoint::from_shared(url.to_owned())?.connect().await?;
    let mut client = MatchServiceClient::new(channel);
    let mut lat = Vec::new();
    let mut i = 0;
    while Instant::now() < until {
        let t = Instant::now();
        call(&mut client, requests[i % requests.len()].clone()).await?;
        lat.push(t.elapsed().as_secs_f64() * 1000.0);
        i += 1;
    }
    let mut outcomes: std::collections::BTreeMap<String, usize> = Default::default();
    for h in heavy {
        for (code, n) in h.await?? {
            *outcomes.entry(code).or_default() += n;
        }
    }
    lat.sort_by(f64::total_cmp);
    println!(
        "overload: {HEAVY_CLIENTS} clients of heavy calls (100 matches, count, plan, 0.3 s deadline) for 20 s: {outcomes:?}; \
         meanwhile {} top-{PAGE} calls from one client: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        lat.len(),
        quantile(&lat, 0.5),
        quantile(&lat, 0.99),
        lat.last().copied().unwrap_or(0.0),
    );
    Ok(())
}

async fn call(
    client: &mut MatchServiceClient<tonic::transport::Channel>,
    request: pb::MatchVacanciesRequest,
) -> anyhow::Result<()> {
    let mut r = tonic::Request::new(request);
    r.metadata_mut().insert("authorization", format!("Bearer {TOKEN}").parse()?);
    let reply = client.match_vacancies(r).await?.into_inner();
    anyhow::ensure!(reply.matches.len() <= PAGE as usize);
    Ok(())
}
