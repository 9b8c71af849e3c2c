#include "glib_support/gst_logging.h"

#include <gst/gst.h>

#include "common/logging.h"

namespace ws::log {
namespace {

spdlog::level::level_enum from_gst(GstDebugLevel level) {
  switch (level) {
    case GST_LEVEL_ERROR: return spdlog::level::err;
    case GST_LEVEL_WARNING:
    case GST_LEVEL_FIXME: return spdlog::level::warn;
    case GST_LEVEL_INFO: return spdlog::level::info;
    case GST_LEVEL_DEBUG: return spdlog::level::debug;
    default: return spdlog::level::trace;
  }
}

void gst_to_spdlog(GstDebugCategory* category, GstDebugLevel level, const gchar* file,
                   const gchar* /*function*/, gint line, GObject* /*object*/,
                   GstDebugMessage* message, gpointer /*user_data*/) noexcept {
  static const auto logger = get("gst");
  const char* text = gst_debug_message_get(message);
  logger->log(from_gst(level), "{}: {} ({}:{})", gst_debug_category_get_name(category),
              text ? text : "", file ? file : "?", line);
}

}  // namespace

void route_gstreamer_debug() {
  gst_debug_remove_log_function(gst_debug_log_default);
  gst_debug_add_log_function(gst_to_spdlog, nullptr, nullptr);
}

}  // namespace ws::log
