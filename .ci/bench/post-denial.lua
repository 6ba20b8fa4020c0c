-- wrk script: POST a new denial with a unique national reference per request (per thread and run).
local body_template = [[
{"nationalReference":"BENCH-%s-%d-%d","decisionType":"DENIAL","decisionDate":"2026-01-15",
 "items":[{"controlEntry":"3A001.a.1","description":"bench item","quantity":"10 units"}],
 "parties":[{"role":"END_USER","name":"Bench Party %d Trading LLC","address":"1 Bench Road","country":"AE"}],
 "destinationCountry":"AE","reasons":["WMD"],"rationale":"bench","distribution":{"scope":"ALL_PARTNERS"},
 "releasability":{"addresses":"DISTRIBUTION"}}]]
local next_id = 0
function setup(thread)
  next_id = next_id + 1
  thread:set("tid", next_id)
  thread:set("run", tostring(os.time()) .. "-" .. tostring(os.clock()):gsub("%.", ""))
end
local counter = 0
function request()
  counter = counter + 1
  local body = string.format(body_template, run, tid, counter, counter)
  -- nil headers: wrk.format then uses wrk.headers, which hold the Authorization header given with -H
  wrk.headers["Content-Type"] = "application/json"
  return wrk.format("POST", nil, nil, body)
end
