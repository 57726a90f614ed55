//! Atomic publication of output directories and files.
//!
//! Every output opstap writes (the nightly batch's directory, the eval report, the default
//! data dir, a generated file) goes through here, so a reader sees either the previous
//! complete output or the new complete one, never half of one, and no crash point loses
//! the last complete output:
//!
//! 1. [`Staging::begin`] recovers an interrupted swap (see below), removes staging
//!    directories left by dead processes, refuses to replace a directory that is not a
//!    previous output of the same kind, and creates `.NAME.tmp-PID` beside the destination.
//! 2. The caller writes into [`Staging::path`].
//! 3. [`Staging::publish`] writes the kind marker, syncs every file and the directory,
//!    then swaps: `NAME` → `.NAME.old`, `.NAME.tmp-PID` → `NAME`, syncs the parent, and
//!    removes `.NAME.old`.
//!
//! A crash between the two renames leaves no `NAME` and the last complete output in
//! `.NAME.old`; the next [`Staging::begin`] moves it back before anything else. A crash
//! after the second rename leaves a stale `.NAME.old` beside a complete `NAME`; it is
//! removed. Dropping a [`Staging`] without publishing removes its directory.
//!
//! Two processes publishing to the same destination at the same time are not supported:
//! each publication is atomic, but which one ends up in place is not defined.

#![warn(missing_docs)]

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The file inside a published directory that says which kind of output it is.
pub const MARKER_FILE: &str = ".opstap-output";

/// A directory being written, to be swapped into place at `out` by [`Staging::publish`].
#[derive(Debug)]
pub struct Staging {
    out: PathBuf,
    tmp: PathBuf,
    kind: &'static str,
    published: bool,
}

/// An error with the path it concerns.
#[derive(Debug)]
pub struct PublishError {
    /// The file or directory the operation failed on.
    pub path: PathBuf,
    /// The IO error.
    pub source: io::Error,
}

impl std::fmt::Display for PublishError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.source)
    }
}

impl std::error::Error for PublishError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

impl From<PublishError> for io::Error {
    fn from(e: PublishError) -> io::Error {
        io::Error::new(e.source.kind(), e.to_string())
    }
}

fn at(path: &Path) -> impl FnOnce(io::Error) -> PublishError + '_ {
    move |source| PublishError { path: path.to_path_buf(), source }
}

/// The parent directory of `path` (`.` for a bare name).
fn parent_of(path: &Path) -> &Path {
    path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."))
}

fn name_of(path: &Path) -> Result<String, PublishError> {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).ok_or_else(|| PublishError {
        path: path.to_path_buf(),
        source: io::Error::new(io::ErrorKind::InvalidInput, "the output path has no file name"),
    })
}

/// Syncs a directory, so that the renames and creations in it are durable.
fn sync_dir(dir: &Path) -> Result<(), PublishError> {
    File::open(dir).and_then(|d| d.sync_all()).map_err(at(dir))
}

/// Whether process `pid` is alive (Linux: `/proc/PID` exists). Elsewhere every other
/// process counts as alive, so nothing of theirs is removed.
fn process_alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    let proc_root = Path::new("/proc/self");
    if !proc_root.try_exists().unwrap_or(false) {
        return true;
    }
    Path::new("/proc").join(pid.to_string()).try_exists().unwrap_or(true)
}

/// Brings `out` back to its last complete state after a crash, and removes the staging
/// directories of processes that are gone.
fn recover(out: &Path) -> Result<(), PublishError> {
    let parent = parent_of(out);
    let name = name_of(out)?;
    let old = parent.join(format!(".{name}.old"));
    if old.try_exists().map_err(at(&old))? {
        if out.try_exists().map_err(at(out))? {
            // The swap completed; only the removal of the previous output was cut short.
            std::fs::remove_dir_all(&old).map_err(at(&old))?;
        } else {
            // Cut between the two renames: the last complete output is `.NAME.old`.
            std::fs::rename(&old, out).map_err(at(out))?;
            sync_dir(parent)?;
        }
    }
    let prefix = format!(".{name}.tmp-");
    let Ok(entries) = std::fs::read_dir(parent) else { return Ok(()) };
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = file_name.strip_prefix(&prefix) else { continue };
        if pid.parse::<u32>().is_ok_and(|pid| !process_alive(pid)) {
            let p = entry.path();
            std::fs::remove_dir_all(&p).map_err(at(&p))?;
        }
    }
    Ok(())
}

/// Whether `out` may be replaced by an output of this kind: it does not exist, is an empty
/// directory, carries this kind's marker, or `legacy` recognises it as an output written
/// before markers existed.
fn replaceable(out: &Path, kind: &str, legacy: &dyn Fn(&Path) -> bool) -> io::Result<bool> {
    if !out.try_exists()? {
        return Ok(true);
    }
    if !out.is_dir() {
        return Ok(false);
    }
    if std::fs::read_dir(out)?.next().is_none() {
        return Ok(true);
    }
    match std::fs::read_to_string(out.join(MARKER_FILE)) {
        Ok(marker) => Ok(marker.trim() == kind),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(legacy(out)),
        Err(e) => Err(e),
    }
}

impl Staging {
    /// Starts an output of `kind` (e.g. `"batch"`) for `out`. Refuses, with
    /// `ErrorKind::AlreadyExists`, an `out` that exists and is neither empty nor an output
    /// of the same kind (`legacy` may recognise outputs written before markers existed).
    pub fn begin(
        out: &Path,
        kind: &'static str,
        legacy: &dyn Fn(&Path) -> bool,
    ) -> Result<Staging, PublishError> {
        let parent = parent_of(out);
        std::fs::create_dir_all(parent).map_err(at(parent))?;
        recover(out)?;
        if !replaceable(out, kind, legacy).map_err(at(out))? {
            return Err(PublishError {
                path: out.to_path_buf(),
                source: io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    format!(
                        "exists and is not an opstap {kind} output (no {MARKER_FILE} saying \
                         `{kind}`); it is left untouched: give a new or empty directory"
                    ),
                ),
            });
        }
        let tmp = parent.join(format!(".{}.tmp-{}", name_of(out)?, std::process::id()));
        if tmp.try_exists().map_err(at(&tmp))? {
            std::fs::remove_dir_all(&tmp).map_err(at(&tmp))?;
        }
        std::fs::create_dir(&tmp).map_err(at(&tmp))?;
        Ok(Staging { out: out.to_path_buf(), tmp, kind, published: false })
    }

    /// The directory to write the output into.
    pub fn path(&self) -> &Path {
        &self.tmp
    }

    /// Syncs what was written and swaps it into place (see the crate docs).
    pub fn publish(mut self) -> Result<(), PublishError> {
        let marker = self.tmp.join(MARKER_FILE);
        std::fs::write(&marker, format!("{}\n", self.kind)).map_err(at(&marker))?;
        for entry in std::fs::read_dir(&self.tmp).map_err(at(&self.tmp))? {
            let path = entry.map_err(at(&self.tmp))?.path();
            if path.is_file() {
                File::open(&path).and_then(|f| f.sync_all()).map_err(at(&path))?;
            }
        }
        sync_dir(&self.tmp)?;
        let parent = parent_of(&self.out).to_path_buf();
        let old = parent.join(format!(".{}.old", name_of(&self.out)?));
        let had_previous = self.out.try_exists().map_err(at(&self.out))?;
        if had_previous {
            std::fs::rename(&self.out, &old).map_err(at(&self.out))?;
        }
        std::fs::rename(&self.tmp, &self.out).map_err(at(&self.out))?;
        self.published = true;
        sync_dir(&parent)?;
        if had_previous {
            std::fs::remove_dir_all(&old).map_err(at(&old))?;
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.published {
            let _ = std::fs::remove_dir_all(&self.tmp);
        }
    }
}

/// Writes a file through a synced temporary file beside it and a rename, so a reader
/// never sees half a file.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), PublishError> {
    let mut f = AtomicFile::create(path)?;
    f.write_all(bytes).map_err(at(&f.tmp))?;
    f.commit()
}

/// A file written as a stream and put in place whole: it is written to a temporary file
/// beside `path`; [`AtomicFile::commit`] syncs it and renames it over `path`. Dropped
/// without a commit, the temporary file is removed and `path` is untouched.
#[derive(Debug)]
pub struct AtomicFile {
    path: PathBuf,
    tmp: PathBuf,
    file: Option<io::BufWriter<File>>,
}

impl AtomicFile {
    /// Starts writing `path` (its folder must exist).
    pub fn create(path: &Path) -> Result<AtomicFile, PublishError> {
        let dir = parent_of(path);
        let tmp = dir.join(format!(".{}.tmp-{}", name_of(path)?, std::process::id()));
        let file = File::create(&tmp).map_err(at(&tmp))?;
        Ok(AtomicFile {
            path: path.to_path_buf(),
            tmp,
            file: Some(io::BufWriter::with_capacity(1 << 20, file)),
        })
    }

    /// Syncs the file and renames it into place.
    pub fn commit(mut self) -> Result<(), PublishError> {
        let file = self.file.take().expect("not yet committed");
        let synced = file.into_inner().map_err(|e| e.into_error()).and_then(|f| f.sync_all());
        if let Err(e) = synced {
            let _ = std::fs::remove_file(&self.tmp);
            return Err(PublishError { path: self.tmp.clone(), source: e });
        }
        std::fs::rename(&self.tmp, &self.path).map_err(at(&self.path))?;
        sync_dir(parent_of(&self.path))
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.file.as_mut().expect("not yet committed").write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.as_mut().expect("not yet committed").flush()
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.file.take().is_some() {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn never(_: &Path) -> bool {
        false
    }

    fn publish_with(out: &Path, file: &str, text: &str) {
        let s = Staging::begin(out, "test", &never).unwrap();
        std::fs::write(s.path().join(file), text).unwrap();
        s.publish().unwrap();
    }

    #[test]
    fn publishes_and_replaces_a_previous_output() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        publish_with(&out, "a.txt", "one");
        publish_with(&out, "b.txt", "two");
        assert!(!out.join("a.txt").try_exists().unwrap(), "the previous output is replaced whole");
        assert_eq!(std::fs::read_to_string(out.join("b.txt")).unwrap(), "two");
        assert_eq!(std::fs::read_to_string(out.join(MARKER_FILE)).unwrap(), "test\n");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert_eq!(names.len(), 1, "no staging or old directory is left: {names:?}");
    }

    #[test]
    fn refuses_a_directory_that_is_not_an_output_of_its_kind() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("documents");
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join("thesis.txt"), "years of work").unwrap();
        let err = Staging::begin(&out, "test", &never).unwrap_err();
        assert_eq!(err.source.kind(), io::ErrorKind::AlreadyExists);
        assert!(err.to_string().contains("not an opstap test output"), "{err}");
        assert_eq!(std::fs::read_to_string(out.join("thesis.txt")).unwrap(), "years of work");
        // Nor an output of another kind…
        let other = dir.path().join("other");
        let s = Staging::begin(&other, "eval", &never).unwrap();
        s.publish().unwrap();
        assert!(Staging::begin(&other, "test", &never).is_err());
        // …but an empty directory, or one the legacy check recognises, is fine.
        let empty = dir.path().join("empty");
        std::fs::create_dir(&empty).unwrap();
        assert!(Staging::begin(&empty, "test", &never).is_ok());
        assert!(
            Staging::begin(&out, "test", &|p: &Path| p.join("thesis.txt").try_exists().unwrap())
                .is_ok()
        );
    }

    #[test]
    fn a_crash_between_the_renames_keeps_the_last_complete_output() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        publish_with(&out, "a.txt", "complete");
        // The state a crash after the first rename leaves: no `out`, the output in `.old`,
        // and a half-written staging directory of a process that is gone.
        std::fs::rename(&out, dir.path().join(".out.old")).unwrap();
        let dead = dir.path().join(format!(".out.tmp-{}", u32::MAX - 1));
        std::fs::create_dir(&dead).unwrap();
        std::fs::write(dead.join("a.txt"), "half").unwrap();

        let s = Staging::begin(&out, "test", &never).unwrap();
        assert_eq!(std::fs::read_to_string(out.join("a.txt")).unwrap(), "complete");
        assert!(!dead.try_exists().unwrap(), "a dead process's staging directory is removed");
        drop(s);
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[test]
    fn a_crash_after_the_swap_leaves_the_new_output_and_cleans_up() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        publish_with(&out, "a.txt", "new");
        let old = dir.path().join(".out.old");
        std::fs::create_dir(&old).unwrap();
        std::fs::write(old.join("a.txt"), "previous").unwrap();
        drop(Staging::begin(&out, "test", &never).unwrap());
        assert!(!old.try_exists().unwrap());
        assert_eq!(std::fs::read_to_string(out.join("a.txt")).unwrap(), "new");
    }

    #[test]
    fn an_unpublished_staging_directory_is_removed() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        publish_with(&out, "a.txt", "kept");
        let s = Staging::begin(&out, "test", &never).unwrap();
        std::fs::write(s.path().join("a.txt"), "abandoned").unwrap();
        drop(s);
        assert_eq!(std::fs::read_to_string(out.join("a.txt")).unwrap(), "kept");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn writes_a_file_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.jsonl");
        write_file(&path, b"one\n").unwrap();
        write_file(&path, b"two\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two\n");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
