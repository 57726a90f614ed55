//! [`Tabulation`]: the one narrow API through which the index applies the rules. A pass
//! works out once per distinct column value what that value means for the person
//! (an occupation, a set of traits, a sector, a set of qualifications), and per vacancy
//! only what it does not share (its closing date and location). The requirements outside
//! the qualifications block exactly when one of these parts does:
//! [`Matcher::circumstances_block`] is defined as their composition, so the index and the
//! rule run the same code.

use crate::compiled::{CompiledParticipant, CompiledVacancy, Isco};
use crate::compiled::{Position, Qualifications, VacancyConditions, VacancyFacts, VacancyTraits};
use crate::date::Date;
use crate::model::{ContactLevel, ContractType, SelfDevelopment, TwvStance};
use crate::step::StepSet;

use super::requirements::{excluded_occupation, excluded_sector, within_commute};
use super::self_development::FieldLink;
use super::{MatchClass, Matcher, Status};

/// The field links, in the order of `FieldLink as usize`.
pub const LINKS: [FieldLink; 3] = [FieldLink::None, FieldLink::Some, FieldLink::Strong];

/// The rules for one person, per column value.
#[derive(Debug, Clone, Copy)]
pub struct Tabulation<'a> {
    matcher: &'a Matcher,
    person: &'a CompiledParticipant,
}

/// What an occupation (and the experience a vacancy asks in it) means for the person.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OccupationMeaning {
    /// The ISCO relation to the person's own and desired occupations.
    pub isco_relation: f64,
    /// The person excluded the occupation, or lacks the experience asked in it.
    pub blocks: bool,
    /// Without text overlap: the relevance component's share of the score, and the link
    /// to the person's field.
    pub relevance_share_without_text: f64,
    pub link_without_text: FieldLink,
}

/// What a vacancy's traits mean for the person.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TraitsMeaning {
    /// The employer's TWV stance (or, for volunteer work, the person's status) blocks,
    /// whatever the closing date.
    pub blocks: bool,
    /// The first day the person may start a job with these traits (the date from which
    /// they may work; a TWV's decision term; neither for volunteer work): passed to
    /// [`Tabulation::open_until`].
    pub works_from: Option<Date>,
    /// By link ([`LINKS`]): the other components' best contribution
    /// ([`Matcher::bounds_with`]), and whether a near miss fits the person's preference.
    pub bound: [f64; 3],
    pub fitting: [bool; 3],
}

/// The self-development fit by link, and whether a near miss fits.
#[derive(Debug, Clone, Copy)]
struct Fits {
    fit: [f64; 3],
    fitting: [bool; 3],
}

/// What the TWV stance and the contract give: the block, the first working day, and
/// their weighted part of the bound ([`Matcher::stance_contribution`]).
#[derive(Debug, Clone, Copy)]
struct Stance {
    blocks: bool,
    works_from: Option<Date>,
    contribution: f64,
}

const FIT_KEYS: usize = 4 * 4;
const STANCE_KEYS: usize = 5 * 7;
const OWN_KEYS: usize = 4 * 2 * 3 * 2;

// The keys below number every value of the fields a part reads; their matches are
// exhaustive, so a new variant must be given a number (and the key count its room).

/// The fields [`Matcher::fits`] reads, as one number below [`FIT_KEYS`].
fn fit_key(t: &VacancyTraits) -> usize {
    let level = match t.explicit_level {
        None => 0,
        Some(SelfDevelopment::Minimal) => 1,
        Some(SelfDevelopment::Some) => 2,
        Some(SelfDevelopment::Strong) => 3,
    };
    usize::from(t.growth) | usize::from(t.skill_building) << 1 | level << 2
}

/// The fields [`Tabulation::stance`] reads, as one number below [`STANCE_KEYS`].
fn stance_key(t: &VacancyTraits) -> usize {
    let twv = match t.twv {
        None => 0,
        Some(TwvStance::Experienced) => 1,
        Some(TwvStance::Willing) => 2,
        Some(TwvStance::Unknown) => 3,
        Some(TwvStance::Unwilling) => 4,
    };
    let contract = match t.contract {
        None => 0,
        Some(ContractType::Permanent) => 1,
        Some(ContractType::FixedTerm) => 2,
        Some(ContractType::TempAgency) => 3,
        Some(ContractType::OnCall) => 4,
        Some(ContractType::Internship) => 5,
        Some(ContractType::Volunteer) => 6,
    };
    twv * 7 + contract
}

/// The fields [`Matcher::own_contribution`] reads, as one number below [`OWN_KEYS`].
fn own_key(t: &VacancyTraits) -> usize {
    let contact = match t.language_contact {
        None => 0,
        Some(ContactLevel::Low) => 1,
        Some(ContactLevel::Medium) => 2,
        Some(ContactLevel::High) => 3,
    };
    let application = match t.practical_application {
        None => 0,
        Some(false) => 1,
        Some(true) => 2,
    };
    ((contact * 2 + usize::from(t.language_support)) * 3 + application) * 2
        + usize::from(t.has_location)
}

/// The numbers of the fields each part of a traits meaning reads ([`fit_key`],
/// [`stance_key`], [`own_key`]), for each value of a traits column: worked out once,
/// when the column is loaded, so that [`Tabulation::traits_of_column`] reads three
/// small tables per value for each person.
#[derive(Debug)]
pub struct TraitsKeys(Vec<[u8; 3]>);

impl TraitsKeys {
    pub fn of(values: &[VacancyTraits]) -> TraitsKeys {
        // Every key is below its count, and every count is at most 256.
        const _: () = assert!(FIT_KEYS <= 256 && STANCE_KEYS <= 256 && OWN_KEYS <= 256);
        let key = |t| [fit_key(t) as u8, stance_key(t) as u8, own_key(t) as u8];
        TraitsKeys(values.iter().map(key).collect())
    }
}

/// The class a set of qualifications gives, with the steps of a near miss (within the
/// horizon or beyond it).
#[derive(Debug, Clone, PartialEq)]
pub enum QualificationsMeaning {
    Eligible,
    NearMiss(StepSet),
    BeyondHorizon(StepSet),
    Blocked,
}

impl Matcher {
    /// The rules for `person`, per column value.
    pub fn tabulation<'a>(&'a self, person: &'a CompiledParticipant) -> Tabulation<'a> {
        Tabulation { matcher: self, person }
    }

    /// The occupation blocks: the person excluded it, or lacks the experience asked in it
    /// (experience in the same ISCO sub-major group counts; see [`Matcher::experience`]).
    pub(crate) fn occupation_blocks(
        &self,
        p: &CompiledParticipant,
        isco: Option<Isco>,
        experience_years: Option<f64>,
    ) -> bool {
        excluded_occupation(p, isco)
            || experience_years.is_some_and(|y| self.experience(p, isco, y).0 == Status::Blocking)
    }

    /// The employer's TWV stance (or the person's authorization) blocks for every closing
    /// date: [`Matcher::authorization`] without one.
    pub(crate) fn twv_blocks(
        &self,
        p: &CompiledParticipant,
        twv: Option<TwvStance>,
        volunteer: bool,
    ) -> bool {
        let status = if volunteer {
            // The statement is never a block: it is the organisation's question.
            self.volunteering(p, None).1
        } else {
            self.authorization(p, twv, None).0
        };
        status == Status::Blocking
    }
}

impl Tabulation<'_> {
    pub fn occupation(
        &self,
        isco: Option<Isco>,
        experience_years: Option<f64>,
    ) -> OccupationMeaning {
        let (m, p) = (self.matcher, self.person);
        let isco_relation = m.isco_relation(p, isco);
        let no_text = m.text_relevance(0.0);
        OccupationMeaning {
            isco_relation,
            blocks: m.occupation_blocks(p, isco, experience_years),
            relevance_share_without_text: m.relevance_share(isco_relation, no_text),
            link_without_text: m.field_link(isco_relation, no_text),
        }
    }

    pub fn traits(&self, t: &VacancyTraits) -> TraitsMeaning {
        let own = self.matcher.own_contribution(self.person, t);
        self.traits_with(self.fits(t), self.stance(t), own)
    }

    /// [`Self::traits`] of each of a column's values, in order, handed to `each`: the
    /// same meanings, each part worked out once per value of the few fields it reads
    /// (`keys`, the column's [`TraitsKeys`]): the self-development fit ([`fit_key`]),
    /// what the TWV stance and the contract give ([`stance_key`]), the rest of the bound
    /// ([`own_key`]).
    pub fn traits_of_column(
        &self,
        values: &[VacancyTraits],
        keys: &TraitsKeys,
        mut each: impl FnMut(TraitsMeaning),
    ) {
        assert_eq!(values.len(), keys.0.len(), "the keys of another column");
        let mut fits: [Option<Fits>; FIT_KEYS] = [None; FIT_KEYS];
        let mut stances: [Option<Stance>; STANCE_KEYS] = [None; STANCE_KEYS];
        let mut owns: [Option<f64>; OWN_KEYS] = [None; OWN_KEYS];
        for (t, &[fit, stance, own]) in values.iter().zip(&keys.0) {
            let fit = *fits[usize::from(fit)].get_or_insert_with(|| self.fits(t));
            let stance = *stances[usize::from(stance)].get_or_insert_with(|| self.stance(t));
            let own = *owns[usize::from(own)]
                .get_or_insert_with(|| self.matcher.own_contribution(self.person, t));
            each(self.traits_with(fit, stance, own));
        }
    }

    /// The part of [`Self::traits`] that reads `growth`, `skill_building` and
    /// `explicit_level` only.
    fn fits(&self, t: &VacancyTraits) -> Fits {
        let fit = self.matcher.fits(self.person, t);
        Fits { fit, fitting: fit.map(|fit| self.matcher.is_fitting(fit)) }
    }

    /// The part of [`Self::traits`] that reads `twv` and `contract` only.
    fn stance(&self, t: &VacancyTraits) -> Stance {
        let (m, p) = (self.matcher, self.person);
        let volunteer = t.contract == Some(ContractType::Volunteer);
        Stance {
            blocks: m.twv_blocks(p, t.twv, volunteer),
            works_from: m.works_from(p, volunteer),
            contribution: m.stance_contribution(p, t),
        }
    }

    #[inline]
    fn traits_with(&self, fits: Fits, stance: Stance, own: f64) -> TraitsMeaning {
        TraitsMeaning {
            blocks: stance.blocks,
            works_from: stance.works_from,
            bound: self.matcher.bounds_with(stance.contribution + own, fits.fit),
            fitting: fits.fitting,
        }
    }

    /// The person excluded the sector.
    pub fn sector_excluded(&self, sector: Option<&str>) -> bool {
        excluded_sector(self.person, sector)
    }

    /// The person excludes at least one sector.
    pub fn excludes_sectors(&self) -> bool {
        !self.person.excluded_sectors.is_empty()
    }

    /// The vacancy lies beyond the person's reach: one of the reasons by which a
    /// vacancy's own circumstances block ([`Matcher::blocks_on_its_own`]), which a pass
    /// checks where its place does not already tell (it reads only the location).
    #[inline]
    pub fn too_far(&self, location: Option<Position>) -> bool {
        within_commute(self.person, location) == Some(false)
    }

    /// The day a vacancy whose traits give `works_from` must stay open until: one whose
    /// last day is before it closed, or closes before the person may work.
    #[inline]
    pub fn open_until(&self, works_from: Option<Date>) -> Date {
        self.matcher.open_until(works_from)
    }

    /// The class a set of qualifications gives (the circumstances met).
    pub fn qualifications(&self, q: &Qualifications) -> QualificationsMeaning {
        let (m, p) = (self.matcher, self.person);
        let classified = m.classify_qualifications(p, q);
        match classified.class {
            MatchClass::Eligible => QualificationsMeaning::Eligible,
            MatchClass::NearMiss => QualificationsMeaning::NearMiss(m.step_set(p, q, &classified)),
            MatchClass::BeyondHorizon => {
                QualificationsMeaning::BeyondHorizon(m.step_set(p, q, &classified))
            }
            MatchClass::Blocked => QualificationsMeaning::Blocked,
        }
    }

    /// Whether the set of qualifications makes a vacancy eligible (the circumstances
    /// met): [`Self::qualifications`] is [`QualificationsMeaning::Eligible`]. For a pass
    /// that collects no near misses, which need not know their steps.
    pub fn qualifications_met(&self, q: &Qualifications) -> bool {
        self.matcher.qualifications_met(self.person, q)
    }

    /// With text overlap: the relevance share and the link to the person's field at this
    /// ISCO relation and BM25.
    #[inline]
    pub fn with_text(&self, isco_relation: f64, bm25: f32) -> (f64, FieldLink) {
        let m = self.matcher;
        let text = m.text_relevance(bm25);
        (m.relevance_share(isco_relation, text), m.field_link(isco_relation, text))
    }

    /// A BM25 score below which the relevance share at this ISCO relation stays under
    /// `share` ([`Matcher::bm25_below_share`]).
    pub fn bm25_below_share(&self, isco_relation: f64, share: f64) -> f32 {
        self.matcher.bm25_below_share(isco_relation, share)
    }

    /// The score of a vacancy that may reach the top-k or be an example of a step.
    #[inline]
    pub fn score(&self, v: &CompiledVacancy, bm25: f32) -> f64 {
        self.matcher.score(self.person, v, bm25).total
    }

    /// [`Self::score`] from the parts of the vacancy it reads (the index's columns): the
    /// same rule, without the whole vacancy.
    #[inline]
    pub fn score_of_parts(
        &self,
        facts: &VacancyFacts,
        conditions: &VacancyConditions,
        location: Option<Position>,
        bm25: f32,
    ) -> f64 {
        self.matcher.score_of_parts(self.person, facts, conditions, location, bm25).total
    }
}

#[cfg(test)]
mod tests;
