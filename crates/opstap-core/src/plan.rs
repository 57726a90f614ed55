//! Step plans: which single step — or pair of steps — unlocks the most fitting
//! vacancies per week of effort (the report's first recommendation; docs/domain.md §9).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use serde::Serialize;

use crate::compiled::CompiledParticipant;
use crate::explain::StepInfo;
use crate::matching::{Matcher, NearMiss, rank_order};
use crate::reason::{Reason, ReasonCode};
use crate::step::{Step, StepSet};

/// One option of a step plan: a step or a pair of steps, and what it unlocks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepOption {
    pub steps: Vec<StepInfo>,
    pub effort_weeks: f64,
    /// Fitting near-miss vacancies that become eligible once these steps are taken.
    pub unlocks_fitting: usize,
    /// All near-miss vacancies it unlocks, fitting or not.
    pub unlocks_total: usize,
    pub fitting_per_week: f64,
    /// The best-scoring vacancies it unlocks.
    pub examples: Vec<String>,
    pub reason: Reason,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepPlan {
    pub participant_id: String,
    pub horizon_weeks: f64,
    /// Near-miss vacancies considered (only bridgeable gaps, within the horizon).
    pub near_misses: usize,
    pub fitting_near_misses: usize,
    pub options: Vec<StepOption>,
    pub reasons: Vec<Reason>,
}

/// Near misses that share one step set.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StepSetGroup {
    fitting: usize,
    total: usize,
    /// The best-ranked fitting ones, as `(score, id)`, best first.
    examples: Vec<(f64, Arc<str>)>,
}

impl StepSetGroup {
    /// Counts one near miss.
    pub fn count(&mut self, fitting: bool) {
        self.total += 1;
        self.fitting += usize::from(fitting);
    }

    /// Keeps a fitting near miss as an example when it ranks among the best `wanted`.
    pub fn offer_example(&mut self, score: f64, id: &Arc<str>, wanted: usize) {
        if self.examples.len() == wanted
            && self.examples.last().is_none_or(|(s, i)| rank_order(score, id, *s, i).is_ge())
        {
            return;
        }
        let at = self.examples.partition_point(|(s, i)| rank_order(*s, i, score, id).is_lt());
        self.examples.insert(at, (score, id.clone()));
        self.examples.truncate(wanted);
    }

    /// The score a fitting near miss must reach to become an example, once `wanted` are
    /// kept (`None` before): one whose score bound is lower need not be scored.
    pub fn example_threshold(&self, wanted: usize) -> Option<f64> {
        (self.examples.len() >= wanted).then(|| self.examples.last().map_or(f64::INFINITY, |e| e.0))
    }

    fn merge(&mut self, other: StepSetGroup, wanted: usize) {
        self.fitting += other.fitting;
        self.total += other.total;
        for (score, id) in &other.examples {
            self.offer_example(*score, id, wanted);
        }
    }
}

/// A person's near misses counted per step set: all a step plan needs, without a
/// record per vacancy.
#[derive(Debug, Clone, PartialEq)]
pub struct NearMissTally {
    groups: BTreeMap<StepSet, StepSetGroup>,
    examples_wanted: usize,
}

impl NearMissTally {
    /// Keeps `examples_wanted` best fitting near misses per step set.
    pub fn new(examples_wanted: usize) -> NearMissTally {
        NearMissTally { groups: BTreeMap::new(), examples_wanted }
    }

    pub fn examples_wanted(&self) -> usize {
        self.examples_wanted
    }

    /// Counts one near miss.
    pub fn add(&mut self, n: &NearMiss) {
        let group = self.groups.entry(StepSet::new(&n.steps, &n.alternatives)).or_default();
        group.count(n.fitting);
        if n.fitting {
            group.offer_example(n.score, &n.vacancy_id, self.examples_wanted);
        }
    }

    /// Adds near misses already counted together (none: nothing changes).
    pub fn add_group(&mut self, set: StepSet, group: StepSetGroup) {
        if group.total == 0 {
            return;
        }
        let wanted = self.examples_wanted;
        self.groups.entry(set).or_default().merge(group, wanted);
    }

    pub fn merge(&mut self, other: NearMissTally) {
        for (set, group) in other.groups {
            self.add_group(set, group);
        }
    }

    /// Near misses counted.
    pub fn len(&self) -> usize {
        self.groups.values().map(|g| g.total).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Fitting near misses counted.
    pub fn fitting(&self) -> usize {
        self.groups.values().map(|g| g.fitting).sum()
    }
}

/// Effort below this counts as this much when dividing, so a one-hour course that
/// unlocks one vacancy does not outrank a course that unlocks forty.
const MIN_EFFORT_WEEKS: f64 = 0.2;

/// A pair must unlock at least this many (and a quarter) more than its best single step.
const PAIR_MIN_GAIN: usize = 2;

impl Matcher {
    /// A tally of `near_misses`, for [`Self::plan_steps`].
    pub fn tally(&self, near_misses: &[NearMiss]) -> NearMissTally {
        let mut tally = NearMissTally::new(self.config().plan.examples_per_option);
        for n in near_misses {
            tally.add(n);
        }
        tally
    }

    /// Builds the step plan from the person's near misses (from the reference ranker or
    /// the index: the same near misses give the same plan).
    pub fn plan_steps(&self, p: &CompiledParticipant, near_misses: &NearMissTally) -> StepPlan {
        let examples_wanted = near_misses.examples_wanted;
        let groups = &near_misses.groups;
        let candidates: BTreeSet<Step> = groups
            .iter()
            .filter(|(_, g)| g.fitting > 0)
            .flat_map(|(set, _)| {
                set.steps()
                    .iter()
                    .copied()
                    .chain(set.alternatives().iter().map(|(_, other)| *other))
            })
            .collect();

        let candidates: Vec<Step> = candidates.into_iter().collect();

        // (fitting, total, best fitting examples) unlocked by taking `chosen`.
        let unlocked = |chosen: &[Step]| -> (usize, usize, Vec<(f64, Arc<str>)>) {
            let mut fitting = 0;
            let mut total = 0;
            let mut examples: Vec<(f64, Arc<str>)> = Vec::new();
            for (set, g) in groups {
                let (steps, alts) = (set.steps(), set.alternatives());
                let covered = |gap: Step| chosen.iter().any(|s| self.step_covers(*s, gap));
                let closed = |gap: &Step| {
                    covered(*gap) || alts.iter().any(|(step, other)| step == gap && covered(*other))
                };
                if steps.iter().all(closed) {
                    fitting += g.fitting;
                    total += g.total;
                    examples.extend(g.examples.iter().cloned());
                }
            }
            examples.sort_by(|a, b| rank_order(a.0, &a.1, b.0, &b.1));
            examples.truncate(examples_wanted);
            (fitting, total, examples)
        };

        let mut options: Vec<StepOption> = Vec::new();
        let mut push =
            |chosen: Vec<Step>,
             (fitting, total, examples): (usize, usize, Vec<(f64, Arc<str>)>)| {
                if fitting == 0 {
                    return;
                }
                let steps: Vec<StepInfo> = chosen.iter().map(|s| self.step_info(p, *s)).collect();
                let effort: f64 = steps.iter().map(|s| s.effort_weeks).sum();
                let label = steps.iter().map(|s| s.target.as_str()).collect::<Vec<_>>().join(" + ");
                options.push(StepOption {
                    effort_weeks: effort,
                    unlocks_fitting: fitting,
                    unlocks_total: total,
                    fitting_per_week: fitting as f64 / effort.max(MIN_EFFORT_WEEKS),
                    examples: examples.into_iter().map(|(_, id)| id.to_string()).collect(),
                    reason: Reason::new(ReasonCode::PlanOption)
                        .with("steps", label)
                        .with("count", fitting)
                        .with("weeks", format!("{:.1}", effort)),
                    steps,
                });
            };

        let mut single_counts = Vec::with_capacity(candidates.len());
        for &s in &candidates {
            let u = unlocked(&[s]);
            single_counts.push(u.0);
            push(vec![s], u);
        }
        // Pairs, only where together they unlock more than either alone.
        for i in 0..candidates.len() {
            for j in i + 1..candidates.len() {
                let pair = [candidates[i], candidates[j]];
                if p.horizon_weeks < self.step_effort(p, pair[0]) + self.step_effort(p, pair[1]) {
                    continue;
                }
                let u = unlocked(&pair);
                let fitting = u.0;
                // A pair is worth listing only when the second step adds a real gain, not
                // one vacancy on top of a step that does the work alone.
                let best_single = single_counts[i].max(single_counts[j]);
                if fitting >= best_single + PAIR_MIN_GAIN.max(best_single.div_ceil(4)) {
                    push(pair.to_vec(), u);
                }
            }
        }
        options.sort_by(|a, b| {
            b.fitting_per_week
                .total_cmp(&a.fitting_per_week)
                .then(b.unlocks_fitting.cmp(&a.unlocks_fitting))
                .then_with(|| a.reason.params["steps"].cmp(&b.reason.params["steps"]))
        });
        // The list is by efficiency, but always names the option that unlocks the most
        // fitting vacancies: "which step unlocks the most fitting jobs".
        let most = (0..options.len()).max_by(|&a, &b| {
            options[a]
                .unlocks_fitting
                .cmp(&options[b].unlocks_fitting)
                .then(options[b].effort_weeks.total_cmp(&options[a].effort_weeks))
        });
        let max = self.config().plan.max_options;
        if let Some(most) = most
            && most >= max
        {
            options.swap(max - 1, most);
        }
        options.truncate(max);

        let fitting_near = near_misses.fitting();
        let mut reasons = Vec::new();
        if options.is_empty() {
            reasons
                .push(Reason::new(ReasonCode::PlanNothingToUnlock).with("weeks", p.horizon_weeks));
        }
        StepPlan {
            participant_id: p.id.clone(),
            horizon_weeks: p.horizon_weeks,
            near_misses: near_misses.len(),
            fitting_near_misses: fitting_near,
            options,
            reasons,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Participant, Vacancy};
    use crate::validate::parse_json;
    use crate::{MatchConfig, Matcher, Taxonomy};

    #[test]
    fn a_step_that_closes_another_alternative_is_credited() {
        let m = Matcher::new(
            MatchConfig::default(),
            Taxonomy::embedded(),
            "2026-11-27".parse().unwrap(),
        );
        let p: Participant = parse_json(
            r#"{"id":"p-1","languages":[{"lang":"nl","level":"A2"},{"lang":"en","level":"A2"}],
                "self_development":"MINIMAL","horizon_weeks":20}"#,
        )
        .unwrap();
        let either: Vacancy = parse_json(
            r#"{"id":"v-x","title":"x","requirements":{"languages":[{"any_of":[{"lang":"nl","level":"B1"},{"lang":"en","level":"B1"}]}]}}"#,
        )
        .unwrap();
        let dutch: Vacancy =
            parse_json(r#"{"id":"v-y","title":"y","requirements":{"languages":[{"any_of":[{"lang":"nl","level":"B1"}]}]}}"#)
                .unwrap();
        let cp = m.compile_participant(&p);
        let vacancies = [m.compile_vacancy(&either), m.compile_vacancy(&dutch)];
        let near = m.near_misses_reference(&cp, &vacancies, &[0.0, 0.0]);
        assert_eq!(near.len(), 2);
        let plan = m.plan_steps(&cp, &m.tally(&near));
        let unlocks = |target: &str| {
            plan.options
                .iter()
                .find(|o| o.steps.len() == 1 && o.steps[0].target == target)
                .map(|o| o.unlocks_fitting)
        };
        // Dutch B1 closes both: the any_of vacancy through its Dutch alternative.
        assert_eq!(unlocks("nl:B1"), Some(2), "{plan:?}");
        assert_eq!(unlocks("en:B1"), Some(1), "{plan:?}");
    }
}
