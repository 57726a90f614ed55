//! Proto ↔ core conversion. Incoming messages are destructured in full, so a field added
//! to a `.proto` file breaks the build here until it is mapped. After the structural
//! conversion the core validators run, so a request is checked by exactly the rules a
//! JSON line is checked by, and every error names its field path
//! (`participant.languages[0].level`).

use opstap_core::explain::{SelfDevelopmentExplanation, StepInfo};
use opstap_core::matching::{Component, ComponentScore, FieldLink};
use opstap_core::model as m;
use opstap_core::validate::{RecordError, validate_participant, validate_vacancy};
use opstap_core::{
    Date, MatchClass, MatchExplanation, Reason, RequirementOutcome, StepOption, StepPlan, Taxonomy,
};
use opstap_core::{OutcomeKind, RequirementKind, StepKind};
use opstap_proto::v1 as pb;

/// A field that was wrong, and what is accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The field path, e.g. `participant.languages[0].level`.
    pub field: String,
    pub description: String,
}

impl Violation {
    pub fn new(field: impl Into<String>, description: impl Into<String>) -> Violation {
        Violation { field: field.into(), description: description.into() }
    }

    /// A core validation error, under `path`.
    fn from_record(path: &str, e: RecordError) -> Violation {
        Violation::new(format!("{path}.{}", e.field), e.message)
    }
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.description)
    }
}

type Result<T> = std::result::Result<T, Violation>;

/// A core enum and its protobuf twin.
trait EnumPair: Sized + Copy {
    type Pb: TryFrom<i32> + Copy;
    /// The protobuf enum's full name, for error messages.
    const NAME: &'static str;
    /// `None` for `*_UNSPECIFIED`.
    fn from_pb(p: Self::Pb) -> Option<Self>;
    fn to_pb(self) -> Self::Pb;
}

macro_rules! enum_pair {
    ($core:ident <=> $pb:ident { $($c:ident => $p:ident),+ $(,)? }) => {
        impl EnumPair for m::$core {
            type Pb = pb::$pb;
            const NAME: &'static str = concat!("opstap.v1.", stringify!($pb));
            fn from_pb(p: pb::$pb) -> Option<Self> {
                match p {
                    pb::$pb::Unspecified => None,
                    $(pb::$pb::$p => Some(m::$core::$c),)+
                }
            }
            fn to_pb(self) -> pb::$pb {
                match self {
                    $(m::$core::$c => pb::$pb::$p,)+
                }
            }
        }
    };
}

enum_pair!(CefrLevel <=> CefrLevel { A1 => A1, A2 => A2, B1 => B1, B2 => B2, C1 => C1, C2 => C2 });
enum_pair!(SelfDevelopment <=> SelfDevelopment { Minimal => Minimal, Some => Some, Strong => Strong });
enum_pair!(WorkAuthorizationStatus <=> WorkAuthorizationStatus {
    AsylumTwvRequired => AsylumTwvRequired,
    Free => Free,
    NotificationOnly => NotificationOnly,
    NotAllowed => NotAllowed,
});
enum_pair!(TwvStance <=> TwvStance {
    Experienced => Experienced, Willing => Willing, Unknown => Unknown, Unwilling => Unwilling,
});
enum_pair!(DiplomaEvaluation <=> DiplomaEvaluation {
    NotEvaluated => NotEvaluated, Pending => Pending, Recognized => Recognized,
});
enum_pair!(DayPart <=> DayPart { Day => Day, Evening => Evening, Night => Night });
enum_pair!(ContractType <=> ContractType {
    Permanent => Permanent,
    FixedTerm => FixedTerm,
    TempAgency => TempAgency,
    OnCall => OnCall,
    Internship => Internship,
    Volunteer => Volunteer,
});
enum_pair!(ContactLevel <=> ContactLevel { Low => Low, Medium => Medium, High => High });
enum_pair!(AppointmentFlexibility <=> AppointmentFlexibility { Yes => Yes, No => No, Unknown => Unknown });
enum_pair!(LearningStyle <=> LearningStyle { OnTheJob => OnTheJob, CourseFirst => CourseFirst });
enum_pair!(DrivingLicence <=> DrivingLicence {
    AM => Am, A1 => A1, A2 => A2, A => A, B => B, BE => Be, C1 => C1, C1E => C1e, C => C,
    CE => Ce, D1 => D1, D1E => D1e, D => D, DE => De, T => T,
});

/// An optional enum: `*_UNSPECIFIED` is absent (UNKNOWN).
fn opt_enum<E: EnumPair>(raw: i32, field: &str) -> Result<Option<E>> {
    let p = E::Pb::try_from(raw)
        .map_err(|_| Violation::new(field, format!("{raw} is not a value of {}", E::NAME)))?;
    Ok(E::from_pb(p))
}

/// A required enum: `*_UNSPECIFIED` is an error.
fn req_enum<E: EnumPair>(raw: i32, field: &str) -> Result<E> {
    opt_enum(raw, field)?.ok_or_else(|| {
        Violation::new(field, format!("is unspecified; {} needs a value here", E::NAME))
    })
}

fn enums<E: EnumPair>(raw: &[i32], field: &str) -> Result<Vec<E>> {
    raw.iter().enumerate().map(|(i, r)| req_enum(*r, &format!("{field}[{i}]"))).collect()
}

fn to_pb<E: EnumPair>(e: E) -> i32
where
    E::Pb: Into<i32>,
{
    e.to_pb().into()
}

fn opt_to_pb<E: EnumPair>(e: Option<E>) -> i32
where
    E::Pb: Into<i32>,
{
    e.map_or(0, to_pb)
}

fn date(text: Option<String>, field: &str) -> Result<Option<Date>> {
    text.map(|t| {
        t.parse::<Date>().map_err(|_| {
            Violation::new(
                field,
                format!("is `{t}`; a date is written YYYY-MM-DD, e.g. 2026-11-27"),
            )
        })
    })
    .transpose()
}

fn language_skills(skills: Vec<pb::LanguageSkill>, field: &str) -> Result<Vec<m::LanguageSkill>> {
    skills
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let pb::LanguageSkill { lang, level } = s;
            Ok(m::LanguageSkill {
                lang: m::LangCode(lang),
                level: req_enum(level, &format!("{field}[{i}].level"))?,
            })
        })
        .collect()
}

fn hours(h: Option<pb::HoursRange>) -> Option<m::HoursRange> {
    h.map(|pb::HoursRange { min, max }| m::HoursRange { min, max })
}

fn iscos(codes: Vec<String>) -> Vec<m::IscoCode> {
    codes.into_iter().map(m::IscoCode).collect()
}

fn certificates(codes: Vec<String>) -> Vec<m::CertificateCode> {
    codes.into_iter().map(m::CertificateCode).collect()
}

/// The list fields of `Participant` whose absence means UNKNOWN (see `empty_lists`).
const EMPTY_LIST_FIELDS: [&str; 4] =
    ["languages", "certificates", "driving_licences", "experience"];

/// An empty list is UNKNOWN unless declared empty.
fn known_list<T>(v: Vec<T>, declared_empty: bool) -> Option<Vec<T>> {
    (!v.is_empty() || declared_empty).then_some(v)
}

/// A participant from a request, validated like a JSON line; errors name paths under `path`.
pub fn participant(p: pb::Participant, path: &str, taxonomy: &Taxonomy) -> Result<m::Participant> {
    let pb::Participant {
        id,
        languages,
        certificates: certs,
        driving_licences,
        education,
        experience,
        skills,
        interests,
        desired_isco,
        excluded,
        self_development,
        work_authorization,
        availability,
        location,
        learning_style,
        horizon_weeks,
        empty_lists,
    } = p;
    let f = |name: &str| format!("{path}.{name}");
    let mut declared = [false; 4];
    for (i, name) in empty_lists.iter().enumerate() {
        let Some(k) = EMPTY_LIST_FIELDS.iter().position(|x| x == name) else {
            return Err(Violation::new(
                f(&format!("empty_lists[{i}]")),
                format!("`{name}` is not one of: {}", EMPTY_LIST_FIELDS.join(", ")),
            ));
        };
        declared[k] = true;
    }
    let languages = language_skills(languages, &f("languages"))?;
    let driving_licences = enums(&driving_licences, &f("driving_licences"))?;
    let education = education
        .map(|e| -> Result<m::Education> {
            let pb::Education { nlqf, field, evaluation } = e;
            Ok(m::Education {
                nlqf: nlqf.map(|n| u8::try_from(n).unwrap_or(u8::MAX)),
                field,
                evaluation: opt_enum(evaluation, &f("education.evaluation"))?,
            })
        })
        .transpose()?;
    let experience: Vec<m::Experience> = experience
        .into_iter()
        .map(|e| {
            let pb::Experience { title, isco, years } = e;
            m::Experience { title, isco: isco.map(m::IscoCode), years }
        })
        .collect();
    let excluded = excluded
        .map(|pb::Exclusions { sectors, isco }| m::Exclusions { sectors, isco: iscos(isco) })
        .unwrap_or_default();
    let work_authorization = work_authorization
        .map(|w| -> Result<m::WorkAuthorization> {
            let pb::WorkAuthorization { status, eligible_from } = w;
            Ok(m::WorkAuthorization {
                status: req_enum(status, &f("work_authorization.status"))?,
                eligible_from: date(eligible_from, &f("work_authorization.eligible_from"))?,
            })
        })
        .transpose()?;
    let availability = availability
        .map(|a| -> Result<m::Availability> {
            let pb::Availability {
                day_parts,
                weekends,
                hours_per_week,
                needs_appointment_flexibility,
            } = a;
            let day_parts = enums(&day_parts, &f("availability.day_parts"))?;
            Ok(m::Availability {
                day_parts: (!day_parts.is_empty()).then_some(day_parts),
                weekends,
                hours_per_week: hours(hours_per_week),
                needs_appointment_flexibility,
            })
        })
        .transpose()?;
    let location = location.map(|pb::ParticipantLocation { lat, lon, max_commute_km }| {
        m::ParticipantLocation { lat, lon, max_commute_km }
    });
    let participant = m::Participant {
        id,
        languages: known_list(languages, declared[0]),
        certificates: known_list(certificates(certs), declared[1]),
        driving_licences: known_list(driving_licences, declared[2]),
        education,
        experience: known_list(experience, declared[3]),
        skills,
        interests,
        desired_isco: iscos(desired_isco),
        excluded,
        self_development: opt_enum(self_development, &f("self_development"))?,
        work_authorization,
        availability,
        location,
        learning_style: opt_enum(learning_style, &f("learning_style"))?,
        horizon_weeks,
    };
    validate_participant(&participant, taxonomy).map_err(|e| Violation::from_record(path, e))?;
    Ok(participant)
}

/// A vacancy from a request, validated like a JSON line; errors name paths under `path`.
pub fn vacancy(v: pb::Vacancy, path: &str, taxonomy: &Taxonomy) -> Result<m::Vacancy> {
    let pb::Vacancy {
        id,
        title,
        description,
        sector,
        isco,
        employer,
        location,
        requirements,
        offers,
        work,
        conditions,
        application,
        self_development,
        posted,
        valid_through,
    } = v;
    let f = |name: &str| format!("{path}.{name}");
    let employer = employer
        .map(|e| -> Result<m::Employer> {
            let pb::Employer { id, name, twv } = e;
            Ok(m::Employer { id, name, twv: opt_enum(twv, &f("employer.twv"))? })
        })
        .transpose()?;
    let requirements = match requirements {
        None => m::Requirements::default(),
        Some(r) => {
            let pb::Requirements {
                languages,
                certificates: certs,
                certificates_on_the_job,
                driving_licence,
                education,
                experience_years,
            } = r;
            let languages = languages
                .into_iter()
                .enumerate()
                .map(|(i, pb::LanguageRequirement { any_of })| {
                    let field = f(&format!("requirements.languages[{i}].any_of"));
                    Ok(m::LanguageRequirement { any_of: language_skills(any_of, &field)? })
                })
                .collect::<Result<_>>()?;
            m::Requirements {
                languages,
                certificates: certificates(certs),
                certificates_on_the_job: certificates(certificates_on_the_job),
                driving_licence: opt_enum(driving_licence, &f("requirements.driving_licence"))?,
                education: education.map(|pb::EducationRequirement { nlqf, diploma_required }| {
                    m::EducationRequirement {
                        nlqf: u8::try_from(nlqf).unwrap_or(u8::MAX),
                        diploma_required,
                    }
                }),
                experience_years,
            }
        }
    };
    let offers = offers
        .map(|pb::Offers { training, language_support, mentoring, career_path }| m::Offers {
            training,
            language_support,
            mentoring,
            career_path,
        })
        .unwrap_or_default();
    let work = match work {
        None => m::Work::default(),
        Some(pb::Work { language_contact, social_contact, repetitive, physically_demanding }) => {
            m::Work {
                language_contact: opt_enum(language_contact, &f("work.language_contact"))?,
                social_contact: opt_enum(social_contact, &f("work.social_contact"))?,
                repetitive,
                physically_demanding,
            }
        }
    };
    let conditions = match conditions {
        None => m::Conditions::default(),
        Some(c) => {
            let pb::Conditions {
                contract,
                hours_per_week,
                day_parts,
                weekends,
                appointment_flexibility,
            } = c;
            let day_parts = enums(&day_parts, &f("conditions.day_parts"))?;
            m::Conditions {
                contract: opt_enum(contract, &f("conditions.contract"))?,
                hours_per_week: hours(hours_per_week),
                day_parts: (!day_parts.is_empty()).then_some(day_parts),
                weekends,
                appointment_flexibility: opt_enum(
                    appointment_flexibility,
                    &f("conditions.appointment_flexibility"),
                )?,
            }
        }
    };
    let vacancy = m::Vacancy {
        id,
        title,
        description,
        sector,
        isco: isco.map(m::IscoCode),
        employer,
        location: location.map(|pb::GeoPoint { lat, lon }| m::GeoPoint { lat, lon }),
        requirements,
        offers,
        work,
        conditions,
        application: application
            .map(|pb::Application { practical }| m::Application { practical })
            .unwrap_or_default(),
        self_development: opt_enum(self_development, &f("self_development"))?,
        posted: date(posted, &f("posted"))?,
        valid_through: date(valid_through, &f("valid_through"))?,
    };
    validate_vacancy(&vacancy, taxonomy).map_err(|e| Violation::from_record(path, e))?;
    Ok(vacancy)
}

// ---------------------------------------------------------------- core → proto

fn skills_to_pb(skills: &[m::LanguageSkill]) -> Vec<pb::LanguageSkill> {
    skills
        .iter()
        .map(|s| pb::LanguageSkill { lang: s.lang.0.clone(), level: to_pb(s.level) })
        .collect()
}

fn hours_to_pb(h: Option<m::HoursRange>) -> Option<pb::HoursRange> {
    h.map(|m::HoursRange { min, max }| pb::HoursRange { min, max })
}

fn strings<T>(xs: &[T], s: impl Fn(&T) -> &String) -> Vec<String> {
    xs.iter().map(|x| s(x).clone()).collect()
}

/// A participant as a message: what a Rust client holding core types sends. The inverse
/// of [`participant`].
pub fn participant_to_pb(p: m::Participant) -> pb::Participant {
    let m::Participant {
        id,
        languages,
        certificates: certs,
        driving_licences,
        education,
        experience,
        skills,
        interests,
        desired_isco,
        excluded,
        self_development,
        work_authorization,
        availability,
        location,
        learning_style,
        horizon_weeks,
    } = p;
    let mut empty_lists = Vec::new();
    for (name, empty) in EMPTY_LIST_FIELDS.into_iter().zip([
        languages.as_ref().is_some_and(Vec::is_empty),
        certs.as_ref().is_some_and(Vec::is_empty),
        driving_licences.as_ref().is_some_and(Vec::is_empty),
        experience.as_ref().is_some_and(Vec::is_empty),
    ]) {
        if empty {
            empty_lists.push(name.to_owned());
        }
    }
    let m::Exclusions { sectors, isco: excluded_isco } = excluded;
    pb::Participant {
        id,
        languages: skills_to_pb(&languages.unwrap_or_default()),
        certificates: strings(&certs.unwrap_or_default(), |c| &c.0),
        driving_licences: driving_licences.unwrap_or_default().into_iter().map(to_pb).collect(),
        education: education.map(|m::Education { nlqf, field, evaluation }| pb::Education {
            nlqf: nlqf.map(u32::from),
            field,
            evaluation: opt_to_pb(evaluation),
        }),
        experience: experience
            .unwrap_or_default()
            .into_iter()
            .map(|m::Experience { title, isco, years }| pb::Experience {
                title,
                isco: isco.map(|c| c.0),
                years,
            })
            .collect(),
        skills,
        interests,
        desired_isco: strings(&desired_isco, |c| &c.0),
        excluded: Some(pb::Exclusions { sectors, isco: strings(&excluded_isco, |c| &c.0) }),
        self_development: opt_to_pb(self_development),
        work_authorization: work_authorization.map(
            |m::WorkAuthorization { status, eligible_from }| pb::WorkAuthorization {
                status: to_pb(status),
                eligible_from: eligible_from.map(|d| d.to_string()),
            },
        ),
        availability: availability.map(
            |m::Availability {
                 day_parts,
                 weekends,
                 hours_per_week,
                 needs_appointment_flexibility,
             }| {
                pb::Availability {
                    day_parts: day_parts.unwrap_or_default().into_iter().map(to_pb).collect(),
                    weekends,
                    hours_per_week: hours_to_pb(hours_per_week),
                    needs_appointment_flexibility,
                }
            },
        ),
        location: location.map(|m::ParticipantLocation { lat, lon, max_commute_km }| {
            pb::ParticipantLocation { lat, lon, max_commute_km }
        }),
        learning_style: opt_to_pb(learning_style),
        horizon_weeks,
        empty_lists,
    }
}

/// A stored vacancy as a message.
pub fn vacancy_to_pb(v: m::Vacancy) -> pb::Vacancy {
    let m::Vacancy {
        id,
        title,
        description,
        sector,
        isco,
        employer,
        location,
        requirements,
        offers,
        work,
        conditions,
        application,
        self_development,
        posted,
        valid_through,
    } = v;
    let m::Requirements {
        languages,
        certificates: certs,
        certificates_on_the_job,
        driving_licence,
        education,
        experience_years,
    } = requirements;
    let m::Offers { training, language_support, mentoring, career_path } = offers;
    let m::Work { language_contact, social_contact, repetitive, physically_demanding } = work;
    let m::Conditions { contract, hours_per_week, day_parts, weekends, appointment_flexibility } =
        conditions;
    pb::Vacancy {
        id,
        title,
        description,
        sector,
        isco: isco.map(|c| c.0),
        employer: employer.map(|m::Employer { id, name, twv }| pb::Employer {
            id,
            name,
            twv: opt_to_pb(twv),
        }),
        location: location.map(|m::GeoPoint { lat, lon }| pb::GeoPoint { lat, lon }),
        requirements: Some(pb::Requirements {
            languages: languages
                .iter()
                .map(|l| pb::LanguageRequirement { any_of: skills_to_pb(&l.any_of) })
                .collect(),
            certificates: strings(&certs, |c| &c.0),
            certificates_on_the_job: strings(&certificates_on_the_job, |c| &c.0),
            driving_licence: opt_to_pb(driving_licence),
            education: education.map(|m::EducationRequirement { nlqf, diploma_required }| {
                pb::EducationRequirement { nlqf: u32::from(nlqf), diploma_required }
            }),
            experience_years,
        }),
        offers: Some(pb::Offers { training, language_support, mentoring, career_path }),
        work: Some(pb::Work {
            language_contact: opt_to_pb(language_contact),
            social_contact: opt_to_pb(social_contact),
            repetitive,
            physically_demanding,
        }),
        conditions: Some(pb::Conditions {
            contract: opt_to_pb(contract),
            hours_per_week: hours_to_pb(hours_per_week),
            day_parts: day_parts.unwrap_or_default().into_iter().map(to_pb).collect(),
            weekends,
            appointment_flexibility: opt_to_pb(appointment_flexibility),
        }),
        application: Some(pb::Application { practical: application.practical }),
        self_development: opt_to_pb(self_development),
        posted: posted.map(|d| d.to_string()),
        valid_through: valid_through.map(|d| d.to_string()),
    }
}

pub fn reason_to_pb(r: Reason) -> pb::Reason {
    let Reason { code, params, text } = r;
    pb::Reason {
        code: code.as_str().to_owned(),
        params: params.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
        text: text.unwrap_or_default(),
    }
}

fn class_to_pb(c: MatchClass) -> pb::MatchClass {
    match c {
        MatchClass::Eligible => pb::MatchClass::Eligible,
        MatchClass::NearMiss => pb::MatchClass::NearMiss,
        MatchClass::BeyondHorizon => pb::MatchClass::BeyondHorizon,
        MatchClass::Blocked => pb::MatchClass::Blocked,
    }
}

fn step_to_pb(s: StepInfo) -> pb::Step {
    let StepInfo { kind, target, effort_weeks, reason } = s;
    let kind = match kind {
        StepKind::Certificate => pb::StepKind::Certificate,
        StepKind::Language => pb::StepKind::Language,
        StepKind::DrivingLicence => pb::StepKind::DrivingLicence,
        StepKind::DiplomaEvaluation => pb::StepKind::DiplomaEvaluation,
    };
    pb::Step { kind: kind.into(), target, effort_weeks, reason: Some(reason_to_pb(reason)) }
}

fn requirement_to_pb(r: RequirementOutcome) -> pb::RequirementOutcome {
    let RequirementOutcome { requirement, outcome, step, reason } = r;
    let requirement = match requirement {
        RequirementKind::VacancyOpen => pb::RequirementKind::VacancyOpen,
        RequirementKind::WorkAuthorization => pb::RequirementKind::WorkAuthorization,
        RequirementKind::Language => pb::RequirementKind::Language,
        RequirementKind::Certificate => pb::RequirementKind::Certificate,
        RequirementKind::DrivingLicence => pb::RequirementKind::DrivingLicence,
        RequirementKind::Education => pb::RequirementKind::Education,
        RequirementKind::Experience => pb::RequirementKind::Experience,
        RequirementKind::Exclusion => pb::RequirementKind::Exclusion,
        RequirementKind::Distance => pb::RequirementKind::Distance,
    };
    let outcome = match outcome {
        OutcomeKind::Met => pb::Outcome::Met,
        OutcomeKind::Bridgeable => pb::Outcome::Bridgeable,
        OutcomeKind::Blocking => pb::Outcome::Blocking,
        OutcomeKind::Unknown => pb::Outcome::Unknown,
    };
    pb::RequirementOutcome {
        requirement: requirement.into(),
        outcome: outcome.into(),
        step: step.map(step_to_pb),
        reason: Some(reason_to_pb(reason)),
    }
}

fn component_to_pb(c: ComponentScore) -> pb::ComponentScore {
    let ComponentScore { component, weight, value, contribution } = c;
    let component = match component {
        Component::SelfDevelopment => pb::Component::SelfDevelopment,
        Component::Relevance => pb::Component::Relevance,
        Component::Conditions => pb::Component::Conditions,
        Component::Twv => pb::Component::Twv,
        Component::LanguageGrowth => pb::Component::LanguageGrowth,
        Component::Application => pb::Component::Application,
        Component::Distance => pb::Component::Distance,
    };
    pb::ComponentScore { component: component.into(), weight, value, contribution }
}

fn self_development_to_pb(s: SelfDevelopmentExplanation) -> pb::SelfDevelopmentExplanation {
    let SelfDevelopmentExplanation {
        level,
        preference,
        preference_stated,
        fit,
        field_link,
        signals,
        reason,
    } = s;
    let field_link = match field_link {
        FieldLink::None => pb::FieldLink::None,
        FieldLink::Some => pb::FieldLink::Some,
        FieldLink::Strong => pb::FieldLink::Strong,
    };
    pb::SelfDevelopmentExplanation {
        level: to_pb(level),
        preference: to_pb(preference),
        preference_stated,
        fit,
        field_link: field_link.into(),
        signals: signals.into_iter().map(|s| s.as_str().to_owned()).collect(),
        reason: Some(reason_to_pb(reason)),
    }
}

pub fn explanation_to_pb(e: MatchExplanation) -> pb::MatchExplanation {
    let MatchExplanation {
        vacancy_id,
        class,
        score,
        bm25,
        components,
        requirements,
        self_development,
        matched_terms,
        reasons,
    } = e;
    pb::MatchExplanation {
        vacancy_id,
        class: class_to_pb(class).into(),
        score,
        bm25,
        components: components.into_iter().map(component_to_pb).collect(),
        requirements: requirements.into_iter().map(requirement_to_pb).collect(),
        self_development: Some(self_development_to_pb(self_development)),
        matched_terms,
        reasons: reasons.into_iter().map(reason_to_pb).collect(),
    }
}

pub fn plan_to_pb(p: StepPlan) -> pb::StepPlan {
    let StepPlan {
        participant_id,
        horizon_weeks,
        near_misses,
        fitting_near_misses,
        options,
        reasons,
    } = p;
    pb::StepPlan {
        participant_id,
        horizon_weeks,
        near_misses: near_misses as u64,
        fitting_near_misses: fitting_near_misses as u64,
        options: options
            .into_iter()
            .map(|o| {
                let StepOption {
                    steps,
                    effort_weeks,
                    unlocks_fitting,
                    unlocks_total,
                    fitting_per_week,
                    examples,
                    reason,
                } = o;
                pb::StepOption {
                    steps: steps.into_iter().map(step_to_pb).collect(),
                    effort_weeks,
                    unlocks_fitting: unlocks_fitting as u64,
                    unlocks_total: unlocks_total as u64,
                    fitting_per_week,
                    examples,
                    reason: Some(reason_to_pb(reason)),
                }
            })
            .collect(),
        reasons: reasons.into_iter().map(reason_to_pb).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use opstap_core::synth::Generator;

    fn today() -> Date {
        Date::from_ymd(2026, 11, 27).unwrap()
    }

    /// Every field survives core → proto → core: the messages mirror the contract.
    #[test]
    fn participants_and_vacancies_round_trip() {
        let taxonomy = Taxonomy::embedded();
        let g = Generator::new();
        for i in 0..300 {
            let p = g.participant(7, i, today());
            let back = participant(participant_to_pb(p.clone()), "participant", taxonomy).unwrap();
            assert_eq!(back, p);
            let v = g.vacancy(7, i, today());
            let back = vacancy(vacancy_to_pb(v.clone()), "vacancy", taxonomy).unwrap();
            assert_eq!(back, v);
        }
    }

    #[test]
    fn empty_lists_are_known_only_when_declared() {
        let taxonomy = Taxonomy::embedded();
        let mut p = Generator::new().participant(1, 0, today());
        p.certificates = Some(vec![]);
        p.driving_licences = None;
        let message = participant_to_pb(p.clone());
        assert_eq!(message.empty_lists, vec!["certificates".to_owned()]);
        assert_eq!(participant(message.clone(), "p", taxonomy).unwrap(), p);
        let mut undeclared = message;
        undeclared.empty_lists.clear();
        assert_eq!(participant(undeclared, "p", taxonomy).unwrap().certificates, None);
    }

    #[test]
    fn errors_name_the_field_path() {
        let taxonomy = Taxonomy::embedded();
        let p = participant_to_pb(Generator::new().participant(1, 0, today()));
        let mut bad = p.clone();
        bad.languages.push(pb::LanguageSkill { lang: "nl".into(), level: 0 });
        let n = bad.languages.len() - 1;
        let e = participant(bad, "participant", taxonomy).unwrap_err();
        assert_eq!(e.field, format!("participant.languages[{n}].level"));
        assert!(e.description.contains("unspecified"), "{e}");
        let mut bad = p.clone();
        bad.self_development = 99;
        let e = participant(bad, "participant", taxonomy).unwrap_err();
        assert_eq!(e.field, "participant.self_development");
        assert!(e.description.contains("99"), "{e}");
        let mut bad = p.clone();
        bad.empty_lists = vec!["skills".into()];
        assert_eq!(
            participant(bad, "participant", taxonomy).unwrap_err().field,
            "participant.empty_lists[0]"
        );
        let mut bad = p;
        bad.work_authorization =
            Some(pb::WorkAuthorization { status: 1, eligible_from: Some("1 feb".into()) });
        let e = participant(bad, "participant", taxonomy).unwrap_err();
        assert_eq!(e.field, "participant.work_authorization.eligible_from");
        // Core validation runs too, under the same path.
        let mut v = vacancy_to_pb(Generator::new().vacancy(1, 0, today()));
        v.isco = Some("99999".into());
        assert_eq!(vacancy(v, "vacancies[3]", taxonomy).unwrap_err().field, "vacancies[3].isco");
    }
}
