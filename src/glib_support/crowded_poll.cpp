#include "glib_support/crowded_poll.h"

#include <algorithm>

namespace ws {
namespace {

constexpr guint kCrowded = 1024;
constexpr gint64 kMicrosPerDescriptor = 2;
constexpr gint64 kMostMicros = 50'000;

// When the last poll returned; a context is polled by one thread at a time.
thread_local gint64 last_poll_end = 0;

// Called by GLib with the context unlocked: other threads still attach
// sources meanwhile, and their wake-ups are seen by the poll that follows.
gint spaced_poll(GPollFD* fds, guint count, gint timeout_ms) {
  if (count > kCrowded) {
    gint64 spacing = std::min<gint64>(count * kMicrosPerDescriptor, kMostMicros);
    gint64 wait = last_poll_end + spacing - g_get_monotonic_time();
    if (wait > 0) {
      g_usleep(static_cast<gulong>(wait));
      if (timeout_ms > 0) timeout_ms = std::max<gint>(0, timeout_ms - static_cast<gint>(wait / 1000));
    }
  }
  gint ready = g_poll(fds, count, timeout_ms);
  last_poll_end = g_get_monotonic_time();
  return ready;
}

}  // namespace

void space_out_crowded_iterations(GMainContext* context) { g_main_context_set_poll_func(context, spaced_poll); }

}  // namespace ws
