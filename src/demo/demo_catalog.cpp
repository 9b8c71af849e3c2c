#include "demo/demo_catalog.h"

#include <atomic>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include <boost/json/parse.hpp>

#include "common/logging.h"
#include "db/exercise_repository.h"
#include "demo/clip_generator.h"

namespace ws::demo {
namespace json = boost::json;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> strings_of(const json::value& v) {
  std::vector<std::string> out;
  for (const auto& item : v.as_array()) out.emplace_back(item.as_string());
  return out;
}

DemoExercise exercise_from(const json::object& o) {
  DemoExercise demo;
  Exercise& e = demo.exercise;
  std::string slug(o.at("slug").as_string());
  e.name = std::string(o.at("name").as_string());
  e.description = std::string(o.at("description").as_string());
  e.icon = std::string(o.at("icon").as_string());
  e.clip_path = "clips/" + slug + ".mov";
  e.thumbnail_url = "thumbnails/" + slug + ".png";
  e.default_duration = static_cast<int>(o.at("default_duration").as_int64());
  auto difficulty = difficulty_from_string(std::string(o.at("difficulty").as_string()));
  if (!difficulty) throw std::runtime_error("bad difficulty for " + slug);
  e.difficulty = *difficulty;
  e.has_jump = o.at("has_jump").as_bool();
  e.categories = strings_of(o.at("categories"));
  e.metadata.muscles_targeted = strings_of(o.at("muscles_targeted"));
  e.metadata.equipment_needed = strings_of(o.at("equipment_needed"));
  e.metadata.calories_per_min = o.at("calories_per_min").to_number<double>();
  demo.motion = std::string(o.at("motion").as_string());
  demo.color = std::string(o.at("color").as_string());
  return demo;
}

}  // namespace

Result<DemoCatalog> load_demo_catalog(const fs::path& file) {
  std::ifstream in(file);
  if (!in) {
    return make_error(ErrorKind::not_found, "catalog_not_found",
                      "cannot read demo catalog " + file.string());
  }
  std::stringstream text;
  text << in.rdbuf();
  try {
    json::value root = json::parse(text.str());
    DemoCatalog catalog;
    for (const auto& c : root.at("categories").as_array()) {
      catalog.categories.push_back({"", std::string(c.at("name").as_string()),
                                    std::string(c.at("description").as_string())});
    }
    for (const auto& e : root.at("exercises").as_array()) {
      catalog.exercises.push_back(exercise_from(e.as_object()));
    }
    return catalog;
  } catch (const std::exception& e) {
    return make_error(ErrorKind::invalid_argument, "invalid_catalog",
                      file.string() + ": " + e.what());
  }
}

Status generate_missing_clips(const DemoCatalog& catalog, const fs::path& media_dir,
                              const ClipOptions& options) {
  auto logger = log::get("demo");
  std::vector<const DemoExercise*> missing;
  for (const auto& demo : catalog.exercises) {
    if (!fs::exists(media_dir / demo.exercise.clip_path) ||
        !fs::exists(media_dir / demo.exercise.thumbnail_url)) {
      missing.push_back(&demo);
    }
  }
  if (missing.empty()) return Status::Ok();
  fs::create_directories(media_dir / "clips");
  fs::create_directories(media_dir / "thumbnails");
  logger->info("generating {} demo clips ({}x{}, {} s) with {} jobs", missing.size(),
               options.width, options.height, options.seconds, options.jobs);

  std::atomic<std::size_t> next{0};
  std::mutex failure_mutex;
  std::optional<Error> failure;
  auto work = [&] {
    for (std::size_t i = next++; i < missing.size(); i = next++) {
      const DemoExercise& demo = *missing[i];
      ClipSpec spec{demo.exercise.name, demo.motion, demo.color,      options.width,
                    options.height,     30,          options.seconds, options.pipelines_dir};
      Status made = generate_clip(spec, media_dir / demo.exercise.clip_path, media_dir / demo.exercise.thumbnail_url);
      if (!made) {
        std::lock_guard lock(failure_mutex);
        if (!failure) failure = made.error();
        return;
      }
      logger->info("clip ready: {}", demo.exercise.clip_path);
    }
  };
  std::vector<std::thread> jobs;
  for (unsigned j = 0; j < std::max(1u, options.jobs); ++j) jobs.emplace_back(work);
  for (auto& job : jobs) job.join();
  if (failure) return *failure;
  return Status::Ok();
}

Status seed_demo_catalog(db::Database& db, const DemoCatalog& catalog, const fs::path& media_dir,
                         const ClipOptions& options) {
  WS_RETURN_IF_ERROR(generate_missing_clips(catalog, media_dir, options));
  std::vector<Exercise> exercises;
  for (const auto& demo : catalog.exercises) exercises.push_back(demo.exercise);
  return db.run_sync([&](db::Connection& c) {
    return db::upsert_catalog(c, catalog.categories, exercises);
  });
}

}  // namespace ws::demo
