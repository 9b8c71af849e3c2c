#include "support/ffprobe.h"

#include <cstdio>
#include <regex>
#include <sstream>

namespace ws::test {

std::string run_command(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  char buffer[4096];
  std::size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  pclose(pipe);
  return out;
}

std::vector<Packet> probe_packets(const std::filesystem::path& file, const char* stream) {
  std::string out = run_command(std::string("ffprobe -v error -select_streams ") + stream +
                                ":0 -show_entries packet=pts_time,duration_time,flags -of csv=p=0 '" +
                                file.string() + "'");
  std::vector<Packet> packets;
  std::istringstream lines(out);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream fields(line);
    std::string pts, duration, flags;
    if (!std::getline(fields, pts, ',') || !std::getline(fields, duration, ',')) continue;
    std::getline(fields, flags, ',');
    Packet p;
    try {
      p.pts = std::stod(pts);
      p.duration = duration == "N/A" ? 0 : std::stod(duration);
    } catch (...) {
      continue;
    }
    p.key = flags.find('K') != std::string::npos;
    packets.push_back(p);
  }
  return packets;
}

std::string probe_stream(const std::filesystem::path& file, const char* stream, const char* entries) {
  return run_command(std::string("ffprobe -v error -select_streams ") + stream +
                     ":0 -show_entries stream=" + entries + " -of default=nw=1 '" + file.string() + "'");
}

// "avc1.64001e" as ffprobe reports the SPS: profile name and level x 10.
std::string codec_from_probe(const std::filesystem::path& file) {
  std::string facts = run_command("ffprobe -v error -select_streams v:0 -show_entries stream=profile,level "
                                        "-of default=noprint_wrappers=1 '" + file.string() + "'");
  std::smatch level;
  if (facts.find("profile=High") == std::string::npos ||
      !std::regex_search(facts, level, std::regex("level=([0-9]+)"))) {
    return facts;
  }
  char text[16];
  std::snprintf(text, sizeof text, "avc1.6400%02x", std::stoi(level[1]));
  return text;
}

}  // namespace ws::test
