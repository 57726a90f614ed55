//! The matching model (README, "Matching model"): hard-requirement checks, the pair-wise
//! self-development level, and the weighted score. Every ranking path (reference ranker,
//! index collector, batch, gRPC) calls these functions, so each rule lives here once.

use std::cmp::Ordering;
use std::ops::ControlFlow;

use serde::Serialize;
use smallvec::SmallVec;

use crate::compiled::{
    Circumstances, CompiledParticipant, CompiledVacancy, Isco, Lang, OwnCircumstances, Position,
    Qualifications, VacancyFacts, VacancyTraits,
};
use crate::config::MatchConfig;
use crate::date::Date;
use crate::model::{
    AppointmentFlexibility, ContactLevel, ContractType, DiplomaEvaluation, DrivingLicence,
    LearningStyle, Participant, SelfDevelopment, TwvStance, Vacancy, WorkAuthorizationStatus,
};
use crate::reason::{ReasonCode, RequirementKind, Signal, Signals};
use crate::step::{Step, StepSet};
use crate::taxonomy::Taxonomy;

/// What a check is about.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Requirement {
    VacancyOpen,
    WorkAuthorization,
    /// Index into the vacancy's language requirement groups.
    Language(u8),
    Certificate(u8),
    /// A certificate the employer provides on the job: never a gap.
    CertificateOnTheJob(u8),
    DrivingLicence(DrivingLicence),
    Education,
    Experience,
    Exclusion,
    Distance,
}

impl Requirement {
    /// The kind of this requirement, as the outputs name it.
    pub fn kind(self) -> RequirementKind {
        match self {
            Requirement::VacancyOpen => RequirementKind::VacancyOpen,
            Requirement::WorkAuthorization => RequirementKind::WorkAuthorization,
            Requirement::Language(_) => RequirementKind::Language,
            Requirement::Certificate(_) | Requirement::CertificateOnTheJob(_) => {
                RequirementKind::Certificate
            }
            Requirement::DrivingLicence(_) => RequirementKind::DrivingLicence,
            Requirement::Education => RequirementKind::Education,
            Requirement::Experience => RequirementKind::Experience,
            Requirement::Exclusion => RequirementKind::Exclusion,
            Requirement::Distance => RequirementKind::Distance,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Status {
    Met,
    Bridgeable { step: Step, effort_weeks: f64 },
    Blocking,
    Unknown,
}

/// The outcome of one hard-requirement check, with the reason that decided it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Check {
    pub requirement: Requirement,
    pub status: Status,
    pub reason: ReasonCode,
}

impl Check {
    fn new(requirement: Requirement, status: Status, reason: ReasonCode) -> Check {
        Check { requirement, status, reason }
    }
}

/// A classification with the steps that close the bridgeable gaps.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Classified {
    pub class: MatchClass,
    steps: [(Step, f64); 8],
    n: usize,
}

impl Classified {
    pub const BLOCKED: Classified =
        Classified { class: MatchClass::Blocked, steps: [(Step::DiplomaEvaluation, 0.0); 8], n: 0 };

    /// The distinct steps of the bridgeable gaps, with their effort for this person.
    pub fn steps(&self) -> &[(Step, f64)] {
        &self.steps[..self.n]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum MatchClass {
    /// Every hard requirement is met or unknown: may appear in the ranked list.
    Eligible,
    /// Only bridgeable gaps, within the person's horizon: a step-plan candidate.
    NearMiss,
    /// Only bridgeable gaps, but together they take longer than the horizon.
    BeyondHorizon,
    /// At least one blocking requirement.
    Blocked,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, strum::IntoStaticStr)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum Component {
    SelfDevelopment,
    Relevance,
    Conditions,
    Twv,
    LanguageGrowth,
    Application,
    Distance,
}

impl Component {
    /// The contract name (`LANGUAGE_GROWTH`).
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub const ALL: [Component; 7] = [
        Component::SelfDevelopment,
        Component::Relevance,
        Component::Conditions,
        Component::Twv,
        Component::LanguageGrowth,
        Component::Application,
        Component::Distance,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ComponentScore {
    pub component: Component,
    pub weight: f64,
    pub value: f64,
    /// `weight × value / Σ weights`: the components' contributions add up to the score.
    pub contribution: f64,
}

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

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score {
    pub total: f64,
    pub components: [ComponentScore; 7],
    pub self_development: SelfDevelopmentAssessment,
}

/// A vacancy's class and score, computed without allocating.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Assessment {
    pub class: MatchClass,
    /// The score for ELIGIBLE vacancies; 0 otherwise.
    pub score: f64,
}

/// A vacancy reachable with bridgeable steps only.
#[derive(Debug, Clone, PartialEq)]
pub struct NearMiss {
    pub vacancy_id: std::sync::Arc<str>,
    pub score: f64,
    pub level: SelfDevelopment,
    /// Its self-development level fits the person's preference (fit ≥ the plan threshold).
    pub fitting: bool,
    /// The distinct steps that close its gaps, with their effort for this person (for a
    /// language requirement with alternatives: the cheapest).
    pub steps: SmallVec<[(Step, f64); 4]>,
    /// `(step, other)`: the gap that `step` closes is also closed by `other` (another
    /// alternative of the same language requirement, e.g. English B1 for Dutch B1).
    pub alternatives: SmallVec<[(Step, Step); 2]>,
    pub effort_weeks: f64,
}

/// Ranking order: higher score first; ties broken by vacancy id, ascending.
pub fn rank_order(a_score: f64, a_id: &str, b_score: f64, b_id: &str) -> Ordering {
    b_score.total_cmp(&a_score).then_with(|| a_id.cmp(b_id))
}

/// The matcher: configuration, taxonomy and the day it matches on.
#[derive(Debug, Clone)]
pub struct Matcher {
    config: MatchConfig,
    taxonomy: &'static Taxonomy,
    today: Date,
    /// Σ weights, derived from `config` once.
    weight_sum: f64,
    /// The ISCO relation by the number of leading digits shared (0–4).
    relation_by_shared_digits: [f64; 5],
}

impl Matcher {
    pub fn new(config: MatchConfig, taxonomy: &'static Taxonomy, today: Date) -> Matcher {
        let w = &config.weights;
        let weight_sum = w.self_development
            + w.relevance
            + w.conditions
            + w.twv
            + w.language_growth
            + w.application
            + w.distance;
        let r = &config.relevance;
        let relation_by_shared_digits = [
            0.0,
            r.same_major_group,
            r.same_sub_major_group,
            r.same_minor_group,
            r.same_unit_group,
        ];
        Matcher { config, taxonomy, today, weight_sum, relation_by_shared_digits }
    }

    pub fn config(&self) -> &MatchConfig {
        &self.config
    }

    pub fn taxonomy(&self) -> &'static Taxonomy {
        self.taxonomy
    }

    pub fn today(&self) -> Date {
        self.today
    }

    pub fn compile_participant(&self, p: &Participant) -> CompiledParticipant {
        CompiledParticipant::new(
            p,
            self.taxonomy,
            self.config.self_development.default_preference,
            self.config.effort.default_horizon_weeks,
        )
    }

    pub fn compile_vacancy(&self, v: &Vacancy) -> CompiledVacancy {
        CompiledVacancy::new(v, self.taxonomy)
    }

    /// Weeks it takes this person to reach `rank` in `lang`.
    fn language_effort(&self, p: &CompiledParticipant, lang: Lang, rank: u8) -> f64 {
        f64::from(rank.saturating_sub(p.language_rank(lang)))
            * self.config.effort.language_step_weeks
    }

    /// The effort of a step for this person, in weeks.
    pub fn step_effort(&self, p: &CompiledParticipant, step: Step) -> f64 {
        match step {
            Step::Certificate(bit) => self.taxonomy.certificate_by_bit(bit).effort_weeks,
            Step::Language { lang, rank } => self.language_effort(p, lang, rank),
            Step::DrivingLicence(l) => self.taxonomy.licence(l).effort_weeks,
            Step::DiplomaEvaluation => match p.diploma_evaluation {
                Some(DiplomaEvaluation::Pending) => {
                    self.config.effort.diploma_evaluation_pending_weeks
                }
                _ => self.config.effort.diploma_evaluation_weeks,
            },
        }
    }

    /// Taking `step` also closes `gap` (B2 covers a B1 gap; CE covers a C gap).
    pub fn step_covers(&self, step: Step, gap: Step) -> bool {
        match (step, gap) {
            (Step::Language { lang: a, rank: r }, Step::Language { lang: b, rank: g }) => {
                a == b && r >= g
            }
            (Step::DrivingLicence(s), Step::DrivingLicence(g)) => {
                self.taxonomy.licence_closure(&[s]) & g.bit() != 0
            }
            (s, g) => s == g,
        }
    }

    fn bridge(
        &self,
        step: Step,
        effort_weeks: f64,
        reason: ReasonCode,
        too_far: ReasonCode,
    ) -> (Status, ReasonCode) {
        if effort_weeks > self.config.effort.max_bridge_weeks {
            (Status::Blocking, too_far)
        } else {
            (Status::Bridgeable { step, effort_weeks }, reason)
        }
    }

    /// Evaluates every hard requirement of `v` for `p`, in a fixed order, handing each
    /// outcome to `sink`; the sink may stop early (the ranking path stops at the first
    /// blocking requirement).
    pub fn check_requirements(
        &self,
        p: &CompiledParticipant,
        v: &CompiledVacancy,
        mut sink: impl FnMut(Check) -> ControlFlow<()>,
    ) {
        let c = &v.circumstances;
        if self.check_access(p, c, &mut sink).is_break()
            || self.check_qualifications(p, &v.qualifications, &mut sink).is_break()
        {
            return;
        }
        if self.check_experience_and_distance(p, c, &mut sink).is_break() {
            return;
        }
        let _ = Self::check_provided_on_the_job(&v.qualifications, &mut sink);
    }

    /// The certificates the employer provides on the job: met, whatever the person holds.
    fn check_provided_on_the_job(
        q: &Qualifications,
        sink: &mut impl FnMut(Check) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        let mut bits = q.certificates_on_the_job;
        while bits != 0 {
            let bit = bits.trailing_zeros() as u8;
            bits &= bits - 1;
            sink(Check::new(
                Requirement::CertificateOnTheJob(bit),
                Status::Met,
                ReasonCode::CertificateOnTheJob,
            ))?;
        }
        ControlFlow::Continue(())
    }

    /// Whether the vacancy is open, the person's exclusions, and the work authorization.
    fn check_access(
        &self,
        p: &CompiledParticipant,
        v: &Circumstances,
        sink: &mut impl FnMut(Check) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        use ReasonCode as R;

        if self.closed(v.valid_through) {
            sink(Check::new(Requirement::VacancyOpen, Status::Blocking, R::VacancyClosed))?;
        }

        if excluded_sector(p, v.sector.as_deref()) {
            sink(Check::new(Requirement::Exclusion, Status::Blocking, R::ExcludedSector))?;
        }
        if excluded_occupation(p, v.isco) {
            sink(Check::new(Requirement::Exclusion, Status::Blocking, R::ExcludedOccupation))?;
        }

        let (status, reason) = self.authorization(p, v.twv, v.valid_through);
        sink(Check::new(Requirement::WorkAuthorization, status, reason))?;

        ControlFlow::Continue(())
    }

    /// Work authorization: TWV — the employer applies (docs/domain.md §2). When it blocks
    /// with `valid_through` unknown, it blocks for every closing date.
    pub fn authorization(
        &self,
        p: &CompiledParticipant,
        twv: Option<TwvStance>,
        valid_through: Option<Date>,
    ) -> (Status, ReasonCode) {
        use ReasonCode as R;
        match &p.work_authorization {
            None => (Status::Unknown, R::AuthUnknown),
            Some(a) => match a.status {
                WorkAuthorizationStatus::NotAllowed => (Status::Blocking, R::AuthNotAllowed),
                _ if eligible_after_closing(p, valid_through) => {
                    (Status::Blocking, R::AuthEligibleAfterClosing)
                }
                WorkAuthorizationStatus::Free => (Status::Met, R::AuthFree),
                WorkAuthorizationStatus::NotificationOnly => (Status::Met, R::AuthNotificationOnly),
                WorkAuthorizationStatus::AsylumTwvRequired => match twv {
                    Some(TwvStance::Experienced) => (Status::Met, R::TwvExperienced),
                    Some(TwvStance::Willing) => (Status::Met, R::TwvWilling),
                    Some(TwvStance::Unwilling) => (Status::Blocking, R::TwvUnwilling),
                    Some(TwvStance::Unknown) | None => (Status::Unknown, R::TwvUnknown),
                },
            },
        }
    }

    /// Experience asked in an occupation: experience in the same ISCO sub-major group
    /// counts. Where a side names no occupation, or an entry gives no years, it may
    /// count: if the confirmed years fall short, the answer is a question, not a no.
    pub fn experience(
        &self,
        p: &CompiledParticipant,
        job: Option<Isco>,
        years: f64,
    ) -> (Status, ReasonCode) {
        use ReasonCode as R;
        let Some(exp) = &p.experience else { return (Status::Unknown, R::ExperienceUnknown) };
        let (mut confirmed, mut uncertain) = (0.0, false);
        for (isco, y) in exp {
            match ((isco, job), y) {
                ((Some(a), Some(b)), Some(y)) if a.shared_prefix(b) >= 2 => confirmed += y,
                ((Some(a), Some(b)), None) if a.shared_prefix(b) >= 2 => uncertain = true,
                ((Some(_), Some(_)), _) => {}
                _ => uncertain = true,
            }
        }
        if confirmed >= years {
            (Status::Met, R::ExperienceMet)
        } else if uncertain {
            (Status::Unknown, R::ExperienceUnknown)
        } else {
            (Status::Blocking, R::ExperienceShort)
        }
    }

    /// The requirements a step can bridge: languages, certificates, licence, education.
    fn check_qualifications(
        &self,
        p: &CompiledParticipant,
        v: &Qualifications,
        sink: &mut impl FnMut(Check) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        use ReasonCode as R;

        // Language: each group is met by any one alternative; a shortfall is bridgeable
        // by the cheapest alternative.
        for group in v.language_groups() {
            let req = Requirement::Language(group[0].group);
            if p.languages.is_none() {
                sink(Check::new(req, Status::Unknown, R::LanguageUnknown))?;
                continue;
            }
            if group.iter().any(|a| p.language_rank(a.lang) >= a.rank) {
                sink(Check::new(req, Status::Met, R::LanguageMet))?;
                continue;
            }
            let cheapest = group
                .iter()
                .min_by(|a, b| {
                    self.language_effort(p, a.lang, a.rank)
                        .total_cmp(&self.language_effort(p, b.lang, b.rank))
                        .then((a.lang, a.rank).cmp(&(b.lang, b.rank)))
                })
                .expect("validated: any_of is not empty");
            let (lang, rank) = (cheapest.lang, cheapest.rank);
            let effort = self.language_effort(p, lang, rank);
            let (status, reason) = self.bridge(
                Step::Language { lang, rank },
                effort,
                R::LanguageGap,
                R::LanguageTooFar,
            );
            sink(Check::new(req, status, reason))?;
        }

        // Certificates: held, or obtainable by a course. Those the employer provides on
        // the job are never a gap.
        let required = v.certificates & !v.certificates_on_the_job;
        let mut bits = required;
        while bits != 0 {
            let bit = bits.trailing_zeros() as u8;
            bits &= bits - 1;
            let req = Requirement::Certificate(bit);
            match p.certificates {
                None => sink(Check::new(req, Status::Unknown, R::CertificateUnknown))?,
                Some(held) if held & (1 << bit) != 0 => {
                    sink(Check::new(req, Status::Met, R::CertificateHeld))?
                }
                Some(_) => {
                    let info = self.taxonomy.certificate_by_bit(bit);
                    if info.obtainable_by_course {
                        let (status, reason) = self.bridge(
                            Step::Certificate(bit),
                            info.effort_weeks,
                            R::CertificateCourse,
                            R::CertificateNotObtainable,
                        );
                        sink(Check::new(req, status, reason))?;
                    } else {
                        sink(Check::new(req, Status::Blocking, R::CertificateNotObtainable))?;
                    }
                }
            }
        }

        if let Some(cat) = v.driving_licence {
            let req = Requirement::DrivingLicence(cat);
            match p.licences {
                None => sink(Check::new(req, Status::Unknown, R::LicenceUnknown))?,
                Some(mask) if mask & cat.bit() != 0 => {
                    sink(Check::new(req, Status::Met, R::LicenceHeld))?
                }
                Some(_) => {
                    let effort = self.taxonomy.licence(cat).effort_weeks;
                    let (status, reason) = self.bridge(
                        Step::DrivingLicence(cat),
                        effort,
                        R::LicenceGap,
                        R::LicenceTooFar,
                    );
                    sink(Check::new(req, status, reason))?;
                }
            }
        }

        // Education: NLQF level; a required diploma from abroad needs an IDW evaluation.
        if let Some((nlqf, diploma_required)) = v.education {
            let (status, reason) = match p.education_nlqf {
                None => (Status::Unknown, R::EducationUnknown),
                Some(level) if level < nlqf => (Status::Blocking, R::EducationTooLow),
                Some(_) if !diploma_required => (Status::Met, R::EducationLevelMet),
                Some(_) => match p.diploma_evaluation {
                    Some(DiplomaEvaluation::Recognized) => {
                        (Status::Met, R::EducationDiplomaRecognized)
                    }
                    Some(DiplomaEvaluation::Pending) => {
                        let effort = self.step_effort(p, Step::DiplomaEvaluation);
                        (
                            Status::Bridgeable {
                                step: Step::DiplomaEvaluation,
                                effort_weeks: effort,
                            },
                            R::EducationEvaluationPending,
                        )
                    }
                    None => (Status::Unknown, R::EducationEvaluationUnknown),
                    Some(DiplomaEvaluation::NotEvaluated) => {
                        let effort = self.step_effort(p, Step::DiplomaEvaluation);
                        (
                            Status::Bridgeable {
                                step: Step::DiplomaEvaluation,
                                effort_weeks: effort,
                            },
                            R::EducationEvaluationNeeded,
                        )
                    }
                },
            };
            sink(Check::new(Requirement::Education, status, reason))?;
        }

        ControlFlow::Continue(())
    }

    /// Experience in the occupation, and the commute.
    fn check_experience_and_distance(
        &self,
        p: &CompiledParticipant,
        v: &Circumstances,
        sink: &mut impl FnMut(Check) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        use ReasonCode as R;

        if let Some(years) = v.experience_years {
            let (status, reason) = self.experience(p, v.isco, years);
            sink(Check::new(Requirement::Experience, status, reason))?;
        }

        match within_commute(p, v.location) {
            Some(true) => sink(Check::new(Requirement::Distance, Status::Met, R::DistanceMet))?,
            Some(false) => {
                sink(Check::new(Requirement::Distance, Status::Blocking, R::DistanceTooFar))?
            }
            None if p.location.is_none() || v.location.is_none() => {
                sink(Check::new(Requirement::Distance, Status::Unknown, R::DistanceUnknown))?
            }
            None => {}
        }
        ControlFlow::Continue(())
    }

    /// All checks, for explanations.
    pub fn checks(&self, p: &CompiledParticipant, v: &CompiledVacancy) -> Vec<Check> {
        let mut out = Vec::new();
        self.check_requirements(p, v, |c| {
            out.push(c);
            ControlFlow::Continue(())
        });
        out
    }

    /// Whether a requirement no step can change blocks: the vacancy is closed, excluded,
    /// not open to the person's work authorization, asks experience they lack, or is too far.
    pub fn circumstances_block(&self, p: &CompiledParticipant, c: &Circumstances) -> bool {
        let mut blocking = |check: Check| match check.status {
            Status::Blocking => ControlFlow::Break(()),
            _ => ControlFlow::Continue(()),
        };
        self.check_access(p, c, &mut blocking).is_break()
            || self.check_experience_and_distance(p, c, &mut blocking).is_break()
    }

    /// [`Self::circumstances_block`] where neither the experience asked in the occupation
    /// ([`Self::experience`]), nor the employer's TWV stance ([`Self::authorization`] with
    /// no closing date), nor an exclusion ([`excluded_sector`], [`excluded_occupation`])
    /// blocks: what remains are the vacancy's own facts (closed, closing before the
    /// person may work, too far). The index tabulates the others per distinct occupation,
    /// traits and sector, and asks this per vacancy.
    pub fn blocks_on_its_own(&self, p: &CompiledParticipant, c: &OwnCircumstances) -> bool {
        self.closed(c.valid_through)
            || within_commute(p, c.location) == Some(false)
            || eligible_after_closing(p, c.valid_through)
    }

    /// The vacancy closed before today.
    fn closed(&self, valid_through: Option<Date>) -> bool {
        valid_through.is_some_and(|through| through < self.today)
    }

    /// The class of a vacancy for a person, from its checks, and the distinct steps of
    /// its bridgeable gaps (the first 8; a vacancy has fewer in practice).
    pub fn classify_with_steps(&self, p: &CompiledParticipant, v: &CompiledVacancy) -> Classified {
        if self.circumstances_block(p, &v.circumstances) {
            return Classified::BLOCKED;
        }
        self.classify_qualifications(p, &v.qualifications)
    }

    /// The class that the qualifications alone give (the circumstances met): only gaps
    /// here can be bridged, so the steps and the horizon are decided here. Vacancies that
    /// ask the same qualifications share the answer.
    pub fn classify_qualifications(
        &self,
        p: &CompiledParticipant,
        q: &Qualifications,
    ) -> Classified {
        let mut steps: [(Step, f64); 8] = Classified::BLOCKED.steps;
        let mut n = 0;
        let mut overflow_effort = 0.0;
        let blocked = self
            .check_qualifications(p, q, &mut |c: Check| match c.status {
                Status::Blocking => ControlFlow::Break(()),
                Status::Bridgeable { step, effort_weeks } => {
                    // One step per gap: Dutch B2 also closes a Dutch B1 gap, so two language
                    // requirements cost the larger step, not both.
                    if let Some(kept) =
                        steps[..n].iter_mut().find(|(s, _)| self.step_covers(step, *s))
                    {
                        *kept = (step, effort_weeks);
                    } else if !steps[..n].iter().any(|(s, _)| self.step_covers(*s, step)) {
                        if n < steps.len() {
                            steps[n] = (step, effort_weeks);
                            n += 1;
                        } else {
                            overflow_effort += effort_weeks;
                        }
                    }
                    ControlFlow::Continue(())
                }
                Status::Met | Status::Unknown => ControlFlow::Continue(()),
            })
            .is_break();
        let class = if blocked {
            MatchClass::Blocked
        } else if n == 0 {
            MatchClass::Eligible
        } else if steps[..n].iter().map(|(_, e)| e).sum::<f64>() + overflow_effort
            <= p.horizon_weeks
        {
            MatchClass::NearMiss
        } else {
            MatchClass::BeyondHorizon
        };
        Classified { class, steps, n }
    }

    /// The class of a vacancy for a person.
    pub fn classify(&self, p: &CompiledParticipant, v: &CompiledVacancy) -> MatchClass {
        self.classify_with_steps(p, v).class
    }

    /// Class and score without allocating: the ranking hot path.
    pub fn assess(&self, p: &CompiledParticipant, v: &CompiledVacancy, bm25: f32) -> Assessment {
        let class = self.classify(p, v);
        let score = match class {
            MatchClass::Eligible => self.score(p, v, bm25).total,
            // A near miss is scored by `near_miss`, when a plan asks for it.
            MatchClass::NearMiss | MatchClass::BeyondHorizon | MatchClass::Blocked => 0.0,
        };
        Assessment { class, score }
    }

    /// The near-miss record of a vacancy, or `None` when it is not a near miss.
    pub fn near_miss(
        &self,
        p: &CompiledParticipant,
        v: &CompiledVacancy,
        bm25: f32,
    ) -> Option<NearMiss> {
        self.near_miss_classified(p, v, bm25, &self.classify_with_steps(p, v))
    }

    /// [`Self::near_miss`] from a classification already made (the ranking pass
    /// classifies every vacancy once).
    pub fn near_miss_classified(
        &self,
        p: &CompiledParticipant,
        v: &CompiledVacancy,
        bm25: f32,
        classified: &Classified,
    ) -> Option<NearMiss> {
        if classified.class != MatchClass::NearMiss {
            return None;
        }
        let score = self.score(p, v, bm25);
        let steps: SmallVec<[(Step, f64); 4]> =
            SmallVec::from_slice(&classified.steps[..classified.n]);
        let alternatives = self.step_alternatives(p, &v.qualifications, &steps);
        Some(NearMiss {
            vacancy_id: v.id.clone(),
            score: score.total,
            level: score.self_development.level,
            fitting: self.is_fitting(score.self_development.fit),
            effort_weeks: steps.iter().map(|(_, e)| e).sum(),
            steps,
            alternatives,
        })
    }

    /// The step set of a near miss with these qualifications (see [`StepSet`]).
    pub fn step_set(
        &self,
        p: &CompiledParticipant,
        q: &Qualifications,
        classified: &Classified,
    ) -> StepSet {
        StepSet::new(classified.steps(), &self.step_alternatives(p, q, classified.steps()))
    }

    /// `(step, other)` for each step that closes a language gap which another
    /// alternative of the same requirement closes too (English B1 for Dutch B1).
    pub fn step_alternatives(
        &self,
        p: &CompiledParticipant,
        q: &Qualifications,
        steps: &[(Step, f64)],
    ) -> SmallVec<[(Step, Step); 2]> {
        let mut alternatives = SmallVec::new();
        if p.languages.is_none() {
            return alternatives;
        }
        for group in q.language_groups() {
            if group.iter().any(|a| p.language_rank(a.lang) >= a.rank) {
                continue;
            }
            let options: SmallVec<[Step; 4]> = group
                .iter()
                .filter(|a| {
                    self.language_effort(p, a.lang, a.rank) <= self.config.effort.max_bridge_weeks
                })
                .map(|a| Step::Language { lang: a.lang, rank: a.rank })
                .collect();
            for &chosen in options.iter().filter(|s| steps.iter().any(|(t, _)| t == *s)) {
                alternatives.extend(options.iter().filter(|o| **o != chosen).map(|o| (chosen, *o)));
            }
        }
        alternatives
    }

    pub fn is_fitting(&self, fit: f64) -> bool {
        fit >= self.config.plan.fitting_threshold
    }

    /// The ISCO relation of the job to the person's own and desired occupations.
    pub fn isco_relation(&self, p: &CompiledParticipant, job: Option<Isco>) -> f64 {
        let Some(job) = job else { return 0.0 };
        let shared = p.fields.iter().map(|f| f.shared_prefix(job)).max().unwrap_or(0);
        self.relation_by_shared_digits[usize::from(shared)]
    }

    /// BM25 mapped into [0, 1): `bm25 / (bm25 + half_saturation)`.
    pub fn text_relevance(&self, bm25: f32) -> f64 {
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
    pub fn self_development_of(
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

    /// The signals of the link to the person's field: own or related occupation, strong
    /// or some text match. The thresholds are in `[self_development]` of the config.
    pub fn link_signals(&self, isco_relation: f64, text_relevance: f64) -> Signals {
        let cfg = &self.config.self_development;
        let own = isco_relation >= cfg.strong_isco_relation;
        let strong_text = text_relevance >= cfg.strong_text_relevance;
        Signals::EMPTY
            .with_if(Signal::OwnOrDesiredOccupation, own)
            .with_if(Signal::RelatedOccupation, !own && isco_relation >= cfg.some_isco_relation)
            .with_if(Signal::StrongTextMatch, strong_text)
            .with_if(Signal::TextMatch, !strong_text && text_relevance >= cfg.some_text_relevance)
    }

    /// How close a job is to the person's field, from its ISCO relation and text relevance.
    pub fn field_link(&self, isco_relation: f64, text_relevance: f64) -> FieldLink {
        let s = self.link_signals(isco_relation, text_relevance);
        if s.contains(Signal::OwnOrDesiredOccupation) || s.contains(Signal::StrongTextMatch) {
            FieldLink::Strong
        } else if s.contains(Signal::RelatedOccupation) || s.contains(Signal::TextMatch) {
            FieldLink::Some
        } else {
            FieldLink::None
        }
    }

    /// The self-development level of a job with these traits at this link to the
    /// person's field: the vacancy's explicit label, or else derived.
    pub fn level_of(&self, t: &VacancyTraits, link: FieldLink) -> SelfDevelopment {
        let derived = if link == FieldLink::Strong && t.growth {
            SelfDevelopment::Strong
        } else if link >= FieldLink::Some && t.skill_building {
            SelfDevelopment::Some
        } else {
            SelfDevelopment::Minimal
        };
        t.explicit_level.unwrap_or(derived)
    }

    /// A near miss with these traits and link counts as fitting in a step plan.
    pub fn fits_preference(
        &self,
        p: &CompiledParticipant,
        t: &VacancyTraits,
        link: FieldLink,
    ) -> bool {
        self.is_fitting(self.config.fit.fit(p.preference, self.level_of(t, link)))
    }

    fn conditions_value(&self, p: &CompiledParticipant, v: &CompiledVacancy) -> f64 {
        let c = &self.config.conditions;
        let mut sum = 0.0;
        let mut n = 0.0;
        let mut add = |x: f64| {
            sum += x;
            n += 1.0;
        };
        // Weekday daytime work keeps IND/COA appointments possible (report, "good work" 8).
        add(match (p.day_parts, v.day_parts) {
            (Some(pm), Some(vm)) if vm != 0 => {
                f64::from((pm & vm).count_ones()) / f64::from(vm.count_ones())
            }
            _ => c.unknown,
        });
        add(match (p.weekends, v.weekends) {
            (_, Some(false)) | (Some(true), Some(true)) => 1.0,
            (Some(false), Some(true)) => c.weekend_mismatch,
            _ => c.unknown,
        });
        add(match (p.hours, v.hours) {
            (Some((pmin, pmax)), Some((vmin, vmax))) => {
                let gap = (vmin - pmax).max(pmin - vmax).max(0.0);
                (1.0 - gap / pmax.max(8.0)).max(0.0)
            }
            _ => c.unknown,
        });
        if p.needs_appointment_flexibility == Some(true) {
            add(match v.appointment_flexibility {
                Some(AppointmentFlexibility::Yes) => 1.0,
                Some(AppointmentFlexibility::No) => c.no_appointment_flexibility,
                Some(AppointmentFlexibility::Unknown) | None => c.unknown_appointment_flexibility,
            });
        }
        add(self.contract_value(v.contract));
        sum / n
    }

    /// Contract stability: on-call work scores low (the report's zero-hours case).
    fn contract_value(&self, contract: Option<ContractType>) -> f64 {
        let c = &self.config.conditions;
        contract.map_or(c.unknown, |k| c.contract.get(k))
    }

    fn twv_value(&self, p: &CompiledParticipant, f: &VacancyTraits) -> f64 {
        let t = &self.config.twv;
        match p.work_authorization.as_ref().map(|a| a.status) {
            Some(WorkAuthorizationStatus::AsylumTwvRequired) => {
                t.get(f.twv.unwrap_or(TwvStance::Unknown)).unwrap_or(0.0)
            }
            Some(_) => 1.0,
            None => t.UNKNOWN,
        }
    }

    fn language_growth_value(&self, p: &CompiledParticipant, f: &VacancyTraits) -> f64 {
        let contact = match f.language_contact {
            Some(ContactLevel::High) => 1.0,
            Some(ContactLevel::Medium) => 0.6,
            Some(ContactLevel::Low) => 0.2,
            None => self.config.conditions.unknown,
        };
        let support = if f.language_support { 1.0 } else { 0.0 };
        // People who learn on the job gain most from contact; those who want a course
        // first from the employer's language support (report: learning style).
        let (wc, ws) = match p.learning_style {
            Some(LearningStyle::OnTheJob) => (0.7, 0.3),
            Some(LearningStyle::CourseFirst) => (0.3, 0.7),
            None => (0.5, 0.5),
        };
        wc * contact + ws * support
    }

    fn distance_value(&self, p: &CompiledParticipant, v: &CompiledVacancy) -> f64 {
        match (p.location, v.circumstances.location) {
            (Some(a), Some(b)) => {
                let max = p
                    .max_commute_km
                    .unwrap_or(self.config.distance.default_max_commute_km)
                    .max(1e-9);
                (1.0 - a.distance_km(b) / max).max(0.0)
            }
            _ => self.config.conditions.unknown,
        }
    }

    /// The weighted score and its components.
    pub fn score(&self, p: &CompiledParticipant, v: &CompiledVacancy, bm25: f32) -> Score {
        let w = &self.config.weights;
        let f = v.facts();
        let sd = self.self_development_of(p, &f, bm25);
        let values = [
            (Component::SelfDevelopment, w.self_development, sd.fit),
            (Component::Relevance, w.relevance, relevance_value(&sd)),
            (Component::Conditions, w.conditions, self.conditions_value(p, v)),
            (Component::Twv, w.twv, self.twv_value(p, &f.traits)),
            (
                Component::LanguageGrowth,
                w.language_growth,
                self.language_growth_value(p, &f.traits),
            ),
            (Component::Application, w.application, self.application_value(&f.traits)),
            (Component::Distance, w.distance, self.distance_value(p, v)),
        ];
        let weight_sum: f64 = values.iter().map(|(_, w, _)| w).sum();
        let components = values.map(|(component, weight, value)| ComponentScore {
            component,
            weight,
            value,
            contribution: weight * value / weight_sum,
        });
        let total = components.iter().map(|c| c.contribution).sum();
        Score { total, components, self_development: sd }
    }

    /// An upper bound of `score(p, v, bm25).total` from the vacancy's facts alone: the
    /// conditions at their best given the contract, the distance at 0 km. The ranking path
    /// uses it to pass over vacancies that cannot reach the top-k. It is the sum of
    /// [`Self::relevance_share`] and [`Self::traits_bound`], so the index can tabulate
    /// both per person (by occupation, and by traits and link) and add them per vacancy.
    pub fn score_upper_bound(&self, p: &CompiledParticipant, f: &VacancyFacts, bm25: f32) -> f64 {
        let isco_relation = self.isco_relation(p, f.isco);
        let text_relevance = self.text_relevance(bm25);
        let link = self.field_link(isco_relation, text_relevance);
        self.relevance_share(isco_relation, text_relevance) + self.traits_bound(p, &f.traits, link)
    }

    /// The relevance component's contribution to the score.
    pub fn relevance_share(&self, isco_relation: f64, text_relevance: f64) -> f64 {
        self.config.weights.relevance * relevance(isco_relation, text_relevance) / self.weight_sum
    }

    /// A BM25 score below which [`Self::relevance_share`] at this ISCO relation stays
    /// under `share`: 0 when no text is needed, +∞ when no text reaches it. Ranking
    /// passes use it to pass over a text match on one comparison.
    pub fn bm25_below_share(&self, isco_relation: f64, share: f64) -> f32 {
        let reaches = |bm25: f32| self.relevance_share(isco_relation, self.text_relevance(bm25));
        if reaches(0.0) >= share {
            return 0.0;
        }
        let full = self.config.weights.relevance / self.weight_sum;
        if share.is_nan() || share >= full * (1.0 - 1e-9) || isco_relation >= 1.0 {
            return f32::INFINITY;
        }
        // relevance_share = full · (1 − (1 − r)(1 − T)) with 1 − T = h / (bm25 + h).
        let h = self.config.relevance.text_half_saturation;
        let rest = (1.0 - share / full) / (1.0 - isco_relation);
        let mut bm25 = (h * (1.0 - rest) / rest) as f32;
        // The closed form rounds; step down until the share is surely not reached.
        while bm25 > 0.0 && reaches(bm25) >= share {
            bm25 = (bm25 * 0.999_999).min(bm25.next_down());
        }
        bm25.max(0.0)
    }

    /// The other components' contributions at their best for a vacancy with these traits
    /// at this link to the person's field.
    pub fn traits_bound(&self, p: &CompiledParticipant, t: &VacancyTraits, link: FieldLink) -> f64 {
        let w = &self.config.weights;
        let fit = self.config.fit.fit(p.preference, self.level_of(t, link));
        // conditions_value is the mean of n items, each ≤ 1; only the contract is fixed.
        let contract = self.contract_value(t.contract);
        let n = if p.needs_appointment_flexibility == Some(true) { 5.0 } else { 4.0 };
        let conditions = (n - 1.0 + contract) / n;
        let distance = if p.location.is_some() && t.has_location {
            1.0
        } else {
            self.config.conditions.unknown
        };
        (w.self_development * fit
            + w.conditions * conditions
            + w.twv * self.twv_value(p, t)
            + w.language_growth * self.language_growth_value(p, t)
            + w.application * self.application_value(t)
            + w.distance * distance)
            / self.weight_sum
    }

    fn application_value(&self, f: &VacancyTraits) -> f64 {
        let a = &self.config.application;
        match f.practical_application {
            Some(true) => a.practical,
            Some(false) => a.interview,
            None => a.unknown,
        }
    }
}

/// Relevance: the ISCO relation and the text relevance, combined as independent evidence.
/// The person excluded the vacancy's sector ("anything with people, except cleaning").
pub fn excluded_sector(p: &CompiledParticipant, sector: Option<&str>) -> bool {
    sector.is_some_and(|sector| p.excluded_sectors.iter().any(|s| s == sector))
}

/// The person excluded the vacancy's occupation.
pub fn excluded_occupation(p: &CompiledParticipant, isco: Option<Isco>) -> bool {
    isco.is_some_and(|isco| p.excluded_isco.iter().any(|g| isco.within(*g)))
}

/// The person may work only after the vacancy closes.
fn eligible_after_closing(p: &CompiledParticipant, valid_through: Option<Date>) -> bool {
    let from = p.work_authorization.as_ref().and_then(|a| a.eligible_from);
    matches!((from, valid_through), (Some(from), Some(through)) if from > through)
}

/// Whether the vacancy lies within the person's commute; `None` when a location or the
/// maximum commute is not known.
fn within_commute(p: &CompiledParticipant, location: Option<Position>) -> Option<bool> {
    match (p.location, location, p.max_commute_chord2) {
        (Some(a), Some(b), Some(max)) => Some(a.chord2(b) <= max),
        _ => None,
    }
}

fn relevance(isco_relation: f64, text_relevance: f64) -> f64 {
    1.0 - (1.0 - isco_relation) * (1.0 - text_relevance)
}

fn relevance_value(sd: &SelfDevelopmentAssessment) -> f64 {
    relevance(sd.isco_relation, sd.text_relevance)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Participant, Vacancy};
    use crate::validate::parse_json;

    fn matcher() -> Matcher {
        Matcher::new(MatchConfig::default(), Taxonomy::embedded(), "2026-11-27".parse().unwrap())
    }

    fn participant(extra: &str) -> Participant {
        let base = r#"{"id":"p-1","languages":[{"lang":"nl","level":"A2"},{"lang":"en","level":"B2"}],
            "certificates":[],"driving_licences":["B"],"education":{"nlqf":6,"evaluation":"NOT_EVALUATED"},
            "experience":[{"title":"elektricien","isco":"7411","years":5}],
            "work_authorization":{"status":"ASYLUM_TWV_REQUIRED"},"self_development":"SOME",
            "location":{"lat":52.07,"lon":4.30,"max_commute_km":20},"horizon_weeks":26"#;
        parse_json(&format!("{base}{extra}}}")).unwrap()
    }

    fn vacancy(requirements: &str, extra: &str) -> Vacancy {
        parse_json(&format!(
            r#"{{"id":"v-1","title":"Monteur","isco":"7411","employer":{{"twv":"WILLING"}},
            "location":{{"lat":52.08,"lon":4.31}},"requirements":{requirements}{extra}}}"#
        ))
        .unwrap()
    }

    fn statuses(p: &Participant, v: &Vacancy) -> Vec<(ReasonCode, Status)> {
        let m = matcher();
        let (cp, cv) = (m.compile_participant(p), m.compile_vacancy(v));
        m.checks(&cp, &cv).into_iter().map(|c| (c.reason, c.status)).collect()
    }

    #[test]
    fn language_any_of_and_gaps() {
        let p = participant("");
        let v = vacancy(
            r#"{"languages":[{"any_of":[{"lang":"nl","level":"B1"},{"lang":"en","level":"B1"}]}]}"#,
            "",
        );
        assert!(statuses(&p, &v).contains(&(ReasonCode::LanguageMet, Status::Met)));
        let v = vacancy(r#"{"languages":[{"any_of":[{"lang":"nl","level":"B1"}]}]}"#, "");
        let nl = crate::compiled::lang("nl");
        assert!(statuses(&p, &v).contains(&(
            ReasonCode::LanguageGap,
            Status::Bridgeable { step: Step::Language { lang: nl, rank: 3 }, effort_weeks: 16.0 }
        )));
        let v = vacancy(r#"{"languages":[{"any_of":[{"lang":"de","level":"C1"}]}]}"#, "");
        assert!(statuses(&p, &v).contains(&(ReasonCode::LanguageTooFar, Status::Blocking)));
        let mut unknown = participant("");
        unknown.languages = None;
        assert!(statuses(&unknown, &v).contains(&(ReasonCode::LanguageUnknown, Status::Unknown)));
    }

    #[test]
    fn certificates_held_on_the_job_and_course() {
        let p = participant("");
        let v = vacancy(
            r#"{"certificates":["VCA_BASIS","BHV"],"certificates_on_the_job":["BHV"]}"#,
            "",
        );
        let s = statuses(&p, &v);
        assert_eq!(
            s.iter().filter(|(r, _)| *r == ReasonCode::CertificateCourse).count(),
            1,
            "{s:?}"
        );
        let mut with_vca = participant("");
        with_vca.certificates = Some(vec![crate::model::CertificateCode("VCA_BASIS".into())]);
        assert!(statuses(&with_vca, &v).contains(&(ReasonCode::CertificateHeld, Status::Met)));
    }

    #[test]
    fn twv_stance_and_status() {
        let p = participant("");
        let unknown: Vacancy = parse_json(r#"{"id":"v-2","title":"x"}"#).unwrap();
        assert!(statuses(&p, &unknown).contains(&(ReasonCode::TwvUnknown, Status::Unknown)));
        let mut unwilling = vacancy("{}", "");
        unwilling.employer.as_mut().unwrap().twv = Some(TwvStance::Unwilling);
        assert!(statuses(&p, &unwilling).contains(&(ReasonCode::TwvUnwilling, Status::Blocking)));
        let mut free = participant("");
        free.work_authorization.as_mut().unwrap().status = WorkAuthorizationStatus::Free;
        assert!(statuses(&free, &unwilling).contains(&(ReasonCode::AuthFree, Status::Met)));
    }

    #[test]
    fn licence_hierarchy_education_distance_exclusion() {
        let p = participant("");
        let v = vacancy(r#"{"driving_licence":"AM"}"#, "");
        assert!(statuses(&p, &v).contains(&(ReasonCode::LicenceHeld, Status::Met)));
        let v = vacancy(r#"{"driving_licence":"CE"}"#, "");
        assert!(
            statuses(&p, &v)
                .iter()
                .any(|(r, _)| matches!(r, ReasonCode::LicenceGap | ReasonCode::LicenceTooFar))
        );
        let v = vacancy(r#"{"education":{"nlqf":4,"diploma_required":true}}"#, "");
        assert!(statuses(&p, &v).iter().any(|(r, s)| *r == ReasonCode::EducationEvaluationNeeded
            && matches!(s, Status::Bridgeable { step: Step::DiplomaEvaluation, .. })));
        let v = vacancy(r#"{"education":{"nlqf":7,"diploma_required":false}}"#, "");
        assert!(statuses(&p, &v).contains(&(ReasonCode::EducationTooLow, Status::Blocking)));
        let far: Vacancy =
            parse_json(r#"{"id":"v-9","title":"x","location":{"lat":51.92,"lon":4.48}}"#).unwrap();
        assert!(statuses(&p, &far).contains(&(ReasonCode::DistanceTooFar, Status::Blocking)));
        let mut p2 = participant("");
        p2.excluded.sectors = vec!["cleaning".into()];
        let cleaning: Vacancy =
            parse_json(r#"{"id":"v-3","title":"Schoonmaker","sector":"cleaning"}"#).unwrap();
        assert!(statuses(&p2, &cleaning).contains(&(ReasonCode::ExcludedSector, Status::Blocking)));
    }

    #[test]
    fn classes_and_horizon() {
        let m = matcher();
        let p = participant("");
        let cp = m.compile_participant(&p);
        let near = m.compile_vacancy(&vacancy(r#"{"certificates":["VCA_BASIS"]}"#, ""));
        assert_eq!(m.classify(&cp, &near), MatchClass::NearMiss);
        let two = m.compile_vacancy(&vacancy(
            r#"{"certificates":["VCA_BASIS"],"languages":[{"any_of":[{"lang":"nl","level":"B2"}]}]}"#,
            "",
        ));
        // 0.4 + 2 × 16 weeks > 26 weeks of horizon.
        assert_eq!(m.classify(&cp, &two), MatchClass::BeyondHorizon);
        let ok = m.compile_vacancy(&vacancy("{}", ""));
        assert_eq!(m.classify(&cp, &ok), MatchClass::Eligible);
        let closed = m.compile_vacancy(&vacancy("{}", r#","valid_through":"2026-01-01""#));
        assert_eq!(m.classify(&cp, &closed), MatchClass::Blocked);
    }

    #[test]
    fn two_language_gaps_in_one_language_cost_the_larger_step() {
        let m = matcher();
        let mut p = participant("");
        p.horizon_weeks = Some(40.0);
        let cp = m.compile_participant(&p);
        let v = m.compile_vacancy(&vacancy(
            r#"{"languages":[{"any_of":[{"lang":"nl","level":"B1"}]},{"any_of":[{"lang":"nl","level":"B2"}]}]}"#,
            "",
        ));
        // A2 → B2 is two steps (32 weeks), within 40 weeks; not 16 + 32.
        let near = m.near_miss(&cp, &v, 0.0).expect("a near miss");
        assert_eq!(near.steps.len(), 1);
        assert_eq!(near.effort_weeks, 32.0);
    }

    #[test]
    fn missing_experience_years_or_evaluation_is_a_question() {
        let mut p = participant("");
        p.experience.as_mut().unwrap()[0].years = None;
        p.education.as_mut().unwrap().evaluation = None;
        let v =
            vacancy(r#"{"experience_years":2,"education":{"nlqf":4,"diploma_required":true}}"#, "");
        let s = statuses(&p, &v);
        assert!(s.contains(&(ReasonCode::ExperienceUnknown, Status::Unknown)), "{s:?}");
        assert!(s.contains(&(ReasonCode::EducationEvaluationUnknown, Status::Unknown)), "{s:?}");
        let short = vacancy(r#"{"experience_years":9}"#, "");
        assert!(
            statuses(&participant(""), &short)
                .contains(&(ReasonCode::ExperienceShort, Status::Blocking))
        );
    }

    #[test]
    fn self_development_is_pairwise() {
        let m = matcher();
        let p = m.compile_participant(&participant(""));
        let own_field_growth = m.compile_vacancy(&vacancy("{}", r#","offers":{"training":true}"#));
        assert_eq!(m.self_development(&p, &own_field_growth, 0.0).level, SelfDevelopment::Strong);
        let own_field_no_growth =
            m.compile_vacancy(&vacancy("{}", r#","work":{"language_contact":"HIGH"}"#));
        assert_eq!(m.self_development(&p, &own_field_no_growth, 0.0).level, SelfDevelopment::Some);
        let mut other: Vacancy = vacancy("{}", r#","work":{"language_contact":"HIGH"}"#);
        other.isco = Some(crate::model::IscoCode("9112".into()));
        let other = m.compile_vacancy(&other);
        assert_eq!(m.self_development(&p, &other, 0.0).level, SelfDevelopment::Minimal);
        // Text overlap with interests links the job to the person.
        assert_eq!(m.self_development(&p, &other, 3.0).level, SelfDevelopment::Some);
    }

    #[test]
    fn upper_bound_is_never_below_the_score() {
        let m = matcher();
        let g = crate::synth::Generator::new();
        let day = m.today();
        for i in 0..300 {
            let p = m.compile_participant(&g.participant(3, i, day));
            for j in 0..30 {
                let v = m.compile_vacancy(&g.vacancy(4, i * 30 + j, day));
                for bm25 in [0.0, 1.5, 12.0] {
                    let s = m.score(&p, &v, bm25).total;
                    let ub = m.score_upper_bound(&p, &v.facts(), bm25);
                    assert!(s <= ub + 1e-12, "{s} > {ub}");
                    let sd = m.self_development(&p, &v, bm25);
                    let link = m.field_link(sd.isco_relation, sd.text_relevance);
                    assert_eq!(m.fits_preference(&p, &v.traits(), link), m.is_fitting(sd.fit));
                }
            }
        }
    }

    #[test]
    fn the_split_classification_agrees_with_the_checks() {
        let m = matcher();
        let g = crate::synth::Generator::new();
        let day = m.today();
        let mut seen = std::collections::HashSet::new();
        let mut seen_own = std::collections::HashSet::new();
        for i in 0..200 {
            let p = m.compile_participant(&g.participant(5, i, day));
            for j in 0..50 {
                let v = m.compile_vacancy(&g.vacancy(6, i * 50 + j, day));
                let checks = m.checks(&p, &v);
                let blocked = checks.iter().any(|c| c.status == Status::Blocking);
                let bridgeable =
                    checks.iter().any(|c| matches!(c.status, Status::Bridgeable { .. }));
                let class = m.classify(&p, &v);
                seen.insert(class);
                assert_eq!(class == MatchClass::Blocked, blocked, "{checks:?}");
                assert_eq!(class == MatchClass::Eligible, !blocked && !bridgeable, "{checks:?}");
                // What the index reads from its columns alone: a block there is a block,
                // and the vacancy's own circumstances are the rest.
                let c = &v.circumstances;
                let shared = m.authorization(&p, c.twv, None).0 == Status::Blocking
                    || c.experience_years
                        .is_some_and(|y| m.experience(&p, c.isco, y).0 == Status::Blocking);
                if shared {
                    assert_eq!(class, MatchClass::Blocked);
                }
                let shared = shared
                    || excluded_sector(&p, c.sector.as_deref())
                    || excluded_occupation(&p, c.isco);
                let own = m.blocks_on_its_own(&p, &c.own());
                assert_eq!(m.circumstances_block(&p, c), shared || own, "{checks:?}");
                seen_own.insert((shared, own));
                // Vacancies that ask the same qualifications share that part of the answer.
                if !m.circumstances_block(&p, &v.circumstances) {
                    assert_eq!(class, m.classify_qualifications(&p, &v.qualifications).class);
                }
            }
        }
        assert_eq!(seen.len(), 4, "every class occurs: {seen:?}");
        assert_eq!(seen_own.len(), 4, "shared and own blocks each occur: {seen_own:?}");
    }

    #[test]
    fn bm25_below_share_is_a_tight_cutoff() {
        let m = matcher();
        let reaches = |r: f64, bm25: f32| m.relevance_share(r, m.text_relevance(bm25));
        let full = reaches(1.0, 0.0);
        for r in [0.0, 0.3, 0.75, 0.999, 1.0] {
            for i in 0..=120 {
                let share = full * f64::from(i) / 100.0;
                let cut = m.bm25_below_share(r, share);
                if cut == 0.0 {
                    assert!(reaches(r, 0.0) >= share, "{r} {share}");
                } else if cut.is_infinite() {
                    assert!(reaches(r, 1e30) < share * (1.0 + 1e-9), "{r} {share}");
                } else {
                    // Below the cutoff the share is never reached; just above it, it is.
                    for below in [cut, cut.next_down(), cut * 0.5, 0.0] {
                        assert!(reaches(r, below) < share, "{r} {share} {below}");
                    }
                    assert!(reaches(r, cut * 1.0001 + 1e-6) >= share, "{r} {share} {cut}");
                }
            }
        }
    }

    #[test]
    fn score_is_a_weighted_mean_of_components() {
        let m = matcher();
        let p = m.compile_participant(&participant(""));
        let v = m.compile_vacancy(&vacancy("{}", r#","offers":{"training":true}"#));
        let s = m.score(&p, &v, 2.0);
        let sum: f64 = s.components.iter().map(|c| c.contribution).sum();
        assert!((sum - s.total).abs() < 1e-12);
        assert!(s.total > 0.0 && s.total <= 1.0);
        for c in s.components {
            assert!((0.0..=1.0).contains(&c.value), "{c:?}");
        }
        // On-call work scores lower on conditions than permanent work.
        let perm = m.compile_vacancy(&vacancy("{}", r#","conditions":{"contract":"PERMANENT"}"#));
        let call = m.compile_vacancy(&vacancy("{}", r#","conditions":{"contract":"ON_CALL"}"#));
        assert!(m.score(&p, &perm, 0.0).total > m.score(&p, &call, 0.0).total);
    }
}
