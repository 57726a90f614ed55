//! Step plans: which single step — or pair of steps — unlocks the most fitting
//! vacancies per week of effort (the report's first recommendation; docs/domain.md §9).

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

use serde::Serialize;

mod tally;

use tally::{Example, OpenOn, Planned};
pub use tally::{NearMissClock, NearMissDates, NearMissTally, StepSetGroup};

use crate::compiled::CompiledParticipant;
use crate::date::Date;
use crate::explain::StepInfo;
use crate::matching::{Matcher, NearMiss, rank_order};
use crate::reason::{Reason, ReasonCode};
use crate::step::{Step, StepSet};
use crate::taxonomy::CostRange;

/// One option of a step plan: a step or a few steps, taken one after another, and what
/// they open when they are done.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepOption {
    /// The steps, prerequisites first.
    pub steps: Vec<StepInfo>,
    pub effort_weeks: f64,
    /// The day the steps are expected to be done: today plus their effort.
    pub finish: Date,
    /// Fitting near misses these steps unlock that are still open on `finish`.
    pub unlocks_fitting: usize,
    /// All near misses they unlock that are still open on `finish`.
    pub unlocks_total: usize,
    /// Fitting near misses they unlock that are open today but close before `finish`:
    /// not counted above.
    pub closing_before_finish: usize,
    /// Of `unlocks_fitting`, those counted on an assumed closing day (no `valid_through`;
    /// config `plan.assumed_open_weeks`).
    pub assumed_open: usize,
    /// Fitting vacancies like these (the same steps open them) posted per month over the
    /// last `plan.flow_window_weeks`: what to expect after `finish`.
    pub fitting_per_month: f64,
    /// The value — `unlocks_fitting` plus `plan.search_months` of the flow — per week of
    /// effort: the order of the options.
    pub fitting_per_week: f64,
    /// The cost of the steps together, in euros (the taxonomy's ranges, added).
    pub cost_eur: CostRange,
    /// How far the effort lies beyond the person's horizon (0 within it).
    pub beyond_horizon_weeks: f64,
    /// The best-scoring fitting vacancies it unlocks that are still open on `finish`.
    pub examples: Vec<String>,
    pub reason: Reason,
    /// What else the numbers rest on: vacancies closing before the finish.
    pub details: Vec<Reason>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepPlan {
    pub participant_id: String,
    pub horizon_weeks: f64,
    /// Near-miss vacancies within the horizon (only bridgeable gaps), open today.
    pub near_misses: usize,
    pub fitting_near_misses: usize,
    /// Vacancies with only bridgeable gaps that take longer than the horizon.
    pub beyond_horizon: usize,
    pub fitting_beyond_horizon: usize,
    /// Options within the horizon, best value per week first.
    pub options: Vec<StepOption>,
    /// The long route: options that take longer than the horizon.
    pub long_route: Vec<StepOption>,
    /// The plan's assumptions, and "nothing to unlock" when there is no option at all.
    pub reasons: Vec<Reason>,
}

/// Effort below this counts as this much when dividing, so a one-hour course that
/// unlocks one vacancy does not outrank a course that unlocks forty.
const MIN_EFFORT_WEEKS: f64 = 0.2;

/// A pair must unlock at least this many (and a quarter) more than its best single step.
const PAIR_MIN_GAIN: usize = 2;

/// Days in a month, on average (for the flow per month).
const DAYS_PER_MONTH: f64 = 365.25 / 12.0;

/// The day offset at which steps of `effort_weeks` are done.
fn finish_day(effort_weeks: f64) -> u32 {
    (effort_weeks * 7.0).ceil().clamp(0.0, f64::from(u32::MAX)) as u32
}

impl Matcher {
    /// A tally of `near_misses`, for [`Self::plan_steps`].
    pub fn tally(&self, near_misses: &[NearMiss]) -> NearMissTally {
        let mut tally = NearMissTally::new(self.config().plan.examples_per_option);
        for n in near_misses {
            tally.add(n, self.near_miss_dates(n.valid_through, n.posted));
        }
        tally
    }

    /// When a near miss closes and whether it counts in the flow ([`NearMissClock`]).
    pub fn near_miss_dates(
        &self,
        valid_through: Option<Date>,
        posted: Option<Date>,
    ) -> NearMissDates {
        self.near_miss_clock().dates(valid_through, posted)
    }

    /// The day and the config a near miss's dates are read against.
    pub fn near_miss_clock(&self) -> NearMissClock {
        NearMissClock::new(self.today(), &self.config().plan)
    }

    /// Builds the step plan from the person's near misses (from the reference ranker or
    /// the index: the same near misses give the same plan).
    pub fn plan_steps<'t>(
        &self,
        p: &CompiledParticipant,
        near_misses: &'t NearMissTally,
    ) -> StepPlan {
        let cfg = &self.config().plan;
        let planned: Vec<Planned<'_>> = near_misses
            .groups
            .iter()
            .map(|(set, group)| Planned {
                set,
                group,
                fitting: OpenOn::new(&group.fitting_closes),
                fitting_assumed: OpenOn::new(&group.fitting_assumed_closes),
                other: OpenOn::new(&group.other_closes),
            })
            .collect();
        let candidates: BTreeSet<Step> = planned
            .iter()
            .filter(|g| g.group.fitting > 0)
            .flat_map(|g| {
                g.set
                    .steps()
                    .iter()
                    .copied()
                    .chain(g.set.alternatives().iter().map(|(_, other)| *other))
            })
            .collect();
        let candidates: Vec<Step> = candidates.into_iter().collect();

        // Which gaps of each set a step closes, and so whether a choice closes a set.
        let gaps = GapsClosed::new(self, &planned);
        // Fitting near misses a choice unlocks, open today or not: per group, a mask of
        // the gaps each candidate closes, so a pair is two ORs per group.
        let fitting_groups: Vec<usize> =
            (0..planned.len()).filter(|&g| planned[g].group.fitting > 0).collect();
        let candidate_masks: Vec<Rc<[u32]>> = candidates.iter().map(|&c| gaps.of(c)).collect();
        let structural = |i: usize, j: usize| -> usize {
            let (a, b) = (&candidate_masks[i], &candidate_masks[j]);
            fitting_groups
                .iter()
                .filter(|&&g| a[g] | b[g] == gaps.full[g])
                .map(|&g| planned[g].group.fitting)
                .sum()
        };

        // Each set of steps once (a step and its prerequisites can be reached from
        // several candidates).
        let infos = StepInfos { matcher: self, p, known: RefCell::new(Vec::new()) };
        let consider = |chosen: Vec<Step>, route: bool, listed: &mut Vec<Draft<'t>>| {
            let chosen = self.with_prerequisites(p, chosen);
            let mut key = chosen.clone();
            key.sort();
            if listed.iter().any(|o| o.key == key) {
                return;
            }
            // A route is listed for its fitting near misses even when they all close
            // before the finish; another option only when it opens something.
            let draft = self.draft(p, chosen, key, &planned, &gaps, &infos);
            if let Some(o) = draft.filter(|o| route || o.value != 0.0) {
                listed.push(o);
            }
        };
        let mut all: Vec<Draft<'t>> = Vec::new();

        let mut single_counts = Vec::with_capacity(candidates.len());
        for (i, &s) in candidates.iter().enumerate() {
            single_counts.push(structural(i, i));
            consider(vec![s], false, &mut all);
        }
        // Pairs, only where together they unlock more than either alone.
        for i in 0..candidates.len() {
            for j in i + 1..candidates.len() {
                let pair = [candidates[i], candidates[j]];
                let best_single = single_counts[i].max(single_counts[j]);
                if structural(i, j) >= best_single + PAIR_MIN_GAIN.max(best_single.div_ceil(4)) {
                    consider(pair.to_vec(), false, &mut all);
                }
            }
        }

        let (mut options, mut long_route): (Vec<Draft<'t>>, Vec<Draft<'t>>) =
            all.into_iter().partition(|o| o.beyond_horizon_weeks == 0.0);
        rank_options(&mut options, cfg.max_options);
        rank_options(&mut long_route, cfg.max_options);

        // Fitting near misses that no listed option opens need several steps: the plan
        // names those steps too ("what would they take?").
        let mut routes = Vec::new();
        for &g in &fitting_groups {
            let listed = (options.iter().chain(&long_route).chain(&routes))
                .any(|o| gaps.closes(&o.chosen, g));
            if !listed && routes.len() < cfg.max_options {
                consider(planned[g].set.steps().to_vec(), true, &mut routes);
            }
        }
        for route in routes {
            if route.beyond_horizon_weeks == 0.0 {
                options.push(route);
            } else {
                long_route.push(route);
            }
        }
        options.sort_by(by_value_per_week);
        long_route.sort_by(by_value_per_week);
        // The words, for the options listed only.
        let worded = |drafts: Vec<Draft<'t>>| -> Vec<StepOption> {
            drafts.into_iter().map(|d| d.worded(p, near_misses.examples_wanted, &infos)).collect()
        };
        let (options, long_route) = (worded(options), worded(long_route));

        let mut reasons = Vec::new();
        let counted = options.iter().chain(&long_route);
        if counted.clone().any(|o| o.assumed_open > 0) {
            reasons.push(
                Reason::new(ReasonCode::PlanAssumedOpen)
                    .with("weeks", cfg.assumed_open_weeks)
                    .with("key", "plan.assumed_open_weeks"),
            );
        }
        if counted.clone().next().is_some() {
            reasons.push(
                Reason::new(ReasonCode::PlanFlowWindow)
                    .with("weeks", cfg.flow_window_weeks)
                    .with("months", cfg.search_months),
            );
        } else {
            reasons
                .push(Reason::new(ReasonCode::PlanNothingToUnlock).with("weeks", p.horizon_weeks));
        }
        StepPlan {
            participant_id: p.id.clone(),
            horizon_weeks: p.horizon_weeks,
            near_misses: near_misses.len(),
            fitting_near_misses: near_misses.fitting(),
            beyond_horizon: near_misses.beyond_horizon(),
            fitting_beyond_horizon: near_misses.fitting_beyond_horizon(),
            options,
            long_route,
            reasons,
        }
    }

    /// `chosen` with the prerequisites the person lacks, each before the step that needs
    /// it (a B licence before the taxi diploma).
    pub fn with_prerequisites(&self, p: &CompiledParticipant, mut chosen: Vec<Step>) -> Vec<Step> {
        let mut i = 0;
        while i < chosen.len() {
            for need in self.missing_prerequisites(p, chosen[i], chosen.iter().copied()) {
                chosen.push(need);
            }
            i += 1;
        }
        // Depth: a step comes after every chosen step that gives one of its prerequisites.
        let depth = |s: Step| -> usize {
            let mut depth = 0;
            let mut frontier = vec![s];
            while !frontier.is_empty() && depth <= chosen.len() {
                let next: Vec<Step> = chosen
                    .iter()
                    .copied()
                    .filter(|c| {
                        frontier.iter().any(|f| {
                            let Step::Certificate(bit) = *f else { return false };
                            self.taxonomy()
                                .prerequisites(bit)
                                .iter()
                                .flatten()
                                .any(|need| self.step_covers(*c, *need))
                        })
                    })
                    .collect();
                if next.is_empty() {
                    break;
                }
                depth += 1;
                frontier = next;
            }
            depth
        };
        let mut keyed: Vec<(usize, Step)> = chosen.iter().map(|&s| (depth(s), s)).collect();
        keyed.sort_by_key(|&(d, _)| d);
        keyed.into_iter().map(|(_, s)| s).collect()
    }

    /// One option's numbers: what `chosen` (prerequisites included; `key`: the same,
    /// sorted) opens by the day it is done. `None` when it unlocks no fitting near miss.
    fn draft<'a>(
        &self,
        p: &CompiledParticipant,
        chosen: Vec<Step>,
        key: Vec<Step>,
        planned: &[Planned<'a>],
        gaps: &GapsClosed<'_>,
        infos: &StepInfos<'_>,
    ) -> Option<Draft<'a>> {
        let cfg = &self.config().plan;
        let effort: f64 = chosen.iter().map(|s| infos.with(*s, |i| i.effort_weeks)).sum();
        let day = finish_day(effort);
        let (mut fitting_today, mut open, mut assumed, mut total, mut recent) = (0, 0, 0, 0, 0);
        let mut examples: Vec<&'a Example> = Vec::new();
        let closed = gaps.of_choice(&chosen);
        let closes = |g: usize| closed[g] == gaps.full[g];
        for g in (0..planned.len()).filter(|&g| closes(g)).map(|g| &planned[g]) {
            fitting_today += g.group.fitting;
            let dated = g.fitting.on(day);
            let assumed_here = g.fitting_assumed.on(day);
            open += dated + assumed_here;
            assumed += assumed_here;
            total += dated + assumed_here + g.other.on(day);
            recent += g.group.fitting_recent;
            examples.extend(g.group.examples.iter().filter(|e| u32::from(e.2) >= day));
        }
        if fitting_today == 0 {
            return None;
        }
        let per_month = recent as f64 * DAYS_PER_MONTH / (cfg.flow_window_weeks * 7.0);
        let value = open as f64 + per_month * cfg.search_months;
        let cost = chosen.iter().fold(CostRange { min: 0.0, max: 0.0 }, |c, s| {
            infos.with(*s, |s| CostRange {
                min: c.min + s.cost_eur.min,
                max: c.max + s.cost_eur.max,
            })
        });
        let targets: Vec<String> =
            chosen.iter().map(|s| infos.with(*s, |i| i.target.clone())).collect();
        Some(Draft {
            label: targets.join(" + "),
            chosen,
            key,
            effort_weeks: effort,
            finish: self.today().add_days(day as i32),
            unlocks_fitting: open,
            unlocks_total: total,
            closing_before_finish: fitting_today - open,
            assumed_open: assumed,
            fitting_per_month: per_month,
            value,
            fitting_per_week: value / effort.max(MIN_EFFORT_WEEKS),
            cost_eur: cost,
            beyond_horizon_weeks: (effort - p.horizon_weeks).max(0.0),
            examples,
        })
    }
}

/// For each step set of a plan (in the order of its groups), which of its gaps a step
/// closes: one bit per gap, worked out once per step the plan weighs. A choice closes a
/// gap when one of its steps does, so a choice's bits are its steps' bits OR-ed.
struct GapsClosed<'p> {
    matcher: &'p Matcher,
    sets: Vec<&'p StepSet>,
    /// By set: every gap's bit.
    full: Vec<u32>,
    known: RefCell<Vec<(Step, Rc<[u32]>)>>,
}

impl<'p> GapsClosed<'p> {
    fn new(matcher: &'p Matcher, planned: &[Planned<'p>]) -> GapsClosed<'p> {
        let sets: Vec<&StepSet> = planned.iter().map(|g| g.set).collect();
        // A set has at most eight gaps (`Matcher::classify_qualifications`).
        debug_assert!(sets.iter().all(|s| s.steps().len() <= 32));
        let full = sets.iter().map(|s| ((1u64 << s.steps().len()) - 1) as u32).collect();
        GapsClosed { matcher, sets, full, known: RefCell::new(Vec::new()) }
    }

    /// By set: the gaps `step` closes. A gap is closed by a step that covers it, or
    /// covers one of the gap's alternatives.
    fn of(&self, step: Step) -> Rc<[u32]> {
        if let Some((_, bits)) = self.known.borrow().iter().find(|(s, _)| *s == step) {
            return bits.clone();
        }
        let m = self.matcher;
        let bits: Rc<[u32]> = (self.sets.iter())
            .map(|set| {
                set.steps().iter().enumerate().fold(0, |bits, (k, &gap)| {
                    let closes = m.step_covers(step, gap)
                        || (set.alternatives().iter())
                            .any(|&(of, other)| of == gap && m.step_covers(step, other));
                    bits | (u32::from(closes) << k)
                })
            })
            .collect();
        self.known.borrow_mut().push((step, bits.clone()));
        bits
    }

    /// By set: the gaps the steps close together.
    fn of_choice(&self, chosen: &[Step]) -> Vec<u32> {
        let mut bits = vec![0; self.sets.len()];
        for &step in chosen {
            for (b, s) in bits.iter_mut().zip(self.of(step).iter()) {
                *b |= s;
            }
        }
        bits
    }

    /// Taking `chosen` closes every gap of the set at `set`.
    fn closes(&self, chosen: &[Step], set: usize) -> bool {
        let bits = chosen.iter().fold(0, |bits, &step| bits | self.of(step)[set]);
        bits == self.full[set]
    }
}

/// Each distinct step's [`StepInfo`], worked out once per plan: the dozens of options it
/// weighs share a few dozen steps.
struct StepInfos<'m> {
    matcher: &'m Matcher,
    p: &'m CompiledParticipant,
    known: RefCell<Vec<StepInfo>>,
}

impl StepInfos<'_> {
    /// `f` of the step's info.
    fn with<R>(&self, step: Step, f: impl FnOnce(&StepInfo) -> R) -> R {
        let found = self.known.borrow().iter().position(|i| i.step == step);
        let at = found.unwrap_or_else(|| {
            let info = self.matcher.step_info(self.p, step);
            let mut known = self.known.borrow_mut();
            known.push(info);
            known.len() - 1
        });
        f(&self.known.borrow()[at])
    }
}

/// A step option's numbers ([`Matcher::draft`]): what ranking and listing the options
/// reads. Its words and examples are written ([`Draft::worded`]) only for the options
/// a plan lists, a few of the dozens it weighs.
struct Draft<'a> {
    /// The steps, prerequisites first; and the same steps sorted (which options are
    /// the same).
    chosen: Vec<Step>,
    key: Vec<Step>,
    /// The steps' names, joined: the last key of the options' order.
    label: String,
    effort_weeks: f64,
    finish: Date,
    unlocks_fitting: usize,
    unlocks_total: usize,
    closing_before_finish: usize,
    assumed_open: usize,
    fitting_per_month: f64,
    /// The fitting near misses open on the finish plus `plan.search_months` of their
    /// flow; and that per week of effort.
    value: f64,
    fitting_per_week: f64,
    cost_eur: CostRange,
    beyond_horizon_weeks: f64,
    /// The fitting near misses' examples it opens, still open on the finish (any order).
    examples: Vec<&'a Example>,
}

impl Draft<'_> {
    /// The option, with its reasons and its best `examples_wanted` examples.
    fn worded(
        mut self,
        p: &CompiledParticipant,
        examples_wanted: usize,
        infos: &StepInfos<'_>,
    ) -> StepOption {
        let (effort, finish, open) = (self.effort_weeks, self.finish, self.unlocks_fitting);
        let (per_month, beyond, cost) =
            (self.fitting_per_month, self.beyond_horizon_weeks, self.cost_eur);
        self.examples.sort_by(|a, b| rank_order(a.0, &a.1, b.0, &b.1));
        self.examples.truncate(examples_wanted);
        let code =
            if beyond > 0.0 { ReasonCode::PlanLongRouteOption } else { ReasonCode::PlanOption };
        let reason = Reason::new(code)
            .with("steps", self.label)
            .with("count", open)
            .with("weeks", format!("{effort:.1}"))
            .with("finish", finish)
            .with("flow", format!("{per_month:.1}"))
            .with("horizon", p.horizon_weeks)
            .with("beyond", format!("{beyond:.1}"))
            .with("cost_min", cost.min.round())
            .with("cost_max", cost.max.round());
        let closing = self.closing_before_finish;
        let mut details = Vec::new();
        if closing > 0 {
            details.push(
                Reason::new(ReasonCode::PlanClosingBeforeFinish)
                    .with("count", closing)
                    .with("finish", finish),
            );
        }
        StepOption {
            effort_weeks: effort,
            finish,
            unlocks_fitting: open,
            unlocks_total: self.unlocks_total,
            closing_before_finish: closing,
            assumed_open: self.assumed_open,
            fitting_per_month: per_month,
            fitting_per_week: self.fitting_per_week,
            cost_eur: cost,
            beyond_horizon_weeks: beyond,
            examples: self.examples.into_iter().map(|e| e.1.to_string()).collect(),
            reason,
            details,
            steps: self.chosen.iter().map(|s| infos.with(*s, StepInfo::clone)).collect(),
        }
    }
}

/// Orders options by value per week of effort and keeps `max`, always naming the option
/// of the highest value ("which step unlocks the most fitting jobs").
fn rank_options(options: &mut Vec<Draft<'_>>, max: usize) {
    let value = |o: &Draft<'_>| o.fitting_per_week * o.effort_weeks.max(MIN_EFFORT_WEEKS);
    options.sort_by(by_value_per_week);
    let most = (0..options.len()).max_by(|&a, &b| {
        value(&options[a])
            .total_cmp(&value(&options[b]))
            .then(options[b].effort_weeks.total_cmp(&options[a].effort_weeks))
    });
    if let Some(most) = most
        && most >= max
    {
        options.swap(max - 1, most);
    }
    options.truncate(max);
}

/// Best value per week of effort first; then more fitting vacancies open; then by name.
fn by_value_per_week(a: &Draft<'_>, b: &Draft<'_>) -> std::cmp::Ordering {
    b.fitting_per_week
        .total_cmp(&a.fitting_per_week)
        .then(b.unlocks_fitting.cmp(&a.unlocks_fitting))
        .then_with(|| a.label.cmp(&b.label))
}

#[cfg(test)]
mod tests;
