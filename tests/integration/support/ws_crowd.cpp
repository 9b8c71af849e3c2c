#include "support/ws_crowd.h"

#include <future>
#include <thread>

#include "glib_support/main_loop.h"

namespace ws::test {

// One thread with its loop and its libsoup session.
struct WsCrowd::Shard {
  GMainContext* context = g_main_context_new();
  GMainLoop* loop = g_main_loop_new(context, FALSE);
  SoupSession* session = nullptr;  // this thread only
  std::thread thread;

  Shard() {
    std::promise<void> ready;
    thread = std::thread([this, &ready] {
      g_main_context_push_thread_default(context);
      // Handshakes at once (libsoup allows 2 per host by default); no I/O
      // timeout: a quiet class socket stays open.
      session = soup_session_new_with_options("max-conns", 8192, "max-conns-per-host", 8192, "timeout", 0u,
                                              "idle-timeout", 0u, nullptr);
      ready.set_value();
      g_main_loop_run(loop);
      g_object_unref(session);
      while (g_main_context_iteration(context, FALSE)) {
      }
      g_main_context_pop_thread_default(context);
    });
    ready.get_future().wait();
  }
  ~Shard() {
    thread.join();
    g_main_loop_unref(loop);
    g_main_context_unref(context);
  }
};

struct WsCrowd::Client {
  WsCrowd* crowd = nullptr;
  Shard* shard = nullptr;
  int index = 0;
  SoupWebsocketConnection* connection = nullptr;  // one ref, its shard's thread
  std::vector<std::string> texts;
  std::optional<int> close_code;
};

// One open() call: its handshakes' results, filled as they end.
struct WsCrowd::Connecting {
  std::vector<Handshake> results;
  std::size_t pending = 0;
};

namespace {

struct ConnectCall {
  WsCrowd* crowd;
  void* shard;
  std::shared_ptr<void> batch;
  std::size_t slot;
  SoupMessage* message;
};

}  // namespace

WsCrowd::WsCrowd(int port, OnMessage on_message, int threads) : port_(port), on_message_(std::move(on_message)) {
  for (int i = 0; i < std::max(1, threads); ++i) shards_.push_back(std::make_unique<Shard>());
}

WsCrowd::~WsCrowd() {
  for (auto& shard : shards_) {
    std::promise<void> stopped;
    run_on_main_loop(shard->context, [this, &shard, &stopped] {
      std::lock_guard lock(mutex_);
      for (auto& client : clients_) {
        if (client->shard != shard.get() || !client->connection) continue;
        g_signal_handlers_disconnect_by_data(client->connection, client.get());
        g_object_unref(client->connection);
        client->connection = nullptr;
      }
      g_main_loop_quit(shard->loop);
      stopped.set_value();
    });
    stopped.get_future().wait();
  }
  shards_.clear();
}

std::vector<WsCrowd::Handshake> WsCrowd::open(const std::vector<std::string>& paths,
                                              const std::map<std::string, std::string>& headers) {
  auto batch = std::make_shared<Connecting>();
  batch->results.resize(paths.size());
  batch->pending = paths.size();
  for (std::size_t s = 0; s < shards_.size(); ++s) {
    Shard& shard = *shards_[s];
    run_on_main_loop(shard.context, [this, &shard, s, paths, headers, batch] {
      for (std::size_t i = s; i < paths.size(); i += shards_.size()) start_connecting(shard, paths[i], headers, batch, i);
    });
  }
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return batch->pending == 0; });
  return batch->results;
}

void WsCrowd::start_connecting(Shard& shard, const std::string& path, const std::map<std::string, std::string>& headers,
                               const std::shared_ptr<Connecting>& batch, std::size_t slot) {
  std::string url = "ws://127.0.0.1:" + std::to_string(port_) + path;
  SoupMessage* message = soup_message_new("GET", url.c_str());
  std::string origin;
  for (const auto& [name, value] : headers) {
    if (name == "Origin") origin = value;
    else soup_message_headers_replace(soup_message_get_request_headers(message), name.c_str(), value.c_str());
  }
  auto* call = new ConnectCall{this, &shard, batch, slot, message};
  soup_session_websocket_connect_async(shard.session, message, origin.empty() ? nullptr : origin.c_str(), nullptr,
                                       G_PRIORITY_DEFAULT, nullptr, &WsCrowd::on_connected, call);
}

void WsCrowd::on_connected(GObject* session, GAsyncResult* result, gpointer data) {
  std::unique_ptr<ConnectCall> call(static_cast<ConnectCall*>(data));
  WsCrowd* self = call->crowd;
  GError* error = nullptr;
  SoupWebsocketConnection* connection =
      soup_session_websocket_connect_finish(SOUP_SESSION(session), result, &error);
  if (error) g_error_free(error);
  auto* batch = static_cast<Connecting*>(call->batch.get());
  std::lock_guard lock(self->mutex_);
  Handshake& handshake = batch->results[call->slot];
  handshake.status = static_cast<int>(soup_message_get_status(call->message));
  g_object_unref(call->message);
  if (connection) {
    auto client = std::make_unique<Client>();
    client->crowd = self;
    client->shard = static_cast<Shard*>(call->shard);
    client->index = static_cast<int>(self->clients_.size());
    client->connection = connection;
    g_signal_connect(connection, "message", G_CALLBACK(&WsCrowd::on_message), client.get());
    g_signal_connect(connection, "closed", G_CALLBACK(&WsCrowd::on_closed), client.get());
    handshake.client = client->index;
    self->clients_.push_back(std::move(client));
  }
  --batch->pending;
  self->changed_.notify_all();
}

void WsCrowd::on_message(SoupWebsocketConnection*, gint type, GBytes* message, gpointer data) {
  auto* client = static_cast<Client*>(data);
  WsCrowd* self = client->crowd;
  auto at = Clock::now();
  gsize size = 0;
  const auto* bytes = static_cast<const char*>(g_bytes_get_data(message, &size));
  std::string_view text(bytes ? bytes : "", type == SOUP_WEBSOCKET_DATA_TEXT ? size : 0);
  std::lock_guard lock(self->mutex_);
  if (self->on_message_ && !self->on_message_(client->index, text, at)) return;
  if (!self->on_message_) client->texts.emplace_back(text);
  self->changed_.notify_all();
}

void WsCrowd::on_closed(SoupWebsocketConnection* connection, gpointer data) {
  auto* client = static_cast<Client*>(data);
  std::lock_guard lock(client->crowd->mutex_);
  client->close_code = soup_websocket_connection_get_close_code(connection);
  client->crowd->changed_.notify_all();
}

void WsCrowd::on_client_loop(int client, std::function<void(SoupWebsocketConnection*)> fn) {
  std::lock_guard lock(mutex_);
  Client* target = clients_.at(static_cast<std::size_t>(client)).get();
  run_on_main_loop(target->shard->context, [target, fn = std::move(fn)] {
    if (target->connection && soup_websocket_connection_get_state(target->connection) == SOUP_WEBSOCKET_STATE_OPEN) {
      fn(target->connection);
    }
  });
}

void WsCrowd::send_text(int client, std::string text) {
  on_client_loop(client, [text = std::move(text)](SoupWebsocketConnection* connection) {
    soup_websocket_connection_send_text(connection, text.c_str());
  });
}

void WsCrowd::send_text(int client, std::function<std::string()> make_text) {
  on_client_loop(client, [make_text = std::move(make_text)](SoupWebsocketConnection* connection) {
    soup_websocket_connection_send_text(connection, make_text().c_str());
  });
}

void WsCrowd::send_binary(int client, std::string bytes) {
  on_client_loop(client, [bytes = std::move(bytes)](SoupWebsocketConnection* connection) {
    soup_websocket_connection_send_binary(connection, bytes.data(), bytes.size());
  });
}

void WsCrowd::close(int client) {
  on_client_loop(client, [](SoupWebsocketConnection* connection) {
    soup_websocket_connection_close(connection, SOUP_WEBSOCKET_CLOSE_NORMAL, nullptr);
  });
}

void WsCrowd::run_every(int client, std::chrono::milliseconds period, std::function<bool()> tick) {
  std::lock_guard lock(mutex_);
  GMainContext* context = clients_.at(static_cast<std::size_t>(client))->shard->context;
  run_on_main_loop(context, [context, period, tick = std::move(tick)]() mutable {
    GSource* timer = g_timeout_source_new(static_cast<guint>(period.count()));
    g_source_set_callback(
        timer, [](gpointer fn) { return gboolean((*static_cast<std::function<bool()>*>(fn))()); },
        new std::function<bool()>(std::move(tick)), [](gpointer fn) { delete static_cast<std::function<bool()>*>(fn); });
    g_source_attach(timer, context);
    g_source_unref(timer);
  });
}

bool WsCrowd::wait_until(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  return changed_.wait_for(lock, timeout, done);
}

bool WsCrowd::wait_for_close(int client, std::chrono::milliseconds timeout) {
  return wait_until([&] { return close_code(client).has_value(); }, timeout);
}

std::optional<int> WsCrowd::close_code(int client) const {
  std::lock_guard lock(mutex_);
  return clients_.at(static_cast<std::size_t>(client))->close_code;
}

std::vector<std::string> WsCrowd::texts(int client) const {
  std::lock_guard lock(mutex_);
  return clients_.at(static_cast<std::size_t>(client))->texts;
}

std::size_t WsCrowd::open_count() const {
  std::lock_guard lock(mutex_);
  std::size_t open = 0;
  for (const auto& client : clients_) open += client->close_code ? 0 : 1;
  return open;
}

}  // namespace ws::test
