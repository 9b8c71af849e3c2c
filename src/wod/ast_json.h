#pragma once
// The JSON of a Wod: what the library stores in JSONB and the API returns.
// Its shape is stable and documented in docs/wods.md ("The AST as JSON");
// "shape" carries its version, raised on any incompatible change.
#include <boost/json/value.hpp>

#include "wod/ast.h"
#include "wod/movements.h"

namespace ws::wod {

inline constexpr int kAstShapeVersion = 1;

boost::json::value to_json(const Wod& wod);
boost::json::value to_json(const Form& form);      // {"kind": "AMRAP", "duration_seconds": 1200, ...}
boost::json::value to_json(const Movement& movement);  // a catalog row, for seeding and the API

}  // namespace ws::wod
