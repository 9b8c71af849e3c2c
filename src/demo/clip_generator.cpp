#include "demo/clip_generator.h"

#include <algorithm>
#include <bit>
#include <chrono>
#include <cmath>
#include <optional>

#include <gst/app/gstappsrc.h>
#include <gst/gst.h>

#include "glib_support/gobject_ptr.h"
#include "common/logging.h"
#include "demo/clip_scene.h"
#include "render/pipeline_builder.h"
#include "render/pipeline_catalog.h"
#include "render/pipeline_run.h"
#include "render/temp_file.h"

namespace ws::demo {
namespace {

namespace fs = std::filesystem;
using render::Fraction;
using render::RunErrors;

constexpr const char* kWriteFailed = "clip_write_failed";

constexpr const char* kRawFormat = std::endian::native == std::endian::little ? "BGRA" : "ARGB";

// Frames are drawn in appsrc's need-data callback, so the caller only waits
// on the bus.
struct Feeder {
  const Scene* scene = nullptr;
  int total_frames = 0, reps = 1, fps = 30, next = 0;
  std::optional<std::string> failure;  // set on the streaming thread, read after it stops
};

GstBufferPtr make_frame(Feeder& f) {
  const Scene& s = *f.scene;
  int stride = cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, s.width);
  GstBufferPtr buffer(gst_buffer_new_allocate(nullptr, static_cast<gsize>(stride) * s.height, nullptr));
  GstMapInfo map;
  if (!gst_buffer_map(buffer.get(), &map, GST_MAP_WRITE)) return nullptr;
  draw_frame(s, frame_phase(f.next, f.total_frames, f.reps), map.data, stride);
  gst_buffer_unmap(buffer.get(), &map);
  GstClockTime pts = gst_util_uint64_scale(f.next, GST_SECOND, f.fps);
  GST_BUFFER_PTS(buffer.get()) = pts;
  GST_BUFFER_DURATION(buffer.get()) = gst_util_uint64_scale(f.next + 1, GST_SECOND, f.fps) - pts;
  return buffer;
}

// C callback: no exception may escape. On failure the stream is ended and the
// reason recorded; the waiting caller reports it.
void on_need_data(GstAppSrc* src, guint, gpointer user_data) {
  auto& f = *static_cast<Feeder*>(user_data);
  try {
    if (f.next >= f.total_frames) {
      gst_app_src_end_of_stream(src);
      return;
    }
    GstBufferPtr frame = make_frame(f);
    if (!frame) throw std::runtime_error("cannot map frame buffer");
    ++f.next;
    gst_app_src_push_buffer(src, frame.release());
  } catch (const std::exception& e) {
    f.failure = e.what();
    gst_app_src_end_of_stream(src);
  } catch (...) {
    f.failure = "unknown error while drawing";
    gst_app_src_end_of_stream(src);
  }
}

const RunErrors kErrors{"clip encoder", "clip_encode_failed", "clip_encode_timeout"};

Result<GstPipelinePtr> build_encoder(const ClipSpec& spec, const fs::path& out, Feeder& feeder) {
  WS_ASSIGN_OR_RETURN(GstPipelinePtr pipeline,
                      render::build_pipeline_from(clip_encoder_contract(), spec.pipelines_dir,
                                                  {{"queue_bytes", int64_t{2} * spec.width * spec.height * 4},
                                                   {"raw_format", std::string(kRawFormat)},
                                                   {"width", int64_t{spec.width}},
                                                   {"height", int64_t{spec.height}},
                                                   {"framerate", Fraction{spec.fps, 1}},
                                                   {"location", out.string()}}));
  GstAppSrcCallbacks callbacks{};
  callbacks.need_data = on_need_data;
  gst_app_src_set_callbacks(GST_APP_SRC(render::pipeline_element(pipeline.get(), "src").get()), &callbacks, &feeder,
                            nullptr);
  return pipeline;
}

// Runs the pipeline to EOS, an error, or the deadline.
Status run_to_eos(GstElement* pipeline, std::chrono::seconds timeout) {
  WS_RETURN_IF_ERROR(render::start_pipeline(pipeline, kErrors));
  return render::wait_for_eos(pipeline, std::chrono::steady_clock::now() + timeout, kErrors);
}

Status encode(const Scene& scene, const ClipSpec& spec, const fs::path& out) {
  Feeder feeder;
  feeder.scene = &scene;
  feeder.total_frames = std::max(1, static_cast<int>(std::lround(spec.seconds * spec.fps)));
  feeder.reps = repetitions(*scene.motion, double(feeder.total_frames) / spec.fps);
  feeder.fps = spec.fps;
  WS_ASSIGN_OR_RETURN(GstPipelinePtr pipeline, build_encoder(spec, out, feeder));
  // ProRes 4444 runs at roughly 10-20 frames/s at 720p here; the budget is
  // generous so a loaded machine is slow rather than failing.
  auto timeout = std::chrono::seconds(60 + feeder.total_frames);
  auto started = std::chrono::steady_clock::now();
  Status st = run_to_eos(pipeline.get(), timeout);
  pipeline.reset();  // NULL state: streaming threads joined, file closed
  if (st && feeder.failure) st = render::run_failure(kErrors, "drawing failed: " + *feeder.failure);
  if (st) {
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    log::get("demo")->info("clip {}: {} frames {}x{} encoded in {:.1f} s ({:.1f} frames/s)", out.string(),
                             feeder.total_frames, spec.width, spec.height, secs, feeder.total_frames / secs);
  }
  return st;
}

}  // namespace

const render::PipelineContract& clip_encoder_contract() {
  using K = render::ValueKind;
  static const render::PipelineContract c{
      "clip_encoder.json",
      {{"queue_bytes", K::integer}, {"raw_format", K::string}, {"width", K::integer}, {"height", K::integer},
       {"framerate", K::fraction}, {"location", K::string}},
      {{"src", "appsrc"}}};
  return c;
}

Status generate_clip(const ClipSpec& spec, const fs::path& mov_path, const fs::path& thumbnail_path) {
  WS_ASSIGN_OR_RETURN(Scene scene, make_scene(spec));
  for (const auto& target : {mov_path, thumbnail_path}) WS_RETURN_IF_ERROR(render::prepare_dir(target, kWriteFailed));
  render::TempFile mov(mov_path, kWriteFailed), png(thumbnail_path, kWriteFailed);
  if (Status st = encode(scene, spec, mov.path()); !st) {
    log::get("demo")->warn("clip {} failed: {}", mov_path.string(), st.error().message);
    return st;
  }
  WS_RETURN_IF_ERROR(write_png(scene, png.path()));
  // Both files are complete before either is renamed; the clip goes first so a
  // thumbnail never points at a missing clip.
  WS_RETURN_IF_ERROR(mov.commit());
  return png.commit();
}

}  // namespace ws::demo
