#include "wod/source_hash.h"

#include <algorithm>
#include <cctype>

#include "common/file_facts.h"

namespace ws::wod {
namespace {

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

}  // namespace

std::string normalised_source(std::string_view source) {
  auto first = std::find_if_not(source.begin(), source.end(), is_space);
  auto last = std::find_if_not(source.rbegin(), std::make_reverse_iterator(first), is_space).base();
  std::string out(first, last);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string source_hash(std::string_view source) { return sha256_hex(normalised_source(source)); }

}  // namespace ws::wod
