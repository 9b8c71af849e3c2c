#include "db/gym_rows.h"

#include <cstdlib>
#include <sstream>

#include "db/exercise_rows.h"

namespace ws::db {

const std::string& member_columns() {
  static const std::string columns =
      "m.id, m.gym_id, m.badge_id, m.first_name, m.last_name, m.email, m.phone, m.date_of_birth::text, "
      "m.gender, m.profile_photo_url, m.membership_type, m.member_since::text, m.membership_expires::text, "
      "m.is_active, m.user_id IS NOT NULL, " +
      iso8601("m.created_at") + ", " + iso8601("m.updated_at");
  return columns;
}

int member_column_count() { return 17; }

Member member_from(const Rows& rows, int row, int at) {
  Member m;
  m.id = rows.text(row, at + 0);
  m.gym_id = rows.text(row, at + 1);
  m.badge_id = rows.text(row, at + 2);
  m.first_name = rows.text(row, at + 3);
  m.last_name = rows.text(row, at + 4);
  m.email = rows.optional_text(row, at + 5);
  m.phone = rows.optional_text(row, at + 6);
  m.date_of_birth = rows.optional_text(row, at + 7);
  if (auto gender = rows.optional_text(row, at + 8)) m.gender = gender_from_string(*gender);
  m.profile_photo_url = rows.optional_text(row, at + 9);
  m.membership_type = rows.text(row, at + 10);
  m.member_since = rows.text(row, at + 11);
  m.membership_expires = rows.optional_text(row, at + 12);
  m.is_active = rows.boolean(row, at + 13);
  m.has_account = rows.boolean(row, at + 14);
  m.created_at = rows.text(row, at + 15);
  m.updated_at = rows.text(row, at + 16);
  return m;
}

const std::string& fitness_profile_columns() {
  static const std::string columns =
      "p.height_cm::text, p.current_weight_kg::text, p.target_weight_kg::text, p.fitness_level, "
      "to_json(coalesce(p.primary_goals, '{}'::text[]))::text, p.resting_heart_rate, p.max_heart_rate, "
      "p.medical_notes, coalesce(" + iso8601("p.updated_at") + ", '')";
  return columns;
}

FitnessProfile fitness_profile_from(const Rows& rows, int row, const std::string& member_id) {
  FitnessProfile p;
  p.member_id = member_id;
  p.height_cm = optional_number(rows, row, 0);
  p.current_weight_kg = optional_number(rows, row, 1);
  p.target_weight_kg = optional_number(rows, row, 2);
  if (auto level = rows.optional_text(row, 3)) p.fitness_level = member_level_from_string(*level);
  p.primary_goals = json_strings(rows.text(row, 4));
  p.resting_heart_rate = rows.optional_integer(row, 5);
  p.max_heart_rate = rows.optional_integer(row, 6);
  p.medical_notes = rows.optional_text(row, 7);
  p.updated_at = rows.text(row, 8);
  return p;
}

const std::string& preferences_columns() {
  static const std::string columns =
      "coalesce(p.language, 'fr'), p.preferred_intensity, "
      "to_json(coalesce(p.favorite_exercises, '{}'::uuid[]))::text, "
      "to_json(coalesce(p.excluded_exercises, '{}'::uuid[]))::text, "
      "to_json(coalesce(p.training_days, '{}'::text[]))::text, p.typical_duration_min, "
      "coalesce(" + iso8601("p.updated_at") + ", '')";
  return columns;
}

MemberPreferences preferences_from(const Rows& rows, int row, const std::string& member_id) {
  MemberPreferences p;
  p.member_id = member_id;
  p.language = member_language_from_string(rows.text(row, 0)).value_or(MemberLanguage::fr);
  if (auto intensity = rows.optional_text(row, 1)) p.preferred_intensity = intensity_from_string(*intensity);
  p.favorite_exercises = json_strings(rows.text(row, 2));
  p.excluded_exercises = json_strings(rows.text(row, 3));
  p.training_days = json_strings(rows.text(row, 4));
  p.typical_duration_min = rows.optional_integer(row, 5);
  p.updated_at = rows.text(row, 6);
  return p;
}

const std::string& fact_columns() {
  static const std::string columns =
      "f.id, f.member_id, f.category, f.fact_key, f.fact_value::text, f.confidence::text, f.source_session_id, "
      "f.source_quote, f.is_active, to_char(f.expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), " +
      iso8601("f.created_at") + ", " + iso8601("f.updated_at");
  return columns;
}

MemberFact fact_from(const Rows& rows, int row) {
  MemberFact f;
  f.id = rows.text(row, 0);
  f.member_id = rows.text(row, 1);
  f.category = fact_category_from_string(rows.text(row, 2)).value_or(FactCategory::goal);
  f.fact_key = rows.text(row, 3);
  f.fact_value = parsed(rows.text(row, 4));
  f.confidence = optional_number(rows, row, 5).value_or(0.0);
  f.source_session_id = rows.optional_text(row, 6);
  f.source_quote = rows.optional_text(row, 7);
  f.is_active = rows.boolean(row, 8);
  f.expires_at = rows.optional_text(row, 9);
  f.created_at = rows.text(row, 10);
  f.updated_at = rows.text(row, 11);
  return f;
}

std::optional<double> optional_number(const Rows& rows, int row, int column) {
  auto text = rows.optional_text(row, column);
  if (!text) return std::nullopt;
  return std::strtod(text->c_str(), nullptr);
}

std::optional<std::string> number_param(const std::optional<double>& value) {
  if (!value) return std::nullopt;
  std::ostringstream out;
  out.imbue(std::locale::classic());
  out << *value;
  return out.str();
}

}  // namespace ws::db
