#pragma once
// A static DASH MPD written from a segment grid, like the HLS playlists:
// complete before any segment is rendered. Video and audio are separate
// adaptation sets (dash.js does not play muxed representations, Shaka only
// partly); both are on the grid, so SegmentTimeline holds exact
// durations in each track's own timescale (frames, samples).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "playlist/hls.h"
#include "timeline/segment_grid.h"

namespace ws::playlist {

struct DashRepresentation {
  std::string id;          // $RepresentationID$ in the templates, e.g. "720p"
  int64_t bandwidth = 0;   // bits per second (peak)
  std::string codecs;      // "avc1.64001f" or "mp4a.40.2"
  int width = 0, height = 0;  // video only
};

struct DashOptions {
  std::vector<DashRepresentation> video;
  std::vector<DashRepresentation> audio;
  std::string initialization = "$RepresentationID$/init.mp4";
  std::string media = "$RepresentationID$/seg_$Number%05d$.m4s";
  // Media timestamps start this late (the renderer's fixed offset):
  // presentationTimeOffset maps it back to 0.
  int64_t media_offset_ns = 0;
  // The workout's structure (the same marks as HLS's EXT-X-DATERANGE): one
  // EventStream per class (value = the class, e.g. "com.workout-stream.rest"),
  // one Event per mark, in milliseconds, its attributes as the message.
  std::vector<DateRange> events;
  std::string event_scheme = "urn:com:workout-stream:interval:2026";
  // When set: a text AdaptationSet (WebVTT, role subtitle) with this one file.
  std::string subtitles_url;
  std::string subtitles_language = "en";
};

// type="static", isoff-live profile, one Period, SegmentTemplate with
// startNumber 0 and a run-length SegmentTimeline per adaptation set (written
// from the grid: segments need not be equal), EventStreams, subtitles.
std::string dash_mpd(const timeline::SegmentGrid& grid, const DashOptions& options);

// A segment on its track's clock (timescale units), as SegmentTimeline lists it.
struct TimelineSpan {
  int64_t start = 0;
  int64_t length = 0;
};

// One track's SegmentTemplate in one Period of a live MPD.
struct DashTrackTemplate {
  int64_t presentation_time_offset = 0;  // the media time at the Period's start
  int64_t start_number = 0;              // $Number$ of the first span
  std::vector<TimelineSpan> spans;       // contiguous, in order
};

// A Period of a live MPD: the workout between two pauses, or a pause.
struct DashLivePeriod {
  std::string id;
  int64_t start_us = 0;  // from availabilityStartTime
  // Templates for both tracks ($RepresentationID$, $Number%05d$), as written.
  std::string initialization;
  std::string media;
  DashTrackTemplate video, audio;
};

struct DashLiveOptions {
  std::vector<DashRepresentation> video;
  std::vector<DashRepresentation> audio;
  std::string availability_start_time;  // ISO 8601: the wall-clock time of media time 0
  std::string publish_time;             // ISO 8601: when this MPD was made
  int64_t minimum_update_period_us = 0;
  int64_t time_shift_buffer_us = 0;
  int64_t suggested_presentation_delay_us = 0;
  // The server's clock (urn:mpeg:dash:utc:http-iso:2014): dash.js's default
  // is a public time server, unreachable on a gym's closed network.
  std::string utc_timing_url;
  // Once the presentation has ended: its whole duration. The MPD then stops
  // asking for updates (no minimumUpdatePeriod).
  std::optional<int64_t> presentation_duration_us;
  std::vector<DashLivePeriod> periods;
};

// type="dynamic", isoff-live profile: availabilityStartTime, publishTime,
// minimumUpdatePeriod, timeShiftBufferDepth, suggestedPresentationDelay,
// maxSegmentDuration, one Period per entry of `options.periods` with the
// same adaptation sets as dash_mpd's (timescales and rates from `grid`),
// and UTCTiming.
std::string dynamic_dash_mpd(const timeline::SegmentGrid& grid, const DashLiveOptions& options);

// ISO 8601 duration with millisecond precision: 55200000 us -> "PT55.200S".
std::string iso_duration(int64_t microseconds);

}  // namespace ws::playlist
