#include "http/connection_guard.h"

#include <sys/socket.h>

#include <algorithm>
#include <cerrno>

#include "http/raw_answer.h"
#include "http/response.h"

namespace ws::http {
namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

// The 503 of a connection beyond a cap, written before its request is read:
// a client reads it as the answer to the request it sends.
Response over_cap_refusal(bool per_address) {
  Response refusal = error_response(
      ErrorKind::unavailable, "too_many_connections",
      per_address ? "too many open connections from this address: reuse or close one, then retry"
                  : "the server holds as many connections as it takes: retry shortly");
  return refusal.header("Retry-After", "1");
}

Response timeout_answer(Wait missed) {
  Response answer = error_response(ErrorKind::invalid_argument, "request_timeout",
                                   missed == Wait::header ? "the request's headers did not arrive in time"
                                                          : "the request's body did not arrive in time");
  answer.status = 408;
  return answer;
}

enum class Client { quiet, sending, gone };

// What the client of a connection idle between requests has done, read
// without taking anything from the socket.
Client client_of(GSocket* socket) {
  char byte;
  ssize_t n = recv(g_socket_get_fd(socket), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
  if (n > 0) return Client::sending;
  if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return Client::quiet;
  return Client::gone;
}

template <class T>
GObjectPtr<T> new_ref(T* object) {
  return GObjectPtr<T>(object ? static_cast<T*>(g_object_ref(object)) : nullptr);
}

// What a "disconnected" handler needs: the guard, and the connection's key
// (libsoup has already dropped the socket when it closes a connection).
struct DisconnectBinding {
  ConnectionGuard* guard;
  ConnectionTable::Id id;
};

}  // namespace

std::chrono::milliseconds deadline_check_interval(const EdgeLimits& limits) {
  auto shortest = std::min({limits.header_timeout, limits.body_timeout, limits.idle_timeout});
  return std::clamp<std::chrono::milliseconds>(shortest / 20, 50ms, 500ms);
}

ConnectionGuard::ConnectionGuard(EdgeLimits limits, GMainContext* context)
    : table_(limits), context_(g_main_context_ref(context)) {
  tick_ = g_timeout_source_new(static_cast<guint>(deadline_check_interval(limits).count()));
  g_source_set_callback(
      tick_,
      [](gpointer self) {
        static_cast<ConnectionGuard*>(self)->close_overdue_connections();
        return gboolean(G_SOURCE_CONTINUE);
      },
      this, nullptr);
  g_source_attach(tick_, context_);
}

ConnectionGuard::~ConnectionGuard() {
  g_source_destroy(tick_);
  g_source_unref(tick_);
  for (auto& [id, held] : held_) g_signal_handler_disconnect(held.first.get(), held.disconnected_handler);
  held_.clear();
  g_main_context_unref(context_);
}

ConnectionGuard::Id ConnectionGuard::id_of(SoupServerMessage* message) {
  return reinterpret_cast<Id>(soup_server_message_get_socket(message));
}

bool ConnectionGuard::request_started(SoupServerMessage* message) {
  Id id = id_of(message);
  if (id == 0) return true;  // a connection handed over without a socket: not ours to count
  auto it = held_.find(id);
  if (it == held_.end()) return admit(message, id);
  table_.request_started(id, Clock::now());
  it->second.current = new_ref(message);
  return true;
}

bool ConnectionGuard::admit(SoupServerMessage* message, Id id) {
  const char* host = soup_server_message_get_remote_host(message);
  auto admission = table_.admit(id, address_key(host ? host : ""), Clock::now());
  if (admission != ConnectionTable::Admission::admitted) {
    bool per_address = admission == ConnectionTable::Admission::address_full;
    answer_and_close_unread(message, over_cap_refusal(per_address));
    emit(per_address ? ConnectionEvent::refused_address_cap : ConnectionEvent::refused_server_cap);
    return false;
  }
  Held& held = held_[id];
  held.socket = new_ref(soup_server_message_get_socket(message));
  held.first = new_ref(message);
  held.current = new_ref(message);
  held.disconnected_handler = g_signal_connect_data(
      message, "disconnected", G_CALLBACK(+[](SoupServerMessage*, gpointer data) {
        auto* binding = static_cast<DisconnectBinding*>(data);
        binding->guard->forget(binding->id);
      }),
      new DisconnectBinding{this, id},
      [](gpointer data, GClosure*) { delete static_cast<DisconnectBinding*>(data); }, GConnectFlags(0));
  emit(ConnectionEvent::opened);
  return true;
}

void ConnectionGuard::head_read(SoupServerMessage* message) {
  table_.head_read(id_of(message), Clock::now());
}

void ConnectionGuard::body_read(SoupServerMessage* message) { table_.body_read(id_of(message)); }

void ConnectionGuard::answered(SoupServerMessage* message) {
  Id id = id_of(message);
  auto it = held_.find(id);
  if (it == held_.end()) return;
  table_.answered(id, Clock::now());
  it->second.current.reset();
  if (message == it->second.first.get()) {
    // Held only to hear when the connection goes, not for what it carried.
    soup_message_body_truncate(soup_server_message_get_request_body(message));
    soup_message_body_truncate(soup_server_message_get_response_body(message));
  }
}

void ConnectionGuard::forget(Id id) {
  auto it = held_.find(id);
  if (it == held_.end()) return;
  // Released once out of the map: dropping the last reference to a message
  // may run libsoup code.
  Held gone = std::move(it->second);
  held_.erase(it);
  g_signal_handler_disconnect(gone.first.get(), gone.disconnected_handler);
  table_.closed(id);
  emit(ConnectionEvent::closed);
}

// Closing a connection makes libsoup forget it, which calls forget(): every
// reference needed is taken first. An idle connection whose client is
// already sending its next request is left to it.
void ConnectionGuard::close_overdue(Id id, Wait missed) {
  auto it = held_.find(id);
  if (it == held_.end()) return;
  if (missed == Wait::idle) {
    if (client_of(it->second.socket.get()) != Client::quiet) return;
    auto first = new_ref(it->second.first.get());
    emit(ConnectionEvent::idle_timeout);
    return close_connection(first.get());
  }
  auto reading = new_ref(it->second.current ? it->second.current.get() : it->second.first.get());
  emit(missed == Wait::header ? ConnectionEvent::header_timeout : ConnectionEvent::body_timeout);
  answer_and_close(reading.get(), timeout_answer(missed));
}

// libsoup 3.2 neither closes a kept-alive connection that its client closed
// between requests, nor can it give such a connection up any more (taking it
// would crash): its socket is closed here, directly, and forgotten.
void ConnectionGuard::close_abandoned() {
  for (Id id : table_.idle()) {
    GObjectPtr<GSocket> socket = new_ref(held_.at(id).socket.get());
    if (client_of(socket.get()) != Client::gone) continue;
    forget(id);
    g_socket_close(socket.get(), nullptr);
  }
}

void ConnectionGuard::close_overdue_connections() {
  close_abandoned();
  for (const auto& late : table_.overdue(Clock::now())) close_overdue(late.id, late.missed);
}

}  // namespace ws::http
