// Streams: POST /api/workouts/{id}/stream and POST /api/generate-workout-video
// plan a workout as a stream and answer with its URLs; GET /streams/... serves
// the playlists (written from the plan, before any encoding) and the segments
// (rendered on demand through the scheduler, then from the cache).
#include <boost/json.hpp>

#include "common/logging.h"
#include "db/workout_repository.h"
#include "http/handlers.h"
#include "http/rate_limit.h"
#include "http/negotiation.h"
#include "http/request_parsing.h"
#include "http/stream_download.h"
#include "http/stream_playlists.h"
#include "http/stream_signing.h"
#include "timeline/segment_grid.h"

namespace ws::http {
namespace {

using PlanPtr = std::shared_ptr<const cache::StreamPlan>;
using PlanUser = std::function<void(const PlanPtr&)>;

constexpr const char* kPlaylistType = "application/vnd.apple.mpegurl";
constexpr const char* kSegmentCacheControl = "public, max-age=31536000, immutable";
// VOD playlists change only when the server's settings do: kept an hour,
// then revalidated (ETag) rather than fetched again.
constexpr const char* kPlaylistCacheControl = "public, max-age=3600, must-revalidate";

Response workout_not_found(const std::string& id) {
  return error_response(ErrorKind::not_found, "workout_not_found", "no workout with id " + id, "id");
}

// Runs `use` on any thread with the workout's plan, answering the error
// itself when there is none: a plan in memory is used at once (the database
// is not needed for streams already planned); otherwise the workout is loaded
// on a database thread and planned on the blocking pool (clip probes).
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

void prefetch(Services& s, const PlanPtr& plan, std::size_t rendition, int from, int count) {
  const auto& renditions = s.streams.renditions();
  int end = std::min<int>(from + count, static_cast<int>(plan->grid.segments.size()));
  for (int k = std::max(0, from); k < end; ++k) {
    s.renders.prefetch(cache::segment_job(plan, renditions.at(rendition), rendition, k));
  }
}

boost::json::object stream_json(const Services& s, const cache::StreamPlan& plan) {
  const std::string base = "/streams/" + plan.workout_id + "/";
  const auto& grid = plan.grid;
  double duration = static_cast<double>(grid.total_frames) * grid.fps_den / grid.fps_num;
  std::string signed_query = s.signer.query_for(
      plan.workout_id, std::chrono::seconds(static_cast<long long>(duration) + 1), unix_now());
  boost::json::array renditions;
  for (const auto& r : s.streams.renditions()) {
    renditions.push_back({{"name", r.name},
                          {"playlist_url", base + r.name + "/" + kMediaPlaylistName + signed_query},
                          {"width", r.profile.width},
                          {"height", r.profile.height},
                          {"bandwidth", estimate_bandwidth(r.profile, plan.grid).peak}});
  }
  return {{"workout_id", plan.workout_id},
          {"hls_url", base + "master.m3u8" + signed_query},
          {"renditions", std::move(renditions)},
          {"duration_seconds", duration},
          {"segment_count", grid.segments.size()},
          {"segment_duration_seconds", static_cast<double>(grid.nominal_frames) * grid.fps_den / grid.fps_num}};
}

// Answers the stream's URLs at once and starts rendering its first segments,
// so the player's first request usually finds them ready.
void start_stream(Services& s, const std::string& id, const ResponderPtr& responder) {
  with_plan(s, id, responder, [&s, responder](const PlanPtr& plan) {
    prefetch(s, plan, 0, 0, std::max(1, s.prefetch_segments));
    responder->respond(json_response(200, stream_json(s, *plan)).header("Cache-Control", "no-store"));
  });
}

void generate_workout_video(Services& s, Request& request, const ResponderPtr& responder) {
  auto body = parse_json_body(request.body);
  if (!body) return responder->respond(error_response(body.error()));
  const auto* object = body->if_object();
  const auto* session = object ? object->if_contains("sessionId") : nullptr;
  if (!session || !session->is_string()) {
    return responder->respond(error_response(ErrorKind::invalid_argument, "invalid_field",
                                             "sessionId must be a workout id (string)", "sessionId"));
  }
  std::string id(session->as_string());
  for (char& c : id) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  start_stream(s, id, responder);
}

Response playlist_response(std::string text) {
  Response response;
  response.content_type = kPlaylistType;
  response.body = std::move(text);
  response.header("Cache-Control", kPlaylistCacheControl).header("ETag", etag_for(response.body));
  return response;
}

// 503 stays 503 (the client may retry); any other render failure is ours.
Response render_failure(const Error& error) {
  if (error.kind == ErrorKind::unavailable) return error_response(error);
  return error_response(ErrorKind::internal, "render_failed", "the segment could not be rendered");
}

void serve_segment(Services& s, const PlanPtr& plan, std::size_t rendition, int index,
                   const ResponderPtr& responder) {
  if (index < 0 || index >= static_cast<int>(plan->grid.segments.size())) {
    return responder->respond(error_response(ErrorKind::not_found, "segment_not_found", "no such segment"));
  }
  const auto& renditions = s.streams.renditions();
  cache::RenderJob job = cache::segment_job(plan, renditions.at(rendition), rendition, index);
  // The content address is the perfect validator: same address, same bytes.
  std::string etag = "\"" + job.key.substr(0, 32) + "\"";
  s.renders.request(std::move(job), [responder, etag](const Result<std::filesystem::path>& stored) {
    if (!stored) return responder->respond(render_failure(stored.error()));
    responder->respond(
        immutable_file_response(stored->string(), "video/mp2t", kSegmentCacheControl).header("ETag", etag));
  });
  prefetch(s, plan, rendition, index + 1, s.prefetch_segments);
}

Response vtt_response(std::string text) {
  Response response = playlist_response(std::move(text));
  response.content_type = "text/vtt";
  return response;
}

// {id}/subs/index.m3u8 and {id}/subs/sub_NNNNN.vtt: written from the plan,
// like the playlists (nothing to render).
void get_subtitles_file(Services& s, const std::string& id, const std::string& file, const std::string& query,
                        const ResponderPtr& responder) {
  int index = segment_index_from_name(file, "sub_", ".vtt");
  if (file != kMediaPlaylistName && index < 0) {
    return responder->respond(error_response(ErrorKind::not_found, "not_found", "no such stream file"));
  }
  with_plan(s, id, responder, [responder, index, query](const PlanPtr& plan) {
    if (index < 0) {
      return responder->respond(playlist_response(with_query_on_uris(subtitles_playlist_text(*plan), query)));
    }
    if (index >= static_cast<int>(plan->grid.segments.size())) {
      return responder->respond(error_response(ErrorKind::not_found, "segment_not_found", "no such segment"));
    }
    responder->respond(vtt_response(subtitles_segment_text(*plan, index)));
  });
}

// The signed query the request carried, checked ("" when signing is off), or
// nothing once a 403 has been answered: before any plan lookup or render.
std::optional<std::string> checked_query(Services& s, const Request& request,
                                         const ResponderPtr& responder) {
  auto exp = request.query_value("exp");
  auto sig = request.query_value("sig");
  if (Status ok = s.signer.check(request.path_params.at(0), exp, sig, unix_now()); !ok) {
    responder->respond(error_response(ok.error()));
    return std::nullopt;
  }
  // Both checked: digits and the hex HMAC, safe to write back into playlists.
  return s.signer.enabled() ? "?exp=" + *exp + "&sig=" + *sig : "";
}

void get_master_playlist(Services& s, Request& request, const ResponderPtr& responder) {
  auto query = checked_query(s, request, responder);
  if (!query) return;
  with_plan(s, request.path_params.at(0), responder, [&s, responder, query](const PlanPtr& plan) {
    responder->respond(
        playlist_response(with_query_on_uris(master_playlist_text(s.streams, *plan), *query)));
  });
}

void get_rendition_file(Services& s, Request& request, const ResponderPtr& responder) {
  const std::string& id = request.path_params.at(0);
  const std::string& name = request.path_params.at(1);
  const std::string& file = request.path_params.at(2);
  auto query = checked_query(s, request, responder);
  if (!query) return;
  if (name == kSubtitlesName) return get_subtitles_file(s, id, file, *query, responder);
  int rendition = s.streams.rendition_index(name);
  int index = segment_index_from_name(file);
  if (rendition < 0 || (file != kMediaPlaylistName && index < 0)) {
    return responder->respond(error_response(ErrorKind::not_found, "not_found", "no such stream file"));
  }
  with_plan(s, id, responder, [&s, responder, rendition, index, query](const PlanPtr& plan) {
    if (index < 0) {
      return responder->respond(playlist_response(with_query_on_uris(media_playlist_text(*plan), *query)));
    }
    serve_segment(s, plan, static_cast<std::size_t>(rendition), index, responder);
  });
}

// ?rendition=<name> picks the rung (default: the first, where players start).
void get_download(Services& s, Request& request, const ResponderPtr& responder) {
  if (!checked_query(s, request, responder)) return;
  auto name = request.query_value("rendition");
  int rendition = name ? s.streams.rendition_index(*name) : 0;
  if (rendition < 0) {
    return responder->respond(error_response(ErrorKind::not_found, "rendition_not_found",
                                             "no rendition called " + *name, "rendition"));
  }
  with_plan(s, request.path_params.at(0), responder, [&s, responder, rendition](const PlanPtr& plan) {
    serve_download(s, plan, static_cast<std::size_t>(rendition), responder);
  });
}

}  // namespace

void add_stream_routes(Router& router, Services& s) {
  router.add("POST", "/api/workouts/{id}/stream",
             rate_limited(s.limits.streams, [&s](Request& rq, const ResponderPtr& rs) {
               start_stream(s, rq.path_params.at(0), rs);
             }));
  router.add("POST", "/api/generate-workout-video",
             rate_limited(s.limits.streams, [&s](Request& rq, const ResponderPtr& rs) {
               generate_workout_video(s, rq, rs);
             }));
  router.add("GET", "/streams/{id}/master.m3u8",
             [&s](Request& rq, const ResponderPtr& rs) { get_master_playlist(s, rq, rs); });
  router.add("GET", "/streams/{id}/download.mp4",
             [&s](Request& rq, const ResponderPtr& rs) { get_download(s, rq, rs); });
  router.add("GET", "/streams/{id}/{rendition}/{file}",
             [&s](Request& rq, const ResponderPtr& rs) { get_rendition_file(s, rq, rs); });
}

}  // namespace ws::http
