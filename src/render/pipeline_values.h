#pragma once
// Typed spec values -> GValues for g_object_set_property and caps fields.
// One code path serves both load-time validation (params == nullptr: literals
// are converted and range-checked, placeholders only kind-checked) and build
// time (placeholders resolved from the ParamMap), so what validates builds.
#include <string>

#include <gst/gst.h>

#include "glib_support/gobject_ptr.h"
#include "render/pipeline_spec.h"

namespace ws::render {

// A GValue that unsets itself.
class GValueOwner {
 public:
  GValueOwner() = default;
  ~GValueOwner() {
    if (G_IS_VALUE(&value_)) g_value_unset(&value_);
  }
  GValueOwner(const GValueOwner&) = delete;
  GValueOwner& operator=(const GValueOwner&) = delete;
  GValue* get() { return &value_; }

 private:
  GValue value_ = G_VALUE_INIT;
};

// Converts `value` of property `pspec` into `out` (uninitialised). Returns
// why it cannot ("" when it can): wrong type, out of range, unknown enum
// nick, missing or mistyped param. With params == nullptr, placeholders are
// checked against `kinds` only and `out` is left unset.
std::string property_gvalue(const PropertyValue& value, GParamSpec* pspec, const ParamMap* params,
                            const std::map<std::string, ValueKind>& kinds, GValue* out);

// Caps from a spec; placeholders are left out when params == nullptr.
// Returns why not ("" when built).
std::string make_caps(const CapsSpec& spec, const ParamMap* params, const std::map<std::string, ValueKind>& kinds,
                      GstCapsPtr& out);

}  // namespace ws::render
