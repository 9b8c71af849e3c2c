#pragma once
// The encoding half of a segment render: the segment_encoder.json pipeline
// (appsrc frames + appsrc audio -> H.264 + AAC -> MPEG-TS file), buffers
// pushed with their timestamps, EOS awaited until a deadline.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "common/gobject_ptr.h"
#include "common/result.h"
#include "render/h264_profile.h"
#include "render/pipeline_spec.h"

namespace ws::render {

struct EncoderSettings {
  int width = 0, height = 0;
  Fraction framerate;
  int audio_rate = 48000;
  int video_bitrate_kbps = 0, audio_bitrate_kbps = 0;
  int64_t key_int_max = 0;  // larger than the segment: one IDR, at its start
  H264Caps h264;
  int64_t drop_audio_before_ns = 0;  // encoder output stamped earlier is dropped
  std::filesystem::path location;
  std::string pipelines_dir;
};

class SegmentEncoder {
 public:
  // Builds and starts the pipeline. Errors: internal "render_pipeline".
  static Result<std::unique_ptr<SegmentEncoder>> start(const EncoderSettings& settings);

  // Copy one BGRx frame / one S16 stereo chunk in. Blocks while the encoder
  // is behind (appsrc block=true bounds the memory). Errors: internal.
  Status push_video(const uint8_t* data, size_t size, int64_t pts_ns, int64_t duration_ns);
  Status push_audio(const std::vector<int16_t>& interleaved, int64_t pts_ns, int64_t duration_ns);

  // Ends both streams, waits for the file to be complete and stops the
  // pipeline (file closed). Errors: internal, unavailable "render_timeout".
  Status finish(std::chrono::steady_clock::time_point deadline);

 private:
  explicit SegmentEncoder(GstPipelinePtr pipeline);
  Status push(GstElement* src, const void* data, size_t size, int64_t pts_ns, int64_t duration_ns);

  GstPipelinePtr pipeline_;
  GstObjectPtr<GstElement> vsrc_, asrc_;
};

}  // namespace ws::render
