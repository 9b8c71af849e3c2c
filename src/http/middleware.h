#pragma once
// The guards routes declare (route.h): each checks one thing before the
// handler runs and answers its own refusal.
//
//   router.add("POST", "/api/workouts", {rate_limit(s.limits.generation)}, create_workout);
//   router.add("POST", "/api/exercises", {admin_only(s.config.server)}, create_exercise);
//   router.add("GET", "/api/me", {signed_in(s)}, get_me);                  // request.user_id
//   router.add("GET", "/api/users/{id}/history", {owner_only(s)}, history); // request.user_id == {id}
//   router.add("POST", "/api/generate-training", {rate_limit(...), maybe_signed_in(s)}, generate);
//   router.add("GET", "/streams/{id}/master.m3u8", {signed_stream(s.signer)}, master);  // request.signed_query
//
// Guards run in the order listed: put the cheap refusals (rate limit) first.
#include <functional>
#include <string>

#include "common/result.h"
#include "config/config.h"
#include "http/rate_limit.h"
#include "http/route.h"
#include "http/services.h"

namespace ws::http {

class StreamSigner;

// A guard that decides at once: `check` refuses with an error (answered with
// the status of its kind), or lets the request through.
Guard guard_with(std::function<Status(Request&)> check);

// 429 "rate_limited" + Retry-After (whole seconds) once the client's address
// has used up `limiter`'s budget.
Guard rate_limit(RateLimiter& limiter);

// Catalog writes: the configured admin token (auth.h's check_admin: 403
// "admin_disabled", 401 "missing_token", 403 "invalid_token").
Guard admin_only(const config::Server& server);

// A signed-in user's token: 401 "missing_token" without one, 401
// "invalid_token" for an unknown or expired one (looked up on a database
// worker: 503 when its queue is full). Sets request.user_id.
Guard signed_in(Services& s);

// signed_in(), and the user must be the one the path's {`param`} names: 403
// "not_your_data" (field `param`) for anyone else.
Guard owner_only(Services& s, std::string param = "id");

// No token: the request goes on anonymous (request.user_id empty). A token
// must be valid like signed_in()'s: a bad one is a 401, never a silent
// anonymous request.
Guard maybe_signed_in(Services& s);

// Stream URLs signed for the stream the path's {`param`} names, when signing
// is configured (stream_signing.h): 403 "unsigned_url", "bad_signature" or
// "expired_url" before any plan lookup or render. Sets request.signed_query
// to the checked "?exp=...&sig=..." ("" when signing is off), to append to
// every URI the answer writes.
Guard signed_stream(const StreamSigner& signer, std::string param = "id");

}  // namespace ws::http
