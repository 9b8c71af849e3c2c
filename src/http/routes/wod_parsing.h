#pragma once
// The WOD library's body and query, validated before any database work (400
// for shape, 422 for values; the field named). Movement names in filters
// resolve through the movement catalog like the parser resolves them.
#include <map>
#include <string>

#include <boost/json/value.hpp>

#include "common/result.h"
#include "db/wod_repository.h"

namespace ws::http {

// {"source": "module wod.fran v1 { ... }"}: the source as sent.
Result<std::string> parse_wod_source(const boost::json::value& body);

// ?movements=a,b (all) &any_movements= &equipment= &form= &modality=
// &duration_min=&duration_max= (seconds) &difficulty_min=&difficulty_max=
// (0..100) &q= &limit=1..100 (20) &offset=0..10000
Result<db::WodQuery> parse_wod_query(const std::map<std::string, std::string>& query);

// The catalog's canonical name of a written movement ("Pull-ups" ->
// "pull_up"), or the normalised name an unknown one is kept under; 422
// naming `field` for a name with no letter or digit.
Result<std::string> canonical_movement(const std::string& written, const std::string& field);

}  // namespace ws::http
