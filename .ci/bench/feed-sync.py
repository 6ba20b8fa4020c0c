#!/usr/bin/env python3
"""Full sync of one state's feed view: follows nextCursor until caughtUp. Prints changes, seconds, changes/s
and the final cursor. Usage: feed-sync.py BASE_URL TOKEN"""
import json, sys, time, urllib.request
base, token = sys.argv[1], sys.argv[2]
cursor, changes, t0 = None, 0, time.time()
while True:
    url = base + "/api/v1/feed?limit=500" + ("&cursor=" + cursor if cursor else "")
    req = urllib.request.Request(url, headers={"Authorization": "Bearer " + token})
    page = json.load(urllib.request.urlopen(req))
    changes += len(page["items"])
    cursor = page["nextCursor"]
    if page["caughtUp"]:
        break
dt = time.time() - t0
print("%d %.3f %.0f %s" % (changes, dt, changes / dt if dt else 0, cursor))
