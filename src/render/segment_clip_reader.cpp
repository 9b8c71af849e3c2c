#include "render/segment_clip_reader.h"

#include <gst/app/gstappsink.h>
#include <gst/video/video.h>

#include "render/pipeline_builder.h"
#include "render/pipeline_catalog.h"

namespace ws::render {

namespace {
// Source positions computed from output frames may differ from the clip's
// frame PTS by rounding; a frame counts as showing up to 1 ms early.
constexpr int64_t kTolerance = GST_MSECOND;
constexpr GstClockTime kPullTimeout = 10 * GST_SECOND;
// A target this far ahead of the decoder is read to; further, it seeks.
constexpr int64_t kReadAhead = 250 * GST_MSECOND;

int64_t sample_pts(GstSample* sample) {
  GstBuffer* b = gst_sample_get_buffer(sample);
  return b && GST_BUFFER_PTS_IS_VALID(b) ? static_cast<int64_t>(GST_BUFFER_PTS(b)) : -1;
}

// The sample's picture as a layer, or nullptr when it is not the A444_10LE
// frame of width x height the decoder pipeline promises.
FramePtr copy_frame(GstSample* sample, int width, int height) {
  GstVideoInfo info;
  GstVideoFrame frame;
  GstCaps* caps = gst_sample_get_caps(sample);
  if (!caps || !gst_video_info_from_caps(&info, caps) || GST_VIDEO_INFO_FORMAT(&info) != GST_VIDEO_FORMAT_A444_10LE ||
      GST_VIDEO_INFO_WIDTH(&info) != width || GST_VIDEO_INFO_HEIGHT(&info) != height ||
      !gst_video_frame_map(&frame, &info, gst_sample_get_buffer(sample), GST_MAP_READ)) {
    return nullptr;
  }
  const uint8_t* planes[4];
  int strides[4];
  for (int i = 0; i < 4; ++i) {
    planes[i] = static_cast<const uint8_t*>(GST_VIDEO_FRAME_PLANE_DATA(&frame, i));
    strides[i] = GST_VIDEO_FRAME_PLANE_STRIDE(&frame, i);
  }
  auto layer = std::make_shared<const YuvaLayer>(YuvaLayer::from_a444_10le(planes, strides, width, height));
  gst_video_frame_unmap(&frame);
  return layer;
}

}  // namespace

std::filesystem::path SegmentClipReader::resolve(const std::string& clip, const std::string& media_dir) {
  std::filesystem::path p(clip);
  return p.is_absolute() || media_dir.empty() ? p : std::filesystem::path(media_dir) / p;
}

Status SegmentClipReader::open(const std::filesystem::path& path, int width, int height,
                               const std::string& pipelines_dir) {
  path_ = path;
  width_ = width;
  height_ = height;
  pipelines_dir_ = pipelines_dir;
  if (!std::filesystem::exists(path)) {
    return make_error(ErrorKind::unprocessable, "clip_not_found", "clip not found: " + path.string());
  }
  cache_ = ClipFrameCache::instance().frames(path, width, height);
  return Status::Ok();
}

bool SegmentClipReader::start_decoder(int64_t position_ns) {
  if (failed_) return false;
  failed_ = true;  // until it has started
  auto built = build_pipeline_from(pipelines::clip_decoder(), pipelines_dir_,
                                   {{"location", path_.string()}, {"width", int64_t{width_}}, {"height", int64_t{height_}}});
  if (!built) return false;
  pipeline_ = std::move(*built);
  GstElement* p = pipeline_.get();
  sink_ = pipeline_element(p, "sink");
  auto prerolled = [&] {
    return gst_element_get_state(p, nullptr, nullptr, kPullTimeout) == GST_STATE_CHANGE_SUCCESS;
  };
  if (!sink_ || gst_element_set_state(p, GST_STATE_PAUSED) == GST_STATE_CHANGE_FAILURE || !prerolled()) return false;
  // Positioned before playing, so nothing is decoded ahead only to be flushed.
  from_start_ = true;
  position_ = 0;
  previous_pts_ = -1;
  if (position_ns > kReadAhead && (!seek(position_ns) || !prerolled())) return false;
  if (gst_element_set_state(p, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE) return false;
  failed_ = false;
  return true;
}

bool SegmentClipReader::seek(int64_t position_ns) {
  current_ = {};
  next_ = {};
  previous_pts_ = -1;
  from_start_ = position_ns == 0;
  position_ = position_ns;
  return gst_element_seek_simple(pipeline_.get(), GST_FORMAT_TIME,
                                 static_cast<GstSeekFlags>(GST_SEEK_FLAG_FLUSH | GST_SEEK_FLAG_ACCURATE),
                                 position_ns);
}

SegmentClipReader::Decoded SegmentClipReader::pull() {
  GstSamplePtr sample(gst_app_sink_try_pull_sample(GST_APP_SINK(sink_.get()), kPullTimeout));
  if (!sample) {
    if (previous_pts_ >= 0 && gst_app_sink_is_eos(GST_APP_SINK(sink_.get()))) cache_->mark_last(previous_pts_);
    return {};
  }
  Decoded d{sample_pts(sample.get()), copy_frame(sample.get(), width_, height_)};
  sample.reset();  // before anything else happens to the pipeline
  if (!d.frame || d.pts < 0) return {};
  cache_->add(d.pts, d.frame, previous_pts_, from_start_);
  ClipFrameCache::instance().trim(cache_.get());
  previous_pts_ = d.pts;
  from_start_ = false;
  return d;
}

const YuvaLayer* SegmentClipReader::frame_at(int64_t position_ns) {
  if (!cache_) return nullptr;
  const int64_t target = position_ns + kTolerance;
  if (FramePtr hit = cache_->find(target)) {
    shown_ = std::move(hit);
    return shown_.get();
  }
  if (!pipeline_ && !start_decoder(position_ns)) return nullptr;
  // Seek unless the target is at or a little ahead of where the decoder is.
  const int64_t at = current_.frame ? current_.pts : position_;
  if (at > target || target - at > kReadAhead) {
    if (!seek(position_ns)) return nullptr;
  }
  if (!current_.frame) {
    current_ = pull();
    if (!current_.frame) return nullptr;
  }
  for (;;) {
    if (!next_.frame) next_ = pull();
    if (!next_.frame) break;  // end of clip: keep showing the last frame
    if (next_.pts > target) break;
    current_ = std::move(next_);
    next_ = {};
  }
  shown_ = current_.frame;
  return shown_.get();
}

Status SegmentClipReader::decode_all() {
  if (!cache_) return make_error(ErrorKind::internal, "render_pipeline", "clip reader not open");
  if (cache_->complete()) return {};
  bool started = pipeline_ ? seek(0) : start_decoder(0);
  while (started && pull().frame) {
  }
  if (!started || !gst_app_sink_is_eos(GST_APP_SINK(sink_.get()))) {
    return make_error(ErrorKind::unprocessable, "clip_not_decodable", "could not decode " + path_.string());
  }
  return {};
}

}  // namespace ws::render
