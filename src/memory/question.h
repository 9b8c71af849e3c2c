#pragma once
// A question asked of a member's memory ("what did Léa tell us about her
// knee?", "qu'a-t-elle dit de son genou ?") as the search reads it: the
// topics it names, which match a summary's topics whatever the language of
// either, and its other words as written, which the database matches in
// French and in English (dropping each language's stop words). Pure.
#include <string>
#include <string_view>
#include <vector>

namespace ws::memory {

struct QuestionTerms {
  std::vector<std::string> topics;  // topic keys (topics.h), in order of mention
  std::vector<std::string> words;   // ASCII lower-cased, accents kept; words of asking ("tell", "dit") dropped
};

inline constexpr std::size_t kMaxQuestionWords = 12;
inline constexpr std::size_t kMaxQuestionWordBytes = 40;

QuestionTerms question_terms(std::string_view question);

}  // namespace ws::memory
