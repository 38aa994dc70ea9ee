#!/usr/bin/env python3
"""A stand-in for the Internet on loopback, for scripts/screenshots.sh: /generate_204 answers
204 as a captive-portal probe expects, and /ip answers the address given on the command line
as an IP-echo service does, after ?delay=SECONDS when the URL asks (a slow network, so the
live list can be seen while it runs). Usage: local-echo.py PORTFILE ADDRESS — it listens on a free
127.0.0.1 port and writes the port to PORTFILE."""
import http.server
import sys
import time
import urllib.parse


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path.startswith("/generate_204"):
            self.send_response(204)
            self.end_headers()
            return
        if self.path.startswith("/ip"):
            query = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query)
            time.sleep(float(query.get("delay", ["0"])[0]))
            body = (sys.argv[2] + "\n").encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        self.send_error(404)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(sys.argv[1], "w") as f:
    f.write(str(server.server_address[1]))
server.serve_forever()
