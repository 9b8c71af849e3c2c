#pragma once
// What one sentence a member said tells about them, by category: injuries
// (body part, side, current or healed), goals, preferences (liked and
// disliked exercises, intensity, no jumps), concerns and progress. Each
// reader keeps what concerns the speaker: not what happened to someone else
// ("my friend hurt her knee"), not what is denied ("my knee doesn't hurt").
// Pure.
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "common/gym_domain.h"
#include "memory/reading.h"

namespace ws::memory {

struct Finding {
  FactCategory category = FactCategory::goal;
  std::string key;            // a member_facts key: a-z, 0-9, _
  boost::json::object value;  // the fact_value the coach reads (gyms/fact_rules.h)
  double confidence = 0.8;    // 0..1
  bool active = true;         // false: true once, no longer (a healed injury)
};

std::vector<Finding> injury_findings(const Reading& reading);
std::vector<Finding> goal_findings(const Reading& reading);
std::vector<Finding> preference_findings(const Reading& reading);
// Concerns, and progress the member reports ("j'ai perdu 4 kilos").
std::vector<Finding> concern_findings(const Reading& reading);

// Every category's findings, in that order.
std::vector<Finding> findings_of(const Reading& reading);

// Judgements the readers share.
enum class Speaker { self, someone_else, unsaid };
// Whose is what the words before `at` speak of: the nearest person word
// going back ("je", "my friend", "elle"); unsaid when there is none.
Speaker subject_before(const Reading& reading, std::size_t at);
// Whose body part is the one at `part`: its determiner ("my", "her", "sa"),
// an owner after it ("le genou de ma femme"), else the subject before `cue`
// or the part, whichever comes first. Defaults to the speaker.
Speaker owner_of_part(const Reading& reading, Span part, std::size_t cue);
// Is a negation among the `window` words before `at`, in its clause?
bool negated_before(const Reading& reading, std::size_t at, long window);
// `confidence` lowered when the clause hedges ("a bit", "je crois").
double hedged(const Reading& reading, int clause, double confidence);
// A weight at `at`: a number then a unit ("4 kilos", "10 pounds"), in kg.
std::optional<double> kilos_at(const Reading& reading, std::size_t at);
// A body part of the coach's injury rules at `at` ("genou", "lower back"):
// its length, and its rule's key in `key`; 0 when none. "main" and "do" are
// a hand and a back ("dos") only in French.
std::size_t body_part_at(const Reading& reading, std::size_t at, std::string& key);
// Is an injury word ("mal", "hurts", "tordu") in the clause?
bool clause_speaks_of_pain(const Reading& reading, int clause);

}  // namespace ws::memory
