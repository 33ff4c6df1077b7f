"""The repository's nginx configuration in front of two nodes: long-polling sessions stick to
the node holding them (they would get "Session ID unknown" from the other one), WebSocket
sessions spread over both, and an upload through one node is served by the other (GridFS)."""
import time

import requests
from conftest import NGINX_URL, NODE_URLS, call, node_of

SESSIONS = 16


def wait_for(client, name, timeout=15):
    deadline = time.monotonic() + timeout
    while (remaining := deadline - time.monotonic()) > 0:
        event, *args = client.receive(timeout=remaining)
        if event == name:
            return args
    raise AssertionError(f"no {name} within {timeout}s")


def chat(client, world, text):
    """Joins the channel (answered with previous_messages) and sends a message (acked)."""
    client.emit("join_channel", {"channelId": world.channel_id})
    wait_for(client, "previous_messages")
    ack = client.call("send_message", {"channelId": world.channel_id, "text": text}, timeout=15)
    assert ack["success"] is True, ack
    assert ack["message"]["text"] == text


def test_polling_sessions_stick_to_their_node(world, connect):
    clients = [connect(world.users[index % len(world.users)], ["polling"]) for index in range(SESSIONS)]
    for index, client in enumerate(clients):
        assert client.transport == "polling"
        # Several round trips each: every one must reach the node holding the session.
        for turn in range(3):
            chat(client, world, f"polling {index}.{turn}")
    nodes = {node_of(client) for client in clients}
    assert nodes == {"node1", "node2"}, f"handshakes went round-robin to both nodes, got {nodes}"


def test_polling_sessions_upgrade_to_websocket_on_their_node(world, connect):
    clients = [connect(world.users[index % len(world.users)], ["polling", "websocket"]) for index in range(SESSIONS)]
    deadline = time.monotonic() + 15
    while any(client.transport != "websocket" for client in clients) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert all(client.transport == "websocket" for client in clients), [client.transport for client in clients]
    for index, client in enumerate(clients):
        chat(client, world, f"upgraded {index}")
    assert {node_of(client) for client in clients} == {"node1", "node2"}


def test_direct_websocket_sessions_are_spread_over_both_nodes(world, connect):
    clients = [connect(world.users[index % len(world.users)], ["websocket"]) for index in range(SESSIONS)]
    for index, client in enumerate(clients):
        assert client.transport == "websocket"
        chat(client, world, f"websocket {index}")
    taken = [node_of(client) for client in clients]
    assert taken.count("node1") >= 2 and taken.count("node2") >= 2, taken


def test_a_polling_request_without_stickiness_would_fail():
    """The reason for the map: a node refuses a session it does not hold."""
    handshake = requests.get(NODE_URLS["node1"] + "/socket.io/", params={"EIO": "4", "transport": "polling"}, timeout=10)
    assert handshake.status_code == 200
    sid = handshake.text[handshake.text.index("{"):].split('"sid":"', 1)[1].split('"', 1)[0]
    assert sid.startswith("node1.")
    other = requests.get(NODE_URLS["node2"] + "/socket.io/", params={"EIO": "4", "transport": "polling", "sid": sid}, timeout=10)
    assert other.status_code == 400
    through_nginx = requests.get(NGINX_URL + "/socket.io/", params={"EIO": "4", "transport": "polling", "sid": sid}, timeout=30)
    assert through_nginx.status_code == 200, through_nginx.text


def test_an_upload_through_one_node_is_served_by_the_other(world):
    owner = world.users[0]
    content = b"".join(b"Note %d: bring the slides and the agenda.\n" % index for index in range(20000))
    uploaded = call(
        NODE_URLS["node1"], "POST", "/api/upload/file", owner["token"], expect=200,
        files={"file": ("agenda.txt", content, "text/plain")})
    name = uploaded.json()["data"]["filename"]
    answers = {node: requests.get(f"{url}/uploads/files/{name}", timeout=15) for node, url in NODE_URLS.items()}
    answers["nginx"] = requests.get(f"{NGINX_URL}/uploads/files/{name}", timeout=15)
    for node, answer in answers.items():
        assert answer.status_code == 200, node
        assert answer.content == content, node
    for header in ["Content-Type", "Content-Length", "ETag", "Last-Modified", "Content-Disposition", "Accept-Ranges"]:
        assert answers["node1"].headers.get(header) == answers["node2"].headers.get(header), header
    part = requests.get(f"{NODE_URLS['node2']}/uploads/files/{name}", headers={"Range": "bytes=261100-261140"}, timeout=15)
    assert part.status_code == 206 and part.content == content[261100:261141]
    call(NODE_URLS["node2"], "DELETE", f"/api/upload/{name}", owner["token"], expect=200)
    assert requests.get(f"{NODE_URLS['node1']}/uploads/files/{name}", timeout=15).status_code == 404
