// fMP4/CMAF routes under /streams/{id}/cmaf/: the HLS master and media
// playlists, the DASH MPD, init segments and fragments. A fragment is derived
// from its MPEG-TS segment (rendered first if need be), so both containers
// share one render and one encode.
#include <functional>
#include <optional>

#include "http/cmaf_playlists.h"
#include "http/handlers.h"
#include "http/stream_common.h"
#include "http/stream_signing.h"
#include "cache/cmaf_jobs.h"
#include "playlist/webvtt.h"

namespace ws::http {
namespace {

const char* content_type_of(const cache::CmafTrack& track) { return track.video ? "video/mp4" : "audio/mp4"; }

void serve_init(Services& s, const PlanPtr& plan, const cache::CmafTrack& track, const ResponderPtr& responder) {
  serve_derived(s, cache::source_segment_job(plan, s.streams, track, 0),
                [&s, plan, track](const std::filesystem::path& ts) { return cache::cmaf_init_job(plan, s.streams, track, ts); },
                content_type_of(track), responder);
}

// A fragment (or, with `keyframe`, the keyframe fragment of trick play).
void serve_fragment(Services& s, const PlanPtr& plan, const cache::CmafTrack& track, int index, bool keyframe,
                    const ResponderPtr& responder) {
  if (index >= static_cast<int>(plan->grid.segments.size())) {
    return responder->respond(segment_not_found());
  }
  serve_derived(s, cache::source_segment_job(plan, s.streams, track, index),
                [plan, track, index, keyframe](const std::filesystem::path& ts) {
                  return keyframe ? cache::cmaf_keyframe_job(plan, track, index, ts)
                                  : cache::cmaf_fragment_job(plan, track, index, ts);
                },
                content_type_of(track), responder);
  if (!keyframe) prefetch(s, plan, track.rendition, index + 1, s.prefetch_segments);
}

// cmaf/subs/: the same WebVTT cues as the TS stream's, on the fMP4 clock, and
// the whole track in one file for DASH.
void serve_subtitles(const PlanPtr& plan, const std::string& file, const std::string& query,
                     const ResponderPtr& responder) {
  if (file == kMediaPlaylistName) {
    return responder->respond(playlist_response(with_query_on_uris(subtitles_playlist_text(*plan), query)));
  }
  if (file == kSubtitlesDocumentName) {
    return responder->respond(playlist_response(playlist::webvtt_document(plan->timeline), "text/vtt"));
  }
  int index = segment_index_from_name(file, "sub_", ".vtt");
  if (index < 0 || index >= static_cast<int>(plan->grid.segments.size())) {
    return responder->respond(stream_file_not_found());
  }
  responder->respond(playlist_response(cmaf_subtitles_segment_text(*plan, index), "text/vtt"));
}

// The track a path names ("audio" or a rendition), or nothing.
std::optional<cache::CmafTrack> track_named(const Services& s, const std::string& name) {
  if (name == kAudioTrackName) return cache::CmafTrack::audio();
  int rendition = s.streams.rendition_index(name);
  if (rendition < 0) return std::nullopt;
  return cache::CmafTrack{true, static_cast<std::size_t>(rendition)};
}

// What a file name under a track asks for; nothing for names no track has.
struct TrackFile {
  enum Kind { playlist, iframes, init, fragment, keyframe } kind = playlist;
  int index = -1;  // fragment, keyframe
};

std::optional<TrackFile> parse_track_file(const cache::CmafTrack& track, const std::string& file) {
  if (file == kMediaPlaylistName) return TrackFile{TrackFile::playlist};
  if (file == kInitName) return TrackFile{TrackFile::init};
  if (int index = segment_index_from_name(file, "seg_", ".m4s"); index >= 0) return TrackFile{TrackFile::fragment, index};
  if (!track.video) return std::nullopt;  // trick play is for pictures
  if (file == kIFramesName) return TrackFile{TrackFile::iframes};
  if (int index = segment_index_from_name(file, "iframe_", ".m4s"); index >= 0) return TrackFile{TrackFile::keyframe, index};
  return std::nullopt;
}

void serve_track_file(Services& s, const PlanPtr& plan, const cache::CmafTrack& track, const TrackFile& file,
                      const std::string& query, const ResponderPtr& responder) {
  switch (file.kind) {
    case TrackFile::playlist:
      return responder->respond(
          playlist_response(with_query_on_uris(cmaf_media_playlist_text(*plan, track.video), query)));
    case TrackFile::iframes:
      return responder->respond(playlist_response(with_query_on_uris(cmaf_iframe_playlist_text(*plan), query)));
    case TrackFile::init:
      return serve_init(s, plan, track, responder);
    case TrackFile::fragment:
    case TrackFile::keyframe:
      return serve_fragment(s, plan, track, file.index, file.kind == TrackFile::keyframe, responder);
  }
}

void get_track_file(Services& s, Request& request, const ResponderPtr& responder) {
  auto query = checked_query(s, request, responder);
  if (!query) return;
  const std::string& name = request.path_params.at(1);
  const std::string& file = request.path_params.at(2);
  if (name == kSubtitlesName) {
    return with_plan(s, request.path_params.at(0), responder, [file, query = *query, responder](const PlanPtr& plan) {
      serve_subtitles(plan, file, query, responder);
    });
  }
  auto track = track_named(s, name);
  auto wanted = track ? parse_track_file(*track, file) : std::nullopt;
  if (!wanted) return responder->respond(stream_file_not_found());
  with_plan(s, request.path_params.at(0), responder,
            [&s, responder, track = *track, wanted = *wanted, query = *query](const PlanPtr& plan) {
              serve_track_file(s, plan, track, wanted, query, responder);
            });
}

void get_master(Services& s, Request& request, const ResponderPtr& responder) {
  auto query = checked_query(s, request, responder);
  if (!query) return;
  with_plan(s, request.path_params.at(0), responder, [&s, responder, query = *query](const PlanPtr& plan) {
    responder->respond(playlist_response(with_query_on_uris(cmaf_master_playlist_text(s.streams, *plan), query)));
  });
}

void get_mpd(Services& s, Request& request, const ResponderPtr& responder) {
  auto query = checked_query(s, request, responder);
  if (!query) return;
  with_plan(s, request.path_params.at(0), responder, [&s, responder, query = *query](const PlanPtr& plan) {
    responder->respond(playlist_response(dash_manifest_text(s.streams, *plan, query), "application/dash+xml"));
  });
}

}  // namespace

void add_cmaf_routes(Router& router, Services& s) {
  router.add("GET", "/streams/{id}/cmaf/master.m3u8",
             [&s](Request& rq, const ResponderPtr& rs) { get_master(s, rq, rs); });
  router.add("GET", "/streams/{id}/cmaf/manifest.mpd", [&s](Request& rq, const ResponderPtr& rs) { get_mpd(s, rq, rs); });
  router.add("GET", "/streams/{id}/cmaf/{track}/{file}",
             [&s](Request& rq, const ResponderPtr& rs) { get_track_file(s, rq, rs); });
}

}  // namespace ws::http
