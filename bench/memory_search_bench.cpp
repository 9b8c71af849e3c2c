// Memory search at a constant rate over a large history (bench/memory_search.sh
// runs it on a throwaway cluster): `summaries` conversation summaries across
// `gyms` gyms, each request the production path of
// GET /api/gyms/{g}/members/{m}/memory?q= as the server's role
// (workout_app): BEGIN and db::enter_gym as the gym's manager in one round
// trip, memory::question_terms, db::search_memory (the member's row and the
// search in one statement), COMMIT.
// Requests cycle through the gyms, members and a set of French and English
// questions. Latency counts from each request's scheduled send time (open
// loop), so a stall cannot hide by slowing the sender down. Then, for as
// long and at the same rate, a reference in the same transaction shape that
// reads only the member's row: on a shared machine, its figures tell the
// machine's stalls from the search's cost.
//
// usage: memory_search_bench APP_URL OWNER_URL SCHEMA_DIR [RATE=100] [SECONDS=30]
//                            [SUMMARIES=100000] [GYMS=10] [MEMBERS=200] [MAX_P99_MS=20]
// Exits 1 when the p99 is above MAX_P99_MS, 2 on errors.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "common/logging.h"
#include "common/utc_time.h"
#include "db/conversation_repository.h"
#include "db/member_repository.h"
#include "db/tenancy.h"
#include "memory/question.h"
#include "memory_setup.h"
#include "percentile.h"

namespace {

using Clock = std::chrono::steady_clock;
using ws::bench::MemoryGym;
using ws::bench::percentile;
namespace db = ws::db;

constexpr int kConnections = 4;  // the server's default database pool
const char* const kQuestions[] = {
    "What did she tell us about her knee?", "Qu'a-t-elle dit de son genou ?", "Et son dos, ça va ?",
    "Is he stressed or sleeping badly?",    "Elle mange trop de sucre ?",     "half marathon",
    "burpees",                              "Son abonnement est trop cher ?", "shoulder pain when lifting",
    "vacances à la plage",
};
constexpr long kQuestionCount = static_cast<long>(sizeof kQuestions / sizeof kQuestions[0]);
const char* const kSearchSteps[] = {"BEGIN + enter_gym", "search_memory", "COMMIT"};
const char* const kReferenceSteps[] = {"BEGIN + enter_gym", "get_member", "COMMIT"};

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

struct Sample {
  double latency_ms = 0;
  double steps_ms[3] = {};
  std::size_t matches = 0;
};

template <class F>
auto timed(double& into, F&& statement) {
  auto start = Clock::now();
  auto result = statement();
  into = ms_since(start);
  return result;
}

ws::Status search_once(db::Connection& c, const MemoryGym& gym, const std::string& member, long i, Sample& sample) {
  const char* question = kQuestions[i % kQuestionCount];
  db::Transaction tx(c);
  WS_ASSIGN_OR_RETURN(auto place,
                      timed(sample.steps_ms[0], [&] { return db::begin_in_gym(tx, gym.manager, gym.gym); }));
  if (!place) return ws::make_error(ws::ErrorKind::not_found, "bench", "the manager has no place in the gym");
  ws::memory::QuestionTerms terms = ws::memory::question_terms(question);
  db::MemorySearch search{terms.topics, terms.words, ws::utc_now(), 0.3, 5};
  WS_ASSIGN_OR_RETURN(auto matches, timed(sample.steps_ms[1], [&] { return db::search_memory(c, member, search); }));
  sample.matches = matches.size();
  return timed(sample.steps_ms[2], [&] { return tx.commit(); });
}

// The reference: the same transaction shape around the cheapest read of a
// gym's route (the member's row), so the machine's own stalls show in both.
ws::Status member_once(db::Connection& c, const MemoryGym& gym, const std::string& member, long, Sample& sample) {
  db::Transaction tx(c);
  WS_ASSIGN_OR_RETURN(auto place,
                      timed(sample.steps_ms[0], [&] { return db::begin_in_gym(tx, gym.manager, gym.gym); }));
  if (!place) return ws::make_error(ws::ErrorKind::not_found, "bench", "the manager has no place in the gym");
  WS_RETURN_IF_ERROR(timed(sample.steps_ms[1], [&] { return db::get_member(c, member); }));
  return timed(sample.steps_ms[2], [&] { return tx.commit(); });
}

using Request = ws::Status (*)(db::Connection&, const MemoryGym&, const std::string&, long, Sample&);

struct Results {
  std::mutex mutex;
  std::vector<Sample> samples;
  long errors = 0;
  std::string first_error;
};

// One connection's share of the schedule: requests index, index + kConnections, ...
void run_connection(Request request, const std::string& url, const std::vector<MemoryGym>& gyms, int index,
                    Clock::time_point start, Clock::duration period, long total, Results& results) {
  db::Connection c(url);
  std::vector<Sample> mine;
  long errors = 0;
  std::string first_error;
  for (long i = index; i < total; i += kConnections) {
    const MemoryGym& gym = gyms[static_cast<std::size_t>(i) % gyms.size()];
    const std::string& member = gym.members[static_cast<std::size_t>(i * 7919 / 10) % gym.members.size()];
    auto scheduled = start + period * i;
    std::this_thread::sleep_until(scheduled);
    Sample sample;
    ws::Status done = request(c, gym, member, i, sample);
    sample.latency_ms = ms_since(scheduled);
    if (!done) {
      if (errors++ == 0) first_error = done.error().message;
      continue;
    }
    mine.push_back(sample);
  }
  std::lock_guard lock(results.mutex);
  results.samples.insert(results.samples.end(), mine.begin(), mine.end());
  results.errors += errors;
  if (results.first_error.empty()) results.first_error = first_error;
}

void run(Request request, const std::string& url, const std::vector<MemoryGym>& gyms, double rate, double seconds,
         Results& results) {
  auto period = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1.0 / rate));
  auto start = Clock::now() + std::chrono::milliseconds(200);  // every connection made first
  const long total = static_cast<long>(rate * seconds);
  std::vector<std::thread> threads;
  for (int k = 0; k < kConnections; ++k) {
    threads.emplace_back(run_connection, request, std::cref(url), std::cref(gyms), k, start, period, total,
                         std::ref(results));
  }
  for (auto& t : threads) t.join();
}

double report(const char* title, const char* const (&steps)[3], const Results& r) {
  std::vector<double> all;
  double matches = 0;
  for (const auto& s : r.samples) {
    all.push_back(s.latency_ms);
    matches += static_cast<double>(s.matches);
  }
  std::printf("%s: requests=%zu errors=%ld matches per request=%.2f\n", title, all.size(), r.errors,
              all.empty() ? 0 : matches / static_cast<double>(all.size()));
  std::printf("latency p50=%.3f p90=%.3f p99=%.3f p99.9=%.3f max=%.3f ms\n", percentile(all, 50),
              percentile(all, 90), percentile(all, 99), percentile(all, 99.9), percentile(all, 100));
  for (std::size_t step = 0; step < std::size(steps); ++step) {
    std::vector<double> times;
    for (const auto& s : r.samples) times.push_back(s.steps_ms[step]);
    std::printf("  step %-18s p50=%.3f p99=%.3f ms\n", steps[step], percentile(times, 50), percentile(times, 99));
  }
  if (r.errors) std::fprintf(stderr, "%ld errors, the first: %s\n", r.errors, r.first_error.c_str());
  return percentile(all, 99);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr,
                 "usage: %s APP_URL OWNER_URL SCHEMA_DIR [RATE=100] [SECONDS=30] [SUMMARIES=100000] [GYMS=10] "
                 "[MEMBERS=200] [MAX_P99_MS=20]\n",
                 argv[0]);
    return 2;
  }
  ws::log::setup({"warn", false});
  const std::string app_url = argv[1], owner_url = argv[2], schema_dir = argv[3];
  const double rate = argc > 4 ? std::atof(argv[4]) : 100, seconds = argc > 5 ? std::atof(argv[5]) : 30;
  ws::bench::MemorySetup setup;
  if (argc > 6) setup.summaries = std::atoi(argv[6]);
  if (argc > 7) setup.gyms = std::atoi(argv[7]);
  if (argc > 8) setup.members = std::atoi(argv[8]);
  const double max_p99 = argc > 9 ? std::atof(argv[9]) : 20;

  auto start = Clock::now();
  auto gyms = ws::bench::prepare_memory_database(owner_url, schema_dir, setup);
  if (!gyms) {
    std::fprintf(stderr, "set-up failed: %s\n", gyms.error().message.c_str());
    return 2;
  }
  std::printf("%d summaries across %d gyms of %d members (%d per member), set up in %.1f s\n", setup.summaries,
              setup.gyms, setup.members, setup.summaries / setup.gyms / setup.members, ms_since(start) / 1000);
  std::printf("rate %.0f/s for %.0f s over %d connections, %ld questions in turn\n", rate, seconds, kConnections,
              kQuestionCount);
  Results warm_up, results, reference;
  run(search_once, app_url, *gyms, rate, 2, warm_up);  // plans, caches
  run(search_once, app_url, *gyms, rate, seconds, results);
  run(member_once, app_url, *gyms, rate, seconds, reference);
  const double p99 = report("memory search", kSearchSteps, results);
  const double reference_p99 = report("reference (the member's row, same transaction shape)", kReferenceSteps,
                                      reference);
  std::printf("p99 %.3f ms (limit %.1f ms); the reference's p99 %.3f ms\n", p99, max_p99, reference_p99);
  if (results.errors || reference.errors) return 2;
  return p99 <= max_p99 ? 0 : 1;
}
