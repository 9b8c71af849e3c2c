#include "coach/select.h"

#include <algorithm>
#include <functional>
#include <map>

#include "coach/lexicon.h"
#include "coach/understand.h"

namespace ws::coach {
namespace {

constexpr std::size_t kMinTargeted = 3;  // fewer exercises on target than this: fill with others

enum class Region { upper, lower, core, other };

Region region_of(const Exercise& exercise) {
  static const std::map<std::string, Region> regions{
      {"chest", Region::upper},      {"triceps", Region::upper},    {"biceps", Region::upper},
      {"shoulders", Region::upper},  {"back", Region::upper},       {"quadriceps", Region::lower},
      {"glutes", Region::lower},     {"hamstrings", Region::lower}, {"calves", Region::lower},
      {"core", Region::core},        {"hip_flexors", Region::core}, {"lower_back", Region::core}};
  const auto& muscles = exercise.metadata.muscles_targeted;
  if (muscles.empty()) return Region::other;
  auto it = regions.find(muscles.front());  // the first muscle listed is the main one
  return it == regions.end() ? Region::other : it->second;
}

bool only_mobility(const Exercise& exercise) {
  return !exercise.categories.empty() &&
         std::all_of(exercise.categories.begin(), exercise.categories.end(),
                     [](const std::string& c) { return c == "flexibility"; });
}

bool allowed(const std::vector<Difficulty>& window, Difficulty d) {
  return std::find(window.begin(), window.end(), d) != window.end();
}

bool targeted(const Exercise& e, const Intent& intent) {
  return std::any_of(intent.targets.begin(), intent.targets.end(),
                     [&](const std::string& key) { return works_group(e, key); });
}

bool wanted(const Exercise& e, const Intent& intent) {
  NameWords name = name_words(e);
  return std::any_of(intent.wanted_names.begin(), intent.wanted_names.end(),
                     [&](const NameWords& key) { return name_contains(name, key); });
}

class Picker {
 public:
  Picker(const Intent& intent, const Resolved& resolved, const UserContext& user)
      : intent_(intent), resolved_(resolved), user_(user) {}

  // Greedy: the best-scoring candidate each time, ties by name (deterministic).
  std::vector<Exercise> pick(std::vector<Exercise> candidates, std::size_t count) const {
    std::vector<Exercise> chosen;
    while (chosen.size() < count && !candidates.empty()) {
      auto best = std::max_element(candidates.begin(), candidates.end(),
                                   [&](const Exercise& a, const Exercise& b) {
                                     int sa = score(a, chosen), sb = score(b, chosen);
                                     return sa != sb ? sa < sb : a.name > b.name;
                                   });
      chosen.push_back(*best);
      candidates.erase(best);
    }
    return chosen;
  }

 private:
  int score(const Exercise& e, const std::vector<Exercise>& chosen) const {
    int score = 0;
    for (const auto& key : intent_.targets) {
      if (!works_group(e, key)) continue;
      bool covered = std::any_of(chosen.begin(), chosen.end(),
                                 [&](const Exercise& c) { return works_group(c, key); });
      score += covered ? 2 : 10;
    }
    if (intent_.targets.empty() || intent_.full_body) {
      Region region = region_of(e);
      score -= 4 * static_cast<int>(std::count_if(chosen.begin(), chosen.end(), [&](const Exercise& c) {
                 return region_of(c) == region;
               }));
    }
    if (wanted(e, intent_)) score += 8;
    if (favourite(e)) score += 5;
    if (user_.recent_ids.count(e.id)) score -= 6;
    // Harder moves suit a hard session, easier ones a gentle one.
    int rank = static_cast<int>(e.difficulty);
    if (resolved_.intensity == Intensity::high) score += rank;
    if (resolved_.intensity == Intensity::low) score -= rank;
    return score;
  }

  // A favourite of the profile (by id) or of a remembered fact (by name).
  bool favourite(const Exercise& e) const {
    if (user_.favourite_ids.count(e.id)) return true;
    const NameWords name = name_words(e);
    return std::any_of(resolved_.remembered.begin(), resolved_.remembered.end(),
                       [&](const StandingFact& fact) { return favours(fact, name); });
  }

  const Intent& intent_;
  const Resolved& resolved_;
  const UserContext& user_;
};

// Two neighbours of the same region apart when another order allows it.
std::vector<Exercise> alternate_regions(std::vector<Exercise> picked) {
  std::vector<Exercise> ordered;
  while (!picked.empty()) {
    auto next = picked.begin();
    if (!ordered.empty()) {
      Region last = region_of(ordered.back());
      auto other = std::find_if(picked.begin(), picked.end(),
                                [&](const Exercise& e) { return region_of(e) != last; });
      if (other != picked.end()) next = other;
    }
    ordered.push_back(*next);
    picked.erase(next);
  }
  return ordered;
}

// The next difficulty outside the window: easier first, never "hard" for a beginner.
std::optional<Difficulty> widen_step(const std::vector<Difficulty>& window, FitnessLevel level) {
  int low = static_cast<int>(window.front()), high = static_cast<int>(window.back());
  if (low > 0) return static_cast<Difficulty>(low - 1);
  if (high < 2 && !(level == FitnessLevel::beginner && high + 1 == 2)) {
    return static_cast<Difficulty>(high + 1);
  }
  return std::nullopt;
}

class Selector {
 public:
  Selector(const std::vector<Exercise>& catalog, const Intent& intent, const Resolved& resolved,
           const UserContext& user)
      : catalog_(catalog), intent_(intent), resolved_(resolved), user_(user) {}

  Result<Selection> run() {
    std::vector<Exercise> pool = apply_rules();
    if (pool.empty()) {
      return make_error(ErrorKind::unprocessable, "no_matching_exercise",
                        "no exercise of the catalog fits these constraints", "user_input");
    }
    keep_mobility_for_warm_ups(pool);
    selection_.difficulties = resolved_.difficulties;
    widen_until_enough(pool);
    std::vector<Exercise> candidates = in_window(pool);
    std::size_t count = how_many(candidates);
    skip_recent(candidates, count);
    selection_.chosen = alternate_regions(Picker(intent_, resolved_, user_).pick(candidates, count));
    note_outcome();
    return selection_;
  }

 private:
  std::vector<Exercise> apply_rules() {
    std::vector<Exercise> pool;
    for (const Exercise& e : catalog_) {
      if (auto broken = rule_broken(e, intent_, resolved_, user_)) {
        selection_.dropped.push_back(*broken);
      } else {
        pool.push_back(e);
      }
    }
    return pool;
  }

  // Stretches belong to the warm-up and cool-down, unless mobility is the
  // point of the session or there would be too little else.
  void keep_mobility_for_warm_ups(std::vector<Exercise>& pool) const {
    if (std::find(intent_.targets.begin(), intent_.targets.end(), "mobility") != intent_.targets.end()) {
      return;
    }
    std::vector<Exercise> main;
    std::copy_if(pool.begin(), pool.end(), std::back_inserter(main),
                 [](const Exercise& e) { return !only_mobility(e); });
    if (main.size() >= kMinTargeted) pool = std::move(main);
  }

  std::vector<Exercise> in_window(const std::vector<Exercise>& pool) const {
    std::vector<Exercise> out;
    std::copy_if(pool.begin(), pool.end(), std::back_inserter(out),
                 [&](const Exercise& e) { return allowed(selection_.difficulties, e.difficulty); });
    return out;
  }

  std::size_t count_targeted(const std::vector<Exercise>& list) const {
    return std::count_if(list.begin(), list.end(), [&](const Exercise& e) { return targeted(e, intent_); });
  }

  // Enough: the asked count of exercises, and as many on target as the pool
  // has (up to kMinTargeted).
  bool enough(const std::vector<Exercise>& pool) const {
    auto window = in_window(pool);
    std::size_t wanted_count = std::min<std::size_t>(resolved_.exercise_count, pool.size());
    if (window.size() < wanted_count) return false;
    if (intent_.targets.empty()) return true;
    return count_targeted(window) >= std::min(kMinTargeted, count_targeted(pool));
  }

  void widen_until_enough(const std::vector<Exercise>& pool) {
    if (resolved_.difficulties_fixed) return;
    while (!enough(pool)) {
      auto next = widen_step(selection_.difficulties, resolved_.level);
      if (!next) return;
      selection_.difficulties.push_back(*next);
      std::sort(selection_.difficulties.begin(), selection_.difficulties.end());
      selection_.widened = true;
    }
  }

  // With targets, only exercises on target (topped up to kMinTargeted).
  std::size_t how_many(std::vector<Exercise>& candidates) const {
    std::size_t asked = resolved_.exercise_count;
    if (intent_.targets.empty()) return std::min(asked, candidates.size());
    std::size_t on_target = count_targeted(candidates);
    if (on_target >= kMinTargeted) {
      std::erase_if(candidates, [&](const Exercise& e) { return !targeted(e, intent_); });
      return std::min(asked, on_target);
    }
    return std::min({asked, candidates.size(), std::max(on_target, kMinTargeted)});
  }

  // Yesterday's exercises are left out when there are enough others.
  void skip_recent(std::vector<Exercise>& candidates, std::size_t count) {
    auto recent = [&](const Exercise& e) { return user_.recent_ids.count(e.id) > 0; };
    std::size_t fresh = std::count_if(candidates.begin(), candidates.end(), std::not_fn(recent));
    if (fresh < count) return;
    for (const Exercise& e : candidates) {
      if (recent(e)) selection_.recent_skipped.push_back(e.name);
    }
    std::erase_if(candidates, recent);
  }

  void note_outcome() {
    for (const auto& key : intent_.targets) {
      bool covered = std::any_of(selection_.chosen.begin(), selection_.chosen.end(),
                                 [&](const Exercise& e) { return works_group(e, key); });
      if (!covered) selection_.uncovered_targets.push_back(key);
    }
    for (const Exercise& e : selection_.chosen) {
      if (user_.favourite_ids.count(e.id)) selection_.favourites_chosen.push_back(e.name);
    }
  }

  const std::vector<Exercise>& catalog_;
  const Intent& intent_;
  const Resolved& resolved_;
  const UserContext& user_;
  Selection selection_;
};

}  // namespace

Result<Selection> select_exercises(const std::vector<Exercise>& catalog, const Intent& intent,
                                   const Resolved& resolved, const UserContext& user) {
  return Selector(catalog, intent, resolved, user).run();
}

}  // namespace ws::coach
