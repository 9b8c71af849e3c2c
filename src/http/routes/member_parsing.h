#pragma once
// Bodies and query of the member routes, validated completely before any
// database work (400 shape, 422 values; the field named). Dates are
// YYYY-MM-DD days of the calendar.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include <boost/json/value.hpp>

#include "common/gym_domain.h"
#include "common/result.h"
#include "db/member_repository.h"
#include "http/json_fields.h"

namespace ws::http {

// The fields a PATCH sent, parsed; `keys` names them. null clears a nullable
// field; the others refuse null.
struct MemberPatch {
  Member values;
  std::set<std::string> keys;
};
// {"badge_id"?, "first_name"?, "last_name"?, "email"?, "phone"?,
// "date_of_birth"?, "gender"?, "profile_photo_url"?, "membership_type"?,
// "member_since"?, "membership_expires"?, "is_active"?}
Result<MemberPatch> parse_member_patch(const boost::json::value& body);

// `current` with the patch's fields replaced. 422 (field
// "membership_expires") when the membership would end before it began.
Result<Member> patched(Member current, const MemberPatch& patch);

// The fields above, badge_id, first_name and last_name required; the others
// keep Member's defaults (member_since empty: the database's today).
Result<Member> parse_new_member(const boost::json::value& body);

// ?q=&active=true|false&expires_before=YYYY-MM-DD&limit=1..200&offset=>=0
Result<db::MemberQuery> parse_member_query(const std::map<std::string, std::string>& query);

// `text` when it is a YYYY-MM-DD day that exists; 422 naming `field` otherwise.
Result<std::string> calendar_date(const std::string& text, const std::string& field);

// One of an enumeration's names: 400 when `v` is not a string, 422 (listing
// `names`) when it names none.
template <class E>
Result<E> choice_of(const boost::json::value& v, const std::string& field,
                    std::optional<E> (*from_string)(std::string_view), const char* names) {
  if (!v.is_string()) return bad_request(field, "must be a string");
  auto value = from_string(std::string_view(v.get_string()));
  if (!value) return unprocessable(field, std::string("must be ") + names);
  return *value;
}

}  // namespace ws::http
