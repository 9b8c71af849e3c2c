#pragma once
// The pipeline descriptions render builds (files in the pipelines folder), the
// contract its code holds each to, and a process-wide cache so each file is
// read and validated once (the demo clip encoder's description goes through
// it too, with its own contract).
#include <memory>
#include <string>

#include "glib_support/gobject_ptr.h"
#include "common/result.h"
#include "render/pipeline_spec.h"

namespace ws::render {

namespace pipelines {
const PipelineContract& segment_encoder();  // segment_encoder.json
const PipelineContract& clip_decoder();     // clip_decoder.json
const PipelineContract& mp4_remux();        // mp4_remux.json (offline MP4 export)
}  // namespace pipelines

// Loaded and validated on first use, then shared (specs are immutable).
// Failures are not cached, so a fixed file is picked up on the next call.
Result<std::shared_ptr<const PipelineSpec>> cached_pipeline_spec(const PipelineContract& contract,
                                                                 const std::string& dir);

// cached_pipeline_spec + build_pipeline.
Result<GstPipelinePtr> build_pipeline_from(const PipelineContract& contract, const std::string& dir,
                                           const ParamMap& params);

// Loads and validates every description render uses (needs gst_init), for
// the server's start-up check. The error names the file and element at fault.
Status validate_pipeline_dir(const std::string& dir);

}  // namespace ws::render
