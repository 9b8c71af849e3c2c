#include "common/json_util.h"
#include "common/logging.h"

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

namespace ws {
namespace {

TEST(JsonEscape, EscapesQuotesBackslashesAndControls) {
  EXPECT_EQ(json_escape("plain"), "plain");
  EXPECT_EQ(json_escape("a\"b\\c\nd\te\x01"), "a\\\"b\\\\c\\nd\\te\\u0001");
}

TEST(Logging, ModuleLoggersAreNamedAndShared) {
  log::setup({"info", false});
  auto db = log::get("db");
  EXPECT_EQ(db->name(), "db");
  EXPECT_EQ(db.get(), log::get("db").get());
  EXPECT_NE(db.get(), log::get("http").get());
}

TEST(Logging, JsonLinesStayValidWhateverTheMessage) {
  auto formatter = log::make_formatter(true);
  std::string text = "quote \" backslash \\ newline \n tab \t";
  spdlog::details::log_msg msg("db", spdlog::level::warn, text);
  spdlog::memory_buf_t out;
  formatter->format(msg, out);
  std::string line(out.data(), out.size());
  ASSERT_EQ(line.back(), '\n');
  line.pop_back();
  EXPECT_EQ(line.find('\n'), std::string::npos) << "one line per message";
  auto value = boost::json::parse(line);
  EXPECT_EQ(value.at("msg").as_string(), text);
  EXPECT_EQ(value.at("logger").as_string(), "db");
  EXPECT_EQ(value.at("level").as_string(), "warning");
}

std::string json_line(spdlog::formatter& formatter, const std::string& text) {
  spdlog::details::log_msg msg("http", spdlog::level::info, text);
  spdlog::memory_buf_t out;
  formatter.format(msg, out);
  return std::string(out.data(), out.size() - 1);  // without the newline
}

TEST(Logging, LinesInARequestScopeCarryItsId) {
  auto formatter = log::make_formatter(true);
  EXPECT_FALSE(boost::json::parse(json_line(*formatter, "before")).as_object().contains("request_id"));
  {
    log::RequestScope scope("req-\"7");
    auto line = boost::json::parse(json_line(*formatter, "GET / 200"));
    EXPECT_EQ(line.at("request_id").as_string(), "req-\"7");
    EXPECT_EQ(line.at("msg").as_string(), "GET / 200");
  }
  EXPECT_FALSE(boost::json::parse(json_line(*formatter, "after")).as_object().contains("request_id"));
}

}  // namespace
}  // namespace ws
