#include "render/pipeline_parse.h"

namespace ws::render {

Result<GstPipelinePtr> parse_pipeline(const std::string& description, const std::string& what) {
  GError* raw = nullptr;
  GstPipelinePtr pipeline(gst_parse_launch(description.c_str(), &raw));
  GErrorPtr error(raw);
  if (!pipeline || error) {
    return make_error(ErrorKind::internal, "render_pipeline",
                      what + ": " + (error ? error->message : "cannot build the pipeline"));
  }
  return pipeline;
}

}  // namespace ws::render
