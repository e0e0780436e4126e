-- wrk script for POST /api/v1/screenings/batch: a batch of residents' comments per request.
--
-- Ten ordinary comments of 160 to 260 characters that the sample rulesets allow (no finding,
-- no review item opened; "work from home" reads as spam, so none says it), repeated in turn
-- up to the batch size (bench/run.py passes it after `--`, after the run's token; 50 when
-- left out). Each request starts the rotation at the next comment, so consecutive batches
-- differ. The Authorization header (an integration key: admins do not screen) comes from
-- `-H` on the command line (it is in wrk.headers).

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

local TEXTS = {
   "I drive down Harbour Road every morning and the potholes near the school are getting "
      .. "worse since the spring thaw. Is the repaving still planned for this summer? Also, "
      .. "could the town add a crossing guard at Birch Avenue? The traffic there at 8:15 is "
      .. "heavy and the kids cross in a hurry.",
   "Thanks for posting the budget summary. I went to the open house at the community centre "
      .. "and the staff were friendly and knew their stuff. I would still like to see the full "
      .. "document, not just the slides, and to know how much of the increase goes to transit "
      .. "service on Sundays.",
   "The new bike lanes on Queen Street have made my commute much safer, but the signage at "
      .. "the detour by the library was confusing last week. Please consider more benches along "
      .. "the river trail for older residents, and keep the splash pad at Riverside Park open "
      .. "later in August.",
   "When does the leaf collection start this fall? Last year the schedule on the website was "
      .. "posted after the first pickup and half our street missed it. A reminder a week ahead "
      .. "would help a lot.",
   "Great to see the farmers market back at the harbour this year. Parking was tight on "
      .. "Saturday morning though; maybe the lot behind the arena could be opened for the "
      .. "market days?",
   "The snow clearing on the side streets near Maple Crescent was quick after the last storm. "
      .. "Thank you to the crews who were out all night. The sidewalks on Elm took a bit longer "
      .. "but were fine by noon.",
   "Is the outdoor pool opening on the long weekend as usual? My kids are asking every day. "
      .. "It would also be nice to know if swimming lessons will be offered in the evenings "
      .. "this summer.",
   "I appreciate the update on the water main work. Could you post a map of which blocks "
      .. "will have the water turned off and for how long? Some of us have small children at "
      .. "home and need to plan around it.",
   "The library's new Sunday hours are wonderful. The reading program for seniors is well "
      .. "run and the volunteers are patient. Please keep funding it next year, it makes a real "
      .. "difference for people who live alone.",
   "Could the town look at the timing of the traffic light at Main and Second? Cars wait a "
      .. "long time with nobody crossing, then the walk signal is very short for people with "
      .. "strollers or walkers.",
}

local bodies = {}
local counter = 0

function init(args)
   local size = tonumber(args[2]) or 50
   -- One body per starting comment, built once: request() only picks one.
   for start = 1, #TEXTS do
      local items = {}
      for i = 0, size - 1 do
         local text = TEXTS[((start + i - 1) % #TEXTS) + 1]
         items[#items + 1] = '{"kind":"comment","text":"' .. text .. '"}'
      end
      bodies[start] = '{"items":[' .. table.concat(items, ",") .. "]}"
   end
end

function request()
   counter = counter + 1
   return wrk.format(nil, nil, nil, bodies[(counter % #bodies) + 1])
end
