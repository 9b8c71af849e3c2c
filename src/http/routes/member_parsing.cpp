#include "http/routes/member_parsing.h"

#include <cctype>
#include <charconv>
#include <chrono>
#include <vector>

#include "http/json_fields.h"

namespace ws::http {
namespace json = boost::json;
namespace {

// Text that must say something: trimmed, not blank, at most Max characters.
template <std::size_t Max>
Result<std::string> text_of(const json::object& o, const std::string& key) {
  WS_ASSIGN_OR_RETURN(std::string text, string_of(o.at(key), key, 1, Max));
  text = trimmed(text);
  if (text.empty()) return unprocessable(key, "must not be blank");
  return text;
}

Result<std::string> date_of(const json::object& o, const std::string& key) {
  WS_ASSIGN_OR_RETURN(std::string text, string_of(o.at(key), key, 0, 64));
  return calendar_date(text, key);
}

// Digits with the usual separators: "+33 6 12 34 56 78", "(514) 555-0199".
bool phone_like(const std::string& text) {
  int digits = 0;
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c))) ++digits;
    else if (std::string_view(" +-().").find(c) == std::string_view::npos) return false;
  }
  return digits >= 3;
}

Result<std::string> phone_of(const json::object& o, const std::string& key) {
  WS_ASSIGN_OR_RETURN(std::string phone, text_of<40>(o, key));
  if (!phone_like(phone)) return unprocessable(key, "is not a phone number");
  return phone;
}

Result<std::string> url_of(const json::object& o, const std::string& key) {
  WS_ASSIGN_OR_RETURN(std::string url, string_of(o.at(key), key, 1, 2000));
  bool web = url.starts_with("https://") || url.starts_with("http://");
  if (!web || url.find_first_of(" \t\r\n") != std::string::npos) {
    return unprocessable(key, "must be an http or https URL");
  }
  return url;
}

Result<Gender> gender_of(const json::object& o, const std::string& key) {
  return choice_of(o.at(key), key, gender_from_string, "male, female, other or prefer_not_to_say");
}

Result<bool> boolean_of(const json::object& o, const std::string& key) { return boolean(o.at(key), key); }

// One field of a member's body: how it is read into a Member, and how a
// patch copies it onto the current row.
struct MemberField {
  const char* key;
  Status (*read)(const json::object&, const std::string&, Member&);
  void (*copy)(Member& to, const Member& from);
};

template <auto Field>
void copy_field(Member& to, const Member& from) {
  to.*Field = from.*Field;
}

template <auto Field, auto Read>
Status read_value(const json::object& o, const std::string& key, Member& m) {
  WS_ASSIGN_OR_RETURN(m.*Field, Read(o, key));
  return Status::Ok();
}

template <auto Field, auto Read>
Status read_nullable(const json::object& o, const std::string& key, Member& m) {
  if (o.at(key).is_null()) {
    (m.*Field).reset();
    return Status::Ok();
  }
  return read_value<Field, Read>(o, key, m);
}

template <auto Field, auto Read>
MemberField non_null(const char* key) {
  return {key, read_value<Field, Read>, copy_field<Field>};
}

template <auto Field, auto Read>
MemberField nullable(const char* key) {
  return {key, read_nullable<Field, Read>, copy_field<Field>};
}

const std::vector<MemberField>& member_fields() {
  static const std::vector<MemberField> fields{
      non_null<&Member::badge_id, text_of<32>>("badge_id"),
      non_null<&Member::first_name, text_of<100>>("first_name"),
      non_null<&Member::last_name, text_of<100>>("last_name"),
      nullable<&Member::email, email_field>("email"),
      nullable<&Member::phone, phone_of>("phone"),
      nullable<&Member::date_of_birth, date_of>("date_of_birth"),
      nullable<&Member::gender, gender_of>("gender"),
      nullable<&Member::profile_photo_url, url_of>("profile_photo_url"),
      non_null<&Member::membership_type, text_of<40>>("membership_type"),
      non_null<&Member::member_since, date_of>("member_since"),
      nullable<&Member::membership_expires, date_of>("membership_expires"),
      non_null<&Member::is_active, boolean_of>("is_active"),
  };
  return fields;
}

std::set<std::string> member_keys() {
  std::set<std::string> keys;
  for (const auto& field : member_fields()) keys.insert(field.key);
  return keys;
}

Result<std::optional<bool>> query_active(const std::map<std::string, std::string>& query) {
  auto it = query.find("active");
  if (it == query.end() || it->second.empty()) return std::optional<bool>();
  if (it->second == "true") return std::optional<bool>(true);
  if (it->second == "false") return std::optional<bool>(false);
  return bad_request("active", "must be true or false");
}

}  // namespace

Result<std::string> calendar_date(const std::string& text, const std::string& field) {
  const Error not_a_date = unprocessable(field, "must be a date YYYY-MM-DD");
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return not_a_date;
  int parts[3] = {0, 0, 0};
  for (auto [index, from, length] : {std::tuple{0, 0, 4}, std::tuple{1, 5, 2}, std::tuple{2, 8, 2}}) {
    const char* begin = text.data() + from;
    auto [end, error] = std::from_chars(begin, begin + length, parts[index]);
    if (error != std::errc() || end != begin + length) return not_a_date;
  }
  std::chrono::year_month_day day{std::chrono::year(parts[0]), std::chrono::month(static_cast<unsigned>(parts[1])),
                                  std::chrono::day(static_cast<unsigned>(parts[2]))};
  if (parts[0] < 1 || !day.ok()) return unprocessable(field, "is not a day of the calendar");
  return text;
}

Result<MemberPatch> parse_member_patch(const json::value& body) {
  const auto& o = body.get_object();
  static const std::set<std::string> keys = member_keys();
  WS_RETURN_IF_ERROR(only_known_keys(o, keys, ""));
  MemberPatch patch;
  for (const auto& field : member_fields()) {
    if (!o.contains(field.key)) continue;
    WS_RETURN_IF_ERROR(field.read(o, field.key, patch.values));
    patch.keys.insert(field.key);
  }
  return patch;
}

Result<Member> patched(Member current, const MemberPatch& patch) {
  for (const auto& field : member_fields()) {
    if (patch.keys.count(field.key)) field.copy(current, patch.values);
  }
  // YYYY-MM-DD texts order as their days do.
  if (current.membership_expires && !current.member_since.empty() &&
      *current.membership_expires < current.member_since) {
    return unprocessable("membership_expires", "must not be before member_since (" + current.member_since + ")");
  }
  return current;
}

Result<Member> parse_new_member(const json::value& body) {
  WS_ASSIGN_OR_RETURN(MemberPatch patch, parse_member_patch(body));
  for (const char* key : {"badge_id", "first_name", "last_name"}) {
    if (!patch.keys.count(key)) return bad_request(key, "is required");
  }
  return patched(Member{}, patch);
}

Result<db::MemberQuery> parse_member_query(const std::map<std::string, std::string>& query) {
  db::MemberQuery out;
  if (auto q = query.find("q"); q != query.end()) {
    out.text = trimmed(q->second);
    if (out.text.size() > 100) return unprocessable("q", "must be at most 100 characters");
  }
  WS_ASSIGN_OR_RETURN(out.active, query_active(query));
  if (auto before = query.find("expires_before"); before != query.end()) {
    WS_ASSIGN_OR_RETURN(out.expires_before, calendar_date(before->second, "expires_before"));
  }
  WS_ASSIGN_OR_RETURN(out.limit, query_integer(query, "limit", 50, 1, 200));
  WS_ASSIGN_OR_RETURN(out.offset, query_integer(query, "offset", 0, 0, 1000000));
  return out;
}

}  // namespace ws::http
