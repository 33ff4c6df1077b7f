"""Call state made over REST on one node reaches both parties' sockets on the other nodes once:
every node delivers the call event to its own sockets."""
import time


def test_call_state_changes_reach_both_parties_on_other_nodes_once(cluster, connect):
    a, b, c = cluster.nodes
    ivan, judy = cluster.create_user("ivan"), cluster.create_user("judy")
    _, channel_id = cluster.create_group([ivan, judy])
    ivan_b, judy_c = connect(b, ivan), connect(c, judy)

    created = cluster.call(a, "POST", "/api/video-calls", ivan["token"], {"receiverId": judy["id"], "channelId": channel_id}, expect=201)
    call_id = created.json()["data"]["_id"]
    judy_c.wait_for("video_call_incoming", lambda p: p["_id"] == call_id)
    ivan_b.wait_for("video_call_initiated", lambda p: p["callId"] == call_id)

    cluster.call(a, "POST", f"/api/video-calls/{call_id}/answer", judy["token"], {}, expect=200)
    for party in (ivan_b, judy_c):
        party.wait_for("video_call_accepted", lambda p: p["callId"] == call_id)
    cluster.call(c, "POST", f"/api/video-calls/{call_id}/end", ivan["token"], {}, expect=200)
    for party in (ivan_b, judy_c):
        party.wait_for("video_call_ended", lambda p: p["callId"] == call_id)

    time.sleep(1.0)
    assert len(judy_c.named("video_call_incoming")) == 1
    assert len(ivan_b.named("video_call_initiated")) == 1
    for party in (ivan_b, judy_c):
        assert len(party.named("video_call_accepted")) == 1, party.node
        assert len(party.named("video_call_ended")) == 1, party.node
