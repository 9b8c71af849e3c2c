// The class board: heart-rate zones, their colours, who is on the board and
// in which order, and the text that addresses a segment drawn with it.
#include <gtest/gtest.h>

#include "live/board.h"

namespace ws::live {
namespace {

using namespace std::chrono_literals;

const Instant kT0 = Instant(std::chrono::milliseconds(1'900'000'000'000));

TEST(LiveBoard, ZonesAreSharesOfTheMaximumHeartRate) {
  EXPECT_EQ(heart_zone(std::nullopt, 200), HeartZone::none);
  EXPECT_EQ(heart_zone(99, 200), HeartZone::none);
  EXPECT_EQ(heart_zone(100, 200), HeartZone::very_light);
  EXPECT_EQ(heart_zone(120, 200), HeartZone::light);
  EXPECT_EQ(heart_zone(140, 200), HeartZone::moderate);
  EXPECT_EQ(heart_zone(160, 200), HeartZone::hard);
  EXPECT_EQ(heart_zone(180, 200), HeartZone::maximum);
  EXPECT_EQ(heart_zone(171, std::nullopt), HeartZone::maximum);  // 90 % of 190
  EXPECT_NE(zone_colour(HeartZone::maximum), zone_colour(HeartZone::hard));
  EXPECT_NE(zone_colour(HeartZone::none), zone_colour(HeartZone::light));
}

TEST(LiveBoard, ShowsTheEightWhoSentValuesLast) {
  BoardBook book;
  for (int i = 0; i < 10; ++i) {
    book.record("class", "p" + std::to_string(i), "Runner " + std::to_string(i), 200, 100 + i * 8,
                kT0 + std::chrono::seconds(i));
  }
  book.record("class", "quiet", "Quiet", std::nullopt, std::nullopt, kT0);
  book.record("other", "x", "Elsewhere", std::nullopt, 150, kT0);
  Board board = book.board("class");
  ASSERT_EQ(board.size(), kBoardRows);
  EXPECT_EQ(board.front(), (BoardRow{"Runner 9", 172, HeartZone::hard}));
  EXPECT_EQ(board.back().name, "Runner 2");
  book.record("class", "p0", "Runner 0", 200, 185, kT0 + 20s);
  EXPECT_EQ(book.board("class").front(), (BoardRow{"Runner 0", 185, HeartZone::maximum}));
  book.leave("class", "p0");
  EXPECT_EQ(book.board("class").front().name, "Runner 9");
  book.forget("class");
  EXPECT_TRUE(book.board("class").empty());
  EXPECT_EQ(book.board("other").size(), 1u);
}

TEST(LiveBoard, ThoseWhoOnlyJoinedComeAfterInJoiningOrder) {
  BoardBook book;
  book.record("class", "b", "Bea", std::nullopt, std::nullopt, kT0 + 2s);
  book.record("class", "a", "Ana", std::nullopt, std::nullopt, kT0 + 1s);
  book.record("class", "c", "Cy", std::nullopt, 120, kT0);
  Board board = book.board("class");
  ASSERT_EQ(board.size(), 3u);
  EXPECT_EQ(board[0].name, "Cy");
  EXPECT_EQ(board[1].name, "Ana");
  EXPECT_EQ(board[2], (BoardRow{"Bea", std::nullopt, HeartZone::none}));
}

TEST(LiveBoard, ASegmentKeepsTheBoardItWasFirstDrawnWith) {
  BoardBook book;
  book.record("class", "a", "Ana", std::nullopt, 120, kT0);
  Board first = book.board_at("class", 7);
  book.record("class", "a", "Ana", std::nullopt, 180, kT0 + 3s);
  EXPECT_EQ(book.board_at("class", 7), first);
  EXPECT_EQ(book.board_at("class", 8).front().heart_rate, 180);
  for (int i = 100; i < 100 + static_cast<int>(BoardBook::kRememberedSegments); ++i) book.board_at("class", i);
  EXPECT_EQ(book.board_at("class", 7).front().heart_rate, 180);  // forgotten, drawn again
  book.forget("class");
  EXPECT_TRUE(book.board_at("class", 8).empty());
}

TEST(LiveBoard, ItsTextChangesWithWhatIsDrawn) {
  Board board{{"Ana", 120, HeartZone::light}};
  EXPECT_EQ(board_text(board), "board\n3:Ana=120/2");
  Board other = board;
  other[0].heart_rate = 121;
  EXPECT_NE(board_text(board), board_text(other));
  EXPECT_EQ(board_text({}), "board");
}

}  // namespace
}  // namespace ws::live
