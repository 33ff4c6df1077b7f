#!/usr/bin/env python3
"""Writes Sources/ParleyServer/Resources/openapi.json, the OpenAPI 3.1 document of the REST API.

The route table below mirrors Sources/ParleyServer/Routes/*.swift; OpenAPIDocumentTests fails
when the two differ (a registered route missing here, or a route here that is not registered).
Run `scripts/openapi-document.py` after changing a route, a request field or a view, and commit
the regenerated JSON with the change. `--check` only reports whether the file is current.
"""
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "Sources/ParleyServer/Resources/openapi.json"


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def nullable(schema_type):
    return {"type": [schema_type, "null"]}


def array(items):
    return {"type": "array", "items": items}


def obj(properties=None, required=(), additional=True):
    schema = {"type": "object"}
    if properties:
        schema["properties"] = properties
    if required:
        schema["required"] = list(required)
    if additional is not True:
        schema["additionalProperties"] = additional
    return schema


STRING = {"type": "string"}
INT = {"type": "integer"}
NUMBER = {"type": "number"}
BOOL = {"type": "boolean"}
ANY = {}
DATE = {"type": "string", "format": "date-time"}
NULLABLE_DATE = {"type": ["string", "null"], "format": "date-time"}
ID = ref("ObjectId")
NULLABLE_STRINGS = {"type": ["array", "null"], "items": STRING}
COUNTS = obj(additional=INT)


def paged(key, item, extra=()):
    props = {key: array(item), "total": INT, "page": INT, "pages": INT, "limit": INT}
    for name in extra:
        props[name] = INT
    return obj(props, required=[key, "total", "page", "pages", "limit", *extra])


SCHEMAS = {
    "ObjectId": {"type": "string", "pattern": "^[0-9a-f]{24}$", "description": "24 lowercase hex digits"},
    "Error": obj(
        {
            "success": {"const": False},
            "status": {"const": "error"},
            "message": STRING,
            "code": STRING,
            "statusCode": INT,
            "errors": array(obj({"field": STRING, "message": STRING}, required=["message"])),
        },
        required=["success", "status", "message", "code"],
    ),
    "MessageEnvelope": obj({"success": {"const": True}, "message": STRING}, required=["success", "message"]),
    "User": obj(
        {
            "_id": ID, "username": STRING, "email": STRING, "roles": array({"enum": ["super_admin", "group_admin", "user"]}),
            "groups": array(ID), "isActive": BOOL, "createdAt": DATE, "updatedAt": DATE, "lastLogin": DATE,
            "avatar": nullable("string"), "bio": nullable("string"), "phone": nullable("string"), "address": nullable("string"),
        },
        required=["_id", "username", "roles", "groups", "isActive", "createdAt", "updatedAt", "avatar", "bio"],
    ),
    "ClientProfile": obj(
        {"_id": ID, "username": STRING, "email": STRING, "avatarUrl": nullable("string"), "avatar": nullable("string"),
         "roles": array(STRING), "groups": array(ID), "isActive": BOOL, "createdAt": DATE, "updatedAt": DATE},
        required=["_id", "username", "roles", "groups", "isActive"],
    ),
    "AuthResult": obj(
        {"user": ref("User"), "accessToken": STRING, "refreshToken": STRING, "token": STRING, "expiresIn": INT},
        required=["user", "accessToken", "refreshToken", "token", "expiresIn"],
    ),
    "GroupMember": obj(
        {"userId": ID, "username": STRING, "role": STRING, "joinedAt": DATE}, required=["userId", "username", "role", "joinedAt"]),
    "Group": obj(
        {
            "_id": ID, "name": STRING, "description": STRING, "category": STRING, "members": array(ref("GroupMember")),
            "admins": array(ID), "isActive": BOOL, "status": STRING, "isPrivate": BOOL, "maxMembers": nullable("integer"),
            "createdAt": DATE, "updatedAt": DATE, "createdBy": ID, "avatar": nullable("string"), "tags": NULLABLE_STRINGS,
            "rules": NULLABLE_STRINGS, "memberCount": INT, "isArchived": BOOL, "archivedAt": NULLABLE_DATE,
        },
        required=["_id", "name", "members", "admins", "isActive", "isPrivate", "createdAt", "createdBy", "memberCount"],
    ),
    "GroupSummary": obj(
        {"_id": ID, "name": STRING, "description": STRING, "category": STRING, "members": array(ref("GroupMember")),
         "admins": array(ID), "isActive": BOOL, "createdAt": DATE, "updatedAt": DATE},
        required=["_id", "name", "members", "admins", "isActive"],
    ),
    "Channel": obj(
        {
            "_id": ID, "name": STRING, "description": STRING, "groupId": ID, "type": STRING, "isActive": BOOL,
            "isPrivate": BOOL, "members": array(ID), "admins": array(ID), "createdAt": DATE, "updatedAt": DATE,
            "createdBy": ID, "maxMembers": nullable("integer"), "settings": obj(), "memberCount": INT, "isArchived": BOOL,
            "archivedAt": NULLABLE_DATE,
        },
        required=["_id", "name", "groupId", "type", "isActive", "isPrivate", "members", "createdAt"],
    ),
    "Message": obj(
        {
            "_id": ID, "channelId": ID, "groupId": ID, "userId": ID, "username": STRING, "text": nullable("string"),
            "fileUrl": nullable("string"), "imageUrl": nullable("string"), "type": STRING, "isEdited": BOOL,
            "isDeleted": BOOL, "editedAt": DATE, "deletedAt": DATE, "createdAt": DATE, "updatedAt": DATE, "replyTo": ID,
            "mentions": array(ID), "tags": NULLABLE_STRINGS, "replyCount": INT, "lastReplyAt": NULLABLE_DATE,
            "attachment": {"type": ["object", "null"]}, "fileName": nullable("string"), "fileSize": nullable("integer"),
            "isReply": BOOL, "originalMessageId": ID,
        },
        required=["_id", "channelId", "userId", "username", "text", "type", "isEdited", "isDeleted", "createdAt"],
    ),
    "Reply": obj(
        {
            "_id": ID, "originalMessageId": {"anyOf": [ID, {"type": "null"}]}, "replyMessageId": ID, "channelId": ID,
            "userId": ID, "username": STRING, "text": nullable("string"), "type": STRING, "imageUrl": nullable("string"),
            "fileUrl": nullable("string"), "fileName": nullable("string"), "fileSize": nullable("integer"),
            "isEdited": BOOL, "isDeleted": BOOL, "createdAt": DATE, "updatedAt": DATE,
        },
        required=["_id", "replyMessageId", "channelId", "userId", "username", "text", "createdAt"],
    ),
    "MessageEdit": obj(
        {"id": ID, "messageId": ID, "previousText": nullable("string"), "editedBy": ID, "editedAt": DATE},
        required=["messageId", "editedAt"]),
    "Reaction": obj(
        {"_id": ID, "messageId": ID, "userId": ID, "username": STRING, "reaction": STRING, "emoji": STRING,
         "createdAt": DATE, "updatedAt": DATE},
        required=["_id", "messageId", "userId", "reaction"],
    ),
    "ReactionSummary": obj(
        {"reactions": array(ref("Reaction")), "reactionCounts": COUNTS, "userReactions": obj(additional=array(STRING)),
         "totalReactions": INT},
        required=["reactions", "reactionCounts", "totalReactions"],
    ),
    "Notification": obj(
        {"_id": ID, "userId": ID, "type": STRING, "title": STRING, "message": STRING, "data": ANY, "isRead": BOOL,
         "createdAt": DATE, "readAt": NULLABLE_DATE},
        required=["_id", "userId", "type", "isRead", "createdAt"],
    ),
    "GroupRequest": obj(
        {
            "_id": ID, "userId": ID, "groupId": ID, "username": STRING, "userEmail": nullable("string"),
            "groupName": STRING, "requestType": STRING, "status": {"enum": ["pending", "approved", "rejected", "withdrawn"]},
            "requestedAt": DATE, "reviewedAt": NULLABLE_DATE, "reviewedBy": {"anyOf": [ID, {"type": "null"}]},
            "reviewerName": nullable("string"), "reason": nullable("string"), "message": nullable("string"),
        },
        required=["_id", "userId", "groupId", "requestType", "status"],
    ),
    "VideoCall": obj(
        {
            "_id": ID, "callId": STRING, "callerId": ID, "receiverId": ID, "callerName": STRING, "receiverName": STRING,
            "channelId": {"anyOf": [ID, {"type": "null"}]}, "status": STRING, "callType": STRING,
            "startTime": NULLABLE_DATE, "answerTime": NULLABLE_DATE, "endTime": NULLABLE_DATE,
            "duration": {"type": ["number", "null"]}, "createdAt": DATE, "updatedAt": DATE,
        },
        required=["_id", "callerId", "receiverId", "status"],
    ),
    "Activity": obj(
        {"_id": ID, "userId": {"anyOf": [ID, {"type": "null"}]}, "username": nullable("string"), "action": STRING,
         "targetType": nullable("string"), "targetId": nullable("string"), "details": ANY, "isAdministrative": BOOL,
         "createdAt": DATE, "timestamp": DATE},
        required=["_id", "action", "createdAt"],
    ),
    "Session": obj(
        {"_id": ID, "createdAt": DATE, "lastUsedAt": DATE, "expiresAt": DATE, "userAgent": nullable("string"),
         "ipAddress": nullable("string"), "current": BOOL},
        required=["_id", "createdAt", "expiresAt", "current"],
    ),
    "Upload": obj(
        {"avatarUrl": STRING, "imageUrl": STRING, "fileUrl": STRING, "thumbnailUrl": STRING, "filename": STRING,
         "originalName": STRING, "size": INT, "mimetype": STRING}),
    "MembershipCheck": obj({"isMember": BOOL, "isAdmin": BOOL, "role": nullable("string")}, required=["isMember", "isAdmin"]),
    "GroupStats": obj({"totalGroups": INT, "activeGroups": INT, "privateGroups": INT, "publicGroups": INT,
                       "archivedGroups": INT, "averageMembersPerGroup": NUMBER}, required=["totalGroups"]),
    "ChannelStats": obj({"totalChannels": INT, "activeChannels": INT, "textChannels": INT, "voiceChannels": INT,
                         "videoChannels": INT}, required=["totalChannels"]),
    "UserStats": obj({"totalUsers": INT, "activeUsers": INT, "newUsersThisWeek": INT, "superAdmins": INT,
                      "groupAdmins": INT, "inactiveUsers": INT, "deactivatedUsers": INT}, required=["totalUsers"]),
    "CallStats": obj({"totalCalls": INT, "acceptedCalls": INT, "rejectedCalls": INT, "missedCalls": INT,
                      "totalDuration": NUMBER, "averageDuration": NUMBER}, required=["totalCalls"]),
    "GroupRequestStats": obj({"totalRequests": INT, "pendingRequests": INT, "approvedRequests": INT,
                              "rejectedRequests": INT, "withdrawnRequests": INT}, required=["totalRequests"]),
}

# Paging shapes, as the original server sent them (COMPATIBILITY.md "List shapes").
SCHEMAS["GroupPage"] = paged("groups", ref("Group"))
SCHEMAS["UserPage"] = paged("users", ref("User"), extra=("totalPages",))
SCHEMAS["AdminUserPage"] = paged("users", ref("User"))
SCHEMAS["ChannelPage"] = paged("channels", ref("Channel"))
SCHEMAS["GroupRequestPage"] = paged("requests", ref("GroupRequest"))
SCHEMAS["ActivityPage"] = paged("logs", ref("Activity"))
SCHEMAS["MessageSearchPage"] = obj(
    {"messages": array(ref("Message")), "total": INT, "page": INT, "limit": INT, "totalPages": INT},
    required=["messages", "total", "page", "limit", "totalPages"])
SCHEMAS["ReplyPage"] = obj(
    {"replies": array(ref("Reply")), "pagination": obj({"page": INT, "limit": INT, "total": INT, "pages": INT},
                                                        required=["page", "limit", "total", "pages"])},
    required=["replies", "pagination"])
SCHEMAS["GroupWithChannels"] = {"allOf": [ref("Group"), obj({"channels": array(ref("Channel"))}, required=["channels"])]}

# ---- parameters -------------------------------------------------------------------------------

PAGE = [("page", INT), ("limit", INT)]
LIMIT_OFFSET = [("limit", {"type": "integer", "minimum": 1, "maximum": 100}), ("offset", {"type": "integer", "minimum": 0})]
QUERY_TEXT = [("q", STRING), ("query", STRING)]
ID_PARAMS = {"id", "userId", "groupId", "channelId", "requestId", "notificationId", "replyId", "sessionId"}


def path_parameters(path):
    params = []
    for name in re.findall(r"{(\w+)}", path):
        schema = ID if name in ID_PARAMS else STRING
        params.append({"name": name, "in": "path", "required": True, "schema": schema})
    return params


def body(properties, required=()):
    return obj(properties, required=required)


# ---- responses --------------------------------------------------------------------------------


def envelope(data):
    """The success envelope `{success: true, data, message?}`."""
    return obj({"success": {"const": True}, "data": data, "message": STRING}, required=["success", "data"])


def status_envelope(data):
    """The reactions and replies envelope `{success, message, data?, statusCode}`."""
    return obj({"success": {"const": True}, "message": STRING, "data": data, "statusCode": INT},
               required=["success", "message", "statusCode"])


def json_content(schema):
    return {"application/json": {"schema": schema}}


ERROR_TEXT = {
    "400": "Malformed JSON, a failed validation or an invalid id",
    "401": "Access token required, or invalid or expired",
    "403": "Insufficient permissions",
    "404": "No such resource (or route)",
    "409": "Duplicate (username, email, group name, channel name in a group) or a state conflict",
    "413": "Body or file too large",
    "415": "Refused file type",
    "429": "Rate limited (Retry-After)",
    "501": "Not available over the API",
    "503": "The store is unreachable",
}

# ---- the route table --------------------------------------------------------------------------

OPERATIONS = []


def route(method, path, data=None, *, tag, summary, status=200, auth=True, query=(), request=None,
          shape="envelope", errors=(), extra=None):
    """One operation. `data` is the success payload schema; `shape` picks the envelope."""
    OPERATIONS.append(dict(method=method, path=path, data=data, tag=tag, summary=summary, status=status, auth=auth,
                           query=query, request=request, shape=shape, errors=errors, extra=extra or {}))


# System
route("get", "/health", tag="System", summary="Liveness and store status", auth=False, shape="raw",
      data=obj({"status": STRING, "message": STRING, "timestamp": DATE, "environment": STRING,
                "database": obj({"engine": STRING, "status": STRING})},
               required=["status", "message", "timestamp", "environment"]),
      errors=("503",))
route("get", "/api", tag="System", summary="API index", auth=False, shape="raw",
      data=obj({"message": STRING, "version": STRING, "endpoints": obj(additional=STRING)},
               required=["message", "version", "endpoints"]))
route("get", "/api/openapi.json", tag="System", summary="This document", auth=False, shape="raw", data=obj(
    {"openapi": STRING}, required=["openapi", "paths"]))
# Added on branch `ops`; listed here so that the document is whole after the merge.
route("get", "/health/live", tag="System", summary="Liveness probe: the process answers", auth=False, shape="raw",
      data=obj({"status": STRING}, required=["status"]))
route("get", "/health/ready", tag="System", summary="Readiness probe: the store answers", auth=False, shape="raw",
      data=obj({"status": STRING}, required=["status"]), errors=("503",))
route("get", "/metrics", tag="System", summary="Prometheus metrics (text exposition format)", auth=False,
      shape="text")

# Auth
CREDENTIALS = body({"username": STRING, "email": STRING, "password": STRING}, required=["password"])
route("post", "/api/auth/register", ref("AuthResult"), tag="Auth", summary="Create an account", status=201, auth=False,
      request=body({"username": STRING, "email": STRING, "password": STRING, "confirmPassword": STRING},
                   required=["username", "email", "password"]), errors=("409", "429"))
route("post", "/api/auth/login", ref("AuthResult"), tag="Auth", summary="Sign in with username or email",
      auth=False, request=CREDENTIALS, errors=("401", "429"))
route("post", "/api/auth/refresh", ref("AuthResult"), tag="Auth", summary="New token pair from a refresh token",
      auth=False, request=body({"refreshToken": STRING}, required=["refreshToken"]), errors=("401",))
route("post", "/api/auth/logout", tag="Auth", summary="Revoke the refresh token's session", auth=False, shape="message",
      request=body({"refreshToken": STRING}))
route("get", "/api/auth/me", ref("User"), tag="Auth", summary="The signed-in user")
route("put", "/api/auth/change-password", ref("AuthResult"), tag="Auth",
      summary="Change the password (revokes every session, answers a new pair)",
      request=body({"currentPassword": STRING, "newPassword": STRING, "confirmPassword": STRING},
                   required=["currentPassword", "newPassword"]))

# Users
USER_PROFILE = {"username": STRING, "email": STRING, "avatar": nullable("string"), "bio": nullable("string"),
                "phone": nullable("string"), "address": nullable("string")}
route("get", "/api/users/{id}/avatar", obj({"avatar": nullable("string")}, required=["avatar"]), tag="Users",
      summary="A user's avatar URL (public)", auth=False)
route("get", "/api/users", ref("UserPage"), tag="Users", summary="List users (super_admin)",
      query=PAGE + [("search", STRING)])
route("post", "/api/users", ref("User"), tag="Users", summary="Create a user (super_admin)", status=201,
      request=body({**USER_PROFILE, "password": STRING, "roles": array(STRING), "isActive": BOOL},
                   required=["username", "email", "password"]), errors=("409",))
route("get", "/api/users/search", array(ref("User")), tag="Users", summary="Search users by name",
      query=QUERY_TEXT + [("search", STRING), ("limit", INT)])
route("get", "/api/users/stats", ref("UserStats"), tag="Users", summary="User counts")
route("get", "/api/users/{id}", ref("User"), tag="Users", summary="A user (private fields to self and admins)")
route("put", "/api/users/{id}", ref("User"), tag="Users", summary="Edit a user (self: profile; super_admin: also roles)",
      request=body({**USER_PROFILE, "roles": array(STRING), "isActive": BOOL}), errors=("409",))
route("delete", "/api/users/{id}", tag="Users", summary="Deactivate a user", shape="message")
route("get", "/api/users/{id}/groups", array(ref("GroupSummary")), tag="Users", summary="A user's groups")
route("put", "/api/users/{id}/status", ref("User"), tag="Users", summary="Set presence status or active flag",
      request=body({"status": STRING, "isActive": BOOL}))
route("get", "/api/users/{id}/activity", array(ref("Activity")), tag="Users", summary="A user's activity",
      query=LIMIT_OFFSET)

# Groups
GROUP_FIELDS = {"name": STRING, "description": STRING, "category": STRING, "status": STRING, "isPrivate": BOOL,
                "maxMembers": nullable("integer"), "avatar": nullable("string"), "tags": array(STRING),
                "rules": array(STRING)}
GROUP_QUERY = PAGE + [("search", STRING), ("status", STRING), ("category", STRING), ("isPrivate", BOOL),
                      ("includeArchived", BOOL), ("sortBy", STRING), ("sortOrder", {"enum": ["asc", "desc"]})]
route("get", "/api/groups", ref("GroupPage"), tag="Groups", summary="Groups, paged", query=GROUP_QUERY)
route("post", "/api/groups", ref("Group"), tag="Groups", summary="Create a group (with its general channel)",
      status=201, request=body(GROUP_FIELDS, required=["name"]), errors=("409",))
route("get", "/api/groups/my-groups", array(ref("GroupWithChannels")), tag="Groups",
      summary="The caller's groups with their channels")
route("get", "/api/groups/search", ref("GroupPage"), tag="Groups", summary="Search groups", query=QUERY_TEXT + GROUP_QUERY)
route("get", "/api/groups/stats", ref("GroupStats"), tag="Groups", summary="Group counts")
route("get", "/api/groups/{id}", ref("Group"), tag="Groups", summary="A group")
route("put", "/api/groups/{id}", ref("Group"), tag="Groups", summary="Edit a group (its admins, super_admin)",
      request=body({**GROUP_FIELDS, "isActive": BOOL, "tags": {"type": ["array", "null"], "items": STRING},
                    "rules": {"type": ["array", "null"], "items": STRING}}), errors=("409",))
route("delete", "/api/groups/{id}", tag="Groups", summary="Archive a group", shape="message")
route("post", "/api/groups/{id}/join", {"anyOf": [ref("Group"), ref("GroupRequest")]}, tag="Groups",
      summary="Join a public group (200) or request to join a private one (201)",
      request=body({"message": STRING}), errors=("409",), extra={"201": ref("GroupRequest")})
route("post", "/api/groups/{id}/leave", tag="Groups", summary="Leave a group", shape="message", errors=("409",))
route("get", "/api/groups/{id}/members", array(ref("GroupMember")), tag="Groups", summary="Members of a group")
route("post", "/api/groups/{id}/members", ref("Group"), tag="Groups", summary="Add a member",
      request=body({"userId": ID}, required=["userId"]), errors=("409",))
route("delete", "/api/groups/{id}/members/{userId}", ref("Group"), tag="Groups", summary="Remove a member", errors=("409",))
route("get", "/api/groups/{id}/members/{userId}/check", ref("MembershipCheck"), tag="Groups", summary="Is a user a member")
route("put", "/api/groups/{id}/members/{userId}/role", ref("Group"), tag="Groups", summary="Set a member's role",
      request=body({"role": {"enum": ["member", "admin"]}}, required=["role"]), errors=("409",))
route("post", "/api/groups/{id}/admins", ref("Group"), tag="Groups", summary="Make a member a group admin (super_admin)",
      request=body({"userId": ID}, required=["userId"]), errors=("409",))
route("delete", "/api/groups/{id}/admins/{userId}", ref("Group"), tag="Groups", summary="Remove a group admin (super_admin)",
      errors=("409",))
route("get", "/api/groups/{id}/admins/{userId}/check", ref("MembershipCheck"), tag="Groups", summary="Is a user an admin")

# Group requests
route("get", "/api/group-requests", ref("GroupRequestPage"), tag="GroupRequests", summary="Join requests the caller may see",
      query=PAGE + [("status", STRING), ("groupId", ID), ("requestType", STRING), ("search", STRING),
                    ("sortOrder", {"enum": ["asc", "desc"]})])
route("post", "/api/group-requests", ref("GroupRequest"), tag="GroupRequests", summary="Request to join a group",
      status=201, request=body({"groupId": ID, "requestType": STRING, "message": STRING}, required=["groupId"]),
      errors=("409",))
route("get", "/api/group-requests/stats", ref("GroupRequestStats"), tag="GroupRequests", summary="Request counts")
BULK = body({"requestIds": array(ID), "reason": STRING}, required=["requestIds"])
route("post", "/api/group-requests/bulk/approve", COUNTS, tag="GroupRequests", summary="Approve many", request=BULK)
route("post", "/api/group-requests/bulk/reject", COUNTS, tag="GroupRequests", summary="Reject many", request=BULK)
route("get", "/api/group-requests/{requestId}", ref("GroupRequest"), tag="GroupRequests", summary="A request")
route("delete", "/api/group-requests/{requestId}", tag="GroupRequests", summary="Withdraw or delete a request", shape="message")
route("post", "/api/group-requests/{requestId}/approve", ref("GroupRequest"), tag="GroupRequests", summary="Approve",
      request=body({"reason": STRING}), errors=("409",))
route("post", "/api/group-requests/{requestId}/reject", ref("GroupRequest"), tag="GroupRequests", summary="Reject",
      request=body({"reason": STRING}), errors=("409",))

# Channels
SETTINGS = obj({"slowMode": INT, "requireApproval": BOOL, "allowReactions": BOOL, "allowPolls": BOOL,
                "allowFileUploads": BOOL, "allowImageUploads": BOOL, "allowVideoUploads": BOOL, "maxFileSize": INT,
                "allowedFileTypes": array(STRING)})
CHANNEL_FIELDS = {"name": STRING, "description": STRING, "type": STRING, "isPrivate": BOOL, "settings": SETTINGS}
route("get", "/api/channels", array(ref("Channel")), tag="Channels", summary="Channels the caller can read",
      query=[("groupId", ID), ("search", STRING), ("type", STRING), ("channelType", STRING), ("isActive", BOOL)])
route("post", "/api/channels", ref("Channel"), tag="Channels", summary="Create a channel in a group", status=201,
      request=body({**CHANNEL_FIELDS, "groupId": ID, "maxMembers": INT}, required=["name", "groupId"]), errors=("409",))
route("get", "/api/channels/paginated", ref("ChannelPage"), tag="Channels", summary="Channels, paged",
      query=PAGE + [("groupId", ID), ("search", STRING)])
route("get", "/api/channels/search", array(ref("Channel")), tag="Channels", summary="Search channels",
      query=QUERY_TEXT + [("search", STRING), ("groupId", ID)])
route("get", "/api/channels/stats", ref("ChannelStats"), tag="Channels", summary="Channel counts")
route("get", "/api/channels/my-channels", array(ref("Channel")), tag="Channels", summary="The caller's channels")
route("get", "/api/channels/group/{groupId}", array(ref("Channel")), tag="Channels", summary="Channels of a group")
route("get", "/api/channels/{id}", ref("Channel"), tag="Channels", summary="A channel")
route("put", "/api/channels/{id}", ref("Channel"), tag="Channels", summary="Edit a channel",
      request=body({**CHANNEL_FIELDS, "isActive": BOOL, "maxMembers": nullable("integer")}), errors=("409",))
route("delete", "/api/channels/{id}", tag="Channels", summary="Archive a channel", shape="message")
route("put", "/api/channels/{id}/settings", ref("Channel"), tag="Channels", summary="Edit a channel's settings",
      request={"anyOf": [SETTINGS, obj({"settings": SETTINGS})]})
route("put", "/api/channels/{id}/archive", ref("Channel"), tag="Channels", summary="Archive", errors=("409",))
route("put", "/api/channels/{id}/unarchive", ref("Channel"), tag="Channels", summary="Unarchive", errors=("409",))
route("post", "/api/channels/{id}/join", ref("Channel"), tag="Channels", summary="Join a channel", errors=("409",))
route("post", "/api/channels/{id}/leave", tag="Channels", summary="Leave a channel", shape="message", errors=("409",))
route("get", "/api/channels/{id}/members", array(ref("User")), tag="Channels", summary="Members of a channel")
route("post", "/api/channels/{id}/members", ref("Channel"), tag="Channels", summary="Add a member",
      request=body({"userId": ID}, required=["userId"]), errors=("409",))
route("delete", "/api/channels/{id}/members/{userId}", ref("Channel"), tag="Channels", summary="Remove a member",
      errors=("409",))
route("get", "/api/channels/{id}/members/{userId}/check", ref("MembershipCheck"), tag="Channels",
      summary="Is a user a member")
route("get", "/api/channels/{id}/activity", array(ref("Activity")), tag="Channels", summary="A channel's activity log",
      query=LIMIT_OFFSET)

# Messages
HISTORY = LIMIT_OFFSET + [("page", INT), ("before", ID), ("after", ID), ("includeDeleted", BOOL)]
MESSAGE_FIELDS = {"channelId": ID, "text": STRING, "type": STRING, "imageUrl": STRING, "fileUrl": STRING,
                  "fileName": STRING, "fileSize": INT, "replyTo": ID, "tags": array(STRING)}
route("post", "/api/messages", ref("Message"), tag="Messages", summary="Post a message", status=201,
      request=body(MESSAGE_FIELDS, required=["channelId"]), errors=("415",))
route("get", "/api/messages/channel/{channelId}", array(ref("Message")), tag="Messages",
      summary="A channel's history, oldest first", query=HISTORY)
route("get", "/api/messages/channel/{channelId}/history", array(ref("Message")), tag="Messages",
      summary="Same as /api/messages/channel/{channelId}", query=HISTORY)
route("get", "/api/messages/user/{userId}", array(ref("Message")), tag="Messages", summary="A user's messages",
      query=LIMIT_OFFSET + [("page", INT)])
route("get", "/api/messages/search", ref("MessageSearchPage"), tag="Messages", summary="Full-text search",
      query=QUERY_TEXT + LIMIT_OFFSET + [("page", INT), ("channelId", ID), ("groupId", ID)])
route("get", "/api/messages/stats", obj(), tag="Messages", summary="Message counts")
route("get", "/api/messages/recent", array(ref("Message")), tag="Messages", summary="Recent messages",
      query=[("limit", INT)])
route("get", "/api/messages/unread-counts", obj(), tag="Messages", summary="Unread counts per channel")
route("post", "/api/messages/mark-read", obj(additional=STRING), tag="Messages", summary="Mark a channel read",
      request=body({"channelId": ID, "messageId": ID}, required=["channelId"]))
route("post", "/api/messages/reactions/batch", obj(additional=ref("ReactionSummary")), tag="Reactions",
      summary="Reactions of many messages", shape="status", request=body({"messageIds": array(ID)}, required=["messageIds"]))
route("post", "/api/messages/replies/batch", obj(additional=array(ref("Reply"))), tag="Replies",
      summary="Replies of many messages", shape="status", request=body({"messageIds": array(ID)}, required=["messageIds"]))
route("delete", "/api/messages/replies/{replyId}", ref("Reply"), tag="Replies", summary="Delete a reply", shape="status")
route("get", "/api/messages/{id}", {"anyOf": [ref("Message"), array(ref("Message"))]}, tag="Messages",
      summary="A message; given a channel (or group) id, that channel's latest page", query=PAGE)
route("put", "/api/messages/{id}", ref("Message"), tag="Messages", summary="Edit a message's text (author)",
      request=body({"text": STRING}, required=["text"]))
route("delete", "/api/messages/{id}", ref("Message"), tag="Messages", summary="Delete a message (tombstone)")
route("get", "/api/messages/{id}/edits", array(ref("MessageEdit")), tag="Messages", summary="A message's edit history")
route("post", "/api/messages/{id}/reactions", ref("Reaction"), tag="Reactions", summary="React", shape="status",
      status=201, request=body({"reaction": STRING, "emoji": STRING}), extra={"200": ref("Reaction")})
route("delete", "/api/messages/{id}/reactions", ref("Reaction"), tag="Reactions", summary="Remove the caller's reaction",
      shape="status", request=body({"reaction": STRING, "emoji": STRING}))
route("get", "/api/messages/{id}/reactions", ref("ReactionSummary"), tag="Reactions", summary="A message's reactions",
      shape="status")
route("get", "/api/messages/{id}/reactions/check",
      obj({"hasReacted": BOOL, "reaction": nullable("string")}, required=["hasReacted"]), tag="Reactions",
      summary="Has the caller reacted", shape="status", query=[("reaction", STRING), ("emoji", STRING)])
route("post", "/api/messages/{id}/replies", obj({"reply": ref("Reply"), "message": ref("Message"), "parent": ref("Message")},
                                                 required=["reply", "message", "parent"]),
      tag="Replies", summary="Reply to a message", shape="status", status=201,
      request=body({"text": STRING, "imageUrl": STRING, "fileUrl": STRING, "fileName": STRING, "fileSize": INT,
                    "channelId": ID}), errors=("415",))
route("get", "/api/messages/{id}/replies", ref("ReplyPage"), tag="Replies", summary="A message's replies", shape="status",
      query=PAGE)
route("get", "/api/messages/{id}/replies/count", COUNTS, tag="Replies", summary="How many replies", shape="status")

# Client (the caller's own data)
SETTINGS_DOC = obj(additional=True)
route("get", "/api/client/profile", ref("ClientProfile"), tag="Client", summary="The caller's profile")
route("put", "/api/client/profile", ref("ClientProfile"), tag="Client", summary="Edit the caller's profile",
      request=body({**USER_PROFILE, "avatarUrl": nullable("string")}), errors=("409",))
route("get", "/api/client/groups", array(ref("GroupSummary")), tag="Client", summary="The caller's groups")
route("get", "/api/client/channels", array(ref("Channel")), tag="Client", summary="The caller's channels",
      query=[("groupId", ID)])
route("get", "/api/client/messages", array(ref("Message")), tag="Client", summary="Messages of a channel",
      query=[("channelId", ID)] + LIMIT_OFFSET)
route("get", "/api/client/recent-messages", array(ref("Message")), tag="Client", summary="Recent messages",
      query=[("limit", INT)])
route("get", "/api/client/notifications", array(ref("Notification")), tag="Client", summary="Notifications",
      query=LIMIT_OFFSET + [("unread", BOOL)])
route("get", "/api/client/notifications/unread-count", COUNTS, tag="Client", summary="Unread notifications")
route("put", "/api/client/notifications/read-all", COUNTS, tag="Client", summary="Mark all notifications read")
route("put", "/api/client/notifications/{notificationId}/read", ref("Notification"), tag="Client",
      summary="Mark a notification read")
route("delete", "/api/client/notifications/{notificationId}", tag="Client", summary="Delete a notification",
      shape="message")
route("get", "/api/client/settings", SETTINGS_DOC, tag="Client", summary="Settings")
route("put", "/api/client/settings", SETTINGS_DOC, tag="Client", summary="Merge settings", request=obj())
route("get", "/api/client/preferences", SETTINGS_DOC, tag="Client", summary="Preferences")
route("put", "/api/client/preferences", SETTINGS_DOC, tag="Client", summary="Merge preferences", request=obj())
STATUS = obj({"status": STRING, "updatedAt": DATE}, required=["status", "updatedAt"])
route("get", "/api/client/status", STATUS, tag="Client", summary="Presence status")
route("put", "/api/client/status", STATUS, tag="Client", summary="Set presence status",
      request=body({"status": {"enum": ["online", "away", "busy", "offline"]}}, required=["status"]))
route("get", "/api/client/stats", obj(), tag="Client", summary="The caller's counts")
route("get", "/api/client/activity", array(ref("Activity")), tag="Client", summary="The caller's activity",
      query=LIMIT_OFFSET)
route("get", "/api/client/search", obj({"groups": array(ref("GroupSummary")), "channels": array(ref("Channel"))},
                                       required=["groups", "channels"]),
      tag="Client", summary="Search the caller's groups and channels", query=QUERY_TEXT)
route("get", "/api/client/export", obj({"exportedAt": DATE, "profile": ref("ClientProfile")},
                                       required=["exportedAt", "profile"]),
      tag="Client", summary="Everything stored about the caller (download)")
route("get", "/api/client/sessions", array(ref("Session")), tag="Client", summary="The caller's sign-in sessions")
route("delete", "/api/client/sessions/others", COUNTS, tag="Client", summary="Revoke every other session")
route("delete", "/api/client/sessions/{sessionId}", tag="Client", summary="Revoke a session", shape="message")
route("delete", "/api/client/account", tag="Client", summary="Close the caller's account (password required)",
      shape="message", request=body({"password": STRING}, required=["password"]))

# Admin
route("get", "/api/admin/dashboard", obj(), tag="Admin", summary="Dashboard figures")
route("get", "/api/admin/stats", obj({"users": obj(), "groups": ref("GroupStats"), "channels": ref("ChannelStats"),
                                      "messages": obj()}, required=["users", "groups", "channels", "messages"]),
      tag="Admin", summary="Counts and system usage")
route("get", "/api/admin/users", ref("AdminUserPage"), tag="Admin", summary="Users, paged (super_admin)",
      query=PAGE + [("search", STRING)])
route("post", "/api/admin/users", ref("User"), tag="Admin", summary="Create a user", status=201,
      request=body({**USER_PROFILE, "password": STRING, "roles": array(STRING), "isActive": BOOL},
                   required=["username", "email", "password"]), errors=("409",))
route("get", "/api/admin/users/stats", ref("UserStats"), tag="Admin", summary="User counts")
route("post", "/api/admin/users/bulk-delete", COUNTS, tag="Admin", summary="Delete many users",
      request=body({"userIds": array(ID)}, required=["userIds"]))
route("post", "/api/admin/users/bulk-update", COUNTS, tag="Admin", summary="Update many users",
      request=body({"userIds": array(ID), "updates": obj({"roles": array(STRING), "isActive": BOOL})},
                   required=["userIds", "updates"]))
route("put", "/api/admin/users/{id}", ref("User"), tag="Admin", summary="Edit a user, roles and active flag included",
      request=body({**USER_PROFILE, "roles": array(STRING), "isActive": BOOL}), errors=("409",))
route("delete", "/api/admin/users/{id}", obj(additional=BOOL), tag="Admin", summary="Remove an account")
route("get", "/api/admin/users/{id}/activity", array(ref("Activity")), tag="Admin", summary="A user's activity",
      query=LIMIT_OFFSET)
route("get", "/api/admin/users/{id}/groups", array(ref("GroupSummary")), tag="Admin", summary="A user's groups")
route("get", "/api/admin/groups/stats", ref("GroupStats"), tag="Admin", summary="Group counts")
route("get", "/api/admin/channels/stats", ref("ChannelStats"), tag="Admin", summary="Channel counts")
route("get", "/api/admin/groups", ref("GroupPage"), tag="Admin", summary="Groups, paged", query=PAGE + [("search", STRING)])
route("get", "/api/admin/channels", array(ref("Channel")), tag="Admin", summary="Channels", query=PAGE + [("groupId", ID)])
route("get", "/api/admin/logs", ref("ActivityPage"), tag="Admin", summary="Activity log, paged",
      query=PAGE + [("action", STRING), ("targetType", STRING), ("userId", ID), ("from", DATE), ("to", DATE)])
route("get", "/api/admin/messages", array(ref("Message")), tag="Admin", summary="Recent messages", query=PAGE)
route("get", "/api/admin/export/{type}", array(obj()), tag="Admin", summary="Export a collection (download)",
      extra={"parameters": [{"name": "type", "in": "path", "required": True,
                             "schema": {"type": "string", "enum": ["users", "groups", "channels", "requests", "group-requests", "logs"]}}]},
      errors=("501",))
for what in ("backup", "clear-cache", "restart"):
    route("post", f"/api/admin/{what}", tag="Admin", summary="Not available over the API: run it on the host",
          shape="none", errors=("501",))

# Video calls
route("get", "/api/video-calls/history", array(ref("VideoCall")), tag="VideoCalls", summary="The caller's calls",
      query=PAGE + [("status", STRING)])
route("get", "/api/video-calls/active", array(ref("VideoCall")), tag="VideoCalls", summary="The caller's active calls")
route("get", "/api/video-calls/stats", ref("CallStats"), tag="VideoCalls", summary="Call counts")
route("post", "/api/video-calls/cleanup", COUNTS, tag="VideoCalls", summary="End stale calls")
route("post", "/api/video-calls", ref("VideoCall"), tag="VideoCalls", summary="Start a call", status=201,
      request=body({"receiverId": ID, "channelId": ID, "callType": {"enum": ["video", "audio"]}}, required=["receiverId", "channelId"]),
      errors=("409",))
route("get", "/api/video-calls/{id}", ref("VideoCall"), tag="VideoCalls", summary="A call")
for verb in ("answer", "reject", "end"):
    route("post", f"/api/video-calls/{{id}}/{verb}", ref("VideoCall"), tag="VideoCalls", summary=f"{verb.capitalize()} a call",
          errors=("409",))
for method, tail in (("post", "recording/start"), ("post", "recording/stop"), ("get", "recording"), ("put", "quality")):
    route(method, f"/api/video-calls/{{id}}/{tail}", tag="VideoCalls",
          summary="Not available: media flows peer to peer", shape="none", errors=("501",))

# Uploads
MULTIPART = {"type": "string", "contentMediaType": "application/octet-stream"}


def form(field, many=False):
    return {"multipart/form-data": {"schema": obj({field: array(MULTIPART) if many else MULTIPART}, required=[field])}}


for path, field, key in (("/api/upload", "file", "fileUrl"), ("/api/upload/avatar", "avatar", "avatarUrl"),
                         ("/api/upload/image", "image", "imageUrl"), ("/api/upload/file", "file", "fileUrl")):
    route("post", path, ref("Upload"), tag="Uploads", summary=f"Upload one `{field}` (answers data.{key})",
          extra={"requestBody": {"required": True, "content": form(field)}}, errors=("413", "415"))
route("post", "/api/upload/multiple", obj({"files": array(ref("Upload")), "count": INT, "urls": array(STRING)},
                                          required=["files", "count", "urls"]),
      tag="Uploads", summary="Upload up to 5 `files`", extra={"requestBody": {"required": True, "content": form("files", True)}},
      errors=("413", "415"))
route("get", "/api/upload/limits", obj(), tag="Uploads", summary="Size and type limits per form")
route("get", "/api/upload/file-info", ref("Upload"), tag="Uploads", summary="Details of an upload by name",
      query=[("path", STRING), ("filename", STRING)])
route("get", "/api/upload/info/{path}", ref("Upload"), tag="Uploads",
      summary="Details of an upload: `<name>` or `<folder>/<name>` (owner or admin)")
route("get", "/api/upload/static/{folder}/{name}", tag="Uploads", summary="An uploaded file", shape="file")
route("delete", "/api/upload/file", tag="Uploads", summary="Delete the upload named in the body", shape="message",
      request=body({"filename": STRING, "path": STRING}))
route("delete", "/api/upload/{path}", tag="Uploads",
      summary="Delete an upload: `<name>` or `<folder>/<name>` (owner or admin)", shape="message")
route("get", "/uploads/{folder}/{name}", tag="Uploads", summary="An uploaded file (public, for <img src>)", auth=False,
      shape="file")


# ---- assembly ---------------------------------------------------------------------------------


def responses_for(op):
    responses = {}
    status = str(op["status"])
    shape = op["shape"]
    if shape == "envelope":
        responses[status] = {"description": "Success", "content": json_content(envelope(op["data"]))}
    elif shape == "status":
        responses[status] = {"description": "Success", "content": json_content(status_envelope(op["data"]))}
    elif shape == "message":
        responses[status] = {"description": "Success", "content": json_content(ref("MessageEnvelope"))}
    elif shape == "raw":
        responses[status] = {"description": "Success", "content": json_content(op["data"])}
    elif shape == "text":
        responses[status] = {"description": "Success", "content": {"text/plain": {"schema": STRING}}}
    elif shape == "file":
        responses[status] = {"description": "The file", "content": {"*/*": {"schema": MULTIPART}}}
    for code, payload in op["extra"].items():
        if code.isdigit():
            wrap = status_envelope if shape == "status" else envelope
            responses[code] = {"description": "Success", "content": json_content(wrap(payload))}
    codes = {"400", "404", *op["errors"]}
    if op["auth"]:
        codes |= {"401", "403"}
    if op["request"] is not None or "requestBody" in op["extra"]:
        codes.add("413")
    for code in sorted(codes):
        if code == "503" and op["shape"] == "raw":
            responses[code] = {"description": ERROR_TEXT[code], "content": json_content(op["data"])}
        else:
            responses[code] = {"description": ERROR_TEXT[code], "content": json_content(ref("Error"))}
    return responses


def operation_id(method, path):
    words = [w for w in re.split(r"[/{}\-.]+", path) if w and w != "api"]
    return method + "".join(w[:1].upper() + w[1:] for w in words) or method


def document():
    paths = {}
    for op in OPERATIONS:
        item = paths.setdefault(op["path"], {})
        assert op["method"] not in item, f"duplicate {op['method']} {op['path']}"
        entry = {
            "operationId": operation_id(op["method"], op["path"]),
            "tags": [op["tag"]],
            "summary": op["summary"],
            "security": [{"bearerAuth": []}] if op["auth"] else [],
        }
        params = op["extra"].get("parameters") or path_parameters(op["path"])
        params = params + [{"name": name, "in": "query", "required": False, "schema": schema} for name, schema in op["query"]]
        if params:
            entry["parameters"] = params
        if op["request"] is not None:
            entry["requestBody"] = {"required": False, "content": json_content(op["request"])}
        if "requestBody" in op["extra"]:
            entry["requestBody"] = op["extra"]["requestBody"]
        entry["responses"] = responses_for(op)
        item[op["method"]] = entry
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Parley REST API",
            "version": "1.0.0",
            "description": "The chat backend's REST API. Success: `{success: true, data, message?}`; reactions and "
                           "replies: `{success, message, data?, statusCode}`; every error: `{success: false, status: "
                           "\"error\", message, code}`. Socket.IO (`/socket.io/`) and PeerJS (`/peerjs`) are not REST "
                           "and are not described here.",
        },
        "servers": [{"url": "/"}],
        "tags": [{"name": name} for name in dict.fromkeys(op["tag"] for op in OPERATIONS)],
        "paths": paths,
        "components": {
            "schemas": SCHEMAS,
            "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}},
        },
    }


def main():
    text = json.dumps(document(), indent=2) + "\n"
    if "--check" in sys.argv:
        current = OUTPUT.read_text() if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT.relative_to(ROOT)} is out of date: run scripts/openapi-document.py", file=sys.stderr)
            sys.exit(1)
        return
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(text)
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(OPERATIONS)} operations")


if __name__ == "__main__":
    main()
