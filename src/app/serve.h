#pragma once
// `serve`: wires config, database, pools and the HTTP server, runs the main
// loop until SIGINT/SIGTERM, then shuts down in order.
#include "app/cli.h"
#include "config/config.h"

namespace ws::app {

int serve(const CommandLine& cli, const config::Config& config);

}  // namespace ws::app
