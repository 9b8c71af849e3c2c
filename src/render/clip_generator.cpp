#include "render/clip_generator.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <chrono>
#include <cmath>
#include <cstring>
#include <memory>
#include <optional>
#include <system_error>

#include <cairo.h>
#include <gst/app/gstappsrc.h>
#include <gst/gst.h>
#include <unistd.h>

#include "common/gobject_ptr.h"
#include "common/logging.h"
#include "render/stick_figure.h"

namespace ws::render {
namespace {

namespace fs = std::filesystem;

struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
struct CairoDeleter {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};
using CairoPtr = std::unique_ptr<cairo_t, CairoDeleter>;

constexpr int kThumbnailWidth = 320;

// ---------------------------------------------------------------------------
// Spec validation.

Error bad(std::string code, std::string message, std::string field) {
  return make_error(ErrorKind::invalid_argument, std::move(code), std::move(message), std::move(field));
}

Result<Style> parse_color(const std::string& css) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string digits = css.size() > 1 && css[0] == '#' ? css.substr(1) : "";
  if (digits.size() == 3) digits = {digits[0], digits[0], digits[1], digits[1], digits[2], digits[2]};
  if (digits.size() != 6 || !std::all_of(digits.begin(), digits.end(), [&](char c) { return hex(c) >= 0; })) {
    return bad("invalid_color", "color must be a CSS hex colour like #3b82f6, got '" + css + "'", "color");
  }
  auto channel = [&](int i) { return (hex(digits[2 * i]) * 16 + hex(digits[2 * i + 1])) / 255.0; };
  return Style{channel(0), channel(1), channel(2)};
}

Status validate(const ClipSpec& spec) {
  // Even sizes keep every converter and player happy; the caps bound memory.
  if (spec.width < 16 || spec.height < 16 || spec.width > 3840 || spec.height > 2160 ||
      spec.width % 2 || spec.height % 2) {
    return bad("invalid_size", "width/height must be even, 16..3840 x 16..2160", "width");
  }
  if (spec.fps < 1 || spec.fps > 120) return bad("invalid_fps", "fps must be 1..120", "fps");
  if (!(spec.seconds > 0 && spec.seconds <= 60)) {
    return bad("invalid_duration", "seconds must be in (0, 60]", "seconds");
  }
  if (spec.name.size() > 120) return bad("invalid_name", "name longer than 120 bytes", "name");
  return {};
}

// ---------------------------------------------------------------------------
// Frame drawing.

// Body units -> pixels: the floor at 90% of the height, figure centred; the
// scale leaves room for jumps with raised arms below the title and for lying
// poses (about one unit wide) in narrow frames.
void body_transform(cairo_t* cr, int width, int height) {
  double unit = std::min(0.56 * height, width / 1.25);
  cairo_translate(cr, width / 2.0, 0.9 * height);
  cairo_scale(cr, unit, -unit);
}

// White bold title with a dark outline, centred near the top, shrunk to fit.
void draw_title(cairo_t* cr, const std::string& text, int width, int height) {
  if (text.empty()) return;
  cairo_save(cr);
  cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  double size = 0.085 * height;
  cairo_set_font_size(cr, size);
  cairo_text_extents_t ext;
  cairo_text_extents(cr, text.c_str(), &ext);
  if (ext.x_advance > 0.92 * width) {
    size *= 0.92 * width / ext.x_advance;
    cairo_set_font_size(cr, size);
    cairo_text_extents(cr, text.c_str(), &ext);
  }
  cairo_move_to(cr, (width - ext.x_advance) / 2, 0.05 * height + size * 0.8);
  cairo_text_path(cr, text.c_str());
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_source_rgb(cr, 0.06, 0.09, 0.16);
  cairo_set_line_width(cr, std::max(1.5, size * 0.14));
  cairo_stroke_preserve(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_fill(cr);
  cairo_restore(cr);
}

// The title never changes, so it is rasterised once (top fifth of the frame,
// where it sits) and blitted per frame.
SurfacePtr render_title(const std::string& text, int width, int height) {
  int band = std::max(1, height / 5);
  SurfacePtr s(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, band));
  CairoPtr cr(cairo_create(s.get()));
  draw_title(cr.get(), text, width, height);
  cairo_surface_flush(s.get());
  return s;
}

// Cairo stores premultiplied alpha; GStreamer's BGRA and ProRes alpha are
// straight. Our colours are opaque, so only antialiased edge pixels (0 < a <
// 255) need un-premultiplying; without this the edges would get a dark fringe
// when the clip is composited.
void unpremultiply(unsigned char* data, int stride, int width, int height) {
  for (int y = 0; y < height; ++y) {
    unsigned char* px = data + static_cast<ptrdiff_t>(y) * stride;
    for (int x = 0; x < width; ++x, px += 4) {
      unsigned a = px[3];
      if (a == 0 || a == 255) continue;
      for (int c = 0; c < 3; ++c) px[c] = static_cast<unsigned char>(std::min(255u, (px[c] * 255u + a / 2) / a));
    }
  }
}

struct Scene {
  const Motion* motion = nullptr;
  Style style;
  std::string name;
  SurfacePtr title;
  int width = 0, height = 0;
};

// Draws one frame into an ARGB32 surface wrapping `data` (cleared to transparent).
void draw_frame(const Scene& scene, double phase, unsigned char* data, int stride) {
  std::memset(data, 0, static_cast<size_t>(stride) * scene.height);
  SurfacePtr surface(cairo_image_surface_create_for_data(data, CAIRO_FORMAT_ARGB32, scene.width,
                                                         scene.height, stride));
  CairoPtr cr(cairo_create(surface.get()));
  cairo_set_source_surface(cr.get(), scene.title.get(), 0, 0);
  cairo_paint(cr.get());
  body_transform(cr.get(), scene.width, scene.height);
  draw_figure(cr.get(), *scene.motion, solve(*scene.motion, phase), scene.style);
  cr.reset();
  cairo_surface_flush(surface.get());
  unpremultiply(data, stride, scene.width, scene.height);
}

Result<Scene> make_scene(const ClipSpec& spec) {
  if (auto st = validate(spec); !st) return st.error();
  auto motion = find_motion(spec.motion);
  if (!motion) return motion.error();
  auto style = parse_color(spec.color);
  if (!style) return style.error();
  Scene scene{*motion, *style, spec.name, render_title(spec.name, spec.width, spec.height), spec.width,
              spec.height};
  return scene;
}

// ---------------------------------------------------------------------------
// Temp files.

fs::path temp_path_for(const fs::path& final_path) {
  static std::atomic<unsigned> counter{0};
  auto name = "." + final_path.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
              std::to_string(counter++);
  return final_path.parent_path() / name;
}

Error io_error(const std::string& what, const fs::path& path, const std::error_code& ec) {
  return make_error(ErrorKind::internal, "clip_write_failed", what + " " + path.string() + ": " + ec.message());
}

Status prepare_dir(const fs::path& final_path) {
  std::error_code ec;
  if (final_path.has_parent_path()) fs::create_directories(final_path.parent_path(), ec);
  if (ec) return io_error("cannot create folder for", final_path, ec);
  return {};
}

// Owns a hidden temp file next to the final path; removes it unless commit()
// renamed it into place.
class TempFile {
 public:
  explicit TempFile(fs::path final_path) : final_(std::move(final_path)), temp_(temp_path_for(final_)) {}
  ~TempFile() {
    std::error_code ec;
    if (!temp_.empty()) fs::remove(temp_, ec);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const fs::path& path() const { return temp_; }
  Status commit() {
    std::error_code ec;
    fs::rename(temp_, final_, ec);
    if (ec) return io_error("cannot rename into", final_, ec);
    temp_.clear();
    return {};
  }

 private:
  fs::path final_, temp_;
};

// ---------------------------------------------------------------------------
// Thumbnail.

Status write_png(const Scene& scene, const fs::path& path) {
  int w = kThumbnailWidth;
  int h = std::max(2, static_cast<int>(std::lround(double(w) * scene.height / scene.width)) / 2 * 2);
  SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h));
  CairoPtr cr(cairo_create(surface.get()));
  // A neutral slate card: the thumbnail is shown in lists, where a transparent
  // figure on an unknown page colour would be hard to read.
  cairo_set_source_rgb(cr.get(), 0.89, 0.91, 0.94);
  cairo_paint(cr.get());
  draw_title(cr.get(), scene.name, w, h);  // at thumbnail size: scaling the clip's title would blur
  body_transform(cr.get(), w, h);
  draw_figure(cr.get(), *scene.motion, solve(*scene.motion, scene.motion->thumbnail_phase), scene.style);
  cr.reset();
  auto rc = cairo_surface_write_to_png(surface.get(), path.c_str());
  if (rc != CAIRO_STATUS_SUCCESS) {
    return make_error(ErrorKind::internal, "clip_write_failed",
                      "cannot write thumbnail " + path.string() + ": " + cairo_status_to_string(rc));
  }
  return {};
}

// ---------------------------------------------------------------------------
// Encoding pipeline: appsrc (BGRA) ! videoconvert ! A444_10LE ! queue !
// avenc_prores_ks profile=4444 ! qtmux ! filesink. Frames are drawn in
// appsrc's need-data callback, so the caller only waits on the bus.

constexpr const char* kRawFormat = std::endian::native == std::endian::little ? "BGRA" : "ARGB";

struct Feeder {
  const Scene* scene = nullptr;
  int total_frames = 0, reps = 1, fps = 30, next = 0;
  std::optional<std::string> failure;  // set on the streaming thread, read after it stops
};

GstBuffer* make_frame(Feeder& f) {
  const Scene& s = *f.scene;
  int stride = cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, s.width);
  GstBuffer* buffer = gst_buffer_new_allocate(nullptr, static_cast<gsize>(stride) * s.height, nullptr);
  GstMapInfo map;
  if (!gst_buffer_map(buffer, &map, GST_MAP_WRITE)) {
    gst_buffer_unref(buffer);
    return nullptr;
  }
  draw_frame(s, frame_phase(f.next, f.total_frames, f.reps), map.data, stride);
  gst_buffer_unmap(buffer, &map);
  GstClockTime pts = gst_util_uint64_scale(f.next, GST_SECOND, f.fps);
  GST_BUFFER_PTS(buffer) = pts;
  GST_BUFFER_DURATION(buffer) = gst_util_uint64_scale(f.next + 1, GST_SECOND, f.fps) - pts;
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
    GstBuffer* frame = make_frame(f);
    if (!frame) throw std::runtime_error("cannot map frame buffer");
    ++f.next;
    gst_app_src_push_buffer(src, frame);  // takes ownership
  } catch (const std::exception& e) {
    f.failure = e.what();
    gst_app_src_end_of_stream(src);
  } catch (...) {
    f.failure = "unknown error while drawing";
    gst_app_src_end_of_stream(src);
  }
}

Error pipeline_error(std::string message) {
  return make_error(ErrorKind::internal, "clip_encode_failed", std::move(message));
}

Result<GstElement*> make_element(GstElement* bin, const char* factory, const char* name) {
  GstElement* e = gst_element_factory_make(factory, name);
  if (!e) return pipeline_error(std::string("GStreamer element '") + factory + "' is not installed");
  gst_bin_add(GST_BIN(bin), e);  // the bin owns it from here
  return e;
}

Status build_pipeline(GstElement* pipeline, const Scene& scene, int fps, const fs::path& out, Feeder& feeder) {
  const char* chain[][2] = {{"appsrc", "src"},     {"videoconvert", "convert"}, {"capsfilter", "format"},
                            {"queue", "queue"},    {"avenc_prores_ks", "enc"},  {"qtmux", "mux"},
                            {"filesink", "sink"}};
  GstElement* e[7];
  for (int i = 0; i < 7; ++i) {
    auto made = make_element(pipeline, chain[i][0], chain[i][1]);
    if (!made) return made.error();
    e[i] = *made;
  }
  GstCapsPtr raw(gst_caps_new_simple("video/x-raw", "format", G_TYPE_STRING, kRawFormat, "width", G_TYPE_INT,
                                     scene.width, "height", G_TYPE_INT, scene.height, "framerate",
                                     GST_TYPE_FRACTION, fps, 1, nullptr));
  g_object_set(e[0], "caps", raw.get(), "format", GST_FORMAT_TIME, "do-timestamp", FALSE, "is-live", FALSE,
               "max-bytes", guint64(2) * scene.width * scene.height * 4, nullptr);
  GstCapsPtr a444(gst_caps_from_string("video/x-raw,format=A444_10LE"));
  g_object_set(e[2], "caps", a444.get(), nullptr);
  g_object_set(e[3], "max-size-buffers", 3u, "max-size-bytes", 0u, "max-size-time", guint64(0), nullptr);
  gst_util_set_object_arg(G_OBJECT(e[4]), "profile", "4444");
  gst_util_set_object_arg(G_OBJECT(e[4]), "threads", "auto");  // slice threads: ~2x on 2 cores
  g_object_set(e[6], "location", out.c_str(), nullptr);
  for (int i = 0; i + 1 < 7; ++i) {
    if (!gst_element_link(e[i], e[i + 1])) {
      return pipeline_error(std::string("cannot link ") + chain[i][0] + " to " + chain[i + 1][0]);
    }
  }
  GstAppSrcCallbacks callbacks{};
  callbacks.need_data = on_need_data;
  gst_app_src_set_callbacks(GST_APP_SRC(e[0]), &callbacks, &feeder, nullptr);
  return {};
}

std::string describe(GstMessage* msg) {
  GError* raw = nullptr;
  gchar* debug = nullptr;
  gst_message_parse_error(msg, &raw, &debug);
  GErrorPtr err(raw);
  GCharPtr dbg(debug);
  std::string text = err ? err->message : "unknown error";
  if (dbg) text += std::string(" (") + dbg.get() + ")";
  return text;
}

// Runs the pipeline to EOS, an error, or the deadline.
Status run_to_eos(GstElement* pipeline, std::chrono::seconds timeout) {
  GstObjectPtr<GstBus> bus(gst_element_get_bus(pipeline));
  if (gst_element_set_state(pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE) {
    GstMessagePtr msg(gst_bus_pop_filtered(bus.get(), GST_MESSAGE_ERROR));
    return pipeline_error("cannot start the encoder" + (msg ? ": " + describe(msg.get()) : std::string()));
  }
  auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(timeout).count();
  GstMessagePtr msg(gst_bus_timed_pop_filtered(
      bus.get(), static_cast<GstClockTime>(ns),
      static_cast<GstMessageType>(GST_MESSAGE_ERROR | GST_MESSAGE_EOS)));
  if (!msg) {
    return make_error(ErrorKind::unavailable, "clip_encode_timeout",
                      "encoding did not finish within " + std::to_string(timeout.count()) + " s");
  }
  if (GST_MESSAGE_TYPE(msg.get()) == GST_MESSAGE_ERROR) return pipeline_error(describe(msg.get()));
  return {};
}

Status encode(const Scene& scene, const ClipSpec& spec, const fs::path& out) {
  Feeder feeder;
  feeder.scene = &scene;
  feeder.total_frames = std::max(1, static_cast<int>(std::lround(spec.seconds * spec.fps)));
  feeder.reps = repetitions(*scene.motion, double(feeder.total_frames) / spec.fps);
  feeder.fps = spec.fps;
  GstPipelinePtr pipeline(gst_pipeline_new("clip-generator"));
  if (auto st = build_pipeline(pipeline.get(), scene, spec.fps, out, feeder); !st) return st;
  // ProRes 4444 runs at roughly 10-20 frames/s at 720p here; the budget is
  // generous so a loaded machine is slow rather than failing.
  auto timeout = std::chrono::seconds(60 + feeder.total_frames);
  auto started = std::chrono::steady_clock::now();
  Status st = run_to_eos(pipeline.get(), timeout);
  pipeline.reset();  // NULL state: streaming threads joined, file closed
  if (st && feeder.failure) st = pipeline_error("drawing failed: " + *feeder.failure);
  if (st) {
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    log::get("render")->info("clip {}: {} frames {}x{} encoded in {:.1f} s ({:.1f} frames/s)", out.string(),
                             feeder.total_frames, spec.width, spec.height, secs, feeder.total_frames / secs);
  }
  return st;
}

}  // namespace

std::vector<std::string> known_motions() { return motion_names(); }

Status write_thumbnail(const ClipSpec& spec, const fs::path& png_path) {
  auto scene = make_scene(spec);
  if (!scene) return scene.error();
  if (auto st = prepare_dir(png_path); !st) return st;
  TempFile png(png_path);
  if (auto st = write_png(*scene, png.path()); !st) return st;
  return png.commit();
}

Status generate_clip(const ClipSpec& spec, const fs::path& mov_path, const fs::path& thumbnail_path) {
  auto scene = make_scene(spec);
  if (!scene) return scene.error();
  for (const auto& target : {mov_path, thumbnail_path}) {
    if (auto st = prepare_dir(target); !st) return st;
  }
  TempFile mov(mov_path), png(thumbnail_path);
  if (auto st = encode(*scene, spec, mov.path()); !st) {
    log::get("render")->warn("clip {} failed: {}", mov_path.string(), st.error().message);
    return st;
  }
  if (auto st = write_png(*scene, png.path()); !st) return st;
  // Both files are complete before either is renamed; the clip goes first so a
  // thumbnail never points at a missing clip.
  if (auto st = mov.commit(); !st) return st;
  return png.commit();
}

}  // namespace ws::render
