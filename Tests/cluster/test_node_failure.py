"""kill -9 of a node: its users go offline on the others within the stated bound (15 s), the
others keep chatting, and the node restarts and rejoins."""
import time

BOUND = 15


def test_a_killed_nodes_users_go_offline_elsewhere_and_it_rejoins(cluster, connect):
    a, b, c = cluster.nodes
    ann, ben, cat = cluster.create_user("ann"), cluster.create_user("ben"), cluster.create_user("cat")
    _, channel_id = cluster.create_group([ann, ben, cat])
    ann_a, cat_c = connect(a, ann), connect(c, cat)
    connect(b, ben)
    ann_a.wait_for("user_presence_update", lambda p: p["userId"] == ben["id"] and p["isOnline"])

    cluster.kill_node(b)
    killed = time.monotonic()
    try:
        for watcher in (ann_a, cat_c):
            watcher.wait_for("user_presence_update", lambda p: p["userId"] == ben["id"] and not p["isOnline"], timeout=BOUND + 2)
        assert time.monotonic() - killed <= BOUND + 1
        time.sleep(1.0)
        for watcher in (ann_a, cat_c):
            offline = watcher.named("user_presence_update", lambda p: p["userId"] == ben["id"] and not p["isOnline"])
            assert len(offline) == 1, "one node announced it, once"
        ann_a.events.clear()
        ann_a.emit("get_online_users", {})
        assert ben["id"] not in {user["userId"] for user in ann_a.wait_for("online_users")}

        ack = ann_a.call("send_message", {"channelId": channel_id, "text": "still here"})
        assert ack["success"], ack
        cat_c.wait_for("new_message", lambda p: p["message"]["text"] == "still here")
    finally:
        cluster.start_node(b)

    ann_a.events.clear()
    ben_b = connect(b, ben)
    ann_a.wait_for("user_presence_update", lambda p: p["userId"] == ben["id"] and p["isOnline"])
    ack = ben_b.call("send_message", {"channelId": channel_id, "text": "back"})
    assert ack["success"], ack
    cat_c.wait_for("new_message", lambda p: p["message"]["text"] == "back")
