#include "memory/reading.h"

#include <algorithm>
#include <cctype>

#include "coach/understand.h"

namespace ws::memory {
namespace {

const std::string kNoWord;

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// Where the sentence starting at `from` ends (one past its last byte).
std::size_t sentence_end(std::string_view text, std::size_t from) {
  for (std::size_t i = from; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') return i + 1;
    if (text.compare(i, 3, "\xE2\x80\xA6") == 0) return i + 3;  // "…"
    if (c != '.' && c != '!' && c != '?') continue;
    std::size_t end = i + 1;
    while (end < text.size() && (text[end] == '.' || text[end] == '!' || text[end] == '?')) ++end;
    const bool decimal = c == '.' && end == i + 1 && i > 0 && end < text.size() &&
                         std::isdigit(static_cast<unsigned char>(text[i - 1])) &&
                         std::isdigit(static_cast<unsigned char>(text[end]));
    if (!decimal) return end;
  }
  return text.size();
}

}  // namespace

Reading::Reading(coach::Tokens tokens, bool english) : tokens_(std::move(tokens)), english_(english) {
  int clause = 0;
  for (const coach::Token& t : tokens_) {
    if (t.kind == coach::Token::Kind::clause_break) ++clause;
    clauses_.push_back(clause);
  }
}

const std::string& Reading::word(std::size_t at) const {
  if (at >= tokens_.size() || !tokens_[at].is_word()) return kNoWord;
  return tokens_[at].text;
}

std::vector<Span> Reading::find(const coach::Phrases& phrases) const {
  std::vector<Span> out;
  for (std::size_t i = 0; i < tokens_.size();) {
    std::size_t n = phrases.match(tokens_, i);
    if (n) out.push_back(Span{i, n});
    i += std::max<std::size_t>(n, 1);
  }
  return out;
}

bool Reading::any_between(const coach::Phrases& phrases, long from, long to) const {
  const long last = std::min<long>(to, static_cast<long>(tokens_.size()));
  for (long i = std::max(0L, from); i < last; ++i) {
    if (phrases.match(tokens_, static_cast<std::size_t>(i))) return true;
  }
  return false;
}

bool Reading::any_in_clause_between(const coach::Phrases& phrases, int clause, long from, long to) const {
  const long last = std::min<long>(to, static_cast<long>(tokens_.size()));
  for (long i = std::max(0L, from); i < last; ++i) {
    auto at = static_cast<std::size_t>(i);
    if (clauses_[at] == clause && phrases.match(tokens_, at)) return true;
  }
  return false;
}

bool Reading::any_in_clause(const coach::Phrases& phrases, int clause) const {
  return any_in_clause_between(phrases, clause, 0, static_cast<long>(tokens_.size()));
}

bool Reading::any(const coach::Phrases& phrases) const {
  return any_between(phrases, 0, static_cast<long>(tokens_.size()));
}

bool reads_english(const coach::Tokens& tokens, std::string_view raw, bool otherwise) {
  bool guessed = false;
  const coach::Language fallback = otherwise ? coach::Language::en : coach::Language::fr;
  return coach::detect_language(tokens, raw, fallback, guessed) == coach::Language::en;
}

std::vector<Sentence> sentences_of(std::string_view text) {
  std::vector<Sentence> out;
  const bool text_english = reads_english(coach::tokenize(text), text, false);
  for (std::size_t from = 0; from < text.size();) {
    std::size_t end = sentence_end(text, from);
    std::string_view quote = trim(text.substr(from, end - from));
    from = end;
    coach::Tokens tokens = coach::tokenize(quote);
    if (tokens.empty()) continue;
    const bool english = reads_english(tokens, quote, text_english);
    out.push_back(Sentence{std::string(quote), Reading(std::move(tokens), english)});
  }
  return out;
}

}  // namespace ws::memory
