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
  router.add("GET", "/streams/{id}/cmaf/master.m3u8", [&s, cmaf](Request& rq, const ResponderPtr& rs) {
    serve_stream_file(s, rq, rs, cmaf + std::string(stream::kMasterName));
  });
  router.add("GET", "/streams/{id}/cmaf/manifest.mpd", [&s, cmaf](Request& rq, const ResponderPtr& rs) {
    serve_stream_file(s, rq, rs, cmaf + std::string(stream::kDashManifestName));
  });
  router.add("GET", "/streams/{id}/cmaf/{track}/{file}", [&s, cmaf](Request& rq, const ResponderPtr& rs) {
    serve_stream_file(s, rq, rs, cmaf + rq.path_params.at(1) + "/" + rq.path_params.at(2));
  });
}

}  // namespace ws::http
