#include "render/segment_audio.h"

#include <algorithm>

#include <gst/gst.h>

#include "render/segment_renderer.h"
#include "timeline/settings.h"

namespace ws::render {

namespace {
constexpr int64_t kChunkSamples = 1024;
}

SegmentAudio::SegmentAudio(const timeline::Timeline& timeline, const timeline::Segment& segment)
    : cues_(timeline),
      rate_(timeline.audio_rate),
      start_(segment.start_sample),
      next_(segment.start_sample - timeline::kAacFrameSamples),
      end_(segment.start_sample + segment.sample_count) {}

int64_t SegmentAudio::sample_ns(int64_t s) const {
  auto scaled = static_cast<int64_t>(gst_util_uint64_scale(static_cast<guint64>(s < 0 ? -s : s), GST_SECOND, rate_));
  return s < 0 ? -scaled : scaled;
}

AudioChunk SegmentAudio::next_chunk() {
  const int64_t n = std::min(kChunkSamples, end_ - next_);
  AudioChunk chunk;
  chunk.interleaved.resize(static_cast<size_t>(n) * 2);
  for (int64_t i = 0; i < n; ++i) {
    int16_t v = cues_.at(next_ + i);
    chunk.interleaved[2 * i] = v;
    chunk.interleaved[2 * i + 1] = v;
  }
  chunk.pts_ns = kSegmentPtsOffsetNs + sample_ns(next_ - timeline::kAacFrameSamples);
  chunk.duration_ns = sample_ns(next_ + n) - sample_ns(next_);
  next_ += n;
  return chunk;
}

int64_t SegmentAudio::drop_before_ns() const {
  return kSegmentPtsOffsetNs + sample_ns(start_) - static_cast<int64_t>(GST_MSECOND);
}

}  // namespace ws::render
