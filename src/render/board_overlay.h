#pragma once
// The class board drawn over a workout segment, for the TV rendition of a
// live class: a panel of up to eight rows, each a zone-coloured mark, a
// name and a heart rate, down the right of the picture.
#include <array>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "common/result.h"
#include "render/segment_renderer.h"
#include "render/yuv_layer.h"

namespace ws::render {

struct BoardLine {
  std::string name;
  std::string value;                // "152" (beats per minute), or "-"
  std::array<uint8_t, 3> colour{};  // the zone's, R G B
};

// The board as a layer of a `width` x `height` frame (transparent without lines).
YuvaLayer board_layer(const std::vector<BoardLine>& lines, int width, int height);

// render_segment with the board over every frame.
Status render_segment_with_board(const timeline::Timeline& timeline, const timeline::Segment& segment,
                                 const RenderProfile& profile, const std::vector<BoardLine>& board,
                                 const std::filesystem::path& out_path,
                                 std::chrono::steady_clock::time_point deadline);

}  // namespace ws::render
