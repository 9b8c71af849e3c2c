// Compositing in I420: BT.709 colours, layers made from 10-bit clip frames and
// cairo ARGB32 overlays keep only what is not transparent, and blend "over"
// exactly where they cover (opaque copies, transparent leaves alone, half
// alpha lands halfway).
#include "render/yuv_layer.h"

#include <cstdint>
#include <vector>

#include <gtest/gtest.h>

namespace ws::render {
namespace {

// An I420 frame of w x h filled with one colour.
struct TestFrame {
  int w, h;
  std::vector<uint8_t> y, u, v;
  TestFrame(int width, int height, Yuv c)
      : w(width), h(height), y(w * h, c.y), u(w * h / 4, c.u), v(w * h / 4, c.v) {}
  PlanarFrame view() {
    PlanarFrame f;
    f.width = w;
    f.height = h;
    f.plane[0] = y.data();
    f.plane[1] = u.data();
    f.plane[2] = v.data();
    f.stride[0] = w;
    f.stride[1] = f.stride[2] = w / 2;
    return f;
  }
  Yuv at(int x, int yy) const { return {y[yy * w + x], u[(yy / 2) * (w / 2) + x / 2], v[(yy / 2) * (w / 2) + x / 2]}; }
};

void expect_yuv(Yuv got, int y, int u, int v, const char* what) {
  EXPECT_NEAR(got.y, y, 1) << what;
  EXPECT_NEAR(got.u, u, 1) << what;
  EXPECT_NEAR(got.v, v, 1) << what;
}

// ARGB32 pixels (premultiplied), native endian.
std::vector<uint32_t> argb(int w, int h, uint32_t fill) { return std::vector<uint32_t>(w * h, fill); }
const uint8_t* bytes(const std::vector<uint32_t>& px) { return reinterpret_cast<const uint8_t*>(px.data()); }

TEST(RenderYuv, Bt709LimitedRange) {
  expect_yuv(rgb_to_yuv(255, 255, 255), 235, 128, 128, "white");
  expect_yuv(rgb_to_yuv(0, 0, 0), 16, 128, 128, "black");
  expect_yuv(rgb_to_yuv(255, 0, 0), 63, 102, 240, "red");
  expect_yuv(rgb_to_yuv(0, 0, 255), 32, 240, 118, "blue");
  Yuv slate = rgb_to_yuv(0x0f, 0x17, 0x2a);
  expect_yuv(css_to_yuv("#0f172a"), slate.y, slate.u, slate.v, "#rrggbb");
  expect_yuv(css_to_yuv("#fff"), 235, 128, 128, "#rgb");
  expect_yuv(css_to_yuv("nonsense"), slate.y, slate.u, slate.v, "fallback");
  expect_yuv(css_to_yuv("#12345g"), slate.y, slate.u, slate.v, "bad digit");
}

TEST(RenderYuv, TransparentLayerHasNoRuns) {
  auto px = argb(64, 8, 0);
  YuvaLayer layer = YuvaLayer::from_argb32(bytes(px), 64 * 4, 64, 8, 0);
  EXPECT_TRUE(layer.runs().empty());
}

TEST(RenderYuv, OpaqueOverlayReplacesOnlyWhereItCovers) {
  const int w = 64, h = 8;
  auto px = argb(w, h, 0);
  for (int y = 2; y < 4; ++y) {
    for (int x = 10; x < 20; ++x) px[y * w + x] = 0xffffffff;  // opaque white
  }
  YuvaLayer layer = YuvaLayer::from_argb32(bytes(px), w * 4, w, h, 0);
  ASSERT_EQ(layer.runs().size(), 1u);
  EXPECT_EQ(layer.runs()[0].y, 2);
  EXPECT_EQ(layer.runs()[0].x, 10);
  EXPECT_EQ(layer.runs()[0].width, 10);
  Yuv bg = rgb_to_yuv(0x0f, 0x17, 0x2a);
  TestFrame f(w, h, bg);
  layer.blend_onto(f.view());
  expect_yuv(f.at(12, 2), 235, 128, 128, "covered");
  expect_yuv(f.at(19, 3), 235, 128, 128, "covered edge");
  expect_yuv(f.at(9, 2), bg.y, bg.u, bg.v, "left of it");
  expect_yuv(f.at(12, 1), bg.y, bg.u, bg.v, "above it");
  expect_yuv(f.at(12, 4), bg.y, bg.u, bg.v, "below it");
}

TEST(RenderYuv, HalfAlphaLandsHalfway) {
  const int w = 4, h = 2;
  auto px = argb(w, h, 0x80808080);  // white at alpha 128, premultiplied
  YuvaLayer layer = YuvaLayer::from_argb32(bytes(px), w * 4, w, h, 0);
  TestFrame f(w, h, rgb_to_yuv(0, 0, 0));
  layer.blend_onto(f.view());
  expect_yuv(f.at(1, 1), (235 + 16) / 2, 128, 128, "half white over black");
}

TEST(RenderYuv, LayerRowsAreOffsetByTop) {
  const int w = 8, rows = 2;
  auto px = argb(w, rows, 0xffffffff);
  YuvaLayer layer = YuvaLayer::from_argb32(bytes(px), w * 4, w, rows, 6);
  TestFrame f(w, 8, rgb_to_yuv(0, 0, 0));
  layer.blend_onto(f.view());
  expect_yuv(f.at(3, 5), 16, 128, 128, "above the strip");
  expect_yuv(f.at(3, 6), 235, 128, 128, "in the strip");
}

TEST(RenderYuv, ClipFrameKeepsItsOpaqueFigureExactly) {
  const int w = 8, h = 4;
  std::vector<uint16_t> planes[4];
  const uint16_t transparent[4] = {64, 512, 512, 0}, figure[4] = {324, 360, 960, 1023};
  for (int p = 0; p < 4; ++p) planes[p].assign(w * h, transparent[p]);
  for (int y = 0; y < 2; ++y) {
    for (int x = 4; x < 6; ++x) {
      for (int p = 0; p < 4; ++p) planes[p][y * w + x] = figure[p];
    }
  }
  const uint8_t* data[4];
  int strides[4];
  for (int p = 0; p < 4; ++p) {
    data[p] = reinterpret_cast<const uint8_t*>(planes[p].data());
    strides[p] = w * 2;
  }
  YuvaLayer layer = YuvaLayer::from_a444_10le(data, strides, w, h);
  ASSERT_EQ(layer.runs().size(), 1u);
  TestFrame f(w, h, {16, 128, 128});
  layer.blend_onto(f.view());
  EXPECT_EQ(f.at(4, 0).y, 81);  // 324 / 4
  EXPECT_EQ(f.at(5, 1).y, 81);
  EXPECT_EQ(f.at(4, 0).u, 90);
  EXPECT_EQ(f.at(4, 0).v, 240);
  EXPECT_EQ(f.at(3, 0).y, 16);
  EXPECT_EQ(f.at(1, 3).y, 16);
  EXPECT_EQ(f.at(1, 3).u, 128);
}

TEST(RenderYuv, ClearingAFrameOfUnknownHistoryFillsEveryByte) {
  TestFrame f(4, 2, {0, 0, 0});
  const size_t sizes[3] = {f.y.size(), f.u.size(), f.v.size()};
  FrameHistory history;
  clear_frame(f.view(), {20, 30, 40}, sizes, history);
  for (uint8_t b : f.y) EXPECT_EQ(b, 20);
  for (uint8_t b : f.u) EXPECT_EQ(b, 30);
  for (uint8_t b : f.v) EXPECT_EQ(b, 40);
  EXPECT_FALSE(history.valid);
}

TEST(RenderYuv, ClearingAFrameWithHistoryRepaintsOnlyWhatWasDrawn) {
  const int w = 16, h = 4;
  const Yuv bg = rgb_to_yuv(0x0f, 0x17, 0x2a);
  TestFrame f(w, h, bg);
  const size_t sizes[3] = {f.y.size(), f.u.size(), f.v.size()};
  auto px = argb(w, h, 0);
  for (int x = 4; x < 8; ++x) px[2 * w + x] = px[3 * w + x] = 0xffffffff;
  YuvaLayer layer = YuvaLayer::from_argb32(bytes(px), w * 4, w, h, 0);
  FrameHistory history;
  clear_frame(f.view(), bg, sizes, history);
  layer.blend_onto(f.view(), &history.runs);
  history.background = bg;
  history.valid = true;
  ASSERT_EQ(history.runs.size(), 1u);
  f.y[0] = 99;  // not drawn by the layer: a clear with history leaves it
  clear_frame(f.view(), bg, sizes, history);
  expect_yuv(f.at(5, 2), bg.y, bg.u, bg.v, "what the layer drew is background again");
  EXPECT_EQ(f.y[0], 99);
  EXPECT_TRUE(history.runs.empty());
  EXPECT_FALSE(history.valid);
  history.valid = true;  // but of another background: everything is filled
  clear_frame(f.view(), {20, 30, 40}, sizes, history);
  EXPECT_EQ(f.y[0], 20);
}

}  // namespace
}  // namespace ws::render
