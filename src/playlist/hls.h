#pragma once
// HLS playlists written from a segment grid: complete VOD playlists, known
// before any segment is rendered (DESIGN.md "plan first, render on demand").
// Our own text, not hlssink2's: the grid, not the encoder, decides durations.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "timeline/segment_grid.h"

namespace ws::playlist {

// One EXT-X-DATERANGE: a span of the media marked with what it is.
struct DateRange {
  std::string id;          // unique within the playlist
  std::string class_name;  // CLASS: what kind of span
  int64_t start_us = 0;    // from the start of the media
  int64_t duration_us = 0;
  std::vector<std::pair<std::string, std::string>> attributes;  // X-NAME, quoted string values
};

struct MediaPlaylistOptions {
  // Segment URI pattern: "%d" or "%0Nd" is the segment index, "%%" is '%',
  // anything else is literal (never handed to printf).
  std::string uri_template = "seg_%05d.ts";
  // When set, replaces uri_template (e.g. to put a content hash in the URI).
  std::function<std::string(const timeline::Segment&)> uri_for;
  int version = 3;  // 3: decimal EXTINF, MPEG-TS segments; 7 for fMP4
  // fMP4: the init segment's URI (EXT-X-MAP), written before the first segment.
  std::string map_uri;
  // EXT-X-I-FRAMES-ONLY: each segment is one I-frame shown until the next.
  bool iframes_only = false;
  // With date ranges, the first segment carries EXT-X-PROGRAM-DATE-TIME of a
  // fixed epoch (the stream is VOD: the date only anchors the ranges, and a
  // fixed one keeps the playlist the same bytes) and each range an
  // EXT-X-DATERANGE at epoch + start.
  std::vector<DateRange> date_ranges;
};

// #EXTM3U, VERSION, TARGETDURATION (= ceil of the longest segment, so >= every
// rounded EXTINF and constant), MEDIA-SEQUENCE:0, PLAYLIST-TYPE:VOD,
// INDEPENDENT-SEGMENTS, one EXTINF (microsecond precision) + URI per segment,
// ENDLIST.
std::string media_playlist(const timeline::SegmentGrid& grid,
                           const MediaPlaylistOptions& options = {});

// Trick play: an I-frames-only playlist on `grid`, one resource per segment
// (its first picture, an IDR, shown for the whole segment). RFC 8216 wants
// protocol 4 for EXT-X-I-FRAMES-ONLY (MPEG-TS); fMP4 passes 7 and its init
// segment (EXT-X-MAP).
std::string iframe_playlist(const timeline::SegmentGrid& grid, std::string uri_template, int version = 4,
                            std::string map_uri = "");

// One segment of a live media playlist.
struct LiveSegment {
  std::string uri;
  int64_t duration_us = 0;
  std::string program_date_time;  // ISO 8601, UTC, with milliseconds
  bool discontinuity = false;     // EXT-X-DISCONTINUITY before it
  // fMP4: the init segment it plays with; EXT-X-MAP is written before the
  // first segment and wherever it changes (after a discontinuity).
  std::string map_uri;
};

struct LiveMediaPlaylist {
  int version = 3;          // 7 for fMP4 (EXT-X-MAP after the first segment)
  int target_duration = 0;  // seconds: constant for the whole presentation
  int64_t media_sequence = 0;
  int64_t discontinuity_sequence = 0;
  bool ended = false;  // EXT-X-ENDLIST: nothing more will be added
  std::vector<LiveSegment> segments;
};

// A sliding-window live media playlist (RFC 8216 6.2.2): no PLAYLIST-TYPE,
// EXT-X-MEDIA-SEQUENCE and EXT-X-DISCONTINUITY-SEQUENCE of its first
// segment, EXT-X-PROGRAM-DATE-TIME on every segment, ENDLIST only once ended.
std::string live_media_playlist(const LiveMediaPlaylist& playlist);

struct Variant {
  int64_t bandwidth = 0;          // peak bits per second (BANDWIDTH)
  int64_t average_bandwidth = 0;  // AVERAGE-BANDWIDTH; 0 leaves it out
  std::string codecs;             // e.g. "avc1.64001f,mp4a.40.2"
  int width = 0;                  // RESOLUTION; 0 leaves it out
  int height = 0;
  int fps_num = 0;  // FRAME-RATE; 0 leaves it out
  int fps_den = 1;
  std::string uri;  // media playlist URI
};

struct MasterPlaylistOptions {
  int version = 3;
  // When set: one EXT-X-MEDIA TYPE=SUBTITLES (group "subs", AUTOSELECT=YES,
  // DEFAULT=NO: shown when the viewer asks) and SUBTITLES="subs" on every variant.
  std::string subtitles_uri;
  std::string subtitles_name = "Exercises";
  std::string subtitles_language = "en";
  // When set (fMP4 variants carry video only): one EXT-X-MEDIA TYPE=AUDIO
  // (group "aac", DEFAULT=YES, AUTOSELECT=YES) and AUDIO="aac" on every
  // variant, so every rendition has audio.
  std::string audio_uri;
  std::string audio_name = "Audio";
  int audio_channels = 2;
  // Trick play: one EXT-X-I-FRAME-STREAM-INF each (BANDWIDTH, CODECS: video
  // only, RESOLUTION, URI of an I-frames-only playlist), after the variants.
  std::vector<Variant> iframe_variants;
};

// #EXTM3U, VERSION, INDEPENDENT-SEGMENTS, then per variant EXT-X-STREAM-INF
// (BANDWIDTH, AVERAGE-BANDWIDTH, CODECS, RESOLUTION, FRAME-RATE) and its URI,
// in the order given (players start with the first).
std::string master_playlist(const std::vector<Variant>& variants,
                            const MasterPlaylistOptions& options = {});

// Expands uri_template for one index (see MediaPlaylistOptions).
std::string segment_uri(std::string_view uri_template, int index);

// kProgramEpoch + microseconds as an ISO 8601 date: 62345000 ->
// "2000-01-01T00:01:02.345Z" (days roll over; months do not, ranges are short).
std::string program_date(int64_t microseconds);

// Microseconds as seconds with six decimals: 3200000 -> "3.200000".
std::string seconds_text(int64_t microseconds);

}  // namespace ws::playlist
