#include "coach/understand.h"

#include <algorithm>
#include <functional>

#include "coach/lexicon.h"
#include "coach/numbers.h"

namespace ws::coach {
namespace {

constexpr std::size_t kNegationReach = 3;  // "sans trop de sauts": the thing within 3 words
constexpr std::size_t kInjuryReach = 4;    // "my left knee really hurts"

// A body part named in the request: a target unless an injury word is near.
struct BodyPart {
  std::size_t at = 0;
  int clause = 0;
  std::string group;   // target group key, may be empty
  std::string injury;  // injury rule key, may be empty
  bool hurt = false;
};

struct Marker {
  std::size_t at = 0;
  int clause = 0;
};

// One reading of the words at a position: how many tokens, and what it means.
struct Reading {
  std::size_t length = 0;
  std::function<void()> apply;
};

// Keeps the longest reading; on equal length, the first offered.
class Longest {
 public:
  void offer(std::size_t length, std::function<void()> apply) {
    if (length > best_.length) best_ = Reading{length, std::move(apply)};
  }
  std::size_t apply() {
    if (best_.length) best_.apply();
    return best_.length;
  }

 private:
  Reading best_;
};

class Reader {
 public:
  Reader(const Tokens& tokens, const std::vector<NameWords>& names, Intent& intent)
      : t_(tokens), names_(names), intent_(intent), used_(tokens.size(), false) {}

  void run() {
    read_numbers(t_, intent_, used_);
    for (std::size_t i = 0; i < t_.size();) {
      if (t_[i].kind == Token::Kind::clause_break) ++clause_;
      if (used_[i] || !t_[i].is_word()) {
        ++i;
        continue;
      }
      i += read_at(i);
    }
    resolve_body_parts();
  }

 private:
  std::size_t read_at(std::size_t i) {
    if (std::size_t n = vocabulary().negation.match(t_, i)) {
      if (std::size_t scope = read_negated(i + n)) return n + scope;
    }
    Longest reading;
    offer_plain(i, reading);
    std::size_t length = reading.apply();
    if (length) ++intent_.recognised;
    return std::max<std::size_t>(length, 1);
  }

  std::size_t name_at(std::size_t i, NameWords& name) const { return exercise_name_at(t_, i, names_, name); }

  std::size_t group_at(std::size_t i, std::string& key) const {
    return longest_at(t_, i, target_groups(), &TargetGroup::key, key);
  }

  std::size_t injury_at(std::size_t i, std::string& key) const {
    return longest_at(t_, i, injury_rules(), &InjuryRule::key, key);
  }

  std::size_t item_at(std::size_t i, std::string& item) const {
    return longest_at(t_, i, equipment_words(), &EquipmentWord::item, item);
  }

  // After "no" / "sans": the first thing within reach is excluded, and so is
  // each one joined to it by "or" / "ni" ("no burpees or jumping jacks").
  std::size_t read_negated(std::size_t start) {
    std::size_t j = start, limit = start + kNegationReach;
    bool found = false;
    while (j < t_.size() && j < limit && t_[j].kind != Token::Kind::clause_break) {
      Longest reading;
      offer_negated(j, reading);
      std::size_t length = reading.apply();
      if (!length) {
        ++j;
        continue;
      }
      found = true;
      ++intent_.recognised;
      j += length;
      std::size_t conjunction = vocabulary().conjunction.match(t_, j);
      if (!conjunction) break;
      j += conjunction;
      limit = j + kNegationReach;
    }
    return found ? j - start : 0;
  }

  void offer_negated(std::size_t j, Longest& reading) {
    const Vocabulary& v = vocabulary();
    NameWords name;
    if (std::size_t n = name_at(j, name)) {
      reading.offer(n, [this, name] { add_once(intent_.excluded_names, name); });
    }
    reading.offer(v.jump.match(t_, j), [this] { intent_.no_jump = true; });
    reading.offer(v.quiet.match(t_, j), [this] { intent_.no_jump = true; });
    reading.offer(v.equipment_general.match(t_, j), [this] { intent_.equipment.emplace(); });
    std::string item;
    if (std::size_t n = item_at(j, item)) {
      reading.offer(n, [this, item] {
        if (intent_.equipment) intent_.equipment->erase(item);
      });
    }
    std::string group;
    if (std::size_t n = group_at(j, group)) {
      reading.offer(n, [this, group] { add_once(intent_.avoided_groups, group); });
    }
  }

  void offer_plain(std::size_t i, Longest& reading) {
    const Vocabulary& v = vocabulary();
    NameWords name;
    if (std::size_t n = name_at(i, name)) {
      reading.offer(n, [this, name] { add_once(intent_.wanted_names, name); });
    }
    reading.offer(v.quiet.match(t_, i), [this] { intent_.no_jump = true; });
    reading.offer(v.no_equipment.match(t_, i), [this] { intent_.equipment.emplace(); });
    reading.offer(v.full_body.match(t_, i), [this] { intent_.full_body = true; });
    reading.offer(v.tabata.match(t_, i), [this] { read_tabata(); });
    offer_intensity(i, reading);
    reading.offer(v.beginner.match(t_, i), [this] { intent_.level = FitnessLevel::beginner; });
    reading.offer(v.intermediate.match(t_, i),
                  [this] { intent_.level = FitnessLevel::intermediate; });
    reading.offer(v.advanced.match(t_, i), [this] { intent_.level = FitnessLevel::advanced; });
    std::string item;
    if (std::size_t n = item_at(i, item)) {
      reading.offer(n, [this, item] {
        if (!intent_.equipment) intent_.equipment.emplace();
        intent_.equipment->insert(item);
      });
    }
    offer_body_part(i, reading);
    reading.offer(v.injury_marker.match(t_, i),
                  [this, i] { markers_.push_back(Marker{i, clause_}); });
  }

  void offer_intensity(std::size_t i, Longest& reading) {
    const Vocabulary& v = vocabulary();
    // "pas trop dur", "not too easy": a negated intensity means the middle one.
    const bool negated = negated_before(i);
    auto set = [this, negated](Intensity intensity) {
      intent_.intensity = negated ? Intensity::medium : intensity;
    };
    reading.offer(v.high_intensity.match(t_, i), [set] { set(Intensity::high); });
    reading.offer(v.medium_intensity.match(t_, i), [set] { set(Intensity::medium); });
    reading.offer(v.low_intensity.match(t_, i), [set] { set(Intensity::low); });
  }

  bool negated_before(std::size_t i) const {
    for (std::size_t back = 1; back <= 2 && back <= i; ++back) {
      if (t_[i - back].kind == Token::Kind::clause_break) return false;
      if (vocabulary().negation.match(t_, i - back)) return true;
    }
    return false;
  }

  void offer_body_part(std::size_t i, Longest& reading) {
    BodyPart part{i, clause_, {}, {}, false};
    std::size_t length = std::max(group_at(i, part.group), injury_at(i, part.injury));
    reading.offer(length, [this, part] { parts_.push_back(part); });
  }

  void read_tabata() {
    if (!intent_.work_seconds) intent_.work_seconds = 20;
    if (!intent_.rest_seconds) intent_.rest_seconds = 10;
    if (!intent_.intensity) intent_.intensity = Intensity::high;
    add_once(intent_.targets, std::string("hiit"));
  }

  // Each injury word hurts the nearest body part of its clause; the other
  // body parts are what the request aims at.
  void resolve_body_parts() {
    for (const Marker& marker : markers_) {
      BodyPart* nearest = nullptr;
      std::size_t best = kInjuryReach + 1;
      for (BodyPart& part : parts_) {
        std::size_t distance = part.at > marker.at ? part.at - marker.at : marker.at - part.at;
        if (part.clause == marker.clause && distance < best) {
          best = distance;
          nearest = &part;
        }
      }
      if (nearest) nearest->hurt = true;
    }
    for (const BodyPart& part : parts_) {
      if (part.hurt && !part.injury.empty()) add_once(intent_.injuries, part.injury);
      else if (part.hurt) add_once(intent_.avoided_groups, part.group);
      else if (!part.group.empty()) add_once(intent_.targets, part.group);
    }
  }

  const Tokens& t_;
  const std::vector<NameWords>& names_;
  Intent& intent_;
  std::vector<bool> used_;
  int clause_ = 0;
  std::vector<BodyPart> parts_;
  std::vector<Marker> markers_;
};

}  // namespace

std::size_t exercise_name_at(const Tokens& tokens, std::size_t at,
                             const std::vector<NameWords>& catalog_names, NameWords& name) {
  std::size_t best = longest_at(tokens, at, exercise_aliases(), &ExerciseAlias::name, name);
  for (const auto& catalog_name : catalog_names) {
    if (catalog_name.size() > best && phrase_at(tokens, at, catalog_name)) {
      best = catalog_name.size();
      name = catalog_name;
    }
  }
  return best;
}

Intent understand(std::string_view text, const std::vector<NameWords>& catalog_names,
                  Language fallback) {
  Intent intent;
  Tokens tokens = tokenize(text);
  intent.language = detect_language(tokens, text, fallback, intent.language_guessed);
  Reader(tokens, catalog_names, intent).run();
  // A target that the request also rules out is no target.
  std::erase_if(intent.targets, [&](const std::string& key) {
    return std::find(intent.avoided_groups.begin(), intent.avoided_groups.end(), key) !=
           intent.avoided_groups.end();
  });
  return intent;
}

}  // namespace ws::coach
