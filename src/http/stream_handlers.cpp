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
#include "cache/cmaf_jobs.h"
#include "http/cmaf_playlists.h"
#include "http/stream_common.h"
#include "http/stream_download.h"
#include "http/stream_playlists.h"
#include "http/stream_signing.h"
#include "timeline/segment_grid.h"

namespace ws::http {
namespace {

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
          // The same stream in fMP4 (HLS protocol 7) and as DASH, over the same renders.
          {"hls_fmp4_url", base + kCmafDir + "/" + kCmafMasterName + signed_query},
          {"dash_url", base + kCmafDir + "/" + kDashManifestName + signed_query},
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

void serve_segment(Services& s, const PlanPtr& plan, std::size_t rendition, int index,
                   const ResponderPtr& responder) {
  if (index < 0 || index >= static_cast<int>(plan->grid.segments.size())) {
    return responder->respond(segment_not_found());
  }
  serve_stored(s, cache::segment_job(plan, s.streams.renditions().at(rendition), rendition, index), "video/mp2t",
               responder);
  prefetch(s, plan, rendition, index + 1, s.prefetch_segments);
}

// Trick play: segment `index`'s first picture alone, as MPEG-TS, derived
// from the segment (rendered first if need be).
void serve_keyframe(Services& s, const PlanPtr& plan, std::size_t rendition, int index,
                    const ResponderPtr& responder) {
  if (index >= static_cast<int>(plan->grid.segments.size())) {
    return responder->respond(segment_not_found());
  }
  serve_derived(s, cache::source_segment_job(plan, s.streams, cache::CmafTrack{true, rendition}, index),
                [plan, rendition, index](const std::filesystem::path& ts) {
                  return cache::ts_keyframe_job(plan, rendition, index, ts);
                },
                "video/mp2t", responder);
}

// {id}/subs/index.m3u8 and {id}/subs/sub_NNNNN.vtt: written from the plan,
// like the playlists (nothing to render).
void get_subtitles_file(Services& s, const std::string& id, const std::string& file, const std::string& query,
                        const ResponderPtr& responder) {
  int index = segment_index_from_name(file, "sub_", ".vtt");
  if (file != kMediaPlaylistName && index < 0) {
    return responder->respond(stream_file_not_found());
  }
  with_plan(s, id, responder, [responder, index, query](const PlanPtr& plan) {
    if (index < 0) {
      return responder->respond(playlist_response(with_query_on_uris(subtitles_playlist_text(*plan), query)));
    }
    if (index >= static_cast<int>(plan->grid.segments.size())) {
      return responder->respond(segment_not_found());
    }
    responder->respond(playlist_response(subtitles_segment_text(*plan, index), "text/vtt"));
  });
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
  int keyframe = segment_index_from_name(file, "iframe_", ".ts");
  bool playlist = file == kMediaPlaylistName || file == kIFramesName;
  if (rendition < 0 || (!playlist && index < 0 && keyframe < 0)) {
    return responder->respond(stream_file_not_found());
  }
  with_plan(s, id, responder, [&s, responder, rendition, index, keyframe, file, query](const PlanPtr& plan) {
    if (file == kMediaPlaylistName) {
      return responder->respond(playlist_response(with_query_on_uris(media_playlist_text(*plan), *query)));
    }
    if (file == kIFramesName) {
      return responder->respond(playlist_response(with_query_on_uris(iframe_playlist_text(*plan), *query)));
    }
    if (keyframe >= 0) return serve_keyframe(s, plan, static_cast<std::size_t>(rendition), keyframe, responder);
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
  add_cmaf_routes(router, s);
  router.add("GET", "/streams/{id}/{rendition}/{file}",
             [&s](Request& rq, const ResponderPtr& rs) { get_rendition_file(s, rq, rs); });
}

}  // namespace ws::http
