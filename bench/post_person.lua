-- wrk script for POST /api/v1/people: every request adds a new person.
--
-- The email is unique per request: the run's token (passed by bench/run.py after `--` on
-- wrk's command line, fresh for every wrk invocation), the wrk thread's number, and a counter
-- local to that thread. wrk gives each thread its own Lua state, so the counter needs no lock.
-- The Authorization header comes from `-H` on the command line (it is in wrk.headers).

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

local threads_started = 0

-- Runs in wrk's main Lua state, once per thread, before that thread's init().
function setup(thread)
   threads_started = threads_started + 1
   thread:set("thread_number", threads_started)
end

local prefix = "run"
local counter = 0

function init(args)
   prefix = (args[1] or "run") .. "-" .. tostring(thread_number or 0)
end

local BODY = '{"given_name":"Bench","family_name":"Load",'
   .. '"email":"bench-%s-%d@town.example.ca","person_type":"employee"}'

function request()
   counter = counter + 1
   return wrk.format(nil, nil, nil, string.format(BODY, prefix, counter))
end
