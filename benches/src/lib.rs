//! Shared set-up for the benches: generated data on disk and process memory readings.

use std::io::Write;
use std::path::Path;

use opstap_core::{Date, MatchConfig, Matcher, Participant, Taxonomy};
use opstap_synth::{Generator, Geography};

pub fn day() -> Date {
    "2026-11-01".parse().expect("a date")
}

pub fn matcher() -> Matcher {
    Matcher::new(MatchConfig::default(), Taxonomy::embedded(), day())
}

/// The generated data's geography: `OPSTAP_BENCH_GEOGRAPHY` (`regional`, the default and
/// worst case, or `national`).
pub fn geography() -> Geography {
    std::env::var("OPSTAP_BENCH_GEOGRAPHY")
        .ok()
        .map(|g| g.parse().unwrap_or_else(|e| panic!("OPSTAP_BENCH_GEOGRAPHY: {e}")))
        .unwrap_or_default()
}

/// The folder under `OPSTAP_BENCH_KEEP` for a kept index: `prefix` and the size, with
/// `national-` before it for national data.
pub fn kept_name(prefix: &str, n: u64) -> String {
    match geography() {
        Geography::Regional => format!("{prefix}{n}"),
        Geography::National => format!("national-{prefix}{n}"),
    }
}

/// Writes `n` generated vacancies (seed 1) as JSON Lines, in [`geography`].
pub fn write_vacancies(path: &Path, n: u64) -> anyhow::Result<()> {
    let g = Generator::with_geography(geography());
    let mut w = std::io::BufWriter::new(std::fs::File::create(path)?);
    for i in 0..n {
        serde_json::to_writer(&mut w, &g.vacancy(1, i, day()))?;
        w.write_all(b"\n")?;
    }
    w.flush()?;
    Ok(())
}

/// `n` generated participants (seed 2), in [`geography`].
pub fn participants(n: u64) -> Vec<Participant> {
    let g = Generator::with_geography(geography());
    (0..n).map(|i| g.participant(2, i, day())).collect()
}

/// `(current, peak)` resident memory of this process in MiB, from /proc (Linux).
pub fn rss_mib() -> (f64, f64) {
    rss_mib_of("self")
}

/// `(current, peak)` resident memory of process `pid` (or `self`) in MiB.
pub fn rss_mib_of(pid: &str) -> (f64, f64) {
    let [rss, peak] = status_mib(pid, ["VmRSS:", "VmHWM:"]);
    (rss, peak)
}

/// `(anonymous, mapped files)`: the two parts of process `pid`'s (or `self`'s) resident
/// memory in MiB. The second is page cache the kernel can reclaim and processes share.
pub fn rss_parts_mib_of(pid: &str) -> (f64, f64) {
    let [anon, file] = status_mib(pid, ["RssAnon:", "RssFile:"]);
    (anon, file)
}

/// Fields of `/proc/PID/status` given in kB, in MiB (NaN where missing: not Linux).
fn status_mib<const N: usize>(pid: &str, names: [&str; N]) -> [f64; N] {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    names.map(|name| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<f64>().ok())
            .map_or(f64::NAN, |kb| kb / 1024.0)
    })
}

/// CPU time (user + system, all threads, also those that ended) that process `pid` (or
/// `self`) has used, in seconds. Less sensitive than wall time to what else the machine
/// runs, so the figure to compare runs by.
pub fn cpu_seconds_of(pid: &str) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // After the command name in parentheses: state is field 3, utime 14, stime 15.
    let rest = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i - 3).and_then(|t| t.parse::<f64>().ok());
    match (ticks(14), ticks(15)) {
        // /proc counts in USER_HZ, 100 on Linux.
        (Some(user), Some(system)) => (user + system) / 100.0,
        _ => f64::NAN,
    }
}

/// Total size of the files under `dir`, in MiB.
pub fn dir_size_mib(dir: &Path) -> f64 {
    fn walk(p: &Path) -> u64 {
        std::fs::read_dir(p)
            .map(|rd| {
                rd.filter_map(Result::ok)
                    .map(|e| {
                        let m = e.metadata().map(|m| (m.is_dir(), m.len())).unwrap_or((false, 0));
                        if m.0 { walk(&e.path()) } else { m.1 }
                    })
                    .sum()
            })
            .unwrap_or(0)
    }
    walk(dir) as f64 / (1024.0 * 1024.0)
}

/// The `q`-quantile of sorted samples.
pub fn quantile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted[((sorted.len() - 1) as f64 * q).round() as usize]
}
