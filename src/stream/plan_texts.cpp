#include "stream/plan_texts.h"

#include "playlist/webvtt.h"
#include "stream/cmaf_texts.h"
#include "stream/hls_texts.h"
#include "stream/stream_plan.h"

namespace ws::stream {
namespace {

PlanTexts::Text kept(std::string body, const char* content_type) {
  return std::make_shared<const PreparedText>(prepare_text(std::move(body), content_type));
}

}  // namespace

PlanTexts prepare_plan_texts(const StreamPlan& plan) {
  PlanTexts texts;
  texts.master = kept(master_playlist_text(plan), kPlaylistType);
  texts.media = kept(media_playlist_text(plan), kPlaylistType);
  texts.iframes = kept(iframe_playlist_text(plan), kPlaylistType);
  texts.subtitles = kept(subtitles_playlist_text(plan), kPlaylistType);
  texts.cmaf_master = kept(cmaf_master_playlist_text(plan), kPlaylistType);
  texts.cmaf_video_media = kept(cmaf_media_playlist_text(plan, true), kPlaylistType);
  texts.cmaf_audio_media = kept(cmaf_media_playlist_text(plan, false), kPlaylistType);
  texts.cmaf_iframes = kept(cmaf_iframe_playlist_text(plan), kPlaylistType);
  texts.dash_manifest = kept(dash_manifest_text(plan, ""), kDashType);
  texts.subtitles_document = kept(playlist::webvtt_document(plan.timeline), kWebVttType);
  return texts;
}

}  // namespace ws::stream
