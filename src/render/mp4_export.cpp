// The segments' bytes are pushed one after the other into a single tsdemux:
// MPEG-TS is made to be concatenated, and render_segment's timestamps already
// run on from one segment to the next, so no timestamp is rewritten here.
#include "render/mp4_export.h"

#include <gst/app/gstappsrc.h>

#include <chrono>
#include <fstream>

#include "render/pipeline_builder.h"
#include "render/pipeline_catalog.h"
#include "render/pipeline_run.h"
#include "render/temp_file.h"

namespace ws::render {

namespace fs = std::filesystem;

namespace {

const RunErrors kErrors{"mp4 export", "export_failed", "export_timeout"};
constexpr size_t kChunkBytes = 1 << 20;

Status push_file(GstElement* pipeline, GstElement* src, const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return run_failure(kErrors, "cannot read " + path.string());
  while (in) {
    GstBufferPtr buffer(gst_buffer_new_allocate(nullptr, kChunkBytes, nullptr));
    GstMapInfo map;
    gst_buffer_map(buffer.get(), &map, GST_MAP_WRITE);
    in.read(reinterpret_cast<char*>(map.data), static_cast<std::streamsize>(kChunkBytes));
    gst_buffer_unmap(buffer.get(), &map);
    gst_buffer_set_size(buffer.get(), static_cast<gssize>(in.gcount()));
    if (in.gcount() == 0) break;
    if (gst_app_src_push_buffer(GST_APP_SRC(src), buffer.release()) != GST_FLOW_OK) {
      return run_failure(kErrors, "push failed: " + pending_error(pipeline));
    }
  }
  return {};
}

Status check_inputs(const std::vector<fs::path>& ts_segments) {
  if (ts_segments.empty()) return make_error(ErrorKind::invalid_argument, "no_segments", "no segments to export");
  for (const fs::path& ts : ts_segments) {
    if (!fs::is_regular_file(ts)) {
      return make_error(ErrorKind::not_found, "segment_not_found", "segment not found: " + ts.string());
    }
  }
  return {};
}

// Generous: remuxing is I/O bound, about a second per few hundred segments.
std::chrono::steady_clock::time_point deadline_for(size_t segments) {
  return std::chrono::steady_clock::now() + std::chrono::seconds(60 + segments);
}

}  // namespace

Status concat_segments_to_mp4(const std::vector<fs::path>& ts_segments, const fs::path& out_mp4,
                              const std::string& pipelines_dir) {
  WS_RETURN_IF_ERROR(check_inputs(ts_segments));
  WS_RETURN_IF_ERROR(prepare_dir(out_mp4, kErrors.failed));
  TempFile tmp(out_mp4, kErrors.failed);
  WS_ASSIGN_OR_RETURN(GstPipelinePtr pipeline, build_pipeline_from(pipelines::mp4_remux(), pipelines_dir,
                                                                    {{"location", tmp.path().string()}}));
  GstObjectPtr<GstElement> src = pipeline_element(pipeline.get(), "src");
  WS_RETURN_IF_ERROR(start_pipeline(pipeline.get(), kErrors));
  for (const fs::path& ts : ts_segments) WS_RETURN_IF_ERROR(push_file(pipeline.get(), src.get(), ts));
  gst_app_src_end_of_stream(GST_APP_SRC(src.get()));
  Status st = wait_for_eos(pipeline.get(), deadline_for(ts_segments.size()), kErrors);
  src.reset();
  pipeline.reset();  // NULL state: the muxer has written the moov and closed the file
  WS_RETURN_IF_ERROR(st);
  return tmp.commit();
}

}  // namespace ws::render
