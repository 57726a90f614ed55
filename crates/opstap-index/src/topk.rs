//! [`TopK`]: the best k hits of a ranking pass, or, in a counting pass, how many hits
//! rank before one vacancy.

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::sync::Arc;

use opstap_core::matching::rank_order;
use tantivy::DocAddress;

/// One ranked vacancy.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub vacancy_id: Arc<str>,
    pub score: f64,
    pub bm25: f32,
    pub(crate) address: DocAddress,
}

impl Hit {
    /// Where the vacancy is in the snapshot the ranking ran on.
    pub(crate) fn address(&self) -> DocAddress {
        self.address
    }
}

/// A hit ordered by rank: `Less` ranks better (higher score, then smaller id).
struct Ranked(Hit);

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Ranked {}
impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> Ordering {
        rank_order(self.0.score, &self.0.vacancy_id, other.0.score, &other.0.vacancy_id)
    }
}

/// The best k hits by [`rank_order`]: a heap whose top is the worst kept hit, so any k
/// (also "all", for the rank of one vacancy) costs O(log k) per offer.
pub(crate) struct TopK {
    k: usize,
    heap: BinaryHeap<Ranked>,
    /// The score a hit must reach to enter: the worst kept score once `k` are kept,
    /// −∞ before (+∞ for k = 0); in a counting pass, the target's score.
    pub(crate) threshold: f64,
    /// A counting pass keeps nothing: it counts the hits that rank before this
    /// `(score, vacancy id)`.
    ahead_of: Option<(f64, Arc<str>)>,
    pub(crate) ahead: usize,
}

impl TopK {
    pub(crate) fn new(k: usize) -> TopK {
        TopK {
            k,
            heap: BinaryHeap::with_capacity(k.min(1024) + 1),
            threshold: if k == 0 { f64::INFINITY } else { f64::NEG_INFINITY },
            ahead_of: None,
            ahead: 0,
        }
    }

    /// A counting pass: what ranks before `(score, id)` can only score `score` or more,
    /// so the threshold is fixed there and the pass prunes as a top-k pass would.
    pub(crate) fn counting_ahead_of(score: f64, id: Arc<str>) -> TopK {
        TopK { threshold: score, ahead_of: Some((score, id)), ..TopK::new(0) }
    }

    pub(crate) fn offer(&mut self, score: f64, id: &str, bm25: f32, address: DocAddress) {
        if let Some((target, target_id)) = &self.ahead_of {
            if rank_order(score, id, *target, target_id) == Ordering::Less {
                self.ahead += 1;
            }
            return;
        }
        if self.k == 0 {
            return;
        }
        if self.heap.len() == self.k {
            let worst = &self.heap.peek().expect("k > 0").0;
            if rank_order(score, id, worst.score, &worst.vacancy_id) != Ordering::Less {
                return;
            }
            self.heap.pop();
        }
        self.heap.push(Ranked(Hit { vacancy_id: Arc::from(id), score, bm25, address }));
        if self.heap.len() == self.k {
            self.threshold = self.heap.peek().expect("k > 0").0.score;
        }
    }

    /// Best first.
    pub(crate) fn into_sorted(self) -> Vec<Hit> {
        self.heap.into_sorted_vec().into_iter().map(|r| r.0).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn address(doc: u32) -> DocAddress {
        DocAddress::new(0, doc)
    }

    fn offer_all(top: &mut TopK, hits: &[(f64, &str)]) {
        for (doc, (score, id)) in hits.iter().enumerate() {
            top.offer(*score, &Arc::from(*id), 0.0, address(doc as u32));
        }
    }

    const HITS: [(f64, &str); 6] =
        [(0.5, "v-3"), (0.9, "v-1"), (0.5, "v-2"), (0.1, "v-9"), (0.7, "v-5"), (0.5, "v-4")];

    #[test]
    fn keeps_the_best_k_in_rank_order_with_ties_by_id() {
        let mut top = TopK::new(4);
        assert_eq!(top.threshold, f64::NEG_INFINITY, "anything enters until k are kept");
        offer_all(&mut top, &HITS);
        assert_eq!(top.threshold, 0.5, "the worst kept score, once k are kept");
        let kept: Vec<(f64, String)> =
            top.into_sorted().into_iter().map(|h| (h.score, h.vacancy_id.to_string())).collect();
        let expected = [(0.9, "v-1"), (0.7, "v-5"), (0.5, "v-2"), (0.5, "v-3")];
        assert_eq!(kept, expected.map(|(s, id)| (s, id.to_owned())));
    }

    #[test]
    fn k_zero_keeps_nothing_and_admits_nothing() {
        let mut top = TopK::new(0);
        assert_eq!(top.threshold, f64::INFINITY);
        offer_all(&mut top, &HITS);
        assert!(top.into_sorted().is_empty());
    }

    #[test]
    fn a_counting_pass_counts_what_ranks_before_its_target() {
        // v-3 at 0.5 ranks after v-1, v-5 and v-2 (same score, smaller id).
        let mut top = TopK::counting_ahead_of(0.5, Arc::from("v-3"));
        assert_eq!(top.threshold, 0.5, "fixed at the target's score");
        offer_all(&mut top, &HITS);
        assert_eq!(top.ahead, 3);
        assert!(top.into_sorted().is_empty(), "a counting pass keeps no hits");
    }
}
