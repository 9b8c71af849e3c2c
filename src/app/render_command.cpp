#include "app/render_command.h"

#include <filesystem>
#include <future>

#include "app/render_progress.h"
#include "app/stream_setup.h"
#include "common/logging.h"
#include "db/database.h"
#include "db/workout_repository.h"
#include "stream/clip_catalog.h"
#include "stream/download.h"
#include "stream/folder_export.h"
#include "stream/layout.h"
#include "stream/planner.h"

namespace ws::app {
namespace {

namespace fs = std::filesystem;

int fail(const std::string& message) {
  log::get("app")->critical("{}", message);
  return 1;
}

// Every segment of every rendition, with a bar on the terminal.
Status write_folder(cache::RenderScheduler& scheduler, const stream::PlanPtr& plan, const fs::path& out) {
  const auto& grid = plan->grid;
  const int renditions = static_cast<int>(plan->renditions.size());
  RenderProgress progress(plan->segment_count() * renditions,
                          static_cast<double>(grid.total_frames) * grid.fps_den / grid.fps_num * renditions);
  Status written = stream::export_ts_folder(scheduler, plan, out, [&progress] { progress.advance(); });
  progress.finish();
  return written;
}

// The download the server would send (the first rendition), placed at `mp4`.
Status write_mp4(cache::RenderScheduler& scheduler, const stream::PlanPtr& plan, const fs::path& mp4,
                 const std::string& pipelines_dir) {
  std::promise<Result<fs::path>> made;
  stream::make_download(scheduler, plan, 0, pipelines_dir,
                        [&made](const Result<fs::path>& stored) { made.set_value(stored); });
  WS_ASSIGN_OR_RETURN(fs::path stored, made.get_future().get());
  return stream::place_stored_file(stored, mp4);
}

// The folder, then the MP4 when asked for, each announced once written.
Status write_outputs(cache::RenderScheduler& scheduler, const stream::PlanPtr& plan, const CommandLine& cli,
                     const std::string& pipelines_dir) {
  const fs::path out(cli.out_dir);
  WS_RETURN_IF_ERROR(write_folder(scheduler, plan, out));
  std::printf("HLS: %s\n", (out / stream::kMasterName).c_str());
  if (cli.mp4_path.empty()) return Status::Ok();
  WS_RETURN_IF_ERROR(write_mp4(scheduler, plan, cli.mp4_path, pipelines_dir));
  std::printf("MP4: %s\n", cli.mp4_path.c_str());
  return Status::Ok();
}

}  // namespace

int render_workout(const CommandLine& cli, const config::Config& config) {
  db::Database database(config.database);
  auto workout = database.run_sync([&](db::Connection& c) { return db::get_workout(c, cli.workout_id); });
  database.stop();
  if (!workout) return fail(workout.error().message);

  auto store = open_content_store(config);
  if (!store) return fail(store.error().message);
  limit_clip_cache(config);
  stream::ClipCatalog clips(config.media.media_dir);
  stream::StreamPlanner planner(clips, timeline_settings(config), renditions(config),
                                stream::directory_digest(config.render.pipelines_dir));
  auto plan = planner.plan(*workout);
  if (!plan) return fail(plan.error().message);

  cache::SchedulerOptions options = scheduler_options(config);
  if (cli.jobs > 0) options.workers = cli.jobs;
  // Every segment and its I-frame file may wait at once.
  options.queue_capacity = 2 * (*plan)->grid.segments.size() * planner.renditions().size();
  cache::RenderScheduler scheduler(**store, options);
  Status written = write_outputs(scheduler, *plan, cli, config.render.pipelines_dir);
  scheduler.stop();
  if (!written) return fail(written.error().message);
  return 0;
}

}  // namespace ws::app
