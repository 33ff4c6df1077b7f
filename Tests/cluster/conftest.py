"""Fixtures for the cluster suite (scripts/test-cluster): three parley-server nodes sharing
the MongoDB test server and redis-server, described by the JSON file at CLUSTER_STATE.

`cluster` gives the nodes' URLs, REST helpers that act as the administrator, and ways to stop
and start Redis or a node (for failure tests). `connect` opens Socket.IO clients on a chosen
node and closes them after the test."""
import json
import os
import signal
import socket
import subprocess
import time
import uuid

import pytest
import requests
import socketio


class Node:
    def __init__(self, entry):
        self.id = entry["id"]
        self.url = entry["url"]
        self.peer_port = entry["peer_port"]
        self.env_file = entry["env_file"]
        self.pid_file = entry["pid_file"]
        self.log = entry["log"]

    def __repr__(self):
        return f"node {self.id} ({self.url})"


class Cluster:
    def __init__(self, state_file):
        with open(state_file) as handle:
            state = json.load(handle)
        self.server = state["server"]
        self.nodes = [Node(entry) for entry in state["nodes"]]
        self.redis = state["redis"]
        self._admin_token = None

    # -- nodes and REST -------------------------------------------------------------------

    def node(self, node_id):
        return next(node for node in self.nodes if node.id == node_id)

    def call(self, node, method, path, token=None, json=None, expect=None):
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        response = requests.request(method, node.url + path, headers=headers, json=json, timeout=10)
        if expect is not None:
            assert response.status_code == expect, f"{node}: {method} {path}: {response.status_code} {response.text}"
        return response

    def health(self, node):
        return requests.get(node.url + "/health", timeout=10).json()

    @property
    def admin_token(self):
        if self._admin_token is None:
            body = {"username": os.environ["PARLEY_ADMIN_USERNAME"], "password": os.environ["PARLEY_ADMIN_PASSWORD"]}
            data = self.call(self.nodes[0], "POST", "/api/auth/login", json=body, expect=200).json()["data"]
            self._admin_token = data["accessToken"]
        return self._admin_token

    def create_user(self, prefix, node=None):
        """Registers a user (on `node`, else the first) and returns id, username, token."""
        name = f"{prefix}{uuid.uuid4().hex[:8]}"
        body = {"username": name, "email": f"{name}@example.com", "password": "password123", "confirmPassword": "password123"}
        data = self.call(node or self.nodes[0], "POST", "/api/auth/register", json=body, expect=201).json()["data"]
        return {"id": data["user"]["_id"], "username": name, "token": data["accessToken"], "refresh": data["refreshToken"]}

    def create_group(self, members, node=None):
        """Creates a group as the administrator with `members` (user dicts) and returns
        (group id, id of its general channel)."""
        node = node or self.nodes[0]
        group = self.call(node, "POST", "/api/groups", self.admin_token, {"name": f"cluster-{uuid.uuid4().hex[:8]}"}, expect=201)
        group_id = group.json()["data"]["_id"]
        for user in members:
            self.add_member(group_id, user, node)
        channels = self.call(node, "GET", f"/api/channels/group/{group_id}", self.admin_token, expect=200).json()["data"]
        return group_id, channels[0]["_id"]

    def add_member(self, group_id, user, node=None):
        self.call(node or self.nodes[0], "POST", f"/api/groups/{group_id}/members", self.admin_token, {"userId": user["id"]}, expect=200)

    # -- processes ------------------------------------------------------------------------

    @staticmethod
    def _pid(pid_file):
        with open(pid_file) as handle:
            return int(handle.read().strip())

    @staticmethod
    def _kill(pid_file, sig):
        try:
            pid = Cluster._pid(pid_file)
            os.kill(pid, sig)
        except (OSError, ValueError):
            return
        # Wait until it is gone. A process a test started again is this process's child: reap
        # it, or it would linger as a zombie that still answers kill(pid, 0).
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                pass
            try:
                os.kill(pid, 0)
            except OSError:
                return
            time.sleep(0.05)

    def stop_redis(self):
        """Kills Redis at once (SIGKILL), as a crash would."""
        self._kill(self.redis["pid_file"], signal.SIGKILL)

    def start_redis(self):
        """Starts Redis again on the same port (empty: it keeps no data)."""
        with open(self.redis["log"], "ab") as log:
            process = subprocess.Popen(self.redis["command"], stdout=log, stderr=log, start_new_session=True)
        with open(self.redis["pid_file"], "w") as handle:
            handle.write(str(process.pid))
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.redis["port"]), 1).close()
                return
            except OSError:
                time.sleep(0.05)
        raise AssertionError("redis-server did not start again")

    def kill_node(self, node, sig=signal.SIGKILL):
        self._kill(node.pid_file, sig)

    def start_node(self, node):
        """Starts a node again with its environment, and waits for its /health."""
        with open(node.env_file) as handle:
            env = dict(os.environ)
            env.update(line.strip().split("=", 1) for line in handle if "=" in line)
        with open(node.log, "ab") as log:
            process = subprocess.Popen([self.server], env=env, stdout=log, stderr=log, start_new_session=True)
        with open(node.pid_file, "w") as handle:
            handle.write(str(process.pid))
        wait_until(lambda: _answers(node.url + "/health"), timeout=20, what=f"{node} to start")


def _answers(url):
    try:
        return requests.get(url, timeout=1).status_code < 500
    except requests.RequestException:
        return False


def wait_until(predicate, timeout=10, what="condition", interval=0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(interval)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture(scope="session")
def cluster():
    state = os.environ.get("CLUSTER_STATE")
    if not state:
        pytest.skip("run through scripts/test-cluster (CLUSTER_STATE is not set)")
    return Cluster(state)


class Recorder:
    """A Socket.IO client on one node that records every event it receives (name, first
    argument) and whether the server disconnected it."""

    def __init__(self, node, user, transports=None):
        self.node = node
        self.user = user
        self.events = []
        self.disconnected = False
        self.client = socketio.Client(reconnection=False)
        self.client.on("*", self._record)
        self.client.on("disconnect", self._disconnect)
        self.client.connect(
            node.url, auth={"token": user["token"], "userId": user["id"]}, transports=transports or ["websocket"], wait_timeout=10)

    def _record(self, event, *args):
        self.events.append((event, args[0] if args else None))

    def _disconnect(self, *args):
        self.disconnected = True

    def emit(self, event, payload):
        self.client.emit(event, payload)

    def call(self, event, payload, timeout=10):
        return self.client.call(event, payload, timeout=timeout)

    def named(self, name, predicate=lambda payload: True):
        return [payload for event, payload in list(self.events) if event == name and predicate(payload)]

    def wait_for(self, name, predicate=lambda payload: True, timeout=10):
        wait_until(lambda: self.named(name, predicate), timeout=timeout, what=f"{name} on {self.node} for {self.user['username']}")
        return self.named(name, predicate)[0]

    def close(self):
        try:
            self.client.disconnect()
        except Exception:
            pass


@pytest.fixture
def connect():
    """connect(node, user) -> Recorder; every client is closed after the test."""
    opened = []

    def open_client(node, user, transports=None):
        recorder = Recorder(node, user, transports)
        opened.append(recorder)
        return recorder

    yield open_client
    for recorder in opened:
        recorder.close()
