#pragma once
// unique_ptr owners for GLib/GObject/GStreamer handles, so every ref has exactly
// one owner and early returns cannot leak.
#include <memory>

#include <glib-object.h>
#include <gst/gst.h>

namespace ws {

struct GObjectUnref {
  void operator()(gpointer object) const {
    if (object) g_object_unref(object);
  }
};
template <class T>
using GObjectPtr = std::unique_ptr<T, GObjectUnref>;

struct GFreeDeleter {
  void operator()(gpointer p) const { g_free(p); }
};
using GCharPtr = std::unique_ptr<gchar, GFreeDeleter>;

struct GErrorDeleter {
  void operator()(GError* e) const {
    if (e) g_error_free(e);
  }
};
using GErrorPtr = std::unique_ptr<GError, GErrorDeleter>;

struct GBytesDeleter {
  void operator()(GBytes* b) const {
    if (b) g_bytes_unref(b);
  }
};
using GBytesPtr = std::unique_ptr<GBytes, GBytesDeleter>;

// A pipeline must reach NULL before its last unref, or its streaming threads
// may still touch freed elements.
struct GstPipelineDeleter {
  void operator()(GstElement* pipeline) const {
    if (!pipeline) return;
    gst_element_set_state(pipeline, GST_STATE_NULL);
    gst_object_unref(pipeline);
  }
};
using GstPipelinePtr = std::unique_ptr<GstElement, GstPipelineDeleter>;

struct GstObjectUnref {
  void operator()(gpointer object) const {
    if (object) gst_object_unref(object);
  }
};
template <class T>
using GstObjectPtr = std::unique_ptr<T, GstObjectUnref>;

struct GstMessageUnref {
  void operator()(GstMessage* m) const {
    if (m) gst_message_unref(m);
  }
};
using GstMessagePtr = std::unique_ptr<GstMessage, GstMessageUnref>;

struct GstCapsUnref {
  void operator()(GstCaps* c) const {
    if (c) gst_caps_unref(c);
  }
};
using GstCapsPtr = std::unique_ptr<GstCaps, GstCapsUnref>;

// Pushing a buffer into an appsrc takes it: hand it over with release().
struct GstBufferUnref {
  void operator()(GstBuffer* b) const {
    if (b) gst_buffer_unref(b);
  }
};
using GstBufferPtr = std::unique_ptr<GstBuffer, GstBufferUnref>;

struct GstSampleUnref {
  void operator()(GstSample* s) const {
    if (s) gst_sample_unref(s);
  }
};
using GstSamplePtr = std::unique_ptr<GstSample, GstSampleUnref>;

}  // namespace ws
