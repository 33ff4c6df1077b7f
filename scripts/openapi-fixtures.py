#!/usr/bin/env python3
"""Signs in the three callers scripts/test-openapi fuzzes as and prints `role token` lines.

super_admin: the account PARLEY_ADMIN_* created. user: a fresh registration. group_admin: a
fresh registration given the group_admin role, added to a group the super_admin creates and
promoted to that group's admins.
"""
import json
import sys
import urllib.request

base, admin_name, admin_password = sys.argv[1:4]


def call(method, path, body=None, token=None):
    request = urllib.request.Request(base + path, method=method, data=json.dumps(body).encode() if body is not None else None)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def register(name):
    data = call("POST", "/api/auth/register", {"username": name, "email": f"{name}@example.com", "password": "password123"})
    return data["data"]["user"]["_id"], data["data"]["accessToken"]


root = call("POST", "/api/auth/login", {"username": admin_name, "password": admin_password})["data"]["accessToken"]
_, user = register("st-user")
admin_id, group_admin = register("st-group-admin")
group = call("POST", "/api/groups", {"name": "schemathesis", "description": "fuzzing fixtures"}, token=root)["data"]["_id"]
call("POST", f"/api/groups/{group}/members", {"userId": admin_id}, token=root)
call("POST", f"/api/groups/{group}/admins", {"userId": admin_id}, token=root)
call("PUT", f"/api/users/{admin_id}", {"roles": ["group_admin"]}, token=root)
call("POST", f"/api/groups/{group}/members", {"userId": register("st-member")[0]}, token=root)

# Something to find: the plain user is a member of the group and writes in its general channel,
# the group admin replies and reacts, a call rings, and a join request waits in a private group.
user_id = call("GET", "/api/auth/me", token=user)["data"]["_id"]
call("POST", f"/api/groups/{group}/members", {"userId": user_id}, token=root)
channel = call("GET", f"/api/channels/group/{group}", token=root)["data"][0]["_id"]
message = call("POST", "/api/messages", {"channelId": channel, "text": "hello from the fixtures"}, token=user)["data"]["_id"]
call("POST", f"/api/messages/{message}/replies", {"text": "a reply"}, token=group_admin)
call("POST", f"/api/messages/{message}/reactions", {"reaction": "👍"}, token=group_admin)
call("POST", "/api/video-calls", {"receiverId": user_id, "channelId": channel, "callType": "video"}, token=group_admin)
private = call("POST", "/api/groups", {"name": "schemathesis-private", "isPrivate": True}, token=root)["data"]["_id"]
call("POST", f"/api/groups/{private}/join", {"message": "let me in"}, token=user)
print("user", user)
print("group_admin", group_admin)
print("super_admin", root)
