// The cache folder full, on a real full filesystem: a tmpfs mounted for the
// test holds the server's cache, and a ballast file fills it. A segment
// request must then answer 503 cache_full (with Retry-After) at once, start
// no render and leave nothing behind; once space is freed the same segments
// are served whole. Mounting needs root (CAP_SYS_ADMIN): where it is refused the tests
// say so and skip rather than pass.
#include <fcntl.h>
#include <sys/wait.h>
#include <sys/mount.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "support/stream_checks.h"
#include "support/stream_server.h"

namespace ws {
namespace {

namespace fs = std::filesystem;

// A tmpfs of `bytes` mounted on `dir` for the object's lifetime.
class TmpfsMount {
 public:
  TmpfsMount(fs::path dir, std::size_t bytes) : dir_(std::move(dir)) {
    fs::create_directories(dir_);
    std::string options = "size=" + std::to_string(bytes) + ",mode=755";
    if (::mount("tmpfs", dir_.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, options.c_str()) == 0) {
      mounted_ = true;
    } else {
      refusal_ = std::strerror(errno);
    }
  }
  ~TmpfsMount() {
    // Detached lazily: a server still holding a file there never makes this fail or wait.
    if (mounted_) ::umount2(dir_.c_str(), MNT_DETACH);
    std::error_code ec;
    fs::remove(dir_, ec);
  }
  TmpfsMount(const TmpfsMount&) = delete;
  TmpfsMount& operator=(const TmpfsMount&) = delete;

  bool mounted() const { return mounted_; }
  const std::string& refusal() const { return refusal_; }
  const fs::path& dir() const { return dir_; }

  std::uint64_t free_bytes() const {
    struct statvfs info {};
    return ::statvfs(dir_.c_str(), &info) == 0 ? std::uint64_t(info.f_bavail) * info.f_frsize : 0;
  }

  // Fills the filesystem with one ballast file until `leave` bytes are free.
  ::testing::AssertionResult fill_leaving(std::uint64_t leave) {
    std::uint64_t free = free_bytes();
    if (free <= leave) return ::testing::AssertionSuccess();
    int fd = ::open(ballast().c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int failed = fd < 0 ? errno : ::posix_fallocate(fd, 0, static_cast<off_t>(free - leave));
    if (fd >= 0) ::close(fd);
    if (failed) return ::testing::AssertionFailure() << "ballast: " << std::strerror(failed);
    return ::testing::AssertionSuccess();
  }
  void free_ballast() { fs::remove(ballast()); }

 private:
  fs::path ballast() const { return dir_ / "ballast"; }

  fs::path dir_;
  bool mounted_ = false;
  std::string refusal_;
};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

class CacheFull : public ::testing::Test {
 protected:
  // Room for the database-free parts of the cache and the ballast; a 320x180
  // segment is about 1.3 MB (hard CBR at the default bitrate).
  static constexpr std::size_t kFilesystemBytes = 24u << 20;
  // Left free: less than one segment.
  static constexpr std::uint64_t kLeftFree = 256u << 10;

  void SetUp() override {
    // StreamServer puts the cache named "full-<db>/cache" under the tmpfs.
    const std::string mounted = "full-" + db_.name();
    mount_ = std::make_unique<TmpfsMount>(test::scratch_dir("stream-cache") / mounted, kFilesystemBytes);
    if (!mount_->mounted()) {
      GTEST_SKIP() << "cannot mount a tmpfs on " << mount_->dir() << " (" << mount_->refusal()
                   << "): the full-cache tests need root; NOT tested here";
    }
    server_ = std::make_unique<test::StreamServer>(db_, mounted + "/cache", server_env());
    ASSERT_EQ(fs::path(server_->env.cache_dir).parent_path(), mount_->dir()) << "the cache is not on the tmpfs";
    id_ = test::create_workout(*server_->client);
    urls_ = test::segment_urls(*server_->client, id_);
    ASSERT_GE(urls_.size(), 3u);
  }

  virtual std::map<std::string, std::string> server_env() const { return {{"RENDER_PREFETCH", "0"}}; }

  void TearDown() override {
    server_.reset();  // the server goes first: it holds the cache open
    mount_.reset();
  }

  // Nothing under segments/ but whole segments that are served, tmp/ empty.
  void expect_only_whole_segments() {
    fs::path segments = server_->segments_dir();
    EXPECT_TRUE(test::files_under(segments / "tmp").empty()) << "a temp file was left in tmp/";
    for (const fs::path& file : test::files_under(segments)) {
      EXPECT_TRUE(test::is_transport_stream(read_file(file))) << file;
    }
  }

  test::TestDatabase db_;
  std::unique_ptr<TmpfsMount> mount_;
  std::unique_ptr<test::StreamServer> server_;
  std::string id_;
  std::vector<std::string> urls_;
};

TEST_F(CacheFull, NoRoomAnswers503AtOnceAndLeavesNothing) {
  ASSERT_TRUE(mount_->fill_leaving(kLeftFree));
  for (const std::string& url : {urls_[0], urls_[1]}) {
    auto reply = server_->client->get(url);
    EXPECT_EQ(reply.status, 503) << url << ": " << reply.body;
    EXPECT_NE(reply.body.find("\"cache_full\""), std::string::npos) << reply.body;
    EXPECT_FALSE(reply.header("retry-after").empty());
    EXPECT_EQ(reply.header("cache-control"), "no-store");  // a CDN must not keep the refusal
  }
  EXPECT_TRUE(test::files_under(server_->segments_dir()).empty()) << "nothing may be stored";
  std::string metrics = server_->client->get("/metrics").body;
  EXPECT_GE(test::metric(metrics, "ws_renders_total{outcome=\"failed\"}"), 2) << metrics;
  EXPECT_EQ(test::metric(metrics, "ws_renders_running"), 0);  // none stuck on the full disk
  // The rest of the server carries on.
  EXPECT_EQ(server_->client->get("/streams/" + id_ + "/master.m3u8").status, 200);
  EXPECT_EQ(server_->client->get("/healthz").status, 200);
}

TEST_F(CacheFull, OnceSpaceIsFreedTheSameSegmentsAreServedWhole) {
  ASSERT_TRUE(mount_->fill_leaving(kLeftFree));
  ASSERT_EQ(server_->client->get(urls_[0]).status, 503);
  mount_->free_ballast();
  const std::vector<std::string> first(urls_.begin(), urls_.begin() + 3);  // what the tmpfs holds
  for (const std::string& url : first) {
    auto reply = server_->client->get(url);
    ASSERT_EQ(reply.status, 200) << url << ": " << reply.body;
    EXPECT_TRUE(test::is_transport_stream(reply.body)) << url << ": " << reply.body.size() << " bytes";
  }
  expect_only_whole_segments();
  EXPECT_EQ(test::files_under(server_->segments_dir()).size(), first.size());
}

// The disk fills while a segment is being written (another writer on the
// same filesystem). The file sink fails on ENOSPC; the encoder's appsrcs
// (block=true) are then ended by its bus handler (src/render/segment_encoder.cpp),
// so the render thread, which would otherwise wait in gst_app_src_push_buffer
// for good, fails the render at once: a 503 cache_full long before the
// scheduler would give the render up (deadline 2 s + grace 1 s here), its temp
// file removed, a fresh render whole once space is freed, and the server stops.
class CacheFullMidWrite : public CacheFull {
 protected:
  std::map<std::string, std::string> server_env() const override {
    return {{"RENDER_PREFETCH", "0"}, {"RENDER_TIMEOUT_S", "2"}};
  }
};

TEST_F(CacheFullMidWrite, ADiskFillingMidWriteFailsTheRenderCleanly) {
  ASSERT_EQ(server_->client->post("/api/workouts/" + id_ + "/stream", "").status, 200);  // renders seg 0
  double running = 0;
  for (int i = 0; i < 2000 && running < 1; ++i) {
    running = test::metric(server_->client->get("/metrics").body, "ws_renders_running");
  }
  ASSERT_GE(running, 1) << "the stream's first segment never started rendering";
  ASSERT_TRUE(mount_->fill_leaving(0));
  auto asked = std::chrono::steady_clock::now();
  auto reply = server_->client->get(urls_[0]);  // joins the render under way
  auto waited = std::chrono::steady_clock::now() - asked;
  EXPECT_EQ(reply.status, 503) << reply.body.substr(0, 200);
  EXPECT_NE(reply.body.find("\"cache_full\""), std::string::npos) << reply.body.substr(0, 200);  // not render_timeout
  EXPECT_FALSE(reply.header("retry-after").empty());
  EXPECT_LT(waited, std::chrono::seconds(2)) << "answered by the scheduler's deadline, not by the failed render";
  EXPECT_TRUE(test::files_under(server_->segments_dir()).empty()) << "the failed render left a file (tmp/ included)";
  std::string metrics = server_->client->get("/metrics").body;
  EXPECT_EQ(test::metric(metrics, "ws_renders_abandoned_total"), 0) << metrics;
  EXPECT_EQ(test::metric(metrics, "ws_renders_running"), 0);
  mount_->free_ballast();
  for (const std::string& url : {urls_[0], urls_[1]}) {
    auto again = server_->client->get(url);
    ASSERT_EQ(again.status, 200) << url << ": " << again.body;
    EXPECT_TRUE(test::is_transport_stream(again.body)) << url;
  }
  expect_only_whole_segments();
  int status = server_->process->stop();
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "status " << status;
}

}  // namespace
}  // namespace ws
