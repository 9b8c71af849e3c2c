#include "common/wod_domain.h"

#include "common/enum_names.h"

namespace ws {
namespace {

constexpr EnumNames<ScoreType, 5> kScoreTypes{{{ScoreType::time, "TIME"},
                                               {ScoreType::reps, "REPS"},
                                               {ScoreType::rounds, "ROUNDS"},
                                               {ScoreType::load, "LOAD"},
                                               {ScoreType::calories, "CALORIES"}}};
constexpr EnumNames<Track, 3> kTracks{
    {{Track::rx, "RX"}, {Track::intermediate, "INTERMEDIATE"}, {Track::scaled, "SCALED"}}};
constexpr EnumNames<GenderMode, 3> kGenderModes{
    {{GenderMode::male, "M"}, {GenderMode::female, "F"}, {GenderMode::mixed, "MIXED"}}};
constexpr EnumNames<EventType, 5> kEventTypes{{{EventType::start, "START"},
                                               {EventType::complete, "COMPLETE"},
                                               {EventType::rest, "REST"},
                                               {EventType::round, "ROUND"},
                                               {EventType::finish, "FINISH"}}};

}  // namespace

const char* to_string(ScoreType type) { return name_of(kScoreTypes, type); }
const char* to_string(Track track) { return name_of(kTracks, track); }
const char* to_string(GenderMode mode) { return name_of(kGenderModes, mode); }
const char* to_string(EventType type) { return name_of(kEventTypes, type); }
std::optional<ScoreType> score_type_from_string(std::string_view text) { return value_of(kScoreTypes, text); }
std::optional<Track> track_from_string(std::string_view text) { return value_of(kTracks, text); }
std::optional<GenderMode> gender_mode_from_string(std::string_view text) { return value_of(kGenderModes, text); }
std::optional<EventType> event_type_from_string(std::string_view text) { return value_of(kEventTypes, text); }

}  // namespace ws
