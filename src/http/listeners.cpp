#include "http/listeners.h"

#include <sys/socket.h>

#include <cerrno>

#include "glib_support/gobject_ptr.h"

namespace ws::http {
namespace {

constexpr int kListeningSockets = 16;

// A socket bound to `address` (SO_REUSEADDR, as g_socket_bind would); with
// `shared`, it shares its port with the server's other listening sockets.
// Bound here rather than by g_socket_bind, which clears SO_REUSEPORT on
// stream sockets.
GObjectPtr<GSocket> bound_socket(GSocketAddress* address, bool shared, GError** error) {
  GObjectPtr<GSocket> socket(g_socket_new(g_socket_address_get_family(address), G_SOCKET_TYPE_STREAM,
                                          G_SOCKET_PROTOCOL_TCP, error));
  if (!socket) return nullptr;
  if (!g_socket_set_option(socket.get(), SOL_SOCKET, SO_REUSEADDR, 1, error) ||
      (shared && !g_socket_set_option(socket.get(), SOL_SOCKET, SO_REUSEPORT, 1, error))) {
    return nullptr;
  }
  sockaddr_storage native{};
  gssize size = g_socket_address_get_native_size(address);
  if (!g_socket_address_to_native(address, &native, sizeof native, error)) return nullptr;
  if (bind(g_socket_get_fd(socket.get()), reinterpret_cast<sockaddr*>(&native), static_cast<socklen_t>(size)) != 0) {
    int code = errno;
    g_set_error(error, G_IO_ERROR, g_io_error_from_errno(code), "Error binding to address: %s", g_strerror(code));
    return nullptr;
  }
  return socket;
}

// With the kernel's full accept backlog: GSocket's default of 10 overflows
// in a burst of clients, and each dropped SYN costs its client a 1, 3 or 7 s
// retransmission.
bool listen_with(SoupServer* server, GSocketAddress* address, GError** error) {
  GObjectPtr<GSocket> socket = bound_socket(address, true, error);
  if (!socket) return false;
  g_socket_set_listen_backlog(socket.get(), SOMAXCONN);
  return g_socket_listen(socket.get(), error) &&
         soup_server_listen_socket(server, socket.get(), SoupServerListenOptions(0), error);
}

int local_port(SoupServer* server) {
  int port = 0;
  GSList* listeners = soup_server_get_listeners(server);
  if (listeners) {
    GObjectPtr<GSocketAddress> local(g_socket_get_local_address(G_SOCKET(listeners->data), nullptr));
    if (local) port = g_inet_socket_address_get_port(G_INET_SOCKET_ADDRESS(local.get()));
  }
  g_slist_free(listeners);
  return port;
}

GObjectPtr<GSocketAddress> address_of(const std::string& host, int port) {
  return GObjectPtr<GSocketAddress>(g_inet_socket_address_new_from_string(host.c_str(), static_cast<guint>(port)));
}

// Binding once without sharing fails when another socket listens there.
bool port_taken(GSocketAddress* address, GError** error) {
  if (g_inet_socket_address_get_port(G_INET_SOCKET_ADDRESS(address)) == 0) return false;
  return bound_socket(address, false, error) == nullptr;
}

}  // namespace

Result<int> listen_on(SoupServer* server, const std::string& host, int port) {
  GObjectPtr<GSocketAddress> address = address_of(host, port);
  if (!address) {
    return make_error(ErrorKind::invalid_argument, "invalid_listen_address",
                      "cannot listen on '" + host + "': not an IP address", "server.host");
  }
  GError* raw_error = nullptr;
  bool listening = !port_taken(address.get(), &raw_error) && listen_with(server, address.get(), &raw_error);
  for (int i = 1; listening && i < kListeningSockets; ++i) {
    listening = listen_with(server, address_of(host, local_port(server)).get(), &raw_error);
  }
  if (!listening) {
    GErrorPtr error(raw_error);
    soup_server_disconnect(server);
    return make_error(ErrorKind::unavailable, "listen_failed",
                      "cannot listen on " + host + ":" + std::to_string(port) + ": " +
                          (error ? error->message : "unknown error"));
  }
  return local_port(server);
}

}  // namespace ws::http
