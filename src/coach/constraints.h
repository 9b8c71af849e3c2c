#pragma once
// The rules no chosen exercise may break, whatever else it has going for it:
// excluded by the request or the profile, bad for an injury, jumping when
// jumps are ruled out, needing equipment the user has not got, working a
// body part the request stays away from.
#include <optional>
#include <string>
#include <vector>

#include "coach/intent.h"
#include "coach/request.h"
#include "coach/resolve.h"
#include "common/domain.h"

namespace ws::coach {

enum class DropReason { excluded_by_request, excluded_by_profile, injury, jump, equipment, avoided_group };

struct Dropped {
  std::string name;  // exercise name
  DropReason reason = DropReason::excluded_by_request;
  std::string detail;  // injury key, missing equipment item or avoided group key
};

// Why `exercise` may not be chosen, or nullopt when it may.
std::optional<Dropped> rule_broken(const Exercise& exercise, const Intent& intent,
                                   const Resolved& resolved, const UserContext& user);

// Does the exercise work a target group (one of its muscles or categories)?
bool works_group(const Exercise& exercise, const std::string& group_key);

// The exercise's name as words (phrase_words).
NameWords name_words(const Exercise& exercise);

}  // namespace ws::coach
