#include "playlist/marks.h"

#include "timeline/settings.h"

namespace ws::playlist {

std::vector<DateRange> interval_date_ranges(const timeline::Timeline& tl) {
  auto us = [&tl](int64_t frames) { return timeline::frame_to_ns(frames, tl.fps_num, tl.fps_den) / 1000; };
  std::vector<DateRange> out;
  for (std::size_t i = 0; i < tl.intervals.size(); ++i) {
    const timeline::Interval& interval = tl.intervals[i];
    DateRange range;
    range.id = "interval-" + std::to_string(i);
    range.class_name = std::string("com.workout-stream.") + timeline::to_string(interval.kind);
    range.start_us = us(interval.start_frame);
    range.duration_us = us(interval.end_frame()) - range.start_us;
    range.attributes.emplace_back("X-EXERCISE", interval.name);
    if (interval.kind == timeline::IntervalKind::work) {
      range.attributes.emplace_back("X-ROUND", std::to_string(interval.round) + "/" + std::to_string(interval.total_rounds));
      range.attributes.emplace_back("X-EXERCISE-ID", interval.exercise_id);
    }
    out.push_back(std::move(range));
  }
  return out;
}

}  // namespace ws::playlist
