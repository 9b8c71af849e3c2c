#pragma once
// fMP4/CMAF files derived from the cached MPEG-TS segments (no second
// encode): per rendition a video-only init segment and fragments, and one
// audio-only track taken from the first rendition's segments (every rung
// carries the same audio). Each derived file is stored in the same
// content-addressed store under a key made from its TS segment's key and
// what it is, so it shares the TS segment's lifetime rules and is immutable.
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

#include "cache/render_scheduler.h"
#include "cache/stream_plan.h"

namespace ws::cache {

// The track a derived file holds: a rendition's video, or the audio.
struct CmafTrack {
  bool video = true;
  std::size_t rendition = 0;  // video: which rung; audio: always the first

  static CmafTrack audio() { return {false, 0}; }
};

// The TS segment a derived file is made from (for the init segment: segment 0).
RenderJob source_segment_job(const std::shared_ptr<const StreamPlan>& plan, const StreamPlanner& planner,
                             const CmafTrack& track, int segment_index);

// The job turning the stored TS `source` into the track's init segment
// (".mp4") or its fragment `segment_index` (".m4s"), placed on the grid.
RenderJob cmaf_init_job(const std::shared_ptr<const StreamPlan>& plan, const StreamPlanner& planner,
                        const CmafTrack& track, std::filesystem::path source);
RenderJob cmaf_fragment_job(const std::shared_ptr<const StreamPlan>& plan, const CmafTrack& track,
                            int segment_index, std::filesystem::path source);
// Trick play: the fragment holding only segment `segment_index`'s first
// picture (its IDR) for the whole segment (".m4s"). Video tracks only.
RenderJob cmaf_keyframe_job(const std::shared_ptr<const StreamPlan>& plan, const CmafTrack& track,
                            int segment_index, std::filesystem::path source);
// Trick play over MPEG-TS: segment `segment_index`'s PAT, PMT and first
// picture (its IDR) as a TS of their own (".ts"), timestamps untouched.
RenderJob ts_keyframe_job(const std::shared_ptr<const StreamPlan>& plan, std::size_t rendition, int segment_index,
                          std::filesystem::path source);

}  // namespace ws::cache
