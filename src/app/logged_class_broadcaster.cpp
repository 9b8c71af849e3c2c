#include "app/logged_class_broadcaster.h"

#include "common/logging.h"

namespace ws::app {

void LoggedClassBroadcaster::broadcast(const std::string& session_id, const std::string& json_text) {
  log::get("live")->debug("class {}: {}", session_id, json_text);
}

void LoggedClassBroadcaster::end_class(const std::string& session_id, const std::string& json_text) {
  log::get("live")->debug("class {} ends: {}", session_id, json_text);
}

}  // namespace ws::app
