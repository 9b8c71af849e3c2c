#include "http/routes/fact_parsing.h"

#include <regex>

#include "http/json_fields.h"

namespace ws::http {
namespace json = boost::json;
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

}  // namespace ws::http
