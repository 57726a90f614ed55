//! The matching model (README, "Matching model"): hard-requirement checks, the pair-wise
//! self-development level, and the weighted score. Every ranking path (reference ranker,
//! index collector, batch, gRPC) calls these functions, so each rule lives here once.

mod requirements;
mod score;
mod self_development;
mod tabulation;
#[cfg(test)]
mod tests;

use std::cmp::Ordering;
use std::ops::ControlFlow;

use serde::Serialize;
use smallvec::SmallVec;

use crate::compiled::{CompiledParticipant, CompiledVacancy, Lang, Qualifications};
use crate::config::MatchConfig;
use crate::date::Date;
use crate::model::{
    DiplomaEvaluation, Participant, ProcedureTrack, SelfDevelopment, Vacancy,
    WorkAuthorizationStatus,
};
use crate::step::{Step, StepSet};
use crate::taxonomy::Taxonomy;

pub use requirements::{Check, Requirement, Status, excluded_occupation, excluded_sector};
pub use score::{Component, ComponentScore, Condition, ConditionFinding, Conditions, Score};
pub use self_development::{FieldLink, SelfDevelopmentAssessment};
pub use tabulation::{
    LINKS, OccupationMeaning, QualificationsMeaning, Tabulation, TraitsKeys, TraitsMeaning,
};

/// A classification with the steps that close the bridgeable gaps.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Classified {
    pub class: MatchClass,
    steps: [(Step, f64); 8],
    n: usize,
}

impl Classified {
    pub const BLOCKED: Classified =
        Classified { class: MatchClass::Blocked, steps: [(Step::DiplomaEvaluation, 0.0); 8], n: 0 };

    /// The distinct steps of the bridgeable gaps, with their effort for this person.
    pub fn steps(&self) -> &[(Step, f64)] {
        &self.steps[..self.n]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum MatchClass {
    /// Every hard requirement is met or unknown: may appear in the ranked list.
    Eligible,
    /// Only bridgeable gaps, within the person's horizon: a step-plan candidate.
    NearMiss,
    /// Only bridgeable gaps, but together they take longer than the horizon.
    BeyondHorizon,
    /// At least one blocking requirement.
    Blocked,
}

/// A vacancy's class and score, computed without allocating.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Assessment {
    pub class: MatchClass,
    /// The score for ELIGIBLE vacancies; 0 otherwise.
    pub score: f64,
}

/// A vacancy reachable with bridgeable steps only.
#[derive(Debug, Clone, PartialEq)]
pub struct NearMiss {
    pub vacancy_id: std::sync::Arc<str>,
    pub score: f64,
    pub level: SelfDevelopment,
    /// Its self-development level fits the person's preference (fit ≥ the plan threshold).
    pub fitting: bool,
    /// The distinct steps that close its gaps, with their effort for this person (for a
    /// language requirement with alternatives: the cheapest).
    pub steps: SmallVec<[(Step, f64); 4]>,
    /// `(step, other)`: the gap that `step` closes is also closed by `other` (another
    /// alternative of the same language requirement, e.g. English B1 for Dutch B1).
    pub alternatives: SmallVec<[(Step, Step); 2]>,
    pub effort_weeks: f64,
    /// Its steps together take longer than the person's horizon (the long route).
    pub beyond_horizon: bool,
    pub valid_through: Option<Date>,
    pub posted: Option<Date>,
}

/// How well a job's self-development level meets the person's wish, by its fit
/// (`plan.fitting_threshold` and `plan.partly_fitting_threshold`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PreferenceFit {
    Fits,
    PartlyFits,
    DoesNotFit,
}

/// Ranking order: higher score first; ties broken by vacancy id, ascending.
pub fn rank_order(a_score: f64, a_id: &str, b_score: f64, b_id: &str) -> Ordering {
    rank_order_with(a_score, b_score, || (a_id, b_id))
}

/// [`rank_order`] with the two vacancy ids got only when the scores tie.
pub fn rank_order_with<'a>(
    a_score: f64,
    b_score: f64,
    ids: impl FnOnce() -> (&'a str, &'a str),
) -> Ordering {
    b_score.total_cmp(&a_score).then_with(|| {
        let (a_id, b_id) = ids();
        a_id.cmp(b_id)
    })
}

/// The matcher: configuration, taxonomy and the day it matches on.
#[derive(Debug, Clone)]
pub struct Matcher {
    config: MatchConfig,
    taxonomy: &'static Taxonomy,
    today: Date,
    /// Σ weights, derived from `config` once.
    weight_sum: f64,
    /// The ISCO relation by the number of leading digits shared (0–4).
    relation_by_shared_digits: [f64; 5],
}

impl Matcher {
    pub fn new(config: MatchConfig, taxonomy: &'static Taxonomy, today: Date) -> Matcher {
        let w = &config.weights;
        let weight_sum = w.self_development
            + w.relevance
            + w.conditions
            + w.twv
            + w.language_growth
            + w.application
            + w.distance;
        let r = &config.relevance;
        let relation_by_shared_digits = [
            0.0,
            r.same_major_group,
            r.same_sub_major_group,
            r.same_minor_group,
            r.same_unit_group,
        ];
        Matcher { config, taxonomy, today, weight_sum, relation_by_shared_digits }
    }

    pub fn config(&self) -> &MatchConfig {
        &self.config
    }

    pub fn taxonomy(&self) -> &'static Taxonomy {
        self.taxonomy
    }

    pub fn today(&self) -> Date {
        self.today
    }

    pub fn compile_participant(&self, p: &Participant) -> CompiledParticipant {
        let mut compiled = CompiledParticipant::new(
            p,
            self.taxonomy,
            self.config.self_development.default_preference,
            self.config.effort.default_horizon_weeks,
            self.today,
        );
        self.derive_eligible_from(&mut compiled);
        compiled
    }

    /// An asylum seeker whose profile gives the day of the application but not the first
    /// day of work: that day from the dated rule in force on the application day (see
    /// `[work_authorization]` in the config); a track the rule leaves out may not work.
    fn derive_eligible_from(&self, p: &mut CompiledParticipant) {
        let Some(a) = p.work_authorization.as_mut() else { return };
        let (WorkAuthorizationStatus::AsylumTwvRequired, None, Some(applied)) =
            (a.status, a.eligible_from, a.asylum_application_date)
        else {
            return;
        };
        let Some(rule) = self.config.work_authorization.rule_for(applied) else { return };
        let track = a.procedure_track.unwrap_or(ProcedureTrack::Regular);
        match rule.months.get(&track) {
            Some(&months) => a.eligible_from = Some(applied.add_months(months as i32)),
            None => a.status = WorkAuthorizationStatus::NotAllowed,
        }
        p.authorization_rule = Some(rule.name.as_str().into());
    }

    pub fn compile_vacancy(&self, v: &Vacancy) -> CompiledVacancy {
        CompiledVacancy::new(v, self.taxonomy)
    }

    /// Weeks it takes this person to reach `rank` in `lang`.
    pub(super) fn language_effort(&self, p: &CompiledParticipant, lang: Lang, rank: u8) -> f64 {
        f64::from(rank.saturating_sub(p.language_rank(lang)))
            * self.config.effort.language_step_weeks
    }

    /// The effort of a step for this person, in weeks: its time from the taxonomy or the
    /// config (a renewal's for a certificate that expired), and no less than the time
    /// until the person reaches the step's minimum age.
    pub fn step_effort(&self, p: &CompiledParticipant, step: Step) -> f64 {
        let effort = match step {
            Step::Certificate(bit) => {
                let info = self.taxonomy.certificate_by_bit(bit);
                match info.renewal_weeks {
                    Some(weeks) if p.expired_certificates & (1 << bit) != 0 => weeks,
                    _ => info.effort_weeks,
                }
            }
            Step::Language { lang, rank } => self.language_effort(p, lang, rank),
            Step::DrivingLicence(l) => self.taxonomy.licence(l).effort_weeks,
            Step::Registration(bit) => self.taxonomy.registration_by_bit(bit).weeks.typical,
            Step::DiplomaEvaluation => match p.diploma_evaluation {
                Some(DiplomaEvaluation::Pending) => {
                    self.config.effort.diploma_evaluation_pending_weeks
                }
                _ => self.config.effort.diploma_evaluation_weeks,
            },
        };
        match self.min_age_reached(p, step) {
            Some(day) if day > self.today => {
                effort.max(f64::from(day.days() - self.today.days()) / 7.0)
            }
            _ => effort,
        }
    }

    /// The minimum age for a step (0: none), from the taxonomy.
    pub fn min_age(&self, step: Step) -> u8 {
        match step {
            Step::Certificate(bit) => self.taxonomy.certificate_by_bit(bit).min_age,
            Step::DrivingLicence(l) => self.taxonomy.licence(l).min_age,
            Step::Language { .. } | Step::DiplomaEvaluation | Step::Registration(_) => 0,
        }
    }

    /// The day the person reaches the step's minimum age (`None`: no minimum age, or
    /// the birth date is not known).
    pub fn min_age_reached(&self, p: &CompiledParticipant, step: Step) -> Option<Date> {
        let age = self.min_age(step);
        (age > 0).then_some(())?;
        Some(p.birth_date?.add_months(i32::from(age) * 12))
    }

    /// The person holds what the step gives (an unknown holding counts as held: the step
    /// names its prerequisites, so a caseworker can check).
    fn holds(&self, p: &CompiledParticipant, step: Step) -> bool {
        match step {
            Step::Certificate(bit) => p.certificates.is_none_or(|held| held & (1 << bit) != 0),
            Step::DrivingLicence(l) => p.licences.is_none_or(|held| held & l.bit() != 0),
            Step::Language { lang, rank } => p.languages.is_none() || p.language_rank(lang) >= rank,
            Step::DiplomaEvaluation | Step::Registration(_) => false,
        }
    }

    /// The prerequisites of `step` that the person neither holds nor gets from one of
    /// `planned`: for each group of alternatives, its cheapest step for this person.
    pub fn missing_prerequisites(
        &self,
        p: &CompiledParticipant,
        step: Step,
        planned: impl Iterator<Item = Step> + Clone,
    ) -> SmallVec<[Step; 2]> {
        let Step::Certificate(bit) = step else { return SmallVec::new() };
        self.taxonomy
            .prerequisites(bit)
            .iter()
            .filter(|group| {
                !group.iter().any(|&need| {
                    self.holds(p, need) || planned.clone().any(|s| self.step_covers(s, need))
                })
            })
            .filter_map(|group| {
                group
                    .iter()
                    .copied()
                    .min_by(|a, b| self.step_effort(p, *a).total_cmp(&self.step_effort(p, *b)))
            })
            .collect()
    }

    /// Taking `step` also closes `gap` (B2 covers a B1 gap; CE covers a C gap).
    pub fn step_covers(&self, step: Step, gap: Step) -> bool {
        match (step, gap) {
            (Step::Language { lang: a, rank: r }, Step::Language { lang: b, rank: g }) => {
                a == b && r >= g
            }
            (Step::DrivingLicence(s), Step::DrivingLicence(g)) => {
                self.taxonomy.licence_closure(&[s]) & g.bit() != 0
            }
            (s, g) => s == g,
        }
    }

    /// The class of a vacancy for a person, from its checks, and the distinct steps of
    /// its bridgeable gaps (the first 8; a vacancy has fewer in practice).
    pub(crate) fn classify_with_steps(
        &self,
        p: &CompiledParticipant,
        v: &CompiledVacancy,
    ) -> Classified {
        if self.circumstances_block(p, &v.circumstances) {
            return Classified::BLOCKED;
        }
        self.classify_qualifications(p, &v.qualifications)
    }

    /// The class that the qualifications alone give (the circumstances met): only gaps
    /// here can be bridged, so the steps and the horizon are decided here. Vacancies that
    /// ask the same qualifications share the answer.
    pub(crate) fn classify_qualifications(
        &self,
        p: &CompiledParticipant,
        q: &Qualifications,
    ) -> Classified {
        let mut steps: [(Step, f64); 8] = Classified::BLOCKED.steps;
        let mut n = 0;
        let mut overflow_effort = 0.0;
        let blocked = self
            .check_qualifications(p, q, &mut |c: Check| match c.status {
                Status::Blocking => ControlFlow::Break(()),
                Status::Bridgeable { step, effort_weeks } => {
                    // One step per gap: Dutch B2 also closes a Dutch B1 gap, so two language
                    // requirements cost the larger step, not both.
                    if let Some(kept) =
                        steps[..n].iter_mut().find(|(s, _)| self.step_covers(step, *s))
                    {
                        *kept = (step, effort_weeks);
                    } else if !steps[..n].iter().any(|(s, _)| self.step_covers(*s, step)) {
                        if n < steps.len() {
                            steps[n] = (step, effort_weeks);
                            n += 1;
                        } else {
                            overflow_effort += effort_weeks;
                        }
                    }
                    ControlFlow::Continue(())
                }
                Status::Met | Status::Unknown => ControlFlow::Continue(()),
            })
            .is_break();
        // A step's prerequisites the person lacks are steps too, taken before it (a taxi
        // driver's card needs a B licence); theirs in turn, as the list grows.
        let mut i = 0;
        while !blocked && i < n {
            let planned = steps[..n].iter().map(|(s, _)| *s);
            for need in self.missing_prerequisites(p, steps[i].0, planned) {
                let effort = self.step_effort(p, need);
                if steps[..n].iter().any(|(s, _)| self.step_covers(*s, need)) {
                    continue;
                }
                if n < steps.len() {
                    steps[n] = (need, effort);
                    n += 1;
                } else {
                    overflow_effort += effort;
                }
            }
            i += 1;
        }
        let class = if blocked {
            MatchClass::Blocked
        } else if n == 0 {
            MatchClass::Eligible
        } else if steps[..n].iter().map(|(_, e)| e).sum::<f64>() + overflow_effort
            <= p.horizon_weeks
        {
            MatchClass::NearMiss
        } else {
            MatchClass::BeyondHorizon
        };
        Classified { class, steps, n }
    }

    /// Whether the qualifications alone make a vacancy eligible: the
    /// [`MatchClass::Eligible`] of [`Self::classify_qualifications`] (no gap at all, to
    /// bridge or not), told at the first gap without working out any step.
    pub(crate) fn qualifications_met(&self, p: &CompiledParticipant, q: &Qualifications) -> bool {
        self.check_qualifications(p, q, &mut |c: Check| match c.status {
            Status::Met | Status::Unknown => ControlFlow::Continue(()),
            Status::Blocking | Status::Bridgeable { .. } => ControlFlow::Break(()),
        })
        .is_continue()
    }

    /// The class of a vacancy for a person.
    pub fn classify(&self, p: &CompiledParticipant, v: &CompiledVacancy) -> MatchClass {
        self.classify_with_steps(p, v).class
    }

    /// Class and score without allocating: the ranking hot path.
    pub fn assess(&self, p: &CompiledParticipant, v: &CompiledVacancy, bm25: f32) -> Assessment {
        let class = self.classify(p, v);
        let score = match class {
            MatchClass::Eligible => self.score(p, v, bm25).total,
            // A near miss is scored by `near_miss`, when a plan asks for it.
            MatchClass::NearMiss | MatchClass::BeyondHorizon | MatchClass::Blocked => 0.0,
        };
        Assessment { class, score }
    }

    /// The near-miss record of a vacancy — within the horizon or beyond it (the long
    /// route) — or `None` when a gap blocks or nothing is missing.
    pub fn near_miss(
        &self,
        p: &CompiledParticipant,
        v: &CompiledVacancy,
        bm25: f32,
    ) -> Option<NearMiss> {
        self.near_miss_classified(p, v, bm25, &self.classify_with_steps(p, v))
    }

    /// [`Self::near_miss`] from a classification already made (the ranking pass
    /// classifies every vacancy once).
    pub(crate) fn near_miss_classified(
        &self,
        p: &CompiledParticipant,
        v: &CompiledVacancy,
        bm25: f32,
        classified: &Classified,
    ) -> Option<NearMiss> {
        let beyond_horizon = match classified.class {
            MatchClass::NearMiss => false,
            MatchClass::BeyondHorizon => true,
            MatchClass::Eligible | MatchClass::Blocked => return None,
        };
        let score = self.score(p, v, bm25);
        let steps: SmallVec<[(Step, f64); 4]> =
            SmallVec::from_slice(&classified.steps[..classified.n]);
        let alternatives = self.step_alternatives(p, &v.qualifications, &steps);
        Some(NearMiss {
            vacancy_id: v.id.clone(),
            score: score.total,
            level: score.self_development.level,
            fitting: self.is_fitting(score.self_development.fit),
            effort_weeks: steps.iter().map(|(_, e)| e).sum(),
            steps,
            alternatives,
            beyond_horizon,
            valid_through: v.circumstances.valid_through,
            posted: v.posted,
        })
    }

    /// The step set of a near miss with these qualifications (see [`StepSet`]).
    pub(crate) fn step_set(
        &self,
        p: &CompiledParticipant,
        q: &Qualifications,
        classified: &Classified,
    ) -> StepSet {
        StepSet::new(classified.steps(), &self.step_alternatives(p, q, classified.steps()))
    }

    /// `(step, other)` for each step that closes a language gap which another
    /// alternative of the same requirement closes too (English B1 for Dutch B1).
    pub(crate) fn step_alternatives(
        &self,
        p: &CompiledParticipant,
        q: &Qualifications,
        steps: &[(Step, f64)],
    ) -> SmallVec<[(Step, Step); 2]> {
        let mut alternatives = SmallVec::new();
        if p.languages.is_none() {
            return alternatives;
        }
        for group in q.language_groups() {
            if group.iter().any(|a| p.language_rank(a.lang) >= a.rank) {
                continue;
            }
            let options: SmallVec<[Step; 4]> = group
                .iter()
                .filter(|a| {
                    self.language_effort(p, a.lang, a.rank) <= self.config.effort.max_bridge_weeks
                })
                .map(|a| Step::Language { lang: a.lang, rank: a.rank })
                .collect();
            for &chosen in options.iter().filter(|s| steps.iter().any(|(t, _)| t == *s)) {
                alternatives.extend(options.iter().filter(|o| **o != chosen).map(|o| (chosen, *o)));
            }
        }
        alternatives
    }

    /// How well a fit of the job's self-development level meets the person's wish.
    pub fn preference_fit(&self, fit: f64) -> PreferenceFit {
        if self.is_fitting(fit) {
            PreferenceFit::Fits
        } else if fit >= self.config.plan.partly_fitting_threshold {
            PreferenceFit::PartlyFits
        } else {
            PreferenceFit::DoesNotFit
        }
    }

    pub fn is_fitting(&self, fit: f64) -> bool {
        fit >= self.config.plan.fitting_threshold
    }
}
