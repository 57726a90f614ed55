//! `CaseworkService/TwvOutreach`: a caseload streams in, each person is matched (top 20,
//! as the nightly batch), and the employers whose unknown TWV stance holds back the most
//! fitting matches come out ranked — the same tally as the batch summary's. Nothing of
//! the caseload is stored or logged.

use std::sync::Arc;
use std::time::Instant;

use opstap_core::outreach::{OutreachMatch, TwvOutreachTally};
use opstap_core::{Participant, RequirementKind, VacancyFilter};
use opstap_index::RankOptions;
use opstap_proto::v1 as pb;
use tonic::{Status, Streaming};

use crate::error::ApiError;
use crate::service::Engine;

/// Participants in one call: a caseload, not a region (that is the batch's work).
const MAX_OUTREACH_PARTICIPANTS: usize = 2_000;
/// Each person's list counted, as the nightly batch's default `--top`.
const OUTREACH_TOP: usize = 20;
/// Employers listed, as in the batch summary.
const OUTREACH_LEN: usize = 50;

impl Engine {
    pub(crate) async fn twv_outreach(
        self: &Arc<Self>,
        mut input: Streaming<pb::TwvOutreachRequest>,
        deadline: Instant,
    ) -> Result<pb::TwvOutreachResponse, Status> {
        let mut people: Vec<Participant> = Vec::new();
        loop {
            let message = tokio::time::timeout_at(deadline.into(), input.message())
                .await
                .map_err(|_| Status::from(ApiError::DeadlineExceeded))?
                .map_err(crate::error::read_error)?;
            let Some(pb::TwvOutreachRequest { participant }) = message else { break };
            if people.len() == MAX_OUTREACH_PARTICIPANTS {
                return Err(Status::from(ApiError::invalid(
                    "participant",
                    format!(
                        "more than {MAX_OUTREACH_PARTICIPANTS} participants in one call; a larger caseload is the nightly batch's (its summary lists the same employers)"
                    ),
                )));
            }
            let field = format!("participant[{}]", people.len());
            people.push(self.participant(participant, &field)?);
        }
        tracing::info!(participants = people.len(), "TwvOutreach");
        let engine = self.clone();
        let response = self
            .heavy_lane()
            .run(deadline, move || {
                let matcher = engine.matcher();
                let mut tally = TwvOutreachTally::default();
                for p in &people {
                    let options = RankOptions {
                        near_misses: false,
                        count_eligible: false,
                        filter: VacancyFilter::NONE,
                        deadline: Some(deadline),
                    };
                    let result =
                        engine.index().match_page(&matcher, p, 0, OUTREACH_TOP, options)?;
                    tally.add(result.matches.iter().map(|m| {
                        OutreachMatch {
                            employer_id: m.vacancy.employer.as_ref().and_then(|e| e.id.as_deref()),
                            vacancy_id: &m.vacancy.id,
                            fitting: matcher.is_fitting(m.explanation.self_development.fit),
                            twv_unknown: m
                                .explanation
                                .unknown_requirements()
                                .contains(&RequirementKind::WorkAuthorization),
                        }
                    }));
                }
                let employers = tally
                    .finish(OUTREACH_LEN)
                    .into_iter()
                    .map(|o| pb::TwvOutreachEntry {
                        employer_id: o.employer_id,
                        people: o.people as u32,
                        fitting_matches: o.fitting_matches as u32,
                        vacancy_ids: o.vacancy_ids,
                    })
                    .collect();
                Ok(pb::TwvOutreachResponse { employers, participants: people.len() as u32 })
            })
            .await?;
        Ok(response)
    }
}
