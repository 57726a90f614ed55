//! The participant's text query, and the passes that read BM25 alone (the `text-only`
//! baseline of `opstap eval`, and the scores the reference ranker needs).

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;
use std::sync::Arc;

use opstap_core::CompiledParticipant;
use opstap_core::matching::rank_order;
use tantivy::InvertedIndexReader;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::fieldnorm::FieldNormReader;
use tantivy::query::{
    Bm25StatisticsProvider, Bm25Weight, BooleanQuery, BoostQuery, Occur, Query, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader, Term};

use crate::schema::{EN_ANALYZER, NL_ANALYZER, tokens};
use crate::topk::{Hit, TopK};
use crate::{Result, SegmentVacancies, VacancyIndex};

/// Title words weigh double in BM25.
const TITLE_BOOST: f32 = 2.0;

/// Keeps the `k` documents with the highest BM25 (ties by vacancy id).
struct TextTopCollector {
    segments: Vec<Arc<SegmentVacancies>>,
    k: usize,
}

struct TextTopSegmentCollector {
    segment: Arc<SegmentVacancies>,
    top: TopK,
}

impl Collector for TextTopCollector {
    type Fruit = Vec<Hit>;
    type Child = TextTopSegmentCollector;
    fn for_segment(&self, ord: SegmentOrdinal, _: &SegmentReader) -> tantivy::Result<Self::Child> {
        Ok(TextTopSegmentCollector {
            segment: self.segments[ord as usize].clone(),
            top: TopK::new(self.k, ord),
        })
    }
    fn requires_scoring(&self) -> bool {
        true
    }
    fn merge_fruits(&self, fruits: Vec<Vec<Hit>>) -> tantivy::Result<Vec<Hit>> {
        let mut hits: Vec<Hit> = fruits.into_iter().flatten().collect();
        hits.sort_by(|a, b| rank_order(a.score, &a.vacancy_id, b.score, &b.vacancy_id));
        hits.truncate(self.k);
        Ok(hits)
    }
}

impl SegmentCollector for TextTopSegmentCollector {
    type Fruit = Vec<Hit>;
    fn collect(&mut self, doc: DocId, score: Score) {
        let segment = &self.segment;
        self.top.offer(f64::from(score), score, doc, |d| segment.id(d));
    }
    fn harvest(self) -> Vec<Hit> {
        let segment = &self.segment;
        self.top.into_sorted(|d| segment.id(d))
    }
}

/// Collects the BM25 score of every document the text query matches.
struct Bm25Collector {
    segments: Vec<Arc<SegmentVacancies>>,
}

struct Bm25SegmentCollector {
    segment: Arc<SegmentVacancies>,
    scores: Vec<(Arc<str>, f32)>,
}

impl Collector for Bm25Collector {
    type Fruit = Vec<(Arc<str>, f32)>;
    type Child = Bm25SegmentCollector;
    fn for_segment(&self, ord: SegmentOrdinal, _: &SegmentReader) -> tantivy::Result<Self::Child> {
        Ok(Bm25SegmentCollector {
            segment: self.segments[ord as usize].clone(),
            scores: Vec::new(),
        })
    }
    fn requires_scoring(&self) -> bool {
        true
    }
    fn merge_fruits(&self, fruits: Vec<Vec<(Arc<str>, f32)>>) -> tantivy::Result<Self::Fruit> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

impl SegmentCollector for Bm25SegmentCollector {
    type Fruit = Vec<(Arc<str>, f32)>;
    fn collect(&mut self, doc: DocId, score: Score) {
        self.scores.push((self.segment.id(doc).into(), score));
    }
    fn harvest(self) -> Self::Fruit {
        self.scores
    }
}

/// A set of a segment's documents, one bit each.
pub(crate) struct DocBits(Vec<u64>);

impl DocBits {
    pub(crate) fn new(max_doc: DocId) -> DocBits {
        DocBits(vec![0; (max_doc as usize).div_ceil(64)])
    }

    /// The documents of the ranges.
    pub(crate) fn of_ranges(max_doc: DocId, ranges: &[Range<DocId>]) -> DocBits {
        let mut bits = DocBits::new(max_doc);
        for r in ranges {
            // Whole words at once, the ends bit by bit.
            let (mut doc, end) = (r.start, r.end.min(max_doc));
            while doc < end {
                if doc % 64 == 0 && end - doc >= 64 {
                    bits.0[doc as usize / 64] = u64::MAX;
                    doc += 64;
                } else {
                    bits.insert(doc);
                    doc += 1;
                }
            }
        }
        bits
    }

    #[inline(always)]
    pub(crate) fn insert(&mut self, doc: DocId) {
        Self::set(&mut self.0, doc);
    }

    /// Sets document `doc`'s bit in a set's words ([`Self::words_mut`]).
    #[inline(always)]
    pub(crate) fn set(words: &mut [u64], doc: DocId) {
        words[doc as usize / 64] |= 1 << (doc % 64);
    }

    #[inline(always)]
    pub(crate) fn contains(&self, doc: DocId) -> bool {
        self.0[doc as usize / 64] & (1 << (doc % 64)) != 0
    }

    /// The documents, ascending.
    #[cfg(test)]
    pub(crate) fn iter(&self) -> impl Iterator<Item = DocId> + '_ {
        Self::docs_of_words(0, &self.0)
    }

    /// The set's words, 64 documents each (bit `i` of word `w`: document `64 w + i`).
    pub(crate) fn words(&self) -> &[u64] {
        &self.0
    }

    /// The set's words, to write ([`Self::set`]).
    pub(crate) fn words_mut(&mut self) -> &mut [u64] {
        &mut self.0
    }

    /// The documents of `words`, the set's words from index `first` on, ascending.
    pub(crate) fn docs_of_words(first: usize, words: &[u64]) -> impl Iterator<Item = DocId> + '_ {
        words.iter().enumerate().flat_map(move |(w, &word)| {
            let base = ((first + w) * 64) as DocId;
            let mut rest = word;
            std::iter::from_fn(move || {
                (rest != 0).then(|| {
                    let bit = rest.trailing_zeros();
                    rest &= rest - 1;
                    base + bit
                })
            })
        })
    }
}

/// The terms of a participant's text query, each weighed as tantivy weighs it in the
/// query ([`VacancyIndex::text_query`]): BM25 with the statistics of one searcher, times
/// the term's boost. A ranking pass scores the text term by term into a buffer by
/// document ([`Self::score`]), reading the postings block by block.
pub(crate) struct TextWeights(Vec<TermWeight>);

/// One term of the query and its weight.
struct TermWeight {
    term: Term,
    weight: Bm25Weight,
    /// By field-norm id: the weight's score of one occurrence (`weight.score(id, 1)`,
    /// the same `f32`), the frequency most postings have.
    once: Box<[Score; 256]>,
}

impl TermWeight {
    fn new(term: Term, weight: Bm25Weight) -> TermWeight {
        let once = Box::new(std::array::from_fn(|id| weight.score(id as u8, 1)));
        TermWeight { term, weight, once }
    }

    /// tantivy's term score of a document with this field-norm id and frequency.
    #[inline(always)]
    fn score(&self, fieldnorm_id: u8, freq: u32) -> Score {
        if freq == 1 {
            self.once[fieldnorm_id as usize]
        } else {
            self.weight.score(fieldnorm_id, freq)
        }
    }
}

impl TextWeights {
    pub(crate) fn new(
        clauses: &[(Term, Score)],
        searcher: &tantivy::Searcher,
    ) -> Result<TextWeights> {
        // The statistics `Bm25Weight::for_terms` reads, the field's once: the same weights.
        let docs = searcher.total_num_docs()?;
        let mut average: Option<(Field, Score)> = None;
        let mut weights = Vec::with_capacity(clauses.len());
        for (term, boost) in clauses {
            let field = term.field();
            let average = match average {
                Some((f, a)) if f == field => a,
                _ => {
                    let a = searcher.total_num_tokens(field)? as Score / docs as Score;
                    average = Some((field, a));
                    a
                }
            };
            let doc_freq = searcher.doc_freq(term)?;
            // A term no document holds adds nothing to any sum.
            if doc_freq > 0 {
                let weight = Bm25Weight::for_one_term_without_explain(doc_freq, docs, average);
                weights.push(TermWeight::new(term.clone(), weight.boost_by(*boost)));
            }
        }
        Ok(TextWeights(weights))
    }

    /// Each document's BM25, for the documents in `only` (ascending, disjoint ranges;
    /// all when `None`; 0 for the others), and the documents some term matched. Each
    /// term's score is the one tantivy's term scorer gives (the same weight, field norm
    /// and frequency), and the terms are added in the query's order, as tantivy's union
    /// of them adds them for each document, so every sum is the `f32` the union gives
    /// (which the reference ranker is fed: the equivalence property test holds the two
    /// to each other, bit for bit). A term's postings are read from the start of each
    /// range on (the skip list passes over the blocks between ranges undecoded).
    pub(crate) fn score(
        &self,
        reader: &SegmentReader,
        only: Option<&[Range<DocId>]>,
    ) -> tantivy::Result<TextScores> {
        let max_doc = reader.max_doc();
        let mut bm25 = BM25_BUFFER.with_borrow_mut(std::mem::take);
        if bm25.len() < max_doc as usize {
            bm25.resize(max_doc as usize, 0.0);
        }
        let all = 0..max_doc;
        let only = only.unwrap_or(std::slice::from_ref(&all));
        // Every sum starts from 0, as the union's does (the buffer holds an earlier pass's
        // values): cleared over the ranges scored, so no posting asks whether its
        // document was seen before.
        for range in only {
            let end = range.end.min(max_doc) as usize;
            bm25[(range.start as usize).min(end)..end].fill(0.0);
        }
        let mut matched = DocBits::new(max_doc);
        // The sums and the bits as plain slices for the loop over postings (measured:
        // slightly fewer instructions than through the vectors).
        let (sums, bits) = (&mut bm25[..], matched.words_mut());
        // The field of the terms last read (the query holds a field's terms together),
        // with its field-norm ids by document.
        let mut of_field: Option<(Field, Arc<InvertedIndexReader>, FieldNorms)> = None;
        for weight in &self.0 {
            let term = &weight.term;
            let field = term.field();
            let (_, inverted, norms) = match of_field {
                Some(ref f) if f.0 == field => f,
                _ => {
                    let norms = FieldNorms::of(reader, field)?;
                    of_field.insert((field, reader.inverted_index(field)?, norms))
                }
            };
            let Some(mut postings) =
                inverted.read_block_postings(term, IndexRecordOption::WithFreqs)?
            else {
                continue;
            };
            let norms = norms.ids();
            'ranges: for range in only {
                // The first posting at or after the range's start, in the block loaded.
                let mut at = postings.seek(range.start);
                loop {
                    let docs = postings.docs();
                    if docs.is_empty() {
                        break 'ranges;
                    }
                    // This block's postings from `at` on that lie in the range.
                    let start = at.min(docs.len());
                    let end = match docs.last() {
                        Some(&last) if last >= range.end => {
                            start + docs[start..].partition_point(|&d| d < range.end)
                        }
                        _ => docs.len(),
                    };
                    let freqs = &postings.freqs()[start..end];
                    for (&doc, &freq) in docs[start..end].iter().zip(freqs) {
                        sums[doc as usize] += weight.score(norms[doc as usize], freq);
                        DocBits::set(bits, doc);
                    }
                    if end < docs.len() {
                        // The range ends within this block.
                        break;
                    }
                    postings.advance();
                    at = 0;
                }
            }
        }
        Ok(TextScores { bm25, matched })
    }
}

/// A segment's field-norm ids of one field, by document.
enum FieldNorms {
    Read(tantivy::directory::OwnedBytes),
    /// A field without norms: tantivy scores it as if every document had length 1.
    Constant(Vec<u8>),
}

impl FieldNorms {
    fn of(reader: &SegmentReader, field: Field) -> tantivy::Result<FieldNorms> {
        let file = reader.fieldnorms_readers().get_inner_file().open_read(field);
        let norms = match file {
            Some(file) => FieldNorms::Read(file.read_bytes()?),
            None => FieldNorms::Constant(vec![
                FieldNormReader::fieldnorm_to_id(1);
                reader.max_doc() as usize
            ]),
        };
        // The layout `FieldNormReader` reads: one id per document.
        if norms.ids().len() < reader.max_doc() as usize {
            return Err(tantivy::TantivyError::InternalError(format!(
                "field norms of {} documents in a segment of {}",
                norms.ids().len(),
                reader.max_doc()
            )));
        }
        Ok(norms)
    }

    fn ids(&self) -> &[u8] {
        match self {
            FieldNorms::Read(bytes) => bytes.as_slice(),
            FieldNorms::Constant(ids) => ids,
        }
    }
}

thread_local! {
    /// The BM25 by document of a ranking pass, kept between passes on one thread (a
    /// fresh one costs its pages' first touch on every pass). What an earlier pass left in
    /// it is never read: a pass reads a document's entry only where its own text matched.
    static BM25_BUFFER: std::cell::RefCell<Vec<f32>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// One segment's BM25 by document for a text query ([`TextWeights::score`]), in a buffer
/// of this thread's, given back when this is dropped (also when a pass stops early).
pub(crate) struct TextScores {
    /// By document, valid where `matched` holds it (it may be longer than the segment).
    bm25: Vec<f32>,
    pub(crate) matched: DocBits,
}

impl TextScores {
    /// The document's BM25 (0 where no term matched it).
    #[inline(always)]
    pub(crate) fn bm25(&self, doc: DocId) -> f32 {
        if self.matched.contains(doc) { self.bm25[doc as usize] } else { 0.0 }
    }

    /// The BM25 of a document `matched` holds.
    #[inline(always)]
    pub(crate) fn bm25_of_matched(&self, doc: DocId) -> f32 {
        debug_assert!(self.matched.contains(doc));
        self.bm25[doc as usize]
    }
}

impl Drop for TextScores {
    fn drop(&mut self) {
        let bm25 = std::mem::take(&mut self.bm25);
        BM25_BUFFER.with_borrow_mut(|b| *b = bm25);
    }
}

/// The most distinct terms a participant's text query holds per field analysis: a real
/// profile has well under a hundred.
pub(crate) const MAX_QUERY_TERMS: usize = 512;

impl VacancyIndex {
    /// The text query of a participant: every analyzed term of their skills, interests,
    /// experience and field, against titles (boosted) and descriptions, in Dutch and
    /// English analysis.
    pub(crate) fn text_query(&self, text: &str) -> BooleanQuery {
        let clauses = self.text_clauses(text).into_iter().map(|(term, boost)| {
            let q = TermQuery::new(term, IndexRecordOption::WithFreqs);
            (Occur::Should, Box::new(BoostQuery::new(Box::new(q), boost)) as Box<dyn Query>)
        });
        BooleanQuery::new(clauses.collect())
    }

    /// The terms of [`Self::text_query`], each with its boost, in the query's order.
    pub(crate) fn text_clauses(&self, text: &str) -> Vec<(Term, Score)> {
        let f = &self.fields;
        let mut clauses = Vec::new();
        for (analyzer, fields) in [
            (NL_ANALYZER, [(f.title_nl, TITLE_BOOST), (f.body_nl, 1.0)]),
            (EN_ANALYZER, [(f.title_en, TITLE_BOOST), (f.body_en, 1.0)]),
        ] {
            // The first MAX_QUERY_TERMS distinct terms, in the order they come: a profile
            // is capped in items and characters, and this bounds the query it makes.
            // (Analysed once for the title and the description, which share the analysis.)
            let mut terms: BTreeSet<String> = BTreeSet::new();
            for t in tokens(&self.index, analyzer, text) {
                if terms.len() == MAX_QUERY_TERMS {
                    break;
                }
                terms.insert(t);
            }
            for (field, boost) in fields {
                clauses.extend(terms.iter().map(|t| (Term::from_field_text(field, t), boost)));
            }
        }
        clauses
    }

    /// tantivy's BM25 score of every vacancy the participant's text query matches
    /// (the others score 0). The input the reference ranker needs.
    pub fn bm25_scores(&self, participant: &CompiledParticipant) -> Result<HashMap<String, f32>> {
        let snapshot = self.snapshot()?;
        let query = self.text_query(&participant.query_text);
        let segments = snapshot.segments.clone();
        let scores = self.search(&snapshot.searcher, &query, &Bm25Collector { segments })?;
        Ok(scores.into_iter().map(|(id, s)| (id.to_string(), s)).collect())
    }

    /// The `k` vacancies whose text matches the participant's best by BM25 alone (ties
    /// by vacancy id), with no requirement checked: the `text-only` baseline of
    /// `opstap eval`. `Hit::score` is the BM25 score.
    pub fn rank_by_text(&self, participant: &CompiledParticipant, k: usize) -> Result<Vec<Hit>> {
        let snapshot = self.snapshot()?;
        let query = self.text_query(&participant.query_text);
        let segments = snapshot.segments.clone();
        self.search(&snapshot.searcher, &query, &TextTopCollector { segments, k })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_bits_of_ranges_hold_exactly_the_ranges_documents() {
        let max_doc = 300;
        let whole = 0..300;
        let cases: [&[Range<DocId>]; 4] = [
            &[],
            std::slice::from_ref(&whole),
            &[1..2, 63..65, 64..64, 100..228, 250..251],
            &[0..64, 128..192, 290..400],
        ];
        for ranges in cases {
            let bits = DocBits::of_ranges(max_doc, ranges);
            let want: Vec<DocId> =
                (0..max_doc).filter(|d| ranges.iter().any(|r| r.contains(d))).collect();
            assert_eq!(bits.iter().collect::<Vec<_>>(), want, "{ranges:?}");
        }
    }
}
