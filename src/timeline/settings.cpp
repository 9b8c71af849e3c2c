#include "timeline/settings.h"

#include <cmath>
#include <numeric>
#include <string>

namespace ws::timeline {
namespace {

// 128-bit intermediates: frame * den * 1e9 can exceed int64 for long timelines
// at odd frame rates. __extension__ keeps -Wpedantic quiet.
__extension__ typedef __int128 Wide;

int64_t scale_floor(int64_t value, int64_t mul, int64_t div) {
  return static_cast<int64_t>(static_cast<Wide>(value) * mul / div);
}

Error settings_error(std::string message, std::string field) {
  return make_error(ErrorKind::internal, "invalid_timeline_settings", std::move(message),
                    std::move(field));
}

Status validate_speed(double speed, const char* field) {
  double milli = speed * 1000.0;
  if (!(speed >= 0.1 && speed <= 4.0)) {
    return settings_error(std::string(field) + " must be between 0.1 and 4", field);
  }
  if (std::fabs(milli - std::round(milli)) > 1e-6) {
    return settings_error(std::string(field) + " must have at most 3 decimals", field);
  }
  return Status::Ok();
}

Status validate_clock(const Settings& s) {
  if (s.fps_num <= 0 || s.fps_den <= 0 || s.fps_num < s.fps_den || s.fps_num > 240 * s.fps_den) {
    return settings_error("frame rate must be in 1..240 fps", "fps_num");
  }
  if (s.audio_rate < 8000 || s.audio_rate > 192000) {
    return settings_error("audio_rate must be in 8000..192000 Hz", "audio_rate");
  }
  return Status::Ok();
}

// `seconds` must name a whole number of grid units (3.2 s * 30 = 96.000...
// frames, 6 units of 16 frames at 30 fps / 48 kHz).
Status validate_grid_multiple(const Settings& s, double seconds, const char* field) {
  double frames = seconds * s.fps_num / s.fps_den;
  if (std::fabs(frames - std::round(frames)) > 1e-6) {
    return settings_error(std::string(field) + " is not a whole number of video frames", field);
  }
  GridUnit unit = grid_unit(s);
  if (static_cast<int64_t>(std::llround(frames)) % unit.frames != 0) {
    return settings_error(std::string(field) + " must be a multiple of " + std::to_string(unit.seconds_num) + "/" +
                              std::to_string(unit.seconds_den) + " s (video and AAC frame grids)",
                          field);
  }
  return Status::Ok();
}

Status validate_segment(const Settings& s) {
  if (!(s.segment_seconds >= 1.0 && s.segment_seconds <= 30.0)) {
    return settings_error("segment_seconds must be in 1..30", "segment_seconds");
  }
  WS_RETURN_IF_ERROR(validate_grid_multiple(s, s.segment_seconds, "segment_seconds"));
  if (s.first_segment_seconds == 0.0) return Status::Ok();
  if (!(s.first_segment_seconds >= 1.0 && s.first_segment_seconds <= s.segment_seconds)) {
    return settings_error("first_segment_seconds must be 0 or in 1..segment_seconds", "first_segment_seconds");
  }
  return validate_grid_multiple(s, s.first_segment_seconds, "first_segment_seconds");
}

}  // namespace

GridUnit grid_unit(const Settings& s) {
  // Reduced fractions a/b (video frame) and c/d (AAC frame):
  // LCM(a/b, c/d) = lcm(a, c) / gcd(b, d).
  int64_t a = s.fps_den, b = s.fps_num;
  int64_t g1 = std::gcd(a, b);
  a /= g1;
  b /= g1;
  int64_t c = kAacFrameSamples, d = s.audio_rate;
  int64_t g2 = std::gcd(c, d);
  c /= g2;
  d /= g2;
  GridUnit unit;
  unit.seconds_num = std::lcm(a, c);
  unit.seconds_den = std::gcd(b, d);
  unit.frames = unit.seconds_num * s.fps_num / (unit.seconds_den * s.fps_den);
  unit.samples = unit.seconds_num * s.audio_rate / unit.seconds_den;
  return unit;
}

Status validate_settings(const Settings& s) {
  WS_RETURN_IF_ERROR(validate_clock(s));
  if (s.warm_up_seconds < 0 || s.warm_up_seconds > 3600) {
    return settings_error("warm_up_seconds must be in 0..3600", "warm_up_seconds");
  }
  if (s.cool_down_seconds < 0 || s.cool_down_seconds > 3600) {
    return settings_error("cool_down_seconds must be in 0..3600", "cool_down_seconds");
  }
  WS_RETURN_IF_ERROR(validate_speed(s.speed_low, "speed_low"));
  WS_RETURN_IF_ERROR(validate_speed(s.speed_medium, "speed_medium"));
  WS_RETURN_IF_ERROR(validate_speed(s.speed_high, "speed_high"));
  if (s.transition_frames < 0 || s.transition_frames > 10 * s.fps_num / s.fps_den) {
    return settings_error("transition_frames must be in 0..10 s of frames", "transition_frames");
  }
  if (s.max_rounds < 1 || s.max_total_seconds < 1) {
    return settings_error("max_rounds and max_total_seconds must be positive", "max_rounds");
  }
  return validate_segment(s);
}

int64_t segment_frames(const Settings& s) {
  return std::llround(s.segment_seconds * s.fps_num / s.fps_den);
}

int64_t first_segment_frames(const Settings& s) {
  if (s.first_segment_seconds == 0.0) return segment_frames(s);
  return std::llround(s.first_segment_seconds * s.fps_num / s.fps_den);
}

int speed_milli(double speed) { return static_cast<int>(std::lround(speed * 1000.0)); }

int speed_milli_for(const Settings& s, Intensity intensity) {
  switch (intensity) {
    case Intensity::low: return speed_milli(s.speed_low);
    case Intensity::medium: return speed_milli(s.speed_medium);
    case Intensity::high: return speed_milli(s.speed_high);
  }
  return speed_milli(s.speed_medium);
}

int64_t frame_at_seconds(int64_t seconds, int fps_num, int fps_den) {
  // round(seconds * num / den) with halves rounded up, in integers.
  return static_cast<int64_t>((static_cast<Wide>(seconds) * fps_num * 2 + fps_den) /
                              (2 * static_cast<Wide>(fps_den)));
}

int64_t sample_at_frame(int64_t frame, int fps_num, int fps_den, int audio_rate) {
  return scale_floor(frame, static_cast<int64_t>(fps_den) * audio_rate, fps_num);
}

int64_t frame_to_ns(int64_t frame, int fps_num, int fps_den) {
  return scale_floor(frame, static_cast<int64_t>(fps_den) * 1'000'000'000, fps_num);
}

int64_t frame_to_90k(int64_t frame, int fps_num, int fps_den) {
  return scale_floor(frame, static_cast<int64_t>(fps_den) * 90'000, fps_num);
}

}  // namespace ws::timeline
