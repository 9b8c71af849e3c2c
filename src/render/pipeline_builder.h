#pragma once
// A GstPipeline from a validated PipelineSpec: elements made and named as in
// the spec, properties set as typed values (placeholders filled from
// `params`), links made; links from sometimes pads (demuxers) are made when
// the pad appears. Elements are then found by name with pipeline_element.
#include <string>

#include "glib_support/gobject_ptr.h"
#include "common/result.h"
#include "render/pipeline_spec.h"

namespace ws::render {

// Errors: internal "render_pipeline", naming the spec file and the element
// (missing or mistyped param, value out of range, link refused).
Result<GstPipelinePtr> build_pipeline(const PipelineSpec& spec, const ParamMap& params);

// A new reference to the element called `name`, or nullptr.
GstObjectPtr<GstElement> pipeline_element(GstElement* pipeline, const std::string& name);

}  // namespace ws::render
