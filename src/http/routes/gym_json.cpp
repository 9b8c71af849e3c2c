#include "http/routes/gym_json.h"

namespace ws::http {
namespace json = boost::json;

json::value gym_to_json(const Gym& gym) {
  return json::object{{"id", gym.id}, {"name", gym.name}, {"timezone", gym.timezone}, {"created_at", gym.created_at}};
}

json::value access_to_json(const GymAccess& access) {
  json::object out = gym_to_json(access.gym).as_object();
  out["role"] = to_string(access.role);
  out["member_id"] = or_null(access.member_id);
  return out;
}

json::value staff_to_json(const StaffMember& staff) {
  return json::object{{"user_id", staff.user_id},
                      {"email", staff.email},
                      {"display_name", staff.display_name},
                      {"role", to_string(staff.role)},
                      {"created_at", staff.created_at}};
}

json::value member_to_json(const Member& m) {
  return json::object{{"id", m.id},
                      {"gym_id", m.gym_id},
                      {"badge_id", m.badge_id},
                      {"first_name", m.first_name},
                      {"last_name", m.last_name},
                      {"email", or_null(m.email)},
                      {"phone", or_null(m.phone)},
                      {"date_of_birth", or_null(m.date_of_birth)},
                      {"gender", name_or_null(m.gender)},
                      {"profile_photo_url", or_null(m.profile_photo_url)},
                      {"membership_type", m.membership_type},
                      {"member_since", m.member_since},
                      {"membership_expires", or_null(m.membership_expires)},
                      {"is_active", m.is_active},
                      {"has_account", m.has_account},
                      {"created_at", m.created_at},
                      {"updated_at", m.updated_at}};
}

json::value fitness_profile_to_json(const FitnessProfile& p) {
  return json::object{{"member_id", p.member_id},
                      {"height_cm", or_null(p.height_cm)},
                      {"current_weight_kg", or_null(p.current_weight_kg)},
                      {"target_weight_kg", or_null(p.target_weight_kg)},
                      {"fitness_level", name_or_null(p.fitness_level)},
                      {"primary_goals", strings(p.primary_goals)},
                      {"resting_heart_rate", or_null(p.resting_heart_rate)},
                      {"max_heart_rate", or_null(p.max_heart_rate)},
                      {"medical_notes", or_null(p.medical_notes)},
                      {"updated_at", p.updated_at.empty() ? json::value(nullptr) : json::value(p.updated_at)}};
}

json::value preferences_to_json(const MemberPreferences& p) {
  return json::object{{"member_id", p.member_id},
                      {"language", to_string(p.language)},
                      {"preferred_intensity", name_or_null(p.preferred_intensity)},
                      {"favorite_exercises", strings(p.favorite_exercises)},
                      {"excluded_exercises", strings(p.excluded_exercises)},
                      {"training_days", strings(p.training_days)},
                      {"typical_duration_min", or_null(p.typical_duration_min)},
                      {"updated_at", p.updated_at.empty() ? json::value(nullptr) : json::value(p.updated_at)}};
}

json::value fact_to_json(const MemberFact& f) {
  return json::object{{"id", f.id},
                      {"member_id", f.member_id},
                      {"category", to_string(f.category)},
                      {"fact_key", f.fact_key},
                      {"fact_value", f.fact_value},
                      {"confidence", f.confidence},
                      {"source_session_id", or_null(f.source_session_id)},
                      {"source_quote", or_null(f.source_quote)},
                      {"is_active", f.is_active},
                      {"expires_at", or_null(f.expires_at)},
                      {"created_at", f.created_at},
                      {"updated_at", f.updated_at}};
}

json::value membership_to_json(const db::Membership& membership) {
  return json::object{{"gym", gym_to_json(membership.gym)}, {"member", member_to_json(membership.member)}};
}

}  // namespace ws::http
