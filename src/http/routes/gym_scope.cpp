#include "http/routes/gym_scope.h"

namespace ws::http {
namespace {

bool success(const Response& response) { return response.status < 400; }

Response committed(db::Transaction& tx, Response response, const AfterCommit& after_commit) {
  if (!success(response)) return response;  // the transaction rolls back when it goes
  if (Status done = tx.commit(); !done) return error_response(done.error());
  if (after_commit) after_commit();
  return response;
}

Response in_gym(db::Connection& c, const std::string& user_id, const std::string& gym_id, const GymRoles& allowed,
                const GymWork& work, const AfterCommit& after_commit) {
  db::Transaction tx(c);
  auto place = db::begin_in_gym(tx, user_id, gym_id);
  if (!place) return error_response(place.error());
  if (!*place) return error_response(ErrorKind::not_found, "gym_not_found", "no gym with id " + gym_id, "gym_id");
  if (!allowed.count((*place)->role)) {
    return error_response(ErrorKind::forbidden, "forbidden_role",
                          std::string("a ") + to_string((*place)->role) + " of this gym may not do this");
  }
  return committed(tx, work(c, **place), after_commit);
}

}  // namespace

void answer_in_gym(Services& services, const Request& request, const ResponderPtr& responder,
                   const GymRoles& allowed, GymWork work) {
  answer_in_gym(services, request, responder, allowed, std::move(work), nullptr);
}

void answer_in_gym(Services& services, const Request& request, const ResponderPtr& responder,
                   const GymRoles& allowed, GymWork work, AfterCommit after_commit) {
  answer_from_db(services, responder,
                 [user = request.user_id, gym = request.param("gym_id"), allowed, work = std::move(work),
                  after_commit = std::move(after_commit)](db::Connection& c) {
                   return in_gym(c, user, gym, allowed, work, after_commit);
                 });
}

void answer_in_transaction(Services& services, const ResponderPtr& responder,
                           std::function<Response(db::Connection&)> work) {
  answer_in_transaction(services, responder, std::move(work), nullptr);
}

void answer_in_transaction(Services& services, const ResponderPtr& responder,
                           std::function<Response(db::Connection&)> work, AfterCommit after_commit) {
  answer_from_db(services, responder,
                 [work = std::move(work), after_commit = std::move(after_commit)](db::Connection& c) {
                   db::Transaction tx(c);
                   if (Status begun = tx.begin(); !begun) return error_response(begun.error());
                   return committed(tx, work(c), after_commit);
                 });
}

}  // namespace ws::http
