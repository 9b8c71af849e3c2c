// Pipeline descriptions, structural half (no GStreamer): every error the
// parser reports names the file and the element, and the real files in
// pipelines/ satisfy the contracts the render and demo code hold them to. The
// registry half (factories, properties, value types) is in
// tests/integration/render_pipeline_spec_test.cpp. Also the H.264
// profile/level mapping.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "demo/clip_generator.h"
#include "render/h264_profile.h"
#include "render/pipeline_catalog.h"
#include "render/pipeline_spec.h"
#include "render/segment_renderer.h"

namespace ws::render {
namespace {

const PipelineContract kContract{"test.json", {{"width", ValueKind::integer}}, {{"src", "appsrc"}}};

// A valid two-element spec with `extra` spliced into src's properties.
std::string spec_with(const std::string& src_properties, const std::string& tail = "") {
  return R"({"elements": [{"name": "src", "factory": "appsrc", "properties": {)" + src_properties +
         R"(}}, {"name": "sink", "factory": "fakesink"})" + tail +
         R"(], "links": [{"from": "src", "to": "sink"}]})";
}

TEST(RenderPipelineSpec, ParsesTypedValuesPlaceholdersCapsAndLinks) {
  auto spec = parse_pipeline_spec(
      spec_with(R"("block": true, "max-bytes": 8, "x": 0.5, "format": "time", "w": {"param": "width"},
                   "caps": {"media": "video/x-raw", "fields": {"framerate": {"fraction": [30, 1]}}})"),
      "test.json", kContract);
  ASSERT_TRUE(spec.ok()) << spec.error().message;
  ASSERT_EQ(spec->elements.size(), 2u);
  const auto& props = spec->elements[0].properties;
  ASSERT_EQ(props.size(), 6u);
  EXPECT_EQ(std::get<bool>(props[0].second), true);
  EXPECT_EQ(std::get<int64_t>(props[1].second), 8);
  EXPECT_EQ(std::get<double>(props[2].second), 0.5);
  EXPECT_EQ(std::get<std::string>(props[3].second), "time");
  EXPECT_EQ(std::get<ParamRef>(props[4].second).name, "width");
  const auto& caps = std::get<CapsSpec>(props[5].second);
  EXPECT_EQ(caps.media, "video/x-raw");
  EXPECT_EQ(std::get<Fraction>(caps.fields.at(0).second), (Fraction{30, 1}));
  ASSERT_EQ(spec->links.size(), 1u);
  EXPECT_EQ(spec->links[0].to.text(), "sink");
}

struct BadSpec {
  std::string json, expected;
};

TEST(RenderPipelineSpec, RejectsEveryStructuralMistakeNamingFileAndElement) {
  const std::string el = R"({"name": "src", "factory": "appsrc"})";
  const BadSpec cases[] = {
      {"{", "not valid JSON"},
      {R"({"elements": [], "links": []})", "non-empty array"},
      {R"({"elements": [)" + el + R"(], "pipeline": 1})", "unknown key \"pipeline\""},
      {spec_with("", R"(, {"name": "sink", "factory": "queue"})"), "element 'sink': duplicate element name"},
      {spec_with(R"("w": {"param": "depth"})"), "element 'src': property 'w': unknown param 'depth'"},
      {spec_with(R"("w": [1, 2])"), "element 'src': property 'w': arrays and null"},
      {spec_with(R"("w": {"fraction": [1, 0]})"), "element 'src': property 'w': \"fraction\""},
      {spec_with(R"("caps": {"media": "video/x-raw", "fields": {"c": {"media": "a/b"}}})"), "caps field 'c'"},
      {spec_with(R"("caps": {"media": "raw"})"), "media type"},
      {R"({"elements": [{"name": "src", "factory": "appsrc", "props": {}}]})", "element 'src': unknown key"},
      {R"({"elements": [{"name": "a.b", "factory": "appsrc"}]})", "element 'a.b': names cannot contain"},
      {R"({"elements": [)" + el + R"(, {"name": "q", "factory": "queue"}], "links": [{"from": "src", "to": "nope"}]})",
       "unknown element 'nope'"},
      {R"({"elements": [)" + el + R"(, {"name": "q", "factory": "queue"}], "links": []})", "not linked"},
      {R"({"elements": [{"name": "sink", "factory": "fakesink"}]})", "element 'src': missing"},
      {R"({"elements": [{"name": "src", "factory": "filesrc"}]})", "element 'src': must be a appsrc"},
  };
  for (const BadSpec& c : cases) {
    auto spec = parse_pipeline_spec(c.json, "test.json", kContract);
    ASSERT_FALSE(spec.ok()) << c.json;
    EXPECT_EQ(spec.error().code, "pipeline_spec_invalid");
    EXPECT_EQ(spec.error().message.rfind("test.json: ", 0), 0u) << spec.error().message;
    EXPECT_NE(spec.error().message.find(c.expected), std::string::npos) << spec.error().message;
  }
}

TEST(RenderPipelineSpec, RealFilesSatisfyTheirContracts) {
  for (const auto* contract : {&pipelines::segment_encoder(), &pipelines::clip_decoder(),
                               &demo::clip_encoder_contract(), &pipelines::mp4_remux()}) {
    std::ifstream in(std::string(WS_SOURCE_DIR "/pipelines/") + contract->file);
    ASSERT_TRUE(in) << contract->file;
    std::ostringstream text;
    text << in.rdbuf();
    auto spec = parse_pipeline_spec(text.str(), contract->file, *contract);
    EXPECT_TRUE(spec.ok()) << spec.error().message;
  }
}

RenderProfile h264(const std::string& profile, const std::string& level) {
  RenderProfile p;
  p.h264_profile = profile;
  p.h264_level = level;
  return p;
}

TEST(RenderH264Profile, CodecStringsMatchWhatX264Writes) {
  EXPECT_EQ(h264_codec_string(RenderProfile{}), "avc1.64001f");
  EXPECT_EQ(h264_codec_string(h264("main", "4")), "avc1.4d4028");
  EXPECT_EQ(h264_codec_string(h264("baseline", "3")), "avc1.42c01e");
  EXPECT_EQ(h264_codec_string(h264("high", "5.2")), "avc1.640034");
  auto caps = h264_caps(h264("high", "4.0"));
  ASSERT_TRUE(caps.ok());
  EXPECT_EQ(caps->level, "4");  // GStreamer caps refuse "4.0"
  EXPECT_EQ(caps->signature.level_idc, 40);
}

TEST(RenderH264Profile, RejectsUnknownProfilesAndLevels) {
  EXPECT_EQ(h264_caps(h264("high10", "3.1")).error().field, "h264_profile");
  EXPECT_EQ(h264_caps(h264("high", "3.3")).error().field, "h264_level");
  EXPECT_EQ(h264_caps(h264("high", "31")).error().code, "bad_profile");
  EXPECT_EQ(h264_codec_string(h264("high", "")), "");
}

}  // namespace
}  // namespace ws::render
