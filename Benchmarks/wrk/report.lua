-- Shared by the wrk scripts of scripts/bench: prints one row of the bench table.
-- @RSS@ and @CPU@ are filled in by scripts/bench, which reads them from /proc after the run.
function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors
  local function ms(micros)
    if micros >= 100000 then return string.format("%.0f ms", micros / 1000) end
    return string.format("%.1f ms", micros / 1000)
  end
  io.write(string.format("| %s | %s | %.0f requests/s (%d in %.1f s) | %s | %s | %s | %s | %d socket, %d non-2xx | @RSS@ | @CPU@ |\n",
    os.getenv("PARLEY_SCENARIO"), os.getenv("PARLEY_LOAD"), summary.requests / seconds, summary.requests, seconds,
    ms(latency:percentile(50)), ms(latency:percentile(90)), ms(latency:percentile(99)), ms(latency.max),
    errors.connect + errors.read + errors.write + errors.timeout, errors.status))
end
