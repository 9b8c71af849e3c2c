#include "memory/tables.h"

namespace ws::memory {

const std::vector<GoalKind>& goal_kinds() {
  static const std::vector<GoalKind> kinds{
      {"lose_weight",
       {"lose weight", "losing weight", "perdre du poids", "perdre des kilos", "maigrir", "mincir", "lose fat",
        "weight loss", "perte de poids", "slim down", "get lean", "secher", "burn fat", "bruler des graisses",
        "perdre du ventre", "lose belly fat"},
       "weight_loss"},
      {"build_strength",
       {"build muscle", "gain muscle", "prendre du muscle", "me muscler", "muscler", "get stronger", "stronger",
        "plus fort", "plus forte", "prise de masse", "prendre de la masse", "bulk", "strength", "force",
        "renforcer", "more muscle", "plus de muscle"},
       "strength"},
      {"endurance",
       {"run", "running", "courir", "marathon", "semi marathon", "half marathon", "5k", "10k", "10 km", "21 km",
        "42 km", "trail", "endurance", "souffle", "stamina", "cardio", "triathlon", "course a pied", "velo",
        "cycling", "natation", "swimming"},
       "endurance"},
      {"mobility",
       {"mobility", "mobilite", "flexibility", "flexible", "souplesse", "souple", "move better", "bouger mieux",
        "stretch", "stretching", "etirement", "etirements", "touch my toes", "toucher mes pieds", "yoga"},
       "mobility"},
  };
  return kinds;
}

const std::vector<ConcernKind>& concern_kinds() {
  static const std::vector<ConcernKind> kinds{
      {"stress",
       {"stress", "stresse", "stressee", "stressed", "stressful", "anxious", "anxiety", "anxieux", "anxieuse",
        "angoisse", "angoissee", "worried", "worry", "inquiet", "inquiete", "pressure", "pression", "burn out",
        "burnout", "overwhelmed", "nerveux", "nerveuse", "tendu", "tendue"}},
      {"sleep",
       {"sleep badly", "sleep poorly", "don t sleep", "can t sleep", "insomnia", "insomnie", "dors mal",
        "mal dormi", "pas dormi", "trouble sleeping", "not sleeping", "dors peu", "manque de sommeil",
        "lack of sleep", "probleme de sommeil", "sleep problem", "sleep issue", "barely slept"}},
      {"fatigue",
       {"tired", "exhausted", "epuise", "epuisee", "fatigue", "fatiguee", "creve", "crevee", "no energy",
        "pas d energie", "low energy", "drained", "knackered", "a plat", "worn out", "a bout"}},
      {"time",
       {"no time", "pas le temps", "pas de temps", "busy", "overbooked", "deborde", "debordee",
        "manque de temps", "lack of time", "short on time", "peu de temps", "not enough time",
        "pas assez de temps", "workload", "charge de travail"}},
      {"motivation",
       {"unmotivated", "demotive", "demotivee", "lost motivation", "lost my motivation", "no motivation",
        "pas motive", "pas motivee", "plus motive", "plus motivee", "manque de motivation",
        "lack of motivation", "give up", "abandonner", "lazy", "flemme", "du mal a venir", "struggle to come"}},
      {"cost",
       {"too expensive", "trop cher", "trop chere", "expensive", "afford", "can t afford", "budget serre",
        "tight budget", "money is tight", "pas les moyens", "coute trop", "costs too much"}},
      {"leaving",
       {"cancel my membership", "cancel my subscription", "cancelling my membership", "canceling my membership",
        "resilier", "resiliation", "quit the gym", "quitter la salle",
        "arreter mon abonnement", "stop my membership", "leave the gym", "changer de salle", "switch gyms",
        "another gym", "une autre salle"}},
      {"fear_of_injury",
       {"peur de me blesser", "afraid of getting hurt", "afraid to get hurt", "scared of getting hurt",
        "fear of injury", "peur de me faire mal", "afraid of hurting myself", "scared of injury",
        "peur de la blessure", "crainte de me blesser", "afraid of injury", "peur de me reblesser"}},
  };
  return kinds;
}

}  // namespace ws::memory
