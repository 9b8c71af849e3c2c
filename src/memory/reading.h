#pragma once
// A sentence as the memory reads it: the words the coach's tokenizer makes of
// it (folded, singular, clause breaks at commas and "but" / "mais"), which
// clause each word is in, and where phrases occur. Pure.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "coach/lexicon.h"
#include "coach/text.h"

namespace ws::memory {

struct Span {
  std::size_t at = 0;
  std::size_t length = 0;
  std::size_t end() const { return at + length; }
};

class Reading {
 public:
  // `english`: the sentence's language, which decides a few words both
  // languages spell alike ("main" is a hand only in French).
  Reading(coach::Tokens tokens, bool english);

  const coach::Tokens& tokens() const { return tokens_; }
  std::size_t size() const { return tokens_.size(); }
  bool english() const { return english_; }
  int clause_of(std::size_t at) const { return clauses_.at(at); }
  bool same_clause(std::size_t a, std::size_t b) const { return clause_of(a) == clause_of(b); }
  // The word's folded text; "" for numbers, clause breaks and positions past the end.
  const std::string& word(std::size_t at) const;

  // Every occurrence of `phrases`, left to right, the longest at each place,
  // never overlapping.
  std::vector<Span> find(const coach::Phrases& phrases) const;
  // Is there a phrase of `phrases` starting in [from, to) (clamped to the sentence)?
  bool any_between(const coach::Phrases& phrases, long from, long to) const;
  // ... starting in [from, to) and inside clause `clause`.
  bool any_in_clause_between(const coach::Phrases& phrases, int clause, long from, long to) const;
  bool any_in_clause(const coach::Phrases& phrases, int clause) const;
  bool any(const coach::Phrases& phrases) const;

 private:
  coach::Tokens tokens_;
  bool english_ = false;
  std::vector<int> clauses_;
};

// A sentence of a turn: its words as said (the quote a fact keeps) and read.
struct Sentence {
  std::string quote;
  Reading reading;
};

// The sentences of a text, cut after ".", "!", "?", "…" and line breaks
// (not inside "10.5"), each trimmed; empty ones dropped.
std::vector<Sentence> sentences_of(std::string_view text);

// Is the text English rather than French (the coach's language markers)?
// `otherwise` when it has as many words of one as of the other.
bool reads_english(const coach::Tokens& tokens, std::string_view raw, bool otherwise);

}  // namespace ws::memory
