#include "memory/summary.h"

#include <algorithm>

#include "coach/lexicon.h"

namespace ws::memory {
namespace {

constexpr int kFactWeight = 3;         // a fact says more than a topic or a feeling
constexpr std::size_t kMinWords = 3;  // "Bonjour coach !", "ok merci" say nothing

std::size_t word_count(const Reading& r) {
  return static_cast<std::size_t>(std::count_if(r.tokens().begin(), r.tokens().end(),
                                                [](const coach::Token& t) { return t.is_word() || t.is_number(); }));
}

int score(const SaidSentence& s) {
  if (word_count(s.sentence.reading) < kMinWords) return 0;
  return kFactWeight * static_cast<int>(s.findings.size()) + static_cast<int>(s.topics.size()) + s.feeling.total();
}

// The sentences the summary may take: the member's, or everyone's when the
// member said nothing.
std::vector<const SaidSentence*> candidates(const std::vector<SaidSentence>& sentences) {
  std::vector<const SaidSentence*> members, everyone;
  for (const SaidSentence& s : sentences) {
    everyone.push_back(&s);
    if (s.role == TurnRole::member) members.push_back(&s);
  }
  return members.empty() ? everyone : members;
}

// The best-scoring sentences, in the order they were said.
std::vector<const SaidSentence*> chosen(const std::vector<const SaidSentence*>& pool) {
  std::vector<const SaidSentence*> ranked;
  for (const SaidSentence* s : pool) {
    if (score(*s) > 0) ranked.push_back(s);
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const SaidSentence* a, const SaidSentence* b) { return score(*a) > score(*b); });
  if (ranked.size() > kSummarySentences) ranked.resize(kSummarySentences);
  std::sort(ranked.begin(), ranked.end());  // pointers into one vector: said order
  if (ranked.empty() && !pool.empty()) {
    auto long_enough = std::find_if(pool.begin(), pool.end(), [](const SaidSentence* s) {
      return word_count(s->sentence.reading) >= kMinWords;
    });
    ranked.push_back(long_enough == pool.end() ? pool.front() : *long_enough);
  }
  return ranked;
}

}  // namespace

std::vector<SaidSentence> read_turns(const std::vector<ConversationTurn>& turns) {
  std::vector<SaidSentence> out;
  for (const ConversationTurn& turn : turns) {
    for (Sentence& sentence : sentences_of(turn.text)) {
      SaidSentence said{turn.role, std::move(sentence), {}, {}, {}};
      if (turn.role == TurnRole::member) said.findings = findings_of(said.sentence.reading);
      said.topics = topics_of(said.sentence.reading, said.findings);
      said.feeling = sentiment_words(said.sentence.reading);
      out.push_back(std::move(said));
    }
  }
  return out;
}

ConversationSummary summarize(const std::vector<SaidSentence>& sentences) {
  ConversationSummary summary;
  const std::vector<const SaidSentence*> pool = candidates(sentences);
  for (const SaidSentence* s : chosen(pool)) {
    summary.summary_text += (summary.summary_text.empty() ? "" : " ") + cut(s->sentence.quote, kMaxQuoteBytes);
  }
  for (const SaidSentence& s : sentences) {
    for (const std::string& topic : s.topics) {
      if (summary.key_topics.size() < kMaxTopics) coach::add_once(summary.key_topics, topic);
    }
  }
  SentimentCount feeling;
  for (const SaidSentence* s : pool) {
    feeling.positive += s->feeling.positive;
    feeling.negative += s->feeling.negative;
  }
  summary.sentiment = sentiment_of(feeling);
  summary.search_keywords = topic_keywords(summary.key_topics);
  return summary;
}

std::string cut(const std::string& text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  const std::string ellipsis = "\xE2\x80\xA6";
  std::size_t end = max_bytes > ellipsis.size() ? max_bytes - ellipsis.size() : 0;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;  // not inside a character
  return text.substr(0, end) + ellipsis;
}

}  // namespace ws::memory
