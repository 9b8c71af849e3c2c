#include "http/signed_in.h"

#include "http/user_auth.h"

namespace ws::http {

void answer_for_user(Services& s, const Request& request, const ResponderPtr& responder, UserWork work) {
  answer_from_db(s, responder, [token = bearer_token(request), work = std::move(work)](db::Connection& c) {
    auto user = authenticate(c, token);
    if (!user) return error_response(user.error());
    return work(c, *user);
  });
}

void answer_for_owner(Services& s, const Request& request, const ResponderPtr& responder, UserWork work) {
  answer_from_db(s, responder, [token = bearer_token(request), owner = request.path_params.at(0),
                                work = std::move(work)](db::Connection& c) {
    auto user = authorize_owner(c, token, owner);
    if (!user) return error_response(user.error());
    return work(c, *user);
  });
}

}  // namespace ws::http
