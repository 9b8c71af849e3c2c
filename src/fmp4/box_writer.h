#pragma once
// Big-endian ISO-BMFF boxes written into a byte vector; begin()/end() nest
// and patch each box's 32-bit size when it closes. Pure.
#include <cstdint>
#include <string_view>
#include <vector>

namespace ws::fmp4 {

class BoxWriter {
 public:
  void begin(std::string_view type);  // 4 characters
  void begin_full(std::string_view type, uint8_t version, uint32_t flags);
  void end();

  void u8(uint32_t v) { bytes_.push_back(static_cast<uint8_t>(v)); }
  void u16(uint32_t v);
  void u24(uint32_t v);
  void u32(uint32_t v);
  void u64(uint64_t v);
  void zeros(std::size_t n) { bytes_.insert(bytes_.end(), n, 0); }
  void bytes(const std::vector<uint8_t>& b) { bytes_.insert(bytes_.end(), b.begin(), b.end()); }
  void fourcc(std::string_view type);
  // Patches a u32 written earlier at `offset` (trun's data offset).
  void patch_u32(std::size_t offset, uint32_t v);

  std::size_t size() const { return bytes_.size(); }
  std::vector<uint8_t> take() { return std::move(bytes_); }

 private:
  std::vector<uint8_t> bytes_;
  std::vector<std::size_t> open_;  // start offsets of the boxes not closed yet
};

}  // namespace ws::fmp4
