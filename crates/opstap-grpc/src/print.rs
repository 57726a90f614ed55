//! `PrintPlan`: the participant's printable A4 page, rendered from one ranked list (the
//! best matches, the step plan and the open questions of one snapshot), audited like
//! `MatchVacancies`.

use std::sync::Arc;
use std::time::Instant;

use opstap_core::Voice;
use opstap_index::{PAGE_MATCHES, RankOptions};
use opstap_proto::v1 as pb;

use crate::auth::Caller;
use crate::error::ApiError;
use crate::service::{Engine, locale_of, voice_of};

/// The longest caseworker name printed.
const MAX_NAME_CHARS: usize = 120;

impl Engine {
    pub(crate) async fn print_plan(
        self: &Arc<Self>,
        request: pb::PrintPlanRequest,
        deadline: Instant,
        caller: Caller,
    ) -> Result<pb::PrintPlanResponse, ApiError> {
        let pb::PrintPlanRequest { participant, filter, locale, voice, caseworker_name } = request;
        let participant = self.participant(participant, "participant")?;
        let filter = self.filter(filter, &participant, "filter")?;
        let locale = locale_of(&locale)?;
        let voice = voice_of(&voice, Voice::Participant)?;
        if caseworker_name.chars().count() > MAX_NAME_CHARS
            || caseworker_name.chars().any(char::is_control)
        {
            return Err(ApiError::invalid(
                "caseworker_name",
                format!(
                    "is not a printable name: at most {MAX_NAME_CHARS} characters, no control characters"
                ),
            ));
        }
        tracing::info!(participant = %self.pseudonym(&participant.id), "PrintPlan");
        let options = RankOptions {
            near_misses: true,
            count_eligible: true,
            filter,
            deadline: Some(deadline),
        };
        let engine = self.clone();
        self.heavy_lane()
            .run(deadline, move || {
                let matcher = engine.matcher();
                let result =
                    engine.index().match_page(&matcher, &participant, 0, PAGE_MATCHES, options)?;
                engine.audit_list(&caller, "PrintPlan", &participant.id, &result.matches)?;
                let name = Some(caseworker_name.as_str()).filter(|n| !n.trim().is_empty());
                let html =
                    result.page(matcher.today(), opstap_core::Catalog::get(locale, voice), name);
                Ok(pb::PrintPlanResponse {
                    html,
                    content_type: "text/html; charset=utf-8".to_owned(),
                })
            })
            .await
    }
}
