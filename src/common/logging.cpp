#include "common/logging.h"

#include <mutex>

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_color_sinks.h>

#include "common/json_util.h"

namespace ws::log {
namespace {

std::mutex g_mutex;
spdlog::sink_ptr g_sink;
Options g_options;

// %j: the message payload escaped as a JSON string body, so JSON lines stay
// valid whatever the message contains.
class JsonEscapedMessage final : public spdlog::custom_flag_formatter {
 public:
  void format(const spdlog::details::log_msg& msg, const std::tm&,
              spdlog::memory_buf_t& dest) override {
    std::string escaped = json_escape({msg.payload.data(), msg.payload.size()});
    dest.append(escaped.data(), escaped.data() + escaped.size());
  }
  std::unique_ptr<custom_flag_formatter> clone() const override {
    return std::make_unique<JsonEscapedMessage>();
  }
};

thread_local std::string t_request_id;

// %Q: `,"request_id":"..."` inside a RequestScope, nothing outside one.
class RequestIdField final : public spdlog::custom_flag_formatter {
 public:
  void format(const spdlog::details::log_msg&, const std::tm&, spdlog::memory_buf_t& dest) override {
    if (t_request_id.empty()) return;
    std::string field = R"(,"request_id":")" + json_escape(t_request_id) + "\"";
    dest.append(field.data(), field.data() + field.size());
  }
  std::unique_ptr<custom_flag_formatter> clone() const override {
    return std::make_unique<RequestIdField>();
  }
};

}  // namespace

RequestScope::RequestScope(std::string request_id) : previous_(std::move(t_request_id)) {
  t_request_id = std::move(request_id);
}

RequestScope::~RequestScope() { t_request_id = std::move(previous_); }

std::unique_ptr<spdlog::formatter> make_formatter(bool json) {
  auto formatter = std::make_unique<spdlog::pattern_formatter>();
  if (json) {
    formatter->add_flag<JsonEscapedMessage>('j').add_flag<RequestIdField>('Q').set_pattern(
        R"({"ts":"%Y-%m-%dT%H:%M:%S.%e%z","level":"%l","logger":"%n","thread":%t,"msg":"%j"%Q})");
  } else {
    formatter->set_pattern("%Y-%m-%d %H:%M:%S.%e %^%-5l%$ [%n] %v");
  }
  return formatter;
}

namespace {

void apply(spdlog::logger& logger) {
  logger.set_level(spdlog::level::from_str(g_options.level));
}

spdlog::sink_ptr sink_locked() {
  if (!g_sink) {
    g_sink = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    g_sink->set_formatter(make_formatter(g_options.json));
  }
  return g_sink;
}

}  // namespace

void setup(const Options& options) {
  std::lock_guard lock(g_mutex);
  g_options = options;
  auto sink = sink_locked();
  sink->set_formatter(make_formatter(options.json));
  spdlog::apply_all([](const std::shared_ptr<spdlog::logger>& logger) { apply(*logger); });
}

std::shared_ptr<spdlog::logger> get(const std::string& module) {
  std::lock_guard lock(g_mutex);
  if (auto existing = spdlog::get(module)) return existing;
  auto logger = std::make_shared<spdlog::logger>(module, sink_locked());
  apply(*logger);
  spdlog::register_logger(logger);
  return logger;
}


}  // namespace ws::log
