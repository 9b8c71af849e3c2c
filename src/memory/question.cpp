#include "memory/question.h"

#include <algorithm>
#include <cctype>

#include "memory/reading.h"
#include "memory/topics.h"
#include "memory/words.h"

namespace ws::memory {
namespace {

// UTF-8 punctuation that separates words like ASCII punctuation does.
constexpr std::string_view kSeparators[] = {
    "\xE2\x80\x99", "\xE2\x80\x98", "\xC2\xAB", "\xC2\xBB", "\xE2\x80\xA6", "\xE2\x80\x93", "\xE2\x80\x94",
    "\xC2\xA0",     "\xE2\x80\x9C", "\xE2\x80\x9D", "\xC2\xBF", "\xC2\xA1"};

// The length of the separator at `at`: 0 within a word.
std::size_t separator_at(std::string_view text, std::size_t at) {
  const auto c = static_cast<unsigned char>(text[at]);
  if (c < 0x80) return std::isalnum(c) ? 0 : 1;
  for (std::string_view separator : kSeparators) {
    if (text.substr(at, separator.size()) == separator) return separator.size();
  }
  return 0;
}

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (std::size_t i = 0; i < text.size();) {
    if (std::size_t n = separator_at(text, i)) {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
      i += n;
      continue;
    }
    word += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
    ++i;
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

bool worth_searching(const std::string& word) {
  if (word.size() < 2 || word.size() > kMaxQuestionWordBytes) return false;
  const coach::Tokens tokens = coach::tokenize(word);
  return !(tokens.size() == 1 && conversation_words().question_filler.match(tokens, 0) == 1);
}

}  // namespace

QuestionTerms question_terms(std::string_view question) {
  QuestionTerms terms;
  const coach::Tokens tokens = coach::tokenize(question);
  terms.topics = topics_named(Reading(tokens, reads_english(tokens, question, false)));
  for (std::string& word : words_of(question)) {
    if (terms.words.size() < kMaxQuestionWords && worth_searching(word)) coach::add_once(terms.words, word);
  }
  return terms;
}

}  // namespace ws::memory
