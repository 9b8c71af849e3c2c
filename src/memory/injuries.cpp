// Injuries a member speaks of: a body part of the coach's injury rules with
// an injury word near it in the same clause ("j'ai mal au genou droit",
// "my left ankle is swollen"), or a word of healing ("my knee is fine now").
// Someone else's injury, and a denied one, are not the member's; one from
// long ago or spoken of in the past, with nothing saying it goes on, is
// healed: kept, inactive, so the coach no longer spares that part.
#include <algorithm>
#include <optional>

#include <boost/json/array.hpp>

#include "coach/understand.h"
#include "memory/findings.h"
#include "memory/words.h"

namespace ws::memory {
namespace {

constexpr long kCueReach = 6;        // "my left knee has really been hurting"
constexpr long kNegationReach = 4;   // "I don't have knee pain"
constexpr double kOwnerSaid = 0.9;   // "my knee", "j'ai mal"
constexpr double kOwnerAssumed = 0.8;
constexpr double kHealed = 0.8;
constexpr double kNotYetHealed = 0.7;

struct Part {
  Span span;
  std::string key;  // an injury rule's ("knee")
};

enum class CueKind { hurt, healed };

struct Cue {
  Span span;
  CueKind kind = CueKind::hurt;
};

std::vector<Part> parts_in(const Reading& r) {
  std::vector<Part> out;
  for (std::size_t i = 0; i < r.size();) {
    std::string key;
    std::size_t n = body_part_at(r, i, key);
    if (n) out.push_back(Part{Span{i, n}, key});
    i += std::max<std::size_t>(n, 1);
  }
  return out;
}

std::vector<Cue> cues_in(const Reading& r) {
  const ConversationWords& w = conversation_words();
  std::vector<Cue> out;
  for (std::size_t i = 0; i < r.size();) {
    std::size_t healed = w.healed.match(r.tokens(), i);
    std::size_t hurt = std::max(w.injury_marker.match(r.tokens(), i),
                                coach::vocabulary().injury_marker.match(r.tokens(), i));
    if (healed || hurt) {
      out.push_back(Cue{Span{i, std::max(healed, hurt)}, healed >= hurt ? CueKind::healed : CueKind::hurt});
    }
    i += std::max<std::size_t>(std::max(healed, hurt), 1);
  }
  return out;
}

long distance(Span a, Span b) {
  if (a.end() <= b.at) return static_cast<long>(b.at - a.end());
  if (b.end() <= a.at) return static_cast<long>(a.at - b.end());
  return 0;
}

std::optional<Cue> nearest_cue(const Reading& r, const Part& part, const std::vector<Cue>& cues) {
  std::optional<Cue> best;
  for (const Cue& cue : cues) {
    if (!r.same_clause(cue.span.at, part.span.at) || distance(cue.span, part.span) >= kCueReach) continue;
    if (!best || distance(cue.span, part.span) < distance(best->span, part.span)) best = cue;
  }
  return best;
}

// A number (or "quelques") followed by one of `units`: "deux ans", "3 weeks".
bool counted(const Reading& r, const Phrases& units) {
  const ConversationWords& w = conversation_words();
  for (std::size_t i = 0; i < r.size(); ++i) {
    std::size_t n = r.tokens()[i].is_number() ? 1 : w.some.match(r.tokens(), i);
    if (n && units.match(r.tokens(), i + n)) return true;
  }
  return false;
}

bool goes_on(const Reading& r) { return r.any(conversation_words().ongoing) || counted(r, conversation_words().short_unit); }

bool long_ago(const Reading& r) { return r.any(conversation_words().long_ago) || counted(r, conversation_words().year_unit); }

// "doesn't hurt anymore", "je n'ai plus mal", "ne me fait plus mal".
bool no_longer(const Reading& r, const Cue& cue) {
  const int clause = r.clause_of(cue.span.at);
  if (r.any_in_clause(conversation_words().no_longer, clause)) return true;
  const long at = static_cast<long>(cue.span.at);
  for (long i = std::max(0L, at - 3); i <= at && i < static_cast<long>(r.size()); ++i) {
    if (r.word(static_cast<std::size_t>(i)) != "plu" || r.clause_of(static_cast<std::size_t>(i)) != clause) continue;
    for (long j = std::max(0L, i - 4); j < i; ++j) {
      const std::string& word = r.word(static_cast<std::size_t>(j));
      if (word == "n" || word == "ne") return true;
    }
  }
  return false;
}

enum class Status { current, healed, denied };

Status status_of(const Reading& r, const Cue& cue) {
  if (cue.kind == CueKind::healed) {
    return negated_before(r, cue.span.at, kNegationReach) ? Status::current : Status::healed;
  }
  if (no_longer(r, cue)) return Status::healed;
  if (negated_before(r, cue.span.at, kNegationReach)) return Status::denied;
  if (goes_on(r)) return Status::current;
  const bool past = r.any_in_clause(conversation_words().past, r.clause_of(cue.span.at));
  return long_ago(r) || past ? Status::healed : Status::current;
}

std::optional<std::string> side_of(const Reading& r, const Part& part) {
  const ConversationWords& w = conversation_words();
  const long before = static_cast<long>(part.span.at), after = static_cast<long>(part.span.end());
  for (long i : {before - 1, before - 2, after, after + 1}) {
    if (i < 0 || i >= static_cast<long>(r.size())) continue;
    auto at = static_cast<std::size_t>(i);
    if (!r.same_clause(at, part.span.at) || w.not_a_side.match(r.tokens(), at) ||
        (at > 0 && w.not_a_side.match(r.tokens(), at - 1) > 1)) {
      continue;
    }
    if (w.left.match(r.tokens(), at)) return "left";
    if (w.right.match(r.tokens(), at)) return "right";
  }
  return std::nullopt;
}

// "back" narrowed to "lower_back" or "upper_back" when the words say so.
std::string body_part_of(const Reading& r, const Part& part) {
  if (part.key != "back") return part.key;
  const ConversationWords& w = conversation_words();
  const long from = static_cast<long>(part.span.at) - 2, to = static_cast<long>(part.span.end()) + 1;
  if (r.any_between(w.lower_back, from, to)) return "lower_back";
  if (r.any_between(w.upper_back, from, to)) return "upper_back";
  return part.key;
}

const char* severity_of(const Reading& r, int clause) {
  if (r.any_in_clause(conversation_words().hedge, clause)) return "mild";
  if (r.any_in_clause(conversation_words().severe, clause)) return "severe";
  return "moderate";
}

// Exercises named in the clause ("les fentes me font mal au genou").
boost::json::array exercises_in_clause(const Reading& r, int clause) {
  boost::json::array out;
  for (std::size_t i = 0; i < r.size(); ++i) {
    coach::NameWords name;
    if (r.clause_of(i) != clause || !coach::exercise_name_at(r.tokens(), i, {}, name)) continue;
    std::string text;
    for (const auto& word : name) text += (text.empty() ? "" : " ") + word;
    if (std::find(out.begin(), out.end(), boost::json::value(text)) == out.end()) out.emplace_back(text);
  }
  return out;
}

// "depuis janvier" -> "january".
std::optional<std::string> since_month(const Reading& r) {
  for (const Span& since : r.find(conversation_words().since)) {
    for (const Month& month : months()) {
      if (month.words.match(r.tokens(), since.end())) return month.name;
    }
  }
  return std::nullopt;
}

Finding injury(const Reading& r, const Part& part, const Cue& cue, Status status, Speaker owner) {
  const int clause = r.clause_of(cue.span.at);
  const std::string body_part = body_part_of(r, part);
  const std::optional<std::string> side = side_of(r, part);
  const std::string location = side ? *side + "_" + body_part : body_part;
  Finding f{FactCategory::injury, location + "_pain", {}, kOwnerAssumed, status == Status::current};
  f.value["location"] = location;
  f.value["body_part"] = body_part;
  if (side) f.value["side"] = *side;
  f.value["severity"] = severity_of(r, clause);
  f.value["status"] = f.active ? "current" : "healed";
  if (auto avoid = exercises_in_clause(r, clause); !avoid.empty() && f.active) f.value["exercises_to_avoid"] = avoid;
  if (auto since = since_month(r); since && f.active) f.value["since"] = *since;
  const bool not_yet_healed = cue.kind == CueKind::healed && f.active;
  double base = owner == Speaker::unsaid ? kOwnerAssumed : kOwnerSaid;
  if (!f.active) base = kHealed;
  if (not_yet_healed) base = kNotYetHealed;
  f.confidence = hedged(r, clause, base);
  return f;
}

}  // namespace

std::vector<Finding> injury_findings(const Reading& r) {
  std::vector<Finding> out;
  const std::vector<Cue> cues = cues_in(r);
  for (const Part& part : parts_in(r)) {
    std::optional<Cue> cue = nearest_cue(r, part, cues);
    if (!cue) continue;
    Status status = status_of(r, *cue);
    Speaker owner = owner_of_part(r, part.span, cue->span.at);
    if (status == Status::denied || owner == Speaker::someone_else) continue;
    out.push_back(injury(r, part, *cue, status, owner));
  }
  return out;
}

}  // namespace ws::memory
