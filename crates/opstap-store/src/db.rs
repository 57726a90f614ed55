//! One small SQL surface over SQLite and PostgreSQL: the same statements (`$1`-style
//! parameters, which SQLite also reads, in order), a few value types, and the schema's
//! versioned migrations. Every write is one statement or one transaction.

use std::sync::Mutex;

use crate::StoreError;

/// A statement's parameter.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Param<'a> {
    Int(i64),
    Text(&'a str),
    OptInt(Option<i64>),
    OptReal(Option<f64>),
    OptText(Option<&'a str>),
}

/// A value read back.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    Int(i64),
    Real(f64),
    Text(String),
    Null,
}

impl Cell {
    pub(crate) fn int(&self) -> Option<i64> {
        match self {
            Cell::Int(i) => Some(*i),
            _ => None,
        }
    }

    pub(crate) fn real(&self) -> Option<f64> {
        match self {
            Cell::Real(f) => Some(*f),
            Cell::Int(i) => Some(*i as f64),
            _ => None,
        }
    }

    pub(crate) fn text(&self) -> Option<&str> {
        match self {
            Cell::Text(s) => Some(s),
            _ => None,
        }
    }
}

pub(crate) enum Db {
    Sqlite(Mutex<rusqlite::Connection>),
    Postgres(PgThread),
}

type PgJob = Box<dyn FnOnce(&mut postgres::Client) + Send>;

/// The PostgreSQL client on a thread of its own. The blocking client drives an async
/// runtime of its own, which may not start inside another one — a server's worker
/// thread, even where the client is only dropped — so every call (and the drop) happens
/// on this thread, one at a time, over a channel.
pub(crate) struct PgThread {
    jobs: Mutex<std::sync::mpsc::Sender<PgJob>>,
}

impl PgThread {
    fn start(url: &str) -> Result<PgThread, StoreError> {
        let (ready_tx, ready_rx) = std::sync::mpsc::channel::<Result<(), String>>();
        let (jobs, queue) = std::sync::mpsc::channel::<PgJob>();
        let target = url.to_owned();
        std::thread::Builder::new()
            .name("opstap-postgres".into())
            .spawn(move || match postgres::Client::connect(&target, postgres::NoTls) {
                Ok(mut client) => {
                    let _ = ready_tx.send(Ok(()));
                    for job in queue {
                        job(&mut client);
                    }
                }
                Err(e) => {
                    let _ = ready_tx.send(Err(StoreError::sql(e).to_string()));
                }
            })
            .map_err(|e| StoreError::open(redact(url), e))?;
        match ready_rx.recv() {
            Ok(Ok(())) => Ok(PgThread { jobs: Mutex::new(jobs) }),
            Ok(Err(message)) => Err(StoreError::open(redact(url), message)),
            Err(_) => Err(StoreError::open(redact(url), "the connection thread ended")),
        }
    }

    /// Runs `f` with the client on its thread and returns what it returns.
    fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut postgres::Client) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, StoreError> {
        let (tx, rx) = std::sync::mpsc::channel();
        let gone = || StoreError::Sql("the PostgreSQL connection thread ended".into());
        self.jobs
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .send(Box::new(move |client| {
                let _ = tx.send(f(client));
            }))
            .map_err(|_| gone())?;
        rx.recv().map_err(|_| gone())?
    }
}

/// The schema, one migration a version. `{id}` is the backend's auto-numbered key and
/// `{real}` its floating-point type.
const MIGRATIONS: &[(i64, &str, &str)] = &[(
    1,
    "answers, outcomes and the audit trail",
    "
    CREATE TABLE employer_answers (
        id {id},
        vacancy_id TEXT NOT NULL,
        answer TEXT NOT NULL,
        answered_on TEXT NOT NULL,
        source TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        revoked_by TEXT,
        revoked_at TEXT
    );
    CREATE INDEX employer_answers_vacancy ON employer_answers (vacancy_id);
    CREATE TABLE outcomes (
        id {id},
        participant TEXT NOT NULL,
        vacancy_id TEXT NOT NULL,
        event TEXT NOT NULL,
        reason TEXT,
        on_day TEXT NOT NULL,
        contract TEXT,
        hours_per_week {real},
        rating BIGINT,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
    );
    CREATE INDEX outcomes_participant ON outcomes (participant, vacancy_id);
    CREATE TABLE audit (
        id {id},
        at TEXT NOT NULL,
        token_name TEXT NOT NULL,
        role TEXT NOT NULL,
        call TEXT NOT NULL,
        participant TEXT NOT NULL,
        config_hash TEXT NOT NULL,
        index_version TEXT NOT NULL,
        matched_on TEXT NOT NULL,
        results TEXT NOT NULL
    );
    CREATE INDEX audit_participant ON audit (participant, matched_on);
    CREATE INDEX audit_at ON audit (at);
    ",
)];

impl Db {
    pub(crate) fn sqlite(path: &std::path::Path) -> Result<Db, StoreError> {
        let conn =
            rusqlite::Connection::open(path).map_err(|e| StoreError::open(path.display(), e))?;
        // WAL with a full sync at every commit: an acknowledged write survives a crash.
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;",
        )
        .map_err(|e| StoreError::open(path.display(), e))?;
        Ok(Db::Sqlite(Mutex::new(conn)))
    }

    pub(crate) fn postgres(url: &str) -> Result<Db, StoreError> {
        Ok(Db::Postgres(PgThread::start(url)?))
    }

    pub(crate) fn backend(&self) -> &'static str {
        match self {
            Db::Sqlite(_) => "sqlite",
            Db::Postgres(_) => "postgres",
        }
    }

    /// Applies the migrations not yet applied, each in its own transaction.
    pub(crate) fn migrate(&self) -> Result<Vec<i64>, StoreError> {
        self.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
            &[],
        )?;
        let done: Vec<i64> = self
            .query("SELECT version FROM schema_migrations ORDER BY version", &[])?
            .iter()
            .filter_map(|r| r[0].int())
            .collect();
        if let Some(&newest) = done.last()
            && newest > MIGRATIONS.last().map_or(0, |m| m.0)
        {
            return Err(StoreError::Schema(format!(
                "the store's schema is version {newest}, newer than this build knows ({}); use a newer opstap",
                MIGRATIONS.last().map_or(0, |m| m.0)
            )));
        }
        let mut applied = Vec::new();
        for &(version, name, sql) in MIGRATIONS.iter().filter(|m| !done.contains(&m.0)) {
            let (id, real) = match self {
                Db::Sqlite(_) => ("INTEGER PRIMARY KEY", "REAL"),
                Db::Postgres(_) => {
                    ("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", "DOUBLE PRECISION")
                }
            };
            let sql = sql.replace("{id}", id).replace("{real}", real);
            let record = format!(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES ({version}, '{}', '{}')",
                name.replace('\'', "''"),
                crate::now()
            );
            let batch = format!("{sql};\n{record};");
            match self {
                Db::Sqlite(c) => {
                    let mut c = c.lock().unwrap_or_else(|e| e.into_inner());
                    let tx = c.transaction().map_err(StoreError::sql)?;
                    tx.execute_batch(&batch).map_err(StoreError::sql)?;
                    tx.commit().map_err(StoreError::sql)?;
                }
                Db::Postgres(pg) => pg.run(move |c| {
                    let mut tx = c.transaction().map_err(StoreError::sql)?;
                    tx.batch_execute(&batch).map_err(StoreError::sql)?;
                    tx.commit().map_err(StoreError::sql)
                })?,
            }
            applied.push(version);
        }
        Ok(applied)
    }

    /// Runs one statement; the rows it changed.
    pub(crate) fn execute(&self, sql: &str, params: &[Param<'_>]) -> Result<u64, StoreError> {
        match self {
            Db::Sqlite(c) => {
                let c = c.lock().unwrap_or_else(|e| e.into_inner());
                let n = c
                    .execute(sql, rusqlite::params_from_iter(params.iter().map(sqlite_value)))
                    .map_err(StoreError::sql)?;
                Ok(n as u64)
            }
            Db::Postgres(pg) => {
                let boxed = pg_params(params);
                let sql = sql.to_owned();
                pg.run(move |c| {
                    let refs: Vec<&(dyn postgres::types::ToSql + Sync)> =
                        boxed.iter().map(|b| b.as_ref() as _).collect();
                    c.execute(&sql, &refs).map_err(StoreError::sql)
                })
            }
        }
    }

    /// Runs one query; its rows.
    pub(crate) fn query(
        &self,
        sql: &str,
        params: &[Param<'_>],
    ) -> Result<Vec<Vec<Cell>>, StoreError> {
        match self {
            Db::Sqlite(c) => {
                let c = c.lock().unwrap_or_else(|e| e.into_inner());
                let mut stmt = c.prepare_cached(sql).map_err(StoreError::sql)?;
                let n = stmt.column_count();
                let rows = stmt
                    .query_map(rusqlite::params_from_iter(params.iter().map(sqlite_value)), |row| {
                        (0..n)
                            .map(|i| {
                                Ok(match row.get_ref(i)? {
                                    rusqlite::types::ValueRef::Integer(v) => Cell::Int(v),
                                    rusqlite::types::ValueRef::Real(v) => Cell::Real(v),
                                    rusqlite::types::ValueRef::Text(t) => {
                                        Cell::Text(String::from_utf8_lossy(t).into_owned())
                                    }
                                    rusqlite::types::ValueRef::Null
                                    | rusqlite::types::ValueRef::Blob(_) => Cell::Null,
                                })
                            })
                            .collect::<Result<Vec<Cell>, _>>()
                    })
                    .map_err(StoreError::sql)?;
                rows.collect::<Result<Vec<_>, _>>().map_err(StoreError::sql)
            }
            Db::Postgres(pg) => {
                let boxed = pg_params(params);
                let sql = sql.to_owned();
                let rows = pg.run(move |c| {
                    let refs: Vec<&(dyn postgres::types::ToSql + Sync)> =
                        boxed.iter().map(|b| b.as_ref() as _).collect();
                    c.query(&sql, &refs).map_err(StoreError::sql)
                })?;
                rows.iter()
                    .map(|row| {
                        (0..row.len())
                            .map(|i| {
                                use postgres::types::Type;
                                let ty = row.columns()[i].type_().clone();
                                Ok(if ty == Type::INT8 {
                                    row.try_get::<_, Option<i64>>(i)?.map_or(Cell::Null, Cell::Int)
                                } else if ty == Type::INT4 {
                                    row.try_get::<_, Option<i32>>(i)?
                                        .map_or(Cell::Null, |v| Cell::Int(i64::from(v)))
                                } else if ty == Type::FLOAT8 {
                                    row.try_get::<_, Option<f64>>(i)?.map_or(Cell::Null, Cell::Real)
                                } else {
                                    row.try_get::<_, Option<String>>(i)?
                                        .map_or(Cell::Null, Cell::Text)
                                })
                            })
                            .collect::<Result<Vec<Cell>, postgres::Error>>()
                    })
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(StoreError::sql)
            }
        }
    }

    /// An insert ending in `RETURNING id`: the new row's id.
    pub(crate) fn insert(&self, sql: &str, params: &[Param<'_>]) -> Result<i64, StoreError> {
        self.query(sql, params)?
            .first()
            .and_then(|r| r.first())
            .and_then(Cell::int)
            .ok_or_else(|| StoreError::Schema("an insert returned no id".into()))
    }
}

fn sqlite_value(p: &Param<'_>) -> rusqlite::types::Value {
    use rusqlite::types::Value;
    match *p {
        Param::Int(i) | Param::OptInt(Some(i)) => Value::Integer(i),
        Param::OptReal(Some(f)) => Value::Real(f),
        Param::Text(t) | Param::OptText(Some(t)) => Value::Text(t.to_owned()),
        Param::OptInt(None) | Param::OptReal(None) | Param::OptText(None) => Value::Null,
    }
}

fn pg_params(params: &[Param<'_>]) -> Vec<Box<dyn postgres::types::ToSql + Sync + Send>> {
    params
        .iter()
        .map(|p| -> Box<dyn postgres::types::ToSql + Sync + Send> {
            match *p {
                Param::Int(i) => Box::new(i),
                Param::Text(t) => Box::new(t.to_owned()),
                Param::OptInt(i) => Box::new(i),
                Param::OptReal(f) => Box::new(f),
                Param::OptText(t) => Box::new(t.map(str::to_owned)),
            }
        })
        .collect()
}

/// A connection URL without its password, for messages.
pub(crate) fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let auth = &url[scheme + 3..at];
            let user = auth.split(':').next().unwrap_or("");
            format!("{}{user}:***{}", &url[..scheme + 3], &url[at..])
        }
        _ => url.to_owned(),
    }
}
