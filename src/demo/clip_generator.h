#pragma once
// Demo exercise clips: an animated stick figure with the exercise name on a
// transparent background, encoded as ProRes 4444 with alpha in a MOV, like the
// real clips the catalog expects, plus a PNG thumbnail.
#include <filesystem>
#include <string>

#include "common/result.h"
#include "render/pipeline_spec.h"

namespace ws::demo {

struct ClipSpec {
  std::string name;               // drawn on the clip, e.g. "Push-ups"
  std::string motion;             // one of motion_names() (stick_figure.h)
  std::string color = "#3b82f6";  // figure colour, CSS hex (#rgb or #rrggbb)
  int width = 1280, height = 720, fps = 30;
  double seconds = 4.0;           // 3..8 for the demo catalog; tests use shorter
  std::string pipelines_dir = "pipelines";  // holds clip_encoder.json
};

// Renders the clip and its thumbnail. Both are written to hidden temp files in
// the target folders and renamed into place only when complete, so a crash
// never leaves a half clip at the final path. The clip holds a whole number of
// repetitions: frame N would equal frame 0, so it loops seamlessly.
// Errors: invalid_argument (bad spec, unknown motion), internal (pipeline or
// file system failure), unavailable (encode timed out).
Status generate_clip(const ClipSpec& spec, const std::filesystem::path& mov_path,
                     const std::filesystem::path& thumbnail_path);

// What the encoder code relies on in clip_encoder.json (appsrc BGRA ->
// ProRes 4444 -> MOV).
const render::PipelineContract& clip_encoder_contract();

}  // namespace ws::demo
