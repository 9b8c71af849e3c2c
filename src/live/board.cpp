#include "live/board.h"

#include <algorithm>

namespace ws::live {

HeartZone heart_zone(std::optional<int> heart_rate, std::optional<int> max_heart_rate) {
  if (!heart_rate) return HeartZone::none;
  const int percent = *heart_rate * 100 / max_heart_rate.value_or(kDefaultMaxHeartRate);
  if (percent >= 90) return HeartZone::maximum;
  if (percent >= 80) return HeartZone::hard;
  if (percent >= 70) return HeartZone::moderate;
  if (percent >= 60) return HeartZone::light;
  if (percent >= 50) return HeartZone::very_light;
  return HeartZone::none;
}

std::array<uint8_t, 3> zone_colour(HeartZone zone) {
  switch (zone) {
    case HeartZone::very_light: return {0x60, 0xa5, 0xfa};
    case HeartZone::light: return {0x22, 0xc5, 0x5e};
    case HeartZone::moderate: return {0xea, 0xb3, 0x08};
    case HeartZone::hard: return {0xf9, 0x73, 0x16};
    case HeartZone::maximum: return {0xef, 0x44, 0x44};
    case HeartZone::none: break;
  }
  return {0x94, 0xa3, 0xb8};
}

std::string board_text(const Board& board) {
  std::string text = "board";
  for (const BoardRow& row : board) {
    text += "\n" + std::to_string(row.name.size()) + ":" + row.name + "=" +
            (row.heart_rate ? std::to_string(*row.heart_rate) : "-") + "/" +
            std::to_string(static_cast<int>(row.zone));
  }
  return text;
}

void BoardBook::record(const std::string& session_id, const std::string& participant_id, const std::string& name,
                       std::optional<int> max_heart_rate, std::optional<int> heart_rate, Instant at) {
  std::lock_guard lock(mutex_);
  Seen& seen = classes_[session_id][participant_id];
  seen.name = name;
  seen.max_heart_rate = max_heart_rate;
  if (heart_rate || seen.at == Instant{}) seen.at = at;
  if (heart_rate) seen.heart_rate = heart_rate;
}

void BoardBook::leave(const std::string& session_id, const std::string& participant_id) {
  std::lock_guard lock(mutex_);
  auto it = classes_.find(session_id);
  if (it != classes_.end()) it->second.erase(participant_id);
}

void BoardBook::forget(const std::string& session_id) {
  std::lock_guard lock(mutex_);
  classes_.erase(session_id);
  drawn_.erase(session_id);
}

Board BoardBook::board(const std::string& session_id) const {
  std::lock_guard lock(mutex_);
  return board_locked(session_id);
}

Board BoardBook::board_at(const std::string& session_id, int index) {
  std::lock_guard lock(mutex_);
  auto& drawn = drawn_[session_id];
  auto it = drawn.find(index);
  if (it != drawn.end()) return it->second;
  Board board = board_locked(session_id);
  drawn.emplace(index, board);
  if (drawn.size() > kRememberedSegments) drawn.erase(drawn.begin());
  return board;
}

Board BoardBook::board_locked(const std::string& session_id) const {
  auto it = classes_.find(session_id);
  if (it == classes_.end()) return {};
  std::vector<Seen> seen;
  for (const auto& [id, one] : it->second) seen.push_back(one);
  // Those with a heart rate first, the latest first; ties by name, so the board is the same for the same values.
  std::sort(seen.begin(), seen.end(), [](const Seen& a, const Seen& b) {
    if (a.heart_rate.has_value() != b.heart_rate.has_value()) return a.heart_rate.has_value();
    if (a.at != b.at) return a.heart_rate ? a.at > b.at : a.at < b.at;
    return a.name < b.name;
  });
  Board board;
  for (std::size_t i = 0; i < seen.size() && i < kBoardRows; ++i) {
    board.push_back({seen[i].name, seen[i].heart_rate, heart_zone(seen[i].heart_rate, seen[i].max_heart_rate)});
  }
  return board;
}

}  // namespace ws::live
