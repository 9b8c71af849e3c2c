#pragma once
// Who is at the other end of a class's socket, as its token proved: the class,
// its gym, and the participant, or the coach. The live session routes make it
// from the join code and token; the WebSocket hub only carries it.
#include <string>

namespace ws::live {

struct SocketPeer {
  std::string session_id;
  std::string gym_id;
  std::string participant_id;  // empty for the coach
  std::string display_name;
  bool is_coach = false;
};

}  // namespace ws::live
