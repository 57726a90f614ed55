//! The weighted score: seven components in [0, 1], and beside them the bounds the
//! ranking passes prune with (each bound is the bound of the components next to it).

use serde::Serialize;

use super::Matcher;
use super::self_development::SelfDevelopmentAssessment;
use crate::compiled::{
    CompiledParticipant, CompiledVacancy, Position, VacancyConditions, VacancyFacts, VacancyTraits,
};
use crate::model::{
    AppointmentFlexibility, ContactLevel, ContractType, LearningStyle, TwvStance,
    WorkAuthorizationStatus,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, strum::IntoStaticStr)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum Component {
    SelfDevelopment,
    Relevance,
    Conditions,
    Twv,
    LanguageGrowth,
    Application,
    Distance,
}

impl Component {
    /// The contract name (`LANGUAGE_GROWTH`).
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub const ALL: [Component; 7] = [
        Component::SelfDevelopment,
        Component::Relevance,
        Component::Conditions,
        Component::Twv,
        Component::LanguageGrowth,
        Component::Application,
        Component::Distance,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ComponentScore {
    pub component: Component,
    pub weight: f64,
    pub value: f64,
    /// `weight × value / Σ weights`: the components' contributions add up to the score.
    pub contribution: f64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score {
    pub total: f64,
    pub components: [ComponentScore; 7],
    pub self_development: SelfDevelopmentAssessment,
    /// The conditions behind the conditions component.
    pub conditions: Conditions,
}

/// A condition the conditions component weighs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Condition {
    DayParts,
    Weekends,
    Hours,
    /// Only for a person who needs flexibility for IND/COA appointments.
    AppointmentFlexibility,
    Contract,
    /// Only for a person who prefers to avoid physically demanding work.
    PhysicalDemand,
}

/// How a condition came out for this person and this vacancy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConditionFinding {
    /// One side does not say.
    Unknown,
    Suits,
    /// It goes against the person's availability or wishes: the score is lowered and the
    /// explanation says why.
    Penalized,
}

/// The conditions that apply, in a fixed order, each with its value in [0, 1].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Conditions {
    items: [(Condition, f64, ConditionFinding); 6],
    n: usize,
}

impl Default for Conditions {
    fn default() -> Conditions {
        Conditions { items: [(Condition::Contract, 0.0, ConditionFinding::Unknown); 6], n: 0 }
    }
}

impl Conditions {
    fn push(&mut self, condition: Condition, (value, finding): (f64, ConditionFinding)) {
        self.items[self.n] = (condition, value, finding);
        self.n += 1;
    }

    /// The conditions that apply, with their values and findings.
    pub fn items(&self) -> &[(Condition, f64, ConditionFinding)] {
        &self.items[..self.n]
    }

    /// How `condition` came out, when it applies.
    pub fn finding(&self, condition: Condition) -> Option<ConditionFinding> {
        self.items().iter().find(|(c, _, _)| *c == condition).map(|(_, _, f)| *f)
    }

    /// The conditions component: the mean of the values.
    pub fn value(&self) -> f64 {
        let sum: f64 = self.items().iter().fold(0.0, |sum, (_, v, _)| sum + v);
        sum / self.n as f64
    }
}

impl Matcher {
    /// The weighted score and its components.
    pub fn score(&self, p: &CompiledParticipant, v: &CompiledVacancy, bm25: f32) -> Score {
        self.score_of_parts(p, &v.facts(), &v.conditions(), v.circumstances.location, bm25)
    }

    /// [`Self::score`] from the parts of the vacancy it reads (the index's columns).
    #[inline]
    pub(crate) fn score_of_parts(
        &self,
        p: &CompiledParticipant,
        f: &VacancyFacts,
        v: &VacancyConditions,
        location: Option<Position>,
        bm25: f32,
    ) -> Score {
        let w = &self.config.weights;
        let sd = self.self_development_of(p, f, bm25);
        let conditions = self.conditions(p, v);
        let values = [
            (Component::SelfDevelopment, w.self_development, sd.fit),
            (Component::Relevance, w.relevance, relevance_value(&sd)),
            (Component::Conditions, w.conditions, conditions.value()),
            (Component::Twv, w.twv, self.twv_value(p, &f.traits)),
            (
                Component::LanguageGrowth,
                w.language_growth,
                self.language_growth_value(p, &f.traits),
            ),
            (Component::Application, w.application, self.application_value(&f.traits)),
            (Component::Distance, w.distance, self.distance_value(p, location)),
        ];
        let weight_sum: f64 = values.iter().map(|(_, w, _)| w).sum();
        let components = values.map(|(component, weight, value)| ComponentScore {
            component,
            weight,
            value,
            contribution: weight * value / weight_sum,
        });
        let total = components.iter().map(|c| c.contribution).sum();
        Score { total, components, self_development: sd, conditions }
    }

    /// The relevance component's contribution to the score.
    #[inline]
    pub(crate) fn relevance_share(&self, isco_relation: f64, text_relevance: f64) -> f64 {
        self.config.weights.relevance * relevance(isco_relation, text_relevance) / self.weight_sum
    }

    /// A BM25 score below which [`Self::relevance_share`] at this ISCO relation stays
    /// under `share`: 0 when no text is needed, +∞ when no text reaches it. Ranking
    /// passes use it to pass over a text match on one comparison.
    pub(crate) fn bm25_below_share(&self, isco_relation: f64, share: f64) -> f32 {
        let reaches = |bm25: f32| self.relevance_share(isco_relation, self.text_relevance(bm25));
        if reaches(0.0) >= share {
            return 0.0;
        }
        let full = self.config.weights.relevance / self.weight_sum;
        if share.is_nan() || share >= full * (1.0 - 1e-9) || isco_relation >= 1.0 {
            return f32::INFINITY;
        }
        // relevance_share = full · (1 − (1 − r)(1 − T)) with 1 − T = h / (bm25 + h).
        let h = self.config.relevance.text_half_saturation;
        let rest = (1.0 - share / full) / (1.0 - isco_relation);
        let mut bm25 = (h * (1.0 - rest) / rest) as f32;
        // The closed form rounds; step down until the share is surely not reached.
        while bm25 > 0.0 && reaches(bm25) >= share {
            bm25 = (bm25 * 0.999_999).min(bm25.next_down());
        }
        bm25.max(0.0)
    }

    /// By link to the person's field: the other components' contributions at their best
    /// for a vacancy whose self-development fits the person's preference by `fit` (the
    /// fit table's value at that link), given `rest`, the weighted sum of those that do
    /// not depend on the link ([`Self::stance_contribution`] plus
    /// [`Self::own_contribution`]).
    #[inline]
    pub(crate) fn bounds_with(&self, rest: f64, fit: [f64; 3]) -> [f64; 3] {
        let w = self.config.weights.self_development;
        fit.map(|fit| (w * fit + rest) / self.weight_sum)
    }

    /// Of the traits' bound, what reads only the contract and the TWV stance, weighted:
    /// the conditions at their best (only the contract is fixed) and the TWV component.
    pub(crate) fn stance_contribution(&self, p: &CompiledParticipant, t: &VacancyTraits) -> f64 {
        let w = &self.config.weights;
        // conditions_value is the mean of n items, each ≤ 1; only the contract is fixed.
        let contract = self.contract_value(t.contract);
        let optional = [p.needs_appointment_flexibility, p.avoid_physically_demanding];
        let n = 4.0 + optional.iter().filter(|o| **o == Some(true)).count() as f64;
        let conditions = (n - 1.0 + contract) / n;
        w.conditions * conditions + w.twv * self.twv_value(p, t)
    }

    /// Of the traits' bound, the rest, weighted: language growth, the application, and the
    /// distance at its best (reads `language_contact`, `language_support`,
    /// `practical_application` and `has_location`).
    pub(crate) fn own_contribution(&self, p: &CompiledParticipant, t: &VacancyTraits) -> f64 {
        let w = &self.config.weights;
        let distance = if p.location.is_some() && t.has_location {
            1.0
        } else {
            self.config.conditions.unknown
        };
        w.language_growth * self.language_growth_value(p, t)
            + w.application * self.application_value(t)
            + w.distance * distance
    }

    /// The conditions that apply to this person and vacancy, each with its value and how
    /// it came out; the conditions component is their mean.
    pub(crate) fn conditions(&self, p: &CompiledParticipant, v: &VacancyConditions) -> Conditions {
        use ConditionFinding::{Penalized, Suits, Unknown};
        let c = &self.config.conditions;
        let mut out = Conditions::default();
        // Weekday daytime work keeps IND/COA appointments possible (report, "good work" 8).
        out.push(
            Condition::DayParts,
            match (p.day_parts, v.day_parts) {
                (Some(pm), Some(vm)) if vm != 0 => {
                    let value = f64::from((pm & vm).count_ones()) / f64::from(vm.count_ones());
                    (value, if vm & !pm == 0 { Suits } else { Penalized })
                }
                _ => (c.unknown, Unknown),
            },
        );
        out.push(
            Condition::Weekends,
            match (p.weekends, v.weekends) {
                (_, Some(false)) | (Some(true), Some(true)) => (1.0, Suits),
                (Some(false), Some(true)) => (c.weekend_mismatch, Penalized),
                _ => (c.unknown, Unknown),
            },
        );
        out.push(
            Condition::Hours,
            match (p.hours, v.hours()) {
                (Some((pmin, pmax)), Some((vmin, vmax))) => {
                    let gap = (vmin - pmax).max(pmin - vmax).max(0.0);
                    (
                        (1.0 - gap / pmax.max(8.0)).max(0.0),
                        if gap > 0.0 { Penalized } else { Suits },
                    )
                }
                _ => (c.unknown, Unknown),
            },
        );
        if p.needs_appointment_flexibility == Some(true) {
            out.push(
                Condition::AppointmentFlexibility,
                match v.appointment_flexibility {
                    Some(AppointmentFlexibility::Yes) => (1.0, Suits),
                    Some(AppointmentFlexibility::No) => (c.no_appointment_flexibility, Penalized),
                    Some(AppointmentFlexibility::Unknown) | None => {
                        (c.unknown_appointment_flexibility, Unknown)
                    }
                },
            );
        }
        let contract = self.contract_value(v.contract);
        out.push(
            Condition::Contract,
            match v.contract {
                // On-call work: the report's zero-hours case, worth a warning.
                Some(ContractType::OnCall) => (contract, Penalized),
                Some(_) => (contract, Suits),
                None => (contract, Unknown),
            },
        );
        if p.avoid_physically_demanding == Some(true) {
            out.push(
                Condition::PhysicalDemand,
                match v.physically_demanding {
                    Some(true) => (c.physically_demanding_unwanted, Penalized),
                    Some(false) => (1.0, Suits),
                    None => (c.unknown, Unknown),
                },
            );
        }
        out
    }

    /// Contract stability: on-call work scores low (the report's zero-hours case).
    pub(super) fn contract_value(&self, contract: Option<ContractType>) -> f64 {
        let c = &self.config.conditions;
        contract.map_or(c.unknown, |k| c.contract.get(k))
    }

    pub(super) fn twv_value(&self, p: &CompiledParticipant, f: &VacancyTraits) -> f64 {
        let t = &self.config.twv;
        match p.work_authorization.as_ref().map(|a| a.status) {
            // Volunteer work needs no TWV: the employer's stance does not matter.
            Some(WorkAuthorizationStatus::AsylumTwvRequired)
                if f.contract == Some(ContractType::Volunteer) =>
            {
                1.0
            }
            Some(WorkAuthorizationStatus::AsylumTwvRequired) => {
                t.get(f.twv.unwrap_or(TwvStance::Unknown)).unwrap_or(0.0)
            }
            Some(_) => 1.0,
            None => t.UNKNOWN,
        }
    }

    pub(super) fn language_growth_value(&self, p: &CompiledParticipant, f: &VacancyTraits) -> f64 {
        let g = &self.config.language_growth;
        let contact = match f.language_contact {
            Some(ContactLevel::High) => g.contact_high,
            Some(ContactLevel::Medium) => g.contact_medium,
            Some(ContactLevel::Low) => g.contact_low,
            None => self.config.conditions.unknown,
        };
        let support = if f.language_support { 1.0 } else { 0.0 };
        // People who learn on the job gain most from contact; those who want a course
        // first from the employer's language support (report: learning style).
        let shares = match p.learning_style {
            Some(LearningStyle::OnTheJob) => g.on_the_job,
            Some(LearningStyle::CourseFirst) => g.course_first,
            None => g.unknown_style,
        };
        shares.contact * contact + shares.support * support
    }

    pub(super) fn distance_value(
        &self,
        p: &CompiledParticipant,
        location: Option<Position>,
    ) -> f64 {
        match (p.location, location) {
            (Some(a), Some(b)) => {
                let max = p
                    .max_commute_km
                    .unwrap_or(self.config.distance.default_max_commute_km)
                    .max(1e-9);
                (1.0 - a.distance_km(b) / max).max(0.0)
            }
            _ => self.config.conditions.unknown,
        }
    }

    pub(super) fn application_value(&self, f: &VacancyTraits) -> f64 {
        let a = &self.config.application;
        match f.practical_application {
            Some(true) => a.practical,
            Some(false) => a.interview,
            None => a.unknown,
        }
    }
}

pub(super) fn relevance(isco_relation: f64, text_relevance: f64) -> f64 {
    1.0 - (1.0 - isco_relation) * (1.0 - text_relevance)
}

pub(super) fn relevance_value(sd: &SelfDevelopmentAssessment) -> f64 {
    relevance(sd.isco_relation, sd.text_relevance)
}
