#include "common/worker_pool.h"

#include <pthread.h>

#include "common/logging.h"

namespace ws {

void name_this_thread(const std::string& name) { pthread_setname_np(pthread_self(), name.substr(0, 15).c_str()); }

WorkerPool::WorkerPool(std::string name, std::size_t threads, std::size_t queue_capacity)
    : name_(std::move(name)), capacity_(queue_capacity) {
  if (threads == 0) threads = 1;
  threads_.reserve(threads);
  for (std::size_t i = 0; i < threads; ++i) threads_.emplace_back([this, i] { run(i); });
}

WorkerPool::~WorkerPool() { stop(); }

bool WorkerPool::try_submit(Task task) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ || queue_.size() >= capacity_) return false;
    queue_.push_back(std::move(task));
  }
  wake_.notify_one();
  return true;
}

void WorkerPool::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && threads_.empty()) return;
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
  threads_.clear();
}

std::size_t WorkerPool::queued() const {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

std::size_t WorkerPool::busy() const {
  std::lock_guard lock(mutex_);
  return busy_;
}

void WorkerPool::run(std::size_t index) {
  name_this_thread(name_ + "-" + std::to_string(index));
  for (;;) {
    Task task;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping and drained
      task = std::move(queue_.front());
      queue_.pop_front();
      ++busy_;
    }
    try {
      task(index);
    } catch (const std::exception& e) {
      log::get("common")->error("worker pool '{}': task threw: {}", name_, e.what());
    } catch (...) {
      log::get("common")->error("worker pool '{}': task threw a non-exception", name_);
    }
    std::lock_guard lock(mutex_);
    --busy_;
  }
}

}  // namespace ws
