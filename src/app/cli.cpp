#include "app/cli.h"

#include <cstdlib>
#include <filesystem>

namespace ws::app {
namespace {

Error usage_error(const std::string& what) {
  return make_error(ErrorKind::invalid_argument, "usage", what + "\n" + usage());
}

std::optional<double> number(const std::string& text) {
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0') return std::nullopt;
  return value;
}

}  // namespace

std::string usage() {
  return "usage: workout-server [serve|migrate|seed|render] [options]\n"
         "  serve     apply migrations, then serve the API and streams (default)\n"
         "  migrate   apply the schema migrations and exit\n"
         "  seed      generate missing demo clips and upsert the demo catalog\n"
         "  render    write a stored workout as an HLS folder (and an MP4)\n"
         "options:\n"
         "  --config FILE       TOML settings (default: config/default.toml)\n"
         "  --schema DIR        migrations folder (default: schema)\n"
         "  --catalog FILE      demo catalog (default: config/demo_catalog.json)\n"
         "  --port-file FILE    serve: write the bound port to FILE\n"
         "  --clip-size WxH     seed: clip size (default 1280x720)\n"
         "  --clip-seconds S    seed: clip length, 3 to 8 for the demo (default 4)\n"
         "  --workout ID        render: the workout to render (required)\n"
         "  --out DIR           render: the HLS folder to write (required)\n"
         "  --mp4 FILE          render: also write the whole workout as one MP4\n"
         "  --jobs N            render: segments rendered at once (default: cores)\n";
}

Result<CommandLine> parse_command_line(int argc, char** argv) {
  CommandLine cli;
  int i = 1;
  if (i < argc && argv[i][0] != '-') cli.command = argv[i++];
  if (cli.command != "serve" && cli.command != "migrate" && cli.command != "seed" &&
      cli.command != "render") {
    return usage_error("unknown command '" + cli.command + "'");
  }
  for (; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      cli.help = true;
      continue;
    }
    if (i + 1 >= argc) return usage_error("missing value for " + arg);
    std::string value = argv[++i];
    if (arg == "--config") cli.config_path = value;
    else if (arg == "--schema") cli.schema_dir = value;
    else if (arg == "--catalog") cli.catalog_file = value;
    else if (arg == "--port-file") cli.port_file = value;
    else if (arg == "--clip-size") {
      if (std::sscanf(value.c_str(), "%dx%d", &cli.clip_width, &cli.clip_height) != 2 ||
          cli.clip_width < 16 || cli.clip_height < 16) {
        return usage_error("--clip-size wants WIDTHxHEIGHT");
      }
    } else if (arg == "--clip-seconds") {
      auto s = number(value);
      if (!s || *s <= 0 || *s > 60) return usage_error("--clip-seconds wants 0 < S <= 60");
      cli.clip_seconds = *s;
    } else if (arg == "--workout") {
      cli.workout_id = value;
    } else if (arg == "--out") {
      cli.out_dir = value;
    } else if (arg == "--mp4") {
      cli.mp4_path = value;
    } else if (arg == "--jobs") {
      auto n = number(value);
      if (!n || *n < 1 || *n > 64 || *n != static_cast<int>(*n)) return usage_error("--jobs wants 1 to 64");
      cli.jobs = static_cast<int>(*n);
    } else {
      return usage_error("unknown option " + arg);
    }
  }
  if (cli.command == "render" && !cli.help && (cli.workout_id.empty() || cli.out_dir.empty())) {
    return usage_error("render needs --workout ID and --out DIR");
  }
  if (cli.config_path.empty() && std::filesystem::exists("config/default.toml")) {
    cli.config_path = "config/default.toml";
  }
  return cli;
}

}  // namespace ws::app
