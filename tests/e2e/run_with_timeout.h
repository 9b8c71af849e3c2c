#pragma once
// A child process (node and its browser) with its output captured and a
// wall-clock limit, for the end-to-end tests.
#include <chrono>
#include <string>
#include <vector>

namespace ws::test {

struct Outcome {
  int exit_code = -1;  // 128 + signal when killed
  bool timed_out = false;
  std::string output;  // stdout and stderr, interleaved
};

// Runs `args` (looked up in PATH, from the source folder) with stdout and
// stderr captured, killed when it outlives `timeout`: SIGTERM first
// (playwright closes its browser on it), SIGKILL to the whole process group
// a few seconds later.
Outcome run_with_timeout(std::vector<std::string> args, std::chrono::seconds timeout);

}  // namespace ws::test
