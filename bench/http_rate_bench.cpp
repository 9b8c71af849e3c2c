// Constant-rate HTTP/1.1 load generator: sends GET requests at a fixed rate
// over keep-alive connections and reports latency percentiles. Latency is
// measured from each request's *scheduled* time, so a stalled server cannot
// hide its stalls by slowing the sender down (coordinated omission).
//
// usage: http_rate_bench HOST PORT PATH RATE SECONDS [CONNECTIONS]
// BENCH_AUTHORIZATION=VALUE sends an Authorization header (a route behind sign-in).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Args {
  std::string host;
  int port = 0;
  std::string path;
  double rate = 200;
  double seconds = 30;
  int connections = 8;
};

int connect_to(const Args& a) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(a.port));
  inet_pton(AF_INET, a.host.c_str(), &addr.sin_addr);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return fd;
}

// Reads one response; returns its status, or -1 on a broken connection.
int read_response(int fd, std::string& buffer) {
  std::size_t header_end;
  char chunk[65536];
  while ((header_end = buffer.find("\r\n\r\n")) == std::string::npos) {
    ssize_t n = read(fd, chunk, sizeof chunk);
    if (n <= 0) return -1;
    buffer.append(chunk, static_cast<std::size_t>(n));
  }
  int status = std::atoi(buffer.c_str() + 9);
  std::size_t length = 0;
  std::string headers = buffer.substr(0, header_end);
  for (auto& c : headers) c = static_cast<char>(std::tolower(c));
  if (auto pos = headers.find("content-length:"); pos != std::string::npos) {
    length = std::strtoul(headers.c_str() + pos + 15, nullptr, 10);
  }
  std::size_t total = header_end + 4 + length;
  while (buffer.size() < total) {
    ssize_t n = read(fd, chunk, sizeof chunk);
    if (n <= 0) return -1;
    buffer.append(chunk, static_cast<std::size_t>(n));
  }
  buffer.erase(0, total);
  return status;
}

struct Results {
  std::mutex mutex;
  std::vector<double> latencies_ms;
  std::atomic<long> errors{0};
  std::atomic<long> non_2xx{0};
};

void run_connection(const Args& a, int index, Clock::time_point start, long total,
                    Results& results) {
  int fd = connect_to(a);
  const char* authorization = std::getenv("BENCH_AUTHORIZATION");
  std::string request = "GET " + a.path + " HTTP/1.1\r\nHost: " + a.host + "\r\nConnection: keep-alive\r\n" +
                        (authorization ? std::string("Authorization: ") + authorization + "\r\n" : "") + "\r\n";
  std::string buffer;
  std::vector<double> mine;
  for (long i = index; i < total; i += a.connections) {
    auto scheduled = start + std::chrono::nanoseconds(static_cast<long>(i * 1e9 / a.rate));
    std::this_thread::sleep_until(scheduled);
    if (fd < 0) fd = connect_to(a);
    int status = -1;
    if (fd >= 0 && write(fd, request.data(), request.size()) == (ssize_t)request.size()) {
      status = read_response(fd, buffer);
    }
    if (status < 0) {
      ++results.errors;
      if (fd >= 0) close(fd);
      fd = -1;
      buffer.clear();
      continue;
    }
    if (status < 200 || status >= 400) ++results.non_2xx;
    mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - scheduled).count());
  }
  if (fd >= 0) close(fd);
  std::lock_guard lock(results.mutex);
  results.latencies_ms.insert(results.latencies_ms.end(), mine.begin(), mine.end());
}

double percentile(std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  std::size_t index = static_cast<std::size_t>(p / 100.0 * (sorted.size() - 1) + 0.5);
  return sorted[std::min(index, sorted.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 6) {
    std::fprintf(stderr, "usage: %s HOST PORT PATH RATE SECONDS [CONNECTIONS]\n", argv[0]);
    return 2;
  }
  Args a{argv[1], std::atoi(argv[2]), argv[3], std::atof(argv[4]), std::atof(argv[5]),
         argc > 6 ? std::atoi(argv[6]) : 8};
  long total = static_cast<long>(a.rate * a.seconds);
  Results results;
  auto start = Clock::now() + std::chrono::milliseconds(100);
  std::vector<std::thread> threads;
  for (int c = 0; c < a.connections; ++c) {
    threads.emplace_back(run_connection, std::cref(a), c, start, total, std::ref(results));
  }
  for (auto& t : threads) t.join();
  double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  auto& l = results.latencies_ms;
  std::sort(l.begin(), l.end());
  std::printf("requests=%zu errors=%ld non_2xx=%ld achieved_rate=%.1f/s\n", l.size(),
              results.errors.load(), results.non_2xx.load(), l.size() / elapsed);
  std::printf("latency_ms p50=%.3f p90=%.3f p99=%.3f p99.9=%.3f max=%.3f\n", percentile(l, 50),
              percentile(l, 90), percentile(l, 99), percentile(l, 99.9), l.empty() ? 0 : l.back());
  return results.errors.load() == 0 && results.non_2xx.load() == 0 ? 0 : 1;
}
