#pragma once
// The open-files limit bounds how many connections the server can hold.
#include <cstddef>

namespace ws::app {

// Raises the process's soft open-files limit to its hard limit, and returns
// `wanted` connections, or fewer (with a warning) when the limit leaves less
// room beside the files, pipes and database connections the server needs
// anyway: accept() must never fail for want of a descriptor, since libsoup's
// listener then stops accepting for good.
std::size_t connections_within_file_limit(std::size_t wanted);

}  // namespace ws::app
