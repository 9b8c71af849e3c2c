#pragma once
// ffprobe as an independent judge of what we write: packets of a media file
// with their timestamps and key flags, and whole-file facts.
#include <filesystem>
#include <string>
#include <vector>

namespace ws::test {

struct Packet {
  double pts = 0;       // seconds
  double duration = 0;  // seconds
  bool key = false;
};

// Packets of the first video ("v") or audio ("a") stream, in file order.
std::vector<Packet> probe_packets(const std::filesystem::path& file, const char* stream);

// `ffprobe -show_entries stream=<entries>` for the first stream of a kind,
// as "key=value" lines.
std::string probe_stream(const std::filesystem::path& file, const char* stream, const char* entries);

// "avc1.PPCCLL" read from the first SPS of the file's video (TS or MP4),
// or "no SPS".
std::string sps_codec_string(const std::filesystem::path& file);

// Runs a shell command and returns its standard output.
std::string run_command(const std::string& command);

}  // namespace ws::test
