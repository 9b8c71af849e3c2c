// Accounts and profiles: POST /api/auth/signup, /api/auth/login,
// /api/auth/logout; GET /api/me; GET and PUT /api/users/{id}/profile.
#include <boost/json/value.hpp>

#include "accounts/profiles.h"
#include "accounts/sign_in.h"
#include "db/user_repository.h"
#include "http/auth.h"
#include "http/handlers.h"
#include "http/middleware.h"
#include "http/request_parsing.h"
#include "http/routes/account_json.h"
#include "http/routes/account_parsing.h"

namespace ws::http {
namespace json = boost::json;
namespace {

Response session_answer(int status, const Result<accounts::SignIn>& session) {
  if (!session) return error_response(session.error());
  return json_response(status, json::object{{"token", session->token},
                                            {"expires_at", session->expires_at},
                                            {"user", profile_to_json(session->profile)}});
}

Response profile_answer(const Result<UserProfile>& profile) {
  if (!profile) return error_response(profile.error());
  return json_response(200, profile_to_json(*profile)).header("Cache-Control", "no-store");
}

// Hashing is slow on purpose: on a database worker, never the main loop.
void sign_up(Services& s, Request& request, const ResponderPtr& responder) {
  auto credentials = parse_body_with(request.body, parse_sign_up);
  if (!credentials) return responder->respond(error_response(credentials.error()));
  answer_from_db(s, responder, [credentials = *credentials](db::Connection& c) {
    return session_answer(201, accounts::sign_up(c, credentials));
  });
}

void sign_in(Services& s, Request& request, const ResponderPtr& responder) {
  auto credentials = parse_body_with(request.body, parse_sign_in);
  if (!credentials) return responder->respond(error_response(credentials.error()));
  answer_from_db(s, responder, [credentials = *credentials](db::Connection& c) {
    return session_answer(200, accounts::sign_in(c, credentials));
  });
}

void sign_out(Services& s, Request& request, const ResponderPtr& responder) {
  answer_from_db(s, responder, [token = bearer_token(request).value_or("")](db::Connection& c) {
    if (Status ended = accounts::sign_out(c, token); !ended) return error_response(ended.error());
    Response done;
    done.status = 204;
    done.content_type.clear();
    return done;
  });
}

void get_profile(Services& s, Request& request, const ResponderPtr& responder) {
  answer_from_db(s, responder, [user = request.user_id](db::Connection& c) {
    return profile_answer(db::get_profile(c, user));
  });
}

void update_profile(Services& s, Request& request, const ResponderPtr& responder) {
  auto update = parse_body_with(request.body, parse_profile_update);
  if (!update) return responder->respond(error_response(update.error()));
  answer_from_db(s, responder, [user = request.user_id, update = *update](db::Connection& c) {
    return profile_answer(accounts::update_profile(c, user, update));
  });
}

}  // namespace

void add_account_routes(Router& router, Services& s) {
  router.add("POST", "/api/auth/signup", with_services(s, sign_up));
  router.add("POST", "/api/auth/login", with_services(s, sign_in));
  router.add("POST", "/api/auth/logout", {signed_in(s)}, with_services(s, sign_out));
  router.add("GET", "/api/me", {signed_in(s)}, with_services(s, get_profile));
  router.add("GET", "/api/users/{id}/profile", {owner_only(s)}, with_services(s, get_profile));
  router.add("PUT", "/api/users/{id}/profile", {owner_only(s)}, with_services(s, update_profile));
}

}  // namespace ws::http
