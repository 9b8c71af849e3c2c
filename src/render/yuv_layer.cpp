#include "render/yuv_layer.h"

#include <algorithm>
#include <cstring>

namespace ws::render {

namespace {

// round(v / 255) for v in [0, 65535], exactly.
inline unsigned div255(unsigned v) { return (v + 128 + ((v + 128) >> 8)) >> 8; }

// BT.709 limited range in 16-bit fixed point: Y' = 16 + 219/255 (Kr R + Kg G
// + Kb B), Cb = 128 + 224/255 (B - Y)/(2 (1 - Kb)), Cr likewise with Kr.
constexpr double kKr = 0.2126, kKb = 0.0722, kKg = 1 - kKr - kKb;
constexpr int fixed(double x) { return static_cast<int>(x * 65536 + (x >= 0 ? 0.5 : -0.5)); }
constexpr double kYs = 219.0 / 255, kCs = 224.0 / 255;
constexpr int kYR = fixed(kYs * kKr), kYG = fixed(kYs * kKg), kYB = fixed(kYs * kKb);
constexpr int kUR = fixed(-kCs * kKr / (2 * (1 - kKb))), kUG = fixed(-kCs * kKg / (2 * (1 - kKb))),
              kUB = fixed(kCs / 2);
constexpr int kVR = fixed(kCs / 2), kVG = fixed(-kCs * kKg / (2 * (1 - kKr))),
              kVB = fixed(-kCs * kKb / (2 * (1 - kKr)));
// The offsets 16 and 128 scaled by alpha / 255, for premultiplied input.
constexpr int kY16 = fixed(16.0 / 255), kC128 = fixed(128.0 / 255);

inline uint8_t clamp8(int v) { return static_cast<uint8_t>(std::clamp(v, 0, 255)); }
inline uint8_t to8(int fixed_value) { return clamp8((fixed_value + 32768) >> 16); }

struct Yuva {
  unsigned y, u, v, a;
};

// Premultiplied Y'CbCr of premultiplied R'G'B' with alpha a.
inline Yuva premultiplied_yuv(int r, int g, int b, int a) {
  return {to8(kYR * r + kYG * g + kYB * b + kY16 * a), to8(kUR * r + kUG * g + kUB * b + kC128 * a),
          to8(kVR * r + kVG * g + kVB * b + kC128 * a), static_cast<unsigned>(a)};
}

// A source gives the premultiplied pixel at (x, y), and which 2x2 blocks of
// a row pair are not fully transparent.
struct A444Source {
  const uint8_t* const* plane;
  const int* stride;
  const uint16_t* row(int p, int y) const {  // 16-bit samples, little endian as is the host
    return reinterpret_cast<const uint16_t*>(plane[p] + static_cast<size_t>(y) * stride[p]);
  }
  bool coverage(int y, uint8_t* covered, int pairs) const {
    const uint16_t* a0 = row(3, y);
    const uint16_t* a1 = row(3, y + 1);
    unsigned any = 0;
    for (int cx = 0; cx < pairs; ++cx) {
      unsigned m = std::max(std::max(a0[2 * cx], a0[2 * cx + 1]), std::max(a1[2 * cx], a1[2 * cx + 1]));
      covered[cx] = m > 2;  // 10-bit alpha below 3 is 0 in 8 bits
      any |= covered[cx];
    }
    return any != 0;
  }
  // 10 bits to 8: full-range alpha scaled, Y'CbCr rounded (64..940 -> 16..235).
  static unsigned to8(unsigned v10) { return std::min((v10 + 2) >> 2, 255u); }
  Yuva pixel(int x, int y) const {
    const unsigned a = (std::min<unsigned>(row(3, y)[x], 1023) * 255 + 511) / 1023;
    return {div255(to8(row(0, y)[x]) * a), div255(to8(row(1, y)[x]) * a), div255(to8(row(2, y)[x]) * a), a};
  }
};

struct Argb32Source {
  const uint8_t* data;
  int stride;
  const uint32_t* row(int y) const { return reinterpret_cast<const uint32_t*>(data + static_cast<size_t>(y) * stride); }
  bool coverage(int y, uint8_t* covered, int pairs) const {
    const uint32_t* r0 = row(y);
    const uint32_t* r1 = row(y + 1);
    unsigned any = 0;
    for (int cx = 0; cx < pairs; ++cx) {
      covered[cx] = ((r0[2 * cx] | r0[2 * cx + 1] | r1[2 * cx] | r1[2 * cx + 1]) >> 24) != 0;
      any |= covered[cx];
    }
    return any != 0;
  }
  Yuva pixel(int x, int y) const {
    const uint32_t px = row(y)[x];
    return premultiplied_yuv((px >> 16) & 0xff, (px >> 8) & 0xff, px & 0xff, static_cast<int>(px >> 24));
  }
};

// Transparent gaps narrower than this (in pixels) do not split a run.
constexpr int kMergeGap = 16;

}  // namespace

Yuv rgb_to_yuv(uint8_t r, uint8_t g, uint8_t b) {
  Yuva p = premultiplied_yuv(r, g, b, 255);
  return {static_cast<uint8_t>(p.y), static_cast<uint8_t>(p.u), static_cast<uint8_t>(p.v)};
}

Yuv css_to_yuv(const std::string& css) {
  std::string h = !css.empty() && css[0] == '#' ? css.substr(1) : css;
  if (h.size() == 3) h = {h[0], h[0], h[1], h[1], h[2], h[2]};
  auto byte = [&](int i) { return static_cast<uint8_t>(std::stoi(h.substr(i, 2), nullptr, 16)); };
  try {
    if (h.size() == 6 && h.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos) {
      return rgb_to_yuv(byte(0), byte(2), byte(4));
    }
  } catch (...) {
  }
  return rgb_to_yuv(0x0f, 0x17, 0x2a);
}

void clear_frame(const PlanarFrame& frame, Yuv background, const size_t plane_bytes[3], FrameHistory& history) {
  const uint8_t value[3] = {background.y, background.u, background.v};
  if (!history.valid || history.plate || !(history.background == background)) {
    for (int i = 0; i < 3; ++i) std::memset(frame.plane[i], value[i], plane_bytes[i]);
  } else {
    for (const YuvaLayer::Run& run : history.runs) {
      for (int dy = 0; dy < 2; ++dy) {
        std::memset(frame.plane[0] + static_cast<size_t>(run.y + dy) * frame.stride[0] + run.x, value[0], run.width);
      }
      for (int i = 1; i < 3; ++i) {
        std::memset(frame.plane[i] + static_cast<size_t>(run.y / 2) * frame.stride[i] + run.x / 2, value[i],
                    run.width / 2);
      }
    }
  }
  history.valid = false;
  history.runs.clear();
}

template <class Source>
YuvaLayer YuvaLayer::build(const Source& source, int width, int rows, int top) {
  YuvaLayer layer;
  const int pairs = width / 2;
  std::vector<uint8_t> covered(static_cast<size_t>(pairs));
  for (int r = 0; r + 1 < rows; r += 2) {
    if (!source.coverage(r, covered.data(), pairs)) continue;
    for (int cx = 0; cx < pairs;) {
      if (!covered[cx]) {
        ++cx;
        continue;
      }
      int end = cx + 1, gap = 0;
      for (int i = end; i < pairs && gap < kMergeGap / 2; ++i) {
        if (covered[i]) {
          end = i + 1;
          gap = 0;
        } else {
          ++gap;
        }
      }
      const int x0 = 2 * cx, w = 2 * (end - cx);
      Run run{top + r, x0, w, layer.data_.size()};
      layer.data_.resize(run.offset + static_cast<size_t>(w) * 4 + static_cast<size_t>(w / 2) * 3);
      uint8_t* y_rows = layer.data_.data() + run.offset;
      uint8_t* a_rows = y_rows + 2 * w;
      uint8_t* cb = a_rows + 2 * w;
      uint8_t* cr = cb + w / 2;
      uint8_t* ca = cr + w / 2;
      for (int i = 0; i < w / 2; ++i) {
        unsigned su = 0, sv = 0, sa = 0;
        for (int dy = 0; dy < 2; ++dy) {
          for (int dx = 0; dx < 2; ++dx) {
            Yuva p = source.pixel(x0 + 2 * i + dx, r + dy);
            y_rows[dy * w + 2 * i + dx] = static_cast<uint8_t>(p.y);
            a_rows[dy * w + 2 * i + dx] = static_cast<uint8_t>(p.a);
            su += p.u;
            sv += p.v;
            sa += p.a;
          }
        }
        cb[i] = static_cast<uint8_t>((su + 2) / 4);
        cr[i] = static_cast<uint8_t>((sv + 2) / 4);
        ca[i] = static_cast<uint8_t>((sa + 2) / 4);
      }
      layer.runs_.push_back(run);
      cx = end;
    }
  }
  layer.runs_.shrink_to_fit();
  layer.data_.shrink_to_fit();
  return layer;
}

YuvaLayer YuvaLayer::from_a444_10le(const uint8_t* const plane[4], const int stride[4], int width, int height) {
  return build(A444Source{plane, stride}, width, height, 0);
}

YuvaLayer YuvaLayer::from_argb32(const uint8_t* argb, int stride, int width, int rows, int top) {
  return build(Argb32Source{argb, stride}, width, rows, top);
}

namespace {

// dst = src + dst (255 - a) / 255: premultiplied "over", n samples.
inline void over(uint8_t* dst, const uint8_t* src, const uint8_t* alpha, int n) {
  for (int i = 0; i < n; ++i) {
    dst[i] = static_cast<uint8_t>(std::min(255u, src[i] + div255(dst[i] * (255u - alpha[i]))));
  }
}

}  // namespace

void YuvaLayer::blend_onto(const PlanarFrame& frame, std::vector<Run>* drawn) const {
  for (const Run& run : runs_) {
    if (run.y + 1 >= frame.height || run.x + run.width > frame.width) continue;
    if (drawn) drawn->push_back(run);
    const int w = run.width;
    const uint8_t* y_rows = data_.data() + run.offset;
    const uint8_t* a_rows = y_rows + 2 * w;
    const uint8_t* cb = a_rows + 2 * w;
    const uint8_t* cr = cb + w / 2;
    const uint8_t* ca = cr + w / 2;
    for (int dy = 0; dy < 2; ++dy) {
      uint8_t* dst = frame.plane[0] + static_cast<size_t>(run.y + dy) * frame.stride[0] + run.x;
      over(dst, y_rows + dy * w, a_rows + dy * w, w);
    }
    const size_t crow = static_cast<size_t>(run.y / 2);
    over(frame.plane[1] + crow * frame.stride[1] + run.x / 2, cb, ca, w / 2);
    over(frame.plane[2] + crow * frame.stride[2] + run.x / 2, cr, ca, w / 2);
  }
}

}  // namespace ws::render
