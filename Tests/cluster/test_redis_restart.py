"""Redis crashing and coming back: nodes keep serving their own sockets meanwhile, report
`redis: down` in /health, and chat across nodes resumes without restarting any node."""
from conftest import wait_until


def test_chat_resumes_after_redis_restarts(cluster, connect):
    a, b, c = cluster.nodes
    alice, bob, carol = (cluster.create_user(name) for name in ("alice", "bob", "carol"))
    _, channel_id = cluster.create_group([alice, bob, carol])
    alice_a, carol_a, bob_b = connect(a, alice), connect(a, carol), connect(b, bob)

    cluster.stop_redis()
    try:
        for node in cluster.nodes:
            wait_until(lambda: cluster.health(node)["redis"] == "down", timeout=10, what=f"{node} to report redis down")
        # Node A still serves its own sockets.
        ack = alice_a.call("send_message", {"channelId": channel_id, "text": "while redis is down"})
        assert ack["success"] is True
        carol_a.wait_for("new_message", lambda p: p["message"]["text"] == "while redis is down")
    finally:
        cluster.start_redis()

    for node in cluster.nodes:
        wait_until(lambda: cluster.health(node)["redis"] == "up", timeout=15, what=f"{node} to report redis up again")
    ack = alice_a.call("send_message", {"channelId": channel_id, "text": "after the restart"})
    assert ack["success"] is True
    bob_b.wait_for("new_message", lambda p: p["message"]["text"] == "after the restart")
    assert not alice_a.disconnected and not bob_b.disconnected


def test_a_membership_change_made_while_redis_was_down_applies_after_it_returns(cluster, connect):
    a, b, c = cluster.nodes
    alice, dave = cluster.create_user("alice"), cluster.create_user("dave")
    group_id, channel_id = cluster.create_group([alice])
    dave_b = connect(b, dave)

    cluster.stop_redis()
    try:
        wait_until(lambda: cluster.health(a)["redis"] == "down", timeout=10, what="A to report redis down")
        # B never hears of this event: Redis is down. It resynchronises once it resubscribes.
        cluster.add_member(group_id, dave, node=a)
    finally:
        cluster.start_redis()
    for node in cluster.nodes:
        wait_until(lambda: cluster.health(node)["redis"] == "up", timeout=15, what=f"{node} to report redis up again")

    def delivered():
        cluster.call(c, "POST", "/api/messages", alice["token"], {"channelId": channel_id, "text": "dave, welcome"}, expect=201)
        try:
            dave_b.wait_for("new_message", lambda p: p["message"]["text"] == "dave, welcome", timeout=1)
            return True
        except AssertionError:
            return False

    wait_until(delivered, timeout=10, what="dave's socket on B to get the group's messages", interval=0)
    assert not dave_b.disconnected
