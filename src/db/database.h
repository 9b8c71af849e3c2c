#pragma once
// The database pool: `pool_size` worker threads, each with its own Connection
// (connected lazily, so the server starts even when PostgreSQL is down).
// Queries never run on the libsoup main loop: handlers submit work here and
// are answered when it is done. The queue is bounded; a full queue refuses.
#include <functional>
#include <future>
#include <memory>
#include <vector>

#include "common/worker_pool.h"
#include "config/config.h"
#include "db/connection.h"

namespace ws::db {

class Database {
 public:
  explicit Database(const config::Database& config);
  ~Database();

  // False when the queue is full or the pool stopped: the caller answers 503.
  bool submit(std::function<void(Connection&)> work);

  // Submits and waits (CLI commands and tests). `fn` returns a Result<T> or a
  // Status; a full queue gives an unavailable error of that type.
  template <class F>
  auto run_sync(F&& fn) -> decltype(fn(std::declval<Connection&>())) {
    using R = decltype(fn(std::declval<Connection&>()));
    auto promise = std::make_shared<std::promise<R>>();
    auto future = promise->get_future();
    bool queued = submit([promise, &fn](Connection& c) {
      try {
        promise->set_value(fn(c));
      } catch (...) {
        promise->set_exception(std::current_exception());
      }
    });
    if (!queued) {
      return R(make_error(ErrorKind::unavailable, "overloaded", "the database queue is full"));
    }
    return future.get();
  }

  void stop();  // finishes queued work, closes connections

  std::size_t pool_size() const { return connections_.size(); }
  std::size_t busy() const { return pool_.busy(); }
  std::size_t queued() const { return pool_.queued(); }

 private:
  std::vector<std::unique_ptr<Connection>> connections_;
  WorkerPool pool_;
};

}  // namespace ws::db
