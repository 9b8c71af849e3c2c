#pragma once
// A small synchronous HTTP client on libsoup, for tests against the real server.
#include <map>
#include <string>

typedef struct _SoupSession SoupSession;

namespace ws::test {

struct HttpReply {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;

  std::string header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
  }
};

class HttpClient {
 public:
  explicit HttpClient(int port);
  ~HttpClient();
  HttpReply request(const std::string& method, const std::string& path,
                    const std::string& body = {},
                    const std::map<std::string, std::string>& headers = {});
  HttpReply get(const std::string& path, const std::map<std::string, std::string>& headers = {}) {
    return request("GET", path, {}, headers);
  }
  HttpReply post(const std::string& path, const std::string& body,
                 const std::map<std::string, std::string>& headers = {}) {
    return request("POST", path, body, headers);
  }

 private:
  int port_;
  SoupSession* session_;
};

}  // namespace ws::test
