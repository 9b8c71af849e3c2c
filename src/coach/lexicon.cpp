#include "coach/lexicon.h"

#include <algorithm>

namespace ws::coach {

Phrases::Phrases(std::initializer_list<const char*> phrases) {
  for (const char* phrase : phrases) phrases_.push_back(phrase_words(phrase));
}

std::size_t Phrases::match(const Tokens& tokens, std::size_t at) const {
  std::size_t best = 0;
  for (const auto& phrase : phrases_) {
    if (phrase.size() > best && phrase_at(tokens, at, phrase)) best = phrase.size();
  }
  return best;
}

const std::vector<TargetGroup>& target_groups() {
  static const std::vector<TargetGroup> groups{
      {"core",
       {"abs", "abdos", "abdo", "abdominal", "abdominaux", "abdominales", "core", "belly", "tummy",
        "six pack", "sixpack", "ventre", "sangle abdominale", "gainage", "oblique", "obliques"},
       {"core"}, {"core"}, {"your core", "les abdos"}},
      {"legs",
       {"legs", "leg", "jambes", "cuisses", "thighs", "quads", "quadriceps", "lower body",
        "bas du corps", "mollets", "calves", "ischios", "hamstrings"},
       {"quadriceps", "hamstrings", "glutes", "calves"}, {}, {"your legs", "les jambes"}},
      {"glutes",
       {"glutes", "butt", "booty", "bum", "fessiers", "fesses", "hips"},
       {"glutes"}, {}, {"your glutes", "les fessiers"}},
      {"arms",
       {"arms", "bras", "triceps", "biceps"},
       {"triceps", "biceps"}, {}, {"your arms", "les bras"}},
      {"chest",
       {"chest", "pecs", "pectoraux", "pectoral", "poitrine", "pecto"},
       {"chest"}, {}, {"your chest", "les pectoraux"}},
      {"shoulders",
       {"shoulders", "delts", "epaules"},
       {"shoulders"}, {}, {"your shoulders", "les épaules"}},
      {"back",
       {"back", "lower back", "dos", "lombaires"},
       {"lower_back", "back"}, {}, {"your back", "le dos"}},
      {"upper_body",
       {"upper body", "haut du corps", "torse"},
       {"chest", "shoulders", "triceps", "biceps", "back"}, {}, {"your upper body", "le haut du corps"}},
      {"cardio",
       {"cardio", "endurance", "souffle", "heart rate", "burn calories", "bruler des calories",
        "lose weight", "perdre du poids", "fat burn", "fat burning", "bruler des graisses", "sweat",
        "transpirer"},
       {}, {"cardio", "hiit"}, {"cardio", "le cardio"}},
      {"hiit",
       {"hiit", "explosive", "explosif", "explosive moves", "fractionne", "interval training"},
       {}, {"hiit"}, {"HIIT", "le HIIT"}},
      {"strength",
       {"strength", "force", "renforcement", "renfo", "muscu", "musculation", "build muscle",
        "tone", "toning", "tonifier", "se muscler"},
       {}, {"strength"}, {"strength", "le renforcement"}},
      {"mobility",
       {"stretch", "stretching", "stretches", "etirement", "etirements", "mobility", "mobilite",
        "souplesse", "flexibility", "yoga", "assouplissement"},
       {}, {"flexibility"}, {"mobility", "la mobilité"}},
  };
  return groups;
}

namespace {

template <class Entry>
const Entry* find_by_key(const std::vector<Entry>& entries, const std::string& key) {
  auto it = std::find_if(entries.begin(), entries.end(), [&](const Entry& e) { return e.key == key; });
  return it == entries.end() ? nullptr : &*it;
}

}  // namespace

const TargetGroup* find_target_group(const std::string& key) { return find_by_key(target_groups(), key); }

std::vector<std::string> group_labels(const std::vector<std::string>& keys, Language language) {
  std::vector<std::string> labels;
  for (const auto& key : keys) {
    if (const TargetGroup* group = find_target_group(key)) labels.emplace_back(group->label.in(language));
  }
  return labels;
}

const std::vector<InjuryRule>& injury_rules() {
  static const std::vector<InjuryRule> rules{
      {"knee", {"knee", "knees", "genou", "genoux", "menisque", "meniscus"},
       {"quadriceps"}, {{"lunge"}, {"squat"}}, true, {"your knees", "vos genoux"}},
      {"back", {"back", "lower back", "dos", "lombaires", "lumbar", "spine", "colonne", "sciatique",
                "sciatica", "hernie"},
       {"lower_back"}, {{"kettlebell", "swing"}, {"burpee"}}, true, {"your back", "votre dos"}},
      {"shoulder", {"shoulder", "shoulders", "epaule", "epaules", "rotator cuff", "coiffe"},
       {"shoulders"}, {}, false, {"your shoulders", "vos épaules"}},
      {"wrist", {"wrist", "wrists", "poignet", "poignets", "hand", "main", "mains"},
       {}, {{"push", "up"}, {"plank"}, {"burpee"}, {"mountain", "climber"}}, false,
       {"your wrists", "vos poignets"}},
      {"ankle", {"ankle", "ankles", "cheville", "chevilles", "achilles", "achille", "foot", "pied"},
       {"calves"}, {}, true, {"your ankles", "vos chevilles"}},
      {"hip", {"hip", "hanche", "hanches"},
       {"hip_flexors"}, {{"lunge"}}, false, {"your hips", "vos hanches"}},
      {"elbow", {"elbow", "elbows", "coude", "coudes", "tennis elbow"},
       {"triceps"}, {}, false, {"your elbows", "vos coudes"}},
      {"neck", {"neck", "cou", "nuque", "cervicales"},
       {}, {{"shoulder", "press"}, {"burpee"}}, false, {"your neck", "votre nuque"}},
  };
  return rules;
}

const InjuryRule* find_injury_rule(const std::string& key) { return find_by_key(injury_rules(), key); }

const std::vector<ExerciseAlias>& exercise_aliases() {
  static const std::vector<ExerciseAlias> aliases{
      {{"pompe", "pompes", "pushup", "pushups", "press up", "press ups"}, {"push", "up"}},
      {{"fente", "fentes", "lunge"}, {"lunge"}},
      {{"squat", "squats", "flexion", "flexions"}, {"squat"}},
      {{"burpee", "burpees"}, {"burpee"}},
      {{"planche", "planches", "plank"}, {"plank"}},
      {{"montees de genoux", "montee de genoux", "genoux hauts", "high knee"}, {"high", "knee"}},
      {{"grimpeur", "grimpeurs", "mountain climber", "climber"}, {"mountain", "climber"}},
      {{"pont fessier", "pont", "hip thrust", "bridge"}, {"glute", "bridge"}},
      {{"developpe militaire", "developpe epaules", "developpe", "shoulder press"},
       {"shoulder", "press"}},
      {{"swing", "swings"}, {"kettlebell", "swing"}},
      {{"moulinet", "moulinets", "cercles de bras", "arm circle"}, {"arm", "circle"}},
      {{"etirement des ischios", "hamstring stretch"}, {"hamstring", "stretch"}},
      {{"jumping jack", "jumping jacks", "sauts en etoile", "jacks"}, {"jumping", "jack"}},
  };
  return aliases;
}

const std::vector<EquipmentWord>& equipment_words() {
  static const std::vector<EquipmentWord> words{
      {{"dumbbell", "dumbbells", "haltere", "halteres", "weights", "free weights"}, "dumbbells",
       {"dumbbells", "haltères"}},
      {{"kettlebell", "kettlebells", "kettle bell"}, "kettlebell", {"kettlebell", "kettlebell"}},
      {{"mat", "yoga mat", "tapis"}, "mat", {"mat", "tapis"}},
      {{"band", "bands", "resistance band", "elastique", "elastiques"}, "band",
       {"resistance band", "élastique"}},
  };
  return words;
}

const EquipmentWord* find_equipment(const std::string& item) {
  auto it = std::find_if(equipment_words().begin(), equipment_words().end(),
                         [&](const EquipmentWord& w) { return w.item == item; });
  return it == equipment_words().end() ? nullptr : &*it;
}

const std::set<std::string>& always_available_equipment() {
  static const std::set<std::string> items{"mat"};
  return items;
}

const Vocabulary& vocabulary() {
  static const Vocabulary v{
      .negation = {"no", "not", "without", "except", "excluding", "skip", "avoid", "hate",
                   "don't like", "do not like", "dont like", "nothing with", "sans", "pas de",
                   "pas d", "pas", "aucun", "aucune", "sauf", "hormis", "eviter", "evite", "evitez",
                   "deteste", "n aime pas", "je n aime pas", "ni"},
      .conjunction = {"or", "and", "nor", "ou", "et", "ni"},
      .injury_marker = {"hurt", "hurts", "hurting", "pain", "painful", "sore", "injury", "injured",
                        "bad", "weak", "fragile", "sprain", "sprained", "tendinitis", "problem",
                        "issue", "operated", "recovering", "mal", "douleur", "douleurs",
                        "douloureux", "douloureuse", "blesse", "blessee", "blessure", "tendinite",
                        "sensible", "entorse", "probleme", "opere", "operee", "souffre", "friendly", "protect",
                        "spare", "menager", "proteger", "preserver"},
      .jump = {"jump", "jumps", "jumping", "saut", "sauts", "sauter", "sautille", "bond", "bonds",
               "impact", "high impact", "plyo", "plyometric", "pliometrie"},
      .quiet = {"low impact", "faible impact", "sans impact", "no impact", "quiet", "silent",
                "silencieux", "silencieuse", "apartment", "appartement", "neighbours", "neighbors",
                "neighbour", "neighbor", "voisin", "voisins", "downstairs"},
      .no_equipment = {"bodyweight", "body weight", "poids du corps", "poids de corps",
                       "no equipment", "sans materiel", "sans equipement", "pas de materiel"},
      .equipment_general = {"equipment", "gear", "materiel", "equipement", "accessoire",
                            "accessoires", "weights"},
      .full_body = {"full body", "fullbody", "whole body", "total body", "corps entier",
                    "tout le corps", "corps complet", "complet", "complete", "general"},
      .high_intensity = {"intense", "intensive", "hard", "dur", "dure", "difficile", "tough",
                         "challenging", "brutal", "hardcore", "a fond", "vigorous", "sweaty",
                         "high intensity", "haute intensite", "forte intensite", "killer",
                         "exigeant", "exigeante", "sportive", "push me", "max", "soutenu",
                         "soutenue"},
      .medium_intensity = {"moderate", "modere", "moderee", "medium", "moyen", "moyenne",
                           "normal", "normale", "moderate intensity", "intensite moyenne",
                           "intensite moderee"},
      .low_intensity = {"easy", "facile", "gentle", "doux", "douce", "light", "leger", "legere",
                        "calm", "calme", "tranquille", "relax", "relaxing", "low intensity",
                        "basse intensite", "faible intensite", "slow", "lent", "lente", "soft",
                        "recovery", "recuperation", "chill", "mellow", "zen"},
      .beginner = {"beginner", "novice", "newbie", "new to", "just starting", "debutant",
                   "debutante", "je debute", "reprise", "je reprends", "getting back",
                   "out of shape", "pas en forme", "first time", "premiere fois"},
      .intermediate = {"intermediate", "intermediaire", "some experience", "regular"},
      .advanced = {"advanced", "avance", "avancee", "confirme", "confirmee", "expert", "athlete",
                   "very fit", "tres sportif", "tres sportive", "pro", "experienced"},
      .tabata = {"tabata"},
      .minute_unit = {"min", "mins", "minute", "minutes", "mn", "m"},
      .hour_unit = {"h", "hour", "hours", "hr", "heure", "heures"},
      .second_unit = {"s", "sec", "secs", "second", "seconds", "seconde", "secondes"},
      .half = {"and a half", "et demi", "et demie"},
      .quarter_hour = {"quarter of an hour", "quarter hour", "quart d heure", "un quart d heure"},
      .hour_word = {"an hour", "one hour", "une heure", "une h"},
      .half_hour = {"half an hour", "half hour", "half a hour", "demi heure", "une demi heure"},
      .round_unit = {"round", "rounds", "tour", "tours", "serie", "series", "circuit", "circuits",
                     "set", "sets", "cycle", "cycles", "lap", "laps", "fois"},
      .exercise_unit = {"exercise", "exercises", "exercice", "exercices", "move", "moves",
                        "mouvement", "mouvements", "exo", "exos"},
      .rest_word = {"rest", "repos", "recup", "recovery", "recuperation", "pause", "break", "off"},
      .french_marker = {"pour", "le", "la", "les", "des", "de", "du", "avec", "sans", "une", "un",
                        "je", "j", "mon", "ma", "mes", "et", "au", "aux", "pas", "mal", "seance",
                        "entrainement", "tres", "trop", "facile", "abdos", "jambes", "genoux",
                        "bras", "dos", "fessiers", "pompes", "debutant", "corps", "veux",
                        "voudrais", "faire", "rapide", "sur", "ni", "moi", "muscu",
                        "materiel", "saut", "sauts", "douce", "heure", "ai", "suis", "est",
                        "petite", "petit", "rien", "genou", "epaule", "cuisses", "fesses",
                        "minutes de", "s il te plait", "svp", "bonjour", "salut", "niveau"},
      .english_marker = {"for", "the", "with", "without", "my", "an", "and", "no", "workout",
                         "session", "please", "want", "need", "some", "easy", "hard", "knees",
                         "legs", "arms", "abs", "full", "body", "hurt", "hurts", "quick", "i",
                         "in", "of", "to", "jumps", "jumping", "equipment", "beginner",
                         "hour", "core", "give", "just", "is", "are", "am", "today", "minutes of",
                         "hi", "hello", "level", "something", "let", "make", "short"},
  };
  return v;
}

}  // namespace ws::coach
