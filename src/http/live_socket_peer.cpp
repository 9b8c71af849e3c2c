#include "http/live_socket_peer.h"

#include "common/logging.h"

namespace ws::http {
namespace {

// libsoup 3.2 has no call that sends a ping on demand (only its keepalive
// timer, whose pongs it does not track); send_message writes a frame of the
// opcode it is given, and 0x9 is a ping (RFC 6455, 5.5.2).
constexpr auto kPingOpcode = static_cast<SoupWebsocketDataType>(0x9);

}  // namespace

PeerSocket::PeerSocket(std::uint64_t id, live::SocketPeer who, GObjectPtr<SoupWebsocketConnection> connection,
                       PeerEvents& events, GMainContext* context, const Clock& clock,
                       const live::SocketLimits& limits)
    : id_(id),
      who_(std::move(who)),
      connection_(std::move(connection)),
      output_(G_POLLABLE_OUTPUT_STREAM(
          g_io_stream_get_output_stream(soup_websocket_connection_get_io_stream(connection_.get())))),
      events_(events),
      context_(context),
      clock_(clock),
      limits_(limits),
      rate_(limits.max_messages_per_second),
      queue_(limits.queue_limit) {
  SoupWebsocketConnection* c = connection_.get();
  // Frames over the limit are refused by libsoup as they arrive; a message
  // sent in fragments is checked whole by the hub.
  soup_websocket_connection_set_max_incoming_payload_size(c, limits.max_message_bytes);
  g_signal_connect(c, "message", G_CALLBACK(&PeerSocket::on_message_signal), this);
  g_signal_connect(c, "pong", G_CALLBACK(&PeerSocket::on_pong_signal), this);
  g_signal_connect(c, "error", G_CALLBACK(&PeerSocket::on_error_signal), this);
  g_signal_connect(c, "closed", G_CALLBACK(&PeerSocket::on_closed_signal), this);
}

PeerSocket::~PeerSocket() {
  stop_waiting();
  g_signal_handlers_disconnect_by_data(connection_.get(), this);
}

bool PeerSocket::open() const {
  return soup_websocket_connection_get_state(connection_.get()) == SOUP_WEBSOCKET_STATE_OPEN;
}

bool PeerSocket::send(const live::SharedText& text) {
  if (!open()) return true;  // closing: nothing more goes out, and that is not the reader's fault
  if (queue_.empty() && can_write()) {
    write(*text);
    return true;
  }
  if (!queue_.push(text)) return false;
  wait_for_room();
  return true;
}

void PeerSocket::close(live::CloseCode code, const std::string& reason) {
  stop_waiting();
  queue_.clear();
  if (open()) soup_websocket_connection_close(connection_.get(), static_cast<gushort>(code), reason.c_str());
}

void PeerSocket::finish(const live::SharedText& last, live::CloseCode code, const std::string& reason) {
  stop_waiting();
  if (open()) {
    while (!queue_.empty()) write(*queue_.pop());
    write(*last);
  }
  close(code, reason);
}

live::PongTracker::Tick PeerSocket::ping() {
  auto tick = pong_tracker_.on_tick(clock_.now());
  if (tick == live::PongTracker::Tick::send_ping && open()) {
    std::string payload = std::to_string(++pings_sent_);
    GBytesPtr bytes(g_bytes_new(payload.data(), payload.size()));
    soup_websocket_connection_send_message(connection_.get(), kPingOpcode, bytes.get());
  }
  return tick;
}

// The socket's buffer has room: libsoup writes a frame at once (its own queue
// is empty, or holds one partly written frame, which goes first).
bool PeerSocket::can_write() const { return g_pollable_output_stream_is_writable(output_); }

void PeerSocket::write(const std::string& text) { soup_websocket_connection_send_text(connection_.get(), text.c_str()); }

void PeerSocket::write_queued() {
  while (!queue_.empty() && open() && can_write()) write(*queue_.pop());
  if (!queue_.empty() && open()) wait_for_room();
}

void PeerSocket::wait_for_room() {
  if (room_source_) return;
  room_source_ = g_pollable_output_stream_create_source(output_, nullptr);
  g_source_set_callback(room_source_, G_SOURCE_FUNC(&PeerSocket::on_room), this, nullptr);
  g_source_attach(room_source_, context_);
}

void PeerSocket::stop_waiting() {
  if (!room_source_) return;
  g_source_destroy(room_source_);
  g_source_unref(room_source_);
  room_source_ = nullptr;
}

gboolean PeerSocket::on_room(GObject*, gpointer self_ptr) {
  auto* self = static_cast<PeerSocket*>(self_ptr);
  g_source_unref(self->room_source_);  // GLib destroys it as this returns G_SOURCE_REMOVE
  self->room_source_ = nullptr;
  self->write_queued();
  return G_SOURCE_REMOVE;
}

void PeerSocket::on_message_signal(SoupWebsocketConnection*, gint type, GBytes* message, gpointer self_ptr) {
  auto* self = static_cast<PeerSocket*>(self_ptr);
  gsize size = 0;
  const auto* data = static_cast<const char*>(g_bytes_get_data(message, &size));
  auto kind = type == SOUP_WEBSOCKET_DATA_TEXT ? live::FrameKind::text : live::FrameKind::binary;
  self->events_.on_message(*self, kind, std::string_view(data ? data : "", size));
}

void PeerSocket::on_pong_signal(SoupWebsocketConnection*, GBytes*, gpointer self_ptr) {
  auto* self = static_cast<PeerSocket*>(self_ptr);
  self->pong_tracker_.on_pong(self->clock_.now());
  self->events_.on_pong(*self);
}

// libsoup drops the connection right after this signal for a frame over the
// size limit, without a close frame: the close (1009) is sent from here, while
// the socket is still open.
void PeerSocket::on_error_signal(SoupWebsocketConnection*, GError* error, gpointer self_ptr) {
  auto* self = static_cast<PeerSocket*>(self_ptr);
  if (g_error_matches(error, SOUP_WEBSOCKET_ERROR, SOUP_WEBSOCKET_CLOSE_TOO_BIG)) {
    self->events_.on_refused(*self, live::too_big(self->limits_));
    return;
  }
  log::get("http")->debug("class socket {}: {}", self->id_, error ? error->message : "error");
}

void PeerSocket::on_closed_signal(SoupWebsocketConnection*, gpointer self_ptr) {
  auto* self = static_cast<PeerSocket*>(self_ptr);
  self->stop_waiting();
  self->events_.on_closed(*self);  // may free `self`
}

}  // namespace ws::http
