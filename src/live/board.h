#pragma once
// The class board a TV shows over the workout: up to eight participants,
// each with their name, their latest heart rate and the colour of its zone.
// A TV with nothing but a native HLS player cannot run the class page, so
// the board is drawn into the picture of a TV-only rendition.
//
// Pure. BoardBook keeps each class's latest values in memory (thread-safe):
// whatever receives values (the values route, the sockets) records them,
// the TV rendition reads the board when it draws a segment.
#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "live/broadcaster.h"

namespace ws::live {

inline constexpr std::size_t kBoardRows = 8;

// Heart-rate zones as a share of the participant's maximum (50-60 %, 60-70,
// 70-80, 80-90, 90 and up); none below, or without a heart rate.
enum class HeartZone { none, very_light, light, moderate, hard, maximum };

// The maximum heart rate assumed for a participant who gave none.
inline constexpr int kDefaultMaxHeartRate = 190;

HeartZone heart_zone(std::optional<int> heart_rate, std::optional<int> max_heart_rate);

// The zone's colour as R, G, B (grey, blue, green, yellow, orange, red).
std::array<uint8_t, 3> zone_colour(HeartZone zone);

struct BoardRow {
  std::string name;
  std::optional<int> heart_rate;
  HeartZone zone = HeartZone::none;
  bool operator==(const BoardRow&) const = default;
};

using Board = std::vector<BoardRow>;

// Everything that decides how the board is drawn, as text: part of the
// content address of a segment drawn with it.
std::string board_text(const Board& board);

class BoardBook {
 public:
  // A participant joined, or sent values (its name and maximum with them).
  void record(const std::string& session_id, const std::string& participant_id, const std::string& name,
              std::optional<int> max_heart_rate, std::optional<int> heart_rate, Instant at);
  // A participant left: off the board.
  void leave(const std::string& session_id, const std::string& participant_id);
  // The class is over: its values go.
  void forget(const std::string& session_id);

  // The class's board: the eight who sent values last, most recent first
  // (those who only joined after them, by joining time).
  Board board(const std::string& session_id) const;

  // The board drawn on segment `index` of the class: its board the first
  // time it is asked for (at the live edge, as the segment is rendered),
  // the same ever after, so the segment's file never changes. The last
  // kRememberedSegments segments of each class are remembered.
  Board board_at(const std::string& session_id, int index);
  static constexpr std::size_t kRememberedSegments = 64;

 private:
  struct Seen {
    std::string name;
    std::optional<int> max_heart_rate;
    std::optional<int> heart_rate;
    Instant at;
  };
  Board board_locked(const std::string& session_id) const;

  mutable std::mutex mutex_;
  std::map<std::string, std::map<std::string, Seen>> classes_;  // session -> participant -> latest
  std::map<std::string, std::map<int, Board>> drawn_;           // session -> segment -> its board
};

}  // namespace ws::live

namespace ws::live {

// Every path that ends a class (its end route, the expiry job) goes through
// the class's broadcaster: this one forgets the class's board as it passes
// the end on to the sockets.
class BoardForgettingBroadcaster final : public ClassBroadcaster {
 public:
  BoardForgettingBroadcaster(ClassBroadcaster& sockets, BoardBook& boards) : sockets_(sockets), boards_(boards) {}
  void broadcast(const std::string& session_id, const std::string& json_text) override {
    sockets_.broadcast(session_id, json_text);
  }
  void end_class(const std::string& session_id, const std::string& json_text) override {
    boards_.forget(session_id);
    sockets_.end_class(session_id, json_text);
  }

 private:
  ClassBroadcaster& sockets_;
  BoardBook& boards_;
};

}  // namespace ws::live
