//! opstap-eval: replay past placements against what a ranking would have proposed, for
//! analysts. Per ranker (each configuration of the engine, and two baselines that show
//! what the engine adds): hit-rate@k, recall@k, MRR, nDCG@k, fit@k (the report's lens),
//! hard-violation@k, coverage, broken down by group with the exposure each group's
//! top-k gets, and paired bootstrap intervals on the differences. See [`report`] for the
//! files it writes.

pub mod metrics;
pub mod report;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::BufRead;
use std::path::{Path, PathBuf};

use opstap_core::model::{CefrLevel, PlacementFit, PlacementOutcome};
use opstap_core::validate::{parse_participant, parse_placement};
use opstap_core::{
    CompiledVacancy, Date, MatchClass, MatchConfig, Matcher, Participant, Placement,
    SelfDevelopment, Taxonomy,
};
use opstap_index::{IndexError, IngestOptions, RankOptions, VacancyIndex};
use rayon::prelude::*;
use serde::Serialize;

use metrics::{Interval, Qrels};

#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}:{line}: {message}")]
    Input { path: PathBuf, line: usize, message: String },
    #[error("{0}")]
    Index(#[from] IndexError),
    #[error("no placement names a participant of the participants file: nothing to evaluate")]
    NothingToEvaluate,
}

/// How a ranker ranks.
#[derive(Debug, Clone)]
pub enum RankerKind {
    /// The engine with a matching configuration.
    Engine(Box<MatchConfig>),
    /// BM25 of the profile's text alone: no hard requirements, no self-development.
    TextOnly,
    /// The eligible vacancies (every hard requirement met or unknown), newest first.
    FilterThenRecent,
}

#[derive(Debug, Clone)]
pub struct Ranker {
    pub name: String,
    pub kind: RankerKind,
}

impl Ranker {
    pub fn baselines() -> [Ranker; 2] {
        [
            Ranker { name: "text-only".into(), kind: RankerKind::TextOnly },
            Ranker { name: "filter-then-recent".into(), kind: RankerKind::FilterThenRecent },
        ]
    }
}

#[derive(Debug, Clone)]
pub struct EvalOptions {
    pub k: usize,
    /// The day to rank on.
    pub today: Date,
    pub bootstrap_samples: usize,
    pub seed: u64,
}

/// Group memberships of a placed participant.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Person {
    pub id: String,
    /// Dimension → group, e.g. `self_development` → `SOME`.
    pub groups: BTreeMap<&'static str, String>,
}

/// The per-participant values of every metric for one ranker.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PerQuery {
    pub hit: f64,
    pub recall: f64,
    pub rr: f64,
    pub ndcg: f64,
    pub ndcg_binary: f64,
    pub fit: f64,
    /// Fitting vacancies in the top k over the most there could be: min(k, the fitting
    /// vacancies the person may take). 1 when the ranking puts every one it can at the
    /// top, whatever the supply; not defined (NaN, left out of means) when there are none.
    pub fit_ideal: f64,
    pub violation: f64,
    pub has_fitting: f64,
    pub fitting_exposure: f64,
    /// Of the person's hires this ranking puts in the top k whose 30-day (90-day)
    /// retention is known on the evaluation day, the share still in the job then: does the
    /// ranking propose jobs that last? NaN (left out of means) when there is none.
    pub retained_30: f64,
    pub retained_90: f64,
    /// The self-development levels of the top-k.
    #[serde(skip)]
    pub levels: Vec<SelfDevelopment>,
}

/// The metric names, in report order.
pub const METRICS: [&str; 12] = [
    "hit",
    "recall",
    "mrr",
    "ndcg",
    "ndcg_binary",
    "fit",
    "fit_ideal",
    "hard_violation",
    "coverage",
    "fitting_exposure",
    "retained_30",
    "retained_90",
];

impl PerQuery {
    pub fn get(&self, metric: &str) -> f64 {
        match metric {
            "hit" => self.hit,
            "recall" => self.recall,
            "mrr" => self.rr,
            "ndcg" => self.ndcg,
            "ndcg_binary" => self.ndcg_binary,
            "fit" => self.fit,
            "fit_ideal" => self.fit_ideal,
            "hard_violation" => self.violation,
            "coverage" => self.has_fitting,
            "fitting_exposure" => self.fitting_exposure,
            "retained_30" => self.retained_30,
            "retained_90" => self.retained_90,
            _ => f64::NAN,
        }
    }
}

/// One ranker's result.
#[derive(Debug, Clone)]
pub struct RankerResult {
    pub name: String,
    /// Per participant (in `Evaluation::people` order): the ranked `(vacancy id, score)`.
    pub runs: Vec<Vec<(String, f64)>>,
    pub per_query: Vec<PerQuery>,
    /// Distinct vacancies in any top-k over the vacancies in the snapshot.
    pub catalogue_coverage: f64,
}

#[derive(Debug)]
pub struct Evaluation {
    pub k: usize,
    pub today: Date,
    pub vacancies: usize,
    pub placements: usize,
    /// Placements whose participant or vacancy is not in the inputs (not evaluated).
    pub placements_skipped: usize,
    pub people: Vec<Person>,
    /// Per participant: vacancy id → relevance (graded: FIT 2, MISFIT or unjudged 1).
    pub qrels: Vec<BTreeMap<String, u8>>,
    pub rankers: Vec<RankerResult>,
    pub bootstrap_samples: usize,
    pub seed: u64,
    /// Intervals already computed, by group members (the same members, the same draws).
    intervals: std::sync::Mutex<HashMap<Vec<usize>, Vec<Interval>>>,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> EvalError + '_ {
    move |source| EvalError::Io { path: path.to_path_buf(), source }
}

/// The non-blank lines of a JSON Lines file, numbered from 1.
fn jsonl(path: &Path) -> Result<Vec<(usize, String)>, EvalError> {
    let file = std::fs::File::open(path).map_err(io(path))?;
    let mut out = Vec::new();
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(io(path))?;
        if !line.trim().is_empty() {
            out.push((i + 1, line));
        }
    }
    Ok(out)
}

/// A participant with the optional `gender` and `age` of the analysis file.
pub type WithDemographics = (Participant, Option<String>, Option<u32>);

/// A participant line; `gender` and `age` (analysis only, not part of the matching
/// contract) are taken out before the profile is validated.
fn participant_line(text: &str) -> Result<WithDemographics, String> {
    let mut value: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let (mut gender, mut age) = (None, None);
    if let Some(object) = value.as_object_mut() {
        gender = match object.remove("gender") {
            None | Some(serde_json::Value::Null) => None,
            Some(serde_json::Value::String(g)) => Some(g),
            Some(other) => return Err(format!("gender: {other} is not a string")),
        };
        age = match object.remove("age") {
            None | Some(serde_json::Value::Null) => None,
            Some(v) => Some(
                v.as_u64()
                    .filter(|a| *a < 130)
                    .ok_or_else(|| format!("age: {v} is not an age in years"))?
                    as u32,
            ),
        };
    }
    let p =
        parse_participant(&value.to_string(), Taxonomy::embedded()).map_err(|e| e.to_string())?;
    Ok((p, gender, age))
}

fn dutch_band(p: &Participant) -> &'static str {
    let Some(languages) = &p.languages else { return "unknown" };
    match languages.iter().filter(|l| l.lang.0 == "nl").map(|l| l.level).max() {
        None => "none",
        Some(CefrLevel::A1 | CefrLevel::A2) => "A1-A2",
        Some(_) => "B1+",
    }
}

fn age_band(age: u32) -> &'static str {
    match age {
        0..=24 => "<25",
        25..=34 => "25-34",
        35..=44 => "35-44",
        _ => "45+",
    }
}

fn person(p: &Participant, gender: Option<String>, age: Option<u32>) -> Person {
    let mut groups = BTreeMap::new();
    groups.insert(
        "self_development",
        p.self_development.map_or("UNSTATED", |s| s.as_str()).to_owned(),
    );
    groups.insert("dutch", dutch_band(p).to_owned());
    groups.insert(
        "work_authorization",
        p.work_authorization.as_ref().map_or("UNKNOWN", |a| a.status.as_str()).to_owned(),
    );
    if let Some(g) = gender {
        groups.insert("gender", g);
    }
    if let Some(a) = age {
        groups.insert("age", age_band(a).to_owned());
    }
    Person { id: p.id.clone(), groups }
}

/// The participants of a JSON Lines file with their optional `gender` and `age`.
pub fn read_participants(path: &Path) -> Result<Vec<WithDemographics>, EvalError> {
    jsonl(path)?
        .into_iter()
        .map(|(line, text)| {
            participant_line(&text).map_err(|message| EvalError::Input {
                path: path.to_path_buf(),
                line,
                message,
            })
        })
        .collect()
}

/// The vacancies of a JSON Lines file, validated.
pub fn read_vacancies(path: &Path) -> Result<Vec<opstap_core::Vacancy>, EvalError> {
    jsonl(path)?
        .into_iter()
        .map(|(line, text)| {
            opstap_core::validate::parse_vacancy(&text, Taxonomy::embedded()).map_err(|e| {
                EvalError::Input { path: path.to_path_buf(), line, message: e.to_string() }
            })
        })
        .collect()
}

/// Reads the inputs, builds a temporary index of the snapshot, ranks every placed
/// participant with every ranker.
pub fn evaluate(
    vacancies: &Path,
    participants: &Path,
    placements: &Path,
    rankers: &[Ranker],
    options: &EvalOptions,
) -> Result<Evaluation, EvalError> {
    let index = VacancyIndex::in_memory()?;
    index.ingest_file(vacancies, IngestOptions::default(), &mut |_| {})?;
    index.set_parallel_segments(false);
    let compiled = index.compiled_vacancies()?;
    let by_id: HashMap<&str, &CompiledVacancy> = compiled.iter().map(|v| (&*v.id, v)).collect();

    let profiles: HashMap<String, WithDemographics> =
        read_participants(participants)?.into_iter().map(|e| (e.0.id.clone(), e)).collect();
    let mut placed: BTreeMap<String, Vec<Placement>> = BTreeMap::new();
    let mut total = 0;
    let mut skipped = 0;
    for (line, text) in jsonl(placements)? {
        let p = parse_placement(&text).map_err(|e| EvalError::Input {
            path: placements.to_path_buf(),
            line,
            message: e.to_string(),
        })?;
        total += 1;
        let counts = matches!(p.outcome, PlacementOutcome::Hired | PlacementOutcome::Trial);
        if !counts {
            continue;
        }
        if !profiles.contains_key(&p.participant_id) || !by_id.contains_key(p.vacancy_id.as_str()) {
            skipped += 1;
            continue;
        }
        placed.entry(p.participant_id.clone()).or_default().push(p);
    }
    if placed.is_empty() {
        return Err(EvalError::NothingToEvaluate);
    }
    let mut people = Vec::new();
    let mut qrels = Vec::new();
    let mut retention = Vec::new();
    let mut profiles_in_order = Vec::new();
    for (id, ps) in &placed {
        // Per hire: whether the person was still there after 30 and 90 days (if known).
        retention.push(
            ps.iter()
                .filter(|pl| pl.outcome == PlacementOutcome::Hired)
                .map(|pl| {
                    let on = options.today;
                    (pl.vacancy_id.clone(), [pl.retained(30, on), pl.retained(90, on)])
                })
                .collect::<Vec<_>>(),
        );
        let (p, gender, age) = &profiles[id];
        people.push(person(p, gender.clone(), *age));
        let mut q = BTreeMap::new();
        for pl in ps {
            let rel = if pl.fit == Some(PlacementFit::Fit) { 2 } else { 1 };
            let e = q.entry(pl.vacancy_id.clone()).or_insert(0);
            *e = (*e).max(rel);
        }
        qrels.push(q);
        profiles_in_order.push(p);
    }
    // Judgements (fit, violation) use the default configuration for every ranker, so
    // the rankers are measured by one yardstick.
    let judge = Matcher::new(MatchConfig::default(), Taxonomy::embedded(), options.today);
    // What the ideal ranking could put in a top-k: the fitting vacancies each person may
    // take (counted up to k).
    let ideal: Vec<usize> = profiles_in_order
        .par_iter()
        .map(|p| {
            let cp = judge.compile_participant(p);
            compiled
                .iter()
                .filter(|v| {
                    judge.classify(&cp, v) == MatchClass::Eligible
                        && judge.is_fitting(judge.self_development(&cp, v, 0.0).fit)
                })
                .take(options.k)
                .count()
        })
        .collect();
    let mut newest: Vec<&CompiledVacancy> = compiled.iter().collect();
    newest.sort_by(|a, b| b.posted.cmp(&a.posted).then_with(|| a.id.cmp(&b.id)));
    let mut results = Vec::new();
    for ranker in rankers {
        let matcher = match &ranker.kind {
            RankerKind::Engine(config) => {
                Matcher::new((**config).clone(), Taxonomy::embedded(), options.today)
            }
            _ => judge.clone(),
        };
        let runs: Vec<Result<Vec<(String, f64)>, IndexError>> = profiles_in_order
            .par_iter()
            .map(|p| rank(&index, &matcher, &newest, &ranker.kind, p, options.k))
            .collect();
        let runs: Vec<Vec<(String, f64)>> = runs.into_iter().collect::<Result<_, _>>()?;
        let per_query: Vec<PerQuery> = profiles_in_order
            .par_iter()
            .zip(&runs)
            .zip(&qrels)
            .zip(&ideal)
            .zip(&retention)
            .map(|((((p, run), q), ideal), retained)| {
                judge_run(&judge, &by_id, p, run, q, (options.k, *ideal), retained)
            })
            .collect();
        let distinct =
            runs.iter().flatten().map(|(id, _)| id.as_str()).collect::<BTreeSet<&str>>().len();
        results.push(RankerResult {
            name: ranker.name.clone(),
            runs,
            per_query,
            catalogue_coverage: distinct as f64 / compiled.len().max(1) as f64,
        });
        tracing::info!(ranker = %ranker.name, "ranked");
    }
    Ok(Evaluation {
        k: options.k,
        today: options.today,
        vacancies: compiled.len(),
        placements: total,
        placements_skipped: skipped,
        people,
        qrels,
        rankers: results,
        bootstrap_samples: options.bootstrap_samples,
        seed: options.seed,
        intervals: Default::default(),
    })
}

/// The top `k` of one ranker for one participant, best first, as `(id, score)`.
fn rank(
    index: &VacancyIndex,
    matcher: &Matcher,
    newest: &[&CompiledVacancy],
    kind: &RankerKind,
    p: &Participant,
    k: usize,
) -> Result<Vec<(String, f64)>, IndexError> {
    let cp = matcher.compile_participant(p);
    Ok(match kind {
        RankerKind::Engine(_) => index
            .rank(matcher, &cp, k, RankOptions::default())?
            .hits
            .into_iter()
            .map(|h| (h.vacancy_id.to_string(), h.score))
            .collect(),
        RankerKind::TextOnly => index
            .rank_by_text(&cp, k)?
            .into_iter()
            .map(|h| (h.vacancy_id.to_string(), h.score))
            .collect(),
        // `newest` is every vacancy, newest first (ties by id): walk it until k are
        // eligible.
        RankerKind::FilterThenRecent => newest
            .iter()
            .filter(|v| matcher.classify(&cp, v) == MatchClass::Eligible)
            .take(k)
            .map(|v| (v.id.to_string(), v.posted.map_or(0.0, |d| f64::from(d.days()))))
            .collect(),
    })
}

/// Every metric of one run.
fn judge_run(
    judge: &Matcher,
    by_id: &HashMap<&str, &CompiledVacancy>,
    p: &Participant,
    run: &[(String, f64)],
    qrels: &BTreeMap<String, u8>,
    (k, ideal): (usize, usize),
    retention: &[(String, [Option<bool>; 2])],
) -> PerQuery {
    // The share of the hires in the top k, with a known outcome at the mark, retained.
    let retained = |mark: usize| -> f64 {
        let known: Vec<bool> = retention
            .iter()
            .filter(|(id, _)| run.iter().take(k).any(|(r, _)| r == id))
            .filter_map(|(_, r)| r[mark])
            .collect();
        if known.is_empty() {
            f64::NAN
        } else {
            known.iter().filter(|r| **r).count() as f64 / known.len() as f64
        }
    };
    let cp = judge.compile_participant(p);
    let ids: Vec<&str> = run.iter().map(|(id, _)| id.as_str()).collect();
    let graded: Qrels<'_> = qrels.iter().map(|(id, r)| (id.as_str(), *r)).collect();
    let binary: Qrels<'_> = qrels.keys().map(|id| (id.as_str(), 1)).collect();
    let mut fits = Vec::new();
    let mut violations = Vec::new();
    let mut levels = Vec::new();
    for id in ids.iter().take(k) {
        let v = by_id[id];
        let sd = judge.self_development(&cp, v, 0.0);
        fits.push(judge.is_fitting(sd.fit));
        levels.push(sd.level);
        violations.push(!matches!(judge.classify(&cp, v), MatchClass::Eligible));
    }
    PerQuery {
        hit: metrics::hit_at(&ids, &binary, k),
        recall: metrics::recall_at(&ids, &binary, k),
        rr: metrics::reciprocal_rank(&ids, &binary),
        ndcg: metrics::ndcg_at(&ids, &graded, k),
        ndcg_binary: metrics::ndcg_at(&ids, &binary, k),
        fit: metrics::share_at(&fits, k),
        fit_ideal: if ideal == 0 {
            f64::NAN
        } else {
            fits.iter().filter(|f| **f).count() as f64 / ideal.min(k) as f64
        },
        violation: metrics::share_at(&violations, k),
        has_fitting: f64::from(u8::from(fits.iter().any(|f| *f))),
        fitting_exposure: metrics::fitting_exposure(&fits, k),
        retained_30: retained(0),
        retained_90: retained(1),
        levels,
    }
}

impl Evaluation {
    /// The mean of a metric over `members` (indexes into `people`) for ranker `r`, with
    /// its bootstrap interval.
    pub fn interval(&self, r: usize, metric: &str, members: &[usize]) -> Interval {
        let m = METRICS.iter().position(|x| *x == metric).expect("a known metric");
        let mut cache = self.intervals.lock().unwrap_or_else(|e| e.into_inner());
        let all = cache.entry(members.to_vec()).or_insert_with(|| {
            let columns: Vec<Vec<f64>> = (0..self.rankers.len())
                .flat_map(|r| {
                    METRICS.iter().map(move |metric| {
                        members.iter().map(|&i| self.rankers[r].per_query[i].get(metric)).collect()
                    })
                })
                .collect();
            metrics::bootstrap_means(&columns, self.bootstrap_samples, self.seed)
        });
        all[r * METRICS.len() + m]
    }

    /// Paired difference `a − b` of a metric over all people.
    pub fn difference(&self, a: usize, b: usize, metric: &str) -> Interval {
        let xs: Vec<f64> = self.rankers[a].per_query.iter().map(|q| q.get(metric)).collect();
        let ys: Vec<f64> = self.rankers[b].per_query.iter().map(|q| q.get(metric)).collect();
        metrics::paired_bootstrap(&xs, &ys, self.bootstrap_samples, self.seed)
    }

    /// Group dimension → group → member indexes.
    pub fn groups(&self) -> BTreeMap<&'static str, BTreeMap<String, Vec<usize>>> {
        let mut out: BTreeMap<&'static str, BTreeMap<String, Vec<usize>>> = BTreeMap::new();
        for (i, p) in self.people.iter().enumerate() {
            for (dim, g) in &p.groups {
                out.entry(dim).or_default().entry(g.clone()).or_default().push(i);
            }
        }
        out
    }

    /// The share of placements that fit (FIT judgements over judged placements): the
    /// report's own baseline (6 of 15).
    pub fn placements_fitting(&self) -> (usize, usize) {
        let judged: Vec<u8> = self.qrels.iter().flat_map(|q| q.values().copied()).collect();
        (judged.iter().filter(|r| **r == 2).count(), judged.len())
    }
}
