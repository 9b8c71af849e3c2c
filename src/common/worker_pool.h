#pragma once
// A fixed set of threads draining a bounded queue. Bounded on purpose: when the
// queue is full, try_submit() refuses and the caller answers 503 instead of
// letting a backlog grow without limit.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace ws {

// Names the calling thread ("db-0", "clip-warmer"), as top -H, gdb and
// ThreadSanitizer show it. Linux keeps the first 15 characters.
void name_this_thread(const std::string& name);

// Worker i of a pool named "db" is the thread "db-i".
class WorkerPool {
 public:
  // A task gets the index of the worker running it, so a pool can pair each
  // worker with a resource of its own (a database connection, say).
  using Task = std::function<void(std::size_t worker_index)>;

  WorkerPool(std::string name, std::size_t threads, std::size_t queue_capacity);
  ~WorkerPool();  // finishes queued tasks, then joins
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // False when the queue is full or the pool is stopping.
  bool try_submit(Task task);
  void stop();  // refuse new tasks, drain the queue, join the threads

  std::size_t size() const { return threads_.size(); }
  std::size_t queued() const;
  std::size_t busy() const;

 private:
  void run(std::size_t index);

  std::string name_;
  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Task> queue_;
  std::vector<std::thread> threads_;
  std::size_t busy_ = 0;
  bool stopping_ = false;
};

}  // namespace ws
