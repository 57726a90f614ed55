//! Step plans: finish days, the long route, prerequisites, age, renewal, examples.
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
    let dutch = vacancy("v-y", r#"{"languages":[{"any_of":[{"lang":"nl","level":"B1"}]}]}"#, OPEN);
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

proptest::proptest! {
    /// The kept examples are, in rank order, exactly those that fewer than `wanted` of
    /// all offered rank before and stay open at least as long — whatever the order
    /// they were offered in (`offer_example` recounts only what a new one outranks).
    #[test]
    fn kept_examples_are_those_fewer_than_wanted_outrank(
        offers in proptest::collection::vec((0u8..6, 0u16..5), 0..40),
        wanted in 0usize..4,
    ) {
        use std::sync::Arc;
        let offers: Vec<(f64, Arc<str>, u16)> = offers
            .iter()
            .enumerate()
            .map(|(i, &(s, c))| (f64::from(s) / 5.0, Arc::from(format!("v-{i:02}")), c))
            .collect();
        let mut g = super::StepSetGroup::new(false);
        for (score, id, closes) in &offers {
            g.offer_example(*score, id, *closes, wanted);
        }
        let mut want: Vec<&(f64, Arc<str>, u16)> = offers
            .iter()
            .filter(|(s, i, c)| {
                let before = offers.iter().filter(|(s2, i2, c2)| {
                    c2 >= c && crate::matching::rank_order(*s2, i2, *s, i).is_lt()
                });
                before.count() < wanted
            })
            .collect();
        want.sort_by(|a, b| crate::matching::rank_order(a.0, &a.1, b.0, &b.1));
        let want: Vec<(f64, Arc<str>, u16)> = want.into_iter().cloned().collect();
        proptest::prop_assert_eq!(&g.examples, &want);
    }
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
        assert_eq!(m.classify(&cp, &m.compile_vacancy(&v)), crate::MatchClass::Eligible, "{held}");
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
    let mut targets: Vec<&str> = plan.options[0].steps.iter().map(|s| s.target.as_str()).collect();
    targets.sort();
    assert_eq!(targets, ["BHV", "VCA_BASIS", "nl:B1"], "{plan:?}");
    assert_eq!(plan.options[0].unlocks_fitting, 1);
}
