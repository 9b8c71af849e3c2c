#include "render/pipeline_values.h"

#include <limits>

namespace ws::render {

namespace {

template <class T>
bool in_range(int64_t x) {
  if (x < 0) return x >= static_cast<int64_t>(std::numeric_limits<T>::min());
  return static_cast<uint64_t>(x) <= static_cast<uint64_t>(std::numeric_limits<T>::max());
}

// Integer literal into any integer property type, refusing silent wrap-around.
std::string set_integer(int64_t x, GType type, GValue* out) {
  g_value_init(out, type);
  bool ok = true;
  switch (G_TYPE_FUNDAMENTAL(type)) {
    case G_TYPE_CHAR: ok = in_range<gint8>(x); if (ok) g_value_set_schar(out, static_cast<gint8>(x)); break;
    case G_TYPE_UCHAR: ok = in_range<guchar>(x); if (ok) g_value_set_uchar(out, static_cast<guchar>(x)); break;
    case G_TYPE_INT: ok = in_range<gint>(x); if (ok) g_value_set_int(out, static_cast<gint>(x)); break;
    case G_TYPE_UINT: ok = in_range<guint>(x); if (ok) g_value_set_uint(out, static_cast<guint>(x)); break;
    case G_TYPE_LONG: ok = in_range<glong>(x); if (ok) g_value_set_long(out, static_cast<glong>(x)); break;
    case G_TYPE_ULONG: ok = in_range<gulong>(x); if (ok) g_value_set_ulong(out, static_cast<gulong>(x)); break;
    case G_TYPE_INT64: g_value_set_int64(out, x); break;
    case G_TYPE_UINT64: ok = x >= 0; if (ok) g_value_set_uint64(out, static_cast<guint64>(x)); break;
    case G_TYPE_FLOAT: g_value_set_float(out, static_cast<float>(x)); break;
    case G_TYPE_DOUBLE: g_value_set_double(out, static_cast<double>(x)); break;
    default: return std::string("integer value cannot set a ") + g_type_name(type) + " property";
  }
  return ok ? "" : "integer out of range for the property's type";
}

bool is_numeric(GType type) {
  switch (G_TYPE_FUNDAMENTAL(type)) {
    case G_TYPE_CHAR: case G_TYPE_UCHAR: case G_TYPE_INT: case G_TYPE_UINT: case G_TYPE_LONG:
    case G_TYPE_ULONG: case G_TYPE_INT64: case G_TYPE_UINT64: case G_TYPE_FLOAT: case G_TYPE_DOUBLE:
      return true;
    default:
      return false;
  }
}

bool is_real(GType type) { return type == G_TYPE_DOUBLE || type == G_TYPE_FLOAT; }

// Which value kinds a property type takes. Strings also set enums and flags
// by nick ("veryfast"), checked when converted.
bool kind_fits(ValueKind kind, GType type) {
  switch (kind) {
    case ValueKind::boolean: return type == G_TYPE_BOOLEAN;
    case ValueKind::integer: return is_numeric(type);
    case ValueKind::real: return is_real(type);
    case ValueKind::string:
      return type == G_TYPE_STRING || G_TYPE_IS_ENUM(type) || G_TYPE_IS_FLAGS(type);
    case ValueKind::fraction: return type == GST_TYPE_FRACTION;
  }
  return false;
}

std::string to_gvalue(const ParamValue& value, GType type, GValue* out) {
  auto kind = static_cast<ValueKind>(value.index());
  if (!kind_fits(kind, type)) {
    return std::string(value_kind_name(kind)) + " value cannot set a " + g_type_name(type) + " property";
  }
  if (auto* i = std::get_if<int64_t>(&value)) return set_integer(*i, type, out);
  g_value_init(out, type);
  if (auto* b = std::get_if<bool>(&value)) g_value_set_boolean(out, *b);
  if (auto* d = std::get_if<double>(&value)) {
    type == G_TYPE_FLOAT ? g_value_set_float(out, static_cast<float>(*d)) : g_value_set_double(out, *d);
  }
  if (auto* f = std::get_if<Fraction>(&value)) gst_value_set_fraction(out, f->num, f->den);
  if (auto* s = std::get_if<std::string>(&value)) {
    if (type == G_TYPE_STRING) {
      g_value_set_string(out, s->c_str());
    } else if (!gst_value_deserialize(out, s->c_str())) {
      return "'" + *s + "' is not a value of " + g_type_name(type);
    }
  }
  return "";
}

// The natural GValue type of a caps field: int (caps use gint), double,
// boolean, string, fraction.
std::string to_field_gvalue(const ParamValue& value, GValue* out) {
  static const GType types[] = {G_TYPE_BOOLEAN, G_TYPE_INT, G_TYPE_DOUBLE, G_TYPE_STRING, GST_TYPE_FRACTION};
  return to_gvalue(value, types[value.index()], out);
}

// A placeholder's value from the map, of the kind the contract declares.
std::string resolve(const ParamRef& ref, const ParamMap& params, const std::map<std::string, ValueKind>& kinds,
                    const ParamValue** out) {
  auto it = params.find(ref.name);
  if (it == params.end()) return "param '" + ref.name + "' was not given";
  auto kind = kinds.find(ref.name);
  if (kind == kinds.end() || static_cast<ValueKind>(it->second.index()) != kind->second) {
    return "param '" + ref.name + "' must be of kind " +
           (kind == kinds.end() ? "declared in the contract" : value_kind_name(kind->second));
  }
  *out = &it->second;
  return "";
}

template <class V>
const ParamValue* literal(const V& value, ParamValue& storage) {
  return std::visit(
      [&](auto&& x) -> const ParamValue* {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_constructible_v<ParamValue, T>) {
          storage = x;
          return &storage;
        } else {
          return nullptr;
        }
      },
      value);
}

}  // namespace

std::string make_caps(const CapsSpec& spec, const ParamMap* params, const std::map<std::string, ValueKind>& kinds,
                      GstCapsPtr& out) {
  out.reset(gst_caps_new_empty_simple(spec.media.c_str()));
  GstStructure* s = gst_caps_get_structure(out.get(), 0);
  for (const auto& [name, field] : spec.fields) {
    ParamValue storage;
    const ParamValue* value = literal(field, storage);
    if (!value && !params) continue;  // a placeholder at load time
    if (!value) {
      std::string why = resolve(std::get<ParamRef>(field), *params, kinds, &value);
      if (!value) return "caps field '" + name + "': " + why;
    }
    GValueOwner gv;
    if (std::string why = to_field_gvalue(*value, gv.get()); !why.empty()) return "caps field '" + name + "': " + why;
    gst_structure_set_value(s, name.c_str(), gv.get());
  }
  return "";
}

std::string property_gvalue(const PropertyValue& value, GParamSpec* pspec, const ParamMap* params,
                            const std::map<std::string, ValueKind>& kinds, GValue* out) {
  const GType type = G_PARAM_SPEC_VALUE_TYPE(pspec);
  if (auto* caps_spec = std::get_if<CapsSpec>(&value)) {
    if (type != GST_TYPE_CAPS) return std::string("caps cannot set a ") + g_type_name(type) + " property";
    GstCapsPtr caps;
    if (std::string why = make_caps(*caps_spec, params, kinds, caps); !why.empty()) return why;
    g_value_init(out, GST_TYPE_CAPS);
    gst_value_set_caps(out, caps.get());
    return "";
  }
  ParamValue storage;
  const ParamValue* v = literal(value, storage);
  if (!v) {
    const auto& ref = std::get<ParamRef>(value);
    if (!params) {
      auto kind = kinds.at(ref.name);
      return kind_fits(kind, type) ? "" : "param '" + ref.name + "' (" + value_kind_name(kind) +
                                              ") cannot set a " + g_type_name(type) + " property";
    }
    if (std::string why = resolve(ref, *params, kinds, &v); !why.empty()) return why;
  }
  if (std::string why = to_gvalue(*v, type, out); !why.empty()) return why;
  // g_param_value_validate clamps and says whether it had to: out of range.
  if (g_param_value_validate(pspec, out)) return "value out of the property's range";
  return "";
}

}  // namespace ws::render
