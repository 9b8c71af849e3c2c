// The content-addressed store: atomic commits, LRU eviction under a size cap,
// leftovers of a killed render removed at open, the index rebuilt from disk.
#include "cache/content_store.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

namespace ws::cache {
namespace {

namespace fs = std::filesystem;

std::string key_of(char c) { return std::string(64, c); }

class ContentStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("ws-store-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  std::unique_ptr<ContentStore> open(std::uint64_t cap) {
    auto store = ContentStore::open(root_, cap);
    EXPECT_TRUE(store.ok()) << store.error().message;
    return std::move(store.value());
  }

  // Writes `bytes` bytes into a temp file of the store and commits it.
  fs::path put(ContentStore& store, const std::string& key, std::size_t bytes) {
    fs::path temp = store.temp_path(key, ".ts");
    std::ofstream(temp) << std::string(bytes, 'x');
    auto committed = store.commit(key, temp);
    EXPECT_TRUE(committed.ok());
    return committed.ok() ? *committed : fs::path();
  }

  fs::path root_;
};

TEST_F(ContentStoreTest, CommitMovesTheTempFileUnderItsKey) {
  auto store = open(1 << 20);
  fs::path temp = store->temp_path(key_of('a'), ".ts");
  EXPECT_EQ(temp.parent_path(), root_ / "tmp");
  std::ofstream(temp) << "segment";
  auto stored = store->commit(key_of('a'), temp);
  ASSERT_TRUE(stored.ok());
  EXPECT_FALSE(fs::exists(temp));
  EXPECT_EQ(*stored, root_ / "aa" / (key_of('a') + ".ts"));
  EXPECT_EQ(fs::file_size(*stored), 7u);
  EXPECT_EQ(store->find(key_of('a')), *stored);
  EXPECT_FALSE(store->find(key_of('b')).has_value());
  EXPECT_EQ(store->stats().hits, 1u);
  EXPECT_EQ(store->stats().misses, 1u);
}

TEST_F(ContentStoreTest, TempPathsAreUniquePerCall) {
  auto store = open(1 << 20);
  EXPECT_NE(store->temp_path(key_of('a'), ".ts"), store->temp_path(key_of('a'), ".ts"));
}

TEST_F(ContentStoreTest, EvictsTheLeastRecentlyUsedBeyondTheCap) {
  auto store = open(250);
  fs::path a = put(*store, key_of('a'), 100);
  fs::path b = put(*store, key_of('b'), 100);
  ASSERT_TRUE(store->find(key_of('a')).has_value());  // a is now more recent than b
  put(*store, key_of('c'), 100);
  EXPECT_TRUE(fs::exists(a));
  EXPECT_FALSE(fs::exists(b));
  EXPECT_FALSE(store->contains(key_of('b')));
  EXPECT_TRUE(store->contains(key_of('c')));
  EXPECT_EQ(store->stats().bytes, 200u);
  EXPECT_EQ(store->stats().evictions, 1u);
}

TEST_F(ContentStoreTest, AFileLargerThanTheCapIsStillServed) {
  auto store = open(50);
  fs::path big = put(*store, key_of('a'), 100);
  EXPECT_TRUE(fs::exists(big));
  EXPECT_TRUE(store->contains(key_of('a')));
}

TEST_F(ContentStoreTest, ReopeningIndexesCommittedFilesAndDropsLeftoverTemps) {
  {
    auto store = open(1 << 20);
    put(*store, key_of('a'), 10);
    std::ofstream(store->temp_path(key_of('b'), ".ts")) << "half a segment";  // a killed render
  }
  std::ofstream(root_ / "aa" / "not-a-key.ts") << "stray";
  auto store = open(1 << 20);
  EXPECT_TRUE(store->contains(key_of('a')));
  EXPECT_FALSE(store->contains(key_of('b')));
  EXPECT_TRUE(fs::is_empty(root_ / "tmp"));
  EXPECT_EQ(store->stats().files, 1u);
  EXPECT_EQ(store->stats().bytes, 10u);
}

TEST_F(ContentStoreTest, ReopeningWithASmallerCapEvicts) {
  {
    auto store = open(1 << 20);
    put(*store, key_of('a'), 100);
    put(*store, key_of('b'), 100);
  }
  auto store = open(150);
  EXPECT_EQ(store->stats().files, 1u);
}

TEST_F(ContentStoreTest, CommitOfAMissingTempFileFailsCleanly) {
  auto store = open(1 << 20);
  auto stored = store->commit(key_of('a'), root_ / "tmp" / "missing.ts");
  ASSERT_FALSE(stored.ok());
  EXPECT_EQ(stored.error().code, "cache_write_failed");
  EXPECT_FALSE(store->contains(key_of('a')));
}

TEST(ContentStoreKey, OnlySixtyFourLowercaseHexDigits) {
  EXPECT_TRUE(ContentStore::is_valid_key(std::string(64, 'f')));
  EXPECT_FALSE(ContentStore::is_valid_key(std::string(63, 'f')));
  EXPECT_FALSE(ContentStore::is_valid_key(std::string(64, 'F')));
  EXPECT_FALSE(ContentStore::is_valid_key("../" + std::string(61, 'a')));
}

}  // namespace
}  // namespace ws::cache
