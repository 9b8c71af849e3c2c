#pragma once
// The "Paused" slate live classes show while paused: per rendition one
// MPEG-TS segment as long as the grid's nominal segment, rendered once and
// stored under its content address like any segment, shared by every class.
// A pause shows it several times in a row: the slate at place n of a run is
// that segment moved n slates on in time (its timestamps only), and its
// fMP4 forms are derived from the segment at that place on the track's clock,
// so slates in a row play on without a discontinuity between them.
//
// Files, below /live/slate/ (the same names for every class):
//   {rendition}/pause_NNNNN.ts          the slate at place NNNNN
//   cmaf/{track}/init.mp4, pause_NNNNN.m4s   its fMP4 forms (track: a rendition or "audio")
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cache/render_scheduler.h"
#include "render/slate.h"
#include "stream/file_template.h"
#include "stream/layout.h"
#include "stream/stream_plan.h"
#include "timeline/settings.h"

namespace ws::stream {

inline constexpr FileTemplate kSlateTemplate{"pause_", ".ts"};
inline constexpr FileTemplate kSlateFragmentTemplate{"pause_", ".m4s"};

struct SlatePlan {
  std::vector<Rendition> renditions;
  render::SlateSpec spec;
  // The clock the slate counts on (frame rate, audio rate, nominal segment).
  timeline::SegmentGrid grid;
  std::vector<std::string> keys;  // per rendition: the slate at place 0

  // The slate at `place` on its own clock: index `place`, starting `place` slates in.
  timeline::Segment at(int place) const;
};

using SlatePtr = std::shared_ptr<const SlatePlan>;

// The slate at `place` of a run on `grid`'s clock: as long as its nominal
// segment, starting `place` slates in, numbered `place`.
timeline::Segment slate_at(const timeline::SegmentGrid& grid, int place);

// `profile_texts`: what each rendition contributes to a segment's address
// (segment_profile_text), in the ladder's order.
SlatePtr make_slate_plan(const timeline::Settings& settings, std::vector<Rendition> renditions,
                         const std::vector<std::string>& profile_texts);

// A slate file: the TS at a place, or a track's fMP4 init segment or fragment.
struct SlateFile {
  Presentation presentation = Presentation::ts;
  bool init = false;
  Track track;
  int place = 0;
  bool operator==(const SlateFile&) const = default;
};

// What `path` (below /live/slate/) names, or nothing (places beyond
// live::kMaxSlatesInARow are nothing either).
std::optional<SlateFile> parse_slate_path(const std::vector<Rendition>& ladder, std::string_view path);
std::string slate_path(const std::vector<Rendition>& ladder, const SlateFile& file);

// The render of `rendition`'s slate (place 0).
cache::StoreJob slate_job(const SlatePtr& slate, std::size_t rendition);

// The stored slate file, made first if need be: `done` gets its path or the error.
void request_slate(cache::RenderScheduler& scheduler, const SlatePtr& slate, const SlateFile& file,
                   cache::RenderDone done);

}  // namespace ws::stream
