// A short conversation in each demo gym, told to the coach and stored the
// way a posted one is: the memory reads it (summary, topics, facts with
// their quotes) and the repository keeps it, so the member's card shows a
// history and a memory to search from the first start.
#include "app/demo_gyms.h"

namespace ws::app {
namespace {

using enum TurnRole;

const std::vector<DemoConversation> kDemoConversations = {
    {"Studio Bastille", "A-1009", "demo-a-1009-2025-01-14",
     {{member, "Bonjour Karim !", "2025-01-14T17:02:00Z"},
      {coach, "Salut Léa, comment ça va depuis la semaine dernière ?", "2025-01-14T17:02:20Z"},
      {member, "Bof, j'ai mal au genou droit depuis janvier, surtout dans les escaliers. L'épaule va mieux par contre.",
       "2025-01-14T17:03:05Z"},
      {coach, "On évitera les fentes et les squats sautés. Tu veux travailler quoi en priorité ?",
       "2025-01-14T17:04:10Z"},
      {member, "Je voudrais surtout gagner en souplesse. Et je déteste les burpees !", "2025-01-14T17:05:00Z"}}},
    {"Mile End Athletic Club", "B-2011", "demo-b-2011-2025-02-03",
     {{member, "Hey Daniel, quick one before class.", "2025-02-03T23:40:00Z"},
      {coach, "Sure, what's up?", "2025-02-03T23:40:15Z"},
      {member, "I've been working nights again and I'm exhausted. Also my left ankle hurts since the trail race "
               "on Sunday.",
       "2025-02-03T23:41:00Z"},
      {coach, "Let's keep today low impact then.", "2025-02-03T23:41:40Z"},
      {member, "Thanks! I still want to run the half marathon in May.", "2025-02-03T23:42:30Z"}}},
};

}  // namespace

const std::vector<DemoConversation>& demo_conversations() { return kDemoConversations; }

}  // namespace ws::app
