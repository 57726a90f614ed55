//! The handlers: thin. Each converts and validates its request, runs the index work on
//! the blocking pool under the call's deadline, renders reasons in the requested locale
//! and converts the result. Profiles live only for the duration of a call; logs carry a
//! keyed hash of the participant id, never a profile's contents.

use std::hash::{BuildHasher, RandomState};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use opstap_core::validate::{check_non_negative, check_sector};
use opstap_core::{
    Catalog, Date, Locale, MatchConfig, Matcher, Participant, Taxonomy, VacancyFilter,
};
use opstap_index::{RankOptions, VacancyIndex};
use opstap_proto::v1 as pb;
use pb::match_service_server::MatchService;
use pb::vacancy_service_server::VacancyService;
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tonic::{Request, Response, Status, Streaming};

use crate::convert::{self, Violation};
use crate::error::ApiError;

/// Limits on what one call may ask.
#[derive(Debug, Clone, PartialEq)]
pub struct Limits {
    /// The deepest rank a match call may ask for (offset + page size).
    pub max_k: u32,
    /// Page size when a request says 0.
    pub default_page_size: u32,
    /// The most vacancies one UpsertVacancies call may carry.
    pub max_upsert_vacancies: usize,
    /// The largest request message accepted, in bytes.
    pub max_message_bytes: usize,
    /// Deadline of a call that sets none (a call's own `grpc-timeout` may be shorter).
    pub default_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_k: 100,
            default_page_size: 10,
            max_upsert_vacancies: 100_000,
            max_message_bytes: 4 * 1024 * 1024,
            default_timeout: Duration::from_secs(30),
        }
    }
}

/// What the handlers share: the index, the matching configuration and the limits.
pub struct Engine {
    index: Arc<VacancyIndex>,
    config: MatchConfig,
    /// A fixed day to match on (tests, replays); `None` = today by the clock.
    fixed_today: Option<Date>,
    matcher: Mutex<Arc<Matcher>>,
    limits: Limits,
    /// Key of the participant-id hash in logs: random per process, so a logged hash
    /// cannot be looked up from a list of pseudonyms.
    log_key: RandomState,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine").field("index", &self.index).field("limits", &self.limits).finish()
    }
}

impl Engine {
    pub fn new(
        index: Arc<VacancyIndex>,
        config: MatchConfig,
        fixed_today: Option<Date>,
        limits: Limits,
    ) -> Engine {
        let today = fixed_today.unwrap_or_else(Date::today_utc);
        let matcher = Arc::new(Matcher::new(config.clone(), Taxonomy::embedded(), today));
        Engine {
            index,
            config,
            fixed_today,
            matcher: Mutex::new(matcher),
            limits,
            log_key: RandomState::new(),
        }
    }

    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    pub fn index(&self) -> &Arc<VacancyIndex> {
        &self.index
    }

    /// The matcher for today: rebuilt when the date changes, so a server running for
    /// weeks blocks vacancies that closed yesterday.
    fn matcher(&self) -> Arc<Matcher> {
        let today = self.fixed_today.unwrap_or_else(Date::today_utc);
        let mut current = self.matcher.lock().unwrap_or_else(|e| e.into_inner());
        if current.today() != today {
            *current = Arc::new(Matcher::new(self.config.clone(), Taxonomy::embedded(), today));
        }
        current.clone()
    }

    /// What the logs say instead of a participant id.
    fn pseudonym(&self, id: &str) -> String {
        format!("{:016x}", self.log_key.hash_one(id))
    }

    /// The call's deadline: its `grpc-timeout`, capped by the default.
    fn deadline<T>(&self, request: &Request<T>) -> Instant {
        let asked = request
            .metadata()
            .get("grpc-timeout")
            .and_then(|v| v.to_str().ok())
            .and_then(parse_grpc_timeout);
        let timeout =
            asked.map_or(self.limits.default_timeout, |t| t.min(self.limits.default_timeout));
        // Answer a little before the client gives up, so it gets DEADLINE_EXCEEDED from
        // us rather than a cancelled stream.
        Instant::now() + timeout.saturating_sub(Duration::from_millis(2))
    }

    fn participant(
        &self,
        p: Option<pb::Participant>,
        field: &str,
    ) -> Result<Participant, ApiError> {
        let p = p.ok_or_else(|| {
            ApiError::invalid(field, "is missing; a participant profile is required")
        })?;
        Ok(convert::participant(p, field, Taxonomy::embedded())?)
    }

    fn filter(
        &self,
        filter: Option<pb::MatchFilter>,
        participant: &Participant,
        field: &str,
    ) -> Result<VacancyFilter, ApiError> {
        let Some(pb::MatchFilter { sectors, max_distance_km }) = filter else {
            return Ok(VacancyFilter::NONE);
        };
        opstap_core::validate::check_list_len(&format!("{field}.sectors"), &sectors)
            .map_err(record)?;
        for (i, s) in sectors.iter().enumerate() {
            check_sector(&format!("{field}.sectors[{i}]"), s).map_err(record)?;
        }
        if let Some(km) = max_distance_km {
            let f = format!("{field}.max_distance_km");
            check_non_negative(&f, km).map_err(record)?;
            if participant.location.is_none() {
                return Err(ApiError::invalid(f, "needs participant.location to measure from"));
            }
        }
        Ok(VacancyFilter { sectors, max_distance_km })
    }

    /// MatchVacancies, also each item of StreamMatches.
    async fn match_vacancies(
        self: &Arc<Self>,
        request: pb::MatchVacanciesRequest,
        deadline: Instant,
    ) -> Result<pb::MatchVacanciesResponse, ApiError> {
        let pb::MatchVacanciesRequest {
            participant,
            page_size,
            offset,
            filter,
            locale,
            count_eligible,
            include_plan,
        } = request;
        let participant = self.participant(participant, "participant")?;
        let filter = self.filter(filter, &participant, "filter")?;
        let locale = locale_of(&locale)?;
        let max_k = self.limits.max_k;
        let page_size =
            if page_size == 0 { self.limits.default_page_size.min(max_k) } else { page_size };
        if page_size > max_k {
            return Err(ApiError::invalid(
                "page_size",
                format!("is {page_size}; at most {max_k} matches per call"),
            ));
        }
        if u64::from(offset) + u64::from(page_size) > u64::from(max_k) {
            return Err(ApiError::invalid(
                "offset",
                format!(
                    "offset {offset} + page_size {page_size} goes past rank {max_k}, the deepest this server ranks"
                ),
            ));
        }
        let options = RankOptions { near_misses: include_plan, count_eligible, filter };
        tracing::info!(
            participant = %self.pseudonym(&participant.id), offset, page_size, "MatchVacancies"
        );
        let engine = self.clone();
        run_blocking(deadline, move || {
            let matcher = engine.matcher();
            let result = engine.index.match_page(
                &matcher,
                &participant,
                offset as usize,
                page_size as usize,
                options,
            )?;
            let catalog = Catalog::get(locale);
            let taxonomy = Taxonomy::embedded();
            let next = offset + page_size;
            Ok(pb::MatchVacanciesResponse {
                participant_id: result.participant_id,
                next_offset: (result.has_more && next < max_k).then_some(next),
                eligible: result.eligible.map(|n| n as u64),
                matches: result
                    .matches
                    .into_iter()
                    .map(|mut m| {
                        catalog.render_explanation(&mut m.explanation, taxonomy);
                        pb::Match {
                            rank: m.rank as u32,
                            vacancy: Some(convert::vacancy_to_pb(m.vacancy)),
                            explanation: Some(convert::explanation_to_pb(m.explanation)),
                        }
                    })
                    .collect(),
                plan: result.plan.map(|mut plan| {
                    catalog.render_plan(&mut plan, taxonomy);
                    convert::plan_to_pb(plan)
                }),
                questions: {
                    let mut questions = result.questions;
                    catalog.render_reasons(&mut questions, taxonomy);
                    questions.into_iter().map(convert::reason_to_pb).collect()
                },
            })
        })
        .await
    }
}

fn record(e: opstap_core::validate::RecordError) -> ApiError {
    ApiError::from(Violation::new(e.field, e.message))
}

fn locale_of(text: &str) -> Result<Locale, ApiError> {
    if text.is_empty() {
        return Ok(Locale::default());
    }
    text.parse().map_err(|e: String| ApiError::invalid("locale", e))
}

/// Runs index work on the blocking pool (never on a tokio worker), and gives up at the
/// deadline. The work itself cannot be interrupted: it finishes in the background.
async fn run_blocking<T: Send + 'static>(
    deadline: Instant,
    work: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    if deadline <= Instant::now() {
        return Err(ApiError::DeadlineExceeded);
    }
    let task = tokio::task::spawn_blocking(work);
    match tokio::time::timeout_at(deadline.into(), task).await {
        Err(_) => Err(ApiError::DeadlineExceeded),
        Ok(Err(join)) if join.is_panic() => {
            tracing::error!("a worker panicked");
            Err(ApiError::Internal("a worker panicked while serving this call".into()))
        }
        Ok(Err(_)) => Err(ApiError::ShuttingDown),
        Ok(Ok(result)) => result,
    }
}

/// `grpc-timeout`: up to 8 digits and a unit (H, M, S, m, u, n).
fn parse_grpc_timeout(text: &str) -> Option<Duration> {
    let (digits, unit) = text.split_at(text.len().checked_sub(1)?);
    if digits.is_empty() || digits.len() > 8 {
        return None;
    }
    let n: u64 = digits.parse().ok()?;
    Some(match unit {
        "H" => Duration::from_secs(n * 3600),
        "M" => Duration::from_secs(n * 60),
        "S" => Duration::from_secs(n),
        "m" => Duration::from_millis(n),
        "u" => Duration::from_micros(n),
        "n" => Duration::from_nanos(n),
        _ => return None,
    })
}

/// `opstap.v1.MatchService`.
#[derive(Debug, Clone)]
pub struct MatchApi(pub Arc<Engine>);

#[tonic::async_trait]
impl MatchService for MatchApi {
    async fn match_vacancies(
        &self,
        request: Request<pb::MatchVacanciesRequest>,
    ) -> Result<Response<pb::MatchVacanciesResponse>, Status> {
        let deadline = self.0.deadline(&request);
        Ok(Response::new(self.0.match_vacancies(request.into_inner(), deadline).await?))
    }

    async fn explain_match(
        &self,
        request: Request<pb::ExplainMatchRequest>,
    ) -> Result<Response<pb::ExplainMatchResponse>, Status> {
        let deadline = self.0.deadline(&request);
        let pb::ExplainMatchRequest { participant, vacancy_id, locale } = request.into_inner();
        let participant = self.0.participant(participant, "participant")?;
        let locale = locale_of(&locale)?;
        id_argument("vacancy_id", &vacancy_id)?;
        tracing::info!(
            participant = %self.0.pseudonym(&participant.id),
            vacancy_id = %crate::error::cut(&vacancy_id, 64),
            "ExplainMatch"
        );
        let engine = self.0.clone();
        let response = run_blocking(deadline, move || {
            let matcher = engine.matcher();
            let Some(mut m) = engine.index.explain(&matcher, &participant, &vacancy_id)? else {
                return Err(ApiError::NotFound { what: "vacancy", id: vacancy_id });
            };
            Catalog::get(locale).render_explanation(&mut m.explanation, Taxonomy::embedded());
            Ok(pb::ExplainMatchResponse {
                rank: m.rank as u32,
                vacancy: Some(convert::vacancy_to_pb(m.vacancy)),
                explanation: Some(convert::explanation_to_pb(m.explanation)),
            })
        })
        .await?;
        Ok(Response::new(response))
    }

    async fn plan_steps(
        &self,
        request: Request<pb::PlanStepsRequest>,
    ) -> Result<Response<pb::PlanStepsResponse>, Status> {
        let deadline = self.0.deadline(&request);
        let pb::PlanStepsRequest { participant, filter, locale } = request.into_inner();
        let participant = self.0.participant(participant, "participant")?;
        let filter = self.0.filter(filter, &participant, "filter")?;
        let locale = locale_of(&locale)?;
        tracing::info!(participant = %self.0.pseudonym(&participant.id), "PlanSteps");
        let engine = self.0.clone();
        let plan = run_blocking(deadline, move || {
            let mut plan = engine.index.plan(&engine.matcher(), &participant, &filter)?;
            Catalog::get(locale).render_plan(&mut plan, Taxonomy::embedded());
            Ok(convert::plan_to_pb(plan))
        })
        .await?;
        Ok(Response::new(pb::PlanStepsResponse { plan: Some(plan) }))
    }

    type StreamMatchesStream = ReceiverStream<Result<pb::StreamMatchesResponse, Status>>;

    /// One response per request, in order; a failed item answers with its error and the
    /// stream goes on. Each item has the server's default deadline.
    async fn stream_matches(
        &self,
        request: Request<Streaming<pb::StreamMatchesRequest>>,
    ) -> Result<Response<Self::StreamMatchesStream>, Status> {
        let mut input = request.into_inner();
        let (tx, rx) = mpsc::channel(4);
        let engine = self.0.clone();
        tokio::spawn(async move {
            loop {
                let item = match input.message().await {
                    Ok(Some(item)) => item,
                    Ok(None) => break,
                    Err(status) => {
                        let _ = tx.send(Err(crate::error::read_error(status))).await;
                        break;
                    }
                };
                let pb::StreamMatchesRequest { request_id, request } = item;
                let deadline = Instant::now() + engine.limits.default_timeout;
                let result = match request {
                    None => Err(ApiError::invalid("request", "is missing")),
                    Some(r) => engine.match_vacancies(r, deadline).await,
                };
                let result = match result {
                    Ok(r) => pb::stream_matches_response::Result::Response(r),
                    Err(e) => pb::stream_matches_response::Result::Error(stream_error(e)),
                };
                let response = pb::StreamMatchesResponse { request_id, result: Some(result) };
                if tx.send(Ok(response)).await.is_err() {
                    break; // the client went away
                }
            }
        });
        Ok(Response::new(ReceiverStream::new(rx)))
    }
}

fn stream_error(e: ApiError) -> pb::StreamError {
    let field_violations = match &e {
        ApiError::InvalidArgument(v) => v
            .iter()
            .map(|v| pb::FieldViolation {
                field: v.field.clone(),
                description: v.description.clone(),
            })
            .collect(),
        _ => vec![],
    };
    pb::StreamError { code: e.code() as i32, message: e.to_string(), field_violations }
}

/// A vacancy id in a request, checked as a vacancy's own id is: a refusal names the field.
fn id_argument(field: &str, id: &str) -> Result<(), ApiError> {
    opstap_core::validate::check_id(field, id).map_err(|e| ApiError::invalid(e.field, e.message))
}

/// `opstap.v1.VacancyService`.
#[derive(Debug, Clone)]
pub struct VacancyApi(pub Arc<Engine>);

#[tonic::async_trait]
impl VacancyService for VacancyApi {
    async fn upsert_vacancies(
        &self,
        request: Request<Streaming<pb::UpsertVacanciesRequest>>,
    ) -> Result<Response<pb::UpsertVacanciesResponse>, Status> {
        let deadline = self.0.deadline(&request);
        let mut input = request.into_inner();
        let max = self.0.limits.max_upsert_vacancies;
        let mut vacancies = Vec::new();
        while let Some(chunk) = input.message().await.map_err(crate::error::read_error)? {
            for v in chunk.vacancies {
                if vacancies.len() == max {
                    return Err(ApiError::invalid(
                        "vacancies",
                        format!(
                            "more than {max} vacancies in one call; split them over several calls"
                        ),
                    )
                    .into());
                }
                let path = format!("vacancies[{}]", vacancies.len());
                vacancies.push(
                    convert::vacancy(v, &path, Taxonomy::embedded()).map_err(ApiError::from)?,
                );
            }
        }
        let upserted = vacancies.len() as u64;
        tracing::info!(upserted, "UpsertVacancies");
        let engine = self.0.clone();
        let vacancies_now = run_blocking(deadline, move || {
            engine.index.upsert(&vacancies)?;
            Ok(engine.index.stats().vacancies)
        })
        .await?;
        Ok(Response::new(pb::UpsertVacanciesResponse { upserted, vacancies: vacancies_now }))
    }

    async fn delete_vacancies(
        &self,
        request: Request<pb::DeleteVacanciesRequest>,
    ) -> Result<Response<pb::DeleteVacanciesResponse>, Status> {
        let deadline = self.0.deadline(&request);
        let pb::DeleteVacanciesRequest { ids } = request.into_inner();
        for (i, id) in ids.iter().enumerate() {
            id_argument(&format!("ids[{i}]"), id)?;
        }
        let engine = self.0.clone();
        let deleted = run_blocking(deadline, move || {
            let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
            Ok(engine.index.delete(&ids)?)
        })
        .await?;
        tracing::info!(deleted, "DeleteVacancies");
        Ok(Response::new(pb::DeleteVacanciesResponse { deleted: deleted as u64 }))
    }

    async fn get_vacancy(
        &self,
        request: Request<pb::GetVacancyRequest>,
    ) -> Result<Response<pb::GetVacancyResponse>, Status> {
        let deadline = self.0.deadline(&request);
        let pb::GetVacancyRequest { id } = request.into_inner();
        id_argument("id", &id)?;
        let engine = self.0.clone();
        let vacancy = run_blocking(deadline, move || match engine.index.get(&id)? {
            Some(v) => Ok(convert::vacancy_to_pb(v)),
            None => Err(ApiError::NotFound { what: "vacancy", id }),
        })
        .await?;
        Ok(Response::new(pb::GetVacancyResponse { vacancy: Some(vacancy) }))
    }

    async fn get_index_stats(
        &self,
        _request: Request<pb::GetIndexStatsRequest>,
    ) -> Result<Response<pb::GetIndexStatsResponse>, Status> {
        let s = self.0.index.stats();
        Ok(Response::new(pb::GetIndexStatsResponse {
            vacancies: s.vacancies,
            segments: s.segments as u32,
            deleted_not_yet_merged: s.deleted_not_yet_merged,
            format_version: opstap_index::FORMAT_VERSION,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grpc_timeout_header() {
        assert_eq!(parse_grpc_timeout("250m"), Some(Duration::from_millis(250)));
        assert_eq!(parse_grpc_timeout("1n"), Some(Duration::from_nanos(1)));
        assert_eq!(parse_grpc_timeout("2H"), Some(Duration::from_secs(7200)));
        assert_eq!(parse_grpc_timeout("123456789S"), None);
        assert_eq!(parse_grpc_timeout("S"), None);
        assert_eq!(parse_grpc_timeout("5x"), None);
    }

    #[tokio::test]
    async fn work_past_the_deadline_is_deadline_exceeded() {
        let past = Instant::now();
        let r = run_blocking(past, || Ok(1)).await;
        assert!(matches!(r, Err(ApiError::DeadlineExceeded)));
        // Work that is still running at the deadline: the caller is answered, the work
        // finishes in the background.
        let (release, wait) = std::sync::mpsc::channel::<()>();
        let deadline = Instant::now() + Duration::from_millis(20);
        let r = run_blocking(deadline, move || {
            wait.recv().ok();
            Ok(2)
        })
        .await;
        assert!(matches!(r, Err(ApiError::DeadlineExceeded)));
        release.send(()).unwrap();
        assert_eq!(
            run_blocking(Instant::now() + Duration::from_secs(60), || Ok(3)).await.unwrap(),
            3
        );
        let r =
            run_blocking::<()>(Instant::now() + Duration::from_secs(60), || panic!("boom")).await;
        assert!(matches!(r, Err(ApiError::Internal(_))));
    }
}
