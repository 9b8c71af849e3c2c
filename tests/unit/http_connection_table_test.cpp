// The bookkeeping behind the connection caps and timeouts, on plain time points.
#include "http/connection_table.h"

#include <gtest/gtest.h>

namespace ws::http {
namespace {

using namespace std::chrono_literals;
using Admission = ConnectionTable::Admission;

const ConnectionTable::Time t0{};

EdgeLimits limits(std::size_t total, std::size_t per_address) {
  EdgeLimits l;
  l.header_timeout = 10s;
  l.body_timeout = 30s;
  l.idle_timeout = 60s;
  l.max_connections = total;
  l.max_connections_per_address = per_address;
  return l;
}

std::vector<std::pair<ConnectionTable::Id, Wait>> late(const ConnectionTable& table, ConnectionTable::Time now) {
  std::vector<std::pair<ConnectionTable::Id, Wait>> out;
  for (auto [id, missed] : table.overdue(now)) out.emplace_back(id, missed);
  std::sort(out.begin(), out.end());
  return out;
}

TEST(ConnectionTable, CapsPerAddressAndInAll) {
  ConnectionTable table(limits(3, 2));
  EXPECT_EQ(table.admit(1, "10.0.0.1", t0), Admission::admitted);
  EXPECT_EQ(table.admit(2, "10.0.0.1", t0), Admission::admitted);
  EXPECT_EQ(table.admit(3, "10.0.0.1", t0), Admission::address_full);
  EXPECT_EQ(table.admit(4, "10.0.0.2", t0), Admission::admitted);  // another address still gets in
  EXPECT_EQ(table.admit(5, "10.0.0.3", t0), Admission::server_full);
  EXPECT_EQ(table.open(), 3u);
  EXPECT_EQ(table.open_from("10.0.0.1"), 2u);
  EXPECT_FALSE(table.tracks(3));
  table.closed(1);
  EXPECT_EQ(table.open_from("10.0.0.1"), 1u);
  EXPECT_EQ(table.admit(6, "10.0.0.1", t0), Admission::admitted);
  table.closed(6);
  table.closed(2);
  table.closed(2);  // twice: no effect
  EXPECT_EQ(table.open_from("10.0.0.1"), 0u);
  EXPECT_EQ(table.open(), 1u);
}

TEST(ConnectionTable, ZeroMeansNoCapPerAddress) {
  ConnectionTable table(limits(100, 0));
  for (ConnectionTable::Id id = 1; id <= 100; ++id) EXPECT_EQ(table.admit(id, "proxy", t0), Admission::admitted);
  EXPECT_EQ(table.admit(101, "proxy", t0), Admission::server_full);
}

TEST(ConnectionTable, EachWaitHasItsOwnDeadline) {
  ConnectionTable table(limits(10, 10));
  table.admit(1, "a", t0);  // its first request's headers are due at 10 s
  table.admit(2, "a", t0);
  table.head_read(2, t0 + 5s);  // its body is due at 35 s
  table.admit(3, "a", t0);
  table.head_read(3, t0 + 1s);
  table.body_read(3);  // the server's turn: never overdue
  table.admit(4, "a", t0);
  table.head_read(4, t0 + 1s);
  table.body_read(4);
  table.answered(4, t0 + 2s);  // idle until 62 s
  EXPECT_TRUE(late(table, t0 + 9s).empty());
  EXPECT_EQ(late(table, t0 + 10s), (std::vector<std::pair<ConnectionTable::Id, Wait>>{{1, Wait::header}}));
  EXPECT_EQ(late(table, t0 + 35s),
            (std::vector<std::pair<ConnectionTable::Id, Wait>>{{1, Wait::header}, {2, Wait::body}}));
  EXPECT_EQ(late(table, t0 + 62s), (std::vector<std::pair<ConnectionTable::Id, Wait>>{
                                       {1, Wait::header}, {2, Wait::body}, {4, Wait::idle}}));
  EXPECT_EQ(late(table, t0 + 1h).size(), 3u);
}

// A client trickling its headers or body gets no more time for each byte:
// the deadline runs from the start of what is awaited.
TEST(ConnectionTable, ProgressDoesNotMoveADeadline) {
  ConnectionTable table(limits(10, 10));
  table.admit(1, "a", t0);
  table.answered(1, t0 + 1s);
  table.request_started(1, t0 + 20s);  // the next request's first byte: headers due at 30 s
  EXPECT_TRUE(late(table, t0 + 29s).empty());
  EXPECT_EQ(late(table, t0 + 30s), (std::vector<std::pair<ConnectionTable::Id, Wait>>{{1, Wait::header}}));
  table.closed(1);
  EXPECT_TRUE(late(table, t0 + 1h).empty());
  table.request_started(1, t0);  // unknown ids are ignored
  EXPECT_FALSE(table.tracks(1));
}

TEST(ConnectionTable, AddressKeys) {
  EXPECT_EQ(address_key("192.0.2.7"), "192.0.2.7");
  EXPECT_EQ(address_key("::ffff:192.0.2.7"), "192.0.2.7");
  EXPECT_EQ(address_key("2001:db8:1:2:3:4:5:6"), "2001:db8:1:2::/64");
  EXPECT_EQ(address_key("2001:db8:1:2:ffff::1"), "2001:db8:1:2::/64");
  EXPECT_EQ(address_key("::1"), "::/64");
  EXPECT_EQ(address_key(""), "");
}

}  // namespace
}  // namespace ws::http
