#pragma once
// How the code that changes a class (its routes, the expiry job) reaches the
// sockets watching it, without knowing about sockets: the WebSocket hub
// implements this. Messages are JSON texts built by live/messages.h.
#include <string>

namespace ws::live {

class ClassBroadcaster {
 public:
  virtual ~ClassBroadcaster() = default;
  // Sends `json_text` to every socket of the class. Callable from any thread.
  virtual void broadcast(const std::string& session_id, const std::string& json_text) = 0;
  // Sends `json_text` (the final state), then closes every socket of the
  // class normally (1000). Callable from any thread.
  virtual void end_class(const std::string& session_id, const std::string& json_text) = 0;
};

}  // namespace ws::live
