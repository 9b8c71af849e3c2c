#include "http/middleware.h"

#include "accounts/sign_in.h"
#include "http/auth.h"
#include "http/stream_signing.h"

namespace ws::http {
namespace {

Error missing_token() {
  return make_error(ErrorKind::unauthorized, "missing_token",
                    "sign in first: this needs Authorization: Bearer <token>", "Authorization");
}

Error invalid_token() {
  return make_error(ErrorKind::unauthorized, "invalid_token",
                    "the sign-in token is unknown or has expired; sign in again", "Authorization");
}

// Finds the user of `token` on a database worker, then, back on the main
// loop, leaves it in request.user_id and goes on.
void continue_as_user(Services& s, Request& request, const ResponderPtr& responder, std::string token, Next next) {
  run_on_db(s, responder, [&s, &request, responder, token = std::move(token), next = std::move(next)](db::Connection& c) {
    auto user = accounts::user_for_token(c, token);
    if (!user) return responder->respond(error_response(user.error()));
    if (!*user) return responder->respond(error_response(invalid_token()));
    // `next` keeps the request alive until it runs.
    run_on_main_loop(s.main_context, [&request, user_id = **user, next] {
      request.user_id = user_id;
      next();
    });
  });
}

}  // namespace

Guard guard_with(std::function<Status(Request&)> check) {
  return [check = std::move(check)](Request& request, const ResponderPtr& responder, Next next) {
    if (Status passed = check(request); !passed) return responder->respond(error_response(passed.error()));
    next();
  };
}

Guard rate_limit(RateLimiter& limiter) {
  return [&limiter](Request& request, const ResponderPtr& responder, Next next) {
    auto wait = limiter.take(request.remote_address);
    if (!wait) return next();
    Response refusal = error_response(ErrorKind::unavailable, "rate_limited",
                                      "too many requests from this address; retry in " + std::to_string(*wait) + " s");
    refusal.status = 429;
    responder->respond(refusal.header("Retry-After", std::to_string(*wait)));
  };
}

Guard admin_only(const config::Server& server) {
  return guard_with([&server](Request& request) { return check_admin(request, server); });
}

Guard signed_in(Services& s) {
  return [&s](Request& request, const ResponderPtr& responder, Next next) {
    auto token = bearer_token(request);
    if (!token) return responder->respond(error_response(missing_token()));
    continue_as_user(s, request, responder, std::move(*token), std::move(next));
  };
}

Guard owner_only(Services& s, std::string param) {
  return [sign_in = signed_in(s), param = std::move(param)](Request& request, const ResponderPtr& responder, Next next) {
    std::string owner = request.param(param);
    sign_in(request, responder, [&request, responder, owner = std::move(owner), param, next = std::move(next)] {
      if (!accounts::is_user(request.user_id, owner)) {
        return responder->respond(error_response(ErrorKind::forbidden, "not_your_data",
                                                 "this belongs to another user", param));
      }
      next();
    });
  };
}

Guard maybe_signed_in(Services& s) {
  return [&s](Request& request, const ResponderPtr& responder, Next next) {
    auto token = bearer_token(request);
    if (!token) return next();
    continue_as_user(s, request, responder, std::move(*token), std::move(next));
  };
}

Guard signed_stream(const StreamSigner& signer, std::string param) {
  return guard_with([&signer, param = std::move(param)](Request& request) -> Status {
    auto exp = request.query_value("exp");
    auto sig = request.query_value("sig");
    WS_RETURN_IF_ERROR(signer.check(request.param(param), exp, sig, unix_now()));
    // Both checked: digits and the hex HMAC, safe to write back into playlists.
    request.signed_query = signer.enabled() ? "?exp=" + *exp + "&sig=" + *sig : "";
    return Status::Ok();
  });
}

}  // namespace ws::http
