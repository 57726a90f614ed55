//! The data contract (README "Data formats"): participants, vacancies and placements as they
//! travel in JSON Lines. Field names and enumeration values are a contract that
//! other tools depend on: rename nothing here without a version bump.

use serde::{Deserialize, Serialize};

use crate::date::Date;

/// A CEFR level (Dutch: ERK). A language that is not listed counts as no knowledge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum CefrLevel {
    A1,
    A2,
    B1,
    B2,
    C1,
    C2,
}

impl CefrLevel {
    pub const ALL: [CefrLevel; 6] =
        [CefrLevel::A1, CefrLevel::A2, CefrLevel::B1, CefrLevel::B2, CefrLevel::C1, CefrLevel::C2];

    /// Rank on the scale NONE=0 < A1=1 < … < C2=6.
    pub fn rank(self) -> u8 {
        self as u8 + 1
    }

    pub fn from_rank(rank: u8) -> Option<CefrLevel> {
        rank.checked_sub(1).and_then(|i| Self::ALL.get(usize::from(i)).copied())
    }

    pub fn as_str(self) -> &'static str {
        ["A1", "A2", "B1", "B2", "C1", "C2"][self as usize]
    }
}

/// An ISO 639-1 language code, lower-case, two letters (validated).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LangCode(pub String);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageSkill {
    pub lang: LangCode,
    pub level: CefrLevel,
}

/// The participant's wish for self-development in a job, and the level a job offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum SelfDevelopment {
    Minimal,
    Some,
    Strong,
}

impl SelfDevelopment {
    pub const ALL: [SelfDevelopment; 3] =
        [SelfDevelopment::Minimal, SelfDevelopment::Some, SelfDevelopment::Strong];
    pub fn as_str(self) -> &'static str {
        ["MINIMAL", "SOME", "STRONG"][self as usize]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum WorkAuthorizationStatus {
    /// Asylum seeker: the employer must obtain a TWV (docs/domain.md §2).
    AsylumTwvRequired,
    /// Status holder: "arbeid vrij toegestaan".
    Free,
    /// Temporary protection (e.g. Ukraine): the employer notifies UWV.
    NotificationOnly,
    NotAllowed,
}

impl WorkAuthorizationStatus {
    pub fn as_str(self) -> &'static str {
        ["ASYLUM_TWV_REQUIRED", "FREE", "NOTIFICATION_ONLY", "NOT_ALLOWED"][self as usize]
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkAuthorization {
    pub status: WorkAuthorizationStatus,
    /// The first day the person may work. When absent for an asylum seeker, it is derived
    /// from `asylum_application_date` by the dated rules of the configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eligible_from: Option<Date>,
    /// The day the asylum application was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asylum_application_date: Option<Date>,
    /// The procedure track the application is in (the rules may differ by track).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub procedure_track: Option<ProcedureTrack>,
    /// The day the person's W-document (asylum seeker's identity document) expires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub w_document_expires: Option<Date>,
}

/// The track of an asylum procedure, as far as the rules for work distinguish them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ProcedureTrack {
    Regular,
    /// An application with a high chance of a permit.
    HighChance,
    /// An application with a low chance (e.g. from a safe country of origin).
    LowChance,
}

impl ProcedureTrack {
    pub fn as_str(self) -> &'static str {
        match self {
            ProcedureTrack::Regular => "REGULAR",
            ProcedureTrack::HighChance => "HIGH_CHANCE",
            ProcedureTrack::LowChance => "LOW_CHANCE",
        }
    }
}

/// The employer's stance on applying for a TWV.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TwvStance {
    Experienced,
    Willing,
    Unknown,
    Unwilling,
}

impl TwvStance {
    pub fn as_str(self) -> &'static str {
        ["EXPERIENCED", "WILLING", "UNKNOWN", "UNWILLING"][self as usize]
    }
}

/// IDW diploma evaluation of a foreign diploma (docs/domain.md §6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum DiplomaEvaluation {
    NotEvaluated,
    Pending,
    Recognized,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum DayPart {
    Day,
    Evening,
    Night,
}

impl DayPart {
    pub const ALL: [DayPart; 3] = [DayPart::Day, DayPart::Evening, DayPart::Night];

    pub fn bit(self) -> u8 {
        1 << (self as u8)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            DayPart::Day => "DAY",
            DayPart::Evening => "EVENING",
            DayPart::Night => "NIGHT",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ContractType {
    Permanent,
    FixedTerm,
    TempAgency,
    OnCall,
    Internship,
    Volunteer,
}

/// LOW / MEDIUM / HIGH, for language and social contact on the job.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ContactLevel {
    Low,
    Medium,
    High,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum AppointmentFlexibility {
    Yes,
    No,
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum LearningStyle {
    OnTheJob,
    CourseFirst,
}

/// Dutch driving-licence categories (docs/domain.md §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum DrivingLicence {
    AM,
    A1,
    A2,
    A,
    B,
    BE,
    C1,
    C1E,
    C,
    CE,
    D1,
    D1E,
    D,
    DE,
    T,
}

impl DrivingLicence {
    pub const ALL: [DrivingLicence; 15] = [
        DrivingLicence::AM,
        DrivingLicence::A1,
        DrivingLicence::A2,
        DrivingLicence::A,
        DrivingLicence::B,
        DrivingLicence::BE,
        DrivingLicence::C1,
        DrivingLicence::C1E,
        DrivingLicence::C,
        DrivingLicence::CE,
        DrivingLicence::D1,
        DrivingLicence::D1E,
        DrivingLicence::D,
        DrivingLicence::DE,
        DrivingLicence::T,
    ];
    pub fn as_str(self) -> &'static str {
        ["AM", "A1", "A2", "A", "B", "BE", "C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE", "T"]
            [self as usize]
    }
    pub fn parse(code: &str) -> Option<DrivingLicence> {
        Self::ALL.into_iter().find(|l| l.as_str() == code)
    }
    pub fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// A certificate code from the certificate taxonomy (`crates/opstap-core/taxonomy/certificates.toml`),
/// e.g. `VCA_BASIS`. Validated against the taxonomy, so the set is extensible by data.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CertificateCode(pub String);

/// A certificate a person holds: its code, and optionally when it was obtained or until
/// when it is valid. In JSON either the code (`"BHV"`) or an object
/// (`{"code":"BHV","valid_until":"2026-10-01"}`). An expired one is not held (renewing it
/// is a step); without dates it is held.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct HeldCertificate {
    pub code: CertificateCode,
    /// The day it was obtained: with the taxonomy's `validity_years`, when it expires.
    pub obtained: Option<Date>,
    /// The last day it is valid (as printed on it); wins over `obtained`.
    pub valid_until: Option<Date>,
}

impl HeldCertificate {
    /// A certificate held without dates.
    pub fn code(code: &str) -> HeldCertificate {
        HeldCertificate {
            code: CertificateCode(code.to_owned()),
            obtained: None,
            valid_until: None,
        }
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DatedCertificate {
    code: CertificateCode,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    obtained: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    valid_until: Option<Date>,
}

impl Serialize for HeldCertificate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.obtained.is_none() && self.valid_until.is_none() {
            return self.code.serialize(s);
        }
        DatedCertificate {
            code: self.code.clone(),
            obtained: self.obtained,
            valid_until: self.valid_until,
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for HeldCertificate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = HeldCertificate;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(
                    "a certificate code, or an object with `code` and optionally `obtained` and `valid_until` (YYYY-MM-DD)",
                )
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<HeldCertificate, E> {
                Ok(HeldCertificate::code(v))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<HeldCertificate, A::Error> {
                let d = DatedCertificate::deserialize(
                    serde::de::value::MapAccessDeserializer::new(map),
                )?;
                Ok(HeldCertificate {
                    code: d.code,
                    obtained: d.obtained,
                    valid_until: d.valid_until,
                })
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// An ISCO-08 code (1–4 digits), validated against the ISCO table.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct IscoCode(pub String);

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HoursRange {
    pub min: f64,
    pub max: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GeoPoint {
    pub lat: f64,
    pub lon: f64,
}

// ---------------------------------------------------------------- participant

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Education {
    pub nlqf: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evaluation: Option<DiplomaEvaluation>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Experience {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub isco: Option<IscoCode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years: Option<f64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exclusions {
    #[serde(default)]
    pub sectors: Vec<String>,
    #[serde(default)]
    pub isco: Vec<IscoCode>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Availability {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day_parts: Option<Vec<DayPart>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekends: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours_per_week: Option<HoursRange>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needs_appointment_flexibility: Option<bool>,
    /// The person prefers to avoid physically demanding work: a wish, never a diagnosis
    /// (no health data is asked or kept).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avoid_physically_demanding: Option<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParticipantLocation {
    pub lat: f64,
    pub lon: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_commute_km: Option<f64>,
}

/// A participant: a newcomer looking for work. `id` is a pseudonym, never a name.
/// Absent optional fields are UNKNOWN to the matcher, never a pass or a fail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub languages: Option<Vec<LanguageSkill>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificates: Option<Vec<HeldCertificate>>,
    /// Registrations of a regulated profession the person holds (`BIG_NURSE`, …; codes
    /// from the registrations taxonomy). Absent: unknown; `[]`: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registrations: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub driving_licences: Option<Vec<DrivingLicence>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub education: Option<Education>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub experience: Option<Vec<Experience>>,
    #[serde(default)]
    pub skills: Vec<String>,
    #[serde(default)]
    pub interests: Vec<String>,
    #[serde(default)]
    pub desired_isco: Vec<IscoCode>,
    #[serde(default)]
    pub excluded: Exclusions,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_development: Option<SelfDevelopment>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_authorization: Option<WorkAuthorization>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability: Option<Availability>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<ParticipantLocation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub learning_style: Option<LearningStyle>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub horizon_weeks: Option<f64>,
    /// The day of birth, only to tell when a step with a minimum age (a C licence at 21,
    /// social hygiene at 21) can be taken. Absent: the plan says the age is to be checked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<Date>,
}

// ---------------------------------------------------------------- vacancy

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Employer {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub twv: Option<TwvStance>,
    /// For volunteer work: the organisation holds UWV's volunteer statement
    /// (*vrijwilligersverklaring*) for this kind of work. Absent: unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volunteer_statement: Option<bool>,
}

/// One language requirement: met when any one alternative is met
/// ("Dutch A2 or English B1"). Written `{"any_of": [{"lang", "level"}, …]}`, or, for a
/// single language, `{"lang": "nl", "level": "B1"}`; always written back in the first form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, try_from = "LanguageRequirementForm")]
pub struct LanguageRequirement {
    pub any_of: Vec<LanguageSkill>,
}

/// The two written forms of a [`LanguageRequirement`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LanguageRequirementForm {
    #[serde(default)]
    any_of: Option<Vec<LanguageSkill>>,
    #[serde(default)]
    lang: Option<LangCode>,
    #[serde(default)]
    level: Option<CefrLevel>,
}

impl TryFrom<LanguageRequirementForm> for LanguageRequirement {
    type Error = String;

    fn try_from(f: LanguageRequirementForm) -> Result<Self, String> {
        match f {
            LanguageRequirementForm { any_of: Some(any_of), lang: None, level: None } => {
                Ok(LanguageRequirement { any_of })
            }
            LanguageRequirementForm { any_of: None, lang: Some(lang), level: Some(level) } => {
                Ok(LanguageRequirement { any_of: vec![LanguageSkill { lang, level }] })
            }
            _ => Err("a language requirement is either {\"any_of\": [{\"lang\": \"nl\", \"level\": \"B1\"}, …]} \
                      or one language, {\"lang\": \"nl\", \"level\": \"B1\"}; not both, and a \
                      language needs its level"
                .to_owned()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EducationRequirement {
    pub nlqf: u8,
    /// `true`: "minimaal MBO-3 diploma"; `false`: "MBO-3 werk- en denkniveau".
    #[serde(default)]
    pub diploma_required: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requirements {
    #[serde(default)]
    pub languages: Vec<LanguageRequirement>,
    #[serde(default)]
    pub certificates: Vec<CertificateCode>,
    /// Certificates the employer provides on the job: never a gap.
    #[serde(default)]
    pub certificates_on_the_job: Vec<CertificateCode>,
    #[serde(default)]
    pub driving_licence: Option<DrivingLicence>,
    #[serde(default)]
    pub education: Option<EducationRequirement>,
    #[serde(default)]
    pub experience_years: Option<f64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Offers {
    #[serde(default)]
    pub training: Option<bool>,
    #[serde(default)]
    pub language_support: Option<bool>,
    #[serde(default)]
    pub mentoring: Option<bool>,
    #[serde(default)]
    pub career_path: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Work {
    #[serde(default)]
    pub language_contact: Option<ContactLevel>,
    #[serde(default)]
    pub social_contact: Option<ContactLevel>,
    #[serde(default)]
    pub repetitive: Option<bool>,
    #[serde(default)]
    pub physically_demanding: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conditions {
    #[serde(default)]
    pub contract: Option<ContractType>,
    #[serde(default)]
    pub hours_per_week: Option<HoursRange>,
    #[serde(default)]
    pub day_parts: Option<Vec<DayPart>>,
    #[serde(default)]
    pub weekends: Option<bool>,
    #[serde(default)]
    pub appointment_flexibility: Option<AppointmentFlexibility>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Application {
    /// A practical procedure (trial day on the work floor) instead of an interview.
    #[serde(default)]
    pub practical: Option<bool>,
}

/// The period a [`Wage`] is paid per.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum WagePeriod {
    Hour,
    Week,
    Month,
    Year,
}

/// The gross wage a vacancy offers, as the posting states it (a single amount has
/// `min == max`). Shown to the person; not a matching rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wage {
    pub min: f64,
    pub max: f64,
    /// ISO 4217 code, e.g. "EUR".
    pub currency: String,
    pub per: WagePeriod,
}

/// Where a value of an imported vacancy came from: the words of the posting and the
/// pattern that read them, so an explanation can quote the posting and a data officer can
/// see, and correct, why a requirement was set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// The contract field the value went to, e.g. `requirements.certificates`.
    pub field: String,
    /// The value, as the contract writes it (`VCA_BASIS`, `nl:B1`, `2`).
    pub value: String,
    /// The posting's words that gave it.
    pub quote: String,
    /// The posting's field the quote is from (`description`, `title`,
    /// `experienceRequirements`, …).
    pub source: String,
    /// The quote's position in that field's text, in characters from its start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<usize>,
    /// The name of the rule that read it (`licence.code_after_word`, `override`, …).
    pub pattern: String,
    /// For an inferred value (an occupation from the title): how sure, 0–1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
}

/// A vacancy. Optional fields may be absent or `null`: absent is UNKNOWN.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vacancy {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub sector: Option<String>,
    #[serde(default)]
    pub isco: Option<IscoCode>,
    #[serde(default)]
    pub employer: Option<Employer>,
    #[serde(default)]
    pub location: Option<GeoPoint>,
    #[serde(default)]
    pub requirements: Requirements,
    #[serde(default)]
    pub offers: Offers,
    #[serde(default)]
    pub work: Work,
    #[serde(default)]
    pub conditions: Conditions,
    #[serde(default)]
    pub application: Application,
    #[serde(default)]
    pub self_development: Option<SelfDevelopment>,
    #[serde(default)]
    pub posted: Option<Date>,
    #[serde(default)]
    pub valid_through: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wage: Option<Wage>,
    /// For an imported vacancy: where its values came from in the posting.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extracted: Vec<Evidence>,
    /// What the employer answered a caseworker about this vacancy, in force: matching
    /// reads the vacancy with them applied ([`Vacancy::with_answers`]). Kept by the server
    /// from its store; an upsert does not set them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub employer_answers: Vec<crate::answer::EmployerAnswer>,
}

// ---------------------------------------------------------------- placement

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum PlacementOutcome {
    Hired,
    Trial,
    Rejected,
    Withdrawn,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum PlacementFit {
    Fit,
    Misfit,
}

/// A past placement, for analysts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Placement {
    pub participant_id: String,
    pub vacancy_id: String,
    pub date: Date,
    pub outcome: PlacementOutcome,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fit: Option<PlacementFit>,
    /// For a hire: the day the person left the job (absent: still there, as far as
    /// known). With the evaluation day it gives the retention at 30 and 90 days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left: Option<Date>,
}

impl Placement {
    /// Whether the person was still in the job `days` after starting: `None` while that
    /// day has not come on `today` (and the person has not left), and for anything but a
    /// hire.
    pub fn retained(&self, days: i32, today: Date) -> Option<bool> {
        if self.outcome != PlacementOutcome::Hired {
            return None;
        }
        let mark = self.date.add_days(days);
        match self.left {
            Some(left) => Some(left >= mark),
            None => (today >= mark).then_some(true),
        }
    }
}
