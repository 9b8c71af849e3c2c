#include "stream/live_texts.h"

#include <algorithm>

#include "common/utc_time.h"
#include "playlist/dash.h"
#include "playlist/hls.h"
#include "stream/cmaf_texts.h"
#include "stream/hls_texts.h"
#include "stream/slate.h"
#include "timeline/track_clock.h"

namespace ws::stream {
namespace {

using live::EntryKind;
using live::ProgramEntry;

int64_t nominal_us(const timeline::SegmentGrid& grid) { return timeline::duration_us(grid, slate_at(grid, 0)); }

// Where an entry's file is for `track` of `presentation`, and its init segment (fMP4).
struct EntryFiles {
  std::string uri;
  std::string map_uri;
};

EntryFiles files_of(const StreamPlan& plan, const ProgramEntry& entry, const LiveContext& c, Presentation presentation,
                    const Track& track) {
  const bool cmaf = presentation == Presentation::cmaf;
  if (entry.kind == EntryKind::slate) {
    const std::string base = c.slate_base;
    return {base + slate_path(plan.renditions, {presentation, false, track, entry.index}),
            cmaf ? base + slate_path(plan.renditions, {presentation, true, track, 0}) : ""};
  }
  if (!c.segment_base.empty()) return {c.segment_base + kSegmentTemplate.format(entry.index), ""};
  auto vod = [&](FileKind kind, int index) {
    return c.stream_base + path_of(plan.renditions, {presentation, kind, track, index}) + c.stream_query;
  };
  return {vod(FileKind::segment, entry.index), cmaf ? vod(FileKind::init, -1) : ""};
}

// The entry on one track's clock: a workout segment where the grid has it,
// a slate at its place on the slate's own clock.
timeline::TrackTime track_time_of(const timeline::SegmentGrid& grid, EntryKind kind, int index, bool video) {
  const timeline::Segment segment =
      kind == EntryKind::slate ? slate_at(grid, index) : grid.segments.at(static_cast<std::size_t>(index));
  return timeline::track_time(grid, segment, video);
}

// A new Period for the run `entry` opens: its start, its files, its tracks'
// offsets (the media time at the run's first entry) and first numbers.
playlist::DashLivePeriod open_period(const StreamPlan& plan, const ProgramEntry& entry, const LiveContext& c) {
  const bool slate = entry.kind == EntryKind::slate;
  playlist::DashLivePeriod period;
  period.id = std::to_string(entry.run);
  period.start_us = entry.run_start_us;
  const std::string cmaf_dir = std::string(kCmafDir) + "/";
  DashTemplates templates = slate ? dash_templates(c.slate_base + cmaf_dir, kSlateFragmentTemplate, "")
                                  : dash_templates(c.stream_base + cmaf_dir, kFragmentTemplate, c.stream_query);
  period.initialization = std::move(templates.initialization);
  period.media = std::move(templates.media);
  for (bool video : {true, false}) {
    playlist::DashTrackTemplate& track = video ? period.video : period.audio;
    track.presentation_time_offset = track_time_of(plan.grid, entry.kind, entry.run_first_index, video).start;
    track.start_number = entry.index;
  }
  return period;
}

std::vector<playlist::DashLivePeriod> periods_of(const StreamPlan& plan, const live::LiveWindow& window,
                                                 const LiveContext& c) {
  std::vector<playlist::DashLivePeriod> periods;
  int run = -1;
  for (const ProgramEntry& entry : window.entries) {
    if (entry.run != run) periods.push_back(open_period(plan, entry, c));
    run = entry.run;
    for (bool video : {true, false}) {
      const timeline::TrackTime time = track_time_of(plan.grid, entry.kind, entry.index, video);
      (video ? periods.back().video : periods.back().audio).spans.push_back({time.start, time.length});
    }
  }
  if (periods.empty()) periods.push_back(open_period(plan, ProgramEntry{}, c));  // nothing listed yet
  return periods;
}

}  // namespace

std::optional<StreamFile> parse_live_path(const std::vector<Rendition>& ladder, std::string_view path) {
  if (path == kLiveDashName) return StreamFile(Presentation::cmaf, FileKind::dash_manifest);
  auto file = parse_stream_path(ladder, path);
  if (!file || (file->kind != FileKind::master && file->kind != FileKind::media_playlist)) return std::nullopt;
  return file;
}

std::string live_master_text(const StreamPlan& plan, Presentation presentation) {
  if (presentation == Presentation::ts) return playlist::master_playlist(ts_variants(plan));
  return playlist::master_playlist(cmaf_variants(plan), cmaf_master_options());
}

std::string live_media_text(const StreamPlan& plan, const live::LiveWindow& window, const LiveContext& context,
                            Presentation presentation, const Track& track) {
  playlist::LiveMediaPlaylist playlist;
  playlist.version = presentation == Presentation::cmaf ? 7 : 3;
  playlist.target_duration = timeline::target_duration_seconds(plan.grid);
  playlist.media_sequence = window.media_sequence;
  playlist.discontinuity_sequence = window.discontinuity_sequence;
  playlist.ended = window.ended;
  for (const ProgramEntry& entry : window.entries) {
    EntryFiles files = files_of(plan, entry, context, presentation, track);
    const Instant start = live::program_instant(context.clock, entry.start_us);
    playlist.segments.push_back({std::move(files.uri), entry.duration_us, utc_timestamp_millis(start),
                                 entry.discontinuity, std::move(files.map_uri)});
  }
  return playlist::live_media_playlist(playlist);
}

std::string live_dash_text(const StreamPlan& plan, const live::LiveWindow& window, const LiveContext& context) {
  playlist::DashLiveOptions options;
  options.video = dash_video_representations(plan);
  options.audio = dash_audio_representations(plan);
  options.availability_start_time = utc_timestamp_millis(context.clock.starts_at);
  options.publish_time = utc_timestamp_millis(context.now);
  const int64_t segment_us = nominal_us(plan.grid);
  options.minimum_update_period_us = segment_us / 2;
  options.time_shift_buffer_us = segment_us * context.window_size;
  // Three segments behind the live edge, as hls.js plays by default.
  options.suggested_presentation_delay_us = segment_us * 3;
  options.utc_timing_url = context.utc_timing_url;
  if (window.ended) options.presentation_duration_us = window.end_us;
  options.periods = periods_of(plan, window, context);
  return playlist::dynamic_dash_mpd(plan.grid, options);
}

int live_max_age_seconds(const timeline::SegmentGrid& grid) {
  return static_cast<int>(std::max<int64_t>(1, nominal_us(grid) / 2'000'000));
}

}  // namespace ws::stream
