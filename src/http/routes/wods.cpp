// The WOD library, shared by every gym: POST /api/wods {source} parses a
// WODCraft source and stores it once per normalised source (201 new, 200 the
// WOD already there); GET /api/wods/{id}; GET /api/wods searches it. Any
// signed-in account may use it.
#include <boost/json/serialize.hpp>

#include "db/wod_repository.h"
#include "http/handlers.h"
#include "http/middleware.h"
#include "http/request_parsing.h"
#include "http/routes/answered.h"
#include "http/routes/wod_json.h"
#include "http/routes/wod_parsing.h"
#include "wod/ast_json.h"
#include "wod/estimate.h"
#include "wod/parser.h"
#include "wod/source_hash.h"

namespace ws::http {
namespace json = boost::json;
namespace {

db::NewWod library_row(const std::string& source, const wod::Wod& parsed, const std::string& user_id) {
  wod::Estimate estimate = wod::estimate(parsed);
  db::NewWod row;
  row.title = parsed.title.empty() ? std::string(wod::form_name(parsed.form.kind)) : parsed.title;
  row.source = source;
  row.source_hash = wod::source_hash(source);
  row.form = wod::form_name(parsed.form.kind);
  row.ast_json = json::serialize(wod::to_json(parsed));
  row.movements = parsed.movements;
  row.equipment = parsed.equipment;
  row.modality_tags = parsed.modality_tags;
  row.duration_seconds = estimate.duration_seconds;
  row.difficulty_score = estimate.difficulty;
  row.cap_seconds = parsed.form.cap_seconds;
  row.created_by = user_id;
  return row;
}

json::array warnings_of(const wod::Wod& parsed) {
  json::array out;
  for (const auto& w : parsed.warnings) {
    out.push_back(json::object{
        {"code", w.code}, {"message", w.message}, {"line", w.position.line}, {"column", w.position.column}});
  }
  return out;
}

// 422 naming the line, the column and what the parser expected there.
Response syntax_error(const wod::SyntaxError& error) {
  Error e = wod::to_error(error);
  json::object detail{{"code", e.code}, {"message", e.message}, {"field", e.field}};
  for (auto& [key, value] : wod::to_json(error)) {
    if (key != "message") detail[key] = value;
  }
  return json_response(422, json::object{{"error", std::move(detail)}});
}

Result<Response> save(db::Connection& c, const db::NewWod& row, const json::array& warnings) {
  WS_ASSIGN_OR_RETURN(db::SavedWod saved, db::save_wod(c, row));
  json::object body = wod_to_json(saved.wod);
  body["warnings"] = warnings;
  return json_response(saved.created ? 201 : 200, body).header("Location", "/api/wods/" + saved.wod.summary.id);
}

void create_wod(Services& s, Request& request, const ResponderPtr& responder) {
  auto source = parse_body_with(request.body, parse_wod_source);
  if (!source) return responder->respond(error_response(source.error()));
  auto parsed = wod::parse_wod(*source);
  if (!parsed) return responder->respond(syntax_error(parsed.error()));
  answer_from_db(s, responder,
                 [row = library_row(*source, parsed.value(), request.user_id),
                  warnings = warnings_of(parsed.value())](db::Connection& c) { return answered(save(c, row, warnings)); });
}

Result<Response> read(db::Connection& c, const std::string& id) {
  WS_ASSIGN_OR_RETURN(StoredWod wod, db::get_wod(c, id));
  return json_response(200, wod_to_json(wod));
}

void get_wod(Services& s, Request& request, const ResponderPtr& responder) {
  answer_from_db(s, responder, [id = request.param("id")](db::Connection& c) { return answered(read(c, id)); });
}

Result<Response> search(db::Connection& c, const db::WodQuery& query) {
  WS_ASSIGN_OR_RETURN(auto wods, db::search_wods(c, query));
  return json_response(200, json::object{{"wods", json_array(wods, wod_summary_to_json)},
                                         {"limit", query.limit},
                                         {"offset", query.offset}});
}

void search_wods(Services& s, Request& request, const ResponderPtr& responder) {
  auto query = parse_wod_query(request.query);
  if (!query) return responder->respond(error_response(query.error()));
  answer_from_db(s, responder, [query = *query](db::Connection& c) { return answered(search(c, query)); });
}

}  // namespace

void add_wod_routes(Router& router, Services& s) {
  router.add("POST", "/api/wods", {signed_in(s)}, with_services(s, create_wod));
  router.add("GET", "/api/wods", {signed_in(s)}, with_services(s, search_wods));
  router.add("GET", "/api/wods/{id}", {signed_in(s)}, with_services(s, get_wod));
}

}  // namespace ws::http
