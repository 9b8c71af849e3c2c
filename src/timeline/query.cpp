#include "timeline/query.h"

#include <algorithm>

namespace ws::timeline {
namespace {

__extension__ typedef __int128 Wide;

// Source nanoseconds advanced per output frame = speed * frame duration,
// as the exact fraction per_frame_num / per_frame_den.
struct SourceRate {
  Wide per_frame_num;
  Wide per_frame_den;
};

SourceRate source_rate(const Interval& iv, int fps_num, int fps_den) {
  return {static_cast<Wide>(iv.speed_milli) * fps_den * 1'000'000'000,
          static_cast<Wide>(1000) * fps_num};
}

// Unwrapped source time of a local frame, floor-rounded to the nanosecond.
Wide unwrapped_ns(const SourceRate& rate, int64_t local_frame) {
  return static_cast<Wide>(local_frame) * rate.per_frame_num / rate.per_frame_den;
}

// First local frame whose unwrapped source time is >= ns: ceil(ns / rate).
int64_t first_frame_at_or_after(const SourceRate& rate, Wide ns) {
  Wide num = ns * rate.per_frame_den;
  return static_cast<int64_t>((num + rate.per_frame_num - 1) / rate.per_frame_num);
}

}  // namespace

std::optional<std::size_t> interval_index_at(const Timeline& tl, int64_t frame) {
  if (frame < 0 || frame >= tl.total_frames || tl.intervals.empty()) return std::nullopt;
  // First interval starting after `frame`, then step back one.
  auto after = std::upper_bound(tl.intervals.begin(), tl.intervals.end(), frame,
                                [](int64_t f, const Interval& iv) { return f < iv.start_frame; });
  return static_cast<std::size_t>(after - tl.intervals.begin()) - 1;
}

const Interval* interval_at(const Timeline& tl, int64_t frame) {
  std::optional<std::size_t> index = interval_index_at(tl, frame);
  return index ? &tl.intervals[*index] : nullptr;
}

std::vector<std::size_t> intervals_overlapping(const Timeline& tl, int64_t start_frame,
                                               int64_t frame_count) {
  std::vector<std::size_t> out;
  const int64_t end = start_frame + frame_count;
  for (std::size_t i = 0; i < tl.intervals.size(); ++i) {
    const Interval& iv = tl.intervals[i];
    if (iv.start_frame < end && iv.end_frame() > start_frame) out.push_back(i);
  }
  return out;
}

SourcePosition source_position_in(const Interval& iv, int64_t local_frame, int fps_num,
                                  int fps_den) {
  SourcePosition pos;
  if (iv.clip.empty() || iv.clip_ns <= 0) return pos;
  Wide ns = unwrapped_ns(source_rate(iv, fps_num, fps_den), local_frame);
  pos.has_clip = true;
  pos.loop = static_cast<int64_t>(ns / iv.clip_ns);
  pos.position_ns = static_cast<int64_t>(ns % iv.clip_ns);
  return pos;
}

SourcePosition source_position_at(const Timeline& tl, int64_t frame) {
  const Interval* iv = interval_at(tl, frame);
  if (!iv) return {};
  return source_position_in(*iv, frame - iv->start_frame, tl.fps_num, tl.fps_den);
}

FrameInfo frame_info(const Timeline& tl, int64_t frame) {
  FrameInfo info;
  info.interval_index = interval_index_at(tl, frame);
  if (!info.interval_index) return info;
  const Interval& iv = tl.intervals[*info.interval_index];
  info.frame_in_interval = frame - iv.start_frame;
  info.frames_left_in_interval = iv.end_frame() - frame;
  info.elapsed_frames = frame;
  info.remaining_frames = tl.total_frames - frame;
  info.source = source_position_in(iv, info.frame_in_interval, tl.fps_num, tl.fps_den);
  return info;
}

std::vector<SourceSpan> source_spans(const Interval& iv, int64_t start_frame, int64_t frame_count,
                                     int fps_num, int fps_den) {
  std::vector<SourceSpan> spans;
  const int64_t begin = std::max(start_frame, iv.start_frame);
  const int64_t end = std::min(start_frame + frame_count, iv.end_frame());
  if (iv.clip.empty() || iv.clip_ns <= 0 || begin >= end) return spans;
  const SourceRate rate = source_rate(iv, fps_num, fps_den);
  int64_t local = begin - iv.start_frame;
  const int64_t local_end = end - iv.start_frame;
  while (local < local_end) {
    SourcePosition pos = source_position_in(iv, local, fps_num, fps_den);
    // The pass ends at the first frame of the next loop, or at the range end.
    Wide next_loop_ns = static_cast<Wide>(pos.loop + 1) * iv.clip_ns;
    int64_t stop = std::min(local_end, first_frame_at_or_after(rate, next_loop_ns));
    spans.push_back({iv.start_frame + local, stop - local, pos.position_ns});
    local = stop;
  }
  return spans;
}

}  // namespace ws::timeline
