#include "render/media_probe.h"

#include <system_error>

#include <gst/gst.h>
#include <gst/pbutils/pbutils.h>
#include <gst/video/video.h>

#include "glib_support/gobject_ptr.h"

namespace ws::render {
namespace {

namespace fs = std::filesystem;

struct StreamListFree {
  void operator()(GList* list) const { gst_discoverer_stream_info_list_free(list); }
};
using StreamList = std::unique_ptr<GList, StreamListFree>;

Error not_decodable(const fs::path& path, const std::string& why) {
  return make_error(ErrorKind::unprocessable, "clip_not_decodable",
                    "clip " + path.string() + " is not a playable video: " + why);
}

std::string caps_string(GstCaps* caps) {
  if (!caps) return {};
  GCharPtr text(gst_caps_to_string(caps));
  return text ? text.get() : "";
}

// ProRes 4444 carries alpha when the sample depth is 32 (qtdemux reports it;
// when absent we assume the common 4444-with-alpha case). Raw formats say so
// in their format info; VP8/VP9 alpha shows up as codec-alpha.
bool caps_have_alpha(GstCaps* caps) {
  if (!caps || gst_caps_get_size(caps) == 0) return false;
  const GstStructure* s = gst_caps_get_structure(caps, 0);
  std::string name = gst_structure_get_name(s);
  if (name == "video/x-prores") {
    const char* variant = gst_structure_get_string(s, "variant");
    int depth = 0;
    bool four = variant && (std::string(variant) == "4444" || std::string(variant) == "4444xq");
    return four && (!gst_structure_get_int(s, "depth", &depth) || depth == 32);
  }
  if (name == "video/x-raw") {
    const char* format = gst_structure_get_string(s, "format");
    if (!format) return false;
    const GstVideoFormatInfo* info = gst_video_format_get_info(gst_video_format_from_string(format));
    return info && GST_VIDEO_FORMAT_INFO_HAS_ALPHA(info);
  }
  gboolean alpha = FALSE;
  return gst_structure_get_boolean(s, "codec-alpha", &alpha) && alpha;
}

void read_video(GstDiscovererVideoInfo* video, MediaInfo& out) {
  out.has_video = true;
  out.width = static_cast<int>(gst_discoverer_video_info_get_width(video));
  out.height = static_cast<int>(gst_discoverer_video_info_get_height(video));
  guint num = gst_discoverer_video_info_get_framerate_num(video);
  guint den = gst_discoverer_video_info_get_framerate_denom(video);
  out.fps = den ? static_cast<double>(num) / den : 0;
  GstCapsPtr caps(gst_discoverer_stream_info_get_caps(GST_DISCOVERER_STREAM_INFO(video)));
  out.video_caps = caps_string(caps.get());
  out.has_alpha = caps_have_alpha(caps.get());
}

std::string container_name(GstDiscovererInfo* info) {
  GObjectPtr<GstDiscovererStreamInfo> top(gst_discoverer_info_get_stream_info(info));
  if (!top || !GST_IS_DISCOVERER_CONTAINER_INFO(top.get())) return {};
  GstCapsPtr caps(gst_discoverer_stream_info_get_caps(top.get()));
  if (!caps || gst_caps_get_size(caps.get()) == 0) return {};
  return gst_structure_get_name(gst_caps_get_structure(caps.get(), 0));
}

Result<MediaInfo> read_info(GstDiscovererInfo* info, const fs::path& path) {
  MediaInfo out;
  GstClockTime duration = gst_discoverer_info_get_duration(info);
  out.duration_seconds = GST_CLOCK_TIME_IS_VALID(duration) ? static_cast<double>(duration) / GST_SECOND : 0;
  StreamList videos(gst_discoverer_info_get_video_streams(info));
  if (videos) read_video(GST_DISCOVERER_VIDEO_INFO(videos->data), out);
  StreamList audios(gst_discoverer_info_get_audio_streams(info));
  out.has_audio = audios != nullptr;
  out.container = container_name(info);
  // Still images are "video" to the discoverer; a clip must be a real stream.
  if (!out.has_video || gst_discoverer_video_info_is_image(GST_DISCOVERER_VIDEO_INFO(videos->data))) {
    return not_decodable(path, "no video stream");
  }
  return out;
}

Result<MediaInfo> check_result(GstDiscovererInfo* info, GError* error, const fs::path& path,
                               std::chrono::seconds timeout) {
  GstDiscovererResult result = info ? gst_discoverer_info_get_result(info) : GST_DISCOVERER_ERROR;
  std::string why = error ? error->message : "unrecognised content";
  switch (result) {
    case GST_DISCOVERER_OK:
      return read_info(info, path);
    case GST_DISCOVERER_TIMEOUT:
      return make_error(ErrorKind::unavailable, "clip_probe_timeout",
                        "probing clip " + path.string() + " took longer than " +
                            std::to_string(timeout.count()) + " s");
    case GST_DISCOVERER_BUSY:
      return make_error(ErrorKind::unavailable, "clip_probe_busy", "discoverer busy for " + path.string());
    case GST_DISCOVERER_MISSING_PLUGINS:
      return not_decodable(path, "missing GStreamer plugin (" + why + ")");
    default:
      return not_decodable(path, why);
  }
}

}  // namespace

Result<MediaInfo> probe_media(const fs::path& path, std::chrono::seconds timeout) {
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    return make_error(ErrorKind::unprocessable, "clip_not_found", "clip " + path.string() + " does not exist");
  }
  if (!fs::is_regular_file(path, ec)) return not_decodable(path, "not a regular file");
  fs::path absolute = fs::absolute(path, ec);
  GError* raw_error = nullptr;
  GCharPtr uri(gst_filename_to_uri(absolute.c_str(), &raw_error));
  GErrorPtr uri_error(raw_error);
  if (!uri) return not_decodable(path, uri_error ? uri_error->message : "bad file name");
  GstClockTime ns = static_cast<GstClockTime>(timeout.count()) * GST_SECOND;
  raw_error = nullptr;
  GObjectPtr<GstDiscoverer> discoverer(gst_discoverer_new(ns, &raw_error));
  GErrorPtr new_error(raw_error);
  if (!discoverer) {
    return make_error(ErrorKind::internal, "probe_failed",
                      std::string("cannot create discoverer: ") + (new_error ? new_error->message : "?"));
  }
  raw_error = nullptr;
  GObjectPtr<GstDiscovererInfo> info(gst_discoverer_discover_uri(discoverer.get(), uri.get(), &raw_error));
  GErrorPtr error(raw_error);
  return check_result(info.get(), error.get(), path, timeout);
}

}  // namespace ws::render
