#pragma once
// Many WebSocket clients (libsoup's, as a real client) on threads of their
// own, each thread with its own main loop: the class socket tests and the
// fan-out bench open them, send on them and watch what arrives from the
// calling thread. Waiting is for events (a message, a close), never for time.
//
// A GLib main loop polls every source it holds at each iteration, so one
// loop for hundreds of sockets spends its time scanning them: the clients
// are spread over `threads` loops.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <libsoup/soup.h>

namespace ws::test {

class WsCrowd {
 public:
  using Clock = std::chrono::steady_clock;
  // Called on a crowd thread, under the crowd's lock, for every text that
  // arrives; true when a waiter should look again (waking the waiting thread
  // for each of tens of thousands of texts a second would slow the crowd).
  using OnMessage = std::function<bool(int client, std::string_view text, Clock::time_point at)>;

  // `on_message` empty: every text is kept for texts(), and every one wakes
  // waiters.
  explicit WsCrowd(int port, OnMessage on_message = {}, int threads = 1);
  ~WsCrowd();
  WsCrowd(const WsCrowd&) = delete;
  WsCrowd& operator=(const WsCrowd&) = delete;

  struct Handshake {
    int client = -1;  // -1: refused
    int status = 0;   // 101 when opened, else the refusal's status
  };
  // Opens one socket per path (query included) at once, each with `headers`
  // (an "Origin" entry becomes the handshake's origin); returns once every
  // handshake has ended.
  std::vector<Handshake> open(const std::vector<std::string>& paths,
                              const std::map<std::string, std::string>& headers = {});
  Handshake open_one(const std::string& path, const std::map<std::string, std::string>& headers = {}) {
    return open({path}, headers).front();
  }

  // From any thread; sent on the client's thread, in call order.
  void send_text(int client, std::string text);
  // The same, the text made on the client's thread right before it is sent
  // (so a send time written in it is the real one).
  void send_text(int client, std::function<std::string()> make_text);
  void send_binary(int client, std::string bytes);
  void close(int client);

  // Calls `tick` on the client's thread every `period` until it returns false
  // (a load's pace: that client's sends from a tick go out at once, in order).
  void run_every(int client, std::chrono::milliseconds period, std::function<bool()> tick);

  // Re-checks `done` (under the crowd's lock) after every event until it
  // holds; false when `timeout` passes first.
  bool wait_until(const std::function<bool()>& done, std::chrono::milliseconds timeout);
  bool wait_for_close(int client, std::chrono::milliseconds timeout);

  std::optional<int> close_code(int client) const;  // the server's close code, once closed
  std::vector<std::string> texts(int client) const;
  std::size_t open_count() const;

 private:
  struct Shard;
  struct Client;
  struct Connecting;
  static void on_connected(GObject* session, GAsyncResult* result, gpointer data);
  static void on_message(SoupWebsocketConnection*, gint type, GBytes* message, gpointer data);
  static void on_closed(SoupWebsocketConnection*, gpointer data);
  void start_connecting(Shard& shard, const std::string& path, const std::map<std::string, std::string>& headers,
                        const std::shared_ptr<Connecting>& batch, std::size_t slot);
  // The client's thread and connection, to hop there and act on it.
  void on_client_loop(int client, std::function<void(SoupWebsocketConnection*)> fn);

  int port_;
  OnMessage on_message_;
  std::vector<std::unique_ptr<Shard>> shards_;
  // Recursive: the accessors lock it, and wait_until's predicates call them
  // with it held.
  mutable std::recursive_mutex mutex_;
  std::condition_variable_any changed_;
  std::vector<std::unique_ptr<Client>> clients_;  // grows under mutex_
};

}  // namespace ws::test
