#pragma once
// Plain types of a gym's data: the gym, who works there, its members and what
// the coach must remember about them. Shared by db, gyms and http; no
// behaviour beyond the text forms used in the database and the API.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "common/domain.h"

namespace ws {

// manager: everything, staff included; coach: members, their facts, classes,
// schedules, results; staff: members' identity and membership only. member:
// an account linked to its own member row (reads itself, nothing else).
enum class GymRole { manager, coach, staff, member };

enum class FactCategory { goal, injury, preference, progress, concern };

enum class MemberLevel { beginner, intermediate, advanced, expert };

enum class Gender { male, female, other, prefer_not_to_say };

enum class MemberLanguage { fr, en };

struct Gym {
  std::string id;
  std::string name;
  std::string timezone;  // IANA name, e.g. "Europe/Paris"
  std::string created_at;
};

// A gym this account may use, and as what.
struct GymAccess {
  Gym gym;
  GymRole role = GymRole::staff;
  std::optional<std::string> member_id;  // when role is member: the linked member row
};

struct StaffMember {
  std::string user_id;
  std::string email;
  std::string display_name;
  GymRole role = GymRole::staff;  // never member
  std::string created_at;
};

struct Member {
  std::string id;
  std::string gym_id;
  std::string badge_id;
  std::string first_name;
  std::string last_name;
  std::optional<std::string> email;
  std::optional<std::string> phone;
  std::optional<std::string> date_of_birth;  // YYYY-MM-DD
  std::optional<Gender> gender;
  std::optional<std::string> profile_photo_url;
  std::string membership_type = "standard";
  std::string member_since;                       // YYYY-MM-DD
  std::optional<std::string> membership_expires;  // YYYY-MM-DD
  bool is_active = true;
  bool has_account = false;  // an account is linked to this member
  std::string created_at;
  std::string updated_at;
};

struct FitnessProfile {
  std::string member_id;
  std::optional<double> height_cm;
  std::optional<double> current_weight_kg;
  std::optional<double> target_weight_kg;
  std::optional<MemberLevel> fitness_level;
  std::vector<std::string> primary_goals;  // free words ("lose_weight", "run_10k")
  std::optional<int> resting_heart_rate;   // beats per minute
  std::optional<int> max_heart_rate;
  std::optional<std::string> medical_notes;
  std::string updated_at;
};

struct MemberPreferences {
  std::string member_id;
  MemberLanguage language = MemberLanguage::fr;
  std::optional<Intensity> preferred_intensity;
  std::vector<std::string> favorite_exercises;  // exercise ids
  std::vector<std::string> excluded_exercises;  // exercise ids
  std::vector<std::string> training_days;       // "monday" .. "sunday"
  std::optional<int> typical_duration_min;
  std::string updated_at;
};

// What the gym remembers of a member: one row per (member, category, key).
struct MemberFact {
  std::string id;
  std::string member_id;
  FactCategory category = FactCategory::goal;
  std::string fact_key;
  boost::json::value fact_value;  // an object, e.g. {"location": "right_knee", "exercises_to_avoid": [...]}
  double confidence = 0.8;        // 0..1
  std::optional<std::string> source_session_id;
  std::optional<std::string> source_quote;
  bool is_active = true;
  std::optional<std::string> expires_at;  // ISO 8601
  std::string created_at;
  std::string updated_at;
};

const char* to_string(GymRole role);
const char* to_string(FactCategory category);
const char* to_string(MemberLevel level);
const char* to_string(Gender gender);
const char* to_string(MemberLanguage language);
std::optional<GymRole> gym_role_from_string(std::string_view text);
std::optional<FactCategory> fact_category_from_string(std::string_view text);
std::optional<MemberLevel> member_level_from_string(std::string_view text);
std::optional<Gender> gender_from_string(std::string_view text);
std::optional<MemberLanguage> member_language_from_string(std::string_view text);

}  // namespace ws
