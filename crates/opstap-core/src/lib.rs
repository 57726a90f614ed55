//! opstap-core: the domain of opstap — participants, vacancies, taxonomies, requirement
//! checks, the self-development level, the weighted score, explanations and step plans.
//!
//! Pure and synchronous: no IO, no async, no index. Every ranking path in opstap calls
//! [`Matcher`]; [`Matcher::rank_reference`] is the brute-force definition of the right
//! answer that the index is tested against.

// A new variant of a domain enum must be decided everywhere it is matched.
#![warn(clippy::wildcard_enum_match_arm)]

pub mod answer;
pub mod compiled;
pub mod config;
pub mod date;
pub mod explain;
pub mod filter;
pub mod i18n;
pub mod matching;
pub mod model;
pub mod outreach;
pub mod page;
pub mod plan;
pub mod rank;
pub mod reason;
pub mod step;
pub mod taxonomy;
pub mod validate;

pub use compiled::{CompiledParticipant, CompiledVacancy};
pub use config::MatchConfig;
pub use date::Date;
pub use explain::{MatchExplanation, RequirementOutcome};
pub use filter::VacancyFilter;
pub use i18n::{Catalog, Locale, Voice};
pub use matching::{Assessment, MatchClass, Matcher, NearMiss};
pub use model::{Participant, Placement, SelfDevelopment, Vacancy};
pub use page::PlanPage;
pub use plan::{NearMissTally, StepOption, StepPlan, StepSetGroup};
pub use rank::Ranked;
pub use reason::{OutcomeKind, Reason, ReasonCode, RequirementKind, Signal, StepForm, StepKind};
pub use step::{Step, StepSet};
pub use taxonomy::Taxonomy;
