#pragma once
// A one-line progress bar on stderr ("[#####-----] 12/53 segments, 1.4x real
// time, ETA 0:23"), redrawn in place on a terminal, printed every tenth of the
// work otherwise (logs, CI).
#include <chrono>
#include <cstdio>
#include <mutex>

namespace ws::app {

class RenderProgress {
 public:
  RenderProgress(int total, double media_seconds, std::FILE* out = stderr);
  void advance();  // one more segment done; thread-safe
  void finish();

 private:
  void draw(bool final_line);

  int total_;
  int done_ = 0;
  int last_decile_ = -1;
  double media_seconds_;
  std::FILE* out_;
  bool terminal_;
  std::chrono::steady_clock::time_point started_;
  std::mutex mutex_;
};

}  // namespace ws::app
