#pragma once
// The summary of a conversation, extractive: the member's sentences that say
// the most (facts first, then topics and feelings), in the order they were
// said; the topics of the whole conversation; the member's sentiment. Pure.
#include <string>
#include <vector>

#include "common/conversation_domain.h"
#include "memory/findings.h"
#include "memory/reading.h"
#include "memory/topics.h"

namespace ws::memory {

// One sentence of the conversation and what was read in it.
struct SaidSentence {
  TurnRole role = TurnRole::member;
  Sentence sentence;
  std::vector<Finding> findings;  // member sentences only
  std::vector<std::string> topics;
  SentimentCount feeling;
};

// Reads every sentence of the turns, in order.
std::vector<SaidSentence> read_turns(const std::vector<ConversationTurn>& turns);

// At most kSummarySentences sentences of at most kMaxQuoteBytes each; the
// member's (anyone's when the member said nothing), those with nothing to
// say (greetings, "ok") only when no sentence has more. Topics: at most
// kMaxTopics, first mentioned first. Sentiment: the member's sentences'.
ConversationSummary summarize(const std::vector<SaidSentence>& sentences);

inline constexpr std::size_t kSummarySentences = 3;
inline constexpr std::size_t kMaxQuoteBytes = 300;
inline constexpr std::size_t kMaxTopics = 8;

// `text` cut to at most `max_bytes` bytes, at a character boundary, "…"
// marking the cut.
std::string cut(const std::string& text, std::size_t max_bytes);

}  // namespace ws::memory
