//! The nightly batch on more than one machine: `--shard I/N` runs the participants whose
//! lines start in the I-th of N equal byte ranges of the file, and `merge` puts the N
//! shard outputs together into the output an unsharded run writes, byte for byte.
//!
//! What makes it exact: a shard numbers its lines and finds duplicate ids as the whole
//! run would (it reads the lines before its range, without matching them); its output
//! files are the whole run's lines for its range, in order, so merging is concatenating;
//! and it writes, instead of `summary.json`, what the summary reads of each line
//! ([`SummaryItem`], in postcard, which keeps every bit of a float), which `merge`
//! feeds to the summary in input order — the same additions in the same order.

use std::collections::{BTreeSet, HashMap};
use std::fs::File;
use std::hash::Hasher;
use std::io::{BufRead, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::run::{BatchError, BatchReport, FILES, Outputs, PAGES_DIR, io, parse_line};
use crate::summary::{SummaryBuilder, SummaryItem};

/// The file of a shard's summary items, one length-prefixed postcard frame per line.
pub(crate) const ITEMS_FILE: &str = "summary-items.postcard";
/// What a shard says about itself, for `merge` to check.
pub(crate) const SHARD_FILE: &str = "shard.json";

/// `I/N`: the I-th (from 0) of N shards — as a Kubernetes Indexed Job numbers its pods.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: usize,
    pub count: usize,
}

impl FromStr for Shard {
    type Err = String;
    fn from_str(s: &str) -> Result<Shard, String> {
        let bad =
            || format!("`{s}` is not a shard: write I/N, with 0 <= I < N <= 10000 (e.g. 0/4)");
        let (i, n) = s.split_once('/').ok_or_else(bad)?;
        let (index, count): (usize, usize) =
            (i.trim().parse().map_err(|_| bad())?, n.trim().parse().map_err(|_| bad())?);
        if count == 0 || count > 10_000 || index >= count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

impl std::fmt::Display for Shard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

/// The part of the participants file a run reads.
pub(crate) struct Range {
    /// Byte offsets: the lines that start in `start..end`.
    pub(crate) start: u64,
    pub(crate) end: u64,
    /// Lines before `start` (the first line read is number `lines_before + 1`).
    pub(crate) lines_before: usize,
    /// The ids of the valid lines before `start`, with their line numbers.
    pub(crate) seen: HashMap<String, usize>,
    /// A fingerprint of the whole file (size and FNV-1a), for `merge` to check the shards
    /// read the same file.
    pub(crate) fingerprint: String,
}

impl Range {
    /// The whole file, or the shard's lines with the lines before them numbered and their
    /// ids seen.
    pub(crate) fn of(path: &Path, shard: Option<Shard>) -> Result<Range, BatchError> {
        let total = std::fs::metadata(path).map_err(io(path))?.len();
        let Some(shard) = shard else {
            let fingerprint = String::new();
            return Ok(Range {
                start: 0,
                end: total,
                lines_before: 0,
                seen: HashMap::new(),
                fingerprint,
            });
        };
        let at = |k: usize| -> Result<u64, BatchError> {
            line_start_at(path, (u128::from(total) * k as u128 / shard.count as u128) as u64, total)
        };
        let (start, end) = (at(shard.index)?, at(shard.index + 1)?);
        let mut reader = BufReader::with_capacity(1 << 20, File::open(path).map_err(io(path))?);
        let (mut lines_before, mut pos, mut seen, mut buf) = (0, 0u64, HashMap::new(), Vec::new());
        while pos < start {
            buf.clear();
            let n = reader.read_until(b'\n', &mut buf).map_err(io(path))?;
            if n == 0 {
                break;
            }
            pos += n as u64;
            lines_before += 1;
            let _ = parse_line(lines_before, &buf, &mut seen);
        }
        Ok(Range { start, end, lines_before, seen, fingerprint: fingerprint(path, total)? })
    }
}

/// The first line start at or after `offset` (a line starts at 0 and after each `\n`).
fn line_start_at(path: &Path, offset: u64, total: u64) -> Result<u64, BatchError> {
    if offset == 0 || offset >= total {
        return Ok(offset.min(total));
    }
    let mut file = File::open(path).map_err(io(path))?;
    file.seek(SeekFrom::Start(offset - 1)).map_err(io(path))?;
    let mut reader = BufReader::new(file);
    let mut skipped = Vec::new();
    let n = reader.read_until(b'\n', &mut skipped).map_err(io(path))?;
    Ok((offset - 1 + n as u64).min(total))
}

fn fingerprint(path: &Path, total: u64) -> Result<String, BatchError> {
    let mut file = File::open(path).map_err(io(path))?;
    let mut h = fnv::FnvHasher::default();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = file.read(&mut buf).map_err(io(path))?;
        if n == 0 {
            break;
        }
        h.write(&buf[..n]);
    }
    Ok(format!("{total}:{:016x}", h.finish()))
}

/// `shard.json`: what `merge` checks before it puts shards together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct ShardMeta {
    pub(crate) shard: usize,
    pub(crate) of: usize,
    /// The participants file, as [`Range`]'s fingerprint.
    pub(crate) participants: String,
    /// Lines this shard read.
    pub(crate) lines: usize,
    pub(crate) today: opstap_core::Date,
    pub(crate) top_k: usize,
    pub(crate) vacancies: u64,
    /// The index version matched against.
    pub(crate) index_version: u64,
    pub(crate) diffing: bool,
    /// The pages' language and voice, when pages were written.
    pub(crate) pages: Option<String>,
    /// The previous run's participants this shard did not match (the run's "gone" are
    /// those no shard matched).
    pub(crate) previous_not_seen: BTreeSet<String>,
}

impl ShardMeta {
    /// What every shard of one run must agree on.
    fn run(&self) -> impl PartialEq + std::fmt::Debug + '_ {
        (
            self.of,
            &self.participants,
            self.today,
            self.top_k,
            self.vacancies,
            self.index_version,
            self.diffing,
            &self.pages,
        )
    }
}

/// Writes one summary item as a length-prefixed postcard frame.
pub(crate) fn write_item(
    w: &mut BufWriter<File>,
    path: &Path,
    item: &SummaryItem,
) -> Result<(), BatchError> {
    let bytes = postcard::to_stdvec(item).expect("a summary item serializes");
    w.write_all(&(bytes.len() as u32).to_le_bytes()).map_err(io(path))?;
    w.write_all(&bytes).map_err(io(path))
}

fn not_a_shard(path: &Path, message: impl Into<String>) -> BatchError {
    BatchError::Shard { path: path.to_path_buf(), message: message.into() }
}

/// Puts the outputs of the N shards of one run together into `out`: the output the
/// unsharded run writes, byte for byte (and published the same way: whole, or not at
/// all). Every shard must be there once, from the same file, index, day and options.
pub fn merge(shards: &[PathBuf], out: &Path) -> Result<BatchReport, BatchError> {
    let mut metas = Vec::new();
    for dir in shards {
        let path = dir.join(SHARD_FILE);
        let text = std::fs::read_to_string(&path).map_err(|e| {
            not_a_shard(
                dir,
                format!("no readable {SHARD_FILE} ({e}): not the output of `opstap batch --shard`"),
            )
        })?;
        let meta: ShardMeta = serde_json::from_str(&text)
            .map_err(|e| not_a_shard(&path, format!("not a shard description: {e}")))?;
        metas.push((meta, dir.clone()));
    }
    metas.sort_by_key(|(m, _)| m.shard);
    let Some((first, first_dir)) = metas.first() else {
        return Err(not_a_shard(out, "no shard outputs given"));
    };
    let indexes: Vec<usize> = metas.iter().map(|(m, _)| m.shard).collect();
    if indexes != (0..first.of).collect::<Vec<_>>() {
        return Err(not_a_shard(
            first_dir,
            format!(
                "a run of {} shards needs each of 0..{} once; given: {indexes:?}",
                first.of, first.of
            ),
        ));
    }
    for (m, dir) in &metas {
        if m.run() != first.run() {
            return Err(not_a_shard(
                dir,
                format!(
                    "shard {} is from another run than shard 0 (participants file, index, day or options differ): {:?} vs {:?}",
                    m.shard,
                    m.run(),
                    first.run()
                ),
            ));
        }
    }
    let mut outputs = Outputs::create(out, first.pages.is_some())?;
    let tmp = outputs.tmp.clone();
    let mut summary = SummaryBuilder::new(first.today, first.vacancies, first.top_k, first.diffing);
    let mut gone: Option<BTreeSet<String>> = None;
    for (m, dir) in &metas {
        for (name, w) in FILES.iter().zip(outputs.writers()) {
            let path = dir.join(name);
            let mut f = File::open(&path).map_err(io(&path))?;
            std::io::copy(&mut f, w).map_err(io(&tmp.join(name)))?;
        }
        if m.pages.is_some() {
            let from = dir.join(PAGES_DIR);
            for entry in std::fs::read_dir(&from).map_err(io(&from))? {
                let entry = entry.map_err(io(&from))?;
                let to = tmp.join(PAGES_DIR).join(entry.file_name());
                std::fs::copy(entry.path(), &to).map_err(io(&to))?;
                File::open(&to).and_then(|f| f.sync_data()).map_err(io(&to))?;
            }
        }
        let path = dir.join(ITEMS_FILE);
        let mut items = BufReader::new(File::open(&path).map_err(io(&path))?);
        let mut len = [0u8; 4];
        loop {
            match items.read_exact(&mut len) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => break,
                Err(e) => return Err(io(&path)(e)),
            }
            let mut frame = vec![0u8; u32::from_le_bytes(len) as usize];
            items.read_exact(&mut frame).map_err(io(&path))?;
            let item: SummaryItem = postcard::from_bytes(&frame)
                .map_err(|e| not_a_shard(&path, format!("a summary item does not read: {e}")))?;
            summary.add(&item);
        }
        gone = Some(match gone {
            None => m.previous_not_seen.clone(),
            Some(g) => g.intersection(&m.previous_not_seen).cloned().collect(),
        });
    }
    let lines = metas.iter().map(|(m, _)| m.lines).sum();
    let gone = gone.unwrap_or_default();
    let summary = summary.finish(lines, gone.iter().map(String::as_str).collect());
    outputs.publish(&summary)?;
    Ok(BatchReport { out: out.to_path_buf(), summary })
}
