// Signed stream URLs: one HMAC per stream and expiry, checked before anything
// else; playlists carry the query onto every URI.
#include "http/stream_signing.h"

#include <gtest/gtest.h>

namespace ws::http {
namespace {

using namespace std::chrono_literals;

const std::string kId = "0b7f7c1e-4a3e-4a53-9e1a-3c8f7b0d2a11";
constexpr std::int64_t kNow = 1'800'000'000;

struct Parts {
  std::string exp, sig;
};
Parts parts_of(const std::string& query) {
  auto amp = query.find("&sig=");
  return {query.substr(5, amp - 5), query.substr(amp + 5)};
}

TEST(StreamSigning, OffAcceptsEverythingAndSignsNothing) {
  StreamSigner off("", 1h);
  EXPECT_FALSE(off.enabled());
  EXPECT_EQ(off.query_for(kId, 0s, kNow), "");
  EXPECT_TRUE(off.check(kId, std::nullopt, std::nullopt, kNow).ok());
}

TEST(StreamSigning, ASignedQueryIsAcceptedUntilItExpires) {
  StreamSigner signer("secret", 1h);
  std::string query = signer.query_for(kId, 600s, kNow);
  ASSERT_EQ(query.rfind("?exp=", 0), 0u);
  auto [exp, sig] = parts_of(query);
  EXPECT_EQ(exp, std::to_string(kNow + 3600 + 600));
  EXPECT_EQ(sig.size(), 64u);
  EXPECT_TRUE(signer.check(kId, exp, sig, kNow).ok());
  EXPECT_TRUE(signer.check(kId, exp, sig, kNow + 4200).ok());
  auto late = signer.check(kId, exp, sig, kNow + 4201);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, "expired_url");
  EXPECT_EQ(late.error().kind, ErrorKind::forbidden);
}

TEST(StreamSigning, MissingTamperedOrForeignSignaturesAreRefused) {
  StreamSigner signer("secret", 1h);
  auto [exp, sig] = parts_of(signer.query_for(kId, 0s, kNow));
  EXPECT_EQ(signer.check(kId, std::nullopt, sig, kNow).error().code, "unsigned_url");
  EXPECT_EQ(signer.check(kId, exp, std::nullopt, kNow).error().code, "unsigned_url");
  std::string flipped = sig;
  flipped[10] = flipped[10] == 'a' ? 'b' : 'a';
  EXPECT_EQ(signer.check(kId, exp, flipped, kNow).error().code, "bad_signature");
  // A later expiry with the old signature, another stream, another key.
  EXPECT_EQ(signer.check(kId, std::to_string(kNow + 99999), sig, kNow).error().code, "bad_signature");
  EXPECT_EQ(signer.check("11111111-1111-4111-8111-111111111111", exp, sig, kNow).error().code,
            "bad_signature");
  EXPECT_FALSE(StreamSigner("other", 1h).check(kId, exp, sig, kNow).ok());
  EXPECT_EQ(signer.check(kId, "-5", sig, kNow).error().code, "bad_signature");
  EXPECT_EQ(signer.check(kId, "", "", kNow).error().code, "bad_signature");
}

TEST(StreamSigning, PlaylistUrisCarryTheQuery) {
  std::string playlist = "#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:3.2,\nseg_00000.ts\n#EXT-X-ENDLIST\n";
  EXPECT_EQ(with_query_on_uris(playlist, "?exp=1&sig=ab"),
            "#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:3.2,\nseg_00000.ts?exp=1&sig=ab\n#EXT-X-ENDLIST\n");
  EXPECT_EQ(with_query_on_uris(playlist, ""), playlist);
  EXPECT_EQ(with_query_on_uris("#EXTM3U\n720p/index.m3u8", "?q"), "#EXTM3U\n720p/index.m3u8?q");
}

}  // namespace
}  // namespace ws::http
