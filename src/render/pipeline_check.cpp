// Checks on a parsed spec. Wiring (pure): nothing left unlinked, the contract
// met. Registry: every factory exists, every property exists on it, is
// writable and takes the value given (literal converted and range-checked,
// placeholder kind-checked), every named pad is one of the factory's pad
// templates in the right direction. Run at start-up, so a broken or mistyped
// description fails there and not on the first request.
#include <gst/gst.h>

#include <fstream>
#include <set>
#include <sstream>

#include "glib_support/gobject_ptr.h"
#include "render/pipeline_spec.h"
#include "render/pipeline_values.h"

namespace ws::render {

namespace {

using FactoryPtr = GstObjectPtr<GstElementFactory>;

// The element class's properties are only known once its plugin is loaded.
struct ElementClass {
  explicit ElementClass(GstElementFactory* factory)
      : loaded(GST_ELEMENT_FACTORY(gst_plugin_feature_load(GST_PLUGIN_FEATURE(factory)))),
        klass(loaded ? g_type_class_ref(gst_element_factory_get_element_type(loaded.get())) : nullptr) {}
  ~ElementClass() {
    if (klass) g_type_class_unref(klass);
  }
  ElementClass(const ElementClass&) = delete;
  ElementClass& operator=(const ElementClass&) = delete;
  FactoryPtr loaded;
  gpointer klass;
};

Error element_error(const PipelineSpec& spec, const std::string& element, const std::string& message) {
  return spec_error(spec.origin, "element '" + element + "': " + message);
}

Status check_properties(const PipelineSpec& spec, const ElementSpec& e, GstElementFactory* factory) {
  ElementClass klass(factory);
  if (!klass.klass) return element_error(spec, e.name, "cannot load factory '" + e.factory + "'");
  for (const auto& [name, value] : e.properties) {
    GParamSpec* pspec = g_object_class_find_property(G_OBJECT_CLASS(klass.klass), name.c_str());
    if (!pspec) return element_error(spec, e.name, "unknown property '" + name + "' on " + e.factory);
    if (!(pspec->flags & G_PARAM_WRITABLE)) return element_error(spec, e.name, "property '" + name + "' is read-only");
    GValueOwner gv;
    std::string why = property_gvalue(value, pspec, nullptr, spec.params, gv.get());
    if (!why.empty()) return element_error(spec, e.name, "property '" + name + "': " + why);
  }
  return {};
}

Status check_pad(const PipelineSpec& spec, const PadRef& ref, GstPadDirection direction) {
  if (ref.pad.empty()) return {};
  FactoryPtr factory(gst_element_factory_find(spec.find(ref.element)->factory.c_str()));
  for (const GList* l = gst_element_factory_get_static_pad_templates(factory.get()); l; l = l->next) {
    auto* t = static_cast<const GstStaticPadTemplate*>(l->data);
    if (t->direction == direction && ref.pad == t->name_template) return {};
  }
  const char* what = direction == GST_PAD_SRC ? "source" : "sink";
  return element_error(spec, ref.element, std::string("no ") + what + " pad or pad template '" + ref.pad + "'");
}

}  // namespace

Status check_wiring(const PipelineSpec& spec, const PipelineContract& contract) {
  // An element nothing links to would sit idle and hang the pipeline.
  std::set<std::string> linked;
  for (const LinkSpec& l : spec.links) linked.insert({l.from.element, l.to.element});
  for (const ElementSpec& e : spec.elements) {
    if (spec.elements.size() > 1 && !linked.count(e.name)) return element_error(spec, e.name, "not linked to anything");
  }
  // The elements the code looks up must be there, made by the factory it casts them to.
  for (const auto& [name, factory] : contract.elements) {
    const ElementSpec* e = spec.find(name);
    if (!e) return element_error(spec, name, "missing (the code looks it up by name)");
    if (!factory.empty() && e->factory != factory) return element_error(spec, name, "must be a " + factory);
  }
  return {};
}

Status check_pipeline_spec(const PipelineSpec& spec) {
  for (const ElementSpec& e : spec.elements) {
    FactoryPtr factory(gst_element_factory_find(e.factory.c_str()));
    if (!factory) return element_error(spec, e.name, "unknown factory '" + e.factory + "' (plugin not installed?)");
    WS_RETURN_IF_ERROR(check_properties(spec, e, factory.get()));
  }
  for (const LinkSpec& link : spec.links) {
    WS_RETURN_IF_ERROR(check_pad(spec, link.from, GST_PAD_SRC));
    WS_RETURN_IF_ERROR(check_pad(spec, link.to, GST_PAD_SINK));
  }
  return {};
}

Result<PipelineSpec> load_pipeline_spec(const std::filesystem::path& dir, const PipelineContract& contract) {
  const std::filesystem::path path = dir / contract.file;
  std::ifstream in(path, std::ios::binary);
  if (!in) return spec_error(path.string(), "cannot read the pipeline description");
  std::ostringstream text;
  text << in.rdbuf();
  WS_ASSIGN_OR_RETURN(PipelineSpec spec, parse_pipeline_spec(text.str(), path.string(), contract));
  WS_RETURN_IF_ERROR(check_pipeline_spec(spec));
  return spec;
}

}  // namespace ws::render
