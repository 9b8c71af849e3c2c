#pragma once
// One class socket's transport: its libsoup connection, what waits to be
// written to it, its rate limit and its pings. Main loop only. The hub
// (live_socket_hub.h) decides what to do with what the peer sends and when
// to close it.
//
// Writes are bounded. libsoup queues without limit whatever it cannot write
// at once and says nothing of it, so a frame is handed to libsoup only while
// the socket can take more; the rest waits in the peer's own queue, which
// refuses past its limit (the hub then closes the slow reader).
#include <cstdint>
#include <string>
#include <string_view>

#include <libsoup/soup.h>

#include "common/clock.h"
#include "glib_support/gobject_ptr.h"
#include "live/socket_inbound.h"
#include "live/socket_limits.h"
#include "live/socket_peer.h"

namespace ws::http {

class PeerSocket;

// What a peer's socket tells its hub, on the main loop.
class PeerEvents {
 public:
  virtual ~PeerEvents() = default;
  virtual void on_message(PeerSocket& peer, live::FrameKind kind, std::string_view payload) = 0;
  // A frame libsoup refused before it was read whole (over the size limit):
  // the peer must be closed now, before libsoup drops the connection.
  virtual void on_refused(PeerSocket& peer, const live::CloseSocket& why) = 0;
  virtual void on_pong(PeerSocket& peer) = 0;
  // The connection is gone. The hub may free the peer in this call.
  virtual void on_closed(PeerSocket& peer) = 0;
};

class PeerSocket {
 public:
  PeerSocket(std::uint64_t id, live::SocketPeer who, GObjectPtr<SoupWebsocketConnection> connection,
             PeerEvents& events, GMainContext* context, const Clock& clock, const live::SocketLimits& limits);
  ~PeerSocket();
  PeerSocket(const PeerSocket&) = delete;
  PeerSocket& operator=(const PeerSocket&) = delete;

  std::uint64_t id() const { return id_; }
  const live::SocketPeer& who() const { return who_; }
  // Neither closing nor closed.
  bool open() const;
  // Counts an incoming message against the rate limit; false when one too many.
  bool admit_message() { return rate_.admit(clock_.now()); }

  // Writes `text` now when the socket can take it, else queues it; false
  // (nothing queued) when the queue is full: the reader is too slow.
  bool send(const live::SharedText& text);
  std::size_t queued() const { return queue_.size(); }
  // Starts the closing handshake; what is still queued is dropped.
  void close(live::CloseCode code, const std::string& reason);
  // Hands what is queued and `last` to libsoup, then the close, so the peer
  // reads everything sent before the close (libsoup writes a close after the
  // frames before it). Bounded by the queue's limit.
  void finish(const live::SharedText& last, live::CloseCode code, const std::string& reason);
  // A ping, or the verdict that the peer missed too many pongs.
  live::PongTracker::Tick ping();

 private:
  static void on_message_signal(SoupWebsocketConnection*, gint type, GBytes* message, gpointer self);
  static void on_pong_signal(SoupWebsocketConnection*, GBytes* message, gpointer self);
  static void on_error_signal(SoupWebsocketConnection*, GError* error, gpointer self);
  static void on_closed_signal(SoupWebsocketConnection*, gpointer self);
  static gboolean on_room(GObject*, gpointer self);

  bool can_write() const;
  void write(const std::string& text);
  void write_queued();
  void wait_for_room();
  void stop_waiting();

  std::uint64_t id_;
  live::SocketPeer who_;
  GObjectPtr<SoupWebsocketConnection> connection_;
  GPollableOutputStream* output_;  // the connection's, alive as long as it is
  PeerEvents& events_;
  GMainContext* context_;
  const Clock& clock_;
  live::SocketLimits limits_;
  live::InboundRateLimit rate_;
  live::PongTracker pong_tracker_;
  live::OutboundQueue queue_;
  GSource* room_source_ = nullptr;  // waiting for the socket to take more
  std::uint64_t pings_sent_ = 0;
};

}  // namespace ws::http
