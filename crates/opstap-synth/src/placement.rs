//! A behavioural model of placements, so match quality can be benchmarked against
//! realistic ground truth at any scale (`opstap generate --placements`).
//!
//! For each participant, 300 vacancies are considered: half drawn from their own or
//! desired occupational field (the same ISCO sub-major group), half from everything
//! (people search in their field, and take what comes along). Each gets a weight:
//!
//! - **Applications**: a language requirement the person does not meet cuts the weight
//!   to `LANGUAGE_BLOCKED` (people rarely apply in a language they lack); any other
//!   blocking requirement to `OTHER_BLOCKED`; a bridgeable gap to `BRIDGEABLE`.
//! - **Hiring**: for an asylum seeker who needs a TWV, the employer's stance multiplies
//!   it (experienced ×2, willing ×1.3, unknown ×0.7, unwilling ×0.1).
//! - **Acceptance**: a job whose self-development level fits the person's preference
//!   weighs ×2.5, a partial fit ×1.2.
//! - **Noise**: every weight is multiplied by `exp(0.6·z)`, z standard normal.
//!
//! One vacancy is drawn with probability proportional to its weight. A quarter of the
//! people find nothing (the report: 15 of 20 found a job). The outcome is HIRED (75%) or
//! TRIAL; the caseworker's `fit` judgement is the model's fit, flipped with probability
//! 0.15. The placement date is up to 180 days before `today`.

use opstap_core::compiled::CompiledVacancy;
use opstap_core::matching::PreferenceFit;
use opstap_core::model::{
    Participant, Placement, PlacementFit, PlacementOutcome, TwvStance, WorkAuthorizationStatus,
};
use opstap_core::{Date, Matcher, OutcomeKind, RequirementKind};

use crate::Rng;

const LANGUAGE_BLOCKED: f64 = 0.03;
const OTHER_BLOCKED: f64 = 0.01;
const BRIDGEABLE: f64 = 0.15;
const NOISE: f64 = 0.6;
const FOUND_NOTHING: f64 = 0.25;
const JUDGEMENT_FLIP: f64 = 0.15;
/// Vacancies a person considers.
const CONSIDERED: usize = 300;

/// A standard normal draw (Box–Muller).
fn normal(rng: &mut Rng) -> f64 {
    let u1 = rng.f64().max(1e-12);
    let u2 = rng.f64();
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

/// The weight of one vacancy for one person under the model (before noise).
pub fn placement_weight(m: &Matcher, p: &Participant, v: &CompiledVacancy) -> f64 {
    let cp = m.compile_participant(p);
    let e = m.explain(&cp, v, 0.0, vec![]);
    let failing = |kind: OutcomeKind| e.requirements.iter().filter(move |r| r.outcome == kind);
    let mut w = 1.0;
    if failing(OutcomeKind::Blocking).any(|r| r.requirement == RequirementKind::Language)
        || failing(OutcomeKind::Bridgeable).any(|r| r.requirement == RequirementKind::Language)
    {
        w *= LANGUAGE_BLOCKED;
    } else if failing(OutcomeKind::Blocking).next().is_some() {
        w *= OTHER_BLOCKED;
    } else if failing(OutcomeKind::Bridgeable).next().is_some() {
        w *= BRIDGEABLE;
    }
    let needs_twv = p
        .work_authorization
        .as_ref()
        .is_some_and(|a| a.status == WorkAuthorizationStatus::AsylumTwvRequired);
    if needs_twv {
        w *= match v.circumstances.twv {
            Some(TwvStance::Experienced) => 2.0,
            Some(TwvStance::Willing) => 1.3,
            Some(TwvStance::Unwilling) => 0.1,
            Some(TwvStance::Unknown) | None => 0.7,
        };
    }
    let fit = e.self_development.fit;
    w *= match m.preference_fit(fit) {
        PreferenceFit::Fits => 2.5,
        PreferenceFit::PartlyFits => 1.2,
        PreferenceFit::DoesNotFit => 1.0,
    };
    w
}

/// Placements for `participants` among `vacancies`, deterministic for a seed.
pub fn simulate_placements(
    m: &Matcher,
    participants: &[Participant],
    vacancies: &[CompiledVacancy],
    seed: u64,
    today: Date,
) -> Vec<Placement> {
    let mut out = Vec::new();
    if vacancies.is_empty() {
        return out;
    }
    // Vacancies by ISCO sub-major group (the first two digits).
    let mut by_field: std::collections::HashMap<&str, Vec<usize>> = Default::default();
    for (j, v) in vacancies.iter().enumerate() {
        if let Some(isco) = &v.circumstances.isco {
            by_field.entry(isco.as_str().get(..2).unwrap_or("")).or_default().push(j);
        }
    }
    for (i, p) in participants.iter().enumerate() {
        let mut rng = Rng::new(seed ^ (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
        if rng.chance(FOUND_NOTHING) {
            continue;
        }
        let cp = m.compile_participant(p);
        let own: Vec<usize> = cp
            .fields
            .iter()
            .filter_map(|f| by_field.get(f.as_str().get(..2).unwrap_or("")))
            .flatten()
            .copied()
            .collect();
        let n = CONSIDERED.min(vacancies.len());
        let mut candidates: Vec<(usize, f64)> = (0..n)
            .map(|c| {
                let j = if c % 2 == 0 && !own.is_empty() {
                    own[rng.below(own.len())]
                } else {
                    rng.below(vacancies.len())
                };
                let w = placement_weight(m, p, &vacancies[j]) * (NOISE * normal(&mut rng)).exp();
                (j, w)
            })
            .collect();
        candidates.sort_by_key(|(j, _)| *j);
        candidates.dedup_by_key(|(j, _)| *j);
        let total: f64 = candidates.iter().map(|(_, w)| w).sum();
        let mut x = rng.f64() * total;
        let chosen = candidates
            .iter()
            .find(|(_, w)| {
                x -= w;
                x <= 0.0
            })
            .or(candidates.last())
            .map(|(j, _)| &vacancies[*j])
            .expect("candidates is not empty");
        let fits = m.is_fitting(m.self_development(&cp, chosen, 0.0).fit);
        let judged = if rng.chance(JUDGEMENT_FLIP) { !fits } else { fits };
        out.push(Placement {
            participant_id: p.id.clone(),
            vacancy_id: chosen.id.to_string(),
            date: today.add_days(-(rng.below(181) as i32)),
            outcome: if rng.chance(0.75) {
                PlacementOutcome::Hired
            } else {
                PlacementOutcome::Trial
            },
            fit: Some(if judged { PlacementFit::Fit } else { PlacementFit::Misfit }),
            // The model does not simulate leaving: its hires count as retained.
            left: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use opstap_core::{MatchConfig, Taxonomy};

    use crate::Generator;

    #[test]
    fn deterministic_and_shaped_by_the_model() {
        let today = Date::from_ymd(2026, 11, 27).unwrap();
        let m = Matcher::new(MatchConfig::default(), Taxonomy::embedded(), today);
        let g = Generator::new();
        let vacancies: Vec<CompiledVacancy> =
            (0..600).map(|i| m.compile_vacancy(&g.vacancy(5, i, today))).collect();
        let people: Vec<Participant> = (0..400).map(|i| g.participant(6, i, today)).collect();
        let a = simulate_placements(&m, &people, &vacancies, 9, today);
        assert_eq!(a, simulate_placements(&m, &people, &vacancies, 9, today));
        assert_ne!(a, simulate_placements(&m, &people, &vacancies, 10, today));
        // About three in four find something.
        assert!((250..=350).contains(&a.len()), "{}", a.len());
        // Placements mostly land where the language requirement is met.
        let by_id: std::collections::HashMap<&str, &CompiledVacancy> =
            vacancies.iter().map(|v| (&*v.id, v)).collect();
        let language_ok = a
            .iter()
            .filter(|pl| {
                let p = people.iter().find(|p| p.id == pl.participant_id).unwrap();
                let cp = m.compile_participant(p);
                let e = m.explain(&cp, by_id[pl.vacancy_id.as_str()], 0.0, vec![]);
                !e.requirements.iter().any(|r| {
                    r.requirement == RequirementKind::Language
                        && matches!(r.outcome, OutcomeKind::Blocking | OutcomeKind::Bridgeable)
                })
            })
            .count();
        assert!(language_ok * 10 >= a.len() * 8, "{language_ok} of {}", a.len());
    }
}
