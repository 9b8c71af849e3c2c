#include "stream/content_keys.h"

#include <sstream>

#include "common/file_facts.h"
#include "stream/content_versions.h"
#include "timeline/fingerprint.h"
#include "timeline/query.h"

namespace ws::stream {

std::string segment_profile_text(const render::RenderProfile& p, const std::string& background_identity,
                                 const std::string& pipelines_digest) {
  std::ostringstream text;
  text << kRendererVersion << ";container=mpegts;w=" << p.width << ";h=" << p.height << ";h264=" << p.h264_profile
       << "@" << p.h264_level << ";vb=" << p.video_bitrate_kbps << ";ab=" << p.audio_bitrate_kbps
       << ";bg=" << p.background << "@" << background_identity << ";pipelines=" << pipelines_digest;
  return text.str();
}

std::string segment_key(const timeline::Timeline& tl, const timeline::Segment& segment,
                        const std::string& profile_text, const std::map<std::string, std::string>& clip_identities) {
  std::string text = timeline::segment_canonical_text(tl, segment, profile_text);
  for (std::size_t i : timeline::intervals_overlapping(tl, segment.start_frame, segment.frame_count)) {
    const std::string& clip = tl.intervals[i].clip;
    if (clip.empty()) continue;
    auto it = clip_identities.find(clip);
    text += "\nclip-identity=" + std::to_string(clip.size()) + ":" + clip + "=" +
            (it == clip_identities.end() ? std::string("?") : it->second);
  }
  return sha256_hex(text);
}

std::string derived_key(const std::string& segment_key, const std::string& kind) {
  return sha256_hex(std::string(kCmafVersion) + "\n" + kind + "\n" + segment_key);
}

std::string download_key(const std::vector<std::string>& segment_keys) {
  std::string text = kDownloadVersion;
  for (const auto& key : segment_keys) text += "\n" + key;
  return sha256_hex(text);
}

}  // namespace ws::stream
