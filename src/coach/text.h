#pragma once
// Text as the coach reads it: lower case, French accents folded ("épaules" ->
// "epaules"), split into words, numbers and clause breaks, each word reduced
// to a crude singular so "genoux"/"genou" and "knees"/"knee" meet. Pure.
#include <string>
#include <string_view>
#include <vector>

namespace ws::coach {

struct Token {
  enum class Kind { word, number, slash, clause_break };
  Kind kind = Kind::word;
  std::string text;  // the folded, singular word; the digits of a number
  int value = 0;     // numbers only
  bool spelled = false;  // a number written as a word ("twenty")

  bool is_word() const { return kind == Kind::word; }
  bool is_number() const { return kind == Kind::number; }
};

using Tokens = std::vector<Token>;

// Lower-case ASCII with the accents of French letters removed; other
// non-ASCII bytes become spaces.
std::string fold(std::string_view text);

// "genoux" -> "genou", "knees" -> "knee", "abdos" -> "abdo"; "press" stays.
std::string singular(std::string_view word);

// Words and numbers in order; ",", ".", ";", "!", "?" and the words "but" /
// "mais" become clause breaks; "/" is kept (as in "40/20"); number words
// ("twenty", "vingt-cinq") become numbers.
Tokens tokenize(std::string_view text);

// The words of a phrase ("full body") as tokenize() would make them.
std::vector<std::string> phrase_words(std::string_view phrase);

// True when the words of `phrase` start at tokens[at].
bool phrase_at(const Tokens& tokens, std::size_t at, const std::vector<std::string>& phrase);

}  // namespace ws::coach
