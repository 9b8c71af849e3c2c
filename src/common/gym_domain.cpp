#include "common/gym_domain.h"

#include <array>
#include <utility>

namespace ws {
namespace {

// One table per enum serves both directions, so a text form is spelled once.
template <class E, std::size_t N>
using Names = std::array<std::pair<E, const char*>, N>;

constexpr Names<GymRole, 4> kRoles{{{GymRole::manager, "manager"},
                                    {GymRole::coach, "coach"},
                                    {GymRole::staff, "staff"},
                                    {GymRole::member, "member"}}};
constexpr Names<FactCategory, 5> kCategories{{{FactCategory::goal, "goal"},
                                              {FactCategory::injury, "injury"},
                                              {FactCategory::preference, "preference"},
                                              {FactCategory::progress, "progress"},
                                              {FactCategory::concern, "concern"}}};
constexpr Names<MemberLevel, 4> kLevels{{{MemberLevel::beginner, "beginner"},
                                         {MemberLevel::intermediate, "intermediate"},
                                         {MemberLevel::advanced, "advanced"},
                                         {MemberLevel::expert, "expert"}}};
constexpr Names<Gender, 4> kGenders{{{Gender::male, "male"},
                                     {Gender::female, "female"},
                                     {Gender::other, "other"},
                                     {Gender::prefer_not_to_say, "prefer_not_to_say"}}};
constexpr Names<MemberLanguage, 2> kLanguages{{{MemberLanguage::fr, "fr"}, {MemberLanguage::en, "en"}}};

template <class E, std::size_t N>
const char* name_of(const Names<E, N>& names, E value) {
  for (const auto& [v, name] : names) {
    if (v == value) return name;
  }
  return names[0].second;
}

template <class E, std::size_t N>
std::optional<E> value_of(const Names<E, N>& names, std::string_view text) {
  for (const auto& [v, name] : names) {
    if (text == name) return v;
  }
  return std::nullopt;
}

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
