//! Step plans: which single step — or pair of steps — unlocks the most fitting
//! vacancies per week of effort (the report's first recommendation; docs/domain.md §9).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use serde::Serialize;

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

/// Days from today a closing day is counted in; later ones count as this day (a plan
/// longer than ten years counts none of them).
const MAX_CLOSING_DAYS: u16 = 3653;

/// When a near miss closes and whether it counts in the flow: from its dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NearMissDates {
    /// Days from today to its last open day (0: it closes today).
    pub closes_in: u16,
    /// Without `valid_through`: the closing day is assumed (`plan.assumed_open_weeks`
    /// from today).
    pub assumed: bool,
    /// Posted within the flow window (`plan.flow_window_weeks`).
    pub recent: bool,
}

/// Reads a near miss's dates: its `valid_through`, or without one
/// `plan.assumed_open_weeks` after today (it is listed today; how long it stays open is not
/// known); and whether it was posted within `plan.flow_window_weeks` before today.
#[derive(Debug, Clone, Copy)]
pub struct NearMissClock {
    today: i32,
    assumed_closes_in: u16,
    /// Posted after this day (and not after today): within the flow window.
    window_start: i32,
}

impl NearMissClock {
    #[inline]
    pub fn dates(&self, valid_through: Option<Date>, posted: Option<Date>) -> NearMissDates {
        let (closes_in, assumed) = match valid_through {
            Some(through) => {
                ((through.days() - self.today).clamp(0, i32::from(MAX_CLOSING_DAYS)) as u16, false)
            }
            None => (self.assumed_closes_in, true),
        };
        let recent = posted.is_some_and(|d| d.days() <= self.today && d.days() > self.window_start);
        NearMissDates { closes_in, assumed, recent }
    }
}

/// A fitting near miss kept as an example: score, id, days until it closes.
type Example = (f64, Arc<str>, u16);

/// How many of `examples` rank before `(score, id)` and stay open at least as long.
fn outranked(examples: &[Example], score: f64, id: &str, closes_in: u16) -> usize {
    examples
        .iter()
        .filter(|(s, i, c)| *c >= closes_in && rank_order(*s, i, score, id).is_lt())
        .count()
}

/// Near misses that share one step set.
#[derive(Debug, Clone, Default)]
pub struct StepSetGroup {
    fitting: usize,
    total: usize,
    beyond_horizon: bool,
    /// The best-ranked fitting ones, best first.
    examples: Vec<Example>,
    /// Days until each fitting near miss closes, by its `valid_through`.
    fitting_closes: Vec<u16>,
    /// Days until each fitting near miss without `valid_through` is assumed to close.
    fitting_assumed_closes: Vec<u16>,
    /// Days until each other near miss closes (dated or assumed).
    other_closes: Vec<u16>,
    /// Fitting near misses posted within the flow window.
    fitting_recent: usize,
}

/// Equal when they count the same near misses (in any order).
impl PartialEq for StepSetGroup {
    fn eq(&self, other: &StepSetGroup) -> bool {
        let sorted = |v: &[u16]| {
            let mut v = v.to_vec();
            v.sort_unstable();
            v
        };
        self.fitting == other.fitting
            && self.total == other.total
            && self.beyond_horizon == other.beyond_horizon
            && self.examples == other.examples
            && self.fitting_recent == other.fitting_recent
            && sorted(&self.fitting_closes) == sorted(&other.fitting_closes)
            && sorted(&self.fitting_assumed_closes) == sorted(&other.fitting_assumed_closes)
            && sorted(&self.other_closes) == sorted(&other.other_closes)
    }
}

impl StepSetGroup {
    /// A group of near misses within the horizon or beyond it.
    pub fn new(beyond_horizon: bool) -> StepSetGroup {
        StepSetGroup { beyond_horizon, ..StepSetGroup::default() }
    }

    /// Counts one near miss.
    pub fn count(&mut self, fitting: bool, dates: NearMissDates) {
        self.total += 1;
        if fitting {
            self.fitting += 1;
            self.fitting_recent += usize::from(dates.recent);
            if dates.assumed {
                self.fitting_assumed_closes.push(dates.closes_in);
            } else {
                self.fitting_closes.push(dates.closes_in);
            }
        } else {
            self.other_closes.push(dates.closes_in);
        }
    }

    /// Keeps a fitting near miss as an example unless `wanted` kept ones rank before it
    /// and stay open at least as long: then no option can name it, whatever day its
    /// steps finish. The kept set is the same in whatever order near misses come.
    pub fn offer_example(&mut self, score: f64, id: &Arc<str>, closes_in: u16, wanted: usize) {
        if outranked(&self.examples, score, id, closes_in) >= wanted {
            return;
        }
        self.examples.push((score, id.clone(), closes_in));
        let all = self.examples.clone();
        self.examples.retain(|(s, i, c)| outranked(&all, *s, i, *c) < wanted);
        self.examples.sort_by(|a, b| rank_order(a.0, &a.1, b.0, &b.1));
    }

    /// The score a fitting near miss that closes in `closes_in` days must reach to be
    /// kept as an example (`None`: any is): the `wanted`-th best of those kept that stay
    /// open at least as long. One whose score bound is lower need not be scored.
    pub fn example_threshold(&self, closes_in: u16, wanted: usize) -> Option<f64> {
        let Some(nth) = wanted.checked_sub(1) else { return Some(f64::INFINITY) };
        self.examples.iter().filter(|e| e.2 >= closes_in).map(|e| e.0).nth(nth)
    }

    fn merge(&mut self, other: StepSetGroup, wanted: usize) {
        self.fitting += other.fitting;
        self.total += other.total;
        self.beyond_horizon |= other.beyond_horizon;
        self.fitting_recent += other.fitting_recent;
        self.fitting_closes.extend(other.fitting_closes);
        self.fitting_assumed_closes.extend(other.fitting_assumed_closes);
        self.other_closes.extend(other.other_closes);
        for (score, id, closes) in &other.examples {
            self.offer_example(*score, id, *closes, wanted);
        }
    }
}

/// How many of a group's near misses are still open on a day: counts by closing day,
/// summed from the last day down.
struct OpenOn(Vec<u32>);

impl OpenOn {
    fn new(closes: &[u16]) -> OpenOn {
        let last = closes.iter().copied().max().map_or(0, usize::from);
        let mut open = vec![0u32; last + 2];
        for &c in closes {
            open[usize::from(c)] += 1;
        }
        for d in (0..=last).rev() {
            open[d] += open[d + 1];
        }
        OpenOn(open)
    }

    /// Near misses whose last open day is `day` or later.
    fn on(&self, day: u32) -> usize {
        self.0.get(day as usize).map_or(0, |&n| n as usize)
    }
}

/// A group readied for planning: its open counts by day.
struct Planned<'a> {
    set: &'a StepSet,
    group: &'a StepSetGroup,
    fitting: OpenOn,
    fitting_assumed: OpenOn,
    other: OpenOn,
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

    /// Counts one near miss (its dates as [`Matcher::near_miss_dates`] gives them).
    pub fn add(&mut self, n: &NearMiss, dates: NearMissDates) {
        let group = self
            .groups
            .entry(StepSet::new(&n.steps, &n.alternatives))
            .or_insert_with(|| StepSetGroup::new(n.beyond_horizon));
        group.count(n.fitting, dates);
        if n.fitting {
            group.offer_example(n.score, &n.vacancy_id, dates.closes_in, self.examples_wanted);
        }
    }

    /// Adds near misses already counted together (none: nothing changes).
    pub fn add_group(&mut self, set: StepSet, group: StepSetGroup) {
        if group.total == 0 {
            return;
        }
        let wanted = self.examples_wanted;
        match self.groups.entry(set) {
            std::collections::btree_map::Entry::Vacant(e) => {
                e.insert(group);
            }
            std::collections::btree_map::Entry::Occupied(mut e) => e.get_mut().merge(group, wanted),
        }
    }

    pub fn merge(&mut self, other: NearMissTally) {
        for (set, group) in other.groups {
            self.add_group(set, group);
        }
    }

    fn count(&self, beyond: bool, of: impl Fn(&StepSetGroup) -> usize) -> usize {
        self.groups.values().filter(|g| g.beyond_horizon == beyond).map(of).sum()
    }

    /// Near misses within the horizon.
    pub fn len(&self) -> usize {
        self.count(false, |g| g.total)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Fitting near misses within the horizon.
    pub fn fitting(&self) -> usize {
        self.count(false, |g| g.fitting)
    }

    /// Near misses beyond the horizon (the long route).
    pub fn beyond_horizon(&self) -> usize {
        self.count(true, |g| g.total)
    }

    pub fn fitting_beyond_horizon(&self) -> usize {
        self.count(true, |g| g.fitting)
    }
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
        let plan = &self.config().plan;
        let today = self.today().days();
        NearMissClock {
            today,
            assumed_closes_in: ((plan.assumed_open_weeks * 7.0).round() as i32)
                .clamp(0, i32::from(MAX_CLOSING_DAYS)) as u16,
            window_start: today - (plan.flow_window_weeks * 7.0).round() as i32,
        }
    }

    /// Builds the step plan from the person's near misses (from the reference ranker or
    /// the index: the same near misses give the same plan).
    pub fn plan_steps(&self, p: &CompiledParticipant, near_misses: &NearMissTally) -> StepPlan {
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

        // Whether taking `chosen` closes every gap of a step set.
        let closes = |chosen: &[Step], set: &StepSet| {
            let covered = |gap: Step| chosen.iter().any(|s| self.step_covers(*s, gap));
            set.steps().iter().all(|gap| {
                covered(*gap)
                    || set.alternatives().iter().any(|(step, other)| step == gap && covered(*other))
            })
        };
        // Fitting near misses a choice unlocks, open today or not: per group, a mask of
        // the gaps each candidate closes, so a pair is two ORs per group.
        let fitting_groups: Vec<&Planned<'_>> =
            planned.iter().filter(|g| g.group.fitting > 0).collect();
        let gap_masks: Vec<(u32, Vec<u32>)> = fitting_groups
            .iter()
            .map(|g| {
                let gaps = g.set.steps();
                let masks = candidates
                    .iter()
                    .map(|&c| {
                        gaps.iter().enumerate().fold(0u32, |mask, (k, gap)| {
                            let closed = closes(&[c], &StepSet::single(*gap, g.set));
                            mask | (u32::from(closed) << k)
                        })
                    })
                    .collect();
                ((1u32 << gaps.len()) - 1, masks)
            })
            .collect();
        let structural = |i: usize, j: usize| -> usize {
            fitting_groups
                .iter()
                .zip(&gap_masks)
                .filter(|(_, (full, masks))| masks[i] | masks[j] == *full)
                .map(|(g, _)| g.group.fitting)
                .sum()
        };

        // Each set of steps once (a step and its prerequisites can be reached from
        // several candidates).
        let consider = |chosen: Vec<Step>, route: bool, listed: &mut Vec<StepOption>| {
            let chosen = self.with_prerequisites(p, chosen);
            let mut key = chosen.clone();
            key.sort();
            let same = |o: &StepOption| {
                let mut steps: Vec<Step> = o.steps.iter().map(|s| s.step).collect();
                steps.sort();
                steps == key
            };
            if listed.iter().any(same) {
                return;
            }
            if let Some(o) = self.option(p, &chosen, &planned, &closes, near_misses, route) {
                listed.push(o);
            }
        };
        let mut all: Vec<StepOption> = Vec::new();

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

        let (mut options, mut long_route): (Vec<StepOption>, Vec<StepOption>) =
            all.into_iter().partition(|o| o.beyond_horizon_weeks == 0.0);
        rank_options(&mut options, cfg.max_options);
        rank_options(&mut long_route, cfg.max_options);

        // Fitting near misses that no listed option opens need several steps: the plan
        // names those steps too ("what would they take?").
        let mut routes = Vec::new();
        for g in planned.iter().filter(|g| g.group.fitting > 0) {
            let listed = options.iter().chain(&long_route).chain(&routes).any(|o: &StepOption| {
                closes(&o.steps.iter().map(|s| s.step).collect::<Vec<_>>(), g.set)
            });
            if !listed && routes.len() < cfg.max_options {
                consider(g.set.steps().to_vec(), true, &mut routes);
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
            for need in self.missing_prerequisites(p, chosen[i], &chosen) {
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

    /// One option: what `chosen` (prerequisites included) opens by the day it is done.
    /// `None` when it opens nothing worth listing (a route is listed for its fitting
    /// near misses even when they all close before the finish).
    fn option(
        &self,
        p: &CompiledParticipant,
        chosen: &[Step],
        planned: &[Planned<'_>],
        closes: &dyn Fn(&[Step], &StepSet) -> bool,
        tally: &NearMissTally,
        route: bool,
    ) -> Option<StepOption> {
        let cfg = &self.config().plan;
        let steps: Vec<StepInfo> = chosen.iter().map(|s| self.step_info(p, *s)).collect();
        let effort: f64 = steps.iter().map(|s| s.effort_weeks).sum();
        let day = finish_day(effort);
        let finish = self.today().add_days(day as i32);
        let (mut fitting_today, mut open, mut assumed, mut total, mut recent) = (0, 0, 0, 0, 0);
        let mut examples: Vec<&Example> = Vec::new();
        for g in planned.iter().filter(|g| closes(chosen, g.set)) {
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
        if value == 0.0 && !route {
            return None;
        }
        examples.sort_by(|a, b| rank_order(a.0, &a.1, b.0, &b.1));
        examples.truncate(tally.examples_wanted);
        let cost = steps.iter().fold(CostRange { min: 0.0, max: 0.0 }, |c, s| CostRange {
            min: c.min + s.cost_eur.min,
            max: c.max + s.cost_eur.max,
        });
        let beyond = (effort - p.horizon_weeks).max(0.0);
        let label = steps.iter().map(|s| s.target.as_str()).collect::<Vec<_>>().join(" + ");
        let code =
            if beyond > 0.0 { ReasonCode::PlanLongRouteOption } else { ReasonCode::PlanOption };
        let reason = Reason::new(code)
            .with("steps", label)
            .with("count", open)
            .with("weeks", format!("{effort:.1}"))
            .with("finish", finish)
            .with("flow", format!("{per_month:.1}"))
            .with("horizon", p.horizon_weeks)
            .with("beyond", format!("{beyond:.1}"))
            .with("cost_min", cost.min.round())
            .with("cost_max", cost.max.round());
        let closing = fitting_today - open;
        let mut details = Vec::new();
        if closing > 0 {
            details.push(
                Reason::new(ReasonCode::PlanClosingBeforeFinish)
                    .with("count", closing)
                    .with("finish", finish),
            );
        }
        Some(StepOption {
            effort_weeks: effort,
            finish,
            unlocks_fitting: open,
            unlocks_total: total,
            closing_before_finish: closing,
            assumed_open: assumed,
            fitting_per_month: per_month,
            fitting_per_week: value / effort.max(MIN_EFFORT_WEEKS),
            cost_eur: cost,
            beyond_horizon_weeks: beyond,
            examples: examples.into_iter().map(|e| e.1.to_string()).collect(),
            reason,
            details,
            steps,
        })
    }
}

/// Orders options by value per week of effort and keeps `max`, always naming the option
/// of the highest value ("which step unlocks the most fitting jobs").
fn rank_options(options: &mut Vec<StepOption>, max: usize) {
    let value = |o: &StepOption| o.fitting_per_week * o.effort_weeks.max(MIN_EFFORT_WEEKS);
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
fn by_value_per_week(a: &StepOption, b: &StepOption) -> std::cmp::Ordering {
    b.fitting_per_week
        .total_cmp(&a.fitting_per_week)
        .then(b.unlocks_fitting.cmp(&a.unlocks_fitting))
        .then_with(|| a.reason.params["steps"].cmp(&b.reason.params["steps"]))
}

#[cfg(test)]
mod tests {
    use crate::model::{Participant, Vacancy};
    use crate::validate::parse_json;
    use crate::{MatchConfig, Matcher, StepPlan, Taxonomy};

    fn matcher() -> Matcher {
        Matcher::new(MatchConfig::default(), Taxonomy::embedded(), "2026-11-27".parse().unwrap())
    }

    fn participant(json: &str) -> Participant {
        parse_json(json).unwrap()
    }

    fn vacancy(id: &str, requirements: &str, dates: &str) -> Vacancy {
        parse_json(&format!(r#"{{"id":"{id}","title":"x","requirements":{requirements}{dates}}}"#))
            .unwrap()
    }

    fn plan(m: &Matcher, p: &Participant, vacancies: &[Vacancy]) -> StepPlan {
        let cp = m.compile_participant(p);
        let compiled: Vec<_> = vacancies.iter().map(|v| m.compile_vacancy(v)).collect();
        let near = m.near_misses_reference(&cp, &compiled, &vec![0.0; compiled.len()]);
        m.plan_steps(&cp, &m.tally(&near))
    }

    /// The option of exactly these targets, in either section.
    fn option<'a>(plan: &'a StepPlan, targets: &[&str]) -> Option<&'a crate::StepOption> {
        plan.options
            .iter()
            .chain(&plan.long_route)
            .find(|o| o.steps.iter().map(|s| s.target.as_str()).collect::<Vec<_>>() == targets)
    }

    const OPEN: &str = r#","valid_through":"2027-12-31""#;

    #[test]
    fn a_step_that_closes_another_alternative_is_credited() {
        let m = matcher();
        let p = participant(
            r#"{"id":"p-1","languages":[{"lang":"nl","level":"A2"},{"lang":"en","level":"A2"}],
                "self_development":"MINIMAL","horizon_weeks":20}"#,
        );
        let either = vacancy(
            "v-x",
            r#"{"languages":[{"any_of":[{"lang":"nl","level":"B1"},{"lang":"en","level":"B1"}]}]}"#,
            OPEN,
        );
        let dutch =
            vacancy("v-y", r#"{"languages":[{"any_of":[{"lang":"nl","level":"B1"}]}]}"#, OPEN);
        let plan = plan(&m, &p, &[either, dutch]);
        // Dutch B1 closes both: the any_of vacancy through its Dutch alternative.
        assert_eq!(option(&plan, &["nl:B1"]).map(|o| o.unlocks_fitting), Some(2), "{plan:?}");
        assert_eq!(option(&plan, &["en:B1"]).map(|o| o.unlocks_fitting), Some(1), "{plan:?}");
    }

    /// An example that closes later survives a better one that closes sooner: an option
    /// finishing in between can still name it; the kept set does not depend on order.
    #[test]
    fn examples_are_kept_for_every_finish_day() {
        use std::sync::Arc;
        let offers: [(f64, &str, u16); 4] =
            [(0.9, "v-a", 1), (0.5, "v-b", 100), (0.6, "v-c", 200), (0.4, "v-d", 50)];
        let kept = |order: &[usize]| {
            let mut g = super::StepSetGroup::new(false);
            for &i in order {
                let (score, id, closes) = offers[i];
                g.offer_example(score, &Arc::from(id), closes, 1);
            }
            g.examples.iter().map(|e| e.1.to_string()).collect::<Vec<_>>()
        };
        // v-b is outranked by v-c (better, open longer), v-d by v-c too.
        assert_eq!(kept(&[0, 1, 2, 3]), ["v-a", "v-c"]);
        assert_eq!(kept(&[3, 2, 1, 0]), ["v-a", "v-c"]);
        assert_eq!(kept(&[1, 3, 0, 2]), ["v-a", "v-c"]);
        let mut g = super::StepSetGroup::new(false);
        g.offer_example(0.9, &Arc::from("v-a"), 1, 1);
        assert_eq!(g.example_threshold(1, 1), Some(0.9));
        assert_eq!(g.example_threshold(2, 1), None, "nothing kept stays open that long");
        assert_eq!(g.example_threshold(0, 0), Some(f64::INFINITY));
    }

    /// B-VCA takes 0.4 weeks: done on day 3 (2026-11-30). A vacancy open through that day
    /// counts; one that closes the day before does not, though it is open today.
    #[test]
    fn a_vacancy_closing_before_the_finish_is_not_counted() {
        let m = matcher();
        let p = participant(r#"{"id":"p-1","certificates":[],"self_development":"MINIMAL"}"#);
        let needs = r#"{"certificates":["VCA_BASIS"]}"#;
        let on_the_day = vacancy("v-on", needs, r#","valid_through":"2026-11-30""#);
        let day_before = vacancy("v-before", needs, r#","valid_through":"2026-11-29""#);
        let plan = plan(&m, &p, &[on_the_day, day_before]);
        let o = option(&plan, &["VCA_BASIS"]).expect("the course is an option");
        assert_eq!(o.finish.to_string(), "2026-11-30");
        assert_eq!(o.unlocks_fitting, 1, "{o:?}");
        assert_eq!(o.closing_before_finish, 1);
        assert_eq!(o.examples, ["v-on"]);
        assert_eq!(plan.fitting_near_misses, 2, "both are near misses today");
    }

    /// Without `valid_through`, a vacancy is assumed to stay open `plan.assumed_open_weeks`
    /// from today: a step done by then counts it, a longer one does not. The flow counts
    /// what was posted within its window.
    #[test]
    fn a_vacancy_without_closing_day_counts_on_the_assumed_one() {
        let m = matcher();
        let weeks = m.config().plan.assumed_open_weeks;
        let p = participant(
            r#"{"id":"p-1","certificates":[],"languages":[{"lang":"nl","level":"A2"}],"self_development":"MINIMAL","horizon_weeks":52}"#,
        );
        let window = (m.config().plan.flow_window_weeks * 7.0) as i32;
        let recent = m.today().add_days(1 - window);
        let old = m.today().add_days(-window);
        let short = vacancy(
            "v-short",
            r#"{"certificates":["VCA_BASIS"]}"#,
            &format!(r#","posted":"{recent}""#),
        );
        let long = r#"{"languages":[{"any_of":[{"lang":"nl","level":"B1"}]}]}"#;
        let long_recent = vacancy("v-long", long, &format!(r#","posted":"{recent}""#));
        let long_old = vacancy("v-long-old", long, &format!(r#","posted":"{old}""#));
        let plan = plan(&m, &p, &[short, long_recent, long_old]);
        let o = option(&plan, &["VCA_BASIS"]).unwrap();
        assert_eq!((o.unlocks_fitting, o.assumed_open, o.closing_before_finish), (1, 1, 0));
        let dutch = option(&plan, &["nl:B1"]).unwrap();
        assert!(dutch.effort_weeks > weeks);
        assert_eq!((dutch.unlocks_fitting, dutch.closing_before_finish), (0, 2));
        // One of the two Dutch vacancies was posted within the window.
        let per_month = 365.25 / 12.0 / (m.config().plan.flow_window_weeks * 7.0);
        assert!((dutch.fitting_per_month - per_month).abs() < 1e-9, "{}", dutch.fitting_per_month);
        assert!(plan.reasons.iter().any(|r| r.code == crate::ReasonCode::PlanAssumedOpen));
    }

    /// Horizon 12 weeks, Dutch B1 takes 16: the long route, with the weeks beyond.
    #[test]
    fn a_step_beyond_the_horizon_is_the_long_route() {
        let m = matcher();
        let p = participant(
            r#"{"id":"p-1","languages":[{"lang":"nl","level":"A2"}],"self_development":"MINIMAL","horizon_weeks":12}"#,
        );
        let v = vacancy("v-1", r#"{"languages":[{"any_of":[{"lang":"nl","level":"B1"}]}]}"#, OPEN);
        let plan = plan(&m, &p, &[v]);
        assert!(plan.options.is_empty(), "{plan:?}");
        assert_eq!((plan.near_misses, plan.beyond_horizon, plan.fitting_beyond_horizon), (0, 1, 1));
        let o = option(&plan, &["nl:B1"]).expect("Dutch B1 on the long route");
        assert_eq!(o.beyond_horizon_weeks, 4.0);
        assert_eq!(o.unlocks_fitting, 1);
        assert_eq!(o.reason.code, crate::ReasonCode::PlanLongRouteOption);
        assert!(plan.reasons.iter().all(|r| r.code != crate::ReasonCode::PlanNothingToUnlock));
    }

    /// An expired BHV is not held: renewing it (a one-day refresher) is the step.
    #[test]
    fn an_expired_certificate_is_a_renewal_step() {
        let m = matcher();
        let needs = r#"{"certificates":["BHV"]}"#;
        let v = vacancy("v-1", needs, OPEN);
        let expired = participant(
            r#"{"id":"p-1","certificates":[{"code":"BHV","valid_until":"2026-11-26"}],"self_development":"MINIMAL"}"#,
        );
        let plan = plan(&m, &expired, std::slice::from_ref(&v));
        let o = option(&plan, &["BHV"]).expect("renewing BHV");
        assert!(o.steps[0].renewal);
        let renewal = m.taxonomy().certificate("BHV").unwrap().renewal_weeks.unwrap();
        assert_eq!(o.effort_weeks, renewal);
        assert_eq!(o.steps[0].reason.code, crate::ReasonCode::StepRenewal);
        // Valid through today, or obtained within its year: held.
        for held in [
            r#"[{"code":"BHV","valid_until":"2026-11-27"}]"#,
            r#"[{"code":"BHV","obtained":"2026-01-15"}]"#,
            r#"["BHV"]"#,
        ] {
            let p = participant(&format!(
                r#"{{"id":"p-1","certificates":{held},"self_development":"MINIMAL"}}"#
            ));
            let cp = m.compile_participant(&p);
            assert_eq!(
                m.classify(&cp, &m.compile_vacancy(&v)),
                crate::MatchClass::Eligible,
                "{held}"
            );
        }
        // Obtained more than a year ago: expired.
        let old = participant(
            r#"{"id":"p-1","certificates":[{"code":"BHV","obtained":"2025-11-01"}],"self_development":"MINIMAL"}"#,
        );
        let cp = m.compile_participant(&old);
        assert_eq!(m.classify(&cp, &m.compile_vacancy(&v)), crate::MatchClass::NearMiss);
    }

    /// A taxi driver's card needs a B licence and a VOG: a person without them gets
    /// both before it, their time counted, and the card is never offered alone.
    #[test]
    fn prerequisites_come_first() {
        let m = matcher();
        let p = participant(
            r#"{"id":"p-1","certificates":[],"driving_licences":[],"self_development":"MINIMAL","horizon_weeks":52}"#,
        );
        let v = vacancy("v-1", r#"{"certificates":["TAXI"]}"#, OPEN);
        let plan = plan(&m, &p, &[v]);
        let all: Vec<_> = plan.options.iter().chain(&plan.long_route).collect();
        assert!(!all.is_empty(), "{plan:?}");
        for o in &all {
            let targets: Vec<&str> = o.steps.iter().map(|s| s.target.as_str()).collect();
            let taxi = targets.iter().position(|t| *t == "TAXI").expect("the card");
            for need in ["B", "VOG"] {
                let at = targets.iter().position(|t| *t == need).expect(need);
                assert!(at < taxi, "{targets:?}");
            }
        }
        let t = m.taxonomy();
        let effort = t.certificate("TAXI").unwrap().effort_weeks
            + t.certificate("VOG").unwrap().effort_weeks
            + t.licence(crate::model::DrivingLicence::B).effort_weeks;
        assert_eq!(all[0].effort_weeks, effort);
        assert_eq!(
            all[0].steps.iter().find(|s| s.target == "VOG").unwrap().form,
            crate::StepForm::EmployerApplication
        );
    }

    /// A C licence from 21: a person who turns 21 in 40 weeks cannot be done sooner.
    #[test]
    fn a_minimum_age_delays_the_step() {
        let m = matcher();
        let birth = m.today().add_days(40 * 7).add_months(-21 * 12);
        let p = participant(&format!(
            r#"{{"id":"p-1","driving_licences":[],"self_development":"MINIMAL","horizon_weeks":104,"birth_date":"{birth}"}}"#
        ));
        let v = vacancy("v-1", r#"{"driving_licence":"C"}"#, OPEN);
        let plan = plan(&m, &p, &[v]);
        let o = option(&plan, &["C"]).expect("the C licence");
        assert!(o.effort_weeks >= 40.0 - 1e-9, "{}", o.effort_weeks);
        assert_eq!(o.steps[0].available_from, Some(m.today().add_days(40 * 7)));
        // Without a birth date, the plan says the age is to be checked.
        let p = participant(
            r#"{"id":"p-1","driving_licences":[],"self_development":"MINIMAL","horizon_weeks":104}"#,
        );
        let v = vacancy("v-1", r#"{"driving_licence":"C"}"#, OPEN);
        let plan = super::tests::plan(&m, &p, &[v]);
        let o = option(&plan, &["C"]).unwrap();
        assert!(o.steps[0].details.iter().any(|r| r.code == crate::ReasonCode::StepMinAgeUnknown));
    }

    /// A fitting near miss that needs three steps is named with those steps, even when
    /// no single step or pair opens anything.
    #[test]
    fn fitting_near_misses_that_need_several_steps_are_shown() {
        let m = matcher();
        let p = participant(
            r#"{"id":"p-1","certificates":[],"languages":[{"lang":"nl","level":"A2"}],"self_development":"MINIMAL","horizon_weeks":40}"#,
        );
        let v = vacancy(
            "v-1",
            r#"{"certificates":["VCA_BASIS","BHV"],"languages":[{"any_of":[{"lang":"nl","level":"B1"}]}]}"#,
            OPEN,
        );
        let plan = plan(&m, &p, &[v]);
        let mut targets: Vec<&str> =
            plan.options[0].steps.iter().map(|s| s.target.as_str()).collect();
        targets.sort();
        assert_eq!(targets, ["BHV", "VCA_BASIS", "nl:B1"], "{plan:?}");
        assert_eq!(plan.options[0].unlocks_fitting, 1);
    }
}
