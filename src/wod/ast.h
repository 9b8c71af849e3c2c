#pragma once
// A WOD as the WODCraft language describes it: its form (the clock it runs
// on), its items (movements and rests, in order), its declarations (vars,
// annotations, scores, notes) and what the movement catalog derives from it
// (canonical movements, equipment, modalities). The parser builds it, the
// library stores its JSON (ast_json.h), the WOD video draws its clock from it.
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace ws::wod {

// A place in the source, both 1-based; column counts bytes.
struct SourcePosition {
  int line = 1;
  int column = 1;
};

// The forms of the language. TABATA gives each movement 8 intervals of 20 s
// of work and 10 s of rest, one movement after the other.
enum class FormKind { amrap, for_time, emom, rft, tabata };

struct Form {
  FormKind kind = FormKind::for_time;
  std::optional<int> duration_seconds;  // AMRAP, EMOM (as written); TABATA (all intervals and rests)
  std::optional<int> cap_seconds;       // the optional cap of ForTime and RFT
  std::optional<int> rounds;            // RFT (as written); TABATA (8 per movement)
  std::optional<int> work_seconds;      // TABATA's work interval (20)
  std::optional<int> rest_seconds;      // TABATA's rest interval (10)
};

inline constexpr int kTabataRounds = 8;
inline constexpr int kTabataWorkSeconds = 20;
inline constexpr int kTabataRestSeconds = 10;

// What a movement line's quantity counts. `value` is in the base unit of the
// kind: reps, seconds, metres or calories; max_reps has no value.
enum class QuantityKind { reps, duration, distance, calories, max_reps };

struct Quantity {
  QuantityKind kind = QuantityKind::reps;
  double value = 0;                    // per set; the male (or only) value of a dual
  std::optional<double> female_value;  // `15/12 cal`: 12
  int sets = 1;                        // `5 x 10`: 5
  std::string text;                    // as written, e.g. "15/12 cal", "5km", "1mi", "30ft", "1:00"
};

// One side of a load: a weight (kg, lb), a height (in, cm, ft) or a share
// of the athlete's one-repetition maximum (%1RM).
struct Amount {
  double value = 0;
  std::string unit;  // "kg", "lb", "in", "cm", "ft", "%1RM"
};

// `@95lb` (one amount: the written, Rx male, load), `@43/30kg` and
// `@24kg/16kg` (male / female), `@dual(male: 24kg, female: 16kg)`, or
// `@vest_weight` (a var's name, resolved by whoever runs the WOD).
struct Load {
  std::optional<Amount> male;
  std::optional<Amount> female;
  std::string variable;  // set for `@name`
  std::string text;      // as written, without the '@'
};

struct MovementItem {
  Quantity quantity;
  std::string name;      // as written: "Pull_ups"
  std::string movement;  // canonical catalog name ("pull_up"); for an unknown movement, its normalised name
  bool known = false;    // the catalog has it
  std::optional<Load> load;
  std::optional<std::string> tempo;     // `tempo "31X1"` or `tempo name`
  std::optional<std::string> note;      // the quoted note at the end of the line
  std::optional<std::string> progress;  // `PROGRESS("+5lb/round")`
  SourcePosition position;
};

struct RestItem {
  int seconds = 0;
  std::string text;  // as written, e.g. "3:00"
  SourcePosition position;
};

using Item = std::variant<MovementItem, RestItem>;

// `vars { name: Type = default [constraints] }`; texts as written.
struct Variable {
  std::string name;
  std::string type;                  // "Bool", "Load(lb|kg)", "Enum([\"a\", \"b\"])"
  std::optional<std::string> default_value;  // "20lb", "false", "\"text\""
  std::optional<std::string> constraints;    // "[min = 1, max = 10]"
};

// `@equipment("weighted_vest", "rower")`: string arguments unquoted, others as written.
struct Annotation {
  std::string name;
  std::vector<std::string> args;
  SourcePosition position;
};

struct ScoreField {
  std::string name;
  std::string type;                          // "Rounds", "Reps", "Time", "Load(kg)", ...
  std::optional<std::string> default_value;  // `reps: Reps = 0`, as written
};

struct ScoreDecl {
  std::string name;
  std::vector<ScoreField> fields;
};

// Something the parser accepted but a reader should know (an unknown
// movement, a load on a movement that takes none...). Never an error.
struct Warning {
  std::string code;  // "unknown_movement", ...
  std::string message;
  SourcePosition position;
};

struct Wod {
  std::string module;          // "wod.fran"; empty for a bare `wod ... { }` source
  std::string module_version;  // "v1", "v1.2"; empty when absent
  std::string title;           // @title("...") > the module's first comment "Name — ..." > the module id
  Form form;
  std::vector<Item> items;  // one round for RFT, one minute's work for EMOM, one interval's for TABATA
  std::vector<std::string> notes;  // `notes: "..."` inside and outside the wod block, in order
  std::vector<Variable> vars;
  std::vector<Annotation> annotations;
  std::vector<ScoreDecl> scores;

  // Derived through the movement catalog, each sorted and without duplicates.
  std::vector<std::string> movements;     // canonical names (unknown ones normalised)
  std::vector<std::string> equipment;     // the movements' and the @equipment annotations'
  std::vector<std::string> modality_tags; // "gymnastics", "weightlifting", "monostructural"
  std::vector<Warning> warnings;
};

// "AMRAP", "ForTime", "EMOM", "RFT", "TABATA": the language's spelling.
const char* form_name(FormKind kind);
std::optional<FormKind> form_from_name(std::string_view name);  // case-insensitive
const char* quantity_kind_name(QuantityKind kind);              // "reps", "duration", ...

}  // namespace ws::wod
