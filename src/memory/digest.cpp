#include "memory/digest.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "common/file_facts.h"
#include "common/utc_time.h"
#include "memory/summary.h"

namespace ws::memory {
namespace {

constexpr std::size_t kMaxFactQuoteBytes = 2000;  // what a fact's source_quote holds

double rounded_confidence(double confidence) {
  return std::clamp(std::round(confidence * 100) / 100, 0.05, 1.0);
}

MemberFact fact_of(const Finding& f, const std::string& session_id, const std::string& quote) {
  MemberFact fact;
  fact.category = f.category;
  fact.fact_key = f.key;
  fact.fact_value = f.value;
  fact.confidence = rounded_confidence(f.confidence);
  fact.source_session_id = session_id;
  fact.source_quote = cut(quote, kMaxFactQuoteBytes);
  fact.is_active = f.active;
  return fact;
}

std::vector<MemberFact> facts_of(const std::string& session_id, const std::vector<SaidSentence>& sentences) {
  std::vector<MemberFact> facts;
  for (const SaidSentence& s : sentences) {
    for (const Finding& f : s.findings) {
      MemberFact fact = fact_of(f, session_id, s.sentence.quote);
      auto same = std::find_if(facts.begin(), facts.end(), [&](const MemberFact& known) {
        return known.category == fact.category && known.fact_key == fact.fact_key;
      });
      if (same == facts.end()) facts.push_back(std::move(fact));
      else *same = std::move(fact);
    }
  }
  return facts;
}

std::string normalised(const std::string& at) { return utc_timestamp(at).value_or(at); }

std::string turns_digest(const std::vector<ConversationTurn>& turns) {
  std::string canonical;
  for (const ConversationTurn& turn : turns) {
    canonical += std::string(to_string(turn.role)) + '\x1f' + turn.text + '\x1f' + normalised(turn.at) + '\x1e';
  }
  return sha256_hex(canonical);
}

int seconds_between(const std::string& from, const std::string& to) {
  auto start = utc_instant(from), end = utc_instant(to);
  if (!start || !end || *end < *start) return 0;
  return static_cast<int>(std::chrono::duration_cast<std::chrono::seconds>(*end - *start).count());
}

}  // namespace

ConversationDigest digest_conversation(const std::string& session_id, const std::vector<ConversationTurn>& turns) {
  ConversationDigest digest;
  const std::vector<SaidSentence> sentences = read_turns(turns);
  digest.summary = summarize(sentences);
  digest.facts = facts_of(session_id, sentences);
  digest.turn_count = static_cast<int>(turns.size());
  digest.turns_sha256 = turns_digest(turns);
  if (!turns.empty()) {
    digest.started_at = normalised(turns.front().at);
    digest.ended_at = normalised(turns.back().at);
    digest.duration_seconds = seconds_between(turns.front().at, turns.back().at);
  }
  return digest;
}

std::vector<MemberFact> extract_facts(const std::string& session_id, const std::vector<ConversationTurn>& turns) {
  return facts_of(session_id, read_turns(turns));
}

}  // namespace ws::memory
