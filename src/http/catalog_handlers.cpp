// GET /api/exercises, /api/exercises/{id}, /api/categories; POST /api/exercises.
#include <filesystem>

#include <boost/json/serialize.hpp>

#include "db/exercise_repository.h"
#include "http/api_json.h"
#include "http/auth.h"
#include "http/handlers.h"
#include "http/negotiation.h"
#include "http/request_parsing.h"
#include "render/media_probe.h"

namespace ws::http {
namespace {

// A cacheable catalog answer (negotiate() turns it into a 304 when the
// client already has this version).
Response cached_answer(const CachedBody& entry) {
  Response response;
  response.body = entry.body;
  // Clients and CDNs may keep it but must revalidate: the catalog can change.
  return response.header("ETag", entry.etag).header("Cache-Control", "no-cache");
}

// Serves `key` from the catalog cache, or loads it with `load` on a database
// worker, stores it (unless the catalog changed meanwhile) and serves it.
void serve_cached(Services& s, const ResponderPtr& responder,
                  const std::string& key,
                  std::function<Result<boost::json::value>(db::Connection&)> load) {
  if (auto cached = s.catalog_cache.find(key)) return responder->respond(cached_answer(*cached));
  std::uint64_t generation = s.catalog_cache.generation();
  answer_from_db(s, responder, [&s, key, generation, load](db::Connection& c) {
    auto value = load(c);
    if (!value) return error_response(value.error());
    CachedBody entry;
    entry.body = boost::json::serialize(*value);
    entry.etag = etag_for(entry.body);
    run_on_main_loop(s.main_context, [&s, key, generation, entry] {
      s.catalog_cache.store(key, generation, entry);
    });
    return cached_answer(entry);
  });
}

db::ExerciseFilter to_filter(const ExerciseQuery& query) {
  db::ExerciseFilter filter;
  filter.difficulty = query.difficulty;
  filter.category = query.category;
  filter.muscle = query.muscle;
  filter.equipment = query.equipment;
  filter.no_jump = query.no_jump;
  return filter;
}

void list_exercises(Services& s, Request& request, const ResponderPtr& responder) {
  auto query = parse_exercise_query(request.query);
  if (!query) return responder->respond(error_response(query.error()));
  serve_cached(s, responder, "exercises?" + query->key(),
               [filter = to_filter(*query)](db::Connection& c) -> Result<boost::json::value> {
                 auto rows = db::list_exercises(c, filter);
                 if (!rows) return rows.error();
                 return exercises_to_json(*rows);
               });
}

void list_categories(Services& s, const ResponderPtr& responder) {
  serve_cached(s, responder, "categories",
               [](db::Connection& c) -> Result<boost::json::value> {
                 auto rows = db::list_categories(c);
                 if (!rows) return rows.error();
                 return categories_to_json(*rows);
               });
}

Error exercise_not_found(const std::string& id) {
  return make_error(ErrorKind::not_found, "exercise_not_found", "no exercise with id " + id, "id");
}

void get_exercise(Services& s, Request& request, const ResponderPtr& responder) {
  std::string id = request.path_params.at(0);
  if (!is_uuid(id)) return responder->respond(error_response(exercise_not_found(id)));
  answer_from_db(s, responder, [id](db::Connection& c) {
    auto row = db::get_exercise(c, id);
    if (!row) return error_response(row.error());
    return json_response(200, exercise_to_json(*row));
  });
}

// The clip must be a real, decodable video inside the media folder.
Status check_media(const config::Media& media, const Exercise& exercise) {
  namespace fs = std::filesystem;
  fs::path clip = fs::path(media.media_dir) / exercise.video_url;
  auto info = render::probe_media(clip);
  if (!info) {
    Error error = info.error();
    error.field = "video_url";
    return error;
  }
  if (!info->has_video) {
    return make_error(ErrorKind::unprocessable, "clip_not_decodable",
                      "video_url: '" + exercise.video_url + "' has no video stream", "video_url");
  }
  if (!exercise.thumbnail_url.empty() &&
      !fs::is_regular_file(fs::path(media.media_dir) / exercise.thumbnail_url)) {
    return make_error(ErrorKind::unprocessable, "thumbnail_not_found",
                      "thumbnail_url: '" + exercise.thumbnail_url + "' does not exist",
                      "thumbnail_url");
  }
  return Status::Ok();
}

void create_exercise(Services& s, Request& request, const ResponderPtr& responder) {
  if (Status allowed = check_admin(request, s.config.server); !allowed) {
    return responder->respond(error_response(allowed.error()));
  }
  auto body = parse_json_body(request.body);
  if (!body) return responder->respond(error_response(body.error()));
  auto exercise = parse_create_exercise(*body);
  if (!exercise) return responder->respond(error_response(exercise.error()));

  // Probing decodes the file: a blocking job, then the insert on a DB worker.
  bool queued = s.blocking.try_submit([&s, responder, exercise = std::move(exercise.value())](
                                          std::size_t) {
    if (Status media = check_media(s.config.media, exercise); !media) {
      return responder->respond(error_response(media.error()));
    }
    answer_from_db(s, responder, [&s, exercise](db::Connection& c) {
      auto stored = db::insert_exercise(c, exercise);
      if (!stored) return error_response(stored.error());
      run_on_main_loop(s.main_context, [&s] { s.catalog_cache.invalidate(); });
      Response created = json_response(201, exercise_to_json(*stored));
      return created.header("Location", "/api/exercises/" + stored->id);
    });
  });
  if (!queued) {
    responder->respond(busy_response());
  }
}

}  // namespace

void add_catalog_routes(Router& router, Services& s) {
  router.add("GET", "/api/exercises",
             [&s](Request& rq, const ResponderPtr& rs) { list_exercises(s, rq, rs); });
  router.add("POST", "/api/exercises",
             [&s](Request& rq, const ResponderPtr& rs) { create_exercise(s, rq, rs); });
  router.add("GET", "/api/exercises/{id}",
             [&s](Request& rq, const ResponderPtr& rs) { get_exercise(s, rq, rs); });
  router.add("GET", "/api/categories",
             [&s](Request&, const ResponderPtr& rs) { list_categories(s, rs); });
}

}  // namespace ws::http
