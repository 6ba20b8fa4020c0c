#!/usr/bin/env python3
"""Sends 100-party batch screenings (100 screenings of one party each) back to back for SECONDS.
Usage: batch-screening.py BASE_URL TOKEN SECONDS. Prints batches sent and their statuses."""
import json, sys, time, urllib.request, urllib.error, collections
base, token, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
body = json.dumps({"screenings": [{"parties": [{"name": "Bench Party %d Trading LLC" % i}]} for i in range(100)]}).encode()
statuses, deadline = collections.Counter(), time.time() + seconds
while time.time() < deadline:
    req = urllib.request.Request(base + "/api/v1/screenings/batch", data=body, method="POST",
                                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    try:
        statuses[urllib.request.urlopen(req).status] += 1
    except urllib.error.HTTPError as e:
        statuses[e.code] += 1
        time.sleep(0.2)
print(dict(statuses))
