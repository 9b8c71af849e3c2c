#include "timeline/fingerprint.h"

#include <algorithm>

#include "timeline/query.h"

namespace ws::timeline {
namespace {

// Bump when the canonical form or the meaning of a field changes.
constexpr std::string_view kFormat = "ws-segment-v1";

// Length-prefixed, so no name can forge a field separator.
void put_text(std::string& out, std::string_view text) {
  out += std::to_string(text.size());
  out += ':';
  out += text;
}

void put_int(std::string& out, int64_t value) {
  out += std::to_string(value);  // std::to_string on integers ignores the locale
}

void put_field(std::string& out, std::string_view key, int64_t value) {
  out += key;
  out += '=';
  put_int(out, value);
  out += '\n';
}

void put_interval(std::string& out, const Interval& iv) {
  out += "interval=";
  out += to_string(iv.kind);
  for (int64_t value : {iv.start_frame, iv.frame_count, iv.clip_ns,
                        static_cast<int64_t>(iv.speed_milli), static_cast<int64_t>(iv.round),
                        static_cast<int64_t>(iv.total_rounds),
                        static_cast<int64_t>(iv.exercise_index),
                        static_cast<int64_t>(iv.exercises_per_round)}) {
    out += ',';
    put_int(out, value);
  }
  for (std::string_view text : {std::string_view(iv.exercise_id), std::string_view(iv.name),
                                std::string_view(iv.clip), std::string_view(iv.next_name),
                                std::string_view(iv.next_exercise_id)}) {
    out += ',';
    put_text(out, text);
  }
  out += '\n';
}

}  // namespace

uint64_t fnv1a64(std::string_view bytes) {
  uint64_t hash = 0xcbf29ce484222325ULL;  // FNV offset basis
  for (unsigned char byte : bytes) {
    hash ^= byte;
    hash *= 0x100000001b3ULL;  // FNV prime
  }
  return hash;
}

std::string to_hex16(uint64_t value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = kDigits[value & 0xf];
    value >>= 4;
  }
  return out;
}

std::string segment_canonical_text(const Timeline& tl, const Segment& seg,
                                   std::string_view render_profile) {
  std::string out(kFormat);
  out += '\n';
  put_field(out, "fps_num", tl.fps_num);
  put_field(out, "fps_den", tl.fps_den);
  put_field(out, "audio_rate", tl.audio_rate);
  put_field(out, "transition_frames", tl.transition_frames);
  put_field(out, "total_frames", tl.total_frames);
  put_field(out, "rounds", tl.rounds);
  put_field(out, "segment_index", seg.index);
  put_field(out, "start_frame", seg.start_frame);
  put_field(out, "frame_count", seg.frame_count);
  put_field(out, "start_sample", seg.start_sample);
  put_field(out, "sample_count", seg.sample_count);
  const int64_t reach = tl.transition_frames;
  for (std::size_t i : intervals_overlapping(tl, seg.start_frame - reach, seg.frame_count + 2 * reach)) {
    put_interval(out, tl.intervals[i]);
  }
  out += "profile=";
  put_text(out, render_profile);
  out += '\n';
  return out;
}

std::string segment_fingerprint(const Timeline& tl, const Segment& seg,
                                std::string_view render_profile) {
  return to_hex16(fnv1a64(segment_canonical_text(tl, seg, render_profile)));
}

}  // namespace ws::timeline
