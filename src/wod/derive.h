#pragma once
// What the parser derives through the movement catalog: each movement line's
// canonical movement, and a finished module's title, movement, equipment and
// modality lists. Only the parser uses it.
#include <string>
#include <string_view>
#include <vector>

#include "wod/ast.h"

namespace ws::wod {

// Sets item.movement and item.known; an unknown movement gets a warning.
void resolve_movement(MovementItem& item, std::vector<Warning>& warnings);

// Fills the title and the derived lists of a module whose items are resolved.
// first_comment is the text of the module's first `//` comment, if any.
void complete_wod(Wod& wod, std::string_view first_comment);

// "Fran — 21-15-9 Thrusters" -> "Fran"; "" when the comment names nothing.
std::string title_from_comment(std::string_view comment);

// "wod_hero.fight_gone_bad" -> "Fight Gone Bad".
std::string title_from_module(std::string_view module);

}  // namespace ws::wod
