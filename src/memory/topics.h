#pragma once
// What a conversation is about and how it felt, by rules: topics as stable
// keys ("injury", "knee", "stress", "nutrition"), their words in both
// languages for search, and the sentiment words of each sentence. Pure.
#include <string>
#include <vector>

#include "common/conversation_domain.h"
#include "memory/findings.h"
#include "memory/reading.h"

namespace ws::memory {

// The topics the words of a sentence name, in order of mention: body parts,
// goals, worries, injuries, nutrition, schedule, membership, equipment,
// classes, progress.
std::vector<std::string> topics_named(const Reading& reading);

// The topics a sentence's facts make ("injury" and the part, "goals" and
// the goal, "preferences", the concern, "progress"), then those it names.
std::vector<std::string> topics_of(const Reading& reading, const std::vector<Finding>& findings);

// The words, French and English, of the known topics among `topics`
// ("knee" -> "knee genou"), separated by spaces.
std::string topic_keywords(const std::vector<std::string>& topics);

struct SentimentCount {
  int positive = 0;
  int negative = 0;
  int total() const { return positive + negative; }
};
// The sentence's words of feeling, a negation just before one turning it
// ("pas content", "not bad", "pas mal").
SentimentCount sentiment_words(const Reading& reading);

// None: neutral; one kind only, or one at least twice the other: that kind;
// otherwise mixed.
Sentiment sentiment_of(SentimentCount count);

}  // namespace ws::memory
