#pragma once
// What `serve` and `render` build alike from the config: timeline settings,
// renditions, the render scheduler's options and the segment store.
#include <memory>
#include <vector>

#include "cache/content_store.h"
#include "cache/render_scheduler.h"
#include "config/config.h"
#include "stream/stream_plan.h"
#include "timeline/settings.h"

namespace ws::app {

timeline::Settings timeline_settings(const config::Config& config);

// The config's ladder as renditions, in its order, named by height ("720p").
std::vector<stream::Rendition> renditions(const config::Config& config);

cache::SchedulerOptions scheduler_options(const config::Config& config);

// Checks the timeline settings (the segment grid), the pipeline descriptions
// and the background of every rendition, then opens the store under
// cache_dir: a broken setting stops the server at start, not at its first
// render.
Result<std::unique_ptr<cache::ContentStore>> open_content_store(const config::Config& config);

// Caps the process-wide decoded clip frame cache at render.clip_cache_megabytes
// (for `render` too: it is most of a render's memory once warm).
void limit_clip_cache(const config::Config& config);

}  // namespace ws::app
