#pragma once
// What the database keeps of a live class's clock, and the class's state.
// Shared by the live session routes (which store it), the live stream (which
// turns it into a window of segments) and the real-time messages (which
// announce it). Everything that depends on "now" takes it as an argument, so
// tests drive the class with a clock they control.
#include <chrono>
#include <optional>
#include <string_view>
#include <vector>

#include "common/clock.h"

namespace ws::live {

using ws::Instant;

enum class ClassState { scheduled, live, paused, ended };

std::string_view to_string(ClassState state);
std::optional<ClassState> class_state_from(std::string_view text);

// One pause of the class; `to` is empty while the class is still paused.
struct Pause {
  Instant from;
  std::optional<Instant> to;
};

// The wall-clock start of the class, its pauses in order, and its end (by the
// coach or by expiry). The workout time at a wall-clock instant is the time
// since `starts_at` minus the time spent paused.
struct ClassClock {
  Instant starts_at;
  std::vector<Pause> pauses;
  std::optional<Instant> ended_at;
};

}  // namespace ws::live
