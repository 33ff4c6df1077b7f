"""Reading commands: find, getMore, killCursors, aggregate, count, distinct. Results are held
in server-side cursors and handed out in batches as MongoDB does (101 documents first, or the
asked batchSize)."""

import copy
import itertools
import random

from bson.int64 import Int64
from mongomock_ng.aggregate import process_pipeline
from mongomock_ng.filtering import BsonComparable, filter_applies, iter_key_candidates, resolve_key
from sentinels import NOTHING

import collation
import textsearch
from errors import CommandError
from indexes import _canonical

DEFAULT_FIRST_BATCH = 101


class Cursors:
    """Open cursors: id → (namespace, documents not yet handed out)."""

    def __init__(self):
        self.open_cursors = {}
        self.ids = itertools.count(random.randint(1 << 40, 1 << 50))

    def first_batch(self, namespace, documents, batch_size, single_batch):
        size = batch_size if batch_size else DEFAULT_FIRST_BATCH
        batch, rest = documents[:size], documents[size:]
        cursor_id = 0
        if rest and not single_batch:
            cursor_id = next(self.ids)
            self.open_cursors[cursor_id] = (namespace, rest)
        return {"cursor": {"firstBatch": batch, "id": Int64(cursor_id), "ns": namespace}, "ok": 1.0}

    def get_more(self, db, command):
        cursor_id = int(command["getMore"])
        if cursor_id not in self.open_cursors:
            raise CommandError(43, "CursorNotFound", f"cursor id {cursor_id} not found")
        namespace, documents = self.open_cursors[cursor_id]
        if namespace != f"{db}.{command.get('collection')}":
            raise CommandError(13, "Unauthorized", f"Requested getMore on namespace '{db}.{command.get('collection')}', "
                               f"but cursor belongs to a different namespace {namespace}")
        size = command.get("batchSize") or len(documents)
        batch, rest = documents[:size], documents[size:]
        if rest:
            self.open_cursors[cursor_id] = (namespace, rest)
        else:
            del self.open_cursors[cursor_id]
            cursor_id = 0
        return {"cursor": {"nextBatch": batch, "id": Int64(cursor_id), "ns": namespace}, "ok": 1.0}

    def kill(self, db, command):
        killed, not_found = [], []
        for cursor_id in command.get("cursors", []):
            if self.open_cursors.pop(int(cursor_id), None) is not None:
                killed.append(cursor_id)
            else:
                not_found.append(cursor_id)
        return {"cursorsKilled": killed, "cursorsNotFound": not_found, "cursorsAlive": [], "cursorsUnknown": [],
                "ok": 1.0}


def select(catalog, db, name, query, sort=None, skip=0, limit=0, collation_spec=None):
    """The matching stored documents in order, with text scores by document id when `$text`
    is used. Documents are the stored ones: copy before changing or handing out."""
    level = collation.strength(collation_spec)
    query = dict(query or {})
    text = query.pop("$text", None)
    query = collation.collate_filter(query, level)
    matches = [d for d in catalog.documents(db, name) if filter_applies(query, d)]
    scores = {}
    if text is not None:
        index = catalog.text_index(db, name)
        if index is None:
            raise CommandError(27, "IndexNotFound", "text index required for $text query")
        search = text.get("$search", "")
        kept = []
        for document in matches:
            score = textsearch.score(document, index.text_fields(), search)
            if score is not None:
                scores[id(document)] = score
                kept.append(document)
        matches = kept
    for field, direction in reversed(list((sort or {}).items())):
        if isinstance(direction, dict) and direction.get("$meta") == "textScore":
            matches.sort(key=lambda d: scores.get(id(d), 0.0), reverse=True)
        else:
            matches.sort(key=lambda d, f=field: _sort_key(d, f, level), reverse=direction < 0)
    skip = int(skip or 0)
    matches = matches[skip:]
    if limit:
        matches = matches[:abs(int(limit))]
    return matches, scores


def _sort_key(document, field, level):
    value = resolve_key(field, document)
    if value is NOTHING:
        value = None
    elif isinstance(value, list):
        value = value[0] if value else None
    return BsonComparable(collation.sort_value(value, level))


def project(document, projection, score):
    """A copy of `document` shaped by `projection` (inclusion, exclusion, `$meta: textScore`)."""
    result = copy.deepcopy(document)
    if not projection:
        return result
    metas = {k: v for k, v in projection.items() if isinstance(v, dict) and "$meta" in v}
    plain = {k: v for k, v in projection.items() if k not in metas}
    including = any(bool(v) for k, v in plain.items() if k != "_id")
    if including:
        kept = {}
        if plain.get("_id", 1):
            kept["_id"] = result.get("_id")
        for field, flag in plain.items():
            if flag and field != "_id" and field.split(".")[0] in result:
                top = field.split(".")[0]
                kept[top] = result[top]
        result = {k: v for k, v in kept.items() if k in document}
    else:
        for field, flag in plain.items():
            if not flag:
                result.pop(field, None)
    for field in metas:
        result[field] = score if score is not None else 0.0
    return result


def find(catalog, cursors, db, command):
    name = command["find"]
    matches, scores = select(
        catalog, db, name, command.get("filter"), command.get("sort"), command.get("skip", 0),
        command.get("limit", 0), command.get("collation"))
    documents = [project(d, command.get("projection"), scores.get(id(d))) for d in matches]
    single = command.get("singleBatch", False) or int(command.get("limit", 0) or 0) < 0
    return cursors.first_batch(f"{db}.{name}", documents, command.get("batchSize"), single)


def _collate_pipeline(pipeline, level):
    stages = []
    for stage in pipeline:
        if "$match" in stage:
            stage = {"$match": collation.collate_filter(stage["$match"], level)}
        stages.append(stage)
    return stages


def aggregate(catalog, cursors, db, command):
    name = command["aggregate"]
    if not isinstance(name, str):
        raise CommandError(59, "CommandNotFound", "aggregate on a whole database ({aggregate: 1}) is not supported")
    pipeline = list(command.get("pipeline", []))
    for stage in pipeline:
        for operator in stage:
            if operator in ("$out", "$merge"):
                raise CommandError(59, "CommandNotFound", f"aggregation stage {operator} is not supported")
    level = collation.strength(command.get("collation"))
    documents = catalog.documents(db, name)
    if pipeline and "$match" in pipeline[0] and "$text" in pipeline[0]["$match"]:
        matches, scores = select(catalog, db, name, pipeline[0]["$match"])
        documents = matches
        pipeline = pipeline[1:]
    results = list(process_pipeline(copy.deepcopy(documents), catalog.client[db], _collate_pipeline(pipeline, level), None))
    batch_size = (command.get("cursor") or {}).get("batchSize")
    return cursors.first_batch(f"{db}.{name}", results, batch_size, False)


def count(catalog, db, command):
    matches, _ = select(catalog, db, command["count"], command.get("query"), None, command.get("skip", 0),
                        command.get("limit", 0), command.get("collation"))
    return {"n": len(matches), "ok": 1.0}


def distinct(catalog, db, command):
    matches, _ = select(catalog, db, command["distinct"], command.get("query"), None, 0, 0, command.get("collation"))
    seen, values = set(), []
    for document in matches:
        for value in iter_key_candidates(command["key"], document):
            if value is NOTHING:
                continue
            for item in value if isinstance(value, list) else [value]:
                key = _canonical(item)
                if key not in seen:
                    seen.add(key)
                    values.append(copy.deepcopy(item))
    return {"values": values, "ok": 1.0}
