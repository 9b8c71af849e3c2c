#pragma once
// Timeline settings for tests, made as the server makes them: from the
// configuration's defaults (the settings table), through app::timeline_settings.
#include "app/stream_setup.h"
#include "config/config.h"

namespace ws::test {

inline timeline::Settings default_timeline_settings() { return app::timeline_settings(config::defaults()); }

// The same with a first segment as long as the others, as the grid and
// playlist expectations written for equal segments want.
inline timeline::Settings equal_segment_settings() {
  timeline::Settings settings = default_timeline_settings();
  settings.first_segment_seconds = 0;
  return settings;
}

}  // namespace ws::test
