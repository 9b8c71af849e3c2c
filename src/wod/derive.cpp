#include "wod/derive.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "wod/literals.h"
#include "wod/movements.h"

namespace ws::wod {
namespace {

constexpr std::size_t kMaxTitleBytes = 48;

void sort_unique(std::vector<std::string>& names) {
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
}

// "Weighted Vest" -> "weighted_vest", the spelling of the catalog's equipment.
std::string equipment_name(std::string_view text) {
  std::string name;
  for (char c : trim(text)) {
    bool word_char = std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
    if (word_char) name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    else if (!name.empty() && name.back() != '_') name.push_back('_');
  }
  while (!name.empty() && name.back() == '_') name.pop_back();
  return name;
}

const Annotation* find_annotation(const Wod& wod, std::string_view name) {
  for (const Annotation& annotation : wod.annotations) {
    if (annotation.name == name && !annotation.args.empty()) return &annotation;
  }
  return nullptr;
}

void derive_lists(Wod& wod) {
  bool any_movement = false;
  for (const Item& item : wod.items) {
    const auto* line = std::get_if<MovementItem>(&item);
    if (!line) continue;
    any_movement = true;
    wod.movements.push_back(line->movement);
    const Movement* row = line->known ? find_movement(line->movement) : nullptr;
    if (!row) continue;
    wod.equipment.insert(wod.equipment.end(), row->equipment.begin(), row->equipment.end());
    wod.modality_tags.push_back(modality_name(row->modality));
  }
  for (const Annotation& annotation : wod.annotations) {
    if (annotation.name != "equipment") continue;
    for (const std::string& arg : annotation.args) {
      if (std::string name = equipment_name(arg); !name.empty()) wod.equipment.push_back(name);
    }
  }
  sort_unique(wod.movements);
  sort_unique(wod.equipment);
  sort_unique(wod.modality_tags);
  if (!any_movement) wod.warnings.push_back(Warning{"empty_wod", "the wod block has no movement", {}});
}

// Each movement of a TABATA gets its own 8 intervals, one movement after the
// other (with the rests written between them): the clock follows.
void apply_tabata_intervals(Wod& wod) {
  if (wod.form.kind != FormKind::tabata) return;
  int movements = 0;
  int rest_seconds = 0;
  for (const Item& item : wod.items) {
    if (std::holds_alternative<MovementItem>(item)) ++movements;
    else rest_seconds += std::get<RestItem>(item).seconds;
  }
  int rounds = kTabataRounds * std::max(1, movements);
  wod.form.rounds = rounds;
  wod.form.duration_seconds = rounds * (kTabataWorkSeconds + kTabataRestSeconds) + rest_seconds;
}

}  // namespace

void resolve_movement(MovementItem& item, std::vector<Warning>& warnings) {
  if (const Movement* row = find_movement(item.name)) {
    item.movement = row->canonical_name;
    item.known = true;
    return;
  }
  item.movement = normalised_movement_name(item.name);
  item.known = false;
  warnings.push_back(Warning{"unknown_movement",
                             "unknown movement '" + item.name + "': kept as '" + item.movement + "'",
                             item.position});
}

std::string title_from_comment(std::string_view comment) {
  comment = trim(comment);
  static constexpr std::array<std::string_view, 5> kSeparators{" \xE2\x80\x94 ", " \xE2\x80\x93 ", " - ", ": ", " ("};
  std::size_t end = comment.size();
  for (std::string_view separator : kSeparators) end = std::min(end, comment.find(separator));
  std::string_view head = trim(comment.substr(0, end));
  if (head.empty() || head.size() > kMaxTitleBytes) return {};
  return std::string(head);
}

std::string title_from_module(std::string_view module) {
  std::size_t dot = module.find_last_of('.');
  std::string_view last = dot == std::string_view::npos ? module : module.substr(dot + 1);
  std::string title;
  bool word_start = true;
  for (char c : last) {
    if (c == '_' || c == '-') {
      if (!title.empty() && title.back() != ' ') title.push_back(' ');
      word_start = true;
      continue;
    }
    title.push_back(word_start ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c);
    word_start = false;
  }
  return std::string(trim(title));
}

void complete_wod(Wod& wod, std::string_view first_comment) {
  if (const Annotation* title = find_annotation(wod, "title")) {
    wod.title = title->args.front();
  } else if (std::string from_comment = title_from_comment(first_comment); !from_comment.empty()) {
    wod.title = from_comment;
  } else {
    wod.title = title_from_module(wod.module);
  }
  if (wod.title.empty()) wod.title = "Untitled WOD";
  apply_tabata_intervals(wod);
  derive_lists(wod);
}

}  // namespace ws::wod
