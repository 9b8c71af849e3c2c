#include "support/fanout_load.h"

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "support/ws_crowd.h"

namespace ws::test {
namespace {

using Clock = std::chrono::steady_clock;

double process_cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

long long nanos(Clock::time_point at) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(at.time_since_epoch()).count();
}

// The number after "\"name\":" in `text`, or -1.
long long field(std::string_view text, std::string_view name) {
  std::string key = "\"" + std::string(name) + "\":";
  auto at = text.find(key);
  if (at == std::string_view::npos) return -1;
  return std::strtoll(text.data() + at + key.size(), nullptr, 10);
}

// What every client received, filled on the crowd's thread under its lock.
struct Tally {
  std::vector<std::vector<std::uint8_t>> seen;  // [client][message]
  std::vector<std::size_t> received;            // per client
  std::vector<long long> latency_us;
  std::size_t delivered = 0;
  std::size_t duplicates = 0;
  Clock::time_point last_delivery{};

  void record(int client, std::string_view text, Clock::time_point at) {
    long long n = field(text, "n");
    long long sent_ns = field(text, "sent_ns");
    auto& row = seen.at(static_cast<std::size_t>(client));
    if (n < 0 || static_cast<std::size_t>(n) >= row.size() || sent_ns < 0) return;
    if (row[static_cast<std::size_t>(n)]++) {
      ++duplicates;
      return;
    }
    ++received[static_cast<std::size_t>(client)];
    ++delivered;
    latency_us.push_back((nanos(at) - sent_ns) / 1000);
    last_delivery = at;
  }
};

std::chrono::microseconds percentile(const std::vector<long long>& sorted, double q) {
  if (sorted.empty()) return std::chrono::microseconds(0);
  auto index = std::min(sorted.size() - 1, static_cast<std::size_t>(q * static_cast<double>(sorted.size())));
  return std::chrono::microseconds(sorted[index]);
}

// Opens the plan's sockets; the crowd indexes of the senders, in order.
std::vector<int> open_class(LiveHubServer& hub, WsCrowd& crowd, const FanoutPlan& plan, FanoutResult& result) {
  std::vector<std::string> paths;
  for (int i = 0; i < plan.clients; ++i) {
    std::string id = std::to_string(i);
    hub.admit("FANOUT", "token-" + id, live::SocketPeer{"fanout-class", "gym", id, "P" + id, false});
    paths.push_back("/live/FANOUT/ws?token=token-" + id);
  }
  std::vector<int> senders;
  auto handshakes = crowd.open(paths);
  for (std::size_t i = 0; i < handshakes.size(); ++i) {
    if (handshakes[i].status != 101) ++result.refused;
    if (static_cast<int>(i) < plan.senders) senders.push_back(handshakes[i].client);
  }
  return senders;
}

// Message n is due n / sends_per_second after the start, from sender
// n % senders; each tick sends what is due.
void send_on_pace(WsCrowd& crowd, const FanoutPlan& plan, const std::vector<int>& senders, std::size_t total,
                  Clock::time_point start) {
  auto pacer = std::find_if(senders.begin(), senders.end(), [](int client) { return client >= 0; });
  if (pacer == senders.end()) return;
  auto next = std::make_shared<std::size_t>(0);
  crowd.run_every(*pacer, std::chrono::milliseconds(1), [&crowd, &plan, senders, total, start, next] {
    auto now = Clock::now();
    double elapsed = std::chrono::duration<double>(now - start).count();
    while (*next < total && static_cast<double>(*next) <= elapsed * plan.sends_per_second) {
      std::size_t n = (*next)++;
      int client = senders[n % senders.size()];
      if (client < 0) continue;
      crowd.send_text(client, std::function<std::string()>([n] {
                        return "{\"type\":\"values\",\"heart_rate\":" + std::to_string(100 + n % 60) +
                               ",\"n\":" + std::to_string(n) + ",\"sent_ns\":" + std::to_string(nanos(Clock::now())) +
                               "}";
                      }));
    }
    return *next < total;
  });
}

void summarize(Tally& tally, Clock::time_point start, FanoutResult& result) {
  result.delivered = tally.delivered;
  result.duplicates = tally.duplicates;
  for (std::size_t received : tally.received) result.clients_complete += received == result.sent ? 1 : 0;
  std::sort(tally.latency_us.begin(), tally.latency_us.end());
  result.p50 = percentile(tally.latency_us, 0.50);
  result.p95 = percentile(tally.latency_us, 0.95);
  result.p99 = percentile(tally.latency_us, 0.99);
  result.max = percentile(tally.latency_us, 1.0);
  result.seconds = std::chrono::duration<double>(tally.last_delivery - start).count();
  if (result.seconds > 0) result.deliveries_per_second = static_cast<double>(result.delivered) / result.seconds;
}

}  // namespace

FanoutResult run_fanout(LiveHubServer& hub, const FanoutPlan& plan) {
  FanoutResult result;
  result.sent = static_cast<std::size_t>(plan.sends_per_second * std::chrono::duration<double>(plan.length).count());
  result.expected = result.sent * static_cast<std::size_t>(plan.clients);
  Tally tally;
  tally.seen.assign(static_cast<std::size_t>(plan.clients), std::vector<std::uint8_t>(result.sent, 0));
  tally.received.assign(static_cast<std::size_t>(plan.clients), 0);
  tally.latency_us.reserve(result.expected);
  std::size_t reachable = result.expected;  // deliveries to the clients that opened; set before any is sent
  WsCrowd crowd(hub.port(), [&tally, &reachable](int client, std::string_view text, Clock::time_point at) {
    tally.record(client, text, at);
    return tally.delivered == reachable;
  }, plan.client_threads > 0 ? plan.client_threads : std::clamp(plan.clients / 50, 1, 32));
  auto senders = open_class(hub, crowd, plan, result);
  reachable = result.expected - result.refused * result.sent;
  auto start = Clock::now();
  double cpu_at_start = process_cpu_seconds();
  double server_cpu_at_start = hub.loop_cpu_seconds();
  send_on_pace(crowd, plan, senders, result.sent, start);
  crowd.wait_until([&] { return tally.delivered >= reachable; }, plan.length + plan.drain_timeout);
  result.cpu_seconds = process_cpu_seconds() - cpu_at_start;
  result.server_cpu_seconds = hub.loop_cpu_seconds() - server_cpu_at_start;
  // The crowd still runs: the tally is read under its lock, in a predicate.
  crowd.wait_until(
      [&] {
        summarize(tally, start, result);
        return true;
      },
      std::chrono::milliseconds(0));
  result.hub = hub.sockets().stats();
  return result;
}

namespace {

double per_delivery_us(double cpu_seconds, std::size_t deliveries) {
  return deliveries > 0 ? cpu_seconds * 1e6 / static_cast<double>(deliveries) : 0.0;
}

}  // namespace

std::string describe(const FanoutPlan& plan, const FanoutResult& r) {
  char line[768];
  std::snprintf(line, sizeof line,
                "%d clients, %d senders, %.0f msg/s in for %.0f s: %zu/%zu delivered (%zu duplicates, %zu refused, "
                "%zu/%d clients complete) over %.1f s, %.0f deliveries/s; delivery p50 %.1f ms, p95 %.1f ms, "
                "p99 %.1f ms, max %.1f ms; longest queue %llu; %.1f CPU-s (%.2f cores, %.1f us a delivery), "
                "of which the server's loop %.1f CPU-s (%.1f us a delivery)",
                plan.clients, plan.senders, plan.sends_per_second,
                std::chrono::duration<double>(plan.length).count(), r.delivered, r.expected, r.duplicates, r.refused,
                r.clients_complete, plan.clients, r.seconds, r.deliveries_per_second, r.p50.count() / 1000.0,
                r.p95.count() / 1000.0, r.p99.count() / 1000.0, r.max.count() / 1000.0,
                static_cast<unsigned long long>(r.hub.max_queued), r.cpu_seconds,
                r.seconds > 0 ? r.cpu_seconds / r.seconds : 0.0,
                per_delivery_us(r.cpu_seconds, r.delivered), r.server_cpu_seconds,
                per_delivery_us(r.server_cpu_seconds, r.delivered));
  return line;
}

}  // namespace ws::test
