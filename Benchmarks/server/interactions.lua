-- POST /v1/interactions with one interaction per request, each with an id no other request
-- uses (thread number and a counter), so every request is stored and none is a duplicate.
-- Every other one is a one-star review that raises an alert, delivered to the sink.
local counter = 1
function setup(thread)
  thread:set("thread_id", counter)
  counter = counter + 1
end

local texts = {
  '"Terrible, the worst delivery ever. Never again!","rating":{"scale":"stars","value":1}',
  '"Lovely people, fast delivery, thank you so much!","rating":{"scale":"stars","value":5}',
}
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  n = n + 1
  local id = "w" .. thread_id .. "-" .. n
  local author = "author-" .. (n % 500)
  local second = n % 3600
  local body = '{"id":"' .. id .. '","author":"' .. author .. '","kind":"review",'
    .. '"time":"2026-11-23T10:' .. string.format("%02d:%02d", math.floor(second / 60), second % 60) .. 'Z",'
    .. '"text":' .. texts[(n % 2) + 1] .. '}'
  return wrk.format(nil, "/v1/interactions", nil, body)
end
