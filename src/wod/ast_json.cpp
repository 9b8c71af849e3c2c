#include "wod/ast_json.h"

namespace ws::wod {

boost::json::value to_json(const Wod&) { return boost::json::object{}; }
boost::json::value to_json(const Form&) { return boost::json::object{}; }
boost::json::value to_json(const Movement&) { return boost::json::object{}; }

}  // namespace ws::wod
