// The ranking rules every leaderboard follows (wod/scoring.h): the form's
// order, Rx ahead of scaled, DNFs after finishers, ties sharing a place.
#include <gtest/gtest.h>

#include "wod/scoring.h"
#include "wod/source_hash.h"

namespace ws::wod {
namespace {

Score timed(std::optional<double> seconds, Track track = Track::rx, bool dnf = false,
            std::optional<double> reps = std::nullopt) {
  return {ScoreType::time, seconds, reps, std::nullopt, track, dnf};
}

Score counted(ScoreType type, double value, std::optional<double> secondary = std::nullopt,
              std::optional<std::string> unit = std::nullopt, Track track = Track::rx) {
  return {type, value, secondary, unit, track, false};
}

// `scores` (each named) keyed against the rules, recorded in the given
// order, ranked: the names in board order with their places.
std::vector<std::pair<std::string, int>> board(const std::vector<std::pair<std::string, Score>>& scores,
                                               const ScoreRules& rules) {
  std::vector<BoardEntry> entries;
  int recorded = 0;
  for (const auto& [name, score] : scores) {
    auto key = rank_key(score, rules);
    EXPECT_TRUE(key.ok()) << name << ": " << key.error().message;
    BoardEntry e;
    e.result.athlete_name = name;
    e.result.score = score;
    e.result.rank_key = key.ok() ? *key : RankKey{};
    e.result.recorded_at = "2030-01-01T10:00:0" + std::to_string(recorded++) + "Z";
    entries.push_back(e);
  }
  rank_board(entries);
  std::vector<std::pair<std::string, int>> out;
  for (const auto& e : entries) out.emplace_back(e.result.athlete_name, e.rank);
  return out;
}

using Places = std::vector<std::pair<std::string, int>>;

TEST(WodScoring, ForTimeFinishersByTimeThenDnfsByRepsRxAheadOfScaled) {
  ScoreRules rules{ScoreType::time, 600};
  auto places = board({{"scaled fast", timed(150, Track::scaled)},
                       {"dnf 80", timed(std::nullopt, Track::rx, true, 80)},
                       {"rx slow", timed(420)},
                       {"rx fast", timed(185)},
                       {"dnf 95", timed(600, Track::rx, true, 95)},
                       {"scaled dnf", timed(std::nullopt, Track::scaled, true, 120)},
                       {"intermediate", timed(200, Track::intermediate)}},
                      rules);
  EXPECT_EQ(places, (Places{{"rx fast", 1},
                            {"rx slow", 2},
                            {"dnf 95", 3},
                            {"dnf 80", 4},
                            {"intermediate", 5},
                            {"scaled fast", 6},
                            {"scaled dnf", 7}}));
}

TEST(WodScoring, EqualScoresShareAPlaceAndKeepTheirRecordingOrder) {
  auto places = board({{"first", timed(185)}, {"fast", timed(170)}, {"second", timed(185)}, {"third", timed(185)},
                       {"last", timed(200)}},
                      {ScoreType::time, std::nullopt});
  EXPECT_EQ(places, (Places{{"fast", 1}, {"first", 2}, {"second", 2}, {"third", 2}, {"last", 5}}));
}

TEST(WodScoring, DnfsWithEqualRepsTie) {
  auto places = board({{"a", timed(std::nullopt, Track::rx, true, 60)}, {"b", timed(std::nullopt, Track::rx, true, 60)},
                       {"c", timed(599)}},
                      {ScoreType::time, 600});
  EXPECT_EQ(places, (Places{{"c", 1}, {"a", 2}, {"b", 2}}));
}

TEST(WodScoring, AmrapRanksRoundsThenReps) {
  auto places = board({{"12+5", counted(ScoreType::rounds, 12, 5)},
                       {"13", counted(ScoreType::rounds, 13)},
                       {"12+10", counted(ScoreType::rounds, 12, 10)},
                       {"12+5 again", counted(ScoreType::rounds, 12, 5)},
                       {"20 scaled", counted(ScoreType::rounds, 20, 0, "rounds", Track::scaled)}},
                      {ScoreType::rounds, std::nullopt});
  EXPECT_EQ(places, (Places{{"13", 1}, {"12+10", 2}, {"12+5", 3}, {"12+5 again", 3}, {"20 scaled", 5}}));
}

TEST(WodScoring, LoadRanksTheHeaviestPoundsAsKilograms) {
  auto places = board({{"100kg", counted(ScoreType::load, 100, std::nullopt, "kg")},
                       {"225lb", counted(ScoreType::load, 225, std::nullopt, "lb")},  // 102.06 kg
                       {"95kg", counted(ScoreType::load, 95)},
                       {"100kg too", counted(ScoreType::load, 100, std::nullopt, "kg")}},
                      {ScoreType::load, std::nullopt});
  EXPECT_EQ(places, (Places{{"225lb", 1}, {"100kg", 2}, {"100kg too", 2}, {"95kg", 4}}));
  EXPECT_NEAR(kilograms(225, "lb"), 102.058, 0.001);
}

TEST(WodScoring, RepsAndCaloriesRankTheMost) {
  EXPECT_EQ(board({{"a", counted(ScoreType::reps, 150)}, {"b", counted(ScoreType::reps, 210)}},
                  {ScoreType::reps, std::nullopt}),
            (Places{{"b", 1}, {"a", 2}}));
  EXPECT_EQ(board({{"a", counted(ScoreType::calories, 60, std::nullopt, "cal")}, {"b", counted(ScoreType::calories, 45)}},
                  {ScoreType::calories, std::nullopt}),
            (Places{{"a", 1}, {"b", 2}}));
}

struct Refusal {
  Score score;
  ScoreRules rules;
  std::string field;
};

TEST(WodScoring, ScoresThatDoNotFitTheClassAreRefusedNamingTheField) {
  std::vector<Refusal> cases = {
      {counted(ScoreType::reps, 100), {ScoreType::time, std::nullopt}, "score_type"},
      {timed(std::nullopt), {ScoreType::time, std::nullopt}, "score_value"},
      {timed(0), {ScoreType::time, std::nullopt}, "score_value"},
      {timed(601), {ScoreType::time, 600}, "score_value"},
      {timed(std::nullopt, Track::rx, true), {ScoreType::time, 600}, "score_secondary"},
      {{ScoreType::rounds, std::nullopt, 3, std::nullopt, Track::rx, false}, {ScoreType::rounds, {}}, "score_value"},
      {counted(ScoreType::load, 0), {ScoreType::load, std::nullopt}, "score_value"},
      {counted(ScoreType::load, 100, std::nullopt, "cal"), {ScoreType::load, std::nullopt}, "score_unit"},
      {{ScoreType::time, 100, std::nullopt, "min", Track::rx, false}, {ScoreType::time, {}}, "score_unit"},
  };
  for (const auto& c : cases) {
    auto key = rank_key(c.score, c.rules);
    ASSERT_FALSE(key.ok()) << c.field;
    EXPECT_EQ(key.error().kind, ErrorKind::unprocessable);
    EXPECT_EQ(key.error().field, c.field) << key.error().message;
  }
  EXPECT_TRUE(rank_key(timed(600), {ScoreType::time, 600}).ok()) << "a finish on the cap's second counts";
}

TEST(WodScoring, FormsHaveTheirUsualScore) {
  EXPECT_EQ(default_score_type(FormKind::for_time), ScoreType::time);
  EXPECT_EQ(default_score_type(FormKind::rft), ScoreType::time);
  EXPECT_EQ(default_score_type(FormKind::amrap), ScoreType::rounds);
  EXPECT_EQ(default_score_type(FormKind::emom), ScoreType::reps);
  EXPECT_EQ(default_score_type(FormKind::tabata), ScoreType::reps);
  EXPECT_EQ(default_score_type("AMRAP"), ScoreType::rounds);
  EXPECT_EQ(default_score_type("nonsense"), ScoreType::time);
}

LiveStanding tally(const std::string& who, double total, int reached) { return {who, who, total, reached, 0}; }

TEST(WodScoring, TheLiveBoardRanksTotalsThenWhoGotThereFirst) {
  std::vector<LiveStanding> board = {tally("late", 90, 280), tally("ahead", 120, 400), tally("early", 90, 270),
                                     tally("same", 90, 280), tally("behind", 30, 100)};
  rank_live_board(board);
  std::vector<std::pair<std::string, int>> places;
  for (const auto& s : board) places.emplace_back(s.member_id, s.rank);
  EXPECT_EQ(places, (Places{{"ahead", 1}, {"early", 2}, {"late", 3}, {"same", 3}, {"behind", 5}}));
}

TEST(WodSourceHash, WhitespaceAtTheEndsAndCaseDoNotChangeTheHash) {
  const std::string fran = "module wod.fran v1 { wod ForTime { 21 Thrusters @95lb } }";
  EXPECT_EQ(normalised_source("  \n" + fran + "\n\t "), "module wod.fran v1 { wod fortime { 21 thrusters @95lb } }");
  EXPECT_EQ(source_hash(fran), source_hash("\n  MODULE WOD.FRAN V1 { WOD FORTIME { 21 THRUSTERS @95LB } }  \n"));
  EXPECT_NE(source_hash(fran), source_hash("module wod.fran v1 { wod ForTime { 21 Thrusters @95lb  } }"));
  EXPECT_EQ(source_hash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(normalised_source(" \t\n "), "");
}

}  // namespace
}  // namespace ws::wod
