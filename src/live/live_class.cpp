#include "live/live_class.h"

#include <algorithm>
#include <array>
#include <utility>

#include <boost/json.hpp>

#include "common/utc_time.h"

namespace ws::live {
namespace json = boost::json;
namespace {

constexpr std::array<std::pair<ClassAction, std::string_view>, 4> kActionNames{{
    {ClassAction::start, "start"},
    {ClassAction::pause, "pause"},
    {ClassAction::resume, "resume"},
    {ClassAction::end, "end"},
}};

// The state each action needs, and the state it leaves (end: any but ended).
struct Transition {
  ClassAction action;
  std::optional<ClassState> from;
  ClassState to;
};
constexpr std::array<Transition, 4> kTransitions{{
    {ClassAction::start, ClassState::scheduled, ClassState::live},
    {ClassAction::pause, ClassState::live, ClassState::paused},
    {ClassAction::resume, ClassState::paused, ClassState::live},
    {ClassAction::end, std::nullopt, ClassState::ended},
}};

Error refused(ClassAction action, ClassState state) {
  return make_error(ErrorKind::conflict, "invalid_transition",
                    "a class that is " + std::string(to_string(state)) + " cannot " + std::string(to_string(action)),
                    "state");
}

// Milliseconds of [from, to) that fall before `until`.
std::chrono::milliseconds overlap_before(Instant from, std::optional<Instant> to, Instant until) {
  Instant end = std::min(to.value_or(until), until);
  return end > from ? end - from : std::chrono::milliseconds(0);
}

void enter(LiveClass& live, ClassAction action, Instant now) {
  switch (action) {
    case ClassAction::start:
      live.clock.starts_at = now;
      live.clock.pauses.clear();
      break;
    case ClassAction::pause:
      live.clock.pauses.push_back({now, std::nullopt});
      break;
    case ClassAction::resume:
      live.clock.pauses.back().to = now;
      break;
    case ClassAction::end:
      live.clock.ended_at = now;
      break;
  }
}

std::optional<Instant> instant_of(const json::value& v) {
  if (!v.is_string()) return std::nullopt;
  return utc_instant(std::string_view(v.get_string()));
}

}  // namespace

ClassState state_at(const LiveClass& live, Instant now) {
  if (live.state != ClassState::ended && now >= live.expires_at) return ClassState::ended;
  return live.state;
}

std::chrono::milliseconds workout_time_at(const LiveClass& live, Instant now) {
  if (live.state == ClassState::scheduled) return std::chrono::milliseconds(0);
  Instant until = std::min(now, live.clock.ended_at.value_or(now));
  if (until <= live.clock.starts_at) return std::chrono::milliseconds(0);
  std::chrono::milliseconds elapsed = until - live.clock.starts_at;
  for (const Pause& pause : live.clock.pauses) elapsed -= overlap_before(pause.from, pause.to, until);
  return std::max(elapsed, std::chrono::milliseconds(0));
}

std::string_view to_string(ClassAction action) {
  for (const auto& [value, name] : kActionNames) {
    if (value == action) return name;
  }
  return "end";
}

std::optional<ClassAction> class_action_from(std::string_view text) {
  for (const auto& [value, name] : kActionNames) {
    if (name == text) return value;
  }
  return std::nullopt;
}

Result<LiveClass> apply_action(LiveClass live, ClassAction action, Instant now) {
  ClassState state = state_at(live, now);
  for (const Transition& t : kTransitions) {
    if (t.action != action) continue;
    bool allowed = t.from ? state == *t.from : state != ClassState::ended;
    if (!allowed) return refused(action, state);
    enter(live, action, now);
    live.state = t.to;
    return live;
  }
  return refused(action, state);
}

std::string pauses_json(const std::vector<Pause>& pauses) {
  json::array out;
  for (const Pause& pause : pauses) {
    json::value to = pause.to ? json::value(utc_timestamp_millis(*pause.to)) : json::value(nullptr);
    out.push_back(json::object{{"from", utc_timestamp_millis(pause.from)}, {"to", std::move(to)}});
  }
  return json::serialize(out);
}

std::optional<std::vector<Pause>> pauses_from_json(std::string_view text) {
  boost::system::error_code ec;
  json::value parsed = json::parse(text, ec);
  if (ec || !parsed.is_array()) return std::nullopt;
  std::vector<Pause> pauses;
  for (const json::value& item : parsed.get_array()) {
    if (!item.is_object()) return std::nullopt;
    const json::object& o = item.get_object();
    auto from = o.contains("from") ? instant_of(o.at("from")) : std::nullopt;
    if (!from) return std::nullopt;
    std::optional<Instant> to;
    if (o.contains("to") && !o.at("to").is_null()) {
      to = instant_of(o.at("to"));
      if (!to) return std::nullopt;
    }
    pauses.push_back({*from, to});
  }
  return pauses;
}

}  // namespace ws::live
