//! The hard requirements: every check, in a fixed order, to a sink that may stop early;
//! and the parts of the circumstances the index tabulates per distinct value.

use std::ops::ControlFlow;

use super::Matcher;
use crate::compiled::{
    Circumstances, CompiledParticipant, CompiledVacancy, Isco, OwnCircumstances, Position,
    Qualifications,
};
use crate::date::Date;
use crate::model::{DiplomaEvaluation, DrivingLicence, TwvStance, WorkAuthorizationStatus};
use crate::reason::{ReasonCode, RequirementKind};
use crate::step::Step;

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
    /// Volunteer work by an asylum seeker: the organisation's volunteer statement.
    VolunteerStatement,
    /// The registration a regulated profession needs (by its bit).
    Registration(u8),
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
            Requirement::VolunteerStatement => RequirementKind::VolunteerStatement,
            Requirement::Registration(_) => RequirementKind::Registration,
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

impl Matcher {
    pub(super) fn bridge(
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
    pub(super) fn check_provided_on_the_job(
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
    pub(super) fn check_access(
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

        if v.volunteer {
            let (requirement, status, reason) = self.volunteering(p, v.volunteer_statement);
            sink(Check::new(requirement, status, reason))?;
        } else {
            let (status, reason) = self.authorization(p, v.twv, v.valid_through);
            sink(Check::new(Requirement::WorkAuthorization, status, reason))?;
        }

        ControlFlow::Continue(())
    }

    /// Volunteer work: an asylum seeker needs no TWV and no waiting time for it; the
    /// organisation needs a volunteer statement from UWV (for the kind of work, not the
    /// person), so the question is the organisation's, and the work may start once UWV
    /// has confirmed receipt of the application. Status holders need nothing; a person
    /// who may not work may not volunteer either.
    pub(crate) fn volunteering(
        &self,
        p: &CompiledParticipant,
        statement: Option<bool>,
    ) -> (Requirement, Status, ReasonCode) {
        use ReasonCode as R;
        match p.work_authorization.as_ref().map(|a| a.status) {
            None => (Requirement::WorkAuthorization, Status::Unknown, R::AuthUnknown),
            Some(WorkAuthorizationStatus::NotAllowed) => {
                (Requirement::WorkAuthorization, Status::Blocking, R::AuthNotAllowed)
            }
            Some(WorkAuthorizationStatus::Free) => {
                (Requirement::WorkAuthorization, Status::Met, R::AuthFree)
            }
            Some(WorkAuthorizationStatus::NotificationOnly) => {
                (Requirement::WorkAuthorization, Status::Met, R::AuthNotificationOnly)
            }
            Some(WorkAuthorizationStatus::AsylumTwvRequired) => match statement {
                Some(true) => {
                    (Requirement::VolunteerStatement, Status::Met, R::VolunteerStatementHeld)
                }
                Some(false) | None => {
                    (Requirement::VolunteerStatement, Status::Unknown, R::VolunteerStatementUnknown)
                }
            },
        }
    }

    /// Work authorization: TWV — the employer applies (docs/domain.md §2). When it blocks
    /// with `valid_through` unknown, it blocks for every closing date.
    pub(crate) fn authorization(
        &self,
        p: &CompiledParticipant,
        twv: Option<TwvStance>,
        valid_through: Option<Date>,
    ) -> (Status, ReasonCode) {
        use ReasonCode as R;
        match &p.work_authorization {
            None => (Status::Unknown, R::AuthUnknown),
            Some(a) => match a.status {
                WorkAuthorizationStatus::NotAllowed if p.authorization_rule.is_some() => {
                    (Status::Blocking, R::AuthTrackMayNotWork)
                }
                WorkAuthorizationStatus::NotAllowed => (Status::Blocking, R::AuthNotAllowed),
                _ if eligible_after_closing(p, valid_through) => {
                    (Status::Blocking, R::AuthEligibleAfterClosing)
                }
                WorkAuthorizationStatus::AsylumTwvRequired
                    if closes_before(valid_through, Some(self.twv_ready())) =>
                {
                    (Status::Blocking, R::AuthTwvAfterClosing)
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
    pub(crate) fn experience(
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
    pub(super) fn check_qualifications(
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
                // A work-and-thinking level asked (no diploma needed) and a lower level
                // the person reports, unevaluated: a question, not a fact.
                Some(level)
                    if level < nlqf
                        && !diploma_required
                        && p.diploma_evaluation != Some(DiplomaEvaluation::Recognized) =>
                {
                    (Status::Unknown, R::EducationLevelUnconfirmed)
                }
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

        // A regulated profession: its registration, or the route to it with its real
        // duration. Never capped by `max_bridge_weeks` (the route exists, it is long), and
        // never shortened to a diploma evaluation alone.
        if let Some(bit) = v.registration {
            let req = Requirement::Registration(bit);
            match p.registrations {
                None => sink(Check::new(req, Status::Unknown, R::RegistrationUnknown))?,
                Some(held) if held & (1 << bit) != 0 => {
                    sink(Check::new(req, Status::Met, R::RegistrationHeld))?
                }
                Some(_) => {
                    let step = Step::Registration(bit);
                    let effort_weeks = self.step_effort(p, step);
                    let status = Status::Bridgeable { step, effort_weeks };
                    sink(Check::new(req, status, R::RegistrationRoute))?;
                }
            }
        }

        ControlFlow::Continue(())
    }

    /// Experience in the occupation, and the commute.
    pub(super) fn check_experience_and_distance(
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
    /// not open to the person's work authorization, asks experience they lack, or is too
    /// far. Defined as the composition of the parts the index tabulates (by occupation,
    /// TWV stance and sector) and the vacancy's own circumstances; a unit test holds it
    /// to the checks of [`Self::check_requirements`].
    pub fn circumstances_block(&self, p: &CompiledParticipant, c: &Circumstances) -> bool {
        self.occupation_blocks(p, c.isco, c.experience_years)
            || self.twv_blocks(p, c.twv, c.volunteer)
            || excluded_sector(p, c.sector.as_deref())
            || self.blocks_on_its_own(p, &c.own(), self.works_from(p, c.volunteer))
    }

    /// What remains of [`Self::circumstances_block`] once the tabulated parts are met:
    /// the vacancy's own facts (closed, closing before the person may work, too far).
    /// `works_from`: the first day the person may start this kind of job
    /// ([`Self::works_from`]).
    pub(crate) fn blocks_on_its_own(
        &self,
        p: &CompiledParticipant,
        c: &OwnCircumstances,
        works_from: Option<Date>,
    ) -> bool {
        self.closes_too_soon(c.valid_through, works_from)
            || within_commute(p, c.location) == Some(false)
    }

    /// The part of [`Self::blocks_on_its_own`] that reads the dates: the vacancy closed
    /// before today, or closes before the person may start (its last day is before
    /// [`Self::open_until`]). A vacancy without a closing date stays open.
    pub(crate) fn closes_too_soon(
        &self,
        valid_through: Option<Date>,
        works_from: Option<Date>,
    ) -> bool {
        valid_through.is_some_and(|through| through < self.open_until(works_from))
    }

    /// The day a vacancy must stay open until (its last day on it or after) for the
    /// person to take it: today, or the first day they may start a job of its kind
    /// (`works_from`) where that is later.
    pub(crate) fn open_until(&self, works_from: Option<Date>) -> Date {
        works_from.map_or(self.today, |from| from.max(self.today))
    }

    /// The first day this person may start a job of this kind: the date from which they
    /// may work, and for a job that needs a TWV (the employer applies for each person),
    /// today plus UWV's decision term. Volunteer work waits for neither.
    pub(crate) fn works_from(&self, p: &CompiledParticipant, volunteer: bool) -> Option<Date> {
        let a = p.work_authorization.as_ref().filter(|_| !volunteer)?;
        let twv =
            (a.status == WorkAuthorizationStatus::AsylumTwvRequired).then(|| self.twv_ready());
        a.eligible_from.max(twv)
    }

    /// The day a TWV applied for today is decided.
    fn twv_ready(&self) -> Date {
        let weeks = self.config.work_authorization.twv_decision_weeks;
        self.today.add_days((weeks * 7.0).round() as i32)
    }

    /// The vacancy closed before today.
    pub(super) fn closed(&self, valid_through: Option<Date>) -> bool {
        valid_through.is_some_and(|through| through < self.today)
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
pub(super) fn eligible_after_closing(p: &CompiledParticipant, valid_through: Option<Date>) -> bool {
    closes_before(valid_through, p.work_authorization.as_ref().and_then(|a| a.eligible_from))
}

/// The vacancy closes before `from` (both known).
fn closes_before(valid_through: Option<Date>, from: Option<Date>) -> bool {
    matches!((from, valid_through), (Some(from), Some(through)) if from > through)
}

/// Whether the vacancy lies within the person's commute; `None` when a location or the
/// maximum commute is not known.
pub(super) fn within_commute(p: &CompiledParticipant, location: Option<Position>) -> Option<bool> {
    match (p.location, location, p.max_commute_chord2) {
        (Some(a), Some(b), Some(max)) => Some(a.chord2(b) <= max),
        _ => None,
    }
}
