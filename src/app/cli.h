#pragma once
// Command line: `workout-server [serve|migrate|seed|render] [options]`.
#include <optional>
#include <string>

#include "common/result.h"

namespace ws::app {

struct CommandLine {
  std::string command = "serve";
  std::string config_path;                              // empty: config/default.toml if present
  std::string schema_dir = "schema";                    // numbered SQL migrations
  std::string catalog_file = "config/demo_catalog.json";
  std::string port_file;  // serve: write the bound port here (tests use port 0)
  int clip_width = 1280;
  int clip_height = 720;
  double clip_seconds = 4.0;
  std::string workout_id;  // render: the stored workout
  std::string out_dir;     // render: the HLS folder to write
  std::string mp4_path;    // render: also one MP4 here (optional)
  int jobs = 0;            // render: threads; 0 as [render] workers
  bool help = false;
};

Result<CommandLine> parse_command_line(int argc, char** argv);
std::string usage();

}  // namespace ws::app
