#include "cache/stream_plan.h"

#include <algorithm>
#include <fstream>
#include <sstream>


#include "common/file_facts.h"
#include "common/logging.h"
#include "render/background.h"
#include "timeline/fingerprint.h"
#include "timeline/from_workout.h"
#include "timeline/query.h"

namespace ws::cache {

namespace fs = std::filesystem;

namespace {

// Bumped whenever the renderer's code changes what it writes.
constexpr const char* kRendererVersion = "ws-segment-3";

// Clip durations by location; a clip that cannot be probed is left out (the
// timeline then shows background and overlays for it) and logged.
std::map<std::string, double> probe_clips(ClipCatalog& clips, const Workout& workout,
                                          std::map<std::string, std::string>& identities) {
  std::map<std::string, double> seconds;
  for (const auto& item : workout.exercises) {
    if (!item.exercise || item.exercise->video_url.empty()) continue;
    const std::string& location = item.exercise->video_url;
    if (seconds.count(location)) continue;
    auto facts = clips.facts(location);
    if (!facts) {
      log::get("cache")->warn("workout {}: exercise {} plays without its clip: {}", workout.id,
                              item.exercise_id, facts.error().message);
      continue;
    }
    seconds[location] = facts->seconds;
    identities[location] = facts->identity;
  }
  return seconds;
}

std::string segment_key(const timeline::Timeline& tl, const timeline::Segment& segment,
                        const std::string& profile, const std::map<std::string, std::string>& identities) {
  std::string text = timeline::segment_canonical_text(tl, segment, profile);
  for (std::size_t i : timeline::intervals_overlapping(tl, segment.start_frame, segment.frame_count)) {
    const std::string& clip = tl.intervals[i].clip;
    if (clip.empty()) continue;
    auto it = identities.find(clip);
    text += "\nclip-identity=" + std::to_string(clip.size()) + ":" + clip + "=" +
            (it == identities.end() ? std::string("?") : it->second);
  }
  return sha256_hex(text);
}

}  // namespace

std::string directory_digest(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec)) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  std::string all;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    all += file.filename().string() + "\n" + std::to_string(bytes.str().size()) + "\n" + bytes.str();
  }
  return sha256_hex(all);
}

StreamPlanner::StreamPlanner(ClipCatalog& clips, timeline::Settings settings,
                             std::vector<Rendition> renditions, std::string pipelines_digest,
                             std::size_t max_plans)
    : clips_(clips),
      settings_(settings),
      renditions_(std::move(renditions)),
      pipelines_digest_(std::move(pipelines_digest)),
      max_plans_(std::max<std::size_t>(1, max_plans)) {}

int StreamPlanner::rendition_index(const std::string& name) const {
  for (std::size_t i = 0; i < renditions_.size(); ++i) {
    if (renditions_[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

std::string StreamPlanner::profile_text(const Rendition& r) const {
  const render::RenderProfile& p = r.profile;
  std::ostringstream text;
  text << kRendererVersion << ";container=mpegts;w=" << p.width << ";h=" << p.height
       << ";h264=" << p.h264_profile << "@" << p.h264_level << ";vb=" << p.video_bitrate_kbps << ";ab=" << p.audio_bitrate_kbps << ";bg=" << p.background << "@"
       << render::Background::identity(p.background, p.media_dir)
       << ";pipelines=" << pipelines_digest_;
  return text.str();
}

std::shared_ptr<const StreamPlan> StreamPlanner::find(const std::string& workout_id) {
  std::lock_guard lock(mutex_);
  auto it = plans_.find(workout_id);
  if (it == plans_.end()) return nullptr;
  order_.remove(workout_id);
  order_.push_front(workout_id);
  return it->second;
}

Result<std::shared_ptr<const StreamPlan>> StreamPlanner::plan(const Workout& workout) {
  if (auto known = find(workout.id)) return known;
  auto built = build(workout);
  if (built) remember(*built);
  return built;
}

Result<std::shared_ptr<const StreamPlan>> StreamPlanner::build(const Workout& workout) {
  std::map<std::string, std::string> identities;
  auto clip_seconds = probe_clips(clips_, workout, identities);
  auto tl = timeline::compile(timeline::input_from_workout(workout, clip_seconds), settings_);
  if (!tl) return tl.error();
  auto grid = timeline::cut(*tl, settings_);
  if (!grid) return grid.error();
  auto plan = std::make_shared<StreamPlan>();
  plan->workout_id = workout.id;
  plan->timeline = std::move(tl.value());
  plan->grid = std::move(grid.value());
  for (const Rendition& rendition : renditions_) {
    std::string profile = profile_text(rendition);
    std::vector<std::string> keys;
    for (const auto& segment : plan->grid.segments) {
      keys.push_back(segment_key(plan->timeline, segment, profile, identities));
    }
    plan->segment_keys.push_back(std::move(keys));
  }
  return std::shared_ptr<const StreamPlan>(std::move(plan));
}

void StreamPlanner::remember(const std::shared_ptr<const StreamPlan>& plan) {
  std::lock_guard lock(mutex_);
  if (plans_.count(plan->workout_id)) return;  // planned concurrently: keep the first
  plans_[plan->workout_id] = plan;
  order_.push_front(plan->workout_id);
  while (plans_.size() > max_plans_) {
    plans_.erase(order_.back());
    order_.pop_back();
  }
}

RenderJob segment_job(const std::shared_ptr<const StreamPlan>& plan, const Rendition& rendition,
                      std::size_t rendition_index, int segment_index) {
  RenderJob job;
  job.key = plan->segment_keys.at(rendition_index).at(static_cast<std::size_t>(segment_index));
  job.extension = ".ts";
  job.render = [plan, profile = rendition.profile, segment_index](const fs::path& out, Deadline deadline) {
    const auto& segment = plan->grid.segments.at(static_cast<std::size_t>(segment_index));
    return render::render_segment(plan->timeline, segment, profile, out, deadline);
  };
  return job;
}

}  // namespace ws::cache
