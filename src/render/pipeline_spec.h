#pragma once
// Pipelines described as data (pipelines/*.json): elements with typed
// property values, and links between them. Values that depend on the render
// (size, bitrate, file location...) are named placeholders {"param": "width"}
// filled from a typed ParamMap when the pipeline is built, so no text coming
// from a request is ever parsed as a pipeline description.
//
// Loading is two steps: parse_pipeline_spec checks the structure against the
// contract the C++ code relies on (pure, no GStreamer), then
// check_pipeline_spec checks it against the GStreamer registry (factories,
// properties, value types, pad templates). load_pipeline_spec does both.
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "common/result.h"

namespace ws::render {

struct Fraction {
  int num = 0, den = 1;
  bool operator==(const Fraction&) const = default;
};

// A typed value given by the code for a placeholder. The index order of the
// variant is the order of ValueKind's first five members.
using ParamValue = std::variant<bool, int64_t, double, std::string, Fraction>;
using ParamMap = std::map<std::string, ParamValue>;
enum class ValueKind { boolean, integer, real, string, fraction };
const char* value_kind_name(ValueKind kind);

struct ParamRef {
  std::string name;
};
using FieldValue = std::variant<bool, int64_t, double, std::string, Fraction, ParamRef>;
struct CapsSpec {
  std::string media;  // e.g. "video/x-raw"
  std::vector<std::pair<std::string, FieldValue>> fields;
};
using PropertyValue = std::variant<bool, int64_t, double, std::string, Fraction, ParamRef, CapsSpec>;

struct ElementSpec {
  std::string name, factory;
  std::vector<std::pair<std::string, PropertyValue>> properties;  // file order
};

// "name" or "name.pad"; the pad is a static pad, a request pad template
// ("sink_%d") or a sometimes pad template ("video_%u"). Empty: any pad.
struct PadRef {
  std::string element, pad;
  std::string text() const { return pad.empty() ? element : element + "." + pad; }
};
struct LinkSpec {
  PadRef from, to;
};

// What the C++ code relies on in one pipeline file: the placeholders it fills
// (with their kinds) and the elements it looks up by name (with the factory it
// casts them to; empty: any factory).
struct PipelineContract {
  std::string file;  // e.g. "segment_encoder.json"
  std::map<std::string, ValueKind> params;
  std::map<std::string, std::string> elements;
};

struct PipelineSpec {
  std::string origin;  // file path, for error messages
  std::vector<ElementSpec> elements;
  std::vector<LinkSpec> links;
  std::map<std::string, ValueKind> params;  // the contract's, for the builder
  const ElementSpec* find(std::string_view name) const;
};

// Errors are internal "pipeline_spec_invalid", naming the origin and element.
Error spec_error(const std::string& origin, const std::string& message);

// Pure: JSON structure, duplicate names, links to unknown elements, unknown
// params, then check_wiring.
Result<PipelineSpec> parse_pipeline_spec(std::string_view json, const std::string& origin,
                                         const PipelineContract& contract);
// Pure: every element linked, the contract's elements present with their factory.
Status check_wiring(const PipelineSpec& spec, const PipelineContract& contract);
// Against the GStreamer registry (needs gst_init).
Status check_pipeline_spec(const PipelineSpec& spec);
Result<PipelineSpec> load_pipeline_spec(const std::filesystem::path& dir, const PipelineContract& contract);

}  // namespace ws::render
