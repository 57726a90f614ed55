//! What one segment's distinct column values come to for one person
//! ([`SegmentTables`]), in the compact forms a pass reads once per vacancy.

use opstap_core::CompiledParticipant;
use opstap_core::matching::{FieldLink, Matcher, OccupationMeaning};

use crate::SegmentVacancies;

/// The class the qualifications of a vacancy give, per distinct set, worked out on first use.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum QualificationClass {
    NotYet,
    Eligible,
    /// Only bridgeable gaps, within the horizon or beyond it: the index of its step set
    /// in the segment's near-miss groups (a group knows which of the two it is).
    NearMiss(u32),
    /// Blocked; in a pass that collects no near misses, any set not met.
    Blocked,
}

impl QualificationClass {
    /// The packed codes of the classes that are not a near-miss group (every code below
    /// [`Self::BLOCKED`] is one).
    pub(crate) const NOT_YET: u32 = u32::MAX;
    pub(crate) const ELIGIBLE: u32 = u32::MAX - 1;
    pub(crate) const BLOCKED: u32 = u32::MAX - 2;

    /// In 32 bits, so that the table a pass reads once per vacancy stays small: the
    /// near-miss group, or one of the three highest values.
    pub(crate) fn pack(self) -> u32 {
        match self {
            QualificationClass::NotYet => Self::NOT_YET,
            QualificationClass::Eligible => Self::ELIGIBLE,
            QualificationClass::Blocked => Self::BLOCKED,
            QualificationClass::NearMiss(group) => group,
        }
    }

    pub(crate) fn unpack(code: u32) -> QualificationClass {
        match code {
            Self::NOT_YET => QualificationClass::NotYet,
            Self::ELIGIBLE => QualificationClass::Eligible,
            Self::BLOCKED => QualificationClass::Blocked,
            group => QualificationClass::NearMiss(group),
        }
    }
}

/// `x` as an `f32` no smaller than it: a bound stays a bound, in half the memory.
pub(crate) fn f32_at_least(x: f64) -> f32 {
    let f = x as f32;
    if f64::from(f) < x { f.next_up() } else { f }
}

/// What one segment's distinct values come to for one person.
pub(crate) struct SegmentTables {
    /// By occupation id: the ISCO relation; −∞ where the occupation blocks (excluded, or
    /// experience asked that the person lacks), else 0; at BM25 0, the relevance share
    /// (−∞ where blocked) and the link.
    pub(crate) isco_relation: Vec<f64>,
    pub(crate) occupation_block: Vec<f64>,
    pub(crate) relevance0: Vec<f64>,
    pub(crate) link0: Vec<FieldLink>,
    /// By traits id and link: [`Tabulation::traits`] bound rounded up to `f32`, −∞ where
    /// the employer's TWV stance blocks; and whether a near miss fits.
    pub(crate) traits_bound: Vec<[f32; 3]>,
    pub(crate) fitting: Vec<[bool; 3]>,
    /// By traits id: the day such a vacancy must stay open until, in days
    /// ([`opstap_core::matching::Tabulation::open_until`]).
    pub(crate) open_until: Vec<i32>,
    /// By link: the best traits bound in the segment.
    pub(crate) best_traits: [f64; 3],
    /// By sector id: whether the person excluded it (empty when they exclude none).
    pub(crate) excluded_sectors: Vec<bool>,
    /// By qualifications id, packed ([`QualificationClass::pack`]).
    pub(crate) qualifications: Vec<u32>,
}

impl SegmentTables {
    /// A score bound of −∞ marks a vacancy that a requirement read from its columns
    /// blocks: it is never ranked, counted or planned, so a pass skips it unread.
    pub(crate) fn new(
        m: &Matcher,
        p: &CompiledParticipant,
        segment: &SegmentVacancies,
    ) -> SegmentTables {
        let person = m.tabulation(p);
        let occupations: Vec<OccupationMeaning> = segment
            .occupations
            .values
            .iter()
            .map(|o| person.occupation(o.isco, o.experience_years()))
            .collect();
        let block = |blocks: bool| if blocks { f64::NEG_INFINITY } else { 0.0 };
        // By traits id, in one loop: the bound by link (blocking with the closing date
        // unknown: blocking for every date), the segment's best by link, the rest.
        let values = &segment.traits.values;
        let mut traits_bound: Vec<[f32; 3]> = Vec::with_capacity(values.len());
        let mut fitting = Vec::with_capacity(values.len());
        let mut open_until = Vec::with_capacity(values.len());
        let mut best_traits = [f64::NEG_INFINITY; 3];
        person.traits_of_column(values, &segment.traits_keys, |t| {
            let bound = if t.blocks { [f32::NEG_INFINITY; 3] } else { t.bound.map(f32_at_least) };
            for (best, b) in best_traits.iter_mut().zip(bound) {
                *best = best.max(f64::from(b));
            }
            traits_bound.push(bound);
            fitting.push(t.fitting);
            open_until.push(person.open_until(t.works_from).days());
        });
        SegmentTables {
            best_traits,
            traits_bound,
            relevance0: occupations
                .iter()
                .map(|o| o.relevance_share_without_text + block(o.blocks))
                .collect(),
            link0: occupations.iter().map(|o| o.link_without_text).collect(),
            isco_relation: occupations.iter().map(|o| o.isco_relation).collect(),
            occupation_block: occupations.iter().map(|o| block(o.blocks)).collect(),
            fitting,
            open_until,
            excluded_sectors: if person.excludes_sectors() {
                segment
                    .sectors
                    .values
                    .iter()
                    .map(|s| person.sector_excluded(s.as_deref()))
                    .collect()
            } else {
                Vec::new()
            },
            qualifications: vec![
                QualificationClass::NotYet.pack();
                segment.qualifications.values.len()
            ],
        }
    }

    /// The score bound of a vacancy of occupation `o` with traits `t` whose text does
    /// not match.
    pub(crate) fn bound_without_text(&self, o: usize, t: usize) -> f64 {
        self.relevance0[o] + f64::from(self.traits_bound[t][self.link0[o] as usize])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qualification_classes_round_trip_through_32_bits() {
        for class in [
            QualificationClass::NotYet,
            QualificationClass::Eligible,
            QualificationClass::Blocked,
            QualificationClass::NearMiss(0),
            QualificationClass::NearMiss(7),
            QualificationClass::NearMiss(u32::MAX - 3),
        ] {
            assert_eq!(QualificationClass::unpack(class.pack()), class);
        }
        assert_eq!(QualificationClass::unpack(u32::MAX), QualificationClass::NotYet);
    }

    #[test]
    fn f32_at_least_never_rounds_a_bound_down() {
        for x in [0.0, 1.0, 0.1, 1.0 / 3.0, 0.6180339887498949, -0.1, 1e-12, 123.456_789_012_345] {
            let f = f32_at_least(x);
            assert!(f64::from(f) >= x, "{x} → {f}");
            // …and by no more than one step of f32.
            assert!(f64::from(f.next_down()) < x, "{x} → {f} is not the tightest");
        }
        assert_eq!(f32_at_least(f64::NEG_INFINITY), f32::NEG_INFINITY);
        assert_eq!(f32_at_least(0.5), 0.5, "exact values stay");
    }
}
