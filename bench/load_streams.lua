-- wrk script: each request picks the next URL of a list (playlists and
-- segments already in the cache), and any status but 200 counts as an error.
-- The list comes from the file named by the URLS environment variable.
local urls = {}
for line in io.lines(os.getenv("URLS")) do urls[#urls + 1] = line end
local counter = 0
local failures = 0
local threads = {}

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  threads[#threads + 1] = thread
end

function init(args)
  next_url = id
  bad = 0
end

function request()
  next_url = next_url % #urls + 1
  return wrk.format("GET", urls[next_url])
end

function response(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end

function done(summary, latency, requests)
  for _, thread in ipairs(threads) do failures = failures + thread:get("bad") end
  local errors = summary.errors
  local socket = errors.connect + errors.read + errors.write + errors.timeout
  io.write(string.format("requests %d, non-200 %d, socket errors %d (status %d)\n",
    summary.requests, failures, socket, errors.status))
  io.write(string.format("latency p50 %.2f ms, p99 %.2f ms, max %.2f ms; %.0f requests/s\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests / (summary.duration / 1e6)))
end
