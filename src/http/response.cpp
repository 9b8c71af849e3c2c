#include "http/response.h"

#include <boost/json/serialize.hpp>

#include <libsoup/soup.h>

#include "glib_support/gobject_ptr.h"
#include "http/mapped_files.h"

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

Response no_content() {
  Response done;
  done.status = 204;
  done.content_type.clear();
  return done;
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

namespace {

Response mapped_response(const std::optional<MappedFile>& file, std::string content_type,
                         const char* cache_control) {
  if (!file) return error_response(ErrorKind::not_found, "not_found", "cannot read the requested file");
  Response response;
  response.content_type = std::move(content_type);
  response.file = file->bytes;
  response.header("Cache-Control", cache_control);
  if (file->modified != 0) {
    GDateTime* modified = g_date_time_new_from_unix_utc(file->modified);
    GCharPtr text(soup_date_time_to_string(modified, SOUP_DATE_HTTP));
    g_date_time_unref(modified);
    response.header("Last-Modified", text.get());
  }
  return response;
}

}  // namespace

Response file_response(const std::string& path, std::string content_type,
                       const char* cache_control) {
  return mapped_response(map_file(path), std::move(content_type), cache_control);
}

Response immutable_file_response(const std::string& path, std::string content_type,
                                 const char* cache_control) {
  // One process-wide set of mappings, like the files it maps.
  static MappedFiles mapped(64u << 20);
  return mapped_response(mapped.get(path), std::move(content_type), cache_control);
}

}  // namespace ws::http
