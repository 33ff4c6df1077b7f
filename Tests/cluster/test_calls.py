"""A call placed and answered over sockets on different nodes: signaling reaches exactly the
socket that answered, wherever it is."""
import time


def test_offer_answer_and_ice_reach_the_answering_socket_on_another_node(cluster, connect):
    a, b, c = cluster.nodes
    ivan, judy = cluster.create_user("ivan"), cluster.create_user("judy")
    _, channel_id = cluster.create_group([ivan, judy])
    ivan_b = connect(b, ivan)
    judy_c, judy_a = connect(c, judy), connect(a, judy)

    placed = ivan_b.call("video_call_initiate", {"recipientId": judy["id"], "channelId": channel_id})
    assert placed["success"], placed
    call_id = placed["callId"]
    judy_c.wait_for("video_call_incoming", lambda p: p["_id"] == call_id)
    judy_a.wait_for("video_call_incoming", lambda p: p["_id"] == call_id)
    assert judy_c.call("video_call_accept", {"callId": call_id})["success"]

    ivan_b.emit("video_call_offer", {"callId": call_id, "offer": {"type": "offer", "sdp": "v=0"}})
    offer = judy_c.wait_for("video_call_offer")
    assert offer["from"] == ivan["id"] and offer["offer"]["sdp"] == "v=0"
    judy_c.emit("video_call_answer", {"callId": call_id, "answer": {"type": "answer", "sdp": "v=0"}})
    ivan_b.wait_for("video_call_answer", lambda p: p["from"] == judy["id"])
    judy_c.emit("video_call_ice_candidate", {"callId": call_id, "candidate": {"candidate": "c1"}})
    ivan_b.wait_for("video_call_ice_candidate", lambda p: p["candidate"]["candidate"] == "c1")
    time.sleep(1.0)
    assert not judy_a.named("video_call_offer"), "only the socket that answered hears the offer"
    assert len(judy_c.named("video_call_offer")) == 1

    assert ivan_b.call("video_call_end", {"callId": call_id})["success"]
    judy_c.wait_for("video_call_ended", lambda p: p["callId"] == call_id)


def test_video_room_participants_are_the_clusters(cluster, connect):
    a, b, c = cluster.nodes
    ann, ben = cluster.create_user("ann"), cluster.create_user("ben")
    _, channel_id = cluster.create_group([ann, ben])
    ann_a, ben_b = connect(a, ann), connect(b, ben)
    room = f"room_{channel_id}"
    ann_peer, ben_peer = f"{ann['id']}_cam", f"{ben['id']}_cam"
    assert ann_a.call("join_video_room", {"roomId": room, "peerId": ann_peer})["participants"] == []
    joined = ben_b.call("join_video_room", {"roomId": room, "peerId": ben_peer})
    assert joined["participants"] == [ann_peer]
    ann_a.wait_for("peer_joined_room", lambda p: p["peerId"] == ben_peer)
    ben_b.close()
    ann_a.wait_for("peer_left_room", lambda p: p["peerId"] == ben_peer)
