#pragma once
// The words the coach knows, in French and English, as data: target groups
// (muscles and categories), injuries (what to stay away from), exercise
// aliases, equipment, intensity, level and the little words around them.
// Every phrase is stored as tokenize() makes it, so matching is word by word.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "coach/intent.h"
#include "coach/text.h"

namespace ws::coach {

// A list of phrases; match() gives the length (in tokens) of the longest one
// starting at a position, 0 when none does.
class Phrases {
 public:
  Phrases(std::initializer_list<const char*> phrases);
  std::size_t match(const Tokens& tokens, std::size_t at) const;

 private:
  std::vector<std::vector<std::string>> phrases_;
};

// The longest phrase of `entries` (each with a `words` member) starting at
// tokens[at]; `out` gets that entry's `value` member. 0 when none matches.
template <class Entry, class Value>
std::size_t longest_at(const Tokens& tokens, std::size_t at, const std::vector<Entry>& entries,
                       Value Entry::*value, Value& out) {
  std::size_t best = 0;
  for (const Entry& entry : entries) {
    if (std::size_t n = entry.words.match(tokens, at); n > best) {
      best = n;
      out = entry.*value;
    }
  }
  return best;
}

// Appends `value` unless the list has it: keys found in order, each once.
template <class T>
void add_once(std::vector<T>& list, const T& value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

struct Label {
  const char* en;
  const char* fr;
  const char* in(Language language) const { return language == Language::fr ? fr : en; }
};

// A part of the body or a kind of training a request can aim at.
struct TargetGroup {
  std::string key;
  Phrases words;
  std::set<std::string> muscles;     // metadata.muscles_targeted values
  std::set<std::string> categories;  // category names
  Label label;
};
const std::vector<TargetGroup>& target_groups();
const TargetGroup* find_target_group(const std::string& key);
// The labels of the known groups among `keys`, in order.
std::vector<std::string> group_labels(const std::vector<std::string>& keys, Language language);

// A sore or injured body part and what it rules out.
struct InjuryRule {
  std::string key;
  Phrases words;
  std::set<std::string> avoid_muscles;
  std::vector<NameWords> avoid_names;  // exercises that load the part without naming its muscle
  bool no_jump = false;
  Label label;
};
const std::vector<InjuryRule>& injury_rules();
const InjuryRule* find_injury_rule(const std::string& key);

// French and colloquial names of exercises -> words of catalog names.
struct ExerciseAlias {
  Phrases words;
  NameWords name;
};
const std::vector<ExerciseAlias>& exercise_aliases();

struct EquipmentWord {
  Phrases words;
  std::string item;  // metadata.equipment_needed value
  Label label;
};
const std::vector<EquipmentWord>& equipment_words();
const EquipmentWord* find_equipment(const std::string& item);
// Equipment every home has (a mat can be a towel): never a reason to drop an exercise.
const std::set<std::string>& always_available_equipment();

struct Vocabulary {
  Phrases negation;           // "no", "sans", "pas de", "without", "except"
  Phrases conjunction;        // "or", "and", "ni": a negation goes on over a list
  Phrases injury_marker;      // "hurt", "mal", "douleur"
  Phrases jump;               // under a negation: no jumps
  Phrases quiet;              // "low impact", "appartement": no jumps by themselves
  Phrases no_equipment;       // "bodyweight", "poids du corps"
  Phrases equipment_general;  // under a negation: no equipment at all
  Phrases full_body;
  Phrases high_intensity, medium_intensity, low_intensity;
  Phrases beginner, intermediate, advanced;
  Phrases tabata;
  Phrases minute_unit, hour_unit, second_unit, half, quarter_hour, hour_word, half_hour;
  Phrases round_unit, exercise_unit, rest_word;
  Phrases french_marker, english_marker;
};
const Vocabulary& vocabulary();

}  // namespace ws::coach
