//! The caseworkers' records, in a real database: what employers answered (an overlay on
//! their vacancies), what happened with a person and a vacancy (shown, applied, hired, …),
//! and the audit trail of every list shown. SQLite in the data dir by default; PostgreSQL
//! for a shared deployment (`postgres://…`); one schema with versioned migrations.
//!
//! Profiles are never stored. A participant appears only as a keyed hash of the pseudonym
//! the caseworker's tool uses ([`Pseudonymizer`]), so the store alone cannot tell who is who,
//! nor can anyone with a list of pseudonyms but without the key.

mod db;

use std::fmt;
use std::path::Path;

use opstap_core::answer::{AnswerKind, EmployerAnswer};
use opstap_core::date::Date;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::db::{Cell, Db, Param};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the store at {at}: {message}")]
    Open { at: String, message: String },
    #[error("store: {0}")]
    Sql(String),
    #[error("store schema: {0}")]
    Schema(String),
    #[error("{field}: {message}")]
    Invalid { field: String, message: String },
}

impl StoreError {
    fn open(at: impl fmt::Display, e: impl fmt::Display) -> StoreError {
        StoreError::Open { at: at.to_string(), message: e.to_string() }
    }

    fn sql(e: impl fmt::Display + fmt::Debug + 'static) -> StoreError {
        // PostgreSQL's error says "db error" and keeps the server's message inside.
        let any: &dyn std::any::Any = &e;
        if let Some(pg) = any.downcast_ref::<postgres::Error>()
            && let Some(db) = pg.as_db_error()
        {
            return StoreError::Sql(format!("{} ({})", db.message(), db.code().code()));
        }
        StoreError::Sql(e.to_string())
    }

    fn invalid(field: impl Into<String>, message: impl Into<String>) -> StoreError {
        StoreError::Invalid { field: field.into(), message: message.into() }
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// Now, as the store writes times: UTC, to the second, ISO 8601.
pub fn now() -> String {
    jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Who recorded something: the token's name and role (never the token).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub name: String,
    pub role: String,
}

/// The keyed hash a participant's pseudonym is stored as.
#[derive(Clone)]
pub struct Pseudonymizer {
    key: [u8; 32],
}

impl fmt::Debug for Pseudonymizer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Pseudonymizer(…)")
    }
}

impl Pseudonymizer {
    pub fn new(key: [u8; 32]) -> Pseudonymizer {
        Pseudonymizer { key }
    }

    /// The key kept in `path` (32 bytes, hex), made on first use with the operating
    /// system's randomness and readable by the owner only.
    pub fn from_key_file(path: &Path) -> Result<Pseudonymizer> {
        let err = |e: std::io::Error| StoreError::open(path.display(), e);
        match std::fs::read_to_string(path) {
            Ok(text) => {
                let text = text.trim();
                let bytes: Vec<u8> = (0..text.len())
                    .step_by(2)
                    .filter_map(|i| text.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()))
                    .collect();
                let key: [u8; 32] = bytes.try_into().map_err(|_| {
                    StoreError::open(path.display(), "the key file must hold 64 hex digits")
                })?;
                Ok(Pseudonymizer { key })
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let mut key = [0u8; 32];
                let mut urandom = std::fs::File::open("/dev/urandom").map_err(err)?;
                std::io::Read::read_exact(&mut urandom, &mut key).map_err(err)?;
                let hex: String = key.iter().map(|b| format!("{b:02x}")).collect();
                write_private(path, &hex).map_err(err)?;
                Ok(Pseudonymizer { key })
            }
            Err(e) => Err(err(e)),
        }
    }

    /// The stored form of a participant's pseudonym.
    pub fn participant(&self, pseudonym: &str) -> String {
        let mut h = Sha256::new();
        h.update(self.key);
        h.update(pseudonym.as_bytes());
        h.finalize().iter().take(16).map(|b| format!("{b:02x}")).collect()
    }
}

fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    #[cfg(unix)]
    use std::os::unix::fs::OpenOptionsExt;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    options.mode(0o600);
    let mut f = options.open(path)?;
    f.write_all(text.as_bytes())?;
    f.sync_all()
}

macro_rules! vocabulary {
    ($(#[$m:meta])* $name:ident { $($variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $code)] $variant,)+
        }

        impl $name {
            pub const ALL: &[$name] = &[$($name::$variant,)+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code,)+ }
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> std::result::Result<$name, String> {
                match s {
                    $($code => Ok($name::$variant),)+
                    _ => Err(format!(
                        "`{s}` is not one of {}",
                        [$($code),+].join(", ")
                    )),
                }
            }
        }
    };
}

vocabulary!(
    /// What happened between a participant and a vacancy.
    Event {
        Shown => "SHOWN",
        Interested => "INTERESTED",
        NotInterested => "NOT_INTERESTED",
        Applied => "APPLIED",
        Rejected => "REJECTED",
        Trial => "TRIAL",
        Hired => "HIRED",
        Left => "LEFT",
        FitRating => "FIT_RATING",
    }
);

vocabulary!(
    /// Why: for NOT_INTERESTED (the person's), REJECTED (the employer's) and LEFT.
    OutcomeReason {
        TooFar => "TOO_FAR",
        Hours => "HOURS",
        DayParts => "DAY_PARTS",
        NotMyField => "NOT_MY_FIELD",
        PhysicallyDemanding => "PHYSICALLY_DEMANDING",
        Pay => "PAY",
        Language => "LANGUAGE",
        Experience => "EXPERIENCE",
        Certificate => "CERTIFICATE",
        WorkPermit => "WORK_PERMIT",
        NoResponse => "NO_RESPONSE",
        PositionFilled => "POSITION_FILLED",
        ContractEnded => "CONTRACT_ENDED",
        DidNotFit => "DID_NOT_FIT",
        Moved => "MOVED",
        OtherJob => "OTHER_JOB",
        Other => "OTHER",
    }
);

impl Event {
    /// The reasons an event may carry (none for the others).
    pub fn reasons(self) -> &'static [OutcomeReason] {
        use OutcomeReason::*;
        match self {
            Event::NotInterested => {
                &[TooFar, Hours, DayParts, NotMyField, PhysicallyDemanding, Pay, Other]
            }
            Event::Rejected => {
                &[Language, Experience, Certificate, WorkPermit, NoResponse, PositionFilled, Other]
            }
            Event::Left => &[ContractEnded, DidNotFit, Moved, OtherJob, Pay, Other],
            _ => &[],
        }
    }

    /// A vacancy with this event for the person has been dealt with: a match list may leave
    /// it out.
    pub fn settles(self) -> bool {
        matches!(
            self,
            Event::Shown
                | Event::NotInterested
                | Event::Applied
                | Event::Rejected
                | Event::Trial
                | Event::Hired
        )
    }
}

/// An outcome to record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    pub vacancy_id: String,
    pub event: Event,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<OutcomeReason>,
    pub on: Date,
    /// For HIRED: the contract and hours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours_per_week: Option<f64>,
    /// For FIT_RATING: the participant's own rating of fit, 1 (not at all) to 5 (fully).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<u8>,
}

impl Outcome {
    /// Checks what no database constraint says: the reason fits the event, a hire or a
    /// start is not in the future, a rating is 1–5, hours are plausible.
    pub fn check(&self, today: Date) -> Result<()> {
        match self.reason {
            Some(r) if !self.event.reasons().contains(&r) => {
                let accepted: Vec<&str> = self.event.reasons().iter().map(|r| r.as_str()).collect();
                return Err(StoreError::invalid(
                    "reason",
                    if accepted.is_empty() {
                        format!("{} takes no reason", self.event.as_str())
                    } else {
                        format!(
                            "`{}` is not a reason for {}; accepted: {}",
                            r.as_str(),
                            self.event.as_str(),
                            accepted.join(", ")
                        )
                    },
                ));
            }
            _ => {}
        }
        if self.on > today {
            return Err(StoreError::invalid(
                "date",
                format!("{} is in the future (today is {today}); record what happened", self.on),
            ));
        }
        match (self.event, self.rating) {
            (Event::FitRating, Some(1..=5)) => {}
            (Event::FitRating, _) => {
                return Err(StoreError::invalid("rating", "FIT_RATING needs a rating from 1 to 5"));
            }
            (_, Some(_)) => {
                return Err(StoreError::invalid("rating", "only FIT_RATING takes a rating"));
            }
            _ => {}
        }
        if let Some(h) = self.hours_per_week
            && !(h > 0.0 && h <= 60.0)
        {
            return Err(StoreError::invalid(
                "hours_per_week",
                format!("{h} is out of range; expected more than 0 and at most 60"),
            ));
        }
        if (self.contract.is_some() || self.hours_per_week.is_some()) && self.event != Event::Hired
        {
            return Err(StoreError::invalid("contract", "contract and hours belong to HIRED"));
        }
        if self.contract.as_ref().is_some_and(|c| c.len() > 40) {
            return Err(StoreError::invalid("contract", "is longer than 40 characters"));
        }
        Ok(())
    }
}

/// A recorded outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutcomeRecord {
    pub id: i64,
    /// The keyed hash of the participant's pseudonym.
    pub participant: String,
    #[serde(flatten)]
    pub outcome: Outcome,
    pub recorded_by: String,
    pub recorded_at: String,
}

/// A recorded employer answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnswerRecord {
    pub id: i64,
    pub vacancy_id: String,
    pub answer: AnswerKind,
    pub answered_on: Date,
    pub source: String,
    pub recorded_by: String,
    pub recorded_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revoked_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revoked_at: Option<String>,
}

impl AnswerRecord {
    /// The answer as a vacancy carries it.
    pub fn to_answer(&self) -> EmployerAnswer {
        EmployerAnswer {
            answer: self.answer.clone(),
            answered_on: self.answered_on,
            source: self.source.clone(),
            id: Some(self.id),
        }
    }
}

/// One list shown (or one explanation or plan): enough to say why, and to reproduce it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    #[serde(default)]
    pub id: i64,
    pub at: String,
    pub actor: Actor,
    /// `MatchVacancies`, `ExplainMatch`, `PlanSteps`, `StreamMatches`.
    pub call: String,
    /// The keyed hash of the participant's pseudonym.
    pub participant: String,
    /// SHA-256 of the matching configuration in force.
    pub config_hash: String,
    /// The index commit the call read.
    pub index_version: String,
    /// The day matched on.
    pub matched_on: Date,
    /// The vacancy ids returned, in order, with their scores.
    pub results: Vec<(String, f64)>,
}

/// The store.
pub struct Store {
    db: Db,
    location: String,
}

impl fmt::Debug for Store {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Store({} at {})", self.db.backend(), self.location)
    }
}

fn text(row: &[Cell], i: usize) -> Result<String> {
    row.get(i)
        .and_then(Cell::text)
        .map(str::to_owned)
        .ok_or_else(|| StoreError::Schema(format!("column {i}: expected text")))
}

fn opt_text(row: &[Cell], i: usize) -> Option<String> {
    row.get(i).and_then(Cell::text).map(str::to_owned)
}

fn int(row: &[Cell], i: usize) -> Result<i64> {
    row.get(i)
        .and_then(Cell::int)
        .ok_or_else(|| StoreError::Schema(format!("column {i}: expected an integer")))
}

fn date(row: &[Cell], i: usize) -> Result<Date> {
    text(row, i)?.parse().map_err(|e| StoreError::Schema(format!("column {i}: {e}")))
}

impl Store {
    /// Opens (and migrates) the store at `location`: `postgres://…` or `postgresql://…`
    /// for PostgreSQL, else the path of an SQLite file (created when absent).
    pub fn open(location: &str) -> Result<Store> {
        let db = if location.starts_with("postgres://") || location.starts_with("postgresql://") {
            Db::postgres(location)?
        } else {
            let path = Path::new(location.strip_prefix("sqlite://").unwrap_or(location));
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(|e| StoreError::open(dir.display(), e))?;
            }
            Db::sqlite(path)?
        };
        db.migrate()?;
        Ok(Store { db, location: db::redact(location) })
    }

    /// `sqlite` or `postgres`.
    pub fn backend(&self) -> &'static str {
        self.db.backend()
    }

    pub fn location(&self) -> &str {
        &self.location
    }

    /// The schema versions applied.
    pub fn schema_versions(&self) -> Result<Vec<i64>> {
        self.db
            .query("SELECT version FROM schema_migrations ORDER BY version", &[])?
            .iter()
            .map(|r| int(r, 0))
            .collect()
    }

    // ------------------------------------------------------------ employer answers

    pub fn record_answer(
        &self,
        vacancy_id: &str,
        answer: &EmployerAnswer,
        by: &Actor,
    ) -> Result<i64> {
        let json = serde_json::to_string(&answer.answer).map_err(StoreError::sql)?;
        let day = answer.answered_on.to_string();
        let at = now();
        self.db.insert(
            "INSERT INTO employer_answers (vacancy_id, answer, answered_on, source, recorded_by, recorded_at) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            &[
                Param::Text(vacancy_id),
                Param::Text(&json),
                Param::Text(&day),
                Param::Text(&answer.source),
                Param::Text(&by.name),
                Param::Text(&at),
            ],
        )
    }

    /// Revokes an answer in force; the revoked answer, or `None` when there is no such
    /// answer in force.
    pub fn revoke_answer(&self, id: i64, by: &Actor) -> Result<Option<AnswerRecord>> {
        let at = now();
        let n = self.db.execute(
            "UPDATE employer_answers SET revoked_by = $1, revoked_at = $2 WHERE id = $3 AND revoked_at IS NULL",
            &[Param::Text(&by.name), Param::Text(&at), Param::Int(id)],
        )?;
        if n == 0 {
            return Ok(None);
        }
        Ok(self.answers_where("id = $1", &[Param::Int(id)])?.pop())
    }

    /// The answers in force for a vacancy, oldest first.
    pub fn answers_for(&self, vacancy_id: &str) -> Result<Vec<AnswerRecord>> {
        self.answers_where("vacancy_id = $1 AND revoked_at IS NULL", &[Param::Text(vacancy_id)])
    }

    /// The vacancies that have (or had) answers.
    pub fn answered_vacancies(&self) -> Result<Vec<String>> {
        self.db
            .query("SELECT DISTINCT vacancy_id FROM employer_answers ORDER BY vacancy_id", &[])?
            .iter()
            .map(|r| text(r, 0))
            .collect()
    }

    fn answers_where(&self, condition: &str, params: &[Param<'_>]) -> Result<Vec<AnswerRecord>> {
        let sql = format!(
            "SELECT id, vacancy_id, answer, answered_on, source, recorded_by, recorded_at, revoked_by, revoked_at \
             FROM employer_answers WHERE {condition} ORDER BY answered_on, id"
        );
        self.db
            .query(&sql, params)?
            .iter()
            .map(|r| {
                Ok(AnswerRecord {
                    id: int(r, 0)?,
                    vacancy_id: text(r, 1)?,
                    answer: serde_json::from_str(&text(r, 2)?)
                        .map_err(|e| StoreError::Schema(e.to_string()))?,
                    answered_on: date(r, 3)?,
                    source: text(r, 4)?,
                    recorded_by: text(r, 5)?,
                    recorded_at: text(r, 6)?,
                    revoked_by: opt_text(r, 7),
                    revoked_at: opt_text(r, 8),
                })
            })
            .collect()
    }

    // ------------------------------------------------------------ outcomes

    /// Records an outcome for a participant (by the stored hash of the pseudonym).
    pub fn record_outcome(&self, participant: &str, o: &Outcome, by: &Actor) -> Result<i64> {
        let day = o.on.to_string();
        let at = now();
        self.db.insert(
            "INSERT INTO outcomes (participant, vacancy_id, event, reason, on_day, contract, hours_per_week, rating, recorded_by, recorded_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
            &[
                Param::Text(participant),
                Param::Text(&o.vacancy_id),
                Param::Text(o.event.as_str()),
                Param::OptText(o.reason.map(|r| r.as_str())),
                Param::Text(&day),
                Param::OptText(o.contract.as_deref()),
                Param::OptReal(o.hours_per_week),
                Param::OptInt(o.rating.map(i64::from)),
                Param::Text(&by.name),
                Param::Text(&at),
            ],
        )
    }

    /// A participant's outcomes, oldest first.
    pub fn outcomes_for(&self, participant: &str) -> Result<Vec<OutcomeRecord>> {
        self.outcomes_where("participant = $1", &[Param::Text(participant)])
    }

    /// Every outcome, oldest first (for the analysts' export).
    pub fn all_outcomes(&self) -> Result<Vec<OutcomeRecord>> {
        self.outcomes_where("1 = 1", &[])
    }

    /// The vacancies a participant's list may leave out: those already shown, declined,
    /// applied to, rejected for, tried or taken.
    pub fn settled_vacancies(&self, participant: &str) -> Result<Vec<String>> {
        let mut ids: Vec<String> = self
            .outcomes_for(participant)?
            .into_iter()
            .filter(|o| o.outcome.event.settles())
            .map(|o| o.outcome.vacancy_id)
            .collect();
        ids.sort();
        ids.dedup();
        Ok(ids)
    }

    fn outcomes_where(&self, condition: &str, params: &[Param<'_>]) -> Result<Vec<OutcomeRecord>> {
        let sql = format!(
            "SELECT id, participant, vacancy_id, event, reason, on_day, contract, hours_per_week, rating, recorded_by, recorded_at \
             FROM outcomes WHERE {condition} ORDER BY on_day, id"
        );
        self.db
            .query(&sql, params)?
            .iter()
            .map(|r| {
                let bad = |e: String| StoreError::Schema(e);
                Ok(OutcomeRecord {
                    id: int(r, 0)?,
                    participant: text(r, 1)?,
                    outcome: Outcome {
                        vacancy_id: text(r, 2)?,
                        event: text(r, 3)?.parse().map_err(bad)?,
                        reason: opt_text(r, 4).map(|s| s.parse()).transpose().map_err(bad)?,
                        on: date(r, 5)?,
                        contract: opt_text(r, 6),
                        hours_per_week: r.get(7).and_then(Cell::real),
                        rating: r.get(8).and_then(Cell::int).and_then(|v| u8::try_from(v).ok()),
                    },
                    recorded_by: text(r, 9)?,
                    recorded_at: text(r, 10)?,
                })
            })
            .collect()
    }

    // ------------------------------------------------------------ audit

    pub fn record_audit(&self, e: &AuditEntry) -> Result<i64> {
        let results = serde_json::to_string(&e.results).map_err(StoreError::sql)?;
        let day = e.matched_on.to_string();
        self.db.insert(
            "INSERT INTO audit (at, token_name, role, call, participant, config_hash, index_version, matched_on, results) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
            &[
                Param::Text(&e.at),
                Param::Text(&e.actor.name),
                Param::Text(&e.actor.role),
                Param::Text(&e.call),
                Param::Text(&e.participant),
                Param::Text(&e.config_hash),
                Param::Text(&e.index_version),
                Param::Text(&day),
                Param::Text(&results),
            ],
        )
    }

    /// The audit entries for a participant, optionally of one day and one token name,
    /// oldest first.
    pub fn audit_for(
        &self,
        participant: &str,
        day: Option<Date>,
        token_name: Option<&str>,
    ) -> Result<Vec<AuditEntry>> {
        let day = day.map(|d| d.to_string());
        let rows = self.db.query(
            "SELECT id, at, token_name, role, call, participant, config_hash, index_version, matched_on, results FROM audit \
             WHERE participant = $1 AND (CAST($2 AS TEXT) IS NULL OR matched_on = $2) AND (CAST($3 AS TEXT) IS NULL OR token_name = $3) ORDER BY at, id",
            &[Param::Text(participant), Param::OptText(day.as_deref()), Param::OptText(token_name)],
        )?;
        rows.iter()
            .map(|r| {
                Ok(AuditEntry {
                    id: int(r, 0)?,
                    at: text(r, 1)?,
                    actor: Actor { name: text(r, 2)?, role: text(r, 3)? },
                    call: text(r, 4)?,
                    participant: text(r, 5)?,
                    config_hash: text(r, 6)?,
                    index_version: text(r, 7)?,
                    matched_on: date(r, 8)?,
                    results: serde_json::from_str(&text(r, 9)?)
                        .map_err(|e| StoreError::Schema(e.to_string()))?,
                })
            })
            .collect()
    }

    /// Removes the audit entries written before `before` (an ISO 8601 UTC time); how many.
    pub fn purge_audit(&self, before: &str) -> Result<u64> {
        self.db.execute("DELETE FROM audit WHERE at < $1", &[Param::Text(before)])
    }
}

#[cfg(test)]
mod tests;
