#include "playlist/webvtt.h"

#include <cstdio>

#include "timeline/query.h"

namespace ws::playlist {

std::string cue_text(const timeline::Interval& interval) {
  using timeline::IntervalKind;
  // A line break or "-->" in a name would end the cue or fake a timing line.
  std::string name;
  for (char c : interval.name) name += (c == '\n' || c == '\r') ? ' ' : c;
  for (std::size_t at; (at = name.find("-->")) != std::string::npos;) name.replace(at, 3, "->");
  switch (interval.kind) {
    case IntervalKind::work:
      return name + " — round " + std::to_string(interval.round) + "/" + std::to_string(interval.total_rounds);
    case IntervalKind::rest:
      return interval.next_name.empty() ? name : name + " — next: " + interval.next_name;
    default:
      return name;
  }
}

std::string vtt_time(int64_t frame, int fps_num, int fps_den) {
  int64_t ms = (frame * fps_den * 1000 + fps_num / 2) / fps_num;
  char text[32];
  std::snprintf(text, sizeof text, "%02lld:%02lld:%02lld.%03lld", static_cast<long long>(ms / 3'600'000),
                static_cast<long long>(ms / 60'000 % 60), static_cast<long long>(ms / 1000 % 60),
                static_cast<long long>(ms % 1000));
  return text;
}

namespace {

std::string cue(const timeline::Timeline& tl, const timeline::Interval& interval) {
  return "\n" + vtt_time(interval.start_frame, tl.fps_num, tl.fps_den) + " --> " +
         vtt_time(interval.end_frame(), tl.fps_num, tl.fps_den) + "\n" + cue_text(interval) + "\n";
}

}  // namespace

std::string webvtt_segment(const timeline::Timeline& tl, const timeline::Segment& segment, int64_t mpegts_zero) {
  std::string out = "WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:" + std::to_string(mpegts_zero) + ",LOCAL:00:00:00.000\n";
  for (std::size_t i : timeline::intervals_overlapping(tl, segment.start_frame, segment.frame_count)) {
    out += cue(tl, tl.intervals[i]);
  }
  return out;
}

std::string webvtt_document(const timeline::Timeline& tl) {
  std::string out = "WEBVTT\n";
  for (const timeline::Interval& interval : tl.intervals) out += cue(tl, interval);
  return out;
}

}  // namespace ws::playlist
