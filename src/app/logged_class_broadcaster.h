#pragma once
// Stands in for the WebSocket hub until it is wired in: what would reach a
// class's sockets is only logged (debug), so routes and the expiry job can
// announce their changes already.
#include "live/broadcaster.h"

namespace ws::app {

class LoggedClassBroadcaster final : public live::ClassBroadcaster {
 public:
  void broadcast(const std::string& session_id, const std::string& json_text) override;
  void end_class(const std::string& session_id, const std::string& json_text) override;
};

}  // namespace ws::app
