#include "render/segment_clip_reader.h"

#include <gst/app/gstappsink.h>

#include "render/pipeline_builder.h"
#include "render/pipeline_catalog.h"

namespace ws::render {

namespace {
// Source positions computed from output frames may differ from the clip's
// frame PTS by rounding; a frame counts as showing up to 1 ms early.
constexpr int64_t kTolerance = GST_MSECOND;
constexpr GstClockTime kPullTimeout = 10 * GST_SECOND;

int64_t sample_pts(GstSample* sample) {
  GstBuffer* b = gst_sample_get_buffer(sample);
  return b && GST_BUFFER_PTS_IS_VALID(b) ? static_cast<int64_t>(GST_BUFFER_PTS(b)) : -1;
}
}  // namespace

SegmentClipReader::~SegmentClipReader() {
  set_current(nullptr);
  if (next_) gst_sample_unref(next_);
  next_ = nullptr;
  if (sink_) gst_object_unref(sink_);
  pipeline_.reset();
}

Status SegmentClipReader::open(const std::filesystem::path& path, int width, int height,
                               const std::string& pipelines_dir) {
  path_ = path;
  width_ = width;
  height_ = height;
  if (!std::filesystem::exists(path)) {
    return make_error(ErrorKind::unprocessable, "clip_not_found", "clip not found: " + path.string());
  }
  auto built = build_pipeline_from(pipelines::clip_decoder(), pipelines_dir,
                                   {{"location", path.string()}, {"width", int64_t{width}}, {"height", int64_t{height}}});
  if (!built) return built.error();
  pipeline_ = std::move(*built);
  GstElement* p = pipeline_.get();
  sink_ = pipeline_element(p, "sink").release();
  if (gst_element_set_state(p, GST_STATE_PAUSED) == GST_STATE_CHANGE_FAILURE ||
      gst_element_get_state(p, nullptr, nullptr, kPullTimeout) != GST_STATE_CHANGE_SUCCESS) {
    return make_error(ErrorKind::internal, "render_pipeline", "clip decoder failed to start: " + path.string());
  }
  if (gst_element_set_state(p, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE) {
    return make_error(ErrorKind::internal, "render_pipeline", "clip decoder failed to play: " + path.string());
  }
  return Status::Ok();
}

void SegmentClipReader::set_current(GstSample* sample) {
  if (current_) {
    if (mapped_) gst_buffer_unmap(gst_sample_get_buffer(current_), &map_);
    mapped_ = false;
    gst_sample_unref(current_);
  }
  current_ = sample;
  current_pts_ = sample ? sample_pts(sample) : -1;
  if (current_) {
    GstBuffer* b = gst_sample_get_buffer(current_);
    mapped_ = b && gst_buffer_map(b, &map_, GST_MAP_READ) &&
              map_.size >= static_cast<gsize>(width_) * height_ * 4;
  }
}

bool SegmentClipReader::seek(int64_t position_ns) {
  if (next_) gst_sample_unref(next_);
  next_ = nullptr;
  return gst_element_seek_simple(pipeline_.get(), GST_FORMAT_TIME,
                                 static_cast<GstSeekFlags>(GST_SEEK_FLAG_FLUSH | GST_SEEK_FLAG_ACCURATE),
                                 position_ns);
}

GstSample* SegmentClipReader::pull() {
  if (!sink_) return nullptr;
  return gst_app_sink_try_pull_sample(GST_APP_SINK(sink_), kPullTimeout);
}

const uint8_t* SegmentClipReader::frame_at(int64_t position_ns) {
  if (!pipeline_) return nullptr;
  int64_t target = position_ns + kTolerance;
  if (!current_ || current_pts_ > target) {
    if (!seek(position_ns)) return nullptr;
    set_current(pull());
    if (!current_) return nullptr;
  }
  for (;;) {
    if (!next_) next_ = pull();
    if (!next_) break;  // end of clip: keep showing the last frame
    if (sample_pts(next_) > target) break;
    GstSample* n = next_;
    next_ = nullptr;
    set_current(n);
  }
  return mapped_ ? map_.data : nullptr;
}

}  // namespace ws::render
