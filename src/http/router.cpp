#include "http/router.h"

#include <algorithm>
#include <stdexcept>

#include <glib.h>

#include "glib_support/gobject_ptr.h"

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

std::string param_name(const std::string& segment) {
  if (segment == "{*}") return "*";
  return segment.substr(1, segment.size() - 2);
}

[[noreturn]] void refuse(const std::string& method, const std::string& pattern, const std::string& why) {
  throw std::logic_error("route " + method + " " + pattern + ": " + why);
}

}  // namespace

void Router::add(std::string method, std::string pattern, Handler handler) {
  add(std::move(method), std::move(pattern), {}, std::move(handler));
}

std::vector<Router::Part> Router::parts_of(const std::string& method, const std::string& pattern,
                                           const std::vector<std::string>& segments) {
  std::vector<Part> parts;
  std::vector<std::string> names;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const std::string& segment = segments[i];
    bool braced = segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
    if (!braced) {
      if (segment.find_first_of("{}") != std::string::npos) refuse(method, pattern, "malformed segment");
      parts.push_back(Part::literal);
      continue;
    }
    std::string name = param_name(segment);
    if (name != "*" && name.find_first_of("{}*") != std::string::npos) refuse(method, pattern, "malformed parameter");
    if (name == "*" && i + 1 != segments.size()) refuse(method, pattern, "{*} must be the last segment");
    if (std::find(names.begin(), names.end(), name) != names.end()) refuse(method, pattern, "{" + name + "} appears twice");
    names.push_back(name);
    parts.push_back(name == "*" ? Part::rest : Part::param);
  }
  return parts;
}

// Same method, and the same segments once parameter names are set aside.
bool Router::same_shape(const Entry& a, const Entry& b) {
  if (a.route->method != b.route->method || a.parts != b.parts) return false;
  for (std::size_t i = 0; i < a.parts.size(); ++i) {
    if (a.parts[i] == Part::literal && a.segments[i] != b.segments[i]) return false;
  }
  return true;
}

void Router::add(std::string method, std::string pattern, std::vector<Guard> guards, Handler handler) {
  Entry entry;
  entry.segments = split(pattern);
  entry.parts = parts_of(method, pattern, entry.segments);
  entry.route = std::make_shared<const Route>(
      Route{std::move(method), std::move(pattern), std::move(guards), std::move(handler)});
  for (const auto& other : entries_) {
    if (same_shape(entry, other)) {
      refuse(entry.route->method, entry.route->pattern, "already routed as " + other.route->pattern);
    }
  }
  entries_.push_back(std::move(entry));
}

std::optional<PathParams> Router::matches(const Entry& entry, const std::vector<std::string>& segments) {
  PathParams params;
  for (std::size_t i = 0; i < entry.parts.size(); ++i) {
    if (entry.parts[i] == Part::rest) {
      std::string rest;
      for (std::size_t j = i; j < segments.size(); ++j) rest += (j > i ? "/" : "") + segments[j];
      params.emplace_back("*", std::move(rest));
      return params;
    }
    if (i >= segments.size()) return std::nullopt;
    if (entry.parts[i] == Part::param) {
      params.emplace_back(param_name(entry.segments[i]), segments[i]);
    } else if (entry.segments[i] != segments[i]) {
      return std::nullopt;
    }
  }
  if (entry.parts.size() != segments.size()) return std::nullopt;
  return params;
}

// From the left, the first segment where the patterns differ decides
// (literal > {name} > {*}). A pattern that ends there beats one whose {*}
// would match nothing.
bool Router::more_specific(const Entry& a, const Entry& b) {
  constexpr int kEnded = static_cast<int>(Part::literal) + 1;
  for (std::size_t i = 0; i < std::max(a.parts.size(), b.parts.size()); ++i) {
    int x = i < a.parts.size() ? static_cast<int>(a.parts[i]) : kEnded;
    int y = i < b.parts.size() ? static_cast<int>(b.parts[i]) : kEnded;
    if (x != y) return x > y;
  }
  return false;
}

Router::Match Router::match(const std::string& method, const std::vector<std::string>& segments) const {
  Match result;
  const Entry* best = nullptr;
  for (const auto& entry : entries_) {
    auto params = matches(entry, segments);
    if (!params) continue;
    const std::string& route_method = entry.route->method;
    if (std::find(result.allowed.begin(), result.allowed.end(), route_method) == result.allowed.end()) {
      result.allowed.push_back(route_method);
    }
    bool same_method = route_method == method || (method == "HEAD" && route_method == "GET");
    if (same_method && (!best || more_specific(entry, *best))) {
      best = &entry;
      result.params = std::move(*params);
    }
  }
  if (best) result.route = best->route;
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
  for (const auto& entry : entries_) out.emplace_back(entry.route->method, entry.route->pattern);
  return out;
}

}  // namespace ws::http
