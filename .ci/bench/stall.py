#!/usr/bin/env python3
"""Opens N connections that each send a POST head and half its body, then nothing (until killed or
the server answers). Usage: stall.py PORT TOKEN N SECONDS. Prints how each connection ended."""
import socket, sys, time, collections
port, token, n, seconds = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
body = b'{"nationalReference":"STALL","decisionType":"DENIAL","decisionDate":"2026-01-15","parties":[]}'
socks = []
for _ in range(n):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(("POST /api/v1/denials HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer %s\r\n"
               "Content-Type: application/json\r\nContent-Length: %d\r\n\r\n" % (token, len(body))).encode())
    s.sendall(body[: len(body) // 2])
    s.settimeout(0.2)
    socks.append(s)
ends = collections.Counter()
deadline = time.time() + seconds
while socks and time.time() < deadline:
    for s in list(socks):
        try:
            data = s.recv(64)
            ends[data.split(b"\r\n")[0].decode(errors="replace") if data else "closed"] += 1
            socks.remove(s); s.close()
        except socket.timeout:
            pass
ends["still stalled at the end"] += len(socks)
print(dict(ends))
