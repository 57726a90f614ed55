//! Ranking metrics for one query (one placed participant), as trec_eval defines them, and
//! bootstrap confidence intervals.

use std::collections::HashMap;

use opstap_synth::Rng;

/// Relevance of a vacancy for a participant: 0 = not placed there.
pub type Qrels<'a> = HashMap<&'a str, u8>;

/// 1 when a placed vacancy is in the top `k`.
pub fn hit_at(ranked: &[&str], qrels: &Qrels<'_>, k: usize) -> f64 {
    f64::from(u8::from(ranked.iter().take(k).any(|d| qrels.get(d).is_some_and(|r| *r > 0))))
}

/// Placed vacancies in the top `k` over all placed vacancies (trec_eval `recall_k`).
pub fn recall_at(ranked: &[&str], qrels: &Qrels<'_>, k: usize) -> f64 {
    let relevant = qrels.values().filter(|r| **r > 0).count();
    if relevant == 0 {
        return 0.0;
    }
    let found = ranked.iter().take(k).filter(|d| qrels.get(*d).is_some_and(|r| *r > 0)).count();
    found as f64 / relevant as f64
}

/// 1 / the rank of the first placed vacancy in the ranking, 0 when none is in it
/// (trec_eval `recip_rank` over the run as written).
pub fn reciprocal_rank(ranked: &[&str], qrels: &Qrels<'_>) -> f64 {
    ranked
        .iter()
        .position(|d| qrels.get(d).is_some_and(|r| *r > 0))
        .map_or(0.0, |i| 1.0 / (i + 1) as f64)
}

/// nDCG@k with the relevance as gain and `log2(rank + 1)` as discount (trec_eval
/// `ndcg_cut_k`).
pub fn ndcg_at(ranked: &[&str], qrels: &Qrels<'_>, k: usize) -> f64 {
    let discount = |i: usize| 1.0 / ((i + 2) as f64).log2();
    let dcg: f64 = ranked
        .iter()
        .take(k)
        .enumerate()
        .map(|(i, d)| f64::from(qrels.get(d).copied().unwrap_or(0)) * discount(i))
        .sum();
    let mut ideal: Vec<u8> = qrels.values().copied().filter(|r| *r > 0).collect();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let idcg: f64 =
        ideal.iter().take(k).enumerate().map(|(i, r)| f64::from(*r) * discount(i)).sum();
    if idcg == 0.0 { 0.0 } else { dcg / idcg }
}

/// The share of `flags` that are true over the first `k` (0 for an empty list).
pub fn share_at(flags: &[bool], k: usize) -> f64 {
    let n = flags.len().min(k);
    if n == 0 {
        return 0.0;
    }
    flags.iter().take(k).filter(|f| **f).count() as f64 / n as f64
}

/// Exposure of fitting jobs: Σ over the top `k` of `fits / log2(rank + 1)`, over its
/// maximum (every one of the `k` places fitting).
pub fn fitting_exposure(fits: &[bool], k: usize) -> f64 {
    let discount = |i: usize| 1.0 / ((i + 2) as f64).log2();
    let got: f64 =
        fits.iter().take(k).enumerate().filter(|(_, f)| **f).map(|(i, _)| discount(i)).sum();
    let best: f64 = (0..k).map(discount).sum();
    if best == 0.0 { 0.0 } else { got / best }
}

/// The mean of the defined values (a metric undefined for a person is NaN and left out).
pub fn mean(xs: &[f64]) -> f64 {
    let (sum, n) =
        xs.iter().filter(|x| !x.is_nan()).fold((0.0, 0usize), |(s, n), x| (s + x, n + 1));
    if n == 0 { 0.0 } else { sum / n as f64 }
}

/// A mean with its 95% percentile-bootstrap interval.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Interval {
    pub mean: f64,
    pub low: f64,
    pub high: f64,
}

fn percentile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    sorted[((sorted.len() - 1) as f64 * q).round() as usize]
}

/// The mean of `xs` with a 95% bootstrap interval (`samples` resamples, seeded).
pub fn bootstrap_mean(xs: &[f64], samples: usize, seed: u64) -> Interval {
    paired_bootstrap(xs, &vec![0.0; xs.len()], samples, seed)
}

/// The mean of `a − b` over paired observations, with a 95% paired-bootstrap interval:
/// participants are resampled with replacement, each keeping both of its values.
pub fn paired_bootstrap(a: &[f64], b: &[f64], samples: usize, seed: u64) -> Interval {
    assert_eq!(a.len(), b.len(), "paired observations");
    let diffs: Vec<f64> = a.iter().zip(b).map(|(x, y)| x - y).filter(|d| !d.is_nan()).collect();
    let n = diffs.len();
    if n == 0 {
        return Interval { mean: 0.0, low: 0.0, high: 0.0 };
    }
    let mut rng = Rng::new(seed);
    let mut means: Vec<f64> =
        (0..samples).map(|_| (0..n).map(|_| diffs[rng.below(n)]).sum::<f64>() / n as f64).collect();
    means.sort_by(f64::total_cmp);
    Interval { mean: mean(&diffs), low: percentile(&means, 0.025), high: percentile(&means, 0.975) }
}

/// Means of several columns over the same observations, each with a 95% percentile
/// bootstrap interval; every column is resampled with the same draws, so one pass serves
/// all rankers and metrics of a group.
pub fn bootstrap_means(columns: &[Vec<f64>], samples: usize, seed: u64) -> Vec<Interval> {
    let n = columns.first().map_or(0, Vec::len);
    if n == 0 {
        return vec![Interval { mean: 0.0, low: 0.0, high: 0.0 }; columns.len()];
    }
    let mut rng = Rng::new(seed);
    let mut means: Vec<Vec<f64>> = vec![Vec::with_capacity(samples); columns.len()];
    let mut draw = vec![0usize; n];
    for _ in 0..samples {
        for d in &mut draw {
            *d = rng.below(n);
        }
        for (c, column) in columns.iter().enumerate() {
            let (sum, defined) = draw
                .iter()
                .map(|&i| column[i])
                .filter(|x| !x.is_nan())
                .fold((0.0, 0usize), |(s, k), x| (s + x, k + 1));
            means[c].push(if defined == 0 { 0.0 } else { sum / defined as f64 });
        }
    }
    columns
        .iter()
        .zip(&mut means)
        .map(|(column, m)| {
            m.sort_by(f64::total_cmp);
            Interval { mean: mean(column), low: percentile(m, 0.025), high: percentile(m, 0.975) }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    /// The cases worked out by hand in the comments.
    #[test]
    fn metrics_match_hand_computed_values() {
        let ranked = ["a", "b", "c", "d", "e"];
        // One placement at rank 3, relevance 2.
        let q: Qrels<'_> = [("c", 2)].into();
        assert_eq!(hit_at(&ranked, &q, 3), 1.0);
        assert_eq!(hit_at(&ranked, &q, 2), 0.0);
        assert_eq!(recall_at(&ranked, &q, 5), 1.0);
        assert!(close(reciprocal_rank(&ranked, &q), 1.0 / 3.0));
        // DCG = 2 / log2(4) = 1; IDCG = 2 / log2(2) = 2.
        assert!(close(ndcg_at(&ranked, &q, 5), 0.5));
        assert_eq!(ndcg_at(&ranked, &q, 2), 0.0);

        // Two placements: "b" (1) at rank 2 and "z" (2) not retrieved.
        let q: Qrels<'_> = [("b", 1), ("z", 2)].into();
        assert!(close(recall_at(&ranked, &q, 5), 0.5));
        assert!(close(reciprocal_rank(&ranked, &q), 0.5));
        // DCG = 1 / log2(3); IDCG = 2 / 1 + 1 / log2(3).
        let want = (1.0 / 3f64.log2()) / (2.0 + 1.0 / 3f64.log2());
        assert!(close(ndcg_at(&ranked, &q, 5), want));

        // Nothing placed in the run.
        let q: Qrels<'_> = [("x", 1)].into();
        assert_eq!(reciprocal_rank(&ranked, &q), 0.0);
        assert_eq!(ndcg_at(&ranked, &q, 5), 0.0);

        assert!(close(share_at(&[true, false, true, true], 4), 0.75));
        assert!(close(share_at(&[true, false, true, true], 2), 0.5));
        assert_eq!(share_at(&[], 10), 0.0);
        // Fitting at ranks 1 and 3 of k = 3: (1 + 1/2) / (1 + 1/log2(3) + 1/2).
        let want = 1.5 / (1.5 + 1.0 / 3f64.log2());
        assert!(close(fitting_exposure(&[true, false, true], 3), want));
    }

    #[test]
    fn bootstrap_is_reproducible_and_brackets_the_mean() {
        let a: Vec<f64> = (0..200).map(|i| f64::from(i % 7) / 7.0).collect();
        let b: Vec<f64> = (0..200).map(|i| f64::from(i % 5) / 5.0).collect();
        let x = paired_bootstrap(&a, &b, 1000, 42);
        assert_eq!(x, paired_bootstrap(&a, &b, 1000, 42));
        assert_ne!(x, paired_bootstrap(&a, &b, 1000, 43));
        assert!(x.low <= x.mean && x.mean <= x.high);
        assert!(close(x.mean, mean(&a) - mean(&b)));
        // Identical systems: the interval is the point 0.
        let same = paired_bootstrap(&a, &a, 500, 1);
        assert_eq!((same.mean, same.low, same.high), (0.0, 0.0, 0.0));
        let m = bootstrap_mean(&a, 1000, 7);
        assert!(close(m.mean, mean(&a)) && m.low < m.mean && m.mean < m.high);
        // Several columns at once: each interval brackets its mean, and a column's
        // interval does not depend on the others.
        let both = bootstrap_means(&[a.clone(), b.clone()], 1000, 7);
        assert_eq!(both[0], bootstrap_means(std::slice::from_ref(&a), 1000, 7)[0]);
        assert!(both[1].low <= both[1].mean && both[1].mean <= both[1].high);
    }
}
