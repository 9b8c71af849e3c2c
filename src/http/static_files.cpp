// The demo page (/), its assets (/web/...), media files (/media/...) and the
// API description (/api/openapi.json, hand-written in web/openapi.json and
// rendered by web/docs.html; a unit test keeps it in step with the routes).
#include <filesystem>
#include <map>

#include "http/handlers.h"

namespace ws::http {
namespace {

namespace fs = std::filesystem;

std::string content_type_for(const fs::path& path) {
  static const std::map<std::string, std::string> types{
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".json", "application/json"}, {".png", "image/png"}, {".jpg", "image/jpeg"},
      {".svg", "image/svg+xml"}, {".mov", "video/quicktime"}, {".mp4", "video/mp4"},
      {".map", "application/json"}, {".ico", "image/x-icon"}};
  auto it = types.find(path.extension().string());
  return it == types.end() ? "application/octet-stream" : it->second;
}

// `relative` comes from decode_path(), which already refused "..", "." and
// encoded slashes, so it cannot leave `root`.
Response serve_file(const fs::path& root, const std::string& relative, const char* cache_control) {
  fs::path path = root / relative;
  std::error_code ec;
  if (relative.empty() || !fs::is_regular_file(path, ec)) {
    return error_response(ErrorKind::not_found, "not_found", "no such file: " + relative);
  }
  return file_response(path.string(), content_type_for(path), cache_control);
}

}  // namespace

void add_static_routes(Router& router, Services& s) {
  router.add("GET", "/", [&s](Request&, const ResponderPtr& responder) {
    responder->respond(serve_file(s.config.server.web_dir, "index.html", "no-cache"));
  });
  // A live class's screen and the join page, at short addresses people type.
  router.add("GET", "/tv/{code}", [&s](Request&, const ResponderPtr& responder) {
    responder->respond(serve_file(s.config.server.web_dir, "tv.html", "no-cache"));
  });
  router.add("GET", "/join", [&s](Request&, const ResponderPtr& responder) {
    responder->respond(serve_file(s.config.server.web_dir, "join.html", "no-cache"));
  });
  router.add("GET", "/web/{*}", [&s](Request& request, const ResponderPtr& responder) {
    responder->respond(serve_file(s.config.server.web_dir, request.param("*"), "no-cache"));
  });
  router.add("GET", "/api/openapi.json", [&s](Request&, const ResponderPtr& responder) {
    responder->respond(serve_file(s.config.server.web_dir, "openapi.json", "no-cache"));
  });
  router.add("GET", "/media/{*}", [&s](Request& request, const ResponderPtr& responder) {
    responder->respond(
        serve_file(s.config.media.media_dir, request.param("*"), "public, max-age=3600"));
  });
}

}  // namespace ws::http
