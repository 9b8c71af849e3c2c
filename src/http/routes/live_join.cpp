// Joining a live class and sending values, with no account: POST
// /api/live/join {code, name, max_heart_rate?} answers a participant token
// (rate limited per address: a code is guessed one try at a time); POST
// /api/live/{code}/values takes that token as Authorization: Bearer.
// Anything but an open, unexpired class is 404 "unknown_code", with no hint
// whether the code ever existed.
#include <memory>

#include "accounts/passwords.h"
#include "common/utc_time.h"
#include "db/live_repository.h"
#include "http/auth.h"
#include "http/handlers.h"
#include "http/live_values.h"
#include "http/middleware.h"
#include "http/request_parsing.h"
#include "http/routes/answered.h"
#include "http/routes/gym_scope.h"
#include "http/routes/live_join.h"
#include "live/board.h"

#include "live/board.h"
#include "http/routes/live_json.h"
#include "http/routes/live_parsing.h"
#include "live/messages.h"

namespace ws::http {
namespace json = boost::json;
namespace {

json::object joined_to_json(const db::Joined& joined, const std::string& token, Instant now) {
  json::object out{{"participant_id", joined.participant.id},
                   {"token", token},
                   {"name", joined.participant.name},
                   {"session_id", joined.live.session_id},
                   {"code", joined.live.code},
                   {"state", live::to_string(live::state_at(joined.live, now))},
                   {"clock", live::clock_to_json(joined.live.clock)},
                   {"expires_at", utc_timestamp_millis(joined.live.expires_at)}};
  for (auto& [key, value] : live_urls(joined.live.code)) out[key] = value;
  return out;
}

Result<Response> join_class(db::Connection& c, const LiveJoin& join, const std::string& token, Instant now,
                            db::Joined& joined) {
  WS_ASSIGN_OR_RETURN(joined, db::join_live_session(c, join.code, join.name, accounts::token_sha256(token),
                                                    join.max_heart_rate, now));
  return json_response(201, joined_to_json(joined, token, now)).header("Cache-Control", "no-store");
}

void join(Services& s, Request& request, const ResponderPtr& responder) {
  auto body = parse_body_with(request.body, parse_live_join);
  if (!body) return responder->respond(error_response(body.error()));
  auto token = accounts::new_session_token();
  if (!token) return responder->respond(error_response(token.error()));
  auto joined = std::make_shared<db::Joined>();
  answer_in_transaction(
      s, responder,
      [&s, join = *body, token = *token, joined](db::Connection& c) {
        return answered(join_class(c, join, token, s.clock.now(), *joined));
      },
      [&s, joined] {
        const live::Participant& who = joined->participant;
        if (s.boards) {
          s.boards->record(joined->live.session_id, who.id, who.name, who.max_heart_rate, std::nullopt, who.joined_at);
        }
        s.class_sockets.broadcast(joined->live.session_id,
                                  live::participants_message(live::ParticipantChange::joined, joined->participant));
      });
}

Error missing_token() {
  return make_error(ErrorKind::unauthorized, "missing_token",
                    "send the participant token from joining as Authorization: Bearer <token>", "Authorization");
}

Result<Response> values_recorded(Services& s, db::Connection& c, const std::string& code, const std::string& token,
                                 const json::value& values) {
  WS_ASSIGN_OR_RETURN(db::SocketPeer peer, db::authenticate_live_socket(c, code, token));
  WS_ASSIGN_OR_RETURN(live::ValuesUpdate update, record_and_announce_values(s, c, peer, values));
  return json_response(200, live::values_to_json(update)).header("Cache-Control", "no-store");
}

void post_values(Services& s, Request& request, const ResponderPtr& responder) {
  auto token = bearer_token(request);
  if (!token) return responder->respond(error_response(missing_token()));
  auto values = parse_json_body(request.body);
  if (!values) return responder->respond(error_response(values.error()));
  answer_from_db(s, responder, [&s, code = request.param("code"), token = *token, values = *values](db::Connection& c) {
    return answered(values_recorded(s, c, code, token, values));
  });
}

}  // namespace

void add_live_join_routes(Router& router, Services& s) {
  router.add("POST", "/api/live/join", {rate_limit(s.limits.live_join)}, with_services(s, join));
  router.add("POST", "/api/live/{code}/values", {}, with_services(s, post_values));
}

}  // namespace ws::http
