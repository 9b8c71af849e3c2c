#pragma once
// What POST /api/generate-training and a gym member's generate-training
// share: the request read into the coach's terms, the plan made against the
// catalog, the workout checked and saved, and the answer.
#include <string>

#include <boost/json/value.hpp>

#include "coach/planner.h"
#include "common/domain.h"
#include "common/result.h"
#include "db/connection.h"
#include "http/exchange.h"
#include "http/response.h"
#include "timeline/settings.h"

namespace ws::http {

// The body {"user_input", "config"?} and the Accept-Language header (the
// language when the sentence has no word of French or English).
Result<coach::PlanRequest> parse_plan_request(const Request& request);

struct GeneratedAndStored {
  coach::GeneratedWorkout generated;
  Workout stored;
};

// Plans the workout against the catalog and saves it (ai_generated, the
// sentence as its prompt), for `owner` (an account id; empty: nobody's).
Result<GeneratedAndStored> generate_and_store(db::Connection& c, const coach::PlanRequest& request,
                                              const std::string& owner, const timeline::Settings& settings);

// {sessionId, name, exercises, config, explanation, language, total_duration,
// rounds, ai_generated}
boost::json::object generated_to_json(const GeneratedAndStored& workout);

// 201 with `body` and the stored workout's Location.
Response generated_response(const boost::json::object& body, const Workout& stored);

}  // namespace ws::http
