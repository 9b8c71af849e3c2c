#include "http/stream_common.h"

#include "common/logging.h"
#include "db/workout_repository.h"
#include "http/negotiation.h"
#include "http/request_parsing.h"
#include "http/stream_signing.h"

namespace ws::http {
namespace {

// VOD playlists change only when the server's settings do: kept an hour,
// then revalidated (ETag) rather than fetched again.
constexpr const char* kPlaylistCacheControl = "public, max-age=3600, must-revalidate";

Response workout_not_found(const std::string& id) {
  return error_response(ErrorKind::not_found, "workout_not_found", "no workout with id " + id, "id");
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

std::optional<std::string> checked_query(Services& s, const Request& request, const ResponderPtr& responder) {
  auto exp = request.query_value("exp");
  auto sig = request.query_value("sig");
  if (Status ok = s.signer.check(request.path_params.at(0), exp, sig, unix_now()); !ok) {
    responder->respond(error_response(ok.error()));
    return std::nullopt;
  }
  // Both checked: digits and the hex HMAC, safe to write back into playlists.
  return s.signer.enabled() ? "?exp=" + *exp + "&sig=" + *sig : "";
}

Response playlist_response(std::string text, const char* content_type) {
  Response response;
  response.content_type = content_type;
  response.body = std::move(text);
  response.header("Cache-Control", kPlaylistCacheControl).header("ETag", etag_for(response.body));
  return response;
}

Response render_failure(const Error& error, const std::string& what) {
  if (error.kind == ErrorKind::unavailable) return error_response(error);
  return error_response(ErrorKind::internal, "render_failed", what + " could not be rendered");
}

Response stored_file_response(const std::filesystem::path& path, const std::string& key,
                              std::string content_type) {
  // The content address is the perfect validator: same address, same bytes.
  return immutable_file_response(path.string(), std::move(content_type), kSegmentCacheControl)
      .header("ETag", "\"" + key.substr(0, 32) + "\"");
}

void serve_stored(Services& s, cache::RenderJob job, std::string content_type, const ResponderPtr& responder) {
  std::string key = job.key;
  s.renders.request(std::move(job), [responder, key, content_type](const Result<std::filesystem::path>& stored) {
    if (!stored) return responder->respond(render_failure(stored.error()));
    responder->respond(stored_file_response(*stored, key, content_type));
  });
}

void serve_derived(Services& s, cache::RenderJob source, cache::DeriveJob derive, std::string content_type,
                   const ResponderPtr& responder) {
  s.renders.request_derived(std::move(source), std::move(derive),
                            [responder, content_type](const Result<std::filesystem::path>& stored) {
                              if (!stored) return responder->respond(render_failure(stored.error()));
                              // The store names each file after its content address.
                              responder->respond(stored_file_response(*stored, stored->stem().string(), content_type));
                            });
}

void prefetch(Services& s, const PlanPtr& plan, std::size_t rendition, int from, int count) {
  const auto& renditions = s.streams.renditions();
  int end = std::min<int>(from + count, static_cast<int>(plan->grid.segments.size()));
  for (int k = std::max(0, from); k < end; ++k) {
    s.renders.prefetch(cache::segment_job(plan, renditions.at(rendition), rendition, k));
  }
}

Response stream_file_not_found() {
  return error_response(ErrorKind::not_found, "not_found", "no such stream file");
}

Response segment_not_found() {
  return error_response(ErrorKind::not_found, "segment_not_found", "no such segment");
}

}  // namespace ws::http
