//! The caseworkers' records (`opstap.v1.CaseworkService`) and what the other calls record:
//! employers' answers, kept in the store and applied to their vacancies in the index at
//! once; outcomes; the audit trail of every list shown. Every store call runs on the
//! blocking pool (the PostgreSQL client blocks).

use std::sync::Arc;

use opstap_core::answer::EmployerAnswer;
use opstap_core::{Date, Taxonomy};
use opstap_proto::v1 as pb;
use opstap_store::{Actor, AuditEntry, Outcome, Pseudonymizer, Store, StoreError};
use pb::casework_service_server::CaseworkService;
use tonic::{Request, Response, Status};

use crate::auth::{Caller, Role};
use crate::convert;
use crate::error::ApiError;
use crate::service::Engine;

/// The store a server keeps its records in, and the key participants are hashed with.
pub struct Records {
    pub store: Store,
    pub pseudonyms: Pseudonymizer,
}

impl std::fmt::Debug for Records {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Records({:?})", self.store)
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        match e {
            StoreError::Invalid { field, message } => ApiError::invalid(field, message),
            other => ApiError::Internal(other.to_string()),
        }
    }
}

/// The caller of a request, as the auth layer found it.
pub(crate) fn caller<T>(request: &Request<T>) -> Caller {
    request
        .extensions()
        .get::<Caller>()
        .cloned()
        .unwrap_or(Caller { name: "anonymous".into(), role: Role::Caseworker })
}

fn actor(c: &Caller) -> Actor {
    Actor { name: c.name.clone(), role: c.role.as_str().to_owned() }
}

impl Engine {
    fn records(&self) -> Result<&Records, ApiError> {
        self.records_opt().ok_or_else(|| {
            ApiError::FailedPrecondition(
                "this server keeps no records: start it with a store (`opstap serve --store …`)"
                    .into(),
            )
        })
    }

    /// The vacancies a participant's list leaves out (already dealt with).
    pub(crate) fn settled(&self, participant_id: &str) -> Result<Vec<String>, ApiError> {
        let r = self.records()?;
        Ok(r.store.settled_vacancies(&r.pseudonyms.participant(participant_id))?)
    }

    /// Records one call in the audit trail, when the server keeps records.
    pub(crate) fn audit(
        &self,
        caller: &Caller,
        call: &str,
        participant_id: &str,
        results: Vec<(String, f64)>,
    ) -> Result<(), ApiError> {
        let Some(r) = self.records_opt() else { return Ok(()) };
        r.store.record_audit(&AuditEntry {
            id: 0,
            at: opstap_store::now(),
            actor: actor(caller),
            call: call.to_owned(),
            participant: r.pseudonyms.participant(participant_id),
            config_hash: self.config_hash().to_owned(),
            index_version: self.index().version().to_string(),
            matched_on: self.matching_day(),
            results,
        })?;
        Ok(())
    }

    /// Records a list shown (its vacancies and scores) in the audit trail.
    pub(crate) fn audit_list(
        &self,
        caller: &Caller,
        call: &str,
        participant_id: &str,
        shown: &[opstap_index::MatchedVacancy],
    ) -> Result<(), ApiError> {
        let results = shown.iter().map(|m| (m.vacancy.id.clone(), m.explanation.score)).collect();
        self.audit(caller, call, participant_id, results)
    }

    /// Puts the store's answers in force for `vacancy_id` on the indexed vacancy (one
    /// commit); the vacancy as matching now reads it.
    fn apply_answers(&self, vacancy_id: &str) -> Result<opstap_core::Vacancy, ApiError> {
        let r = self.records()?;
        let Some(v) = self.index().get(vacancy_id)? else {
            return Err(ApiError::NotFound { what: "vacancy", id: vacancy_id.to_owned() });
        };
        let answers: Vec<EmployerAnswer> =
            r.store.answers_for(vacancy_id)?.iter().map(|a| a.to_answer()).collect();
        let valid = opstap_core::validate::ValidVacancy::new(v, Taxonomy::embedded())
            .map_err(|e| ApiError::Internal(format!("the indexed vacancy {vacancy_id}: {e}")))?
            .with_employer_answers(answers);
        self.index().upsert(std::slice::from_ref(&valid))?;
        Ok(valid.into_inner())
    }

    /// The store's answers in force, attached to vacancies an upsert brings (an upsert
    /// replaces the vacancy; the answers stay the employer's).
    pub(crate) fn attach_answers(
        &self,
        vacancies: Vec<opstap_core::validate::ValidVacancy>,
    ) -> Result<Vec<opstap_core::validate::ValidVacancy>, ApiError> {
        let Some(r) = self.records_opt() else { return Ok(vacancies) };
        vacancies
            .into_iter()
            .map(|v| {
                let answers = r.store.answers_for(&v.id)?.iter().map(|a| a.to_answer()).collect();
                Ok(v.with_employer_answers(answers))
            })
            .collect()
    }

    /// At start: every vacancy with answers carries exactly the answers in force (a
    /// crash between the store's write and the index's commit is repaired here). How
    /// many vacancies were corrected.
    pub fn reconcile_answers(&self) -> Result<usize, ApiError> {
        let Some(r) = self.records_opt() else { return Ok(0) };
        let mut fixed = 0;
        for id in r.store.answered_vacancies()? {
            let Some(v) = self.index().get(&id)? else { continue };
            let want: Vec<EmployerAnswer> =
                r.store.answers_for(&id)?.iter().map(|a| a.to_answer()).collect();
            if v.employer_answers != want {
                self.apply_answers(&id)?;
                fixed += 1;
            }
        }
        Ok(fixed)
    }
}

impl Engine {
    /// Purges the audit entries written before `before` (ISO 8601 UTC); how many.
    pub fn purge_audit_before(&self, before: &str) -> Result<u64, ApiError> {
        Ok(self.records()?.store.purge_audit(before)?)
    }
}

/// `opstap.v1.CaseworkService`.
#[derive(Debug, Clone)]
pub struct CaseworkApi(pub Arc<Engine>);

fn day(text: &str, field: &str) -> Result<Date, ApiError> {
    text.parse().map_err(|_| {
        ApiError::invalid(
            field,
            format!("is `{}`; a date is written YYYY-MM-DD", crate::error::cut(text, 40)),
        )
    })
}

#[tonic::async_trait]
impl CaseworkService for CaseworkApi {
    async fn record_employer_answer(
        &self,
        request: Request<pb::RecordEmployerAnswerRequest>,
    ) -> Result<Response<pb::RecordEmployerAnswerResponse>, Status> {
        let deadline = self.0.deadline(&request);
        let who = caller(&request);
        self.0.writable()?;
        let pb::RecordEmployerAnswerRequest { vacancy_id, answer } = request.into_inner();
        crate::service::id_argument("vacancy_id", &vacancy_id)?;
        let answer = convert::employer_answer(answer, "answer", Taxonomy::embedded())
            .map_err(ApiError::from)?;
        if answer.answered_on > self.0.matching_day() {
            return Err(ApiError::invalid(
                "answer.answered_on",
                format!("{} is in the future; record an answer given", answer.answered_on),
            )
            .into());
        }
        tracing::info!(token = %who.name, answer = answer.answer.code(), "RecordEmployerAnswer");
        let engine = self.0.clone();
        let (id, vacancy) = self
            .0
            .heavy_lane()
            .run(deadline, move || {
                let r = engine.records()?;
                if engine.index().get(&vacancy_id)?.is_none() {
                    return Err(ApiError::NotFound { what: "vacancy", id: vacancy_id });
                }
                let id = r.store.record_answer(&vacancy_id, &answer, &actor(&who))?;
                match engine.apply_answers(&vacancy_id) {
                    Ok(v) => Ok((id, v)),
                    Err(e) => {
                        // Not in force in the index: not in force in the store either.
                        let _ = r.store.revoke_answer(id, &actor(&who));
                        Err(e)
                    }
                }
            })
            .await?;
        Ok(Response::new(pb::RecordEmployerAnswerResponse {
            answer_id: id,
            vacancy: Some(convert::vacancy_to_pb(vacancy)),
        }))
    }

    async fn revoke_employer_answer(
        &self,
        request: Request<pb::RevokeEmployerAnswerRequest>,
    ) -> Result<Response<pb::RevokeEmployerAnswerResponse>, Status> {
        let deadline = self.0.deadline(&request);
        let who = caller(&request);
        self.0.writable()?;
        let pb::RevokeEmployerAnswerRequest { answer_id } = request.into_inner();
        tracing::info!(token = %who.name, answer_id, "RevokeEmployerAnswer");
        let engine = self.0.clone();
        let vacancy = self
            .0
            .heavy_lane()
            .run(deadline, move || {
                let r = engine.records()?;
                let Some(revoked) = r.store.revoke_answer(answer_id, &actor(&who))? else {
                    return Err(ApiError::NotFound {
                        what: "employer answer in force",
                        id: answer_id.to_string(),
                    });
                };
                engine.apply_answers(&revoked.vacancy_id)
            })
            .await?;
        Ok(Response::new(pb::RevokeEmployerAnswerResponse {
            vacancy: Some(convert::vacancy_to_pb(vacancy)),
        }))
    }

    async fn record_outcome(
        &self,
        request: Request<pb::RecordOutcomeRequest>,
    ) -> Result<Response<pb::RecordOutcomeResponse>, Status> {
        let deadline = self.0.deadline(&request);
        let who = caller(&request);
        let pb::RecordOutcomeRequest {
            participant_id,
            vacancy_id,
            event,
            reason,
            date,
            contract,
            hours_per_week,
            rating,
        } = request.into_inner();
        opstap_core::validate::check_id("participant_id", &participant_id)
            .map_err(|e| ApiError::invalid(e.field, e.message))?;
        crate::service::id_argument("vacancy_id", &vacancy_id)?;
        let event = event.parse().map_err(|e: String| ApiError::invalid("event", e))?;
        let reason = (!reason.is_empty())
            .then(|| reason.parse())
            .transpose()
            .map_err(|e: String| ApiError::invalid("reason", e))?;
        if let Some(c) = &contract {
            let ok =
                ["PERMANENT", "FIXED_TERM", "TEMP_AGENCY", "ON_CALL", "INTERNSHIP", "VOLUNTEER"];
            if !ok.contains(&c.as_str()) {
                return Err(ApiError::invalid(
                    "contract",
                    format!("`{}` is not one of {}", crate::error::cut(c, 40), ok.join(", ")),
                )
                .into());
            }
        }
        let outcome = Outcome {
            vacancy_id,
            event,
            reason,
            on: day(&date, "date")?,
            contract,
            hours_per_week,
            rating: rating.map(|r| u8::try_from(r).unwrap_or(u8::MAX)),
        };
        outcome.check(self.0.matching_day()).map_err(ApiError::from)?;
        tracing::info!(token = %who.name, event = outcome.event.as_str(), "RecordOutcome");
        let engine = self.0.clone();
        let id = self
            .0
            .light_lane()
            .run(deadline, move || {
                let r = engine.records()?;
                if engine.index().get(&outcome.vacancy_id)?.is_none() {
                    return Err(ApiError::NotFound { what: "vacancy", id: outcome.vacancy_id });
                }
                let participant = r.pseudonyms.participant(&participant_id);
                Ok(r.store.record_outcome(&participant, &outcome, &actor(&who))?)
            })
            .await?;
        Ok(Response::new(pb::RecordOutcomeResponse { outcome_id: id }))
    }

    async fn get_audit_trail(
        &self,
        request: Request<pb::GetAuditTrailRequest>,
    ) -> Result<Response<pb::GetAuditTrailResponse>, Status> {
        let deadline = self.0.deadline(&request);
        let who = caller(&request);
        let pb::GetAuditTrailRequest { participant_id, date } = request.into_inner();
        opstap_core::validate::check_id("participant_id", &participant_id)
            .map_err(|e| ApiError::invalid(e.field, e.message))?;
        let date = date.as_deref().map(|d| day(d, "date")).transpose()?;
        let engine = self.0.clone();
        let entries = self
            .0
            .light_lane()
            .run(deadline, move || {
                let r = engine.records()?;
                let participant = r.pseudonyms.participant(&participant_id);
                // A caseworker reads what its own token was shown; an admin reads all.
                let only = (who.role < Role::Admin).then_some(who.name.as_str());
                Ok(r.store.audit_for(&participant, date, only)?)
            })
            .await?;
        Ok(Response::new(pb::GetAuditTrailResponse {
            entries: entries
                .into_iter()
                .map(|e| pb::AuditEntry {
                    at: e.at,
                    token_name: e.actor.name,
                    role: e.actor.role,
                    call: e.call,
                    config_hash: e.config_hash,
                    index_version: e.index_version,
                    matched_on: e.matched_on.to_string(),
                    results: e
                        .results
                        .into_iter()
                        .map(|(vacancy_id, score)| pb::AuditResult { vacancy_id, score })
                        .collect(),
                })
                .collect(),
        }))
    }

    async fn twv_outreach(
        &self,
        request: Request<tonic::Streaming<pb::TwvOutreachRequest>>,
    ) -> Result<Response<pb::TwvOutreachResponse>, Status> {
        let deadline = self.0.deadline(&request);
        Ok(Response::new(self.0.twv_outreach(request.into_inner(), deadline).await?))
    }

    async fn purge_audit(
        &self,
        request: Request<pb::PurgeAuditRequest>,
    ) -> Result<Response<pb::PurgeAuditResponse>, Status> {
        let deadline = self.0.deadline(&request);
        let who = caller(&request);
        let pb::PurgeAuditRequest { before } = request.into_inner();
        let before = day(&before, "before")?;
        tracing::info!(token = %who.name, %before, "PurgeAudit");
        let engine = self.0.clone();
        let removed = self
            .0
            .heavy_lane()
            .run(deadline, move || {
                Ok(engine.records()?.store.purge_audit(&format!("{before}T00:00:00Z"))?)
            })
            .await?;
        Ok(Response::new(pb::PurgeAuditResponse { removed }))
    }
}
