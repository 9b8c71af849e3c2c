#include "http/router.h"

#include <glib.h>

#include "common/gobject_ptr.h"

namespace ws::http {
namespace {

std::vector<std::string> split(const std::string& path) {
  std::vector<std::string> parts;
  std::string current;
  for (char c : path) {
    if (c == '/') {
      if (!current.empty()) parts.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) parts.push_back(std::move(current));
  return parts;
}

}  // namespace

void Router::add(std::string method, std::string pattern, Handler handler) {
  auto parts = split(pattern);
  routes_.push_back({std::move(method), std::move(pattern), std::move(parts), std::move(handler)});
}

bool Router::matches(const Route& route, const std::vector<std::string>& segments,
                     std::vector<std::string>& params) {
  params.clear();
  for (std::size_t i = 0; i < route.parts.size(); ++i) {
    const std::string& part = route.parts[i];
    if (part == "{*}") {
      std::string rest;
      for (std::size_t j = i; j < segments.size(); ++j) rest += (j > i ? "/" : "") + segments[j];
      params.push_back(rest);
      return true;
    }
    if (i >= segments.size()) return false;
    if (part.size() > 2 && part.front() == '{' && part.back() == '}') {
      params.push_back(segments[i]);
    } else if (part != segments[i]) {
      return false;
    }
  }
  return route.parts.size() == segments.size();
}

Router::Match Router::match(const std::string& method,
                            const std::vector<std::string>& segments) const {
  Match result;
  std::vector<std::string> params;
  for (const auto& route : routes_) {
    if (!matches(route, segments, params)) continue;
    result.allowed.push_back(route.method);
    bool same_method = route.method == method || (method == "HEAD" && route.method == "GET");
    if (same_method && !result.handler) {
      result.handler = &route.handler;
      result.params = params;
      result.pattern = route.pattern;
    }
  }
  return result;
}

std::optional<std::vector<std::string>> decode_path(const std::string& raw_path) {
  std::vector<std::string> decoded;
  for (const auto& part : split(raw_path)) {
    // "/" and NUL may not appear once decoded: they would change the path's shape.
    GCharPtr text(g_uri_unescape_string(part.c_str(), "/"));
    if (!text) return std::nullopt;
    std::string segment(text.get());
    if (segment == "." || segment == ".." || segment.find('\\') != std::string::npos) {
      return std::nullopt;
    }
    decoded.push_back(std::move(segment));
  }
  return decoded;
}

std::vector<std::pair<std::string, std::string>> Router::routes() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& route : routes_) out.emplace_back(route.method, route.pattern);
  return out;
}

}  // namespace ws::http
