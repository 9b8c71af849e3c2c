#include "coach/phrasebook.h"

#include <map>

namespace ws::coach {
namespace {

struct Both {
  const char* en;
  const char* fr;
};

// What the gym remembers of a member, and what each fact did.
std::map<Phrase, Both> remembered_fact_phrases() {
  return {
      {Phrase::unreadable_remembered,
       {"I could not make out a specific request, so I went by what your gym remembers of you.",
        "Je n'ai pas pu lire de demande précise : je me suis fié à ce que votre salle a retenu de vous."}},
      // "Remembered injury “knee pain”: I left out ...".
      {Phrase::remembered_fact, {"{} “{}”: {}.", "{} « {} » : {}."}},
      {Phrase::fact_spared, {"I left out {} to spare {}", "j'ai écarté {} pour ménager {}"}},
      {Phrase::fact_spared_nothing_dropped,
       {"I kept to exercises that spare {}", "je n'ai gardé que des exercices qui ménagent {}"}},
      {Phrase::fact_left_out, {"I left out {}", "j'ai écarté {}"}},
      {Phrase::fact_kept_as_asked,
       {"I kept {} as you asked, but go gently", "j'ai gardé {} à votre demande, mais allez-y doucement"}},
      {Phrase::fact_aimed, {"I aimed the workout at {}", "j'ai orienté la séance vers {}"}},
      {Phrase::fact_favourites, {"I included {}", "j'ai inclus {}"}},
      {Phrase::fact_intensity, {"I chose a {} intensity", "j'ai choisi une intensité {}"}},
  };
}

// What the workout is, what shaped it and what was assumed.
std::map<Phrase, Both> workout_phrases() {
  return {
      {Phrase::unreadable,
       {"I could not make out a specific request, so here is a balanced workout.",
        "Je n'ai pas pu lire de demande précise : voici une séance équilibrée."}},
      {Phrase::summary,
       {"Your {} workout ({} intensity{}): {} exercises × {} rounds, {} s of work and {} s of rest{}.",
        "Votre séance de {} (intensité {}{}) : {} exercices × {} tours, {} s d'effort et {} s de repos{}."}},
      {Phrase::summary_focus, {", for {}", ", pour {}"}},
      {Phrase::full_body, {", full body", ", tout le corps"}},
      {Phrase::warm_up_and_cool_down,
       {", with a {} warm-up and a {} cool-down", ", avec {} d'échauffement et {} de retour au calme"}},
      {Phrase::warm_up_only, {", with a {} warm-up", ", avec {} d'échauffement"}},
      {Phrase::cool_down_only, {", with a {} cool-down", ", avec {} de retour au calme"}},
      {Phrase::exercises, {"Exercises: {}.", "Exercices : {}."}},
      {Phrase::no_jump, {"No jumping exercises.", "Aucun exercice avec saut."}},
      {Phrase::injury, {"To spare {}, I left out {}.", "Pour ménager {}, j'ai écarté {}."}},
      {Phrase::injury_nothing_dropped,
       {"To spare {}, I kept to exercises that do not load them.",
        "Pour ménager {}, je n'ai gardé que des exercices qui ne les sollicitent pas."}},
      {Phrase::excluded_by_request, {"Left out as asked: {}.", "Écartés comme demandé : {}."}},
      {Phrase::avoided_groups, {"Nothing that works {}.", "Rien qui sollicite {}."}},
      {Phrase::bodyweight_only, {"Bodyweight only.", "Au poids du corps, sans matériel."}},
      {Phrase::equipment_used, {"Equipment you have: {}.", "Votre matériel : {}."}},
      {Phrase::excluded_by_profile,
       {"Your excluded exercises stay out ({}).", "Vos exercices exclus restent écartés ({})."}},
      {Phrase::favourites, {"Your favourites are in: {}.", "Vos favoris sont inclus : {}."}},
      {Phrase::recent,
       {"I skipped what you did yesterday: {}.", "J'ai évité ce que vous avez fait hier : {}."}},
      {Phrase::feedback_raised,
       {"Your last session felt too easy, so I raised the intensity.",
        "Votre dernière séance vous a semblé trop facile : j'ai augmenté l'intensité."}},
      {Phrase::feedback_lowered,
       {"Your last session felt too hard, so I lowered the intensity.",
        "Votre dernière séance vous a semblé trop dure : j'ai baissé l'intensité."}},
      {Phrase::widened,
       {"To find enough exercises, I allowed these difficulties: {}.",
        "Pour trouver assez d'exercices, j'ai admis ces difficultés : {}."}},
      {Phrase::uncovered,
       {"No exercise of the catalog works {} under these constraints.",
        "Aucun exercice du catalogue ne travaille {} avec ces contraintes."}},
      {Phrase::closest_duration,
       {"{} was the closest I could get to {}.", "{} est le plus proche possible de {}."}},
      {Phrase::clamped_duration,
       {"Workouts last 5 to 120 minutes, so I made it {} (you asked for {} min).",
        "Une séance dure de 5 à 120 minutes : je l'ai ramenée à {} ({} min demandées)."}},
      {Phrase::assumed, {"I assumed {}.", "J'ai supposé {}."}},
      {Phrase::assume_minutes, {"{} minutes", "{} minutes"}},
      {Phrase::assume_bare_minutes, {"that {} meant minutes", "que {} voulait dire des minutes"}},
      {Phrase::assume_level, {"{} level", "niveau {}"}},
      {Phrase::assume_intensity, {"{} intensity", "intensité {}"}},
      {Phrase::assume_equipment,
       {"no equipment (a mat at most)", "pas de matériel (un tapis tout au plus)"}},
      {Phrase::and_word, {"and", "et"}},
      {Phrase::name_format, {"{} · {} · {}", "{} · {} · {}"}},
      {Phrase::name_full_body, {"Full body", "Corps entier"}},
  };
}

const std::map<Phrase, Both>& phrases() {
  static const std::map<Phrase, Both> table = [] {
    std::map<Phrase, Both> t = workout_phrases();
    t.merge(remembered_fact_phrases());
    return t;
  }();
  return table;
}

const char* in(const Both& both, Language language) { return language == Language::fr ? both.fr : both.en; }

}  // namespace

const char* say(Phrase phrase, Language language) { return in(phrases().at(phrase), language); }

// The enums count from 0 in the order of these tables.
const char* label(Intensity intensity, Language language) {
  static const Both labels[] = {{"low", "douce"}, {"moderate", "modérée"}, {"high", "élevée"}};
  return in(labels[static_cast<int>(intensity)], language);
}

const char* label(FitnessLevel level, Language language) {
  static const Both labels[] = {
      {"beginner", "débutant"}, {"intermediate", "intermédiaire"}, {"advanced", "avancé"}};
  return in(labels[static_cast<int>(level)], language);
}

const char* label(Difficulty difficulty, Language language) {
  static const Both labels[] = {{"easy", "facile"}, {"medium", "moyen"}, {"hard", "difficile"}};
  return in(labels[static_cast<int>(difficulty)], language);
}

const char* label(FactCategory category, Language language) {
  static const Both labels[] = {{"Remembered goal", "Objectif noté"},
                                {"Remembered injury", "Blessure notée"},
                                {"Remembered preference", "Préférence notée"},
                                {"Remembered progress", "Progrès noté"},
                                {"Remembered concern", "Point d'attention noté"}};
  return in(labels[static_cast<int>(category)], language);
}

std::string join_words(const std::vector<std::string>& items, Language language) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? std::string(" ") + say(Phrase::and_word, language) + " " : ", ";
    out += items[i];
  }
  return out;
}

std::string duration_text(int seconds) {
  std::string text = std::to_string(seconds / 60) + " min";
  if (seconds % 60) text += " " + std::to_string(seconds % 60) + " s";
  if (seconds < 60) text = std::to_string(seconds) + " s";
  return text;
}

}  // namespace ws::coach
