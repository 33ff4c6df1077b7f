"""A MongoDB wire-protocol server for Parley's tests (see README.md beside this file).

    python server.py [--port N]   # 0 (the default) picks a free port

Listens on 127.0.0.1 only and prints `listening on 127.0.0.1:PORT` once it accepts
connections. Data lives in memory and is gone when the process ends."""

import argparse
import itertools
import socketserver
import sys
import threading

import wire
from engine import Engine


class Handler(socketserver.StreamRequestHandler):
    def handle(self):
        server = self.server
        while True:
            try:
                request = wire.read_message(self.rfile)
            except (wire.ProtocolError, ConnectionError, ValueError) as error:
                server.log(f"closing a connection: {error}")
                return
            if request is None:
                return
            with server.lock:
                server.record(request.command)
                reply = server.engine.handle(request.command)
            if not request.wants_reply:
                continue
            try:
                self.wfile.write(wire.encode_reply(request, reply, next(server.reply_ids)))
                self.wfile.flush()
            except (BrokenPipeError, ConnectionError):
                return


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    # Test suites open many connections at once; the default backlog of 5 drops some of them.
    request_queue_size = 256

    def __init__(self, port, record_path):
        self.record_path = record_path
        self.recorded = set()
        # One command at a time: the in-memory engine is not thread-safe, and tests are small.
        self.lock = threading.Lock()
        self.engine = Engine(log=self.log)
        self.reply_ids = itertools.count(1)
        super().__init__(("127.0.0.1", port), Handler)

    def record(self, command):
        """With --record: appends each command name and `$`-operator not seen before to a file,
        so the set Parley really sends can be compared with what this server supports."""
        if not self.record_path:
            return
        seen = {f"command {next(iter(command), '')}"} | {f"operator {key}" for key in _operators(command)}
        new = seen - self.recorded
        if new:
            self.recorded |= new
            with open(self.record_path, "a", encoding="utf-8") as file:
                file.writelines(f"{line}\n" for line in sorted(new))

    def log(self, text):
        print(text, file=sys.stderr, flush=True)


def _operators(value):
    if isinstance(value, dict):
        for key, item in value.items():
            if key.startswith("$") and key not in ("$db", "$clusterTime", "$readPreference"):
                yield key
            yield from _operators(item)
    elif isinstance(value, list):
        for item in value:
            yield from _operators(item)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1; 0 picks a free one")
    parser.add_argument("--record", metavar="FILE", help="append every command name and $-operator received to FILE")
    arguments = parser.parse_args()
    with Server(arguments.port, arguments.record) as server:
        print(f"listening on 127.0.0.1:{server.server_address[1]}", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
