//! [`Snapshot`]: one point-in-time view of the index, on which every read of a request
//! runs. A commit between two reads of a request cannot make an address found by one
//! point at another document in the next: they share one tantivy searcher, and the
//! compiled vacancies of exactly its segments.

use std::sync::Arc;

use opstap_core::{CompiledParticipant, CompiledVacancy, Matcher, Vacancy};
use tantivy::collector::DocSetCollector;
use tantivy::query::{EnableScoring, Query, Scorer, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocAddress, DocSet, TantivyDocument, Term};

use crate::search::{RankOptions, Ranking};
use crate::{IndexError, IndexStats, QualificationSets, Result, SegmentVacancies, VacancyIndex};

/// One point-in-time view of a [`VacancyIndex`]: a searcher and the compiled vacancies of
/// its segments (decoded once per segment and shared with later snapshots).
pub struct Snapshot<'a> {
    pub(crate) index: &'a VacancyIndex,
    pub(crate) searcher: tantivy::Searcher,
    pub(crate) segments: Vec<Arc<SegmentVacancies>>,
    pub(crate) sets: Arc<QualificationSets>,
}

impl std::fmt::Debug for Snapshot<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Snapshot").field("vacancies", &self.searcher.num_docs()).finish()
    }
}

impl VacancyIndex {
    /// The index as of its last commit, for a sequence of reads that must agree.
    pub fn snapshot(&self) -> Result<Snapshot<'_>> {
        let searcher = self.reader.searcher();
        let segments = self.segment_vacancies(&searcher)?;
        let sets = self.qualification_sets(&searcher, &segments);
        Ok(Snapshot { index: self, searcher, segments, sets })
    }
}

impl Snapshot<'_> {
    /// Where the live vacancy with this id is.
    pub(crate) fn address(&self, id: &str) -> Result<Option<DocAddress>> {
        let field = self.index.fields.id;
        let q = TermQuery::new(Term::from_field_text(field, id), IndexRecordOption::Basic);
        Ok(self.index.search(&self.searcher, &q, &DocSetCollector)?.into_iter().next())
    }

    /// The compiled vacancy at an address of this snapshot (decoded).
    pub(crate) fn compiled(&self, address: DocAddress) -> CompiledVacancy {
        self.segments[address.segment_ord as usize].get(address.doc_id)
    }

    /// The stored vacancy at an address of this snapshot.
    pub(crate) fn load(&self, address: DocAddress, id: &str) -> Result<Vacancy> {
        let corrupt = |message: String| IndexError::Corrupt { id: id.to_owned(), message };
        let doc: TantivyDocument = self.searcher.doc(address)?;
        let source = doc
            .get_first(self.index.fields.source)
            .and_then(|v| v.as_str())
            .ok_or_else(|| corrupt("no source field".into()))?;
        serde_json::from_str(source).map_err(|e| corrupt(e.to_string()))
    }

    /// The stored vacancy with this id.
    pub fn get(&self, id: &str) -> Result<Option<Vacancy>> {
        self.address(id)?.map(|a| self.load(a, id)).transpose()
    }

    pub fn stats(&self) -> IndexStats {
        let segs = self.searcher.segment_readers();
        IndexStats {
            vacancies: self.searcher.num_docs(),
            segments: segs.len(),
            deleted_not_yet_merged: segs.iter().map(|s| u64::from(s.num_deleted_docs())).sum(),
        }
    }

    /// Ranks every live vacancy of this snapshot for a participant (see
    /// [`VacancyIndex::rank`]).
    pub fn rank(
        &self,
        matcher: &Matcher,
        participant: &CompiledParticipant,
        k: usize,
        options: RankOptions,
    ) -> Result<Ranking> {
        self.index.rank_in(self, matcher, participant, k, options, None)
    }

    /// How many eligible vacancies rank before the one at `address`, which scores `score`
    /// for this participant: a top-k pass whose k-th score is fixed at `score`, so it
    /// passes over everything whose bound cannot reach it.
    pub(crate) fn count_ahead_of(
        &self,
        matcher: &Matcher,
        participant: &CompiledParticipant,
        score: f64,
        address: DocAddress,
    ) -> Result<usize> {
        let target = (score, self.compiled(address).id.clone());
        let ranking = self.index.rank_in(
            self,
            matcher,
            participant,
            0,
            RankOptions::default(),
            Some(target),
        )?;
        Ok(ranking.ahead)
    }

    /// tantivy's BM25 score of one document for the participant's text query: the score
    /// a ranking pass of this snapshot gives it (the same weight, the same statistics).
    pub(crate) fn bm25(
        &self,
        participant: &CompiledParticipant,
        address: DocAddress,
    ) -> Result<f32> {
        let query = self.index.text_query(&participant.query_text);
        let weight = query.weight(EnableScoring::enabled_from_searcher(&self.searcher))?;
        let reader = self.searcher.segment_reader(address.segment_ord);
        let mut scorer = weight.scorer(reader, 1.0)?;
        let doc = address.doc_id;
        Ok(if scorer.doc() <= doc && scorer.seek(doc) == doc { scorer.score() } else { 0.0 })
    }
}
