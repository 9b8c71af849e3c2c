#pragma once
// Compositing in the encoder's own format: frames are planar Y'CbCr 4:2:0
// (I420, BT.709 limited range, the colorimetry the encoder is told), and
// everything drawn over them (clip frames, overlay text, progress bar) is a
// YuvaLayer: premultiplied Y'CbCr + alpha, stored only where it is not
// transparent, as runs along pairs of rows. A clip's figure or an overlay's
// text covers a few percent of the frame, so layers are small to keep (clip
// frames are cached across segments) and quick to blend.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace ws::render {

// Writable view of one I420 frame (even width and height).
struct PlanarFrame {
  int width = 0, height = 0;
  uint8_t* plane[3] = {nullptr, nullptr, nullptr};  // Y, U (Cb), V (Cr)
  int stride[3] = {0, 0, 0};
};

struct Yuv {
  uint8_t y = 16, u = 128, v = 128;
  bool operator==(const Yuv&) const = default;
};

// BT.709 limited range, from 8-bit R'G'B'.
Yuv rgb_to_yuv(uint8_t r, uint8_t g, uint8_t b);

// A CSS colour ("#rgb" or "#rrggbb") as Y'CbCr; a malformed colour falls back
// to the default slate #0f172a rather than failing a render.
Yuv css_to_yuv(const std::string& css);

class YuvaLayer {
 public:
  // A horizontal run over rows y and y+1 (y even), columns [x, x + width)
  // (x and width even), in frame coordinates.
  struct Run {
    int y = 0, x = 0, width = 0;
    size_t offset = 0;  // of its samples in data_
  };

  // From straight-alpha planar A444_10LE (Y', Cb, Cr, alpha planes of
  // 16-bit little-endian samples, 10 significant bits), as ProRes 4444 clips
  // decode; limited-range Y'CbCr, full-range alpha.
  static YuvaLayer from_a444_10le(const uint8_t* const plane[4], const int stride[4], int width, int height);
  // From cairo's ARGB32 (premultiplied, native-endian 0xAARRGGBB): `rows` rows
  // of `width` pixels that sit at frame row `top` (even).
  static YuvaLayer from_argb32(const uint8_t* argb, int stride, int width, int rows, int top);

  // "Over" onto the frame, which must be at least as large as the source was;
  // the runs drawn are appended to `drawn` when given.
  void blend_onto(const PlanarFrame& frame, std::vector<Run>* drawn = nullptr) const;

  const std::vector<Run>& runs() const { return runs_; }
  size_t bytes() const { return sizeof(*this) + runs_.capacity() * sizeof(Run) + data_.capacity(); }

 private:
  template <class Source>
  static YuvaLayer build(const Source& source, int width, int rows, int top);

  // Per run: Y' row y, Y' row y+1, alpha row y, alpha row y+1 (width bytes
  // each), then Cb, Cr, chroma alpha (width / 2 bytes each); premultiplied.
  std::vector<Run> runs_;
  std::vector<uint8_t> data_;
};

// What a reused frame buffer had drawn over its background when it was last
// composed, so that making it plain again means repainting only that.
struct FrameHistory {
  bool valid = false;  // false: unknown bytes (new buffer, or a compose that failed)
  Yuv background;
  const void* plate = nullptr;  // the picture under it (see Background); null: plain `background`
  std::vector<YuvaLayer::Run> runs;
};

// Makes the frame plain `background`: every byte of each plane (plane_bytes:
// their sizes; padding included, so reused buffers stay deterministic) unless
// the history says the frame is that background but for its runs, which are
// then all that is repainted. Leaves the history invalid and empty: the
// caller records what it draws next and validates it when done.
void clear_frame(const PlanarFrame& frame, Yuv background, const size_t plane_bytes[3], FrameHistory& history);

}  // namespace ws::render
