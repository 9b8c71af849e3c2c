#include "common/gym_domain.h"

#include "common/enum_names.h"

namespace ws {
namespace {

constexpr EnumNames<GymRole, 4> kRoles{{{GymRole::manager, "manager"},
                                        {GymRole::coach, "coach"},
                                        {GymRole::staff, "staff"},
                                        {GymRole::member, "member"}}};
constexpr EnumNames<FactCategory, 5> kCategories{{{FactCategory::goal, "goal"},
                                                  {FactCategory::injury, "injury"},
                                                  {FactCategory::preference, "preference"},
                                                  {FactCategory::progress, "progress"},
                                                  {FactCategory::concern, "concern"}}};
constexpr EnumNames<MemberLevel, 4> kLevels{{{MemberLevel::beginner, "beginner"},
                                             {MemberLevel::intermediate, "intermediate"},
                                             {MemberLevel::advanced, "advanced"},
                                             {MemberLevel::expert, "expert"}}};
constexpr EnumNames<Gender, 4> kGenders{{{Gender::male, "male"},
                                         {Gender::female, "female"},
                                         {Gender::other, "other"},
                                         {Gender::prefer_not_to_say, "prefer_not_to_say"}}};
constexpr EnumNames<MemberLanguage, 2> kLanguages{{{MemberLanguage::fr, "fr"}, {MemberLanguage::en, "en"}}};

}  // namespace

const char* to_string(GymRole role) { return name_of(kRoles, role); }
const char* to_string(FactCategory category) { return name_of(kCategories, category); }
const char* to_string(MemberLevel level) { return name_of(kLevels, level); }
const char* to_string(Gender gender) { return name_of(kGenders, gender); }
const char* to_string(MemberLanguage language) { return name_of(kLanguages, language); }

std::optional<GymRole> gym_role_from_string(std::string_view text) { return value_of(kRoles, text); }
std::optional<FactCategory> fact_category_from_string(std::string_view text) {
  return value_of(kCategories, text);
}
std::optional<MemberLevel> member_level_from_string(std::string_view text) { return value_of(kLevels, text); }
std::optional<Gender> gender_from_string(std::string_view text) { return value_of(kGenders, text); }
std::optional<MemberLanguage> member_language_from_string(std::string_view text) {
  return value_of(kLanguages, text);
}

}  // namespace ws
