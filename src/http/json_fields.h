#pragma once
// Reading one field of a request body: the type checks, ranges and error
// messages every parser shares (400 for a wrong shape, 422 for a value out of
// range, the field always named by its JSON path).
#include <map>
#include <set>
#include <string>
#include <vector>

#include <boost/json/value.hpp>

#include "common/result.h"

namespace ws::http {

Error bad_request(const std::string& field, const std::string& what);
Error unprocessable(const std::string& field, const std::string& what,
                    const std::string& code = "invalid_value");

// "config" + "rounds" -> "config.rounds"; "" + "name" -> "name".
std::string join(const std::string& parent, const std::string& key);
// "exercises" + 2 -> "exercises[2]".
std::string at_index(const std::string& parent, std::size_t index);

// Refuses keys the schema does not know: a misspelt "no_jmup" must not pass
// silently and give the user a workout full of jumps.
Status only_known_keys(const boost::json::object& object, const std::set<std::string>& known,
                       const std::string& parent);

Error out_of_range(const std::string& field, long long min, long long max);

// Integers may arrive as 40, 40.0 or 1e20 in JSON: whole values are integers,
// huge ones are out of range (422), fractional ones are not integers (400).
Result<long long> integer_in(const boost::json::value& v, const std::string& field, long long min,
                             long long max);
Result<bool> boolean(const boost::json::value& v, const std::string& field);
Result<std::string> string_of(const boost::json::value& v, const std::string& field, std::size_t min_len,
                              std::size_t max_len);
Result<std::vector<std::string>> string_list(const boost::json::value& v, const std::string& field,
                                             std::size_t max_items, std::size_t max_len);

// The string at `key` of `o`: 400 when missing or not a string, 422 outside
// min..max characters.
Result<std::string> required_string(const boost::json::object& o, const std::string& key, std::size_t min,
                                    std::size_t max);
// `text` without leading and trailing white space.
std::string trimmed(const std::string& text);
// A plausible email address at `key` (required), trimmed.
Result<std::string> email_field(const boost::json::object& o, const std::string& key);

// A whole number of a query string at `key` (`fallback` when absent): 400
// when not one, 422 outside min..max.
Result<int> query_integer(const std::map<std::string, std::string>& query, const std::string& key, int fallback,
                          int min, int max);

}  // namespace ws::http
