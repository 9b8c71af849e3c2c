#include "playlist/dash.h"

#include <algorithm>

#include "timeline/settings.h"
#include "timeline/track_clock.h"

namespace ws::playlist {
namespace {

// Ids and codecs come from the config: escape what would break the XML.
std::string xml_attr(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string attr(const char* name, const std::string& value) { return std::string(" ") + name + "=\"" + xml_attr(value) + "\""; }
std::string attr(const char* name, int64_t value) { return attr(name, std::to_string(value)); }

// Which track's clock an adaptation set counts in (timeline/track_clock.h).
struct TrackClock {
  bool video = true;
};

// <S t d r/>: runs of equal durations collapse into one element.
std::string segment_timeline(const timeline::SegmentGrid& grid, TrackClock clock, int64_t offset) {
  std::string out = "        <SegmentTimeline>\n";
  const auto& segments = grid.segments;
  for (std::size_t i = 0; i < segments.size();) {
    int64_t d = timeline::track_time(grid, segments[i], clock.video).length;
    std::size_t end = i + 1;
    while (end < segments.size() && timeline::track_time(grid, segments[end], clock.video).length == d) ++end;
    out += "          <S";
    if (i == 0) out += attr("t", timeline::track_time(grid, segments[i], clock.video).start + offset);
    out += attr("d", d);
    if (end - i > 1) out += attr("r", static_cast<int64_t>(end - i - 1));
    out += "/>\n";
    i = end;
  }
  return out + "        </SegmentTimeline>\n";
}

std::string representation(const DashRepresentation& r, TrackClock clock) {
  std::string out = "      <Representation" + attr("id", r.id) + attr("bandwidth", r.bandwidth) + attr("codecs", r.codecs);
  if (clock.video) return out + attr("width", r.width) + attr("height", r.height) + " sar=\"1:1\"/>\n";
  return out + ">\n        <AudioChannelConfiguration schemeIdUri=\"urn:mpeg:dash:23003:3:audio_channel_configuration:2011\" "
               "value=\"2\"/>\n      </Representation>\n";
}

std::string frame_rate(const timeline::SegmentGrid& grid) {
  return std::to_string(grid.fps_num) + (grid.fps_den == 1 ? "" : "/" + std::to_string(grid.fps_den));
}

std::string adaptation_set(const timeline::SegmentGrid& grid, const DashOptions& o,
                           const std::vector<DashRepresentation>& reps, TrackClock clock, int id) {
  if (reps.empty()) return {};
  int64_t timescale = timeline::track_timescale(grid, clock.video);
  int64_t offset = o.media_offset_ns * timescale / 1'000'000'000;
  std::string out = "    <AdaptationSet" + attr("id", id) + attr("contentType", clock.video ? "video" : "audio") +
                    attr("mimeType", clock.video ? "video/mp4" : "audio/mp4") +
                    " segmentAlignment=\"true\" startWithSAP=\"1\"" +
                    (clock.video ? attr("frameRate", frame_rate(grid)) : attr("audioSamplingRate", grid.audio_rate)) + ">\n";
  out += "      <SegmentTemplate" + attr("timescale", timescale) + attr("presentationTimeOffset", offset) +
         attr("initialization", o.initialization) + attr("media", o.media) + " startNumber=\"0\">\n";
  out += segment_timeline(grid, clock, offset);
  out += "      </SegmentTemplate>\n";
  for (const auto& r : reps) out += representation(r, clock);
  return out + "    </AdaptationSet>\n";
}

// Event bodies are text: the same escapes as attributes keep the XML whole.
std::string event_message(const DateRange& mark) {
  std::string text;
  for (const auto& [name, value] : mark.attributes) text += (text.empty() ? "" : "; ") + name + "=" + value;
  return xml_attr(text);
}

std::string event_streams(const DashOptions& o) {
  std::vector<std::string> classes;  // in order of first appearance
  for (const DateRange& mark : o.events) {
    if (std::find(classes.begin(), classes.end(), mark.class_name) == classes.end()) classes.push_back(mark.class_name);
  }
  std::string out;
  for (const std::string& name : classes) {
    out += "    <EventStream" + attr("schemeIdUri", o.event_scheme) + attr("value", name) + " timescale=\"1000\">\n";
    for (const DateRange& mark : o.events) {
      if (mark.class_name != name) continue;
      out += "      <Event" + attr("id", mark.id) + attr("presentationTime", (mark.start_us + 500) / 1000) +
             attr("duration", (mark.duration_us + 500) / 1000) + ">" + event_message(mark) + "</Event>\n";
    }
    out += "    </EventStream>\n";
  }
  return out;
}

std::string subtitles_set(const DashOptions& o, int id) {
  if (o.subtitles_url.empty()) return {};
  return "    <AdaptationSet" + attr("id", id) + " contentType=\"text\" mimeType=\"text/vtt\"" +
         attr("lang", o.subtitles_language) + ">\n" +
         "      <Role schemeIdUri=\"urn:mpeg:dash:role:2011\" value=\"subtitle\"/>\n" +
         "      <Representation id=\"subs\" bandwidth=\"256\">\n" +
         "        <BaseURL>" + xml_attr(o.subtitles_url) + "</BaseURL>\n" +
         "      </Representation>\n    </AdaptationSet>\n";
}

}  // namespace

std::string iso_duration(int64_t microseconds) {
  int64_t ms = (microseconds + 500) / 1000;
  std::string fraction = std::to_string(ms % 1000);
  return "PT" + std::to_string(ms / 1000) + "." + std::string(3 - fraction.size(), '0') + fraction + "S";
}

std::string dash_mpd(const timeline::SegmentGrid& grid, const DashOptions& options) {
  int64_t total_us = timeline::frame_to_ns(grid.total_frames, grid.fps_num, grid.fps_den) / 1000;
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<MPD xmlns=\"urn:mpeg:dash:schema:mpd:2011\" profiles=\"urn:mpeg:dash:profile:isoff-live:2011\" type=\"static\"" +
         attr("mediaPresentationDuration", iso_duration(total_us)) +
         attr("minBufferTime", iso_duration(timeline::target_duration_seconds(grid) * 1'000'000LL)) + ">\n";
  out += "  <Period id=\"0\" start=\"PT0S\">\n";
  out += event_streams(options);
  out += adaptation_set(grid, options, options.video, TrackClock{true}, 0);
  out += adaptation_set(grid, options, options.audio, TrackClock{false}, 1);
  out += subtitles_set(options, 2);
  return out + "  </Period>\n</MPD>\n";
}

}  // namespace ws::playlist
