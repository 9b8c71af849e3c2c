#include "render/cue_track.h"

#include <algorithm>
#include <cmath>

#include "timeline/query.h"
#include "timeline/settings.h"

namespace ws::render {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kWorkHz = 1318.5, kRestHz = 523.25, kCountdownHz = 880.0;
constexpr double kAmplitude = 0.3;

struct Beep {
  double freq = 0;  // 0: silence
  int64_t start = 0, length = 0;
};

// Which beep (if any) sounds at sample s of the interval [start, end).
Beep beep_at(const timeline::Interval& iv, int64_t s, int64_t start, int64_t end, int rate) {
  const int64_t start_len = rate / 4;
  if (s >= start && s < start + start_len) {
    return {iv.kind == timeline::IntervalKind::rest ? kRestHz : kWorkHz, start, start_len};
  }
  const int64_t short_len = rate * 12 / 100;
  for (int k = 1; k <= 3; ++k) {
    int64_t b = end - static_cast<int64_t>(k) * rate;  // k seconds before the end
    if (b > start + start_len && s >= b && s < b + short_len) return {kCountdownHz, b, short_len};
  }
  return {};
}

// A sine with 5 ms fades, so beeps start and stop without clicks.
int16_t tone(const Beep& beep, int64_t s, int rate) {
  const int64_t t = s - beep.start, fade = rate / 200;
  double env = 1.0;
  if (t < fade) env = static_cast<double>(t) / fade;
  if (beep.length - t < fade) env = std::min(env, static_cast<double>(beep.length - t) / fade);
  double v = kAmplitude * env * std::sin(2 * kPi * beep.freq * static_cast<double>(t) / rate);
  return static_cast<int16_t>(std::lround(v * 32767));
}

}  // namespace

int16_t CueTrack::at(int64_t s) const {
  const int rate = tl_.audio_rate;
  int64_t frame = s * tl_.fps_num / (static_cast<int64_t>(rate) * tl_.fps_den);
  const timeline::Interval* iv = timeline::interval_at(tl_, frame);
  if (!iv) return 0;
  int64_t start = timeline::sample_at_frame(iv->start_frame, tl_.fps_num, tl_.fps_den, rate);
  int64_t end = timeline::sample_at_frame(iv->end_frame(), tl_.fps_num, tl_.fps_den, rate);
  Beep beep = beep_at(*iv, s, start, end, rate);
  return beep.freq == 0 ? 0 : tone(beep, s, rate);
}

}  // namespace ws::render
