#pragma once
// What members aim at and worry about, as data: each kind with its words in
// French and English, shared by the fact readers and the topics of a
// conversation.
#include <string>
#include <vector>

#include "coach/lexicon.h"

namespace ws::memory {

// A goal a member names ("perdre du poids", "run a marathon"): the fact key
// and fact_value.goal, and the topic it makes.
struct GoalKind {
  std::string key;
  coach::Phrases words;
  std::string topic;
};
const std::vector<GoalKind>& goal_kinds();

// A worry ("je suis stressée", "no time"): the fact key and topic.
struct ConcernKind {
  std::string key;
  coach::Phrases words;
};
const std::vector<ConcernKind>& concern_kinds();

}  // namespace ws::memory
