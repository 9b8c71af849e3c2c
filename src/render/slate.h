#pragma once
// The slate a live class shows while it is paused: the background with a
// large "Paused", as one MPEG-TS segment encoded exactly like a workout's
// (the same segment_encoder pipeline, size, profile, level and bitrates, so
// the same CODECS and init segment), with silent audio, so players switch
// between the workout and the slate without a hitch.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>

#include "common/result.h"
#include "render/segment_renderer.h"

namespace ws::render {

struct SlateSpec {
  int fps_num = 30;
  int fps_den = 1;
  int audio_rate = 48000;
  int64_t frames = 0;   // the segment grid's nominal segment
  int64_t samples = 0;  // its audio samples (a whole number of AAC frames)
  std::string title = "Paused";
  std::string subtitle = "The class will resume shortly";
};

// Renders the slate into `out_path` (temp file, then renamed), its
// timestamps those of a segment at the start of a stream. Errors as
// render_segment's.
Status render_slate(const SlateSpec& spec, const RenderProfile& profile, const std::filesystem::path& out_path,
                    std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max());

}  // namespace ws::render
