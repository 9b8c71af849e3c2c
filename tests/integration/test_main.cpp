// Integration tests share one process-wide set-up: GStreamer initialised once,
// logs quiet unless WS_TEST_LOG_LEVEL says otherwise.
#include <cstdlib>

#include <gst/gst.h>
#include <gtest/gtest.h>

#include "common/logging.h"
#include "glib_support/gst_logging.h"

int main(int argc, char** argv) {
  gst_init(&argc, &argv);
  const char* level = std::getenv("WS_TEST_LOG_LEVEL");
  ws::log::setup({level ? level : "warn", false});
  ws::log::route_gstreamer_debug();
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
