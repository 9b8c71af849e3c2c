#include "support/live_hub_server.h"

#include <time.h>

#include <future>

#include <boost/json/serialize.hpp>

#include "glib_support/main_loop.h"

namespace ws::test {

http::LiveSocketOptions LiveHubServer::test_options() {
  http::LiveSocketOptions options = http::live_socket_options(config::defaults());
  options.ping_interval = std::chrono::seconds(0);
  return options;
}

LiveHubServer::LiveHubServer(http::LiveSocketOptions options, const Clock* clock)
    : context_(g_main_context_new()), loop_(g_main_loop_new(context_, FALSE)) {
  sockets_ = std::make_unique<http::ClassSockets>(context_, std::move(options), clock ? *clock : system_clock_,
                                                  hooks());
  std::promise<int> bound;
  thread_ = std::thread([this, &bound] {
    g_main_context_push_thread_default(context_);
    {
      http::Router router;
      http::add_live_socket_routes(router, *sockets_);
      http::Server server(http::ServerOptions{"127.0.0.1", 0}, std::move(router));
      Status listening = server.listen();
      server_ = &server;
      bound.set_value(listening ? server.port() : -1);
      if (listening) g_main_loop_run(loop_);
      sockets_.reset();  // on its loop, before the server
      server_ = nullptr;
    }
    while (g_main_context_iteration(context_, FALSE)) {
    }
    g_main_context_pop_thread_default(context_);
  });
  port_ = bound.get_future().get();
}

LiveHubServer::~LiveHubServer() {
  workers_.stop();  // its tasks reach the hub
  run_on_main_loop(context_, [this] { g_main_loop_quit(loop_); });
  thread_.join();
  g_main_loop_unref(loop_);
  g_main_context_unref(context_);
}

void LiveHubServer::on_loop(const std::function<void()>& fn) {
  std::promise<void> ran;
  run_on_main_loop(context_, [&] {
    fn();
    ran.set_value();
  });
  ran.get_future().wait();
}

bool LiveHubServer::wait_until(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    bool met = false;
    on_loop([&] { met = done(); });
    if (met) return true;
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::promise<void> later;
    run_on_main_loop(context_, [&] {
      GSource* tick = g_timeout_source_new(1);
      g_source_set_callback(
          tick,
          [](gpointer promise) {
            static_cast<std::promise<void>*>(promise)->set_value();
            return gboolean(G_SOURCE_REMOVE);
          },
          &later, nullptr);
      g_source_attach(tick, context_);
      g_source_unref(tick);
    });
    later.get_future().wait();
  }
}

std::size_t LiveHubServer::drain(std::chrono::milliseconds limit) {
  std::size_t left = 0;
  on_loop([&] { left = server_->drain(limit); });
  return left;
}

double LiveHubServer::loop_cpu_seconds() {
  timespec used{};
  on_loop([&] { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &used); });
  return static_cast<double>(used.tv_sec) + static_cast<double>(used.tv_nsec) / 1e9;
}

void LiveHubServer::admit(const std::string& code, const std::string& token, live::SocketPeer peer) {
  std::lock_guard lock(mutex_);
  tokens_[code + "/" + token] = std::move(peer);
}

std::vector<live::SocketPeer> LiveHubServer::left() const {
  std::lock_guard lock(mutex_);
  return left_;
}

std::string LiveHubServer::values_text(const live::SocketPeer& peer, const boost::json::object& values) {
  return boost::json::serialize(boost::json::object{
      {"type", "values"}, {"participant_id", peer.participant_id}, {"name", peer.display_name}, {"values", values}});
}

void LiveHubServer::authenticate(const std::string& code, const std::string& token,
                                 const http::LiveSocketHooks::Authenticated& done) {
  std::lock_guard lock(mutex_);
  auto found = tokens_.find(code + "/" + token);
  if (found != tokens_.end()) return done(found->second);
  bool known_code = false;
  for (const auto& [key, peer] : tokens_) known_code = known_code || key.starts_with(code + "/");
  if (!known_code) return done(make_error(ErrorKind::not_found, "unknown_code", "no open class has this code"));
  done(make_error(ErrorKind::unauthorized, "invalid_token", "this token does not open this class's socket"));
}

http::LiveSocketHooks LiveHubServer::hooks() {
  http::LiveSocketHooks hooks;
  hooks.authenticate = [this](const std::string& code, const std::string& token,
                              http::LiveSocketHooks::Authenticated done) {
    workers_.try_submit([this, code, token, done](std::size_t) { authenticate(code, token, done); });
  };
  hooks.on_values = [this](const live::SocketPeer& peer, boost::json::object values,
                           http::LiveSocketHooks::ValuesDone done) {
    workers_.try_submit([this, peer, values = std::move(values), done](std::size_t) {
      const auto* heart_rate = values.if_contains("heart_rate");
      if (heart_rate && heart_rate->is_int64() && heart_rate->as_int64() > kMaxHeartRate) {
        return done(make_error(ErrorKind::invalid_argument, "out_of_range", "heart_rate is at most 250",
                               "heart_rate"));
      }
      sockets_->broadcast(peer.session_id, values_text(peer, values));
      done(Status::Ok());
    });
  };
  hooks.on_left = [this](const live::SocketPeer& peer) {
    std::lock_guard lock(mutex_);
    left_.push_back(peer);
  };
  return hooks;
}

}  // namespace ws::test
