// Streams: POST /api/workouts/{id}/stream and POST /api/generate-workout-video
// plan a workout as a stream and answer with its URLs; GET /streams/... serves
// its files (stream_common.h: texts written from the plan before any
// encoding, segments rendered on demand through the scheduler, then from the
// cache) and the whole workout as one MP4.
#include <boost/json.hpp>

#include "http/handlers.h"
#include "http/middleware.h"
#include "http/rate_limit.h"
#include "http/request_parsing.h"
#include "http/routes/stream_files.h"
#include "http/stream_signing.h"
#include "stream/bandwidth.h"
#include "stream/download.h"
#include "stream/layout.h"

namespace ws::http {
namespace {

using stream::FileKind;
using stream::Presentation;

boost::json::object stream_json(const Services& s, const stream::StreamPlan& plan) {
  const std::string base = "/streams/" + plan.workout_id + "/";
  const auto& grid = plan.grid;
  const auto& ladder = plan.renditions;
  double duration = static_cast<double>(grid.total_frames) * grid.fps_den / grid.fps_num;
  std::string signed_query = s.signer.query_for(
      plan.workout_id, std::chrono::seconds(static_cast<long long>(duration) + 1), unix_now());
  auto url = [&](Presentation presentation, FileKind kind, stream::Track track = {}) {
    return base + stream::path_of(ladder, {presentation, kind, track}) + signed_query;
  };
  boost::json::array renditions;
  for (std::size_t r = 0; r < ladder.size(); ++r) {
    renditions.push_back({{"name", ladder[r].name},
                          {"playlist_url", url(Presentation::ts, FileKind::media_playlist, {true, r})},
                          {"width", ladder[r].profile.width},
                          {"height", ladder[r].profile.height},
                          {"bandwidth", stream::estimate_bandwidth(ladder[r].profile, grid).peak}});
  }
  return {{"workout_id", plan.workout_id},
          {"hls_url", url(Presentation::ts, FileKind::master)},
          // The same stream in fMP4 (HLS protocol 7) and as DASH, over the same renders.
          {"hls_fmp4_url", url(Presentation::cmaf, FileKind::master)},
          {"dash_url", url(Presentation::cmaf, FileKind::dash_manifest)},
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

// The stored MP4 as an attachment; its content address is its validator.
void answer_download(const ResponderPtr& responder, const std::string& filename,
                     const Result<std::filesystem::path>& stored) {
  if (!stored) return responder->respond(render_failure(stored.error(), "the workout"));
  responder->respond(file_response(stored->string(), "video/mp4", kSegmentCacheControl)
                         .header("ETag", stream::etag_from_address(stored->stem().string()))
                         .header("Content-Disposition", "attachment; filename=\"" + filename + "\""));
}

// ?rendition=<name> picks the rung (default: the first, where players start).
void get_download(Services& s, Request& request, const ResponderPtr& responder) {
  auto name = request.query_value("rendition");
  int rendition = name ? s.streams.rendition_index(*name) : 0;
  if (rendition < 0) {
    return responder->respond(error_response(ErrorKind::not_found, "rendition_not_found",
                                             "no rendition called " + *name, "rendition"));
  }
  with_plan(s, request.param("id"), responder, [&s, responder, rendition](const PlanPtr& plan) {
    auto r = static_cast<std::size_t>(rendition);
    stream::make_download(s.renders, plan, r, s.config.render.pipelines_dir,
                          [responder, filename = stream::download_file_name(*plan, r)](
                              const Result<std::filesystem::path>& stored) {
                            answer_download(responder, filename, stored);
                          });
  });
}

}  // namespace

void add_stream_routes(Router& router, Services& s) {
  router.add("POST", "/api/workouts/{id}/stream", {rate_limit(s.limits.streams)},
             [&s](Request& rq, const ResponderPtr& rs) { start_stream(s, rq.param("id"), rs); });
  router.add("POST", "/api/generate-workout-video", {rate_limit(s.limits.streams)},
             with_services(s, generate_workout_video));
  router.add("GET", "/streams/{id}/" + std::string(stream::kDownloadName), {signed_stream(s.signer, "id")},
             with_services(s, get_download));
  // Every file of the TS and the fMP4/DASH presentations: the resolver knows their names.
  const std::string cmaf = std::string(stream::kCmafDir) + "/";
  for (const std::string& below_id : {std::string(stream::kMasterName), std::string("{rendition}/{file}"),
                                      cmaf + std::string(stream::kMasterName), cmaf + std::string(stream::kDashManifestName),
                                      cmaf + "{track}/{file}"}) {
    add_stream_file_route(router, s, below_id);
  }
}

}  // namespace ws::http
