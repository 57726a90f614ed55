//! The self-development level of a job for a person: the link to the person's field,
//! the job's growth and skill building, and the signals that decided it.

use serde::Serialize;

use super::{LINKS, Matcher};
use crate::compiled::{CompiledParticipant, CompiledVacancy, Isco, VacancyFacts, VacancyTraits};
use crate::model::SelfDevelopment;
use crate::reason::{Signal, Signals};

/// How close the job is to the person's own or desired field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum FieldLink {
    None,
    Some,
    Strong,
}

/// The self-development level of this job for this person, and what decided it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SelfDevelopmentAssessment {
    pub level: SelfDevelopment,
    pub preference: SelfDevelopment,
    pub fit: f64,
    /// The vacancy carries an explicit label that overrides the derivation.
    pub explicit: bool,
    pub field_link: FieldLink,
    pub isco_relation: f64,
    pub text_relevance: f64,
    /// Training, a career path or mentoring.
    pub growth: bool,
    /// Language or social contact, language support or training.
    pub skill_building: bool,
    /// What decided the level on the person's side: the label, and the link to the
    /// person's field ([`CompiledVacancy::job_signals`] holds the job's side).
    #[serde(skip)]
    pub signals: Signals,
}

impl Matcher {
    /// The ISCO relation of the job to the person's own and desired occupations.
    pub(crate) fn isco_relation(&self, p: &CompiledParticipant, job: Option<Isco>) -> f64 {
        let Some(job) = job else { return 0.0 };
        let shared = p.fields.iter().map(|f| f.shared_prefix(job)).max().unwrap_or(0);
        self.relation_by_shared_digits[usize::from(shared)]
    }

    /// BM25 mapped into [0, 1): `bm25 / (bm25 + half_saturation)`.
    #[inline]
    pub(crate) fn text_relevance(&self, bm25: f32) -> f64 {
        let b = f64::from(bm25.max(0.0));
        b / (b + self.config.relevance.text_half_saturation)
    }

    /// The self-development level of this job for this person (docs/domain.md §8).
    pub fn self_development(
        &self,
        p: &CompiledParticipant,
        v: &CompiledVacancy,
        bm25: f32,
    ) -> SelfDevelopmentAssessment {
        self.self_development_of(p, &v.facts(), bm25)
    }

    /// The same, from the facts alone (the index's compact columns).
    pub(crate) fn self_development_of(
        &self,
        p: &CompiledParticipant,
        facts: &VacancyFacts,
        bm25: f32,
    ) -> SelfDevelopmentAssessment {
        let isco_relation = self.isco_relation(p, facts.isco);
        let text_relevance = self.text_relevance(bm25);
        let field_link = self.field_link(isco_relation, text_relevance);
        let t = &facts.traits;
        let level = self.level_of(t, field_link);
        let signals = self
            .link_signals(isco_relation, text_relevance)
            .with_if(Signal::ExplicitLabel, t.explicit_level.is_some());
        SelfDevelopmentAssessment {
            level,
            preference: p.preference,
            fit: self.config.fit.fit(p.preference, level),
            explicit: t.explicit_level.is_some(),
            field_link,
            isco_relation,
            text_relevance,
            growth: t.growth,
            skill_building: t.skill_building,
            signals,
        }
    }

    /// The thresholds of the link to the person's field (`[self_development]` of the
    /// config), the one place they are read: `(own or desired occupation, related
    /// occupation, strong text match, text match)`, each at or above its threshold.
    #[inline]
    fn link_thresholds(&self, isco_relation: f64, text_relevance: f64) -> [bool; 4] {
        let cfg = &self.config.self_development;
        [
            isco_relation >= cfg.strong_isco_relation,
            isco_relation >= cfg.some_isco_relation,
            text_relevance >= cfg.strong_text_relevance,
            text_relevance >= cfg.some_text_relevance,
        ]
    }

    /// The signals of the link to the person's field: own or related occupation, strong
    /// or some text match.
    pub(crate) fn link_signals(&self, isco_relation: f64, text_relevance: f64) -> Signals {
        let [own, related, strong_text, text] = self.link_thresholds(isco_relation, text_relevance);
        Signals::EMPTY
            .with_if(Signal::OwnOrDesiredOccupation, own)
            .with_if(Signal::RelatedOccupation, !own && related)
            .with_if(Signal::StrongTextMatch, strong_text)
            .with_if(Signal::TextMatch, !strong_text && text)
    }

    /// How close a job is to the person's field, from its ISCO relation and text relevance
    /// (on the ranking pass's path for every text match: kept small enough to inline).
    #[inline]
    pub(crate) fn field_link(&self, isco_relation: f64, text_relevance: f64) -> FieldLink {
        let [own, related, strong_text, text] = self.link_thresholds(isco_relation, text_relevance);
        if own || strong_text {
            FieldLink::Strong
        } else if related || text {
            FieldLink::Some
        } else {
            FieldLink::None
        }
    }

    /// The self-development level of a job with these traits at this link to the
    /// person's field: the vacancy's explicit label, or else derived.
    ///
    /// A label is the employer's evidence about the job's growth; it never stands in for
    /// the link between the job and this person. It may lower the level; it may raise it
    /// only as far as the person's link allows: STRONG needs the person's own or desired
    /// field, SOME a link to their field or interests or a job that builds language and
    /// work-culture skills.
    pub(crate) fn level_of(&self, t: &VacancyTraits, link: FieldLink) -> SelfDevelopment {
        let derived = if link == FieldLink::Strong && t.growth {
            SelfDevelopment::Strong
        } else if link >= FieldLink::Some && t.skill_building {
            SelfDevelopment::Some
        } else {
            SelfDevelopment::Minimal
        };
        match t.explicit_level {
            None => derived,
            Some(label) => label.min(Self::label_cap(t, link)),
        }
    }

    /// The highest level a label can give a job at this link to the person's field.
    fn label_cap(t: &VacancyTraits, link: FieldLink) -> SelfDevelopment {
        match link {
            FieldLink::Strong => SelfDevelopment::Strong,
            FieldLink::Some => SelfDevelopment::Some,
            FieldLink::None if t.skill_building => SelfDevelopment::Some,
            FieldLink::None => SelfDevelopment::Minimal,
        }
    }

    /// By link to the person's field: how a vacancy with these traits fits the person's
    /// preference for self-development (the fit table's value at the vacancy's level).
    pub(crate) fn fits(&self, p: &CompiledParticipant, t: &VacancyTraits) -> [f64; 3] {
        LINKS.map(|link| self.config.fit.fit(p.preference, self.level_of(t, link)))
    }
}
