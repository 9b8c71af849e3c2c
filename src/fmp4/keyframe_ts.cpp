#include "fmp4/keyframe_ts.h"

#include <string>

#include "fmp4/elementary.h"
#include "fmp4/ts_demux.h"

namespace ws::fmp4 {

Result<std::vector<uint8_t>> keyframe_ts_from_ts(std::string_view ts) {
  auto unit = first_video_unit_packets(ts);
  if (!unit) return unit.error();
  // Read back as any player would: exactly one picture, an IDR.
  auto streams = demux_ts(std::string_view(reinterpret_cast<const char*>(unit->data()), unit->size()));
  if (!streams) return streams.error();
  auto video = h264_samples(streams->video);
  if (!video) return video.error();
  if (video->samples.size() != 1 || !video->samples.front().sync) {
    return make_error(ErrorKind::internal, "fragment_mismatch",
                      "segment does not fit its grid slot: its first picture is not an IDR");
  }
  return std::move(*unit);
}

}  // namespace ws::fmp4
