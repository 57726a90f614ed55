//! `summary.json`: counts, the self-development levels in the top-k against what people
//! asked for, who has no fitting vacancy, and the cohort step plan — which single step
//! unlocks the most fitting vacancies for the most people.

use std::collections::BTreeMap;

use opstap_core::outreach::{OutreachMatch, TwvOutreachTally};
use opstap_core::taxonomy::CostRange;
use opstap_core::{Date, Matcher, SelfDevelopment, StepForm, StepKind, StepPlan};
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
    /// Single steps, by how many people they open fitting vacancies for that are still
    /// open when the step is done.
    pub cohort_plan: Vec<CohortStep>,
    /// Employers to call first: by how many people have fitting matches at them that
    /// wait only on the employer's unknown TWV stance (one call answers it for all of
    /// them; record the answer with RecordEmployerAnswer).
    pub twv_outreach: Vec<TwvOutreach>,
    /// Per unknown fact about people: how many people have fitting matches waiting on it.
    pub intake_questions: Counts,
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
    /// `CERTIFICATE | LANGUAGE | DRIVING_LICENCE | DIPLOMA_EVALUATION | REGISTRATION`.
    pub kind: StepKind,
    /// `COURSE | EXAM | EMPLOYER_APPLICATION | RECOGNITION | VOLUNTEERING`.
    pub form: StepForm,
    /// The certificate code, `lang:level`, licence category or `IDW`.
    pub target: String,
    /// People for whom this step alone (with its prerequisites) opens fitting vacancies
    /// still open when they would be done.
    pub people: usize,
    /// Of them, people for whom it lies beyond their horizon (the long route).
    pub people_long_route: usize,
    /// Fitting vacancies still open at each person's finish, summed over those people.
    pub fitting_unlocked: usize,
    /// Fitting vacancies open today that close before the finish, summed (not counted
    /// above).
    pub fitting_closing_before_finish: usize,
    /// New fitting vacancies like these per month, summed over those people.
    pub fitting_per_month: f64,
    /// Mean effort for those people, in weeks.
    pub mean_effort_weeks: f64,
    /// What it costs for all of them together, in euros (the taxonomy's range, with
    /// prerequisites), and who usually pays.
    pub total_cost_eur: CostRange,
    pub who_pays_nl: String,
    pub who_pays_en: String,
}

pub use opstap_core::outreach::TwvOutreach;

/// How many TWV outreach entries the summary lists.
const TWV_OUTREACH_LEN: usize = 50;

#[derive(Debug, Clone, Default)]
struct StepTally {
    kind: Option<(StepKind, StepForm)>,
    people: usize,
    long_route: usize,
    fitting: usize,
    closing: usize,
    per_month: f64,
    effort: f64,
    cost: (f64, f64),
    who_pays: (&'static str, &'static str),
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
    steps: BTreeMap<String, StepTally>,
    /// Employer id → (people, fitting matches, vacancy ids).
    outreach: TwvOutreachTally,
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
                twv_outreach: vec![],
                intake_questions: Counts::new(),
                changes: diffing.then(ChangeCounts::default),
            },
            steps: BTreeMap::new(),
            outreach: TwvOutreachTally::default(),
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
        // The TWV stance still unknown: per employer, the people and fitting matches.
        self.outreach.add(line.matches.iter().map(|m| OutreachMatch {
            employer_id: m.employer_id.as_deref(),
            vacancy_id: &m.vacancy_id,
            fitting: self.matcher.is_fitting(m.fit),
            twv_unknown: m.questions.contains(&opstap_core::RequirementKind::WorkAuthorization),
        }));
        for q in &line.intake_questions {
            *s.intake_questions.entry(q.requirement.as_str().to_owned()).or_default() += 1;
        }
        if fitting == 0 {
            s.no_fitting_vacancy.participant_ids.push(line.participant_id.clone());
        }
        // A step with its prerequisites is still one step to fund: the last one listed.
        for option in plan.options.iter().chain(&plan.long_route).filter(|o| o.unlocks_fitting > 0)
        {
            let Some(step) = option.steps.last() else { continue };
            let single = option.steps.iter().all(|s| {
                std::ptr::eq(s, step)
                    || step.prerequisites.iter().flatten().any(|code| *code == s.target)
            });
            if !single {
                continue;
            }
            let e = self.steps.entry(step.target.clone()).or_default();
            e.kind = Some((step.kind, step.form));
            e.people += 1;
            e.long_route += usize::from(option.beyond_horizon_weeks > 0.0);
            e.fitting += option.unlocks_fitting;
            e.closing += option.closing_before_finish;
            e.per_month += option.fitting_per_month;
            e.effort += option.effort_weeks;
            e.cost.0 += option.cost_eur.min;
            e.cost.1 += option.cost_eur.max;
            let terms = self.matcher.step_terms(step.step);
            e.who_pays = (&terms.who_pays_nl, &terms.who_pays_en);
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
            .filter_map(|(target, t)| {
                let (kind, form) = t.kind?;
                Some(CohortStep {
                    kind,
                    form,
                    target,
                    people: t.people,
                    people_long_route: t.long_route,
                    fitting_unlocked: t.fitting,
                    fitting_closing_before_finish: t.closing,
                    fitting_per_month: (t.per_month * 10.0).round() / 10.0,
                    mean_effort_weeks: (t.effort / t.people as f64 * 10.0).round() / 10.0,
                    total_cost_eur: CostRange { min: t.cost.0.round(), max: t.cost.1.round() },
                    who_pays_nl: t.who_pays.0.to_owned(),
                    who_pays_en: t.who_pays.1.to_owned(),
                })
            })
            .collect();
        steps.sort_by(|a, b| {
            (b.people, b.fitting_unlocked)
                .cmp(&(a.people, a.fitting_unlocked))
                .then(a.target.cmp(&b.target))
        });
        steps.truncate(COHORT_PLAN_LEN);
        s.cohort_plan = steps;
        s.twv_outreach = self.outreach.finish(TWV_OUTREACH_LEN);
        if let Some(c) = &mut s.changes {
            c.participants_gone = IdList {
                count: gone.len(),
                participant_ids: gone.into_iter().map(str::to_owned).collect(),
            };
        }
        self.summary
    }
}
