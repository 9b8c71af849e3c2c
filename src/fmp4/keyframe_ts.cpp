#include "fmp4/keyframe_ts.h"

#include <string>

#include "fmp4/elementary.h"
#include "fmp4/from_ts.h"
#include "fmp4/ts_demux.h"

namespace ws::fmp4 {

Result<std::vector<uint8_t>> keyframe_ts_from_ts(std::string_view ts) {
  WS_ASSIGN_OR_RETURN(std::vector<uint8_t> unit, first_video_unit_packets(ts));
  // Read back as any player would: exactly one picture, an IDR.
  WS_ASSIGN_OR_RETURN(const TsStreams streams,
                      demux_ts(std::string_view(reinterpret_cast<const char*>(unit.data()), unit.size())));
  WS_ASSIGN_OR_RETURN(const VideoSamples video, h264_samples(streams.video));
  if (video.samples.size() != 1 || !video.samples.front().sync) {
    return fragment_mismatch("its first picture is not an IDR");
  }
  return unit;
}

}  // namespace ws::fmp4
