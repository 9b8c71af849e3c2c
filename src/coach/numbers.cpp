#include "coach/numbers.h"

#include <algorithm>

#include "coach/lexicon.h"

namespace ws::coach {
namespace {

bool number_at(const Tokens& t, std::size_t at) { return at < t.size() && t[at].is_number(); }

void mark(std::vector<bool>& used, std::size_t from, std::size_t count) {
  for (std::size_t k = from; k < from + count && k < used.size(); ++k) used[k] = true;
}

// Is the interval at [from, to) about rest? ("30 s rest", "repos 20 s", "20 s de repos")
bool near_rest_word(const Tokens& t, std::size_t from, std::size_t to) {
  const Vocabulary& v = vocabulary();
  std::size_t begin = from >= 2 ? from - 2 : 0;
  for (std::size_t k = begin; k < std::min(t.size(), to + 3); ++k) {
    if (k >= from && k < to) continue;
    if (t[k].kind == Token::Kind::clause_break) continue;
    if (v.rest_word.match(t, k)) return true;
  }
  return false;
}

class NumberReader {
 public:
  NumberReader(const Tokens& tokens, Intent& intent, std::vector<bool>& used)
      : t_(tokens), intent_(intent), used_(used) {}

  void run() {
    for (std::size_t i = 0; i < t_.size();) i += read_at(i);
    if (!intent_.minutes && bare_minutes_) {
      intent_.minutes = bare_minutes_;
      intent_.minutes_guessed = true;
      mark(used_, *bare_at_, 1);
    }
    clamp_minutes();
  }

 private:
  // Reads what starts at `i`; returns how many tokens to move on (>= 1).
  std::size_t read_at(std::size_t i) {
    const Vocabulary& v = vocabulary();
    if (std::size_t n = v.half_hour.match(t_, i)) return set_minutes(i, n, 30);
    if (std::size_t n = v.quarter_hour.match(t_, i)) return set_minutes(i, n, 15);
    if (std::size_t n = v.hour_word.match(t_, i)) {
      std::size_t half = v.half.match(t_, i + n);
      return set_minutes(i, n + half, half ? 90 : 60);
    }
    if (!t_[i].is_number()) return 1;
    return read_number(i);
  }

  std::size_t read_number(std::size_t i) {
    const Vocabulary& v = vocabulary();
    const int n = t_[i].value;
    const std::size_t next = i + 1;
    if (next < t_.size() && t_[next].kind == Token::Kind::slash && number_at(t_, i + 2)) {
      intent_.work_seconds = n;
      intent_.rest_seconds = t_[i + 2].value;
      return consumed(i, 3);
    }
    if (std::size_t unit = v.hour_unit.match(t_, next)) return read_hours(i, unit);
    if (std::size_t unit = v.minute_unit.match(t_, next)) return set_minutes(i, 1 + unit, n);
    if (std::size_t unit = v.second_unit.match(t_, next)) {
      (near_rest_word(t_, i, next + unit) ? intent_.rest_seconds : intent_.work_seconds) = n;
      return consumed(i, 1 + unit);
    }
    if (std::size_t unit = v.round_unit.match(t_, next)) {
      intent_.rounds = n;
      return consumed(i, 1 + unit);
    }
    if (std::size_t unit = v.exercise_unit.match(t_, next)) {
      intent_.exercise_count = n;
      return consumed(i, 1 + unit);
    }
    if (!bare_minutes_ && n >= kMinMinutes && n <= kMaxMinutes) {
      bare_minutes_ = n;
      bare_at_ = i;
    }
    return 1;
  }

  // "1h", "1h30", "1 hour and a half", "2 heures".
  std::size_t read_hours(std::size_t i, std::size_t unit) {
    const Vocabulary& v = vocabulary();
    int minutes = t_[i].value * 60;
    std::size_t length = 1 + unit;
    if (number_at(t_, i + length) && t_[i + length].value < 60) {
      minutes += t_[i + length].value;
      length += 1 + v.minute_unit.match(t_, i + length + 1);
    } else if (std::size_t half = v.half.match(t_, i + length)) {
      minutes += 30;
      length += half;
    }
    return set_minutes(i, length, minutes);
  }

  std::size_t set_minutes(std::size_t i, std::size_t length, int minutes) {
    if (!intent_.minutes) intent_.minutes = minutes;
    return consumed(i, length);
  }

  std::size_t consumed(std::size_t i, std::size_t length) {
    mark(used_, i, length);
    ++intent_.recognised;
    return length;
  }

  void clamp_minutes() {
    if (!intent_.minutes) return;
    int clamped = std::clamp(*intent_.minutes, kMinMinutes, kMaxMinutes);
    if (clamped != *intent_.minutes) {
      intent_.minutes_clamped_from = *intent_.minutes;
      intent_.minutes = clamped;
    }
  }

  const Tokens& t_;
  Intent& intent_;
  std::vector<bool>& used_;
  std::optional<int> bare_minutes_;
  std::optional<std::size_t> bare_at_;
};

}  // namespace

void read_numbers(const Tokens& tokens, Intent& intent, std::vector<bool>& used) {
  NumberReader(tokens, intent, used).run();
}

}  // namespace ws::coach
