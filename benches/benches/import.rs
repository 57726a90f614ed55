//! Import speed: schema.org JobPostings → validated contract vacancies, single thread, as
//! `opstap import` runs. Inputs are the labelled fixture postings, repeated with fresh
//! identifiers: JSON lines of JobPosting objects (`OPSTAP_BENCH_POSTINGS`, default 40,000,
//! a municipality's Monday export) and whole HTML pages (`OPSTAP_BENCH_PAGES`, default
//! 5,000). `cargo bench --bench import`.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::Path;
use std::time::Instant;

use opstap_core::Taxonomy;
use opstap_import::{DocumentKind, Importer};
use serde_json::Value;

fn env(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn main() -> anyhow::Result<()> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/postings/tuning");
    let mut postings: Vec<Value> = Vec::new();
    let mut pages: Vec<String> = Vec::new();
    let mut names: Vec<_> =
        std::fs::read_dir(&dir)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    names.sort();
    for path in names {
        let text = std::fs::read_to_string(&path)?;
        let blocks: Vec<String> = match DocumentKind::for_path(&path) {
            DocumentKind::Html => {
                pages.push(text.clone());
                opstap_import::html::json_ld_blocks(&text)
                    .iter()
                    .map(|b| b.text.to_owned())
                    .collect()
            }
            DocumentKind::Json if path.file_name().is_some_and(|n| n != "gold.jsonl") => vec![text],
            _ => continue,
        };
        for b in blocks {
            collect(&serde_json::from_str(&b)?, &mut postings);
        }
    }
    let importer = Importer::new(Taxonomy::embedded())?;

    let n = env("OPSTAP_BENCH_POSTINGS", 40_000);
    let mut lines = String::new();
    for i in 0..n {
        let mut p = postings[i % postings.len()].clone();
        p["identifier"] = Value::String(format!("bench-{i}"));
        lines.push_str(&serde_json::to_string(&p)?);
        lines.push('\n');
    }
    let started = Instant::now();
    let (mut ok, mut bad) = (0usize, 0usize);
    for (i, line) in lines.lines().enumerate() {
        importer.read_json_line("bench", i + 1, line, &mut |r| match r {
            Ok(_) => ok += 1,
            Err(_) => bad += 1,
        });
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "JSON lines: {ok} imported, {bad} rejected of {n} postings ({:.1} MB) in {secs:.2} s: {:.0} postings/s",
        lines.len() as f64 / 1e6,
        n as f64 / secs
    );

    let m = env("OPSTAP_BENCH_PAGES", 5_000);
    let bytes: usize = (0..m).map(|i| pages[i % pages.len()].len()).sum();
    let started = Instant::now();
    let (mut ok, mut bad) = (0usize, 0usize);
    for i in 0..m {
        importer.read_document("bench", &pages[i % pages.len()], DocumentKind::Html, &mut |r| {
            match r {
                Ok(_) => ok += 1,
                Err(_) => bad += 1,
            }
        });
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "HTML pages: {ok} imported, {bad} rejected of {m} pages ({:.1} MB) in {secs:.2} s: {:.0} pages/s",
        bytes as f64 / 1e6,
        m as f64 / secs
    );
    Ok(())
}

fn collect(v: &Value, out: &mut Vec<Value>) {
    match v {
        Value::Object(o) if o.get("@type").and_then(Value::as_str) == Some("JobPosting") => {
            out.push(v.clone())
        }
        Value::Object(o) => {
            if let Some(g) = o.get("@graph") {
                collect(g, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| collect(x, out)),
        _ => {}
    }
}
