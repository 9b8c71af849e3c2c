#pragma once
// The demo catalog: config/demo_catalog.json lists categories and exercises
// with the motion their generated clip shows. Seeding makes each missing clip
// and thumbnail (once; existing files are reused) and upserts the rows.
#include <filesystem>
#include <string>
#include <vector>

#include "common/domain.h"
#include "common/result.h"
#include "db/database.h"

namespace ws::demo {

struct DemoExercise {
  Exercise exercise;  // video_url/thumbnail_url relative to the media folder
  std::string motion;
  std::string color;
};

struct DemoCatalog {
  std::vector<Category> categories;
  std::vector<DemoExercise> exercises;
};

Result<DemoCatalog> load_demo_catalog(const std::filesystem::path& file);

struct ClipOptions {
  int width = 1280;
  int height = 720;
  double seconds = 4.0;
  unsigned jobs = 2;  // clips encoded in parallel (ProRes encoding is slow)
  std::string pipelines_dir = "pipelines";
};

// Generates the clips and thumbnails that are missing under media_dir.
Status generate_missing_clips(const DemoCatalog& catalog, const std::filesystem::path& media_dir,
                              const ClipOptions& options);

// Clips, then rows (idempotent).
Status seed_demo_catalog(db::Database& db, const DemoCatalog& catalog,
                         const std::filesystem::path& media_dir, const ClipOptions& options);

}  // namespace ws::demo
