#pragma once
// Plain types of the WOD library and of a gym's classes: stored WODs, the
// schedule, bookings, results and realized events. Shared by db, wod and
// http; no behaviour beyond the text forms used in the database and the API
// (the ranking rules are wod/scoring.h's).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

namespace ws {

// How a class is scored: time, reps, rounds, load or calories.
enum class ScoreType { time, reps, rounds, load, calories };
// The version of the WOD an athlete did, Rx first.
enum class Track { rx, intermediate, scaled };
enum class GenderMode { male, female, mixed };
enum class EventType { start, complete, rest, round, finish };

const char* to_string(ScoreType type);    // "TIME", "REPS", "ROUNDS", "LOAD", "CALORIES"
const char* to_string(Track track);       // "RX", "INTERMEDIATE", "SCALED"
const char* to_string(GenderMode mode);   // "M", "F", "MIXED"
const char* to_string(EventType type);    // "START", "COMPLETE", "REST", "ROUND", "FINISH"
std::optional<ScoreType> score_type_from_string(std::string_view text);
std::optional<Track> track_from_string(std::string_view text);
std::optional<GenderMode> gender_mode_from_string(std::string_view text);
std::optional<EventType> event_type_from_string(std::string_view text);

// A WOD as the library lists it.
struct WodSummary {
  std::string id;
  std::string title;
  std::string form;  // "AMRAP", "ForTime", "EMOM", "RFT", "TABATA"
  std::vector<std::string> movements;
  std::vector<std::string> equipment;
  std::vector<std::string> modality_tags;
  int duration_seconds = 0;
  int difficulty_score = 0;  // 0..100
  std::string source_hash;   // SHA-256 of the normalised source, hex
  std::string created_at;
};

// A WOD as stored: the summary, its source and its AST.
struct StoredWod {
  WodSummary summary;
  std::string source;
  boost::json::value ast;
  std::optional<std::string> created_by;  // the account that first posted it
};

// A result's place in a leaderboard: lower sorts first, field by field.
struct RankKey {
  int group = 0;  // the track: Rx, then intermediate, then scaled
  int tier = 0;   // finished, then did not finish
  double primary = 0;
  double secondary = 0;
  friend bool operator==(const RankKey&, const RankKey&) = default;
};

// A class of a gym's schedule.
struct ScheduledSession {
  std::string id;
  std::string wod_id;
  std::string wod_title;
  std::string wod_form;
  std::string session_date;                 // YYYY-MM-DD
  std::optional<std::string> session_time;  // HH:MM
  Track track = Track::rx;
  GenderMode gender_mode = GenderMode::mixed;
  int team_size = 1;
  std::optional<std::string> location;
  std::optional<std::string> coach_notes;
  std::optional<int> max_participants;  // none: no limit
  ScoreType score_type = ScoreType::time;
  int booked = 0;  // places taken
  std::string created_at;
};

struct Booking {
  std::string session_id;
  std::string member_id;
  std::string athlete_name;  // "Camille M."
  std::string created_at;
};

// What an athlete scored, as posted.
struct Score {
  ScoreType type = ScoreType::time;
  std::optional<double> value;      // seconds, reps, rounds, kg or lb, calories
  std::optional<double> secondary;  // reps past the last round; a DNF's reps
  std::optional<std::string> unit;  // "s", "reps", "rounds", "kg", "lb", "cal"
  Track track = Track::rx;
  bool dnf = false;
};

struct AthleteResult {
  std::string id;
  std::string session_id;
  std::string member_id;
  std::string athlete_name;
  Score score;
  std::optional<std::string> notes;
  std::optional<boost::json::value> realized_events;  // an array, as posted
  RankKey rank_key;
  std::string recorded_at;
};

// A result on a board: where it stands, and the class it was done in.
struct BoardEntry {
  AthleteResult result;
  std::string session_date;
  int rank = 0;  // 1-based; equal scores share a rank
};

struct RealizedEvent {
  std::string id;
  std::string session_id;
  std::string member_id;
  int timestamp_offset = 0;  // seconds from the class's start
  std::optional<std::string> movement;
  std::optional<double> quantity_completed;
  std::string quantity_unit = "reps";
  EventType event_type = EventType::complete;
  std::optional<boost::json::value> metadata;  // an object
  std::string recorded_at;
};

// An athlete's tally on the live board.
struct LiveStanding {
  std::string member_id;
  std::string athlete_name;
  double total = 0;        // COMPLETE quantities summed
  int reached_offset = 0;  // when the athlete reached that total (seconds from the start)
  int rank = 0;
};

// One line of an athlete's progression: a result of a class.
struct ProgressEntry {
  std::string session_id;
  std::string session_date;
  std::string wod_id;
  std::string wod_title;
  Score score;
  std::string recorded_at;
};

}  // namespace ws
