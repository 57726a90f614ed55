//! The matching configuration: weights, the preference-fit matrix, the effort table.
//! Embedded defaults (`config/default.toml`); a user file overrides any subset of keys.
//! Unknown keys are rejected, so a typo never silently falls back to a default.

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::model::{ContractType, ProcedureTrack, SelfDevelopment, TwvStance};

const DEFAULT_TOML: &str = include_str!("../config/default.toml");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatchConfig {
    pub weights: Weights,
    pub fit: FitMatrix,
    pub self_development: SelfDevelopmentConfig,
    pub relevance: RelevanceConfig,
    pub conditions: ConditionsConfig,
    pub twv: TwvConfig,
    pub application: ApplicationConfig,
    pub language_growth: LanguageGrowthConfig,
    pub distance: DistanceConfig,
    pub effort: EffortConfig,
    pub work_authorization: WorkAuthorizationConfig,
    pub plan: PlanConfig,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Weights {
    pub self_development: f64,
    pub relevance: f64,
    pub conditions: f64,
    pub twv: f64,
    pub language_growth: f64,
    pub application: f64,
    pub distance: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(non_snake_case)]
pub struct FitRow {
    pub MINIMAL: f64,
    pub SOME: f64,
    pub STRONG: f64,
}

impl FitRow {
    pub fn get(&self, level: SelfDevelopment) -> f64 {
        match level {
            SelfDevelopment::Minimal => self.MINIMAL,
            SelfDevelopment::Some => self.SOME,
            SelfDevelopment::Strong => self.STRONG,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(non_snake_case)]
pub struct FitMatrix {
    pub MINIMAL: FitRow,
    pub SOME: FitRow,
    pub STRONG: FitRow,
}

impl FitMatrix {
    /// Fit of a job at `level` for a person who prefers `preference`.
    pub fn fit(&self, preference: SelfDevelopment, level: SelfDevelopment) -> f64 {
        match preference {
            SelfDevelopment::Minimal => &self.MINIMAL,
            SelfDevelopment::Some => &self.SOME,
            SelfDevelopment::Strong => &self.STRONG,
        }
        .get(level)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SelfDevelopmentConfig {
    pub default_preference: SelfDevelopment,
    pub strong_isco_relation: f64,
    pub some_isco_relation: f64,
    pub strong_text_relevance: f64,
    pub some_text_relevance: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelevanceConfig {
    pub same_unit_group: f64,
    pub same_minor_group: f64,
    pub same_sub_major_group: f64,
    pub same_major_group: f64,
    pub text_half_saturation: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(non_snake_case)]
pub struct ContractScores {
    pub PERMANENT: f64,
    pub FIXED_TERM: f64,
    pub TEMP_AGENCY: f64,
    pub ON_CALL: f64,
    pub INTERNSHIP: f64,
    pub VOLUNTEER: f64,
}

impl ContractScores {
    pub fn get(&self, c: ContractType) -> f64 {
        match c {
            ContractType::Permanent => self.PERMANENT,
            ContractType::FixedTerm => self.FIXED_TERM,
            ContractType::TempAgency => self.TEMP_AGENCY,
            ContractType::OnCall => self.ON_CALL,
            ContractType::Internship => self.INTERNSHIP,
            ContractType::Volunteer => self.VOLUNTEER,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConditionsConfig {
    pub unknown: f64,
    pub weekend_mismatch: f64,
    pub no_appointment_flexibility: f64,
    pub unknown_appointment_flexibility: f64,
    pub physically_demanding_unwanted: f64,
    pub contract: ContractScores,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(non_snake_case)]
pub struct TwvConfig {
    pub EXPERIENCED: f64,
    pub WILLING: f64,
    pub UNKNOWN: f64,
}

impl TwvConfig {
    /// The value of an employer stance; `None` for UNWILLING, which blocks instead.
    pub fn get(&self, stance: TwvStance) -> Option<f64> {
        match stance {
            TwvStance::Experienced => Some(self.EXPERIENCED),
            TwvStance::Willing => Some(self.WILLING),
            TwvStance::Unknown => Some(self.UNKNOWN),
            TwvStance::Unwilling => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApplicationConfig {
    pub practical: f64,
    pub interview: f64,
    pub unknown: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DistanceConfig {
    pub default_max_commute_km: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EffortConfig {
    pub language_step_weeks: f64,
    pub diploma_evaluation_weeks: f64,
    pub diploma_evaluation_pending_weeks: f64,
    pub volunteer_statement_weeks: f64,
    pub max_bridge_weeks: f64,
    pub default_horizon_weeks: f64,
}

/// The language-growth component: contact values and, by learning style, the weight of
/// contact against language support.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageGrowthConfig {
    pub contact_high: f64,
    pub contact_medium: f64,
    pub contact_low: f64,
    pub on_the_job: ContactSupportShares,
    pub course_first: ContactSupportShares,
    pub unknown_style: ContactSupportShares,
}

/// The terms of work authorization.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkAuthorizationConfig {
    /// UWV's decision term for a TWV, in weeks.
    pub twv_decision_weeks: f64,
    /// The dated rules for the first day an asylum seeker may work.
    pub rules: Vec<AuthorizationRule>,
}

/// A dated rule for the first day an asylum seeker may work, with its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthorizationRule {
    pub name: String,
    /// Applications from this day on fall under it (until a later enabled rule).
    pub from: Date,
    pub enabled: bool,
    /// Months from the application to the first day of work, by track; a track left out
    /// may not work under this rule.
    pub months: std::collections::BTreeMap<ProcedureTrack, u32>,
    pub source: String,
}

impl WorkAuthorizationConfig {
    /// The rule in force for an application made on `applied`.
    pub fn rule_for(&self, applied: Date) -> Option<&AuthorizationRule> {
        self.rules.iter().filter(|r| r.enabled && r.from <= applied).max_by_key(|r| r.from)
    }
}

/// How much language contact and language support weigh for one learning style.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactSupportShares {
    pub contact: f64,
    pub support: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanConfig {
    pub fitting_threshold: f64,
    pub partly_fitting_threshold: f64,
    pub max_options: usize,
    pub examples_per_option: usize,
    /// A vacancy without `valid_through` is assumed to stay open this many weeks from
    /// today.
    pub assumed_open_weeks: f64,
    /// The flow ("about N a month like these") counts the fitting vacancies posted in
    /// this many weeks before today.
    pub flow_window_weeks: f64,
    /// An option's value: the fitting vacancies still open at its finish plus this many
    /// months of the flow after it.
    pub search_months: f64,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("config: {0}")]
    Toml(String),
    #[error("config: `{key}` = {value}: {accepted}")]
    Invalid { key: String, value: String, accepted: &'static str },
}

impl Default for MatchConfig {
    fn default() -> MatchConfig {
        MatchConfig::from_toml_str("").expect("the embedded default config is valid (unit test)")
    }
}

impl MatchConfig {
    /// The embedded defaults with the keys of `user_toml` laid over them.
    pub fn from_toml_str(user_toml: &str) -> Result<MatchConfig, ConfigError> {
        let mut base: toml::Table =
            toml::from_str(DEFAULT_TOML).map_err(|e| ConfigError::Toml(e.to_string()))?;
        let user: toml::Table =
            toml::from_str(user_toml).map_err(|e| ConfigError::Toml(e.to_string()))?;
        merge(&mut base, user, "")?;
        let config: MatchConfig = toml::Value::Table(base)
            .try_into()
            .map_err(|e: toml::de::Error| ConfigError::Toml(e.to_string()))?;
        config.validate()?;
        Ok(config)
    }

    /// The effective configuration as TOML.
    pub fn to_toml_string(&self) -> String {
        toml::to_string_pretty(self).expect("the config serializes")
    }

    fn validate(&self) -> Result<(), ConfigError> {
        let w = &self.weights;
        let weights = [
            ("weights.self_development", w.self_development),
            ("weights.relevance", w.relevance),
            ("weights.conditions", w.conditions),
            ("weights.twv", w.twv),
            ("weights.language_growth", w.language_growth),
            ("weights.application", w.application),
            ("weights.distance", w.distance),
        ];
        for (key, v) in weights {
            if !(v.is_finite() && v >= 0.0) {
                return Err(invalid(key, v, "a weight is a finite number ≥ 0"));
            }
        }
        if weights.iter().map(|(_, v)| v).sum::<f64>() <= 0.0 {
            return Err(invalid("weights", 0.0, "at least one weight must be > 0"));
        }
        let unit = [
            ("fit.MINIMAL.MINIMAL", self.fit.MINIMAL.MINIMAL),
            ("fit.MINIMAL.SOME", self.fit.MINIMAL.SOME),
            ("fit.MINIMAL.STRONG", self.fit.MINIMAL.STRONG),
            ("fit.SOME.MINIMAL", self.fit.SOME.MINIMAL),
            ("fit.SOME.SOME", self.fit.SOME.SOME),
            ("fit.SOME.STRONG", self.fit.SOME.STRONG),
            ("fit.STRONG.MINIMAL", self.fit.STRONG.MINIMAL),
            ("fit.STRONG.SOME", self.fit.STRONG.SOME),
            ("fit.STRONG.STRONG", self.fit.STRONG.STRONG),
            ("self_development.strong_isco_relation", self.self_development.strong_isco_relation),
            ("self_development.some_isco_relation", self.self_development.some_isco_relation),
            ("self_development.strong_text_relevance", self.self_development.strong_text_relevance),
            ("self_development.some_text_relevance", self.self_development.some_text_relevance),
            ("relevance.same_unit_group", self.relevance.same_unit_group),
            ("relevance.same_minor_group", self.relevance.same_minor_group),
            ("relevance.same_sub_major_group", self.relevance.same_sub_major_group),
            ("relevance.same_major_group", self.relevance.same_major_group),
            ("conditions.unknown", self.conditions.unknown),
            ("conditions.weekend_mismatch", self.conditions.weekend_mismatch),
            ("conditions.no_appointment_flexibility", self.conditions.no_appointment_flexibility),
            (
                "conditions.unknown_appointment_flexibility",
                self.conditions.unknown_appointment_flexibility,
            ),
            (
                "conditions.physically_demanding_unwanted",
                self.conditions.physically_demanding_unwanted,
            ),
            ("conditions.contract.PERMANENT", self.conditions.contract.PERMANENT),
            ("conditions.contract.FIXED_TERM", self.conditions.contract.FIXED_TERM),
            ("conditions.contract.TEMP_AGENCY", self.conditions.contract.TEMP_AGENCY),
            ("conditions.contract.ON_CALL", self.conditions.contract.ON_CALL),
            ("conditions.contract.INTERNSHIP", self.conditions.contract.INTERNSHIP),
            ("conditions.contract.VOLUNTEER", self.conditions.contract.VOLUNTEER),
            ("twv.EXPERIENCED", self.twv.EXPERIENCED),
            ("twv.WILLING", self.twv.WILLING),
            ("twv.UNKNOWN", self.twv.UNKNOWN),
            ("application.practical", self.application.practical),
            ("application.interview", self.application.interview),
            ("application.unknown", self.application.unknown),
            ("plan.fitting_threshold", self.plan.fitting_threshold),
            ("plan.partly_fitting_threshold", self.plan.partly_fitting_threshold),
            ("language_growth.contact_high", self.language_growth.contact_high),
            ("language_growth.contact_medium", self.language_growth.contact_medium),
            ("language_growth.contact_low", self.language_growth.contact_low),
        ];
        for (key, v) in unit {
            if !(0.0..=1.0).contains(&v) {
                return Err(invalid(key, v, "a value between 0 and 1"));
            }
        }
        let positive = [
            ("relevance.text_half_saturation", self.relevance.text_half_saturation),
            ("distance.default_max_commute_km", self.distance.default_max_commute_km),
            ("effort.language_step_weeks", self.effort.language_step_weeks),
            ("effort.diploma_evaluation_weeks", self.effort.diploma_evaluation_weeks),
            (
                "effort.diploma_evaluation_pending_weeks",
                self.effort.diploma_evaluation_pending_weeks,
            ),
            ("effort.max_bridge_weeks", self.effort.max_bridge_weeks),
            ("effort.volunteer_statement_weeks", self.effort.volunteer_statement_weeks),
            ("work_authorization.twv_decision_weeks", self.work_authorization.twv_decision_weeks),
            ("effort.default_horizon_weeks", self.effort.default_horizon_weeks),
            ("plan.assumed_open_weeks", self.plan.assumed_open_weeks),
            ("plan.flow_window_weeks", self.plan.flow_window_weeks),
            ("plan.search_months", self.plan.search_months),
        ];
        for (key, v) in positive {
            if !(v.is_finite() && v > 0.0) {
                return Err(invalid(key, v, "a finite number > 0"));
            }
        }
        let g = &self.language_growth;
        for (key, shares) in [
            ("language_growth.on_the_job", g.on_the_job),
            ("language_growth.course_first", g.course_first),
            ("language_growth.unknown_style", g.unknown_style),
        ] {
            let sum = shares.contact + shares.support;
            let in_unit = [shares.contact, shares.support].iter().all(|v| (0.0..=1.0).contains(v));
            if !in_unit || (sum - 1.0).abs() > 1e-9 {
                return Err(invalid(
                    key,
                    sum,
                    "contact and support between 0 and 1, adding up to 1",
                ));
            }
        }
        if self.plan.partly_fitting_threshold > self.plan.fitting_threshold {
            return Err(invalid(
                "plan.partly_fitting_threshold",
                self.plan.partly_fitting_threshold,
                "at most plan.fitting_threshold",
            ));
        }
        if self.plan.max_options == 0 {
            return Err(invalid("plan.max_options", 0.0, "at least 1"));
        }
        Ok(())
    }
}

fn invalid(key: &str, value: f64, accepted: &'static str) -> ConfigError {
    ConfigError::Invalid { key: key.to_owned(), value: value.to_string(), accepted }
}

/// Lays `user` over `base`. A key that the defaults do not have is unknown: rejected
/// with its full path.
fn merge(base: &mut toml::Table, user: toml::Table, prefix: &str) -> Result<(), ConfigError> {
    for (key, value) in user {
        let path = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
        match (base.get_mut(&key), value) {
            (None, _) => {
                return Err(ConfigError::Invalid {
                    key: path,
                    value: "…".into(),
                    accepted: "unknown key; `opstap config` prints every accepted key",
                });
            }
            (Some(toml::Value::Table(b)), toml::Value::Table(u)) => merge(b, u, &path)?,
            (Some(slot), value) => *slot = value,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_parse_and_override() {
        let d = MatchConfig::default();
        assert_eq!(d.fit.fit(SelfDevelopment::Some, SelfDevelopment::Minimal), 0.2);
        let c =
            MatchConfig::from_toml_str("[weights]\nrelevance = 0.5\n[fit.SOME]\nMINIMAL = 0.1\n")
                .unwrap();
        assert_eq!(c.weights.relevance, 0.5);
        assert_eq!(c.weights.twv, d.weights.twv);
        assert_eq!(c.fit.SOME.MINIMAL, 0.1);
        // The printed config parses back to itself.
        assert_eq!(MatchConfig::from_toml_str(&c.to_toml_string()).unwrap(), c);
    }

    #[test]
    fn rejects_unknown_keys_and_bad_values() {
        let e = MatchConfig::from_toml_str("[weights]\nrelevanse = 0.5\n").unwrap_err().to_string();
        assert!(e.contains("weights.relevanse"), "{e}");
        let e = MatchConfig::from_toml_str("[fit.SOME]\nSTRONG = 1.5\n").unwrap_err().to_string();
        assert!(e.contains("fit.SOME.STRONG") && e.contains("between 0 and 1"), "{e}");
        let e = MatchConfig::from_toml_str("[weights]\ntwv = -1\n").unwrap_err().to_string();
        assert!(e.contains("weights.twv"), "{e}");
        let e = MatchConfig::from_toml_str("[self_development]\ndefault_preference = \"LOTS\"\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("LOTS"), "{e}");
        let e = MatchConfig::from_toml_str(
            "[language_growth]\non_the_job = { contact = 0.8, support = 0.3 }\n",
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("language_growth.on_the_job") && e.contains("adding up to 1"), "{e}");
        let e = MatchConfig::from_toml_str("[plan]\npartly_fitting_threshold = 0.9\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("plan.partly_fitting_threshold"), "{e}");
        let ok = MatchConfig::from_toml_str("[language_growth]\ncontact_medium = 0.5\n").unwrap();
        assert_eq!(ok.language_growth.contact_medium, 0.5);
    }
}
