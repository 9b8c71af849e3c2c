#pragma once
// The encoding loop every segment render shares, whatever draws its
// pictures: frames composed one by one into the encoder's buffers, the
// cue-track audio of the timeline (silence where it has no interval)
// interleaved, into a temp file renamed into place once complete.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>

#include "common/result.h"
#include "render/segment_renderer.h"
#include "render/yuv_layer.h"

namespace ws::render {

// Draws absolute frame `frame` into `target` (plane_bytes: each plane's
// size), recording what it drew in `history` (see clear_frame).
using ComposeFrame =
    std::function<Status(int64_t frame, const PlanarFrame& target, const size_t plane_bytes[3], FrameHistory& history)>;

// Encodes `segment` of `timeline` with `profile`'s encoder settings, its
// pictures from `compose`. Same errors as render_segment.
Status encode_segment(const timeline::Timeline& timeline, const timeline::Segment& segment,
                      const RenderProfile& profile, const ComposeFrame& compose, const std::filesystem::path& out_path,
                      std::chrono::steady_clock::time_point deadline);

// render_segment with `over` (when set) blended over every frame, on top
// of the clip and the overlays.
Status render_segment_over(const timeline::Timeline& timeline, const timeline::Segment& segment,
                           const RenderProfile& profile, const YuvaLayer* over, const std::filesystem::path& out_path,
                           std::chrono::steady_clock::time_point deadline);

}  // namespace ws::render
