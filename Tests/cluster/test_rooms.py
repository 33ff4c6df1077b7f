"""Rooms and domain events across three nodes: whatever node a change is made on, members'
sockets on every node hear it exactly once, and outsiders hear nothing."""
import time

from conftest import wait_until


def texts(recorder, event="new_message"):
    return [payload["message"]["text"] for payload in recorder.named(event)]


def settle():
    # Long enough for a duplicate relayed through Redis to arrive, if there were one.
    time.sleep(1.0)


def test_a_message_reaches_members_on_every_node_exactly_once(cluster, connect):
    a, b, c = cluster.nodes
    alice, bob, carol, eve = (cluster.create_user(name) for name in ("alice", "bob", "carol", "eve"))
    _, channel_id = cluster.create_group([alice, bob, carol])
    # Carol and Eve on long-polling: the relay does not depend on the transport.
    on_a, on_b, on_c = connect(a, alice), connect(b, bob), connect(c, carol, transports=["polling"])
    outsider = connect(c, eve, transports=["polling"])

    cluster.call(a, "POST", "/api/messages", alice["token"], {"channelId": channel_id, "text": "over REST on A"}, expect=201)
    for member in (on_a, on_b, on_c):
        member.wait_for("new_message", lambda p: p["message"]["text"] == "over REST on A")

    ack = on_b.call("send_message", {"channelId": channel_id, "text": "over a socket on B"})
    assert ack["success"] is True
    for member in (on_a, on_b, on_c):
        member.wait_for("new_message", lambda p: p["message"]["text"] == "over a socket on B")

    settle()
    for member in (on_a, on_b, on_c):
        assert sorted(texts(member)) == ["over REST on A", "over a socket on B"], member.node
    assert outsider.named("new_message") == []


def test_edits_reactions_and_deletes_made_on_any_node_reach_every_node(cluster, connect):
    a, b, c = cluster.nodes
    alice, bob, carol = (cluster.create_user(name) for name in ("alice", "bob", "carol"))
    _, channel_id = cluster.create_group([alice, bob, carol])
    listeners = [connect(a, alice), connect(b, bob), connect(c, carol)]

    posted = cluster.call(a, "POST", "/api/messages", alice["token"], {"channelId": channel_id, "text": "to be edited"}, expect=201)
    message_id = posted.json()["data"]["_id"]
    cluster.call(c, "PUT", f"/api/messages/{message_id}", alice["token"], {"text": "edited on C"}, expect=200)
    cluster.call(b, "POST", f"/api/messages/{message_id}/reactions", bob["token"], {"reaction": "👍"})
    cluster.call(a, "DELETE", f"/api/messages/{message_id}", alice["token"], expect=200)

    for listener in listeners:
        edited = listener.wait_for("message_edited", lambda p: p["message"]["_id"] == message_id)
        assert edited["message"]["text"] == "edited on C"
        reaction = listener.wait_for("message_reaction", lambda p: p["messageId"] == message_id)
        assert reaction["userId"] == bob["id"] and reaction["action"] == "added"
        listener.wait_for("message_deleted", lambda p: p["messageId"] == message_id)
    settle()
    for listener in listeners:
        assert len(listener.named("message_edited")) == 1, listener.node
        assert len(listener.named("message_reaction")) == 1, listener.node
        assert len(listener.named("message_deleted")) == 1, listener.node


def test_a_user_added_on_one_node_hears_the_group_on_their_socket_on_another(cluster, connect):
    a, b, c = cluster.nodes
    alice, dave = cluster.create_user("alice"), cluster.create_user("dave")
    group_id, channel_id = cluster.create_group([alice])
    on_b = connect(b, dave)

    cluster.call(c, "POST", "/api/messages", alice["token"], {"channelId": channel_id, "text": "before dave"}, expect=201)
    cluster.add_member(group_id, dave, node=a)
    # The membership event reaches B and B joins dave's socket to the group's rooms: no reconnect.
    time.sleep(0.5)
    cluster.call(c, "POST", "/api/messages", alice["token"], {"channelId": channel_id, "text": "after dave joined"}, expect=201)
    on_b.wait_for("new_message", lambda p: p["message"]["text"] == "after dave joined")
    settle()
    assert texts(on_b) == ["after dave joined"]


def test_a_deactivated_user_is_disconnected_on_every_node(cluster, connect):
    a, b, c = cluster.nodes
    frank, grace = cluster.create_user("frank"), cluster.create_user("grace")
    cluster.create_group([frank, grace])
    sockets = [connect(node, frank) for node in (a, b, c)]
    bystander = connect(c, grace)

    cluster.call(b, "PUT", f"/api/users/{frank['id']}/status", cluster.admin_token, {"isActive": False}, expect=200)
    wait_until(lambda: all(socket.disconnected for socket in sockets), timeout=10, what="frank's sockets to be disconnected")
    assert not bystander.disconnected


def test_every_node_reports_redis_up(cluster):
    for node in cluster.nodes:
        health = cluster.health(node)
        assert health["redis"] == "up", node
        assert health["database"]["engine"] == "mongodb"


def test_a_session_signed_out_on_one_node_is_refused_on_the_others_at_once(cluster, connect):
    a, b, c = cluster.nodes
    henry = cluster.create_user("henry")
    # B and C have seen the session live (and may cache that for a few seconds).
    for node in (b, c):
        cluster.call(node, "GET", "/api/auth/me", henry["token"], expect=200)
    socket_c = connect(c, henry)

    cluster.call(a, "POST", "/api/auth/logout", henry["token"], {"refreshToken": henry["refresh"]}, expect=200)
    # Well inside the nodes' 5 s session cache: the revocation event, not the cache's age, does it.
    for node in (b, c):
        wait_until(lambda: cluster.call(node, "GET", "/api/auth/me", henry["token"]).status_code == 401,
                   timeout=2, what=f"{node} to refuse the signed-out session", interval=0.05)
    wait_until(lambda: socket_c.disconnected, timeout=5, what="henry's socket on C to be disconnected")
