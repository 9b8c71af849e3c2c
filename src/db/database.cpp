#include "db/database.h"

#include <algorithm>

namespace ws::db {
namespace {

std::vector<std::unique_ptr<Connection>> make_connections(const config::Database& config) {
  std::vector<std::unique_ptr<Connection>> out;
  std::string conninfo = config.conninfo();
  for (int i = 0; i < std::max(1, config.pool_size); ++i) {
    out.push_back(std::make_unique<Connection>(conninfo, config.connect_timeout_s));
  }
  return out;
}

}  // namespace

Database::Database(const config::Database& config)
    : connections_(make_connections(config)),
      queue_capacity_(static_cast<std::size_t>(std::max(0, config.queue_capacity))),
      pool_("db", connections_.size(), queue_capacity_) {}

Database::~Database() { stop(); }

// The pool hands each task its worker's index: worker i owns connection i, so
// no connection is ever used by two threads.
bool Database::submit(std::function<void(Connection&)> work) {
  return pool_.try_submit(
      [this, work = std::move(work)](std::size_t index) { work(*connections_[index]); });
}

Database::Stats Database::stats() const {
  return {connections_.size(), pool_.busy(), pool_.queued(), queue_capacity_};
}

void Database::stop() { pool_.stop(); }

}  // namespace ws::db
