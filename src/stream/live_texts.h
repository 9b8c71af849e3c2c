#pragma once
// The live presentations of a class from its workout's plan and its live
// window (live/live_window.h), under /live/{code}/:
//
//   master.m3u8, {rendition}/index.m3u8             MPEG-TS HLS
//   cmaf/master.m3u8, cmaf/{track}/index.m3u8       fMP4 HLS (track: a rendition or "audio")
//   manifest.mpd                                     DASH, type="dynamic"
//
// Their media are the VOD stream's own files (/streams/{workout_id}/...),
// the same content-addressed renders byte for byte, and the slate's
// (/live/slate/..., slate.h). Pure: texts from the plan, the window and the
// context below.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "live/live_window.h"
#include "stream/layout.h"
#include "stream/stream_plan.h"

namespace ws::stream {

inline constexpr std::string_view kLiveDashName = "manifest.mpd";

// What a live text needs besides the plan and the window.
struct LiveContext {
  std::string stream_base;   // "/streams/{workout_id}/": the VOD stream's files
  std::string stream_query;  // on each of those URIs (a signed query), or ""
  std::string slate_base;    // "/live/slate/"
  // When set, the workout's segments are listed here ("/live/{code}/tv/",
  // MPEG-TS only) instead of as the VOD files: the TV rendition's own.
  std::string segment_base;
  live::ClassClock clock;    // program date times count from its start
  Instant now;               // the MPD's publishTime
  int window_size = 10;
  std::string utc_timing_url = "/api/time?format=iso";
};

// The text a path below /live/{code}/ names: the masters, a track's media
// playlist (kind media_playlist), or the MPD (kind dash_manifest).
std::optional<StreamFile> parse_live_path(const std::vector<Rendition>& ladder, std::string_view path);

// The live masters: every rendition, no trick play, no subtitles.
std::string live_master_text(const StreamPlan& plan, Presentation presentation);

// A track's live media playlist: the window's entries, each with its
// program date time, discontinuities around pauses, ENDLIST once ended;
// TARGETDURATION that of the plan (a slate is never longer).
std::string live_media_text(const StreamPlan& plan, const live::LiveWindow& window, const LiveContext& context,
                            Presentation presentation, const Track& track);

// The dynamic MPD: one Period per run of the window (the workout, a pause,
// the workout again), availabilityStartTime the class's start.
std::string live_dash_text(const StreamPlan& plan, const live::LiveWindow& window, const LiveContext& context);

// Seconds a live text may be cached: half a segment at most (whole seconds,
// at least one), as players reload a live playlist every target duration.
int live_max_age_seconds(const timeline::SegmentGrid& grid);

}  // namespace ws::stream
