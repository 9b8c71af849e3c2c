#include "wod/ast_json.h"

#include <cmath>
#include <cstdint>

namespace ws::wod {
namespace {

namespace json = boost::json;

// Whole numbers as integers ("21", not "2.1E1"), the rest as they are.
json::value number(double value) {
  if (std::abs(value) < 1e15 && value == std::floor(value)) return json::value(static_cast<std::int64_t>(value));
  return json::value(value);
}

json::array strings(const std::vector<std::string>& values) {
  json::array out;
  for (const std::string& value : values) out.emplace_back(value);
  return out;
}

void put_position(json::object& out, const SourcePosition& position) {
  out["line"] = position.line;
  out["column"] = position.column;
}

json::object timing(const Form& form) {
  json::object out;
  if (form.duration_seconds) out["duration_seconds"] = *form.duration_seconds;
  if (form.cap_seconds) out["cap_seconds"] = *form.cap_seconds;
  if (form.rounds) out["rounds"] = *form.rounds;
  if (form.work_seconds) out["work_seconds"] = *form.work_seconds;
  if (form.rest_seconds) out["rest_seconds"] = *form.rest_seconds;
  return out;
}

json::object quantity_json(const Quantity& q) {
  json::object out{{"kind", quantity_kind_name(q.kind)}};
  if (q.kind != QuantityKind::max_reps) out["value"] = number(q.value);
  if (q.female_value) out["female_value"] = number(*q.female_value);
  out["sets"] = q.sets;
  out["text"] = q.text;
  return out;
}

json::value amount_json(const std::optional<Amount>& amount) {
  if (!amount) return nullptr;
  return json::object{{"value", number(amount->value)}, {"unit", amount->unit}};
}

json::object load_json(const Load& load) {
  json::object out{{"male", amount_json(load.male)}, {"female", amount_json(load.female)}};
  if (!load.variable.empty()) out["variable"] = load.variable;
  out["text"] = load.text;
  return out;
}

json::object movement_json(const MovementItem& item) {
  json::object out{{"type", "movement"},
                   {"quantity", quantity_json(item.quantity)},
                   {"name", item.name},
                   {"movement", item.movement},
                   {"known", item.known}};
  if (item.load) out["load"] = load_json(*item.load);
  if (item.tempo) out["tempo"] = *item.tempo;
  if (item.note) out["note"] = *item.note;
  if (item.progress) out["progress"] = *item.progress;
  put_position(out, item.position);
  return out;
}

json::object rest_json(const RestItem& rest) {
  json::object out{{"type", "rest"}, {"seconds", rest.seconds}, {"text", rest.text}};
  put_position(out, rest.position);
  return out;
}

json::array items_json(const std::vector<Item>& items) {
  json::array out;
  for (const Item& item : items) {
    if (const auto* movement = std::get_if<MovementItem>(&item)) out.emplace_back(movement_json(*movement));
    else out.emplace_back(rest_json(std::get<RestItem>(item)));
  }
  return out;
}

json::value optional_text(const std::optional<std::string>& text) {
  if (!text) return nullptr;
  return json::value(*text);
}

json::array declarations_json(const Wod& wod, json::array& annotations, json::array& scores) {
  json::array vars;
  for (const Variable& v : wod.vars) {
    vars.emplace_back(json::object{{"name", v.name},
                                   {"type", v.type},
                                   {"default", optional_text(v.default_value)},
                                   {"constraints", optional_text(v.constraints)}});
  }
  for (const Annotation& a : wod.annotations) {
    json::object annotation{{"name", a.name}, {"args", strings(a.args)}};
    put_position(annotation, a.position);
    annotations.emplace_back(std::move(annotation));
  }
  for (const ScoreDecl& s : wod.scores) {
    json::array fields;
    for (const ScoreField& f : s.fields) {
      fields.emplace_back(json::object{{"name", f.name}, {"type", f.type}, {"default", optional_text(f.default_value)}});
    }
    scores.emplace_back(json::object{{"name", s.name}, {"fields", std::move(fields)}});
  }
  return vars;
}

json::array warnings_json(const std::vector<Warning>& warnings) {
  json::array out;
  for (const Warning& w : warnings) {
    json::object warning{{"code", w.code}, {"message", w.message}};
    put_position(warning, w.position);
    out.emplace_back(std::move(warning));
  }
  return out;
}

}  // namespace

json::value to_json(const Wod& wod) {
  json::array annotations;
  json::array scores;
  json::array vars = declarations_json(wod, annotations, scores);
  return json::object{
      {"shape", kAstShapeVersion},
      {"module", wod.module.empty() ? json::value(nullptr) : json::value(wod.module)},
      {"module_version", wod.module_version.empty() ? json::value(nullptr) : json::value(wod.module_version)},
      {"title", wod.title},
      {"form", form_name(wod.form.kind)},
      {"timing", timing(wod.form)},
      {"items", items_json(wod.items)},
      {"notes", strings(wod.notes)},
      {"vars", std::move(vars)},
      {"annotations", std::move(annotations)},
      {"scores", std::move(scores)},
      {"movements", strings(wod.movements)},
      {"equipment", strings(wod.equipment)},
      {"modality_tags", strings(wod.modality_tags)},
      {"warnings", warnings_json(wod.warnings)},
  };
}

json::value to_json(const Form& form) {
  json::object out = timing(form);
  out["kind"] = form_name(form.kind);
  return out;
}

json::value to_json(const Movement& m) {
  json::value loads = nullptr;
  if (m.default_load) loads = json::object{{"male_kg", number(m.default_load->male_kg)}, {"female_kg", number(m.default_load->female_kg)}};
  return json::object{{"canonical_name", m.canonical_name},
                      {"display_name", m.display_name},
                      {"aliases", strings(m.aliases)},
                      {"category", m.category},
                      {"muscle_groups", strings(m.muscle_groups)},
                      {"equipment_required", strings(m.equipment)},
                      {"modality", modality_name(m.modality)},
                      {"complexity_level", m.complexity},
                      {"unit", work_unit_name(m.unit)},
                      {"seconds_per_unit", number(m.seconds_per_unit)},
                      {"seconds_per_calorie", number(m.seconds_per_calorie)},
                      {"default_loads", std::move(loads)},
                      {"scaling_options", strings(m.scaling_options)}};
}

}  // namespace ws::wod
