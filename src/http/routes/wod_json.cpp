#include "http/routes/wod_json.h"

#include <cmath>
#include <cstdint>

#include "http/routes/gym_json.h"

namespace ws::http {
namespace json = boost::json;
namespace {

// Whole numbers as integers ("185", not "1.85E2"): scores, totals and
// quantities read as they were written.
json::value number(double value) {
  if (std::floor(value) == value && std::abs(value) < 1e15) return static_cast<std::int64_t>(value);
  return value;
}

json::value number_or_null(const std::optional<double>& value) { return value ? number(*value) : nullptr; }

}  // namespace

json::object wod_summary_to_json(const WodSummary& w) {
  return {{"id", w.id},
          {"title", w.title},
          {"form", w.form},
          {"movements", strings(w.movements)},
          {"equipment", strings(w.equipment)},
          {"modality_tags", strings(w.modality_tags)},
          {"duration_seconds", w.duration_seconds},
          {"difficulty_score", w.difficulty_score},
          {"source_hash", w.source_hash},
          {"created_at", w.created_at}};
}

json::object wod_to_json(const StoredWod& w) {
  json::object out = wod_summary_to_json(w.summary);
  out["source"] = w.source;
  out["ast"] = w.ast;
  return out;
}

json::value session_to_json(const ScheduledSession& s) {
  return json::object{{"id", s.id},
                      {"wod_id", s.wod_id},
                      {"wod_title", s.wod_title},
                      {"wod_form", s.wod_form},
                      {"session_date", s.session_date},
                      {"session_time", or_null(s.session_time)},
                      {"track", to_string(s.track)},
                      {"gender_mode", to_string(s.gender_mode)},
                      {"team_size", s.team_size},
                      {"location", or_null(s.location)},
                      {"coach_notes", or_null(s.coach_notes)},
                      {"max_participants", or_null(s.max_participants)},
                      {"booked", s.booked},
                      {"score_type", to_string(s.score_type)},
                      {"created_at", s.created_at}};
}

json::value booking_to_json(const Booking& b) {
  return json::object{
      {"session_id", b.session_id}, {"member_id", b.member_id}, {"athlete", b.athlete_name}, {"created_at", b.created_at}};
}

json::object score_to_json(const Score& s) {
  return {{"score_type", to_string(s.type)},
          {"score_value", number_or_null(s.value)},
          {"score_secondary", number_or_null(s.secondary)},
          {"score_unit", or_null(s.unit)},
          {"track", to_string(s.track)},
          {"is_rx", s.track == Track::rx},
          {"is_dnf", s.dnf}};
}

json::value result_to_json(const AthleteResult& r) {
  json::object out{{"id", r.id}, {"session_id", r.session_id}, {"member_id", r.member_id}, {"athlete", r.athlete_name}};
  for (auto& [key, value] : score_to_json(r.score)) out[key] = value;
  out["notes"] = or_null(r.notes);
  out["realized_events"] = or_null(r.realized_events);
  out["recorded_at"] = r.recorded_at;
  return out;
}

json::value board_entry_to_json(const BoardEntry& e) {
  const AthleteResult& r = e.result;
  json::object out{{"rank", e.rank}, {"member_id", r.member_id}, {"athlete", r.athlete_name}};
  for (auto& [key, value] : score_to_json(r.score)) out[key] = value;
  out["result_id"] = r.id;
  out["session_id"] = r.session_id;
  out["session_date"] = e.session_date;
  out["recorded_at"] = r.recorded_at;
  return out;
}

json::value event_to_json(const RealizedEvent& e) {
  return json::object{{"id", e.id},
                      {"session_id", e.session_id},
                      {"member_id", e.member_id},
                      {"timestamp_offset", e.timestamp_offset},
                      {"movement", or_null(e.movement)},
                      {"quantity_completed", number_or_null(e.quantity_completed)},
                      {"quantity_unit", e.quantity_unit},
                      {"event_type", to_string(e.event_type)},
                      {"metadata", or_null(e.metadata)},
                      {"recorded_at", e.recorded_at}};
}

json::value standing_to_json(const LiveStanding& s) {
  return json::object{{"rank", s.rank},
                      {"member_id", s.member_id},
                      {"athlete", s.athlete_name},
                      {"total", number(s.total)},
                      {"reached_offset", s.reached_offset}};
}

json::value progress_to_json(const ProgressEntry& p) {
  json::object out{{"session_id", p.session_id},
                   {"session_date", p.session_date},
                   {"wod_id", p.wod_id},
                   {"wod_title", p.wod_title}};
  for (auto& [key, value] : score_to_json(p.score)) out[key] = value;
  out["recorded_at"] = p.recorded_at;
  return out;
}

}  // namespace ws::http
