//! Core → proto: vacancies, participants (for clients), explanations and plans.

use opstap_core::explain::{SelfDevelopmentExplanation, StepInfo};
use opstap_core::matching::{Component, ComponentScore, FieldLink};
use opstap_core::model as m;
use opstap_core::taxonomy::CostRange;
use opstap_core::{
    MatchClass, MatchExplanation, Reason, RequirementOutcome, StepForm, StepOption, StepPlan,
};
use opstap_core::{OutcomeKind, RequirementKind, StepKind};
use opstap_proto::v1 as pb;

use super::to_core::EMPTY_LIST_FIELDS;
use super::{opt_to_pb, to_pb};

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
        registrations,
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
        birth_date,
    } = p;
    let mut empty_lists = Vec::new();
    for (name, empty) in EMPTY_LIST_FIELDS.into_iter().zip([
        languages.as_ref().is_some_and(Vec::is_empty),
        certs.as_ref().is_some_and(Vec::is_empty),
        driving_licences.as_ref().is_some_and(Vec::is_empty),
        experience.as_ref().is_some_and(Vec::is_empty),
        registrations.as_ref().is_some_and(Vec::is_empty),
    ]) {
        if empty {
            empty_lists.push(name.to_owned());
        }
    }
    let m::Exclusions { sectors, isco: excluded_isco } = excluded;
    pb::Participant {
        id,
        languages: skills_to_pb(&languages.unwrap_or_default()),
        certificates: certs
            .iter()
            .flatten()
            .filter(|c| c.obtained.is_none() && c.valid_until.is_none())
            .map(|c| c.code.0.clone())
            .collect(),
        dated_certificates: certs
            .iter()
            .flatten()
            .filter(|c| c.obtained.is_some() || c.valid_until.is_some())
            .map(|c| pb::DatedCertificate {
                code: c.code.0.clone(),
                obtained: c.obtained.map(|d| d.to_string()),
                valid_until: c.valid_until.map(|d| d.to_string()),
            })
            .collect(),
        birth_date: birth_date.map(|d| d.to_string()),
        registrations: registrations.unwrap_or_default(),
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
            |m::WorkAuthorization {
                 status,
                 eligible_from,
                 asylum_application_date,
                 procedure_track,
                 w_document_expires,
             }| pb::WorkAuthorization {
                status: to_pb(status),
                eligible_from: eligible_from.map(|d| d.to_string()),
                asylum_application_date: asylum_application_date.map(|d| d.to_string()),
                procedure_track: opt_to_pb(procedure_track),
                w_document_expires: w_document_expires.map(|d| d.to_string()),
            },
        ),
        availability: availability.map(
            |m::Availability {
                 day_parts,
                 weekends,
                 hours_per_week,
                 needs_appointment_flexibility,
                 avoid_physically_demanding,
             }| {
                pb::Availability {
                    day_parts: day_parts.unwrap_or_default().into_iter().map(to_pb).collect(),
                    weekends,
                    hours_per_week: hours_to_pb(hours_per_week),
                    needs_appointment_flexibility,
                    avoid_physically_demanding,
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
        wage,
        extracted,
        employer_answers,
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
        employer: employer.map(|m::Employer { id, name, twv, volunteer_statement }| pb::Employer {
            id,
            name,
            twv: opt_to_pb(twv),
            volunteer_statement,
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
        wage: wage.map(|m::Wage { min, max, currency, per }| pb::Wage {
            min,
            max,
            currency,
            per: to_pb(per),
        }),
        extracted: extracted.into_iter().map(evidence_to_pb).collect(),
        employer_answers: employer_answers.into_iter().map(answer_to_pb).collect(),
    }
}

/// An employer's answer as a message.
fn answer_to_pb(a: opstap_core::answer::EmployerAnswer) -> pb::EmployerAnswer {
    use opstap_core::answer::AnswerKind;
    use pb::employer_answer::Answer;
    let opstap_core::answer::EmployerAnswer { answer, answered_on, source, id } = a;
    let answer = match answer {
        AnswerKind::Twv { stance } => Answer::Twv(to_pb(stance)),
        AnswerKind::VolunteerStatement { held } => Answer::VolunteerStatement(held),
        AnswerKind::AcceptsLanguage { lang, level } => {
            Answer::AcceptsLanguage(pb::LanguageSkill { lang: lang.0, level: to_pb(level) })
        }
        AnswerKind::WaivesCertificate { code } => Answer::WaivesCertificate(code.0),
        AnswerKind::WaivesDrivingLicence => Answer::WaivesDrivingLicence(true),
        AnswerKind::WaivesExperience => Answer::WaivesExperience(true),
        AnswerKind::AcceptsWithoutDiploma => Answer::AcceptsWithoutDiploma(true),
    };
    pb::EmployerAnswer { answer: Some(answer), answered_on: answered_on.to_string(), source, id }
}

fn evidence_to_pb(e: m::Evidence) -> pb::Evidence {
    let m::Evidence { field, value, quote, source, start, pattern, confidence } = e;
    pb::Evidence {
        field,
        value,
        quote,
        source,
        start: start.map(|s| u32::try_from(s).unwrap_or(u32::MAX)),
        pattern,
        confidence,
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

fn cost_to_pb(c: CostRange) -> Option<pb::CostRange> {
    Some(pb::CostRange { min: c.min, max: c.max })
}

fn step_to_pb(s: StepInfo) -> pb::Step {
    let StepInfo {
        step: _,
        kind,
        form,
        target,
        effort_weeks,
        renewal,
        cost_eur,
        exam_languages,
        prerequisites,
        min_age,
        available_from,
        validity_years,
        effort_source,
        source,
        verified,
        reason,
        details,
    } = s;
    let form = match form {
        StepForm::Course => pb::StepForm::Course,
        StepForm::Exam => pb::StepForm::Exam,
        StepForm::EmployerApplication => pb::StepForm::EmployerApplication,
        StepForm::Recognition => pb::StepForm::Recognition,
        StepForm::Volunteering => pb::StepForm::Volunteering,
    };
    let kind = match kind {
        StepKind::Certificate => pb::StepKind::Certificate,
        StepKind::Language => pb::StepKind::Language,
        StepKind::DrivingLicence => pb::StepKind::DrivingLicence,
        StepKind::DiplomaEvaluation => pb::StepKind::DiplomaEvaluation,
        StepKind::Registration => pb::StepKind::Registration,
    };
    pb::Step {
        kind: kind.into(),
        target,
        effort_weeks,
        reason: Some(reason_to_pb(reason)),
        form: form.into(),
        renewal,
        cost_eur: cost_to_pb(cost_eur),
        exam_languages,
        prerequisites: prerequisites
            .into_iter()
            .map(|any_of| pb::PrerequisiteGroup { any_of })
            .collect(),
        min_age: u32::from(min_age),
        available_from: available_from.map(|d| d.to_string()),
        validity_years,
        effort_source,
        source,
        verified,
        details: details.into_iter().map(reason_to_pb).collect(),
    }
}

fn requirement_to_pb(r: RequirementOutcome) -> pb::RequirementOutcome {
    let RequirementOutcome { requirement, outcome, step, reason, posting_quote } = r;
    let outcome = match outcome {
        OutcomeKind::Met => pb::Outcome::Met,
        OutcomeKind::Bridgeable => pb::Outcome::Bridgeable,
        OutcomeKind::Blocking => pb::Outcome::Blocking,
        OutcomeKind::Unknown => pb::Outcome::Unknown,
    };
    pb::RequirementOutcome {
        requirement: requirement_kind_to_pb(requirement).into(),
        outcome: outcome.into(),
        step: step.map(step_to_pb),
        reason: Some(reason_to_pb(reason)),
        posting_quote,
    }
}

/// What to ask a person first, from the matches of a page: the unknown facts with the
/// fitting matches waiting on each.
pub fn intake_questions_to_pb(questions: Vec<(RequirementKind, usize)>) -> Vec<pb::IntakeQuestion> {
    questions
        .into_iter()
        .map(|(k, n)| pb::IntakeQuestion {
            requirement: requirement_kind_to_pb(k).into(),
            fitting_matches: u32::try_from(n).unwrap_or(u32::MAX),
        })
        .collect()
}

fn requirement_kind_to_pb(requirement: RequirementKind) -> pb::RequirementKind {
    match requirement {
        RequirementKind::VacancyOpen => pb::RequirementKind::VacancyOpen,
        RequirementKind::WorkAuthorization => pb::RequirementKind::WorkAuthorization,
        RequirementKind::Language => pb::RequirementKind::Language,
        RequirementKind::Certificate => pb::RequirementKind::Certificate,
        RequirementKind::DrivingLicence => pb::RequirementKind::DrivingLicence,
        RequirementKind::Education => pb::RequirementKind::Education,
        RequirementKind::Experience => pb::RequirementKind::Experience,
        RequirementKind::Exclusion => pb::RequirementKind::Exclusion,
        RequirementKind::Distance => pb::RequirementKind::Distance,
        RequirementKind::VolunteerStatement => pb::RequirementKind::VolunteerStatement,
        RequirementKind::Registration => pb::RequirementKind::Registration,
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
        beyond_horizon,
        fitting_beyond_horizon,
        options,
        long_route,
        reasons,
    } = p;
    pb::StepPlan {
        participant_id,
        horizon_weeks,
        near_misses: near_misses as u64,
        fitting_near_misses: fitting_near_misses as u64,
        beyond_horizon: beyond_horizon as u64,
        fitting_beyond_horizon: fitting_beyond_horizon as u64,
        options: options.into_iter().map(option_to_pb).collect(),
        long_route: long_route.into_iter().map(option_to_pb).collect(),
        reasons: reasons.into_iter().map(reason_to_pb).collect(),
    }
}

fn option_to_pb(o: StepOption) -> pb::StepOption {
    let StepOption {
        steps,
        effort_weeks,
        finish,
        unlocks_fitting,
        unlocks_total,
        closing_before_finish,
        assumed_open,
        fitting_per_month,
        fitting_per_week,
        cost_eur,
        beyond_horizon_weeks,
        examples,
        reason,
        details,
    } = o;
    pb::StepOption {
        steps: steps.into_iter().map(step_to_pb).collect(),
        effort_weeks,
        unlocks_fitting: unlocks_fitting as u64,
        unlocks_total: unlocks_total as u64,
        fitting_per_week,
        examples,
        reason: Some(reason_to_pb(reason)),
        finish: finish.to_string(),
        closing_before_finish: closing_before_finish as u64,
        assumed_open: assumed_open as u64,
        fitting_per_month,
        cost_eur: cost_to_pb(cost_eur),
        beyond_horizon_weeks,
        details: details.into_iter().map(reason_to_pb).collect(),
    }
}
