#pragma once
// Logging setup: one named spdlog logger per module, plain or JSON lines.
#include <memory>
#include <string>

#include <spdlog/formatter.h>
#include <spdlog/spdlog.h>

namespace ws::log {

struct Options {
  std::string level = "info";  // trace|debug|info|warn|error|critical|off
  bool json = false;           // one JSON object per line
};

// Installs the sink and formatter shared by every module logger. Safe to call
// again (tests do); later calls replace the format and level.
void setup(const Options& options);

// The line format every sink uses (exposed so tests can check JSON lines).
std::unique_ptr<spdlog::formatter> make_formatter(bool json);

// While one lives, the lines its thread logs carry the request's id: a
// "request_id" field in JSON lines (loggers format on the calling thread).
class RequestScope {
 public:
  explicit RequestScope(std::string request_id);
  ~RequestScope();
  RequestScope(const RequestScope&) = delete;
  RequestScope& operator=(const RequestScope&) = delete;

 private:
  std::string previous_;
};

// The logger for a module ("db", "http", "render", ...), created on first use
// with the shared sink and format.
std::shared_ptr<spdlog::logger> get(const std::string& module);


}  // namespace ws::log
