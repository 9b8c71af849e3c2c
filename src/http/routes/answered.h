#pragma once
// Route work written with the propagation macros (common/result.h) returns
// Result<Response>; answered() turns its error into the error's answer.
//
//   Result<Response> facts_of(db::Connection& c, ...) {
//     WS_ASSIGN_OR_RETURN(Member member, db::get_member(c, id));  // 404 as it comes
//     ...
//     return json_response(200, ...);
//   }
//   ... return answered(facts_of(c, ...));
#include <utility>

#include "common/result.h"
#include "http/response.h"

namespace ws::http {

inline Response answered(Result<Response> result) {
  return result ? std::move(result).value() : error_response(result.error());
}

}  // namespace ws::http
