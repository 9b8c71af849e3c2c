#include "support/http_client.h"

#include <libsoup/soup.h>

#include <algorithm>
#include <stdexcept>

#include "glib_support/gobject_ptr.h"

namespace ws::test {

HttpClient::HttpClient(int port) : port_(port), session_(soup_session_new()) {
  soup_session_set_timeout(session_, 60);
}

HttpClient::~HttpClient() { g_object_unref(session_); }

HttpReply HttpClient::request(const std::string& method, const std::string& path,
                              const std::string& body,
                              const std::map<std::string, std::string>& headers) {
  std::string url = "http://127.0.0.1:" + std::to_string(port_) + path;
  GObjectPtr<SoupMessage> message(soup_message_new(method.c_str(), url.c_str()));
  if (!message) throw std::runtime_error("bad url " + url);
  SoupMessageHeaders* out = soup_message_get_request_headers(message.get());
  for (const auto& [name, value] : headers) {
    soup_message_headers_replace(out, name.c_str(), value.c_str());
  }
  if (!body.empty() || method == "POST") {
    GBytesPtr bytes(g_bytes_new(body.data(), body.size()));
    soup_message_set_request_body_from_bytes(message.get(), "application/json", bytes.get());
  }
  GError* raw = nullptr;
  GBytesPtr reply_body(soup_session_send_and_read(session_, message.get(), nullptr, &raw));
  if (raw) {
    GErrorPtr error(raw);
    throw std::runtime_error("request failed: " + std::string(error->message));
  }
  HttpReply reply;
  reply.status = static_cast<int>(soup_message_get_status(message.get()));
  SoupMessageHeadersIter it;
  const char *name, *value;
  soup_message_headers_iter_init(&it, soup_message_get_response_headers(message.get()));
  while (soup_message_headers_iter_next(&it, &name, &value)) {
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
    reply.headers[lower] = value;
  }
  gsize size = 0;
  const char* data = static_cast<const char*>(g_bytes_get_data(reply_body.get(), &size));
  reply.body.assign(data ? data : "", size);
  return reply;
}

}  // namespace ws::test
