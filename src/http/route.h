#pragma once
// A route: method, path pattern, the guards that check a request before the
// handler runs, and the handler.
//
//   router.add("PUT", "/api/users/{id}/profile", {owner_only(s)}, with_services(s, update_profile));
//
// Guards run in the order given (middleware.h has the ones the API uses).
// Each either answers the request itself (a refusal: 401, 403, 429, ...) or
// calls `next` to go on to the following guard, then the handler. A guard may
// call `next` later, once it has looked something up: it then calls it on
// the main loop, and the request stays alive for as long as `next` is held.
// Guards leave what they found in the request for the handler
// (Request::user_id, Request::signed_query).
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "http/exchange.h"

namespace ws::http {

using Handler = std::function<void(Request&, const ResponderPtr&)>;
using Next = std::function<void()>;
using Guard = std::function<void(Request&, const ResponderPtr&, Next next)>;

struct Route {
  std::string method;
  std::string pattern;
  std::vector<Guard> guards;
  Handler handler;
};

// Runs `route`'s guards, then its handler, on the main loop. An exception
// from any of them is logged and answered 500: none crosses into libsoup.
void run_route(const std::shared_ptr<const Route>& route, const std::shared_ptr<Request>& request,
               const ResponderPtr& responder);

}  // namespace ws::http
