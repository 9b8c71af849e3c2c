#include "stream/tv_board.h"

#include "common/file_facts.h"
#include "playlist/hls.h"
#include "render/board_overlay.h"
#include "stream/bandwidth.h"
#include "stream/content_versions.h"
#include "stream/hls_texts.h"
#include "stream/layout.h"
#include "stream/media_jobs.h"

namespace ws::stream {
namespace {

std::vector<render::BoardLine> board_lines(const live::Board& board) {
  std::vector<render::BoardLine> lines;
  for (const live::BoardRow& row : board) {
    lines.push_back({row.name, row.heart_rate ? std::to_string(*row.heart_rate) : "-", live::zone_colour(row.zone)});
  }
  return lines;
}

}  // namespace

cache::StoreJob tv_segment_job(const PlanPtr& plan, int index, const live::Board& board) {
  cache::StoreJob job;
  const std::string& segment_key = plan->segment_keys.at(0).at(static_cast<std::size_t>(index));
  job.key = sha256_hex(std::string(kBoardVersion) + "\n" + segment_key + "\n" + live::board_text(board));
  job.extension = ".ts";
  job.render = [plan, index, lines = board_lines(board)](const std::filesystem::path& out, cache::Deadline deadline) {
    const auto& segment = plan->grid.segments.at(static_cast<std::size_t>(index));
    return render::render_segment_with_board(plan->timeline, segment, plan->renditions.front().profile, lines, out,
                                             deadline);
  };
  return job;
}

EntryJob tv_entry_jobs(const PlanPtr& plan, const SlatePtr& slate, std::function<live::Board(int)> board_at) {
  return [plan, slate, board_at = std::move(board_at)](const live::ProgramEntry& entry) {
    if (entry.kind == live::EntryKind::slate) return slate_job(slate, 0);
    live::Board board = board_at(entry.index);
    // Nothing to draw: the VOD segment itself, already shared with every viewer.
    if (board.empty()) return segment_job(plan, 0, entry.index);
    return tv_segment_job(plan, entry.index, board);
  };
}

std::string tv_master_text(const StreamPlan& plan) {
  const Rendition& first = plan.renditions.front();
  playlist::Variant variant = stream_variant(first, plan.grid, estimate_bandwidth(first.profile, plan.grid));
  variant.uri = std::string(kMediaPlaylistName);
  return playlist::master_playlist({variant});
}

}  // namespace ws::stream
