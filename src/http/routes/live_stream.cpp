// The live stream of a class, found by its join code: GET /live/{code}/...
// serves its live presentations (HLS over MPEG-TS and fMP4, dynamic DASH),
// written from its workout's plan and its live window at the server's clock;
// their media are the workout's VOD files under /streams/{id}/ and the
// "Paused" slate every class shares, GET /live/slate/.... The TV rendition,
// GET /live/{code}/tv/..., draws the class board over the workout.
#include <algorithm>
#include <filesystem>

#include "db/live_repository.h"
#include "http/handlers.h"
#include "http/routes/stream_files.h"
#include "http/stream_signing.h"
#include "live/board.h"
#include "live/live_window.h"
#include "stream/live_media.h"
#include "stream/live_texts.h"
#include "stream/prepared_text.h"
#include "stream/slate.h"
#include "stream/tv_board.h"

namespace ws::http {
namespace {

using stream::FileKind;
using stream::Presentation;

constexpr const char* kSlateBase = "/live/slate/";

using ClassUser = std::function<void(const live::LiveClass&, const PlanPtr&)>;

Response live_file_not_found() { return error_response(ErrorKind::not_found, "not_found", "no such live file"); }

// The class `code` names and its workout's plan (unknown code: 404
// unknown_code, whatever the class's state), then `use` on any thread.
void with_live_class(Services& s, const std::string& code, const ResponderPtr& responder, ClassUser use) {
  run_on_db(s, responder, [&s, code, responder, use](db::Connection& c) {
    auto found = db::find_live_class(c, code);
    if (!found) return responder->respond(error_response(found.error()));
    const std::string workout_id = found->workout_id;
    with_plan(s, workout_id, responder,
              [live = std::move(found).value(), use](const PlanPtr& plan) { use(live, plan); });
  });
}

// The VOD files the live texts list carry the stream's signed query (when
// signing is on), valid until the class expires and its workout could end.
std::string stream_query(const Services& s, const live::LiveClass& live, const stream::StreamPlan& plan,
                         Instant now) {
  const auto workout = std::chrono::seconds(plan.grid.total_frames * plan.grid.fps_den / plan.grid.fps_num + 1);
  const auto until_expiry = std::chrono::duration_cast<std::chrono::seconds>(live.expires_at - now);
  return s.signer.query_for(plan.workout_id, std::max(until_expiry, std::chrono::seconds(0)) + workout, unix_now());
}

stream::LiveContext live_context(const Services& s, const live::LiveClass& live, const stream::StreamPlan& plan,
                                 Instant now) {
  stream::LiveContext context;
  context.stream_base = "/streams/" + plan.workout_id + "/";
  context.stream_query = stream_query(s, live, plan, now);
  context.slate_base = kSlateBase;
  context.clock = live::ending_by(live.clock, live.expires_at);
  context.now = now;
  context.window_size = s.config.live.window_segments;
  return context;
}

// Live texts change with every segment: cached half a segment at most.
Response live_text_response(std::string body, const char* content_type, const timeline::SegmentGrid& grid) {
  Response response;
  response.content_type = content_type;
  response.header("ETag", stream::etag_for(body));
  response.body = std::move(body);
  return response.header("Cache-Control", "public, max-age=" + std::to_string(stream::live_max_age_seconds(grid)));
}

std::string window_text(const stream::StreamPlan& plan, const live::LiveWindow& window,
                        const stream::LiveContext& context, const stream::StreamFile& file) {
  if (file.kind == FileKind::dash_manifest) return stream::live_dash_text(plan, window, context);
  return stream::live_media_text(plan, window, context, file.presentation, file.track);
}

// The window of the class now, its files rendered ahead of the class clock.
struct Moment {
  stream::LiveContext context;
  live::LiveWindow window;
};

Moment moment_of(Services& s, const live::LiveClass& live, const PlanPtr& plan, const stream::EntryJob& job_for) {
  const Instant now = s.clock.now();
  Moment moment{live_context(s, live, *plan, now), {}};
  moment.window = live::class_window(live, plan->grid, now, moment.context.window_size);
  stream::render_ahead(s.renders, *plan, moment.window, job_for, std::max(2, s.prefetch_segments));
  return moment;
}

// Answers `make_text` of the moment once every file it lists is stored.
void answer_when_listed(Services& s, const PlanPtr& plan, const Moment& moment, const stream::EntryJob& job_for,
                        const char* type, const ResponderPtr& responder,
                        std::function<std::string(const Moment&)> make_text) {
  stream::await_listed(s.renders, s.store, moment.window, job_for,
                       [plan, moment, type, responder, make_text = std::move(make_text)](Status stored) {
                         if (!stored) return responder->respond(render_failure(stored.error(), "the live window"));
                         responder->respond(live_text_response(make_text(moment), type, plan->grid));
                       });
}

// A master at once; a window's text once every segment it lists (of its
// rendition; the first for the MPD) is stored.
void answer_live_text(Services& s, const stream::StreamFile& file, const live::LiveClass& live, const PlanPtr& plan,
                      const ResponderPtr& responder) {
  const std::size_t rendition = file.kind == FileKind::media_playlist ? file.track.rendition : 0;
  const stream::EntryJob job_for = stream::vod_entry_jobs(plan, s.streams.slate(), rendition);
  Moment moment = moment_of(s, live, plan, job_for);
  if (file.kind == FileKind::master) {
    return responder->respond(
        live_text_response(stream::live_master_text(*plan, file.presentation), stream::kPlaylistType, plan->grid));
  }
  const char* type = file.kind == FileKind::dash_manifest ? stream::kDashType : stream::kPlaylistType;
  answer_when_listed(s, plan, moment, job_for, type, responder, [plan, file](const Moment& m) {
    return window_text(*plan, m.window, m.context, file);
  });
}

void serve_live_text(Services& s, Request& request, const ResponderPtr& responder, const std::string& path) {
  auto file = stream::parse_live_path(s.streams.renditions(), path);
  if (!file) return responder->respond(live_file_not_found());
  with_live_class(s, request.param("code"), responder,
                  [&s, responder, file = *file](const live::LiveClass& live, const PlanPtr& plan) {
                    answer_live_text(s, file, live, plan, responder);
                  });
}

std::string slate_type(const stream::SlateFile& file) {
  if (file.presentation == Presentation::ts) return "video/mp2t";
  return file.track.video ? "video/mp4" : "audio/mp4";
}

void serve_slate(Services& s, const ResponderPtr& responder, const std::string& path) {
  auto file = stream::parse_slate_path(s.streams.renditions(), path);
  if (!file) return responder->respond(live_file_not_found());
  stream::request_slate(s.renders, s.streams.slate(), *file, answer_stored(responder, slate_type(*file)));
}

// The TV rendition: the board each of its segments shows is the class's
// board when that segment is first rendered or asked for, then kept.
stream::EntryJob tv_jobs(Services& s, const live::LiveClass& live, const PlanPtr& plan) {
  return stream::tv_entry_jobs(plan, s.streams.slate(), [&s, session = live.session_id](int index) {
    return s.boards ? s.boards->board_at(session, index) : live::Board{};
  });
}

void answer_tv_playlist(Services& s, const live::LiveClass& live, const PlanPtr& plan, const ResponderPtr& responder) {
  const stream::EntryJob job_for = tv_jobs(s, live, plan);
  Moment moment = moment_of(s, live, plan, job_for);
  moment.context.segment_base = "/live/" + live.code + "/" + std::string(stream::kTvDir) + "/";
  answer_when_listed(s, plan, moment, job_for, stream::kPlaylistType, responder, [plan](const Moment& m) {
    return stream::live_media_text(*plan, m.window, m.context, Presentation::ts, stream::Track{});
  });
}

void answer_tv_segment(Services& s, const std::string& name, const live::LiveClass& live, const PlanPtr& plan,
                       const ResponderPtr& responder) {
  auto index = stream::kSegmentTemplate.parse(name);
  if (!index || *index >= plan->segment_count()) return responder->respond(live_file_not_found());
  live::ProgramEntry entry;
  entry.index = *index;
  s.renders.request(tv_jobs(s, live, plan)(entry), answer_stored(responder, "video/mp2t"));
}

void serve_tv(Services& s, Request& request, const ResponderPtr& responder) {
  const std::string file = request.param("file");
  if (file == stream::kMasterName) {
    return with_live_class(s, request.param("code"), responder, [responder](const live::LiveClass&, const PlanPtr& plan) {
      responder->respond(live_text_response(stream::tv_master_text(*plan), stream::kPlaylistType, plan->grid));
    });
  }
  if (file == stream::kMediaPlaylistName) {
    return with_live_class(s, request.param("code"), responder,
                           [&s, responder](const live::LiveClass& live, const PlanPtr& plan) {
                             answer_tv_playlist(s, live, plan, responder);
                           });
  }
  if (!stream::kSegmentTemplate.parse(file)) return responder->respond(live_file_not_found());
  with_live_class(s, request.param("code"), responder,
                  [&s, file, responder](const live::LiveClass& live, const PlanPtr& plan) {
                    answer_tv_segment(s, file, live, plan, responder);
                  });
}

}  // namespace

void add_live_stream_routes(Router& router, Services& s) {
  auto text = [&s](std::string below_code) {
    return [&s, below_code](Request& request, const ResponderPtr& responder) {
      std::string path = below_code;
      for (const char* name : {"rendition", "track"}) {
        const std::string placeholder = std::string("{") + name + "}";
        if (auto at = path.find(placeholder); at != std::string::npos) path.replace(at, placeholder.size(), request.param(name));
      }
      serve_live_text(s, request, responder, path);
    };
  };
  router.add("GET", "/live/{code}/master.m3u8", text("master.m3u8"));
  router.add("GET", "/live/{code}/{rendition}/index.m3u8", text("{rendition}/index.m3u8"));
  router.add("GET", "/live/{code}/cmaf/master.m3u8", text("cmaf/master.m3u8"));
  router.add("GET", "/live/{code}/cmaf/{track}/index.m3u8", text("cmaf/{track}/index.m3u8"));
  router.add("GET", "/live/{code}/manifest.mpd", text(std::string(stream::kLiveDashName)));
  router.add("GET", "/live/{code}/tv/{file}", with_services(s, serve_tv));
  router.add("GET", "/live/slate/{rendition}/{file}", [&s](Request& request, const ResponderPtr& responder) {
    serve_slate(s, responder, request.param("rendition") + "/" + request.param("file"));
  });
  router.add("GET", "/live/slate/cmaf/{track}/{file}", [&s](Request& request, const ResponderPtr& responder) {
    serve_slate(s, responder, "cmaf/" + request.param("track") + "/" + request.param("file"));
  });
}

}  // namespace ws::http
