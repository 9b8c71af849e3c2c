// Who a sentence speaks about, whether it denies or hedges it, and the
// small readings several kinds of fact share.
#include <cmath>

#include "memory/findings.h"
#include "memory/words.h"

namespace ws::memory {
namespace {

constexpr double kHedgePenalty = 0.2;
constexpr double kKilosPerPound = 0.45359237;

// The determiner of a body part, skipping the words of its side
// ("my left knee", "sa cheville droite").
Speaker determiner_of(const Reading& r, Span part) {
  const ConversationWords& w = conversation_words();
  std::size_t i = part.at;
  while (i > 0 && (w.left.match(r.tokens(), i - 1) || w.right.match(r.tokens(), i - 1))) --i;
  if (i == 0) return Speaker::unsaid;
  if (r.word(i - 1) == "s") return Speaker::someone_else;  // "Léa's knee", "my wife's back"
  if (w.own_possessive.match(r.tokens(), i - 1)) return Speaker::self;
  if (w.other_possessive.match(r.tokens(), i - 1)) return Speaker::someone_else;
  return Speaker::unsaid;
}

// "le genou de ma femme", "the knee of my friend".
bool owned_by_someone_after(const Reading& r, Span part) {
  const ConversationWords& w = conversation_words();
  const std::size_t after = part.end();
  if (r.word(after) != "de" && r.word(after) != "of" && r.word(after) != "d") return false;
  for (std::size_t i = after + 1; i < after + 4 && i < r.size(); ++i) {
    if (w.other_person.match(r.tokens(), i)) return true;
  }
  return false;
}

}  // namespace

Speaker subject_before(const Reading& r, std::size_t at) {
  const ConversationWords& w = conversation_words();
  for (std::size_t i = std::min(at, r.size()); i-- > 0;) {
    if (w.impersonal.match(r.tokens(), i)) continue;
    if (w.first_person.match(r.tokens(), i)) return Speaker::self;
    if (w.other_person.match(r.tokens(), i)) return Speaker::someone_else;
  }
  return Speaker::unsaid;
}

Speaker owner_of_part(const Reading& r, Span part, std::size_t cue) {
  if (Speaker by_determiner = determiner_of(r, part); by_determiner != Speaker::unsaid) return by_determiner;
  if (owned_by_someone_after(r, part)) return Speaker::someone_else;
  return subject_before(r, std::min(part.at, cue));
}

bool negated_before(const Reading& r, std::size_t at, long window) {
  const long start = static_cast<long>(at) - window;
  return r.any_in_clause_between(conversation_words().negation, r.clause_of(at), start, static_cast<long>(at));
}

double hedged(const Reading& r, int clause, double confidence) {
  return r.any_in_clause(conversation_words().hedge, clause) ? confidence - kHedgePenalty : confidence;
}

std::optional<double> kilos_at(const Reading& r, std::size_t at) {
  if (at >= r.size() || !r.tokens()[at].is_number()) return std::nullopt;
  const std::string& unit = r.word(at + 1);
  if (!conversation_words().weight_unit.match(r.tokens(), at + 1)) return std::nullopt;
  const double amount = r.tokens()[at].value;
  const bool pounds = unit == "pound" || unit == "lb" || unit == "livre";
  return pounds ? std::round(amount * kKilosPerPound * 10) / 10 : amount;
}

std::size_t body_part_at(const Reading& r, std::size_t at, std::string& key) {
  std::size_t n = coach::longest_at(r.tokens(), at, coach::injury_rules(), &coach::InjuryRule::key, key);
  const bool english_word = r.english() && n == 1 && (r.word(at) == "main" || r.word(at) == "do");
  return english_word ? 0 : n;
}

bool clause_speaks_of_pain(const Reading& r, int clause) {
  return r.any_in_clause(conversation_words().injury_marker, clause) ||
         r.any_in_clause(coach::vocabulary().injury_marker, clause);
}

}  // namespace ws::memory
