#pragma once
// The words the memory reads in what members say, French and English, as
// data. They complete the coach's lexicon (coach/lexicon.h: body parts,
// injury words, exercise names, intensities), which the memory uses as is:
// here are the words of conversation rather than of requests (who is
// speaking about whom, time, negation, likes and dislikes, goals, worries).
// Every phrase is stored as coach::tokenize() makes it.
#include <string>
#include <vector>

#include "coach/lexicon.h"

namespace ws::memory {

using coach::Phrases;

struct ConversationWords {
  Phrases first_person;      // "je", "j", "i", "me", "moi": the member speaking of themself
  Phrases own_possessive;    // "my", "mon", "ma", "mes"
  Phrases other_possessive;  // "his", "her", "sa", "son", "ses", "leur"
  Phrases other_person;      // "friend", "ma femme", "il", "she": someone else
  Phrases impersonal;        // "il y a", "il faut", "il fait": "il" naming nobody
  Phrases negation;          // "not", "don t", "pas", "jamais", "aucune", "sans"
  Phrases no_longer;         // "anymore", "no longer" (French "ne ... plus" is read apart)
  Phrases healed;            // "healed", "gueri", "fine now", "ca va mieux maintenant"
  Phrases injury_marker;     // beyond the coach's: "broke", "tordu", "me lance", "ache"
  Phrases long_ago;          // "years ago", "l an dernier", "quand j etais"
  Phrases past;              // "had", "used to", "avais", "etait"
  Phrases ongoing;           // "still", "depuis", "toujours", "since", "yesterday"
  Phrases hedge;             // "a bit", "un peu", "maybe", "je crois"
  Phrases severe;            // "very", "tres", "terrible", "atroce"
  Phrases left, right;       // sides of a body part
  Phrases not_a_side;        // "right now", "tout droit"
  Phrases lower_back, upper_back;
  Phrases conjunction;       // "and", "et", "ou": one cue shared by parts listed together
  Phrases like, dislike;     // "j adore", "i love" / "je deteste", "i hate"
  Phrases prefer;            // "je prefere", "i prefer": a taste for an intensity
  Phrases goal_marker;       // "je veux", "my goal", "training for"
  Phrases year_unit;         // "an", "year": after a number ("deux ans"), long ago
  Phrases short_unit;        // "jour", "week", "mois": after a number, recent
  Phrases some;              // "quelques", "few", "plusieurs": a number in words
  Phrases cannot;            // "can t", "ne peux pas": "I can't jump"
  Phrases question_filler;   // "tell", "dit", "raconte": words of asking, not of the answer
  Phrases since;             // "depuis", "since": the date an injury started follows
  Phrases weight_unit;       // "kilo", "kg", "pound", "lb"
  Phrases lost;              // "perdu", "lost"
};
const ConversationWords& conversation_words();

// A month's name in both languages, for "depuis janvier" -> "january".
struct Month {
  std::string name;  // English, lower case
  Phrases words;
};
const std::vector<Month>& months();

}  // namespace ws::memory
