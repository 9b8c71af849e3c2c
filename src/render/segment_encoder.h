#pragma once
// The encoding half of a segment render: the segment_encoder.json pipeline
// (appsrc frames + appsrc audio -> H.264 + AAC -> MPEG-TS file), buffers
// pushed with their timestamps, EOS awaited until a deadline.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <gst/video/video.h>

#include "glib_support/gobject_ptr.h"
#include "common/result.h"
#include "render/h264_profile.h"
#include "render/pipeline_spec.h"
#include "render/yuv_layer.h"

namespace ws::render {

struct EncoderSettings {
  int width = 0, height = 0;
  Fraction framerate;
  int audio_rate = 48000;
  int video_bitrate_kbps = 0, audio_bitrate_kbps = 0;
  int64_t key_int_max = 0;  // larger than the segment: one IDR, at its start
  H264Caps h264;
  int64_t drop_audio_before_ns = 0;  // encoder output stamped earlier is dropped
  int64_t audio_origin_ns = 0;       // PTS of audio sample 0: AAC output is stamped on its grid
  std::filesystem::path location;
  std::string pipelines_dir;
};

class SegmentEncoder {
 public:
  // Builds and starts the pipeline. Errors: internal "render_pipeline".
  static Result<std::unique_ptr<SegmentEncoder>> start(const EncoderSettings& settings);
  ~SegmentEncoder();
  SegmentEncoder(const SegmentEncoder&) = delete;
  SegmentEncoder& operator=(const SegmentEncoder&) = delete;

  // A push blocked on a full appsrc returns once any element has failed:
  // the first ERROR ends both appsrcs (a bus sync handler).
  // One I420 frame, drawn by `draw` straight into a buffer of a process-wide
  // pool, then pushed; plane_bytes: the size of each plane; history: what
  // the buffer had drawn on it when last used. Blocks while the encoder is
  // behind (appsrc block=true bounds the memory). Errors: draw's, internal.
  using DrawFrame =
      std::function<Status(const PlanarFrame& frame, const size_t plane_bytes[3], FrameHistory& history)>;
  Status push_video(const DrawFrame& draw, int64_t pts_ns, int64_t duration_ns);
  // One S16 stereo chunk, copied in. Errors: internal.
  Status push_audio(const std::vector<int16_t>& interleaved, int64_t pts_ns, int64_t duration_ns);

  // Ends both streams, waits for the file to be complete and stops the
  // pipeline (file closed). Errors: internal, unavailable "render_timeout".
  Status finish(std::chrono::steady_clock::time_point deadline);

 private:
  SegmentEncoder(GstPipelinePtr pipeline, int width, int height);
  void stop();  // NULL state, bus handler removed, everything released
  Status push(GstElement* src, GstBufferPtr buffer, int64_t pts_ns, int64_t duration_ns);

  GstPipelinePtr pipeline_;
  GstObjectPtr<GstElement> vsrc_, asrc_;
  GstVideoInfo video_{};
  GstBufferPool* pool_ = nullptr;  // I420 frames of this size, shared by every render
};

}  // namespace ws::render
