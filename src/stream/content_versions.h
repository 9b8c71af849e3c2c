#pragma once
// The versions inside every content address the server hands out. A stored
// file's address is a SHA-256 over one of these and what determines its
// bytes: bumping one gives every file of its kind a new address (no stale
// bytes are ever served, a CDN may cache forever); leaving them alone keeps
// every cache warm.
namespace ws::stream {

// MPEG-TS segments: bumped whenever the renderer's code changes what it writes.
inline constexpr const char* kRendererVersion = "ws-segment-3";

// Files derived from a segment (fMP4 init segments and fragments, keyframe
// files): bumped when the derived bytes change for the same segment.
inline constexpr const char* kCmafVersion = "cmaf-1";

// The "Paused" slate of live classes: bumped when what it shows changes.
inline constexpr const char* kSlateVersion = "slate-1";

// A live class's TV segments, the class board drawn over a workout
// segment: bumped when the board's drawing changes.
inline constexpr const char* kBoardVersion = "board-1";

// The MP4 download remuxed from a rendition's segments.
inline constexpr const char* kDownloadVersion = "mp4-download-1";

}  // namespace ws::stream
