#pragma once
// A WebSocket client on a bare TCP socket, byte for byte, for what a client
// library would not do: frames of any opcode or fragmentation, never
// answering pings, or never reading at all. Blocking, one thread.
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "support/http_client.h"

namespace ws::test {

class RawWebSocket {
 public:
  struct Frame {
    std::uint8_t opcode = 0;
    bool fin = true;
    std::string payload;
    // A close frame's code, 0 when it has none.
    int close_code() const;
  };
  static constexpr std::uint8_t kText = 0x1, kBinary = 0x2, kClose = 0x8, kPing = 0x9, kPong = 0xA;
  static constexpr std::uint8_t kContinuation = 0x0;

  RawWebSocket() = default;
  ~RawWebSocket();
  RawWebSocket(const RawWebSocket&) = delete;
  RawWebSocket& operator=(const RawWebSocket&) = delete;

  // Connects, sends the handshake for `path` (query included) with `headers`
  // on top of the WebSocket ones, and reads the answer (status, headers and,
  // when not 101, the body). `receive_buffer` > 0 sets SO_RCVBUF first, so a
  // reader that stops reading fills up soon.
  HttpReply handshake(int port, const std::string& path, const std::map<std::string, std::string>& headers = {},
                      int receive_buffer = 0);

  // A masked frame, as clients send them.
  void send_frame(std::uint8_t opcode, std::string_view payload, bool fin = true);
  // The next frame, or nothing when none came within `timeout` or the
  // connection ended.
  std::optional<Frame> read_frame(std::chrono::milliseconds timeout);
  // Reads frames until a close frame (its code) or the end (nothing).
  std::optional<Frame> read_until_close(std::chrono::milliseconds timeout);

 private:
  bool fill(std::size_t wanted, std::chrono::steady_clock::time_point deadline);
  std::string take(std::size_t count);

  int fd_ = -1;
  std::string buffer_;  // read and not yet parsed
};

}  // namespace ws::test
