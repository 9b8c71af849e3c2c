// Segment file names in stream URLs: only the exact pattern the playlists
// write names a segment.
#include "http/stream_playlists.h"

#include <gtest/gtest.h>

namespace ws::http {
namespace {

TEST(SegmentName, TheWrittenPatternParses) {
  EXPECT_EQ(segment_index_from_name("seg_00000.ts"), 0);
  EXPECT_EQ(segment_index_from_name("seg_00042.ts"), 42);
  EXPECT_EQ(segment_index_from_name("seg_123456.ts"), 123456);
}

TEST(SegmentName, AnythingElseIsRefused) {
  for (const char* name : {"seg_42.ts", "seg_0004a.ts", "seg_00042.mp4", "seg_-0001.ts", "SEG_00001.ts",
                           "seg_00001.ts.bak", "seg_0000000000001.ts", "index.m3u8", "", "seg_.ts"}) {
    EXPECT_EQ(segment_index_from_name(name), -1) << name;
  }
}

}  // namespace
}  // namespace ws::http
