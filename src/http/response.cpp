#include "http/response.h"

#include <boost/json/serialize.hpp>

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "common/gobject_ptr.h"

namespace ws::http {

int status_for(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::invalid_argument: return 400;
    case ErrorKind::unauthorized: return 401;
    case ErrorKind::forbidden: return 403;
    case ErrorKind::not_found: return 404;
    case ErrorKind::conflict: return 409;
    case ErrorKind::payload_too_large: return 413;
    case ErrorKind::unprocessable: return 422;
    case ErrorKind::unavailable: return 503;
    case ErrorKind::internal: return 500;
  }
  return 500;
}

Response json_response(int status, const boost::json::value& body) {
  Response response;
  response.status = status;
  response.body = boost::json::serialize(body);
  return response;
}

Response error_response(const Error& error) {
  boost::json::object detail{{"code", error.code}, {"message", error.message}};
  if (!error.field.empty()) detail["field"] = error.field;
  Response response = json_response(status_for(error.kind), boost::json::object{{"error", detail}});
  // Errors must not be cached for long by a CDN; 503 tells clients when to retry.
  response.header("Cache-Control", "no-store");
  if (error.kind == ErrorKind::unavailable) response.header("Retry-After", "1");
  return response;
}

Response error_response(ErrorKind kind, std::string code, std::string message, std::string field) {
  return error_response(make_error(kind, std::move(code), std::move(message), std::move(field)));
}

Response busy_response() {
  return error_response(ErrorKind::unavailable, "overloaded", "the server is busy; retry shortly");
}

Response file_response(const std::string& path, std::string content_type,
                       const char* cache_control) {
  GError* raw = nullptr;
  GMappedFile* mapped = g_mapped_file_new(path.c_str(), FALSE, &raw);
  if (!mapped) {
    GErrorPtr error(raw);
    return error_response(ErrorKind::not_found, "not_found", "cannot read the requested file");
  }
  Response response;
  response.content_type = std::move(content_type);
  response.file = std::shared_ptr<GBytes>(g_mapped_file_get_bytes(mapped), g_bytes_unref);
  g_mapped_file_unref(mapped);  // the bytes keep the mapping alive
  response.header("Cache-Control", cache_control);
  GStatBuf info;
  if (g_stat(path.c_str(), &info) == 0) {
    GDateTime* modified = g_date_time_new_from_unix_utc(info.st_mtime);
    GCharPtr text(soup_date_time_to_string(modified, SOUP_DATE_HTTP));
    g_date_time_unref(modified);
    response.header("Last-Modified", text.get());
  }
  return response;
}

}  // namespace ws::http
