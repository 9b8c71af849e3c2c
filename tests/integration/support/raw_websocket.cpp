#include "support/raw_websocket.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <random>

namespace ws::test {
namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

int connect_to(int port, int receive_buffer) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (receive_buffer > 0) setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &receive_buffer, sizeof receive_buffer);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

void send_all(int fd, std::string_view bytes) {
  for (std::size_t sent = 0; sent < bytes.size();) {
    ssize_t n = send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return;
    sent += static_cast<std::size_t>(n);
  }
}

// "HTTP/1.1 101 ...\r\nName: value\r\n..." -> status and lower-case headers.
void parse_head(const std::string& head, HttpReply& reply) {
  reply.status = std::atoi(head.substr(head.find(' ') + 1, 3).c_str());
  for (std::size_t at = head.find("\r\n"); at != std::string::npos && at + 2 < head.size();) {
    std::size_t end = head.find("\r\n", at + 2);
    std::string line = head.substr(at + 2, end - at - 2);
    if (auto colon = line.find(':'); colon != std::string::npos) {
      reply.headers[lower(line.substr(0, colon))] = line.substr(line.find_first_not_of(' ', colon + 1));
    }
    at = end;
  }
}

}  // namespace

int RawWebSocket::Frame::close_code() const {
  if (opcode != kClose || payload.size() < 2) return 0;
  return (static_cast<unsigned char>(payload[0]) << 8) | static_cast<unsigned char>(payload[1]);
}

RawWebSocket::~RawWebSocket() {
  if (fd_ >= 0) close(fd_);
}

HttpReply RawWebSocket::handshake(int port, const std::string& path, const std::map<std::string, std::string>& headers,
                                  int receive_buffer) {
  HttpReply reply;
  fd_ = connect_to(port, receive_buffer);
  if (fd_ < 0) return reply;
  std::string request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                        "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
  for (const auto& [name, value] : headers) request += name + ": " + value + "\r\n";
  send_all(fd_, request + "\r\n");
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  std::size_t end = std::string::npos;
  while ((end = buffer_.find("\r\n\r\n")) == std::string::npos) {
    if (!fill(buffer_.size() + 1, deadline)) return reply;
  }
  parse_head(take(end + 4), reply);
  if (reply.status != 101) {
    std::size_t length = std::stoul(reply.header("content-length").empty() ? "0" : reply.header("content-length"));
    if (fill(length, deadline)) reply.body = take(length);
  }
  return reply;
}

void RawWebSocket::send_frame(std::uint8_t opcode, std::string_view payload, bool fin) {
  std::string frame;
  frame += static_cast<char>((fin ? 0x80 : 0) | opcode);
  if (payload.size() < 126) {
    frame += static_cast<char>(0x80 | payload.size());
  } else if (payload.size() < 65536) {
    frame += static_cast<char>(0x80 | 126);
    frame += static_cast<char>(payload.size() >> 8);
    frame += static_cast<char>(payload.size() & 0xFF);
  } else {
    frame += static_cast<char>(0x80 | 127);
    for (int shift = 56; shift >= 0; shift -= 8) frame += static_cast<char>((payload.size() >> shift) & 0xFF);
  }
  thread_local std::mt19937 random{std::random_device{}()};
  char mask[4];
  for (char& m : mask) m = static_cast<char>(random());
  frame.append(mask, 4);
  for (std::size_t i = 0; i < payload.size(); ++i) frame += static_cast<char>(payload[i] ^ mask[i % 4]);
  send_all(fd_, frame);
}

std::optional<RawWebSocket::Frame> RawWebSocket::read_frame(std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  if (!fill(2, deadline)) return std::nullopt;
  std::size_t length = static_cast<unsigned char>(buffer_[1]) & 0x7F;
  std::size_t header = 2;
  if (length >= 126) {
    header = length == 126 ? 4 : 10;
    if (!fill(header, deadline)) return std::nullopt;
    length = 0;
    for (std::size_t i = 2; i < header; ++i) length = (length << 8) | static_cast<unsigned char>(buffer_[i]);
  }
  if (!fill(header + length, deadline)) return std::nullopt;  // servers do not mask
  Frame frame;
  frame.fin = (buffer_[0] & 0x80) != 0;
  frame.opcode = buffer_[0] & 0x0F;
  take(header);
  frame.payload = take(length);
  return frame;
}

std::optional<RawWebSocket::Frame> RawWebSocket::read_until_close(std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (auto frame = read_frame(std::chrono::duration_cast<std::chrono::milliseconds>(
             deadline - std::chrono::steady_clock::now()))) {
    if (frame->opcode == kClose) return frame;
  }
  return std::nullopt;
}

bool RawWebSocket::fill(std::size_t wanted, std::chrono::steady_clock::time_point deadline) {
  char chunk[65536];
  while (buffer_.size() < wanted) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    pollfd readable{fd_, POLLIN, 0};
    if (left.count() <= 0 || poll(&readable, 1, static_cast<int>(left.count())) <= 0) return false;
    ssize_t n = recv(fd_, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buffer_.append(chunk, static_cast<std::size_t>(n));
  }
  return true;
}

std::string RawWebSocket::take(std::size_t count) {
  std::string taken = buffer_.substr(0, count);
  buffer_.erase(0, count);
  return taken;
}

}  // namespace ws::test
