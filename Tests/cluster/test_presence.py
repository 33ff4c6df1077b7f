"""Presence and typing across nodes: a user is online while any of their sockets on any node
is; get_online_users and online_users_count are the cluster's."""
import time


def online_ids(recorder):
    recorder.events.clear()
    recorder.emit("get_online_users", {})
    return {user["userId"]: user for user in recorder.wait_for("online_users")}


def test_a_user_is_online_while_any_socket_on_any_node_is(cluster, connect):
    a, b, c = cluster.nodes
    alice, bob, outsider = cluster.create_user("alice"), cluster.create_user("bob"), cluster.create_user("out")
    cluster.create_group([alice, bob])
    alice_a = connect(a, alice)
    connect(c, outsider)
    bob_b = connect(b, bob)
    alice_a.wait_for("user_presence_update", lambda p: p["userId"] == bob["id"] and p["isOnline"])
    seen = online_ids(alice_a)
    assert bob["id"] in seen and alice["id"] in seen
    assert outsider["id"] not in seen, "no shared group: not visible"

    # A second socket on C, then the one on B closes: still online, no offline notice.
    bob_c = connect(c, bob)
    time.sleep(0.5)
    bob_b.close()
    time.sleep(1.0)
    assert not alice_a.named("user_presence_update", lambda p: p["userId"] == bob["id"] and not p["isOnline"])
    assert bob["id"] in online_ids(alice_a)
    bob_c.close()
    alice_a.wait_for("user_presence_update", lambda p: p["userId"] == bob["id"] and not p["isOnline"])
    assert bob["id"] not in online_ids(alice_a)


def test_the_online_count_is_the_clusters(cluster, connect):
    a, b, c = cluster.nodes
    users = [cluster.create_user("count") for _ in range(3)]
    first = connect(a, users[0])
    before = first.wait_for("online_users_count")["count"]
    connect(b, users[1])
    connect(c, users[2])
    first.wait_for("online_users_count", lambda p: p["count"] >= before + 2)
    late = connect(b, cluster.create_user("late"))
    assert late.wait_for("online_users_count")["count"] >= before + 3


def test_typing_reaches_the_channel_on_other_nodes(cluster, connect):
    a, b, c = cluster.nodes
    alice, bob = cluster.create_user("typer"), cluster.create_user("reader")
    _, channel_id = cluster.create_group([alice, bob])
    alice_a, bob_c = connect(a, alice), connect(c, bob)
    alice_a.emit("typing", {"channelId": channel_id, "isTyping": True})
    notice = bob_c.wait_for("user_typing", lambda p: p["isTyping"])
    assert notice["userId"] == alice["id"] and notice["channelId"] == channel_id
    alice_a.emit("stop_typing", {"channelId": channel_id})
    bob_c.wait_for("user_stop_typing", lambda p: p["userId"] == alice["id"])
