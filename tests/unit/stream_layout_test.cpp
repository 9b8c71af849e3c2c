// Stream file names: written and read from one table, so only the exact
// names the playlists list name a file.
#include "stream/layout.h"

#include <gtest/gtest.h>

#include "playlist/hls.h"

namespace ws::stream {
namespace {

std::vector<Rendition> ladder() { return {{"720p", {}}, {"180p", {}}}; }

TEST(FileTemplate, TheWrittenPatternParses) {
  EXPECT_EQ(kSegmentTemplate.parse("seg_00000.ts"), 0);
  EXPECT_EQ(kSegmentTemplate.parse("seg_00042.ts"), 42);
  EXPECT_EQ(kSegmentTemplate.parse("seg_123456.ts"), 123456);
  EXPECT_EQ(kKeyframeFragmentTemplate.parse("iframe_00007.m4s"), 7);
}

TEST(FileTemplate, AnythingElseIsRefused) {
  for (const char* name : {"seg_42.ts", "seg_0004a.ts", "seg_00042.mp4", "seg_-0001.ts", "SEG_00001.ts",
                           "seg_00001.ts.bak", "seg_0000000000001.ts", "index.m3u8", "", "seg_.ts"}) {
    EXPECT_EQ(kSegmentTemplate.parse(name), std::nullopt) << name;
  }
}

TEST(FileTemplate, FormatsWhatThePlaylistWritersList) {
  EXPECT_EQ(kSegmentTemplate.format(42), "seg_00042.ts");
  EXPECT_EQ(kSegmentTemplate.uri_template(), "seg_%05d.ts");
  EXPECT_EQ(playlist::segment_uri(kSubtitleTemplate.uri_template(), 123456), kSubtitleTemplate.format(123456));
  EXPECT_EQ(kFragmentTemplate.dash_template(), "seg_$Number%05d$.m4s");
  for (int index : {0, 9, 99999, 100000, 123456789}) {
    EXPECT_EQ(kKeyframeTemplate.parse(kKeyframeTemplate.format(index)), index);
  }
}

TEST(StreamPath, EveryFileOfBothPresentationsRoundTrips) {
  const auto rungs = ladder();
  std::vector<StreamFile> files;
  for (Presentation p : {Presentation::ts, Presentation::cmaf}) {
    files.push_back({p, FileKind::master});
    files.push_back({p, FileKind::subtitle_playlist});
    files.push_back({p, FileKind::subtitle_segment, {}, 12});
    for (std::size_t r = 0; r < rungs.size(); ++r) {
      for (FileKind kind : {FileKind::media_playlist, FileKind::iframe_playlist}) files.push_back({p, kind, {true, r}});
      for (FileKind kind : {FileKind::segment, FileKind::keyframe}) files.push_back({p, kind, {true, r}, 3});
    }
  }
  files.push_back({Presentation::cmaf, FileKind::dash_manifest});
  files.push_back({Presentation::cmaf, FileKind::subtitle_document});
  files.push_back({Presentation::cmaf, FileKind::init, {true, 1}});
  files.push_back({Presentation::cmaf, FileKind::init, Track::audio()});
  files.push_back({Presentation::cmaf, FileKind::media_playlist, Track::audio()});
  files.push_back({Presentation::cmaf, FileKind::segment, Track::audio(), 0});
  for (const StreamFile& file : files) {
    std::string path = path_of(rungs, file);
    EXPECT_EQ(parse_stream_path(rungs, path), file) << path;
  }
}

TEST(StreamPath, ThePathsTheUrlsAndPlaylistsUse) {
  const auto rungs = ladder();
  EXPECT_EQ(path_of(rungs, {Presentation::ts, FileKind::master}), "master.m3u8");
  EXPECT_EQ(path_of(rungs, {Presentation::ts, FileKind::segment, {true, 1}, 42}), "180p/seg_00042.ts");
  EXPECT_EQ(path_of(rungs, {Presentation::ts, FileKind::keyframe, {true, 0}, 2}), "720p/iframe_00002.ts");
  EXPECT_EQ(path_of(rungs, {Presentation::cmaf, FileKind::dash_manifest}), "cmaf/manifest.mpd");
  EXPECT_EQ(path_of(rungs, {Presentation::cmaf, FileKind::init, Track::audio()}), "cmaf/audio/init.mp4");
  EXPECT_EQ(path_of(rungs, {Presentation::cmaf, FileKind::subtitle_document}), "cmaf/subs/all.vtt");
  EXPECT_EQ(subtitles_playlist_uri(), "subs/index.m3u8");
}

TEST(StreamPath, NamesNoStreamHasAreRefused) {
  const auto rungs = ladder();
  for (const char* path : {"", "cmaf", "cmaf/", "1080p/index.m3u8", "720p/seg_1.ts", "720p/seg_00001.m4s",
                           "audio/index.m3u8", "subs/all.vtt", "subs/seg_00000.ts", "720p/x/index.m3u8",
                           "cmaf/audio/iframes.m3u8", "cmaf/audio/iframe_00001.m4s", "cmaf/720p/seg_00001.ts",
                           "cmaf/cmaf/master.m3u8", "720p/", "/master.m3u8", "download.mp4"}) {
    EXPECT_EQ(parse_stream_path(rungs, path), std::nullopt) << path;
  }
}

}  // namespace
}  // namespace ws::stream
