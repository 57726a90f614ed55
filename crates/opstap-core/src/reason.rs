//! The vocabulary of outcomes: reason codes, requirement kinds, outcome kinds, step kinds
//! and self-development signals. Every layer above (matching, explanations, plans, the
//! batch, the gRPC conversion, the CLI) speaks these types, never their names as strings;
//! the names are produced here, once, and are a contract of the JSON and gRPC outputs.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Derives for a vocabulary enum: serde names and strum names agree
/// (`SCREAMING_SNAKE_CASE`), and `VARIANTS` lists every variant.
macro_rules! vocabulary {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident,)* }) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
            strum::IntoStaticStr, strum::VariantArray,
        )]
        #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
        #[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
        pub enum $name { $($(#[$vmeta])* $variant,)* }

        impl $name {
            /// The contract name (`SCREAMING_SNAKE_CASE`), as in JSON and gRPC.
            pub fn as_str(self) -> &'static str {
                self.into()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.pad(self.as_str())
            }
        }
    };
}

vocabulary! {
    /// Stable reason codes. The names are a contract; the Fluent message ids are the same
    /// names in kebab-case ([`ReasonCode::message_id`]).
    pub enum ReasonCode {
    VacancyClosed,
    ExcludedSector,
    ExcludedOccupation,
    AuthUnknown,
    AuthNotAllowed,
    AuthTrackMayNotWork,
    WDocumentExpired,
    AuthEligibleAfterClosing,
    AuthTwvAfterClosing,
    AuthFree,
    AuthNotificationOnly,
    TwvExperienced,
    TwvWilling,
    TwvUnknown,
    TwvUnwilling,
    VolunteerStatementHeld,
    VolunteerStatementUnknown,
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
    EducationLevelUnconfirmed,
    EducationUnknown,
    RegistrationHeld,
    RegistrationRoute,
    RegistrationUnknown,
    ExperienceMet,
    ExperienceShort,
    ExperienceUnknown,
    DistanceMet,
    DistanceTooFar,
    DistanceUnknown,
    // Self-development and summary reasons.
    LevelExplicit,
    LevelLabelNotForYou,
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
    DayPartsOutsideAvailability,
    HoursOutsideAvailability,
    AppointmentFlexibilityRefused,
    PhysicallyDemanding,
    NotYetEligible,
    NotYetEligibleByRule,
    // Step plans.
    StepCertificate,
    StepLanguage,
    StepLicence,
    StepDiplomaEvaluation,
    StepRegistration,
    StepRenewal,
    StepEmployerApplication,
    StepTerms,
    StepMinAge,
    StepMinAgeUnknown,
    StepPrerequisites,
    PlanOption,
    PlanLongRouteOption,
    PlanClosingBeforeFinish,
    PlanAssumedOpen,
    PlanFlowWindow,
    PlanNothingToUnlock,
    EmployerAnswer,
}
}

impl ReasonCode {
    /// The Fluent message id: the code in kebab-case (`language-gap`).
    pub fn message_id(self) -> String {
        self.as_str().to_ascii_lowercase().replace('_', "-")
    }
}

vocabulary! {
    /// What a hard requirement is about.
    pub enum RequirementKind {
        VacancyOpen,
        WorkAuthorization,
        Language,
        Certificate,
        DrivingLicence,
        Education,
        Experience,
        Exclusion,
        Distance,
        VolunteerStatement,
        Registration,
    }
}

vocabulary! {
    /// `MET | BRIDGEABLE | BLOCKING | UNKNOWN`.
    pub enum OutcomeKind {
        Met,
        Bridgeable,
        Blocking,
        Unknown,
    }
}

vocabulary! {
    /// The kind of a step that closes a gap.
    pub enum StepKind {
        Certificate,
        Language,
        DrivingLicence,
        DiplomaEvaluation,
        Registration,
    }
}

vocabulary! {
    /// What taking a step means for the person: a course (with its exam), an exam
    /// prepared for otherwise (CBR licence exams), an application the employer makes when
    /// hiring (a VOG), a recognition by an authority (IDW, a BIG registration), or
    /// volunteer work.
    pub enum StepForm {
        Course,
        Exam,
        EmployerApplication,
        Recognition,
        Volunteering,
    }
}

vocabulary! {
    /// A fact that decided the self-development level of a job for a person.
    pub enum Signal {
        /// The vacancy carries an explicit self-development label.
        ExplicitLabel,
        /// The job is in the person's own or desired occupation.
        OwnOrDesiredOccupation,
        /// The job is in an occupation related to the person's.
        RelatedOccupation,
        /// The vacancy's text matches the person's skills and interests strongly.
        StrongTextMatch,
        /// The vacancy's text matches the person's skills and interests.
        TextMatch,
        Training,
        CareerPath,
        Mentoring,
        LanguageSupport,
        /// Work with at least medium language contact.
        LanguageContact,
        /// Work with at least medium social contact.
        SocialContact,
        RepetitiveWork,
    }
}

/// A set of [`Signal`]s, iterated in the order of their declaration.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Signals(u16);

impl Signals {
    pub const EMPTY: Signals = Signals(0);

    fn bit(s: Signal) -> u16 {
        1 << (s as u16)
    }

    /// This set with `s` added when `on`.
    #[must_use]
    pub fn with_if(self, s: Signal, on: bool) -> Signals {
        Signals(self.0 | if on { Self::bit(s) } else { 0 })
    }

    pub fn contains(self, s: Signal) -> bool {
        self.0 & Self::bit(s) != 0
    }

    #[must_use]
    pub fn union(self, other: Signals) -> Signals {
        Signals(self.0 | other.0)
    }

    pub fn iter(self) -> impl Iterator<Item = Signal> {
        use strum::VariantArray;
        Signal::VARIANTS.iter().copied().filter(move |&s| self.contains(s))
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

#[cfg(test)]
mod tests {
    use strum::VariantArray;

    use super::*;

    fn serde_name<T: Serialize>(value: T) -> String {
        serde_json::to_value(value).expect("serializes").as_str().expect("a string").to_owned()
    }

    /// The names in JSON (serde) and everywhere else (strum) are the same contract.
    #[test]
    fn serde_and_strum_names_agree() {
        for &c in ReasonCode::VARIANTS {
            assert_eq!(serde_name(c), c.as_str());
        }
        for &k in RequirementKind::VARIANTS {
            assert_eq!(serde_name(k), k.as_str());
        }
        for &k in OutcomeKind::VARIANTS {
            assert_eq!(serde_name(k), k.as_str());
        }
        for &k in StepKind::VARIANTS {
            assert_eq!(serde_name(k), k.as_str());
        }
        for &f in StepForm::VARIANTS {
            assert_eq!(serde_name(f), f.as_str());
        }
        for &s in Signal::VARIANTS {
            assert_eq!(serde_name(s), s.as_str());
        }
        assert_eq!(ReasonCode::AuthEligibleAfterClosing.as_str(), "AUTH_ELIGIBLE_AFTER_CLOSING");
        assert_eq!(ReasonCode::LanguageGap.message_id(), "language-gap");
        assert_eq!(Signal::OwnOrDesiredOccupation.as_str(), "OWN_OR_DESIRED_OCCUPATION");
    }

    #[test]
    fn signals_iterate_in_declaration_order() {
        assert!(Signal::VARIANTS.len() <= 16, "Signals is a u16");
        let s = Signals::EMPTY
            .with_if(Signal::RepetitiveWork, true)
            .with_if(Signal::Training, true)
            .with_if(Signal::Mentoring, false)
            .union(Signals::EMPTY.with_if(Signal::ExplicitLabel, true));
        assert_eq!(
            s.iter().collect::<Vec<_>>(),
            [Signal::ExplicitLabel, Signal::Training, Signal::RepetitiveWork]
        );
        assert!(!s.contains(Signal::Mentoring));
    }
}
