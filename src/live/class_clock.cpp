#include "live/class_clock.h"

#include <array>
#include <utility>

namespace ws::live {
namespace {

constexpr std::array<std::pair<ClassState, std::string_view>, 4> kStateNames{{
    {ClassState::scheduled, "scheduled"},
    {ClassState::live, "live"},
    {ClassState::paused, "paused"},
    {ClassState::ended, "ended"},
}};

}  // namespace

std::string_view to_string(ClassState state) {
  for (const auto& [value, name] : kStateNames) {
    if (value == state) return name;
  }
  return "ended";
}

std::optional<ClassState> class_state_from(std::string_view text) {
  for (const auto& [value, name] : kStateNames) {
    if (name == text) return value;
  }
  return std::nullopt;
}

}  // namespace ws::live
