#pragma once
// GStreamer's own debug output, routed into the "gst" module logger (same
// sink and format as every other line) instead of stderr.
namespace ws::log {

// Sends GStreamer debug messages (GST_DEBUG levels) to the "gst" logger.
// Call after gst_init.
void route_gstreamer_debug();

}  // namespace ws::log
