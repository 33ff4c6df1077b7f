"""Failed logins count toward one limit however they are spread over the nodes."""


def test_failed_logins_on_several_nodes_lock_the_account_everywhere(cluster):
    a, b, c = cluster.nodes
    victim = cluster.create_user("victim")
    wrong = {"username": victim["username"], "password": "not-the-password"}
    for node in (a, b, c, a, b):
        assert cluster.call(node, "POST", "/api/auth/login", json=wrong).status_code == 401
    refused = cluster.call(c, "POST", "/api/auth/login", json={"username": victim["username"], "password": "password123"})
    assert refused.status_code == 429, refused.text
    assert int(refused.headers["Retry-After"]) > 0
