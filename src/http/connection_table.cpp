#include "http/connection_table.h"

#include <arpa/inet.h>

#include <algorithm>
#include <array>

namespace ws::http {

std::string address_key(const std::string& ip) {
  std::array<unsigned char, 16> bytes{};
  if (inet_pton(AF_INET6, ip.c_str(), bytes.data()) != 1) return ip;  // IPv4, or not an address
  static constexpr std::array<unsigned char, 12> kMappedPrefix{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  char text[INET6_ADDRSTRLEN];
  if (std::equal(kMappedPrefix.begin(), kMappedPrefix.end(), bytes.begin())) {
    return inet_ntop(AF_INET, bytes.data() + 12, text, sizeof text);
  }
  std::fill(bytes.begin() + 8, bytes.end(), 0);
  return std::string(inet_ntop(AF_INET6, bytes.data(), text, sizeof text)) + "/64";
}

ConnectionTable::Admission ConnectionTable::admit(Id id, const std::string& address, Time now) {
  if (entries_.size() >= limits_.max_connections) return Admission::server_full;
  std::size_t& from_address = per_address_[address];
  if (limits_.max_connections_per_address != 0 && from_address >= limits_.max_connections_per_address) {
    return Admission::address_full;
  }
  ++from_address;
  entries_[id] = Entry{address, Wait::header, now + limits_.header_timeout};
  return Admission::admitted;
}

void ConnectionTable::wait_for(Id id, Wait what, Time deadline) {
  auto it = entries_.find(id);
  if (it == entries_.end()) return;
  it->second.waiting_for = what;
  it->second.deadline = deadline;
}

void ConnectionTable::body_read(Id id) {
  if (auto it = entries_.find(id); it != entries_.end()) it->second.deadline.reset();
}

void ConnectionTable::closed(Id id) {
  auto it = entries_.find(id);
  if (it == entries_.end()) return;
  auto count = per_address_.find(it->second.address);
  if (count != per_address_.end() && --count->second == 0) per_address_.erase(count);
  entries_.erase(it);
}

std::vector<ConnectionTable::Overdue> ConnectionTable::overdue(Time now) const {
  std::vector<Overdue> late;
  for (const auto& [id, entry] : entries_) {
    if (entry.deadline && *entry.deadline <= now) late.push_back({id, entry.waiting_for});
  }
  return late;
}

std::vector<ConnectionTable::Id> ConnectionTable::idle() const {
  std::vector<Id> waiting;
  for (const auto& [id, entry] : entries_) {
    if (entry.waiting_for == Wait::idle) waiting.push_back(id);
  }
  return waiting;
}

std::size_t ConnectionTable::open_from(const std::string& address) const {
  auto it = per_address_.find(address);
  return it == per_address_.end() ? 0 : it->second;
}

}  // namespace ws::http
