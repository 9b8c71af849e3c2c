#include "render/pipeline_builder.h"

#include <filesystem>

#include "render/pipeline_values.h"

namespace ws::render {

namespace {

Error build_error(const PipelineSpec& spec, const std::string& element, const std::string& message) {
  return make_error(ErrorKind::internal, "render_pipeline",
                    spec.origin + ": element '" + element + "': " + message);
}

Result<GstObjectPtr<GstElement>> make_element(const PipelineSpec& spec, const ElementSpec& e,
                                              const ParamMap& params) {
  GstElement* made = gst_element_factory_make(e.factory.c_str(), e.name.c_str());
  if (!made) return build_error(spec, e.name, "cannot make a " + e.factory);
  GstObjectPtr<GstElement> element(GST_ELEMENT(gst_object_ref_sink(made)));
  for (const auto& [name, value] : e.properties) {
    GParamSpec* pspec = g_object_class_find_property(G_OBJECT_GET_CLASS(made), name.c_str());
    if (!pspec) return build_error(spec, e.name, "unknown property '" + name + "'");
    GValueOwner gv;
    std::string why = property_gvalue(value, pspec, &params, spec.params, gv.get());
    if (!why.empty()) return build_error(spec, e.name, "property '" + name + "': " + why);
    g_object_set_property(G_OBJECT(made), name.c_str(), gv.get());
  }
  return element;
}

// A link waiting for its source pad to appear (demuxers add pads once they
// have read the stream headers). Owned by the signal handler.
struct DeferredLink {
  GstElement* sink;        // owned by the same bin as the source
  std::string src_template;  // empty: any pad that links
  std::string sink_pad;      // empty: any compatible pad
  bool done = false;
};

// Runs on the demuxer's streaming thread; throws nothing.
void on_pad_added(GstElement* src, GstPad* pad, gpointer data) {
  auto* link = static_cast<DeferredLink*>(data);
  if (link->done || GST_PAD_DIRECTION(pad) != GST_PAD_SRC) return;
  GstPadTemplate* templ = GST_PAD_PAD_TEMPLATE(pad);
  if (!link->src_template.empty() && (!templ || link->src_template != GST_PAD_TEMPLATE_NAME_TEMPLATE(templ))) return;
  link->done = gst_element_link_pads(src, GST_PAD_NAME(pad), link->sink,
                                     link->sink_pad.empty() ? nullptr : link->sink_pad.c_str());
}

// True when the source pad named (or, unnamed, every source pad) only exists
// once the element has seen data.
bool is_sometimes_source(GstElement* element, const std::string& pad) {
  GstElementClass* klass = GST_ELEMENT_GET_CLASS(element);
  if (!pad.empty()) {
    GstPadTemplate* t = gst_element_class_get_pad_template(klass, pad.c_str());
    return t && GST_PAD_TEMPLATE_PRESENCE(t) == GST_PAD_SOMETIMES;
  }
  if (element->numsrcpads > 0) return false;
  for (GList* l = gst_element_class_get_pad_template_list(klass); l; l = l->next) {
    auto* t = static_cast<GstPadTemplate*>(l->data);
    if (GST_PAD_TEMPLATE_DIRECTION(t) == GST_PAD_SRC && GST_PAD_TEMPLATE_PRESENCE(t) == GST_PAD_SOMETIMES) return true;
  }
  return false;
}

Status link(const PipelineSpec& spec, GstElement* pipeline, const LinkSpec& l) {
  GstObjectPtr<GstElement> src = pipeline_element(pipeline, l.from.element);
  GstObjectPtr<GstElement> sink = pipeline_element(pipeline, l.to.element);
  if (is_sometimes_source(src.get(), l.from.pad)) {
    auto* deferred = new DeferredLink{sink.get(), l.from.pad, l.to.pad};
    g_signal_connect_data(src.get(), "pad-added", G_CALLBACK(on_pad_added), deferred,
                          [](gpointer d, GClosure*) { delete static_cast<DeferredLink*>(d); }, GConnectFlags(0));
    return {};
  }
  if (!gst_element_link_pads(src.get(), l.from.pad.empty() ? nullptr : l.from.pad.c_str(), sink.get(),
                             l.to.pad.empty() ? nullptr : l.to.pad.c_str())) {
    return build_error(spec, l.from.element, "cannot link " + l.from.text() + " to " + l.to.text());
  }
  return {};
}

}  // namespace

Result<GstPipelinePtr> build_pipeline(const PipelineSpec& spec, const ParamMap& params) {
  std::string name = std::filesystem::path(spec.origin).stem().string();
  GstPipelinePtr pipeline(GST_ELEMENT(gst_object_ref_sink(gst_pipeline_new(name.c_str()))));
  for (const ElementSpec& e : spec.elements) {
    WS_ASSIGN_OR_RETURN(GstObjectPtr<GstElement> element, make_element(spec, e, params));
    gst_bin_add(GST_BIN(pipeline.get()), element.get());  // the bin takes its own reference
  }
  for (const LinkSpec& l : spec.links) WS_RETURN_IF_ERROR(link(spec, pipeline.get(), l));
  return pipeline;
}

GstObjectPtr<GstElement> pipeline_element(GstElement* pipeline, const std::string& name) {
  return GstObjectPtr<GstElement>(gst_bin_get_by_name(GST_BIN(pipeline), name.c_str()));
}

}  // namespace ws::render
