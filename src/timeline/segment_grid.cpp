#include "timeline/segment_grid.h"

#include <algorithm>

namespace ws::timeline {
namespace {

__extension__ typedef __int128 Wide;

Error grid_error(std::string message) {
  return make_error(ErrorKind::internal, "invalid_segment_grid", std::move(message));
}

// Frame counts of the segments: the first (when shorter than the others),
// full ones, then the remainder on its own or folded into the segment before.
std::vector<int64_t> segment_lengths(int64_t total, int64_t first, int64_t nominal, int64_t one_second) {
  std::vector<int64_t> lengths;
  int64_t left = total;
  if (first < nominal && total > first) {
    lengths.push_back(first);
    left -= first;
  }
  lengths.insert(lengths.end(), static_cast<std::size_t>(left / nominal), nominal);
  const int64_t rest = left % nominal;
  if (rest == 0) return lengths;
  const bool tiny = rest * 2 < nominal || rest < one_second;
  if (tiny && !lengths.empty()) {
    lengths.back() += rest;
  } else {
    lengths.push_back(rest);
  }
  return lengths;
}

}  // namespace

Result<SegmentGrid> cut(const Timeline& tl, const Settings& settings) {
  WS_RETURN_IF_ERROR(validate_settings(settings));
  if (settings.fps_num != tl.fps_num || settings.fps_den != tl.fps_den ||
      settings.audio_rate != tl.audio_rate) {
    return grid_error("settings clock differs from the timeline's");
  }
  if (tl.total_frames <= 0) return grid_error("cannot cut an empty timeline");

  SegmentGrid grid;
  grid.fps_num = tl.fps_num;
  grid.fps_den = tl.fps_den;
  grid.audio_rate = tl.audio_rate;
  grid.nominal_frames = segment_frames(settings);
  grid.total_frames = tl.total_frames;
  // One second in frames, rounded up: the remainder must last at least 1 s.
  const int64_t one_second = (tl.fps_num + tl.fps_den - 1) / tl.fps_den;

  int64_t start = 0;
  const int64_t first = first_segment_frames(settings);
  for (int64_t length : segment_lengths(tl.total_frames, first, grid.nominal_frames, one_second)) {
    Segment seg;
    seg.index = static_cast<int>(grid.segments.size());
    seg.start_frame = start;
    seg.frame_count = length;
    seg.start_sample = sample_at_frame(start, tl.fps_num, tl.fps_den, tl.audio_rate);
    seg.sample_count =
        sample_at_frame(start + length, tl.fps_num, tl.fps_den, tl.audio_rate) - seg.start_sample;
    grid.segments.push_back(seg);
    start += length;
  }
  grid.total_samples = sample_at_frame(tl.total_frames, tl.fps_num, tl.fps_den, tl.audio_rate);
  return grid;
}

double duration_seconds(const SegmentGrid& grid, const Segment& seg) {
  return static_cast<double>(seg.frame_count) * grid.fps_den / grid.fps_num;
}

int64_t duration_us(const SegmentGrid& grid, const Segment& seg) {
  Wide num = static_cast<Wide>(seg.frame_count) * grid.fps_den * 1'000'000;
  return static_cast<int64_t>((num * 2 + grid.fps_num) / (2 * static_cast<Wide>(grid.fps_num)));
}

int64_t max_segment_frames(const SegmentGrid& grid) {
  int64_t longest = 0;
  for (const Segment& seg : grid.segments) longest = std::max(longest, seg.frame_count);
  return longest;
}

int target_duration_seconds(const SegmentGrid& grid) {
  const int64_t num = max_segment_frames(grid) * grid.fps_den;
  return static_cast<int>((num + grid.fps_num - 1) / grid.fps_num);
}

}  // namespace ws::timeline
