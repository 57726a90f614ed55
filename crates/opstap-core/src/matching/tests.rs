//! Unit tests of the rules.

use super::*;
use crate::model::{DiplomaEvaluation, Participant, TwvStance, Vacancy, WorkAuthorizationStatus};
use crate::reason::ReasonCode;
use crate::validate::parse_json;

pub(super) fn matcher() -> Matcher {
    Matcher::new(MatchConfig::default(), Taxonomy::embedded(), "2026-11-27".parse().unwrap())
}

pub(super) fn participant(extra: &str) -> Participant {
    let base = r#"{"id":"p-1","languages":[{"lang":"nl","level":"A2"},{"lang":"en","level":"B2"}],
        "certificates":[],"driving_licences":["B"],"education":{"nlqf":6,"evaluation":"NOT_EVALUATED"},
        "experience":[{"title":"elektricien","isco":"7411","years":5}],
        "work_authorization":{"status":"ASYLUM_TWV_REQUIRED"},"self_development":"SOME",
        "location":{"lat":52.07,"lon":4.30,"max_commute_km":20},"horizon_weeks":26"#;
    parse_json(&format!("{base}{extra}}}")).unwrap()
}

fn vacancy(requirements: &str, extra: &str) -> Vacancy {
    parse_json(&format!(
        r#"{{"id":"v-1","title":"Monteur","isco":"7411","employer":{{"twv":"WILLING"}},
        "location":{{"lat":52.08,"lon":4.31}},"requirements":{requirements}{extra}}}"#
    ))
    .unwrap()
}

fn statuses(p: &Participant, v: &Vacancy) -> Vec<(ReasonCode, Status)> {
    let m = matcher();
    let (cp, cv) = (m.compile_participant(p), m.compile_vacancy(v));
    m.checks(&cp, &cv).into_iter().map(|c| (c.reason, c.status)).collect()
}

#[test]
fn language_any_of_and_gaps() {
    let p = participant("");
    let v = vacancy(
        r#"{"languages":[{"any_of":[{"lang":"nl","level":"B1"},{"lang":"en","level":"B1"}]}]}"#,
        "",
    );
    assert!(statuses(&p, &v).contains(&(ReasonCode::LanguageMet, Status::Met)));
    let v = vacancy(r#"{"languages":[{"any_of":[{"lang":"nl","level":"B1"}]}]}"#, "");
    let nl = crate::compiled::lang("nl");
    assert!(statuses(&p, &v).contains(&(
        ReasonCode::LanguageGap,
        Status::Bridgeable { step: Step::Language { lang: nl, rank: 3 }, effort_weeks: 16.0 }
    )));
    let v = vacancy(r#"{"languages":[{"any_of":[{"lang":"de","level":"C1"}]}]}"#, "");
    assert!(statuses(&p, &v).contains(&(ReasonCode::LanguageTooFar, Status::Blocking)));
    let mut unknown = participant("");
    unknown.languages = None;
    assert!(statuses(&unknown, &v).contains(&(ReasonCode::LanguageUnknown, Status::Unknown)));
}

#[test]
fn certificates_held_on_the_job_and_course() {
    let p = participant("");
    let v =
        vacancy(r#"{"certificates":["VCA_BASIS","BHV"],"certificates_on_the_job":["BHV"]}"#, "");
    let s = statuses(&p, &v);
    assert_eq!(s.iter().filter(|(r, _)| *r == ReasonCode::CertificateCourse).count(), 1, "{s:?}");
    let mut with_vca = participant("");
    with_vca.certificates = Some(vec![crate::model::HeldCertificate::code("VCA_BASIS")]);
    assert!(statuses(&with_vca, &v).contains(&(ReasonCode::CertificateHeld, Status::Met)));
}

#[test]
fn twv_stance_and_status() {
    let p = participant("");
    let unknown: Vacancy = parse_json(r#"{"id":"v-2","title":"x"}"#).unwrap();
    assert!(statuses(&p, &unknown).contains(&(ReasonCode::TwvUnknown, Status::Unknown)));
    let mut unwilling = vacancy("{}", "");
    unwilling.employer.as_mut().unwrap().twv = Some(TwvStance::Unwilling);
    assert!(statuses(&p, &unwilling).contains(&(ReasonCode::TwvUnwilling, Status::Blocking)));
    let mut free = participant("");
    free.work_authorization.as_mut().unwrap().status = WorkAuthorizationStatus::Free;
    assert!(statuses(&free, &unwilling).contains(&(ReasonCode::AuthFree, Status::Met)));
}

#[test]
fn licence_hierarchy_education_distance_exclusion() {
    let p = participant("");
    let v = vacancy(r#"{"driving_licence":"AM"}"#, "");
    assert!(statuses(&p, &v).contains(&(ReasonCode::LicenceHeld, Status::Met)));
    let v = vacancy(r#"{"driving_licence":"CE"}"#, "");
    assert!(
        statuses(&p, &v)
            .iter()
            .any(|(r, _)| matches!(r, ReasonCode::LicenceGap | ReasonCode::LicenceTooFar))
    );
    let v = vacancy(r#"{"education":{"nlqf":4,"diploma_required":true}}"#, "");
    assert!(statuses(&p, &v).iter().any(|(r, s)| *r == ReasonCode::EducationEvaluationNeeded
        && matches!(s, Status::Bridgeable { step: Step::DiplomaEvaluation, .. })));
    // A thinking level above the person's own, unevaluated estimate: a question.
    let v = vacancy(r#"{"education":{"nlqf":7,"diploma_required":false}}"#, "");
    assert!(statuses(&p, &v).contains(&(ReasonCode::EducationLevelUnconfirmed, Status::Unknown)));
    // The same with the level recognized: it blocks.
    let mut recognized = p.clone();
    recognized.education.as_mut().unwrap().evaluation = Some(DiplomaEvaluation::Recognized);
    assert!(statuses(&recognized, &v).contains(&(ReasonCode::EducationTooLow, Status::Blocking)));
    // A diploma asked above the person's level blocks, evaluated or not.
    let v = vacancy(r#"{"education":{"nlqf":7,"diploma_required":true}}"#, "");
    assert!(statuses(&p, &v).contains(&(ReasonCode::EducationTooLow, Status::Blocking)));
    let far: Vacancy =
        parse_json(r#"{"id":"v-9","title":"x","location":{"lat":51.92,"lon":4.48}}"#).unwrap();
    assert!(statuses(&p, &far).contains(&(ReasonCode::DistanceTooFar, Status::Blocking)));
    let mut p2 = participant("");
    p2.excluded.sectors = vec!["cleaning".into()];
    let cleaning: Vacancy =
        parse_json(r#"{"id":"v-3","title":"Schoonmaker","sector":"cleaning"}"#).unwrap();
    assert!(statuses(&p2, &cleaning).contains(&(ReasonCode::ExcludedSector, Status::Blocking)));
}

#[test]
fn classes_and_horizon() {
    let m = matcher();
    let p = participant("");
    let cp = m.compile_participant(&p);
    let near = m.compile_vacancy(&vacancy(r#"{"certificates":["VCA_BASIS"]}"#, ""));
    assert_eq!(m.classify(&cp, &near), MatchClass::NearMiss);
    let two = m.compile_vacancy(&vacancy(
        r#"{"certificates":["VCA_BASIS"],"languages":[{"any_of":[{"lang":"nl","level":"B2"}]}]}"#,
        "",
    ));
    // 0.4 + 2 × 16 weeks > 26 weeks of horizon.
    assert_eq!(m.classify(&cp, &two), MatchClass::BeyondHorizon);
    let ok = m.compile_vacancy(&vacancy("{}", ""));
    assert_eq!(m.classify(&cp, &ok), MatchClass::Eligible);
    let closed = m.compile_vacancy(&vacancy("{}", r#","valid_through":"2026-01-01""#));
    assert_eq!(m.classify(&cp, &closed), MatchClass::Blocked);
}

#[test]
fn two_language_gaps_in_one_language_cost_the_larger_step() {
    let m = matcher();
    let mut p = participant("");
    p.horizon_weeks = Some(40.0);
    let cp = m.compile_participant(&p);
    let v = m.compile_vacancy(&vacancy(
        r#"{"languages":[{"any_of":[{"lang":"nl","level":"B1"}]},{"any_of":[{"lang":"nl","level":"B2"}]}]}"#,
        "",
    ));
    // A2 → B2 is two steps (32 weeks), within 40 weeks; not 16 + 32.
    let near = m.near_miss(&cp, &v, 0.0).expect("a near miss");
    assert_eq!(near.steps.len(), 1);
    assert_eq!(near.effort_weeks, 32.0);
}

#[test]
fn missing_experience_years_or_evaluation_is_a_question() {
    let mut p = participant("");
    p.experience.as_mut().unwrap()[0].years = None;
    p.education.as_mut().unwrap().evaluation = None;
    let v = vacancy(r#"{"experience_years":2,"education":{"nlqf":4,"diploma_required":true}}"#, "");
    let s = statuses(&p, &v);
    assert!(s.contains(&(ReasonCode::ExperienceUnknown, Status::Unknown)), "{s:?}");
    assert!(s.contains(&(ReasonCode::EducationEvaluationUnknown, Status::Unknown)), "{s:?}");
    let short = vacancy(r#"{"experience_years":9}"#, "");
    assert!(
        statuses(&participant(""), &short)
            .contains(&(ReasonCode::ExperienceShort, Status::Blocking))
    );
}

#[test]
fn self_development_is_pairwise() {
    let m = matcher();
    let p = m.compile_participant(&participant(""));
    let own_field_growth = m.compile_vacancy(&vacancy("{}", r#","offers":{"training":true}"#));
    assert_eq!(m.self_development(&p, &own_field_growth, 0.0).level, SelfDevelopment::Strong);
    let own_field_no_growth =
        m.compile_vacancy(&vacancy("{}", r#","work":{"language_contact":"HIGH"}"#));
    assert_eq!(m.self_development(&p, &own_field_no_growth, 0.0).level, SelfDevelopment::Some);
    let mut other: Vacancy = vacancy("{}", r#","work":{"language_contact":"HIGH"}"#);
    other.isco = Some(crate::model::IscoCode("9112".into()));
    let other = m.compile_vacancy(&other);
    assert_eq!(m.self_development(&p, &other, 0.0).level, SelfDevelopment::Minimal);
    // Text overlap with interests links the job to the person.
    assert_eq!(m.self_development(&p, &other, 3.0).level, SelfDevelopment::Some);
}

#[test]
fn bm25_below_share_is_a_tight_cutoff() {
    let m = matcher();
    let reaches = |r: f64, bm25: f32| m.relevance_share(r, m.text_relevance(bm25));
    let full = reaches(1.0, 0.0);
    for r in [0.0, 0.3, 0.75, 0.999, 1.0] {
        for i in 0..=120 {
            let share = full * f64::from(i) / 100.0;
            let cut = m.bm25_below_share(r, share);
            if cut == 0.0 {
                assert!(reaches(r, 0.0) >= share, "{r} {share}");
            } else if cut.is_infinite() {
                assert!(reaches(r, 1e30) < share * (1.0 + 1e-9), "{r} {share}");
            } else {
                // Below the cutoff the share is never reached; just above it, it is.
                for below in [cut, cut.next_down(), cut * 0.5, 0.0] {
                    assert!(reaches(r, below) < share, "{r} {share} {below}");
                }
                assert!(reaches(r, cut * 1.0001 + 1e-6) >= share, "{r} {share} {cut}");
            }
        }
    }
}

#[test]
fn score_is_a_weighted_mean_of_components() {
    let m = matcher();
    let p = m.compile_participant(&participant(""));
    let v = m.compile_vacancy(&vacancy("{}", r#","offers":{"training":true}"#));
    let s = m.score(&p, &v, 2.0);
    let sum: f64 = s.components.iter().map(|c| c.contribution).sum();
    assert!((sum - s.total).abs() < 1e-12);
    assert!(s.total > 0.0 && s.total <= 1.0);
    for c in s.components {
        assert!((0.0..=1.0).contains(&c.value), "{c:?}");
    }
    // On-call work scores lower on conditions than permanent work.
    let perm = m.compile_vacancy(&vacancy("{}", r#","conditions":{"contract":"PERMANENT"}"#));
    let call = m.compile_vacancy(&vacancy("{}", r#","conditions":{"contract":"ON_CALL"}"#));
    assert!(m.score(&p, &perm, 0.0).total > m.score(&p, &call, 0.0).total);
}

/// An employer's label is evidence about growth, never the link to the person: it may
/// lower the level, and raise it only as far as the link allows.
#[test]
fn a_label_never_stands_in_for_the_link_to_the_person() {
    let m = matcher();
    let p = m.compile_participant(&participant(""));
    let level = |isco: &str, extra: &str| {
        let mut v = vacancy("{}", extra);
        v.isco = Some(crate::model::IscoCode(isco.into()));
        m.self_development(&p, &m.compile_vacancy(&v), 0.0).level
    };
    let strong = r#","self_development":"STRONG","work":{"language_contact":"LOW"}"#;
    // In the person's own field: the label holds (it is evidence of growth).
    assert_eq!(level("7411", strong), SelfDevelopment::Strong);
    // Outside it, with no link and no skill building: the label gives nothing.
    assert_eq!(level("9112", strong), SelfDevelopment::Minimal);
    // Outside it, in a job that builds language skills: at most SOME.
    let strong_contact = r#","self_development":"STRONG","work":{"language_contact":"HIGH"}"#;
    assert_eq!(level("9112", strong_contact), SelfDevelopment::Some);
    // A label lowers a level: own field with training, labelled MINIMAL.
    let minimal = r#","self_development":"MINIMAL","offers":{"training":true}"#;
    assert_eq!(level("7411", minimal), SelfDevelopment::Minimal);
    assert_eq!(level("7411", r#","offers":{"training":true}"#), SelfDevelopment::Strong);
}

/// Every condition that lowers the score is named in the reasons.
#[test]
fn every_penalty_has_a_reason() {
    let m = matcher();
    let codes = |p: &Participant, v: &Vacancy| -> Vec<ReasonCode> {
        let (cp, cv) = (m.compile_participant(p), m.compile_vacancy(v));
        m.explain(&cp, &cv, 0.0, vec![]).reasons.iter().map(|r| r.code).collect()
    };
    let conditions = |p: &Participant, v: &Vacancy| {
        m.score(&m.compile_participant(p), &m.compile_vacancy(v), 0.0).conditions.value()
    };
    let p = participant(
        r#","availability":{"day_parts":["DAY"],"weekends":false,"hours_per_week":{"min":16,"max":24},
            "needs_appointment_flexibility":true,"avoid_physically_demanding":true}"#,
    );
    let suits = vacancy(
        "{}",
        r#","conditions":{"day_parts":["DAY"],"weekends":false,"hours_per_week":{"min":16,"max":24},
            "appointment_flexibility":"YES","contract":"PERMANENT"},"work":{"physically_demanding":false}"#,
    );
    assert_eq!(conditions(&p, &suits), 1.0);
    let none_of_them = [
        ReasonCode::DayPartsOutsideAvailability,
        ReasonCode::HoursOutsideAvailability,
        ReasonCode::AppointmentFlexibilityRefused,
        ReasonCode::PhysicallyDemanding,
        ReasonCode::WeekendWork,
    ];
    let got = codes(&p, &suits);
    assert!(none_of_them.iter().all(|c| !got.contains(c)), "{got:?}");
    assert!(got.contains(&ReasonCode::AppointmentFlexibility));

    let against = vacancy(
        "{}",
        r#","conditions":{"day_parts":["DAY","NIGHT"],"weekends":true,"hours_per_week":{"min":38,"max":40},
            "appointment_flexibility":"NO","contract":"ON_CALL"},"work":{"physically_demanding":true}"#,
    );
    assert!(conditions(&p, &against) < 0.5);
    let got = codes(&p, &against);
    let penalties: Vec<ReasonCode> = got
        .iter()
        .copied()
        .filter(|c| none_of_them.contains(c) || *c == ReasonCode::OnCallContract)
        .collect();
    assert_eq!(
        penalties,
        [
            ReasonCode::OnCallContract,
            ReasonCode::WeekendWork,
            ReasonCode::DayPartsOutsideAvailability,
            ReasonCode::HoursOutsideAvailability,
            ReasonCode::AppointmentFlexibilityRefused,
            ReasonCode::PhysicallyDemanding,
        ]
    );
    let (cp, cv) = (m.compile_participant(&p), m.compile_vacancy(&against));
    let e = m.explain(&cp, &cv, 0.0, vec![]);
    let param = |code: ReasonCode, key: &str| {
        e.reasons.iter().find(|r| r.code == code).and_then(|r| r.params.get(key).cloned())
    };
    assert_eq!(param(ReasonCode::DayPartsOutsideAvailability, "parts").as_deref(), Some("NIGHT"));
    assert_eq!(param(ReasonCode::HoursOutsideAvailability, "hours").as_deref(), Some("38–40"));

    // Without the wish, physically demanding work is neither weighed nor named.
    let mut indifferent = p.clone();
    indifferent.availability.as_mut().unwrap().avoid_physically_demanding = None;
    assert!(!codes(&indifferent, &against).contains(&ReasonCode::PhysicallyDemanding));
    let items = m.score(&m.compile_participant(&indifferent), &cv, 0.0).conditions;
    assert_eq!(items.finding(Condition::PhysicalDemand), None);
}

/// Volunteer work: an asylum seeker needs no TWV and no waiting time, the organisation a
/// volunteer statement; a status holder needs nothing; a person who may not work may not
/// volunteer either.
#[test]
fn volunteer_work_needs_a_statement_not_a_work_permit() {
    let m = matcher();
    let job = |contract: &str, twv: TwvStance, statement: Option<bool>| {
        let mut v = vacancy(
            "{}",
            &format!(r#","conditions":{{"contract":"{contract}"}},"valid_through":"2026-12-31""#),
        );
        let employer = v.employer.as_mut().unwrap();
        employer.twv = Some(twv);
        employer.volunteer_statement = statement;
        v
    };
    let volunteer = |twv, statement| job("VOLUNTEER", twv, statement);
    let unwilling = volunteer(TwvStance::Unwilling, None);
    let with_statement = volunteer(TwvStance::Unwilling, Some(true));
    // An asylum seeker who may only work (with a TWV) after the vacancy closes.
    let with_status = |status: WorkAuthorizationStatus, eligible_from: Option<&str>| {
        let mut p = participant("");
        p.work_authorization = Some(crate::model::WorkAuthorization {
            status,
            eligible_from: eligible_from.map(|d| d.parse().unwrap()),
            asylum_application_date: None,
            procedure_track: None,
            w_document_expires: None,
        });
        p
    };
    let asylum = with_status(WorkAuthorizationStatus::AsylumTwvRequired, Some("2027-03-01"));
    let s = statuses(&asylum, &unwilling);
    assert!(s.contains(&(ReasonCode::VolunteerStatementUnknown, Status::Unknown)), "{s:?}");
    assert!(!s.iter().any(|(_, st)| *st == Status::Blocking), "{s:?}");
    let s = statuses(&asylum, &with_statement);
    assert!(s.contains(&(ReasonCode::VolunteerStatementHeld, Status::Met)), "{s:?}");
    let (cp, cv) = (m.compile_participant(&asylum), m.compile_vacancy(&unwilling));
    assert_eq!(m.classify(&cp, &cv), MatchClass::Eligible);
    assert!(!m.circumstances_block(&cp, &cv.circumstances));
    // The same job as paid work is blocked twice over: the TWV stance and the date.
    let paid = job("FIXED_TERM", TwvStance::Unwilling, None);
    let s = statuses(&asylum, &paid);
    assert!(s.iter().any(|(_, st)| *st == Status::Blocking), "{s:?}");
    // A status holder needs nothing.
    let holder = with_status(WorkAuthorizationStatus::Free, None);
    let s = statuses(&holder, &unwilling);
    assert!(s.contains(&(ReasonCode::AuthFree, Status::Met)), "{s:?}");
    assert!(!s.iter().any(|(r, _)| *r == ReasonCode::VolunteerStatementUnknown));
    // A person who may not work may not volunteer either.
    let not_allowed = with_status(WorkAuthorizationStatus::NotAllowed, None);
    assert!(
        statuses(&not_allowed, &with_statement)
            .contains(&(ReasonCode::AuthNotAllowed, Status::Blocking))
    );
    // The TWV stance does not lower a volunteer job's score.
    let score = |v: &Vacancy| m.score(&cp, &m.compile_vacancy(v), 0.0).total;
    assert_eq!(score(&unwilling), score(&volunteer(TwvStance::Experienced, None)));
}

/// A regulated profession needs its registration: held is met, unknown a question, and
/// otherwise the route with its real duration — bridgeable even beyond
/// `max_bridge_weeks` (the route exists; it is long), so beyond a horizon, never blocked
/// and never shortened.
#[test]
fn a_regulated_profession_needs_its_registration() {
    let m = matcher();
    let mut nursing = vacancy("{}", "");
    nursing.isco = Some(crate::model::IscoCode("2221".into()));
    let with = |registrations: Option<Vec<&str>>| {
        let mut p = participant("");
        p.registrations = registrations.map(|r| r.into_iter().map(str::to_owned).collect());
        p
    };
    let s = statuses(&with(Some(vec!["BIG_NURSE"])), &nursing);
    assert!(s.contains(&(ReasonCode::RegistrationHeld, Status::Met)), "{s:?}");
    let s = statuses(&with(None), &nursing);
    assert!(s.contains(&(ReasonCode::RegistrationUnknown, Status::Unknown)), "{s:?}");
    let s = statuses(&with(Some(vec![])), &nursing);
    let route = s.iter().find(|(r, _)| *r == ReasonCode::RegistrationRoute).expect("a route");
    let Status::Bridgeable { step, effort_weeks } = route.1 else { panic!("{s:?}") };
    assert_eq!(step, Step::Registration(m.taxonomy().registration_bit("BIG_NURSE").unwrap()));
    assert!(effort_weeks > m.config().effort.max_bridge_weeks, "{effort_weeks}");
    let (cp, cv) = (m.compile_participant(&with(Some(vec![]))), m.compile_vacancy(&nursing));
    assert_eq!(m.classify(&cp, &cv), MatchClass::BeyondHorizon);
    // Another registration does not count; an occupation outside the list asks none.
    let s = statuses(&with(Some(vec!["BIG_DOCTOR"])), &nursing);
    assert!(s.iter().any(|(r, _)| *r == ReasonCode::RegistrationRoute), "{s:?}");
    let s = statuses(&with(Some(vec![])), &vacancy("{}", ""));
    assert!(!s.iter().any(|(r, _)| matches!(
        r,
        ReasonCode::RegistrationRoute
            | ReasonCode::RegistrationHeld
            | ReasonCode::RegistrationUnknown
    )));
}

/// A TWV the employer has yet to apply for takes UWV's decision term: a vacancy that
/// closes sooner is out of reach for an asylum seeker, not for a status holder, and not
/// for volunteer work. Matching on 2026-11-27 with a 5-week term: ready on 2027-01-01.
#[test]
fn a_vacancy_closing_before_the_twv_can_be_granted_is_out_of_reach() {
    let m = matcher();
    let closing = |date: &str, contract: &str| {
        vacancy(
            "{}",
            &format!(r#","conditions":{{"contract":"{contract}"}},"valid_through":"{date}""#),
        )
    };
    let asylum = participant("");
    let mut holder = participant("");
    holder.work_authorization.as_mut().unwrap().status = WorkAuthorizationStatus::Free;
    let blocked = |p: &Participant, v: &Vacancy| {
        let (cp, cv) = (m.compile_participant(p), m.compile_vacancy(v));
        let by_checks = statuses(p, v).iter().any(|(_, s)| *s == Status::Blocking);
        assert_eq!(m.circumstances_block(&cp, &cv.circumstances), by_checks);
        by_checks
    };
    let day_before = closing("2026-12-31", "FIXED_TERM");
    assert!(blocked(&asylum, &day_before));
    assert!(
        statuses(&asylum, &day_before)
            .contains(&(ReasonCode::AuthTwvAfterClosing, Status::Blocking))
    );
    assert!(!blocked(&asylum, &closing("2027-01-01", "FIXED_TERM")));
    assert!(!blocked(&holder, &day_before));
    assert!(!blocked(&asylum, &closing("2026-12-31", "VOLUNTEER")));
}

/// The first day of work derived from the day of the asylum application, by the dated
/// rule in force that day: the day before and the day a rule starts, by track, with the
/// announced rule switched off (the default) and on.
#[test]
fn the_first_day_of_work_follows_the_dated_rule_in_force() {
    let with_auth = |json: &str| {
        let mut p = participant("");
        p.work_authorization = Some(parse_json(json).unwrap());
        p
    };
    let derived = |m: &Matcher, applied: &str, track: &str| {
        let p = with_auth(&format!(
            r#"{{"status":"ASYLUM_TWV_REQUIRED",
                "asylum_application_date":"{applied}","procedure_track":"{track}"}}"#
        ));
        let cp = m.compile_participant(&p);
        let a = cp.work_authorization.clone().unwrap();
        (a.status, a.eligible_from.map(|d| d.to_string()), cp.authorization_rule.clone())
    };
    let by_default = matcher();
    let six = "six months after the asylum application";
    let (status, from, rule) = derived(&by_default, "2026-06-12", "HIGH_CHANCE");
    assert_eq!(status, WorkAuthorizationStatus::AsylumTwvRequired);
    assert_eq!(from.as_deref(), Some("2026-12-12"));
    assert_eq!(rule.as_deref(), Some(six));
    // The announced rule, switched on.
    let config = crate::MatchConfig::from_toml_str(
        r#"
        [[work_authorization.rules]]
        name = "six months"
        from = "2000-01-01"
        enabled = true
        months = { REGULAR = 6, HIGH_CHANCE = 6, LOW_CHANCE = 6 }
        source = "test"
        [[work_authorization.rules]]
        name = "pact"
        from = "2026-06-12"
        enabled = true
        months = { REGULAR = 6, HIGH_CHANCE = 3 }
        source = "test"
        "#,
    )
    .unwrap();
    let pact = Matcher::new(config, Taxonomy::embedded(), "2026-11-27".parse().unwrap());
    // The day before the rule starts: six months.
    assert_eq!(derived(&pact, "2026-06-11", "HIGH_CHANCE").1.as_deref(), Some("2026-12-11"));
    // From its first day: three months on the high-chance track…
    let (_, from, rule) = derived(&pact, "2026-06-12", "HIGH_CHANCE");
    assert_eq!((from.as_deref(), rule.as_deref()), (Some("2026-09-12"), Some("pact")));
    assert_eq!(derived(&pact, "2026-06-12", "REGULAR").1.as_deref(), Some("2026-12-12"));
    // …and no work at all on the low-chance track.
    let (status, _, _) = derived(&pact, "2026-06-12", "LOW_CHANCE");
    assert_eq!(status, WorkAuthorizationStatus::NotAllowed);
    let p = with_auth(
        r#"{"status":"ASYLUM_TWV_REQUIRED",
            "asylum_application_date":"2026-06-12","procedure_track":"LOW_CHANCE"}"#,
    );
    let (cp, cv) = (pact.compile_participant(&p), pact.compile_vacancy(&vacancy("{}", "")));
    let checks = pact.checks(&cp, &cv);
    assert!(
        checks
            .iter()
            .any(|c| c.reason == ReasonCode::AuthTrackMayNotWork && c.status == Status::Blocking)
    );
    // A date given in the profile is not overridden.
    let given = with_auth(
        r#"{"status":"ASYLUM_TWV_REQUIRED","eligible_from":"2027-01-05",
            "asylum_application_date":"2026-06-12","procedure_track":"HIGH_CHANCE"}"#,
    );
    let cp = pact.compile_participant(&given);
    assert_eq!(cp.work_authorization.unwrap().eligible_from.unwrap().to_string(), "2027-01-05");
    assert_eq!(cp.authorization_rule, None);
    // The explanation names the rule.
    let p = with_auth(
        r#"{"status":"ASYLUM_TWV_REQUIRED",
            "asylum_application_date":"2026-11-01"}"#,
    );
    let cp = by_default.compile_participant(&p);
    let e = by_default.explain(&cp, &cv, 0.0, vec![]);
    let r = e.reasons.iter().find(|r| r.code == ReasonCode::NotYetEligibleByRule).unwrap();
    assert_eq!(r.params.get("rule").map(String::as_str), Some(six));
    assert_eq!(r.params.get("date").map(String::as_str), Some("2027-05-01"));
}

#[test]
fn a_bad_procedure_track_or_date_names_its_field() {
    let bad = |extra: &str| {
        parse_json::<Participant>(&format!(
            r#"{{"id":"p-1","work_authorization":{{"status":"ASYLUM_TWV_REQUIRED",{extra}}}}}"#
        ))
        .unwrap_err()
    };
    let e = bad(r#""procedure_track":"FAST""#);
    assert_eq!(e.field, "work_authorization.procedure_track");
    assert!(e.message.contains("HIGH_CHANCE"), "{e}");
    let e = bad(r#""asylum_application_date":"12-06-2026""#);
    assert_eq!(e.field, "work_authorization.asylum_application_date");
    assert!(e.message.contains("YYYY-MM-DD"), "{e}");
}
