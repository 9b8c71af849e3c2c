// Preferences a member states: exercises liked or disliked ("j'adore les
// swings", "I hate burpees", "j'aime les squats mais pas les burpees"), the
// intensity they like, and no jumps ("pas de sauts", "j'habite en
// appartement"). One fact per exercise, so liking it later replaces having
// disliked it. An exercise named with pain ("les fentes me font mal") is the
// injury's, not a taste.
#include <algorithm>
#include <optional>

#include "coach/understand.h"
#include "memory/findings.h"
#include "memory/words.h"

namespace ws::memory {
namespace {

constexpr double kTaste = 0.85;
constexpr double kIntensity = 0.75;
constexpr double kNoJumpSaid = 0.85;
constexpr double kNoJumpGuessed = 0.6;  // an apartment, neighbours: a reason, not a wish
constexpr long kTasteReach = 8;
constexpr std::size_t kIntensityReach = 6;  // "j'aime quand les séances sont intenses"

enum class Stance { likes, dislikes };

struct Verb {
  Span span;
  Stance stance = Stance::likes;
};

// "je n'aime pas", "I don't like", "j'aime pas": a like said with a negation.
bool negated_like(const Reading& r, Span like) {
  const std::string& next = r.word(like.end());
  return negated_before(r, like.at, 3) || next == "pa" || next == "plu" || next == "jamai";
}

std::vector<Verb> verbs_in(const Reading& r) {
  const ConversationWords& w = conversation_words();
  std::vector<Verb> out;
  for (std::size_t i = 0; i < r.size();) {
    std::size_t dislike = w.dislike.match(r.tokens(), i), like = w.like.match(r.tokens(), i);
    if (dislike && dislike >= like) {
      out.push_back(Verb{Span{i, dislike}, Stance::dislikes});
    } else if (like) {
      Span span{i, like};
      out.push_back(Verb{span, negated_like(r, span) ? Stance::dislikes : Stance::likes});
    }
    i += std::max<std::size_t>(std::max(dislike, like), 1);
  }
  return out;
}

long distance(const Span& a, std::size_t at) {
  return a.at > at ? static_cast<long>(a.at - at) : static_cast<long>(at - a.at);
}

std::optional<Verb> nearest_verb(const std::vector<Verb>& verbs, std::size_t at) {
  std::optional<Verb> best;
  for (const Verb& verb : verbs) {
    if (distance(verb.span, at) > kTasteReach) continue;
    if (!best || distance(verb.span, at) < distance(best->span, at)) best = verb;
  }
  return best;
}

Finding taste(const coach::NameWords& name, Stance stance, double confidence) {
  std::string text, key = "exercise";
  for (const auto& word : name) {
    text += (text.empty() ? "" : " ") + word;
    key += "_" + word;
  }
  Finding f{FactCategory::preference, key, {}, confidence, true};
  f.value[stance == Stance::likes ? "favorite_exercises" : "excluded_exercises"] = boost::json::array{text.c_str()};
  return f;
}

void read_tastes(const Reading& r, const std::vector<Verb>& verbs, std::vector<Finding>& out) {
  for (std::size_t i = 0; i < r.size(); ++i) {
    coach::NameWords name;
    std::size_t n = coach::exercise_name_at(r.tokens(), i, {}, name);
    if (!n || clause_speaks_of_pain(r, r.clause_of(i))) continue;
    std::optional<Verb> verb = nearest_verb(verbs, i);
    if (!verb || subject_before(r, verb->span.at) == Speaker::someone_else) continue;
    // "j'aime les squats mais pas les burpees": the negation turns the like.
    Stance stance = verb->stance == Stance::likes && negated_before(r, i, 2) ? Stance::dislikes : verb->stance;
    out.push_back(taste(name, stance, hedged(r, r.clause_of(i), kTaste)));
    i += n - 1;
  }
}

// The intensity named in the verb's clause, after it. A determiner is never
// one: the coach's "max" reads as "ma" once made singular.
std::optional<Intensity> intensity_after(const Reading& r, const Span& verb) {
  const coach::Vocabulary& v = coach::vocabulary();
  const ConversationWords& w = conversation_words();
  const std::size_t end = std::min(r.size(), verb.end() + kIntensityReach);
  for (std::size_t i = verb.end(); i < end && r.same_clause(i, verb.at); ++i) {
    if (w.own_possessive.match(r.tokens(), i) || w.other_possessive.match(r.tokens(), i)) continue;
    if (v.high_intensity.match(r.tokens(), i)) return Intensity::high;
    if (v.low_intensity.match(r.tokens(), i)) return Intensity::low;
    if (v.medium_intensity.match(r.tokens(), i)) return Intensity::medium;
  }
  return std::nullopt;
}

const char* intensity_word(Intensity intensity) {
  return intensity == Intensity::high ? "high" : intensity == Intensity::low ? "low" : "medium";
}

// "je préfère les séances intenses": a taste for an intensity. Disliking
// one end of it ("je n'aime pas quand c'est trop dur") asks for the middle.
void read_intensity(const Reading& r, std::vector<Finding>& out) {
  const ConversationWords& w = conversation_words();
  for (const Span& verb : r.find(w.prefer)) {
    std::optional<Intensity> intensity = intensity_after(r, verb);
    if (!intensity || subject_before(r, verb.at) == Speaker::someone_else) continue;
    const bool against = negated_like(r, verb) || r.any_between(w.dislike, static_cast<long>(verb.at) - 2,
                                                                static_cast<long>(verb.end()));
    Finding f{FactCategory::preference, "intensity", {}, hedged(r, r.clause_of(verb.at), kIntensity), true};
    f.value["intensity"] = intensity_word(against ? Intensity::medium : *intensity);
    out.push_back(std::move(f));
    return;
  }
}

// Where a jump word follows a negation, "can't" or a dislike ("pas de
// sauts", "I can't jump", "je déteste sauter").
std::optional<std::size_t> refused_jump(const Reading& r) {
  const ConversationWords& w = conversation_words();
  for (const Span& jump : r.find(coach::vocabulary().jump)) {
    const long at = static_cast<long>(jump.at);
    const int clause = r.clause_of(jump.at);
    if (r.any_in_clause_between(w.negation, clause, at - 3, at) ||
        r.any_in_clause_between(w.cannot, clause, at - 3, at) ||
        r.any_in_clause_between(w.dislike, clause, at - 4, at)) {
      return jump.at;
    }
  }
  return std::nullopt;
}

// Refused by the member (not "my son can't jump"), or a home where jumping
// disturbs (an apartment, neighbours): the latter a reason more than a wish.
void read_no_jump(const Reading& r, std::vector<Finding>& out) {
  double confidence = 0;
  if (auto jump = refused_jump(r)) {
    if (subject_before(r, *jump) != Speaker::someone_else) confidence = kNoJumpSaid;
  } else if (r.any(coach::vocabulary().quiet)) {
    confidence = kNoJumpGuessed;
  }
  if (confidence == 0) return;
  Finding f{FactCategory::preference, "no_jump", {}, confidence, true};
  f.value["no_jump"] = true;
  out.push_back(std::move(f));
}

}  // namespace

std::vector<Finding> preference_findings(const Reading& r) {
  std::vector<Finding> out;
  read_tastes(r, verbs_in(r), out);
  read_intensity(r, out);
  read_no_jump(r, out);
  return out;
}

}  // namespace ws::memory
