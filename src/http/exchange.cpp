#include "http/exchange.h"

#include <stdexcept>

#include "glib_support/main_loop.h"
#include "http/negotiation.h"

namespace ws::http {

const std::string& Request::param(std::string_view name) const {
  for (const auto& [key, value] : params) {
    if (key == name) return value;
  }
  throw std::out_of_range("the route of " + path + " has no parameter {" + std::string(name) + "}");
}

std::optional<std::string> Request::header(const char* name) const {
  if (!headers) return std::nullopt;
  const char* value = soup_message_headers_get_one(headers, name);
  if (!value) return std::nullopt;
  return std::string(value);
}

std::optional<std::string> Request::query_value(const std::string& name) const {
  auto it = query.find(name);
  if (it == query.end()) return std::nullopt;
  return it->second;
}

Responder::Responder(SoupServerMessage* message, GMainContext* context, std::string request_id,
                     Completion on_complete)
    : message_(SOUP_SERVER_MESSAGE(g_object_ref(message))),
      context_(g_main_context_ref(context)),
      request_id_(std::move(request_id)),
      on_complete_(std::move(on_complete)) {}

Responder::~Responder() {
  // The last reference can be dropped on a worker thread; unref is thread-safe.
  g_object_unref(message_);
  g_main_context_unref(context_);
}

void Responder::after_handler() {
  if (applied_) return;
  deferred_ = true;
  soup_server_message_pause(message_);
}

bool Responder::answer_in_place(const std::function<void(SoupServerMessage*)>& answer) {
  if (answered_.exchange(true)) return false;
  applied_ = true;
  answer(message_);
  if (deferred_) soup_server_message_unpause(message_);
  if (on_complete_) {
    Response record;
    record.status = static_cast<int>(soup_server_message_get_status(message_));
    on_complete_(record);
  }
  return true;
}

void Responder::respond(Response response) {
  if (answered_.exchange(true)) return;
  // `self` keeps the exchange (and the message ref it holds) alive across the hop.
  run_on_main_loop(context_, [self = shared_from_this(), response = std::move(response)]() mutable {
    self->apply_on_main_loop(std::move(response));
  });
}

void apply_response(SoupServerMessage* message, const Response& response) {
  // libsoup has no reason phrase of its own for 429 ("Unknown Error").
  soup_server_message_set_status(message, response.status,
                                 response.status == 429 ? "Too Many Requests" : nullptr);
  SoupMessageHeaders* out = soup_server_message_get_response_headers(message);
  for (const auto& [name, value] : response.headers) {
    soup_message_headers_replace(out, name.c_str(), value.c_str());
  }
  if (response.file) {
    soup_message_headers_set_content_type(out, response.content_type.c_str(), nullptr);
    soup_message_body_append_bytes(soup_server_message_get_response_body(message),
                                   response.file.get());
    return;
  }
  if (response.content_type.empty() && response.body.empty()) return;  // 204, 304
  soup_server_message_set_response(message, response.content_type.c_str(), SOUP_MEMORY_COPY,
                                   response.body.data(), response.body.size());
}

void Responder::apply_on_main_loop(Response response) {
  applied_ = true;
  response.header("X-Request-Id", request_id_);
  negotiate(soup_server_message_get_request_headers(message_), response);
  apply_response(message_, response);
  if (deferred_) soup_server_message_unpause(message_);
  if (on_complete_) on_complete_(response);
}

}  // namespace ws::http
