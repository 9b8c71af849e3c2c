#pragma once
// What the fault tests check on a running stream server: its segment URLs,
// whether bytes are a whole MPEG-TS, a sample of /metrics, files left on disk.
#include <filesystem>
#include <future>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/http_client.h"

namespace ws::test {

// Segment URLs of the workout's single 180p rendition, in playlist order.
inline std::vector<std::string> segment_urls(HttpClient& client, const std::string& id) {
  auto media = client.get("/streams/" + id + "/180p/index.m3u8");
  EXPECT_EQ(media.status, 200) << media.body;
  std::vector<std::string> urls;
  std::regex line("^(seg_[0-9]+\\.ts)$");
  std::istringstream in(media.body);
  for (std::string text; std::getline(in, text);) {
    std::smatch m;
    if (std::regex_match(text, m, line)) urls.push_back("/streams/" + id + "/180p/" + m[1].str());
  }
  return urls;
}

// Asks for `urls` at once, each on its own connection (a player per segment).
inline std::vector<std::future<HttpReply>> fetch_all(int port, const std::vector<std::string>& urls) {
  std::vector<std::future<HttpReply>> replies;
  for (const auto& url : urls) {
    replies.push_back(std::async(std::launch::async, [port, url] { return HttpClient(port).get(url); }));
  }
  return replies;
}

// Whole 188-byte packets, each starting with the sync byte: a cut-short
// segment fails this (or is refused before any byte is sent).
inline bool is_transport_stream(const std::string& bytes) {
  if (bytes.size() < 188 * 10 || bytes.size() % 188 != 0) return false;
  for (std::size_t i = 0; i < bytes.size(); i += 188) {
    if (bytes[i] != 0x47) return false;
  }
  return true;
}

// The value of one sample (`name{labels}` exactly as written) of a /metrics page; 0 when absent.
inline double metric(const std::string& metrics, const std::string& sample) {
  std::smatch m;
  std::regex line("(^|\n)" + std::regex_replace(sample, std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") + " ([0-9.e+]+)");
  return std::regex_search(metrics, m, line) ? std::stod(m[2]) : 0;
}

// Regular files under `dir`, recursively (none when it does not exist).
inline std::vector<std::filesystem::path> files_under(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (std::filesystem::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file()) files.push_back(it->path());
  }
  return files;
}

}  // namespace ws::test
