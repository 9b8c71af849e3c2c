// Join codes: the alphabet without look-alikes, every character drawn
// equally often, biased draws thrown away, typed codes read back.
#include <gtest/gtest.h>

#include <map>
#include <vector>

#include "live/join_code.h"

namespace ws::live {
namespace {

// Plays back `draws` in order, then repeats the last one.
RandomSource scripted(std::vector<std::uint32_t> draws) {
  auto at = std::make_shared<std::size_t>(0);
  return [draws = std::move(draws), at] { return draws.at(std::min(draws.size() - 1, (*at)++)); };
}

TEST(LiveJoinCode, TheAlphabetHasNoLookAlikes) {
  EXPECT_EQ(kJoinCodeAlphabet.size(), 20u);
  for (char confusable : std::string("0OQD1IL2Z5S8BUVG")) {
    EXPECT_EQ(kJoinCodeAlphabet.find(confusable), std::string_view::npos) << confusable;
  }
}

TEST(LiveJoinCode, DrawsSixCharactersOfTheAlphabet) {
  std::string code = draw_join_code(scripted({0, 1, 2, 19, 20, 39}));
  EXPECT_EQ(code, "ACE9A9");  // 20 and 39 wrap around to the first and last characters
  std::string fresh = draw_join_code(system_random());
  ASSERT_EQ(fresh.size(), kJoinCodeLength);
  for (char c : fresh) EXPECT_NE(kJoinCodeAlphabet.find(c), std::string_view::npos) << fresh;
}

TEST(LiveJoinCode, ThrowsAwayDrawsThatWouldFavourTheFirstCharacters) {
  const std::uint32_t biased = 0xFFFFFFFFu;  // beyond the last whole multiple of 20
  std::string code = draw_join_code(scripted({biased, biased, 3, 3, 3, 3, 3, 3}));
  EXPECT_EQ(code, std::string(6, kJoinCodeAlphabet[3]));
}

TEST(LiveJoinCode, EveryCharacterIsEquallyLikely) {
  std::map<char, int> seen;
  RandomSource random = system_random();
  for (int i = 0; i < 2000; ++i) {
    for (char c : draw_join_code(random)) ++seen[c];
  }
  ASSERT_EQ(seen.size(), kJoinCodeAlphabet.size());
  for (const auto& [c, count] : seen) {
    EXPECT_GT(count, 450) << c;  // 600 expected of each; 450 is more than 6 standard deviations off
    EXPECT_LT(count, 750) << c;
  }
}

TEST(LiveJoinCode, ReadsTypedCodesBack) {
  EXPECT_EQ(normalized_join_code("  ace479 "), "ACE479");
  EXPECT_EQ(normalized_join_code("ACE479"), "ACE479");
  EXPECT_EQ(normalized_join_code("ACE47"), std::nullopt);
  EXPECT_EQ(normalized_join_code("ACE4790"), std::nullopt);
  EXPECT_EQ(normalized_join_code("ACE470"), std::nullopt);  // 0 is never in a code
  EXPECT_EQ(normalized_join_code(""), std::nullopt);
}

}  // namespace
}  // namespace ws::live
