// POST /api/generate-training's body: only the config keys sent become constraints.
#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include "http/routes/coach_parsing.h"

namespace ws::http {
namespace {

Result<GenerateTraining> parse(const std::string& text) {
  return parse_generate_training(boost::json::parse(text));
}

TEST(CoachParsing, OnlyTheConfigKeysSentBecomeConstraints) {
  auto none = parse(R"({"user_input": "abs"})");
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->user_input, "abs");
  EXPECT_FALSE(none->config.intensity || none->config.work_time || none->config.no_jump ||
               none->config.intensity_levels || none->config.include_warm_up);

  auto some = parse(R"({"user_input": "", "config": {"intervals": {"rest_time": 15}, "no_jump": false,
                        "intensity_levels": ["easy"], "target_duration": 25}})");
  ASSERT_TRUE(some.ok());
  EXPECT_FALSE(some->config.work_time);
  EXPECT_EQ(some->config.rest_time, 15);
  EXPECT_EQ(some->config.no_jump, false);
  EXPECT_EQ(some->config.target_duration, 25);
  ASSERT_TRUE(some->config.intensity_levels);
  EXPECT_EQ(some->config.intensity_levels->size(), 1u);
  EXPECT_FALSE(some->config.intensity);
}

TEST(CoachParsing, RefusalsNameTheField) {
  const std::pair<const char*, const char*> cases[] = {
      {R"({})", "user_input"},
      {R"({"user_input": null})", "user_input"},
      {R"({"user_input": "x", "extra": 1})", "extra"},
      {R"({"user_input": "x", "config": {"no_jmup": true}})", "config.no_jmup"},
      {R"({"user_input": "x", "config": {"intervals": {"work_time": 2}}})", "config.intervals.work_time"},
  };
  for (const auto& [body, field] : cases) {
    auto parsed = parse(body);
    ASSERT_FALSE(parsed.ok()) << body;
    EXPECT_EQ(parsed.error().field, field) << body;
  }
}

TEST(CoachParsing, LanguageFromAcceptLanguage) {
  EXPECT_EQ(language_from_header("fr-FR,fr;q=0.9,en;q=0.8"), coach::Language::fr);
  EXPECT_EQ(language_from_header(" FR"), coach::Language::fr);
  EXPECT_EQ(language_from_header("en-GB,fr;q=0.5"), coach::Language::en);
  EXPECT_EQ(language_from_header(""), coach::Language::en);
}

}  // namespace
}  // namespace ws::http
