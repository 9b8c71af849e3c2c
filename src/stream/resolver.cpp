#include "stream/resolver.h"

#include "stream/cmaf_texts.h"
#include "stream/hls_texts.h"

namespace ws::stream {
namespace {

bool numbered(FileKind kind) {
  return kind == FileKind::segment || kind == FileKind::keyframe || kind == FileKind::subtitle_segment;
}

std::string media_type(const StreamFile& file) {
  if (file.presentation == Presentation::ts) return "video/mp2t";
  return file.track.video ? "video/mp4" : "audio/mp4";
}

// The text kept with the plan for `file`, or null for one made per request.
std::shared_ptr<const PreparedText> kept_text(const PlanTexts& texts, const StreamFile& file) {
  const bool ts = file.presentation == Presentation::ts;
  switch (file.kind) {
    case FileKind::master: return ts ? texts.master : texts.cmaf_master;
    case FileKind::dash_manifest: return texts.dash_manifest;
    case FileKind::media_playlist:
      return ts ? texts.media : file.track.video ? texts.cmaf_video_media : texts.cmaf_audio_media;
    case FileKind::iframe_playlist: return ts ? texts.iframes : texts.cmaf_iframes;
    case FileKind::subtitle_playlist: return texts.subtitles;
    case FileKind::subtitle_document: return texts.subtitles_document;
    default: return nullptr;
  }
}

QueryUse query_use(FileKind kind) {
  switch (kind) {
    case FileKind::dash_manifest: return QueryUse::in_manifest;
    case FileKind::subtitle_segment:
    case FileKind::subtitle_document: return QueryUse::none;
    default: return QueryUse::on_uris;
  }
}

// Small, one per segment: made when asked, its gzip left to the answer.
std::shared_ptr<const PreparedText> subtitle_segment(const StreamPlan& plan, const StreamFile& file) {
  std::string body = file.presentation == Presentation::ts ? subtitles_segment_text(plan, file.index)
                                                            : cmaf_subtitles_segment_text(plan, file.index);
  return std::make_shared<const PreparedText>(prepare_text(std::move(body), kWebVttType, false));
}

}  // namespace

Answer resolve(const StreamPlan& plan, const StreamFile& file) {
  if (numbered(file.kind) && (file.index < 0 || file.index >= plan.segment_count())) return PastTheEnd{};
  if (auto text = kept_text(plan.texts, file)) return TextAnswer{std::move(text), query_use(file.kind)};
  if (file.kind == FileKind::subtitle_segment) return TextAnswer{subtitle_segment(plan, file), QueryUse::none};
  return MediaAnswer{file, media_type(file), file.kind == FileKind::segment};
}

}  // namespace ws::stream
