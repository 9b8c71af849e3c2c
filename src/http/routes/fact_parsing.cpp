#include "http/routes/fact_parsing.h"

#include <cstdio>
#include <regex>

#include "http/json_fields.h"

namespace ws::http {
namespace json = boost::json;
namespace chrono = std::chrono;
namespace {

constexpr std::size_t kMaxSessionIdLength = 200;
constexpr std::size_t kMaxQuoteLength = 2000;

Result<FactCategory> category_named(const std::string& text, const std::string& field) {
  auto category = fact_category_from_string(text);
  if (!category) return unprocessable(field, "must be goal, injury, preference, progress or concern");
  return *category;
}

// A present, non-null value of the body, or nullptr.
const json::value* given(const json::object& o, const char* key) {
  const json::value* v = o.if_contains(key);
  return v && !v->is_null() ? v : nullptr;
}

Result<std::optional<std::string>> optional_text(const json::object& o, const char* key, std::size_t max) {
  const json::value* v = given(o, key);
  if (!v) return std::optional<std::string>();
  WS_ASSIGN_OR_RETURN(std::string text, string_of(*v, key, 1, max));
  return std::optional<std::string>(std::move(text));
}

Result<double> confidence_of(const json::object& o) {
  const json::value* v = given(o, "confidence");
  if (!v) return MemberFact{}.confidence;
  if (!v->is_number()) return bad_request("confidence", "must be a number");
  double confidence = v->to_number<double>();
  if (confidence < 0 || confidence > 1) return unprocessable("confidence", "must be between 0 and 1");
  return confidence;
}

Result<std::optional<std::string>> expiry_of(const json::object& o) {
  const json::value* v = given(o, "expires_at");
  if (!v) return std::optional<std::string>();
  WS_ASSIGN_OR_RETURN(std::string text, string_of(*v, "expires_at", 1, 64));
  auto utc = utc_timestamp(text);
  if (!utc) {
    return unprocessable("expires_at", "must be an ISO 8601 date and time with an offset, e.g. 2030-01-31T18:00:00Z");
  }
  return utc;
}

int number_at(const std::smatch& m, int group) { return std::stoi(m[group].str()); }

// The offset of "Z", "+01:00", "-0530" in seconds east of UTC; nullopt when out of range.
std::optional<int> offset_seconds(const std::string& text) {
  if (text == "Z" || text == "z") return 0;
  int hours = std::stoi(text.substr(1, 2));
  int minutes = std::stoi(text.substr(text.size() - 2));
  if (hours > 23 || minutes > 59) return std::nullopt;
  int seconds = hours * 3600 + minutes * 60;
  return text[0] == '-' ? -seconds : seconds;
}

}  // namespace

Result<FactAddress> parse_fact_address(const std::string& category, const std::string& fact_key) {
  WS_ASSIGN_OR_RETURN(FactCategory parsed, category_named(category, "category"));
  static const std::regex key_shape("[a-z0-9_]{1,64}");
  if (!std::regex_match(fact_key, key_shape)) {
    return unprocessable("fact_key", "must be 1 to 64 characters of a-z, 0-9 and _");
  }
  return FactAddress{parsed, fact_key};
}

Result<std::optional<FactCategory>> parse_fact_filter(const std::map<std::string, std::string>& query) {
  auto it = query.find("category");
  if (it == query.end() || it->second.empty()) return std::optional<FactCategory>();
  WS_ASSIGN_OR_RETURN(FactCategory category, category_named(it->second, "category"));
  return std::optional<FactCategory>(category);
}

Result<MemberFact> parse_fact_write(const json::value& body, const FactAddress& address) {
  const auto& o = body.get_object();
  WS_RETURN_IF_ERROR(
      only_known_keys(o, {"fact_value", "confidence", "source_session_id", "source_quote", "expires_at"}, ""));
  MemberFact fact;
  fact.category = address.category;
  fact.fact_key = address.fact_key;
  const json::value* value = given(o, "fact_value");
  if (!value) return bad_request("fact_value", "is required");
  if (!value->is_object()) return bad_request("fact_value", "must be a JSON object");
  fact.fact_value = *value;
  WS_ASSIGN_OR_RETURN(fact.confidence, confidence_of(o));
  WS_ASSIGN_OR_RETURN(fact.source_session_id, optional_text(o, "source_session_id", kMaxSessionIdLength));
  WS_ASSIGN_OR_RETURN(fact.source_quote, optional_text(o, "source_quote", kMaxQuoteLength));
  WS_ASSIGN_OR_RETURN(fact.expires_at, expiry_of(o));
  return fact;
}

std::optional<std::string> utc_timestamp(std::string_view text) {
  static const std::regex shape(
      R"((\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:[.,]\d{1,9})?([Zz]|[+-]\d{2}:?\d{2}))");
  std::smatch m;
  const std::string subject(text);
  if (!std::regex_match(subject, m, shape)) return std::nullopt;
  chrono::year_month_day day{chrono::year(number_at(m, 1)), chrono::month(number_at(m, 2)),
                             chrono::day(number_at(m, 3))};
  int hour = number_at(m, 4), minute = number_at(m, 5), second = number_at(m, 6);
  auto offset = offset_seconds(m[7].str());
  if (!day.ok() || hour > 23 || minute > 59 || second > 59 || !offset) return std::nullopt;
  auto local = chrono::sys_days(day) + chrono::hours(hour) + chrono::minutes(minute) + chrono::seconds(second);
  auto instant = local - chrono::seconds(*offset);
  int year = static_cast<int>(chrono::year_month_day(chrono::floor<chrono::days>(instant)).year());
  if (year < 1 || year > 9999) return std::nullopt;
  return utc_timestamp(instant);
}

std::string utc_timestamp(chrono::sys_seconds when) {
  auto day_start = chrono::floor<chrono::days>(when);
  chrono::year_month_day day(day_start);
  chrono::hh_mm_ss time(when - day_start);
  char out[32];
  std::snprintf(out, sizeof out, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(day.year()),
                static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()),
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()));
  return out;
}

std::string utc_now() { return utc_timestamp(chrono::floor<chrono::seconds>(chrono::system_clock::now())); }

}  // namespace ws::http
