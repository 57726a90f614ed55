//! The lines of the output files. Field names are a contract for the case systems that
//! read them (README, "Nightly batch").

use std::collections::BTreeMap;

use opstap_core::{Date, MatchExplanation, Reason, RequirementKind, SelfDevelopment};
use serde::{Deserialize, Serialize};

/// A reason as code and parameters (clients render it with the Fluent catalogs).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompactReason {
    pub code: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, String>,
}

impl From<&Reason> for CompactReason {
    fn from(r: &Reason) -> CompactReason {
        CompactReason {
            code: r.code.as_str().to_owned(),
            params: r.params.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect(),
        }
    }
}

/// One ranked match with a compact explanation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompactMatch {
    pub rank: usize,
    pub vacancy_id: String,
    pub title: String,
    /// The employer's id, when the vacancy names one (the TWV outreach list groups by it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employer_id: Option<String>,
    pub score: f64,
    /// The self-development level of this job for this person, and its fit to the
    /// person's preference.
    pub self_development: SelfDevelopment,
    pub fit: f64,
    /// Contribution of each score component (they add up to `score`).
    pub components: BTreeMap<String, f64>,
    /// Requirements with an UNKNOWN outcome: questions for the caseworker.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<RequirementKind>,
    pub reasons: Vec<CompactReason>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub posted: Option<Date>,
}

impl CompactMatch {
    pub fn new(
        rank: usize,
        title: &str,
        employer_id: Option<&str>,
        posted: Option<Date>,
        e: &MatchExplanation,
    ) -> CompactMatch {
        CompactMatch {
            rank,
            vacancy_id: e.vacancy_id.clone(),
            title: title.to_owned(),
            employer_id: employer_id.map(str::to_owned),
            score: e.score,
            self_development: e.self_development.level,
            fit: e.self_development.fit,
            components: e
                .components
                .iter()
                .map(|c| (c.component.as_str().to_owned(), c.contribution))
                .collect(),
            questions: e.unknown_requirements(),
            reasons: e.reasons.iter().map(CompactReason::from).collect(),
            posted,
        }
    }
}

/// A line of `matches.jsonl`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatchLine {
    pub participant_id: String,
    /// A fingerprint of what the hard requirements read from the profile (languages,
    /// certificates, licences, education, experience, work authorization, exclusions,
    /// location, horizon): tells the next run whether the person's qualifications changed.
    /// A hash, not the profile.
    pub qualification: String,
    /// The preference the ranking used (SOME when the profile states none).
    pub preference: SelfDevelopment,
    /// How many vacancies meet every hard requirement.
    pub eligible: usize,
    pub matches: Vec<CompactMatch>,
    /// Questions about the person that hold for every vacancy (a missing work
    /// authorization): asked once here, not in each match's reasons.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub person_questions: Vec<CompactReason>,
    /// What to ask at intake first: the person's unknown facts (a language, a licence, a
    /// diploma's evaluation, …), each with how many fitting matches of this list wait on
    /// it, most first. The employer's TWV stance is not the person's: it is in the
    /// summary's TWV outreach list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub intake_questions: Vec<IntakeQuestion>,
}

/// An unknown fact about the person and the fitting matches that wait on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntakeQuestion {
    pub requirement: RequirementKind,
    pub fitting_matches: usize,
}

impl IntakeQuestion {
    /// The questions of a list: per unknown requirement (not the TWV), the fitting
    /// matches with it, most first (ties in the vocabulary's order).
    pub fn of(matches: &[CompactMatch], is_fitting: impl Fn(f64) -> bool) -> Vec<IntakeQuestion> {
        opstap_core::explain::intake_questions(
            matches.iter().map(|m| (is_fitting(m.fit), m.questions.as_slice())),
        )
        .into_iter()
        .map(|(requirement, fitting_matches)| IntakeQuestion { requirement, fitting_matches })
        .collect()
    }
}

/// A line of `rejected.jsonl`: an input line that was not matched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RejectedLine {
    pub line: usize,
    /// The participant id, when the line got that far.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participant_id: Option<String>,
    /// `INVALID` (the line failed validation) or `FAILED` (matching failed: a bug).
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    pub reason: String,
}

/// Why a match is new.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum NewReason {
    /// Posted after the previous run.
    NewVacancy,
    /// The person's qualifications changed since the previous run (a course, a language
    /// level, a work permit): a requirement is now met.
    QualificationChanged,
    /// It was there before but ranked below the top-k, or was not eligible for a reason
    /// on the vacancy's side (an employer now willing to apply for a TWV, a lowered
    /// requirement).
    EnteredTopK,
}

/// Why a match is gone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum DropReason {
    /// No longer in the index.
    VacancyRemoved,
    /// Its closing date has passed.
    VacancyClosed,
    /// A requirement is no longer met (see `requirements`).
    NoLongerEligible,
    /// Still eligible, but others now rank higher.
    LeftTopK,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewMatch {
    pub vacancy_id: String,
    pub rank: usize,
    pub score: f64,
    pub reason: NewReason,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DroppedMatch {
    pub vacancy_id: String,
    pub previous_rank: usize,
    pub previous_score: f64,
    pub reason: DropReason,
    /// With NO_LONGER_ELIGIBLE: the requirements that now block or need a step.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requirements: Vec<RequirementKind>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangedMatch {
    pub vacancy_id: String,
    pub previous_rank: usize,
    pub rank: usize,
    pub previous_score: f64,
    pub score: f64,
    /// The components whose contribution moved, as `[before, after]`.
    pub components: BTreeMap<String, [f64; 2]>,
}

/// A line of `changes.jsonl`: one per participant whose matches changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangeLine {
    pub participant_id: String,
    /// No previous line for this participant: every match is new.
    pub first_run: bool,
    pub qualification_changed: bool,
    pub new: Vec<NewMatch>,
    pub dropped: Vec<DroppedMatch>,
    pub changed: Vec<ChangedMatch>,
}

impl ChangeLine {
    pub fn is_empty(&self) -> bool {
        self.new.is_empty() && self.dropped.is_empty() && self.changed.is_empty()
    }
}
