//! `summary.json`: counts, the self-development levels in the top-k against what people
//! asked for, who has no fitting vacancy, and the cohort step plan — which single step
//! unlocks the most fitting vacancies for the most people.

use std::collections::BTreeMap;

use opstap_core::{Date, Matcher, SelfDevelopment, StepPlan};
use serde::Serialize;

use crate::record::{ChangeLine, MatchLine, RejectedLine};

/// How many cohort-plan steps the summary lists.
const COHORT_PLAN_LEN: usize = 20;

/// Counts per key, in key order (for deterministic JSON).
pub(crate) type Counts = BTreeMap<String, usize>;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// The day matched on.
    pub today: Date,
    pub top_k: usize,
    /// Live vacancies in the index snapshot.
    pub vacancies: u64,
    pub participants: ParticipantCounts,
    /// Per preference: how many people, the levels of the jobs in their top-k, and the
    /// share of those jobs that fit the preference.
    pub self_development: BTreeMap<String, PreferenceGroup>,
    /// People whose top-k holds no fitting vacancy (or nothing at all).
    pub no_fitting_vacancy: IdList,
    /// Single steps, by how many people they unlock fitting vacancies for.
    pub cohort_plan: Vec<CohortStep>,
    /// Against the previous run (absent without `--previous`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changes: Option<ChangeCounts>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ParticipantCounts {
    /// Non-blank input lines.
    pub lines: usize,
    pub matched: usize,
    /// Lines that failed validation (see rejected.jsonl).
    pub rejected: usize,
    /// Participants whose matching failed (a bug; see rejected.jsonl).
    pub failed: usize,
    /// With at least one eligible vacancy.
    pub with_matches: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PreferenceGroup {
    pub participants: usize,
    /// Levels of the top-k matches: MINIMAL / SOME / STRONG counts.
    pub top_k_levels: Counts,
    /// Share of the top-k matches whose level fits the preference.
    pub fitting_share: f64,
    #[serde(skip)]
    fitting: usize,
    #[serde(skip)]
    total: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct IdList {
    pub count: usize,
    pub participant_ids: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CohortStep {
    /// `CERTIFICATE | LANGUAGE | DRIVING_LICENCE | DIPLOMA_EVALUATION`.
    pub kind: String,
    /// The certificate code, `lang:level`, licence category or `IDW`.
    pub target: String,
    /// People for whom this step alone unlocks fitting vacancies.
    pub people: usize,
    /// Fitting vacancies it unlocks, summed over those people.
    pub fitting_unlocked: usize,
    /// Mean effort for those people, in weeks.
    pub mean_effort_weeks: f64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ChangeCounts {
    pub participants_with_changes: usize,
    pub new: usize,
    pub dropped: usize,
    pub changed: usize,
    /// In the previous run, not in this one.
    pub participants_gone: IdList,
}

pub(crate) struct SummaryBuilder<'m> {
    matcher: &'m Matcher,
    summary: Summary,
    steps: BTreeMap<(String, String), (usize, usize, f64)>,
}

impl<'m> SummaryBuilder<'m> {
    pub(crate) fn new(matcher: &'m Matcher, vacancies: u64, top_k: usize, diffing: bool) -> Self {
        let self_development = SelfDevelopment::ALL
            .iter()
            .map(|s| (s.as_str().to_owned(), PreferenceGroup::default()))
            .collect();
        SummaryBuilder {
            matcher,
            summary: Summary {
                today: matcher.today(),
                top_k,
                vacancies,
                participants: ParticipantCounts::default(),
                self_development,
                no_fitting_vacancy: IdList::default(),
                cohort_plan: vec![],
                changes: diffing.then(ChangeCounts::default),
            },
            steps: BTreeMap::new(),
        }
    }

    pub(crate) fn rejected(&mut self, r: &RejectedLine) {
        match r.kind.as_str() {
            "FAILED" => self.summary.participants.failed += 1,
            _ => self.summary.participants.rejected += 1,
        }
    }

    pub(crate) fn matched(
        &mut self,
        line: &MatchLine,
        plan: &StepPlan,
        change: Option<&ChangeLine>,
    ) {
        let s = &mut self.summary;
        s.participants.matched += 1;
        s.participants.with_matches += usize::from(!line.matches.is_empty());
        let group = s.self_development.entry(line.preference.as_str().to_owned()).or_default();
        group.participants += 1;
        let mut fitting = 0;
        for m in &line.matches {
            *group.top_k_levels.entry(m.self_development.as_str().to_owned()).or_default() += 1;
            fitting += usize::from(self.matcher.is_fitting(m.fit));
        }
        group.fitting += fitting;
        group.total += line.matches.len();
        if fitting == 0 {
            s.no_fitting_vacancy.participant_ids.push(line.participant_id.clone());
        }
        for option in plan.options.iter().filter(|o| o.steps.len() == 1 && o.unlocks_fitting > 0) {
            let step = &option.steps[0];
            let e =
                self.steps.entry((step.kind.as_str().to_owned(), step.target.clone())).or_default();
            e.0 += 1;
            e.1 += option.unlocks_fitting;
            e.2 += step.effort_weeks;
        }
        if let (Some(counts), Some(c)) = (&mut s.changes, change) {
            counts.participants_with_changes += usize::from(!c.is_empty());
            counts.new += c.new.len();
            counts.dropped += c.dropped.len();
            counts.changed += c.changed.len();
        }
    }

    pub(crate) fn finish(mut self, lines: usize, gone: Vec<&str>) -> Summary {
        let s = &mut self.summary;
        s.participants.lines = lines;
        for g in s.self_development.values_mut() {
            for level in SelfDevelopment::ALL {
                g.top_k_levels.entry(level.as_str().to_owned()).or_default();
            }
            g.fitting_share = if g.total == 0 { 0.0 } else { g.fitting as f64 / g.total as f64 };
        }
        s.no_fitting_vacancy.count = s.no_fitting_vacancy.participant_ids.len();
        let mut steps: Vec<CohortStep> = self
            .steps
            .into_iter()
            .map(|((kind, target), (people, fitting_unlocked, effort))| CohortStep {
                kind,
                target,
                people,
                fitting_unlocked,
                mean_effort_weeks: (effort / people as f64 * 10.0).round() / 10.0,
            })
            .collect();
        steps.sort_by(|a, b| {
            (b.people, b.fitting_unlocked)
                .cmp(&(a.people, a.fitting_unlocked))
                .then(a.target.cmp(&b.target))
        });
        steps.truncate(COHORT_PLAN_LEN);
        s.cohort_plan = steps;
        if let Some(c) = &mut s.changes {
            c.participants_gone = IdList {
                count: gone.len(),
                participant_ids: gone.into_iter().map(str::to_owned).collect(),
            };
        }
        self.summary
    }
}
