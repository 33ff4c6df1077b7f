"""Fixtures for the python-socketio interop suite: a live parley-server at PARLEY_URL with a
super admin (PARLEY_ADMIN_USERNAME / PARLEY_ADMIN_PASSWORD), and a fresh group per test."""
import os
import time
import uuid

import pytest
import requests
import socketio

BASE_URL = os.environ.get("PARLEY_URL", "http://127.0.0.1:3000")


class Api:
    def __init__(self, base_url):
        self.base_url = base_url

    def call(self, method, path, token=None, json=None, expect=None):
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        response = requests.request(method, self.base_url + path, headers=headers, json=json, timeout=10)
        if expect is not None:
            assert response.status_code == expect, f"{method} {path}: {response.status_code} {response.text}"
        return response

    def register(self, prefix):
        name = f"{prefix}{uuid.uuid4().hex[:8]}"
        body = {"username": name, "email": f"{name}@example.com", "password": "password123", "confirmPassword": "password123"}
        data = self.call("POST", "/api/auth/register", json=body, expect=201).json()["data"]
        return {"id": data["user"]["_id"], "username": name, "token": data["accessToken"], "refresh": data["refreshToken"]}

    def login_root(self):
        body = {"username": os.environ["PARLEY_ADMIN_USERNAME"], "password": os.environ["PARLEY_ADMIN_PASSWORD"]}
        data = self.call("POST", "/api/auth/login", json=body, expect=200).json()["data"]
        return {"id": data["user"]["_id"], "token": data["accessToken"]}


class World:
    """A group with two members (alice, bob), an outsider (eve) who belongs to nothing, and
    the group's general channel."""

    def __init__(self, api):
        self.api = api
        root = api.login_root()
        self.alice = api.register("alice")
        self.bob = api.register("bob")
        self.eve = api.register("eve")
        group = api.call("POST", "/api/groups", root["token"], {"name": f"interop-{uuid.uuid4().hex[:8]}"}, expect=201).json()["data"]
        self.group_id = group["_id"]
        for user in (self.alice, self.bob):
            api.call("POST", f"/api/groups/{self.group_id}/members", root["token"], {"userId": user["id"]}, expect=200)
        channels = api.call("GET", f"/api/channels/group/{self.group_id}", root["token"], expect=200).json()["data"]
        self.channel_id = channels[0]["_id"]


@pytest.fixture
def api():
    return Api(BASE_URL)


@pytest.fixture
def world(api):
    return World(api)


@pytest.fixture
def connect():
    """Opens SimpleClients and closes them after the test."""
    opened = []

    def open_client(user, transports=None):
        client = socketio.SimpleClient()
        client.connect(BASE_URL, auth={"token": user["token"], "userId": user["id"]}, transports=transports, wait_timeout=10)
        opened.append(client)
        return client

    yield open_client
    for client in opened:
        try:
            client.disconnect()
        except Exception:
            pass


def wait_for(client, name, predicate=lambda payload: True, timeout=10):
    """Receives until an event called `name` whose first argument (the payload) matches;
    returns its arguments. Other events are dropped. With connection state recovery on,
    broadcasts carry one more argument, the recovery offset, as the official server sends."""
    deadline = time.monotonic() + timeout
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise AssertionError(f"no {name} within {timeout}s")
        try:
            event, *args = client.receive(timeout=remaining)
        except socketio.exceptions.TimeoutError:
            raise AssertionError(f"no {name} within {timeout}s")
        if event == name and predicate(args[0] if args else None):
            return args


def drain(client, seconds):
    """Every event received within `seconds`, as [name, *args] lists."""
    events = []
    deadline = time.monotonic() + seconds
    while (remaining := deadline - time.monotonic()) > 0:
        try:
            events.append(client.receive(timeout=remaining))
        except socketio.exceptions.TimeoutError:
            break
    return events
