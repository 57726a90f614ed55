//! The handlers: thin. Each converts and validates its request, runs the index work on
//! the blocking pool under the call's deadline, renders reasons in the requested locale
//! and converts the result. Profiles live only for the duration of a call; logs carry a
//! keyed hash of the participant id, never a profile's contents.

use std::hash::{BuildHasher, RandomState};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use opstap_core::validate::{check_non_negative, check_sector};
use opstap_core::{
    Catalog, Date, Locale, MatchConfig, Matcher, Participant, Taxonomy, VacancyFilter, Voice,
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
use crate::work::WorkQueue;

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
    /// The largest page of matches sent, in bytes: a page that would be larger is cut
    /// (4 MiB: what standard gRPC clients accept by default).
    pub max_response_bytes: usize,
    /// Heavy calls doing index work at once (light calls: twice the cores).
    pub max_concurrent_work: usize,
    /// Calls that may wait for a worker before more are shed.
    pub max_queued_work: usize,
    /// The most bytes one UpsertVacancies stream may carry.
    pub max_upsert_bytes: usize,
    /// The longest an UpsertVacancies upload may take.
    pub upload_timeout: Duration,
    /// A StreamMatches stream with no request for this long is closed.
    pub stream_idle: Duration,
    /// Open health `Watch` streams (they need no token); one more is refused.
    pub max_health_watchers: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_k: 100,
            default_page_size: 10,
            max_upsert_vacancies: 100_000,
            max_message_bytes: 4 * 1024 * 1024,
            default_timeout: Duration::from_secs(30),
            max_response_bytes: 4 * 1024 * 1024,
            // One core is left to the light calls.
            max_concurrent_work: std::thread::available_parallelism()
                .map_or(1, |n| n.get().max(2) - 1),
            max_queued_work: 64,
            max_upsert_bytes: 256 * 1024 * 1024,
            upload_timeout: Duration::from_secs(600),
            stream_idle: Duration::from_secs(300),
            max_health_watchers: 256,
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
    /// Calls that cost a few milliseconds: a page of matches without count or plan, an
    /// explanation, a get. They never wait behind the heavy ones.
    light: WorkQueue,
    /// Calls that count, plan, page deep or write.
    heavy: WorkQueue,
    metrics: crate::metrics::Metrics,
    /// The store of caseworkers' records, when the server keeps them.
    records: Option<crate::casework::Records>,
    /// SHA-256 of the matching configuration, for the audit trail.
    config_hash: String,
    /// A read replica: serves the index another process writes, and refuses writes.
    read_only: bool,
}

/// The lane of a call's index work ([`Engine`]'s `light` and `heavy` queues).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lane {
    Light,
    Heavy,
}

/// A page deeper than this is heavy work.
const LIGHT_PAGE_DEPTH: u32 = 20;

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
        let config_hash = {
            use sha2::Digest;
            let digest = sha2::Sha256::digest(config.to_toml_string().as_bytes());
            digest.iter().take(16).map(|b| format!("{b:02x}")).collect()
        };
        Engine {
            records: None,
            config_hash,
            index,
            config,
            fixed_today,
            matcher: Mutex::new(matcher),
            // Light calls take a few milliseconds: twice the cores keep the cores busy while
            // some wait on the network.
            light: WorkQueue::new(
                2 * std::thread::available_parallelism().map_or(2, |n| n.get()),
                limits.max_queued_work,
            ),
            heavy: WorkQueue::new(limits.max_concurrent_work, limits.max_queued_work),
            limits,
            log_key: RandomState::new(),
            metrics: crate::metrics::Metrics::default(),
            read_only: false,
        }
    }

    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// A read replica of an index another process writes (`opstap serve --read-only`):
    /// every call that would write the index is refused with FAILED_PRECONDITION.
    pub fn read_only(mut self) -> Engine {
        self.read_only = true;
        self
    }

    /// Refuses a write on a read replica.
    pub(crate) fn writable(&self) -> Result<(), ApiError> {
        if self.read_only {
            return Err(ApiError::FailedPrecondition(
                "this server is a read replica (`opstap serve --read-only`): write to the index's writer, which it follows"
                    .into(),
            ));
        }
        Ok(())
    }

    /// The engine keeping its caseworkers' records in a store: answers, outcomes, audit.
    pub fn with_records(mut self, records: crate::casework::Records) -> Engine {
        self.records = Some(records);
        self
    }

    pub(crate) fn records_opt(&self) -> Option<&crate::casework::Records> {
        self.records.as_ref()
    }

    pub(crate) fn config_hash(&self) -> &str {
        &self.config_hash
    }

    /// The day matched on now.
    pub(crate) fn matching_day(&self) -> Date {
        self.fixed_today.unwrap_or_else(Date::today_utc)
    }

    pub(crate) fn light_lane(&self) -> &WorkQueue {
        &self.light
    }

    pub(crate) fn heavy_lane(&self) -> &WorkQueue {
        &self.heavy
    }

    pub fn index(&self) -> &Arc<VacancyIndex> {
        &self.index
    }

    pub fn metrics(&self) -> &crate::metrics::Metrics {
        &self.metrics
    }

    /// Calls doing index work now, calls waiting for a worker, and calls shed so far
    /// (both lanes).
    pub fn work_in_flight(&self) -> (usize, usize, u64) {
        let (a, b) = (self.light.in_flight(), self.heavy.in_flight());
        (a.0 + b.0, a.1 + b.1, a.2 + b.2)
    }

    fn lane(&self, lane: Lane) -> &WorkQueue {
        match lane {
            Lane::Light => &self.light,
            Lane::Heavy => &self.heavy,
        }
    }

    /// The matcher for today: rebuilt when the date changes, so a server running for
    /// weeks blocks vacancies that closed yesterday.
    pub(crate) fn matcher(&self) -> Arc<Matcher> {
        let today = self.fixed_today.unwrap_or_else(Date::today_utc);
        let mut current = self.matcher.lock().unwrap_or_else(|e| e.into_inner());
        if current.today() != today {
            *current = Arc::new(Matcher::new(self.config.clone(), Taxonomy::embedded(), today));
        }
        current.clone()
    }

    /// What the logs say instead of a participant id.
    pub(crate) fn pseudonym(&self, id: &str) -> String {
        format!("{:016x}", self.log_key.hash_one(id))
    }

    /// The call's deadline: its `grpc-timeout`, capped by the default.
    pub(crate) fn deadline<T>(&self, request: &Request<T>) -> Instant {
        let default = Instant::now() + self.limits.default_timeout;
        self.asked_deadline(request).map_or(default, |asked| asked.min(default))
    }

    /// The deadline the caller set with `grpc-timeout`, if any — a little before it, so
    /// the client gets DEADLINE_EXCEEDED from us rather than a cancelled stream.
    fn asked_deadline<T>(&self, request: &Request<T>) -> Option<Instant> {
        let asked = request
            .metadata()
            .get("grpc-timeout")
            .and_then(|v| v.to_str().ok())
            .and_then(parse_grpc_timeout)?;
        Some(Instant::now() + asked.saturating_sub(Duration::from_millis(2)))
    }

    pub(crate) fn participant(
        &self,
        p: Option<pb::Participant>,
        field: &str,
    ) -> Result<Participant, ApiError> {
        let p = p.ok_or_else(|| {
            ApiError::invalid(field, "is missing; a participant profile is required")
        })?;
        Ok(convert::participant(p, field, Taxonomy::embedded())?)
    }

    pub(crate) fn filter(
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
        Ok(VacancyFilter { sectors, max_distance_km, leave_out: Vec::new() })
    }

    /// MatchVacancies, also each item of StreamMatches.
    async fn match_vacancies(
        self: &Arc<Self>,
        request: pb::MatchVacanciesRequest,
        deadline: Instant,
        caller: crate::auth::Caller,
        call: &'static str,
    ) -> Result<pb::MatchVacanciesResponse, ApiError> {
        let pb::MatchVacanciesRequest {
            participant,
            page_size,
            offset,
            filter,
            locale,
            count_eligible,
            include_plan,
            leave_out_settled,
            voice,
        } = request;
        let participant = self.participant(participant, "participant")?;
        let filter = self.filter(filter, &participant, "filter")?;
        let locale = locale_of(&locale)?;
        let voice = voice_of(&voice, Voice::Caseworker)?;
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
        let lane = if include_plan || count_eligible || offset + page_size > LIGHT_PAGE_DEPTH {
            Lane::Heavy
        } else {
            Lane::Light
        };
        let mut options = RankOptions {
            near_misses: include_plan,
            count_eligible,
            filter,
            deadline: Some(deadline),
        };
        tracing::info!(
            participant = %self.pseudonym(&participant.id), offset, page_size, "MatchVacancies"
        );
        let engine = self.clone();
        self.lane(lane)
            .run(deadline, move || {
                if leave_out_settled {
                    let settled = engine.settled(&participant.id)?;
                    options.filter = std::mem::take(&mut options.filter).leaving_out(settled);
                }
                let matcher = engine.matcher();
                let result = engine.index.match_page(
                    &matcher,
                    &participant,
                    offset as usize,
                    page_size as usize,
                    options,
                )?;
                engine.audit_list(&caller, call, &participant.id, &result.matches)?;
                let waiting: Vec<(bool, Vec<opstap_core::RequirementKind>)> = result
                    .matches
                    .iter()
                    .map(|m| {
                        let e = &m.explanation;
                        (matcher.is_fitting(e.self_development.fit), e.unknown_requirements())
                    })
                    .collect();
                let intake_questions =
                    convert::intake_questions_to_pb(opstap_core::explain::intake_questions(
                        waiting.iter().map(|(f, q)| (*f, q.as_slice())),
                    ));
                let catalog = Catalog::get(locale, voice);
                let taxonomy = Taxonomy::embedded();
                let next = offset + page_size;
                let mut response = pb::MatchVacanciesResponse {
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
                    intake_questions,
                };
                fit_page(&mut response, offset, engine.limits.max_response_bytes);
                Ok(response)
            })
            .await
    }
}

/// Cuts a page that would not fit in `max_bytes` (a standard client's 4 MiB by default)
/// to the matches that do, at least one; `next_offset` then points at the first left
/// out, so a client paging on misses nothing.
fn fit_page(response: &mut pb::MatchVacanciesResponse, offset: u32, max_bytes: usize) {
    use prost::Message;
    let before = response.matches.len();
    while response.matches.len() > 1 && response.encoded_len() > max_bytes {
        response.matches.pop();
    }
    if response.matches.len() < before {
        tracing::warn!(
            kept = response.matches.len(),
            of = before,
            "page cut to fit the response limit"
        );
        response.next_offset = Some(offset + response.matches.len() as u32);
    }
}

fn record(e: opstap_core::validate::RecordError) -> ApiError {
    ApiError::from(Violation::new(e.field, e.message))
}

pub(crate) fn locale_of(text: &str) -> Result<Locale, ApiError> {
    if text.is_empty() {
        return Ok(Locale::default());
    }
    text.parse().map_err(|e: String| ApiError::invalid("locale", e))
}

/// The request's `voice`; empty: the call's default.
pub(crate) fn voice_of(text: &str, default: Voice) -> Result<Voice, ApiError> {
    if text.is_empty() {
        return Ok(default);
    }
    text.parse().map_err(|e: String| ApiError::invalid("voice", e))
}

/// Runs index work on the blocking pool (never on a tokio worker), and gives up at the
/// deadline. The work itself cannot be interrupted: it finishes in the background.
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
        let caller = crate::casework::caller(&request);
        Ok(Response::new(
            self.0
                .match_vacancies(request.into_inner(), deadline, caller, "MatchVacancies")
                .await?,
        ))
    }

    async fn explain_match(
        &self,
        request: Request<pb::ExplainMatchRequest>,
    ) -> Result<Response<pb::ExplainMatchResponse>, Status> {
        let deadline = self.0.deadline(&request);
        let caller = crate::casework::caller(&request);
        let pb::ExplainMatchRequest { participant, vacancy_id, locale, voice } =
            request.into_inner();
        let participant = self.0.participant(participant, "participant")?;
        let locale = locale_of(&locale)?;
        let voice = voice_of(&voice, Voice::Caseworker)?;
        id_argument("vacancy_id", &vacancy_id)?;
        tracing::info!(
            participant = %self.0.pseudonym(&participant.id),
            vacancy_id = %crate::error::cut(&vacancy_id, 64),
            "ExplainMatch"
        );
        let engine = self.0.clone();
        let response = self
            .0
            .light
            .run(deadline, move || {
                let matcher = engine.matcher();
                let Some(mut m) = engine.index.explain(&matcher, &participant, &vacancy_id)? else {
                    return Err(ApiError::NotFound { what: "vacancy", id: vacancy_id });
                };
                engine.audit(
                    &caller,
                    "ExplainMatch",
                    &participant.id,
                    vec![(m.vacancy.id.clone(), m.explanation.score)],
                )?;
                Catalog::get(locale, voice)
                    .render_explanation(&mut m.explanation, Taxonomy::embedded());
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
        let caller = crate::casework::caller(&request);
        let pb::PlanStepsRequest { participant, filter, locale, voice } = request.into_inner();
        let participant = self.0.participant(participant, "participant")?;
        let filter = self.0.filter(filter, &participant, "filter")?;
        let locale = locale_of(&locale)?;
        let voice = voice_of(&voice, Voice::Caseworker)?;
        tracing::info!(participant = %self.0.pseudonym(&participant.id), "PlanSteps");
        let engine = self.0.clone();
        let plan = self
            .0
            .heavy
            .run(deadline, move || {
                let mut plan =
                    engine.index.plan(&engine.matcher(), &participant, &filter, Some(deadline))?;
                engine.audit(&caller, "PlanSteps", &participant.id, Vec::new())?;
                Catalog::get(locale, voice).render_plan(&mut plan, Taxonomy::embedded());
                Ok(convert::plan_to_pb(plan))
            })
            .await?;
        Ok(Response::new(pb::PlanStepsResponse { plan: Some(plan) }))
    }

    async fn print_plan(
        &self,
        request: Request<pb::PrintPlanRequest>,
    ) -> Result<Response<pb::PrintPlanResponse>, Status> {
        let deadline = self.0.deadline(&request);
        let caller = crate::casework::caller(&request);
        Ok(Response::new(self.0.print_plan(request.into_inner(), deadline, caller).await?))
    }

    type StreamMatchesStream = ReceiverStream<Result<pb::StreamMatchesResponse, Status>>;

    /// One response per request, in order; a failed item answers with its error and the
    /// stream goes on. Each item has the server's default deadline.
    async fn stream_matches(
        &self,
        request: Request<Streaming<pb::StreamMatchesRequest>>,
    ) -> Result<Response<Self::StreamMatchesStream>, Status> {
        let caller = crate::casework::caller(&request);
        let mut input = request.into_inner();
        let (tx, rx) = mpsc::channel(4);
        let engine = self.0.clone();
        tokio::spawn(async move {
            let idle = engine.limits.stream_idle;
            loop {
                let item = match tokio::time::timeout(idle, input.message()).await {
                    Ok(Ok(Some(item))) => item,
                    Ok(Ok(None)) => break,
                    Ok(Err(status)) => {
                        let _ = tx.send(Err(crate::error::read_error(status))).await;
                        break;
                    }
                    Err(_) => {
                        let message =
                            format!("no request for {} s; the stream is closed", idle.as_secs());
                        let _ = tx.send(Err(Status::deadline_exceeded(message))).await;
                        break;
                    }
                };
                let pb::StreamMatchesRequest { request_id, request } = item;
                let deadline = Instant::now() + engine.limits.default_timeout;
                let result = match request {
                    None => Err(ApiError::invalid("request", "is missing")),
                    Some(r) => {
                        engine.match_vacancies(r, deadline, caller.clone(), "StreamMatches").await
                    }
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
pub(crate) fn id_argument(field: &str, id: &str) -> Result<(), ApiError> {
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
        self.0.writable()?;
        // The call's own deadline counts from its start; the server's default counts
        // for the write, from the end of the upload, which has a bound of its own.
        let asked = self.0.asked_deadline(&request);
        let limits = &self.0.limits;
        let mut input = request.into_inner();
        let max = limits.max_upsert_vacancies;
        let mut vacancies = Vec::new();
        let mut bytes = 0usize;
        let upload_ends = Instant::now() + limits.upload_timeout;
        let upload_deadline = asked.map_or(upload_ends, |a| a.min(upload_ends));
        loop {
            let chunk = tokio::time::timeout_at(upload_deadline.into(), input.message())
                .await
                .map_err(|_| {
                    Status::deadline_exceeded(format!(
                        "the upload took longer than {} s; send fewer vacancies per call",
                        limits.upload_timeout.as_secs()
                    ))
                })?
                .map_err(crate::error::read_error)?;
            let Some(chunk) = chunk else { break };
            bytes += prost::Message::encoded_len(&chunk);
            if bytes > limits.max_upsert_bytes {
                return Err(Status::resource_exhausted(format!(
                    "the upload is over {} bytes; split it over several calls",
                    limits.max_upsert_bytes
                )));
            }
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
        let write_ends = Instant::now() + limits.default_timeout;
        let deadline = asked.map_or(write_ends, |a| a.min(write_ends));
        let upserted = vacancies.len() as u64;
        tracing::info!(upserted, "UpsertVacancies");
        let engine = self.0.clone();
        let vacancies_now = self
            .0
            .heavy
            .run(deadline, move || {
                let vacancies = engine.attach_answers(vacancies)?;
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
        self.0.writable()?;
        let pb::DeleteVacanciesRequest { ids } = request.into_inner();
        for (i, id) in ids.iter().enumerate() {
            id_argument(&format!("ids[{i}]"), id)?;
        }
        let engine = self.0.clone();
        let deleted = self
            .0
            .heavy
            .run(deadline, move || {
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
        let vacancy = self
            .0
            .light
            .run(deadline, move || match engine.index.get(&id)? {
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
mod page_tests {
    use super::*;

    #[test]
    fn a_page_over_the_limit_is_cut_and_says_where_to_go_on() {
        let m = |id: &str| pb::Match {
            rank: 1,
            vacancy: Some(pb::Vacancy {
                id: id.into(),
                description: "x".repeat(1000),
                ..Default::default()
            }),
            explanation: None,
        };
        let mut page = pb::MatchVacanciesResponse {
            matches: (0..10).map(|i| m(&format!("v-{i}"))).collect(),
            next_offset: None,
            ..Default::default()
        };
        fit_page(&mut page, 20, 100_000);
        assert_eq!((page.matches.len(), page.next_offset), (10, None), "fits: untouched");
        fit_page(&mut page, 20, 3500);
        assert_eq!(page.matches.len(), 3);
        assert_eq!(page.next_offset, Some(23));
        fit_page(&mut page, 20, 10);
        assert_eq!(page.matches.len(), 1, "at least one match");
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
}
