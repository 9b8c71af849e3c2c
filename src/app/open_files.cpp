#include "app/open_files.h"

#include <sys/resource.h>

#include "common/logging.h"

namespace ws::app {

std::size_t connections_within_file_limit(std::size_t wanted) {
  // Clips, segments being written or mapped, GStreamer's pipes, the database
  // pool, logs: measured well under this on a busy server.
  constexpr rlim_t kReserved = 512;
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return wanted;
  if (limit.rlim_cur < limit.rlim_max) {
    rlimit raised{limit.rlim_max, limit.rlim_max};
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
  }
  if (limit.rlim_cur == RLIM_INFINITY) return wanted;
  std::size_t room = limit.rlim_cur > 2 * kReserved ? limit.rlim_cur - kReserved : limit.rlim_cur / 2;
  if (wanted <= room) return wanted;
  log::get("app")->warn("server.max_connections {} lowered to {}: the open-files limit is {} (ulimit -n)", wanted,
                        room, static_cast<unsigned long long>(limit.rlim_cur));
  return room;
}

}  // namespace ws::app
