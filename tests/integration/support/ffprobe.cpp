#include "support/ffprobe.h"

#include <cstdio>
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

// "avc1.PPCCLL" from the stream's first SPS: the three bytes after the NAL
// header 0x67 (ffmpeg writes the video as an Annex B byte stream, from TS
// or MP4 alike).
std::string sps_codec_string(const std::filesystem::path& file) {
  std::string es = run_command("ffmpeg -v error -i '" + file.string() + "' -c:v copy -f h264 -");
  auto at = es.find(std::string("\x00\x00\x01\x67", 4));
  if (at == std::string::npos || at + 7 > es.size()) return "no SPS";
  char text[16];
  std::snprintf(text, sizeof text, "avc1.%02x%02x%02x", static_cast<unsigned char>(es[at + 4]),
                static_cast<unsigned char>(es[at + 5]), static_cast<unsigned char>(es[at + 6]));
  return text;
}

}  // namespace ws::test
