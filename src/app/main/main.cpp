// workout-server: serve | migrate | seed | render.
#include <malloc.h>

#include <cstdio>
#include <thread>

#include <gst/gst.h>

#include "app/cli.h"
#include "app/demo_gyms.h"
#include "app/movement_catalog_seed.h"
#include "app/render_command.h"
#include "app/serve.h"
#include "common/logging.h"
#include "glib_support/gst_logging.h"
#include "db/database.h"
#include "db/migrations.h"
#include "demo/demo_catalog.h"

namespace {

// glibc serves allocations above a threshold with mmap and gives them back on
// free, but raises that threshold to the size of every such block freed (up
// to 32 MB). After the first ProRes frame (7.4 MB at 720p) is freed, every
// video frame (I420 1.4 MB, decoder and queue buffers) comes from the
// per-thread heaps instead, and each render thread's heap keeps its peak:
// ~100 MB more peak RSS with two renders of a 2:30 workout at 720p (453 MB,
// 350 MB with the threshold fixed; `BENCH_MEMORY=1 bench/ffmpeg_reference.sh
// 4 1 30 10` measures it). Setting the threshold stops the raising; 512 KiB
// leaves small allocations on the heaps, where they are cheap.
void keep_large_allocations_mapped() { mallopt(M_MMAP_THRESHOLD, 512 * 1024); }

int fail(const ws::Error& error) {
  ws::log::get("app")->critical("{}", error.message);
  return 1;
}

int run_migrate(const ws::app::CommandLine& cli, const ws::config::Config& config) {
  ws::db::Database database(config.database.as_owner());
  auto applied = database.run_sync(
      [&](ws::db::Connection& c) { return ws::db::migrate(c, cli.schema_dir); });
  database.stop();
  if (!applied) return fail(applied.error());
  std::printf("%zu migration(s) applied\n", applied->size());
  for (const auto& name : *applied) std::printf("  %s\n", name.c_str());
  return 0;
}

int run_seed(const ws::app::CommandLine& cli, const ws::config::Config& config) {
  auto catalog = ws::demo::load_demo_catalog(cli.catalog_file);
  if (!catalog) return fail(catalog.error());
  ws::demo::ClipOptions clips{cli.clip_width, cli.clip_height, cli.clip_seconds,
                              std::max(1u, std::thread::hardware_concurrency()),
                              config.render.pipelines_dir};
  ws::db::Database database(config.database.as_owner());
  ws::Status seeded =
      ws::demo::seed_demo_catalog(database, *catalog, config.media.media_dir, clips);
  if (!seeded) return fail(seeded.error());
  std::printf("demo catalog ready: %zu exercises, %zu categories\n", catalog->exercises.size(),
              catalog->categories.size());
  auto movements = ws::app::seed_movement_catalog(database);
  if (!movements) return fail(movements.error());
  std::printf("movement catalog ready: %d movements, %d changed\n", movements->movements, movements->changed);
  auto gyms = ws::app::seed_demo_gyms(database);
  database.stop();
  if (!gyms) return fail(gyms.error());
  std::printf("%s", ws::app::demo_credentials_text(*gyms).c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  keep_large_allocations_mapped();
  gst_init(&argc, &argv);
  auto cli = ws::app::parse_command_line(argc, argv);
  if (!cli) {
    std::fprintf(stderr, "%s\n", cli.error().message.c_str());
    return 2;
  }
  if (cli->help) {
    std::printf("%s", ws::app::usage().c_str());
    return 0;
  }
  auto config = ws::config::load(cli->config_path);
  if (!config) {
    std::fprintf(stderr, "%s\n", config.error().message.c_str());
    return 2;
  }
  ws::log::setup({config->logging.level, config->logging.json});
  ws::log::route_gstreamer_debug();

  if (cli->command == "migrate") return run_migrate(*cli, *config);
  if (cli->command == "seed") return run_seed(*cli, *config);
  if (cli->command == "render") return ws::app::render_workout(*cli, *config);
  return ws::app::serve(*cli, *config);
}
