// GET /api/exercises, /api/exercises/{id}, /api/categories; POST /api/exercises.
#include <boost/json/serialize.hpp>

#include "catalog/exercise_media.h"
#include "db/exercise_repository.h"
#include "http/handlers.h"
#include "http/middleware.h"
#include "http/negotiation.h"
#include "http/request_parsing.h"
#include "http/routes/api_json.h"

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
                 WS_ASSIGN_OR_RETURN(auto rows, db::list_exercises(c, filter));
                 return exercises_to_json(rows);
               });
}

void list_categories(Services& s, Request&, const ResponderPtr& responder) {
  serve_cached(s, responder, "categories",
               [](db::Connection& c) -> Result<boost::json::value> {
                 WS_ASSIGN_OR_RETURN(auto rows, db::list_categories(c));
                 return categories_to_json(rows);
               });
}

Error exercise_not_found(const std::string& id) {
  return make_error(ErrorKind::not_found, "exercise_not_found", "no exercise with id " + id, "id");
}

void get_exercise(Services& s, Request& request, const ResponderPtr& responder) {
  const std::string& id = request.param("id");
  if (!is_uuid(id)) return responder->respond(error_response(exercise_not_found(id)));
  answer_from_db(s, responder, [id](db::Connection& c) {
    auto row = db::get_exercise(c, id);
    if (!row) return error_response(row.error());
    return json_response(200, exercise_to_json(*row));
  });
}

void create_exercise(Services& s, Request& request, const ResponderPtr& responder) {
  auto body = parse_json_body(request.body);
  if (!body) return responder->respond(error_response(body.error()));
  auto exercise = parse_create_exercise(*body);
  if (!exercise) return responder->respond(error_response(exercise.error()));

  // Probing decodes the file: a blocking job, then the insert on a DB worker.
  bool queued = s.blocking.try_submit([&s, responder, exercise = std::move(exercise.value())](
                                          std::size_t) {
    if (Status media = catalog::check_exercise_media(s.config.media.media_dir, exercise); !media) {
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
  router.add("GET", "/api/exercises", with_services(s, list_exercises));
  router.add("POST", "/api/exercises", {admin_only(s.config.server)}, with_services(s, create_exercise));
  router.add("GET", "/api/exercises/{id}", with_services(s, get_exercise));
  router.add("GET", "/api/categories", with_services(s, list_categories));
}

}  // namespace ws::http
