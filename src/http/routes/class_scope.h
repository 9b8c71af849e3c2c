#pragma once
// Whom a booking, result or event posted to a class is for: a member posts
// their own (naming nobody, or themselves); the staff name the member.
#include <optional>
#include <string>

#include "common/result.h"
#include "db/tenancy.h"

namespace ws::http {

// The member the post is for. A member naming another member: 403
// "forbidden_member"; staff naming nobody: 400 (field "member_id").
Result<std::string> member_posted_for(const db::GymPlace& place, const std::optional<std::string>& named);

}  // namespace ws::http
