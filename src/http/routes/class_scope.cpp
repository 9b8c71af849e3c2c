#include "http/routes/class_scope.h"

#include "db/uuid.h"
#include "http/json_fields.h"

namespace ws::http {

Result<std::string> member_posted_for(const db::GymPlace& place, const std::optional<std::string>& named) {
  if (place.role == GymRole::member) {
    const std::string& own = place.member_id.value();
    if (named && db::canonical_uuid(*named) != own) {
      return make_error(ErrorKind::forbidden, "forbidden_member", "member_id: a member posts for themself only",
                        "member_id");
    }
    return own;
  }
  if (!named) return bad_request("member_id", "is required when the staff post for a member");
  return *named;
}

}  // namespace ws::http
