#pragma once
// What every answer gets from the request's own headers, in one place rather
// than in each handler: a 304 when the client's If-None-Match matches the
// answer's ETag, and gzip for text manifests and JSON when the client
// accepts it (Range requests and HEAD are left to libsoup, which answers
// them from the complete body).
#include <string>

#include <libsoup/soup.h>

#include "http/response.h"
#include "stream/prepared_text.h"

namespace ws::http {

// A strong validator for a body (the streams' texts carry theirs already).
using stream::etag_for;

// True when an If-None-Match header value matches `etag` (list, "*" and weak
// validators as RFC 9110 says: weak comparison for If-None-Match).
bool etag_matches(const std::string& if_none_match, const std::string& etag);

// Rewrites `response` for the request's conditional and encoding headers.
void negotiate(SoupMessageHeaders* request_headers, Response& response);

}  // namespace ws::http
