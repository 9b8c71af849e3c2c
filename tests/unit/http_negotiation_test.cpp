// negotiate(): 304 for a matching If-None-Match, gzip for text when accepted.
#include "http/negotiation.h"
#include "common/gzip.h"

#include <gio/gio.h>
#include <gtest/gtest.h>

namespace ws::http {
namespace {

std::string gunzip(const std::string& bytes) {
  GZlibDecompressor* decompressor = g_zlib_decompressor_new(G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  std::string out;
  std::size_t in = 0;
  char chunk[65536];
  while (true) {
    gsize read = 0, written = 0;
    GConverterResult r = g_converter_convert(G_CONVERTER(decompressor), bytes.data() + in, bytes.size() - in,
                                             chunk, sizeof chunk, G_CONVERTER_INPUT_AT_END, &read, &written,
                                             nullptr);
    in += read;
    out.append(chunk, written);
    if (r == G_CONVERTER_FINISHED || r == G_CONVERTER_ERROR) break;
  }
  g_object_unref(decompressor);
  return out;
}

Response sample_playlist() {
  Response r;
  r.content_type = "application/vnd.apple.mpegurl";
  for (int i = 0; i < 100; ++i) r.body += "#EXTINF:3.200000,\nseg_" + std::to_string(i) + ".ts\n";
  r.header("ETag", etag_for(r.body));
  return r;
}

class Negotiation : public ::testing::Test {
 protected:
  void SetUp() override { headers_ = soup_message_headers_new(SOUP_MESSAGE_HEADERS_REQUEST); }
  void TearDown() override { soup_message_headers_unref(headers_); }

  static Response playlist() { return sample_playlist(); }

  SoupMessageHeaders* headers_ = nullptr;
};

TEST_F(Negotiation, AMatchingIfNoneMatchGives304WithoutABody) {
  Response r = playlist();
  soup_message_headers_append(headers_, "If-None-Match", etag_for(r.body).c_str());
  negotiate(headers_, r);
  EXPECT_EQ(r.status, 304);
  EXPECT_TRUE(r.body.empty());
}

TEST_F(Negotiation, AnotherETagLeavesTheAnswer) {
  Response r = playlist();
  soup_message_headers_append(headers_, "If-None-Match", "\"stale\"");
  negotiate(headers_, r);
  EXPECT_EQ(r.status, 200);
}

TEST_F(Negotiation, TextIsGzippedWhenAcceptedAndRoundTrips) {
  Response r = playlist();
  std::string plain = r.body;
  soup_message_headers_append(headers_, "Accept-Encoding", "br;q=1.0, gzip;q=0.8");
  negotiate(headers_, r);
  ASSERT_LT(r.body.size(), plain.size());
  EXPECT_EQ(gunzip(r.body), plain);
  bool gzip_header = false, vary = false;
  for (const auto& [k, v] : r.headers) {
    gzip_header |= k == "Content-Encoding" && v == "gzip";
    vary |= k == "Vary" && v == "Accept-Encoding";
  }
  EXPECT_TRUE(gzip_header);
  EXPECT_TRUE(vary);
}

TEST_F(Negotiation, NoGzipWhenRefusedForRangesOrForSegments) {
  Response refused = playlist();
  soup_message_headers_append(headers_, "Accept-Encoding", "gzip;q=0, identity");
  negotiate(headers_, refused);
  EXPECT_EQ(refused.body, playlist().body);

  Response ranged = playlist();
  soup_message_headers_replace(headers_, "Accept-Encoding", "gzip");
  soup_message_headers_append(headers_, "Range", "bytes=0-9");
  negotiate(headers_, ranged);
  EXPECT_EQ(ranged.body, playlist().body);

  Response segment;
  segment.content_type = "video/mp2t";
  segment.body = std::string(4096, 'G');
  soup_message_headers_remove(headers_, "Range");
  negotiate(headers_, segment);
  EXPECT_EQ(segment.body.size(), 4096u);
}

TEST_F(Negotiation, ARangePastTheEndCarriesTheSizeForThe416) {
  auto content_range = [](const Response& r) {
    for (const auto& [k, v] : r.headers) {
      if (k == "Content-Range") return v;
    }
    return std::string();
  };
  Response segment;
  segment.content_type = "video/mp2t";
  segment.body = std::string(376, 'G');
  for (const char* past : {"bytes=376-", "bytes=400-500"}) {
    Response r = segment;
    soup_message_headers_replace(headers_, "Range", past);
    negotiate(headers_, r);
    EXPECT_EQ(content_range(r), "bytes */376") << past;
  }
  for (const char* fine : {"bytes=0-187", "bytes=375-", "bytes=-100", "bytes=0-1,400-", "items=400-"}) {
    Response r = segment;
    soup_message_headers_replace(headers_, "Range", fine);
    negotiate(headers_, r);
    EXPECT_EQ(content_range(r), "") << fine;  // libsoup answers these itself
  }
}

// What GIO's zlib converter made at level 6 (the server's gzip before zlib
// was called directly): the bytes on the wire stay the same.
std::string gio_gzip(const std::string& bytes) {
  GZlibCompressor* compressor = g_zlib_compressor_new(G_ZLIB_COMPRESSOR_FORMAT_GZIP, 6);
  std::string out;
  std::size_t in = 0;
  char chunk[65536];
  while (true) {
    gsize read = 0, written = 0;
    GConverterResult r = g_converter_convert(G_CONVERTER(compressor), bytes.data() + in, bytes.size() - in, chunk,
                                             sizeof chunk, G_CONVERTER_INPUT_AT_END, &read, &written, nullptr);
    in += read;
    out.append(chunk, written);
    if (r == G_CONVERTER_FINISHED || r == G_CONVERTER_ERROR) break;
  }
  g_object_unref(compressor);
  return out;
}

TEST(Gzip, TheSameBytesAsGio) {
  Response r = sample_playlist();
  EXPECT_TRUE(gzip(r.body) == gio_gzip(r.body));
  EXPECT_TRUE(gzip("") == gio_gzip(""));
}

TEST_F(Negotiation, ATextCompressedAheadIsSentAsIs) {
  Response r = playlist();
  r.gzipped = std::make_shared<const std::string>(gzip(r.body));
  soup_message_headers_append(headers_, "Accept-Encoding", "gzip");
  negotiate(headers_, r);
  EXPECT_TRUE(r.body == *r.gzipped);
}

TEST(Gzip, EmptyAndLargeBodiesRoundTrip) {
  std::string large;
  for (int i = 0; i < 200000; ++i) large += static_cast<char>('a' + (i * 7919) % 26);
  EXPECT_TRUE(gunzip(gzip(large)) == large);
  EXPECT_EQ(gunzip(gzip("")), "");
}

}  // namespace
}  // namespace ws::http
