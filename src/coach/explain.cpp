#include "coach/explain.h"

#include "coach/lexicon.h"
#include "coach/phrasebook.h"

namespace ws::coach {
namespace {

std::vector<std::string> dropped_names(const Selection& selection, DropReason reason) {
  std::vector<std::string> names;
  for (const auto& d : selection.dropped) {
    if (d.reason == reason) names.push_back(d.name);
  }
  return names;
}

class Writer {
 public:
  explicit Writer(const Explained& what) : w_(what), lang_(what.resolved.language) {}

  std::string run() {
    if (w_.intent.recognised == 0) {
      add(say(w_.applied.empty() ? Phrase::unreadable : Phrase::unreadable_remembered, lang_));
    }
    add(summary());
    add(phrase(lang_, Phrase::exercises, join_words(chosen_names(), lang_)));
    duration_notes();
    constraint_notes();
    for (const AppliedFact& fact : w_.applied) add(fact_sentence(fact, lang_));
    history_notes();
    assumptions();
    return text_;
  }

 private:
  void add(const std::string& sentence) {
    if (sentence.empty()) return;
    if (!text_.empty()) text_ += ' ';
    text_ += sentence;
  }

  std::vector<std::string> chosen_names() const {
    std::vector<std::string> names;
    for (const auto& e : w_.selection.chosen) names.push_back(e.name);
    return names;
  }

  std::string summary() const {
    std::string focus;
    auto targets = group_labels(w_.intent.targets, lang_);
    if (!targets.empty()) focus = phrase(lang_, Phrase::summary_focus, join_words(targets, lang_));
    else if (w_.intent.full_body || w_.intent.targets.empty()) focus = say(Phrase::full_body, lang_);
    return phrase(lang_, Phrase::summary, duration_text(w_.total_seconds),
                  label(w_.resolved.intensity, lang_), focus, w_.selection.chosen.size(),
                  w_.timing.rounds, w_.timing.work_seconds, w_.timing.rest_seconds, warm_up_text());
  }

  std::string warm_up_text() const {
    const Resolved& r = w_.resolved;
    std::string warm = duration_text(w_.warm_up_seconds), cool = duration_text(w_.cool_down_seconds);
    if (r.warm_up && r.cool_down) return phrase(lang_, Phrase::warm_up_and_cool_down, warm, cool);
    if (r.warm_up) return phrase(lang_, Phrase::warm_up_only, warm);
    if (r.cool_down) return phrase(lang_, Phrase::cool_down_only, cool);
    return {};
  }

  void duration_notes() {
    const Resolved& r = w_.resolved;
    if (w_.intent.minutes_clamped_from) {
      add(phrase(lang_, Phrase::clamped_duration, duration_text(*r.minutes * 60),
                 *w_.intent.minutes_clamped_from));
    }
    if (r.minutes && *r.minutes * 60 != w_.total_seconds) {
      add(phrase(lang_, Phrase::closest_duration, duration_text(w_.total_seconds),
                 duration_text(*r.minutes * 60)));
    }
  }

  void constraint_notes() {
    const Resolved& r = w_.resolved;
    if (r.no_jump) add(say(Phrase::no_jump, lang_));
    if (!w_.intent.injuries.empty()) {
      std::vector<std::string> parts;
      for (const auto& key : w_.intent.injuries) parts.emplace_back(find_injury_rule(key)->label.in(lang_));
      auto names = dropped_names(w_.selection, DropReason::injury);
      add(names.empty() ? phrase(lang_, Phrase::injury_nothing_dropped, join_words(parts, lang_))
                        : phrase(lang_, Phrase::injury, join_words(parts, lang_), join_words(names, lang_)));
    }
    if (auto names = dropped_names(w_.selection, DropReason::excluded_by_request); !names.empty()) {
      add(phrase(lang_, Phrase::excluded_by_request, join_words(names, lang_)));
    }
    if (!w_.intent.avoided_groups.empty()) {
      add(phrase(lang_, Phrase::avoided_groups, join_words(group_labels(w_.intent.avoided_groups, lang_), lang_)));
    }
    if (!r.equipment_assumed && r.equipment.empty()) add(say(Phrase::bodyweight_only, lang_));
    if (!r.equipment.empty()) {
      std::vector<std::string> items;
      for (const auto& item : r.equipment) {
        const EquipmentWord* word = find_equipment(item);
        items.emplace_back(word ? word->label.in(lang_) : item);
      }
      add(phrase(lang_, Phrase::equipment_used, join_words(items, lang_)));
    }
    if (w_.selection.widened) {
      std::vector<std::string> levels;
      for (Difficulty d : w_.selection.difficulties) levels.emplace_back(label(d, lang_));
      add(phrase(lang_, Phrase::widened, join_words(levels, lang_)));
    }
    if (!w_.selection.uncovered_targets.empty()) {
      add(phrase(lang_, Phrase::uncovered, join_words(group_labels(w_.selection.uncovered_targets, lang_), lang_)));
    }
  }

  void history_notes() {
    if (auto n = dropped_names(w_.selection, DropReason::excluded_by_profile).size()) {
      add(phrase(lang_, Phrase::excluded_by_profile, n));
    }
    if (!w_.selection.favourites_chosen.empty()) {
      add(phrase(lang_, Phrase::favourites, join_words(w_.selection.favourites_chosen, lang_)));
    }
    if (!w_.selection.recent_skipped.empty()) {
      add(phrase(lang_, Phrase::recent, join_words(w_.selection.recent_skipped, lang_)));
    }
    if (w_.resolved.intensity_from == Source::feedback) {
      bool raised = w_.user.last_feedback == Feedback::too_easy;
      add(say(raised ? Phrase::feedback_raised : Phrase::feedback_lowered, lang_));
    }
  }

  void assumptions() {
    const Resolved& r = w_.resolved;
    std::vector<std::string> assumed;
    if (r.minutes && r.minutes_from == Source::fallback) {
      assumed.push_back(phrase(lang_, Phrase::assume_minutes, *r.minutes));
    }
    if (w_.intent.minutes_guessed && r.minutes_from == Source::text) {
      assumed.push_back(phrase(lang_, Phrase::assume_bare_minutes, *w_.intent.minutes));
    }
    if (r.level_from == Source::fallback) {
      assumed.push_back(phrase(lang_, Phrase::assume_level, label(r.level, lang_)));
    }
    if (r.intensity_from == Source::fallback) {
      assumed.push_back(phrase(lang_, Phrase::assume_intensity, label(r.intensity, lang_)));
    }
    if (r.equipment_assumed) assumed.emplace_back(say(Phrase::assume_equipment, lang_));
    if (!assumed.empty()) add(phrase(lang_, Phrase::assumed, join_words(assumed, lang_)));
  }

  const Explained& w_;
  Language lang_;
  std::string text_;
};

}  // namespace

std::string explain(const Explained& what) { return Writer(what).run(); }

std::string workout_name(const Intent& intent, const Resolved& resolved, int total_seconds) {
  const Language lang = resolved.language;
  std::string focus = say(Phrase::name_full_body, lang);
  if (!intent.targets.empty()) {
    const TargetGroup* group = find_target_group(intent.targets.front());
    std::string text = group ? group->label.in(lang) : focus;
    // "your core" -> "Core", "les abdos" -> "Abdos": the label without its article.
    if (auto space = text.find(' '); space != std::string::npos) text = text.substr(space + 1);
    text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    focus = text;
  }
  return phrase(lang, Phrase::name_format, focus, duration_text(total_seconds),
                label(resolved.intensity, lang));
}

}  // namespace ws::coach
