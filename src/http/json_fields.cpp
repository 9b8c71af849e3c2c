#include "http/json_fields.h"

#include <charconv>
#include <cmath>

namespace ws::http {
namespace json = boost::json;

Error bad_request(const std::string& field, const std::string& what) {
  return make_error(ErrorKind::invalid_argument, "invalid_field", field + ": " + what, field);
}

Error unprocessable(const std::string& field, const std::string& what, const std::string& code) {
  return make_error(ErrorKind::unprocessable, code, field + ": " + what, field);
}

std::string join(const std::string& parent, const std::string& key) {
  return parent.empty() ? key : parent + "." + key;
}

std::string at_index(const std::string& parent, std::size_t index) {
  return parent + "[" + std::to_string(index) + "]";
}

Status only_known_keys(const json::object& object, const std::set<std::string>& known,
                       const std::string& parent) {
  for (const auto& entry : object) {
    std::string key(entry.key());
    if (!known.count(key)) return bad_request(join(parent, key), "unknown field");
  }
  return Status::Ok();
}

Error out_of_range(const std::string& field, long long min, long long max) {
  return unprocessable(field, "must be between " + std::to_string(min) + " and " +
                                  std::to_string(max));
}

Result<long long> integer_in(const json::value& v, const std::string& field, long long min,
                             long long max) {
  if (v.is_uint64()) return out_of_range(field, min, max);  // above int64
  if (v.is_double()) {
    double d = v.get_double();
    if (d != std::floor(d)) return bad_request(field, "must be an integer");
    if (d < static_cast<double>(min) || d > static_cast<double>(max)) {
      return out_of_range(field, min, max);
    }
    return static_cast<long long>(d);
  }
  if (!v.is_int64()) return bad_request(field, "must be an integer");
  long long n = v.get_int64();
  if (n < min || n > max) return out_of_range(field, min, max);
  return n;
}

Result<bool> boolean(const json::value& v, const std::string& field) {
  if (!v.is_bool()) return bad_request(field, "must be true or false");
  return v.get_bool();
}

Result<std::string> string_of(const json::value& v, const std::string& field, std::size_t min_len,
                              std::size_t max_len) {
  if (!v.is_string()) return bad_request(field, "must be a string");
  std::string s(v.get_string());
  if (s.size() < min_len) return unprocessable(field, "must not be empty");
  if (s.size() > max_len) {
    return unprocessable(field, "must be at most " + std::to_string(max_len) + " characters");
  }
  return s;
}

Result<std::vector<std::string>> string_list(const json::value& v, const std::string& field,
                                             std::size_t max_items, std::size_t max_len) {
  if (!v.is_array()) return bad_request(field, "must be an array of strings");
  const auto& array = v.get_array();
  if (array.size() > max_items) {
    return unprocessable(field, "at most " + std::to_string(max_items) + " items");
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < array.size(); ++i) {
    WS_ASSIGN_OR_RETURN(std::string item, string_of(array[i], at_index(field, i), 1, max_len));
    out.push_back(std::move(item));
  }
  return out;
}

Result<std::string> required_string(const json::object& o, const std::string& key, std::size_t min,
                                    std::size_t max) {
  const auto* value = o.if_contains(key);
  if (!value) return bad_request(key, "is required");
  return string_of(*value, key, min, max);
}

std::string trimmed(const std::string& text) {
  auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

Result<std::string> email_field(const json::object& o, const std::string& key) {
  WS_ASSIGN_OR_RETURN(std::string text, required_string(o, key, 1, 255));
  std::string email = trimmed(text);
  auto at = email.find('@');
  bool plausible = at != std::string::npos && at > 0 && at + 1 < email.size() &&
                   email.find_first_of(" \t\r\n") == std::string::npos && email.find('@', at + 1) == std::string::npos;
  if (!plausible) return unprocessable(key, "is not an email address");
  return email;
}

Result<int> query_integer(const std::map<std::string, std::string>& query, const std::string& key, int fallback,
                          int min, int max) {
  auto it = query.find(key);
  if (it == query.end()) return fallback;
  const std::string& text = it->second;
  long long n = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (error == std::errc::result_out_of_range) return out_of_range(key, min, max);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) {
    return bad_request(key, "must be a whole number");
  }
  if (n < min || n > max) return out_of_range(key, min, max);
  return static_cast<int>(n);
}

}  // namespace ws::http
