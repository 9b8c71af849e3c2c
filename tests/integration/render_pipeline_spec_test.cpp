// Pipeline descriptions against the GStreamer registry: unknown factories,
// properties and pads, values of the wrong type or out of range, params of the
// wrong kind are refused at load time naming file and element; the real files
// validate; the builder sets typed values and reports missing params.
#include <gst/gst.h>
#include <gtest/gtest.h>

#include <string>

#include "render/pipeline_builder.h"
#include "render/pipeline_catalog.h"
#include "render/pipeline_run.h"
#include "render/pipeline_spec.h"
#include "render_media.h"

namespace ws::render {
namespace {

const PipelineContract kContract{"test.json", {{"width", ValueKind::integer}, {"name", ValueKind::string}}, {}};

// videotestsrc -> `middle` (factory and properties) -> fakesink.
std::string chain(const std::string& factory, const std::string& properties,
                  const std::string& to_middle = "mid") {
  return R"({"elements": [{"name": "src", "factory": "videotestsrc", "properties": {"num-buffers": 3}},
    {"name": "mid", "factory": ")" + factory + R"(", "properties": {)" + properties + R"(}},
    {"name": "sink", "factory": "fakesink"}],
    "links": [{"from": "src", "to": ")" + to_middle + R"("}, {"from": "mid", "to": "sink"}]})";
}

Result<PipelineSpec> load(const std::string& json) {
  auto spec = parse_pipeline_spec(json, "test.json", kContract);
  if (!spec) return spec.error();
  if (auto st = check_pipeline_spec(*spec); !st) return st.error();
  return spec;
}

TEST(RenderPipelineRegistry, RefusesWhatTheRegistryDoesNotHave) {
  const std::pair<std::string, std::string> cases[] = {
      {chain("x265encc", ""), "element 'mid': unknown factory 'x265encc'"},
      {chain("queue", R"("max-size-bufers": 3)"), "element 'mid': unknown property 'max-size-bufers' on queue"},
      {chain("queue", R"("max-size-buffers": "three")"), "property 'max-size-buffers': string value cannot set a guint property"},
      {chain("queue", R"("max-size-buffers": -1)"), "out of range"},
      {chain("queue", R"("max-size-buffers": true)"), "boolean value cannot set a guint property"},
      {chain("queue", R"("silent": 1)"), "integer value cannot set a gboolean property"},
      {chain("queue", R"("current-level-buffers": 1)"), "read-only"},
      {chain("queue", R"("leaky": "sideways")"), "'sideways' is not a value of"},
      {chain("queue", R"("min-threshold-time": {"fraction": [1, 2]})"), "fraction value cannot set a guint64 property"},
      {chain("queue", R"("max-size-buffers": {"param": "name"})"), "param 'name' (string) cannot set a guint property"},
      {chain("queue", R"("silent": {"media": "video/x-raw"})"), "caps cannot set a gboolean property"},
      {chain("x264enc", R"("speed-preset": "warp")"), "'warp' is not a value of GstX264EncPreset"},
      {chain("queue", "", "mid.video_%u"), "element 'mid': no sink pad or pad template 'video_%u'"},
  };
  for (const auto& [json, expected] : cases) {
    auto spec = load(json);
    ASSERT_FALSE(spec.ok()) << expected;
    EXPECT_EQ(spec.error().code, "pipeline_spec_invalid");
    EXPECT_NE(spec.error().message.find("test.json: "), std::string::npos) << spec.error().message;
    EXPECT_NE(spec.error().message.find(expected), std::string::npos) << spec.error().message;
  }
}

TEST(RenderPipelineRegistry, AcceptsEnumNicksFractionsCapsAndParams) {
  auto spec = load(chain("capsfilter", R"("caps": {"media": "video/x-raw", "fields": {"width": {"param": "width"},
      "framerate": {"fraction": [30, 1]}, "format": "I420"}})"));
  ASSERT_TRUE(spec.ok()) << spec.error().message;
  EXPECT_TRUE(load(chain("queue", R"("leaky": "downstream", "max-size-time": 0, "silent": true)")).ok());
}

TEST(RenderPipelineRegistry, RealFilesValidate) {
  Status st = validate_pipeline_dir(test::kPipelines);
  EXPECT_TRUE(st.ok()) << st.error().message;
  Status missing = validate_pipeline_dir("/nonexistent/pipelines");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("/nonexistent/pipelines/segment_encoder.json"), std::string::npos);
}

TEST(RenderPipelineBuilder, SetsTypedValuesAndRunsToEos) {
  auto spec = load(chain("capsfilter", R"("caps": {"media": "video/x-raw", "fields": {"width": {"param": "width"}}})"));
  ASSERT_TRUE(spec.ok()) << spec.error().message;
  auto pipeline = build_pipeline(*spec, {{"width", int64_t{64}}});
  ASSERT_TRUE(pipeline.ok()) << pipeline.error().message;
  GstObjectPtr<GstElement> mid = pipeline_element(pipeline->get(), "mid");
  ASSERT_TRUE(mid);
  GstCaps* caps = nullptr;
  g_object_get(mid.get(), "caps", &caps, nullptr);
  GstCapsPtr owned(caps);
  int width = 0;
  gst_structure_get_int(gst_caps_get_structure(caps, 0), "width", &width);
  EXPECT_EQ(width, 64);
  const RunErrors errors{"test", "failed", "timeout"};
  ASSERT_TRUE(start_pipeline(pipeline->get(), errors).ok());
  Status st = wait_for_eos(pipeline->get(), std::chrono::steady_clock::now() + std::chrono::seconds(10), errors);
  EXPECT_TRUE(st.ok()) << st.error().message;
}

TEST(RenderPipelineBuilder, ReportsMissingAndMistypedParams) {
  auto spec = load(chain("queue", R"("max-size-buffers": {"param": "width"})"));
  ASSERT_TRUE(spec.ok()) << spec.error().message;
  auto missing = build_pipeline(*spec, {});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message, "test.json: element 'mid': property 'max-size-buffers': param 'width' was not given");
  auto mistyped = build_pipeline(*spec, {{"width", std::string("64")}});
  ASSERT_FALSE(mistyped.ok());
  EXPECT_NE(mistyped.error().message.find("param 'width' must be of kind integer"), std::string::npos);
  auto out_of_range = build_pipeline(*spec, {{"width", int64_t{-5}}});
  ASSERT_FALSE(out_of_range.ok());
  EXPECT_NE(out_of_range.error().message.find("out of range"), std::string::npos);
}

}  // namespace
}  // namespace ws::render
