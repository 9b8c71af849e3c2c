#pragma once
// What the server answers for a stream file, given its plan: a text (made
// with the plan, or for the subtitle segments now), a media file the store
// holds or makes (see media_jobs.h), or nothing when the index is past the
// stream's last segment. One resolver for every presentation, so the HTTP
// handlers only parse the path, call it and answer.
#include <memory>
#include <string>
#include <variant>

#include "stream/layout.h"
#include "stream/prepared_text.h"
#include "stream/stream_plan.h"

namespace ws::stream {

// How a signed URL's query travels with a text: appended to every URI of a
// playlist, written into the MPD's templates (the text is made again), or
// not at all (WebVTT has no URIs).
enum class QueryUse { none, on_uris, in_manifest };

struct TextAnswer {
  std::shared_ptr<const PreparedText> text;
  QueryUse query = QueryUse::none;
};

struct MediaAnswer {
  StreamFile file;
  std::string content_type;
  // A segment a player plays (not a trick-play picture): the next ones are
  // worth rendering ahead.
  bool prefetch_after = false;
};

struct PastTheEnd {};

using Answer = std::variant<TextAnswer, MediaAnswer, PastTheEnd>;

Answer resolve(const StreamPlan& plan, const StreamFile& file);

}  // namespace ws::stream
