#pragma once
// Hand-overs between threads through libraries ThreadSanitizer cannot see
// into (GLib and GStreamer are not built with it, and their locks are
// futexes it does not know): the library orders what one thread did before
// giving an object away with what the next one does after getting it, and
// TSan, not seeing that order, would report a race. handing_over(object)
// just before the library takes it to another thread, taken_over(object)
// where that thread gets it, tell TSan. Both are empty outside TSan builds.

// GCC says __SANITIZE_THREAD__, clang __has_feature(thread_sanitizer).
#if defined(__SANITIZE_THREAD__)
#define WS_THREAD_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define WS_THREAD_SANITIZER 1
#endif
#endif
#if defined(WS_THREAD_SANITIZER)
#include <sanitizer/tsan_interface.h>
#endif

namespace ws {

inline void handing_over([[maybe_unused]] const void* object) {
#if defined(WS_THREAD_SANITIZER)
  __tsan_release(const_cast<void*>(object));
#endif
}

inline void taken_over([[maybe_unused]] const void* object) {
#if defined(WS_THREAD_SANITIZER)
  __tsan_acquire(const_cast<void*>(object));
#endif
}

}  // namespace ws
