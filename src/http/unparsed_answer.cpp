#include "http/unparsed_answer.h"

#include <string_view>

namespace ws::http {
namespace {

constexpr std::string_view kUnparsedBody =
    R"({"error":{"code":"bad_request","message":"the request line or headers could not be read"}})";

GQuark unparsed_mark() {
  static const GQuark mark = g_quark_from_static_string("ws-unparsed-request");
  return mark;
}

}  // namespace

void prepare_unparsed_answer(SoupServerMessage* message) {
  soup_server_message_set_response(message, "application/json", SOUP_MEMORY_STATIC, kUnparsedBody.data(),
                                   kUnparsedBody.size());
  g_object_set_qdata(G_OBJECT(message), unparsed_mark(), GINT_TO_POINTER(1));
}

void drop_unparsed_answer(SoupServerMessage* message) {
  soup_server_message_set_response(message, nullptr, SOUP_MEMORY_STATIC, nullptr, 0);
  g_object_set_qdata(G_OBJECT(message), unparsed_mark(), nullptr);
}

bool answered_unparsed(SoupServerMessage* message) {
  return g_object_get_qdata(G_OBJECT(message), unparsed_mark()) != nullptr;
}

std::size_t unparsed_answer_size() { return kUnparsedBody.size(); }

}  // namespace ws::http
