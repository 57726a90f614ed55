//! `summary.json`: counts, the self-development levels in the top-k against what people
//! asked for, who has no fitting vacancy, and the cohort step plan — which single step
//! unlocks the most fitting vacancies for the most people.

use std::collections::BTreeMap;

use opstap_core::outreach::{OutreachMatch, TwvOutreachTally};
use opstap_core::taxonomy::CostRange;
use opstap_core::{Date, Matcher, RequirementKind, SelfDevelopment, StepForm, StepKind, StepPlan};
use serde::{Deserialize, Serialize};

use crate::record::{ChangeLine, MatchLine};

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
    who_pays: (String, String),
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

/// What the summary reads of one input line, decided where the line was matched (fit
/// and the steps' terms by the matcher): a sharded run writes these, and `merge` feeds
/// them to [`SummaryBuilder`] in input order, so the merged summary is the one an
/// unsharded run writes, float for float (postcard keeps every bit of an `f64`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) enum SummaryItem {
    Matched(Box<MatchedItem>),
    /// A rejected line; `failed`: matching failed (a bug), not validation.
    Rejected {
        failed: bool,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct MatchedItem {
    participant_id: String,
    preference: SelfDevelopment,
    matches: Vec<ItemMatch>,
    intake: Vec<RequirementKind>,
    steps: Vec<ItemStep>,
    /// Against the previous run: changed at all, and the new, dropped, changed counts.
    change: Option<(bool, usize, usize, usize)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct ItemMatch {
    level: SelfDevelopment,
    fitting: bool,
    employer_id: Option<String>,
    vacancy_id: String,
    twv_unknown: bool,
}

/// A plan option that is one step to fund (with its prerequisites): the last step's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct ItemStep {
    target: String,
    kind: StepKind,
    form: StepForm,
    long_route: bool,
    fitting: usize,
    closing: usize,
    per_month: f64,
    effort: f64,
    cost: (f64, f64),
    who_pays: (String, String),
}

impl SummaryItem {
    /// The summary's reading of one matched participant.
    pub(crate) fn matched(
        matcher: &Matcher,
        line: &MatchLine,
        plan: &StepPlan,
        change: Option<&ChangeLine>,
    ) -> SummaryItem {
        let matches = line
            .matches
            .iter()
            .map(|m| ItemMatch {
                level: m.self_development,
                fitting: matcher.is_fitting(m.fit),
                employer_id: m.employer_id.clone(),
                vacancy_id: m.vacancy_id.clone(),
                twv_unknown: m.questions.contains(&RequirementKind::WorkAuthorization),
            })
            .collect();
        // A step with its prerequisites is still one step to fund: the last one listed.
        let mut steps = Vec::new();
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
            let terms = matcher.step_terms(step.step);
            steps.push(ItemStep {
                target: step.target.clone(),
                kind: step.kind,
                form: step.form,
                long_route: option.beyond_horizon_weeks > 0.0,
                fitting: option.unlocks_fitting,
                closing: option.closing_before_finish,
                per_month: option.fitting_per_month,
                effort: option.effort_weeks,
                cost: (option.cost_eur.min, option.cost_eur.max),
                who_pays: (terms.who_pays_nl.clone(), terms.who_pays_en.clone()),
            });
        }
        SummaryItem::Matched(Box::new(MatchedItem {
            participant_id: line.participant_id.clone(),
            preference: line.preference,
            matches,
            intake: line.intake_questions.iter().map(|q| q.requirement).collect(),
            steps,
            change: change.map(|c| (!c.is_empty(), c.new.len(), c.dropped.len(), c.changed.len())),
        }))
    }
}

pub(crate) struct SummaryBuilder {
    summary: Summary,
    steps: BTreeMap<String, StepTally>,
    /// Employer id → (people, fitting matches, vacancy ids).
    outreach: TwvOutreachTally,
}

impl SummaryBuilder {
    pub(crate) fn new(today: Date, vacancies: u64, top_k: usize, diffing: bool) -> Self {
        let self_development = SelfDevelopment::ALL
            .iter()
            .map(|s| (s.as_str().to_owned(), PreferenceGroup::default()))
            .collect();
        SummaryBuilder {
            summary: Summary {
                today,
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

    /// Adds one input line's reading.
    pub(crate) fn add(&mut self, item: &SummaryItem) {
        match item {
            SummaryItem::Rejected { failed: true } => self.summary.participants.failed += 1,
            SummaryItem::Rejected { failed: false } => self.summary.participants.rejected += 1,
            SummaryItem::Matched(m) => self.matched(m),
        }
    }

    fn matched(&mut self, line: &MatchedItem) {
        let s = &mut self.summary;
        s.participants.matched += 1;
        s.participants.with_matches += usize::from(!line.matches.is_empty());
        let group = s.self_development.entry(line.preference.as_str().to_owned()).or_default();
        group.participants += 1;
        let mut fitting = 0;
        for m in &line.matches {
            *group.top_k_levels.entry(m.level.as_str().to_owned()).or_default() += 1;
            fitting += usize::from(m.fitting);
        }
        group.fitting += fitting;
        group.total += line.matches.len();
        // The TWV stance still unknown: per employer, the people and fitting matches.
        self.outreach.add(line.matches.iter().map(|m| OutreachMatch {
            employer_id: m.employer_id.as_deref(),
            vacancy_id: &m.vacancy_id,
            fitting: m.fitting,
            twv_unknown: m.twv_unknown,
        }));
        for q in &line.intake {
            *s.intake_questions.entry(q.as_str().to_owned()).or_default() += 1;
        }
        if fitting == 0 {
            s.no_fitting_vacancy.participant_ids.push(line.participant_id.clone());
        }
        for step in &line.steps {
            let e = self.steps.entry(step.target.clone()).or_default();
            e.kind = Some((step.kind, step.form));
            e.people += 1;
            e.long_route += usize::from(step.long_route);
            e.fitting += step.fitting;
            e.closing += step.closing;
            e.per_month += step.per_month;
            e.effort += step.effort;
            e.cost.0 += step.cost.0;
            e.cost.1 += step.cost.1;
            e.who_pays = step.who_pays.clone();
        }
        if let (Some(counts), Some((changed, new, dropped, changed_matches))) =
            (&mut s.changes, line.change)
        {
            counts.participants_with_changes += usize::from(changed);
            counts.new += new;
            counts.dropped += dropped;
            counts.changed += changed_matches;
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
                    who_pays_nl: t.who_pays.0,
                    who_pays_en: t.who_pays.1,
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
