#pragma once
// Content address of a rendered segment: a canonical text of everything that
// determines its bytes, and a 64-bit FNV-1a hash of that text.
//
// The text covers: the clock (fps, audio rate, transition), the timeline's
// total length and rounds (the overlays show remaining time and "round r/n"),
// the segment's frame and sample range, every interval overlapping the
// segment widened by transition_frames (cross-fades reach into neighbours),
// and a caller-supplied render profile (resolution, bitrates, pipeline
// version: what render/ knows and timeline/ does not).
// Deterministic across runs and machines: integers only, strings
// length-prefixed, intervals in timeline order; no pointers, no hash maps.
//
// Collision risk: FNV-1a 64 is not cryptographic. Accidental collisions are
// negligible (~n^2 / 2^65 for n segments: ~3e-8 at a million segments), but
// someone who controls workout input could search for one deliberately. The
// cache should therefore store the canonical text next to each segment and
// compare it on a hit (or key on a SHA-256 of the text, e.g. GLib's
// GChecksum, which the cache may use and this pure module may not).
#include <cstdint>
#include <string>
#include <string_view>

#include "timeline/segment_grid.h"
#include "timeline/timeline.h"

namespace ws::timeline {

uint64_t fnv1a64(std::string_view bytes);
std::string to_hex16(uint64_t value);  // 16 lowercase hex digits

std::string segment_canonical_text(const Timeline& timeline, const Segment& segment,
                                   std::string_view render_profile);

// to_hex16(fnv1a64(segment_canonical_text(...))).
std::string segment_fingerprint(const Timeline& timeline, const Segment& segment,
                                std::string_view render_profile);

}  // namespace ws::timeline
