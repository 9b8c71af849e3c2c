#include "fmp4/from_ts.h"

#include "fmp4/elementary.h"
#include "fmp4/fmp4_writer.h"

namespace ws::fmp4 {
namespace {

// The samples of `track` in `ts`, and its configuration (timescale unset).
struct TrackContent {
  std::vector<Sample> samples;
  TrackConfig config;
};

Result<TrackContent> read_track(std::string_view ts, Track track) {
  WS_ASSIGN_OR_RETURN(const TsStreams streams, demux_ts(ts));
  TrackContent out;
  if (track == Track::video) {
    WS_ASSIGN_OR_RETURN(VideoSamples video, h264_samples(streams.video));
    out.config.sps = std::move(video.sps);
    out.config.pps = std::move(video.pps);
    out.samples = std::move(video.samples);
    return out;
  }
  WS_ASSIGN_OR_RETURN(AudioSamples audio, adts_samples(streams.audio));
  out.config.video = false;
  out.config.audio_specific_config = std::move(audio.audio_specific_config);
  out.config.sample_rate = audio.sample_rate;
  out.config.channels = audio.channels;
  out.samples = std::move(audio.samples);
  return out;
}

// The track's samples, checked against the slot they must fill.
Result<std::vector<Sample>> slot_samples(std::string_view ts, Track track, const TrackSlot& slot) {
  WS_ASSIGN_OR_RETURN(TrackContent content, read_track(ts, track));
  auto& samples = content.samples;
  if (samples.empty() || samples.size() != slot.sample_count) {
    return fragment_mismatch(std::to_string(samples.size()) + " samples for " + std::to_string(slot.sample_count));
  }
  if (track == Track::video && !samples.front().sync) {
    return fragment_mismatch("the video does not start on an IDR picture");
  }
  return std::move(samples);
}

}  // namespace

Error fragment_mismatch(const std::string& why) {
  return make_error(ErrorKind::internal, "fragment_mismatch", "segment does not fit its grid slot: " + why);
}

Result<std::vector<uint8_t>> init_from_ts(std::string_view ts, Track track, uint32_t timescale, int width,
                                          int height) {
  WS_ASSIGN_OR_RETURN(TrackContent content, read_track(ts, track));
  content.config.timescale = timescale;
  content.config.width = width;
  content.config.height = height;
  return init_segment(content.config);
}

Result<std::vector<uint8_t>> fragment_from_ts(std::string_view ts, Track track, const TrackSlot& slot) {
  WS_ASSIGN_OR_RETURN(const std::vector<Sample> samples, slot_samples(ts, track, slot));
  return media_segment({slot.sequence_number, slot.start, slot.sample_duration}, samples);
}

Result<std::vector<uint8_t>> keyframe_fragment_from_ts(std::string_view ts, const TrackSlot& slot) {
  WS_ASSIGN_OR_RETURN(const std::vector<Sample> samples, slot_samples(ts, Track::video, slot));
  auto whole_slot = static_cast<uint32_t>(slot.sample_duration * slot.sample_count);
  return media_segment({slot.sequence_number, slot.start, whole_slot}, {samples.front()});
}

}  // namespace ws::fmp4
