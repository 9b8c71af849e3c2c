#include "coach/lexicon.h"
#include "coach/understand.h"

namespace ws::coach {

const char* to_string(Language language) { return language == Language::fr ? "fr" : "en"; }

Language detect_language(const Tokens& tokens, std::string_view raw, Language fallback,
                         bool& guessed) {
  const Vocabulary& v = vocabulary();
  int french = 0, english = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (v.french_marker.match(tokens, i)) ++french;
    if (v.english_marker.match(tokens, i)) ++english;
  }
  // Accented letters are two-byte UTF-8 sequences starting with 0xC3 (é, è, à, ç...).
  for (char c : raw) french += static_cast<unsigned char>(c) == 0xC3 ? 1 : 0;
  guessed = french == english;
  if (guessed) return fallback;
  return french > english ? Language::fr : Language::en;
}

bool name_contains(const NameWords& name, const NameWords& key) {
  if (key.empty() || key.size() > name.size()) return false;
  for (std::size_t start = 0; start + key.size() <= name.size(); ++start) {
    bool all = true;
    for (std::size_t k = 0; k < key.size() && all; ++k) all = name[start + k] == key[k];
    if (all) return true;
  }
  return false;
}

}  // namespace ws::coach
