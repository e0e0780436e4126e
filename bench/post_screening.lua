-- wrk script for POST /api/v1/screenings: a resident's comment of about 300 characters.
--
-- Three comments in turn, so that not every request screens the same text; all three are
-- ordinary comments that the sample rulesets allow (no review item is opened). The
-- Authorization header (an integration key: admins do not screen) comes from `-H` on the
-- command line (it is in wrk.headers).

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

local BODIES = {
   '{"kind":"comment","text":"I drive down Harbour Road every morning and the potholes near '
      .. 'the school are getting worse since the spring thaw. Is the repaving still planned for '
      .. 'this summer? Also, could the town add a crossing guard at Birch Avenue? The traffic '
      .. 'there at 8:15 is heavy and the kids cross in a hurry."}',
   '{"kind":"comment","text":"Thanks for posting the budget summary. I went to the open house '
      .. 'at the community centre and the staff were friendly and knew their stuff. I would still '
      .. 'like to see the full document, not just the slides, and to know how much of the '
      .. 'increase goes to transit service on Sundays."}',
   '{"kind":"comment","text":"The new bike lanes on Queen Street have made my commute much '
      .. 'safer, but the signage at the detour by the library was confusing last week. Please '
      .. 'consider more benches along the river trail for older residents, and keep the splash '
      .. 'pad at Riverside Park open later in August."}',
}

local counter = 0

function request()
   counter = counter + 1
   return wrk.format(nil, nil, nil, BODIES[(counter % #BODIES) + 1])
end
