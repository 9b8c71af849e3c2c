#pragma once
// What every stream route shares: finding (or making) a workout's plan off
// the main loop, checking the signed query, and the answers for playlists,
// subtitles and stored media files with their cache rules.
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "cache/render_scheduler.h"
#include "cache/stream_plan.h"
#include "http/exchange.h"
#include "http/services.h"

namespace ws::http {

using PlanPtr = std::shared_ptr<const cache::StreamPlan>;
using PlanUser = std::function<void(const PlanPtr&)>;

// Segments and other content-addressed files never change.
inline constexpr const char* kSegmentCacheControl = "public, max-age=31536000, immutable";

// Runs `use` on any thread with the workout's plan, answering the error
// itself when there is none (unknown id: 404; database or pool full: 503).
void with_plan(Services& s, const std::string& id, const ResponderPtr& responder, PlanUser use);

// The signed query the request carried, checked ("" when signing is off), or
// nothing once a 403 has been answered: before any plan lookup or render.
std::optional<std::string> checked_query(Services& s, const Request& request, const ResponderPtr& responder);

// Long-lived but revalidatable (ETag from the text).
Response playlist_response(std::string text, const char* content_type = "application/vnd.apple.mpegurl");

// 503 stays 503 (the client may retry); any other render failure is ours:
// 500 render_failed, "<what> could not be rendered".
Response render_failure(const Error& error, const std::string& what = "the segment");

// A stored file under content address `key`: immutable, ETag from the key.
Response stored_file_response(const std::filesystem::path& path, const std::string& key,
                              std::string content_type);

// The store's file for `job`, rendered first if need be, answered as
// `content_type` (or the render's error).
void serve_stored(Services& s, cache::RenderJob job, std::string content_type, const ResponderPtr& responder);

// The file `derive` makes from `source`'s stored file (both rendered first
// if need be; the source again if it was evicted in between), answered as
// `content_type`.
void serve_derived(Services& s, cache::RenderJob source, cache::DeriveJob derive, std::string content_type,
                   const ResponderPtr& responder);

// Queues renders of segments [from, from + count) of `rendition` ahead of the player.
void prefetch(Services& s, const PlanPtr& plan, std::size_t rendition, int from, int count);

Response stream_file_not_found();
// 404 segment_not_found: an index past the stream's last segment.
Response segment_not_found();

}  // namespace ws::http
