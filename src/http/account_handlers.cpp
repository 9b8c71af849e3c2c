// Accounts and profiles: POST /api/auth/signup, /api/auth/login,
// /api/auth/logout; GET /api/me; GET and PUT /api/users/{id}/profile.
#include <algorithm>

#include <boost/json/value.hpp>

#include "db/exercise_repository.h"
#include "db/user_repository.h"
#include "http/account_json.h"
#include "http/account_parsing.h"
#include "http/handlers.h"
#include "http/passwords.h"
#include "http/request_parsing.h"
#include "http/signed_in.h"
#include "http/user_auth.h"

namespace ws::http {
namespace json = boost::json;
namespace {

constexpr int kSessionTtlSeconds = 30 * 24 * 3600;  // a sign-in lasts 30 days

// A new sign-in session: the token (shown once), its expiry and the profile.
Response session_answer(db::Connection& c, int status, const UserProfile& profile) {
  auto token = new_session_token();
  if (!token) return error_response(token.error());
  auto expires = db::insert_auth_session(c, profile.user_id, token_sha256(*token), kSessionTtlSeconds);
  if (!expires) return error_response(expires.error());
  return json_response(status, json::object{{"token", *token},
                                            {"expires_at", *expires},
                                            {"user", profile_to_json(profile)}});
}

Response sign_up_in(db::Connection& c, const Credentials& credentials) {
  auto hash = hash_password(credentials.password);  // slow on purpose: on a worker, never the main loop
  if (!hash) return error_response(hash.error());
  auto profile = db::create_user(c, credentials.email, *hash, credentials.display_name);
  if (!profile) return error_response(profile.error());
  return session_answer(c, 201, *profile);
}

// An unknown email costs the same hash as a wrong password and gets the same
// answer, so neither time nor text tells which emails have accounts.
Response sign_in_in(db::Connection& c, const Credentials& credentials) {
  static const std::string decoy = [] {
    auto hash = hash_password("decoy password");
    return hash ? *hash : std::string();
  }();
  auto found = db::find_credentials(c, credentials.email);
  if (!found) return error_response(found.error());
  bool valid = verify_password(credentials.password, *found ? (*found)->password_hash : decoy);
  if (!*found || !valid) {
    return error_response(ErrorKind::unauthorized, "invalid_credentials", "wrong email or password", "password");
  }
  auto profile = db::get_profile(c, (*found)->user_id);
  if (!profile) return error_response(profile.error());
  return session_answer(c, 200, *profile);
}

void sign_up(Services& s, Request& request, const ResponderPtr& responder) {
  auto credentials = parse_body_with(request.body, parse_sign_up);
  if (!credentials) return responder->respond(error_response(credentials.error()));
  answer_from_db(s, responder, [credentials = *credentials](db::Connection& c) { return sign_up_in(c, credentials); });
}

void sign_in(Services& s, Request& request, const ResponderPtr& responder) {
  auto credentials = parse_body_with(request.body, parse_sign_in);
  if (!credentials) return responder->respond(error_response(credentials.error()));
  answer_from_db(s, responder, [credentials = *credentials](db::Connection& c) { return sign_in_in(c, credentials); });
}

void sign_out(Services& s, Request& request, const ResponderPtr& responder) {
  answer_for_user(s, request, responder, [token = bearer_token(request)](db::Connection& c, const std::string&) {
    if (Status deleted = db::delete_auth_session(c, token_sha256(*token)); !deleted) {
      return error_response(deleted.error());
    }
    Response done;
    done.status = 204;
    done.content_type.clear();
    return done;
  });
}

Response profile_answer(const Result<UserProfile>& profile) {
  if (!profile) return error_response(profile.error());
  return json_response(200, profile_to_json(*profile)).header("Cache-Control", "no-store");
}

// Favourite and excluded exercises must be in the catalog.
Status check_preference_ids(db::Connection& c, const UserPreferences& p) {
  for (auto [key, ids] : {std::pair{"favorite_exercises", &p.favorite_exercises},
                          std::pair{"excluded_exercises", &p.excluded_exercises}}) {
    auto found = db::get_exercises_by_ids(c, *ids);
    if (!found) return found.error();
    for (std::size_t i = 0; i < ids->size(); ++i) {
      bool known = std::any_of(found->begin(), found->end(), [&](const Exercise& e) { return e.id == (*ids)[i]; });
      if (!known) {
        std::string field = std::string("preferences.") + key + "[" + std::to_string(i) + "]";
        return make_error(ErrorKind::unprocessable, "unknown_exercise",
                          field + ": no exercise with id " + (*ids)[i], field);
      }
    }
  }
  return Status::Ok();
}

void update_profile(Services& s, Request& request, const ResponderPtr& responder) {
  auto update = parse_body_with(request.body, parse_profile_update);
  if (!update) return responder->respond(error_response(update.error()));
  answer_for_owner(s, request, responder, [update = *update](db::Connection& c, const std::string& user) {
    if (update.preferences) {
      if (Status known = check_preference_ids(c, *update.preferences); !known) return error_response(known.error());
    }
    return profile_answer(db::update_profile(c, user, update));
  });
}

}  // namespace

void add_account_routes(Router& router, Services& s) {
  router.add("POST", "/api/auth/signup", [&s](Request& rq, const ResponderPtr& rs) { sign_up(s, rq, rs); });
  router.add("POST", "/api/auth/login", [&s](Request& rq, const ResponderPtr& rs) { sign_in(s, rq, rs); });
  router.add("POST", "/api/auth/logout", [&s](Request& rq, const ResponderPtr& rs) { sign_out(s, rq, rs); });
  router.add("GET", "/api/me", [&s](Request& rq, const ResponderPtr& rs) {
    answer_for_user(s, rq, rs, [](db::Connection& c, const std::string& user) {
      return profile_answer(db::get_profile(c, user));
    });
  });
  router.add("GET", "/api/users/{id}/profile", [&s](Request& rq, const ResponderPtr& rs) {
    answer_for_owner(s, rq, rs, [](db::Connection& c, const std::string& user) {
      return profile_answer(db::get_profile(c, user));
    });
  });
  router.add("PUT", "/api/users/{id}/profile",
             [&s](Request& rq, const ResponderPtr& rs) { update_profile(s, rq, rs); });
}

}  // namespace ws::http
