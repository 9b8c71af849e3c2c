#pragma once
// A TCP connection to the server that the test drives byte by byte, from a
// chosen loopback address (127.0.0.2, 127.0.0.3, ... are all this host, and
// count as different clients): for holding connections open, trickling a
// request, and timing when the server answers or closes.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <string>

namespace ws::test {

class RawConnection {
 public:
  using Clock = std::chrono::steady_clock;

  RawConnection(int port, const std::string& from = "127.0.0.1") {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in local{};
    local.sin_family = AF_INET;
    inet_pton(AF_INET, from.c_str(), &local.sin_addr);
    sockaddr_in server{};
    server.sin_family = AF_INET;
    server.sin_port = htons(static_cast<uint16_t>(port));
    inet_pton(AF_INET, "127.0.0.1", &server.sin_addr);
    connected_ = bind(fd_, reinterpret_cast<sockaddr*>(&local), sizeof local) == 0 &&
                 connect(fd_, reinterpret_cast<sockaddr*>(&server), sizeof server) == 0;
    opened_ = Clock::now();
  }
  ~RawConnection() { close(); }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool connected() const { return connected_; }
  Clock::time_point opened_at() const { return opened_; }

  // False once the server has closed its end (MSG_NOSIGNAL: no SIGPIPE).
  bool send(const std::string& bytes) {
    for (std::size_t sent = 0; sent < bytes.size();) {
      ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return false;
      sent += static_cast<std::size_t>(n);
    }
    return true;
  }

  // Reads what the server writes until it closes the connection (true) or
  // `limit` passes (false); what was read is in received().
  bool wait_for_close(std::chrono::milliseconds limit) {
    auto deadline = Clock::now() + limit;
    while (!closed_by_server_) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
      if (left.count() <= 0) return false;
      read_some(left);
    }
    return true;
  }

  // Reads until `text` arrives (at or after `from` in what was received), or
  // `limit` passes; false when the server closed first or time ran out.
  bool wait_for_text(const std::string& text, std::size_t from, std::chrono::milliseconds limit) {
    auto deadline = Clock::now() + limit;
    while (received_.find(text, from) == std::string::npos) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
      if (left.count() <= 0 || !read_some(left)) return false;
    }
    return true;
  }

  const std::string& received() const { return received_; }
  // When the server closed the connection (meaningful once wait_for_close
  // returned true).
  Clock::time_point closed_at() const { return closed_; }
  // The status of the first answer received, 0 when none.
  int status() const { return received_.size() >= 12 ? std::atoi(received_.substr(9, 3).c_str()) : 0; }

  void close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  // False when the server closed (or reset) the connection.
  bool read_some(std::chrono::milliseconds limit) {
    if (closed_by_server_) return false;
    pollfd ready{fd_, POLLIN, 0};
    if (poll(&ready, 1, static_cast<int>(limit.count())) <= 0) return true;
    char buf[4096];
    ssize_t n = read(fd_, buf, sizeof buf);
    if (n > 0) {
      received_.append(buf, static_cast<std::size_t>(n));
      return true;
    }
    closed_ = Clock::now();
    closed_by_server_ = true;
    return false;
  }

  int fd_ = -1;
  bool connected_ = false;
  Clock::time_point opened_;
  Clock::time_point closed_;
  bool closed_by_server_ = false;
  std::string received_;
};

}  // namespace ws::test
