#include "memory/topics.h"

#include <algorithm>

#include "coach/lexicon.h"
#include "memory/tables.h"
#include "memory/words.h"

namespace ws::memory {
namespace {

struct Topic {
  std::string key;
  Phrases words;
};

// Topics named by words of their own (the others come from the coach's body
// parts and the goal and concern tables).
const std::vector<Topic>& word_topics() {
  static const std::vector<Topic> topics{
      {"injury",
       {"injury", "injured", "blessure", "blesse", "blessee", "tendinite", "tendinitis", "entorse", "sprain",
        "fracture", "kine", "kinesitherapeute", "physio", "physiotherapist", "osteo", "osteopathe", "douleur",
        "pain"}},
      {"nutrition",
       {"nutrition", "diet", "regime", "alimentation", "manger", "mange", "eat", "ate", "eating", "food", "nourriture",
        "protein", "proteine", "repas", "meal", "calorie", "sucre", "sugar", "snack", "grignoter",
        "grignotage", "hydration", "hydratation"}},
      {"sleep",
       {"sleep", "sleeping", "slept", "sommeil", "dormir", "dort", "dors", "dormi", "insomnia", "insomnie", "nap",
        "sieste"}},
      {"preferences",
       {"preference", "preferences", "prefere", "prefer", "favourite", "favorite", "hate", "deteste", "dislike",
        "adore", "love", "aime pas", "n aime pas", "don t like", "n aime plus"}},
      {"schedule",
       {"schedule", "planning", "horaire", "horaires", "creneau", "timetable", "class time", "what time",
        "quelle heure", "agenda", "disponibilite", "reschedule", "reserver", "reservation", "booking"}},
      {"membership",
       {"membership", "abonnement", "subscription", "renew", "renouveler", "renouvellement", "contract",
        "contrat"}},
      {"classes", {"class", "classes", "cours collectif", "group class", "live class", "seance collective", "cours"}},
      {"progress",
       {"progress", "progres", "progresse", "personal best", "personal record", "record", "improved", "ameliore",
        "amelioration"}},
  };
  return topics;
}

const std::vector<std::pair<std::string, std::string>>& keywords_table() {
  static const std::vector<std::pair<std::string, std::string>> table{
      {"injury", "injury blessure pain douleur"}, {"knee", "knee genou"}, {"back", "back dos"},
      {"shoulder", "shoulder épaule"}, {"wrist", "wrist poignet"}, {"ankle", "ankle cheville"},
      {"hip", "hip hanche"}, {"elbow", "elbow coude"}, {"neck", "neck nuque"},
      {"weight_loss", "weight loss perte de poids"}, {"strength", "strength force muscle"},
      {"endurance", "endurance running course"}, {"mobility", "mobility mobilité souplesse"},
      {"goals", "goal objectif"}, {"preferences", "preference préférence"}, {"stress", "stress"},
      {"sleep", "sleep sommeil"}, {"fatigue", "fatigue tired fatigué"}, {"time", "time temps"},
      {"motivation", "motivation"}, {"cost", "price prix cost"}, {"leaving", "cancel résilier membership abonnement"},
      {"fear_of_injury", "fear peur injury blessure"}, {"nutrition", "nutrition diet alimentation régime"},
      {"schedule", "schedule planning horaires"}, {"membership", "membership abonnement"},
      {"equipment", "equipment matériel"}, {"classes", "class cours"}, {"progress", "progress progrès"},
      {"core", "core abdos"}, {"legs", "legs jambes"}, {"glutes", "glutes fessiers"}, {"arms", "arms bras"},
      {"chest", "chest pectoraux"}, {"shoulders", "shoulders épaules"}, {"upper_body", "upper body haut du corps"},
      {"hiit", "hiit fractionné"},
  };
  return table;
}

struct Feelings {
  Phrases positive;
  Phrases negative;
};

const Feelings& feelings() {
  static const Feelings f{
      .positive = {"great", "good", "happy", "love", "enjoy", "enjoyed", "excellent", "awesome", "amazing",
                   "better", "fun", "motivated", "proud", "thanks", "thank you", "super", "genial", "content",
                   "contente", "heureux", "heureuse", "top", "bien", "adore", "aime", "motive", "motivee", "fier",
                   "fiere", "merci", "parfait", "parfaite", "cool", "en forme", "mieux", "ravi", "ravie", "nickel",
                   "formidable", "sympa", "energized", "satisfied", "satisfait", "satisfaite", "glad", "nice",
                   "pleased", "perfect", "wonderful", "fantastic", "fantastique", "bravo", "well done", "bonne", "healed", "gueri", "guerie", "progress", "progres"},
      .negative = {"tired", "fatigue", "fatiguee", "exhausted", "epuise", "epuisee", "stressed", "stresse",
                   "stressee", "bad", "terrible", "awful", "hate", "deteste", "boring", "ennuyeux", "frustrated",
                   "frustre", "frustree", "decu", "decue", "disappointed", "sad", "triste", "angry", "enerve",
                   "enervee", "worse", "pire", "worried", "inquiet", "inquiete", "demotive", "demotivee", "nul",
                   "nulle", "horrible", "annoyed", "upset", "injured", "blesse", "blessee", "too hard", "trop dur",
                   "trop difficile", "struggle", "galere", "expensive", "trop cher", "unhappy", "mecontent",
                   "mecontente", "sick", "malade", "pain", "douleur", "mal", "hurt", "ache", "anxious", "angoisse"},
  };
  return f;
}

void add_once(std::vector<std::string>& topics, const std::string& key) { coach::add_once(topics, key); }

// The topic of the longest phrase at `at`; its length, 0 when none.
std::size_t topic_at(const Reading& r, std::size_t at, std::string& topic) {
  std::string part, goal, concern, word, item;
  std::size_t lengths[] = {
      body_part_at(r, at, part), coach::longest_at(r.tokens(), at, goal_kinds(), &GoalKind::topic, goal),
      coach::longest_at(r.tokens(), at, concern_kinds(), &ConcernKind::key, concern),
      coach::longest_at(r.tokens(), at, word_topics(), &Topic::key, word),
      coach::longest_at(r.tokens(), at, coach::equipment_words(), &coach::EquipmentWord::item, item)};
  const std::string topics[] = {part, goal, concern, word, item.empty() ? "" : "equipment"};
  std::size_t best = 0;
  for (std::size_t k = 0; k < std::size(lengths); ++k) {
    if (lengths[k] > best) {
      best = lengths[k];
      topic = topics[k];
    }
  }
  return best;
}

std::string text_at(const boost::json::object& value, const char* key) {
  const auto* v = value.if_contains(key);
  return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

void add_injury_topics(const Finding& f, std::vector<std::string>& topics) {
  add_once(topics, "injury");
  std::string part = text_at(f.value, "body_part");
  if (part == "lower_back" || part == "upper_back") part = "back";
  if (!part.empty()) add_once(topics, part);
}

void add_goal_topics(const Finding& f, std::vector<std::string>& topics) {
  add_once(topics, "goals");
  for (const GoalKind& kind : goal_kinds()) {
    if (kind.key == f.key) add_once(topics, kind.topic);
  }
  if (std::string group = text_at(f.value, "target"); !group.empty()) add_once(topics, group);
}

void add_finding_topics(const Finding& f, std::vector<std::string>& topics) {
  switch (f.category) {
    case FactCategory::injury: add_injury_topics(f, topics); break;
    case FactCategory::goal: add_goal_topics(f, topics); break;
    case FactCategory::preference: add_once(topics, "preferences"); break;
    case FactCategory::concern: add_once(topics, f.key); break;
    case FactCategory::progress: add_once(topics, "progress"); break;
  }
}

}  // namespace

std::vector<std::string> topics_named(const Reading& r) {
  std::vector<std::string> topics;
  for (std::size_t i = 0; i < r.size();) {
    std::string topic;
    std::size_t n = topic_at(r, i, topic);
    if (n) add_once(topics, topic);
    i += std::max<std::size_t>(n, 1);
  }
  return topics;
}

std::vector<std::string> topics_of(const Reading& r, const std::vector<Finding>& findings) {
  std::vector<std::string> topics;
  for (const Finding& f : findings) add_finding_topics(f, topics);
  for (const std::string& topic : topics_named(r)) add_once(topics, topic);
  return topics;
}

std::string topic_keywords(const std::vector<std::string>& topics) {
  std::string out;
  for (const std::string& topic : topics) {
    for (const auto& [key, words] : keywords_table()) {
      if (key == topic) out += (out.empty() ? "" : " ") + words;
    }
  }
  return out;
}

SentimentCount sentiment_words(const Reading& r) {
  SentimentCount count;
  for (std::size_t i = 0; i < r.size();) {
    std::size_t good = feelings().positive.match(r.tokens(), i);
    std::size_t bad = std::max(feelings().negative.match(r.tokens(), i),
                               conversation_words().dislike.match(r.tokens(), i));
    if (good || bad) {
      bool positive = good >= bad;
      if (negated_before(r, i, 2)) positive = !positive;
      ++(positive ? count.positive : count.negative);
    }
    i += std::max<std::size_t>(std::max(good, bad), 1);
  }
  return count;
}

Sentiment sentiment_of(SentimentCount count) {
  if (count.total() == 0) return Sentiment::neutral;
  if (count.positive >= 2 * count.negative) return Sentiment::positive;
  if (count.negative >= 2 * count.positive) return Sentiment::negative;
  return Sentiment::mixed;
}

}  // namespace ws::memory
