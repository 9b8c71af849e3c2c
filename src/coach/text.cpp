#include "coach/text.h"

#include <array>
#include <cctype>
#include <map>
#include <utility>

namespace ws::coach {
namespace {

// Two-byte UTF-8 sequences of the Latin-1 letters French uses, folded to ASCII.
const std::map<std::string, std::string>& accent_folds() {
  static const std::map<std::string, std::string> folds = [] {
    std::map<std::string, std::string> m;
    const std::pair<const char*, const char*> pairs[] = {
        {"à", "a"}, {"â", "a"}, {"ä", "a"}, {"ç", "c"}, {"é", "e"}, {"è", "e"}, {"ê", "e"},
        {"ë", "e"}, {"î", "i"}, {"ï", "i"}, {"ô", "o"}, {"ö", "o"}, {"ù", "u"}, {"û", "u"},
        {"ü", "u"}, {"ÿ", "y"}, {"œ", "oe"}, {"æ", "ae"}, {"À", "a"}, {"Â", "a"}, {"Ç", "c"},
        {"É", "e"}, {"È", "e"}, {"Ê", "e"}, {"Î", "i"}, {"Ô", "o"}, {"Ù", "u"}, {"Û", "u"},
        {"Œ", "oe"}, {"’", "'"}};
    for (const auto& [from, to] : pairs) m.emplace(from, to);
    return m;
  }();
  return folds;
}

std::size_t utf8_length(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

// Number words of both languages; compounds ("vingt cinq", "twenty-five") are
// summed by tokenize().
const std::map<std::string, int>& number_words() {
  static const std::map<std::string, int> words{
      {"one", 1},       {"two", 2},        {"three", 3},   {"four", 4},     {"five", 5},
      {"six", 6},       {"seven", 7},      {"eight", 8},   {"nine", 9},     {"ten", 10},
      {"twelve", 12},   {"fifteen", 15},   {"twenty", 20}, {"thirty", 30},  {"forty", 40},
      {"fifty", 50},    {"sixty", 60},     {"ninety", 90}, {"deux", 2},     {"trois", 3},
      {"quatre", 4},    {"cinq", 5},       {"sept", 7},    {"huit", 8},     {"neuf", 9},
      {"dix", 10},      {"douze", 12},     {"quinze", 15}, {"vingt", 20},   {"trente", 30},
      {"quarante", 40}, {"cinquante", 50}, {"soixante", 60}};
  return words;
}

bool is_tens(int n) { return n >= 20 && n % 10 == 0; }

Token number_token(int value, bool spelled = false) {
  Token t;
  t.kind = Token::Kind::number;
  t.value = value;
  t.text = std::to_string(value);
  t.spelled = spelled;
  return t;
}

// `word` is folded but not yet made singular ("six" must not become "si").
Token word_token(const std::string& word) {
  if (word == "but" || word == "mais") return Token{Token::Kind::clause_break, ",", 0};
  if (auto it = number_words().find(word); it != number_words().end()) {
    return number_token(it->second, true);
  }
  return Token{Token::Kind::word, singular(word), 0};
}

// "twenty five" / "vingt-cinq" arrive as two spelled numbers: add them up.
void push_token(Tokens& out, Token token) {
  if (token.spelled && token.value < 10 && !out.empty() && out.back().spelled &&
      is_tens(out.back().value)) {
    out.back() = number_token(out.back().value + token.value, true);
    return;
  }
  out.push_back(std::move(token));
}

}  // namespace

std::string fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = std::min(utf8_length(lead), text.size() - i);
    if (length == 1) {
      out += static_cast<char>(std::tolower(lead));
    } else {
      auto it = accent_folds().find(std::string(text.substr(i, length)));
      out += it == accent_folds().end() ? std::string(" ") : it->second;
    }
    i += length;
  }
  return out;
}

std::string singular(std::string_view word) {
  std::string w(word);
  if (w.size() >= 3 && (w.back() == 's' || w.back() == 'x') && w[w.size() - 2] != 's') {
    w.pop_back();
  }
  return w;
}

Tokens tokenize(std::string_view raw) {
  const std::string text = fold(raw);
  Tokens out;
  std::size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      std::size_t end = i;
      while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) ++end;
      std::string digits = text.substr(i, std::min<std::size_t>(end - i, 6));  // no overflow
      push_token(out, number_token(std::stoi(digits)));
      i = end;
    } else if (std::isalpha(static_cast<unsigned char>(c))) {
      std::size_t end = i;
      while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) ++end;
      push_token(out, word_token(text.substr(i, end - i)));
      i = end;
    } else {
      if (c == '/') out.push_back(Token{Token::Kind::slash, "/", 0});
      if (c == ',' || c == '.' || c == ';' || c == '!' || c == '?' || c == '\n') {
        out.push_back(Token{Token::Kind::clause_break, ",", 0});
      }
      ++i;
    }
  }
  return out;
}

std::vector<std::string> phrase_words(std::string_view phrase) {
  std::vector<std::string> words;
  for (const Token& t : tokenize(phrase)) words.push_back(t.text);
  return words;
}

bool phrase_at(const Tokens& tokens, std::size_t at, const std::vector<std::string>& phrase) {
  if (phrase.empty() || at + phrase.size() > tokens.size()) return false;
  for (std::size_t k = 0; k < phrase.size(); ++k) {
    if (tokens[at + k].text != phrase[k]) return false;
  }
  return true;
}

}  // namespace ws::coach
