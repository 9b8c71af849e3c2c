// The live stream of a class driven through the live session routes (create,
// start, pause, resume, end) on the manual clock: the URLs a class hands out
// are the live stream's, and its playlist follows the coach's actions.
#include <gtest/gtest.h>

#include "support/live_api.h"

namespace ws {
namespace {

using namespace std::chrono_literals;

class LiveStreamApi : public test::LiveApiTest {
 protected:
  void configure(test::ServerEnv& env) override {
    LiveApiTest::configure(env);
    env.extra["RENDER_WIDTH"] = "320";
    env.extra["RENDER_HEIGHT"] = "180";
  }

  std::string playlist(const std::string& code) {
    auto reply = client_->get("/live/" + code + "/180p/index.m3u8");
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.body;
  }

  static int count(const std::string& text, const std::string& part) {
    int n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
    return n;
  }
};

TEST_F(LiveStreamApi, ThePlaylistFollowsTheCoachsActions) {
  boost::json::object made = create_class(gym_.manager);
  const std::string id = text(made.at("id")), code = text(made.at("code"));
  for (const char* url : {"hls_url", "hls_fmp4_url", "dash_url"}) {
    auto reply = client_->get(text(made.at(url)));
    EXPECT_EQ(reply.status, 200) << url << ": " << reply.body;
  }
  advance(30s);
  EXPECT_EQ(count(playlist(code), "#EXTINF"), 0) << "scheduled: nothing plays yet";

  ASSERT_EQ(control(id, "start").status, 200);
  advance(5000ms);  // segments 0 (1.6 s) and 1 (to 4.8 s) are over
  EXPECT_EQ(count(playlist(code), "/streams/" + workout_id_ + "/180p/seg_"), 2);
  ASSERT_EQ(control(id, "pause").status, 200);
  advance(10'000ms);  // segment 2 plays to 8.0 s, then slates to 14.4 s and on
  std::string paused = playlist(code);
  EXPECT_EQ(count(paused, "#EXT-X-DISCONTINUITY\n"), 1) << paused;
  EXPECT_EQ(count(paused, "/live/slate/180p/pause_"), 2) << paused;
  ASSERT_EQ(control(id, "resume").status, 200);
  advance(10'000ms);
  std::string resumed = playlist(code);
  EXPECT_NE(resumed.find("#EXT-X-DISCONTINUITY\n#EXT-X-PROGRAM-DATE-TIME:"), std::string::npos);
  EXPECT_NE(resumed.find("/180p/seg_00003.ts"), std::string::npos) << resumed;
  EXPECT_EQ(resumed.find("#EXT-X-ENDLIST"), std::string::npos);
  ASSERT_EQ(control(id, "end").status, 200);
  std::string ended = playlist(code);
  EXPECT_NE(ended.find("#EXT-X-ENDLIST"), std::string::npos) << ended;
}

}  // namespace
}  // namespace ws
