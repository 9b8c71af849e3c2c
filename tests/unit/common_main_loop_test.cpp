#include "glib_support/main_loop.h"

#include <csignal>
#include <thread>

#include <gtest/gtest.h>

namespace ws {
namespace {

struct ContextUnref {
  void operator()(GMainContext* context) const { g_main_context_unref(context); }
};
using ContextPtr = std::unique_ptr<GMainContext, ContextUnref>;

TEST(MainLoop, AHopFromAnotherThreadRunsOnTheLoopsThreadNeverOnTheCaller) {
  ContextPtr context(g_main_context_new());
  std::thread::id ran_on;
  int runs = 0;
  // Nobody owns the context while the worker posts: g_main_context_invoke
  // would run the function right there, on the worker.
  std::thread worker([&] { run_on_main_loop(context.get(), [&] { ran_on = std::this_thread::get_id(), ++runs; }); });
  worker.join();
  EXPECT_EQ(runs, 0);
  while (g_main_context_iteration(context.get(), FALSE)) {
  }
  EXPECT_EQ(runs, 1);
  EXPECT_EQ(ran_on, std::this_thread::get_id());
}

TEST(MainLoop, AHopFromTheLoopsOwnThreadRunsAtOnce) {
  ContextPtr context(g_main_context_new());
  ASSERT_TRUE(g_main_context_acquire(context.get()));
  bool ran = false;
  run_on_main_loop(context.get(), [&] { ran = true; });
  EXPECT_TRUE(ran);
  g_main_context_release(context.get());
}

TEST(MainLoop, ASignalQuitsTheLoopAndPendingHopsRunAfterwards) {
  ContextPtr context(g_main_context_new());
  MainLoop loop(context.get());
  loop.quit_on_signals({SIGUSR1});
  bool answered = false;
  std::thread worker([&] {
    run_on_main_loop(context.get(), [] { std::raise(SIGUSR1); });
  });
  loop.run();  // returns once the signal is handled
  worker.join();
  run_on_main_loop(context.get(), [&] { answered = true; });  // not owned now: queued
  EXPECT_FALSE(answered);
  loop.run_pending();
  EXPECT_TRUE(answered);
}

}  // namespace
}  // namespace ws
