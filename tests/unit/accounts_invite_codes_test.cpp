// Invite codes: their shape, their randomness, and that the stored hash
// forgives how a person types a code back.
#include <regex>
#include <set>

#include <gtest/gtest.h>

#include "accounts/invite_codes.h"
#include "common/file_facts.h"

namespace ws::accounts {
namespace {

TEST(InviteCodes, AreFiveGroupsOfFourBase32Characters) {
  static const std::regex shape("([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}");
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    auto code = new_invite_code();
    ASSERT_TRUE(code.ok());
    EXPECT_TRUE(std::regex_match(*code, shape)) << *code;
    seen.insert(*code);
  }
  EXPECT_EQ(seen.size(), 200u);  // 100 random bits each: a repeat would mean no randomness
}

TEST(InviteCodes, TheHashIgnoresCaseSeparatorsAndLookAlikes) {
  const std::string stored = invite_code_sha256("0A1B-2C3D-4E5F-6G7H-8J9K");
  EXPECT_EQ(stored.size(), 64u);
  EXPECT_NE(stored, sha256_hex("0A1B-2C3D-4E5F-6G7H-8J9K"));  // the canonical form is hashed, not the text
  for (const char* typed : {"0a1b-2c3d-4e5f-6g7h-8j9k", "0A1B2C3D4E5F6G7H8J9K", " 0A1B 2C3D 4E5F 6G7H 8J9K ",
                            "OA1B-2C3D-4E5F-6G7H-8J9K", "0AlB-2C3D-4E5F-6G7H-8J9K", "0AIB-2C3D-4E5F-6G7H-8J9K"}) {
    EXPECT_EQ(invite_code_sha256(typed), stored) << typed;
  }
  EXPECT_NE(invite_code_sha256("0A1B-2C3D-4E5F-6G7H-8J9M"), stored);
}

}  // namespace
}  // namespace ws::accounts
