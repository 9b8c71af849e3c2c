#include "wod/movements.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "wod/movement_rows.h"

namespace ws::wod {
namespace {

std::vector<std::string> split_list(const char* text) {
  std::vector<std::string> items;
  std::string current;
  for (const char* c = text; *c; ++c) {
    if (*c == ',') {
      if (!current.empty()) items.push_back(current);
      current.clear();
    } else if (*c != ' ') {
      current.push_back(*c);
    }
  }
  if (!current.empty()) items.push_back(current);
  return items;
}

Movement movement_of(const MovementRow& row) {
  Movement m;
  m.canonical_name = row.canonical_name;
  m.display_name = row.display_name;
  m.aliases = split_list(row.aliases);
  m.category = row.category;
  m.muscle_groups = split_list(row.muscle_groups);
  m.equipment = split_list(row.equipment);
  m.modality = row.modality;
  m.complexity = row.complexity;
  m.unit = row.unit;
  m.seconds_per_unit = row.seconds_per_unit;
  m.seconds_per_calorie = row.seconds_per_calorie;
  if (row.male_kg > 0) m.default_load = MovementLoad{row.male_kg, row.female_kg};
  m.scaling_options = split_list(row.scaling_options);
  return m;
}

std::vector<Movement> build_catalog() {
  std::vector<Movement> rows;
  for (auto table : {gymnastics_rows(), weightlifting_rows(), monostructural_rows()}) {
    for (const MovementRow& row : table) rows.push_back(movement_of(row));
  }
  std::sort(rows.begin(), rows.end(),
            [](const Movement& a, const Movement& b) { return a.canonical_name < b.canonical_name; });
  return rows;
}

// Drops an English plural ending: "pushups" -> "pushup", "snatches" -> "snatch", "press" stays.
std::string singular(std::string word) {
  auto ends = [&](std::string_view tail) { return word.size() > tail.size() + 1 && word.ends_with(tail); };
  if (ends("ches") || ends("shes") || ends("sses") || ends("xes")) {
    word.resize(word.size() - 2);
  } else if (ends("s") && !ends("ss") && !ends("us")) {
    word.pop_back();
  }
  return word;
}

const std::unordered_map<std::string, const Movement*>& index_by_key() {
  static const auto index = [] {
    std::unordered_map<std::string, const Movement*> keys;
    for (const Movement& row : movement_catalog()) {
      keys.emplace(movement_key(row.canonical_name), &row);
      keys.emplace(movement_key(row.display_name), &row);
      for (const std::string& alias : row.aliases) keys.emplace(movement_key(alias), &row);
    }
    return keys;
  }();
  return index;
}

}  // namespace

const std::vector<Movement>& movement_catalog() {
  static const std::vector<Movement> rows = build_catalog();
  return rows;
}

std::string movement_key(std::string_view name) {
  std::string key;
  for (char c : name) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) key.push_back(static_cast<char>(std::tolower(u)));
  }
  return singular(std::move(key));
}

const Movement* find_movement(std::string_view name) {
  const auto& index = index_by_key();
  auto found = index.find(movement_key(name));
  return found == index.end() ? nullptr : found->second;
}

std::string normalised_movement_name(std::string_view name) {
  std::string words;
  for (char c : name) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) words.push_back(static_cast<char>(std::tolower(u)));
    else if (!words.empty() && words.back() != '_') words.push_back('_');
  }
  while (!words.empty() && words.back() == '_') words.pop_back();
  std::size_t last_word = words.rfind('_') == std::string::npos ? 0 : words.rfind('_') + 1;
  return words.substr(0, last_word) + singular(words.substr(last_word));
}

const char* modality_name(Modality modality) {
  switch (modality) {
    case Modality::gymnastics: return "gymnastics";
    case Modality::weightlifting: return "weightlifting";
    case Modality::monostructural: return "monostructural";
  }
  return "gymnastics";
}

const char* work_unit_name(WorkUnit unit) {
  switch (unit) {
    case WorkUnit::rep: return "rep";
    case WorkUnit::metre: return "metre";
    case WorkUnit::calorie: return "calorie";
    case WorkUnit::second: return "second";
  }
  return "rep";
}

}  // namespace ws::wod
