"""Writing commands: insert, update (upsert, multi, arrayFilters), delete and findAndModify.
mongomock applies the operators; this module picks the documents (with collation), checks
every unique index after each change and undoes a change that breaks one."""

import copy

from bson import ObjectId
from mongomock_ng import OperationFailure

import arrayfilters
from errors import CommandError
from indexes import DuplicateKey
from reads import project, select


def _write_error(position, error):
    if isinstance(error, DuplicateKey):
        return {"index": position, **error.details()}
    if isinstance(error, CommandError):
        return {"index": position, "code": error.code, "errmsg": error.message}
    return {"index": position, "code": getattr(error, "code", None) or 2, "errmsg": str(error)}


def _run_statements(statements, ordered, apply):
    """Applies each statement, collecting MongoDB-style writeErrors (ordered stops at the first)."""
    errors = []
    for position, statement in enumerate(statements):
        try:
            apply(position, statement)
        except (DuplicateKey, CommandError, OperationFailure) as error:
            errors.append(_write_error(position, error))
            if ordered:
                break
    return errors


def insert(catalog, db, command):
    name = command["insert"]
    collection = catalog.ensure(db, name)
    inserted = []

    def apply(_position, document):
        document = copy.deepcopy(document)
        document.setdefault("_id", ObjectId())
        catalog.check_unique(db, name, document, exclude_id=None)
        collection.insert_one(document)
        inserted.append(document["_id"])

    errors = _run_statements(command.get("documents", []), command.get("ordered", True), apply)
    reply = {"n": len(inserted), "ok": 1.0}
    if errors:
        reply["writeErrors"] = errors
    return reply


def _is_replacement(update):
    if isinstance(update, list):
        raise CommandError(59, "CommandNotFound", "updates with an aggregation pipeline are not supported")
    return not any(key.startswith("$") for key in update)


def apply_update(catalog, db, name, query, update, upsert=False, multi=False, array_filters=None,
                 collation_spec=None, sort=None):
    """Updates the matching documents. Returns (matched, modified, upserted id or None, ids)."""
    replacement = _is_replacement(update)
    matches, _ = select(catalog, db, name, query, sort, 0, 0 if multi else 1, collation_spec)
    collection = catalog.ensure(db, name)
    ids = [document["_id"] for document in matches]
    modified = 0
    for document_id in ids:
        before = copy.deepcopy(catalog.stored(db, name, document_id))
        if replacement:
            collection.replace_one({"_id": document_id}, {**update, "_id": document_id})
        else:
            concrete = update
            if arrayfilters.uses_placeholders(update):
                concrete = arrayfilters.concrete_update(update, before, array_filters)
            if concrete:
                collection.update_one({"_id": document_id}, concrete)
        after = catalog.stored(db, name, document_id)
        try:
            catalog.check_unique(db, name, after, exclude_id=document_id)
        except DuplicateKey:
            collection.replace_one({"_id": document_id}, before)
            raise
        if after != before:
            modified += 1
    if ids or not upsert:
        return len(ids), modified, None, ids
    if replacement:
        document = {**update}
        document.setdefault("_id", query.get("_id", ObjectId()) if not isinstance(query.get("_id"), dict) else ObjectId())
        catalog.check_unique(db, name, document, exclude_id=None)
        collection.insert_one(document)
        upserted = document["_id"]
    else:
        upserted = collection.update_one(query, update, upsert=True).upserted_id
        try:
            catalog.check_unique(db, name, catalog.stored(db, name, upserted), exclude_id=upserted)
        except DuplicateKey:
            collection.delete_one({"_id": upserted})
            raise
    return 1, 0, upserted, [upserted]


def update(catalog, db, command):
    name = command["update"]
    totals = {"n": 0, "nModified": 0}
    upserted = []

    def apply(position, statement):
        matched, modified, upserted_id, _ = apply_update(
            catalog, db, name, statement.get("q", {}), statement["u"], statement.get("upsert", False),
            statement.get("multi", False), statement.get("arrayFilters"), statement.get("collation"))
        totals["n"] += matched
        totals["nModified"] += modified
        if upserted_id is not None:
            upserted.append({"index": position, "_id": upserted_id})

    errors = _run_statements(command.get("updates", []), command.get("ordered", True), apply)
    reply = {**totals, "ok": 1.0}
    if upserted:
        reply["upserted"] = upserted
    if errors:
        reply["writeErrors"] = errors
    return reply


def delete(catalog, db, command):
    name = command["delete"]
    removed = {"n": 0}

    def apply(_position, statement):
        limit = int(statement.get("limit", 0) or 0)
        matches, _ = select(catalog, db, name, statement.get("q", {}), None, 0, limit, statement.get("collation"))
        ids = [document["_id"] for document in matches]
        if ids:
            catalog.collection(db, name).delete_many({"_id": {"$in": ids}})
        removed["n"] += len(ids)

    errors = _run_statements(command.get("deletes", []), command.get("ordered", True), apply)
    reply = {"n": removed["n"], "ok": 1.0}
    if errors:
        reply["writeErrors"] = errors
    return reply


def find_and_modify(catalog, db, command):
    name = command.get("findAndModify") or command.get("findandmodify")
    query = command.get("query") or {}
    fields = command.get("fields")
    if command.get("remove"):
        matches, _ = select(catalog, db, name, query, command.get("sort"), 0, 1, command.get("collation"))
        if not matches:
            return {"lastErrorObject": {"n": 0}, "value": None, "ok": 1.0}
        value = project(matches[0], fields, None)
        catalog.collection(db, name).delete_one({"_id": value["_id"]})
        return {"lastErrorObject": {"n": 1}, "value": value, "ok": 1.0}
    if "update" not in command:
        raise CommandError(9, "FailedToParse", "Either an update or remove=true must be specified")
    before = None
    matches, _ = select(catalog, db, name, query, command.get("sort"), 0, 1, command.get("collation"))
    if matches:
        before = project(matches[0], fields, None)
        query = {"_id": matches[0]["_id"]}
    try:
        matched, _, upserted, ids = apply_update(
            catalog, db, name, query, command["update"], command.get("upsert", False), False,
            command.get("arrayFilters"), None if matches else command.get("collation"))
    except DuplicateKey as error:
        raise CommandError(11000, "DuplicateKey", error.message,
                           keyPattern=dict(error.index.key), keyValue=error.key_value) from error
    last_error = {"n": matched, "updatedExisting": bool(matched and upserted is None)}
    if upserted is not None:
        last_error["upserted"] = upserted
    if command.get("new") and ids:
        value = project(catalog.stored(db, name, ids[0]), fields, None)
    else:
        value = before
    return {"lastErrorObject": last_error, "value": value, "ok": 1.0}
