//! Steps a person can take to close a gap, and sets of them: the unit a step plan counts.

use smallvec::SmallVec;

use crate::compiled::Lang;
use crate::model::DrivingLicence;
use crate::reason::StepKind;

/// One step a person can take to close a gap: a course, a language level, a licence,
/// or a diploma evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Step {
    Certificate(u8),
    Language {
        lang: Lang,
        rank: u8,
    },
    DrivingLicence(DrivingLicence),
    DiplomaEvaluation,
    /// The route to a regulated profession's registration (by its bit).
    Registration(u8),
}

impl Step {
    /// The kind of this step, as the outputs name it.
    pub fn kind(self) -> StepKind {
        match self {
            Step::Certificate(_) => StepKind::Certificate,
            Step::Language { .. } => StepKind::Language,
            Step::DrivingLicence(_) => StepKind::DrivingLicence,
            Step::DiplomaEvaluation => StepKind::DiplomaEvaluation,
            Step::Registration(_) => StepKind::Registration,
        }
    }
}

/// The steps of a near miss and their alternatives, sorted: near misses with the same
/// set are unlocked by the same options.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StepSet {
    steps: SmallVec<[Step; 4]>,
    /// `(step, other)`: the gap `step` closes is also closed by `other`.
    alternatives: SmallVec<[(Step, Step); 2]>,
}

impl StepSet {
    pub fn new(steps: &[(Step, f64)], alternatives: &[(Step, Step)]) -> StepSet {
        let mut steps: SmallVec<[Step; 4]> = steps.iter().map(|(s, _)| *s).collect();
        steps.sort();
        let mut alternatives = SmallVec::from_slice(alternatives);
        alternatives.sort();
        StepSet { steps, alternatives }
    }

    /// The steps, sorted.
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    /// `(step, other)`: the gap `step` closes is also closed by `other`.
    pub fn alternatives(&self) -> &[(Step, Step)] {
        &self.alternatives
    }
}
