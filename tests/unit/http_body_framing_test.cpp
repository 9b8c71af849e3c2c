// A request's body must have one unambiguous end before any of it is read.
#include "http/body_framing.h"

#include <gtest/gtest.h>

namespace ws::http {
namespace {

TEST(BodyFraming, APlainDecimalLengthIsANumber) {
  EXPECT_EQ(plain_content_length("0"), 0u);
  EXPECT_EQ(plain_content_length("1048576"), 1048576u);
  EXPECT_EQ(plain_content_length("00042"), 42u);
  EXPECT_EQ(plain_content_length("9223372036854775807"), 9223372036854775807u);
}

TEST(BodyFraming, AnythingElseIsNot) {
  for (const char* text : {"", "-1", "-5", "+5", "1e3", "0x10", "5 5", " 5", "5 ", "5,5", "5.0", "٣",
                           "99999999999999999999", "18446744073709551616", "9223372036854775808"}) {
    EXPECT_EQ(plain_content_length(text), std::nullopt) << text;
  }
}

TEST(BodyFraming, OneLengthOrTheSameOneRepeatedIsClear) {
  EXPECT_EQ(framing_problem({}), std::nullopt);
  EXPECT_EQ(framing_problem({"12", false}), std::nullopt);
  EXPECT_EQ(framing_problem({"12, 12", false}), std::nullopt);
  EXPECT_EQ(framing_problem({std::nullopt, true}), std::nullopt);  // chunked alone: refused elsewhere (411)
}

TEST(BodyFraming, LengthsThatDifferOrBesideTransferEncodingAreNot) {
  EXPECT_NE(framing_problem({"12, 13", false}), std::nullopt);
  EXPECT_NE(framing_problem({"12, 12, 13", false}), std::nullopt);
  EXPECT_NE(framing_problem({"12", true}), std::nullopt);
  EXPECT_NE(framing_problem({"-1", false}), std::nullopt);
  EXPECT_NE(framing_problem({"12, ", false}), std::nullopt);
  EXPECT_NE(framing_problem({"", false}), std::nullopt);
  EXPECT_NE(framing_problem({"99999999999999999999", false}), std::nullopt);
}

}  // namespace
}  // namespace ws::http
