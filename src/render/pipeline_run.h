#pragma once
// Running a built pipeline to its end: start it, wait on its bus for EOS or an
// error until a deadline. Shared by every render pipeline.
#include <chrono>
#include <string>

#include <gst/gst.h>

#include "common/result.h"

namespace ws::render {

// The error codes one kind of run reports: `failed` (internal) when the
// pipeline refuses to start or posts an error, `timeout` (unavailable) when
// the deadline passes. `what` starts every message ("segment render").
struct RunErrors {
  std::string what, failed, timeout;
};

// The text of an ERROR message, with its debug details.
std::string error_text(GstMessage* message);

// The first ERROR waiting on the bus, "" when none: a cheap check between pushes.
std::string pending_error(GstElement* pipeline);

Status start_pipeline(GstElement* pipeline, const RunErrors& errors);

// Waits for EOS, an ERROR or the deadline (time_point::max(): no deadline).
Status wait_for_eos(GstElement* pipeline, std::chrono::steady_clock::time_point deadline, const RunErrors& errors);

Error run_failure(const RunErrors& errors, const std::string& message);
Error run_timeout(const RunErrors& errors);

}  // namespace ws::render
