#include "http/routes/live_parsing.h"

#include "common/utc_time.h"
#include "http/json_fields.h"

namespace ws::http {
namespace json = boost::json;
namespace {

constexpr std::size_t kMaxNameLength = 60;

Result<std::optional<int>> optional_integer(const json::object& o, const std::string& key, int min, int max) {
  auto it = o.find(key);
  if (it == o.end() || it->value().is_null()) return std::optional<int>();
  WS_ASSIGN_OR_RETURN(long long value, integer_in(it->value(), key, min, max));
  return std::optional<int>(static_cast<int>(value));
}

Result<std::optional<Instant>> optional_instant(const json::object& o, const std::string& key) {
  auto it = o.find(key);
  if (it == o.end() || it->value().is_null()) return std::optional<Instant>();
  WS_ASSIGN_OR_RETURN(std::string text, string_of(it->value(), key, 1, 64));
  auto instant = utc_instant(text);
  if (!instant) return unprocessable(key, "must be an ISO 8601 date and time with an offset");
  return std::optional<Instant>(*instant);
}

Result<std::string> person_name(const json::object& o, const std::string& key) {
  WS_ASSIGN_OR_RETURN(std::string name, required_string(o, key, 1, kMaxNameLength));
  name = trimmed(name);
  if (name.empty()) return unprocessable(key, "must not be blank");
  return name;
}

}  // namespace

Result<db::NewLiveSession> parse_new_live_session(const json::value& body, int default_minutes,
                                                  int max_expiry_minutes) {
  const auto& o = body.get_object();
  WS_RETURN_IF_ERROR(only_known_keys(o, {"workout_id", "starts_at", "expires_in_minutes", "trainee_name"}, ""));
  db::NewLiveSession session;
  WS_ASSIGN_OR_RETURN(session.workout_id, required_string(o, "workout_id", 1, 64));
  WS_ASSIGN_OR_RETURN(session.starts_at, optional_instant(o, "starts_at"));
  WS_ASSIGN_OR_RETURN(auto minutes, optional_integer(o, "expires_in_minutes", 1, max_expiry_minutes));
  session.expires_in_minutes = minutes.value_or(default_minutes);
  if (o.contains("trainee_name") && !o.at("trainee_name").is_null()) {
    WS_ASSIGN_OR_RETURN(std::string trainee, person_name(o, "trainee_name"));
    session.trainee_name = trainee;
  }
  return session;
}

Result<std::optional<live::ClassState>> parse_state_filter(const std::optional<std::string>& state) {
  if (!state) return std::optional<live::ClassState>();
  auto parsed = live::class_state_from(*state);
  if (!parsed) return unprocessable("state", "must be scheduled, live, paused or ended");
  return std::optional<live::ClassState>(*parsed);
}

Result<LiveJoin> parse_live_join(const json::value& body) {
  const auto& o = body.get_object();
  WS_RETURN_IF_ERROR(only_known_keys(o, {"code", "name", "max_heart_rate"}, ""));
  LiveJoin join;
  WS_ASSIGN_OR_RETURN(join.code, required_string(o, "code", 1, 16));
  WS_ASSIGN_OR_RETURN(join.name, person_name(o, "name"));
  WS_ASSIGN_OR_RETURN(join.max_heart_rate,
                      optional_integer(o, "max_heart_rate", live::kMinMaxHeartRate, live::kMaxMaxHeartRate));
  return join;
}

Result<live::Vitals> parse_live_values(const json::value& body) {
  if (!body.is_object()) return bad_request("", "the values must be a JSON object");
  const auto& o = body.get_object();
  // A socket's values message is the same object with its type.
  std::set<std::string> known{"type"};
  if (o.contains("type") && o.at("type") != json::value("values")) {
    return bad_request("type", "a values message has the type \"values\"");
  }
  for (const live::VitalField& f : live::vital_fields()) known.insert(std::string(f.name));
  WS_RETURN_IF_ERROR(only_known_keys(o, known, ""));
  live::Vitals vitals;
  for (const live::VitalField& f : live::vital_fields()) {
    WS_ASSIGN_OR_RETURN(vitals.*f.member, optional_integer(o, std::string(f.name), f.min, f.max));
  }
  WS_RETURN_IF_ERROR(live::check_vitals(vitals));
  return vitals;
}

}  // namespace ws::http
