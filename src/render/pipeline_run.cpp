#include "render/pipeline_run.h"

#include "glib_support/gobject_ptr.h"

namespace ws::render {

std::string error_text(GstMessage* message) {
  GError* raw = nullptr;
  gchar* debug = nullptr;
  gst_message_parse_error(message, &raw, &debug);
  GErrorPtr err(raw);
  GCharPtr dbg(debug);
  std::string text = err ? err->message : "unknown error";
  if (dbg) text += std::string(" (") + dbg.get() + ")";
  return text;
}

std::string pending_error(GstElement* pipeline) {
  GstObjectPtr<GstBus> bus(gst_element_get_bus(pipeline));
  GstMessagePtr msg(gst_bus_pop_filtered(bus.get(), GST_MESSAGE_ERROR));
  return msg ? error_text(msg.get()) : std::string();
}

Error run_failure(const RunErrors& errors, const std::string& message) {
  return make_error(ErrorKind::internal, errors.failed, errors.what + ": " + message);
}

Error run_timeout(const RunErrors& errors) {
  return make_error(ErrorKind::unavailable, errors.timeout, errors.what + ": deadline passed");
}

Status start_pipeline(GstElement* pipeline, const RunErrors& errors) {
  if (gst_element_set_state(pipeline, GST_STATE_PLAYING) != GST_STATE_CHANGE_FAILURE) return {};
  std::string why = pending_error(pipeline);
  return run_failure(errors, "pipeline failed to start" + (why.empty() ? std::string() : ": " + why));
}

Status wait_for_eos(GstElement* pipeline, std::chrono::steady_clock::time_point deadline, const RunErrors& errors) {
  GstClockTime timeout = GST_CLOCK_TIME_NONE;
  if (deadline != std::chrono::steady_clock::time_point::max()) {
    auto left = std::chrono::duration_cast<std::chrono::nanoseconds>(deadline - std::chrono::steady_clock::now());
    timeout = static_cast<GstClockTime>(std::max<int64_t>(0, left.count()));
  }
  GstObjectPtr<GstBus> bus(gst_element_get_bus(pipeline));
  GstMessagePtr msg(gst_bus_timed_pop_filtered(bus.get(), timeout,
                                               static_cast<GstMessageType>(GST_MESSAGE_EOS | GST_MESSAGE_ERROR)));
  if (!msg) return run_timeout(errors);
  if (GST_MESSAGE_TYPE(msg.get()) == GST_MESSAGE_ERROR) return run_failure(errors, error_text(msg.get()));
  return {};
}

}  // namespace ws::render
