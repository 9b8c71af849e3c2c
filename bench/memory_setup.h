#pragma once
// The database bench/memory_search_bench measures: migrated, `gyms` gyms of
// `members` members each, and `summaries` conversation summaries spread
// evenly over the members, written as the owner under row-level security
// inside each gym's creating transaction. The summaries are the memory's
// own digests (summary, topics, keywords) of conversations built from French
// and English sentences, their end times spread over two years.
#include <string>
#include <vector>

#include "common/result.h"

namespace ws::bench {

struct MemoryGym {
  std::string gym;
  std::string manager;  // its manager's account
  std::vector<std::string> members;
};

struct MemorySetup {
  int gyms = 10;
  int members = 200;  // per gym
  int summaries = 100000;
};

Result<std::vector<MemoryGym>> prepare_memory_database(const std::string& owner_url, const std::string& schema_dir,
                                                      const MemorySetup& setup);

}  // namespace ws::bench
