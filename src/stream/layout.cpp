#include "stream/layout.h"

namespace ws::stream {
namespace {

// The folders of a presentation: its top, one per track, the subtitles'.
enum class Folder { top, track, subtitles };

// One name a folder may hold: a fixed name, or a numbered one.
struct NameRule {
  Presentation presentation;
  Folder folder;
  FileKind kind;
  std::string_view fixed;  // empty for a numbered name
  FileTemplate numbered;
  bool video_only = false;  // trick play is for pictures
};

using P = Presentation;
using F = Folder;
using K = FileKind;
constexpr FileTemplate kFixed{};

constexpr NameRule kNames[] = {
    {P::ts, F::top, K::master, kMasterName, kFixed},
    {P::ts, F::track, K::media_playlist, kMediaPlaylistName, kFixed},
    {P::ts, F::track, K::iframe_playlist, kIFramesName, kFixed},
    {P::ts, F::track, K::segment, {}, kSegmentTemplate},
    {P::ts, F::track, K::keyframe, {}, kKeyframeTemplate},
    {P::ts, F::subtitles, K::subtitle_playlist, kMediaPlaylistName, kFixed},
    {P::ts, F::subtitles, K::subtitle_segment, {}, kSubtitleTemplate},
    {P::cmaf, F::top, K::master, kMasterName, kFixed},
    {P::cmaf, F::top, K::dash_manifest, kDashManifestName, kFixed},
    {P::cmaf, F::track, K::media_playlist, kMediaPlaylistName, kFixed},
    {P::cmaf, F::track, K::init, kInitName, kFixed},
    {P::cmaf, F::track, K::segment, {}, kFragmentTemplate},
    {P::cmaf, F::track, K::iframe_playlist, kIFramesName, kFixed, true},
    {P::cmaf, F::track, K::keyframe, {}, kKeyframeFragmentTemplate, true},
    {P::cmaf, F::subtitles, K::subtitle_playlist, kMediaPlaylistName, kFixed},
    {P::cmaf, F::subtitles, K::subtitle_segment, {}, kSubtitleTemplate},
    {P::cmaf, F::subtitles, K::subtitle_document, kSubtitlesDocumentName, kFixed},
};

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  while (true) {
    std::size_t slash = path.find('/');
    parts.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) return parts;
    path.remove_prefix(slash + 1);
  }
}

// The track a folder name names in `presentation`, if any.
std::optional<Track> track_named(const std::vector<Rendition>& ladder, Presentation presentation,
                                 std::string_view name) {
  if (presentation == P::cmaf && name == kAudioTrackName) return Track::audio();
  int rendition = rendition_index(ladder, name);
  if (rendition < 0) return std::nullopt;
  return Track{true, static_cast<std::size_t>(rendition)};
}

// The file `name` is in a folder, if any rule allows it.
std::optional<StreamFile> match_name(StreamFile file, Folder folder, std::string_view name) {
  for (const NameRule& rule : kNames) {
    if (rule.presentation != file.presentation || rule.folder != folder) continue;
    if (rule.video_only && !file.track.video) continue;
    if (!rule.fixed.empty() && name == rule.fixed) {
      file.kind = rule.kind;
      return file;
    }
    if (auto index = rule.fixed.empty() ? rule.numbered.parse(name) : std::nullopt) {
      file.kind = rule.kind;
      file.index = *index;
      return file;
    }
  }
  return std::nullopt;
}

const NameRule& rule_for(const StreamFile& file) {
  for (const NameRule& rule : kNames) {
    if (rule.presentation == file.presentation && rule.kind == file.kind) return rule;
  }
  return kNames[0];  // every (presentation, kind) a StreamFile can hold is in the table
}

}  // namespace

std::optional<StreamFile> parse_stream_path(const std::vector<Rendition>& ladder, std::string_view path) {
  StreamFile file;
  std::vector<std::string_view> parts = split_path(path);
  if (parts.size() > 1 && parts.front() == kCmafDir) {
    file.presentation = P::cmaf;
    parts.erase(parts.begin());
  }
  if (parts.size() == 1) return match_name(file, F::top, parts[0]);
  if (parts.size() != 2) return std::nullopt;
  if (parts[0] == kSubtitlesDir) return match_name(file, F::subtitles, parts[1]);
  auto track = track_named(ladder, file.presentation, parts[0]);
  if (!track) return std::nullopt;
  file.track = *track;
  return match_name(file, F::track, parts[1]);
}

std::string path_of(const std::vector<Rendition>& ladder, const StreamFile& file) {
  const NameRule& rule = rule_for(file);
  std::string path = file.presentation == P::cmaf ? std::string(kCmafDir) + "/" : "";
  if (rule.folder == F::subtitles) path += std::string(kSubtitlesDir) + "/";
  if (rule.folder == F::track) {
    path += (file.track.video ? ladder.at(file.track.rendition).name : std::string(kAudioTrackName)) + "/";
  }
  return path + (rule.fixed.empty() ? rule.numbered.format(file.index) : std::string(rule.fixed));
}

std::string subtitles_playlist_uri() { return path_of({}, {P::ts, K::subtitle_playlist}); }

std::vector<StreamFile> ts_presentation_files(const StreamPlan& plan) {
  std::vector<StreamFile> files;
  const int segments = plan.segment_count();
  for (std::size_t r = 0; r < plan.renditions.size(); ++r) {
    for (int k = 0; k < segments; ++k) {
      files.push_back({P::ts, K::segment, Track{true, r}, k});
      files.push_back({P::ts, K::keyframe, Track{true, r}, k});
    }
  }
  for (std::size_t r = 0; r < plan.renditions.size(); ++r) {
    files.push_back({P::ts, K::media_playlist, Track{true, r}});
    files.push_back({P::ts, K::iframe_playlist, Track{true, r}});
  }
  files.push_back({P::ts, K::subtitle_playlist});
  for (int k = 0; k < segments; ++k) files.push_back({P::ts, K::subtitle_segment, Track{}, k});
  files.push_back({P::ts, K::master});
  return files;
}

}  // namespace ws::stream
