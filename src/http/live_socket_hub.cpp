#include "http/live_socket_hub.h"

#include <vector>

#include "glib_support/main_loop.h"
#include "http/websocket_upgrade.h"

namespace ws::http {
namespace {

template <class... Fs>
struct Overloaded : Fs... {
  using Fs::operator()...;
};

void raise_to(std::atomic<std::uint64_t>& high, std::uint64_t value) {
  std::uint64_t seen = high.load();
  while (value > seen && !high.compare_exchange_weak(seen, value)) {
  }
}

}  // namespace

ClassSockets::Hub::Hub(GMainContext* context, LiveSocketOptions options, const Clock& clock, LiveSocketHooks hooks)
    : context_(g_main_context_ref(context)), options_(std::move(options)), clock_(clock), hooks_(std::move(hooks)) {
  start_ping_timer();
}

ClassSockets::Hub::~Hub() {
  if (ping_timer_) {
    g_source_destroy(ping_timer_);
    g_source_unref(ping_timer_);
  }
  close_all(live::CloseCode::going_away, "the server is stopping");
  peers_.clear();  // dropping the last ref closes what is left of each connection
}

void ClassSockets::Hub::start_ping_timer() {
  if (options_.ping_interval.count() <= 0) return;
  ping_timer_ = g_timeout_source_new_seconds(static_cast<guint>(options_.ping_interval.count()));
  g_source_set_callback(
      ping_timer_,
      [](gpointer self) {
        static_cast<Hub*>(self)->ping_all();
        return gboolean(G_SOURCE_CONTINUE);
      },
      this, nullptr);
  g_source_attach(ping_timer_, context_.get());
}

void ClassSockets::Hub::upgrade(const std::weak_ptr<Hub>& hub, const ResponderPtr& responder, live::SocketPeer who) {
  if (hub.expired()) {
    return responder->respond(error_response(ErrorKind::unavailable, "shutting_down", "the server is stopping"));
  }
  accept_websocket(responder, [hub, who = std::move(who)](GObjectPtr<SoupWebsocketConnection> connection) mutable {
    if (auto alive = hub.lock()) alive->join(std::move(who), std::move(connection));
  });
}

void ClassSockets::Hub::join(live::SocketPeer who, GObjectPtr<SoupWebsocketConnection> connection) {
  std::uint64_t id = next_id_++;
  std::string session_id = who.session_id;
  auto peer = std::make_shared<PeerSocket>(id, std::move(who), std::move(connection), *this, context_.get(), clock_,
                                           options_.limits);
  peers_.emplace(id, peer);
  auto [room, created] = rooms_.try_emplace(session_id);
  room->second.emplace(id, std::move(peer));
  if (created) ++counters_.classes;
  ++counters_.peers;
  ++counters_.opened;
}

void ClassSockets::Hub::send_to_class(const std::string& session_id, const live::SharedText& text) {
  auto room = rooms_.find(session_id);
  if (room == rooms_.end()) return;
  // A copy: a reader closed as too slow leaves the room during the loop.
  std::vector<PeerPtr> targets;
  targets.reserve(room->second.size());
  for (const auto& [id, peer] : room->second) targets.push_back(peer);
  for (const auto& peer : targets) deliver(*peer, text);
}

void ClassSockets::Hub::deliver(PeerSocket& peer, const live::SharedText& text) {
  if (!peer.send(text)) {
    close_peer(peer,
               {live::CloseCode::policy_violation,
                "too slow: " + std::to_string(options_.limits.queue_limit) + " messages waiting"},
               counters_.closed_slow);
    return;
  }
  ++counters_.messages_out;
  raise_to(counters_.max_queued, peer.queued());
}

void ClassSockets::Hub::end(const std::string& session_id, const live::SharedText& final_text) {
  auto room = rooms_.find(session_id);
  if (room == rooms_.end()) return;
  Room ending = std::move(room->second);
  rooms_.erase(room);
  --counters_.classes;
  counters_.peers -= ending.size();
  for (const auto& [id, peer] : ending) {
    peer->finish(final_text, live::CloseCode::normal, "the class ended");
    ++counters_.messages_out;
  }
}

void ClassSockets::Hub::reply(std::uint64_t peer_id, const std::string& text) {
  auto peer = peers_.find(peer_id);
  if (peer == peers_.end()) return;
  PeerPtr keep = peer->second;  // deliver may close it
  deliver(*keep, std::make_shared<const std::string>(text));
}

void ClassSockets::Hub::ping_all() {
  std::vector<PeerPtr> dead;
  for (const auto& [id, peer] : peers_) {
    if (peer->open() && peer->ping() == live::PongTracker::Tick::dead) dead.push_back(peer);
  }
  for (const auto& peer : dead) {
    close_peer(*peer, {live::CloseCode::going_away, "no answer to two pings"}, counters_.closed_dead);
  }
}

void ClassSockets::Hub::close_all(live::CloseCode code, const std::string& reason) {
  std::vector<PeerPtr> all;
  for (const auto& [id, peer] : peers_) all.push_back(peer);
  for (const auto& peer : all) {
    detach(*peer, false);
    peer->close(code, reason);
  }
}

void ClassSockets::Hub::on_message(PeerSocket& peer, live::FrameKind kind, std::string_view payload) {
  ++counters_.messages_in;
  if (!peer.open()) return;
  if (!peer.admit_message()) {
    close_peer(peer,
               {live::CloseCode::policy_violation,
                "more than " + std::to_string(options_.limits.max_messages_per_second) + " messages a second"},
               counters_.closed_rate);
    return;
  }
  live::InboundAction action = live::read_inbound(kind, payload, peer.who().is_coach, options_.limits);
  std::visit(Overloaded{
                 [&](live::ForwardValues& values) { forward_values(peer, std::move(values.values)); },
                 [&](live::Reply& reply) { deliver(peer, std::make_shared<const std::string>(std::move(reply.text))); },
                 [&](live::CloseSocket& close) { close_peer(peer, close, counters_.closed_bad_frame); },
             },
             action);
}

void ClassSockets::Hub::forward_values(PeerSocket& peer, boost::json::object values) {
  if (!hooks_.on_values) return;
  std::weak_ptr<Hub> weak = weak_from_this();
  std::uint64_t id = peer.id();
  std::shared_ptr<GMainContext> context_ref(g_main_context_ref(context_.get()), ContextUnref{});
  hooks_.on_values(peer.who(), std::move(values), [weak, id, context_ref](Status status) {
    if (status) return;
    run_on_main_loop(context_ref.get(), [weak, id, text = live::socket_error_text(status.error())] {
      if (auto hub = weak.lock()) hub->reply(id, text);
    });
  });
}

void ClassSockets::Hub::on_refused(PeerSocket& peer, const live::CloseSocket& why) {
  close_peer(peer, why, counters_.closed_bad_frame);
}

void ClassSockets::Hub::on_pong(PeerSocket&) { ++counters_.pongs; }

void ClassSockets::Hub::on_closed(PeerSocket& peer) {
  detach(peer, true);
  peers_.erase(peer.id());  // frees `peer`
}

void ClassSockets::Hub::close_peer(PeerSocket& peer, const live::CloseSocket& why,
                                   std::atomic<std::uint64_t>& counter) {
  ++counter;
  detach(peer, true);
  peer.close(why.code, why.reason);
}

void ClassSockets::Hub::detach(PeerSocket& peer, bool announce) {
  auto room = rooms_.find(peer.who().session_id);
  if (room == rooms_.end() || room->second.erase(peer.id()) == 0) return;
  --counters_.peers;
  bool others_of_same_participant = false;
  for (const auto& [id, other] : room->second) {
    if (!other->who().is_coach && other->who().participant_id == peer.who().participant_id) {
      others_of_same_participant = true;
    }
  }
  if (room->second.empty()) {
    rooms_.erase(room);
    --counters_.classes;
  }
  if (announce && !peer.who().is_coach && !others_of_same_participant && hooks_.on_left) hooks_.on_left(peer.who());
}

LiveSocketStats ClassSockets::Hub::stats() const {
  const Counters& c = counters_;
  return LiveSocketStats{c.classes, c.peers, c.opened, c.messages_in, c.messages_out, c.pongs, c.closed_rate,
                         c.closed_slow, c.closed_dead, c.closed_bad_frame, c.max_queued};
}

}  // namespace ws::http
