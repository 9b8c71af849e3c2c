#include "render/background.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>

#include "common/file_facts.h"
#include "render/cairo_ptr.h"

namespace ws::render {
namespace {

namespace fs = std::filesystem;

fs::path resolve(const std::string& spec, const std::string& media_dir) {
  fs::path path(spec);
  return path.is_absolute() || media_dir.empty() ? path : fs::path(media_dir) / path;
}

bool is_colour(const std::string& spec) { return !spec.empty() && spec[0] == '#'; }

// The PNG scaled to cover width x height, centred, as opaque RGB24.
Result<std::vector<uint32_t>> cover_pixels(const fs::path& file, int width, int height) {
  SurfacePtr picture(cairo_image_surface_create_from_png(file.c_str()));
  if (cairo_surface_status(picture.get()) != CAIRO_STATUS_SUCCESS) {
    return make_error(ErrorKind::unprocessable, "background_not_decodable",
                      "background " + file.string() + " is not a readable PNG");
  }
  std::vector<uint32_t> pixels(static_cast<size_t>(width) * height);
  {  // the target surface paints into `pixels`: it is gone before they are returned
    SurfacePtr target(cairo_image_surface_create_for_data(reinterpret_cast<unsigned char*>(pixels.data()),
                                                          CAIRO_FORMAT_RGB24, width, height, width * 4));
    CairoPtr cr(cairo_create(target.get()));
    double pw = cairo_image_surface_get_width(picture.get()), ph = cairo_image_surface_get_height(picture.get());
    double scale = std::max(width / pw, height / ph);
    cairo_translate(cr.get(), (width - pw * scale) / 2, (height - ph * scale) / 2);
    cairo_scale(cr.get(), scale, scale);
    cairo_set_source_surface(cr.get(), picture.get(), 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr.get()), CAIRO_FILTER_GOOD);
    cairo_paint(cr.get());
  }
  return pixels;
}

// Opaque RGB24 pixels as I420 planes (chroma: the mean of each 2x2 block).
void to_i420(const std::vector<uint32_t>& pixels, int width, int height, std::vector<uint8_t> planes[3]) {
  planes[0].resize(static_cast<size_t>(width) * height);
  planes[1].resize(static_cast<size_t>(width / 2) * (height / 2));
  planes[2].resize(planes[1].size());
  auto yuv_at = [&](int x, int y) {
    uint32_t p = pixels[static_cast<size_t>(y) * width + x];
    return rgb_to_yuv(static_cast<uint8_t>(p >> 16), static_cast<uint8_t>(p >> 8), static_cast<uint8_t>(p));
  };
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) planes[0][static_cast<size_t>(y) * width + x] = yuv_at(x, y).y;
  }
  for (int y = 0; y < height / 2; ++y) {
    for (int x = 0; x < width / 2; ++x) {
      int u = 0, v = 0;
      for (int d = 0; d < 4; ++d) {
        Yuv c = yuv_at(2 * x + d % 2, 2 * y + d / 2);
        u += c.u;
        v += c.v;
      }
      planes[1][static_cast<size_t>(y) * (width / 2) + x] = static_cast<uint8_t>((u + 2) / 4);
      planes[2][static_cast<size_t>(y) * (width / 2) + x] = static_cast<uint8_t>((v + 2) / 4);
    }
  }
}

struct Cached {
  std::string identity;
  std::shared_ptr<const Background> plate;
};

std::mutex cache_mutex;
std::map<std::string, Cached> cache;  // by path and size: pictures are few

}  // namespace

std::string Background::identity(const std::string& spec, const std::string& media_dir) {
  if (is_colour(spec)) return {};
  return file_identity(resolve(spec, media_dir)).value_or("missing");
}

Result<std::shared_ptr<const Background>> Background::load(const std::string& spec, const std::string& media_dir,
                                                           int width, int height) {
  auto plate = std::make_shared<Background>();
  plate->width_ = width;
  plate->height_ = height;
  if (is_colour(spec)) {
    plate->colour_ = css_to_yuv(spec);
    return std::shared_ptr<const Background>(plate);
  }
  fs::path path = resolve(spec, media_dir);
  std::string identity = Background::identity(spec, media_dir);
  if (identity == "missing") {
    return make_error(ErrorKind::unprocessable, "background_not_found", "background " + path.string() + " not found");
  }
  std::string key = path.string() + "@" + std::to_string(width) + "x" + std::to_string(height);
  {
    std::lock_guard lock(cache_mutex);
    auto it = cache.find(key);
    if (it != cache.end() && it->second.identity == identity) return it->second.plate;
  }
  WS_ASSIGN_OR_RETURN(std::vector<uint32_t> pixels, cover_pixels(path, width, height));
  to_i420(pixels, width, height, plate->planes_);
  std::shared_ptr<const Background> shared = plate;
  std::lock_guard lock(cache_mutex);
  cache[key] = {identity, shared};
  return shared;
}

// Rows y and y+1 (y even), columns [x, x + width) (both even), and their chroma.
void Background::copy_rows(const PlanarFrame& frame, int y, int x, int width) const {
  for (int dy = 0; dy < 2; ++dy) {
    std::memcpy(frame.plane[0] + static_cast<size_t>(y + dy) * frame.stride[0] + x,
                planes_[0].data() + static_cast<size_t>(y + dy) * width_ + x, static_cast<size_t>(width));
  }
  for (int i = 1; i < 3; ++i) {
    std::memcpy(frame.plane[i] + static_cast<size_t>(y / 2) * frame.stride[i] + x / 2,
                planes_[i].data() + static_cast<size_t>(y / 2) * (width_ / 2) + x / 2, static_cast<size_t>(width / 2));
  }
}

void Background::clear(const PlanarFrame& frame, const size_t plane_bytes[3], FrameHistory& history) const {
  if (!is_picture()) return clear_frame(frame, colour_, plane_bytes, history);
  if (!history.valid || history.plate != this) {
    // Padding too, so a reused buffer holds the same bytes as a new one.
    for (int i = 0; i < 3; ++i) std::memset(frame.plane[i], 0, plane_bytes[i]);
    for (int y = 0; y + 1 < std::min(height_, frame.height); y += 2) copy_rows(frame, y, 0, std::min(width_, frame.width));
  } else {
    for (const YuvaLayer::Run& run : history.runs) copy_rows(frame, run.y, run.x, run.width);
  }
  history.valid = false;
  history.runs.clear();
}

void Background::mark(FrameHistory& history) const {
  history.background = colour_;
  history.plate = is_picture() ? this : nullptr;
  history.valid = true;
}

}  // namespace ws::render
