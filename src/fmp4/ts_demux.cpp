#include "fmp4/ts_demux.h"

#include <map>

namespace ws::fmp4 {
namespace {

constexpr std::size_t kPacket = 188;
constexpr uint8_t kStreamH264 = 0x1b;
constexpr uint8_t kStreamAdts = 0x0f;

Error bad_ts(const std::string& why) { return make_error(ErrorKind::invalid_argument, "bad_ts", "MPEG-TS: " + why); }

struct Packet {
  uint16_t pid = 0;
  bool unit_start = false;
  const uint8_t* payload = nullptr;
  std::size_t size = 0;
};

Result<Packet> parse_packet(const uint8_t* p) {
  if (p[0] != 0x47) return bad_ts("lost sync");
  Packet packet;
  packet.pid = static_cast<uint16_t>(((p[1] & 0x1f) << 8) | p[2]);
  packet.unit_start = (p[1] & 0x40) != 0;
  int control = (p[3] >> 4) & 3;
  std::size_t offset = 4;
  if (control & 2) offset += 1 + p[4];  // adaptation field
  if (!(control & 1) || offset >= kPacket) return packet;  // no payload
  packet.payload = p + offset;
  packet.size = kPacket - offset;
  return packet;
}

// The section after the pointer field: [table start, end without CRC).
std::pair<const uint8_t*, const uint8_t*> section_body(const Packet& packet) {
  if (!packet.unit_start || packet.size < 1) return {nullptr, nullptr};
  std::size_t start = 1 + packet.payload[0];
  if (start + 3 > packet.size) return {nullptr, nullptr};
  const uint8_t* table = packet.payload + start;
  std::size_t length = ((table[1] & 0x0f) << 8) | table[2];
  if (start + 3 + length > packet.size || length < 9) return {nullptr, nullptr};
  return {table, table + 3 + length - 4};
}

// PAT: the PID of the (first) program's PMT, or -1.
int pmt_pid(const Packet& packet) {
  auto [table, end] = section_body(packet);
  if (!table) return -1;
  for (const uint8_t* e = table + 8; e + 4 <= end; e += 4) {
    if (((e[0] << 8) | e[1]) != 0) return ((e[2] & 0x1f) << 8) | e[3];
  }
  return -1;
}

// PMT: elementary PID -> stream_type.
std::map<int, uint8_t> pmt_streams(const Packet& packet) {
  std::map<int, uint8_t> streams;
  auto [table, end] = section_body(packet);
  if (!table) return streams;
  std::size_t info = ((table[10] & 0x0f) << 8) | table[11];
  for (const uint8_t* e = table + 12 + info; e + 5 <= end;) {
    streams[((e[1] & 0x1f) << 8) | e[2]] = e[0];
    e += 5 + (((e[3] & 0x0f) << 8) | e[4]);
  }
  return streams;
}

int64_t read_timestamp(const uint8_t* t) {
  return (static_cast<int64_t>(t[0] & 0x0e) << 29) | (t[1] << 22) | ((t[2] & 0xfe) << 14) | (t[3] << 7) | (t[4] >> 1);
}

// A whole PES packet -> its PTS and payload.
Result<Pes> parse_pes(const std::vector<uint8_t>& bytes) {
  if (bytes.size() < 9 || bytes[0] != 0 || bytes[1] != 0 || bytes[2] != 1) return bad_ts("PES without a start code");
  std::size_t header_end = 9 + bytes[8];
  if (header_end > bytes.size()) return bad_ts("truncated PES header");
  Pes pes;
  if ((bytes[7] & 0x80) && bytes[8] >= 5) pes.pts = read_timestamp(&bytes[9]);
  pes.payload.assign(bytes.begin() + static_cast<std::ptrdiff_t>(header_end), bytes.end());
  return pes;
}

class Demuxer {
 public:
  // First pass: the program's tables, wherever they are (`at`: the packet's index).
  void learn_tables(const Packet& packet, std::size_t at) {
    if (packet.pid == 0 && packet.unit_start && pmt_ < 0) {
      pmt_ = pmt_pid(packet);
      pat_at_ = at;
    } else if (packet.pid == pmt_ && packet.unit_start && types_.empty()) {
      types_ = pmt_streams(packet);
      pmt_at_ = at;
    }
  }

  // Second pass: the PES packets of the streams the PMT lists.
  Status feed(const Packet& packet) {
    if (types_.count(packet.pid) && packet.payload) return append(packet);
    return {};
  }

  bool has_tables() const { return pmt_ >= 0 && !types_.empty(); }
  // Indexes of the packets the PAT and the PMT were read from.
  std::size_t pat_at() const { return pat_at_; }
  std::size_t pmt_at() const { return pmt_at_; }
  // The H.264 stream's PID, or -1.
  int video_pid() const {
    for (const auto& [pid, type] : types_) {
      if (type == kStreamH264) return pid;
    }
    return -1;
  }

  Result<TsStreams> finish() {
    for (auto& [pid, bytes] : open_) WS_RETURN_IF_ERROR(flush(pid));
    return std::move(streams_);
  }

 private:
  Status append(const Packet& packet) {
    if (packet.unit_start) WS_RETURN_IF_ERROR(flush(packet.pid));
    auto& bytes = open_[packet.pid];
    if (packet.unit_start || !bytes.empty()) bytes.insert(bytes.end(), packet.payload, packet.payload + packet.size);
    return {};
  }

  Status flush(int pid) {
    auto& bytes = open_[pid];
    if (bytes.empty()) return {};
    auto parsed = parse_pes(bytes);
    bytes.clear();
    WS_ASSIGN_OR_RETURN(Pes pes, std::move(parsed));
    if (types_[pid] == kStreamH264) streams_.video.push_back(std::move(pes));
    if (types_[pid] == kStreamAdts) streams_.audio.push_back(std::move(pes));
    return {};
  }

  int pmt_ = -1;
  std::size_t pat_at_ = 0, pmt_at_ = 0;
  std::map<int, uint8_t> types_;
  std::map<int, std::vector<uint8_t>> open_;
  TsStreams streams_;
};

Result<std::vector<Packet>> read_packets(std::string_view bytes) {
  if (bytes.empty() || bytes.size() % kPacket != 0) return bad_ts("not whole 188-byte packets");
  std::vector<Packet> packets;
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  for (std::size_t at = 0; at < bytes.size(); at += kPacket) {
    WS_ASSIGN_OR_RETURN(const Packet packet, parse_packet(data + at));
    packets.push_back(packet);
  }
  return packets;
}

// Two passes: mpegtsmux may write a segment's first audio PES before its
// PAT and PMT (GStreamer's tsdemux then drops that AAC frame).
Result<Demuxer> tables_of(const std::vector<Packet>& packets) {
  Demuxer demuxer;
  for (std::size_t at = 0; at < packets.size(); ++at) demuxer.learn_tables(packets[at], at);
  if (!demuxer.has_tables()) return bad_ts("no PAT or PMT");
  return demuxer;
}

}  // namespace

Result<TsStreams> demux_ts(std::string_view bytes) {
  WS_ASSIGN_OR_RETURN(const std::vector<Packet> packets, read_packets(bytes));
  WS_ASSIGN_OR_RETURN(Demuxer demuxer, tables_of(packets));
  for (const Packet& packet : packets) WS_RETURN_IF_ERROR(demuxer.feed(packet));
  return demuxer.finish();
}

Result<std::vector<uint8_t>> first_video_unit_packets(std::string_view bytes) {
  WS_ASSIGN_OR_RETURN(const std::vector<Packet> packets, read_packets(bytes));
  WS_ASSIGN_OR_RETURN(const Demuxer demuxer, tables_of(packets));
  int video = demuxer.video_pid();
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  std::vector<uint8_t> out;
  auto copy = [&](std::size_t at) { out.insert(out.end(), data + at * kPacket, data + (at + 1) * kPacket); };
  copy(demuxer.pat_at());
  copy(demuxer.pmt_at());
  bool in_unit = false;
  for (std::size_t at = 0; at < packets.size(); ++at) {
    const Packet& packet = packets[at];
    if (packet.pid != video) continue;
    if (packet.unit_start && in_unit) break;  // the next access unit
    in_unit = in_unit || packet.unit_start;
    if (in_unit) copy(at);
  }
  if (!in_unit) return bad_ts("no video PES");
  return out;
}

}  // namespace ws::fmp4
