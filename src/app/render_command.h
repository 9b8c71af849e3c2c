#pragma once
// `render`: a stored workout written out as a complete HLS folder (master
// playlist, one folder per rendition with its media playlist and segments),
// and optionally one MP4 (the server's download), with a progress bar on the
// terminal. Everything comes from the same plan, renderer and cache as the
// server's, so a folder rendered offline holds the very bytes it would send.
#include "app/cli.h"
#include "config/config.h"

namespace ws::app {

int render_workout(const CommandLine& cli, const config::Config& config);

}  // namespace ws::app
