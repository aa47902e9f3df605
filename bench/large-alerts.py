# Used by bench/large-alerts.sh: POSTs N alerts of 12 KB on one kept-alive connection, then reads health.
import http.client, json, time, sys
port = int(sys.argv[1]); n = int(sys.argv[2])
big = "x" * 4000
body = json.dumps({"kind": "outage", "severity": "critical", "service": "checkout-api",
                   "labels": {"a": big, "b": big, "c": big}})
c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
start = time.time(); statuses = {}
for i in range(n):
    c.request("POST", "/v1/decide", body, {"Content-Type": "application/json"})
    r = c.getresponse(); r.read(); statuses[r.status] = statuses.get(r.status, 0) + 1
print("sent", n, "in %.1fs" % (time.time() - start), statuses)
m = http.client.HTTPConnection("127.0.0.1", port + 1, timeout=30)  # health is on the management port
for path in ["/q/health/live", "/q/health/ready"]:
    m.request("GET", path); r = m.getresponse(); print(path, r.status, r.read().decode()[:300])
c.request("GET", "/v1/decisions?limit=1000"); r = c.getresponse(); d = r.read(); print("decisions answer", r.status, len(d), "bytes,", len(json.loads(d)), "records")
