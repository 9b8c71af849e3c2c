#include "stream/slate.h"

#include "common/file_facts.h"
#include "fmp4/retime_ts.h"
#include "live/live_window.h"
#include "stream/content_keys.h"
#include "stream/content_versions.h"
#include "stream/derived_jobs.h"

namespace ws::stream {
namespace {

namespace fs = std::filesystem;

std::string slate_key(const render::SlateSpec& spec, const std::string& profile_text) {
  return sha256_hex(std::string(kSlateVersion) + "\n" + profile_text + "\nfps=" + std::to_string(spec.fps_num) + "/" +
                    std::to_string(spec.fps_den) + ";rate=" + std::to_string(spec.audio_rate) +
                    ";frames=" + std::to_string(spec.frames) + ";samples=" + std::to_string(spec.samples) +
                    "\ntitle=" + spec.title + "\nsubtitle=" + spec.subtitle);
}

// The slate moved `place` slates on: its PTS, DTS and PCR shifted.
cache::StoreJob moved_slate_job(const SlatePtr& slate, std::size_t rendition, int place, fs::path source) {
  const int64_t shift = timeline::frame_to_90k(slate->at(place).start_frame, slate->grid.fps_num, slate->grid.fps_den);
  return derived_job(derived_key(slate->keys.at(rendition), "slate-ts place=" + std::to_string(place)), ".ts",
                     std::move(source), [shift](const std::string& ts) { return fmp4::retime_ts(ts, shift); });
}

cache::DeriveJob slate_derivation(const SlatePtr& slate, const SlateFile& file) {
  const Track track = file.track;
  const int place = file.place;
  const std::string& key = slate->keys.at(track.rendition);
  if (file.presentation == Presentation::ts) {
    return [slate, track, place](const fs::path& ts) { return moved_slate_job(slate, track.rendition, place, ts); };
  }
  if (file.init) {
    return [slate, key, track](const fs::path& ts) {
      return init_job(key, slate->grid, slate->renditions.at(track.rendition).profile, track.video, ts);
    };
  }
  return [slate, key, track, place](const fs::path& ts) {
    return fragment_job(key, slate->grid, slate->at(place), track.video, ts);
  };
}

std::optional<Track> slate_track(const std::vector<Rendition>& ladder, Presentation presentation,
                                 std::string_view name) {
  if (presentation == Presentation::cmaf && name == kAudioTrackName) return Track::audio();
  const int rendition = rendition_index(ladder, name);
  if (rendition < 0) return std::nullopt;
  return Track{true, static_cast<std::size_t>(rendition)};
}

}  // namespace

timeline::Segment slate_at(const timeline::SegmentGrid& grid, int place) {
  const int64_t samples = timeline::sample_at_frame(grid.nominal_frames, grid.fps_num, grid.fps_den, grid.audio_rate);
  timeline::Segment segment;
  segment.index = place;
  segment.frame_count = grid.nominal_frames;
  segment.sample_count = samples;
  segment.start_frame = grid.nominal_frames * place;
  segment.start_sample = samples * place;
  return segment;
}

timeline::Segment SlatePlan::at(int place) const { return slate_at(grid, place); }

SlatePtr make_slate_plan(const timeline::Settings& settings, std::vector<Rendition> renditions,
                         const std::vector<std::string>& profile_texts) {
  auto slate = std::make_shared<SlatePlan>();
  slate->spec.fps_num = settings.fps_num;
  slate->spec.fps_den = settings.fps_den;
  slate->spec.audio_rate = settings.audio_rate;
  slate->grid.fps_num = settings.fps_num;
  slate->grid.fps_den = settings.fps_den;
  slate->grid.audio_rate = settings.audio_rate;
  slate->grid.nominal_frames = timeline::segment_frames(settings);
  slate->spec.frames = slate->grid.nominal_frames;
  slate->spec.samples = slate->at(0).sample_count;
  for (const std::string& profile : profile_texts) slate->keys.push_back(slate_key(slate->spec, profile));
  slate->renditions = std::move(renditions);
  return slate;
}

std::optional<SlateFile> parse_slate_path(const std::vector<Rendition>& ladder, std::string_view path) {
  SlateFile file;
  if (path.starts_with(kCmafDir) && path.substr(kCmafDir.size()).starts_with("/")) {
    file.presentation = Presentation::cmaf;
    path.remove_prefix(kCmafDir.size() + 1);
  }
  const std::size_t slash = path.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const std::string_view name = path.substr(slash + 1);
  auto track = slate_track(ladder, file.presentation, path.substr(0, slash));
  if (!track) return std::nullopt;
  file.track = *track;
  const bool cmaf = file.presentation == Presentation::cmaf;
  file.init = cmaf && name == kInitName;
  if (file.init) return file;
  auto place = (cmaf ? kSlateFragmentTemplate : kSlateTemplate).parse(name);
  if (!place || *place >= live::kMaxSlatesInARow) return std::nullopt;
  file.place = *place;
  return file;
}

std::string slate_path(const std::vector<Rendition>& ladder, const SlateFile& file) {
  const bool cmaf = file.presentation == Presentation::cmaf;
  std::string path = cmaf ? std::string(kCmafDir) + "/" : "";
  path += (file.track.video ? ladder.at(file.track.rendition).name : std::string(kAudioTrackName)) + "/";
  if (file.init) return path + std::string(kInitName);
  return path + (cmaf ? kSlateFragmentTemplate : kSlateTemplate).format(file.place);
}

cache::StoreJob slate_job(const SlatePtr& slate, std::size_t rendition) {
  cache::StoreJob job;
  job.key = slate->keys.at(rendition);
  job.extension = ".ts";
  job.render = [slate, rendition](const fs::path& out, cache::Deadline deadline) {
    return render::render_slate(slate->spec, slate->renditions.at(rendition).profile, out, deadline);
  };
  return job;
}

void request_slate(cache::RenderScheduler& scheduler, const SlatePtr& slate, const SlateFile& file,
                   cache::RenderDone done) {
  cache::StoreJob source = slate_job(slate, file.track.rendition);
  if (file.presentation == Presentation::ts && file.place == 0) return scheduler.request(std::move(source), std::move(done));
  scheduler.request_derived(std::move(source), slate_derivation(slate, file), std::move(done));
}

}  // namespace ws::stream
