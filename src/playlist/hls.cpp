#include "playlist/hls.h"

#include <cctype>
#include <cstdio>

#include "playlist/codecs.h"

namespace ws::playlist {
namespace {

std::string zero_pad(int64_t value, std::size_t width) {
  std::string digits = std::to_string(value);
  if (digits.size() < width) digits.insert(0, width - digits.size(), '0');
  return digits;
}

// A line break inside a URI or attribute would start a new playlist tag, and
// a quote would end a quoted attribute early: drop them.
std::string one_line(std::string_view text, bool in_quotes) {
  std::string out;
  for (char c : text) {
    if (c == '\n' || c == '\r' || (in_quotes && c == '"')) continue;
    out += c;
  }
  return out;
}

// Parses "%[0][width]d" at pattern[pos] (pos just after '%'); returns the
// index past it and the width, or npos when it is not a placeholder. The
// width always pads with zeros: a URI has no business containing spaces.
std::size_t parse_placeholder(std::string_view pattern, std::size_t pos, std::size_t& width) {
  std::size_t end = pos;
  if (end < pattern.size() && pattern[end] == '0') ++end;
  std::size_t digits_start = end;
  while (end < pattern.size() && std::isdigit(static_cast<unsigned char>(pattern[end])) &&
         end - digits_start < 2) {
    ++end;
  }
  if (end >= pattern.size() || pattern[end] != 'd') return std::string_view::npos;
  width = end > digits_start ? std::stoul(std::string(pattern.substr(digits_start, end - digits_start))) : 0;
  return end + 1;
}

constexpr const char* kSubtitlesGroup = "subs";
constexpr const char* kAudioGroup = "aac";

void put_stream_inf(std::string& out, const Variant& v, bool subtitles, bool audio) {
  out += "#EXT-X-STREAM-INF:BANDWIDTH=" + std::to_string(v.bandwidth);
  if (v.average_bandwidth > 0) out += ",AVERAGE-BANDWIDTH=" + std::to_string(v.average_bandwidth);
  out += ",CODECS=\"" + one_line(v.codecs, true) + "\"";
  if (v.width > 0 && v.height > 0) {
    out += ",RESOLUTION=" + std::to_string(v.width) + "x" + std::to_string(v.height);
  }
  if (v.fps_num > 0 && v.fps_den > 0) out += ",FRAME-RATE=" + frame_rate_text(v.fps_num, v.fps_den);
  if (audio) out += std::string(",AUDIO=\"") + kAudioGroup + "\"";
  if (subtitles) out += std::string(",SUBTITLES=\"") + kSubtitlesGroup + "\"";
  out += "\n";
}

// Attribute values are quoted strings: no quotes, no line breaks.
void put_date_range(std::string& out, const DateRange& r) {
  out += "#EXT-X-DATERANGE:ID=\"" + one_line(r.id, true) + "\",CLASS=\"" + one_line(r.class_name, true) +
         "\",START-DATE=\"" + program_date(r.start_us) + "\",DURATION=" + seconds_text(r.duration_us);
  for (const auto& [name, value] : r.attributes) out += "," + one_line(name, true) + "=\"" + one_line(value, true) + "\"";
  out += "\n";
}

// What every media playlist starts with, VOD or live.
void put_media_header(std::string& out, int version, int target_duration, int64_t media_sequence) {
  out += "#EXTM3U\n";
  out += "#EXT-X-VERSION:" + std::to_string(version) + "\n";
  out += "#EXT-X-TARGETDURATION:" + std::to_string(target_duration) + "\n";
  out += "#EXT-X-MEDIA-SEQUENCE:" + std::to_string(media_sequence) + "\n";
}

void put_map(std::string& out, const std::string& uri) {
  out += "#EXT-X-MAP:URI=\"" + one_line(uri, true) + "\"\n";
}

void put_segment(std::string& out, int64_t duration_us, const std::string& uri) {
  out += "#EXTINF:" + seconds_text(duration_us) + ",\n";
  out += one_line(uri, false) + "\n";
}

constexpr const char* kEndList = "#EXT-X-ENDLIST\n";

}  // namespace

std::string program_date(int64_t us) {
  long long ms = us / 1000;
  char text[40];
  std::snprintf(text, sizeof text, "2000-01-%02lldT%02lld:%02lld:%02lld.%03lldZ", 1 + ms / 86'400'000LL,
                ms / 3'600'000 % 24, ms / 60'000 % 60, ms / 1000 % 60, ms % 1000);
  return text;
}

std::string segment_uri(std::string_view pattern, int index) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '%') {
      out += pattern[i];
      continue;
    }
    if (i + 1 < pattern.size() && pattern[i + 1] == '%') {
      out += '%';
      ++i;
      continue;
    }
    std::size_t width = 0;
    std::size_t next = parse_placeholder(pattern, i + 1, width);
    if (next == std::string_view::npos) {
      out += '%';  // not a placeholder: keep it literally
      continue;
    }
    out += zero_pad(index, width);
    i = next - 1;
  }
  return out;
}

std::string seconds_text(int64_t microseconds) {
  return std::to_string(microseconds / 1'000'000) + "." + zero_pad(microseconds % 1'000'000, 6);
}

std::string media_playlist(const timeline::SegmentGrid& grid, const MediaPlaylistOptions& options) {
  std::string out;
  put_media_header(out, options.version, timeline::target_duration_seconds(grid), 0);
  out += "#EXT-X-PLAYLIST-TYPE:VOD\n";
  out += "#EXT-X-INDEPENDENT-SEGMENTS\n";
  if (options.iframes_only) out += "#EXT-X-I-FRAMES-ONLY\n";
  if (!options.map_uri.empty()) put_map(out, options.map_uri);
  if (!options.date_ranges.empty()) {
    out += "#EXT-X-PROGRAM-DATE-TIME:" + program_date(0) + "\n";
    for (const DateRange& range : options.date_ranges) put_date_range(out, range);
  }
  for (const timeline::Segment& seg : grid.segments) {
    put_segment(out, timeline::duration_us(grid, seg),
                options.uri_for ? options.uri_for(seg) : segment_uri(options.uri_template, seg.index));
  }
  return out + kEndList;
}

std::string live_media_playlist(const LiveMediaPlaylist& playlist) {
  std::string out;
  put_media_header(out, playlist.version, playlist.target_duration, playlist.media_sequence);
  out += "#EXT-X-DISCONTINUITY-SEQUENCE:" + std::to_string(playlist.discontinuity_sequence) + "\n";
  out += "#EXT-X-INDEPENDENT-SEGMENTS\n";
  const std::string* map = nullptr;
  for (const LiveSegment& segment : playlist.segments) {
    if (segment.discontinuity) out += "#EXT-X-DISCONTINUITY\n";
    if (!segment.map_uri.empty() && (!map || *map != segment.map_uri)) put_map(out, segment.map_uri);
    map = &segment.map_uri;
    out += "#EXT-X-PROGRAM-DATE-TIME:" + one_line(segment.program_date_time, false) + "\n";
    put_segment(out, segment.duration_us, segment.uri);
  }
  return playlist.ended ? out + kEndList : out;
}

std::string iframe_playlist(const timeline::SegmentGrid& grid, std::string uri_template, int version,
                            std::string map_uri) {
  MediaPlaylistOptions options;
  options.version = version;
  options.map_uri = std::move(map_uri);
  options.uri_template = std::move(uri_template);
  options.iframes_only = true;
  return media_playlist(grid, options);
}

std::string master_playlist(const std::vector<Variant>& variants, const MasterPlaylistOptions& options) {
  std::string out = "#EXTM3U\n";
  out += "#EXT-X-VERSION:" + std::to_string(options.version) + "\n";
  out += "#EXT-X-INDEPENDENT-SEGMENTS\n";
  bool subtitles = !options.subtitles_uri.empty();
  if (subtitles) {
    out += std::string("#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"") + kSubtitlesGroup + "\",NAME=\"" +
           one_line(options.subtitles_name, true) + "\",LANGUAGE=\"" + one_line(options.subtitles_language, true) +
           "\",DEFAULT=NO,AUTOSELECT=YES,URI=\"" + one_line(options.subtitles_uri, true) + "\"\n";
  }
  bool audio = !options.audio_uri.empty();
  if (audio) {
    out += std::string("#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"") + kAudioGroup + "\",NAME=\"" +
           one_line(options.audio_name, true) + "\",DEFAULT=YES,AUTOSELECT=YES,CHANNELS=\"" +
           std::to_string(options.audio_channels) + "\",URI=\"" + one_line(options.audio_uri, true) + "\"\n";
  }
  for (const Variant& v : variants) {
    put_stream_inf(out, v, subtitles, audio);
    out += one_line(v.uri, false) + "\n";
  }
  for (const Variant& v : options.iframe_variants) {
    out += "#EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=" + std::to_string(v.bandwidth) + ",CODECS=\"" +
           one_line(v.codecs, true) + "\",RESOLUTION=" + std::to_string(v.width) + "x" + std::to_string(v.height) +
           ",URI=\"" + one_line(v.uri, true) + "\"\n";
  }
  return out;
}

}  // namespace ws::playlist
