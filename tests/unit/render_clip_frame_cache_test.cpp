// The clip frame cache answers "which frame shows at t" only when it is sure
// (the frame and its successor are known), and keeps its total under a limit
// by evicting the least recently used clips, never the one in use.
#include "render/clip_frame_cache.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <vector>

#include <gtest/gtest.h>

namespace ws::render {
namespace {

// A distinct, non-empty frame (its byte size is what the cache counts).
FramePtr frame(int width = 16) {
  std::vector<uint32_t> px(width * 2, 0xffffffff);
  return std::make_shared<const YuvaLayer>(
      YuvaLayer::from_argb32(reinterpret_cast<const uint8_t*>(px.data()), width * 4, width, 2, 0));
}

TEST(RenderClipFrames, AnswersOnlyWhenTheSuccessorIsKnown) {
  ClipFrames clip;
  FramePtr a = frame(), b = frame(), c = frame();
  clip.add(0, a, -1, true);
  EXPECT_EQ(clip.find(10), nullptr) << "the frame after 0 is not known yet";
  clip.add(100, b, 0, false);
  EXPECT_EQ(clip.find(0), a);
  EXPECT_EQ(clip.find(99), a);
  EXPECT_EQ(clip.find(100), nullptr) << "the frame after 100 is not known yet";
  clip.add(200, c, 100, false);
  clip.mark_last(200);
  EXPECT_EQ(clip.find(150), b);
  EXPECT_EQ(clip.find(5000), c) << "the last frame shows to the end";
  EXPECT_TRUE(clip.complete());
}

TEST(RenderClipFrames, AGapAfterASeekIsNotBridged) {
  ClipFrames clip;
  FramePtr a = frame(), d = frame();
  clip.add(0, a, -1, true);
  clip.add(300, d, -1, false);  // after a seek: 100 and 200 never decoded
  EXPECT_EQ(clip.find(150), nullptr);
  EXPECT_FALSE(clip.complete());
}

TEST(RenderClipFrames, BeforeTheFirstFrameShowsTheFirst) {
  ClipFrames clip;
  FramePtr a = frame();
  clip.add(40, a, -1, true);
  EXPECT_EQ(clip.find(0), a);
}

TEST(RenderClipFrames, ClosedKeepsNothingMore) {
  ClipFrames clip;
  clip.add(0, frame(), -1, true);
  const size_t before = clip.bytes();
  clip.close();
  clip.add(100, frame(), 0, false);
  EXPECT_EQ(clip.bytes(), before);
}

class RenderClipFrameCache : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("ws-clip-cache-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    for (const char* name : {"a.mov", "b.mov", "c.mov"}) std::ofstream(dir_ / name) << name;
    saved_ = ClipFrameCache::instance().limit();
    ClipFrameCache::instance().clear();
  }
  void TearDown() override {
    ClipFrameCache::instance().set_limit(saved_);
    ClipFrameCache::instance().clear();
    std::filesystem::remove_all(dir_);
  }
  std::shared_ptr<ClipFrames> clip(const char* name) { return ClipFrameCache::instance().frames(dir_ / name, 64, 36); }
  std::shared_ptr<ClipFrames> fill(const char* name, int frames) {
    auto clip = this->clip(name);
    for (int i = 0; i < frames; ++i) clip->add(i * 100, frame(), i ? (i - 1) * 100 : -1, i == 0);
    return clip;
  }
  ClipFrameCache& cache = ClipFrameCache::instance();
  std::filesystem::path dir_;
  size_t saved_ = 0;
};

TEST_F(RenderClipFrameCache, SameClipAndSizeShareFrames) {
  auto a = clip("a.mov");
  EXPECT_EQ(clip("a.mov"), a);
  EXPECT_NE(cache.frames(dir_ / "a.mov", 128, 72), a);
  EXPECT_NE(clip("b.mov"), a);
}

TEST_F(RenderClipFrameCache, EvictsTheLeastRecentlyUsedButNeverTheOneInUse) {
  auto a = fill("a.mov", 4);
  auto b = fill("b.mov", 4);
  const size_t one = a->bytes();
  cache.set_limit(2 * one + one / 2);
  EXPECT_EQ(clip("a.mov"), a);  // a is now the most recent
  auto c = fill("c.mov", 4);
  cache.trim(c.get());
  EXPECT_LE(cache.bytes(), cache.limit());
  EXPECT_EQ(clip("a.mov"), a) << "a was used more recently than b";
  EXPECT_NE(clip("b.mov"), b) << "b was evicted";
  cache.set_limit(one / 2);  // nothing in use: everything goes
  EXPECT_EQ(cache.bytes(), 0u);
  auto big = fill("c.mov", 4);
  cache.trim(big.get());
  EXPECT_EQ(clip("c.mov"), big) << "in use: kept, but closed";
  const size_t before = big->bytes();
  big->add(1000, frame(), 300, false);
  EXPECT_EQ(big->bytes(), before);
}

TEST_F(RenderClipFrameCache, LimitZeroKeepsNothing) {
  cache.set_limit(0);
  auto a = fill("a.mov", 3);
  EXPECT_EQ(a->bytes(), 0u);
  EXPECT_EQ(cache.bytes(), 0u);
  EXPECT_NE(clip("a.mov"), a);
}

TEST_F(RenderClipFrameCache, ARewrittenFileIsANewClip) {
  auto a = fill("a.mov", 2);
  std::ofstream(dir_ / "a.mov") << "a longer replacement";
  EXPECT_NE(clip("a.mov"), a);
}

}  // namespace
}  // namespace ws::render
