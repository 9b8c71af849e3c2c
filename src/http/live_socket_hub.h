#pragma once
// Inside ClassSockets (live_sockets.h): the rooms of peers by class, what is
// done with what peers send, and the counters. Main loop only, but for the
// counters; hops from other threads hold it weakly, so a hop that arrives
// after the hub is gone does nothing.
#include <atomic>
#include <memory>
#include <string>
#include <unordered_map>

#include "http/live_socket_peer.h"
#include "http/live_sockets.h"

namespace ws::http {

class ClassSockets::Hub final : public PeerEvents, public std::enable_shared_from_this<Hub> {
 public:
  Hub(GMainContext* context, LiveSocketOptions options, const Clock& clock, LiveSocketHooks hooks);
  ~Hub() override;

  GMainContext* context() const { return context_.get(); }
  const LiveSocketOptions& options() const { return options_; }
  const LiveSocketHooks& hooks() const { return hooks_; }

  // Main loop: answers the handshake, then puts the socket in its class (a
  // hub gone meanwhile answers 503).
  static void upgrade(const std::weak_ptr<Hub>& hub, const ResponderPtr& responder, live::SocketPeer who);
  void join(live::SocketPeer who, GObjectPtr<SoupWebsocketConnection> connection);
  void send_to_class(const std::string& session_id, const live::SharedText& text);
  void end(const std::string& session_id, const live::SharedText& final_text);
  void reply(std::uint64_t peer_id, const std::string& text);
  void ping_all();
  void close_all(live::CloseCode code, const std::string& reason);
  LiveSocketStats stats() const;

  void on_message(PeerSocket& peer, live::FrameKind kind, std::string_view payload) override;
  void on_refused(PeerSocket& peer, const live::CloseSocket& why) override;
  void on_pong(PeerSocket& peer) override;
  void on_closed(PeerSocket& peer) override;

 private:
  using PeerPtr = std::shared_ptr<PeerSocket>;
  using Room = std::unordered_map<std::uint64_t, PeerPtr>;
  struct Counters {
    std::atomic<std::uint64_t> classes{0}, peers{0}, opened{0}, messages_in{0}, messages_out{0}, pongs{0}, closed_rate{0},
        closed_slow{0}, closed_dead{0}, closed_bad_frame{0}, max_queued{0};
  };
  struct ContextUnref {
    void operator()(GMainContext* context) const { g_main_context_unref(context); }
  };

  void deliver(PeerSocket& peer, const live::SharedText& text);
  void forward_values(PeerSocket& peer, boost::json::object values);
  // Takes the peer out of its class (no more broadcasts), then closes it.
  void close_peer(PeerSocket& peer, const live::CloseSocket& why, std::atomic<std::uint64_t>& counter);
  // Takes the peer out of its class; on_left when `announce` and it was the
  // participant's last socket there.
  void detach(PeerSocket& peer, bool announce);
  void start_ping_timer();

  std::unique_ptr<GMainContext, ContextUnref> context_;
  LiveSocketOptions options_;
  const Clock& clock_;
  LiveSocketHooks hooks_;
  std::unordered_map<std::string, Room> rooms_;
  std::unordered_map<std::uint64_t, PeerPtr> peers_;  // every peer until its connection closes
  std::uint64_t next_id_ = 1;
  GSource* ping_timer_ = nullptr;
  Counters counters_;
};

}  // namespace ws::http
