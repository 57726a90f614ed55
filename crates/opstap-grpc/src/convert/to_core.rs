//! Proto → core: every message destructured in full, then the core validators.

use opstap_core::model as m;
use opstap_core::validate::{ValidVacancy, validate_participant};
use opstap_core::{Date, Taxonomy};
use opstap_proto::v1 as pb;

use super::{Result, Violation, enums, opt_enum, req_enum};

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
pub(super) const EMPTY_LIST_FIELDS: [&str; 5] =
    ["languages", "certificates", "driving_licences", "experience", "registrations"];

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
        registrations,
        dated_certificates,
        birth_date,
    } = p;
    let f = |name: &str| format!("{path}.{name}");
    // Plain codes first, then the dated ones (the list a JSON profile would hold).
    let mut held: Vec<m::HeldCertificate> =
        certs.into_iter().map(|c| m::HeldCertificate::code(&c)).collect();
    for (i, d) in dated_certificates.into_iter().enumerate() {
        let pb::DatedCertificate { code, obtained, valid_until } = d;
        let field = |name: &str| f(&format!("dated_certificates[{i}].{name}"));
        held.push(m::HeldCertificate {
            code: m::CertificateCode(code),
            obtained: date(obtained, &field("obtained"))?,
            valid_until: date(valid_until, &field("valid_until"))?,
        });
    }
    let mut declared = [false; EMPTY_LIST_FIELDS.len()];
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
            let pb::WorkAuthorization {
                status,
                eligible_from,
                asylum_application_date,
                procedure_track,
                w_document_expires,
            } = w;
            let field = |name: &str| f(&format!("work_authorization.{name}"));
            Ok(m::WorkAuthorization {
                status: req_enum(status, &field("status"))?,
                eligible_from: date(eligible_from, &field("eligible_from"))?,
                asylum_application_date: date(
                    asylum_application_date,
                    &field("asylum_application_date"),
                )?,
                procedure_track: opt_enum(procedure_track, &field("procedure_track"))?,
                w_document_expires: date(w_document_expires, &field("w_document_expires"))?,
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
                avoid_physically_demanding,
            } = a;
            let day_parts = enums(&day_parts, &f("availability.day_parts"))?;
            Ok(m::Availability {
                day_parts: (!day_parts.is_empty()).then_some(day_parts),
                weekends,
                hours_per_week: hours(hours_per_week),
                needs_appointment_flexibility,
                avoid_physically_demanding,
            })
        })
        .transpose()?;
    let location = location.map(|pb::ParticipantLocation { lat, lon, max_commute_km }| {
        m::ParticipantLocation { lat, lon, max_commute_km }
    });
    let participant = m::Participant {
        id,
        languages: known_list(languages, declared[0]),
        certificates: known_list(held, declared[1]),
        driving_licences: known_list(driving_licences, declared[2]),
        education,
        experience: known_list(experience, declared[3]),
        registrations: known_list(registrations, declared[4]),
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
        birth_date: date(birth_date, &f("birth_date"))?,
    };
    validate_participant(&participant, taxonomy).map_err(|e| Violation::from_record(path, e))?;
    Ok(participant)
}

/// An employer's answer from a request, validated; errors name paths under `path`.
pub fn employer_answer(
    a: Option<pb::EmployerAnswer>,
    path: &str,
    taxonomy: &Taxonomy,
) -> Result<opstap_core::answer::EmployerAnswer> {
    use opstap_core::answer::AnswerKind;
    use pb::employer_answer::Answer;
    let f = |name: &str| format!("{path}.{name}");
    let a = a.ok_or_else(|| Violation::new(path, "is missing; an answer is required"))?;
    let pb::EmployerAnswer { answer, answered_on, source, id: _ } = a;
    let set = |flag: bool, name: &str| {
        if flag {
            Ok(())
        } else {
            Err(Violation::new(f(name), "set it to true to record this answer"))
        }
    };
    let answer = match answer {
        None => {
            return Err(Violation::new(
                f("answer"),
                "is missing; one of twv, volunteer_statement, accepts_language, waives_certificate, \
                 waives_driving_licence, waives_experience, accepts_without_diploma",
            ));
        }
        Some(Answer::Twv(stance)) => AnswerKind::Twv {
            stance: opt_enum(stance, &f("twv"))?
                .ok_or_else(|| Violation::new(f("twv"), "is unspecified; expected a stance"))?,
        },
        Some(Answer::VolunteerStatement(held)) => AnswerKind::VolunteerStatement { held },
        Some(Answer::AcceptsLanguage(skill)) => {
            let mut skills = language_skills(vec![skill], &f("accepts_language"))?;
            let s = skills.remove(0);
            AnswerKind::AcceptsLanguage { lang: s.lang, level: s.level }
        }
        Some(Answer::WaivesCertificate(code)) => {
            AnswerKind::WaivesCertificate { code: m::CertificateCode(code) }
        }
        Some(Answer::WaivesDrivingLicence(flag)) => {
            set(flag, "waives_driving_licence")?;
            AnswerKind::WaivesDrivingLicence
        }
        Some(Answer::WaivesExperience(flag)) => {
            set(flag, "waives_experience")?;
            AnswerKind::WaivesExperience
        }
        Some(Answer::AcceptsWithoutDiploma(flag)) => {
            set(flag, "accepts_without_diploma")?;
            AnswerKind::AcceptsWithoutDiploma
        }
    };
    let answered_on = date(Some(answered_on), &f("answered_on"))?
        .ok_or_else(|| Violation::new(f("answered_on"), "is missing; expected YYYY-MM-DD"))?;
    let answer = opstap_core::answer::EmployerAnswer { answer, answered_on, source, id: None };
    opstap_core::validate::check_answer(path, &answer, taxonomy)
        .map_err(|e| Violation::new(e.field, e.message))?;
    Ok(answer)
}

/// A vacancy from a request, validated like a JSON line; errors name paths under `path`.
pub fn vacancy(v: pb::Vacancy, path: &str, taxonomy: &Taxonomy) -> Result<ValidVacancy> {
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
        wage,
        extracted,
        employer_answers,
    } = v;
    let f = |name: &str| format!("{path}.{name}");
    if !employer_answers.is_empty() {
        return Err(Violation::new(
            f("employer_answers"),
            "is read-only: record answers with CaseworkService.RecordEmployerAnswer",
        ));
    }
    let employer = employer
        .map(|e| -> Result<m::Employer> {
            let pb::Employer { id, name, twv, volunteer_statement } = e;
            Ok(m::Employer {
                id,
                name,
                twv: opt_enum(twv, &f("employer.twv"))?,
                volunteer_statement,
            })
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
        wage: wage
            .map(|pb::Wage { min, max, currency, per }| -> Result<m::Wage> {
                let per = opt_enum(per, &f("wage.per"))?.ok_or_else(|| {
                    Violation::new(
                        f("wage.per"),
                        "is unspecified; expected HOUR, WEEK, MONTH or YEAR",
                    )
                })?;
                Ok(m::Wage { min, max, currency, per })
            })
            .transpose()?,
        employer_answers: Vec::new(),
        extracted: extracted
            .into_iter()
            .map(|pb::Evidence { field, value, quote, source, start, pattern, confidence }| {
                m::Evidence {
                    field,
                    value,
                    quote,
                    source,
                    start: start.map(|s| s as usize),
                    pattern,
                    confidence,
                }
            })
            .collect(),
    };
    ValidVacancy::new(vacancy, taxonomy).map_err(|e| Violation::from_record(path, e))
}
