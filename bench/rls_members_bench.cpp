// The members list through row-level security against the same query without
// it, at a constant rate, in one run (bench/rls_members.sh runs it on a
// throwaway cluster):
//   rls        the production path, as the server's role (workout_app): BEGIN
//              and db::enter_gym as the gym's manager in one round trip
//              (db::begin_in_gym), db::list_members, COMMIT;
//   reference  the same SELECT (read back from pg_prepared_statements after
//              the production path prepared it) with an explicit
//              `m.gym_id = $6` added, one statement, no transaction, as a role
//              that bypasses row-level security. The owner role cannot be that
//              role (its tables force row-level security), so it is the
//              cluster's superuser;
//   reference_tx  (phase 2) the reference inside the production path's
//              transaction shape: BEGIN, set_config, the reference, COMMIT:
//              what the round trips alone cost.
// The paths take turns in one-second slices, each at the full rate; requests
// alternate the first page with no search and a search ("mar").
// Latency counts from each request's scheduled send time (open loop), so a
// stall cannot hide by slowing the sender down.
//
// usage: rls_members_bench APP_URL OWNER_URL SUPERUSER_URL SCHEMA_DIR
//                          [RATE=200] [SECONDS=30] [MEMBERS=2000] [MAX_RATIO=1.5]
// BENCH_OWNER_SQL=FILE: SQL run as the owner once the gyms exist (a candidate
// policy or index to measure). Exits 1 when the p99 ratio rls / reference is
// above MAX_RATIO, 2 on errors.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "common/logging.h"
#include "members_setup.h"
#include "percentile.h"
#include "db/member_repository.h"
#include "db/tenancy.h"

namespace {

using Clock = std::chrono::steady_clock;
using ws::bench::percentile;
using ws::bench::Target;
namespace db = ws::db;

constexpr int kConnectionsPerPath = 4;  // the server's default database pool
constexpr double kSliceSeconds = 1.0;  // how long one path runs before the other takes its turn
const char* const kSearch = "mar";

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

// One request's figures: latency from its scheduled time, and the time of
// each statement it sent.
struct Sample {
  bool search = false;
  double latency_ms = 0;
  std::vector<double> steps_ms;
};

struct Path {
  std::string name;
  std::string url;
  std::vector<std::string> step_names;
  std::size_t list_step;  // the step that runs the list statement
  // Runs one request on `c`, appending each statement's duration to `steps`.
  std::function<ws::Status(db::Connection& c, const std::string& q, std::vector<double>& steps)> run;
};

// Times `statement` into `steps`.
template <class F>
auto timed(std::vector<double>& steps, F&& statement) {
  auto start = Clock::now();
  auto result = statement();
  steps.push_back(ms_since(start));
  return result;
}

Path rls_path(const std::string& url, const Target& target) {
  return {"rls", url, {"BEGIN + enter_gym", "list_members", "COMMIT"}, 1,
          [target](db::Connection& c, const std::string& q, std::vector<double>& steps) -> ws::Status {
            db::Transaction tx(c);
            WS_ASSIGN_OR_RETURN(auto place,
                                timed(steps, [&] { return db::begin_in_gym(tx, target.manager, target.gym); }));
            if (!place) return ws::make_error(ws::ErrorKind::not_found, "bench", "the manager has no place in the gym");
            db::MemberQuery query;
            query.text = q;
            WS_RETURN_IF_ERROR(timed(steps, [&] { return db::list_members(c, query); }));
            return timed(steps, [&] { return tx.commit(); });
          }};
}

ws::Result<db::Rows> run_reference(db::Connection& c, const std::string& sql, const Target& target,
                                   const std::string& q) {
  return c.exec_prepared("member_list_reference", sql, {q, std::nullopt, std::nullopt, "50", "0", target.gym});
}

Path reference_path(const std::string& url, const std::string& sql, const Target& target) {
  return {"reference", url, {"list (explicit gym_id)"}, 0,
          [sql, target](db::Connection& c, const std::string& q, std::vector<double>& steps) -> ws::Status {
            WS_RETURN_IF_ERROR(timed(steps, [&] { return run_reference(c, sql, target, q); }));
            return ws::Status::Ok();
          }};
}

Path reference_in_transaction_path(const std::string& url, const std::string& sql, const Target& target) {
  return {"reference_tx", url, {"BEGIN", "set_config", "list (explicit gym_id)", "COMMIT"}, 2,
          [sql, target](db::Connection& c, const std::string& q, std::vector<double>& steps) -> ws::Status {
            db::Transaction tx(c);
            WS_RETURN_IF_ERROR(timed(steps, [&] { return tx.begin(); }));
            WS_RETURN_IF_ERROR(timed(steps, [&] {
              return c.exec_prepared("bench_set_gym", "SELECT set_config('app.gym_id', $1, true)", {target.gym});
            }));
            WS_RETURN_IF_ERROR(timed(steps, [&] { return run_reference(c, sql, target, q); }));
            return timed(steps, [&] { return tx.commit(); });
          }};
}

struct PathResults {
  std::mutex mutex;
  std::vector<Sample> samples;
  long errors = 0;
  std::string first_error;
};

using Schedule = std::function<Clock::time_point(long request)>;

// One connection's share of a path's schedule: requests index, index + n, ...
void run_connection(const Path& path, int index, const Schedule& when, long total, PathResults& results) {
  db::Connection c(path.url);
  std::vector<Sample> mine;
  long errors = 0;
  std::string first_error;
  for (long i = index; i < total; i += kConnectionsPerPath) {
    auto scheduled = when(i);
    std::this_thread::sleep_until(scheduled);
    Sample sample;
    sample.search = i % 2 == 1;
    ws::Status done = path.run(c, sample.search ? kSearch : "", sample.steps_ms);
    sample.latency_ms = ms_since(scheduled);
    if (!done) {
      if (errors++ == 0) first_error = done.error().message;
      continue;
    }
    mine.push_back(std::move(sample));
  }
  std::lock_guard lock(results.mutex);
  results.samples.insert(results.samples.end(), mine.begin(), mine.end());
  results.errors += errors;
  if (results.first_error.empty()) results.first_error = first_error;
}

// Runs each path at `rate` requests/s for `seconds`, taking turns in slices
// of kSliceSeconds (path 0, path 1, path 0, ...): the machine carries one
// path's rate at a time, both see the same conditions over the run, and
// each keeps its connections open throughout.
std::vector<std::unique_ptr<PathResults>> run_alternating(const std::vector<Path>& paths, double rate,
                                                          double seconds) {
  auto period = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1.0 / rate));
  auto slice = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(kSliceSeconds));
  long per_slice = std::max(1L, static_cast<long>(rate * kSliceSeconds));
  long total = static_cast<long>(rate * seconds);
  auto start = Clock::now() + std::chrono::milliseconds(200);  // every connection made first
  std::vector<std::unique_ptr<PathResults>> results;
  std::vector<std::thread> threads;
  const long turns = static_cast<long>(paths.size());
  for (std::size_t p = 0; p < paths.size(); ++p) {
    results.push_back(std::make_unique<PathResults>());
    Schedule when = [=](long i) {
      return start + slice * ((i / per_slice) * turns + static_cast<long>(p)) + period * (i % per_slice);
    };
    for (int k = 0; k < kConnectionsPerPath; ++k) {
      threads.emplace_back(run_connection, std::cref(paths[p]), k, when, total, std::ref(*results.back()));
    }
  }
  for (auto& t : threads) t.join();
  return results;
}

std::vector<double> latencies(const PathResults& r, int variant) {  // variant: -1 all, 0 no search, 1 search
  std::vector<double> out;
  for (const auto& s : r.samples) {
    if (variant < 0 || s.search == (variant == 1)) out.push_back(s.latency_ms);
  }
  return out;
}

void print_path(const Path& path, const PathResults& r) {
  const char* variants[] = {"first page", "search \"mar\""};
  auto all = latencies(r, -1);
  std::printf("%-13s requests=%zu errors=%ld  latency p50=%.3f p90=%.3f p99=%.3f p99.9=%.3f max=%.3f ms\n",
              path.name.c_str(), all.size(), r.errors, percentile(all, 50), percentile(all, 90),
              percentile(all, 99), percentile(all, 99.9), percentile(all, 100));
  for (int v = 0; v < 2; ++v) {
    auto some = latencies(r, v);
    std::printf("%-13s   %-14s p50=%.3f p99=%.3f ms\n", "", variants[v], percentile(some, 50),
                percentile(some, 99));
  }
  for (std::size_t step = 0; step < path.step_names.size(); ++step) {
    std::vector<double> times;
    for (const auto& s : r.samples) times.push_back(s.steps_ms.at(step));
    std::printf("%-13s   step %-22s p50=%.3f p99=%.3f ms\n", "", path.step_names[step].c_str(),
                percentile(times, 50), percentile(times, 99));
  }
}

struct Args {
  std::string app_url, owner_url, superuser_url, schema_dir;
  double rate = 200, seconds = 30;
  int members = 2000;
  double max_ratio = 1.5;
  std::string owner_sql;  // BENCH_OWNER_SQL's text
};

double p99_ratio(const PathResults& over, const PathResults& under) {
  return percentile(latencies(over, -1), 99) / percentile(latencies(under, -1), 99);
}

std::vector<double> list_times(const Path& path, const PathResults& r) {
  std::vector<double> out;
  for (const auto& s : r.samples) out.push_back(s.steps_ms.at(path.list_step));
  return out;
}

// The list statement's own time, RLS over reference: what row-level security
// costs the statement, apart from round trips and queueing.
void print_statement_ratio(const std::vector<Path>& paths, const std::vector<std::unique_ptr<PathResults>>& r) {
  auto over = list_times(paths[0], *r[0]), under = list_times(paths[1], *r[1]);
  std::printf("  the list statement alone, %s / %s: p50 %.2f, p99 %.2f\n", paths[0].name.c_str(),
              paths[1].name.c_str(), percentile(over, 50) / percentile(under, 50),
              percentile(over, 99) / percentile(under, 99));
}

// Prints a phase's paths; false when a request failed.
bool report(const char* title, const std::vector<Path>& paths,
            const std::vector<std::unique_ptr<PathResults>>& results) {
  std::printf("\n%s\n", title);
  bool clean = true;
  for (std::size_t p = 0; p < paths.size(); ++p) {
    print_path(paths[p], *results[p]);
    if (results[p]->errors > 0) {
      std::fprintf(stderr, "%s: %ld errors, the first: %s\n", paths[p].name.c_str(), results[p]->errors,
                   results[p]->first_error.c_str());
      clean = false;
    }
  }
  return clean;
}

int run(const Args& a) {
  auto prepared = ws::bench::prepare_members_database(a.app_url, a.owner_url, a.superuser_url, a.schema_dir,
                                                      a.members, a.owner_sql);
  if (!prepared) {
    std::fprintf(stderr, "set-up failed: %s\n", prepared.error().message.c_str());
    return 2;
  }
  const Target& target = prepared->target;
  std::vector<Path> main_paths = {rls_path(a.app_url, target),
                                  reference_path(a.superuser_url, prepared->reference_sql, target)};
  std::printf("members per gym: %d, rate: %.0f/s per path, taking turns each second, %.0f s each, %d connections per path\n", a.members, a.rate,
              a.seconds, kConnectionsPerPath);
  run_alternating(main_paths, a.rate, 2);  // warm-up: plans, caches
  auto main_results = run_alternating(main_paths, a.rate, a.seconds);
  bool clean = report("phase 1: rls against reference", main_paths, main_results);
  double ratio = p99_ratio(*main_results[0], *main_results[1]);

  std::vector<Path> shape_paths = {rls_path(a.app_url, target),
                                   reference_in_transaction_path(a.superuser_url, prepared->reference_sql, target)};
  auto shape_results = run_alternating(shape_paths, a.rate, a.seconds);
  clean = report("phase 2: rls against the reference in the same transaction shape", shape_paths, shape_results) &&
          clean;
  std::printf("\np99 ratio rls / reference: %.2f (limit %.2f)\n", ratio, a.max_ratio);
  print_statement_ratio(main_paths, main_results);
  std::printf("phase 2: p99 ratio rls / reference_tx: %.2f\n", p99_ratio(*shape_results[0], *shape_results[1]));
  print_statement_ratio(shape_paths, shape_results);
  if (!clean) return 2;
  return ratio <= a.max_ratio ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 5) {
    std::fprintf(stderr,
                 "usage: %s APP_URL OWNER_URL SUPERUSER_URL SCHEMA_DIR [RATE=200] [SECONDS=30] [MEMBERS=2000] "
                 "[MAX_RATIO=1.5]\n",
                 argv[0]);
    return 2;
  }
  ws::log::setup({"warn", false});
  Args a{argv[1], argv[2], argv[3], argv[4]};
  if (argc > 5) a.rate = std::atof(argv[5]);
  if (argc > 6) a.seconds = std::atof(argv[6]);
  if (argc > 7) a.members = std::atoi(argv[7]);
  if (argc > 8) a.max_ratio = std::atof(argv[8]);
  if (const char* file = std::getenv("BENCH_OWNER_SQL")) {
    std::ifstream in(file);
    if (!in) {
      std::fprintf(stderr, "cannot read BENCH_OWNER_SQL %s\n", file);
      return 2;
    }
    a.owner_sql.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    std::printf("BENCH_OWNER_SQL %s applied as the owner\n", file);
  }
  return run(a);
}
