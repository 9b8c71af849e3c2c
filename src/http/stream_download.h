#pragma once
// GET /streams/{id}/download.mp4: the whole workout as one progressive MP4
// (moov first), for offline use, made from the same segment renders as the
// stream (remuxed, not encoded again) and stored content-addressed like them.
#include <cstddef>
#include <memory>

#include "cache/stream_plan.h"
#include "http/exchange.h"
#include "http/services.h"

namespace ws::http {

// Renders (or finds) every segment of `rendition`, at most two at a time so a
// long workout never fills the render queue, then remuxes them into one MP4
// and answers it as an attachment. Errors answer as JSON (503 when busy).
void serve_download(Services& s, std::shared_ptr<const cache::StreamPlan> plan, std::size_t rendition,
                    const ResponderPtr& responder);

}  // namespace ws::http
