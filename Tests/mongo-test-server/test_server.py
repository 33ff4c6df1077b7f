"""The test server as a driver sees it: pymongo against a real socket."""

import socket
import struct

import bson
import pytest
from pymongo.errors import DuplicateKeyError, OperationFailure

import wire

CASE_INSENSITIVE = {"locale": "en", "strength": 2}


def test_find_hands_out_101_then_the_asked_batches(db):
    db.items.insert_many([{"n": i} for i in range(250)])
    first = db.command("find", "items", sort={"n": 1})
    cursor = first["cursor"]
    assert len(cursor["firstBatch"]) == 101
    assert cursor["id"] != 0
    more = db.command("getMore", cursor["id"], collection="items", batchSize=100)
    assert [d["n"] for d in more["cursor"]["nextBatch"]] == list(range(101, 201))
    last = db.command("getMore", cursor["id"], collection="items")
    assert len(last["cursor"]["nextBatch"]) == 49
    assert last["cursor"]["id"] == 0
    with pytest.raises(OperationFailure) as error:
        db.command("getMore", cursor["id"], collection="items")
    assert error.value.code == 43


def test_batch_size_and_kill_cursors(db):
    db.items.insert_many([{"n": i} for i in range(30)])
    cursor = db.command("find", "items", batchSize=10)["cursor"]
    assert len(cursor["firstBatch"]) == 10
    killed = db.command("killCursors", "items", cursors=[cursor["id"]])
    assert killed["cursorsKilled"] == [cursor["id"]]
    assert len(list(db.items.find(batch_size=7))) == 30


def test_duplicate_key_is_worded_as_mongodb_words_it(db):
    db.users.create_index("email", unique=True, name="email_1")
    db.users.insert_one({"email": "a@example.com"})
    with pytest.raises(DuplicateKeyError) as error:
        db.users.insert_one({"email": "a@example.com"})
    details = error.value.details
    assert details["code"] == 11000
    assert details["errmsg"] == (
        f'E11000 duplicate key error collection: {db.name}.users index: email_1 dup key: {{ email: "a@example.com" }}')
    assert details["keyPattern"] == {"email": 1}


def test_compound_duplicate_names_every_field(db):
    db.reactions.create_index([("messageId", 1), ("userId", 1)], unique=True, name="messageId_1_userId_1")
    message, user = bson.ObjectId(), bson.ObjectId()
    db.reactions.insert_one({"messageId": message, "userId": user})
    with pytest.raises(DuplicateKeyError) as error:
        db.reactions.insert_one({"messageId": message, "userId": user})
    assert f"dup key: {{ messageId: ObjectId('{message}'), userId: ObjectId('{user}') }}" in error.value.details["errmsg"]


def test_case_insensitive_collation_is_enforced_on_insert_and_update(db):
    db.users.create_index("username", unique=True, collation=CASE_INSENSITIVE, name="username_ci")
    db.users.insert_one({"_id": 1, "username": "Bob"})
    with pytest.raises(DuplicateKeyError):
        db.users.insert_one({"username": "bOB"})
    db.users.insert_one({"_id": 2, "username": "Böb"})  # strength 2 tells accents apart
    with pytest.raises(DuplicateKeyError):
        db.users.update_one({"_id": 2}, {"$set": {"username": "BOB"}})
    assert db.users.find_one({"_id": 2})["username"] == "Böb"  # the refused update left nothing behind
    found = db.users.find_one({"username": "bob"}, collation=CASE_INSENSITIVE)
    assert found["_id"] == 1
    assert db.users.find_one({"username": "bob"}) is None  # without the collation, case counts


def test_partial_and_sparse_unique_indexes_hold_only_among_their_documents(db):
    db.requests.create_index([("groupId", 1), ("userId", 1)], unique=True, name="pending",
                             partialFilterExpression={"status": "pending"})
    db.requests.insert_many([{"groupId": 1, "userId": 2, "status": "approved"},
                             {"groupId": 1, "userId": 2, "status": "approved"},
                             {"groupId": 1, "userId": 2, "status": "pending"}])
    with pytest.raises(DuplicateKeyError):
        db.requests.insert_one({"groupId": 1, "userId": 2, "status": "pending"})
    db.tags.create_index("code", unique=True, sparse=True)
    db.tags.insert_many([{"name": "a"}, {"name": "b"}, {"code": "x"}])
    with pytest.raises(DuplicateKeyError):
        db.tags.insert_one({"code": "x"})


def test_an_unsupported_command_is_an_error_naming_it(db):
    with pytest.raises(OperationFailure) as error:
        db.command("mapReduce", "items", map="function() {}", reduce="function() {}", out={"inline": 1})
    assert error.value.code == 59
    assert "mapReduce" in str(error.value)


def test_text_search_needs_a_text_index_and_matches_whole_words(db):
    db.messages.insert_many([{"text": "a zebra crossing"}, {"text": "Zebras"}, {"text": "nothing"}])
    with pytest.raises(OperationFailure) as error:
        list(db.messages.find({"$text": {"$search": "zebra"}}))
    assert error.value.code == 27
    db.messages.create_index([("text", "text")], default_language="none")
    found = db.messages.find({"$text": {"$search": '"ZEBRA"'}}, {"score": {"$meta": "textScore"}})
    assert [d["text"] for d in found] == ["a zebra crossing"]


def test_array_filters_update_only_the_matching_entries(db):
    db.groups.insert_one({"_id": 1, "members": [{"userId": 1, "role": "member"}, {"userId": 2, "role": "member"}]})
    db.groups.update_one({"_id": 1}, {"$set": {"members.$[entry].role": "admin"}},
                         array_filters=[{"entry.userId": 2}])
    assert [m["role"] for m in db.groups.find_one({"_id": 1})["members"]] == ["member", "admin"]


def test_upsert_and_find_one_and_update_report_what_they_did(db):
    result = db.settings.update_one({"_id": "u1"}, {"$set": {"theme": "dark"}}, upsert=True)
    assert result.upserted_id == "u1"
    reply = db.command("findAndModify", "settings", query={"_id": "u2"}, update={"$set": {"theme": "x"}},
                       upsert=True, new=True)
    assert reply["lastErrorObject"]["updatedExisting"] is False
    assert reply["value"]["theme"] == "x"
    assert db.settings.count_documents({}) == 2


def test_legacy_op_query_handshake_is_answered_with_op_reply(server_port):
    query = bson.encode({"isMaster": 1})
    body = struct.pack("<i", 0) + b"admin.$cmd\x00" + struct.pack("<ii", 0, -1) + query
    message = wire.HEADER.pack(wire.HEADER.size + len(body), 7, 0, wire.OP_QUERY) + body
    with socket.create_connection(("127.0.0.1", server_port)) as connection:
        connection.sendall(message)
        stream = connection.makefile("rb")
        length, _, response_to, op_code = wire.HEADER.unpack(stream.read(wire.HEADER.size))
        payload = stream.read(length - wire.HEADER.size)
    assert (response_to, op_code) == (7, wire.OP_REPLY)
    reply = bson.decode(payload[20:])
    assert reply["ismaster"] is True
    assert reply["maxWireVersion"] >= 17


def test_inc_on_a_non_number_is_refused_as_mongodb_refuses_it(db):
    db.messages.insert_one({"_id": 1, "editCount": "many"})
    result = db.command("update", "messages", updates=[{"q": {"_id": 1}, "u": {"$inc": {"editCount": 1}}}])
    assert result["writeErrors"][0]["code"] == 14
    assert "Cannot apply $inc to a value of non-numeric type" in result["writeErrors"][0]["errmsg"]
    assert db.messages.find_one({"_id": 1})["editCount"] == "many"


def test_message_search_grams_regex_find_all_and_str_len_cp(db):
    """What Parley's message search sends: `$all` on the grams, an escaped case-insensitive
    `$regex`, and a score from `$regexFindAll` over `$strLenCP`."""
    db.messages.insert_many([
        {"_id": 1, "text": "Zebra, zebra!", "searchGrams": ["bra", "ebr", "zeb"]},
        {"_id": 2, "text": "a zebra crossing the long road", "searchGrams": ["bra", "ebr", "zeb"]},
        {"_id": 3, "text": "東京へ zebr"},
        {"_id": 4, "text": "horse", "searchGrams": ["ors", "hor", "rse"]},
    ])
    match = {"text": {"$regex": "zebr", "$options": "i"},
             "$or": [{"searchGrams": {"$all": ["ebr", "zeb"]}}, {"searchGrams": {"$exists": False}}]}
    score = {"$divide": [{"$size": {"$regexFindAll": {"input": "$text", "regex": "zebr", "options": "i"}}},
                         {"$add": [{"$strLenCP": "$text"}, 1]}]}
    ranked = list(db.messages.aggregate([
        {"$match": match}, {"$addFields": {"searchScore": score}},
        {"$sort": {"searchScore": -1, "_id": -1}}, {"$skip": 0}, {"$limit": 10},
    ]))
    assert [d["_id"] for d in ranked] == [1, 3, 2]
    assert ranked[0]["searchScore"] == 2 / 14
    assert ranked[1]["searchScore"] == 1 / 9  # one match in 8 code points, not 14 bytes
    assert db.messages.count_documents(match) == 3
    with pytest.raises(OperationFailure):
        list(db.messages.aggregate([{"$project": {"n": {"$regexFindAll": {"input": "$text"}}}}]))
