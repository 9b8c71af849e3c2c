#include "glib_support/main_loop.h"

#include <exception>

#include <glib-unix.h>

#include "common/logging.h"
#include "common/thread_handoff.h"
#include "glib_support/crowded_poll.h"

namespace ws {
namespace {

struct Hop {
  std::function<void()> fn;
};

gboolean arrive(gpointer data) {
  auto* hop = static_cast<Hop*>(data);
  // GLib orders the hand-over with its context lock; TSan sees the loop's
  // wake-up only when the loop reads it before dispatching, not when a check
  // already under way finds the new source.
  taken_over(hop);
  try {
    hop->fn();
  } catch (const std::exception& e) {
    log::get("common")->error("main loop task threw: {}", e.what());
  } catch (...) {
    log::get("common")->error("main loop task threw a non-exception");
  }
  return G_SOURCE_REMOVE;
}

void delete_hop(gpointer data) { delete static_cast<Hop*>(data); }

gboolean quit_loop(gpointer loop) {
  log::get("app")->info("signal received, shutting down");
  g_main_loop_quit(static_cast<GMainLoop*>(loop));
  return G_SOURCE_CONTINUE;
}

}  // namespace

void run_on_main_loop(GMainContext* context, std::function<void()> fn) {
  if (g_main_context_is_owner(context)) {
    fn();
    return;
  }
  // An idle source rather than g_main_context_invoke: that one runs `fn` on
  // the calling thread whenever it can acquire the context (between
  // iterations, while the server shuts down).
  auto* hop = new Hop{std::move(fn)};
  handing_over(hop);
  GSource* source = g_idle_source_new();
  g_source_set_priority(source, G_PRIORITY_DEFAULT);
  g_source_set_callback(source, arrive, hop, delete_hop);
  g_source_attach(source, context);
  g_source_unref(source);
}

MainLoop::MainLoop(GMainContext* context) : context_(context), loop_(g_main_loop_new(context, FALSE)) {
  space_out_crowded_iterations(context_);
}

MainLoop::~MainLoop() {
  for (GSource* source : signal_sources_) {
    g_source_destroy(source);
    g_source_unref(source);
  }
}

void MainLoop::quit_on_signals(std::initializer_list<int> signals) {
  for (int signal : signals) {
    GSource* source = g_unix_signal_source_new(signal);
    g_source_set_callback(source, quit_loop, loop_.get(), nullptr);
    g_source_attach(source, context_);
    signal_sources_.push_back(source);  // our reference, dropped by the destructor
  }
}

void MainLoop::run() { g_main_loop_run(loop_.get()); }

void MainLoop::run_pending() {
  while (g_main_context_iteration(context_, FALSE)) {
  }
}

}  // namespace ws
