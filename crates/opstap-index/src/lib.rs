//! opstap-index: the tantivy index of vacancies.
//!
//! - ingest from JSON Lines (all-or-nothing, or `skip_invalid` with a list of rejected
//!   lines), upsert and delete by id, an on-disk index in a data dir;
//! - exact top-k: the collector considers *every* live vacancy (passing over only those
//!   whose score bound cannot reach the k-th score) and computes the combined score from
//!   tantivy's BM25 and the compiled features (a fast field), through
//!   [`opstap_core::Matcher`]; a fitting vacancy with no text overlap is found too;
//! - near misses and step plans over the same pass.
//!
//! No tantivy type appears in the public API.

mod directory;
mod ingest;
mod schema;
mod search;
mod snapshot;
mod spatial;
mod tables;
mod text;
mod topk;
mod use_cases;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use opstap_core::compiled::{
    Isco, Position, Qualifications, VacancyConditions, VacancyFacts, VacancyTraits,
};
use opstap_core::matching::{Tabulation, TraitsKeys};
use opstap_core::validate::{RecordError, ValidVacancy};
use opstap_core::{CompiledParticipant, CompiledVacancy, Date, Taxonomy, Vacancy, VacancyFilter};
use serde::{Deserialize, Serialize};
use tantivy::collector::DocSetCollector;
use tantivy::index::SegmentId;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

pub use ingest::{IngestOptions, IngestProgress, IngestReport, LineError};
pub use search::{RankOptions, Ranking};
pub use snapshot::Snapshot;
pub use topk::Hit;
pub use use_cases::{MatchResult, MatchedVacancy, PAGE_MATCHES};

pub use schema::FORMAT_VERSION;
use schema::Fields;

/// The file beside tantivy's own files that records opstap's storage format.
const META_FILE: &str = "opstap-index.json";
/// Memory budget of the index writer.
const WRITER_MEMORY: usize = 256 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("index: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{}", format_invalid(.errors, *.lines))]
    InvalidInput { errors: Vec<LineError>, lines: usize },
    #[error(
        "{path}: this index was written in format {found}, this build reads format {expected}; \
         rebuild it with `opstap index`"
    )]
    FormatMismatch { path: PathBuf, found: u32, expected: u32 },
    #[error("{path}: not an opstap index (it has tantivy files but no {META_FILE})")]
    NotAnOpstapIndex { path: PathBuf },
    #[error("index: another process is writing to this index ({0})")]
    Locked(String),
    #[error("index: stored record of {id} is unreadable: {message}")]
    Corrupt { id: String, message: String },
    /// A ranking pass stopped at its deadline ([`RankOptions::deadline`]).
    #[error("the deadline passed during the ranking pass")]
    DeadlineExceeded,
}

fn format_invalid(errors: &[LineError], lines: usize) -> String {
    let mut s = format!(
        "{} of {lines} records are invalid; nothing was indexed (use --skip-invalid to index the valid ones):",
        errors.len()
    );
    for e in errors.iter().take(20) {
        s.push_str(&format!("\n  {e}"));
    }
    if errors.len() > 20 {
        s.push_str(&format!("\n  … and {} more", errors.len() - 20));
    }
    s
}

pub type Result<T, E = IndexError> = std::result::Result<T, E>;

#[derive(Debug, Serialize, Deserialize)]
struct IndexMeta {
    format_version: u32,
}

/// Counts for `opstap index` summaries and `GetIndexStats`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IndexStats {
    pub vacancies: u64,
    pub segments: usize,
    pub deleted_not_yet_merged: u64,
}

/// In [`SegmentVacancies`]' closing days: the vacancy gives no closing date (it stays
/// open; no real date is this many days from 1970).
const NO_CLOSING: i32 = i32::MAX;

/// The compiled vacancies of one segment and the compact columns a pass reads instead
/// of them. A column keeps each document's value as an index into the segment's distinct
/// values, so a pass works out what a value means for the person once per distinct value,
/// not once per vacancy. The vacancies themselves are kept encoded (the largest part of
/// memory otherwise) and decoded only for the few a pass scores or explains.
struct SegmentVacancies {
    encoded: Encoded,
    /// When each vacancy closes and where it is: the circumstances checked per vacancy.
    /// (Two columns, so that a pass reading every closing day reads 4 bytes a vacancy.)
    /// The last day open in days ([`Date::days`]; [`NO_CLOSING`] where none is given).
    closes: Vec<i32>,
    location: Vec<Option<Position>>,
    /// When each vacancy was posted: a step plan's flow reads it for every near miss.
    posted: Vec<Option<Date>>,
    /// Occupations and the experience asked: the relevance share, the link to the
    /// person's field, and whether the experience blocks.
    occupations: Distinct<Occupation>,
    /// What the other components of the score bound read, and the numbers of the fields
    /// each part of its meaning reads, per value.
    traits: Distinct<VacancyTraits>,
    traits_keys: TraitsKeys,
    /// What the conditions component reads: with the occupation, the traits and the
    /// location, all that a score reads, so scoring decodes no vacancy.
    conditions: Distinct<VacancyConditions>,
    /// Sectors, for the people who exclude one.
    sectors: Distinct<Option<Arc<str>>>,
    /// What the bridgeable requirements read: classified once per distinct set.
    qualifications: Distinct<Qualifications>,
    /// By document, side by side: its occupation id (high half) and traits id in one
    /// word, the two columns every score bound reads, and its spatial bucket, which a
    /// pass reads first: one cache line gives all three. `packed` is false where either
    /// id has more than 2^16 distinct values in the segment (then they are read from
    /// their own columns).
    keys: Vec<DocKey>,
    packed: bool,
    /// The documents grouped by occupation and traits, the two columns the score bound
    /// without text overlap reads.
    groups: Groups,
    /// The documents by place: a pass reads only those within the person's reach.
    spatial: spatial::Spatial,
}

impl SegmentVacancies {
    /// The columns of the segment whose documents `encoded` holds, in one pass that
    /// decodes each document once (so no decoded copy of the whole segment is ever held).
    fn new(encoded: Encoded) -> std::result::Result<SegmentVacancies, (u32, String)> {
        let (mut occupations, mut traits, mut sectors) =
            (DistinctBuilder::new(), DistinctBuilder::new(), DistinctBuilder::new());
        let (mut conditions, mut qualifications) = (DistinctBuilder::new(), DistinctBuilder::new());
        let docs = encoded.start.len() - 1;
        let (mut closes, mut location) = (Vec::with_capacity(docs), Vec::with_capacity(docs));
        let mut posted = Vec::with_capacity(docs);
        for doc in 0..docs as u32 {
            let v = encoded.try_get(doc).map_err(|e| (doc, e.to_string()))?;
            // The id is read from the encoding's start without decoding the rest.
            if postcard::take_from_bytes::<&str>(encoded.of(doc))
                .map(|(id, _)| id != &*v.id)
                .unwrap_or(true)
            {
                return Err((doc, format!("{}: the encoding does not start with the id", v.id)));
            }
            occupations.push(Occupation {
                isco: v.circumstances.isco,
                experience_bits: v.circumstances.experience_years.map(f64::to_bits),
            });
            traits.push(v.traits());
            sectors.push(v.circumstances.sector.clone());
            conditions.push(v.conditions());
            let own = v.circumstances.own();
            closes.push(own.valid_through.map_or(NO_CLOSING, Date::days));
            location.push(own.location);
            posted.push(v.posted);
            qualifications.push(v.qualifications);
        }
        let (occupations, traits) = (occupations.finish(), traits.finish());
        let (mut spatial, bucket_of) = spatial::Spatial::new(&location);
        let packed = occupations.values.len() <= 1 << 16 && traits.values.len() <= 1 << 16;
        let qualifications = qualifications.finish();
        if packed {
            spatial.keep_keys(|doc| spatial::RunKey {
                occupation_traits: pack_occupation_traits(
                    occupations.of_doc[doc as usize],
                    traits.of_doc[doc as usize],
                ),
                qualifications: qualifications.of_doc[doc as usize],
            });
        }
        Ok(SegmentVacancies {
            spatial,
            closes,
            location,
            posted,
            sectors: sectors.finish(),
            conditions: conditions.finish(),
            groups: Groups::new(&occupations, &traits),
            keys: occupations
                .of_doc
                .iter()
                .zip(&traits.of_doc)
                .zip(bucket_of)
                .map(|((o, t), bucket)| DocKey {
                    occupation_traits: if packed { pack_occupation_traits(*o, *t) } else { 0 },
                    bucket,
                })
                .collect(),
            packed,
            occupations,
            traits_keys: TraitsKeys::of(&traits.values),
            traits,
            qualifications,
            encoded,
        })
    }

    /// The compiled vacancy of a document, decoded.
    fn get(&self, doc: u32) -> CompiledVacancy {
        self.encoded.get(doc)
    }

    /// The document's closing date.
    #[inline]
    fn valid_through(&self, doc: u32) -> Option<Date> {
        let day = self.closes[doc as usize];
        (day != NO_CLOSING).then(|| Date::from_days(day))
    }

    /// The document's occupation id and traits id.
    #[inline(always)]
    fn occupation_traits(&self, doc: u32) -> (usize, usize) {
        if self.packed {
            unpack_occupation_traits(self.keys[doc as usize].occupation_traits)
        } else {
            (self.occupations.id(doc), self.traits.id(doc))
        }
    }

    /// The document's spatial bucket ([`spatial::ReachOf::of_bucket`]).
    #[inline(always)]
    fn bucket(&self, doc: u32) -> u32 {
        self.keys[doc as usize].bucket
    }

    /// The vacancy id of a document, read from its encoding without decoding the rest.
    fn id(&self, doc: u32) -> &str {
        self.encoded.id(doc)
    }

    /// The document's score for the person ([`Tabulation::score`], from the columns).
    fn score(&self, person: &Tabulation<'_>, doc: u32, bm25: f32) -> f64 {
        let (o, t) = self.occupation_traits(doc);
        let occupation = self.occupations.values[o];
        let facts = VacancyFacts { isco: occupation.isco, traits: self.traits.values[t] };
        let conditions = &self.conditions.values[self.conditions.id(doc)];
        person.score_of_parts(&facts, conditions, self.location[doc as usize], bm25)
    }

    /// Whether the options' filter admits the document (read from the columns).
    fn admits(&self, filter: &VacancyFilter, p: &CompiledParticipant, doc: u32) -> bool {
        let sector = self.sectors.values[self.sectors.id(doc)].as_deref();
        filter.admits_parts(p, self.id(doc), sector, self.location[doc as usize])
    }
}

/// The ids of one commit, to tell a new vacancy from one that replaces another.
struct CommittedIds {
    searcher: tantivy::Searcher,
    field: tantivy::schema::Field,
}

impl CommittedIds {
    fn holds(&self, id: &str) -> Result<bool> {
        if self.searcher.num_docs() == 0 {
            return Ok(false);
        }
        Ok(self.searcher.doc_freq(&Term::from_field_text(self.field, id))? > 0)
    }
}

/// Compiled vacancies encoded one after the other (postcard, the form of the `features`
/// column), by document; every encoding was decoded once when the segment was loaded.
struct Encoded {
    bytes: Vec<u8>,
    /// Where each document's encoding starts in `bytes` (one more entry at the end).
    start: Vec<u32>,
}

impl Encoded {
    fn of(&self, doc: u32) -> &[u8] {
        &self.bytes[self.start[doc as usize] as usize..self.start[doc as usize + 1] as usize]
    }

    fn get(&self, doc: u32) -> CompiledVacancy {
        self.try_get(doc).expect("decoded when the segment was loaded")
    }

    fn try_get(&self, doc: u32) -> postcard::Result<CompiledVacancy> {
        postcard::from_bytes(self.of(doc))
    }

    /// The id is the first field: a string, which postcard writes as its length and bytes.
    fn id(&self, doc: u32) -> &str {
        postcard::take_from_bytes::<&str>(self.of(doc)).expect("decoded when loaded").0
    }
}

/// An occupation id and a traits id (each under 2^16) in one word, as [`DocKey`] and
/// [`spatial::RunKey`] keep them.
fn pack_occupation_traits(o: u32, t: u32) -> u32 {
    (o << 16) | t
}

/// The occupation id and the traits id of a word [`pack_occupation_traits`] made.
#[inline(always)]
pub(crate) fn unpack_occupation_traits(both: u32) -> (usize, usize) {
    ((both >> 16) as usize, (both & 0xffff) as usize)
}

/// What a pass reads of every document first ([`SegmentVacancies::keys`]).
#[derive(Debug, Clone, Copy)]
struct DocKey {
    occupation_traits: u32,
    bucket: u32,
}

/// A vacancy's occupation and the years of experience it asks (as the bits of the
/// `f64`, so that it hashes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Occupation {
    isco: Option<Isco>,
    experience_bits: Option<u64>,
}

impl Occupation {
    fn experience_years(self) -> Option<f64> {
        self.experience_bits.map(f64::from_bits)
    }
}

/// A column as its distinct values and, per document, the index of its value.
struct Distinct<T> {
    values: Vec<T>,
    of_doc: Vec<u32>,
}

impl<T> Distinct<T> {
    fn id(&self, doc: u32) -> usize {
        self.of_doc[doc as usize] as usize
    }
}

/// A [`Distinct`] column, value by value.
struct DistinctBuilder<T> {
    ids: HashMap<T, u32>,
    column: Distinct<T>,
}

impl<T: std::hash::Hash + Eq + Clone> DistinctBuilder<T> {
    fn new() -> DistinctBuilder<T> {
        DistinctBuilder {
            ids: HashMap::new(),
            column: Distinct { values: Vec::new(), of_doc: Vec::new() },
        }
    }

    fn push(&mut self, v: T) {
        let values = &mut self.column.values;
        let id = *self.ids.entry(v).or_insert_with_key(|v| {
            values.push(v.clone());
            (values.len() - 1) as u32
        });
        self.column.of_doc.push(id);
    }

    fn finish(self) -> Distinct<T> {
        self.column
    }
}

impl<T: std::hash::Hash + Eq + Clone> FromIterator<T> for Distinct<T> {
    fn from_iter<I: IntoIterator<Item = T>>(column: I) -> Distinct<T> {
        let mut b = DistinctBuilder::new();
        column.into_iter().for_each(|v| b.push(v));
        b.finish()
    }
}

/// A segment's documents grouped by occupation id, and within an occupation by traits
/// id: all documents of a group have the same score bound where the text does not
/// match, so a top-k pass passes over a whole group on one comparison.
struct Groups {
    /// By occupation id: where its groups start in `traits` (one more entry at the end).
    occupation_start: Vec<u32>,
    /// By group: its traits id, and where its documents start in `docs` (one more entry
    /// at the end).
    traits: Vec<u32>,
    doc_start: Vec<u32>,
    /// The documents, by group and ascending within one.
    docs: Vec<u32>,
}

impl Groups {
    fn new<O, T>(occupations: &Distinct<O>, traits: &Distinct<T>) -> Groups {
        let mut docs: Vec<u32> = (0..occupations.of_doc.len() as u32).collect();
        // Stable: ascending within a group.
        docs.sort_by_key(|&d| (occupations.id(d), traits.id(d)));
        let mut groups = Groups {
            occupation_start: Vec::with_capacity(occupations.values.len() + 1),
            traits: Vec::new(),
            doc_start: Vec::new(),
            docs: Vec::new(),
        };
        let mut last = None;
        for (at, &d) in docs.iter().enumerate() {
            let key = (occupations.id(d), traits.id(d));
            if last != Some(key) {
                while groups.occupation_start.len() <= key.0 {
                    groups.occupation_start.push(groups.traits.len() as u32);
                }
                groups.traits.push(key.1 as u32);
                groups.doc_start.push(at as u32);
                last = Some(key);
            }
        }
        while groups.occupation_start.len() <= occupations.values.len() {
            groups.occupation_start.push(groups.traits.len() as u32);
        }
        groups.doc_start.push(docs.len() as u32);
        groups.docs = docs;
        groups
    }

    /// The groups of occupation `o`: each group's traits id and its documents.
    fn of_occupation(&self, o: usize) -> impl Iterator<Item = (usize, &[u32])> {
        let (from, to) = (self.occupation_start[o] as usize, self.occupation_start[o + 1] as usize);
        (from..to).map(|g| {
            let docs = &self.docs[self.doc_start[g] as usize..self.doc_start[g + 1] as usize];
            (self.traits[g] as usize, docs)
        })
    }
}

/// A vacancy index, on disk or in memory.
pub struct VacancyIndex {
    index: Index,
    reader: IndexReader,
    writer: Mutex<Option<IndexWriter>>,
    fields: Fields,
    segments: Mutex<HashMap<SegmentId, Arc<SegmentVacancies>>>,
    /// The snapshot-wide qualification set ids of the last list of segments read.
    sets: Mutex<Option<(Vec<SegmentId>, Arc<QualificationSets>)>>,
    path: Option<PathBuf>,
    taxonomy: &'static Taxonomy,
    /// Rank a query's segments on tantivy's executor threads (see
    /// [`VacancyIndex::set_parallel_segments`]).
    parallel_segments: std::sync::atomic::AtomicBool,
    /// Runs before the first commit this process makes, until it succeeds (a default
    /// data dir marks itself as holding the user's vacancies).
    before_first_write: Mutex<Option<FirstWrite>>,
    /// The version (opstamp) the reader was last loaded at by [`VacancyIndex::refresh`].
    served: std::sync::atomic::AtomicU64,
}

/// See [`VacancyIndex::before_first_write`].
type FirstWrite = Box<dyn Fn() -> std::io::Result<()> + Send + Sync>;

impl std::fmt::Debug for VacancyIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VacancyIndex").field("path", &self.path).finish()
    }
}

impl VacancyIndex {
    /// Opens the index in `dir`, creating it (and the directory) when it does not exist.
    pub fn open(dir: &Path) -> Result<VacancyIndex> {
        let io = |source| IndexError::Io { path: dir.to_path_buf(), source };
        std::fs::create_dir_all(dir).map_err(io)?;
        let meta_path = dir.join(META_FILE);
        let tantivy_meta = dir.join("meta.json");
        let has_tantivy = tantivy_meta
            .try_exists()
            .map_err(|source| IndexError::Io { path: tantivy_meta.clone(), source })?;
        if has_tantivy {
            let text = std::fs::read_to_string(&meta_path)
                .map_err(|_| IndexError::NotAnOpstapIndex { path: dir.to_path_buf() })?;
            let meta: IndexMeta = serde_json::from_str(&text)
                .map_err(|_| IndexError::NotAnOpstapIndex { path: dir.to_path_buf() })?;
            if meta.format_version != FORMAT_VERSION {
                return Err(IndexError::FormatMismatch {
                    path: dir.to_path_buf(),
                    found: meta.format_version,
                    expected: FORMAT_VERSION,
                });
            }
        }
        let (schema, fields) = schema::build_schema();
        let directory = directory::IndexDirectory::open(dir)?;
        let index = Index::builder()
            .schema(schema)
            .settings(schema::index_settings())
            .open_or_create(directory)?;
        if !has_tantivy {
            let meta = serde_json::to_string(&IndexMeta { format_version: FORMAT_VERSION })
                .expect("serializes");
            // Written after tantivy's meta.json, so a crash in between leaves a directory
            // that `open` reports instead of silently misreading.
            std::fs::write(&meta_path, meta)
                .map_err(|source| IndexError::Io { path: meta_path.clone(), source })?;
        }
        Self::from_index(index, fields, Some(dir.to_path_buf()))
    }

    /// A fresh index in memory (tests, `opstap eval`).
    pub fn in_memory() -> Result<VacancyIndex> {
        let (schema, fields) = schema::build_schema();
        let index =
            Index::builder().schema(schema).settings(schema::index_settings()).create_in_ram()?;
        Self::from_index(index, fields, None)
    }

    fn from_index(mut index: Index, fields: Fields, path: Option<PathBuf>) -> Result<VacancyIndex> {
        schema::register_analyzers(&index);
        // Segments are scored in parallel, one thread per core.
        index.set_default_multithread_executor()?;
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        let served = index.load_metas().map_or(0, |m| m.opstamp);
        Ok(VacancyIndex {
            index,
            reader,
            writer: Mutex::new(None),
            fields,
            segments: Mutex::new(HashMap::new()),
            sets: Mutex::new(None),
            path,
            taxonomy: Taxonomy::embedded(),
            parallel_segments: std::sync::atomic::AtomicBool::new(true),
            before_first_write: Mutex::new(None),
            served: std::sync::atomic::AtomicU64::new(served),
        })
    }

    /// Runs `f` before this process's first commit; a commit waits for it and fails
    /// (writing nothing) while it fails.
    pub fn before_first_write(&self, f: impl Fn() -> std::io::Result<()> + Send + Sync + 'static) {
        *self.before_first_write.lock().unwrap_or_else(|p| p.into_inner()) = Some(Box::new(f));
    }

    /// Whether one ranking pass scores its segments on tantivy's executor threads (the
    /// default: lower latency for one query). Turn it off where many queries already run
    /// in parallel on a pool of their own (the nightly batch): each pass then runs on the
    /// calling thread, which gives more throughput and never parks a pool thread on
    /// another pool (rayon would stack queued jobs on the waiting thread's stack).
    pub fn set_parallel_segments(&self, parallel: bool) {
        self.parallel_segments.store(parallel, std::sync::atomic::Ordering::Relaxed);
    }

    pub fn parallel_segments(&self) -> bool {
        self.parallel_segments.load(std::sync::atomic::Ordering::Relaxed)
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Runs `f` with the index writer, creating it on first use. When `f` fails, what it
    /// added is rolled back; when the rollback fails too, or `f` panics, the writer is
    /// dropped with everything it held uncommitted, and the next write opens a new one:
    /// a partial batch is never published by a later commit.
    fn with_writer<T>(&self, f: impl FnOnce(&mut IndexWriter) -> Result<T>) -> Result<T> {
        let mut guard = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        if guard.is_none() {
            let writer = self.index.writer(WRITER_MEMORY).map_err(|e| match e {
                tantivy::TantivyError::LockFailure(..) => IndexError::Locked(e.to_string()),
                other => IndexError::Tantivy(other),
            })?;
            *guard = Some(writer);
        }
        /// Drops the writer unless disarmed: on a panic in `f`, on a failed rollback.
        struct DiscardUnlessDone<'a>(&'a mut Option<IndexWriter>, bool);
        impl Drop for DiscardUnlessDone<'_> {
            fn drop(&mut self) {
                if !self.1 {
                    tracing::warn!("index writer dropped: its uncommitted work is discarded");
                    *self.0 = None;
                }
            }
        }
        let mut slot = DiscardUnlessDone(&mut guard, false);
        let writer = slot.0.as_mut().expect("just set");
        let result = f(writer);
        // Drop what was added but not committed: the last commit stays the index.
        slot.1 = result.is_ok() || writer.rollback().is_ok();
        result
    }

    /// The tantivy document of a validated vacancy; `source` is its JSON as received.
    fn document(&self, v: &Vacancy, source: &str) -> TantivyDocument {
        let f = &self.fields;
        let compiled = CompiledVacancy::new(v, self.taxonomy);
        let mut doc = TantivyDocument::default();
        doc.add_text(f.id, &v.id);
        // Each text is analyzed in its own language (both where that is not clear); the
        // text query searches the fields of both.
        let languages = schema::text_languages(&v.title, &v.description);
        if languages.dutch() {
            doc.add_text(f.title_nl, &v.title);
            doc.add_text(f.body_nl, &v.description);
        }
        if languages.english() {
            doc.add_text(f.title_en, &v.title);
            doc.add_text(f.body_en, &v.description);
        }
        if let Some(s) = &v.sector {
            doc.add_text(f.sector, s);
        }
        if let Some(p) = v.posted {
            doc.add_u64(f.posted, p.days().max(0) as u64);
        }
        doc.add_text(f.source, source);
        doc.add_u64(f.cell, spatial::sort_key(compiled.circumstances.location));
        doc.add_bytes(
            f.features,
            &postcard::to_stdvec(&compiled).expect("compiled vacancy encodes"),
        );
        doc
    }

    /// Replaces the vacancy with its id, if the index holds one.
    fn add_upsert(&self, writer: &IndexWriter, v: &Vacancy, source: &str) -> Result<()> {
        self.delete_id(writer, &v.id);
        writer.add_document(self.document(v, source))?;
        Ok(())
    }

    /// Deletes the vacancy with this id from what was added before (a delete costs
    /// tantivy a term query per segment at the next flush: an ingest issues one only for
    /// an id the last commit holds).
    fn delete_id(&self, writer: &IndexWriter, id: &str) {
        writer.delete_term(Term::from_field_text(self.fields.id, id));
    }
}

/// Vacancies on their way to the writer, added a batch at a time in the order of their
/// cell (the order tantivy sorts each segment in when it writes it, `spatial::sort_key`):
/// it then reads the stored documents back to reorder them nearly front to back, instead
/// of one block per document. For a bulk ingest, where no id comes twice.
pub(crate) struct InCellOrder(Vec<(u64, TantivyDocument)>);

impl InCellOrder {
    /// About 3 KB each held (the source record, the texts and the features).
    const BATCH: usize = 1 << 16;

    pub(crate) fn new() -> InCellOrder {
        InCellOrder(Vec::new())
    }

    /// Adds the vacancy (with `upsert`, once the one with its id is deleted).
    pub(crate) fn add(
        &mut self,
        index: &VacancyIndex,
        writer: &IndexWriter,
        v: &Vacancy,
        source: &str,
        upsert: bool,
    ) -> Result<()> {
        if upsert {
            // Deletes apply to what was added before them: the vacancy's new document,
            // added later, stays.
            index.delete_id(writer, &v.id);
        }
        let doc = index.document(v, source);
        let cell = doc
            .get_first(index.fields.cell)
            .and_then(|c| tantivy::schema::Value::as_u64(&c))
            .unwrap_or(u64::MAX);
        self.0.push((cell, doc));
        if self.0.len() >= Self::BATCH {
            self.flush(writer)?;
        }
        Ok(())
    }

    /// Adds what is held, in cell order.
    pub(crate) fn flush(&mut self, writer: &IndexWriter) -> Result<()> {
        self.0.sort_by_key(|(cell, _)| *cell);
        for (_, doc) in self.0.drain(..) {
            writer.add_document(doc)?;
        }
        Ok(())
    }
}

impl VacancyIndex {
    /// Which ids the last commit holds, for a writer that adds to it: read from a
    /// searcher of that commit (`served` may be older on a read replica).
    fn committed_ids(&self) -> Result<CommittedIds> {
        let reader = self.index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        Ok(CommittedIds { searcher: reader.searcher(), field: self.fields.id })
    }

    fn commit(&self, writer: &mut IndexWriter) -> Result<()> {
        let mut hook = self.before_first_write.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(f) = hook.as_ref() {
            f().map_err(|source| IndexError::Io {
                path: self.path.clone().unwrap_or_default(),
                source,
            })?;
            *hook = None;
        }
        drop(hook);
        let opstamp = writer.commit()?;
        self.reader.reload()?;
        self.served.store(opstamp, std::sync::atomic::Ordering::Release);
        Ok(())
    }

    /// Inserts or replaces vacancies, in one commit. They were validated where they came
    /// in ([`ValidVacancy`]).
    pub fn upsert(&self, vacancies: &[ValidVacancy]) -> Result<()> {
        self.with_writer(|w| {
            for v in vacancies {
                self.add_upsert(w, v, &serde_json::to_string(&**v).expect("a vacancy serializes"))?;
            }
            self.commit(w)
        })
    }

    /// Deletes vacancies by id, in one commit; returns how many existed.
    pub fn delete(&self, ids: &[&str]) -> Result<usize> {
        let existing = ids.iter().filter(|id| self.contains(id).unwrap_or(false)).count();
        self.with_writer(|w| {
            for id in ids {
                self.delete_id(w, id);
            }
            self.commit(w)
        })?;
        Ok(existing)
    }

    fn addresses(&self, id: &str) -> Result<HashSet<tantivy::DocAddress>> {
        let q = TermQuery::new(Term::from_field_text(self.fields.id, id), IndexRecordOption::Basic);
        self.search(&self.reader.searcher(), &q, &DocSetCollector)
    }

    pub fn contains(&self, id: &str) -> Result<bool> {
        Ok(!self.addresses(id)?.is_empty())
    }

    /// The stored vacancy with this id (one snapshot finds and loads it).
    pub fn get(&self, id: &str) -> Result<Option<Vacancy>> {
        self.snapshot()?.get(id)
    }

    pub fn stats(&self) -> IndexStats {
        let searcher = self.reader.searcher();
        let segs = searcher.segment_readers();
        IndexStats {
            vacancies: searcher.num_docs(),
            segments: segs.len(),
            deleted_not_yet_merged: segs.iter().map(|s| u64::from(s.num_deleted_docs())).sum(),
        }
    }

    /// The index's commit stamp (tantivy's opstamp of the last commit): which version of
    /// the vacancies a call read, for the audit trail. 0 when it cannot be read.
    pub fn version(&self) -> u64 {
        self.index.load_metas().map_or(0, |m| m.opstamp)
    }

    /// Serves the last commit another process published into this directory (a read
    /// replica beside a writer): reloads the reader when the directory's last commit is
    /// not the one served. tantivy publishes a commit by replacing `meta.json` whole,
    /// after its segments are written, so a reload sees one commit or the next, never a
    /// part. Returns the version now served, and whether it changed.
    pub fn refresh(&self) -> Result<(u64, bool)> {
        let latest = self.index.load_metas()?.opstamp;
        let served = self.served.load(std::sync::atomic::Ordering::Acquire);
        if latest == served {
            return Ok((latest, false));
        }
        self.reader.reload()?;
        self.served.store(latest, std::sync::atomic::Ordering::Release);
        Ok((latest, true))
    }

    /// When the last commit was written (seconds since the Unix epoch): the time of
    /// tantivy's `meta.json`; `None` in memory.
    pub fn last_commit_unix_secs(&self) -> Option<u64> {
        let meta = self.path.as_ref()?.join("meta.json");
        let modified = std::fs::metadata(meta).ok()?.modified().ok()?;
        Some(modified.duration_since(std::time::UNIX_EPOCH).ok()?.as_secs())
    }

    /// Every live vacancy, compiled, in id order (tests and the reference ranker).
    pub fn compiled_vacancies(&self) -> Result<Vec<CompiledVacancy>> {
        let snapshot = self.snapshot()?;
        let mut out = Vec::new();
        let readers = snapshot.searcher.segment_readers();
        for (reader, seg) in readers.iter().zip(&snapshot.segments) {
            for doc in 0..reader.max_doc() {
                if reader.alive_bitset().is_none_or(|b| b.is_alive(doc)) {
                    out.push(seg.get(doc));
                }
            }
        }
        out.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(out)
    }

    /// The compiled vacancies of each segment of `searcher`, decoded once per segment.
    fn segment_vacancies(
        &self,
        searcher: &tantivy::Searcher,
    ) -> Result<Vec<Arc<SegmentVacancies>>> {
        let mut cache = self.segments.lock().unwrap_or_else(|p| p.into_inner());
        let live: HashSet<SegmentId> =
            searcher.segment_readers().iter().map(|r| r.segment_id()).collect();
        cache.retain(|id, _| live.contains(id));
        let mut out = Vec::new();
        for reader in searcher.segment_readers() {
            let seg = match cache.get(&reader.segment_id()) {
                Some(s) => s.clone(),
                None => {
                    let s = Arc::new(load_segment(reader)?);
                    cache.insert(reader.segment_id(), s.clone());
                    s
                }
            };
            out.push(seg);
        }
        Ok(out)
    }

    /// The snapshot-wide ids of the qualification sets of `segments` (those of
    /// `searcher`), worked out once per list of segments.
    fn qualification_sets(
        &self,
        searcher: &tantivy::Searcher,
        segments: &[Arc<SegmentVacancies>],
    ) -> Arc<QualificationSets> {
        let ids: Vec<SegmentId> =
            searcher.segment_readers().iter().map(|r| r.segment_id()).collect();
        let mut cache = self.sets.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((of, sets)) = &*cache
            && *of == ids
        {
            return sets.clone();
        }
        let sets = Arc::new(QualificationSets::new(segments));
        *cache = Some((ids, sets.clone()));
        sets
    }
}

/// One id for each distinct qualification set of a snapshot's segments, whichever
/// segments ask it: a pass that reads the segments one after the other classifies a set
/// once for the person, not once per segment.
pub(crate) struct QualificationSets {
    /// By segment (in the snapshot's order), by the segment's own qualifications id.
    pub(crate) of_segment: Vec<Vec<u32>>,
    pub(crate) len: usize,
}

impl QualificationSets {
    fn new(segments: &[Arc<SegmentVacancies>]) -> QualificationSets {
        let mut ids: HashMap<&Qualifications, u32> = HashMap::new();
        let of_segment = segments
            .iter()
            .map(|s| {
                let values = &s.qualifications.values;
                values
                    .iter()
                    .map(|q| {
                        let next = ids.len() as u32;
                        *ids.entry(q).or_insert(next)
                    })
                    .collect()
            })
            .collect();
        QualificationSets { of_segment, len: ids.len() }
    }
}

fn load_segment(reader: &tantivy::SegmentReader) -> Result<SegmentVacancies> {
    let corrupt = |message: String| IndexError::Corrupt {
        id: format!("segment {}", reader.segment_id()),
        message,
    };
    let column = reader
        .fast_fields()
        .bytes("features")?
        .ok_or_else(|| corrupt("no features column".into()))?;
    // The distinct encodings (one per vacancy, but for the same vacancy added twice),
    // then each document's, in document order.
    let mut keys: Vec<u8> = Vec::new();
    let mut by_ord: Vec<std::ops::Range<usize>> = Vec::with_capacity(column.num_terms());
    let mut stream = column.dictionary().stream().map_err(|e| corrupt(e.to_string()))?;
    while stream.advance() {
        let key = stream.key();
        by_ord.push(keys.len()..keys.len() + key.len());
        keys.extend_from_slice(key);
    }
    let ords = column.ords();
    let max_doc = reader.max_doc();
    let too_big = || corrupt("over 4 GiB of features".into());
    let mut encoded =
        Encoded { bytes: Vec::new(), start: Vec::with_capacity(max_doc as usize + 1) };
    for doc in 0..max_doc {
        let ord =
            ords.first(doc).ok_or_else(|| corrupt(format!("document {doc} has no features")))?;
        let range = by_ord
            .get(ord as usize)
            .ok_or_else(|| corrupt(format!("document {doc}: no ordinal {ord}")))?;
        encoded.start.push(u32::try_from(encoded.bytes.len()).map_err(|_| too_big())?);
        encoded.bytes.extend_from_slice(&keys[range.clone()]);
    }
    encoded.start.push(u32::try_from(encoded.bytes.len()).map_err(|_| too_big())?);
    drop(keys);
    encoded.bytes.shrink_to_fit();
    SegmentVacancies::new(encoded).map_err(|(doc, e)| corrupt(format!("document {doc}: {e}")))
}

/// Errors a caller can show per line.
pub fn line_error(source: &str, line: usize, error: RecordError) -> LineError {
    LineError { source: source.to_owned(), line, error }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vacancy(id: &str) -> ValidVacancy {
        let v: Vacancy =
            opstap_core::validate::parse_json(&format!(r#"{{"id":"{id}","title":"x"}}"#)).unwrap();
        ValidVacancy::new(v, Taxonomy::embedded()).unwrap()
    }

    /// A segment keeps its vacancies encoded: what a pass reads from the encoding and the
    /// columns (the id, the filter's parts) is what the decoded vacancy says.
    #[test]
    fn the_encoded_vacancies_and_the_columns_agree_with_the_decoded_ones() {
        let index = VacancyIndex::in_memory().unwrap();
        let json = |id: &str, extra: &str| {
            let v: Vacancy = opstap_core::validate::parse_json(&format!(
                r#"{{"id":"{id}","title":"Magazijnmedewerker"{extra}}}"#
            ))
            .unwrap();
            ValidVacancy::new(v, Taxonomy::embedded()).unwrap()
        };
        index
            .upsert(&[
                json("v-1", r#","sector":"logistics","location":{"lat":52.08,"lon":4.31}"#),
                json("v-2", r#","sector":"care","location":{"lat":53.2,"lon":6.56}"#),
                json("v-ë3", ""),
            ])
            .unwrap();
        let m = opstap_core::Matcher::new(
            opstap_core::MatchConfig::default(),
            Taxonomy::embedded(),
            "2026-11-27".parse().unwrap(),
        );
        let p: opstap_core::Participant = opstap_core::validate::parse_json(
            r#"{"id":"p-1","location":{"lat":52.08,"lon":4.31}}"#,
        )
        .unwrap();
        let cp = m.compile_participant(&p);
        let filters = [
            VacancyFilter::NONE,
            VacancyFilter { sectors: vec!["logistics".into()], ..VacancyFilter::NONE },
            VacancyFilter { max_distance_km: Some(50.0), ..VacancyFilter::NONE },
            VacancyFilter::NONE.leaving_out(vec!["v-ë3".into()]),
        ];
        let snapshot = index.snapshot().unwrap();
        let mut seen = 0;
        for seg in &snapshot.segments {
            for doc in 0..seg.location.len() as u32 {
                let v = seg.get(doc);
                assert_eq!(seg.id(doc), &*v.id);
                for f in &filters {
                    assert_eq!(seg.admits(f, &cp, doc), f.admits(&cp, &v), "{} {f:?}", v.id);
                }
                seen += 1;
            }
        }
        assert_eq!(seen, 3);
    }

    /// Each vacancy's text is analysed in its own language (both where that is not
    /// clear), and a profile's words find it in either language, stemmed the text's way.
    #[test]
    fn a_text_is_found_by_the_words_of_its_language_in_any_form() {
        let index = VacancyIndex::in_memory().unwrap();
        let json = |id: &str, title: &str, description: &str| {
            let v: Vacancy = opstap_core::validate::parse_json(&format!(
                r#"{{"id":"{id}","title":"{title}","description":"{description}"}}"#
            ))
            .unwrap();
            ValidVacancy::new(v, Taxonomy::embedded()).unwrap()
        };
        index
            .upsert(&[
                json(
                    "v-nl",
                    "Magazijnmedewerker",
                    "Je verzamelt de bestellingen van onze klanten en je werkt met een heftruck.",
                ),
                json(
                    "v-en",
                    "Warehouse operative",
                    "You pick the orders of our customers and you drive a forklift in the warehouse.",
                ),
                json("v-both", "Heftruck forklift", ""),
            ])
            .unwrap();
        let m = opstap_core::Matcher::new(
            opstap_core::MatchConfig::default(),
            Taxonomy::embedded(),
            "2026-11-27".parse().unwrap(),
        );
        let found = |skills: &str| {
            let p: opstap_core::Participant = opstap_core::validate::parse_json(&format!(
                r#"{{"id":"p-1","skills":["{skills}"]}}"#
            ))
            .unwrap();
            let mut ids: Vec<String> =
                index.bm25_scores(&m.compile_participant(&p)).unwrap().into_keys().collect();
            ids.sort();
            ids
        };
        // Which fields each text went into: its language's, or both.
        let snapshot = index.snapshot().unwrap();
        let mut analysed = Vec::new();
        for (seg, reader) in snapshot.segments.iter().zip(snapshot.searcher.segment_readers()) {
            let has = |field| {
                let norms = reader.get_fieldnorms_reader(field).unwrap();
                move |doc| norms.fieldnorm(doc) > 0
            };
            let (nl, en) = (has(index.fields.title_nl), has(index.fields.title_en));
            for doc in 0..seg.location.len() as u32 {
                analysed.push((seg.id(doc).to_owned(), nl(doc), en(doc)));
            }
        }
        analysed.sort();
        let expected = [("v-both", true, true), ("v-en", false, true), ("v-nl", true, false)];
        assert_eq!(analysed, expected.map(|(id, nl, en)| (id.to_owned(), nl, en)));
        // Dutch stems: "bestelling" finds "bestellingen", "heftrucks" finds "heftruck"
        // (and the title that is both).
        assert_eq!(found("bestelling"), ["v-nl"]);
        assert_eq!(found("heftrucks"), ["v-both", "v-nl"]);
        // English stems: "picking" finds "pick", "forklifts" finds "forklift".
        assert_eq!(found("order picking"), ["v-en"]);
        assert_eq!(found("forklifts"), ["v-both", "v-en"]);
    }

    /// A ranking pass scores the text itself (`TextWeights`): per document, the `f32`
    /// that tantivy's union of the same terms gives, to the bit, whatever an earlier pass
    /// left in the thread's buffer; with ranges of documents, those only (postings of
    /// several blocks, ranges that start and end within a block, at its edges and beyond
    /// the last posting).
    #[test]
    fn the_pass_scores_the_text_as_tantivys_union_does() {
        use tantivy::query::{EnableScoring, Query};
        let index = VacancyIndex::in_memory().unwrap();
        let words = ["heftruck", "magazijn", "orderpicker", "koken", "keuken", "schoonmaak"];
        let english = ["forklift", "warehouse", "kitchen", "cleaning", "orders", "driver"];
        let vacancies: Vec<ValidVacancy> = (0..1200)
            .map(|i: usize| {
                // Titles and texts of varied lengths and word counts, in both languages.
                let title = format!("{} {}", words[i % 6], words[(i / 6) % 6]);
                let body: Vec<&str> = (0..(i % 7) + 1)
                    .map(|j| {
                        if i.is_multiple_of(3) { english[(i + j) % 6] } else { words[(i * j) % 6] }
                    })
                    .collect();
                let v: Vacancy = opstap_core::validate::parse_json(&format!(
                    r#"{{"id":"v-{i}","title":"{title}","description":"{} de het een en"}}"#,
                    body.join(" ")
                ))
                .unwrap();
                ValidVacancy::new(v, Taxonomy::embedded()).unwrap()
            })
            .collect();
        index.upsert(&vacancies[..900]).unwrap();
        index.upsert(&vacancies[900..]).unwrap();
        let snapshot = index.snapshot().unwrap();
        let readers = snapshot.searcher.segment_readers();
        assert!(readers.len() >= 2);
        // Postings of several blocks (128 documents each), in some segment.
        assert!(readers.iter().any(|r| r.max_doc() > 256), "segments too small");
        for profile in ["heftruck magazijn keuken", "forklift warehouse orders", "koken", "piano"] {
            let weights =
                text::TextWeights::new(&index.text_clauses(profile), &snapshot.searcher).unwrap();
            let scoring = EnableScoring::enabled_from_searcher(&snapshot.searcher);
            let union = index.text_query(profile).weight(scoring).unwrap();
            for reader in snapshot.searcher.segment_readers() {
                let mut want = HashMap::new();
                union
                    .for_each(reader, &mut |doc, score| {
                        want.insert(doc, score);
                    })
                    .unwrap();
                let max = reader.max_doc();
                let scattered: Vec<std::ops::Range<tantivy::DocId>> =
                    (0..max).step_by(7).map(|d| d..d + 1 + d % 3).collect();
                let mut edges: Vec<_> = [0..1, 3..5, 127..129, 200..256, 256..257, 280..290]
                    .into_iter()
                    .filter(|r| r.end < max)
                    .collect();
                edges.push(max - 1..max + 9);
                for only in [None, Some(&scattered[..]), None, Some(&edges[..]), Some(&[][..])] {
                    let got = weights.score(reader, only).unwrap();
                    for doc in 0..reader.max_doc() {
                        let kept = only.is_none_or(|o| o.iter().any(|r| r.contains(&doc)));
                        let expected = want.get(&doc).copied().filter(|_| kept).unwrap_or(0.0);
                        assert_eq!(
                            got.bm25(doc).to_bits(),
                            expected.to_bits(),
                            "{profile}: {doc} in {only:?}"
                        );
                        assert_eq!(got.matched.contains(doc), expected > 0.0, "{profile}: {doc}");
                    }
                }
            }
            // Not vacuous: every profile but the last matches some text.
            let readers = snapshot.searcher.segment_readers();
            let any =
                readers.iter().any(|r| weights.score(r, None).unwrap().matched.iter().count() > 0);
            assert_eq!(any, profile != "piano", "{profile}");
        }
    }

    /// A profile's text makes at most MAX_QUERY_TERMS distinct terms per field analysis.
    #[test]
    fn the_text_query_has_a_bounded_number_of_terms() {
        let index = VacancyIndex::in_memory().unwrap();
        let words: Vec<String> = (0..2000).map(|i| format!("woord{i:05}")).collect();
        let query = index.text_query(&words.join(" "));
        assert_eq!(query.clauses().len(), 4 * text::MAX_QUERY_TERMS);
        let query = index.text_query("koken koken bakken");
        assert_eq!(query.clauses().len(), 4 * 2);
    }

    /// A ranking pass whose deadline has passed stops with DeadlineExceeded instead of
    /// ranking on for a caller who is gone.
    #[test]
    fn a_pass_past_its_deadline_stops() {
        let index = VacancyIndex::in_memory().unwrap();
        index.upsert(&[vacancy("v-1"), vacancy("v-2")]).unwrap();
        let m = opstap_core::Matcher::new(
            opstap_core::MatchConfig::default(),
            Taxonomy::embedded(),
            "2026-11-27".parse().unwrap(),
        );
        let p: opstap_core::Participant =
            opstap_core::validate::parse_json(r#"{"id":"p-1"}"#).unwrap();
        let cp = m.compile_participant(&p);
        let past = RankOptions { deadline: Some(std::time::Instant::now()), ..RankOptions::FULL };
        assert!(matches!(index.rank(&m, &cp, 10, past), Err(IndexError::DeadlineExceeded)));
        let later = std::time::Instant::now() + std::time::Duration::from_secs(60);
        let ranking = index
            .rank(&m, &cp, 10, RankOptions { deadline: Some(later), ..RankOptions::FULL })
            .unwrap();
        assert_eq!(ranking.eligible, Some(2));
    }

    /// A write that panics halfway publishes nothing, now or with the next commit, and
    /// the index keeps taking writes.
    #[test]
    fn a_panic_inside_a_write_publishes_nothing() {
        let index = VacancyIndex::in_memory().unwrap();
        index.upsert(&[vacancy("v-1")]).unwrap();
        let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let _ = index.with_writer(|w| -> Result<()> {
                let v = vacancy("v-half");
                index.add_upsert(w, &v, "{}")?;
                panic!("a bug halfway through a batch");
            });
        }));
        assert!(panicked.is_err());
        index.upsert(&[vacancy("v-2")]).unwrap();
        assert!(index.contains("v-1").unwrap() && index.contains("v-2").unwrap());
        assert!(!index.contains("v-half").unwrap(), "the half-written batch was published");
        // A failed write rolls back too.
        let failed = index.with_writer(|w| -> Result<()> {
            index.add_upsert(w, &vacancy("v-failed"), "{}")?;
            Err(IndexError::Locked("made up".into()))
        });
        assert!(failed.is_err());
        index.upsert(&[vacancy("v-3")]).unwrap();
        assert!(!index.contains("v-failed").unwrap());
        assert_eq!(index.stats().vacancies, 3);
    }

    #[test]
    fn distinct_keeps_first_seen_order_and_maps_every_document() {
        let column = ["b", "a", "b", "c", "a"];
        let d: Distinct<_> = column.iter().copied().collect();
        assert_eq!(d.values, ["b", "a", "c"]);
        for (doc, v) in column.iter().enumerate() {
            assert_eq!(d.values[d.id(doc as u32)], *v);
        }
    }

    #[test]
    fn groups_hold_every_document_once_by_occupation_and_traits() {
        // Documents 0..8: occupation and traits values.
        let occupations: Distinct<_> = [1, 2, 1, 1, 3, 2, 1, 3].into_iter().collect();
        let traits: Distinct<_> = ["x", "x", "y", "x", "x", "y", "y", "x"].into_iter().collect();
        let groups = Groups::new(&occupations, &traits);
        let mut seen = Vec::new();
        for o in 0..occupations.values.len() {
            let mut last_traits = None;
            for (t, docs) in groups.of_occupation(o) {
                assert!(last_traits < Some(t), "one group per traits value, in order");
                last_traits = Some(t);
                assert!(docs.windows(2).all(|w| w[0] < w[1]), "ascending within a group");
                for &d in docs {
                    assert_eq!((occupations.id(d), traits.id(d)), (o, t));
                    seen.push(d);
                }
            }
        }
        seen.sort_unstable();
        assert_eq!(seen, (0..8).collect::<Vec<u32>>());
        // Occupation 1 (id 0) has documents 0, 3 (x) and 2, 6 (y).
        let first: Vec<(usize, Vec<u32>)> =
            groups.of_occupation(0).map(|(t, d)| (t, d.to_vec())).collect();
        assert_eq!(first, [(0, vec![0, 3]), (1, vec![2, 6])]);
    }
}
