#include "http/routes/class_parsing.h"

#include <charconv>
#include <cmath>

#include <boost/json/serialize.hpp>

#include "http/json_fields.h"
#include "http/request_parsing.h"
#include "http/routes/member_parsing.h"
#include "http/routes/wod_parsing.h"

namespace ws::http {
namespace json = boost::json;
namespace {

constexpr double kMaxScore = 1000000;
const char* const kTracks = "RX, INTERMEDIATE or SCALED";
const char* const kScoreTypes = "TIME, REPS, ROUNDS, LOAD or CALORIES";

Result<std::optional<std::string>> optional_text(const json::object& o, const std::string& key, std::size_t max) {
  const auto* v = o.if_contains(key);
  if (!v || v->is_null()) return std::optional<std::string>();
  WS_ASSIGN_OR_RETURN(std::string text, string_of(*v, key, 0, max));
  text = trimmed(text);
  if (text.empty()) return std::optional<std::string>();
  return std::optional<std::string>(text);
}

Result<std::optional<std::string>> member_of(const json::object& o) {
  const auto* v = o.if_contains("member_id");
  if (!v || v->is_null()) return std::optional<std::string>();
  WS_ASSIGN_OR_RETURN(std::string id, string_of(*v, "member_id", 1, 64));
  if (!is_uuid(id)) return unprocessable("member_id", "must be a member id (a UUID)");
  return std::optional<std::string>(id);
}

// Two numbers of a clock ("HH:MM", "m:ss"): false when not of that shape.
bool clock_parts(std::string_view text, int& first, int& second) {
  auto colon = text.find(':');
  if (colon == std::string_view::npos || text.size() - colon != 3) return false;
  auto a = std::from_chars(text.data(), text.data() + colon, first);
  auto b = std::from_chars(text.data() + colon + 1, text.data() + text.size(), second);
  return colon > 0 && colon <= 4 && a.ptr == text.data() + colon && b.ptr == text.data() + text.size() &&
         a.ec == std::errc() && b.ec == std::errc() && second < 60;
}

Result<std::optional<std::string>> time_of_day(const json::object& o) {
  WS_ASSIGN_OR_RETURN(auto text, optional_text(o, "session_time", 8));
  if (!text) return text;
  int hours = 0, minutes = 0;
  if (!clock_parts(*text, hours, minutes) || text->size() != 5 || hours > 23) {
    return unprocessable("session_time", "must be a time of day HH:MM");
  }
  return text;
}

// A score: a number, kept to a thousandth; a time may be written "m:ss".
Result<std::optional<double>> score_number(const json::object& o, const std::string& key) {
  const auto* v = o.if_contains(key);
  if (!v || v->is_null()) return std::optional<double>();
  double n = 0;
  if (v->is_string()) {
    int minutes = 0, seconds = 0;
    if (!clock_parts(std::string_view(v->get_string()), minutes, seconds)) {
      return bad_request(key, "must be a number, or a time m:ss");
    }
    n = minutes * 60.0 + seconds;
  } else if (v->is_number()) {
    n = v->to_number<double>();
  } else {
    return bad_request(key, "must be a number");
  }
  if (!(n >= 0 && n <= kMaxScore)) return unprocessable(key, "must be between 0 and 1000000");
  return std::optional<double>(std::round(n * 1000) / 1000);
}

template <class E>
Result<std::optional<E>> optional_choice(const json::object& o, const std::string& key,
                                         std::optional<E> (*from_string)(std::string_view), const char* names) {
  const auto* v = o.if_contains(key);
  if (!v || v->is_null()) return std::optional<E>();
  WS_ASSIGN_OR_RETURN(E value, choice_of(*v, key, from_string, names));
  return std::optional<E>(value);
}

Result<std::optional<bool>> optional_boolean(const json::object& o, const std::string& key) {
  const auto* v = o.if_contains(key);
  if (!v || v->is_null()) return std::optional<bool>();
  WS_ASSIGN_OR_RETURN(bool value, boolean(*v, key));
  return std::optional<bool>(value);
}

Result<int> integer_or(const json::object& o, const std::string& key, int fallback, int min, int max) {
  const auto* v = o.if_contains(key);
  if (!v || v->is_null()) return fallback;
  WS_ASSIGN_OR_RETURN(long long n, integer_in(*v, key, min, max));
  return static_cast<int>(n);
}

Result<std::optional<std::string>> json_text(const json::object& o, const std::string& key, json::kind kind,
                                             const char* what) {
  const auto* v = o.if_contains(key);
  if (!v || v->is_null()) return std::optional<std::string>();
  if (v->kind() != kind) return bad_request(key, std::string("must be ") + what);
  return std::optional<std::string>(json::serialize(*v));
}

Status session_place(const json::object& o, ScheduledSession& s) {
  WS_ASSIGN_OR_RETURN(auto track, optional_choice(o, "track", track_from_string, kTracks));
  s.track = track.value_or(Track::rx);
  WS_ASSIGN_OR_RETURN(auto mode, optional_choice(o, "gender_mode", gender_mode_from_string, "M, F or MIXED"));
  s.gender_mode = mode.value_or(GenderMode::mixed);
  WS_ASSIGN_OR_RETURN(s.team_size, integer_or(o, "team_size", 1, 1, 20));
  WS_ASSIGN_OR_RETURN(s.location, optional_text(o, "location", 255));
  WS_ASSIGN_OR_RETURN(s.coach_notes, optional_text(o, "coach_notes", 2000));
  if (const auto* max = o.if_contains("max_participants"); max && !max->is_null()) {
    WS_ASSIGN_OR_RETURN(long long places, integer_in(*max, "max_participants", 1, 1000));
    s.max_participants = static_cast<int>(places);
  }
  return Status::Ok();
}

}  // namespace

Result<NewSession> parse_new_session(const json::value& body) {
  const auto& o = body.get_object();
  WS_RETURN_IF_ERROR(only_known_keys(o,
                                     {"wod_id", "session_date", "session_time", "track", "gender_mode", "team_size",
                                      "location", "coach_notes", "max_participants", "score_type"},
                                     ""));
  NewSession out;
  WS_ASSIGN_OR_RETURN(out.session.wod_id, required_string(o, "wod_id", 1, 64));
  if (!is_uuid(out.session.wod_id)) return unprocessable("wod_id", "must be a WOD id (a UUID)");
  WS_ASSIGN_OR_RETURN(std::string date, required_string(o, "session_date", 1, 10));
  WS_ASSIGN_OR_RETURN(out.session.session_date, calendar_date(date, "session_date"));
  WS_ASSIGN_OR_RETURN(out.session.session_time, time_of_day(o));
  WS_RETURN_IF_ERROR(session_place(o, out.session));
  WS_ASSIGN_OR_RETURN(out.score_type, optional_choice(o, "score_type", score_type_from_string, kScoreTypes));
  return out;
}

Result<DateRange> parse_date_range(const std::map<std::string, std::string>& query) {
  DateRange range;
  if (auto from = query.find("from"); from != query.end()) {
    WS_ASSIGN_OR_RETURN(range.from, calendar_date(from->second, "from"));
  }
  if (auto to = query.find("to"); to != query.end()) {
    WS_ASSIGN_OR_RETURN(range.to, calendar_date(to->second, "to"));
  }
  if (range.from && range.to && *range.to < *range.from) return unprocessable("to", "must not be before from");
  return range;
}

Result<std::optional<std::string>> parse_booking(const std::string& body) {
  if (trimmed(body).empty()) return std::optional<std::string>();
  WS_ASSIGN_OR_RETURN(json::value parsed, parse_json_body(body));
  const auto& o = parsed.get_object();
  WS_RETURN_IF_ERROR(only_known_keys(o, {"member_id"}, ""));
  return member_of(o);
}

Result<PostedResult> parse_result(const json::value& body) {
  const auto& o = body.get_object();
  WS_RETURN_IF_ERROR(only_known_keys(o,
                                     {"member_id", "score_type", "score_value", "score_secondary", "score_unit",
                                      "track", "is_rx", "is_dnf", "notes", "realized_events"},
                                     ""));
  PostedResult r;
  WS_ASSIGN_OR_RETURN(r.member_id, member_of(o));
  WS_ASSIGN_OR_RETURN(r.score_type, optional_choice(o, "score_type", score_type_from_string, kScoreTypes));
  WS_ASSIGN_OR_RETURN(r.score.value, score_number(o, "score_value"));
  WS_ASSIGN_OR_RETURN(r.score.secondary, score_number(o, "score_secondary"));
  WS_ASSIGN_OR_RETURN(r.score.unit, optional_text(o, "score_unit", 10));
  WS_ASSIGN_OR_RETURN(r.track, optional_choice(o, "track", track_from_string, kTracks));
  WS_ASSIGN_OR_RETURN(r.is_rx, optional_boolean(o, "is_rx"));
  WS_ASSIGN_OR_RETURN(auto dnf, optional_boolean(o, "is_dnf"));
  r.score.dnf = dnf.value_or(false);
  WS_ASSIGN_OR_RETURN(r.notes, optional_text(o, "notes", 2000));
  WS_ASSIGN_OR_RETURN(r.realized_events_json, json_text(o, "realized_events", json::kind::array, "an array"));
  return r;
}

Result<Score> resolve_score(const PostedResult& posted, const ScheduledSession& session) {
  Score score = posted.score;
  score.type = posted.score_type.value_or(session.score_type);
  if (posted.track) {
    score.track = *posted.track;
    if (posted.is_rx && *posted.is_rx != (score.track == Track::rx)) {
      return unprocessable("is_rx", std::string("disagrees with the track ") + to_string(score.track));
    }
  } else if (posted.is_rx) {
    score.track = *posted.is_rx ? Track::rx : Track::scaled;
  } else {
    score.track = session.track;
  }
  return score;
}

Result<PostedEvent> parse_event(const json::value& body) {
  const auto& o = body.get_object();
  WS_RETURN_IF_ERROR(only_known_keys(o,
                                     {"member_id", "timestamp_offset", "movement", "quantity_completed",
                                      "quantity_unit", "event_type", "metadata"},
                                     ""));
  PostedEvent p;
  RealizedEvent& e = p.event;
  WS_ASSIGN_OR_RETURN(p.member_id, member_of(o));
  if (!o.contains("timestamp_offset")) return bad_request("timestamp_offset", "is required");
  WS_ASSIGN_OR_RETURN(long long offset, integer_in(o.at("timestamp_offset"), "timestamp_offset", 0, 86400));
  e.timestamp_offset = static_cast<int>(offset);
  WS_ASSIGN_OR_RETURN(auto movement, optional_text(o, "movement", 100));
  if (movement) {
    WS_ASSIGN_OR_RETURN(e.movement, canonical_movement(*movement, "movement"));
  }
  WS_ASSIGN_OR_RETURN(e.quantity_completed, score_number(o, "quantity_completed"));
  WS_ASSIGN_OR_RETURN(auto unit, optional_text(o, "quantity_unit", 20));
  e.quantity_unit = unit.value_or("reps");
  WS_ASSIGN_OR_RETURN(auto type, optional_choice(o, "event_type", event_type_from_string,
                                                 "START, COMPLETE, REST, ROUND or FINISH"));
  e.event_type = type.value_or(EventType::complete);
  WS_ASSIGN_OR_RETURN(auto metadata, json_text(o, "metadata", json::kind::object, "an object"));
  if (metadata) e.metadata = o.at("metadata");
  return p;
}

Result<std::optional<Track>> parse_track_query(const std::map<std::string, std::string>& query) {
  auto it = query.find("track");
  if (it == query.end()) return std::optional<Track>();
  auto track = track_from_string(it->second);
  if (!track) return unprocessable("track", std::string("must be ") + kTracks);
  return std::optional<Track>(*track);
}

Result<WodBoardQuery> parse_wod_board_query(const std::map<std::string, std::string>& query) {
  WodBoardQuery out;
  if (auto it = query.find("score_type"); it != query.end()) {
    out.score_type = score_type_from_string(it->second);
    if (!out.score_type) return unprocessable("score_type", std::string("must be ") + kScoreTypes);
  }
  WS_ASSIGN_OR_RETURN(out.limit, query_integer(query, "limit", 10, 1, 100));
  return out;
}

Result<std::optional<std::string>> parse_progress_query(const std::map<std::string, std::string>& query) {
  auto it = query.find("movement");
  if (it == query.end()) return std::optional<std::string>();
  WS_ASSIGN_OR_RETURN(std::string movement, canonical_movement(it->second, "movement"));
  return std::optional<std::string>(movement);
}

}  // namespace ws::http
