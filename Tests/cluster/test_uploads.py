"""Uploads in a cluster: a file uploaded through one node is stored in the database's GridFS
bucket, so every node serves it with the same bytes, headers and ranges, and a delete through
any node removes it everywhere."""
import requests


def test_a_file_uploaded_through_a_is_served_by_b_and_c_and_deleted_everywhere(cluster):
    a, b, c = cluster.nodes
    owner = cluster.create_user("uploader", node=a)
    content = b"".join(b"Minutes line %d: the cluster shares its files.\n" % index for index in range(12000))
    headers = {"Authorization": f"Bearer {owner['token']}"}
    uploaded = requests.post(
        a.url + "/api/upload/file", headers=headers, files={"file": ("minutes.txt", content, "text/plain")}, timeout=15)
    assert uploaded.status_code == 200, uploaded.text
    name = uploaded.json()["data"]["filename"]

    answers = {node.id: requests.get(f"{node.url}/uploads/files/{name}", timeout=15) for node in (a, b, c)}
    for node_id, answer in answers.items():
        assert answer.status_code == 200, node_id
        assert answer.content == content, node_id
    for header in ["Content-Type", "Content-Length", "ETag", "Last-Modified", "Content-Disposition", "Accept-Ranges"]:
        assert {answer.headers.get(header) for answer in answers.values()} == {answers[a.id].headers.get(header)}, header

    part = requests.get(f"{c.url}/uploads/files/{name}", headers={"Range": "bytes=100000-100049"}, timeout=15)
    assert part.status_code == 206
    assert part.content == content[100000:100050]

    # Another user may not delete it, on any node.
    stranger = cluster.create_user("stranger", node=b)
    refused = requests.delete(f"{b.url}/api/upload/{name}", headers={"Authorization": f"Bearer {stranger['token']}"}, timeout=15)
    assert refused.status_code in (403, 404), refused.text
    assert requests.get(f"{a.url}/uploads/files/{name}", timeout=15).status_code == 200

    deleted = requests.delete(f"{b.url}/api/upload/{name}", headers=headers, timeout=15)
    assert deleted.status_code == 200, deleted.text
    for node in (a, b, c):
        assert requests.get(f"{node.url}/uploads/files/{name}", timeout=15).status_code == 404, node
