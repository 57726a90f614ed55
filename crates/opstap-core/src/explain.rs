//! Explanations: stable reason codes with parameters. Clients render them with the
//! Fluent catalogs in [`crate::i18n`] in the caseworker's (or participant's) language.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::compiled::{CompiledParticipant, CompiledVacancy, lang_str};
use crate::matching::{
    Check, ComponentScore, FieldLink, MatchClass, Matcher, Requirement, SelfDevelopmentAssessment,
    Status, Step,
};
use crate::model::{CefrLevel, ContractType, SelfDevelopment};

/// Stable reason codes. The serialized names (`SCREAMING_SNAKE_CASE`) are a contract;
/// the Fluent message ids are the same names in kebab-case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ReasonCode {
    VacancyClosed,
    ExcludedSector,
    ExcludedOccupation,
    AuthUnknown,
    AuthNotAllowed,
    AuthEligibleAfterClosing,
    AuthFree,
    AuthNotificationOnly,
    TwvExperienced,
    TwvWilling,
    TwvUnknown,
    TwvUnwilling,
    LanguageMet,
    LanguageGap,
    LanguageTooFar,
    LanguageUnknown,
    CertificateHeld,
    CertificateCourse,
    CertificateNotObtainable,
    CertificateUnknown,
    CertificateOnTheJob,
    LicenceHeld,
    LicenceGap,
    LicenceTooFar,
    LicenceUnknown,
    EducationLevelMet,
    EducationDiplomaRecognized,
    EducationEvaluationNeeded,
    EducationEvaluationPending,
    EducationEvaluationUnknown,
    EducationTooLow,
    EducationUnknown,
    ExperienceMet,
    ExperienceShort,
    ExperienceUnknown,
    DistanceMet,
    DistanceTooFar,
    DistanceUnknown,
    // Self-development and summary reasons.
    LevelExplicit,
    LevelStrong,
    LevelSome,
    LevelMinimal,
    FitsPreference,
    PartlyFitsPreference,
    DoesNotFitPreference,
    PreferenceAssumed,
    OwnField,
    RelatedField,
    MatchedTerms,
    PracticalApplication,
    AppointmentFlexibility,
    OnCallContract,
    WeekendWork,
    NotYetEligible,
    // Step plans.
    StepCertificate,
    StepLanguage,
    StepLicence,
    StepDiplomaEvaluation,
    PlanOption,
    PlanNothingToUnlock,
}

impl ReasonCode {
    pub const ALL: [ReasonCode; 60] = [
        ReasonCode::VacancyClosed,
        ReasonCode::ExcludedSector,
        ReasonCode::ExcludedOccupation,
        ReasonCode::AuthUnknown,
        ReasonCode::AuthNotAllowed,
        ReasonCode::AuthEligibleAfterClosing,
        ReasonCode::AuthFree,
        ReasonCode::AuthNotificationOnly,
        ReasonCode::TwvExperienced,
        ReasonCode::TwvWilling,
        ReasonCode::TwvUnknown,
        ReasonCode::TwvUnwilling,
        ReasonCode::LanguageMet,
        ReasonCode::LanguageGap,
        ReasonCode::LanguageTooFar,
        ReasonCode::LanguageUnknown,
        ReasonCode::CertificateHeld,
        ReasonCode::CertificateCourse,
        ReasonCode::CertificateNotObtainable,
        ReasonCode::CertificateUnknown,
        ReasonCode::CertificateOnTheJob,
        ReasonCode::LicenceHeld,
        ReasonCode::LicenceGap,
        ReasonCode::LicenceTooFar,
        ReasonCode::LicenceUnknown,
        ReasonCode::EducationLevelMet,
        ReasonCode::EducationDiplomaRecognized,
        ReasonCode::EducationEvaluationNeeded,
        ReasonCode::EducationEvaluationPending,
        ReasonCode::EducationEvaluationUnknown,
        ReasonCode::EducationTooLow,
        ReasonCode::EducationUnknown,
        ReasonCode::ExperienceMet,
        ReasonCode::ExperienceShort,
        ReasonCode::ExperienceUnknown,
        ReasonCode::DistanceMet,
        ReasonCode::DistanceTooFar,
        ReasonCode::DistanceUnknown,
        ReasonCode::LevelExplicit,
        ReasonCode::LevelStrong,
        ReasonCode::LevelSome,
        ReasonCode::LevelMinimal,
        ReasonCode::FitsPreference,
        ReasonCode::PartlyFitsPreference,
        ReasonCode::DoesNotFitPreference,
        ReasonCode::PreferenceAssumed,
        ReasonCode::OwnField,
        ReasonCode::RelatedField,
        ReasonCode::MatchedTerms,
        ReasonCode::PracticalApplication,
        ReasonCode::AppointmentFlexibility,
        ReasonCode::OnCallContract,
        ReasonCode::WeekendWork,
        ReasonCode::NotYetEligible,
        ReasonCode::StepCertificate,
        ReasonCode::StepLanguage,
        ReasonCode::StepLicence,
        ReasonCode::StepDiplomaEvaluation,
        ReasonCode::PlanOption,
        ReasonCode::PlanNothingToUnlock,
    ];

    /// The Fluent message id: the code in kebab-case.
    pub fn message_id(self) -> String {
        let json = serde_json::to_value(self).expect("a unit variant serializes");
        json.as_str().expect("a string").to_ascii_lowercase().replace('_', "-")
    }
}

/// A reason: a code and its parameters; `text` once rendered.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reason {
    pub code: ReasonCode,
    pub params: BTreeMap<&'static str, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl Reason {
    pub fn new(code: ReasonCode) -> Reason {
        Reason { code, params: BTreeMap::new(), text: None }
    }

    pub fn with(mut self, key: &'static str, value: impl ToString) -> Reason {
        self.params.insert(key, value.to_string());
        self
    }
}

/// `MET | BRIDGEABLE | BLOCKING | UNKNOWN`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum OutcomeKind {
    Met,
    Bridgeable,
    Blocking,
    Unknown,
}

/// A step as data: what to do and how long it takes this person.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepInfo {
    /// `CERTIFICATE | LANGUAGE | DRIVING_LICENCE | DIPLOMA_EVALUATION`.
    pub kind: &'static str,
    /// The certificate code, `lang:level` (e.g. `nl:B1`), licence category, or `IDW`.
    pub target: String,
    pub effort_weeks: f64,
    pub reason: Reason,
}

/// One hard requirement checked for this person.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RequirementOutcome {
    /// `VACANCY_OPEN | WORK_AUTHORIZATION | LANGUAGE | CERTIFICATE | DRIVING_LICENCE |
    /// EDUCATION | EXPERIENCE | EXCLUSION | DISTANCE`.
    pub requirement: &'static str,
    pub outcome: OutcomeKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub step: Option<StepInfo>,
    pub reason: Reason,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SelfDevelopmentExplanation {
    pub level: SelfDevelopment,
    pub preference: SelfDevelopment,
    pub preference_stated: bool,
    pub fit: f64,
    pub field_link: FieldLink,
    /// The signals that decided the level.
    pub signals: Vec<&'static str>,
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

fn weeks(w: f64) -> String {
    format!("{:.1}", (w * 10.0).round() / 10.0)
}

impl Matcher {
    pub fn step_info(&self, p: &CompiledParticipant, step: Step) -> StepInfo {
        let effort = self.step_effort(p, step);
        let (kind, target, reason) = match step {
            Step::Certificate(bit) => {
                let code = self.taxonomy().certificate_by_bit(bit).code.clone();
                (
                    "CERTIFICATE",
                    code.clone(),
                    Reason::new(ReasonCode::StepCertificate).with("cert", code),
                )
            }
            Step::Language { lang, rank } => {
                let level = CefrLevel::from_rank(rank).map_or("?", |l| l.as_str());
                let held = CefrLevel::from_rank(p.language_rank(lang)).map_or("-", |l| l.as_str());
                (
                    "LANGUAGE",
                    format!("{}:{level}", lang_str(&lang)),
                    Reason::new(ReasonCode::StepLanguage)
                        .with("lang", lang_str(&lang))
                        .with("level", level)
                        .with("held", held),
                )
            }
            Step::DrivingLicence(l) => (
                "DRIVING_LICENCE",
                l.as_str().to_owned(),
                Reason::new(ReasonCode::StepLicence).with("licence", l.as_str()),
            ),
            Step::DiplomaEvaluation => (
                "DIPLOMA_EVALUATION",
                "IDW".to_owned(),
                Reason::new(ReasonCode::StepDiplomaEvaluation),
            ),
        };
        StepInfo { kind, target, effort_weeks: effort, reason: reason.with("weeks", weeks(effort)) }
    }

    fn requirement_outcome(
        &self,
        p: &CompiledParticipant,
        v: &CompiledVacancy,
        c: &Check,
    ) -> RequirementOutcome {
        let mut reason = Reason::new(c.reason);
        let requirement = match c.requirement {
            Requirement::VacancyOpen => {
                if let Some(t) = v.circumstances.valid_through {
                    reason = reason.with("date", t);
                }
                "VACANCY_OPEN"
            }
            Requirement::WorkAuthorization => {
                if let Some(from) = p.work_authorization.as_ref().and_then(|a| a.eligible_from) {
                    reason = reason.with("date", from);
                }
                "WORK_AUTHORIZATION"
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
                "LANGUAGE"
            }
            Requirement::Certificate(bit) => {
                reason = reason.with("cert", &self.taxonomy().certificate_by_bit(bit).code);
                "CERTIFICATE"
            }
            Requirement::DrivingLicence(l) => {
                reason = reason.with("licence", l.as_str());
                "DRIVING_LICENCE"
            }
            Requirement::Education => {
                if let Some((n, _)) = v.qualifications.education {
                    reason = reason.with("nlqf", n);
                }
                if let Some(n) = p.education_nlqf {
                    reason = reason.with("held", n);
                }
                "EDUCATION"
            }
            Requirement::Experience => {
                reason = reason.with("years", v.circumstances.experience_years.unwrap_or(0.0));
                "EXPERIENCE"
            }
            Requirement::Exclusion => {
                reason = reason
                    .with("sector", v.circumstances.sector.as_deref().unwrap_or("-"))
                    .with("isco", v.circumstances.isco.as_ref().map_or("-", |i| i.as_str()));
                "EXCLUSION"
            }
            Requirement::Distance => {
                if let (Some(a), Some(b)) = (p.location, v.circumstances.location) {
                    reason = reason.with("km", format!("{:.1}", a.distance_km(b)));
                }
                if let Some(max) = p.max_commute_km {
                    reason = reason.with("max", max);
                }
                "DISTANCE"
            }
        };
        let (outcome, step) = match c.status {
            Status::Met => (OutcomeKind::Met, None),
            Status::Bridgeable { step, effort_weeks } => {
                reason = reason.with("weeks", weeks(effort_weeks));
                (OutcomeKind::Bridgeable, Some(self.step_info(p, step)))
            }
            Status::Blocking => (OutcomeKind::Blocking, None),
            Status::Unknown => (OutcomeKind::Unknown, None),
        };
        RequirementOutcome { requirement, outcome, step, reason }
    }

    fn self_development_explanation(
        &self,
        p: &CompiledParticipant,
        v: &CompiledVacancy,
        sd: &SelfDevelopmentAssessment,
    ) -> SelfDevelopmentExplanation {
        let mut signals = Vec::new();
        if sd.explicit {
            signals.push("EXPLICIT_LABEL");
        }
        if sd.isco_relation >= self.config().self_development.strong_isco_relation {
            signals.push("OWN_OR_DESIRED_OCCUPATION");
        } else if sd.isco_relation >= self.config().self_development.some_isco_relation {
            signals.push("RELATED_OCCUPATION");
        }
        if sd.text_relevance >= self.config().self_development.strong_text_relevance {
            signals.push("STRONG_TEXT_MATCH");
        } else if sd.text_relevance >= self.config().self_development.some_text_relevance {
            signals.push("TEXT_MATCH");
        }
        for (on, name) in [
            (v.training, "TRAINING"),
            (v.career_path, "CAREER_PATH"),
            (v.mentoring, "MENTORING"),
            (v.language_support, "LANGUAGE_SUPPORT"),
            (
                v.language_contact.is_some_and(|c| c >= crate::model::ContactLevel::Medium),
                "LANGUAGE_CONTACT",
            ),
            (
                v.social_contact.is_some_and(|c| c >= crate::model::ContactLevel::Medium),
                "SOCIAL_CONTACT",
            ),
            (v.repetitive == Some(true), "REPETITIVE_WORK"),
        ] {
            if on {
                signals.push(name);
            }
        }
        let code = if sd.explicit {
            ReasonCode::LevelExplicit
        } else {
            match sd.level {
                SelfDevelopment::Strong => ReasonCode::LevelStrong,
                SelfDevelopment::Some => ReasonCode::LevelSome,
                SelfDevelopment::Minimal => ReasonCode::LevelMinimal,
            }
        };
        SelfDevelopmentExplanation {
            level: sd.level,
            preference: sd.preference,
            preference_stated: p.preference_stated,
            fit: sd.fit,
            field_link: sd.field_link,
            signals,
            reason: Reason::new(code).with("level", sd.level.as_str()),
        }
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
        let mut requirements: Vec<RequirementOutcome> =
            checks.iter().map(|c| self.requirement_outcome(p, v, c)).collect();
        let mut on_job = v.qualifications.certificates_on_the_job;
        while on_job != 0 {
            let bit = on_job.trailing_zeros() as u8;
            on_job &= on_job - 1;
            requirements.push(RequirementOutcome {
                requirement: "CERTIFICATE",
                outcome: OutcomeKind::Met,
                step: None,
                reason: Reason::new(ReasonCode::CertificateOnTheJob)
                    .with("cert", &self.taxonomy().certificate_by_bit(bit).code),
            });
        }
        let sd = &score.self_development;
        let self_development = self.self_development_explanation(p, v, sd);

        let mut reasons = Vec::new();
        let fit_code = if self.is_fitting(sd.fit) {
            ReasonCode::FitsPreference
        } else if sd.fit >= 0.5 {
            ReasonCode::PartlyFitsPreference
        } else {
            ReasonCode::DoesNotFitPreference
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
        if sd.isco_relation >= self.config().self_development.strong_isco_relation {
            reasons.push(
                Reason::new(ReasonCode::OwnField)
                    .with("isco", v.circumstances.isco.as_ref().map_or("", |i| i.as_str())),
            );
        } else if sd.isco_relation >= self.config().self_development.some_isco_relation {
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
        if p.needs_appointment_flexibility == Some(true)
            && v.appointment_flexibility == Some(crate::model::AppointmentFlexibility::Yes)
        {
            reasons.push(Reason::new(ReasonCode::AppointmentFlexibility));
        }
        if v.contract == Some(ContractType::OnCall) {
            reasons.push(Reason::new(ReasonCode::OnCallContract));
        }
        if p.weekends == Some(false) && v.weekends == Some(true) {
            reasons.push(Reason::new(ReasonCode::WeekendWork));
        }
        if let Some(from) = p.work_authorization.as_ref().and_then(|a| a.eligible_from)
            && from > self.today()
        {
            reasons.push(Reason::new(ReasonCode::NotYetEligible).with("date", from));
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
