#pragma once
// Plain types of what members say to their gym: a conversation's turns as
// they were posted, and the summary the gym keeps of it. Built by memory,
// stored by db, shown by http; no behaviour beyond their text forms.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/gym_domain.h"

namespace ws {

// Who spoke: the member, a coach of the gym, or an assistant speaking for it.
enum class TurnRole { member, coach, assistant };

enum class Sentiment { positive, neutral, negative, mixed };

struct ConversationTurn {
  TurnRole role = TurnRole::member;
  std::string text;
  std::string at;  // "YYYY-MM-DDTHH:MM:SSZ"
};

struct ConversationSummary {
  std::string summary_text;
  std::vector<std::string> key_topics;  // topic keys ("injury", "knee", "stress"), first mentioned first
  Sentiment sentiment = Sentiment::neutral;
  // The topics' words in French and English ("knee genou injury blessure"),
  // searched with the summary so a question in either language finds it.
  std::string search_keywords;
};

// What the gym keeps of a posted conversation besides its turns: built by
// memory (digest.h), stored by db with the turns.
struct ConversationDigest {
  ConversationSummary summary;
  // One per (category, key), member_id left empty for the one who stores them.
  std::vector<MemberFact> facts;
  std::string started_at;  // the first turn's time, "YYYY-MM-DDTHH:MM:SSZ"
  std::string ended_at;    // the last turn's
  int duration_seconds = 0;
  int turn_count = 0;
  std::string turns_sha256;  // of the roles, texts and times, in order
};

// One conversation (a session) as stored: its summary and its figures.
struct Conversation {
  std::string id;
  std::string member_id;
  std::string session_id;
  std::string started_at;  // the first turn's time, "YYYY-MM-DDTHH:MM:SSZ"
  std::string ended_at;    // the last turn's
  int session_duration_seconds = 0;
  int turn_count = 0;
  ConversationSummary summary;
  std::string turns_sha256;  // of the turns as posted: tells a repeated post from a different one
  std::string created_at;
};

// A conversation that answers a question, and how well (0..1), and the
// ranking's score (the similarity weighed by recency).
struct MemoryMatch {
  Conversation conversation;
  double similarity = 0;
  double score = 0;
};

const char* to_string(TurnRole role);
const char* to_string(Sentiment sentiment);
std::optional<TurnRole> turn_role_from_string(std::string_view text);
std::optional<Sentiment> sentiment_from_string(std::string_view text);

}  // namespace ws
