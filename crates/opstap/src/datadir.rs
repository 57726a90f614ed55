//! The data dir: where the index lives. Without `--data-dir`, a default dir under the
//! user's data directory is seeded from the bundled fixtures on first use (and rebuilt
//! when the bundled fixtures change), so `opstap match` works on a fresh machine.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::{Context, Result, bail};
use opstap_index::{IngestOptions, VacancyIndex};

const FINGERPRINT_FILE: &str = "opstap-fixtures.fingerprint";
/// The fingerprint of a default dir that holds the user's own vacancies.
const USER_DATA: &str = "user-data";

pub(crate) fn default_dir() -> PathBuf {
    let base = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .unwrap_or_else(|| PathBuf::from(".opstap-data"));
    base.join("opstap").join("default")
}

/// The index to write to: the given directory, or the default one (seeded first, then
/// marked as the user's, so a later build never reseeds it over their vacancies).
pub(crate) fn open_for_writing(given: Option<&Path>) -> Result<(PathBuf, VacancyIndex)> {
    match given {
        Some(dir) => Ok((dir.to_path_buf(), VacancyIndex::open(dir)?)),
        None => {
            let index = open(None)?;
            let dir = default_dir();
            std::fs::write(dir.join(FINGERPRINT_FILE), USER_DATA)
                .with_context(|| format!("marking {} as holding your vacancies", dir.display()))?;
            Ok((dir, index))
        }
    }
}

/// The index a server reads and writes: as [`open`]; the default dir is marked as the
/// user's before the first write commits, so vacancies written over gRPC are never
/// reseeded away by a later build.
pub(crate) fn open_for_serving(given: Option<&Path>) -> Result<VacancyIndex> {
    let index = open(given)?;
    if given.is_none() {
        let marker = default_dir().join(FINGERPRINT_FILE);
        index.before_first_write(move || std::fs::write(&marker, USER_DATA));
    }
    Ok(index)
}

/// The default dir's lock, held shared for the life of the process once the dir is in
/// use, and exclusively while it is checked and seeded: a second process never swaps the
/// dir under one that reads it.
fn lock_default_dir(dir: &Path) -> Result<()> {
    static HELD: OnceLock<File> = OnceLock::new();
    if HELD.get().is_some() {
        return Ok(());
    }
    let parent = dir.parent().unwrap_or(dir);
    std::fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
    let path = parent.join("default.lock");
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("opening the lock {}", path.display()))?;
    match file.try_lock() {
        Ok(()) => {
            // Alone: check the dir and seed it if needed, then share it.
            seed_if_stale(dir)?;
            file.unlock().with_context(|| format!("unlocking {}", path.display()))?;
        }
        Err(std::fs::TryLockError::WouldBlock) => {
            tracing::info!(lock = %path.display(), "the default index is in use by another opstap process; waiting for it to be ready");
        }
        Err(std::fs::TryLockError::Error(e)) => {
            return Err(e).with_context(|| format!("locking {}", path.display()));
        }
    }
    // Waits while another process seeds it; then no process can seed while this one reads.
    file.lock_shared().with_context(|| format!("locking {}", path.display()))?;
    let _ = HELD.set(file);
    Ok(())
}

/// Opens the index to match against. A given directory must hold an index; the default
/// one is seeded from the bundled fixtures when it is missing or stale.
pub(crate) fn open(given: Option<&Path>) -> Result<VacancyIndex> {
    match given {
        Some(dir) => {
            let meta = dir.join("meta.json");
            if !meta.try_exists().with_context(|| format!("reading {}", meta.display()))? {
                bail!(
                    "{}: no index here; create one with `opstap index --data-dir {} FILE.jsonl`",
                    dir.display(),
                    dir.display()
                );
            }
            Ok(VacancyIndex::open(dir)?)
        }
        None => {
            let dir = default_dir();
            lock_default_dir(&dir)?;
            Ok(VacancyIndex::open(&dir)?)
        }
    }
}

/// Seeds the default dir when it is missing or stale (the bundled vacancies or the index
/// format changed) — unless it holds the user's own vacancies: then it is never reseeded.
/// Called with the default dir's lock held exclusively.
fn seed_if_stale(dir: &Path) -> Result<()> {
    let fingerprint = format!(
        "{}-format{}",
        opstap_fixtures::vacancies_fingerprint(),
        opstap_index::FORMAT_VERSION
    );
    let current = std::fs::read_to_string(dir.join(FINGERPRINT_FILE)).ok();
    if current.as_deref() != Some(fingerprint.as_str()) && current.as_deref() != Some(USER_DATA) {
        seed(dir, &fingerprint)?;
    }
    Ok(())
}

/// Builds the default index from the bundled vacancies in a staging directory beside it,
/// then publishes it ([`opstap_publish`]), so a crash never leaves a half-built default
/// index and never loses the previous one.
fn seed(dir: &Path, fingerprint: &str) -> Result<()> {
    tracing::info!(dir = %dir.display(), "seeding the default index from the bundled fixtures");
    // The default dir is opstap's own, whatever it holds.
    let staging = opstap_publish::Staging::begin(dir, "default-data-dir", &|_| true)?;
    {
        let index = VacancyIndex::open(staging.path())?;
        let report = index.ingest_str(
            "fixtures/vacancies.jsonl",
            opstap_fixtures::VACANCIES_JSONL,
            IngestOptions::default(),
        )?;
        tracing::info!(vacancies = report.accepted, "default index built");
    }
    std::fs::write(staging.path().join(FINGERPRINT_FILE), fingerprint)?;
    staging.publish()?;
    Ok(())
}
