#pragma once
// One way to build a pipeline from a launch description we wrote ourselves
// (never from request input): gst_parse_launch can return a pipeline AND an
// error, so both are checked and the pipeline gets its owner at once.
#include <string>

#include "common/gobject_ptr.h"
#include "common/result.h"

namespace ws::render {

// `what` names the pipeline in the error ("clip decoder", "segment encoder").
Result<GstPipelinePtr> parse_pipeline(const std::string& description, const std::string& what);

}  // namespace ws::render
