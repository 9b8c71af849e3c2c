#include "memory_setup.h"

#include <chrono>

#include "common/utc_time.h"

#include "db/connection.h"
#include "db/member_repository.h"
#include "db/migrations.h"
#include "db/tenancy.h"
#include "db/user_repository.h"
#include "memory/digest.h"

namespace ws::bench {
namespace {

constexpr int kRowsPerStatement = 1000;
constexpr int kDistinctConversations = 240;

// What members say, in both languages; a conversation takes two of them.
const char* const kSentences[] = {
    "J'ai mal au genou droit depuis janvier, surtout dans les escaliers.",
    "My lower back has been stiff since I moved house.",
    "Je grignote beaucoup de sucre le soir, je voudrais manger mieux.",
    "Work is crazy, I'm stressed and I don't sleep well.",
    "Je prépare le semi-marathon de Paris en avril.",
    "Honestly I hate burpees, can we skip them?",
    "Mon épaule gauche me fait mal quand je lève les bras.",
    "I want to lose 5 kilos before the summer.",
    "Je suis crevée en ce moment, le travail me prend tout mon temps.",
    "I love kettlebell swings, more of those please.",
    "Mon abonnement se termine en mars, c'est un peu cher.",
    "I twisted my left ankle last week on the trail.",
    "Je voudrais gagner en souplesse pour le yoga.",
    "Can we move my Tuesday class to the evening?",
    "J'ai perdu 4 kilos depuis septembre, je suis content.",
    "My wrist still hurts when I do push-ups.",
    "Je n'ai plus mal au dos depuis que je fais du gainage.",
    "I'm training for a 10K in June.",
    "Pas de sauts s'il vous plaît, j'habite au quatrième.",
    "The new schedule works great for me, thanks!",
};
constexpr int kSentenceCount = static_cast<int>(sizeof kSentences / sizeof kSentences[0]);

Error setup_error(const std::string& message) { return make_error(ErrorKind::internal, "bench_setup", message); }

std::vector<ConversationSummary> conversation_pool() {
  std::vector<ConversationSummary> pool;
  for (int i = 0; i < kDistinctConversations; ++i) {
    std::vector<ConversationTurn> turns{
        {TurnRole::member, kSentences[i % kSentenceCount], "2025-01-01T10:00:00Z"},
        {TurnRole::coach, "D'accord, on en tient compte.", "2025-01-01T10:01:00Z"},
        {TurnRole::member, kSentences[(i * 7 + 3) % kSentenceCount], "2025-01-01T10:02:00Z"}};
    pool.push_back(memory::digest_conversation("pool", turns).summary);
  }
  return pool;
}

// Two years of conversations, spread over the gym's rows.
std::string ended_at(int row) {
  using namespace std::chrono;
  constexpr long kTwoYearsMinutes = 2L * 365 * 24 * 60;
  const sys_seconds start = sys_days(year{2025} / January / 1);
  return utc_timestamp(start + minutes(static_cast<long>(row) * 97 % kTwoYearsMinutes));
}

struct Batch {
  std::vector<std::string> members, sessions, texts, topics, sentiments, keywords, ends;
};

Status insert_batch(db::Connection& c, const std::string& gym, const Batch& b) {
  static const std::string sql =
      "INSERT INTO conversation_summaries (gym_id, member_id, session_id, summary_text, key_topics, sentiment, "
      "search_keywords, started_at, ended_at, session_duration_seconds, turn_count, turns_sha256) "
      "SELECT $1::uuid, r.m::uuid, r.s, r.t, r.k::text[], r.se, r.kw, r.e::timestamptz - interval '2 minutes', "
      "r.e::timestamptz, 120, 3, repeat('0', 64) "
      "FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) "
      "AS r (m, s, t, k, se, kw, e)";
  WS_RETURN_IF_ERROR(c.exec_prepared("bench_summaries", sql,
                                     {gym, db::array_literal(b.members), db::array_literal(b.sessions),
                                      db::array_literal(b.texts), db::array_literal(b.topics),
                                      db::array_literal(b.sentiments), db::array_literal(b.keywords),
                                      db::array_literal(b.ends)}));
  return Status::Ok();
}

Status add_summaries(db::Connection& c, const MemoryGym& gym, int count, const std::vector<ConversationSummary>& pool) {
  Batch batch;
  for (int row = 0; row < count; ++row) {
    const ConversationSummary& summary = pool[static_cast<std::size_t>(row * 31 % kDistinctConversations)];
    batch.members.push_back(gym.members[static_cast<std::size_t>(row) % gym.members.size()]);
    batch.sessions.push_back("bench-" + std::to_string(row));
    batch.texts.push_back(summary.summary_text);
    batch.topics.push_back(db::array_literal(summary.key_topics));
    batch.sentiments.emplace_back(to_string(summary.sentiment));
    batch.keywords.push_back(summary.search_keywords);
    batch.ends.push_back(ended_at(row));
    if (batch.members.size() == kRowsPerStatement || row + 1 == count) {
      WS_RETURN_IF_ERROR(insert_batch(c, gym.gym, batch));
      batch = Batch{};
    }
  }
  return Status::Ok();
}

Member bench_member(int i) {
  Member m;
  m.badge_id = "M-" + std::to_string(i);
  m.first_name = i % 2 ? "Léa" : "James";
  m.last_name = "Bench";
  return m;
}

Result<MemoryGym> create_gym(db::Connection& c, int index, const MemorySetup& setup,
                             const std::vector<ConversationSummary>& pool) {
  const std::string name = "memory-gym-" + std::to_string(index);
  WS_ASSIGN_OR_RETURN(UserProfile manager, db::create_user(c, "manager@" + name + ".bench.invalid", "!", "Bench"));
  db::Transaction tx(c);
  WS_RETURN_IF_ERROR(tx.begin());
  WS_ASSIGN_OR_RETURN(db::GymPlace place, db::create_gym(c, manager.user_id, name, "Europe/Paris"));
  MemoryGym gym{place.gym_id, manager.user_id, {}};
  for (int i = 0; i < setup.members; ++i) {
    WS_ASSIGN_OR_RETURN(Member member, db::create_member(c, place.gym_id, bench_member(i)));
    gym.members.push_back(member.id);
  }
  WS_RETURN_IF_ERROR(add_summaries(c, gym, setup.summaries / setup.gyms, pool));
  WS_RETURN_IF_ERROR(tx.commit());
  return gym;
}

}  // namespace

Result<std::vector<MemoryGym>> prepare_memory_database(const std::string& owner_url, const std::string& schema_dir,
                                                      const MemorySetup& setup) {
  if (setup.gyms < 1 || setup.members < 1) return setup_error("at least one gym and one member");
  db::Connection owner(owner_url);
  WS_RETURN_IF_ERROR(db::migrate(owner, schema_dir));
  const std::vector<ConversationSummary> pool = conversation_pool();
  std::vector<MemoryGym> gyms;
  for (int g = 0; g < setup.gyms; ++g) {
    WS_ASSIGN_OR_RETURN(MemoryGym gym, create_gym(owner, g, setup, pool));
    gyms.push_back(std::move(gym));
  }
  WS_RETURN_IF_ERROR(owner.exec("ANALYZE gym_members; ANALYZE conversation_summaries"));
  return gyms;
}

}  // namespace ws::bench
