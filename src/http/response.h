#pragma once
// What a handler answers: status, body and headers, built off the main loop if
// need be and handed to the libsoup thread by the Responder.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <boost/json/value.hpp>
#include <glib.h>

#include "common/result.h"

namespace ws::http {

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  // A file's bytes (memory-mapped) sent instead of `body`, without a copy.
  std::shared_ptr<GBytes> file;
  // `body` gzip-compressed ahead of time (a text made once and answered many
  // times): sent as is when the answer is compressed.
  std::shared_ptr<const std::string> gzipped;
  std::vector<std::pair<std::string, std::string>> headers;

  Response& header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
};

int status_for(ErrorKind kind);

Response json_response(int status, const boost::json::value& body);
// 204: done, nothing to say.
Response no_content();

// {"error": {"code": ..., "message": ..., "field": ...}} with the status of its kind.
Response error_response(const Error& error);
Response error_response(ErrorKind kind, std::string code, std::string message,
                        std::string field = {});

// 503 + Retry-After when a bounded queue refuses work.
Response busy_response();

// The file at `path`, memory-mapped (no copy; the mapping outlives an unlink),
// or a 404 when it cannot be read.
Response file_response(const std::string& path, std::string content_type,
                       const char* cache_control);

// The same for a file whose bytes never change under its path (a
// content-addressed segment): its mapping is kept and shared (MappedFiles).
Response immutable_file_response(const std::string& path, std::string content_type,
                                 const char* cache_control);

}  // namespace ws::http
