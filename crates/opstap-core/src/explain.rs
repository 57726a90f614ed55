//! Explanations: stable reason codes with parameters. Clients render them with the
//! Fluent catalogs in [`crate::i18n`] in the caseworker's (or participant's) language.

use serde::Serialize;

use crate::compiled::{CompiledParticipant, CompiledVacancy, lang_str};
use crate::date::Date;
use crate::i18n::{Locale, who_pays_param};
use crate::matching::{
    Check, ComponentScore, Condition, ConditionFinding, FieldLink, MatchClass, Matcher,
    PreferenceFit, Requirement, SelfDevelopmentAssessment, Status,
};
use crate::model::{CefrLevel, DayPart, Evidence, SelfDevelopment};
pub use crate::reason::{
    OutcomeKind, Reason, ReasonCode, RequirementKind, Signal, StepForm, StepKind,
};
use crate::step::Step;
use crate::taxonomy::{CostRange, StepTerms};

/// A step as data: what to do, how long it takes this person, and its terms — form,
/// cost, exam languages, prerequisites, minimum age, validity — with their source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepInfo {
    #[serde(skip)]
    pub step: Step,
    pub kind: StepKind,
    pub form: StepForm,
    /// The certificate code, `lang:level` (e.g. `nl:B1`), licence category, or `IDW`.
    pub target: String,
    pub effort_weeks: f64,
    /// Renewing a certificate the person held that has expired.
    pub renewal: bool,
    pub cost_eur: CostRange,
    /// The languages its exam can be taken in (ISO 639-1; empty: no exam).
    pub exam_languages: Vec<String>,
    /// What must be held first, as groups of alternatives (codes).
    pub prerequisites: Vec<Vec<String>>,
    /// The minimum age (0: none).
    pub min_age: u8,
    /// The day the person reaches `min_age`, when that is after today.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub available_from: Option<Date>,
    /// Years it stays valid (0: it does not expire).
    pub validity_years: f64,
    /// Where the time comes from: a taxonomy entry or a config key.
    pub effort_source: String,
    /// Where the terms come from, and whether they were checked against it.
    pub source: String,
    pub verified: bool,
    pub reason: Reason,
    /// The terms in words: cost and who pays, exam languages, prerequisites, age.
    pub details: Vec<Reason>,
}

/// One hard requirement checked for this person.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RequirementOutcome {
    pub requirement: RequirementKind,
    pub outcome: OutcomeKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub step: Option<StepInfo>,
    pub reason: Reason,
    /// For an imported vacancy: the posting's words that asked for this requirement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub posting_quote: Option<String>,
}

impl RequirementOutcome {
    /// The evidence field and, when the field is a list, the reason parameter that names
    /// which item: the place an imported requirement's quote is found.
    fn evidence_key(&self) -> Option<(&'static str, Option<&'static str>)> {
        match self.requirement {
            RequirementKind::Language => Some(("requirements.languages", Some("lang"))),
            RequirementKind::Certificate => Some(("requirements.certificates", Some("cert"))),
            RequirementKind::DrivingLicence => Some(("requirements.driving_licence", None)),
            RequirementKind::Education => Some(("requirements.education", None)),
            RequirementKind::Experience => Some(("requirements.experience_years", None)),
            RequirementKind::VacancyOpen
            | RequirementKind::WorkAuthorization
            | RequirementKind::Exclusion
            | RequirementKind::Distance
            | RequirementKind::VolunteerStatement
            | RequirementKind::Registration => None,
        }
    }
}

/// What to ask a person first: per unknown fact about the person (a language, a licence,
/// a diploma's evaluation, …; not the employer's TWV stance), how many fitting matches wait
/// on it, most first (ties in the vocabulary's order). Each match is whether it fits the
/// person's preference and its requirements with an UNKNOWN outcome.
pub fn intake_questions<'a>(
    matches: impl IntoIterator<Item = (bool, &'a [RequirementKind])>,
) -> Vec<(RequirementKind, usize)> {
    let mut counts: std::collections::BTreeMap<RequirementKind, usize> = Default::default();
    for (fitting, questions) in matches {
        if !fitting {
            continue;
        }
        for q in questions.iter().filter(|q| **q != RequirementKind::WorkAuthorization) {
            *counts.entry(*q).or_default() += 1;
        }
    }
    let mut out: Vec<(RequirementKind, usize)> = counts.into_iter().collect();
    out.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    out
}

impl MatchExplanation {
    /// The requirements with an UNKNOWN outcome: questions for the caseworker.
    pub fn unknown_requirements(&self) -> Vec<RequirementKind> {
        self.requirements
            .iter()
            .filter(|r| r.outcome == OutcomeKind::Unknown)
            .map(|r| r.requirement)
            .collect()
    }

    /// Says, among the reasons, what the employer answered about this vacancy: the
    /// answers matching applied.
    pub fn note_answers(&mut self, answers: &[crate::answer::EmployerAnswer]) {
        for a in answers {
            self.reasons.push(
                Reason::new(ReasonCode::EmployerAnswer)
                    .with("kind", a.answer.code())
                    .with("value", a.answer.value())
                    .with("date", a.answered_on.to_string())
                    .with("source", a.source.clone()),
            );
        }
    }

    /// Quotes the posting beside each requirement the import read from it (see
    /// [`Evidence`]). A language's evidence value lists its alternatives as
    /// `nl:B1 | en:B1`; it is quoted for the outcome of any of those languages.
    pub fn quote_posting(&mut self, evidence: &[Evidence]) {
        if evidence.is_empty() {
            return;
        }
        for r in &mut self.requirements {
            let Some((field, item)) = r.evidence_key() else { continue };
            let wanted = item.and_then(|k| r.reason.params.get(k));
            let found = evidence.iter().find(|e| {
                e.field == field
                    && wanted.is_none_or(|w| {
                        e.value.split(" | ").any(|v| v == w || v.split(':').next() == Some(w))
                    })
            });
            r.posting_quote = found.map(|e| e.quote.clone());
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SelfDevelopmentExplanation {
    pub level: SelfDevelopment,
    pub preference: SelfDevelopment,
    pub preference_stated: bool,
    pub fit: f64,
    pub field_link: FieldLink,
    /// The signals that decided the level.
    pub signals: Vec<Signal>,
    pub reason: Reason,
}

/// One participant × one vacancy, fully explained.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatchExplanation {
    pub vacancy_id: String,
    pub class: MatchClass,
    pub score: f64,
    pub bm25: f32,
    pub components: Vec<ComponentScore>,
    pub requirements: Vec<RequirementOutcome>,
    pub self_development: SelfDevelopmentExplanation,
    pub matched_terms: Vec<String>,
    /// Plain-language reasons, most important first; questions for the caseworker
    /// (UNKNOWN requirements) come last.
    pub reasons: Vec<Reason>,
}

/// A reason about a registration, with the facts of its route (the taxonomy's entry):
/// the authority, the Dutch level, the usual duration and cost, and the source.
fn registration_reason(
    code: ReasonCode,
    registration: &str,
    info: &crate::taxonomy::RegistrationInfo,
) -> Reason {
    Reason::new(code)
        .with("registration", registration)
        .with("authority", &info.authority)
        .with("dutch", &info.dutch)
        .with("weeks_min", format!("{}", info.weeks.min))
        .with("weeks_max", format!("{}", info.weeks.max))
        .with("cost_min", format!("{}", info.terms.cost_eur.min))
        .with("cost_max", format!("{}", info.terms.cost_eur.max))
        .with("source", &info.terms.source)
}

fn weeks(w: f64) -> String {
    format!("{:.1}", (w * 10.0).round() / 10.0)
}

impl Matcher {
    /// The terms of a step: its taxonomy entry's, or `steps.toml`'s for a language level
    /// and the diploma evaluation.
    pub fn step_terms(&self, step: Step) -> &'static StepTerms {
        let t = self.taxonomy();
        match step {
            Step::Certificate(bit) => &t.certificate_by_bit(bit).terms,
            Step::Language { .. } => &t.steps().language,
            Step::DrivingLicence(l) => &t.licence(l).terms,
            Step::DiplomaEvaluation => &t.steps().diploma_evaluation,
            Step::Registration(bit) => &t.registration_by_bit(bit).terms,
        }
    }

    pub fn step_info(&self, p: &CompiledParticipant, step: Step) -> StepInfo {
        let effort = self.step_effort(p, step);
        let t = self.taxonomy();
        let mut renewal = false;
        let mut validity_years = 0.0;
        let mut prerequisites = Vec::new();
        let terms = self.step_terms(step);
        let (target, reason, effort_source): (String, Reason, String) = match step {
            Step::Certificate(bit) => {
                let info = t.certificate_by_bit(bit);
                validity_years = info.validity_years;
                prerequisites = info.prerequisites.clone();
                let expired = p.expired_on.iter().find(|(b, _)| *b == bit);
                renewal = expired.is_some() && p.expired_certificates & (1 << bit) != 0;
                let reason = match (expired, info.terms.form) {
                    (Some((_, on)), _) if renewal => {
                        Reason::new(ReasonCode::StepRenewal).with("date", on)
                    }
                    (_, StepForm::EmployerApplication) => {
                        Reason::new(ReasonCode::StepEmployerApplication)
                    }
                    _ => Reason::new(ReasonCode::StepCertificate),
                };
                let key = if renewal { "renewal_weeks" } else { "effort_weeks" };
                (
                    info.code.clone(),
                    reason.with("cert", &info.code),
                    format!("certificates.toml {} {key}", info.code),
                )
            }
            Step::Language { lang, rank } => {
                let level = CefrLevel::from_rank(rank).map_or("?", |l| l.as_str());
                let held = CefrLevel::from_rank(p.language_rank(lang)).map_or("-", |l| l.as_str());
                (
                    format!("{}:{level}", lang_str(&lang)),
                    Reason::new(ReasonCode::StepLanguage)
                        .with("lang", lang_str(&lang))
                        .with("level", level)
                        .with("held", held),
                    format!(
                        "config effort.language_step_weeks = {} per CEFR level",
                        self.config().effort.language_step_weeks
                    ),
                )
            }
            Step::DrivingLicence(l) => (
                l.as_str().to_owned(),
                Reason::new(ReasonCode::StepLicence).with("licence", l.as_str()),
                format!("licences.toml {} effort_weeks", l.as_str()),
            ),
            Step::DiplomaEvaluation => (
                "IDW".to_owned(),
                Reason::new(ReasonCode::StepDiplomaEvaluation),
                match p.diploma_evaluation {
                    Some(crate::model::DiplomaEvaluation::Pending) => {
                        "config effort.diploma_evaluation_pending_weeks"
                    }
                    _ => "config effort.diploma_evaluation_weeks",
                }
                .to_owned(),
            ),
            Step::Registration(bit) => {
                let info = t.registration_by_bit(bit);
                (
                    info.code.clone(),
                    registration_reason(ReasonCode::StepRegistration, &info.code, info),
                    format!("registrations.toml {} weeks.typical", info.code),
                )
            }
        };
        let min_age = self.min_age(step);
        let reached = self.min_age_reached(p, step);
        let available_from = reached.filter(|d| *d > self.today());
        let mut step_terms = Reason::new(ReasonCode::StepTerms)
            .with("cost_min", terms.cost_eur.min)
            .with("cost_max", terms.cost_eur.max)
            .with("exam_languages", terms.exam_languages.join(", "))
            .with("effort_source", &effort_source)
            .with("source", &terms.source)
            .with("verified", if terms.verified { "yes" } else { "no" });
        for locale in Locale::LANGUAGES {
            step_terms = step_terms.with(who_pays_param(locale), terms.who_pays(locale));
        }
        let mut details = vec![step_terms];
        if !prerequisites.is_empty() {
            let names: Vec<String> = prerequisites.iter().map(|g| g.join("/")).collect();
            details.push(
                Reason::new(ReasonCode::StepPrerequisites).with("prerequisites", names.join(", ")),
            );
        }
        match (min_age, reached) {
            (0, _) => {}
            (age, Some(day)) if day > self.today() => {
                details.push(Reason::new(ReasonCode::StepMinAge).with("age", age).with("date", day))
            }
            (_, Some(_)) => {}
            (age, None) => {
                details.push(Reason::new(ReasonCode::StepMinAgeUnknown).with("age", age));
            }
        }
        StepInfo {
            step,
            kind: step.kind(),
            form: terms.form,
            target,
            effort_weeks: effort,
            renewal,
            cost_eur: terms.cost_eur,
            exam_languages: terms.exam_languages.clone(),
            prerequisites,
            min_age,
            available_from,
            validity_years,
            effort_source,
            source: terms.source.clone(),
            verified: terms.verified,
            reason: reason.with("weeks", weeks(effort)),
            details,
        }
    }

    fn requirement_outcome(
        &self,
        p: &CompiledParticipant,
        v: &CompiledVacancy,
        c: &Check,
    ) -> RequirementOutcome {
        let mut reason = Reason::new(c.reason);
        match c.requirement {
            Requirement::VacancyOpen => {
                if let Some(t) = v.circumstances.valid_through {
                    reason = reason.with("date", t);
                }
            }
            Requirement::WorkAuthorization => {
                if let Some(from) = p.work_authorization.as_ref().and_then(|a| a.eligible_from) {
                    reason = reason.with("date", from);
                }
                if let Some(rule) = &p.authorization_rule {
                    reason = reason.with("rule", rule);
                }
                if c.reason == ReasonCode::AuthTwvAfterClosing
                    && let Some(closes) = v.circumstances.valid_through
                {
                    let weeks = self.config().work_authorization.twv_decision_weeks;
                    reason = reason.with("closes", closes).with("weeks", format!("{weeks}"));
                }
            }
            Requirement::Language(i) => {
                let group: Vec<_> =
                    v.qualifications.languages.iter().filter(|a| a.group == i).collect();
                let wanted: Vec<String> = group
                    .iter()
                    .map(|a| {
                        format!(
                            "{} {}",
                            lang_str(&a.lang),
                            CefrLevel::from_rank(a.rank).map_or("?", |x| x.as_str())
                        )
                    })
                    .collect();
                let (l, r) = (group[0].lang, group[0].rank);
                let held = CefrLevel::from_rank(p.language_rank(l)).map_or("-", |x| x.as_str());
                reason = reason
                    .with("lang", lang_str(&l))
                    .with("level", CefrLevel::from_rank(r).map_or("?", |x| x.as_str()))
                    .with("held", held)
                    .with("alternatives", wanted.join(" / "));
            }
            Requirement::Certificate(bit) | Requirement::CertificateOnTheJob(bit) => {
                reason = reason.with("cert", &self.taxonomy().certificate_by_bit(bit).code);
            }
            Requirement::DrivingLicence(l) => {
                reason = reason.with("licence", l.as_str());
            }
            Requirement::Education => {
                if let Some((n, _)) = v.qualifications.education {
                    reason = reason.with("nlqf", n);
                }
                if let Some(n) = p.education_nlqf {
                    reason = reason.with("held", n);
                }
            }
            Requirement::Experience => {
                reason = reason.with("years", v.circumstances.experience_years.unwrap_or(0.0));
            }
            Requirement::Exclusion => {
                reason = reason
                    .with("sector", v.circumstances.sector.as_deref().unwrap_or("-"))
                    .with("isco", v.circumstances.isco.as_ref().map_or("-", |i| i.as_str()));
            }
            Requirement::Distance => {
                if let (Some(a), Some(b)) = (p.location, v.circumstances.location) {
                    reason = reason.with("km", format!("{:.1}", a.distance_km(b)));
                }
                if let Some(max) = p.max_commute_km {
                    reason = reason.with("max", max);
                }
            }
            Requirement::Registration(bit) => {
                let info = self.taxonomy().registration_by_bit(bit);
                let params = registration_reason(c.reason, &info.code, info).params;
                reason.params.extend(params);
            }
            Requirement::VolunteerStatement => {
                let weeks = self.config().effort.volunteer_statement_weeks;
                reason = reason.with("weeks", format!("{weeks}"));
            }
        }
        let (outcome, step) = match c.status {
            Status::Met => (OutcomeKind::Met, None),
            Status::Bridgeable { step, effort_weeks } => {
                reason = reason.with("weeks", weeks(effort_weeks));
                (OutcomeKind::Bridgeable, Some(self.step_info(p, step)))
            }
            Status::Blocking => (OutcomeKind::Blocking, None),
            Status::Unknown => (OutcomeKind::Unknown, None),
        };
        RequirementOutcome {
            requirement: c.requirement.kind(),
            outcome,
            step,
            reason,
            posting_quote: None,
        }
    }

    fn self_development_explanation(
        &self,
        p: &CompiledParticipant,
        v: &CompiledVacancy,
        sd: &SelfDevelopmentAssessment,
    ) -> SelfDevelopmentExplanation {
        let signals = sd.signals.union(v.job_signals()).iter().collect();
        let mut reason = match v.explicit_level {
            // The label holds for this person.
            Some(label) if label == sd.level => Reason::new(ReasonCode::LevelExplicit),
            // The label asks more than the job's link to this person allows.
            Some(label) => {
                Reason::new(ReasonCode::LevelLabelNotForYou).with("label", label.as_str())
            }
            None => Reason::new(match sd.level {
                SelfDevelopment::Strong => ReasonCode::LevelStrong,
                SelfDevelopment::Some => ReasonCode::LevelSome,
                SelfDevelopment::Minimal => ReasonCode::LevelMinimal,
            }),
        };
        reason = reason.with("level", sd.level.as_str());
        SelfDevelopmentExplanation {
            level: sd.level,
            preference: sd.preference,
            preference_stated: p.preference_stated,
            fit: sd.fit,
            field_link: sd.field_link,
            signals,
            reason,
        }
    }

    /// The questions about the person that every vacancy would ask alike: a missing
    /// work authorization, an asylum seeker's W-document that has expired. A list of
    /// matches asks them once, for the whole list, instead of once per match
    /// ([`Self::lift_person_questions`]).
    pub fn person_questions(&self, p: &CompiledParticipant) -> Vec<Reason> {
        let mut questions = Vec::new();
        match &p.work_authorization {
            None => questions.push(Reason::new(ReasonCode::AuthUnknown)),
            Some(a) => {
                if let Some(expired) = a.w_document_expires.filter(|d| *d < self.today()) {
                    questions.push(Reason::new(ReasonCode::WDocumentExpired).with("date", expired));
                }
            }
        }
        questions
    }

    /// Removes the person-level `questions` from an explanation's reasons (its
    /// requirement outcomes keep them: the requirement stays UNKNOWN).
    pub fn lift_person_questions(e: &mut MatchExplanation, questions: &[Reason]) {
        e.reasons.retain(|r| !questions.iter().any(|q| q.code == r.code));
    }

    /// The full explanation of one vacancy for one person: every requirement and
    /// component, also for a blocked vacancy ("why not").
    pub fn explain(
        &self,
        p: &CompiledParticipant,
        v: &CompiledVacancy,
        bm25: f32,
        matched_terms: Vec<String>,
    ) -> MatchExplanation {
        let checks = self.checks(p, v);
        let class = self.classify(p, v);
        let score = self.score(p, v, bm25);
        let requirements: Vec<RequirementOutcome> =
            checks.iter().map(|c| self.requirement_outcome(p, v, c)).collect();
        let sd = &score.self_development;
        let self_development = self.self_development_explanation(p, v, sd);

        let mut reasons = Vec::new();
        let fit_code = match self.preference_fit(sd.fit) {
            PreferenceFit::Fits => ReasonCode::FitsPreference,
            PreferenceFit::PartlyFits => ReasonCode::PartlyFitsPreference,
            PreferenceFit::DoesNotFit => ReasonCode::DoesNotFitPreference,
        };
        reasons.push(
            Reason::new(fit_code)
                .with("level", sd.level.as_str())
                .with("preference", sd.preference.as_str()),
        );
        if !p.preference_stated {
            reasons.push(
                Reason::new(ReasonCode::PreferenceAssumed)
                    .with("preference", sd.preference.as_str()),
            );
        }
        if sd.signals.contains(Signal::OwnOrDesiredOccupation) {
            reasons.push(
                Reason::new(ReasonCode::OwnField)
                    .with("isco", v.circumstances.isco.as_ref().map_or("", |i| i.as_str())),
            );
        } else if sd.signals.contains(Signal::RelatedOccupation) {
            reasons.push(
                Reason::new(ReasonCode::RelatedField)
                    .with("isco", v.circumstances.isco.as_ref().map_or("", |i| i.as_str())),
            );
        }
        if !matched_terms.is_empty() {
            reasons.push(
                Reason::new(ReasonCode::MatchedTerms).with("terms", matched_terms.join(", ")),
            );
        }
        if v.practical_application == Some(true) {
            reasons.push(Reason::new(ReasonCode::PracticalApplication));
        }
        // The conditions as the score weighed them: what suits the person's needs, and
        // every condition that lowered the score.
        let conditions = &score.conditions;
        let finding = |c: Condition| conditions.finding(c);
        if finding(Condition::AppointmentFlexibility) == Some(ConditionFinding::Suits) {
            reasons.push(Reason::new(ReasonCode::AppointmentFlexibility));
        }
        // Warnings in a fixed order: the contract first (income), then time, then the rest.
        let mut penalties: Vec<(u8, Reason)> = Vec::new();
        for &(condition, _, found) in conditions.items() {
            if found != ConditionFinding::Penalized {
                continue;
            }
            let reason = match condition {
                Condition::Contract => (0, Reason::new(ReasonCode::OnCallContract)),
                Condition::Weekends => (1, Reason::new(ReasonCode::WeekendWork)),
                Condition::DayParts => {
                    let outside = v.day_parts.unwrap_or(0) & !p.day_parts.unwrap_or(0);
                    let parts: Vec<&str> = DayPart::ALL
                        .iter()
                        .filter(|d| outside & d.bit() != 0)
                        .map(|d| d.as_str())
                        .collect();
                    let reason = Reason::new(ReasonCode::DayPartsOutsideAvailability);
                    (2, reason.with("parts", parts.join(", ")))
                }
                Condition::Hours => {
                    let range = |h: Option<(f64, f64)>| {
                        h.map_or(String::new(), |(a, b)| format!("{a:.0}–{b:.0}"))
                    };
                    let reason = Reason::new(ReasonCode::HoursOutsideAvailability);
                    (3, reason.with("hours", range(v.hours)).with("wanted", range(p.hours)))
                }
                Condition::AppointmentFlexibility => {
                    (4, Reason::new(ReasonCode::AppointmentFlexibilityRefused))
                }
                Condition::PhysicalDemand => (5, Reason::new(ReasonCode::PhysicallyDemanding)),
            };
            penalties.push(reason);
        }
        penalties.sort_by_key(|(order, _)| *order);
        reasons.extend(penalties.into_iter().map(|(_, r)| r));
        if let Some(from) = p.work_authorization.as_ref().and_then(|a| a.eligible_from)
            && from > self.today()
        {
            let applied = p.work_authorization.as_ref().and_then(|a| a.asylum_application_date);
            reasons.push(match (&p.authorization_rule, applied) {
                // Derived from the day of the application by a dated rule: say which.
                (Some(rule), Some(applied)) => Reason::new(ReasonCode::NotYetEligibleByRule)
                    .with("date", from)
                    .with("rule", rule)
                    .with("applied", applied),
                _ => Reason::new(ReasonCode::NotYetEligible).with("date", from),
            });
        }
        // Questions for the caseworker come last.
        reasons.extend(
            requirements
                .iter()
                .filter(|r| r.outcome == OutcomeKind::Unknown)
                .map(|r| r.reason.clone()),
        );

        MatchExplanation {
            vacancy_id: v.id.to_string(),
            class,
            // For a blocked vacancy: the score it would have, to show what it offers.
            score: score.total,
            bm25,
            components: score.components.to_vec(),
            requirements,
            self_development,
            matched_terms,
            reasons,
        }
    }
}
