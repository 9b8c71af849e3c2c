#include "http/routes/wod_parsing.h"

#include <cctype>

#include "http/json_fields.h"
#include "http/routes/member_parsing.h"
#include "wod/ast.h"
#include "wod/movements.h"
#include "wod/parser.h"

namespace ws::http {
namespace json = boost::json;
namespace {

constexpr std::size_t kMaxListItems = 20;
constexpr std::size_t kMaxWords = 10;

// "a,b, c" -> {"a", "b", "c"}; empty items skipped.
std::vector<std::string> comma_list(const std::string& text) {
  std::vector<std::string> out;
  std::string item;
  for (char c : text + ",") {
    if (c != ',') {
      item += c;
      continue;
    }
    if (auto t = trimmed(item); !t.empty()) out.push_back(t);
    item.clear();
  }
  return out;
}

// Each item of a comma list passed through `canonical`.
template <class Canonical>
Result<std::vector<std::string>> list_param(const std::map<std::string, std::string>& query, const std::string& key,
                                            Canonical canonical) {
  std::vector<std::string> out;
  auto it = query.find(key);
  if (it == query.end()) return out;
  auto items = comma_list(it->second);
  if (items.size() > kMaxListItems) return unprocessable(key, "at most 20 items");
  for (const auto& item : items) {
    WS_ASSIGN_OR_RETURN(std::string name, canonical(item, key));
    out.push_back(name);
  }
  return out;
}

// Equipment names are the catalog's snake_case words.
Result<std::string> equipment_name(const std::string& written, const std::string& field) {
  std::string name;
  for (char c : written) {
    if (std::isalnum(static_cast<unsigned char>(c))) name += static_cast<char>(std::tolower(c));
    else if (c == '_' || c == '-' || c == ' ') name += '_';
    else return unprocessable(field, "'" + written + "' is not an equipment name (letters, digits, '_')");
  }
  if (name.size() > 50) return unprocessable(field, "names are at most 50 characters");
  return name;
}

Result<std::string> modality_name(const std::string& written, const std::string& field) {
  for (auto m : {wod::Modality::gymnastics, wod::Modality::weightlifting, wod::Modality::monostructural}) {
    if (written == wod::modality_name(m)) return written;
  }
  return unprocessable(field, "must be gymnastics, weightlifting or monostructural");
}

Result<std::optional<int>> optional_integer(const std::map<std::string, std::string>& query, const std::string& key,
                                            int max) {
  if (!query.count(key)) return std::optional<int>();
  WS_ASSIGN_OR_RETURN(int value, query_integer(query, key, 0, 0, max));
  return std::optional<int>(value);
}

Status ordered(const std::optional<int>& min, const std::optional<int>& max, const std::string& max_key) {
  if (min && max && *max < *min) return unprocessable(max_key, "must not be below its _min");
  return Status::Ok();
}

// q's words: letters and digits (any script), lower-cased; the rest separates.
Result<std::vector<std::string>> words_of(const std::string& q) {
  std::vector<std::string> words;
  std::string word;
  for (char c : q + " ") {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      word += static_cast<char>(std::tolower(u));
    } else if (!word.empty()) {
      words.push_back(word.substr(0, 50));
      word.clear();
    }
  }
  if (words.size() > kMaxWords) return unprocessable("q", "at most 10 words");
  return words;
}

Status parse_ranges(const std::map<std::string, std::string>& query, db::WodQuery& out) {
  WS_ASSIGN_OR_RETURN(out.duration_min, optional_integer(query, "duration_min", 86400));
  WS_ASSIGN_OR_RETURN(out.duration_max, optional_integer(query, "duration_max", 86400));
  WS_RETURN_IF_ERROR(ordered(out.duration_min, out.duration_max, "duration_max"));
  WS_ASSIGN_OR_RETURN(out.difficulty_min, optional_integer(query, "difficulty_min", 100));
  WS_ASSIGN_OR_RETURN(out.difficulty_max, optional_integer(query, "difficulty_max", 100));
  return ordered(out.difficulty_min, out.difficulty_max, "difficulty_max");
}

}  // namespace

Result<std::string> parse_wod_source(const json::value& body) {
  const auto& o = body.get_object();
  WS_RETURN_IF_ERROR(only_known_keys(o, {"source"}, ""));
  const auto* source = o.if_contains("source");
  if (!source) return bad_request("source", "is required");
  WS_ASSIGN_OR_RETURN(std::string text, string_of(*source, "source", 1, wod::ParseLimits{}.max_source_bytes));
  if (trimmed(text).empty()) return unprocessable("source", "must not be blank");
  return text;
}

Result<std::string> canonical_movement(const std::string& written, const std::string& field) {
  if (const wod::Movement* known = wod::find_movement(written)) return known->canonical_name;
  std::string name = wod::normalised_movement_name(written);
  if (name.empty() || written.size() > 100) return unprocessable(field, "'" + written + "' is not a movement name");
  return name;
}

Result<db::WodQuery> parse_wod_query(const std::map<std::string, std::string>& query) {
  db::WodQuery out;
  WS_ASSIGN_OR_RETURN(out.all_movements, list_param(query, "movements", canonical_movement));
  WS_ASSIGN_OR_RETURN(out.any_movements, list_param(query, "any_movements", canonical_movement));
  WS_ASSIGN_OR_RETURN(out.equipment, list_param(query, "equipment", equipment_name));
  WS_ASSIGN_OR_RETURN(out.modalities, list_param(query, "modality", modality_name));
  if (auto form = query.find("form"); form != query.end()) {
    auto kind = wod::form_from_name(form->second);
    if (!kind) return unprocessable("form", "must be AMRAP, ForTime, EMOM, RFT or TABATA");
    out.form = wod::form_name(*kind);
  }
  WS_RETURN_IF_ERROR(parse_ranges(query, out));
  if (auto q = query.find("q"); q != query.end()) {
    if (q->second.size() > 200) return unprocessable("q", "must be at most 200 characters");
    WS_ASSIGN_OR_RETURN(out.words, words_of(q->second));
  }
  WS_ASSIGN_OR_RETURN(out.limit, query_integer(query, "limit", 20, 1, 100));
  WS_ASSIGN_OR_RETURN(out.offset, query_integer(query, "offset", 0, 0, 10000));
  return out;
}

}  // namespace ws::http
