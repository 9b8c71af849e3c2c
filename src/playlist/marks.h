#pragma once
// The workout's structure as HLS metadata: one EXT-X-DATERANGE per interval
// (CLASS "com.workout-stream.work", ".rest", ".warm_up", ".cool_down"), so a
// player or an analytics tag can tell exercise from rest without the video.
#include <vector>

#include "playlist/hls.h"
#include "timeline/timeline.h"

namespace ws::playlist {

// In timeline order; ids "interval-N"; X-EXERCISE (the name shown), and for
// work X-ROUND "r/n" and X-EXERCISE-ID.
std::vector<DateRange> interval_date_ranges(const timeline::Timeline& timeline);

}  // namespace ws::playlist
