#include "app/render_command.h"

#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>

#include "app/render_progress.h"
#include "app/stream_setup.h"
#include "cache/clip_catalog.h"
#include "common/logging.h"
#include "db/database.h"
#include "db/workout_repository.h"
#include "cache/cmaf_jobs.h"
#include "http/stream_playlists.h"
#include "playlist/hls.h"
#include "render/mp4_export.h"
#include "render/temp_file.h"

namespace ws::app {
namespace {

namespace fs = std::filesystem;

int fail(const std::string& message) {
  log::get("app")->critical("{}", message);
  return 1;
}

// Written beside the target and renamed: a reader never sees half a file.
Status write_atomically(const fs::path& target, const std::string& text) {
  render::TempFile temp(target, "write_failed");
  {
    std::ofstream out(temp.path(), std::ios::binary);
    out << text;
    if (!out.flush()) return make_error(ErrorKind::internal, "write_failed", "cannot write " + target.string());
  }
  return temp.commit();
}

// The cached segment placed in the folder: a hard link when the cache is on
// the same filesystem (no copy), a copy otherwise.
Status place_segment(const fs::path& stored, const fs::path& target) {
  std::error_code ec;
  fs::remove(target, ec);
  fs::create_hard_link(stored, target, ec);
  if (ec) fs::copy_file(stored, target, fs::copy_options::overwrite_existing, ec);
  if (ec) return make_error(ErrorKind::internal, "write_failed", "cannot write " + target.string());
  return Status::Ok();
}

fs::path segment_path(const fs::path& out, const cache::Rendition& rendition, int index) {
  return out / rendition.name / playlist::segment_uri(http::kSegmentTemplate, index);
}

// Renders every segment of every rendition through the scheduler (shared
// cache, bounded threads) into `out`, with its I-frame file derived as the
// server derives it; the first failure is returned.
Status render_segments(cache::RenderScheduler& scheduler, const cache::StreamPlanner& planner,
                       const std::shared_ptr<const cache::StreamPlan>& plan, const fs::path& out) {
  const auto& renditions = planner.renditions();
  const int segments = static_cast<int>(plan->grid.segments.size());
  const auto& grid = plan->grid;
  RenderProgress progress(segments * static_cast<int>(renditions.size()),
                          static_cast<double>(grid.total_frames) * grid.fps_den / grid.fps_num *
                              static_cast<double>(renditions.size()));
  std::mutex mutex;
  std::condition_variable all_done;
  int remaining = 2 * segments * static_cast<int>(renditions.size());  // segments and I-frame files
  std::optional<Error> failure;
  auto placed_at = [&](fs::path target, bool segment) {
    return [&, target, segment](const Result<fs::path>& stored) {
      Status placed = stored ? place_segment(*stored, target) : Status(stored.error());
      if (segment) progress.advance();
      std::lock_guard lock(mutex);
      if (!placed && !failure) failure = placed.error();
      if (--remaining == 0) all_done.notify_one();
    };
  };
  for (std::size_t r = 0; r < renditions.size(); ++r) {
    fs::create_directories(out / renditions[r].name);
    for (int k = 0; k < segments; ++k) {
      scheduler.request(cache::segment_job(plan, renditions[r], r, k), placed_at(segment_path(out, renditions[r], k), true));
      scheduler.request_derived(
          cache::segment_job(plan, renditions[r], r, k),
          [plan, r, k](const fs::path& ts) { return cache::ts_keyframe_job(plan, r, k, ts); },
          placed_at(out / renditions[r].name / playlist::segment_uri(http::kTsKeyframeTemplate, k), false));
    }
  }
  std::unique_lock lock(mutex);
  all_done.wait(lock, [&] { return remaining == 0; });
  progress.finish();
  if (failure) return *failure;
  return Status::Ok();
}

Status write_playlists(const cache::StreamPlanner& planner, const cache::StreamPlan& plan, const fs::path& out) {
  for (const auto& rendition : planner.renditions()) {
    if (Status s = write_atomically(out / rendition.name / http::kMediaPlaylistName, http::media_playlist_text(plan));
        !s) {
      return s;
    }
    if (Status s = write_atomically(out / rendition.name / http::kIFramesName, http::iframe_playlist_text(plan)); !s) {
      return s;
    }
  }
  // The WebVTT track the master lists: written from the plan, like the playlists.
  const fs::path subs = out / http::kSubtitlesName;
  fs::create_directories(subs);
  if (Status s = write_atomically(subs / http::kMediaPlaylistName, http::subtitles_playlist_text(plan)); !s) return s;
  for (const auto& segment : plan.grid.segments) {
    fs::path file = subs / playlist::segment_uri(http::kSubtitleTemplate, segment.index);
    if (Status s = write_atomically(file, http::subtitles_segment_text(plan, segment.index)); !s) return s;
  }
  return write_atomically(out / "master.m3u8", http::master_playlist_text(planner, plan));
}

Status export_mp4(const cache::StreamPlanner& planner, const cache::StreamPlan& plan, const fs::path& out,
                  const fs::path& mp4, const std::string& pipelines_dir) {
  std::vector<fs::path> segments;
  for (std::size_t k = 0; k < plan.grid.segments.size(); ++k) {
    segments.push_back(segment_path(out, planner.renditions().front(), static_cast<int>(k)));
  }
  return render::concat_segments_to_mp4(segments, mp4, pipelines_dir);
}

}  // namespace

int render_workout(const CommandLine& cli, const config::Config& config) {
  db::Database database(config.database);
  auto workout = database.run_sync([&](db::Connection& c) { return db::get_workout(c, cli.workout_id); });
  database.stop();
  if (!workout) return fail(workout.error().message);

  auto store = open_segment_store(config);
  if (!store) return fail(store.error().message);
  limit_clip_cache(config);
  cache::ClipCatalog clips(config.media.media_dir);
  cache::StreamPlanner planner(clips, timeline_settings(config), renditions(config),
                               cache::directory_digest(config.render.pipelines_dir));
  auto plan = planner.plan(*workout);
  if (!plan) return fail(plan.error().message);

  cache::SchedulerOptions options = scheduler_options(config);
  if (cli.jobs > 0) options.workers = cli.jobs;
  // Every segment and its I-frame file may wait at once.
  options.queue_capacity = 2 * (*plan)->grid.segments.size() * planner.renditions().size();
  cache::RenderScheduler scheduler(**store, options);
  const fs::path out(cli.out_dir);
  Status rendered = render_segments(scheduler, planner, *plan, out);
  scheduler.stop();
  if (!rendered) return fail(rendered.error().message);
  if (Status s = write_playlists(planner, **plan, out); !s) return fail(s.error().message);
  std::printf("HLS: %s\n", (out / "master.m3u8").c_str());
  if (!cli.mp4_path.empty()) {
    if (Status s = export_mp4(planner, **plan, out, cli.mp4_path, config.render.pipelines_dir); !s) {
      return fail(s.error().message);
    }
    std::printf("MP4: %s\n", cli.mp4_path.c_str());
  }
  return 0;
}

}  // namespace ws::app
