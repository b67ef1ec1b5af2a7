-- wrk script for Benchmarks/portal-load.sh: each connection cycles through the pages each role
-- reads while a plan runs, with that role's session cookie (from the environment).
local pages = {
  { "/rounds", "ENTERPRISE" },
  { "/rounds/1/postings", "ENTERPRISE" },
  { "/rounds/1/programs", "INSTITUTION" },
  { "/rounds/1", "FUND" },
  { "/rounds/1/jobs/" .. (os.getenv("JOB") or "1") .. "/progress", "FUND" },
}
local index = 0

request = function()
  index = index % #pages + 1
  local page = pages[index]
  return wrk.format("GET", page[1], { ["Cookie"] = os.getenv(page[2]) })
end

-- Each connection is one person: after a page, they read it for THINK_MS (default 0: no pause,
-- the server at saturation) before asking for the next.
local think = tonumber(os.getenv("THINK_MS") or "0")
if think > 0 then
  delay = function() return think end
end
