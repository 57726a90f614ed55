//! Exact top-k retrieval with the combined score computed inside the collector.
//!
//! The collector considers every live document, not only those the text matches: the
//! text query's weight fills in BM25 where the text matches (0 elsewhere), and the
//! collector applies the rules of [`Matcher`] to the compiled vacancy, per distinct
//! column value where a rule reads only that value. A top-k pass passes over documents
//! (singly, or a whole group at once) only where their score bound cannot reach the k-th
//! score. So the result is what the reference ranker returns when fed the same BM25
//! scores; a property test checks it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use opstap_core::matching::{FieldLink, QualificationsMeaning, Tabulation, rank_order};
use opstap_core::plan::NearMissClock;
use opstap_core::{
    CompiledParticipant, Matcher, NearMissTally, StepSet, StepSetGroup, VacancyFilter,
};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::query::{AllQuery, Query, Weight};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use crate::spatial::{Reach, RunKey};
use crate::tables::{QualificationClass, SegmentTables};
use crate::text::{DocBits, TextScores, TextWeights};
use crate::topk::{Hit, TopK};
use crate::{QualificationSets, Result, SegmentVacancies, Snapshot, VacancyIndex};

/// A vacancy is passed over only when its score bound is below the k-th score by more
/// than this, so rounding in the bound can never drop a vacancy that belongs in the top-k.
const PRUNE_MARGIN: f64 = 1e-9;

/// What a ranking pass computes besides the top-k, and over which vacancies.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RankOptions {
    /// Also collect the near misses (for the step plan).
    pub near_misses: bool,
    /// Count every eligible vacancy.
    pub count_eligible: bool,
    /// Only the vacancies this filter admits are ranked, counted and planned.
    pub filter: VacancyFilter,
    /// The pass stops (with [`crate::IndexError::DeadlineExceeded`]) once this has
    /// passed: checked between blocks of vacancies, so an abandoned call frees its thread.
    pub deadline: Option<Instant>,
}

impl RankOptions {
    /// Everything: near misses, the step plan and the eligible count.
    pub const FULL: RankOptions = RankOptions {
        near_misses: true,
        count_eligible: true,
        filter: VacancyFilter::NONE,
        deadline: None,
    };
}

/// Vacancies classified between two looks at the clock.
const DEADLINE_EVERY: u32 = 4096;

/// A top-k pass looks at the text matches 64 × this many documents at a time.
const TEXT_BLOCK_WORDS: usize = 16;

/// The error a pass stops with at its deadline (told apart from tantivy's own by
/// [`VacancyIndex::rank_in`]).
fn past_deadline(deadline: Option<Instant>) -> tantivy::Result<()> {
    match deadline {
        Some(d) if Instant::now() >= d => {
            Err(tantivy::TantivyError::InternalError("deadline exceeded".into()))
        }
        _ => Ok(()),
    }
}

/// The ranked eligible vacancies, and optionally the near misses (in index order).
#[derive(Debug, Clone)]
pub struct Ranking {
    pub hits: Vec<Hit>,
    /// All eligible vacancies, of which `hits` are the best `k` (with `count_eligible`).
    pub eligible: Option<usize>,
    /// The near misses, counted per step set (empty unless asked for).
    pub near_misses: NearMissTally,
    /// In a pass that counts what ranks ahead of a vacancy: the eligible vacancies that do.
    pub(crate) ahead: usize,
}

struct MatchCollector {
    matcher: Arc<Matcher>,
    /// The participant's text query (scored by the pass itself, clause by clause).
    text: TextWeights,
    participant: Arc<CompiledParticipant>,
    segments: Vec<Arc<SegmentVacancies>>,
    k: usize,
    options: RankOptions,
    /// `None` when the options' filter admits everything.
    filter: Option<Arc<VacancyFilter>>,
    /// Count the eligible vacancies ranking before this `(score, id)` instead of keeping
    /// a top-k.
    ahead_of: Option<(f64, Arc<str>)>,
    /// The snapshot's qualification set ids.
    sets: Arc<QualificationSets>,
    /// Between segments read one after the other: the sets classified so far.
    memo: Mutex<Option<QualificationMemo>>,
}

/// The classes of the qualification sets a pass has classified for its person, by
/// snapshot-wide set id, and the step set of each near-miss group they name. A segment
/// takes it over from the one read before it (segments read in parallel each start
/// their own), so a set that several segments ask is classified once. A top-k pass,
/// which classifies only the few vacancies that may enter, keeps no classes (`codes`
/// is empty).
struct QualificationMemo {
    /// By set id, packed ([`QualificationClass::pack`]); a near miss's group is an index
    /// into `groups`.
    codes: Vec<u32>,
    /// A near-miss group's step set, and whether it lies beyond the horizon.
    groups: Vec<(StepSet, bool)>,
    group_of: HashMap<StepSet, u32, rustc_hash::FxBuildHasher>,
}

impl QualificationMemo {
    fn new(sets: usize) -> QualificationMemo {
        QualificationMemo {
            codes: vec![QualificationClass::NOT_YET; sets],
            groups: Vec::new(),
            group_of: HashMap::default(),
        }
    }
}

struct MatchSegmentCollector {
    matcher: Arc<Matcher>,
    participant: Arc<CompiledParticipant>,
    segment: Arc<SegmentVacancies>,
    tables: SegmentTables,
    filter: Option<Arc<VacancyFilter>>,
    top: TopK,
    eligible: usize,
    /// One group per distinct step set of the near misses met so far (qualification
    /// sets with the same steps share one, so its examples fill up and the example
    /// threshold rises early), and by the memo's group, its group here (`u32::MAX`:
    /// none yet).
    near_groups: Vec<(StepSet, StepSetGroup)>,
    near_group_of: Vec<u32>,
    memo: QualificationMemo,
    /// By the segment's qualifications id: the snapshot-wide one.
    set_ids: Arc<QualificationSets>,
    segment_ord: usize,
    near_misses: bool,
    /// Reads a near miss's closing and posting days.
    clock: NearMissClock,
    examples_wanted: usize,
    /// Top-k only: pass over vacancies whose score bound cannot reach the top-k without
    /// classifying them (near misses and the eligible count need every vacancy
    /// classified; they still skip scoring what cannot enter).
    prune: bool,
    text_cutoff: TextCutoff,
}

/// Top-k only: by occupation id, a BM25 score below which a text match cannot reach
/// the k-th score it was worked out for (its occupation's relevance share plus the
/// best traits bound among the segment's vacancies stays under it).
/// Worked out again, when the k-th score has risen, after every `every` text matches:
/// at most a few dozen times a pass.
struct TextCutoff {
    threshold: f64,
    bm25: Vec<f32>,
    since: usize,
    every: usize,
}

struct SegmentFruit {
    hits: Vec<Hit>,
    ahead: usize,
    eligible: usize,
    near_misses: NearMissTally,
}

impl Collector for MatchCollector {
    type Fruit = Ranking;
    type Child = MatchSegmentCollector;

    fn for_segment(
        &self,
        segment_ord: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        let segment = self.segments[segment_ord as usize].clone();
        let segment_occupations = segment.occupations.values.len();
        let prune = !self.options.near_misses && !self.options.count_eligible;
        Ok(MatchSegmentCollector {
            matcher: self.matcher.clone(),
            participant: self.participant.clone(),
            tables: SegmentTables::new(&self.matcher, &self.participant, &segment),
            segment,
            filter: self.filter.clone(),
            top: match &self.ahead_of {
                Some((score, id)) => TopK::counting_ahead_of(*score, id.clone()),
                None => TopK::new(self.k, segment_ord),
            },
            eligible: 0,
            near_groups: Vec::new(),
            near_group_of: Vec::new(),
            memo: self
                .memo
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .take()
                .unwrap_or_else(|| QualificationMemo::new(if prune { 0 } else { self.sets.len })),
            set_ids: self.sets.clone(),
            segment_ord: segment_ord as usize,
            near_misses: self.options.near_misses,
            clock: self.matcher.near_miss_clock(),
            examples_wanted: self.matcher.config().plan.examples_per_option,
            prune,
            text_cutoff: TextCutoff {
                threshold: f64::NEG_INFINITY,
                bm25: vec![0.0; segment_occupations],
                since: 0,
                every: (reader.max_doc() as usize / 8).clamp(1, 4096),
            },
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    /// The segment's pass ([`MatchCollector::pass`]), then the qualification memo is
    /// left for the segment read next.
    fn collect_segment(
        &self,
        _: &dyn Weight,
        segment_ord: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentFruit> {
        past_deadline(self.options.deadline)?;
        let mut child = self.pass(self.for_segment(segment_ord, reader)?, reader)?;
        // The sets classified so far, for the segment read next.
        let memo = std::mem::replace(&mut child.memo, QualificationMemo::new(0));
        *self.memo.lock().unwrap_or_else(|p| p.into_inner()) = Some(memo);
        Ok(child.harvest())
    }

    fn merge_fruits(&self, fruits: Vec<SegmentFruit>) -> tantivy::Result<Ranking> {
        let mut hits = Vec::new();
        let mut eligible = 0;
        let mut ahead = 0;
        let mut near_misses = NearMissTally::new(self.matcher.config().plan.examples_per_option);
        for f in fruits {
            hits.extend(f.hits);
            ahead += f.ahead;
            eligible += f.eligible;
            near_misses.merge(f.near_misses);
        }
        hits.sort_by(|a, b| rank_order(a.score, &a.vacancy_id, b.score, &b.vacancy_id));
        hits.truncate(self.k);
        let eligible = self.options.count_eligible.then_some(eligible);
        Ok(Ranking { hits, eligible, near_misses, ahead })
    }
}

impl MatchCollector {
    /// Considers every live document of the segment within the person's reach, not only
    /// those the text query matches: BM25 where the text matches, 0 elsewhere. (The
    /// pass scores the text itself, [`TextWeights`]: the weight tantivy hands it is
    /// `AllQuery`'s, unread.) Takes the segment's collector and hands it back (kept as a
    /// local here: measured, fewer instructions than through a reference).
    fn pass(
        &self,
        mut child: MatchSegmentCollector,
        reader: &SegmentReader,
    ) -> tantivy::Result<MatchSegmentCollector> {
        let alive = reader.alive_bitset();
        let max_doc = reader.max_doc();
        // The vacancies that may lie within the person's reach, when it is known: the
        // rest the distance rule blocks, so the pass need not read them (`spatial`).
        // (Visiting order does not matter: the top-k breaks ties by id, counts and the
        // near-miss tally are sums, and the tally keeps its examples by their own order.)
        let segment = child.segment.clone();
        let reach = match (child.participant.location, child.participant.max_commute_chord2) {
            (Some(from), Some(max)) => Some(segment.spatial.reach(from, max)),
            _ => None,
        };
        // Where a good part of the segment lies beyond reach, the documents that may
        // not, as ranges (the segment is in cell order): the text is scored for those
        // only.
        let near = reach
            .as_ref()
            .filter(|r| r.reachable < max_doc as usize * 3 / 4)
            .map(|r| r.doc_ranges());
        let text = self.text.score(reader, near.as_deref())?;
        let matched = &text.matched;
        past_deadline(self.options.deadline)?;
        if child.prune {
            // Top-k only. The documents within reach (one bit each where not all are),
            // and those of them whose distance is to be checked one by one.
            let near = near.map(|ranges| DocBits::of_ranges(max_doc, &ranges));
            let in_reach = |doc: DocId| match (&near, &reach) {
                (Some(near), _) => near.contains(doc),
                (None, Some(r)) => r.of_bucket(segment.bucket(doc)) != Reach::Beyond,
                (None, None) => true,
            };
            let checks = reach.as_ref().filter(|r| r.checks);
            let check_distance = |doc: DocId| {
                checks.is_some_and(|r| r.of_bucket(segment.bucket(doc)) == Reach::Check)
            };
            // The vacancies whose text matches first (they tend to rank high, so the k-th
            // score rises early), then the others by group. The text matches a block at
            // a time: first those whose BM25 reaches their occupation's cutoff (one
            // comparison), then those of them whose score bound reaches the k-th score,
            // within reach, each assessed (as `consider` would, without a call each).
            // Every document of a block is written, those that pass kept (no branch on
            // the cutoff, which about a third pass).
            let mut passed = vec![(0, 0, 0); TEXT_BLOCK_WORDS * 64];
            for (at, words) in matched.words().chunks(TEXT_BLOCK_WORDS).enumerate() {
                let seen = words.iter().map(|w| w.count_ones() as usize).sum();
                child.refresh_text_cutoff(seen);
                let cut = &child.text_cutoff.bm25;
                let mut n = 0;
                for doc in DocBits::docs_of_words(at * TEXT_BLOCK_WORDS, words) {
                    let (o, t) = segment.occupation_traits(doc);
                    passed[n] = (doc, o as u32, t as u32);
                    n += usize::from(text.bm25_of_matched(doc) >= cut[o]);
                }
                for &(doc, o, t) in &passed[..n] {
                    let bm25 = text.bm25_of_matched(doc);
                    let bound = child.score_bound_of(o as usize, t as usize, bm25);
                    if bound + PRUNE_MARGIN >= child.top.threshold
                        && in_reach(doc)
                        && alive.is_none_or(|a| a.is_alive(doc))
                        && !child.too_far(doc, check_distance(doc))
                    {
                        child.assess(doc, bm25, Some(bound));
                    }
                }
            }
            // The occupations best bound first; a group of an occupation (one traits
            // value) is read only while its bound can reach the k-th score.
            let occupation_bound = child.isco_bounds_without_text();
            let mut occupations: Vec<usize> = (0..occupation_bound.len())
                .filter(|&o| occupation_bound[o] > f64::NEG_INFINITY)
                .collect();
            occupations.sort_by(|a, b| occupation_bound[*b].total_cmp(&occupation_bound[*a]));
            past_deadline(self.options.deadline)?;
            for o in occupations {
                if occupation_bound[o] + PRUNE_MARGIN < child.top.threshold {
                    break;
                }
                past_deadline(self.options.deadline)?;
                for (t, docs) in segment.groups.of_occupation(o) {
                    if child.tables.bound_without_text(o, t) + PRUNE_MARGIN < child.top.threshold {
                        continue;
                    }
                    for &doc in docs {
                        if !matched.contains(doc)
                            && in_reach(doc)
                            && alive.is_none_or(|a| a.is_alive(doc))
                        {
                            child.consider(doc, 0.0, check_distance(doc));
                        }
                    }
                }
            }
            return Ok(child);
        }
        // Every vacancy within reach is classified.
        if child.filter.is_some() {
            // A filtered pass, vacancy by vacancy.
            let mut seen = 0u32;
            let mut each = |doc: DocId, check_distance: bool| -> tantivy::Result<()> {
                if seen.is_multiple_of(DEADLINE_EVERY) {
                    past_deadline(self.options.deadline)?;
                }
                seen += 1;
                if alive.is_none_or(|a| a.is_alive(doc)) {
                    child.consider(doc, text.bm25(doc), check_distance);
                }
                Ok(())
            };
            match &reach {
                Some(reach) => {
                    for run in reach.runs() {
                        for &doc in run.docs {
                            each(doc, run.check_distance)?;
                        }
                    }
                }
                None => (0..max_doc).try_for_each(|doc| each(doc, false))?,
            }
            return Ok(child);
        }
        // Else block by block of the columns (`FullPass`): where the person's reach is
        // known, the vacancies within it, bucket by bucket (a segment keeps its documents
        // in cell order, so the columns are read front to back and a bucket beyond reach
        // is not read at all); else all, in document order.
        let mut pass = FullPass::new(&child.tables);
        match &reach {
            Some(r) => {
                for run in r.runs() {
                    let at = if run.check_distance { Reach::Check } else { Reach::Within };
                    for (at_chunk, chunk) in run.docs.chunks(DEADLINE_EVERY as usize).enumerate() {
                        past_deadline(self.options.deadline)?;
                        let from = at_chunk * DEADLINE_EVERY as usize;
                        let keys = run.keys.get(from..from + chunk.len()).unwrap_or(&[]);
                        pass.run(&mut child, chunk, keys, |_| at, &text, alive);
                    }
                }
            }
            _ => {
                let mut block: Vec<DocId> = Vec::with_capacity(DEADLINE_EVERY as usize);
                for from in (0..max_doc).step_by(DEADLINE_EVERY as usize) {
                    past_deadline(self.options.deadline)?;
                    block.clear();
                    block.extend(from..max_doc.min(from + DEADLINE_EVERY));
                    pass.run(&mut child, &block, &[], |_| Reach::Within, &text, alive);
                }
            }
        }
        Ok(child)
    }
}

impl MatchSegmentCollector {
    /// By occupation id: the best score bound of a vacancy of that occupation in this
    /// segment without text overlap.
    fn isco_bounds_without_text(&self) -> Vec<f64> {
        let t = &self.tables;
        (0..t.relevance0.len())
            .map(|i| t.relevance0[i] + t.best_traits[t.link0[i] as usize])
            .collect()
    }

    /// The rules for this pass's person, per column value.
    fn person(&self) -> Tabulation<'_> {
        self.matcher.tabulation(&self.participant)
    }

    /// How close a job of occupation id `i` is to the person's field.
    fn link(&self, i: usize, bm25: Score) -> FieldLink {
        if bm25 <= 0.0 {
            self.tables.link0[i]
        } else {
            self.person().with_text(self.tables.isco_relation[i], bm25).1
        }
    }

    /// [`Matcher::score_upper_bound`] of the vacancy, from the tables: the relevance
    /// share by occupation plus the traits bound by traits and link.
    #[inline(always)]
    fn score_bound(&self, doc: DocId, bm25: Score) -> f64 {
        let (i, traits) = self.segment.occupation_traits(doc);
        self.score_bound_of(i, traits, bm25)
    }

    /// [`Self::score_bound`] of a vacancy of occupation id `i` and traits id `traits`.
    #[inline(always)]
    fn score_bound_of(&self, i: usize, traits: usize, bm25: Score) -> f64 {
        let t = &self.tables;
        if bm25 <= 0.0 {
            t.bound_without_text(i, traits)
        } else {
            let (share, link) = self.person().with_text(t.isco_relation[i], bm25);
            share + t.occupation_block[i] + f64::from(t.traits_bound[traits][link as usize])
        }
    }

    /// Top-k only: works the text cutoff out again at the k-th score, when it has risen
    /// and `seen` more text matches have been looked at since the last time.
    fn refresh_text_cutoff(&mut self, seen: usize) {
        let cutoff = &mut self.text_cutoff;
        cutoff.since += seen;
        if cutoff.since < cutoff.every || self.top.threshold <= cutoff.threshold {
            return;
        }
        let t = &self.tables;
        // The best traits bound at any link among the segment's vacancies: as good as
        // the best among an occupation's own (which costs a look at each of its groups),
        // where an occupation has hundreds of traits values; the exact bound follows.
        let best_traits = t.best_traits.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let share = self.top.threshold - PRUNE_MARGIN;
        let person = self.matcher.tabulation(&self.participant);
        for (o, cut) in cutoff.bm25.iter_mut().enumerate() {
            let rest = best_traits + t.occupation_block[o];
            *cut = if rest == f64::NEG_INFINITY {
                f32::INFINITY
            } else {
                person.bm25_below_share(t.isco_relation[o], share - rest)
            };
        }
        cutoff.threshold = self.top.threshold;
        cutoff.since = 0;
    }

    /// The class the vacancy's qualifications give (a near miss: with its group in this
    /// segment), worked out once per distinct set of the snapshot.
    fn qualification_class(&mut self, q: usize) -> QualificationClass {
        let known = QualificationClass::unpack(self.tables.qualifications[q]);
        if known != QualificationClass::NotYet {
            return known;
        }
        let id = self.set_ids.of_segment[self.segment_ord][q] as usize;
        let mut class = self
            .memo
            .codes
            .get(id)
            .map_or(QualificationClass::NotYet, |&code| QualificationClass::unpack(code));
        if class == QualificationClass::NotYet {
            class = self.classify(q);
            if let Some(code) = self.memo.codes.get_mut(id) {
                *code = class.pack();
            }
        }
        if let QualificationClass::NearMiss(group) = class {
            class = QualificationClass::NearMiss(self.near_group(group as usize));
        }
        self.tables.qualifications[q] = class.pack();
        class
    }

    /// The class of the segment's qualification set `q` (a near miss: with its group in
    /// the memo).
    fn classify(&mut self, q: usize) -> QualificationClass {
        let values = &self.segment.qualifications.values[q];
        if !self.near_misses {
            // A pass that collects no near misses needs only whether the set is met: the
            // others are as good as blocked to it (their steps are not worked out).
            return if self.person().qualifications_met(values) {
                QualificationClass::Eligible
            } else {
                QualificationClass::Blocked
            };
        }
        let (set, beyond_horizon) =
            match self.matcher.tabulation(&self.participant).qualifications(values) {
                QualificationsMeaning::Eligible => return QualificationClass::Eligible,
                QualificationsMeaning::Blocked => return QualificationClass::Blocked,
                QualificationsMeaning::NearMiss(set) => (set, false),
                QualificationsMeaning::BeyondHorizon(set) => (set, true),
            };
        let QualificationMemo { groups, group_of, .. } = &mut self.memo;
        let group = *group_of.entry(set).or_insert_with_key(|set| {
            groups.push((set.clone(), beyond_horizon));
            (groups.len() - 1) as u32
        });
        QualificationClass::NearMiss(group)
    }

    /// This segment's group of the memo's near-miss group `group`, started when first
    /// met.
    fn near_group(&mut self, group: usize) -> u32 {
        if self.near_group_of.len() <= group {
            self.near_group_of.resize(group + 1, u32::MAX);
        }
        if self.near_group_of[group] == u32::MAX {
            let (set, beyond_horizon) = &self.memo.groups[group];
            self.near_groups.push((set.clone(), StepSetGroup::new(*beyond_horizon)));
            self.near_group_of[group] = (self.near_groups.len() - 1) as u32;
        }
        self.near_group_of[group]
    }

    /// Counts a near miss in its step-set group; a fitting one is scored only when it
    /// may be among the group's best examples.
    /// `(o, t)`: its occupation and traits ids.
    fn count_near_miss(
        &mut self,
        group: u32,
        doc: DocId,
        (o, t): (usize, usize),
        bm25: Score,
        bound: f64,
    ) {
        let fitting = self.tables.fitting[t][self.link(o, bm25) as usize];
        let wanted = self.examples_wanted;
        let d = doc as usize;
        let dates = self.clock.dates(self.segment.valid_through(doc), self.segment.posted[d]);
        // Only a fitting one can be an example: the others need no threshold. Below it
        // (by bound, then by score) nothing is kept; at it a tie is broken by id, so the
        // id is read only from there.
        let threshold = fitting
            .then(|| self.near_groups[group as usize].1.example_threshold(dates.closes_in, wanted));
        let may = |x: f64| threshold.is_some_and(|t| t.is_none_or(|t| x >= t));
        let score = may(bound + PRUNE_MARGIN)
            .then(|| self.segment.score(&self.person(), doc, bm25))
            .filter(|&score| may(score));
        let g = &mut self.near_groups[group as usize].1;
        g.count(fitting, dates);
        if let Some(score) = score {
            g.offer_example(score, self.segment.id(doc), dates.closes_in, wanted);
        }
    }
}

impl MatchSegmentCollector {
    /// Classifies the vacancy; an eligible one that may enter the top-k is scored and
    /// offered, a near miss counted. `bound`: its score bound, where already worked out.
    #[inline(never)]
    fn assess(&mut self, doc: DocId, bm25: Score, bound: Option<f64>) {
        if let Some(filter) = &self.filter
            && !self.segment.admits(filter, &self.participant, doc)
        {
            return;
        }
        let class = self.qualification_class(self.segment.qualifications.id(doc));
        let wanted = match class {
            QualificationClass::Eligible => true,
            QualificationClass::NearMiss(_) => self.near_misses,
            _ => false,
        };
        if !wanted {
            return;
        }
        // A bound of −∞: the experience asked, the TWV stance or an excluded occupation
        // blocks; then an excluded sector; the rest of the circumstances are the
        // vacancy's own (its distance is checked by `consider`).
        let bound = bound.unwrap_or_else(|| self.score_bound(doc, bm25));
        let excluded = &self.tables.excluded_sectors;
        if bound == f64::NEG_INFINITY
            || (!excluded.is_empty() && excluded[self.segment.sectors.id(doc)])
            || self.closes_too_soon(doc)
        {
            return;
        }
        match class {
            QualificationClass::Eligible => {
                self.eligible += 1;
                if bound + PRUNE_MARGIN >= self.top.threshold {
                    self.offer(doc, bm25);
                }
            }
            QualificationClass::NearMiss(group) => {
                let ids = self.segment.occupation_traits(doc);
                self.count_near_miss(group, doc, ids, bm25, bound);
            }
            _ => {}
        }
    }
}

/// A pass that classifies every vacancy (the eligible count, the step plan), one block
/// of ascending documents at a time: a first loop reads only the small columns (the
/// qualification class by distinct set, whether the occupation and the traits let the
/// vacancy through) and lists where in the block the eligible vacancies and the near
/// misses are, without a branch per vacancy; two loops then read the vacancies' own
/// circumstances (closing day, place) for those listed only, and count or rank them.
/// The outcome is the vacancy-by-vacancy pass's ([`MatchSegmentCollector::assess`]):
/// each list keeps document order, and the counts, the top-k and the step sets do not
/// depend on which of two lists is read first.
struct FullPass {
    /// By occupation id and by traits id: whether it lets a vacancy through (its score
    /// bound is not −∞, whatever the text).
    occupation_open: Vec<bool>,
    traits_open: Vec<bool>,
    /// The listed vacancies of a block, by their place in it: the eligible, and the near
    /// misses with their group.
    eligible: Box<[u16; BLOCK]>,
    near: Box<[(u16, u32); BLOCK]>,
}

/// The most documents [`FullPass::run`] takes at once (a power of two, and a place in
/// the block fits a `u16`: a list's next place is masked into range, so the first loop
/// stores without a bounds check).
const BLOCK: usize = DEADLINE_EVERY as usize;
const _: () = assert!(BLOCK.is_power_of_two() && BLOCK <= 1 << 16);

impl FullPass {
    fn new(t: &SegmentTables) -> FullPass {
        FullPass {
            occupation_open: t.occupation_block.iter().map(|b| *b != f64::NEG_INFINITY).collect(),
            traits_open: t
                .traits_bound
                .iter()
                .map(|b| b.iter().any(|x| *x != f32::NEG_INFINITY))
                .collect(),
            eligible: Box::new([0; BLOCK]),
            near: Box::new([(0, 0); BLOCK]),
        }
    }

    /// `keys`: the documents' [`RunKey`]s by index, or empty (then read from the columns
    /// by document).
    fn run(
        &mut self,
        c: &mut MatchSegmentCollector,
        docs: &[DocId],
        keys: &[RunKey],
        reach: impl Fn(DocId) -> Reach,
        text: &TextScores,
        alive: Option<&tantivy::fastfield::AliveBitSet>,
    ) {
        assert!(docs.len() <= BLOCK, "a block of at most {BLOCK} documents");
        if keys.is_empty() {
            let segment = c.segment.clone();
            let at = |i: usize| {
                let doc = docs[i];
                let (o, t) = segment.occupation_traits(doc);
                (doc, o, t, segment.qualifications.id(doc))
            };
            self.run_with(c, docs.len(), at, &reach, text, alive);
        } else {
            assert_eq!(keys.len(), docs.len(), "a key for each document");
            let at = |i: usize| {
                let k = &keys[i];
                let (o, t) = crate::unpack_occupation_traits(k.occupation_traits);
                (docs[i], o, t, k.qualifications as usize)
            };
            self.run_with(c, docs.len(), at, &reach, text, alive);
        }
    }

    /// [`Self::run`] over the `n` documents of a block, where `at(i)` reads the `i`-th's
    /// `(document, occupation id, traits id, qualifications id)`. The first loop lists
    /// the eligible vacancies and the near misses by place; the two after it read the
    /// listed ones again by place.
    #[inline(always)]
    fn run_with(
        &mut self,
        c: &mut MatchSegmentCollector,
        n: usize,
        at: impl Fn(usize) -> (DocId, usize, usize, usize),
        reach: &impl Fn(DocId) -> Reach,
        text: &TextScores,
        alive: Option<&tantivy::fastfield::AliveBitSet>,
    ) {
        let (mut eligible, mut near) = (0usize, 0usize);
        let want_near = c.near_misses;
        let excludes = !c.tables.excluded_sectors.is_empty();
        for i in 0..n {
            let (doc, o, t, q) = at(i);
            let mut open =
                self.occupation_open[o] & self.traits_open[t] & (reach(doc) != Reach::Beyond);
            if excludes {
                open &= !c.tables.excluded_sectors[c.segment.sectors.id(doc)];
            }
            if let Some(a) = alive {
                open &= a.is_alive(doc);
            }
            // The packed class, compared as it is (no branch on the class). A set is
            // classified when a vacancy that asks it is first met open: one met only where
            // the occupation, the traits or the place already block never is.
            let mut code = c.tables.qualifications[q];
            if open && code == QualificationClass::NOT_YET {
                code = c.qualification_class(q).pack();
            }
            // (A list holds at most one entry per document of the block: the mask keeps
            // the place in range without a check.)
            self.eligible[eligible & (BLOCK - 1)] = i as u16;
            eligible += usize::from(open & (code == QualificationClass::ELIGIBLE));
            self.near[near & (BLOCK - 1)] = (i as u16, code);
            near += usize::from(open & want_near & (code < QualificationClass::BLOCKED));
        }
        for &i in &self.eligible[..eligible] {
            let (doc, o, t, _) = at(usize::from(i));
            let (check, b) = (reach(doc) == Reach::Check, text.bm25(doc));
            let Some(bound) = c.open_bound(doc, o, t, b, check) else {
                continue;
            };
            c.eligible += 1;
            if bound + PRUNE_MARGIN >= c.top.threshold {
                c.offer(doc, b);
            }
        }
        for &(i, group) in &self.near[..near] {
            let (doc, o, t, _) = at(usize::from(i));
            let b = text.bm25(doc);
            if let Some(bound) = c.open_bound(doc, o, t, b, reach(doc) == Reach::Check) {
                c.count_near_miss(group, doc, (o, t), b, bound);
            }
        }
    }
}

impl MatchSegmentCollector {
    /// Of a vacancy whose occupation (id `o`) and traits (id `t`) let it through: its
    /// score bound, or `None` where it is too far (when `check_distance`), its bound is
    /// −∞ at this text, or its own circumstances block.
    #[inline]
    fn open_bound(
        &self,
        doc: DocId,
        o: usize,
        t: usize,
        bm25: Score,
        check_distance: bool,
    ) -> Option<f64> {
        if self.too_far(doc, check_distance) {
            return None;
        }
        let bound = self.score_bound_of(o, t, bm25);
        (bound != f64::NEG_INFINITY && !self.closes_too_soon_of(doc, t)).then_some(bound)
    }

    /// The vacancy closed, or closes before the person may start a job of its kind.
    #[inline]
    fn closes_too_soon(&self, doc: DocId) -> bool {
        self.closes_too_soon_of(doc, self.segment.occupation_traits(doc).1)
    }

    /// [`Self::closes_too_soon`] of a vacancy whose traits id is `t`: its last day is
    /// before the day it must stay open until (one without a closing date, at
    /// [`crate::NO_CLOSING`], never is).
    #[inline]
    fn closes_too_soon_of(&self, doc: DocId, t: usize) -> bool {
        self.segment.closes[doc as usize] < self.tables.open_until[t]
    }

    /// Scores an eligible vacancy and offers it to the top-k (the id is read only for a
    /// score that may enter).
    #[inline]
    fn offer(&mut self, doc: DocId, bm25: Score) {
        let score = self.segment.score(&self.person(), doc, bm25);
        if score >= self.top.threshold {
            let segment = &self.segment;
            self.top.offer(score, bm25, doc, |d| segment.id(d));
        }
    }
}

impl MatchSegmentCollector {
    /// The pass's step for one vacancy. `check_distance`: it may lie beyond the person's
    /// reach, which blocks whatever else holds. A top-k pass reads the score bound first
    /// (two small columns) and the location (a read of the vacancy's own circumstances,
    /// seldom in cache) only where the bound may reach the top-k; a pass that classifies
    /// every vacancy checks the distance first, which spares the rest.
    #[inline]
    fn consider(&mut self, doc: DocId, bm25: Score, check_distance: bool) {
        if self.prune {
            // Top-k only: bound first, and classify only what may enter.
            let bound = self.score_bound(doc, bm25);
            if bound + PRUNE_MARGIN >= self.top.threshold && !self.too_far(doc, check_distance) {
                self.assess(doc, bm25, Some(bound));
            }
        } else if !self.too_far(doc, check_distance) {
            self.assess(doc, bm25, None);
        }
    }

    /// The vacancy lies beyond the person's reach (read only when `check_distance`: its
    /// bucket lies partly within reach).
    #[inline]
    fn too_far(&self, doc: DocId, check_distance: bool) -> bool {
        check_distance && self.person().too_far(self.segment.location[doc as usize])
    }
}

impl SegmentCollector for MatchSegmentCollector {
    type Fruit = SegmentFruit;

    /// tantivy's per-document step (unused: `collect_segment` drives the pass itself).
    fn collect(&mut self, doc: DocId, bm25: Score) {
        self.consider(doc, bm25, true);
    }

    fn harvest(self) -> SegmentFruit {
        let mut near_misses = NearMissTally::new(self.examples_wanted);
        if self.near_misses {
            for (set, group) in self.near_groups {
                near_misses.add_group(set, group);
            }
        }
        let ahead = self.top.ahead;
        let segment = &self.segment;
        let hits = self.top.into_sorted(|d| segment.id(d));
        SegmentFruit { hits, ahead, eligible: self.eligible, near_misses }
    }
}

impl VacancyIndex {
    /// Ranks every live vacancy for a participant: the exact top `k` eligible ones,
    /// and the near misses when `near_misses` is set.
    pub fn rank(
        &self,
        matcher: &Matcher,
        participant: &CompiledParticipant,
        k: usize,
        options: RankOptions,
    ) -> Result<Ranking> {
        self.snapshot()?.rank(matcher, participant, k, options)
    }

    /// [`Self::rank`] on a snapshot (the hits' addresses are valid in it); with
    /// `ahead_of`, a counting pass (see [`Ranking::ahead`]).
    pub(crate) fn rank_in(
        &self,
        snapshot: &Snapshot<'_>,
        matcher: &Matcher,
        participant: &CompiledParticipant,
        k: usize,
        options: RankOptions,
        ahead_of: Option<(f64, Arc<str>)>,
    ) -> Result<Ranking> {
        let clauses = self.text_clauses(&participant.query_text);
        let deadline = options.deadline;
        let collector = MatchCollector {
            text: TextWeights::new(&clauses, &snapshot.searcher)?,
            matcher: Arc::new(matcher.clone()),
            participant: Arc::new(participant.clone()),
            segments: snapshot.segments.clone(),
            k,
            filter: (!options.filter.is_empty()).then(|| Arc::new(options.filter.clone())),
            options,
            ahead_of,
            sets: snapshot.sets.clone(),
            memo: Mutex::new(None),
        };
        self.search(&snapshot.searcher, &AllQuery, &collector).map_err(|e| match deadline {
            Some(d) if Instant::now() >= d => crate::IndexError::DeadlineExceeded,
            _ => e,
        })
    }

    /// `searcher.search`, on tantivy's executor threads or, with parallel segments off,
    /// on the calling thread; the same BM25 statistics either way.
    pub(crate) fn search<C: Collector>(
        &self,
        searcher: &tantivy::Searcher,
        query: &dyn Query,
        collector: &C,
    ) -> Result<C::Fruit> {
        let scoring = tantivy::query::EnableScoring::enabled_from_searcher(searcher);
        Ok(searcher.search_with_executor(query, collector, &self.executor(), scoring)?)
    }

    /// Where a pass's per-segment work runs: tantivy's executor threads, or, with
    /// parallel segments off, the calling thread.
    pub(crate) fn executor(&self) -> tantivy::Executor {
        if self.parallel_segments() {
            self.index.search_executor().clone()
        } else {
            tantivy::Executor::single_thread()
        }
    }
}
