#pragma once
// What the fault tests check on a running stream server: its segment URLs,
// whether bytes are a whole MPEG-TS starting PAT then PMT, a sample of /metrics, files left on disk.
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
// The PMT PID the PAT in the TS packet at `at` points to, -1 if that is no PAT.
inline int pmt_pid_from_pat(const std::string& bytes, std::size_t at) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(bytes[at + i]); };
  if (bytes.size() < at + 188 || byte(0) != 0x47 || !(byte(1) & 0x40)) return -1;
  if (((byte(1) & 0x1f) << 8 | byte(2)) != 0) return -1;
  std::size_t payload = 4;
  if (byte(3) & 0x20) payload += 1 + byte(4);  // adaptation field (mpegtsmux pads its PAT with one)
  if (payload >= 188) return -1;
  const std::size_t section = payload + 1 + byte(payload);  // after the pointer field
  if (section + 8 + 4 > 188 || byte(section) != 0x00) return -1;  // table_id 0: program_association_section
  const std::size_t end = section + 3 + (((byte(section + 1) & 0x0f) << 8) | byte(section + 2)) - 4;  // before CRC
  for (std::size_t i = section + 8; i + 4 <= end && i + 4 <= 188; i += 4) {
    if (((byte(i) << 8) | byte(i + 1)) != 0) return ((byte(i + 2) & 0x1f) << 8) | byte(i + 3);  // not the NIT entry
  }
  return -1;
}

// Whether a segment starts as HLS asks (RFC 8216bis 3.3.2): the PAT first,
// the PMT second, so no PES comes before them (tsdemux drops any that does).
inline ::testing::AssertionResult starts_with_pat_then_pmt(const std::string& bytes) {
  if (bytes.size() < 2 * 188) return ::testing::AssertionFailure() << "fewer than two TS packets";
  auto pid = [&](std::size_t packet) {
    return ((static_cast<unsigned char>(bytes[packet * 188 + 1]) & 0x1f) << 8) |
           static_cast<unsigned char>(bytes[packet * 188 + 2]);
  };
  const int pmt = pmt_pid_from_pat(bytes, 0);
  if (pmt < 0) return ::testing::AssertionFailure() << "first TS packet is PID " << pid(0) << ", not a PAT";
  if (pid(1) != pmt) {
    return ::testing::AssertionFailure() << "second TS packet is PID " << pid(1) << ", not the PMT (PID " << pmt << ")";
  }
  return ::testing::AssertionSuccess();
}

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
