#include "render/segment_encoder.h"

#include <atomic>
#include <cmath>
#include <cstdlib>
#include <map>
#include <mutex>
#include <utility>

#include <gst/app/gstappsrc.h>

#include "common/thread_handoff.h"
#include "render/pipeline_builder.h"
#include "render/pipeline_catalog.h"
#include "render/pipeline_run.h"

namespace ws::render {

namespace {

const RunErrors kErrors{"segment render", "render_pipeline", "render_timeout"};

// The appsrc holds at most four frames: enough to keep the encoder busy.
constexpr int64_t kQueuedFrames = 4;

ParamMap encoder_params(const EncoderSettings& s) {
  return {{"width", int64_t{s.width}},
          {"height", int64_t{s.height}},
          {"framerate", s.framerate},
          {"video_queue_bytes", int64_t{s.width} * s.height * 3 / 2 * kQueuedFrames},  // I420
          {"video_bitrate_kbps", int64_t{s.video_bitrate_kbps}},
          {"key_int_max", s.key_int_max},
          {"h264_profile", s.h264.profile},
          {"h264_level", s.h264.level},
          {"audio_rate", int64_t{s.audio_rate}},
          {"audio_bitrate_bps", int64_t{s.audio_bitrate_kbps} * 1000},
          {"location", s.location.string()}};
}

// What the probe on the AAC encoder's output needs: the start of the kept
// audio and the clock of the audio samples.
struct AacStamps {
  int64_t drop_before_ns;  // encoder output stamped earlier is priming or pre-roll
  int64_t origin_ns;       // PTS of audio sample 0
  int rate;
};

// The PTS of the AAC frame stamped `pts`, put back on the sample grid: the
// sample it starts at (nearest), floor-rounded to ns as video frames are.
// avenc_aac (GstAudioEncoder) stamps floor(first input PTS) + floor(samples since then), which
// runs up to 1 ns early when the pre-roll's start is not a whole ns; a first
// AAC frame 1 ns before the first video frame is muxed before it, so before
// the PAT and PMT (see segment_encoder.json) and one 90 kHz tick early.
GstClockTime on_sample_grid(GstClockTime pts, const AacStamps& s) {
  const auto since_origin = static_cast<long double>(static_cast<int64_t>(pts) - s.origin_ns);
  const auto sample = static_cast<int64_t>(std::llround(since_origin * s.rate / GST_SECOND));
  const auto ns = static_cast<int64_t>(gst_util_uint64_scale(static_cast<guint64>(std::llabs(sample)), GST_SECOND,
                                                             static_cast<guint64>(s.rate)));
  return static_cast<GstClockTime>(s.origin_ns + (sample < 0 ? -ns : ns));
}

// On the AAC encoder's output: drops its priming and pre-roll packets (see
// segment_audio.h) and stamps the others exactly on the sample grid.
GstPadProbeReturn stamp_aac(GstPad*, GstPadProbeInfo* info, gpointer data) {
  const auto& stamps = *static_cast<const AacStamps*>(data);
  GstBuffer* b = GST_PAD_PROBE_INFO_BUFFER(info);
  if (!b || !GST_BUFFER_PTS_IS_VALID(b)) return GST_PAD_PROBE_OK;
  if (GST_BUFFER_PTS(b) < static_cast<GstClockTime>(stamps.drop_before_ns)) return GST_PAD_PROBE_DROP;
  const GstClockTime pts = on_sample_grid(GST_BUFFER_PTS(b), stamps);
  if (pts == GST_BUFFER_PTS(b) && GST_BUFFER_DTS(b) == pts) return GST_PAD_PROBE_OK;
  b = gst_buffer_make_writable(b);
  GST_BUFFER_PTS(b) = pts;
  GST_BUFFER_DTS(b) = pts;
  GST_PAD_PROBE_INFO_DATA(info) = b;
  return GST_PAD_PROBE_OK;
}

void stamp_audio(GstElement* encoder, const AacStamps& stamps) {
  GstObjectPtr<GstPad> pad(gst_element_get_static_pad(encoder, "src"));
  gst_pad_add_probe(pad.get(), GST_PAD_PROBE_TYPE_BUFFER, stamp_aac, new AacStamps(stamps),
                    [](gpointer data) { delete static_cast<AacStamps*>(data); });
}

// Both appsrcs, ended on the first ERROR the pipeline posts. With block=true
// a push waits for room in the appsrc's queue; once an element downstream
// has failed (the file sink on a full disk) nothing drains that queue, and the
// render thread would wait there for good. Ending the stream wakes the
// push, which returns GST_FLOW_EOS, and the render fails with the error.
struct EndOnError {
  GstObjectPtr<GstElement> vsrc, asrc;
  std::atomic_flag ended = ATOMIC_FLAG_INIT;
};

// Sync handler: runs in whichever streaming thread posts, so only atomics and
// appsrc's own (thread-safe) calls; the message still goes on the bus, where
// the render thread reads why it failed.
GstBusSyncReply end_sources_on_error(GstBus*, GstMessage* message, gpointer data) {
  auto* self = static_cast<EndOnError*>(data);
  if (GST_MESSAGE_TYPE(message) == GST_MESSAGE_ERROR && !self->ended.test_and_set()) {
    gst_app_src_end_of_stream(GST_APP_SRC(self->vsrc.get()));
    gst_app_src_end_of_stream(GST_APP_SRC(self->asrc.get()));
  }
  return GST_BUS_PASS;
}

// The handler holds its own references to the appsrcs; the bus frees them
// when the handler is removed (SegmentEncoder::stop) or the bus goes.
void end_sources_on_first_error(GstElement* pipeline, GstElement* vsrc, GstElement* asrc) {
  auto* handler = new EndOnError{GstObjectPtr<GstElement>(GST_ELEMENT(gst_object_ref(vsrc))),
                                 GstObjectPtr<GstElement>(GST_ELEMENT(gst_object_ref(asrc)))};
  GstObjectPtr<GstBus> bus(gst_element_get_bus(pipeline));
  gst_bus_set_sync_handler(bus.get(), end_sources_on_error, handler,
                           [](gpointer data) { delete static_cast<EndOnError*>(data); });
}

// Frames of one size for the whole process: buffers come back once the
// encoder is done with them, pages already mapped and, with their history,
// mostly painted already. Never freed (one pool per render size).
GstBufferPool* frame_pool(const GstVideoInfo& info) {
  static std::mutex mutex;
  static std::map<std::pair<int, int>, GstBufferPool*> pools;
  std::lock_guard lock(mutex);
  GstBufferPool*& pool = pools[{GST_VIDEO_INFO_WIDTH(&info), GST_VIDEO_INFO_HEIGHT(&info)}];
  if (!pool) {
    pool = gst_buffer_pool_new();
    GstStructure* config = gst_buffer_pool_get_config(pool);
    gst_buffer_pool_config_set_params(config, nullptr, static_cast<guint>(GST_VIDEO_INFO_SIZE(&info)), 0, 0);
    gst_buffer_pool_set_config(pool, config);
    gst_buffer_pool_set_active(pool, TRUE);
  }
  return pool;
}

// The history of a pooled buffer, kept on it (pools leave qdata alone).
FrameHistory& history_of(GstBuffer* buffer) {
  static const GQuark quark = g_quark_from_static_string("ws-frame-history");
  auto* history = static_cast<FrameHistory*>(gst_mini_object_get_qdata(GST_MINI_OBJECT(buffer), quark));
  if (!history) {
    history = new FrameHistory();
    gst_mini_object_set_qdata(GST_MINI_OBJECT(buffer), quark, history,
                              [](gpointer p) { delete static_cast<FrameHistory*>(p); });
  }
  return *history;
}

}  // namespace

SegmentEncoder::SegmentEncoder(GstPipelinePtr pipeline, int width, int height)
    : pipeline_(std::move(pipeline)),
      vsrc_(pipeline_element(pipeline_.get(), "vsrc")),
      asrc_(pipeline_element(pipeline_.get(), "asrc")) {
  gst_video_info_set_format(&video_, GST_VIDEO_FORMAT_I420, width, height);
  pool_ = frame_pool(video_);
}

Result<std::unique_ptr<SegmentEncoder>> SegmentEncoder::start(const EncoderSettings& settings) {
  WS_ASSIGN_OR_RETURN(GstPipelinePtr pipeline, build_pipeline_from(pipelines::segment_encoder(),
                                                                    settings.pipelines_dir, encoder_params(settings)));
  std::unique_ptr<SegmentEncoder> encoder(new SegmentEncoder(std::move(pipeline), settings.width, settings.height));
  stamp_audio(pipeline_element(encoder->pipeline_.get(), "aenc").get(),
              {settings.drop_audio_before_ns, settings.audio_origin_ns, settings.audio_rate});
  end_sources_on_first_error(encoder->pipeline_.get(), encoder->vsrc_.get(), encoder->asrc_.get());
  WS_RETURN_IF_ERROR(start_pipeline(encoder->pipeline_.get(), kErrors));
  return encoder;
}

Status SegmentEncoder::push(GstElement* src, GstBufferPtr buffer, int64_t pts_ns, int64_t duration_ns) {
  GstBuffer* buf = buffer.get();
  GST_BUFFER_PTS(buf) = static_cast<GstClockTime>(pts_ns);
  GST_BUFFER_DTS(buf) = GST_BUFFER_PTS(buf);
  GST_BUFFER_DURATION(buf) = static_cast<GstClockTime>(duration_ns);
  handing_over(buffer.get());  // a pooled frame goes back to the pool (after the encoder) for other renders
  if (gst_app_src_push_buffer(GST_APP_SRC(src), buffer.release()) != GST_FLOW_OK) {
    return run_failure(kErrors, "push failed: " + pending_error(pipeline_.get()));
  }
  std::string error = pending_error(pipeline_.get());
  return error.empty() ? Status() : Status(run_failure(kErrors, error));
}

Status SegmentEncoder::push_video(const DrawFrame& draw, int64_t pts_ns, int64_t duration_ns) {
  GstBuffer* acquired = nullptr;
  const GstFlowReturn flow = gst_buffer_pool_acquire_buffer(pool_, &acquired, nullptr);
  GstBufferPtr buffer(acquired);
  if (flow != GST_FLOW_OK || !buffer) return run_failure(kErrors, "no video buffer");
  taken_over(buffer.get());  // from the render that pushed it last, through the pool
  GstMapInfo map;
  if (!gst_buffer_map(buffer.get(), &map, GST_MAP_WRITE)) return run_failure(kErrors, "video buffer not writable");
  PlanarFrame frame;
  frame.width = GST_VIDEO_INFO_WIDTH(&video_);
  frame.height = GST_VIDEO_INFO_HEIGHT(&video_);
  size_t plane_bytes[3];
  for (int i = 0; i < 3; ++i) {
    frame.plane[i] = map.data + GST_VIDEO_INFO_PLANE_OFFSET(&video_, i);
    frame.stride[i] = GST_VIDEO_INFO_PLANE_STRIDE(&video_, i);
    const size_t end = i < 2 ? GST_VIDEO_INFO_PLANE_OFFSET(&video_, i + 1) : GST_VIDEO_INFO_SIZE(&video_);
    plane_bytes[i] = end - GST_VIDEO_INFO_PLANE_OFFSET(&video_, i);
  }
  Status drawn = draw(frame, plane_bytes, history_of(buffer.get()));
  gst_buffer_unmap(buffer.get(), &map);
  if (!drawn) handing_over(buffer.get());  // back to the pool, for other renders
  WS_RETURN_IF_ERROR(drawn);
  return push(vsrc_.get(), std::move(buffer), pts_ns, duration_ns);
}

Status SegmentEncoder::push_audio(const std::vector<int16_t>& interleaved, int64_t pts_ns, int64_t duration_ns) {
  const size_t size = interleaved.size() * sizeof(int16_t);
  GstBufferPtr buffer(gst_buffer_new_allocate(nullptr, size, nullptr));
  gst_buffer_fill(buffer.get(), 0, interleaved.data(), size);
  return push(asrc_.get(), std::move(buffer), pts_ns, duration_ns);
}

Status SegmentEncoder::finish(std::chrono::steady_clock::time_point deadline) {
  gst_app_src_end_of_stream(GST_APP_SRC(vsrc_.get()));
  gst_app_src_end_of_stream(GST_APP_SRC(asrc_.get()));
  Status st = wait_for_eos(pipeline_.get(), deadline, kErrors);
  stop();
  return st;
}

SegmentEncoder::~SegmentEncoder() { stop(); }

void SegmentEncoder::stop() {
  if (!pipeline_) return;
  // NULL first: streaming threads joined, file closed, nothing posts any more,
  // so the sync handler can go (dropping its appsrc references) safely.
  gst_element_set_state(pipeline_.get(), GST_STATE_NULL);
  GstObjectPtr<GstBus> bus(gst_element_get_bus(pipeline_.get()));
  gst_bus_set_sync_handler(bus.get(), nullptr, nullptr, nullptr);
  vsrc_.reset();
  asrc_.reset();
  pipeline_.reset();
}

}  // namespace ws::render
