//! `opstap audit …` and `opstap outcomes …`: the store's records, read where the server
//! keeps them (a privacy officer's and an analyst's tools; local, so no token).

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::{Args, Subcommand};
use opstap_core::Date;
use opstap_core::model::{Placement, PlacementFit, PlacementOutcome};
use opstap_store::{Event, OutcomeReason, Pseudonymizer, Store};

/// Where the store is: as `opstap serve` finds it.
#[derive(Args, Debug)]
pub(crate) struct StoreArgs {
    /// The store (an SQLite file or `postgres://…`). Default: store.sqlite in the data
    /// dir.
    #[arg(long, env = "OPSTAP_STORE", hide_env_values = true)]
    store: Option<String>,
    /// The key pseudonyms are hashed with. Default: store.key in the data dir.
    #[arg(long, env = "OPSTAP_STORE_KEY")]
    store_key: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub(crate) enum AuditCommand {
    /// The lists shown to a participant: when, by which token, with which configuration
    /// and index version, and the vacancies and scores returned.
    Show {
        /// The participant's pseudonym.
        #[arg(long)]
        participant: String,
        /// Only lists matched on this day (YYYY-MM-DD).
        #[arg(long)]
        date: Option<Date>,
        /// Print JSON lines instead of text.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Removes the audit entries written before a day.
    Purge {
        #[arg(long)]
        before: Date,
        #[command(flatten)]
        store: StoreArgs,
    },
}

#[derive(Subcommand, Debug)]
pub(crate) enum OutcomesCommand {
    /// The recorded outcomes as placements (JSON lines, the `opstap eval --placements`
    /// format): hires, trials and rejections, with the fit the participant rated or the
    /// early leaving showed. The store knows participants only by a keyed hash: the
    /// participants file gives their pseudonyms back.
    Export {
        /// The participants (JSON lines) whose pseudonyms the outcomes are joined to.
        #[arg(long)]
        participants: PathBuf,
        /// Output file (written whole). Default: stdout.
        #[arg(long)]
        out: Option<PathBuf>,
        #[command(flatten)]
        store: StoreArgs,
    },
}

fn open(args: &StoreArgs, data_dir: Option<&Path>) -> Result<(Store, Pseudonymizer)> {
    let dir = data_dir.map(Path::to_path_buf).unwrap_or_else(crate::datadir::default_dir);
    let location =
        args.store.clone().unwrap_or_else(|| dir.join("store.sqlite").display().to_string());
    if !location.starts_with("postgres") && !Path::new(&location).try_exists()? {
        bail!("no store at {location}: a server keeps one there once it runs with records");
    }
    let key = args.store_key.clone().unwrap_or_else(|| dir.join("store.key"));
    if !key.try_exists()? {
        bail!("no store key at {}: give --store-key", key.display());
    }
    Ok((Store::open(&location)?, Pseudonymizer::from_key_file(&key)?))
}

pub(crate) fn audit(
    command: AuditCommand,
    data_dir: Option<&Path>,
    out: &mut impl Write,
) -> Result<()> {
    match command {
        AuditCommand::Show { participant, date, json, store } => {
            let (store, keys) = open(&store, data_dir)?;
            let entries = store.audit_for(&keys.participant(&participant), date, None)?;
            for e in &entries {
                if json {
                    serde_json::to_writer(&mut *out, e)?;
                    writeln!(out)?;
                    continue;
                }
                writeln!(
                    out,
                    "{}  {} by {} ({}), matched on {}, config {}, index version {}",
                    e.at,
                    e.call,
                    e.actor.name,
                    e.actor.role,
                    e.matched_on,
                    e.config_hash,
                    e.index_version
                )?;
                for (i, (id, score)) in e.results.iter().enumerate() {
                    writeln!(out, "  {:>3}. {id:<12} {score:.4}", i + 1)?;
                }
            }
            if entries.is_empty() && !json {
                writeln!(
                    out,
                    "no lists recorded for this participant{}",
                    date.map_or(String::new(), |d| format!(" on {d}"))
                )?;
            }
        }
        AuditCommand::Purge { before, store } => {
            let (store, _) = open(&store, data_dir)?;
            let n = store.purge_audit(&format!("{before}T00:00:00Z"))?;
            writeln!(out, "removed {n} audit entries written before {before}")?;
        }
    }
    Ok(())
}

/// A recorded outcome as a placement: hires, trials and rejections are placements; the
/// fit is the participant's rating (4–5 fits, 1–2 does not) or, failing one, leaving
/// within 90 days because the job did not fit.
fn placements(records: &[opstap_store::OutcomeRecord], pseudonym: &str) -> Vec<Placement> {
    let fit_of = |vacancy: &str| -> Option<PlacementFit> {
        let rated = records
            .iter()
            .rev()
            .find(|r| r.outcome.vacancy_id == vacancy && r.outcome.event == Event::FitRating)
            .and_then(|r| r.outcome.rating);
        match rated {
            Some(4..=5) => return Some(PlacementFit::Fit),
            Some(1..=2) => return Some(PlacementFit::Misfit),
            _ => {}
        }
        let hired = records
            .iter()
            .find(|r| r.outcome.vacancy_id == vacancy && r.outcome.event == Event::Hired)?;
        let left_early = records.iter().any(|r| {
            r.outcome.vacancy_id == vacancy
                && r.outcome.event == Event::Left
                && r.outcome.reason == Some(OutcomeReason::DidNotFit)
                && r.outcome.on <= hired.outcome.on.add_days(90)
        });
        left_early.then_some(PlacementFit::Misfit)
    };
    records
        .iter()
        .filter_map(|r| {
            let outcome = match r.outcome.event {
                Event::Hired => PlacementOutcome::Hired,
                Event::Trial => PlacementOutcome::Trial,
                Event::Rejected => PlacementOutcome::Rejected,
                _ => return None,
            };
            // A hire's end: the first leave recorded for the job on or after the start.
            let left = (outcome == PlacementOutcome::Hired)
                .then(|| {
                    records
                        .iter()
                        .filter(|l| {
                            l.outcome.vacancy_id == r.outcome.vacancy_id
                                && l.outcome.event == Event::Left
                                && l.outcome.on >= r.outcome.on
                        })
                        .map(|l| l.outcome.on)
                        .min()
                })
                .flatten();
            Some(Placement {
                participant_id: pseudonym.to_owned(),
                vacancy_id: r.outcome.vacancy_id.clone(),
                date: r.outcome.on,
                outcome,
                fit: fit_of(&r.outcome.vacancy_id),
                left,
            })
        })
        .collect()
}

/// A placements file removed when dropped.
pub(crate) struct TempPlacements(PathBuf);

impl TempPlacements {
    pub(crate) fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempPlacements {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// The store's placements (as `opstap outcomes export`) in a temporary file, for `opstap
/// eval --store`.
pub(crate) fn placements_file(
    store: Option<String>,
    store_key: Option<PathBuf>,
    participants: &Path,
    data_dir: Option<&Path>,
) -> Result<TempPlacements> {
    let path =
        std::env::temp_dir().join(format!("opstap-eval-placements-{}.jsonl", std::process::id()));
    let file = TempPlacements(path.clone());
    outcomes(
        OutcomesCommand::Export {
            participants: participants.to_path_buf(),
            out: Some(path),
            store: StoreArgs { store, store_key },
        },
        data_dir,
        &mut std::io::sink(),
    )?;
    Ok(file)
}

pub(crate) fn outcomes(
    command: OutcomesCommand,
    data_dir: Option<&Path>,
    out: &mut impl Write,
) -> Result<()> {
    let OutcomesCommand::Export { participants, out: path, store } = command;
    let (store, keys) = open(&store, data_dir)?;
    let text = std::fs::read_to_string(&participants)
        .with_context(|| format!("reading {}", participants.display()))?;
    let mut lines = String::new();
    let (mut people, mut exported) = (0usize, 0usize);
    for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let p: serde_json::Value = serde_json::from_str(line)
            .with_context(|| format!("{}:{}", participants.display(), i + 1))?;
        let Some(id) = p.get("id").and_then(|v| v.as_str()) else {
            bail!("{}:{}: id: missing", participants.display(), i + 1);
        };
        let records = store.outcomes_for(&keys.participant(id))?;
        people += usize::from(!records.is_empty());
        for placement in placements(&records, id) {
            lines.push_str(&serde_json::to_string(&placement)?);
            lines.push('\n');
            exported += 1;
        }
    }
    match path {
        Some(p) => opstap_publish::write_file(&p, lines.as_bytes())?,
        None => out.write_all(lines.as_bytes())?,
    }
    eprintln!("{exported} placements of {people} participants with recorded outcomes");
    Ok(())
}

#[cfg(test)]
mod tests {
    use opstap_core::Date;
    use opstap_core::model::{PlacementFit, PlacementOutcome};
    use opstap_store::{Event, Outcome, OutcomeReason, OutcomeRecord};

    use super::placements;

    fn record(
        vacancy: &str,
        event: Event,
        on: &str,
        reason: Option<OutcomeReason>,
    ) -> OutcomeRecord {
        OutcomeRecord {
            id: 0,
            participant: "h".into(),
            outcome: Outcome {
                vacancy_id: vacancy.into(),
                event,
                reason,
                on: on.parse().unwrap(),
                contract: None,
                hours_per_week: None,
                rating: None,
            },
            recorded_by: "test".into(),
            recorded_at: "2026-11-27T00:00:00Z".into(),
        }
    }

    #[test]
    fn a_hire_carries_the_day_the_person_left_and_its_retention_follows() {
        let records = [
            record("v-1", Event::Applied, "2026-05-01", None),
            record("v-1", Event::Hired, "2026-06-01", None),
            record("v-1", Event::Left, "2026-07-15", Some(OutcomeReason::DidNotFit)),
            record("v-2", Event::Hired, "2026-10-01", None),
            record("v-3", Event::Rejected, "2026-09-01", None),
        ];
        let placed = placements(&records, "p");
        assert_eq!(placed.len(), 3, "hires and rejections are placements: {placed:?}");
        let today: Date = "2026-11-27".parse().unwrap();
        let first = &placed[0];
        assert_eq!(first.left, Some("2026-07-15".parse().unwrap()));
        assert_eq!(first.fit, Some(PlacementFit::Misfit), "left within 90 days: did not fit");
        assert_eq!(
            (first.retained(30, today), first.retained(90, today)),
            (Some(true), Some(false))
        );
        let second = &placed[1];
        assert_eq!(second.left, None);
        assert_eq!(
            (second.retained(30, today), second.retained(90, today)),
            (Some(true), None),
            "57 days in the job on the evaluation day: 90-day retention not known yet"
        );
        assert_eq!(placed[2].outcome, PlacementOutcome::Rejected);
        assert_eq!((placed[2].left, placed[2].retained(30, today)), (None, None));
    }
}
