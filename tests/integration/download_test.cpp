// GET /streams/{id}/download.mp4 against the real server: the whole workout as
// one progressive MP4 (moov before mdat), video and audio, as long as the
// stream, served as an attachment and stored like the segments.
#include <gtest/gtest.h>

#include "support/ffprobe.h"
#include "support/stream_server.h"

namespace ws {
namespace {

TEST(Download, TheWholeWorkoutIsOneProgressiveMp4Attachment) {
  test::TestDatabase db;
  test::StreamServer server(db, "download", {{"RENDER_PREFETCH", "0"}});
  std::string id = test::create_workout(*server.client);
  auto stream = boost::json::parse(server.client->post("/api/workouts/" + id + "/stream", "").body).as_object();
  double duration = stream.at("duration_seconds").to_number<double>();

  auto mp4 = server.client->get("/streams/" + id + "/download.mp4");
  ASSERT_EQ(mp4.status, 200) << mp4.body;
  EXPECT_EQ(mp4.header("content-type"), "video/mp4");
  EXPECT_EQ(mp4.header("content-disposition"), "attachment; filename=\"workout-" + id + "-180p.mp4\"");
  EXPECT_NE(mp4.header("cache-control").find("immutable"), std::string::npos);
  std::size_t moov = mp4.body.find("moov"), mdat = mp4.body.find("mdat");
  ASSERT_NE(moov, std::string::npos);
  EXPECT_LT(moov, mdat) << "moov must come first: the file plays while it downloads";

  auto file = test::save(mp4.body, test::scratch_dir("download") / (id + ".mp4"));
  EXPECT_NE(test::probe_stream(file, "a", "codec_name").find("aac"), std::string::npos);
  EXPECT_NE(test::probe_stream(file, "v", "codec_name").find("h264"), std::string::npos);
  auto video = test::probe_packets(file, "v");
  EXPECT_NEAR(video.size() * test::kFrame, duration, test::kFrame);
  // tsdemux drops PES that come before the first PMT: a segment starting with
  // an AAC frame would cost the MP4 that frame.
  constexpr double kAacFrame = 1024.0 / 48000;
  auto audio = test::probe_packets(file, "a");
  EXPECT_NEAR(audio.size() * kAacFrame, video.size() * test::kFrame, kAacFrame) << audio.size() << " AAC frames";

  // Made once: the second answer is the stored file, same validator.
  auto again = server.client->get("/streams/" + id + "/download.mp4", {{"If-None-Match", mp4.header("etag")}});
  EXPECT_EQ(again.status, 304);
  auto unknown_rung = server.client->get("/streams/" + id + "/download.mp4?rendition=4k");
  EXPECT_EQ(unknown_rung.status, 404);
  EXPECT_NE(unknown_rung.body.find("rendition_not_found"), std::string::npos);
  EXPECT_EQ(server.client->get("/streams/00000000-0000-4000-8000-000000000000/download.mp4").status, 404);
}

}  // namespace
}  // namespace ws
