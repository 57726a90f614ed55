//! [`TopK`]: the best k hits of a ranking pass, or, in a counting pass, how many hits
//! rank before one vacancy.

use std::cmp::Ordering;
use std::sync::Arc;

#[cfg(any(doc, test))]
use opstap_core::matching::rank_order;
use opstap_core::matching::rank_order_with;
use tantivy::{DocAddress, DocId, SegmentOrdinal};

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

/// A kept hit of the segment: its vacancy id is read from the segment only where two
/// scores tie, and for the hits a pass returns.
#[derive(Debug, Clone, Copy)]
struct Kept {
    score: f64,
    bm25: f32,
    doc: DocId,
}

/// The best k hits of one segment by [`rank_order`]: a binary heap whose root is the
/// worst kept hit, so any k (also "all", for the rank of one vacancy) costs O(log k)
/// per offer. A hit is kept by its document; `id_of` (the segment's vacancy id of a
/// document) is asked only when two scores tie and when the kept hits are handed out,
/// so an offer allocates nothing and reads no id.
pub(crate) struct TopK {
    k: usize,
    segment_ord: SegmentOrdinal,
    /// Each hit ranks after (or with) its children: `heap[0]` is the worst kept.
    heap: Vec<Kept>,
    /// The score a hit must reach to enter: the worst kept score once `k` are kept,
    /// −∞ before (+∞ for k = 0); in a counting pass, the target's score.
    pub(crate) threshold: f64,
    /// A counting pass keeps nothing: it counts the hits that rank before this
    /// `(score, vacancy id)`.
    ahead_of: Option<(f64, Arc<str>)>,
    pub(crate) ahead: usize,
}

impl TopK {
    pub(crate) fn new(k: usize, segment_ord: SegmentOrdinal) -> TopK {
        TopK {
            k,
            segment_ord,
            heap: Vec::with_capacity(k.min(1024)),
            threshold: if k == 0 { f64::INFINITY } else { f64::NEG_INFINITY },
            ahead_of: None,
            ahead: 0,
        }
    }

    /// A counting pass: what ranks before `(score, id)` can only score `score` or more,
    /// so the threshold is fixed there and the pass prunes as a top-k pass would.
    pub(crate) fn counting_ahead_of(score: f64, id: Arc<str>) -> TopK {
        TopK { threshold: score, ahead_of: Some((score, id)), ..TopK::new(0, 0) }
    }

    /// Offers document `doc` of the segment, `id_of` giving a document's vacancy id.
    pub(crate) fn offer<'s>(
        &mut self,
        score: f64,
        bm25: f32,
        doc: DocId,
        id_of: impl Fn(DocId) -> &'s str,
    ) {
        if let Some((target, target_id)) = &self.ahead_of {
            if rank_order_with(score, *target, || (id_of(doc), target_id)) == Ordering::Less {
                self.ahead += 1;
            }
            return;
        }
        if self.k == 0 {
            return;
        }
        let hit = Kept { score, bm25, doc };
        if self.heap.len() == self.k {
            if order(&hit, &self.heap[0], &id_of) != Ordering::Less {
                return;
            }
            self.heap[0] = hit;
            self.sift_down(&id_of);
        } else {
            self.heap.push(hit);
            self.sift_up(&id_of);
        }
        if self.heap.len() == self.k {
            self.threshold = self.heap[0].score;
        }
    }

    /// Moves the last hit up to where it ranks after its children.
    fn sift_up<'s>(&mut self, id_of: &impl Fn(DocId) -> &'s str) {
        let heap = &mut self.heap;
        let mut at = heap.len() - 1;
        while at > 0 {
            let parent = (at - 1) / 2;
            if order(&heap[at], &heap[parent], id_of) != Ordering::Greater {
                break;
            }
            heap.swap(at, parent);
            at = parent;
        }
    }

    /// Moves the root down to where it ranks after its children.
    fn sift_down<'s>(&mut self, id_of: &impl Fn(DocId) -> &'s str) {
        let heap = &mut self.heap;
        let mut at = 0;
        loop {
            let mut worst = at;
            for child in [2 * at + 1, 2 * at + 2] {
                if child < heap.len()
                    && order(&heap[child], &heap[worst], id_of) == Ordering::Greater
                {
                    worst = child;
                }
            }
            if worst == at {
                return;
            }
            heap.swap(at, worst);
            at = worst;
        }
    }

    /// The kept hits, best first.
    pub(crate) fn into_sorted<'s>(self, id_of: impl Fn(DocId) -> &'s str) -> Vec<Hit> {
        let mut kept = self.heap;
        kept.sort_by(|a, b| order(a, b, &id_of));
        (kept.into_iter())
            .map(|h| Hit {
                vacancy_id: Arc::from(id_of(h.doc)),
                score: h.score,
                bm25: h.bm25,
                address: DocAddress::new(self.segment_ord, h.doc),
            })
            .collect()
    }
}

/// [`rank_order`] of two kept hits of a segment.
#[inline]
fn order<'s>(a: &Kept, b: &Kept, id_of: &impl Fn(DocId) -> &'s str) -> Ordering {
    rank_order_with(a.score, b.score, || (id_of(a.doc), id_of(b.doc)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Offers each hit as the document of its position.
    fn offer_all(top: &mut TopK, hits: &[(f64, &'static str)]) {
        for (doc, (score, _)) in hits.iter().enumerate() {
            top.offer(*score, 0.0, doc as DocId, |d| hits[d as usize].1);
        }
    }

    fn sorted(top: TopK) -> Vec<(f64, String)> {
        let hits = top.into_sorted(|d| HITS[d as usize].1);
        hits.into_iter().map(|h| (h.score, h.vacancy_id.to_string())).collect()
    }

    const HITS: [(f64, &str); 6] =
        [(0.5, "v-3"), (0.9, "v-1"), (0.5, "v-2"), (0.1, "v-9"), (0.7, "v-5"), (0.5, "v-4")];

    #[test]
    fn keeps_the_best_k_in_rank_order_with_ties_by_id() {
        let mut top = TopK::new(4, 0);
        assert_eq!(top.threshold, f64::NEG_INFINITY, "anything enters until k are kept");
        offer_all(&mut top, &HITS);
        assert_eq!(top.threshold, 0.5, "the worst kept score, once k are kept");
        let kept = sorted(top);
        let expected = [(0.9, "v-1"), (0.7, "v-5"), (0.5, "v-2"), (0.5, "v-3")];
        assert_eq!(kept, expected.map(|(s, id)| (s, id.to_owned())));
    }

    #[test]
    fn k_zero_keeps_nothing_and_admits_nothing() {
        let mut top = TopK::new(0, 0);
        assert_eq!(top.threshold, f64::INFINITY);
        offer_all(&mut top, &HITS);
        assert!(sorted(top).is_empty());
    }

    #[test]
    fn a_counting_pass_counts_what_ranks_before_its_target() {
        // v-3 at 0.5 ranks after v-1, v-5 and v-2 (same score, smaller id).
        let mut top = TopK::counting_ahead_of(0.5, Arc::from("v-3"));
        assert_eq!(top.threshold, 0.5, "fixed at the target's score");
        offer_all(&mut top, &HITS);
        assert_eq!(top.ahead, 3);
        assert!(sorted(top).is_empty(), "a counting pass keeps no hits");
    }

    #[test]
    fn any_k_keeps_what_a_full_sort_puts_first_with_the_segments_addresses() {
        // Many ties (scores in tenths), ids out of document order: every k from 0 to
        // past the number offered, against sorting all of them by rank.
        let mut state = 7u64;
        let hits: Vec<(f64, String)> = (0..300)
            .map(|i| {
                state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                (((state >> 33) % 10) as f64 / 10.0, format!("v-{:03}", (i * 37) % 300))
            })
            .collect();
        let mut all: Vec<(f64, String)> = hits.clone();
        all.sort_by(|a, b| rank_order(a.0, &a.1, b.0, &b.1));
        for k in [0, 1, 2, 5, 21, 64, 299, 300, 400] {
            let mut top = TopK::new(k, 3);
            for (doc, (score, _)) in hits.iter().enumerate() {
                top.offer(*score, *score as f32, doc as DocId, |d| &hits[d as usize].1);
            }
            let kept = top.into_sorted(|d| &hits[d as usize].1);
            let got: Vec<(f64, String)> =
                kept.iter().map(|h| (h.score, h.vacancy_id.to_string())).collect();
            assert_eq!(got, all[..k.min(all.len())].to_vec(), "k = {k}");
            for h in &kept {
                assert_eq!(h.address.segment_ord, 3);
                assert_eq!(hits[h.address.doc_id as usize].1, *h.vacancy_id);
                assert_eq!(h.bm25, h.score as f32);
            }
        }
    }
}
