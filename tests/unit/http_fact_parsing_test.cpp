// The member facts routes' path, query and body, and the UTC timestamps the
// gym routes write: what is accepted, what each refusal names.
#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include "http/routes/fact_parsing.h"

namespace ws::http {
namespace {

namespace json = boost::json;

const FactAddress kKnee{FactCategory::injury, "knee_pain"};

Result<MemberFact> parse(const std::string& body) { return parse_fact_write(json::parse(body), kKnee); }

TEST(FactParsing, TheAddressIsACategoryOfTheEnumAndASnakeCaseKey) {
  auto address = parse_fact_address("preference", "no_jump_2");
  ASSERT_TRUE(address.ok());
  EXPECT_EQ(address->category, FactCategory::preference);
  EXPECT_EQ(address->fact_key, "no_jump_2");
  EXPECT_TRUE(parse_fact_address("goal", std::string(64, 'a')).ok());

  const std::pair<std::pair<const char*, std::string>, const char*> refused[] = {
      {{"injuries", "knee"}, "category"},   {{"Injury", "knee"}, "category"}, {{"", "knee"}, "category"},
      {{"injury", "Knee"}, "fact_key"},     {{"injury", "knee-pain"}, "fact_key"},
      {{"injury", ""}, "fact_key"},         {{"injury", std::string(65, 'a')}, "fact_key"},
      {{"injury", "genou_\xc3\xa9"}, "fact_key"}, {{"injury", "knee\n"}, "fact_key"},
  };
  for (const auto& [path, field] : refused) {
    auto parsed = parse_fact_address(path.first, path.second);
    ASSERT_FALSE(parsed.ok()) << path.first << "/" << path.second;
    EXPECT_EQ(parsed.error().kind, ErrorKind::unprocessable);
    EXPECT_EQ(parsed.error().field, field) << path.first << "/" << path.second;
  }
}

TEST(FactParsing, TheCategoryFilterIsOptionalButMustNameACategory) {
  EXPECT_EQ(parse_fact_filter({}).value(), std::nullopt);
  EXPECT_EQ(parse_fact_filter({{"category", ""}}).value(), std::nullopt);
  EXPECT_EQ(parse_fact_filter({{"category", "concern"}}).value(), FactCategory::concern);
  auto wrong = parse_fact_filter({{"category", "mood"}});
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().kind, ErrorKind::unprocessable);
  EXPECT_EQ(wrong.error().field, "category");
}

TEST(FactParsing, AFullBodyBecomesTheFactOfTheAddress) {
  auto fact = parse(R"({"fact_value": {"location": "knee", "exercises_to_avoid": ["squats"]},
                        "confidence": 0.95, "source_session_id": "chat-17", "source_quote": "my knee hurts",
                        "expires_at": "2030-03-01T10:30:00+01:00"})");
  ASSERT_TRUE(fact.ok()) << fact.error().message;
  EXPECT_EQ(fact->category, FactCategory::injury);
  EXPECT_EQ(fact->fact_key, "knee_pain");
  EXPECT_EQ(fact->fact_value.at("location").as_string(), "knee");
  EXPECT_DOUBLE_EQ(fact->confidence, 0.95);
  EXPECT_EQ(fact->source_session_id, "chat-17");
  EXPECT_EQ(fact->source_quote, "my knee hurts");
  EXPECT_EQ(fact->expires_at, "2030-03-01T09:30:00Z");
  EXPECT_TRUE(fact->member_id.empty());
}

TEST(FactParsing, OnlyTheValueIsRequiredAndNullMeansAbsent) {
  for (const char* body : {R"({"fact_value": {}})",
                           R"({"fact_value": {}, "confidence": null, "source_session_id": null,
                               "source_quote": null, "expires_at": null})"}) {
    auto fact = parse(body);
    ASSERT_TRUE(fact.ok()) << body << ": " << fact.error().message;
    EXPECT_DOUBLE_EQ(fact->confidence, 0.8);
    EXPECT_FALSE(fact->source_session_id || fact->source_quote || fact->expires_at) << body;
  }
  EXPECT_DOUBLE_EQ(parse(R"({"fact_value": {}, "confidence": 0})")->confidence, 0.0);
  EXPECT_DOUBLE_EQ(parse(R"({"fact_value": {}, "confidence": 1})")->confidence, 1.0);
}

TEST(FactParsing, RefusalsNameTheFieldWithTheStatusOfTheirKind) {
  struct Case {
    const char* body;
    ErrorKind kind;
    const char* field;
  };
  const Case cases[] = {
      {R"({})", ErrorKind::invalid_argument, "fact_value"},
      {R"({"fact_value": null})", ErrorKind::invalid_argument, "fact_value"},
      {R"({"fact_value": ["knee"]})", ErrorKind::invalid_argument, "fact_value"},
      {R"({"fact_value": "knee"})", ErrorKind::invalid_argument, "fact_value"},
      {R"({"fact_value": 3})", ErrorKind::invalid_argument, "fact_value"},
      {R"({"fact_value": {}, "extra": 1})", ErrorKind::invalid_argument, "extra"},
      {R"({"fact_value": {}, "confidence": "high"})", ErrorKind::invalid_argument, "confidence"},
      {R"({"fact_value": {}, "confidence": 1.01})", ErrorKind::unprocessable, "confidence"},
      {R"({"fact_value": {}, "confidence": -0.1})", ErrorKind::unprocessable, "confidence"},
      {R"({"fact_value": {}, "source_quote": 7})", ErrorKind::invalid_argument, "source_quote"},
      {R"({"fact_value": {}, "source_quote": ""})", ErrorKind::unprocessable, "source_quote"},
      {R"({"fact_value": {}, "expires_at": 1767225600})", ErrorKind::invalid_argument, "expires_at"},
      {R"({"fact_value": {}, "expires_at": "next week"})", ErrorKind::unprocessable, "expires_at"},
      {R"({"fact_value": {}, "expires_at": "2030-02-30T10:00:00Z"})", ErrorKind::unprocessable, "expires_at"},
  };
  for (const auto& c : cases) {
    auto parsed = parse(c.body);
    ASSERT_FALSE(parsed.ok()) << c.body;
    EXPECT_EQ(parsed.error().kind, c.kind) << c.body;
    EXPECT_EQ(parsed.error().field, c.field) << c.body;
  }
  auto long_quote = parse(R"({"fact_value": {}, "source_quote": ")" + std::string(2001, 'a') + R"("})");
  ASSERT_FALSE(long_quote.ok());
  EXPECT_EQ(long_quote.error().field, "source_quote");
}

TEST(FactParsing, TimestampsAreNormalisedToUtc) {
  const std::pair<const char*, const char*> cases[] = {
      {"2030-03-01T10:30:00Z", "2030-03-01T10:30:00Z"},
      {"2030-03-01t10:30:00z", "2030-03-01T10:30:00Z"},
      {"2030-03-01 10:30:00+00:00", "2030-03-01T10:30:00Z"},
      {"2030-03-01T10:30:00.999Z", "2030-03-01T10:30:00Z"},
      {"2030-03-01T00:30:00+01:00", "2030-02-28T23:30:00Z"},
      {"2028-03-01T00:30:00+0100", "2028-02-29T23:30:00Z"},
      {"2030-12-31T20:00:00-05:30", "2031-01-01T01:30:00Z"},
      {"2024-02-29T12:00:00Z", "2024-02-29T12:00:00Z"},
  };
  for (const auto& [text, utc] : cases) EXPECT_EQ(utc_timestamp(text), utc) << text;

  for (const char* malformed : {"", "2030-03-01", "2030-03-01T10:30:00", "2030-03-01T10:30Z", "2030-3-1T10:30:00Z",
                                "2030-13-01T10:00:00Z", "2023-02-29T10:00:00Z", "2030-03-01T24:00:00Z",
                                "2030-03-01T10:60:00Z", "2030-03-01T10:00:60Z", "2030-03-01T10:00:00+24:00",
                                "2030-03-01T10:00:00+01:60", "0000-01-01T00:00:00Z", "0001-01-01T00:30:00+01:00",
                                "9999-12-31T23:30:00-01:00", " 2030-03-01T10:30:00Z",
                                "2030-03-01T10:30:00Z trailing"}) {
    EXPECT_EQ(utc_timestamp(malformed), std::nullopt) << malformed;
  }
}

TEST(FactParsing, TheClockIsWrittenInTheSameForm) {
  using namespace std::chrono;
  EXPECT_EQ(utc_timestamp(sys_days(year(1970) / 1 / 1) + seconds(0)), "1970-01-01T00:00:00Z");
  EXPECT_EQ(utc_timestamp(sys_days(year(9999) / 12 / 31) + hours(23) + minutes(59) + seconds(59)),
            "9999-12-31T23:59:59Z");
  std::string now = utc_now();
  EXPECT_EQ(utc_timestamp(now), now);
  EXPECT_GT(now, "2024-01-01T00:00:00Z");
}

}  // namespace
}  // namespace ws::http
