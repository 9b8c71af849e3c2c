// Mapped immutable files: one mapping shared by every answer, bounded in bytes.
#include "http/mapped_files.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace ws::http {
namespace {

namespace fs = std::filesystem;

class MappedFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ws-mapped-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
    return (dir_ / name).string();
  }

  static std::string text_of(const MappedFile& file) {
    gsize size = 0;
    const char* data = static_cast<const char*>(g_bytes_get_data(file.bytes.get(), &size));
    return std::string(data, size);
  }

  fs::path dir_;
};

TEST_F(MappedFilesTest, OneMappingIsSharedAndOutlivesTheFile) {
  MappedFiles files(1 << 20);
  std::string path = write("a.ts", "segment bytes");
  auto first = files.get(path);
  ASSERT_TRUE(first);
  EXPECT_EQ(text_of(*first), "segment bytes");
  EXPECT_NE(first->modified, 0);
  fs::remove(path);  // the store evicted it: answers under way, and the cache, keep the bytes
  auto second = files.get(path);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->bytes.get(), first->bytes.get());
  EXPECT_EQ(files.bytes(), 13u);
}

TEST_F(MappedFilesTest, AMissingFileIsNotFound) {
  MappedFiles files(1 << 20);
  EXPECT_FALSE(files.get((dir_ / "none.ts").string()));
  EXPECT_EQ(files.bytes(), 0u);
}

TEST_F(MappedFilesTest, TheLeastRecentlyUsedGoBeyondTheCap) {
  MappedFiles files(20);
  std::string a = write("a.ts", "0123456789"), b = write("b.ts", "abcdefghij"), c = write("c.ts", "ABCDEFGHIJ");
  auto first_a = files.get(a);
  files.get(b);
  files.get(a);  // a is now the most recent
  files.get(c);  // 30 bytes: b goes
  EXPECT_EQ(files.bytes(), 20u);
  EXPECT_EQ(files.get(a)->bytes.get(), first_a->bytes.get()) << "a was kept";
  auto again_b = files.get(b);  // mapped anew; the oldest (c... or a) goes
  ASSERT_TRUE(again_b);
  EXPECT_EQ(text_of(*again_b), "abcdefghij");
  EXPECT_EQ(files.bytes(), 20u);
}

}  // namespace
}  // namespace ws::http
