#include "http/raw_answer.h"

#include <cstdio>

#include "glib_support/gobject_ptr.h"

namespace ws::http {
namespace {

// Headers the answer itself decides.
bool framing_header(const char* name) {
  for (const char* own : {"Content-Length", "Content-Type", "Connection", "Transfer-Encoding"}) {
    if (g_ascii_strcasecmp(name, own) == 0) return true;
  }
  return false;
}

void add_header(std::string& text, const char* name, const std::string& value) {
  text.append(name).append(": ").append(value).append("\r\n");
}

std::string http_date_now() {
  GDateTime* now = g_date_time_new_now_utc();
  GCharPtr text(soup_date_time_to_string(now, SOUP_DATE_HTTP));
  g_date_time_unref(now);
  return text.get();
}

// Writes as much of `text` as the socket takes now, then closes it: the
// sending side first, so the client reads the answer and then its end; and
// only after dropping what the client had already sent, which would
// otherwise turn the close into a reset that can discard the answer at the
// client before it is read.
void send_and_close(GSocket* socket, const std::string& text) {
  for (std::size_t sent = 0; sent < text.size();) {
    gssize n = g_socket_send_with_blocking(socket, text.data() + sent, text.size() - sent, FALSE, nullptr, nullptr);
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  g_socket_shutdown(socket, FALSE, TRUE, nullptr);
  char sink[16384];
  for (int i = 0; i < 64; ++i) {
    if (g_socket_receive_with_blocking(socket, sink, sizeof sink, FALSE, nullptr, nullptr) <= 0) break;
  }
  g_socket_close(socket, nullptr);
}

// A connection taken from libsoup, which then forgets it: its stream (whose
// last reference closes it) and its socket.
struct Stolen {
  GObjectPtr<GSocket> socket;
  GObjectPtr<GIOStream> stream;
};

Stolen steal(SoupServerMessage* message) {
  GSocket* socket = soup_server_message_get_socket(message);
  if (!socket) return {};
  Stolen stolen{GObjectPtr<GSocket>(G_SOCKET(g_object_ref(socket))), nullptr};
  stolen.stream.reset(soup_server_message_steal_connection(message));
  return stolen;
}

}  // namespace

std::string raw_answer_text(SoupServerMessage* message, const Response& response) {
  char status_line[96];
  const char* phrase = response.status == 429 ? "Too Many Requests" : soup_status_get_phrase(response.status);
  std::snprintf(status_line, sizeof status_line, "HTTP/1.1 %d %s\r\n", response.status, phrase);
  std::string text = status_line;
  SoupMessageHeaders* headers = soup_server_message_get_response_headers(message);
  for (const auto& [name, value] : response.headers) {
    soup_message_headers_replace(headers, name.c_str(), value.c_str());
  }
  soup_message_headers_foreach(
      headers,
      [](const char* name, const char* value, gpointer out) {
        if (!framing_header(name)) add_header(*static_cast<std::string*>(out), name, value);
      },
      &text);
  if (!soup_message_headers_get_one(headers, "Date")) add_header(text, "Date", http_date_now());
  if (!response.content_type.empty()) add_header(text, "Content-Type", response.content_type);
  add_header(text, "Content-Length", std::to_string(response.body.size()));
  add_header(text, "Connection", "close");
  return text.append("\r\n").append(response.body);
}

void answer_and_close(SoupServerMessage* message, const Response& response) {
  std::string text = raw_answer_text(message, response);
  if (Stolen stolen = steal(message); stolen.socket) send_and_close(stolen.socket.get(), text);
}

void close_connection(SoupServerMessage* message) {
  if (Stolen stolen = steal(message); stolen.socket) g_socket_close(stolen.socket.get(), nullptr);
}

void answer_and_close_unread(SoupServerMessage* message, const Response& response) {
  if (GSocket* socket = soup_server_message_get_socket(message)) {
    send_and_close(socket, raw_answer_text(message, response));
  }
}

}  // namespace ws::http
