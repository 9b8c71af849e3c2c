#include "common/conversation_domain.h"

#include "common/enum_names.h"

namespace ws {
namespace {

constexpr EnumNames<TurnRole, 3> kRoles{{{TurnRole::member, "member"},
                                         {TurnRole::coach, "coach"},
                                         {TurnRole::assistant, "assistant"}}};
constexpr EnumNames<Sentiment, 4> kSentiments{{{Sentiment::positive, "positive"},
                                               {Sentiment::neutral, "neutral"},
                                               {Sentiment::negative, "negative"},
                                               {Sentiment::mixed, "mixed"}}};

}  // namespace

const char* to_string(TurnRole role) { return name_of(kRoles, role); }
const char* to_string(Sentiment sentiment) { return name_of(kSentiments, sentiment); }
std::optional<TurnRole> turn_role_from_string(std::string_view text) { return value_of(kRoles, text); }
std::optional<Sentiment> sentiment_from_string(std::string_view text) { return value_of(kSentiments, text); }

}  // namespace ws
