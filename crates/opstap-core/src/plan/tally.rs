//! A person's near misses counted per step set, with the days they close: what a step
//! plan reads, without a record per vacancy.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::config::PlanConfig;
use crate::date::Date;
use crate::matching::{NearMiss, rank_order};
use crate::step::StepSet;

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
    /// The clock for `today` and the plan settings' assumed closing and flow window.
    pub(super) fn new(today: Date, plan: &PlanConfig) -> NearMissClock {
        let today = today.days();
        NearMissClock {
            today,
            assumed_closes_in: ((plan.assumed_open_weeks * 7.0).round() as i32)
                .clamp(0, i32::from(MAX_CLOSING_DAYS)) as u16,
            window_start: today - (plan.flow_window_weeks * 7.0).round() as i32,
        }
    }

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
pub(super) type Example = (f64, Arc<str>, u16);

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
    pub(super) fitting: usize,
    pub(super) total: usize,
    pub(super) beyond_horizon: bool,
    /// The best-ranked fitting ones, best first.
    pub(super) examples: Vec<Example>,
    /// Days until each fitting near miss closes, by its `valid_through`.
    pub(super) fitting_closes: Vec<u16>,
    /// Days until each fitting near miss without `valid_through` is assumed to close.
    pub(super) fitting_assumed_closes: Vec<u16>,
    /// Days until each other near miss closes (dated or assumed).
    pub(super) other_closes: Vec<u16>,
    /// Fitting near misses posted within the flow window.
    pub(super) fitting_recent: usize,
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
    pub fn offer_example(&mut self, score: f64, id: &str, closes_in: u16, wanted: usize) {
        if outranked(&self.examples, score, id, closes_in) >= wanted {
            return;
        }
        // The kept ones are in rank order, and each is outranked by fewer than `wanted`
        // of them. The new one changes that count only for those it outranks and
        // outlasts: only they are counted again (against all, the new one included).
        let at = self.examples.partition_point(|e| rank_order(e.0, &e.1, score, id).is_lt());
        self.examples.insert(at, (score, Arc::from(id), closes_in));
        // From the last: whether one goes depends only on those before it.
        for j in (at + 1..self.examples.len()).rev() {
            let (s, i, c) = &self.examples[j];
            if *c <= closes_in && outranked(&self.examples[..j], *s, i, *c) >= wanted {
                self.examples.remove(j);
            }
        }
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
pub(super) struct OpenOn(Vec<u32>);

impl OpenOn {
    pub(super) fn new(closes: &[u16]) -> OpenOn {
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
    pub(super) fn on(&self, day: u32) -> usize {
        self.0.get(day as usize).map_or(0, |&n| n as usize)
    }
}

/// A group readied for planning: its open counts by day.
pub(super) struct Planned<'a> {
    pub(super) set: &'a StepSet,
    pub(super) group: &'a StepSetGroup,
    pub(super) fitting: OpenOn,
    pub(super) fitting_assumed: OpenOn,
    pub(super) other: OpenOn,
}

/// A person's near misses counted per step set: all a step plan needs, without a
/// record per vacancy.
#[derive(Debug, Clone, PartialEq)]
pub struct NearMissTally {
    pub(super) groups: BTreeMap<StepSet, StepSetGroup>,
    pub(super) examples_wanted: usize,
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
