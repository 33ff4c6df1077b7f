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

    def __init__(self, port, verbose):
        self.verbose = verbose
        # One command at a time: the in-memory engine is not thread-safe, and tests are small.
        self.lock = threading.Lock()
        self.engine = Engine(log=self.log)
        self.reply_ids = itertools.count(1)
        super().__init__(("127.0.0.1", port), Handler)

    def log(self, text):
        print(text, file=sys.stderr, flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1; 0 picks a free one")
    parser.add_argument("--verbose", action="store_true")
    arguments = parser.parse_args()
    with Server(arguments.port, arguments.verbose) as server:
        print(f"listening on 127.0.0.1:{server.server_address[1]}", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
