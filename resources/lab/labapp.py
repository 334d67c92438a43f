#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""The lab's application server: a small real HTTP application that Toposcope's lab starts for
each application server of a design. It reads from the database the design links it to (a
replica when there is one) and writes to the primary it is linked to, as the links say.

  GET /          one SELECT on the read database; 200 with a short page
  POST /visit    one INSERT on the write database; 201, or 503 when the design links none
  GET /visit     the same, for load tools that only send GET
  GET /health    200 without touching a database (health checks)

Settings come from a JSON file (see ConfigGenerator::appConfig): name, address, port, read and
write (host, port, user, password, database). Standard library and python3-pymysql only.
"""
import json
import socket
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pymysql


class Databases:
    """One connection per thread and database, reopened after an error."""

    def __init__(self, settings):
        self.settings = settings
        self.local = threading.local()

    def connection(self, which):
        conns = getattr(self.local, "conns", None)
        if conns is None:
            conns = self.local.conns = {}
        conn = conns.get(which)
        if conn is None:
            s = self.settings[which]
            conn = pymysql.connect(host=s["host"], port=s["port"], user=s["user"],
                                   password=s["password"], database=s["database"],
                                   connect_timeout=3, read_timeout=5, write_timeout=5,
                                   autocommit=True)
            conns[which] = conn
        return conn

    def run(self, which, sql, args=()):
        try:
            with self.connection(which).cursor() as cur:
                cur.execute(sql, args)
                return cur.fetchone()
        except pymysql.MySQLError:
            conn = self.local.conns.pop(which, None)
            if conn is not None:
                try:
                    conn.close()
                except pymysql.MySQLError:
                    pass
            raise


def make_handler(settings, databases):
    name = settings["name"]

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive with Nginx's upstream keepalive
        server_version = "toposcope-lab-app"

        def setup(self):
            super().setup()
            # Without it, each keep-alive response waits ~40 ms for Nagle and delayed ACKs.
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

        def log_message(self, fmt, *args):
            pass  # the balancer and Nginx log every request already

        def reply(self, status, text):
            body = text.encode()
            head = (f"HTTP/1.1 {status} {self.responses.get(status, ('',))[0]}\r\n"
                    f"Content-Type: text/plain; charset=utf-8\r\n"
                    f"Content-Length: {len(body)}\r\n"
                    f"X-Served-By: {name}\r\n\r\n").encode()
            self.wfile.write(head + body)  # one write: one segment

        def drain(self):
            """Reads the request body, so that the next request on the connection starts clean."""
            length = int(self.headers.get("Content-Length") or 0)
            if length > 65536:
                self.close_connection = True
                return b""
            return self.rfile.read(length) if length > 0 else b""

        def read(self):
            if settings.get("read") is None:
                return self.reply(503, f"{name}: the design links no database to read from\n")
            try:
                row = databases.run("read", "SELECT COUNT(*) FROM visits")
            except pymysql.MySQLError as e:
                return self.reply(502, f"{name}: reading failed: {e}\n")
            self.reply(200, f"{name}: {row[0]} visits\n")

        def write(self):
            note = self.drain()[:255].decode(errors="replace")
            if settings.get("write") is None:
                return self.reply(503, f"{name}: the design links no primary database to write to\n")
            try:
                databases.run("write", "INSERT INTO visits (app, note) VALUES (%s, %s)",
                              (name, note))
            except pymysql.MySQLError as e:
                return self.reply(502, f"{name}: writing failed: {e}\n")
            self.reply(201, f"{name}: written\n")

        def do_GET(self):
            path = self.path.split("?", 1)[0]
            if path == "/health":
                return self.reply(200, "ok\n")
            if path == "/visit":
                return self.write()
            self.read()

        def do_POST(self):
            if self.path.split("?", 1)[0] == "/visit":
                return self.write()
            self.drain()
            self.reply(404, "not found\n")

    return Handler


def main():
    if len(sys.argv) != 2:
        print("usage: labapp.py SETTINGS.json", file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        settings = json.load(f)
    server = ThreadingHTTPServer((settings["address"], settings["port"]),
                                 make_handler(settings, Databases(settings)))
    server.daemon_threads = True
    server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
