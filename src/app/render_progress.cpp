#include "app/render_progress.h"

#include <unistd.h>

#include <string>

namespace ws::app {

RenderProgress::RenderProgress(int total, double media_seconds, std::FILE* out)
    : total_(total),
      media_seconds_(media_seconds),
      out_(out),
      terminal_(::isatty(::fileno(out)) != 0),
      started_(std::chrono::steady_clock::now()) {}

void RenderProgress::advance() {
  std::lock_guard lock(mutex_);
  ++done_;
  if (done_ < total_) draw(false);  // the last one is finish()'s line
}

void RenderProgress::finish() {
  std::lock_guard lock(mutex_);
  draw(true);
}

void RenderProgress::draw(bool final_line) {
  constexpr int kWidth = 30;
  double fraction = total_ > 0 ? static_cast<double>(done_) / total_ : 1.0;
  int decile = static_cast<int>(fraction * 10);
  if (!terminal_ && !final_line && decile == last_decile_) return;
  last_decile_ = decile;
  double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  double speed = elapsed > 0 ? fraction * media_seconds_ / elapsed : 0;
  int eta = fraction > 0 ? static_cast<int>(elapsed / fraction - elapsed + 0.5) : 0;
  int filled = static_cast<int>(fraction * kWidth);
  std::string bar = std::string(filled, '#') + std::string(kWidth - filled, '-');
  std::fprintf(out_, "%s[%s] %d/%d segments, %.1fx real time, %s %d:%02d%s", terminal_ ? "\r" : "",
               bar.c_str(), done_, total_, speed, final_line ? "took" : "ETA",
               (final_line ? static_cast<int>(elapsed + 0.5) : eta) / 60,
               (final_line ? static_cast<int>(elapsed + 0.5) : eta) % 60,
               terminal_ && !final_line ? "" : "\n");
  std::fflush(out_);
}

}  // namespace ws::app
