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

// An adaptation set's SegmentTemplate: where its files are and the spans listed.
struct TemplateParts {
  int64_t timescale = 0;
  int64_t presentation_time_offset = 0;
  int64_t start_number = 0;
  std::string initialization, media;
  std::vector<TimelineSpan> spans;
};

// <S t d r/>: runs of equal durations collapse into one element; spans are
// contiguous, so only the first needs its time.
std::string segment_timeline(const std::vector<TimelineSpan>& spans) {
  std::string out = "        <SegmentTimeline>\n";
  for (std::size_t i = 0; i < spans.size();) {
    std::size_t end = i + 1;
    while (end < spans.size() && spans[end].length == spans[i].length) ++end;
    out += "          <S";
    if (i == 0) out += attr("t", spans[i].start);
    out += attr("d", spans[i].length);
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

std::string adaptation_set(const timeline::SegmentGrid& grid, const std::vector<DashRepresentation>& reps,
                           TrackClock clock, int id, const TemplateParts& t) {
  if (reps.empty()) return {};
  std::string out = "    <AdaptationSet" + attr("id", id) + attr("contentType", clock.video ? "video" : "audio") +
                    attr("mimeType", clock.video ? "video/mp4" : "audio/mp4") +
                    " segmentAlignment=\"true\" startWithSAP=\"1\"" +
                    (clock.video ? attr("frameRate", frame_rate(grid)) : attr("audioSamplingRate", grid.audio_rate)) + ">\n";
  out += "      <SegmentTemplate" + attr("timescale", t.timescale) + attr("presentationTimeOffset", t.presentation_time_offset) +
         attr("initialization", t.initialization) + attr("media", t.media) + attr("startNumber", t.start_number) + ">\n";
  out += segment_timeline(t.spans);
  out += "      </SegmentTemplate>\n";
  for (const auto& r : reps) out += representation(r, clock);
  return out + "    </AdaptationSet>\n";
}

// The whole grid on one track's clock, `offset` late.
TemplateParts whole_grid(const timeline::SegmentGrid& grid, const DashOptions& o, TrackClock clock) {
  TemplateParts t;
  t.timescale = timeline::track_timescale(grid, clock.video);
  t.presentation_time_offset = o.media_offset_ns * t.timescale / 1'000'000'000;
  t.initialization = o.initialization;
  t.media = o.media;
  for (const auto& segment : grid.segments) {
    const timeline::TrackTime time = timeline::track_time(grid, segment, clock.video);
    t.spans.push_back({time.start + t.presentation_time_offset, time.length});
  }
  return t;
}

TemplateParts period_track(const timeline::SegmentGrid& grid, const DashLivePeriod& period, TrackClock clock) {
  const DashTrackTemplate& track = clock.video ? period.video : period.audio;
  return {timeline::track_timescale(grid, clock.video), track.presentation_time_offset, track.start_number,
          period.initialization, period.media, track.spans};
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
  out += adaptation_set(grid, options.video, TrackClock{true}, 0, whole_grid(grid, options, TrackClock{true}));
  out += adaptation_set(grid, options.audio, TrackClock{false}, 1, whole_grid(grid, options, TrackClock{false}));
  out += subtitles_set(options, 2);
  return out + "  </Period>\n</MPD>\n";
}

std::string dynamic_dash_mpd(const timeline::SegmentGrid& grid, const DashLiveOptions& o) {
  const int64_t target_us = timeline::target_duration_seconds(grid) * 1'000'000LL;
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<MPD xmlns=\"urn:mpeg:dash:schema:mpd:2011\" profiles=\"urn:mpeg:dash:profile:isoff-live:2011\" type=\"dynamic\"" +
         attr("availabilityStartTime", o.availability_start_time) + attr("publishTime", o.publish_time);
  if (o.presentation_duration_us) {
    out += attr("mediaPresentationDuration", iso_duration(*o.presentation_duration_us));
  } else {
    out += attr("minimumUpdatePeriod", iso_duration(o.minimum_update_period_us));
  }
  out += attr("timeShiftBufferDepth", iso_duration(o.time_shift_buffer_us)) +
         attr("suggestedPresentationDelay", iso_duration(o.suggested_presentation_delay_us)) +
         attr("maxSegmentDuration", iso_duration(target_us)) + attr("minBufferTime", iso_duration(target_us)) + ">\n";
  for (const DashLivePeriod& period : o.periods) {
    out += "  <Period" + attr("id", period.id) + attr("start", iso_duration(period.start_us)) + ">\n";
    out += adaptation_set(grid, o.video, TrackClock{true}, 0, period_track(grid, period, TrackClock{true}));
    out += adaptation_set(grid, o.audio, TrackClock{false}, 1, period_track(grid, period, TrackClock{false}));
    out += "  </Period>\n";
  }
  out += "  <UTCTiming schemeIdUri=\"urn:mpeg:dash:utc:http-iso:2014\"" + attr("value", o.utc_timing_url) + "/>\n";
  return out + "</MPD>\n";
}

}  // namespace ws::playlist
