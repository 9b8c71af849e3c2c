#include "http/catalog_cache.h"
#include "http/negotiation.h"

#include <gtest/gtest.h>

namespace ws::http {
namespace {

TEST(HttpCatalogCache, ETagsAndConditionalMatching) {
  std::string tag = etag_for("[1,2,3]");
  EXPECT_EQ(tag, etag_for("[1,2,3]"));
  EXPECT_NE(tag, etag_for("[1,2,4]"));
  EXPECT_TRUE(etag_matches(tag, tag));
  EXPECT_TRUE(etag_matches("\"other\", " + tag, tag));
  EXPECT_TRUE(etag_matches("W/" + tag, tag));
  EXPECT_TRUE(etag_matches("*", tag));
  EXPECT_FALSE(etag_matches("\"other\"", tag));
}

TEST(HttpCatalogCache, InvalidationDropsEntriesAndStaleStores) {
  CatalogCache cache;
  auto generation = cache.generation();
  cache.store("k", generation, {"body", "\"e\""});
  ASSERT_TRUE(cache.find("k").has_value());
  cache.invalidate();
  EXPECT_FALSE(cache.find("k").has_value());
  cache.store("k", generation, {"stale", "\"s\""});  // read before the write
  EXPECT_FALSE(cache.find("k").has_value());
}

}  // namespace
}  // namespace ws::http
