#include "common/utc_time.h"

#include <cstdio>
#include <regex>

namespace ws {
namespace chrono = std::chrono;
namespace {

int number_at(const std::smatch& m, int group) { return std::stoi(m[group].str()); }

// The offset of "Z", "+01:00", "-0530" in seconds east of UTC; nullopt when out of range.
std::optional<int> offset_seconds(const std::string& text) {
  if (text == "Z" || text == "z") return 0;
  int hours = std::stoi(text.substr(1, 2));
  int minutes = std::stoi(text.substr(text.size() - 2));
  if (hours > 23 || minutes > 59) return std::nullopt;
  int seconds = hours * 3600 + minutes * 60;
  return text[0] == '-' ? -seconds : seconds;
}

}  // namespace

std::optional<Instant> utc_instant(std::string_view text) {
  static const std::regex shape(
      R"((\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?([Zz]|[+-]\d{2}:?\d{2}))");
  std::smatch m;
  const std::string subject(text);
  if (!std::regex_match(subject, m, shape)) return std::nullopt;
  chrono::year_month_day day{chrono::year(number_at(m, 1)), chrono::month(number_at(m, 2)),
                             chrono::day(number_at(m, 3))};
  int hour = number_at(m, 4), minute = number_at(m, 5), second = number_at(m, 6);
  auto offset = offset_seconds(m[8].str());
  if (!day.ok() || hour > 23 || minute > 59 || second > 59 || !offset) return std::nullopt;
  auto local = chrono::sys_days(day) + chrono::hours(hour) + chrono::minutes(minute) + chrono::seconds(second);
  auto instant = local - chrono::seconds(*offset);
  int year = static_cast<int>(chrono::year_month_day(chrono::floor<chrono::days>(instant)).year());
  if (year < 1 || year > 9999) return std::nullopt;
  std::string fraction = (m[7].str() + "000").substr(0, 3);
  return chrono::time_point_cast<chrono::milliseconds>(instant) + chrono::milliseconds(std::stoi(fraction));
}

std::optional<std::string> utc_timestamp(std::string_view text) {
  auto instant = utc_instant(text);
  if (!instant) return std::nullopt;
  return utc_timestamp(chrono::floor<chrono::seconds>(*instant));
}

std::string utc_timestamp_millis(Instant when) {
  auto seconds = chrono::floor<chrono::seconds>(when);
  std::string text = utc_timestamp(seconds);
  char millis[8];
  std::snprintf(millis, sizeof millis, ".%03dZ", static_cast<int>((when - seconds).count()));
  text.replace(text.size() - 1, 1, millis);
  return text;
}

std::string utc_timestamp(chrono::sys_seconds when) {
  auto day_start = chrono::floor<chrono::days>(when);
  chrono::year_month_day day(day_start);
  chrono::hh_mm_ss time(when - day_start);
  char out[32];
  std::snprintf(out, sizeof out, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(day.year()),
                static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()),
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()));
  return out;
}

std::string utc_now() { return utc_timestamp(chrono::floor<chrono::seconds>(chrono::system_clock::now())); }

}  // namespace ws
