//! What an employer answered a caseworker about one vacancy ("we will apply for the TWV",
//! "Dutch A2 is fine for this job"), kept with the vacancy as an overlay: matching reads
//! the vacancy with its answers applied ([`Vacancy::with_answers`]), in the one place every
//! path compiles a vacancy, so the index and the reference ranker see the same facts.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::model::{CefrLevel, CertificateCode, Employer, LangCode, TwvStance, Vacancy};

/// The answer itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "SCREAMING_SNAKE_CASE", deny_unknown_fields)]
pub enum AnswerKind {
    /// The employer's stance on applying for the work permit (TWV).
    Twv { stance: TwvStance },
    /// For volunteer work: whether the organisation holds UWV's volunteer statement.
    VolunteerStatement { held: bool },
    /// The employer accepts this level of this language for this vacancy (lower than
    /// the posting asks): every requirement naming the language asks at most this level.
    AcceptsLanguage { lang: LangCode, level: CefrLevel },
    /// The employer does not require this certificate after all.
    WaivesCertificate { code: CertificateCode },
    /// The employer does not require the driving licence after all.
    WaivesDrivingLicence,
    /// The employer does not require the years of experience after all.
    WaivesExperience,
    /// The employer accepts the level of thinking without the diploma.
    AcceptsWithoutDiploma,
}

impl AnswerKind {
    /// The code of the kind (`TWV`, `ACCEPTS_LANGUAGE`, …).
    pub fn code(&self) -> &'static str {
        match self {
            AnswerKind::Twv { .. } => "TWV",
            AnswerKind::VolunteerStatement { .. } => "VOLUNTEER_STATEMENT",
            AnswerKind::AcceptsLanguage { .. } => "ACCEPTS_LANGUAGE",
            AnswerKind::WaivesCertificate { .. } => "WAIVES_CERTIFICATE",
            AnswerKind::WaivesDrivingLicence => "WAIVES_DRIVING_LICENCE",
            AnswerKind::WaivesExperience => "WAIVES_EXPERIENCE",
            AnswerKind::AcceptsWithoutDiploma => "ACCEPTS_WITHOUT_DIPLOMA",
        }
    }

    /// The answer's value as reasons show it (`WILLING`, `nl A2`, `VCA_BASIS`, `yes`).
    pub fn value(&self) -> String {
        match self {
            AnswerKind::Twv { stance } => stance.as_str().to_owned(),
            AnswerKind::VolunteerStatement { held } => if *held { "yes" } else { "no" }.to_owned(),
            AnswerKind::AcceptsLanguage { lang, level } => format!("{} {}", lang.0, level.as_str()),
            AnswerKind::WaivesCertificate { code } => code.0.clone(),
            AnswerKind::WaivesDrivingLicence
            | AnswerKind::WaivesExperience
            | AnswerKind::AcceptsWithoutDiploma => String::new(),
        }
    }
}

/// An answer in force for a vacancy: what, when the employer gave it, how it came
/// (`phone`, `email`, `visit`, …), and the store's id for revoking it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmployerAnswer {
    pub answer: AnswerKind,
    pub answered_on: Date,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
}

impl Vacancy {
    /// The vacancy as matching reads it: its employer's answers applied, oldest first (a
    /// later answer on the same thing wins). Without answers, the vacancy itself.
    pub fn with_answers(&self) -> Cow<'_, Vacancy> {
        if self.employer_answers.is_empty() {
            return Cow::Borrowed(self);
        }
        let mut v = self.clone();
        let mut answers: Vec<&EmployerAnswer> = self.employer_answers.iter().collect();
        answers.sort_by_key(|a| (a.answered_on, a.id));
        let r = &mut v.requirements;
        for a in answers {
            match &a.answer {
                AnswerKind::Twv { stance } => {
                    v.employer.get_or_insert_with(Employer::unknown).twv = Some(*stance);
                }
                AnswerKind::VolunteerStatement { held } => {
                    v.employer.get_or_insert_with(Employer::unknown).volunteer_statement =
                        Some(*held);
                }
                AnswerKind::AcceptsLanguage { lang, level } => {
                    for group in &mut r.languages {
                        for skill in group.any_of.iter_mut().filter(|s| &s.lang == lang) {
                            skill.level = skill.level.min(*level);
                        }
                    }
                }
                AnswerKind::WaivesCertificate { code } => r.certificates.retain(|c| c != code),
                AnswerKind::WaivesDrivingLicence => r.driving_licence = None,
                AnswerKind::WaivesExperience => r.experience_years = None,
                AnswerKind::AcceptsWithoutDiploma => {
                    if let Some(e) = &mut r.education {
                        e.diploma_required = false;
                    }
                }
            }
        }
        Cow::Owned(v)
    }
}

impl Employer {
    /// An employer of whom nothing is known.
    pub fn unknown() -> Employer {
        Employer { id: None, name: None, twv: None, volunteer_statement: None }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LanguageRequirement, LanguageSkill};

    fn answer(kind: AnswerKind, day: &str) -> EmployerAnswer {
        EmployerAnswer {
            answer: kind,
            answered_on: day.parse().unwrap(),
            source: "phone".into(),
            id: None,
        }
    }

    #[test]
    fn answers_overlay_the_vacancy_and_the_later_one_wins() {
        let mut v: Vacancy = serde_json::from_str(
            r#"{"id":"v-1","title":"Kok","employer":{"twv":"UNKNOWN"},
                "requirements":{"languages":[{"any_of":[{"lang":"nl","level":"B1"},{"lang":"en","level":"B2"}]}],
                "certificates":["VCA_BASIS","HACCP"],"driving_licence":"B","experience_years":2,
                "education":{"nlqf":3,"diploma_required":true}}}"#,
        )
        .unwrap();
        assert!(matches!(v.with_answers(), Cow::Borrowed(_)));
        v.employer_answers = vec![
            answer(AnswerKind::Twv { stance: TwvStance::Unwilling }, "2026-11-01"),
            answer(AnswerKind::Twv { stance: TwvStance::Willing }, "2026-11-20"),
            answer(
                AnswerKind::AcceptsLanguage { lang: LangCode("nl".into()), level: CefrLevel::A2 },
                "2026-11-20",
            ),
            answer(
                AnswerKind::WaivesCertificate { code: CertificateCode("VCA_BASIS".into()) },
                "2026-11-20",
            ),
            answer(AnswerKind::WaivesDrivingLicence, "2026-11-20"),
            answer(AnswerKind::WaivesExperience, "2026-11-20"),
            answer(AnswerKind::AcceptsWithoutDiploma, "2026-11-20"),
        ];
        let e = v.with_answers();
        assert_eq!(e.employer.as_ref().unwrap().twv, Some(TwvStance::Willing));
        assert_eq!(
            e.requirements.languages,
            [LanguageRequirement {
                any_of: vec![
                    LanguageSkill { lang: LangCode("nl".into()), level: CefrLevel::A2 },
                    LanguageSkill { lang: LangCode("en".into()), level: CefrLevel::B2 },
                ]
            }]
        );
        assert_eq!(e.requirements.certificates, [CertificateCode("HACCP".into())]);
        assert_eq!(e.requirements.driving_licence, None);
        assert_eq!(e.requirements.experience_years, None);
        assert!(!e.requirements.education.as_ref().unwrap().diploma_required);
    }
}
