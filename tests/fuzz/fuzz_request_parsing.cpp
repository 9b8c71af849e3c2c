// Any bytes as a request body: parsing answers a value or an Error with a
// code, never crashes, never lets a non-object through.
#include <cstdint>
#include <string>

#include "http/request_parsing.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string body(reinterpret_cast<const char*>(data), size);
  auto json = ws::http::parse_json_body(body);
  if (!json) {
    if (json.error().code.empty()) __builtin_trap();
    return 0;
  }
  if (!json->is_object()) __builtin_trap();  // parse_json_body promises an object
  auto workout = ws::http::parse_create_workout(*json);
  if (!workout && workout.error().code.empty()) __builtin_trap();
  auto exercise = ws::http::parse_create_exercise(*json);
  if (!exercise && exercise.error().code.empty()) __builtin_trap();
  return 0;
}
