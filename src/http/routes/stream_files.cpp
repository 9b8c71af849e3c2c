#include "http/middleware.h"
#include "http/routes/stream_files.h"

#include <filesystem>
#include <variant>

#include "common/logging.h"
#include "db/workout_repository.h"
#include "http/request_parsing.h"
#include "http/stream_signing.h"
#include "stream/cmaf_texts.h"
#include "stream/layout.h"
#include "stream/media_jobs.h"
#include "stream/resolver.h"

namespace ws::http {
namespace {

// VOD playlists change only when the server's settings do: kept an hour,
// then revalidated (ETag) rather than fetched again.
constexpr const char* kPlaylistCacheControl = "public, max-age=3600, must-revalidate";

Response workout_not_found(const std::string& id) {
  return error_response(ErrorKind::not_found, "workout_not_found", "no workout with id " + id, "id");
}

Response stream_file_not_found() {
  return error_response(ErrorKind::not_found, "not_found", "no such stream file");
}

Response segment_not_found() {
  return error_response(ErrorKind::not_found, "segment_not_found", "no such segment");
}

// Long-lived but revalidatable, its validator and gzip body made with it.
Response text_response(const std::shared_ptr<const stream::PreparedText>& text) {
  Response response;
  response.content_type = text->content_type;
  response.body = text->body;
  if (!text->gzipped.empty()) response.gzipped = std::shared_ptr<const std::string>(text, &text->gzipped);
  response.header("Cache-Control", kPlaylistCacheControl).header("ETag", text->etag);
  return response;
}

// A signed query goes on the text's URIs (or into the MPD): that text is
// this request's own, made now.
Response text_answer(const stream::StreamPlan& plan, const stream::TextAnswer& answer, const std::string& query) {
  if (query.empty() || answer.query == stream::QueryUse::none) return text_response(answer.text);
  std::string body = answer.query == stream::QueryUse::on_uris ? with_query_on_uris(answer.text->body, query)
                                                               : stream::dash_manifest_text(plan, query);
  return text_response(std::make_shared<const stream::PreparedText>(
      stream::prepare_text(std::move(body), answer.text->content_type, false)));
}

void serve_media(Services& s, const PlanPtr& plan, const stream::MediaAnswer& media, const ResponderPtr& responder) {
  stream::request_media(s.renders, plan, media.file, answer_stored(responder, media.content_type));
  if (media.prefetch_after) prefetch(s, plan, media.file.track.rendition, media.file.index + 1, s.prefetch_segments);
}

void answer_stream_file(Services& s, const PlanPtr& plan, const stream::StreamFile& file, const std::string& query,
                        const ResponderPtr& responder) {
  stream::Answer answer = stream::resolve(*plan, file);
  if (auto* text = std::get_if<stream::TextAnswer>(&answer)) {
    return responder->respond(text_answer(*plan, *text, query));
  }
  if (auto* media = std::get_if<stream::MediaAnswer>(&answer)) return serve_media(s, plan, *media, responder);
  responder->respond(segment_not_found());
}

}  // namespace

// A plan in memory is used at once (the database is not needed for streams
// already planned); otherwise the workout is loaded on a database thread and
// planned on the blocking pool (clip probes).
void with_plan(Services& s, const std::string& id, const ResponderPtr& responder, PlanUser use) {
  if (!is_uuid(id)) return responder->respond(workout_not_found(id));
  if (auto plan = s.streams.find(id)) return use(plan);
  bool queued = s.db.submit([&s, id, responder, use](db::Connection& c) {
    auto workout = db::get_workout(c, id);
    if (!workout) return responder->respond(error_response(workout.error()));
    bool planning = s.blocking.try_submit([&s, workout = std::move(workout.value()), responder, use](std::size_t) {
      try {
        auto plan = s.streams.plan(workout);
        if (!plan) return responder->respond(error_response(plan.error()));
        use(*plan);
      } catch (const std::exception& e) {
        log::get("http")->error("planning workout {} failed: {}", workout.id, e.what());
        responder->respond(error_response(ErrorKind::internal, "internal_error", "internal error"));
      }
    });
    if (!planning) responder->respond(busy_response());
  });
  if (!queued) responder->respond(busy_response());
}

namespace {

// The path below /streams/{id}/ a request names: `below_id` with each {name}
// part replaced by the route's parameter of that name.
std::string requested_path(const std::string& below_id, const Request& request) {
  std::string path;
  std::size_t start = 0;
  while (start <= below_id.size()) {
    std::size_t end = std::min(below_id.find('/', start), below_id.size());
    std::string part = below_id.substr(start, end - start);
    bool param = part.size() > 2 && part.front() == '{' && part.back() == '}';
    path += (path.empty() ? "" : "/") + (param ? request.param(part.substr(1, part.size() - 2)) : part);
    start = end + 1;
  }
  return path;
}

void serve_stream_file(Services& s, Request& request, const ResponderPtr& responder, const std::string& path) {
  auto file = stream::parse_stream_path(s.streams.renditions(), path);
  if (!file) return responder->respond(stream_file_not_found());
  with_plan(s, request.param("id"), responder,
            [&s, responder, file = *file, query = request.signed_query](const PlanPtr& plan) {
              answer_stream_file(s, plan, file, query, responder);
            });
}

}  // namespace

void add_stream_file_route(Router& router, Services& s, const std::string& below_id) {
  router.add("GET", "/streams/{id}/" + below_id, {signed_stream(s.signer, "id")}, [&s, below_id](Request& request, const ResponderPtr& responder) {
    serve_stream_file(s, request, responder, requested_path(below_id, request));
  });
}

// The store names each file after its content address, the perfect
// validator: same address, same bytes.
cache::RenderDone answer_stored(const ResponderPtr& responder, std::string content_type) {
  return [responder, type = std::move(content_type)](const Result<std::filesystem::path>& stored) {
    if (!stored) return responder->respond(render_failure(stored.error()));
    responder->respond(immutable_file_response(stored->string(), type, kSegmentCacheControl)
                           .header("ETag", stream::etag_from_address(stored->stem().string())));
  };
}

Response render_failure(const Error& error, const std::string& what) {
  if (error.kind == ErrorKind::unavailable) return error_response(error);
  return error_response(ErrorKind::internal, "render_failed", what + " could not be rendered");
}

void prefetch(Services& s, const PlanPtr& plan, std::size_t rendition, int from, int count) {
  int end = std::min(from + count, plan->segment_count());
  for (int k = std::max(0, from); k < end; ++k) s.renders.prefetch(stream::segment_job(plan, rendition, k));
}

}  // namespace ws::http
