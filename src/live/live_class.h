#pragma once
// A live class as every live part reads it: which gym and workout, its join
// code, its state and clock, and when it expires. The routes change it with
// the coach's actions (start, pause, resume, end), the stream turns its clock
// into a window of segments, the messages announce it.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "live/class_clock.h"

namespace ws::live {

struct LiveClass {
  std::string session_id;
  std::string gym_id;
  std::string workout_id;
  std::string code;
  ClassState state = ClassState::scheduled;
  // While scheduled, starts_at is the announced start and nothing has
  // played; start() replaces it with the real one. ended_at is set once ended.
  ClassClock clock;
  Instant expires_at;
};

// The state at `now`: the stored one, but ended once the class has expired
// (the expiry job closes it a few seconds later).
ClassState state_at(const LiveClass& live, Instant now);

// How far into the workout the class is at `now`: the time since the real
// start, less the time spent paused, stopped at the end; zero while
// scheduled.
std::chrono::milliseconds workout_time_at(const LiveClass& live, Instant now);

enum class ClassAction { start, pause, resume, end };
std::string_view to_string(ClassAction action);
std::optional<ClassAction> class_action_from(std::string_view text);

// The class after the coach's `action` at `now`: start (scheduled -> live,
// the clock starting now), pause (live -> paused), resume (paused -> live),
// end (any state but ended -> ended). Anything else, or any action on an
// expired class, is conflict "invalid_transition" naming both.
Result<LiveClass> apply_action(LiveClass live, ClassAction action, Instant now);

// The pauses as stored and sent: [{"from": ISO, "to": ISO | null}], in
// milliseconds UTC. nullopt when the text is not that shape.
std::string pauses_json(const std::vector<Pause>& pauses);
std::optional<std::vector<Pause>> pauses_from_json(std::string_view text);

}  // namespace ws::live
