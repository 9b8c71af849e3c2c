// Vitals: the ranges a value must fall in, and the flags that catch the
// coach's eye.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "live/vitals.h"

namespace ws::live {
namespace {

std::string field_of(const Status& status) { return status ? "" : status.error().field; }

TEST(LiveVitals, ValuesInTheirRangesPass) {
  EXPECT_TRUE(check_vitals(Vitals{150, 120, 80, 98, 12}));
  EXPECT_TRUE(check_vitals(Vitals{.heart_rate = 25}));
  EXPECT_TRUE(check_vitals(Vitals{.heart_rate = 250}));
  EXPECT_TRUE(check_vitals(Vitals{.reps = 0}));
}

TEST(LiveVitals, AValueOutOfRangeNamesItsField) {
  EXPECT_EQ(field_of(check_vitals(Vitals{.heart_rate = 24})), "heart_rate");
  EXPECT_EQ(field_of(check_vitals(Vitals{.heart_rate = 251})), "heart_rate");
  EXPECT_EQ(field_of(check_vitals(Vitals{.systolic = 261})), "systolic");
  EXPECT_EQ(field_of(check_vitals(Vitals{.diastolic = 29})), "diastolic");
  EXPECT_EQ(field_of(check_vitals(Vitals{.spo2 = 101})), "spo2");
  EXPECT_EQ(field_of(check_vitals(Vitals{.reps = -1})), "reps");
  Status refused = check_vitals(Vitals{.spo2 = 49});
  EXPECT_EQ(refused.error().kind, ErrorKind::unprocessable);
  EXPECT_NE(refused.error().message.find("between 50 and 100"), std::string::npos) << refused.error().message;
}

TEST(LiveVitals, RefusesNothingAtAllAndADiastolicOverTheSystolic) {
  Status empty = check_vitals(Vitals{});
  EXPECT_EQ(empty.error().code, "no_values");
  EXPECT_EQ(field_of(check_vitals(Vitals{.systolic = 90, .diastolic = 95})), "diastolic");
  EXPECT_TRUE(check_vitals(Vitals{.diastolic = 95}));  // alone, nothing to compare with
}

std::vector<std::string> codes(const std::vector<Flag>& flags) {
  std::vector<std::string> out;
  for (const Flag& f : flags) out.push_back(f.code);
  return out;
}

TEST(LiveVitals, FlagsAHeartRateAboveTheParticipantsMaximum) {
  EXPECT_EQ(codes(flags_for(Vitals{.heart_rate = 181}, 180)), std::vector<std::string>{"heart_rate_above_max"});
  EXPECT_TRUE(flags_for(Vitals{.heart_rate = 180}, 180).empty());
  EXPECT_TRUE(flags_for(Vitals{.heart_rate = 230}, std::nullopt).empty());  // no maximum given, no judgement
  Flag flag = flags_for(Vitals{.heart_rate = 190}, 175).at(0);
  EXPECT_EQ(flag.field, "heart_rate");
  EXPECT_EQ(flag.value, 190);
  EXPECT_EQ(flag.limit, 175);
}

TEST(LiveVitals, FlagsLowOxygenAndHighPressure) {
  EXPECT_EQ(codes(flags_for(Vitals{.spo2 = 91}, std::nullopt)), std::vector<std::string>{"spo2_low"});
  EXPECT_TRUE(flags_for(Vitals{.spo2 = 92}, std::nullopt).empty());
  EXPECT_EQ(codes(flags_for(Vitals{.systolic = 181, .diastolic = 121}, std::nullopt)),
            (std::vector<std::string>{"systolic_high", "diastolic_high"}));
  EXPECT_TRUE(flags_for(Vitals{.systolic = 180, .diastolic = 120}, std::nullopt).empty());
  EXPECT_EQ(codes(flags_for(Vitals{200, 190, 100, 85, 3}, 185)),
            (std::vector<std::string>{"heart_rate_above_max", "spo2_low", "systolic_high"}));
}

TEST(LiveVitals, JsonHoldsOnlyTheValuesGiven) {
  EXPECT_EQ(boost::json::serialize(vitals_to_json(Vitals{.heart_rate = 150, .reps = 4})),
            R"({"heart_rate":150,"reps":4})");
  EXPECT_EQ(boost::json::serialize(flags_to_json(flags_for(Vitals{.spo2 = 90}, std::nullopt))),
            R"([{"code":"spo2_low","field":"spo2","value":90,"limit":92}])");
}

}  // namespace
}  // namespace ws::live
