#pragma once
// A gym member's stored data as the coach takes it: the facts that still
// apply become remembered facts; the fitness profile and the preferences
// become the user context and the explanation's language. Pure and lenient:
// a fact_value of an unexpected shape asks less of the coach, never fails.
//
// fact_value shapes read (other keys and wrongly typed values are ignored):
//   injury      {"location" | "body_part": "right_knee", "exercises_to_avoid": [names]}
//               (no known body part there: the fact_key, e.g. "knee_pain")
//   goal        {"target": "core"} | {"targets": [...]} | {"goal": "lose_weight"}
//               (no known target there: the fact_key)
//   preference  {"favorite_exercises": [names], "excluded_exercises": [names],
//                "intensity": "low" | "medium" | "high", "no_jump": true}
//   progress, concern: nothing the coach acts on.
#include <optional>
#include <string_view>
#include <vector>

#include "coach/request.h"
#include "common/gym_domain.h"

namespace ws::gyms {

struct MemberGuidance {
  coach::UserContext user;
  std::vector<coach::RememberedFact> facts;  // those that apply and ask something, in the given order
  std::optional<coach::Language> language;   // the member's, when their preferences are known
};

// `now` and expires_at are ISO-8601 UTC texts in the one form
// "YYYY-MM-DDTHH:MM:SSZ" (the database gives expires_at so): in that form
// text order is time order. When two facts set the intensity, the first wins.
MemberGuidance member_guidance(const std::optional<FitnessProfile>& profile,
                               const std::optional<MemberPreferences>& preferences,
                               const std::vector<MemberFact>& facts, std::string_view now);

// Active, and without an expiry or expiring after `now`.
bool fact_applies(const MemberFact& fact, std::string_view now);

// What the stored fact asks of the coach; all empty when nothing.
coach::RememberedFact remembered_fact(const MemberFact& fact);

}  // namespace ws::gyms
