//! The use cases on one [`Snapshot`]: a page of explained matches (with the step plan
//! when asked), one vacancy explained for one person, and the step plan alone. Each
//! takes one snapshot, so everything it returns comes from the same commit.

use std::collections::{BTreeSet, HashSet};
use std::sync::Arc;

use opstap_core::{
    Catalog, CompiledParticipant, Date, MatchClass, MatchExplanation, Matcher, Participant,
    PlanPage, Reason, StepPlan, Taxonomy, Vacancy, VacancyFilter,
};
use serde::Serialize;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocAddress, DocId, DocSet, InvertedIndexReader, SegmentOrdinal, Term};

use crate::schema::{EN_ANALYZER, NL_ANALYZER, tokens};
use crate::search::RankOptions;
use crate::topk::Hit;
use crate::{Result, Snapshot, VacancyIndex};

#[derive(Debug, Clone, Serialize)]
pub struct MatchedVacancy {
    pub rank: usize,
    pub vacancy: Vacancy,
    pub explanation: MatchExplanation,
}

/// A participant's explained matches and step plan.
#[derive(Debug, Clone, Serialize)]
pub struct MatchResult {
    pub participant_id: String,
    /// How many vacancies meet every hard requirement (when counted).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eligible: Option<usize>,
    pub matches: Vec<MatchedVacancy>,
    /// The step plan, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<StepPlan>,
    /// Questions about the person that hold for every vacancy (a missing work
    /// authorization): asked once here, not in each match's reasons.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<Reason>,
    /// Another eligible vacancy ranks after the last of `matches`.
    #[serde(skip)]
    pub has_more: bool,
}

/// Matches a printable page shows (and reads from a [`MatchResult`]).
pub const PAGE_MATCHES: usize = 3;

impl MatchResult {
    /// The participant's printable A4 page (see [`PlanPage`]) from this result, in
    /// `catalog`'s language and voice, dated `today`.
    pub fn page(&self, today: Date, catalog: Catalog, caseworker: Option<&str>) -> String {
        PlanPage {
            participant_id: &self.participant_id,
            today,
            matches: self.matches.iter().map(|m| (&m.vacancy, &m.explanation)).collect(),
            eligible: self.eligible,
            plan: self.plan.as_ref(),
            questions: &self.questions,
            caseworker_name: caseworker,
        }
        .render_html(catalog, Taxonomy::embedded())
    }
}

impl VacancyIndex {
    /// The words of the participant's text, each with the index terms it analyzes to
    /// (the same analysis as the text query).
    fn query_words(&self, text: &str) -> Vec<(String, Vec<Term>)> {
        let f = &self.fields;
        let mut out: Vec<(String, Vec<Term>)> = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
            let word = word.to_lowercase();
            // A set, not a scan of the words so far: linear in the text's length.
            if !seen.insert(word.clone()) {
                continue;
            }
            let mut terms = Vec::new();
            for (fields, analyzer) in
                [([f.title_nl, f.body_nl], NL_ANALYZER), ([f.title_en, f.body_en], EN_ANALYZER)]
            {
                for t in tokens(&self.index, analyzer, &word) {
                    terms.extend(fields.iter().map(|field| Term::from_field_text(*field, &t)));
                }
            }
            if !terms.is_empty() {
                out.push((word, terms));
            }
        }
        out
    }
}

impl Snapshot<'_> {
    /// The hits of one segment (each given with its rank on the page), read and explained.
    fn explain_hits(
        &self,
        matcher: &Matcher,
        cp: &CompiledParticipant,
        words: &[(String, Vec<Term>)],
        hits: &[(usize, &Hit)],
    ) -> Result<Vec<MatchedVacancy>> {
        let addresses: Vec<DocAddress> = hits.iter().map(|(_, h)| h.address()).collect();
        let terms = self.matched_terms(words, &addresses)?;
        hits.iter()
            .zip(terms)
            .map(|(&(rank, hit), terms)| {
                let vacancy = self.load(hit.address(), &hit.vacancy_id)?;
                let compiled = self.compiled(hit.address());
                let mut explanation = matcher.explain(cp, &compiled, hit.bm25, terms);
                explanation.quote_posting(&vacancy.extracted);
                explanation.note_answers(&vacancy.employer_answers);
                Ok(MatchedVacancy { rank, vacancy, explanation })
            })
            .collect()
    }

    /// For each vacancy: the words of the participant's text that occur in its title or
    /// description, read from the postings of the query terms (no re-analysis of texts).
    fn matched_terms(
        &self,
        words: &[(String, Vec<Term>)],
        addresses: &[DocAddress],
    ) -> Result<Vec<Vec<String>>> {
        let terms: BTreeSet<&Term> = words.iter().flat_map(|(_, ts)| ts).collect();
        let mut found: HashSet<(&Term, DocAddress), fnv::FnvBuildHasher> = HashSet::default();
        let segments: BTreeSet<SegmentOrdinal> = addresses.iter().map(|a| a.segment_ord).collect();
        for seg in segments {
            let reader = self.searcher.segment_reader(seg);
            let mut docs: Vec<DocId> =
                addresses.iter().filter(|a| a.segment_ord == seg).map(|a| a.doc_id).collect();
            docs.sort_unstable();
            // The field of the terms last read (the set holds a field's terms together):
            // its inverted index asked once, not per term (for a field no document of the
            // segment holds, tantivy builds an empty one on every ask).
            let mut of_field: Option<(Field, Arc<InvertedIndexReader>)> = None;
            for &term in &terms {
                let (_, inverted) = match of_field {
                    Some(ref f) if f.0 == term.field() => f,
                    _ => of_field.insert((term.field(), reader.inverted_index(term.field())?)),
                };
                let Some(mut postings) = inverted
                    .read_postings(term, IndexRecordOption::Basic)
                    .map_err(tantivy::TantivyError::from)?
                else {
                    continue;
                };
                for &doc in &docs {
                    // Docs ascend; `seek` only moves forward.
                    if postings.doc() <= doc && postings.seek(doc) == doc {
                        found.insert((term, DocAddress::new(seg, doc)));
                    }
                }
            }
        }
        Ok(addresses
            .iter()
            .map(|a| {
                words
                    .iter()
                    .filter(|(_, ts)| ts.iter().any(|t| found.contains(&(t, *a))))
                    .map(|(w, _)| w.clone())
                    .collect()
            })
            .collect())
    }

    /// Ranked, explained matches for a participant, and with `options.near_misses` the
    /// step plan, in one pass over the snapshot.
    pub fn match_participant(
        &self,
        matcher: &Matcher,
        participant: &Participant,
        k: usize,
        options: RankOptions,
    ) -> Result<MatchResult> {
        self.match_page(matcher, participant, 0, k, options)
    }

    /// [`Self::match_participant`] for the ranks `offset + 1 ..= offset + k` only: one
    /// page of the ranked list. `has_more` tells whether a next page exists.
    pub fn match_page(
        &self,
        matcher: &Matcher,
        participant: &Participant,
        offset: usize,
        k: usize,
        options: RankOptions,
    ) -> Result<MatchResult> {
        let cp = matcher.compile_participant(participant);
        let plan_wanted = options.near_misses;
        let ranking = self.rank(matcher, &cp, offset + k + 1, options)?;
        let has_more = ranking.hits.len() > offset + k;
        let page: Vec<&Hit> = ranking.hits.iter().skip(offset).take(k).collect();
        let words = self.index.query_words(&cp.query_text);
        // The page's vacancies are read and explained segment by segment, each segment's
        // on one of the executor's threads (as the ranking pass runs), then put back in
        // rank order.
        let segments: BTreeSet<SegmentOrdinal> =
            page.iter().map(|h| h.address().segment_ord).collect();
        let explained = self.index.executor().map(
            |segment| {
                let hits: Vec<(usize, &Hit)> = (page.iter().copied().enumerate())
                    .filter(|(_, h)| h.address().segment_ord == segment)
                    .map(|(i, h)| (offset + i + 1, h))
                    .collect();
                Ok(self.explain_hits(matcher, &cp, &words, &hits))
            },
            segments.into_iter(),
        )?;
        let mut matches: Vec<MatchedVacancy> = Vec::with_capacity(page.len());
        for of_segment in explained {
            matches.extend(of_segment?);
        }
        matches.sort_by_key(|m| m.rank);
        let plan = plan_wanted.then(|| matcher.plan_steps(&cp, &ranking.near_misses));
        let questions = matcher.person_questions(&cp);
        for m in &mut matches {
            Matcher::lift_person_questions(&mut m.explanation, &questions);
        }
        Ok(MatchResult {
            participant_id: participant.id.clone(),
            eligible: ranking.eligible,
            matches,
            plan,
            questions,
            has_more,
        })
    }

    /// One participant × one vacancy, also for a blocked vacancy ("why not"): the cached
    /// compiled vacancy, the BM25 of that one document, and, for an eligible vacancy, its
    /// rank now (one plus the eligible vacancies that rank before it).
    pub fn explain(
        &self,
        matcher: &Matcher,
        participant: &Participant,
        vacancy_id: &str,
    ) -> Result<Option<MatchedVacancy>> {
        let Some(address) = self.address(vacancy_id)? else { return Ok(None) };
        let vacancy = self.load(address, vacancy_id)?;
        let cp = matcher.compile_participant(participant);
        let bm25 = self.bm25(&cp, address)?;
        let words = self.index.query_words(&cp.query_text);
        let terms = self.matched_terms(&words, &[address])?.pop().unwrap_or_default();
        let mut explanation = matcher.explain(&cp, &self.compiled(address), bm25, terms);
        explanation.quote_posting(&vacancy.extracted);
        explanation.note_answers(&vacancy.employer_answers);
        let rank = if explanation.class == MatchClass::Eligible {
            1 + self.count_ahead_of(matcher, &cp, explanation.score, address)?
        } else {
            0
        };
        Ok(Some(MatchedVacancy { rank, vacancy, explanation }))
    }

    /// The step plan for a participant, over the vacancies `filter` admits; the pass
    /// stops at `deadline`.
    pub fn plan(
        &self,
        matcher: &Matcher,
        participant: &Participant,
        filter: &VacancyFilter,
        deadline: Option<std::time::Instant>,
    ) -> Result<StepPlan> {
        let cp: CompiledParticipant = matcher.compile_participant(participant);
        let options = RankOptions {
            near_misses: true,
            count_eligible: false,
            filter: filter.clone(),
            deadline,
        };
        let ranking = self.rank(matcher, &cp, 0, options)?;
        Ok(matcher.plan_steps(&cp, &ranking.near_misses))
    }
}

/// Each use case on a fresh snapshot of the index's last commit.
impl VacancyIndex {
    /// [`Snapshot::match_participant`] on the last commit.
    pub fn match_participant(
        &self,
        matcher: &Matcher,
        participant: &Participant,
        k: usize,
        options: RankOptions,
    ) -> Result<MatchResult> {
        self.snapshot()?.match_participant(matcher, participant, k, options)
    }

    /// [`Snapshot::match_page`] on the last commit.
    pub fn match_page(
        &self,
        matcher: &Matcher,
        participant: &Participant,
        offset: usize,
        k: usize,
        options: RankOptions,
    ) -> Result<MatchResult> {
        self.snapshot()?.match_page(matcher, participant, offset, k, options)
    }

    /// [`Snapshot::explain`] on the last commit.
    pub fn explain(
        &self,
        matcher: &Matcher,
        participant: &Participant,
        vacancy_id: &str,
    ) -> Result<Option<MatchedVacancy>> {
        self.snapshot()?.explain(matcher, participant, vacancy_id)
    }

    /// [`Snapshot::plan`] on the last commit.
    pub fn plan(
        &self,
        matcher: &Matcher,
        participant: &Participant,
        filter: &VacancyFilter,
        deadline: Option<std::time::Instant>,
    ) -> Result<StepPlan> {
        self.snapshot()?.plan(matcher, participant, filter, deadline)
    }
}
