//! Proto ↔ core conversion. Incoming messages are destructured in full, so a field added
//! to a `.proto` file breaks the build here until it is mapped. After the structural
//! conversion the core validators run, so a request is checked by exactly the rules a
//! JSON line is checked by, and every error names its field path
//! (`participant.languages[0].level`).

use opstap_core::model as m;
use opstap_core::validate::RecordError;
use opstap_proto::v1 as pb;

mod to_core;
mod to_pb;

pub use to_core::{employer_answer, participant, vacancy};
pub use to_pb::{
    explanation_to_pb, intake_questions_to_pb, participant_to_pb, plan_to_pb, reason_to_pb,
    vacancy_to_pb,
};

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
enum_pair!(ProcedureTrack <=> ProcedureTrack {
    Regular => Regular,
    HighChance => HighChance,
    LowChance => LowChance,
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
enum_pair!(WagePeriod <=> WagePeriod { Hour => Hour, Week => Week, Month => Month, Year => Year });
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

#[cfg(test)]
mod tests {
    use super::*;
    use opstap_core::{Date, Taxonomy};
    use opstap_synth::Generator;

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
            let mut v = g.vacancy(7, i, today());
            if i % 2 == 0 {
                // An imported vacancy: its wage and the evidence of its values.
                v.wage = Some(m::Wage {
                    min: 14.5,
                    max: 16.25,
                    currency: "EUR".into(),
                    per: m::WagePeriod::Hour,
                });
                v.extracted = vec![m::Evidence {
                    field: "requirements.driving_licence".into(),
                    value: "B".into(),
                    quote: "Je hebt rijbewijs B".into(),
                    source: "description".into(),
                    start: Some(120),
                    pattern: "licence.code_after_word".into(),
                    confidence: (i % 4 == 0).then_some(0.8),
                }];
            }
            let back = vacancy(vacancy_to_pb(v.clone()), "vacancy", taxonomy).unwrap();
            assert_eq!(back.into_inner(), v);
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
        bad.work_authorization = Some(pb::WorkAuthorization {
            status: 1,
            eligible_from: Some("1 feb".into()),
            ..Default::default()
        });
        let e = participant(bad, "participant", taxonomy).unwrap_err();
        assert_eq!(e.field, "participant.work_authorization.eligible_from");
        // Core validation runs too, under the same path.
        let mut v = vacancy_to_pb(Generator::new().vacancy(1, 0, today()));
        v.isco = Some("99999".into());
        assert_eq!(vacancy(v, "vacancies[3]", taxonomy).unwrap_err().field, "vacancies[3].isco");
    }
}
