//! SplitMix64: the generator's own random numbers, the same on every machine, with one
//! stream per generated vacancy or participant (and streams of their own for fields added
//! later, so adding a field left every other field as it was).

use std::collections::BTreeMap;

/// SplitMix64: small, fast and the same everywhere.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5DEE_CE66_D1A5_C906)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    pub fn f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn chance(&mut self, p: f64) -> bool {
        self.f64() < p
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    /// A key drawn from relative weights (zero weights are never drawn).
    pub fn weighted<'a>(&mut self, weights: &'a BTreeMap<String, f64>) -> &'a str {
        let total: f64 = weights.values().sum();
        let mut x = self.f64() * total;
        let mut last = "";
        for (k, w) in weights {
            if *w <= 0.0 {
                continue;
            }
            last = k;
            if x < *w {
                return k;
            }
            x -= w;
        }
        last
    }
}

impl Rng {
    /// The stream of vacancy `n` of `seed`; `stream` 0 is the vacancy's own, others are
    /// for fields added later.
    pub(crate) fn for_vacancy(seed: u64, n: u64, stream: u64) -> Rng {
        Rng::new(
            seed.wrapping_mul(0x1000_0000_01B3) ^ n.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ stream,
        )
    }

    /// The stream of participant `n` of `seed`; `stream` 1 is the participant's own.
    pub(crate) fn for_participant(seed: u64, n: u64, stream: u64) -> Rng {
        Rng::new(
            seed.wrapping_mul(0x2545_F491_4F6C_DD1D)
                ^ n.wrapping_mul(0xD6E8_FEB8_6659_FD93)
                ^ stream,
        )
    }
}
