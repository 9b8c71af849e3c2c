#include "render/segment_renderer.h"

#include "render/pipeline_parse.h"

#include <cairo.h>
#include <gst/app/gstappsrc.h>
#include <gst/gst.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/gobject_ptr.h"
#include "common/logging.h"
#include "render/segment_clip_reader.h"
#include "timeline/query.h"
#include "timeline/settings.h"

namespace ws::render {

namespace fs = std::filesystem;
using timeline::Interval;
using timeline::IntervalKind;

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr int kAudioChunk = 1024;
constexpr GstClockTime kFinishTimeout = 120 * GST_SECOND;

struct Rgb {
  double r = 0, g = 0, b = 0;
};

Rgb parse_color(const std::string& css) {
  std::string h = css.size() > 0 && css[0] == '#' ? css.substr(1) : css;
  if (h.size() == 3) h = {h[0], h[0], h[1], h[1], h[2], h[2]};
  if (h.size() != 6) return {15 / 255.0, 23 / 255.0, 42 / 255.0};
  auto byte = [&](int i) { return std::stoi(h.substr(i, 2), nullptr, 16) / 255.0; };
  try {
    return {byte(0), byte(2), byte(4)};
  } catch (...) {
    return {15 / 255.0, 23 / 255.0, 42 / 255.0};
  }
}

fs::path resolve_clip(const std::string& clip, const std::string& media_dir) {
  fs::path p(clip);
  if (p.is_absolute() || media_dir.empty()) return p;
  return fs::path(media_dir) / p;
}

Error pipeline_error(const std::string& what) {
  return make_error(ErrorKind::internal, "render_pipeline", "segment render: " + what);
}

// Straight-alpha BGRA over an opaque BGRx frame, in place.
void blend_over(uint8_t* dst, const uint8_t* src, size_t pixels) {
  for (size_t i = 0; i < pixels; ++i, dst += 4, src += 4) {
    unsigned a = src[3];
    if (a == 0) continue;
    if (a == 255) {
      dst[0] = src[0];
      dst[1] = src[1];
      dst[2] = src[2];
      continue;
    }
    unsigned ia = 255 - a;
    dst[0] = static_cast<uint8_t>((src[0] * a + dst[0] * ia + 127) / 255);
    dst[1] = static_cast<uint8_t>((src[1] * a + dst[1] * ia + 127) / 255);
    dst[2] = static_cast<uint8_t>((src[2] * a + dst[2] * ia + 127) / 255);
  }
}

void draw_text(cairo_t* cr, const std::string& text, double x, double y, double size,
               bool bold, double align /*0 left, 0.5 centre, 1 right*/) {
  cairo_select_font_face(cr, "Sans", CAIRO_FONT_SLANT_NORMAL,
                         bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, size);
  cairo_text_extents_t ext;
  cairo_text_extents(cr, text.c_str(), &ext);
  double tx = x - align * ext.x_advance;
  // Dark outline for legibility over the clip.
  cairo_move_to(cr, tx, y);
  cairo_text_path(cr, text.c_str());
  cairo_set_source_rgba(cr, 0, 0, 0, 0.6);
  cairo_set_line_width(cr, std::max(1.0, size / 12));
  cairo_stroke_preserve(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_fill(cr);
}

void draw_overlay(cairo_t* cr, const timeline::Timeline& tl, int64_t frame, int w, int h) {
  timeline::FrameInfo info = timeline::frame_info(tl, frame);
  if (!info.interval_index) return;
  const Interval& iv = tl.intervals[*info.interval_index];
  double margin = h * 0.04;
  // Countdown of the interval, whole seconds rounded up.
  int64_t left_s = (info.frames_left_in_interval * tl.fps_den + tl.fps_num - 1) / tl.fps_num;
  draw_text(cr, std::to_string(left_s), w - margin, margin + h * 0.14, h * 0.16, true, 1.0);

  if (iv.kind == IntervalKind::rest) {
    draw_text(cr, "Rest", w / 2.0, h * 0.45, h * 0.14, true, 0.5);
    std::string next = iv.next_name.empty() ? std::string("Rest")
                                            : std::string("Rest \u2014 next: ") + iv.next_name;
    draw_text(cr, next, w / 2.0, h * 0.58, h * 0.07, false, 0.5);
  } else {
    draw_text(cr, iv.name, margin, margin + h * 0.08, h * 0.08, true, 0.0);
  }
  if (iv.round > 0 && iv.total_rounds > 0) {
    std::string r = "Round " + std::to_string(iv.round) + "/" + std::to_string(iv.total_rounds);
    if (iv.exercise_index >= 0 && iv.exercises_per_round > 0) {
      r += "  \u00b7  " + std::to_string(iv.exercise_index + 1) + "/" +
           std::to_string(iv.exercises_per_round);
    }
    draw_text(cr, r, margin, h - margin - h * 0.05, h * 0.05, false, 0.0);
  }
  // Progress of the whole workout.
  double bar_h = std::max(2.0, h * 0.012);
  double frac = tl.total_frames > 0 ? static_cast<double>(frame) / tl.total_frames : 0;
  cairo_rectangle(cr, 0, h - bar_h, w, bar_h);
  cairo_set_source_rgba(cr, 1, 1, 1, 0.2);
  cairo_fill(cr);
  cairo_rectangle(cr, 0, h - bar_h, w * frac, bar_h);
  cairo_set_source_rgb(cr, 0.13, 0.77, 0.37);
  cairo_fill(cr);
}

// Deterministic cue track on the absolute timeline sample clock, so that
// segments rendered separately join without clicks or jumps.
class CueTrack {
 public:
  explicit CueTrack(const timeline::Timeline& tl) : tl_(tl) {}

  int16_t at(int64_t s) {
    const int rate = tl_.audio_rate;
    int64_t frame = s * tl_.fps_num / (static_cast<int64_t>(rate) * tl_.fps_den);
    const Interval* iv = timeline::interval_at(tl_, frame);
    if (!iv) return 0;
    int64_t start = timeline::sample_at_frame(iv->start_frame, tl_.fps_num, tl_.fps_den, rate);
    int64_t end = timeline::sample_at_frame(iv->end_frame(), tl_.fps_num, tl_.fps_den, rate);
    int64_t rel = s - start;
    int64_t rem = end - s;
    double freq = 0;
    int64_t beep_start = 0, beep_len = 0;
    int64_t start_len = rate / 4;
    if (rel >= 0 && rel < start_len) {
      freq = iv->kind == IntervalKind::rest ? 523.25 : 1318.5;
      beep_start = start;
      beep_len = start_len;
    } else {
      int64_t short_len = rate * 12 / 100;
      for (int k = 1; k <= 3; ++k) {
        int64_t b = end - static_cast<int64_t>(k) * rate;  // beep starts k seconds before the end
        if (b > start + start_len && s >= b && s < b + short_len) {
          freq = 880.0;
          beep_start = b;
          beep_len = short_len;
        }
      }
    }
    (void)rem;
    if (freq == 0) return 0;
    int64_t t = s - beep_start;
    int64_t fade = rate / 200;  // 5 ms
    double env = 1.0;
    if (t < fade) env = static_cast<double>(t) / fade;
    if (beep_len - t < fade) env = std::min(env, static_cast<double>(beep_len - t) / fade);
    double v = 0.3 * env * std::sin(2 * kPi * freq * static_cast<double>(t) / rate);
    return static_cast<int16_t>(std::lround(v * 32767));
  }

 private:
  const timeline::Timeline& tl_;
};

std::string temp_name(const fs::path& out) {
  static std::atomic<unsigned> counter{0};
  return "." + out.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
         std::to_string(counter++);
}

std::string check_bus(GstBus* bus) {
  GstMessagePtr msg(gst_bus_pop_filtered(bus, GST_MESSAGE_ERROR));
  if (!msg) return {};
  GError* err = nullptr;
  gchar* dbg = nullptr;
  gst_message_parse_error(msg.get(), &err, &dbg);
  std::string text = err ? err->message : "unknown error";
  if (dbg) text += std::string(" (") + dbg + ")";
  if (err) g_error_free(err);
  g_free(dbg);
  return text;
}

}  // namespace

Status render_segment(const timeline::Timeline& tl, const timeline::Segment& segment,
                      const RenderProfile& profile, const fs::path& out_path) {
  const int w = profile.width, h = profile.height;
  if (w <= 0 || h <= 0 || w % 2 || h % 2) {
    return make_error(ErrorKind::invalid_argument, "bad_profile", "render size must be even and positive");
  }
  if (segment.frame_count <= 0 || segment.start_frame < 0 || segment.end_frame() > tl.total_frames) {
    return make_error(ErrorKind::invalid_argument, "bad_segment", "segment outside the timeline");
  }
  auto log = ws::log::get("render");

  // Clip readers, one per clip used in this segment.
  std::map<std::string, std::unique_ptr<SegmentClipReader>> readers;
  for (std::size_t idx : timeline::intervals_overlapping(tl, segment.start_frame, segment.frame_count)) {
    const Interval& iv = tl.intervals[idx];
    if (iv.clip.empty() || readers.count(iv.clip)) continue;
    auto reader = std::make_unique<SegmentClipReader>();
    Status st = reader->open(resolve_clip(iv.clip, profile.media_dir), w, h);
    if (!st.ok()) return st;
    readers.emplace(iv.clip, std::move(reader));
  }

  fs::path dir = out_path.parent_path().empty() ? fs::path(".") : out_path.parent_path();
  std::error_code ec;
  fs::create_directories(dir, ec);
  fs::path tmp = dir / temp_name(out_path);

  std::string desc =
      "appsrc name=vsrc format=time block=true max-bytes=" + std::to_string(static_cast<int64_t>(w) * h * 4 * 4) +
      " caps=video/x-raw,format=BGRx,width=" + std::to_string(w) + ",height=" + std::to_string(h) +
      ",framerate=" + std::to_string(tl.fps_num) + "/" + std::to_string(tl.fps_den) +
      ",pixel-aspect-ratio=1/1 ! queue ! videoconvert ! video/x-raw,format=I420 ! "
      "x264enc name=venc speed-preset=veryfast tune=zerolatency bframes=0 ! "
      "video/x-h264,stream-format=byte-stream ! h264parse ! queue ! mux. "
      "appsrc name=asrc format=time block=true caps=audio/x-raw,format=S16LE,layout=interleaved,channels=2,rate=" +
      std::to_string(tl.audio_rate) +
      " ! queue ! audioconvert ! avenc_aac name=aenc ! aacparse ! queue ! mux. "
      "mpegtsmux name=mux ! filesink name=sink";
  auto parsed = parse_pipeline(desc, "segment encoder");
  if (!parsed) return parsed.error();
  GstPipelinePtr pipeline = std::move(parsed.value());
  GstElement* p = pipeline.get();
  GstObjectPtr<GstElement> vsrc(gst_bin_get_by_name(GST_BIN(p), "vsrc"));
  GstObjectPtr<GstElement> asrc(gst_bin_get_by_name(GST_BIN(p), "asrc"));
  GstObjectPtr<GstElement> venc(gst_bin_get_by_name(GST_BIN(p), "venc"));
  GstObjectPtr<GstElement> aenc(gst_bin_get_by_name(GST_BIN(p), "aenc"));
  GstObjectPtr<GstElement> sink(gst_bin_get_by_name(GST_BIN(p), "sink"));
  g_object_set(venc.get(), "bitrate", static_cast<guint>(profile.video_bitrate_kbps),
               "key-int-max", static_cast<guint>(std::max<int64_t>(segment.frame_count, 1) * 10), nullptr);
  g_object_set(aenc.get(), "bitrate", static_cast<gint>(profile.audio_bitrate_kbps * 1000), nullptr);
  g_object_set(sink.get(), "location", tmp.c_str(), nullptr);
  GstObjectPtr<GstBus> bus(gst_element_get_bus(p));

  auto fail = [&](Error e) -> Status {
    pipeline.reset();
    fs::remove(tmp, ec);
    return e;
  };

  struct DropBefore {
    GstClockTime pts;
  };
  auto* drop = new DropBefore{static_cast<GstClockTime>(
      kSegmentPtsOffsetNs +
      static_cast<int64_t>(gst_util_uint64_scale(static_cast<guint64>(segment.start_sample), GST_SECOND,
                                                 tl.audio_rate)) -
      GST_MSECOND)};
  {
    GstObjectPtr<GstPad> aenc_src(gst_element_get_static_pad(aenc.get(), "src"));
    gst_pad_add_probe(
        aenc_src.get(), GST_PAD_PROBE_TYPE_BUFFER,
        [](GstPad*, GstPadProbeInfo* info, gpointer data) -> GstPadProbeReturn {
          GstBuffer* b = GST_PAD_PROBE_INFO_BUFFER(info);
          auto* d = static_cast<DropBefore*>(data);
          if (b && GST_BUFFER_PTS_IS_VALID(b) && GST_BUFFER_PTS(b) < d->pts) return GST_PAD_PROBE_DROP;
          return GST_PAD_PROBE_OK;
        },
        drop, [](gpointer data) { delete static_cast<DropBefore*>(data); });
  }

  if (gst_element_set_state(p, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE) {
    return fail(pipeline_error("pipeline failed to start: " + check_bus(bus.get())));
  }

  // Background frame and cairo surface (RGB24 == BGRx in memory on little endian).
  Rgb bg = parse_color(profile.background);
  const int stride = cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, w);
  const size_t frame_bytes = static_cast<size_t>(stride) * h;
  std::vector<uint8_t> background(frame_bytes);
  for (size_t i = 0; i + 3 < frame_bytes; i += 4) {
    background[i + 0] = static_cast<uint8_t>(std::lround(bg.b * 255));
    background[i + 1] = static_cast<uint8_t>(std::lround(bg.g * 255));
    background[i + 2] = static_cast<uint8_t>(std::lround(bg.r * 255));
    background[i + 3] = 255;
  }
  std::vector<uint8_t> canvas(frame_bytes);
  cairo_surface_t* surface =
      cairo_image_surface_create_for_data(canvas.data(), CAIRO_FORMAT_RGB24, w, h, stride);
  cairo_t* cr = cairo_create(surface);
  auto cairo_done = [&] {
    if (cr) cairo_destroy(cr);
    if (surface) cairo_surface_destroy(surface);
    cr = nullptr;
    surface = nullptr;
  };

  CueTrack cues(tl);
  const int64_t offset = kSegmentPtsOffsetNs;
  const int rate = tl.audio_rate;
  // AAC priming: the encoder's first packet is 1024 samples of priming and
  // every later packet lags its input by one AAC frame. We feed one frame of
  // pre-roll (the cue track before the segment, so the MDCT overlap matches the
  // previous segment) stamped one more frame early, and drop every packet
  // stamped before the segment's start: the first kept packet then holds
  // exactly samples start_sample.. at PTS T(start_sample).
  int64_t audio_next = segment.start_sample - timeline::kAacFrameSamples;
  const int64_t audio_end = segment.start_sample + segment.sample_count;
  auto sample_ns = [&](int64_t s) -> int64_t {
    if (s >= 0) return static_cast<int64_t>(gst_util_uint64_scale(static_cast<guint64>(s), GST_SECOND, rate));
    return -static_cast<int64_t>(gst_util_uint64_scale(static_cast<guint64>(-s), GST_SECOND, rate));
  };
  auto push_audio_until = [&](int64_t until_ns) -> bool {
    while (audio_next < audio_end && sample_ns(audio_next) < until_ns) {
      int64_t n = std::min<int64_t>(kAudioChunk, audio_end - audio_next);
      GstBuffer* buf = gst_buffer_new_allocate(nullptr, static_cast<gsize>(n) * 4, nullptr);
      GstMapInfo map;
      gst_buffer_map(buf, &map, GST_MAP_WRITE);
      auto* out = reinterpret_cast<int16_t*>(map.data);
      for (int64_t i = 0; i < n; ++i) {
        int16_t v = cues.at(audio_next + i);
        out[2 * i] = v;
        out[2 * i + 1] = v;
      }
      gst_buffer_unmap(buf, &map);
      GST_BUFFER_PTS(buf) =
          static_cast<GstClockTime>(offset + sample_ns(audio_next - timeline::kAacFrameSamples));
      GST_BUFFER_DURATION(buf) = static_cast<GstClockTime>(sample_ns(audio_next + n) - sample_ns(audio_next));
      audio_next += n;
      if (gst_app_src_push_buffer(GST_APP_SRC(asrc.get()), buf) != GST_FLOW_OK) return false;
    }
    return true;
  };

  for (int64_t f = segment.start_frame; f < segment.end_frame(); ++f) {
    std::memcpy(canvas.data(), background.data(), frame_bytes);
    timeline::FrameInfo info = timeline::frame_info(tl, f);
    if (info.interval_index) {
      const Interval& iv = tl.intervals[*info.interval_index];
      if (!iv.clip.empty()) {
        auto it = readers.find(iv.clip);
        if (it != readers.end()) {
          timeline::SourcePosition pos =
              timeline::source_position_in(iv, info.frame_in_interval, tl.fps_num, tl.fps_den);
          const uint8_t* px = pos.has_clip ? it->second->frame_at(pos.position_ns) : nullptr;
          if (!px) {
            cairo_done();
            return fail(make_error(ErrorKind::unprocessable, "clip_not_decodable",
                                   "could not decode " + iv.clip));
          }
          cairo_surface_flush(surface);
          blend_over(canvas.data(), px, static_cast<size_t>(w) * h);
          cairo_surface_mark_dirty(surface);
        }
      }
    }
    draw_overlay(cr, tl, f, w, h);
    cairo_surface_flush(surface);

    GstBuffer* buf = gst_buffer_new_allocate(nullptr, frame_bytes, nullptr);
    gst_buffer_fill(buf, 0, canvas.data(), frame_bytes);
    int64_t t0 = timeline::frame_to_ns(f, tl.fps_num, tl.fps_den);
    int64_t t1 = timeline::frame_to_ns(f + 1, tl.fps_num, tl.fps_den);
    GST_BUFFER_PTS(buf) = static_cast<GstClockTime>(offset + t0);
    GST_BUFFER_DTS(buf) = GST_BUFFER_PTS(buf);
    GST_BUFFER_DURATION(buf) = static_cast<GstClockTime>(t1 - t0);
    if (gst_app_src_push_buffer(GST_APP_SRC(vsrc.get()), buf) != GST_FLOW_OK ||
        !push_audio_until(t1)) {
      cairo_done();
      return fail(pipeline_error("push failed: " + check_bus(bus.get())));
    }
    std::string err = check_bus(bus.get());
    if (!err.empty()) {
      cairo_done();
      return fail(pipeline_error(err));
    }
  }
  cairo_done();
  if (!push_audio_until(INT64_MAX)) return fail(pipeline_error("audio push failed: " + check_bus(bus.get())));
  gst_app_src_end_of_stream(GST_APP_SRC(vsrc.get()));
  gst_app_src_end_of_stream(GST_APP_SRC(asrc.get()));

  GstMessagePtr msg(gst_bus_timed_pop_filtered(
      bus.get(), kFinishTimeout, static_cast<GstMessageType>(GST_MESSAGE_EOS | GST_MESSAGE_ERROR)));
  if (!msg) return fail(make_error(ErrorKind::unavailable, "render_timeout", "segment render timed out"));
  if (GST_MESSAGE_TYPE(msg.get()) == GST_MESSAGE_ERROR) {
    GError* err = nullptr;
    gst_message_parse_error(msg.get(), &err, nullptr);
    std::string text = err ? err->message : "error";
    if (err) g_error_free(err);
    return fail(pipeline_error(text));
  }
  pipeline.reset();
  fs::rename(tmp, out_path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return pipeline_error("rename to " + out_path.string() + " failed");
  }
  log->debug("rendered segment {} ({} frames) to {}", segment.index, segment.frame_count, out_path.string());
  return Status::Ok();
}

}  // namespace ws::render
