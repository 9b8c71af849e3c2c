#pragma once
// The rules no chosen exercise may break, whatever else it has going for it:
// excluded by the request or the profile, bad for an injury, jumping when
// jumps are ruled out, needing equipment the user has not got, working a
// body part the request stays away from, ruled out by a remembered fact
// (unless the sentence asks for it by name: the member speaking now wins).
#include <optional>
#include <string>
#include <vector>

#include "coach/intent.h"
#include "coach/request.h"
#include "coach/resolve.h"
#include "common/domain.h"

namespace ws::coach {

enum class DropReason {
  excluded_by_request,
  excluded_by_profile,
  injury,
  jump,
  remembered,
  equipment,
  avoided_group,
};

struct Dropped {
  std::string name;  // exercise name
  DropReason reason = DropReason::excluded_by_request;
  std::string detail;  // injury key, missing equipment item or avoided group key
  std::size_t fact = 0;  // remembered: index into PlanRequest::facts
};

// Why `exercise` may not be chosen, or nullopt when it may.
std::optional<Dropped> rule_broken(const Exercise& exercise, const Intent& intent,
                                   const Resolved& resolved, const UserContext& user);

// Would the remembered fact rule the exercise out: loading one of its
// injuries, named among its exercises to avoid, jumping when it forbids jumps?
bool rules_out(const Exercise& exercise, const StandingFact& fact);

// Does the exercise work a target group (one of its muscles or categories)?
bool works_group(const Exercise& exercise, const std::string& group_key);

// The exercise's name as words (phrase_words).
NameWords name_words(const Exercise& exercise);

}  // namespace ws::coach
