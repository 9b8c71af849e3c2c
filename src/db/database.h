#pragma once
// The database pool: `pool_size` worker threads, each with its own Connection
// (connected lazily, so the server starts even when PostgreSQL is down).
// Queries never run on the libsoup main loop: handlers submit work here and
// are answered when it is done. The queue is bounded; a full queue refuses.
#include <cstddef>
#include <functional>
#include <future>
#include <memory>
#include <type_traits>
#include <vector>

#include "common/worker_pool.h"
#include "config/config.h"
#include "db/connection.h"

namespace ws::db {

class Database {
 public:
  // pool_size workers and connections, queue_capacity queued tasks at most,
  // connect_timeout_s per connection attempt.
  explicit Database(const config::Database& config);
  ~Database();  // finishes queued work, then closes the connections
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs `work` on a worker with that worker's connection. False when the
  // queue is full or the pool stopped: the caller answers 503. `work` must
  // not throw (a throw is logged and dropped by the pool).
  bool submit(std::function<void(Connection&)> work);

  // Submits and waits: for CLI commands and tests, never from a database
  // worker (it would wait for itself). `fn` returns a Result<T> or a Status;
  // a full queue gives an unavailable "overloaded" error (as http/ answers).
  template <class F>
  auto run_sync(F&& fn) -> std::invoke_result_t<F&, Connection&>;

  struct Stats {
    std::size_t workers = 0;         // = connections
    std::size_t busy = 0;            // connections in use now
    std::size_t queued = 0;          // tasks waiting for a worker
    std::size_t queue_capacity = 0;
  };
  Stats stats() const;

  void stop();  // refuse new work, finish queued work, join the workers

 private:
  std::vector<std::unique_ptr<Connection>> connections_;
  std::size_t queue_capacity_;
  WorkerPool pool_;  // after connections_: its threads stop before they close
};

template <class F>
auto Database::run_sync(F&& fn) -> std::invoke_result_t<F&, Connection&> {
  using R = std::invoke_result_t<F&, Connection&>;
  static_assert(std::is_constructible_v<R, Error>, "run_sync needs a Result<T> or a Status");
  // packaged_task carries a throw back to this thread instead of losing it.
  auto task = std::make_shared<std::packaged_task<R(Connection&)>>(
      [&fn](Connection& c) { return fn(c); });
  auto future = task->get_future();
  if (!submit([task](Connection& c) { (*task)(c); })) {
    return R(make_error(ErrorKind::unavailable, "overloaded",
                        "the database queue is full; retry later"));
  }
  return future.get();
}

}  // namespace ws::db
