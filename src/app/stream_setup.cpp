#include "app/stream_setup.h"

#include <algorithm>
#include <filesystem>
#include <thread>

#include "render/background.h"
#include "render/clip_frame_cache.h"
#include "render/h264_profile.h"
#include "render/pipeline_catalog.h"

namespace ws::app {

timeline::Settings timeline_settings(const config::Config& config) {
  timeline::Settings settings;
  settings.warm_up_seconds = config.workout.warm_up_seconds;
  settings.cool_down_seconds = config.workout.cool_down_seconds;
  settings.speed_low = config.workout.speed_low;
  settings.speed_medium = config.workout.speed_medium;
  settings.speed_high = config.workout.speed_high;
  settings.first_segment_seconds = config.workout.first_segment_seconds;
  return settings;
}

std::vector<stream::Rendition> renditions(const config::Config& config) {
  timeline::Settings timing = timeline_settings(config);
  std::vector<stream::Rendition> out;
  for (const config::Rung& rung : config.render.ladder) {
    render::RenderProfile profile;
    profile.width = rung.width;
    profile.height = rung.height;
    profile.video_bitrate_kbps = rung.video_bitrate_kbps;
    profile.audio_bitrate_kbps = config.render.audio_bitrate_kbps;
    profile.background = config.render.background;
    profile.media_dir = config.media.media_dir;
    profile.pipelines_dir = config.render.pipelines_dir;
    // The level the size needs, so CODECS (from the pinned SPS) is right for
    // each rung; twice the target covers x264's ABR peaks.
    profile.h264_level = render::h264_level_for(rung.width, rung.height, timing.fps_num, timing.fps_den,
                                                rung.video_bitrate_kbps * 2);
    out.push_back({std::to_string(rung.height) + "p", profile});
  }
  return out;
}

cache::SchedulerOptions scheduler_options(const config::Config& config) {
  cache::SchedulerOptions options;
  int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  options.workers = config.render.workers > 0 ? config.render.workers : cores;
  options.queue_capacity = static_cast<std::size_t>(config.render.queue_capacity);
  options.prefetch_capacity = static_cast<std::size_t>(std::max(8, options.workers * 8));
  options.timeout = std::chrono::seconds(config.render.timeout_seconds);
  return options;
}

Result<std::unique_ptr<cache::ContentStore>> open_content_store(const config::Config& config) {
  WS_RETURN_IF_ERROR(timeline::validate_settings(timeline_settings(config)));
  WS_RETURN_IF_ERROR(render::validate_pipeline_dir(config.render.pipelines_dir));
  for (const auto& rendition : renditions(config)) {
    const auto& p = rendition.profile;
    WS_RETURN_IF_ERROR(render::Background::load(p.background, p.media_dir, p.width, p.height));
  }
  return cache::ContentStore::open(std::filesystem::path(config.media.cache_dir) / "segments",
                                   static_cast<std::uint64_t>(config.cache.max_megabytes) << 20);
}

void limit_clip_cache(const config::Config& config) {
  render::ClipFrameCache::instance().set_limit(static_cast<std::size_t>(config.render.clip_cache_megabytes) << 20);
}

}  // namespace ws::app
