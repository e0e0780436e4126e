-- wrk script for POST /api/v1/accounts/{id}/grants: every request creates a new grant.
--
-- bench/run.py prepares active employees before the run (bench/setup_data.py) and passes,
-- after `--` on wrk's command line: the run's token, the file holding their ids (one a line),
-- the index of the first one this wrk invocation may use (the warm-up and the measured run
-- take different people) and wrk's thread count T: thread i takes people first + i - 1,
-- first + i - 1 + T, and so on, so no two requests share a person. Each request gives the
-- analyst role (not training-gated) to its person from now until the end of 2099: no grant
-- overlaps another, so every request is a 201.
--
-- Should the people run out, the list starts again with one-day grants in 2100 and later, a
-- new day for each pass: still new, valid, non-overlapping grants (bench/run.py reports
-- whether that happened). The Authorization header (an admin key) comes from `-H`.

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

local threads = {}

-- Runs in wrk's main Lua state, once per thread, before that thread's init().
function setup(thread)
   threads[#threads + 1] = thread
   thread:set("thread_number", #threads)
end

-- Runs in the main state once the threads have stopped: the first index no request of this
-- invocation used, for bench/run.py to start the next one there. (Threads do not stop at
-- the same count, so the number of requests alone would not tell.)
function done(summary, latency, requests)
   local highest = 0
   for _, thread in ipairs(threads) do
      local index = thread:get("next_index")
      if index and index > highest then
         highest = index
      end
   end
   io.write(string.format("bench-next-index: %d\n", highest))
end

local ids = {}
next_index = 0 -- global: done() reads it through thread:get()
local step = 1

function init(args)
   local file = assert(io.open(args[2], "r"))
   for line in file:lines() do
      if #line > 0 then
         ids[#ids + 1] = line
      end
   end
   file:close()
   assert(#ids > 0, "no ids in " .. args[2])
   step = tonumber(args[4]) or 1
   next_index = (tonumber(args[3]) or 0) + (thread_number or 1) - 1
end

local OPEN_ENDED = '{"person_id":"%s","role":"analyst","expires_at":"2099-12-31T00:00:00Z"}'
local ONE_DAY = '{"person_id":"%s","role":"analyst","starts_at":"%s","expires_at":"%s"}'
local YEAR_2100 = 4102444800 -- 2100-01-01T00:00:00Z

local function iso(seconds)
   return os.date("!%Y-%m-%dT%H:%M:%SZ", seconds)
end

function request()
   local index = next_index
   next_index = next_index + step
   local person = ids[(index % #ids) + 1]
   local pass = math.floor(index / #ids)
   local body
   if pass == 0 then
      body = string.format(OPEN_ENDED, person)
   else
      local starts = YEAR_2100 + (pass - 1) * 86400
      body = string.format(ONE_DAY, person, iso(starts), iso(starts + 86400))
   end
   return wrk.format(nil, nil, nil, body)
end
