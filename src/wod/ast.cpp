#include "wod/ast.h"

#include <array>
#include <cctype>
#include <utility>

namespace ws::wod {
namespace {

constexpr std::array<std::pair<FormKind, const char*>, 5> kFormNames{{
    {FormKind::amrap, "AMRAP"},
    {FormKind::for_time, "ForTime"},
    {FormKind::emom, "EMOM"},
    {FormKind::rft, "RFT"},
    {FormKind::tabata, "TABATA"},
}};

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

}  // namespace

const char* form_name(FormKind kind) {
  for (const auto& [k, name] : kFormNames) {
    if (k == kind) return name;
  }
  return "ForTime";
}

std::optional<FormKind> form_from_name(std::string_view name) {
  for (const auto& [kind, spelled] : kFormNames) {
    if (equal_ignoring_case(name, spelled)) return kind;
  }
  return std::nullopt;
}

const char* quantity_kind_name(QuantityKind kind) {
  switch (kind) {
    case QuantityKind::reps: return "reps";
    case QuantityKind::duration: return "duration";
    case QuantityKind::distance: return "distance";
    case QuantityKind::calories: return "calories";
    case QuantityKind::max_reps: return "max_reps";
  }
  return "reps";
}

}  // namespace ws::wod
