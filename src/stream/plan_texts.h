#pragma once
// The text files of a plan that do not depend on the request, made once when
// the plan is: the playlists of both presentations, the MPD and the whole
// WebVTT track. Subtitle segments (one per segment, small) are made per
// request instead.
#include <memory>

#include "stream/prepared_text.h"

namespace ws::stream {

struct StreamPlan;

struct PlanTexts {
  using Text = std::shared_ptr<const PreparedText>;
  // MPEG-TS: master.m3u8, {rendition}/index.m3u8 and iframes.m3u8 (the same
  // text for every rendition), subs/index.m3u8 (also under cmaf/).
  Text master, media, iframes, subtitles;
  // fMP4 under cmaf/: the master, a video rendition's and the audio's media
  // playlist, the I-frame playlist, the MPD, subs/all.vtt.
  Text cmaf_master, cmaf_video_media, cmaf_audio_media, cmaf_iframes, dash_manifest, subtitles_document;
};

PlanTexts prepare_plan_texts(const StreamPlan& plan);

}  // namespace ws::stream
