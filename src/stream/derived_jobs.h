#pragma once
// Jobs that make a file from a stored MPEG-TS segment without encoding
// anything: a track's fMP4 init segment, a fragment placed on the track's
// clock, any other bytes-to-bytes derivation. Each is stored under a key
// made from its source segment's key and what it is, so it is immutable
// like its source. A workout's segments and the live slate share them.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "cache/render_scheduler.h"
#include "fmp4/from_ts.h"
#include "render/segment_renderer.h"
#include "timeline/segment_grid.h"

namespace ws::stream {

// What a derivation makes of the source segment's bytes.
using DeriveBytes = std::function<Result<std::vector<uint8_t>>(const std::string& ts)>;

// A job whose output is `derive(bytes of source)`. A source gone since it
// was found fails with cache::kSourceGone (the scheduler renders it again).
cache::StoreJob derived_job(std::string key, const char* extension, std::filesystem::path source, DeriveBytes derive);

// Where `segment` sits on a track's clock as an fMP4 fragment: tfdt at its
// start on the grid, sequence number index + 1, its sample count.
fmp4::TrackSlot slot_for(const timeline::SegmentGrid& grid, const timeline::Segment& segment, bool video);

// A track's init segment (video at the profile's size, or audio) made from
// the segment stored at `source` under `source_key`.
cache::StoreJob init_job(const std::string& source_key, const timeline::SegmentGrid& grid,
                         const render::RenderProfile& profile, bool video, std::filesystem::path source);

// The track's samples of `segment` (stored at `source` under `source_key`)
// as one fragment at its place on the grid.
cache::StoreJob fragment_job(const std::string& source_key, const timeline::SegmentGrid& grid,
                             const timeline::Segment& segment, bool video, std::filesystem::path source);

// Trick play: the segment's first picture (its IDR) for the whole segment.
cache::StoreJob keyframe_fragment_job(const std::string& source_key, const timeline::SegmentGrid& grid,
                                      const timeline::Segment& segment, std::filesystem::path source);

}  // namespace ws::stream
