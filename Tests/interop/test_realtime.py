"""python-socketio (the official Python client) against a live parley-server."""
import json
import time

import pytest
import requests
import socketio
import websocket

from conftest import BASE_URL, drain, wait_for


def test_polling_connection_upgrades_to_websocket(world, connect):
    client = connect(world.alice)  # default transports: polling first, then the upgrade
    count = wait_for(client, "online_users_count")[0]
    assert count["count"] >= 1
    deadline = time.monotonic() + 10
    while client.transport != "websocket" and time.monotonic() < deadline:
        time.sleep(0.05)
    assert client.transport == "websocket"
    ack = client.call("send_message", {"channelId": world.channel_id, "text": "after the upgrade"}, timeout=10)
    assert ack["success"] is True
    assert ack["message"]["text"] == "after the upgrade"


def test_polling_only_connection_works(world, connect):
    client = connect(world.alice, transports=["polling"])
    assert client.transport == "polling"
    ack = client.call("send_message", {"channelId": world.channel_id, "text": "over long-polling"}, timeout=10)
    assert ack["success"] is True


def test_websocket_only_connection(world, connect):
    client = connect(world.bob, transports=["websocket"])
    assert client.transport == "websocket"
    ack = client.call("send_message", {"channelId": world.channel_id, "text": "websocket only"}, timeout=10)
    assert ack["success"] is True


@pytest.mark.parametrize(
    "auth, expected",
    [
        ({"token": "not.a.jwt"}, "Authentication error: Invalid token"),
        ({}, "Authentication error: No token provided"),
    ],
)
def test_a_refused_token_gets_the_original_message(auth, expected):
    client = socketio.Client(reconnection=False)
    errors = []
    client.on("connect_error", lambda data: errors.append(data))
    with pytest.raises(socketio.exceptions.ConnectionError):
        client.connect(BASE_URL, auth=auth, wait_timeout=5)
    assert errors and errors[0]["message"] == expected
    client.disconnect()


def test_a_refresh_token_is_refused(world):
    client = socketio.Client(reconnection=False)
    errors = []
    client.on("connect_error", lambda data: errors.append(data))
    with pytest.raises(socketio.exceptions.ConnectionError):
        client.connect(BASE_URL, auth={"token": world.alice["refresh"]}, wait_timeout=5)
    assert errors[0]["message"] == "Authentication error: Invalid token"
    client.disconnect()


def test_two_members_exchange_messages_while_an_outsider_hears_nothing(world, connect):
    alice = connect(world.alice)
    bob = connect(world.bob, transports=["websocket"])
    eve = connect(world.eve)

    alice.emit("send_message", {"channelId": world.channel_id, "text": "hi bob"})
    payload = wait_for(bob, "new_message", lambda p: p["message"]["text"] == "hi bob")[0]
    assert payload["channelId"] == world.channel_id
    assert payload["message"]["userId"] == world.alice["id"]

    bob.emit("send_message", {"channelId": world.channel_id, "text": "hi alice"})
    wait_for(alice, "new_message", lambda p: p["message"]["text"] == "hi alice")

    heard = [event for event in drain(eve, 0.5) if event[0] == "new_message"]
    assert heard == []


def test_broadcasts_carry_the_recovery_offset_last(world, connect):
    """Connection state recovery is on by default: like the official server, each broadcast
    event ends with its offset (a string); a client that does not recover just sees one more
    argument."""
    alice = connect(world.alice)
    bob = connect(world.bob)
    alice.emit("send_message", {"channelId": world.channel_id, "text": "numbered"})
    args = wait_for(bob, "new_message", lambda p: p["message"]["text"] == "numbered")
    assert len(args) == 2 and isinstance(args[1], str) and args[1].isdigit()
    alice.emit("send_message", {"channelId": world.channel_id, "text": "numbered again"})
    later = wait_for(bob, "new_message", lambda p: p["message"]["text"] == "numbered again")
    assert int(later[1]) > int(args[1])


def test_a_message_posted_over_rest_arrives_over_the_socket(world, connect, api):
    bob = connect(world.bob)
    posted = api.call("POST", "/api/messages", world.alice["token"], {"channelId": world.channel_id, "text": "from REST"}, expect=201)
    message_id = posted.json()["data"]["_id"]
    payload = wait_for(bob, "new_message", lambda p: p["message"]["_id"] == message_id)[0]
    assert payload["message"]["text"] == "from REST"

    api.call("PUT", f"/api/messages/{message_id}", world.alice["token"], {"text": "edited"}, expect=200)
    edited = wait_for(bob, "message_edited")[0]
    assert edited["message"]["text"] == "edited"
    api.call("DELETE", f"/api/messages/{message_id}", world.alice["token"], expect=200)
    deleted = wait_for(bob, "message_deleted")[0]
    assert deleted["messageId"] == message_id


def test_typing_and_presence(world, connect):
    bob = connect(world.bob)
    eve = connect(world.eve)
    alice = connect(world.alice)
    online = wait_for(bob, "user_presence_update", lambda p: p["userId"] == world.alice["id"])[0]
    assert online["status"] == "online"

    alice.emit("typing", {"channelId": world.channel_id, "isTyping": True})
    typing = wait_for(bob, "user_typing")[0]
    assert typing == {"channelId": world.channel_id, "userId": world.alice["id"], "username": world.alice["username"], "isTyping": True}
    alice.emit("stop_typing", {"channelId": world.channel_id})
    stopped = wait_for(bob, "user_stop_typing")[0]
    assert stopped["userId"] == world.alice["id"]

    bob.emit("get_online_users")
    users = wait_for(bob, "online_users")[0]
    ids = {user["userId"] for user in users}
    assert world.alice["id"] in ids and world.bob["id"] in ids and world.eve["id"] not in ids

    alice.disconnect()
    offline = wait_for(bob, "user_presence_update", lambda p: p["userId"] == world.alice["id"] and p["status"] == "offline")[0]
    assert offline["isOnline"] is False
    assert [e for e in drain(eve, 0.3) if e[0] in ("user_typing", "user_presence_update")] == []


def test_a_burst_of_malformed_packets_leaves_the_server_serving_others(world, connect):
    alice = connect(world.alice)
    bob = connect(world.bob)

    # A raw WebSocket client that authenticates, then sends garbage.
    raw = websocket.create_connection(BASE_URL.replace("http", "ws") + "/socket.io/?EIO=4&transport=websocket", timeout=5)
    assert raw.recv().startswith("0{")
    raw.send("40" + json.dumps({"token": world.eve["token"]}))
    garbage = ['42[', '4', '49', '42["typing",{"channelId":', '45-[]', '42[1,2,3]', '4{}', '42"x"', '9', '42["typing"]',
               '42["typing",null]', '42["leave_channel"]', '42["send_message",{"channelId":{"$ne":null}}]', '42["join_channel",[]]']
    try:
        for _ in range(50):
            for packet in garbage:
                raw.send(packet)
    except Exception:
        pass  # the server may close this connection: that is its right
    raw.close()

    # Garbage over long-polling too, on a session of its own.
    handshake = requests.get(BASE_URL + "/socket.io/?EIO=4&transport=polling", timeout=5).text
    sid = json.loads(handshake[1:])["sid"]
    for body in ["42[", "\x1e\x1e", "4" * 1000, "b" + "!" * 100]:
        response = requests.post(BASE_URL + f"/socket.io/?EIO=4&transport=polling&sid={sid}", data=body, timeout=5)
        assert response.status_code < 500

    ack = alice.call("send_message", {"channelId": world.channel_id, "text": "still standing"}, timeout=10)
    assert ack["success"] is True
    wait_for(bob, "new_message", lambda p: p["message"]["text"] == "still standing")
    assert requests.get(BASE_URL + "/health", timeout=5).status_code == 200
