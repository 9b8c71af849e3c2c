#include "db/database.h"

namespace ws::db {

namespace {
std::vector<std::unique_ptr<Connection>> make_connections(const config::Database& config) {
  std::vector<std::unique_ptr<Connection>> out;
  for (int i = 0; i < std::max(1, config.pool_size); ++i) {
    out.push_back(std::make_unique<Connection>(config.conninfo()));
  }
  return out;
}
}  // namespace

Database::Database(const config::Database& config)
    : connections_(make_connections(config)),
      pool_("db", connections_.size(), static_cast<std::size_t>(config.queue_capacity)) {}

Database::~Database() { stop(); }

bool Database::submit(std::function<void(Connection&)> work) {
  return pool_.try_submit(
      [this, work = std::move(work)](std::size_t index) { work(*connections_[index]); });
}

void Database::stop() { pool_.stop(); }

}  // namespace ws::db
