#pragma once
// Bytes sent to the server exactly as written: an HTTP client library would
// normalise a path or refuse a malformed request before it left.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <string>

namespace ws::test {

// Sends `request` on a new connection and returns everything the server
// writes until it closes (the request should say `Connection: close`).
inline std::string raw_exchange(int port, const std::string& request) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  timeval limit{30, 0};  // a server that never answers fails the test, not the suite
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    close(fd);
    return {};
  }
  // MSG_NOSIGNAL: a server that closes before reading everything must not kill the test.
  for (std::size_t sent = 0; sent < request.size();) {
    ssize_t n = send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  std::string reply;
  char buf[4096];
  for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0;) reply.append(buf, static_cast<size_t>(n));
  close(fd);
  return reply;
}

// GET `raw_path` byte for byte.
inline std::string raw_get(int port, const std::string& raw_path) {
  return raw_exchange(port, "GET " + raw_path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
}

// The value of header `name` (any case) in a raw reply, empty when absent.
inline std::string raw_header(const std::string& reply, std::string name) {
  std::string lower = reply.substr(0, reply.find("\r\n\r\n"));
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
  auto at = lower.find("\r\n" + name + ":");
  if (at == std::string::npos) return {};
  auto start = reply.find_first_not_of(' ', at + name.size() + 3);
  return reply.substr(start, reply.find("\r\n", start) - start);
}

}  // namespace ws::test
