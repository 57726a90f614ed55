//! The brute-force reference ranker over an in-memory slice. It is the definition of
//! the right answer: the index must return the same ids, order and scores (property
//! test in `opstap-index`).

use crate::compiled::{CompiledParticipant, CompiledVacancy};
use crate::matching::{MatchClass, Matcher, NearMiss, rank_order};

/// A ranked vacancy: its position in the input, id and score.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    pub index: usize,
    pub vacancy_id: String,
    pub score: f64,
}

impl Matcher {
    /// The top `k` eligible vacancies. `bm25[i]` is the text-relevance score of
    /// `vacancies[i]` (0 where the text does not match).
    pub fn rank_reference(
        &self,
        p: &CompiledParticipant,
        vacancies: &[CompiledVacancy],
        bm25: &[f32],
        k: usize,
    ) -> Vec<Ranked> {
        assert_eq!(vacancies.len(), bm25.len(), "one BM25 score per vacancy");
        let mut ranked: Vec<Ranked> = vacancies
            .iter()
            .zip(bm25)
            .enumerate()
            .filter_map(|(index, (v, &b))| {
                let a = self.assess(p, v, b);
                (a.class == MatchClass::Eligible).then(|| Ranked {
                    index,
                    vacancy_id: v.id.to_string(),
                    score: a.score,
                })
            })
            .collect();
        ranked.sort_by(|a, b| rank_order(a.score, &a.vacancy_id, b.score, &b.vacancy_id));
        ranked.truncate(k);
        ranked
    }

    /// Every near miss, in input order.
    pub fn near_misses_reference(
        &self,
        p: &CompiledParticipant,
        vacancies: &[CompiledVacancy],
        bm25: &[f32],
    ) -> Vec<NearMiss> {
        vacancies.iter().zip(bm25).filter_map(|(v, &b)| self.near_miss(p, v, b)).collect()
    }
}
