#include "stream/folder_export.h"

#include <condition_variable>
#include <fstream>
#include <mutex>
#include <optional>

#include "render/temp_file.h"
#include "stream/layout.h"
#include "stream/media_jobs.h"
#include "stream/resolver.h"

namespace ws::stream {
namespace {

namespace fs = std::filesystem;

// Written beside the target and renamed: a reader never sees half a file.
Status write_atomically(const fs::path& target, const std::string& text) {
  render::TempFile temp(target, "write_failed");
  {
    std::ofstream out(temp.path(), std::ios::binary);
    out << text;
    if (!out.flush()) return make_error(ErrorKind::internal, "write_failed", "cannot write " + target.string());
  }
  return temp.commit();
}

// Media requests in flight: counts them down and keeps the first failure.
class Placements {
 public:
  // The scheduler's callback placing a stored file at `target`.
  cache::RenderDone place_at(fs::path target, std::function<void()> placed) {
    std::lock_guard lock(mutex_);
    ++pending_;
    return [this, target = std::move(target), placed = std::move(placed)](const Result<fs::path>& stored) {
      Status status = stored ? place_stored_file(*stored, target) : Status(stored.error());
      if (placed) placed();
      std::lock_guard lock(mutex_);
      if (!status && !failure_) failure_ = status.error();
      if (--pending_ == 0) all_done_.notify_one();
    };
  }

  Status wait() {
    std::unique_lock lock(mutex_);
    all_done_.wait(lock, [&] { return pending_ == 0; });
    if (failure_) return *failure_;
    return Status::Ok();
  }

 private:
  std::mutex mutex_;
  std::condition_variable all_done_;
  int pending_ = 0;
  std::optional<Error> failure_;
};

}  // namespace

Status place_stored_file(const fs::path& stored, const fs::path& target) {
  std::error_code ec;
  fs::remove(target, ec);
  fs::create_hard_link(stored, target, ec);
  if (ec) fs::copy_file(stored, target, fs::copy_options::overwrite_existing, ec);
  if (ec) return make_error(ErrorKind::internal, "write_failed", "cannot write " + target.string());
  return Status::Ok();
}

Status export_ts_folder(cache::RenderScheduler& scheduler, const PlanPtr& plan, const fs::path& out,
                        const std::function<void()>& on_segment) {
  Placements media;
  std::vector<std::pair<fs::path, std::shared_ptr<const PreparedText>>> texts;
  for (const StreamFile& file : ts_presentation_files(*plan)) {
    const fs::path target = out / path_of(plan->renditions, file);
    fs::create_directories(target.parent_path());
    Answer answer = resolve(*plan, file);
    if (auto* text = std::get_if<TextAnswer>(&answer)) {
      texts.emplace_back(target, text->text);
      continue;
    }
    auto done = media.place_at(target, file.kind == FileKind::segment ? on_segment : std::function<void()>());
    request_media(scheduler, plan, file, std::move(done));
  }
  // Texts once the media they list are in place, in order (the master last).
  WS_RETURN_IF_ERROR(media.wait());
  for (const auto& [target, text] : texts) WS_RETURN_IF_ERROR(write_atomically(target, text->body));
  return Status::Ok();
}

}  // namespace ws::stream
