// Orchestrates one segment render: frames from the compositor and chunks from
// the cue track go to the encoder in timestamp order, into a temp file that is
// renamed into place only when the encoder has finished.
#include "render/segment_renderer.h"

#include <algorithm>

#include "common/logging.h"
#include "render/frame_compositor.h"
#include "render/h264_profile.h"
#include "render/segment_audio.h"
#include "render/segment_clip_reader.h"
#include "render/segment_encoder.h"
#include "render/segment_encoding.h"
#include "render/temp_file.h"
#include "timeline/settings.h"

namespace ws::render {

namespace {

using Clock = std::chrono::steady_clock;

// However long the caller allows, a stuck encoder is given up on after this.
constexpr auto kFinishTimeout = std::chrono::seconds(120);

Error timeout_error() {
  return make_error(ErrorKind::unavailable, "render_timeout", "segment render: deadline passed");
}

Status check_request(const timeline::Timeline& tl, const timeline::Segment& segment, const RenderProfile& profile) {
  if (profile.width <= 0 || profile.height <= 0 || profile.width % 2 || profile.height % 2) {
    return make_error(ErrorKind::invalid_argument, "bad_profile", "render size must be even and positive");
  }
  if (segment.frame_count <= 0 || segment.start_frame < 0 || segment.end_frame() > tl.total_frames) {
    return make_error(ErrorKind::invalid_argument, "bad_segment", "segment outside the timeline");
  }
  return {};
}

EncoderSettings encoder_settings(const timeline::Timeline& tl, const timeline::Segment& segment,
                                 const RenderProfile& profile, const H264Caps& h264, int64_t drop_audio_before_ns,
                                 const std::filesystem::path& location) {
  EncoderSettings s;
  s.width = profile.width;
  s.height = profile.height;
  s.framerate = {tl.fps_num, tl.fps_den};
  s.audio_rate = tl.audio_rate;
  s.video_bitrate_kbps = profile.video_bitrate_kbps;
  s.audio_bitrate_kbps = profile.audio_bitrate_kbps;
  s.key_int_max = std::max<int64_t>(segment.frame_count, 1) * 10;
  s.h264 = h264;
  s.drop_audio_before_ns = drop_audio_before_ns;
  s.audio_origin_ns = kSegmentPtsOffsetNs;
  s.location = location;
  s.pipelines_dir = profile.pipelines_dir;
  return s;
}

// Pushes every frame, with the audio up to each frame's end interleaved so
// neither appsrc starves the muxer.
Status push_all(const timeline::Timeline& tl, const timeline::Segment& segment, const ComposeFrame& compose,
                SegmentAudio& audio, SegmentEncoder& encoder, Clock::time_point deadline) {
  auto push_audio_until = [&](int64_t until_ns) -> Status {
    while (!audio.done() && audio.next_time_ns() < until_ns) {
      AudioChunk chunk = audio.next_chunk();
      WS_RETURN_IF_ERROR(encoder.push_audio(chunk.interleaved, chunk.pts_ns, chunk.duration_ns));
    }
    return {};
  };
  for (int64_t f = segment.start_frame; f < segment.end_frame(); ++f) {
    if (Clock::now() >= deadline) return timeout_error();
    int64_t t0 = timeline::frame_to_ns(f, tl.fps_num, tl.fps_den);
    int64_t t1 = timeline::frame_to_ns(f + 1, tl.fps_num, tl.fps_den);
    auto draw = [&](const PlanarFrame& frame, const size_t plane_bytes[3], FrameHistory& history) {
      return compose(f, frame, plane_bytes, history);
    };
    WS_RETURN_IF_ERROR(encoder.push_video(draw, kSegmentPtsOffsetNs + t0, t1 - t0));
    WS_RETURN_IF_ERROR(push_audio_until(t1));
  }
  return push_audio_until(INT64_MAX);
}

}  // namespace

Status encode_segment(const timeline::Timeline& tl, const timeline::Segment& segment, const RenderProfile& profile,
                      const ComposeFrame& compose, const std::filesystem::path& out_path, Clock::time_point deadline) {
  WS_ASSIGN_OR_RETURN(const H264Caps h264, h264_caps(profile));
  if (Clock::now() >= deadline) return timeout_error();
  WS_RETURN_IF_ERROR(prepare_dir(out_path, "render_write_failed"));

  TempFile tmp(out_path, "render_write_failed");  // declared before the encoder: outlives its file handle
  SegmentAudio audio(tl, segment);
  WS_ASSIGN_OR_RETURN(std::unique_ptr<SegmentEncoder> encoder,
                      SegmentEncoder::start(encoder_settings(tl, segment, profile, h264, audio.drop_before_ns(),
                                                             tmp.path())));
  WS_RETURN_IF_ERROR(push_all(tl, segment, compose, audio, *encoder, deadline));
  WS_RETURN_IF_ERROR(encoder->finish(std::min(deadline, Clock::now() + kFinishTimeout)));
  return tmp.commit();
}

Status render_segment_over(const timeline::Timeline& tl, const timeline::Segment& segment, const RenderProfile& profile,
                           const YuvaLayer* over, const std::filesystem::path& out_path, Clock::time_point deadline) {
  WS_RETURN_IF_ERROR(check_request(tl, segment, profile));
  WS_ASSIGN_OR_RETURN(std::unique_ptr<FrameCompositor> compositor, FrameCompositor::open(tl, segment, profile));
  auto compose = [&compositor, over](int64_t frame, const PlanarFrame& target, const size_t plane_bytes[3],
                                     FrameHistory& history) -> Status {
    WS_RETURN_IF_ERROR(compositor->compose(frame, target, plane_bytes, history));
    if (over) over->blend_onto(target, &history.runs);
    return Status();
  };
  WS_RETURN_IF_ERROR(encode_segment(tl, segment, profile, compose, out_path, deadline));
  log::get("render")->debug("rendered segment {} ({} frames) to {}", segment.index, segment.frame_count,
                            out_path.string());
  return {};
}

Status render_segment(const timeline::Timeline& tl, const timeline::Segment& segment, const RenderProfile& profile,
                      const std::filesystem::path& out_path, Clock::time_point deadline) {
  return render_segment_over(tl, segment, profile, nullptr, out_path, deadline);
}

Status warm_clip(const std::string& clip, const RenderProfile& profile) {
  SegmentClipReader reader;
  WS_RETURN_IF_ERROR(reader.open(SegmentClipReader::resolve(clip, profile.media_dir), profile.width, profile.height,
                                 profile.pipelines_dir));
  return reader.decode_all();
}

}  // namespace ws::render
