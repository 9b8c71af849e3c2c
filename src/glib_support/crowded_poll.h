#pragma once
// Keeps a main loop watching thousands of descriptors from falling behind.
#include <glib.h>

namespace ws {

// GLib's main loop visits every source and polls every descriptor on each
// iteration, whatever woke it: about half a microsecond per source on the
// 2-core bench machine, 3 ms with 5000 open connections. When events come
// one at a time (thousands of slow clients each trickling a byte) that cost
// is paid per event, and the loop falls behind the clients it serves. So
// once `context` watches more than 1024 descriptors, its iterations are
// spaced out, 2 us per descriptor (10 ms at 5000, at most 50 ms), and what
// arrives meanwhile is handled in one iteration. Below that, nothing changes.
void space_out_crowded_iterations(GMainContext* context);

}  // namespace ws
