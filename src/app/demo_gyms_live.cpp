#include "app/demo_gyms_live.h"

#include <array>

#include "accounts/passwords.h"
#include "db/exercise_repository.h"
#include "db/live_repository.h"
#include "db/workout_repository.h"
#include "live/join_code.h"

namespace ws::app {
namespace {

using namespace std::chrono_literals;

constexpr std::size_t kClassExercises = 4;
constexpr int kDemoClassMinutes = 30 * 24 * 60;  // a month to try it

struct DemoParticipant {
  const char* name;
  int max_heart_rate;
  live::Vitals vitals;
};
const std::array<DemoParticipant, 2> kParticipants{{
    {"Léa", 185, {.heart_rate = 142, .spo2 = 98, .reps = 12}},
    {"Hugo", 178, {.heart_rate = 181, .systolic = 150, .diastolic = 85, .spo2 = 96}},
}};

Result<Workout> class_workout(db::Connection& c, const std::string& coach_id) {
  WS_ASSIGN_OR_RETURN(auto catalog, db::list_exercises(c, db::ExerciseFilter{}));
  Workout workout;
  workout.user_id = coach_id;
  workout.name = "Cours collectif";
  workout.rounds = 2;
  workout.status = WorkoutStatus::ready;
  for (std::size_t i = 0; i < std::min(kClassExercises, catalog.size()); ++i) {
    workout.exercises.push_back(WorkoutItem{catalog[i].id, static_cast<int>(i), std::nullopt, {}});
  }
  workout.total_duration = static_cast<int>(workout.exercises.size()) * workout.rounds *
                           (workout.config.work_time + workout.config.rest_time);
  return db::insert_workout(c, workout);
}

Status add_participant(db::Connection& c, const std::string& code, const DemoParticipant& demo, Instant now) {
  WS_ASSIGN_OR_RETURN(std::string token, accounts::new_session_token());
  WS_ASSIGN_OR_RETURN(db::Joined joined, db::join_live_session(c, code, demo.name, accounts::token_sha256(token),
                                                               demo.max_heart_rate, now));
  db::SocketPeer peer{joined.live.session_id, joined.live.gym_id, joined.participant.id, demo.name, false};
  live::ValuesUpdate update{joined.participant.id, demo.name, demo.vitals,
                            live::flags_for(demo.vitals, demo.max_heart_rate), now + 1s};
  return db::record_live_values(c, peer, update);
}

}  // namespace

Status seed_demo_class(db::Connection& c, const db::GymPlace& place, const std::string& coach_id) {
  WS_ASSIGN_OR_RETURN(Workout workout, class_workout(c, coach_id));
  Instant now = SystemClock().now();
  db::NewLiveSession session{workout.id, now + 24h, kDemoClassMinutes, std::nullopt};
  auto draw = [random = live::system_random()] { return live::draw_join_code(random); };
  WS_ASSIGN_OR_RETURN(db::LiveSession made, db::create_live_session(c, place, coach_id, session, now, draw));
  for (const DemoParticipant& demo : kParticipants) {
    WS_RETURN_IF_ERROR(add_participant(c, made.live.code, demo, now));
  }
  return Status::Ok();
}

}  // namespace ws::app
