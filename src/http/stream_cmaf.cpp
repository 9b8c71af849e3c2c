// fMP4/CMAF routes under /streams/{id}/cmaf/: the HLS master and media
// playlists, the DASH MPD, init segments and fragments (stream_common.h
// answers them). A fragment is derived from its MPEG-TS segment (rendered
// first if need be), so both containers share one render and one encode.
#include "http/handlers.h"
#include "http/stream_common.h"
#include "stream/layout.h"

namespace ws::http {

void add_cmaf_routes(Router& router, Services& s) {
  const std::string cmaf = std::string(stream::kCmafDir) + "/";
  add_stream_file_route(router, s, cmaf + std::string(stream::kMasterName));
  add_stream_file_route(router, s, cmaf + std::string(stream::kDashManifestName));
  add_stream_file_route(router, s, cmaf + "{track}/{file}");
}

}  // namespace ws::http
