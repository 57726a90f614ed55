//! Ingest of vacancies from JSON Lines: validate everything first, then index in one
//! commit. Strict mode rejects the whole file when any line is invalid; `skip_invalid`
//! indexes the valid lines and reports the rest. Either way, the last commit stays
//! readable if the process dies half-way.

use std::collections::HashMap;
use std::fmt;
use std::io::{BufRead, BufReader};
use std::path::Path;

use opstap_core::validate::{RecordError, parse_vacancy};
use serde::Serialize;

use crate::{InCellOrder, IndexError, Result, VacancyIndex};

#[derive(Debug, Clone, Copy, Default)]
pub struct IngestOptions {
    /// Index the valid records and report the invalid ones, instead of rejecting the file.
    pub skip_invalid: bool,
}

/// One rejected input line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineError {
    pub source: String,
    pub line: usize,
    #[serde(serialize_with = "ser_record_error")]
    pub error: RecordError,
}

fn ser_record_error<S: serde::Serializer>(
    e: &RecordError,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut m = s.serialize_map(Some(2))?;
    m.serialize_entry("field", &e.field)?;
    m.serialize_entry("message", &e.message)?;
    m.end()
}

impl fmt::Display for LineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.source, self.line, self.error)
    }
}

#[derive(Debug, Clone, Copy)]
pub enum IngestProgress {
    /// Validating and indexing: bytes read so far of the total.
    Reading {
        bytes: u64,
        total: u64,
    },
    Committing,
}

#[derive(Debug, Clone, Serialize)]
pub struct IngestReport {
    pub source: String,
    pub lines: usize,
    pub accepted: usize,
    pub rejected: Vec<LineError>,
    /// Live vacancies in the index after the commit.
    pub index_total: u64,
}

impl VacancyIndex {
    /// Ingests a JSON Lines file of vacancies.
    pub fn ingest_file(
        &self,
        path: &Path,
        options: IngestOptions,
        progress: &mut dyn FnMut(IngestProgress),
    ) -> Result<IngestReport> {
        let io = |source| IndexError::Io { path: path.to_path_buf(), source };
        let total = std::fs::metadata(path).map_err(io)?.len();
        let name = path.display().to_string();
        let reader = BufReader::with_capacity(1 << 20, std::fs::File::open(path).map_err(io)?);
        self.ingest_lines(&name, total, reader, options, progress)
    }

    /// Ingests JSON Lines held in memory (`source` names it in errors).
    pub fn ingest_str(
        &self,
        source: &str,
        text: &str,
        options: IngestOptions,
    ) -> Result<IngestReport> {
        self.ingest_lines(source, text.len() as u64, text.as_bytes(), options, &mut |_| {})
    }

    fn ingest_lines<R: BufRead>(
        &self,
        source: &str,
        total: u64,
        mut reader: R,
        options: IngestOptions,
        progress: &mut dyn FnMut(IngestProgress),
    ) -> Result<IngestReport> {
        // One pass: each line is parsed once and, when valid, added to the writer (a
        // batch at a time, in cell order); the one commit at the end makes the file
        // visible whole. A strict ingest that meets an invalid line adds nothing more,
        // reads on to report every invalid line, and is rolled back. Nothing is kept per line but its id (and a batch of
        // documents on their way, `InCellOrder`), so a file of any size fits.
        let mut rejected: Vec<LineError> = Vec::new();
        let mut first_line_of: HashMap<String, usize> = HashMap::new();
        let mut lines = 0;
        self.with_writer(|writer| {
            // No other writer commits meanwhile: this one holds the index's lock.
            let committed = self.committed_ids()?;
            let mut adds = InCellOrder::new();
            tracing::info!(source, "indexing: each line validated and added");
            lines = each_line(&mut reader, source, |line, bytes, text| {
                if line % 4096 == 0 {
                    progress(IngestProgress::Reading { bytes, total });
                }
                let text = match text {
                    Ok("") => return Ok(()),
                    Ok(t) => t,
                    Err(error) => {
                        rejected.push(LineError { source: source.to_owned(), line, error });
                        return Ok(());
                    }
                };
                let v = match parse_vacancy(text, self.taxonomy) {
                    Ok(v) => v,
                    Err(error) => {
                        rejected.push(LineError { source: source.to_owned(), line, error });
                        return Ok(());
                    }
                };
                if let Some(first) = first_line_of.get(&v.id) {
                    let message = format!(
                        "duplicate id `{}`, first on line {first}; ids must be unique in a file",
                        v.id
                    );
                    let error = RecordError { field: "id".into(), message };
                    rejected.push(LineError { source: source.to_owned(), line, error });
                    return Ok(());
                }
                if rejected.is_empty() || options.skip_invalid {
                    let upsert = committed.holds(&v.id)?;
                    adds.add(self, writer, &v, text, upsert)?;
                }
                first_line_of.insert(v.id, line);
                Ok(())
            })?;
            adds.flush(writer)?;
            progress(IngestProgress::Reading { bytes: total, total });
            if !rejected.is_empty() && !options.skip_invalid {
                // Rolled back by `with_writer`: the last commit stays the index.
                return Err(IndexError::InvalidInput {
                    errors: std::mem::take(&mut rejected),
                    lines,
                });
            }
            tracing::info!(
                source,
                lines,
                accepted = first_line_of.len(),
                rejected = rejected.len(),
                "read; committing"
            );
            progress(IngestProgress::Committing);
            self.commit(writer)
        })?;
        let accepted = first_line_of.len();
        Ok(IngestReport {
            source: source.to_owned(),
            lines,
            accepted,
            rejected,
            index_total: self.stats().vacancies,
        })
    }
}

/// Calls `f(line number, bytes read so far, trimmed text)` for each line; returns the
/// number of lines.
fn each_line<R: BufRead>(
    reader: &mut R,
    source: &str,
    mut f: impl FnMut(usize, u64, std::result::Result<&str, RecordError>) -> Result<()>,
) -> Result<usize> {
    // A line that is not UTF-8 is handed over as `Err`, so it becomes a rejected line,
    // not a failed ingest; a byte-order mark on the first line is dropped.
    let mut buf = Vec::new();
    let (mut line, mut bytes) = (0, 0u64);
    loop {
        buf.clear();
        let n = reader
            .read_until(b'\n', &mut buf)
            .map_err(|e| IndexError::Io { path: source.into(), source: e })?;
        if n == 0 {
            return Ok(line);
        }
        line += 1;
        bytes += n as u64;
        let text = std::str::from_utf8(&buf)
            .map(|t| t.trim_start_matches('\u{feff}').trim())
            .map_err(|e| RecordError {
                field: "(record)".into(),
                message: format!("not UTF-8 text ({e})"),
            });
        f(line, bytes, text)?;
    }
}
