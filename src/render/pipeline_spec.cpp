// Structural half of the spec loader: JSON -> PipelineSpec. Strict on purpose
// (unknown keys are errors): a typo in a property block must not silently
// fall back to a default.
#include "render/pipeline_spec.h"

#include <boost/json.hpp>

#include <algorithm>

namespace ws::render {

namespace json = boost::json;

namespace {

// Parses one file; every error names the origin and, where known, the element.
class SpecParser {
 public:
  SpecParser(const std::string& origin, const PipelineContract& contract)
      : origin_(origin), contract_(contract) {}

  Result<PipelineSpec> parse(std::string_view text) {
    boost::system::error_code ec;
    json::value root = json::parse(text, ec);
    if (ec) return fail("", "not valid JSON: " + ec.message());
    const json::object* top = root.if_object();
    if (!top) return fail("", "the top level must be an object");
    WS_RETURN_IF_ERROR(only_keys(*top, {"description", "elements", "links"}, ""));
    PipelineSpec spec;
    spec.origin = origin_;
    spec.params = contract_.params;
    const json::array* elements = top->contains("elements") ? top->at("elements").if_array() : nullptr;
    if (!elements || elements->empty()) return fail("", "\"elements\" must be a non-empty array");
    for (const json::value& e : *elements) {
      WS_ASSIGN_OR_RETURN(ElementSpec element, parse_element(e, spec));
      spec.elements.push_back(std::move(element));
    }
    if (top->contains("links")) {
      const json::array* links = top->at("links").if_array();
      if (!links) return fail("", "\"links\" must be an array");
      for (const json::value& l : *links) {
        WS_ASSIGN_OR_RETURN(LinkSpec link, parse_link(l, spec));
        spec.links.push_back(std::move(link));
      }
    }
    WS_RETURN_IF_ERROR(check_wiring(spec, contract_));
    return spec;
  }

 private:
  Error fail(const std::string& element, const std::string& message) const {
    return spec_error(origin_, (element.empty() ? "" : "element '" + element + "': ") + message);
  }

  Status only_keys(const json::object& o, std::initializer_list<std::string_view> keys,
                   const std::string& element) const {
    for (const auto& kv : o) {
      if (std::find(keys.begin(), keys.end(), kv.key()) == keys.end()) {
        return fail(element, "unknown key \"" + std::string(kv.key()) + "\"");
      }
    }
    return {};
  }

  Result<std::string> string_at(const json::object& o, std::string_view key, const std::string& element) const {
    const json::value* v = o.if_contains(key);
    if (!v || !v->is_string() || v->as_string().empty()) {
      return fail(element, std::string(key).insert(0, 1, '"') + "\" must be a non-empty string");
    }
    return std::string(v->as_string());
  }

  Result<ElementSpec> parse_element(const json::value& v, const PipelineSpec& spec) const {
    const json::object* o = v.if_object();
    if (!o) return fail("", "every element must be an object");
    WS_ASSIGN_OR_RETURN(std::string name, string_at(*o, "name", ""));
    WS_RETURN_IF_ERROR(only_keys(*o, {"name", "factory", "properties"}, name));
    if (name.find('.') != std::string::npos) return fail(name, "names cannot contain '.'");
    if (spec.find(name)) return fail(name, "duplicate element name");
    WS_ASSIGN_OR_RETURN(std::string factory, string_at(*o, "factory", name));
    ElementSpec element{name, factory, {}};
    if (const json::value* props = o->if_contains("properties")) {
      if (!props->is_object()) return fail(name, "\"properties\" must be an object");
      for (const auto& kv : props->as_object()) {
        WS_ASSIGN_OR_RETURN(PropertyValue value, parse_value(kv.value(), name, std::string(kv.key())));
        element.properties.emplace_back(std::string(kv.key()), std::move(value));
      }
    }
    return element;
  }

  // Caps are allowed for properties only (not nested in caps fields).
  Result<PropertyValue> parse_value(const json::value& v, const std::string& element, const std::string& key) const {
    if (v.is_object() && v.get_object().contains("media")) return parse_caps(v.get_object(), element, key);
    WS_ASSIGN_OR_RETURN(FieldValue field, parse_field(v, element, "property '" + key + "': "));
    return std::visit([](auto&& x) -> PropertyValue { return std::move(x); }, std::move(field));
  }

  // Literal JSON scalars keep their JSON type; objects are placeholders or fractions.
  Result<FieldValue> parse_field(const json::value& v, const std::string& element, const std::string& where) const {
    switch (v.kind()) {
      case json::kind::bool_: return FieldValue(v.get_bool());
      case json::kind::int64: return FieldValue(v.get_int64());
      case json::kind::uint64:
        if (v.get_uint64() > static_cast<uint64_t>(INT64_MAX)) return fail(element, where + "integer too large");
        return FieldValue(static_cast<int64_t>(v.get_uint64()));
      case json::kind::double_: return FieldValue(v.get_double());
      case json::kind::string: return FieldValue(std::string(v.get_string()));
      case json::kind::object: break;
      default: return fail(element, where + "arrays and null are not values");
    }
    const json::object& o = v.get_object();
    if (o.size() == 1 && o.contains("param")) return parse_param(o.at("param"), element, where);
    if (o.size() == 1 && o.contains("fraction")) return parse_fraction(o.at("fraction"), element, where);
    return fail(element, where + "an object must be {\"param\": name}, {\"fraction\": [n, d]} or caps "
                                 "{\"media\": ..., \"fields\": {...}}");
  }

  Result<FieldValue> parse_param(const json::value& v, const std::string& element, const std::string& where) const {
    if (!v.is_string()) return fail(element, where + "\"param\" must be a string");
    std::string name(v.get_string());
    if (!contract_.params.count(name)) return fail(element, where + "unknown param '" + name + "'");
    return FieldValue(ParamRef{name});
  }

  Result<FieldValue> parse_fraction(const json::value& v, const std::string& element,
                                       const std::string& where) const {
    const json::array* a = v.if_array();
    if (!a || a->size() != 2 || !(*a)[0].is_int64() || !(*a)[1].is_int64() || (*a)[1].get_int64() <= 0 ||
        (*a)[0].get_int64() < 0 || (*a)[0].get_int64() > INT32_MAX || (*a)[1].get_int64() > INT32_MAX) {
      return fail(element, where + "\"fraction\" must be [numerator >= 0, denominator > 0]");
    }
    return FieldValue(Fraction{static_cast<int>((*a)[0].get_int64()), static_cast<int>((*a)[1].get_int64())});
  }

  Result<PropertyValue> parse_caps(const json::object& o, const std::string& element, const std::string& key) const {
    WS_RETURN_IF_ERROR(only_keys(o, {"media", "fields"}, element));
    CapsSpec caps;
    if (!o.at("media").is_string() || o.at("media").get_string().find('/') == json::string::npos) {
      return fail(element, "property '" + key + "': \"media\" must be a media type like video/x-raw");
    }
    caps.media = std::string(o.at("media").get_string());
    const json::value* fields = o.if_contains("fields");
    if (fields && !fields->is_object()) return fail(element, "property '" + key + "': \"fields\" must be an object");
    for (const auto& kv : fields ? fields->get_object() : json::object()) {
      WS_ASSIGN_OR_RETURN(FieldValue value,
                          parse_field(kv.value(), element, "caps field '" + std::string(kv.key()) + "': "));
      caps.fields.emplace_back(std::string(kv.key()), std::move(value));
    }
    return PropertyValue(std::move(caps));
  }

  Result<PadRef> parse_pad(const json::object& o, std::string_view key, const PipelineSpec& spec) const {
    auto text = string_at(o, key, "");
    if (!text) return fail("", "every link needs \"from\" and \"to\" strings");
    auto dot = text->find('.');
    PadRef ref{text->substr(0, dot), dot == std::string::npos ? "" : text->substr(dot + 1)};
    if (!spec.find(ref.element)) return fail("", "link " + std::string(key) + " unknown element '" + ref.element + "'");
    return ref;
  }

  Result<LinkSpec> parse_link(const json::value& v, const PipelineSpec& spec) const {
    const json::object* o = v.if_object();
    if (!o) return fail("", "every link must be an object");
    WS_RETURN_IF_ERROR(only_keys(*o, {"from", "to"}, ""));
    WS_ASSIGN_OR_RETURN(PadRef from, parse_pad(*o, "from", spec));
    WS_ASSIGN_OR_RETURN(PadRef to, parse_pad(*o, "to", spec));
    if (from.element == to.element) return fail(from.element, "linked to itself");
    return LinkSpec{from, to};
  }

  const std::string& origin_;
  const PipelineContract& contract_;
};

}  // namespace

const char* value_kind_name(ValueKind kind) {
  static const char* names[] = {"boolean", "integer", "number", "string", "fraction"};
  return names[static_cast<int>(kind)];
}

const ElementSpec* PipelineSpec::find(std::string_view name) const {
  auto it = std::find_if(elements.begin(), elements.end(), [&](const ElementSpec& e) { return e.name == name; });
  return it == elements.end() ? nullptr : &*it;
}

Error spec_error(const std::string& origin, const std::string& message) {
  return make_error(ErrorKind::internal, "pipeline_spec_invalid", origin + ": " + message);
}

Result<PipelineSpec> parse_pipeline_spec(std::string_view json, const std::string& origin,
                                         const PipelineContract& contract) {
  return SpecParser(origin, contract).parse(json);
}

}  // namespace ws::render
