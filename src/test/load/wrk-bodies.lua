-- wrk script of the HTTP benchmark (src/test/load/http_bench.py runs it):
--   [WRK_DELAY_MS=1.6] wrk -t1 -c16 -d10s -s src/test/load/wrk-bodies.lua http://127.0.0.1:PORT -- PATH TOKEN_FILE BODIES_DIR
-- POSTs to PATH the benchmark bodies in rotation (sparse, typical, rich), with a bearer token, and prints one JSON
-- line of results. WRK_DELAY_MS (may be fractional) throttles: each connection waits that long on average before
-- each request (wrk's delay() counts whole milliseconds, so a fractional delay is drawn as its floor or ceiling).
-- wrk decides whether delay() exists when it loads the script, hence an environment variable, not an argument.
local requests = {}
local delay_ms = tonumber(os.getenv("WRK_DELAY_MS") or "0")
local counter = 0

local function read(file)
  local f = assert(io.open(file, "rb"))
  local content = f:read("*a")
  f:close()
  return content
end

function init(args)
  local path, token_file, bodies = args[1], args[2], args[3]
  local token = read(token_file):gsub("%s+$", "")
  local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
  for _, name in ipairs({ "sparse", "typical", "rich" }) do
    requests[#requests + 1] = wrk.format("POST", path, headers, read(bodies .. "/" .. name .. ".json"))
  end
  math.randomseed(os.time())
end

function request()
  counter = counter + 1
  return requests[(counter % #requests) + 1]
end

if delay_ms > 0 then
  function delay()
    local whole = math.floor(delay_ms)
    if math.random() < delay_ms - whole then
      return whole + 1
    end
    return whole
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "bytes": %d, "errors": %d, "status_errors": %d, "timeouts": %d, ' ..
    '"mean_us": %.1f, "p50_us": %d, "p90_us": %d, "p99_us": %d, "p999_us": %d, "max_us": %d}\n',
    summary.requests, summary.duration, summary.bytes, e.connect + e.read + e.write + e.timeout, e.status, e.timeout,
    latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9),
    latency.max))
end
