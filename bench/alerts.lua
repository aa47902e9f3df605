-- A realistic mix of alerts for wrk: service health at several severities and tiers, drift, model
-- performance, data problems, a staging alert and an unknown service. Each request takes the next one.
local alerts = {
  '{"kind":"outage","severity":"critical","service":"checkout-api","firedAt":"2026-11-25T03:00:00Z"}',
  '{"kind":"latency","severity":"low","service":"checkout-api"}',
  '{"kind":"error_rate","severity":"high","service":"recommendations","firedAt":"2026-11-25T03:00:00Z"}',
  '{"kind":"outage","severity":"high","service":"churn-reports","firedAt":"2026-11-28T03:00:00Z"}',
  '{"kind":"model_drift","severity":"high","service":"fraud-scoring","model":"fraud-detector","signals":{"driftScore":0.41}}',
  '{"kind":"concept_drift","severity":"medium","service":"churn-reports","model":"churn-predictor"}',
  '{"kind":"model_performance","severity":"critical","service":"recommendations","model":"product-recs","firedAt":"2026-11-25T03:00:00Z"}',
  '{"kind":"data_quality","severity":"critical","service":"checkout-api","labels":{"pipeline":"orders"}}',
  '{"kind":"outage","severity":"critical","service":"checkout-api","environment":"staging"}',
  '{"kind":"outage","severity":"critical","service":"billing-batch"}',
}
local i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

request = function()
  i = (i % #alerts) + 1
  return wrk.format(nil, nil, nil, alerts[i])
end

-- With WRK_DELAY_MS set, each connection waits that long between requests: a fixed, sub-saturation rate.
local delay_ms = tonumber(os.getenv("WRK_DELAY_MS") or "")
if delay_ms then
  delay = function() return delay_ms end
end
-- wrk itself reports "Non-2xx or 3xx responses" when any request fails.
