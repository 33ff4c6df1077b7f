"""PeerJS signaling between two users of one video room whose PeerJS clients are connected to
different nodes: OFFER, ANSWER and CANDIDATE cross, src is the sender's id, and a peer outside
the room gets nothing through."""
import json
import threading
import uuid

import websocket

from conftest import wait_until


class PeerClient:
    """A PeerJS client's signaling WebSocket, recording every message it receives."""

    def __init__(self, node, peer_id):
        ws_url = node.url.replace("http://", "ws://")
        self.ws = websocket.create_connection(
            f"{ws_url}/peerjs/peerjs?key=peerjs&id={peer_id}&token={uuid.uuid4().hex}&version=1.5.5", timeout=10)
        self.messages = []
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self):
        try:
            while True:
                text = self.ws.recv()
                if not text:
                    return
                self.messages.append(json.loads(text))
        except Exception:
            return

    def send(self, message):
        self.ws.send(json.dumps(message))

    def named(self, kind):
        return [m for m in list(self.messages) if m.get("type") == kind]

    def wait_for(self, kind, timeout=10):
        wait_until(lambda: self.named(kind), timeout=timeout, what=f"PeerJS {kind}")
        return self.named(kind)[0]

    def close(self):
        self.ws.close()


def test_peerjs_signaling_crosses_nodes_within_a_video_room(cluster, connect):
    a, b, _ = cluster.nodes
    ann, ben, eve = cluster.create_user("pann"), cluster.create_user("pben"), cluster.create_user("peve")
    _, channel_id = cluster.create_group([ann, ben])
    _, eve_channel_id = cluster.create_group([eve])
    ann_peer, ben_peer, eve_peer = (f"{u['id']}_1700000000000_{uuid.uuid4().hex[:6]}" for u in (ann, ben, eve))
    clients = []
    try:
        ann_peer_client, ben_peer_client, eve_peer_client = PeerClient(a, ann_peer), PeerClient(b, ben_peer), PeerClient(a, eve_peer)
        clients = [ann_peer_client, ben_peer_client, eve_peer_client]
        for client in clients:
            client.wait_for("OPEN")
        # Registered in the room through sockets on the other node than their PeerJS client.
        room = f"room_{channel_id}"
        assert connect(b, ann).call("join_video_room", {"roomId": room, "peerId": ann_peer})["success"]
        assert connect(a, ben).call("join_video_room", {"roomId": room, "peerId": ben_peer})["success"]
        assert connect(b, eve).call("join_video_room", {"roomId": f"room_{eve_channel_id}", "peerId": eve_peer})["success"]

        ann_peer_client.send({"type": "OFFER", "dst": ben_peer, "src": "forged", "payload": {"sdp": {"type": "offer", "sdp": "v=0"}, "connectionId": "mc_1"}})
        offer = ben_peer_client.wait_for("OFFER")
        assert offer["src"] == ann_peer and offer["payload"]["connectionId"] == "mc_1"
        ben_peer_client.send({"type": "ANSWER", "dst": ann_peer, "payload": {"sdp": {"type": "answer", "sdp": "v=0"}, "connectionId": "mc_1"}})
        assert ann_peer_client.wait_for("ANSWER")["src"] == ben_peer
        ann_peer_client.send({"type": "CANDIDATE", "dst": ben_peer, "payload": {"candidate": {"candidate": "c1"}}})
        ben_peer_client.send({"type": "CANDIDATE", "dst": ann_peer, "payload": {"candidate": {"candidate": "c2"}}})
        assert ben_peer_client.wait_for("CANDIDATE")["payload"]["candidate"]["candidate"] == "c1"
        assert ann_peer_client.wait_for("CANDIDATE")["payload"]["candidate"]["candidate"] == "c2"

        # Eve is in another room: her offer to Ben is answered with EXPIRE and never arrives.
        eve_peer_client.send({"type": "OFFER", "dst": ben_peer, "payload": {"sdp": "x"}})
        assert eve_peer_client.wait_for("EXPIRE")["src"] == ben_peer
        assert len(ben_peer_client.named("OFFER")) == 1
    finally:
        for client in clients:
            client.close()
