#pragma once
// Holds the server's connection limits on the main loop: counts connections
// per client address as libsoup accepts them, refuses those beyond a cap with
// 503 before reading anything from them, and closes connections that miss a
// deadline: 408 while a request's headers or body are awaited, silently when
// idle between requests.
//
// libsoup 3 has no public connection object; what it gives is a message per
// request, "request-started" for a connection's first message as soon as it
// is accepted (and for later ones at their first byte), and a "disconnected"
// signal on every message still alive when its connection goes. So a
// connection is known by its socket and followed through its messages; its
// first message is held until it closes, to hear of that.
#include <chrono>
#include <cstdint>
#include <functional>
#include <unordered_map>

#include <libsoup/soup.h>

#include "glib_support/gobject_ptr.h"
#include "http/connection_table.h"

namespace ws::http {

enum class ConnectionEvent {
  opened,
  closed,
  refused_address_cap,
  refused_server_cap,
  header_timeout,
  body_timeout,
  idle_timeout,
};

class ConnectionGuard {
 public:
  ConnectionGuard(EdgeLimits limits, GMainContext* context);
  ~ConnectionGuard();
  ConnectionGuard(const ConnectionGuard&) = delete;
  ConnectionGuard& operator=(const ConnectionGuard&) = delete;

  void on_event(std::function<void(ConnectionEvent)> observer) { observer_ = std::move(observer); }

  // At libsoup's "request-started". A new connection beyond a cap is answered
  // 503 and closed there: false, and the message must be left alone.
  bool request_started(SoupServerMessage* message);
  void head_read(SoupServerMessage* message);
  void body_read(SoupServerMessage* message);
  // The answer is written; the connection stays open for the next request.
  void answered(SoupServerMessage* message);

  std::size_t open() const { return table_.open(); }

 private:
  struct Held {
    GObjectPtr<GSocket> socket;  // keeps the key from being reused while tracked
    GObjectPtr<SoupServerMessage> first;  // its "disconnected" tells when the connection goes
    GObjectPtr<SoupServerMessage> current;  // the request being read, if any
    gulong disconnected_handler = 0;
  };
  using Id = ConnectionTable::Id;

  static Id id_of(SoupServerMessage* message);
  bool admit(SoupServerMessage* message, Id id);
  void forget(Id id);
  void close_overdue(Id id, Wait missed);
  void close_abandoned();
  void close_overdue_connections();
  void emit(ConnectionEvent event) const {
    if (observer_) observer_(event);
  }

  ConnectionTable table_;
  std::unordered_map<Id, Held> held_;
  GMainContext* context_;
  GSource* tick_ = nullptr;
  std::function<void(ConnectionEvent)> observer_;
};

// How often deadlines are checked: a twentieth of the shortest timeout,
// between 50 and 500 ms, so a connection is closed at most that late.
std::chrono::milliseconds deadline_check_interval(const EdgeLimits& limits);

}  // namespace ws::http
