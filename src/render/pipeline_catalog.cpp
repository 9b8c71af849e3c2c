#include "render/pipeline_catalog.h"

#include <map>
#include <mutex>

#include "render/pipeline_builder.h"

namespace ws::render {

namespace pipelines {

using K = ValueKind;

const PipelineContract& segment_encoder() {
  static const PipelineContract c{
      "segment_encoder.json",
      {{"width", K::integer}, {"height", K::integer}, {"framerate", K::fraction},
       {"video_queue_bytes", K::integer}, {"video_bitrate_kbps", K::integer}, {"key_int_max", K::integer},
       {"h264_profile", K::string}, {"h264_level", K::string}, {"audio_rate", K::integer},
       {"audio_bitrate_bps", K::integer}, {"location", K::string}},
      // appsrcs are pushed to; the AAC encoder's output is probed to drop priming.
      {{"vsrc", "appsrc"}, {"asrc", "appsrc"}, {"aenc", ""}}};
  return c;
}

const PipelineContract& clip_decoder() {
  static const PipelineContract c{"clip_decoder.json",
                                  {{"location", K::string}, {"width", K::integer}, {"height", K::integer}},
                                  {{"sink", "appsink"}}};
  return c;
}

const PipelineContract& mp4_remux() {
  static const PipelineContract c{"mp4_remux.json", {{"location", K::string}}, {{"src", "appsrc"}}};
  return c;
}

}  // namespace pipelines

Result<std::shared_ptr<const PipelineSpec>> cached_pipeline_spec(const PipelineContract& contract,
                                                                 const std::string& dir) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const PipelineSpec>> cache;
  const std::string key = (std::filesystem::path(dir) / contract.file).string();
  std::lock_guard lock(mutex);
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  WS_ASSIGN_OR_RETURN(PipelineSpec spec, load_pipeline_spec(dir, contract));
  auto shared = std::make_shared<const PipelineSpec>(std::move(spec));
  cache.emplace(key, shared);
  return shared;
}

Result<GstPipelinePtr> build_pipeline_from(const PipelineContract& contract, const std::string& dir,
                                           const ParamMap& params) {
  WS_ASSIGN_OR_RETURN(std::shared_ptr<const PipelineSpec> spec, cached_pipeline_spec(contract, dir));
  return build_pipeline(*spec, params);
}

Status validate_pipeline_dir(const std::string& dir) {
  for (const auto* contract :
       {&pipelines::segment_encoder(), &pipelines::clip_decoder(), &pipelines::mp4_remux()}) {
    WS_RETURN_IF_ERROR(cached_pipeline_spec(*contract, dir));
  }
  return {};
}

}  // namespace ws::render
