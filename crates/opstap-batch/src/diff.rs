//! What changed for one participant since the previous run.

use std::collections::{BTreeMap, HashMap};

use opstap_core::{Date, RequirementKind};

use crate::record::{
    ChangeLine, ChangedMatch, DropReason, DroppedMatch, MatchLine, NewMatch, NewReason,
};

/// Scores closer than this are the same score (they are computed, not stored, and
/// serialized with full precision: this only absorbs float noise).
const SCORE_EPSILON: f64 = 1e-9;

/// Where a previously matched vacancy stands today, for this person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VacancyNow {
    Removed,
    Closed,
    /// Not eligible: the requirements that block or need a step.
    NotEligible(Vec<RequirementKind>),
    Eligible,
}

/// The changes between the previous and the current matches of one participant.
/// `previous_day` is the day the previous run matched on; `now` tells where a dropped
/// vacancy stands today.
pub fn diff(
    current: &MatchLine,
    previous: Option<&MatchLine>,
    previous_day: Option<Date>,
    now: impl Fn(&str) -> VacancyNow,
) -> ChangeLine {
    let Some(previous) = previous else {
        return ChangeLine {
            participant_id: current.participant_id.clone(),
            first_run: true,
            qualification_changed: false,
            new: current
                .matches
                .iter()
                .map(|m| NewMatch {
                    vacancy_id: m.vacancy_id.clone(),
                    rank: m.rank,
                    score: m.score,
                    reason: NewReason::EnteredTopK,
                })
                .collect(),
            dropped: vec![],
            changed: vec![],
        };
    };
    let qualification_changed = previous.qualification != current.qualification;
    let before: HashMap<&str, &crate::record::CompactMatch> =
        previous.matches.iter().map(|m| (m.vacancy_id.as_str(), m)).collect();
    let after: HashMap<&str, &crate::record::CompactMatch> =
        current.matches.iter().map(|m| (m.vacancy_id.as_str(), m)).collect();

    let mut new = Vec::new();
    let mut changed = Vec::new();
    for m in &current.matches {
        match before.get(m.vacancy_id.as_str()) {
            None => {
                let posted_since = matches!((m.posted, previous_day), (Some(p), Some(d)) if p > d);
                let reason = if posted_since {
                    NewReason::NewVacancy
                } else if qualification_changed {
                    NewReason::QualificationChanged
                } else {
                    NewReason::EnteredTopK
                };
                new.push(NewMatch {
                    vacancy_id: m.vacancy_id.clone(),
                    rank: m.rank,
                    score: m.score,
                    reason,
                });
            }
            Some(p) => {
                let moved = (p.score - m.score).abs() > SCORE_EPSILON;
                if moved || p.rank != m.rank {
                    let components: BTreeMap<String, [f64; 2]> = m
                        .components
                        .iter()
                        .filter_map(|(name, &after)| {
                            let before = p.components.get(name).copied().unwrap_or(0.0);
                            ((before - after).abs() > SCORE_EPSILON)
                                .then(|| (name.clone(), [before, after]))
                        })
                        .collect();
                    changed.push(ChangedMatch {
                        vacancy_id: m.vacancy_id.clone(),
                        previous_rank: p.rank,
                        rank: m.rank,
                        previous_score: p.score,
                        score: m.score,
                        components,
                    });
                }
            }
        }
    }
    let dropped = previous
        .matches
        .iter()
        .filter(|p| !after.contains_key(p.vacancy_id.as_str()))
        .map(|p| {
            let (reason, requirements) = match now(&p.vacancy_id) {
                VacancyNow::Removed => (DropReason::VacancyRemoved, vec![]),
                VacancyNow::Closed => (DropReason::VacancyClosed, vec![]),
                VacancyNow::NotEligible(r) => (DropReason::NoLongerEligible, r),
                VacancyNow::Eligible => (DropReason::LeftTopK, vec![]),
            };
            DroppedMatch {
                vacancy_id: p.vacancy_id.clone(),
                previous_rank: p.rank,
                previous_score: p.score,
                reason,
                requirements,
            }
        })
        .collect();
    ChangeLine {
        participant_id: current.participant_id.clone(),
        first_run: false,
        qualification_changed,
        new,
        dropped,
        changed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::CompactMatch;
    use opstap_core::SelfDevelopment;

    fn m(id: &str, rank: usize, score: f64, posted: &str) -> CompactMatch {
        CompactMatch {
            rank,
            vacancy_id: id.into(),
            title: id.into(),
            employer_id: None,
            score,
            self_development: SelfDevelopment::Some,
            fit: 1.0,
            components: [("TWV".to_owned(), score / 2.0), ("RELEVANCE".to_owned(), score / 2.0)]
                .into(),
            questions: vec![],
            reasons: vec![],
            posted: Some(posted.parse().unwrap()),
        }
    }

    fn line(qualification: &str, matches: Vec<CompactMatch>) -> MatchLine {
        MatchLine {
            participant_id: "p-1".into(),
            qualification: qualification.into(),
            preference: SelfDevelopment::Some,
            eligible: matches.len(),
            matches,
            person_questions: vec![],
            intake_questions: vec![],
        }
    }

    #[test]
    fn new_dropped_and_changed_with_reasons() {
        let day = |s: &str| -> Date { s.parse().unwrap() };
        let before = line(
            "q1",
            vec![
                m("v-a", 1, 0.9, "2026-10-01"),
                m("v-b", 2, 0.8, "2026-10-01"),
                m("v-c", 3, 0.7, "2026-10-01"),
                m("v-d", 4, 0.6, "2026-10-01"),
                m("v-e", 5, 0.5, "2026-10-01"),
            ],
        );
        let after = line(
            "q1",
            vec![
                m("v-new", 1, 0.95, "2026-11-20"),
                m("v-a", 2, 0.9, "2026-10-01"),
                m("v-b", 3, 0.85, "2026-10-01"),
                m("v-old", 4, 0.55, "2026-09-01"),
            ],
        );
        let now = |id: &str| match id {
            "v-c" => VacancyNow::Removed,
            "v-d" => VacancyNow::Closed,
            "v-e" => VacancyNow::NotEligible(vec![RequirementKind::WorkAuthorization]),
            _ => VacancyNow::Eligible,
        };
        let c = diff(&after, Some(&before), Some(day("2026-11-19")), now);
        assert!(!c.first_run && !c.qualification_changed);
        let new: Vec<(&str, NewReason)> =
            c.new.iter().map(|n| (n.vacancy_id.as_str(), n.reason)).collect();
        assert_eq!(new, [("v-new", NewReason::NewVacancy), ("v-old", NewReason::EnteredTopK)]);
        let dropped: Vec<(&str, DropReason)> =
            c.dropped.iter().map(|d| (d.vacancy_id.as_str(), d.reason)).collect();
        assert_eq!(
            dropped,
            [
                ("v-c", DropReason::VacancyRemoved),
                ("v-d", DropReason::VacancyClosed),
                ("v-e", DropReason::NoLongerEligible)
            ]
        );
        assert_eq!(c.dropped[2].requirements, [RequirementKind::WorkAuthorization]);
        // v-a moved rank only; v-b moved score and rank, in both components.
        assert_eq!(c.changed.len(), 2);
        assert!(c.changed[0].components.is_empty());
        assert_eq!(c.changed[1].vacancy_id, "v-b");
        assert_eq!(c.changed[1].components["TWV"], [0.4, 0.425]);

        // The same matches: nothing changed.
        assert!(diff(&after, Some(&after), None, now).is_empty());
        // New qualifications explain a new match that was not newly posted.
        let requalified = line("q2", after.matches.clone());
        let c = diff(&requalified, Some(&before), Some(day("2026-11-19")), now);
        assert!(c.qualification_changed);
        assert_eq!(c.new[1].reason, NewReason::QualificationChanged);
        // No previous line: all new.
        let c = diff(&after, None, None, now);
        assert!(c.first_run);
        assert_eq!(c.new.len(), 4);
    }
}
