-- POST /v1/analyze with one text per request, cycling through a few customer comments.
local texts = {
  "Great coffee, but the service was slow.",
  "Terrible, the worst delivery ever. Never again!",
  "The parcel came on Tuesday, as promised. Thanks!",
  "Ik ben erg tevreden over de snelle levering.",
  "Why does my order still say processing after two weeks?",
  "Absolutely love the new app, it works like a charm.",
  "Nooit meer, echt slecht. Geen excuses, geen antwoord.",
  "It's okay I guess, nothing special about the food.",
}
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  n = n + 1
  local text = texts[(n % #texts) + 1]
  return wrk.format(nil, "/v1/analyze", nil, '{"text":"' .. text .. '"}')
end
