#include "app/class_socket_hooks.h"

#include <boost/json/value.hpp>

#include "common/logging.h"
#include "db/live_repository.h"
#include "http/live_values.h"

namespace ws::app {
namespace {

Error database_overloaded() {
  return make_error(ErrorKind::unavailable, "overloaded", "the database queue is full; retry later");
}

}  // namespace

http::LiveSocketHooks class_socket_hooks(http::Services& services) {
  http::LiveSocketHooks hooks;
  hooks.authenticate = [&services](const std::string& code, const std::string& token,
                                   http::LiveSocketHooks::Authenticated done) {
    bool queued = services.db.submit(
        [code, token, done](db::Connection& c) { done(db::authenticate_live_socket(c, code, token)); });
    if (!queued) done(database_overloaded());
  };
  hooks.on_values = [&services](const live::SocketPeer& peer, boost::json::object values,
                                http::LiveSocketHooks::ValuesDone done) {
    http::submit_live_values(services, peer, boost::json::value(std::move(values)),
                             [done](Result<live::ValuesUpdate> recorded) {
                               done(recorded ? Status::Ok() : Status(recorded.error()));
                             });
  };
  hooks.on_left = [&services](const live::SocketPeer& peer) {
    if (peer.is_coach) return;
    http::submit_live_leave(services, peer, [peer](Status left) {
      if (!left) log::get("live")->warn("participant {} left class {}: {}", peer.participant_id, peer.session_id,
                                        left.error().message);
    });
  };
  return hooks;
}

}  // namespace ws::app
