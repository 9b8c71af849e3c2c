#include "fmp4/box_writer.h"

namespace ws::fmp4 {

void BoxWriter::begin(std::string_view type) {
  open_.push_back(bytes_.size());
  u32(0);  // size, patched by end()
  fourcc(type);
}

void BoxWriter::begin_full(std::string_view type, uint8_t version, uint32_t flags) {
  begin(type);
  u8(version);
  u24(flags);
}

void BoxWriter::end() {
  std::size_t start = open_.back();
  open_.pop_back();
  patch_u32(start, static_cast<uint32_t>(bytes_.size() - start));
}

void BoxWriter::u16(uint32_t v) {
  u8(v >> 8);
  u8(v);
}

void BoxWriter::u24(uint32_t v) {
  u8(v >> 16);
  u16(v & 0xffff);
}

void BoxWriter::u32(uint32_t v) {
  u16(v >> 16);
  u16(v & 0xffff);
}

void BoxWriter::u64(uint64_t v) {
  u32(static_cast<uint32_t>(v >> 32));
  u32(static_cast<uint32_t>(v));
}

void BoxWriter::fourcc(std::string_view type) {
  for (std::size_t i = 0; i < 4; ++i) u8(i < type.size() ? static_cast<uint8_t>(type[i]) : ' ');
}

void BoxWriter::patch_u32(std::size_t offset, uint32_t v) {
  for (int i = 0; i < 4; ++i) bytes_[offset + static_cast<std::size_t>(i)] = static_cast<uint8_t>(v >> (24 - 8 * i));
}

}  // namespace ws::fmp4
