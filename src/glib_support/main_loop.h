#pragma once
// The GLib main loop the HTTP server runs on, and the hop back to it from
// other threads: libsoup is not thread-safe, so whatever touches a message
// runs on the thread that runs the loop.
#include <functional>
#include <initializer_list>
#include <memory>
#include <vector>

#include <glib.h>

namespace ws {

// Runs `fn` on the thread that runs `context`'s loop: now when called from
// that thread, else on its next iteration (never on the calling thread, even
// when the loop is not running: it then waits for the loop's next
// iteration). What the caller wrote before the call is visible to `fn`, for
// ThreadSanitizer too. An exception out of `fn` is logged, not thrown
// through GLib.
void run_on_main_loop(GMainContext* context, std::function<void()> fn);

// A GMainLoop on `context` and the Unix signals that stop it; both are
// released with it.
class MainLoop {
 public:
  explicit MainLoop(GMainContext* context);
  ~MainLoop();
  MainLoop(const MainLoop&) = delete;
  MainLoop& operator=(const MainLoop&) = delete;

  GMainContext* context() const { return context_; }

  // From now on, one of `signals` (SIGINT, SIGTERM) quits the loop.
  void quit_on_signals(std::initializer_list<int> signals);
  void run();  // until quit
  // Runs what is pending (answers that workers posted while stopping),
  // without waiting for more.
  void run_pending();

 private:
  struct LoopUnref {
    void operator()(GMainLoop* loop) const { g_main_loop_unref(loop); }
  };

  GMainContext* context_;
  std::unique_ptr<GMainLoop, LoopUnref> loop_;
  std::vector<GSource*> signal_sources_;  // destroyed by the destructor
};

}  // namespace ws
