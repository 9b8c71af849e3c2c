#pragma once
// Where each file of a stream lives, below /streams/{id}/ (and in the folder
// `render --out` writes): one table of names and templates that both writes
// paths and reads requested ones.
//
//   master.m3u8                        MPEG-TS HLS
//   {rendition}/index.m3u8, iframes.m3u8, seg_NNNNN.ts, iframe_NNNNN.ts
//   subs/index.m3u8, sub_NNNNN.vtt     WebVTT on the MPEG-TS clock
//   cmaf/master.m3u8, cmaf/manifest.mpd             fMP4 HLS and DASH
//   cmaf/{rendition}/index.m3u8, iframes.m3u8, init.mp4, seg_NNNNN.m4s, iframe_NNNNN.m4s
//   cmaf/audio/index.m3u8, init.mp4, seg_NNNNN.m4s
//   cmaf/subs/index.m3u8, sub_NNNNN.vtt, all.vtt    WebVTT on the fMP4 clock
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stream/file_template.h"
#include "stream/stream_plan.h"

namespace ws::stream {

inline constexpr std::string_view kMasterName = "master.m3u8";
inline constexpr std::string_view kMediaPlaylistName = "index.m3u8";
// Trick play: per rendition an I-frames-only playlist listing one resource
// per segment, its first picture (an IDR) alone.
inline constexpr std::string_view kIFramesName = "iframes.m3u8";
inline constexpr std::string_view kDashManifestName = "manifest.mpd";
inline constexpr std::string_view kInitName = "init.mp4";
inline constexpr std::string_view kSubtitlesDocumentName = "all.vtt";  // the whole WebVTT track, for DASH
inline constexpr std::string_view kDownloadName = "download.mp4";
inline constexpr std::string_view kCmafDir = "cmaf";
inline constexpr std::string_view kSubtitlesDir = "subs";
inline constexpr std::string_view kAudioTrackName = "audio";

inline constexpr FileTemplate kSegmentTemplate{"seg_", ".ts"};
inline constexpr FileTemplate kKeyframeTemplate{"iframe_", ".ts"};
inline constexpr FileTemplate kSubtitleTemplate{"sub_", ".vtt"};
inline constexpr FileTemplate kFragmentTemplate{"seg_", ".m4s"};
inline constexpr FileTemplate kKeyframeFragmentTemplate{"iframe_", ".m4s"};

// MPEG-TS HLS at the top; fMP4 HLS and DASH under cmaf/.
enum class Presentation { ts, cmaf };

enum class FileKind {
  master, dash_manifest,                                       // the presentation's entry point
  media_playlist, iframe_playlist, init, segment, keyframe,    // a track's
  subtitle_playlist, subtitle_segment, subtitle_document,      // the WebVTT track's
};

// A rendition's video (in MPEG-TS, its audio too), or the fMP4 audio track.
struct Track {
  bool video = true;
  std::size_t rendition = 0;  // video: which rung; audio: the first (every rung carries the same audio)

  static Track audio() { return {false, 0}; }
  bool operator==(const Track&) const = default;
};

struct StreamFile {
  StreamFile() = default;
  StreamFile(Presentation p, FileKind k, Track t = {}, int i = -1) : presentation(p), kind(k), track(t), index(i) {}

  Presentation presentation = Presentation::ts;
  FileKind kind = FileKind::master;
  Track track;     // a track's files
  int index = -1;  // segment, keyframe, subtitle_segment

  bool operator==(const StreamFile&) const = default;
};

// What `path` (below /streams/{id}/) names, or nothing for a name no stream
// has. Indexes are not checked against a plan here (resolve() does).
std::optional<StreamFile> parse_stream_path(const std::vector<Rendition>& ladder, std::string_view path);

// The path of `file`: "720p/seg_00042.ts", "cmaf/audio/init.mp4".
std::string path_of(const std::vector<Rendition>& ladder, const StreamFile& file);

// The WebVTT playlist as the masters list it: "subs/index.m3u8".
std::string subtitles_playlist_uri();

// Every file of the MPEG-TS presentation: media first (every rendition's
// segments and keyframe files), then the texts, the master last (a folder
// being written is complete once its master is there).
std::vector<StreamFile> ts_presentation_files(const StreamPlan& plan);

}  // namespace ws::stream
