#pragma once
// Which connections are open, from which client address, and by when each
// must make progress: the bookkeeping behind the server's connection caps and
// timeouts. It holds no socket and reads no clock (every call is given the
// time), so its rules are tested with plain time points.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace ws::http {

struct EdgeLimits {
  // A request's line and headers, counted from the connection's start or the
  // request's first byte.
  std::chrono::milliseconds header_timeout{10'000};
  // A request's body, counted from the end of its headers.
  std::chrono::milliseconds body_timeout{30'000};
  // Between the end of an answer and the next request's first byte.
  std::chrono::milliseconds idle_timeout{30'000};
  std::size_t max_connections = 10'000;
  std::size_t max_connections_per_address = 256;  // 0: no cap per address
};

// What a connection is waiting for from its client.
enum class Wait { header, body, idle };

// The key under which a client's connections are counted: an IPv4 address
// as is, an IPv6 address by its /64 (one host commonly holds a whole /64),
// an IPv4-mapped IPv6 address as the IPv4 address; anything else as is.
std::string address_key(const std::string& ip);

class ConnectionTable {
 public:
  using Id = std::uintptr_t;
  using Time = std::chrono::steady_clock::time_point;
  enum class Admission { admitted, address_full, server_full };
  struct Overdue {
    Id id;
    Wait missed;
  };

  explicit ConnectionTable(EdgeLimits limits) : limits_(limits) {}

  // A new connection from `address` (an address_key): counted and waiting
  // for its first request's headers, unless a cap is reached (then nothing
  // is recorded).
  Admission admit(Id id, const std::string& address, Time now);
  bool tracks(Id id) const { return entries_.count(id) != 0; }

  // The first bytes of a request arrived: its headers are due.
  void request_started(Id id, Time now) { wait_for(id, Wait::header, now + limits_.header_timeout); }
  // Its headers are in: its body is due.
  void head_read(Id id, Time now) { wait_for(id, Wait::body, now + limits_.body_timeout); }
  // Its body is in: the server's turn, with no deadline (renders have their own).
  void body_read(Id id);
  // The answer is written and the connection kept: the next request is due.
  void answered(Id id, Time now) { wait_for(id, Wait::idle, now + limits_.idle_timeout); }
  void closed(Id id);

  // Connections whose deadline has passed at `now`, with what each missed.
  std::vector<Overdue> overdue(Time now) const;
  // Connections idle between requests.
  std::vector<Id> idle() const;

  std::size_t open() const { return entries_.size(); }
  std::size_t open_from(const std::string& address) const;

 private:
  struct Entry {
    std::string address;
    Wait waiting_for = Wait::header;
    std::optional<Time> deadline;
  };
  void wait_for(Id id, Wait what, Time deadline);

  EdgeLimits limits_;
  std::unordered_map<Id, Entry> entries_;
  std::unordered_map<std::string, std::size_t> per_address_;
};

}  // namespace ws::http
