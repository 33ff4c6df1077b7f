"""Fixtures for the nginx sticky-session suite (scripts/test-nginx): nginx at NGINX_URL in
front of two parley-server nodes (NODE_ID node1 and node2) at NODE1_URL and NODE2_URL, on one
MongoDB database."""
import os
import uuid

import pytest
import requests
import socketio

NGINX_URL = os.environ.get("NGINX_URL", "http://127.0.0.1:8080")
NODE_URLS = {"node1": os.environ.get("NODE1_URL", ""), "node2": os.environ.get("NODE2_URL", "")}


def call(base_url, method, path, token=None, expect=None, **kwargs):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = requests.request(method, base_url + path, headers=headers, timeout=15, **kwargs)
    if expect is not None:
        assert response.status_code == expect, f"{method} {path}: {response.status_code} {response.text}"
    return response


def register(prefix):
    name = f"{prefix}{uuid.uuid4().hex[:8]}"
    body = {"username": name, "email": f"{name}@example.com", "password": "password123", "confirmPassword": "password123"}
    data = call(NGINX_URL, "POST", "/api/auth/register", json=body, expect=201).json()["data"]
    return {"id": data["user"]["_id"], "username": name, "token": data["accessToken"]}


class World:
    """A group with members, and its general channel, made through nginx."""

    def __init__(self, members):
        root_body = {"username": os.environ["PARLEY_ADMIN_USERNAME"], "password": os.environ["PARLEY_ADMIN_PASSWORD"]}
        root = call(NGINX_URL, "POST", "/api/auth/login", json=root_body, expect=200).json()["data"]["accessToken"]
        self.users = [register(f"m{index}-") for index in range(members)]
        group = call(NGINX_URL, "POST", "/api/groups", root, expect=201, json={"name": f"nginx-{uuid.uuid4().hex[:8]}"})
        self.group_id = group.json()["data"]["_id"]
        for user in self.users:
            call(NGINX_URL, "POST", f"/api/groups/{self.group_id}/members", root, expect=200, json={"userId": user["id"]})
        channels = call(NGINX_URL, "GET", f"/api/channels/group/{self.group_id}", root, expect=200).json()["data"]
        self.channel_id = channels[0]["_id"]


@pytest.fixture(scope="module")
def world():
    return World(members=8)


class Sessions:
    """SimpleClients opened through nginx during one test; `close` disconnects them all."""

    def __init__(self):
        self.clients = []

    def __call__(self, user, transports):
        client = socketio.SimpleClient()
        self.clients.append(client)
        client.connect(NGINX_URL, auth={"token": user["token"], "userId": user["id"]}, transports=transports, wait_timeout=15)
        return client

    def close(self):
        while self.clients:
            client = self.clients.pop()
            try:
                client.disconnect()
            except socketio.exceptions.SocketIOError:
                pass  # already gone: nothing to close


@pytest.fixture
def connect():
    sessions = Sessions()
    yield sessions
    sessions.close()


def node_of(client):
    """The node holding a client's Engine.IO session: its id starts with `NODE_ID.`."""
    sid = client.client.eio.sid
    assert "." in sid, f"session id {sid!r} carries no node prefix"
    return sid.split(".", 1)[0]
