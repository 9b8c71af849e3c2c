#pragma once
// What every stream route shares: finding (or making) a workout's plan off
// the main loop, checking the signed query, and answering a file of the
// stream (stream::resolve says what it is) with its cache rules.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "http/exchange.h"
#include "http/router.h"
#include "http/services.h"
#include "stream/stream_plan.h"

namespace ws::http {

using PlanPtr = stream::PlanPtr;
using PlanUser = std::function<void(const PlanPtr&)>;

// Segments and other content-addressed files never change.
inline constexpr const char* kSegmentCacheControl = "public, max-age=31536000, immutable";

// Runs `use` on any thread with the workout's plan, answering the error
// itself when there is none (unknown id: 404; database or pool full: 503).
void with_plan(Services& s, const std::string& id, const ResponderPtr& responder, PlanUser use);

// GET /streams/{id}/<below_id>, where `below_id` is a file's path
// ("master.m3u8") or a pattern of them ("{rendition}/{file}"): the signed
// query checked, a name no stream has refused (404) before the plan is looked
// up, then the file's text, or its media file rendered or derived if need be
// (404 past the stream's last segment).
void add_stream_file_route(Router& router, Services& s, const std::string& below_id);

// Answers a stored media file (immutable, its content address as ETag) or
// the render's failure: what the scheduler calls back with.
cache::RenderDone answer_stored(const ResponderPtr& responder, std::string content_type);

// 503 stays 503 (the client may retry); any other render failure is ours:
// 500 render_failed, "<what> could not be rendered".
Response render_failure(const Error& error, const std::string& what = "the segment");

// Queues renders of segments [from, from + count) of `rendition` ahead of the player.
void prefetch(Services& s, const PlanPtr& plan, std::size_t rendition, int from, int count);

}  // namespace ws::http
