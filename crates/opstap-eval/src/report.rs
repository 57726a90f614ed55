//! The report directory: `metrics.json`, `metrics.csv`, `report.md`, a self-contained
//! `report.html` with SVG plots, and TREC files (`qrels.trec`, `run.<ranker>.trec`) so the
//! numbers can be reproduced with standard tools. Written into a temporary directory
//! beside the destination and renamed into place.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use opstap_core::SelfDevelopment;
use serde_json::{Value, json};

use crate::metrics::Interval;
use crate::{EvalError, Evaluation, METRICS};

/// Metrics shown in the charts and the summary table.
const SHOWN: [&str; 8] =
    ["hit", "mrr", "ndcg", "fit", "fit_ideal", "hard_violation", "coverage", "fitting_exposure"];

fn label(metric: &str, k: usize) -> String {
    match metric {
        "hit" => format!("hit-rate@{k}"),
        "recall" => format!("recall@{k}"),
        "mrr" => "MRR".into(),
        "ndcg" => format!("nDCG@{k} (graded)"),
        "ndcg_binary" => format!("nDCG@{k} (binary)"),
        "fit" => format!("fit@{k}"),
        "fit_ideal" => format!("ideal-normalised fit@{k}"),
        "hard_violation" => format!("hard-violation@{k}"),
        "coverage" => "coverage (≥1 fitting in top-k)".into(),
        "fitting_exposure" => "fitting exposure".into(),
        "retained_30" => format!("hires in top-{k} retained 30 days"),
        "retained_90" => format!("hires in top-{k} retained 90 days"),
        other => other.into(),
    }
}

/// A label short enough for a chart axis.
fn short_label(metric: &str, k: usize) -> String {
    match metric {
        "hit" => format!("hit@{k}"),
        "ndcg" => format!("nDCG@{k}"),
        "hard_violation" => format!("violation@{k}"),
        "coverage" => "coverage".into(),
        "fitting_exposure" => "fit exposure".into(),
        other => label(other, k),
    }
}

fn interval_json(i: Interval) -> Value {
    json!({"mean": i.mean, "low": i.low, "high": i.high})
}

/// The comparisons reported: the first ranker against every other one.
fn comparisons(e: &Evaluation) -> Vec<(usize, usize, &'static str, Interval)> {
    let mut out = Vec::new();
    for b in 1..e.rankers.len() {
        for metric in METRICS {
            out.push((0, b, metric, e.difference(0, b, metric)));
        }
    }
    out
}

/// Level counts of the top-k, per preference group, for ranker `r`.
fn levels_by_preference(e: &Evaluation, r: usize) -> BTreeMap<String, [usize; 3]> {
    let mut out: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    for (i, q) in e.rankers[r].per_query.iter().enumerate() {
        let pref = e.people[i].groups["self_development"].clone();
        let counts = out.entry(pref).or_default();
        for l in &q.levels {
            counts[*l as usize] += 1;
        }
    }
    out
}

pub fn metrics_json(e: &Evaluation) -> Value {
    let all: Vec<usize> = (0..e.people.len()).collect();
    let groups = e.groups();
    let (fit, judged) = e.placements_fitting();
    let rankers: Vec<Value> = e
        .rankers
        .iter()
        .enumerate()
        .map(|(r, ranker)| {
            let metrics: serde_json::Map<String, Value> = METRICS
                .iter()
                .map(|m| (m.to_string(), interval_json(e.interval(r, m, &all))))
                .collect();
            let by_group: serde_json::Map<String, Value> = groups
                .iter()
                .map(|(dim, gs)| {
                    let inner: serde_json::Map<String, Value> = gs
                        .iter()
                        .map(|(g, members)| {
                            let ms: serde_json::Map<String, Value> = METRICS
                                .iter()
                                .map(|m| (m.to_string(), interval_json(e.interval(r, m, members))))
                                .collect();
                            (g.clone(), json!({"n": members.len(), "metrics": ms}))
                        })
                        .collect();
                    (dim.to_string(), Value::Object(inner))
                })
                .collect();
            let levels: serde_json::Map<String, Value> = levels_by_preference(e, r)
                .into_iter()
                .map(|(p, c)| (p, json!({"MINIMAL": c[0], "SOME": c[1], "STRONG": c[2]})))
                .collect();
            json!({
                "name": ranker.name,
                "catalogue_coverage": ranker.catalogue_coverage,
                "metrics": metrics,
                "groups": by_group,
                "top_k_levels_by_preference": levels,
            })
        })
        .collect();
    let comparisons: Vec<Value> = comparisons(e)
        .into_iter()
        .map(|(a, b, metric, d)| {
            json!({"a": e.rankers[a].name, "b": e.rankers[b].name, "metric": metric,
                   "difference": interval_json(d)})
        })
        .collect();
    json!({
        "k": e.k,
        "today": e.today.to_string(),
        "vacancies": e.vacancies,
        "placements": e.placements,
        "placements_skipped": e.placements_skipped,
        "participants_evaluated": e.people.len(),
        "placements_fitting": {"fit": fit, "of": judged},
        "bootstrap": {"samples": e.bootstrap_samples, "seed": e.seed, "level": 0.95},
        "rankers": rankers,
        "comparisons": comparisons,
    })
}

fn metrics_csv(e: &Evaluation) -> String {
    let mut s = String::from("ranker,dimension,group,n,metric,mean,low,high\n");
    let all: Vec<usize> = (0..e.people.len()).collect();
    let groups = e.groups();
    for (r, ranker) in e.rankers.iter().enumerate() {
        let mut rows = vec![("all".to_owned(), "all".to_owned(), all.clone())];
        for (dim, gs) in &groups {
            for (g, members) in gs {
                rows.push((dim.to_string(), g.clone(), members.clone()));
            }
        }
        for (dim, g, members) in rows {
            for m in METRICS {
                let i = e.interval(r, m, &members);
                let _ = writeln!(
                    s,
                    "{},{dim},{g},{},{m},{},{},{}",
                    csv_field(&ranker.name),
                    members.len(),
                    i.mean,
                    i.low,
                    i.high
                );
            }
        }
    }
    s
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.into() }
}

/// `qid 0 docid relevance`, one line per placed vacancy.
fn qrels_trec(e: &Evaluation) -> String {
    let mut s = String::new();
    for (p, q) in e.people.iter().zip(&e.qrels) {
        for (id, rel) in q {
            let _ = writeln!(s, "{} 0 {id} {rel}", p.id);
        }
    }
    s
}

/// `qid Q0 docid rank score run`. The score column is `k + 1 − rank`, so every tool
/// reads the ranking in our order (trec_eval re-sorts by score and breaks ties by id).
fn run_trec(e: &Evaluation, r: usize) -> String {
    let mut s = String::new();
    let name = &e.rankers[r].name;
    for (p, run) in e.people.iter().zip(&e.rankers[r].runs) {
        for (i, (id, _)) in run.iter().enumerate() {
            let _ = writeln!(s, "{} Q0 {id} {} {} {name}", p.id, i + 1, e.k - i);
        }
    }
    s
}

fn pct(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

fn markdown(e: &Evaluation) -> String {
    let all: Vec<usize> = (0..e.people.len()).collect();
    let (fit, judged) = e.placements_fitting();
    let mut s = String::new();
    let _ = writeln!(s, "# Match quality against placements\n");
    let _ = writeln!(
        s,
        "{} placed participants, {} placements ({} not evaluated: participant or vacancy missing), {} vacancies in the snapshot, k = {}, matched on {}. Of the placements, {fit} of {judged} were judged FIT (the report's own lens: 6 of 15).\n",
        e.people.len(),
        e.placements,
        e.placements_skipped,
        e.vacancies,
        e.k,
        e.today
    );
    let _ = writeln!(
        s,
        "Means with 95% bootstrap intervals ({} resamples, seed {}).\n",
        e.bootstrap_samples, e.seed
    );
    let _ = write!(s, "| ranker |");
    for m in METRICS {
        let _ = write!(s, " {} |", label(m, e.k));
    }
    let _ = writeln!(s, " catalogue coverage |");
    let _ = writeln!(s, "|---|{}---|", "---|".repeat(METRICS.len()));
    for (r, ranker) in e.rankers.iter().enumerate() {
        let _ = write!(s, "| {} |", ranker.name);
        for m in METRICS {
            let i = e.interval(r, m, &all);
            let _ = write!(s, " {:.3} [{:.3}, {:.3}] |", i.mean, i.low, i.high);
        }
        let _ = writeln!(s, " {} |", pct(ranker.catalogue_coverage));
    }
    let _ = writeln!(s, "\n## Differences (paired bootstrap, 95%)\n");
    let _ = writeln!(s, "| a − b | metric | difference | interval |\n|---|---|---|---|");
    for (a, b, m, d) in comparisons(e) {
        let _ = writeln!(
            s,
            "| {} − {} | {} | {:+.3} | [{:+.3}, {:+.3}] |",
            e.rankers[a].name,
            e.rankers[b].name,
            label(m, e.k),
            d.mean,
            d.low,
            d.high
        );
    }
    let _ = writeln!(s, "\n## By group\n");
    for (dim, gs) in e.groups() {
        let _ = writeln!(s, "### {dim}\n");
        let _ = writeln!(
            s,
            "| group | n | ranker | hit | nDCG | fit | hard-violation | fitting exposure |\n|---|---|---|---|---|---|---|---|"
        );
        for (g, members) in &gs {
            for (r, ranker) in e.rankers.iter().enumerate() {
                let v = |m| e.interval(r, m, members).mean;
                let _ = writeln!(
                    s,
                    "| {g} | {} | {} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} |",
                    members.len(),
                    ranker.name,
                    v("hit"),
                    v("ndcg"),
                    v("fit"),
                    v("hard_violation"),
                    v("fitting_exposure")
                );
            }
        }
        let _ = writeln!(s);
    }
    let _ = writeln!(s, "## Self-development levels in the top-k, by what people asked for\n");
    let _ = writeln!(s, "| ranker | preference | MINIMAL | SOME | STRONG |\n|---|---|---|---|---|");
    for r in 0..e.rankers.len() {
        for (pref, c) in levels_by_preference(e, r) {
            let n = c.iter().sum::<usize>().max(1) as f64;
            let _ = writeln!(
                s,
                "| {} | {pref} | {} | {} | {} |",
                e.rankers[r].name,
                pct(c[0] as f64 / n),
                pct(c[1] as f64 / n),
                pct(c[2] as f64 / n)
            );
        }
    }
    let _ = writeln!(s, "\n## How to read this\n");
    let _ = writeln!(
        s,
        "- **hit-rate@k**: the share of people whose placed vacancy is in their top-k; **recall@k**: placed vacancies found over all placed; **MRR**: 1 / rank of the placed vacancy; **nDCG@k**: FIT placements count 2, others 1."
    );
    let _ = writeln!(
        s,
        "- **fit@k**: the share of the top-k whose self-development level fits what the person asked for — the report's lens. **hard-violation@k**: the share of the top-k with a blocking or bridgeable requirement (opstap: 0 by construction). **coverage**: people with at least one fitting vacancy in their top-k. **fitting exposure**: fitting places in the top-k, weighted by position, over the maximum."
    );
    let _ = writeln!(
        s,
        "- Fit and violations are judged with the default configuration for every ranker. Placements with outcome REJECTED or WITHDRAWN are not counted as relevant."
    );
    let _ = writeln!(
        s,
        "- `text-only` ranks by BM25 of the profile's text, `filter-then-recent` the eligible vacancies newest first: what a keyword search or a filtered job board would do."
    );
    s
}

// ---------------------------------------------------------------- SVG

/// A bar chart series: its name and, per category, the value with its interval.
type Series = (String, Vec<(f64, Option<(f64, f64)>)>);

const PALETTE: [&str; 6] = ["#1b6ca8", "#e07b24", "#3c9d4e", "#b03a48", "#7a5195", "#6b6b6b"];

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Grouped bars in [0, 1] with optional interval whiskers.
fn grouped_bars(title: &str, categories: &[String], series: &[Series]) -> String {
    let (w, h, left, bottom, top) = (760.0, 300.0, 50.0, 60.0, 30.0);
    let plot_h = h - bottom - top;
    let group_w = (w - left - 10.0) / categories.len().max(1) as f64;
    let bar_w = (group_w * 0.8) / series.len().max(1) as f64;
    let y = |v: f64| top + plot_h * (1.0 - v.clamp(0.0, 1.0));
    let mut s = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{}" viewBox="0 0 {w} {}" role="img" aria-label="{}">"#,
        h + 20.0 * series.len().div_ceil(3) as f64,
        h + 20.0 * series.len().div_ceil(3) as f64,
        esc(title)
    );
    let _ = write!(
        s,
        r#"<text x="{left}" y="18" font-size="14" font-weight="bold">{}</text>"#,
        esc(title)
    );
    for t in 0..=4 {
        let v = t as f64 / 4.0;
        let _ = write!(
            s,
            r##"<line x1="{left}" x2="{}" y1="{y}" y2="{y}" stroke="#ddd"/><text x="{}" y="{}" font-size="10" text-anchor="end">{v:.2}</text>"##,
            w - 10.0,
            left - 4.0,
            y(v) + 3.0,
            y = y(v)
        );
    }
    for (c, cat) in categories.iter().enumerate() {
        let x0 = left + c as f64 * group_w + group_w * 0.1;
        for (i, (_, values)) in series.iter().enumerate() {
            let Some(&(v, ci)) = values.get(c) else { continue };
            let x = x0 + i as f64 * bar_w;
            let _ = write!(
                s,
                r#"<rect x="{x:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{}"><title>{}: {v:.3}</title></rect>"#,
                y(v),
                bar_w * 0.9,
                (y(0.0) - y(v)).max(0.0),
                PALETTE[i % PALETTE.len()],
                esc(&series[i].0)
            );
            if let Some((lo, hi)) = ci {
                let cx = x + bar_w * 0.45;
                let _ = write!(
                    s,
                    r##"<line x1="{cx:.1}" x2="{cx:.1}" y1="{:.1}" y2="{:.1}" stroke="#222"/><line x1="{:.1}" x2="{:.1}" y1="{:.1}" y2="{:.1}" stroke="#222"/><line x1="{:.1}" x2="{:.1}" y1="{:.1}" y2="{:.1}" stroke="#222"/>"##,
                    y(lo),
                    y(hi),
                    cx - 3.0,
                    cx + 3.0,
                    y(lo),
                    y(lo),
                    cx - 3.0,
                    cx + 3.0,
                    y(hi),
                    y(hi)
                );
            }
        }
        let _ = write!(
            s,
            r#"<text x="{:.1}" y="{:.1}" font-size="11" text-anchor="middle">{}</text>"#,
            x0 + group_w * 0.4,
            h - bottom + 16.0,
            esc(cat)
        );
    }
    for (i, (name, _)) in series.iter().enumerate() {
        let (lx, ly) = (left + (i % 3) as f64 * 230.0, h - bottom + 36.0 + (i / 3) as f64 * 20.0);
        let _ = write!(
            s,
            r#"<rect x="{lx}" y="{}" width="12" height="12" fill="{}"/><text x="{}" y="{}" font-size="12">{}</text>"#,
            ly - 10.0,
            PALETTE[i % PALETTE.len()],
            lx + 16.0,
            ly,
            esc(name)
        );
    }
    s.push_str("</svg>");
    s
}

/// Horizontal stacked bars of shares (rows sum to 1).
fn stacked_bars(title: &str, rows: &[(String, [f64; 3])], legend: [&str; 3]) -> String {
    let (w, row_h, left, top) = (760.0, 22.0, 260.0, 30.0);
    let h = top + row_h * rows.len() as f64 + 40.0;
    let colors = ["#c9c9c9", "#7fb3d5", "#1b6ca8"];
    let mut s = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-label="{}">"#,
        esc(title)
    );
    let _ =
        write!(s, r#"<text x="10" y="18" font-size="14" font-weight="bold">{}</text>"#, esc(title));
    let plot_w = w - left - 20.0;
    for (r, (name, shares)) in rows.iter().enumerate() {
        let y = top + r as f64 * row_h;
        let _ = write!(
            s,
            r#"<text x="{}" y="{}" font-size="11" text-anchor="end">{}</text>"#,
            left - 6.0,
            y + 14.0,
            esc(name)
        );
        let mut x = left;
        for (i, share) in shares.iter().enumerate() {
            let bw = plot_w * share;
            let _ = write!(
                s,
                r#"<rect x="{x:.1}" y="{y}" width="{bw:.1}" height="{}" fill="{}"><title>{}: {:.1}%</title></rect>"#,
                row_h - 4.0,
                colors[i],
                legend[i],
                share * 100.0
            );
            x += bw;
        }
    }
    let ly = top + row_h * rows.len() as f64 + 20.0;
    for (i, l) in legend.iter().enumerate() {
        let lx = left + i as f64 * 120.0;
        let _ = write!(
            s,
            r#"<rect x="{lx}" y="{}" width="12" height="12" fill="{}"/><text x="{}" y="{ly}" font-size="12">{l}</text>"#,
            ly - 10.0,
            colors[i],
            lx + 16.0
        );
    }
    s.push_str("</svg>");
    s
}

fn html(e: &Evaluation, markdown_text: &str) -> String {
    let all: Vec<usize> = (0..e.people.len()).collect();
    let categories: Vec<String> = SHOWN.iter().map(|m| short_label(m, e.k)).collect();
    let series: Vec<Series> = e
        .rankers
        .iter()
        .enumerate()
        .map(|(r, ranker)| {
            let values = SHOWN
                .iter()
                .map(|m| {
                    let i = e.interval(r, m, &all);
                    (i.mean, Some((i.low, i.high)))
                })
                .collect();
            (ranker.name.clone(), values)
        })
        .collect();
    let chart1 = grouped_bars("Metrics per ranker (95% bootstrap intervals)", &categories, &series);
    let groups = e.groups();
    let prefs: Vec<(String, Vec<usize>)> = groups
        .get("self_development")
        .map(|g| g.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
        .unwrap_or_default();
    let pref_names: Vec<String> =
        prefs.iter().map(|(p, m)| format!("{p} (n={})", m.len())).collect();
    let series2: Vec<Series> = e
        .rankers
        .iter()
        .enumerate()
        .map(|(r, ranker)| {
            let values = prefs
                .iter()
                .map(|(_, members)| {
                    let i = e.interval(r, "fit", members);
                    (i.mean, Some((i.low, i.high)))
                })
                .collect();
            (ranker.name.clone(), values)
        })
        .collect();
    let chart2 =
        grouped_bars(&format!("fit@{} by self-development preference", e.k), &pref_names, &series2);
    let mut rows = Vec::new();
    for r in 0..e.rankers.len() {
        for (pref, c) in levels_by_preference(e, r) {
            let n = c.iter().sum::<usize>().max(1) as f64;
            rows.push((
                format!("{} · asked {pref}", e.rankers[r].name),
                [c[0] as f64 / n, c[1] as f64 / n, c[2] as f64 / n],
            ));
        }
    }
    let levels = SelfDevelopment::ALL.map(|l| l.as_str());
    let chart3 = stacked_bars(
        "Self-development levels in the top-k, against what people asked for",
        &rows,
        levels,
    );
    let mut body = String::new();
    for line in markdown_text.lines() {
        if let Some(h) = line.strip_prefix("### ") {
            let _ = writeln!(body, "<h3>{}</h3>", esc(h));
        } else if let Some(h) = line.strip_prefix("## ") {
            let _ = writeln!(body, "<h2>{}</h2>", esc(h));
        } else if let Some(h) = line.strip_prefix("# ") {
            let _ = writeln!(body, "<h1>{}</h1>", esc(h));
            let _ = writeln!(
                body,
                "<figure>{chart1}</figure><figure>{chart2}</figure><figure>{chart3}</figure>"
            );
        } else if line.starts_with("|---") {
            continue;
        } else if line.starts_with('|') {
            let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
            let _ = writeln!(
                body,
                "<tr>{}</tr>",
                cells.iter().map(|c| format!("<td>{}</td>", esc(c))).collect::<String>()
            );
        } else if let Some(item) = line.strip_prefix("- ") {
            let _ = writeln!(body, "<p class=\"note\">{}</p>", esc(item).replace("**", ""));
        } else if !line.trim().is_empty() {
            let _ = writeln!(body, "<p>{}</p>", esc(line));
        }
    }
    // Wrap runs of rows in tables.
    let mut out = String::new();
    let mut in_table = false;
    for line in body.lines() {
        let row = line.starts_with("<tr>");
        if row && !in_table {
            out.push_str("<table>\n");
        }
        if !row && in_table {
            out.push_str("</table>\n");
        }
        in_table = row;
        out.push_str(line);
        out.push('\n');
    }
    if in_table {
        out.push_str("</table>\n");
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>opstap: match quality against placements</title>\n<style>body{{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}}table{{border-collapse:collapse;margin:1em 0;font-size:13px}}td{{border:1px solid #ccc;padding:3px 6px}}tr:first-child td{{font-weight:bold;background:#f3f3f3}}figure{{margin:1.5em 0}}.note{{font-size:13px;color:#444}}</style></head>\n<body>\n{out}</body></html>\n"
    )
}

/// Writes the report directory atomically.
pub fn write(e: &Evaluation, out: &Path) -> Result<(), EvalError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| EvalError::Io { path, source }
    };
    // A report written before reports carried a marker.
    let legacy = |p: &Path| p.join("metrics.json").try_exists().unwrap_or(false);
    let published =
        |e: opstap_publish::PublishError| EvalError::Io { path: e.path, source: e.source };
    let staging = opstap_publish::Staging::begin(out, "eval-report", &legacy).map_err(published)?;
    let tmp = staging.path();
    let md = markdown(e);
    let mut files: Vec<(String, String)> = vec![
        (
            "metrics.json".into(),
            format!("{}\n", serde_json::to_string_pretty(&metrics_json(e)).expect("json")),
        ),
        ("metrics.csv".into(), metrics_csv(e)),
        ("report.html".into(), html(e, &md)),
        ("report.md".into(), md),
        ("qrels.trec".into(), qrels_trec(e)),
    ];
    for r in 0..e.rankers.len() {
        let safe: String = e.rankers[r]
            .name
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' })
            .collect();
        files.push((format!("run.{safe}.trec"), run_trec(e, r)));
    }
    for (file, text) in files {
        let p = tmp.join(&file);
        std::fs::write(&p, text).map_err(io(&p))?;
    }
    staging.publish().map_err(published)
}
